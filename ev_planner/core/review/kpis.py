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
    APPROVE,
    CANCEL,
    DECISION_ACTIONS,
    DELIVERED,
    IN_REVIEW,
    INSTALL,
    INSTALLED,
    REJECT,
    REQUEST_CHANGES,
    STATUSES,
    SUBMIT,
    LocationState,
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


# The KpiRow column that counts each department decision.
DECISION_COUNT_OF_ACTION: Dict[str, str] = {
    APPROVE: "approvals",
    REJECT: "rejections",
    REQUEST_CHANGES: "change_requests",
}


@dataclass
class _Tally:
    """Lead times (days) of one step, department, actor or installer, its decisions and deliveries."""

    days: List[float] = field(default_factory=list)
    deliveries: int = 0  # an installer who delivered has a row, even without install lead times
    decisions: Dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(DECISION_COUNT_OF_ACTION.values(), 0)
    )

    def row(self, section: str, name: str, department: Optional[str], with_decisions: bool) -> KpiRow:
        median, mean, p90 = _stats(self.days)
        counts = [self.decisions[column] for column in DECISION_COUNT_OF_ACTION.values()]
        approvals, rejections, change_requests = counts if with_decisions else (None, None, None)
        return KpiRow(
            section,
            name,
            department,
            len(self.days),
            approvals,
            rejections,
            change_requests,
            median,
            mean,
            p90,
        )


@dataclass
class _Tallies:
    """Everything counted while replaying the logs, grouped as the KPI sections are."""

    steps: Dict[str, _Tally] = field(default_factory=lambda: defaultdict(_Tally))
    departments: Dict[str, _Tally] = field(default_factory=lambda: defaultdict(_Tally))
    actors: Dict[Tuple[str, str], _Tally] = field(default_factory=lambda: defaultdict(_Tally))
    installers: Dict[str, _Tally] = field(default_factory=lambda: defaultdict(_Tally))
    statuses: Dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    cancellations: Dict[str, int] = field(default_factory=lambda: defaultdict(int))
    photos: Dict[str, int] = field(
        default_factory=lambda: {"delivered_with_photo": 0, "delivered_without_photo": 0}
    )
    locations: int = 0


@dataclass
class _LocationReplay:
    """What one location's replay remembers between its events."""

    first_submit: Optional[str] = None
    photo_since_install: bool = False


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
    tallies = _Tallies()
    for location in locations:
        _replay_location(config, location, by_location.get(location["location_id"], []), tallies)
    result = ReviewKpis(locations=tallies.locations, events=len(all_events))
    result.rows = _kpi_rows(config, tallies)
    return result


def _replay_location(
    config: ReviewConfig, location: Mapping, events: List[ReviewEvent], tallies: _Tallies
) -> None:
    """Replay one location's events through the state machine and count what they did."""
    tallies.locations += 1
    state = initial_state(config, location.get("created_at"))
    replay = _LocationReplay()
    for event in events:
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
        _count_decision(config, event, before, tallies)
        _count_transition(event, before, state, replay, tallies)
    tallies.statuses[state.status] = tallies.statuses.get(state.status, 0) + 1
    if state.status == DELIVERED:
        # Municipalities ask for a street photo at delivery: one from installation onwards counts.
        photo = "delivered_with_photo" if replay.photo_since_install else "delivered_without_photo"
        tallies.photos[photo] += 1


def _count_decision(
    config: ReviewConfig, event: ReviewEvent, before: LocationState, tallies: _Tallies
) -> None:
    """A department's decision on a location in review: its response time and its verdict."""
    if event.action not in DECISION_ACTIONS or before.status != IN_REVIEW or not before.status_since:
        return
    department = config.department(event.department).name
    days = days_between(before.status_since, event.at)
    decision = DECISION_COUNT_OF_ACTION[event.action]
    for tally in (tallies.departments[department], tallies.actors[(event.actor or "", department)]):
        tally.days.append(days)
        tally.decisions[decision] += 1


def _count_transition(
    event: ReviewEvent,
    before: LocationState,
    state: LocationState,
    replay: _LocationReplay,
    tallies: _Tallies,
) -> None:
    """Lead times of the step the event completed, cancellations, deliveries and photos."""
    if event.action == INSTALL:
        replay.photo_since_install = False
    if event.attachment and state.status in (INSTALLED, DELIVERED):
        replay.photo_since_install = True
    if event.action == SUBMIT and replay.first_submit is None:
        replay.first_submit = event.at
    if state.status != before.status and before.status_since:
        days = days_between(before.status_since, event.at)
        if event.action == CANCEL:
            tallies.cancellations[event.reason or ""] += 1
        else:
            tallies.steps[_step_of(event.action)].days.append(days)
            if event.action == INSTALL:
                tallies.installers[state.installer or ""].days.append(days)
    if state.status == DELIVERED and before.status != DELIVERED:
        tallies.installers[state.installer or ""].deliveries += 1
        if replay.first_submit:
            tallies.steps["total"].days.append(days_between(replay.first_submit, event.at))


def _kpi_rows(config: ReviewConfig, tallies: _Tallies) -> List[KpiRow]:
    """The KPI rows in section order; groups without events still get their row where listed."""
    empty = _Tally()
    rows = [tallies.steps.get(step, empty).row("step", step, None, False) for step in STEPS]
    rows += [
        tallies.departments.get(name, empty).row("department", name, name, True)
        for name in config.department_names
    ]
    rows += [
        tally.row("actor", actor, department, True)
        for (actor, department), tally in sorted(tallies.actors.items())
    ]
    rows += [KpiRow("status", status, None, tallies.statuses.get(status, 0)) for status in STATUSES]
    cancellations = tallies.cancellations
    rows += [
        KpiRow("cancellation", reason, None, cancellations[reason])
        for reason in sorted(cancellations, key=lambda r: (-cancellations[r], r))
    ]
    rows += [
        tallies.installers[name].row("installer", name, None, False) for name in sorted(tallies.installers)
    ]
    rows += [KpiRow("photo", name, None, count) for name, count in tallies.photos.items()]
    return rows
