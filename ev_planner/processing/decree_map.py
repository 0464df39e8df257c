"""The situation map of a traffic decree (evplanner:exportdecrees), as a PNG.

Layers are drawn as the user sees them: a layer of the project with the project's
style, a layer read from a file with the style stored with it (its default style: a
``.qml`` beside the file or a GeoPackage's ``layer_styles``). A file without one gets a
sober grey style instead of QGIS's random colour, which is meant for a screen, not for a
legal document; its streets are named when the file has OpenStreetMap's ``name`` field, as a
Dutch municipal decree map names them. The map carries a scale bar and a north arrow drawn on
the image; its other words are "N" and the scale bar's metres, so it reads the same in every
language.

Rendered synchronously with a custom-painter job: the algorithm may run in a background
thread, where a parallel job's event loop is not available.
"""

from __future__ import annotations

import math
from typing import Iterable, List, Optional

from qgis.core import (
    Qgis,
    QgsBearingUtils,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsLineSymbol,
    QgsMapLayer,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen, QPolygonF

from ..compat import GEOMETRY_LINE, GEOMETRY_POINT, GEOMETRY_POLYGON, LABEL_CURVED, LABEL_OVER_POINT
from ..core.numbers import dutch_number
from .layers import WGS84
from .sinks import add_features
from .styles import apply_style

# 16 cm wide and 18 cm high in the document (documents.py places it 16 cm wide): with its
# heading and caption it fills the annex page of the shipped template.
MAP_SIZE_PX = QSize(1600, 1800)
MAP_DPI = 254  # 1600 px on 16 cm
_NICE_STEPS = (1.0, 2.0, 2.5, 5.0)
_INK = QColor(40, 40, 40)
STREET_NAME_FIELD = "name"  # OpenStreetMap's, as in the lines of an .osm.pbf file
# The sober style of a file without a stored style: buildings and streets as on a municipal base map.
_NEUTRAL = {
    GEOMETRY_POLYGON: lambda: QgsFillSymbol.createSimple(
        {"color": "228,224,218,255", "outline_color": "150,142,132,255", "outline_width": "0.15"}
    ),
    GEOMETRY_LINE: lambda: QgsLineSymbol.createSimple({"line_color": "140,140,140,255", "line_width": "0.5"}),
    GEOMETRY_POINT: lambda: QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": "160,160,160,255", "outline_color": "90,90,90,255", "size": "1.6"}
    ),
}


def _neutral_style(layer: QgsVectorLayer) -> None:
    make_symbol = _NEUTRAL.get(layer.geometryType())
    if make_symbol is not None:
        layer.setRenderer(QgsSingleSymbolRenderer(make_symbol()))
    layer.setLabelsEnabled(False)
    if layer.geometryType() == GEOMETRY_LINE and layer.fields().indexOf(STREET_NAME_FIELD) >= 0:
        layer.setLabeling(QgsVectorLayerSimpleLabeling(_street_names()))
        layer.setLabelsEnabled(True)


def _street_names() -> QgsPalLayerSettings:
    """Street names along the streets, once per street (OSM splits a street into many ways)."""
    label = QgsPalLayerSettings()
    label.fieldName = STREET_NAME_FIELD
    label.placement = LABEL_CURVED
    label.lineSettings().setMergeLines(True)
    text = _buffered_text(7, QColor(70, 70, 70), 0.8)
    text.setFont(QFont("DejaVu Sans"))
    label.setFormat(text)
    return label


def _buffered_text(size: float, colour: QColor, buffer_mm: float) -> QgsTextFormat:
    """Label text with a white halo, readable over buildings and lines."""
    text = QgsTextFormat()
    text.setSize(size)
    text.setColor(colour)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(buffer_mm)
    text.setBuffer(buffer)
    return text


