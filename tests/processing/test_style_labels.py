"""#13 item 8: no label clutter. Charge points carry their operator only at street scale, and no
other style labels the operator again."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from qgis.core import (
    Qgis,
    QgsFeature,
    QgsGeometry,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsPointXY,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize

from ev_planner.processing.styles import STYLE_DIR, apply_style

STREET_SCALE = 2500  # 1:2,500: a few dozen charge points on a screen of a Delft neighbourhood
GEOMETRY = {"0": "Point", "1": "LineString", "2": "Polygon", "4": "None"}
STYLES = sorted(path.stem for path in STYLE_DIR.glob("*.qml"))


def styled_layer(style_name: str) -> QgsVectorLayer:
    kind = ET.parse(STYLE_DIR / f"{style_name}.qml").getroot().findtext("layerGeometryType", "0")
    layer = QgsVectorLayer(f"{GEOMETRY[kind]}?crs=EPSG:4326&field=operator:string", style_name, "memory")
    apply_style(layer, style_name)
    return layer


def label_settings(layer: QgsVectorLayer):
    if not layer.labelsEnabled() or layer.labeling() is None:
        return None
    return layer.labeling().settings()


def test_charge_points_are_labelled_only_at_street_scale(qgis_app):
    settings = label_settings(styled_layer("charge_points"))
    assert settings.fieldName == "operator"
    assert settings.scaleVisibility
    assert 0 < settings.minimumScale <= STREET_SCALE  # no labels when zoomed out further
    assert settings.maximumScale < settings.minimumScale


@pytest.mark.parametrize("style_name", [name for name in STYLES if name != "charge_points"])
def test_no_other_style_labels_the_operator(qgis_app, style_name):
    settings = label_settings(styled_layer(style_name))
    if settings is not None:
        assert "operator" not in settings.fieldName, style_name


def charge_points_at(points) -> QgsVectorLayer:
    layer = QgsVectorLayer(
        "Point?crs=EPSG:28992&field=operator:string&field=max_power_kw:double&field=removed_at:string",
        "charge points",
        "memory",
    )
    features = []
    for x, y, operator in points:
        feature = QgsFeature(layer.fields())
        feature.setAttribute("operator", operator)
        # 22 kW: a symbol size at which QGIS 3.22 does place a second label beside the first.
        feature.setAttribute("max_power_kw", 22.0)
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    apply_style(layer, "charge_points")
    return layer


def drawn_labels(layer: QgsVectorLayer) -> list[str]:
    """The labels QGIS's labeling engine places for ``layer`` on a 100 m wide map (about 1:1,000)."""
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setOutputSize(QSize(400, 400))
    settings.setOutputDpi(96)
    settings.setExtent(QgsRectangle(84550, 447400, 84650, 447500))
    settings.setFlag(Qgis.MapSettingsFlag.DrawLabeling, True)
    assert settings.scale() < STREET_SCALE
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    results = job.takeLabelingResults()
    return sorted(label.labelText for label in results.labelsWithinRect(settings.extent()))


def test_charge_points_at_one_coordinate_are_labelled_once(qgis_app):
    # 410 such pairs in the Delft OCPI data drew "EQUANS EQUANS".
    layer = charge_points_at(
        [(84600, 447450, "EQUANS"), (84600, 447450, "EQUANS"), (84620, 447420, "EQUANS")]
    )
    assert drawn_labels(layer) == ["EQUANS", "EQUANS"]


def test_different_operators_at_one_coordinate_each_keep_their_label(qgis_app):
    layer = charge_points_at(
        [(84600, 447450, "EQUANS"), (84600, 447450, "Vattenfall"), (84600, 447450, "EQUANS")]
    )
    assert drawn_labels(layer) == ["EQUANS", "Vattenfall"]
