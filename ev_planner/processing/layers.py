"""Conversions between QGIS layers and the numpy arrays the core works on.

Every algorithm measures in a metric CRS (docs/architecture.md): the CRS parameter when the
user gives one, else the project's CRS when it is metric, else the national grid
(RD New, Belgian Lambert 72) or UTM zone chosen from the data's extent.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsFields,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingFeedback,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..compat import (
    DISTANCE_METERS,
    GEOMETRY_LINE,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    NO_GEOMETRY_CHECK,
    SKIP_GEOMETRY_VALIDITY_CHECKS,
    WKB_NO_GEOMETRY,
)
from ..core.crs import metric_crs_for_bounds, metric_crs_for_lonlat
from ..core.errors import CanceledError
from ..core.potential.candidates import locate_in_areas
from ..i18n import tr
from .ogr_points import read_ogr_points

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def is_metric(crs: QgsCoordinateReferenceSystem) -> bool:
    return crs.isValid() and not crs.isGeographic() and crs.mapUnits() == DISTANCE_METERS


def features_extent(source: QgsFeatureSource) -> QgsRectangle:
    """The bounding box of the features' geometries, read feature by feature."""
    extent = QgsRectangle()
    for feature in _features_unchecked(source, QgsFeatureRequest().setNoAttributes()):
        if feature.hasGeometry():
            extent.combineExtentWith(feature.geometry().boundingBox())
    return extent


def extent_in_wgs84(source: QgsFeatureSource, context: QgsProcessingContext) -> QgsRectangle:
    extent = source.sourceExtent()
    if extent.isNull():
        # QGIS 3.40 reports a Null extent for an OGR layer with a subset string whose
        # first features have no geometry: the features still have a location.
        extent = features_extent(source)
    if extent.isNull():
        return QgsRectangle()
    transform = QgsCoordinateTransform(source.sourceCrs(), WGS84, context.transformContext())
    return transform.transformBoundingBox(extent)


FAR_OUTSIDE_DEGREES = 1.5  # about 100-170 km: farther than any municipality reaches
CENTRE_SAMPLE = 20_000  # features whose median location defines the study area


def choose_metric_crs(
    context: QgsProcessingContext,
    sources: Iterable[QgsFeatureSource | None],
    override: QgsCoordinateReferenceSystem | None = None,
    feedback: QgsProcessingFeedback | None = None,
    use_project: bool = True,
) -> QgsCoordinateReferenceSystem:
    """The CRS in which an algorithm measures distances (see the module docstring).

    The first source given defines the study area (DEMAND, AREA, CANDIDATES): the CRS
    follows the median location of its features, so one stray or swapped point elsewhere
    cannot move the grid to another UTM zone. Inputs reaching far outside that area are
    reported; the CRS chosen is always logged, so the desktop and qgis_process can be compared.
    """
    sources = [source for source in sources if source is not None]
    crs = _override_or_project_crs(context, override, use_project)
    centre = None
    for source in sources:
        centre = centre or _median_location_in_wgs84(source, context)
    if crs is None:
        if centre is None:
            raise QgsProcessingException(tr("The input layers have no features with a location."))
        crs = QgsCoordinateReferenceSystem(metric_crs_for_lonlat(*centre))
    if feedback is not None:
        feedback.pushInfo(
            tr("Distances measured in {crs} ({name}).").format(crs=crs.authid(), name=crs.description())
        )
        if centre is not None:
            _warn_far_outside(feedback, sources, centre, context)
    return crs


def _override_or_project_crs(context, override, use_project: bool) -> QgsCoordinateReferenceSystem | None:
    if override is not None and override.isValid():
        if not is_metric(override):
            raise QgsProcessingException(
                tr("The CRS {crs} does not measure in metres: choose a projected, metric CRS.").format(
                    crs=override.authid()
                )
            )
        return override
    project = context.project()
    if use_project and project is not None and is_metric(project.crs()):
        return project.crs()
    return None


