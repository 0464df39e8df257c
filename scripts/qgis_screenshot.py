"""Run inside QGIS desktop by scripts/screenshot_qgis.sh (``qgis --code``): screenshot and quit."""

import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, plugins


def _show_ev_planner() -> None:
    plugin = plugins.get("ev_planner")
    if plugin is not None:
        plugin.show_algorithms()
        plugin.review_action.setChecked(True)  # the dock opens the project's review file
        dock = plugin.review_dock
        dock.awaiting_only.setChecked(False)  # every location with its status, one with its history
        dock.select_location(os.environ.get("EVP_SCREENSHOT_LOCATION", "DELFT-004"), zoom=False)
    iface.mainWindow().resize(1600, 1000)  # there is no window manager to maximise it
    iface.mapCanvas().refreshAllLayers()
    QTimer.singleShot(6000, _save_and_quit)


def _save_and_quit() -> None:
    iface.mainWindow().grab().save(os.environ["EVP_SCREENSHOT"])
    QgsApplication.exit(0)


QTimer.singleShot(8000, _show_ev_planner)
