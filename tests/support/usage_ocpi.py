"""Synthetic OCPI CDRs and the token of the usage tests (core and processing)."""

from __future__ import annotations

import pandas as pd

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
