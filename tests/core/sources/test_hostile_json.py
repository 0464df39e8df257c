"""Hostile JSON (issue "hostile input"): absurd nesting, huge numbers, tokens echoed back.

Each defect is fixed in one shared place (``core/safe_json.py`` for parsing,
``core/errors.redact`` for secrets); these tests feed each entry point its own
small crafted input.
"""

from __future__ import annotations

import gzip
import io
import json

import pandas as pd
import pytest
from ocpi_test_server import Fault

from ev_planner.core.errors import InputError, Message, SourceError, redact, redact_message
from ev_planner.core.http import HttpClient, HttpStatusError
from ev_planner.core.safe_json import (
    MAX_DEPTH,
    REASON_NUMBER_OUT_OF_RANGE,
    JsonGuard,
    ObjectWithOutOfRangeNumber,
    OutOfRangeNumber,
    has_out_of_range_number,
    parse_json,
)
from ev_planner.core.sources.ocm import load_open_charge_map
from ev_planner.core.sources.ocpi_client import OcpiClient
from ev_planner.core.sources.ocpi_locations import iter_json_array, load_ocpi_locations
from ev_planner.core.sources.osm import load_osm
from ev_planner.core.usage.ocpi_usage import load_sessions, load_tariffs
from tests.support.hostile_inputs import (
    DELFT,
    ECHO_TOKEN,
    HUGE,
    cdr,
    deep_array,
    echo_everything,
    echoed_forms,
    leaked,
    location,
    write,
)


# --- 1. nesting ------------------------------------------------------------------------------
def test_parse_json_refuses_absurd_depth_naming_the_source():
    with pytest.raises(InputError) as caught:
        parse_json(deep_array(), "deep.json")
    assert caught.value.template.startswith("{source} holds JSON nested more than {limit} levels deep.")
    assert caught.value.values == {"source": "deep.json", "limit": MAX_DEPTH}
    with pytest.raises(SourceError, match="answered JSON nested more than 200 levels"):
        parse_json(deep_array(), "https://cpo.example/ocpi", from_server=True)


def test_the_depth_limit_is_exact_and_strings_do_not_count():
    assert parse_json(deep_array(MAX_DEPTH), "ok.json") is not None
    with pytest.raises(InputError):
        parse_json(deep_array(MAX_DEPTH + 1), "x.json")
    # Brackets inside strings, also after escaped quotes and backslashes, are text.
    text = json.dumps({"name": '[[[ \\" {{{ ' * 5000, "x": ["\\\\", '"', "[" * 300]})
    assert parse_json(text, "strings.json")["x"][2] == "[" * 300


def test_the_streamed_dump_reader_checks_every_chunk_before_parsing_it():
    text = "[" + location("A") + ',{"id": "B", "x": ' + deep_array() + "}]"
    for chunk_size, before_the_error in ((7, ["A"]), (1 << 20, [])):
        read = []
        values = iter_json_array(io.StringIO(text), chunk_size=chunk_size, source="dump.json")
        with pytest.raises(InputError, match=r"dump\.json holds JSON nested more than 200"):
            read.extend(value["id"] for value in values)
        assert read == before_the_error  # a chunk is refused before anything in it is parsed


@pytest.mark.parametrize("where", ["top", "location", "envelope"])
def test_loadocpi_files_refuse_absurd_depth(tmp_path, where):
    body = {
        "top": deep_array(),
        "location": "[" + location("A", extra=', "x": ' + deep_array()) + "]",
        "envelope": '{"status_code": 1000, "data": [' + deep_array() + "]}",
    }[where]
    path = tmp_path / "dump.json.gz"
    path.write_bytes(gzip.compress(body.encode()))
    with HttpClient() as http, pytest.raises(InputError, match=r"dump\.json\.gz holds JSON nested"):
        load_ocpi_locations(str(path), http)


def test_ocpi_server_answers_nested_too_deep_are_a_source_error(ocpi_server, http):
    server = ocpi_server()
    deep_page = (
        b'{"status_code": 1000, "data": [' + location("A").encode() + b", " + deep_array().encode() + b"]}"
    )
    server.add_fault(Fault("/ocpi/2.2.1/locations", body=deep_page))
    with pytest.raises(
        SourceError, match=r"http://127\.0\.0\.1:\d+/ocpi/2\.2\.1/locations answered JSON nested"
    ):
        load_ocpi_locations(server.versions_url, http, token=server.token)


