"""The SQL of a PostgreSQL review: tables, roles, grants and the triggers that enforce the rules.

One schema is one review. What the database itself enforces, for psql, QGIS attribute
edits and the plugin alike:

- ``review_events`` (and ``review_attachments``) are append-only: triggers refuse UPDATE,
  DELETE and TRUNCATE for every role, the owner and superusers included, and those
  privileges are revoked as well;
- a decision (approve, reject, request_changes) for a department needs the privileges of
  that department's group role ``<schema>_<department slug>``; process steps (request,
  permit, install, deliver, cancel) need ``<schema>_coordinator``; anything else needs one
  of the review's roles. The trigger asks ``pg_has_role(current_user, role, 'USAGE')``;
- the actor is ``session_user`` and ``recorded_at`` the server's clock, whatever the
  client sends;
- every event locks its location's row (``FOR UPDATE``) for the rest of its transaction,
  so writers of one location take turns and writers of different locations never wait;
- the derived columns of ``review_locations`` (status, decisions, dates) change only while
  EV Planner rewrites them from the log after an event (a QGIS attribute edit of a decision
  is refused); a location is never deleted (it is cancelled with an event);
- every appended event is announced with ``NOTIFY <schema>_events`` (payload: location_id),
  so open review docks refresh.
"""

from __future__ import annotations

from typing import Dict, List, Sequence, Tuple

from .pg_target import MAX_IDENTIFIER
from .states import ACTIONS, DECISION_ACTIONS, ReviewConfig
from .store import (
    CONFIG_TABLE,
    DERIVED_COLUMNS,
    EDITABLE_COLUMNS,
    EVENTS_TABLE,
    GEOMETRY_COLUMN,
    LOCATIONS_TABLE,
    REQUEST_COLUMNS,
    REQUESTS_TABLE,
    SITE_COLUMNS,
)

ROLES_TABLE = "review_roles"
ATTACHMENTS_TABLE = "review_attachments"
COORDINATOR_SUFFIX = "coordinator"
# Process steps after the decision; submit, resubmit, comment and check need any review role.
COORDINATOR_ACTIONS: Tuple[str, ...] = ("request", "permit", "install", "deliver", "cancel")
DERIVING_SETTING = "evplanner.deriving"
PG_TYPES = {"INTEGER": "bigint", "REAL": "double precision", "TEXT": "text", "DATETIME": "timestamptz"}
TIME_COLUMNS = ("created_at", "status_since", "last_event_at")


def ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def department_role(schema: str, department_column: str) -> str:
    """``review2026`` + ``decision_openbare_ruimte`` -> ``review2026_openbare_ruimte``."""
    return f"{schema}_{department_column[len('decision_') :]}"


def coordinator_role(schema: str) -> str:
    return f"{schema}_{COORDINATOR_SUFFIX}"


def notify_channel(schema: str) -> str:
    return f"{schema}_events"


def review_roles(schema: str, config: ReviewConfig) -> Dict[str, str]:
    """Department name -> its group role."""
    return {d.name: department_role(schema, d.column) for d in config.departments}


def too_long_roles(schema: str, config: ReviewConfig) -> List[str]:
    names = [*review_roles(schema, config).values(), coordinator_role(schema)]
    return [name for name in names if len(name) > MAX_IDENTIFIER]


