"""Reading file-based point layers through OGR gives exactly what reading them through QGIS gives.

The files are real GeoPackages and GeoJSON files written with OGR from the Delft sample (OSM
address points and the OCPI charge points) plus null geometries, empty points and NULL values.
The QGIS path is the same reader given a plain feature source (no layer), or the same layer
with a subset string, which the OGR path must leave to QGIS.
"""

from __future__ import annotations

import json
import math

import numpy as np
import processing
import pytest
from osgeo import ogr, osr
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsProcessingContext,
    QgsProcessingFeatureSource,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

from ev_planner.core.point_wkb import point_wkb_xy
from ev_planner.processing.layers import read_points_fast
from ev_planner.processing.ogr_points import read_ogr_points, whole_layer
from tests.support.running import run_algorithm

RD = QgsCoordinateReferenceSystem("EPSG:28992")
DRIVERS = {"gpkg": "GPKG", "geojson": "GeoJSON"}


def delft_lonlat(sample_dir) -> list[tuple[float, float]]:
    """OSM address points and OCPI charge points of the Delft sample, in EPSG:4326."""
    dataset = ogr.Open(str(sample_dir / "osm_tudelft_wippolder.osm.pbf"))
    osm = dataset.GetLayerByName("points")
    osm.SetAttributeFilter("other_tags LIKE '%addr:housenumber%'")
    points = [feature.GetGeometryRef().GetPoint_2D() for feature in osm]
    locations = json.loads((sample_dir / "charge_points.ocpi.json").read_text(encoding="utf-8"))
    points += [
        (float(loc["coordinates"]["longitude"]), float(loc["coordinates"]["latitude"])) for loc in locations
    ]
    return points


def to_rd(lonlat):
    wgs84, rd = osr.SpatialReference(), osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    rd.ImportFromEPSG(28992)
    for srs in (wgs84, rd):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return [point[:2] for point in osr.CoordinateTransformation(wgs84, rd).TransformPoints(lonlat)]


def write_points(path, xy, epsg, *, z=False, nulls=True, layer_name="points", weight="weight"):
    """A point file: every 13th feature without geometry, every 17th an empty point (GeoPackage),
    ``weight`` (real, NULL every 7th), ``households`` (integer, NULL every 5th) and ``name``."""
    driver = DRIVERS[path.suffix[1:]]
    if path.exists():  # another layer in the same GeoPackage
        dataset = ogr.Open(str(path), 1)
    else:
        dataset = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    layer = dataset.CreateLayer(layer_name, srs, ogr.wkbPoint25D if z else ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn(weight, ogr.OFTReal))
    layer.CreateField(ogr.FieldDefn("households", ogr.OFTInteger))
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    layer.StartTransaction()
    for i, (x, y) in enumerate(xy):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField(weight, None if nulls and i % 7 == 3 else 0.5 + i % 4)
        feature.SetField("households", None if nulls and i % 5 == 2 else i % 9)
        feature.SetField("name", f"p{i}")
        if not (nulls and i % 13 == 6):
            if nulls and i % 17 == 8 and driver == "GPKG":
                geometry = ogr.Geometry(ogr.wkbPoint25D if z else ogr.wkbPoint)  # POINT EMPTY
            else:
                geometry = ogr.Geometry(ogr.wkbPoint25D if z else ogr.wkbPoint)
                geometry.AddPoint(x, y, 1.5) if z else geometry.AddPoint_2D(x, y)
            feature.SetGeometry(geometry)
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    dataset = None
    return str(path)


def by_qgis(layer, fields, crs=RD, context=None):
    """The QGIS path of the same reader: a feature source without its layer."""
    context = context or QgsProcessingContext()
    return read_points_fast(QgsProcessingFeatureSource(layer, context), crs, context, None, fields)


def plain(values):
    return [
        None if value is None or (hasattr(value, "isNull") and value.isNull()) else value for value in values
    ]


def assert_same(fast, slow, tolerance=0.0):
    assert fast.feature_ids.tolist() == slow.feature_ids.tolist()
    assert fast.skipped == slow.skipped
    assert fast.xy.shape == slow.xy.shape
    assert np.abs(fast.xy - slow.xy).max(initial=0.0) <= tolerance
    assert {name: plain(values) for name, values in fast.attributes.items()} == {
        name: plain(values) for name, values in slow.attributes.items()
    }


@pytest.mark.parametrize("suffix", ["gpkg", "geojson"])
@pytest.mark.parametrize("epsg", [4326, 28992])
def test_ogr_path_equals_qgis_path(qgis_app, sample_dir, tmp_path, suffix, epsg):
    lonlat = delft_lonlat(sample_dir)
    path = write_points(tmp_path / f"points.{suffix}", lonlat if epsg == 4326 else to_rd(lonlat), epsg)
    layer = QgsVectorLayer(path, "points", "ogr")
    assert layer.isValid()
    fields = ["weight", "households"]
    fast = read_ogr_points(layer, RD, QgsProject.instance().transformContext(), fields)
    assert fast is not None
    assert len(fast.feature_ids) > 1000
    assert fast.without_geometry > 0
    # Within 1 mm of QgsCoordinateTransform with the project's transform context (identical in practice).
    assert_same(
        read_points_fast(layer, RD, QgsProcessingContext(), None, fields), by_qgis(layer, fields), 1e-3
    )
    # And to a geographic CRS.
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    assert_same(
        read_points_fast(layer, wgs84, QgsProcessingContext(), None, fields),
        by_qgis(layer, fields, wgs84),
        1e-8,
    )
    del layer


