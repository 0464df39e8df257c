"""The throwaway PostGIS cluster the PostgreSQL review tests run against (tests/support/postgres.py)."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys

import psycopg2
import pytest

from tests.conftest import REPO_ROOT
from tests.support.postgres import PostgresCluster, PostgresUnavailableError, find_bin_dir

# Quotes and a space, so the conninfo quoting is exercised too.
REVIEWER_PASSWORD = "it's a s3cret \\ pass"


def test_databases_have_postgis(postgres_cluster):
    postgres_cluster.create_database("evp_postgis")
    connection = postgres_cluster.connect("evp_postgis")
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT postgis_version()")
            assert cursor.fetchone()[0].startswith("3.")
            cursor.execute(
                "SELECT ST_AsText(ST_SnapToGrid(ST_Transform(ST_SetSRID(ST_MakePoint(0, 0), 4326), 3857), 1))"
            )
            assert cursor.fetchone()[0] == "POINT(0 0)"
    finally:
        connection.close()


def test_cluster_listens_on_loopback_only_and_checks_tcp_with_scram(postgres_cluster):
    connection = postgres_cluster.connect("postgres")
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('listen_addresses'), inet_server_addr()::text")
            assert cursor.fetchone() == ("127.0.0.1", "127.0.0.1/32")
            cursor.execute("SELECT type, auth_method FROM pg_hba_file_rules ORDER BY line_number")
            assert cursor.fetchall() == [("local", "peer"), ("host", "scram-sha-256")]
    finally:
        connection.close()


def test_login_connects_with_its_password_over_tcp(postgres_cluster):
    postgres_cluster.create_login("evp_reviewer", REVIEWER_PASSWORD)
    connection = postgres_cluster.connect("postgres", "evp_reviewer", REVIEWER_PASSWORD)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")
            assert cursor.fetchone() == ("evp_reviewer", False)
    finally:
        connection.close()
    admin = postgres_cluster.connect("postgres")
    try:
        with admin.cursor() as cursor:
            cursor.execute("SELECT rolpassword FROM pg_authid WHERE rolname = 'evp_reviewer'")
            assert cursor.fetchone()[0].startswith("SCRAM-SHA-256$")
    finally:
        admin.close()


def test_wrong_or_missing_password_is_refused(postgres_cluster, monkeypatch, tmp_path):
    postgres_cluster.create_login("evp_refused", "the right one")
    with pytest.raises(
        psycopg2.OperationalError, match='password authentication failed for user "evp_refused"'
    ):
        postgres_cluster.connect("postgres", "evp_refused", "the wrong one")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    with pytest.raises(psycopg2.OperationalError, match="no password supplied"):
        postgres_cluster.connect("postgres", "evp_refused")


def test_psql_runs_sql_stops_at_the_first_error_and_keeps_the_password_off_its_command_line(postgres_cluster):
    postgres_cluster.create_database("evp_psql")
    completed = postgres_cluster.psql("SELECT 40 + 2 AS answer;", "evp_psql")
    assert completed.returncode == 0, completed.stderr
    assert "42" in completed.stdout

    failed = postgres_cluster.psql("SELECT 'before';\nSELECT no_such_column;\nSELECT 'after';", "evp_psql")
    assert failed.returncode == 3
    assert 'column "no_such_column" does not exist' in failed.stderr
    assert "before" in failed.stdout
    assert "after" not in failed.stdout
    assert not any(postgres_cluster.superuser_password in argument for argument in failed.args)

    postgres_cluster.create_login("evp_psql_user", REVIEWER_PASSWORD)
    as_user = postgres_cluster.psql("SELECT current_user;", "evp_psql", "evp_psql_user", REVIEWER_PASSWORD)
    assert as_user.returncode == 0, as_user.stderr
    assert "evp_psql_user" in as_user.stdout
    assert not any(REVIEWER_PASSWORD in argument for argument in as_user.args)
    refused = postgres_cluster.psql("SELECT 1;", "evp_psql", "evp_psql_user", "not it")
    assert refused.returncode == 2
    assert "password authentication failed" in refused.stderr


def test_two_databases_are_independent(postgres_cluster):
    postgres_cluster.create_database("evp_first")
    postgres_cluster.create_database("evp_second")
    assert postgres_cluster.psql("CREATE TABLE only_here (id integer);", "evp_first").returncode == 0
    first = postgres_cluster.psql("SELECT to_regclass('only_here') IS NOT NULL AS found;", "evp_first")
    second = postgres_cluster.psql("SELECT to_regclass('only_here') IS NOT NULL AS found;", "evp_second")
    assert first.stdout.split()[2] == "t"
    assert second.stdout.split()[2] == "f"


def test_missing_postgresql_or_postgis_is_named_with_the_fix(tmp_path):
    with pytest.raises(PostgresUnavailableError, match=r"PostgreSQL majors found: none.*make install"):
        PostgresCluster.start(root=tmp_path)
    (tmp_path / "18" / "bin").mkdir(parents=True)
    (tmp_path / "18" / "bin" / "initdb").write_text("")
    with pytest.raises(PostgresUnavailableError, match=r"PostgreSQL majors found: 18.*postgis-3"):
        find_bin_dir(tmp_path)
    (tmp_path / "18" / "lib").mkdir()
    (tmp_path / "18" / "lib" / "postgis-3.so").write_text("")
    assert find_bin_dir(tmp_path) == tmp_path / "18" / "bin"


# A test process that starts a cluster, tells where it is, and then waits to be killed.
_OWNER = """
import json, sys
sys.path.insert(0, sys.argv[1])
from tests.support.postgres import PostgresCluster
cluster = PostgresCluster.start()
print(json.dumps({"port": cluster.port, "directory": str(cluster.directory), "watchdog": cluster._watchdog.pid}))
sys.stdout.flush()
sys.stdin.read()
"""


def test_a_killed_test_process_leaves_no_server_behind(tmp_path):
    owner = subprocess.Popen(
        [sys.executable, "-c", _OWNER, str(REPO_ROOT)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        started = json.loads(owner.stdout.readline())
        assert os.path.isdir(started["directory"])
        watchdog = os.pidfd_open(started["watchdog"])
    finally:
        owner.send_signal(signal.SIGKILL)
        owner.wait()
    try:
        readable, _, _ = select.select([watchdog], [], [], 120)  # readable once the watchdog has exited
    finally:
        os.close(watchdog)
    assert readable, "the watchdog did not finish"
    assert not os.path.exists(started["directory"])
    with pytest.raises(psycopg2.OperationalError):
        psycopg2.connect(
            host="127.0.0.1", port=started["port"], dbname="postgres", user="x", connect_timeout=5
        )
