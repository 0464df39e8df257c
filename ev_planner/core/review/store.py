"""The review store: locations, the append-only event log and the configuration, in a GeoPackage.

:class:`BaseReviewStore` holds what every backend shares (replaying the log through the
state machine, checked appends); :class:`ReviewStore` is the GeoPackage, and
:mod:`.postgres` the PostgreSQL/PostGIS review of a team.

Every write is one SQLite transaction opened with ``BEGIN IMMEDIATE`` (it takes
the write lock before reading, so two writers never decide on a stale state),
with a busy timeout so concurrent writers wait instead of failing. Inside the
transaction the location's events are replayed through the state machine, the
new event is checked, appended, and the derived columns (status, decisions, ...)
are rewritten from the log. Either all of that is committed or nothing is.
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import sqlite3
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, ContextManager, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

from ..errors import InputError, ReviewError
from . import gpkg
from .events import ReviewEvent, format_utc, utc_now
from .states import (
    DEFAULT_CANCELLATION_REASONS,
    Department,
    LocationState,
    ReviewConfig,
    TransitionError,
    apply_event,
    initial_state,
)

LOCATIONS_TABLE = "review_locations"
EVENTS_TABLE = "review_events"
CONFIG_TABLE = "review_config"
REQUIRED_TABLES = (LOCATIONS_TABLE, EVENTS_TABLE, CONFIG_TABLE)
GEOMETRY_COLUMN = "geom"
SCHEMA_VERSION = "evplanner-review/1"
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

# Columns the proposal cannot bring in: they belong to the review.
EDITABLE_COLUMNS = (("address", "TEXT"), ("operator", "TEXT"), ("parking_spaces", "INTEGER"))
DERIVED_COLUMNS = (
    "status",
    "status_since",
    "awaiting",
    "installer",
    "last_event_at",
    "event_count",
)
EVENT_COLUMNS = (
    "event_id",
    "location_id",
    "at",
    "actor",
    "department",
    "action",
    "reason",
    "comment",
    "attachment",
    "installer",
    "source",
)
# Two reserved parking spaces per public charge point (one per socket): the usual
# Dutch practice in municipal "paal volgt auto" policies; a per-location attribute.
DEFAULT_PARKING_SPACES = 2
DEFAULT_BUSY_TIMEOUT_S = 30.0
DEFAULT_DESCRIPTION = "EV Planner review"


@dataclass
class LocationInput:
    """A location handed to :func:`create_review`, coordinates in the review's CRS."""

    location_id: str
    x: float
    y: float
    attributes: Dict[str, Any] = field(default_factory=dict)
    created_at: Optional[str] = None  # a copied review keeps its own; a new one is created now


def _sql_type(value: Any) -> str:
    if isinstance(value, (bool, int)):
        return "INTEGER"
    if isinstance(value, float):
        return "REAL"
    return "TEXT"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _reserved_columns(config: ReviewConfig) -> set:
    names = {"fid", GEOMETRY_COLUMN, "location_id", "created_at", *DERIVED_COLUMNS}
    names.update(name for name, _ in EDITABLE_COLUMNS)
    names.update(d.column for d in config.departments)
    return names


def _clean_column(name: str) -> str:
    cleaned = re.sub(r"[^0-9A-Za-z_]+", "_", str(name)).strip("_") or "field"
    return cleaned.lower()


@dataclass
class _LocationColumns:
    """How the proposal's attributes become columns of the locations table."""

    attributes: Dict[str, Tuple[str, str]]  # input name -> (column, sql type)
    editable_sources: Dict[str, str]  # editable column -> input attribute filling it


