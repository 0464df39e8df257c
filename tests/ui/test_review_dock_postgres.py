"""The review dock on a PostgreSQL review (real cluster, real QGIS layers, offscreen).

ann (Mobiliteit), bob (Netbeheer), coco (coordinator) and dirk (no role) log in through
authentication configurations stored in the test profile's QGIS auth database, as a
municipal colleague would; the database, not the dock, decides what each may do.
"""

from __future__ import annotations

import time
from typing import Callable

import pytest
from qgis.core import (
    QgsDataSourceUri,
    QgsFeature,
    QgsProject,
    QgsSettings,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ev_planner.core.review.events import ReviewEvent
from ev_planner.ui.review_dock import (
    LAST_AUTHCFG,
    LAST_KIND,
    LAST_POSTGRES,
    SETTINGS_PREFIX,
    ReviewDock,
)
from tests.support.pg_review import PASSWORDS
from tests.support.qgis_auth import stored_basic_login

SETTING_KEYS = ("name", "department", "last_file", LAST_POSTGRES, LAST_AUTHCFG, LAST_KIND)
WAIT_S = 20.0


def wait_until(condition: Callable[[], bool], timeout: float = WAIT_S) -> bool:
    """Let Qt deliver socket and timer events until ``condition`` holds (False at the timeout)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def auth_config(user: str) -> str:
    """An authentication configuration (Basic) holding the user's login; returns its id."""
    return stored_basic_login(f"EV Planner test {user}", user, PASSWORDS[user])


def target_text(team_database, schema: str) -> str:
    """Keywords without a user: the login comes from the authcfg alone."""
    cluster = team_database.cluster
    return f"host={cluster.host} port={cluster.port} dbname={team_database.dbname} schema={schema}"


def clear_settings() -> None:
    settings = QgsSettings()
    for key in SETTING_KEYS:
        settings.remove(SETTINGS_PREFIX + key)


@pytest.fixture
def dock(qgis_iface):
    clear_settings()
    docks = []

    def make() -> ReviewDock:
        docks.append(ReviewDock(qgis_iface))
        return docks[-1]

    yield make
    QgsProject.instance().removeAllMapLayers()
    for widget in docks:
        widget.release()
        widget.deleteLater()
    clear_settings()


@pytest.fixture
def review(team_database) -> str:
    schema = team_database.new_review()
    team_database.store(schema, "coco").append(ReviewEvent("L1", "submit"))
    team_database.store(schema, "coco").append(ReviewEvent("L2", "submit"))
    return schema


def test_ann_sees_only_her_department_and_her_decision_is_recorded_as_ann(dock, team_database, review):
    ann = dock()
    assert ann.open_postgres(target_text(team_database, review), auth_config("ann"))
    combo = ann.department_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Mobiliteit"]
    assert ann.department() == "Mobiliteit"
    assert ann.reviewer_stack.currentWidget() is ann.login_label
    ann.reviewer_box.setCollapsed(True)
    ann.reviewer_box.setCollapsed(False)  # expanding shows the login, not a name field
    assert ann.reviewer_stack.currentWidget() is ann.login_label
    assert ann.login_label.text() == "Logged in as ann"
    assert ann.location_ids_shown() == ["L1", "L2"]

    assert ann.select_location("L1", zoom=False)
    assert ann.approve_button.isEnabled()
    ann.step_combo.setCurrentIndex(ann.step_combo.findData("request"))
    assert not ann.step_button.isEnabled()  # a process step needs the coordinator role
    assert f"{review}_coordinator" in ann.step_button.toolTip()
    ann.comment_edit.setPlainText("Prima plek")
    ann.approve_button.click()
    event = team_database.store(review).events("L1")[-1]
    assert (event.action, event.actor, event.department, event.comment) == (
        "approve",
        "ann",
        "Mobiliteit",
        "Prima plek",
    )
    assert ann.location_ids_shown() == ["L2"]  # L1 no longer awaits Mobiliteit
    assert ann.reviewer_box.title() == f"{review} · ann (Mobiliteit)"


def test_bobs_event_appears_in_anns_dock_after_the_notification(dock, team_database, review):
    ann = dock()
    assert ann.open_postgres(target_text(team_database, review), auth_config("ann"))
    assert ann.listener is not None
    assert ann.listener.listening
    ann.awaiting_only.setChecked(False)
    assert ann.select_location("L1", zoom=False)
    assert "bob" not in ann.history.toPlainText()
    team_database.store(review, "bob").append(
        ReviewEvent("L1", "reject", department="Netbeheer", reason="grid")
    )
    assert wait_until(lambda: "bob" in ann.history.toPlainText())
    assert ann.table.item(0, 1).text() == "rejected"

    # The listening connection is lost: the dock polls the event count and listens again.
    result = team_database.cluster.psql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE usename = 'ann' AND query LIKE 'LISTEN%{review}_events%'",
        team_database.dbname,
    )
    assert result.returncode == 0, result.stderr
    assert wait_until(lambda: ann.listener.polling or not ann.listener.listening)
    team_database.store(review, "bob").append(ReviewEvent("L2", "comment", comment="na de storing"))
    assert ann.select_location("L2", zoom=False)
    assert wait_until(lambda: "na de storing" in ann.history.toPlainText())
    assert wait_until(lambda: ann.listener.listening and not ann.listener.polling)

    # Closing the dock, or opening another review, ends the listening.
    listener = ann.listener
    ann.close()
    assert ann.listener is None
    assert not listener.listening


def test_a_login_without_a_role_gets_a_clear_message_and_no_decision_controls(dock, team_database, review):
    dirk = dock()
    assert not dirk.open_postgres(target_text(team_database, review), auth_config("dirk"))
    assert "your login may not read it" in dirk.message_label.text()
    assert dirk.action_tabs.isHidden()


