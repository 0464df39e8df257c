"""Fixtures of the charge-point source tests: the local OCPI server and the Delft dump."""

from __future__ import annotations

import json

import pytest
from ocpi_test_server import TEST_TOKEN, OcpiTestServer

from ev_planner.core.http import HttpClient


@pytest.fixture(scope="session")
def delft_locations(sample_dir) -> list[dict]:
    return json.loads((sample_dir / "charge_points.ocpi.json").read_text(encoding="utf-8"))


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def http(sleeps) -> HttpClient:
    """A client that records its backoff waits instead of sleeping."""
    client = HttpClient(timeout=2.0, retries=2, backoff=0.5, sleep=sleeps.append)
    yield client
    client.close()


@pytest.fixture
def ocpi_server(delft_locations):
    """Factory of started local OCPI servers (stopped after the test)."""
    servers: list[OcpiTestServer] = []

    def start(modules=None, **options) -> OcpiTestServer:
        options.setdefault("token", TEST_TOKEN)
        server = OcpiTestServer(
            modules if modules is not None else {"locations": delft_locations[:25]}, **options
        )
        servers.append(server.start())
        return server

    yield start
    for server in servers:
        server.stop()
