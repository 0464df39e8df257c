"""The QGIS plugin: provider registration, menu and docks."""

from __future__ import annotations

import configparser
from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsSettings
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .core.dependencies import install_command, missing_optional_packages
from .i18n import install_translator, remove_translator, tr, translate_message
from .processing.base import ICON_PATH
from .processing.provider import EvPlannerProvider

MENU = "&EV Planner"
DEPENDENCY_NOTICE_KEY = "ev_planner/dependency_notice_version"
METADATA = Path(__file__).resolve().parent / "metadata.txt"


def plugin_version() -> str:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(METADATA, encoding="utf-8")
    return parser.get("general", "version", fallback="")


class EvPlannerPlugin:
    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider: EvPlannerProvider | None = None
        self.actions: list[QAction] = []
        self.review_action: QAction | None = None
        self.review_dock = None  # ReviewDock, created on first use
        install_translator()

    def initProcessing(self) -> None:
        if self.provider is None:
            provider = EvPlannerProvider()
            # addProvider() refuses (and deletes) a second provider with the same id, e.g. when
            # another copy of the plugin is installed: then there is nothing of ours to remove.
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider
            else:
                QgsMessageLog.logMessage(
                    tr("Another Processing provider with the id 'evplanner' is already registered."),
                    "EV Planner",
                    Qgis.MessageLevel.Warning,
                )

    def initGui(self) -> None:
        self.initProcessing()
        self._report_missing_packages()
        toolbox_action = QAction(QIcon(str(ICON_PATH)), tr("EV Planner algorithms…"), self.iface.mainWindow())
        toolbox_action.setToolTip(tr("Show the EV Planner algorithms in the Processing Toolbox"))
        toolbox_action.triggered.connect(self.show_algorithms)
        self._add_action(toolbox_action)
        review_action = QAction(QIcon(str(ICON_PATH)), tr("Review locations"), self.iface.mainWindow())
        review_action.setToolTip(tr("Show or hide the EV Planner review dock"))
        review_action.setCheckable(True)
        review_action.toggled.connect(self.toggle_review_dock)
        self._add_action(review_action)
        self.iface.addToolBarIcon(review_action)
        self.review_action = review_action

    def _report_missing_packages(self) -> None:
        """Say once per plugin version which optional package is missing, with its install command."""
        missing = missing_optional_packages()
        if not missing:
            return
        text = "; ".join(
            tr("{package} is not installed ({gain}). Install it with: {command}").format(
                package=name, gain=translate_message(gain), command=install_command(name)
            )
            for name, gain in missing.items()
        )
        QgsMessageLog.logMessage(text, "EV Planner", Qgis.MessageLevel.Info)
        settings = QgsSettings()
        version = plugin_version()
        if settings.value(DEPENDENCY_NOTICE_KEY, "") != version:
            self.iface.messageBar().pushMessage("EV Planner", text, Qgis.MessageLevel.Info, 0)
            settings.setValue(DEPENDENCY_NOTICE_KEY, version)

    def toggle_review_dock(self, visible: bool) -> None:
        if self.review_dock is None:
            if not visible:
                return
            from .ui.review_dock import ReviewDock, dock_beside_the_map

            self.review_dock = ReviewDock(self.iface, self.iface.mainWindow())
            dock_beside_the_map(self.iface.mainWindow(), self.review_dock)
            # Closing the dock with its own button unticks the action.
            self.review_dock.visibilityChanged.connect(self._review_dock_visibility)
        if visible:
            self.review_dock.show()
            self.review_dock.raise_()
        else:
            self.review_dock.hide()

    def _review_dock_visibility(self, visible: bool) -> None:
        if self.review_action is not None and self.review_dock is not None:
            self.review_action.blockSignals(True)
            self.review_action.setChecked(visible)
            self.review_action.blockSignals(False)

    def _add_action(self, action: QAction) -> None:
        self.iface.addPluginToMenu(MENU, action)
        self.actions.append(action)

    def show_algorithms(self) -> None:
        # The Processing plugin owns the toolbox; filtering it on our provider name
        # shows the user exactly the EV Planner algorithms.
        from processing.gui.ProcessingToolbox import ProcessingToolbox
        from qgis.utils import plugins

        processing_plugin = plugins.get("processing")
        toolbox = getattr(processing_plugin, "toolbox", None)
        if isinstance(toolbox, ProcessingToolbox):
            toolbox.setVisible(True)
            toolbox.raise_()
            toolbox.searchBox.setText("EV Planner")

    def unload(self) -> None:
        if self.review_action is not None:
            self.iface.removeToolBarIcon(self.review_action)
            self.review_action = None
        if self.review_dock is not None:
            self.review_dock.release()
            self.iface.removeDockWidget(self.review_dock)
            self.review_dock.deleteLater()
            self.review_dock = None
        for action in self.actions:
            self.iface.removePluginMenu(MENU, action)
            action.deleteLater()
        self.actions.clear()
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator()
