"""The one small HTTP client of EV Planner, over an injected transport.

Every remote source goes through :class:`HttpClient` so that they all behave the
same for a municipal user behind a proxy: timeouts on connect and read, retries
with exponential backoff on timeouts, connection errors, 5xx and 429 (honouring
``Retry-After``, and giving way to Cancel within a fraction of a second), a clear
``User-Agent`` and errors that explain what failed without ever showing a token or
API key (query strings are dropped from URLs in messages and every registered
secret is redacted, in every form and letter case: see
:func:`~ev_planner.core.errors.redact`). Server answers are parsed by
:func:`response_json`, which refuses absurd nesting (:mod:`ev_planner.core.safe_json`).

The bytes travel through a :class:`Transport`: :class:`RequestsTransport` (on
``requests``) for the plain-Python API, and inside QGIS the Processing glue's
``QgisTransport``, so that QGIS's proxy, certificates and timeout apply
(docs/architecture.md, "HTTP").
"""

from __future__ import annotations

import email.utils
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Iterator, Mapping, Protocol
from urllib.parse import urlsplit, urlunsplit

import requests
from requests.utils import get_encoding_from_headers, guess_json_utf

from .errors import AuthenticationError, CanceledError, Message, SourceError, redact
from .safe_json import parse_json

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
DEFAULT_TIMEOUT = 60.0
CONNECT_TIMEOUT = 15.0
CANCEL_CHECK_INTERVAL = 0.1  # seconds between looks at Cancel while waiting to retry
_CHUNK = 1 << 20


def plugin_version() -> str:
    """Version of the plugin, read from ``metadata.txt`` (the single place it is kept)."""
    metadata = Path(__file__).resolve().parent.parent / "metadata.txt"
    try:
        for line in metadata.read_text(encoding="utf-8").splitlines():
            if line.startswith("version="):
                return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return "0"


USER_AGENT = f"EV Planner/{plugin_version()} (QGIS plugin; +https://github.com/evplanner/ev_planner)"


def url_for_message(url: str) -> str:
    """``url`` without query string, user info or fragment: safe to show (keys often travel there)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<invalid URL>"
    netloc = parts.hostname or ""
    if parts.port:
        netloc = f"{netloc}:{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


class HttpStatusError(SourceError):
    """The server answered with an HTTP error status (after retries, where they apply)."""

    def __init__(self, template: str, status: int, **values: Any) -> None:
        super().__init__(template, status=status, **values)
        self.status = status


class HttpAuthenticationError(AuthenticationError):
    """HTTP 401 or 403; ``status`` tells which."""

    def __init__(self, template: str, status: int, **values: Any) -> None:
        super().__init__(template, status=status, **values)
        self.status = status


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


# --- the transport interface -------------------------------------------------------------
class Headers(Mapping[str, str]):
    """Response headers; names are case-insensitive (``headers["content-type"]``)."""

    def __init__(self, items: Iterable[tuple[str, str]] | Mapping[str, str] = ()) -> None:
        pairs = items.items() if isinstance(items, Mapping) else items
        self._items: dict[str, tuple[str, str]] = {}
        for name, value in pairs:
            key = name.lower()
            if key in self._items:  # a repeated header: joined as HTTP allows (RFC 9110 5.3)
                name, value = self._items[key][0], f"{self._items[key][1]}, {value}"
            self._items[key] = (name, value)

    def __getitem__(self, name: str) -> str:
        return self._items[name.lower()][1]

    def __iter__(self) -> Iterator[str]:
        return (name for name, _value in self._items.values())

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"Headers({dict(self.items())!r})"


@dataclass(frozen=True)
class HttpRequest:
    """One request as a transport sends it: the URL with its query, the headers, the body."""

    method: str
    url: str
    headers: Mapping[str, str]
    body: bytes | None = None
    timeout: float = DEFAULT_TIMEOUT  # seconds without progress before giving up


@dataclass
class HttpResponse:
    """A server's answer, whichever transport brought it."""

    status_code: int
    reason: str = ""
    headers: Headers = field(default_factory=Headers)
    content: bytes = b""  # empty when the body was streamed into a file
    url: str = ""
    encoding: str | None = None  # the charset the headers declare, if any

    @property
    def text(self) -> str:
        return self.content.decode(self.encoding or "utf-8", errors="replace")

    def close(self) -> None:
        """Nothing to release: the body has been read already (kept for callers of any response)."""


