"""Residents' requests in core: intake, the set cover of new sites, outcomes on a canal network."""

from __future__ import annotations

from datetime import datetime, timezone
from itertools import combinations

import numpy as np
import pytest

from ev_planner.core.potential.distance import StraightLine, Walking
from ev_planner.core.potential.network import WalkingNetwork
from ev_planner.core.requests import intake as i
from ev_planner.core.requests.cover import cover_requests
from ev_planner.core.requests.evaluate import evaluate_requests

UTC = timezone.utc
# Two streets 100 m apart, joined only by a bridge 1,000 m away (as in the walking tests).
CANAL = [
    np.array([[0.0, 0.0], [500.0, 0.0], [1000.0, 0.0]]),
    np.array([[0.0, 100.0], [500.0, 100.0], [1000.0, 100.0]]),
    np.array([[1000.0, 0.0], [1000.0, 100.0]]),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-01", datetime(2026, 3, 1, tzinfo=UTC)),
        ("01-03-2026", datetime(2026, 3, 1, tzinfo=UTC)),  # Dutch: day first, always
        ("1/3/2026", datetime(2026, 3, 1, tzinfo=UTC)),
        ("01-03-2026 14:30", datetime(2026, 3, 1, 14, 30, tzinfo=UTC)),
        ("2026-03-01T10:00:00+01:00", datetime(2026, 3, 1, 9, 0, tzinfo=UTC)),
        ("31-02-2026", None),
        ("maart 2026", None),
        ("", None),
    ],
)
def test_received_at_in_iso_and_dutch_form(text, expected):
    assert i.parse_received_at(text) == expected


def test_addresses_match_on_postcode_and_number_or_street_and_number():
    index = i.AddressIndex()
    index.add("Mekelweg", "5", "2628 CD", 10.0, 20.0)
    index.add("Julianalaan", "134a", None, 30.0, 40.0)
    index.add("Rotterdamseweg", "139B-33", "2628AL", 50.0, 60.0)
    index.add("Rotterdamseweg", "139B-12", "2628AL", 70.0, 80.0)
    assert index.find("Mekelweg 5, 2628CD Delft") == (10.0, 20.0)
    assert index.find("mekelweg 5") == (10.0, 20.0)
    assert index.find("Julianalaan 134 A, Delft") == (30.0, 40.0)
    assert index.find("Julianalaan 134") is None  # 134 is not 134a
    assert index.find("Mekelweg 7, 2628 CD Delft") is None
    assert index.find("Rotterdamseweg 139B-33, 2628 AL Delft") == (50.0, 60.0)
    assert index.find("Rotterdamseweg 139 b 12") == (70.0, 80.0)


def test_every_row_is_kept_with_its_reason_and_duplicates_are_counted():
    rows = [
        {"request_id": "R1", "received_at": "01-03-2026", "x": "1,5", "y": "2", "naam": "J. Jansen"},
        {"request_id": "R2", "received_at": "gisteren", "x": "1", "y": "2"},
        {"request_id": "R3", "received_at": "2026-03-02", "address": "Nergensstraat 1"},
        {"request_id": "R4", "received_at": "2026-03-02"},
        {"request_id": "R1", "received_at": "2026-03-03", "x": "5", "y": "5"},
        {"request_id": "", "received_at": "2026-03-03", "x": "5", "y": "5"},
        {"request_id": "R7", "received_at": "2026-03-03", "x": "abc", "y": "5"},
    ]
    intake = i.check_requests(rows, [2, 3, 4, 5, 6, 7, 8], i.AddressIndex())
    assert [r.request_id for r in intake.requests] == ["R1", "R2", "R3", "R4", "", "R7"]
    assert intake.duplicates == [(6, "R1")]
    assert intake.requests[0].assessable
    assert (intake.requests[0].x, intake.requests[0].y) == (1.5, 2.0)
    assert intake.requests[0].extra == {"naam": "J. Jansen"}  # kept here; the glue decides what is written
    assert intake.not_assessable() == {
        i.REASON_BAD_DATE.template: [3],
        i.REASON_UNMATCHED_ADDRESS.template: [4],
        i.REASON_NO_LOCATION.template: [5],
        i.REASON_NO_ID.template: [7],
        i.REASON_BAD_COORDINATES.template: [8],
    }


