"""Run inside QGIS desktop by scripts/screenshot_qgis.sh (``qgis --code``): screenshot and quit."""

import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, plugins


def _show_ev_planner() -> None:
    plugin = plugins.get("ev_planner")
    if plugin is not None:
        plugin.show_algorithms()
        if hasattr(plugin, "show_review_dock"):
            plugin.show_review_dock()
    iface.mainWindow().resize(1600, 1000)  # there is no window manager to maximise it
    iface.mapCanvas().refreshAllLayers()
    QTimer.singleShot(6000, _save_and_quit)


def _save_and_quit() -> None:
    iface.mainWindow().grab().save(os.environ["EVP_SCREENSHOT"])
    QgsApplication.exit(0)


QTimer.singleShot(8000, _show_ev_planner)
