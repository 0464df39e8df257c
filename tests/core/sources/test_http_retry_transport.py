"""HttpClient's retry logic over a transport of the test's own (the Transport interface's double)."""

from __future__ import annotations

import io
import threading
import time

import pytest

from ev_planner.core.errors import CanceledError, SourceError
from ev_planner.core.http import (
    Headers,
    HttpClient,
    HttpRequest,
    HttpResponse,
    TransportError,
    TransportTimeoutError,
    TransportTlsError,
)


class ScriptedTransport:
    """Answers each send with the next of ``steps``: an HttpResponse, or an exception to raise."""

    def __init__(self, *steps) -> None:
        self.steps = list(steps)
        self.sent: list[HttpRequest] = []

    def send(self, request: HttpRequest, into=None) -> HttpResponse:
        self.sent.append(request)
        step = self.steps.pop(0)
        if isinstance(step, Exception):
            if into is not None:
                into.write(b"half a bod")  # a download that broke off
            raise step
        if into is not None and 200 <= step.status_code < 300:
            into.write(step.content)
            return HttpResponse(step.status_code, step.reason, step.headers, b"", step.url)
        return step

    def close(self) -> None:
        pass


def busy(seconds: str = "120") -> HttpResponse:
    return HttpResponse(503, "Service Unavailable", Headers({"Retry-After": seconds}), b"down")


def test_cancel_ends_a_120_s_retry_after_within_a_second():
    canceled = threading.Event()
    http = HttpClient(transport=ScriptedTransport(busy(), busy()), is_canceled=canceled.is_set)
    timer = threading.Timer(0.3, canceled.set)
    started = time.monotonic()
    timer.start()
    with pytest.raises(CanceledError):
        http.get("https://ocpi.example/versions")
    timer.cancel()
    assert time.monotonic() - started < 10  # not 120 s


def test_a_canceled_client_sends_nothing():
    transport = ScriptedTransport(busy())
    with pytest.raises(CanceledError):
        HttpClient(transport=transport, is_canceled=lambda: True).get("https://ocpi.example/versions")
    assert transport.sent == []


def test_a_retried_download_starts_its_file_again():
    ok = HttpResponse(200, "OK", Headers(), b"[1, 2, 3]")
    transport = ScriptedTransport(TransportTimeoutError(), ok)
    out = io.BytesIO()
    waits: list[float] = []
    HttpClient(transport=transport, backoff=0.5, sleep=waits.append).get("https://x.example/dump", into=out)
    assert out.getvalue() == b"[1, 2, 3]"
    assert waits == [0.5]


def test_the_request_carries_user_agent_query_body_and_timeout():
    transport = ScriptedTransport(HttpResponse(200, "OK", Headers(), b"{}"))
    http = HttpClient(transport=transport, timeout=7, user_agent="EVP/test")
    http.post("https://x.example/api", params={"q": "a b"}, data={"data": "[out:json]"})
    (sent,) = transport.sent
    assert (sent.method, sent.url, sent.body, sent.timeout) == (
        "POST",
        "https://x.example/api?q=a+b",
        b"data=%5Bout%3Ajson%5D",
        7.0,
    )
    assert sent.headers["User-Agent"] == "EVP/test"
    assert sent.headers["Content-Type"] == "application/x-www-form-urlencoded"


def test_transport_failures_get_the_clients_messages():
    for error, message in [
        (TransportTlsError(), "TLS certificate problem"),
        (
            TransportError("ProtocolUnknownError"),
            r"Request to https://x\.example/a failed: ProtocolUnknownError\.",
        ),
    ]:
        http = HttpClient(transport=ScriptedTransport(error), retries=3)
        with pytest.raises(SourceError, match=message):
            http.get("https://x.example/a?key=secret")


def test_headers_are_case_insensitive_and_join_repeated_names():
    headers = Headers([("Link", "<a>; rel=next"), ("X-Total-Count", "5"), ("link", "<b>; rel=prev")])
    assert headers["x-total-count"] == "5"
    assert headers.get("LINK") == "<a>; rel=next, <b>; rel=prev"
    assert list(headers) == ["Link", "X-Total-Count"]
