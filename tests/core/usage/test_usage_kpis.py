"""Usage KPIs: hand-made sessions with known figures, the Delft sample, every error path."""

from __future__ import annotations

import csv
import json
from collections import defaultdict

import numpy as np
import pandas as pd
import pytest

from ev_planner.core.usage import kpis as k
from ev_planner.core.usage.occupancy import read_occupancy, read_status_history
from ev_planner.core.usage.sessions import sessions_from_frame

NOW = pd.Timestamp("2026-07-01T00:00:00Z")
PERIOD = (pd.Timestamp("2026-06-01T00:00:00Z"), pd.Timestamp("2026-06-11T00:00:00Z"))  # 10 days


def points(*rows):
    return pd.DataFrame(rows, columns=["location_id", "evse_count"])


def sessions(*rows):
    frame = pd.DataFrame(
        rows, columns=["session_id", "location_id", "evse_uid", "start", "end", "kwh", "charging_hours"]
    )
    return sessions_from_frame(frame, now=NOW).frame


def test_hand_made_sessions_give_known_kpis():
    table = sessions(
        ("1", "A", "A1", "2026-06-01T08:00Z", "2026-06-01T18:00Z", 20.0, 4.0),  # 10 h, 6 h blocking
        ("2", "A", "A2", "2026-06-02T08:00Z", "2026-06-02T12:00Z", 10.0, 4.0),  # 4 h, 0 blocking
        ("3", "B", "B1", "2026-06-03T00:00Z", "2026-06-03T06:00Z", 30.0, None),  # no charging time
    )
    result = k.compute_usage_kpis(points(("A", 2), ("B", 1), ("C", 1)), sessions=table, period=PERIOD)
    kpis = result.kpis
    assert kpis["sessions_per_day"].tolist() == pytest.approx([0.2, 0.1, 0.0])
    assert kpis["kwh_per_day"].tolist() == pytest.approx([3.0, 3.0, 0.0])
    assert kpis["kwh_per_year"].tolist() == pytest.approx([1095.0, 1095.0, 0.0])
    assert kpis["blocking_hours_per_session"].iloc[0] == pytest.approx(3.0)
    assert np.isnan(kpis["blocking_hours_per_session"].iloc[1])
    # occupancy from sessions: A 14 connected hours / (2 EVSEs x 240 h); B 6 / 240
    assert kpis["occupancy_mean"].tolist() == pytest.approx([100 * 14 / 480, 100 * 6 / 240, 0.0])
    assert result.occupancy_from == "sessions"
    assert result.not_computed == {
        "occupancy_peak_hour": k.MISSING_OCCUPANCY,
        "hours_sampled": k.MISSING_OCCUPANCY,
        "share_hours_full": k.MISSING_OCCUPANCY,
        "availability_pct": k.MISSING_STATUS,
    }
    assert kpis["hours_sampled"].isna().all()
    assert kpis["busy"].tolist() == [False, False, False]
    assert kpis["advice"].tolist() == ["consider moving", "consider moving", "consider moving"]


def test_period_defaults_to_first_start_until_last_end():
    table = sessions(
        ("1", "A", "A1", "2026-06-01T00:00Z", "2026-06-01T12:00Z", 10.0, None),
        ("2", "A", "A1", "2026-06-02T12:00Z", "2026-06-03T00:00Z", 10.0, None),
    )
    result = k.compute_usage_kpis(points(("A", 1)), sessions=table)
    assert result.period == (pd.Timestamp("2026-06-01T00:00Z"), pd.Timestamp("2026-06-03T00:00Z"))
    assert result.kpis["sessions_per_day"].iloc[0] == pytest.approx(1.0)
    assert result.kpis["occupancy_mean"].iloc[0] == pytest.approx(50.0)
    assert result.kpis["advice"].iloc[0] == "watch"  # two days of sessions are too little data
    assert "2 days of sessions" in result.kpis["advice_reason"].iloc[0]


