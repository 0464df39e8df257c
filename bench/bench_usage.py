"""Benchmark of evplanner:usagekpis' core: 5,000,000 sessions over 200,000 charge points.

Each case runs in its own subprocess so that its peak memory (ru_maxrss) is its
own; both build the same synthetic input first (seeded), then time only the
computation:

- ours: ``compute_usage_kpis`` (all session KPIs, overlap detection, connected
  hours as the union per EVSE, occupancy, advice);
- pandas-same-work: the same session figures written as straightforward pandas
  (row-wise id normalisation, sort, groupby cummax/shift for overlaps, groupby agg);
- reference: a plain pandas groupby doing the minimum (sessions, kWh and mean
  blocking time per location), no id normalisation, no overlaps, no advice.

Run: ``.venv/bin/python bench/bench_usage.py [--sessions N] [--points N]``.
Targets (issue 4): <= 60 s and <= 4 GB on the 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PERIOD = (pd.Timestamp("2026-01-01T00:00:00Z"), pd.Timestamp("2026-04-01T00:00:00Z"))


def synthetic(n_sessions: int, n_points: int, seed: int = 42):
    """Charge points with 1-4 EVSEs and sessions spread over a quarter, as a platform would export them."""
    rng = np.random.default_rng(seed)
    location_ids = np.char.add("LOC", np.arange(n_points).astype(str)).astype(object)
    evse_count = rng.integers(1, 5, n_points)
    points = pd.DataFrame({"location_id": location_ids, "evse_count": evse_count})
    # Busy points get more sessions: a skewed choice of location.
    weights = rng.gamma(2.0, 1.0, n_points)
    location = rng.choice(n_points, size=n_sessions, p=weights / weights.sum())
    evse = rng.integers(0, 4, n_sessions) % evse_count[location]
    span = (PERIOD[1] - PERIOD[0]).value
    start = PERIOD[0].value + rng.integers(0, span, n_sessions)
    parking = rng.gamma(2.0, 2.5, n_sessions)  # hours
    charging = parking * rng.uniform(0.2, 1.0, n_sessions)
    sessions = pd.DataFrame(
        {
            "session_id": np.arange(n_sessions).astype(str).astype(object),
            "location_id": location_ids[location],
            "evse_uid": np.char.add(
                location_ids[location].astype(str), np.char.add("-", evse.astype(str))
            ).astype(object),
            "start": pd.to_datetime(start, utc=True),
            "end": pd.to_datetime(start + (parking * 3.6e12).astype(np.int64), utc=True),
            "kwh": charging * rng.uniform(3.0, 11.0, n_sessions),
            "charging_hours": charging,
            "parking_hours": parking,
            "cost": np.nan,
        }
    )
    return points, sessions


def _pandas_same_work(points: pd.DataFrame, sessions: pd.DataFrame) -> tuple[int, dict]:
    """The same figures (ids normalised, overlaps per EVSE counted once) in straightforward pandas."""
    days = (PERIOD[1] - PERIOD[0]).total_seconds() / 86400
    frame = sessions.assign(
        key=sessions["location_id"].str.strip().str.upper(),
        evse=sessions["evse_uid"].str.strip().str.upper(),
        blocking=(sessions["parking_hours"] - sessions["charging_hours"]).clip(lower=0),
    ).sort_values(["key", "evse", "start", "end"], kind="stable")
    groups = [frame["key"], frame["evse"]]
    previous_end = frame.groupby(groups)["end"].cummax().groupby(groups).shift()
    overlap = frame["start"] < previous_end - pd.Timedelta(minutes=1)
    clipped = frame["start"].where(previous_end.isna() | (frame["start"] >= previous_end), previous_end)
    frame["hours"] = (frame["end"] - clipped).dt.total_seconds().clip(lower=0) / 3600
    table = frame.groupby("key").agg(
        sessions=("session_id", "size"),
        kwh=("kwh", "sum"),
        blocking=("blocking", "mean"),
        hours=("hours", "sum"),
    )
    keyed = points.assign(key=points["location_id"].str.strip().str.upper()).join(table, on="key")
    keyed["occupancy"] = 100 * keyed["hours"] / (keyed["evse_count"] * days * 24)
    keyed["sessions_per_day"] = keyed["sessions"] / days
    return len(keyed), {"overlapping_sessions": int(overlap.sum())}


def run_case(case: str, n_sessions: int, n_points: int) -> dict:
    points, sessions = synthetic(n_sessions, n_points)
    started = time.perf_counter()
    if case == "ours":
        from ev_planner.core.usage.kpis import compute_usage_kpis

        result = compute_usage_kpis(points, sessions=sessions, period=PERIOD)
        rows = len(result.kpis)
        extra = {"overlapping_sessions": result.overlapping_sessions}
    elif case == "pandas-same-work":
        rows, extra = _pandas_same_work(points, sessions)
    else:
        blocking = (sessions["parking_hours"] - sessions["charging_hours"]).clip(lower=0)
        table = (
            sessions.assign(blocking=blocking)
            .groupby("location_id")
            .agg(sessions=("session_id", "size"), kwh=("kwh", "sum"), blocking=("blocking", "mean"))
        )
        days = (PERIOD[1] - PERIOD[0]).total_seconds() / 86400
        table = points.set_index("location_id").join(table / [days, days, 1.0])
        rows = len(table)
        extra = {}
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    return {"case": case, "seconds": seconds, "peak_mb": peak_mb, "rows": rows, **extra}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=5_000_000)
    parser.add_argument("--points", type=int, default=200_000)
    parser.add_argument("--case", choices=("ours", "pandas-same-work", "reference"))
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case, args.sessions, args.points)))
        return
    results = {}
    for case in ("reference", "pandas-same-work", "ours"):
        completed = subprocess.run(
            [
                sys.executable,
                __file__,
                "--case",
                case,
                "--sessions",
                str(args.sessions),
                "--points",
                str(args.points),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        results[case] = json.loads(completed.stdout.strip().splitlines()[-1])
    ours = results["ours"]
    print(f"usagekpis core: {args.sessions:,} sessions, {args.points:,} charge points")
    print(f"{'case':<18}{'time (s)':>10}{'peak (MB)':>12}{'ours/case time':>16}{'ours/case memory':>18}")
    for case in ("ours", "pandas-same-work", "reference"):
        r = results[case]
        print(
            f"{case:<18}{r['seconds']:>10.2f}{r['peak_mb']:>12.0f}"
            f"{ours['seconds'] / r['seconds']:>16.2f}{ours['peak_mb'] / r['peak_mb']:>18.2f}"
        )
    print(
        f"targets: time <= 60 s: {'met' if ours['seconds'] <= 60 else 'NOT met'}; "
        f"peak <= 4096 MB: {'met' if ours['peak_mb'] <= 4096 else 'NOT met'}"
    )
    print(
        f"overlapping sessions found: {ours['overlapping_sessions']:,} "
        f"(pandas-same-work: {results['pandas-same-work']['overlapping_sessions']:,})"
    )


if __name__ == "__main__":
    main()
