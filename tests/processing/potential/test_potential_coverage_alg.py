"""evplanner:coveragecheck through processing.run: known cells, numeric outputs, the Delft sample."""

from __future__ import annotations

import json

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

from tests.support.running import run_algorithm, to_memory

RD = "EPSG:28992"
ALG = "evplanner:coveragecheck"
NUMBERS = (
    "DEMAND_TOTAL",
    "DEMAND_WITHIN_RADIUS",
    "DEMAND_WITHIN_RADIUS_PCT",
    "CELLS_WITH_DEMAND",
    "CELLS_QUALIFYING",
    "CELLS_COVERED",
    "WHITE_SPOTS",
    "COVERAGE_PCT",
)


def _run(params, feedback=None):
    return run_algorithm(ALG, to_memory(params), feedback)


def _cells(layer):
    return {f["cell_id"]: f for f in layer.getFeatures()}


def test_known_cells_and_numbers(evplanner, make_layer):
    # Cell E0850N4470: 150 households and a charge point. E0855N4470: 200 households, no point
    # (white spot). E0850N4475: 50 households (below 125).
    demand = make_layer(
        "Point",
        RD,
        [
            ("POINT(85100 447100)", {"hh": 100}),
            ("POINT(85400 447400)", {"hh": 50}),
            ("POINT(85700 447100)", {"hh": 200}),
            ("POINT(85100 447700)", {"hh": 50}),
        ],
        {"hh": "integer"},
    )
    charge = make_layer("Point", RD, [("POINT(85150 447100)", {})])
    result = _run({"DEMAND": demand, "DEMAND_FIELD": "hh", "CHARGE_POINTS": charge})
    cells = _cells(result["OUTPUT"])
    assert set(cells) == {"E0850N4470", "E0855N4470", "E0850N4475"}
    assert [cells[c]["white_spot"] for c in ("E0850N4470", "E0855N4470", "E0850N4475")] == [0, 1, 0]
    assert [cells[c]["covered"] for c in ("E0850N4470", "E0855N4470", "E0850N4475")] == [1, 0, 0]
    assert cells["E0850N4470"]["households"] == 150
    assert cells["E0850N4470"]["charge_points"] == 1
    assert cells["E0850N4470"]["households_within_radius"] == 100  # (85400, 447400) is 381 m away
    assert cells["E0850N4470"]["pct_within_radius"] == pytest.approx(100 * 100 / 150)
    box = cells["E0855N4470"].geometry().boundingBox()
    assert (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()) == (
        85_500,
        447_000,
        86_000,
        447_500,
    )
    assert {name: result[name] for name in NUMBERS} == {
        "DEMAND_TOTAL": 400.0,
        "DEMAND_WITHIN_RADIUS": 100.0,
        "DEMAND_WITHIN_RADIUS_PCT": 25.0,
        "CELLS_WITH_DEMAND": 3,
        "CELLS_QUALIFYING": 2,
        "CELLS_COVERED": 1,
        "WHITE_SPOTS": 1,
        "COVERAGE_PCT": 50.0,
    }


def test_points_without_field_count_one_household_each(evplanner, make_layer):
    demand = make_layer("Point", RD, [(f"POINT({85_010 + i} 447010)", {}) for i in range(130)])
    charge = make_layer("Point", RD, [("POINT(90000 450000)", {})])
    result = _run({"DEMAND": demand, "CHARGE_POINTS": charge})
    assert result["DEMAND_TOTAL"] == 130
    assert result["WHITE_SPOTS"] == 1


