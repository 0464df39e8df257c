"""Walking distance in the algorithms: the DISTANCE_METHOD, NETWORK and MAX_ACCESS parameters.

``DISTANCE_METHOD`` 0 measures straight lines (the default, so existing batch scripts keep
their meaning); 1 walks along the lines of ``NETWORK`` (OSM highways, NWB, the Flemish
Wegenregister: any line layer, any CRS), joined at most ``MAX_ACCESS`` metres from a point.
The network is built once per run. A file-based layer's network is also kept in a cache
file keyed by the layer's source, subset, file size and time and the metric CRS, so the
next run on the same streets starts at once (docs/potential.md, "Walking distance").
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsFeatureSource,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from ..compat import GEOMETRY_LINE, SOURCE_LINE
from ..core.errors import InputError
from ..core.potential.distance import StraightLine, Walking
from ..core.potential.network import DEFAULT_MAX_ACCESS, FORMAT_VERSION, WalkingNetwork
from ..i18n import tr, translate_message
from .layers import (
    geometry_to_lines,
    progress_range,
    read_geometries,
    report_skipped,
    require_features,
    require_geometry_type,
)
from .ogr_points import whole_layer
from .parameters import distance_parameter

DISTANCE_METHOD = "DISTANCE_METHOD"
NETWORK = "NETWORK"
MAX_ACCESS = "MAX_ACCESS"
STRAIGHT_LINE, WALKING = 0, 1
CACHE_FILES_KEPT = 20  # network cache files; the oldest beyond this are removed


def distance_method_parameters() -> list:
    """The three parameters, in the order the dialog shows them."""
    method = QgsProcessingParameterEnum(
        DISTANCE_METHOD,
        tr("Distance measured"),
        options=[tr("Straight line"), tr("Walking along the street network")],
        defaultValue=STRAIGHT_LINE,
    )
    method.setHelp(
        tr(
            "Straight line, or walking along the lines of the street network layer. Policy rules "
            "(Flanders: no public charge point within 250 m walking) are written in walking distance."
        )
    )
    return [method, network_parameter(optional=True), max_access_parameter()]


def network_parameter(optional: bool) -> QgsProcessingParameterFeatureSource:
    network = QgsProcessingParameterFeatureSource(
        NETWORK, tr("Street network for walking (lines)"), [SOURCE_LINE], optional=optional
    )
    network.setHelp(
        tr(
            "Walkable streets and paths, e.g. OSM highways, NWB or the Wegenregister. Lines connect only "
            "where they share a vertex: a bridge over a street without a common vertex does not connect."
        )
    )
    return network


def max_access_parameter():
    return distance_parameter(
        MAX_ACCESS,
        tr("Maximum distance from a point to the street network"),
        DEFAULT_MAX_ACCESS,
        tr(
            "Points farther than this from every street are off the network: counted, reported and never covered."
        ),
    )


def walking_without_network(algorithm, parameters, context) -> str:
    """The error message when walking is chosen without a network, else an empty string."""
    if algorithm.parameterAsEnum(parameters, DISTANCE_METHOD, context) != WALKING:
        return ""
    if parameters.get(NETWORK) in (None, ""):
        return tr("Walking distance needs a street network: choose a line layer for NETWORK.")
    return ""


def distance_measure(
    algorithm, parameters, context, feedback, crs, span=(0.0, 0.0)
) -> StraightLine | Walking:
    """The measure of this run: straight lines, or walking along the network read in ``crs``."""
    if algorithm.parameterAsEnum(parameters, DISTANCE_METHOD, context) != WALKING:
        feedback.pushInfo(tr("Distances are measured in a straight line."))
        return StraightLine()
    message = walking_without_network(algorithm, parameters, context)
    if message:
        raise QgsProcessingException(message)
    return walking_measure(algorithm, parameters, context, feedback, crs, span)


def walking_measure(algorithm, parameters, context, feedback, crs, span=(0.0, 0.0)) -> Walking:
    """Walking along NETWORK read in ``crs`` (from the cache file when it has it), joined within MAX_ACCESS."""
    source = require_features(algorithm.parameterAsSource(parameters, NETWORK, context), NETWORK)
    require_geometry_type(source, GEOMETRY_LINE, NETWORK)
    max_access = algorithm.parameterAsDouble(parameters, MAX_ACCESS, context)
    layer = _cacheable_layer(algorithm, parameters, context)
    network = _cached_or_built(source, layer, crs, context, progress_range(feedback, *span), feedback)
    feedback.pushInfo(
        tr(
            "Distances are measured walking along {layer}: {segments:,} segments, {nodes:,} junctions "
            "and ends, {components:,} connected pieces; points join it at most {access:,.0f} m away."
        ).format(
            layer=NETWORK,
            segments=network.segment_count,
            nodes=network.node_count,
            components=network.component_count,
            access=max_access,
        )
    )
    return Walking(network, max_access)


def report_attachment(feedback, measure, xy, layer_label: str, weights=None) -> None:
    """Say how many points of a layer are off the network, and how much demand sits on other pieces."""
    if not isinstance(measure, Walking) or len(xy) == 0:
        return
    attachment = measure.attach(xy)
    off = attachment.off_network_count
    if off:
        feedback.pushWarning(
            tr(
                "{layer}: {count:,} of {total:,} points are more than {access:,.0f} m from the street "
                "network; they count as not reached."
            ).format(layer=layer_label, count=off, total=len(xy), access=measure.max_access)
        )
    shares = measure.network.component_weights(attachment, weights)
    if measure.network.component_count > 1 and shares.other_components > 0:
        feedback.pushInfo(
            tr(
                "{layer}: {share:.1f}% lies on {pieces:,} street piece(s) not connected to the main network."
            ).format(
                layer=layer_label,
                share=100.0 * shares.other_components_share,
                pieces=measure.network.component_count - 1,
            )
        )


def _cacheable_layer(algorithm, parameters, context) -> QgsVectorLayer | None:
    """The file-based layer behind NETWORK when every one of its features is read, else None."""
    layer = whole_layer(algorithm, parameters, NETWORK, context)
    if layer is None or layer.providerType() != "ogr" or layer.isEditable():
        return None
    return layer


def _cache_path(layer: QgsVectorLayer, crs) -> Path | None:
    path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path") or ""
    try:
        status = os.stat(path)
    except OSError:
        return None
    key = "\n".join(
        [
            layer.source(),
            layer.subsetString(),
            str(status.st_size),
            str(status.st_mtime_ns),
            crs.toWkt(),
            str(FORMAT_VERSION),
        ]
    )
    folder = Path(QgsApplication.qgisSettingsDirPath()) / "ev_planner" / "networks"
    return folder / (hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + ".npz")


def _cached_or_built(
    source: QgsFeatureSource, layer, crs, context, progress_feedback, feedback
) -> WalkingNetwork:
    cache = _cache_path(layer, crs) if layer is not None else None
    if cache is not None and cache.is_file():
        try:
            network = WalkingNetwork.load(cache)
        except InputError as error:
            feedback.pushWarning(translate_message(error))
        else:
            feedback.pushInfo(tr("Street network read from the cache file {path}.").format(path=cache))
            return network
    lines = read_geometries(source, crs, context, progress_feedback)
    report_skipped(feedback, NETWORK, lines.skipped)
    network = WalkingNetwork.from_lines(
        [line for geometry in lines.geometries for line in geometry_to_lines(geometry)]
    )
    if cache is not None:
        _store(network, cache, feedback)
    return network


def _store(network: WalkingNetwork, cache: Path, feedback) -> None:
    """Write the cache file (failure only costs the next run the build) and drop the oldest ones."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.part")
        network.save(partial)
        os.replace(partial, cache)  # another run never reads a half-written file
        kept = sorted(cache.parent.glob("*.npz"), key=lambda path: path.stat().st_mtime, reverse=True)
        for old in kept[CACHE_FILES_KEPT:]:
            old.unlink()
    except OSError as error:
        feedback.pushWarning(tr("The street network could not be cached: {error}").format(error=error))
