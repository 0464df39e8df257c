"""Score candidate sites for new public charge points (QGIS-free, vectorised).

Four factors, each 0..1 (R = the walking radius, default 250 m, docs/potential.md):

- ``f_demand`` = min(1, D / robust_max(D)), D = summed demand weight within R.
- ``f_gap`` = 0.5 * min(1, U / robust_max(U)) + 0.5 * min(1, d_near / (2 R)), U = demand
  within R of the candidate that has no existing charge point within R (what a new point
  would serve for the first time), d_near = distance to the nearest existing point
  (2 R: beyond twice the walking distance an existing point serves nobody here).
- ``f_poi`` = min(1, P / robust_max(P)), P = number of points of interest within R.
- ``f_usage`` = max over existing points k within R of occupancy_k / 100 * (1 - d_k / R):
  a busy point nearby raises the score ("paal volgt paal"), fading linearly to 0 at R.

``robust_max`` is the 95th percentile of the non-zero values, so that one outlier (a
tower block, a shopping centre) does not flatten all other candidates; values above it
score 1. ``score`` = 100 * sum(weight_f * f) with the weights normalised to sum 1 over
the factors whose inputs are given; ``rank`` 1 is the best (equal scores share a rank).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from ..errors import CanceledError, InputError
from .distance import StraightLine, Walking
from .spatial import (
    Progress,
    as_xy,
)

FACTORS = ("demand", "gap", "poi", "usage")
DEFAULT_WEIGHTS = "demand=0.5,gap=0.3,poi=0.1,usage=0.1"
DEFAULT_RADIUS = 250.0  # m, walking distance norm for a public point (docs/potential.md)
ROBUST_PERCENTILE = 95.0
GAP_DISTANCE_NORM = 2.0  # times the radius

Translate = Callable[[str], str]


def parse_weights(text: str | None) -> dict[str, float]:
    """Parse ``"demand=0.5,gap=0.3,poi=0.1,usage=0.1"``; keys left out weigh 0.

    Returns raw (not yet normalised) weights for every factor. Raises
    :class:`InputError` for unknown or repeated keys, non-numeric, negative or
    non-finite values, and when every weight is 0.
    """
    text = (text or "").strip() or DEFAULT_WEIGHTS
    weights = dict.fromkeys(FACTORS, 0.0)
    seen: set[str] = set()
    for item in text.replace(";", ",").split(","):
        item = item.strip()
        if not item:
            continue
        if "=" not in item:
            raise InputError(
                "WEIGHTS: '{item}' is not of the form factor=value (e.g. {example}).",
                item=item,
                example=DEFAULT_WEIGHTS,
            )
        key, value = (part.strip() for part in item.split("=", 1))
        key = key.lower()
        if key not in weights:
            raise InputError(
                "WEIGHTS: unknown factor '{key}'; the factors are {factors}.",
                key=key,
                factors=", ".join(FACTORS),
            )
        if key in seen:
            raise InputError("WEIGHTS: the factor '{key}' is given twice.", key=key)
        seen.add(key)
        try:
            number = float(value.replace(",", "."))
        except ValueError:
            raise InputError(
                "WEIGHTS: the weight of '{key}' is not a number: '{value}'.", key=key, value=value
            ) from None
        if not math.isfinite(number) or number < 0:
            raise InputError(
                "WEIGHTS: the weight of '{key}' must be a number >= 0, not '{value}'.", key=key, value=value
            )
        weights[key] = number
    if sum(weights.values()) <= 0:
        raise InputError("WEIGHTS: at least one factor needs a weight above 0.")
    return weights


def robust_max(values: np.ndarray) -> float:
    """The 95th percentile of the positive values (0 when there are none)."""
    positive = values[values > 0]
    if positive.size == 0:
        return 0.0
    return float(np.percentile(positive, ROBUST_PERCENTILE))


def _normalised(values: np.ndarray) -> np.ndarray:
    top = robust_max(values)
    if top <= 0:
        return np.zeros(len(values))
    return np.minimum(1.0, values / top)


def rank_descending(score: np.ndarray) -> np.ndarray:
    """1 for the highest score; equal scores share the lowest rank ("1, 2, 2, 4")."""
    if len(score) == 0:
        return np.zeros(0, dtype=np.int64)
    key = -np.round(score, 9)
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    first = np.r_[True, sorted_key[1:] != sorted_key[:-1]]
    position = np.arange(1, len(score) + 1)
    ranks_sorted = np.maximum.accumulate(np.where(first, position, 0))
    ranks = np.empty(len(score), dtype=np.int64)
    ranks[order] = ranks_sorted
    return ranks


@dataclass
class ScoreResult:
    """Per candidate arrays (same order as the input) and what was used."""

    f_demand: np.ndarray
    f_gap: np.ndarray
    f_poi: np.ndarray
    f_usage: np.ndarray
    score: np.ndarray
    rank: np.ndarray
    demand_within: np.ndarray
    unserved_within: np.ndarray
    nearest_existing_m: np.ndarray  # inf when no existing point
    poi_count: np.ndarray
    usage_occupancy: np.ndarray  # occupancy (%) of the point behind f_usage, NaN if none
    usage_distance_m: np.ndarray
    weights: dict[str, float]  # normalised weights actually used
    absent: list[str] = field(default_factory=list)  # factors given a weight but no input
    radius: float = DEFAULT_RADIUS
    walking: bool = False  # distances along the street network instead of straight lines


def score_candidates(
    candidates_xy,
    demand_xy,
    demand_weight=None,
    charge_points_xy=None,
    poi_xy=None,
    usage_xy=None,
    usage_occupancy=None,
    radius: float = DEFAULT_RADIUS,
    weights: dict[str, float] | str | None = None,
    progress: Progress | None = None,
    measure: StraightLine | Walking | None = None,
) -> ScoreResult:
    """Score candidates; see the module docstring for the formulas.

    ``charge_points_xy``, ``poi_xy`` and ``usage_xy`` may be ``None`` (input not given):
    that factor then weighs 0 and is listed in ``ScoreResult.absent`` when the user had
    given it a weight. ``usage_occupancy`` is in percent (0..100), as ``occupancy_mean``
    of ``evplanner:usagekpis``. ``measure`` says how "within the radius" is measured
    (default: straight lines; :class:`~.distance.Walking` for walking along streets).
    """
    measure = StraightLine() if measure is None else measure
    candidates = as_xy(candidates_xy, "candidates")
    demand = as_xy(demand_xy, "demand")
    if len(candidates) == 0:
        raise InputError("There are no candidates to score.")
    if len(demand) == 0:
        raise InputError("There are no demand points.")
    if not (radius > 0 and math.isfinite(radius)):
        raise InputError("RADIUS must be a distance above 0 m.")
    raw = parse_weights(weights) if not isinstance(weights, dict) else dict(weights)
    demand_weight = _weights_or_ones(demand_weight, len(demand))
    existing = as_xy(charge_points_xy, "charge points") if charge_points_xy is not None else None
    pois = as_xy(poi_xy, "points of interest") if poi_xy is not None else None
    usage, occupancy = _usage_inputs(usage_xy, usage_occupancy)
    present = {
        "demand": True,
        "gap": existing is not None,
        "poi": pois is not None,
        "usage": usage is not None,
    }
    used, absent = _factor_weights(raw, present)

    demand_within, unserved_within, nearest = _demand_and_gap(
        candidates, demand, demand_weight, existing, radius, measure, progress
    )
    n = len(candidates)
    f_demand = _normalised(demand_within)
    if existing is not None:
        f_gap = 0.5 * _normalised(unserved_within) + 0.5 * np.minimum(
            1.0, nearest / (GAP_DISTANCE_NORM * radius)
        )
    else:
        f_gap = np.zeros(n)
    poi_count = measure.counts(candidates, pois, radius) if pois is not None else np.zeros(n, np.int64)
    f_poi = _normalised(poi_count.astype(np.float64))
    f_usage, usage_occ, usage_dist = _usage_factor(
        candidates, usage, occupancy, radius, _stage(progress, 0.9, 1.0), measure
    )
    score = 100.0 * (
        used["demand"] * f_demand + used["gap"] * f_gap + used["poi"] * f_poi + used["usage"] * f_usage
    )
    return ScoreResult(
        f_demand=f_demand,
        f_gap=f_gap,
        f_poi=f_poi,
        f_usage=f_usage,
        score=score,
        rank=rank_descending(score),
        demand_within=demand_within,
        unserved_within=unserved_within,
        nearest_existing_m=nearest,
        poi_count=poi_count,
        usage_occupancy=usage_occ,
        usage_distance_m=usage_dist,
        weights=used,
        absent=absent,
        radius=float(radius),
        walking=measure.walking,
    )


def _stage(progress: Progress | None, start: float, end: float) -> Progress | None:
    if progress is None:
        return None
    return lambda share: progress(start + (end - start) * share)


def _demand_and_gap(candidates, demand, demand_weight, existing, radius, measure, progress):
    """Demand and unserved demand (no charge point within the radius) within reach of each
    candidate, and each candidate's distance to the nearest charge point (inf without them)."""
    if existing is not None:
        unserved = demand_weight * (measure.nearest_distance(demand, existing, radius) > radius)
        nearest = measure.nearest_distance(candidates, existing)
    else:
        unserved = demand_weight
        nearest = np.full(len(candidates), np.inf)
    if progress is not None and not progress(0.1):
        raise CanceledError()
    demand_within, unserved_within = measure.weighted_sums(
        candidates, demand, radius, [demand_weight, unserved], _stage(progress, 0.1, 0.85)
    )
    return demand_within, unserved_within, nearest


