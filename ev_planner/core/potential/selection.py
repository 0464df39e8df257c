"""Choose sites for new charge points: the Maximal Covering Location Problem (Church & ReVelle 1974).

Given candidate sites, weighted demand points, existing charge points, a number of new
sites ``count``, a walking radius R and a minimum spacing between new sites, choose the
sites that cover the most demand not yet covered. Demand point i is covered when a
(new or existing) point lies within R of it (distance <= R); two new sites are never
closer than ``min_spacing`` (distance < min_spacing is a conflict).

Two methods (docs/potential.md):

- ``fast``: lazy greedy (a priority queue of stale marginal gains, re-evaluated only when
  they reach the top; valid because coverage is submodular) followed by 1-opt swap
  refinement (replace a chosen site by the best other site while that covers more).
- ``exact``: a mixed-integer program solved by HiGHS (binary x_j per site, continuous
  y_i <= sum of x_j covering i, sum x <= count, x_j + x_k <= 1 for conflicting pairs),
  with a time limit; it reports the proven bound.

Both report an upper bound on the best achievable coverage: the MILP dual bound, or for
``fast`` the smallest of (a) f(S) + the sum of the ``count`` largest marginal gains with
respect to the answer S (valid for any submodular coverage function), (b) the greedy value
divided by (1 - 1/e) (Nemhauser, Wolsey & Fisher 1978; only without spacing), and (c) the
LP relaxation, when the instance is small enough to solve it quickly.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from ..errors import CanceledError, InputError
from .distance import StraightLine, Walking
from .milp import highs_available, solve_milp
from .spatial import (
    Progress,
    as_xy,
    make_tree,
    strictly_below,
)

DEFAULT_RADIUS = 250.0  # m, walking distance (docs/potential.md)
DEFAULT_TIME_LIMIT = 60.0  # s, for the exact method
LP_BOUND_MAX_NONZEROS = 300_000  # solve the LP relaxation for the fast method's bound up to this size
LP_BOUND_TIME_LIMIT = 10.0  # s
MAX_SWAP_PASSES = 10
GREEDY_FACTOR = 1.0 - 1.0 / math.e
METHODS = ("fast", "exact")


@dataclass
class SelectionResult:
    selected: np.ndarray  # candidate indices in selection_rank order
    marginal_demand: np.ndarray  # demand newly covered by each, given those ranked before and existing points
    cumulative_covered_pct: np.ndarray  # share (%) of all demand covered up to and including this site
    total_demand: float
    covered_before: float  # by existing points
    covered_after: float  # by existing points and the selection
    upper_bound: float  # no selection of ``count`` sites can cover more than this (same units as demand)
    bound_source: str  # "milp", "lp", "online", "greedy" or "reachable demand"
    proven_optimal: bool
    method: str
    requested: int
    swaps: int = 0
    greedy_covered: float = 0.0  # covered_after of the plain greedy answer (fast) or the warm start (exact)
    solver: str = ""  # the HiGHS interface that solved the MILP or LP: "highspy", "scipy" or ""

    @property
    def optimality_gap_pct(self) -> float:
        """How much better (in % of the answer's coverage) the optimum could at most be."""
        if self.covered_after <= 0:
            return 0.0 if self.upper_bound <= 0 else math.inf
        return max(0.0, 100.0 * (self.upper_bound - self.covered_after) / self.covered_after)


@dataclass
class CoverageModel:
    """Candidates x demand-not-yet-covered incidence, with the demand weights."""

    matrix: sparse.csr_matrix  # (n_candidates, n_open_demand), 1 where candidate covers demand
    weights: np.ndarray  # weight of each open demand point
    total_demand: float
    covered_before: float

    def row(self, j: int) -> np.ndarray:
        return self.matrix.indices[self.matrix.indptr[j] : self.matrix.indptr[j + 1]]

    def coverage(self, chosen) -> float:
        covered = np.zeros(len(self.weights), dtype=bool)
        for j in chosen:
            covered[self.row(int(j))] = True
        return float(self.weights[covered].sum())


def build_coverage(
    candidates_xy,
    demand_xy,
    demand_weight=None,
    charge_points_xy=None,
    radius: float = DEFAULT_RADIUS,
    progress: Progress | None = None,
    measure: StraightLine | Walking | None = None,
) -> CoverageModel:
    """Which candidate covers which demand point (within ``radius`` by ``measure``), existing cover removed."""
    measure = StraightLine() if measure is None else measure
    candidates = as_xy(candidates_xy, "candidates")
    demand = as_xy(demand_xy, "demand")
    weights = (
        np.ones(len(demand)) if demand_weight is None else np.asarray(demand_weight, np.float64).reshape(-1)
    )
    if weights.shape != (len(demand),):
        raise InputError("demand: one weight per demand point is needed.")
    if not np.all(np.isfinite(weights)) or np.any(weights < 0):
        raise InputError("The demand weights must be finite numbers >= 0.")
    total = float(weights.sum())
    open_mask = weights > 0
    if charge_points_xy is not None and len(charge_points_xy):
        existing = as_xy(charge_points_xy, "charge points")
        open_mask &= measure.nearest_distance(demand, existing, radius) > radius
    covered_before = total - float(weights[open_mask].sum())
    open_index = np.flatnonzero(open_mask)
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []

    def consume(qi, ti, _d, _rows):
        rows.append(qi.astype(np.int32))
        cols.append(ti.astype(np.int32))

    measure.pairs(candidates, demand[open_index], radius, consume, progress)
    row = np.concatenate(rows) if rows else np.zeros(0, np.int32)
    col = np.concatenate(cols) if cols else np.zeros(0, np.int32)
    matrix = sparse.csr_matrix(
        (np.ones(len(row), dtype=np.float64), (row, col)), shape=(len(candidates), len(open_index))
    )
    matrix.sum_duplicates()
    matrix.sort_indices()
    return CoverageModel(matrix, weights[open_index], total, covered_before)


def select_locations(
    candidates_xy,
    demand_xy,
    demand_weight=None,
    charge_points_xy=None,
    count: int = 10,
    radius: float = DEFAULT_RADIUS,
    min_spacing: float = 0.0,
    method: str = "fast",
    time_limit: float = DEFAULT_TIME_LIMIT,
    progress: Progress | None = None,
    measure: StraightLine | Walking | None = None,
) -> SelectionResult:
    """Select up to ``count`` candidates (see the module docstring).

    Fewer than ``count`` sites are returned when no further candidate adds coverage
    (all reachable demand is covered, or spacing leaves no useful site).
    """
    candidates = as_xy(candidates_xy, "candidates")
    _check_settings(candidates, demand_xy, count, radius, min_spacing, method, time_limit)
    count = int(count)

    def stage(start: float, end: float) -> Progress | None:
        if progress is None:
            return None
        return lambda share: progress(start + (end - start) * share)

    def check(share: float) -> None:
        if progress is not None and not progress(share):
            raise CanceledError()

    model = build_coverage(
        candidates, demand_xy, demand_weight, charge_points_xy, radius, stage(0.0, 0.4), measure
    )
    check(0.4)
    spacing = Spacing(candidates, min_spacing)
    chosen, _ = lazy_greedy(model, count, spacing)
    greedy_value = model.coverage(chosen)
    check(0.5)
    if method == "fast":
        answer = _fast_answer(model, chosen, count, spacing, radius, greedy_value, stage, check)
    else:
        answer = _exact_answer(model, chosen, count, spacing, time_limit, greedy_value, stage)
    chosen, value, bound, source = answer.chosen, answer.value, answer.bound, answer.source
    check(0.95)
    ordered, marginal = rank_selection(model, chosen)
    assert spacing.is_valid(ordered), "MIN_SPACING violated"  # never returned: a bug if it happens
    total = model.total_demand
    cumulative = model.covered_before + np.cumsum(marginal)
    # No selection covers demand that no candidate reaches.
    reachable = float(model.weights[np.asarray(model.matrix.sum(axis=0)).ravel() > 0].sum())
    if reachable < bound:
        bound, source = reachable, "reachable demand"
    return SelectionResult(
        selected=ordered,
        marginal_demand=marginal,
        cumulative_covered_pct=(100.0 * cumulative / total) if total > 0 else np.zeros(len(ordered)),
        total_demand=total,
        covered_before=model.covered_before,
        covered_after=model.covered_before + value,
        upper_bound=model.covered_before + max(bound, value),
        bound_source=source,
        proven_optimal=bool(answer.proven),
        method=method,
        requested=count,
        swaps=answer.swaps,
        greedy_covered=model.covered_before + greedy_value,
        solver=answer.solver,
    )


def _check_settings(candidates, demand_xy, count, radius, min_spacing, method, time_limit) -> None:
    if len(candidates) == 0:
        raise InputError("There are no candidates to choose from.")
    if len(as_xy(demand_xy, "demand")) == 0:
        raise InputError("There are no demand points.")
    if int(count) != count or count < 1:
        raise InputError("COUNT must be a whole number of at least 1.")
    if not (radius > 0 and math.isfinite(radius)):
        raise InputError("RADIUS must be a distance above 0 m.")
    if not (min_spacing >= 0 and math.isfinite(min_spacing)):
        raise InputError("MIN_SPACING must be a distance of 0 m or more.")
    if method not in METHODS:
        raise InputError("METHOD must be one of {methods}.", methods=", ".join(METHODS))
    if not time_limit > 0:
        raise InputError("TIME_LIMIT must be above 0 seconds.")


@dataclass
class _Answer:
    chosen: np.ndarray
    value: float
    bound: float
    source: str
    proven: bool
    swaps: int = 0
    solver: str = ""


def _fast_answer(model, chosen, count, spacing, radius, greedy_value, stage, check) -> _Answer:
    """Swap refinement of the greedy answer, with the tightest bound that is cheap to get."""
    chosen, swaps = swap_refine(model, chosen, spacing, radius, progress=stage(0.5, 0.8))
    value = model.coverage(chosen)
    bound, source = fast_bound(model, chosen, count, spacing, greedy_value)
    solver = ""
    if source != "lp" and model.matrix.nnz <= LP_BOUND_MAX_NONZEROS and highs_available():
        check(0.8)
        solved = solve_milp(
            model, count, spacing.pairs(), LP_BOUND_TIME_LIMIT, relax=True, progress=stage(0.8, 0.95)
        )
        if solved is not None and solved.optimal and solved.bound < bound:
            bound, source, solver = solved.bound, "lp", solved.solver
    proven = value >= bound - 1e-5 * max(1.0, bound)  # the LP bound is padded by 1e-6
    return _Answer(chosen, value, bound, source, proven, swaps, solver)


def _exact_answer(model, chosen, count, spacing, time_limit, greedy_value, stage) -> _Answer:
    """The MILP warm-started from the greedy answer; the greedy answer when HiGHS finds nothing better."""
    solved = solve_milp(
        model, count, spacing.pairs(), time_limit, warm_start=chosen, progress=stage(0.5, 0.95)
    )
    if solved is not None and solved.value >= greedy_value - 1e-9:
        chosen = solved.chosen
    value = model.coverage(chosen)
    if solved is None:
        bound, source = fast_bound(model, chosen, count, spacing, greedy_value)
        return _Answer(chosen, value, bound, source, False)
    return _Answer(chosen, value, max(value, solved.bound), "milp", solved.optimal, solver=solved.solver)


class Spacing:
    """Which candidates conflict (closer than ``min_spacing``) with the chosen ones."""

    def __init__(self, candidates: np.ndarray, min_spacing: float) -> None:
        self.xy = candidates
        self.min_spacing = float(min_spacing)
        self.active = self.min_spacing > 0
        self.tree = make_tree(candidates) if self.active else None
        self.blocked = np.zeros(len(candidates), dtype=np.int32)  # chosen sites in conflict with j

    def near(self, j: int) -> np.ndarray:
        if not self.active:
            return np.zeros(0, dtype=np.int64)
        return np.asarray(
            self.tree.query_ball_point(self.xy[j], strictly_below(self.min_spacing)), dtype=np.int64
        )

    def add(self, j: int) -> None:
        if self.active:
            self.blocked[self.near(j)] += 1

    def remove(self, j: int) -> None:
        if self.active:
            self.blocked[self.near(j)] -= 1

    def reset(self) -> None:
        self.blocked[:] = 0

    def pairs(self) -> np.ndarray:
        if not self.active:
            return np.zeros((0, 2), dtype=np.int64)
        return self.tree.query_pairs(strictly_below(self.min_spacing), output_type="ndarray")

    def is_valid(self, chosen) -> bool:
        chosen = np.asarray(chosen, dtype=np.int64)
        if len(np.unique(chosen)) != len(chosen):
            return False
        if not self.active or len(chosen) < 2:
            return True
        sub = make_tree(self.xy[chosen])
        return len(sub.query_pairs(strictly_below(self.min_spacing))) == 0


def lazy_greedy(model: CoverageModel, count: int, spacing: Spacing, within=None):
    """Greedy by marginal gain with a lazy priority queue; returns (chosen, marginal gains).

    ``within`` restricts the choice to those candidates (used to order a given selection).
    """
    matrix, weights = model.matrix, model.weights
    gains = matrix @ weights
    pool = np.flatnonzero(gains > 0) if within is None else np.asarray(within, dtype=np.int64)
    heap = [(-float(gains[j]), int(j)) for j in pool if gains[j] > 0]
    heapq.heapify(heap)
    uncovered = np.ones(len(weights), dtype=bool)
    spacing.reset()
    chosen: list[int] = []
    marginal: list[float] = []
    check_spacing = within is None and spacing.active
    while heap and len(chosen) < count:
        _, j = heapq.heappop(heap)
        if check_spacing and spacing.blocked[j]:
            continue
        idx = model.row(j)
        gain = float(weights[idx[uncovered[idx]]].sum())
        if gain <= 0:
            continue
        if heap and gain < -heap[0][0]:
            heapq.heappush(heap, (-gain, j))
            continue
        chosen.append(j)
        marginal.append(gain)
        uncovered[idx] = False
        if check_spacing:
            spacing.add(j)
    if not check_spacing:
        spacing.reset()
        for j in chosen:
            spacing.add(j)
    return np.asarray(chosen, dtype=np.int64), np.asarray(marginal, dtype=np.float64)


def rank_selection(model: CoverageModel, chosen) -> tuple[np.ndarray, np.ndarray]:
    """Order a selection greedily so that each site's marginal demand is what it adds to those before."""
    chosen = np.asarray(chosen, dtype=np.int64)
    if len(chosen) == 0:
        return chosen, np.zeros(0)
    dummy = Spacing(np.zeros((0, 2)), 0.0)
    ordered, marginal = lazy_greedy(model, len(chosen), dummy, within=chosen)
    # Sites that add nothing given the others (possible after swaps) go last with 0.
    rest = np.setdiff1d(chosen, ordered, assume_unique=True)
    return np.r_[ordered, rest].astype(np.int64), np.r_[marginal, np.zeros(len(rest))]


def swap_refine(
    model: CoverageModel,
    chosen: np.ndarray,
    spacing: Spacing,
    radius: float,
    max_passes: int = MAX_SWAP_PASSES,
    progress: Progress | None = None,
) -> tuple[np.ndarray, int]:
    """1-opt exchange: replace a chosen site by the best other one while coverage grows.

    Gains are kept up to date incrementally: a swap only changes the gain of candidates
    that share demand with the two sites involved (found through the transposed matrix).
    """
    chosen = [int(j) for j in chosen]
    if not chosen:
        return np.zeros(0, dtype=np.int64), 0
    state = _SwapState(model, chosen, spacing, radius)
    swaps = 0
    for pass_number in range(max_passes):
        improved = False
        for position, k in enumerate(list(chosen)):
            share = min(1.0, (pass_number + position / len(chosen)) / max_passes)
            if progress is not None and position % 50 == 0 and not progress(share):
                raise CanceledError()
            best_j = state.best_replacement(k)
            if best_j < 0:
                continue
            state.swap(k, best_j)
            chosen[chosen.index(k)] = best_j
            swaps += 1
            improved = True
        if not improved:
            break
    return np.asarray(chosen, dtype=np.int64), swaps


class _SwapState:
    """What :func:`swap_refine` keeps up to date through every swap: the chosen sites, how often
    each demand point is covered, and the gain of adding each candidate to the selection."""

    def __init__(self, model: CoverageModel, chosen: list[int], spacing: Spacing, radius: float) -> None:
        self.model, self.spacing, self.radius = model, spacing, radius
        weights = model.weights
        self.by_demand = model.matrix.T.tocsr()  # demand -> candidates covering it
        self.selected = np.zeros(model.matrix.shape[0], dtype=bool)
        self.selected[chosen] = True
        spacing.reset()
        for j in chosen:
            spacing.add(j)
        self.cover = np.zeros(len(weights), dtype=np.int32)
        for j in chosen:
            self.cover[model.row(j)] += 1
        self.gains = model.matrix @ (weights * (self.cover == 0))
        self.neighbours_tree = make_tree(spacing.xy)
        self.scratch = np.zeros(len(weights))
        self.tolerance = 1e-9 * max(1.0, float(weights.sum()))
        self.available = self._available_gains()

    def _available_gains(self) -> np.ndarray:
        # Gains of candidates that could join as things stand (a lower bound of their value
        # when some site leaves: leaving only frees demand and unblocks neighbours).
        spacing = self.spacing
        open_sites = ~self.selected & (spacing.blocked == 0) if spacing.active else ~self.selected
        return np.where(open_sites, self.gains, -np.inf)

    def best_replacement(self, k: int) -> int:
        """The candidate that adds most demand in place of the chosen site ``k``, or -1 when
        none beats keeping ``k``."""
        model, spacing, weights = self.model, self.spacing, self.model.weights
        idx_k = model.row(k)
        sole = idx_k[self.cover[idx_k] == 1]
        loss = float(weights[sole].sum())
        # Candidates sharing demand with k lie within 2R of it, and those it blocks within
        # MIN_SPACING: only for them does removing k change the value of joining.
        near_k = spacing.near(k)
        near = np.union1d(
            np.asarray(
                self.neighbours_tree.query_ball_point(spacing.xy[k], 2.0 * self.radius), dtype=np.int64
            ),
            near_k,
        )
        self.scratch[sole] = weights[sole]
        values = self.gains[near] + (model.matrix[near] @ self.scratch if len(near) else 0.0)
        self.scratch[sole] = 0.0
        usable = ~self.selected[near] & (near != k)
        if spacing.active:
            blocked = spacing.blocked[near] - np.isin(near, near_k)
            usable &= blocked == 0
        best_j, best_value = -1, loss + self.tolerance
        if usable.any():
            pick = int(np.argmax(np.where(usable, values, -np.inf)))
            if values[pick] > best_value:
                best_j, best_value = int(near[pick]), float(values[pick])
        far = int(np.argmax(self.available))
        if self.available[far] > best_value and far != k:
            best_j = far
        return best_j

    def swap(self, k: int, j: int) -> None:
        """Replace ``k`` by ``j``, then update the gains of candidates sharing the changed demand."""
        model, weights, cover = self.model, self.model.weights, self.cover
        idx_k, idx_j = model.row(k), model.row(j)
        changed = np.union1d(idx_k, idx_j)
        was_open = cover[changed] == 0
        cover[idx_k] -= 1
        cover[idx_j] += 1
        delta = np.where(cover[changed] == 0, weights[changed], 0.0) - np.where(
            was_open, weights[changed], 0.0
        )
        moved = delta != 0
        if moved.any():
            self.gains += self.by_demand[changed[moved]].T @ delta[moved]
        self.selected[k] = False
        self.spacing.remove(k)
        self.selected[j] = True
        self.spacing.add(j)
        self.available = self._available_gains()


def fast_bound(model: CoverageModel, chosen, count: int, spacing: Spacing, greedy_value: float):
    """Upper bound on the optimum's new coverage (see the module docstring)."""
    covered = np.zeros(len(model.weights), dtype=bool)
    for j in chosen:
        covered[model.row(int(j))] = True
    value = float(model.weights[covered].sum())
    gains = model.matrix @ (model.weights * ~covered)
    top = np.sort(gains)[::-1][:count]
    bound, source = value + float(top.sum()), "online"
    if not spacing.active and greedy_value / GREEDY_FACTOR < bound:
        bound, source = greedy_value / GREEDY_FACTOR, "greedy"
    return bound, source


__all__ = [
    "CoverageModel",
    "SelectionResult",
    "Spacing",
    "build_coverage",
    "lazy_greedy",
    "select_locations",
]
