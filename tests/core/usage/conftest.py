"""Fixtures of the usage tests: a local OCPI server publishing CDRs, Sessions and Tariffs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

SCRIPTS_DIR = Path(__file__).resolve().parents[3] / "scripts"
if str(SCRIPTS_DIR) not in sys.path:
    sys.path.insert(0, str(SCRIPTS_DIR))

from ocpi_test_server import OcpiTestServer  # noqa: E402

from ev_planner.core.http import HttpClient  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from usage_ocpi_fixtures import USAGE_TOKEN  # noqa: E402


@pytest.fixture
def usage_http():
    client = HttpClient(timeout=2.0, retries=2, backoff=0.0, sleep=lambda _seconds: None)
    yield client
    client.close()


@pytest.fixture
def usage_server():
    """Factory of started local OCPI servers (stopped after the test)."""
    servers: list[OcpiTestServer] = []

    def start(modules, **options) -> OcpiTestServer:
        options.setdefault("token", USAGE_TOKEN)
        server = OcpiTestServer(modules, **options)
        servers.append(server.start())
        return server

    yield start
    for server in servers:
        server.stop()