def encoding_from_headers(headers: Mapping[str, str]) -> str | None:
    """The charset of a Content-Type, with requests' defaults (JSON UTF-8, text/* Latin-1)."""
    content_type = headers.get("Content-Type")
    return get_encoding_from_headers({"content-type": content_type}) if content_type else None


class TransportError(Exception):
    """The request got no HTTP answer. ``error_type`` names the failure for the message."""

    def __init__(self, error_type: str = "") -> None:
        super().__init__(error_type)
        self.error_type = error_type or type(self).__name__


class TransportTimeoutError(TransportError):
    """No answer, or no progress, within the timeout."""


class TransportConnectError(TransportError):
    """No connection: wrong host, refused, the network or a proxy in the way."""


class TransportTlsError(TransportError):
    """The secure connection failed: an untrusted or wrong certificate."""


class Transport(Protocol):
    """Sends one request and returns the answer; raises a :class:`TransportError` without one.

    With ``into``, the body of a 2xx answer is written to that binary file instead of
    into ``content``; any other answer keeps its body in ``content``. Retries,
    backoff and messages are :class:`HttpClient`'s business, not the transport's.
    """

    def send(self, request: HttpRequest, into: BinaryIO | None = None) -> HttpResponse: ...

    def close(self) -> None: ...


class RequestsTransport:
    """The transport of the plain-Python API, on ``requests`` (and its certifi CA bundle).

    ``proxies`` is a requests proxy mapping (``{"http": ..., "https": ...}``), passed
    with every request so that it wins over the environment's (``HTTPS_PROXY`` etc.).
    """

    def __init__(self, proxies: Mapping[str, str] | None = None, verify: bool | str = True) -> None:
        self.session = requests.Session()
        self.session.verify = verify
        self.proxies = dict(proxies) if proxies else None

    def close(self) -> None:
        self.session.close()

    def send(self, request: HttpRequest, into: BinaryIO | None = None) -> HttpResponse:
        try:
            response = self.session.request(
                request.method,
                request.url,
                headers=dict(request.headers),
                data=request.body,
                stream=True,
                proxies=self.proxies,
                timeout=(min(CONNECT_TIMEOUT, request.timeout), request.timeout),
            )
            try:
                content = self._body(response, into)
            finally:
                response.close()
        except requests.Timeout:
            raise TransportTimeoutError() from None
        except requests.exceptions.SSLError:
            raise TransportTlsError() from None
        except requests.ConnectionError:
            raise TransportConnectError() from None
        except requests.RequestException as exc:
            raise TransportError(type(exc).__name__) from None
        return HttpResponse(
            status_code=response.status_code,
            reason=response.reason or "",
            headers=Headers(response.headers.items()),
            content=content,
            url=response.url,
            encoding=response.encoding,
        )

    @staticmethod
    def _body(response: requests.Response, into: BinaryIO | None) -> bytes:
        if into is None or not 200 <= response.status_code < 300:
            return response.content
        # Undo a gzip Content-Encoding; a .gz file itself stays gzip (open_dump detects it).
        response.raw.decode_content = True
        shutil.copyfileobj(response.raw, into, _CHUNK)
        return b""