def styled_layer(layer: QgsMapLayer, project: Optional[QgsProject]) -> QgsMapLayer:
    """``layer`` with the style the map draws it in (see the module's docstring).

    A layer of the project is used as it is; any other (Processing opens a file path
    without its style) is cloned, so the caller's layer keeps its renderer.
    """
    if project is not None and project.mapLayer(layer.id()) is layer:
        return layer
    clone = layer.clone()
    _message, loaded = clone.loadDefaultStyle()
    if not loaded and isinstance(clone, QgsVectorLayer):
        _neutral_style(clone)
    return clone


def open_review_layer(source: str, provider: str, name: str) -> QgsVectorLayer:
    """The review locations with the style stored with the review, else EV Planner's own."""
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False
    layer = QgsVectorLayer(source, name, provider, options)
    _message, loaded = layer.loadDefaultStyle()
    if not loaded:
        apply_style(layer, "review_locations")
    return layer


def _highlight_layer(
    crs: QgsCoordinateReferenceSystem, centre: QgsPointXY, location_id: str, labelled: bool
) -> QgsVectorLayer:
    """A memory layer with the location as a red ring; labelled with its id only when asked."""
    highlight = QgsVectorLayer(f"Point?crs={crs.authid()}&field=location_id:string", "location", "memory")
    feature = QgsFeature(highlight.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(centre))
    feature.setAttributes([location_id])
    add_features(highlight.dataProvider(), [feature])
    symbol = QgsMarkerSymbol.createSimple(
        {
            "name": "circle",
            "color": "255,255,255,0",
            "outline_color": "230,0,0,255",
            "outline_width": "0.8",
            "size": "9",
        }
    )
    highlight.setRenderer(QgsSingleSymbolRenderer(symbol))
    if labelled:
        label = QgsPalLayerSettings()
        label.fieldName = "location_id"
        label.placement = LABEL_OVER_POINT
        label.yOffset = -6.0
        label.setFormat(_buffered_text(10, QColor(200, 0, 0), 1.0))
        highlight.setLabeling(QgsVectorLayerSimpleLabeling(label))
        highlight.setLabelsEnabled(True)
    return highlight


def scale_bar_length(map_width_m: float) -> float:
    """A round length (1, 2, 2.5 or 5 times a power of ten) of at most a quarter of the map."""
    target = map_width_m / 4.0
    power = 10.0 ** math.floor(math.log10(target))
    return max(step * power for step in _NICE_STEPS if step * power <= target)


def scale_bar_texts(length_m: float) -> tuple:
    """The scale bar's three labels (start, middle, end), numbers as the document's text writes them."""
    return "0", dutch_number(length_m / 2), f"{dutch_number(length_m)} m"


def _pixels(points: float) -> int:
    return round(points * MAP_DPI / 72.0)


def _draw_scale_bar(painter: QPainter, metres_per_px: float) -> None:
    """Two alternating black and white segments, bottom left, on a white backing."""
    length_m = scale_bar_length(metres_per_px * MAP_SIZE_PX.width())
    length_px = length_m / metres_per_px
    font = QFont("DejaVu Sans")
    font.setPixelSize(_pixels(8))
    painter.setFont(font)
    metrics = painter.fontMetrics()
    left, bar_h = _pixels(12), _pixels(4)
    bottom = MAP_SIZE_PX.height() - _pixels(12)
    top = bottom - bar_h
    labels = tuple(zip((0.0, length_px / 2, length_px), scale_bar_texts(length_m)))
    last_width = metrics.horizontalAdvance(labels[-1][1])
    backing = QRectF(
        left - _pixels(4),
        top - metrics.height() - _pixels(5),
        length_px + last_width / 2 + _pixels(8),
        bar_h + metrics.height() + _pixels(9),
    )
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255, 220))
    painter.drawRect(backing)
    painter.setPen(QPen(_INK, 2))
    for index in range(2):
        painter.setBrush(_INK if index == 0 else QColor(255, 255, 255))
        painter.drawRect(QRectF(left + index * length_px / 2, top, length_px / 2, bar_h))
    for offset, text in labels:
        width = metrics.horizontalAdvance(text)
        painter.drawText(QPointF(left + offset - width / 2, top - _pixels(3)), text)


