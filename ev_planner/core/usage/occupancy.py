"""Hourly occupancy snapshots and status history.

Occupancy files are as in the Delft sample (derived from NDW status snapshots):
``{"date": "2026-06-02", "tz": "Europe/Amsterdam", "locations": {id: {"n": evses,
"occ": [24 values, % of EVSEs charging, null = not sampled]}}}``. ``occ[h]`` is
the local clock hour ``h`` of ``date`` in ``tz``: each value is placed on its
UTC hour, so a day of a DST change is read right (the hour that does not exist
in spring is refused when it holds a value; the repeated autumn hour is the
first, summer-time one) and files of different time zones combine.

A status history is a CSV ``observed_at, location_id, status`` with ISO 8601
times carrying an offset (mixed offsets allowed); statuses are the per-location
summaries AVAILABLE / CHARGING / UNAVAILABLE or OCPI EVSE statuses. Rows observed
in the future, or outside the analysis period when one is given, are skipped and
counted like unusable rows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from ..errors import InputError
from ..review.events import zone_name
from .common import SkipCounter, location_key, to_utc

HOURS_PER_DAY = 24

REASON_UNREADABLE_FILE = "unreadable occupancy file"
REASON_BAD_DAY = "occupancy file without a valid date, tz or locations"
REASON_BAD_LOCATION = "location entry without 24 hourly values"
REASON_OUT_OF_RANGE = "occupancy outside 0-100 %"
REASON_NONEXISTENT_HOUR = "value for a clock hour that does not exist (DST change)"
REASON_DUPLICATE_HOUR = "same location and hour in several files"

REASON_NO_LOCATION = "no location id"
REASON_BAD_TIME = "observed_at missing or unreadable"
REASON_UNKNOWN_STATUS = "status not recognised"
REASON_DUPLICATE_OBSERVATION = "same location and time twice"
REASON_FUTURE_OBSERVATION = "observed_at in the future"
REASON_OBSERVATION_OUTSIDE_PERIOD = "observed_at outside DATE_FROM - DATE_TO"

# Availability in the sense of municipal contracts (uptime): the point can be used
# or is in use. UNKNOWN, PLANNED and REMOVED say nothing about uptime and are left out.
UP_STATUSES = frozenset({"AVAILABLE", "CHARGING", "BLOCKED", "RESERVED", "OCCUPIED"})
DOWN_STATUSES = frozenset({"UNAVAILABLE", "INOPERATIVE", "OUTOFORDER", "OUT_OF_ORDER", "FAULTED"})
NEUTRAL_STATUSES = frozenset({"UNKNOWN", "PLANNED", "REMOVED"})


@dataclass
class OccupancyTable:
    """One row per location and sampled hour."""

    frame: pd.DataFrame  # location_id (str), hour_utc (datetime64 UTC), local_hour (int8), occ_pct, n
    tz: str | None  # the (most common) time zone of the files: local hours refer to it
    files: int = 0
    skipped: SkipCounter = field(default_factory=SkipCounter)


def occupancy_files(path: str | Path) -> list[Path]:
    """The ``*.json`` files of a folder (sorted), or the one file given."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".json" and p.is_file())
        if not files:
            raise InputError("The occupancy folder {path} holds no .json file.", path=path)
        return files
    if path.is_file():
        return [path]
    raise InputError("The occupancy file or folder {path} does not exist.", path=path)


def _zone(name: object) -> str | None:
    """The tz-database name of the zone ``name`` if pandas can use it, else None.

    pandas alone would also take a path behind a ``dateutil/`` prefix (the machine's
    /etc/localtime, any file), so the name must first be one of the tz database.
    """
    if not isinstance(name, str) or not name:
        return None
    try:
        canonical = zone_name(name)
        pd.Timestamp("2000-01-01").tz_localize(canonical)
    except Exception:  # InputError; pytz/dateutil/zoneinfo raise different types for an unknown zone
        return None
    return canonical


