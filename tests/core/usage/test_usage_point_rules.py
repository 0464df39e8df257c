"""The rules the usage algorithms apply around the figures: period, ids, counts, numbers, totals."""

from __future__ import annotations

import pandas as pd
import pytest

from ev_planner.core.usage import kpis, operators

T0 = pd.Timestamp("2026-06-01T00:00:00Z")
T1 = pd.Timestamp("2026-06-11T00:00:00Z")
SESSIONS = pd.DataFrame(
    {"start": [pd.Timestamp("2026-06-03T08:00:00Z")], "end": [pd.Timestamp("2026-06-04T09:00:00Z")]}
)


@pytest.mark.parametrize(
    ("start", "end", "sessions", "expected"),
    [
        (T0, T1, None, (T0, T1)),  # both given: used as they are
        (None, None, SESSIONS, None),  # nothing given: the core takes the sessions' own span
        (T0, None, SESSIONS, (T0, SESSIONS["end"].max())),
        (None, T1, SESSIONS, (SESSIONS["start"].min(), T1)),
        (T0, None, None, None),  # no sessions to take the end from
        (T0, None, SESSIONS.iloc[0:0], None),
    ],
)
def test_sessions_period(start, end, sessions, expected):
    assert kpis.sessions_period(start, end, sessions) == expected


def test_charge_points_keep_ids_as_text_and_count_the_points_without_one():
    points = kpis.charge_points(["A", None, 7], [2, None, 1])
    assert points["location_id"].tolist()[0::2] == ["A", "7"]
    assert kpis.points_without_id(points) == 1


def test_busy_and_advice_counts_ignore_points_without_figures():
    points = kpis.charge_points(["A", "B", "C", None], [1, 1, 1, 1])
    hours = pd.date_range("2026-06-01", periods=30, freq="h", tz="UTC")
    rows = [("A", hour, hour.hour, 90.0, 1) for hour in hours] + [
        ("B", hour, hour.hour, 2.0, 1) for hour in hours
    ]
    occupancy = pd.DataFrame(rows, columns=["location_id", "hour_utc", "local_hour", "occ_pct", "n"])
    result = kpis.compute_usage_kpis(points, occupancy=occupancy)
    assert result.busy_count == 1
    assert result.advice_count(kpis.ADVICE_ADD_NEARBY) == 1
    assert result.advice_count(kpis.ADVICE_CONSIDER_MOVING) == 1


def test_values_that_are_no_numbers_become_unknown_and_are_counted():
    points = pd.DataFrame({"evse_count": [2, "two", None], "price_kwh": ["0.45", "0,45", 0.5]})
    assert operators.coerce_numbers(points) == {"evse_count": 1, "price_kwh": 1}
    assert points["evse_count"].isna().tolist() == [False, True, True]
    assert points["price_kwh"].tolist()[0::2] == [0.45, 0.5]


def test_overall_figures_take_all_points_whatever_their_area():
    points = pd.DataFrame(
        {
            "operator": ["X", "X", "Y"],
            "evse_count": [1.0, 1.0, 2.0],
            "max_power_kw": [11.0, 50.0, 11.0],
            "area": ["north", "south", "south"],
        }
    )
    overall = operators.overall_figures(points)
    assert overall.operators == 2
    assert overall.hhi == pytest.approx(50.0**2 + 50.0**2)
    assert overall.equivalents == pytest.approx(1 + 5 + 2)
    assert operators.overall_figures(points.iloc[0:0]) == operators.Overall()
