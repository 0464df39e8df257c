#!/usr/bin/env python3
"""A local OCPI 2.1.1 + 2.2.1 server for tests, benchmarks and the demo.

It implements what a client needs from a CPO's OCPI interface: the versions
endpoint, version details (per version, with SENDER endpoints in 2.2.1), and
any number of modules (``locations``, ``tariffs``, ``cdrs``, ``sessions``, ...)
served from JSON lists with offset/limit paging, ``X-Total-Count``, ``X-Limit``
and ``Link: <...>; rel="next"``, ``date_from``/``date_to`` filtering on
``last_updated``, and the token check of each version (``Token <base64>`` for
2.2.1, the raw token for 2.1.1).

Real servers' misbehaviour can be switched on: a broken ``Link`` (wrong scheme
or unusable path) or none, lowercase ids on later pages, objects inserted while
a client is paging (a changing total), and injected faults (an HTTP status with
``Retry-After``, a slow answer, malformed JSON, an OCPI error status).

Run it::

    python scripts/ocpi_test_server.py --dump sample_data/delft/charge_points.ocpi.json \\
        --token secret --port 8765 [--module tariffs=sample_data/delft/tariffs.ocpi.json]

or use :class:`OcpiTestServer` from Python (``with OcpiTestServer(...) as server:``).
It binds to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

VERSIONS = ("2.1.1", "2.2.1")
TEST_TOKEN = "s3cr3t-token-4711"  # the token tests use by default
LINK_MODES = ("good", "none", "wrong_scheme", "bad_path")


@dataclass
class Fault:
    """An answer to inject for requests whose path starts with ``path``.

    ``status``: HTTP status to answer (with an OCPI error body); ``delay``: seconds
    to wait before answering normally (a timeout for a client with a shorter
    one); ``body``: raw bytes to answer with HTTP 200 (e.g. malformed JSON);
    ``ocpi_status``: an OCPI status_code (HTTP 200) with ``message``.
    ``times``: how many requests it affects (``None``: all).
    """

    path: str
    status: int | None = None
    delay: float = 0.0
    body: bytes | None = None
    ocpi_status: int | None = None
    message: str = "injected fault"
    headers: dict[str, str] = field(default_factory=dict)
    times: int | None = 1


def load_objects(path: str | Path) -> list[dict]:
    """A JSON list of OCPI objects from a file: an array or an envelope, optionally gzip."""
    raw = Path(path).read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    body = json.loads(raw)
    data = body.get("data") if isinstance(body, dict) else body
    if not isinstance(data, list):
        raise ValueError(f"{path} holds no list of OCPI objects")
    return data


class OcpiTestServer:
    def __init__(
        self,
        modules: dict[str, list[dict]] | None = None,
        token: str | None = "test-token",
        versions: tuple[str, ...] = VERSIONS,
        max_limit: int = 1000,
        link: str = "good",
        send_total: bool = True,
        lowercase_ids: bool = False,
        insert_after_first_page: list[dict] | None = None,
        versions_token_forms: tuple[str, ...] = ("raw", "base64"),
        token_forms: dict[str, tuple[str, ...]] | None = None,
        port: int = 0,
    ) -> None:
        if link not in LINK_MODES:
            raise ValueError(f"link must be one of {LINK_MODES}")
        self.modules: dict[str, list[dict]] = {k: list(v) for k, v in (modules or {}).items()}
        self.token = token
        self.versions = tuple(versions)
        self.max_limit = max_limit
        self.link = link
        self.send_total = send_total
        self.lowercase_ids = lowercase_ids
        self.insert_after_first_page = list(insert_after_first_page or [])
        self.versions_token_forms = versions_token_forms
        # Token forms accepted per version; by default the standard one of each version.
        self.token_forms = dict(token_forms or {})
        self.faults: list[Fault] = []
        self.requests: list[tuple[str, str | None]] = []  # (path with query, Authorization header)
        self._lock = threading.Lock()
        self._pages_served: dict[str, int] = {}
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), _make_handler(self))
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    # --- lifecycle ----------------------------------------------------------------------
    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def versions_url(self) -> str:
        return f"{self.base_url}/ocpi/versions"

    def details_url(self, version: str) -> str:
        return f"{self.base_url}/ocpi/{version}"

    def module_url(self, version: str, module: str) -> str:
        return f"{self.base_url}/ocpi/{version}/{module}"

    def start(self) -> OcpiTestServer:
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="ocpi-test-server", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> OcpiTestServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def add_fault(self, fault: Fault) -> Fault:
        with self._lock:
            self.faults.append(fault)
        return fault

    # --- protocol -----------------------------------------------------------------------
    def _take_fault(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if path.startswith(fault.path) and (fault.times is None or fault.times > 0):
                    if fault.times is not None:
                        fault.times -= 1
                    return fault
        return None

    def _token_ok(self, header: str | None, forms: tuple[str, ...]) -> bool:
        if self.token is None:
            return True
        if not header or not header.startswith("Token "):
            return False
        value = header[len("Token ") :].strip()
        accepted = []
        if "raw" in forms:
            accepted.append(self.token)
        if "base64" in forms:
            accepted.append(base64.b64encode(self.token.encode()).decode())
        return value in accepted

    def handle(self, path: str, query: dict[str, list[str]], auth: str | None):
        """(HTTP status, headers, body bytes) of one GET."""
        parts = [p for p in path.split("/") if p]
        if parts[:1] != ["ocpi"]:
            return _error(404, 2000, "not an OCPI path")
        if parts == ["ocpi", "versions"]:
            if not self._token_ok(auth, self.versions_token_forms):
                return _error(401, 2000, "invalid or missing token")
            data = [{"version": v, "url": self.details_url(v)} for v in self.versions]
            return _ok(data)
        if len(parts) < 2 or parts[1] not in self.versions:
            return _error(404, 2000, "unknown version")
        version = parts[1]
        forms = self.token_forms.get(version) or (("raw",) if version.startswith("2.1") else ("base64",))
        if not self._token_ok(auth, forms):
            return _error(401, 2000, "invalid or missing token")
        if len(parts) == 2:
            return _ok({"version": version, "endpoints": self._endpoints(version)})
        module = parts[2]
        if module not in self.modules or len(parts) > 3:
            return _error(404, 2000, f"no module {module}")
        return self._page(version, module, path, query)

    def _endpoints(self, version: str) -> list[dict]:
        endpoints = []
        for module in self.modules:
            url = self.module_url(version, module)
            if version.startswith("2.1"):
                endpoints.append({"identifier": module, "url": url})
            else:
                # A RECEIVER entry first: the client must pick the SENDER one.
                endpoints.append(
                    {
                        "identifier": module,
                        "role": "RECEIVER",
                        "url": f"{self.base_url}/ocpi/receiver/{module}",
                    }
                )
                endpoints.append({"identifier": module, "role": "SENDER", "url": url})
        return endpoints

    def _page(self, version: str, module: str, path: str, query: dict[str, list[str]]):
        try:
            offset = max(0, int(query.get("offset", ["0"])[0]))
            limit = int(query.get("limit", [str(self.max_limit)])[0])
        except ValueError:
            return _error(400, 2001, "offset and limit must be integers")
        limit = max(1, min(limit, self.max_limit))
        date_from = query.get("date_from", [None])[0]
        date_to = query.get("date_to", [None])[0]
        with self._lock:
            served = self._pages_served.get(module, 0)
            self._pages_served[module] = served + 1
            if served == 1 and self.insert_after_first_page:
                # Objects appear at the start while the client pages: everything shifts by one page.
                self.modules[module][:0] = self.insert_after_first_page
                self.insert_after_first_page = []
            objects = self.modules[module]
            if date_from or date_to:
                objects = [
                    o
                    for o in objects
                    if (not date_from or str(o.get("last_updated", "")) >= date_from)
                    and (not date_to or str(o.get("last_updated", "")) < date_to)
                ]
            total = len(objects)
            page = objects[offset : offset + limit]
        if self.lowercase_ids and offset > 0:
            page = [dict(o, id=str(o.get("id", "")).lower()) for o in page]
        headers = {"X-Limit": str(self.max_limit)}
        if self.send_total:
            headers["X-Total-Count"] = str(total)
        if offset + limit < total and self.link != "none":
            rest = f"offset={offset + limit}&limit={limit}"
            for name, value in (("date_from", date_from), ("date_to", date_to)):
                if value:
                    rest += f"&{name}={value}"
            if self.link == "good":
                target = f"{self.module_url(version, module)}?{rest}"
            elif self.link == "wrong_scheme":
                target = f"https://127.0.0.1:{self.port}/ocpi/{version}/{module}?{rest}"
            else:  # bad_path: what a server behind a reverse proxy sometimes sends
                target = f"{self.base_url}/internal/ocpi/cpo/{module}?{rest}"
            headers["Link"] = f'<{target}>; rel="next"'
        return _ok(page, headers)


def _envelope(data: Any, status_code: int = 1000, message: str = "Success") -> bytes:
    return json.dumps(
        {
            "data": data,
            "status_code": status_code,
            "status_message": message,
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
    ).encode("utf-8")


def _ok(data: Any, headers: dict[str, str] | None = None):
    return 200, dict(headers or {}), _envelope(data)


def _error(status: int, ocpi_status: int, message: str, headers: dict[str, str] | None = None):
    return status, dict(headers or {}), _envelope(None, ocpi_status, message)


def _make_handler(server: OcpiTestServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            auth = self.headers.get("Authorization")
            with server._lock:
                server.requests.append((self.path, auth))
            fault = server._take_fault(parts.path)
            if fault is not None and fault.delay:
                time.sleep(fault.delay)
            if fault is not None and fault.status is not None:
                status, headers, body = _error(fault.status, 3000, fault.message, fault.headers)
            elif fault is not None and fault.body is not None:
                status, headers, body = 200, dict(fault.headers), fault.body
            elif fault is not None and fault.ocpi_status is not None:
                status, headers, body = (
                    200,
                    dict(fault.headers),
                    _envelope(None, fault.ocpi_status, fault.message),
                )
            else:
                status, headers, body = server.handle(parts.path, parse_qs(parts.query), auth)
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
                pass

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

    return Handler


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dump", help="OCPI locations (JSON array or envelope, optionally gzip)")
    parser.add_argument("--module", action="append", default=[], metavar="NAME=PATH", help="another module")
    parser.add_argument("--token", default=None, help="token clients must send (none: open)")
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    parser.add_argument("--max-limit", type=int, default=1000, help="page size cap (X-Limit)")
    parser.add_argument("--link", choices=LINK_MODES, default="good")
    args = parser.parse_args(argv)
    modules: dict[str, list[dict]] = {}
    if args.dump:
        modules["locations"] = load_objects(args.dump)
    for item in args.module:
        name, _, path = item.partition("=")
        modules[name] = load_objects(path)
    server = OcpiTestServer(
        modules, token=args.token, max_limit=args.max_limit, link=args.link, port=args.port
    )
    print(f"OCPI test server: {server.versions_url}", flush=True)
    try:
        server._httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server._httpd.server_close()


if __name__ == "__main__":
    main()
