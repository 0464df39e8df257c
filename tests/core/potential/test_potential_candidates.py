"""Candidate generation and the planar geometry under it, on hand-made shapes with known answers."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.spatial import cKDTree

from ev_planner.core.errors import CanceledError, InputError
from ev_planner.core.potential.candidates import (
    generate_candidates,
    grid_points,
    hexagon_points,
    line_segments,
    lines_from_shapes,
    locate_in_areas,
    locate_points,
    points_along_lines,
    points_in_polygons,
    polygons_from_shapes,
    thin_points,
    within_distance_of_points,
    within_distance_of_segments,
)

SQUARE = [np.array([[0.0, 0.0], [100.0, 0.0], [100.0, 100.0], [0.0, 100.0]])]
SQUARE_WITH_HOLE = [*SQUARE, np.array([[40.0, 40.0], [60.0, 40.0], [60.0, 60.0], [40.0, 60.0], [40.0, 40.0]])]


def _brute_force_even_odd(point, rings):
    inside = False
    px, py = point
    for ring in rings:
        ring = np.vstack([ring, ring[:1]])
        for (x1, y1), (x2, y2) in zip(ring[:-1], ring[1:]):
            if (y1 > py) != (y2 > py) and px < x1 + (py - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def test_point_in_polygon_with_hole_and_several_polygons():
    points = np.array([[50.0, 50.0], [10.0, 10.0], [150.0, 50.0], [45.0, 70.0], [250.0, 20.0]])
    far_square = [SQUARE[0] + [200.0, 0.0]]
    assert locate_points(points, [SQUARE_WITH_HOLE, far_square]).tolist() == [-1, 0, -1, 0, 1]
    assert points_in_polygons(points, [SQUARE]).tolist() == [True, True, False, True, False]


def test_point_in_polygon_matches_brute_force_on_a_star():
    rng = np.random.default_rng(1)
    angles = np.linspace(0, 2 * np.pi, 23, endpoint=False)
    radii = np.where(np.arange(23) % 2 == 0, 100.0, 35.0)
    star = [np.column_stack([radii * np.cos(angles), radii * np.sin(angles)])]
    points = rng.uniform(-110, 110, size=(3000, 2))
    expected = [_brute_force_even_odd(p, star) for p in points]
    assert points_in_polygons(points, [star]).tolist() == expected


def test_grid_is_aligned_to_multiples_of_the_spacing():
    xy = grid_points((12.0, 3.0, 130.0, 60.0), 50.0)
    assert sorted(set(xy[:, 0])) == [50.0, 100.0]
    assert sorted(set(xy[:, 1])) == [50.0]


def test_hexagon_neighbours_are_exactly_one_spacing_apart():
    xy = hexagon_points((0.0, 0.0, 500.0, 500.0), 50.0)
    distances, _ = cKDTree(xy).query(xy, k=7)
    interior = (xy[:, 0] > 60) & (xy[:, 0] < 440) & (xy[:, 1] > 60) & (xy[:, 1] < 440)
    assert np.allclose(distances[interior, 1:], 50.0)


def test_grid_candidates_in_a_square_with_a_hole():
    result = generate_candidates("grid", 10.0, [SQUARE_WITH_HOLE])
    assert result.counts["generated"] == 121
    # Interior points of the hole (45..55 x 45..55 -> 2 x 2) are outside; boundary points are
    # decided by the half-open rule, so only check points clearly inside or outside.
    xy = {tuple(p) for p in result.xy.tolist()}
    assert (50.0, 50.0) not in xy
    assert (20.0, 20.0) in xy
    assert (90.0, 90.0) in xy
    assert result.counts["kept"] == len(result.xy)


def test_along_streets_every_spacing_and_no_duplicates_at_junctions():
    lines = [
        np.array([[0.0, 0.0], [100.0, 0.0]]),
        np.array([[100.0, 0.0], [100.0, 100.0]]),
        np.array([[100.0, 0.0], [200.0, 0.0]]),
        np.array([[100.0, 0.0], [100.0, -100.0]]),
    ]
    area = [[np.array([[-1.0, -101.0], [201.0, -101.0], [201.0, 101.0], [-1.0, 101.0]])]]
    result = generate_candidates("along_streets", 50.0, area, streets=lines)
    expected = {(0, 0), (50, 0), (100, 0), (150, 0), (200, 0), (100, 50), (100, 100), (100, -50), (100, -100)}
    assert {tuple(p) for p in np.round(result.xy).astype(int).tolist()} == expected
    assert len(result.xy) == 9
    assert result.counts["duplicates"] == 3  # four ends met at the junction (100, 0)


def test_points_along_a_bent_line_are_evenly_spaced():
    line = np.array([[0.0, 0.0], [30.0, 0.0], [30.0, 40.0]])  # length 70
    xy = points_along_lines([line], 35.0)
    assert np.allclose(xy, [[0.0, 0.0], [30.0, 5.0], [30.0, 40.0]])


def test_thin_points_keeps_the_first_of_close_points():
    xy = np.array([[0.0, 0.0], [1.0, 0.0], [10.0, 0.0], [10.5, 0.0], [30.0, 0.0]])
    assert thin_points(xy, 2.0).tolist() == [0, 2, 4]


def test_distance_to_points_and_segments():
    xy = np.array([[50.0, 10.0], [50.0, 10.5], [120.0, 0.0], [105.0, 6.0], [-8.0, 0.0]])
    segments = line_segments([np.array([[0.0, 0.0], [100.0, 0.0]])])
    # (105, 6) is 7.8 m from the end (100, 0); (120, 0) is 20 m away.
    assert within_distance_of_segments(xy, segments, 10.0).tolist() == [True, False, False, True, True]
    assert within_distance_of_points(xy, np.array([[100.0, 0.0]]), 20.0).tolist() == [
        False,
        False,
        True,
        True,
        False,
    ]


def test_long_segment_distance_is_exact_far_from_its_ends():
    segments = np.array([[0.0, 0.0, 10_000.0, 0.0]])
    xy = np.array([[5_000.0, 24.99], [5_000.0, 25.01]])
    assert within_distance_of_segments(xy, segments, 25.0).tolist() == [True, False]


def test_exclusions_and_existing_points():
    area = [SQUARE]
    exclude_polygon = [[np.array([[0.0, 0.0], [35.0, 0.0], [35.0, 100.0], [0.0, 100.0]])]]
    result = generate_candidates(
        "grid",
        10.0,
        area,
        exclude_polygons=exclude_polygon,
        exclude_points=np.array([[70.0, 70.0]]),
        exclude_lines=[np.array([[40.0, 20.0], [100.0, 20.0]])],
        exclude_distance=5.0,
        existing=np.array([[50.0, 90.0]]),
        min_distance_existing=10.0,
    )
    xy = {tuple(p) for p in result.xy.tolist()}
    assert not any(x < 35 for x, _ in xy)
    assert (70.0, 70.0) not in xy
    assert (60.0, 20.0) not in xy
    assert (50.0, 90.0) not in xy
    assert (40.0, 90.0) not in xy
    assert (50.0, 80.0) not in xy
    assert (60.0, 30.0) in xy
    assert (70.0, 60.0) in xy
    assert result.counts["near_existing"] >= 3
    assert result.counts["kept"] == len(result.xy)


def test_bad_parameters_are_refused():
    with pytest.raises(InputError):
        generate_candidates("grid", 0.0, [SQUARE])
    with pytest.raises(InputError):
        generate_candidates("grid", math.nan, [SQUARE])
    with pytest.raises(InputError):
        generate_candidates("circle", 10.0, [SQUARE])
    with pytest.raises(InputError):
        generate_candidates("along_streets", 10.0, [SQUARE], streets=[])
    with pytest.raises(InputError):
        generate_candidates("grid", 10.0, [SQUARE], exclude_distance=-1.0)


def test_progress_can_cancel():
    with pytest.raises(CanceledError):
        generate_candidates("grid", 1.0, [SQUARE], progress=lambda fraction: fraction < 0.3)


def test_many_polygons_first_match_agrees_with_brute_force():
    # More than a handful of polygons takes the per-polygon bounding-box path; some overlap.
    rng = np.random.default_rng(7)
    polygons = []
    for _ in range(30):
        centre = rng.uniform(0, 1000, size=2)
        angles = np.sort(rng.uniform(0, 2 * np.pi, size=9))
        radii = rng.uniform(20, 120, size=9)
        polygons.append([centre + np.column_stack([radii * np.cos(angles), radii * np.sin(angles)])])
    points = rng.uniform(-50, 1050, size=(4000, 2))
    expected = [
        next((i for i, rings in enumerate(polygons) if _brute_force_even_odd(p, rings)), -1) for p in points
    ]
    assert locate_points(points, polygons).tolist() == expected


def test_shapely_adapters_feed_the_generator():
    shapely = pytest.importorskip("shapely.geometry")
    area = shapely.Polygon(
        [(0, 0), (100, 0), (100, 100), (0, 100)], [[(40, 40), (60, 40), (60, 60), (40, 60)]]
    )
    far = shapely.MultiPolygon([shapely.box(500, 0, 600, 100), shapely.box(700, 0, 800, 100)])
    polygons, owners = polygons_from_shapes([area, None, far])
    assert owners.tolist() == [0, 2, 2]
    assert locate_points(np.array([[50.0, 50.0], [10.0, 10.0], [750.0, 50.0]]), polygons).tolist() == [
        -1,
        0,
        2,
    ]
    streets = lines_from_shapes(
        [shapely.LineString([(0, 0), (100, 0)]), shapely.MultiLineString([[(0, 0), (0, 100)]])]
    )
    box, _ = polygons_from_shapes([shapely.box(-1, -1, 101, 101)])
    result = generate_candidates("along_streets", 50.0, box, streets=streets)
    assert sorted(map(tuple, result.xy.tolist())) == [(0, 0), (0, 50), (0, 100), (50, 0), (100, 0)]
    with pytest.raises(InputError):
        polygons_from_shapes([shapely.Point(0, 0)])


def test_points_are_located_in_the_area_that_owns_the_polygon_part():
    """Area 0 is one square; area 1 has two parts (a multipolygon), the second with a hole."""
    shifted = [ring + np.array([200.0, 0.0]) for ring in SQUARE]
    far = [ring + np.array([400.0, 0.0]) for ring in SQUARE_WITH_HOLE]
    polygons = [SQUARE, shifted, far]
    owners = np.array([0, 1, 1])
    xy = np.array([[50.0, 50.0], [250.0, 50.0], [410.0, 10.0], [450.0, 50.0], [150.0, 50.0]])
    assert locate_in_areas(xy, polygons, owners).tolist() == [0, 1, 1, -1, -1]


def test_no_areas_locate_nothing():
    assert locate_in_areas(np.array([[1.0, 1.0]]), [], np.array([], dtype=np.int64)).tolist() == [-1]
