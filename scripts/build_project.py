#!/usr/bin/env python3
"""Build the example QGIS project of the demo outputs and export its map as PNG.

    python scripts/build_project.py --outputs out --project sample_data/delft/ev_planner_delft.qgz \
        --png out/potential_map.png
    python scripts/build_project.py --outputs out --language en \
        --project sample_data/delft/ev_planner_delft_en.qgz

The project opens the demo's GeoPackages with the styles they carry, over a base
map drawn from the bundled OpenStreetMap extract (no internet needed), and holds
a print layout "Potentieelkaart Delft" that is exported headless to PNG.
Layers whose file does not exist (a step that was skipped) are left out.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDatumTransform,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsLineSymbol,
    QgsMapThemeCollection,
    QgsPrintLayout,
    QgsProject,
    QgsProviderRegistry,
    QgsRectangle,
    QgsReferencedRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QFont

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the plugin's QGIS version shims, from this checkout

from ev_planner.compat import DISTANCE_METERS, LAYOUT_MILLIMETERS  # noqa: E402

SAMPLE = REPO / "sample_data" / "delft"
OSM = SAMPLE / "osm_tudelft_wippolder.osm.pbf"
DISTRICTS = SAMPLE / "wijken_cbs_2024.geojson"
BACKGROUND = "#f2efe9"
EXTRACT_BBOX = (4.355, 51.995, 4.386, 52.005)
REVIEW_GPKG = "review.gpkg"
# The project's words in its two languages: a Dutch project for a Dutch QGIS (the demo's),
# an English one for an English QGIS, so layer names, legends and layouts are in one language.
WORDS = {
    "nl": {
        "attribution": "Bron: NDW; CBS, Kadaster (CC BY 4.0); © OpenStreetMap contributors (ODbL)",
        "made_with": "gemaakt met EV Planner",
        "legend": "Legenda",
        "buildings": "Gebouwen (OSM)",
        "streets": "Straten (OSM)",
        "districts": "Wijken (CBS 2024)",
        "forecast": "Prognose 2030 per wijk",
        "coverage": "Witte vlekken (NAL 500 m)",
        "candidates": "Kandidaatlocaties (score)",
        "usage": "Gebruik per laadpunt",
        "charge_points": "Bestaande laadpunten",
        "selected": "Gekozen locaties",
        "requests": "Aanvragen van bewoners",
        "request_sites": "Nieuwe locaties voor aanvragen",
        "review": "Validatie: voorgestelde locaties",
        "potential_layout": "Potentieelkaart Delft",
        "potential_title": "Potentieelkaart publieke laadpunten — Delft (TU-campus en Wippolder)",
        "requests_layout": "Aanvragen van bewoners Delft",
        "requests_title": "Aanvragen van bewoners: 250 m lopen tot een publiek laadpunt — Delft",
    },
    "en": {
        "attribution": "Sources: NDW; CBS, Kadaster (CC BY 4.0); © OpenStreetMap contributors (ODbL)",
        "made_with": "made with EV Planner",
        "legend": "Legend",
        "buildings": "Buildings (OSM)",
        "streets": "Streets (OSM)",
        "districts": "Districts (CBS 2024)",
        "forecast": "Forecast 2030 per district",
        "coverage": "White spots (NAL 500 m)",
        "candidates": "Candidate locations (score)",
        "usage": "Usage per charge point",
        "charge_points": "Existing charge points",
        "selected": "Selected locations",
        "requests": "Residents' requests",
        "request_sites": "New locations for requests",
        "review": "Review: proposed locations",
        "potential_layout": "Potential map Delft",
        "potential_title": "Potential map of public charge points — Delft (TU campus and Wippolder)",
        "requests_layout": "Residents' requests Delft",
        "requests_title": "Residents' requests: 250 m walking to a public charge point — Delft",
    },
}


@dataclass(frozen=True)
class LayerSpec:
    name: str  # a key of WORDS: the name in the layers panel and legend
    source: str  # path (relative to the outputs folder unless absolute) + OGR options
    in_legend: bool = True  # in the layers panel always; in the print layout's legend and map
    visible: bool = True
    maps: tuple[str, ...] = ("potential",)  # the print layouts that show it


def base_layers(osm: Path, districts: Path) -> list[tuple[LayerSpec, str]]:
    """The base map from the bundled OSM extract: (spec, simple style as 'fill'/'line' properties)."""
    return [
        (
            LayerSpec("buildings", f'{osm}|layername=multipolygons|subset="building" IS NOT NULL', False),
            "fill:#e4e0da,outline:#cfc9c0",
        ),
        (
            LayerSpec("streets", f'{osm}|layername=lines|subset="highway" IS NOT NULL', False),
            "line:#ffffff,width:0.6",
        ),
        (
            LayerSpec("districts", str(districts), True),
            "fill:#00000000,outline:#5b4a8b,width:0.5",
        ),
    ]


def beside_the_project(project_folder: Path, data: Path) -> Path:
    """``data``, copied into the project's folder unless it already lies there.

    QGIS stores a path relative to the project only when both share a root, and even then
    "../../sample_data" breaks as soon as the folder is moved or shared: the base map travels
    with the project instead.
    """
    if data.resolve().is_relative_to(project_folder.resolve()):
        return data
    copy = project_folder / "basemap" / data.name
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(data, copy)
    return copy


# Demo outputs, bottom to top; their styles come from the GeoPackages themselves (an English
# project applies the same EV Planner styles in English: see _in_language).
OUTPUT_LAYERS = [
    LayerSpec("forecast", "forecast.gpkg", in_legend=False, visible=False),
    LayerSpec("coverage", "coverage.gpkg"),
    LayerSpec("candidates", "candidates_scored.gpkg"),
    LayerSpec("usage", "usage_kpis.gpkg", in_legend=False, visible=False),
    LayerSpec("charge_points", "charge_points.gpkg", maps=("potential", "requests")),
    LayerSpec("selected", "selected_locations.gpkg"),
    LayerSpec("requests", "requests.gpkg", visible=False, maps=("requests",)),
    LayerSpec("request_sites", "request_sites.gpkg", visible=False, maps=("requests",)),
    # The review dock finds this layer and opens its GeoPackage (project entry review_gpkg).
    # Visible: step 4 of the first 10 minutes reviews these sites on the map.
    LayerSpec("review", f"{REVIEW_GPKG}|layername=review_locations", in_legend=False),
]


def _in_language(layer: QgsVectorLayer, gpkg: Path) -> None:
    """The EV Planner style the GeoPackage stores for ``layer``, applied again in this process's
    language: its legend labels were written in the language of the QGIS that made the output."""
    from ev_planner.processing.styles import apply_style

    table = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("layerName") or gpkg.stem
    with closing(sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)) as connection:
        row = connection.execute(
            "SELECT styleName FROM layer_styles WHERE f_table_name = ? AND useAsDefault", (table,)
        ).fetchone()
    if row is not None:
        with suppress(FileNotFoundError):  # a style of the user's own, not one EV Planner ships
            apply_style(layer, row[0])


def _simple_symbol(layer: QgsVectorLayer, style: str) -> None:
    props = dict(item.split(":", 1) for item in style.split(","))
    if "line" in props:
        symbol = QgsLineSymbol.createSimple(
            {"line_color": props["line"], "line_width": props.get("width", "0.3")}
        )
    else:
        symbol = QgsFillSymbol.createSimple(
            {
                "color": props["fill"],
                "outline_color": props["outline"],
                "outline_width": props.get("width", "0.1"),
            }
        )
    layer.renderer().setSymbol(symbol)


def _resolve(outputs: Path, source: str) -> tuple[Path, str]:
    path, _, options = source.partition("|")
    full = Path(path) if Path(path).is_absolute() else outputs / path
    return full, (f"{full}|{options}" if options else str(full))


def build(outputs: Path, project_path: Path, png: Path | None, language: str = "nl") -> QgsProject:
    words = WORDS[language]
    project = QgsProject.instance()
    project.clear()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:28992"))
    project.setTitle("EV Planner — Delft")
    project.setBackgroundColor(QColor(BACKGROUND))  # white streets need a tinted ground
    _preset_datum_transform(project, QgsCoordinateReferenceSystem("EPSG:4326"))
    base_layer_ids = set()
    project_folder = project_path.parent
    project_folder.mkdir(parents=True, exist_ok=True)
    osm, districts = (beside_the_project(project_folder, data) for data in (OSM, DISTRICTS))
    for spec, style in base_layers(osm, districts):
        layer = QgsVectorLayer(spec.source, words[spec.name], "ogr")
        if layer.isValid():
            _simple_symbol(layer, style)
            project.addMapLayer(layer)
            base_layer_ids.add(layer.id())
    legend_layers: dict[str, list] = {"potential": [], "requests": []}
    for spec in OUTPUT_LAYERS:
        path, uri = _resolve(outputs, spec.source)
        if not path.exists():
            print(f"  (left out: {path} does not exist)")
            continue
        layer = QgsVectorLayer(uri, words[spec.name], "ogr")
        if layer.isValid():
            if language != "nl":
                _in_language(layer, path)
            project.addMapLayer(layer)
            project.layerTreeRoot().findLayer(layer.id()).setItemVisibilityChecked(spec.visible)
            if spec.in_legend:
                for name in spec.maps:
                    legend_layers[name].append(layer)
    # Relative to the project file, like QGIS's own layer paths: the review dock opens it.
    review = os.path.relpath(outputs / REVIEW_GPKG, project_path.parent)
    project.writeEntry("ev_planner", "review_gpkg", Path(review).as_posix())
    extent = _extent_of_interest(project)
    # Built without a map canvas, the project opens where this says.
    project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(extent, project.crs()))
    layouts = {
        "potential": _layout(project, extent, legend_layers["potential"], base_layer_ids, words, "potential"),
        "requests": _layout(project, extent, legend_layers["requests"], base_layer_ids, words, "requests"),
    }
    for layout in layouts.values():
        project.layoutManager().addLayout(layout)
    project_path.parent.mkdir(parents=True, exist_ok=True)
    if not project.write(str(project_path)):
        raise SystemExit(f"could not write {project_path}")
    if png is not None:
        _export(layouts["potential"], png)
        if legend_layers["requests"][1:]:
            _export(layouts["requests"], png.with_name("requests_map.png"))
    return project


def _export(layout: QgsPrintLayout, png: Path) -> None:
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = 150
    result = QgsLayoutExporter(layout).exportToImage(str(png), settings)
    if result != QgsLayoutExporter.ExportResult.Success:
        raise SystemExit(f"could not export {png} (error {result})")


def _preset_datum_transform(project: QgsProject, source: QgsCoordinateReferenceSystem) -> None:
    """Store the WGS84 -> RD New operation in the project, so QGIS does not ask on opening it."""
    for operation in QgsDatumTransform.operations(source, project.crs()):
        if operation.isAvailable:
            context = project.transformContext()
            context.addCoordinateOperation(source, project.crs(), operation.proj)
            project.setTransformContext(context)
            return


def _extent_of_interest(project: QgsProject) -> QgsRectangle:
    """The OSM extract's bounding box (see ATTRIBUTION.md): the candidates live there."""
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), project.crs(), project)
    extent = transform.transformBoundingBox(QgsRectangle(*EXTRACT_BBOX))
    extent.scale(1.02)
    return extent


