"""A generic OCPI 2.1.1 / 2.2.1 client: discovery, authentication and paginated GETs.

It knows nothing about locations: any module (``locations``, ``tariffs``,
``cdrs``, ``sessions``) is crawled the same way, so usage and tariff loaders
reuse it. What real servers do that the standard does not allow is handled
here (docs/chargepoints.md):

- The token form differs per version (``Token <base64>`` in 2.2.x, raw in
  2.1.1) and many servers accept only one: on 401/403 the other form is tried
  once, and the form that worked is kept for the rest of the crawl.
- ``Link: <...>; rel="next"`` is followed only when it is usable (http(s), same
  host and endpoint path); otherwise paging continues by ``offset`` until
  ``X-Total-Count`` is reached, the page size honouring ``X-Limit``.
- Ids are case-insensitive (OCPI ``CiString``) and the total may change while
  crawling: objects are de-duplicated on their upper-cased key.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Mapping
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from ..errors import AuthenticationError, Message, SourceError, redact, redact_message
from ..http import HttpAuthenticationError, HttpClient, decode_json, url_for_message

OCPI_SUCCESS = 1000
# Versions this client speaks, most preferred first.
SUPPORTED_VERSIONS = ("2.2.1", "2.2", "2.1.1", "2.1")
ROLE_SENDER = "SENDER"
TOKEN_BASE64 = "base64"  # OCPI 2.2.x: "Token <base64(token)>"
TOKEN_RAW = "raw"  # OCPI 2.1.1: "Token <token>"
DEFAULT_PAGE_SIZE = 1000
MAX_PAGES = 100_000  # a guard against a server that never ends

_LINK_NEXT = re.compile(r'<\s*([^>]*)\s*>\s*;[^,]*?rel\s*=\s*"?next"?', re.IGNORECASE)


def token_form_for_version(version: str | None) -> str:
    return TOKEN_RAW if version and version.startswith("2.1") else TOKEN_BASE64


def authorization_header(token: str, form: str) -> str:
    if form == TOKEN_BASE64:
        return "Token " + base64.b64encode(token.encode("utf-8")).decode("ascii")
    return "Token " + token


def object_key(obj: Mapping[str, Any]) -> tuple[str, ...] | None:
    """Case-insensitive identity of an OCPI object (``country_code``, ``party_id``, ``id``).

    CDRs and sessions carry their id in ``id`` as well; 2.1.1 objects have no
    country/party. ``None`` when the object has no id (the caller decides).
    """
    identifier = obj.get("id") if isinstance(obj, Mapping) else None
    if identifier is None or str(identifier).strip() == "":
        return None
    return (
        str(obj.get("country_code") or "").strip().upper(),
        str(obj.get("party_id") or "").strip().upper(),
        str(identifier).strip().upper(),
    )


def parse_link_next(header: str | None) -> str | None:
    if not header:
        return None
    match = _LINK_NEXT.search(header)
    return match.group(1).strip() if match else None


def _int_header(headers: Mapping[str, str], name: str) -> int | None:
    value = str(headers.get(name)).strip()
    if len(value) > 18:  # no real count has more digits; int() of thousands raises ValueError
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number >= 0 else None


def with_query(url: str, **params: Any) -> str:
    """``url`` with the given query parameters set (others kept)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in params]
    query.extend((k, str(v)) for k, v in params.items() if v is not None)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


@dataclass
class OcpiPage:
    """One page of a crawl: the new objects and where the crawl stands."""

    objects: list[dict]
    offset: int  # objects received before this page
    total: int | None  # the server's X-Total-Count, when it sends one
    duplicates: int = 0  # objects on this page already seen on earlier pages
    without_id: int = 0  # objects without an id (kept; the caller decides)


@dataclass
class OcpiEndpoint:
    url: str
    version: str | None  # None when the user gave the module URL itself
    # A bare JSON array (no envelope) at the URL: a dump served over HTTP, not a paged endpoint.
    dump: list | None = None


