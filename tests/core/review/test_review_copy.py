"""Copying a review with its full history: GeoPackage -> PostgreSQL -> GeoPackage replays to the same statuses."""

from __future__ import annotations

import sqlite3

import pytest

from ev_planner.core.errors import CanceledError, InputError, ReviewError
from ev_planner.core.review.copy import copy_review, folded_states, verify_copy
from ev_planner.core.review.events import ReviewEvent
from ev_planner.core.review.postgres import PostgresReviewStore
from ev_planner.core.review.requests import request_records
from ev_planner.core.review.store import ReviewStore
from tests.support.pg_review import ADMIN, PASSWORDS
from tests.support.varied_review import CONFIG, PHOTO, comparable_rows, varied_review

pytestmark = pytest.mark.usefixtures("postgres_cluster")


def _schema_exists(team_database, schema: str) -> bool:
    result = team_database.psql(f"SELECT count(*) FROM pg_namespace WHERE nspname = '{schema}'")
    return result.stdout.split()[2] == "1"


def _roles(team_database, schema: str) -> list:
    result = team_database.psql(f"SELECT rolname FROM pg_roles WHERE rolname LIKE '{schema}\\_%' ORDER BY 1")
    return result.stdout.split()[2:-2]


def _to_postgres(team_database, source, schema: str):
    result = copy_review(source, team_database.target(schema), password=PASSWORDS[ADMIN])
    return result, team_database.store(schema)


def test_a_geopackage_review_goes_to_postgresql_and_back_unchanged(team_database, tmp_path):
    source = varied_review(tmp_path)
    result, pg = _to_postgres(team_database, source, "copied")
    assert (result.locations, result.events, result.requests, result.attachments) == (5, 13, 3, 1)
    assert result.missing_attachments == []
    back_path = tmp_path / "home" / "back.gpkg"
    back_result = copy_review(pg, back_path)
    assert (back_result.locations, back_result.events, back_result.attachments) == (5, 13, 1)
    back = ReviewStore(back_path)
    for copy in (pg, back):
        assert comparable_rows(copy) == comparable_rows(source)  # statuses, decisions, attributes, editable
        assert copy.recorded_events() == source.recorded_events()  # actor, at, recorded_at, event_id
        assert request_records(copy) == request_records(source)
        assert copy.config == CONFIG
        assert copy.crs_authid() == "EPSG:28992"
        assert folded_states(copy) == folded_states(source)
    assert [row["status"] for row in back.locations()] == [
        "requested",
        "in_review",
        "cancelled",
        "rejected",
        "proposed",
    ]
    photo_name = next(e.attachment for e in source.events() if e.attachment)
    assert photo_name.startswith("plan_attachments/L3/")
    assert pg.attachment_bytes(photo_name) == PHOTO
    assert (back_path.parent / photo_name).read_bytes() == PHOTO
    with sqlite3.connect(back_path) as db:
        types = {row[1]: row[2] for row in db.execute("PRAGMA table_info(review_locations)")}
    assert {k: types[k] for k in ("score", "rank", "surveyed", "wijk")} == {
        "score": "REAL",
        "rank": "INTEGER",
        "surveyed": "DATETIME",
        "wijk": "TEXT",
    }


def test_the_postgresql_copy_enforces_its_rules(team_database, tmp_path):
    _to_postgres(team_database, varied_review(tmp_path), "enforced")
    grants = "GRANT enforced_mobiliteit TO ann; GRANT enforced_coordinator TO coco;"
    assert team_database.psql(grants).returncode == 0
    team_database.store("enforced", "coco").append(ReviewEvent("R1", "submit"))
    with pytest.raises(ReviewError, match="ann may not record events for Netbeheer"):
        team_database.store("enforced", "ann").append(ReviewEvent("R1", "approve", department="Netbeheer"))
    refused = team_database.psql("DELETE FROM enforced.review_events")
    assert "permission denied for table review_events" in refused.stderr  # the owner lost DELETE too
    assert team_database.store("enforced").count_events() == 14


