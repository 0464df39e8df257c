"""Reading the point inputs of the potential-map algorithms into metric arrays.

Candidates, demand (points, or polygons read at a point on their surface) and existing
charge points are read in one metric CRS; unusable features are counted and reported.
"""

from __future__ import annotations

from typing import NamedTuple, Sequence

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSource,
    QgsProcessingException,
    QgsWkbTypes,
)

from ..compat import GEOMETRY_POINT, GEOMETRY_POLYGON
from ..core.errors import CanceledError
from ..core.potential.distance import StraightLine, Walking
from ..i18n import tr
from .layers import (
    PointArrays,
    choose_metric_crs,
    progress_range,
    read_points_fast,
    report_skipped,
    require_features,
    require_fields,
    require_geometry_type,
)
from .network import distance_measure, report_attachment
from .ogr_points import whole_layer


def point_source(
    algorithm, parameters, name: str, context, optional: bool = False
) -> QgsFeatureSource | None:
    """A point layer parameter, refused with a clear message when empty or not points."""
    source = algorithm.parameterAsSource(parameters, name, context)
    if source is None and optional:
        return None
    source = require_features(source, name)
    require_geometry_type(source, GEOMETRY_POINT, name)
    return source


def demand_source(algorithm, parameters, name: str, context) -> QgsFeatureSource:
    """Demand: points, or polygons (buildings) read as a point on their surface."""
    source = require_features(algorithm.parameterAsSource(parameters, name, context), name)
    if QgsWkbTypes.geometryType(source.wkbType()) not in (
        GEOMETRY_POINT,
        GEOMETRY_POLYGON,
    ):
        raise QgsProcessingException(tr("The layer {layer} must hold points or polygons.").format(layer=name))
    return source


def read_located(
    source, label: str, crs, context, feedback, fields: Sequence[str] = (), span=(0.0, 0.0), layer=None
) -> PointArrays:
    """Points of a layer in ``crs``; unusable features are reported and counted; none at all is an error.

    ``layer``: the whole layer behind ``source`` (:func:`whole_layer`), which lets a file be read
    column-wise. Raises :class:`CanceledError` when the user cancels while it reads.
    """
    points = read_points_fast(
        source, crs, context, progress_range(feedback, *span), fields=[f for f in fields if f], layer=layer
    )
    if feedback.isCanceled():
        raise CanceledError()
    report_skipped(feedback, label, points.skipped)
    if len(points) == 0:
        raise QgsProcessingException(tr("The layer {layer} has no usable geometry.").format(layer=label))
    return points


class CoverageSources(NamedTuple):
    candidates: QgsFeatureSource
    demand: QgsFeatureSource
    demand_field: str  # "" when every demand point weighs 1
    charge_points: QgsFeatureSource | None


class CoveragePoints(NamedTuple):
    crs: QgsCoordinateReferenceSystem  # the metric CRS distances are measured in
    candidates: PointArrays
    demand: PointArrays
    demand_weight: np.ndarray | None
    existing_xy: np.ndarray | None
    measure: StraightLine | Walking  # how "within the radius" is measured


def coverage_sources(algorithm, parameters, context) -> CoverageSources:
    """CANDIDATES, DEMAND (+ DEMAND_FIELD) and CHARGE_POINTS of a scoring or selection algorithm."""
    candidates = point_source(algorithm, parameters, algorithm.CANDIDATES, context)
    demand = demand_source(algorithm, parameters, algorithm.DEMAND, context)
    demand_field = algorithm.parameterAsString(parameters, algorithm.DEMAND_FIELD, context)
    if demand_field:
        require_fields(demand, [demand_field], algorithm.DEMAND)
    charge_points = point_source(algorithm, parameters, algorithm.CHARGE_POINTS, context, optional=True)
    return CoverageSources(candidates, demand, demand_field, charge_points)


def read_coverage_points(
    algorithm,
    parameters,
    context,
    feedback,
    sources: CoverageSources,
    marks: tuple[float, float, float, float],
) -> CoveragePoints:
    """The coverage inputs as points in the metric CRS (CRS parameter or chosen); ``marks`` are the
    progress at the start and after the candidates, the demand and the charge points."""
    crs = choose_metric_crs(  # the demand defines the study area
        context,
        [sources.demand, sources.candidates, sources.charge_points],
        algorithm.parameterAsCrs(parameters, algorithm.CRS, context),
        feedback,
    )

    def read(source, name, first, last, fields=()):
        return read_located(
            source,
            name,
            crs,
            context,
            feedback,
            fields,
            span=(marks[first], marks[last]),
            layer=whole_layer(algorithm, parameters, name, context),
        )

    candidates = read(sources.candidates, algorithm.CANDIDATES, 0, 1)
    demand = read(sources.demand, algorithm.DEMAND, 1, 2, [sources.demand_field])
    demand_weight = demand.numeric(sources.demand_field, algorithm.DEMAND) if sources.demand_field else None
    existing_xy = None
    if sources.charge_points is not None:
        existing_xy = read(sources.charge_points, algorithm.CHARGE_POINTS, 2, 3).xy
    measure = distance_measure(algorithm, parameters, context, feedback, crs, span=(marks[3], marks[3]))
    report_attachment(feedback, measure, candidates.xy, algorithm.CANDIDATES)
    report_attachment(feedback, measure, demand.xy, algorithm.DEMAND, demand_weight)
    if existing_xy is not None:
        report_attachment(feedback, measure, existing_xy, algorithm.CHARGE_POINTS)
    return CoveragePoints(crs, candidates, demand, demand_weight, existing_xy, measure)
