"""OCPI Locations (2.1.1 and 2.2.1) -> common-schema records, from an API or a dump.

Conversion rules (docs/chargepoints.md):

- ``max_power_kw``: the highest connector power of the EVSEs still there (not
  ``REMOVED``). A connector's power is ``max_electric_power`` (W) when given,
  else derived: ``V × A × phases`` with 3 phases for ``AC_3_PHASE``, 2 for
  ``AC_2_PHASE(_SPLIT)``, 1 for ``AC_1_PHASE`` and ``DC``. For ``AC_3_PHASE``
  OCPI gives the line-to-neutral voltage (230 V); a voltage above 250 V is a
  line-to-line value (400 V), for which the power is ``√3 × V × A``.
- ``power_type``: ``AC``, ``DC`` or ``AC+DC`` over those connectors.
- ``status``: the most frequent EVSE status (ties go to the first in
  :data:`~ev_planner.core.schema.EVSE_STATUSES` order); ``REMOVED`` only when
  every EVSE is removed. ``available_evses``: EVSEs with status ``AVAILABLE``.
- ``evse_count``/``connector_count`` count EVSEs not ``REMOVED``.
- ``publish: false`` locations are skipped and counted; records without id
  or usable coordinates are skipped with their reason.

Dumps (the NDW national feed is one gzip JSON array of ~200k Locations) are
read element by element, so memory follows the records kept, not the file.
"""

from __future__ import annotations

import gzip
import io
import json
import math
import os
import tempfile
from collections import Counter
from contextlib import contextmanager
from typing import IO, Any, Iterable, Iterator
from urllib.parse import urlsplit

from ..errors import CanceledError, InputError, SourceError
from ..http import HttpClient, url_for_message
from ..safe_json import REASON_NUMBER_OUT_OF_RANGE, JsonGuard, has_out_of_range_number, parse_json
from ..schema import EVSE_STATUSES, SOURCE_OCPI
from .ocpi_client import OcpiClient, unwrap_envelope
from .records import (
    CancelCheck,
    LoadResult,
    ProgressCallback,
    UnusableRecordError,
    check_country,
    clean_text,
    clear_implausible,
    in_extent,
    iso_utc,
    new_record,
    parse_lonlat,
    utc_now_iso,
)

PHASES = {"AC_1_PHASE": 1, "AC_2_PHASE": 2, "AC_2_PHASE_SPLIT": 2, "AC_3_PHASE": 3, "DC": 1}
LINE_TO_NEUTRAL_MAX_V = 250.0
_STATUS_RANK = {status: rank for rank, status in enumerate(EVSE_STATUSES)}
_CHUNK = 1 << 20


# --- one location ------------------------------------------------------------------------
def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):  # OverflowError: an integer beyond any float
        return None
    # Infinity stays infinite, so that the plausibility check counts it instead of losing it.
    return number if number > 0 and not math.isnan(number) else None


# Connector ratings beyond these are errors at the source (MCS truck charging: 1,250 V, 3,000 A).
MAX_VOLTAGE_V = 1500.0
MAX_AMPERAGE_A = 3000.0


def connector_power_kw(connector: dict) -> float | None:
    """Power of one connector in kW (see the module docstring); ``None`` when unknown."""
    watts = _number(connector.get("max_electric_power"))
    if watts is not None:
        return watts / 1000.0
    power_type = str(connector.get("power_type") or "").upper()
    # 2.2.1 names them max_voltage/max_amperage, 2.1.1 voltage/amperage.
    volts = _number(connector.get("max_voltage", connector.get("voltage")))
    amps = _number(connector.get("max_amperage", connector.get("amperage")))
    if volts is None or amps is None or power_type not in PHASES:
        return None
    if volts > MAX_VOLTAGE_V or amps > MAX_AMPERAGE_A:
        return math.inf  # implausible: clear_implausible() sets max_power_kw to NULL and counts it
    if power_type == "AC_3_PHASE" and volts > LINE_TO_NEUTRAL_MAX_V:
        return math.sqrt(3.0) * volts * amps / 1000.0
    return volts * amps * PHASES[power_type] / 1000.0


