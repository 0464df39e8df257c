"""QGIS-free domain logic of EV Planner.

Nothing below this package may import ``qgis``: a test enforces it, so that the
logic can be used from plain Python (``from ev_planner.core import ...``) and be
tested without a QGIS installation.
"""
