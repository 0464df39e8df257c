"""Operator performance and market concentration, for contract compliance.

Input: one row per charge point (location) with ``operator``, ``evse_count``,
``max_power_kw`` and, where known, ``availability_pct`` and ``price_kwh``; an
optional ``area`` column groups the figures per area (e.g. per district).

Per operator (and area):

- ``locations``, ``evses``; ``share_pct`` = EVSEs / all EVSEs of the area x 100;
- ``power_kw`` = installed power, sum of evse_count x max_power_kw;
  ``mean_power_kw`` = EVSE-weighted mean of max_power_kw;
- ``availability_pct`` = EVSE-weighted mean of the points' availability;
- ``under_min_power`` = points with max_power_kw below the minimum;
  ``over_max_tariff`` = points with price_kwh above the maximum;
- ``equivalents`` = Flemish charge-point equivalents: an EVSE of <= 22 kW counts 1,
  <= 150 kW counts 5, > 150 kW counts 10;
- ``compliant`` and ``compliance`` (the failed clauses: power, tariff, availability).

Per area: ``hhi`` = Herfindahl-Hirschman index = sum of squared EVSE shares in %
(0-10,000; above 2,500 is a highly concentrated market in the US DOJ/FTC
guidelines) and ``operators`` = the number of operators.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Optional

import numpy as np
import pandas as pd

UNKNOWN_OPERATOR = "(unknown)"
ALL_AREAS = ""

# Flemish charge-point equivalents (laadpuntequivalenten), per EVSE by power class.
EQUIVALENT_CLASSES = ((22.0, 1.0), (150.0, 5.0), (np.inf, 10.0))

FLAG_POWER = "power"
FLAG_TARIFF = "tariff"
FLAG_AVAILABILITY = "availability"

OPERATOR_FIELDS: tuple[str, ...] = (
    "area",
    "operator",
    "locations",
    "evses",
    "share_pct",
    "power_kw",
    "mean_power_kw",
    "availability_pct",
    "under_min_power",
    "over_max_tariff",
    "equivalents",
    "compliant",
    "compliance",
    "hhi",
    "operators",
)


@dataclass
class Limits:
    max_tariff_eur_kwh: Optional[float] = None
    min_power_kw: Optional[float] = None
    min_availability_pct: Optional[float] = None


@dataclass
class OperatorResult:
    table: pd.DataFrame  # OPERATOR_FIELDS, one row per (area, operator)
    areas: pd.DataFrame  # area, hhi, operators, evses, locations, equivalents
    unknown_power: int = 0  # points without max_power_kw (counted as <= 22 kW)
    not_checked: Dict[str, str] = field(default_factory=dict)  # clause -> why


def equivalents_per_evse(max_power_kw: np.ndarray) -> np.ndarray:
    """Equivalent of one EVSE by its power; unknown power counts as the lowest class."""
    power = np.nan_to_num(np.asarray(max_power_kw, dtype=np.float64), nan=0.0)
    bounds = np.array([b for b, _ in EQUIVALENT_CLASSES[:-1]])
    weights = np.array([w for _, w in EQUIVALENT_CLASSES])
    return weights[np.searchsorted(bounds, power, side="left")]


NUMERIC_POINT_FIELDS: tuple[str, ...] = ("evse_count", "max_power_kw", "availability_pct", "price_kwh")


def coerce_numbers(points: pd.DataFrame) -> Dict[str, int]:
    """Make the numeric point columns numbers in place; a value that is no number becomes unknown.

    Returns the count of such values per column (only columns that had any).
    """
    bad: Dict[str, int] = {}
    for name in NUMERIC_POINT_FIELDS:
        if name not in points.columns:
            continue
        values = pd.to_numeric(points[name], errors="coerce")
        count = int((values.isna() & points[name].notna()).sum())
        if count:
            bad[name] = count
        points[name] = values
    return bad


@dataclass
class Overall:
    """The figures of all charge points together, whatever the areas."""

    hhi: float = 0.0
    operators: int = 0
    equivalents: float = 0.0


def overall_figures(points: pd.DataFrame, limits: Optional[Limits] = None) -> Overall:
    areas = operator_performance(points.assign(area=ALL_AREAS), limits).areas
    if not len(areas):
        return Overall()
    first = areas.iloc[0]
    return Overall(float(first["hhi"]), int(first["operators"]), float(first["equivalents"]))


def operator_performance(points: pd.DataFrame, limits: Optional[Limits] = None) -> OperatorResult:
    limits = limits or Limits()
    inputs = _PointInputs.of(points)
    table = _per_operator(_contributions(inputs, limits))
    not_checked = _check_compliance(table, inputs, limits, len(points))
    for name in ("locations", "under_min_power", "over_max_tariff", "operators"):
        table[name] = table[name].round().astype("Int64")
    return OperatorResult(
        table=table[list(OPERATOR_FIELDS)],
        areas=_per_area(table),
        unknown_power=int(inputs.power.isna().sum()),
        not_checked=not_checked,
    )


@dataclass
class _PointInputs:
    """The point columns the figures need, cleaned: unknown operators named, EVSEs at least 1."""

    area: pd.Series
    operator: pd.Series
    evses: pd.Series
    power: pd.Series
    availability: pd.Series
    price: pd.Series

    @classmethod
    def of(cls, points: pd.DataFrame) -> _PointInputs:
        def column(name: str) -> pd.Series:
            if name in points.columns:
                return pd.to_numeric(points[name], errors="coerce").astype("float64")
            return pd.Series(np.nan, index=points.index, dtype="float64")

        if "operator" in points:
            operator = points["operator"].astype("string").str.strip()
            operator = operator.mask(operator.isna() | (operator == ""), UNKNOWN_OPERATOR)
        else:
            operator = pd.Series(UNKNOWN_OPERATOR, index=points.index, dtype="string")
        if "area" in points:
            area = points["area"].astype("string").fillna(ALL_AREAS)
        else:
            area = pd.Series(ALL_AREAS, index=points.index, dtype="string")
        evses = column("evse_count").fillna(0).clip(lower=0)
        # A listed location has at least one EVSE, even if the source left the count empty.
        evses = evses.where(evses > 0, 1.0)
        return cls(
            area, operator, evses, column("max_power_kw"), column("availability_pct"), column("price_kwh")
        )


def _contributions(inputs: _PointInputs, limits: Limits) -> pd.DataFrame:
    """What each point adds to its operator's sums."""
    evses, power, availability, price = inputs.evses, inputs.power, inputs.availability, inputs.price
    return pd.DataFrame(
        {
            "area": inputs.area,
            "operator": inputs.operator,
            "evses": evses,
            "power_kw": evses * power.fillna(0),
            "power_weight": evses.where(power.notna(), 0.0),
            "power_sum": (evses * power).fillna(0),
            "avail_weight": evses.where(availability.notna(), 0.0),
            "avail_sum": (evses * availability).fillna(0),
            "equivalents": evses * equivalents_per_evse(power.to_numpy()),
            "under_min_power": (power < limits.min_power_kw).astype(float)
            if limits.min_power_kw is not None
            else 0.0,
            "over_max_tariff": (price > limits.max_tariff_eur_kwh).astype(float)
            if limits.max_tariff_eur_kwh is not None
            else 0.0,
        }
    )


