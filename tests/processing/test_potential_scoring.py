"""evplanner:scorecandidates through processing.run: hand-made layers, the Delft sample, errors."""

from __future__ import annotations

import processing
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

from tests.support.layers import (
    RD,
    X0,
    Y0,
    delft_addresses,
    delft_candidates,
    delft_charge_points,
    point_layer,
)
from tests.support.running import run_algorithm, to_memory


def run_score(**parameters):
    return run_algorithm("scorecandidates", to_memory(parameters))


def features(layer):
    return sorted(layer.getFeatures(), key=lambda f: f["rank"])


def test_known_answer_on_hand_made_layers(evplanner):
    candidates = point_layer([(0, 0, "a"), (1000, 0, "b"), (0, 100, "c")], fields=["name:string"])
    demand = point_layer([(0, 10, 1), (0, 20, 2), (1000, 0, 5), (0, 300, 1)], fields=["households:double"])
    existing = point_layer([(0, 200)])
    usage = point_layer([(0, 50, 80.0)], fields=["occupancy_mean:double"])
    pois = point_layer([(0, 0)])
    result = run_score(
        CANDIDATES=candidates,
        DEMAND=demand,
        DEMAND_FIELD="households",
        CHARGE_POINTS=existing,
        POIS=[pois],
        USAGE=usage,
        RADIUS=250,
    )
    assert result["SCORED"] == 3
    rows = features(result["OUTPUT"])
    assert [f["name"] for f in rows] == ["b", "c", "a"]
    best = rows[0]
    assert best["rank"] == 1
    assert best["demand_within"] == 5
    assert best["f_gap"] == pytest.approx(1.0)
    assert best["score"] == pytest.approx(80.0)
    assert best["explain"] == "5 households within 250 m; nearest charge point 1,020 m"
    assert rows[2]["f_usage"] == pytest.approx(0.64)
    for row in rows:
        for name in ("f_demand", "f_gap", "f_poi", "f_usage"):
            assert 0 <= row[name] <= 1
        assert 0 <= row["score"] <= 100


def test_any_input_crs_gives_the_same_scores(evplanner):
    rd = [(40 * i, 25 * (i % 5)) for i in range(30)]
    demand_rd = [(17 * i, 11 * (i % 9), 1 + i % 3) for i in range(200)]
    to_wgs = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem(RD), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance()
    )

    def wgs(rows):
        points = [to_wgs.transform(QgsPointXY(r[0] + X0, r[1] + Y0)) for r in rows]
        return [(p.x(), p.y(), *r[2:]) for p, r in zip(points, rows)]

    a = run_score(
        CANDIDATES=point_layer(rd),
        DEMAND=point_layer(demand_rd, fields=["w:double"]),
        DEMAND_FIELD="w",
        CRS=RD,
    )["OUTPUT"]
    b = run_score(
        CANDIDATES=point_layer(wgs(rd), "EPSG:4326"),
        DEMAND=point_layer(wgs(demand_rd), "EPSG:4326", fields=["w:double"]),
        DEMAND_FIELD="w",
        CRS=RD,
    )["OUTPUT"]
    assert b.crs().authid() == "EPSG:4326"
    scores_a = sorted(round(f["score"], 3) for f in a.getFeatures())
    scores_b = sorted(round(f["score"], 3) for f in b.getFeatures())
    assert scores_a == pytest.approx(scores_b, abs=0.01)


def test_delft_sample_end_to_end(evplanner, sample_dir, tmp_path):
    addresses = delft_addresses(sample_dir)
    charge_points = delft_charge_points(sample_dir)
    candidates = delft_candidates(addresses)
    output = str(tmp_path / "scored.gpkg")
    result = run_score(
        CANDIDATES=candidates,
        DEMAND=addresses,
        CHARGE_POINTS=charge_points,
        OUTPUT=output,
        WEIGHTS="demand=0.6,gap=0.4",
    )
    layer = QgsVectorLayer(output, "scored", "ogr")
    assert layer.isValid()
    assert layer.featureCount() == candidates.featureCount() == result["SCORED"]
    rows = features(layer)
    assert rows[0]["rank"] == 1
    assert rows[0]["score"] >= rows[-1]["score"]
    assert rows[0]["demand_within"] > 0
    assert "within 250 m" in rows[0]["explain"]
    # The OSM extract lies in the middle of Delft: most candidates have a charge point nearby.
    assert (
        sum(1 for f in rows if f["nearest_existing_m"] is not None and f["nearest_existing_m"] < 250)
        > len(rows) / 2
    )
    assert layer.renderer().type() == "graduatedSymbol"  # the style stored in the GeoPackage


