"""Usage figures per charge point, and the advice keep / watch / add nearby / consider moving.

Works with whichever inputs are given (sessions, occupancy snapshots, status
history); a figure that needs an absent input stays empty (NaN/NA) and
:attr:`UsageResult.not_computed` says why. Everything is vectorised over
sessions and hours (numpy ``bincount`` on integer location codes), so millions
of sessions take seconds.

Definitions (per location id; points sharing an id share the figures):

- ``sessions_per_day`` = sessions / days of the period, ``kwh_per_day`` likewise,
  ``kwh_per_year`` = ``kwh_per_day`` x 365. The period is the one given, or from
  the first session start to the last session end over all sessions.
- ``blocking_hours_per_session`` = mean of (parking_hours - charging_hours), the
  time a car is connected but not charging, over sessions that report both.
- ``occupancy_mean`` (%) = mean of the sampled hourly occupancy (% of EVSEs in
  use); without snapshots it is computed from sessions: connected hours (the
  union per EVSE, so overlapping sessions do not count twice) / (EVSEs x hours of
  the period) x 100.
- ``occupancy_peak_hour`` = local hour of the day (0-23) with the highest mean
  occupancy (the earliest on ties); ``hours_sampled`` = sampled hours;
  ``share_hours_full`` (%) = sampled hours with every EVSE in use.
- ``availability_pct`` = observations with status AVAILABLE/CHARGING/... (up) /
  observations with a status telling up or down x 100.
- ``busy`` = ``occupancy_mean`` above the busy threshold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

import numpy as np
import pandas as pd

from .common import location_key

HOURS_PER_DAY = 24
DAYS_PER_YEAR = 365.0

# A point whose occupancy is within 80 % of the busy threshold is on its way to
# being busy: worth watching at the next (e.g. quarterly) check.
NEAR_BUSY_FACTOR = 0.8
# Back-office clocks of charger and platform differ by seconds; overlaps shorter
# than this are clock jitter, not two cars on one EVSE.
OVERLAP_TOLERANCE = pd.Timedelta(minutes=1)

KPI_FIELDS: tuple[str, ...] = (
    "sessions_per_day",
    "kwh_per_day",
    "kwh_per_year",
    "occupancy_mean",
    "occupancy_peak_hour",
    "hours_sampled",
    "share_hours_full",
    "blocking_hours_per_session",
    "availability_pct",
    "busy",
    "advice",
    "advice_reason",
)

ADVICE_KEEP = "keep"
ADVICE_WATCH = "watch"
ADVICE_ADD_NEARBY = "add nearby"
ADVICE_CONSIDER_MOVING = "consider moving"

# Reason key -> (advice, English template). The glue passes translated templates.
REASONS: Dict[str, Tuple[str, str]] = {
    "no_data": (ADVICE_WATCH, "no usage data for this point"),
    "little_data": (ADVICE_WATCH, "too little data: {sampled}"),
    "busy": (ADVICE_ADD_NEARBY, "occupancy {occupancy} % above the busy threshold of {busy} %"),
    "low_availability": (ADVICE_WATCH, "availability {availability} % below {min_availability} %"),
    "low_use": (ADVICE_CONSIDER_MOVING, "occupancy {occupancy} % below {low} %"),
    "near_busy": (ADVICE_WATCH, "occupancy {occupancy} % close to the busy threshold of {busy} %"),
    "normal": (ADVICE_KEEP, "occupancy {occupancy} % between {low} % and {busy} %"),
    "available": (ADVICE_KEEP, "availability {availability} %, no usage data"),
}
SAMPLED_TEMPLATES = {"hours": "{value} hours sampled", "days": "{value} days of sessions"}

# Why a figure could not be computed (glue translates these keys).
MISSING_SESSIONS = "no SESSIONS given"
MISSING_NO_SESSION = "SESSIONS holds no usable session"
MISSING_KWH = "the sessions carry no kWh"
MISSING_CHARGING_TIME = "the sessions carry no charging time"
MISSING_OCCUPANCY = "no OCCUPANCY snapshots given"
MISSING_OCCUPANCY_OR_SESSIONS = "neither OCCUPANCY nor SESSIONS given"
MISSING_STATUS = "no STATUS_HISTORY given"


@dataclass
class UnknownIds:
    rows: int
    ids: int
    examples: List[str]


@dataclass
class UsageResult:
    kpis: pd.DataFrame  # KPI_FIELDS, index of the input points
    not_computed: Dict[str, str] = field(default_factory=dict)  # field -> reason
    unknown_ids: Dict[str, UnknownIds] = field(default_factory=dict)  # input name -> ids not among points
    overlapping_sessions: int = 0
    overlapping_evses: int = 0
    overlap_examples: List[str] = field(default_factory=list)
    period: Optional[Tuple[pd.Timestamp, pd.Timestamp]] = None
    occupancy_from: Optional[str] = None  # "occupancy" or "sessions"

    @property
    def busy_count(self) -> int:
        return int(self.kpis["busy"].fillna(False).sum())

    def advice_count(self, advice: str) -> int:
        """Points that got ``advice`` (one of the ADVICE_* constants)."""
        return int((self.kpis["advice"] == advice).fillna(False).sum())


Period = Tuple[pd.Timestamp, pd.Timestamp]


def charge_points(ids: List, evse_counts: List) -> pd.DataFrame:
    """The ``points`` frame of :func:`compute_usage_kpis` from the points' ids and EVSE counts."""
    return pd.DataFrame(
        {"location_id": pd.Series(ids, dtype="object").astype("string"), "evse_count": evse_counts}
    )