def test_a_postgresql_review_copied_home_keeps_the_logins_and_photos(team_database, tmp_path):
    schema = team_database.new_review()
    photo = tmp_path / "kast.jpg"
    photo.write_bytes(PHOTO)
    team_database.store(schema, "coco").append(ReviewEvent("L1", "submit"))
    stored = team_database.store(schema, "ann").append(
        ReviewEvent("L1", "comment", comment="kast"), photo=photo
    )
    team_database.store(schema, "bob").append(ReviewEvent("L1", "approve", department="Netbeheer"))
    home = tmp_path / "home.gpkg"
    copy_review(team_database.store(schema, "bob"), home)  # reading needs only a role of the review
    copy = ReviewStore(home)
    assert [(e.actor, e.action) for e in copy.events()] == [
        ("coco", "submit"),
        ("ann", "comment"),
        ("bob", "approve"),
    ]
    assert stored.attachment.startswith("review_attachments/")
    assert (tmp_path / stored.attachment).read_bytes() == PHOTO  # the same name, next to the GeoPackage
    assert copy.recorded_events() == team_database.store(schema).recorded_events()


def test_an_existing_target_is_refused_and_kept(team_database, tmp_path):
    source = varied_review(tmp_path)
    schema = team_database.new_review()
    team_database.store(schema, "coco").append(ReviewEvent("L1", "submit"))
    with pytest.raises(InputError, match=f"The schema {schema} already exists"):
        copy_review(source, team_database.target(schema), password=PASSWORDS[ADMIN])
    assert team_database.store(schema).count_events() == 1
    existing = tmp_path / "existing.gpkg"
    existing.write_bytes(b"not mine")
    with pytest.raises(InputError, match=r"existing\.gpkg already exists"):
        copy_review(team_database.store(schema), existing)
    assert existing.read_bytes() == b"not mine"
    with pytest.raises(InputError, match=r"plan\.gpkg already exists"):
        copy_review(source, source.path)
    assert source.count_events() == 13


def test_a_canceled_copy_leaves_no_schema_and_no_roles(team_database, tmp_path):
    source = varied_review(tmp_path)
    asked = []

    def cancel_after_creating() -> bool:
        asked.append(1)
        return len(asked) > 1

    with pytest.raises(CanceledError):
        copy_review(
            source, team_database.target("canceled"), PASSWORDS[ADMIN], is_canceled=cancel_after_creating
        )
    assert len(asked) == 2
    assert not _schema_exists(team_database, "canceled")
    assert _roles(team_database, "canceled") == []
    asked.clear()
    target = tmp_path / "out" / "canceled.gpkg"
    with pytest.raises(CanceledError):
        copy_review(source, target, is_canceled=cancel_after_creating)
    assert not target.exists()
    assert list((tmp_path / "out").rglob("*")) == []  # the photo and its folders are gone as well


def test_roles_a_dba_made_beforehand_survive_a_failed_copy(team_database, tmp_path):
    # The DBA (here the superuser) makes the role; createreview and copyreview then use it.
    made = team_database.cluster.psql("CREATE ROLE kept_mobiliteit NOLOGIN", team_database.dbname)
    assert made.returncode == 0, made.stderr
    with pytest.raises(CanceledError):
        copy_review(
            varied_review(tmp_path),
            team_database.target("kept"),
            PASSWORDS[ADMIN],
            is_canceled=iter([False, True]).__next__,
        )
    assert _roles(team_database, "kept") == ["kept_mobiliteit"]


def test_a_copy_that_replays_otherwise_is_refused(make_review):
    source, other = make_review(name="a.gpkg"), make_review(name="b.gpkg")
    source.append(ReviewEvent("L1", "submit", actor="Coco"))
    verify_copy(source, source)
    other.append(ReviewEvent("L1", "comment", actor="Coco", comment="hier"))
    with pytest.raises(
        ReviewError, match=r"b.gpkg does not replay to the statuses of a.gpkg \(locations L1\)"
    ):
        verify_copy(source, other)
    other.append(ReviewEvent("L2", "submit", actor="Coco"))
    with pytest.raises(ReviewError, match=r"The copy b\.gpkg holds 2 events, the review a\.gpkg 1"):
        verify_copy(source, other)


def test_status_columns_that_differ_from_the_log_are_refused(make_review):
    source, copy = make_review(name="a.gpkg"), make_review(name="b.gpkg")
    for store in (source, copy):
        store.append(ReviewEvent("L1", "submit", actor="Coco", event_id="same-id"))
    with sqlite3.connect(copy.path) as db:
        db.execute("UPDATE review_locations SET status = 'approved' WHERE location_id = 'L1'")
    with pytest.raises(
        ReviewError, match=r"status columns of the copy b.gpkg differ from its log \(locations L1\)"
    ):
        verify_copy(source, copy)


