"""evplanner:selectlocations through processing.run: known answers, spacing, the Delft sample, errors."""

from __future__ import annotations

import math

import processing
import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from tests.support.layers import RD, delft_addresses, delft_candidates, delft_charge_points, point_layer
from tests.support.running import run_algorithm, to_memory


def run_select(**parameters):
    return run_algorithm("selectlocations", to_memory(parameters))


def ranked(layer):
    return sorted(layer.getFeatures(), key=lambda f: f["selection_rank"])


@pytest.mark.parametrize("method", [0, 1])
def test_known_answer_with_existing_points(evplanner, method):
    candidates = point_layer(
        [(0, 0, "a"), (100, 0, "b"), (1000, 0, "c"), (2000, 0, "d")], fields=["name:string"]
    )
    demand = point_layer(
        [(0, 0, 10), (50, 0, 10), (100, 0, 10), (1000, 0, 4), (2000, 0, 3), (2010, 0, 3)],
        fields=["hh:double"],
    )
    result = run_select(
        CANDIDATES=candidates,
        DEMAND=demand,
        DEMAND_FIELD="hh",
        CHARGE_POINTS=point_layer([(2005, 0)]),
        COUNT=2,
        RADIUS=60,
        METHOD=method,
    )
    rows = ranked(result["OUTPUT"])
    assert [(f["name"], f["selection_rank"], f["marginal_demand"]) for f in rows] == [
        ("a", 1, 20),
        ("b", 2, 10),
    ]
    assert [f["cumulative_covered_pct"] for f in rows] == pytest.approx([65.0, 90.0])
    assert result["COVERED_BEFORE"] == 6
    assert result["COVERED_AFTER"] == 36
    assert result["COVERED_AFTER_PCT"] == pytest.approx(90.0)
    assert result["UPPER_BOUND"] >= 36
    assert result["SELECTED"] == 2
    if method == 1:
        assert result["PROVEN_OPTIMAL"] == 1
        assert result["OPTIMALITY_GAP_PCT"] == pytest.approx(0.0)


def test_min_spacing_is_never_violated_on_the_delft_sample(evplanner, sample_dir, tmp_path):
    addresses = delft_addresses(sample_dir)
    output = str(tmp_path / "selected.gpkg")
    spacing = 400.0
    result = run_select(
        CANDIDATES=delft_candidates(addresses, spacing=100.0),
        DEMAND=addresses,
        CHARGE_POINTS=delft_charge_points(sample_dir),
        COUNT=8,
        MIN_SPACING=spacing,
        OUTPUT=output,
    )
    layer = QgsVectorLayer(output, "selected", "ogr")
    assert layer.isValid()
    rows = ranked(layer)
    assert len(rows) == result["SELECTED"] > 0
    assert [f["selection_rank"] for f in rows] == list(range(1, len(rows) + 1))
    marginal = [f["marginal_demand"] for f in rows]
    assert all(m > 0 for m in marginal)
    cumulative = [f["cumulative_covered_pct"] for f in rows]
    assert cumulative == sorted(cumulative)
    assert cumulative[-1] == pytest.approx(result["COVERED_AFTER_PCT"])
    assert result["COVERED_BEFORE_PCT"] < result["COVERED_AFTER_PCT"] <= result["UPPER_BOUND_PCT"] + 1e-9
    # Distances in RD New between every pair of chosen sites.
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    to_rd = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem(RD), QgsProject.instance())
    points = [to_rd.transform(f.geometry().asPoint()) for f in rows]
    for i in range(len(points)):
        for j in range(i + 1, len(points)):
            assert math.dist((points[i].x(), points[i].y()), (points[j].x(), points[j].y())) >= spacing
    # The stored style: one class for every selected site (its rank is the label), not rank classes
    # that the data does not have (#13 item 17).
    assert layer.renderer().type() == "RuleRenderer"
    assert [item.label() for item in layer.renderer().legendSymbolItems()] == [
        "Selected location (the number is its rank)"
    ]


