"""Open Charge Map and Overpass loaders against local servers answering in the real formats."""

from __future__ import annotations

import pytest
from werkzeug.wrappers import Response

from ev_planner.core.errors import AuthenticationError, SourceError
from ev_planner.core.sources.ocm import load_open_charge_map
from ev_planner.core.sources.osm import load_osm, overpass_query, parse_power_kw

DELFT = (4.32, 51.96, 4.41, 52.04)
API_KEY = "ocm-key-0123456789"

# Shaped like GET /v3/poi?compact=false&verbose=false answers (fields trimmed to what we read and a bit more).
OCM_POIS = [
    {
        "ID": 101,
        "UUID": "A1B2",
        "OperatorID": 3,
        "OperatorInfo": {"ID": 3, "Title": "Allego", "WebsiteURL": "https://www.allego.eu"},
        "UsageTypeID": 1,
        "StatusTypeID": 50,
        "StatusType": {"ID": 50, "Title": "Operational", "IsOperational": True},
        "AddressInfo": {
            "ID": 9001,
            "Title": "Stationsplein",
            "AddressLine1": "Stationsplein 1",
            "AddressLine2": None,
            "Town": "Delft",
            "Postcode": "2611 BV",
            "CountryID": 159,
            "Latitude": 52.0067,
            "Longitude": 4.3563,
        },
        "Connections": [
            {
                "ID": 1,
                "ConnectionTypeID": 25,
                "StatusTypeID": 50,
                "Amps": 32,
                "Voltage": 400,
                "PowerKW": 22.0,
                "CurrentTypeID": 20,
                "Quantity": 2,
            },
            {
                "ID": 2,
                "ConnectionTypeID": 33,
                "Amps": 125,
                "Voltage": 400,
                "PowerKW": None,
                "CurrentTypeID": 30,
                "Quantity": 1,
            },
        ],
        "NumberOfPoints": 3,
        "DateLastStatusUpdate": "2025-03-01T12:00:00Z",
    },
    {
        "ID": 102,
        "OperatorInfo": {"ID": 1, "Title": "(Unknown Operator)"},
        "StatusTypeID": 100,
        "AddressInfo": {
            "Title": "Markt",
            "AddressLine1": "Markt 87",
            "Town": "Delft",
            "Latitude": 52.0116,
            "Longitude": 4.3592,
        },
        "Connections": [
            {"ConnectionTypeID": 1036, "CurrentTypeID": 10, "Amps": 16, "Voltage": 230, "Quantity": None}
        ],
        "NumberOfPoints": None,
        "DateLastVerified": "2024-01-05T08:30:00",
    },
    {"ID": 101, "AddressInfo": {"Latitude": 52.0067, "Longitude": 4.3563}},  # OCM duplicates happen
    {"ID": 103, "AddressInfo": {"Title": "Nowhere", "Latitude": None, "Longitude": None}},
]


def test_ocm_request_and_mapping(httpserver, http):
    httpserver.expect_request("/v3/poi/").respond_with_json(OCM_POIS)
    result = load_open_charge_map(
        http, DELFT, api_key=API_KEY, base_url=httpserver.url_for("/v3"), max_results=500
    )
    request, _ = httpserver.log[0]
    assert request.headers["X-API-Key"] == API_KEY
    assert API_KEY not in request.url
    assert request.args["boundingbox"] == "(52.040000,4.320000),(51.960000,4.410000)"
    assert request.args["maxresults"] == "500"
    assert request.args["compact"] == "false"
    first, second = result.records
    assert first["source"] == "ocm"
    assert first["source_id"] == "101"
    assert first["operator"] == "Allego"
    assert first["evse_count"] == 3
    assert first["connector_count"] == 3
    assert first["max_power_kw"] == 50.0  # DC 400 V x 125 A derived, above the 22 kW AC
    assert first["power_type"] == "AC+DC"
    assert first["connector_types"] == "IEC_62196_T2,IEC_62196_T2_COMBO"
    assert first["status"] == "UNKNOWN"  # operational, occupancy unknown
    assert first["postal_code"] == "2611 BV"
    assert first["last_updated"] == "2025-03-01T12:00:00Z"
    assert second["operator"] is None
    assert second["status"] == "INOPERATIVE"
    assert second["max_power_kw"] == pytest.approx(3.68)
    assert second["evse_count"] == 1
    assert result.report.duplicates == 1
    assert result.report.skipped == {"no coordinates": 1}
    assert result.notes == []


def test_ocm_result_cap_is_reported(httpserver, http):
    httpserver.expect_request("/v3/poi/").respond_with_json(OCM_POIS[:2])
    result = load_open_charge_map(http, DELFT, base_url=httpserver.url_for("/v3"), max_results=2)
    assert "maximum of 2" in result.notes[0]


def test_ocm_refused_key_is_not_shown(httpserver, http):
    httpserver.expect_request("/v3/poi/").respond_with_data("Invalid API key", status=403)
    with pytest.raises(AuthenticationError) as info:
        load_open_charge_map(http, DELFT, api_key=API_KEY, base_url=httpserver.url_for("/v3"))
    assert API_KEY not in str(info.value)


