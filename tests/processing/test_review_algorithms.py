"""checkconstraints, importreviewevents, reviewkpis and exportdecrees through processing.run."""

from __future__ import annotations

import csv
import json
import zipfile

import pytest
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

from ev_planner.core.review.documents import docx_text
from ev_planner.core.review.events import ReviewEvent
from ev_planner.core.review.store import ReviewStore
from tests.support.layers import memory_points, write_layer

RD = {"L1": (84500.0, 447400.0), "L2": (84600.0, 447450.0), "L3": (84700.0, 447300.0)}


@pytest.fixture
def review(evplanner, tmp_path) -> ReviewStore:
    import processing

    layer = memory_points(
        "EPSG:28992",
        "field=location_id:string&field=address:string&field=operator:string",
        [(xy, [i, f"Markt {n}, Delft", "Vattenfall"]) for n, (i, xy) in enumerate(RD.items(), start=1)],
    )
    out = tmp_path / "review.gpkg"
    processing.run(
        "evplanner:createreview",
        {"LOCATIONS": layer, "DEPARTMENTS": "Mobiliteit,Parkeren", "OUTPUT": str(out)},
    )
    return ReviewStore(out)


def test_checkconstraints_writes_one_check_event_per_location(review):
    import processing

    to_wgs84 = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:28992"),
        QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsProject.instance(),
    )
    near_l1 = to_wgs84.transform(QgsPointXY(84503.0, 447400.0))
    far = to_wgs84.transform(QgsPointXY(84550.0, 447600.0))
    trees = memory_points(
        "EPSG:4326",
        "field=soort:string",
        [((near_l1.x(), near_l1.y()), ["linde"]), ((far.x(), far.y()), ["eik"])],
    )
    trees.setName("bomen")
    result = processing.run(
        "evplanner:checkconstraints", {"REVIEW": str(review.path), "CONSTRAINTS": [trees], "DISTANCE": 5}
    )
    assert (result["CHECKED"], result["WITH_CONFLICTS"]) == (3, 1)
    events = {e.location_id: e for e in review.events()}
    assert events["L1"].action == "check"
    assert "bomen: 1 (nearest 3.0 m)" in events["L1"].comment
    assert "No conflicts" in events["L2"].comment
    assert {r["status"] for r in review.locations()} == {"proposed"}  # a check never changes the status


def test_importreviewevents_reports_and_is_idempotent(review, tmp_path):
    import processing

    path = tmp_path / "answers.csv"
    path.write_text(
        "location_id,at,actor,department,action,reason,comment\n"
        "L1,2026-05-01T08:00:00Z,Ann,,submit,,\n"
        "L1,2026-05-02T08:00:00Z,Bob,Mobiliteit,approve,,\n"
        "L7,2026-05-02T08:00:00Z,Bob,Mobiliteit,approve,,\n"
        "L2,2026-05-02T08:00:00Z,Bob,Mobiliteit,approve,,\n"
        "L3,2026-13-45,Bob,,comment,,x\n",
        encoding="utf-8",
    )
    feedback = QgsProcessingFeedback()
    result = processing.run(
        "evplanner:importreviewevents",
        {"REVIEW": str(review.path), "EVENTS": str(path)},
        context=QgsProcessingContext(),
        feedback=feedback,
    )
    assert (result["IMPORTED"], result["SKIPPED"]) == (2, 3)
    log = feedback.textLog()
    assert "unknown location" in log
    assert "invalid transition" in log
    assert "bad timestamp" in log
    again = processing.run("evplanner:importreviewevents", {"REVIEW": str(review.path), "EVENTS": str(path)})
    assert (again["IMPORTED"], again["SKIPPED"]) == (0, 5)
    assert review.count_events() == 2


def test_wrong_geopackage_is_a_clear_processing_error(evplanner, tmp_path):
    import processing

    bogus = tmp_path / "other.gpkg"
    bogus.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(QgsProcessingException, match=r"not a GeoPackage|not an EV Planner review"):
        processing.run("evplanner:reviewkpis", {"REVIEW": str(bogus), "OUTPUT_TABLE": "memory:"})


def _walk_to_delivery(review: ReviewStore) -> None:
    steps = [
        ("submit", {}),
        ("approve", {"department": "Mobiliteit"}),
        ("approve", {"department": "Parkeren"}),
        ("request", {}),
        ("permit", {}),
        ("install", {"installer": "Laadbouw"}),
        ("deliver", {}),
    ]
    for day, (action, extra) in enumerate(steps, start=1):
        review.append(ReviewEvent("L1", action, at=f"2026-05-{day:02d}T08:00:00Z", actor="ann", **extra))
    review.append(ReviewEvent("L2", "submit", at="2026-05-01T08:00:00Z", actor="ann"))
    for department in ("Mobiliteit", "Parkeren"):
        review.append(
            ReviewEvent("L2", "approve", at="2026-05-04T08:00:00Z", actor="bob", department=department)
        )


