"""Traffic-regulation documents (verkeersbesluit / aanvullend verkeersreglement) and operator exports.

A document is a Word .docx (Office Open XML, opened by Word and LibreOffice)
made from a template the user may replace: every ``{{name}}`` placeholder in
the body, headers and footers is filled in, and a paragraph holding only
``{{kaart}}`` becomes the location map image. The XML is edited as text, not
re-serialised, so a template saved by Word keeps all its namespaces and styles.
"""

from __future__ import annotations

import csv
import json
import re
import struct
import zipfile
from html import escape, unescape
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence

from ..errors import InputError

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
_IMAGE_WIDTH_EMU = 5760000  # 16 cm: the text width of an A4 page with 2.5 cm margins
_EMU_PER_CM = 360000


def png_size(data: bytes) -> tuple:
    if len(data) < 24 or data[:8] != b"\x89PNG\r\n\x1a\n":
        raise InputError("The map image is not a PNG file.")
    return struct.unpack(">II", data[16:24])


def _drawing_paragraph(relationship_id: str, width_px: int, height_px: int, name: str, shape_id: int) -> str:
    cx = _IMAGE_WIDTH_EMU
    cy = int(cx * height_px / max(width_px, 1))
    return (
        '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:drawing>'
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
        first = [True]

        def run_text(t: re.Match[str]) -> str:
            if first[0]:
                first[0] = False
                return f'<w:t xml:space="preserve">{escape(filled, quote=False)}</w:t>'
            return "<w:t></w:t>"

        return _TEXT.sub(run_text, block)

    return _PARAGRAPH.sub(paragraph, xml)


def render_docx(
    template: Path | str,
    output: Path | str,
    values: Mapping[str, Any],
    map_png: Optional[bytes] = None,
) -> Path:
    """Write ``output`` from ``template`` with ``values`` filled in and ``map_png`` embedded."""
    template, output = Path(template), Path(output)
    text_values = {key: "" if value is None else str(value) for key, value in values.items()}
    text_values.setdefault(MAP_PLACEHOLDER, "")  # no map image: the placeholder disappears
    try:
        source = zipfile.ZipFile(template)
    except (OSError, zipfile.BadZipFile) as exc:
        raise InputError(
            "The template {file} is not a .docx document: {error}.",
            file=template.name,
            error=exc,
        ) from None
    with source:
        names = source.namelist()
        if "word/document.xml" not in names:
            raise InputError(
                "The template {file} is not a Word document (no word/document.xml).",
                file=template.name,
            )
        parts = {name: source.read(name) for name in names}
    map_paragraph = None
    media_name = None
    if map_png is not None:
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
        map_paragraph = _drawing_paragraph(relationship_id, width, height, "kaart", 7000 + number)
    if map_paragraph is not None:
        parts["word/document.xml"] = _declare_drawing_namespaces(
            parts["word/document.xml"].decode("utf-8")
        ).encode("utf-8")
    for name in names:
        if re.match(r"word/(document|header\d*|footer\d*)\.xml$", name):
            xml = parts[name].decode("utf-8")
            parts[name] = _fill_part(
                xml, text_values, map_paragraph if name == "word/document.xml" else None
            ).encode("utf-8")
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as target:
        # [Content_Types].xml first, as Office writes it.
        for name in sorted(parts, key=lambda n: n != "[Content_Types].xml"):
            target.writestr(name, parts[name])
    partial.replace(output)
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