class OcpiClient:
    """Talk to one OCPI party with one token.

    ``token`` may be ``None`` for open feeds. ``log`` receives progress notes
    (never containing the token).
    """

    def __init__(
        self,
        http: HttpClient,
        token: str | None = None,
        version: str | None = None,
        log: Callable[[str], None] | None = None,
    ) -> None:
        self.http = http
        self.token = token or None
        self.version = version
        self.log = log
        self._token_form: str | None = None  # the form the server accepted, once known
        if self.token:
            # redact() hides its encoded forms (the base64 of OCPI 2.2 among them) as well.
            http.add_secret(self.token)

    # --- requests -----------------------------------------------------------------------
    def _note(self, text: str) -> None:
        if self.log is not None:
            # URLs in notes may come from the server (a Link header) and echo the token.
            self.log(redact_message(text, self.http.secrets))

    def _headers(self, form: str) -> dict[str, str]:
        headers = {"Accept": "application/json"}
        if self.token:
            headers["Authorization"] = authorization_header(self.token, form)
        return headers

    def get(self, url: str, **kwargs: Any):
        """GET ``url`` with the token; on 401/403 retry once with the other token form."""
        form = self._token_form or token_form_for_version(self.version)
        try:
            response = self.http.get(url, headers=self._headers(form), **kwargs)
        except HttpAuthenticationError as first:
            if not self.token:
                raise self._auth_error(url, first.status, both=False) from None
            other = TOKEN_RAW if form == TOKEN_BASE64 else TOKEN_BASE64
            self._note(
                Message(
                    "{url} refused the token form '{form}'; trying '{other}'.",
                    url=url_for_message(url),
                    form=form,
                    other=other,
                )
            )
            try:
                response = self.http.get(url, headers=self._headers(other), **kwargs)
            except HttpAuthenticationError as second:
                raise self._auth_error(url, second.status, both=True) from None
            form = other
        if self.token:
            self._token_form = form
        return response

    def _auth_error(self, url: str, status: int, both: bool) -> AuthenticationError:
        shown = url_for_message(url)
        if not self.token:
            return AuthenticationError(
                "{url} requires a token (HTTP {status}): give the OCPI token "
                "(TOKEN) or an authentication configuration (AUTHCFG).",
                url=shown,
                status=status,
            )
        if both:
            return AuthenticationError(
                "{url} refused the token (HTTP {status}) in both the OCPI 2.2 (base64) and 2.1.1 (plain) "
                "forms. Check that the token is valid, not expired, and allowed to read this module.",
                url=shown,
                status=status,
            )
        return AuthenticationError(
            "{url} refused the token (HTTP {status}). Check that the token is "
            "valid, not expired, and allowed to read this module.",
            url=shown,
            status=status,
        )

    def get_envelope(self, url: str) -> tuple[Any, Any]:
        """The ``data`` of an OCPI envelope at ``url`` and the raw response."""
        response = self.get(url)
        body = decode_json(response, self.http.secrets)
        return unwrap_envelope(body, url, self.http.secrets), response

    # --- discovery ----------------------------------------------------------------------
    def resolve(self, url: str, module: str) -> OcpiEndpoint:
        """The endpoint of ``module`` from a versions URL, a version-details URL or the module URL."""
        body = decode_json(self.get(url), self.http.secrets)
        if isinstance(body, list) and not (body and all(_is_version_entry(item) for item in body)):
            return OcpiEndpoint(url, self.version, dump=body)
        data = unwrap_envelope(body, url, self.http.secrets)
        if isinstance(data, list) and data and all(_is_version_entry(item) for item in data):
            version, details_url = choose_version(data)
            self.version = version
            self._token_form = None  # from now on start with the chosen version's own form
            self._note(
                Message(
                    "OCPI version {version} chosen from {count} offered.", version=version, count=len(data)
                )
            )
            data, _ = self.get_envelope(urljoin(url, details_url))
            if not (isinstance(data, dict) and "endpoints" in data):
                raise SourceError(
                    "{url} is not an OCPI version-details endpoint (no 'endpoints').",
                    url=url_for_message(details_url),
                )
            return OcpiEndpoint(urljoin(details_url, module_endpoint(data, module)), version)
        if isinstance(data, dict) and "endpoints" in data:
            # Shown in the log: a server echoing the token here must not reveal it.
            version = redact(str(data.get("version") or ""), self.http.secrets) or None
            self.version = version
            self._token_form = None
            return OcpiEndpoint(urljoin(url, module_endpoint(data, module)), version)
        if isinstance(data, list):
            return OcpiEndpoint(url, self.version)
        raise SourceError(
            "{url} is neither an OCPI versions, version-details nor {module} endpoint.",
            url=url_for_message(url),
            module=module,
        )

    # --- pagination ---------------------------------------------------------------------
    def iter_pages(
        self,
        endpoint_url: str,
        params: Mapping[str, Any] | None = None,
        limit: int | None = DEFAULT_PAGE_SIZE,
    ) -> Iterator[OcpiPage]:
        """Crawl a module endpoint page by page (see the module docstring for the rules).

        ``params`` (e.g. ``date_from``) are sent with every offset request.
        """
        base = with_query(endpoint_url, **dict(params or {}))
        seen: set[tuple[str, ...]] = set()
        offset = 0
        page_size = limit
        url = with_query(base, offset=0, limit=page_size)
        pages_without_new = 0
        for _ in range(MAX_PAGES):
            data, response = self.get_envelope(url)
            if data is None:
                data = []
            if not isinstance(data, list):
                raise SourceError("{url} did not return a list of objects.", url=url_for_message(url))
            total = _int_header(response.headers, "X-Total-Count")
            server_limit = _int_header(response.headers, "X-Limit")
            if server_limit and (page_size is None or server_limit < page_size):
                page_size = server_limit
            if not data:
                return
            new: list[dict] = []
            duplicates = without_id = 0
            for obj in data:
                key = object_key(obj) if isinstance(obj, dict) else None
                if key is None:
                    without_id += 1
                    new.append(obj)
                    continue
                if key in seen:
                    duplicates += 1
                    continue
                seen.add(key)
                new.append(obj)
            yield OcpiPage(new, offset, total, duplicates, without_id)
            offset += len(data)
            pages_without_new = 0 if new else pages_without_new + 1
            if pages_without_new >= 3:
                # A server that ignores offset would repeat the same page forever.
                self._note(
                    Message(
                        "{url} keeps returning objects already received; stopping.", url=url_for_message(url)
                    )
                )
                return
            next_url = self._usable_next(response.headers.get("Link"), url, endpoint_url)
            if next_url is not None:
                url = next_url
                continue
            if total is not None and offset >= total:
                return
            url = with_query(base, offset=offset, limit=page_size)
        raise SourceError(
            "{url}: more than {max_pages} pages; stopping.",
            url=url_for_message(endpoint_url),
            max_pages=MAX_PAGES,
        )

    def _usable_next(self, link_header: str | None, current_url: str, endpoint_url: str) -> str | None:
        target = parse_link_next(link_header)
        if not target:
            return None
        absolute = urljoin(current_url, target)
        got, want = urlsplit(absolute), urlsplit(endpoint_url)
        usable = (
            got.scheme == want.scheme
            and got.netloc.lower() == want.netloc.lower()
            and got.path.rstrip("/") == want.path.rstrip("/")
        )
        if not usable:
            self._note(
                Message(
                    "Ignoring an unusable Link header ({url}); paging by offset.",
                    # The server's URL: redacted before its query is cut off, which could halve a token.
                    url=url_for_message(redact(absolute, self.http.secrets)),
                )
            )
            return None
        return absolute

    def iter_objects(
        self,
        endpoint_url: str,
        params: Mapping[str, Any] | None = None,
        limit: int | None = DEFAULT_PAGE_SIZE,
    ) -> Iterator[dict]:
        for page in self.iter_pages(endpoint_url, params, limit):
            yield from page.objects


