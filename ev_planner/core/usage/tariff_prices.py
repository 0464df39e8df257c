"""Prices for the charge points of an OCPI load (``evplanner:loadocpi`` with ``TARIFFS``).

The tariffs come from ``TARIFF_SOURCE`` (an OCPI tariffs endpoint, a versions
URL, or a dump file/URL) or, by default, from the ``tariffs`` module that the
OCPI server of ``SOURCE`` publishes (found by the generic OCPI client's
discovery). Connectors refer to tariffs by ``tariff_ids``; the common-schema
records do not keep those references, so the Locations are read a second time
(streamed, nothing kept but the prices) to price them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterator, List, Optional

from ..errors import CanceledError, InputError
from ..http import HttpClient
from ..sources.ocpi_client import OcpiClient
from ..sources.ocpi_locations import download, is_url, iter_dump_locations, looks_like_dump_url
from .ocpi_usage import fetch_records
from .tariffs import LocationPrice, TariffTable, location_price, parse_tariffs

PRICE_FIELDS = ("price_kwh", "price_per_hour")


@dataclass
class PricingReport:
    tariffs: int = 0
    priced: int = 0  # records that got a price_kwh or price_per_hour
    without_tariff_ids: int = 0  # records whose connectors name no tariff
    unmatched_ids: List[str] = field(default_factory=list)  # referenced tariff ids not found (first 20)
    unmatched_references: int = 0
    matched_on_id_only: int = 0
    tariffs_skipped: Dict[str, int] = field(default_factory=dict)


def load_tariff_table(
    tariff_source: Optional[str],
    location_source: str,
    http: HttpClient,
    token: Optional[str],
    log: Optional[Callable[[str], None]] = None,
) -> TariffTable:
    """Tariffs from ``tariff_source``, or discovered on the OCPI server of ``location_source``."""
    source = (tariff_source or "").strip()
    if not source:
        if not is_url(location_source) or looks_like_dump_url(location_source):
            raise InputError(
                "SOURCE is a dump, which has no tariffs module: give TARIFF_SOURCE (a tariffs endpoint, "
                "an OCPI versions URL or a tariffs dump file)."
            )
        source = location_source
        if source.rstrip("/").lower().endswith("/locations"):
            raise InputError(
                "SOURCE is a locations endpoint: give TARIFF_SOURCE (the tariffs endpoint or the OCPI "
                "versions URL), or use the versions URL as SOURCE."
            )
    fetched = fetch_records(source, ("tariffs",), http, token, None, None, log)
    table = parse_tariffs(fetched.records)
    table.skipped.merge(fetched.skipped)  # tariffs left out before parsing (a number out of range)
    return table


def iter_raw_locations(
    source: str, http: HttpClient, token: Optional[str], log: Optional[Callable[[str], None]] = None
) -> Iterator[Any]:
    """The OCPI Locations of ``source`` as the loader reads them (dump file, dump URL or API)."""
    if not is_url(source):
        yield from iter_dump_locations(os.path.expanduser(source))
        return
    client = OcpiClient(http, token, log=log)
    if looks_like_dump_url(source):
        path = download(http, source, client)
        try:
            yield from iter_dump_locations(path)
        finally:
            os.unlink(path)
        return
    endpoint = client.resolve(source, "locations")
    if endpoint.dump is not None:
        yield from endpoint.dump
        return
    for page in client.iter_pages(endpoint.url):
        yield from page.objects


def _higher(a: Optional[float], b: Optional[float]) -> Optional[float]:
    if a is None:
        return b
    return a if b is None else max(a, b)


def price_records(
    records: List[dict],
    locations: Iterator[Any],
    tariffs: TariffTable,
    is_canceled: Callable[[], bool] = lambda: False,
) -> PricingReport:
    """Set ``price_kwh`` and ``price_per_hour`` on each record (by ``source_id``) from its Location.

    Locations sharing an id (different parties) give the higher price: what a
    driver may pay there.
    """
    report = PricingReport(tariffs=len(tariffs), tariffs_skipped=dict(tariffs.skipped.counts))
    wanted = {str(r["source_id"]).strip().upper() for r in records if r.get("source_id")}
    prices: Dict[str, LocationPrice] = {}
    unmatched: Dict[str, None] = {}
    for n, location in enumerate(locations):
        if n % 1000 == 0 and is_canceled():
            raise CanceledError()
        if not isinstance(location, dict) or location.get("id") in (None, ""):
            continue
        key = str(location["id"]).strip().upper()
        if key not in wanted:
            continue
        price = location_price(location, tariffs)
        report.unmatched_references += len(price.unmatched)
        report.matched_on_id_only += price.matched_on_id_only
        for tariff_id in price.unmatched:
            unmatched.setdefault(tariff_id, None)
        known = prices.get(key)
        if known is None:
            prices[key] = price
        else:
            known.price_kwh = _higher(known.price_kwh, price.price_kwh)
            known.price_per_hour = _higher(known.price_per_hour, price.price_per_hour)
            known.tariff_ids += price.tariff_ids
    for record in records:
        price = prices.get(str(record.get("source_id") or "").strip().upper())
        record["price_kwh"] = price.price_kwh if price else None
        record["price_per_hour"] = price.price_per_hour if price else None
        if price is not None and price.tariff_ids == 0:
            report.without_tariff_ids += 1
        if record["price_kwh"] is not None or record["price_per_hour"] is not None:
            report.priced += 1
    report.unmatched_ids = list(unmatched)[:20]
    return report
