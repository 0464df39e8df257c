"""The charge-point loaders and the merge through QGIS Processing, on real files and local servers."""

from __future__ import annotations

import copy
import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest
from ocpi_test_server import OcpiTestServer
from qgis.core import (
    NULL,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsVectorLayer,
)

from ev_planner.compat import FieldType
from tests.support.feedback import RecordingFeedback as Feedback
from tests.support.layers import write_layer
from tests.support.running import run_checked as run_alg

TOKEN = "processing-t0ken-xyz"


def features(uri: str) -> dict[str, QgsFeature]:
    layer = QgsVectorLayer(uri, "out", "ogr")
    assert layer.isValid(), uri
    return {f["source_id"]: f for f in layer.getFeatures()}


@pytest.fixture(scope="module")
def delft(sample_dir) -> list[dict]:
    return json.loads((sample_dir / "charge_points.ocpi.json").read_text(encoding="utf-8"))


@pytest.fixture
def server(delft):
    with OcpiTestServer({"locations": copy.deepcopy(delft[:30])}, token=TOKEN, max_limit=8) as running:
        yield running


def test_loadocpi_delft_dump_to_geopackage(evplanner, sample_dir, tmp_path):
    out = tmp_path / "charge_points.gpkg"
    results = run_alg("loadocpi", {"SOURCE": str(sample_dir / "charge_points.ocpi.json"), "OUTPUT": str(out)})
    layer = QgsVectorLayer(results["OUTPUT"], "out", "ogr")
    assert layer.featureCount() == 850
    assert layer.crs().authid() == "EPSG:4326"
    rows = features(results["OUTPUT"])
    circle_k = rows["32413"]
    assert circle_k["max_power_kw"] == pytest.approx(174.8)
    assert circle_k["power_type"] == "DC"
    assert circle_k.geometry().asPoint().x() == pytest.approx(4.354596)
    assert circle_k["sources"] == "ocpi:32413"
    with sqlite3.connect(out) as db:  # the style travels with the GeoPackage
        assert (
            db.execute("select count(*) from layer_styles where styleName='charge_points'").fetchone()[0] == 1
        )


def test_loadocpi_from_a_server_with_extent_in_rd_new(evplanner, server, delft, tmp_path):
    broken = copy.deepcopy(delft[:3])
    broken[0]["coordinates"]["latitude"] = "not-a-number"
    broken[1]["publish"] = False
    broken[2]["id"] = "KEEP"
    server.modules["locations"][:3] = broken
    feedback = Feedback()
    results = run_alg(
        "loadocpi",
        {
            "SOURCE": server.versions_url,
            "TOKEN": TOKEN,
            "EXTENT": "70000,100000,90000,460000 [EPSG:28992]",
            "OUTPUT": str(tmp_path / "api.gpkg"),
        },
        feedback,
    )
    rows = features(results["OUTPUT"])
    assert len(rows) == 28  # 30 minus one unusable, one unpublished; all of Delft lies inside
    assert "KEEP" in rows
    assert any(delft[0]["id"] in e and "unparseable coordinates" in e for e in feedback.errors)
    assert any("not published" in i for i in feedback.infos)
    assert not any(TOKEN in m for m in feedback.errors + feedback.infos)

    outside = run_alg(
        "loadocpi",
        {
            "SOURCE": server.versions_url,
            "TOKEN": TOKEN,
            "EXTENT": "0,10000,1000,20000 [EPSG:28992]",
            "OUTPUT": str(tmp_path / "outside.gpkg"),
        },
    )
    assert QgsVectorLayer(outside["OUTPUT"], "o", "ogr").featureCount() == 0


def test_loadocpi_refused_token_is_a_clear_error_without_the_token(evplanner, server, tmp_path):
    with pytest.raises(QgsProcessingException) as info:
        run_alg(
            "loadocpi",
            {"SOURCE": server.versions_url, "TOKEN": "bad-" + TOKEN, "OUTPUT": str(tmp_path / "x.gpkg")},
        )
    assert "401" in str(info.value)
    assert TOKEN not in str(info.value)
    assert not (tmp_path / "x.gpkg").exists()


