"""evplanner:distributedemand through processing.run: known shares, conservation, reported empty areas."""

from __future__ import annotations

from collections import defaultdict

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from tests.support.running import run_algorithm, to_memory

RD = "EPSG:28992"
ALG = "evplanner:distributedemand"


def _run(params, feedback=None):
    return run_algorithm(ALG, to_memory(params), feedback)


@pytest.fixture
def two_areas(make_layer, square_wkt):
    return make_layer(
        "Polygon",
        RD,
        [
            (square_wkt(85_000, 447_000, 100), {"name": "A", "households": 10, "cars": 4}),
            (square_wkt(85_200, 447_000, 100), {"name": "B", "households": 7, "cars": 3}),
        ],
        {"name": "string", "households": "integer", "cars": "double"},
    )


def test_known_shares_with_weights_and_an_empty_area(evplanner, two_areas, make_layer, feedback):
    targets = make_layer(
        "Point",
        RD,
        [
            ("POINT(85010 447010)", {"address": "a 1", "dwellings": 1}),
            ("POINT(85020 447010)", {"address": "a 2", "dwellings": 1}),
            ("POINT(85030 447010)", {"address": "a 3", "dwellings": 3}),
            ("POINT(86000 447010)", {"address": "far", "dwellings": 1}),
        ],
        {"address": "string", "dwellings": "integer"},
    )
    result = _run(
        {
            "AREAS": two_areas,
            "FIELDS": ["households", "cars"],
            "TARGETS": targets,
            "WEIGHT_FIELD": "dwellings",
        },
        feedback,
    )
    layer = result["OUTPUT"]
    rows = {f["address"]: (f["households"], f["cars"], f["weight"]) for f in layer.getFeatures()}
    assert rows == {"a 1": (2.0, 0.8, 1.0), "a 2": (2.0, 0.8, 1.0), "a 3": (6.0, 2.4, 3.0)}
    assert layer.fields().names() == ["address", "dwellings", "area_fid", "weight", "households", "cars"]
    assert result["EMPTY_AREA_COUNT"] == 1
    assert result["TARGETS_OUTSIDE"] == 1
    assert result["TARGET_COUNT"] == 3
    assert any("no target" in error and "households = 7" in error for error in feedback.errors)
    assert any("outside every area" in error for error in feedback.errors)


def test_building_polygons_as_targets_with_whole_numbers(evplanner, two_areas, make_layer, square_wkt):
    buildings = make_layer(
        "Polygon",
        RD,
        [(square_wkt(85_010 + 20 * i, 447_010, 10), {}) for i in range(3)]
        + [(square_wkt(85_210, 447_010, 10), {})],
    )
    result = _run(
        {"AREAS": two_areas, "FIELDS": ["households"], "TARGETS": buildings, "ROUND_TO_INTEGERS": True}
    )
    layer = result["OUTPUT"]
    shares = sorted(f["households"] for f in layer.getFeatures())
    assert shares == [3.0, 3.0, 4.0, 7.0]  # 10 over 3 buildings in whole numbers, 7 on the only one in B
    assert result["EMPTY_AREA_COUNT"] == 0


def test_delft_wijken_over_osm_addresses_preserve_each_district(
    evplanner, sample_dir, delft_addresses, feedback
):
    wijken = QgsVectorLayer(str(sample_dir / "wijken_cbs_2024.geojson"), "wijken", "ogr")
    result = _run(
        {"AREAS": wijken, "FIELDS": ["huishoudens", "personenautos"], "TARGETS": delft_addresses}, feedback
    )
    layer = result["OUTPUT"]
    sums = defaultdict(lambda: [0.0, 0.0])
    for feature in layer.getFeatures():
        sums[feature["area_fid"]][0] += feature["huishoudens"]
        sums[feature["area_fid"]][1] += feature["personenautos"]
    expected = {f.id(): (f["huishoudens"], f["personenautos"]) for f in wijken.getFeatures()}
    assert sums, "the extract lies in Delft"
    for fid, (households, cars) in sums.items():
        assert households == pytest.approx(expected[fid][0], rel=1e-12)
        assert cars == pytest.approx(expected[fid][1], rel=1e-12)
    # The OSM extract covers the TU Delft / Wippolder part of Delft: the other districts are reported.
    assert result["EMPTY_AREA_COUNT"] == 13 - len(sums)
    assert result["EMPTY_AREA_COUNT"] > 0
    assert result["TARGET_COUNT"] == layer.featureCount() > 5000
    assert any("area(s) without targets" in error for error in feedback.errors)
    assert layer.crs().authid() == "EPSG:4326"


