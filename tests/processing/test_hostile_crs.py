"""A layer without a usable CRS is one clear error in every algorithm, never a guess or a traceback."""

from __future__ import annotations

import os

import processing
import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from tests.support.layers import memory_points, write_layer
from tests.support.running import run_algorithm as run


def shapefile_without_prj(tmp_path, name, kind, points):
    """An RD-coordinate shapefile whose .prj file is gone, as municipal exports often are."""
    layer = QgsVectorLayer(f"{kind}?crs=EPSG:28992&field=huishoudens:double", name, "memory")
    features = []
    for x, y in points:
        feature = QgsFeature(layer.fields())
        if kind == "Polygon":
            ring = [QgsPointXY(x + dx, y + dy) for dx, dy in ((0, 0), (500, 0), (500, 500), (0, 500), (0, 0))]
            feature.setGeometry(QgsGeometry.fromPolygonXY([ring]))
        else:
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feature.setAttributes([100.0])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    path = write_layer(layer, tmp_path / f"{name}.shp", driver="ESRI Shapefile")
    os.remove(tmp_path / f"{name}.prj")
    return str(path)


def rd_points_labelled_wgs84():
    """RD coordinates in a layer that claims EPSG:4326 (what QGIS's default CRS makes of a missing .prj)."""
    layer = QgsVectorLayer("Point?crs=EPSG:4326", "wrong", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(84000, 446000)))
    layer.dataProvider().addFeatures([feature])
    return layer


@pytest.mark.parametrize(
    ("algorithm", "build"),
    [
        ("mergechargepoints", lambda points, areas: {"INPUTS": [points], "OUTPUT": "memory:"}),
        ("generatecandidates", lambda points, areas: {"AREA": areas, "SPACING": 100, "OUTPUT": "memory:"}),
        (
            "distributedemand",
            lambda points, areas: {
                "AREAS": areas,
                "FIELDS": ["huishoudens"],
                "TARGETS": points,
                "OUTPUT": "memory:",
            },
        ),
        (
            "coveragecheck",
            lambda points, areas: {
                "DEMAND": areas,
                "DEMAND_FIELD": "huishoudens",
                "CHARGE_POINTS": points,
                "OUTPUT": "memory:",
            },
        ),
    ],
)
def test_a_shapefile_without_prj_is_a_clear_error_naming_the_layer(evplanner, tmp_path, algorithm, build):
    points = shapefile_without_prj(tmp_path, "punten", "Point", [(84000, 446000), (84100, 446100)])
    areas = shapefile_without_prj(tmp_path, "wijken", "Polygon", [(84000, 446000)])
    with pytest.raises(
        QgsProcessingException, match=r"has no CRS, e\.g\. a shapefile without a \.prj file"
    ) as error:
        run(algorithm, build(points, areas))
    assert "Assign projection" in str(error.value)


def test_rd_coordinates_in_a_wgs84_layer_are_refused(evplanner):
    layer = rd_points_labelled_wgs84()
    with pytest.raises(QgsProcessingException, match="its coordinates are not degrees"):
        run("mergechargepoints", {"INPUTS": [layer], "OUTPUT": "memory:"})


def test_checkconstraints_refuses_a_constraint_layer_without_prj(evplanner, tmp_path):
    locations = memory_points("EPSG:28992", "field=location_id:string", [((84500.0, 447400.0), ["L1"])])
    review = tmp_path / "review.gpkg"
    processing.run(
        "evplanner:createreview", {"LOCATIONS": locations, "DEPARTMENTS": "Mobiliteit", "OUTPUT": str(review)}
    )
    trees = shapefile_without_prj(tmp_path, "bomen", "Point", [(4.36, 52.0)])  # lon/lat, no .prj
    with pytest.raises(QgsProcessingException, match="has no CRS"):
        run("checkconstraints", {"REVIEW": str(review), "CONSTRAINTS": [trees], "DISTANCE": 5})
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(review)) as db:
        assert db.execute("select count(*) from review_events").fetchone()[0] == 0  # nothing written


def test_one_swapped_charge_point_does_not_move_the_grid(evplanner, sample_dir, tmp_path):
    """The CRS follows the study area (DEMAND), not the extent of every input."""
    import json

    locations = json.loads((sample_dir / "charge_points.ocpi.json").read_text(encoding="utf-8"))
    coordinates = [
        [float(loc["coordinates"]["longitude"]), float(loc["coordinates"]["latitude"])] for loc in locations
    ]

    def charge_points(points, name):
        path = tmp_path / name
        features = [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": c}, "properties": {}}
            for c in points
        ]
        path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
        return str(path)

    common = {
        "DEMAND": str(sample_dir / "wijken_cbs_2024.geojson"),
        "DEMAND_FIELD": "huishoudens",
        "OUTPUT": "memory:",
    }
    clean = run("coveragecheck", {**common, "CHARGE_POINTS": charge_points(coordinates, "clean.geojson")})
    feedback = QgsProcessingFeedback()
    swapped = processing.run(
        "evplanner:coveragecheck",
        {**common, "CHARGE_POINTS": charge_points([*coordinates, [51.98, 4.35]], "swapped.geojson")},
        feedback=feedback,
        context=QgsProcessingContext(),
    )
    assert (clean["CELLS_QUALIFYING"], clean["WHITE_SPOTS"]) == (74, 7)
    assert (swapped["CELLS_QUALIFYING"], swapped["WHITE_SPOTS"]) == (74, 7)
    log = feedback.textLog()
    assert "Distances measured in EPSG:28992" in log
    assert "far outside the study area" in log
