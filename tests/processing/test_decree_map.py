"""The decree's situation map (processing/decree_map.py) and the Dutch decree exportdecrees writes."""

from __future__ import annotations

import re
import zipfile

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor, QImage

from ev_planner.core.review.store import ReviewStore
from ev_planner.processing.decree_map import (
    MAP_SIZE_PX,
    open_review_layer,
    render_decree_map,
    scale_bar_length,
    scale_bar_texts,
    styled_layer,
)
from ev_planner.processing.styles import apply_style
from tests.support.layers import memory_points, write_layer
from tests.support.review import approved_review

RD = QgsCoordinateReferenceSystem("EPSG:28992")
CENTRE = QgsPointXY(84600.0, 447450.0)
RADIUS = 60.0
NEUTRAL_FILL = (228, 224, 218)
# 40 m east and 40 m south of the centre: inside the block below, away from the ring.
SAMPLE_PX = (
    round(MAP_SIZE_PX.width() / 2 + 40 / (2 * RADIUS) * MAP_SIZE_PX.width()),
    round(MAP_SIZE_PX.height() / 2 + 40 / (2 * RADIUS) * MAP_SIZE_PX.width()),
)


def _block() -> QgsVectorLayer:
    layer = QgsVectorLayer("Polygon?crs=EPSG:28992&field=name:string", "block", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(
        QgsGeometry.fromRect(QgsRectangle(CENTRE.x() + 20, CENTRE.y() - 60, CENTRE.x() + 60, CENTRE.y() - 20))
    )
    feature.setAttributes(["block"])
    layer.dataProvider().addFeatures([feature])
    return layer


def _block_file(tmp_path, name: str) -> QgsVectorLayer:
    path = write_layer(_block(), tmp_path / f"{name}.geojson", driver="GeoJSON")
    # As Processing opens a path: without its style, so QGIS gives it a random colour.
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False
    return QgsVectorLayer(str(path), name, "ogr", options)


def _filled(layer: QgsVectorLayer, rgb: str) -> QgsVectorLayer:
    layer.setRenderer(
        QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({"color": rgb, "outline_style": "no"}))
    )
    return layer


def _review_layer(tmp_path, labelled: bool = True) -> QgsVectorLayer:
    layer = memory_points(
        "EPSG:28992",
        "field=location_id:string&field=status:string",
        [((CENTRE.x(), CENTRE.y()), ["L2", "approved"])],
    )
    apply_style(layer, "review_locations")  # labels the ids, in dark grey
    layer.setLabelsEnabled(labelled)
    return layer


def _render(layers, review_layer) -> QImage:
    png = render_decree_map(
        layers, review_layer, RD, CENTRE, RADIUS, "L2", QgsProject.instance().transformContext()
    )
    image = QImage.fromData(png, "PNG")
    assert (image.width(), image.height()) == (MAP_SIZE_PX.width(), MAP_SIZE_PX.height())
    return image


def _rgb(image: QImage, x: int, y: int) -> tuple:
    colour = QColor(image.pixel(x, y))
    return colour.red(), colour.green(), colour.blue()


@pytest.mark.parametrize(("width", "length"), [(120, 25), (10, 2.5), (400, 100), (1000, 250), (30, 5)])
def test_scale_bar_is_a_round_quarter_of_the_map_at_most(width, length):
    assert scale_bar_length(width) == length


@pytest.mark.parametrize(
    ("length", "texts"),
    [(25, ("0", "12,5", "25 m")), (2.5, ("0", "1,25", "2,5 m")), (5000, ("0", "2.500", "5.000 m"))],
)
def test_scale_bar_numbers_are_written_as_the_decree_writes_them(length, texts):
    assert scale_bar_texts(length) == texts


def test_a_file_without_a_stored_style_is_drawn_in_sober_grey(qgis_app, tmp_path):
    layer = _block_file(tmp_path, "bare")
    random_renderer = layer.renderer().dump()
    image = _render([styled_layer(layer, QgsProject.instance())], _review_layer(tmp_path))
    assert _rgb(image, *SAMPLE_PX) == NEUTRAL_FILL
    assert layer.renderer().dump() == random_renderer  # the caller's layer is left as it was


def test_a_file_with_a_stored_style_is_drawn_in_it(qgis_app, tmp_path):
    layer = _block_file(tmp_path, "styled")
    stored = _filled(QgsVectorLayer(layer.source(), "styled", "ogr"), "20,90,200,255")
    stored.saveNamedStyle(str(tmp_path / "styled.qml"))  # the file's default style
    image = _render([styled_layer(layer, QgsProject.instance())], _review_layer(tmp_path))
    assert _rgb(image, *SAMPLE_PX) == (20, 90, 200)