TOKEN_VARIABLE = "EVP_TEST_OCPI_TOKEN"


def logged_text(feedback: Feedback) -> str:
    return " ".join([*feedback.errors, *feedback.warnings, *feedback.infos])


def test_loadocpi_token_from_an_environment_variable(evplanner, server, tmp_path, monkeypatch):
    monkeypatch.setenv(TOKEN_VARIABLE, f"  {TOKEN}\n")  # as a file or a scheduler may give it
    feedback = Feedback()
    params = {
        "SOURCE": server.versions_url,
        "TOKEN_ENV": TOKEN_VARIABLE,
        "OUTPUT": str(tmp_path / "env.gpkg"),
    }
    results = run_alg("loadocpi", params, feedback)
    assert QgsVectorLayer(results["OUTPUT"], "env", "ogr").featureCount() == 30  # the server checks it
    assert TOKEN not in logged_text(feedback)


@pytest.mark.parametrize("value", [None, "", "   "])
def test_token_env_not_set_or_empty_is_an_error_naming_the_variable(
    evplanner, server, tmp_path, monkeypatch, value
):
    if value is None:
        monkeypatch.delenv(TOKEN_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(TOKEN_VARIABLE, value)
    out = tmp_path / "none.gpkg"
    with pytest.raises(
        QgsProcessingException, match=f"environment variable {TOKEN_VARIABLE} .*not set or is empty"
    ):
        run_alg("loadocpi", {"SOURCE": server.versions_url, "TOKEN_ENV": TOKEN_VARIABLE, "OUTPUT": str(out)})
    assert not out.exists()


def test_token_env_holding_a_token_instead_of_a_name_is_refused_without_repeating_it(
    evplanner, server, tmp_path
):
    with pytest.raises(QgsProcessingException, match="name of an environment variable") as info:
        run_alg(
            "loadocpi",
            {"SOURCE": server.versions_url, "TOKEN_ENV": "tok-" + TOKEN, "OUTPUT": str(tmp_path / "x.gpkg")},
        )
    assert TOKEN not in str(info.value)


def test_token_wins_over_token_env_which_wins_over_authcfg(evplanner, server, tmp_path, monkeypatch):
    monkeypatch.delenv(TOKEN_VARIABLE, raising=False)
    unreadable = "nosuch1"  # no such authentication configuration
    with pytest.raises(QgsProcessingException, match=f"configuration {unreadable} cannot be read"):
        run_alg(
            "loadocpi",
            {"SOURCE": server.versions_url, "AUTHCFG": unreadable, "OUTPUT": str(tmp_path / "a.gpkg")},
        )
    # TOKEN is used: the unset variable and the unreadable configuration are not even looked at
    first = {
        "SOURCE": server.versions_url,
        "TOKEN": TOKEN,
        "TOKEN_ENV": TOKEN_VARIABLE,
        "AUTHCFG": unreadable,
    }
    results = run_alg("loadocpi", {**first, "OUTPUT": str(tmp_path / "b.gpkg")})
    assert QgsVectorLayer(results["OUTPUT"], "b", "ogr").featureCount() == 30
    # without TOKEN, TOKEN_ENV is used and the configuration is not looked at
    monkeypatch.setenv(TOKEN_VARIABLE, TOKEN)
    second = {"SOURCE": server.versions_url, "TOKEN_ENV": TOKEN_VARIABLE, "AUTHCFG": unreadable}
    results = run_alg("loadocpi", {**second, "OUTPUT": str(tmp_path / "c.gpkg")})
    assert QgsVectorLayer(results["OUTPUT"], "c", "ogr").featureCount() == 30


def test_loadocpi_missing_source(evplanner, tmp_path):
    with pytest.raises(QgsProcessingException, match="does not exist"):
        run_alg("loadocpi", {"SOURCE": str(tmp_path / "none.json"), "OUTPUT": "TEMPORARY_OUTPUT"})


def add_user_column(uri: str, name: str, values: dict[str, str]) -> None:
    layer = QgsVectorLayer(uri, "edit", "ogr")
    assert layer.dataProvider().addAttributes([QgsField(name, FieldType.STRING)])
    layer.updateFields()
    index = layer.fields().indexOf(name)
    changes = {
        f.id(): {index: values[f["source_id"]]} for f in layer.getFeatures() if f["source_id"] in values
    }
    assert layer.dataProvider().changeAttributeValues(changes)


def test_refresh_updates_adds_marks_removed_and_keeps_user_columns(evplanner, server, delft, tmp_path):
    out = str(tmp_path / "refresh.gpkg")
    params = {"SOURCE": server.versions_url, "TOKEN": TOKEN, "OUTPUT": out}
    first = run_alg("loadocpi", params)
    ids = [loc["id"] for loc in delft[:30]]
    add_user_column(first["OUTPUT"], "remark", {ids[0]: "asked by resident", ids[1]: "vanishes"})

    locations = server.modules["locations"]
    locations[0]["name"] = "Renamed by the operator"
    del locations[1]
    locations.append(dict(copy.deepcopy(delft[40]), id="BRAND-NEW"))
    feedback = Feedback()
    second = run_alg("loadocpi", params, feedback)

    rows = features(second["OUTPUT"])
    assert len(rows) == 31  # nothing deleted
    assert rows[ids[0]]["name"] == "Renamed by the operator"
    assert rows[ids[0]]["remark"] == "asked by resident"
    assert rows[ids[1]]["removed_at"]
    assert rows[ids[1]]["remark"] == "vanishes"
    assert not rows[ids[2]]["removed_at"]
    assert "BRAND-NEW" in rows
    assert any("1 changed, 28 unchanged, 1 new, 1 no longer found" in i for i in feedback.infos)

    # the location comes back: removed_at is cleared
    locations.append(copy.deepcopy(delft[1]))
    rows = features(run_alg("loadocpi", params)["OUTPUT"])
    assert not rows[ids[1]]["removed_at"]
    assert len(rows) == 31


def test_interrupted_refresh_leaves_the_previous_layer_intact(evplanner, server, tmp_path):
    out = tmp_path / "keep.gpkg"
    params = {"SOURCE": server.versions_url, "TOKEN": TOKEN, "OUTPUT": str(out)}
    run_alg("loadocpi", params)
    before = {k: f.attributes() for k, f in features(str(out)).items()}
    for location in server.modules["locations"]:
        location["name"] = "changed"
    server.modules["locations"] = server.modules["locations"][:5] + [
        dict(server.modules["locations"][0], id=f"NEW-{i}") for i in range(600)
    ]
    with pytest.raises(QgsProcessingException, match="Canceled"):
        run_alg("loadocpi", params, Feedback(cancel_on="Updating"))
    assert {k: f.attributes() for k, f in features(str(out)).items()} == before


def test_canceled_crawl_writes_nothing(evplanner, server, tmp_path):
    feedback = Feedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="Canceled"):
        run_alg(
            "loadocpi",
            {"SOURCE": server.versions_url, "TOKEN": TOKEN, "OUTPUT": str(tmp_path / "c.gpkg")},
            feedback,
        )
    assert not (tmp_path / "c.gpkg").exists()


