"""evplanner:generatecandidates through processing.run, on hand-made layers and the Delft sample."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from scipy.spatial import cKDTree

from tests.support.running import run_algorithm, to_memory

RD = "EPSG:28992"
ALG = "evplanner:generatecandidates"


def _run(params, feedback=None):
    return run_algorithm(ALG, to_memory(params), feedback)


def _xy(layer, crs=RD):
    transform = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem(crs), QgsProject.instance())
    points = []
    for feature in layer.getFeatures():
        point = feature.geometry()
        point.transform(transform)
        points.append((point.asPoint().x(), point.asPoint().y()))
    return np.array(points).reshape(-1, 2)


def test_grid_in_a_square_known_count(evplanner, make_layer, square_wkt):
    area = make_layer("Polygon", RD, [(square_wkt(85_001, 447_001, 98), {})])
    result = _run({"AREA": area, "METHOD": 0, "SPACING": 10})
    layer = result["OUTPUT"]
    assert result["CANDIDATE_COUNT"] == 81 == layer.featureCount()  # 85010..85090 x 447010..447090
    assert layer.fields().names() == ["candidate_id", "method"]
    assert sorted(f["candidate_id"] for f in layer.getFeatures()) == list(range(1, 82))
    assert {f["method"] for f in layer.getFeatures()} == {"grid"}
    xy = _xy(layer)
    assert np.all(xy % 10 == 0)


def test_any_input_crs_output_in_that_crs(evplanner, make_layer, square_wkt):
    rd_square = QgsGeometry.fromWkt(square_wkt(85_001, 447_001, 98))
    rd_square.transform(
        QgsCoordinateTransform(
            QgsCoordinateReferenceSystem(RD), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance()
        )
    )
    area = make_layer("Polygon", "EPSG:4326", [(rd_square.asWkt(12), {})])
    context = QgsProcessingContext()  # no project: the metric CRS is chosen from the data (RD New)
    import processing

    result = processing.run(
        ALG, {"AREA": area, "METHOD": 0, "SPACING": 10, "OUTPUT": "memory:"}, context=context
    )
    layer = result["OUTPUT"]
    assert layer.crs().authid() == "EPSG:4326"
    assert layer.featureCount() == 81
    # Back in RD New, the points are on the 10 m grid (within the round trip's millimetre).
    offsets = (_xy(layer) + 5.0) % 10.0 - 5.0
    assert np.abs(offsets).max() < 0.01


def test_hexagon_neighbours_at_the_spacing(evplanner, make_layer, square_wkt):
    area = make_layer("Polygon", RD, [(square_wkt(85_000, 447_000, 1000), {})])
    layer = _run({"AREA": area, "METHOD": 1, "SPACING": 50})["OUTPUT"]
    xy = _xy(layer)
    distances, _ = cKDTree(xy).query(xy, k=2)
    assert np.allclose(distances[:, 1], 50.0, atol=1e-6)
    assert {f["method"] for f in layer.getFeatures()} == {"hexagon"}
    # A hexagonal lattice has 2 / sqrt(3) times as many points per area as a square grid.
    assert layer.featureCount() == pytest.approx(1000 * 1000 / (50 * 50) * 2 / np.sqrt(3), rel=0.05)


def test_exclusions_and_existing_points(evplanner, make_layer, square_wkt, feedback):
    area = make_layer("Polygon", RD, [(square_wkt(85_001, 447_001, 98), {})])
    buildings = make_layer("Polygon", RD, [(square_wkt(85_000, 447_000, 35), {})])
    trees = make_layer("Point", RD, [("POINT(85070 447070)", {})])
    cable = make_layer("LineString", RD, [("LINESTRING(85000 447050, 85100 447050)", {})])
    existing = make_layer("Point", RD, [("POINT(85090 447090)", {})])
    result = _run(
        {
            "AREA": area,
            "METHOD": 0,
            "SPACING": 10,
            "EXCLUDE": [buildings, trees, cable],
            "EXCLUDE_DISTANCE": 5,
            "CHARGE_POINTS": existing,
            "MIN_DISTANCE_EXISTING": 10,
        },
        feedback,
    )
    xy = {tuple(p) for p in _xy(result["OUTPUT"]).tolist()}
    assert (85_020.0, 447_020.0) not in xy  # in the building
    assert (85_070.0, 447_070.0) not in xy  # the tree
    assert (85_060.0, 447_050.0) not in xy  # on the cable
    assert (85_090.0, 447_090.0) not in xy  # an existing charge point
    assert (85_080.0, 447_090.0) not in xy  # 10 m from it: at most MIN_DISTANCE_EXISTING
    assert (85_060.0, 447_060.0) in xy
    assert (85_080.0, 447_080.0) in xy
    # 81 - 9 (building: x, y <= 35 -> 3 x 3) - 1 (tree) - 9 (cable row y=50) - 3 (existing) = 59
    assert result["CANDIDATE_COUNT"] == 59
    assert any("near existing charge points: 3" in message for message in feedback.infos)


def test_along_streets_on_delft_osm(evplanner, sample_dir, feedback):
    streets = QgsVectorLayer(
        f"{sample_dir / 'osm_tudelft_wippolder.osm.pbf'}|layername=lines", "streets", "ogr"
    )
    streets.setSubsetString("highway IN ('residential', 'living_street', 'tertiary', 'unclassified')")
    result = _run(
        {
            "AREA": str(sample_dir / "boundary.geojson"),
            "METHOD": 2,
            "SPACING": 50,
            "STREETS": streets,
        },
        feedback,
    )
    layer = result["OUTPUT"]
    xy = _xy(layer)
    assert len(xy) > 300
    distances, _ = cKDTree(xy).query(xy, k=2)
    assert distances[:, 1].min() >= 25.0 - 1e-6, "no duplicates at junctions"
    assert any("duplicates at junctions removed" in message for message in feedback.infos)
    # Every candidate lies on a street and inside Delft.
    boundary = QgsVectorLayer(str(sample_dir / "boundary.geojson"), "b", "ogr")
    delft = next(boundary.getFeatures()).geometry()
    for feature in layer.getFeatures():
        assert delft.contains(feature.geometry())
    assert {f["method"] for f in layer.getFeatures()} == {"along_streets"}


def test_delft_grid_matches_the_area(evplanner, sample_dir, tmp_path):
    output = tmp_path / "candidates.gpkg"
    result = _run(
        {"AREA": str(sample_dir / "boundary.geojson"), "METHOD": 0, "SPACING": 100, "OUTPUT": str(output)}
    )
    layer = QgsVectorLayer(str(output), "c", "ogr")
    boundary = QgsVectorLayer(str(sample_dir / "boundary.geojson"), "b", "ogr")
    delft = QgsGeometry(next(boundary.getFeatures()).geometry())
    delft.transform(
        QgsCoordinateTransform(boundary.crs(), QgsCoordinateReferenceSystem(RD), QgsProject.instance())
    )
    # One candidate per hectare of Delft (about 24 km2), within a boundary effect.
    assert result["CANDIDATE_COUNT"] == layer.featureCount()
    assert layer.featureCount() == pytest.approx(delft.area() / 100**2, rel=0.02)
    # The output GeoPackage carries its style.
    with sqlite3.connect(output) as db:
        assert db.execute("select count(*) from layer_styles").fetchone()[0] == 1


def test_invalid_area_geometry_is_repaired_and_counted(evplanner, make_layer, feedback):
    bowtie = "POLYGON((85000 447000, 85100 447100, 85100 447000, 85000 447100, 85000 447000))"
    area = make_layer("Polygon", RD, [(bowtie, {})])
    result = _run({"AREA": area, "METHOD": 0, "SPACING": 10}, feedback)
    assert result["CANDIDATE_COUNT"] > 0
    assert any("1 invalid geometries repaired" in message for message in feedback.warnings)


def test_errors_are_clear(evplanner, make_layer, square_wkt):
    empty = make_layer("Polygon", RD, [])
    with pytest.raises(QgsProcessingException, match="no features"):
        _run({"AREA": empty, "METHOD": 0})
    area = make_layer("Polygon", RD, [(square_wkt(85_000, 447_000, 100), {})])
    with pytest.raises(QgsProcessingException, match="STREETS"):
        _run({"AREA": area, "METHOD": 2})
    points = make_layer("Point", RD, [("POINT(85000 447000)", {})])
    with pytest.raises(QgsProcessingException):
        _run({"AREA": points, "METHOD": 0})


def test_cancel_stops_without_output(evplanner, make_layer, square_wkt):
    area = make_layer("Polygon", RD, [(square_wkt(0, 0, 20_000), {})])
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    # Canceled: no output is written (16 million grid points would take a while).
    with pytest.raises(QgsProcessingException, match=r"Canceled: nothing was written\."):
        _run({"AREA": area, "METHOD": 0, "SPACING": 5}, feedback)
