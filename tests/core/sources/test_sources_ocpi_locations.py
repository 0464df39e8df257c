"""OCPI Locations -> common schema: the real Delft dump, hand-made edge cases, dumps and the API."""

from __future__ import annotations

import copy
import gzip
import io
import json

import pytest
from ocpi_test_server import TEST_TOKEN as TOKEN
from ocpi_test_server import Fault

from ev_planner.core.errors import CanceledError, InputError, SourceError
from ev_planner.core.schema import CHARGE_POINT_FIELD_NAMES
from ev_planner.core.sources.ocpi_locations import (
    aggregate_status,
    connector_power_kw,
    iter_json_array,
    load_ocpi_locations,
    location_to_record,
)


def independent_max_power_kw(location: dict) -> float | None:
    """The issue's rule, written again from the raw JSON: W/1000, else V*A*phases/1000."""
    best = None
    for evse in location["evses"]:
        if evse["status"] == "REMOVED":
            continue
        for c in evse["connectors"]:
            if c["max_electric_power"]:
                kw = c["max_electric_power"] / 1000
            else:
                kw = (
                    c["max_voltage"]
                    * c["max_amperage"]
                    * (3 if c["power_type"] == "AC_3_PHASE" else 1)
                    / 1000
                )
            best = kw if best is None else max(best, kw)
    return best


@pytest.fixture(scope="module")
def delft_result(sample_dir, http_module):
    return load_ocpi_locations(str(sample_dir / "charge_points.ocpi.json"), http_module)


@pytest.fixture(scope="module")
def http_module():
    from ev_planner.core.http import HttpClient

    return HttpClient(retries=0)


def test_delft_dump_real_counts(delft_result, delft_locations):
    assert len(delft_locations) == 850
    assert sum(len(loc["evses"]) for loc in delft_locations) == 1952
    records = delft_result.records
    assert len(records) == 850
    assert delft_result.evses_read == 1952
    removed = sum(e["status"] == "REMOVED" for loc in delft_locations for e in loc["evses"])
    assert removed == 3
    assert sum(r["evse_count"] for r in records) == 1952 - removed
    assert delft_result.report.skipped_total == 0
    assert delft_result.report.unpublished == 0
    assert {r["source"] for r in records} == {"ocpi"}
    assert all(set(CHARGE_POINT_FIELD_NAMES) <= set(r) for r in records)


def test_delft_derived_power_matches_the_raw_json(delft_result, delft_locations):
    # In Delft no 3-phase connector without max_electric_power states a line-to-line voltage.
    assert not any(
        c["power_type"] == "AC_3_PHASE" and not c["max_electric_power"] and c["max_voltage"] > 250
        for loc in delft_locations
        for e in loc["evses"]
        for c in e["connectors"]
    )
    by_id = {r["source_id"]: r for r in delft_result.records}
    for location in delft_locations:
        expected = independent_max_power_kw(location)
        assert by_id[location["id"]]["max_power_kw"] == pytest.approx(expected, abs=1e-3), location["id"]
    circle_k = by_id["32413"]  # DC 920 V x 190 A, max_electric_power null
    assert circle_k["max_power_kw"] == pytest.approx(174.8)
    assert circle_k["power_type"] == "DC"
    assert circle_k["operator"] == "Spirii"
    assert circle_k["party"] == "NL*CKE"
    assert circle_k["connector_types"] == "IEC_62196_T2_COMBO"
    derived = sum(
        1
        for loc in delft_locations
        if all(not c["max_electric_power"] for e in loc["evses"] for c in e["connectors"])
    )
    assert derived > 600  # most Delft powers are derived, as the data README says
    typical = [r["max_power_kw"] for r in delft_result.records if r["max_power_kw"] == pytest.approx(11.04)]
    assert len(typical) > 500  # 230 V x 16 A x 3 phases


def test_delft_status_and_counts_per_location(delft_result, delft_locations):
    by_id = {r["source_id"]: r for r in delft_result.records}
    for location in delft_locations[:200]:
        statuses = [e["status"] for e in location["evses"] if e["status"] != "REMOVED"]
        record = by_id[location["id"]]
        assert record["available_evses"] == statuses.count("AVAILABLE")
        assert record["connector_count"] == sum(
            len(e["connectors"]) for e in location["evses"] if e["status"] != "REMOVED"
        )
        top = max(statuses.count(s) for s in set(statuses))
        assert statuses.count(record["status"]) == top
        assert record["last_updated"].endswith("Z")


