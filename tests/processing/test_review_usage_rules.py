"""Cancel and the rules between parameters of the review and usage algorithms, through Processing.

Cancel raises "Canceled: nothing was written." and leaves no output behind; a rule
between parameters refuses the run before it starts, naming what to change.
"""

from __future__ import annotations

import json

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
)
from test_review_algorithms import memory_points

from ev_planner.core.review.store import ReviewStore

CANCELED = "Canceled: nothing was written."


def canceled_feedback() -> QgsProcessingFeedback:
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    return feedback


def run(algorithm_id: str, params: dict, feedback: QgsProcessingFeedback | None = None) -> dict:
    import processing

    return processing.run(
        f"evplanner:{algorithm_id}",
        params,
        context=QgsProcessingContext(),
        feedback=feedback or QgsProcessingFeedback(),
    )


@pytest.fixture
def locations():
    return memory_points(
        "EPSG:28992",
        "field=location_id:string&field=address:string",
        [((84500.0, 447400.0), ["L1", "Markt 1"]), ((84600.0, 447450.0), ["L2", "Markt 2"])],
    )


@pytest.fixture
def review(evplanner, locations, tmp_path) -> ReviewStore:
    out = tmp_path / "review.gpkg"
    run("createreview", {"LOCATIONS": locations, "DEPARTMENTS": "Mobiliteit,Parkeren", "OUTPUT": str(out)})
    return ReviewStore(out)


@pytest.fixture
def charge_points(tmp_path):
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [4.35 + n / 100, 52.0]},
            "properties": {"source_id": f"P{n}", "operator": "Vattenfall", "evse_count": 2},
        }
        for n in range(3)
    ]
    path = tmp_path / "charge_points.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return str(path)


@pytest.fixture
def status_csv(tmp_path):
    path = tmp_path / "status.csv"
    path.write_text(
        "observed_at,location_id,status\n2026-01-05T10:00:00+01:00,P0,AVAILABLE\n", encoding="utf-8"
    )
    return str(path)


# --- cancel --------------------------------------------------------------------------------------
def test_canceled_createreview_writes_no_review(evplanner, locations, tmp_path):
    out = tmp_path / "review.gpkg"
    with pytest.raises(QgsProcessingException, match=CANCELED):
        run("createreview", {"LOCATIONS": locations, "OUTPUT": str(out)}, canceled_feedback())
    assert not out.exists()


def test_canceled_checkconstraints_writes_no_event(review):
    trees = memory_points("EPSG:28992", "field=soort:string", [((84501.0, 447400.0), ["linde"])])
    with pytest.raises(QgsProcessingException, match=CANCELED):
        run("checkconstraints", {"REVIEW": str(review.path), "CONSTRAINTS": [trees]}, canceled_feedback())
    assert review.count_events() == 0


def test_canceled_importreviewevents_imports_nothing(review, tmp_path):
    events = tmp_path / "events.csv"
    events.write_text(
        "location_id,at,actor,department,action,reason,comment\nL1,2026-03-02T10:00:00Z,Anna,,submit,,\n",
        encoding="utf-8",
    )
    with pytest.raises(QgsProcessingException, match=CANCELED):
        run("importreviewevents", {"REVIEW": str(review.path), "EVENTS": str(events)}, canceled_feedback())
    assert review.count_events() == 0


def test_canceled_exportdecrees_writes_no_document(review, tmp_path):
    folder = tmp_path / "decrees"
    with pytest.raises(QgsProcessingException, match=CANCELED):
        run(
            "exportdecrees",
            {"REVIEW": str(review.path), "STATUS": "proposed", "OUTPUT_FOLDER": str(folder)},
            canceled_feedback(),
        )
    assert list(folder.glob("*.docx")) == []
    assert not (folder / "locations.geojson").exists()


class CancelAfterFirstLocation(QgsProcessingFeedback):
    """Cancels once the first location is done, as a user who clicks Cancel mid-run."""

    def setProgress(self, progress):
        super().setProgress(progress)
        if progress > 0:
            self.cancel()


def test_exportdecrees_canceled_mid_run_leaves_the_folder_as_it_was(review, tmp_path):
    folder = tmp_path / "decrees"
    assert len([row for row in review.locations() if row["status"] == "proposed"]) == 2
    with pytest.raises(QgsProcessingException, match=CANCELED):
        run(
            "exportdecrees",
            {"REVIEW": str(review.path), "STATUS": "proposed", "OUTPUT_FOLDER": str(folder)},
            CancelAfterFirstLocation(),
        )
    assert list(folder.glob("*.docx")) == []


def test_canceled_usagekpis_writes_no_output(evplanner, charge_points, status_csv, tmp_path):
    out = tmp_path / "kpis.gpkg"
    params = {"CHARGE_POINTS": charge_points, "STATUS_HISTORY": status_csv, "OUTPUT": str(out)}
    with pytest.raises(QgsProcessingException, match=CANCELED):
        run("usagekpis", params, canceled_feedback())
    assert not out.exists()