def test_reviewkpis_table_and_html(review, tmp_path):
    import processing

    _walk_to_delivery(review)
    html = tmp_path / "kpis.html"
    context = QgsProcessingContext()
    result = processing.run(
        "evplanner:reviewkpis",
        {"REVIEW": str(review.path), "OUTPUT_TABLE": "memory:", "OUTPUT_HTML": str(html)},
        context=context,
    )
    table = result["OUTPUT_TABLE"]
    rows = {(f["section"], f["name"]): f for f in table.getFeatures()}
    assert rows[("step", "review")]["count"] == 2
    assert rows[("step", "review")]["median_days"] == pytest.approx(2.5)
    assert rows[("step", "total")]["median_days"] == pytest.approx(6.0)
    assert rows[("status", "delivered")]["count"] == 1
    assert rows[("installer", "Laadbouw")]["count"] == 1
    assert rows[("department", "Parkeren")]["approvals"] == 2
    assert "<svg" in html.read_text(encoding="utf-8")


def test_exportdecrees_documents_and_operator_files(review, tmp_path):
    import processing

    _walk_to_delivery(review)
    folder = tmp_path / "decrees"
    result = processing.run(
        "evplanner:exportdecrees",
        {
            "REVIEW": str(review.path),
            "STATUS": "approved",
            "OUTPUT_FOLDER": str(folder),
            "MUNICIPALITY": "Delft",
        },
    )
    assert result["DOCUMENTS"] == 1
    document = folder / "verkeersbesluit_L2.docx"
    text = docx_text(document)
    assert "Markt 2, Delft" in text
    assert "Gemeente Delft" in text
    assert "Vattenfall" in text
    assert "X 84.600,0, Y 447.450,0 (EPSG:28992)" in text
    with zipfile.ZipFile(document) as archive:
        images = [n for n in archive.namelist() if n.startswith("word/media/")]
        assert len(images) == 1
        png = archive.read(images[0])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(png) > 5000  # a rendered map, not an empty image
    data = json.loads((folder / "locations.geojson").read_text(encoding="utf-8"))
    assert [f["id"] for f in data["features"]] == ["L2"]
    lon, lat = data["features"][0]["geometry"]["coordinates"]
    assert 4.3 < lon < 4.4
    assert 51.9 < lat < 52.1
    with (folder / "locations.csv").open(encoding="utf-8-sig") as handle:
        assert next(csv.DictReader(handle, delimiter=";"))["document"] == document.name
    delivered = processing.run(
        "evplanner:exportdecrees",
        {"REVIEW": str(review.path), "STATUS": "delivered", "OUTPUT_FOLDER": str(folder)},
    )
    assert delivered["DOCUMENTS"] == 1
    assert (folder / "verkeersbesluit_L1.docx").is_file()