def test_absent_factor_is_reported_and_weighs_zero(evplanner):
    feedback = QgsProcessingFeedback()
    messages = []
    feedback.pushWarning = messages.append  # collect the warnings
    result = processing.run(
        "evplanner:scorecandidates",
        {
            "CANDIDATES": point_layer([(0, 0), (500, 0)]),
            "DEMAND": point_layer([(0, 0), (10, 0)]),
            "OUTPUT": "memory:",
        },
        feedback=feedback,
        context=QgsProcessingContext(),
    )
    assert any("gap" in m for m in messages)
    scores = sorted(f["score"] for f in result["OUTPUT"].getFeatures())
    assert scores == [0, 100]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"WEIGHTS": "demand=1,parking=2"}, "unknown factor"),
        ({"WEIGHTS": "demand=-1"}, ">= 0"),
        ({"DEMAND_FIELD": "missing"}, "no field missing"),
        ({"USAGE": "no_occupancy"}, "no field occupancy_mean"),
        ({"CANDIDATES": "empty"}, "has no features"),
        ({"CANDIDATES": "lines"}, "must hold points"),
        ({"DEMAND_FIELD": "text"}, "non-numeric"),
        ({"DEMAND_FIELD": "negative"}, "negative"),
        ({"USAGE": "percent_above_100"}, "0-100"),
    ],
)
def test_bad_input_gives_a_clear_error(evplanner, change, message):
    demand = point_layer([(0, 0, "x", -1.0, 1.0)], fields=["text:string", "negative:double", "w:double"])
    layers = {
        "no_occupancy": point_layer([(0, 0)]),
        "percent_above_100": point_layer([(0, 0, 150.0)], fields=["occupancy_mean:double"]),
        "empty": point_layer([]),
        "lines": QgsVectorLayer(f"LineString?crs={RD}", "lines", "memory"),
    }
    lines = layers["lines"]
    line = QgsFeature()
    line.setGeometry(QgsGeometry.fromWkt("LINESTRING(0 0, 10 10)"))
    lines.dataProvider().addFeatures([line])
    parameters = {"CANDIDATES": point_layer([(0, 0)]), "DEMAND": demand, "OUTPUT": "memory:"}
    for key, value in change.items():
        parameters[key] = layers.get(value, value)
    with pytest.raises(QgsProcessingException, match=message):
        processing.run("evplanner:scorecandidates", parameters)


def test_features_without_geometry_are_skipped_and_counted(evplanner):
    candidates = point_layer([(0, 0), (100, 0)])
    empty = QgsFeature(candidates.fields())
    candidates.dataProvider().addFeatures([empty])
    feedback = QgsProcessingFeedback()
    errors = []
    feedback.reportError = lambda message, fatal=False: errors.append(message)
    result = processing.run(
        "evplanner:scorecandidates",
        {"CANDIDATES": candidates, "DEMAND": point_layer([(0, 0)]), "OUTPUT": "memory:"},
        feedback=feedback,
        context=QgsProcessingContext(),
    )
    assert result["OUTPUT"].featureCount() == 2
    assert any("1 feature(s) skipped" in e for e in errors)


def test_usage_points_without_occupancy_are_skipped_and_counted(evplanner):
    usage = point_layer([(0, 50, 80.0), (0, 60, None)], fields=["occupancy_mean:double"])
    feedback = QgsProcessingFeedback()
    errors = []
    feedback.reportError = lambda message, fatal=False: errors.append(message)
    result = processing.run(
        "evplanner:scorecandidates",
        {
            "CANDIDATES": point_layer([(0, 0), (900, 0)]),
            "DEMAND": point_layer([(0, 0), (900, 0)]),
            "USAGE": usage,
            "WEIGHTS": "demand=0.5,usage=0.5",
            "OUTPUT": "memory:",
        },
        feedback=feedback,
        context=QgsProcessingContext(),
    )
    assert any("USAGE: 1 feature(s) skipped" in e for e in errors)
    usage_by_rank = [f["f_usage"] for f in features(result["OUTPUT"])]
    assert usage_by_rank == pytest.approx([0.8 * (1 - 50 / 250), 0.0])