def _median_location_in_wgs84(source: QgsFeatureSource, context) -> tuple[float, float] | None:
    """Median lon/lat of (up to CENTRE_SAMPLE of) the features' bounding-box centres."""
    transform = QgsCoordinateTransform(source.sourceCrs(), WGS84, context.transformContext())
    lons, lats = [], []
    for feature in _features_unchecked(source, QgsFeatureRequest().setNoAttributes().setLimit(CENTRE_SAMPLE)):
        if not feature.hasGeometry() or feature.geometry().isEmpty():
            continue
        try:
            point = transform.transform(feature.geometry().boundingBox().center())
        except QgsCsException:
            continue
        if math.isfinite(point.x()) and math.isfinite(point.y()):
            lons.append(point.x())
            lats.append(point.y())
    if not lons:
        return None
    return float(np.median(lons)), float(np.median(lats))


def _features_unchecked(source: QgsFeatureSource, request: QgsFeatureRequest):
    """Features without Processing's invalid-geometry check: only their location is wanted here."""
    request.setInvalidGeometryCheck(NO_GEOMETRY_CHECK)
    if isinstance(source, QgsProcessingFeatureSource):
        return source.getFeatures(request, SKIP_GEOMETRY_VALIDITY_CHECKS)
    return source.getFeatures(request)


def _warn_far_outside(feedback, sources, centre: tuple[float, float], context) -> None:
    for source in sources:
        extent = extent_in_wgs84(source, context)
        if extent.isNull():
            continue
        reach = max(
            abs(extent.xMinimum() - centre[0]),
            abs(extent.xMaximum() - centre[0]),
            abs(extent.yMinimum() - centre[1]),
            abs(extent.yMaximum() - centre[1]),
        )
        if reach > FAR_OUTSIDE_DEGREES:
            feedback.pushWarning(
                tr(
                    "The layer {layer} has features far outside the study area (up to {degrees:.0f}° from "
                    "its centre at {lon:.3f}, {lat:.3f}): check for swapped or wrong coordinates."
                ).format(layer=source.sourceName(), degrees=reach, lon=centre[0], lat=centre[1])
            )


def require_fields(source: QgsFeatureSource, names: Sequence[str], layer_label: str) -> None:
    missing = [name for name in names if name and source.fields().lookupField(name) < 0]
    if missing:
        raise QgsProcessingException(
            tr("The layer {layer} has no field {fields}.").format(
                layer=layer_label, fields=", ".join(missing)
            )
        )


@dataclass
class PointArrays:
    """Features of a layer as points in the metric CRS, with some attributes."""

    feature_ids: np.ndarray  # int64, the QGIS feature ids
    xy: np.ndarray  # float64 (n, 2) in the metric CRS
    attributes: dict[str, list] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> count

    def __len__(self) -> int:
        return len(self.feature_ids)

    def numeric(self, name: str, layer_label: str, allow_negative: bool = False) -> np.ndarray:
        """An attribute as float64; NULL becomes 0, text or negative values are refused."""
        try:  # one numpy call when every value is a number (None would become NaN: checked below)
            values = np.array(self.attributes[name], dtype=np.float64)
            if np.isnan(values).any():
                raise ValueError("NULL or NaN values: take the careful path")
        except (TypeError, ValueError):
            values = self._numeric_value_by_value(name, layer_label)
        if not np.all(np.isfinite(values)):
            raise QgsProcessingException(
                tr("The field {field} of {layer} holds a non-finite value.").format(
                    field=name, layer=layer_label
                )
            )
        if not allow_negative and np.any(values < 0):
            raise QgsProcessingException(
                tr("The field {field} of {layer} holds negative values.").format(
                    field=name, layer=layer_label
                )
            )
        return values

    def _numeric_value_by_value(self, name: str, layer_label: str) -> np.ndarray:
        values = np.zeros(len(self), dtype=np.float64)
        for i, value in enumerate(self.attributes[name]):
            if value is None or value == "" or (hasattr(value, "isNull") and value.isNull()):
                continue
            try:
                values[i] = float(value)
            except (TypeError, ValueError):
                raise QgsProcessingException(
                    tr("The field {field} of {layer} holds a non-numeric value: {value!r}.").format(
                        field=name, layer=layer_label, value=value
                    )
                ) from None
        return values


