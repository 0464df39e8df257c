"""Glue shared by the charge-point loaders: credentials, extent, output.

The output is written in the common schema (:mod:`ev_planner.core.schema`) in
EPSG:4326. When the output is an existing GeoPackage layer in that schema, it
is *refreshed* instead of overwritten (:mod:`ev_planner.core.sources.refresh`):
changed locations are updated, new ones added, vanished ones get
``removed_at``, and columns a user added are kept. Everything is read from the
source before the first write, and the refresh happens in one SQLite
transaction: a cancel or a crash leaves the previous layer as it was.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from osgeo import gdal, ogr
from qgis.core import (
    QgsApplication,
    QgsAuthMethodConfig,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterString,
    QgsRectangle,
    QgsVectorLayer,
)

from ..compat import PARAMETER_ADVANCED, WKB_POINT, FieldType
from ..core.schema import CHARGE_POINT_FIELDS, FieldSpec
from ..core.sources.records import PLAUSIBLE_RANGES, LoadResult, utc_now_iso
from ..core.sources.refresh import ExistingRow, RefreshPlan, plan_refresh
from ..i18n import tr, translate_message
from .sinks import add_features
from .styles import style_output

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
STYLE_NAME = "charge_points"
_QVARIANT_TYPES = {
    "str": FieldType.STRING,
    "int": FieldType.INT,
    "float": FieldType.DOUBLE,
    "datetime": FieldType.STRING,
}
_OGR_TYPES = {"str": ogr.OFTString, "int": ogr.OFTInteger, "float": ogr.OFTReal, "datetime": ogr.OFTString}


# --- credentials ---------------------------------------------------------------------------
TOKEN, AUTHCFG = "TOKEN", "AUTHCFG"  # the OCPI credential parameters (a public interface)


def token_parameters() -> tuple[QgsProcessingParameterDefinition, ...]:
    """TOKEN and AUTHCFG, as every OCPI algorithm defines them (AUTHCFG advanced)."""
    token = QgsProcessingParameterString(TOKEN, tr("Token"), optional=True)
    token.setHelp(
        tr(
            "OCPI token (credentials token C) of the server. Prefer AUTHCFG: a token typed here can end up "
            "in the processing history."
        )
    )
    authcfg = QgsProcessingParameterAuthConfig(AUTHCFG, tr("Authentication configuration"), optional=True)
    authcfg.setHelp(
        tr(
            "A QGIS authentication configuration holding the token (method API Header or Basic, the token "
            "as value or password). Used when TOKEN is empty."
        )
    )
    authcfg.setFlags(authcfg.flags() | PARAMETER_ADVANCED)
    return token, authcfg


def resolve_token(algorithm, parameters: dict[str, Any], context: QgsProcessingContext) -> str | None:
    """The token from TOKEN, else from AUTHCFG; every form of it is registered as a secret."""
    token = algorithm.parameterAsString(parameters, TOKEN, context).strip() or None
    authcfg = algorithm.parameterAsString(parameters, AUTHCFG, context).strip()
    if token is None and authcfg:
        token = token_from_authcfg(authcfg)
    if token:
        # redact() also hides its other forms: any letter case, base64 (as OCPI 2.2 sends it), URL-encoded.
        algorithm.register_secret(token)
    return token


def token_from_authcfg(authcfg: str) -> str | None:
    """The token held by a QGIS authentication configuration.

    Works with the configurations a user makes for a token: "API Header"
    (the header value), "Basic" (the password) or any method whose settings
    hold a ``token``. A stored ``Token <value>`` header keeps only the value.
    """
    if not authcfg:
        return None
    manager = QgsApplication.authManager()
    config = QgsAuthMethodConfig()
    if not manager.loadAuthenticationConfig(authcfg, config, True) or not config.isValid(True):
        raise QgsProcessingException(
            tr(
                "The authentication configuration {id} cannot be read: check its id and the master password."
            ).format(id=authcfg)
        )
    values = config.configMap()
    token = values.get("token") or values.get("password") or ""
    if not token:
        candidates = [v for k, v in values.items() if v and k.lower() not in ("username", "realm", "key")]
        token = candidates[0] if len(candidates) == 1 else ""
    token = token.strip()
    if token.lower().startswith("token "):
        token = token[6:].strip()
    if not token:
        raise QgsProcessingException(
            tr(
                "The authentication configuration {id} holds no token (use the API Header or Basic method)."
            ).format(id=authcfg)
        )
    return token


def translated_log(feedback: QgsProcessingFeedback) -> Callable[[str], None]:
    """A ``log`` callback for the core: its notes (:class:`Message`) shown in the user's language."""
    return lambda text: feedback.pushInfo(translate_message(text))


