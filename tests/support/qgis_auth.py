"""A QGIS authentication database for qgis_process runs, made in a child process as a user makes one."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path


def basic_auth_config(directory: Path, password_file: Path, name: str, username: str, password: str) -> str:
    """A Basic configuration (user name and password) in the database in ``directory``; returns its id.

    The master password is the text of ``password_file``: qgis_process reads it from
    QGIS_AUTH_PASSWORD_FILE, with QGIS_AUTH_DB_DIR_PATH set to ``directory``.
    """
    script = textwrap.dedent(
        f"""
        from qgis.core import QgsApplication, QgsAuthMethodConfig
        app = QgsApplication([], False)
        app.initQgis()
        manager = QgsApplication.authManager()
        assert manager.setMasterPassword({password_file.read_text()!r}, True)
        config = QgsAuthMethodConfig("Basic")
        config.setName({name!r})
        config.setConfig("username", {username!r})
        config.setConfig("password", {password!r})
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


# The master password of the test profile's auth database (a throwaway profile, never the user's).
TEST_MASTER_PASSWORD = "evp-test-master"


def stored_basic_login(name: str, username: str, password: str) -> str:
    """A Basic configuration in the running QGIS's authentication manager; returns its id."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword(TEST_MASTER_PASSWORD, True), (
            "the test profile's qgis-auth.db has another master password: delete .qgis-settings/"
            "profiles/default/qgis-auth.db"
        )
    config = QgsAuthMethodConfig("Basic")
    config.setName(name)
    config.setConfig("username", username)
    config.setConfig("password", password)
    result = manager.storeAuthenticationConfig(config)
    assert result[0] if isinstance(result, tuple) else result
    return config.id()