def test_overlapping_sessions_on_one_evse_are_reported_and_counted_once():
    table = sessions(
        ("1", "A", "A1", "2026-06-01T08:00Z", "2026-06-01T12:00Z", 5.0, None),
        ("2", "A", "A1", "2026-06-01T10:00Z", "2026-06-01T14:00Z", 5.0, None),  # overlaps 2 h
        ("3", "A", "A1", "2026-06-01T11:00Z", "2026-06-01T11:30Z", 5.0, None),  # inside both
        ("4", "A", "A2", "2026-06-01T10:00Z", "2026-06-01T14:00Z", 5.0, None),  # other EVSE: fine
        ("5", "A", "A1", "2026-06-01T14:00:30Z", "2026-06-01T15:00Z", 5.0, None),  # 30 s jitter: fine
    )
    result = k.compute_usage_kpis(points(("A", 2)), sessions=table, period=PERIOD)
    assert result.overlapping_sessions == 2
    assert result.overlapping_evses == 1
    assert sorted(result.overlap_examples) == ["2", "3"]
    connected = 6 + 4 + (1 - 30 / 3600)  # A1 union 08-14, A2 4 h, session 5 from 14:00:30
    assert result.kpis["occupancy_mean"].iloc[0] == pytest.approx(100 * connected / 480)
    assert result.kpis["sessions_per_day"].iloc[0] == pytest.approx(0.5)  # every session still counts


def test_sessions_partly_outside_the_period_count_only_inside():
    table = sessions(("1", "A", "A1", "2026-06-10T12:00Z", "2026-06-11T12:00Z", 5.0, None))
    result = k.compute_usage_kpis(points(("A", 1)), sessions=table, period=PERIOD)
    assert result.kpis["occupancy_mean"].iloc[0] == pytest.approx(100 * 12 / 240)


def test_unknown_location_ids_are_reported_per_input_and_ignored():
    table = sessions(
        ("1", "a ", "A1", "2026-06-01T08:00Z", "2026-06-01T12:00Z", 5.0, None),  # case and space differ
        ("2", "X", "X1", "2026-06-01T08:00Z", "2026-06-01T12:00Z", 5.0, None),
        ("3", "X", "X1", "2026-06-02T08:00Z", "2026-06-02T12:00Z", 5.0, None),
        ("4", "Y", "Y1", "2026-06-02T08:00Z", "2026-06-02T12:00Z", 5.0, None),
    )
    result = k.compute_usage_kpis(points(("A", 1)), sessions=table, period=PERIOD)
    unknown = result.unknown_ids["SESSIONS"]
    assert (unknown.rows, unknown.ids, unknown.examples) == (3, 2, ["X", "Y"])
    assert result.kpis["sessions_per_day"].iloc[0] == pytest.approx(0.1)


def test_empty_inputs():
    empty = sessions()
    result = k.compute_usage_kpis(points(("A", 1)), sessions=empty)
    assert result.not_computed["sessions_per_day"] == k.MISSING_NO_SESSION
    assert result.not_computed["occupancy_mean"] == k.MISSING_OCCUPANCY_OR_SESSIONS
    assert result.kpis["advice"].tolist() == ["watch"]
    assert result.kpis["advice_reason"].tolist() == ["no usage data for this point"]
    assert pd.isna(result.kpis["busy"].iloc[0])
    # with a period, an empty sessions table means: no sessions, i.e. zero use
    result = k.compute_usage_kpis(points(("A", 1)), sessions=empty, period=PERIOD)
    assert result.kpis["sessions_per_day"].tolist() == [0.0]
    # no points at all
    result = k.compute_usage_kpis(points(), sessions=empty, period=PERIOD)
    assert len(result.kpis) == 0
    # nothing given at all
    result = k.compute_usage_kpis(points(("A", 1)))
    assert set(result.not_computed) == set(k.KPI_FIELDS[:10])


def test_points_sharing_an_id_share_figures_and_points_without_id_get_none():
    table = sessions(("1", "A", "A1", "2026-06-01T08:00Z", "2026-06-01T12:00Z", 5.0, None))
    result = k.compute_usage_kpis(points(("A", 1), ("A", 1), (None, 1)), sessions=table, period=PERIOD)
    assert result.kpis["sessions_per_day"].iloc[:2].tolist() == pytest.approx([0.1, 0.1])
    assert np.isnan(result.kpis["sessions_per_day"].iloc[2])
    assert pd.isna(result.kpis["advice"].iloc[2])


