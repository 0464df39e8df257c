"""Decree documents from hostile input: a damaged template, forbidden characters, a re-export over
documents edited by hand. Each written file is re-opened and its XML parsed."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
import zipfile
from xml.parsers import expat

import pytest

from ev_planner.core.errors import InputError
from ev_planner.core.review.decree_template import document_xml, write_default_template
from ev_planner.core.review.documents import (
    DEFAULT_TEMPLATE,
    MANIFEST_NAME,
    DocumentManifest,
    docx_text,
    export_document,
    read_docx_template,
    render_docx,
    xml_safe_text,
)

VALUES = {"gemeente": "Delft", "adres": "Markt 1, Delft", "exploitant": "Vattenfall", "locatie_id": "L1"}
PNG_1X1 = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
    b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


def template_with(tmp_path, name: str, **replaced: bytes):
    """The default template with some parts replaced (or added)."""
    path = tmp_path / name
    write_default_template(path)
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts.update(replaced)
    with zipfile.ZipFile(path, "w") as archive:
        for part, data in parts.items():
            archive.writestr(part, data)
    return path


def expat_message(data: bytes) -> str:
    parser = expat.ParserCreate()
    with pytest.raises(expat.ExpatError) as caught:
        parser.Parse(data, True)
    return str(caught.value)


def parse_every_xml_part(path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return {
            name: ET.fromstring(archive.read(name))
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        }


# --- 1. a template with malformed XML ------------------------------------------------------------
def test_template_with_malformed_document_xml_is_refused_and_nothing_written(tmp_path):
    broken = document_xml((("Normal", "Adres: {{adres}}"),)).replace("</w:body>", "").encode()
    template = template_with(tmp_path, "eigen.docx", **{"word/document.xml": broken})
    output = tmp_path / "out" / "L1.docx"
    with pytest.raises(InputError) as caught:
        render_docx(template, output, VALUES)
    error = expat_message(broken)
    assert error.startswith("mismatched tag: line 1, column ")
    assert str(caught.value) == (
        f"The template eigen.docx is damaged: its part word/document.xml is not well-formed XML ({error}). "
        "Open it in Word or LibreOffice and save it again, or correct the XML."
    )
    assert caught.value.values == {"file": "eigen.docx", "part": "word/document.xml", "error": error}
    assert not output.parent.exists()


def test_template_with_malformed_footer_is_refused(tmp_path):
    footer = b'<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p>'
    template = template_with(tmp_path, "voet.docx", **{"word/footer1.xml": footer})
    with pytest.raises(InputError) as caught:
        read_docx_template(template)
    assert caught.value.values["part"] == "word/footer1.xml"
    assert caught.value.values["error"] == expat_message(footer)
    assert caught.value.values["error"].startswith("no element found")


def test_template_with_a_doctype_is_refused(tmp_path):
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"
    )
    template = template_with(tmp_path, "dtd.docx", **{"word/document.xml": laughs})
    with pytest.raises(InputError) as caught:
        read_docx_template(template)
    assert caught.value.values == {
        "file": "dtd.docx",
        "part": "word/document.xml",
        "error": "DOCTYPE declaration",
    }


def test_template_in_utf16_is_refused_not_a_crash(tmp_path):
    utf16 = document_xml((("Normal", "{{adres}}"),)).replace('encoding="UTF-8"', 'encoding="UTF-16"')
    template = template_with(tmp_path, "utf16.docx", **{"word/document.xml": utf16.encode("utf-16")})
    with pytest.raises(InputError) as caught:
        read_docx_template(template)
    assert caught.value.values["error"] == "not UTF-8"


def test_filling_that_would_break_the_xml_writes_nothing(tmp_path):
    # {{kaart}} inside a text box: the paragraph of the text box sits inside another paragraph,
    # which the text-level filling cannot replace without breaking the nesting.
    body = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        b"<w:p><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>{{kaart}}</w:t></w:r></w:p></w:txbxContent>"
        b"</w:pict></w:r></w:p></w:body></w:document>"
    )
    template = template_with(tmp_path, "tekstvak.docx", **{"word/document.xml": body})
    read_docx_template(template)  # the template itself is well-formed
    output = tmp_path / "L1.docx"
    with pytest.raises(InputError) as caught:
        render_docx(template, output, VALUES, PNG_1X1)
    assert caught.value.template == (
        "Filling the template {file} would give a damaged document {document} "
        "(part {part}: {error}); it was not written."
    )
    assert caught.value.values["document"] == "L1.docx"
    assert caught.value.values["part"] == "word/document.xml"
    assert caught.value.values["error"].startswith("mismatched tag")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tekstvak.docx"]  # no .docx, no .part


# --- 2. characters XML 1.0 forbids ---------------------------------------------------------------
def test_xml_safe_text_drops_every_forbidden_character_and_keeps_the_rest():
    forbidden = "".join(chr(c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D))
    assert xml_safe_text(forbidden) == "  "  # only \x0b and \x0c become spaces
    assert xml_safe_text("a\tb\nc\rd") == "a\tb\nc\rd"
    assert xml_safe_text("x\ud800y\udfffz\ufffe\uffff") == "xyz"
    assert xml_safe_text("Coördinaten € 😀 \u2028") == "Coördinaten € 😀 \u2028"
    assert xml_safe_text(None) == ""
    assert xml_safe_text(2) == "2"


def test_control_characters_in_values_give_a_document_that_parses(tmp_path):
    values = {
        **VALUES,
        "gemeente": "Del\x0bft",
        "adres": "Markt\x0b1\x00, De\x1blft\ud800",
        "exploitant": "Vatten\ufffffall",
    }
    output = render_docx(DEFAULT_TEMPLATE, tmp_path / "L1.docx", values)
    parts = parse_every_xml_part(output)
    assert "word/document.xml" in parts
    text = docx_text(output)
    assert "Adres: Markt 1, Delft" in text
    assert "Gemeente Del ft" in text
    assert "Exploitant (laadpuntexploitant of concessiehouder): Vattenfall" in text
    with zipfile.ZipFile(output) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    assert not set("\x00\x0b\x1b") & set(document)


def test_template_text_made_with_document_xml_is_cleaned_too(tmp_path):
    body = document_xml((("Normal", "Kop\x0bregel\x07 {{adres}}"),)).encode()
    template = template_with(tmp_path, "kop.docx", **{"word/document.xml": body})
    output = render_docx(template, tmp_path / "o.docx", VALUES)
    parse_every_xml_part(output)
    assert docx_text(output) == "Kop regel Markt 1, Delft"


# --- 3. re-exporting over documents edited by hand -----------------------------------------------
def edit_by_hand(path) -> bytes:
    """Rewrite a document as Word would after a person changed a sentence."""
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"Vattenfall", b"Vattenfall (gecontroleerd)"
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path.read_bytes()


def export(folder, values, location_id="L1"):
    return export_document(
        read_docx_template(DEFAULT_TEMPLATE),
        folder,
        f"verkeersbesluit_{location_id}.docx",
        location_id,
        values,
    )


def test_reexport_replaces_an_untouched_document(tmp_path):
    first = export(tmp_path, VALUES)
    assert (first.path.name, first.kept) == ("verkeersbesluit_L1.docx", [])
    second = export(tmp_path, {**VALUES, "adres": "Markt 2, Delft"})
    assert (second.path, second.kept) == (first.path, [])
    assert "Adres: Markt 2, Delft" in docx_text(first.path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST_NAME, "verkeersbesluit_L1.docx"]


def test_reexport_keeps_an_edited_document_and_writes_v2_then_refreshes_v2(tmp_path):
    first = export(tmp_path, VALUES)
    edited = edit_by_hand(first.path)
    second = export(tmp_path, {**VALUES, "adres": "Markt 2, Delft"})
    assert second.path.name == "verkeersbesluit_L1_v2.docx"
    assert second.kept == [first.path]
    assert first.path.read_bytes() == edited
    assert "Adres: Markt 2, Delft" in docx_text(second.path)
    parse_every_xml_part(second.path)
    # v2 is untouched: the next export replaces it rather than adding v3.
    third = export(tmp_path, {**VALUES, "adres": "Markt 3, Delft"})
    assert (third.path, third.kept) == (second.path, [first.path])
    assert "Adres: Markt 3, Delft" in docx_text(second.path)
    assert first.path.read_bytes() == edited
    manifest = json.loads((tmp_path / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert sorted(manifest["documents"]) == ["verkeersbesluit_L1.docx", "verkeersbesluit_L1_v2.docx"]


def test_without_a_manifest_every_existing_document_is_kept(tmp_path):
    first = export(tmp_path, VALUES)
    original = first.path.read_bytes()
    (tmp_path / MANIFEST_NAME).write_text("{not json", encoding="utf-8")
    second = export(tmp_path, VALUES)
    assert (second.path.name, second.kept) == ("verkeersbesluit_L1_v2.docx", [first.path])
    assert first.path.read_bytes() == original


def test_a_document_recorded_for_another_location_is_not_replaced(tmp_path):
    other = export(tmp_path, VALUES, location_id="L1_v2")  # its name is L1's second version
    original = other.path.read_bytes()
    first = export(tmp_path, VALUES)
    edit_by_hand(first.path)
    second = export(tmp_path, VALUES)
    assert second.path.name == "verkeersbesluit_L1_v3.docx"
    assert second.kept == [first.path, other.path]
    assert other.path.read_bytes() == original
    assert DocumentManifest.load(tmp_path).entries["verkeersbesluit_L1_v2.docx"]["location_id"] == "L1_v2"