class HttpClient:
    """GET/POST with timeouts, retries and readable errors, over a :class:`Transport`.

    ``transport`` defaults to a :class:`RequestsTransport` with ``proxies`` and
    ``verify``; the Processing glue passes QGIS's own. ``secrets`` are values to
    redact from every message (tokens, API keys). ``is_canceled`` is asked before
    every attempt and during every wait, which then ends with
    :class:`~ev_planner.core.errors.CanceledError`. ``sleep`` replaces that
    cancellable wait (tests of the retry logic record the waits instead).
    """

    def __init__(
        self,
        timeout: float = DEFAULT_TIMEOUT,
        retries: int = 3,
        backoff: float = 1.0,
        max_wait: float = 120.0,
        proxies: Mapping[str, str] | None = None,
        secrets: Iterable[str | None] = (),
        user_agent: str = USER_AGENT,
        sleep: Callable[[float], None] | None = None,
        log: Callable[[str], None] | None = None,
        verify: bool | str = True,
        transport: Transport | None = None,
        is_canceled: Callable[[], bool] | None = None,
    ) -> None:
        self.timeout = float(timeout)
        self.retries = max(0, int(retries))
        self.backoff = max(0.0, float(backoff))
        self.max_wait = float(max_wait)
        self.secrets: list[str] = [s for s in secrets if s]
        self.sleep = sleep if sleep is not None else self._cancellable_sleep
        self.is_canceled = is_canceled or (lambda: False)
        self.log = log
        self.user_agent = user_agent
        self.transport: Transport = transport or RequestsTransport(proxies, verify)

    def add_secret(self, secret: str | None) -> None:
        if secret:
            self.secrets.append(secret)

    def close(self) -> None:
        self.transport.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ------------------------------------------------------------------------------------
    def _shown(self, value: Any) -> Any:
        """A message value with the secrets hidden (texts only; numbers and message parts as they are)."""
        return redact(value, self.secrets) if isinstance(value, str) else value

    def _wait_before_retry(self, attempt: int, retry_after: float | None) -> float:
        wait = self.backoff * (2**attempt) if retry_after is None else retry_after
        return min(wait, self.max_wait)

    def _check_canceled(self) -> None:
        if self.is_canceled():
            raise CanceledError()

    def _cancellable_sleep(self, seconds: float) -> None:
        """Sleep ``seconds`` in short slices, so that Cancel ends even a long ``Retry-After``."""
        deadline = time.monotonic() + seconds
        while True:
            self._check_canceled()
            left = deadline - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(CANCEL_CHECK_INTERVAL, left))

    def _prepare(
        self,
        method: str,
        url: str,
        params: Mapping[str, Any] | None,
        headers: Mapping[str, str] | None,
        data: Any,
    ) -> HttpRequest:
        """The request with its query and body encoded as requests encodes them."""
        prepared = requests.Request(method.upper(), url, params=params, data=data).prepare()
        body = prepared.body.encode("utf-8") if isinstance(prepared.body, str) else prepared.body
        merged = {"User-Agent": self.user_agent}
        if prepared.headers.get("Content-Type"):
            merged["Content-Type"] = prepared.headers["Content-Type"]
        merged.update(headers or {})
        return HttpRequest(prepared.method or method, prepared.url or url, merged, body, self.timeout)

    def request(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        data: Any = None,
        into: BinaryIO | None = None,
        raise_for_status: bool = True,
    ) -> HttpResponse:
        """Send a request, retrying transient failures; return the (2xx) response.

        401/403 raise :class:`HttpAuthenticationError`, other error statuses
        :class:`HttpStatusError`; with ``raise_for_status=False`` the caller gets
        every non-retried response as it is. With ``into`` (a binary file), the
        body of the 2xx answer is written there (from its start: a retry rewrites it).
        """
        shown = url_for_message(url)
        try:
            prepared = self._prepare(method, url, params, headers, data)
        except (requests.RequestException, ValueError) as exc:
            raise SourceError(
                "Request to {url} failed: {error_type}.",
                url=self._shown(shown),
                error_type=type(exc).__name__,
            ) from None
        attempt = 0
        while True:
            self._check_canceled()
            if into is not None:
                into.seek(0)
                into.truncate()
            response, problem, retry_after = self._attempt(prepared, into, shown, attempt)
            if response is not None:
                if raise_for_status:
                    self._raise_for_status(response, shown)
                return response
            if attempt >= self.retries:
                raise SourceError(
                    "{url}: {problem}, after {attempts} attempts.",
                    url=self._shown(shown),
                    problem=problem,
                    attempts=attempt + 1,
                )
            wait = self._wait_before_retry(attempt, retry_after)
            if self.log is not None:
                self.log(
                    Message(
                        "{url}: {problem}; retrying in {seconds:.1f} s.",
                        url=self._shown(shown),
                        problem=problem,
                        seconds=wait,
                    )
                )
            self.sleep(wait)
            attempt += 1

    def _attempt(
        self, prepared: HttpRequest, into: BinaryIO | None, shown: str, attempt: int
    ) -> tuple[HttpResponse | None, SourceError | None, float | None]:
        """One try: (the answer, None, None), or (None, what went wrong, Retry-After) to retry.

        Failures that retrying cannot mend raise at once, and so does the last retryable one
        when it is an HTTP status.
        """
        try:
            response = self.transport.send(prepared, into)
        except TransportTimeoutError:
            # Message parts are SourceErrors too, so that they are translated with the message.
            return None, SourceError("no answer within {seconds:g} s", seconds=self.timeout), None
        except TransportTlsError:
            raise SourceError(
                "Secure connection to {url} failed (TLS certificate problem). "
                "Check the address and your organisation's certificate settings.",
                url=self._shown(shown),
            ) from None
        except TransportConnectError:
            problem = SourceError(
                "cannot connect (check the address, your network and the QGIS proxy settings)"
            )
            return None, problem, None
        except TransportError as exc:
            raise SourceError(
                "Request to {url} failed: {error_type}.",
                url=self._shown(shown),
                error_type=exc.error_type,
            ) from None
        if response.status_code not in RETRY_STATUSES:
            return response, None, None
        if response.reason:
            problem = SourceError(
                "HTTP {status} {reason}", status=response.status_code, reason=self._shown(response.reason)
            )
        else:
            problem = SourceError("HTTP {status}", status=response.status_code)
        response.close()
        if attempt >= self.retries:
            self._raise_retries_exhausted(response.status_code, shown, problem, attempt + 1)
        return None, problem, parse_retry_after(response.headers.get("Retry-After"))

    def _raise_retries_exhausted(self, status: int, shown: str, problem: SourceError, attempts: int) -> None:
        if status == 429:
            raise HttpStatusError(
                "{url} keeps refusing requests: too many requests (HTTP 429) "
                "after {attempts} attempts. Try again later.",
                429,
                url=self._shown(shown),
                attempts=attempts,
            )
        raise HttpStatusError(
            "The server {url} failed ({problem}) after {attempts} attempts. "
            "Try again later or contact its operator.",
            status,
            url=self._shown(shown),
            problem=problem,
            attempts=attempts,
        )

    def _raise_for_status(self, response: HttpResponse, shown: str) -> None:
        status = response.status_code
        if status < 400:
            return
        response.close()
        if status in (401, 403):
            raise HttpAuthenticationError(
                "{url} refused the credentials (HTTP {status}). "
                "Check the token or API key and its permissions.",
                status,
                url=self._shown(shown),
            )
        if status == 404:
            raise HttpStatusError(
                "{url} does not exist (HTTP 404). Check the address.", 404, url=self._shown(shown)
            )
        if response.reason:
            raise HttpStatusError(
                "{url} answered HTTP {status} {reason}.",
                status,
                url=self._shown(shown),
                reason=self._shown(response.reason),
            )
        raise HttpStatusError("{url} answered HTTP {status}.", status, url=self._shown(shown))

    def get(self, url: str, **kwargs: Any) -> HttpResponse:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> HttpResponse:
        return self.request("POST", url, **kwargs)

    def get_json(self, url: str, **kwargs: Any) -> Any:
        return decode_json(self.get(url, **kwargs), self.secrets)