def occupancy_frame(rows):
    return pd.DataFrame(rows, columns=["location_id", "hour_utc", "local_hour", "occ_pct", "n"])


def test_occupancy_advice_categories_and_peak_hour():
    hours = pd.date_range("2026-06-01", periods=48, freq="h", tz="UTC")
    rows = []
    for loc, values in {
        "BUSY": [100] * 30 + [50] * 18,
        "LOW": [0] * 47 + [50],
        "MID": [40] * 48,
        "NEAR": [60] * 48,
    }.items():
        rows += [(loc, h, h.hour, v, 2) for h, v in zip(hours, values)]
    rows += [("FEW", hours[0], 0, 90, 2)]
    occ = occupancy_frame(rows)
    pts = points(("BUSY", 2), ("LOW", 2), ("MID", 2), ("NEAR", 2), ("FEW", 2), ("NONE", 2))
    result = k.compute_usage_kpis(pts, occupancy=occ)
    kpis = result.kpis.set_index(pts["location_id"])
    assert kpis.loc["BUSY", "occupancy_mean"] == pytest.approx((30 * 100 + 18 * 50) / 48)
    assert kpis.loc["BUSY", "share_hours_full"] == pytest.approx(100 * 30 / 48)
    assert kpis.loc["BUSY", "occupancy_peak_hour"] == 0  # 100 % on both days at 00-05
    assert kpis.loc["LOW", "occupancy_peak_hour"] == 23
    assert kpis.loc["MID", "occupancy_peak_hour"] == 0  # ties: the earliest hour
    assert kpis.loc["LOW", "hours_sampled"] == 48
    assert kpis.loc["NONE", "hours_sampled"] == 0
    assert pd.isna(kpis.loc["NONE", "occupancy_peak_hour"])
    assert kpis["advice"].tolist() == ["add nearby", "consider moving", "keep", "watch", "watch", "watch"]
    assert kpis["busy"].tolist()[:4] == [True, False, False, False]
    assert kpis.loc["NEAR", "advice_reason"] == "occupancy 60 % close to the busy threshold of 70 %"
    assert kpis.loc["FEW", "advice_reason"] == "too little data: 1 hours sampled"
    assert kpis.loc["NONE", "advice_reason"] == "no usage data for this point"
    # a higher threshold and translated templates
    result = k.compute_usage_kpis(
        pts, occupancy=occ, thresholds=k.Thresholds(busy_pct=80), templates={"busy": "druk: {occupancy}"}
    )
    assert result.kpis["advice"].tolist()[:4] == ["add nearby", "consider moving", "keep", "keep"]
    assert result.kpis["advice_reason"].iloc[0] == "druk: 81"


def test_status_availability_and_advice_on_low_availability():
    status = pd.DataFrame(
        {
            "location_id": ["A"] * 4 + ["B"] * 2,
            "observed_at": pd.date_range("2026-06-01", periods=6, freq="h", tz="UTC"),
            "status": ["AVAILABLE", "CHARGING", "UNAVAILABLE", "UNKNOWN", "AVAILABLE", "AVAILABLE"],
        }
    )
    status["up"] = status["status"].isin(["AVAILABLE", "CHARGING"])
    status["counts"] = status["status"] != "UNKNOWN"
    result = k.compute_usage_kpis(points(("A", 1), ("B", 1), ("C", 1)), status=status)
    assert result.kpis["availability_pct"].iloc[:2].tolist() == pytest.approx([200 / 3, 100.0])
    assert np.isnan(result.kpis["availability_pct"].iloc[2])
    assert result.kpis["advice"].tolist() == ["watch", "keep", "watch"]
    assert result.kpis["advice_reason"].iloc[0] == "availability 67 % below 90 %"


