"""Coverage check in the NAL sense and in walking distance.

The NAL "landelijk dekkend netwerk" rule: every 500 x 500 m cell of the CBS
grid (cells at multiples of 500 m in RD New) with at least 125 households
should have a public charge point in it; a qualifying cell without one is a
*white spot*. Independently of cells, the share of the demand that has a
charge point within RADIUS is computed, in a straight line (KD-tree) or walking along the
street network (``distance.Walking``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from ..errors import InputError
from .candidates import Polygon, grid_points, locate_points, polygons_bounds
from .distance import StraightLine, Walking

DEFAULT_CELL_SIZE = 500.0
DEFAULT_MIN_HOUSEHOLDS = 125.0
DEFAULT_RADIUS = 250.0


@dataclass
class CoverageResult:
    cell_size: float
    ix: np.ndarray  # int64 column of each cell: its lower-left corner is (ix * cell_size, iy * cell_size)
    iy: np.ndarray
    households: np.ndarray  # float64 demand per cell
    charge_points: np.ndarray  # int64 charge points per cell
    covered: np.ndarray  # bool: the cell holds a charge point
    white_spot: np.ndarray  # bool: >= min households and no charge point
    within_radius: np.ndarray  # float64 demand of the cell with a charge point within the radius
    totals: dict[str, float] = field(default_factory=dict)

    def cell_polygon(self, i: int) -> np.ndarray:
        x0, y0 = self.ix[i] * self.cell_size, self.iy[i] * self.cell_size
        s = self.cell_size
        return np.array([[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s], [x0, y0]])

    def cell_code(self, i: int) -> str:
        """CBS-style code of the lower-left corner in hectometres, e.g. ``E0845N4470``."""
        x0, y0 = self.ix[i] * self.cell_size, self.iy[i] * self.cell_size
        return f"E{round(x0 / 100.0):04d}N{round(y0 / 100.0):04d}"


def within_radius(demand_xy: np.ndarray, charge_xy: np.ndarray, radius: float) -> np.ndarray:
    """Mask of demand points with a charge point at most ``radius`` away in a straight line."""
    demand_xy = np.asarray(demand_xy, dtype=np.float64).reshape(-1, 2)
    charge_xy = np.asarray(charge_xy, dtype=np.float64).reshape(-1, 2)
    return StraightLine().within(demand_xy, charge_xy, radius)


def _cell_keys(cells: np.ndarray) -> np.ndarray:
    """One int64 per (column, row) pair, ordered like the pairs (row-major by column)."""
    if len(cells) == 0:
        return np.empty(0, dtype=np.int64)
    low = cells.min(axis=0)
    rows = int(cells[:, 1].max() - low[1]) + 1
    return (cells[:, 0] - low[0]) * rows + (cells[:, 1] - low[1])


def coverage_grid(
    demand_xy: np.ndarray,
    demand: np.ndarray | None,
    charge_xy: np.ndarray,
    cell_size: float = DEFAULT_CELL_SIZE,
    min_households: float = DEFAULT_MIN_HOUSEHOLDS,
    radius: float = DEFAULT_RADIUS,
    measure: StraightLine | Walking | None = None,
) -> CoverageResult:
    """Cells (with demand or a charge point) of a grid aligned to multiples of ``cell_size``.

    ``demand`` is the number of households of each demand point (1 each when None). A cell
    is covered when it holds a charge point (the NAL definition, whatever ``measure``);
    ``measure`` only decides which demand has a charge point within ``radius``.
    """
    # One message per parameter: a translation cannot assemble the name and the kind of number.
    if not (math.isfinite(cell_size) and cell_size > 0):
        raise InputError("The cell size must be a positive number, not {value}.", value=cell_size)
    if not (math.isfinite(min_households) and min_households >= 0):
        raise InputError(
            "The minimum number of households must be a non-negative number, not {value}.",
            value=min_households,
        )
    if not (math.isfinite(radius) and radius >= 0):
        raise InputError("The radius must be a non-negative number, not {value}.", value=radius)
    demand_xy = np.asarray(demand_xy, dtype=np.float64).reshape(-1, 2)
    charge_xy = np.asarray(charge_xy, dtype=np.float64).reshape(-1, 2)
    demand = np.ones(len(demand_xy)) if demand is None else np.asarray(demand, dtype=np.float64)
    if demand.shape != (len(demand_xy),):
        raise InputError("There must be one demand value per demand point.")
    if not np.all(np.isfinite(demand)) or np.any(demand < 0):
        raise InputError("The demand values must be zero or positive numbers.")

    reached = (StraightLine() if measure is None else measure).within(demand_xy, charge_xy, radius)
    demand_cells = np.floor(demand_xy / cell_size).astype(np.int64)
    charge_cells = np.floor(charge_xy / cell_size).astype(np.int64)
    keep_demand = demand > 0
    all_cells = np.vstack([demand_cells[keep_demand], charge_cells])
    # A 1-D key makes np.unique ~10x faster than unique rows.
    _, first, inverse = np.unique(_cell_keys(all_cells), return_index=True, return_inverse=True)
    cells = all_cells[first].reshape(-1, 2)
    inverse = inverse.ravel()
    n_demand = int(keep_demand.sum())
    demand_kept = demand[keep_demand]
    households = np.bincount(inverse[:n_demand], weights=demand_kept, minlength=len(cells))
    reached_demand = np.bincount(
        inverse[:n_demand], weights=demand_kept * reached[keep_demand], minlength=len(cells)
    )
    points = np.bincount(inverse[n_demand:], minlength=len(cells)).astype(np.int64)
    covered = points > 0
    qualifying = households >= min_households
    white = qualifying & ~covered

    total = float(demand.sum())
    total_reached = float(demand[reached].sum())
    n_qualifying = int(qualifying.sum())
    n_covered = int((qualifying & covered).sum())
    totals = {
        "demand_total": total,
        "demand_within_radius": total_reached,
        "demand_within_radius_pct": 100.0 * total_reached / total if total > 0 else 0.0,
        "cells_with_demand": int((households > 0).sum()),
        "cells_qualifying": n_qualifying,
        "cells_covered": n_covered,
        "white_spots": int(white.sum()),
        "coverage_pct": 100.0 * n_covered / n_qualifying if n_qualifying else 100.0,
        "charge_points": len(charge_xy),
    }
    return CoverageResult(
        cell_size=float(cell_size),
        ix=cells[:, 0] if len(cells) else np.empty(0, dtype=np.int64),
        iy=cells[:, 1] if len(cells) else np.empty(0, dtype=np.int64),
        households=households,
        charge_points=points,
        covered=covered,
        white_spot=white,
        within_radius=reached_demand,
        totals=totals,
    )


def polygon_demand_points(
    polygons: Sequence[Polygon], values: np.ndarray, spacing: float, fallback_xy: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Demand points standing for polygons with a value, assuming uniform density inside each.

    A lattice at ``spacing`` (offset by half a spacing so samples never sit on
    cell edges) is laid over the polygons; each polygon's value is split equally
    over its samples. A polygon too small to hold a sample keeps its value on its
    ``fallback_xy`` point (a point on its surface). The sum of the values is kept.
    """
    values = np.asarray(values, dtype=np.float64)
    fallback_xy = np.asarray(fallback_xy, dtype=np.float64).reshape(-1, 2)
    if len(values) != len(polygons) or len(fallback_xy) != len(polygons):
        raise InputError("There must be one value and one fallback point per polygon.")
    if len(polygons) == 0:
        return np.empty((0, 2)), np.empty(0)
    xmin, ymin, xmax, ymax = polygons_bounds(polygons)
    half = spacing / 2.0
    samples = grid_points((xmin - half, ymin - half, xmax - half, ymax - half), spacing) + half
    owner = locate_points(samples, polygons)
    samples, owner = samples[owner >= 0], owner[owner >= 0]
    per_polygon = np.bincount(owner, minlength=len(polygons))
    weights = values[owner] / per_polygon[owner]
    lonely = np.nonzero(per_polygon == 0)[0]
    xy = np.vstack([samples, fallback_xy[lonely]])
    return xy, np.concatenate([weights, values[lonely]])
