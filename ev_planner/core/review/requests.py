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

from . import gpkg
from .events import format_utc, utc_now
from .states import initial_state
from .store import GEOMETRY_COLUMN, LOCATIONS_TABLE, LocationInput, ReviewStore, _derived_values, _quote

REQUESTS_TABLE = "review_requests"
REQUEST_COLUMNS = (
    ("request_id", "TEXT NOT NULL UNIQUE"),
    ("received_at", "DATETIME"),
    ("evaluated_at", "DATETIME"),
    ("outcome", "TEXT"),
    ("reason", "TEXT"),
    ("location_id", "TEXT"),  # the review location or charge point that serves the request
    ("walk_m", "REAL"),
)
SITE_COLUMNS = (("source", "TEXT"), ("request_ids", "TEXT"))


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
    store: ReviewStore, sites: Sequence[LocationInput], requests: Sequence[RequestRecord]
) -> AppendResult:
    """Add the request sites (``attributes`` may hold ``address``) and the request records, in one transaction."""
    result = AppendResult()
    evaluated_at = format_utc(utc_now())
    with store.transaction() as connection:
        _ensure_request_schema(connection)
        srs_id = connection.execute(
            "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (LOCATIONS_TABLE,)
        ).fetchone()[0]
        present = {row[0] for row in connection.execute(f"SELECT location_id FROM {LOCATIONS_TABLE}")}
        derived = _derived_values(initial_state(store.config, evaluated_at), store.config, None, 0)
        for site in sites:
            if site.location_id in present:
                result.sites_present += 1
                continue
            values = {
                GEOMETRY_COLUMN: gpkg.encode_point(site.x, site.y, srs_id),
                "location_id": site.location_id,
                "source": "request",
                "request_ids": site.attributes.get("request_ids"),
                "address": site.attributes.get("address"),
                "created_at": evaluated_at,
                **derived,
            }
            columns = ", ".join(_quote(name) for name in values)
            marks = ", ".join("?" for _ in values)
            connection.execute(
                f"INSERT INTO {LOCATIONS_TABLE} ({columns}) VALUES ({marks})", list(values.values())
            )
            result.sites_added += 1
        for record in requests:
            cursor = connection.execute(
                f"INSERT OR IGNORE INTO {REQUESTS_TABLE} "
                "(request_id, received_at, evaluated_at, outcome, reason, location_id, walk_m) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    record.request_id,
                    record.received_at,
                    evaluated_at,
                    record.outcome,
                    record.reason,
                    record.location_id,
                    record.walk_m,
                ),
            )
            if cursor.rowcount:
                result.requests_added += 1
            else:
                result.requests_present += 1
        _update_extent(connection)
    return result


def request_records(store: ReviewStore) -> list[dict]:
    """The requests of a review (empty when it has none yet), oldest first."""
    with store._connect() as connection:
        if REQUESTS_TABLE not in gpkg.table_names(connection):
            return []
        names = [name for name, _ in REQUEST_COLUMNS]
        rows = connection.execute(
            f"SELECT {', '.join(names)} FROM {REQUESTS_TABLE} ORDER BY received_at, fid"
        )
        return [dict(zip(names, row)) for row in rows]


def _ensure_request_schema(connection) -> None:
    """Add the request columns and table to a review made before requests existed."""
    existing = {row[1] for row in connection.execute(f"PRAGMA table_info({LOCATIONS_TABLE})")}
    for name, sql_type in SITE_COLUMNS:
        if name not in existing:
            connection.execute(f"ALTER TABLE {LOCATIONS_TABLE} ADD COLUMN {name} {sql_type}")
    if REQUESTS_TABLE not in gpkg.table_names(connection):
        columns = ", ".join(f"{name} {sql}" for name, sql in REQUEST_COLUMNS)
        connection.execute(
            f"CREATE TABLE {REQUESTS_TABLE} (fid INTEGER PRIMARY KEY AUTOINCREMENT, {columns})"
        )
        gpkg.register_table(
            connection, REQUESTS_TABLE, "attributes", "residents' requests (no personal data)"
        )


def _update_extent(connection) -> None:
    points = [
        gpkg.decode_point(row[0])
        for row in connection.execute(f"SELECT {GEOMETRY_COLUMN} FROM {LOCATIONS_TABLE}")
    ]
    points = [point for point in points if point is not None]
    if points:
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        connection.execute(
            "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?",
            (min(xs), min(ys), max(xs), max(ys), LOCATIONS_TABLE),
        )