def representative_point(geometry: QgsGeometry) -> QgsGeometry | None:
    """A point standing for a geometry: itself, a multipoint's centroid, a point on a surface or line."""
    if geometry.isNull() or geometry.isEmpty():
        return None
    kind = geometry.type()
    if kind == GEOMETRY_POINT:
        point = geometry if not geometry.isMultipart() else geometry.centroid()
    elif kind == GEOMETRY_POLYGON:
        if not geometry.isGeosValid():
            geometry = geometry.makeValid()
        point = geometry.pointOnSurface()
    elif kind == GEOMETRY_LINE:
        point = geometry.interpolate(geometry.length() / 2.0)
    else:
        return None
    return None if point is None or point.isNull() or point.isEmpty() else point


def read_points(
    source: QgsFeatureSource,
    crs: QgsCoordinateReferenceSystem,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback | None = None,
    fields: Sequence[str] = (),
) -> PointArrays:
    """Read a layer as points in ``crs`` with the named attributes.

    Features without a usable geometry are skipped and counted by reason, so the
    algorithm can report them instead of failing.
    """
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    request = QgsFeatureRequest()
    field_indexes = [source.fields().lookupField(name) for name in fields]
    request.setSubsetOfAttributes([i for i in field_indexes if i >= 0])
    total = max(source.featureCount(), 1)
    ids: list[int] = []
    coords: list[tuple[float, float]] = []
    attributes: dict[str, list] = {name: [] for name in fields}
    skipped: dict[str, int] = {}
    for n, feature in enumerate(source.getFeatures(request)):
        if feedback is not None and n % 1000 == 0:
            if feedback.isCanceled():
                raise CanceledError()
            feedback.setProgress(100.0 * n / total)
        point = representative_point(feature.geometry())
        if point is None:
            skipped[tr("no geometry")] = skipped.get(tr("no geometry"), 0) + 1
            continue
        try:
            point.transform(transform)
        except QgsCsException:  # outside the CRS's area
            skipped[tr("cannot be transformed")] = skipped.get(tr("cannot be transformed"), 0) + 1
            continue
        xy = point.asPoint()
        ids.append(feature.id())
        coords.append((xy.x(), xy.y()))
        for name, index in zip(fields, field_indexes):
            attributes[name].append(feature.attribute(index) if index >= 0 else None)
    return PointArrays(
        feature_ids=np.asarray(ids, dtype=np.int64),
        xy=np.asarray(coords, dtype=np.float64).reshape(-1, 2),
        attributes=attributes,
        skipped=skipped,
    )


def report_skipped(feedback: QgsProcessingFeedback, layer_label: str, skipped: dict[str, int]) -> None:
    for reason, count in skipped.items():
        feedback.reportError(
            tr("{layer}: {count} feature(s) skipped ({reason}).").format(
                layer=layer_label, count=count, reason=reason
            ),
            False,
        )


# --- polygons and lines as numpy rings (added for the potential-map algorithms) ----------------
def require_geometry_type(source: QgsFeatureSource, geometry_type: int, layer_label: str) -> None:
    """Refuse a layer of the wrong geometry type (points, lines, polygons) with a clear message."""
    names = {
        GEOMETRY_POINT: tr("points"),
        GEOMETRY_LINE: tr("lines"),
        GEOMETRY_POLYGON: tr("polygons"),
    }
    actual = QgsWkbTypes.geometryType(source.wkbType())
    if actual != geometry_type:
        raise QgsProcessingException(
            tr("The layer {layer} must hold {expected}, not {actual}.").format(
                layer=layer_label,
                expected=names.get(geometry_type, "?"),
                actual=names.get(actual, tr("features without geometry")),
            )
        )


