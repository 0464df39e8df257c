"""KPIs of residents' requests: received and handled per month and outcome, lead times, target share.

A request is *answered* when the municipality can tell the resident the outcome: at its
evaluation when a public or planned point already serves it (or it cannot be assessed),
and at the decision on its new site (approved or rejected) otherwise. Its *delivery* is
the moment the location serving it is delivered. Lead times run from ``received_at``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Dict, Iterable, List, Mapping, Optional, Tuple

from ..errors import tr_noop
from .events import ReviewEvent, days_between
from .kpis import KpiRow, _stats
from .states import APPROVED, DELIVERED, REJECTED, ReviewConfig, TransitionError, apply_event, initial_state

DEFAULT_TARGET_DAYS = 90
DECIDED = (APPROVED, REJECTED)
# Readable names of the outcomes and lead times, for the report (translated where shown).
LABELS = {
    "covered_existing": tr_noop("covered by an existing point"),
    "covered_planned": tr_noop("covered by a planned location"),
    "new_location": tr_noop("needs a new location"),
    "not_assessable": tr_noop("not assessable"),
    "to_decision": tr_noop("received to answer"),
    "to_delivery": tr_noop("received to delivery of the point"),
}


def location_milestones(
    config: ReviewConfig, locations: Iterable[Mapping], events: Iterable[ReviewEvent]
) -> Dict[str, Tuple[Optional[str], Optional[str]]]:
    """location_id -> (first moment it was approved or rejected, moment it was delivered)."""
    by_location: Dict[str, List[ReviewEvent]] = defaultdict(list)
    for event in events:
        by_location[event.location_id].append(event)
    milestones = {}
    for location in locations:
        state = initial_state(config, location.get("created_at"))
        decided = delivered = None
        for event in by_location.get(location["location_id"], []):
            try:
                state = apply_event(
                    state, event.action, config, at=event.at, department=event.department,
                    reason=event.reason, installer=event.installer,
                )  # fmt: skip
            except TransitionError:
                continue
            if decided is None and state.status in DECIDED:
                decided = event.at
            if delivered is None and state.status == DELIVERED:
                delivered = event.at
        milestones[location["location_id"]] = (decided, delivered)
    return milestones


def request_kpis(
    requests: Iterable[Mapping],
    milestones: Mapping[str, Tuple[Optional[str], Optional[str]]],
    target_days: float = DEFAULT_TARGET_DAYS,
) -> List[KpiRow]:
    """The request rows of the KPI table (sections ``request_received``, ``request_handled``,
    ``request_outcome``, ``request_lead_time`` and ``request_target``)."""
    received: Dict[str, int] = defaultdict(int)
    handled: Dict[Tuple[str, str], int] = defaultdict(int)
    outcomes: Dict[str, int] = defaultdict(int)
    to_answer: List[float] = []
    to_delivery: List[float] = []
    total = within_target = 0
    for request in requests:
        total += 1
        outcome = request.get("outcome") or ""
        outcomes[outcome] += 1
        start = request.get("received_at")
        if start:
            received[start[:7]] += 1
        answered = _answered_at(request, milestones)
        if answered:
            handled[(answered[:7], outcome)] += 1
        delivered = milestones.get(request.get("location_id") or "", (None, None))[1]
        if start and answered:
            days = max(0.0, days_between(start, answered))
            to_answer.append(days)
            within_target += days <= target_days
        if start and delivered:
            to_delivery.append(max(0.0, days_between(start, delivered)))
    rows = [KpiRow("request_received", month, count=count) for month, count in sorted(received.items())]
    rows += [
        KpiRow("request_handled", month, count=count, outcome=outcome)
        for (month, outcome), count in sorted(handled.items())
    ]
    rows += [
        KpiRow("request_outcome", outcome, count=count, outcome=outcome)
        for outcome, count in sorted(outcomes.items())
    ]
    rows.append(_lead_row("to_decision", to_answer))
    rows.append(_lead_row("to_delivery", to_delivery))
    share = round(100.0 * within_target / total, 2) if total else None
    rows.append(
        KpiRow(
            "request_target",
            f"answered_within_{target_days:g}_days",
            count=int(within_target),
            share_pct=share,
        )
    )
    return rows


def _answered_at(request: Mapping, milestones) -> Optional[str]:
    if request.get("outcome") == "new_location":
        return milestones.get(request.get("location_id") or "", (None, None))[0]
    return request.get("evaluated_at")


def _lead_row(name: str, days: List[float]) -> KpiRow:
    median, mean, p90 = _stats(days)
    return KpiRow(
        "request_lead_time", name, count=len(days), median_days=median, mean_days=mean, p90_days=p90
    )