def unwrap_envelope(body: Any, url: str = "", secrets: Iterable[str] = ()) -> Any:
    """``data`` of an OCPI response envelope; an error when ``status_code`` is not 1000.

    A bare JSON array (as some dumps and non-standard servers deliver) is
    returned as it is. ``secrets`` are hidden in the server's ``status_message``.
    """
    if isinstance(body, list):
        return body
    if not isinstance(body, dict) or ("data" not in body and "status_code" not in body):
        raise SourceError(
            "{url} did not answer an OCPI response (no 'data'/'status_code').", url=url_for_message(url)
        )
    status = body.get("status_code")
    try:
        status_code = int(status) if status is not None else OCPI_SUCCESS
    except (TypeError, ValueError, OverflowError):  # OverflowError: an out-of-range number
        status_code = -1
    if status_code != OCPI_SUCCESS:
        message = redact(str(body.get("status_message") or "no message").strip(), secrets)
        raise SourceError(
            "The OCPI server answered status {status} for {url}: {message}",
            status=redact(status, secrets) if isinstance(status, str) else status,
            url=redact(url_for_message(url), secrets),
            message=message,
        )
    return body.get("data")


def _is_version_entry(item: Any) -> bool:
    return isinstance(item, dict) and "version" in item and "url" in item


def choose_version(entries: list[dict]) -> tuple[str, str]:
    offered = {str(item["version"]).strip(): str(item["url"]) for item in entries}
    for version in SUPPORTED_VERSIONS:
        if version in offered:
            return version, offered[version]
    supported = ", ".join(SUPPORTED_VERSIONS)
    if not offered:
        raise SourceError(
            "The server offers no OCPI version; EV Planner supports {supported}.", supported=supported
        )
    raise SourceError(
        "The server offers OCPI version(s) {offered}; EV Planner supports {supported}.",
        offered=", ".join(sorted(offered)),
        supported=supported,
    )


def module_endpoint(details: Mapping[str, Any], module: str) -> str:
    """URL of ``module`` in version details, preferring the SENDER role (2.1.1 has no roles)."""
    candidates = [
        e for e in details.get("endpoints") or [] if isinstance(e, dict) and e.get("identifier") == module
    ]
    for endpoint in candidates:
        if str(endpoint.get("role") or ROLE_SENDER).upper() == ROLE_SENDER and endpoint.get("url"):
            return str(endpoint["url"])
    if candidates:
        raise SourceError(
            "The server offers the OCPI module '{module}' only as a receiver: it does not publish {module}.",
            module=module,
        )
    raise SourceError("The server does not offer the OCPI module '{module}'.", module=module)
