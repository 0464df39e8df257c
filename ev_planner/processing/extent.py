"""The extent of a charge-point load: the EXTENT parameter in WGS84, and the rows a load could find."""

from __future__ import annotations

from typing import Callable

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingContext,
    QgsProcessingException,
    QgsRectangle,
)

from ..i18n import tr
from .layers import WGS84

Bounds = tuple[float, float, float, float]  # (west, south, east, north) in WGS84


def extent_in_wgs84(
    extent: QgsRectangle, crs: QgsCoordinateReferenceSystem, context: QgsProcessingContext
) -> Bounds | None:
    """(west, south, east, north) in WGS84 of an extent parameter; None when it is not set."""
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
