"""The shared HTTP client: retries, backoff, Retry-After, errors without secrets."""

from __future__ import annotations

import time

import pytest
from werkzeug.wrappers import Response

from ev_planner.core.errors import AuthenticationError, SourceError
from ev_planner.core.http import (
    HttpClient,
    HttpStatusError,
    parse_retry_after,
    plugin_version,
    url_for_message,
)

SECRET = "k3y-never-shown"


def test_user_agent_names_the_plugin_and_its_version(httpserver, http):
    httpserver.expect_request("/ua").respond_with_json({"ok": True})
    http.get_json(httpserver.url_for("/ua"))
    request, _ = httpserver.log[0]
    assert request.headers["User-Agent"].startswith(f"EV Planner/{plugin_version()}")
    assert plugin_version() != "0"


def test_retries_5xx_with_exponential_backoff_then_succeeds(httpserver, http, sleeps):
    httpserver.expect_ordered_request("/flaky").respond_with_data("down", status=503)
    httpserver.expect_ordered_request("/flaky").respond_with_data("down", status=500)
    httpserver.expect_ordered_request("/flaky").respond_with_json({"ok": 1})
    assert http.get_json(httpserver.url_for("/flaky")) == {"ok": 1}
    assert sleeps == [0.5, 1.0]


def test_429_honours_retry_after(httpserver, http, sleeps):
    httpserver.expect_ordered_request("/busy").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "7"}
    )
    httpserver.expect_ordered_request("/busy").respond_with_json([1])
    assert http.get_json(httpserver.url_for("/busy")) == [1]
    assert sleeps == [7.0]


def test_persistent_429_fails_clearly(httpserver, http, sleeps):
    httpserver.expect_request("/busy").respond_with_data("no", status=429)
    with pytest.raises(HttpStatusError, match="429") as info:
        http.get(httpserver.url_for("/busy"))
    assert info.value.status == 429
    assert len(sleeps) == 2  # retries=2: three attempts


def test_retry_after_as_http_date():
    now = time.time()
    date = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(now + 30))
    assert 28 <= parse_retry_after(date, now=now) <= 31
    assert parse_retry_after("garbage") is None
    assert parse_retry_after(None) is None


def test_timeout_is_retried_then_reported(httpserver, sleeps):
    def slow(_request):
        time.sleep(0.6)
        return Response("late")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    client = HttpClient(timeout=0.2, retries=1, backoff=0.01, sleep=sleeps.append)
    with pytest.raises(SourceError, match=r"no answer within 0\.2 s") as info:
        client.get(httpserver.url_for("/slow"))
    assert "2 attempts" in str(info.value)
    assert sleeps == [0.01]


def test_connection_refused_is_a_source_error(sleeps):
    client = HttpClient(timeout=1, retries=1, backoff=0, sleep=sleeps.append)
    with pytest.raises(SourceError, match="cannot connect"):
        client.get("http://127.0.0.1:9/nothing")


@pytest.mark.parametrize("status", [401, 403])
def test_401_403_are_authentication_errors_without_the_secret(httpserver, status):
    httpserver.expect_request("/auth").respond_with_data("denied", status=status)
    client = HttpClient(retries=0, secrets=[SECRET])
    url = httpserver.url_for("/auth") + f"?key={SECRET}"
    with pytest.raises(AuthenticationError) as info:
        client.get(url, headers={"Authorization": f"Token {SECRET}"})
    assert str(status) in str(info.value)
    assert SECRET not in str(info.value)
    assert info.value.status == status


def test_404_says_the_address_is_wrong(httpserver, http):
    httpserver.expect_request("/missing").respond_with_data("nope", status=404)
    with pytest.raises(HttpStatusError, match="does not exist") as info:
        http.get(httpserver.url_for("/missing"))
    assert info.value.status == 404


def test_malformed_json_is_a_source_error(httpserver, http):
    httpserver.expect_request("/bad").respond_with_data("{not json", content_type="application/json")
    with pytest.raises(SourceError, match="did not answer valid JSON"):
        http.get_json(httpserver.url_for("/bad"))


def test_url_for_message_drops_query_and_credentials():
    assert url_for_message(f"https://user:{SECRET}@example.org:8443/v3/poi?key={SECRET}") == (
        "https://example.org:8443/v3/poi"
    )


def test_proxies_are_used(httpserver, sleeps):
    """A proxy mapping goes to requests: an HTTP proxy receives the absolute URL."""
    httpserver.expect_request("http://unreachable.invalid/x").respond_with_json({"via": "proxy"})
    httpserver.expect_request("/x").respond_with_json({"via": "proxy"})
    client = HttpClient(retries=0, proxies={"http": httpserver.url_for("/")}, sleep=sleeps.append)
    assert client.get_json("http://unreachable.invalid/x") == {"via": "proxy"}


def test_given_proxies_win_over_the_environment(httpserver, sleeps, monkeypatch):
    httpserver.expect_request("http://unreachable.invalid/y").respond_with_json({"via": "qgis proxy"})
    httpserver.expect_request("/y").respond_with_json({"via": "qgis proxy"})
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there
    client = HttpClient(retries=0, proxies={"http": httpserver.url_for("/")}, sleep=sleeps.append)
    assert client.get_json("http://unreachable.invalid/y") == {"via": "qgis proxy"}
