"""The OCPI credential parameters: TOKEN, TOKEN_ENV and AUTHCFG, and the token they give.

Precedence when several are given: ``TOKEN``, then ``TOKEN_ENV``, then
``AUTHCFG`` (the first non-empty one is used, the others are ignored). The
token is registered as a secret of the algorithm, so every message hides it.
"""

from __future__ import annotations

import os
import re
from typing import Any

from qgis.core import (
    QgsApplication,
    QgsAuthMethodConfig,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterString,
)

from ..compat import PARAMETER_ADVANCED
from ..i18n import tr

# The OCPI credential parameters (a public interface).
TOKEN, TOKEN_ENV, AUTHCFG = "TOKEN", "TOKEN_ENV", "AUTHCFG"

_VARIABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def token_parameters() -> tuple[QgsProcessingParameterDefinition, ...]:
    """TOKEN, TOKEN_ENV and AUTHCFG, as every OCPI algorithm defines them (the last two advanced)."""
    token = QgsProcessingParameterString(TOKEN, tr("Token"), optional=True)
    token.setHelp(
        tr(
            "OCPI token (credentials token C) of the server. Prefer an authentication configuration: a token "
            "typed here can end up in the processing history."
        )
    )
    token_env = QgsProcessingParameterString(
        TOKEN_ENV, tr("Environment variable holding the token"), optional=True
    )
    token_env.setHelp(
        tr(
            "For batch runs: the name of an environment variable whose value is the OCPI token, e.g. "
            "EVP_OCPI_TOKEN. The token then appears on no command line and in no log. Used when Token is "
            "empty; wins over Authentication configuration."
        )
    )
    token_env.setFlags(token_env.flags() | PARAMETER_ADVANCED)
    authcfg = QgsProcessingParameterAuthConfig(AUTHCFG, tr("Authentication configuration"), optional=True)
    authcfg.setHelp(
        tr(
            "A QGIS authentication configuration holding the token (method API Header or Basic, the token "
            "as value or password). Used when Token and Environment variable holding the token are empty."
        )
    )
    authcfg.setFlags(authcfg.flags() | PARAMETER_ADVANCED)
    return token, token_env, authcfg


def resolve_token(algorithm, parameters: dict[str, Any], context: QgsProcessingContext) -> str | None:
    """The token from TOKEN, else TOKEN_ENV, else AUTHCFG; every form of it is registered as a secret."""
    token = algorithm.parameterAsString(parameters, TOKEN, context).strip() or None
    variable = algorithm.parameterAsString(parameters, TOKEN_ENV, context).strip()
    authcfg = algorithm.parameterAsString(parameters, AUTHCFG, context).strip()
    if token is None and variable:
        token = token_from_environment(variable)
    elif token is None and authcfg:
        token = token_from_authcfg(authcfg)
    if token:
        # redact() also hides its other forms: any letter case, base64 (as OCPI 2.2 sends it), URL-encoded.
        algorithm.register_secret(token)
    return token


def token_from_environment(variable: str) -> str:
    """The token in the environment variable ``variable``; an error names the variable, never a value."""
    if not _VARIABLE_NAME.match(variable):
        # Likely the token itself (e.g. a shell-expanded $VARIABLE): never repeat it.
        raise QgsProcessingException(
            tr(
                "TOKEN_ENV must be the name of an environment variable (letters, digits and _, e.g. "
                "EVP_OCPI_TOKEN), not the token."
            )
        )
    token = os.environ.get(variable, "").strip()
    if not token:
        raise QgsProcessingException(
            tr(
                "The environment variable {name} (TOKEN_ENV) is not set or is empty: set it to the OCPI "
                "token before running the algorithm."
            ).format(name=variable)
        )
    return token


def auth_config_values(authcfg: str) -> dict[str, str]:
    """The settings a QGIS authentication configuration holds (decrypted; never to be logged)."""
    manager = QgsApplication.authManager()
    config = QgsAuthMethodConfig()
    if not manager.loadAuthenticationConfig(authcfg, config, True) or not config.isValid(True):
        raise QgsProcessingException(
            tr(
                "The authentication configuration {id} cannot be read: check its id and the master password."
            ).format(id=authcfg)
        )
    return dict(config.configMap())


def token_from_authcfg(authcfg: str) -> str | None:
    """The token held by a QGIS authentication configuration.

    Works with the configurations a user makes for a token: "API Header"
    (the header value), "Basic" (the password) or any method whose settings
    hold a ``token``. A stored ``Token <value>`` header keeps only the value.
    """
    if not authcfg:
        return None
    values = auth_config_values(authcfg)
    token = values.get("token") or values.get("password") or ""
    if not token:
        candidates = [v for k, v in values.items() if v and k.lower() not in ("username", "realm", "key")]
        token = candidates[0] if len(candidates) == 1 else ""
    token = token.strip()
    if token.lower().startswith("token "):
        token = token[6:].strip()
    if not token:
        raise QgsProcessingException(
            tr(
                "The authentication configuration {id} holds no token (use the API Header or Basic method)."
            ).format(id=authcfg)
        )
    return token