def create_review(
    path: Path | str,
    locations: Sequence[LocationInput],
    config: ReviewConfig,
    crs_authid: str,
    crs_wkt: Optional[str] = None,
    attribute_types: Optional[Dict[str, str]] = None,
    overwrite: bool = False,
    description: str = DEFAULT_DESCRIPTION,
    history: Sequence[Tuple[ReviewEvent, str]] = (),
) -> Path:
    """Write a new review GeoPackage with every location ``proposed``.

    An existing file is never overwritten silently: ``overwrite`` must be asked
    for, and even then a file that holds review events is kept (decisions are
    never lost) unless the caller deletes it on purpose. ``history`` (events with
    their ``recorded_at``, from a copied review) is written as it was, and the
    derived columns are folded from it.
    """
    path = Path(path)
    ids = _checked_location_ids(path, locations)
    if path.exists():
        if not overwrite:
            raise InputError(
                "{path} already exists. Choose another file name (an existing review is never overwritten).",
                path=path,
            )
        _refuse_to_overwrite_decisions(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    srs = gpkg.srs_from_authid(crs_authid, crs_wkt)
    columns = _location_columns(locations, config, attribute_types or {})
    tmp_path = path.with_name(path.name + ".creating")
    if tmp_path.exists():
        tmp_path.unlink()
    connection = sqlite3.connect(str(tmp_path), isolation_level=None)
    try:
        connection.execute("BEGIN")
        gpkg.create_metadata(connection)
        srs_id = gpkg.register_srs(connection, *srs)
        _create_tables(connection, config, columns)
        _register_tables(connection, locations, description, srs_id)
        _insert_locations(connection, locations, ids, config, columns, srs_id)
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        connection.close()
        tmp_path.unlink(missing_ok=True)
        raise
    connection.close()
    if history:
        ReviewStore(tmp_path).write_history(history)
    _replace_file(tmp_path, path)
    return path


def _checked_location_ids(path: Path, locations: Sequence[LocationInput]) -> List[str]:
    """The location ids, refused when the file is no GeoPackage or an id is empty or repeated."""
    if path.suffix.lower() != ".gpkg":
        raise InputError("The review file must be a GeoPackage (.gpkg), not {file}.", file=path.name)
    return _checked_ids(locations)


def _checked_ids(locations: Sequence[LocationInput]) -> List[str]:
    """The location ids, refused when an id is empty or repeated."""
    ids = [str(loc.location_id).strip() for loc in locations]
    if not locations:
        raise InputError("There are no locations to review.")
    if any(not i for i in ids):
        raise InputError("Every location needs a location_id.")
    counts = Counter(ids)
    duplicates = sorted(i for i, count in counts.items() if count > 1)
    if duplicates:
        raise InputError(
            "location_id values must be unique; repeated: {duplicates}.",
            duplicates=", ".join(duplicates[:10]),
        )
    return ids


def _location_columns(
    locations: Sequence[LocationInput], config: ReviewConfig, types: Dict[str, str]
) -> _LocationColumns:
    """The column of each input attribute, renamed where it would take a column of the review."""
    reserved = _reserved_columns(config)
    attribute_columns: Dict[str, Tuple[str, str]] = {}
    editable_names = {name for name, _ in EDITABLE_COLUMNS}
    editable_sources: Dict[str, str] = {}
    for loc in locations:
        for name, value in loc.attributes.items():
            if name in attribute_columns or name == "location_id" or name in editable_sources.values():
                continue
            column = _clean_column(name)
            if column in editable_names and column not in editable_sources:
                # An address or operator of the proposal fills the review's own column.
                editable_sources[column] = name
                continue
            if column in reserved or column in {c for c, _ in attribute_columns.values()}:
                column = f"input_{column}"
            attribute_columns[name] = (column, types.get(name) or _sql_type(value))
    for name, (column, sql_type) in list(attribute_columns.items()):
        if sql_type not in ("INTEGER", "REAL", "TEXT", "DATETIME"):
            attribute_columns[name] = (column, "TEXT")
    return _LocationColumns(attribute_columns, editable_sources)


def _create_tables(connection: sqlite3.Connection, config: ReviewConfig, columns: _LocationColumns) -> None:
    """The locations table, the append-only event log and the configuration."""
    columns_sql = [
        "fid INTEGER PRIMARY KEY AUTOINCREMENT",
        f"{GEOMETRY_COLUMN} POINT",
        "location_id TEXT NOT NULL UNIQUE",
    ]
    columns_sql += [f"{_quote(col)} {sql}" for col, sql in columns.attributes.values()]
    columns_sql += [f"{name} {sql}" for name, sql in EDITABLE_COLUMNS]
    columns_sql += [
        "created_at DATETIME",
        "status TEXT NOT NULL DEFAULT 'proposed'",
        "status_since DATETIME",
    ]
    columns_sql += [f"{_quote(d.column)} TEXT" for d in config.departments]
    columns_sql += ["awaiting TEXT", "installer TEXT", "last_event_at DATETIME", "event_count INTEGER"]
    connection.execute(f"CREATE TABLE {LOCATIONS_TABLE} ({', '.join(columns_sql)})")
    connection.execute(
        f"""CREATE TABLE {EVENTS_TABLE} (
          fid INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE,
          location_id TEXT NOT NULL, at DATETIME NOT NULL, actor TEXT, department TEXT,
          action TEXT NOT NULL, reason TEXT, comment TEXT, attachment TEXT, installer TEXT,
          source TEXT, recorded_at DATETIME NOT NULL)"""
    )
    connection.execute(f"CREATE INDEX review_events_location ON {EVENTS_TABLE} (location_id, fid)")
    # The log is append-only, also for someone editing the table in QGIS or SQL.
    for verb in ("UPDATE", "DELETE"):
        connection.execute(
            f"CREATE TRIGGER review_events_no_{verb.lower()} BEFORE {verb} ON {EVENTS_TABLE} "
            "BEGIN SELECT RAISE(ABORT, 'review_events is append-only: record a correcting event instead'); END"
        )
    connection.execute(
        f"CREATE TABLE {CONFIG_TABLE} (fid INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, value TEXT)"
    )
    connection.executemany(f"INSERT INTO {CONFIG_TABLE} (key, value) VALUES (?, ?)", _config_rows(config))


def _register_tables(
    connection: sqlite3.Connection, locations: Sequence[LocationInput], description: str, srs_id: int
) -> None:
    """The GeoPackage contents entries, the locations' extent included."""
    xs = [float(loc.x) for loc in locations]
    ys = [float(loc.y) for loc in locations]
    gpkg.register_table(
        connection,
        LOCATIONS_TABLE,
        "features",
        description,
        srs_id,
        GEOMETRY_COLUMN,
        (min(xs), min(ys), max(xs), max(ys)),
    )
    gpkg.register_table(connection, EVENTS_TABLE, "attributes", "append-only review event log")
    gpkg.register_table(connection, CONFIG_TABLE, "attributes", "review departments and rules")


def _insert_locations(
    connection: sqlite3.Connection,
    locations: Sequence[LocationInput],
    ids: Sequence[str],
    config: ReviewConfig,
    columns: _LocationColumns,
    srs_id: int,
) -> None:
    """Every location as ``proposed``, created now."""
    created_at = format_utc(utc_now())
    derived = _derived_values(initial_state(config, created_at), config, None, 0)
    insert_columns = (
        [GEOMETRY_COLUMN, "location_id"]
        + [col for col, _ in columns.attributes.values()]
        + [name for name, _ in EDITABLE_COLUMNS]
        + ["created_at"]
        + list(derived)
    )
    placeholders = ", ".join("?" for _ in insert_columns)
    sql = f"INSERT INTO {LOCATIONS_TABLE} ({', '.join(_quote(c) for c in insert_columns)}) VALUES ({placeholders})"
    for loc, location_id in zip(locations, ids):
        values = [gpkg.encode_point(loc.x, loc.y, srs_id), location_id]
        values += [_plain(loc.attributes.get(name)) for name in columns.attributes]
        values += [
            _editable_value(loc, columns.editable_sources.get(name), name) for name, _ in EDITABLE_COLUMNS
        ]
        values += [loc.created_at or created_at]
        values += list(derived.values())
        connection.execute(sql, values)


def _replace_file(written: Path, path: Path) -> None:
    """Put the finished file in place of ``path``."""
    for suffix in ("-wal", "-shm", "-journal"):
        # SQLite side files of a replaced file would be applied to the new one.
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.unlink()
    written.replace(path)


def _editable_value(location: LocationInput, source: Optional[str], column: str) -> Any:
    value = _plain(location.attributes.get(source)) if source else None
    if column == "parking_spaces":
        try:
            spaces = int(value) if value not in (None, "") else DEFAULT_PARKING_SPACES
        except (TypeError, ValueError):
            spaces = DEFAULT_PARKING_SPACES
        return spaces if spaces > 0 else DEFAULT_PARKING_SPACES
    return None if value in (None, "") else str(value)


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (int, float, str, bytes)):
        return value
    return str(value)


