"""Refreshing an existing GeoPackage charge-point layer in place, in one transaction.

Changed locations are updated, new ones added, vanished ones get
``removed_at``, and columns a user added are kept
(:mod:`ev_planner.core.sources.refresh` makes the plan). Everything is read
before the first write, and the writes happen in one SQLite transaction: a
cancel or a crash leaves the previous layer as it was.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from osgeo import gdal, ogr
from qgis.core import (
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsVectorLayer,
)

from ..core.errors import CanceledError
from ..core.schema import CHARGE_POINT_FIELDS, FieldSpec
from ..core.sources.records import utc_now_iso
from ..core.sources.refresh import ExistingRow, RefreshPlan, plan_refresh
from ..i18n import tr
from .layers import WGS84
from .sinks import destination_file

InScope = Callable[[dict, float | None, float | None], bool]

_OGR_TYPES = {"str": ogr.OFTString, "int": ogr.OFTInteger, "float": ogr.OFTReal, "datetime": ogr.OFTString}
_STEPS_BETWEEN_CHECKS = 500  # writes between two looks at Cancel and the progress bar


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
    """The GeoPackage file and layer of an output destination, if it is one (:func:`destination_file`)."""
    path, layer = destination_file(destination)
    return GpkgTarget(path, layer or None) if path.lower().endswith(".gpkg") else None


def refresh_existing_layer(
    target: GpkgTarget,
    records: Sequence[dict],
    in_scope: InScope,
    extra_fields: Sequence[FieldSpec],
    feedback: QgsProcessingFeedback,
) -> bool:
    """Refresh the target's layer when it exists; False when there is none to refresh.

    A layer of that name that is not a charge-point layer is an error: it is never overwritten.
    """
    if not os.path.isfile(target.path):
        return False
    dataset = gdal.OpenEx(target.path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    if dataset is None:
        raise QgsProcessingException(
            tr("{path} is not a GeoPackage EV Planner can open for writing.").format(path=target.path)
        )
    layer = dataset.GetLayerByName(target.layer_name)
    if layer is None:
        return False
    definition = layer.GetLayerDefn()
    if definition.GetFieldIndex("source_id") < 0 or definition.GetFieldIndex("source") < 0:
        raise QgsProcessingException(
            tr(
                "The layer {layer} of {path} is not a charge-point layer (no source/source_id fields). "
                "Choose another layer name: EV Planner does not overwrite it."
            ).format(layer=target.layer_name, path=target.path)
        )
    refresh_gpkg_layer(dataset, layer, target, records, in_scope, extra_fields, feedback)
    return True


def load_on_completion(
    definition: Any, target: GpkgTarget, context: QgsProcessingContext, output_name: str
) -> None:
    """Add the refreshed layer to the project when the output asked for it (the desktop's "Open")."""
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
    in_scope: InScope,
    extra_fields: Sequence[FieldSpec],
    feedback: QgsProcessingFeedback,
) -> RefreshPlan:
    """Apply a refresh plan to an existing GeoPackage layer in one transaction."""
    specs = [*CHARGE_POINT_FIELDS, *extra_fields]
    to_layer, from_layer = _transforms_of(target)
    existing = _existing_rows(layer, specs, from_layer)
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
    writer = _PlanWriter(dataset, layer, target, to_layer, feedback)
    writer.write(plan, specs, now)
    return plan


def _transforms_of(target: GpkgTarget) -> tuple[Any, Any]:
    """(WGS84 → layer, layer → WGS84) transforms, or (None, None) for a layer in WGS84."""
    layer_crs = QgsVectorLayer(target.uri, "refresh", "ogr").crs()
    if not layer_crs.isValid() or layer_crs == WGS84:
        return None, None
    return (
        QgsCoordinateTransform(WGS84, layer_crs, QgsCoordinateTransformContext()),
        QgsCoordinateTransform(layer_crs, WGS84, QgsCoordinateTransformContext()),
    )


