"""Maximal covering selection: known answers, properties against brute force and HiGHS."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pytest

from ev_planner.core.errors import InputError
from ev_planner.core.potential.selection import (
    CoverageModel,
    Spacing,
    build_coverage,
    select_locations,
)


def brute_force(model: CoverageModel, count: int, spacing: Spacing) -> tuple[float, tuple[int, ...]]:
    """The optimum by enumeration of every valid set of up to ``count`` candidates."""
    best = (0.0, ())
    n = model.matrix.shape[0]
    for size in range(1, min(count, n) + 1):
        for combo in combinations(range(n), size):
            if not spacing.is_valid(combo):
                continue
            value = model.coverage(combo)
            if value > best[0] + 1e-12:
                best = (value, combo)
    return best


def random_instance(seed, n_candidates=12, n_demand=150, size=1500.0):
    rng = np.random.default_rng(seed)
    return (
        rng.uniform(0, size, (n_candidates, 2)),
        rng.uniform(0, size, (n_demand, 2)),
        rng.integers(1, 6, n_demand).astype(float),
        rng.uniform(0, size, (3, 2)),
    )


def pairwise_min(xy):
    if len(xy) < 2:
        return np.inf
    d = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
    return d[np.triu_indices(len(xy), 1)].min()


def test_known_answer_with_existing_precover():
    candidates = [[0, 0], [100, 0], [1000, 0], [2000, 0]]
    demand = [[0, 0], [50, 0], [100, 0], [1000, 0], [2000, 0], [2010, 0]]
    weights = [10, 10, 10, 4, 3, 3]
    # The existing point covers the cluster at 2000: its demand is already served.
    for method in ("fast", "exact"):
        result = select_locations(
            candidates, demand, weights, [[2005, 0]], count=2, radius=60, min_spacing=0, method=method
        )
        assert result.covered_before == 6
        # 0 covers 10 + 10, then 1 adds the 10 at (100, 0) (more than the 4 at 1000).
        assert list(result.selected) == [0, 1]
        np.testing.assert_allclose(result.marginal_demand, [20, 10])
        np.testing.assert_allclose(result.cumulative_covered_pct, 100 * np.array([26, 36]) / 40)
        assert result.covered_after == 36
        assert result.upper_bound >= result.covered_after


def test_min_spacing_blocks_neighbours():
    candidates = [[0, 0], [100, 0], [300, 0]]
    demand = [[0, 0], [100, 0], [300, 0]]
    result = select_locations(candidates, demand, [5, 5, 1], count=2, radius=10, min_spacing=150)
    assert sorted(result.selected) == [0, 2] or sorted(result.selected) == [1, 2]
    assert pairwise_min(np.asarray(candidates)[result.selected]) >= 150
    # Exactly at the spacing distance is allowed (only closer is a conflict).
    exact = select_locations(
        candidates, demand, [5, 5, 1], count=2, radius=10, min_spacing=100, method="exact"
    )
    assert sorted(exact.selected) == [0, 1]


@pytest.mark.parametrize("seed", range(8))
def test_greedy_equals_brute_force_for_one_site(seed):
    candidates, demand, weights, existing = random_instance(seed)
    model = build_coverage(candidates, demand, weights, existing, 300)
    best, _ = brute_force(model, 1, Spacing(candidates, 0))
    result = select_locations(candidates, demand, weights, existing, count=1, radius=300)
    assert result.covered_after - result.covered_before == pytest.approx(best)


@pytest.mark.parametrize("seed", range(6))
def test_exact_equals_brute_force_and_fast_is_close(seed):
    candidates, demand, weights, existing = random_instance(seed, n_candidates=11)
    spacing = 250.0 if seed % 2 else 0.0
    model = build_coverage(candidates, demand, weights, existing, 300)
    best, _ = brute_force(model, 3, Spacing(candidates, spacing))
    exact = select_locations(
        candidates, demand, weights, existing, count=3, radius=300, min_spacing=spacing, method="exact"
    )
    fast = select_locations(candidates, demand, weights, existing, count=3, radius=300, min_spacing=spacing)
    assert exact.proven_optimal
    assert exact.covered_after - exact.covered_before == pytest.approx(best)
    assert fast.covered_after - fast.covered_before >= 0.98 * best - 1e-9
    for result in (exact, fast):
        assert pairwise_min(candidates[result.selected]) >= spacing
        assert result.upper_bound >= exact.covered_after - 1e-6


@pytest.mark.parametrize("seed", range(2))
def test_min_spacing_holds_and_bound_is_valid_on_larger_instances(seed):
    rng = np.random.default_rng(100 + seed)
    candidates = rng.uniform(0, 2500, (200, 2))
    demand = rng.uniform(0, 2500, (2000, 2))
    for method in ("fast", "exact"):
        result = select_locations(
            candidates,
            demand,
            None,
            None,
            count=12,
            radius=250,
            min_spacing=400,
            method=method,
            time_limit=20,
        )
        assert pairwise_min(candidates[result.selected]) >= 400
        assert result.covered_after <= result.upper_bound + 1e-6
        assert len(set(result.selected.tolist())) == len(result.selected)
        np.testing.assert_allclose(result.marginal_demand.sum(), result.covered_after - result.covered_before)
        assert np.all(np.diff(result.cumulative_covered_pct) >= -1e-9)
    exact = result
    fast = select_locations(candidates, demand, None, None, count=12, radius=250, min_spacing=400)
    if exact.proven_optimal:
        assert fast.covered_after >= 0.98 * exact.covered_after


def test_coverage_never_decreases_when_sites_are_added():
    candidates, demand, weights, existing = random_instance(11, n_candidates=60, n_demand=800, size=3000)
    previous = -1.0
    for count in range(1, 15):
        result = select_locations(candidates, demand, weights, existing, count=count, radius=250)
        assert result.covered_after >= previous - 1e-9
        previous = result.covered_after
    # Adding existing points never lowers the covered demand either.
    more = select_locations(candidates, demand, weights, np.r_[existing, demand[:50]], count=5, radius=250)
    less = select_locations(candidates, demand, weights, existing, count=5, radius=250)
    assert more.covered_after >= less.covered_after - 1e-9


def test_stops_when_nothing_more_can_be_covered():
    result = select_locations([[0, 0], [10, 0], [5000, 0]], [[0, 0]], count=3, radius=50)
    assert len(result.selected) == 1
    assert result.cumulative_covered_pct[-1] == 100
    assert result.upper_bound == result.covered_after == 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"count": 0}, "COUNT"),
        ({"count": 2.5}, "COUNT"),
        ({"radius": -1}, "RADIUS"),
        ({"min_spacing": -5}, "MIN_SPACING"),
        ({"method": "slow"}, "METHOD"),
        ({"demand_weight": [-1]}, "weights"),
        ({"time_limit": 0}, "TIME_LIMIT"),
    ],
)
def test_bad_parameters_are_refused(kwargs, message):
    arguments = {"candidates_xy": [[0, 0]], "demand_xy": [[0, 0]], "count": 1}
    arguments.update(kwargs)
    with pytest.raises(InputError, match=message):
        select_locations(**arguments)


def test_progress_callback_can_cancel():
    from ev_planner.core.errors import CanceledError

    candidates, demand, weights, existing = random_instance(4, n_candidates=50, n_demand=500)
    seen = []

    def progress(share):
        seen.append(share)
        return share < 0.3

    with pytest.raises(CanceledError):
        select_locations(candidates, demand, weights, existing, count=5, radius=300, progress=progress)
    assert seen
    assert all(0 <= s <= 1 for s in seen)


def test_exact_method_can_be_cancelled_while_highs_runs():
    from ev_planner.core.errors import CanceledError

    candidates, demand, weights, existing = random_instance(6, n_candidates=300, n_demand=3000, size=4000)
    calls = []

    def progress(share):
        calls.append(share)
        return share <= 0.5  # the MILP reports shares of (0.5, 0.95]

    with pytest.raises(CanceledError):
        select_locations(
            candidates,
            demand,
            weights,
            existing,
            count=25,
            radius=250,
            min_spacing=200,
            method="exact",
            progress=progress,
        )
    assert 0.5 < calls[-1] < 0.95  # interrupted inside HiGHS, not after it


def test_demand_with_the_same_covering_sites_is_merged_for_the_milp():
    from ev_planner.core.potential.milp import aggregate_demand

    candidates = [[0, 0], [100, 0]]
    demand = [[0, 0], [1, 0], [50, 0], [51, 0], [100, 0]]  # sets {0}, {0}, {0,1}, {0,1}, {1}
    model = build_coverage(candidates, demand, [1, 2, 3, 4, 5], None, 60)
    matrix, weights = aggregate_demand(model.matrix, model.weights)
    assert matrix.shape == (2, 3)
    assert sorted(weights.tolist()) == [3, 5, 7]
    assert float(matrix @ np.ones(3) @ np.ones(2)) == 4  # {0}, {0,1}, {1}: four incidences


def test_exact_method_refuses_instances_too_large(monkeypatch):
    import ev_planner.core.potential.milp as milp

    monkeypatch.setattr(milp, "EXACT_MAX_NONZEROS", 10)
    candidates, demand, weights, existing = random_instance(1)
    with pytest.raises(InputError, match="use the fast method"):
        select_locations(candidates, demand, weights, existing, count=2, radius=300, method="exact")


def test_without_highspy_exact_runs_on_scipys_highs_and_finds_the_same_optimum():
    """highspy is a pip package QGIS does not ship: SciPy >= 1.9 carries HiGHS as milp."""
    import subprocess
    import sys
    from pathlib import Path

    script = """
