"""Which review an algorithm works on: a GeoPackage file or a PostgreSQL schema, and its credentials.

Every ``REVIEW`` parameter (and ``createreview``'s ``OUTPUT``) takes a ``.gpkg`` path or a
PostgreSQL target (see :mod:`ev_planner.core.review.pg_target`): a libpq URI, libpq keywords
such as ``service=NAME schema=NAME``, or ``connection=NAME schema=NAME`` for a QGIS saved
PostgreSQL connection. The password comes from the QGIS authentication manager
(``AUTHCFG``, or ``authcfg=`` in the target or the saved connection), or libpq finds it in
pg_service.conf or .pgpass. It is handed to the driver only, never to a log, an output or a
layer source: QGIS layers of a review carry the ``authcfg`` id instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Optional, Tuple

from qgis.core import (
    QgsDataSourceUri,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterFile,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from ..core.review.pg_target import (
    PostgresTarget,
    conninfo_text,
    is_postgres_target,
    keyword_conninfo,
    parse_review_target,
)
from ..core.review.store import GEOMETRY_COLUMN, LOCATIONS_TABLE, BaseReviewStore, ReviewStore
from ..i18n import tr
from .credentials import auth_config_values
from .parameters import PARAMETER_ADVANCED

AUTHCFG = "AUTHCFG"


class ReviewTargetParameter(QgsProcessingParameterFile):
    """A review file picker that also accepts a PostgreSQL target typed into it."""

    def __init__(self, name: str, description: str, optional: bool = False) -> None:
        super().__init__(name, description, optional=optional, fileFilter=tr("GeoPackage (*.gpkg)"))

    def clone(self) -> ReviewTargetParameter:
        copy = ReviewTargetParameter(self.name(), self.description())
        copy.setFlags(self.flags())
        copy.setHelp(self.help())
        copy.setMetadata(self.metadata())
        return copy

    def checkValueIsAcceptable(self, value: Any, context: Optional[QgsProcessingContext] = None) -> bool:
        if isinstance(value, str) and is_postgres_target(value):
            return True
        return super().checkValueIsAcceptable(value, context)


def review_parameter(name: str = "REVIEW") -> ReviewTargetParameter:
    parameter = ReviewTargetParameter(name, tr("Review (GeoPackage or PostgreSQL)"))
    parameter.setHelp(
        tr(
            "The review: a GeoPackage file, or a PostgreSQL schema written as "
            "postgresql://user@host/database?schema=NAME, service=NAME schema=NAME, or "
            "connection=NAME schema=NAME for a saved QGIS connection."
        )
    )
    return parameter


def authcfg_parameter() -> QgsProcessingParameterAuthConfig:
    parameter = QgsProcessingParameterAuthConfig(
        AUTHCFG, tr("Database authentication configuration"), optional=True
    )
    parameter.setHelp(
        tr(
            "For a PostgreSQL review: the QGIS authentication configuration (Basic: user name and "
            "password) to log in with. Without it, pg_service.conf, .pgpass or the saved connection apply."
        )
    )
    parameter.setFlags(parameter.flags() | PARAMETER_ADVANCED)
    return parameter


def resolve_target(text: str, authcfg: str = "") -> Tuple[Any, Optional[str], Optional[str]]:
    """The parsed target (a Path or a PostgresTarget) with the user and password to log in with."""
    target = parse_review_target(text)
    if not isinstance(target, PostgresTarget):
        return target, None, None
    saved = SavedLogin()
    if target.connection_name:
        target, saved = _saved_connection(target)
    authcfg = authcfg or target.authcfg or saved.authcfg or ""
    if authcfg:
        target = replace(target, authcfg=authcfg)
        user, password = _credentials(authcfg)
        return target, user, password
    return target, None, saved.password


def open_review(
    algorithm, parameters: dict, context: QgsProcessingContext, name: str = "REVIEW"
) -> BaseReviewStore:
    """The review store an algorithm's REVIEW parameter names (GeoPackage or PostgreSQL)."""
    text = algorithm.parameterAsString(parameters, name, context).strip()
    authcfg = (
        algorithm.parameterAsString(parameters, AUTHCFG, context).strip() if AUTHCFG in parameters else ""
    )
    return open_review_text(text, authcfg)


def open_review_text(text: str, authcfg: str = "") -> BaseReviewStore:
    from ..core.review.postgres import PostgresReviewStore

    target, user, password = resolve_target(text, authcfg)
    if isinstance(target, PostgresTarget):
        return PostgresReviewStore(target, password=password, user=user)
    return ReviewStore(target)


@dataclass(frozen=True)
class SavedLogin:
    """What a saved QGIS connection holds to log in: an authcfg id, or a password typed into it."""

    authcfg: Optional[str] = None
    password: Optional[str] = field(default=None, repr=False)


def _saved_connection(target: PostgresTarget) -> Tuple[PostgresTarget, SavedLogin]:
    """A saved QGIS PostgreSQL connection as libpq keywords (without its password), and its login."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    try:
        connection = metadata.findConnection(target.connection_name)
    except Exception:  # QgsProviderConnectionException: no such connection
        connection = None
    if connection is None:
        raise QgsProcessingException(
            tr("There is no saved PostgreSQL connection named {name} in this QGIS profile.").format(
                name=target.connection_name
            )
        )
    uri = QgsDataSourceUri(connection.uri())
    # The connection's name stays in the target, so messages name it rather than its keywords.
    resolved = replace(target, conninfo=libpq_keywords(uri))
    return resolved, SavedLogin(uri.authConfigId() or None, uri.password() or None)


def libpq_keywords(uri: QgsDataSourceUri) -> str:
    """Where a QGIS PostgreSQL source connects, as libpq keywords, without its password or authcfg."""
    values = {
        "service": uri.service(),
        "host": uri.host(),
        "port": uri.port(),
        "dbname": uri.database(),
        "user": uri.username(),
    }
    return conninfo_text({key: value for key, value in values.items() if value})


def _credentials(authcfg: str) -> Tuple[Optional[str], Optional[str]]:
    values = auth_config_values(authcfg)
    return values.get("username") or None, values.get("password") or None


def layer_source(store: BaseReviewStore, table: str = LOCATIONS_TABLE) -> Tuple[str, str]:
    """The QGIS data source and provider of one of the review's tables (no password in it)."""
    if isinstance(store, ReviewStore):
        return f"{store.path}|layername={table}", "ogr"
    target = store.target
    uri = QgsDataSourceUri(keyword_conninfo(target.conninfo))  # it reads keywords, not URIs
    if target.authcfg:
        uri.setAuthConfigId(target.authcfg)
    geometry = GEOMETRY_COLUMN if table == LOCATIONS_TABLE else ""
    uri.setDataSource(target.schema, table, geometry, "", "fid")
    return uri.uri(False), "postgres"


def review_layer(store: BaseReviewStore, name: str, table: str = LOCATIONS_TABLE) -> QgsVectorLayer:
    source, provider = layer_source(store, table)
    return QgsVectorLayer(source, name, provider)