def aggregate_status(statuses: Iterable[str]) -> str | None:
    counts = Counter(statuses)
    if not counts:
        return None
    return max(counts, key=lambda s: (counts[s], -_STATUS_RANK.get(s, len(_STATUS_RANK))))


def ocpi_party(location: dict) -> str | None:
    """``NL*CKE`` from ``country_code`` and ``party_id`` (OCPI 2.2); ``None`` in 2.1.1.

    Location ids are unique per party only: in a national feed two operators
    may use the same id, so ``party`` is part of a location's identity.
    """
    country = clean_text(location.get("country_code"))
    party = clean_text(location.get("party_id"))
    return f"{country.upper()}*{party.upper()}" if country and party else None


def _name(party: Any) -> str | None:
    return clean_text(party.get("name")) if isinstance(party, dict) else None


def location_to_record(location: Any, fetched_at: str) -> dict:
    """One OCPI Location as a common-schema record; :class:`UnusableRecordError` when it cannot be one."""
    if not isinstance(location, dict):
        raise UnusableRecordError("not a JSON object")
    location_id = clean_text(location.get("id"))
    if not location_id:
        raise UnusableRecordError("no id")
    coordinates = location.get("coordinates")
    if not isinstance(coordinates, dict):
        raise UnusableRecordError("no coordinates")
    lon, lat = parse_lonlat(coordinates.get("longitude"), coordinates.get("latitude"))

    evses = [e for e in location.get("evses") or [] if isinstance(e, dict)]
    present = [e for e in evses if str(e.get("status") or "").upper() != "REMOVED"]
    statuses = [str(e.get("status") or "UNKNOWN").upper() for e in present]
    powers: list[float] = []
    power_kinds: set[str] = set()
    standards: set[str] = set()
    connector_count = 0
    for evse in present:
        for connector in evse.get("connectors") or []:
            if not isinstance(connector, dict):
                continue
            connector_count += 1
            power = connector_power_kw(connector)
            if power is not None:
                powers.append(power)
            power_type = str(connector.get("power_type") or "").upper()
            if power_type:
                power_kinds.add("DC" if power_type == "DC" else "AC")
            if connector.get("standard"):
                standards.add(str(connector["standard"]))

    record = new_record(SOURCE_OCPI, location_id, lon, lat, fetched_at)
    record.update(
        name=clean_text(location.get("name")),
        address=clean_text(location.get("address")),
        postal_code=clean_text(location.get("postal_code")),
        city=clean_text(location.get("city")),
        operator=_name(location.get("operator")),
        owner=_name(location.get("owner")),
        evse_count=len(present),
        connector_count=connector_count,
        max_power_kw=round(max(powers), 3) if powers else None,
        power_type="AC+DC" if len(power_kinds) == 2 else (next(iter(power_kinds)) if power_kinds else None),
        connector_types=",".join(sorted(standards)) or None,
        status=aggregate_status(statuses) or ("REMOVED" if evses else None),
        available_evses=statuses.count("AVAILABLE"),
        # 2.1.1 has no parking_type; its location "type" (ON_STREET, PARKING_GARAGE, ...) means the same.
        parking_type=clean_text(location.get("parking_type") or location.get("type")),
        last_updated=iso_utc(location.get("last_updated")),
        party=ocpi_party(location),
    )
    return record


class LocationConverter:
    """Turns a stream of Locations into records, applying the extent and counting skips."""

    def __init__(
        self, extent: tuple[float, float, float, float] | None = None, fetched_at: str | None = None
    ):
        self.extent = extent
        self.fetched_at = fetched_at or utc_now_iso()
        self.result = LoadResult()
        self._seen: set[str] = set()

    def add(self, location: Any) -> None:
        result = self.result
        if has_out_of_range_number(location):
            result.report.skip(
                location.get("id") if isinstance(location, dict) else None, REASON_NUMBER_OUT_OF_RANGE
            )
            return
        if isinstance(location, dict) and location.get("publish") is False:
            result.report.unpublished += 1
            return
        try:
            record = check_country(
                location_to_record(location, self.fetched_at), location.get("country"), result.report
            )
        except UnusableRecordError as reason:
            result.report.skip(location.get("id") if isinstance(location, dict) else None, str(reason))
            return
        if not in_extent(record["lon"], record["lat"], self.extent):
            result.report.outside_extent += 1
            return
        key = (
            str(location.get("country_code") or "").upper(),
            str(location.get("party_id") or "").upper(),
            record["source_id"].upper(),
        )
        dedup = "\x1f".join(key)
        if dedup in self._seen:
            result.report.duplicates += 1
            return
        self._seen.add(dedup)
        result.evses_read += len(location.get("evses") or [])
        result.records.append(clear_implausible(record, result.report))


