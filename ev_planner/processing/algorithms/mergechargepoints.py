"""evplanner:mergechargepoints: one feature per physical charge location from several layers."""

from __future__ import annotations

from typing import Any

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt

from ...compat import NUMBER_DOUBLE, SOURCE_POINT, FieldType
from ...core.errors import CanceledError
from ...core.schema import CHARGE_POINT_FIELD_NAMES, FieldSpec
from ...core.sources.merge import DEFAULT_DISTANCE_M, combine_group, merge_groups
from ..base import EvPlannerAlgorithm, tr_noop
from ..chargepoint_layer import write_charge_points
from ..layers import choose_metric_crs, read_points, report_skipped, require_fields

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
_KIND_OF_QVARIANT = {
    FieldType.INT: "int",
    FieldType.INT64: "int",
    FieldType.UINT: "int",
    FieldType.UINT64: "int",
    FieldType.DOUBLE: "float",
}


def plain_value(value: Any) -> Any:
    """A QGIS attribute value as a plain Python value (NULL -> None, dates -> ISO text)."""
    if value is None or (
        hasattr(value, "isNull") and not isinstance(value, (QDate, QDateTime)) and value.isNull()
    ):
        return None
    if isinstance(value, QDateTime):
        return value.toUTC().toString(Qt.DateFormat.ISODate) if value.isValid() else None
    if isinstance(value, QDate):
        return value.toString(Qt.DateFormat.ISODate) if value.isValid() else None
    return value


class MergeChargePointsAlgorithm(EvPlannerAlgorithm):
    ALGORITHM_ID = "mergechargepoints"
    GROUP_ID = "chargepoints"
    DISPLAY_NAME = tr_noop("Merge charge points")

    INPUTS = "INPUTS"
    DISTANCE = "DISTANCE"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None) -> None:
        inputs = QgsProcessingParameterMultipleLayers(
            self.INPUTS, self.tr("Charge-point layers"), SOURCE_POINT
        )
        inputs.setHelp(
            self.tr(
                "Layers in the common charge-point schema (outputs of the EV Planner loaders). Where source "
                "kinds are equal, earlier layers are more authoritative."
            )
        )
        distance = QgsProcessingParameterNumber(
            self.DISTANCE,
            self.tr("Merge distance (m)"),
            NUMBER_DOUBLE,
            defaultValue=DEFAULT_DISTANCE_M,
            minValue=0.0,
        )
        distance.setHelp(
            self.tr(
                "Records of different layers closer than this, and not naming different operators, are one location."
            )
        )
        output = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Merged charge points"))
        output.setHelp(
            self.tr(
                "One point per physical location, in the CRS of the first layer, with all contributing sources."
            )
        )
        for parameter in (inputs, distance, output):
            self.addParameter(parameter)

    def run_algorithm(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        layers = self.parameterAsLayerList(parameters, self.INPUTS, context)
        distance = self.parameterAsDouble(parameters, self.DISTANCE, context)
        if not layers:
            raise QgsProcessingException(self.tr("Give at least one charge-point layer."))
        for layer in layers:
            require_fields(layer, ["source", "source_id"], layer.name())
        metric = choose_metric_crs(context, layers, feedback=feedback)
        to_wgs84 = QgsCoordinateTransform(metric, WGS84, context.transformContext())

        extra: dict[str, FieldSpec] = {}
        records: list[dict] = []
        xy_rows: list[tuple[float, float]] = []
        inputs: list[int] = []
        removed = 0
        for index, layer in enumerate(layers):
            names = layer.fields().names()
            for field in layer.fields():
                if (
                    field.name() not in CHARGE_POINT_FIELD_NAMES
                    and field.name() not in extra
                    and field.name() != "fid"
                ):
                    extra[field.name()] = FieldSpec(
                        field.name(), _KIND_OF_QVARIANT.get(field.type(), "str"), ""
                    )
            points = read_points(layer, metric, context, feedback, fields=names)
            report_skipped(feedback, layer.name(), points.skipped)
            for i, (x, y) in enumerate(points.xy.tolist()):
                values = {name: plain_value(points.attributes[name][i]) for name in names}
                if values.get("removed_at"):
                    removed += 1
                    continue
                wgs84 = to_wgs84.transform(QgsPointXY(x, y))
                values.update(lon=wgs84.x(), lat=wgs84.y())
                records.append(values)
                xy_rows.append((x, y))
                inputs.append(index)
            if feedback.isCanceled():
                raise CanceledError()
        if removed:
            feedback.pushInfo(self.tr("{count} record(s) marked removed_at left out.").format(count=removed))

        groups = merge_groups(
            np.asarray(xy_rows, dtype=np.float64).reshape(-1, 2),
            [r.get("source") for r in records],
            [r.get("operator") for r in records],
            inputs,
            distance,
        )
        field_names = [*CHARGE_POINT_FIELD_NAMES, *extra]
        merged = [combine_group([records[i] for i in group], field_names) for group in groups]
        feedback.pushInfo(
            self.tr("{records} record(s) from {layers} layer(s) merged into {locations} location(s).").format(
                records=len(records), layers=len(layers), locations=len(merged)
            )
        )
        dest_id = write_charge_points(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            merged,
            lambda values, lon, lat: True,
            list(extra.values()),
            crs=layers[0].crs(),
        )
        return {self.OUTPUT: dest_id}
