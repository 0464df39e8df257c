"""Forecast of required public points per area, with hand-computed answers."""

from __future__ import annotations

import numpy as np
import pytest

from ev_planner.core.errors import InputError
from ev_planner.core.potential.forecast import (
    DEFAULT_EV_SHARE,
    ForecastParameters,
    count_points_per_area,
    forecast,
)


def test_known_answer():
    result = forecast(
        np.array([1000.0, 100.0, 0.0]), np.array([10.0, 12.0, 0.0]), ForecastParameters(0.2, 0.5, 2.5)
    )
    assert np.allclose(result["evs"], [200.0, 20.0, 0.0])
    assert np.allclose(result["public_evs"], [100.0, 10.0, 0.0])
    assert result["required_points"].tolist() == [40, 4, 0]  # 10 / 2.5 = 4 exactly, no float round-up
    assert result["gap"].tolist() == [30.0, 0.0, 0.0]  # never negative: a surplus is no gap
    assert np.allclose(result["afir_kw"], [260.0, 26.0, 0.0])


def test_required_points_round_up():
    result = forecast(np.array([101.0]), np.array([0.0]), ForecastParameters(1.0, 1.0, 10.0))
    assert result["required_points"].tolist() == [11]


def test_more_evs_never_need_fewer_points():
    cars = np.linspace(0, 5000, 200)
    low = forecast(cars, np.zeros(200), ForecastParameters(0.1, 0.5, 2.5))
    high = forecast(cars, np.zeros(200), ForecastParameters(0.3, 0.5, 2.5))
    assert np.all(high["required_points"] >= low["required_points"])
    assert np.all(np.diff(high["required_points"]) >= 0)


def test_defaults_are_fractions():
    ForecastParameters().validate()
    assert 0 < DEFAULT_EV_SHARE < 1


@pytest.mark.parametrize(
    "parameters",
    [
        ForecastParameters(20.0, 0.5, 2.5),
        ForecastParameters(0.2, -0.1, 2.5),
        ForecastParameters(0.2, 0.5, 0.0),
    ],
)
def test_bad_parameters_are_refused(parameters):
    with pytest.raises(InputError):
        forecast(np.array([10.0]), np.array([0.0]), parameters)


def test_negative_cars_are_refused():
    with pytest.raises(InputError):
        forecast(np.array([-10.0]), np.array([0.0]), ForecastParameters())


def test_count_points_per_area_with_weights():
    counts = count_points_per_area(np.array([0, 0, 2, -1]), 3, np.array([2.0, 4.0, 1.0, 9.0]))
    assert counts.tolist() == [6.0, 0.0, 1.0]