def test_ocm_osm_and_dump_urls_refuse_absurd_depth(httpserver, http):
    httpserver.expect_request("/v3/poi/").respond_with_data(deep_array(), content_type="application/json")
    httpserver.expect_request("/api/interpreter", method="POST").respond_with_data(
        '{"elements": ' + deep_array() + "}", content_type="application/json"
    )
    httpserver.expect_request("/dump.json").respond_with_data(deep_array())
    with pytest.raises(SourceError, match="/v3/poi/ answered JSON nested more than 200"):
        load_open_charge_map(http, DELFT, base_url=httpserver.url_for("/v3"))
    with pytest.raises(SourceError, match="/api/interpreter answered JSON nested"):
        load_osm(http, DELFT, overpass_url=httpserver.url_for("/api/interpreter"))
    with pytest.raises(SourceError, match=r"/dump\.json answered JSON nested"):
        load_ocpi_locations(httpserver.url_for("/dump.json"), http)


def test_session_and_tariff_files_refuse_absurd_depth(tmp_path):
    sessions = write(tmp_path / "cdrs.json", '{"data": [' + cdr("C1") + "," + deep_array() + "]}")
    with pytest.raises(InputError, match=r"cdrs\.json holds JSON nested more than 200"):
        load_sessions(sessions)
    with pytest.raises(InputError, match=r"tariffs\.json holds JSON nested"):
        load_tariffs(write(tmp_path / "tariffs.json", deep_array()))


# --- 2. numbers ------------------------------------------------------------------------------
def test_ordinary_documents_keep_their_plain_types():
    value = parse_json('{"a": [1, -2, 3.5, 123456789012345678, "12345678901234567890123"]}', "t")
    assert type(value) is dict
    assert [type(v) for v in value["a"]] == [int, int, float, int, str]
    assert not has_out_of_range_number(value)


@pytest.mark.parametrize(
    "literal",
    [HUGE, "-" + HUGE, "9" * 5000, "9223372036854775808", "1" + "0" * 30 + ".5", "NaN", "-Infinity"],
)
def test_out_of_range_numbers_mark_every_object_holding_them(literal):
    value = parse_json(f'[{{"a": {{"b": [[{literal}]]}}}}, {{"c": 1}}, {literal}]', "t")
    marked, plain, number = value
    assert isinstance(marked, ObjectWithOutOfRangeNumber)
    assert isinstance(marked["a"], ObjectWithOutOfRangeNumber)
    assert isinstance(number, OutOfRangeNumber)
    assert [has_out_of_range_number(v) for v in value] == [True, False, True]
    assert type(plain) is dict


def test_the_largest_64_bit_integer_is_still_a_number():
    assert parse_json("[9223372036854775807, -9223372036854775807]", "t") == [2**63 - 1, -(2**63 - 1)]


def test_a_long_digit_run_split_across_chunks_is_seen():
    guard = JsonGuard("t")
    guard.feed('[{"a": 12345678901')
    guard.feed("2345678901234567890}]")
    assert guard.needs_checked_numbers


def test_loadocpi_counts_locations_with_huge_numbers_as_skipped(tmp_path):
    dump = write(
        tmp_path / "dump.json",
        "["
        + ",".join(
            [
                location("GOOD"),
                location("VOLTAGE", voltage=HUGE),
                location("LATITUDE", latitude=HUGE),
                location("DIGITS", voltage="9" * 5000),
            ]
        )
        + "]",
    )
    with HttpClient() as http:
        result = load_ocpi_locations(dump, http)
    assert [r["source_id"] for r in result.records] == ["GOOD"]
    assert result.records[0]["max_power_kw"] == pytest.approx(11.04)
    assert result.report.skipped == {REASON_NUMBER_OUT_OF_RANGE: 3}
    assert [record_id for record_id, _ in result.report.examples] == ["VOLTAGE", "LATITUDE", "DIGITS"]


def test_sessions_and_tariffs_with_huge_numbers_are_counted_skips(tmp_path):
    sessions = write(
        tmp_path / "cdrs.json", "[" + ",".join([cdr("C1"), cdr("C2", HUGE), cdr("C3", "-" + HUGE)]) + "]"
    )
    table, _ = load_sessions(sessions, now=pd.Timestamp("2027-01-01", tz="UTC"))
    assert list(table.frame["session_id"]) == ["C1"]
    assert table.skipped.counts == {REASON_NUMBER_OUT_OF_RANGE: 2}
    assert table.skipped.examples[REASON_NUMBER_OUT_OF_RANGE] == ["C2", "C3"]
    tariff = '{{"id": "{id}", "currency": "EUR", "elements": [{{"price_components": [{{"type": "ENERGY", "price": {price}}}]}}]}}'
    tariffs = write(
        tmp_path / "tariffs.json",
        "[" + tariff.format(id="T1", price="0.35") + "," + tariff.format(id="T2", price=HUGE) + "]",
    )
    table = load_tariffs(tariffs)
    assert len(table) == 1
    assert table.skipped.counts == {REASON_NUMBER_OUT_OF_RANGE: 1}


