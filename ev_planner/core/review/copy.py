"""Copy a review, with its full history, to a new GeoPackage or PostgreSQL schema.

Use it to move a single planner's GeoPackage to the team database, or to take a snapshot
of a team review home. Either store can be the source and either the target (GeoPackage ->
PostgreSQL, PostgreSQL -> GeoPackage, and also GeoPackage -> GeoPackage, PostgreSQL ->
PostgreSQL). The copy carries the configuration, every location (geometry, proposal
attributes with their column names and types, the editable columns, ``created_at``,
``source``/``request_ids``), the event log verbatim in append order (actors, times,
``recorded_at``), the residents' requests and the attachments.

Attachments keep their names: an event's ``attachment`` is never rewritten, because the
log is an audit trail. A name is a path relative to the folder of a GeoPackage, and the key
of ``review_attachments`` in PostgreSQL; so a photo of a GeoPackage review
(``plan_attachments/L1/...jpg``) becomes a row of that name, and a photo of a PostgreSQL
review (``review_attachments/...jpg``) becomes that file next to the new GeoPackage.

The target must be new (an existing file or schema is refused, never overwritten). After
copying, every location of the copy is folded from its log and compared with the source;
when anything differs, or the copy fails or is canceled after the target was created, the
target is removed again (the file deleted, the schema and the roles it created dropped).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from ..errors import CanceledError, InputError, ReviewError
from .events import ReviewEvent
from .pg_schema import ATTACHMENTS_TABLE, ReviewSql, ident
from .pg_target import PostgresTarget
from .postgres import PostgresReviewStore, connect, create_postgres_review
from .requests import REQUEST_COLUMNS, REQUESTS_TABLE, SITE_COLUMNS
from .states import ReviewConfig
from .store import (
    DERIVED_COLUMNS,
    EDITABLE_COLUMNS,
    GEOMETRY_COLUMN,
    LOCATIONS_TABLE,
    BaseReviewStore,
    LocationInput,
    ReviewStore,
    _editable_value,
    _quote,
    create_review,
)

ReviewTarget = Any  # a Path (GeoPackage) or a PostgresTarget
# Declared types of either store as the types create_review / create_postgres_review take.
_SQL_TYPES = {
    "integer": "INTEGER",
    "bigint": "INTEGER",
    "smallint": "INTEGER",
    "real": "REAL",
    "double precision": "REAL",
    "numeric": "REAL",
    "datetime": "DATETIME",
    "timestamp with time zone": "DATETIME",
    "timestamp without time zone": "DATETIME",
}


@dataclass
class CopyResult:
    """What was copied, for the log of the run."""

    target: ReviewTarget
    label: str
    locations: int = 0
    events: int = 0
    requests: int = 0
    attachments: int = 0
    missing_attachments: List[str] = field(default_factory=list)  # named by events, not found


@dataclass
class _Snapshot:
    """Everything of the source review the copy writes."""

    config: ReviewConfig
    crs_authid: str
    crs_wkt: Optional[str]
    description: str
    attribute_types: Dict[str, str]
    locations: List[LocationInput]
    # location_id -> values written after creating: source/request_ids of request sites, and
    # editable values create_review would fill in (an empty parking_spaces becomes 2)
    later_values: Dict[str, Dict[str, Any]]
    history: List[Tuple[ReviewEvent, str]]
    requests: List[Tuple[Any, ...]]
    attachments: Dict[str, Tuple[str, bytes]]  # name -> (event_id, content)
    missing_attachments: List[str]


def copy_review(
    source: BaseReviewStore,
    target: ReviewTarget,
    password: Optional[str] = None,
    user: Optional[str] = None,
    is_canceled: Callable[[], bool] = lambda: False,
) -> CopyResult:
    """Copy ``source`` to the new ``target`` (a ``.gpkg`` Path or a PostgresTarget) and check the copy.

    ``password`` and ``user`` log in to a PostgreSQL target. Raises :class:`InputError`
    for an existing target, :class:`ReviewError` when the copy does not replay to the
    source's statuses, :class:`CanceledError` when ``is_canceled`` says so; in each case
    nothing of the target is left.
    """
    snapshot = read_snapshot(source)
    if is_canceled():
        raise CanceledError()
    if isinstance(target, PostgresTarget):
        writer: _Writer = _PostgresWriter(target, password, user)
    else:
        writer = _GeoPackageWriter(Path(target))
    writer.check_new(snapshot)
    writer.create(snapshot)
    try:
        copy = writer.complete(snapshot)
        try:
            if is_canceled():
                raise CanceledError()
            verify_copy(source, copy)
            label = copy.label
        finally:
            copy.close()
    except BaseException as failure:
        _remove_or_say_so(writer, failure)
        raise
    return CopyResult(
        target,
        label,
        locations=len(snapshot.locations),
        events=len(snapshot.history),
        requests=len(snapshot.requests),
        attachments=len(snapshot.attachments),
        missing_attachments=list(snapshot.missing_attachments),
    )


def _remove_or_say_so(writer: _Writer, failure: BaseException) -> None:
    """Remove the unfinished copy; when even that fails, say what is left, with why the copy stopped."""
    try:
        writer.remove()
    except Exception as cleanup:  # the connection is gone, the file is locked: the user must know
        raise ReviewError(
            "The copy stopped ({reason}), and what it had written to {target} could not be removed "
            "({error}). Remove it yourself before copying again.",
            reason=failure,
            target=writer.label,
            error=cleanup,
        ) from failure


# --- reading the source -------------------------------------------------------------------


def read_snapshot(source: BaseReviewStore) -> _Snapshot:
    """The source review as the copy writes it."""
    config = source.config
    types = _column_types(source)
    own = _own_columns(config)
    attribute_types = {name: sql for name, sql in types.items() if name not in own}
    locations, later_values = [], {}
    for row in source.locations():
        if row["xy"] is None:
            raise ReviewError(
                "The location {location_id} of {review} has no point; it cannot be copied.",
                location_id=row["location_id"],
                review=source.label,
            )
        attributes = {name: row.get(name) for name in attribute_types}
        attributes.update({name: row.get(name) for name, _ in EDITABLE_COLUMNS})
        x, y = row["xy"]
        locations.append(
            LocationInput(row["location_id"], x, y, attributes, created_at=row.get("created_at"))
        )
        later = {name: row.get(name) for name, _ in SITE_COLUMNS if row.get(name) is not None}
        later.update(
            (name, row.get(name))
            for name, _ in EDITABLE_COLUMNS
            if _editable_value(locations[-1], name, name) != row.get(name)
        )
        if later:
            later_values[row["location_id"]] = later
    history = source.recorded_events()
    attachments, missing = _attachments(source, history)
    return _Snapshot(
        config=config,
        crs_authid=source.crs_authid(),
        crs_wkt=source.crs_wkt(),
        description=source.description(),
        attribute_types=attribute_types,
        locations=locations,
        later_values=later_values,
        history=history,
        requests=_request_rows(source),
        attachments=attachments,
        missing_attachments=missing,
    )


def _own_columns(config: ReviewConfig) -> set:
    """Columns of review_locations that are the review's own, not the proposal's attributes."""
    names = {"fid", GEOMETRY_COLUMN, "location_id", "created_at", *DERIVED_COLUMNS}
    names.update(name for name, _ in EDITABLE_COLUMNS)
    names.update(name for name, _ in SITE_COLUMNS)
    names.update(d.column for d in config.departments)
    return names


def _column_types(source: BaseReviewStore) -> Dict[str, str]:
    """Column name -> INTEGER, REAL, TEXT or DATETIME, in the order of review_locations."""
    return {
        name: _SQL_TYPES.get(str(kind or "").lower(), "TEXT") for name, kind in source.location_column_types()
    }


def _request_rows(source: BaseReviewStore) -> List[Tuple[Any, ...]]:
    """review_requests as stored, in the order they were recorded."""
    from .store import time_text

    names = ", ".join(name for name, _ in REQUEST_COLUMNS)
    with source._connect() as connection:
        if not source.has_table(connection, REQUESTS_TABLE):
            return []
        rows = source.execute(
            connection, f"SELECT {names} FROM {source.table(REQUESTS_TABLE)} ORDER BY fid"
        ).fetchall()
    return [tuple(time_text(value) for value in row) for row in rows]


def _attachments(
    source: BaseReviewStore, history: Sequence[Tuple[ReviewEvent, str]]
) -> Tuple[Dict[str, Tuple[str, bytes]], List[str]]:
    """The attachments by name (checked to stay inside the review), and the names not found."""
    found: Dict[str, Tuple[str, bytes]] = {}
    missing: List[str] = []
    if isinstance(source, ReviewStore):
        for event, _ in history:
            if not event.attachment or event.attachment in found or event.attachment in missing:
                continue
            checked_attachment_name(event.attachment, event.event_id)
            path = source.path.parent / event.attachment
            if path.is_file():
                found[event.attachment] = (event.event_id, path.read_bytes())
            else:
                missing.append(event.attachment)
        return found, missing
    with source._connect() as connection:
        rows = source.execute(
            connection, f"SELECT name, event_id, content FROM {source.table(ATTACHMENTS_TABLE)} ORDER BY fid"
        ).fetchall()
    for name, event_id, content in rows:
        checked_attachment_name(name, event_id)
        found[name] = (event_id, bytes(content))
    present = set(found)
    missing = sorted({e.attachment for e, _ in history if e.attachment and e.attachment not in present})
    return found, missing


def checked_attachment_name(name: str, event_id: str) -> str:
    """``name`` when it is a relative path inside the review's folder; else a ReviewError."""
    path = PurePosixPath(name.replace("\\", "/"))
    if not name.strip() or path.is_absolute() or ".." in path.parts or ":" in path.parts[0]:
        raise ReviewError(
            "The attachment {name!r} of event {event_id} points outside the review's folder; "
            "the review is not copied. Correct the attachment name in the source first.",
            name=name,
            event_id=event_id,
        )
    return name