def _usage_inputs(usage_xy, usage_occupancy) -> tuple[np.ndarray | None, np.ndarray | None]:
    """Usage points and their occupancy in percent (0..100), or (None, None) when not given."""
    if usage_xy is None:
        return None, None
    usage = as_xy(usage_xy, "usage points")
    occupancy = np.asarray(usage_occupancy, dtype=np.float64).reshape(-1)
    if occupancy.shape != (len(usage),):
        raise InputError("usage: one occupancy value per point is needed.")
    if not np.all(np.isfinite(occupancy)) or np.any(occupancy < 0) or np.any(occupancy > 100):
        raise InputError("occupancy_mean must be a percentage between 0 and 100.")
    return usage, occupancy


def _factor_weights(raw: dict[str, float], present: dict[str, bool]) -> tuple[dict[str, float], list[str]]:
    """The weights normalised over the factors whose input is given, and the weighted ones without."""
    absent = [name for name in FACTORS if raw[name] > 0 and not present[name]]
    used = {name: (raw[name] if present[name] else 0.0) for name in FACTORS}
    total = sum(used.values())
    if total <= 0:
        raise InputError(
            "None of the weighted factors has its input: give the layers for {factors} "
            "or weigh the demand factor.",
            factors=", ".join(absent),
        )
    return {name: value / total for name, value in used.items()}, absent