def test_delft_districts_as_polygon_demand(evplanner, sample_dir, delft_charge_points, tmp_path):
    wijken = str(sample_dir / "wijken_cbs_2024.geojson")
    output = str(tmp_path / "coverage.gpkg")
    result = _run(
        {
            "DEMAND": wijken,
            "DEMAND_FIELD": "huishoudens",
            "CHARGE_POINTS": delft_charge_points,
            "OUTPUT": output,
        }
    )
    households = sum(f["huishoudens"] for f in QgsVectorLayer(wijken, "w", "ogr").getFeatures())
    assert result["DEMAND_TOTAL"] == pytest.approx(households)
    assert result["WHITE_SPOTS"] == result["CELLS_QUALIFYING"] - result["CELLS_COVERED"]
    assert 0 < result["COVERAGE_PCT"] <= 100
    assert 0 < result["DEMAND_WITHIN_RADIUS_PCT"] <= 100
    layer = QgsVectorLayer(output, "cells", "ogr")
    assert layer.crs().authid() == "EPSG:4326"
    to_rd = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem(RD), QgsProject.instance())
    white = 0
    for feature in layer.getFeatures():
        geometry = feature.geometry()
        geometry.transform(to_rd)
        box = geometry.boundingBox()
        # Cells lie on the CBS grid: corners at multiples of 500 m in RD New.
        assert box.xMinimum() % 500 == pytest.approx(0, abs=0.01) or box.xMinimum() % 500 == pytest.approx(
            500, abs=0.01
        )
        assert box.width() == pytest.approx(500, abs=0.01)
        if feature["white_spot"]:
            white += 1
            assert feature["charge_points"] == 0
            assert feature["households"] >= 125
    assert white == result["WHITE_SPOTS"]
    assert sum(f["households"] for f in layer.getFeatures()) == pytest.approx(households)


def test_adding_charge_points_never_decreases_coverage(
    evplanner, sample_dir, delft_charge_points, make_layer
):
    wijken = str(sample_dir / "wijken_cbs_2024.geojson")
    existing = QgsVectorLayer(delft_charge_points, "cp", "ogr")
    before = _run({"DEMAND": wijken, "DEMAND_FIELD": "huishoudens", "CHARGE_POINTS": existing})
    # Put a new point in the centre of every white spot.
    white_centres = [
        feature.geometry().centroid().asWkt()
        for feature in before["OUTPUT"].getFeatures()
        if feature["white_spot"]
    ]
    assert white_centres, "Delft has white spots in the sample"
    extended = make_layer(
        "Point",
        "EPSG:4326",
        [(f.geometry().asWkt(), {}) for f in existing.getFeatures()] + [(wkt, {}) for wkt in white_centres],
    )
    after = _run({"DEMAND": wijken, "DEMAND_FIELD": "huishoudens", "CHARGE_POINTS": extended})
    assert after["WHITE_SPOTS"] == 0
    assert after["CELLS_COVERED"] >= before["CELLS_COVERED"]
    assert after["DEMAND_WITHIN_RADIUS"] >= before["DEMAND_WITHIN_RADIUS"]
    assert after["DEMAND_TOTAL"] == pytest.approx(before["DEMAND_TOTAL"])


def test_errors_are_clear(evplanner, sample_dir, make_layer):
    wijken = str(sample_dir / "wijken_cbs_2024.geojson")
    charge = make_layer("Point", RD, [("POINT(85000 447000)", {})])
    with pytest.raises(QgsProcessingException, match="DEMAND_FIELD"):
        _run({"DEMAND": wijken, "CHARGE_POINTS": charge})
    with pytest.raises(QgsProcessingException, match="non-numeric"):
        _run({"DEMAND": wijken, "DEMAND_FIELD": "wijknaam", "CHARGE_POINTS": charge})
    with pytest.raises(QgsProcessingException, match="no features"):
        _run({"DEMAND": make_layer("Point", RD, []), "CHARGE_POINTS": charge})
    negative = make_layer("Point", RD, [("POINT(85000 447000)", {"hh": -4})], {"hh": "integer"})
    with pytest.raises(QgsProcessingException, match="negative"):
        _run({"DEMAND": negative, "DEMAND_FIELD": "hh", "CHARGE_POINTS": charge})
    lines = make_layer("LineString", RD, [("LINESTRING(0 0, 1 1)", {})])
    with pytest.raises(QgsProcessingException):
        _run({"DEMAND": lines, "CHARGE_POINTS": charge})


