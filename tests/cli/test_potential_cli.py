"""qgis_process run evplanner:coveragecheck on the Delft sample, as a batch user runs it."""

from __future__ import annotations

import json
import sqlite3

import pytest

pytestmark = pytest.mark.cli


def test_coveragecheck_on_delft_returns_numbers_and_a_styled_geopackage(
    run_algorithm_cli, sample_dir, tmp_path
):
    # The OCPI locations as a GeoJSON point layer (what a charge-point loader would produce).
    locations = json.loads((sample_dir / "charge_points.ocpi.json").read_text(encoding="utf-8"))
    charge_points = tmp_path / "charge_points.geojson"
    charge_points.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "geometry": {
                            "type": "Point",
                            "coordinates": [
                                float(loc["coordinates"]["longitude"]),
                                float(loc["coordinates"]["latitude"]),
                            ],
                        },
                        "properties": {"source_id": loc["id"]},
                    }
                    for loc in locations
                ],
            }
        ),
        encoding="utf-8",
    )
    output = tmp_path / "coverage.gpkg"
    answer = run_algorithm_cli(
        "coveragecheck",
        DEMAND=sample_dir / "wijken_cbs_2024.geojson",
        DEMAND_FIELD="huishoudens",
        CHARGE_POINTS=charge_points,
        OUTPUT=output,
    )
    results = answer["results"]
    households = sum(
        feature["properties"]["huishoudens"]
        for feature in json.loads((sample_dir / "wijken_cbs_2024.geojson").read_text(encoding="utf-8"))[
            "features"
        ]
    )
    assert results["DEMAND_TOTAL"] == pytest.approx(households)
    assert results["WHITE_SPOTS"] == results["CELLS_QUALIFYING"] - results["CELLS_COVERED"]
    assert 0 < results["COVERAGE_PCT"] <= 100
    assert 0 < results["DEMAND_WITHIN_RADIUS_PCT"] <= 100
    with sqlite3.connect(output) as db:
        cells = db.execute("select count(*), sum(white_spot) from coverage").fetchone()
        styles = db.execute("select count(*) from layer_styles").fetchone()[0]
    assert cells[0] >= results["CELLS_WITH_DEMAND"]  # plus cells holding only a charge point
    assert cells[1] == results["WHITE_SPOTS"]
    assert styles == 1