def test_ocm_error_object_and_retry(httpserver, http, sleeps):
    httpserver.expect_ordered_request("/v3/poi/").respond_with_data("busy", status=503)
    httpserver.expect_ordered_request("/v3/poi/").respond_with_json({"Message": "An error has occurred."})
    with pytest.raises(SourceError, match="An error has occurred"):
        load_open_charge_map(http, DELFT, base_url=httpserver.url_for("/v3"))
    assert sleeps == [0.5]


OVERPASS = {
    "version": 0.6,
    "generator": "Overpass API 0.7.62.1 084b4234",
    "osm3s": {
        "timestamp_osm_base": "2026-06-07T10:00:00Z",
        "copyright": "The data included in this document is from www.openstreetmap.org. The data is made available under ODbL.",
    },
    "elements": [
        {
            "type": "node",
            "id": 1234567,
            "lat": 52.0021,
            "lon": 4.3712,
            "timestamp": "2025-11-02T09:15:00Z",
            "version": 3,
            "tags": {
                "amenity": "charging_station",
                "operator": "Vattenfall InCharge",
                "capacity": "2",
                "socket:type2": "2",
                "socket:type2:output": "11 kW",
                "addr:street": "Mekelweg",
                "addr:housenumber": "5",
                "addr:postcode": "2628 CC",
                "addr:city": "Delft",
            },
        },
        {
            "type": "way",
            "id": 7654321,
            "center": {"lat": 52.0001, "lon": 4.3702},
            "timestamp": "2024-05-01T00:00:00Z",
            "tags": {
                "amenity": "charging_station",
                "network": "Fastned",
                "socket:type2_combo": "4",
                "socket:chademo": "1",
                "socket:type2_combo:output": "300 kW",
                "name": "Fastned Delft",
            },
        },
        {
            "type": "relation",
            "id": 42,
            "center": {"lat": 52.001, "lon": 4.372},
            "tags": {"amenity": "charging_station", "socket:schuko": "yes"},
        },
        {"type": "way", "id": 99, "tags": {"amenity": "charging_station"}},
    ],
}


def test_overpass_query_and_mapping(httpserver, http):
    httpserver.expect_request("/api/interpreter", method="POST").respond_with_json(OVERPASS)
    result = load_osm(http, DELFT, overpass_url=httpserver.url_for("/api/interpreter"))
    request, _ = httpserver.log[0]
    assert request.form["data"] == overpass_query(DELFT)
    assert "(51.9600000,4.3200000,52.0400000,4.4100000)" in request.form["data"]
    node, way, relation = result.records
    assert node["source_id"] == "node/1234567"
    assert node["operator"] == "Vattenfall InCharge"
    assert node["evse_count"] == 2
    assert node["connector_count"] == 2
    assert node["max_power_kw"] == 11.0
    assert node["power_type"] == "AC"
    assert node["address"] == "Mekelweg 5"
    assert node["last_updated"] == "2025-11-02T09:15:00Z"
    assert (way["lon"], way["lat"]) == (4.3702, 52.0001)
    assert way["operator"] == "Fastned"
    assert way["power_type"] == "DC"
    assert way["connector_types"] == "CHADEMO,IEC_62196_T2_COMBO"
    assert way["max_power_kw"] == 300.0
    assert relation["source_id"] == "relation/42"
    assert relation["connector_count"] is None  # "yes" is no count
    assert result.report.skipped == {"no coordinates": 1}


def test_overpass_runtime_error_remark(httpserver, http):
    body = dict(OVERPASS, remark='runtime error: Query timed out in "query" at line 1 after 120 seconds.')
    httpserver.expect_request("/api/interpreter", method="POST").respond_with_json(body)
    with pytest.raises(SourceError, match="Query timed out"):
        load_osm(http, DELFT, overpass_url=httpserver.url_for("/api/interpreter"))


def test_overpass_429_retry_and_html_answer(httpserver, http, sleeps):
    httpserver.expect_ordered_request("/api/interpreter").respond_with_data(
        "rate", status=429, headers={"Retry-After": "2"}
    )
    httpserver.expect_ordered_request("/api/interpreter").respond_with_response(
        Response("<html><body>Error</body></html>", content_type="text/html")
    )
    with pytest.raises(SourceError, match="did not answer JSON"):
        load_osm(http, DELFT, overpass_url=httpserver.url_for("/api/interpreter"))
    assert sleeps == [2.0]


def test_power_tags():
    assert parse_power_kw("22 kW") == 22.0
    assert parse_power_kw("50kW") == 50.0
    assert parse_power_kw("3.7 kW;22 kW") == 22.0
    assert parse_power_kw("7400 W") == 7.4
    assert parse_power_kw("22") == 22.0
    assert parse_power_kw("11000") == 11.0
    assert parse_power_kw("yes") is None
