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
        location = os.environ.get("EVP_SCREENSHOT_LOCATION", "DELFT-004")
        dock.select_location(location, zoom=os.environ.get("EVP_SCREENSHOT_ZOOM") == "1")
    width, height = (int(n) for n in os.environ.get("EVP_SCREEN_SIZE", "1600x1000").split("x"))
    iface.mainWindow().resize(width, height)  # there is no window manager to maximise it
    iface.mapCanvas().refreshAllLayers()
    QTimer.singleShot(6000, _save_and_quit)


def _save_and_quit() -> None:
    window = iface.mainWindow()
    window.grab().save(os.environ["EVP_SCREENSHOT"])
    if os.environ.get("EVP_SCREENSHOT_INFO"):  # what a test cannot see: does the window fit the screen?
        with open(os.environ["EVP_SCREENSHOT_INFO"], "w", encoding="utf-8") as info:
            info.write(
                f"window {window.width()}x{window.height()} minimum {window.minimumSizeHint().width()}x"
                f"{window.minimumSizeHint().height()} scale {iface.mapCanvas().scale():.0f}\n"
            )
    QgsApplication.exit(0)


QTimer.singleShot(8000, _show_ev_planner)