def _draw_north_arrow(painter: QPainter, true_north_deg: float) -> None:
    """An arrow pointing to true north, top right: left half filled, right half open, an N above."""
    size = _pixels(20)
    centre = QPointF(MAP_SIZE_PX.width() - _pixels(12) - size / 2, _pixels(12) + size * 0.8)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255, 220))
    painter.drawEllipse(centre, size * 0.75, size * 0.75)
    painter.save()
    painter.translate(centre)
    painter.rotate(true_north_deg)
    tip, tail, half = QPointF(0, -size / 2), QPointF(0, size * 0.3), size * 0.28
    painter.setPen(QPen(_INK, 2))
    painter.setBrush(QBrush(_INK))
    painter.drawPolygon(QPolygonF([tip, QPointF(-half, size / 2), tail]))
    painter.setBrush(QColor(255, 255, 255))
    painter.drawPolygon(QPolygonF([tip, QPointF(half, size / 2), tail]))
    font = QFont("DejaVu Sans")
    font.setPixelSize(_pixels(9))
    font.setBold(True)
    painter.setFont(font)
    width = painter.fontMetrics().horizontalAdvance("N")
    painter.drawText(QPointF(-width / 2, -size / 2 - _pixels(2)), "N")
    painter.restore()


def _true_north(
    crs: QgsCoordinateReferenceSystem, transform_context: QgsCoordinateTransformContext, centre: QgsPointXY
) -> float:
    """The angle of true north at ``centre``; grid north (0) where the CRS is not meant to be
    used, since newer PROJ versions answer there with any angle instead of failing."""
    try:
        lonlat = QgsCoordinateTransform(crs, WGS84, transform_context).transform(centre)
        if not crs.bounds().contains(lonlat):
            return 0.0
        bearing = QgsBearingUtils.bearingTrueNorth(crs, transform_context, centre)
    except QgsCsException:
        return 0.0  # grid north: a map of 100 m hardly differs
    return bearing if math.isfinite(bearing) else 0.0


def render_decree_map(
    layers: Iterable[QgsMapLayer],
    review_layer: QgsVectorLayer,
    crs: QgsCoordinateReferenceSystem,
    centre: QgsPointXY,
    radius: float,
    location_id: str,
    transform_context: QgsCoordinateTransformContext,
) -> bytes:
    """A PNG of the location (a red ring) among the review locations over ``layers`` (already styled).

    The location is labelled once: by the review layer's own labels, or by the ring when the
    review layer shows none.
    """
    review_labels = review_layer.labelsEnabled() and review_layer.labeling() is not None
    highlight = _highlight_layer(crs, centre, location_id, labelled=not review_labels)
    settings = QgsMapSettings()
    map_layers: List[QgsMapLayer] = [highlight, review_layer, *layers]
    settings.setLayers(map_layers)
    settings.setDestinationCrs(crs)
    settings.setTransformContext(transform_context)
    height = radius * MAP_SIZE_PX.height() / MAP_SIZE_PX.width()
    settings.setExtent(
        QgsRectangle(centre.x() - radius, centre.y() - height, centre.x() + radius, centre.y() + height)
    )
    settings.setOutputSize(MAP_SIZE_PX)
    settings.setOutputDpi(MAP_DPI)
    settings.setBackgroundColor(QColor(255, 255, 255))
    settings.setFlag(Qgis.MapSettingsFlag.Antialiasing, True)
    settings.setFlag(Qgis.MapSettingsFlag.DrawLabeling, True)
    image = QImage(MAP_SIZE_PX, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(round(MAP_DPI / 0.0254))
    image.setDotsPerMeterY(round(MAP_DPI / 0.0254))
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    QgsMapRendererCustomPainterJob(settings, painter).renderSynchronously()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    _draw_scale_bar(painter, settings.mapUnitsPerPixel())
    _draw_north_arrow(painter, _true_north(crs, transform_context, centre))
    painter.end()
    data = QByteArray()
    device = QBuffer(data)
    device.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(device, "PNG")
    device.close()
    return bytes(data)