# --- checking the copy --------------------------------------------------------------------


def folded_states(store: BaseReviewStore) -> Dict[str, Tuple[Any, ...]]:
    """location_id -> (status, decisions, awaiting, installer, event count), folded from the log."""
    result = {}
    with store._connect() as connection:
        for location_id in store.location_ids_in(connection):
            state, _, count = store.replay(connection, location_id)
            decisions = tuple(sorted(state.decisions.items()))
            result[location_id] = (
                state.status,
                decisions,
                state.awaiting(store.config),
                state.installer,
                count,
            )
    return result


def _log_identity(store: BaseReviewStore) -> List[Tuple[Any, ...]]:
    return [
        (e.event_id, e.location_id, e.action, e.department, e.actor, e.attachment)
        for e, _ in store.recorded_events()
    ]


def verify_copy(source: BaseReviewStore, copy: BaseReviewStore) -> None:
    """Raise :class:`ReviewError` unless ``copy`` replays to the source's statuses with the same log."""
    expected, found = folded_states(source), folded_states(copy)
    source_count, copy_count = source.count_events(), copy.count_events()
    if source_count != copy_count:
        raise ReviewError(
            "The copy {copy} holds {found} events, the review {review} {expected}; the copy is removed.",
            copy=copy.label,
            review=source.label,
            found=copy_count,
            expected=source_count,
        )
    differing = sorted(set(expected) ^ set(found)) or [i for i in expected if expected[i] != found[i]]
    if differing or _log_identity(source) != _log_identity(copy):
        raise ReviewError(
            "The copy {copy} does not replay to the statuses of {review} (locations {locations}); "
            "the copy is removed.",
            copy=copy.label,
            review=source.label,
            locations=", ".join(differing[:10]) or "-",
        )
    derived = {row["location_id"]: (row["status"], row["event_count"]) for row in copy.locations()}
    stale = [i for i, (status, count) in derived.items() if (status, count) != (found[i][0], found[i][4])]
    if stale:
        raise ReviewError(
            "The status columns of the copy {copy} differ from its log (locations {locations}); "
            "the copy is removed.",
            copy=copy.label,
            locations=", ".join(stale[:10]),
        )


