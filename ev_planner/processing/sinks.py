"""Writing algorithm outputs: source features with result attributes, checked batches."""

from __future__ import annotations

import os
from typing import Any, Sequence

import pandas as pd
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFeatureSource,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
)

from ..i18n import tr
from .layers import fields_with_results


def output_fields(source: QgsFeatureSource, added: Sequence[tuple[str, int]], feedback, label: str):
    """The source's fields plus ``added`` (a same-named source field is replaced, with a warning).

    Returns the fields and the indexes of the kept source fields.
    """
    result_fields = QgsFields()
    for name, kind in added:
        result_fields.append(QgsField(name, kind))
    fields, kept = fields_with_results(source.fields(), result_fields, feedback, label)
    return fields, [source.fields().lookupField(name) for name in kept]


def write_features(
    sink, source, fields, kept, rows: dict[int, list], order: Sequence[int], feedback, start, end
):
    """Write the source features with ids in ``order`` with their kept attributes plus ``rows[fid]``."""
    request = QgsFeatureRequest()
    if len(order) < source.featureCount():  # a filter on every id only slows the provider down
        request.setFilterFids(list(order))
    features = {feature.id(): feature for feature in source.getFeatures(request)}
    total = max(len(order), 1)
    feature = QgsFeature(fields)  # one feature refilled: the sink stores a copy of each
    for n, fid in enumerate(order):
        if n % 1000 == 0:
            if feedback.isCanceled():
                return False
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
    """Add features or fail loudly: a silently incomplete output would mislead."""
    if batch and not sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert):
        raise_write_error(sink)


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
