"""Time-zone names from hostile input: typos and paths are refused before the review is touched."""

from __future__ import annotations

import json

import pytest

from ev_planner.core.errors import InputError
from ev_planner.core.review.events import format_utc, parse_timestamp, zone_name
from ev_planner.core.review.importer import import_events
from ev_planner.core.usage import occupancy as o

UNKNOWN = (
    "Unknown time zone {zone!r}: give a name of the tz database such as Europe/Amsterdam or Europe/Brussels."
)


@pytest.mark.parametrize(
    "name",
    [
        "Europe/Delft",
        "/etc/localtime",
        "localtime",  # the machine's zone, a link in /usr/share/zoneinfo
        "posixrules",
        "../zoneinfo/Europe/Amsterdam",
        "right/Europe/Amsterdam",  # counts leap seconds: 27 s off
        "dateutil//etc/localtime",
        "",
    ],
)
def test_unknown_zone_names_are_refused_with_the_name(name):
    with pytest.raises(InputError) as caught:
        zone_name(name)
    assert caught.value.template == UNKNOWN
    assert str(caught.value) == UNKNOWN.format(zone=name)


def test_zone_names_are_given_their_tz_database_spelling():
    assert zone_name("Europe/Amsterdam") == "Europe/Amsterdam"
    assert zone_name(" europe/brussels ") == "Europe/Brussels"
    assert zone_name("UTC") == "UTC"


def test_naive_summer_and_winter_times_use_the_zone_rules():
    assert format_utc(parse_timestamp("2026-07-01 09:00", "Europe/Amsterdam")) == "2026-07-01T07:00:00.000Z"
    assert format_utc(parse_timestamp("01-02-2026 09:00", "Europe/Amsterdam")) == "2026-02-01T08:00:00.000Z"
    with pytest.raises(InputError, match="'Europe/Delft'"):
        parse_timestamp("2026-07-01 09:00", "Europe/Delft")
    # A time with an offset still needs a valid zone parameter: a typo is never silent.
    with pytest.raises(InputError, match="'Europe/Delft'"):
        parse_timestamp("2026-07-01T09:00:00+02:00", "Europe/Delft")


def test_import_with_an_unknown_zone_writes_nothing(make_review, tmp_path):
    store = make_review()
    csv_path = tmp_path / "answers.csv"
    csv_path.write_text(
        "location_id,at,actor,department,action,reason,comment\nL1,2026-07-01 09:00,Ann,,submit,,\n",
        encoding="utf-8",
    )
    before = store.path.read_bytes()
    for name in ("Europe/Delft", "/etc/localtime"):
        with pytest.raises(InputError) as caught:
            import_events(store, csv_path, local_timezone=name)
        assert caught.value.values == {"zone": name}
    assert store.count_events() == 0
    assert store.path.read_bytes() == before
    result = import_events(store, csv_path, local_timezone="Europe/Amsterdam")
    assert (result.imported, result.skipped_count) == (1, 0)
    assert [e.at for e in store.events("L1")] == ["2026-07-01T07:00:00.000Z"]


def occupancy_file(path, tz):
    occ = [None] * 24
    occ[12] = 50.0
    path.write_text(
        json.dumps({"date": "2026-07-01", "tz": tz, "locations": {"A": {"n": 2, "occ": occ}}}),
        encoding="utf-8",
    )
    return path


def test_occupancy_file_with_a_path_as_zone_is_skipped(tmp_path):
    folder = tmp_path / "occ"
    folder.mkdir()
    occupancy_file(folder / "a.json", "dateutil//etc/localtime")  # pandas alone would accept it
    occupancy_file(folder / "b.json", "Europe/Delft")
    occupancy_file(folder / "c.json", "europe/amsterdam")
    table = o.read_occupancy(folder)
    assert table.skipped.counts == {o.REASON_BAD_DAY: 2}
    assert table.tz == "Europe/Amsterdam"
    assert table.frame["hour_utc"].dt.strftime("%H:%M").tolist() == ["10:00"]
