"""copyreview through qgis_process: a GeoPackage into the team database and back, the login from AUTHCFG."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ev_planner.core.review.store import ReviewStore
from tests.support.pg_review import ADMIN, PASSWORDS
from tests.support.qgis_auth import basic_auth_config
from tests.support.varied_review import comparable_rows, varied_review

pytestmark = [pytest.mark.cli, pytest.mark.usefixtures("postgres_cluster")]
SECRET = PASSWORDS[ADMIN]


def database_login(directory: Path, password_file: Path) -> str:
    """A QGIS authentication database holding the administrator's login (Basic); returns its id."""
    return basic_auth_config(directory, password_file, "team database", ADMIN, SECRET)


def files_with_the_password(folder: Path) -> list[str]:
    return [
        str(path.relative_to(folder))
        for path in sorted(folder.rglob("*"))
        if path.is_file() and SECRET.encode() in path.read_bytes()
    ]


def test_copy_to_postgresql_and_back_with_qgis_process(run_qgis_process, team_database, tmp_path):
    auth_dir, profile, out = tmp_path / "auth", tmp_path / "profile", tmp_path / "out"
    for folder in (auth_dir, out):
        folder.mkdir()
    password_file = tmp_path / "master.txt"
    password_file.write_text("master-pw-for-tests")
    authcfg = database_login(auth_dir, password_file)
    env = {
        "QGIS_CUSTOM_CONFIG_PATH": str(profile),
        "QGIS_AUTH_DB_DIR_PATH": str(auth_dir),
        "QGIS_AUTH_PASSWORD_FILE": str(password_file),
    }
    source = varied_review(out)
    cluster = team_database.cluster
    uri = f"postgresql://{cluster.host}:{cluster.port}/{team_database.dbname}?schema=cli2026"  # no user: AUTHCFG's
    runs = [
        (str(source.path), uri, "AUTHCFG"),  # the target's login
        (uri, str(out / "home.gpkg"), "SOURCE_AUTHCFG"),  # the source's login
    ]
    printed = ""
    for source_text, output, login in runs:
        completed = run_qgis_process(
            "--json",
            "run",
            "evplanner:copyreview",
            "--",
            f"SOURCE={source_text}",
            f"OUTPUT={output}",
            f"{login}={authcfg}",
            env=env,
        )
        assert completed.returncode == 0, completed.stderr
        results = json.loads(completed.stdout[completed.stdout.index("{") :])["results"]
        assert (results["EVENTS"], results["LOCATIONS"]) == (13, 5)
        printed += completed.stdout + completed.stderr
    assert "cli2026 (postgresql://" in printed
    assert SECRET not in printed
    copy = ReviewStore(out / "home.gpkg")
    assert comparable_rows(copy) == comparable_rows(source)
    assert copy.recorded_events() == source.recorded_events()
    assert team_database.store("cli2026").count_events() == 13
    assert files_with_the_password(out) == []
    assert list(profile.rglob("*.ini")), "the runs used the profile folder"
    assert files_with_the_password(profile) == []
    assert SECRET not in cluster.log_file.read_text(encoding="utf-8", errors="replace")
