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

import base64
import functools
import re
from typing import Any, Iterable
from urllib.parse import quote, quote_plus


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


class CanceledError(EvPlannerError):
    """The user canceled. The one cancel exception of EV Planner: core code raises it from any
    long step, and ``processing/base.py`` turns it into "Canceled: nothing was written." after
    removing what the run had begun to write (see docs/architecture.md, "Cancelling")."""

    def __init__(self, template: str = "Canceled: nothing was written.", **values: Any) -> None:
        super().__init__(template, **values)


class ReviewError(EvPlannerError):
    """A review GeoPackage or one of its events cannot be used."""


def tr_noop(text: str) -> str:
    """Mark a constant text for translation; the glue translates it where it is shown.

    ``scripts/update_translations.py`` collects the argument like that of ``tr()``.
    """
    return text


REDACTED = "***"
_MIN_DERIVED_FORM = 6  # shorter encodings of a short secret would hide ordinary words


def secret_forms(secret: str) -> list[str]:
    """Every form in which ``secret`` may come back in a server's answer, longest first.

    The secret as given; its base64 (standard and URL-safe, with and without padding)
    and that of ``Token <secret>``; each of these URL-encoded (``quote``, ``quote_plus``
    and every byte as ``%XX``). :func:`redact` matches them in any letter case.
    """
    forms = {secret}
    raw = secret.encode("utf-8")
    for data in (raw, b"Token " + raw):
        for encoded in (base64.b64encode(data), base64.urlsafe_b64encode(data)):
            text = encoded.decode("ascii")
            forms.update((text, text.rstrip("=")))
    for form in list(forms):
        forms.update((quote(form), quote(form, safe=""), quote_plus(form)))
        forms.add("".join(f"%{byte:02X}" for byte in form.encode("utf-8")))
    derived = (form for form in forms if form == secret or len(form) >= _MIN_DERIVED_FORM)
    return sorted(derived, key=len, reverse=True)


@functools.lru_cache(maxsize=32)
def _secret_patterns(secrets: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    forms = {form for secret in secrets for form in secret_forms(secret)}
    # Longest first, so that a secret containing another one is hidden whole.
    return tuple(re.compile(re.escape(form), re.IGNORECASE) for form in sorted(forms, key=len, reverse=True))


def redact(text: str, secrets: Iterable[str | None]) -> str:
    """Return ``text`` with every form of every non-empty secret replaced by ``***``.

    Servers echo tokens back in other letter cases, base64-decoded or -encoded and
    URL-encoded: every form of :func:`secret_forms` is hidden, case-insensitively.
    """
    key = tuple(sorted({s for s in secrets if s}))
    for pattern in _secret_patterns(key) if key else ():
        text = pattern.sub(REDACTED, text)
    return text


def redact_message(message: Message, secrets: Iterable[str | None]) -> Message:
    """``message`` with its text values redacted; it keeps its template, so it is still translated."""
    secrets = list(secrets)
    if not isinstance(message, Message):
        return Message(redact(str(message), secrets))
    values = {
        name: redact(value, secrets) if isinstance(value, str) else value
        for name, value in message.values.items()
    }
    return Message(message.template, **values)
