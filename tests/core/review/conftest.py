"""Review GeoPackages of a few hand-made locations, for the core review tests."""

from __future__ import annotations

import pytest

from ev_planner.core.review.states import ReviewConfig
from ev_planner.core.review.store import LocationInput, ReviewStore, create_review

# The RD New WKT is given so the tests do not depend on the PROJ database.
RD_WKT = 'PROJCS["Amersfoort / RD New",AUTHORITY["EPSG","28992"]]'


@pytest.fixture
def review_config() -> ReviewConfig:
    return ReviewConfig.from_names(["Mobiliteit", "Openbare ruimte"])


@pytest.fixture
def make_review(tmp_path, review_config):
    def make(count: int = 3, name: str = "review.gpkg", config: ReviewConfig = review_config) -> ReviewStore:
        locations = [
            LocationInput(
                f"L{i}", 84000.0 + 10 * i, 447000.0 + 5 * i, {"score": 0.5 + i, "address": f"Markt {i}"}
            )
            for i in range(1, count + 1)
        ]
        path = create_review(tmp_path / name, locations, config, "EPSG:28992", RD_WKT)
        return ReviewStore(path)

    return make
