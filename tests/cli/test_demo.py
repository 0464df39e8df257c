"""`make demo`'s script end to end (quick setting): every output is there and consistent."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

pytestmark = [pytest.mark.cli, pytest.mark.slow]


def _count(gpkg, table, where="1=1"):
    with sqlite3.connect(gpkg) as connection:
        return connection.execute(f'SELECT count(*) FROM "{table}" WHERE {where}').fetchone()[0]


@pytest.fixture(scope="module")
def demo_out(repo_root, tmp_path_factory, qgis_profile):
    out = tmp_path_factory.mktemp("demo") / "out"
    completed = subprocess.run(
        [sys.executable, str(repo_root / "scripts" / "demo.py"), "--out", str(out), "--quick"],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=repo_root,
        env={**os.environ, "QGIS_CUSTOM_CONFIG_PATH": str(qgis_profile)},
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    return out, completed.stdout


def test_demo_prints_every_step_with_timing(demo_out):
    _, stdout = demo_out
    for number in ("[1]", "[2]", "[3]", "[4]", "[5]", "[6]", "[7]"):
        assert number in stdout
    assert stdout.count(" s)") >= 7


def test_demo_charge_points_are_the_delft_locations(demo_out):
    out, _ = demo_out
    assert _count(out / "charge_points_ndw.gpkg", "charge_points_ndw") == 850
    assert _count(out / "charge_points_api.gpkg", "charge_points_api") == 850
    assert _count(out / "charge_points.gpkg", "charge_points") == 850  # the same locations merge into one


def test_demo_potential_map_outputs(demo_out):
    out, _ = demo_out
    assert _count(out / "coverage.gpkg", "coverage") > 0
    assert _count(out / "forecast.gpkg", "forecast") == 13  # the CBS wijken of Delft
    assert _count(out / "candidates_scored.gpkg", "candidates_scored") > 100
    assert _count(out / "selected_locations.gpkg", "selected_locations") == 12


def test_demo_review_workflow(demo_out):
    out, _ = demo_out
    review = out / "review.gpkg"
    assert _count(review, "review_locations", "location_id LIKE 'DELFT-0%'") == 12
    assert _count(review, "review_locations", "address LIKE '% Delft'") == 12  # from OSM addresses
    # Every row of the example CSV (84) is imported, none refused, next to one automatic
    # constraint check per location.
    assert _count(review, "review_events") == 84 + 12
    assert _count(review, "review_locations", "status = 'delivered'") >= 1
    decrees = list((out / "decrees").iterdir())
    assert any(path.suffix in (".docx", ".odt") for path in decrees)
    for document in (path for path in decrees if path.suffix in (".docx", ".odt")):
        with zipfile.ZipFile(document) as zipped:
            assert zipped.testzip() is None


def test_demo_usage_and_operators(demo_out):
    out, _ = demo_out
    assert _count(out / "usage_kpis.gpkg", "usage_kpis") == 850
    assert _count(out / "operator_performance.gpkg", "operator_performance") >= 5


def test_demo_map_project_and_report(demo_out):
    out, _ = demo_out
    png = (out / "potential_map.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(png) > 100_000
    assert (out / "ev_planner_delft.qgz").stat().st_size > 1000
    report = (out / "report.html").read_text(encoding="utf-8")
    for link in ("potential_map.png", "review.gpkg", "charge_points.gpkg", "ev_planner_delft.qgz"):
        assert link in report
    assert "<svg" in report


def test_demo_residents_requests_outcomes_sites_and_privacy(demo_out):
    out, stdout = demo_out
    requests = out / "requests.gpkg"
    # 27 example rows, one of them a request sent twice: 26 requests, each with one outcome.
    assert _count(requests, "requests") == 26
    assert _count(requests, "requests", "outcome = 'not_assessable'") == 2  # an unknown address, 31-02-2026
    assert _count(requests, "requests", "outcome = 'covered_existing'") == 10
    assert _count(requests, "requests", "outcome = 'new_location' AND proposed_location_id IS NOT NULL") >= 1
    sites = _count(out / "request_sites.gpkg", "request_sites")
    assert sites >= 1
    review = out / "review.gpkg"
    assert _count(review, "review_locations", "source = 'request'") == sites
    assert _count(review, "review_requests") == 26
    # The names, e-mail addresses and licence plates of the CSV are in no output file.
    for path in out.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"Voorbeeldbewoner" not in data, path
            assert b"voorbeeld.invalid" not in data, path
    assert "aanvragen: nieuwe locatie nodig" in stdout
    report = (out / "report.html").read_text(encoding="utf-8")
    assert "Aanvragen van bewoners" in report
    assert "requests_map.png" in report


def test_demo_report_reads_as_one_dutch_document(demo_out):
    """#13 item 16: steps in order, Dutch labels, Dutch numbers, no dead links, honest counts."""
    out, _ = demo_out
    report = (out / "report.html").read_text(encoding="utf-8")
    steps = re.findall(r"<tr><td>(\d)</td>", report)
    assert steps == ["1", "2", "3", "4", "5", "6"]  # as they run; step 7 writes this report
    for raw_key in (
        "covered_after_pct",
        "proven_optimal",
        "optimality_gap_pct",
        "hhi:",
        "non_compliant",
        ">in_review<",
    ):
        assert raw_key not in report, raw_key
    assert "goedgekeurd" in report
    assert "optimum bewezen" in report
    assert "1.949" in report  # EVSEs as a whole number with a Dutch thousands separator
    assert not re.search(r"\d \d{3}[,.]\d", report), "one thousands separator"
    assert not re.search(r"-(wal|shm)\"", report)
    assert "(0 kB)" not in report
    decrees = [p for p in (out / "decrees").iterdir() if p.suffix == ".docx"]
    assert f"{len(decrees)} verkeersbesluit(en)" in report
    assert "dichten gaten in de loopafstand" in report