PAGE_WIDTH = 297  # A4 landscape, mm
MAP_WIDTH = 180


def _layout(
    project: QgsProject,
    extent: QgsRectangle,
    legend_layers,
    base_layer_ids: set[str],
    words: dict[str, str],
    kind: str,
) -> QgsPrintLayout:
    name, title = words[f"{kind}_layout"], words[f"{kind}_title"]
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()  # one A4 landscape page
    layout.setName(name)
    heading = title
    title = QgsLayoutItemLabel(layout)
    title.setText(heading)
    title.setFont(QFont("DejaVu Sans", 16, QFont.Weight.Bold))
    title.attemptMove(QgsLayoutPoint(10, 6, LAYOUT_MILLIMETERS))
    title.attemptResize(QgsLayoutSize(277, 10, LAYOUT_MILLIMETERS))
    layout.addLayoutItem(title)

    map_item = QgsLayoutItemMap(layout)
    layout.addLayoutItem(map_item)  # before sizing: an item outside a layout has no size to zoom in
    map_item.setCrs(project.crs())
    # Resize before moving: a map item moved while it has no size cannot zoom afterwards (3.22).
    map_item.attemptResize(QgsLayoutSize(MAP_WIDTH, 182, LAYOUT_MILLIMETERS))
    map_item.attemptMove(QgsLayoutPoint(10, 18, LAYOUT_MILLIMETERS))
    # A map theme rather than setLayers: a layout's own layer list stores absolute paths
    # (QGIS 3.22), a theme only layer ids. Drawn in the layer tree order, as in the layers panel.
    theme = QgsMapThemeCollection.MapThemeRecord()
    theme.setLayerRecords(
        [
            QgsMapThemeCollection.MapThemeLayerRecord(layer)
            for layer in project.layerTreeRoot().layerOrder()
            if layer in legend_layers or layer.id() in base_layer_ids
        ]
    )
    project.mapThemeCollection().insert(name, theme)
    map_item.setFollowVisibilityPreset(True)
    map_item.setFollowVisibilityPresetName(name)
    map_item.zoomToExtent(extent)
    map_item.setFrameEnabled(True)
    map_item.setBackgroundColor(QColor(BACKGROUND))

    _legend(layout, map_item, legend_layers, words["legend"])
    layout.addLayoutItem(_scale_bar(layout, map_item))

    credits = QgsLayoutItemLabel(layout)
    credits.setText(f"{words['attribution']} — {words['made_with']}")
    credits.setFont(QFont("DejaVu Sans", 7))
    credits.attemptMove(QgsLayoutPoint(10, 202, LAYOUT_MILLIMETERS))
    credits.attemptResize(QgsLayoutSize(277, 5, LAYOUT_MILLIMETERS))
    layout.addLayoutItem(credits)
    return layout