def test_a_project_layer_keeps_the_projects_style(qgis_app, tmp_path):
    layer = _filled(_block(), "200,30,30,255")
    project = QgsProject.instance()
    project.addMapLayer(layer)
    try:
        assert styled_layer(layer, project) is layer
        image = _render([styled_layer(layer, project)], _review_layer(tmp_path))
        assert _rgb(image, *SAMPLE_PX) == (200, 30, 30)
        # The same layer outside a project is a file-less layer: grey.
        assert _rgb(_render([styled_layer(layer, None)], _review_layer(tmp_path)), *SAMPLE_PX) == NEUTRAL_FILL
    finally:
        project.removeMapLayer(layer.id())


def _street_file(tmp_path, fields: str, attributes: list) -> QgsVectorLayer:
    """An east-west street 30 m north of the location, as a file (Processing opens it without a style)."""
    layer = QgsVectorLayer(f"LineString?crs=EPSG:28992&{fields}", "streets", "memory")
    feature = QgsFeature(layer.fields())
    y = CENTRE.y() + 30
    feature.setGeometry(
        QgsGeometry.fromPolylineXY([QgsPointXY(CENTRE.x() - 55, y), QgsPointXY(CENTRE.x() + 55, y)])
    )
    feature.setAttributes(attributes)
    layer.dataProvider().addFeatures([feature])
    path = write_layer(layer, tmp_path / f"streets_{len(attributes)}.geojson", driver="GeoJSON")
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False
    return QgsVectorLayer(str(path), "streets", "ogr", options)


def _ink_pixels(image: QImage) -> int:
    """Every 4th pixel of text-dark grey or darker, away from the scale bar and north arrow."""
    top, bottom = image.height() // 8, image.height() * 3 // 4
    return sum(
        1 for y in range(top, bottom, 2) for x in range(0, image.width(), 2) if max(_rgb(image, x, y)) < 110
    )


def test_the_streets_are_named_when_the_file_has_osms_name_field(qgis_app, tmp_path):
    named = _street_file(tmp_path, "field=name:string&field=highway:string", ["Hermesstraat", "residential"])
    unnamed = _street_file(tmp_path, "field=highway:string", ["residential"])
    assert styled_layer(named, QgsProject.instance()).labeling().settings().fieldName == "name"
    assert not styled_layer(unnamed, QgsProject.instance()).labelsEnabled()
    review = _review_layer(tmp_path, labelled=False)
    with_names = _ink_pixels(_render([styled_layer(named, QgsProject.instance())], review))
    without_names = _ink_pixels(_render([styled_layer(unnamed, QgsProject.instance())], review))
    assert with_names > without_names + 100  # the letters of "Hermesstraat" (every 4th pixel counted)


def _dark(image: QImage, x: int, y: int) -> bool:
    return max(_rgb(image, x, y)) < 80


def test_the_map_has_a_scale_bar_and_a_north_arrow(qgis_app, tmp_path):
    image = _render([], _review_layer(tmp_path))
    height, width = MAP_SIZE_PX.height(), MAP_SIZE_PX.width()
    # The bar's first (black) segment starts 12 pt from the left, 12-16 pt above the bottom.
    assert _dark(image, 60, height - 49)
    assert not _dark(image, 60, height - 30)
    # 25 m of 120 m: a black and a white segment of 12,5 m each, the bar's end at 42 + 333 px.
    assert not _dark(image, 42 + 250, height - 49)
    assert max(x for x in range(200, 600) if _dark(image, x, height - 49)) in (375, 376)
    # The arrow's filled left half, top right; the N above it.
    arrow_x = width - 42 - 35
    assert _dark(image, arrow_x - 6, 110)
    assert not _dark(image, arrow_x + 6, 110)
    assert any(_dark(image, arrow_x + dx, y) for dx in range(-15, 16) for y in range(20, 60))
    assert not any(_dark(image, width // 2, y) for y in range(20, 140))


def test_the_location_is_labelled_once(qgis_app, tmp_path):
    def red_pixels(image: QImage) -> int:
        return sum(
            1
            for x in range(650, 950)
            for y in range(780, 852)  # above the ring, where the ring puts its label
            if (lambda c: c.red() > 150 and c.green() < 80)(QColor(image.pixel(x, y)))
        )

    # The ring carries the id only when the review layer shows no labels: its label is red.
    by_review = red_pixels(_render([], _review_layer(tmp_path, labelled=True)))
    by_ring = red_pixels(_render([], _review_layer(tmp_path, labelled=False)))
    assert by_review < 20 < 100 < by_ring


def test_a_review_without_a_stored_style_gets_ev_planners(qgis_app, tmp_path):
    path = write_layer(_review_layer(tmp_path), tmp_path / "bare_review.gpkg", "locations")
    layer = open_review_layer(f"{path}|layername=locations", "ogr", "locations")
    assert layer.renderer().type() == "categorizedSymbol"
    assert layer.labelsEnabled()


# --- the decree exportdecrees writes ---------------------------------------------------------


@pytest.fixture
def open_review(evplanner, tmp_path) -> ReviewStore:
    """A review with one approved location whose address and operator nobody entered yet."""

    layer = memory_points(
        "EPSG:28992",
        "field=location_id:string&field=address:string&field=operator:string",
        [((CENTRE.x(), CENTRE.y()), ["L2", "", None])],
    )
    return approved_review(layer, tmp_path / "open_review.gpkg", "L2")


def _export(review: ReviewStore, folder, **extra) -> tuple:
    import processing

    processing.run(
        "evplanner:exportdecrees",
        {"REVIEW": str(review.path), "OUTPUT_FOLDER": str(folder), **extra},
    )
    with zipfile.ZipFile(folder / "verkeersbesluit_L2.docx") as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
        styles = archive.read("word/styles.xml").decode("utf-8")
        media = [archive.read(n) for n in archive.namelist() if n.startswith("word/media/")]
    return xml, styles, media


def _text(xml: str) -> str:
    return "".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml))


