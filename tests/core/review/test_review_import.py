"""CSV import of review events: row-by-row validation, idempotence, all-or-nothing."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ev_planner.core.errors import CanceledError, InputError
from ev_planner.core.review.importer import (
    SKIP_BAD_TIMESTAMP,
    SKIP_DUPLICATE,
    SKIP_INVALID_TRANSITION,
    SKIP_UNKNOWN_LOCATION,
    import_events,
)

REPO = Path(__file__).resolve().parents[3]
ROWS = """location_id,at,actor,department,action,reason,comment
L1,2026-05-01T08:00:00Z,Ann,,submit,,
L1,2026-05-02 10:00,Bob,Mobiliteit,approve,,prima
L1,03-05-2026 09:15,Cas,Openbare ruimte,approve,,akkoord
L9,2026-05-02T08:00:00Z,Bob,Mobiliteit,approve,,
L2,2026-05-02T08:00:00Z,Bob,Mobiliteit,approve,,not submitted yet
L2,yesterday,Bob,,comment,,hmm
L2,2026-05-04T08:00:00+02:00,Ann,,submit,,
L2,2026-05-05T08:00:00Z,Dirk,Openbare ruimte,reject,boom in de weg,
"""


@pytest.fixture
def events_csv(tmp_path) -> Path:
    path = tmp_path / "antwoorden.csv"
    path.write_text(ROWS, encoding="utf-8")
    return path


def test_rows_are_validated_one_by_one(make_review, events_csv):
    store = make_review(2)
    result = import_events(store, events_csv)
    assert result.rows == 8
    assert result.imported == 5
    assert result.skipped == {SKIP_UNKNOWN_LOCATION: 1, SKIP_INVALID_TRANSITION: 1, SKIP_BAD_TIMESTAMP: 1}
    assert any("line 5" in m and "L9" in m for m in result.messages)
    l1, l2 = store.locations()
    assert (l1["status"], l1["status_since"]) == ("approved", "2026-05-03T07:15:00.000Z")  # CEST -> UTC
    assert l1["decision_mobiliteit"] == "approved"
    assert l2["status"] == "rejected"
    assert store.events("L2")[0].at == "2026-05-04T06:00:00.000Z"
    assert store.events("L1")[1].at == "2026-05-02T08:00:00.000Z"


def test_importing_the_same_file_twice_adds_nothing(make_review, events_csv):
    store = make_review(2)
    import_events(store, events_csv)
    count = store.count_events()
    again = import_events(store, events_csv)
    assert again.imported == 0
    assert again.skipped[SKIP_DUPLICATE] == 5
    assert store.count_events() == count


def test_semicolon_excel_file_in_cp1252(make_review, tmp_path):
    store = make_review(1)
    path = tmp_path / "excel.csv"
    path.write_bytes(
        "location_id;at;actor;department;action;reason;comment\nL1;2026-05-01 08:00;Jo;;comment;;café\n".encode(
            "cp1252"
        )
    )
    assert import_events(store, path).imported == 1
    assert store.events("L1")[0].comment == "café"


def test_missing_columns_are_refused(make_review, tmp_path):
    store = make_review(1)
    path = tmp_path / "bad.csv"
    path.write_text("location_id,when,action\nL1,2026-05-01,submit\n", encoding="utf-8")
    with pytest.raises(InputError, match="at, actor, department"):
        import_events(store, path)


def test_a_crash_in_the_middle_leaves_no_partial_import(make_review, events_csv):
    store = make_review(2)

    def explode(done, total):
        if done == 3:
            raise RuntimeError("power cut")

    with pytest.raises(RuntimeError, match="power cut"):
        import_events(store, events_csv, progress=explode)
    assert store.count_events() == 0
    assert {r["status"] for r in store.locations()} == {"proposed"}
    with pytest.raises(CanceledError, match="Canceled: nothing was written"):
        import_events(store, events_csv, is_canceled=lambda: store.count_events() == 0 and True)
    assert store.count_events() == 0


KILLER = textwrap.dedent(
    """
    import os, sys
    from ev_planner.core.review.importer import import_events
    from ev_planner.core.review.store import ReviewStore
    def die(done, total):
        if done == 4:
            os._exit(3)  # the process dies inside the transaction, no cleanup at all
    import_events(ReviewStore(sys.argv[1]), sys.argv[2], progress=die)
    """
)


def test_a_killed_import_process_leaves_nothing(make_review, events_csv):
    store = make_review(2)
    completed = subprocess.run(
        [sys.executable, "-c", KILLER, str(store.path), str(events_csv)],
        cwd=REPO,
        capture_output=True,
        timeout=120,
    )
    assert completed.returncode == 3
    assert store.count_events() == 0
    with sqlite3.connect(store.path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert import_events(store, events_csv).imported == 5
