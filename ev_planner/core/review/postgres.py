"""The review of a team in PostgreSQL/PostGIS: one schema per review, rules enforced by the database.

:func:`create_postgres_review` writes the schema, its roles and triggers (see
:mod:`.pg_schema`); :class:`PostgresReviewStore` reads and appends like the GeoPackage
:class:`.store.ReviewStore`, through the same replay of the log. psycopg2 is the driver
QGIS itself ships with (DB Manager uses it); it is imported only when a PostgreSQL review
is used. Passwords are never part of a target: they come as ``password=`` from the QGIS
authentication manager (the glue resolves ``authcfg``), or libpq finds them in
pg_service.conf or .pgpass.
"""

from __future__ import annotations

import time
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple

from ..errors import InputError, ReviewError
from .events import ReviewEvent, format_utc, utc_now
from .pg_schema import (
    ATTACHMENTS_TABLE,
    COORDINATOR_ACTIONS,
    DERIVING_SETTING,
    ROLES_TABLE,
    ReviewSql,
    coordinator_role,
    ident,
    notify_channel,
    review_roles,
    too_long_roles,
)
from .pg_target import PostgresTarget
from .states import ReviewConfig, initial_state
from .store import (
    CONFIG_TABLE,
    DEFAULT_DESCRIPTION,
    EDITABLE_COLUMNS,
    EVENTS_TABLE,
    GEOMETRY_COLUMN,
    LOCATIONS_TABLE,
    REQUEST_COLUMNS,
    REQUESTS_TABLE,
    BaseReviewStore,
    LocationInput,
    _checked_ids,
    _config_rows,
    _derived_values,
    _editable_value,
    _location_columns,
    _plain,
    _quote,
    attachment_name,
    check_decision_columns,
    config_from_rows,
    time_text,
)

CONNECT_TIMEOUT_S = 15
LOGIN_CACHE_S = 5.0  # a GRANT takes effect in an open dock within seconds
APPLICATION_NAME = "EV Planner"


def _driver():
    try:
        import psycopg2
    except ImportError:  # pragma: no cover - QGIS ships psycopg2 on every platform
        raise ReviewError(
            "A PostgreSQL review needs the Python package psycopg2, which QGIS normally ships "
            "(python3-psycopg2 on Debian/Ubuntu)."
        ) from None
    return psycopg2


def connect(target: PostgresTarget, password: Optional[str] = None, user: Optional[str] = None):
    """An autocommit connection to the review's database; :class:`ReviewError` when it cannot be made."""
    psycopg2 = _driver()
    extra: Dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": APPLICATION_NAME}
    if password:
        extra["password"] = password
    if user:
        extra["user"] = user
    try:
        connection = psycopg2.connect(target.conninfo, **extra)
    except psycopg2.Error as exc:
        raise ReviewError(
            "Cannot connect to the review database {target}: {error}",
            target=target.label,
            error=_primary_message(exc),
        ) from None
    connection.autocommit = True  # transactions are begun explicitly (see transaction())
    return connection


def _primary_message(exc: Exception) -> str:
    diag = getattr(exc, "diag", None)
    text = (getattr(diag, "message_primary", None) or str(exc)).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def srid_of(cursor: Any, crs_authid: str) -> int:
    authority, _, code = crs_authid.partition(":")
    cursor.execute(
        "SELECT srid FROM spatial_ref_sys WHERE upper(auth_name) = upper(%s) AND auth_srid = %s",
        (authority, int(code) if code.isdigit() else -1),
    )
    row = cursor.fetchone()
    if row is None:
        raise InputError(
            "PostGIS does not know the coordinate reference system {crs}; reproject the locations "
            "to a metric CRS such as EPSG:28992 or EPSG:31370 first.",
            crs=crs_authid,
        )
    return int(row[0])


