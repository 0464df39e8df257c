"""An extent far larger than a municipality is warned about; the extent used is logged."""

from __future__ import annotations

import pytest

from ev_planner.processing.extent import PLAUSIBLE_MUNICIPAL_AREA_KM2, area_km2
from tests.support.feedback import RecordingFeedback
from tests.support.running import run_checked

TOO_LARGE = "far more than a municipality"


def test_area_of_a_box_on_the_sphere():
    assert area_km2((0.0, 0.0, 1.0, 1.0)) == pytest.approx(12_364, rel=1e-3)  # 1° × 1° at the equator
    delft = area_km2((4.32, 51.96, 4.41, 52.04))
    assert delft == pytest.approx(0.09 * 69 * 0.08 * 111.3, rel=0.02)  # about 55 km²
    assert delft < PLAUSIBLE_MUNICIPAL_AREA_KM2


def run_loadosm(httpserver, extent: str, tmp_path) -> RecordingFeedback:
    httpserver.expect_request("/api/interpreter", method="POST").respond_with_json({"elements": []})
    feedback = RecordingFeedback()
    parameters = {
        "EXTENT": extent,
        "OVERPASS_URL": httpserver.url_for("/api/interpreter"),
        "OUTPUT": str(tmp_path / "osm.gpkg"),
    }
    run_checked("loadosm", parameters, feedback)
    return feedback


@pytest.mark.parametrize(
    "extent",
    [
        "4.355,51.995,4.386,52.005 [EPSG:4326]",  # xmin,ymin,xmax,ymax: 47° wide, 48° high
        "0,300000,300000,625000 [EPSG:28992]",  # all of the Netherlands
    ],
)
def test_an_implausibly_large_extent_is_warned_about(evplanner, httpserver, extent, tmp_path):
    feedback = run_loadosm(httpserver, extent, tmp_path)
    assert [w for w in feedback.warnings if TOO_LARGE in w and "xmin,xmax,ymin,ymax" in w]


def test_a_municipal_extent_is_logged_without_a_warning(evplanner, httpserver, tmp_path):
    feedback = run_loadosm(httpserver, "80000,90000,440000,450000 [EPSG:28992]", tmp_path)  # Delft, 100 km²
    assert not [w for w in feedback.warnings if TOO_LARGE in w]
    assert [i for i in feedback.infos if i.startswith("Extent in WGS84: west 4.")]
