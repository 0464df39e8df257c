"""A status history with rows from a mistyped year or outside the period: skipped and counted."""

from __future__ import annotations

import pandas as pd

from ev_planner.core.usage import occupancy as o
from ev_planner.core.usage.kpis import compute_usage_kpis

NOW = pd.Timestamp("2026-07-01T00:00:00Z")
ROWS = [
    ("2026-06-02T10:00:00+02:00", "A", "AVAILABLE"),
    ("2026-06-02T11:00:00+02:00", "A", "CHARGING"),
    ("2026-06-03T10:00:00+02:00", "A", "AVAILABLE"),
    ("2099-06-02T10:00:00+02:00", "A", "OUTOFORDER"),  # 2026 mistyped
]


def history(rows, **kwargs) -> o.StatusHistory:
    table = pd.DataFrame(rows, columns=["observed_at", "location_id", "status"])
    return o.status_history_from_frame(table, **kwargs)


def availability(status: o.StatusHistory) -> float:
    points = pd.DataFrame({"location_id": ["A"], "evse_count": [2]})
    result = compute_usage_kpis(points, status=status.frame)
    return float(result.kpis["availability_pct"].iloc[0])


def test_a_future_row_is_skipped_and_does_not_lower_availability():
    status = history(ROWS, now=NOW)
    assert len(status.frame) == 3
    assert status.skipped.counts == {o.REASON_FUTURE_OBSERVATION: 1}
    assert status.skipped.examples == {o.REASON_FUTURE_OBSERVATION: ["A"]}
    assert availability(status) == 100.0


def test_the_default_now_is_the_current_time():
    status = history(ROWS)
    assert status.skipped.counts == {o.REASON_FUTURE_OBSERVATION: 1}


def test_rows_outside_the_period_are_skipped_once_each():
    rows = [*ROWS, ("2026-05-31T23:59:59Z", "A", "OUTOFORDER"), ("2026-06-03T08:00:00Z", "A", "FAULTED")]
    status = history(
        rows,
        now=NOW,
        date_from=pd.Timestamp("2026-06-01T00:00:00Z"),
        date_to=pd.Timestamp("2026-06-03T08:00:00Z"),  # the end is exclusive, as for sessions
    )
    # 2099 is in the future (counted there, not again as outside); 06-03 08:00Z is the end itself.
    assert status.skipped.counts == {o.REASON_FUTURE_OBSERVATION: 1, o.REASON_OBSERVATION_OUTSIDE_PERIOD: 3}
    assert status.frame["observed_at"].dt.strftime("%Y-%m-%dT%H:%MZ").tolist() == [
        "2026-06-02T08:00Z",
        "2026-06-02T09:00Z",
    ]
    assert availability(status) == 100.0


def test_without_the_check_the_future_row_would_count():
    # The same rows read with "now" after 2099: the row counts and availability drops to 75 %.
    status = history(ROWS, now=pd.Timestamp("2100-01-01T00:00:00Z"))
    assert status.skipped.counts == {}
    assert availability(status) == 75.0


def test_read_status_history_passes_the_period(tmp_path):
    path = tmp_path / "status.csv"
    path.write_text(
        "observed_at,location_id,status\n" + "".join(f"{t},{i},{s}\n" for t, i, s in ROWS), encoding="utf-8"
    )
    status = o.read_status_history(path, now=NOW, date_to=pd.Timestamp("2026-06-03T00:00:00Z"))
    assert status.skipped.counts == {o.REASON_FUTURE_OBSERVATION: 1, o.REASON_OBSERVATION_OUTSIDE_PERIOD: 1}
    assert len(status.frame) == 2
