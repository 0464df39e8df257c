"""The output of the charge-point loaders: the common schema's fields, the output CRS, the writing.

The output is written in the common schema (:mod:`ev_planner.core.schema`).
When it is an existing GeoPackage layer in that schema, it is *refreshed*
instead of overwritten (:mod:`ev_planner.processing.gpkg_refresh`).
"""

from __future__ import annotations

from typing import Any, Sequence

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterCrs,
    QgsProperty,
)

from ..compat import PARAMETER_ADVANCED, WKB_POINT, FieldType
from ..core.schema import CHARGE_POINT_FIELDS, FieldSpec
from ..i18n import tr
from .gpkg_refresh import InScope, gpkg_target, load_on_completion, refresh_existing_layer
from .layers import WGS84
from .sinks import add_features
from .styles import style_output

STYLE_NAME = "charge_points"
OUTPUT_CRS = "CRS"
_BATCH_SIZE = 5000  # features handed to the sink at once
_QVARIANT_TYPES = {
    "str": FieldType.STRING,
    "int": FieldType.INT,
    "float": FieldType.DOUBLE,
    "datetime": FieldType.STRING,
}


def output_fields(extra: Sequence[FieldSpec] = ()) -> QgsFields:
    """The fields of the common charge-point schema, then ``extra``."""
    fields = QgsFields()
    for spec in (*CHARGE_POINT_FIELDS, *extra):
        fields.append(QgsField(spec.name, _QVARIANT_TYPES[spec.kind]))
    return fields


def output_crs_parameter() -> QgsProcessingParameterCrs:
    """The optional, advanced ``CRS`` parameter of the loaders: the CRS of a new output."""
    parameter = QgsProcessingParameterCrs(OUTPUT_CRS, tr("Output CRS"), optional=True)
    parameter.setHelp(
        tr("CRS of a new output layer (default EPSG:4326). A refreshed GeoPackage layer keeps its own CRS.")
    )
    parameter.setFlags(parameter.flags() | PARAMETER_ADVANCED)
    return parameter


def output_crs(
    algorithm, parameters: dict[str, Any], context: QgsProcessingContext
) -> QgsCoordinateReferenceSystem:
    crs = algorithm.parameterAsCrs(parameters, OUTPUT_CRS, context)
    return crs if crs.isValid() else WGS84


def write_charge_points(
    algorithm,
    parameters: dict[str, Any],
    output_name: str,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    records: Sequence[dict],
    in_scope: InScope,
    extra_fields: Sequence[FieldSpec] = (),
    crs: QgsCoordinateReferenceSystem | None = None,
) -> str:
    """Write ``records`` to the output; returns the output's id for the results.

    Records hold WGS84 ``lon``/``lat``; a new output is in ``crs`` (default
    EPSG:4326), a refreshed layer keeps its own CRS.

    ``in_scope(values, lon, lat)`` tells, for an existing row of a refreshed
    layer, whether this load could have found it (its source, the extent):
    rows in scope that were not found are marked ``removed_at``.
    """
    destination = _destination(parameters.get(output_name), context)
    target = gpkg_target(destination) if destination else None
    if target is not None and refresh_existing_layer(target, records, in_scope, extra_fields, feedback):
        load_on_completion(parameters.get(output_name), target, context, output_name)
        return target.uri
    # A new output, or a new layer in an existing GeoPackage: the base class's parameterAsSink keeps
    # the GeoPackage's other layers.
    fields = output_fields(extra_fields)
    crs = crs if crs is not None and crs.isValid() else WGS84
    sink, dest_id = algorithm.parameterAsSink(parameters, output_name, context, fields, WKB_POINT, crs)
    if sink is None:
        raise QgsProcessingException(algorithm.invalidSinkError(parameters, output_name))
    _add_records(sink, fields, records, crs, context, feedback)
    del sink
    style_output(context, dest_id, STYLE_NAME)
    return dest_id


def _destination(value: Any, context: QgsProcessingContext) -> str:
    """The destination an output value names, without registering it anywhere.

    ``parameterAsOutputLayer`` would do, but on a sink it also registers ``memory:<label>`` as a
    layer to load on completion: a layer that never exists, which the desktop dialog then reports
    as "not correctly generated" next to the real output.
    """
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    if isinstance(value, QgsProperty):
        value, _ = value.valueAsString(context.expressionContext(), "")
    return value if isinstance(value, str) else ""


def _add_records(
    sink,
    fields: QgsFields,
    records: Sequence[dict],
    crs: QgsCoordinateReferenceSystem,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
) -> None:
    """Add the records in checked batches (a refused batch is an error, never a short layer)."""
    transform = QgsCoordinateTransform(WGS84, crs, context.transformContext()) if crs != WGS84 else None
    names = fields.names()
    total = max(len(records), 1)
    # No cancel check here: the records are complete, and stopping now would leave a half-written output.
    for start in range(0, len(records), _BATCH_SIZE):
        batch = records[start : start + _BATCH_SIZE]
        add_features(sink, [_feature(record, fields, names, transform) for record in batch])
        feedback.setProgress(100.0 * (start + len(batch)) / total)


def _feature(
    record: dict, fields: QgsFields, names: list[str], transform: QgsCoordinateTransform | None
) -> QgsFeature:
    feature = QgsFeature(fields)
    point = QgsPointXY(record["lon"], record["lat"])
    feature.setGeometry(QgsGeometry.fromPointXY(transform.transform(point) if transform else point))
    feature.setAttributes([record.get(name) for name in names])
    return feature
