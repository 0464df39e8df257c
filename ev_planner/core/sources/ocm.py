"""Open Charge Map (``/v3/poi``) -> common-schema records.

The request asks for ``compact=false&verbose=false``: operator, connection
type and status objects are then included, so one request gives readable names
(``compact=true`` would leave only ids, needing the reference data as well).
The API key travels in the ``X-API-Key`` header, never in the URL.
"""

from __future__ import annotations

from typing import Any

from ..errors import InputError, Message, SourceError, redact
from ..http import HttpClient, url_for_message
from ..safe_json import REASON_NUMBER_OUT_OF_RANGE, has_out_of_range_number
from ..schema import SOURCE_OCM
from .connectors import OCM_CONNECTION_TYPES, OCM_CURRENT_TYPES
from .records import (
    LoadResult,
    UnusableRecordError,
    clean_text,
    clear_implausible,
    in_extent,
    iso_utc,
    new_record,
    parse_lonlat,
    utc_now_iso,
)

DEFAULT_BASE_URL = "https://api.openchargemap.io/v3"
DEFAULT_MAX_RESULTS = 10000
# StatusTypeID (OCM reference data) -> OCPI status of the common schema.
_STATUS_BY_ID = {
    0: "UNKNOWN",
    50: "UNKNOWN",  # "Operational": working, but OCM does not know whether it is free
    75: "UNKNOWN",  # "Partly Operational"
    100: "INOPERATIVE",  # "Not Operational"
    150: "PLANNED",  # "Planned For Future Date"
    200: "REMOVED",  # "Removed (Decommissioned)"
    210: "REMOVED",  # "Removed (Duplicate Listing)"
}


def ocm_request(
    base_url: str, extent: tuple[float, float, float, float], max_results: int
) -> tuple[str, dict[str, str]]:
    west, south, east, north = extent
    params = {
        "output": "json",
        "boundingbox": f"({north:.6f},{west:.6f}),({south:.6f},{east:.6f})",
        "maxresults": str(int(max_results)),
        "compact": "false",
        "verbose": "false",
    }
    return base_url.rstrip("/") + "/poi/", params


def _connection_power_kw(connection: dict) -> float | None:
    power = connection.get("PowerKW")
    try:
        if power is not None and float(power) > 0:
            return float(power)
    except (TypeError, ValueError, OverflowError):
        pass
    try:
        volts, amps = float(connection.get("Voltage")), float(connection.get("Amps"))
    except (TypeError, ValueError, OverflowError):
        return None
    if volts <= 0 or amps <= 0:
        return None
    _, phases = OCM_CURRENT_TYPES.get(connection.get("CurrentTypeID"), ("AC", 1))
    return volts * amps * phases / 1000.0


def _connector_name(connection: dict) -> str | None:
    type_id = connection.get("ConnectionTypeID")
    if type_id in OCM_CONNECTION_TYPES:
        return OCM_CONNECTION_TYPES[type_id]
    kind = connection.get("ConnectionType")
    return clean_text(kind.get("Title")) if isinstance(kind, dict) else None


def _status(poi: dict) -> str | None:
    status = poi.get("StatusType")
    status_id = poi.get("StatusTypeID", status.get("ID") if isinstance(status, dict) else None)
    if status_id in _STATUS_BY_ID:
        return _STATUS_BY_ID[status_id]
    if isinstance(status, dict) and status.get("IsOperational") is False:
        return "INOPERATIVE"
    return "UNKNOWN" if status_id is not None else None