def _refuse_to_overwrite_decisions(path: Path) -> None:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            row = connection.execute(f"SELECT COUNT(*) FROM {EVENTS_TABLE}").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return  # not a review file: nothing of the workflow to lose
    if row and row[0]:
        raise InputError(
            "{path} holds {count} review event(s); it is not overwritten. Delete or rename it "
            "yourself if you really want to start over.",
            path=path,
            count=row[0],
        )


def _config_rows(config: ReviewConfig) -> List[Tuple[str, str]]:
    return [
        ("schema", SCHEMA_VERSION),
        (
            "departments",
            json.dumps(
                [{"name": d.name, "required": d.required} for d in config.departments], ensure_ascii=False
            ),
        ),
        ("reject_rule", config.reject_rule),
        ("cancellation_reasons", json.dumps(list(config.cancellation_reasons), ensure_ascii=False)),
    ]


def _derived_values(
    state: LocationState, config: ReviewConfig, last_event_at: Optional[str], event_count: int
) -> Dict[str, Any]:
    values: Dict[str, Any] = {
        "status": state.status,
        "status_since": state.status_since,
    }
    for department in config.departments:
        values[department.column] = state.decisions.get(department.name)
    values.update(
        {
            "awaiting": ", ".join(state.awaiting(config)) or None,
            "installer": state.installer,
            "last_event_at": last_event_at,
            "event_count": event_count,
        }
    )
    return values


