"""Fast neighbourhood queries shared by scoring and selection (numpy + scipy cKDTree).

Everything works on metric ``(n, 2)`` float arrays. Pair enumeration is chunked over
the query points (sorted along a grid so that each chunk is spatially compact, which
keeps the KD-tree walks cache friendly) and the chunks run on a thread pool: scipy
releases the GIL inside its tree walks, so all cores are used and memory stays bounded
by the pairs of one chunk per thread.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Iterator

import numpy as np
from scipy.spatial import cKDTree

from ..errors import CanceledError, InputError

# Query points per chunk: at city densities (a few hundred demand points within 250 m)
# one chunk yields a few million pairs, i.e. tens of MB, per thread.
CHUNK_SIZE = 20_000

Progress = Callable[[float], bool]  # called with 0..1; returns False to cancel


def as_xy(points, label: str) -> np.ndarray:
    xy = np.asarray(points, dtype=np.float64)
    if xy.size == 0:
        return xy.reshape(0, 2)
    if xy.ndim != 2 or xy.shape[1] != 2:
        raise InputError("{label}: expected an (n, 2) array of x, y coordinates.", label=label)
    if not np.all(np.isfinite(xy)):
        raise InputError("{label}: coordinates must be finite numbers.", label=label)
    return xy


def make_tree(xy: np.ndarray) -> cKDTree | None:
    # balanced_tree=False builds several times faster and queries as fast on real data.
    return cKDTree(xy, balanced_tree=False, compact_nodes=False) if len(xy) else None


def spatial_order(xy: np.ndarray, cell: float) -> np.ndarray:
    """A permutation that visits points cell by cell (rows of ``cell`` metres)."""
    if len(xy) == 0:
        return np.zeros(0, dtype=np.int64)
    cell = max(float(cell), 1.0)
    col = np.floor((xy[:, 0] - xy[:, 0].min()) / cell).astype(np.int64)
    row = np.floor((xy[:, 1] - xy[:, 1].min()) / cell).astype(np.int64)
    return np.lexsort((col, row))


def _chunks(n: int, chunk_size: int) -> Iterator[slice]:
    for start in range(0, n, chunk_size):
        yield slice(start, min(n, start + chunk_size))


def pairs_within(
    query_xy: np.ndarray,
    tree: cKDTree | None,
    radius: float,
    consume: Callable[[np.ndarray, np.ndarray, np.ndarray, np.ndarray], None],
    progress: Progress | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> None:
    """Call ``consume(query_index, tree_index, distance, chunk_rows)`` for every pair within ``radius``.

    ``query_index`` holds indices into ``query_xy``, ``tree_index`` into the tree's data.
    ``consume`` runs in the calling thread (chunk by chunk), so it may update arrays
    without locks.
    """
    n = len(query_xy)
    if n == 0 or tree is None:
        return
    order = spatial_order(query_xy, max(radius, 1.0) * 8)
    slices = list(_chunks(n, chunk_size))

    def work(part: slice):
        rows = order[part]
        chunk_tree = cKDTree(query_xy[rows], balanced_tree=False, compact_nodes=False)
        pairs = chunk_tree.sparse_distance_matrix(tree, radius, output_type="ndarray")
        return rows[pairs["i"]], pairs["j"].astype(np.int64), pairs["v"], rows

    workers = max(1, min(os.cpu_count() or 1, len(slices)))
    with ThreadPoolExecutor(workers) as pool:
        pending = []
        index = 0
        done = 0
        # Keep at most 2 chunks in flight per worker: bounded memory, busy threads.
        while index < len(slices) or pending:
            while index < len(slices) and len(pending) < 2 * workers:
                pending.append(pool.submit(work, slices[index]))
                index += 1
            query_index, tree_index, distance, rows = pending.pop(0).result()
            consume(query_index, tree_index, distance, rows)
            done += 1
            if progress is not None and not progress(done / len(slices)):
                for future in pending:
                    future.cancel()
                raise CanceledError()


def weighted_sums_within(
    query_xy: np.ndarray,
    tree: cKDTree | None,
    radius: float,
    weights: list[np.ndarray],
    progress: Progress | None = None,
) -> list[np.ndarray]:
    """For each weight vector (over the tree's points): the sum of weights within ``radius`` of each query."""
    sums = [np.zeros(len(query_xy), dtype=np.float64) for _ in weights]

    def consume(qi, ti, _d, _rows):
        for total, w in zip(sums, weights):
            total += np.bincount(qi, weights=w[ti], minlength=len(query_xy))

    pairs_within(query_xy, tree, radius, consume, progress)
    return sums


def counts_within(query_xy: np.ndarray, tree: cKDTree | None, radius: float) -> np.ndarray:
    """Number of tree points within ``radius`` (inclusive) of each query point."""
    if tree is None or len(query_xy) == 0:
        return np.zeros(len(query_xy), dtype=np.int64)
    out = np.empty(len(query_xy), dtype=np.int64)
    for part in _chunks(len(query_xy), 20 * CHUNK_SIZE):
        out[part] = tree.query_ball_point(query_xy[part], radius, return_length=True, workers=-1)
    return out


def nearest_distance(query_xy: np.ndarray, tree: cKDTree | None, upper_bound: float = np.inf) -> np.ndarray:
    """Distance to the nearest tree point (``inf`` when none within ``upper_bound`` or no tree)."""
    if tree is None or len(query_xy) == 0:
        return np.full(len(query_xy), np.inf)
    distance, _ = tree.query(query_xy, k=1, distance_upper_bound=upper_bound, workers=-1)
    return distance


def strictly_below(distance: float) -> float:
    """The largest float below ``distance``: scipy's ``<= r`` becomes ``< distance``."""
    return float(np.nextafter(distance, 0.0)) if distance > 0 else 0.0
