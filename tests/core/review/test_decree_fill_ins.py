"""A decree's Dutch status names and its highlighted fields to fill in (core/review/documents.py)."""

from __future__ import annotations

import zipfile

import pytest

from ev_planner.core.review.decree_template import PARAGRAPHS, write_default_template
from ev_planner.core.review.documents import (
    DUTCH_STATUS_LABELS,
    docx_text,
    dutch_status,
    fill_in,
    render_docx,
    xml_error,
)
from ev_planner.core.review.states import STATUSES

HIGHLIGHT = '<w:highlight w:val="yellow"/>'


def test_every_status_has_its_dutch_name():
    assert set(DUTCH_STATUS_LABELS) == set(STATUSES)
    assert dutch_status("approved") == "goedgekeurd"
    assert dutch_status("changes_requested") == "aanpassing gevraagd"
    assert dutch_status("something_new") == "something_new"  # a later status shows as it is


def _template(tmp_path, body: str):
    """The default template with ``body`` as the only paragraph."""
    path = write_default_template(tmp_path / "t.docx")
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    start, end = xml.index("<w:body>") + len("<w:body>"), xml.index("<w:sectPr>")
    parts["word/document.xml"] = (xml[:start] + body + xml[end:]).encode("utf-8")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _filled(tmp_path, body: str, **values) -> str:
    out = render_docx(_template(tmp_path, body), tmp_path / "out.docx", values)
    with zipfile.ZipFile(out) as archive:
        xml = archive.read("word/document.xml")
    assert xml_error(xml) is None
    return xml.decode("utf-8")


def test_a_fill_in_is_a_highlighted_run_with_the_runs_own_properties(tmp_path):
    body = (
        '<w:p><w:r><w:rPr><w:b/><w:sz w:val="24"/><w:lang w:val="nl-NL"/></w:rPr>'
        "<w:t>Exploitant: {{exploitant}}, sinds {{datum}}.</w:t></w:r></w:p>"
    )
    xml = _filled(tmp_path, body, exploitant=fill_in("exploitant"), datum="1 juni 2026")
    # Word's schema order: w:highlight after w:sz, before w:lang.
    assert (
        f'<w:r><w:rPr><w:b/><w:sz w:val="24"/>{HIGHLIGHT}<w:lang w:val="nl-NL"/></w:rPr>'
        '<w:t xml:space="preserve">[in te vullen: exploitant]</w:t></w:r>'
    ) in xml
    assert xml.count("<w:b/>") == 3  # the text before and after keeps the bold of its run
    assert docx_text(tmp_path / "out.docx") == "Exploitant: [in te vullen: exploitant], sinds 1 juni 2026."


@pytest.mark.parametrize(
    ("run_properties", "highlighted"),
    [
        ("", f"<w:rPr>{HIGHLIGHT}</w:rPr>"),
        ("<w:rPr/>", f"<w:rPr>{HIGHLIGHT}</w:rPr>"),
        ("<w:rPr><w:i/></w:rPr>", f"<w:rPr><w:i/>{HIGHLIGHT}</w:rPr>"),
        ('<w:rPr><w:highlight w:val="green"/></w:rPr>', '<w:rPr><w:highlight w:val="green"/></w:rPr>'),
    ],
)
def test_highlight_of_runs_with_and_without_properties(tmp_path, run_properties, highlighted):
    body = f"<w:p><w:r>{run_properties}<w:t>Adres: {{{{adres}}}}</w:t></w:r></w:p>"
    xml = _filled(tmp_path, body, adres=fill_in("adres"))
    assert f'{highlighted}<w:t xml:space="preserve">[in te vullen: adres]</w:t>' in xml


def test_a_tracked_change_in_the_run_is_not_copied_into_the_new_runs(tmp_path):
    body = (
        '<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="1" w:author="a"><w:rPr><w:i/></w:rPr></w:rPrChange>'
        "</w:rPr><w:t>Adres: {{adres}}</w:t></w:r></w:p>"
    )
    xml = _filled(tmp_path, body, adres=fill_in("adres"))  # still well-formed (checked in _filled)
    assert f'<w:r><w:rPr>{HIGHLIGHT}</w:rPr><w:t xml:space="preserve">[in te vullen: adres]</w:t>' in xml


def test_known_values_make_no_extra_runs(tmp_path):
    body = "<w:p><w:r><w:t>Adres: {{adres}}</w:t></w:r></w:p>"
    xml = _filled(tmp_path, body, adres="Markt 2 [achterzijde], Delft")
    assert HIGHLIGHT not in xml
    assert xml.count("<w:r>") == 1


def test_the_shipped_template_gives_both_coordinates_a_decimal_comma_and_a_map_annex():
    text = "\n".join(text for _style, text in PARAGRAPHS)
    assert "WGS84: {{lat}}° NB, {{lon}}° OL" in text
    styles = [style for style, text in PARAGRAPHS]
    annex, map_at = styles.index("Annex"), [text for _style, text in PARAGRAPHS].index("{{kaart}}")
    assert annex < map_at
    assert styles[map_at + 1] == "Caption"
