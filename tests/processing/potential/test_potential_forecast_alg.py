"""evplanner:forecastdemand through processing.run: hand-computed answers and the Delft districts."""

from __future__ import annotations

import json

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from tests.support.running import run_algorithm, to_memory

RD = "EPSG:28992"
ALG = "evplanner:forecastdemand"


def _run(params, feedback=None):
    return run_algorithm(ALG, to_memory(params), feedback)


@pytest.fixture
def areas(make_layer, square_wkt):
    return make_layer(
        "Polygon",
        RD,
        [
            (square_wkt(85_000, 447_000, 100), {"code": "A", "cars": 1000, "hh": 800}),
            (square_wkt(85_200, 447_000, 100), {"code": "B", "cars": 100, "hh": 50}),
        ],
        {"code": "string", "cars": "integer", "hh": "integer"},
    )


@pytest.fixture
def points(make_layer):
    return make_layer(
        "Point",
        RD,
        [
            ("POINT(85010 447010)", {"evse_count": 2}),
            ("POINT(85020 447010)", {"evse_count": 2}),
            ("POINT(85030 447010)", {"evse_count": 2}),
            ("POINT(85210 447010)", {"evse_count": 20}),
            ("POINT(90000 447010)", {"evse_count": 2}),
        ],
        {"evse_count": "integer"},
    )


def test_known_answer_with_evse_counts(evplanner, areas, points):
    result = _run(
        {
            "AREAS": areas,
            "CARS_FIELD": "cars",
            "EV_SHARE": 0.2,
            "PUBLIC_SHARE": 0.5,
            "EVS_PER_PUBLIC_POINT": 2.5,
            "CHARGE_POINTS": points,
            "TARGET_YEAR": 2030,
        }
    )
    rows = {
        f["code"]: (
            f["evs"],
            f["public_evs"],
            f["required_points"],
            f["existing_points"],
            f["gap"],
            f["afir_kw"],
        )
        for f in result["OUTPUT"].getFeatures()
    }
    assert rows["A"] == pytest.approx((200.0, 100.0, 40, 6.0, 34.0, 260.0))
    assert rows["B"] == pytest.approx((20.0, 10.0, 4, 20.0, 0.0, 26.0))
    assert result["TOTAL_EVS"] == 220.0
    assert result["TOTAL_REQUIRED"] == 44
    assert result["TOTAL_EXISTING"] == 26.0
    assert result["TOTAL_GAP"] == 34.0
    fields = result["OUTPUT"].fields().names()
    assert fields[:2] == ["code", "hh"]  # the areas' fields stay first; their "cars" is replaced by ours
    for name in ("target_year", "evs", "public_evs", "required_points", "existing_points", "gap"):
        assert name in fields
    assert {f["target_year"] for f in result["OUTPUT"].getFeatures()} == {2030}


def test_households_only_and_points_without_count_field(evplanner, areas, make_layer):
    plain_points = make_layer("Point", RD, [("POINT(85010 447010)", {}), ("POINT(85020 447010)", {})])
    result = _run(
        {"AREAS": areas, "HOUSEHOLDS_FIELD": "hh", "CARS_PER_HOUSEHOLD": 0.5, "CHARGE_POINTS": plain_points}
    )
    rows = {f["code"]: (f["cars"], f["existing_points"]) for f in result["OUTPUT"].getFeatures()}
    assert rows == {"A": (400.0, 2.0), "B": (25.0, 0.0)}


def test_scenarios_are_monotonic(evplanner, areas):
    low = _run({"AREAS": areas, "CARS_FIELD": "cars", "EV_SHARE": 0.1})
    high = _run({"AREAS": areas, "CARS_FIELD": "cars", "EV_SHARE": 0.4})
    assert high["TOTAL_REQUIRED"] > low["TOTAL_REQUIRED"]


def test_delft_districts_with_all_charge_points(evplanner, sample_dir, delft_charge_points):
    wijken = str(sample_dir / "wijken_cbs_2024.geojson")
    result = _run(
        {
            "AREAS": wijken,
            "CARS_FIELD": "personenautos",
            "HOUSEHOLDS_FIELD": "huishoudens",
            "CHARGE_POINTS": delft_charge_points,
        }
    )
    layer = result["OUTPUT"]
    assert layer.featureCount() == 13
    cars = sum(f["personenautos"] for f in QgsVectorLayer(wijken, "w", "ogr").getFeatures())
    assert result["TOTAL_EVS"] == pytest.approx(0.2 * cars)
    # Every Delft location lies in a district; their EVSEs are counted through evse_count.
    locations = json.loads((sample_dir / "charge_points.ocpi.json").read_text(encoding="utf-8"))
    assert result["TOTAL_EXISTING"] == sum(len(loc.get("evses") or []) for loc in locations) == 1952
    for feature in layer.getFeatures():
        assert feature["gap"] == max(feature["required_points"] - feature["existing_points"], 0)
    assert layer.crs().authid() == "EPSG:4326"


def test_errors_are_clear(evplanner, areas, make_layer):
    with pytest.raises(QgsProcessingException, match="CARS_FIELD"):
        _run({"AREAS": areas})
    with pytest.raises(QgsProcessingException):
        _run({"AREAS": areas, "CARS_FIELD": "cars", "EV_SHARE": 1.5})
    with pytest.raises(QgsProcessingException, match="non-numeric"):
        _run({"AREAS": areas, "CARS_FIELD": "code"})
    negative = make_layer(
        "Polygon", RD, [("POLYGON((0 0,10 0,10 10,0 0))", {"cars": -3})], {"cars": "integer"}
    )
    with pytest.raises(QgsProcessingException, match="negative"):
        _run({"AREAS": negative, "CARS_FIELD": "cars"})
    with pytest.raises(QgsProcessingException, match="no features"):
        _run({"AREAS": make_layer("Polygon", RD, [], {"cars": "integer"}), "CARS_FIELD": "cars"})
    points = make_layer("Point", RD, [("POINT(1 1)", {})])
    with pytest.raises(QgsProcessingException, match="no field sockets"):
        _run({"AREAS": areas, "CARS_FIELD": "cars", "CHARGE_POINTS": points, "COUNT_FIELD": "sockets"})


def test_cancel_writes_no_output(evplanner, areas, points):
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match=r"Canceled: nothing was written\."):
        _run({"AREAS": areas, "CARS_FIELD": "cars", "CHARGE_POINTS": points}, feedback)


class _CancelWhenWriting(QgsProcessingFeedback):
    """Cancels once the algorithm reports 80 %: the forecast is computed, the writing starts."""

    def setProgress(self, progress):
        super().setProgress(progress)
        if progress >= 80:
            self.cancel()


def test_cancel_while_writing_stops_the_writer(evplanner, areas, tmp_path):
    feedback = _CancelWhenWriting()
    with pytest.raises(QgsProcessingException, match=r"Canceled: nothing was written\."):
        _run({"AREAS": areas, "CARS_FIELD": "cars", "OUTPUT": str(tmp_path / "forecast.gpkg")}, feedback)
    assert feedback.progress() < 100