def _existing_rows(layer: Any, specs: Sequence[FieldSpec], from_layer: Any) -> list[ExistingRow]:
    """Every row of the layer with its schema values and its WGS84 position (None when empty)."""
    definition = layer.GetLayerDefn()
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
    return existing


class _PlanWriter:
    """Writes a refresh plan into an OGR layer; all or nothing (one transaction)."""

    def __init__(self, dataset: Any, layer: Any, target: GpkgTarget, to_layer: Any, feedback) -> None:
        self.dataset, self.layer, self.target = dataset, layer, target
        self.to_layer, self.feedback = to_layer, feedback
        self.fields: set[str] = set()
        self.done = self.total = 0

    def write(self, plan: RefreshPlan, specs: Sequence[FieldSpec], now: str) -> None:
        self.total = max(len(plan.updates) + len(plan.inserts) + len(plan.removals), 1)
        if self.dataset.StartTransaction() != 0:
            raise QgsProcessingException(
                tr("Cannot start a transaction on {path}.").format(path=self.target.path)
            )
        try:
            self._add_missing_fields(specs)
            self._apply(plan, specs, now)
            if self.dataset.CommitTransaction() != 0:
                raise QgsProcessingException(
                    tr("Writing {path} failed; it was left as it was.").format(path=self.target.path)
                )
        except BaseException:
            self.dataset.RollbackTransaction()
            raise

    def _add_missing_fields(self, specs: Sequence[FieldSpec]) -> None:
        # Older layers may lack fields added to the schema since (removed_at, sources, ...).
        definition = self.layer.GetLayerDefn()
        for spec in specs:
            missing = definition.GetFieldIndex(spec.name) < 0
            if missing and self.layer.CreateField(ogr.FieldDefn(spec.name, _OGR_TYPES[spec.kind])) != 0:
                raise QgsProcessingException(tr("Cannot add the field {field}.").format(field=spec.name))
        self.fields = {s.name for s in specs}

    def _apply(self, plan: RefreshPlan, specs: Sequence[FieldSpec], now: str) -> None:
        for row_id, changes, position in plan.updates:
            feature = self.layer.GetFeature(row_id)
            self._set_values(feature, changes)
            if position is not None:
                feature.SetGeometry(self._point(*position))
            self._checked(self.layer.SetFeature(feature))
        for record in plan.inserts:
            feature = ogr.Feature(self.layer.GetLayerDefn())
            self._set_values(feature, {s.name: record.get(s.name) for s in specs})
            feature.SetGeometry(self._point(record["lon"], record["lat"]))
            self._checked(self.layer.CreateFeature(feature))
        for row_id in plan.removals:
            feature = self.layer.GetFeature(row_id)
            feature.SetField("removed_at", now)
            self._checked(self.layer.SetFeature(feature))

    def _point(self, lon: float, lat: float) -> Any:
        point = QgsPointXY(lon, lat)
        if self.to_layer is not None:
            point = self.to_layer.transform(point)
        geometry = ogr.Geometry(ogr.wkbPoint)
        geometry.AddPoint_2D(point.x(), point.y())
        return geometry

    def _set_values(self, feature: Any, values: dict) -> None:
        for name, value in values.items():
            if name not in self.fields:
                continue
            if value is None:
                feature.SetFieldNull(name)
            else:
                feature.SetField(name, value)

    def _checked(self, error_code: int) -> None:
        """Fail on a refused write; every few writes, give way to Cancel and show progress."""
        if error_code != 0:
            raise QgsProcessingException(
                tr("Writing {path} failed ({error}); it was left as it was.").format(
                    path=self.target.path, error=gdal.GetLastErrorMsg() or error_code
                )
            )
        self.done += 1
        if self.done % _STEPS_BETWEEN_CHECKS == 0:
            if self.feedback.isCanceled():
                raise CanceledError("Canceled: the layer was left as it was.")
            self.feedback.setProgress(100.0 * self.done / self.total)
