"""Every algorithm of the provider follows the Processing rules and ships its help (en + nl)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from qgis.core import QgsProcessingAlgorithm

import ev_planner.processing.algorithms
from ev_planner.compat import PARAMETER_HIDDEN
from ev_planner.processing.base import GROUPS
from ev_planner.processing.help import HELP_DIR
from ev_planner.processing.provider import algorithm_classes

CLASSES, IMPORT_FAILURES = algorithm_classes()


def test_every_algorithm_module_imports():
    assert IMPORT_FAILURES == []


def test_the_provider_has_algorithms(evplanner):
    assert {alg.name() for alg in evplanner.algorithms()} == {cls.ALGORITHM_ID for cls in CLASSES}
    assert len(CLASSES) > 0


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.ALGORITHM_ID)
def test_algorithm_identity_and_help(cls, evplanner):
    algorithm: QgsProcessingAlgorithm = evplanner.algorithm(cls.ALGORITHM_ID)
    assert re.fullmatch(r"[a-z0-9]+", algorithm.name()), "ids are lowercase ascii, never translated"
    assert algorithm.id() == f"evplanner:{cls.ALGORITHM_ID}"
    assert algorithm.groupId() in GROUPS
    assert algorithm.displayName()
    for language_suffix in ("", "_nl"):
        help_file = HELP_DIR / f"{cls.ALGORITHM_ID}{language_suffix}.md"
        assert help_file.is_file(), f"missing help file {help_file.name}"
        assert len(help_file.read_text(encoding="utf-8").split()) >= 40, f"{help_file.name} is too short"
    assert "<" in algorithm.shortHelpString(), "help is rendered to HTML"


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.ALGORITHM_ID)
def test_every_parameter_is_documented(cls, evplanner):
    algorithm = evplanner.algorithm(cls.ALGORITHM_ID)
    undocumented = []
    for parameter in algorithm.parameterDefinitions():
        if parameter.flags() & PARAMETER_HIDDEN:
            continue
        if not parameter.help():
            undocumented.append(parameter.name())
    assert undocumented == []
    help_text = (HELP_DIR / f"{cls.ALGORITHM_ID}.md").read_text(encoding="utf-8")
    missing = [p.name() for p in algorithm.parameterDefinitions() if p.name() not in help_text]
    assert missing == [], "every parameter name appears in the help file"


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.ALGORITHM_ID)
def test_create_instance_gives_a_fresh_object(cls, evplanner):
    algorithm = evplanner.algorithm(cls.ALGORITHM_ID)
    copy = algorithm.createInstance()
    assert type(copy) is cls
    assert copy is not algorithm


def test_processing_run_reaches_the_algorithm(evplanner, sample_dir, tmp_path):
    """processing.run() calls QgsProcessingAlgorithm.run() with five arguments: our hook must
    not shadow it (it once did, and every algorithm failed with a TypeError)."""
    import processing

    output = tmp_path / "charge_points.gpkg"
    results = processing.run(
        "evplanner:loadocpi",
        {"SOURCE": str(sample_dir / "charge_points.ocpi.json"), "OUTPUT": str(output)},
    )
    assert results["OUTPUT"] == str(output)
    assert output.is_file()


def test_the_hook_has_its_own_name():
    from ev_planner.processing.base import EvPlannerAlgorithm

    for cls in CLASSES:
        python_classes = [klass for klass in cls.__mro__ if klass.__module__.startswith("ev_planner")]
        shadowing = [klass.__name__ for klass in python_classes if "run" in vars(klass)]
        assert shadowing == [], "QgsProcessingAlgorithm.run must not be shadowed"
        assert cls.run_algorithm is not EvPlannerAlgorithm.run_algorithm


# The public interface: municipal batch scripts call these ids. Discovery is automatic, so
# a module that vanished or failed to import would otherwise drop its id without a word.
PUBLIC_ALGORITHM_IDS = {
    "checkconstraints",
    "coveragecheck",
    "createreview",
    "copyreview",
    "distributedemand",
    "evaluaterequests",
    "exportdecrees",
    "forecastdemand",
    "generatecandidates",
    "importreviewevents",
    "loadocpi",
    "loadocpisessions",
    "loadopenchargemap",
    "loadosm",
    "mergechargepoints",
    "operatorperformance",
    "reviewkpis",
    "scorecandidates",
    "selectlocations",
    "usagekpis",
    "walkingdistance",
}


def test_every_public_algorithm_id_is_registered(evplanner):
    registered = {algorithm.name() for algorithm in evplanner.algorithms()}
    assert registered >= PUBLIC_ALGORITHM_IDS, sorted(PUBLIC_ALGORITHM_IDS - registered)


def test_no_algorithm_module_imports_another():
    """One algorithm per module; shared glue lives in processing/ modules named for their job."""
    import ast

    folder = Path(ev_planner.processing.algorithms.__file__).parent
    modules = {path.stem for path in folder.glob("*.py")} - {"__init__"}
    offenders = {}
    for path in sorted(folder.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                imported = {node.module} if node.module else {alias.name for alias in node.names}
                if imported & modules:
                    offenders[path.stem] = sorted(imported & modules)
            absolute = (isinstance(node, ast.ImportFrom) and node.level == 0 and node.module) or ""
            if absolute.startswith("ev_planner.processing.algorithms."):
                offenders[path.stem] = [absolute]
    assert offenders == {}
