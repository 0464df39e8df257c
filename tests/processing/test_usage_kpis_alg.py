"""evplanner:usagekpis through Processing, on the Delft sample and hand-made sessions."""

from __future__ import annotations

import json

import pytest
from qgis.core import (
    NULL,
    QgsProcessingException,
    QgsVectorLayer,
)

from tests.support.layers import features_by_id, write_charge_points
from tests.support.running import run_recorded

FIELDS = ("source", "source_id", "name", "operator", "evse_count", "max_power_kw")


@pytest.fixture
def delft_points(sample_dir, tmp_path):
    locations = json.loads((sample_dir / "charge_points.ocpi.json").read_text())
    return write_charge_points(tmp_path / "charge_points.geojson", locations)


def run(params):
    return run_recorded("usagekpis", params)


def test_delft_occupancy_and_status(evplanner, sample_dir, delft_points, tmp_path):
    out = str(tmp_path / "kpis.gpkg")
    result, feedback = run(
        {
            "CHARGE_POINTS": delft_points,
            "OCCUPANCY": str(sample_dir / "occupancy"),
            "STATUS_HISTORY": str(sample_dir / "status_history.csv"),
            "OUTPUT": out,
        }
    )
    layer, by_id = features_by_id(out)
    assert layer.featureCount() == 850
    assert layer.crs().authid() == "EPSG:4326"
    names = layer.fields().names()
    for name in (
        "source_id",
        "operator",
        "sessions_per_day",
        "occupancy_mean",
        "busy",
        "advice",
        "advice_reason",
    ):
        assert name in names
    # independent figures for one location from the raw files
    values = []
    for path in sorted((sample_dir / "occupancy").glob("*.json")):
        entry = json.loads(path.read_text())["locations"].get("50008")
        values += [v for v in entry["occ"] if v is not None]
    feature = by_id["50008"]
    assert feature["hours_sampled"] == len(values)
    assert feature["occupancy_mean"] == pytest.approx(sum(values) / len(values))
    assert feature["sessions_per_day"] == NULL  # no SESSIONS given: NULL, not 0
    busy = [f for f in by_id.values() if f["busy"] is True]
    assert result["BUSY_COUNT"] == len(busy) > 0
    assert all(f["advice"] == "add nearby" for f in busy)
    assert result["ADD_NEARBY_COUNT"] == len(busy)
    assert any("sessions_per_day" in w for w in feedback.warnings)  # says what was not computed
    assert any("2762847" in e for e in feedback.errors)  # the unknown location id is reported
    # the output carries its style
    styled = QgsVectorLayer(out, "styled", "ogr")
    assert styled.renderer().type() == "categorizedSymbol"


def test_hand_made_sessions_csv_with_overlaps_and_unknown_ids(evplanner, tmp_path):
    locations = [
        {
            "id": "A",
            "coordinates": {"latitude": "52.0", "longitude": "4.35"},
            "evses": [{"connectors": []}] * 2,
        },
        {"id": "B", "coordinates": {"latitude": "52.01", "longitude": "4.36"}, "evses": [{"connectors": []}]},
    ]
    points = write_charge_points(tmp_path / "cp.geojson", locations)
    csv_path = tmp_path / "sessions.csv"
    csv_path.write_text(
        "session_id,location_id,evse_uid,start,end,kwh,charging_hours,parking_hours,cost\n"
        "1,A,A1,2026-06-01T08:00:00Z,2026-06-01T18:00:00Z,20,4,10,5\n"
        "2,A,A1,2026-06-01T12:00:00Z,2026-06-01T14:00:00Z,10,2,2,3\n"
        "3,B,B1,2026-06-02T08:00:00Z,2026-06-02T10:00:00Z,-5,1,2,1\n"
        "4,ZZ,Z1,2026-06-02T08:00:00Z,2026-06-02T10:00:00Z,5,1,2,1\n",
        encoding="utf-8",
    )
    out = str(tmp_path / "kpis.gpkg")
    result, feedback = run(
        {
            "CHARGE_POINTS": points,
            "SESSIONS": str(csv_path),
            "DATE_FROM": "2026-06-01T00:00:00Z",
            "DATE_TO": "2026-06-11T00:00:00Z",
            "OUTPUT": out,
        }
    )
    _, by_id = features_by_id(out)
    assert by_id["A"]["sessions_per_day"] == pytest.approx(0.2)
    assert by_id["A"]["kwh_per_year"] == pytest.approx(3.0 * 365)
    assert by_id["A"]["blocking_hours_per_session"] == pytest.approx(3.0)  # (6 + 0) / 2
    assert by_id["A"]["occupancy_mean"] == pytest.approx(100 * 10 / (2 * 240))
    assert by_id["B"]["sessions_per_day"] == 0  # its only session had negative energy
    assert by_id["A"]["advice"] == "consider moving"
    assert result["OVERLAPPING_SESSIONS"] == 1
    assert any("negative energy" in e for e in feedback.errors)
    assert any("ZZ" in e for e in feedback.errors)
    assert any("overlap" in e for e in feedback.errors)


def test_without_any_usage_input_the_algorithm_refuses(evplanner, delft_points, tmp_path):
    with pytest.raises(QgsProcessingException, match="at least one"):
        run({"CHARGE_POINTS": delft_points, "OUTPUT": str(tmp_path / "o.gpkg")})


def test_missing_id_field_and_bad_occupancy_are_clear_errors(evplanner, sample_dir, delft_points, tmp_path):
    with pytest.raises(QgsProcessingException, match="no field"):
        run(
            {
                "CHARGE_POINTS": delft_points,
                "ID_FIELD": "nope",
                "OCCUPANCY": str(sample_dir / "occupancy"),
                "OUTPUT": str(tmp_path / "o.gpkg"),
            }
        )
    with pytest.raises(QgsProcessingException, match="does not exist"):
        run(
            {
                "CHARGE_POINTS": delft_points,
                "OCCUPANCY": str(tmp_path / "none"),
                "OUTPUT": str(tmp_path / "o.gpkg"),
            }
        )
    empty_sessions = tmp_path / "empty.csv"
    empty_sessions.write_text("location_id,start,end\n", encoding="utf-8")
    result, feedback = run(
        {"CHARGE_POINTS": delft_points, "SESSIONS": str(empty_sessions), "OUTPUT": str(tmp_path / "e.gpkg")}
    )
    assert result["BUSY_COUNT"] == 0
    assert any("no usable session" in w for w in feedback.warnings)


def test_empty_charge_point_layer_is_a_clear_error(evplanner, sample_dir, delft_points, tmp_path):
    with pytest.raises(QgsProcessingException, match="no features"):
        run(
            {
                "CHARGE_POINTS": f"{delft_points}|subset=source_id = 'no such id'",
                "OCCUPANCY": str(sample_dir / "occupancy"),
                "OUTPUT": str(tmp_path / "o.gpkg"),
            }
        )
