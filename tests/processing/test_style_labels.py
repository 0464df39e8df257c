"""#13 item 8: no label clutter. Charge points carry their operator only at street scale, and no
other style labels the operator again."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from qgis.core import QgsVectorLayer

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
