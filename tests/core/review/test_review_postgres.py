"""The PostgreSQL review against a real PostGIS: same outcomes as a GeoPackage, and rules the database enforces."""

from __future__ import annotations

import random
import select
import threading

import pytest

from ev_planner.core.errors import InputError, ReviewError
from ev_planner.core.review.events import ReviewEvent
from ev_planner.core.review.importer import SKIP_NOT_PERMITTED, import_events
from ev_planner.core.review.postgres import PostgresReviewStore, create_postgres_review
from ev_planner.core.review.states import ReviewConfig, TransitionError
from ev_planner.core.review.store import ReviewStore, create_review
from tests.support.pg_review import ADMIN, DEPARTMENTS, PASSWORDS, team_locations

RD_WKT = 'PROJCS["Amersfoort / RD New",AUTHORITY["EPSG","28992"]]'

pytestmark = pytest.mark.usefixtures("postgres_cluster")

# A location's life as the tests of the GeoPackage review know it.
SCRIPT = [
    ("L1", "submit", None, "coco"),
    ("L1", "approve", "Mobiliteit", "ann"),
    ("L1", "approve", "Netbeheer", "bob"),
    ("L1", "request", None, "coco"),
    ("L2", "submit", None, "ann"),
    ("L2", "request_changes", "Netbeheer", "bob"),
    ("L2", "resubmit", None, "ann"),
    ("L2", "reject", "Mobiliteit", "ann"),
    ("L3", "comment", "Mobiliteit", "ann"),
    ("L3", "cancel", None, "coco"),
]
DERIVED = ("status", "decision_mobiliteit", "decision_netbeheer", "awaiting", "event_count")


def _event(location_id, action, department, minute):
    return ReviewEvent(
        location_id,
        action,
        at=f"2026-05-01T08:{minute:02d}:00Z",
        department=department,
        reason={"cancel": "other", "reject": "parking_pressure"}.get(action),
        comment="kabels liggen hier" if action == "comment" else None,
    )


def test_known_outcomes_equal_the_geopackage_review(team_database, tmp_path):
    schema = team_database.new_review()
    config = ReviewConfig.from_names(list(DEPARTMENTS))
    gpkg = ReviewStore(create_review(tmp_path / "r.gpkg", team_locations(), config, "EPSG:28992", RD_WKT))
    for minute, (location_id, action, department, user) in enumerate(SCRIPT):
        gpkg.append(_event(location_id, action, department, minute))
        team_database.store(schema, user).append(_event(location_id, action, department, minute))
    pg = team_database.store(schema)
    assert [{k: row[k] for k in DERIVED} for row in pg.locations()] == [
        {k: row[k] for k in DERIVED} for row in gpkg.locations()
    ]
    assert [row["status"] for row in pg.locations()] == ["requested", "rejected", "cancelled"]
    assert [(e.action, e.at) for e in pg.history()] == [(e.action, e.at) for e in gpkg.history()]
    assert pg.crs_authid() == "EPSG:28992"
    assert [row["xy"] for row in pg.locations()] == [row["xy"] for row in gpkg.locations()]


def test_the_actor_is_the_login_not_the_name_given(team_database):
    schema = team_database.new_review()
    stored = team_database.store(schema, "ann").append(ReviewEvent("L1", "submit", actor="Burgemeester"))
    assert stored.actor == "ann"
    assert [e.actor for e in team_database.store(schema).events("L1")] == ["ann"]


def test_a_member_of_mobiliteit_cannot_decide_for_netbeheer_through_the_plugin(team_database):
    schema = team_database.new_review()
    ann = team_database.store(schema, "ann")
    ann.append(ReviewEvent("L1", "submit"))
    assert ann.member_departments() == ["Mobiliteit"]
    with pytest.raises(ReviewError, match=rf"ann may not record events for Netbeheer.*{schema}_netbeheer"):
        ann.append(ReviewEvent("L1", "approve", department="Netbeheer"))
    assert ann.state("L1").decisions == {"Mobiliteit": None, "Netbeheer": None}


