"""A throwaway PostgreSQL cluster with PostGIS, for the tests that need a real database.

``PostgresCluster.start()`` runs Debian's ``initdb`` (the highest major under
``/usr/lib/postgresql`` that has PostGIS) into a fresh temporary directory and starts the
server with ``pg_ctl -w``. initdb and the server refuse to run as root, so as root (the CI and
the chroots) they run as the ``postgres`` OS user the Debian package creates; otherwise as
the current user. The server listens on 127.0.0.1 only, on a free port, and its unix socket
is in the temporary directory. Every TCP login is checked with scram-sha-256; the socket only
admits the bootstrap superuser (peer), whose random password is ``superuser_password``.

A watchdog process stops the server (``pg_ctl -m immediate stop``) and removes the directory
when ``stop()`` is called, at interpreter exit, or when the test process dies in any way
(Ctrl-C, SIGKILL): it waits for the end of a pipe only the test process holds.

API: ``port``, ``host``, ``superuser``, ``superuser_password``, ``log_file``;
``dsn(dbname, user, password)``, ``create_database(name)`` (with PostGIS),
``create_login(name, password)``, ``psql(sql, dbname, user, password)``,
``connect(dbname, user, password)`` and ``stop()``.
"""

from __future__ import annotations

import atexit
import contextlib
import getpass
import json
import os
import pwd
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg2
from psycopg2 import sql as pgsql
from psycopg2.extensions import encrypt_password

POSTGRES_ROOT = Path("/usr/lib/postgresql")
SERVER_OS_USER_WHEN_ROOT = "postgres"
INSTALL_HINT = "`make install` (scripts/install_system.sh) installs postgresql and postgresql-<N>-postgis-3"

# Fast and small: the data is thrown away, and chroots may lack /dev/shm.
SERVER_SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "dynamic_shared_memory_type": "mmap",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "shared_buffers": "16MB",
    "max_connections": "50",
    "password_encryption": "scram-sha-256",
}

# Runs in its own session (Ctrl-C in the terminal does not reach it); stdin is a pipe whose
# other end only the test process holds, so read() returns when that process ends or closes it.
_WATCHDOG = """
import json, shutil, subprocess, sys
stop_command, directory = json.loads(sys.argv[1]), sys.argv[2]
sys.stdin.read()
subprocess.run(stop_command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
shutil.rmtree(directory, ignore_errors=True)
"""


class PostgresUnavailableError(RuntimeError):
    """PostgreSQL or PostGIS is not installed, or the cluster did not start."""


