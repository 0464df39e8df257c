"""evplanner:copyreview through processing.run: GeoPackage -> PostgreSQL -> GeoPackage, logins from .pgpass."""

from __future__ import annotations

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from ev_planner.core.review.store import ReviewStore
from tests.support.feedback import RecordingFeedback
from tests.support.pg_review import ADMIN, PASSWORDS
from tests.support.running import run_algorithm
from tests.support.varied_review import comparable_rows, varied_review

pytestmark = pytest.mark.usefixtures("postgres_cluster")


@pytest.fixture
def pgpass(team_database, tmp_path, monkeypatch):
    """The administrator's password in a .pgpass file only, where libpq (psycopg2 and QGIS) finds it."""
    cluster = team_database.cluster
    escaped = PASSWORDS[ADMIN].replace("\\", "\\\\").replace(":", "\\:")
    path = tmp_path / "pgpass"
    path.write_text(f"{cluster.host}:{cluster.port}:{team_database.dbname}:{ADMIN}:{escaped}\n")
    path.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(path))
    return path


def _copy(source: str, output: str) -> tuple[dict, RecordingFeedback]:
    feedback = RecordingFeedback()
    return run_algorithm("copyreview", {"SOURCE": source, "OUTPUT": output}, feedback), feedback


def test_copy_into_the_team_database_and_home_again(evplanner, team_database, pgpass, tmp_path):
    source = varied_review(tmp_path)
    uri = team_database.uri("team2026")
    results, feedback = _copy(str(source.path), uri)
    assert (results["OUTPUT"], results["EVENTS"], results["LOCATIONS"]) == (uri, 13, 5)
    assert "Copied 5 locations, 13 events, 3 requests and 1 attachments" in feedback.text
    assert f"to team2026 (postgresql://{ADMIN}@" in feedback.text
    layer = QgsVectorLayer(results["REVIEW_LAYER"], "copy", "postgres")
    assert layer.isValid()
    assert sorted(f["status"] for f in layer.getFeatures()) == sorted(r["status"] for r in source.locations())
    home = tmp_path / "home" / "snapshot.gpkg"
    back, feedback = _copy(uri, str(home))
    assert (back["OUTPUT"], back["EVENTS"], back["LOCATIONS"]) == (str(home), 13, 5)
    copy = ReviewStore(home)
    assert comparable_rows(copy) == comparable_rows(source)
    assert copy.recorded_events() == source.recorded_events()
    assert QgsVectorLayer(back["REVIEW_LAYER"], "home", "ogr").featureCount() == 5
    printed = feedback.text + str(results) + str(back) + layer.source()
    assert PASSWORDS[ADMIN] not in printed


def test_a_password_in_the_copy_or_the_source_is_refused(evplanner, team_database, tmp_path):
    source = varied_review(tmp_path)
    secret = "Geheim-123-pw"
    with_password = team_database.uri("leak").replace(f"{ADMIN}@", f"{ADMIN}:{secret}@")
    with pytest.raises(QgsProcessingException, match="password") as caught:
        _copy(str(source.path), with_password)
    assert secret not in str(caught.value)
    with pytest.raises(QgsProcessingException, match="password") as caught:
        _copy(with_password, str(tmp_path / "out.gpkg"))
    assert secret not in str(caught.value)
    assert not (tmp_path / "out.gpkg").exists()


def test_an_existing_copy_is_refused(evplanner, tmp_path):
    source = varied_review(tmp_path)
    existing = tmp_path / "existing.gpkg"
    existing.write_bytes(b"an older snapshot")
    with pytest.raises(QgsProcessingException, match="already exists"):
        _copy(str(source.path), str(existing))
    assert existing.read_bytes() == b"an older snapshot"


def test_a_missing_photo_is_reported_and_counted(evplanner, tmp_path):
    source = varied_review(tmp_path)
    photo = next(e.attachment for e in source.events() if e.attachment)
    (tmp_path / photo).unlink()
    results, feedback = _copy(str(source.path), str(tmp_path / "copy.gpkg"))
    assert results["EVENTS"] == 13
    assert f"1 attachment(s) named by events were not found and are not in the copy: {photo}" in feedback.text