def write_other_layer(path: Path, layer_name: str) -> None:
    layer = QgsVectorLayer("Point?crs=EPSG:28992&field=note:string", layer_name, "memory")
    feature = QgsFeature(layer.fields())
    feature.setAttributes(["user data"])
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(85000, 446000)))
    layer.dataProvider().addFeatures([feature])
    write_layer(layer, path, layer_name)


def QgsCoordinateTransformContextFactory():
    from qgis.core import QgsProject

    return QgsProject.instance().transformContext()


def test_existing_geopackage_keeps_its_other_layers(evplanner, server, tmp_path):
    path = tmp_path / "municipality.gpkg"
    write_other_layer(path, "parking")
    results = run_alg("loadocpi", {"SOURCE": server.versions_url, "TOKEN": TOKEN, "OUTPUT": str(path)})
    assert QgsVectorLayer(f"{path}|layername=parking", "p", "ogr").featureCount() == 1
    assert QgsVectorLayer(results["OUTPUT"], "cp", "ogr").featureCount() == 30


def test_a_foreign_layer_of_the_same_name_is_not_overwritten(evplanner, server, tmp_path):
    path = tmp_path / "data.gpkg"
    write_other_layer(path, "trees")
    with pytest.raises(QgsProcessingException, match="not a charge-point layer"):
        run_alg(
            "loadocpi", {"SOURCE": server.versions_url, "TOKEN": TOKEN, "OUTPUT": f"{path}|layername=trees"}
        )
    assert QgsVectorLayer(f"{path}|layername=trees", "t", "ogr").featureCount() == 1


