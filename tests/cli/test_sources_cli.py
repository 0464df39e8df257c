"""The charge-point loaders through qgis_process, as a nightly batch job runs them."""

from __future__ import annotations

import base64
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from ocpi_test_server import OcpiTestServer, load_objects

from tests.support.qgis_auth import basic_auth_config

pytestmark = pytest.mark.cli

TOKEN = "cli-secret-token-31337"
TOKEN_FORMS = [TOKEN.encode(), base64.b64encode(TOKEN.encode())]  # raw (OCPI 2.1.1), base64 (2.2.x)


def row_count(gpkg: Path, layer: str) -> int:
    with sqlite3.connect(gpkg) as db:
        return db.execute(f'select count(*) from "{layer}"').fetchone()[0]


def test_loadocpi_delft_dump(run_algorithm_cli, sample_dir, tmp_path):
    out = tmp_path / "delft.gpkg"
    result = run_algorithm_cli("loadocpi", SOURCE=sample_dir / "charge_points.ocpi.json", OUTPUT=out)
    assert Path(result["results"]["OUTPUT"].split("|")[0]) == out
    assert row_count(out, "delft") == 850


def make_auth_db(directory: Path, password_file: Path) -> str:
    """An authentication database with a Basic config holding the token; returns its id."""
    return basic_auth_config(directory, password_file, "OCPI test", "municipality", TOKEN)


def files_with_the_token(folder: Path) -> list[str]:
    """Every file under ``folder`` whose bytes hold a form of the token."""
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if any(form in data for form in TOKEN_FORMS):
            found.append(str(path.relative_to(folder)))
    return found


def assert_no_trace(completed: subprocess.CompletedProcess, out: Path, profile: Path) -> None:
    printed = (completed.stdout + completed.stderr).encode()
    assert not [form for form in TOKEN_FORMS if form in printed], "the token is in stdout or stderr"
    written = [p for p in out.parent.iterdir() if p.name.startswith(out.name)]  # with -wal, -shm
    assert written
    assert files_with_the_token(out.parent) == []
    assert list(profile.rglob("*.ini")), "the run used the profile folder"
    assert files_with_the_token(profile) == []


def run_loadocpi(run_qgis_process, server, credential: str, out: Path, env: dict[str, str]):
    return run_qgis_process(
        "--json",
        "run",
        "evplanner:loadocpi",
        "--",
        f"SOURCE={server.versions_url}",
        credential,
        f"OUTPUT={out}",
        env=env,
    )


@pytest.fixture
def locations(sample_dir) -> list[dict]:
    return load_objects(sample_dir / "charge_points.ocpi.json")[:120]


def test_loadocpi_with_authcfg_from_an_ocpi_server(run_qgis_process, locations, tmp_path):
    auth_dir = tmp_path / "auth"
    auth_dir.mkdir()
    password_file = tmp_path / "master.txt"
    password_file.write_text("master-pw-for-tests")
    authcfg = make_auth_db(auth_dir, password_file)
    profile = tmp_path / "profile"
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "api.gpkg"
    env = {
        "QGIS_CUSTOM_CONFIG_PATH": str(profile),
        "QGIS_AUTH_DB_DIR_PATH": str(auth_dir),
        "QGIS_AUTH_PASSWORD_FILE": str(password_file),
    }
    with OcpiTestServer({"locations": locations}, token=TOKEN, max_limit=50, link="bad_path") as server:
        completed = run_loadocpi(run_qgis_process, server, f"AUTHCFG={authcfg}", out, env)
    assert completed.returncode == 0, completed.stderr
    assert row_count(out, "api") == 120  # the server refuses requests without the token
    assert TOKEN not in completed.stdout + completed.stderr
    assert_no_trace(completed, out, profile)


def test_loadocpi_with_the_token_in_an_environment_variable(run_qgis_process, locations, tmp_path):
    profile = tmp_path / "profile"
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "env.gpkg"
    env = {"QGIS_CUSTOM_CONFIG_PATH": str(profile), "EVP_OCPI_TOKEN": TOKEN}
    with OcpiTestServer({"locations": locations}, token=TOKEN, max_limit=50) as server:
        completed = run_loadocpi(run_qgis_process, server, "TOKEN_ENV=EVP_OCPI_TOKEN", out, env)
    assert completed.returncode == 0, completed.stderr
    assert row_count(out, "env") == 120  # the server refuses requests without the token
    assert_no_trace(completed, out, profile)


def test_loadocpi_with_an_unset_token_variable_says_which(run_qgis_process, tmp_path):
    variable = "EVP_TEST_TOKEN_NEVER_SET"
    assert variable not in os.environ
    out = tmp_path / "unset.gpkg"
    with OcpiTestServer({"locations": []}, token=TOKEN) as server:
        completed = run_loadocpi(run_qgis_process, server, f"TOKEN_ENV={variable}", out, {})
    assert completed.returncode != 0
    assert f"The environment variable {variable} (TOKEN_ENV) is not set or is empty" in completed.stderr
    assert "Traceback" not in completed.stdout + completed.stderr
    assert not out.exists()
