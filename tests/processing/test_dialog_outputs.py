"""Every algorithm with a sink finishes cleanly in the desktop dialog.

The dialog runs an algorithm with a context that has a project and every output as
``TEMPORARY_OUTPUT`` to be opened, then hands the context to QGIS's own
``handleAlgorithmResults``, which reports every layer to load that it cannot find as "not
correctly generated", in red, even when the real output loaded. These tests do the same.
"""

from __future__ import annotations

import copy
import inspect
import json

import pytest
from ocpi_test_server import OcpiTestServer
from qgis.core import (
    QgsApplication,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingUtils,
    QgsProject,
    QgsVectorLayer,
)

from ev_planner.processing.provider import algorithm_classes
from tests.support.feedback import RecordingFeedback
from tests.support.layers import delft_addresses, delft_candidates, line_layer, point_layer
from tests.support.running import run_checked
from tests.support.usage_ocpi import USAGE_TOKEN, make_cdrs

TOKEN = "dialog-t0ken"
_PROJECTS: list[QgsProject] = []  # the contexts hold raw pointers to their projects: keep them alive


def sink_algorithms() -> set[str]:
    algorithms = [cls() for cls in algorithm_classes()[0]]
    for algorithm in algorithms:
        algorithm.initAlgorithm()
    return {
        algorithm.ALGORITHM_ID
        for algorithm in algorithms
        if any(d.type() == "sink" for d in algorithm.parameterDefinitions())
    }


def run_as_the_dialog(algorithm_id: str, parameters: dict, layers=()) -> dict[str, QgsVectorLayer]:
    """Run as AlgorithmDialog does: layers chosen from the project, sinks temporary and opened;
    checks the run as the dialog's post-processing does and returns the output layers by name."""
    from processing.gui import Postprocessing
    from processing.gui.Postprocessing import handleAlgorithmResults

    project = QgsProject()
    _PROJECTS.append(project)
    context = QgsProcessingContext()
    context.setProject(project)
    parameters = dict(parameters)
    for name, layer in layers:
        project.addMapLayer(layer)
        parameters[name] = layer.id()
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(f"evplanner:{algorithm_id}")
    sinks = [d.name() for d in algorithm.parameterDefinitions() if d.type() == "sink"]
    for name in sinks:
        parameters[name] = QgsProcessingOutputLayerDefinition("TEMPORARY_OUTPUT", project)
    ok, message = algorithm.checkParameterValues(parameters, context)
    assert ok, message
    feedback = RecordingFeedback()
    results, ok = QgsProcessingAlgorithm.run(algorithm, parameters, context, feedback, {}, False)
    assert ok, feedback.text

    unresolved = [
        key
        for key, details in context.layersToLoadOnCompletion().items()
        if QgsProcessingUtils.mapLayerFromString(key, context, typeHint=details.layerTypeHint) is None
    ]
    assert unresolved == [], "the dialog would report these as not correctly generated"
    outputs = {name: QgsProcessingUtils.mapLayerFromString(results[name], context) for name in sinks}
    assert all(isinstance(layer, QgsVectorLayer) for layer in outputs.values()), outputs
    assert context.layersToLoadOnCompletion(), "the outputs are opened"
    # QGIS 3.22 still has the argument showResults, which later versions dropped.
    extra = (
        {"showResults": True} if "showResults" in inspect.signature(handleAlgorithmResults).parameters else {}
    )
    # Without a layer tree view: the stand-in iface of a test session has none that QGIS 3.44's
    # C++ accepts, and the check of the outputs is the same with or without one.
    iface = getattr(Postprocessing, "iface", None)  # QGIS 3.22 asks qgis.utils instead
    Postprocessing.iface = None
    try:
        handled = handleAlgorithmResults(algorithm, context, feedback, parameters=parameters, **extra)
    finally:
        Postprocessing.iface = iface
    assert handled, feedback.text
    assert not any("not correctly generated" in error for error in feedback.errors)
    assert all(project.mapLayer(layer.id()) is not None for layer in outputs.values()), (
        "opened in the project"
    )
    return outputs


@pytest.fixture(scope="module", autouse=True)
def projects_released():
    """The projects of this module are emptied and released while QGIS still runs: left to the
    interpreter's exit, after QGIS has gone, deleting them crashes the test process."""
    yield
    for project in _PROJECTS:
        project.clear()
    _PROJECTS.clear()
    import gc

    gc.collect()


@pytest.fixture(scope="module")
def charge_points(sample_dir, tmp_path_factory) -> str:
    """The Delft charge points in the common schema, as the loader writes them."""
    path = tmp_path_factory.mktemp("dialog") / "charge_points.gpkg"
    run_checked("loadocpi", {"SOURCE": str(sample_dir / "charge_points.ocpi.json"), "OUTPUT": str(path)})
    return str(path)


