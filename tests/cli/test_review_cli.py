"""The review workflow in batch: createreview then importreviewevents through qgis_process."""

from __future__ import annotations

import json

import pytest

from ev_planner.core.review.store import ReviewStore

pytestmark = pytest.mark.cli


def _candidates(tmp_path, count: int):
    """Candidates C1, C2, ... in Delft as a GeoJSON file."""
    candidates = tmp_path / "candidates.geojson"
    candidates.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"candidate_id": f"C{i}", "score": 0.5 * i},
                        "geometry": {"type": "Point", "coordinates": [4.357 + 0.002 * i, 52.011]},
                    }
                    for i in range(1, count + 1)
                ],
            }
        ),
        encoding="utf-8",
    )
    return candidates


def test_create_review_and_import_answers_with_qgis_process(run_algorithm_cli, tmp_path):
    candidates = _candidates(tmp_path, 2)
    review = tmp_path / "review.gpkg"
    created = run_algorithm_cli(
        "createreview", LOCATIONS=str(candidates), DEPARTMENTS="Mobiliteit,Parkeren", OUTPUT=str(review)
    )
    assert created["results"]["OUTPUT"] == str(review)
    answers = tmp_path / "answers.csv"
    answers.write_text(
        "location_id;at;actor;department;action;reason;comment\n"
        "C1;2026-05-01 09:00;Ann;;submit;;\n"
        "C1;2026-05-02 09:00;Bob;Parkeren;reject;te weinig parkeerplaatsen;\n"
        "C3;2026-05-02 09:00;Bob;Parkeren;approve;;\n",
        encoding="utf-8",
    )
    imported = run_algorithm_cli("importreviewevents", REVIEW=str(review), EVENTS=str(answers))
    assert imported["results"]["IMPORTED"] == 2
    assert imported["results"]["SKIPPED"] == 1
    store = ReviewStore(review)
    assert [row["status"] for row in store.locations()] == ["rejected", "proposed"]
    assert store.crs_authid() == "EPSG:4326"


def test_export_decrees_takes_the_status_key_on_the_command_line(
    run_algorithm_cli, run_qgis_process, tmp_path
):
    candidates = _candidates(tmp_path, 1)
    review = tmp_path / "review.gpkg"
    run_algorithm_cli("createreview", LOCATIONS=str(candidates), DEPARTMENTS="Mobiliteit", OUTPUT=str(review))
    exported = run_algorithm_cli(
        "exportdecrees", REVIEW=str(review), STATUS="proposed", OUTPUT_FOLDER=str(tmp_path / "d")
    )
    assert exported["results"]["DOCUMENTS"] == 1
    refused = run_qgis_process(
        "run",
        "evplanner:exportdecrees",
        "--",
        f"REVIEW={review}",
        "STATUS=voorgesteld",
        f"OUTPUT_FOLDER={tmp_path}",
    )
    assert refused.returncode != 0
    assert "Incorrect parameter value for STATUS" in refused.stdout + refused.stderr
