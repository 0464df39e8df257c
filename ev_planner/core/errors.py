"""Exceptions whose messages are written for the user.

The Processing glue maps every :class:`EvPlannerError` to a
``QgsProcessingException`` with the same message, so messages must explain what
is wrong and what to do, in plain words, and must never contain secrets.
"""

from __future__ import annotations

from typing import Iterable


class EvPlannerError(Exception):
    """Base class of every error EV Planner reports to a user."""


class InputError(EvPlannerError):
    """The user's input (a layer, a field, a parameter value, a file) cannot be used."""


class SourceError(EvPlannerError):
    """A remote service or data source failed or answered something unusable."""


class AuthenticationError(SourceError):
    """A service refused the credentials (HTTP 401/403)."""


class ReviewError(EvPlannerError):
    """A review GeoPackage or one of its events cannot be used."""


REDACTED = "***"


def redact(text: str, secrets: Iterable[str | None]) -> str:
    """Return ``text`` with every non-empty secret replaced by ``***``.

    Longer secrets are replaced first so that a secret containing another one is
    still fully hidden.
    """
    for secret in sorted((s for s in secrets if s), key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    return text