def test_sample_json_is_what_the_fixture_converts(sample_dir, delft_charge_points):
    layer = QgsVectorLayer(delft_charge_points, "cp", "ogr")
    assert (
        layer.featureCount()
        == len(json.loads((sample_dir / "charge_points.ocpi.json").read_text("utf-8")))
        == 850
    )


def test_flanders_uses_the_belgian_lambert_grid(evplanner, make_layer, feedback):
    # Ghent: the grid is laid in Belgian Lambert 72 (EPSG:31370), not RD New or the project CRS.
    demand = make_layer("Point", "EPSG:4326", [("POINT(3.7250 51.0540)", {})])
    charge = make_layer("Point", "EPSG:4326", [("POINT(3.72502 51.05401)", {})])
    result = _run({"DEMAND": demand, "CHARGE_POINTS": charge, "MIN_HOUSEHOLDS": 1}, feedback)
    assert any("EPSG:31370" in info for info in feedback.infos)
    cell = next(result["OUTPUT"].getFeatures())
    geometry = cell.geometry()
    geometry.transform(
        QgsCoordinateTransform(
            QgsCoordinateReferenceSystem("EPSG:4326"),
            QgsCoordinateReferenceSystem("EPSG:31370"),
            QgsProject.instance(),
        )
    )
    box = geometry.boundingBox()
    assert round(box.xMinimum()) % 500 == 0
    assert round(box.yMinimum()) % 500 == 0
    assert result["CELLS_COVERED"] == 1


def test_white_spots_stand_out_in_the_style(evplanner, make_layer):
    from ev_planner.processing.styles import style_path

    layer = make_layer("Polygon", RD, [], {"white_spot": "integer", "covered": "integer"})
    message, ok = layer.loadNamedStyle(str(style_path("coverage_cells")))
    assert ok, message
    rules = layer.renderer().rootRule().children()
    assert "white_spot" in rules[0].filterExpression()
    assert rules[0].symbol().color().red() > 200  # red fill
    assert rules[0].symbol().color().green() < 100


def test_cancel_writes_no_output(evplanner, sample_dir, delft_charge_points):
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match=r"Canceled: nothing was written\."):
        _run(
            {
                "DEMAND": str(sample_dir / "wijken_cbs_2024.geojson"),
                "DEMAND_FIELD": "huishoudens",
                "CHARGE_POINTS": delft_charge_points,
            },
            feedback,
        )


def test_delft_cells_show_households_to_a_tenth_that_add_up(
    evplanner, sample_dir, delft_charge_points, tmp_path
):
    """#13 item 10: shares of district totals to a tenth of a household, still summing to the
    districts' total; the share within the radius in percent to four decimals."""
    wijken = str(sample_dir / "wijken_cbs_2024.geojson")
    output = str(tmp_path / "tenths.gpkg")
    result = _run(
        {
            "DEMAND": wijken,
            "DEMAND_FIELD": "huishoudens",
            "CHARGE_POINTS": delft_charge_points,
            "OUTPUT": output,
        }
    )
    cells = list(QgsVectorLayer(output, "cells", "ogr").getFeatures())
    households = [f["households"] for f in cells]
    assert households == [round(v, 1) for v in households]
    assert any(v != int(v) for v in households)
    assert sum(households) == pytest.approx(result["DEMAND_TOTAL"], abs=1e-6)
    reached = [f["households_within_radius"] for f in cells]
    assert reached == [round(v, 1) for v in reached]
    shares = [f["pct_within_radius"] for f in cells if f["pct_within_radius"] is not None]
    assert shares == [round(v, 4) for v in shares]
    assert max(len(repr(v)) for v in households) <= len("12345.6")