def response_text(response: HttpResponse) -> str:
    """The body of a JSON answer as text, decoded as ``Response.json()`` decodes it."""
    content = response.content
    if not response.encoding and content and len(content) > 3:
        encoding = guess_json_utf(content)  # JSON without a charset: UTF-8, -16 or -32
        if encoding is not None:
            try:
                return content.decode(encoding)
            except UnicodeDecodeError:
                pass
    return response.text


def response_json(response: HttpResponse, secrets: Iterable[str] = ()) -> Any:
    """The JSON body of ``response`` through :func:`~ev_planner.core.safe_json.parse_json`.

    Raises ``ValueError`` when the body is not JSON (callers word that themselves) and a
    :class:`SourceError` when it is nested absurdly deep.
    """
    # Redacted before the query is cut off: a cut must not leave part of a secret behind.
    shown = url_for_message(redact(response.url or "", secrets))
    return parse_json(response_text(response), shown, from_server=True)


def decode_json(response: HttpResponse, secrets: Iterable[str] = ()) -> Any:
    """The JSON body of ``response``, or a :class:`SourceError` saying it is not JSON."""
    try:
        return response_json(response, secrets)
    except ValueError:
        # Redacted before it is cut, so that no part of a secret survives at the cut.
        snippet = redact(response.text[:4096], secrets)[:120].replace("\n", " ")
        raise SourceError(
            "{url} did not answer valid JSON (content type {content_type}): {snippet!r}",
            url=url_for_message(redact(response.url, secrets)),
            content_type=redact(response.headers.get("Content-Type", "unknown"), secrets),
            snippet=snippet,
        ) from None
