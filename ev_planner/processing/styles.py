"""QML styles of output layers (``resources/styles/<name>.qml``).

Two routes, because outputs are used in two ways: in QGIS desktop the layer
loaded on completion gets the style through a post-processor; a GeoPackage
output also stores the style as its default in ``layer_styles``, so the file
opens styled in any QGIS (and after ``qgis_process``, which loads nothing).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from qgis.core import (
    QgsMapLayer,
    QgsProcessingContext,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingUtils,
    QgsVectorLayer,
)

STYLE_DIR = Path(__file__).resolve().parent.parent / "resources" / "styles"


def style_path(style_name: str) -> Path:
    path = STYLE_DIR / f"{style_name}.qml"
    if not path.is_file():
        raise FileNotFoundError(f"EV Planner ships no style {style_name!r}")
    return path


class _StyleOnLoad(QgsProcessingLayerPostProcessorInterface):
    # Processing keeps only a raw pointer to post-processors: hold them here.
    _alive: ClassVar[list[_StyleOnLoad]] = []

    def __init__(self, qml: Path) -> None:
        super().__init__()
        self.qml = qml

    def postProcessLayer(self, layer: QgsMapLayer, context, feedback) -> None:
        if isinstance(layer, QgsVectorLayer):
            layer.loadNamedStyle(str(self.qml))
            layer.triggerRepaint()

    @classmethod
    def create(cls, qml: Path) -> _StyleOnLoad:
        instance = cls(qml)
        cls._alive.append(instance)
        return instance


def style_output(context: QgsProcessingContext, destination: str, style_name: str) -> None:
    """Give the output ``destination`` (a sink's dest id or path) the named style."""
    qml = style_path(style_name)
    if context.willLoadLayerOnCompletion(destination):
        details = context.layerToLoadOnCompletionDetails(destination)
        details.setPostProcessor(_StyleOnLoad.create(qml))
    if destination.lower().split("|")[0].endswith(".gpkg"):
        layer = QgsProcessingUtils.mapLayerFromString(destination, context, allowLoadingNewLayers=True)
        if isinstance(layer, QgsVectorLayer) and layer.isValid():
            layer.loadNamedStyle(str(qml))
            layer.saveStyleToDatabase(style_name, "EV Planner", True, "")
