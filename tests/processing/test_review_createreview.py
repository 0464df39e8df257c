"""evplanner:createreview through processing.run."""

from __future__ import annotations

import sqlite3

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from ev_planner.core.review.store import ReviewStore

DELFT = [(4.3571, 52.0116), (4.3612, 52.0080), (4.3701, 52.0025)]


def point_layer(fields: str = "candidate_id:string&field=score:double", crs: str = "EPSG:4326", rows=None):
    layer = QgsVectorLayer(f"Point?crs={crs}&field={fields}", "candidates", "memory")
    features = []
    for i, (lon, lat) in enumerate(DELFT):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
        feature.setAttributes(rows[i] if rows else [f"C{i + 1}", 0.5 + i])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_create_review_from_candidates(evplanner, tmp_path):
    import processing

    out = tmp_path / "review.gpkg"
    result = processing.run(
        "evplanner:createreview",
        {"LOCATIONS": point_layer(), "DEPARTMENTS": "Mobiliteit, Parkeren", "OUTPUT": str(out)},
        context=QgsProcessingContext(),
        feedback=QgsProcessingFeedback(),
    )
    assert result["OUTPUT"] == str(out)
    store = ReviewStore(out)
    assert store.config.department_names == ("Mobiliteit", "Parkeren")
    rows = store.locations()
    assert [r["location_id"] for r in rows] == ["C1", "C2", "C3"]
    assert {r["status"] for r in rows} == {"proposed"}
    assert rows[0]["xy"] == pytest.approx(DELFT[0])
    layer = QgsVectorLayer(result["REVIEW_LAYER"], "r", "ogr")
    assert layer.isValid()
    assert layer.featureCount() == 3
    # The style and forms travel inside the GeoPackage.
    with sqlite3.connect(out) as connection:
        styles = dict(connection.execute("SELECT f_table_name, useAsDefault FROM layer_styles"))
    assert styles == {"review_locations": 1, "review_events": 1}
    assert layer.renderer().type() == "categorizedSymbol"
    status = layer.fields().indexOf("status")
    decision = layer.fields().indexOf("decision_parkeren")
    assert layer.editorWidgetSetup(decision).type() == "ValueMap"
    assert layer.editFormConfig().readOnly(status)
    assert layer.editFormConfig().readOnly(decision)
    assert not layer.editFormConfig().readOnly(layer.fields().indexOf("address"))


def test_ids_generated_and_existing_file_kept(evplanner, tmp_path):
    import processing

    out = tmp_path / "review.gpkg"
    processing.run(
        "evplanner:createreview",
        {"LOCATIONS": point_layer("name:string", rows=[["a"], ["b"], ["c"]]), "OUTPUT": str(out)},
    )
    assert ReviewStore(out).location_ids() == ["L0001", "L0002", "L0003"]
    assert ReviewStore(out).config.department_names == (
        "Mobiliteit",
        "Openbare ruimte",
        "Parkeren",
        "Netbeheer",
    )
    with pytest.raises(QgsProcessingException, match="already exists"):
        processing.run("evplanner:createreview", {"LOCATIONS": point_layer(), "OUTPUT": str(out)})
    assert ReviewStore(out).location_ids() == ["L0001", "L0002", "L0003"]


def test_duplicate_location_ids_refused(evplanner, tmp_path):
    import processing

    layer = point_layer("location_id:string", rows=[["X"], ["X"], ["Y"]])
    with pytest.raises(QgsProcessingException, match="unique"):
        processing.run("evplanner:createreview", {"LOCATIONS": layer, "OUTPUT": str(tmp_path / "r.gpkg")})