def _legend(
    layout: QgsPrintLayout, map_item: QgsLayoutItemMap, legend_layers, heading: str
) -> QgsLayoutItemLegend:
    """The legend right of the map, added to ``layout``: only the classes the map shows, in a font
    that fits the page."""
    legend = QgsLayoutItemLegend(layout)
    legend.setTitle(heading)
    legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(False)
    legend.setLegendFilterByMapEnabled(True)  # no "over 150 kW" when the map has none
    root = legend.model().rootGroup()
    for node in list(root.children()):
        layer = getattr(node, "layer", lambda: None)()
        if layer is None or layer not in legend_layers:
            root.removeChildNode(node)
    left = 10 + MAP_WIDTH + 4
    legend.attemptMove(QgsLayoutPoint(left, 18, LAYOUT_MILLIMETERS))
    layout.addLayoutItem(legend)
    # A legend measures itself only once it has been painted (it needs the DPI first): a quick
    # render at low resolution makes the sizes below real.
    QgsLayoutExporter(layout).renderPageToImage(0, QSize(), 30)
    for size in (10, 9, 8, 7):
        _legend_font_size(legend, size)
        legend.adjustBoxSize()
        if left + legend.sizeWithUnits().width() <= PAGE_WIDTH - 10:
            break
    return legend