def find_bin_dir(root: Path = POSTGRES_ROOT) -> Path:
    """The ``bin`` directory of the highest PostgreSQL major under ``root`` that has PostGIS."""
    majors = (
        sorted((int(p.name) for p in root.glob("*") if p.name.isdigit()), reverse=True)
        if root.is_dir()
        else []
    )
    for major in majors:
        version_dir = root / str(major)
        if (version_dir / "bin" / "initdb").is_file() and list((version_dir / "lib").glob("postgis-3*.so")):
            return version_dir / "bin"
    found = ", ".join(str(major) for major in majors) or "none"
    raise PostgresUnavailableError(
        f"No PostgreSQL with PostGIS under {root} (PostgreSQL majors found: {found}); {INSTALL_HINT}"
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def conninfo_value(value: str) -> str:
    """A libpq keyword value, quoted when it holds spaces, quotes or backslashes (or is empty)."""
    if value and not re.search(r"[\s'\\]", value):
        return value
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _conf_quoted(value: str) -> str:
    return value.replace("\\", "\\\\").replace("'", "''")


def _clean_environment() -> dict[str, str]:
    """The environment without the PG* variables of whoever runs the tests (PGHOST, PGPASSWORD...)."""
    return {name: value for name, value in os.environ.items() if not name.startswith("PG")}


class PostgresCluster:
    """A running throwaway cluster; make one with ``PostgresCluster.start()``."""

    host = "127.0.0.1"
    superuser = "evp_superuser"

    def __init__(self, bin_dir: Path, directory: Path, os_user: str | None):
        self.bin_dir = bin_dir
        self.directory = directory
        self.data_dir = directory / "data"
        self.log_file = directory / "server.log"
        self.superuser_password = secrets.token_urlsafe(24)
        self.port = 0
        self._os_user = os_user  # None: the server runs as the current user
        self._watchdog: subprocess.Popen | None = None

    @classmethod
    def start(cls, root: Path = POSTGRES_ROOT) -> PostgresCluster:
        """initdb a fresh cluster and start it; raises PostgresUnavailableError (and cleans up) when it cannot."""
        bin_dir = find_bin_dir(root)
        os_user = SERVER_OS_USER_WHEN_ROOT if os.geteuid() == 0 else None
        directory = Path(tempfile.mkdtemp(prefix="evp-pg-"))
        cluster = cls(bin_dir, directory, os_user)
        try:
            cluster._give_to_server_user(directory)
            cluster._start_watchdog()
            cluster._initdb()
            cluster._start_server()
        except BaseException:
            cluster.stop()
            raise
        return cluster

    def dsn(self, dbname: str, user: str | None = None, password: str | None = None) -> str:
        """A libpq keyword conninfo over TCP; without ``user`` it is the superuser's, with its password."""
        user, password = self._credentials(user, password)
        parts = {"host": self.host, "port": str(self.port), "dbname": dbname, "user": user}
        if password is not None:
            parts["password"] = password
        return " ".join(f"{key}={conninfo_value(value)}" for key, value in parts.items())

    def connect(self, dbname: str, user: str | None = None, password: str | None = None):
        """A psycopg2 connection over TCP (``dsn`` decides user and password)."""
        return psycopg2.connect(self.dsn(dbname, user, password))

    def create_database(self, name: str) -> None:
        """A new database, owned by the superuser, with the PostGIS extension."""
        with _autocommit(self.connect("postgres")) as connection, connection.cursor() as cursor:
            cursor.execute(pgsql.SQL("CREATE DATABASE {}").format(pgsql.Identifier(name)))
        with _autocommit(self.connect(name)) as connection, connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION postgis")

    def create_login(self, name: str, password: str) -> None:
        """A login role with ``password``; only its SCRAM verifier is sent, so no log can show the password."""
        with _autocommit(self.connect("postgres")) as connection, connection.cursor() as cursor:
            verifier = encrypt_password(password, name, connection, "scram-sha-256")
            statement = pgsql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                pgsql.Identifier(name), pgsql.Literal(verifier)
            )
            cursor.execute(statement)

    def psql(
        self, sql: str, dbname: str, user: str | None = None, password: str | None = None
    ) -> subprocess.CompletedProcess:
        """Run ``sql`` through the real psql (stops at the first error); the password goes in PGPASSWORD only."""
        user, password = self._credentials(user, password)
        env = _clean_environment()
        if password is not None:
            env["PGPASSWORD"] = password
        command = [str(self.bin_dir / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", "-"]
        command += ["-d", self.dsn(dbname, user)]
        return subprocess.run(command, input=sql, capture_output=True, text=True, env=env, timeout=120)

    def stop(self) -> None:
        """Stop the server immediately and remove its directory (idempotent)."""
        watchdog, self._watchdog = self._watchdog, None
        if watchdog is None:
            shutil.rmtree(self.directory, ignore_errors=True)
            return
        watchdog.stdin.close()
        watchdog.wait(timeout=120)
        atexit.unregister(self.stop)

    def _credentials(self, user: str | None, password: str | None) -> tuple[str, str | None]:
        if user is None:
            return self.superuser, self.superuser_password if password is None else password
        return user, password

    def _as_server_user(self, *command: str | Path) -> list[str]:
        argv = [str(part) for part in command]
        return ["runuser", "-u", self._os_user, "--", *argv] if self._os_user else argv

    def _run_as_server_user(self, *command: str | Path) -> subprocess.CompletedProcess:
        completed = subprocess.run(
            self._as_server_user(*command),
            capture_output=True,
            text=True,
            cwd=self.directory,
            env=_clean_environment(),
            stdin=subprocess.DEVNULL,
            timeout=300,
        )
        if completed.returncode != 0:
            raise PostgresUnavailableError(
                f"{Path(str(command[0])).name} exited {completed.returncode}:\n{completed.stdout}{completed.stderr}"
            )
        return completed

    def _start_watchdog(self) -> None:
        stop_command = self._as_server_user(
            self.bin_dir / "pg_ctl", "-D", self.data_dir, "-m", "immediate", "stop"
        )
        self._watchdog = subprocess.Popen(
            [sys.executable, "-c", _WATCHDOG, json.dumps(stop_command), str(self.directory)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            cwd="/",
        )
        atexit.register(self.stop)

    def _initdb(self) -> None:
        password_file = self.directory / "superuser-password"
        password_file.write_text(self.superuser_password + "\n", encoding="utf-8")
        self._give_to_server_user(password_file)
        try:
            self._run_as_server_user(
                self.bin_dir / "initdb", "-D", self.data_dir, "-U", self.superuser, f"--pwfile={password_file}",
                "--auth-local=peer", "--auth-host=scram-sha-256", "--no-locale", "-E", "UTF8", "--no-sync",
            )  # fmt: skip
        finally:
            password_file.unlink()
        self._write_access_rules()

    def _write_access_rules(self) -> None:
        server_os_user = self._os_user or getpass.getuser()
        (self.data_dir / "pg_ident.conf").write_text(
            f"bootstrap {server_os_user} {self.superuser}\n", encoding="utf-8"
        )
        (self.data_dir / "pg_hba.conf").write_text(
            f"local all {self.superuser} peer map=bootstrap\nhost all all 127.0.0.1/32 scram-sha-256\n",
            encoding="utf-8",
        )

    def _start_server(self) -> None:
        log = ""
        for _attempt in range(3):  # another process may take the free port before the server binds it
            self.port = free_port()
            settings = {
                **SERVER_SETTINGS,
                "port": str(self.port),
                "unix_socket_directories": str(self.directory),
            }
            with (self.data_dir / "postgresql.conf").open("a", encoding="utf-8") as conf:
                conf.writelines(f"{name} = '{_conf_quoted(value)}'\n" for name, value in settings.items())
            try:
                self._run_as_server_user(
                    self.bin_dir / "pg_ctl", "-D", self.data_dir, "-l", self.log_file, "-w", "start"
                )
                return
            except PostgresUnavailableError as error:
                log = (
                    self.log_file.read_text(encoding="utf-8", errors="replace")
                    if self.log_file.exists()
                    else ""
                )
                if "already in use" not in log:
                    raise PostgresUnavailableError(f"{error}\nserver log:\n{log}") from None
        raise PostgresUnavailableError(f"PostgreSQL found no free port to listen on; server log:\n{log}")

    def _give_to_server_user(self, path: Path) -> None:
        if self._os_user is None:
            return
        try:
            account = pwd.getpwnam(self._os_user)
        except KeyError:
            raise PostgresUnavailableError(
                f"Running as root, but there is no {self._os_user!r} OS user to run PostgreSQL as; {INSTALL_HINT}"
            ) from None
        os.chown(path, account.pw_uid, account.pw_gid)


@contextlib.contextmanager
def _autocommit(connection):
    """``with _autocommit(connection) as connection``: autocommit on, closed at the end."""
    connection.autocommit = True
    try:
        yield connection
    finally:
        connection.close()