def test_connector_power_rules():
    assert connector_power_kw({"max_electric_power": 22000, "power_type": "AC_3_PHASE"}) == 22.0
    assert connector_power_kw({"power_type": "AC_3_PHASE", "max_voltage": 230, "max_amperage": 16}) == 11.04
    assert connector_power_kw({"power_type": "AC_1_PHASE", "max_voltage": 230, "max_amperage": 32}) == 7.36
    assert connector_power_kw({"power_type": "AC_2_PHASE", "max_voltage": 230, "max_amperage": 16}) == 7.36
    assert connector_power_kw({"power_type": "DC", "max_voltage": 500, "max_amperage": 100}) == 50.0
    # a line-to-line voltage: sqrt(3) x 400 V x 16 A
    assert connector_power_kw({"power_type": "AC_3_PHASE", "max_voltage": 400, "max_amperage": 16}) == (
        pytest.approx(11.085, abs=1e-3)
    )
    # OCPI 2.1.1 names
    assert connector_power_kw({"power_type": "AC_3_PHASE", "voltage": 230, "amperage": 32}) == 22.08
    assert connector_power_kw({"power_type": "DC", "max_voltage": None, "max_amperage": 10}) is None
    assert connector_power_kw({"max_electric_power": 0, "power_type": "XX", "max_voltage": 1}) is None


def test_status_aggregate_and_ties():
    assert aggregate_status(["CHARGING", "CHARGING", "AVAILABLE"]) == "CHARGING"
    assert aggregate_status(["CHARGING", "AVAILABLE"]) == "AVAILABLE"  # ties: EVSE_STATUSES order
    assert aggregate_status([]) is None


def test_ocpi_211_location(delft_locations):
    location = {
        "id": "LOC1",
        "type": "PARKING_GARAGE",
        "coordinates": {"latitude": "52.0", "longitude": "4.35"},
        "evses": [
            {
                "uid": "1",
                "status": "AVAILABLE",
                "connectors": [
                    {"id": "1", "standard": "CHADEMO", "power_type": "DC", "voltage": 400, "amperage": 125}
                ],
            },
            {
                "uid": "2",
                "status": "CHARGING",
                "connectors": [
                    {
                        "id": "1",
                        "standard": "IEC_62196_T2",
                        "power_type": "AC_3_PHASE",
                        "voltage": 230,
                        "amperage": 16,
                    }
                ],
            },
            {
                "uid": "3",
                "status": "REMOVED",
                "connectors": [
                    {"id": "1", "standard": "X", "power_type": "DC", "voltage": 1000, "amperage": 500}
                ],
            },
        ],
        "operator": {"name": "  Some   CPO "},
        "last_updated": "2026-06-01T10:00:00+02:00",
    }
    record = location_to_record(location, "2026-06-07T00:00:00Z")
    assert record["max_power_kw"] == 50.0  # the removed EVSE does not count
    assert record["power_type"] == "AC+DC"
    assert record["evse_count"] == 2
    assert record["connector_types"] == "CHADEMO,IEC_62196_T2"
    assert record["parking_type"] == "PARKING_GARAGE"
    assert record["operator"] == "Some CPO"
    assert record["last_updated"] == "2026-06-01T08:00:00Z"
    assert record["sources"] == "ocpi:LOC1"


def broken_copy(delft_locations):
    locations = copy.deepcopy(delft_locations[:20])
    locations[0]["publish"] = False
    locations[1]["coordinates"] = {"latitude": "", "longitude": "4.3"}
    locations[2]["coordinates"]["latitude"] = "52,0x"
    locations[3]["coordinates"]["latitude"] = "95.1"
    del locations[4]["id"]
    del locations[5]["coordinates"]
    locations[6]["coordinates"] = {"latitude": "0", "longitude": "0"}
    return locations


def test_unusable_records_are_skipped_counted_and_named(tmp_path, delft_locations, http):
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken_copy(delft_locations)), encoding="utf-8")
    result = load_ocpi_locations(str(path), http)
    assert len(result.records) == 13
    assert result.report.unpublished == 1
    assert result.report.skipped == {
        "no coordinates": 2,
        "unparseable coordinates": 1,
        "coordinates out of range": 1,
        "no id": 1,
        "coordinates 0,0 (a placeholder)": 1,
    }
    assert (delft_locations[3]["id"], "coordinates out of range") in result.report.examples


