"""Review symbols stay distinct from the coverage cells they sit on, also for colour-blind readers.

The review layer's markers (review_locations.qml, one colour per status) are drawn over the
coverage cells (coverage_cells.qml, translucent fills). Every marker colour must differ from
every cell colour, as the cell looks on the map (its fill blended over the map background), by
at least ``MIN_DELTA_E`` in CIELAB (CIE76 ΔE: about 2 is just noticeable, 30 tells a 3 mm marker
from its ground at a glance). This must hold in normal vision and under simulated protanopia and
deuteranopia (the red-green colour blindness of about 1 in 12 men) and tritanopia, with the
simulation of Machado, Oliveira & Fernandes (2009) at full severity, applied in linear RGB.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

STYLES = Path(__file__).resolve().parents[2] / "ev_planner" / "resources" / "styles"
MIN_DELTA_E = 30.0
# The example project's background (scripts/build_project.py) and QGIS's default white.
BACKGROUNDS = {"project": (242, 239, 233), "white": (255, 255, 255)}

Matrix = tuple[tuple[float, float, float], ...]
# Machado et al. 2009, "A Physiologically-based Model for Simulation of Color Vision
# Deficiency", IEEE TVCG 15(6), table of severity 1.0.
VISIONS: dict[str, Matrix | None] = {
    "normal": None,
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}

RGB = tuple[float, float, float]


def to_linear(channel: float) -> float:
    c = channel / 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def simulate(rgb: RGB, matrix: Matrix | None) -> tuple[float, float, float]:
    """Linear RGB (0..1) of ``rgb`` as seen with the colour vision of ``matrix``."""
    linear = [to_linear(c) for c in rgb]
    if matrix is None:
        return tuple(linear)
    return tuple(min(1.0, max(0.0, sum(m * c for m, c in zip(row, linear)))) for row in matrix)


def lab(linear: tuple[float, float, float]) -> tuple[float, float, float]:
    """CIELAB (D65) of a linear sRGB colour."""
    r, g, b = linear
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def delta_e(first: RGB, second: RGB, matrix: Matrix | None) -> float:
    one, two = lab(simulate(first, matrix)), lab(simulate(second, matrix))
    return sum((a - b) ** 2 for a, b in zip(one, two)) ** 0.5


def symbol_colours(qml: str) -> dict[str, tuple[int, int, int, int]]:
    """Fill colour (r, g, b, alpha) of every symbol of a style, by symbol name."""
    root = ET.parse(STYLES / qml).getroot()
    colours = {}
    for symbol in root.iter("symbol"):
        if symbol.get("name", "").isdigit():
            option = symbol.find("./layer/Option/Option[@name='color']")
            colours[symbol.get("name")] = tuple(int(v) for v in option.get("value").split(","))
    return colours


def review_symbols() -> dict[str, RGB]:
    """Marker colour of every review status (the markers are opaque)."""
    root = ET.parse(STYLES / "review_locations.qml").getroot()
    colours = symbol_colours("review_locations.qml")
    statuses = {c.get("value"): colours[c.get("symbol")] for c in root.iter("category")}
    assert all(colour[3] == 255 for colour in statuses.values())
    return {status: colour[:3] for status, colour in statuses.items()}


def coverage_fills(background: RGB) -> dict[str, RGB]:
    """Colour of every coverage class on the map: its translucent fill over ``background``."""
    root = ET.parse(STYLES / "coverage_cells.qml").getroot()
    colours = symbol_colours("coverage_cells.qml")
    fills = {}
    for rule in root.iter("rule"):
        *rgb, alpha = colours[rule.get("symbol")]
        share = alpha / 255.0
        fills[rule.get("key")] = tuple(share * c + (1 - share) * b for c, b in zip(rgb, background))
    return fills


def test_the_styles_have_the_statuses_and_classes_the_test_compares():
    assert set(review_symbols()) >= {"proposed", "in_review", "approved", "rejected", "delivered"}
    assert set(coverage_fills(BACKGROUNDS["white"])) == {"white", "covered", "few"}


def test_the_simulation_keeps_grey_and_merges_red_with_green_for_deuteranopes():
    grey = (128, 128, 128)
    for matrix in VISIONS.values():
        assert simulate(grey, matrix) == pytest.approx(simulate(grey, None), abs=0.01)
    red, green = (200, 60, 40), (90, 150, 40)
    assert delta_e(red, green, None) > 50
    assert delta_e(red, green, VISIONS["deuteranopia"]) < 25


@pytest.mark.parametrize("background", sorted(BACKGROUNDS))
@pytest.mark.parametrize("vision", sorted(VISIONS))
def test_every_review_symbol_stands_out_on_every_coverage_class(vision, background):
    fills = coverage_fills(BACKGROUNDS[background])
    too_close = [
        (status, cell, round(delta_e(colour, fill, VISIONS[vision]), 1))
        for status, colour in review_symbols().items()
        for cell, fill in fills.items()
        if delta_e(colour, fill, VISIONS[vision]) < MIN_DELTA_E
    ]
    assert too_close == []
