"""QML styles of output layers (``resources/styles/<name>.qml``).

Two routes, because outputs are used in two ways: in QGIS desktop the layer
loaded on completion gets the style through a post-processor; a GeoPackage
output also stores the style as its default in ``layer_styles``, so the file
opens styled in any QGIS (and after ``qgis_process``, which loads nothing).

The legend labels of a style (rules, categories, classes) are written in English in the QML
and translated into the QGIS language when the style is applied (:func:`localized_qml`), so a
layer created in a Dutch QGIS has a Dutch legend and one created in an English QGIS an
English one. ``scripts/update_translations.py`` collects the labels from the QML files.
"""

from __future__ import annotations

import sqlite3
import xml.etree.ElementTree as ET
from contextlib import closing
from pathlib import Path
from typing import ClassVar

from qgis.core import (
    QgsMapLayer,
    QgsProcessingContext,
    QgsProcessingLayerPostProcessorInterface,
    QgsVectorLayer,
)
from qgis.PyQt.QtXml import QDomDocument

from ..i18n import tr

STYLE_DIR = Path(__file__).resolve().parent.parent / "resources" / "styles"
# The elements of a renderer whose ``label`` is shown in the legend.
LEGEND_ELEMENTS = ("rule", "category", "range")


def style_path(style_name: str) -> Path:
    path = STYLE_DIR / f"{style_name}.qml"
    if not path.is_file():
        raise FileNotFoundError(f"EV Planner ships no style {style_name!r}")
    return path


def localized_qml(style_name: str) -> str:
    """The named style's QML with its legend labels in the QGIS language."""
    root = ET.fromstring(style_path(style_name).read_text(encoding="utf-8"))
    for tag in LEGEND_ELEMENTS:
        for element in root.iter(tag):
            label = element.get("label")
            if label:
                element.set("label", tr(label))
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + ET.tostring(
        root, encoding="unicode"
    )


def apply_style(layer: QgsVectorLayer, style_name: str) -> None:
    """Give ``layer`` the named style, its legend in the QGIS language."""
    document = QDomDocument()
    document.setContent(localized_qml(style_name))
    ok, error = layer.importNamedStyle(document)
    if not ok:
        raise RuntimeError(f"EV Planner's style {style_name!r} does not load: {error}")
    layer.triggerRepaint()


class _StyleOnLoad(QgsProcessingLayerPostProcessorInterface):
    # Processing keeps only a raw pointer to post-processors: hold them here.
    _alive: ClassVar[list[_StyleOnLoad]] = []

    def __init__(self, style_name: str) -> None:
        super().__init__()
        self.style_name = style_name

    def postProcessLayer(self, layer: QgsMapLayer, context, feedback) -> None:
        if isinstance(layer, QgsVectorLayer):
            apply_style(layer, self.style_name)

    @classmethod
    def create(cls, style_name: str) -> _StyleOnLoad:
        instance = cls(style_name)
        cls._alive.append(instance)
        return instance


def style_output(context: QgsProcessingContext, destination: str, style_name: str) -> None:
    """Give the output ``destination`` (a sink's dest id or path) the named style."""
    if context.willLoadLayerOnCompletion(destination):
        details = context.layerToLoadOnCompletionDetails(destination)
        details.setPostProcessor(_StyleOnLoad.create(style_name))
    path, _, options = destination.partition("|")
    if path.lower().endswith(".gpkg"):
        table = dict(part.split("=", 1) for part in options.split("|") if "=" in part).get("layername")
        save_default_style(Path(path), table or Path(path).stem, style_name, localized_qml(style_name))


LAYER_STYLES_SQL = (
    'CREATE TABLE IF NOT EXISTS "layer_styles" ("id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, '
    '"f_table_catalog" TEXT(256), "f_table_schema" TEXT(256), "f_table_name" TEXT(256), '
    '"f_geometry_column" TEXT(256), "styleName" TEXT(30), "styleQML" TEXT, "styleSLD" TEXT, '
    '"useAsDefault" BOOLEAN, "description" TEXT, "owner" TEXT(30), "ui" TEXT(30), '
    "\"update_time\" DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))"
)


def save_default_style(path: Path, table: str, style_name: str, qml: str) -> None:
    """Store ``qml`` as the default style of ``table`` in the GeoPackage's ``layer_styles``.

    Written with SQL in QGIS's own table layout rather than with saveStyleToDatabase(): that
    call waits forever (QGIS 3.22) when an earlier run of the same process wrote the same
    layer and its style, because QGIS's pooled connection to the file is still open.
    """
    with closing(sqlite3.connect(str(path), timeout=30)) as connection, connection:
        row = connection.execute(
            "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (table,)
        ).fetchone()
        connection.execute(LAYER_STYLES_SQL)
        connection.execute(
            "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description, last_change) "
            "VALUES ('layer_styles', 'attributes', 'layer_styles', '', strftime('%Y-%m-%dT%H:%M:%fZ','now'))"
        )
        connection.execute('DELETE FROM "layer_styles" WHERE f_table_name = ? AND useAsDefault = 1', (table,))
        connection.execute(
            'INSERT INTO "layer_styles" (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, '
            "styleName, styleQML, styleSLD, useAsDefault, description, owner, ui) "
            "VALUES ('', '', ?, ?, ?, ?, '', 1, 'EV Planner', '', NULL)",
            (table, row[0] if row else "", style_name, qml),
        )
