"""The review algorithms on a PostgreSQL review: createreview, importreviewevents, reviewkpis,
checkconstraints, exportdecrees and request appending, with the login from QGIS's authentication manager."""

from __future__ import annotations

import csv
import itertools

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)

from ev_planner.core.review.events import ReviewEvent
from tests.support.feedback import RecordingFeedback
from tests.support.layers import memory_points
from tests.support.pg_review import ADMIN, PASSWORDS
from tests.support.qgis_auth import stored_basic_login

RD = {"L1": (84500.0, 447400.0), "L2": (84600.0, 447450.0), "L3": (84700.0, 447300.0)}
_SCHEMAS = itertools.count(1)


@pytest.fixture(scope="module")
def authcfg():
    """A Basic configuration per login in QGIS's authentication manager; their ids."""
    ids = {
        user: stored_basic_login(f"EV Planner test {user}", user, password)
        for user, password in PASSWORDS.items()
    }
    yield ids
    for config_id in ids.values():
        QgsApplication.authManager().removeAuthenticationConfig(config_id)


def _locations():
    return memory_points(
        "EPSG:28992",
        "field=location_id:string&field=address:string&field=operator:string&field=score:double",
        [
            (xy, [i, f"Markt {n}, Delft", "Vattenfall", n / 2])
            for n, (i, xy) in enumerate(RD.items(), start=1)
        ],
    )


def _run(algorithm_id, params, project=None):
    import processing

    context = QgsProcessingContext()
    if project is not None:
        context.setProject(project)
    feedback = RecordingFeedback()
    results = processing.run(f"evplanner:{algorithm_id}", params, context=context, feedback=feedback)
    return results, feedback, context


@pytest.fixture
def pg_review(evplanner, team_database, authcfg):
    """A review made by createreview in a new schema, with the team's memberships granted."""
    schema = f"alg{next(_SCHEMAS)}"
    results, feedback, _ = _run(
        "createreview",
        {
            "LOCATIONS": _locations(),
            "DEPARTMENTS": "Mobiliteit,Netbeheer",
            "OUTPUT": team_database.uri(schema, user=ADMIN).replace(f"{ADMIN}@", ""),
            "AUTHCFG": authcfg[ADMIN],
        },
    )
    for user, role in (("ann", "mobiliteit"), ("bob", "netbeheer"), ("coco", "coordinator")):
        assert team_database.psql(f"GRANT {schema}_{role} TO {user}").returncode == 0
    return schema, results, feedback


def _logged_in(team_database, authcfg, schema: str, user: str) -> dict:
    """REVIEW and AUTHCFG of ``user``'s login to the review ``schema``."""
    return {"REVIEW": team_database.uri(schema, user), "AUTHCFG": authcfg[user]}


def _record(team_database, schema: str, location_id: str, steps) -> None:
    """Each (user, action, department) appended by that user's own store."""
    for user, action, department in steps:
        team_database.store(schema, user).append(ReviewEvent(location_id, action, department=department))


def _text_of(results, feedback) -> str:
    return " ".join([feedback.text, repr(results)])


def test_createreview_writes_a_postgis_review_with_styles_and_no_password(pg_review, team_database, authcfg):
    schema, results, feedback = pg_review
    assert f"schema={schema}" in results["OUTPUT"]
    assert all(password not in _text_of(results, feedback) for password in PASSWORDS.values())
    store = team_database.store(schema, "ann")
    assert [row["status"] for row in store.locations()] == ["proposed"] * 3
    assert store.location("L1")["address"] == "Markt 1, Delft"
    assert store.crs_authid() == "EPSG:28992"
    layer = QgsVectorLayer(results["REVIEW_LAYER"], "review", "postgres")
    assert layer.isValid(), layer.error().summary()
    assert f"authcfg={authcfg[ADMIN]}" in layer.source()
    assert all(password not in layer.source() for password in PASSWORDS.values())
    assert layer.renderer().type() != "singleSymbol"  # the style came from layer_styles
    form = layer.editFormConfig()
    assert form.readOnly(layer.fields().indexOf("decision_netbeheer"))


def test_the_review_layer_opens_for_a_department_with_its_style(pg_review, authcfg):
    _, results, _ = pg_review
    source = results["REVIEW_LAYER"].replace(f"authcfg={authcfg[ADMIN]}", f"authcfg={authcfg['bob']}")
    layer = QgsVectorLayer(source, "review", "postgres")
    assert layer.isValid(), layer.error().summary()
    assert layer.featureCount() == 3
    assert layer.renderer().type() != "singleSymbol"


