"""The review workflow: state machine, append-only event log (GeoPackage or PostgreSQL), KPIs and documents.

Everything here is QGIS-free. The Processing algorithms and the review dock are
thin layers over :mod:`.store` and :mod:`.postgres`; they never edit derived attributes themselves.
"""

from __future__ import annotations

from .events import ReviewEvent
from .importer import ImportResult, import_events
from .kpis import ReviewKpis, compute_kpis
from .states import ACTIONS, STATUSES, Department, ReviewConfig, TransitionError
from .store import LocationInput, ReviewStore, create_review

__all__ = [
    "ACTIONS",
    "STATUSES",
    "Department",
    "ImportResult",
    "LocationInput",
    "ReviewConfig",
    "ReviewEvent",
    "ReviewKpis",
    "ReviewStore",
    "TransitionError",
    "compute_kpis",
    "create_review",
    "import_events",
]