# --- reading dumps -----------------------------------------------------------------------
def iter_json_array(
    stream: IO[str], chunk_size: int = _CHUNK, source: str = "The dump", from_server: bool = False
) -> Iterator[Any]:
    """The elements of a JSON array read incrementally from a text stream.

    ``stream`` must be positioned at the ``[``. Memory holds one chunk and one
    element at a time, whatever the file size. Each chunk is checked by a
    :class:`~ev_planner.core.safe_json.JsonGuard` before anything in it is parsed
    (``source`` names the dump in its messages).
    """
    guard = JsonGuard(source, from_server)
    buffer = stream.read(chunk_size)
    guard.feed(buffer)
    position = 0
    eof = not buffer

    def more() -> bool:
        nonlocal buffer, position, eof
        if eof:
            return False
        chunk = stream.read(chunk_size)
        if not chunk:
            eof = True
            return False
        guard.feed(chunk)
        buffer = buffer[position:] + chunk
        position = 0
        return True

    def skip_space() -> None:
        nonlocal position
        while True:
            while position < len(buffer) and buffer[position] in " \t\r\n":
                position += 1
            if position < len(buffer) or not more():
                return

    skip_space()
    if position >= len(buffer) or buffer[position] != "[":
        raise SourceError("The dump is not a JSON array.")
    position += 1
    skip_space()
    if position < len(buffer) and buffer[position] == "]":
        return
    count = 0
    while True:
        skip_space()
        try:
            value, end = guard.raw_decode(buffer, position)
            # A number cut at the chunk boundary decodes as a shorter number: a scalar is
            # complete only when a delimiter follows it.
            complete = (
                isinstance(value, (dict, list)) or eof or (end < len(buffer) and buffer[end] in " \t\r\n,]")
            )
        except json.JSONDecodeError as error:
            if more():
                continue
            raise SourceError(
                "The dump is not valid JSON after element {count}: {detail}. Is the file complete?",
                count=count,
                detail=error.msg,
            ) from None
        if not complete and more():
            continue
        yield value
        count += 1
        position = end
        skip_space()
        if position >= len(buffer):
            raise SourceError(
                "The dump ends after element {count} without closing ']'. Is the file complete?", count=count
            )
        if buffer[position] == ",":
            position += 1
        elif buffer[position] == "]":
            return
        else:
            raise SourceError(
                "The dump is not valid JSON after element {count} (expected ',' or ']').", count=count
            )


def is_url(source: str) -> bool:
    return urlsplit(source).scheme.lower() in ("http", "https")


def looks_like_dump_url(url: str) -> bool:
    path = urlsplit(url).path.lower()
    return path.endswith((".json", ".json.gz", ".gz", ".geojson"))


@contextmanager
def open_dump(path: str) -> Iterator[IO[str]]:
    """A text stream of a local dump, transparently un-gzipped (detected by its magic bytes)."""
    if not os.path.isfile(path):
        raise InputError("The OCPI dump {path} does not exist.", path=path)
    with open(path, "rb") as raw:
        magic = raw.read(2)
        raw.seek(0)
        binary: IO[bytes] = gzip.GzipFile(fileobj=raw) if magic == b"\x1f\x8b" else raw
        text = io.TextIOWrapper(binary, encoding="utf-8-sig")
        try:
            yield text
        except (OSError, EOFError, UnicodeDecodeError) as error:
            raise SourceError(
                "The OCPI dump {file} cannot be read: {error}", file=os.path.basename(path), error=error
            ) from None
        finally:
            text.detach()