class ReviewSql:
    """The statements of one review schema."""

    def __init__(self, schema: str, config: ReviewConfig) -> None:
        self.schema = schema
        self.config = config
        self.roles = review_roles(schema, config)
        self.coordinator = coordinator_role(schema)

    def t(self, table: str) -> str:
        return f"{ident(self.schema)}.{ident(table)}"

    @property
    def all_roles(self) -> List[str]:
        return [*self.roles.values(), self.coordinator]

    # --- tables ---------------------------------------------------------------------------
    def tables(self, srid: int, attribute_columns: Sequence[Tuple[str, str]]) -> List[str]:
        location_columns = [
            "fid bigserial PRIMARY KEY",
            f"{GEOMETRY_COLUMN} geometry(Point, {int(srid)})",
            "location_id text NOT NULL UNIQUE",
        ]
        location_columns += [f"{ident(col)} {PG_TYPES.get(sql, 'text')}" for col, sql in attribute_columns]
        location_columns += [f"{name} {PG_TYPES[sql]}" for name, sql in EDITABLE_COLUMNS]
        location_columns += [
            "created_at timestamptz",
            "status text NOT NULL DEFAULT 'proposed'",
            "status_since timestamptz",
        ]
        location_columns += [f"{ident(d.column)} text" for d in self.config.departments]
        location_columns += [
            "awaiting text",
            "installer text",
            "last_event_at timestamptz",
            "event_count integer",
        ]
        location_columns += [f"{name} {PG_TYPES[sql]}" for name, sql in SITE_COLUMNS]
        requests = ", ".join(
            f"{name} {PG_TYPES[sql.split()[0]]}{' NOT NULL UNIQUE' if 'UNIQUE' in sql else ''}"
            for name, sql in REQUEST_COLUMNS
        )
        return [
            f"CREATE SCHEMA {ident(self.schema)}",
            f"CREATE TABLE {self.t(LOCATIONS_TABLE)} ({', '.join(location_columns)})",
            f"CREATE INDEX ON {self.t(LOCATIONS_TABLE)} USING gist ({GEOMETRY_COLUMN})",
            f"""CREATE TABLE {self.t(EVENTS_TABLE)} (
              fid bigserial PRIMARY KEY, event_id text NOT NULL UNIQUE,
              location_id text NOT NULL REFERENCES {self.t(LOCATIONS_TABLE)} (location_id),
              at timestamptz NOT NULL, actor text, department text, action text NOT NULL
                CHECK (action IN ({", ".join(literal(a) for a in ACTIONS)})),
              reason text, comment text, attachment text, installer text, source text,
              recorded_at timestamptz NOT NULL DEFAULT clock_timestamp())""",
            f"CREATE INDEX review_events_location ON {self.t(EVENTS_TABLE)} (location_id, fid)",
            f"CREATE TABLE {self.t(CONFIG_TABLE)} (fid serial PRIMARY KEY, key text NOT NULL UNIQUE, value text)",
            f"CREATE TABLE {self.t(ROLES_TABLE)} (department text PRIMARY KEY, role name NOT NULL UNIQUE)",
            f"CREATE TABLE {self.t(REQUESTS_TABLE)} (fid bigserial PRIMARY KEY, {requests})",
            f"""CREATE TABLE {self.t(ATTACHMENTS_TABLE)} (
              fid bigserial PRIMARY KEY, name text NOT NULL UNIQUE,
              -- No foreign key: checking one needs UPDATE on review_events, which nobody holds.
              -- The photo and its event are written in one transaction.
              event_id text NOT NULL,
              content bytea NOT NULL, recorded_at timestamptz NOT NULL DEFAULT clock_timestamp())""",
            f"COMMENT ON TABLE {self.t(EVENTS_TABLE)} IS 'EV Planner review: append-only event log'",
            f"COMMENT ON SCHEMA {ident(self.schema)} IS 'EV Planner review'",
        ]

    # --- roles and grants -----------------------------------------------------------------
    def grants(self) -> List[str]:
        roles = ", ".join(ident(r) for r in self.all_roles)
        updatable = [name for name, _ in EDITABLE_COLUMNS] + list(DERIVED_COLUMNS)
        updatable += [d.column for d in self.config.departments]
        statements = [
            f"REVOKE ALL ON SCHEMA {ident(self.schema)} FROM PUBLIC",
            f"REVOKE ALL ON ALL TABLES IN SCHEMA {ident(self.schema)} FROM PUBLIC",
            f"GRANT USAGE ON SCHEMA {ident(self.schema)} TO {roles}",
            f"GRANT SELECT ON ALL TABLES IN SCHEMA {ident(self.schema)} TO {roles}",
            f"GRANT INSERT ON {self.t(EVENTS_TABLE)}, {self.t(ATTACHMENTS_TABLE)} TO {roles}",
            f"GRANT UPDATE ({', '.join(ident(c) for c in updatable)}) ON {self.t(LOCATIONS_TABLE)} TO {roles}",
            f"GRANT INSERT ON {self.t(LOCATIONS_TABLE)}, {self.t(REQUESTS_TABLE)} TO {ident(self.coordinator)}",
            f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {ident(self.schema)} TO {roles}",
        ]
        # The owner loses them too: a correction is a new event, also for the one who made the review.
        for table in (EVENTS_TABLE, ATTACHMENTS_TABLE):
            statements.append(f"REVOKE UPDATE, DELETE, TRUNCATE ON {self.t(table)} FROM PUBLIC, CURRENT_USER")
        statements.append(f"REVOKE DELETE, TRUNCATE ON {self.t(LOCATIONS_TABLE)} FROM PUBLIC, CURRENT_USER")
        return statements

    # --- triggers -------------------------------------------------------------------------
    def triggers(self) -> List[str]:
        return [
            *self._append_only(EVENTS_TABLE),
            *self._append_only(ATTACHMENTS_TABLE),
            self._event_guard(),
            f"CREATE TRIGGER review_events_guard BEFORE INSERT ON {self.t(EVENTS_TABLE)} "
            f"FOR EACH ROW EXECUTE FUNCTION {self.t('evp_guard_event')}()",
            f"""CREATE FUNCTION {self.t("evp_notify_event")}() RETURNS trigger LANGUAGE plpgsql
              SET search_path = pg_catalog, pg_temp AS $f$
              BEGIN PERFORM pg_notify({literal(notify_channel(self.schema))}, NEW.location_id); RETURN NULL; END $f$""",
            f"CREATE TRIGGER review_events_notify AFTER INSERT ON {self.t(EVENTS_TABLE)} "
            f"FOR EACH ROW EXECUTE FUNCTION {self.t('evp_notify_event')}()",
            self._location_guard(),
            f"CREATE TRIGGER review_locations_guard BEFORE UPDATE OR DELETE ON {self.t(LOCATIONS_TABLE)} "
            f"FOR EACH ROW EXECUTE FUNCTION {self.t('evp_guard_location')}()",
        ]

    def _append_only(self, table: str) -> List[str]:
        function = self.t(f"evp_refuse_change_{table}")
        message = literal(f"EV Planner: {table} is append-only; record a correcting event instead.")
        return [
            f"""CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql
              SET search_path = pg_catalog, pg_temp AS $f$
              BEGIN RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = {message}; END $f$""",
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {self.t(table)} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}()",
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {self.t(table)} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
        ]

    def _event_guard(self) -> str:
        decisions = ", ".join(literal(a) for a in DECISION_ACTIONS)
        steps = ", ".join(literal(a) for a in COORDINATOR_ACTIONS)
        coordinator = literal(self.coordinator)
        return f"""CREATE FUNCTION {self.t("evp_guard_event")}() RETURNS trigger LANGUAGE plpgsql
          SET search_path = pg_catalog, pg_temp AS $f$
          DECLARE needed name;
          BEGIN
            NEW.actor := session_user;
            NEW.recorded_at := clock_timestamp();
            IF NEW.department IS NOT NULL THEN
              SELECT r.role INTO needed FROM {self.t(ROLES_TABLE)} r WHERE r.department = NEW.department;
              IF needed IS NULL THEN
                RAISE EXCEPTION USING ERRCODE = '23514',
                  MESSAGE = format('EV Planner: %s is not a department of this review.', NEW.department);
              END IF;
              IF NOT pg_has_role(current_user, needed, 'USAGE') THEN
                RAISE EXCEPTION USING ERRCODE = '42501',
                  MESSAGE = format('EV Planner: %s may not record events for %s: that needs membership of the role %s.',
                                   session_user, NEW.department, needed);
              END IF;
            ELSIF NEW.action IN ({decisions}) THEN
              RAISE EXCEPTION USING ERRCODE = '23514',
                MESSAGE = format('EV Planner: a %s needs the department that decides.', NEW.action);
            END IF;
            IF NEW.action IN ({steps}) AND NOT pg_has_role(current_user, {coordinator}, 'USAGE') THEN
              RAISE EXCEPTION USING ERRCODE = '42501',
                MESSAGE = format('EV Planner: %s may not record %s: process steps need membership of the role %s.',
                                 session_user, NEW.action, {coordinator});
            END IF;
            IF NEW.department IS NULL AND NOT pg_has_role(current_user, {coordinator}, 'USAGE')
               AND NOT EXISTS (SELECT 1 FROM {self.t(ROLES_TABLE)} r WHERE pg_has_role(current_user, r.role, 'USAGE')) THEN
              RAISE EXCEPTION USING ERRCODE = '42501',
                MESSAGE = format('EV Planner: %s is a member of none of the roles of this review.', session_user);
            END IF;
            IF NEW.at > clock_timestamp() + interval '1 day' THEN
              RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'EV Planner: the event lies in the future.';
            END IF;
            -- Writers of one location take turns; the lock lasts until the transaction ends.
            PERFORM 1 FROM {self.t(LOCATIONS_TABLE)} WHERE location_id = NEW.location_id FOR UPDATE;
            IF NOT FOUND THEN
              RAISE EXCEPTION USING ERRCODE = '23503',
                MESSAGE = format('EV Planner: unknown location %s.', NEW.location_id);
            END IF;
            RETURN NEW;
          END $f$"""

    def _location_guard(self) -> str:
        derived = ["status", "status_since", "awaiting", "installer", "last_event_at", "event_count"]
        derived += [d.column for d in self.config.departments]
        new = ", ".join(f"NEW.{ident(c)}" for c in derived)
        old = ", ".join(f"OLD.{ident(c)}" for c in derived)
        return f"""CREATE FUNCTION {self.t("evp_guard_location")}() RETURNS trigger LANGUAGE plpgsql
          SET search_path = pg_catalog, pg_temp AS $f$
          BEGIN
            IF TG_OP = 'DELETE' THEN
              RAISE EXCEPTION USING ERRCODE = '42501',
                MESSAGE = 'EV Planner: a review location is never deleted; record a cancel event instead.';
            END IF;
            IF NEW.location_id IS DISTINCT FROM OLD.location_id OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
              RAISE EXCEPTION USING ERRCODE = '42501',
                MESSAGE = 'EV Planner: location_id and created_at of a review location never change.';
            END IF;
            IF ROW({new}) IS DISTINCT FROM ROW({old})
               AND coalesce(current_setting({literal(DERIVING_SETTING)}, true), '') <> 'on' THEN
              RAISE EXCEPTION USING ERRCODE = '42501',
                MESSAGE = 'EV Planner: status and decisions follow the event log; record an event (review dock '
                          'or evplanner:importreviewevents) instead of editing them.';
            END IF;
            RETURN NEW;
          END $f$"""
