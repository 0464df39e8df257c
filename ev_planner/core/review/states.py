"""The review lifecycle as a documented state machine (see docs/review.md).

The current status of a location is never stored on its own authority: it is
the fold of :func:`apply_event` over the location's events, in the order they
were appended. A correction is therefore always a new event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Dict, Optional, Sequence, Tuple

from ..errors import ReviewError

# --- statuses -------------------------------------------------------------------------------
PROPOSED = "proposed"
IN_REVIEW = "in_review"
CHANGES_REQUESTED = "changes_requested"
APPROVED = "approved"
REJECTED = "rejected"
REQUESTED = "requested"
PERMITTED = "permitted"
INSTALLED = "installed"
DELIVERED = "delivered"
CANCELLED = "cancelled"

# The order is public: a saved exportdecrees STATUS may be an index into it. New statuses go last.
STATUSES: Tuple[str, ...] = (
    PROPOSED,
    IN_REVIEW,
    CHANGES_REQUESTED,
    APPROVED,
    REJECTED,
    REQUESTED,
    PERMITTED,
    INSTALLED,
    DELIVERED,
    CANCELLED,
)
FINAL_STATUSES: Tuple[str, ...] = (REJECTED, DELIVERED, CANCELLED)

# --- the public action vocabulary -----------------------------------------------------------
SUBMIT = "submit"
APPROVE = "approve"
REJECT = "reject"
REQUEST_CHANGES = "request_changes"
RESUBMIT = "resubmit"
REQUEST = "request"
PERMIT = "permit"
INSTALL = "install"
DELIVER = "deliver"
CANCEL = "cancel"
COMMENT = "comment"
CHECK = "check"

DECISION_ACTIONS: Tuple[str, ...] = (APPROVE, REJECT, REQUEST_CHANGES)
NOTE_ACTIONS: Tuple[str, ...] = (COMMENT, CHECK)  # never change the status
# Process steps after the decision: action -> (required status, resulting status).
STEP_TRANSITIONS: Dict[str, Tuple[str, str]] = {
    SUBMIT: (PROPOSED, IN_REVIEW),
    RESUBMIT: (CHANGES_REQUESTED, IN_REVIEW),
    REQUEST: (APPROVED, REQUESTED),
    PERMIT: (REQUESTED, PERMITTED),
    INSTALL: (PERMITTED, INSTALLED),
    DELIVER: (INSTALLED, DELIVERED),
}
ACTIONS: Tuple[str, ...] = (
    SUBMIT,
    APPROVE,
    REJECT,
    REQUEST_CHANGES,
    RESUBMIT,
    REQUEST,
    PERMIT,
    INSTALL,
    DELIVER,
    CANCEL,
    COMMENT,
    CHECK,
)

# The department decision stored in the decision columns.
DECISION_OF_ACTION: Dict[str, str] = {
    APPROVE: APPROVED,
    REJECT: REJECTED,
    REQUEST_CHANGES: CHANGES_REQUESTED,
}

# Rejection rules of review_config: who can reject a location on their own.
REJECT_BY_ANY = "any"  # one rejecting department rejects the location (default)
REJECT_BY_REQUIRED = "required"  # only a required department's rejection rejects it
REJECT_RULES: Tuple[str, ...] = (REJECT_BY_ANY, REJECT_BY_REQUIRED)

DEFAULT_DEPARTMENTS: Tuple[str, ...] = ("Mobiliteit", "Openbare ruimte", "Parkeren", "Netbeheer")

# Reasons a location is cancelled (the list municipalities report on; free text goes in `comment`).
DEFAULT_CANCELLATION_REASONS: Tuple[str, ...] = (
    "no_grid_capacity",
    "cables_or_pipes",
    "trees",
    "parking_pressure",
    "objection",
    "operator_declined",
    "safety",
    "duplicate",
    "other",
)


def decision_column(department: str) -> str:
    """The decision column of a department, e.g. ``Openbare ruimte`` -> ``decision_openbare_ruimte``."""
    slug = re.sub(r"[^0-9a-z]+", "_", department.strip().lower()).strip("_")
    if not slug:
        raise ReviewError(
            "The department name {department!r} has no letters or digits.", department=department
        )
    return f"decision_{slug}"


@dataclass(frozen=True)
class Department:
    name: str
    required: bool = True

    @property
    def column(self) -> str:
        return decision_column(self.name)


@dataclass(frozen=True)
class ReviewConfig:
    """What review_config holds: the departments and the rules."""

    departments: Tuple[Department, ...]
    reject_rule: str = REJECT_BY_ANY
    cancellation_reasons: Tuple[str, ...] = DEFAULT_CANCELLATION_REASONS

    def __post_init__(self) -> None:
        if not self.departments:
            raise ReviewError("A review needs at least one department.")
        names = [d.name.strip().lower() for d in self.departments]
        columns = [d.column for d in self.departments]
        if len(set(names)) != len(names) or len(set(columns)) != len(columns):
            raise ReviewError("Department names must be distinct (also after removing spaces and case).")
        if self.reject_rule not in REJECT_RULES:
            raise ReviewError(
                "Unknown rejection rule {rule!r}: use one of {rules}.",
                rule=self.reject_rule,
                rules=", ".join(REJECT_RULES),
            )
        if not self.cancellation_reasons:
            raise ReviewError("The list of cancellation reasons is empty.")

    @classmethod
    def from_names(cls, names: Sequence[str], **kwargs) -> ReviewConfig:
        cleaned = [n.strip() for n in names if n and n.strip()]
        return cls(departments=tuple(Department(n) for n in cleaned), **kwargs)

    @property
    def department_names(self) -> Tuple[str, ...]:
        return tuple(d.name for d in self.departments)

    @property
    def required_departments(self) -> Tuple[str, ...]:
        required = tuple(d.name for d in self.departments if d.required)
        # With nobody marked required every department must approve: never approve by default.
        return required or self.department_names

    def department(self, name: Optional[str]) -> Optional[Department]:
        wanted = (name or "").strip().lower()
        for candidate in self.departments:
            if candidate.name.lower() == wanted:
                return candidate
        return None


@dataclass(frozen=True)
class LocationState:
    """The derived state of one location."""

    status: str = PROPOSED
    status_since: Optional[str] = None  # ISO 8601 UTC of the event that set the status
    decisions: Dict[str, Optional[str]] = field(default_factory=dict)  # department name -> decision
    installer: Optional[str] = None

    def awaiting(self, config: ReviewConfig) -> Tuple[str, ...]:
        """Departments whose decision is still open (only while in review)."""
        if self.status != IN_REVIEW:
            return ()
        return tuple(name for name in config.department_names if not self.decisions.get(name))


class TransitionError(ReviewError):
    """An event that the state machine refuses."""


def initial_state(config: ReviewConfig, created_at: Optional[str] = None) -> LocationState:
    return LocationState(
        status=PROPOSED, status_since=created_at, decisions=dict.fromkeys(config.department_names)
    )


def _status_after_decisions(decisions: Dict[str, Optional[str]], config: ReviewConfig) -> str:
    rejecting = {name for name, d in decisions.items() if d == REJECTED}
    if config.reject_rule == REJECT_BY_REQUIRED:
        rejecting &= set(config.required_departments)
    if rejecting:
        return REJECTED
    if any(d == CHANGES_REQUESTED for d in decisions.values()):
        return CHANGES_REQUESTED
    if all(decisions.get(name) == APPROVED for name in config.required_departments):
        return APPROVED
    return IN_REVIEW


def apply_event(
    state: LocationState,
    action: str,
    config: ReviewConfig,
    *,
    at: Optional[str] = None,
    department: Optional[str] = None,
    reason: Optional[str] = None,
    installer: Optional[str] = None,
) -> LocationState:
    """The state after one event, or :class:`TransitionError` with a message for the user."""
    action = (action or "").strip()
    if action not in ACTIONS:
        raise TransitionError(
            "Unknown action {action!r}: use one of {actions}.", action=action, actions=", ".join(ACTIONS)
        )
    if action in NOTE_ACTIONS:
        return state
    if state.status in FINAL_STATUSES:
        raise TransitionError(
            "The location is {status}, a final status: '{action}' is no longer possible "
            "(only comments and automatic checks are).",
            status=state.status,
            action=action,
        )
    if action in DECISION_ACTIONS:
        dept = config.department(department)
        if dept is None:
            raise TransitionError(
                "'{action}' needs one of the review's departments ({departments}), not {department!r}.",
                action=action,
                departments=", ".join(config.department_names),
                department=department,
            )
        if state.status != IN_REVIEW:
            raise TransitionError(
                "'{action}' is a department decision, only possible while the location is "
                "{required} (it is {status}).",
                action=action,
                required=IN_REVIEW,
                status=state.status,
            )
        if action == REJECT and not (reason or "").strip():
            raise TransitionError("A rejection needs a reason.")
        decisions = dict(state.decisions)
        decisions[dept.name] = DECISION_OF_ACTION[action]
        status = _status_after_decisions(decisions, config)
        since = at if status != state.status else state.status_since
        return replace(state, status=status, status_since=since, decisions=decisions)
    if action == CANCEL:
        code = (reason or "").strip()
        if code not in config.cancellation_reasons:
            raise TransitionError(
                "A cancellation needs a reason from the list ({reasons}), not "
                "{reason!r}; put free text in the comment.",
                reasons=", ".join(config.cancellation_reasons),
                reason=reason,
            )
        return replace(state, status=CANCELLED, status_since=at)
    required, target = STEP_TRANSITIONS[action]
    if state.status != required:
        raise TransitionError(
            "'{action}' is only possible from {required}; the location is {status}.",
            action=action,
            required=required,
            status=state.status,
        )
    decisions = state.decisions
    if action == RESUBMIT:
        decisions = dict.fromkeys(config.department_names)
    new_installer = state.installer
    if action in (INSTALL, DELIVER) and (installer or "").strip():
        new_installer = installer.strip()
    return replace(state, status=target, status_since=at, decisions=decisions, installer=new_installer)


def allowed_actions(state: LocationState) -> Tuple[str, ...]:
    """Actions the state machine accepts now (department and reason rules aside)."""
    if state.status in FINAL_STATUSES:
        return NOTE_ACTIONS
    allowed = [action for action, (source, _) in STEP_TRANSITIONS.items() if source == state.status]
    if state.status == IN_REVIEW:
        allowed.extend(DECISION_ACTIONS)
    allowed.append(CANCEL)
    allowed.extend(NOTE_ACTIONS)
    return tuple(a for a in ACTIONS if a in allowed)
