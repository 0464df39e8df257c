"""Decree documents from the default and a user template, re-opened by parsing the produced files."""

from __future__ import annotations

import csv
import json
import struct
import xml.etree.ElementTree as ET
import zipfile
import zlib

import pytest

from ev_planner.core.errors import InputError
from ev_planner.core.review.decree_template import write_default_template
from ev_planner.core.review.documents import DEFAULT_TEMPLATE, docx_text, render_docx, write_operator_files

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
VALUES = {
    "gemeente": "Delft",
    "kenmerk": "EVP-L1",
    "datum": "1 juni 2026",
    "locatie_id": "L1",
    "adres": "Markt 87 & Zn, Delft",
    "parkeerplaatsen": 2,
    "exploitant": "Vattenfall",
    "x": "84 123.4",
    "y": "447 001.0",
    "crs": "EPSG:28992",
    "lat": "52.011",
    "lon": "4.359",
    "status": "approved",
    "ondertekenaar": "J. de Vries, wethouder",
}


def tiny_png(width=4, height=3) -> bytes:
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def test_shipped_template_is_the_generated_one(tmp_path):
    fresh = write_default_template(tmp_path / "t.docx")
    with zipfile.ZipFile(fresh) as a, zipfile.ZipFile(DEFAULT_TEMPLATE) as b:
        assert a.read("word/document.xml") == b.read("word/document.xml")


def test_decree_from_default_template(tmp_path):
    out = render_docx(DEFAULT_TEMPLATE, tmp_path / "L1.docx", VALUES, tiny_png())
    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None
        document = ET.fromstring(archive.read("word/document.xml"))  # well-formed XML
        rels = ET.fromstring(archive.read("word/_rels/document.xml.rels"))
        types = archive.read("[Content_Types].xml").decode()
        blips = [el for el in document.iter() if el.tag.endswith("}blip")]
        assert len(blips) == 1
        rel_id = next(v for k, v in blips[0].attrib.items() if k.endswith("}embed"))
        target = next(r.get("Target") for r in rels if r.get("Id") == rel_id)
        assert archive.read("word/" + target) == tiny_png()
        assert 'Extension="png"' in types
    text = docx_text(out)
    assert "Markt 87 & Zn, Delft" in text
    assert "2 parkeerplaats(en) ter hoogte van Markt 87" in text
    assert "Vattenfall" in text
    assert "X 84 123.4, Y 447 001.0 (EPSG:28992)" in text
    assert "{{" not in text
    paragraphs = list(document.iter(W + "p"))
    assert len(paragraphs) > 15


def test_user_template_with_placeholders_split_over_runs(tmp_path):
    template = tmp_path / "eigen.docx"
    write_default_template(template)
    with zipfile.ZipFile(template) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    # Word splits "{{adres}}" into several runs when the user edits it.
    split = (
        "<w:p><w:r><w:t>Adres: {{</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>adr</w:t></w:r>"
        "<w:r><w:t>es}} ({{onbekend}})</w:t></w:r></w:p>"
    )
    xml = parts["word/document.xml"].decode().replace("<w:body>", "<w:body>" + split)
    parts["word/document.xml"] = xml.encode()
    with zipfile.ZipFile(template, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    out = render_docx(template, tmp_path / "out.docx", VALUES)
    first_line = docx_text(out).splitlines()[0]
    assert first_line == "Adres: Markt 87 & Zn, Delft ({{onbekend}})"


def test_not_a_docx_template(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_text("plain text")
    with pytest.raises(InputError, match=r"not a \.docx"):
        render_docx(bad, tmp_path / "o.docx", VALUES)
    with pytest.raises(InputError, match="PNG"):
        render_docx(DEFAULT_TEMPLATE, tmp_path / "o.docx", VALUES, b"GIF89a....")


def test_operator_files(tmp_path):
    records = [
        {
            "location_id": "L1",
            "address": "Markt 1",
            "parking_spaces": 2,
            "operator": "Vattenfall",
            "status": "approved",
            "lon": 4.3571234567,
            "lat": 52.0111,
            "x": 84000.0,
            "y": 447000.0,
            "crs": "EPSG:28992",
            "document": "L1.docx",
        },
    ]
    write_operator_files(records, tmp_path / "l.geojson", tmp_path / "l.csv")
    data = json.loads((tmp_path / "l.geojson").read_text(encoding="utf-8"))
    assert data["features"][0]["geometry"]["coordinates"] == [4.3571235, 52.0111]
    assert data["features"][0]["properties"]["operator"] == "Vattenfall"
    with (tmp_path / "l.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert rows[0]["location_id"] == "L1"
    assert rows[0]["document"] == "L1.docx"


def test_without_map_the_placeholder_disappears_and_with_map_namespaces_are_declared(tmp_path):
    plain = render_docx(DEFAULT_TEMPLATE, tmp_path / "plain.docx", VALUES)
    assert "{{kaart}}" not in docx_text(plain)
    with zipfile.ZipFile(plain) as archive:
        assert not [n for n in archive.namelist() if n.startswith("word/media/")]
    with_map = render_docx(DEFAULT_TEMPLATE, tmp_path / "map.docx", VALUES, tiny_png())
    with zipfile.ZipFile(with_map) as archive:
        xml = archive.read("word/document.xml").decode()
    root = xml[: xml.index(">", xml.index("<w:document")) + 1]
    assert 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"' in root