def review_path(text: str) -> Path:
    """The file of a QGIS layer source such as ``/x/review.gpkg|layername=review_locations``."""
    return Path(str(text).split("|")[0].strip())


def time_text(value: Any) -> Any:
    """A stored time as EV Planner's UTC text; PostgreSQL hands back datetimes, SQLite text."""
    return format_utc(value) if isinstance(value, datetime) else value


class BaseReviewStore:
    """What every review store does, whatever holds it: read the log, replay it, append checked events.

    A backend (:class:`ReviewStore` for a GeoPackage, :class:`.postgres.PostgresReviewStore`)
    supplies the connection, the transaction, the table names and the few statements that
    differ. Statements here use ``?`` placeholders; :meth:`execute` adapts them.
    """

    config: ReviewConfig
    location_columns: List[str]
    placeholder = "?"

    # --- what a backend supplies ----------------------------------------------------------
    @property
    def label(self) -> str:
        """How messages name the review (a file name, a schema in a database)."""
        raise NotImplementedError

    @property
    def name(self) -> str:
        """A short name for titles (the file's stem, the schema)."""
        raise NotImplementedError

    def _connect(self) -> ContextManager[Any]:
        raise NotImplementedError

    def transaction(self) -> ContextManager[Any]:
        raise NotImplementedError

    def table(self, name: str) -> str:
        """The SQL name of one of the review's tables."""
        return name

    def _lock_location(self, connection: Any, location_id: str) -> Optional[Tuple[Any]]:
        """The location's ``created_at`` row, locked for the transaction where the backend can."""
        return self.execute(
            connection,
            f"SELECT created_at FROM {self.table(LOCATIONS_TABLE)} WHERE location_id = ?",
            (location_id,),
        ).fetchone()

    def refusal(self, event: ReviewEvent) -> Optional[ReviewError]:
        """Why the connected user may not record ``event`` (None: they may); GeoPackages cannot tell."""
        return None

    def _attach(
        self, connection: Any, event: ReviewEvent, photo: Path | str
    ) -> Tuple[ReviewEvent, Callable[[], None]]:
        """Keep ``photo`` with the review; the event referring to it, and how to undo the keeping."""
        raise NotImplementedError

    def _begin_derived_write(self, connection: Any) -> None:
        """Called before derived columns are rewritten (PostgreSQL lets only then change them)."""

    def has_table(self, connection: Any, name: str) -> bool:
        raise NotImplementedError

    def ensure_request_schema(self, connection: Any) -> None:
        """Add the request columns and table to a review made before requests existed."""

    def insert_location(self, connection: Any, x: float, y: float, values: Dict[str, Any]) -> None:
        raise NotImplementedError

    def insert_request(self, connection: Any, row: Sequence[Any]) -> bool:
        """Record a request unless its request_id is there already; True when it was added."""
        raise NotImplementedError

    def locations_changed(self, connection: Any) -> None:
        """Called after locations were added (a GeoPackage keeps the layer's extent)."""

    # --- SQL ------------------------------------------------------------------------------
    def execute(self, connection: Any, sql: str, params: Sequence[Any] = ()) -> Any:
        cursor = connection.cursor()
        if self.placeholder != "?":
            sql = sql.replace("?", self.placeholder)
        cursor.execute(sql, tuple(params))
        return cursor

    # --- reading --------------------------------------------------------------------------
    def location_ids(self) -> List[str]:
        with self._connect() as connection:
            rows = self.execute(
                connection, f"SELECT location_id FROM {self.table(LOCATIONS_TABLE)} ORDER BY fid"
            )
            return [r[0] for r in rows.fetchall()]

    def location_ids_in(self, connection: Any) -> List[str]:
        rows = self.execute(connection, f"SELECT location_id FROM {self.table(LOCATIONS_TABLE)} ORDER BY fid")
        return [r[0] for r in rows.fetchall()]

    def location(self, location_id: str) -> Dict[str, Any]:
        for item in self.locations():
            if item["location_id"] == location_id:
                return item
        raise ReviewError("Unknown location {location_id!r}.", location_id=location_id)

    def locations(self) -> List[Dict[str, Any]]:
        raise NotImplementedError

    def location_column_types(self) -> List[Tuple[str, str]]:
        """The columns of review_locations with the type the database reports, in table order."""
        raise NotImplementedError

    def crs_authid(self) -> str:
        return self._srs()[0]

    def crs_wkt(self) -> Optional[str]:
        """The definition the review stores for its CRS (a copy writes it as it is)."""
        return self._srs()[1]

    def _srs(self) -> Tuple[str, Optional[str]]:
        """The review's CRS as ``AUTHORITY:CODE`` and its stored WKT."""
        raise NotImplementedError

    def description(self) -> str:
        """What createreview was told the review is about."""
        raise NotImplementedError

    def close(self) -> None:
        """Release a connection the store keeps open (a GeoPackage store keeps none)."""

    def events(self, location_id: Optional[str] = None) -> List[ReviewEvent]:
        """The log in append order, for one location or all."""
        with self._connect() as connection:
            return self._events(connection, location_id)

    def history(self, location_id: Optional[str] = None) -> List[ReviewEvent]:
        """The log in date order (``at``, then ``recorded_at``), as a reader follows it.

        Append order differs when a spreadsheet of earlier decisions is imported after an
        automatic check; the status is still folded in append order (:meth:`events`).
        """
        with self._connect() as connection:
            return self._events(connection, location_id, order="at, recorded_at, fid")

    def _events(self, connection: Any, location_id: Optional[str], order: str = "fid") -> List[ReviewEvent]:
        sql = f"SELECT {', '.join(EVENT_COLUMNS)} FROM {self.table(EVENTS_TABLE)}"
        params: Tuple = ()
        if location_id is not None:
            sql += " WHERE location_id = ?"
            params = (location_id,)
        rows = self.execute(connection, f"{sql} ORDER BY {order}", params).fetchall()
        events = []
        for row in rows:
            values = dict(zip(EVENT_COLUMNS, row))
            values["at"] = time_text(values["at"])
            events.append(ReviewEvent(**values))
        return events

    def count_events(self) -> int:
        with self._connect() as connection:
            return int(
                self.execute(connection, f"SELECT COUNT(*) FROM {self.table(EVENTS_TABLE)}").fetchone()[0]
            )

    def replay(self, connection: Any, location_id: str) -> Tuple[LocationState, Optional[str], int]:
        """State, last event time and event count of a location, folded from its log."""
        row = self._lock_location(connection, location_id)
        if row is None:
            raise ReviewError(
                "Unknown location {location_id!r}: it is not in this review.", location_id=location_id
            )
        state = initial_state(self.config, time_text(row[0]))
        last_at = None
        events = self._events(connection, location_id)
        for event in events:
            # A refusal is only reachable if review_config was edited after decisions were
            # made: the log stays authoritative and the event keeps its place in the history.
            with contextlib.suppress(TransitionError):
                state = apply_event(
                    state,
                    event.action,
                    self.config,
                    at=event.at,
                    department=event.department,
                    reason=event.reason,
                    installer=event.installer,
                )
            last_at = event.at
        return state, last_at, len(events)

    def state(self, location_id: str) -> LocationState:
        with self._connect() as connection:
            return self.replay(connection, location_id)[0]

    # --- writing --------------------------------------------------------------------------
    def append(self, event: ReviewEvent, photo: Optional[Path | str] = None) -> ReviewEvent:
        """Check ``event`` against the location's state and append it; returns the stored event.

        ``photo`` is kept with the review (next to a GeoPackage, in the database for
        PostgreSQL) and referenced by the event's ``attachment``.
        """
        event = event.completed()
        refusal = self.refusal(event)
        if refusal is not None:
            raise refusal
        undo: Optional[Callable[[], None]] = None
        try:
            with self.transaction() as connection:
                if photo:
                    event, undo = self._attach(connection, event, photo)
                self._append_checked(connection, event)
                event = self._as_recorded(connection, event)
        except BaseException:
            if undo is not None:
                undo()
            raise
        return event

    def _as_recorded(self, connection: Any, event: ReviewEvent) -> ReviewEvent:
        """The event as the store keeps it (PostgreSQL records the login as the actor)."""
        return event

    def append_many(self, events: Iterable[ReviewEvent]) -> int:
        """Append events in one transaction: all of them, or (on the first refused one) none."""
        count = 0
        with self.transaction() as connection:
            for event in events:
                event = event.completed()
                refusal = self.refusal(event)
                if refusal is not None:
                    raise refusal
                self._append_checked(connection, event)
                count += 1
        return count

    def _append_checked(self, connection: Any, event: ReviewEvent) -> LocationState:
        state, _, count = self.replay(connection, event.location_id)
        new_state = apply_event(
            state,
            event.action,
            self.config,
            at=event.at,
            department=event.department,
            reason=event.reason,
            installer=event.installer,
        )
        if event.action in ("comment", "check") and not ((event.comment or "").strip() or event.attachment):
            raise TransitionError("A '{action}' event needs a comment or an attachment.", action=event.action)
        self.insert_event(connection, event)
        self.write_derived(connection, event.location_id, new_state, event.at, count + 1)
        return new_state

    def insert_event(self, connection: Any, event: ReviewEvent, recorded_at: Optional[str] = None) -> None:
        values = [getattr(event, name) for name in EVENT_COLUMNS] + [recorded_at or format_utc(utc_now())]
        self.execute(
            connection,
            f"INSERT INTO {self.table(EVENTS_TABLE)} ({', '.join(EVENT_COLUMNS)}, recorded_at) "
            f"VALUES ({', '.join('?' for _ in values)})",
            values,
        )

    def write_derived(
        self,
        connection: Any,
        location_id: str,
        state: LocationState,
        last_at: Optional[str],
        count: int,
    ) -> None:
        values = _derived_values(state, self.config, last_at, count)
        assignments = ", ".join(f"{_quote(name)} = ?" for name in values)
        self._begin_derived_write(connection)
        self.execute(
            connection,
            f"UPDATE {self.table(LOCATIONS_TABLE)} SET {assignments} WHERE location_id = ?",
            [*values.values(), location_id],
        )

    def write_history(self, history: Sequence[Tuple[ReviewEvent, str]]) -> None:
        """Append a copied log as it was (actors, times), then fold every location from it."""
        with self.transaction() as connection:
            for event, recorded_at in history:
                self.insert_event(connection, event, recorded_at)
            self._refresh(connection)

    def refresh_all(self) -> int:
        """Rewrite every location's derived columns from its log; returns the number of locations."""
        with self.transaction() as connection:
            return self._refresh(connection)

    def _refresh(self, connection: Any) -> int:
        ids = self.location_ids_in(connection)
        for location_id in ids:
            state, last_at, count = self.replay(connection, location_id)
            self.write_derived(connection, location_id, state, last_at, count)
        return len(ids)

    def event_ids(self, connection: Any) -> set:
        return {
            row[0] for row in self.execute(connection, f"SELECT event_id FROM {self.table(EVENTS_TABLE)}")
        }

    def recorded_events(self) -> List[Tuple[ReviewEvent, str]]:
        """Every event with its ``recorded_at``, in append order (what a copy of the review carries)."""
        with self._connect() as connection:
            rows = self.execute(
                connection,
                f"SELECT {', '.join(EVENT_COLUMNS)}, recorded_at FROM {self.table(EVENTS_TABLE)} ORDER BY fid",
            ).fetchall()
        result = []
        for row in rows:
            values = dict(zip(EVENT_COLUMNS, row[:-1]))
            values["at"] = time_text(values["at"])
            result.append((ReviewEvent(**values), time_text(row[-1])))
        return result


