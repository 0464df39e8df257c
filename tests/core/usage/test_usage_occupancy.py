"""Occupancy snapshots and status history: the real Delft files, time zones and DST."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timezone

import pandas as pd
import pytest

from ev_planner.core.errors import InputError
from ev_planner.core.usage import occupancy as o


def raw_days(sample_dir):
    return [json.loads(p.read_text()) for p in sorted((sample_dir / "occupancy").glob("*.json"))]


def test_delft_occupancy_rows_match_the_raw_files(sample_dir):
    table = o.read_occupancy(sample_dir / "occupancy")
    days = raw_days(sample_dir)
    expected = sum(v is not None for d in days for loc in d["locations"].values() for v in loc["occ"])
    assert table.files == 12
    assert table.tz == "Europe/Amsterdam"
    assert len(table.frame) == expected
    assert table.skipped.counts == {}


def test_delft_local_hour_is_placed_on_the_right_utc_hour(sample_dir):
    table = o.read_occupancy(sample_dir / "occupancy" / "2026-06-02.json")
    row = table.frame[table.frame["location_id"] == "50008"].iloc[0]
    # June: Amsterdam is UTC+2, so local 16:00 is 14:00 UTC.
    assert row.local_hour == 16
    assert row.hour_utc == pd.Timestamp("2026-06-02T14:00:00Z")
    assert row.occ_pct == 50
    assert row.n == 8


def write_day(folder, name, date, tz, locations):
    path = folder / name
    path.write_text(json.dumps({"date": date, "tz": tz, "locations": locations}), encoding="utf-8")
    return path


def test_spring_dst_day_refuses_the_missing_hour(tmp_path):
    occ = [10.0] * 24  # a value for 02:00, a clock hour that does not exist on 2026-03-29
    write_day(tmp_path, "d.json", "2026-03-29", "Europe/Amsterdam", {"A": {"n": 2, "occ": occ}})
    table = o.read_occupancy(tmp_path)
    assert len(table.frame) == 23
    assert table.skipped.counts == {o.REASON_NONEXISTENT_HOUR: 1}
    hours = table.frame["hour_utc"]
    assert hours.is_unique
    assert hours.min() == pd.Timestamp("2026-03-28T23:00:00Z")  # 00:00 CET
    assert hours.max() == pd.Timestamp("2026-03-29T21:00:00Z")  # 23:00 CEST


def test_autumn_dst_day_takes_the_summer_time_occurrence(tmp_path):
    occ = [None] * 24
    occ[1], occ[2], occ[3] = 10, 20, 30
    write_day(tmp_path, "d.json", "2026-10-25", "Europe/Amsterdam", {"A": {"n": 1, "occ": occ}})
    frame = o.read_occupancy(tmp_path).frame.set_index("local_hour")
    assert frame.loc[1, "hour_utc"] == pd.Timestamp("2026-10-24T23:00:00Z")
    assert frame.loc[2, "hour_utc"] == pd.Timestamp("2026-10-25T00:00:00Z")  # 02:00 CEST
    assert frame.loc[3, "hour_utc"] == pd.Timestamp("2026-10-25T02:00:00Z")  # 03:00 CET


def test_files_in_other_zones_combine_on_utc_and_report_local_hours_in_the_main_zone(tmp_path):
    occ = [None] * 24
    occ[14] = 40
    write_day(tmp_path, "a.json", "2026-06-02", "Europe/Amsterdam", {"A": {"n": 1, "occ": occ}})
    write_day(tmp_path, "b.json", "2026-06-03", "Europe/Amsterdam", {"A": {"n": 1, "occ": occ}})
    write_day(tmp_path, "c.json", "2026-06-04", "UTC", {"A": {"n": 1, "occ": occ}})
    table = o.read_occupancy(tmp_path)
    assert table.tz == "Europe/Amsterdam"
    assert sorted(table.frame["local_hour"].tolist()) == [14, 14, 16]  # 14:00 UTC = 16:00 CEST


def test_same_hour_in_two_files_counts_once(tmp_path):
    occ = [None] * 24
    occ[5] = 50
    write_day(tmp_path, "a.json", "2026-06-02", "Europe/Amsterdam", {"A": {"n": 1, "occ": occ}})
    write_day(tmp_path, "b.json", "2026-06-02", "Europe/Amsterdam", {"A": {"n": 1, "occ": occ}})
    table = o.read_occupancy(tmp_path)
    assert len(table.frame) == 1
    assert table.skipped.counts == {o.REASON_DUPLICATE_HOUR: 1}


def test_bad_files_and_entries_are_counted(tmp_path):
    occ = [None] * 24
    occ[0] = 150
    occ[1] = 25
    write_day(
        tmp_path, "a.json", "2026-06-02", "Europe/Amsterdam", {"A": {"n": 1, "occ": occ}, "B": {"occ": [1]}}
    )
    write_day(tmp_path, "b.json", "2026-06-03", "Mars/Olympus", {"A": {"n": 1, "occ": occ}})
    (tmp_path / "c.json").write_text("{not json", encoding="utf-8")
    table = o.read_occupancy(tmp_path)
    assert table.frame["occ_pct"].tolist() == [25]
    assert table.skipped.counts == {
        o.REASON_BAD_LOCATION: 1,
        o.REASON_OUT_OF_RANGE: 1,
        o.REASON_BAD_DAY: 1,
        o.REASON_UNREADABLE_FILE: 1,
    }


def test_no_usable_file_or_folder_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match=r"no \.json"):
        o.read_occupancy(tmp_path)
    with pytest.raises(InputError, match="does not exist"):
        o.read_occupancy(tmp_path / "nope")
    (tmp_path / "x.json").write_text("[]", encoding="utf-8")
    with pytest.raises(InputError, match="could be read"):
        o.read_occupancy(tmp_path)


def test_delft_status_history_mixed_offsets_parse_to_utc(sample_dir):
    history = o.read_status_history(sample_dir / "status_history.csv")
    with open(sample_dir / "status_history.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(history.frame) == len(rows)
    assert history.skipped.counts == {}
    first = datetime.fromisoformat(rows[0]["observed_at"]).astimezone(timezone.utc)
    assert history.frame["observed_at"].iloc[0] == pd.Timestamp(first)
    # 80 snapshots: the first in +02:00, the rest in +00:00; all 80 distinct instants.
    assert history.frame["observed_at"].nunique() == 80


def test_status_history_errors(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("when,location_id,status\n", encoding="utf-8")
    with pytest.raises(InputError, match="observed_at"):
        o.read_status_history(path)
    path.write_text(
        "observed_at,location_id,status\n"
        "2026-06-02T10:00:00+02:00,A,available\n"
        "2026-06-02T08:00:00Z,A,AVAILABLE\n"
        "garbage,A,AVAILABLE\n"
        "2026-06-02T09:00:00Z,A,EXPLODED\n"
        "2026-06-02T09:00:00Z,,CHARGING\n",
        encoding="utf-8",
    )
    history = o.read_status_history(path)
    assert len(history.frame) == 1
    assert history.skipped.counts == {
        o.REASON_DUPLICATE_OBSERVATION: 1,  # 10:00+02:00 is 08:00Z
        o.REASON_BAD_TIME: 1,
        o.REASON_UNKNOWN_STATUS: 1,
        o.REASON_NO_LOCATION: 1,
    }
    with pytest.raises(InputError, match="Cannot read"):
        o.read_status_history(tmp_path / "missing.csv")
