"""Where a review lives: a GeoPackage path or a PostgreSQL schema, parsed from one text.

A PostgreSQL review is named in one of three ways, always with the schema that holds it:

- a libpq URI: ``postgresql://user@host:5432/dbname?schema=review2026``;
- libpq keywords, e.g. a pg_service.conf entry: ``service=gemeente schema=review2026``;
- a QGIS saved PostgreSQL connection: ``connection=Gemeente schema=review2026``.

``authcfg=ID`` may be added to either form: the password then comes from the QGIS
authentication manager. A password written into the text is refused: the text ends up
in Processing's history, in logs and on command lines, so passwords belong in the
authentication manager, pg_service.conf or .pgpass, where libpq finds them itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Tuple, Union
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from ..errors import InputError

URI_SCHEMES = ("postgresql://", "postgres://")
# Lower-case, unquoted SQL identifiers only: the schema also prefixes the review's role
# names, which a DBA types in GRANT statements.
_SCHEMA = re.compile(r"^[a-z_][a-z0-9_]*$")
MAX_IDENTIFIER = 63  # PostgreSQL's NAMEDATALEN - 1
# libpq's keyword syntax: a value is single-quoted or a run without spaces; in both a
# backslash escapes the next character.
_KEYWORD = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*('(?:[^'\\]|\\.)*'|(?:[^\s'\\]|\\.)+)")
_OWN_KEYWORDS = ("schema", "authcfg", "connection")
_PASSWORD_KEYWORDS = ("password", "passfile")


@dataclass(frozen=True)
class PostgresTarget:
    """A PostgreSQL review: libpq connection text (no schema, no password) and the schema."""

    conninfo: str
    schema: str
    authcfg: Optional[str] = None
    connection_name: Optional[str] = None  # a QGIS saved connection, resolved by the glue

    @property
    def label(self) -> str:
        """How messages and logs name the review; never holds a password."""
        where = f"connection {self.connection_name}" if self.connection_name else self.conninfo
        return f"{self.schema} ({where})"


ReviewTarget = Union[Path, PostgresTarget]


def is_postgres_target(text: object) -> bool:
    raw = str(text or "").strip()
    if raw.lower().endswith(".gpkg") or "|layername=" in raw:
        return False
    return raw.lower().startswith(URI_SCHEMES) or bool(re.match(r"^[A-Za-z_][A-Za-z0-9_]*\s*=", raw))


def parse_review_target(text: object) -> ReviewTarget:
    """A GeoPackage path or a :class:`PostgresTarget`; :class:`InputError` for a malformed PostgreSQL text."""
    raw = str(text or "").strip()
    if not is_postgres_target(raw):
        return Path(raw.split("|")[0].strip())
    if raw.lower().startswith(URI_SCHEMES):
        return _parse_uri(raw)
    return _parse_keywords(raw)


def checked_schema(schema: str) -> str:
    if not _SCHEMA.match(schema or "") or len(schema) > MAX_IDENTIFIER:
        raise InputError(
            "The schema name {schema!r} is not usable for a review: use lower-case letters, digits and "
            "underscores, starting with a letter (for example review2026).",
            schema=schema,
        )
    return schema


def _refuse_password() -> InputError:
    return InputError(
        "The PostgreSQL target contains a password. Passwords do not belong in a target (it is kept in "
        "Processing's history and logs): store it in the QGIS authentication manager and give its "
        "id (authcfg), or use pg_service.conf or .pgpass."
    )


def _parse_uri(raw: str) -> PostgresTarget:
    parts = urlsplit(raw)
    if parts.password is not None:
        raise _refuse_password()
    query: List[Tuple[str, str]] = parse_qsl(parts.query, keep_blank_values=True)
    own = {key: value for key, value in query if key in _OWN_KEYWORDS}
    if any(key in _PASSWORD_KEYWORDS for key, _ in query):
        raise _refuse_password()
    rest = [(key, value) for key, value in query if key not in _OWN_KEYWORDS]
    schema = unquote(own.get("schema", ""))
    if not schema:
        raise InputError(
            "The PostgreSQL target {target} names no schema: add ?schema=NAME (one schema is one review).",
            target=urlunsplit(parts._replace(query=urlencode(rest))),
        )
    conninfo = urlunsplit(parts._replace(query=urlencode(rest)))
    return PostgresTarget(conninfo, checked_schema(schema), own.get("authcfg") or None)


def _parse_keywords(raw: str) -> PostgresTarget:
    values = keyword_values(raw)
    if any(key in values for key in _PASSWORD_KEYWORDS):
        raise _refuse_password()
    schema = values.pop("schema", "")
    authcfg = values.pop("authcfg", "") or None
    connection = values.pop("connection", "") or None
    if not schema:
        raise InputError(
            "The PostgreSQL target {target} names no schema: add schema=NAME (one schema is one review).",
            target=raw,
        )
    if connection is None and not values:
        raise InputError(
            "The PostgreSQL target {target} says nothing about which database to use.", target=raw
        )
    return PostgresTarget(conninfo_text(values), checked_schema(schema), authcfg, connection)


def keyword_values(raw: str) -> Dict[str, str]:
    """libpq ``key=value`` pairs (values may be single-quoted); :class:`InputError` for anything else."""
    values: Dict[str, str] = {}
    position = 0
    while position < len(raw):
        if raw[position:].strip() == "":
            break
        match = _KEYWORD.match(raw, position)
        if match is None:
            raise InputError(
                "Cannot read the PostgreSQL target near {text!r}: write key=value pairs such as "
                "service=NAME schema=NAME.",
                text=raw[position : position + 30].strip(),
            )
        key, value = match.group(1).lower(), match.group(2)
        if value.startswith("'"):
            value = value[1:-1]
        value = re.sub(r"\\(.)", r"\1", value)
        values[key] = value
        position = match.end()
    return values


def conninfo_text(values: Dict[str, str]) -> str:
    """libpq keyword text, quoting values that need it."""

    def quoted(value: str) -> str:
        if value and not re.search(r"[\s'\\]", value):
            return value
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"

    return " ".join(f"{key}={quoted(str(value))}" for key, value in values.items())


def keyword_conninfo(conninfo: str) -> str:
    """``conninfo`` as libpq keywords: a URI is turned into ``host=… port=… dbname=… user=…``."""
    if not conninfo.lower().startswith(URI_SCHEMES):
        return conninfo
    parts = urlsplit(conninfo)
    values = {
        "host": unquote(parts.hostname or ""),
        "port": str(parts.port or ""),
        "dbname": unquote(parts.path.lstrip("/")),
        "user": unquote(parts.username or ""),
        **dict(parse_qsl(parts.query)),
    }
    return conninfo_text({key: value for key, value in values.items() if value})
