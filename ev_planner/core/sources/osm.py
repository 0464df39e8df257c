"""OpenStreetMap charging stations through the Overpass API -> common-schema records.

Query (docs/chargepoints.md): ``nwr["amenity"="charging_station"](S,W,N,E); out center meta;``
gives nodes with their position and ways/relations with their centre point,
their tags and last edit time. Tags used: ``name``, ``operator`` (else
``network``), ``owner``, ``capacity`` (vehicles that can charge at once: the
EVSE count), ``socket:<type>`` (connector counts), ``socket:<type>:output`` (power),
``addr:*``.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import SourceError, redact
from ..http import HttpClient, response_json, url_for_message
from ..safe_json import REASON_NUMBER_OUT_OF_RANGE, has_out_of_range_number
from ..schema import SOURCE_OSM
from .connectors import OSM_DC_SOCKETS, OSM_SOCKETS
from .records import (
    LoadResult,
    UnusableRecordError,
    clean_text,
    clear_implausible,
    iso_utc,
    new_record,
    parse_lonlat,
    utc_now_iso,
)

DEFAULT_OVERPASS_URL = "https://overpass-api.de/api/interpreter"
OVERPASS_TIMEOUT_S = 120
_POWER = re.compile(r"(\d+(?:[.,]\d+)?)\s*(kva|kw|w|)\b", re.IGNORECASE)
_SOCKET_KEY = re.compile(r"^socket:([a-z0-9_]+)$")


def overpass_query(extent: tuple[float, float, float, float], timeout: int = OVERPASS_TIMEOUT_S) -> str:
    west, south, east, north = extent
    bbox = f"{south:.7f},{west:.7f},{north:.7f},{east:.7f}"
    return f'[out:json][timeout:{int(timeout)}];nwr["amenity"="charging_station"]({bbox});out center meta;'


def parse_power_kw(text: Any) -> float | None:
    """Highest power in an OSM output tag: ``22 kW``, ``50kW``, ``3.7 kW;22 kW``, ``7400 W``, ``22``."""
    best = None
    for number, unit in _POWER.findall(str(text or "")):
        value = float(number.replace(",", "."))
        unit = unit.lower()
        if unit == "w" or (unit == "" and value >= 1000):
            value /= 1000.0
        if value > 0:
            best = value if best is None else max(best, value)
    return best


def _int_tag(value: Any) -> int | None:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if number >= 0 else None


def element_to_record(element: Any, fetched_at: str) -> dict:
    if (
        not isinstance(element, dict)
        or element.get("id") is None
        or element.get("type")
        not in (
            "node",
            "way",
            "relation",
        )
    ):
        raise UnusableRecordError("no id")
    if element["type"] == "node":
        lon, lat = element.get("lon"), element.get("lat")
    else:
        centre = element.get("center") or {}
        lon, lat = centre.get("lon"), centre.get("lat")
    lon, lat = parse_lonlat(lon, lat)
    tags = element.get("tags") or {}

    sockets: dict[str, int] = {}
    powers: list[float] = []
    for key, value in tags.items():
        match = _SOCKET_KEY.match(key)
        if match:
            count = _int_tag(value)
            if count:
                sockets[match.group(1)] = count
        elif key.startswith("socket:") and key.endswith(":output"):
            power = parse_power_kw(value)
            if power is not None:
                powers.append(power)
    for key in ("charging_station:output", "maxpower"):
        power = parse_power_kw(tags.get(key))
        if power is not None:
            powers.append(power)
    kinds = {"DC" if name in OSM_DC_SOCKETS else "AC" for name in sockets}
    street = " ".join(
        t for t in (clean_text(tags.get("addr:street")), clean_text(tags.get("addr:housenumber"))) if t
    )

    record = new_record(SOURCE_OSM, f"{element['type']}/{element['id']}", lon, lat, fetched_at)
    record.update(
        name=clean_text(tags.get("name") or tags.get("brand")),
        address=street or None,
        postal_code=clean_text(tags.get("addr:postcode")),
        city=clean_text(tags.get("addr:city")),
        operator=clean_text(tags.get("operator") or tags.get("network")),
        owner=clean_text(tags.get("owner")),
        evse_count=_int_tag(tags.get("capacity")),
        connector_count=sum(sockets.values()) if sockets else None,
        max_power_kw=round(max(powers), 3) if powers else None,
        power_type="AC+DC" if len(kinds) == 2 else (next(iter(kinds)) if kinds else None),
        connector_types=",".join(sorted({OSM_SOCKETS.get(name, name.upper()) for name in sockets})) or None,
        last_updated=iso_utc(element.get("timestamp")),
    )
    return record


def load_osm(
    http: HttpClient,
    extent: tuple[float, float, float, float],
    overpass_url: str = DEFAULT_OVERPASS_URL,
) -> LoadResult:
    """Charging stations of OpenStreetMap inside ``extent`` (WGS84 west, south, east, north)."""
    url = overpass_url or DEFAULT_OVERPASS_URL
    response = http.post(url, data={"data": overpass_query(extent)}, headers={"Accept": "application/json"})
    try:
        body = response_json(response, http.secrets)
    except ValueError:
        raise SourceError(
            "The Overpass API ({url}) did not answer JSON: is this an Overpass interpreter URL?",
            url=url_for_message(url),
        ) from None
    if not isinstance(body, dict) or not isinstance(body.get("elements"), list):
        raise SourceError("The Overpass API ({url}) answered without 'elements'.", url=url_for_message(url))
    remark = str(body.get("remark") or "")
    if "error" in remark.lower():
        # Overpass reports timeouts and memory exhaustion in 'remark' with HTTP 200 and partial data.
        raise SourceError(
            "The Overpass API could not complete the query: {remark}",
            remark=redact(remark.strip(), http.secrets),
        )
    result = LoadResult()
    fetched_at = utc_now_iso()
    for element in body["elements"]:
        shown_id = f"{element.get('type')}/{element.get('id')}" if isinstance(element, dict) else None
        if has_out_of_range_number(element):
            result.report.skip(shown_id, REASON_NUMBER_OUT_OF_RANGE)
            continue
        try:
            result.records.append(clear_implausible(element_to_record(element, fetched_at), result.report))
        except UnusableRecordError as reason:
            result.report.skip(shown_id, str(reason))
    return result
