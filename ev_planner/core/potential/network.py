"""Walking distances along a street network (QGIS-free: numpy + scipy).

Policy rules such as "no public charge point within 250 m walking" are measured along
streets, not as the crow flies. :class:`WalkingNetwork` is the shared engine:

- **Graph.** Lines (OSM ways, NWB segments) are sequences of vertices in a metric CRS.
  Lines connect only where they share a vertex (coordinates equal to the millimetre), so
  a bridge over a street without a common vertex does not connect to it. Every segment
  between consecutive vertices is an undirected edge weighted by its length.
- **Attachment.** A point joins the network at its orthogonal projection onto the nearest
  segment (clamped to the segment's ends, not snapped to a vertex). The straight access
  distance counts as walking at both ends of a walk. Points farther than ``max_access``
  from every segment are off the network: never reachable, never covered.
- **Walking distance** from point s to point t is the shortest of
  ``access_s + along-segment to an end node + network path + along-segment + access_t``
  and, when both lie on the same segment, ``access_s + |pos_s - pos_t| + access_t``.

Queries: :meth:`WalkingNetwork.nearest` (one multi-source Dijkstra from all targets) and
:meth:`WalkingNetwork.pairs_within` (all pairs within a radius, tile by tile on small
subgraphs). Both are exact up to floating-point rounding; the arguments are in the
comments next to the code that relies on them.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import Iterable, NamedTuple

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components, dijkstra
from scipy.spatial import cKDTree

from ..errors import CanceledError, InputError
from .spatial import Progress, as_xy, spatial_order

DEFAULT_MAX_ACCESS = 100.0  # m from a point to the nearest street before it counts as off the network
VERTEX_KEYS_PER_METRE = 1000.0  # vertices equal to the millimetre are one node
# Segments are cut into pieces of at most this length for the nearest-segment search: the
# search radius grows with half the longest piece (see _nearest_segments).
PIECE_LENGTH = 20.0
FIRST_NEIGHBOURS = 8  # pieces fetched per point in the first nearest-segment round
ATTACH_CHUNK = 100_000  # points per nearest-segment round: bounds the (points x neighbours) arrays
ATTACH_CELL = 1_000.0  # m, rows of the spatial order in which points are attached
TILE_FACTOR = 4.0  # tile side in pairs_within, as a multiple of the radius
MAX_TILE_ROWS = 2_000  # sources per Dijkstra batch at most
MATRIX_BUDGET = 8_000_000  # entries of one batch's (sources x subgraph nodes) distance matrix (64 MB)
SLACK = 1e-6  # m added to search bounds so that rounding never drops a pair; results are filtered exactly
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Attachment:
    """Where each point joins a :class:`WalkingNetwork` (one entry per point).

    ``fraction`` runs from ``node_u`` (0) to ``node_v`` (1) along ``segment``; ``offset_u``
    and ``offset_v`` are the metres along the segment from the projection to each end node.
    Off-network points have segment and node ids -1 and infinite access and offsets.
    """

    xy: np.ndarray
    segment: np.ndarray
    fraction: np.ndarray
    access: np.ndarray
    node_u: np.ndarray
    node_v: np.ndarray
    offset_u: np.ndarray
    offset_v: np.ndarray
    on_network: np.ndarray
    max_access: float
    network_shape: tuple  # (node count, segment count) of the network it belongs to

    def __len__(self) -> int:
        return len(self.segment)

    @property
    def off_network_count(self) -> int:
        return int(len(self) - np.count_nonzero(self.on_network))


class Nearest(NamedTuple):
    distance: np.ndarray  # walking metres to the nearest target; inf when none within the limit
    index: np.ndarray  # that target's index; -1 when none


class WalkPairs(NamedTuple):
    source: np.ndarray  # source point indices
    target: np.ndarray  # target point indices
    distance: np.ndarray  # walking metres


class ComponentWeights(NamedTuple):
    total: float  # weight of all points
    off_network: float  # weight of points farther than max_access from every street
    largest_component: float  # weight attached to the largest component (by street length)
    other_components: float  # weight attached to any other component

    @property
    def other_components_share(self) -> float:
        """Share (0..1) of all weight that is attached to a component other than the largest."""
        return self.other_components / self.total if self.total > 0 else 0.0


class WalkingNetwork:
    """An undirected street graph: ``node_xy`` plus segments ``(segment_u, segment_v)``.

    The constructor normalises its input: segments joining a node to itself are dropped
    (counted in ``skipped_segments``), repeated segments are kept once (counted in
    ``duplicate_segments``) and nodes without segments are removed. Build from geometry
    with :meth:`from_lines` or :meth:`from_vertex_runs`.
    """

    def __init__(
        self,
        node_xy,
        segment_nodes,
        *,
        skipped_lines: int = 0,
        skipped_segments: int = 0,
        duplicate_segments: int = 0,
        piece_length: float = PIECE_LENGTH,
    ) -> None:
        node_xy = np.asarray(node_xy, dtype=np.float64).reshape(-1, 2)
        segment_nodes = np.asarray(segment_nodes, dtype=np.int64).reshape(-1, 2)
        if segment_nodes.size and (segment_nodes.min() < 0 or segment_nodes.max() >= len(node_xy)):
            raise ValueError("segment node ids must index node_xy")
        if not piece_length > 0:
            raise ValueError("piece_length must be positive")
        loops = segment_nodes[:, 0] == segment_nodes[:, 1]
        low, high, duplicates = _unique_segments(segment_nodes[~loops])
        used, renumbered = np.unique(np.concatenate([low, high]), return_inverse=True)
        renumbered = renumbered.reshape(-1)  # numpy 2.0.0 returned the input's shape
        self.node_xy = np.ascontiguousarray(node_xy[used])
        self.segment_u = renumbered[: len(low)]
        self.segment_v = renumbered[len(low) :]
        delta = self.node_xy[self.segment_v] - self.node_xy[self.segment_u]
        self.segment_length = np.hypot(delta[:, 0], delta[:, 1])
        self.skipped_lines = int(skipped_lines)
        self.skipped_segments = int(skipped_segments) + int(np.count_nonzero(loops))
        self.duplicate_segments = int(duplicate_segments) + duplicates
        self.piece_length = float(piece_length)
        self._graph: csr_matrix | None = None
        self._labels: np.ndarray | None = None
        self._pieces: tuple[cKDTree, np.ndarray, float] | None = None

    # -- building ---------------------------------------------------------------------------

    @classmethod
    def from_lines(
        cls, lines: Iterable, progress: Progress | None = None, label: str = "Street network"
    ) -> WalkingNetwork:
        """A network from line geometries: each a ``(k, 2)`` array of vertices in metres."""
        arrays = [_line_array(line, label, index) for index, line in enumerate(lines)]
        counts = np.array([len(array) for array in arrays], dtype=np.int64)
        vertices = np.concatenate(arrays) if arrays else np.zeros((0, 2))
        return cls.from_vertex_runs(vertices, counts, progress, label)

    @classmethod
    def from_vertex_runs(
        cls, vertices, counts, progress: Progress | None = None, label: str = "Street network"
    ) -> WalkingNetwork:
        """A network from all lines' vertices in one ``(n, 2)`` array; line i has ``counts[i]`` of them."""
        vertices = as_xy(vertices, label)
        counts = np.asarray(counts, dtype=np.int64).reshape(-1)
        if np.any(counts < 0) or counts.sum() != len(vertices):
            raise ValueError("counts must be non-negative and add up to the number of vertices")
        _report(progress, 0.1)
        long_enough = counts >= 2
        vertices = vertices[np.repeat(long_enough, counts)]
        counts = counts[long_enough]
        node_of_vertex, node_xy = _merge_vertices(vertices)
        _report(progress, 0.5)
        # A segment starts at every vertex except the last one of its line.
        starts = np.ones(len(vertices), dtype=bool)
        starts[np.cumsum(counts) - 1] = False
        starts = np.flatnonzero(starts)
        segments = np.column_stack([node_of_vertex[starts], node_of_vertex[starts + 1]])
        network = cls(node_xy, segments, skipped_lines=int(np.count_nonzero(~long_enough)))
        _report(progress, 1.0)
        return network

    # -- persistence ------------------------------------------------------------------------

    def save(self, path) -> None:
        """Write the network to an ``.npz`` file (exactly at ``path``; no suffix is added)."""
        with open(path, "wb") as file:
            np.savez(
                file,
                format_version=np.int64(FORMAT_VERSION),
                node_xy=self.node_xy,
                segment_nodes=np.column_stack([self.segment_u, self.segment_v]),
                counts=np.array([self.skipped_lines, self.skipped_segments, self.duplicate_segments]),
            )

    @classmethod
    def load(cls, path) -> WalkingNetwork:
        """Read a network written by :meth:`save`."""
        try:
            with np.load(path, allow_pickle=False) as data:
                version = int(data["format_version"])
                if version != FORMAT_VERSION:
                    raise InputError(
                        "The walking network file {path} was written by another version of EV Planner. "
                        "Delete it so that the network is built again.",
                        path=str(path),
                    )
                skipped_lines, skipped_segments, duplicates = (int(c) for c in data["counts"])
                return cls(
                    data["node_xy"],
                    data["segment_nodes"],
                    skipped_lines=skipped_lines,
                    skipped_segments=skipped_segments,
                    duplicate_segments=duplicates,
                )
        except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile) as exc:
            raise InputError(
                "The walking network file {path} cannot be read ({error}). "
                "Delete it so that the network is built again.",
                path=str(path),
                error=str(exc),
            ) from exc

    # -- structure --------------------------------------------------------------------------

    @property
    def node_count(self) -> int:
        return len(self.node_xy)

    @property
    def segment_count(self) -> int:
        return len(self.segment_u)

    edge_count = segment_count

    @property
    def component_labels(self) -> np.ndarray:
        """Connected component of every node (0 .. component_count - 1)."""
        if self._labels is None:
            _, self._labels = connected_components(self._base_graph(), directed=False)
        return self._labels

    @property
    def component_count(self) -> int:
        return int(self.component_labels.max()) + 1 if self.node_count else 0

    @property
    def largest_component(self) -> int:
        """Label of the component with the most street length (-1 for an empty network)."""
        if not self.segment_count:
            return -1
        length = np.bincount(self.component_labels[self.segment_u], weights=self.segment_length)
        return int(np.argmax(length))

    def component_weights(self, attachment: Attachment, weights=None) -> ComponentWeights:
        """How the points' weight (default 1 each) splits over off-network, the largest and other components."""
        self._check(attachment)
        weights = _weights(weights, len(attachment))
        on = attachment.on_network
        in_largest = np.zeros(len(attachment), dtype=bool)
        in_largest[on] = self.component_labels[attachment.node_u[on]] == self.largest_component
        return ComponentWeights(
            total=float(weights.sum()),
            off_network=float(weights[~on].sum()),
            largest_component=float(weights[in_largest].sum()),
            other_components=float(weights[on & ~in_largest].sum()),
        )

    def _base_graph(self) -> csr_matrix:
        if self._graph is None:
            rows, cols, lengths = self._edge_lists()
            size = self.node_count
            self._graph = csr_matrix((lengths, (rows, cols)), shape=(size, size))
        return self._graph

    def _edge_lists(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Both directions of every segment (segments are unique, so no entry is summed twice)."""
        rows = np.concatenate([self.segment_u, self.segment_v])
        cols = np.concatenate([self.segment_v, self.segment_u])
        return rows, cols, np.concatenate([self.segment_length, self.segment_length])

    def _check(self, attachment: Attachment) -> None:
        if attachment.network_shape != (self.node_count, self.segment_count):
            raise ValueError("the attachment was made on another network")

    # -- attaching points -------------------------------------------------------------------

    def attach(self, xy, max_access: float = DEFAULT_MAX_ACCESS, label: str = "Points") -> Attachment:
        """Join points (an ``(n, 2)`` array in metres) to the network at the nearest segment."""
        points = as_xy(xy, label)
        max_access = _distance_parameter(max_access, "max_access")
        segment = np.full(len(points), -1, dtype=np.int64)
        access = np.full(len(points), np.inf)
        if self.segment_count:
            # Spatially sorted queries walk the KD-tree with far fewer cache misses (about 2x faster).
            order = spatial_order(points, ATTACH_CELL)
            for start in range(0, len(points), ATTACH_CHUNK):
                part = order[start : start + ATTACH_CHUNK]
                segment[part], access[part] = self._nearest_segments(points[part], max_access)
        on = segment >= 0
        fraction = np.full(len(points), np.nan)
        fraction[on], _ = self._project(points[on], segment[on])
        node_u = np.full(len(points), -1, dtype=np.int64)
        node_u[on] = self.segment_u[segment[on]]
        node_v = np.full(len(points), -1, dtype=np.int64)
        node_v[on] = self.segment_v[segment[on]]
        offset_u = np.full(len(points), np.inf)
        offset_u[on] = fraction[on] * self.segment_length[segment[on]]
        # offset_u <= length because fraction <= 1 and rounding is monotone: no offset is negative.
        offset_v = np.full(len(points), np.inf)
        offset_v[on] = self.segment_length[segment[on]] - offset_u[on]
        return Attachment(
            xy=points,
            segment=segment,
            fraction=fraction,
            access=access,
            node_u=node_u,
            node_v=node_v,
            offset_u=offset_u,
            offset_v=offset_v,
            on_network=on,
            max_access=max_access,
            network_shape=(self.node_count, self.segment_count),
        )

    def _nearest_segments(self, points: np.ndarray, max_access: float) -> tuple[np.ndarray, np.ndarray]:
        """The exact nearest segment of each point and its distance; -1 / inf beyond ``max_access``.

        The KD-tree holds the midpoints of segment pieces no longer than ``2 * half``. The
        nearest point x of any segment s lies in one of its pieces, whose midpoint m is within
        ``half`` of x, so ``|p - m| <= d(p, s) + half``. Having fetched the k nearest pieces
        (the k-th at distance ``d_k``), every piece not fetched has ``|p - m| >= d_k``; a
        segment nearer than the best fetched one (distance ``best``) would have a piece with
        ``|p - m| < best + half``. So the answer is exact once ``d_k > best + half``, or when
        fewer than k pieces lie within ``max_access + half`` (then every piece of every
        segment within ``max_access`` was fetched). Points that fail ask for 4x more pieces.
        """
        tree, piece_segment, half = self._piece_index()
        pieces = len(piece_segment)
        bound = max_access + half + SLACK
        best_segment = np.full(len(points), -1, dtype=np.int64)
        best_distance = np.full(len(points), np.inf)
        pending = np.arange(len(points))
        k = min(FIRST_NEIGHBOURS, pieces)
        while len(pending):
            mid_distance, piece = tree.query(points[pending], k=k, distance_upper_bound=bound, workers=-1)
            mid_distance = mid_distance.reshape(len(pending), k)
            piece = piece.reshape(len(pending), k)
            found = piece < pieces
            candidate = piece_segment[np.where(found, piece, 0)]
            _, distance = self._project(points[pending, None, :], candidate)
            distance[~found] = np.inf
            pick = np.argmin(distance, axis=1)
            rows = np.arange(len(pending))
            nearest, distance = candidate[rows, pick], distance[rows, pick]
            needed = np.minimum(distance, max_access) + half + SLACK
            settled = (k >= pieces) | ~found[:, -1] | (mid_distance[:, -1] > needed)
            within = settled & (distance <= max_access)
            best_segment[pending[within]] = nearest[within]
            best_distance[pending[within]] = distance[within]
            pending = pending[~settled]
            k = min(4 * k, pieces)
        return best_segment, best_distance

    def _project(self, points: np.ndarray, segment: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Fraction along and distance to ``segment`` of each point (broadcasting ``points``)."""
        start = self.node_xy[self.segment_u[segment]]
        along = self.node_xy[self.segment_v[segment]] - start
        offset = points - start
        squared = np.einsum("...i,...i->...", along, along)
        fraction = np.clip(np.einsum("...i,...i->...", offset, along) / squared, 0.0, 1.0)
        gap = offset - fraction[..., None] * along
        return fraction, np.hypot(gap[..., 0], gap[..., 1])

    def _piece_index(self) -> tuple[cKDTree, np.ndarray, float]:
        """KD-tree over piece midpoints, the segment of each piece and half the longest piece."""
        if self._pieces is None:
            count = np.maximum(1, np.ceil(self.segment_length / self.piece_length)).astype(np.int64)
            segment = np.repeat(np.arange(self.segment_count), count)
            first = np.cumsum(count) - count
            fraction = (np.arange(len(segment)) - first[segment] + 0.5) / count[segment]
            start = self.node_xy[self.segment_u[segment]]
            along = self.node_xy[self.segment_v[segment]] - start
            midpoints = start + fraction[:, None] * along
            half = float(np.max(self.segment_length / count)) / 2.0 if len(count) else 0.0
            tree = cKDTree(midpoints, balanced_tree=False, compact_nodes=False)
            self._pieces = (tree, segment, half)
        return self._pieces

    def _segments_in_box(self, low: np.ndarray, high: np.ndarray) -> np.ndarray:
        """Every segment that may meet the box [low, high] (a superset: bounding boxes overlap)."""
        tree, piece_segment, half = self._piece_index()
        # A segment point inside the box is within half a piece of that piece's midpoint.
        centre = (low + high) / 2.0
        reach = float(np.hypot(*(high - low))) / 2.0 + half + SLACK
        pieces = np.asarray(tree.query_ball_point(centre, reach), dtype=np.int64)
        segments = np.unique(piece_segment[pieces])
        start = self.node_xy[self.segment_u[segments]]
        end = self.node_xy[self.segment_v[segments]]
        overlaps = np.all(np.minimum(start, end) <= high, axis=1) & np.all(
            np.maximum(start, end) >= low, axis=1
        )
        return segments[overlaps]

    # -- queries ----------------------------------------------------------------------------

    def nearest(self, source: Attachment, target: Attachment, max_distance: float) -> Nearest:
        """For every source point: the walking distance to the nearest target and its index.

        One multi-source Dijkstra from all targets at once. The graph is refined at the
        targets: each target's projection becomes a node splitting its segment, and a
        virtual node (the Dijkstra source) joins it with the access distance. A source on
        segment g then leaves by the chain point just before or just after it on g (an
        end node or a target's projection), which covers the same-segment case exactly.
        """
        self._check(source)
        self._check(target)
        limit = _distance_parameter(max_distance, "max_distance")
        distance = np.full(len(source), np.inf)
        index = np.full(len(source), -1, dtype=np.int64)
        targets = np.flatnonzero(target.on_network & (target.access <= limit))
        sources = np.flatnonzero(source.on_network & (source.access <= limit))
        if not len(targets) or not len(sources):
            return Nearest(distance, index)
        targets = targets[np.lexsort((target.offset_u[targets], target.segment[targets]))]
        graph, virtual = self._graph_with_targets(target, targets)
        node_distance, _, origin = dijkstra(
            graph,
            directed=True,
            indices=virtual,
            min_only=True,
            return_predecessors=True,
            limit=limit + SLACK,
        )
        before, before_gap, after, after_gap = self._chain_neighbours(source, sources, target, targets)
        via_before = node_distance[before] + before_gap
        via_after = node_distance[after] + after_gap
        use_after = via_after < via_before
        walk = np.where(use_after, via_after, via_before) + source.access[sources]
        exit_node = np.where(use_after, after, before)
        reached = np.isfinite(walk) & (walk <= limit)  # limit may be inf
        distance[sources[reached]] = walk[reached]
        index[sources[reached]] = targets[origin[exit_node[reached]] - virtual[0]]
        return Nearest(distance, index)

    def share_within(self, demand: Attachment, points: Attachment, radius: float, weights=None) -> float:
        """Share (0..1) of the demand weight with a point within ``radius`` walking."""
        weights = _weights(weights, len(demand))
        total = float(weights.sum())
        if total <= 0:
            return 0.0
        distance, _ = self.nearest(demand, points, radius)
        return float(weights[np.isfinite(distance)].sum()) / total  # nearest() already applied the radius

    def _graph_with_targets(self, target: Attachment, targets: np.ndarray) -> tuple[csr_matrix, np.ndarray]:
        """The graph plus, for the sorted ``targets``: projection nodes and virtual nodes.

        Nodes ``n .. n+k-1`` are the projections (in ``targets`` order), ``n+k .. n+2k-1``
        the virtual nodes. Along each segment holding targets the chain ``u -> p1 -> ... ->
        v`` is added next to the original edge (which has the chain's total length, so it
        changes nothing). Virtual edges point one way, so no walk passes through them.
        """
        n, k = self.node_count, len(targets)
        segment = target.segment[targets]
        position = target.offset_u[targets]
        projection = n + np.arange(k)
        first = np.ones(k, dtype=bool)
        first[1:] = segment[1:] != segment[:-1]
        last = np.ones(k, dtype=bool)
        last[:-1] = first[1:]
        before = np.where(first, target.node_u[targets], projection - 1)
        before_position = np.where(first, 0.0, np.concatenate([[0.0], position[:-1]]))
        chain_from = np.concatenate([before, projection[last]])
        chain_to = np.concatenate([projection, target.node_v[targets][last]])
        chain_length = np.concatenate([position - before_position, target.offset_v[targets][last]])
        virtual = n + k + np.arange(k)
        rows, cols, lengths = self._edge_lists()
        rows = np.concatenate([rows, chain_from, chain_to, virtual])
        cols = np.concatenate([cols, chain_to, chain_from, projection])
        lengths = np.concatenate([lengths, chain_length, chain_length, target.access[targets]])
        graph = csr_matrix((lengths, (rows, cols)), shape=(n + 2 * k, n + 2 * k))
        return graph, virtual

    def _chain_neighbours(
        self, source: Attachment, sources: np.ndarray, target: Attachment, targets: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """For each source: the chain nodes just before and after it on its segment and the gaps.

        Sources and (sorted) targets are merged in (segment, position) order, targets first
        on ties; a running max / min of target positions finds each source's neighbours.
        """
        k, m = len(targets), len(sources)
        segment = np.concatenate([target.segment[targets], source.segment[sources]])
        position = np.concatenate([target.offset_u[targets], source.offset_u[sources]])
        is_source = np.concatenate([np.zeros(k, dtype=bool), np.ones(m, dtype=bool)])
        order = np.lexsort((is_source, position, segment))
        at = np.arange(k + m)
        target_at = ~is_source[order]
        last_target = np.maximum.accumulate(np.where(target_at, at, -1))
        next_target = np.minimum.accumulate(np.where(target_at, at, k + m)[::-1])[::-1]
        sorted_place = np.empty(k + m, dtype=np.int64)
        sorted_place[order] = at
        place = sorted_place[k:]
        own_segment, own_position = source.segment[sources], source.offset_u[sources]
        # order[...] maps a sorted position back to an element; elements < k are target ranks.
        before = np.where(last_target[place] >= 0, order[np.maximum(last_target[place], 0)], -1)
        before[(before >= 0) & (segment[np.maximum(before, 0)] != own_segment)] = -1
        after = np.where(next_target[place] < k + m, order[np.minimum(next_target[place], k + m - 1)], -1)
        after[(after >= 0) & (segment[np.maximum(after, 0)] != own_segment)] = -1
        n = self.node_count
        before_node = np.where(before >= 0, n + before, source.node_u[sources])
        before_gap = own_position - np.where(before >= 0, position[np.maximum(before, 0)], 0.0)
        after_node = np.where(after >= 0, n + after, source.node_v[sources])
        after_gap = np.where(
            after >= 0, position[np.maximum(after, 0)] - own_position, source.offset_v[sources]
        )
        return before_node, before_gap, after_node, after_gap

    def pairs_within(
        self, source: Attachment, target: Attachment, radius: float, progress: Progress | None = None
    ) -> WalkPairs:
        """Every (source, target) pair with walking distance <= ``radius`` and that distance.

        Sources are processed in square tiles. A walk of length <= radius never leaves the
        disk of that radius around its source (each point of it is at least as far along
        the walk as in a straight line), so the segments meeting the tile's sources'
        bounding box expanded by the radius carry every such walk: Dijkstra on that small
        subgraph (limited to the radius) gives the exact distances. Targets are prefiltered
        by straight distance <= radius, which never exceeds the walking distance.
        Indices are int32 (int64 beyond 2**31 points); memory is bounded per tile.
        """
        self._check(source)
        self._check(target)
        radius = _distance_parameter(radius, "radius")
        if radius == np.inf:
            raise InputError("The walking radius must be a finite number of metres.")
        sources = np.flatnonzero(source.on_network & (source.access <= radius))
        targets = np.flatnonzero(target.on_network & (target.access <= radius))
        parts: list[WalkPairs] = []
        if len(sources) and len(targets):
            query = _PairQuery(
                source,
                target,
                targets,
                cKDTree(target.xy[targets], balanced_tree=False, compact_nodes=False),
                radius,
                np.full(self.node_count, -1, dtype=np.int64),
            )
            done = 0
            for tile in _tiles(source.xy[sources], max(radius, 1.0) * TILE_FACTOR):
                parts.extend(self._tile_pairs(query, sources[tile]))
                done += len(tile)
                if progress is not None and not progress(done / len(sources)):
                    raise CanceledError()
        index_type = np.int32 if max(len(source), len(target)) < 2**31 else np.int64
        return WalkPairs(
            np.concatenate([np.zeros(0, index_type)] + [p.source.astype(index_type) for p in parts]),
            np.concatenate([np.zeros(0, index_type)] + [p.target.astype(index_type) for p in parts]),
            np.concatenate([np.zeros(0)] + [p.distance for p in parts]),
        )

    def _tile_pairs(self, query: _PairQuery, rows: np.ndarray) -> list[WalkPairs]:
        """The pairs of the sources ``rows`` of one tile, in batches that bound the distance matrix."""
        xy = query.source.xy[rows]
        box_low = xy.min(axis=0) - query.radius - SLACK
        box_high = xy.max(axis=0) + query.radius + SLACK
        segments = np.union1d(self._segments_in_box(box_low, box_high), query.source.segment[rows])
        nodes = np.unique(np.concatenate([self.segment_u[segments], self.segment_v[segments]]))
        local = query.local
        local[nodes] = np.arange(len(nodes))
        subgraph = _Subgraph(
            local[self.segment_u[segments]],
            local[self.segment_v[segments]],
            self.segment_length[segments],
            len(nodes),
        )
        batch = int(min(MAX_TILE_ROWS, max(1, MATRIX_BUDGET // (len(nodes) + len(rows) + 1))))
        try:
            return [
                _batch_pairs(query, rows[start : start + batch], subgraph)
                for start in range(0, len(rows), batch)
            ]
        finally:
            local[nodes] = -1


class _PairQuery(NamedTuple):
    """What every tile of one pairs_within call shares."""

    source: Attachment
    target: Attachment
    targets: np.ndarray  # the target indices that can be reached at all
    target_tree: cKDTree  # over target.xy[targets]
    radius: float
    local: np.ndarray  # scratch: network node id -> subgraph node id, -1 outside the current tile


class _Subgraph(NamedTuple):
    """The segments of one tile in subgraph node ids (0 .. node_count - 1)."""

    u: np.ndarray
    v: np.ndarray
    length: np.ndarray
    node_count: int


def _batch_pairs(query: _PairQuery, rows: np.ndarray, subgraph: _Subgraph) -> WalkPairs:
    """The pairs within the radius of the sources ``rows`` (one Dijkstra on the tile's subgraph)."""
    source, target, local = query.source, query.target, query.local
    reach = _subgraph_distances(query, rows, subgraph)
    close = cKDTree(source.xy[rows], balanced_tree=False, compact_nodes=False).sparse_distance_matrix(
        query.target_tree, query.radius + SLACK, output_type="ndarray"
    )
    row, other = close["i"].astype(np.int64), query.targets[close["j"]]
    # local[...] is -1 for nodes outside the subgraph, which picks reach's last column: inf.
    via_u = reach[row, local[target.node_u[other]]] + target.offset_u[other]
    via_v = reach[row, local[target.node_v[other]]] + target.offset_v[other]
    walk = np.minimum(via_u, via_v) + target.access[other]
    mine = rows[row]
    same = source.segment[mine] == target.segment[other]
    direct = source.access[mine[same]] + np.abs(source.offset_u[mine[same]] - target.offset_u[other[same]])
    walk[same] = np.minimum(walk[same], direct + target.access[other[same]])
    keep = walk <= query.radius
    return WalkPairs(mine[keep], other[keep], walk[keep])


def _subgraph_distances(query: _PairQuery, rows: np.ndarray, subgraph: _Subgraph) -> np.ndarray:
    """Walking metres from each source in ``rows`` to each subgraph node, plus a last column of inf.

    Each source is a virtual node with one-way edges to its segment's end nodes weighted by
    access + offset, so no walk passes through another source.
    """
    source, local = query.source, query.local
    nodes = subgraph.node_count
    virtual = nodes + np.arange(len(rows))
    graph_rows = np.concatenate([subgraph.u, subgraph.v, virtual, virtual])
    graph_cols = np.concatenate(
        [subgraph.v, subgraph.u, local[source.node_u[rows]], local[source.node_v[rows]]]
    )
    access = source.access[rows]
    lengths = np.concatenate(
        [subgraph.length, subgraph.length, access + source.offset_u[rows], access + source.offset_v[rows]]
    )
    size = nodes + len(rows)
    graph = csr_matrix((lengths, (graph_rows, graph_cols)), shape=(size, size))
    reach = np.empty((len(rows), nodes + 1))
    reach[:, :nodes] = dijkstra(graph, directed=True, indices=virtual, limit=query.radius + SLACK)[:, :nodes]
    reach[:, nodes] = np.inf
    return reach


# -- helpers -----------------------------------------------------------------------------------


def _line_array(line, label: str, index: int) -> np.ndarray:
    array = np.asarray(line, dtype=np.float64)
    if array.size == 0:
        return array.reshape(0, 2)
    if array.ndim != 2 or array.shape[1] != 2:
        raise InputError("{label}: line {index} is not a list of x, y coordinates.", label=label, index=index)
    return array


def _merge_vertices(vertices: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The node of every vertex (vertices equal to the millimetre share one) and each node's xy."""
    if not len(vertices):
        return np.zeros(0, dtype=np.int64), np.zeros((0, 2))
    key = np.round(vertices * VERTEX_KEYS_PER_METRE).astype(np.int64)
    order = np.lexsort((key[:, 1], key[:, 0]))
    sorted_key = key[order]
    new = np.ones(len(order), dtype=bool)
    new[1:] = np.any(sorted_key[1:] != sorted_key[:-1], axis=1)
    node_of_vertex = np.empty(len(order), dtype=np.int64)
    node_of_vertex[order] = np.cumsum(new) - 1
    return node_of_vertex, vertices[order[new]]


def _unique_segments(segments: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    """Undirected segments once each, as (low node, high node) sorted, and how many repeated."""
    low = np.minimum(segments[:, 0], segments[:, 1])
    high = np.maximum(segments[:, 0], segments[:, 1])
    order = np.lexsort((high, low))
    low, high = low[order], high[order]
    first = np.ones(len(low), dtype=bool)
    first[1:] = (low[1:] != low[:-1]) | (high[1:] != high[:-1])
    return low[first], high[first], int(len(low) - np.count_nonzero(first))


def _tiles(xy: np.ndarray, side: float) -> list[np.ndarray]:
    """Positions in ``xy`` grouped by square tiles of ``side`` metres."""
    column = np.floor((xy[:, 0] - xy[:, 0].min()) / side).astype(np.int64)
    row = np.floor((xy[:, 1] - xy[:, 1].min()) / side).astype(np.int64)
    order = np.lexsort((column, row))
    change = np.flatnonzero((np.diff(column[order]) != 0) | (np.diff(row[order]) != 0)) + 1
    return np.split(order, change)


def _distance_parameter(value: float, name: str) -> float:
    value = float(value)
    if not (value >= 0):  # also rejects NaN
        raise InputError("{name} must be zero or a positive number of metres.", name=name)
    return value


def _weights(weights, count: int) -> np.ndarray:
    if weights is None:
        return np.ones(count)
    weights = np.asarray(weights, dtype=np.float64).reshape(-1)
    if len(weights) != count or not np.all(np.isfinite(weights)) or np.any(weights < 0):
        raise InputError("Weights must be one finite, non-negative number per point.")
    return weights


def _report(progress: Progress | None, fraction: float) -> None:
    if progress is not None and not progress(fraction):
        raise CanceledError()
