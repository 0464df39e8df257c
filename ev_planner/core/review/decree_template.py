"""The default verkeersbesluit template (``resources/templates/verkeersbesluit.docx``) as code.

The shipped .docx is produced by :func:`write_default_template`; a municipality
replaces it with its own letterhead and wording, keeping the ``{{...}}``
placeholders it wants (see docs/review.md for the list).
"""

from __future__ import annotations

import zipfile
from html import escape
from pathlib import Path
from typing import List, Tuple

from .documents import xml_safe_text

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# (style, text) per paragraph. Legal basis: art. 15 and 18 Wegenverkeerswet 1994, art. 12, 21-24 BABW,
# bord E4 with onderbord (RVV 1990 bijlage 1); objection period art. 6:7 Awb.
PARAGRAPHS: Tuple[Tuple[str, str], ...] = (
    ("Title", "Verkeersbesluit"),
    ("Subtitle", "Aanwijzing van parkeerplaatsen voor het opladen van elektrische voertuigen"),
    ("Normal", "Gemeente {{gemeente}} — kenmerk {{kenmerk}} — {{datum}}"),
    ("Heading1", "Locatie"),
    ("Normal", "Adres: {{adres}}"),
    ("Normal", "Locatie-id: {{locatie_id}}"),
    ("Normal", "Coördinaten: X {{x}}, Y {{y}} ({{crs}})"),
    ("Normal", "Coördinaten WGS84: {{lat}}° NB, {{lon}}° OL"),
    ("Normal", "Aantal gereserveerde parkeerplaatsen: {{parkeerplaatsen}}"),
    ("Normal", "Exploitant (laadpuntexploitant of concessiehouder): {{exploitant}}"),
    ("Heading1", "Overwegingen"),
    (
        "Normal",
        "Het college van burgemeester en wethouders van {{gemeente}} wil het gebruik van elektrische voertuigen "
        "bevorderen. Daartoe wordt op de genoemde locatie een openbare laadvoorziening geplaatst. Om te "
        "waarborgen dat de laadvoorziening beschikbaar is voor elektrische voertuigen die worden opgeladen, "
        "worden de daarbij horende parkeerplaatsen aangewezen als parkeerplaats voor het opladen van "
        "elektrische voertuigen.",
    ),
    (
        "Normal",
        "Dit besluit dient de belangen genoemd in artikel 2, eerste lid, onder a en c, van de Wegenverkeerswet "
        "1994: het verzekeren van de veiligheid op de weg en het verzekeren van de vrijheid van het verkeer, "
        "alsmede het waarborgen van de bruikbaarheid van de weg en het parkeren (artikel 2, tweede lid). "
        "De interne toetsing door de betrokken afdelingen is positief afgerond; de politie is gehoord "
        "(artikel 24 BABW).",
    ),
    ("Heading1", "Besluit"),
    (
        "Normal",
        "Gelet op de artikelen 15, eerste lid, en 18, eerste lid, onder d, van de Wegenverkeerswet 1994 en de "
        "artikelen 12, 21 en 24 van het Besluit administratieve bepalingen inzake het wegverkeer (BABW), besluit "
        "het college: {{parkeerplaatsen}} parkeerplaats(en) ter hoogte van {{adres}} aan te wijzen als "
        "parkeerplaats voor het opladen van elektrische voertuigen, door het plaatsen van bord E4 van bijlage 1 "
        "van het Reglement verkeersregels en verkeerstekens 1990 (RVV 1990) met een onderbord met de tekst "
        '"uitsluitend opladen elektrische voertuigen", zoals aangegeven op de situatiekaart in de bijlage bij dit '
        "besluit.",
    ),
    ("Heading1", "Bezwaar"),
    (
        "Normal",
        "Tegen dit besluit kan een belanghebbende binnen zes weken na de dag van bekendmaking bezwaar maken bij "
        "het college van burgemeester en wethouders van {{gemeente}} (artikel 6:7 Algemene wet bestuursrecht).",
    ),
    ("Normal", "Burgemeester en wethouders van {{gemeente}},"),
    ("Normal", "namens dezen,"),
    # Room for the signature above the signatory's name and function.
    ("Signature", "{{ondertekenaar}}"),
    # The map is an annex on a page of its own: the decree's text fills the first page.
    ("Annex", "Bijlage: situatiekaart"),
    ("Normal", "Bij verkeersbesluit {{kenmerk}} van {{datum}}, locatie {{locatie_id}}: {{adres}}."),
    ("Normal", "{{kaart}}"),
    ("Caption", "Rode cirkel: de parkeerplaats(en) die dit besluit aanwijst. Kaart in {{crs}}."),
    ("Small", "Opgesteld met EV Planner. Status bij aanmaak: {{status}}."),
)

_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{_W}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/>
<w:sz w:val="22"/><w:lang w:val="nl-NL"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>
<w:rPr><w:b/><w:sz w:val="40"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/>
<w:rPr><w:i/><w:sz w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
<w:pPr><w:keepNext/><w:spacing w:before="240"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Annex"><w:name w:val="Annex heading"/><w:basedOn w:val="Heading1"/>
<w:pPr><w:pageBreakBefore/><w:spacing w:before="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/>
<w:rPr><w:i/><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Signature"><w:name w:val="Signature"/><w:basedOn w:val="Normal"/>
<w:pPr><w:keepLines/><w:spacing w:before="600"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Small"><w:name w:val="Small"/><w:basedOn w:val="Normal"/>
<w:rPr><w:color w:val="666666"/><w:sz w:val="16"/></w:rPr></w:style>
</w:styles>"""

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="png" ContentType="image/png"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>"""

_ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

_DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""


def document_xml(paragraphs: Tuple[Tuple[str, str], ...] = PARAGRAPHS) -> str:
    """The body of a template from (style, text) paragraphs; text Word could not read is cleaned."""
    body: List[str] = []
    for style, text in paragraphs:
        body.append(
            f'<w:p><w:pPr><w:pStyle w:val="{escape(style)}"/></w:pPr>'
            f'<w:r><w:t xml:space="preserve">{escape(xml_safe_text(text), quote=False)}</w:t></w:r></w:p>'
        )
    section = (
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1134" w:right="1417" w:bottom="1134" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/>'
        "</w:sectPr>"
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<w:body>{''.join(body)}{section}</w:body></w:document>"
    )


def write_default_template(path: Path | str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("word/document.xml", document_xml())
        archive.writestr("word/_rels/document.xml.rels", _DOCUMENT_RELS)
        archive.writestr("word/styles.xml", _STYLES)
    return path