def _day_frame(document: object, skipped: SkipCounter) -> tuple[pd.DataFrame, str] | None:
    """One file's ``{date, tz, locations}`` as rows of sampled hours, or None if unusable."""
    if not isinstance(document, dict) or not isinstance(document.get("locations"), dict):
        skipped.add(REASON_BAD_DAY, 1)
        return None
    tz_name = _zone(document.get("tz"))
    try:
        day = pd.Timestamp(str(document.get("date")))
    except ValueError:
        day = pd.NaT
    if pd.isna(day) or tz_name is None or day.tzinfo is not None:
        skipped.add(REASON_BAD_DAY, 1)
        return None
    ids, rows, counts = [], [], []
    for location_id, entry in document["locations"].items():
        occ = entry.get("occ") if isinstance(entry, dict) else None
        if not isinstance(occ, list) or len(occ) != HOURS_PER_DAY:
            skipped.add(REASON_BAD_LOCATION, 1, [location_id])
            continue
        ids.append(str(location_id))
        rows.append(occ)
        counts.append(entry.get("n"))
    if not ids:
        return pd.DataFrame(columns=["location_id", "hour_utc", "local_hour", "occ_pct", "n"]), tz_name
    try:
        values = np.array(rows, dtype=np.float64)  # null -> nan
    except (TypeError, ValueError):
        values = np.array(
            [[pd.to_numeric(v, errors="coerce") if v is not None else np.nan for v in row] for row in rows],
            dtype=np.float64,
        )
    local_hours = np.tile(np.arange(HOURS_PER_DAY, dtype=np.int8), len(ids))
    flat = values.ravel()
    location_ids = np.repeat(np.asarray(ids, dtype=object), HOURS_PER_DAY)
    n = np.repeat(pd.to_numeric(pd.Series(counts, dtype=object), errors="coerce").to_numpy(), HOURS_PER_DAY)
    sampled = ~np.isnan(flat)
    # Clock hours of this day in its zone; nonexistent (spring) -> NaT, ambiguous (autumn) -> first.
    clock = pd.DatetimeIndex(day + pd.to_timedelta(np.arange(HOURS_PER_DAY), unit="h"))
    utc_hours = clock.tz_localize(
        tz_name, ambiguous=np.ones(HOURS_PER_DAY, dtype=bool), nonexistent="NaT"
    ).tz_convert("UTC")
    utc = np.tile(utc_hours.to_numpy(dtype="datetime64[ns]"), len(ids))
    nonexistent = sampled & np.isnat(utc)
    skipped.add(REASON_NONEXISTENT_HOUR, int(nonexistent.sum()), location_ids[nonexistent][:5].tolist())
    out_of_range = sampled & ~nonexistent & ((flat < 0) | (flat > 100))
    skipped.add(REASON_OUT_OF_RANGE, int(out_of_range.sum()), location_ids[out_of_range][:5].tolist())
    keep = sampled & ~nonexistent & ~out_of_range
    frame = pd.DataFrame(
        {
            "location_id": location_ids[keep],
            "hour_utc": pd.DatetimeIndex(utc[keep]).tz_localize("UTC"),
            "local_hour": local_hours[keep],
            "occ_pct": flat[keep],
            "n": n[keep],
        }
    )
    return frame, tz_name


def read_occupancy(paths: str | Path | Iterable[str | Path]) -> OccupancyTable:
    """Read occupancy snapshot files (or a folder of them) into an :class:`OccupancyTable`."""
    if isinstance(paths, (str, Path)):
        files = occupancy_files(paths)
    else:
        files = [f for p in paths for f in occupancy_files(p)]
    skipped = SkipCounter()
    frames, zones = [], []
    for path in files:
        try:
            document = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            skipped.add(REASON_UNREADABLE_FILE, 1, [Path(path).name])
            continue
        result = _day_frame(document, skipped)
        if result is None:
            continue
        frame, tz_name = result
        frames.append(frame)
        zones.append(tz_name)
    if not frames:
        raise InputError(
            "None of the {count} occupancy file(s) could be read as {{date, tz, locations}} snapshots.",
            count=len(files),
        )
    frame = pd.concat(frames, ignore_index=True)
    tz_name = pd.Series(zones).mode().iloc[0]
    if len(set(zones)) > 1:
        # Local hours must refer to one zone to be comparable: recompute them in the main one.
        frame["local_hour"] = frame["hour_utc"].dt.tz_convert(tz_name).dt.hour.astype(np.int8)
    frame["location_id"] = frame["location_id"].astype("string")
    duplicate = frame.duplicated(["location_id", "hour_utc"], keep="last").to_numpy()
    frame = skipped.drop(frame, duplicate, REASON_DUPLICATE_HOUR, "location_id")
    return OccupancyTable(frame.reset_index(drop=True), tz_name, len(files), skipped)


