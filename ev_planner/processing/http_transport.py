"""HTTP inside QGIS: the core's :class:`~ev_planner.core.http.HttpClient` over QGIS's network stack.

:class:`QgisTransport` sends through ``QgsBlockingNetworkRequest``, so that whatever
QGIS is set up with applies to EV Planner too: the proxy (also PAC, the system's and
NTLM), the CA certificates and SSL exceptions of the authentication manager, the
network timeout and the network logger. The feedback's Cancel aborts a running
request; the core's retry waits give way to it as well (docs/architecture.md, "HTTP").
"""

from __future__ import annotations

from typing import BinaryIO, Sequence

from qgis.core import QgsBlockingNetworkRequest, QgsFeedback, QgsNetworkAccessManager, QgsProcessingFeedback
from qgis.PyQt.QtCore import QByteArray, QUrl
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from ..core.errors import CanceledError
from ..core.http import (
    Headers,
    HttpClient,
    HttpRequest,
    HttpResponse,
    TransportConnectError,
    TransportError,
    TransportTimeoutError,
    TransportTlsError,
    encoding_from_headers,
)
from ..i18n import translated_log

_Error = QNetworkReply.NetworkError
_TIMEOUTS = {_Error.TimeoutError, _Error.ProxyTimeoutError}
_TLS = {_Error.SslHandshakeFailedError}
_CONNECTION = {
    _Error.ConnectionRefusedError,
    _Error.RemoteHostClosedError,
    _Error.HostNotFoundError,
    _Error.TemporaryNetworkFailureError,
    _Error.NetworkSessionFailedError,
    _Error.UnknownNetworkError,
    _Error.ProxyConnectionRefusedError,
    _Error.ProxyConnectionClosedError,
    _Error.ProxyNotFoundError,
    _Error.ProxyAuthenticationRequiredError,
    _Error.UnknownProxyError,
}
# PyQt5 enums know no names of their own: QNetworkReply's members name them.
_ERROR_NAMES = {
    value: name for name in dir(QNetworkReply) if isinstance(value := getattr(QNetworkReply, name), _Error)
}
# The User-Agent travels in a request attribute (a header would be sent as it is) to the hook.
_USER_AGENT_ATTRIBUTE = QNetworkRequest.Attribute.User
_USER_AGENT_TAG = "evplanner-user-agent:"
_user_agent_hook_id: str | None = None


def _set_user_agent(request: QNetworkRequest) -> None:
    """Give EV Planner's requests its own User-Agent (QGIS sets its own on every request)."""
    value = request.attribute(_USER_AGENT_ATTRIBUTE)
    if isinstance(value, str) and value.startswith(_USER_AGENT_TAG):
        request.setRawHeader(b"User-Agent", value[len(_USER_AGENT_TAG) :].encode("latin-1", "replace"))


def _install_user_agent_hook() -> None:
    # Once per session: the hook leaves every request that is not EV Planner's alone.
    global _user_agent_hook_id
    if _user_agent_hook_id is None:
        _user_agent_hook_id = QgsNetworkAccessManager.setRequestPreprocessor(_set_user_agent)


class QgisTransport:
    """A :class:`~ev_planner.core.http.Transport` on ``QgsBlockingNetworkRequest``.

    QGIS keeps a body in memory until the request ends; ``into`` then receives it whole.
    """

    def __init__(self, feedback: QgsFeedback | None = None) -> None:
        self.feedback = feedback
        _install_user_agent_hook()

    def close(self) -> None:
        """Nothing to release: QGIS owns the connections."""

    def send(self, request: HttpRequest, into: BinaryIO | None = None) -> HttpResponse:
        blocking = QgsBlockingNetworkRequest()
        qrequest = self._qt_request(request)
        _forget_cached(qrequest.url())
        method = request.method.upper()
        body = QByteArray(request.body or b"")
        # forceRefresh: always ask the server, not QGIS's network cache (sources change).
        if method == "GET":
            blocking.get(qrequest, True, self.feedback)
        elif method == "POST":
            blocking.post(qrequest, body, True, self.feedback)
        else:
            raise TransportError(f"HTTP method {method}")
        _forget_cached(qrequest.url())
        if self.feedback is not None and self.feedback.isCanceled():
            raise CanceledError()
        return self._response(blocking.reply(), request, into)

    def _qt_request(self, request: HttpRequest) -> QNetworkRequest:
        qrequest = QNetworkRequest(QUrl(request.url))
        for name, value in request.headers.items():
            if name.lower() == "user-agent":
                qrequest.setAttribute(_USER_AGENT_ATTRIBUTE, _USER_AGENT_TAG + value)
            else:
                qrequest.setRawHeader(name.encode("latin-1"), value.encode("latin-1", "replace"))
        # Qt follows redirects itself (also relative ones), never from HTTPS down to HTTP.
        qrequest.setAttribute(
            QNetworkRequest.Attribute.RedirectPolicyAttribute,
            QNetworkRequest.RedirectPolicy.NoLessSafeRedirectPolicy,
        )
        # The client's timeout, without progress; QGIS's own network timeout applies as well.
        qrequest.setTransferTimeout(max(1, int(request.timeout * 1000)))
        return qrequest

    def _response(self, reply, request: HttpRequest, into: BinaryIO | None) -> HttpResponse:
        status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        if status is None:
            raise _transport_error(reply.error())
        headers = Headers(
            (bytes(name).decode("latin-1"), bytes(reply.rawHeader(name)).decode("latin-1"))
            for name in reply.rawHeaderList()
        )
        content = bytes(reply.content())
        if into is not None and 200 <= int(status) < 300:
            into.write(content)
            content = b""
        return HttpResponse(
            status_code=int(status),
            reason=str(reply.attribute(QNetworkRequest.Attribute.HttpReasonPhraseAttribute) or ""),
            headers=headers,
            content=content,
            url=reply.request().url().toString() or request.url,
            encoding=encoding_from_headers(headers),
        )


def _forget_cached(url: QUrl) -> None:
    """Drop ``url`` from QGIS's network cache, where QgsBlockingNetworkRequest always saves.

    An answer of a source must not be served again (sources change, and a cached 200 once
    stood in for a later 503), nor stay on disk with what a token unlocked.
    """
    cache = QgsNetworkAccessManager.instance().cache()
    if cache is not None:
        cache.remove(url)


def _transport_error(error) -> TransportError:
    """The core's transport error for a reply without an HTTP answer."""
    if error in _TIMEOUTS or error == _Error.OperationCanceledError:
        # Canceled but not by the user (checked before): a timeout aborted the reply.
        return TransportTimeoutError()
    if error in _TLS:
        return TransportTlsError()
    if error in _CONNECTION:
        return TransportConnectError()
    return TransportError(_ERROR_NAMES.get(error) or str(getattr(error, "name", error)))


def http_client(feedback: QgsProcessingFeedback, secrets: Sequence[str] = ()) -> HttpClient:
    """The HTTP client of an algorithm: through QGIS's network, cancelled by its feedback."""
    return HttpClient(
        transport=QgisTransport(feedback),
        is_canceled=feedback.isCanceled,
        secrets=list(secrets),
        log=translated_log(feedback),
    )
