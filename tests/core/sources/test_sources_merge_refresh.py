"""Merging sources into one feature per location, and refreshing without loss (pure logic)."""

from __future__ import annotations

import numpy as np
import pytest

from ev_planner.core.errors import InputError
from ev_planner.core.sources.merge import combine_group, merge_groups, operators_compatible
from ev_planner.core.sources.refresh import ExistingRow, plan_refresh


def test_operator_compatibility():
    assert operators_compatible("Shell Recharge", "Shell")
    assert operators_compatible("Vattenfall InCharge B.V.", "vattenfall incharge")
    assert operators_compatible(None, "Allego")
    assert operators_compatible("", "Allego")
    assert not operators_compatible("Allego", "Vattenfall")


def test_authority_distance_and_contradiction():
    # 0 OSM, 1 OCPI, 2 OCM at 10 m, 3 OCM at 30 m, 4 OSM with another operator at 5 m
    xy = np.array([[0, 0], [3, 0], [10, 0], [30, 0], [0, 5]], dtype=float)
    sources = ["osm", "ocpi", "ocm", "ocm", "osm"]
    operators = ["Allego", "Allego B.V.", None, "Allego", "Vattenfall"]
    inputs = [2, 0, 1, 1, 3]
    groups = merge_groups(xy, sources, operators, inputs, distance=15)
    assert groups == [[1, 2, 0], [3], [4]]  # members in authority order


def test_same_input_records_never_merge_and_input_order_breaks_ties():
    xy = np.array([[0, 0], [2, 0], [1, 0]], dtype=float)
    groups = merge_groups(xy, ["ocpi", "ocpi", "ocpi"], [None, None, None], [0, 0, 1], distance=15)
    # two records of input 0 stay two locations; input 1's record joins the nearest (index 0 or 1: 1 m both)
    assert len(groups) == 2
    assert sorted(len(g) for g in groups) == [1, 2]
    assert merge_groups(np.array([[0, 0], [1, 0]]), ["x", "y"], [None, None], [1, 0], 15) == [[1, 0]]


def test_distance_zero_and_bad_distance():
    xy = np.array([[0, 0], [0, 0]], dtype=float)
    assert merge_groups(xy, ["ocpi", "osm"], [None, None], [0, 1], distance=0) == [[0], [1]]
    with pytest.raises(InputError):
        merge_groups(xy, ["ocpi", "osm"], [None, None], [0, 1], distance=-1)
    assert merge_groups(np.zeros((0, 2)), [], [], [], 15) == []


def test_combine_fills_empty_fields_and_lists_sources():
    keeper = {
        "source": "ocpi",
        "source_id": "A",
        "operator": "Allego",
        "max_power_kw": None,
        "sources": "ocpi:A",
    }
    ocm = {"source": "ocm", "source_id": "7", "operator": "X", "max_power_kw": 22.0, "sources": None}
    osm = {"source": "osm", "source_id": "node/1", "max_power_kw": 11.0, "sources": "osm:node/1,ocm:7"}
    merged = combine_group([keeper, ocm, osm], ["operator", "max_power_kw", "sources"])
    assert merged["operator"] == "Allego"
    assert merged["max_power_kw"] == 22.0
    assert merged["sources"] == "ocpi:A,ocm:7,osm:node/1"


def row(fid, source_id, lon=4.0, lat=52.0, **values):
    values = {"source": "ocpi", "source_id": source_id, "name": "n", "removed_at": None, **values}
    return ExistingRow(fid, values, lon, lat)


def rec(source_id, lon=4.0, lat=52.0, **values):
    return {
        "source": "ocpi",
        "source_id": source_id,
        "name": "n",
        "fetched_at": "T2",
        "lon": lon,
        "lat": lat,
        **values,
    }


def test_refresh_plan():
    existing = [
        row(1, "same"),
        row(2, "renamed"),
        row(3, "moved"),
        row(4, "gone"),
        row(5, "back", removed_at="T0"),
        row(6, "osm-row", source="osm"),
        row(7, "gone-before", removed_at="T0"),
    ]
    records = [rec("SAME"), rec("renamed", name="new"), rec("moved", lon=4.001), rec("back"), rec("new")]
    fields = ("source", "source_id", "name", "fetched_at", "removed_at")
    plan = plan_refresh(existing, records, "T2", lambda r: r.values["source"] == "ocpi", fields)
    updates = {fid: (changes, position) for fid, changes, position in plan.updates}
    assert updates[1] == ({"fetched_at": "T2"}, None)  # ids compare case-insensitively
    assert updates[2] == ({"name": "new", "fetched_at": "T2"}, None)
    assert updates[3] == ({"fetched_at": "T2"}, (4.001, 52.0))
    assert updates[5] == ({"fetched_at": "T2", "removed_at": None}, None)
    assert [r["source_id"] for r in plan.inserts] == ["new"]
    assert plan.removals == [4]  # not the OSM row (out of scope), not the one removed before
    assert plan.already_removed == 1
    assert (plan.changed, plan.unchanged) == (3, 1)


def test_refresh_tells_parties_apart_and_upgrades_rows_without_party():
    fields = ("source", "source_id", "name", "fetched_at", "removed_at", "party")
    existing = [row(1, "7", party="NL*AAA"), row(2, "7", party="NL*BBB"), row(3, "9", party=None)]
    records = [
        rec("7", party="NL*BBB", name="b"),
        rec("7", party="NL*CCC"),
        rec("9", party="NL*AAA"),
        rec("9", party="NL*ZZZ"),
    ]
    plan = plan_refresh(existing, records, "T2", lambda r: True, fields)
    updates = {fid: changes for fid, changes, _ in plan.updates}
    assert updates[2] == {"name": "b", "fetched_at": "T2"}
    assert updates[3] == {"party": "NL*AAA", "fetched_at": "T2"}  # the old row gets its party
    assert sorted((r["source_id"], r["party"]) for r in plan.inserts) == [("7", "NL*CCC"), ("9", "NL*ZZZ")]
    assert plan.removals == [1]