class ReviewStore(BaseReviewStore):
    """A review GeoPackage opened for reading and appending events."""

    def __init__(self, path: Path | str, busy_timeout: float = DEFAULT_BUSY_TIMEOUT_S) -> None:
        self.path = review_path(str(path))
        self.busy_timeout = busy_timeout
        if not self.path.is_file():
            raise ReviewError("The review file {path} does not exist.", path=self.path)
        with self._connect() as connection:
            try:
                tables = gpkg.table_names(connection)
            except sqlite3.DatabaseError as exc:
                raise self._database_error(exc) from None
            missing = [t for t in REQUIRED_TABLES if t not in tables]
            if missing:
                raise ReviewError(
                    "{file} is not an EV Planner review GeoPackage: the table {missing} is missing. "
                    "Create a review with evplanner:createreview.",
                    file=self.path.name,
                    missing=", ".join(missing),
                )
            self.config = self._read_config(connection)
        self.location_columns = [name for name, _ in self.location_column_types()]
        check_decision_columns(self.config, self.location_columns, self.path.name)

    @property
    def label(self) -> str:
        return self.path.name

    @property
    def name(self) -> str:
        return self.path.stem

    # --- connections ----------------------------------------------------------------------
    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            connection = sqlite3.connect(str(self.path), timeout=self.busy_timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise self._database_error(exc) from None
        try:
            yield connection
        finally:
            connection.close()

    def _database_error(self, exc: Exception) -> ReviewError:
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            return ReviewError(
                "The review file {file} is locked by another program (an editing session in "
                "QGIS, a spreadsheet import, a sync tool). Save or stop that edit and try again.",
                file=self.path.name,
            )
        if "not a database" in text or "malformed" in text or "encrypted" in text:
            return ReviewError(
                "{file} is not a GeoPackage (or it is damaged): {error}.", file=self.path.name, error=exc
            )
        if "readonly" in text or "read-only" in text:
            return ReviewError(
                "The review file {file} is read-only; you cannot record events in it.", file=self.path.name
            )
        return ReviewError("Cannot use the review file {file}: {error}.", file=self.path.name, error=exc)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: commit on success, roll back on any exception (also KeyboardInterrupt)."""
        with self._connect() as connection:
            try:
                connection.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._database_error(exc) from None
            try:
                yield connection
                connection.execute("COMMIT")
            except BaseException as exc:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise self._database_error(exc) from None
                raise

    def _read_config(self, connection: sqlite3.Connection) -> ReviewConfig:
        try:
            rows = dict(connection.execute(f"SELECT key, value FROM {CONFIG_TABLE}").fetchall())
        except sqlite3.DatabaseError as exc:
            raise self._database_error(exc) from None
        return config_from_rows(rows, self.path.name)

    # --- reading --------------------------------------------------------------------------
    def locations(self) -> List[Dict[str, Any]]:
        """Every location as a dict of its columns, with ``xy`` instead of the geometry blob."""
        with self._connect() as connection:
            connection.row_factory = sqlite3.Row
            rows = connection.execute(f"SELECT * FROM {LOCATIONS_TABLE} ORDER BY fid").fetchall()
        result = []
        for row in rows:
            item = {key: row[key] for key in row.keys() if key != GEOMETRY_COLUMN}  # noqa: SIM118 (sqlite3.Row)
            item["xy"] = gpkg.decode_point(row[GEOMETRY_COLUMN])
            result.append(item)
        return result

    def location_column_types(self) -> List[Tuple[str, str]]:
        with self._connect() as connection:
            return [(row[1], row[2]) for row in connection.execute(f"PRAGMA table_info({LOCATIONS_TABLE})")]

    def _srs(self) -> Tuple[str, Optional[str]]:
        with self._connect() as connection:
            row = connection.execute(
                "SELECT s.organization, s.organization_coordsys_id, s.definition FROM gpkg_geometry_columns g "
                "JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id WHERE g.table_name = ?",
                (LOCATIONS_TABLE,),
            ).fetchone()
        return (f"{row[0]}:{row[1]}", row[2] or None) if row else ("", None)

    def description(self) -> str:
        with self._connect() as connection:
            row = connection.execute(
                "SELECT description FROM gpkg_contents WHERE table_name = ?", (LOCATIONS_TABLE,)
            ).fetchone()
        return row[0] if row and row[0] else DEFAULT_DESCRIPTION

    # --- requests (see requests.py) -------------------------------------------------------
    def has_table(self, connection: sqlite3.Connection, name: str) -> bool:
        return name in gpkg.table_names(connection)

    def ensure_request_schema(self, connection: sqlite3.Connection) -> None:
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

    def insert_location(
        self, connection: sqlite3.Connection, x: float, y: float, values: Dict[str, Any]
    ) -> None:
        srs_id = connection.execute(
            "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (LOCATIONS_TABLE,)
        ).fetchone()[0]
        values = {GEOMETRY_COLUMN: gpkg.encode_point(x, y, srs_id), **values}
        columns = ", ".join(_quote(name) for name in values)
        marks = ", ".join("?" for _ in values)
        connection.execute(
            f"INSERT INTO {LOCATIONS_TABLE} ({columns}) VALUES ({marks})", list(values.values())
        )

    def insert_request(self, connection: sqlite3.Connection, row: Sequence[Any]) -> bool:
        names = ", ".join(name for name, _ in REQUEST_COLUMNS)
        cursor = connection.execute(
            f"INSERT OR IGNORE INTO {REQUESTS_TABLE} ({names}) VALUES ({', '.join('?' for _ in row)})",
            tuple(row),
        )
        return bool(cursor.rowcount)

    def locations_changed(self, connection: sqlite3.Connection) -> None:
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

    # --- attachments ----------------------------------------------------------------------
    def attachment_dir(self) -> Path:
        return self.path.parent / f"{self.path.stem}_attachments"

    def _attach(
        self, connection: Any, event: ReviewEvent, photo: Path | str
    ) -> Tuple[ReviewEvent, Callable[[], None]]:
        """Copy the photo next to the GeoPackage; the event refers to it by a relative path."""
        copied = self._copy_attachment(event, photo)
        event = replace(event, attachment=copied.relative_to(self.path.parent).as_posix())
        return event, lambda: copied.unlink(missing_ok=True)

    def _copy_attachment(self, event: ReviewEvent, photo: Path | str) -> Path:
        source = Path(photo)
        if not source.is_file():
            raise InputError("The attachment {source} does not exist.", source=source)
        folder = self.attachment_dir() / re.sub(r"[^0-9A-Za-z._-]+", "_", event.location_id)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / attachment_name(event, source)
        shutil.copy2(source, target)
        return target


def attachment_name(event: ReviewEvent, source: Path) -> str:
    """A file name for an event's attachment that sorts by time and never collides."""
    stamp = re.sub(r"[^0-9]", "", event.at)[:14]
    return f"{stamp}_{event.event_id[:8]}_{re.sub(r'[^0-9A-Za-z._-]+', '_', source.name)}"


def config_from_rows(rows: Dict[str, Any], label: str) -> ReviewConfig:
    """The review's configuration from the key/value rows of ``review_config``."""
    try:
        departments = tuple(
            Department(str(item["name"]), bool(item.get("required", True)))
            for item in json.loads(rows.get("departments") or "[]")
        )
        reasons = tuple(
            json.loads(rows.get("cancellation_reasons") or "null") or DEFAULT_CANCELLATION_REASONS
        )
        return ReviewConfig(
            departments=departments,
            reject_rule=rows.get("reject_rule") or "any",
            cancellation_reasons=reasons,
        )
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise ReviewError("{file}: review_config cannot be read ({error}).", file=label, error=exc) from None


def check_decision_columns(config: ReviewConfig, columns: Sequence[str], label: str) -> None:
    missing_columns = [d.column for d in config.departments if d.column not in columns]
    if missing_columns:
        raise ReviewError(
            "{file}: the decision column(s) {columns} of review_config are missing from review_locations.",
            file=label,
            columns=", ".join(missing_columns),
        )
