"""Outputs a failed or canceled run had begun to write, and their removal.

QGIS creates a sink's file as soon as an algorithm asks for the sink, so a run that fails
half-way (Cancel, a bad feature, a full disk) would leave a file or GeoPackage layer behind
that looks like a result but holds only part of it. :class:`BegunOutputs` notes each sink
when it is created and, when the run fails, removes what that run created: a new file as a
whole, or only the new layer in a GeoPackage that already existed (its other layers stay).
"""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass
from typing import Any

from osgeo import ogr
from qgis.core import (
    QgsProcessingFeedback,
    QgsVectorFileWriter,
)

from ..i18n import tr
from .sinks import destination_file

# Files SQLite and GDAL keep next to a database or shapefile while it is open.
_SIDECARS = ("-wal", "-shm", "-journal")


@dataclass
class BegunOutput:
    path: str
    layer: str
    file_existed: bool


class BegunOutputs:
    """The sinks of one run, noted as they are created."""

    def __init__(self) -> None:
        self._outputs: list[BegunOutput] = []

    def clear(self) -> None:
        self._outputs = []

    def note(self, destination: Any, file_existed: bool, destination_id: str) -> None:
        """A sink was created for ``destination`` (as given) and QGIS wrote it as ``destination_id``."""
        path, layer = destination_file(destination_id)
        if not path:
            path, layer = destination_file(destination)
        if path and os.path.isfile(path):
            self._outputs.append(BegunOutput(path, layer, file_existed))

    def remove_all(self, feedback: QgsProcessingFeedback) -> None:
        """Remove what the failed run wrote; say so in the log, and say what could not be removed."""
        if not self._outputs:
            return
        # The sinks are released with the failed run's frames; collect them so that their files
        # are closed before they are removed (Windows cannot remove an open file).
        gc.collect()
        for output in self._outputs:
            try:
                removed = _remove(output)
            except (OSError, RuntimeError) as error:
                feedback.reportError(
                    tr("Could not remove the incomplete output {path}: {error}").format(
                        path=output.path, error=error
                    ),
                    False,
                )
                continue
            if removed:
                feedback.pushInfo(tr("Removed the incomplete output {path}.").format(path=removed))
        self.clear()


def _remove(output: BegunOutput) -> str:
    """Remove one begun output; returns what was removed ("" when nothing was there)."""
    if not os.path.isfile(output.path):
        return ""
    if not output.file_existed:
        if output.path.lower().endswith(".shp"):
            QgsVectorFileWriter.deleteShapeFile(output.path)
        else:
            os.remove(output.path)
        for suffix in _SIDECARS:
            if os.path.exists(output.path + suffix):
                os.remove(output.path + suffix)
        return output.path
    if not output.layer:
        return ""  # a file that existed and is not a layer container: nothing of ours to take out
    return _remove_layer(output.path, output.layer)


def _remove_layer(path: str, layer: str) -> str:
    dataset = ogr.Open(path, 1)  # None, or RuntimeError under ogr.UseExceptions(), on failure
    if dataset is None:
        raise OSError(tr("cannot open it for writing"))
    try:
        for index in range(dataset.GetLayerCount()):
            if dataset.GetLayerByIndex(index).GetName() == layer:
                dataset.DeleteLayer(index)
                return f"{path} ({layer})"
    finally:
        dataset = None  # closes the file
    return ""
