"""The review state machine, exhaustively: every (status, action) pair is allowed or refused as documented."""

from __future__ import annotations

import pytest

from ev_planner.core.review.states import (
    ACTIONS,
    STATUSES,
    Department,
    LocationState,
    ReviewConfig,
    TransitionError,
    allowed_actions,
    apply_event,
    decision_column,
)

CONFIG = ReviewConfig.from_names(["Mobiliteit", "Openbare ruimte"])

# The documented table (docs/review.md), written out independently of the implementation.
EXPECTED = {
    "proposed": {"submit": "in_review", "cancel": "cancelled"},
    "in_review": {
        "approve": "in_review",  # the other department has not spoken yet
        "reject": "rejected",
        "request_changes": "changes_requested",
        "cancel": "cancelled",
    },
    "changes_requested": {"resubmit": "in_review", "cancel": "cancelled"},
    "approved": {"request": "requested", "cancel": "cancelled"},
    "requested": {"permit": "permitted", "cancel": "cancelled"},
    "permitted": {"install": "installed", "cancel": "cancelled"},
    "installed": {"deliver": "delivered", "cancel": "cancelled"},
    "rejected": {},
    "delivered": {},
    "cancelled": {},
}
ARGS = {"department": "Mobiliteit", "reason": "trees", "at": "2026-05-01T10:00:00.000Z"}


def _state(status: str) -> LocationState:
    return LocationState(
        status=status,
        status_since="2026-04-01T10:00:00.000Z",
        decisions=dict.fromkeys(CONFIG.department_names),
    )


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("action", ACTIONS)
def test_every_transition(status, action):
    before = _state(status)
    if action in ("comment", "check"):
        assert apply_event(before, action, CONFIG, **ARGS) == before
        return
    expected = EXPECTED[status].get(action)
    if expected is None:
        with pytest.raises(TransitionError) as error:
            apply_event(before, action, CONFIG, **ARGS)
        assert status in str(error.value) or "final" in str(error.value)
        assert action not in allowed_actions(before)
    else:
        after = apply_event(before, action, CONFIG, **ARGS)
        assert after.status == expected
        assert action in allowed_actions(before)
        if expected != status:
            assert after.status_since == ARGS["at"]


def test_table_covers_every_status():
    assert set(EXPECTED) == set(STATUSES)


def test_approved_only_when_every_required_department_approved():
    state = _state("in_review")
    state = apply_event(state, "approve", CONFIG, department="Mobiliteit", at="2026-05-01T10:00:00.000Z")
    assert state.status == "in_review"
    assert state.awaiting(CONFIG) == ("Openbare ruimte",)
    state = apply_event(state, "approve", CONFIG, department="openbare ruimte", at="2026-05-02T10:00:00.000Z")
    assert state.status == "approved"
    assert state.status_since == "2026-05-02T10:00:00.000Z"
    assert state.decisions == {"Mobiliteit": "approved", "Openbare ruimte": "approved"}


def test_a_department_can_correct_its_decision_while_in_review():
    state = apply_event(_state("in_review"), "approve", CONFIG, department="Mobiliteit")
    state = apply_event(state, "request_changes", CONFIG, department="Mobiliteit")
    assert state.status == "changes_requested"
    state = apply_event(state, "resubmit", CONFIG)
    assert state.status == "in_review"
    assert state.decisions == {"Mobiliteit": None, "Openbare ruimte": None}


def test_optional_department_and_reject_rule():
    config = ReviewConfig(
        departments=(Department("Mobiliteit"), Department("Juridisch", required=False)),
        reject_rule="required",
    )
    state = _state("in_review")
    state = LocationState(status="in_review", decisions={"Mobiliteit": None, "Juridisch": None})
    state = apply_event(state, "reject", config, department="Juridisch", reason="bezwaar")
    assert state.status == "in_review"  # an optional department cannot reject on its own under this rule
    state = apply_event(state, "approve", config, department="Mobiliteit")
    assert state.status == "approved"  # only required departments must approve


@pytest.mark.parametrize(
    ("action", "kwargs", "message"),
    [
        ("approve", {"department": "Brandweer"}, "departments"),
        ("approve", {"department": None}, "departments"),
        ("reject", {"department": "Mobiliteit", "reason": " "}, "reason"),
        ("dance", {}, "Unknown action"),
    ],
)
def test_refused_with_a_clear_message(action, kwargs, message):
    with pytest.raises(TransitionError, match=message):
        apply_event(_state("in_review"), action, CONFIG, **kwargs)


def test_cancel_needs_a_reason_from_the_list():
    with pytest.raises(TransitionError, match="reason from the list"):
        apply_event(_state("approved"), "cancel", CONFIG, reason="I changed my mind")
    assert apply_event(_state("approved"), "cancel", CONFIG, reason="objection").status == "cancelled"


def test_installer_is_remembered():
    state = apply_event(_state("permitted"), "install", CONFIG, installer="Laadbouw BV")
    assert state.installer == "Laadbouw BV"
    assert apply_event(state, "deliver", CONFIG).installer == "Laadbouw BV"


def test_config_validation_and_columns():
    assert decision_column("Openbare ruimte") == "decision_openbare_ruimte"
    with pytest.raises(Exception, match="distinct"):
        ReviewConfig.from_names(["Parkeren", "parkeren "])
    with pytest.raises(Exception, match="at least one"):
        ReviewConfig.from_names([])
    with pytest.raises(Exception, match="rejection rule"):
        ReviewConfig.from_names(["A"], reject_rule="majority")
