"""The review GeoPackage: creation, append-only log, derived columns, concurrency, bad files."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ev_planner.core.errors import InputError, ReviewError
from ev_planner.core.review.events import ReviewEvent
from ev_planner.core.review.gpkg import decode_point
from ev_planner.core.review.states import TransitionError
from ev_planner.core.review.store import LocationInput, ReviewStore, create_review

REPO = Path(__file__).resolve().parents[3]


def test_created_file_is_a_geopackage_with_every_location_proposed(make_review):
    store = make_review(3)
    with sqlite3.connect(store.path) as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
        contents = dict(connection.execute("SELECT table_name, data_type FROM gpkg_contents"))
        blob = connection.execute("SELECT geom FROM review_locations WHERE location_id = 'L2'").fetchone()[0]
    assert contents == {
        "review_locations": "features",
        "review_events": "attributes",
        "review_config": "attributes",
    }
    assert decode_point(blob) == (84020.0, 447010.0)
    rows = store.locations()
    assert [r["status"] for r in rows] == ["proposed"] * 3
    assert rows[0]["address"] == "Markt 1"
    assert rows[0]["parking_spaces"] == 2
    assert rows[0]["score"] == 1.5
    assert rows[0]["decision_mobiliteit"] is None
    assert store.crs_authid() == "EPSG:28992"
    assert store.count_events() == 0


def test_existing_file_is_never_overwritten_silently(make_review, review_config):
    store = make_review(1)
    location = [LocationInput("X", 1.0, 2.0)]
    with pytest.raises(InputError, match="already exists"):
        create_review(store.path, location, review_config, "EPSG:28992", "x")
    store.append(ReviewEvent("L1", "submit", actor="an"))
    with pytest.raises(InputError, match="holds 1 review event"):
        create_review(store.path, location, review_config, "EPSG:28992", "x", overwrite=True)
    assert store.count_events() == 1


def test_duplicate_ids_refused(tmp_path, review_config):
    locations = [LocationInput("A", 0, 0), LocationInput("A", 1, 1)]
    with pytest.raises(InputError, match="unique"):
        create_review(tmp_path / "r.gpkg", locations, review_config, "EPSG:28992", "x")
    assert not (tmp_path / "r.gpkg").exists()


def test_derived_columns_follow_the_log(make_review):
    store = make_review(1)
    store.append(ReviewEvent("L1", "submit", at="2026-05-01T08:00:00Z", actor="Ann"))
    store.append(
        ReviewEvent("L1", "approve", at="2026-05-02T08:00:00Z", actor="Bob", department="Mobiliteit")
    )
    row = store.location("L1")
    assert (row["status"], row["awaiting"], row["event_count"]) == ("in_review", "Openbare ruimte", 2)
    store.append(
        ReviewEvent("L1", "approve", at="2026-05-03T08:00:00Z", actor="Cas", department="Openbare ruimte")
    )
    row = store.location("L1")
    assert row["status"] == "approved"
    assert row["status_since"] == "2026-05-03T08:00:00.000Z"
    assert row["decision_openbare_ruimte"] == "approved"
    with pytest.raises(TransitionError, match="in_review"):
        store.append(ReviewEvent("L1", "reject", actor="Dirk", department="Mobiliteit", reason="no"))
    assert store.count_events() == 3
    with pytest.raises(ReviewError, match="Unknown location"):
        store.append(ReviewEvent("nope", "comment", actor="x", comment="y"))


def test_log_is_append_only(make_review):
    store = make_review(1)
    store.append(ReviewEvent("L1", "comment", actor="Ann", comment="first look"))
    with sqlite3.connect(store.path) as connection:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            connection.execute("DELETE FROM review_events")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            connection.execute("UPDATE review_events SET comment = 'edited'")
    assert store.events("L1")[0].comment == "first look"


def test_photo_is_copied_next_to_the_geopackage(make_review, tmp_path):
    store = make_review(1)
    photo = tmp_path / "elsewhere" / "straat foto.jpg"
    photo.parent.mkdir()
    photo.write_bytes(b"\xff\xd8 not really a jpeg")
    event = store.append(ReviewEvent("L1", "comment", actor="Ann", comment="situatie"), photo=photo)
    copied = store.path.parent / event.attachment
    assert copied.read_bytes() == photo.read_bytes()
    assert copied.parent.parent == store.attachment_dir()
    with pytest.raises(InputError, match="does not exist"):
        store.append(ReviewEvent("L1", "comment", actor="Ann", comment="x"), photo=tmp_path / "missing.jpg")


def test_refused_event_leaves_no_attachment(make_review, tmp_path):
    store = make_review(1)
    photo = tmp_path / "p.png"
    photo.write_bytes(b"png")
    with pytest.raises(TransitionError):
        store.append(ReviewEvent("L1", "deliver", actor="Ann"), photo=photo)
    assert list(store.attachment_dir().rglob("*.png")) == []


def test_wrong_file_and_missing_table_get_clear_messages(tmp_path, make_review):
    not_gpkg = tmp_path / "notes.gpkg"
    not_gpkg.write_text("this is not a database at all" * 100)
    with pytest.raises(ReviewError, match="not a GeoPackage"):
        ReviewStore(not_gpkg)
    other = tmp_path / "other.gpkg"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE review_locations (fid INTEGER PRIMARY KEY)")
    with pytest.raises(ReviewError, match="review_events, review_config is missing"):
        ReviewStore(other)
    with pytest.raises(ReviewError, match="does not exist"):
        ReviewStore(tmp_path / "missing.gpkg")
    store = make_review(1)
    with sqlite3.connect(store.path) as connection:
        connection.execute("DROP TABLE review_config")
    with pytest.raises(ReviewError, match="review_config is missing"):
        ReviewStore(store.path)


def test_locked_file_gets_a_clear_message(make_review):
    store = make_review(1)
    blocker = sqlite3.connect(store.path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        impatient = ReviewStore.__new__(ReviewStore)
        impatient.__dict__.update(store.__dict__)
        impatient.busy_timeout = 0.2
        with pytest.raises(ReviewError, match="locked by another program"):
            impatient.append(ReviewEvent("L1", "submit", actor="Ann"))
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert store.count_events() == 0


WRITER = textwrap.dedent(
    """
    import sys
    from ev_planner.core.review.events import ReviewEvent
    from ev_planner.core.review.store import ReviewStore
    path, department, actor = sys.argv[1:4]
    store = ReviewStore(path)
    ids = store.location_ids()
    for location_id in ids:  # 250 locations x (decision + comment) = 500 events
        store.append(ReviewEvent(location_id, "approve", actor=actor, department=department))
        store.append(ReviewEvent(location_id, "comment", actor=actor, comment="checked by " + actor))
    """
)


def test_two_processes_writing_500_events_each(make_review):
    store = make_review(250)
    store.append_many(ReviewEvent(i, "submit", actor="lead") for i in store.location_ids())
    before = store.count_events()
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(store.path), department, actor],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for department, actor in (("Mobiliteit", "ann"), ("Openbare ruimte", "bob"))
    ]
    for writer in writers:
        _, stderr = writer.communicate(timeout=600)
        assert writer.returncode == 0, stderr
    assert store.count_events() - before == 1000
    rows = store.locations()
    assert {r["status"] for r in rows} == {"approved"}
    assert all(r["event_count"] == 5 for r in rows)
    with sqlite3.connect(store.path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for row in rows[:20]:  # the derived columns equal a fresh replay of the log
        assert store.state(row["location_id"]).status == row["status"]


def test_overwrite_replaces_a_file_without_events(make_review, review_config):
    store = make_review(2)
    create_review(
        store.path, [LocationInput("N1", 5.0, 6.0)], review_config, "EPSG:28992", "x", overwrite=True
    )
    assert ReviewStore(store.path).location_ids() == ["N1"]
    assert not store.path.with_name(store.path.name + ".creating").exists()
