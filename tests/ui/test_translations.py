"""The Dutch translation: complete, up to date with the code, compiled, and loaded by QGIS's locale."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from qgis.PyQt.QtCore import QTranslator

from ev_planner.i18n import CONTEXT

REPO = Path(__file__).resolve().parents[2]
TS_FILE = REPO / "ev_planner" / "resources" / "i18n" / "ev_planner_nl.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
PLACEHOLDER = re.compile(r"\{[a-z_]+[^}]*\}")


def _messages():
    return [
        (message.findtext("source"), message.find("translation"))
        for message in ET.parse(TS_FILE).getroot().iter("message")
    ]


def test_ts_file_lists_exactly_the_strings_of_the_code():
    completed = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_every_string_has_a_dutch_translation():
    untranslated = [
        source
        for source, translation in _messages()
        if translation is None
        or translation.get("type") == "unfinished"
        or not (translation.text or "").strip()
    ]
    assert untranslated == []


def test_translations_keep_the_placeholders():
    broken = [
        source
        for source, translation in _messages()
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation.text or ""))
    ]
    assert broken == []


def test_compiled_translation_translates_the_group_names():
    assert QM_FILE.is_file(), "make translations compiles the .ts"
    translator = QTranslator()
    assert translator.load(str(QM_FILE))
    assert translator.translate(CONTEXT, "Charge points") == "Laadpunten"
    assert translator.translate(CONTEXT, "Potential map") == "Potentieelkaart"


def test_the_toolbox_sorts_the_groups_in_workflow_order_in_english_and_dutch():
    from qgis.PyQt.QtCore import QCoreApplication

    from ev_planner.processing.base import GROUPS, group_name

    workflow = ["chargepoints", "potential", "review", "usage"]
    assert list(GROUPS) == workflow
    english = [group_name(group_id) for group_id in workflow]
    assert english == ["1. Charge points", "2. Potential map", "3. Review workflow", "4. Usage and operators"]
    translator = QTranslator()
    assert translator.load(str(QM_FILE))
    QCoreApplication.installTranslator(translator)
    try:
        dutch = [group_name(group_id) for group_id in workflow]
    finally:
        QCoreApplication.removeTranslator(translator)
    assert dutch == [
        "1. Laadpunten",
        "2. Potentieelkaart",
        "3. Validatieproces",
        "4. Gebruik en exploitanten",
    ]
    # Without the numbers Dutch would sort "Gebruik" first; with them both sort as the workflow.
    assert sorted(english) == english
    assert sorted(dutch) == dutch