def test_a_layer_named_as_the_dialog_names_it_is_refreshed(evplanner, server, tmp_path):
    """``ogr:dbname='…' table="…"`` (the dialog's "Save to GeoPackage") names the layer to refresh."""
    path = tmp_path / "my data.gpkg"
    write_other_layer(path, "parking")
    destination = f"ogr:dbname='{path}' table=\"cp\" (geom)"
    params = {"SOURCE": server.versions_url, "TOKEN": TOKEN, "OUTPUT": destination}
    run_alg("loadocpi", params)
    server.modules["locations"] = server.modules["locations"][:20]
    feedback = Feedback()
    results = run_alg("loadocpi", params, feedback)
    assert results["OUTPUT"] == f"{path}|layername=cp"
    assert any("Updating cp: 0 changed, 20 unchanged, 0 new, 10 no longer found" in i for i in feedback.infos)
    assert QgsVectorLayer(f"{path}|layername=parking", "p", "ogr").featureCount() == 1


OCM_BODY = [
    {
        "ID": 555,
        "OperatorInfo": {"ID": 3, "Title": "Allego"},
        "StatusTypeID": 50,
        "AddressInfo": {
            "Title": "Test",
            "AddressLine1": "Weg 1",
            "Town": "Delft",
            "Latitude": 52.0,
            "Longitude": 4.36,
        },
        "Connections": [{"ConnectionTypeID": 25, "CurrentTypeID": 20, "PowerKW": 22.0, "Quantity": 2}],
        "NumberOfPoints": 2,
    }
]


def test_loadopenchargemap_and_loadosm(evplanner, httpserver, tmp_path):
    httpserver.expect_request("/v3/poi/").respond_with_json(OCM_BODY)
    httpserver.expect_request("/api/interpreter", method="POST").respond_with_json(
        {
            "elements": [
                {
                    "type": "node",
                    "id": 1,
                    "lat": 52.0,
                    "lon": 4.36,
                    "tags": {"amenity": "charging_station", "capacity": "2"},
                }
            ]
        }
    )
    extent = "4.3,51.9,4.4,52.1 [EPSG:4326]"
    feedback = Feedback()
    ocm = run_alg(
        "loadopenchargemap",
        {
            "API_KEY": "k-123",
            "BASE_URL": httpserver.url_for("/v3"),
            "EXTENT": extent,
            "MAX_RESULTS": 1,
            "OUTPUT": str(tmp_path / "ocm.gpkg"),
        },
        feedback,
    )
    assert features(ocm["OUTPUT"])["555"]["operator"] == "Allego"
    assert any("maximum of 1" in w for w in feedback.warnings)
    osm = run_alg(
        "loadosm",
        {
            "EXTENT": extent,
            "OVERPASS_URL": httpserver.url_for("/api/interpreter"),
            "OUTPUT": str(tmp_path / "osm.gpkg"),
        },
    )
    assert features(osm["OUTPUT"])["node/1"]["evse_count"] == 2


def test_loadosm_requires_an_extent(evplanner):
    alg = QgsApplication.processingRegistry().createAlgorithmById("evplanner:loadosm")
    ok, _ = alg.checkParameterValues({"OUTPUT": "TEMPORARY_OUTPUT"}, QgsProcessingContext())
    assert not ok


def memory_layer(crs: str, rows: list[dict], extra: tuple[str, ...] = ()) -> QgsVectorLayer:
    from ev_planner.processing.chargepoint_layer import output_fields

    layer = QgsVectorLayer(f"Point?crs={crs}", "cp", "memory")
    layer.dataProvider().addAttributes(
        output_fields().toList() + [QgsField(n, FieldType.STRING) for n in extra]
    )
    layer.updateFields()
    batch = []
    for row in rows:
        feature = QgsFeature(layer.fields())
        for name, value in row.items():
            if name not in ("x", "y"):
                feature[name] = value
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(row["x"], row["y"])))
        batch.append(feature)
    layer.dataProvider().addFeatures(batch)
    return layer