def test_z_points_and_the_layer_of_a_multi_layer_geopackage(qgis_app, sample_dir, tmp_path):
    lonlat = delft_lonlat(sample_dir)
    path = write_points(tmp_path / "z.gpkg", lonlat, 4326, z=True, layer_name="with_z")
    write_points(tmp_path / "z.gpkg", to_rd(lonlat)[:50], 28992, layer_name="other")
    layer = QgsVectorLayer(f"{path}|layername=with_z", "z", "ogr")
    assert layer.isValid()
    assert read_ogr_points(layer, RD, QgsProject.instance().transformContext(), ["weight"]) is not None
    assert_same(
        read_points_fast(layer, RD, QgsProcessingContext(), None, ["weight"]), by_qgis(layer, ["weight"])
    )
    del layer


def test_subset_string_falls_back_to_qgis(qgis_app, sample_dir, tmp_path):
    path = write_points(tmp_path / "points.gpkg", delft_lonlat(sample_dir), 4326)
    layer = QgsVectorLayer(path, "points", "ogr")
    layer.setSubsetString('"households" > 3')
    assert read_ogr_points(layer, RD, QgsProject.instance().transformContext(), ["weight"]) is None
    subset = read_points_fast(layer, RD, QgsProcessingContext(), None, ["weight"])
    assert_same(subset, by_qgis(layer, ["weight"]))
    assert (
        0
        < len(subset)
        < 0.6 * len(read_points_fast(QgsVectorLayer(path, "all", "ogr"), RD, QgsProcessingContext()))
    )
    del layer


@pytest.mark.parametrize(
    "case", ["memory", "multipoint", "text field", "coordinate operation", "failing transform"]
)
def test_other_cases_are_left_to_qgis(qgis_app, sample_dir, tmp_path, case):
    path = write_points(tmp_path / "points.gpkg", delft_lonlat(sample_dir)[:100], 4326)
    layer = QgsVectorLayer(path, "points", "ogr")
    fields, crs, context = ["weight"], RD, QgsProject.instance().transformContext()
    if case == "memory":
        layer = layer.materialize(QgsFeatureRequest())
    elif case == "multipoint":
        layer = QgsVectorLayer(_multipoints(tmp_path), "multi", "ogr")
    elif case == "text field":
        fields = ["name"]
    elif case == "coordinate operation":
        context = QgsCoordinateTransformContext()
        assert context.addCoordinateOperation(
            layer.crs(),
            RD,
            "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step +proj=sterea "
            "+lat_0=52.1561605555556 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 "
            "+ellps=bessel",
        )
    elif case == "failing transform":  # a latitude beyond the pole cannot be transformed
        path = write_points(tmp_path / "bad.gpkg", [(4.36, 52.0), (200.0, 95.0)], 4326, nulls=False)
        layer = QgsVectorLayer(path, "bad", "ogr")
    assert layer.isValid()
    assert read_ogr_points(layer, crs, context, fields) is None
    del layer


def _multipoints(tmp_path) -> str:
    path = tmp_path / "multi.gpkg"
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(28992)
    layer = dataset.CreateLayer("multi", srs, ogr.wkbMultiPoint)
    layer.CreateField(ogr.FieldDefn("weight", ogr.OFTReal))
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt("MULTIPOINT ((84000 446000), (84100 446100))"))
    layer.CreateFeature(feature)
    dataset = None
    return str(path)


def test_point_wkb_xy_parses_2d_z_m_and_empty_points_and_refuses_the_rest():
    def wkb(wkt, iso=True):
        geometry = ogr.CreateGeometryFromWkt(wkt)
        return bytes(geometry.ExportToIsoWkb() if iso else geometry.ExportToWkb())

    xy = point_wkb_xy([wkb("POINT (1 2)"), wkb("POINT EMPTY"), wkb("POINT (-3.5 4e6)")])
    assert xy[0].tolist() == [1.0, 2.0]
    assert all(math.isnan(v) for v in xy[1])
    assert xy[2].tolist() == [-3.5, 4e6]
    for wkt in ("POINT Z (1 2 3)", "POINT M (1 2 3)", "POINT ZM (1 2 3 4)"):
        assert point_wkb_xy([wkb(wkt), wkb(wkt)]).tolist() == [[1.0, 2.0], [1.0, 2.0]]
    assert point_wkb_xy([wkb("POINT Z (1 2 3)", iso=False)]).tolist() == [[1.0, 2.0]]
    assert point_wkb_xy([]).shape == (0, 2)
    mixed = point_wkb_xy([wkb("POINT (1 2)"), wkb("POINT Z (3 4 5)"), wkb("POINT (6 7)")])
    assert mixed.tolist() == [[1.0, 2.0], [3.0, 4.0], [6.0, 7.0]]
    assert point_wkb_xy([wkb("LINESTRING (0 0, 1 1)")]) is None
    assert point_wkb_xy([wkb("MULTIPOINT ((1 2))")]) is None
    big_endian = ogr.CreateGeometryFromWkt("POINT (1 2)").ExportToWkb(ogr.wkbXDR)
    assert point_wkb_xy([bytes(big_endian)]) is None


