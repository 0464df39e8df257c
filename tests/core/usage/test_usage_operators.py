"""Operator performance: hand-made figures, Flemish equivalents, HHI, the Delft operators."""

from __future__ import annotations

import json
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from ev_planner.core.usage import operators as op


def test_equivalents_by_power_class_boundaries():
    power = np.array([3.7, 22.0, 22.1, 150.0, 150.1, 350.0, np.nan])
    assert op.equivalents_per_evse(power).tolist() == [1, 1, 5, 5, 10, 10, 1]


def test_hand_made_operators_with_known_figures():
    points = pd.DataFrame(
        {
            "operator": ["A", "A ", "B", None],
            "evse_count": [2, 2, 4, None],
            "max_power_kw": [11.0, 50.0, 300.0, None],
            "availability_pct": [100.0, 80.0, None, None],
            "price_kwh": [0.30, 0.50, None, 0.20],
        }
    )
    result = op.operator_performance(
        points, op.Limits(max_tariff_eur_kwh=0.40, min_power_kw=22, min_availability_pct=95)
    )
    table = result.table.set_index("operator")
    assert list(result.table.columns) == list(op.OPERATOR_FIELDS)
    assert table.loc["A", "locations"] == 2
    assert table.loc["A", "evses"] == 4
    assert table.loc["A", "share_pct"] == pytest.approx(400 / 9)
    assert table.loc["A", "power_kw"] == pytest.approx(122.0)
    assert table.loc["A", "mean_power_kw"] == pytest.approx(30.5)
    assert table.loc["A", "availability_pct"] == pytest.approx(90.0)
    assert table.loc["A", "under_min_power"] == 1
    assert table.loc["A", "over_max_tariff"] == 1
    assert table.loc["A", "equivalents"] == 12
    assert not table.loc["A", "compliant"]
    assert table.loc["A", "compliance"] == "power, tariff, availability"
    assert table.loc["B", "equivalents"] == 40
    assert table.loc["B", "compliant"]
    assert table.loc[op.UNKNOWN_OPERATOR, "evses"] == 1  # a location has at least one EVSE
    hhi = (400 / 9) ** 2 * 2 + (100 / 9) ** 2
    assert result.areas["hhi"].iloc[0] == pytest.approx(hhi)
    assert result.areas["operators"].iloc[0] == 3
    assert result.unknown_power == 1
    assert result.not_checked == {}


def test_limits_not_set_are_not_checked_and_areas_are_separate():
    points = pd.DataFrame(
        {
            "operator": ["A", "B", "A"],
            "evse_count": [1, 1, 3],
            "max_power_kw": [11.0, 11.0, 11.0],
            "area": ["Noord", "Noord", "Zuid"],
        }
    )
    result = op.operator_performance(points)
    assert set(result.not_checked) == {op.FLAG_POWER, op.FLAG_TARIFF, op.FLAG_AVAILABILITY}
    assert result.table["compliant"].all()
    assert result.table["under_min_power"].isna().all()
    areas = result.areas.set_index("area")
    assert areas.loc["Noord", "hhi"] == pytest.approx(5000.0)
    assert areas.loc["Zuid", "hhi"] == pytest.approx(10000.0)
    assert areas.loc["Zuid", "operators"] == 1
    result = op.operator_performance(points, op.Limits(max_tariff_eur_kwh=0.3))
    assert result.not_checked[op.FLAG_TARIFF] == "no price_kwh"
    assert result.table["over_max_tariff"].isna().all()


def test_empty_input_gives_an_empty_table():
    result = op.operator_performance(pd.DataFrame({"operator": [], "evse_count": [], "max_power_kw": []}))
    assert len(result.table) == 0
    assert len(result.areas) == 0


def test_delft_operators_match_the_raw_file(sample_dir):
    locations = json.loads((sample_dir / "charge_points.ocpi.json").read_text())
    points = pd.DataFrame(
        {
            "operator": [loc.get("operator", {}).get("name") for loc in locations],
            "evse_count": [len(loc["evses"]) for loc in locations],
            "max_power_kw": [22.0] * len(locations),
        }
    )
    result = op.operator_performance(points)
    table = result.table.set_index("operator")
    counts = Counter(loc.get("operator", {}).get("name") for loc in locations)
    evses = Counter()
    for loc in locations:
        evses[loc.get("operator", {}).get("name")] += len(loc["evses"])
    assert table.loc["EQUANS", "locations"] == counts["EQUANS"] == 815
    assert table["evses"].sum() == sum(evses.values()) == 1952
    assert result.areas["operators"].iloc[0] == len(counts)
    hhi = sum((100 * e / 1952) ** 2 for e in evses.values())
    assert result.areas["hhi"].iloc[0] == pytest.approx(hhi)
    assert table["equivalents"].sum() == 1952