def geometry_to_rings(geometry: QgsGeometry) -> list[list[np.ndarray]]:
    """A (multi)polygon as a list of polygons, each a list of rings (exterior first) as (n, 2) arrays."""
    polygons = geometry.asMultiPolygon() if geometry.isMultipart() else [geometry.asPolygon()]
    result = []
    for polygon in polygons:
        rings = [
            np.array([(p.x(), p.y()) for p in ring], dtype=np.float64).reshape(-1, 2) for ring in polygon
        ]
        rings = [ring for ring in rings if len(ring) >= 3]
        if rings:
            result.append(rings)
    return result


def geometry_to_lines(geometry: QgsGeometry) -> list[np.ndarray]:
    """A (multi)line as a list of (n, 2) vertex arrays."""
    lines = geometry.asMultiPolyline() if geometry.isMultipart() else [geometry.asPolyline()]
    arrays = [np.array([(p.x(), p.y()) for p in line], dtype=np.float64).reshape(-1, 2) for line in lines]
    return [line for line in arrays if len(line) >= 2]


@dataclass
class GeometryArrays:
    """Features of a layer as transformed, valid geometries plus some attributes."""

    feature_ids: list[int]
    geometries: list[QgsGeometry]  # in the target CRS, repaired when they were invalid
    attributes: dict[str, list] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> count
    repaired: int = 0

    def __len__(self) -> int:
        return len(self.feature_ids)


def read_geometries(
    source: QgsFeatureSource,
    crs: QgsCoordinateReferenceSystem,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback | None = None,
    fields: Sequence[str] = (),
) -> GeometryArrays:
    """Read a line or polygon layer in ``crs``; invalid geometries are repaired, unusable ones skipped.

    Repair uses ``makeValid`` and keeps only the part of the layer's own type, so
    a self-intersecting parcel still counts; features that stay empty are
    skipped and counted by reason.
    """
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    wanted_type = QgsWkbTypes.geometryType(source.wkbType())
    request = QgsFeatureRequest()
    field_indexes = [source.fields().lookupField(name) for name in fields]
    request.setSubsetOfAttributes([i for i in field_indexes if i >= 0])
    # Processing's own invalid-geometry setting would drop or abort; we repair and count instead.
    request.setInvalidGeometryCheck(NO_GEOMETRY_CHECK)
    total = max(source.featureCount(), 1)
    result = GeometryArrays([], [], {name: [] for name in fields})

    def skip(reason: str) -> None:
        result.skipped[reason] = result.skipped.get(reason, 0) + 1

    if isinstance(source, QgsProcessingFeatureSource):
        features = source.getFeatures(request, SKIP_GEOMETRY_VALIDITY_CHECKS)
    else:
        features = source.getFeatures(request)
    for n, feature in enumerate(features):
        if feedback is not None and n % 500 == 0:
            if feedback.isCanceled():
                raise CanceledError()
            feedback.setProgress(100.0 * n / total)
        geometry = QgsGeometry(feature.geometry())
        if geometry.isNull() or geometry.isEmpty():
            skip(tr("no geometry"))
            continue
        if not geometry.isGeosValid():
            geometry = geometry.makeValid()
            if wanted_type == GEOMETRY_POLYGON:
                geometry = geometry.convertToType(GEOMETRY_POLYGON, True) or QgsGeometry()
            if geometry.isNull() or geometry.isEmpty():
                skip(tr("invalid geometry that cannot be repaired"))
                continue
            result.repaired += 1
        try:
            geometry.transform(transform)
        except QgsCsException:  # outside the CRS's area
            skip(tr("cannot be transformed"))
            continue
        result.feature_ids.append(feature.id())
        result.geometries.append(geometry)
        for name, index in zip(fields, field_indexes):
            result.attributes[name].append(feature.attribute(index) if index >= 0 else None)
    return result


def numeric_values(
    values: Sequence, field_name: str, layer_label: str, allow_negative: bool = False
) -> np.ndarray:
    """Attribute values as float64 (NULL -> 0), refusing text, non-finite and (by default) negative values."""
    arrays = PointArrays(
        np.zeros(len(values), dtype=np.int64), np.zeros((len(values), 2)), {field_name: list(values)}
    )
    return arrays.numeric(field_name, layer_label, allow_negative)


