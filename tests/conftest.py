"""Fixtures shared by every test package.

pytest-qgis starts one real QgsApplication for the session. ``evplanner`` adds
our provider to the real Processing registry so tests can call
``processing.run("evplanner:<alg>", ...)``; ``run_qgis_process`` runs
``scripts/qgis_process`` as a subprocess, exactly as a batch user would.
``postgres_cluster`` starts a throwaway PostGIS cluster (tests/support/postgres.py) the
first time a test asks for it, and stops it at the end of the session.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = REPO_ROOT / "sample_data" / "delft"
QGIS_PROCESS = REPO_ROOT / "scripts" / "qgis_process"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE_DIR


_PROVIDERS = []  # the providers registered by tests, kept alive for as long as QGIS uses them


@pytest.fixture
def evplanner(qgis_processing):
    """The registered ``evplanner`` provider; registered again when a plugin test removed it."""
    from qgis.core import QgsApplication

    from ev_planner.processing.provider import PROVIDER_ID, EvPlannerProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById(PROVIDER_ID)
    if provider is None:
        provider = EvPlannerProvider()
        assert registry.addProvider(provider)
        _PROVIDERS.append(provider)
    return provider


@pytest.fixture(scope="session")
def qgis_profile(tmp_path_factory) -> Path:
    """A QGIS settings folder of the test session (the user's profile is never touched)."""
    return tmp_path_factory.mktemp("qgis-profile")


@pytest.fixture(scope="session")
def run_qgis_process(qgis_profile):
    """Run ``scripts/qgis_process`` with the given arguments; returns CompletedProcess."""

    def run(*args: str, env: dict[str, str] | None = None, timeout: float = 600, check: bool = False):
        full_env = dict(os.environ)
        full_env["QGIS_CUSTOM_CONFIG_PATH"] = str(qgis_profile)
        full_env.update(env or {})
        completed = subprocess.run(
            [str(QGIS_PROCESS), *args],
            capture_output=True,
            text=True,
            env=full_env,
            timeout=timeout,
            cwd=REPO_ROOT,
        )
        if check and completed.returncode != 0:
            raise AssertionError(
                f"qgis_process {' '.join(args)} exited {completed.returncode}\n"
                f"stdout:\n{completed.stdout}\nstderr:\n{completed.stderr}"
            )
        return completed

    return run


@pytest.fixture(scope="session")
def run_algorithm_cli(run_qgis_process):
    """Run ``qgis_process --json run evplanner:<alg> -- PARAM=value ...``; returns the parsed JSON."""

    def run(algorithm_id: str, **parameters):
        args = ["--json", "run", f"evplanner:{algorithm_id}", "--"]
        for name, value in parameters.items():
            values = value if isinstance(value, (list, tuple)) else [value]
            args.extend(f"{name}={item}" for item in values)
        completed = run_qgis_process(*args, check=True)
        return json.loads(completed.stdout[completed.stdout.index("{") :])

    return run


@pytest.fixture(scope="session")
def postgres_cluster():
    """A running throwaway PostgreSQL + PostGIS cluster (``tests.support.postgres.PostgresCluster``).

    A missing PostgreSQL or PostGIS fails the test rather than skipping it: ``make install``
    installs both, so their absence is a broken set-up.
    """
    try:
        from tests.support.postgres import PostgresCluster, PostgresUnavailableError
    except ImportError as error:
        pytest.fail(f"psycopg2 is missing ({error}); `make install` installs python3-psycopg2", pytrace=False)
    try:
        cluster = PostgresCluster.start()
    except PostgresUnavailableError as error:
        pytest.fail(f"Cannot start the test PostgreSQL cluster: {error}", pytrace=False)
    yield cluster
    cluster.stop()


@pytest.fixture(scope="module")
def team_database(postgres_cluster):
    """A database of the throwaway cluster with a review administrator and four colleagues."""
    from tests.support.pg_review import TeamDatabase

    return TeamDatabase.create(postgres_cluster)
