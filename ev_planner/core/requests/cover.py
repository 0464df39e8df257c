"""As few new sites as possible so that every request has one within the radius: a set cover.

Greedy (Chvátal 1979) picks the site that serves the most requests not yet served; ties go to
the site nearest, in total, to those requests, then to the lower index, so the result is
reproducible. Sites made redundant by later picks are dropped. The bound is the LP
relaxation, rounded up: no selection can use fewer sites. Where greedy's count exceeds that
bound and the instance is small, the exact integer program (SciPy's HiGHS) closes the gap.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import LinearConstraint, linprog, milp
from scipy.spatial import cKDTree

from ..potential.distance import StraightLine, Walking

EXACT_MAX_PAIRS = 200_000  # solve the integer program up to this many (site, request) pairs
EXACT_TIME_LIMIT = 10.0  # s


@dataclass
class SiteCover:
    chosen: np.ndarray  # site indices, in the order they serve the most requests
    assignment: np.ndarray  # per request: position in ``chosen`` of its site, -1 when no site reaches it
    distance: np.ndarray  # per request: the distance to that site (inf when none)
    lower_bound: int  # no selection serving every reachable request uses fewer sites
    optimal: bool  # len(chosen) == lower_bound, or proven by the integer program


def cover_requests(
    request_xy: np.ndarray, site_xy: np.ndarray, measure: StraightLine | Walking, radius: float
) -> SiteCover:
    matrix, distances = _coverage(request_xy, site_xy, measure, radius)
    reachable = np.asarray(matrix.sum(axis=0)).ravel() > 0
    chosen = _greedy(matrix, distances, reachable)
    chosen = _drop_redundant(matrix, chosen)
    lower = _lp_bound(matrix, reachable)
    optimal = len(chosen) <= lower
    if not optimal and matrix.nnz <= EXACT_MAX_PAIRS:
        exact, proven = _exact(matrix, reachable)
        if exact is not None and len(exact) < len(chosen):
            chosen = exact
        optimal = proven
        lower = len(chosen) if proven else lower
    ordered = _by_requests_served(matrix, chosen)
    assignment, distance = _assign(matrix, distances, ordered, len(request_xy))
    return SiteCover(ordered, assignment, distance, int(lower), bool(optimal))


def sites_on_network(request_xy: np.ndarray, measure: StraightLine | Walking, radius: float) -> np.ndarray:
    """Possible sites when no candidates are given: where each request meets the street, and every
    junction or street vertex within the radius of a request (in a straight line, the requests)."""
    if not isinstance(measure, Walking) or len(request_xy) == 0:
        return np.asarray(request_xy, dtype=np.float64).reshape(-1, 2)
    network = measure.network
    attachment = measure.attach(request_xy)
    on = attachment.on_network
    u, v = network.node_xy[attachment.node_u[on]], network.node_xy[attachment.node_v[on]]
    kerb = u + attachment.fraction[on, None] * (v - u)
    nearby = cKDTree(network.node_xy).query_ball_point(request_xy[on], radius) if on.any() else []
    nodes = np.unique(
        np.concatenate([np.asarray(n, dtype=np.int64) for n in nearby] or [np.zeros(0, np.int64)])
    )
    return np.vstack([kerb, network.node_xy[nodes]])


def _coverage(request_xy, site_xy, measure, radius) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    rows, cols, values = [], [], []

    def consume(site_index, request_index, distance, _rows):
        rows.append(np.asarray(site_index, dtype=np.int64))
        cols.append(np.asarray(request_index, dtype=np.int64))
        values.append(np.asarray(distance, dtype=np.float64))

    if len(site_xy) and len(request_xy):
        measure.pairs(site_xy, request_xy, radius, consume)
    row = np.concatenate(rows) if rows else np.zeros(0, np.int64)
    col = np.concatenate(cols) if cols else np.zeros(0, np.int64)
    value = np.concatenate(values) if values else np.zeros(0)
    shape = (len(site_xy), len(request_xy))
    # A distance of exactly 0 must stay a stored entry: keep it as a tiny positive number.
    distances = sparse.csr_matrix((np.maximum(value, 1e-12), (row, col)), shape=shape)
    matrix = sparse.csr_matrix((np.ones(len(row)), (row, col)), shape=shape)
    matrix.sum_duplicates()
    matrix.data[:] = 1.0
    return matrix, distances


def _greedy(matrix: sparse.csr_matrix, distances: sparse.csr_matrix, reachable: np.ndarray) -> list[int]:
    """Lazy greedy: stale gains are re-evaluated only when they reach the top of the heap."""
    served = ~reachable  # unreachable requests need no site
    heap = []
    for site in range(matrix.shape[0]):
        members = matrix.indices[matrix.indptr[site] : matrix.indptr[site + 1]]
        if len(members):
            heap.append((-len(members), float(distances[site].sum()), site))
    heapq.heapify(heap)
    chosen = []
    while heap and not served.all():
        _, _, site = heapq.heappop(heap)
        members = matrix.indices[matrix.indptr[site] : matrix.indptr[site + 1]]
        fresh = members[~served[members]]
        if not len(fresh):
            continue
        row = distances[site]
        key = (-len(fresh), float(row[0, fresh].sum()), site)
        if heap and key > heap[0]:
            heapq.heappush(heap, key)  # someone else may now serve more
            continue
        chosen.append(site)
        served[fresh] = True
    return chosen


def _drop_redundant(matrix: sparse.csr_matrix, chosen: list[int]) -> list[int]:
    """Remove, last picked first, a site whose requests all have another chosen site."""
    kept = list(chosen)
    counts = np.asarray(matrix[kept].sum(axis=0)).ravel() if kept else np.zeros(matrix.shape[1])
    for site in reversed(chosen):
        members = matrix.indices[matrix.indptr[site] : matrix.indptr[site + 1]]
        if len(members) and np.all(counts[members] >= 2):
            kept.remove(site)
            counts[members] -= 1
    return kept


def _lp_bound(matrix: sparse.csr_matrix, reachable: np.ndarray) -> int:
    """ceil of the LP relaxation min sum x, A^T x >= 1 over the reachable requests."""
    if not reachable.any():
        return 0
    cover = matrix[:, np.flatnonzero(reachable)].T.tocsr()
    result = linprog(
        np.ones(matrix.shape[0]), A_ub=-cover, b_ub=-np.ones(cover.shape[0]), bounds=(0, 1), method="highs"
    )
    if result.status != 0:
        return 1
    return max(1, math.ceil(result.fun - 1e-6))


def _exact(matrix: sparse.csr_matrix, reachable: np.ndarray) -> tuple[list[int] | None, bool]:
    cover = matrix[:, np.flatnonzero(reachable)].T.tocsr()
    result = milp(
        np.ones(matrix.shape[0]),
        integrality=np.ones(matrix.shape[0]),
        bounds=(0, 1),
        constraints=LinearConstraint(cover, lb=np.ones(cover.shape[0]), ub=np.inf),
        options={"time_limit": EXACT_TIME_LIMIT, "disp": False},
    )
    if result.x is None:
        return None, False
    return np.flatnonzero(result.x > 0.5).tolist(), result.status == 0


def _by_requests_served(matrix: sparse.csr_matrix, chosen: list[int]) -> np.ndarray:
    served = np.asarray(matrix[chosen].sum(axis=1)).ravel() if chosen else np.zeros(0)
    order = np.lexsort((np.asarray(chosen), -served)) if chosen else np.zeros(0, np.int64)
    return np.asarray(chosen, dtype=np.int64)[order]


def _assign(matrix, distances, chosen: np.ndarray, n_requests: int) -> tuple[np.ndarray, np.ndarray]:
    """Each request to its nearest chosen site (the first in ``chosen`` order on a tie)."""
    assignment = np.full(n_requests, -1, dtype=np.int64)
    best = np.full(n_requests, np.inf)
    for position, site in enumerate(chosen.tolist()):
        row = distances[site]
        requests, walk = row.indices, row.data
        better = walk < best[requests]
        assignment[requests[better]] = position
        best[requests[better]] = walk[better]
    best[best <= 1e-12] = 0.0
    return assignment, best