def create_postgres_review(
    target: PostgresTarget,
    locations: Sequence[LocationInput],
    config: ReviewConfig,
    crs_authid: str,
    attribute_types: Optional[Dict[str, str]] = None,
    overwrite: bool = False,
    description: str = DEFAULT_DESCRIPTION,
    password: Optional[str] = None,
    user: Optional[str] = None,
    history: Sequence[Tuple[ReviewEvent, str]] = (),
) -> PostgresTarget:
    """Create the review schema, its roles, grants and triggers, with every location ``proposed``.

    All of it is one transaction: on any error nothing is left behind. An existing schema
    is replaced only with ``overwrite`` and only while it holds no event. ``history`` (events
    with their ``recorded_at``) is written before the triggers exist, so a copy keeps its
    actors and times; the derived columns are then folded from it.
    """
    ids = _checked_ids(locations)
    long_roles = too_long_roles(target.schema, config)
    if long_roles:
        raise InputError(
            "The role name {role} would be longer than PostgreSQL's 63 characters: choose a shorter "
            "schema or department name.",
            role=long_roles[0],
        )
    sql = ReviewSql(target.schema, config)
    connection = connect(target, password, user)
    try:
        with _transaction(connection, target) as cursor:
            _replace_empty_schema(cursor, target, overwrite)
            srid = srid_of(cursor, crs_authid)
            columns = _location_columns(locations, config, attribute_types or {})
            for statement in sql.tables(srid, list(columns.attributes.values())):
                cursor.execute(statement)
            _insert_config(cursor, sql, config, description)
            _insert_proposed(cursor, sql, locations, ids, config, columns, srid)
            if history:
                created = PostgresReviewStore(target, connection=connection)
                for event, recorded_at in history:
                    created.insert_event(connection, event, recorded_at)
                created._refresh(connection)
            _create_roles(cursor, target, sql)
            for statement in sql.triggers() + sql.grants():
                cursor.execute(statement)
    finally:
        connection.close()
    return target


def _replace_empty_schema(cursor: Any, target: PostgresTarget, overwrite: bool) -> None:
    cursor.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (target.schema,))
    if cursor.fetchone() is None:
        return
    if not overwrite:
        raise InputError(
            "The schema {schema} already exists. Choose another schema (an existing review is never overwritten).",
            schema=target.schema,
        )
    cursor.execute(
        "SELECT 1 FROM pg_tables WHERE schemaname = %s AND tablename = %s", (target.schema, EVENTS_TABLE)
    )
    if cursor.fetchone() is not None:
        cursor.execute(f"SELECT COUNT(*) FROM {ident(target.schema)}.{ident(EVENTS_TABLE)}")
        count = cursor.fetchone()[0]
        if count:
            raise InputError(
                "The schema {schema} holds {count} review event(s); it is not overwritten. Drop it yourself "
                "if you really want to start over.",
                schema=target.schema,
                count=count,
            )
    cursor.execute(f"DROP SCHEMA {ident(target.schema)} CASCADE")


def _insert_config(cursor: Any, sql: ReviewSql, config: ReviewConfig, description: str) -> None:
    rows = [*_config_rows(config), ("description", description)]
    cursor.executemany(f"INSERT INTO {sql.t(CONFIG_TABLE)} (key, value) VALUES (%s, %s)", rows)
    cursor.executemany(
        f"INSERT INTO {sql.t(ROLES_TABLE)} (department, role) VALUES (%s, %s)", list(sql.roles.items())
    )


def _insert_proposed(cursor, sql: ReviewSql, locations, ids, config, columns, srid: int) -> None:
    created_at = format_utc(utc_now())
    derived = _derived_values(initial_state(config, created_at), config, None, 0)
    names = (
        ["location_id"]
        + [col for col, _ in columns.attributes.values()]
        + [name for name, _ in EDITABLE_COLUMNS]
        + ["created_at", *derived]
    )
    statement = (
        f"INSERT INTO {sql.t(LOCATIONS_TABLE)} ({GEOMETRY_COLUMN}, {', '.join(_quote(n) for n in names)}) "
        f"VALUES (ST_SetSRID(ST_MakePoint(%s, %s), {int(srid)}), {', '.join('%s' for _ in names)})"
    )
    for location, location_id in zip(locations, ids):
        values = [location_id] + [_plain(location.attributes.get(name)) for name in columns.attributes]
        values += [
            _editable_value(location, columns.editable_sources.get(name), name)
            for name, _ in EDITABLE_COLUMNS
        ]
        values += [location.created_at or created_at, *derived.values()]
        cursor.execute(statement, [float(location.x), float(location.y), *values])


def _create_roles(cursor: Any, target: PostgresTarget, sql: ReviewSql) -> None:
    """The group roles of the departments and the coordinator; roles a DBA made beforehand are kept."""
    for role in sql.all_roles:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
        if cursor.fetchone() is not None:
            continue
        try:
            cursor.execute("SAVEPOINT create_role")
            cursor.execute(f"CREATE ROLE {ident(role)} NOLOGIN")
            cursor.execute("RELEASE SAVEPOINT create_role")
        except _driver().Error as exc:
            cursor.execute("ROLLBACK TO SAVEPOINT create_role")
            raise ReviewError(
                "Cannot create the role {role} for the review {schema}: {error}. Ask your database "
                "administrator to create the roles {roles} (NOLOGIN) first, or to grant you CREATEROLE.",
                role=role,
                schema=target.schema,
                error=_primary_message(exc),
                roles=", ".join(sql.all_roles),
            ) from None


