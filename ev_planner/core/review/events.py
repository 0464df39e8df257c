"""The event model of the review log and its timestamps (always stored in UTC)."""

from __future__ import annotations

import getpass
import hashlib
import re
import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Dict, Optional

from ..errors import InputError, ReviewError

try:  # Python 3.9+; its tz database is the OS's or the tzdata package (a pandas 2 dependency)
    import zoneinfo
except ImportError:  # pragma: no cover
    zoneinfo = None  # type: ignore[assignment]

# Naive timestamps (a colleague's spreadsheet) are local time of the Dutch/Flemish municipality.
DEFAULT_LOCAL_TIMEZONE = "Europe/Amsterdam"
# Files of the tz database that are no place: the machine's own zone (a link to
# /etc/localtime) and zic's template of rules. Accepting them would make a result
# depend on the computer it ran on.
_NOT_PLACES = frozenset({"localtime", "posixrules"})

_DUTCH_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")


@lru_cache(maxsize=1)
def _zone_names() -> Dict[str, str]:
    """The tz database's zone names by their lower-case form.

    zoneinfo's database when it has one; else (zoneinfo missing, or no tz files, as on
    Windows without the tzdata package) the copy dateutil ships.
    """
    names = set(zoneinfo.available_timezones()) if zoneinfo is not None else set()
    if not names:
        try:
            from dateutil.zoneinfo import get_zonefile_instance

            names = set(get_zonefile_instance().zones)
        except Exception:  # dateutil absent, or its copy stripped by a distribution
            names = set()
    return {name.lower(): name for name in names if name not in _NOT_PLACES}


def zone_name(name: object) -> str:
    """The tz-database spelling of the zone ``name`` (case and surrounding spaces do not matter).

    Raises :class:`InputError` naming ``name`` for anything else: a typo such as
    Europe/Delft, a path such as /etc/localtime. Accepting them would read every time
    in some other offset and, the event id hashing the UTC time, import the same rows
    again as new events once the zone is corrected.
    """
    text = str(name or "").strip()
    names = _zone_names()
    if not names:
        raise InputError(
            "No time zone database is available to read times in {zone}; install the Python package tzdata.",
            zone=text,
        )
    canonical = names.get(text.lower())
    if canonical is None:
        raise InputError(
            "Unknown time zone {zone!r}: give a name of the tz database such as Europe/Amsterdam "
            "or Europe/Brussels.",
            zone=text,
        )
    return canonical


def _local_zone(name: str) -> tzinfo:
    canonical = zone_name(name)
    if zoneinfo is not None:
        try:
            return zoneinfo.ZoneInfo(canonical)
        except zoneinfo.ZoneInfoNotFoundError:
            pass
    from dateutil.zoneinfo import get_zonefile_instance

    return get_zonefile_instance().get(canonical)


def os_user() -> str:
    """The operating-system login, recorded next to the name a user types in a GeoPackage review."""
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): the review still works
        return ""


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def format_utc(moment: datetime) -> str:
    """GeoPackage DATETIME text: ``YYYY-MM-DDTHH:MM:SS.SSSZ``."""
    moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def parse_timestamp(text: object, local_timezone: str = DEFAULT_LOCAL_TIMEZONE) -> datetime:
    """A timezone-aware datetime from ISO 8601 (``Z`` or offset; naive = local time) or ``DD-MM-YYYY HH:MM``.

    Raises :class:`ReviewError` with the offending text for anything else, and
    for moments more than a day in the future (typing errors in the year);
    :class:`InputError` when ``local_timezone`` is no zone of the tz database.
    """
    zone = _local_zone(local_timezone)  # a wrong zone is refused even when this time has an offset
    raw = str(text or "").strip()
    if not raw:
        raise ReviewError("The timestamp is empty.")
    moment: Optional[datetime] = None
    match = _DUTCH_DATE.match(raw)
    try:
        if match:
            day, month, year, hour, minute, second = match.groups()
            moment = datetime(
                int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
            )
        else:
            iso = raw[:-1] + "+00:00" if raw.endswith(("Z", "z")) else raw
            moment = datetime.fromisoformat(iso.replace(" ", "T", 1) if "T" not in iso else iso)
    except ValueError:
        moment = None
    if moment is None:
        raise ReviewError("Not a timestamp: {raw!r} (use ISO 8601, e.g. 2026-05-01T09:30:00+02:00).", raw=raw)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    moment = moment.astimezone(timezone.utc)
    if moment > utc_now() + timedelta(days=1):
        raise ReviewError("The timestamp {raw!r} lies in the future.", raw=raw)
    if moment.year < 2000:
        raise ReviewError("The timestamp {raw!r} is implausibly old.", raw=raw)
    return moment


def parse_stored(text: str) -> datetime:
    """A timestamp as stored by EV Planner (validated on the way in, so no plausibility checks)."""
    raw = text.strip()
    moment = datetime.fromisoformat(raw[:-1] + "+00:00" if raw.endswith(("Z", "z")) else raw)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def days_between(start: str, end: str) -> float:
    """Days between two stored UTC timestamps."""
    return (parse_stored(end) - parse_stored(start)).total_seconds() / 86400.0


@dataclass(frozen=True)
class ReviewEvent:
    """One entry of ``review_events``. ``at`` is stored UTC text (see :func:`format_utc`)."""

    location_id: str
    action: str
    at: str = ""
    actor: str = ""
    department: Optional[str] = None
    reason: Optional[str] = None
    comment: Optional[str] = None
    attachment: Optional[str] = None
    installer: Optional[str] = None
    source: str = "api"
    event_id: str = field(default="")

    def completed(self) -> ReviewEvent:
        """The event with its time (now, when empty) normalised to UTC and an id."""
        at = format_utc(parse_timestamp(self.at)) if self.at else format_utc(utc_now())
        event_id = self.event_id or uuid.uuid4().hex
        return replace(self, at=at, event_id=event_id)


def content_key(*parts: object) -> str:
    """A deterministic event id from an event's content: importing the same row twice adds nothing."""
    normalised = "\x1f".join("" if p is None else str(p).strip() for p in parts)
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:32]