def require_features(source: QgsFeatureSource | None, layer_label: str) -> QgsFeatureSource:
    """The source itself, or a clear error when the layer is missing or has no features."""
    if source is None:
        raise QgsProcessingException(tr("The layer {layer} could not be opened.").format(layer=layer_label))
    if source.featureCount() == 0:
        raise QgsProcessingException(tr("The layer {layer} has no features.").format(layer=layer_label))
    return source


def core_progress(feedback: QgsProcessingFeedback, start: float, end: float):
    """A progress callback for core functions: maps 0..1 onto start..end %, returns False on cancel."""

    def report(fraction: float) -> bool:
        feedback.setProgress(start + (end - start) * fraction)
        return not feedback.isCanceled()

    return report


def polygons_with_owners(geometries: Sequence[QgsGeometry]) -> tuple[list[list[np.ndarray]], np.ndarray]:
    """Every polygon part of the geometries as rings, and the index of the geometry it belongs to."""
    polygons: list[list[np.ndarray]] = []
    owners: list[int] = []
    for index, geometry in enumerate(geometries):
        parts = geometry_to_rings(geometry)
        polygons.extend(parts)
        owners.extend([index] * len(parts))
    return polygons, np.asarray(owners, dtype=np.int64)


def areas_of_points(
    xy: np.ndarray, areas: Sequence[QgsGeometry], feedback: QgsProcessingFeedback, start: float, end: float
) -> np.ndarray:
    """Index of the area (polygon geometry, in the CRS of ``xy``) containing each point, or -1."""
    polygons, owners = polygons_with_owners(areas)
    return locate_in_areas(xy, polygons, owners, core_progress(feedback, start, end))


def report_repaired(feedback: QgsProcessingFeedback, layer_label: str, count: int) -> None:
    if count:
        feedback.pushWarning(
            tr("{layer}: {count} invalid geometries repaired.").format(layer=layer_label, count=count)
        )


def fields_with_results(
    input_fields: QgsFields, result_fields: QgsFields, feedback: QgsProcessingFeedback, layer_label: str
) -> tuple[QgsFields, list[str]]:
    """Input fields followed by result fields; an input field named like a result field is left out.

    Result field names are a public interface that scripts rely on, so they win
    over a same-named input field (which is reported); returns the fields and
    the names of the input fields kept, in order.
    """
    result_names = {name.lower() for name in result_fields.names()}
    combined = QgsFields()
    kept: list[str] = []
    for input_field in input_fields:
        if input_field.name().lower() in result_names:
            feedback.pushWarning(
                tr("{layer}: the field {field} is replaced by the result field of the same name.").format(
                    layer=layer_label, field=input_field.name()
                )
            )
            continue
        combined.append(input_field)
        kept.append(input_field.name())
    for result_field in result_fields:
        combined.append(result_field)
    return combined, kept


# --- fast reading of large point layers (added for scorecandidates/selectlocations) -------------
_POINT_WKB = np.dtype([("order", "u1"), ("type", "<u4"), ("x", "<f8"), ("y", "<f8")])


