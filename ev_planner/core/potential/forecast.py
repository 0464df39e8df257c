"""Forecast of public charge-point demand per area for a target year.

    evs             = cars * EV_SHARE
    public_evs      = evs * PUBLIC_SHARE
    required_points = ceil(public_evs / EVS_PER_PUBLIC_POINT)
    gap             = max(required_points - existing_points, 0)
    afir_kw         = evs * 1.3   (AFIR's minimum public power per battery-electric car)

The defaults are national middles that a municipality must check against its
own outlook; their sources are in the algorithm help (``forecastdemand.md``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..errors import InputError

DEFAULT_TARGET_YEAR = 2030
# NAL (Nationale Agenda Laadinfrastructuur, Klimaatakkoord 2019): about 1.9 million electric
# passenger cars in 2030, out of a fleet of roughly 9.5 million (CBS: 9.2 million in 2024).
DEFAULT_EV_SHARE = 0.20
# About half of Dutch EV drivers have no private driveway and charge on the street (NAL); far
# more in dense city districts, fewer in villages.
DEFAULT_PUBLIC_SHARE = 0.5
# NAL progress report 2023: ~134,000 (semi-)public points for ~600,000 plug-in cars, i.e. ~4.5 EVs
# per public point overall, or ~2.5 per EV that depends on public charging (x PUBLIC_SHARE 0.5).
DEFAULT_EVS_PER_PUBLIC_POINT = 2.5
# AFIR (EU Regulation 2023/1804, art. 3): at least 1.3 kW of public power per registered BEV.
AFIR_KW_PER_BEV = 1.3


@dataclass
class ForecastParameters:
    ev_share: float = DEFAULT_EV_SHARE
    public_share: float = DEFAULT_PUBLIC_SHARE
    evs_per_public_point: float = DEFAULT_EVS_PER_PUBLIC_POINT

    def validate(self) -> None:
        # One message per parameter, so that each one is translated as a whole.
        if not (math.isfinite(self.ev_share) and 0.0 <= self.ev_share <= 1.0):
            raise InputError(
                "The EV share is a fraction between 0 and 1 (e.g. 0.2 for 20%), not {value}.",
                value=self.ev_share,
            )
        if not (math.isfinite(self.public_share) and 0.0 <= self.public_share <= 1.0):
            raise InputError(
                "The public share is a fraction between 0 and 1 (e.g. 0.2 for 20%), not {value}.",
                value=self.public_share,
            )
        if not (math.isfinite(self.evs_per_public_point) and self.evs_per_public_point > 0):
            raise InputError(
                "The number of EVs per public point must be positive, not {value}.",
                value=self.evs_per_public_point,
            )


def forecast(
    cars: np.ndarray, existing_points: np.ndarray, parameters: ForecastParameters
) -> dict[str, np.ndarray]:
    """Per area: ``evs``, ``public_evs``, ``required_points``, ``existing_points``, ``gap``, ``afir_kw``."""
    parameters.validate()
    cars = np.asarray(cars, dtype=np.float64)
    existing = np.asarray(existing_points, dtype=np.float64)
    if cars.shape != existing.shape:
        raise InputError("There must be one count of existing points per area.")
    if not np.all(np.isfinite(cars)) or np.any(cars < 0):
        raise InputError("The car counts must be zero or positive numbers.")
    if not np.all(np.isfinite(existing)) or np.any(existing < 0):
        raise InputError("The existing point counts must be zero or positive numbers.")
    evs = cars * parameters.ev_share
    public_evs = evs * parameters.public_share
    # A tiny tolerance keeps exact multiples (e.g. 10 / 2.5) from rounding up through float noise.
    required = np.ceil(public_evs / parameters.evs_per_public_point - 1e-9).clip(min=0)
    return {
        "evs": evs,
        "public_evs": public_evs,
        "required_points": required.astype(np.int64),
        "existing_points": existing,
        "gap": np.maximum(required - existing, 0.0),
        "afir_kw": evs * AFIR_KW_PER_BEV,
    }


def count_points_per_area(
    area_index: np.ndarray, n_areas: int, weights: np.ndarray | None = None
) -> np.ndarray:
    """Existing charge points per area, from each point's area index (-1 = outside all)."""
    area_index = np.asarray(area_index, dtype=np.int64)
    inside = area_index >= 0
    w = None if weights is None else np.asarray(weights, dtype=np.float64)[inside]
    return np.bincount(area_index[inside], weights=w, minlength=n_areas).astype(np.float64)
