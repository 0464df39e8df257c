"""Fixtures of the usage tests: a local OCPI server publishing CDRs, Sessions and Tariffs."""

from __future__ import annotations

import pytest
from ocpi_test_server import OcpiTestServer

from ev_planner.core.http import HttpClient
from tests.support.usage_ocpi import USAGE_TOKEN


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
