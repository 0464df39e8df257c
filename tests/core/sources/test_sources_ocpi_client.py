"""The generic OCPI client against a real local OCPI server (2.1.1 and 2.2.1)."""

from __future__ import annotations

import base64

import pytest
from ocpi_test_server import TEST_TOKEN as TOKEN
from ocpi_test_server import Fault

from ev_planner.core.errors import AuthenticationError, SourceError
from ev_planner.core.http import HttpClient
from ev_planner.core.sources.ocpi_client import (
    OcpiClient,
    authorization_header,
    choose_version,
    module_endpoint,
    object_key,
    parse_link_next,
    unwrap_envelope,
)

B64 = base64.b64encode(TOKEN.encode()).decode()


def crawl(client, url, module="locations", limit=1000):
    endpoint = client.resolve(url, module)
    pages = list(client.iter_pages(endpoint.url, limit=limit))
    return endpoint, pages, [obj for page in pages for obj in page.objects]


def auth_headers(server, path_part):
    return [auth for path, auth in server.requests if path_part in path]


def test_discovery_prefers_221_and_sends_base64_token(ocpi_server, http, delft_locations):
    server = ocpi_server()
    client = OcpiClient(http, TOKEN)
    endpoint, _, objects = crawl(client, server.versions_url)
    assert endpoint.version == "2.2.1"
    assert endpoint.url == server.module_url("2.2.1", "locations")  # SENDER, not the RECEIVER entry
    assert [o["id"] for o in objects] == [o["id"] for o in delft_locations[:25]]
    assert set(auth_headers(server, "/ocpi/2.2.1")) == {f"Token {B64}"}


def test_211_server_gets_the_raw_token(ocpi_server, http):
    server = ocpi_server(versions=("2.1.1",))
    client = OcpiClient(http, TOKEN)
    endpoint, _, objects = crawl(client, server.versions_url)
    assert endpoint.version == "2.1.1"
    assert len(objects) == 25
    assert set(auth_headers(server, "/ocpi/2.1.1")) == {f"Token {TOKEN}"}


@pytest.mark.parametrize("kind", ["details", "module"])
def test_version_details_or_module_url_given_directly(ocpi_server, http, kind):
    server = ocpi_server()
    url = server.details_url("2.2.1") if kind == "details" else server.module_url("2.2.1", "locations")
    _, _, objects = crawl(OcpiClient(http, TOKEN), url)
    assert len(objects) == 25


def test_other_token_form_is_tried_once_and_then_kept(ocpi_server, http):
    server = ocpi_server(token_forms={"2.2.1": ("raw",)}, max_limit=10)
    _, pages, objects = crawl(OcpiClient(http, TOKEN), server.versions_url)
    assert len(objects) == 25
    assert len(pages) == 3
    details = auth_headers(server, "/ocpi/2.2.1")
    # details: base64 refused, raw accepted; then every page directly with raw
    assert details[:2] == [f"Token {B64}", f"Token {TOKEN}"]
    assert set(details[2:]) == {f"Token {TOKEN}"}


def test_wrong_token_fails_after_both_forms_without_showing_it(ocpi_server, http):
    server = ocpi_server()
    client = OcpiClient(http, "wrong-token-123")
    with pytest.raises(AuthenticationError) as info:
        client.resolve(server.versions_url, "locations")
    message = str(info.value)
    assert "401" in message
    assert "both" in message
    assert "wrong-token-123" not in message
    assert base64.b64encode(b"wrong-token-123").decode() not in message
    assert len(server.requests) == 2


def test_missing_token_says_to_give_one(ocpi_server, http):
    server = ocpi_server()
    with pytest.raises(AuthenticationError, match="requires a token"):
        OcpiClient(http, None).resolve(server.versions_url, "locations")


def test_403_is_an_authentication_error(ocpi_server, http):
    server = ocpi_server()
    server.add_fault(Fault("/ocpi/2.2.1/locations", status=403, times=None))
    client = OcpiClient(http, TOKEN)
    endpoint = client.resolve(server.versions_url, "locations")
    with pytest.raises(AuthenticationError, match="403") as info:
        list(client.iter_objects(endpoint.url))
    assert TOKEN not in str(info.value)
    assert B64 not in str(info.value)


def test_pages_follow_a_good_link_and_honour_x_limit(ocpi_server, http):
    server = ocpi_server(max_limit=10)
    _, pages, _objects = crawl(OcpiClient(http, TOKEN), server.versions_url, limit=1000)
    assert [len(p.objects) for p in pages] == [10, 10, 5]
    assert [p.total for p in pages] == [25, 25, 25]
    page_requests = [path for path, _ in server.requests if "/locations" in path]
    assert page_requests[0].endswith("offset=0&limit=1000")
    assert all("limit=10" in path for path in page_requests[1:])


@pytest.mark.parametrize("link", ["wrong_scheme", "bad_path"])
def test_unusable_link_falls_back_to_offset(ocpi_server, http, link, delft_locations):
    server = ocpi_server(max_limit=10, link=link)
    notes: list[str] = []
    client = OcpiClient(http, TOKEN, log=notes.append)
    _, _pages, objects = crawl(client, server.versions_url)
    assert [o["id"] for o in objects] == [o["id"] for o in delft_locations[:25]]
    assert any("unusable Link" in note for note in notes)
    assert not any("/internal/" in path for path, _ in server.requests)


def test_without_link_and_total_paging_stops_on_an_empty_page(ocpi_server, http):
    server = ocpi_server(max_limit=10, link="none", send_total=False)
    _, pages, objects = crawl(OcpiClient(http, TOKEN), server.versions_url)
    assert len(objects) == 25
    assert [p.total for p in pages] == [None, None, None]
    assert sum("/locations" in path for path, _ in server.requests) == 4  # the 4th page is empty


