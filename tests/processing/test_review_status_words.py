"""One vocabulary for review statuses: the dock, the legend and the decrees use the same words."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from ev_planner.core.review.documents import DUTCH_STATUS_LABELS
from ev_planner.core.review.states import STATUSES
from ev_planner.processing.help import HELP_DIR
from ev_planner.processing.review_labels import STATUS_LABELS
from ev_planner.processing.styles import STYLE_DIR

TS_FILE = HELP_DIR.parent / "i18n" / "ev_planner_nl.ts"


def dutch_translations() -> dict[str, str]:
    return {
        message.findtext("source"): message.find("translation").text or ""
        for message in ET.parse(TS_FILE).getroot().iter("message")
    }


def legend_labels() -> dict[str, str]:
    """The review legend's English label of each status value."""
    qml = (STYLE_DIR / "review_locations.qml").read_text(encoding="utf-8")
    return dict(re.findall(r'<category\b[^>]*\bvalue="([^"]+)"[^>]*\blabel="([^"]+)"', qml))


DUTCH = dutch_translations()
LEGEND = legend_labels()


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def test_every_status_has_a_dock_word_a_legend_word_and_a_document_word():
    assert set(STATUS_LABELS) == set(LEGEND) == set(DUTCH_STATUS_LABELS) == set(STATUSES)


@pytest.mark.parametrize("status", STATUSES)
def test_the_dock_says_what_the_legend_says(status):
    assert STATUS_LABELS[status] == lower_first(LEGEND[status])


@pytest.mark.parametrize("status", STATUSES)
def test_the_dutch_dock_and_legend_say_what_the_decree_says(status):
    assert DUTCH.get(STATUS_LABELS[status]) == DUTCH_STATUS_LABELS[status]
    assert lower_first(DUTCH[LEGEND[status]]) == DUTCH_STATUS_LABELS[status]