import sys
sys.modules["highspy"] = None  # as if it were not installed
import numpy as np
from ev_planner.core.potential.selection import select_locations
rng = np.random.default_rng(1)
candidates, demand = rng.uniform(0, 2000, (200, 2)), rng.uniform(0, 2000, (2000, 2))
fast = select_locations(candidates, demand, count=5, radius=250, method="fast")
print("fast", len(fast.selected), fast.bound_source, repr(fast.solver))
exact = select_locations(candidates, demand, count=5, radius=250, min_spacing=300, method="exact")
print("exact", exact.solver, exact.proven_optimal, exact.bound_source, repr(exact.covered_after))
print("selected", sorted(exact.selected.tolist()))
"""
    completed = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[3],
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    lines = dict(line.split(" ", 1) for line in completed.stdout.splitlines())
    assert lines["fast"].split()[0] == "5"
    assert lines["fast"].split()[1] != "lp"  # no LP bound without highspy
    solver, proven, source, covered = lines["exact"].split()
    assert (solver, proven, source) == ("scipy", "True", "milp")

    rng = np.random.default_rng(1)
    candidates, demand = rng.uniform(0, 2000, (200, 2)), rng.uniform(0, 2000, (2000, 2))
    with_highspy = select_locations(candidates, demand, count=5, radius=250, min_spacing=300, method="exact")
    assert with_highspy.proven_optimal
    assert float(covered) == pytest.approx(with_highspy.covered_after)