@contextmanager
def _transaction(connection: Any, target: PostgresTarget) -> Iterator[Any]:
    psycopg2 = _driver()
    cursor = connection.cursor()
    try:
        cursor.execute("BEGIN")
        yield cursor
        cursor.execute("COMMIT")
    except BaseException as exc:
        if not connection.closed:
            with suppress(psycopg2.Error):  # the connection is gone: the server rolled back
                cursor.execute("ROLLBACK")
        if isinstance(exc, psycopg2.Error):
            raise database_error(exc, target) from None
        raise


def database_error(exc: Exception, target: PostgresTarget) -> ReviewError:
    """The message of a PostgreSQL error as a user reads it (the rules' own messages as they are)."""
    psycopg2 = _driver()
    message = _primary_message(exc)
    if message.startswith("EV Planner: "):
        return ReviewError("{error}", error=message[len("EV Planner: ") :])
    if isinstance(exc, (psycopg2.OperationalError, psycopg2.InterfaceError)):
        return ReviewError(
            "The connection to the review database {target} was lost ({error}). Nothing of the "
            "interrupted transaction was written; what was committed before stays. Try again.",
            target=target.label,
            error=message,
        )
    if getattr(exc, "pgcode", None) == "42501":
        return ReviewError(
            "The database refused this for your login: {error}. Ask the review's administrator for the "
            "role of your department (see docs/review_postgres.md).",
            error=message,
        )
    return ReviewError(
        "The review database {target} refused this: {error}", target=target.label, error=message
    )


@dataclass(frozen=True)
class _Login:
    user: str
    coordinator: bool
    departments: frozenset
    asked: float


