"""Every documented ``qgis_process`` example names real parameters; the loaders' examples run.

Extraction rule: in README.md, docs/*.md and ev_planner/resources/help/*.md, an example is a
line inside a fenced code block that contains ``qgis_process run evplanner:`` (``--json``
may come before ``run``), joined with the
lines that follow it while a line ends in a backslash. Its words (shell quoting) after ``--``
are the ``NAME=value`` parameters.

The examples of the charge-point loaders then run through ``qgis_process`` against servers on
127.0.0.1 (the documented server URL replaced through the documented URL parameter), and the
bounding box each one asked for must be the documented EXTENT, read as QGIS reads it:
``xmin,xmax,ymin,ymax [CRS]``.
"""

from __future__ import annotations

import copy
import json
import re
import shlex
import sqlite3
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import pytest
from ocpi_test_server import OcpiTestServer

REPO_ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [
    REPO_ROOT / "README.md",
    *sorted((REPO_ROOT / "docs").glob("*.md")),
    *sorted((REPO_ROOT / "ev_planner" / "resources" / "help").glob("*.md")),
]
COMMAND = re.compile(r"qgis_process( --json)? run evplanner:")
LOADERS = ("loadocpi", "loadopenchargemap", "loadosm")
EXTENT = re.compile(r"^\s*([-\d.]+),([-\d.]+),([-\d.]+),([-\d.]+)\s*\[EPSG:4326\]\s*$")
TOKEN_VARIABLE = "EVP_OCPI_TOKEN"


@dataclass(frozen=True)
class Example:
    where: str  # file:line
    algorithm: str
    parameters: tuple[tuple[str, str], ...]

    def value(self, name: str) -> str | None:
        return next((value for key, value in self.parameters if key == name), None)


def code_block_commands(text: str) -> list[tuple[int, str]]:
    """(line number, command) of every example in the fenced code blocks of a Markdown text."""
    commands, in_code, lines = [], False, text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.lstrip().startswith("```"):
            in_code = not in_code
        elif in_code and COMMAND.search(line):
            start, command = index + 1, line
            while command.rstrip().endswith("\\") and index + 1 < len(lines):
                index += 1
                command = command.rstrip()[:-1] + " " + lines[index]
            commands.append((start, command))
        index += 1
    return commands


def parse_example(where: str, command: str) -> Example:
    words = shlex.split(command, comments=True)
    algorithm = next(w for w in words if w.startswith("evplanner:")).split(":", 1)[1]
    after = words[words.index("--") + 1 :]
    parameters = tuple(tuple(word.split("=", 1)) for word in after)
    assert all(len(pair) == 2 for pair in parameters), f"{where}: not NAME=value: {after}"
    return Example(where, algorithm, parameters)


def documented_examples() -> list[Example]:
    examples = []
    for path in DOCUMENTS:
        for line, command in code_block_commands(path.read_text(encoding="utf-8")):
            examples.append(parse_example(f"{path.relative_to(REPO_ROOT)}:{line}", command))
    return examples


def documented_bounds(example: Example) -> tuple[float, float, float, float]:
    """(west, south, east, north) of the example's EXTENT read as xmin,xmax,ymin,ymax."""
    match = EXTENT.match(example.value("EXTENT") or "")
    assert match, f"{example.where}: EXTENT is not 'xmin,xmax,ymin,ymax [EPSG:4326]'"
    xmin, xmax, ymin, ymax = (float(v) for v in match.groups())
    return xmin, ymin, xmax, ymax


EXAMPLES = documented_examples()


def test_the_rule_finds_the_examples_of_every_loader_in_every_language():
    places = {(e.algorithm, Path(e.where.split(":")[0]).name) for e in EXAMPLES}
    for loader in LOADERS:
        assert (loader, f"{loader}.md") in places
        assert (loader, f"{loader}_nl.md") in places
        assert (loader, "chargepoints.md") in places
    assert len([e for e in EXAMPLES if e.value("EXTENT")]) >= 8
    multi_line = [e for e in EXAMPLES if e.where.startswith("docs/chargepoints.md") and e.value("EXTENT")]
    assert len(multi_line) == 3  # continuation lines are part of the command


def test_every_documented_example_names_real_parameters(evplanner):
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    for example in EXAMPLES:
        algorithm = registry.algorithmById(f"evplanner:{example.algorithm}")
        assert algorithm is not None, f"{example.where}: no algorithm evplanner:{example.algorithm}"
        known = {p.name() for p in algorithm.parameterDefinitions()}
        unknown = {name for name, _ in example.parameters} - known
        assert not unknown, f"{example.where}: unknown parameters {unknown}"


