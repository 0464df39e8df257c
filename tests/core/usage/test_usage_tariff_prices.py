"""Pricing the records of an OCPI load: Delft dump + tariffs file, and discovery on a local server."""

from __future__ import annotations

import json

import pytest

from ev_planner.core.errors import InputError
from ev_planner.core.sources.ocpi_locations import load_ocpi_locations
from ev_planner.core.usage import tariff_prices as tp
from tests.support.usage_ocpi import USAGE_TOKEN


def independent_prices(locations, tariffs):
    """Highest ENERGY price incl. VAT over the connectors, matching on (country, party, id) or a unique id."""
    by_key, by_id = {}, {}
    for t in tariffs:
        energy = next(
            (pc for e in t["elements"] for pc in e["price_components"] if pc["type"] == "ENERGY"), None
        )
        price = (
            energy["price"] * (1 + energy["vat"] / 100)
            if energy and energy.get("vat") is not None
            else (energy["price"] if energy else None)
        )
        by_key[(t["country_code"], t["party_id"], t["id"])] = price
        by_id.setdefault(t["id"], []).append(price)
    result = {}
    for loc in locations:
        found = []
        for evse in loc["evses"]:
            for connector in evse["connectors"]:
                for tid in connector.get("tariff_ids") or []:
                    key = (loc["country_code"], loc["party_id"], tid)
                    if key in by_key:
                        found.append(by_key[key])
                    elif len(by_id.get(tid, [])) == 1:
                        found.append(by_id[tid][0])
        prices = [p for p in found if p is not None]
        result[loc["id"]] = max(prices) if prices else None
    return result


def test_delft_dump_priced_from_the_tariffs_file(sample_dir, usage_http):
    dump = str(sample_dir / "charge_points.ocpi.json")
    tariffs_path = str(sample_dir / "tariffs.ocpi.json")
    result = load_ocpi_locations(dump, usage_http)
    table = tp.load_tariff_table(tariffs_path, dump, usage_http, None)
    report = tp.price_records(result.records, tp.iter_raw_locations(dump, usage_http, None), table)
    locations = json.loads((sample_dir / "charge_points.ocpi.json").read_text())
    expected = independent_prices(locations, json.loads((sample_dir / "tariffs.ocpi.json").read_text()))
    for record in result.records:
        assert record["price_kwh"] == pytest.approx(expected[record["source_id"]]), record["source_id"]
    assert report.tariffs == 36
    assert report.priced == sum(1 for v in expected.values() if v is not None)
    assert "471297504" in report.unmatched_ids  # referenced by Delft connectors, absent from the tariffs feed


def test_tariffs_discovered_on_the_server_of_source(sample_dir, usage_server, usage_http):
    locations = json.loads((sample_dir / "charge_points.ocpi.json").read_text())[:40]
    tariffs = json.loads((sample_dir / "tariffs.ocpi.json").read_text())
    server = usage_server({"locations": locations, "tariffs": tariffs}, max_limit=15)
    result = load_ocpi_locations(server.versions_url, usage_http, token=USAGE_TOKEN)
    table = tp.load_tariff_table(None, server.versions_url, usage_http, USAGE_TOKEN)
    assert len(table) == 36
    raw = tp.iter_raw_locations(server.versions_url, usage_http, USAGE_TOKEN)
    report = tp.price_records(result.records, raw, table)
    expected = independent_prices(locations, tariffs)
    assert {r["source_id"]: r["price_kwh"] for r in result.records} == pytest.approx(expected)
    assert report.priced == sum(1 for v in expected.values() if v is not None)


def test_tariff_source_is_required_for_a_dump_or_a_locations_endpoint(sample_dir, usage_http):
    dump = str(sample_dir / "charge_points.ocpi.json")
    with pytest.raises(InputError, match="TARIFF_SOURCE"):
        tp.load_tariff_table(None, dump, usage_http, None)
    with pytest.raises(InputError, match="TARIFF_SOURCE"):
        tp.load_tariff_table(None, "https://cpo.example.com/ocpi/2.2.1/locations", usage_http, None)


def test_records_without_a_location_get_no_price():
    records = [{"source_id": "A"}, {"source_id": "B"}]
    locations = [
        {"id": "a", "evses": [{"connectors": [{"tariff_ids": ["T"]}]}]},
        {"id": "B", "evses": [{"connectors": [{}]}]},
        "junk",
    ]
    table = tp.parse_tariffs(
        [{"id": "T", "elements": [{"price_components": [{"type": "ENERGY", "price": 0.3}]}]}]
    )
    report = tp.price_records(records, iter(locations), table)
    assert [r["price_kwh"] for r in records] == [0.3, None]
    assert (report.priced, report.without_tariff_ids) == (1, 1)