def test_a_member_of_mobiliteit_cannot_decide_for_netbeheer_through_psql(team_database):
    schema = team_database.new_review()
    team_database.store(schema, "ann").append(ReviewEvent("L1", "submit"))
    result = team_database.psql(
        f"INSERT INTO {schema}.review_events (event_id, location_id, at, action, department) "
        "VALUES ('by-psql', 'L1', now(), 'approve', 'Netbeheer')",
        "ann",
    )
    assert result.returncode != 0
    assert (
        f"ann may not record events for Netbeheer: that needs membership of the role {schema}_netbeheer"
        in (result.stderr)
    )
    assert team_database.store(schema).count_events() == 1


def test_process_steps_need_the_coordinator_role(team_database):
    schema = team_database.new_review()
    for user, action, department in (("coco", "submit", None), ("ann", "approve", "Mobiliteit")):
        team_database.store(schema, user).append(ReviewEvent("L1", action, department=department))
    team_database.store(schema, "bob").append(ReviewEvent("L1", "approve", department="Netbeheer"))
    with pytest.raises(ReviewError, match=rf"ann may not record request: .*{schema}_coordinator"):
        team_database.store(schema, "ann").append(ReviewEvent("L1", "request"))
    result = team_database.psql(
        f"INSERT INTO {schema}.review_events (event_id, location_id, at, action) VALUES ('x', 'L1', now(), 'request')",
        "ann",
    )
    assert "process steps need membership of the role" in result.stderr
    team_database.store(schema, "coco").append(ReviewEvent("L1", "request"))
    assert team_database.store(schema).state("L1").status == "requested"


def test_a_login_without_any_review_role_cannot_even_read(team_database):
    schema = team_database.new_review()
    with pytest.raises(
        ReviewError, match=f"schema {schema} is not an EV Planner review .or your login may not read it"
    ):
        team_database.store(schema, "dirk")


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE {schema}.review_events SET comment = 'rewritten'",
        "DELETE FROM {schema}.review_events",
        "TRUNCATE {schema}.review_events CASCADE",
    ],
)
@pytest.mark.parametrize("user", ["ann", ADMIN, None])  # a department, the owner, the superuser
def test_update_and_delete_of_events_are_refused_for_every_role(team_database, statement, user):
    schema = team_database.new_review()
    team_database.store(schema, "ann").append(ReviewEvent("L1", "comment", comment="eerste opmerking"))
    sql = statement.format(schema=schema)
    if user is None:
        result = team_database.cluster.psql(sql, team_database.dbname)
    else:
        result = team_database.psql(sql, user)
    assert result.returncode != 0
    assert "append-only" in result.stderr or "permission denied" in result.stderr
    assert [e.comment for e in team_database.store(schema).events()] == ["eerste opmerking"]


def test_the_superuser_hits_the_trigger_not_only_missing_privileges(team_database):
    schema = team_database.new_review()
    team_database.store(schema, "ann").append(ReviewEvent("L1", "comment", comment="x"))
    result = team_database.cluster.psql(f"DELETE FROM {schema}.review_events", team_database.dbname)
    assert "review_events is append-only; record a correcting event instead" in result.stderr


def test_derived_columns_are_not_edited_by_hand_and_locations_not_deleted(team_database):
    schema = team_database.new_review()
    for sql in (
        f"UPDATE {schema}.review_locations SET decision_netbeheer = 'approved' WHERE location_id = 'L1'",
        f"UPDATE {schema}.review_locations SET status = 'delivered'",
    ):
        result = team_database.psql(sql, "bob")
        assert "status and decisions follow the event log" in result.stderr
    result = team_database.psql(f"DELETE FROM {schema}.review_locations", ADMIN)
    assert result.returncode != 0
    assert (
        team_database.psql(
            f"UPDATE {schema}.review_locations SET address = 'Markt 9' WHERE location_id = 'L1'", "bob"
        ).returncode
        == 0
    )
    assert team_database.store(schema).location("L1")["address"] == "Markt 9"


def test_every_event_is_announced_to_listeners(team_database):
    schema = team_database.new_review()
    listener = team_database.cluster.connect(team_database.dbname, "ann", PASSWORDS["ann"])
    listener.autocommit = True
    listener.cursor().execute(f'LISTEN "{schema}_events"')
    team_database.store(schema, "bob").append(ReviewEvent("L2", "comment", comment="x"))
    # Delivered asynchronously: wait until the listener's socket has something to read.
    for _ in range(50):
        if select.select([listener], [], [], 0.2)[0]:
            listener.poll()
            if listener.notifies:
                break
    assert [(n.channel, n.payload) for n in listener.notifies] == [(f"{schema}_events", "L2")]
    listener.close()


