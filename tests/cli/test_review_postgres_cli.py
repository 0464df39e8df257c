"""The PostgreSQL review in batch: qgis_process with a pg_service.conf entry and a .pgpass file."""

from __future__ import annotations

import json

import pytest

from tests.support.pg_review import ADMIN, PASSWORDS

pytestmark = pytest.mark.cli


def _pgpass_line(user: str) -> str:
    # .pgpass escapes backslashes and colons with a backslash.
    password = PASSWORDS[user].replace("\\", "\\\\").replace(":", "\\:")
    return f"*:*:*:{user}:{password}"


@pytest.fixture
def libpq_files(team_database, tmp_path):
    """pg_service.conf with one entry per login, and a .pgpass with their passwords (mode 0600)."""
    cluster = team_database.cluster
    services = tmp_path / "pg_service.conf"
    services.write_text(
        "".join(
            f"[gemeente_{user}]\nhost={cluster.host}\nport={cluster.port}\ndbname={team_database.dbname}\nuser={user}\n\n"
            for user in PASSWORDS
        ),
        encoding="utf-8",
    )
    pgpass = tmp_path / "pgpass"
    pgpass.write_text("\n".join(_pgpass_line(user) for user in PASSWORDS) + "\n", encoding="utf-8")
    pgpass.chmod(0o600)
    return {"PGSERVICEFILE": str(services), "PGPASSFILE": str(pgpass)}


def _run(run_qgis_process, env, algorithm_id, **parameters):
    args = ["--json", "run", f"evplanner:{algorithm_id}", "--"]
    args += [f"{name}={value}" for name, value in parameters.items()]
    completed = run_qgis_process(*args, env=env)
    printed = completed.stdout + completed.stderr
    assert all(password not in printed for password in PASSWORDS.values()), "a password was printed"
    assert all(password not in " ".join(args) for password in PASSWORDS.values())
    assert completed.returncode == 0, printed
    return json.loads(completed.stdout[completed.stdout.index("{") :])


def test_createreview_and_import_on_postgres_with_qgis_process(
    run_qgis_process, team_database, libpq_files, tmp_path
):
    candidates = tmp_path / "candidates.geojson"
    features = [
        {
            "type": "Feature",
            "properties": {"candidate_id": f"C{i}", "score": 0.5 * i},
            "geometry": {"type": "Point", "coordinates": [4.357 + 0.002 * i, 52.011]},
        }
        for i in (1, 2)
    ]
    candidates.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    created = _run(
        run_qgis_process,
        libpq_files,
        "createreview",
        LOCATIONS=str(candidates),
        DEPARTMENTS="Mobiliteit,Netbeheer",
        OUTPUT=f"service=gemeente_{ADMIN} schema=batch2026",
    )
    assert created["results"]["OUTPUT"] == f"service=gemeente_{ADMIN} schema=batch2026"
    assert team_database.psql("GRANT batch2026_mobiliteit TO ann").returncode == 0
    answers = tmp_path / "answers.csv"
    answers.write_text(
        "location_id;at;actor;department;action;reason;comment\n"
        "C1;2026-05-01 09:00;Ann;;submit;;\n"
        "C1;2026-05-02 09:00;Ann;Mobiliteit;approve;;\n"
        "C1;2026-05-02 10:00;Bob;Netbeheer;approve;;\n",
        encoding="utf-8",
    )
    imported = _run(
        run_qgis_process,
        libpq_files,
        "importreviewevents",
        REVIEW="service=gemeente_ann schema=batch2026",
        EVENTS=str(answers),
    )
    assert (imported["results"]["IMPORTED"], imported["results"]["SKIPPED"]) == (2, 1)
    store = team_database.store("batch2026")
    assert store.location("C1")["decision_mobiliteit"] == "approved"
    assert store.crs_authid() == "EPSG:4326"
    log = team_database.cluster.log_file.read_text(encoding="utf-8", errors="replace")
    assert all(password not in log for password in PASSWORDS.values())
