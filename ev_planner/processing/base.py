"""Base class of every EV Planner algorithm.

It gives each algorithm its id, translated name and group, its help file, and
the one place where core exceptions become ``QgsProcessingException`` with
secrets removed. A run that fails or is canceled leaves no half-written output:
the sinks it had begun are removed (:mod:`.begun_outputs`), and Cancel, raised
anywhere as :class:`~ev_planner.core.errors.CanceledError`, always ends in
"Canceled: nothing was written."
"""

from __future__ import annotations

import os
import traceback
from pathlib import Path
from typing import Any

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QIcon

from ..core.errors import CanceledError, EvPlannerError, redact
from ..i18n import tr, translate_message
from .begun_outputs import BegunOutputs
from .help import help_html
from .layers import input_crs_problem
from .network import DISTANCE_METHOD, walking_without_network
from .parameters import keys_as_indexes
from .sinks import destination_file, into_existing_geopackage

ICON_PATH = Path(__file__).resolve().parent.parent / "resources" / "icons" / "ev_planner.svg"


def tr_noop(text: str) -> str:
    """Mark a constant for translation; :func:`tr` translates it where it is shown."""
    return text


# In workflow order. The toolbox sorts groups by their translated names, which would put the
# Dutch "Gebruik" before "Laadpunten": the number in front keeps the order in every language.
GROUPS: dict[str, str] = {
    "chargepoints": tr_noop("Charge points"),
    "potential": tr_noop("Potential map"),
    "review": tr_noop("Review workflow"),
    "usage": tr_noop("Usage and operators"),
}


def group_name(group_id: str) -> str:
    """The toolbox name of a group: its place in the workflow and its translated name."""
    return f"{list(GROUPS).index(group_id) + 1}. {tr(GROUPS[group_id])}"


class EvPlannerAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set the class constants and implement :meth:`run_algorithm`."""

    ALGORITHM_ID = ""  # lowercase ascii, never translated: a public interface
    GROUP_ID = ""  # a key of GROUPS
    DISPLAY_NAME = ""  # English; wrap it in tr_noop() so it is collected for translation
    SECRET_PARAMETERS: tuple[str, ...] = ()  # parameters whose values never appear in messages

    def __init__(self) -> None:
        super().__init__()
        self._secrets: list[str] = []
        self._begun_outputs = BegunOutputs()

    # --- identity -------------------------------------------------------------------------
    def name(self) -> str:
        return self.ALGORITHM_ID

    def displayName(self) -> str:
        return tr(self.DISPLAY_NAME)

    def group(self) -> str:
        return group_name(self.GROUP_ID)

    def groupId(self) -> str:
        return self.GROUP_ID

    def shortHelpString(self) -> str:
        return help_html(self.ALGORITHM_ID)

    def icon(self) -> QIcon:
        return QIcon(str(ICON_PATH))

    def tags(self) -> list[str]:
        # "EV Planner" lets the toolbox search (and our menu action) find every algorithm.
        return ["EV Planner", "evplanner", tr("charge point"), tr("electric vehicle")]

    def createInstance(self) -> EvPlannerAlgorithm:
        return self.__class__()

    def tr(self, text: str) -> str:
        return tr(text)

    def checkParameterValues(self, parameters: dict[str, Any], context: QgsProcessingContext):
        ok, message = super().checkParameterValues(
            keys_as_indexes(self.parameterDefinitions(), parameters), context
        )
        if ok and self.parameterDefinition(DISTANCE_METHOD) is not None:
            message = walking_without_network(self, parameters, context)
            ok = not message
        return ok, message

    def parameterAsSink(self, parameters, name, context, *args, **kwargs):
        """Every sink of EV Planner keeps the other layers of an existing GeoPackage."""
        if name in parameters:
            parameters = {**parameters, name: into_existing_geopackage(parameters[name])}
        destination = parameters.get(name)
        path = destination_file(destination)[0]
        file_existed = bool(path) and os.path.exists(path)
        sink, destination_id = super().parameterAsSink(parameters, name, context, *args, **kwargs)
        if sink is not None:
            self._begun_outputs.note(destination, file_existed, destination_id)
        return sink, destination_id

    # --- running --------------------------------------------------------------------------
    def register_secret(self, value: str | None) -> None:
        """Hide ``value`` (e.g. a token read from an authentication config) in messages."""
        if value:
            self._secrets.append(value)

    def run_algorithm(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        raise NotImplementedError

    def processAlgorithm(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        for name in self.SECRET_PARAMETERS:
            if self.parameterDefinition(name) is not None:
                self.register_secret(self.parameterAsString(parameters, name, context))
        self._begun_outputs.clear()
        try:
            self._refuse_inputs_without_crs(parameters, context)
            return self.run_algorithm(parameters, context, feedback)
        except Exception as exc:
            error = self._processing_exception(exc, feedback)
        # Outside the except block the failed run's frames, and with them its sinks, are released,
        # so their files can be removed; the message is the error, not a chain of tracebacks.
        self._begun_outputs.remove_all(feedback)
        raise error

    def _refuse_inputs_without_crs(self, parameters: dict[str, Any], context: QgsProcessingContext) -> None:
        """One rule for every algorithm: an input layer without a usable CRS is a clear error."""
        for definition in self.parameterDefinitions():
            name = definition.name()
            if parameters.get(name) in (None, "") or definition.type() not in (
                "source",
                "vector",
                "multilayer",
            ):
                continue
            if definition.type() == "multilayer":
                layers = self.parameterAsLayerList(parameters, name, context)
                sources = [layer for layer in layers if isinstance(layer, QgsVectorLayer)]
            else:
                sources = [self.parameterAsSource(parameters, name, context)]
            for source in sources:
                problem = input_crs_problem(source, name) if source is not None else ""
                if problem:
                    raise QgsProcessingException(problem)

    def _processing_exception(
        self, exc: Exception, feedback: QgsProcessingFeedback
    ) -> QgsProcessingException:
        """The one mapping of failures to messages, with secrets removed."""
        if isinstance(exc, CanceledError):
            return QgsProcessingException(tr("Canceled: nothing was written."))
        if isinstance(exc, EvPlannerError):
            return QgsProcessingException(redact(translate_message(exc), self._secrets))
        if isinstance(exc, (QgsProcessingException, OSError)):
            return QgsProcessingException(redact(str(exc), self._secrets))
        if isinstance(exc, MemoryError):
            return QgsProcessingException(
                tr("Not enough memory for this input. Use a smaller extent or fewer features.")
            )
        # A bug: report it without leaking secrets through a traceback.
        feedback.pushDebugInfo(
            redact("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)), self._secrets)
        )
        message = tr("Unexpected error in EV Planner (please report it): {error}").format(
            error=f"{type(exc).__name__}: {exc}"
        )
        return QgsProcessingException(redact(message, self._secrets))
