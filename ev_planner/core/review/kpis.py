"""Process KPIs of a review: lead times per step, response times per department and actor, ...

Lead times come from replaying each location's log through the state machine:
a step's lead time is the time between entering its source status and the
event that moved the location on (``proposed`` is entered at creation). All
times are in days; p90 is numpy's linear-interpolation 90th percentile.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

import numpy as np

from .events import ReviewEvent, days_between
from .states import (
    DECISION_ACTIONS,
    DELIVERED,
    IN_REVIEW,
    INSTALL,
    INSTALLED,
    STATUSES,
    ReviewConfig,
    TransitionError,
    apply_event,
    initial_state,
)

# Steps in process order; "review" is in_review -> the department decision rule's outcome.
STEPS: Tuple[str, ...] = ("submit", "review", "resubmit", "request", "permit", "install", "deliver", "total")
SECTIONS: Tuple[str, ...] = ("step", "department", "actor", "status", "cancellation", "installer", "photo")
KPI_FIELDS: Tuple[Tuple[str, str], ...] = (
    ("section", "str"),
    ("name", "str"),
    ("department", "str"),
    ("count", "int"),
    ("approvals", "int"),
    ("rejections", "int"),
    ("change_requests", "int"),
    ("median_days", "float"),
    ("mean_days", "float"),
    ("p90_days", "float"),
    ("outcome", "str"),  # residents' requests: the outcome a row counts
    ("share_pct", "float"),  # residents' requests: the share answered within the target
)


@dataclass
class KpiRow:
    section: str
    name: str
    department: Optional[str] = None
    count: int = 0
    approvals: Optional[int] = None
    rejections: Optional[int] = None
    change_requests: Optional[int] = None
    median_days: Optional[float] = None
    mean_days: Optional[float] = None
    p90_days: Optional[float] = None
    outcome: Optional[str] = None
    share_pct: Optional[float] = None

    def as_tuple(self) -> tuple:
        return tuple(getattr(self, name) for name, _ in KPI_FIELDS)


@dataclass
class ReviewKpis:
    rows: List[KpiRow] = field(default_factory=list)
    locations: int = 0
    events: int = 0

    def section(self, name: str) -> List[KpiRow]:
        return [row for row in self.rows if row.section == name]

    def get(self, section: str, name: str) -> KpiRow:
        for row in self.rows:
            if row.section == section and row.name == name:
                return row
        raise KeyError((section, name))


def _stats(values: Sequence[float]) -> Tuple[Optional[float], Optional[float], Optional[float]]:
    if not values:
        return None, None, None
    array = np.asarray(values, dtype=np.float64)
    return (
        round(float(np.median(array)), 4),
        round(float(array.mean()), 4),
        round(float(np.percentile(array, 90)), 4),
    )


def _step_of(action: str) -> str:
    return "review" if action in DECISION_ACTIONS else action


def compute_kpis(
    config: ReviewConfig,
    locations: Iterable[Mapping],
    events: Iterable[ReviewEvent],
) -> ReviewKpis:
    """KPIs from the locations (``location_id``, ``created_at``) and the log in append order."""
    by_location: Dict[str, List[ReviewEvent]] = defaultdict(list)
    all_events = list(events)
    for event in all_events:
        by_location[event.location_id].append(event)
    step_days: Dict[str, List[float]] = defaultdict(list)
    department_days: Dict[str, List[float]] = defaultdict(list)
    department_counts: Dict[str, Dict[str, int]] = defaultdict(lambda: defaultdict(int))
    actor_days: Dict[Tuple[str, str], List[float]] = defaultdict(list)
    actor_counts: Dict[Tuple[str, str], Dict[str, int]] = defaultdict(lambda: defaultdict(int))
    status_counts: Dict[str, int] = dict.fromkeys(STATUSES, 0)
    cancellations: Dict[str, int] = defaultdict(int)
    installer_days: Dict[str, List[float]] = defaultdict(list)
    installer_deliveries: Dict[str, int] = defaultdict(int)
    delivered_with_photo = 0
    delivered_without_photo = 0
    location_count = 0

    for location in locations:
        location_count += 1
        location_id = location["location_id"]
        created_at = location.get("created_at")
        state = initial_state(config, created_at)
        first_submit: Optional[str] = None
        photo_since_install = False
        for event in by_location.get(location_id, []):
            before = state
            try:
                state = apply_event(
                    state,
                    event.action,
                    config,
                    at=event.at,
                    department=event.department,
                    reason=event.reason,
                    installer=event.installer,
                )
            except TransitionError:
                continue  # refused events never entered the log through EV Planner
            if event.action in DECISION_ACTIONS and before.status == IN_REVIEW and before.status_since:
                department = config.department(event.department).name
                days = days_between(before.status_since, event.at)
                decision = {
                    "approve": "approvals",
                    "reject": "rejections",
                    "request_changes": "change_requests",
                }[event.action]
                department_days[department].append(days)
                department_counts[department][decision] += 1
                key = (event.actor or "", department)
                actor_days[key].append(days)
                actor_counts[key][decision] += 1
            if event.action == INSTALL:
                photo_since_install = False
            if event.attachment and state.status in (INSTALLED, DELIVERED):
                photo_since_install = True
            if event.action == "submit" and first_submit is None:
                first_submit = event.at
            if state.status != before.status and before.status_since:
                days = days_between(before.status_since, event.at)
                if event.action == "cancel":
                    cancellations[event.reason or ""] += 1
                else:
                    step_days[_step_of(event.action)].append(days)
                    if event.action == INSTALL:
                        installer_days[state.installer or ""].append(days)
            if state.status == DELIVERED and before.status != DELIVERED:
                installer_deliveries[state.installer or ""] += 1
                if first_submit:
                    step_days["total"].append(days_between(first_submit, event.at))
        status_counts[state.status] = status_counts.get(state.status, 0) + 1
        if state.status == DELIVERED:
            # Municipalities ask for a street photo at delivery: one from installation onwards counts.
            if photo_since_install:
                delivered_with_photo += 1
            else:
                delivered_without_photo += 1

    result = ReviewKpis(locations=location_count, events=len(all_events))
    for step in STEPS:
        median, mean, p90 = _stats(step_days.get(step, []))
        result.rows.append(
            KpiRow("step", step, None, len(step_days.get(step, [])), None, None, None, median, mean, p90)
        )
    for department in config.department_names:
        counts = department_counts.get(department, {})
        median, mean, p90 = _stats(department_days.get(department, []))
        result.rows.append(
            KpiRow(
                "department",
                department,
                department,
                len(department_days.get(department, [])),
                counts.get("approvals", 0),
                counts.get("rejections", 0),
                counts.get("change_requests", 0),
                median,
                mean,
                p90,
            )
        )
    for (actor, department), days in sorted(actor_days.items()):
        counts = actor_counts[(actor, department)]
        median, mean, p90 = _stats(days)
        result.rows.append(
            KpiRow(
                "actor",
                actor,
                department,
                len(days),
                counts.get("approvals", 0),
                counts.get("rejections", 0),
                counts.get("change_requests", 0),
                median,
                mean,
                p90,
            )
        )
    for status in STATUSES:
        result.rows.append(KpiRow("status", status, None, status_counts.get(status, 0)))
    for reason in sorted(cancellations, key=lambda r: (-cancellations[r], r)):
        result.rows.append(KpiRow("cancellation", reason, None, cancellations[reason]))
    for installer in sorted(set(installer_days) | set(installer_deliveries)):
        median, mean, p90 = _stats(installer_days.get(installer, []))
        result.rows.append(
            KpiRow(
                "installer",
                installer,
                None,
                len(installer_days.get(installer, [])),
                None,
                None,
                None,
                median,
                mean,
                p90,
            )
        )
    result.rows.append(KpiRow("photo", "delivered_with_photo", None, delivered_with_photo))
    result.rows.append(KpiRow("photo", "delivered_without_photo", None, delivered_without_photo))
    return result
