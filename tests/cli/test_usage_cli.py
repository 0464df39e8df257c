"""evplanner:usagekpis through qgis_process, as a nightly batch job would run it."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from tests.support.layers import ocpi_points_geojson


@pytest.mark.cli
def test_usagekpis_on_the_delft_sample(run_algorithm_cli, sample_dir, tmp_path):
    locations = json.loads((sample_dir / "charge_points.ocpi.json").read_text())
    points = ocpi_points_geojson(
        tmp_path / "charge_points.geojson",
        locations,
        lambda loc: {"source_id": loc["id"], "evse_count": len(loc["evses"])},
    )
    out = tmp_path / "usage_kpis.gpkg"
    result = run_algorithm_cli(
        "usagekpis",
        CHARGE_POINTS=str(points),
        OCCUPANCY=str(sample_dir / "occupancy"),
        STATUS_HISTORY=str(sample_dir / "status_history.csv"),
        BUSY_THRESHOLD=60,
        OUTPUT=str(out),
    )
    values = defaultdict(list)
    for path in (sample_dir / "occupancy").glob("*.json"):
        for loc, entry in json.loads(path.read_text())["locations"].items():
            values[loc] += [v for v in entry["occ"] if v is not None]
    known = {loc["id"] for loc in locations}
    busy = sum(1 for loc in known if values[loc] and sum(values[loc]) / len(values[loc]) > 60)
    assert result["results"]["BUSY_COUNT"] == busy
    assert result["results"]["ADD_NEARBY_COUNT"] == busy
    assert out.is_file()
