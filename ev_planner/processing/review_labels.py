"""The words a user reads for the review's stored vocabulary: statuses, actions, cancellation reasons.

The review GeoPackage stores English keys (``in_review``, ``deliver``); whatever shows them
(the review dock's table, history, drop-downs and messages) shows these labels in the QGIS
language instead. Core messages keep their keys too: :func:`review_message` translates a
core error with its status and action values shown as labels.

The statuses use the words of the review legend (review_locations.qml), and their Dutch
translations are the words of the decrees (``core.review.documents.DUTCH_STATUS_LABELS``):
one vocabulary in the dock, the map and the documents.
"""

from __future__ import annotations

from ..core.review.states import (
    APPROVE,
    APPROVED,
    CANCEL,
    CANCELLED,
    CHANGES_REQUESTED,
    CHECK,
    COMMENT,
    DELIVER,
    DELIVERED,
    IN_REVIEW,
    INSTALL,
    INSTALLED,
    PERMIT,
    PERMITTED,
    PROPOSED,
    REJECT,
    REJECTED,
    REQUEST,
    REQUEST_CHANGES,
    REQUESTED,
    RESUBMIT,
    SUBMIT,
)
from ..i18n import tr, translate_message
from .base import tr_noop

STATUS_LABELS = {
    PROPOSED: tr_noop("proposed"),
    IN_REVIEW: tr_noop("in review"),
    CHANGES_REQUESTED: tr_noop("changes requested"),
    APPROVED: tr_noop("approved"),
    REJECTED: tr_noop("rejected"),
    REQUESTED: tr_noop("requested at operator"),
    PERMITTED: tr_noop("traffic decree"),
    INSTALLED: tr_noop("installed"),
    DELIVERED: tr_noop("delivered"),
    CANCELLED: tr_noop("cancelled"),
}
ACTION_LABELS = {
    SUBMIT: tr_noop("submit for review"),
    APPROVE: tr_noop("approve"),
    REJECT: tr_noop("reject"),
    REQUEST_CHANGES: tr_noop("request changes"),
    RESUBMIT: tr_noop("resubmit after changes"),
    REQUEST: tr_noop("request at operator"),
    PERMIT: tr_noop("traffic decree taken"),
    INSTALL: tr_noop("installed"),
    DELIVER: tr_noop("delivered"),
    CANCEL: tr_noop("cancel"),
    COMMENT: tr_noop("comment"),
    CHECK: tr_noop("automatic check"),
}
REASON_LABELS = {
    "no_grid_capacity": tr_noop("no grid capacity"),
    "cables_or_pipes": tr_noop("cables or pipes"),
    "trees": tr_noop("trees"),
    "parking_pressure": tr_noop("parking pressure"),
    "objection": tr_noop("objection"),
    "operator_declined": tr_noop("operator declined"),
    "safety": tr_noop("safety"),
    "duplicate": tr_noop("duplicate"),
    "other": tr_noop("other"),
}
# The values of core's review messages that hold a status or an action key.
STATUS_VALUES = ("status", "required")
ACTION_VALUES = ("action",)


def status_label(status: str | None) -> str:
    """The status in the user's words; an unknown key is shown as it is."""
    return tr(STATUS_LABELS[status]) if status in STATUS_LABELS else str(status or "")


def action_label(action: str | None) -> str:
    return tr(ACTION_LABELS[action]) if action in ACTION_LABELS else str(action or "")


def reason_label(reason: str | None) -> str:
    return tr(REASON_LABELS[reason]) if reason in REASON_LABELS else str(reason or "")


def review_value_label(name: str, value: object) -> object:
    """A value of a core review message as the user reads it: statuses and actions as labels."""
    if not isinstance(value, str):
        return value
    if name in STATUS_VALUES:
        return status_label(value)
    if name in ACTION_VALUES:
        return action_label(value)
    return value


def review_message(error: BaseException) -> str:
    """``error`` in the user's language, its status and action keys shown as labels."""
    return translate_message(error, label=review_value_label)
