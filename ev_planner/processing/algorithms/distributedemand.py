"""evplanner:distributedemand: spread area statistics (households, cars) over address points or buildings."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSource,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)

from ...compat import (
    FIELD_NUMERIC,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    PARAMETER_ADVANCED,
    SOURCE_POINT,
    SOURCE_POLYGON,
    WKB_POINT,
    FieldType,
)
from ...core.errors import CanceledError
from ...core.potential.demand import distribute
from ..base import EvPlannerAlgorithm, tr_noop
from ..layers import (
    areas_of_points,
    choose_metric_crs,
    fields_with_results,
    numeric_values,
    progress_range,
    read_geometries,
    read_points,
    read_representative_points,
    report_repaired,
    report_skipped,
    require_features,
    require_fields,
    require_geometry_type,
)
from ..parameters import metric_crs_parameter
from ..sinks import open_sink, write_batched
from ..styles import style_output

# Areas listed one by one in the log; beyond this only the total is given.
MAX_LISTED_AREAS = 20


class _Inputs(NamedTuple):
    areas: QgsFeatureSource
    targets: QgsFeatureSource
    field_names: list[str]
    area_id_field: str
    weight_field: str
    integers: bool  # whole shares by the largest remainder
    crs: QgsCoordinateReferenceSystem  # the metric CRS targets are located in


class DistributeDemandAlgorithm(EvPlannerAlgorithm):
    ALGORITHM_ID = "distributedemand"
    GROUP_ID = "potential"
    DISPLAY_NAME = tr_noop("Distribute demand over addresses")

    AREAS = "AREAS"
    FIELDS = "FIELDS"
    TARGETS = "TARGETS"
    WEIGHT_FIELD = "WEIGHT_FIELD"
    AREA_ID_FIELD = "AREA_ID_FIELD"
    ROUND_TO_INTEGERS = "ROUND_TO_INTEGERS"
    CRS = "CRS"
    OUTPUT = "OUTPUT"
    EMPTY_AREA_COUNT = "EMPTY_AREA_COUNT"
    TARGETS_OUTSIDE = "TARGETS_OUTSIDE"
    TARGET_COUNT = "TARGET_COUNT"

    def initAlgorithm(self, config=None) -> None:
        areas = QgsProcessingParameterFeatureSource(
            self.AREAS, self.tr("Areas with statistics (polygons)"), [SOURCE_POLYGON]
        )
        areas.setHelp(self.tr("Polygons with numbers to distribute, e.g. CBS wijken or buurten."))
        fields = QgsProcessingParameterField(
            self.FIELDS,
            self.tr("Fields to distribute"),
            parentLayerParameterName=self.AREAS,
            type=FIELD_NUMERIC,
            allowMultiple=True,
        )
        fields.setHelp(
            self.tr("One or more numeric fields of the areas with statistics, e.g. households and cars.")
        )
        targets = QgsProcessingParameterFeatureSource(
            self.TARGETS,
            self.tr("Targets (address points or buildings)"),
            [SOURCE_POINT, SOURCE_POLYGON],
        )
        targets.setHelp(self.tr("Address points or building polygons that receive a share of each field."))
        weight = QgsProcessingParameterField(
            self.WEIGHT_FIELD,
            self.tr("Weight field"),
            parentLayerParameterName=self.TARGETS,
            type=FIELD_NUMERIC,
            optional=True,
        )
        weight.setHelp(
            self.tr(
                "Optional numeric field of the targets (e.g. dwellings); without it every target weighs 1."
            )
        )
        rounding = QgsProcessingParameterBoolean(
            self.ROUND_TO_INTEGERS, self.tr("Whole numbers (largest remainder)"), defaultValue=False
        )
        rounding.setHelp(self.tr("Give whole shares whose sum per area equals the area's value rounded."))
        rounding.setFlags(rounding.flags() | PARAMETER_ADVANCED)
        crs = metric_crs_parameter(self.CRS)
        output = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Demand points"), SOURCE_POINT)
        output.setHelp(
            self.tr("Target points with their attributes, area_fid, weight and a share of each field.")
        )
        area_id = QgsProcessingParameterField(
            self.AREA_ID_FIELD,
            self.tr("Area identifier field"),
            parentLayerParameterName=self.AREAS,
            optional=True,
        )
        area_id.setHelp(
            self.tr(
                "Optional field of the areas (e.g. wijkcode) copied to each target as area_id and used in messages."
            )
        )
        area_id.setFlags(area_id.flags() | PARAMETER_ADVANCED)
        for parameter in (areas, fields, targets, weight, area_id, rounding, crs, output):
            self.addParameter(parameter)
        self.addOutput(QgsProcessingOutputNumber(self.TARGET_COUNT, self.tr("Targets with a share")))
        self.addOutput(QgsProcessingOutputNumber(self.EMPTY_AREA_COUNT, self.tr("Areas without targets")))
        self.addOutput(QgsProcessingOutputNumber(self.TARGETS_OUTSIDE, self.tr("Targets outside every area")))

    def run_algorithm(self, parameters, context, feedback):
        inputs = self._inputs(parameters, context, feedback)
        areas, values = self._read_areas(inputs, context, feedback)
        targets, weights = self._read_targets(inputs, context, feedback)
        target_area = areas_of_points(targets.xy, areas.geometries, feedback, 30, 80)
        result = distribute(values, target_area, weights, inputs.integers)
        area_labels = self._area_labels(areas, inputs.area_id_field)
        self._report(feedback, area_labels, inputs.field_names, values, result)
        dest_id, written = self._write(
            parameters, context, feedback, inputs, areas, area_labels, targets, weights, result
        )
        style_output(context, dest_id, "demand_points")
        return {
            self.OUTPUT: dest_id,
            self.TARGET_COUNT: written,
            self.EMPTY_AREA_COUNT: len(result.empty_areas),
            self.TARGETS_OUTSIDE: int((result.area_index < 0).sum()),
        }

    def _inputs(self, parameters, context, feedback) -> _Inputs:
        areas = require_features(self.parameterAsSource(parameters, self.AREAS, context), "AREAS")
        require_geometry_type(areas, GEOMETRY_POLYGON, "AREAS")
        targets = require_features(self.parameterAsSource(parameters, self.TARGETS, context), "TARGETS")
        if QgsWkbTypes.geometryType(targets.wkbType()) not in (GEOMETRY_POINT, GEOMETRY_POLYGON):
            raise QgsProcessingException(self.tr("The layer TARGETS must hold points or polygons."))
        field_names = self.parameterAsFields(parameters, self.FIELDS, context)
        if not field_names:
            raise QgsProcessingException(
                self.tr("Choose at least one field of AREAS to distribute (FIELDS).")
            )
        require_fields(areas, field_names, "AREAS")
        area_id_field = self.parameterAsString(parameters, self.AREA_ID_FIELD, context)
        if area_id_field:
            require_fields(areas, [area_id_field], "AREAS")
        weight_field = self.parameterAsString(parameters, self.WEIGHT_FIELD, context)
        if weight_field:
            require_fields(targets, [weight_field], "TARGETS")
        crs = choose_metric_crs(
            context, [areas, targets], self.parameterAsCrs(parameters, self.CRS, context), feedback
        )
        return _Inputs(
            areas,
            targets,
            field_names,
            area_id_field,
            weight_field,
            self.parameterAsBoolean(parameters, self.ROUND_TO_INTEGERS, context),
            crs,
        )

    def _read_areas(self, inputs: _Inputs, context, feedback):
        """The areas in the metric CRS and the values to distribute (one column per field)."""
        wanted = [*inputs.field_names, inputs.area_id_field] if inputs.area_id_field else inputs.field_names
        areas = read_geometries(
            inputs.areas, inputs.crs, context, progress_range(feedback, 0, 10), list(dict.fromkeys(wanted))
        )
        if feedback.isCanceled():
            raise CanceledError()
        report_skipped(feedback, "AREAS", areas.skipped)
        report_repaired(feedback, "AREAS", areas.repaired)
        if not len(areas):
            raise QgsProcessingException(self.tr("The layer AREAS has no usable polygon."))
        values = np.column_stack(
            [numeric_values(areas.attributes[name], name, "AREAS") for name in inputs.field_names]
        )
        feedback.setProgress(10)
        return areas, values

    def _read_targets(self, inputs: _Inputs, context, feedback):
        """The targets as points in the metric CRS (buildings at a point inside) and their weights."""
        source, names = inputs.targets, inputs.targets.fields().names()
        if QgsWkbTypes.geometryType(source.wkbType()) == GEOMETRY_POLYGON:
            targets, repaired = read_representative_points(
                source, inputs.crs, context, names, progress_range(feedback, 10, 30)
            )
            report_repaired(feedback, "TARGETS", repaired)
        else:
            targets = read_points(source, inputs.crs, context, progress_range(feedback, 10, 30), names)
        report_skipped(feedback, "TARGETS", targets.skipped)
        if not len(targets):
            raise QgsProcessingException(self.tr("The layer TARGETS has no usable geometry."))
        weights = targets.numeric(inputs.weight_field, "TARGETS") if inputs.weight_field else None
        if feedback.isCanceled():
            raise CanceledError()
        feedback.setProgress(30)
        return targets, weights

    def _write(self, parameters, context, feedback, inputs, areas, area_labels, targets, weights, result):
        """The located targets with their share; returns the destination and the number written."""
        source = inputs.targets
        fields, kept_names = fields_with_results(source.fields(), _result_fields(inputs), feedback, "TARGETS")
        sink, dest_id = open_sink(
            self, parameters, self.OUTPUT, context, fields, WKB_POINT, source.sourceCrs()
        )
        back = QgsCoordinateTransform(inputs.crs, source.sourceCrs(), context.transformContext())
        used_weights = np.ones(len(targets)) if weights is None else weights
        located = np.nonzero(result.area_index >= 0)[0]
        original = [targets.attributes[name] for name in kept_names]

        def features():
            for i in located.tolist():
                area = result.area_index[i]
                geometry = QgsGeometry.fromPointXY(QgsPointXY(*targets.xy[i]))
                geometry.transform(back)
                feature = QgsFeature(fields)
                feature.setGeometry(geometry)
                feature.setAttributes(
                    [column[i] for column in original]
                    + [int(areas.feature_ids[area])]
                    + ([area_labels[area]] if inputs.area_id_field else [])
                    + [float(used_weights[i])]
                    + result.shares[i].tolist()
                )
                yield feature

        written = write_batched(sink, features(), len(located), feedback, 80, 100)
        del sink  # close it so a GeoPackage is complete before its style is stored in it
        return dest_id, written

    def _area_labels(self, areas, area_id_field: str) -> list[str]:
        if not area_id_field:
            return [self.tr("feature id {fid}").format(fid=fid) for fid in areas.feature_ids]
        return [
            "" if value is None or (hasattr(value, "isNull") and value.isNull()) else str(value)
            for value in areas.attributes[area_id_field]
        ]

    def _report(self, feedback, area_labels, field_names, values, result) -> None:
        outside = int((result.area_index < 0).sum())
        if outside:
            feedback.reportError(
                self.tr("{count} target(s) lie outside every area and get no share.").format(count=outside),
                False,
            )
        for n, index in enumerate(result.empty_areas.tolist()):
            if n >= MAX_LISTED_AREAS:
                break
            amounts = ", ".join(
                f"{name} = {values[index, column]:g}" for column, name in enumerate(field_names)
            )
            feedback.reportError(
                self.tr("Area {area} contains no target; not distributed: {amounts}.").format(
                    area=area_labels[index], amounts=amounts
                ),
                False,
            )
        if len(result.empty_areas):
            totals = ", ".join(
                f"{name} = {result.undistributed[column]:g}" for column, name in enumerate(field_names)
            )
            feedback.reportError(
                self.tr("{count} area(s) without targets; in total not distributed: {totals}.").format(
                    count=len(result.empty_areas), totals=totals
                ),
                False,
            )
        if len(result.equal_split_areas):
            feedback.pushWarning(
                self.tr(
                    "{count} area(s) have only targets of weight 0; their values were split equally."
                ).format(count=len(result.equal_split_areas))
            )
        distributed = values.sum(axis=0) - result.undistributed
        for column, name in enumerate(field_names):
            feedback.pushInfo(
                self.tr("{field}: {value:g} distributed over the targets.").format(
                    field=name, value=float(distributed[column])
                )
            )


def _result_fields(inputs: _Inputs) -> QgsFields:
    fields = QgsFields()
    fields.append(QgsField("area_fid", FieldType.INT64))
    if inputs.area_id_field:
        fields.append(QgsField("area_id", FieldType.STRING))
    fields.append(QgsField("weight", FieldType.DOUBLE))
    for name in inputs.field_names:
        fields.append(QgsField(name, FieldType.DOUBLE))
    return fields