def read_points_fast(
    source: QgsFeatureSource,
    crs: QgsCoordinateReferenceSystem,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback | None = None,
    fields: Sequence[str] = (),
    layer: QgsVectorLayer | None = None,
) -> PointArrays:
    """:func:`read_points` for single-point layers, several times faster on large layers.

    ``layer`` is the whole layer behind ``source`` when it has all of its features
    (see :func:`.ogr_points.whole_layer`); a file-based layer is then read column-wise
    through OGR (:func:`.ogr_points.read_ogr_points`). Otherwise the provider transforms
    to ``crs`` (in C++) and only the 21-byte WKB head of each point crosses into Python,
    parsed in one go with numpy. Other geometry types (and multipoints) go through
    :func:`read_points`. Skips are counted the same way.
    """
    if layer is None and isinstance(source, QgsVectorLayer):
        layer = source
    if layer is not None:
        points = read_ogr_points(layer, crs, context.transformContext(), fields)
        if points is not None:
            if feedback is not None:
                feedback.setProgress(100.0)
            skipped = {tr("no geometry"): points.without_geometry} if points.without_geometry else {}
            return PointArrays(points.feature_ids, points.xy, points.attributes, skipped)
    if QgsWkbTypes.geometryType(source.wkbType()) != GEOMETRY_POINT or QgsWkbTypes.isMultiType(
        source.wkbType()
    ):
        return read_points(source, crs, context, feedback, fields)
    no_geometry, not_transformed = tr("no geometry"), tr("cannot be transformed")
    skipped: dict[str, int] = {}

    def transform_failed(_feature) -> None:
        skipped[not_transformed] = skipped.get(not_transformed, 0) + 1

    request = QgsFeatureRequest()
    request.setDestinationCrs(crs, context.transformContext())
    request.setTransformErrorCallback(transform_failed)
    field_indexes = [source.fields().lookupField(name) for name in fields]
    request.setSubsetOfAttributes([i for i in field_indexes if i >= 0])
    total = max(source.featureCount(), 1)
    ids: list[int] = []
    heads: list[bytes] = []
    columns: list[list] = [[] for _ in fields]
    for n, feature in enumerate(source.getFeatures(request)):
        if feedback is not None and n % 10000 == 0:
            if feedback.isCanceled():
                raise CanceledError()
            feedback.setProgress(100.0 * n / total)
        wkb = feature.geometry().asWkb().data()
        if len(wkb) < 21:
            skipped[no_geometry] = skipped.get(no_geometry, 0) + 1
            continue
        ids.append(feature.id())
        heads.append(wkb[:21])
        for column, index in zip(columns, field_indexes):
            column.append(feature.attribute(index) if index >= 0 else None)
    parsed = np.frombuffer(b"".join(heads), dtype=_POINT_WKB)
    if len(parsed) and not np.all(parsed["order"] == 1):  # big-endian WKB: never from QGIS, but be safe
        return read_points(source, crs, context, feedback, fields)
    xy = np.column_stack([parsed["x"], parsed["y"]]).astype(np.float64).reshape(-1, 2)
    usable = np.isfinite(xy).all(axis=1)  # POINT EMPTY is NaN, NaN
    if not usable.all():
        skipped[no_geometry] = skipped.get(no_geometry, 0) + int((~usable).sum())
        keep = np.flatnonzero(usable)
        xy = xy[keep]
        ids = [ids[i] for i in keep]
        columns = [[column[i] for i in keep] for column in columns]
    return PointArrays(
        feature_ids=np.asarray(ids, dtype=np.int64),
        xy=xy,
        attributes=dict(zip(fields, columns)),
        skipped=skipped,
    )


def read_representative_points(
    source: QgsFeatureSource,
    crs: QgsCoordinateReferenceSystem,
    context: QgsProcessingContext,
    fields: Sequence[str] = (),
    feedback: QgsProcessingFeedback | None = None,
) -> tuple[PointArrays, int]:
    """Like :func:`read_points`, but invalid polygons are repaired (and counted) instead of aborting.

    Returns the points and the number of repaired geometries.
    """
    geometries = read_geometries(source, crs, context, feedback, fields)
    keep: list[int] = []
    coords: list[tuple[float, float]] = []
    skipped = dict(geometries.skipped)
    for i, geometry in enumerate(geometries.geometries):
        point = representative_point(geometry)
        if point is None:
            skipped[tr("no geometry")] = skipped.get(tr("no geometry"), 0) + 1
            continue
        keep.append(i)
        coords.append((point.asPoint().x(), point.asPoint().y()))
    arrays = PointArrays(
        feature_ids=np.asarray([geometries.feature_ids[i] for i in keep], dtype=np.int64),
        xy=np.asarray(coords, dtype=np.float64).reshape(-1, 2),
        attributes={name: [values[i] for i in keep] for name, values in geometries.attributes.items()},
        skipped=skipped,
    )
    return arrays, geometries.repaired


