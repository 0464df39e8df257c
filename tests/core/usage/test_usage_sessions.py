"""Sessions and CDRs: normalisation and the plausibility checks, per reason."""

from __future__ import annotations

import pandas as pd
import pytest

from ev_planner.core.errors import InputError
from ev_planner.core.usage import sessions as s

NOW = pd.Timestamp("2026-06-15T12:00:00Z")


def cdr_221(cdr_id="c1", start="2026-06-01T08:00:00Z", end="2026-06-01T10:00:00Z", **overrides):
    record = {
        "country_code": "NL",
        "party_id": "ABC",
        "id": cdr_id,
        "start_date_time": start,
        "end_date_time": end,
        "cdr_location": {"id": "LOC1", "evse_uid": "EVSE1", "evse_id": "NL*ABC*E1"},
        "total_energy": 12.5,
        "total_time": 2.0,
        "total_parking_time": 0.5,
        "total_cost": {"excl_vat": 4.0, "incl_vat": 4.84},
        "last_updated": "2026-06-01T10:05:00Z",
    }
    record.update(overrides)
    return record


def test_ocpi_221_cdr_becomes_one_session_with_hours_and_cost():
    table = s.normalise_ocpi_records([cdr_221()], now=NOW)
    assert table.skipped.counts == {}
    row = table.frame.iloc[0]
    assert list(table.frame.columns) == list(s.SESSION_COLUMNS)
    assert (row.session_id, row.location_id, row.evse_uid) == ("c1", "LOC1", "EVSE1")
    assert row.start == pd.Timestamp("2026-06-01T08:00:00Z")
    assert row.parking_hours == pytest.approx(2.0)
    assert row.charging_hours == pytest.approx(1.5)  # total_time - total_parking_time
    assert row.kwh == pytest.approx(12.5)
    assert row.cost == pytest.approx(4.84)  # incl. VAT, what the driver pays


def test_ocpi_211_cdr_and_session_objects():
    cdr_211 = {
        "id": "old",
        "start_date_time": "2026-06-02T08:00:00+02:00",
        "stop_date_time": "2026-06-02T09:30:00+02:00",
        "location": {"id": "LOC2", "evses": [{"uid": "E9"}]},
        "total_energy": 3.0,
        "total_time": 1.5,
        "total_cost": 1.2,
    }
    session_221 = {
        "id": "sess",
        "start_date_time": "2026-06-03T07:00:00Z",
        "end_date_time": "2026-06-03T07:45:00Z",
        "kwh": 5.5,
        "location_id": "LOC3",
        "evse_uid": "E3",
        "status": "COMPLETED",
        "total_cost": {"excl_vat": 2.0},
    }
    active = dict(session_221, id="active", status="ACTIVE", end_date_time=None)
    table = s.normalise_ocpi_records([cdr_211, session_221, active], now=NOW)
    frame = table.frame.set_index("session_id")
    assert frame.loc["old", "start"] == pd.Timestamp("2026-06-02T06:00:00Z")  # offset honoured
    assert frame.loc["old", "evse_uid"] == "E9"
    assert frame.loc["old", "cost"] == pytest.approx(1.2)
    assert pd.isna(frame.loc["old", "charging_hours"])  # no total_parking_time: unknown, not 1.5
    assert frame.loc["sess", "kwh"] == pytest.approx(5.5)
    assert frame.loc["sess", "parking_hours"] == pytest.approx(0.75)
    assert frame.loc["sess", "cost"] == pytest.approx(2.0)
    assert table.skipped.counts == {s.REASON_NOT_FINISHED: 1}


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"total_energy": -1.0}, s.REASON_NEGATIVE_ENERGY),
        ({"end_date_time": "2026-06-01T07:00:00Z", "total_time": -1.0}, s.REASON_END_BEFORE_START),
        (
            {"start_date_time": "2026-07-01T08:00:00Z", "end_date_time": "2026-07-01T10:00:00Z"},
            s.REASON_FUTURE_START,
        ),
        (
            {"start_date_time": "2008-12-31T08:00:00Z", "end_date_time": "2008-12-31T10:00:00Z"},
            s.REASON_EARLY_START,
        ),
        ({"total_time": 5.0}, s.REASON_TOTAL_TIME),
        ({"start_date_time": "yesterday"}, s.REASON_BAD_START),
        ({"end_date_time": None}, s.REASON_BAD_END),
        ({"cdr_location": {"evse_uid": "E"}}, s.REASON_NO_LOCATION),
        ({"id": None}, s.REASON_NO_ID),
    ],
)
def test_each_implausible_cdr_is_skipped_and_counted_under_its_reason(overrides, reason):
    table = s.normalise_ocpi_records([cdr_221(cdr_id="good"), cdr_221(cdr_id="bad", **overrides)], now=NOW)
    assert table.frame["session_id"].tolist() == ["good"]
    assert table.skipped.counts == {reason: 1}


def test_total_time_within_a_quarter_hour_is_accepted():
    table = s.normalise_ocpi_records([cdr_221(total_time=2.2)], now=NOW)
    assert len(table) == 1


def test_duplicates_keep_the_last_copy_and_non_objects_are_counted():
    first = cdr_221(total_energy=1.0)
    again = cdr_221(total_energy=2.0)
    table = s.normalise_ocpi_records([first, "garbage", again, 42], now=NOW)
    assert table.frame["kwh"].tolist() == [2.0]
    assert table.skipped.counts == {s.REASON_DUPLICATE: 1, s.REASON_NOT_AN_OBJECT: 2}