def test_ocm_and_osm_records_with_huge_numbers_are_counted_skips(httpserver, http):
    poi = '{{"ID": {id}, "AddressInfo": {{"Latitude": 52.0, "Longitude": 4.36}}, "Connections": [{{"PowerKW": {kw}}}]}}'
    httpserver.expect_request("/v3/poi/").respond_with_data(
        "[" + poi.format(id=1, kw=22) + "," + poi.format(id=2, kw=HUGE) + "]", content_type="application/json"
    )
    element = '{{"type": "node", "id": {id}, "lat": {lat}, "lon": 4.36, "tags": {{}}}}'
    httpserver.expect_request("/api/interpreter", method="POST").respond_with_data(
        '{"elements": [' + element.format(id=1, lat=52.0) + "," + element.format(id=2, lat=HUGE) + "]}",
        content_type="application/json",
    )
    ocm = load_open_charge_map(http, DELFT, base_url=httpserver.url_for("/v3"))
    assert [r["source_id"] for r in ocm.records] == ["1"]
    assert ocm.report.skipped == {REASON_NUMBER_OUT_OF_RANGE: 1}
    osm = load_osm(http, DELFT, overpass_url=httpserver.url_for("/api/interpreter"))
    assert [r["source_id"] for r in osm.records] == ["node/1"]
    assert osm.report.skipped == {REASON_NUMBER_OUT_OF_RANGE: 1}


# --- 3. secrets ------------------------------------------------------------------------------
def test_redact_hides_every_form_in_any_case():
    text = " | ".join(echoed_forms())
    shown = redact(text, [ECHO_TOKEN])
    assert leaked(shown) == []
    assert shown.count("***") == len(echoed_forms())
    assert redact("a short pw! and PW! stay hidden", ["pw!"]) == "a short *** and *** stay hidden"
    note = redact_message(
        Message("{url} answered {reason}.", url="http://h/x", reason=ECHO_TOKEN.upper()), [ECHO_TOKEN]
    )
    assert note == "http://h/x answered ***."
    assert note.template == "{url} answered {reason}."


def test_the_http_client_and_the_ocpi_client_never_show_an_echoed_token(httpserver):
    httpserver.expect_request("/ocpi/versions").respond_with_handler(echo_everything)
    httpserver.expect_request("/ocpi/status").respond_with_data(
        json.dumps({"status_code": 2001, "status_message": "you sent " + " ".join(echoed_forms())}),
        content_type="application/json",
    )
    httpserver.expect_request("/ocpi/html").respond_with_data("<html>" + ECHO_TOKEN.upper() * 30 + "</html>")
    log: list[str] = []
    with HttpClient(retries=1, sleep=lambda s: None, log=log.append) as http:
        client = OcpiClient(http, ECHO_TOKEN, log=log.append)
        with pytest.raises(HttpStatusError) as status:
            client.resolve(httpserver.url_for("/ocpi/versions"), "locations")
        with pytest.raises(SourceError) as ocpi_status:
            client.resolve(httpserver.url_for("/ocpi/status"), "locations")
        with pytest.raises(SourceError) as not_json:
            client.resolve(httpserver.url_for("/ocpi/html"), "locations")
    assert log
    assert "retrying" in log[0]
    for text in [*log, str(status.value), str(ocpi_status.value), str(not_json.value)]:
        assert leaked(text) == [], text
    assert "***" in str(status.value)
    assert "***" in str(ocpi_status.value)


def test_loadocpi_tariffs_keep_the_count_of_tariffs_with_huge_numbers(tmp_path, http):
    """The tariff table of loadocpi (TARIFF_SOURCE) counts them too, instead of only missing them."""
    from ev_planner.core.usage.tariff_prices import load_tariff_table

    tariff = '{{"id": "{id}", "currency": "EUR", "elements": [{{"price_components": [{{"type": "ENERGY", "price": {price}}}]}}]}}'
    tariffs = write(
        tmp_path / "tariffs.json",
        "[" + tariff.format(id="T1", price="0.35") + "," + tariff.format(id="T2", price=HUGE) + "]",
    )
    table = load_tariff_table(str(tariffs), "sample.json", http, None)
    assert len(table) == 1
    assert table.skipped.counts == {REASON_NUMBER_OUT_OF_RANGE: 1}
