"""How the potential map measures "within RADIUS": in a straight line, or walking along streets.

Scoring, selection and the coverage check ask the same four questions of a distance
measure: which points lie within a radius of each query point (with the distance), the
nearest point and its distance, weighted sums within a radius, and counts within a
radius. :class:`StraightLine` answers them with KD-trees (``spatial``), :class:`Walking`
along a :class:`~.network.WalkingNetwork`, where a point off the network (farther than
``max_access`` from every street) reaches nothing and is reached by nothing.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from .network import DEFAULT_MAX_ACCESS, Attachment, WalkingNetwork
from .spatial import (
    Progress,
    counts_within,
    make_tree,
    nearest_distance,
    pairs_within,
    spatial_order,
    weighted_sums_within,
)

# consume(query_index, point_index, distance, rows): see spatial.pairs_within
Consume = Callable[[np.ndarray, np.ndarray, np.ndarray, np.ndarray], None]


class StraightLine:
    """Euclidean distance in the metric CRS (the default, and what the plugin did before walking)."""

    walking = False

    def pairs(self, query_xy, points_xy, radius: float, consume: Consume, progress: Progress | None = None):
        pairs_within(query_xy, make_tree(points_xy), radius, consume, progress)

    def nearest(self, query_xy, points_xy, max_distance: float = np.inf) -> tuple[np.ndarray, np.ndarray]:
        """Distance to the nearest point (inf beyond ``max_distance``) and its index (-1 then)."""
        tree = make_tree(points_xy)
        if tree is None or len(query_xy) == 0:
            return np.full(len(query_xy), np.inf), np.full(len(query_xy), -1, dtype=np.int64)
        distance, index = tree.query(query_xy, k=1, distance_upper_bound=max_distance, workers=-1)
        index = np.where(np.isfinite(distance), index, -1).astype(np.int64)
        return distance, index

    def nearest_distance(self, query_xy, points_xy, max_distance: float = np.inf) -> np.ndarray:
        return nearest_distance(query_xy, make_tree(points_xy), max_distance)

    def weighted_sums(self, query_xy, points_xy, radius: float, weights, progress=None) -> list[np.ndarray]:
        return weighted_sums_within(query_xy, make_tree(points_xy), radius, weights, progress)

    def counts(self, query_xy, points_xy, radius: float) -> np.ndarray:
        return counts_within(query_xy, make_tree(points_xy), radius)

    def within(self, query_xy, points_xy, radius: float) -> np.ndarray:
        """Mask of query points with a point at most ``radius`` away."""
        if len(query_xy) == 0 or len(points_xy) == 0:
            return np.zeros(len(query_xy), dtype=bool)
        # Querying in spatial order keeps the tree walk in cache: about 2x faster on
        # millions of addresses than querying in file order.
        order = spatial_order(query_xy, max(radius, 100.0))
        distance, _ = make_tree(points_xy).query(
            query_xy[order], k=1, distance_upper_bound=radius + 1e-9, workers=-1
        )
        reached = np.empty(len(query_xy), dtype=bool)
        reached[order] = np.isfinite(distance)
        return reached


class Walking:
    """Walking distance along ``network``; points join it at most ``max_access`` metres away.

    Attachments are kept per array object, so the demand attached for one question is
    not attached again for the next; :meth:`attach` also tells the glue how many points
    of a layer are off the network.
    """

    walking = True

    def __init__(self, network: WalkingNetwork, max_access: float = DEFAULT_MAX_ACCESS) -> None:
        self.network = network
        self.max_access = float(max_access)
        self._attached: dict[int, tuple[np.ndarray, Attachment]] = {}

    def attach(self, xy: np.ndarray) -> Attachment:
        kept = self._attached.get(id(xy))
        if kept is not None and kept[0] is xy:
            return kept[1]
        attachment = self.network.attach(xy, self.max_access)
        self._attached[id(xy)] = (xy, attachment)  # holding xy keeps its id from being reused
        return attachment

    def pairs(self, query_xy, points_xy, radius: float, consume: Consume, progress: Progress | None = None):
        found = self.network.pairs_within(self.attach(query_xy), self.attach(points_xy), radius, progress)
        consume(found.source.astype(np.int64), found.target.astype(np.int64), found.distance, None)

    def nearest(self, query_xy, points_xy, max_distance: float = np.inf) -> tuple[np.ndarray, np.ndarray]:
        if len(query_xy) == 0 or len(points_xy) == 0:
            return np.full(len(query_xy), np.inf), np.full(len(query_xy), -1, dtype=np.int64)
        found = self.network.nearest(self.attach(query_xy), self.attach(points_xy), max_distance)
        return found.distance, found.index

    def nearest_distance(self, query_xy, points_xy, max_distance: float = np.inf) -> np.ndarray:
        return self.nearest(query_xy, points_xy, max_distance)[0]

    def weighted_sums(self, query_xy, points_xy, radius: float, weights, progress=None) -> list[np.ndarray]:
        sums = [np.zeros(len(query_xy)) for _ in weights]
        if len(query_xy) == 0 or len(points_xy) == 0:
            return sums

        def consume(query_index, point_index, _distance, _rows):
            for total, weight in zip(sums, weights):
                total += np.bincount(query_index, weights=weight[point_index], minlength=len(query_xy))

        self.pairs(query_xy, points_xy, radius, consume, progress)
        return sums

    def counts(self, query_xy, points_xy, radius: float) -> np.ndarray:
        ones = np.ones(len(points_xy))
        return self.weighted_sums(query_xy, points_xy, radius, [ones])[0].round().astype(np.int64)

    def within(self, query_xy, points_xy, radius: float) -> np.ndarray:
        return np.isfinite(self.nearest_distance(query_xy, points_xy, radius))