def test_photos_go_into_the_database_and_open_from_a_temporary_copy(dock, team_database, review, tmp_path):
    ann = dock()
    assert ann.open_postgres(target_text(team_database, review), auth_config("ann"))
    assert ann.select_location("L2", zoom=False)
    photo = tmp_path / "straat.png"
    photo.write_bytes(b"\x89PNG street in the database")
    assert ann.attach_photo(str(photo))
    event = team_database.store(review).events("L2")[-1]
    assert event.attachment.startswith("review_attachments/")
    assert team_database.store(review, "bob").attachment_bytes(event.attachment) == photo.read_bytes()
    assert f'href="{event.attachment}"' in ann.history.toHtml()
    opened = ann.attachment_file(event.attachment)
    assert opened.read_bytes() == photo.read_bytes()
    assert opened.parent != photo.parent
    assert ann.attachment_file("review_attachments/nonexistent.png") is None


def test_the_review_layer_is_postgis_with_the_authcfg_and_no_password_is_kept(
    dock, team_database, review, qgis_iface, tmp_path
):
    authcfg = auth_config("ann")
    ann = dock()
    assert ann.open_postgres(target_text(team_database, review), authcfg)
    layer = ann.review_layer(add=False)
    assert layer is not None
    assert layer.isValid()
    assert layer.providerType() == "postgres"
    assert layer.featureCount() == 3
    assert QgsDataSourceUri(layer.source()).authConfigId() == authcfg
    settings = QgsSettings()
    assert settings.value(SETTINGS_PREFIX + LAST_AUTHCFG) == authcfg
    values = [str(settings.value(key)) for key in settings.allKeys()]
    assert not [value for value in values if PASSWORDS["ann"] in value]
    project_file = tmp_path / "review.qgs"
    assert QgsProject.instance().write(str(project_file))
    text = project_file.read_text(encoding="utf-8")
    assert authcfg in text
    assert PASSWORDS["ann"] not in text
    assert "password=" not in text

    # The project's PostGIS layer names the review: a new dock opens it and adds no second layer.
    again = dock()
    assert again.is_postgres()
    assert again.store.schema == review
    assert again.review_layer(add=False) is layer
    assert len(QgsProject.instance().mapLayers()) == 1


def ann_layer(team_database, schema: str, table: str, geometry: str = "") -> QgsVectorLayer:
    """A QGIS layer with ann's login in its URI (this test only: the dock never does this)."""
    cluster = team_database.cluster
    uri = QgsDataSourceUri()
    uri.setConnection(cluster.host, str(cluster.port), team_database.dbname, "ann", PASSWORDS["ann"])
    uri.setDataSource(schema, table, geometry or None, "", "fid")
    layer = QgsVectorLayer(uri.uri(False), table, "postgres")
    assert layer.isValid(), layer.error().message()
    return layer


def test_ann_cannot_decide_for_netbeheer_through_a_qgis_layer_edit(team_database, review):
    events = ann_layer(team_database, review, "review_events")
    feature = QgsFeature(events.fields())
    for name, value in {
        "event_id": "qgis-edit-1",
        "location_id": "L1",
        "at": "2026-01-05T10:00:00Z",
        "action": "approve",
        "department": "Netbeheer",
    }.items():
        feature.setAttribute(name, value)
    assert events.startEditing()
    assert events.addFeature(feature)
    assert not events.commitChanges()
    assert "ann may not record events for Netbeheer" in " ".join(events.commitErrors())
    events.rollBack()

    locations = ann_layer(team_database, review, "review_locations", "geom")
    target = next(f for f in locations.getFeatures() if f["location_id"] == "L1")
    assert locations.startEditing()
    assert locations.changeAttributeValue(
        target.id(), locations.fields().indexOf("decision_netbeheer"), "approved"
    )
    assert not locations.commitChanges()
    assert "follow the event log" in " ".join(locations.commitErrors())
    locations.rollBack()
    assert team_database.store(review).state("L1").decisions == {"Mobiliteit": None, "Netbeheer": None}


def test_a_password_in_the_target_or_an_unknown_saved_connection_is_reported(dock, team_database):
    ann = dock()
    assert not ann.open_postgres(f"postgresql://ann:{PASSWORDS['ann']}@localhost/db?schema=review1")
    assert "contains a password" in ann.message_label.text()
    assert PASSWORDS["ann"] not in ann.message_label.text()
    assert not QgsSettings().value(SETTINGS_PREFIX + LAST_POSTGRES)
    assert not ann.open_postgres("connection=Nergens schema=review1")
    assert "no saved PostgreSQL connection named Nergens" in ann.message_label.text()
    assert ann.store is None
    assert ann.listener is None


def test_a_reader_without_a_department_or_coordinator_role_sees_why_and_no_controls(
    dock, team_database, review
):
    # An auditor's read-only grant, given by hand: dirk may read the review but decide nothing.
    result = team_database.psql(
        f"GRANT USAGE ON SCHEMA {review} TO dirk; GRANT SELECT ON ALL TABLES IN SCHEMA {review} TO dirk;"
    )
    assert result.returncode == 0, result.stderr
    dirk = dock()
    assert dirk.open_postgres(target_text(team_database, review), auth_config("dirk"))
    assert dirk.location_ids_shown() == []  # awaiting none of his (no) departments
    assert "dirk holds none of the roles of the review" in dirk.message_label.text()
    assert f"{review}_mobiliteit" in dirk.message_label.text()
    assert dirk.action_tabs.isHidden()