def _add_event_with_attachment(store: ReviewStore, attachment: str) -> None:
    with sqlite3.connect(store.path) as db:
        db.execute(
            "INSERT INTO review_events (event_id, location_id, at, actor, action, comment, attachment, source, "
            "recorded_at) VALUES ('hand', 'L1', '2026-05-01T10:00:00.000Z', 'x', 'comment', 'foto', ?, 'api', "
            "'2026-05-01T10:00:00.000Z')",
            (attachment,),
        )


@pytest.mark.parametrize("name", ["../buiten.jpg", "/etc/passwd", "C:/foto.jpg"])
def test_an_attachment_outside_the_review_is_refused(make_review, tmp_path, name):
    source = make_review()
    _add_event_with_attachment(source, name)
    with pytest.raises(ReviewError, match="points outside the review's folder"):
        copy_review(source, tmp_path / "out" / "copy.gpkg")
    assert not (tmp_path / "out").exists()


def test_a_missing_photo_is_counted_and_the_event_kept(make_review, tmp_path):
    source = make_review()
    _add_event_with_attachment(source, "review_attachments/L1/weg.jpg")
    result = copy_review(source, tmp_path / "out" / "copy.gpkg")
    assert result.missing_attachments == ["review_attachments/L1/weg.jpg"]
    assert result.attachments == 0
    assert [e.attachment for e in ReviewStore(tmp_path / "out" / "copy.gpkg").events()] == [
        "review_attachments/L1/weg.jpg"
    ]


def test_a_different_file_where_a_photo_goes_is_refused(tmp_path):
    source = varied_review(tmp_path)
    photo_name = next(e.attachment for e in source.events() if e.attachment)
    clash = tmp_path / "out" / photo_name
    clash.parent.mkdir(parents=True)
    clash.write_bytes(b"someone else's photo")
    with pytest.raises(InputError, match="exists with other content than the attachment"):
        copy_review(source, tmp_path / "out" / "copy.gpkg")
    assert not (tmp_path / "out" / "copy.gpkg").exists()
    assert clash.read_bytes() == b"someone else's photo"


def test_a_copy_next_to_the_source_shares_its_photos(tmp_path):
    source = varied_review(tmp_path)
    result = copy_review(source, tmp_path / "snapshot.gpkg")
    assert result.attachments == 1
    assert ReviewStore(tmp_path / "snapshot.gpkg").recorded_events() == source.recorded_events()


def test_postgresql_to_postgresql(team_database, tmp_path):
    _, first = _to_postgres(team_database, varied_review(tmp_path), "first")
    _, second = _to_postgres(team_database, first, "second")
    assert isinstance(second, PostgresReviewStore)
    assert comparable_rows(second) == comparable_rows(first)
    assert second.recorded_events() == first.recorded_events()


def test_a_location_without_a_point_is_refused(make_review, tmp_path):
    source = make_review()
    with sqlite3.connect(source.path) as db:
        db.execute("UPDATE review_locations SET geom = NULL WHERE location_id = 'L2'")
    with pytest.raises(ReviewError, match=r"The location L2 of review\.gpkg has no point"):
        copy_review(source, tmp_path / "out" / "copy.gpkg")
    assert not (tmp_path / "out").exists()


def test_a_copy_that_cannot_be_removed_says_what_is_left(team_database, tmp_path):
    """The copy is canceled, and by then its login may no longer connect: the error names both."""

    def cancel_and_lock_out():
        team_database.cluster.psql(f"ALTER ROLE {ADMIN} NOLOGIN", team_database.dbname)
        return True

    calls = iter([False, "lock"])
    try:
        with pytest.raises(
            ReviewError,
            match=r"The copy stopped \(Canceled.*\), and what it had written to left.*could not be removed",
        ) as caught:
            copy_review(
                varied_review(tmp_path),
                team_database.target("left"),
                PASSWORDS[ADMIN],
                is_canceled=lambda: next(calls) == "lock" and cancel_and_lock_out(),
            )
        assert PASSWORDS[ADMIN] not in str(caught.value)
    finally:
        team_database.cluster.psql(f"ALTER ROLE {ADMIN} LOGIN", team_database.dbname)
    assert _roles(team_database, "left")  # what was left is there, as the message says
    team_database.psql("DROP SCHEMA left CASCADE")