# --- writing the target -------------------------------------------------------------------


class _Writer:
    label: str  # how messages name the target

    def check_new(self, snapshot: _Snapshot) -> None:
        """Refuse before anything is written."""

    def create(self, snapshot: _Snapshot) -> None:
        raise NotImplementedError

    def complete(self, snapshot: _Snapshot) -> BaseReviewStore:
        """Requests, request sites and attachments; returns the copy opened."""
        raise NotImplementedError

    def remove(self) -> None:
        raise NotImplementedError


class _GeoPackageWriter(_Writer):
    def __init__(self, path: Path) -> None:
        self.path = path
        self.label = path.name
        self.written: List[Path] = []

    def check_new(self, snapshot: _Snapshot) -> None:
        if self.path.exists():
            raise InputError(
                "{path} already exists. Choose another file name (an existing review is never overwritten).",
                path=self.path,
            )
        for name, (_, content) in snapshot.attachments.items():
            existing = self.path.parent / name
            if existing.exists() and (not existing.is_file() or existing.read_bytes() != content):
                raise InputError(
                    "{path} exists with other content than the attachment {name} of the review; move it "
                    "away or copy the review into another folder.",
                    path=existing,
                    name=name,
                )

    def create(self, snapshot: _Snapshot) -> None:
        create_review(
            self.path,
            snapshot.locations,
            snapshot.config,
            snapshot.crs_authid,
            snapshot.crs_wkt,
            attribute_types=snapshot.attribute_types,
            description=snapshot.description,
            history=snapshot.history,
        )

    def complete(self, snapshot: _Snapshot) -> BaseReviewStore:
        for name, (_, content) in snapshot.attachments.items():
            path = self.path.parent / name
            if path.is_file():
                continue  # the same bytes (checked beforehand): a GeoPackage next to it shares them
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            self.written.append(path)
        store = ReviewStore(self.path)
        if snapshot.requests or snapshot.later_values:
            with store.transaction() as connection:
                store.ensure_request_schema(connection)
                _write_later_values(store, connection, snapshot.later_values)
                for row in snapshot.requests:
                    store.insert_request(connection, row)
        return store

    def remove(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
        for path in self.written:
            path.unlink(missing_ok=True)
            with contextlib.suppress(OSError):  # a folder that holds other files stays
                for folder in path.relative_to(self.path.parent).parents:
                    if folder != Path("."):
                        (self.path.parent / folder).rmdir()


class _PostgresWriter(_Writer):
    def __init__(self, target: PostgresTarget, password: Optional[str], user: Optional[str]) -> None:
        self.target = target
        self.label = target.label
        self.password = password
        self.user = user
        self.new_roles: List[str] = []

    def create(self, snapshot: _Snapshot) -> None:
        roles = ReviewSql(self.target.schema, snapshot.config).all_roles
        connection = connect(self.target, self.password, self.user)
        try:
            cursor = connection.cursor()
            cursor.execute("SELECT rolname FROM pg_roles WHERE rolname = ANY(%s)", (roles,))
            existing = {row[0] for row in cursor.fetchall()}
        finally:
            connection.close()
        create_postgres_review(
            self.target,
            snapshot.locations,
            snapshot.config,
            snapshot.crs_authid,
            attribute_types=snapshot.attribute_types,
            description=snapshot.description,
            password=self.password,
            user=self.user,
            history=snapshot.history,
        )
        self.new_roles = [role for role in roles if role not in existing]

    def complete(self, snapshot: _Snapshot) -> BaseReviewStore:
        store = PostgresReviewStore(self.target, password=self.password, user=self.user)
        try:
            with store.transaction() as connection:
                _write_later_values(store, connection, snapshot.later_values)
                for row in snapshot.requests:
                    store.insert_request(connection, row)
                for name, (event_id, content) in snapshot.attachments.items():
                    store.insert_attachment(connection, name, event_id, content)
        except BaseException:
            store.close()
            raise
        return store

    def remove(self) -> None:
        """Drop the schema and the roles this copy created (roles made beforehand by a DBA stay)."""
        connection = connect(self.target, self.password, self.user)
        try:
            cursor = connection.cursor()
            cursor.execute(f"DROP SCHEMA IF EXISTS {ident(self.target.schema)} CASCADE")
            for role in self.new_roles:
                cursor.execute(f"DROP ROLE IF EXISTS {ident(role)}")
        finally:
            connection.close()


def _write_later_values(store: BaseReviewStore, connection: Any, values: Dict[str, Dict[str, Any]]) -> None:
    """The columns of each location that creating the review could not write as they were."""
    for location_id, columns in values.items():
        assignments = ", ".join(f"{_quote(name)} = ?" for name in columns)
        store.execute(
            connection,
            f"UPDATE {store.table(LOCATIONS_TABLE)} SET {assignments} WHERE location_id = ?",
            [*columns.values(), location_id],
        )