class PostgresReviewStore(BaseReviewStore):
    """A review schema in PostgreSQL opened for reading and appending events.

    The store keeps one connection (re-opened when it was lost); use one store per thread.
    """

    placeholder = "%s"

    def __init__(
        self,
        target: PostgresTarget,
        password: Optional[str] = None,
        user: Optional[str] = None,
        connection: Any = None,
    ) -> None:
        self.target = target
        self._password = password
        self._user = user
        self._connection = connection  # given: the creator's, inside its transaction
        self._login_cache: Optional[_Login] = None
        with self._connect() as connection:
            cursor = connection.cursor()
            # Only tables this login may read count: without a role of the review it sees none.
            cursor.execute(
                "SELECT tablename FROM pg_namespace n JOIN pg_tables t ON t.schemaname = n.nspname "
                "WHERE n.nspname = %s AND has_schema_privilege(n.oid, 'USAGE') "
                "AND has_table_privilege(format('%%I.%%I', t.schemaname, t.tablename), 'SELECT')",
                (target.schema,),
            )
            tables = {row[0] for row in cursor.fetchall()}
            missing = [
                t for t in (LOCATIONS_TABLE, EVENTS_TABLE, CONFIG_TABLE, ROLES_TABLE) if t not in tables
            ]
            if missing:
                raise ReviewError(
                    "The schema {schema} is not an EV Planner review (or your login may not read it): "
                    "{missing} is missing. Create a review with evplanner:createreview.",
                    schema=target.schema,
                    missing=", ".join(missing),
                )
            try:
                cursor.execute(f"SELECT key, value FROM {self.table(CONFIG_TABLE)}")
                rows = dict(cursor.fetchall())
            except _driver().Error as exc:
                raise database_error(exc, target) from None
        self.location_columns = [name for name, _ in self.location_column_types()]
        self.config = config_from_rows(rows, target.label)
        check_decision_columns(self.config, self.location_columns, target.label)

    @property
    def label(self) -> str:
        return self.target.label

    @property
    def name(self) -> str:
        return self.target.schema

    @property
    def schema(self) -> str:
        return self.target.schema

    def table(self, name: str) -> str:
        return f"{ident(self.target.schema)}.{ident(name)}"

    # --- connections ----------------------------------------------------------------------
    @contextmanager
    def _connect(self) -> Iterator[Any]:
        if self._connection is None or self._connection.closed:
            self._connection = connect(self.target, self._password, self._user)
        try:
            yield self._connection
        except _driver().Error as exc:
            self._drop_if_broken()
            raise database_error(exc, self.target) from None

    def _drop_if_broken(self) -> None:
        connection = self._connection
        if connection is not None and (connection.closed or connection.get_transaction_status() == 4):
            connection.close()  # TRANSACTION_STATUS_UNKNOWN: the server is gone
            self._connection = None

    def close(self) -> None:
        if self._connection is not None and not self._connection.closed:
            self._connection.close()
        self._connection = None

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        with self._connect() as connection:
            try:
                with _transaction(connection, self.target):
                    yield connection
            except ReviewError:
                self._drop_if_broken()
                raise

    def _lock_location(self, connection: Any, location_id: str) -> Optional[Tuple[Any]]:
        # Held to the end of the transaction: the replay, the new event and the derived
        # columns of this location are one step for every writer (readers never wait).
        lock = " FOR UPDATE" if connection.get_transaction_status() != 0 else ""
        return self.execute(
            connection,
            f"SELECT created_at FROM {self.table(LOCATIONS_TABLE)} WHERE location_id = ?{lock}",
            (location_id,),
        ).fetchone()

    def _begin_derived_write(self, connection: Any) -> None:
        self.execute(connection, "SELECT set_config(?, 'on', true)", (DERIVING_SETTING,))

    # --- who may do what ------------------------------------------------------------------
    def session_user(self) -> str:
        return self._login().user

    def member_departments(self) -> List[str]:
        """The departments whose role the logged-in user holds (and may decide for)."""
        held = self._login(fresh=True).departments
        return [name for name in self.config.department_names if name in held]

    def is_coordinator(self) -> bool:
        return self._login(fresh=True).coordinator

    def _login(self, fresh: bool = False) -> _Login:
        """Who is logged in and which of the review's roles they hold (asked again after a few seconds)."""
        now = time.monotonic()
        if self._login_cache is None or (fresh and now - self._login_cache.asked > LOGIN_CACHE_S):
            with self._connect() as connection:
                user, coordinator = self.execute(
                    connection,
                    "SELECT session_user, coalesce((SELECT pg_has_role(current_user, r.oid, 'USAGE') "
                    "FROM pg_roles r WHERE r.rolname = ?), false)",
                    (coordinator_role(self.schema),),
                ).fetchone()
                rows = self.execute(
                    connection,
                    f"SELECT department FROM {self.table(ROLES_TABLE)} "
                    "WHERE pg_has_role(current_user, role, 'USAGE')",
                ).fetchall()
            self._login_cache = _Login(str(user), bool(coordinator), frozenset(r[0] for r in rows), now)
        return self._login_cache

    def refusal(self, event: ReviewEvent) -> Optional[ReviewError]:
        """The trigger's rule asked beforehand, so an import can skip and count instead of failing."""
        roles = review_roles(self.schema, self.config)
        login = self._login(fresh=True)
        if event.department in roles and event.department not in login.departments:
            return ReviewError(
                "{user} may not record events for {department}: that needs membership of the role {role}.",
                user=login.user,
                department=event.department,
                role=roles[event.department],
            )
        if event.action in COORDINATOR_ACTIONS and not login.coordinator:
            return ReviewError(
                "{user} may not record {action}: process steps need membership of the role {role}.",
                user=login.user,
                action=event.action,
                role=coordinator_role(self.schema),
            )
        return None

    def _as_recorded(self, connection: Any, event: ReviewEvent) -> ReviewEvent:
        row = self.execute(
            connection, f"SELECT actor FROM {self.table(EVENTS_TABLE)} WHERE event_id = ?", (event.event_id,)
        ).fetchone()
        return replace(event, actor=row[0]) if row else event

    # --- reading --------------------------------------------------------------------------
    def locations(self) -> List[Dict[str, Any]]:
        """Every location as a dict of its columns, with ``xy`` instead of the geometry."""
        columns = [c for c in self.location_columns if c != GEOMETRY_COLUMN]
        with self._connect() as connection:
            rows = self.execute(
                connection,
                f"SELECT {', '.join(_quote(c) for c in columns)}, ST_X({GEOMETRY_COLUMN}), ST_Y({GEOMETRY_COLUMN}) "
                f"FROM {self.table(LOCATIONS_TABLE)} ORDER BY fid",
            ).fetchall()
        result = []
        for row in rows:
            item = {name: time_text(value) for name, value in zip(columns, row)}
            x, y = row[-2], row[-1]
            item["xy"] = None if x is None else (float(x), float(y))
            result.append(item)
        return result

    def location_column_types(self) -> List[Tuple[str, str]]:
        with self._connect() as connection:
            return self.execute(
                connection,
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position",
                (self.schema, LOCATIONS_TABLE),
            ).fetchall()

    def _srs(self) -> Tuple[str, Optional[str]]:
        with self._connect() as connection:
            row = self.execute(
                connection,
                "SELECT s.auth_name, s.auth_srid, s.srtext FROM geometry_columns g "
                "JOIN spatial_ref_sys s ON s.srid = g.srid WHERE g.f_table_schema = ? AND g.f_table_name = ?",
                (self.schema, LOCATIONS_TABLE),
            ).fetchone()
        return (f"{row[0]}:{row[1]}", row[2] or None) if row else ("", None)

    def description(self) -> str:
        with self._connect() as connection:
            row = self.execute(
                connection, f"SELECT value FROM {self.table(CONFIG_TABLE)} WHERE key = 'description'"
            ).fetchone()
        return row[0] if row and row[0] else DEFAULT_DESCRIPTION

    def notify_channel(self) -> str:
        return notify_channel(self.schema)

    def has_table(self, connection: Any, name: str) -> bool:
        row = self.execute(
            connection, "SELECT 1 FROM pg_tables WHERE schemaname = ? AND tablename = ?", (self.schema, name)
        ).fetchone()
        return row is not None

    # --- writing --------------------------------------------------------------------------
    def insert_location(self, connection: Any, x: float, y: float, values: Dict[str, Any]) -> None:
        srid = self.execute(
            connection,
            "SELECT srid FROM geometry_columns WHERE f_table_schema = ? AND f_table_name = ?",
            (self.schema, LOCATIONS_TABLE),
        ).fetchone()[0]
        names = ", ".join(_quote(name) for name in values)
        marks = ", ".join("?" for _ in values)
        self.execute(
            connection,
            f"INSERT INTO {self.table(LOCATIONS_TABLE)} ({GEOMETRY_COLUMN}, {names}) "
            f"VALUES (ST_SetSRID(ST_MakePoint(?, ?), {int(srid)}), {marks})",
            [float(x), float(y), *values.values()],
        )

    def insert_request(self, connection: Any, row: Sequence[Any]) -> bool:
        names = ", ".join(name for name, _ in REQUEST_COLUMNS)
        cursor = self.execute(
            connection,
            f"INSERT INTO {self.table(REQUESTS_TABLE)} ({names}) VALUES ({', '.join('?' for _ in row)}) "
            "ON CONFLICT (request_id) DO NOTHING",
            row,
        )
        return bool(cursor.rowcount)

    # --- attachments ----------------------------------------------------------------------
    def _attach(
        self, connection: Any, event: ReviewEvent, photo: Path | str
    ) -> Tuple[ReviewEvent, Callable[[], None]]:
        """Keep the photo in ``review_attachments``: every colleague reaches it, not only one machine."""
        source = Path(photo)
        if not source.is_file():
            raise InputError("The attachment {source} does not exist.", source=source)
        name = f"{ATTACHMENTS_TABLE}/{attachment_name(event, source)}"
        self.insert_attachment(connection, name, event.event_id, source.read_bytes())
        return replace(event, attachment=name), lambda: None  # rolled back with the transaction

    def insert_attachment(self, connection: Any, name: str, event_id: str, content: bytes) -> None:
        self.execute(
            connection,
            f"INSERT INTO {self.table(ATTACHMENTS_TABLE)} (name, event_id, content) VALUES (?, ?, ?)",
            (name, event_id, _driver().Binary(content)),
        )

    def share_styles(self) -> None:
        """Let the review's roles read the layer styles QGIS stored for its tables.

        ``public.layer_styles`` belongs to whoever first saved a style in the database; when
        that is someone else the grant is theirs to give (docs/review_postgres.md).
        """
        roles = ", ".join(ident(role) for role in ReviewSql(self.schema, self.config).all_roles)
        with suppress(ReviewError), self.transaction() as connection:
            self.execute(connection, f"GRANT SELECT ON public.layer_styles TO {roles}")

    def attachment_bytes(self, name: str) -> Optional[bytes]:
        with self._connect() as connection:
            row = self.execute(
                connection, f"SELECT content FROM {self.table(ATTACHMENTS_TABLE)} WHERE name = ?", (name,)
            ).fetchone()
        return bytes(row[0]) if row else None