def test_a_project_with_the_review_layer_keeps_no_password(pg_review, tmp_path):
    schema, results, _ = pg_review
    project = QgsProject()
    layer = QgsVectorLayer(results["REVIEW_LAYER"], "review", "postgres")
    project.addMapLayer(layer)
    path = tmp_path / "team.qgs"
    assert project.write(str(path))
    text = path.read_text(encoding="utf-8")
    assert f'table="{schema}"."review_locations"' in text
    assert all(password not in text for password in PASSWORDS.values())
    project.clear()


def test_createreview_refuses_a_password_in_the_output(evplanner, team_database):
    uri = team_database.uri("never_made").replace(f"{ADMIN}@", f"{ADMIN}:{PASSWORDS[ADMIN]}@")
    with pytest.raises(QgsProcessingException, match="contains a password") as caught:
        _run("createreview", {"LOCATIONS": _locations(), "OUTPUT": uri})
    assert PASSWORDS[ADMIN] not in str(caught.value)


def test_createreview_refuses_an_existing_schema(pg_review, team_database, authcfg):
    schema, _, _ = pg_review
    with pytest.raises(QgsProcessingException, match=f"The schema {schema} already exists"):
        _run(
            "createreview",
            {"LOCATIONS": _locations(), "OUTPUT": team_database.uri(schema), "AUTHCFG": authcfg[ADMIN]},
        )


def test_a_wrong_login_is_a_clear_error_without_the_password(evplanner, team_database):
    uri = team_database.uri("anything", user="ann")
    with pytest.raises(QgsProcessingException, match=r"password authentication failed|no password supplied"):
        _run("reviewkpis", {"REVIEW": uri, "OUTPUT_TABLE": "memory:"})


def _csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["location_id", "at", "actor", "department", "action", "reason", "comment"])
        writer.writerows(rows)
    return str(path)


def test_importreviewevents_on_postgres_skips_what_the_login_may_not_record(
    pg_review, team_database, authcfg, tmp_path
):
    schema, _, _ = pg_review
    events = _csv(
        tmp_path / "antwoorden.csv",
        [
            ["L1", "2026-05-01T08:00:00Z", "Ann", "", "submit", "", ""],
            ["L1", "2026-05-01T09:00:00Z", "Ann", "Mobiliteit", "approve", "", ""],
            ["L1", "2026-05-01T09:30:00Z", "Bob", "Netbeheer", "approve", "", ""],
        ],
    )
    params = {**_logged_in(team_database, authcfg, schema, "ann"), "EVENTS": events}
    results, feedback, _ = _run("importreviewevents", params)
    assert (results["IMPORTED"], results["SKIPPED"]) == (2, 1)
    assert "ann may not record events for Netbeheer" in " ".join(feedback.errors)
    assert _run("importreviewevents", params)[0]["IMPORTED"] == 0  # idempotent as on a GeoPackage
    assert [e.actor for e in team_database.store(schema).events("L1")] == ["ann", "ann"]
    assert all(password not in _text_of(results, feedback) for password in PASSWORDS.values())


def test_reviewkpis_on_postgres(pg_review, team_database, authcfg, tmp_path):
    schema, _, _ = pg_review
    _record(team_database, schema, "L2", [("ann", "submit", None), ("ann", "approve", "Mobiliteit")])
    html = tmp_path / "kpis.html"
    results, _, _ = _run(
        "reviewkpis",
        {
            **_logged_in(team_database, authcfg, schema, "bob"),
            "OUTPUT_TABLE": "memory:",
            "OUTPUT_HTML": str(html),
        },
    )
    table = results["OUTPUT_TABLE"]
    rows = {(f["section"], f["name"], f["department"]): f["count"] for f in table.getFeatures()}
    assert rows[("actor", "ann", "Mobiliteit")] == 1  # the decision, by the login that made it
    assert f"Review KPIs: {schema}" in html.read_text(encoding="utf-8")


def test_checkconstraints_on_postgres_records_checks_as_the_login(pg_review, team_database, authcfg):
    schema, _, _ = pg_review
    trees = memory_points("EPSG:28992", "field=soort:string", [((84503.0, 447400.0), ["linde"])])
    _run(
        "checkconstraints",
        {
            **_logged_in(team_database, authcfg, schema, "coco"),
            "CONSTRAINTS": [trees],
            "DISTANCE": 5,
        },
    )
    checks = [e for e in team_database.store(schema).events() if e.action == "check"]
    assert len(checks) == 3
    assert {e.actor for e in checks} == {"coco"}


