"""Tariffs: the 36 real Delft tariffs and the matching of connectors' tariff_ids."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from ev_planner.core.usage import tariffs as t

REFERENCE = pd.Timestamp("2026-06-07T12:00:00Z")


def test_delft_energy_prices_include_vat_where_given(sample_dir):
    raw = json.loads((sample_dir / "tariffs.ocpi.json").read_text())
    table = t.parse_tariffs(raw, reference=REFERENCE)
    assert len(table) == 36
    assert table.skipped.counts == {}
    for tariff in raw:
        energy = next(
            pc for e in tariff["elements"] for pc in e["price_components"] if pc["type"] == "ENERGY"
        )
        expected = (
            energy["price"] * (1 + energy["vat"] / 100) if energy.get("vat") is not None else energy["price"]
        )
        price, _ = table.find(tariff["country_code"], tariff["party_id"], tariff["id"])
        assert price.price_kwh == pytest.approx(expected), tariff["id"]
    price, exact = table.find("NL", "CKE", "40")
    assert (price.price_kwh, exact) == (pytest.approx(0.7865), False)  # 0.65 + 21 % VAT
    price, _ = table.find("NL", "SGM", "NLSGMTFLUDFLPATPKZRRQPXEAKNSLKOZLXY")
    assert price.price_per_hour == pytest.approx(0.605)  # TIME 0.50 + 21 %
    price, _ = table.find("NL", "EFL", "t-6507e9da3fe96011650a04f7-1")
    assert (price.price_kwh, price.price_per_hour) == (pytest.approx(0.55), 0.0)


def test_delft_locations_get_the_highest_connector_price(sample_dir):
    table = t.parse_tariffs(json.loads((sample_dir / "tariffs.ocpi.json").read_text()), reference=REFERENCE)
    locations = {loc["id"]: loc for loc in json.loads((sample_dir / "charge_points.ocpi.json").read_text())}
    spirii = t.location_price(locations["32413"], table)  # all connectors on NL/CKE tariff 40
    assert spirii.price_kwh == pytest.approx(0.7865)
    assert spirii.unmatched == []
    assert spirii.matched_on_id_only == 0
    priced = [t.location_price(loc, table) for loc in locations.values()]
    # NDW republishes locations under party ZZZ while tariffs keep the operator's party:
    # those match on the (unique) tariff id alone.
    assert sum(p.matched_on_id_only > 0 for p in priced) > 400
    ids_in_file = {tariff["id"] for tariff in json.loads((sample_dir / "tariffs.ocpi.json").read_text())}
    for loc, price in zip(locations.values(), priced):
        referenced = {
            tid for evse in loc["evses"] for c in evse["connectors"] for tid in (c.get("tariff_ids") or [])
        }
        assert set(price.unmatched) == referenced - ids_in_file
        if not referenced & ids_in_file:
            assert price.price_kwh is None


def test_exact_party_match_wins_over_an_ambiguous_id():
    table = t.parse_tariffs(
        [
            {"country_code": "NL", "party_id": "AAA", "id": "1", "elements": [_energy(0.30)]},
            {"country_code": "NL", "party_id": "BBB", "id": "1", "elements": [_energy(0.50, vat=10)]},
        ]
    )
    assert table.find("nl", "bbb", "1")[0].price_kwh == pytest.approx(0.55)
    assert table.find("NL", "CCC", "1") == (None, False)  # two candidates: no guess


def _energy(price, vat=None, restrictions=None, kind="ENERGY"):
    component = {"type": kind, "price": price, "step_size": 1}
    if vat is not None:
        component["vat"] = vat
    return {"price_components": [component], "restrictions": restrictions}


def test_restricted_elements_yield_to_the_general_price_and_211_tariffs_match_on_id():
    night = _energy(0.20, restrictions={"start_time": "23:00", "end_time": "07:00"})
    large = _energy(0.10, restrictions={"min_kwh": 50})
    future = _energy(0.90, restrictions={"start_date": "2030-01-01"})
    general = _energy(0.40)
    table = t.parse_tariffs(
        [
            {"id": "T211", "currency": "EUR", "elements": [night, large, future, general]},
            {"id": "ONLY", "elements": [night]},
            {"id": "", "elements": [general]},
            "junk",
            {"id": "EMPTY", "elements": []},
        ],
        reference=REFERENCE,
    )
    assert table.find(None, None, "T211")[0].price_kwh == pytest.approx(0.40)
    assert table.find(None, None, "ONLY")[0].price_kwh == pytest.approx(0.20)  # the only price there is
    assert table.skipped.counts == {
        t.REASON_TARIFF_NO_ID: 1,
        t.REASON_TARIFF_NOT_OBJECT: 1,
        t.REASON_TARIFF_NO_ELEMENTS: 1,
    }
    location = {"evses": [{"connectors": [{"tariff_id": "T211"}, {"tariff_ids": ["nope"]}]}]}
    price = t.location_price(location, table)
    assert (price.price_kwh, price.tariff_ids, price.unmatched) == (pytest.approx(0.40), 2, ["nope"])
