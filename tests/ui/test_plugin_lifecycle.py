"""The plugin loads in a real QGIS: classFactory, initGui, unload; provider registered and removed."""

from __future__ import annotations

from qgis.core import QgsApplication

import ev_planner
from ev_planner.processing.provider import PROVIDER_ID


def _registered_provider():
    return QgsApplication.processingRegistry().providerById(PROVIDER_ID)


def test_plugin_lifecycle_registers_and_removes_everything(qgis_iface, qgis_processing):
    existing = _registered_provider()
    if existing is not None:  # registered by another test's session fixture
        QgsApplication.processingRegistry().removeProvider(existing)
    plugin = ev_planner.classFactory(qgis_iface)

    plugin.initGui()
    provider = _registered_provider()
    assert provider is not None
    assert provider is plugin.provider
    assert len(provider.algorithms()) > 0
    assert plugin.actions, "initGui adds the plugin's menu actions"

    provider.refreshAlgorithms()
    assert len(provider.algorithms()) > 0

    plugin.unload()
    assert _registered_provider() is None
    assert plugin.actions == []


def test_init_processing_alone_registers_the_provider_once(qgis_iface, qgis_processing):
    """qgis_process calls only initProcessing(); calling it twice must not register twice."""
    existing = _registered_provider()
    if existing is not None:
        QgsApplication.processingRegistry().removeProvider(existing)
    plugin = ev_planner.classFactory(qgis_iface)
    plugin.initProcessing()
    plugin.initProcessing()
    assert _registered_provider() is plugin.provider
    plugin.unload()
    assert _registered_provider() is None


def test_menu_action_opens_the_toolbox_filtered_on_ev_planner(qgis_iface, qgis_processing):
    plugin = ev_planner.classFactory(qgis_iface)
    plugin.initGui()
    try:
        plugin.actions[0].trigger()  # must not raise, with or without the Processing plugin's toolbox
    finally:
        plugin.unload()


def test_a_second_copy_of_the_plugin_leaves_the_registered_provider_alone(qgis_iface, qgis_processing):
    """The registry refuses and deletes a provider with a taken id: unload must not touch it."""
    from ev_planner.processing.provider import EvPlannerProvider

    registry = QgsApplication.processingRegistry()
    existing = _registered_provider()
    # Keep a Python reference: a registered provider whose Python object is collected crashes QGIS.
    first = existing if existing is not None else EvPlannerProvider()
    if existing is None:
        assert registry.addProvider(first)
    try:
        plugin = ev_planner.classFactory(qgis_iface)
        plugin.initGui()
        assert plugin.provider is None
        plugin.unload()
        assert _registered_provider() is first
        assert len(first.algorithms()) > 0
    finally:
        if existing is None:
            registry.removeProvider(first)


def test_a_missing_optional_package_is_shown_once_with_its_install_command(
    qgis_iface, qgis_processing, monkeypatch
):
    import sys

    from qgis.core import Qgis, QgsSettings

    from ev_planner.core.dependencies import install_command
    from ev_planner.plugin import DEPENDENCY_NOTICE_KEY

    monkeypatch.setitem(sys.modules, "highspy", None)  # as if it were not installed
    QgsSettings().remove(DEPENDENCY_NOTICE_KEY)
    bar = qgis_iface.messageBar()  # pytest-qgis's recording message bar
    bar.clear_messages()
    for _ in range(2):  # the second start says nothing: the notice was given for this version
        plugin = ev_planner.classFactory(qgis_iface)
        plugin.initGui()
        plugin.unload()
    texts = bar.get_messages(Qgis.MessageLevel.Info)
    assert len(texts) == 1
    assert "highspy is not installed" in texts[0]
    assert install_command("highspy") in texts[0]
    bar.clear_messages()
