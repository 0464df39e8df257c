"""The extent of a charge-point load: the EXTENT parameter in WGS84, and the rows a load could find."""

from __future__ import annotations

import math
from typing import Callable

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QLocale

from ..i18n import tr
from .layers import WGS84

Bounds = tuple[float, float, float, float]  # (west, south, east, north) in WGS84

# The largest Dutch or Flemish municipality covers under 1,000 km² (water included) and the
# largest province about 5,800 km²: an extent over 10,000 km² (about 1.5° × 1° at 52°N) is
# almost always a typing error, most often xmin,ymin,xmax,ymax given where QGIS reads
# xmin,xmax,ymin,ymax.
PLAUSIBLE_MUNICIPAL_AREA_KM2 = 10_000.0
EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)


def extent_in_wgs84(
    extent: QgsRectangle,
    crs: QgsCoordinateReferenceSystem,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback | None = None,
) -> Bounds | None:
    """(west, south, east, north) in WGS84 of an extent parameter; None when it is not set.

    With ``feedback``, the extent is logged and an implausibly large one is warned about.
    """
    bounds = _wgs84_bounds(extent, crs, context)
    if bounds is not None and feedback is not None:
        report_extent(feedback, bounds)
    return bounds


def _wgs84_bounds(
    extent: QgsRectangle, crs: QgsCoordinateReferenceSystem, context: QgsProcessingContext
) -> Bounds | None:
    if extent is None or extent.isNull() or extent.isEmpty():
        return None
    if crs.isValid() and crs != WGS84:
        transform = QgsCoordinateTransform(crs, WGS84, context.transformContext())
        extent = transform.transformBoundingBox(extent)
    west, south = max(-180.0, extent.xMinimum()), max(-90.0, extent.yMinimum())
    east, north = min(180.0, extent.xMaximum()), min(90.0, extent.yMaximum())
    if west >= east or south >= north:
        raise QgsProcessingException(tr("The extent does not overlap the world in WGS84."))
    return west, south, east, north


def area_km2(bounds: Bounds) -> float:
    """Area of a WGS84 box on the sphere of the Earth's mean radius, in km²."""
    west, south, east, north = bounds
    band = math.sin(math.radians(north)) - math.sin(math.radians(south))
    return EARTH_RADIUS_KM**2 * math.radians(east - west) * band


def report_extent(feedback: QgsProcessingFeedback, bounds: Bounds) -> None:
    """Log the extent as it is used, and warn when it is far larger than a municipality."""
    west, south, east, north = bounds
    feedback.pushInfo(
        tr("Extent in WGS84: west {west:.6f}, south {south:.6f}, east {east:.6f}, north {north:.6f}.").format(
            west=west, south=south, east=east, north=north
        )
    )
    area = area_km2(bounds)
    if area > PLAUSIBLE_MUNICIPAL_AREA_KM2:
        feedback.pushWarning(
            tr(
                "The extent covers about {area} km², far more than a municipality "
                "(warning above {limit} km²). On the command line, EXTENT is "
                "xmin,xmax,ymin,ymax: check the order of the coordinates."
            ).format(area=_whole_number(area), limit=_whole_number(PLAUSIBLE_MUNICIPAL_AREA_KM2))
        )


def _whole_number(value: float) -> str:
    """``value`` rounded, with the thousands separator of the QGIS locale."""
    return QLocale().toString(float(value), "f", 0)


def in_loaded_scope(
    source_kind: str, extent: Bounds | None
) -> Callable[[dict, float | None, float | None], bool]:
    """Rows a load of ``source_kind`` within ``extent`` (WGS84) could have found."""

    def in_scope(values: dict, lon: float | None, lat: float | None) -> bool:
        if str(values.get("source") or "").lower() != source_kind:
            return False
        if extent is None:
            return True
        if lon is None or lat is None:
            return False
        west, south, east, north = extent
        return west <= lon <= east and south <= lat <= north

    return in_scope