class _RangeFeedback(QgsProcessingFeedback):
    """Maps a step's 0-100 % onto start..end % of the algorithm's feedback; cancel is shared."""

    def __init__(self, parent: QgsProcessingFeedback, start: float, end: float) -> None:
        super().__init__(False)
        self._parent = parent
        self._start = start
        self._end = end

    def isCanceled(self) -> bool:
        return self._parent.isCanceled()

    def setProgress(self, progress: float) -> None:
        self._parent.setProgress(self._start + (self._end - self._start) * progress / 100.0)


def progress_range(feedback: QgsProcessingFeedback, start: float, end: float) -> QgsProcessingFeedback:
    """A feedback for one step (e.g. reading a layer) that reports within start..end %."""
    return _RangeFeedback(feedback, start, end)


def metric_crs_for_xy(
    context: QgsProcessingContext, crs: QgsCoordinateReferenceSystem, xy: Sequence[tuple[float, float]]
) -> QgsCoordinateReferenceSystem:
    """The metric CRS for coordinates in ``crs`` that are not a layer (e.g. read from a GeoPackage).

    Same rule as :func:`choose_metric_crs`: the project's CRS when metric, else ``crs``
    itself when metric, else the national grid or UTM zone of the coordinates' centre.
    """
    from qgis.core import QgsPointXY  # local: this module's imports belong to the shared header

    project = context.project()
    if project is not None and is_metric(project.crs()):
        return project.crs()
    if is_metric(crs):
        return crs
    if not len(xy):
        raise QgsProcessingException(tr("There are no locations with coordinates."))
    xs = [float(x) for x, _ in xy]
    ys = [float(y) for _, y in xy]
    centre = QgsGeometry.fromPointXY(QgsPointXY((min(xs) + max(xs)) / 2.0, (min(ys) + max(ys)) / 2.0))
    centre.transform(QgsCoordinateTransform(crs, WGS84, context.transformContext()))
    lonlat = centre.asPoint()
    return QgsCoordinateReferenceSystem(metric_crs_for_bounds(lonlat.x(), lonlat.y(), lonlat.x(), lonlat.y()))


def input_crs_problem(source: QgsFeatureSource, label: str) -> str:
    """Why a layer's CRS cannot be used (empty when it can), decided once for every algorithm.

    A layer without a CRS (a shapefile without .prj) is refused rather than guessed: read as
    lon/lat or as RD New, the same numbers land a continent apart. QGIS may also have given it
    its default CRS, EPSG:4326: degrees beyond ±180/±90 show that the CRS is not the layer's.
    """
    if QgsWkbTypes.geometryType(source.wkbType()) == QgsWkbTypes.geometryType(WKB_NO_GEOMETRY):
        return ""
    how = tr(
        "Set its CRS (Layer Properties ▸ Source ▸ Assigned Coordinate Reference System, or "
        "Processing's 'Assign projection') and run again."
    )
    crs = source.sourceCrs()
    if not crs.isValid():
        return (
            tr("The layer {layer} ({name}) has no CRS, e.g. a shapefile without a .prj file.").format(
                layer=label, name=source.sourceName()
            )
            + " "
            + how
        )
    extent = source.sourceExtent()
    if crs.isGeographic() and not extent.isNull() and (
        abs(extent.xMinimum()) > 180 or abs(extent.xMaximum()) > 180
        or abs(extent.yMinimum()) > 90 or abs(extent.yMaximum()) > 90
    ):  # fmt: skip
        return (
            tr(
                "The layer {layer} ({name}) is in {crs} but its coordinates are not degrees "
                "(up to {value:,.0f}): its CRS is missing or wrong."
            ).format(
                layer=label,
                name=source.sourceName(),
                crs=crs.authid(),
                value=max(abs(extent.xMinimum()), abs(extent.xMaximum()), abs(extent.yMaximum())),
            )
            + " "
            + how
        )
    return ""
