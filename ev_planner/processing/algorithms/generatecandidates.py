"""evplanner:generatecandidates: candidate sites on a grid, a hexagonal lattice or along streets."""

from __future__ import annotations

from typing import Iterator, NamedTuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSource,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsMapLayer,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterMultipleLayers,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ...compat import (
    GEOMETRY_LINE,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    SOURCE_LINE,
    SOURCE_POINT,
    SOURCE_POLYGON,
    SOURCE_VECTOR_ANY,
    WKB_POINT,
    FieldType,
)
from ...core.errors import CanceledError
from ...core.potential.candidates import DEFAULT_MAX_CANDIDATES, METHODS, generate_candidates
from ..base import EvPlannerAlgorithm, tr_noop
from ..layers import (
    choose_metric_crs,
    core_progress,
    geometry_to_lines,
    geometry_to_rings,
    polygons_with_owners,
    progress_range,
    read_geometries,
    read_points,
    report_repaired,
    report_skipped,
    require_features,
    require_geometry_type,
)
from ..parameters import advanced, count_parameter, distance_parameter, metric_crs_parameter
from ..sinks import open_sink, write_batched
from ..styles import style_output

METHOD_LABELS = (tr_noop("grid"), tr_noop("hexagon"), tr_noop("along streets"))


def dissolved_rings(geometries: list[QgsGeometry]) -> list[list[np.ndarray]]:
    """Polygons of the union of ``geometries``, so that overlaps do not cancel out under even-odd."""
    if not geometries:
        return []
    union = QgsGeometry.unaryUnion(geometries)
    if union is None or union.isNull() or union.isEmpty():
        return []
    return geometry_to_rings(union)


def candidate_features(
    fields: QgsFields, xy: np.ndarray, method: str, transform: QgsCoordinateTransform
) -> Iterator[QgsFeature]:
    """Candidates given in the metric CRS, transformed back to the output CRS, numbered from 1."""
    for i, (x, y) in enumerate(xy.tolist()):
        geometry = QgsGeometry.fromPointXY(QgsPointXY(x, y))
        geometry.transform(transform)
        feature = QgsFeature(fields)
        feature.setGeometry(geometry)
        feature.setAttributes([i + 1, method])
        yield feature


class _Inputs(NamedTuple):
    area: QgsFeatureSource
    method: str
    spacing: float
    streets: QgsFeatureSource | None  # only for the method along_streets
    exclude_layers: list[QgsMapLayer]
    exclude_distance: float
    charge_points: QgsFeatureSource | None
    min_distance: float
    crs: QgsCoordinateReferenceSystem  # the metric CRS candidates are placed in


