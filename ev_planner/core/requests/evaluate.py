"""The outcome of each request against the walking rule, and the sites for those that need one.

Flanders (MOW concession, "paal volgt wagen"): a request is eligible for a new public point
when no public point lies within 250 m walking. In order:

1. ``not_assessable``: the request has no usable location or date, lies outside the area,
   or (walking) farther than ``max_access`` from every street;
2. ``covered_existing``: an existing public charge point within the radius;
3. ``covered_planned``: a planned location within the radius that is not rejected or
   cancelled (it will serve the request once built);
4. ``new_location``: none of these; the set cover proposes as few new sites as possible.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import Message
from ..potential.distance import StraightLine, Walking
from .cover import SiteCover, cover_requests, sites_on_network
from .intake import RequestIntake

COVERED_EXISTING = "covered_existing"
COVERED_PLANNED = "covered_planned"
NEW_LOCATION = "new_location"
NOT_ASSESSABLE = "not_assessable"
OUTCOMES = (COVERED_EXISTING, COVERED_PLANNED, NEW_LOCATION, NOT_ASSESSABLE)
INACTIVE_PLANNED_STATUSES = ("rejected", "cancelled")

REASON_OUTSIDE_AREA = Message("outside the area")


@dataclass
class Evaluation:
    outcome: list[str]
    reason: list[Message | None]
    walk_to_existing: np.ndarray  # inf when none reachable
    nearest_existing: np.ndarray  # index into the existing points, -1 when none
    walk_to_planned: np.ndarray
    nearest_planned: np.ndarray
    cover: SiteCover | None  # over the new_location requests
    new_requests: np.ndarray  # request indices that need a new site, in cover order
    site_xy: np.ndarray  # the possible sites the cover chose from

    def counts(self) -> dict[str, int]:
        return {outcome: self.outcome.count(outcome) for outcome in OUTCOMES}

    def site_of(self, request: int) -> int:
        """Position in ``cover.chosen`` of the site proposed for a request, -1 when none."""
        where = np.flatnonzero(self.new_requests == request)
        return int(self.cover.assignment[where[0]]) if len(where) and self.cover is not None else -1


def evaluate_requests(
    intake: RequestIntake,
    existing_xy: np.ndarray,
    planned_xy: np.ndarray,
    measure: StraightLine | Walking,
    radius: float,
    inside_area: np.ndarray | None = None,
    candidate_xy: np.ndarray | None = None,
) -> Evaluation:
    """Classify every request (see the module docstring); ``planned_xy`` holds active plans only."""
    n = len(intake.requests)
    xy = intake.xy()
    reasons: list[Message | None] = [request.reason for request in intake.requests]
    _mark_unusable(reasons, xy, measure, inside_area)
    usable = np.array([reason is None for reason in reasons], dtype=bool)
    walk_existing, nearest_existing = _nearest(measure, xy, usable, existing_xy)
    walk_planned, nearest_planned = _nearest(measure, xy, usable, planned_xy)
    outcome = np.full(n, NOT_ASSESSABLE, dtype=object)
    outcome[usable & (walk_existing <= radius)] = COVERED_EXISTING
    outcome[usable & (walk_existing > radius) & (walk_planned <= radius)] = COVERED_PLANNED
    new = np.flatnonzero(usable & (walk_existing > radius) & (walk_planned > radius))
    outcome[new] = NEW_LOCATION
    cover, site_xy = None, np.zeros((0, 2))
    if len(new):
        site_xy = candidate_xy if candidate_xy is not None else sites_on_network(xy[new], measure, radius)
        cover = cover_requests(xy[new], site_xy, measure, radius)
        for position in np.flatnonzero(cover.assignment < 0):
            reasons[new[position]] = Message("no candidate location within {radius:g} m", radius=radius)
    return Evaluation(
        list(outcome),
        reasons,
        walk_existing,
        nearest_existing,
        walk_planned,
        nearest_planned,
        cover,
        new,
        site_xy,
    )


def _mark_unusable(reasons: list, xy: np.ndarray, measure, inside_area: np.ndarray | None) -> None:
    for i in range(len(reasons)):
        if reasons[i] is None and inside_area is not None and not inside_area[i]:
            reasons[i] = REASON_OUTSIDE_AREA
    if isinstance(measure, Walking):
        located = np.flatnonzero([reason is None for reason in reasons])
        if len(located):
            attachment = measure.attach(xy[located])
            for i in located[~attachment.on_network]:
                reasons[i] = Message(
                    "farther than {access:g} m from the street network", access=measure.max_access
                )


def _nearest(
    measure, xy: np.ndarray, usable: np.ndarray, points_xy: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    distance = np.full(len(xy), np.inf)
    index = np.full(len(xy), -1, dtype=np.int64)
    rows = np.flatnonzero(usable)
    if len(rows) and len(points_xy):
        distance[rows], index[rows] = measure.nearest(xy[rows], points_xy)
    return distance, index