def test_delft_sample_figures_match_an_independent_computation(sample_dir):
    locations = json.loads((sample_dir / "charge_points.ocpi.json").read_text())
    pts = points(*[(loc["id"], len(loc["evses"])) for loc in locations])
    occupancy = read_occupancy(sample_dir / "occupancy")
    status = read_status_history(sample_dir / "status_history.csv")
    result = k.compute_usage_kpis(pts, occupancy=occupancy.frame, status=status.frame)
    kpis = result.kpis.set_index(pts["location_id"])

    # Independent: plain Python over the raw files (dates are June: no DST change inside).
    values = defaultdict(list)
    by_hour = defaultdict(lambda: defaultdict(list))
    for path in sorted((sample_dir / "occupancy").glob("*.json")):
        day = json.loads(path.read_text())
        for loc, entry in day["locations"].items():
            for hour, value in enumerate(entry["occ"]):
                if value is not None:
                    values[loc].append(value)
                    by_hour[loc][hour].append(value)
    known = {loc["id"] for loc in locations}
    for loc in ["50008", "923536", "32413", locations[100]["id"], locations[500]["id"]]:
        assert kpis.loc[loc, "hours_sampled"] == len(values[loc])
        assert kpis.loc[loc, "occupancy_mean"] == pytest.approx(sum(values[loc]) / len(values[loc]))
        full = sum(v >= 100 for v in values[loc]) / len(values[loc]) * 100
        assert kpis.loc[loc, "share_hours_full"] == pytest.approx(full)
        means = {h: sum(v) / len(v) for h, v in by_hour[loc].items()}
        if max(means.values()) > 0:
            best = max(means.values())
            assert kpis.loc[loc, "occupancy_peak_hour"] == min(h for h, m in means.items() if m == best)
    unknown_occ = {loc for loc in values if loc not in known}
    assert result.unknown_ids["OCCUPANCY"].ids == len(unknown_occ) == 1

    with open(sample_dir / "status_history.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    up, total = defaultdict(int), defaultdict(int)
    for row in rows:
        total[row["location_id"]] += 1
        up[row["location_id"]] += row["status"] in ("AVAILABLE", "CHARGING")
    for loc in list(known)[:50]:
        assert kpis.loc[loc, "availability_pct"] == pytest.approx(100 * up[loc] / total[loc])
    assert result.unknown_ids["STATUS_HISTORY"].ids == len(set(total) - known)
    busy = [loc for loc in known if values[loc] and sum(values[loc]) / len(values[loc]) > 70]
    assert int(kpis["busy"].sum()) == len(busy)
    assert set(kpis["advice"]) <= {"keep", "watch", "add nearby", "consider moving"}
    assert (kpis.loc[kpis["busy"].fillna(False).to_numpy(dtype=bool), "advice"] == "add nearby").all()


def test_overlap_at_the_end_of_the_period_is_judged_on_the_real_times():
    table = sessions(
        ("1", "A", "A1", "2026-06-10T22:00Z", "2026-06-11T02:00Z", 5.0, None),  # runs past the period end
        # starts inside the period and overlaps
        ("2", "A", "A1", "2026-06-10T23:59:30Z", "2026-06-11T01:00Z", 5.0, None),
    )
    result = k.compute_usage_kpis(points(("A", 1)), sessions=table, period=PERIOD)
    assert result.overlapping_sessions == 1
    assert result.kpis["occupancy_mean"].iloc[0] == pytest.approx(100 * 2 / 240)  # 22:00-24:00 inside


def test_python_api_keeps_a_geodataframe(sample_dir):
    geopandas = pytest.importorskip("geopandas")
    from shapely.geometry import Point

    charge_points = geopandas.GeoDataFrame(
        {"source_id": ["50008", "32413"], "evse_count": [8, 4], "busy": [None, None]},
        geometry=[Point(4.35, 52.0), Point(4.36, 52.01)],
        crs="EPSG:4326",
    )
    occupancy = read_occupancy(sample_dir / "occupancy")
    out, result = k.add_usage_kpis(charge_points, occupancy=occupancy.frame)
    assert result.not_computed["sessions_per_day"] == k.MISSING_SESSIONS
    assert isinstance(out, geopandas.GeoDataFrame)
    assert out.crs == charge_points.crs
    assert list(out.columns[-len(k.KPI_FIELDS) :]) == list(k.KPI_FIELDS)
    assert out["hours_sampled"].tolist() == [79, 79]
    assert charge_points["busy"].isna().all()  # the input is unchanged