def test_exportdecrees_with_own_template_and_background(review, tmp_path):
    import processing

    from ev_planner.core.review.decree_template import document_xml, write_default_template

    _walk_to_delivery(review)
    template = tmp_path / "flanders.docx"
    write_default_template(template)
    with zipfile.ZipFile(template) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts["word/document.xml"] = document_xml(
        (
            ("Title", "Aanvullend verkeersreglement {{gemeente}}"),
            ("Normal", "{{adres}} — {{exploitant}}"),
            ("Normal", "{{kaart}}"),
        )
    ).encode()
    with zipfile.ZipFile(template, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    background = QgsVectorLayer("Polygon?crs=EPSG:28992", "bgt", "memory")
    feature = QgsFeature()
    feature.setGeometry(
        QgsGeometry.fromWkt("POLYGON((84550 447400, 84650 447400, 84650 447500, 84550 447500, 84550 447400))")
    )
    background.dataProvider().addFeatures([feature])
    folder = tmp_path / "avr"
    result = processing.run(
        "evplanner:exportdecrees",
        {
            "REVIEW": str(review.path),
            "OUTPUT_FOLDER": str(folder),
            "MUNICIPALITY": "Gent",
            "TEMPLATE": str(template),
            "MAP_LAYERS": [background],
        },
    )
    assert result["DOCUMENTS"] == 1
    text = docx_text(folder / "verkeersbesluit_L2.docx").splitlines()
    assert text[:2] == ["Aanvullend verkeersreglement Gent", "Markt 2, Delft — Vattenfall"]


def test_reviewkpis_on_a_review_without_events(review, tmp_path):
    import processing

    html = tmp_path / "empty.html"
    result = processing.run(
        "evplanner:reviewkpis",
        {"REVIEW": str(review.path), "OUTPUT_TABLE": "memory:", "OUTPUT_HTML": str(html)},
    )
    rows = {(f["section"], f["name"]): f["count"] for f in result["OUTPUT_TABLE"].getFeatures()}
    assert rows[("status", "proposed")] == 3
    assert rows[("step", "review")] == 0
    assert "No installation recorded yet." in html.read_text(encoding="utf-8")


def test_checkconstraints_names_each_filter_of_one_file_once(review, tmp_path):
    """Three filters on one file are three layers of one name: the check says which was near."""
    import processing

    x, y = RD["L1"]
    objects = memory_points(
        "EPSG:28992",
        "field=kind:string",
        [((x + 2.0, y), ["tree"]), ((x, y + 4.0), ["hydrant"]), ((x + 3.0, y), ["tree"])],
    )
    path = write_layer(objects, tmp_path / "street_objects.gpkg", "objects")
    sources = [
        f"{path}|layername=objects|subset=\"kind\" = '{kind}'" for kind in ("tree", "hydrant", "bench")
    ]
    processing.run(
        "evplanner:checkconstraints", {"REVIEW": str(review.path), "CONSTRAINTS": sources, "DISTANCE": 5}
    )
    events = {e.location_id: e for e in review.events()}
    name = "street_objects"  # QGIS names a layer given as a source after its file
    assert events["L1"].comment == (
        f"Conflicts within 5 m: {name} (kind=tree): 2 (nearest 2.0 m); {name} (kind=hydrant): 1 (nearest 4.0 m)"
    )
    assert events["L2"].comment.count(name) == 1
    assert events["L2"].comment.endswith(f"of {name} (kind=tree, kind=hydrant, kind=bench).")


def test_createreview_stores_the_review_style_with_its_legend_in_the_qgis_language(evplanner, tmp_path):
    import sqlite3

    import processing
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from ev_planner.i18n import I18N_DIR

    layer = memory_points("EPSG:28992", "field=location_id:string", [(RD["L1"], ["L1"])])
    translator = QTranslator()
    assert translator.load(str(I18N_DIR / "ev_planner_nl.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        out = tmp_path / "beoordeling.gpkg"
        processing.run(
            "evplanner:createreview", {"LOCATIONS": layer, "DEPARTMENTS": "Mobiliteit", "OUTPUT": str(out)}
        )
    finally:
        QCoreApplication.removeTranslator(translator)
    with sqlite3.connect(str(out)) as connection:
        (qml,) = connection.execute(
            "SELECT styleQML FROM layer_styles WHERE f_table_name = 'review_locations'"
        ).fetchone()
    assert 'label="In behandeling"' in qml
    assert 'label="In review"' not in qml


def test_exportdecrees_status_drop_down_shows_words_and_takes_keys_or_indexes(review, tmp_path):
    import processing

    from ev_planner.core.review.states import STATUSES
    from ev_planner.processing.review_labels import status_label

    algorithm = QgsApplication.processingRegistry().algorithmById("evplanner:exportdecrees")
    status = algorithm.parameterDefinition("STATUS")
    assert status.options() == [status_label(s) for s in STATUSES]  # "in review", not "in_review"
    assert not [option for option in status.options() if "_" in option]
    assert STATUSES[status.defaultValue()] == "approved"
    _walk_to_delivery(review)
    for value in ("delivered", STATUSES.index("delivered")):  # a batch script's key, the dialog's index
        result = processing.run(
            "evplanner:exportdecrees",
            {"REVIEW": str(review.path), "STATUS": value, "OUTPUT_FOLDER": str(tmp_path / f"d{value}")},
        )
        assert result["DOCUMENTS"] == 1
        assert (tmp_path / f"d{value}" / "verkeersbesluit_L1.docx").is_file()
    for wrong in ("nonsense", "Delivered", len(STATUSES)):
        with pytest.raises(QgsProcessingException, match="STATUS"):
            processing.run(
                "evplanner:exportdecrees",
                {"REVIEW": str(review.path), "STATUS": wrong, "OUTPUT_FOLDER": str(tmp_path / "wrong")},
            )
