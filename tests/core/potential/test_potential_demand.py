"""Dasymetric disaggregation: known shares, conservation per area, empty areas reported."""

from __future__ import annotations

import numpy as np
import pytest

from ev_planner.core.errors import InputError
from ev_planner.core.potential.demand import distribute, distribute_over_polygons

LEFT = [np.array([[0.0, 0.0], [100.0, 0.0], [100.0, 100.0], [0.0, 100.0]])]
RIGHT = [np.array([[100.0, 0.0], [200.0, 0.0], [200.0, 100.0], [100.0, 100.0]])]
FAR = [np.array([[500.0, 0.0], [600.0, 0.0], [600.0, 100.0], [500.0, 100.0]])]


def test_known_shares_with_weights_and_empty_area():
    values = np.array([[100.0, 40.0], [9.0, 3.0], [7.0, 1.0]])  # households, cars
    targets = np.array([[10.0, 10.0], [20.0, 20.0], [150.0, 50.0], [1000.0, 1000.0]])
    weights = np.array([1.0, 3.0, 2.0, 5.0])
    result = distribute_over_polygons([LEFT, RIGHT, FAR], values, targets, weights)
    assert result.area_index.tolist() == [0, 0, 1, -1]
    assert np.allclose(result.shares, [[25.0, 10.0], [75.0, 30.0], [9.0, 3.0], [0.0, 0.0]])
    assert result.empty_areas.tolist() == [2]
    assert result.undistributed.tolist() == [7.0, 1.0]


def test_all_zero_weights_split_equally():
    result = distribute(np.array([[10.0]]), np.array([0, 0, 0, 0]), np.zeros(4))
    assert np.allclose(result.shares[:, 0], 2.5)
    assert result.equal_split_areas.tolist() == [0]


@pytest.mark.parametrize("seed", range(5))
def test_sum_per_area_is_preserved(seed):
    rng = np.random.default_rng(seed)
    n_areas, n_targets = 40, 5000
    values = rng.uniform(0, 1e6, size=(n_areas, 3))
    area = rng.integers(-1, n_areas, size=n_targets)
    weights = rng.exponential(1.0, size=n_targets)
    result = distribute(values, area, weights)
    for column in range(3):
        sums = np.bincount(area[area >= 0], weights=result.shares[area >= 0, column], minlength=n_areas)
        served = np.isin(np.arange(n_areas), area)
        assert np.allclose(sums[served], values[served, column], rtol=1e-14, atol=0)
        assert np.allclose(result.undistributed[column], values[~served, column].sum())
    assert np.all(result.shares >= 0)


@pytest.mark.parametrize("seed", range(5))
def test_integer_shares_preserve_whole_totals_exactly(seed):
    rng = np.random.default_rng(seed)
    values = rng.integers(0, 2000, size=(30, 2)).astype(float)
    area = rng.integers(0, 30, size=2000)
    weights = rng.integers(0, 5, size=2000).astype(float)
    result = distribute(values, area, weights, integers=True)
    assert np.array_equal(result.shares, np.round(result.shares))
    for column in range(2):
        sums = np.bincount(area, weights=result.shares[:, column], minlength=30)
        served = np.isin(np.arange(30), area)
        assert np.array_equal(sums[served], values[served, column])
    # Every integer share is the float share rounded down or up.
    exact = distribute(values, area, weights).shares
    assert np.all(np.abs(result.shares - exact) < 1.0 + 1e-9)


def test_bad_inputs_are_refused():
    with pytest.raises(InputError):
        distribute(np.array([[-1.0]]), np.array([0]))
    with pytest.raises(InputError):
        distribute(np.array([[np.nan]]), np.array([0]))
    with pytest.raises(InputError):
        distribute(np.array([[1.0]]), np.array([0]), np.array([-2.0]))
    with pytest.raises(InputError):
        distribute(np.array([[1.0]]), np.array([3]))