def _weights_or_ones(values, n: int) -> np.ndarray:
    if values is None:
        return np.ones(n)
    weights = np.asarray(values, dtype=np.float64).reshape(-1)
    if weights.shape != (n,):
        raise InputError("demand: one weight per demand point is needed.")
    if not np.all(np.isfinite(weights)):
        raise InputError("The demand weights must be finite numbers.")
    if np.any(weights < 0):
        raise InputError("The demand weights must not be negative.")
    return weights


def _usage_factor(candidates, usage, occupancy, radius, progress, measure):
    n = len(candidates)
    best = np.zeros(n)
    best_occ = np.full(n, np.nan)
    best_dist = np.full(n, np.nan)
    if usage is None or len(usage) == 0:
        return best, best_occ, best_dist

    def consume(qi, ti, distance, _rows):
        value = occupancy[ti] / 100.0 * (1.0 - distance / radius)
        # Sort so that the last write per candidate is its maximum (fancy assignment keeps the last).
        order = np.lexsort((value, qi))
        qi_s, value_s = qi[order], value[order]
        better = value_s > best[qi_s]
        qi_s, value_s, order = qi_s[better], value_s[better], order[better]
        best[qi_s] = value_s
        best_occ[qi_s] = occupancy[ti[order]]
        best_dist[qi_s] = distance[order]

    measure.pairs(candidates, usage, radius, consume, progress)
    return best, best_occ, best_dist


def _identity(text: str) -> str:
    return text


def explain(result: ScoreResult, demand_label: str = "", tr: Translate = _identity) -> list[str]:
    """One short reason per candidate, e.g. "1,240 households within 250 m; nearest charge point 410 m".

    ``tr`` translates the templates (the Processing glue passes the plugin's ``tr``);
    placeholders are filled after translation.
    """
    label = demand_label or tr("demand")
    radius = f"{result.radius:,.0f}"
    # "within 250 m walking": the text says what the policy rule says.
    if result.walking:
        t_demand = tr("{amount} {label} within {radius} m walking")
        t_nearest = tr("nearest charge point {distance} m walking")
        t_poi = tr("{count} POIs within {radius} m walking")
    else:
        t_demand = tr("{amount} {label} within {radius} m")
        t_nearest = tr("nearest charge point {distance} m")
        t_poi = tr("{count} POIs within {radius} m")
    t_unserved = tr("{amount} not yet served")
    t_none = tr("no existing charge point")
    t_usage = tr("busy charge point {distance} m away ({occupancy}% occupied)")
    has_existing = bool(np.isfinite(result.nearest_existing_m).any())
    reasons = []
    for j in range(len(result.score)):
        parts = [t_demand.format(amount=f"{result.demand_within[j]:,.0f}", label=label, radius=radius)]
        if has_existing:
            if result.unserved_within[j] > 0 and result.unserved_within[j] < result.demand_within[j]:
                parts[0] += " (" + t_unserved.format(amount=f"{result.unserved_within[j]:,.0f}") + ")"
            if math.isfinite(result.nearest_existing_m[j]):
                parts.append(t_nearest.format(distance=f"{result.nearest_existing_m[j]:,.0f}"))
        elif result.weights.get("gap", 0) > 0:
            parts.append(t_none)
        if result.poi_count[j] > 0:
            parts.append(t_poi.format(count=f"{result.poi_count[j]:,d}", radius=radius))
        if result.f_usage[j] > 0:
            parts.append(
                t_usage.format(
                    distance=f"{result.usage_distance_m[j]:,.0f}",
                    occupancy=f"{result.usage_occupancy[j]:.0f}",
                )
            )
        reasons.append("; ".join(parts))
    return reasons
