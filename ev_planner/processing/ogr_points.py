"""Whole file-based point layers read column-wise through OGR instead of one PyQGIS call per feature.

GDAL's Arrow stream hands over the feature ids, the point WKB and the wanted numeric
fields as arrays; the coordinates are parsed with numpy and transformed in one OGR call.
Whenever QGIS could read anything different (a subset string, a selection, a feature
limit, edits in progress, joined or virtual fields, another provider, multipoints, a
coordinate operation chosen in the project, a transform that fails or disagrees with
QGIS) this returns None and the caller reads through QGIS as before.
"""

from __future__ import annotations

from typing import NamedTuple, Sequence

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFields,
    QgsPointXY,
    QgsProcessingFeatureSourceDefinition,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..compat import FIELD_ORIGIN_PROVIDER, WKB_POINT, WKT_PREFERRED, FieldType
from ..core.point_wkb import point_wkb_xy

DRIVERS = ("GPKG", "ESRI Shapefile", "GeoJSON", "FlatGeobuf")
NUMERIC_TYPES = (FieldType.INT, FieldType.INT64, FieldType.DOUBLE)
CHECKED_POINTS = 64  # points also transformed by QGIS to check that both agree


class OgrPoints(NamedTuple):
    feature_ids: np.ndarray  # int64, equal to the QGIS feature ids
    xy: np.ndarray  # (n, 2) in the target CRS
    attributes: dict[str, list]  # NULL is None
    without_geometry: int  # null geometries and empty points, left out