def test_demo_map_is_dutch_and_its_legend_fits_the_page(demo_out, qgis_app):
    """#13 items 9 and 17: legends in the language the layers were made in, inside the page."""
    from qgis.core import QgsLayoutItemLegend, QgsProject, QgsVectorLayer

    out, _ = demo_out
    project = QgsProject()
    assert project.read(str(out / "ev_planner_delft.qgz"))
    labels = [
        item.label()
        for layer in project.mapLayers().values()
        if isinstance(layer, QgsVectorLayer) and layer.renderer() is not None
        for item in layer.renderer().legendSymbolItems()
    ]
    assert "Tot 11 kW (AC)" in labels
    assert "Gekozen locatie (het nummer is de volgorde)" in labels
    assert not [label for label in labels if "Up to" in label or "White spot" in label or " / " in label]
    for layout in project.layoutManager().printLayouts():
        legend = next(item for item in layout.items() if isinstance(item, QgsLayoutItemLegend))
        page_width = layout.pageCollection().page(0).pageSize().width()
        assert legend.sizeWithUnits().width() > 50, (
            "the legend was measured (a legend never painted has size 0)"
        )
        assert legend.positionWithUnits().x() + legend.sizeWithUnits().width() <= page_width, layout.name()
    project.clear()


def test_the_english_project_is_english_throughout(demo_out, qgis_app):
    """#13 item 9: an English QGIS opens ev_planner_delft_en.qgz, in one language, no Dutch."""
    from qgis.core import QgsProject, QgsVectorLayer

    out, _ = demo_out
    project = QgsProject()
    assert project.read(str(out / "ev_planner_delft_en.qgz"))
    names = sorted(layer.name() for layer in project.mapLayers().values())
    assert "Existing charge points" in names
    assert "Review: proposed locations" in names
    labels = [
        item.label()
        for layer in project.mapLayers().values()
        if isinstance(layer, QgsVectorLayer) and layer.renderer() is not None
        for item in layer.renderer().legendSymbolItems()
    ]
    assert "Up to 11 kW (AC)" in labels
    assert "White spot: enough households, no charge point" in labels
    dutch = ("Tot ", "Witte vlek", "Gekozen", "Bestaande", "Wijken", "Voorgesteld", "Goedgekeurd")
    assert not [text for text in names + labels if text.startswith(dutch)]
    assert [layout.name() for layout in project.layoutManager().printLayouts()] == [
        "Potential map Delft",
        "Residents' requests Delft",
    ]
    project.clear()


def _project_xml(qgz):
    with zipfile.ZipFile(qgz) as zipped:
        (name,) = [n for n in zipped.namelist() if n.endswith(".qgs")]
        return ET.fromstring(zipped.read(name))


# The layers of the first 10 minutes (README), by the file they read.
FIRST_TEN_MINUTES = (
    "wijken_cbs_2024.geojson",
    "osm_tudelft_wippolder.osm.pbf",
    "coverage.gpkg",
    "candidates_scored.gpkg",
    "charge_points.gpkg",
    "selected_locations.gpkg",
    "review.gpkg",
)


@pytest.mark.parametrize("project_name", ["ev_planner_delft.qgz", "ev_planner_delft_en.qgz"])
def test_demo_project_is_relative_and_opens_with_the_first_layers_visible(demo_out, project_name):
    """#13 item 7: no absolute path anywhere (data sources, layer tree, layouts); the layers the
    first 10 minutes use are switched on, the review layer among them."""
    out, _ = demo_out
    root = _project_xml(out / project_name)
    assert root.find("./properties/Paths/Absolute").text == "false"
    sources = [e.text or "" for e in root.iter("datasource")]
    sources += [e.get("source") for e in root.iter() if e.get("source") is not None]
    assert len(sources) > 20
    assert [s for s in sources if s and not s.startswith("./")] == []
    text = ET.tostring(root, encoding="unicode")
    assert str(out) not in text
    assert str(out.parent.parent) not in text  # nor the temporary folder or the repository
    assert str(Path(__file__).resolve().parents[2]) not in text
    checked = {
        node.get("source").split("|")[0].rsplit("/", 1)[-1]: node.get("checked")
        for node in root.find("layer-tree-group").iter("layer-tree-layer")
    }
    assert {name: checked.get(name) for name in FIRST_TEN_MINUTES} == dict.fromkeys(
        FIRST_TEN_MINUTES, "Qt::Checked"
    )
    # A layout follows a map theme (layer ids only) rather than keeping its own layer list.
    maps = [item for item in root.iter("LayoutItem") if item.get("followPreset") is not None]
    assert maps
    assert all(item.get("followPreset") == "true" for item in maps)
