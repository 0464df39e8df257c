"""Exceptions whose messages are written for the user.

The Processing glue maps every :class:`EvPlannerError` to a
``QgsProcessingException`` with the same message, so messages must explain what
is wrong and what to do, in plain words, and must never contain secrets.

A message is an English template with named values, so the glue can translate
the template and fill in the same values::

    raise InputError("The layer {layer} has no field {field}.", layer=name, field=field)

Format specs belong in the template (``{count:,}``); values are passed raw.
``scripts/update_translations.py`` collects the templates (the first string
argument of a call to any class deriving from :class:`EvPlannerError`), so the
template must be a literal, never an f-string. A message without values is
plain text: it is not formatted, so it needs no ``{{``/``}}`` escaping.
"""

from __future__ import annotations

from typing import Any, Iterable


class EvPlannerError(Exception):
    """Base class of every error EV Planner reports to a user.

    ``template`` is the English message, ``values`` the named values it refers
    to; ``str(exc)`` is the template filled in with the values.
    """

    def __init__(self, template: str = "", **values: Any) -> None:
        self.template = template
        self.values = values
        super().__init__(format_message(template, values))


def format_message(template: str, values: dict[str, Any]) -> str:
    """``template`` filled in with ``values``; a template without values is returned as it is."""
    if not values:
        return template
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        # A broken template must not hide the error it describes.
        return f"{template} {values!r}"


class Message(str):
    """A note or log line for the user: the English text itself (it is a ``str``), carrying
    its template and values like :class:`EvPlannerError` so that the glue can translate it.

    ``scripts/update_translations.py`` collects the templates of ``Message(...)`` calls.
    """

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, **values: Any) -> Message:
        text = super().__new__(cls, format_message(template, values))
        text.template = template
        text.values = values
        return text


class InputError(EvPlannerError):
    """The user's input (a layer, a field, a parameter value, a file) cannot be used."""


class SourceError(EvPlannerError):
    """A remote service or data source failed or answered something unusable."""


class AuthenticationError(SourceError):
    """A service refused the credentials (HTTP 401/403)."""


class ReviewError(EvPlannerError):
    """A review GeoPackage or one of its events cannot be used."""


def tr_noop(text: str) -> str:
    """Mark a constant text for translation; the glue translates it where it is shown.

    ``scripts/update_translations.py`` collects the argument like that of ``tr()``.
    """
    return text


REDACTED = "***"


def redact(text: str, secrets: Iterable[str | None]) -> str:
    """Return ``text`` with every non-empty secret replaced by ``***``.

    Longer secrets are replaced first so that a secret containing another one is
    still fully hidden.
    """
    for secret in sorted((s for s in secrets if s), key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    return text
