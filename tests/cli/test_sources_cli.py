"""The charge-point loaders through qgis_process, as a nightly batch job runs them."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from ocpi_test_server import OcpiTestServer, load_objects

pytestmark = pytest.mark.cli

TOKEN = "cli-secret-token-31337"


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
    script = textwrap.dedent(
        f"""
        from qgis.core import QgsApplication, QgsAuthMethodConfig
        app = QgsApplication([], False)
        app.initQgis()
        manager = QgsApplication.authManager()
        assert manager.setMasterPassword({password_file.read_text()!r}, True)
        config = QgsAuthMethodConfig("Basic")
        config.setName("OCPI test")
        config.setConfig("username", "municipality")
        config.setConfig("password", {TOKEN!r})
        ok, stored = manager.storeAuthenticationConfig(config)
        assert ok
        print(stored.id())
        """
    )
    env = dict(os.environ, QGIS_AUTH_DB_DIR_PATH=str(directory), QT_QPA_PLATFORM="offscreen")
    env["QGIS_CUSTOM_CONFIG_PATH"] = str(directory)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120, check=True
    )
    return done.stdout.strip().splitlines()[-1]


def test_loadocpi_with_authcfg_from_an_ocpi_server(run_qgis_process, sample_dir, tmp_path):
    auth_dir = tmp_path / "auth"
    auth_dir.mkdir()
    password_file = tmp_path / "master.txt"
    password_file.write_text("master-pw-for-tests")
    authcfg = make_auth_db(auth_dir, password_file)
    locations = load_objects(sample_dir / "charge_points.ocpi.json")[:120]
    out = tmp_path / "api.gpkg"
    with OcpiTestServer({"locations": locations}, token=TOKEN, max_limit=50, link="bad_path") as server:
        completed = run_qgis_process(
            "--json",
            "run",
            "evplanner:loadocpi",
            "--",
            f"SOURCE={server.versions_url}",
            f"AUTHCFG={authcfg}",
            f"OUTPUT={out}",
            env={"QGIS_AUTH_DB_DIR_PATH": str(auth_dir), "QGIS_AUTH_PASSWORD_FILE": str(password_file)},
        )
    assert completed.returncode == 0, completed.stderr
    assert row_count(out, "api") == 120
    assert TOKEN not in completed.stdout + completed.stderr
