"""evplanner:distributedemand: spread area statistics (households, cars) over address points or buildings."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
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
from ...core.potential.candidates import locate_points
from ...core.potential.demand import distribute
from ..base import EvPlannerAlgorithm, tr_noop
from ..layers import (
    choose_metric_crs,
    core_progress,
    fields_with_results,
    numeric_values,
    polygons_with_owners,
    progress_range,
    read_geometries,
    read_points,
    read_representative_points,
    report_skipped,
    require_features,
    require_fields,
    require_geometry_type,
)
from ..styles import style_output

# Areas listed one by one in the log; beyond this only the total is given.
MAX_LISTED_AREAS = 20


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
        fields.setHelp(self.tr("One or more numeric fields of AREAS, e.g. households and cars."))
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
            self.tr("Optional numeric field of TARGETS (e.g. dwellings); without it every target weighs 1.")
        )
        rounding = QgsProcessingParameterBoolean(
            self.ROUND_TO_INTEGERS, self.tr("Whole numbers (largest remainder)"), defaultValue=False
        )
        rounding.setHelp(self.tr("Give whole shares whose sum per area equals the area's value rounded."))
        rounding.setFlags(rounding.flags() | PARAMETER_ADVANCED)
        crs = QgsProcessingParameterCrs(self.CRS, self.tr("Metric CRS for measuring"), optional=True)
        crs.setHelp(
            self.tr("Projected CRS in metres; by default chosen from the data (RD New in the Netherlands).")
        )
        crs.setFlags(crs.flags() | PARAMETER_ADVANCED)
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
                "Optional field of AREAS (e.g. wijkcode) copied to each target as area_id and used in messages."
            )
        )
        area_id.setFlags(area_id.flags() | PARAMETER_ADVANCED)
        for parameter in (areas, fields, targets, weight, area_id, rounding, crs, output):
            self.addParameter(parameter)
        self.addOutput(QgsProcessingOutputNumber(self.TARGET_COUNT, self.tr("Targets with a share")))
        self.addOutput(QgsProcessingOutputNumber(self.EMPTY_AREA_COUNT, self.tr("Areas without targets")))
        self.addOutput(QgsProcessingOutputNumber(self.TARGETS_OUTSIDE, self.tr("Targets outside every area")))

    def run_algorithm(self, parameters, context, feedback):
        areas_source = require_features(self.parameterAsSource(parameters, self.AREAS, context), "AREAS")
        require_geometry_type(areas_source, GEOMETRY_POLYGON, "AREAS")
        targets_source = require_features(
            self.parameterAsSource(parameters, self.TARGETS, context), "TARGETS"
        )
        target_kind = QgsWkbTypes.geometryType(targets_source.wkbType())
        if target_kind not in (GEOMETRY_POINT, GEOMETRY_POLYGON):
            raise QgsProcessingException(self.tr("The layer TARGETS must hold points or polygons."))
        field_names = self.parameterAsFields(parameters, self.FIELDS, context)
        if not field_names:
            raise QgsProcessingException(
                self.tr("Choose at least one field of AREAS to distribute (FIELDS).")
            )
        require_fields(areas_source, field_names, "AREAS")
        area_id_field = self.parameterAsString(parameters, self.AREA_ID_FIELD, context)
        if area_id_field:
            require_fields(areas_source, [area_id_field], "AREAS")
        weight_field = self.parameterAsString(parameters, self.WEIGHT_FIELD, context)
        if weight_field:
            require_fields(targets_source, [weight_field], "TARGETS")
        integers = self.parameterAsBoolean(parameters, self.ROUND_TO_INTEGERS, context)
        crs = choose_metric_crs(
            context,
            [areas_source, targets_source],
            self.parameterAsCrs(parameters, self.CRS, context),
            feedback,
        )

        areas = read_geometries(
            areas_source,
            crs,
            context,
            progress_range(feedback, 0, 10),
            list(dict.fromkeys([*field_names, area_id_field] if area_id_field else field_names)),
        )
        if feedback.isCanceled():
            return {}
        report_skipped(feedback, "AREAS", areas.skipped)
        if areas.repaired:
            feedback.pushWarning(
                self.tr("{layer}: {count} invalid geometries repaired.").format(
                    layer="AREAS", count=areas.repaired
                )
            )
        if not len(areas):
            raise QgsProcessingException(self.tr("The layer AREAS has no usable polygon."))
        values = np.column_stack(
            [numeric_values(areas.attributes[name], name, "AREAS") for name in field_names]
        )
        feedback.setProgress(10)

        target_fields = targets_source.fields()
        if target_kind == GEOMETRY_POLYGON:
            targets, repaired = read_representative_points(
                targets_source, crs, context, target_fields.names(), progress_range(feedback, 10, 30)
            )
            if repaired:
                feedback.pushWarning(
                    self.tr("{layer}: {count} invalid geometries repaired.").format(
                        layer="TARGETS", count=repaired
                    )
                )
        else:
            targets = read_points(
                targets_source, crs, context, progress_range(feedback, 10, 30), target_fields.names()
            )
        report_skipped(feedback, "TARGETS", targets.skipped)
        if not len(targets):
            raise QgsProcessingException(self.tr("The layer TARGETS has no usable geometry."))
        weights = targets.numeric(weight_field, "TARGETS") if weight_field else None
        if feedback.isCanceled():
            return {}
        feedback.setProgress(30)

        polygons, owners = polygons_with_owners(areas.geometries)
        part = locate_points(targets.xy, polygons, core_progress(feedback, 30, 80))
        target_area = np.where(part >= 0, owners[np.maximum(part, 0)], -1)
        result = distribute(values, target_area, weights, integers)
        area_labels = self._area_labels(areas, area_id_field)
        self._report(feedback, area_labels, field_names, values, result)

        new_fields = QgsFields()
        new_fields.append(QgsField("area_fid", FieldType.INT64))
        if area_id_field:
            new_fields.append(QgsField("area_id", FieldType.STRING))
        new_fields.append(QgsField("weight", FieldType.DOUBLE))
        for name in field_names:
            new_fields.append(QgsField(name, FieldType.DOUBLE))
        fields, kept_names = fields_with_results(target_fields, new_fields, feedback, "TARGETS")
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, WKB_POINT, targets_source.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        back = QgsCoordinateTransform(crs, targets_source.sourceCrs(), context.transformContext())
        used_weights = np.ones(len(targets)) if weights is None else weights
        located = np.nonzero(result.area_index >= 0)[0]
        original = [targets.attributes[name] for name in kept_names]
        batch = []
        for count, i in enumerate(located.tolist()):
            if count % 5000 == 0:
                if feedback.isCanceled():
                    return {}
                feedback.setProgress(80 + 20 * count / max(len(located), 1))
            geometry = QgsGeometry.fromPointXY(QgsPointXY(*targets.xy[i]))
            geometry.transform(back)
            feature = QgsFeature(fields)
            feature.setGeometry(geometry)
            feature.setAttributes(
                [column[i] for column in original]
                + [int(areas.feature_ids[result.area_index[i]])]
                + ([area_labels[result.area_index[i]]] if area_id_field else [])
                + [float(used_weights[i])]
                + result.shares[i].tolist()
            )
            batch.append(feature)
            if len(batch) >= 5000:
                sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert)
                batch = []
        if batch:
            sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert)
        feedback.setProgress(100)
        # Close the sink so a GeoPackage is complete before its style is stored in it.
        del sink
        style_output(context, dest_id, "demand_points")
        return {
            self.OUTPUT: dest_id,
            self.TARGET_COUNT: len(located),
            self.EMPTY_AREA_COUNT: len(result.empty_areas),
            self.TARGETS_OUTSIDE: int((result.area_index < 0).sum()),
        }

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
