"""Traffic-regulation documents (verkeersbesluit / aanvullend verkeersreglement) and operator exports.

A document is a Word .docx (Office Open XML, opened by Word and LibreOffice)
made from a template the user may replace: every ``{{name}}`` placeholder in
the body, headers and footers is filled in, and a paragraph holding only
``{{kaart}}`` becomes the location map image. The XML is edited as text, not
re-serialised, so a template saved by Word keeps all its namespaces and styles.

Nothing corrupt is ever written: a template whose XML does not parse is refused
(:func:`read_docx_template`), every value loses the characters XML forbids
(:func:`xml_safe_text`), and each filled part is parsed again before the file is
written. A re-export never replaces a document someone changed by hand
(:class:`DocumentManifest`, :func:`export_document`).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import struct
import zipfile
from dataclasses import dataclass, field
from html import escape, unescape
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence
from xml.parsers import expat

from ..errors import InputError
from . import states

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "resources" / "templates"
DEFAULT_TEMPLATE = TEMPLATE_DIR / "verkeersbesluit.docx"
MAP_PLACEHOLDER = "kaart"
# Placeholders of the default template (a replacement template may use any subset).
PLACEHOLDERS = (
    "gemeente",
    "kenmerk",
    "datum",
    "locatie_id",
    "adres",
    "parkeerplaatsen",
    "exploitant",
    "x",
    "y",
    "crs",
    "lat",
    "lon",
    "status",
)
_PARAGRAPH = re.compile(r"<w:p(?:\s[^>]*)?>.*?</w:p>|<w:p(?:\s[^>]*)?/>", re.S)
_TEXT = re.compile(r"(<w:t(?:\s[^>]*)?>)(.*?)(</w:t>)", re.S)
_FIELD = re.compile(r"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")
_FILLED_PART = re.compile(r"word/(document|header\d*|footer\d*)\.xml$")
# What XML 1.0 forbids (section 2.2, "Char"): C0 controls but tab, LF and CR; the surrogates
# (only ever lone in a Python str); U+FFFE and U+FFFF. One such character makes Word refuse the file.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# A vertical tab or form feed is Word's line or page break pasted into a spreadsheet cell:
# it separates words, so it becomes a space; the other forbidden characters are dropped.
_BREAKS = "\x0b\x0c"
# A decree is a Dutch document whatever the QGIS language: the statuses by their Dutch names.
DUTCH_STATUS_LABELS = {
    states.PROPOSED: "voorgesteld",
    states.IN_REVIEW: "in behandeling",
    states.CHANGES_REQUESTED: "aanpassing gevraagd",
    states.APPROVED: "goedgekeurd",
    states.REJECTED: "afgewezen",
    states.REQUESTED: "aangevraagd bij de exploitant",
    states.PERMITTED: "verkeersbesluit",
    states.INSTALLED: "geplaatst",
    states.DELIVERED: "opgeleverd",
    states.CANCELLED: "vervallen",
}
# A value nobody knows yet stays visible as a field to fill in, highlighted in the document.
_FILL_IN = re.compile(r"\[in te vullen: [^\]]*\]")
# Run properties that Word's schema (CT_RPr) puts after w:highlight: it is inserted before them.
_AFTER_HIGHLIGHT = re.compile(
    r"<w:(?:u|effect|bdr|shd|fitText|vertAlign|rtl|cs|em|lang|eastAsianLayout|specVanish|oMath|rPrChange)\b"
)
_RUN_PROPERTIES = re.compile(r"<w:rPr>.*?</w:rPr>|<w:rPr/>", re.S)
_IMAGE_WIDTH_EMU = 5760000  # 16 cm: the text width of an A4 page with 2.5 cm margins
_EMU_PER_CM = 360000


def xml_safe_text(value: object) -> str:
    """``value`` as text that any XML part may hold: see ``_XML_FORBIDDEN`` and ``_BREAKS``."""
    text = "" if value is None else str(value)
    return _XML_FORBIDDEN.sub(lambda m: " " if m.group(0) in _BREAKS else "", text)


def dutch_status(status: str) -> str:
    """The Dutch name of a review status (an unknown one as it is)."""
    return DUTCH_STATUS_LABELS.get(status, status)


def fill_in(what: str) -> str:
    """The marked field a decree shows for a value still to be filled in by hand."""
    return f"[in te vullen: {what}]"


def png_size(data: bytes) -> tuple:
    if len(data) < 24 or data[:8] != b"\x89PNG\r\n\x1a\n":
        raise InputError("The map image is not a PNG file.")
    return struct.unpack(">II", data[16:24])


def _drawing_paragraph(relationship_id: str, width_px: int, height_px: int, name: str, shape_id: int) -> str:
    cx = _IMAGE_WIDTH_EMU
    cy = int(cx * height_px / max(width_px, 1))
    return (
        # keepNext: the caption under the map stays on the map's page.
        '<w:p><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="120"/><w:jc w:val="center"/></w:pPr>'
        "<w:r><w:drawing>"
        '<wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{shape_id}" name="{escape(name)}"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:nvPicPr><pic:cNvPr id="0" name="{escape(name)}"/><pic:cNvPicPr/></pic:nvPicPr>'
        '<pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        f'r:embed="{relationship_id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )


_DRAWING_NAMESPACES = {
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}


def _declare_drawing_namespaces(xml: str) -> str:
    """Declare the drawing namespaces on the root too, as Word itself writes them."""
    match = re.search(r"<w:document\b[^>]*>", xml)
    if match is None:
        return xml
    tag = match.group(0)
    extra = "".join(
        f' xmlns:{prefix}="{uri}"'
        for prefix, uri in _DRAWING_NAMESPACES.items()
        if f"xmlns:{prefix}=" not in tag
    )
    return xml[: match.start()] + tag[:-1] + extra + ">" + xml[match.end() :]


def _run_properties_before(block: str, position: int) -> str:
    """The w:rPr of the run whose text starts at ``position`` ("" when it has none)."""
    start = max(block.rfind("<w:r>", 0, position), block.rfind("<w:r ", 0, position))
    match = _RUN_PROPERTIES.search(block, start, position) if start >= 0 else None
    if match is None or "<w:rPrChange" in block[start:position]:
        return ""  # a tracked change's nested w:rPr is not copied into new runs
    return match.group(0)


def _highlighted(properties: str) -> str:
    if "<w:highlight" in properties:
        return properties
    mark = '<w:highlight w:val="yellow"/>'
    if properties in ("", "<w:rPr/>"):
        return f"<w:rPr>{mark}</w:rPr>"
    after = _AFTER_HIGHLIGHT.search(properties)
    at = after.start() if after else properties.rindex("</w:rPr>")
    return properties[:at] + mark + properties[at:]


def _text_element(text: str) -> str:
    return f'<w:t xml:space="preserve">{escape(text, quote=False)}</w:t>'


def _text_with_fill_ins(text: str, properties: str) -> str:
    """The first run's w:t, each ``[in te vullen: ...]`` split off into a highlighted run of its own.

    The new runs close and reopen the run the text sits in, with its properties.
    """
    pieces, last = [], 0
    for match in _FILL_IN.finditer(text):
        pieces.append(_text_element(text[last : match.start()]))
        pieces.append(
            f"</w:r><w:r>{_highlighted(properties)}{_text_element(match.group(0))}</w:r><w:r>{properties}"
        )
        last = match.end()
    pieces.append(_text_element(text[last:]))
    return "".join(pieces)


def _fill_part(xml: str, values: Mapping[str, str], map_paragraph: Optional[str]) -> str:
    def paragraph(match: re.Match[str]) -> str:
        block = match.group(0)
        texts = _TEXT.findall(block)
        joined = unescape("".join(t[1] for t in texts))
        if "{{" not in joined:
            return block
        if map_paragraph is not None and joined.strip() == "{{" + MAP_PLACEHOLDER + "}}":
            return map_paragraph
        filled = _FIELD.sub(lambda m: str(values.get(m.group(1), m.group(0))), joined)
        # Word splits text into runs arbitrarily: the first run takes the whole text.
        first = _TEXT.search(block)
        properties = _run_properties_before(block, first.start()) if first else ""
        taken = [False]

        def run_text(t: re.Match[str]) -> str:
            if not taken[0]:
                taken[0] = True
                return _text_with_fill_ins(filled, properties)
            return "<w:t></w:t>"

        return _TEXT.sub(run_text, block)

    return _PARAGRAPH.sub(paragraph, xml)


class _DoctypeError(Exception):
    pass


def _refuse_doctype(*_args: object) -> None:
    raise _DoctypeError


def xml_error(data: bytes) -> Optional[str]:
    """Why ``data`` is not well-formed XML (expat's message, with line and column), or None.

    A DOCTYPE is refused too: Office never writes one, and its entities are the way
    to blow up or leak through an XML parser.
    """
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _refuse_doctype
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        return str(exc)
    except _DoctypeError:
        return "DOCTYPE declaration"
    return None


def _is_xml_part(name: str) -> bool:
    return name.endswith((".xml", ".rels"))


@dataclass(frozen=True)
class DocxTemplate:
    """The parts of a checked .docx template: every XML part parses, the filled ones are UTF-8."""

    name: str
    parts: Mapping[str, bytes]


def read_docx_template(template: Path | str) -> DocxTemplate:
    """Read and check a .docx template, so that a damaged one is refused before anything is written."""
    template = Path(template)
    try:
        with zipfile.ZipFile(template) as source:
            parts = {name: source.read(name) for name in source.namelist()}
    except (OSError, zipfile.BadZipFile) as exc:
        raise InputError(
            "The template {file} is not a .docx document: {error}.",
            file=template.name,
            error=exc,
        ) from None
    if "word/document.xml" not in parts:
        raise InputError(
            "The template {file} is not a Word document (no word/document.xml).",
            file=template.name,
        )
    for name, data in parts.items():
        error = xml_error(data) if _is_xml_part(name) else None
        if error is None and _FILLED_PART.match(name):
            try:
                data.decode("utf-8")
            except UnicodeDecodeError:
                error = "not UTF-8"  # Word always writes UTF-8; parts are filled as UTF-8 text
        if error is not None:
            raise InputError(
                "The template {file} is damaged: its part {part} is not well-formed XML ({error}). "
                "Open it in Word or LibreOffice and save it again, or correct the XML.",
                file=template.name,
                part=name,
                error=error,
            )
    return DocxTemplate(template.name, parts)


def _embed_map(parts: Dict[str, bytes], map_png: bytes) -> str:
    """Add ``map_png`` as an image part with its relationship; returns the drawing paragraph."""
    width, height = png_size(map_png)
    rels = parts.get("word/_rels/document.xml.rels", b"").decode("utf-8")
    if not rels:
        rels = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
        )
    used = set(re.findall(r'Id="([^"]+)"', rels))
    number = 1
    while f"rIdEvMap{number}" in used:
        number += 1
    relationship_id = f"rIdEvMap{number}"
    media_name = f"media/evplanner_map{number}.png"
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="{relationship_id}" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
        f'Target="{media_name}"/></Relationships>',
    )
    parts["word/_rels/document.xml.rels"] = rels.encode("utf-8")
    parts["word/" + media_name] = map_png
    types = parts["[Content_Types].xml"].decode("utf-8")
    if 'Extension="png"' not in types:
        types = types.replace("</Types>", '<Default Extension="png" ContentType="image/png"/></Types>')
        parts["[Content_Types].xml"] = types.encode("utf-8")
    parts["word/document.xml"] = _declare_drawing_namespaces(
        parts["word/document.xml"].decode("utf-8")
    ).encode("utf-8")
    return _drawing_paragraph(relationship_id, width, height, "kaart", 7000 + number)


def _write_docx(template_name: str, output: Path, parts: Mapping[str, bytes]) -> None:
    """Write ``parts`` as ``output`` after checking that every XML part still parses.

    The template was checked, so a failure here means the filling itself broke the XML
    (e.g. an unusual nesting of paragraphs): nothing is written rather than a corrupt file.
    """
    for name, data in parts.items():
        error = xml_error(data) if _is_xml_part(name) else None
        if error is not None:
            raise InputError(
                "Filling the template {file} would give a damaged document {document} "
                "(part {part}: {error}); it was not written.",
                file=template_name,
                document=output.name,
                part=name,
                error=error,
            )
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".part")
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as target:
            # [Content_Types].xml first, as Office writes it.
            for name in sorted(parts, key=lambda n: n != "[Content_Types].xml"):
                target.writestr(name, parts[name])
        partial.replace(output)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise InputError(
            "Cannot write {file}: {error}. Is it open in Word or LibreOffice?", file=output, error=exc
        ) from None


def render_docx(
    template: Path | str | DocxTemplate,
    output: Path | str,
    values: Mapping[str, Any],
    map_png: Optional[bytes] = None,
) -> Path:
    """Write ``output`` from ``template`` with ``values`` filled in and ``map_png`` embedded.

    Every value goes through :func:`xml_safe_text`; a template is checked by
    :func:`read_docx_template` (pass its result to check it once for many documents).
    """
    if not isinstance(template, DocxTemplate):
        template = read_docx_template(template)
    output = Path(output)
    text_values = {key: xml_safe_text(value) for key, value in values.items()}
    text_values.setdefault(MAP_PLACEHOLDER, "")  # no map image: the placeholder disappears
    parts = dict(template.parts)
    map_paragraph = _embed_map(parts, map_png) if map_png is not None else None
    for name in list(parts):
        if _FILLED_PART.match(name):
            xml = parts[name].decode("utf-8")
            parts[name] = _fill_part(
                xml, text_values, map_paragraph if name == "word/document.xml" else None
            ).encode("utf-8")
    _write_docx(template.name, output, parts)
    return output


def docx_text(path: Path | str) -> str:
    """Plain text of a .docx body (paragraphs on lines), for previews and tests."""
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    lines = []
    for block in _PARAGRAPH.findall(xml):
        lines.append(unescape("".join(t[1] for t in _TEXT.findall(block))))
    return "\n".join(lines)


def safe_file_name(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z._-]+", "_", str(text)).strip("_") or "location"


# --- re-exporting into a folder with documents edited by hand ----------------------------
MANIFEST_NAME = "evplanner_documents.json"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class DocumentManifest:
    """The fingerprint (SHA-256) of each document EV Planner wrote into a folder, in ``MANIFEST_NAME``.

    A document whose bytes still have the fingerprint is untouched and may be replaced by a
    new export; one that differs was changed by a person (even only opened and saved) and is
    kept. Without a manifest, or with an unreadable one, every existing document counts as
    changed: a lost manifest costs a version number, never a person's work.
    """

    folder: Path
    entries: Dict[str, Dict[str, str]] = field(default_factory=dict)  # file name -> location, sha256

    @classmethod
    def load(cls, folder: Path | str) -> DocumentManifest:
        folder = Path(folder)
        try:
            data = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
            entries = data["documents"] if isinstance(data, dict) else {}
        except (OSError, ValueError, KeyError, TypeError):
            entries = {}
        if not isinstance(entries, dict):
            entries = {}
        return cls(folder, {k: v for k, v in entries.items() if isinstance(v, dict)})

    def is_untouched(self, path: Path, location_id: str) -> bool:
        """True when ``path`` is, byte for byte, the document last written there for ``location_id``."""
        entry = self.entries.get(path.name)
        if entry is None or entry.get("location_id") != str(location_id):
            return False
        try:
            return _sha256(path) == entry.get("sha256")
        except OSError:
            return False

    def record(self, path: Path, location_id: str) -> None:
        """Remember ``path`` as written for ``location_id``; saved at once, so a crash keeps it."""
        self.entries[path.name] = {"location_id": str(location_id), "sha256": _sha256(path)}
        partial = self.folder / (MANIFEST_NAME + ".part")
        partial.write_text(
            json.dumps({"documents": self.entries}, ensure_ascii=False, indent=1, sort_keys=True),
            encoding="utf-8",
        )
        partial.replace(self.folder / MANIFEST_NAME)


@dataclass(frozen=True)
class WrittenDocument:
    path: Path
    kept: List[Path]  # earlier versions left as they are (changed since written, or not ours)


def document_path(
    folder: Path, file_name: str, location_id: str, manifest: DocumentManifest
) -> WrittenDocument:
    """Where the new document of ``location_id`` goes: ``file_name``, else ``<stem>_v2``, ``_v3``, ...

    The first name that is free or holds this location's untouched document is taken;
    every name before it holds a document someone changed and is reported as kept.
    """
    stem, suffix = Path(file_name).stem, Path(file_name).suffix
    kept: List[Path] = []
    version = 1
    while True:
        path = folder / (file_name if version == 1 else f"{stem}_v{version}{suffix}")
        if not path.exists() or manifest.is_untouched(path, location_id):
            return WrittenDocument(path, kept)
        kept.append(path)
        version += 1


def export_document(
    template: DocxTemplate,
    folder: Path | str,
    file_name: str,
    location_id: str,
    values: Mapping[str, Any],
    map_png: Optional[bytes] = None,
    manifest: Optional[DocumentManifest] = None,
) -> WrittenDocument:
    """Render the document of one location into ``folder`` without replacing one edited by hand."""
    folder = Path(folder)
    manifest = manifest if manifest is not None else DocumentManifest.load(folder)
    target = document_path(folder, file_name, location_id, manifest)
    render_docx(template, target.path, values, map_png)
    manifest.record(target.path, location_id)
    return target


# --- operator exports --------------------------------------------------------------------
OPERATOR_FIELDS = (
    "location_id",
    "address",
    "parking_spaces",
    "operator",
    "status",
    "status_since",
    "lon",
    "lat",
    "x",
    "y",
    "crs",
    "document",
)


def write_operator_files(records: Sequence[Mapping[str, Any]], geojson_path: Path, csv_path: Path) -> None:
    """One GeoJSON (RFC 7946, WGS84) and one CSV of the locations for the operator or concession holder."""
    features: List[Dict[str, Any]] = []
    for record in records:
        properties = {name: record.get(name) for name in OPERATOR_FIELDS if name not in ("lon", "lat")}
        features.append(
            {
                "type": "Feature",
                "id": record.get("location_id"),
                "geometry": {
                    "type": "Point",
                    "coordinates": [round(record["lon"], 7), round(record["lat"], 7)],
                },
                "properties": properties,
            }
        )
    geojson_path.write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    # utf-8-sig and ";" open correctly in Dutch Excel as well as in LibreOffice.
    with csv_path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(OPERATOR_FIELDS)
        for record in records:
            writer.writerow(
                ["" if record.get(name) is None else record.get(name) for name in OPERATOR_FIELDS]
            )
