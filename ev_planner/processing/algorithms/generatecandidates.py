"""evplanner:generatecandidates: candidate sites on a grid, a hexagonal lattice or along streets."""

from __future__ import annotations

from typing import Any

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsMapLayer,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ...compat import (
    GEOMETRY_LINE,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    NUMBER_DOUBLE,
    NUMBER_INTEGER,
    PARAMETER_ADVANCED,
    SOURCE_LINE,
    SOURCE_POINT,
    SOURCE_POLYGON,
    SOURCE_VECTOR_ANY,
    WKB_POINT,
    FieldType,
)
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
    report_skipped,
    require_features,
    require_geometry_type,
)
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


def write_points(
    sink: QgsFeatureSink,
    fields: QgsFields,
    xy: np.ndarray,
    rows: list[list[Any]],
    transform: QgsCoordinateTransform,
) -> None:
    """Add points given in the metric CRS, transformed back to the output CRS, with their attributes."""
    batch = []
    for (x, y), row in zip(xy.tolist(), rows):
        geometry = QgsGeometry.fromPointXY(QgsPointXY(x, y))
        geometry.transform(transform)
        feature = QgsFeature(fields)
        feature.setGeometry(geometry)
        feature.setAttributes(row)
        batch.append(feature)
        if len(batch) >= 5000:
            sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert)
            batch = []
    if batch:
        sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert)


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
            self.tr("grid: square grid; hexagon: hexagonal lattice; along streets: points along STREETS.")
        )
        spacing = QgsProcessingParameterNumber(
            self.SPACING,
            self.tr("Spacing (m)"),
            NUMBER_DOUBLE,
            defaultValue=50.0,
            minValue=1.0,
        )
        spacing.setHelp(self.tr("Distance between neighbouring candidates, in metres."))
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
                "EXCLUDE_DISTANCE metres around them (trees, hydrants, cables)."
            )
        )
        exclude_distance = QgsProcessingParameterNumber(
            self.EXCLUDE_DISTANCE,
            self.tr("Exclusion distance around points and lines (m)"),
            NUMBER_DOUBLE,
            defaultValue=5.0,
            minValue=0.0,
        )
        exclude_distance.setHelp(
            self.tr("Candidates closer than this to an exclusion point or line are removed.")
        )
        charge_points = QgsProcessingParameterFeatureSource(
            self.CHARGE_POINTS,
            self.tr("Existing charge points"),
            [SOURCE_POINT],
            optional=True,
        )
        charge_points.setHelp(self.tr("Existing charge points; candidates near them are removed."))
        min_distance = QgsProcessingParameterNumber(
            self.MIN_DISTANCE_EXISTING,
            self.tr("Minimum distance to existing charge points (m)"),
            NUMBER_DOUBLE,
            defaultValue=50.0,
            minValue=0.0,
        )
        min_distance.setHelp(
            self.tr("Candidates at most this far from an existing charge point are removed.")
        )
        crs = QgsProcessingParameterCrs(self.CRS, self.tr("Metric CRS for measuring"), optional=True)
        crs.setHelp(
            self.tr("Projected CRS in metres; by default chosen from the data (RD New in the Netherlands).")
        )
        crs.setFlags(crs.flags() | PARAMETER_ADVANCED)
        limit = QgsProcessingParameterNumber(
            self.MAX_CANDIDATES,
            self.tr("Most candidates to generate"),
            NUMBER_INTEGER,
            defaultValue=DEFAULT_MAX_CANDIDATES,
            minValue=1,
        )
        limit.setHelp(
            self.tr(
                "A spacing that would give more candidates is refused before anything is generated or written."
            )
        )
        limit.setFlags(limit.flags() | PARAMETER_ADVANCED)
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

    def run_algorithm(self, parameters, context, feedback):
        area_source = require_features(self.parameterAsSource(parameters, self.AREA, context), "AREA")
        require_geometry_type(area_source, GEOMETRY_POLYGON, "AREA")
        method = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        spacing = self.parameterAsDouble(parameters, self.SPACING, context)
        exclude_distance = self.parameterAsDouble(parameters, self.EXCLUDE_DISTANCE, context)
        min_distance = self.parameterAsDouble(parameters, self.MIN_DISTANCE_EXISTING, context)
        if spacing <= 0 or exclude_distance < 0 or min_distance < 0:
            raise QgsProcessingException(self.tr("Spacing must be positive and distances zero or positive."))
        streets_source = self.parameterAsSource(parameters, self.STREETS, context)
        charge_source = self.parameterAsSource(parameters, self.CHARGE_POINTS, context)
        exclude_layers = self.parameterAsLayerList(parameters, self.EXCLUDE, context)
        if method == "along_streets":
            if streets_source is None:
                raise QgsProcessingException(self.tr("The method 'along streets' needs a STREETS layer."))
            require_features(streets_source, "STREETS")
            require_geometry_type(streets_source, GEOMETRY_LINE, "STREETS")
        if charge_source is not None:
            require_geometry_type(charge_source, GEOMETRY_POINT, "CHARGE_POINTS")

        crs = choose_metric_crs(
            context, [area_source], self.parameterAsCrs(parameters, self.CRS, context), feedback
        )

        area = read_geometries(area_source, crs, context, progress_range(feedback, 0, 5))
        if feedback.isCanceled():
            return {}
        self._report(feedback, "AREA", area)
        area_rings = dissolved_rings(area.geometries)
        if not area_rings:
            raise QgsProcessingException(self.tr("The layer AREA has no usable polygon."))
        feedback.setProgress(5)

        streets: list[np.ndarray] = []
        if method == "along_streets":
            street_geometries = read_geometries(streets_source, crs, context, progress_range(feedback, 5, 10))
            self._report(feedback, "STREETS", street_geometries)
            for geometry in street_geometries.geometries:
                streets.extend(geometry_to_lines(geometry))
            if not streets:
                raise QgsProcessingException(self.tr("The layer STREETS has no usable line."))

        exclude_polygons, exclude_points, exclude_lines = self._read_exclusions(
            exclude_layers, crs, context, feedback
        )
        existing = None
        if charge_source is not None:
            points = read_points(charge_source, crs, context, progress_range(feedback, 18, 20))
            report_skipped(feedback, "CHARGE_POINTS", points.skipped)
            existing = points.xy
        if feedback.isCanceled():
            return {}
        feedback.setProgress(20)

        result = generate_candidates(
            method,
            spacing,
            area_rings,
            streets=streets,
            exclude_polygons=exclude_polygons,
            exclude_points=exclude_points,
            exclude_lines=exclude_lines,
            exclude_distance=exclude_distance,
            existing=existing,
            min_distance_existing=min_distance,
            progress=core_progress(feedback, 20, 85),
            max_candidates=self.parameterAsInt(parameters, self.MAX_CANDIDATES, context),
        )
        self._report_counts(feedback, result.counts)

        fields = QgsFields()
        fields.append(QgsField("candidate_id", FieldType.INT))
        fields.append(QgsField("method", FieldType.STRING, len=20))
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, WKB_POINT, area_source.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        back = QgsCoordinateTransform(crs, area_source.sourceCrs(), context.transformContext())
        rows = [[i + 1, method] for i in range(len(result.xy))]
        write_points(sink, fields, result.xy, rows, back)
        feedback.setProgress(100)
        # Close the sink so a GeoPackage is complete before its style is stored in it.
        del sink
        style_output(context, dest_id, "candidates")
        return {self.OUTPUT: dest_id, self.CANDIDATE_COUNT: len(result.xy)}

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
                break
        exclude_points = np.vstack(point_arrays) if point_arrays else None
        # No union needed: each exclusion polygon is tested on its own (and a union of many
        # buildings would be slow).
        return polygons_with_owners(polygon_geometries)[0], exclude_points, lines

    def _report(self, feedback, label: str, geometries) -> None:
        report_skipped(feedback, label, geometries.skipped)
        if geometries.repaired:
            feedback.pushWarning(
                self.tr("{layer}: {count} invalid geometries repaired.").format(
                    layer=label, count=geometries.repaired
                )
            )

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
