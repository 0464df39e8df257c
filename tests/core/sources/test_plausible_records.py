"""Implausible values from a source become NULL and are counted: power, counts beyond an Integer."""

from __future__ import annotations

import math

from ev_planner.core.sources.ocpi_locations import LocationConverter
from ev_planner.core.sources.osm import element_to_record
from ev_planner.core.sources.records import SkipReport, clear_implausible


def location(location_id: str, **connector) -> dict:
    return {
        "id": location_id,
        "coordinates": {"latitude": "52.0", "longitude": "4.36"},
        "evses": [
            {"uid": f"{location_id}-1", "status": "AVAILABLE", "connectors": [{"id": "1", **connector}]}
        ],
    }


def test_absurd_power_values_are_nulled_and_counted():
    converter = LocationConverter()
    converter.add(location("inf", max_electric_power=math.inf))
    converter.add(location("huge", max_electric_power=1e300))
    converter.add(location("volts", power_type="DC", max_voltage=1e6, max_amperage=200))
    converter.add(location("fine", power_type="AC_3_PHASE", max_voltage=230, max_amperage=16))
    records = {r["source_id"]: r for r in converter.result.records}
    assert [records[i]["max_power_kw"] for i in ("inf", "huge", "volts")] == [None, None, None]
    assert records["fine"]["max_power_kw"] == 11.04
    assert converter.result.report.implausible == {"max_power_kw": 3}


def test_a_count_beyond_an_integer_field_is_nulled_and_counted_not_written():
    report = SkipReport()
    element = {
        "type": "node",
        "id": 7,
        "lat": 52.0,
        "lon": 4.36,
        "tags": {"amenity": "charging_station", "capacity": "3000000000"},
    }
    record = clear_implausible(element_to_record(element, "2026-06-01T00:00:00Z"), report)
    assert record["evse_count"] is None
    assert report.implausible == {"evse_count": 1}
    ok = clear_implausible({"evse_count": 4, "max_power_kw": 22.0, "connector_count": 8}, report)
    assert (ok["evse_count"], ok["max_power_kw"], ok["connector_count"]) == (4, 22.0, 8)
    assert report.implausible == {"evse_count": 1}


def test_swapped_coordinates_are_swapped_back_and_a_location_abroad_is_skipped():
    converter = LocationConverter()
    swapped = location("swapped")
    swapped["coordinates"] = {"latitude": "4.35", "longitude": "51.98"}  # lands in the Indian Ocean
    swapped["country"] = "NLD"
    abroad = location("abroad")
    abroad["coordinates"] = {"latitude": "40.4", "longitude": "-3.7"}  # Madrid
    abroad["country"] = "NLD"
    unknown = location("no-country")
    unknown["coordinates"] = {"latitude": "40.4", "longitude": "-3.7"}  # no country: nothing to check
    for item in (swapped, abroad, unknown):
        converter.add(item)
    records = {r["source_id"]: r for r in converter.result.records}
    assert (records["swapped"]["lon"], records["swapped"]["lat"]) == (4.35, 51.98)
    assert "abroad" not in records
    assert "no-country" in records
    report = converter.result.report
    assert report.swapped == 1
    assert report.skipped == {"coordinates outside the location's country": 1}
