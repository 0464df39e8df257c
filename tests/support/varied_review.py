"""A GeoPackage review with a history of every kind, for the tests of copying a review.

Departments Mobiliteit, Netbeheer (required) and Parkeren (advisory), the reject rule
``required`` and own cancellation reasons; decisions of two departments, request_changes
and resubmit, a cancel with a reason, a comment with a photo, an event imported from a CSV,
and a request site with its requests appended by ``append_requests``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List

from ev_planner.core.review.events import ReviewEvent
from ev_planner.core.review.importer import import_events
from ev_planner.core.review.requests import RequestRecord, append_requests
from ev_planner.core.review.states import Department, ReviewConfig
from ev_planner.core.review.store import LocationInput, ReviewStore, create_review

RD_WKT = 'PROJCS["Amersfoort / RD New",AUTHORITY["EPSG","28992"]]'
PHOTO = b"\xff\xd8\xff\xe0 a photo of the kerb \x00\x01\x02"
CONFIG = ReviewConfig(
    departments=(Department("Mobiliteit"), Department("Netbeheer"), Department("Parkeren", required=False)),
    reject_rule="required",
    cancellation_reasons=("other", "no_grid", "bezwaar"),
)
ATTRIBUTE_TYPES = {"score": "REAL", "rank": "INTEGER", "surveyed": "DATETIME", "wijk": "TEXT"}
CSV = (
    "location_id,at,actor,department,action,reason,comment\n"
    "L2,2026-05-01 09:30,Pieter,,comment,,belde over de laadpaal\n"
)


def _locations() -> List[LocationInput]:
    return [
        LocationInput(
            f"L{i}",
            84000.5 + 10 * i,
            447000.25 + 5 * i,
            {
                "score": 0.5 + i,
                "rank": i,
                "surveyed": f"2026-04-0{i}T10:00:00.000Z",
                "wijk": f"Wijk {i}",
                "address": f"Markt {i}",
                "operator": "Vattenfall" if i == 1 else None,
                "parking_spaces": i + 1,
            },
        )
        for i in range(1, 5)
    ]


def _event(location_id: str, action: str, minute: int, actor: str, **values) -> ReviewEvent:
    return ReviewEvent(location_id, action, at=f"2026-05-01T08:{minute:02d}:00Z", actor=actor, **values)


def varied_review(folder: Path, name: str = "plan.gpkg") -> ReviewStore:
    """The review in ``folder``, its photo in the attachment folder next to it."""
    store = ReviewStore(
        create_review(
            folder / name, _locations(), CONFIG, "EPSG:28992", RD_WKT, attribute_types=ATTRIBUTE_TYPES
        )
    )
    photo = folder / "stoep.jpg"
    photo.write_bytes(PHOTO)
    for minute, (location_id, action, actor, values) in enumerate(_script()):
        store.append(
            _event(location_id, action, minute, actor, **values),
            photo=photo if values.get("comment") == "foto" else None,
        )
    csv = folder / "events.csv"
    csv.write_text(CSV, encoding="utf-8")
    assert import_events(store, csv).imported == 1
    append_requests(
        store,
        [LocationInput("R1", 84100.0, 447100.0, {"request_ids": "A-1;A-2", "address": "Kerkstraat 3"})],
        [
            RequestRecord("A-1", "2026-03-01T10:00:00.000Z", "new_site", location_id="R1", walk_m=120.5),
            RequestRecord("A-2", "2026-03-02T11:00:00.000Z", "new_site", location_id="R1", walk_m=80.0),
            RequestRecord("A-3", "2026-03-03T12:00:00.000Z", "served", reason="existing", location_id="L1"),
        ],
    )
    return store


def _script():
    return [
        ("L1", "submit", "Coco", {}),
        ("L1", "approve", "Ann", {"department": "Mobiliteit"}),
        ("L1", "approve", "Bob", {"department": "Netbeheer"}),
        ("L1", "request", "Coco", {}),
        ("L2", "submit", "Coco", {}),
        ("L2", "request_changes", "Bob", {"department": "Netbeheer", "comment": "kabel ligt te diep"}),
        ("L2", "resubmit", "Coco", {}),
        ("L2", "approve", "Ann", {"department": "Mobiliteit"}),
        ("L3", "comment", "Ann", {"department": "Mobiliteit", "comment": "foto"}),
        ("L3", "cancel", "Coco", {"reason": "bezwaar", "comment": "bezwaar van bewoners"}),
        ("L4", "submit", "Coco", {}),
        ("L4", "reject", "Bob", {"department": "Netbeheer", "reason": "no_capacity"}),
    ]


def comparable_rows(store) -> List[Dict[str, object]]:
    """The locations' columns a copy must keep, without the row number."""
    return [{key: value for key, value in row.items() if key != "fid"} for row in store.locations()]
