"""Prices of charge points from OCPI Tariff objects (2.1.1 and 2.2.1).

A connector lists ``tariff_ids``; a Tariff is identified by ``country_code``,
``party_id`` and ``id`` (2.2.1; 2.1.1 tariffs have only ``id``, matched on id
alone). Per tariff:

- ``price_kwh``: the ENERGY price component, incl. VAT where the component gives
  ``vat`` (price x (1 + vat/100)); as published where VAT is missing (as the NDW
  feed does for many tariffs);
- ``price_per_hour``: the TIME price component (charging time), incl. VAT likewise.

OCPI applies, per dimension, the first element whose restrictions hold; for a
map of "the" price we take the first element with that component whose
restrictions do not depend on the session (no kWh, duration, power, current or
reservation limits, no partial week, valid on the reference date), falling back
to the first element with that component.

A charge point gets the highest price over its connectors: what a driver may
have to pay there, which is what a maximum-tariff clause is about.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Tuple

import pandas as pd

from .common import SkipCounter

REASON_TARIFF_NOT_OBJECT = "tariff is not a JSON object"
REASON_TARIFF_NO_ID = "tariff without id"
REASON_TARIFF_NO_ELEMENTS = "tariff without usable price elements"

_SESSION_DEPENDENT = (
    "min_kwh",
    "max_kwh",
    "min_current",
    "max_current",
    "min_power",
    "max_power",
    "min_duration",
    "max_duration",
    "reservation",
)
_ALL_WEEK = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"}

TariffKey = Tuple[str, str, str]  # (COUNTRY, PARTY, ID), upper-case; "" where unknown


@dataclass
class TariffPrice:
    price_kwh: Optional[float]
    price_per_hour: Optional[float]
    currency: Optional[str]


@dataclass
class TariffTable:
    prices: Dict[TariffKey, TariffPrice] = field(default_factory=dict)
    by_id: Dict[str, List[TariffKey]] = field(default_factory=dict)
    skipped: SkipCounter = field(default_factory=SkipCounter)

    def __len__(self) -> int:
        return len(self.prices)

    def find(self, country_code: Any, party_id: Any, tariff_id: Any) -> Tuple[Optional[TariffPrice], bool]:
        """The tariff with this id of this party, and whether it was found on the id alone.

        Exact (country_code, party_id, id) first. Otherwise the id alone, when a
        single tariff has it: 2.1.1 tariffs carry no party, and national feeds
        republish locations under their own party id (NDW: ``ZZZ``) while the
        tariffs keep the operator's.
        """
        tid = _norm(tariff_id)
        if not tid:
            return None, False
        exact = self.prices.get((_norm(country_code), _norm(party_id), tid))
        if exact is not None:
            return exact, False
        candidates = self.by_id.get(tid, [])
        if len(candidates) == 1:
            return self.prices[candidates[0]], True
        return None, False


def _norm(value: Any) -> str:
    return "" if value is None else str(value).strip().upper()


def _restriction_free(element: dict, reference: pd.Timestamp) -> bool:
    restrictions = element.get("restrictions")
    if not isinstance(restrictions, dict):
        return True
    if any(restrictions.get(name) not in (None, False, "", 0) for name in _SESSION_DEPENDENT):
        return False
    days = restrictions.get("day_of_week")
    if days and set(map(str, days)) != _ALL_WEEK:
        return False
    start, end = restrictions.get("start_date"), restrictions.get("end_date")
    day = reference.strftime("%Y-%m-%d")
    if start and str(start) > day:
        return False
    if end and str(end) <= day:
        return False
    start_time, end_time = restrictions.get("start_time"), restrictions.get("end_time")
    # A time window covering (almost) the whole day, like 00:00-23:59, does not restrict.
    return not (start_time or end_time) or (
        str(start_time or "00:00") <= "00:00" and str(end_time or "23:59") >= "23:59"
    )


def _component_price(elements: list, kind: str, reference: pd.Timestamp) -> Optional[float]:
    fallback = None
    for element in elements:
        if not isinstance(element, dict):
            continue
        for component in element.get("price_components") or []:
            if not isinstance(component, dict) or str(component.get("type", "")).upper() != kind:
                continue
            try:
                price = float(component.get("price"))
            except (TypeError, ValueError):
                continue
            vat = component.get("vat")
            with contextlib.suppress(TypeError, ValueError):
                price *= 1.0 + float(vat) / 100.0 if vat is not None else 1.0
            if _restriction_free(element, reference):
                return round(price, 6)
            if fallback is None:
                fallback = round(price, 6)
    return fallback


def parse_tariffs(records: Iterable[Any], reference: Optional[pd.Timestamp] = None) -> TariffTable:
    """OCPI Tariff objects -> a :class:`TariffTable` keyed on (country_code, party_id, id)."""
    reference = pd.Timestamp.now(tz="UTC") if reference is None else pd.Timestamp(reference)
    table = TariffTable()
    for record in records:
        if not isinstance(record, dict):
            table.skipped.add(REASON_TARIFF_NOT_OBJECT, 1)
            continue
        tariff_id = _norm(record.get("id"))
        if not tariff_id:
            table.skipped.add(REASON_TARIFF_NO_ID, 1)
            continue
        elements = record.get("elements")
        elements = elements if isinstance(elements, list) else []
        price_kwh = _component_price(elements, "ENERGY", reference)
        price_hour = _component_price(elements, "TIME", reference)
        if (
            price_kwh is None
            and price_hour is None
            and not any(isinstance(e, dict) and e.get("price_components") for e in elements)
        ):
            table.skipped.add(REASON_TARIFF_NO_ELEMENTS, 1, [record.get("id")])
            continue
        key = (_norm(record.get("country_code")), _norm(record.get("party_id")), tariff_id)
        table.prices[key] = TariffPrice(price_kwh, price_hour, record.get("currency"))
        table.by_id.setdefault(tariff_id, []).append(key)
    return table


@dataclass
class LocationPrice:
    price_kwh: Optional[float]
    price_per_hour: Optional[float]
    tariff_ids: int  # tariff ids referenced by the connectors
    unmatched: List[str]  # referenced ids without a tariff
    matched_on_id_only: int = 0  # references matched on the tariff id alone (see TariffTable.find)


def _max(values: List[Optional[float]]) -> Optional[float]:
    known = [v for v in values if v is not None]
    return max(known) if known else None


def location_price(location: dict, tariffs: TariffTable) -> LocationPrice:
    """Highest energy and time price over the connectors of one OCPI Location."""
    country, party = location.get("country_code"), location.get("party_id")
    energy: List[Optional[float]] = []
    hourly: List[Optional[float]] = []
    referenced, on_id_only, unmatched = 0, 0, []
    for evse in location.get("evses") or []:
        if not isinstance(evse, dict):
            continue
        for connector in evse.get("connectors") or []:
            if not isinstance(connector, dict):
                continue
            ids = connector.get("tariff_ids") or (
                [connector["tariff_id"]] if connector.get("tariff_id") else []
            )
            for tariff_id in ids:
                referenced += 1
                price, id_only = tariffs.find(country, party, tariff_id)
                on_id_only += int(id_only and price is not None)
                if price is None:
                    if str(tariff_id) not in unmatched:
                        unmatched.append(str(tariff_id))
                    continue
                energy.append(price.price_kwh)
                hourly.append(price.price_per_hour)
    return LocationPrice(_max(energy), _max(hourly), referenced, unmatched, on_id_only)
