"""The maximal covering problem as a mixed-integer program, solved by HiGHS.

Two ways to reach HiGHS: the ``highspy`` package when it is installed (warm start from
the greedy answer, cancellable, and the interior-point LP relaxation used for the fast
method's bound), otherwise ``scipy.optimize.milp``, the copy of HiGHS in SciPy >= 1.9,
which every QGIS ships. The model is the same for both (docs/potential.md): a binary
x_j per useful site, a continuous y_i <= sum of the x_j covering demand i, sum x <= count,
and x_j + x_k <= 1 for every pair of sites closer than the minimum spacing.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from ..dependencies import install_command, is_installed
from ..errors import CanceledError, InputError
from .spatial import Progress

LP_BOUND_PADDING = 1e-6
EXACT_MAX_NONZEROS = 20_000_000  # beyond this the MILP alone needs several GB


@dataclass
class MilpSolution:
    chosen: np.ndarray
    value: float
    bound: float
    optimal: bool
    solver: str = ""  # "highspy" or "scipy"


@dataclass
class MilpModel:
    """The constraint matrix of the MCLP over the useful sites and merged demand."""

    useful: np.ndarray  # candidate index of each x_j
    local: np.ndarray  # candidate index -> x index, -1 when the candidate covers nothing
    matrix: sparse.csr_matrix  # candidates x merged demand
    weights: np.ndarray  # weight of each merged demand point (the y_i)
    a: sparse.csc_matrix  # rows: coverage (n_y), count (1), spacing pairs
    row_upper: np.ndarray

    @property
    def n_x(self) -> int:
        return len(self.useful)

    @property
    def n_y(self) -> int:
        return len(self.weights)

    @property
    def cost(self) -> np.ndarray:
        return np.r_[np.zeros(self.n_x), self.weights]


def highs_available() -> bool:
    """Whether highspy can be imported (the fast method then adds the LP bound, else it does without)."""
    return is_installed("highspy")


def aggregate_demand(matrix: sparse.csr_matrix, weights: np.ndarray) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Merge demand points covered by exactly the same candidates (one MILP variable each).

    Addresses of one building, or of one street segment, usually share their covering
    candidates: merging them shrinks the exact model many times without changing it.
    Sets are matched by two random-weighted sums of their members plus their size.
    """
    if matrix.shape[1] == 0:
        return matrix, weights
    by_demand = matrix.T.tocsr()
    by_demand.sort_indices()
    rng = np.random.default_rng(20240601)
    keys = np.column_stack(
        [
            by_demand @ rng.random(matrix.shape[0]),
            by_demand @ rng.random(matrix.shape[0]),
            np.diff(by_demand.indptr).astype(np.float64),
        ]
    )
    _, first, inverse = np.unique(keys, axis=0, return_index=True, return_inverse=True)
    merged = np.bincount(inverse.reshape(-1), weights=weights, minlength=len(first))
    return matrix[:, first].tocsr(), merged


def build_milp(model, count: int, spacing_pairs: np.ndarray) -> MilpModel:
    """The MILP of ``model`` (a selection CoverageModel) with ``count`` sites and spacing conflicts."""
    if model.matrix.nnz > EXACT_MAX_NONZEROS:
        raise InputError(
            "The exact method is limited to {limit:,} candidate-demand pairs "
            "within the radius (this input has {pairs:,}): use the fast method, fewer "
            "candidates or a smaller area.",
            limit=EXACT_MAX_NONZEROS,
            pairs=model.matrix.nnz,
        )
    matrix, weights = aggregate_demand(model.matrix, model.weights)
    useful = np.flatnonzero(np.diff(matrix.indptr) > 0)
    n_x, n_y = len(useful), len(weights)
    local = np.full(matrix.shape[0], -1, dtype=np.int64)
    local[useful] = np.arange(n_x)
    sub = matrix[useful].tocoo()  # x_j (row) covers y_i (col)
    pairs = np.asarray(spacing_pairs, dtype=np.int64).reshape(-1, 2)
    if len(pairs):
        pairs = local[pairs]
        pairs = pairs[(pairs >= 0).all(axis=1)]
    n_pairs = len(pairs)
    # Rows: y_i - sum_j a_ij x_j <= 0 (n_y rows), sum x_j <= count, x_j + x_k <= 1.
    row_index = np.concatenate(
        [sub.col, np.arange(n_y), np.full(n_x, n_y), n_y + 1 + np.repeat(np.arange(n_pairs), 2)]
    )
    col_index = np.concatenate([sub.row, n_x + np.arange(n_y), np.arange(n_x), pairs.reshape(-1)])
    values = np.concatenate([-np.ones(len(sub.row)), np.ones(n_y), np.ones(n_x), np.ones(2 * n_pairs)])
    a = sparse.csc_matrix((values, (row_index, col_index)), shape=(n_y + 1 + n_pairs, n_x + n_y))
    a.sort_indices()
    row_upper = np.r_[np.zeros(n_y), float(count), np.ones(n_pairs)]
    return MilpModel(useful, local, matrix, weights, a, row_upper)


def solve_milp(
    model,
    count: int,
    spacing_pairs: np.ndarray,
    time_limit: float,
    warm_start=None,
    relax: bool = False,
    progress: Progress | None = None,
) -> MilpSolution | None:
    """The MCLP as a MILP (or its LP relaxation) solved by HiGHS; None when HiGHS gives no answer.

    With highspy, ``progress`` gets the share of the time limit used, and when it returns
    False HiGHS is interrupted and :class:`CanceledError` raised. SciPy's HiGHS cannot be
    interrupted: it stops at the time limit. The relaxation needs highspy (None without).
    """
    milp = build_milp(model, count, spacing_pairs)
    if milp.n_x == 0:
        return MilpSolution(np.zeros(0, np.int64), 0.0, 0.0, True)
    if highs_available():
        return _solve_with_highspy(model, milp, time_limit, warm_start, relax, progress)
    if relax:
        return None
    return _solve_with_scipy(model, milp, time_limit)