def test_exportdecrees_on_postgres(pg_review, team_database, authcfg, tmp_path):
    schema, _, _ = pg_review
    _record(
        team_database,
        schema,
        "L2",
        [("coco", "submit", None), ("ann", "approve", "Mobiliteit"), ("bob", "approve", "Netbeheer")],
    )
    folder = tmp_path / "besluiten"
    results, _, _ = _run(
        "exportdecrees",
        {
            **_logged_in(team_database, authcfg, schema, "ann"),
            "STATUS": "approved",
            "OUTPUT_FOLDER": str(folder),
            "MUNICIPALITY": "Delft",
        },
    )
    assert results["DOCUMENTS"] == 1
    assert (folder / "verkeersbesluit_L2.docx").is_file()


def test_evaluaterequests_appends_sites_and_requests_to_a_postgres_review(
    evplanner, team_database, authcfg, tmp_path
):
    from tests.support.layers import STREETS, X0, Y0, line_layer, point_layer

    schema = f"alg{next(_SCHEMAS)}"
    _run(
        "createreview",
        {
            "LOCATIONS": point_layer([(800, 0, "DELFT-001")], fields=["location_id:string"]),
            "DEPARTMENTS": "Mobiliteit",
            "OUTPUT": team_database.uri(schema),
            "AUTHCFG": authcfg[ADMIN],
        },
    )
    assert (
        team_database.psql(f"GRANT {schema}_coordinator TO coco; GRANT {schema}_mobiliteit TO ann").returncode
        == 0
    )
    requests = tmp_path / "aanvragen.csv"
    x, y = f"{X0 + 500:.1f}".replace(".", ","), f"{Y0 + 95:.1f}".replace(".", ",")
    requests.write_text(f"request_id;received_at;x;y;naam\nA-1;01-03-2026;{x};{y};Jansen\n", encoding="utf-8")
    parameters = {
        "REQUESTS": str(requests),
        "REQUESTS_CRS": "EPSG:28992",
        "CHARGE_POINTS": point_layer([(0, 0, "CP-1")], fields=["location_id:string"]),
        "DISTANCE_METHOD": 1,
        "NETWORK": line_layer(STREETS),
        **_logged_in(team_database, authcfg, schema, "coco"),
        "OUTPUT": "memory:",
        "PROPOSED": "memory:",
    }
    _, first, _ = _run("evaluaterequests", parameters)
    _, second, _ = _run("evaluaterequests", parameters)
    assert "1 new location(s) added, 0 already there; 1 request(s) recorded" in first.text
    assert (
        "0 new location(s) added, 1 already there; 0 request(s) recorded, 1 already recorded" in second.text
    )
    site = team_database.store(schema).location("REQ-A-1")
    assert (site["source"], site["request_ids"], site["status"]) == ("request", "A-1", "proposed")
    rows = team_database.psql(f"SELECT * FROM {schema}.review_requests").stdout
    assert "A-1" in rows
    assert "Jansen" not in rows
    with pytest.raises(QgsProcessingException, match="permission denied for table review_requests"):
        _run(
            "evaluaterequests",
            {**parameters, **_logged_in(team_database, authcfg, schema, "ann")},
        )


def test_a_saved_qgis_connection_names_the_review(pg_review, team_database, authcfg):
    """connection=NAME schema=NAME: host, database and login come from QGIS's saved connection."""
    from qgis.core import QgsDataSourceUri, QgsProviderRegistry

    schema, _, _ = pg_review
    uri = QgsDataSourceUri()
    uri.setConnection(
        team_database.cluster.host, str(team_database.cluster.port), team_database.dbname, "", ""
    )
    uri.setAuthConfigId(authcfg["bob"])
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    metadata.createConnection(uri.uri(False), {}).store("Gemeente GIS")
    try:
        results, feedback, _ = _run(
            "reviewkpis", {"REVIEW": f"connection='Gemeente GIS' schema={schema}", "OUTPUT_TABLE": "memory:"}
        )
    finally:
        metadata.deleteConnection("Gemeente GIS")
    rows = {(f["section"], f["name"]): f["count"] for f in results["OUTPUT_TABLE"].getFeatures()}
    assert rows[("status", "proposed")] == 3
    assert all(password not in _text_of(results, feedback) for password in PASSWORDS.values())
