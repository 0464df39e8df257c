"""exportdecrees, importreviewevents and usagekpis through processing.run, on small hostile inputs."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
import zipfile

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorLayer,
)

from ev_planner.core.review.decree_template import document_xml, write_default_template
from ev_planner.core.review.documents import MANIFEST_NAME, docx_text
from ev_planner.core.review.store import ReviewStore
from tests.support.review import approved_review
from tests.support.running import run_recorded as run


@pytest.fixture
def review(evplanner, tmp_path) -> ReviewStore:
    """One approved location, L1, whose address holds a vertical tab (Word's line break)."""
    layer = QgsVectorLayer(
        "Point?crs=EPSG:28992&field=location_id:string&field=address:string&field=operator:string",
        "l",
        "memory",
    )
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(84500.0, 447400.0)))
    feature.setAttributes(["L1", "Markt\x0b1, Delft", "Vatten\x07fall"])
    layer.dataProvider().addFeatures([feature])
    return approved_review(layer, tmp_path / "review.gpkg", "L1")


def export(review, folder, **extra):
    params = {"REVIEW": str(review.path), "OUTPUT_FOLDER": str(folder), "MUNICIPALITY": "Del\x0bft", **extra}
    return run("exportdecrees", params)


def parse_every_xml_part(path) -> None:
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                ET.fromstring(archive.read(name))


def csv_documents(folder) -> list:
    with (folder / "locations.csv").open(encoding="utf-8-sig") as handle:
        return [row["document"] for row in csv.DictReader(handle, delimiter=";")]


# --- 1. a template with malformed XML ------------------------------------------------------------
def test_exportdecrees_refuses_a_malformed_template_and_writes_nothing(review, tmp_path):
    template = tmp_path / "kapot.docx"
    write_default_template(template)
    with zipfile.ZipFile(template) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts["word/document.xml"] = document_xml((("Normal", "{{adres}}"),)).replace("</w:p>", "", 1).encode()
    with zipfile.ZipFile(template, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    folder = tmp_path / "decrees"
    with pytest.raises(QgsProcessingException) as caught:
        export(review, folder, TEMPLATE=str(template))
    message = str(caught.value)
    assert message.startswith(
        "The template kapot.docx is damaged: its part word/document.xml is not well-formed XML (mismatched tag: "
    )
    assert message.endswith("Open it in Word or LibreOffice and save it again, or correct the XML.")
    assert list(folder.iterdir()) == []


# --- 2. control characters in the values ---------------------------------------------------------
def test_exportdecrees_with_control_characters_writes_a_document_that_parses(review, tmp_path):
    folder = tmp_path / "decrees"
    result, _ = export(review, folder)
    assert result["DOCUMENTS"] == 1
    document = folder / "verkeersbesluit_L1.docx"
    parse_every_xml_part(document)
    text = docx_text(document)
    assert "Adres: Markt 1, Delft" in text
    assert "Gemeente Del ft" in text
    assert "Exploitant (laadpuntexploitant of concessiehouder): Vattenfall" in text


# --- 3. re-exporting over a document edited by hand ----------------------------------------------
def test_reexport_replaces_an_untouched_decree(review, tmp_path):
    folder = tmp_path / "decrees"
    export(review, folder)
    result, feedback = export(review, folder, MUNICIPALITY="Delft")
    assert result["DOCUMENTS"] == 1
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [MANIFEST_NAME, "locations.csv", "locations.geojson", "verkeersbesluit_L1.docx"]
    )
    assert "Gemeente Delft" in docx_text(folder / "verkeersbesluit_L1.docx")
    assert [w for w in feedback.warnings if "Kept" in w] == []
    assert csv_documents(folder) == ["verkeersbesluit_L1.docx"]