def test_errors_are_clear(evplanner, two_areas, make_layer):
    targets = make_layer("Point", RD, [("POINT(85010 447010)", {"w": -1})], {"w": "integer"})
    with pytest.raises(QgsProcessingException, match="negative"):
        _run({"AREAS": two_areas, "FIELDS": ["households"], "TARGETS": targets, "WEIGHT_FIELD": "w"})
    with pytest.raises(QgsProcessingException, match="non-numeric"):
        _run({"AREAS": two_areas, "FIELDS": ["name"], "TARGETS": targets})
    with pytest.raises(QgsProcessingException):
        _run({"AREAS": two_areas, "FIELDS": ["no_such_field"], "TARGETS": targets})
    empty = make_layer("Point", RD, [])
    with pytest.raises(QgsProcessingException, match="no features"):
        _run({"AREAS": two_areas, "FIELDS": ["households"], "TARGETS": empty})
    negative_areas = make_layer(
        "Polygon", RD, [("POLYGON((0 0,1 0,1 1,0 0))", {"households": -5})], {"households": "integer"}
    )
    with pytest.raises(QgsProcessingException, match="negative"):
        _run({"AREAS": negative_areas, "FIELDS": ["households"], "TARGETS": targets})
    lines = make_layer("LineString", RD, [("LINESTRING(85000 447000, 85010 447010)", {})])
    with pytest.raises(QgsProcessingException):
        _run({"AREAS": two_areas, "FIELDS": ["households"], "TARGETS": lines})


def test_invalid_building_target_is_repaired_and_counted(evplanner, two_areas, make_layer, feedback):
    bowtie = "POLYGON((85010 447010, 85030 447030, 85030 447010, 85010 447030, 85010 447010))"
    buildings = make_layer(
        "Polygon", RD, [(bowtie, {}), ("POLYGON((85050 447050,85060 447050,85060 447060,85050 447050))", {})]
    )
    result = _run({"AREAS": two_areas, "FIELDS": ["households"], "TARGETS": buildings}, feedback)
    assert result["TARGET_COUNT"] == 2
    assert sorted(f["households"] for f in result["OUTPUT"].getFeatures()) == [5.0, 5.0]
    assert any("1 invalid geometries repaired" in warning for warning in feedback.warnings)


def test_cancel_writes_no_output(evplanner, two_areas, make_layer):
    targets = make_layer("Point", RD, [("POINT(85010 447010)", {})])
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match=r"Canceled: nothing was written\."):
        _run({"AREAS": two_areas, "FIELDS": ["households"], "TARGETS": targets}, feedback)


def test_area_id_field_names_areas_in_output_and_messages(evplanner, two_areas, make_layer, feedback):
    targets = make_layer(
        "Point", RD, [("POINT(85010 447010)", {"households": 99})], {"households": "integer"}
    )
    result = _run(
        {"AREAS": two_areas, "FIELDS": ["households"], "TARGETS": targets, "AREA_ID_FIELD": "name"}, feedback
    )
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["area_id"] == "A"
    assert feature["households"] == 10  # the result replaces the target's own field of that name
    assert any("Area B contains no target" in error for error in feedback.errors)
    assert any("households is replaced" in warning for warning in feedback.warnings)
