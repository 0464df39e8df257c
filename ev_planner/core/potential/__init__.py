"""Potential map: candidate sites, demand, forecast, scoring, coverage and selection.

QGIS-free and vectorised (numpy/scipy). Each module stands alone; import what
you need, e.g. ``from ev_planner.core.potential.coverage import coverage_grid``.
"""
