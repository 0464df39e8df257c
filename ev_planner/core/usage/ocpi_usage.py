"""Read CDRs, Sessions and Tariffs from an OCPI server or a local dump.

The crawling (version discovery, token forms, paging, retries, de-duplication)
is the generic :class:`~ev_planner.core.sources.ocpi_client.OcpiClient`; this
module only chooses the module, passes the period and normalises the records.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, List, Optional, Sequence
from urllib.parse import urlsplit

import pandas as pd

from ..errors import InputError, SourceError
from ..http import HttpClient
from ..safe_json import REASON_NUMBER_OUT_OF_RANGE, has_out_of_range_number, parse_json
from ..sources.ocpi_client import OcpiClient
from .common import SkipCounter
from .sessions import SessionTable, normalise_ocpi_records, records_from_json
from .tariffs import TariffTable, parse_tariffs

# CDRs are final and billed; Sessions are the live view. A versions URL is read
# for CDRs when the server publishes them, else for Sessions.
SESSION_MODULES = ("cdrs", "sessions")

Progress = Callable[[int, Optional[int]], bool]  # (received, total) -> False to stop


@dataclass
class FetchResult:
    records: List[Any]
    module: str  # "cdrs", "sessions", "tariffs" or "file"
    version: Optional[str] = None
    duplicates: int = 0
    cancelled: bool = False
    # Records left out before normalising (a number out of range); callers add them to their counts.
    skipped: SkipCounter = field(default_factory=SkipCounter)

    def drop_out_of_range(self) -> None:
        """Move records holding an out-of-range number (see core/safe_json.py) into ``skipped``."""
        dropped = [r for r in self.records if has_out_of_range_number(r)]
        if dropped:
            self.records = [r for r in self.records if not has_out_of_range_number(r)]
            examples = [r.get("id") for r in dropped[:5] if isinstance(r, dict)]
            self.skipped.add(REASON_NUMBER_OUT_OF_RANGE, len(dropped), examples)


def is_url(source: str) -> bool:
    return urlsplit(source.strip()).scheme.lower() in ("http", "https")


def read_json_file(path: str | Path) -> Any:
    """A local JSON file, optionally gzip-compressed."""
    path = Path(path)
    if not path.is_file():
        raise InputError("The file {path} does not exist.", path=path)
    try:
        raw = path.read_bytes()
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        # Too deep a nesting raises parse_json's own InputError, which is no ValueError.
        return parse_json(raw.decode("utf-8"), path.name)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise InputError("The file {file} is not readable JSON: {error}", file=path.name, error=exc) from None


def ocpi_time(value: Optional[pd.Timestamp]) -> Optional[str]:
    """OCPI DateTime text (UTC, second precision, ``Z``)."""
    if value is None:
        return None
    return pd.Timestamp(value).tz_convert("UTC").strftime("%Y-%m-%dT%H:%M:%SZ")


def _module_from_path(url: str, modules: Sequence[str]) -> Optional[str]:
    last = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1].lower()
    return last if last in modules else None


def fetch_records(
    source: str,
    modules: Sequence[str],
    http: Optional[HttpClient] = None,
    token: Optional[str] = None,
    params: Optional[dict] = None,
    progress: Optional[Progress] = None,
    log: Optional[Callable[[str], None]] = None,
) -> FetchResult:
    """All objects of the first of ``modules`` the source offers (or of a local dump).

    Objects holding an out-of-range number are left out and counted in ``skipped``.
    """
    if not is_url(source):
        what = " or ".join(modules)
        result = FetchResult(list(records_from_json(read_json_file(source), what)), "file")
        result.drop_out_of_range()
        return result
    if http is None:
        raise ValueError("an HttpClient is needed for a URL")
    client = OcpiClient(http, token=token, log=log)
    module = _module_from_path(source, modules)
    endpoint = None
    errors = []
    for candidate in [module] if module else list(modules):
        try:
            endpoint = client.resolve(source, candidate)
            module = candidate
            break
        except SourceError as exc:
            if "does not offer" not in str(exc) and "only as a receiver" not in str(exc):
                raise
            errors.append(exc)
    if endpoint is None:
        # One message per module tried; each one stays translatable on its own.
        error = errors[0]
        for other in errors[1:]:
            error = SourceError("{first} {second}", first=error, second=other)
        raise error
    if endpoint.dump is not None:
        result = FetchResult(list(endpoint.dump), module, endpoint.version)
        result.drop_out_of_range()
        return result
    result = FetchResult([], module, endpoint.version)
    for page in client.iter_pages(endpoint.url, params=params):
        result.records.extend(page.objects)
        result.duplicates += page.duplicates
        if progress is not None and not progress(
            page.offset + len(page.objects) + page.duplicates, page.total
        ):
            result.cancelled = True
            break
    result.drop_out_of_range()
    return result


def load_sessions(
    source: str,
    http: Optional[HttpClient] = None,
    token: Optional[str] = None,
    date_from: Optional[pd.Timestamp] = None,
    date_to: Optional[pd.Timestamp] = None,
    progress: Optional[Progress] = None,
    log: Optional[Callable[[str], None]] = None,
    now: Optional[pd.Timestamp] = None,
) -> tuple[SessionTable, FetchResult]:
    """CDRs or Sessions from an OCPI URL or a local JSON dump, checked and normalised.

    The server filters on ``last_updated`` (OCPI's ``date_from``/``date_to``);
    the sessions kept are those that *start* in the period.
    """
    params = {"date_from": ocpi_time(date_from), "date_to": ocpi_time(date_to)}
    fetched = fetch_records(
        source, SESSION_MODULES, http, token, {k: v for k, v in params.items() if v}, progress, log
    )
    table = normalise_ocpi_records(fetched.records, now=now, date_from=date_from, date_to=date_to)
    table.skipped.merge(fetched.skipped)
    return table, fetched


def load_tariffs(
    source: str,
    http: Optional[HttpClient] = None,
    token: Optional[str] = None,
    log: Optional[Callable[[str], None]] = None,
    reference: Optional[pd.Timestamp] = None,
) -> TariffTable:
    """OCPI Tariffs from an OCPI URL (the ``tariffs`` module) or a local dump."""
    fetched = fetch_records(source, ("tariffs",), http, token, None, None, log)
    table = parse_tariffs(fetched.records, reference=reference)
    table.skipped.merge(fetched.skipped)
    return table
