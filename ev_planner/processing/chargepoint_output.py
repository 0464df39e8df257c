"""Network settings shared by the charge-point and OCPI loaders: the HTTP client and its log.

The rest of the loaders' glue lives in modules named for their job:
:mod:`.credentials` (tokens), :mod:`.extent`, :mod:`.load_report`,
:mod:`.chargepoint_layer` (the output) and :mod:`.gpkg_refresh`.
"""

from __future__ import annotations

from typing import Callable, Sequence

from qgis.core import QgsProcessingFeedback, QgsSettings

from ..core.http import HttpClient
from ..i18n import translate_message


def proxies_from_qgis_settings(secrets: list[str] | None = None) -> dict[str, str] | None:
    """The requests proxy mapping of the user's QGIS network settings (None: system default)."""
    settings = QgsSettings()
    enabled = str(settings.value("proxy/proxyEnabled", False)).lower() in ("true", "1")
    if not enabled:
        return None
    kind = str(settings.value("proxy/proxyType", "DefaultProxy"))
    if kind == "DefaultProxy":
        return None  # the system's proxy: requests reads the environment
    host = str(settings.value("proxy/proxyHost", "") or "").strip()
    if not host:
        return None
    port = str(settings.value("proxy/proxyPort", "") or "").strip()
    user = str(settings.value("proxy/proxyUser", "") or "")
    password = str(settings.value("proxy/proxyPassword", "") or "")
    if secrets is not None and password:
        secrets.append(password)
    scheme = "socks5h" if kind == "Socks5Proxy" else "http"
    credentials = f"{user}:{password}@" if user else ""
    url = f"{scheme}://{credentials}{host}{':' + port if port else ''}"
    proxies = {"http": url, "https": url}
    excluded = settings.value("proxy/proxyExcludedUrls", "") or settings.value("proxy/noProxyUrls", "")
    if isinstance(excluded, (list, tuple)):
        excluded = ",".join(str(e) for e in excluded)
    if excluded:
        proxies["no_proxy"] = ",".join(
            p.strip() for p in str(excluded).replace("|", ",").split(",") if p.strip()
        )
    return proxies


def translated_log(feedback: QgsProcessingFeedback) -> Callable[[str], None]:
    """A ``log`` callback for the core: its notes (:class:`Message`) shown in the user's language."""
    return lambda text: feedback.pushInfo(translate_message(text))


def http_client(feedback: QgsProcessingFeedback, secrets: Sequence[str] = ()) -> HttpClient:
    proxy_secrets: list[str] = []
    proxies = proxies_from_qgis_settings(proxy_secrets)
    return HttpClient(proxies=proxies, secrets=[*secrets, *proxy_secrets], log=translated_log(feedback))