def test_cancelling_stops_without_output(evplanner):
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    candidates = point_layer([(x, 0) for x in range(0, 2000, 10)])
    with pytest.raises(QgsProcessingException, match=r"Canceled: nothing was written\."):
        processing.run(
            "evplanner:scorecandidates",
            {"CANDIDATES": candidates, "DEMAND": candidates, "OUTPUT": "memory:"},
            feedback=feedback,
            context=QgsProcessingContext(),
        )


def test_3d_points_in_another_crs_are_read_correctly(evplanner):
    """PointZ candidates in WGS84 (longer WKB, provider-side transform) score like 2D RD points."""
    to_wgs = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem(RD), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance()
    )
    layer = QgsVectorLayer("PointZ?crs=EPSG:4326", "z", "memory")
    features = []
    for x in (0.0, 1000.0):
        point = to_wgs.transform(QgsPointXY(X0 + x, Y0))
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromWkt(f"POINT Z ({point.x()} {point.y()} 12.5)"))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    demand = point_layer([(0, 0), (0, 100), (1000, 0)])
    result = run_score(CANDIDATES=layer, DEMAND=demand, CRS=RD)["OUTPUT"]
    assert sorted(f["demand_within"] for f in result.getFeatures()) == [1, 2]


def run_weighted(weights: dict) -> tuple[list, list[str], list[str]]:
    """Scores (best first), warnings and infos of two candidates, one next to a busy charge point."""
    feedback = QgsProcessingFeedback()
    warnings, infos = [], []
    feedback.pushWarning = warnings.append
    feedback.pushInfo = infos.append
    result = processing.run(
        "evplanner:scorecandidates",
        {
            "CANDIDATES": point_layer([(0, 0), (900, 0)]),
            "DEMAND": point_layer([(0, 0), (900, 0), (910, 0)]),
            "USAGE": point_layer([(0, 50, 80.0)], fields=["occupancy_mean:double"]),
            **weights,
            "OUTPUT": "memory:",
        },
        feedback=feedback,
        context=QgsProcessingContext(),
    )
    return [round(f["score"], 6) for f in features(result["OUTPUT"])], warnings, infos


def test_each_factor_has_its_own_weight_field(evplanner):
    separate, warnings, infos = run_weighted(
        {"WEIGHT_DEMAND": 0.25, "WEIGHT_GAP": 0, "WEIGHT_POI": 0, "WEIGHT_USAGE": 0.75}
    )
    as_text, _, _ = run_weighted({"WEIGHTS": "demand=0.25,usage=0.75"})
    assert separate == as_text
    assert any("demand=0.25" in info and "usage=0.75" in info for info in infos)
    assert not any("WEIGHTS" in warning for warning in warnings)
    demand_only, _, _ = run_weighted(
        {"WEIGHT_DEMAND": 1, "WEIGHT_GAP": 0, "WEIGHT_POI": 0, "WEIGHT_USAGE": 0}
    )
    assert demand_only != separate  # the fields are read, not ignored


def test_weights_as_text_win_over_the_fields_and_say_so(evplanner):
    scores, warnings, _ = run_weighted(
        {"WEIGHTS": "demand=1", "WEIGHT_DEMAND": 1, "WEIGHT_GAP": 0, "WEIGHT_POI": 0, "WEIGHT_USAGE": 0.9}
    )
    demand_only, _, _ = run_weighted({"WEIGHTS": "demand=1"})
    assert scores == demand_only
    overruled = [warning for warning in warnings if "WEIGHTS is given" in warning]
    assert len(overruled) == 1
    assert "WEIGHT_USAGE=0.9" in overruled[0]
    assert "WEIGHT_DEMAND" not in overruled[0]  # the same weight is no conflict


def test_all_weight_fields_zero_is_refused_before_running(evplanner):
    zero = {"WEIGHT_DEMAND": 0, "WEIGHT_GAP": 0, "WEIGHT_POI": 0, "WEIGHT_USAGE": 0}
    with pytest.raises(QgsProcessingException, match="weight above 0"):
        run_weighted(zero)
    scores, _, _ = run_weighted({**zero, "WEIGHTS": "demand=1"})  # WEIGHTS given: the fields do not count
    assert scores