@pytest.fixture(scope="module")
def review(charge_points, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("dialog-review") / "review.gpkg"
    layer = point_layer([(500, 1400, "L1"), (600, 1450, "L2")], fields=["location_id:string"])
    run_checked("createreview", {"LOCATIONS": layer, "DEPARTMENTS": "Mobiliteit", "OUTPUT": str(path)})
    return str(path)


def test_every_algorithm_with_a_sink_is_run_here(evplanner):
    tested = {name[len("test_dialog_") :] for name in globals() if name.startswith("test_dialog_")}
    assert sink_algorithms() == tested


def test_dialog_loadocpi(evplanner, sample_dir):
    delft = json.loads((sample_dir / "charge_points.ocpi.json").read_text(encoding="utf-8"))
    with OcpiTestServer({"locations": copy.deepcopy(delft[:12])}, token=TOKEN) as server:
        outputs = run_as_the_dialog("loadocpi", {"SOURCE": server.versions_url, "TOKEN": TOKEN})
    assert outputs["OUTPUT"].featureCount() == 12


def test_dialog_loadocpisessions(evplanner):
    with OcpiTestServer({"cdrs": make_cdrs(6)}, token=USAGE_TOKEN) as server:
        run_as_the_dialog("loadocpisessions", {"SOURCE": server.versions_url, "TOKEN": USAGE_TOKEN})


def test_dialog_loadopenchargemap(evplanner, httpserver):
    httpserver.expect_request("/v3/poi/").respond_with_json(
        [{"ID": 1, "AddressInfo": {"Latitude": 52.0, "Longitude": 4.36}, "Connections": []}]
    )
    run_as_the_dialog(
        "loadopenchargemap",
        {"BASE_URL": httpserver.url_for("/v3"), "EXTENT": "4.3,4.4,51.9,52.1 [EPSG:4326]"},
    )


def test_dialog_loadosm(evplanner, httpserver):
    element = {"type": "node", "id": 1, "lat": 52.0, "lon": 4.36, "tags": {"amenity": "charging_station"}}
    httpserver.expect_request("/api/interpreter", method="POST").respond_with_json({"elements": [element]})
    run_as_the_dialog(
        "loadosm",
        {"EXTENT": "4.3,4.4,51.9,52.1 [EPSG:4326]", "OVERPASS_URL": httpserver.url_for("/api/interpreter")},
    )


def test_dialog_mergechargepoints(evplanner, charge_points):
    run_as_the_dialog("mergechargepoints", {"INPUTS": [charge_points]})


def test_dialog_coveragecheck(evplanner, sample_dir, charge_points):
    wijken = str(sample_dir / "wijken_cbs_2024.geojson")
    run_as_the_dialog(
        "coveragecheck", {"DEMAND": wijken, "DEMAND_FIELD": "huishoudens", "CHARGE_POINTS": charge_points}
    )


def test_dialog_distributedemand(evplanner, sample_dir):
    wijken = str(sample_dir / "wijken_cbs_2024.geojson")
    run_as_the_dialog(
        "distributedemand",
        {"AREAS": wijken, "FIELDS": ["huishoudens"]},
        [("TARGETS", delft_addresses(sample_dir))],
    )


def test_dialog_forecastdemand(evplanner, sample_dir, charge_points):
    wijken = str(sample_dir / "wijken_cbs_2024.geojson")
    run_as_the_dialog(
        "forecastdemand",
        {"AREAS": wijken, "HOUSEHOLDS_FIELD": "huishoudens", "CHARGE_POINTS": charge_points},
    )


def test_dialog_generatecandidates(evplanner, sample_dir):
    run_as_the_dialog(
        "generatecandidates", {"AREA": str(sample_dir / "boundary.geojson"), "METHOD": 0, "SPACING": 500}
    )


def test_dialog_scorecandidates(evplanner, sample_dir, charge_points):
    addresses = delft_addresses(sample_dir)
    run_as_the_dialog(
        "scorecandidates",
        {"CHARGE_POINTS": charge_points},
        [("CANDIDATES", delft_candidates(addresses, 300.0)), ("DEMAND", addresses)],
    )


def test_dialog_selectlocations(evplanner, sample_dir, charge_points):
    addresses = delft_addresses(sample_dir)
    run_as_the_dialog(
        "selectlocations",
        {"CHARGE_POINTS": charge_points, "COUNT": 2},
        [("CANDIDATES", delft_candidates(addresses, 300.0)), ("DEMAND", addresses)],
    )


def test_dialog_evaluaterequests(evplanner, sample_dir, charge_points):
    run_as_the_dialog(
        "evaluaterequests",
        {"REQUESTS": str(sample_dir / "requests_example.csv"), "CHARGE_POINTS": charge_points},
        [("ADDRESSES", delft_addresses(sample_dir))],
    )


def test_dialog_walkingdistance(evplanner):
    run_as_the_dialog(
        "walkingdistance",
        {},
        [
            ("INPUT", point_layer([(0, 100)], name="homes")),
            ("TARGETS", point_layer([(900, 0)], name="targets")),
            ("NETWORK", line_layer([[(0, 0), (1000, 0)], [(0, 0), (0, 100)]])),
        ],
    )


def test_dialog_reviewkpis(evplanner, review):
    run_as_the_dialog("reviewkpis", {"REVIEW": review})


def test_dialog_usagekpis(evplanner, sample_dir, charge_points):
    run_as_the_dialog(
        "usagekpis", {"CHARGE_POINTS": charge_points, "OCCUPANCY": str(sample_dir / "occupancy")}
    )


def test_dialog_operatorperformance(evplanner, charge_points):
    run_as_the_dialog("operatorperformance", {"CHARGE_POINTS": charge_points, "MIN_POWER_KW": 11})


@pytest.mark.parametrize(
    ("algorithm_id", "name"),
    [("loadocpi", "SOURCE"), ("loadocpi", "TARIFF_SOURCE"), ("loadocpisessions", "SOURCE")],
)
def test_ocpi_sources_offer_a_file_picker_and_take_a_url(evplanner, algorithm_id, name):
    """The dialog shows a file widget (with "…") whose text field also takes a typed URL."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(f"evplanner:{algorithm_id}")
    parameter = algorithm.parameterDefinition(name)
    assert parameter.type() == "file"
    assert "*.json.gz" in parameter.fileFilter()
    for value in ("https://ocpi.example.com/ocpi/versions", "http://127.0.0.1:8080/ocpi/2.2.1/locations?x=1"):
        assert parameter.checkValueIsAcceptable(value), value
    assert parameter.checkValueIsAcceptable("sample_data/delft/charge_points.ocpi.json")