def _per_operator(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per (area, operator): sums, shares, weighted means and the area's HHI."""
    grouped = frame.groupby(["area", "operator"], sort=True, dropna=False)
    table = grouped.agg(
        locations=("evses", "size"),
        evses=("evses", "sum"),
        power_kw=("power_kw", "sum"),
        power_weight=("power_weight", "sum"),
        power_sum=("power_sum", "sum"),
        avail_weight=("avail_weight", "sum"),
        avail_sum=("avail_sum", "sum"),
        equivalents=("equivalents", "sum"),
        under_min_power=("under_min_power", "sum"),
        over_max_tariff=("over_max_tariff", "sum"),
    ).reset_index()
    area_evses = table.groupby("area")["evses"].transform("sum")
    table["share_pct"] = 100.0 * table["evses"] / area_evses
    table["mean_power_kw"] = table["power_sum"] / table["power_weight"].where(table["power_weight"] > 0)
    table["availability_pct"] = table["avail_sum"] / table["avail_weight"].where(table["avail_weight"] > 0)
    table["hhi"] = (table["share_pct"] ** 2).groupby(table["area"]).transform("sum")
    table["operators"] = table.groupby("area")["operator"].transform("size")
    return table


def _check_compliance(table: pd.DataFrame, inputs: _PointInputs, limits: Limits, n: int) -> Dict[str, str]:
    """Fill ``compliance`` and ``compliant``; returns the clauses that could not be checked, and why."""
    not_checked: Dict[str, str] = {}
    flags = pd.DataFrame(index=table.index)
    if limits.min_power_kw is not None:
        flags[FLAG_POWER] = table["under_min_power"] > 0
        if inputs.power.isna().all() and n:
            not_checked[FLAG_POWER] = "no max_power_kw"
    else:
        table["under_min_power"] = np.nan
        not_checked[FLAG_POWER] = "MIN_POWER_KW not set"
    if limits.max_tariff_eur_kwh is not None:
        flags[FLAG_TARIFF] = table["over_max_tariff"] > 0
        if inputs.price.isna().all():
            table["over_max_tariff"] = np.nan
            not_checked[FLAG_TARIFF] = "no price_kwh"
    else:
        table["over_max_tariff"] = np.nan
        not_checked[FLAG_TARIFF] = "MAX_TARIFF_EUR_KWH not set"
    if limits.min_availability_pct is not None:
        flags[FLAG_AVAILABILITY] = table["availability_pct"] < limits.min_availability_pct
        if inputs.availability.isna().all():
            not_checked[FLAG_AVAILABILITY] = "no availability_pct"
    else:
        not_checked[FLAG_AVAILABILITY] = "MIN_AVAILABILITY_PCT not set"
    compliance = pd.Series("", index=table.index, dtype="object")
    for flag in flags.columns:
        hit = flags[flag].fillna(False).to_numpy(dtype=bool)
        compliance[hit] = compliance[hit].str.cat(pd.Series(flag, index=compliance.index)[hit], sep=", ")
    compliance = compliance.str.lstrip(", ")
    table["compliance"] = compliance
    table["compliant"] = compliance == ""
    return not_checked


def _per_area(table: pd.DataFrame) -> pd.DataFrame:
    return (
        table.groupby("area", sort=True)
        .agg(
            hhi=("hhi", "first"),
            operators=("operators", "first"),
            locations=("locations", "sum"),
            evses=("evses", "sum"),
            equivalents=("equivalents", "sum"),
        )
        .reset_index()
    )
