"""Run inside QGIS desktop by scripts/screenshot_qgis.sh (``qgis --code``): screenshot and quit."""

import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QScrollArea
from qgis.utils import iface, plugins


def _show_ev_planner() -> None:
    width, height = (int(n) for n in os.environ.get("EVP_SCREEN_SIZE", "1600x1000").split("x"))
    iface.mainWindow().resize(width, height)  # there is no window manager to maximise it
    plugin = plugins.get("ev_planner")
    if plugin is not None:
        plugin.show_algorithms()
        plugin.review_action.setChecked(True)  # the dock opens the project's review file
    QTimer.singleShot(2000, _select_location)


def _select_location() -> None:
    """After the window has its size, as a user clicks: the zoom depends on the canvas size."""
    plugin = plugins.get("ev_planner")
    if plugin is not None:
        dock = plugin.review_dock
        dock.awaiting_only.setChecked(False)  # every location with its status, one with its history
        location = os.environ.get("EVP_SCREENSHOT_LOCATION", "DELFT-004")
        dock.select_location(location, zoom=os.environ.get("EVP_SCREENSHOT_ZOOM") == "1")
    iface.mapCanvas().refreshAllLayers()
    QTimer.singleShot(6000, _save_and_quit)


def _save_and_quit() -> None:
    window = iface.mainWindow()
    window.grab().save(os.environ["EVP_SCREENSHOT"])
    if os.environ.get("EVP_SCREENSHOT_INFO"):  # what a test cannot see: does it all fit the screen?
        hint, canvas = window.minimumSizeHint(), iface.mapCanvas()
        lines = [f"window {window.width()}x{window.height()} minimum {hint.width()}x{hint.height()}"]
        lines.append(f"canvas {canvas.width()}x{canvas.height()} scale 1:{canvas.scale():.0f}")
        dock = getattr(plugins.get("ev_planner"), "review_dock", None)
        if dock is not None:
            scroll = dock.findChild(QScrollArea)
            body, viewport = scroll.widget(), scroll.viewport()
            lines.append(
                f"review dock {dock.width()}x{dock.height()} viewport {viewport.width()}x{viewport.height()} "
                f"content minimum {body.minimumSizeHint().width()}x{body.minimumSizeHint().height()} "
                f"splitter {dock.splitter.sizes()} font height {dock.fontMetrics().height()}"
            )
        with open(os.environ["EVP_SCREENSHOT_INFO"], "w", encoding="utf-8") as info:
            info.write("\n".join(lines) + "\n")
    QgsApplication.exit(0)


QTimer.singleShot(8000, _show_ev_planner)
