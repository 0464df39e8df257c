"""Writing algorithm outputs: source features with result attributes, checked batches."""

from __future__ import annotations

import os
from typing import Any, Iterable, Sequence

import pandas as pd
from qgis.core import (
    QgsDataSourceUri,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFeatureSource,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProviderRegistry,
)

from ..core.errors import CanceledError
from ..i18n import tr
from .layers import fields_with_results

BATCH_SIZE = 5000  # features handed to the sink at once
PROGRESS_EVERY = 1000  # features between two looks at Cancel and the progress bar


def output_fields(source: QgsFeatureSource, added: Sequence[tuple[str, int]], feedback, label: str):
    """The source's fields plus ``added`` (a same-named source field is replaced, with a warning).

    Returns the fields and the indexes of the kept source fields.
    """
    result_fields = QgsFields()
    for name, kind in added:
        result_fields.append(QgsField(name, kind))
    fields, kept = fields_with_results(source.fields(), result_fields, feedback, label)
    return fields, [source.fields().lookupField(name) for name in kept]


def open_sink(algorithm, parameters, name: str, context, fields: QgsFields, wkb_type, crs):
    """The sink of output ``name`` and its destination id; a sink that cannot be created is an error."""
    sink, dest_id = algorithm.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
    if sink is None:
        raise QgsProcessingException(algorithm.invalidSinkError(parameters, name))
    return sink, dest_id


def write_batched(
    sink: QgsFeatureSink, features: Iterable[QgsFeature], total: int, feedback, start: float, end: float
) -> int:
    """Add ``features`` (``total`` of them) in checked batches, reporting progress from start to end %.

    Raises :class:`CanceledError` when the user cancels and QgsProcessingException when the
    sink refuses a batch. Returns the number of features written.
    """
    batch: list[QgsFeature] = []
    written = 0
    for n, feature in enumerate(features):
        if n % PROGRESS_EVERY == 0:
            if feedback.isCanceled():
                raise CanceledError()
            feedback.setProgress(start + (end - start) * n / max(total, 1))
        batch.append(feature)
        if len(batch) >= BATCH_SIZE:
            add_features(sink, batch)
            written += len(batch)
            batch = []
    add_features(sink, batch)
    feedback.setProgress(end)
    return written + len(batch)


def write_features(
    sink, source, fields, kept, rows: dict[int, list], order: Sequence[int], feedback, start, end
):
    """Write the source features with ids in ``order`` with their kept attributes plus ``rows[fid]``.

    Raises :class:`CanceledError` when the user cancels; returns True otherwise.
    """
    request = QgsFeatureRequest()
    if len(order) < source.featureCount():  # a filter on every id only slows the provider down
        request.setFilterFids(list(order))
    features = {feature.id(): feature for feature in source.getFeatures(request)}
    total = max(len(order), 1)
    feature = QgsFeature(fields)  # one feature refilled: the sink stores a copy of each
    for n, fid in enumerate(order):
        if n % PROGRESS_EVERY == 0:
            if feedback.isCanceled():
                raise CanceledError()
            feedback.setProgress(start + (end - start) * n / total)
        original = features.get(fid)
        if original is None:
            continue
        attributes = original.attributes()
        feature.setGeometry(original.geometry())
        feature.setAttributes([attributes[i] for i in kept] + rows[fid])
        if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
            raise_write_error(sink)
    return True


def raise_write_error(sink: QgsFeatureSink) -> None:
    """A feature the sink refused: fail loudly, since a silently incomplete output would mislead."""
    raise QgsProcessingException(
        tr("Could not write the output: {error}").format(error=sink.lastError() or "?")
    )


def plain(value: Any) -> Any:
    """A pandas/numpy scalar as a plain Python value (NA -> None) that QVariant accepts."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return value.item() if hasattr(value, "item") else value


def add_features(sink: QgsFeatureSink, batch: list) -> None:
    """Add features or fail loudly: a silently incomplete output would mislead.

    ``sink`` is a Processing sink (returns a bool) or a data provider (returns ``(bool, features)``,
    a tuple that is always true, so its first item is what counts)."""
    if not batch:
        return
    added = sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert)
    if not (added[0] if isinstance(added, tuple) else added):
        raise_write_error(sink)


def destination_file(definition: Any) -> tuple[str, str]:
    """(file path, layer name or "") a sink destination names; ("", "") for memory layers and
    destinations that are no text.

    ``ogr:dbname='…' table="…"`` (what :func:`into_existing_geopackage` and the dialog's "Save to
    GeoPackage" write) is read as QGIS itself reads it, as a data source URI; anything else as an
    OGR layer URI (``path|layername=…``).
    """
    if isinstance(definition, QgsProcessingOutputLayerDefinition):
        definition = definition.sink.staticValue()
    if not isinstance(definition, str) or not definition or definition.startswith("memory:"):
        return "", ""
    if definition[:4].lower() == "ogr:":
        uri = QgsDataSourceUri(definition[4:])
        return uri.database(), uri.table()
    parts = QgsProviderRegistry.instance().decodeUri("ogr", definition)
    path, layer = parts.get("path"), parts.get("layerName")
    return (path if isinstance(path, str) else ""), (layer if isinstance(layer, str) else "")


def into_existing_geopackage(definition: Any) -> Any:
    """The sink destination that adds a layer to an existing GeoPackage instead of replacing the file.

    QGIS writes ``OUTPUT=out.gpkg`` by creating the file anew, which deletes every other layer
    of a GeoPackage the user already had. ``ogr:dbname='out.gpkg' table="out" (geom)`` (what the
    dialog's "Save to GeoPackage" makes) adds or replaces only the layer ``out``. Anything else
    (a new file, a layer already named, another format, a memory layer) is returned unchanged.
    """
    destination = (
        definition.sink.staticValue()
        if isinstance(definition, QgsProcessingOutputLayerDefinition)
        else definition
    )
    if not isinstance(destination, str) or "|" in destination or not destination.lower().endswith(".gpkg"):
        return definition
    if not os.path.isfile(destination):
        return definition
    # QgsDataSourceUri, which QGIS reads this form with, escapes quotes with a backslash.
    path = destination.replace("\\", "\\\\").replace("'", "\\'")
    layer = os.path.splitext(os.path.basename(destination))[0].replace("\\", "\\\\").replace('"', '\\"')
    uri = f"ogr:dbname='{path}' table=\"{layer}\" (geom)"
    if isinstance(definition, QgsProcessingOutputLayerDefinition):
        rewritten = QgsProcessingOutputLayerDefinition(uri, definition.destinationProject)
        rewritten.destinationName = definition.destinationName
        rewritten.createOptions = definition.createOptions
        return rewritten
    return uri