def _legend_font_size(legend: QgsLayoutItemLegend, size: float) -> None:
    for style, scale in (
        (QgsLegendStyle.Style.Title, 1.4),
        (QgsLegendStyle.Style.Group, 1.1),
        (QgsLegendStyle.Style.Subgroup, 1.1),
        (QgsLegendStyle.Style.SymbolLabel, 1.0),
    ):
        legend_style = legend.rstyle(style)
        if hasattr(legend_style, "setTextFormat"):  # QGIS 3.30+: fonts are text formats
            text_format = legend_style.textFormat()
            text_format.setSize(size * scale)
            legend_style.setTextFormat(text_format)
        else:
            font = legend_style.font()
            font.setPointSizeF(size * scale)
            legend_style.setFont(font)


def _scale_bar(layout: QgsPrintLayout, map_item: QgsLayoutItemMap) -> QgsLayoutItemScaleBar:
    scale_bar = QgsLayoutItemScaleBar(layout)
    scale_bar.setStyle("Single Box")
    scale_bar.setLinkedMap(map_item)
    scale_bar.setUnits(DISTANCE_METERS)
    # Two segments of 200 m: at this scale four of 100 m put their labels on top of each other.
    scale_bar.setNumberOfSegments(2)
    scale_bar.setNumberOfSegmentsLeft(0)
    scale_bar.setUnitsPerSegment(200)
    scale_bar.setUnitLabel("m")
    scale_bar.update()
    scale_bar.attemptMove(QgsLayoutPoint(14, 186, LAYOUT_MILLIMETERS))
    return scale_bar


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--outputs", type=Path, default=REPO / "out")
    parser.add_argument("--project", type=Path, default=SAMPLE / "ev_planner_delft.qgz")
    parser.add_argument("--png", type=Path, default=None)
    parser.add_argument("--language", choices=sorted(WORDS), default="nl")
    args = parser.parse_args()
    app = QgsApplication([], False)
    app.initQgis()
    try:
        png = args.png.resolve() if args.png else None
        build(args.outputs.resolve(), args.project.resolve(), png, args.language)
    finally:
        app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
