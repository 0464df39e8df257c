"""evplanner:mergechargepoints: one feature per physical charge location from several layers."""

from __future__ import annotations

from dataclasses import dataclass, field
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
)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt

from ...compat import SOURCE_POINT, FieldType
from ...core.errors import CanceledError
from ...core.schema import CHARGE_POINT_FIELD_NAMES, FieldSpec
from ...core.sources.merge import DEFAULT_DISTANCE_M, combine_group, merge_groups
from ..base import EvPlannerAlgorithm, tr_noop
from ..chargepoint_layer import write_charge_points
from ..layers import choose_metric_crs, read_points, report_skipped, require_fields
from ..parameters import distance_parameter

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


@dataclass
class LoadedRecords:
    """The records of every input layer (WGS84 lon/lat added), their metric x, y and layer index."""

    records: list[dict] = field(default_factory=list)
    xy_rows: list[tuple[float, float]] = field(default_factory=list)
    inputs: list[int] = field(default_factory=list)
    extra: dict[str, FieldSpec] = field(default_factory=dict)  # fields beyond the common schema
    removed: int = 0  # records marked removed_at, left out


def read_charge_points(
    layers: list, metric: QgsCoordinateReferenceSystem, context: QgsProcessingContext, feedback
) -> LoadedRecords:
    to_wgs84 = QgsCoordinateTransform(metric, WGS84, context.transformContext())
    loaded = LoadedRecords()
    for index, layer in enumerate(layers):
        names = layer.fields().names()
        for qgs_field in layer.fields():
            name = qgs_field.name()
            if name not in CHARGE_POINT_FIELD_NAMES and name not in loaded.extra and name != "fid":
                loaded.extra[name] = FieldSpec(name, _KIND_OF_QVARIANT.get(qgs_field.type(), "str"), "")
        points = read_points(layer, metric, context, feedback, fields=names)
        report_skipped(feedback, layer.name(), points.skipped)
        for i, (x, y) in enumerate(points.xy.tolist()):
            values = {name: plain_value(points.attributes[name][i]) for name in names}
            if values.get("removed_at"):
                loaded.removed += 1
                continue
            wgs84 = to_wgs84.transform(QgsPointXY(x, y))
            values.update(lon=wgs84.x(), lat=wgs84.y())
            loaded.records.append(values)
            loaded.xy_rows.append((x, y))
            loaded.inputs.append(index)
        if feedback.isCanceled():
            raise CanceledError()
    return loaded


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
        distance = distance_parameter(
            self.DISTANCE,
            self.tr("Merge distance (m)"),
            DEFAULT_DISTANCE_M,
            self.tr(
                "Records of different layers closer than this, and not naming different operators, are one location."
            ),
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
        loaded = read_charge_points(layers, metric, context, feedback)
        if loaded.removed:
            feedback.pushInfo(
                self.tr("{count} record(s) marked removed_at left out.").format(count=loaded.removed)
            )
        records, extra = loaded.records, loaded.extra

        groups = merge_groups(
            np.asarray(loaded.xy_rows, dtype=np.float64).reshape(-1, 2),
            [r.get("source") for r in records],
            [r.get("operator") for r in records],
            loaded.inputs,
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
