"""The loaders through ``processing.run`` on hostile input (issue "hostile input").

Absurd nesting gives a clear ``QgsProcessingException``, records with huge numbers
are counted skips, and a token a server echoes back in any form never reaches the
log, the error or the output. Every server here is local (127.0.0.1).
"""

from __future__ import annotations

import json

import pytest
from ocpi_test_server import Fault, OcpiTestServer
from qgis.core import QgsProcessingException, QgsVectorLayer
from werkzeug import Response

from tests.support.feedback import RecordingFeedback as Feedback
from tests.support.hostile_inputs import (
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
from tests.support.running import run_algorithm as run

EXTENT = "4.3,51.9,4.4,52.1 [EPSG:4326]"
NESTED = "nested more than 200 levels deep"


def refused(algorithm_id: str, params: dict, feedback: Feedback | None = None) -> str:
    with pytest.raises(QgsProcessingException) as caught:
        run(algorithm_id, params, feedback)
    return str(caught.value)


# --- 1. nesting ------------------------------------------------------------------------------
def test_loadocpi_refuses_a_deeply_nested_dump_file_and_api_answer(evplanner, tmp_path):
    dump = write(tmp_path / "deep.json", deep_array())
    message = refused("loadocpi", {"SOURCE": dump, "OUTPUT": str(tmp_path / "a.gpkg")})
    assert message.startswith(f"deep.json holds JSON {NESTED}")
    page = '{"status_code": 1000, "data": [' + location("A", extra=', "x": ' + deep_array()) + "]}"
    with OcpiTestServer({"locations": []}, token=ECHO_TOKEN) as server:
        server.add_fault(Fault("/ocpi/2.2.1/locations", body=page.encode()))
        message = refused(
            "loadocpi",
            {"SOURCE": server.versions_url, "TOKEN": ECHO_TOKEN, "OUTPUT": str(tmp_path / "b.gpkg")},
        )
    assert f"/ocpi/2.2.1/locations answered JSON {NESTED}" in message
    assert "Unexpected error" not in message


def test_loadopenchargemap_and_loadosm_refuse_deeply_nested_answers(evplanner, httpserver, tmp_path):
    httpserver.expect_request("/v3/poi/").respond_with_data(deep_array(), content_type="application/json")
    httpserver.expect_request("/api/interpreter", method="POST").respond_with_data(
        '{"elements": [' + deep_array() + "]}", content_type="application/json"
    )
    ocm = refused(
        "loadopenchargemap",
        {"BASE_URL": httpserver.url_for("/v3"), "EXTENT": EXTENT, "OUTPUT": str(tmp_path / "ocm.gpkg")},
    )
    assert f"/v3/poi/ answered JSON {NESTED}" in ocm
    osm = refused(
        "loadosm",
        {
            "OVERPASS_URL": httpserver.url_for("/api/interpreter"),
            "EXTENT": EXTENT,
            "OUTPUT": str(tmp_path / "o.gpkg"),
        },
    )
    assert f"/api/interpreter answered JSON {NESTED}" in osm


def test_loadocpisessions_refuses_a_deeply_nested_file(evplanner, tmp_path):
    sessions = write(tmp_path / "cdrs.json", "[" + cdr("C1") + ', {"id": "C2", "x": ' + deep_array() + "}]")
    message = refused("loadocpisessions", {"SOURCE": sessions, "OUTPUT": str(tmp_path / "s.gpkg")})
    assert message.startswith(f"cdrs.json holds JSON {NESTED}")


# --- 2. numbers ------------------------------------------------------------------------------
def test_loadocpi_counts_locations_with_huge_numbers_as_skipped(evplanner, tmp_path):
    dump = write(
        tmp_path / "dump.json",
        "["
        + ",".join(
            [
                location("GOOD-1"),
                location("VOLTAGE", voltage=HUGE),
                location("GOOD-2"),
                location("LATITUDE", latitude="-" + HUGE),
                location("DIGITS", voltage="9" * 5000),
            ]
        )
        + "]",
    )
    feedback = Feedback()
    results = run("loadocpi", {"SOURCE": dump, "OUTPUT": str(tmp_path / "out.gpkg")}, feedback)
    layer = QgsVectorLayer(results["OUTPUT"], "out", "ogr")
    assert sorted(f["source_id"] for f in layer.getFeatures()) == ["GOOD-1", "GOOD-2"]
    reason = "a number out of range (too large, NaN or Infinity)"
    assert f"OCPI: 3 skipped ({reason})." in feedback.lines
    for record_id in ("VOLTAGE", "LATITUDE", "DIGITS"):
        assert f"OCPI: record {record_id} skipped: {reason}." in feedback.lines


def test_loadocpisessions_counts_records_with_huge_numbers_as_skipped(evplanner, tmp_path):
    sessions = write(
        tmp_path / "cdrs.json", '{"data": [' + ",".join([cdr("C1"), cdr("C2", HUGE), cdr("C3")]) + "]}"
    )
    feedback = Feedback()
    results = run("loadocpisessions", {"SOURCE": sessions, "OUTPUT": str(tmp_path / "s.gpkg")}, feedback)
    assert results["SESSION_COUNT"] == 2
    assert results["SKIPPED_COUNT"] == 1
    assert any(
        "1 record(s) skipped: a number out of range" in line and "C2" in line for line in feedback.lines
    )


# --- 3. secrets ------------------------------------------------------------------------------
class EchoingOcpiServer:
    """A minimal OCPI 2.2.1 server that echoes the token in every answer it can.

    The versions answer's first attempt fails with HTTP 503 and the token in the
    reason phrase (the client retries); the version details name the token as the
    version; each locations page sends an unusable ``Link`` header echoing it.
    """

    def __init__(self, httpserver):
        self.httpserver = httpserver
        self.calls = 0
        # The forms a URL path can carry as they are (the others would change the path).
        echo = "/".join(form for form in echoed_forms() if not set(form) & set("/?#+= "))
        base = httpserver.url_for("/ocpi")

        def versions(request):
            self.calls += 1
            if self.calls == 1:
                return echo_everything(request)
            return _ocpi([{"version": "2.2.1", "url": f"{base}/2.2.1"}])

        details = {
            "version": ECHO_TOKEN.upper(),
            "endpoints": [{"identifier": "locations", "role": "SENDER", "url": f"{base}/2.2.1/locations"}],
        }
        page = [json.loads(location("L1")), json.loads(location("L2"))]
        link = {"Link": f'<{httpserver.url_for("/elsewhere/" + echo)}>; rel="next"', "X-Total-Count": "2"}
        httpserver.expect_request("/ocpi/versions").respond_with_handler(versions)
        httpserver.expect_request("/ocpi/2.2.1").respond_with_response(_ocpi(details))
        httpserver.expect_request("/ocpi/2.2.1/locations").respond_with_response(_ocpi(page, link))
        httpserver.expect_request("/ocpi/cdrs/versions").respond_with_handler(echo_everything)
        httpserver.expect_request("/ocpi/tariffs").respond_with_data(
            json.dumps({"status_code": 2001, "status_message": "unknown token " + " ".join(echoed_forms())}),
            content_type="application/json",
        )


def _ocpi(data, headers=None) -> Response:
    body = json.dumps({"status_code": 1000, "status_message": "Success", "data": data})
    return Response(body, content_type="application/json", headers=headers or {})


def assert_no_token(*texts: str) -> None:
    for text in texts:
        assert leaked(text) == [], text


def test_loadocpi_never_shows_an_echoed_token(evplanner, httpserver, tmp_path):
    EchoingOcpiServer(httpserver)
    out = tmp_path / "echo.gpkg"
    feedback = Feedback()
    results = run(
        "loadocpi",
        {"SOURCE": httpserver.url_for("/ocpi/versions"), "TOKEN": ECHO_TOKEN, "OUTPUT": str(out)},
        feedback,
    )
    assert QgsVectorLayer(results["OUTPUT"], "o", "ogr").featureCount() == 2
    assert any("retrying" in line for line in feedback.lines)  # the 503 whose reason echoed the token
    assert any("Ignoring an unusable Link header" in line for line in feedback.lines)
    assert_no_token(feedback.text, out.read_bytes().decode("latin-1"))


def test_loadocpi_tariffs_never_show_an_echoed_token(evplanner, httpserver, tmp_path):
    EchoingOcpiServer(httpserver)
    dump = write(tmp_path / "dump.json", "[" + location("L1") + "]")
    feedback = Feedback()
    params = {
        "SOURCE": dump,
        "TOKEN": ECHO_TOKEN,
        "TARIFFS": True,
        "TARIFF_SOURCE": httpserver.url_for("/ocpi/tariffs"),
        "OUTPUT": str(tmp_path / "t.gpkg"),
    }
    message = refused("loadocpi", params, feedback)
    assert message.startswith("The OCPI server answered status 2001 for")
    assert "unknown token ***" in message
    assert_no_token(message, feedback.text)


def test_loadocpisessions_never_shows_an_echoed_token(evplanner, httpserver, tmp_path):
    EchoingOcpiServer(httpserver)
    feedback = Feedback()
    params = {
        "SOURCE": httpserver.url_for("/ocpi/cdrs/versions"),
        "TOKEN": ECHO_TOKEN,
        "OUTPUT": str(tmp_path / "s.gpkg"),
    }
    message = refused("loadocpisessions", params, feedback)
    assert "failed (HTTP 503 Bad token ***" in message
    assert sum("retrying" in line for line in feedback.lines) == 3
    assert_no_token(message, feedback.text)
    assert not (tmp_path / "s.gpkg").exists()
