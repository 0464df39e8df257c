"""Coverage cells (NAL white spots) and demand within walking distance."""

from __future__ import annotations

import numpy as np
import pytest

from ev_planner.core.errors import InputError
from ev_planner.core.potential.coverage import coverage_grid, polygon_demand_points, within_radius


def test_known_cells_white_spots_and_radius_share():
    # Cell (0,0): 150 households, a charge point -> covered. Cell (1,0): 200 households, none ->
    # white spot. Cell (0,1): 50 households, none -> not qualifying. Cell (-1,-1): a point only.
    demand_xy = np.array([[100.0, 100.0], [400.0, 400.0], [700.0, 100.0], [100.0, 700.0]])
    demand = np.array([100.0, 50.0, 200.0, 50.0])
    charge_xy = np.array([[150.0, 100.0], [-10.0, -10.0]])
    result = coverage_grid(demand_xy, demand, charge_xy, 500.0, 125.0, 250.0)
    cells = {(int(x), int(y)): i for i, (x, y) in enumerate(zip(result.ix, result.iy))}
    assert set(cells) == {(0, 0), (1, 0), (0, 1), (-1, -1)}
    c00, c10, c01, cmm = (cells[k] for k in [(0, 0), (1, 0), (0, 1), (-1, -1)])
    assert result.households[[c00, c10, c01, cmm]].tolist() == [150.0, 200.0, 50.0, 0.0]
    assert result.charge_points[[c00, c10, c01, cmm]].tolist() == [1, 0, 0, 1]
    assert result.covered[[c00, c10, c01, cmm]].tolist() == [True, False, False, True]
    assert result.white_spot[[c00, c10, c01, cmm]].tolist() == [False, True, False, False]
    assert result.within_radius[c00] == 100.0  # (400, 400) is 375 m from (150, 100)
    assert result.totals["demand_total"] == 400.0
    assert result.totals["demand_within_radius"] == 100.0
    assert result.totals["demand_within_radius_pct"] == 25.0
    assert result.totals["cells_qualifying"] == 2
    assert result.totals["cells_covered"] == 1
    assert result.totals["white_spots"] == 1
    assert result.totals["coverage_pct"] == 50.0
    assert result.cell_code(c10) == "E0005N0000"
    assert result.cell_polygon(c10)[2].tolist() == [1000.0, 500.0]


def test_cells_are_aligned_to_multiples_of_the_cell_size_in_rd_coordinates():
    result = coverage_grid(np.array([[84_620.0, 447_130.0]]), None, np.empty((0, 2)), 500.0, 1.0, 250.0)
    assert (result.ix[0] * 500, result.iy[0] * 500) == (84_500, 447_000)
    assert result.cell_code(0) == "E0845N4470"
    assert result.white_spot.tolist() == [True]


def test_radius_is_inclusive():
    assert within_radius(np.array([[0.0, 250.0], [0.0, 250.1]]), np.array([[0.0, 0.0]]), 250.0).tolist() == [
        True,
        False,
    ]


@pytest.mark.parametrize("seed", range(4))
def test_adding_points_never_decreases_coverage(seed):
    rng = np.random.default_rng(seed)
    demand_xy = rng.uniform(0, 5000, size=(3000, 2))
    demand = rng.integers(0, 5, size=3000).astype(float)
    points = rng.uniform(0, 5000, size=(60, 2))
    previous = None
    for count in range(0, 61, 10):
        totals = coverage_grid(demand_xy, demand, points[:count], 500.0, 30.0, 250.0).totals
        if previous is not None:
            assert totals["demand_within_radius"] >= previous["demand_within_radius"]
            assert totals["cells_covered"] >= previous["cells_covered"]
            assert totals["white_spots"] <= previous["white_spots"]
        assert totals["demand_total"] == pytest.approx(demand.sum())
        previous = totals


def test_polygon_demand_keeps_the_total_and_handles_tiny_polygons():
    big = [np.array([[0.0, 0.0], [1000.0, 0.0], [1000.0, 500.0], [0.0, 500.0]])]
    tiny = [np.array([[2000.0, 0.0], [2001.0, 0.0], [2001.0, 1.0], [2000.0, 1.0]])]
    xy, weights = polygon_demand_points(
        [big, tiny], np.array([800.0, 7.0]), 50.0, np.array([[1, 1], [2000.5, 0.5]])
    )
    assert weights.sum() == pytest.approx(807.0)
    assert len(xy) == 20 * 10 + 1
    result = coverage_grid(xy, weights, np.empty((0, 2)), 500.0, 125.0, 250.0)
    # Uniform density: each 500 m cell of the big polygon gets 400 households.
    assert sorted(result.households.tolist()) == pytest.approx([7.0, 400.0, 400.0])


def test_bad_parameters_are_refused():
    with pytest.raises(InputError):
        coverage_grid(np.zeros((1, 2)), None, np.zeros((0, 2)), 0.0)
    with pytest.raises(InputError):
        coverage_grid(np.zeros((1, 2)), np.array([-1.0]), np.zeros((0, 2)))
    with pytest.raises(InputError):
        coverage_grid(np.zeros((1, 2)), None, np.zeros((0, 2)), radius=-5.0)


def test_no_demand_and_no_points_gives_no_cells():
    result = coverage_grid(np.array([[10.0, 10.0]]), np.array([0.0]), np.empty((0, 2)))
    assert len(result.ix) == 0
    assert result.totals["white_spots"] == 0
    assert result.totals["coverage_pct"] == 100.0  # nothing needs a charge point


def test_within_radius_keeps_the_input_order():
    rng = np.random.default_rng(3)
    demand = rng.uniform(0, 5000, size=(2000, 2))
    points = rng.uniform(0, 5000, size=(40, 2))
    brute = (np.hypot(*(demand[:, None, :] - points[None, :, :]).transpose(2, 0, 1)) <= 250).any(axis=1)
    assert within_radius(demand, points, 250.0).tolist() == brute.tolist()
