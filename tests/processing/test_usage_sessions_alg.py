"""evplanner:loadocpisessions through Processing against a local OCPI server and a dump file."""

from __future__ import annotations

import base64
import json

import pytest
from ocpi_test_server import OcpiTestServer
from qgis.core import QgsProcessingException, QgsVectorLayer
from qgis.PyQt.QtCore import QDateTime

from ev_planner.compat import WKB_NO_GEOMETRY
from tests.support.feedback import RecordingFeedback as Feedback
from tests.support.layers import features_by_id, write_charge_points
from tests.support.running import run_algorithm, run_recorded
from tests.support.usage_ocpi import USAGE_TOKEN, make_cdrs


@pytest.fixture
def server():
    records = make_cdrs(60, location_ids=("50008", "923536", "UNKNOWN-LOC"))
    records[0] = dict(records[0], total_energy=-1.0)  # one implausible record
    with OcpiTestServer({"cdrs": records}, token=USAGE_TOKEN, max_limit=20, link="bad_path") as running:
        yield running


def run(params):
    return run_recorded("loadocpisessions", params)


def test_sessions_from_the_server_into_a_table(evplanner, server, tmp_path):
    out = str(tmp_path / "sessions.gpkg")
    result, feedback = run({"SOURCE": server.versions_url, "TOKEN": USAGE_TOKEN, "OUTPUT": out})
    assert result["SESSION_COUNT"] == 59
    assert result["SKIPPED_COUNT"] == 1
    layer = QgsVectorLayer(out, "s", "ogr")
    assert layer.wkbType() == WKB_NO_GEOMETRY
    assert [name for name in layer.fields().names() if name != "fid"] == [
        "session_id",
        "location_id",
        "evse_uid",
        "start",
        "end",
        "kwh",
        "charging_hours",
        "parking_hours",
        "cost",
    ]
    feature = next(f for f in layer.getFeatures() if f["session_id"] == "CDR00001")
    start = feature["start"]
    assert isinstance(start, QDateTime)
    assert start.toUTC().toString("yyyy-MM-ddTHH:mm:ss") == "2026-06-01T09:00:00"
    assert feature["kwh"] == pytest.approx(10.0)
    assert feature["charging_hours"] == pytest.approx(1.5)
    assert feature["parking_hours"] == pytest.approx(2.0)
    assert feature["cost"] == pytest.approx(3.63)
    assert any("negative energy" in e for e in feedback.errors)
    assert all(USAGE_TOKEN not in message for message in feedback.errors + feedback.infos)


def test_the_table_feeds_usagekpis(evplanner, server, sample_dir, tmp_path):
    sessions = str(tmp_path / "sessions.gpkg")
    run({"SOURCE": server.versions_url, "TOKEN": USAGE_TOKEN, "OUTPUT": sessions})
    locations = json.loads((sample_dir / "charge_points.ocpi.json").read_text())
    points = write_charge_points(
        tmp_path / "cp.geojson", [loc for loc in locations if loc["id"] in ("50008", "923536")]
    )
    out = str(tmp_path / "kpis.gpkg")
    feedback = Feedback()
    run_algorithm(
        "usagekpis",
        {
            "CHARGE_POINTS": points,
            "SESSIONS": sessions,
            "DATE_FROM": "2026-06-01T00:00:00Z",
            "DATE_TO": "2026-06-11T00:00:00Z",
            "OUTPUT": out,
        },
        feedback,
    )
    _, by_id = features_by_id(out)
    # 60 CDRs cycling over 3 locations, the first (50008) dropped: 19 left on 50008, 20 on 923536
    assert by_id["50008"]["sessions_per_day"] == pytest.approx(1.9)
    assert by_id["923536"]["kwh_per_day"] == pytest.approx(20.0)
    assert by_id["923536"]["blocking_hours_per_session"] == pytest.approx(0.5)
    assert any("UNKNOWN-LOC" in e for e in feedback.errors)


def test_sessions_with_the_token_in_an_environment_variable(evplanner, server, tmp_path, monkeypatch):
    monkeypatch.setenv("EVP_TEST_SESSIONS_TOKEN", USAGE_TOKEN)
    params = {"SOURCE": server.versions_url, "TOKEN_ENV": "EVP_TEST_SESSIONS_TOKEN"}
    result, feedback = run({**params, "OUTPUT": str(tmp_path / "env.gpkg")})
    assert result["SESSION_COUNT"] == 59
    assert USAGE_TOKEN not in " ".join([*feedback.errors, *feedback.warnings, *feedback.infos])
    monkeypatch.delenv("EVP_TEST_SESSIONS_TOKEN")
    with pytest.raises(QgsProcessingException, match="EVP_TEST_SESSIONS_TOKEN"):
        run({**params, "OUTPUT": str(tmp_path / "unset.gpkg")})


def test_period_wrong_token_and_missing_file(evplanner, server, tmp_path):
    result, _ = run(
        {
            "SOURCE": server.versions_url,
            "TOKEN": USAGE_TOKEN,
            "DATE_FROM": "2026-06-02T00:00:00Z",
            "DATE_TO": "2026-06-03T00:00:00Z",
            "OUTPUT": str(tmp_path / "day.gpkg"),
        }
    )
    assert result["SESSION_COUNT"] == 8
    feedback = Feedback()
    with pytest.raises(QgsProcessingException) as caught:
        run_algorithm(
            "loadocpisessions",
            {"SOURCE": server.versions_url, "TOKEN": "not-the-token-123", "OUTPUT": str(tmp_path / "x.gpkg")},
            feedback,
        )
    logged = " ".join([str(caught.value), *feedback.errors, *feedback.warnings, *feedback.infos])
    assert "not-the-token-123" not in logged
    assert base64.b64encode(b"not-the-token-123").decode() not in logged  # the OCPI 2.2 form
    assert "refused the token" in str(caught.value)
    with pytest.raises(QgsProcessingException, match="does not exist"):
        run({"SOURCE": str(tmp_path / "none.json"), "OUTPUT": str(tmp_path / "y.gpkg")})
    with pytest.raises(QgsProcessingException, match="after"):
        run(
            {
                "SOURCE": str(tmp_path / "none.json"),
                "DATE_FROM": "2026-06-03T00:00:00Z",
                "DATE_TO": "2026-06-02T00:00:00Z",
                "OUTPUT": str(tmp_path / "z.gpkg"),
            }
        )


def test_local_file_of_sessions(evplanner, tmp_path):
    dump = tmp_path / "cdrs.json"
    dump.write_text(json.dumps({"data": make_cdrs(5), "status_code": 1000}), encoding="utf-8")
    result, _ = run({"SOURCE": str(dump), "OUTPUT": str(tmp_path / "s.gpkg")})
    assert result["SESSION_COUNT"] == 5
