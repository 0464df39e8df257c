"""The ``evplanner`` Processing provider.

Algorithms are discovered in ``ev_planner.processing.algorithms``: every
concrete :class:`EvPlannerAlgorithm` subclass with an ``ALGORITHM_ID`` defined
in a module of that package is registered, so adding an algorithm never means
editing a central list.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from qgis.core import Qgis, QgsMessageLog, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from . import algorithms as algorithms_package
from .base import ICON_PATH, EvPlannerAlgorithm

PROVIDER_ID = "evplanner"


def algorithm_classes() -> tuple[list[type[EvPlannerAlgorithm]], list[str]]:
    """All algorithm classes of the package, and the modules that failed to import."""
    found: dict[str, type[EvPlannerAlgorithm]] = {}
    failures: list[str] = []
    for module_info in sorted(pkgutil.iter_modules(algorithms_package.__path__), key=lambda m: m.name):
        module_name = f"{algorithms_package.__name__}.{module_info.name}"
        try:
            module = importlib.import_module(module_name)
        except Exception as exc:  # one broken module must not hide the other algorithms
            failures.append(f"{module_name}: {type(exc).__name__}: {exc}")
            continue
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, EvPlannerAlgorithm) and cls.ALGORITHM_ID and cls.__module__ == module_name:
                found[cls.ALGORITHM_ID] = cls
    return [found[key] for key in sorted(found)], failures


class EvPlannerProvider(QgsProcessingProvider):
    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return tr("EV Planner")

    def longName(self) -> str:
        return tr("EV Planner: charge point planning")

    def icon(self) -> QIcon:
        return QIcon(str(ICON_PATH))

    def loadAlgorithms(self) -> None:
        classes, failures = algorithm_classes()
        for failure in failures:
            QgsMessageLog.logMessage(
                tr("Could not load an algorithm module: {failure}").format(failure=failure),
                "EV Planner",
                Qgis.MessageLevel.Critical,
            )
        for cls in classes:
            self.addAlgorithm(cls())
