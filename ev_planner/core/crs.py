"""Choice of the metric CRS in which distances are computed.

Every algorithm accepts layers in any CRS but measures in metres: the national
grid where the data lies in the Netherlands (RD New) or Flanders/Belgium
(Belgian Lambert 72), otherwise the UTM zone of the data's centre.
"""

from __future__ import annotations

import math

RD_NEW = "EPSG:28992"
BELGIAN_LAMBERT_72 = "EPSG:31370"

# Validity areas (lon/lat) of the two national grids, from the EPSG registry.
_RD_NEW_AREA = (3.2, 50.75, 7.22, 53.7)
_BELGIUM_AREA = (2.5, 49.5, 6.4, 51.51)


def _inside(lon: float, lat: float, area: tuple[float, float, float, float]) -> bool:
    west, south, east, north = area
    return west <= lon <= east and south <= lat <= north


def metric_crs_for_lonlat(lon: float, lat: float) -> str:
    """Authority id of the metric CRS best suited to a point given in WGS84.

    The Netherlands win where the two national areas overlap north of the
    Belgian border latitude (51.51), which is where Dutch municipalities are.
    """
    if not (math.isfinite(lon) and math.isfinite(lat)) or abs(lat) > 90:
        raise ValueError(f"not a WGS84 coordinate: {lon}, {lat}")
    if _inside(lon, lat, _BELGIUM_AREA) and lat < 51.37:
        return BELGIAN_LAMBERT_72
    if _inside(lon, lat, _RD_NEW_AREA):
        return RD_NEW
    if _inside(lon, lat, _BELGIUM_AREA):
        return BELGIAN_LAMBERT_72
    zone = int((lon + 180.0) // 6.0) % 60 + 1
    return f"EPSG:{32600 + zone if lat >= 0 else 32700 + zone}"


def metric_crs_for_bounds(west: float, south: float, east: float, north: float) -> str:
    """Metric CRS for the centre of a WGS84 bounding box."""
    return metric_crs_for_lonlat((west + east) / 2.0, (south + north) / 2.0)
