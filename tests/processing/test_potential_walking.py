"""Walking distance in coveragecheck, scorecandidates and selectlocations (processing.run).

The canal of the core tests, in Delft's RD New: two streets 100 m apart joined only by a
bridge 1,000 m away, so a point across the canal is 100 m in a straight line and 2,100 m
walking.
"""

from __future__ import annotations

import pytest
from qgis.core import (
    NULL,
    QgsProcessingException,
)

from tests.support.layers import STREETS, line_layer, point_layer, write_layer
from tests.support.running import run_logged, to_memory


def plain(value):
    """NULL (a null QVariant in PyQGIS) as None."""
    return None if value == NULL else value


def run(algorithm, **parameters):
    return run_logged(algorithm, to_memory(parameters))


def canal_inputs():
    return {
        "DEMAND": point_layer([(0, 100, 3.0), (0, 5, 1.0), (3000, 3000, 2.0)], fields=["hh:double"]),
        "DEMAND_FIELD": "hh",
        "CHARGE_POINTS": point_layer([(0, 0)]),
        "RADIUS": 250,
    }


def test_coverage_check_walks_along_the_network(evplanner):
    straight, _ = run("coveragecheck", **canal_inputs())
    walked, log = run("coveragecheck", **canal_inputs(), DISTANCE_METHOD=1, NETWORK=line_layer(STREETS))
    assert straight["DEMAND_WITHIN_RADIUS"] == 4.0
    assert walked["DEMAND_WITHIN_RADIUS"] == 1.0
    assert walked["DEMAND_WITHIN_RADIUS_PCT"] == pytest.approx(100 / 6)
    assert walked["WHITE_SPOTS"] == straight["WHITE_SPOTS"]  # NAL cells keep their definition
    assert "within 250 m walking" in log
    assert "DEMAND: 1 of 3 points are more than 100 m from the street network" in log


def test_scoring_and_explain_say_walking(evplanner):
    inputs = canal_inputs()
    result, _ = run(
        "scorecandidates",
        CANDIDATES=point_layer([(0, 0)]),
        DEMAND=inputs["DEMAND"],
        DEMAND_FIELD="hh",
        RADIUS=250,
        DISTANCE_METHOD=1,
        NETWORK=line_layer(STREETS),
    )
    (feature,) = result["OUTPUT"].getFeatures()
    assert feature["demand_within"] == 1.0
    assert feature["explain"].startswith("1 hh within 250 m walking")


def test_selection_chooses_the_site_on_the_right_side_of_the_canal(evplanner):
    common = {
        "CANDIDATES": point_layer([(0, 0, "south"), (0, 100, "north")], fields=["name:string"]),
        "DEMAND": point_layer([(0, 100, 10.0), (0, 0, 1.0)], fields=["hh:double"]),
        "DEMAND_FIELD": "hh",
        "COUNT": 1,
        "RADIUS": 250,
        "METHOD": 1,
    }
    straight, _ = run("selectlocations", **common)
    walked, _ = run("selectlocations", **common, DISTANCE_METHOD=1, NETWORK=line_layer(STREETS))
    assert straight["COVERED_AFTER"] == 11.0
    assert walked["COVERED_AFTER"] == 10.0
    assert walked["UPPER_BOUND"] == pytest.approx(10.0)
    assert [f["name"] for f in walked["OUTPUT"].getFeatures()] == ["north"]


@pytest.mark.parametrize("algorithm", ["coveragecheck", "scorecandidates", "selectlocations"])
def test_walking_without_a_network_is_a_clear_error(evplanner, algorithm):
    inputs = canal_inputs()
    if algorithm != "coveragecheck":
        inputs["CANDIDATES"] = point_layer([(0, 0)])
    with pytest.raises(QgsProcessingException, match="Walking distance needs a street network"):
        run(algorithm, **inputs, DISTANCE_METHOD=1)


def test_a_network_file_is_built_once_and_then_read_from_the_cache(evplanner, tmp_path):
    path = str(write_layer(line_layer(STREETS), tmp_path / "streets.gpkg"))
    first, first_log = run("coveragecheck", **canal_inputs(), DISTANCE_METHOD=1, NETWORK=path)
    second, second_log = run("coveragecheck", **canal_inputs(), DISTANCE_METHOD=1, NETWORK=path)
    assert "read from the cache file" not in first_log
    assert "read from the cache file" in second_log
    assert second["DEMAND_WITHIN_RADIUS"] == first["DEMAND_WITHIN_RADIUS"] == 1.0
    # Another subset of the same file is another network: not the cached one.
    third, third_log = run(
        "coveragecheck", **canal_inputs(), DISTANCE_METHOD=1, NETWORK=path + "|subset=fid <= 2"
    )
    assert "read from the cache file" not in third_log
    assert third["DEMAND_WITHIN_RADIUS"] == 1.0  # without the bridge: still only next door


def test_walkingdistance_keeps_the_fields_and_adds_walk_straight_detour_and_id(evplanner):
    points = point_layer(
        [(0, 100, "across"), (400, 0, "along"), (0, 5, "next door"), (3000, 3000, "far away")],
        fields=["name:string"],
    )
    result, log = run(
        "walkingdistance",
        INPUT=points,
        TARGETS=point_layer([(0, 0, "CP-1"), (900, 100, "CP-2")], fields=["location_id:string"]),
        TARGET_ID_FIELD="location_id",
        NETWORK=line_layer(STREETS),
        MAX_DISTANCE=1500,
    )
    rows = {
        f["name"]: tuple(plain(f[name]) for name in ("walk_m", "straight_m", "detour", "nearest_id"))
        for f in result["OUTPUT"].getFeatures()
    }
    assert rows["across"] == (pytest.approx(900.0), pytest.approx(900.0), pytest.approx(1.0), "CP-2")
    assert rows["along"] == (pytest.approx(400.0), pytest.approx(400.0), pytest.approx(1.0), "CP-1")
    assert rows["next door"] == (pytest.approx(5.0), pytest.approx(5.0), pytest.approx(1.0), "CP-1")
    assert rows["far away"] == (None, None, None, None)
    assert "INPUT: 1 of 4 points are more than 100 m from the street network" in log


def test_walkingdistance_beyond_max_distance_is_null_and_the_detour_shows_the_canal(evplanner):
    result, _ = run(
        "walkingdistance",
        INPUT=point_layer([(0, 100), (0, 5)]),
        TARGETS=point_layer([(0, 0)]),
        NETWORK=line_layer(STREETS),
        MAX_DISTANCE=2500,
    )
    across, next_door = sorted(result["OUTPUT"].getFeatures(), key=lambda f: f.id())
    assert across["walk_m"] == pytest.approx(2100.0)  # 1,000 m, the bridge, 1,000 m back
    assert across["straight_m"] == pytest.approx(100.0)
    assert across["detour"] == pytest.approx(21.0)
    assert across["nearest_id"] == "1"  # the target's feature id without TARGET_ID_FIELD
    assert next_door["walk_m"] == pytest.approx(5.0)
    short, _ = run(
        "walkingdistance",
        INPUT=point_layer([(0, 100)]),
        TARGETS=point_layer([(0, 0)]),
        NETWORK=line_layer(STREETS),
        MAX_DISTANCE=2000,
    )
    (feature,) = short["OUTPUT"].getFeatures()
    assert plain(feature["walk_m"]) is None
    assert plain(feature["nearest_id"]) is None