def test_mergechargepoints(evplanner, tmp_path):
    # RD New coordinates in Delft; OSM and OCM in WGS84 near them
    ocpi = memory_layer(
        "EPSG:28992",
        [
            {
                "x": 84000,
                "y": 446000,
                "source": "ocpi",
                "source_id": "A",
                "operator": "Allego B.V.",
                "max_power_kw": None,
            },
            {"x": 84100, "y": 446000, "source": "ocpi", "source_id": "B", "operator": "Vattenfall"},
            {
                "x": 84300,
                "y": 446000,
                "source": "ocpi",
                "source_id": "GONE",
                "removed_at": "2026-01-01T00:00:00Z",
            },
        ],
    )
    from qgis.core import QgsCoordinateTransform, QgsProject

    to_wgs = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:28992"),
        QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsProject.instance(),
    )

    def wgs(x, y):
        p = to_wgs.transform(QgsPointXY(x, y))
        return {"x": p.x(), "y": p.y()}

    ocm = memory_layer(
        "EPSG:4326",
        [
            {
                **wgs(84008, 446000),
                "source": "ocm",
                "source_id": "1",
                "operator": "Allego",
                "max_power_kw": 22.0,
            },
            {
                **wgs(84100, 446005),
                "source": "ocm",
                "source_id": "2",
                "operator": "Shell Recharge",
            },  # contradicts B
        ],
        extra=("note",),
    )
    osm = memory_layer(
        "EPSG:4326",
        [
            {
                **wgs(84003, 446004),
                "source": "osm",
                "source_id": "node/9",
                "operator": None,
                "owner": "Gemeente Delft",
            },
            {**wgs(84200, 446000), "source": "osm", "source_id": "node/10"},
        ],
    )
    feedback = Feedback()
    results = run_alg(
        "mergechargepoints",
        {"INPUTS": [osm, ocm, ocpi], "DISTANCE": 15, "OUTPUT": str(tmp_path / "merged.gpkg")},
        feedback,
    )
    layer = QgsVectorLayer(results["OUTPUT"], "m", "ogr")
    assert layer.crs().authid() == "EPSG:4326"  # the first input's CRS
    rows = {f["source_id"]: f for f in layer.getFeatures()}
    assert set(rows) == {"A", "B", "2", "node/10"}
    assert rows["A"]["sources"] == "ocpi:A,ocm:1,osm:node/9"
    assert rows["A"]["max_power_kw"] == 22.0  # filled from OCM
    assert rows["A"]["owner"] == "Gemeente Delft"  # filled from OSM
    assert rows["B"]["sources"] == "ocpi:B"
    assert "note" in layer.fields().names()
    assert any("marked removed_at left out" in i for i in feedback.infos)


def test_merge_refuses_layers_without_the_schema(evplanner):
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string", "plain", "memory")
    with pytest.raises(QgsProcessingException, match="source"):
        run_alg("mergechargepoints", {"INPUTS": [layer], "OUTPUT": "TEMPORARY_OUTPUT"})


def test_output_crs_and_refresh_of_a_layer_in_rd_new(evplanner, server, tmp_path):
    out = str(tmp_path / "rd.gpkg")
    params = {"SOURCE": server.versions_url, "TOKEN": TOKEN, "CRS": "EPSG:28992", "OUTPUT": out}
    first = run_alg("loadocpi", params)
    layer = QgsVectorLayer(first["OUTPUT"], "rd", "ogr")
    assert layer.crs().authid() == "EPSG:28992"
    x = next(layer.getFeatures()).geometry().asPoint().x()
    assert 70000 < x < 100000  # metres in RD New, Delft
    server.modules["locations"][0]["coordinates"]["longitude"] = "4.36"
    feedback = Feedback()
    run_alg("loadocpi", params, feedback)
    # positions read back from RD New compare equal: only the moved location changed
    assert any("1 changed, 29 unchanged, 0 new, 0 no longer found" in i for i in feedback.infos)
    moved = features(out)[server.modules["locations"][0]["id"]]
    from qgis.core import QgsCoordinateTransform, QgsProject

    back = QgsCoordinateTransform(
        layer.crs(), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance()
    )
    assert back.transform(moved.geometry().asPoint()).x() == pytest.approx(4.36, abs=1e-7)