def extent_in_wgs84(
    extent: QgsRectangle, crs: QgsCoordinateReferenceSystem, context: QgsProcessingContext
) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) in WGS84 of an extent parameter; None when it is not set."""
    if extent is None or extent.isNull() or extent.isEmpty():
        return None
    if crs.isValid() and crs != WGS84:
        transform = QgsCoordinateTransform(crs, WGS84, context.transformContext())
        extent = transform.transformBoundingBox(extent)
    west, south = max(-180.0, extent.xMinimum()), max(-90.0, extent.yMinimum())
    east, north = min(180.0, extent.xMaximum()), min(90.0, extent.yMaximum())
    if west >= east or south >= north:
        raise QgsProcessingException(tr("The extent does not overlap the world in WGS84."))
    return west, south, east, north


OUTPUT_CRS = "CRS"


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


# --- reporting -------------------------------------------------------------------------------
def report_load(feedback: QgsProcessingFeedback, label: str, result: LoadResult) -> None:
    report = result.report
    # The reasons are the messages of the core's UnusableRecordError (templates without values),
    # so tr() translates them as they are.
    for record_id, reason in report.examples:
        feedback.reportError(
            tr("{source}: record {id} skipped: {reason}.").format(
                source=label, id=record_id, reason=tr(reason)
            ),
            False,
        )
    listed = len(report.examples)
    if report.skipped_total > listed:
        feedback.reportError(
            tr("{source}: {count} more record(s) skipped.").format(
                source=label, count=report.skipped_total - listed
            ),
            False,
        )
    for reason, count in sorted(report.skipped.items()):
        feedback.pushInfo(
            tr("{source}: {count} skipped ({reason}).").format(source=label, count=count, reason=tr(reason))
        )
    if report.unpublished:
        feedback.pushInfo(
            tr("{source}: {count} location(s) not published (publish: false) skipped.").format(
                source=label, count=report.unpublished
            )
        )
    if report.outside_extent:
        feedback.pushInfo(
            tr("{source}: {count} location(s) outside the extent left out.").format(
                source=label, count=report.outside_extent
            )
        )
    if report.duplicates:
        feedback.pushInfo(
            tr("{source}: {count} duplicate record(s) ignored.").format(source=label, count=report.duplicates)
        )
    if report.swapped:
        feedback.pushWarning(
            tr("{source}: {count} location(s) had latitude and longitude swapped; swapped back.").format(
                source=label, count=report.swapped
            )
        )
    for name, count in sorted(report.implausible.items()):
        low, high = PLAUSIBLE_RANGES[name]
        feedback.pushWarning(
            tr("{source}: {count} value(s) of {field} outside {low:g}–{high:g} set to NULL.").format(
                source=label, count=count, field=name, low=low, high=high
            )
        )
    for note in result.notes:
        feedback.pushWarning(translate_message(note))
    feedback.pushInfo(
        tr("{source}: {count} charge location(s) read.").format(source=label, count=len(result.records))
    )


# --- the output ------------------------------------------------------------------------------
def output_fields(extra: Sequence[FieldSpec] = ()) -> QgsFields:
    fields = QgsFields()
    for spec in (*CHARGE_POINT_FIELDS, *extra):
        fields.append(QgsField(spec.name, _QVARIANT_TYPES[spec.kind]))
    return fields


_OGR_URI = re.compile(
    r"^ogr:dbname='(?P<path>(?:[^']|'')+)'(?:\s+table=\"(?P<table>(?:[^\"]|\"\")+)\")?", re.IGNORECASE
)


@dataclass
class GpkgTarget:
    path: str
    layer: str | None  # None: not named (the file's base name is used)

    @property
    def layer_name(self) -> str:
        return self.layer or os.path.splitext(os.path.basename(self.path))[0]

    @property
    def uri(self) -> str:
        return f"{self.path}|layername={self.layer_name}"


def gpkg_target(destination: str) -> GpkgTarget | None:
    """The GeoPackage file and layer of an output destination, if it is one."""
    match = _OGR_URI.match(destination)
    if match:
        path, table = match.group("path").replace("''", "'"), match.group("table")
        table = table.replace('""', '"') if table else None
    else:
        path, _, options = destination.partition("|")
        found = re.search(r"layername=([^|]+)", options)
        table = found.group(1) if found else None
    return GpkgTarget(path, table) if path.lower().endswith(".gpkg") else None


def _existing_layer(target: GpkgTarget) -> Any:
    """(dataset, layer) of an existing layer of the target, or (None, None)."""
    if not os.path.isfile(target.path):
        return None, None
    dataset = gdal.OpenEx(target.path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    if dataset is None:
        raise QgsProcessingException(
            tr("{path} is not a GeoPackage EV Planner can open for writing.").format(path=target.path)
        )
    layer = dataset.GetLayerByName(target.layer_name)
    return (dataset, layer) if layer is not None else (dataset, None)


def write_charge_points(
    algorithm,
    parameters: dict[str, Any],
    output_name: str,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    records: Sequence[dict],
    in_scope: Callable[[dict, float | None, float | None], bool],
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
    destination = algorithm.parameterAsOutputLayer(parameters, output_name, context)
    target = gpkg_target(destination) if destination else None
    if target is not None:
        dataset, layer = _existing_layer(target)
        if layer is not None:
            if (
                layer.GetLayerDefn().GetFieldIndex("source_id") < 0
                or layer.GetLayerDefn().GetFieldIndex("source") < 0
            ):
                raise QgsProcessingException(
                    tr(
                        "The layer {layer} of {path} is not a charge-point layer (no source/source_id fields). "
                        "Choose another layer name: EV Planner does not overwrite it."
                    ).format(layer=target.layer_name, path=target.path)
                )
            refresh_gpkg_layer(dataset, layer, target, records, in_scope, extra_fields, feedback)
            dataset = None
            _load_on_completion(parameters.get(output_name), target, context, output_name)
            return target.uri
        # A new layer in an existing GeoPackage: the base class's parameterAsSink keeps the others.
        dataset = None

    fields = output_fields(extra_fields)
    crs = crs if crs is not None and crs.isValid() else WGS84
    transform = QgsCoordinateTransform(WGS84, crs, context.transformContext()) if crs != WGS84 else None
    sink, dest_id = algorithm.parameterAsSink(parameters, output_name, context, fields, WKB_POINT, crs)
    if sink is None:
        raise QgsProcessingException(algorithm.invalidSinkError(parameters, output_name))
    names = fields.names()
    batch: list[QgsFeature] = []
    total = max(len(records), 1)
    # No cancel check here: the records are complete, and stopping now would leave a half-written output.
    for n, record in enumerate(records):
        feature = QgsFeature(fields)
        point = QgsPointXY(record["lon"], record["lat"])
        feature.setGeometry(QgsGeometry.fromPointXY(transform.transform(point) if transform else point))
        feature.setAttributes([record.get(name) for name in names])
        batch.append(feature)
        if len(batch) >= 5000:
            add_features(sink, batch)
            batch = []
            feedback.setProgress(100.0 * n / total)
    add_features(sink, batch)
    del sink
    style_output(context, dest_id, STYLE_NAME)
    return dest_id


def _load_on_completion(
    definition: Any, target: GpkgTarget, context: QgsProcessingContext, output_name: str
) -> None:
    if (
        isinstance(definition, QgsProcessingOutputLayerDefinition)
        and definition.destinationProject is not None
    ):
        details = QgsProcessingContext.LayerDetails(
            target.layer_name, definition.destinationProject, output_name
        )
        context.addLayerToLoadOnCompletion(target.uri, details)


def refresh_gpkg_layer(
    dataset: Any,
    layer: Any,
    target: GpkgTarget,
    records: Sequence[dict],
    in_scope: Callable[[dict, float | None, float | None], bool],
    extra_fields: Sequence[FieldSpec],
    feedback: QgsProcessingFeedback,
) -> RefreshPlan:
    """Apply a refresh plan to an existing GeoPackage layer in one transaction."""
    definition = layer.GetLayerDefn()
    layer_crs = QgsVectorLayer(target.uri, "refresh", "ogr").crs()
    to_layer = from_layer = None
    if layer_crs.isValid() and layer_crs != WGS84:
        to_layer = QgsCoordinateTransform(WGS84, layer_crs, QgsCoordinateTransformContext())
        from_layer = QgsCoordinateTransform(layer_crs, WGS84, QgsCoordinateTransformContext())
    specs = [*CHARGE_POINT_FIELDS, *extra_fields]
    present = [s.name for s in specs if definition.GetFieldIndex(s.name) >= 0]

    existing: list[ExistingRow] = []
    layer.ResetReading()
    for feature in layer:
        values = {name: feature.GetField(name) for name in present}
        lon = lat = None
        geometry = feature.GetGeometryRef()
        if geometry is not None and not geometry.IsEmpty():
            point = QgsPointXY(geometry.GetX(), geometry.GetY())
            if from_layer is not None:
                point = from_layer.transform(point)
            lon, lat = point.x(), point.y()
        existing.append(ExistingRow(feature.GetFID(), values, lon, lat))
    layer.ResetReading()

    now = utc_now_iso()
    plan = plan_refresh(
        existing, records, now, lambda row: in_scope(row.values, row.lon, row.lat), [s.name for s in specs]
    )
    feedback.pushInfo(
        tr(
            "Updating {layer}: {changed} changed, {unchanged} unchanged, {new} new, {removed} no longer found."
        ).format(
            layer=target.layer_name,
            changed=plan.changed,
            unchanged=plan.unchanged,
            new=len(plan.inserts),
            removed=len(plan.removals),
        )
    )

    def point_geometry(lon: float, lat: float) -> Any:
        point = QgsPointXY(lon, lat)
        if to_layer is not None:
            point = to_layer.transform(point)
        geometry = ogr.Geometry(ogr.wkbPoint)
        geometry.AddPoint_2D(point.x(), point.y())
        return geometry

    def set_values(feature: Any, values: dict) -> None:
        for name, value in values.items():
            if name not in present_after:
                continue
            if value is None:
                feature.SetFieldNull(name)
            else:
                feature.SetField(name, value)

    total = max(len(plan.updates) + len(plan.inserts) + len(plan.removals), 1)
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if done % 500 == 0:
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Canceled: the layer was left as it was."))
            feedback.setProgress(100.0 * done / total)

    if dataset.StartTransaction() != 0:
        raise QgsProcessingException(tr("Cannot start a transaction on {path}.").format(path=target.path))
    try:
        # Older layers may lack fields added to the schema since (removed_at, sources, ...).
        for spec in specs:
            missing = definition.GetFieldIndex(spec.name) < 0
            if missing and layer.CreateField(ogr.FieldDefn(spec.name, _OGR_TYPES[spec.kind])) != 0:
                raise QgsProcessingException(tr("Cannot add the field {field}.").format(field=spec.name))
        present_after = {s.name for s in specs}
        for row_id, changes, position in plan.updates:
            feature = layer.GetFeature(row_id)
            set_values(feature, changes)
            if position is not None:
                feature.SetGeometry(point_geometry(*position))
            _check(layer.SetFeature(feature), target)
            step()
        for record in plan.inserts:
            feature = ogr.Feature(layer.GetLayerDefn())
            set_values(feature, {s.name: record.get(s.name) for s in specs})
            feature.SetGeometry(point_geometry(record["lon"], record["lat"]))
            _check(layer.CreateFeature(feature), target)
            step()
        for row_id in plan.removals:
            feature = layer.GetFeature(row_id)
            feature.SetField("removed_at", now)
            _check(layer.SetFeature(feature), target)
            step()
        if dataset.CommitTransaction() != 0:
            raise QgsProcessingException(
                tr("Writing {path} failed; it was left as it was.").format(path=target.path)
            )
    except BaseException:
        dataset.RollbackTransaction()
        raise
    return plan


def _check(error_code: int, target: GpkgTarget) -> None:
    if error_code != 0:
        raise QgsProcessingException(
            tr("Writing {path} failed ({error}); it was left as it was.").format(
                path=target.path, error=gdal.GetLastErrorMsg() or error_code
            )
        )


def in_loaded_scope(
    source_kind: str, extent: tuple[float, float, float, float] | None
) -> Callable[[dict, float | None, float | None], bool]:
    """Rows a load of ``source_kind`` within ``extent`` (WGS84) could have found."""

    def in_scope(values: dict, lon: float | None, lat: float | None) -> bool:
        if str(values.get("source") or "").lower() != source_kind:
            return False
        if extent is None:
            return True
        if lon is None or lat is None:
            return False
        west, south, east, north = extent
        return west <= lon <= east and south <= lat <= north

    return in_scope