def test_canceled_operatorperformance_writes_no_output(evplanner, charge_points, tmp_path):
    out = tmp_path / "operators.gpkg"
    with pytest.raises(QgsProcessingException, match=CANCELED):
        run("operatorperformance", {"CHARGE_POINTS": charge_points, "OUTPUT": str(out)}, canceled_feedback())
    assert not out.exists()


def test_canceled_loadocpisessions_writes_no_output(evplanner, tmp_path):
    dump = tmp_path / "cdrs.json"
    dump.write_text(json.dumps([]), encoding="utf-8")
    out = tmp_path / "sessions.gpkg"
    with pytest.raises(QgsProcessingException, match=CANCELED):
        run("loadocpisessions", {"SOURCE": str(dump), "OUTPUT": str(out)}, canceled_feedback())
    assert not out.exists()


# --- rules between parameters ------------------------------------------------------------------
def check(algorithm_id: str, params: dict) -> tuple[bool, str]:
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(f"evplanner:{algorithm_id}")
    return algorithm.checkParameterValues(params, QgsProcessingContext())


def test_usagekpis_refuses_a_little_used_threshold_not_below_the_busy_one(
    evplanner, charge_points, status_csv
):
    params = {"CHARGE_POINTS": charge_points, "STATUS_HISTORY": status_csv, "OUTPUT": "TEMPORARY_OUTPUT"}
    assert check("usagekpis", params) == (True, "")
    ok, message = check("usagekpis", {**params, "LOW_THRESHOLD": 70.0, "BUSY_THRESHOLD": 70.0})
    assert not ok
    assert message == "The little-used threshold must be below the busy threshold."


def test_usagekpis_refuses_a_run_without_any_usage_input(evplanner, charge_points):
    ok, message = check(
        "usagekpis",
        {"CHARGE_POINTS": charge_points, "SESSIONS": None, "OCCUPANCY": "", "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    assert not ok
    assert message == "Give at least one of SESSIONS, OCCUPANCY or STATUS_HISTORY."


@pytest.mark.parametrize("algorithm_id", ["usagekpis", "loadocpisessions"])
def test_a_period_that_ends_before_it_starts_is_refused(evplanner, charge_points, status_csv, algorithm_id):
    params = {
        "CHARGE_POINTS": charge_points,
        "STATUS_HISTORY": status_csv,
        "SOURCE": "cdrs.json",
        "DATE_FROM": "2026-06-02T00:00:00Z",
        "DATE_TO": "2026-06-01T00:00:00Z",
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    ok, message = check(algorithm_id, params)
    assert not ok
    assert message == "DATE_TO must be after DATE_FROM."
    assert check(algorithm_id, {**params, "DATE_TO": "2026-06-03T00:00:00Z"}) == (True, "")


def test_usagekpis_refuses_sessions_it_cannot_open(evplanner, charge_points, status_csv, tmp_path):
    params = {
        "CHARGE_POINTS": charge_points,
        "STATUS_HISTORY": status_csv,
        "SESSIONS": str(tmp_path / "no_such_sessions.csv"),
        "OUTPUT": str(tmp_path / "kpis.gpkg"),
    }
    with pytest.raises(QgsProcessingException, match="SESSIONS"):
        run("usagekpis", params)


class CancelWhileWriting(QgsProcessingFeedback):
    """Cancels once the run reports the progress of its writing step."""

    def __init__(self, writing_from: float):
        super().__init__()
        self.writing_from = writing_from

    def setProgress(self, progress):
        super().setProgress(progress)
        if progress >= self.writing_from:
            self.cancel()


def test_loadocpisessions_canceled_while_writing_leaves_no_table(evplanner, tmp_path):
    from ev_planner.processing.algorithms.loadocpisessions import WRITE_BATCH

    cdr = {
        "country_code": "NL",
        "party_id": "TST",
        "start_date_time": "2026-01-05T08:00:00Z",
        "end_date_time": "2026-01-05T10:00:00Z",
        "cdr_location": {"id": "P0", "evse_uid": "P0-E1"},
        "total_energy": 10.0,
        "total_time": 2.0,
        "last_updated": "2026-01-05T10:05:00Z",
    }
    dump = tmp_path / "cdrs.json"  # more than one batch: Cancel comes while the first is written
    dump.write_text(json.dumps([dict(cdr, id=f"CDR{n}") for n in range(WRITE_BATCH + 1)]), encoding="utf-8")
    out = tmp_path / "sessions.gpkg"
    with pytest.raises(QgsProcessingException, match=CANCELED):
        run("loadocpisessions", {"SOURCE": str(dump), "OUTPUT": str(out)}, CancelWhileWriting(80.0))
    assert not out.exists()
