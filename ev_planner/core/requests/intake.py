"""Residents' requests for a charge point ("paal volgt wagen"): reading and checking them.

A request has a ``request_id``, a ``received_at`` date and a location: coordinates, or an
address matched against the municipality's address points. Each row is checked on its
own; a row that cannot be assessed is kept with the reason (and its file line), so no
request vanishes. Duplicate ids are counted and skipped: the first row is the request.

Requests hold personal data (name, e-mail, licence plate). This module keeps every
column it was given, so the caller decides: the algorithm writes only ``request_id``,
the dates, the location and the outcome, plus the columns a user names explicitly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import numpy as np

from ..errors import Message

# Why a request cannot be assessed (the outcome's reason); templates, translated in the glue.
REASON_NO_LOCATION = Message("no coordinates and no address")
REASON_BAD_COORDINATES = Message("coordinates that are not numbers")
REASON_UNMATCHED_ADDRESS = Message("address not found among the address points")
REASON_BAD_DATE = Message("received_at is not a date (2026-03-01 or 01-03-2026)")
REASON_NO_ID = Message("no request_id")

_ISO_DATE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$"
)
_DUTCH_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_POSTCODE = re.compile(r"\b(\d{4})\s?([A-Za-z]{2})\b")


def parse_received_at(text: str) -> datetime | None:
    """A date (and time) in ISO 8601 or the Dutch day-month-year form, in UTC; None if unreadable.

    ``01-03-2026`` is always 1 March: Dutch and Flemish forms put the day first. A date
    without a time is taken at midnight UTC (lead times are counted in days).
    """
    text = (text or "").strip()
    iso = _ISO_DATE.match(text)
    dutch = None if iso else _DUTCH_DATE.match(text)
    try:
        if iso:
            year, month, day, hour, minute, second, zone = iso.groups()
            moment = datetime(
                int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
            )
            offset = 0
            if zone and zone != "Z":
                digits = zone[1:].replace(":", "")
                offset = (1 if zone[0] == "+" else -1) * (int(digits[:2]) * 60 + int(digits[2:]))
            return moment.replace(tzinfo=timezone(timedelta(minutes=offset))).astimezone(timezone.utc)
        if dutch:
            day, month, year, hour, minute, second = dutch.groups()
            return datetime(
                int(year),
                int(month),
                int(day),
                int(hour or 0),
                int(minute or 0),
                int(second or 0),
                tzinfo=timezone.utc,
            )
    except ValueError:  # 31-02-2026, month 13
        return None
    return None


def address_key(street: str | None, number: str | None, postcode: str | None) -> tuple[str, str]:
    """How an address is matched: postcode + house number where there is a postcode, else street + number."""
    # "139B-33", "139 b 33" and "139b33" are one house: letters and additions count, separators not.
    house = re.sub(r"[^0-9a-z]", "", (number or "").lower())
    if not house[:1].isdigit():
        house = ""
    postcode_match = _POSTCODE.search(postcode or "")
    if postcode_match:
        return ("pc:" + postcode_match.group(1) + postcode_match.group(2).upper(), house)
    return ("st:" + re.sub(r"[^0-9a-z]+", "", (street or "").lower()), house)


def split_address(text: str) -> tuple[str, str, str]:
    """(street, house number, postcode) of a free-text address such as ``Mekelweg 5, 2628 CD Delft``."""
    text = (text or "").strip()
    postcode = _POSTCODE.search(text)
    head = text.split(",")[0].strip()
    match = re.match(r"^(.*?\D)\s+(\d.*)$", head)
    street, number = (match.group(1), match.group(2)) if match else (head, "")
    return street.strip(), number.strip(), (postcode.group(0) if postcode else "")


@dataclass
class AddressIndex:
    """Address points by match key; both keys of a point (postcode and street) are indexed."""

    xy: dict[tuple[str, str], tuple[float, float]] = field(default_factory=dict)

    def add(self, street: str | None, number: str | None, postcode: str | None, x: float, y: float) -> None:
        for key in {address_key(street, number, postcode), address_key(street, number, None)}:
            if key[1] and key[0] not in ("st:", "pc:"):
                self.xy.setdefault(key, (x, y))

    def find(self, text: str) -> tuple[float, float] | None:
        street, number, postcode = split_address(text)
        for key in (address_key(street, number, postcode), address_key(street, number, None)):
            if key in self.xy:
                return self.xy[key]
        return None


@dataclass
class Request:
    line: int  # the row's line in the file (or its feature number in a layer)
    request_id: str
    received_at: datetime | None
    x: float = float("nan")
    y: float = float("nan")
    reason: Message | None = None  # why it cannot be assessed; None when it can
    extra: dict[str, object] = field(default_factory=dict)  # every other column, as given

    @property
    def assessable(self) -> bool:
        return self.reason is None


@dataclass
class RequestIntake:
    requests: list[Request]
    duplicates: list[tuple[int, str]] = field(default_factory=list)  # (line, request_id) skipped

    def xy(self) -> np.ndarray:
        return np.array([(r.x, r.y) for r in self.requests], dtype=np.float64).reshape(-1, 2)

    def not_assessable(self) -> dict[str, list[int]]:
        """Reason template -> the lines of the requests that cannot be assessed for it."""
        found: dict[str, list[int]] = {}
        for request in self.requests:
            if request.reason is not None:
                found.setdefault(request.reason.template, []).append(request.line)
        return found


def check_requests(
    rows: list[dict], lines: list[int], addresses: AddressIndex | None = None
) -> RequestIntake:
    """Requests from rows with ``request_id``, ``received_at`` and ``x``/``y`` or ``address``.

    ``x``/``y`` are in whatever CRS the caller reads them in (the glue transforms them);
    rows are dicts of column -> value (text or number).
    """
    seen: set[str] = set()
    intake = RequestIntake([])
    for row, line in zip(rows, lines):
        request_id = str(row.get("request_id") or "").strip()
        if request_id and request_id in seen:
            intake.duplicates.append((line, request_id))
            continue
        seen.add(request_id)
        request = Request(line, request_id, parse_received_at(str(row.get("received_at") or "")))
        request.extra = {k: v for k, v in row.items() if k not in ("request_id", "received_at", "x", "y")}
        request.x, request.y, request.reason = _locate(row, addresses)
        if not request_id:
            request.reason = REASON_NO_ID
        elif request.received_at is None and request.reason is None:
            request.reason = REASON_BAD_DATE
        intake.requests.append(request)
    return intake


def _locate(row: dict, addresses: AddressIndex | None) -> tuple[float, float, Message | None]:
    x, y = row.get("x"), row.get("y")
    if x not in (None, "") and y not in (None, ""):
        try:
            x, y = float(str(x).replace(",", ".")), float(str(y).replace(",", "."))
        except ValueError:
            return np.nan, np.nan, REASON_BAD_COORDINATES
        if not (np.isfinite(x) and np.isfinite(y)):
            return np.nan, np.nan, REASON_BAD_COORDINATES
        return x, y, None
    address = str(row.get("address") or "").strip()
    if not address:
        return np.nan, np.nan, REASON_NO_LOCATION
    found = addresses.find(address) if addresses is not None else None
    if found is None:
        return np.nan, np.nan, REASON_UNMATCHED_ADDRESS
    return found[0], found[1], None
