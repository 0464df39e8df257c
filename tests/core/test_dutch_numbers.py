"""The one Dutch number formatter: decimal comma, thousands dots, reader's rounding."""

from __future__ import annotations

import pytest

from ev_planner.core.numbers import dutch_number


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (0, None, "0"),
        (0.0, 1, "0,0"),
        (7, None, "7"),
        (999, None, "999"),
        (1000, None, "1.000"),
        (18152, None, "18.152"),
        (1234567, 0, "1.234.567"),
        (36763.3, 1, "36.763,3"),
        (84600.0, 1, "84.600,0"),
        (52.0123456, 6, "52,012346"),
        (2.5, None, "2,5"),
        (1000.0, None, "1.000"),
        (12.50, None, "12,5"),
    ],
)
def test_thousands_and_decimals(value, decimals, expected):
    assert dutch_number(value, decimals) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (2.25, 1, "2,3"),  # Python's format gives 2.2 (half to even on the binary value)
        (0.125, 2, "0,13"),
        (2.24, 1, "2,2"),
        (1949.0, 0, "1.949"),
        (999.95, 1, "1.000,0"),
        (-2.25, 1, "-2,3"),  # half away from zero on either side
    ],
)
def test_rounding_is_half_away_from_zero_on_the_written_number(value, decimals, expected):
    assert dutch_number(value, decimals) == expected


def test_negatives_keep_their_sign_and_thousands():
    assert dutch_number(-1234.5, 1) == "-1.234,5"
    assert dutch_number(-18152) == "-18.152"


def test_a_value_that_rounds_to_zero_has_no_minus_sign():
    assert dutch_number(-0.04, 1) == "0,0"
    assert dutch_number(-0.0) == "0"


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_not_a_number_is_refused(value):
    with pytest.raises(ValueError, match="not a number"):
        dutch_number(value)