def test_the_decree_is_dutch_with_marked_fields_to_fill_in(open_review, tmp_path):
    xml, _styles, media = _export(open_review, tmp_path / "decrees")
    text = _text(xml)
    assert "Status bij aanmaak: goedgekeurd." in text
    assert "approved" not in text
    for what in ("exploitant", "adres", "gemeente"):  # no MUNICIPALITY given either
        marker = f"[in te vullen: {what}]"
        assert f'<w:highlight w:val="yellow"/></w:rPr><w:t xml:space="preserve">{marker}</w:t>' in xml
    assert "…" not in text
    # Both coordinate pairs with a decimal comma and thousands dots, the Dutch way.
    assert re.search(r"X 84\.600,0, Y 447\.450,0 \(EPSG:28992\)", text)
    assert re.search(r"WGS84: 5\d,\d{6}° NB, 4,\d{6}° OL", text)
    assert not re.search(r"\d\.(?!\d{3}(?!\d))\d", text)  # a dot only between thousands
    # The map carries no words of its own (the caption is the document's, in Dutch).
    assert "Kaart in EPSG:28992." in text
    assert len(media) == 1
    image = QImage.fromData(media[0], "PNG")
    assert image.height() > image.width()  # a portrait map filling the annex page


def test_the_decree_is_one_page_of_text_and_one_annex_page_with_the_map(open_review, tmp_path):
    xml, styles, _media = _export(open_review, tmp_path / "decrees", MUNICIPALITY="Delft")
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)
    annex = [i for i, p in enumerate(paragraphs) if 'w:val="Annex"' in p]
    maps = [i for i, p in enumerate(paragraphs) if "<w:drawing>" in p]
    assert len(annex) == 1
    assert len(maps) == 1
    assert annex[0] < maps[0]  # the map on the annex page
    assert '<w:br w:type="page"/>' not in xml
    assert styles.count("<w:pageBreakBefore/>") == 1  # the annex heading's style: one page break
    assert "<w:keepNext/>" in paragraphs[maps[0]]  # the caption stays with the map
    assert "Rode cirkel" in _text(paragraphs[maps[0] + 1])
    # The map's height in the document: 18 cm of the 25.7 cm of an A4 page with 2 cm margins.
    height_emu = int(re.search(r'<wp:extent cx="\d+" cy="(\d+)"', paragraphs[maps[0]]).group(1))
    assert height_emu == 18 * 360000
    assert re.search(r'<w:pgMar w:top="1134" [^>]*w:bottom="1134"', xml)


def test_the_signatory_is_a_marked_field_under_namens_dezen_on_the_first_page(open_review, tmp_path):
    xml, _styles, _media = _export(open_review, tmp_path / "decrees", MUNICIPALITY="Delft")
    paragraphs = [_text(p) for p in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)]
    signatory = paragraphs.index("[in te vullen: naam en functie van de ondertekenaar]")
    assert paragraphs[signatory - 1] == "namens dezen,"
    assert signatory < paragraphs.index("Bijlage: situatiekaart")
    assert (
        '<w:highlight w:val="yellow"/></w:rPr><w:t xml:space="preserve">[in te vullen: naam en functie' in xml
    )


def test_north_arrow_points_to_true_north_and_falls_back_to_grid_north(qgis_app):
    from ev_planner.processing.decree_map import _true_north

    context = QgsProject.instance().transformContext()
    assert 0.5 < _true_north(RD, context, CENTRE) < 1.2  # RD's meridian convergence in Delft
    assert _true_north(RD, context, QgsPointXY(1e20, 1e20)) == 0.0  # no transform there