def whole_layer(algorithm, parameters: dict, name: str, context) -> QgsVectorLayer | None:
    """The layer of a feature source parameter when Processing reads all its features, else None."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition) and (
        value.selectedFeaturesOnly or value.featureLimit != -1 or getattr(value, "filterExpression", "")
    ):
        return None
    layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    return layer if isinstance(layer, QgsVectorLayer) else None


def read_ogr_points(
    layer: QgsVectorLayer,
    crs: QgsCoordinateReferenceSystem,
    transform_context: QgsCoordinateTransformContext,
    fields: Sequence[str] = (),
) -> OgrPoints | None:
    """All points of ``layer`` in ``crs`` with the numeric ``fields``, or None when QGIS must read them."""
    try:
        from osgeo import ogr, osr
    except ImportError:
        return None
    if not hasattr(ogr.Layer, "GetArrowStreamAsNumPy") or not _plain_point_layer(layer, fields):
        return None
    try:
        return _read_points(layer, crs, transform_context, fields, ogr, osr)
    except RuntimeError:
        # Where ogr.UseExceptions() is on (QGIS 3.40's Processing plugin turns it on for
        # the whole process) a failing OGR call raises instead of returning an error code.
        return None


def _read_points(layer, crs, transform_context, fields, ogr, osr) -> OgrPoints | None:
    transform = QgsCoordinateTransform(layer.crs(), crs, transform_context)
    if not transform.isShortCircuited() and transform_context.hasTransform(layer.crs(), crs):
        return None
    uri = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    dataset = ogr.Open(uri.get("path") or "", 0)
    if dataset is None or dataset.GetDriver().GetName() not in DRIVERS:
        return None
    ogr_layer = _ogr_layer(dataset, uri)
    if ogr_layer is None:
        return None
    try:
        columns = _read_columns(ogr_layer, fields)
    except Exception:  # e.g. a driver without an Arrow stream: QGIS reads it
        columns = None
    if columns is None:
        return None
    fids, geometries, values = columns
    has_geometry = ~np.ma.getmaskarray(geometries)
    xy = point_wkb_xy(geometries.data[has_geometry].tolist())
    if xy is None:
        return None
    empty = np.isnan(xy).all(axis=1)
    xy = xy[~empty]
    if not np.isfinite(xy).all():
        return None
    keep = np.flatnonzero(has_geometry)[~empty]
    if len(xy) and not transform.isShortCircuited():
        xy = _transform(xy, layer.crs(), crs, transform, ogr, osr)
        if xy is None:
            return None
    return OgrPoints(
        feature_ids=fids[keep].astype(np.int64),
        xy=xy,
        attributes={name: _as_list(values[name], keep) for name in fields},
        without_geometry=len(fids) - len(keep),
    )


def _plain_point_layer(layer: QgsVectorLayer, fields: Sequence[str]) -> bool:
    """True when reading the file gives exactly what QGIS reads: no subset, edits or non-file fields."""
    if not layer.isValid() or layer.providerType() != "ogr" or layer.subsetString() or layer.isEditable():
        return False
    if QgsWkbTypes.flatType(layer.wkbType()) != WKB_POINT:
        return False
    uri = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    if any(uri.get(key) for key in ("subset", "geometryType", "openOptions", "vsiPrefix", "vsiSuffix")):
        return False
    layer_fields: QgsFields = layer.fields()
    for name in fields:
        index = layer_fields.indexOf(name)
        if (
            index < 0
            or layer_fields.fieldOrigin(index) != FIELD_ORIGIN_PROVIDER
            or layer_fields.at(index).type() not in NUMERIC_TYPES
        ):
            return False
    return True


def _ogr_layer(dataset, uri: dict):
    """The OGR layer the QGIS layer shows: by name, by index, or the only one."""
    if uri.get("layerName"):
        ogr_layer = dataset.GetLayerByName(uri["layerName"])
    elif uri.get("layerId") not in (None, ""):
        ogr_layer = dataset.GetLayerByIndex(int(uri["layerId"]))
    elif dataset.GetLayerCount() == 1:
        ogr_layer = dataset.GetLayer(0)
    else:
        return None
    if ogr_layer is None or ogr_layer.GetLayerDefn().GetGeomFieldCount() != 1:
        return None
    return ogr_layer


def _read_columns(ogr_layer, fields: Sequence[str]):
    """(fids, geometry WKB masked array, {field: masked array}) of the whole layer, or None."""
    definition = ogr_layer.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    if any(name not in names for name in fields):
        return None
    ogr_layer.SetIgnoredFields([name for name in names if name not in fields] + ["OGR_STYLE"])
    fid_column = ogr_layer.GetFIDColumn() or "OGC_FID"
    geometry_column = ogr_layer.GetGeometryColumn() or "wkb_geometry"
    batches = list(ogr_layer.GetArrowStreamAsNumPy(["INCLUDE_FID=YES", "USE_MASKED_ARRAYS=YES"]))
    if not batches:
        return None
    try:
        fids = np.concatenate([np.asarray(batch[fid_column]) for batch in batches])
        geometries = np.ma.concatenate([np.ma.asarray(batch[geometry_column]) for batch in batches])
        values = {
            name: np.ma.concatenate([np.ma.asarray(batch[name]) for batch in batches]) for name in fields
        }
    except KeyError:
        return None
    return fids, geometries, values


def _transform(xy, source_crs, crs, transform: QgsCoordinateTransform, ogr, osr) -> np.ndarray | None:
    """``xy`` transformed by PROJ through OGR in one call; None when it fails or differs from QGIS."""
    source_srs, target_srs = _srs(source_crs, osr), _srs(crs, osr)
    if source_srs is None or target_srs is None:
        return None
    # One line string with all points: OGR transforms its vertices in a single PROJ call.
    header = np.array([1], dtype="u1").tobytes() + np.array([2, len(xy)], dtype="<u4").tobytes()
    line = ogr.CreateGeometryFromWkb(header + np.ascontiguousarray(xy, dtype="<f8").tobytes())
    operation = osr.CoordinateTransformation(source_srs, target_srs)
    if line is None or operation is None or line.Transform(operation) != 0:
        return None
    result = np.frombuffer(line.ExportToWkb(ogr.wkbNDR), dtype="<f8", offset=9).reshape(-1, 2).copy()
    if not np.isfinite(result).all():
        return None
    tolerance = 1e-8 if crs.isGeographic() else 1e-3
    for i in np.unique(np.linspace(0, len(xy) - 1, CHECKED_POINTS).astype(np.int64)):
        try:
            expected = transform.transform(QgsPointXY(float(xy[i, 0]), float(xy[i, 1])))
        except QgsCsException:
            return None
        if abs(expected.x() - result[i, 0]) > tolerance or abs(expected.y() - result[i, 1]) > tolerance:
            return None
    return result


def _srs(crs: QgsCoordinateReferenceSystem, osr):
    srs = osr.SpatialReference()
    if srs.ImportFromWkt(crs.toWkt(WKT_PREFERRED)) != 0:
        return None
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _as_list(values: np.ma.MaskedArray, keep: np.ndarray) -> list:
    """Python values of the kept rows, None where the field is NULL."""
    kept = values[keep]
    result = np.ma.getdata(kept).tolist()
    for i in np.flatnonzero(np.ma.getmaskarray(kept)):
        result[i] = None
    return result
