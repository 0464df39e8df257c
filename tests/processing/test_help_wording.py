"""The help speaks the language of the form: fields by their labels, ids only for qgis_process.

A planner reads the help next to the dialog, which never shows a parameter id such as
``SOURCE`` or ``AUTHCFG``. The main text of every help file names each field as the form labels
it (in the help's language: the Dutch translation in ``*_nl.md``); the ids live in the closing
``qgis_process`` section, for batch scripts.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from ev_planner.compat import PARAMETER_HIDDEN
from ev_planner.processing.help import HELP_DIR
from ev_planner.processing.provider import algorithm_classes

TS_FILE = HELP_DIR.parent / "i18n" / "ev_planner_nl.ts"
QGIS_PROCESS_HEADING = "\n**qgis_process**\n"
# Ids that are also ordinary words of the text ("a metric CRS"): only their `code` form is an id.
ORDINARY_WORDS = {"CRS"}


def dutch() -> dict[str, str]:
    return {
        message.findtext("source"): (message.find("translation").text or "")
        for message in ET.parse(TS_FILE).getroot().iter("message")
        if message.find("translation").get("type") != "unfinished"
    }


DUTCH = dutch()


def initialised(cls):
    algorithm = cls()
    algorithm.initAlgorithm()
    return algorithm


ALGORITHMS = [initialised(cls) for cls in algorithm_classes()[0]]


def case(algorithm, suffix):
    return pytest.param(algorithm, suffix, id=f"{algorithm.name()}{suffix}")


CASES = [case(algorithm, suffix) for algorithm in ALGORITHMS for suffix in ("", "_nl")]


def split_help(algorithm, suffix: str) -> tuple[str, str]:
    text = (HELP_DIR / f"{algorithm.name()}{suffix}.md").read_text(encoding="utf-8")
    assert QGIS_PROCESS_HEADING in text, "the ids go in a closing qgis_process section"
    main, _, batch = text.partition(QGIS_PROCESS_HEADING)
    return main, batch


def visible_parameters(algorithm):
    return [p for p in algorithm.parameterDefinitions() if not p.flags() & PARAMETER_HIDDEN]


def bare_ids(text: str, ids) -> list[str]:
    """The ids that ``text`` names: in `code`, or as a word of their own (SOURCE, TOKEN_ENV=…)."""
    found = []
    for name in ids:
        as_word = name not in ORDINARY_WORDS and re.search(rf"(?<![\w-]){name}(?![\w-])", text)
        if re.search(rf"`{name}[`=]", text) or as_word:
            found.append(name)
    return found


@pytest.mark.parametrize(("algorithm", "suffix"), CASES)
def test_the_main_text_names_no_parameter_id(algorithm, suffix):
    main, _ = split_help(algorithm, suffix)
    assert bare_ids(main, [p.name() for p in visible_parameters(algorithm)]) == []


@pytest.mark.parametrize(("algorithm", "suffix"), CASES)
def test_the_main_text_names_every_field_by_its_label(algorithm, suffix):
    main, _ = split_help(algorithm, suffix)
    labels = [p.description() for p in visible_parameters(algorithm)]
    if suffix == "_nl":
        # A label not yet translated is caught by tests/ui/test_translations.py.
        labels = [DUTCH[label] for label in labels if DUTCH.get(label)]
    missing = [label for label in labels if label not in main]
    assert missing == []


@pytest.mark.parametrize(("algorithm", "suffix"), CASES)
def test_the_qgis_process_section_lists_every_id(algorithm, suffix):
    _, batch = split_help(algorithm, suffix)
    missing = [p.name() for p in visible_parameters(algorithm) if f"| `{p.name()}` |" not in batch]
    assert missing == []


def test_the_check_finds_an_id():
    assert bare_ids("Fill in `SOURCE` or TOKEN_ENV=X; a metric CRS", ["SOURCE", "TOKEN_ENV", "CRS"]) == [
        "SOURCE",
        "TOKEN_ENV",
    ]
    assert bare_ids("the source_id field, the OCPI source, `SOURCE_COUNT`", ["SOURCE", "CRS"]) == []


ALL_IDS = sorted({p.name() for algorithm in ALGORITHMS for p in algorithm.parameterDefinitions()})


@pytest.mark.parametrize("algorithm", ALGORITHMS, ids=lambda algorithm: algorithm.name())
def test_no_tooltip_names_a_parameter_id(algorithm):
    """The hover help of a field (setHelp) is read in the dialog, so it names fields by their labels."""
    naming_ids = {p.name(): bare_ids(p.help(), ALL_IDS) for p in algorithm.parameterDefinitions()}
    assert {name: ids for name, ids in naming_ids.items() if ids} == {}