def iter_dump_locations(path: str, source: str | None = None, from_server: bool = False) -> Iterator[Any]:
    """Locations of a dump file: a JSON array (streamed) or an OCPI envelope around one.

    ``source`` names the dump in messages (default: the file name); ``from_server``
    says it was downloaded, so that a refused answer is a :class:`SourceError`.
    """
    source = source or os.path.basename(path)
    with open_dump(path) as text:
        try:
            head = text.read(1)
            while head and head.isspace():
                head = text.read(1)
            if head == "[":
                yield from iter_json_array(_Prefixed("[", text), source=source, from_server=from_server)
            elif head == "{":
                try:
                    body = parse_json("{" + text.read(), source, from_server)
                except json.JSONDecodeError as error:
                    raise SourceError(
                        "The OCPI dump is not valid JSON: {detail}.", detail=error.msg
                    ) from None
                data = unwrap_envelope(body, path)
                if not isinstance(data, list):
                    raise SourceError("The OCPI dump holds no list of Locations under 'data'.")
                yield from data
            else:
                raise SourceError("The OCPI dump is neither a JSON array nor an OCPI envelope.")
        except (OSError, EOFError, UnicodeDecodeError) as error:
            raise SourceError(
                "The OCPI dump {file} cannot be read: {error}", file=os.path.basename(path), error=error
            ) from None


class _Prefixed(io.TextIOBase):
    """A text stream with a few characters put back in front."""

    def __init__(self, prefix: str, stream: IO[str]) -> None:
        self.prefix = prefix
        self.stream = stream

    def read(self, size: int = -1) -> str:
        head, self.prefix = self.prefix, ""
        if size is None or size < 0:
            return head + self.stream.read()
        return head + self.stream.read(max(0, size - len(head)))


def download(http: HttpClient, url: str, client: OcpiClient | None, directory: str | None = None) -> str:
    """Stream ``url`` into a temporary file (deleted by the caller); returns its path."""
    handle, path = tempfile.mkstemp(prefix="evplanner-ocpi-", suffix=".json", dir=directory)
    try:
        with os.fdopen(handle, "wb") as out:
            if client is not None:
                client.get(url, into=out)
            else:
                http.get(url, into=out)
    except (SourceError, CanceledError):
        os.unlink(path)
        raise
    except Exception as error:
        os.unlink(path)
        raise SourceError(
            "Downloading {url} failed: {error_type}.",
            url=url_for_message(url),
            error_type=type(error).__name__,
        ) from None
    return path


# --- the loader --------------------------------------------------------------------------
def load_ocpi_locations(
    source: str,
    http: HttpClient,
    token: str | None = None,
    extent: tuple[float, float, float, float] | None = None,
    progress: ProgressCallback | None = None,
    is_canceled: CancelCheck | None = None,
    log=None,
    page_size: int | None = 1000,
) -> LoadResult:
    """Read Locations from ``source`` (see :func:`classify_source`) into records.

    Raises :class:`CanceledError` when ``is_canceled()`` turns true, so that the
    caller writes nothing.
    """
    source = (source or "").strip()
    if not source:
        raise InputError("Give an OCPI source: a versions/locations URL or an OCPI dump (file or URL).")
    converter = LocationConverter(extent)
    canceled = is_canceled or (lambda: False)

    def consume(locations: Iterable[Any], total: int | None = None) -> None:
        for n, location in enumerate(locations):
            if n % 1000 == 0:
                if canceled():
                    raise CanceledError()
                if progress is not None and total:
                    progress(min(100.0, 100.0 * n / total))
            converter.add(location)

    if not is_url(source):
        consume(iter_dump_locations(os.path.expanduser(source)))
        return converter.result

    client = OcpiClient(http, token, log=log)
    if looks_like_dump_url(source):
        path = download(http, source, client)
        try:
            consume(iter_dump_locations(path, url_for_message(source), from_server=True))
        finally:
            os.unlink(path)
        return converter.result

    endpoint = client.resolve(source, "locations")
    converter.result.version = endpoint.version
    if endpoint.dump is not None:
        consume(endpoint.dump)
        return converter.result
    received = 0
    for page in client.iter_pages(endpoint.url, limit=page_size):
        if canceled():
            raise CanceledError()
        consume(page.objects)
        received += len(page.objects)
        converter.result.report.duplicates += page.duplicates
        if progress is not None and page.total:
            progress(min(100.0, 100.0 * received / page.total))
    return converter.result
