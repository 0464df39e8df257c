"""HTTP inside QGIS goes through QGIS's own network: its proxy, its CA certificates, its Cancel.

Real servers on 127.0.0.1: an OCPI server over HTTPS with a certificate of a throwaway CA,
a forward proxy of the test's own, and a server that keeps answering 503 with a long
``Retry-After``. The OCPI servers name themselves by host names that do not resolve where
that proves the way a request went (only the proxy knows them).
"""

from __future__ import annotations

import http.client
import ssl
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from qgis.core import (
    QgsApplication,
    QgsNetworkAccessManager,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsSettings,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtNetwork import QSslCertificate
from werkzeug.wrappers import Response

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from ocpi_test_server import OcpiTestServer, load_objects

from ev_planner.core.errors import SourceError
from ev_planner.core.http import HttpClient, plugin_version
from ev_planner.processing.http_transport import QgisTransport

TOKEN = "network-test-token-4242"
PROXIED_HOST = "ocpi-behind-the-proxy.invalid"  # resolvable by the test proxy only


def run_loadocpi(source: str, output: Path, feedback: QgsProcessingFeedback | None = None) -> dict:
    alg = QgsApplication.processingRegistry().createAlgorithmById("evplanner:loadocpi")
    params = {"SOURCE": source, "TOKEN": TOKEN, "OUTPUT": str(output)}
    results, ok = QgsProcessingAlgorithm.run(
        alg, params, QgsProcessingContext(), feedback or QgsProcessingFeedback(), {}, False
    )
    assert ok
    return results


def feature_count(uri: str) -> int:
    return QgsVectorLayer(uri, "out", "ogr").featureCount()


@pytest.fixture(scope="module")
def locations(sample_dir) -> list[dict]:
    return load_objects(sample_dir / "charge_points.ocpi.json")[:30]


# --- a throwaway certificate authority ---------------------------------------------------
def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def certificates(tmp_path_factory) -> Path:
    """ca.pem and server.pem/server.key (for 127.0.0.1), made by ``openssl`` for this test only."""
    folder = tmp_path_factory.mktemp("tls")
    ec = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes")
    _openssl(
        "req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
        "-subj", "/CN=EV Planner throwaway test CA",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        cwd=folder,
    )  # fmt: skip
    _openssl("req", *ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1", cwd=folder)
    (folder / "server.ext").write_text(
        "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
    )
    _openssl(
        "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
        "-out", "server.pem", "-days", "2", "-extfile", "server.ext",
        cwd=folder,
    )  # fmt: skip
    return folder


class HttpsOcpiServer(OcpiTestServer):
    """The OCPI test server over TLS, with the certificate of the throwaway CA."""

    def __init__(self, modules, certificates: Path, **options) -> None:
        super().__init__(modules, **options)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(certificates / "server.pem", certificates / "server.key")
        self._httpd.socket = context.wrap_socket(self._httpd.socket, server_side=True)

    @property
    def base_url(self) -> str:
        return f"https://127.0.0.1:{self.port}"


@pytest.fixture
def ca_in_qgis(certificates):
    """Adds the throwaway CA to QGIS's authentication manager; removes it afterwards."""
    manager = QgsApplication.authManager()
    (certificate,) = QSslCertificate.fromPath(str(certificates / "ca.pem"))

    def rebuild() -> None:
        manager.rebuildCaCertsCache()
        manager.rebuildTrustedCaCertsCache()

    def add() -> None:
        assert manager.storeCertAuthority(certificate)
        rebuild()

    yield add
    manager.removeCertAuthority(certificate)
    rebuild()


def test_https_with_an_internal_ca_works_once_the_ca_is_in_the_qgis_auth_manager(
    evplanner, locations, certificates, ca_in_qgis, tmp_path
):
    with HttpsOcpiServer({"locations": locations}, certificates, token=TOKEN) as server:
        with HttpClient(retries=0) as plain, pytest.raises(SourceError, match="TLS certificate problem"):
            plain.get(server.versions_url)  # requests with certifi knows no internal CA
        with pytest.raises(Exception, match="TLS certificate problem"):
            run_loadocpi(server.versions_url, tmp_path / "before.gpkg")
        ca_in_qgis()
        results = run_loadocpi(server.versions_url, tmp_path / "after.gpkg")
    assert feature_count(results["OUTPUT"]) == len(locations)


# --- a forward proxy ------------------------------------------------------------------------
class ForwardProxy:
    """A plain HTTP forward proxy that logs every request line; knows :data:`PROXIED_HOST`."""

    def __init__(self, target_port: int) -> None:
        self.log: list[str] = []
        self.target_port = target_port
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                proxy.log.append(self.requestline)
                target = urlsplit(self.path)
                if target.hostname != PROXIED_HOST:
                    self.send_error(502, "unknown host")
                    return
                path = target.path + (f"?{target.query}" if target.query else "")
                upstream = http.client.HTTPConnection("127.0.0.1", proxy.target_port, timeout=30)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("proxy-connection",)}
                upstream.request("GET", path, headers=headers)
                answer = upstream.getresponse()
                body = answer.read()
                self.send_response(answer.status, answer.reason)
                for name, value in answer.getheaders():
                    if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                upstream.close()

            def log_message(self, format: str, *args) -> None:  # quiet
                pass

        return Handler

    def __enter__(self) -> ForwardProxy:
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


class ProxiedOcpiServer(OcpiTestServer):
    """The OCPI test server under a name only the proxy resolves."""

    @property
    def base_url(self) -> str:
        return f"http://{PROXIED_HOST}:{self.port}"


PROXY_KEYS = ("proxy/proxyEnabled", "proxy/proxyType", "proxy/proxyHost", "proxy/proxyPort")


@pytest.fixture
def qgis_proxy():
    """Sets QGIS's proxy to the given port (as the Options dialog does); restores it afterwards."""
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in PROXY_KEYS if settings.contains(key)}

    def use(port: int) -> None:
        settings.setValue("proxy/proxyEnabled", True)
        settings.setValue("proxy/proxyType", "HttpProxy")
        settings.setValue("proxy/proxyHost", "127.0.0.1")
        settings.setValue("proxy/proxyPort", str(port))
        QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()

    yield use
    for key in PROXY_KEYS:
        settings.remove(key)
    for key, value in saved.items():
        settings.setValue(key, value)
    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()