def test_period_filter_on_start():
    records = [cdr_221("a"), cdr_221("b", start="2026-06-05T08:00:00Z", end="2026-06-05T10:00:00Z")]
    table = s.normalise_ocpi_records(
        records,
        now=NOW,
        date_from=pd.Timestamp("2026-06-02T00:00Z"),
        date_to=pd.Timestamp("2026-06-10T00:00Z"),
    )
    assert table.frame["session_id"].tolist() == ["b"]
    assert table.skipped.counts == {s.REASON_OUTSIDE_PERIOD: 1}


def test_empty_input_gives_an_empty_table_with_all_columns():
    table = s.normalise_ocpi_records([], now=NOW)
    assert len(table) == 0
    assert list(table.frame.columns) == list(s.SESSION_COLUMNS)


def test_csv_with_mixed_offsets_and_checks(tmp_path):
    path = tmp_path / "sessions.csv"
    path.write_text(
        "session_id,location_id,evse_uid,start,end,kwh,charging_hours,parking_hours,cost\n"
        "1,L1,E1,2026-03-29T01:30:00+01:00,2026-03-29T03:30:00+02:00,5,0.5,1,\n"
        "2,L1,E1,2026-06-01T10:00:00Z,2026-06-01T09:00:00Z,5,,,\n"
        "3,L1,E1,2026-06-01T10:00:00Z,2026-06-01T11:00:00Z,-2,,,\n"
        "4,L1,E1,2026-06-01T10:00:00Z,2026-06-01T11:00:00Z,2,3,1,\n"
        "5,L1,E1,2026-06-01T10:00:00Z,2026-06-01T11:00:00Z,2,,4,\n",
        encoding="utf-8",
    )
    table = s.read_sessions_csv(str(path), now=NOW)
    # Across the spring DST change 01:30+01:00 -> 03:30+02:00 is one hour, not two.
    assert table.frame["parking_hours"].tolist() == [pytest.approx(1.0)]
    assert table.skipped.counts == {
        s.REASON_END_BEFORE_START: 1,
        s.REASON_NEGATIVE_ENERGY: 1,
        s.REASON_CHARGING_LONGER: 1,
        s.REASON_TOTAL_TIME: 1,
    }


def test_table_without_required_columns_is_refused():
    with pytest.raises(InputError, match="location_id"):
        s.sessions_from_frame(pd.DataFrame({"start": [], "end": []}))


def test_unreadable_csv_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="Cannot read"):
        s.read_sessions_csv(str(tmp_path / "missing.csv"))


def test_json_dump_envelope_and_array():
    assert s.records_from_json({"data": [1, 2], "status_code": 1000}) == [1, 2]
    assert s.records_from_json([{"id": 1}]) == [{"id": 1}]
    with pytest.raises(InputError):
        s.records_from_json({"foo": 1})


def test_timestamps_in_mixed_precision_all_parse(tmp_path):
    # Real OCPI data: pandas 2 took its format from the first value, so a session ending
    # "...T14:00:30Z" after one ending "...T08:00Z" became NaT and was lost.
    records = [
        cdr_221("minutes", start="2026-06-01T07:00Z", end="2026-06-01T08:00Z", total_time=1.0),
        cdr_221("seconds", start="2026-06-01T13:00:00Z", end="2026-06-01T14:00:30Z", total_time=1.0),
        cdr_221(
            "fraction", start="2026-06-02T13:00:00.250Z", end="2026-06-02T14:00:00.75+00:00", total_time=1.0
        ),
        cdr_221("offset", start="2026-06-03T15:00:00+02:00", end="2026-06-03T16:00:00+02:00", total_time=1.0),
        cdr_221("garbage", start="yesterday", end="2026-06-03T16:00:00Z", total_time=1.0),
    ]
    table = s.normalise_ocpi_records(records, now=NOW)
    assert table.frame["session_id"].tolist() == ["minutes", "seconds", "fraction", "offset"]
    assert table.skipped.counts == {s.REASON_BAD_START: 1}
    assert table.frame["end"].tolist() == [
        pd.Timestamp("2026-06-01T08:00:00Z"),
        pd.Timestamp("2026-06-01T14:00:30Z"),
        pd.Timestamp("2026-06-02T14:00:00.750Z"),
        pd.Timestamp("2026-06-03T14:00:00Z"),
    ]


def test_mixed_precision_iso_timestamp_file_keeps_every_readable_row(tmp_path):
    path = tmp_path / "sessions.csv"
    rows = [
        "a,L1,E1,2026-06-01T08:00Z,2026-06-01T09:00Z,5",
        "b,L1,E1,2026-06-01T10:00:00Z,2026-06-01T11:00:30Z,5",
        "c,L1,E1,2026-06-01T12:00:00.5Z,2026-06-01T13:00:00.125Z,5",
        "d,L1,E1,2026-06-01 14:00:00+02:00,2026-06-01 15:00+02:00,5",
        "e,L1,E1,2026-06-01T16:00:00,2026-06-01T17:00:00,5",
        "f,L1,E1,01/06/2026 18:00,2026-06-01T19:00:00Z,5",
        "g,L1,E1,2026-06-01T20:00:00Z,not a time,5",
    ]
    path.write_text(
        "session_id,location_id,evse_uid,start,end,kwh\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    table = s.read_sessions_csv(str(path), now=NOW)
    assert table.frame["session_id"].tolist() == ["a", "b", "c", "d", "e"]
    assert table.skipped.counts == {s.REASON_BAD_START: 1, s.REASON_BAD_END: 1}
    assert table.skipped.total == 2
    assert table.frame["parking_hours"].round(6).tolist() == [
        1.0,
        round(1 + 30 / 3600, 6),
        round(1 - 0.375 / 3600, 6),
        1.0,
        1.0,
    ]