def points_without_id(points: pd.DataFrame) -> int:
    """Points that get no figures: they have no location id to match the inputs on."""
    return int(points["location_id"].isna().sum())


def sessions_period(
    start: Optional[pd.Timestamp], end: Optional[pd.Timestamp], sessions: Optional[pd.DataFrame]
) -> Optional[Period]:
    """The period of the session figures: the one given; a missing end taken from the sessions.

    None (nothing given, or no sessions to take a missing end from) lets
    :func:`compute_usage_kpis` take the period from the first start to the last end.
    """
    if start is not None and end is not None:
        return start, end
    if sessions is None or not len(sessions) or (start is None and end is None):
        return None
    return (
        start if start is not None else sessions["start"].min(),
        end if end is not None else sessions["end"].max(),
    )


@dataclass
class Thresholds:
    busy_pct: float = 70.0
    low_pct: float = 10.0
    min_availability_pct: float = 90.0
    min_hours_sampled: int = 24
    min_days_of_sessions: float = 7.0


def _factorized_keys(ids: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """Codes of ``ids`` into their distinct normalised keys: each distinct id is normalised once."""
    raw_codes, uniques = pd.factorize(ids.to_numpy(dtype=object, na_value=None))
    keys = location_key(pd.Series(uniques, dtype=object))
    return raw_codes, keys


def _codes(ids: pd.Series, index: pd.Index, name: str, result: UsageResult) -> np.ndarray:
    """Integer code of each id in ``index`` (-1 = unknown, reported under ``name``)."""
    raw_codes, keys = _factorized_keys(ids)
    unique_codes = index.get_indexer(keys.to_numpy(dtype=object, na_value=None))
    codes = np.where(raw_codes >= 0, unique_codes[raw_codes] if len(unique_codes) else -1, -1)
    unknown = codes < 0
    if unknown.any():
        unknown_ids = ids[unknown].astype(str)
        result.unknown_ids[name] = UnknownIds(
            rows=int(unknown.sum()),
            ids=int(unknown_ids.nunique()),
            examples=unknown_ids.drop_duplicates().head(5).tolist(),
        )
    return codes


def _mean(sums: np.ndarray, counts: np.ndarray) -> np.ndarray:
    out = np.full(len(sums), np.nan)
    np.divide(sums, counts, out=out, where=counts > 0)
    return out


def _connected_hours(
    codes: np.ndarray,
    evse: pd.Series,
    start_ns: np.ndarray,
    end_ns: np.ndarray,
    period_ns: Tuple[int, int],
    result: UsageResult,
    ids,
) -> np.ndarray:
    """Hours inside the period each session adds to its EVSE's occupied time, counting overlaps once.

    Sessions on one EVSE are sorted by start; a session starting before the latest
    end so far on that EVSE overlaps (two cars cannot use one EVSE): it is counted
    in the report (on the real times) and only its part after that end adds time
    (on the times clipped to the period: clipping is monotonic, so the running
    end of the clipped times is the clipped running end).
    """
    p0, p1 = period_ns
    clipped_start_ns = np.clip(start_ns, p0, p1)
    clipped_end_ns = np.clip(end_ns, p0, p1)
    duration = (clipped_end_ns - clipped_start_ns).astype(np.float64)
    raw_codes, keys = _factorized_keys(evse)
    key_codes, _ = pd.factorize(keys.to_numpy(dtype=object, na_value=None))
    evse_codes = np.where(raw_codes >= 0, key_codes[raw_codes] if len(key_codes) else -1, -1)
    has_evse = evse_codes >= 0  # sessions without an EVSE id cannot be checked for overlaps
    if not has_evse.any():
        return duration / 3.6e12
    order = np.lexsort((end_ns, start_ns, evse_codes, codes))  # ties on start: shorter first, deterministic
    order = order[has_evse[order]]
    group = codes[order].astype(np.int64) * (int(evse_codes.max()) + 1) + evse_codes[order]
    ends = pd.Series(end_ns[order])
    # Exact integer nanoseconds (no float rounding): the first session of an EVSE has no predecessor.
    no_previous = np.iinfo(np.int64).min
    previous_end = (
        ends.groupby(group).cummax().groupby(group).shift(1, fill_value=no_previous).to_numpy(dtype=np.int64)
    )
    starts = start_ns[order]
    has_previous = previous_end != no_previous
    overlap = has_previous & (starts < previous_end - OVERLAP_TOLERANCE.value)
    result.overlapping_sessions = int(overlap.sum())
    if result.overlapping_sessions:
        result.overlapping_evses = int(pd.unique(group[overlap]).size)
        result.overlap_examples = [str(x) for x in ids[order[overlap]][:5]]
    starts = clipped_start_ns[order]
    from_time = np.where(has_previous, np.maximum(starts, np.clip(previous_end, p0, p1)), starts)
    contribution = duration.copy()
    contribution[order] = np.maximum(clipped_end_ns[order] - from_time, 0).astype(np.float64)
    return contribution / 3.6e12


def _session_figures(
    sessions: pd.DataFrame,
    index: pd.Index,
    evses: np.ndarray,
    period: Optional[Tuple[pd.Timestamp, pd.Timestamp]],
    out: Dict[str, np.ndarray],
    result: UsageResult,
) -> Optional[np.ndarray]:
    """Fill the session figures; returns occupancy % from sessions (or None)."""
    n_loc = len(index)
    codes = _codes(sessions["location_id"], index, "SESSIONS", result)
    known = codes >= 0
    sessions = sessions.loc[known]
    codes = codes[known]
    start = sessions["start"]
    end = sessions["end"]
    if period is None:
        if len(sessions) == 0:
            for name in ("sessions_per_day", "kwh_per_day", "kwh_per_year", "blocking_hours_per_session"):
                result.not_computed[name] = MISSING_NO_SESSION
            return None
        period = (start.min(), end.max())
    result.period = period
    p0, p1 = pd.Timestamp(period[0]).value, pd.Timestamp(period[1]).value
    period_hours = max((p1 - p0) / 3.6e12, 1.0)
    days = period_hours / HOURS_PER_DAY
    count = np.bincount(codes, minlength=n_loc).astype(np.float64)
    out["sessions_per_day"] = count / days
    kwh = sessions["kwh"].to_numpy(dtype=np.float64)
    if len(kwh) and np.isnan(kwh).all():
        result.not_computed["kwh_per_day"] = result.not_computed["kwh_per_year"] = MISSING_KWH
    else:
        kwh_sum = np.bincount(codes, weights=np.nan_to_num(kwh), minlength=n_loc)
        out["kwh_per_day"] = kwh_sum / days
        out["kwh_per_year"] = out["kwh_per_day"] * DAYS_PER_YEAR
    blocking = (
        (sessions["parking_hours"] - sessions["charging_hours"]).clip(lower=0).to_numpy(dtype=np.float64)
    )
    valid = ~np.isnan(blocking)
    if len(blocking) and not valid.any():
        result.not_computed["blocking_hours_per_session"] = MISSING_CHARGING_TIME
    else:
        out["blocking_hours_per_session"] = _mean(
            np.bincount(codes[valid], weights=blocking[valid], minlength=n_loc),
            np.bincount(codes[valid], minlength=n_loc).astype(np.float64),
        )
    hours = _connected_hours(
        codes,
        sessions["evse_uid"],
        start.to_numpy(dtype="datetime64[ns]").astype(np.int64),
        end.to_numpy(dtype="datetime64[ns]").astype(np.int64),
        (p0, p1),
        result,
        sessions["session_id"].to_numpy(dtype=object),
    )
    connected = np.bincount(codes, weights=hours, minlength=n_loc)
    return np.minimum(100.0 * connected / (evses * period_hours), 100.0)


def _occupancy_figures(
    occupancy: pd.DataFrame, index: pd.Index, out: Dict[str, np.ndarray], result: UsageResult
) -> np.ndarray:
    """Fill the snapshot figures; returns the largest EVSE count seen per location."""
    n_loc = len(index)
    codes = _codes(occupancy["location_id"], index, "OCCUPANCY", result)
    known = codes >= 0
    codes = codes[known]
    occ = occupancy["occ_pct"].to_numpy(dtype=np.float64)[known]
    hour = occupancy["local_hour"].to_numpy(dtype=np.int64)[known]
    sampled = np.bincount(codes, minlength=n_loc).astype(np.float64)
    out["hours_sampled"] = sampled
    out["occupancy_mean"] = _mean(np.bincount(codes, weights=occ, minlength=n_loc), sampled)
    full = (occ >= 100.0 - 1e-9).astype(np.float64)
    out["share_hours_full"] = 100.0 * _mean(np.bincount(codes, weights=full, minlength=n_loc), sampled)
    cell = codes * HOURS_PER_DAY + hour
    size = n_loc * HOURS_PER_DAY
    by_hour = _mean(
        np.bincount(cell, weights=occ, minlength=size), np.bincount(cell, minlength=size).astype(np.float64)
    ).reshape(n_loc, HOURS_PER_DAY)
    filled = np.where(np.isnan(by_hour), -np.inf, by_hour)
    peak = np.argmax(filled, axis=1).astype(np.float64)
    # A point never in use has no peak hour (not "midnight").
    peak[(sampled == 0) | (filled.max(axis=1) <= 0)] = np.nan
    out["occupancy_peak_hour"] = peak
    n = pd.to_numeric(occupancy["n"], errors="coerce").to_numpy(dtype=np.float64)[known]
    evses = np.zeros(n_loc)
    np.maximum.at(evses, codes, np.nan_to_num(n))
    return evses


def _status_figures(
    status: pd.DataFrame, index: pd.Index, out: Dict[str, np.ndarray], result: UsageResult
) -> None:
    n_loc = len(index)
    codes = _codes(status["location_id"], index, "STATUS_HISTORY", result)
    known = codes >= 0
    counts = status["counts"].to_numpy(dtype=bool)[known]
    up = status["up"].to_numpy(dtype=bool)[known] & counts
    codes = codes[known]
    out["availability_pct"] = 100.0 * _mean(
        np.bincount(codes, weights=up.astype(np.float64), minlength=n_loc),
        np.bincount(codes, weights=counts.astype(np.float64), minlength=n_loc),
    )


def compute_usage_kpis(
    points: pd.DataFrame,
    sessions: Optional[pd.DataFrame] = None,
    occupancy: Optional[pd.DataFrame] = None,
    status: Optional[pd.DataFrame] = None,
    thresholds: Optional[Thresholds] = None,
    period: Optional[Tuple[pd.Timestamp, pd.Timestamp]] = None,
    templates: Optional[Dict[str, str]] = None,
    sampled_templates: Optional[Dict[str, str]] = None,
) -> UsageResult:
    """KPIs for ``points`` (columns ``location_id`` and ``evse_count``).

    ``sessions`` is a sessions frame (:mod:`.sessions`), ``occupancy`` the frame
    of an :class:`~.occupancy.OccupancyTable`, ``status`` that of a
    :class:`~.occupancy.StatusHistory`; each may be None.
    """
    thresholds = thresholds or Thresholds()
    result = UsageResult(kpis=pd.DataFrame(index=points.index))
    point_keys = location_key(points["location_id"])
    index = pd.Index(point_keys.dropna().unique())
    point_codes = index.get_indexer(point_keys.to_numpy(dtype=object, na_value=None))
    n_loc = len(index)
    evses = np.zeros(n_loc)
    given = pd.to_numeric(points["evse_count"], errors="coerce").to_numpy(dtype=np.float64)
    has_code = point_codes >= 0
    np.maximum.at(evses, point_codes[has_code], np.nan_to_num(given[has_code]))

    out: Dict[str, np.ndarray] = {}
    session_occupancy = None
    if occupancy is not None:
        seen = _occupancy_figures(occupancy, index, out, result)
        evses = np.where(evses > 0, evses, seen)
    else:
        for name in ("occupancy_peak_hour", "hours_sampled", "share_hours_full"):
            result.not_computed[name] = MISSING_OCCUPANCY
    evses = np.where(evses > 0, evses, 1.0)  # a listed point has at least one EVSE
    if sessions is not None:
        session_occupancy = _session_figures(sessions, index, evses, period, out, result)
    else:
        for name in ("sessions_per_day", "kwh_per_day", "kwh_per_year", "blocking_hours_per_session"):
            result.not_computed[name] = MISSING_SESSIONS
    if "occupancy_mean" in out:
        result.occupancy_from = "occupancy"
    elif session_occupancy is not None:
        out["occupancy_mean"] = session_occupancy
        result.occupancy_from = "sessions"
    else:
        result.not_computed["occupancy_mean"] = MISSING_OCCUPANCY_OR_SESSIONS
        result.not_computed["busy"] = MISSING_OCCUPANCY_OR_SESSIONS
    if status is not None:
        _status_figures(status, index, out, result)
    else:
        result.not_computed["availability_pct"] = MISSING_STATUS

    nan = np.full(n_loc, np.nan)
    figures = {name: out.get(name, nan) for name in KPI_FIELDS[:9]}
    advice, reasons = _advice(figures, result, thresholds, templates, sampled_templates)
    frame = result.kpis
    for name, values in figures.items():
        frame[name] = _per_point(values, point_codes)
    for name in ("occupancy_peak_hour", "hours_sampled"):
        frame[name] = frame[name].round().astype("Int64")
    occupancy_mean = frame["occupancy_mean"]
    busy = pd.array(occupancy_mean > thresholds.busy_pct, dtype="boolean")
    busy[occupancy_mean.isna().to_numpy()] = pd.NA
    frame["busy"] = busy
    frame["advice"] = pd.array(_per_point(advice, point_codes, None), dtype="string")
    frame["advice_reason"] = pd.array(_per_point(reasons, point_codes, None), dtype="string")
    return result


def _per_point(values: np.ndarray, point_codes: np.ndarray, missing=np.nan) -> np.ndarray:
    values = np.asarray(values)
    out = np.empty(len(point_codes), dtype=values.dtype if missing is np.nan else object)
    has = point_codes >= 0
    out[has] = values[point_codes[has]]
    out[~has] = missing
    return out


def _number(values: np.ndarray) -> np.ndarray:
    return np.char.mod("%.0f", np.nan_to_num(values)).astype(object)


def _advice(
    figures: Dict[str, np.ndarray],
    result: UsageResult,
    thresholds: Thresholds,
    templates: Optional[Dict[str, str]],
    sampled_templates: Optional[Dict[str, str]],
) -> Tuple[np.ndarray, np.ndarray]:
    """Advice and reason per location, decided in a fixed order of precedence."""
    occupancy = figures["occupancy_mean"]
    availability = figures["availability_pct"]
    has_occupancy = ~np.isnan(occupancy)
    has_availability = ~np.isnan(availability)
    if result.occupancy_from == "occupancy":
        sampled_value = figures["hours_sampled"]
        little = sampled_value < thresholds.min_hours_sampled
        sampled_kind = "hours"
    elif result.occupancy_from == "sessions" and result.period is not None:
        days = (pd.Timestamp(result.period[1]) - pd.Timestamp(result.period[0])).total_seconds() / 86400.0
        sampled_value = np.full(len(occupancy), days)
        little = sampled_value < thresholds.min_days_of_sessions
        sampled_kind = "days"
    else:
        sampled_value = np.zeros(len(occupancy))
        little = np.zeros(len(occupancy), dtype=bool)
        sampled_kind = "hours"
    low_availability = has_availability & (availability < thresholds.min_availability_pct)
    conditions = [
        ~has_occupancy & ~has_availability,
        ~has_occupancy & low_availability,
        ~has_occupancy,
        has_occupancy & ((sampled_value == 0) if result.occupancy_from == "occupancy" else False),
        has_occupancy & little,
        has_occupancy & (occupancy > thresholds.busy_pct),
        low_availability,
        occupancy < thresholds.low_pct,
        occupancy >= NEAR_BUSY_FACTOR * thresholds.busy_pct,
    ]
    keys = [
        "no_data",
        "low_availability",
        "available",
        "no_data",
        "little_data",
        "busy",
        "low_availability",
        "low_use",
        "near_busy",
    ]
    key = np.select(conditions, keys, default="normal").astype(object)
    templates = {**{k: v[1] for k, v in REASONS.items()}, **(templates or {})}
    sampled_templates = {**SAMPLED_TEMPLATES, **(sampled_templates or {})}
    advice = np.empty(len(key), dtype=object)
    reason = np.empty(len(key), dtype=object)
    occupancy_text = _number(occupancy)
    availability_text = _number(availability)
    sampled_text = _number(sampled_value)
    for reason_key, (advice_value, _) in REASONS.items():
        mask = key == reason_key
        if not mask.any():
            continue
        advice[mask] = advice_value
        template = templates[reason_key]
        reason[mask] = [
            template.format(
                occupancy=o,
                availability=a,
                sampled=sampled_templates[sampled_kind].format(value=s),
                busy=f"{thresholds.busy_pct:g}",
                low=f"{thresholds.low_pct:g}",
                min_availability=f"{thresholds.min_availability_pct:g}",
            )
            for o, a, s in zip(occupancy_text[mask], availability_text[mask], sampled_text[mask])
        ]
    return advice, reason


def add_usage_kpis(
    charge_points: pd.DataFrame, id_field: str = "source_id", **kwargs
) -> Tuple[pd.DataFrame, UsageResult]:
    """The charge points (a DataFrame or GeoDataFrame in the common schema) with the KPI columns added.

    For the Python API: ``kwargs`` are those of :func:`compute_usage_kpis`. The
    input is not changed; a GeoDataFrame stays one (geopandas is not imported here).
    """
    if id_field not in charge_points.columns:
        raise KeyError(f"the charge points have no column {id_field!r}")
    evse_count = charge_points["evse_count"] if "evse_count" in charge_points.columns else np.nan
    points = pd.DataFrame(
        {"location_id": charge_points[id_field].astype("string"), "evse_count": evse_count},
        index=charge_points.index,
    )
    result = compute_usage_kpis(points, **kwargs)
    out = charge_points.drop(columns=[c for c in KPI_FIELDS if c in charge_points.columns]).copy()
    for name in KPI_FIELDS:
        out[name] = result.kpis[name]
    return out, result