def test_the_plugin_goes_through_the_proxy_of_the_qgis_settings(evplanner, locations, qgis_proxy, tmp_path):
    with (
        ProxiedOcpiServer({"locations": locations}, token=TOKEN) as server,
        ForwardProxy(server.port) as proxy,
    ):
        with pytest.raises(Exception, match="cannot connect"):
            run_loadocpi(server.versions_url, tmp_path / "direct.gpkg")  # the name resolves nowhere
        assert proxy.log == []
        qgis_proxy(proxy.port)
        results = run_loadocpi(server.versions_url, tmp_path / "proxied.gpkg")
    assert feature_count(results["OUTPUT"]) == len(locations)
    assert f"GET {server.versions_url} HTTP/1.1" in proxy.log
    assert any("/ocpi/2.2.1/locations" in line for line in proxy.log)
    assert len(server.requests) == len(proxy.log)  # nothing reached the server but through the proxy


# --- Cancel, and the QGIS transport's errors -------------------------------------------------
def test_cancel_ends_a_long_retry_after_wait(evplanner, httpserver, tmp_path):
    httpserver.expect_request("/ocpi/versions").respond_with_data(
        "maintenance", status=503, headers={"Retry-After": "120"}
    )
    feedback = QgsProcessingFeedback()
    canceler = threading.Timer(0.5, feedback.cancel)
    started = time.monotonic()
    canceler.start()
    try:
        with pytest.raises(Exception, match="Canceled: nothing was written"):
            run_loadocpi(httpserver.url_for("/ocpi/versions"), tmp_path / "canceled.gpkg", feedback)
    finally:
        canceler.cancel()
    assert time.monotonic() - started < 10  # not 120 s: the wait gave way to Cancel
    assert len(httpserver.log) == 1
    assert not (tmp_path / "canceled.gpkg").exists()


def qgis_client(**options) -> HttpClient:
    return HttpClient(transport=QgisTransport(QgsProcessingFeedback()), **options)


def test_the_qgis_transport_sends_the_plugins_user_agent_and_headers(qgis_app, httpserver):
    httpserver.expect_request("/ua", headers={"Accept": "application/json"}).respond_with_json(
        {"ok": True}, headers={"X-Total-Count": "7"}
    )
    with qgis_client(retries=0) as http:
        response = http.get(httpserver.url_for("/ua"), headers={"Accept": "application/json"})
        assert http.get_json(httpserver.url_for("/ua"), headers={"Accept": "application/json"}) == {
            "ok": True
        }
    request, _ = httpserver.log[0]
    assert request.headers["User-Agent"].startswith(f"EV Planner/{plugin_version()}")
    assert response.headers["x-total-count"] == "7"
    assert response.status_code == 200


def test_the_qgis_transport_posts_a_form(qgis_app, httpserver):
    httpserver.expect_request("/post", method="POST", data="data=%5Bout%3Ajson%5D").respond_with_data("[1]")
    with qgis_client(retries=0) as http:
        response = http.post(httpserver.url_for("/post"), data={"data": "[out:json]"})
    assert response.content == b"[1]"
    request, _ = httpserver.log[0]
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"


def test_the_qgis_transport_reports_refused_connections_and_timeouts(qgis_app, httpserver):
    def slow(_request):
        time.sleep(1.5)
        return Response("late")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    sleeps: list[float] = []
    with qgis_client(timeout=1, retries=1, backoff=0, sleep=sleeps.append) as http:
        with pytest.raises(SourceError, match=r"cannot connect .*after 2 attempts"):
            http.get("http://127.0.0.1:9/nothing")
        with pytest.raises(SourceError, match=r"no answer within 1 s, after 2 attempts"):
            http.get(httpserver.url_for("/slow"))
    assert sleeps == [0, 0]


def test_the_qgis_transport_keeps_the_body_of_error_answers_and_refuses_odd_methods(qgis_app, httpserver):
    httpserver.expect_request("/gone").respond_with_data("gone for good", status=410)
    with qgis_client(retries=0) as http:
        response = http.get(httpserver.url_for("/gone"), raise_for_status=False)
        with pytest.raises(SourceError, match=r"Request to .*/gone failed: HTTP method PUT\."):
            http.request("PUT", httpserver.url_for("/gone"))
    assert (response.status_code, response.content) == (410, b"gone for good")


def test_the_qgis_transport_never_answers_from_the_qgis_cache_nor_leaves_answers_there(qgis_app, httpserver):
    """QgsBlockingNetworkRequest saves every answer in QGIS's cache; a later 503 must not read as the 200."""
    httpserver.expect_ordered_request("/cached").respond_with_json({"n": 1})
    httpserver.expect_ordered_request("/cached").respond_with_data("down", status=503)
    httpserver.expect_ordered_request("/cached").respond_with_json({"n": 3})
    url = httpserver.url_for("/cached")
    with qgis_client(retries=0) as http:
        assert http.get_json(url) == {"n": 1}
        with pytest.raises(SourceError, match="HTTP 503"):
            http.get(url)
        assert http.get_json(url) == {"n": 3}
    assert not QgsNetworkAccessManager.instance().cache().metaData(QUrl(url)).isValid()