@dataclass
class StatusHistory:
    frame: pd.DataFrame  # location_id (str), observed_at (UTC), status (upper-case), up (bool)
    skipped: SkipCounter = field(default_factory=SkipCounter)


def status_history_from_frame(
    table: pd.DataFrame,
    now: pd.Timestamp | None = None,
    date_from: pd.Timestamp | None = None,
    date_to: pd.Timestamp | None = None,
) -> StatusHistory:
    """A status table -> checked history; rows that cannot be used are counted per reason.

    Availability is a share of observations, so one row from a mistyped year weighs as
    much as a real one: rows observed after ``now`` (default: the current time) are
    skipped, and so are rows outside ``[date_from, date_to)`` when a period is given, as
    the sessions' start is checked (:mod:`.sessions`).
    """
    columns = {str(name).strip().lower(): name for name in table.columns}
    missing = [name for name in ("observed_at", "location_id", "status") if name not in columns]
    if missing:
        raise InputError(
            "The status history has no column {names}; it needs observed_at, location_id and status.",
            names=", ".join(missing),
        )
    skipped = SkipCounter()
    frame = pd.DataFrame(
        {
            "location_id": table[columns["location_id"]].astype("string").str.strip(),
            "observed_at": to_utc(table[columns["observed_at"]]),
            "status": table[columns["status"]].astype("string").str.strip().str.upper(),
        }
    )
    frame = skipped.drop(frame, location_key(frame["location_id"]).isna().to_numpy(), REASON_NO_LOCATION)
    frame = skipped.drop(frame, frame["observed_at"].isna().to_numpy(), REASON_BAD_TIME, "location_id")
    frame = _drop_outside_period(frame, skipped, now, date_from, date_to)
    known = frame["status"].isin(list(UP_STATUSES | DOWN_STATUSES | NEUTRAL_STATUSES)).fillna(False)
    frame = skipped.drop(frame, ~known.to_numpy(dtype=bool), REASON_UNKNOWN_STATUS, "status")
    duplicate = frame.duplicated(["location_id", "observed_at"], keep="last").to_numpy()
    frame = skipped.drop(frame, duplicate, REASON_DUPLICATE_OBSERVATION, "location_id")
    frame["up"] = frame["status"].isin(list(UP_STATUSES)).to_numpy(dtype=bool)
    frame["counts"] = ~frame["status"].isin(list(NEUTRAL_STATUSES)).to_numpy(dtype=bool)
    return StatusHistory(frame.reset_index(drop=True), skipped)


def _drop_outside_period(
    frame: pd.DataFrame,
    skipped: SkipCounter,
    now: pd.Timestamp | None,
    date_from: pd.Timestamp | None,
    date_to: pd.Timestamp | None,
) -> pd.DataFrame:
    """Drop observations after ``now``, then those outside the period; each row counts once."""
    now = pd.Timestamp.now(tz="UTC") if now is None else pd.Timestamp(now).tz_convert("UTC")
    observed = frame["observed_at"]
    frame = skipped.drop(
        frame, (observed > now).to_numpy(dtype=bool), REASON_FUTURE_OBSERVATION, "location_id"
    )
    observed = frame["observed_at"]
    outside = np.zeros(len(frame), dtype=bool)
    if date_from is not None:
        outside |= (observed < pd.Timestamp(date_from).tz_convert("UTC")).to_numpy(dtype=bool)
    if date_to is not None:
        outside |= (observed >= pd.Timestamp(date_to).tz_convert("UTC")).to_numpy(dtype=bool)
    return skipped.drop(frame, outside, REASON_OBSERVATION_OUTSIDE_PERIOD, "location_id")


def read_status_history(
    path: str | Path,
    now: pd.Timestamp | None = None,
    date_from: pd.Timestamp | None = None,
    date_to: pd.Timestamp | None = None,
) -> StatusHistory:
    """Read a status history CSV; see :func:`status_history_from_frame` for what is skipped."""
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    except (OSError, ValueError, pd.errors.ParserError) as exc:
        raise InputError("Cannot read the status history {path}: {error}", path=path, error=exc) from None
    return status_history_from_frame(table, now, date_from, date_to)