CRASHING_REFRESH = """
import os, sys
from qgis.core import QgsApplication, QgsProcessingAlgorithm, QgsProcessingContext, QgsProcessingFeedback
app = QgsApplication([], False)
app.initQgis()
from ev_planner.processing.provider import EvPlannerProvider
provider = EvPlannerProvider()
QgsApplication.processingRegistry().addProvider(provider)

class CrashInsideTheTransaction(QgsProcessingFeedback):
    updating = False
    def pushInfo(self, info):
        self.updating = self.updating or info.startswith("Updating")
    def setProgress(self, progress):
        if self.updating:  # the refresh transaction is open and half applied: die without cleanup
            os._exit(9)

alg = QgsApplication.processingRegistry().createAlgorithmById("evplanner:loadocpi")
QgsProcessingAlgorithm.run(
    alg, {"SOURCE": sys.argv[1], "OUTPUT": sys.argv[2]}, QgsProcessingContext(), CrashInsideTheTransaction(), {}, False
)
"""


def test_a_crash_during_the_refresh_leaves_the_previous_layer_intact(evplanner, delft, tmp_path, repo_root):
    import subprocess

    out = tmp_path / "crash.gpkg"
    first = tmp_path / "first.json"
    first.write_text(json.dumps(delft[:100]), encoding="utf-8")
    run_alg("loadocpi", {"SOURCE": str(first), "OUTPUT": str(out)})
    before = {k: f.attributes() for k, f in features(str(out)).items()}

    second = tmp_path / "second.json"
    changed = copy.deepcopy(delft[:50]) + [dict(copy.deepcopy(delft[0]), id=f"N{i}") for i in range(1200)]
    for location in changed:
        location["name"] = "changed"
    second.write_text(json.dumps(changed), encoding="utf-8")
    env = dict(
        os.environ,
        PYTHONPATH=str(repo_root),
        QT_QPA_PLATFORM="offscreen",
        QGIS_CUSTOM_CONFIG_PATH=str(tmp_path),
    )
    done = subprocess.run(
        [sys.executable, "-c", CRASHING_REFRESH, str(second), str(out)],
        env=env,
        capture_output=True,
        timeout=300,
    )
    assert done.returncode == 9, done.stderr.decode()[-2000:]
    assert {k: f.attributes() for k, f in features(str(out)).items()} == before


def test_loadocpi_from_an_ocpi_211_server(evplanner, delft, tmp_path):
    locations = []
    for location in copy.deepcopy(delft[:12]):
        del location["country_code"], location["party_id"]  # 2.1.1 Locations have neither
        location["type"] = location.pop("parking_type", None) or "ON_STREET"
        for evse in location["evses"]:
            for connector in evse["connectors"]:
                connector["voltage"] = connector.pop("max_voltage")
                connector["amperage"] = connector.pop("max_amperage")
                connector.pop("max_electric_power")
        locations.append(location)
    with OcpiTestServer({"locations": locations}, token=TOKEN, versions=("2.1.1",), max_limit=5) as server:
        results = run_alg(
            "loadocpi", {"SOURCE": server.versions_url, "TOKEN": TOKEN, "OUTPUT": str(tmp_path / "v211.gpkg")}
        )
        assert {auth for path, auth in server.requests if "/2.1.1/" in path} == {f"Token {TOKEN}"}
    rows = features(results["OUTPUT"])
    assert len(rows) == 12
    first = rows[delft[0]["id"]]
    assert first["party"] is None or first["party"] == NULL
    assert first["parking_type"] == "ON_STREET"
    assert first["max_power_kw"] == pytest.approx(174.8)  # 920 V x 190 A, DC