@pytest.mark.parametrize("form", ["gzip", "envelope", "envelope-gzip"])
def test_dump_forms(tmp_path, delft_locations, http, form):
    body = json.dumps(delft_locations if form == "gzip" else {"data": delft_locations, "status_code": 1000})
    path = tmp_path / "dump.json.gz"
    path.write_bytes(gzip.compress(body.encode()) if "gzip" in form else body.encode())
    result = load_ocpi_locations(str(path), http)
    assert len(result.records) == 850


def test_envelope_dump_with_error_status(tmp_path, http):
    path = tmp_path / "error.json"
    path.write_text(
        json.dumps({"data": None, "status_code": 3001, "status_message": "Unable to use the client's API"})
    )
    with pytest.raises(SourceError, match="Unable to use the client's API"):
        load_ocpi_locations(str(path), http)


def test_truncated_and_missing_dumps(tmp_path, delft_locations, http):
    path = tmp_path / "cut.json"
    path.write_text(json.dumps(delft_locations)[:50_000], encoding="utf-8")
    with pytest.raises(SourceError, match="complete"):
        load_ocpi_locations(str(path), http)
    with pytest.raises(InputError, match="does not exist"):
        load_ocpi_locations(str(tmp_path / "nothing.json"), http)


@pytest.mark.parametrize("chunk", [1, 7, 4096])
def test_streaming_array_reader_equals_json_load(chunk):
    values = [{"a": [1, 2.5, "x]y,"]}, 12345, "s", [], {}, None, True, -0.5e3]
    text = " [ " + " , ".join(json.dumps(v) for v in values) + " ]\n"
    assert list(iter_json_array(io.StringIO(text), chunk_size=chunk)) == values
    assert list(iter_json_array(io.StringIO("[]"), chunk_size=chunk)) == []


def test_dump_by_url_gzip(httpserver, delft_locations, http):
    payload = gzip.compress(json.dumps(delft_locations).encode())
    httpserver.expect_request("/ndw/charging_point_locations_ocpi.json.gz").respond_with_data(
        payload, content_type="application/gzip"
    )
    result = load_ocpi_locations(httpserver.url_for("/ndw/charging_point_locations_ocpi.json.gz"), http)
    assert len(result.records) == 850


def test_bare_array_at_an_api_like_url_is_read_once(httpserver, delft_locations, http):
    httpserver.expect_request("/feed").respond_with_json(delft_locations[:30])
    result = load_ocpi_locations(httpserver.url_for("/feed"), http)
    assert len(result.records) == 30
    assert len(httpserver.log) == 1


def test_api_load_with_bad_records_and_extent(ocpi_server, delft_locations, http):
    server = ocpi_server({"locations": broken_copy(delft_locations)}, max_limit=6)
    result = load_ocpi_locations(server.versions_url, http, token=TOKEN)
    assert result.version == "2.2.1"
    assert len(result.records) == 13
    assert result.report.skipped_total == 6
    usable = list(result.records)
    lons = sorted(r["lon"] for r in usable)
    extent = (lons[0] - 1e-9, -90.0, lons[5] + 1e-9, 90.0)
    inside = load_ocpi_locations(server.versions_url, http, token=TOKEN, extent=extent)
    assert len(inside.records) == 6
    assert inside.report.outside_extent == 7


def test_api_load_ocpi_error_and_cancel(ocpi_server, delft_locations, http):
    server = ocpi_server(max_limit=10)
    server.add_fault(Fault("/ocpi/2.2.1/locations", ocpi_status=3000, message="Generic server error"))
    with pytest.raises(SourceError, match="Generic server error"):
        load_ocpi_locations(server.versions_url, http, token=TOKEN)
    with pytest.raises(CanceledError):
        load_ocpi_locations(server.versions_url, http, token=TOKEN, is_canceled=lambda: True)


def test_truncated_gzip_dump_is_a_clear_error(tmp_path, delft_locations, http):
    path = tmp_path / "cut.json.gz"
    path.write_bytes(gzip.compress(json.dumps(delft_locations).encode())[:20_000])
    with pytest.raises(SourceError, match=r"cannot be read|complete"):
        load_ocpi_locations(str(path), http)