def test_every_documented_extent_is_xmin_xmax_ymin_ymax_and_municipal():
    from ev_planner.processing.extent import PLAUSIBLE_MUNICIPAL_AREA_KM2, area_km2

    for example in (e for e in EXAMPLES if e.value("EXTENT")):
        west, south, east, north = documented_bounds(example)
        assert west < east, example.where
        assert south < north, example.where
        assert area_km2((west, south, east, north)) < PLAUSIBLE_MUNICIPAL_AREA_KM2, example.where


def runnable(example: Example, tmp_path: Path, local: dict[str, str]) -> list[str]:
    """The example's parameters with the servers on 127.0.0.1 and the output in ``tmp_path``."""
    arguments = []
    for name, value in example.parameters:
        if name == "AUTHCFG":  # AUTHCFG end to end: test_sources_cli.py
            name, value = "TOKEN_ENV", TOKEN_VARIABLE
        elif name == "SOURCE" and value.startswith("http"):
            value = local["SOURCE"]
        elif name == "OUTPUT":
            value = str(tmp_path / Path(value).name)
        arguments.append(f"{name}={value}")
    arguments += [f"{name}={url}" for name, url in local.items() if name != "SOURCE"]
    return arguments


def distinct_loader_examples() -> list[Example]:
    """One example per distinct command of a loader (the translations repeat them)."""
    seen, distinct = set(), []
    for example in EXAMPLES:
        if example.algorithm not in LOADERS:
            continue
        key = (example.algorithm, tuple(p for p in example.parameters if p[0] != "OUTPUT"))
        if key not in seen:
            seen.add(key)
            distinct.append(example)
    return distinct


def output_points(gpkg: Path) -> list[tuple[float, float]]:
    with sqlite3.connect(gpkg) as db:
        table = db.execute("select table_name from gpkg_contents where data_type='features'").fetchone()[0]
        return db.execute(f'select minx, miny from "rtree_{table}_geom"').fetchall()


def asked_bounds(algorithm: str, httpserver, completed_stdout: str) -> tuple[float, float, float, float]:
    """(west, south, east, north) the loader asked its server for (OCPI: the extent it applied)."""
    if algorithm == "loadosm":
        (request, _), *_ = httpserver.log
        query = urllib.parse.parse_qs(request.get_data(as_text=True))["data"][0]
        south, west, north, east = (float(v) for v in re.search(r"\(([-\d.,]+)\);out", query)[1].split(","))
        return west, south, east, north
    if algorithm == "loadopenchargemap":
        (request, _), *_ = httpserver.log
        box = re.findall(r"[-\d.]+", request.args["boundingbox"])
        north, west, south, east = (float(v) for v in box)
        return west, south, east, north
    # OCPI has no bounding box in its protocol: the loader logs the extent it filters on.
    logged = re.search(
        r"west (-?[\d.]+\d), south (-?[\d.]+\d), east (-?[\d.]+\d), north (-?[\d.]+\d)", completed_stdout
    )
    assert logged, completed_stdout
    return tuple(float(v) for v in logged.groups())


@pytest.mark.cli
@pytest.mark.parametrize("example", distinct_loader_examples(), ids=lambda e: e.where)
def test_documented_loader_example_asks_for_the_documented_extent(
    example, run_qgis_process, httpserver, sample_dir, tmp_path
):
    httpserver.expect_request("/v3/poi/").respond_with_json([])
    httpserver.expect_request("/api/interpreter", method="POST").respond_with_json({"elements": []})
    locations = json.loads((sample_dir / "charge_points.ocpi.json").read_text(encoding="utf-8"))
    with OcpiTestServer({"locations": copy.deepcopy(locations[:200])}, token=None) as ocpi:
        local = {
            "loadocpi": {"SOURCE": ocpi.versions_url},
            "loadopenchargemap": {"BASE_URL": httpserver.url_for("/v3")},
            "loadosm": {"OVERPASS_URL": httpserver.url_for("/api/interpreter")},
        }[example.algorithm]
        arguments = runnable(example, tmp_path, local)
        completed = run_qgis_process(
            "run", f"evplanner:{example.algorithm}", "--", *arguments, env={TOKEN_VARIABLE: "doc-token"}
        )
    assert completed.returncode == 0, f"{example.where}\n{completed.stdout}\n{completed.stderr}"
    assert "far more than a municipality" not in completed.stdout + completed.stderr
    if example.value("EXTENT") is None:
        return
    expected = documented_bounds(example)
    assert asked_bounds(example.algorithm, httpserver, completed.stdout) == pytest.approx(expected, abs=1e-6)
    west, south, east, north = expected
    points = output_points(tmp_path / Path(example.value("OUTPUT")).name)
    assert all(west <= x <= east and south <= y <= north for x, y in points)
    if example.algorithm == "loadocpi":
        assert points, "the documented Delft extent keeps Delft's charge points"