def test_exact_matches_or_beats_fast_on_the_delft_sample(evplanner, sample_dir):
    addresses = delft_addresses(sample_dir)
    parameters = {
        "CANDIDATES": delft_candidates(addresses, spacing=200.0),
        "DEMAND": addresses,
        "CHARGE_POINTS": delft_charge_points(sample_dir),
        "COUNT": 5,
        "MIN_SPACING": 300,
        "TIME_LIMIT": 30,
    }
    fast = run_select(METHOD=0, **parameters)
    exact = run_select(METHOD=1, **parameters)
    assert exact["COVERED_AFTER"] >= fast["COVERED_AFTER"]
    if exact["PROVEN_OPTIMAL"]:
        assert fast["COVERED_AFTER"] - fast["COVERED_BEFORE"] >= 0.98 * (
            exact["COVERED_AFTER"] - exact["COVERED_BEFORE"]
        )
        assert fast["UPPER_BOUND"] >= exact["COVERED_AFTER"] - 1e-6


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"COUNT": 0}, "COUNT"),
        ({"DEMAND_FIELD": "missing"}, "no field missing"),
        ({"DEMAND_FIELD": "negative"}, "negative"),
        ({"DEMAND": "empty"}, "has no features"),
        ({"CANDIDATES": "lines"}, "must hold points"),
        ({"CHARGE_POINTS": "lines"}, "must hold points"),
    ],
)
def test_bad_input_gives_a_clear_error(evplanner, change, message):
    layers = {"empty": point_layer([]), "lines": QgsVectorLayer(f"LineString?crs={RD}", "lines", "memory")}
    line = QgsFeature()
    line.setGeometry(QgsGeometry.fromWkt("LINESTRING(84000 446000, 84010 446010)"))
    layers["lines"].dataProvider().addFeatures([line])
    parameters = {
        "CANDIDATES": point_layer([(0, 0), (10, 0)]),
        "DEMAND": point_layer([(0, 0, -2.0)], fields=["negative:double"]),
        "COUNT": 1,
        "OUTPUT": "memory:",
    }
    for key, value in change.items():
        parameters[key] = layers.get(value, value)
    with pytest.raises(QgsProcessingException, match=message):
        processing.run("evplanner:selectlocations", parameters)


def test_demand_polygons_are_accepted(evplanner):
    buildings = QgsVectorLayer(f"Polygon?crs={RD}&field=hh:double", "buildings", "memory")
    feature = QgsFeature(buildings.fields())
    feature.setGeometry(
        QgsGeometry.fromWkt("POLYGON((84000 446000, 84020 446000, 84020 446020, 84000 446000))")
    )
    feature.setAttributes([7.0])
    invalid = QgsFeature(buildings.fields())  # a bow tie: repaired, not lost
    invalid.setGeometry(
        QgsGeometry.fromWkt("POLYGON((84500 446000, 84520 446020, 84520 446000, 84500 446020, 84500 446000))")
    )
    invalid.setAttributes([3.0])
    buildings.dataProvider().addFeatures([feature, invalid])
    result = run_select(
        CANDIDATES=point_layer([(10, 5), (510, 10)]), DEMAND=buildings, DEMAND_FIELD="hh", COUNT=2, RADIUS=50
    )
    assert result["COVERED_AFTER"] == 10
    assert result["TOTAL_DEMAND"] == 10


def test_cancelling_stops_without_output(evplanner):
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    candidates = point_layer([(x, 0) for x in range(0, 2000, 10)])
    with pytest.raises(QgsProcessingException, match=r"Canceled: nothing was written\."):
        processing.run(
            "evplanner:selectlocations",
            {"CANDIDATES": candidates, "DEMAND": candidates, "COUNT": 3, "OUTPUT": "memory:"},
            feedback=feedback,
            context=QgsProcessingContext(),
        )


@pytest.mark.parametrize(
    ("method", "expected"), [(1, "ran on SciPy's HiGHS"), (0, "without the LP relaxation")]
)
def test_without_highspy_the_log_says_what_to_install(evplanner, monkeypatch, method, expected):
    import sys

    from ev_planner.core.dependencies import install_command

    monkeypatch.setitem(sys.modules, "highspy", None)  # as if it were not installed
    feedback = QgsProcessingFeedback()
    result = processing.run(
        "evplanner:selectlocations",
        {
            "CANDIDATES": point_layer([(0, 0), (100, 0), (1000, 0)]),
            "DEMAND": point_layer([(0, 0), (50, 0), (1000, 0)]),
            "COUNT": 2,
            "RADIUS": 60,
            "METHOD": method,
            "OUTPUT": "memory:",
        },
        feedback=feedback,
        context=QgsProcessingContext(),
    )
    assert result["SELECTED"] == 2
    assert result["COVERED_AFTER"] == 3
    log = feedback.textLog()
    assert expected in log
    assert install_command("highspy") in log
    if method == 1:
        assert result["PROVEN_OPTIMAL"] == 1
