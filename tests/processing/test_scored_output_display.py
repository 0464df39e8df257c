"""#13 item 10: scored and selected candidates name themselves by id and score; demand figures
are rounded to a tenth (the field types stay double)."""

from __future__ import annotations

from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils, QgsVectorLayer

from ev_planner.compat import FieldType
from tests.support.layers import point_layer
from tests.support.running import run_algorithm


def display_names(layer: QgsVectorLayer) -> dict[int, str]:
    expression = QgsExpression(layer.displayExpression())
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    names = {}
    for feature in layer.getFeatures():
        context.setFeature(feature)
        names[feature["candidate_id"]] = expression.evaluate(context)
    return names


def thirds_of_households():
    """Three candidates, demand in thirds of a household, one existing charge point."""
    candidates = point_layer(
        [(0, 0, 11, "along_streets"), (1000, 0, 12, "along_streets"), (0, 100, 13, "along_streets")],
        fields=["candidate_id:integer", "method:string"],
    )
    demand = point_layer(
        [(0, 10, 1 / 3), (0, 20, 2 / 3), (1000, 0, 5 / 3), (0, 300, 1 / 7)], fields=["households:double"]
    )
    return candidates, demand, point_layer([(0, 200)])


def scored_candidates(tmp_path, **extra) -> str:
    """The hand-made candidates scored into a GeoPackage; returns its path."""
    candidates, demand, existing = thirds_of_households()
    output = str(tmp_path / "scored.gpkg")
    parameters = {"CANDIDATES": candidates, "DEMAND": demand, "DEMAND_FIELD": "households"}
    run_algorithm("scorecandidates", {**parameters, "CHARGE_POINTS": existing, **extra, "OUTPUT": output})
    return output


def test_scored_candidates_show_id_and_score_and_round_demand(evplanner, tmp_path):
    output = scored_candidates(tmp_path, RADIUS=250)
    layer = QgsVectorLayer(output, "scored", "ogr")  # opens with the style stored in the file
    assert "candidate_id" in layer.displayExpression()
    scores = {f["candidate_id"]: f["score"] for f in layer.getFeatures()}
    assert display_names(layer) == {cid: f"{cid} – {score:.1f}" for cid, score in scores.items()}
    assert not [n for n in display_names(layer).values() if "along_streets" in n]
    for name in ("demand_within", "unserved_within"):
        assert layer.fields().field(name).type() == FieldType.DOUBLE
        values = [f[name] for f in layer.getFeatures()]
        assert values == [round(v, 1) for v in values]
        assert any(v != int(v) for v in values), "tenths are kept"
    assert sorted(f["demand_within"] for f in layer.getFeatures()) == [
        1.0,
        1.1,
        1.7,
    ]  # 1/3 + 2/3 (+ 1/7 within 250 m of the third)


def test_selected_locations_show_rank_id_and_score(evplanner, tmp_path):
    _, demand, existing = thirds_of_households()
    scored = scored_candidates(tmp_path)
    output = str(tmp_path / "selected.gpkg")
    run_algorithm(
        "selectlocations",
        {
            "CANDIDATES": scored,
            "DEMAND": demand,
            "DEMAND_FIELD": "households",
            "CHARGE_POINTS": existing,
            "COUNT": 2,
            "RADIUS": 250,
            "OUTPUT": output,
        },
    )
    layer = QgsVectorLayer(output, "selected", "ogr")
    rows = {f["candidate_id"]: f for f in layer.getFeatures()}
    assert display_names(layer) == {
        cid: f"#{f['selection_rank']}: {cid} – {f['score']:.1f}" for cid, f in rows.items()
    }
    marginal = [f["marginal_demand"] for f in rows.values()]
    assert marginal == [round(v, 1) for v in marginal]
    assert layer.fields().field("marginal_demand").type() == FieldType.DOUBLE
