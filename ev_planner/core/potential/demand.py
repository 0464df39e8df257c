"""Dasymetric disaggregation: statistics per area spread over the addresses or buildings inside it.

CBS publishes households and cars per district (wijk/buurt); charge-point
planning needs them where people live. Each target (an address point or a
building) receives ``value * weight / sum of weights in its area``, so the sum
over the targets of an area equals the area's value. Areas without targets are
reported, never silently dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..errors import InputError
from .candidates import Polygon, Progress, locate_points


@dataclass
class DistributionResult:
    shares: np.ndarray  # (n_targets, n_fields): share of each field per target (0 outside all areas)
    area_index: np.ndarray  # (n_targets,): index of the target's area, -1 when outside every area
    empty_areas: np.ndarray  # indices of areas that contain no target (their values are not distributed)
    equal_split_areas: np.ndarray  # indices of areas whose targets all weigh 0: split equally instead
    undistributed: np.ndarray  # (n_fields,): sum of the values of the empty areas


# Demand figures in outputs (households, cars, weights summed within a radius) to a tenth: they
# are shares of area totals, and more decimals only suggest a precision the data lack.
DEMAND_DECIMALS = 1


def rounded_keeping_total(values: np.ndarray, decimals: int) -> np.ndarray:
    """``values`` rounded to ``decimals``, with a sum that is the total rounded the same way.

    Largest-remainder rounding: households spread over grid cells must still add up to the
    households of the area when the rounded cells are summed.
    """
    step = 10.0**decimals
    scaled = np.asarray(values, dtype=float) * step
    floors = np.floor(scaled)
    short = int(np.rint(scaled.sum() - floors.sum()))
    if short > 0:
        floors[np.argsort(floors - scaled, kind="stable")[:short]] += 1
    return np.round(floors / step, decimals)


def _check_values(values: np.ndarray, what: str) -> None:
    if not np.all(np.isfinite(values)):
        raise InputError("The {what} hold a missing or non-finite value.", what=what)
    if np.any(values < 0):
        raise InputError("The {what} hold negative values.", what=what)


def distribute(
    values: np.ndarray,
    target_area: np.ndarray,
    weights: np.ndarray | None = None,
    integers: bool = False,
) -> DistributionResult:
    """Spread ``values`` (``(n_areas, n_fields)``) over targets given their area index.

    With ``integers`` every share is a whole number (largest-remainder rounding
    per area and field), and the sum per area is exactly the area's value
    rounded to a whole number. Without it, shares are floats and the rounding
    residue of each area is put on its heaviest target, so the sums agree to
    the last bits of a double.
    """
    values = np.asarray(values, dtype=np.float64)
    if values.ndim == 1:
        values = values[:, None]
    _check_values(values, "area values")
    target_area = np.asarray(target_area, dtype=np.int64)
    n_areas, _n_fields = values.shape
    if np.any(target_area >= n_areas):
        raise InputError("A target refers to an area that does not exist.")
    if weights is None:
        weights = np.ones(len(target_area))
    weights = np.asarray(weights, dtype=np.float64)
    if weights.shape != target_area.shape:
        raise InputError("There must be one weight per target.")
    _check_values(weights, "target weights")

    located = target_area >= 0
    area_of = np.where(located, target_area, 0)
    targets_per_area = np.bincount(target_area[located], minlength=n_areas)
    weight_per_area = np.bincount(target_area[located], weights=weights[located], minlength=n_areas)
    # Areas whose targets all weigh zero still get their value: equally over their targets.
    equal_split = (targets_per_area > 0) & (weight_per_area <= 0)
    effective = np.where(equal_split[area_of], 1.0, weights)
    effective = np.where(located, effective, 0.0)
    total_effective = np.bincount(area_of[located], weights=effective[located], minlength=n_areas)
    with np.errstate(divide="ignore", invalid="ignore"):
        fraction = np.where(located, effective / total_effective[area_of], 0.0)
    shares = values[area_of] * fraction[:, None]

    empty = targets_per_area == 0
    if integers:
        shares = _largest_remainder(shares, area_of, located, np.round(values))
    else:
        _put_residue_on_heaviest(shares, area_of, located, effective, values)
    return DistributionResult(
        shares=shares,
        area_index=np.where(located, target_area, -1),
        empty_areas=np.nonzero(empty)[0],
        equal_split_areas=np.nonzero(equal_split)[0],
        undistributed=values[empty].sum(axis=0),
    )


def _put_residue_on_heaviest(
    shares: np.ndarray, area_of: np.ndarray, located: np.ndarray, weights: np.ndarray, values: np.ndarray
) -> None:
    index = np.nonzero(located)[0]
    if len(index) == 0:
        return
    # The heaviest target of each area: sort by (area, weight) and take each group's last row.
    order = index[np.lexsort((weights[index], area_of[index]))]
    areas_sorted = area_of[order]
    last = np.r_[areas_sorted[1:] != areas_sorted[:-1], True]
    heaviest = order[last]
    for column in range(shares.shape[1]):
        sums = np.bincount(area_of[index], weights=shares[index, column], minlength=len(values))
        residue = values[:, column] - sums
        shares[heaviest, column] += residue[area_of[heaviest]]


def _largest_remainder(
    shares: np.ndarray, area_of: np.ndarray, located: np.ndarray, totals: np.ndarray
) -> np.ndarray:
    result = np.zeros_like(shares)
    index = np.nonzero(located)[0]
    if len(index) == 0:
        return result
    n_areas = len(totals)
    for column in range(shares.shape[1]):
        exact = shares[index, column]
        floors = np.floor(exact + 1e-9)
        remainder = exact - floors
        deficit = totals[:, column] - np.bincount(area_of[index], weights=floors, minlength=n_areas)
        # Rank targets within their area by descending remainder (ties: input order).
        order = np.lexsort((np.arange(len(index)), -remainder, area_of[index]))
        areas_sorted = area_of[index][order]
        group_start = np.r_[0, np.nonzero(areas_sorted[1:] != areas_sorted[:-1])[0] + 1]
        starts = np.repeat(group_start, np.diff(np.r_[group_start, len(order)]))
        position = np.arange(len(order)) - starts
        bonus = np.zeros(len(index))
        bonus[order] = (position < np.round(deficit[areas_sorted])).astype(np.float64)
        result[index, column] = floors + bonus
    return result


def distribute_over_polygons(
    area_polygons: Sequence[Polygon],
    values: np.ndarray,
    target_xy: np.ndarray,
    weights: np.ndarray | None = None,
    integers: bool = False,
    progress: Progress = None,
) -> DistributionResult:
    """Locate the targets in the area polygons (first match wins), then :func:`distribute`."""
    values = np.asarray(values, dtype=np.float64)
    if len(values) != len(area_polygons):
        raise InputError("There must be one row of values per area.")
    target_area = locate_points(target_xy, area_polygons, progress)
    return distribute(values, target_area, weights, integers)
