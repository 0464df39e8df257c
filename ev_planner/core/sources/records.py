"""What every source module shares: the record shape, skip bookkeeping, time stamps.

A record is a plain ``dict`` with the names of
:data:`~ev_planner.core.schema.CHARGE_POINT_FIELD_NAMES` plus ``lon`` and
``lat`` (WGS84 floats). Plain dicts keep enrichment open: a later step may add
keys (e.g. tariff prices) and the writer takes whatever extra fields it is told
about.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable

from ..errors import EvPlannerError
from ..schema import CHARGE_POINT_FIELD_NAMES

MAX_LISTED_SKIPS = 50  # skips reported one by one; the rest only counted
# Values outside these bounds are errors at the source, not charge points: the value becomes
# NULL and is counted. The most powerful public chargers deliver about 1 MW; no location has
# thousands of EVSEs. An Integer field holds at most 2**31 - 1: a larger count would make the
# writer drop the record and every record after it.
PLAUSIBLE_RANGES: dict[str, tuple[float, float]] = {
    "max_power_kw": (0.0, 2000.0),  # 0 < kW <= 2,000
    "evse_count": (0, 5000),
    "connector_count": (0, 20000),
    "available_evses": (0, 5000),
}


class UnusableRecordError(EvPlannerError, ValueError):
    """A source record that cannot become a charge point; the message is the reason.

    An :class:`EvPlannerError` so that its messages are collected for translation:
    the loaders count the skipped records by ``str(reason)`` and the glue
    translates that text when it reports them.
    """


@dataclass
class SkipReport:
    """Records left out of a load, counted by reason, with the first ones listed by id."""

    skipped: dict[str, int] = field(default_factory=dict)
    examples: list[tuple[str, str]] = field(default_factory=list)  # (id, reason)
    unpublished: int = 0  # OCPI publish: false
    outside_extent: int = 0
    duplicates: int = 0
    implausible: dict[str, int] = field(default_factory=dict)  # field -> values set to NULL
    swapped: int = 0  # latitude and longitude given the wrong way round, swapped back

    def skip(self, record_id: Any, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1
        if len(self.examples) < MAX_LISTED_SKIPS:
            self.examples.append((str(record_id) if record_id not in (None, "") else "?", reason))

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())


@dataclass
class LoadResult:
    """What a loader returns: the records and what was left out."""

    records: list[dict] = field(default_factory=list)
    report: SkipReport = field(default_factory=SkipReport)
    evses_read: int = 0  # OCPI: EVSEs in the kept locations, REMOVED ones included
    version: str | None = None  # OCPI: the version used, when read from an API
    notes: list[str] = field(default_factory=list)  # warnings for the user (e.g. a result cap reached)


def utc_now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_utc(value: Any) -> str | None:
    """An ISO 8601 time stamp normalised to UTC (``...Z``); ``None`` when absent or unreadable."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        # Some servers send fractions with more than 6 digits; cut them rather than lose the time.
        head, dot, rest = text.partition(".")
        if not dot:
            return None
        digits = "".join(ch for ch in rest if ch.isdigit())
        tail = rest[len(digits) :]
        try:
            parsed = datetime.fromisoformat((head + "." + digits[:6] + tail).replace("Z", "+00:00"))
        except ValueError:
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)  # OCPI: times are UTC
    return parsed.astimezone(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_lonlat(lon: Any, lat: Any) -> tuple[float, float]:
    """WGS84 coordinates from numbers or (OCPI) strings; :class:`UnusableRecordError` otherwise."""
    if lon in (None, "") or lat in (None, ""):
        raise UnusableRecordError("no coordinates")
    try:
        x, y = float(str(lon).strip().replace(",", ".")), float(str(lat).strip().replace(",", "."))
    except ValueError:
        raise UnusableRecordError("unparseable coordinates") from None
    if not (math.isfinite(x) and math.isfinite(y)) or abs(x) > 180 or abs(y) > 90:
        raise UnusableRecordError("coordinates out of range")
    if x == 0 and y == 0:
        raise UnusableRecordError("coordinates 0,0 (a placeholder)")
    return x, y


def new_record(source: str, source_id: str, lon: float, lat: float, fetched_at: str) -> dict:
    record: dict[str, Any] = dict.fromkeys(CHARGE_POINT_FIELD_NAMES)
    record.update(
        source=source,
        source_id=source_id,
        fetched_at=fetched_at,
        sources=f"{source}:{source_id}",
        lon=lon,
        lat=lat,
    )
    return record


def clean_text(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def in_extent(lon: float, lat: float, extent: tuple[float, float, float, float] | None) -> bool:
    if extent is None:
        return True
    west, south, east, north = extent
    return west <= lon <= east and south <= lat <= north


ProgressCallback = Callable[[float], None]
CancelCheck = Callable[[], bool]


def clear_implausible(record: dict, report: SkipReport) -> dict:
    """Set values outside :data:`PLAUSIBLE_RANGES` (and non-finite ones) to None, counting them."""
    for name, (low, high) in PLAUSIBLE_RANGES.items():
        value = record.get(name)
        if value is None:
            continue
        try:
            number = float(value)
        except (TypeError, ValueError, OverflowError):
            number = math.nan
        positive_only = name == "max_power_kw"
        inside = (
            math.isfinite(number) and (low < number if positive_only else low <= number) and number <= high
        )
        if not inside:
            record[name] = None
            report.implausible[name] = report.implausible.get(name, 0) + 1
    return record


# Rough bounding boxes (lon/lat) of the countries whose charge points municipalities in the
# Netherlands and Flanders load, by the OCPI ``country`` code (ISO 3166-1 alpha-3).
COUNTRY_BOUNDS: dict[str, tuple[float, float, float, float]] = {
    "NLD": (3.2, 50.7, 7.3, 53.7),
    "BEL": (2.5, 49.4, 6.5, 51.6),
    "LUX": (5.7, 49.4, 6.6, 50.2),
    "DEU": (5.8, 47.2, 15.1, 55.1),
    "FRA": (-5.2, 41.3, 9.6, 51.1),
}


def check_country(record: dict, country: Any, report: SkipReport) -> dict:
    """A location whose coordinates lie outside its own country: swapped ones are swapped back
    (and counted), others are an :class:`UnusableRecordError` (the record is skipped and counted)."""
    bounds = COUNTRY_BOUNDS.get(str(country or "").strip().upper())
    if bounds is None or in_extent(record["lon"], record["lat"], bounds):
        return record
    if in_extent(record["lat"], record["lon"], bounds):
        record["lon"], record["lat"] = record["lat"], record["lon"]
        report.swapped += 1
        return record
    raise UnusableRecordError("coordinates outside the location's country")
