"""evplanner:selectlocations as a batch user runs it: qgis_process on files of the Delft sample."""

from __future__ import annotations

import json


def write_points(path, coordinates):
    features = [
        {"type": "Feature", "properties": {"n": i}, "geometry": {"type": "Point", "coordinates": list(xy)}}
        for i, xy in enumerate(coordinates)
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return str(path)


def test_selectlocations_cli_on_delft(run_algorithm_cli, sample_dir, tmp_path):
    locations = json.loads((sample_dir / "charge_points.ocpi.json").read_text(encoding="utf-8"))
    charge_points = write_points(
        tmp_path / "charge_points.geojson",
        [
            (float(loc["coordinates"]["longitude"]), float(loc["coordinates"]["latitude"]))
            for loc in locations
        ],
    )
    # Candidates every ~0.002 degrees over the OSM extract (4.355,51.995 - 4.386,52.005).
    grid = [(4.355 + 0.002 * i, 51.995 + 0.0015 * j) for i in range(16) for j in range(7)]
    candidates = write_points(tmp_path / "candidates.geojson", grid)
    output = tmp_path / "selected.gpkg"
    result = run_algorithm_cli(
        "selectlocations",
        CANDIDATES=candidates,
        DEMAND=str(sample_dir / "osm_tudelft_wippolder.osm.pbf") + "|layername=points",
        CHARGE_POINTS=charge_points,
        COUNT=5,
        MIN_SPACING=300,
        METHOD=1,
        OUTPUT=str(output),
    )
    results = result["results"]
    assert output.exists()
    assert 0 < results["SELECTED"] <= 5
    assert results["COVERED_BEFORE_PCT"] < results["COVERED_AFTER_PCT"] <= results["UPPER_BOUND_PCT"] + 1e-9
    assert results["PROVEN_OPTIMAL"] in (0, 1)