def test_reexport_keeps_an_edited_decree_and_writes_v2(review, tmp_path):
    folder = tmp_path / "decrees"
    export(review, folder)
    document = folder / "verkeersbesluit_L1.docx"
    with zipfile.ZipFile(document) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"Vattenfall", b"Vattenfall B.V.")
    with zipfile.ZipFile(document, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    edited = document.read_bytes()
    result, feedback = export(review, folder, MUNICIPALITY="Delft")
    assert result["DOCUMENTS"] == 1
    assert document.read_bytes() == edited
    assert "Vattenfall B.V." in docx_text(document)
    v2 = folder / "verkeersbesluit_L1_v2.docx"
    parse_every_xml_part(v2)
    assert "Gemeente Delft" in docx_text(v2)
    assert feedback.warnings == [
        "Kept verkeersbesluit_L1.docx: changed since EV Planner wrote it (or not written by EV Planner); "
        "the new document is verkeersbesluit_L1_v2.docx."
    ]
    assert csv_documents(folder) == ["verkeersbesluit_L1_v2.docx"]


# --- 4. a time-zone typo -------------------------------------------------------------------------
@pytest.mark.parametrize("zone", ["Europe/Delft", "/etc/localtime"])
def test_importreviewevents_refuses_an_unknown_zone_and_writes_nothing(evplanner, tmp_path, zone):
    import processing

    layer = QgsVectorLayer("Point?crs=EPSG:28992&field=location_id:string", "l", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(84500.0, 447400.0)))
    feature.setAttributes(["L1"])
    layer.dataProvider().addFeatures([feature])
    path = tmp_path / "review.gpkg"
    processing.run(
        "evplanner:createreview", {"LOCATIONS": layer, "DEPARTMENTS": "Mobiliteit", "OUTPUT": str(path)}
    )
    store = ReviewStore(path)
    events = tmp_path / "answers.csv"
    events.write_text(
        "location_id,at,actor,department,action,reason,comment\nL1,2026-07-01 09:00,Ann,,submit,,\n",
        encoding="utf-8",
    )
    params = {"REVIEW": str(path), "EVENTS": str(events), "TIMEZONE": zone}
    with pytest.raises(QgsProcessingException) as caught:
        run("importreviewevents", params)
    assert str(caught.value) == (
        f"Unknown time zone {zone!r}: give a name of the tz database such as Europe/Amsterdam or Europe/Brussels."
    )
    assert store.count_events() == 0
    result, _ = run("importreviewevents", {**params, "TIMEZONE": "Europe/Amsterdam"})
    assert (result["IMPORTED"], result["SKIPPED"]) == (1, 0)
    assert [e.at for e in store.events("L1")] == ["2026-07-01T07:00:00.000Z"]  # CEST, UTC+2


# --- 5. a future-dated status row ----------------------------------------------------------------
@pytest.fixture
def charge_points(tmp_path):
    feature = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [4.36, 52.01]},
        "properties": {"source": "ocpi", "source_id": "A", "evse_count": 2},
    }
    path = tmp_path / "points.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8")
    return str(path)


def status_csv(tmp_path, rows):
    path = tmp_path / "status.csv"
    path.write_text("observed_at,location_id,status\n" + "".join(f"{r}\n" for r in rows), encoding="utf-8")
    return str(path)


STATUS_ROWS = [
    "2026-06-02T10:00:00+02:00,A,AVAILABLE",
    "2026-06-02T11:00:00+02:00,A,CHARGING",
    "2026-06-03T10:00:00+02:00,A,AVAILABLE",
    "2099-06-02T10:00:00+02:00,A,OUTOFORDER",
]


def kpis_of(path):
    layer = QgsVectorLayer(path, "out", "ogr")
    assert layer.isValid()
    (feature,) = list(layer.getFeatures())
    return feature["availability_pct"], feature["advice"], feature["advice_reason"]


def test_usagekpis_skips_a_future_status_row(evplanner, charge_points, tmp_path):
    out = str(tmp_path / "kpis.gpkg")
    _, feedback = run(
        "usagekpis",
        {"CHARGE_POINTS": charge_points, "STATUS_HISTORY": status_csv(tmp_path, STATUS_ROWS), "OUTPUT": out},
    )
    assert kpis_of(out) == (100.0, "keep", "availability 100 %, no usage data")
    assert feedback.errors == [
        "Status history: 1 record(s) skipped: observed_at in the future. Examples: A",
    ]


def test_usagekpis_skips_status_rows_outside_the_period(evplanner, charge_points, tmp_path):
    rows = [*STATUS_ROWS, "2026-05-31T12:00:00Z,A,OUTOFORDER", "2026-06-10T12:00:00Z,A,FAULTED"]
    out = str(tmp_path / "kpis.gpkg")
    _, feedback = run(
        "usagekpis",
        {
            "CHARGE_POINTS": charge_points,
            "STATUS_HISTORY": status_csv(tmp_path, rows),
            "DATE_FROM": "2026-06-01T00:00:00Z",
            "DATE_TO": "2026-06-08T00:00:00Z",
            "OUTPUT": out,
        },
    )
    assert kpis_of(out) == (100.0, "keep", "availability 100 %, no usage data")
    assert feedback.errors == [
        "Status history: 1 record(s) skipped: observed_at in the future. Examples: A",
        "Status history: 2 record(s) skipped: observed_at outside DATE_FROM - DATE_TO. Examples: A, A",
    ]
