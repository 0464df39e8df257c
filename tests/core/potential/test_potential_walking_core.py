"""Scoring, selection and the coverage check measured walking along a street network.

The canal: two streets 100 m apart (y = 0 and y = 100) from x = 0 to 1,000 m, joined only
by a bridge at x = 1,000. A point across the canal is 100 m away in a straight line and
2,100 m walking.
"""

from __future__ import annotations

import numpy as np
import pytest

from ev_planner.core.potential.coverage import coverage_grid
from ev_planner.core.potential.distance import StraightLine, Walking
from ev_planner.core.potential.network import WalkingNetwork
from ev_planner.core.potential.scoring import explain, score_candidates
from ev_planner.core.potential.selection import build_coverage, select_locations

STREETS = [
    np.array([[0.0, 0.0], [500.0, 0.0], [1000.0, 0.0]]),
    np.array([[0.0, 100.0], [500.0, 100.0], [1000.0, 100.0]]),
    np.array([[1000.0, 0.0], [1000.0, 100.0]]),  # the bridge
]


@pytest.fixture
def walking():
    return Walking(WalkingNetwork.from_lines(STREETS), max_access=100)


def test_scoring_counts_only_the_demand_within_walking_distance(walking):
    candidates = np.array([[0.0, 0.0]])
    demand = np.array([[0.0, 100.0], [400.0, 0.0], [0.0, 5.0]])
    existing = np.array([[0.0, 100.0]])
    straight = score_candidates(candidates, demand, charge_points_xy=existing, radius=250)
    walked = score_candidates(candidates, demand, charge_points_xy=existing, radius=250, measure=walking)
    assert straight.demand_within.tolist() == [2.0]  # across the canal (100 m) and next door (5 m)
    assert walked.demand_within.tolist() == [1.0]  # next door only: 5 m of access
    assert straight.nearest_existing_m.tolist() == pytest.approx([100.0])
    assert walked.nearest_existing_m.tolist() == pytest.approx([2100.0])
    # The existing point across the canal serves next door (95 m) only in a straight line.
    assert straight.unserved_within.tolist() == [0.0]
    assert walked.unserved_within.tolist() == [1.0]
    assert explain(walked)[0].startswith("1 demand within 250 m walking")
    assert explain(straight)[0].startswith("2 demand within 250 m;")


def test_selection_picks_the_site_on_the_right_side_of_the_canal(walking):
    candidates = np.array([[0.0, 0.0], [0.0, 100.0]])
    demand = np.array([[0.0, 100.0], [0.0, 0.0]])
    weights = np.array([10.0, 1.0])
    straight = build_coverage(candidates, demand, weights, None, 250)
    walked = build_coverage(candidates, demand, weights, None, 250, measure=walking)
    assert straight.matrix.toarray().tolist() == [[1, 1], [1, 1]]
    assert walked.matrix.toarray().tolist() == [[0, 1], [1, 0]]
    result = select_locations(
        candidates, demand, weights, count=1, radius=250, measure=walking, method="exact"
    )
    assert result.selected.tolist() == [1]
    assert result.covered_after == 10.0
    assert result.upper_bound == pytest.approx(10.0)


def test_coverage_check_household_share_walks_but_cells_keep_the_nal_rule(walking):
    demand = np.array([[0.0, 100.0], [0.0, 5.0], [2000.0, 2000.0]])  # the last is off the network
    households = np.array([3.0, 1.0, 2.0])
    charge = np.array([[0.0, 0.0]])
    straight = coverage_grid(demand, households, charge, cell_size=500, min_households=1, radius=250)
    walked = coverage_grid(
        demand, households, charge, cell_size=500, min_households=1, radius=250, measure=walking
    )
    assert straight.totals["demand_within_radius"] == 4.0
    assert walked.totals["demand_within_radius"] == 1.0
    # The cells are the same: covered means a charge point in the cell.
    assert walked.covered.tolist() == straight.covered.tolist()
    assert walked.white_spot.tolist() == straight.white_spot.tolist()


def test_walking_never_covers_more_than_straight_lines_on_random_networks():
    rng = np.random.default_rng(7)
    for _ in range(5):
        grid = [np.array([[x, y], [x + 100.0, y]]) for x in range(0, 1000, 100) for y in range(0, 1000, 100)]
        grid += [np.array([[x, y], [x, y + 100.0]]) for x in range(0, 1000, 100) for y in range(0, 1000, 100)]
        keep = rng.random(len(grid)) > 0.3  # dead ends and detours
        network = WalkingNetwork.from_lines([line for line, kept in zip(grid, keep) if kept])
        measure = Walking(network, max_access=60)
        candidates = rng.uniform(0, 1000, (40, 2))
        demand = rng.uniform(0, 1000, (300, 2))
        weights = rng.uniform(0, 5, 300)
        for radius in (150.0, 250.0):
            straight = build_coverage(candidates, demand, weights, None, radius)
            walked = build_coverage(candidates, demand, weights, None, radius, measure=measure)
            # Every walking pair is a straight-line pair.
            assert (walked.matrix.multiply(straight.matrix) != walked.matrix).nnz == 0
            straight_share = StraightLine().within(demand, candidates, radius)
            walked_share = measure.within(demand, candidates, radius)
            assert not np.any(walked_share & ~straight_share)