# --- the algorithms give the same outputs either way ---------------------------------------------------
def algorithm_inputs(sample_dir, tmp_path, subset=""):
    """Delft demand (4326 GeoPackage), candidates (RD GeoPackage), charge points and usage (GeoJSON)."""
    lonlat = delft_lonlat(sample_dir)
    rd = np.asarray(to_rd(lonlat))
    low, high = rd.min(axis=0), rd.max(axis=0)
    grid = [(x, y) for x in np.arange(low[0], high[0], 120.0) for y in np.arange(low[1], high[1], 120.0)]
    paths = {
        "DEMAND": write_points(tmp_path / "demand.gpkg", lonlat, 4326),
        "CANDIDATES": write_points(tmp_path / "candidates.gpkg", grid, 28992),
        "CHARGE_POINTS": write_points(tmp_path / "charge_points.geojson", lonlat[-850::2], 4326),
        "USAGE": write_points(tmp_path / "usage.geojson", lonlat[-849::2], 4326, weight="occupancy_mean"),
    }
    layers = {name: QgsVectorLayer(path, name, "ogr") for name, path in paths.items()}
    for layer in layers.values():
        assert layer.isValid()
        layer.setSubsetString(subset)
    return layers


def output_rows(path):
    dataset = ogr.Open(path)
    layer = dataset.GetLayer(0)
    rows = []
    for feature in layer:
        geometry = feature.GetGeometryRef()
        rows.append((feature.items(), geometry.ExportToWkt() if geometry else None))
    return rows


def run_both(sample_dir, tmp_path, algorithm, parameters, inputs):
    """The algorithm on the files (OGR path) and on the same files with an always-true subset (QGIS path)."""
    outputs = []
    for name, subset in (("fast", ""), ("qgis", "1 = 1")):
        folder = tmp_path / name
        folder.mkdir()
        layers = algorithm_inputs(sample_dir, folder, subset)
        if not subset:
            context = QgsProject.instance().transformContext()
            assert read_ogr_points(layers["DEMAND"], RD, context, ["households"]) is not None
            assert read_ogr_points(layers["USAGE"], RD, context, ["occupancy_mean"]) is not None
        output = str(folder / "out.gpkg")
        given = {name: layers[name] for name in inputs}
        run_algorithm(algorithm, {**parameters, **given, "OUTPUT": output})
        outputs.append(output_rows(output))
        del layers, given
    return outputs


def test_scorecandidates_gives_identical_outputs_either_way(evplanner, sample_dir, tmp_path):
    parameters = {"DEMAND_FIELD": "households", "RADIUS": 250.0}
    inputs = ["CANDIDATES", "DEMAND", "CHARGE_POINTS", "USAGE"]
    fast, slow = run_both(sample_dir, tmp_path, "evplanner:scorecandidates", parameters, inputs)
    assert len(fast) > 100
    assert fast == slow


def test_selectlocations_gives_identical_outputs_either_way(evplanner, sample_dir, tmp_path):
    parameters = {"DEMAND_FIELD": "weight", "RADIUS": 200.0, "COUNT": 8}
    inputs = ["CANDIDATES", "DEMAND", "CHARGE_POINTS"]
    fast, slow = run_both(sample_dir, tmp_path, "evplanner:selectlocations", parameters, inputs)
    assert len(fast) == 8
    assert fast == slow


def test_selected_features_only_is_left_to_qgis(evplanner, sample_dir, tmp_path):
    layers = algorithm_inputs(sample_dir, tmp_path)
    candidates = layers["CANDIDATES"]
    QgsProject.instance().addMapLayer(candidates, False)
    try:
        candidates.selectByIds([1, 2, 3, 50, 51])
        algorithm = QgsApplication.processingRegistry().createAlgorithmById("evplanner:scorecandidates")
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        selected = {"CANDIDATES": QgsProcessingFeatureSourceDefinition(candidates.id(), True)}
        assert whole_layer(algorithm, selected, "CANDIDATES", context) is None
        limited = {"CANDIDATES": QgsProcessingFeatureSourceDefinition(candidates.id(), False, 3)}
        assert whole_layer(algorithm, limited, "CANDIDATES", context) is None
        assert whole_layer(algorithm, {"CANDIDATES": candidates}, "CANDIDATES", context) is candidates
        output = str(tmp_path / "selected.gpkg")
        processing.run(
            "evplanner:scorecandidates",
            {**selected, "DEMAND": layers["DEMAND"], "DEMAND_FIELD": "weight", "OUTPUT": output},
            context=context,
            feedback=QgsProcessingFeedback(),
        )
        assert len(output_rows(output)) == 5
    finally:
        QgsProject.instance().removeMapLayer(candidates.id())
    del layers, candidates
