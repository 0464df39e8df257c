"""The one small HTTP client of EV Planner, on ``requests``.

Every remote source goes through :class:`HttpClient` so that they all behave the
same for a municipal user behind a proxy: timeouts on connect and read, retries
with exponential backoff on timeouts, connection errors, 5xx and 429 (honouring
``Retry-After``), a clear ``User-Agent`` and errors that explain what failed
without ever showing a token or API key (query strings are dropped from URLs in
messages and every registered secret is redacted, in every form and letter case:
see :func:`~ev_planner.core.errors.redact`). Server answers are parsed by
:func:`response_json`, which refuses absurd nesting (:mod:`ev_planner.core.safe_json`).
"""

from __future__ import annotations

import email.utils
import time
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping
from urllib.parse import urlsplit, urlunsplit

import requests
from requests.utils import guess_json_utf

from .errors import AuthenticationError, Message, SourceError, redact
from .safe_json import parse_json

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
DEFAULT_TIMEOUT = 60.0
CONNECT_TIMEOUT = 15.0


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


class HttpClient:
    """GET/POST with timeouts, retries and readable errors.

    ``proxies`` is a requests proxy mapping (``{"http": ..., "https": ...}``) that the
    Processing glue builds from the QGIS proxy settings; ``secrets`` are values to
    redact from every message (tokens, API keys). ``sleep`` is injectable so that
    tests of the retry logic do not wait.
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
        sleep: Callable[[float], None] = time.sleep,
        log: Callable[[str], None] | None = None,
        verify: bool | str = True,
    ) -> None:
        self.timeout = float(timeout)
        self.retries = max(0, int(retries))
        self.backoff = max(0.0, float(backoff))
        self.max_wait = float(max_wait)
        self.secrets: list[str] = [s for s in secrets if s]
        self.sleep = sleep
        self.log = log
        self.session = requests.Session()
        self.session.headers["User-Agent"] = user_agent
        self.session.verify = verify
        # Passed with every request: request-level proxies win over the environment's
        # (HTTPS_PROXY etc.), which requests would otherwise prefer to session-level ones.
        self.proxies = dict(proxies) if proxies else None

    def add_secret(self, secret: str | None) -> None:
        if secret:
            self.secrets.append(secret)

    def close(self) -> None:
        self.session.close()

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

    def request(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        data: Any = None,
        stream: bool = False,
        raise_for_status: bool = True,
    ) -> requests.Response:
        """Send a request, retrying transient failures; return the (2xx) response.

        401/403 raise :class:`HttpAuthenticationError`, other error statuses
        :class:`HttpStatusError`; with ``raise_for_status=False`` the caller gets
        every non-retried response as it is.
        """
        shown = url_for_message(url)
        attempt = 0
        while True:
            retry_after: float | None = None
            try:
                response = self.session.request(
                    method,
                    url,
                    params=params,
                    headers=dict(headers or {}),
                    data=data,
                    stream=stream,
                    proxies=self.proxies,
                    timeout=(min(CONNECT_TIMEOUT, self.timeout), self.timeout),
                )
            except requests.Timeout:
                # Message parts are SourceErrors too, so that they are translated with the message.
                problem = SourceError("no answer within {seconds:g} s", seconds=self.timeout)
            except requests.exceptions.SSLError:
                raise SourceError(
                    "Secure connection to {url} failed (TLS certificate problem). "
                    "Check the address and your organisation's certificate settings.",
                    url=self._shown(shown),
                ) from None
            except requests.ConnectionError:
                problem = SourceError(
                    "cannot connect (check the address, your network and the QGIS proxy settings)"
                )
            except requests.RequestException as exc:
                raise SourceError(
                    "Request to {url} failed: {error_type}.",
                    url=self._shown(shown),
                    error_type=type(exc).__name__,
                ) from None
            else:
                if response.status_code not in RETRY_STATUSES:
                    if raise_for_status:
                        self._raise_for_status(response, shown)
                    return response
                if response.reason:
                    problem = SourceError(
                        "HTTP {status} {reason}",
                        status=response.status_code,
                        reason=self._shown(response.reason),
                    )
                else:
                    problem = SourceError("HTTP {status}", status=response.status_code)
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
                response.close()
                if attempt >= self.retries:
                    if response.status_code == 429:
                        raise HttpStatusError(
                            "{url} keeps refusing requests: too many requests (HTTP 429) "
                            "after {attempts} attempts. Try again later.",
                            429,
                            url=self._shown(shown),
                            attempts=attempt + 1,
                        )
                    raise HttpStatusError(
                        "The server {url} failed ({problem}) after {attempts} attempts. "
                        "Try again later or contact its operator.",
                        response.status_code,
                        url=self._shown(shown),
                        problem=problem,
                        attempts=attempt + 1,
                    )
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

    def _raise_for_status(self, response: requests.Response, shown: str) -> None:
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

    def get(self, url: str, **kwargs: Any) -> requests.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> requests.Response:
        return self.request("POST", url, **kwargs)

    def get_json(self, url: str, **kwargs: Any) -> Any:
        return decode_json(self.get(url, **kwargs), self.secrets)


def response_text(response: requests.Response) -> str:
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


def response_json(response: requests.Response, secrets: Iterable[str] = ()) -> Any:
    """The JSON body of ``response`` through :func:`~ev_planner.core.safe_json.parse_json`.

    Raises ``ValueError`` when the body is not JSON (callers word that themselves) and a
    :class:`SourceError` when it is nested absurdly deep.
    """
    # Redacted before the query is cut off: a cut must not leave part of a secret behind.
    shown = url_for_message(redact(response.url or "", secrets))
    return parse_json(response_text(response), shown, from_server=True)


def decode_json(response: requests.Response, secrets: Iterable[str] = ()) -> Any:
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