def test_eight_concurrent_writers_lose_nothing_and_match_a_fresh_replay(team_database):
    """8 writers x 500 events on 4 shared locations: every committed event is there, statuses replay equal."""
    locations = team_locations(4)
    schema = team_database.new_review(locations)
    writers = ["ann", "bob", "coco", "ann", "bob", "coco", "ann", "bob"]
    committed = [0] * len(writers)
    refused = [0] * len(writers)
    errors = []
    department = {"ann": "Mobiliteit", "bob": "Netbeheer", "coco": None}

    def write(index: int, user: str) -> None:
        store = team_database.store(schema, user)
        rng = random.Random(index)
        try:
            for number in range(500):
                location = f"L{rng.randint(1, 4)}"
                action = rng.choice(
                    ["comment", "comment", "submit", "approve", "request_changes", "resubmit"]
                )
                if user == "coco" and action in ("approve", "request_changes"):
                    action = "comment"
                event = ReviewEvent(
                    location,
                    action,
                    department=department[user] if action != "submit" and action != "resubmit" else None,
                    comment=f"{user}-{index}-{number}",
                )
                try:
                    store.append(event)
                    committed[index] += 1
                except TransitionError:
                    refused[index] += 1
        except Exception as exc:  # reported below: a thread's failure must fail the test
            errors.append(repr(exc))
        finally:
            store.close()

    threads = [threading.Thread(target=write, args=(i, user)) for i, user in enumerate(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    assert errors == []
    assert sum(committed) + sum(refused) == 8 * 500
    admin = team_database.store(schema)
    assert admin.count_events() == sum(committed) > 1000
    for row in admin.locations():
        state = admin.state(row["location_id"])
        assert row["status"] == state.status
        assert row["event_count"] == len(admin.events(row["location_id"]))
        assert row["decision_mobiliteit"] == state.decisions["Mobiliteit"]
        assert row["decision_netbeheer"] == state.decisions["Netbeheer"]


def test_a_dropped_connection_during_an_import_loses_nothing(team_database, tmp_path):
    schema = team_database.new_review(team_locations(3))
    coco = team_database.store(schema, "coco")
    coco.append(ReviewEvent("L1", "comment", comment="vooraf vastgelegd"))
    rows = ["location_id,at,actor,department,action,reason,comment"]
    rows += [
        f"L{1 + i % 3},2026-05-01T08:{i // 60:02d}:{i % 60:02d}Z,coco,,comment,,rij {i}" for i in range(120)
    ]
    csv_path = tmp_path / "events.csv"
    csv_path.write_text("\n".join(rows) + "\n", encoding="utf-8")

    def drop_at_row_60(done: int, total: int) -> None:
        if done == 60:
            team_database.cluster.psql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'coco'",
                team_database.dbname,
            )

    with pytest.raises(ReviewError, match=r"connection to the review database .* was lost"):
        import_events(coco, csv_path, progress=drop_at_row_60)
    admin = team_database.store(schema)
    assert [e.comment for e in admin.events()] == ["vooraf vastgelegd"]
    result = import_events(coco, csv_path)  # the store connects again by itself
    assert result.imported == 120
    assert admin.count_events() == 121
    assert import_events(coco, csv_path).imported == 0  # idempotent as before


def test_an_import_skips_and_counts_what_the_login_may_not_record(team_database, tmp_path):
    schema = team_database.new_review()
    team_database.store(schema, "ann").append(ReviewEvent("L1", "submit"))
    csv_path = tmp_path / "besluiten.csv"
    csv_path.write_text(
        "location_id,at,actor,department,action,reason,comment\n"
        "L1,2026-05-01T09:00:00Z,Ann,Mobiliteit,approve,,\n"
        "L1,2026-05-01T09:05:00Z,Bob,Netbeheer,approve,,\n",
        encoding="utf-8",
    )
    result = import_events(team_database.store(schema, "ann"), csv_path)
    assert result.imported == 1
    assert result.skipped == {SKIP_NOT_PERMITTED: 1}
    assert "ann may not record events for Netbeheer" in str(result.skipped_rows[0][2])


def test_an_existing_schema_is_never_overwritten_with_events(team_database):
    schema = team_database.new_review()
    target = team_database.target(schema)
    config = ReviewConfig.from_names(list(DEPARTMENTS))
    with pytest.raises(InputError, match="already exists"):
        create_postgres_review(target, team_locations(), config, "EPSG:28992", password=PASSWORDS[ADMIN])
    team_database.store(schema, "ann").append(ReviewEvent("L1", "submit"))
    with pytest.raises(InputError, match="holds 1 review event"):
        create_postgres_review(
            target, team_locations(), config, "EPSG:28992", overwrite=True, password=PASSWORDS[ADMIN]
        )
    assert team_database.store(schema).count_events() == 1


def test_a_failed_creation_leaves_no_schema_behind(team_database):
    target = team_database.target("review_half")
    config = ReviewConfig.from_names(list(DEPARTMENTS))
    with pytest.raises(InputError, match="PostGIS does not know the coordinate reference system EPSG:999999"):
        create_postgres_review(target, team_locations(), config, "EPSG:999999", password=PASSWORDS[ADMIN])
    result = team_database.psql("SELECT count(*) FROM pg_namespace WHERE nspname = 'review_half'")
    assert result.stdout.split()[2] == "0"


def test_a_wrong_password_is_refused_without_showing_it(team_database):
    schema = team_database.new_review()
    with pytest.raises(ReviewError) as caught:
        PostgresReviewStore(team_database.target(schema, "ann"), password="wrong-Pa55word-xyz")
    assert "password authentication failed" in str(caught.value)
    assert "wrong-Pa55word-xyz" not in str(caught.value)
    log = team_database.cluster.log_file.read_text(encoding="utf-8", errors="replace")
    assert all(password not in log for password in [*PASSWORDS.values(), "wrong-Pa55word-xyz"])


def test_photos_are_kept_in_the_database(team_database, tmp_path):
    schema = team_database.new_review()
    photo = tmp_path / "situatie.jpg"
    photo.write_bytes(b"\xff\xd8\xff photo bytes")
    store = team_database.store(schema, "ann")
    stored = store.append(ReviewEvent("L1", "comment", comment="foto"), photo=photo)
    assert stored.attachment.startswith("review_attachments/")
    assert team_database.store(schema, "bob").attachment_bytes(stored.attachment) == photo.read_bytes()


def test_a_writer_waits_only_for_its_own_location(team_database):
    """While one transaction holds L1, an event on L2 goes through and an event on L1 waits for it."""
    schema = team_database.new_review()
    holder = team_database.cluster.connect(team_database.dbname, "ann", PASSWORDS["ann"])
    cursor = holder.cursor()  # psycopg2 opens a transaction: the row lock lasts until commit
    cursor.execute(f"SELECT 1 FROM {schema}.review_locations WHERE location_id = 'L1' FOR UPDATE")
    done = {}

    def append(location_id: str) -> None:
        store = team_database.store(schema, "bob")
        done[location_id] = store.append(ReviewEvent(location_id, "comment", comment="gelijktijdig")).actor
        store.close()

    other = threading.Thread(target=append, args=("L2",))
    same = threading.Thread(target=append, args=("L1",))
    same.start()
    other.start()
    other.join(timeout=60)
    assert done == {"L2": "bob"}  # L2 did not wait for the lock on L1
    assert same.is_alive()  # L1 waits for the holder
    holder.commit()
    same.join(timeout=60)
    assert done == {"L2": "bob", "L1": "bob"}
    holder.close()


def test_the_review_administrator_decides_for_no_department(team_database):
    """The login that created the review (CREATEROLE, ADMIN on the roles from PostgreSQL 16) may
    grant the roles, not use them."""
    schema = team_database.new_review()
    admin = team_database.store(schema)
    assert admin.member_departments() == []
    team_database.store(schema, "coco").append(ReviewEvent("L1", "submit"))
    with pytest.raises(
        ReviewError, match=f"evp_admin may not record events for Mobiliteit.*{schema}_mobiliteit"
    ):
        admin.append(ReviewEvent("L1", "approve", department="Mobiliteit"))
    result = team_database.psql(
        f"INSERT INTO {schema}.review_events (event_id, location_id, at, action, department) "
        "VALUES ('by-admin', 'L1', now(), 'approve', 'Mobiliteit')"
    )
    assert "evp_admin may not record events for Mobiliteit" in result.stderr