class GenerateCandidatesAlgorithm(EvPlannerAlgorithm):
    ALGORITHM_ID = "generatecandidates"
    GROUP_ID = "potential"
    DISPLAY_NAME = tr_noop("Generate candidate locations")

    AREA = "AREA"
    METHOD = "METHOD"
    SPACING = "SPACING"
    STREETS = "STREETS"
    EXCLUDE = "EXCLUDE"
    EXCLUDE_DISTANCE = "EXCLUDE_DISTANCE"
    CHARGE_POINTS = "CHARGE_POINTS"
    MIN_DISTANCE_EXISTING = "MIN_DISTANCE_EXISTING"
    CRS = "CRS"
    MAX_CANDIDATES = "MAX_CANDIDATES"
    OUTPUT = "OUTPUT"
    CANDIDATE_COUNT = "CANDIDATE_COUNT"

    def initAlgorithm(self, config=None) -> None:
        area = QgsProcessingParameterFeatureSource(self.AREA, self.tr("Area (polygons)"), [SOURCE_POLYGON])
        area.setHelp(self.tr("Polygons inside which candidates are placed, e.g. the municipal boundary."))
        method = QgsProcessingParameterEnum(
            self.METHOD,
            self.tr("Method"),
            options=[self.tr(label) for label in METHOD_LABELS],
            defaultValue=0,
        )
        method.setHelp(
            self.tr(
                "grid: square grid; hexagon: hexagonal lattice; along streets: points along the streets (lines)."
            )
        )
        spacing = distance_parameter(
            self.SPACING,
            self.tr("Spacing (m)"),
            50.0,
            self.tr("Distance between neighbouring candidates, in metres."),
            minimum=1.0,
        )
        streets = QgsProcessingParameterFeatureSource(
            self.STREETS, self.tr("Streets (lines)"), [SOURCE_LINE], optional=True
        )
        streets.setHelp(self.tr("Street centre lines; required for the method 'along streets'."))
        exclude = QgsProcessingParameterMultipleLayers(
            self.EXCLUDE, self.tr("Exclusion layers"), SOURCE_VECTOR_ANY, optional=True
        )
        exclude.setHelp(
            self.tr(
                "Polygons exclude their area (buildings, water, parks); points and lines exclude "
                "the exclusion distance around them (trees, hydrants, cables)."
            )
        )
        exclude_distance = distance_parameter(
            self.EXCLUDE_DISTANCE,
            self.tr("Exclusion distance around points and lines (m)"),
            5.0,
            self.tr("Candidates closer than this to an exclusion point or line are removed."),
        )
        charge_points = QgsProcessingParameterFeatureSource(
            self.CHARGE_POINTS,
            self.tr("Existing charge points"),
            [SOURCE_POINT],
            optional=True,
        )
        charge_points.setHelp(self.tr("Existing charge points; candidates near them are removed."))
        min_distance = distance_parameter(
            self.MIN_DISTANCE_EXISTING,
            self.tr("Minimum distance to existing charge points (m)"),
            50.0,
            self.tr("Candidates at most this far from an existing charge point are removed."),
        )
        crs = metric_crs_parameter(self.CRS)
        limit = advanced(
            count_parameter(
                self.MAX_CANDIDATES,
                self.tr("Most candidates to generate"),
                DEFAULT_MAX_CANDIDATES,
                self.tr(
                    "A spacing that would give more candidates is refused before anything is generated or written."
                ),
                minimum=1,
            )
        )
        for parameter in (
            area,
            method,
            spacing,
            streets,
            exclude,
            exclude_distance,
            charge_points,
            min_distance,
            crs,
            limit,
        ):
            self.addParameter(parameter)
        output = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Candidates"), SOURCE_POINT)
        output.setHelp(self.tr("Candidate points with candidate_id and method."))
        self.addParameter(output)
        self.addOutput(QgsProcessingOutputNumber(self.CANDIDATE_COUNT, self.tr("Number of candidates")))

    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        along_streets = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)] == "along_streets"
        if along_streets and parameters.get(self.STREETS) in (None, ""):
            return False, self.tr("The method 'along streets' needs a STREETS layer.")
        return ok, message

    def run_algorithm(self, parameters, context, feedback):
        inputs = self._inputs(parameters, context, feedback)
        area_rings = self._read_area(inputs, context, feedback)
        streets = self._read_streets(inputs, context, feedback)
        exclude_polygons, exclude_points, exclude_lines = self._read_exclusions(
            inputs.exclude_layers, inputs.crs, context, feedback
        )
        existing = self._read_existing(inputs, context, feedback)
        result = generate_candidates(
            inputs.method,
            inputs.spacing,
            area_rings,
            streets=streets,
            exclude_polygons=exclude_polygons,
            exclude_points=exclude_points,
            exclude_lines=exclude_lines,
            exclude_distance=inputs.exclude_distance,
            existing=existing,
            min_distance_existing=inputs.min_distance,
            progress=core_progress(feedback, 20, 85),
            max_candidates=self.parameterAsInt(parameters, self.MAX_CANDIDATES, context),
        )
        self._report_counts(feedback, result.counts)
        dest_id = self._write(parameters, context, feedback, inputs, result.xy)
        style_output(context, dest_id, "candidates")
        return {self.OUTPUT: dest_id, self.CANDIDATE_COUNT: len(result.xy)}

    def _inputs(self, parameters, context, feedback) -> _Inputs:
        area = require_features(self.parameterAsSource(parameters, self.AREA, context), "AREA")
        require_geometry_type(area, GEOMETRY_POLYGON, "AREA")
        method = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        spacing = self.parameterAsDouble(parameters, self.SPACING, context)
        exclude_distance = self.parameterAsDouble(parameters, self.EXCLUDE_DISTANCE, context)
        min_distance = self.parameterAsDouble(parameters, self.MIN_DISTANCE_EXISTING, context)
        if spacing <= 0 or exclude_distance < 0 or min_distance < 0:
            raise QgsProcessingException(self.tr("Spacing must be positive and distances zero or positive."))
        streets = (
            self.parameterAsSource(parameters, self.STREETS, context) if method == "along_streets" else None
        )
        if streets is not None:
            require_features(streets, "STREETS")
            require_geometry_type(streets, GEOMETRY_LINE, "STREETS")
        charge_points = self.parameterAsSource(parameters, self.CHARGE_POINTS, context)
        if charge_points is not None:
            require_geometry_type(charge_points, GEOMETRY_POINT, "CHARGE_POINTS")
        exclude_layers = self.parameterAsLayerList(parameters, self.EXCLUDE, context)
        crs = choose_metric_crs(context, [area], self.parameterAsCrs(parameters, self.CRS, context), feedback)
        return _Inputs(
            area, method, spacing, streets, exclude_layers, exclude_distance, charge_points, min_distance, crs
        )

    def _read_area(self, inputs: _Inputs, context, feedback) -> list[list[np.ndarray]]:
        area = read_geometries(inputs.area, inputs.crs, context, progress_range(feedback, 0, 5))
        if feedback.isCanceled():
            raise CanceledError()
        self._report(feedback, "AREA", area)
        area_rings = dissolved_rings(area.geometries)
        if not area_rings:
            raise QgsProcessingException(self.tr("The layer AREA has no usable polygon."))
        feedback.setProgress(5)
        return area_rings

    def _read_streets(self, inputs: _Inputs, context, feedback) -> list[np.ndarray]:
        if inputs.method != "along_streets":
            return []
        if inputs.streets is None:  # e.g. run without checkParameterValues
            raise QgsProcessingException(self.tr("The method 'along streets' needs a STREETS layer."))
        geometries = read_geometries(inputs.streets, inputs.crs, context, progress_range(feedback, 5, 10))
        self._report(feedback, "STREETS", geometries)
        streets = [line for geometry in geometries.geometries for line in geometry_to_lines(geometry)]
        if not streets:
            raise QgsProcessingException(self.tr("The layer STREETS has no usable line."))
        return streets

    def _read_existing(self, inputs: _Inputs, context, feedback) -> np.ndarray | None:
        existing = None
        if inputs.charge_points is not None:
            points = read_points(inputs.charge_points, inputs.crs, context, progress_range(feedback, 18, 20))
            report_skipped(feedback, "CHARGE_POINTS", points.skipped)
            existing = points.xy
        if feedback.isCanceled():
            raise CanceledError()
        feedback.setProgress(20)
        return existing

    def _write(self, parameters, context, feedback, inputs: _Inputs, xy: np.ndarray) -> str:
        fields = QgsFields()
        fields.append(QgsField("candidate_id", FieldType.INT))
        fields.append(QgsField("method", FieldType.STRING, len=20))
        output_crs = inputs.area.sourceCrs()
        sink, dest_id = open_sink(self, parameters, self.OUTPUT, context, fields, WKB_POINT, output_crs)
        back = QgsCoordinateTransform(inputs.crs, output_crs, context.transformContext())
        write_batched(sink, candidate_features(fields, xy, inputs.method, back), len(xy), feedback, 85, 100)
        del sink  # close it so a GeoPackage is complete before its style is stored in it
        return dest_id

    def _read_exclusions(self, layers: list[QgsMapLayer], crs, context, feedback):
        polygon_geometries: list[QgsGeometry] = []
        point_arrays: list[np.ndarray] = []
        lines: list[np.ndarray] = []
        for layer in layers:
            if not isinstance(layer, QgsVectorLayer):
                raise QgsProcessingException(
                    self.tr("The exclusion layer {layer} is not a vector layer.").format(layer=layer.name())
                )
            kind = QgsWkbTypes.geometryType(layer.wkbType())
            label = f"EXCLUDE ({layer.name()})"
            if kind == GEOMETRY_POINT:
                points = read_points(layer, crs, context, progress_range(feedback, 10, 18))
                report_skipped(feedback, label, points.skipped)
                point_arrays.append(points.xy)
            elif kind in (GEOMETRY_LINE, GEOMETRY_POLYGON):
                geometries = read_geometries(layer, crs, context, progress_range(feedback, 10, 18))
                self._report(feedback, label, geometries)
                if kind == GEOMETRY_LINE:
                    for geometry in geometries.geometries:
                        lines.extend(geometry_to_lines(geometry))
                else:
                    polygon_geometries.extend(geometries.geometries)
            else:
                raise QgsProcessingException(
                    self.tr("The exclusion layer {layer} has no geometry.").format(layer=layer.name())
                )
            if feedback.isCanceled():
                raise CanceledError()
        exclude_points = np.vstack(point_arrays) if point_arrays else None
        # No union needed: each exclusion polygon is tested on its own (and a union of many
        # buildings would be slow).
        return polygons_with_owners(polygon_geometries)[0], exclude_points, lines

    def _report(self, feedback, label: str, geometries) -> None:
        report_skipped(feedback, label, geometries.skipped)
        report_repaired(feedback, label, geometries.repaired)

    def _report_counts(self, feedback, counts: dict[str, int]) -> None:
        labels = {
            "generated": self.tr("generated"),
            "duplicates": self.tr("duplicates at junctions removed"),
            "outside_area": self.tr("outside the area"),
            "excluded_polygons": self.tr("inside exclusion polygons"),
            "excluded_near": self.tr("near exclusion points or lines"),
            "near_existing": self.tr("near existing charge points"),
            "kept": self.tr("candidates kept"),
        }
        for key, count in counts.items():
            feedback.pushInfo(f"{labels.get(key, key)}: {count}")
