"""The review dock driven like a reviewer would (pytest-qgis, offscreen): department -> approval in the file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from qgis.core import QgsPointXY, QgsProject, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtWidgets import QScrollArea

import ev_planner
from ev_planner.core.review.events import ReviewEvent, os_user
from ev_planner.core.review.states import ReviewConfig
from ev_planner.core.review.store import LocationInput, ReviewStore, create_review
from ev_planner.i18n import I18N_DIR
from ev_planner.ui.review_dock import CLOSEST_SCALE, SETTINGS_PREFIX, ReviewDock, recorded_actor

# What a 1366×768 laptop leaves the dock beside the map canvas, under QGIS's menus, toolbars
# and status bar: measured in QGIS 3.22 (scripts/qgis_screenshot.py, EVP_SCREENSHOT_INFO), the
# dock a tab of the Processing Toolbox, 400×608 pixels with a font 17 pixels high.
LAPTOP_DOCK_WIDTH, LAPTOP_DOCK_HEIGHT, LAPTOP_FONT_HEIGHT = 400, 608, 17


def laptop_dock_size(widget) -> tuple:
    """That size for the font of this test session (the offscreen platform's may be larger)."""
    scale = max(1.0, widget.fontMetrics().height() / LAPTOP_FONT_HEIGHT)
    return round(LAPTOP_DOCK_WIDTH * scale), round(LAPTOP_DOCK_HEIGHT * scale)


@pytest.fixture
def review(tmp_path) -> ReviewStore:
    config = ReviewConfig.from_names(["Mobiliteit", "Parkeren"])
    locations = [
        LocationInput("L1", 84500.0, 447400.0, {"address": "Markt 1"}),
        LocationInput("L2", 84600.0, 447450.0, {"address": "Markt 2"}),
    ]
    store = ReviewStore(create_review(tmp_path / "review.gpkg", locations, config, "EPSG:28992"))
    for location_id in ("L1", "L2"):
        store.append(ReviewEvent(location_id, "submit", actor="lead"))
    store.append(ReviewEvent("L2", "approve", actor="piet", department="Parkeren"))
    return store


@pytest.fixture
def dock(qgis_iface):
    settings = QgsSettings()
    for key in ("name", "department", "last_file", "last_kind"):
        settings.remove(SETTINGS_PREFIX + key)
    widget = ReviewDock(qgis_iface)
    yield widget
    QgsProject.instance().removeAllMapLayers()
    widget.release()
    widget.deleteLater()


def test_from_choosing_a_department_to_an_approval_in_the_file(dock, review, qgis_iface):
    dock.file_widget.setFilePath(str(review.path))
    assert dock.store is not None
    assert [dock.department_combo.itemText(i) for i in range(dock.department_combo.count())] == [
        "Mobiliteit",
        "Parkeren",
    ]
    dock.name_edit.setText("Ann de Vries")
    dock.name_edit.editingFinished.emit()
    dock.department_combo.setCurrentIndex(dock.department_combo.findText("Parkeren"))
    assert dock.location_ids_shown() == ["L1"]  # L2 no longer awaits Parkeren
    dock.department_combo.setCurrentIndex(dock.department_combo.findText("Mobiliteit"))
    assert dock.location_ids_shown() == ["L1", "L2"]

    dock.table.selectRow(1)  # click on L2: zoom, history
    assert dock.selected_location() == "L2"
    assert "piet" in dock.history.toPlainText()
    layer = dock.review_layer(add=False)
    assert layer is not None  # loaded on opening, with the style stored in the GeoPackage
    assert layer.renderer().type() == "categorizedSymbol"
    assert qgis_iface.mapCanvas().extent().contains(layer.getFeature(2).geometry().asPoint())
    assert dock.approve_button.isEnabled()

    dock.comment_edit.setPlainText("Prima plek")
    dock.approve_button.click()

    events = ReviewStore(review.path).events("L2")
    assert (events[-1].action, events[-1].actor, events[-1].department, events[-1].comment) == (
        "approve",
        recorded_actor("Ann de Vries"),  # "Ann de Vries (ann)": the OS login beside the typed name
        "Mobiliteit",
        "Prima plek",
    )
    assert ReviewStore(review.path).location("L2")["status"] == "approved"
    assert dock.location_ids_shown() == ["L1"]

    # A later process step, with a photo of the street.
    dock.awaiting_only.setChecked(False)
    assert dock.select_location("L2", zoom=False)
    photo = review.path.parent / "incoming" / "straat.png"
    photo.parent.mkdir()
    photo.write_bytes(b"\x89PNG street")
    dock.step_combo.setCurrentIndex(dock.step_combo.findData("request"))
    dock.step_photo.setFilePath(str(photo))
    dock.step_button.click()
    request = ReviewStore(review.path).events("L2")[-1]
    assert (request.action, request.department) == ("request", None)
    assert (review.path.parent / request.attachment).read_bytes() == photo.read_bytes()
    assert ReviewStore(review.path).location("L2")["status"] == "requested"
    assert dock.step_photo.filePath() == ""
    settings = QgsSettings()
    assert settings.value(SETTINGS_PREFIX + "name") == "Ann de Vries"
    assert settings.value(SETTINGS_PREFIX + "department") == "Mobiliteit"

    # Remembered: a new dock opens the same file with the same name and department.
    again = ReviewDock(qgis_iface)
    assert again.store is not None
    assert again.name_edit.text() == "Ann de Vries"
    assert again.department() == "Mobiliteit"
    # ... folded into the title, so the locations get the height.
    assert again.reviewer_box.isCollapsed()
    assert again.reviewer_box.title() == "review.gpkg · Ann de Vries (Mobiliteit)"
    assert not dock.reviewer_box.isCollapsed()  # the first time, the reviewer fills them in
    again.deleteLater()


def test_reject_needs_a_reason_and_steps_follow_the_state_machine(dock, review, tmp_path):
    dock.open_review(str(review.path))
    dock.name_edit.setText("Bob")
    dock.department_combo.setCurrentIndex(dock.department_combo.findText("Mobiliteit"))
    dock.awaiting_only.setChecked(False)
    assert dock.select_location("L1", zoom=False)
    dock.reject_button.click()
    assert "reason" in dock.message_label.text()
    assert ReviewStore(review.path).count_events() == 3

    dock.step_combo.setCurrentIndex(dock.step_combo.findData("deliver"))
    dock.step_button.click()
    assert "only possible from installed" in dock.message_label.text()

    photo = tmp_path / "straat.jpg"
    photo.write_bytes(b"\xff\xd8 photo")
    assert dock.attach_photo(str(photo))
    event = ReviewStore(review.path).events("L1")[-1]
    assert event.action == "comment"
    assert (review.path.parent / event.attachment).read_bytes() == photo.read_bytes()

    dock.step_combo.setCurrentIndex(dock.step_combo.findData("cancel"))
    dock.cancel_reason_combo.setCurrentIndex(dock.cancel_reason_combo.findData("trees"))
    dock.comment_edit.setPlainText("Wortels van de linde")
    dock.step_button.click()
    state = ReviewStore(review.path).location("L1")
    assert state["status"] == "cancelled"
    assert not dock.approve_button.isEnabled()


def test_the_dock_opens_the_review_file_a_project_names(dock, review, tmp_path, qgis_iface):
    """The example project stores its review file relative to itself: reading it opens the file."""
    project = QgsProject.instance()
    project_dir = tmp_path / "project"
    project_dir.mkdir()
    project.writeEntry("ev_planner", "review_gpkg", "../review.gpkg")
    assert project.write(str(project_dir / "delft.qgz"))
    project.clear()
    assert dock.store is None or dock.store.path != review.path

    assert project.read(str(project_dir / "delft.qgz"))
    assert dock.store is not None
    assert dock.store.path.resolve() == review.path.resolve()

    later = ReviewDock(qgis_iface)  # a dock opened after the project also starts with it
    try:
        assert later.store is not None
        assert later.store.path.resolve() == review.path.resolve()
    finally:
        later.release()
        later.deleteLater()
        project.clear()


def test_wrong_file_is_reported_in_the_dock(dock, tmp_path):
    bogus = tmp_path / "notes.gpkg"
    bogus.write_text("not a database" * 50)
    assert not dock.open_review(str(bogus))
    assert "not a GeoPackage" in dock.message_label.text()
    assert dock.store is None


def test_plugin_action_opens_and_closes_the_dock(qgis_iface, monkeypatch):
    plugin = ev_planner.classFactory(qgis_iface)
    # Provider registration is the lifecycle test's subject; here it would replace the session's provider.
    monkeypatch.setattr(plugin, "initProcessing", lambda: None)
    plugin.initGui()
    try:
        plugin.review_action.trigger()
        assert plugin.review_dock is not None
        assert not plugin.review_dock.isHidden()
        assert plugin.review_action.isChecked()
        plugin.review_action.trigger()
        assert plugin.review_dock.isHidden()
        assert not plugin.review_action.isChecked()
    finally:
        plugin.unload()
    assert plugin.review_dock is None
    assert plugin.review_action is None


def _status_column(dock) -> dict:
    return {dock.table.item(i, 0).text(): dock.table.item(i, 1).text() for i in range(dock.table.rowCount())}


def test_statuses_actions_and_refusals_show_as_words_not_keys(dock, review):
    dock.open_review(str(review.path))
    dock.name_edit.setText("Bob")
    dock.awaiting_only.setChecked(False)
    assert _status_column(dock) == {"L1": "in review", "L2": "in review"}
    assert dock.select_location("L1", zoom=False)
    assert "submit for review" in dock.history.toPlainText()

    dock.step_combo.setCurrentIndex(dock.step_combo.findData("deliver"))
    dock.step_button.click()
    message = dock.message_label.text()
    assert message == "'delivered' is only possible from installed; the location is in review."
    assert "in_review" not in message

    dock.department_combo.setCurrentIndex(dock.department_combo.findText("Mobiliteit"))
    dock.changes_button.click()
    assert dock.message_label.text() == "Recorded for L1: request changes."
    assert _status_column(dock)["L1"] == "changes requested"
    assert not dock.record("approve")  # what a stale button would do
    assert dock.message_label.text() == (
        "'approve' is a department decision, only possible while the location is in review "
        "(it is changes requested)."
    )


def test_the_dock_speaks_dutch_under_a_dutch_qgis(dock, review, qgis_iface):
    review.append(ReviewEvent("L2", "approve", actor="els", department="Mobiliteit"))
    translator = QTranslator()
    assert translator.load(str(I18N_DIR / "ev_planner_nl.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        dutch = ReviewDock(qgis_iface)
        try:
            dutch.open_review(str(review.path))
            dutch.name_edit.setText("Bob")
            dutch.awaiting_only.setChecked(False)
            assert _status_column(dutch)["L2"] == "goedgekeurd"
            # A review written by the Python API has no stored style: the shipped one, in Dutch.
            legend = [c.label() for c in dutch.review_layer(add=False).renderer().categories()]
            assert legend[:2] == ["Voorgesteld", "In behandeling"]
            steps = [dutch.step_combo.itemText(i) for i in range(dutch.step_combo.count())]
            assert steps[0] == "ter beoordeling indienen"
            assert dutch.cancel_reason_combo.findText("bomen") >= 0
            assert dutch.select_location("L2", zoom=False)
            history = dutch.history.toPlainText()
            assert "ter beoordeling indienen" in history
            assert "goedkeuren" in history
            assert "submit" not in history
            assert "approve" not in history
            dutch.step_combo.setCurrentIndex(dutch.step_combo.findData("deliver"))
            dutch.step_button.click()
            assert dutch.message_label.text().startswith("'opgeleverd' is alleen mogelijk vanuit ")
            assert dutch.message_label.text().endswith("de locatie is goedgekeurd.")
        finally:
            dutch.release()
            dutch.deleteLater()
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_history_is_in_date_order_whatever_the_order_of_recording(dock, tmp_path):
    config = ReviewConfig.from_names(["Mobiliteit"])
    store = ReviewStore(
        create_review(tmp_path / "dates.gpkg", [LocationInput("L1", 84500.0, 447400.0)], config, "EPSG:28992")
    )
    store.append(ReviewEvent("L1", "submit", at="2026-05-01T08:00:00Z", actor="lead"))
    store.append(
        ReviewEvent("L1", "check", at="2026-05-20T08:00:00Z", actor="check", comment="Geen conflicten")
    )
    # A spreadsheet of earlier decisions is imported after the automatic check ran.
    store.append(
        ReviewEvent("L1", "approve", at="2026-05-10T08:00:00Z", actor="Ann", department="Mobiliteit")
    )
    store.append(ReviewEvent("L1", "comment", at="2026-05-10T08:00:00Z", actor="Bob", comment="Zelfde tijd"))
    dock.open_review(str(store.path))
    dock.awaiting_only.setChecked(False)
    assert dock.select_location("L1", zoom=False)
    text = dock.history.toPlainText()
    shown = [
        "2026-05-01",
        "submit for review",
        "2026-05-10",
        "approve · Ann",
        "Zelfde tijd",
        "2026-05-20",
        "automatic check",
    ]
    positions = [text.find(part) for part in shown]
    assert -1 not in positions
    assert positions == sorted(positions)
    assert [e.action for e in store.history("L1")] == ["submit", "approve", "comment", "check"]
    assert [e.action for e in store.events("L1")] == ["submit", "check", "approve", "comment"]


def test_the_dock_fits_a_laptop_screen_beside_the_map(dock, review, qgis_iface):
    dock.open_review(str(review.path))
    assert dock.splitter.widget(0) is dock.table
    assert dock.splitter.widget(1) is dock.history
    assert not dock.splitter.childrenCollapsible()
    width, height = laptop_dock_size(dock)
    dock.resize(width, height)
    dock.show()
    try:  # the first time, with the file and reviewer form open: it may scroll, never force QGIS larger
        hint = dock.minimumSizeHint()
        assert hint.width() <= width
        assert hint.height() <= height
        assert dock.minimumWidth() <= width
        assert dock.minimumHeight() <= height
    finally:
        dock.hide()
    dock.name_edit.setText("Ann")
    dock.name_edit.editingFinished.emit()
    dock.department_combo.setCurrentIndex(dock.department_combo.findText("Mobiliteit"))
    returning = ReviewDock(qgis_iface)  # a returning reviewer: everything in sight, no scrolling
    returning.resize(width, height)
    returning.show()
    QCoreApplication.processEvents()  # the scroll area lays out its body on the next events
    try:
        scroll = returning.findChild(QScrollArea)
        assert not scroll.verticalScrollBar().isVisible()
        assert not scroll.horizontalScrollBar().isVisible()
        rows = returning.table.viewport().height() // returning.table.verticalHeader().defaultSectionSize()
        assert rows >= 5, "the table shows several locations at once"
        lines = returning.history.viewport().height() // returning.history.fontMetrics().lineSpacing()
        assert lines >= 5, "the history shows several lines"
    finally:
        returning.hide()
        returning.release()
        returning.deleteLater()


def test_selecting_a_location_pans_and_never_zooms_in_closer_than_1_to_2000(dock, review, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    dock.open_review(str(review.path))
    dock.awaiting_only.setChecked(False)
    layer = dock.review_layer(add=False)
    l1, l2 = (layer.getFeature(fid).geometry().asPoint() for fid in (1, 2))

    dock.table.selectRow(0)  # from an empty canvas: the street around L1
    assert canvas.scale() == pytest.approx(CLOSEST_SCALE, rel=0.01)
    assert canvas.center().distance(l1) < 1.0

    canvas.setCenter(QgsPointXY(84000.0, 447000.0))
    canvas.zoomScale(5000)
    dock.table.selectRow(1)  # at a street scale already: pan only
    assert canvas.scale() == pytest.approx(5000, rel=0.01)
    assert canvas.center().distance(l2) < 1.0

    canvas.zoomScale(500)
    dock.table.selectRow(0)  # closer than 1:2,000 loses the street: back to 1:2,000
    assert canvas.scale() == pytest.approx(CLOSEST_SCALE, rel=0.01)

    canvas.zoomScale(250_000)
    dock.table.selectRow(1)  # the whole region: a location cannot be judged there
    assert canvas.scale() == pytest.approx(CLOSEST_SCALE, rel=0.01)
    assert canvas.center().distance(l2) < 1.0


def test_the_review_path_is_shown_and_remembered_without_dot_dot_steps(dock, review, tmp_path):
    roundabout = tmp_path / "project" / ".." / "elsewhere" / ".." / review.path.name
    (tmp_path / "project").mkdir()
    (tmp_path / "elsewhere").mkdir()
    assert dock.open_review(str(roundabout))
    expected = os.path.normpath(str(review.path))
    assert dock.file_widget.filePath() == expected
    assert str(dock.store.path) == expected
    assert QgsSettings().value(SETTINGS_PREFIX + "last_file") == expected
    assert ".." not in Path(dock.review_layer(add=False).source().split("|")[0]).parts


def test_a_geopackage_event_records_the_os_login_beside_the_typed_name(dock, review):
    assert recorded_actor("Ann de Vries", "ann") == "Ann de Vries (ann)"
    assert recorded_actor("ann", "ann") == "ann"  # typed the login itself: no repetition
    assert recorded_actor("Ann de Vries (ann)", "ann") == "Ann de Vries (ann)"
    assert recorded_actor("Ann de Vries", "") == "Ann de Vries"  # no OS login known
    dock.file_widget.setFilePath(str(review.path))
    dock.name_edit.setText("Ann de Vries")
    dock.department_combo.setCurrentIndex(dock.department_combo.findText("Mobiliteit"))
    assert dock.select_location("L1", zoom=False)
    dock.comment_edit.setPlainText("Kijk ik morgen")
    assert dock.record("comment")
    actor = ReviewStore(review.path).events("L1")[-1].actor
    assert actor == recorded_actor("Ann de Vries", os_user())
    assert os_user() in actor
