"""Charging sessions: OCPI CDRs and Sessions, or a table, into one checked table.

Every input becomes a DataFrame with :data:`SESSION_COLUMNS`. Records that fail
the plausibility checks charging data platforms apply are dropped and counted
per reason (:class:`~ev_planner.core.usage.common.SkipCounter`), never fatal.

``parking_hours`` is the time the car occupied the point (end - start);
``charging_hours`` the part of it in which energy flowed (OCPI ``total_time``
minus ``total_parking_time``); their difference is blocking time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import numpy as np
import pandas as pd

from ..errors import InputError
from .common import EARLIEST_PLAUSIBLE, SkipCounter, location_key, to_float, to_utc

SESSION_COLUMNS: tuple[str, ...] = (
    "session_id",
    "location_id",
    "evse_uid",
    "start",
    "end",
    "kwh",
    "charging_hours",
    "parking_hours",
    "cost",
)

# A CDR's total_time may differ a little from end - start (rounding, clocks of
# charger and back office); beyond a quarter of an hour the record contradicts itself.
TOTAL_TIME_TOLERANCE_HOURS = 0.25

REASON_NOT_AN_OBJECT = "not a JSON object"
REASON_NO_ID = "no id"
REASON_NO_LOCATION = "no location id"
REASON_BAD_START = "start missing or unreadable"
REASON_BAD_END = "end missing or unreadable"
REASON_NOT_FINISHED = "session not completed (active, pending or invalid)"
REASON_NEGATIVE_ENERGY = "negative energy"
REASON_END_BEFORE_START = "end before start"
REASON_FUTURE_START = "start in the future"
REASON_EARLY_START = "start before 2009"
REASON_TOTAL_TIME = "total_time does not match the timestamps"
REASON_CHARGING_LONGER = "charging time longer than the session"
REASON_DUPLICATE = "duplicate session id"
REASON_OUTSIDE_PERIOD = "start outside DATE_FROM - DATE_TO"

SKIP_REASONS: tuple[str, ...] = (
    REASON_NOT_AN_OBJECT,
    REASON_NO_ID,
    REASON_NO_LOCATION,
    REASON_BAD_START,
    REASON_BAD_END,
    REASON_NOT_FINISHED,
    REASON_NEGATIVE_ENERGY,
    REASON_END_BEFORE_START,
    REASON_FUTURE_START,
    REASON_EARLY_START,
    REASON_TOTAL_TIME,
    REASON_CHARGING_LONGER,
    REASON_DUPLICATE,
    REASON_OUTSIDE_PERIOD,
)

# OCPI Session statuses whose figures are final enough to count.
_FINISHED_SESSION_STATUSES = {"COMPLETED", ""}


@dataclass
class SessionTable:
    frame: pd.DataFrame  # columns SESSION_COLUMNS, start/end tz-aware UTC
    skipped: SkipCounter = field(default_factory=SkipCounter)

    def __len__(self) -> int:
        return len(self.frame)


def empty_sessions() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "session_id": pd.Series([], dtype="string"),
            "location_id": pd.Series([], dtype="string"),
            "evse_uid": pd.Series([], dtype="string"),
            "start": pd.Series([], dtype="datetime64[ns, UTC]"),
            "end": pd.Series([], dtype="datetime64[ns, UTC]"),
            "kwh": pd.Series([], dtype="float64"),
            "charging_hours": pd.Series([], dtype="float64"),
            "parking_hours": pd.Series([], dtype="float64"),
            "cost": pd.Series([], dtype="float64"),
        }
    )


def _first(*values: Any) -> Any:
    for value in values:
        if value is not None and value != "":
            return value
    return None


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _cost(value: Any) -> Any:
    # OCPI 2.2.1: Price {excl_vat, incl_vat}; 2.1.1: a number. The user pays incl. VAT.
    if isinstance(value, dict):
        return _first(value.get("incl_vat"), value.get("excl_vat"))
    return value


def _evse_of_location(location: dict) -> Any:
    evses = location.get("evses")
    if isinstance(evses, list) and evses and isinstance(evses[0], dict):
        return evses[0].get("uid")
    return None


def _extract(record: dict) -> tuple:
    """The fields of one OCPI CDR or Session (2.1.1 or 2.2.1) in SESSION order."""
    cdr_location = _dict(record.get("cdr_location"))  # 2.2.1 CDR
    location = _dict(record.get("location"))  # 2.1.1 CDR and Session
    is_cdr = "total_energy" in record or "cdr_location" in record or "total_time" in record
    total_time = record.get("total_time")
    not_charging = record.get("total_parking_time")
    charging = record.get("total_charging_time")
    return (
        _first(record.get("id")),
        _first(cdr_location.get("id"), record.get("location_id"), location.get("id")),
        _first(cdr_location.get("evse_uid"), record.get("evse_uid"), _evse_of_location(location)),
        _first(record.get("start_date_time"), record.get("start_datetime")),
        _first(record.get("end_date_time"), record.get("stop_date_time"), record.get("end_datetime")),
        _first(record.get("total_energy"), record.get("kwh")),
        total_time,
        not_charging,
        charging,
        _cost(record.get("total_cost")),
        "" if is_cdr else str(record.get("status") or "").upper(),
    )


def normalise_ocpi_records(
    records: Iterable[Any],
    now: pd.Timestamp | None = None,
    date_from: pd.Timestamp | None = None,
    date_to: pd.Timestamp | None = None,
) -> SessionTable:
    """OCPI CDR or Session objects (dicts) -> a checked :class:`SessionTable`."""
    skipped = SkipCounter()
    rows = []
    not_objects = 0
    for record in records:
        if isinstance(record, dict):
            rows.append(_extract(record))
        else:
            not_objects += 1
    skipped.add(REASON_NOT_AN_OBJECT, not_objects)
    raw = pd.DataFrame(
        rows,
        columns=[
            "session_id",
            "location_id",
            "evse_uid",
            "start",
            "end",
            "kwh",
            "total_time",
            "total_parking_time",
            "total_charging_time",
            "cost",
            "status",
        ],
    )
    raw = skipped.drop(raw, raw["session_id"].isna(), REASON_NO_ID)
    raw = skipped.drop(
        raw, ~raw["status"].isin(list(_FINISHED_SESSION_STATUSES)), REASON_NOT_FINISHED, "session_id"
    )
    frame = pd.DataFrame(
        {
            "session_id": raw["session_id"].astype("string"),
            "location_id": raw["location_id"].astype("string"),
            "evse_uid": raw["evse_uid"].astype("string"),
            "start": to_utc(raw["start"].astype("string")),
            "end": to_utc(raw["end"].astype("string")),
            "kwh": to_float(raw["kwh"]),
            "cost": to_float(raw["cost"]),
        }
    )
    frame["parking_hours"] = (frame["end"] - frame["start"]).dt.total_seconds() / 3600.0
    total_time = to_float(raw["total_time"])
    not_charging = to_float(raw["total_parking_time"])
    charging = to_float(raw["total_charging_time"]).fillna(total_time - not_charging)
    frame["charging_hours"] = charging
    mismatch = (total_time - frame["parking_hours"]).abs() > TOTAL_TIME_TOLERANCE_HOURS
    frame = skipped.drop(frame, raw["location_id"].isna(), REASON_NO_LOCATION, "session_id")
    mismatch = mismatch.loc[frame.index]
    frame = _plausible(frame, skipped, now, mismatch)
    frame = _deduplicate_and_filter(frame, skipped, date_from, date_to)
    return SessionTable(frame[list(SESSION_COLUMNS)].reset_index(drop=True), skipped)


def _plausible(
    frame: pd.DataFrame, skipped: SkipCounter, now: pd.Timestamp | None, time_mismatch: pd.Series
) -> pd.DataFrame:
    """The checks every session input gets, in a fixed order so each record counts once.

    ``time_mismatch`` marks records whose stated duration contradicts their
    timestamps; it precedes the charging-time check, as charging time is derived
    from the stated duration.
    """
    now = pd.Timestamp.now(tz="UTC") if now is None else pd.Timestamp(now).tz_convert("UTC")
    checks = (
        (frame["start"].isna(), REASON_BAD_START),
        (frame["end"].isna(), REASON_BAD_END),
        (frame["kwh"] < 0, REASON_NEGATIVE_ENERGY),
        (frame["end"] < frame["start"], REASON_END_BEFORE_START),
        (frame["start"] > now, REASON_FUTURE_START),
        (frame["start"] < EARLIEST_PLAUSIBLE, REASON_EARLY_START),
        (time_mismatch, REASON_TOTAL_TIME),
        (
            frame["charging_hours"] > frame["parking_hours"] + TOTAL_TIME_TOLERANCE_HOURS,
            REASON_CHARGING_LONGER,
        ),
    )
    keep = np.ones(len(frame), dtype=bool)
    for mask, reason in checks:
        bad = keep & mask.fillna(False).to_numpy(dtype=bool)
        skipped.add(reason, int(bad.sum()), frame.loc[bad, "session_id"].head(5).tolist())
        keep &= ~bad
    return frame.loc[keep]


def _deduplicate_and_filter(
    frame: pd.DataFrame, skipped: SkipCounter, date_from: pd.Timestamp | None, date_to: pd.Timestamp | None
) -> pd.DataFrame:
    # A crawl whose total changes while paging can deliver a record twice: keep the last copy.
    duplicate = frame.duplicated("session_id", keep="last").to_numpy()
    frame = skipped.drop(frame, duplicate, REASON_DUPLICATE, "session_id")
    outside = np.zeros(len(frame), dtype=bool)
    if date_from is not None:
        outside |= (frame["start"] < pd.Timestamp(date_from).tz_convert("UTC")).to_numpy()
    if date_to is not None:
        outside |= (frame["start"] >= pd.Timestamp(date_to).tz_convert("UTC")).to_numpy()
    return skipped.drop(frame, outside, REASON_OUTSIDE_PERIOD, "session_id")


def sessions_from_frame(
    table: pd.DataFrame,
    now: pd.Timestamp | None = None,
    date_from: pd.Timestamp | None = None,
    date_to: pd.Timestamp | None = None,
) -> SessionTable:
    """A sessions table (CSV, GeoPackage table, output of loadocpisessions) -> checked table.

    ``location_id``, ``start`` and ``end`` are required; the other columns of
    :data:`SESSION_COLUMNS` are optional (``parking_hours`` defaults to end - start).
    """
    columns = {str(name).strip().lower(): name for name in table.columns}
    missing = [name for name in ("location_id", "start", "end") if name not in columns]
    if missing:
        raise InputError(
            "The sessions table has no column {names}; it needs location_id, start and end "
            "(and optionally {optional}).",
            names=", ".join(missing),
            optional=", ".join(c for c in SESSION_COLUMNS if c not in missing),
        )

    def column(name: str) -> pd.Series | None:
        return table[columns[name]] if name in columns else None

    skipped = SkipCounter()
    n = len(table)
    session_id = column("session_id")
    session_id = (
        pd.Series(np.arange(1, n + 1), index=table.index).astype("string")
        if session_id is None
        else session_id.astype("string")
    )
    frame = pd.DataFrame(
        {
            "session_id": session_id,
            "location_id": column("location_id").astype("string"),
            "evse_uid": column("evse_uid").astype("string")
            if column("evse_uid") is not None
            else pd.Series(pd.NA, index=table.index, dtype="string"),
            "start": to_utc(column("start")),
            "end": to_utc(column("end")),
        }
    )
    for name in ("kwh", "charging_hours", "parking_hours", "cost"):
        values = column(name)
        frame[name] = to_float(values) if values is not None else np.nan
    duration = (frame["end"] - frame["start"]).dt.total_seconds() / 3600.0
    given_parking = frame["parking_hours"]
    frame["parking_hours"] = duration
    frame = skipped.drop(frame, frame["session_id"].isna().to_numpy(), REASON_NO_ID)
    frame = skipped.drop(frame, location_key(frame["location_id"]).isna().to_numpy(), REASON_NO_LOCATION)
    mismatch = ((given_parking - duration).abs() > TOTAL_TIME_TOLERANCE_HOURS).loc[frame.index]
    frame = _plausible(frame, skipped, now, mismatch)
    frame = _deduplicate_and_filter(frame, skipped, date_from, date_to)
    return SessionTable(frame[list(SESSION_COLUMNS)].reset_index(drop=True), skipped)


def read_sessions_csv(
    path: str,
    now: pd.Timestamp | None = None,
    date_from: pd.Timestamp | None = None,
    date_to: pd.Timestamp | None = None,
) -> SessionTable:
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    except (OSError, ValueError, pd.errors.ParserError) as exc:
        raise InputError("Cannot read the sessions file {path}: {error}", path=path, error=exc) from None
    return sessions_from_frame(table, now, date_from, date_to)


def records_from_json(document: Any, what: str = "CDRs or Sessions") -> Sequence[Any]:
    """The records of a local JSON dump: an array, or an OCPI envelope ``{data: [...]}``."""
    if isinstance(document, dict) and "data" in document:
        document = document["data"]
    if not isinstance(document, list):
        raise InputError(
            "The file holds no list of {what} (a JSON array or an OCPI envelope with data).", what=what
        )
    return document
