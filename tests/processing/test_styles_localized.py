"""Legends follow the QGIS language when a style is applied (#13 item 9): one language, never both."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from ev_planner.processing.styles import STYLE_DIR, apply_style, localized_qml
from tests.support.layers import point_layer

QM_FILE = Path(__file__).resolve().parents[2] / "ev_planner" / "resources" / "i18n" / "ev_planner_nl.qm"


@pytest.fixture
def dutch():
    translator = QTranslator()
    assert translator.load(str(QM_FILE))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def legend_labels(layer: QgsVectorLayer) -> list[str]:
    return [item.label() for item in layer.renderer().legendSymbolItems()]


def test_no_style_has_bilingual_labels():
    labels = {
        path.name: re.findall(
            r'<(?:rule|category|range)\b[^>]*\blabel="([^"]+)"', path.read_text(encoding="utf-8")
        )
        for path in STYLE_DIR.glob("*.qml")
    }
    assert "Approved" in labels["review_locations.qml"]
    assert {name: [label for label in found if " / " in label] for name, found in labels.items()} == {
        name: [] for name in labels
    }


def test_an_english_qgis_gets_english_legends(qgis_app):
    layer = QgsVectorLayer("Point?crs=EPSG:28992&field=status:string", "review", "memory")
    apply_style(layer, "review_locations")
    assert "Approved" in legend_labels(layer)
    assert "Goedgekeurd" not in legend_labels(layer)


def test_a_dutch_qgis_gets_dutch_legends(qgis_app, dutch):
    layer = QgsVectorLayer("Point?crs=EPSG:28992&field=max_power_kw:double", "cp", "memory")
    apply_style(layer, "charge_points")
    labels = legend_labels(layer)
    assert "Tot 11 kW (AC)" in labels
    assert not [label for label in labels if "Up to" in label or "Unknown" in label]
    assert "Gekozen locatie (het nummer is de volgorde)" in localized_qml("selected_locations")


def test_a_geopackage_output_stores_the_legend_in_the_language_it_was_made_in(
    qgis_app, dutch, evplanner, tmp_path
):
    import sqlite3

    import processing

    demand = point_layer([(10.0 * i, 0.0, 200) for i in range(5)], fields=["households:integer"])
    charge_points = point_layer([(0.0, 0.0)])
    output = tmp_path / "coverage.gpkg"
    processing.run(
        "evplanner:coveragecheck",
        {
            "DEMAND": demand,
            "DEMAND_FIELD": "households",
            "CHARGE_POINTS": charge_points,
            "OUTPUT": str(output),
        },
    )
    with sqlite3.connect(output) as connection:
        qml = connection.execute("SELECT styleQML FROM layer_styles WHERE useAsDefault = 1").fetchone()[0]
    assert "Gedekt: laadpunt in de cel" in qml
    assert "Covered: charge point in the cell" not in qml
