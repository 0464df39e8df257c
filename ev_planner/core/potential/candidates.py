"""Candidate sites for new charge points, and the planar geometry they need.

Everything works on numpy arrays in a metric CRS (metres):

* a *polygon* is a sequence of rings (exterior first, then holes), each ring an
  ``(n, 2)`` array of vertices, closed or not;
* a *line* is an ``(n, 2)`` array of vertices;
* points are an ``(n, 2)`` array.

Point-in-polygon is even-odd ray casting over the ring edges, vectorised in
horizontal bands so that each point is only tested against the edges that
cross its band. It is implemented here rather than with shapely because the
core's dependencies are numpy/scipy only (docs/architecture.md) and because grid and
hexagon candidates lie on horizontal rows, which this band scheme handles in
near-linear time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence

import numpy as np
from scipy.spatial import cKDTree

from ..errors import CanceledError, InputError

Polygon = Sequence[np.ndarray]
Progress = Optional[Callable[[float], bool]]  # fraction done -> False to cancel

METHOD_GRID = "grid"
METHOD_HEXAGON = "hexagon"
METHOD_ALONG_STREETS = "along_streets"
METHODS = (METHOD_GRID, METHOD_HEXAGON, METHOD_ALONG_STREETS)

# Up to this many point-edge tests are evaluated in one numpy operation (~32 MB of floats).
_MAX_TESTS_PER_BLOCK = 4_000_000
# Up to this many polygons are tested together; more are tested one by one within their bounding box.
_FEW_POLYGONS = 8


def _tick(progress: Progress, fraction: float) -> None:
    if progress is not None and progress(fraction) is False:
        raise CanceledError()


# --- polygons ---------------------------------------------------------------------------------
def polygon_edges(polygons: Sequence[Polygon]) -> tuple[np.ndarray, np.ndarray]:
    """All non-horizontal edges as ``(m, 4)`` x1, y1, x2, y2 and the index of their polygon.

    Horizontal edges never cross a horizontal ray under the half-open rule used
    by :func:`locate_points`, so they are dropped.
    """
    chunks: list[np.ndarray] = []
    owners: list[np.ndarray] = []
    for index, polygon in enumerate(polygons):
        for ring in polygon:
            ring = np.asarray(ring, dtype=np.float64).reshape(-1, 2)
            if len(ring) < 3:
                continue
            if not np.array_equal(ring[0], ring[-1]):
                ring = np.vstack([ring, ring[:1]])
            edges = np.hstack([ring[:-1], ring[1:]])
            edges = edges[edges[:, 1] != edges[:, 3]]
            chunks.append(edges)
            owners.append(np.full(len(edges), index, dtype=np.int64))
    if not chunks:
        return np.empty((0, 4)), np.empty(0, dtype=np.int64)
    return np.vstack(chunks), np.concatenate(owners)


def locate_points(xy: np.ndarray, polygons: Sequence[Polygon], progress: Progress = None) -> np.ndarray:
    """Index of the first polygon containing each point, or -1.

    A point exactly on a boundary may fall on either side, as in any
    ray-casting test; a ring's holes are holes by the even-odd rule.
    """
    xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    if len(polygons) <= _FEW_POLYGONS:
        edges, owners = polygon_edges(polygons)
        return _locate_banded(xy, edges, owners, progress)
    # Many polygons (districts, buildings): each polygon only meets the points in its bounding
    # box, found by a binary search on the points sorted by x.
    result = np.full(len(xy), -1, dtype=np.int64)
    point_order = np.argsort(xy[:, 0], kind="stable")
    sorted_x = xy[point_order, 0]
    for index, polygon in enumerate(polygons):
        if index % 256 == 0:
            _tick(progress, index / len(polygons))
        edges, owners = polygon_edges([polygon])
        if len(edges) == 0:
            continue
        low = np.searchsorted(sorted_x, edges[:, 0::2].min(), side="left")
        high = np.searchsorted(sorted_x, edges[:, 0::2].max(), side="right")
        candidates = point_order[low:high]
        y = xy[candidates, 1]
        candidates = candidates[
            (y >= edges[:, 1::2].min()) & (y <= edges[:, 1::2].max()) & (result[candidates] < 0)
        ]
        if len(candidates):
            inside = _locate_banded(xy[candidates], edges, owners) >= 0
            result[candidates[inside]] = index
    _tick(progress, 1.0)
    return result


def _locate_banded(
    xy: np.ndarray, edges: np.ndarray, owners: np.ndarray, progress: Progress = None
) -> np.ndarray:
    """Even-odd test of points against all edges, in horizontal bands of points sorted by y."""
    result = np.full(len(xy), -1, dtype=np.int64)
    if len(xy) == 0 or len(edges) == 0:
        return result
    # Sort edges by owner so that per-polygon crossing counts are contiguous column sums.
    order = np.argsort(owners, kind="stable")
    edges, owners = edges[order], owners[order]
    edge_ymin = np.minimum(edges[:, 1], edges[:, 3])
    edge_ymax = np.maximum(edges[:, 1], edges[:, 3])

    point_order = np.argsort(xy[:, 1], kind="stable")
    sorted_y = xy[point_order, 1]
    # Enough bands that each meets few edges, few enough that each holds a useful block of points.
    band_count = int(max(1, min(len(xy) / 32, 4 * math.sqrt(len(edges)))))
    bounds = np.linspace(0, len(xy), band_count + 1).astype(np.int64)
    for band in range(band_count):
        start, stop = bounds[band], bounds[band + 1]
        if start == stop:
            continue
        _tick(progress, band / band_count)
        y_low, y_high = sorted_y[start], sorted_y[stop - 1]
        # An edge can be crossed by a point of the band only when ymin <= y < ymax.
        candidates = np.nonzero((edge_ymin <= y_high) & (edge_ymax > y_low))[0]
        if len(candidates) == 0:
            continue
        band_points = point_order[start:stop]
        step = max(1, _MAX_TESTS_PER_BLOCK // len(candidates))
        for block_start in range(0, len(band_points), step):
            block = band_points[block_start : block_start + step]
            result[block] = _locate_block(xy[block], edges[candidates], owners[candidates])
    _tick(progress, 1.0)
    return result


def _locate_block(xy: np.ndarray, edges: np.ndarray, owners: np.ndarray) -> np.ndarray:
    px = xy[:, 0:1]
    py = xy[:, 1:2]
    x1, y1, x2, y2 = (edges[:, i][None, :] for i in range(4))
    spans = (y1 > py) != (y2 > py)
    with np.errstate(divide="ignore", invalid="ignore"):
        x_cross = x1 + (py - y1) * (x2 - x1) / (y2 - y1)
    crossings = spans & (px < x_cross)
    # Column ranges of each polygon (owners are sorted).
    starts = np.concatenate([[0], np.nonzero(np.diff(owners))[0] + 1])
    counts = np.add.reduceat(crossings.astype(np.int32), starts, axis=1)
    inside = (counts & 1).astype(bool)
    found = inside.any(axis=1)
    first = np.argmax(inside, axis=1)
    return np.where(found, owners[starts][first], -1)


def locate_in_areas(
    xy: np.ndarray, polygons: Sequence[Polygon], owners: np.ndarray, progress: Progress = None
) -> np.ndarray:
    """Index of the area containing each point, or -1; ``owners[i]`` is the area of polygon ``i``
    (an area of several parts has one polygon per part)."""
    part = locate_points(xy, polygons, progress)
    owners = np.asarray(owners, dtype=np.int64)
    return np.where(part >= 0, owners[np.maximum(part, 0)] if len(owners) else -1, -1)


def points_in_polygons(xy: np.ndarray, polygons: Sequence[Polygon], progress: Progress = None) -> np.ndarray:
    """Boolean mask: the point lies inside at least one of the polygons."""
    return locate_points(xy, polygons, progress) >= 0


def polygons_bounds(polygons: Sequence[Polygon]) -> tuple[float, float, float, float]:
    rings = [np.asarray(ring, dtype=np.float64).reshape(-1, 2) for polygon in polygons for ring in polygon]
    rings = [ring for ring in rings if len(ring)]
    if not rings:
        raise InputError("The area has no polygon with vertices.")
    allv = np.vstack(rings)
    return float(allv[:, 0].min()), float(allv[:, 1].min()), float(allv[:, 0].max()), float(allv[:, 1].max())


# --- regular patterns ---------------------------------------------------------------------------
# More candidates than this is a typo in SPACING rather than a plan: scoring and selection
# of 2 million candidates already take minutes. MAX_CANDIDATES raises it on purpose.
DEFAULT_MAX_CANDIDATES = 2_000_000
GENERATED_PER_KEPT = 20  # the grid over the area's bounding box, before clipping, may be this much larger


def _check_spacing(spacing: float) -> None:
    if not (math.isfinite(spacing) and spacing > 0):
        raise InputError("The spacing must be a positive number of metres, not {spacing}.", spacing=spacing)


def grid_points(bounds: tuple[float, float, float, float], spacing: float) -> np.ndarray:
    """Square grid over ``bounds`` at multiples of ``spacing``, so reruns give the same points."""
    _check_spacing(spacing)
    xmin, ymin, xmax, ymax = bounds
    xs = np.arange(math.ceil(xmin / spacing), math.floor(xmax / spacing) + 1) * spacing
    ys = np.arange(math.ceil(ymin / spacing), math.floor(ymax / spacing) + 1) * spacing
    gx, gy = np.meshgrid(xs, ys)
    return np.column_stack([gx.ravel(), gy.ravel()])


def hexagon_points(bounds: tuple[float, float, float, float], spacing: float) -> np.ndarray:
    """Centres of a hexagonal (triangular) lattice: every neighbour exactly ``spacing`` away.

    Rows are ``spacing * sqrt(3) / 2`` apart and odd rows are shifted by half a
    spacing; row numbers count from y = 0, so the lattice does not depend on the extent.
    """
    _check_spacing(spacing)
    xmin, ymin, xmax, ymax = bounds
    row_height = spacing * math.sqrt(3.0) / 2.0
    rows = np.arange(math.ceil(ymin / row_height), math.floor(ymax / row_height) + 1)
    columns = np.arange(math.floor(xmin / spacing) - 1, math.ceil(xmax / spacing) + 2)
    gx, grow = np.meshgrid(columns * spacing, rows)
    gx = gx + (grow % 2) * (spacing / 2.0)
    gy = grow * row_height
    xy = np.column_stack([gx.ravel(), gy.ravel()])
    keep = (xy[:, 0] >= xmin) & (xy[:, 0] <= xmax)
    return xy[keep]


# --- lines -------------------------------------------------------------------------------------
def line_segments(lines: Sequence[np.ndarray]) -> np.ndarray:
    """All segments of the lines as ``(m, 4)`` x1, y1, x2, y2 (zero-length ones dropped)."""
    parts = []
    for line in lines:
        line = np.asarray(line, dtype=np.float64).reshape(-1, 2)
        if len(line) >= 2:
            parts.append(np.hstack([line[:-1], line[1:]]))
    if not parts:
        return np.empty((0, 4))
    segments = np.vstack(parts)
    return segments[np.any(segments[:, :2] != segments[:, 2:], axis=1)]


def points_along_lines(lines: Sequence[np.ndarray], spacing: float) -> np.ndarray:
    """Points along every line, both ends included, evenly spaced at most ``spacing`` apart.

    Each line of length L gets ``ceil(L / spacing)`` equal intervals. Lines
    sharing an end (street segments meeting at a junction) produce the same point
    there; :func:`thin_points` removes such duplicates.
    """
    _check_spacing(spacing)
    lines = [np.asarray(line, dtype=np.float64).reshape(-1, 2) for line in lines]
    lines = [line for line in lines if len(line) >= 2]
    if not lines:
        return np.empty((0, 2))
    vertex_counts = np.array([len(line) for line in lines])
    vertices = np.vstack(lines)
    first_vertex = np.concatenate([[0], np.cumsum(vertex_counts)[:-1]])
    # Segment i joins vertex i and i + 1; segments across two lines are masked out.
    seg_len = np.hypot(*(vertices[1:] - vertices[:-1]).T)
    valid = np.ones(len(seg_len), dtype=bool)
    valid[(first_vertex + vertex_counts - 1)[:-1]] = False
    seg_len = np.where(valid, seg_len, 0.0)
    cumulative = np.concatenate([[0.0], np.cumsum(seg_len)])  # distance at each vertex
    line_start = cumulative[first_vertex]
    line_length = cumulative[first_vertex + vertex_counts - 1] - line_start
    intervals = np.maximum(np.ceil(line_length / spacing - 1e-9), 1).astype(np.int64)
    per_line = intervals + 1
    line_of_point = np.repeat(np.arange(len(lines)), per_line)
    step_index = np.arange(per_line.sum()) - np.repeat(np.cumsum(per_line) - per_line, per_line)
    distance = line_start[line_of_point] + line_length[line_of_point] * step_index / intervals[line_of_point]
    segment = np.searchsorted(cumulative, distance, side="right") - 1
    first_seg = first_vertex[line_of_point]
    last_seg = first_seg + vertex_counts[line_of_point] - 2
    segment = np.clip(segment, first_seg, last_seg)
    length = cumulative[segment + 1] - cumulative[segment]
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(length > 0, (distance - cumulative[segment]) / length, 0.0)
    t = np.clip(t, 0.0, 1.0)[:, None]
    return vertices[segment] * (1.0 - t) + vertices[segment + 1] * t


def thin_points(xy: np.ndarray, min_distance: float) -> np.ndarray:
    """Indices of points to keep so that no two kept points are closer than ``min_distance``.

    Greedy in input order: a point is dropped when an earlier kept point lies
    within ``min_distance`` (coincident points are always merged).
    """
    xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    if len(xy) == 0:
        return np.empty(0, dtype=np.int64)
    keep = np.ones(len(xy), dtype=bool)
    pairs = cKDTree(xy).query_pairs(max(min_distance, 1e-6), output_type="ndarray")
    if len(pairs):
        pairs = pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]
        # Sorted by the first index, a pair's first point is final when its pair is reached.
        for i, j in pairs.tolist():
            if keep[i] and keep[j]:
                keep[j] = False
    return np.nonzero(keep)[0]


def within_distance_of_points(xy: np.ndarray, others: np.ndarray, distance: float) -> np.ndarray:
    """Mask of points with at least one of ``others`` within ``distance`` (inclusive)."""
    xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    others = np.asarray(others, dtype=np.float64).reshape(-1, 2)
    if len(xy) == 0 or len(others) == 0 or distance < 0:
        return np.zeros(len(xy), dtype=bool)
    nearest, _ = cKDTree(others).query(xy, k=1, distance_upper_bound=distance * (1 + 1e-12) + 1e-9)
    return np.isfinite(nearest)


def distance_to_segments(xy: np.ndarray, segments: np.ndarray) -> np.ndarray:
    """Distance from each point to each paired segment (arrays of equal length)."""
    a = segments[:, :2]
    ab = segments[:, 2:] - a
    ap = xy - a
    denominator = np.einsum("ij,ij->i", ab, ab)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(denominator > 0, np.einsum("ij,ij->i", ap, ab) / denominator, 0.0)
    t = np.clip(t, 0.0, 1.0)[:, None]
    return np.hypot(*(ap - ab * t).T)


def within_distance_of_segments(xy: np.ndarray, segments: np.ndarray, distance: float) -> np.ndarray:
    """Mask of points within ``distance`` of at least one segment.

    Long segments are cut into pieces no longer than ``piece``; a point within
    ``distance`` of a piece is within ``distance + piece / 2`` of its midpoint,
    so a KD-tree over midpoints finds every candidate pair, and the exact
    point-segment distance decides.
    """
    xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    segments = np.asarray(segments, dtype=np.float64).reshape(-1, 4)
    mask = np.zeros(len(xy), dtype=bool)
    if len(xy) == 0 or len(segments) == 0 or distance < 0:
        return mask
    piece = max(distance, 1.0)
    lengths = np.hypot(segments[:, 2] - segments[:, 0], segments[:, 3] - segments[:, 1])
    pieces_per_segment = np.maximum(np.ceil(lengths / piece), 1).astype(np.int64)
    owner = np.repeat(np.arange(len(segments)), pieces_per_segment)
    k = np.arange(len(owner)) - np.repeat(
        np.cumsum(pieces_per_segment) - pieces_per_segment, pieces_per_segment
    )
    n = pieces_per_segment[owner]
    start = segments[owner, :2]
    delta = segments[owner, 2:] - start
    pieces = np.hstack([start + delta * (k / n)[:, None], start + delta * ((k + 1) / n)[:, None]])
    midpoints = (pieces[:, :2] + pieces[:, 2:]) / 2.0
    half = np.hypot(*(pieces[:, 2:] - pieces[:, :2]).T).max() / 2.0
    pairs = cKDTree(xy).sparse_distance_matrix(
        cKDTree(midpoints), distance + half + 1e-9, output_type="ndarray"
    )
    if len(pairs):
        close = distance_to_segments(xy[pairs["i"]], pieces[pairs["j"]]) <= distance + 1e-9
        mask[pairs["i"][close]] = True
    return mask


# --- the candidate generator -------------------------------------------------------------------
@dataclass
class CandidateResult:
    xy: np.ndarray  # (n, 2) kept candidates, in generation order
    method: str
    counts: dict[str, int] = field(default_factory=dict)  # step -> points removed or generated


def generate_candidates(
    method: str,
    spacing: float,
    area: Sequence[Polygon],
    streets: Sequence[np.ndarray] = (),
    exclude_polygons: Sequence[Polygon] = (),
    exclude_points: np.ndarray | None = None,
    exclude_lines: Sequence[np.ndarray] = (),
    exclude_distance: float = 0.0,
    existing: np.ndarray | None = None,
    min_distance_existing: float = 0.0,
    progress: Progress = None,
    max_candidates: int | None = DEFAULT_MAX_CANDIDATES,
) -> CandidateResult:
    """Candidate sites inside ``area`` (polygons that should not overlap; dissolve them first).

    ``counts`` tells the user what happened: ``generated``, ``outside_area``,
    ``duplicates`` (along streets), ``excluded_polygons``, ``excluded_near``
    (points/lines within ``exclude_distance``), ``near_existing`` and ``kept``.
    """
    _check_spacing(spacing)
    if method not in METHODS:
        raise InputError(
            "Unknown candidate method {method!r}; use one of {methods}.",
            method=method,
            methods=", ".join(METHODS),
        )
    # One message per parameter, so that each one is translated as a whole.
    if not (math.isfinite(exclude_distance) and exclude_distance >= 0):
        raise InputError("The exclude distance must be zero or a positive number of metres.")
    if not (math.isfinite(min_distance_existing) and min_distance_existing >= 0):
        raise InputError("The minimum distance must be zero or a positive number of metres.")
    counts: dict[str, int] = {}

    def stage(start: float, end: float) -> Progress:
        if progress is None:
            return None
        return lambda fraction: progress(start + (end - start) * fraction)

    bounds = polygons_bounds(area)
    _refuse_too_many(method, spacing, area, streets, bounds, max_candidates)
    xy, outside_before = _raw_candidates(method, spacing, bounds, streets, counts)
    _tick(progress, 0.1)
    inside = points_in_polygons(xy, area, stage(0.1, 0.6))
    counts["outside_area"] = outside_before + int((~inside).sum())
    xy = xy[inside]

    if exclude_polygons:
        excluded = points_in_polygons(xy, exclude_polygons, stage(0.6, 0.8))
        counts["excluded_polygons"] = int(excluded.sum())
        xy = xy[~excluded]
    near = np.zeros(len(xy), dtype=bool)
    if exclude_points is not None and len(exclude_points):
        near |= within_distance_of_points(xy, exclude_points, exclude_distance)
    if exclude_lines:
        near |= within_distance_of_segments(xy, line_segments(exclude_lines), exclude_distance)
    if exclude_points is not None or exclude_lines:
        counts["excluded_near"] = int(near.sum())
        xy = xy[~near]
    _tick(progress, 0.9)
    if existing is not None and len(existing) and min_distance_existing > 0:
        close = within_distance_of_points(xy, existing, min_distance_existing)
        counts["near_existing"] = int(close.sum())
        xy = xy[~close]
    counts["kept"] = len(xy)
    _tick(progress, 1.0)
    return CandidateResult(xy=xy, method=method, counts=counts)


def _raw_candidates(method: str, spacing: float, bounds, streets, counts: dict[str, int]):
    """The points of the method within ``bounds``, and how many along streets fell outside them."""
    if method != METHOD_ALONG_STREETS:
        xy = grid_points(bounds, spacing) if method == METHOD_GRID else hexagon_points(bounds, spacing)
        counts["generated"] = len(xy)
        return xy, 0
    if not streets:
        raise InputError("The method 'along streets' needs a street (line) layer.")
    xy = points_along_lines(streets, spacing)
    counts["generated"] = len(xy)
    xmin, ymin, xmax, ymax = bounds
    in_box = (xy[:, 0] >= xmin) & (xy[:, 0] <= xmax) & (xy[:, 1] >= ymin) & (xy[:, 1] <= ymax)
    xy = xy[in_box]
    before = len(xy)
    # Exact duplicates (junctions) first, then near-duplicates left by short segments.
    _, unique_index = np.unique(np.round(xy, 3), axis=0, return_index=True)
    xy = xy[np.sort(unique_index)]
    xy = xy[thin_points(xy, spacing / 2.0)]
    counts["duplicates"] = before - len(xy)
    return xy, int((~in_box).sum())


def estimated_candidates(method: str, spacing: float, area, streets, bounds) -> tuple[int, int]:
    """(candidates inside the area, points generated before clipping), estimated before any is made."""
    if method == METHOD_ALONG_STREETS:
        length = sum(float(np.hypot(*np.diff(np.asarray(line, float), axis=0).T).sum()) for line in streets)
        return int(length / spacing), int(length / spacing) + len(streets)
    cell = spacing * spacing * (math.sqrt(3.0) / 2.0 if method == METHOD_HEXAGON else 1.0)
    xmin, ymin, xmax, ymax = bounds
    return int(_polygons_area(area) / cell), int((xmax - xmin) * (ymax - ymin) / cell)


def _polygons_area(area) -> float:
    """Shoelace area of the polygons: the exterior ring minus the holes."""
    total = 0.0
    for polygon in area:
        for index, ring in enumerate(polygon):
            ring = np.asarray(ring, dtype=np.float64)
            signed = 0.5 * abs(float(np.dot(ring[:-1, 0], ring[1:, 1]) - np.dot(ring[1:, 0], ring[:-1, 1])))
            total += signed if index == 0 else -signed
    return max(total, 0.0)


def _refuse_too_many(method, spacing, area, streets, bounds, max_candidates) -> None:
    """Refuse before generating: SPACING=1 over a town would make 24 million points and GBs."""
    if max_candidates is None:
        return
    inside, generated = estimated_candidates(method, spacing, area, streets, bounds)
    if inside > max_candidates or generated > GENERATED_PER_KEPT * max_candidates:
        raise InputError(
            "A spacing of {spacing:g} m gives about {count:,} candidates, more than the limit of "
            "{limit:,}: choose a larger spacing, a smaller area, or raise MAX_CANDIDATES.",
            spacing=spacing,
            count=max(inside, generated // GENERATED_PER_KEPT),
            limit=max_candidates,
        )


# --- adapters for the Python API (shapely geometries, e.g. a GeoDataFrame's geometry column) --------
def polygons_from_shapes(shapes) -> tuple[list[list[np.ndarray]], np.ndarray]:
    """Polygons (as rings) of shapely (Multi)Polygons, and the index of the shape each came from.

    Duck-typed, so shapely is not imported here; reproject a GeoDataFrame to a
    metric CRS first (``gdf.to_crs(28992).geometry``).
    """
    polygons: list[list[np.ndarray]] = []
    owners: list[int] = []
    for index, shape in enumerate(shapes):
        if shape is None or shape.is_empty:
            continue
        if shape.geom_type not in ("Polygon", "MultiPolygon"):
            raise InputError("Expected polygons, got a {geom_type}.", geom_type=shape.geom_type)
        for part in shape.geoms if shape.geom_type == "MultiPolygon" else [shape]:
            rings = [part.exterior, *part.interiors]
            polygons.append([np.asarray(ring.coords, dtype=np.float64)[:, :2] for ring in rings])
            owners.append(index)
    return polygons, np.asarray(owners, dtype=np.int64)


def lines_from_shapes(shapes) -> list[np.ndarray]:
    """Vertex arrays of shapely (Multi)LineStrings."""
    lines: list[np.ndarray] = []
    for shape in shapes:
        if shape is None or shape.is_empty:
            continue
        if shape.geom_type not in ("LineString", "MultiLineString"):
            raise InputError("Expected lines, got a {geom_type}.", geom_type=shape.geom_type)
        for part in shape.geoms if shape.geom_type == "MultiLineString" else [shape]:
            lines.append(np.asarray(part.coords, dtype=np.float64)[:, :2])
    return lines