def poi_to_record(poi: Any, fetched_at: str) -> dict:
    if not isinstance(poi, dict):
        raise UnusableRecordError("not a JSON object")
    if poi.get("ID") in (None, ""):
        raise UnusableRecordError("no id")
    address = poi.get("AddressInfo") if isinstance(poi.get("AddressInfo"), dict) else {}
    lon, lat = parse_lonlat(address.get("Longitude"), address.get("Latitude"))
    connections = [c for c in poi.get("Connections") or [] if isinstance(c, dict)]
    quantities = []
    for connection in connections:
        try:
            quantities.append(max(1, int(connection.get("Quantity") or 1)))
        except (TypeError, ValueError, OverflowError):
            quantities.append(1)
    powers = [p for p in (_connection_power_kw(c) for c in connections) if p is not None]
    kinds = {
        OCM_CURRENT_TYPES[c["CurrentTypeID"]][0]
        for c in connections
        if c.get("CurrentTypeID") in OCM_CURRENT_TYPES
    }
    names = {n for n in (_connector_name(c) for c in connections) if n}
    operator = poi.get("OperatorInfo") if isinstance(poi.get("OperatorInfo"), dict) else {}
    try:
        points = int(poi["NumberOfPoints"]) if poi.get("NumberOfPoints") not in (None, "") else None
    except (TypeError, ValueError, OverflowError):
        points = None
    line = ", ".join(
        t for t in (clean_text(address.get("AddressLine1")), clean_text(address.get("AddressLine2"))) if t
    )

    record = new_record(SOURCE_OCM, str(poi["ID"]), lon, lat, fetched_at)
    record.update(
        name=clean_text(address.get("Title")),
        address=line or None,
        postal_code=clean_text(address.get("Postcode")),
        city=clean_text(address.get("Town")),
        # OCM's "(Unknown Operator)" placeholder (ID 1) says nothing.
        operator=clean_text(operator.get("Title")) if operator.get("ID") != 1 else None,
        evse_count=points if points is not None else (sum(quantities) if connections else None),
        connector_count=sum(quantities) if connections else None,
        max_power_kw=round(max(powers), 3) if powers else None,
        power_type="AC+DC" if len(kinds) == 2 else (next(iter(kinds)) if kinds else None),
        connector_types=",".join(sorted(names)) or None,
        status=_status(poi),
        last_updated=iso_utc(
            poi.get("DateLastStatusUpdate") or poi.get("DateLastVerified") or poi.get("DateCreated")
        ),
    )
    return record


def load_open_charge_map(
    http: HttpClient,
    extent: tuple[float, float, float, float],
    api_key: str | None = None,
    base_url: str = DEFAULT_BASE_URL,
    max_results: int = DEFAULT_MAX_RESULTS,
) -> LoadResult:
    """Charge points of Open Charge Map inside ``extent`` (WGS84 west, south, east, north)."""
    if max_results < 1:
        raise InputError("MAX_RESULTS must be at least 1.")
    url, params = ocm_request(base_url or DEFAULT_BASE_URL, extent, max_results)
    headers = {"Accept": "application/json"}
    if api_key:
        http.add_secret(api_key)
        headers["X-API-Key"] = api_key
    body = http.get_json(url, params=params, headers=headers)
    if not isinstance(body, list):
        message = body.get("Message") or body.get("message") if isinstance(body, dict) else None
        if message:
            raise SourceError(
                "Open Charge Map ({url}) did not return a list of charge points: {message}",
                url=url_for_message(url),
                message=redact(str(message), http.secrets),
            )
        raise SourceError(
            "Open Charge Map ({url}) did not return a list of charge points.", url=url_for_message(url)
        )
    result = LoadResult()
    fetched_at = utc_now_iso()
    seen: set[str] = set()
    for poi in body:
        if has_out_of_range_number(poi):
            result.report.skip(poi.get("ID") if isinstance(poi, dict) else None, REASON_NUMBER_OUT_OF_RANGE)
            continue
        try:
            record = poi_to_record(poi, fetched_at)
        except UnusableRecordError as reason:
            result.report.skip(poi.get("ID") if isinstance(poi, dict) else None, str(reason))
            continue
        if record["source_id"] in seen:
            result.report.duplicates += 1
            continue
        if not in_extent(record["lon"], record["lat"], extent):
            result.report.outside_extent += 1
            continue
        seen.add(record["source_id"])
        result.records.append(clear_implausible(record, result.report))
    if len(body) >= max_results:
        result.notes.append(
            Message(
                "Open Charge Map returned the maximum of {count} results: there may be more. "
                "Raise MAX_RESULTS or use a smaller extent.",
                count=max_results,
            )
        )
    return result
