"""A failed or canceled run leaves no half-written output (processing/base.py, begun_outputs.py).

The algorithm below is a real EvPlannerAlgorithm, run through QGIS's own
``QgsProcessingAlgorithm.run`` as the dialog and qgis_process run it: it writes a few
features into its sink and then fails the way a real algorithm can (Cancel, bad input).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import QgsCoordinateReferenceSystem as Crs
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
    QgsVectorLayer,
)

from ev_planner.compat import WKB_POINT, FieldType
from ev_planner.core.errors import CanceledError, InputError
from ev_planner.processing.base import EvPlannerAlgorithm
from ev_planner.processing.sinks import add_features
from tests.support.feedback import RecordingFeedback
from tests.support.layers import write_layer


class WritesThenFails(EvPlannerAlgorithm):
    ALGORITHM_ID = "testwritesthenfails"
    GROUP_ID = "potential"
    DISPLAY_NAME = "Writes then fails"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString("FAILURE", "Failure", defaultValue="cancel"))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", "Output"))

    def run_algorithm(self, parameters, context, feedback):
        fields = QgsFields()
        fields.append(QgsField("n", FieldType.INT))
        sink, dest_id = self.parameterAsSink(
            parameters, "OUTPUT", context, fields, WKB_POINT, Crs("EPSG:28992")
        )
        features = []
        for n in range(5):
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(85000 + n, 446000)))
            feature.setAttributes([n])
            features.append(feature)
        add_features(sink, features)
        failure = self.parameterAsString(parameters, "FAILURE", context)
        if failure == "cancel":
            raise CanceledError()
        if failure == "input":
            raise InputError("The layer {layer} has no field {field}.", layer="x", field="y")
        return {"OUTPUT": dest_id}


def run(output, failure: str):
    algorithm = WritesThenFails()
    algorithm.initAlgorithm()
    feedback = RecordingFeedback()
    results, ok = algorithm.run({"FAILURE": failure, "OUTPUT": output}, QgsProcessingContext(), feedback)
    return ok, results, feedback


def existing_geopackage(path: Path) -> None:
    """A GeoPackage of the user's, with one layer ``kept`` of two features."""
    layer = QgsVectorLayer("Point?crs=EPSG:28992&field=name:string", "kept", "memory")
    for name in ("a", "b"):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(85000, 446000)))
        feature.setAttributes([name])
        layer.dataProvider().addFeature(feature)
    write_layer(layer, path, "kept")


def layer_names(path: Path) -> list[str]:
    dataset = ogr.Open(str(path))
    return [dataset.GetLayerByIndex(i).GetName() for i in range(dataset.GetLayerCount())]


@pytest.mark.parametrize("failure", ["cancel", "input"])
def test_a_new_geopackage_of_a_failed_run_is_removed(qgis_app, tmp_path, failure):
    output = tmp_path / "result.gpkg"
    ok, _, feedback = run(str(output), failure)
    assert not ok
    assert not output.exists()
    assert not list(tmp_path.iterdir())  # no -wal/-shm left either
    assert any("Removed the incomplete output" in info for info in feedback.infos)
    expected = "Canceled: nothing was written." if failure == "cancel" else "has no field y"
    assert any(expected in error for error in feedback.errors), feedback.errors


def test_a_canceled_run_keeps_the_other_layers_of_an_existing_geopackage(qgis_app, tmp_path):
    output = tmp_path / "planning.gpkg"
    existing_geopackage(output)
    ok, _, feedback = run(str(output), "cancel")
    assert not ok
    assert any("planning.gpkg (planning)" in info for info in feedback.infos), feedback.infos
    assert layer_names(output) == ["kept"]
    assert ogr.Open(str(output)).GetLayerByName("kept").GetFeatureCount() == 2


def test_a_new_shapefile_of_a_canceled_run_is_removed_with_its_sidecars(qgis_app, tmp_path):
    ok, _, feedback = run(str(tmp_path / "result.shp"), "cancel")
    assert not ok
    assert any("Removed the incomplete output" in info for info in feedback.infos)
    assert not list(tmp_path.iterdir())


def test_a_successful_run_keeps_its_output(qgis_app, tmp_path):
    output = tmp_path / "result.gpkg"
    ok, results, feedback = run(str(output), "none")
    assert ok, feedback.errors
    assert QgsVectorLayer(results["OUTPUT"], "r", "ogr").featureCount() == 5
    assert not any("Removed" in info for info in feedback.infos)


def test_a_canceled_run_to_a_temporary_layer_fails_cleanly(qgis_app):
    ok, _, feedback = run("TEMPORARY_OUTPUT", "cancel")
    assert not ok
    assert any("Canceled: nothing was written." in error for error in feedback.errors), feedback.errors
    assert not any("Could not remove" in error for error in feedback.errors)