def test_changing_total_and_lowercase_ids_give_no_duplicates(ocpi_server, http, delft_locations):
    inserted = [dict(delft_locations[100], id="NEW-1"), dict(delft_locations[101], id="NEW-2")]
    server = ocpi_server(max_limit=10, link="none", lowercase_ids=True, insert_after_first_page=inserted)
    _, pages, objects = crawl(OcpiClient(http, TOKEN), server.versions_url)
    keys = [object_key(o) for o in objects]
    assert len(keys) == len(set(keys)) == 25
    assert {k[2] for k in keys} == {o["id"].upper() for o in delft_locations[:25]}
    assert [p.total for p in pages] == [25, 27, 27]
    assert sum(p.duplicates for p in pages) == 2


def test_generic_module_with_date_filter(ocpi_server, http, sample_dir):
    import json

    tariffs = json.loads((sample_dir / "tariffs.ocpi.json").read_text(encoding="utf-8"))
    server = ocpi_server({"tariffs": tariffs, "locations": []}, max_limit=5)
    client = OcpiClient(http, TOKEN)
    endpoint = client.resolve(server.versions_url, "tariffs")
    assert list(client.iter_objects(endpoint.url)) == tariffs
    cutoff = sorted(t["last_updated"] for t in tariffs)[len(tariffs) // 2]
    recent = list(client.iter_objects(endpoint.url, params={"date_from": cutoff}))
    assert recent == [t for t in tariffs if t["last_updated"] >= cutoff]
    assert all("date_from=" in path for path, _ in server.requests[-2:])


def test_retries_500_and_429_then_succeeds(ocpi_server, http, sleeps):
    server = ocpi_server(max_limit=10)
    server.add_fault(Fault("/ocpi/2.2.1/locations", status=500))
    server.add_fault(Fault("/ocpi/2.2.1/locations", status=429, headers={"Retry-After": "3"}))
    _, _, objects = crawl(OcpiClient(http, TOKEN), server.versions_url)
    assert len(objects) == 25
    assert sleeps == [0.5, 3.0]


def test_persistent_500_fails_with_a_clear_message(ocpi_server, http):
    server = ocpi_server()
    server.add_fault(Fault("/ocpi/2.2.1/locations", status=500, times=None))
    client = OcpiClient(http, TOKEN)
    endpoint = client.resolve(server.versions_url, "locations")
    with pytest.raises(SourceError, match=r"HTTP 500.*3 attempts"):
        list(client.iter_objects(endpoint.url))


def test_timeout_fails_after_retries(ocpi_server, sleeps):
    server = ocpi_server()
    server.add_fault(Fault("/ocpi/2.2.1/locations", delay=1.0, times=None))
    client = OcpiClient(HttpClient(timeout=0.2, retries=1, backoff=0, sleep=sleeps.append), TOKEN)
    endpoint = client.resolve(server.versions_url, "locations")
    with pytest.raises(SourceError, match="no answer within"):
        list(client.iter_objects(endpoint.url))


def test_404_unknown_endpoint(ocpi_server, http):
    server = ocpi_server()
    with pytest.raises(SourceError, match="404"):
        OcpiClient(http, TOKEN).resolve(server.base_url + "/ocpi/9.9/locations", "locations")


def test_malformed_json_page(ocpi_server, http):
    server = ocpi_server(max_limit=10)
    client = OcpiClient(http, TOKEN)
    endpoint = client.resolve(server.versions_url, "locations")
    server.add_fault(Fault("/ocpi/2.2.1/locations", body=b'{"data": [ {"id": '))
    with pytest.raises(SourceError, match="valid JSON"):
        list(client.iter_objects(endpoint.url))


def test_ocpi_error_status_carries_the_server_message(ocpi_server, http):
    server = ocpi_server()
    server.add_fault(
        Fault("/ocpi/2.2.1/locations", ocpi_status=2001, message="Invalid or missing parameters")
    )
    client = OcpiClient(http, TOKEN)
    endpoint = client.resolve(server.versions_url, "locations")
    with pytest.raises(SourceError, match=r"status 2001.*Invalid or missing parameters"):
        list(client.iter_objects(endpoint.url))


def test_unsupported_versions_and_receiver_only_modules():
    with pytest.raises(SourceError, match="supports"):
        choose_version([{"version": "3.0", "url": "x"}])
    assert choose_version([{"version": "2.1.1", "url": "a"}, {"version": "2.2.1", "url": "b"}]) == (
        "2.2.1",
        "b",
    )
    with pytest.raises(SourceError, match="only as a receiver"):
        module_endpoint(
            {"endpoints": [{"identifier": "locations", "role": "RECEIVER", "url": "u"}]}, "locations"
        )
    with pytest.raises(SourceError, match="does not offer"):
        module_endpoint({"endpoints": []}, "cdrs")


def test_small_helpers():
    assert parse_link_next('<https://x/ocpi/locations?offset=10&limit=10>; rel="next"') == (
        "https://x/ocpi/locations?offset=10&limit=10"
    )
    assert parse_link_next('<https://x/a>; rel="prev"') is None
    assert authorization_header("abc", "raw") == "Token abc"
    assert authorization_header("abc", "base64") == "Token YWJj"
    assert unwrap_envelope([1, 2]) == [1, 2]
    with pytest.raises(SourceError, match="not answer an OCPI response"):
        unwrap_envelope({"foo": 1})
