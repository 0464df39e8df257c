"""A review GeoPackage with one approved location, for the tests of the decrees."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsVectorLayer

from ev_planner.core.review.events import ReviewEvent
from ev_planner.core.review.store import ReviewStore


def approved_review(locations: QgsVectorLayer, path: Path, location_id: str) -> ReviewStore:
    """``createreview`` of ``locations`` (one department, Mobiliteit) with ``location_id`` approved."""
    import processing

    processing.run(
        "evplanner:createreview", {"LOCATIONS": locations, "DEPARTMENTS": "Mobiliteit", "OUTPUT": str(path)}
    )
    store = ReviewStore(path)
    store.append(ReviewEvent(location_id, "submit", at="2026-05-01T08:00:00Z", actor="ann"))
    store.append(
        ReviewEvent(location_id, "approve", at="2026-05-02T08:00:00Z", actor="bob", department="Mobiliteit")
    )
    return store
