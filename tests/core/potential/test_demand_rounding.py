"""Demand figures are rounded to a tenth; cells rounded together keep their total."""

from __future__ import annotations

import numpy as np
import pytest

from ev_planner.core.potential.demand import DEMAND_DECIMALS, rounded_keeping_total


def test_rounding_to_a_tenth_keeps_the_total():
    shares = np.full(7, 10.0 / 7)  # 1.428571… seven times: plain rounding gives 9.8
    assert np.round(shares, 1).sum() == pytest.approx(9.8)
    rounded = rounded_keeping_total(shares, DEMAND_DECIMALS)
    assert rounded.sum() == pytest.approx(10.0, abs=1e-9)
    assert sorted(set(rounded.tolist())) == [1.4, 1.5]
    assert np.abs(rounded - shares).max() < 0.1


def test_the_largest_remainders_get_the_extra_tenth_and_exact_values_stay():
    rounded = rounded_keeping_total(np.array([2.04, 2.06, 3.0, 0.0]), 1)
    assert rounded.tolist() == [2.0, 2.1, 3.0, 0.0]


def test_an_empty_column_rounds_to_an_empty_column():
    assert rounded_keeping_total(np.array([]), 1).tolist() == []
