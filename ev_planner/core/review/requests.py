"""Residents' requests in a review: the sites they need, and the requests themselves.

New sites proposed for requests join ``review_locations`` with ``source`` = ``request`` and
their ``request_ids``, and then follow the normal workflow. The requests are kept in
``review_requests`` with only what the KPIs need: ``request_id``, the dates, the outcome and
the location that serves them (never a name, e-mail or licence plate). Appending is
idempotent: a site whose ``location_id`` is already in the review, and a request already
recorded, are left as they are and counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from .events import format_utc, utc_now
from .states import initial_state
from .store import (
    REQUEST_COLUMNS,
    REQUESTS_TABLE,
    SITE_COLUMNS,
    BaseReviewStore,
    LocationInput,
    _derived_values,
    time_text,
)

__all__ = ["REQUESTS_TABLE", "REQUEST_COLUMNS", "SITE_COLUMNS", "append_requests", "request_records"]


@dataclass
class RequestRecord:
    request_id: str
    received_at: Optional[str]  # ISO 8601 UTC
    outcome: str
    reason: Optional[str] = None
    location_id: Optional[str] = None
    walk_m: Optional[float] = None


@dataclass
class AppendResult:
    sites_added: int = 0
    sites_present: int = 0
    requests_added: int = 0
    requests_present: int = 0


def append_requests(
    store: BaseReviewStore, sites: Sequence[LocationInput], requests: Sequence[RequestRecord]
) -> AppendResult:
    """Add the request sites (``attributes`` may hold ``address``) and the request records, in one transaction."""
    result = AppendResult()
    evaluated_at = format_utc(utc_now())
    with store.transaction() as connection:
        store.ensure_request_schema(connection)
        present = set(store.location_ids_in(connection))
        derived = _derived_values(initial_state(store.config, evaluated_at), store.config, None, 0)
        for site in sites:
            if site.location_id in present:
                result.sites_present += 1
                continue
            values = {
                "location_id": site.location_id,
                "source": "request",
                "request_ids": site.attributes.get("request_ids"),
                "address": site.attributes.get("address"),
                "created_at": evaluated_at,
                **derived,
            }
            store.insert_location(connection, site.x, site.y, values)
            result.sites_added += 1
        for record in requests:
            row = (
                record.request_id,
                record.received_at,
                evaluated_at,
                record.outcome,
                record.reason,
                record.location_id,
                record.walk_m,
            )
            if store.insert_request(connection, row):
                result.requests_added += 1
            else:
                result.requests_present += 1
        store.locations_changed(connection)
    return result


def request_records(store: BaseReviewStore) -> list[dict]:
    """The requests of a review (empty when it has none yet), oldest first."""
    with store._connect() as connection:
        if not store.has_table(connection, REQUESTS_TABLE):
            return []
        names = [name for name, _ in REQUEST_COLUMNS]
        rows = store.execute(
            connection,
            f"SELECT {', '.join(names)} FROM {store.table(REQUESTS_TABLE)} ORDER BY received_at, fid",
        ).fetchall()
        return [{name: time_text(value) for name, value in zip(names, row)} for row in rows]