def brute_force_cover(matrix_rows: list[set], requests: int) -> int:
    need = set(range(requests)) & set().union(*matrix_rows) if matrix_rows else set()
    for size in range(len(matrix_rows) + 1):
        for combo in combinations(range(len(matrix_rows)), size):
            if need <= set().union(*(matrix_rows[j] for j in combo)) if combo else not need:
                return size
    raise AssertionError("unreachable")


@pytest.mark.parametrize("seed", range(30))
def test_greedy_cover_is_optimal_or_within_its_bound_against_brute_force(seed):
    rng = np.random.default_rng(seed)
    requests = rng.uniform(0, 1000, (int(rng.integers(3, 14)), 2))
    sites = rng.uniform(0, 1000, (int(rng.integers(3, 10)), 2))
    radius = float(rng.uniform(150, 400))
    cover = cover_requests(requests, sites, StraightLine(), radius)
    reach = [set(np.flatnonzero(np.hypot(*(requests - site).T) <= radius).tolist()) for site in sites]
    optimum = brute_force_cover(reach, len(requests))
    assert cover.lower_bound <= optimum <= len(cover.chosen)
    assert cover.optimal == (len(cover.chosen) == optimum)  # small instances are solved exactly
    served = set().union(*(reach[j] for j in cover.chosen.tolist())) if len(cover.chosen) else set()
    assert served == set().union(*reach)  # every reachable request gets a site
    for request in range(len(requests)):
        if cover.assignment[request] >= 0:
            site = cover.chosen[cover.assignment[request]]
            assert np.hypot(*(requests[request] - sites[site])) <= radius + 1e-9
            assert cover.distance[request] == pytest.approx(np.hypot(*(requests[request] - sites[site])))
        else:
            assert not any(request in r for r in reach)


def test_outcomes_on_the_canal_walking_and_in_a_straight_line():
    walking = Walking(WalkingNetwork.from_lines(CANAL), max_access=50)
    rows = [
        {
            "request_id": "across",
            "received_at": "2026-03-01",
            "x": 0,
            "y": 95,
        },  # 100 m straight, 2,100 walking
        {"request_id": "next_door", "received_at": "2026-03-01", "x": 20, "y": 5},
        {"request_id": "planned", "received_at": "2026-03-01", "x": 700, "y": 5},
        {"request_id": "far", "received_at": "2026-03-01", "x": 500, "y": 95},
        {"request_id": "far_too", "received_at": "2026-03-01", "x": 600, "y": 95},
        {"request_id": "in_a_field", "received_at": "2026-03-01", "x": 500, "y": 400},
    ]
    intake = i.check_requests(rows, list(range(2, 8)))
    existing = np.array([[0.0, 0.0]])
    planned = np.array([[800.0, 0.0]])
    walked = evaluate_requests(intake, existing, planned, walking, 250)
    assert walked.outcome == [
        "new_location", "covered_existing", "covered_planned", "new_location", "new_location", "not_assessable"
    ]  # fmt: skip
    assert walked.walk_to_existing[1] == pytest.approx(5 + 20)
    assert walked.walk_to_planned[2] == pytest.approx(5 + 100)
    assert walked.reason[5].template == "farther than {access:g} m from the street network"
    # "far" and "far_too" share one site on the north street; "across" needs its own.
    assert len(walked.cover.chosen) == 2
    assert walked.cover.lower_bound == 2
    assert walked.cover.optimal
    assert walked.site_of(3) == walked.site_of(4) != walked.site_of(0)
    straight = evaluate_requests(intake, existing, planned, StraightLine(), 250)
    assert straight.outcome[0] == "covered_existing"  # 95 m across the water
