"""KPIs on a hand-made log with known lead times, and the HTML report."""

from __future__ import annotations

import pytest

from ev_planner.core.review.events import ReviewEvent
from ev_planner.core.review.kpis import compute_kpis
from ev_planner.core.review.report import render_html
from ev_planner.core.review.states import ReviewConfig

CONFIG = ReviewConfig.from_names(["Mobiliteit", "Openbare ruimte"])
CREATED = "2026-01-01T00:00:00.000Z"


def _e(location, action, day, **kw):
    return ReviewEvent(location, action, at=f"2026-{day}T00:00:00.000Z", **kw)


LOG = [
    _e("A", "submit", "01-03", actor="lead"),
    _e("B", "submit", "01-02", actor="lead"),
    _e("A", "approve", "01-05", actor="ann", department="Mobiliteit"),
    _e("C", "submit", "01-11", actor="lead"),
    _e("B", "reject", "01-06", actor="ann", department="Mobiliteit", reason="trees"),
    _e("A", "comment", "01-06", actor="bob", comment="ok"),
    _e("A", "approve", "01-08", actor="bob", department="Openbare ruimte"),
    _e("C", "request_changes", "01-12", actor="bob", department="Openbare ruimte"),
    _e("C", "resubmit", "01-15", actor="lead"),
    _e("C", "cancel", "01-16", actor="lead", reason="objection", comment="bewoners"),
    _e("A", "request", "01-18", actor="lead"),
    _e("A", "permit", "02-17", actor="jurist"),
    _e("A", "install", "03-19", actor="lead", installer="Laadbouw"),
    _e("A", "deliver", "03-21", actor="lead", attachment="review_attachments/A/straat.jpg"),
    _e("B", "approve", "01-20", actor="cas", department="Openbare ruimte"),  # refused: B is rejected
]
LOCATIONS = [{"location_id": i, "created_at": CREATED} for i in "ABC"] + [
    {"location_id": "D", "created_at": CREATED}
]


@pytest.fixture(scope="module")
def kpis():
    return compute_kpis(CONFIG, LOCATIONS, LOG)


def test_lead_time_per_step(kpis):
    submit = kpis.get("step", "submit")
    assert submit.count == 3
    assert submit.median_days == 2.0
    assert submit.mean_days == pytest.approx(13 / 3, abs=1e-4)
    assert submit.p90_days == pytest.approx(8.4)
    review = kpis.get("step", "review")
    assert (review.count, review.median_days, review.p90_days) == (3, 4.0, pytest.approx(4.8))
    assert review.mean_days == pytest.approx(10 / 3, abs=1e-4)
    assert [
        (s, kpis.get("step", s).median_days) for s in ("resubmit", "request", "permit", "install", "deliver")
    ] == [
        ("resubmit", 3.0),
        ("request", 10.0),
        ("permit", 30.0),
        ("install", 30.0),
        ("deliver", 2.0),
    ]
    assert kpis.get("step", "total").median_days == 77.0


def test_departments_and_actors(kpis):
    mobility = kpis.get("department", "Mobiliteit")
    assert (mobility.count, mobility.approvals, mobility.rejections, mobility.median_days) == (2, 1, 1, 3.0)
    public_space = kpis.get("department", "Openbare ruimte")
    assert (public_space.count, public_space.change_requests, public_space.median_days) == (2, 1, 3.0)
    bob = kpis.get("actor", "bob")
    assert (bob.department, bob.count, bob.median_days) == ("Openbare ruimte", 2, 3.0)


def test_status_counts_cancellations_installers(kpis):
    statuses = {row.name: row.count for row in kpis.section("status")}
    assert statuses["delivered"] == statuses["rejected"] == statuses["cancelled"] == statuses["proposed"] == 1
    assert sum(statuses.values()) == 4
    assert [(r.name, r.count) for r in kpis.section("cancellation")] == [("objection", 1)]
    assert [(r.name, r.count, r.median_days) for r in kpis.section("installer")] == [("Laadbouw", 1, 30.0)]
    assert kpis.locations == 4
    assert [(r.name, r.count) for r in kpis.section("photo")] == [
        ("delivered_with_photo", 1),
        ("delivered_without_photo", 0),
    ]


def test_html_report_is_self_contained(kpis):
    html = render_html(kpis, "Review Delft", "2026-06-01T00:00:00Z")
    assert html.count("<svg") >= 3
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html
    assert "<script" not in html
    assert "Laadbouw" in html
    assert "objection" in html