def _solve_with_scipy(model, milp: MilpModel, time_limit: float) -> MilpSolution | None:
    try:
        from scipy.optimize import LinearConstraint
        from scipy.optimize import milp as scipy_milp
    except ImportError:  # SciPy < 1.9
        raise InputError(
            "The exact method needs SciPy 1.9 or newer, or the Python package highspy: install it with {command}",
            command=install_command("highspy"),
        ) from None
    integrality = np.r_[np.ones(milp.n_x), np.zeros(milp.n_y)]
    result = scipy_milp(
        -milp.cost,  # scipy minimises
        integrality=integrality,
        bounds=(0.0, 1.0),
        constraints=LinearConstraint(milp.a.tocsr(), -np.inf, milp.row_upper),
        options={"time_limit": float(time_limit), "disp": False},
    )
    if result.x is None:  # no feasible point found within the time limit
        return None
    chosen = milp.useful[np.asarray(result.x[: milp.n_x]) > 0.5]
    value = model.coverage(chosen)
    dual = getattr(result, "mip_dual_bound", None)
    bound = -float(dual) if dual is not None and math.isfinite(dual) else math.inf
    optimal = result.status == 0
    if optimal and not math.isfinite(bound):
        bound = value
    return MilpSolution(chosen.astype(np.int64), value, max(bound, value), optimal, "scipy")


def _highs_lp(milp: MilpModel, highspy, relax: bool):
    lp = highspy.HighsLp()
    lp.num_col_ = milp.n_x + milp.n_y
    lp.num_row_ = len(milp.row_upper)
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.col_cost_ = milp.cost
    lp.col_lower_ = np.zeros(lp.num_col_)
    lp.col_upper_ = np.ones(lp.num_col_)
    lp.row_lower_ = np.full(lp.num_row_, -highspy.kHighsInf)
    lp.row_upper_ = milp.row_upper
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = milp.a.indptr.astype(np.int32)
    lp.a_matrix_.index_ = milp.a.indices.astype(np.int32)
    lp.a_matrix_.value_ = milp.a.data
    if not relax:
        lp.integrality_ = [highspy.HighsVarType.kInteger] * milp.n_x + [
            highspy.HighsVarType.kContinuous
        ] * milp.n_y
    return lp


def _warm_start_solution(milp: MilpModel, warm_start, highspy):
    start = np.zeros(milp.n_x + milp.n_y)
    start_local = milp.local[np.asarray(warm_start, dtype=np.int64)]
    start[start_local[start_local >= 0]] = 1.0
    covered = np.zeros(milp.n_y, dtype=bool)
    for j in warm_start:
        covered[milp.matrix.indices[milp.matrix.indptr[j] : milp.matrix.indptr[j + 1]]] = True
    start[milp.n_x :] = covered
    solution = highspy.HighsSolution()
    solution.col_value = list(start)
    solution.value_valid = True
    return solution


def _solve_with_highspy(model, milp: MilpModel, time_limit, warm_start, relax, progress):
    import highspy

    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("time_limit", float(time_limit))
    highs.setOptionValue("threads", 1)
    if relax:
        # The MCLP relaxation is highly degenerate: simplex stalls for seconds where the
        # interior point method needs a fraction of one. Without crossover the objective is
        # optimal within the IPM tolerance, which the caller pads.
        highs.setOptionValue("solver", "ipm")
        highs.setOptionValue("run_crossover", "off")
    highs.passModel(_highs_lp(milp, highspy, relax))
    if warm_start is not None and not relax and len(warm_start):
        highs.setSolution(_warm_start_solution(milp, warm_start, highspy))
    cancelled = []
    if progress is not None:
        started = time.monotonic()

        def interrupt_when_cancelled(event) -> None:
            if not progress(min(1.0, (time.monotonic() - started) / time_limit)):
                cancelled.append(True)
                event.interrupt()

        if relax:
            highs.cbIpmInterrupt += interrupt_when_cancelled
        else:
            highs.cbMipInterrupt += interrupt_when_cancelled
    highs.run()
    if cancelled:
        raise CanceledError()
    return _highspy_answer(model, milp, highs, highspy, relax)


def _highspy_answer(model, milp: MilpModel, highs, highspy, relax: bool) -> MilpSolution | None:
    status = highs.getModelStatus()
    info = highs.getInfo()
    optimal = status == highspy.HighsModelStatus.kOptimal
    if relax:
        # Without crossover HiGHS reports an unknown status; accept a converged IPM answer.
        converged = optimal or (
            status == highspy.HighsModelStatus.kUnknown
            and info.max_primal_infeasibility <= 1e-6
            and info.max_dual_infeasibility <= 1e-6
        )
        if not converged:
            return None
        value = float(info.objective_function_value)
        padded = value * (1 + LP_BOUND_PADDING) + LP_BOUND_PADDING  # covers the IPM tolerance
        return MilpSolution(np.zeros(0, np.int64), value, padded, True, "highspy")
    if info.primal_solution_status == 0:  # no feasible point found
        return None
    x = np.asarray(highs.getSolution().col_value[: milp.n_x])
    chosen = milp.useful[x > 0.5]
    value = model.coverage(chosen)
    bound = float(info.mip_dual_bound) if math.isfinite(info.mip_dual_bound) else math.inf
    return MilpSolution(chosen.astype(np.int64), value, max(bound, value), optimal, "highspy")
