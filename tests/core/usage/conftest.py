"""Fixtures of the usage tests: a local OCPI server publishing CDRs, Sessions and Tariffs."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

SCRIPTS_DIR = Path(__file__).resolve().parents[3] / "scripts"
if str(SCRIPTS_DIR) not in sys.path:
    sys.path.insert(0, str(SCRIPTS_DIR))

from ocpi_test_server import OcpiTestServer  # noqa: E402

from ev_planner.core.http import HttpClient  # noqa: E402

USAGE_TOKEN = "usage-t0ken-0815"


def make_cdrs(
    count: int, start: str = "2026-06-01T06:00:00Z", location_ids=("LOC1", "LOC2", "LOC3")
) -> list[dict]:
    """``count`` plausible OCPI 2.2.1 CDRs, one every 3 hours, 2 h each, 10 kWh, 0.5 h not charging."""
    first = pd.Timestamp(start)
    records = []
    for i in range(count):
        begin = first + pd.Timedelta(hours=3 * i)
        location = location_ids[i % len(location_ids)]
        records.append(
            {
                "country_code": "NL",
                "party_id": "TST",
                "id": f"CDR{i:05d}",
                "start_date_time": begin.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "end_date_time": (begin + pd.Timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "cdr_location": {"id": location, "evse_uid": f"{location}-E1"},
                "total_energy": 10.0,
                "total_time": 2.0,
                "total_parking_time": 0.5,
                "total_cost": {"excl_vat": 3.0, "incl_vat": 3.63},
                "last_updated": (begin + pd.Timedelta(hours=2, minutes=5)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            }
        )
    return records


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
