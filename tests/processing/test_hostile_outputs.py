"""Outputs never destroy what the user had: other layers of a GeoPackage survive every algorithm."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import processing
import pytest
from qgis.core import (
    NULL,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from tests.support.layers import point_layer, write_layer


def _layers(path) -> set[str]:
    with closing(sqlite3.connect(path)) as db:
        return {
            row[0]
            for row in db.execute("select table_name from gpkg_contents where table_name != 'layer_styles'")
        }


@pytest.fixture
def users_geopackage(tmp_path):
    """A GeoPackage holding a layer of the user's own, as a planner keeps a project's data."""
    return _users_geopackage(tmp_path / "planning.gpkg")


def _users_geopackage(path):
    return write_layer(point_layer([(0, 0), (10, 10)]), path, "my_own_layer")


@pytest.mark.parametrize("algorithm", ["scorecandidates", "selectlocations"])
def test_writing_into_an_existing_geopackage_keeps_its_other_layers(evplanner, users_geopackage, algorithm):
    parameters = {
        "CANDIDATES": point_layer([(0, 0), (100, 0)]),
        "DEMAND": point_layer([(0, 0), (50, 0), (100, 0)]),
        "RADIUS": 60,
        "OUTPUT": str(users_geopackage),
    }
    if algorithm == "selectlocations":
        parameters["COUNT"] = 1
    result = processing.run(
        f"evplanner:{algorithm}", parameters, feedback=QgsProcessingFeedback(), context=QgsProcessingContext()
    )
    assert _layers(users_geopackage) == {"my_own_layer", "planning"}
    own = QgsVectorLayer(f"{users_geopackage}|layername=my_own_layer", "own", "ogr")
    written = QgsVectorLayer(result["OUTPUT"], "out", "ogr")
    assert own.featureCount() == 2
    assert written.featureCount() >= 1
    del own, written  # close the file before it is written again
    # Running again replaces only the algorithm's own layer.
    processing.run(
        f"evplanner:{algorithm}", parameters, feedback=QgsProcessingFeedback(), context=QgsProcessingContext()
    )
    assert _layers(users_geopackage) == {"my_own_layer", "planning"}


def test_an_existing_geopackage_whose_path_has_quotes_keeps_its_other_layers(evplanner, tmp_path):
    """A folder such as "Gemeente 's-Hertogenbosch" must not send the output to another file."""
    folder = tmp_path / "Gemeente 's-Hertogenbosch"
    folder.mkdir()
    path = _users_geopackage(folder / 'plan "2030".gpkg')
    processing.run(
        "evplanner:scorecandidates",
        {
            "CANDIDATES": point_layer([(0, 0)]),
            "DEMAND": point_layer([(0, 0)]),
            "RADIUS": 60,
            "OUTPUT": str(path),
        },
        feedback=QgsProcessingFeedback(),
        context=QgsProcessingContext(),
    )
    assert _layers(path) == {"my_own_layer", 'plan "2030"'}
    assert sorted(p.name for p in folder.iterdir() if p.suffix == ".gpkg") == [path.name]


def test_generatecandidates_keeps_the_other_layers(evplanner, users_geopackage):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY

    area = QgsVectorLayer("Polygon?crs=EPSG:28992", "area", "memory")
    feature = QgsFeature()
    ring = [QgsPointXY(84000 + x, 446000 + y) for x, y in ((0, 0), (200, 0), (200, 200), (0, 200), (0, 0))]
    feature.setGeometry(QgsGeometry.fromPolygonXY([ring]))
    area.dataProvider().addFeatures([feature])
    processing.run(
        "evplanner:generatecandidates",
        {"AREA": area, "METHOD": 0, "SPACING": 50, "OUTPUT": str(users_geopackage)},
        feedback=QgsProcessingFeedback(),
        context=QgsProcessingContext(),
    )
    assert _layers(users_geopackage) == {"my_own_layer", "planning"}


def test_an_osm_capacity_beyond_an_integer_keeps_every_record_and_is_counted(evplanner, httpserver, tmp_path):
    """It dropped that record and every record after it ('7 read', 3 rows written)."""
    elements = [
        {
            "type": "node",
            "id": n,
            "lat": 52.0 + n / 1000,
            "lon": 4.36,
            "tags": {"amenity": "charging_station", "capacity": capacity},
        }
        for n, capacity in enumerate(["2", "4", "1", "3000000000", "2", "6", "2"], start=1)
    ]
    httpserver.expect_request("/api/interpreter", method="POST").respond_with_json({"elements": elements})
    feedback = QgsProcessingFeedback()
    result = processing.run(
        "evplanner:loadosm",
        {
            "EXTENT": "4.3,4.4,51.9,52.1 [EPSG:4326]",
            "OVERPASS_URL": httpserver.url_for("/api/interpreter"),
            "OUTPUT": str(tmp_path / "osm.gpkg"),
        },
        feedback=feedback,
        context=QgsProcessingContext(),
    )
    layer = QgsVectorLayer(result["OUTPUT"], "osm", "ogr")
    counts = {f["source_id"]: f["evse_count"] for f in layer.getFeatures()}
    assert len(counts) == 7
    assert counts["node/4"] == NULL
    assert counts["node/7"] == 2
    assert "1 value(s) of evse_count outside 0–5000 set to NULL" in feedback.textLog()


def test_a_tiny_spacing_is_refused_before_anything_is_written(evplanner, sample_dir, tmp_path):
    """SPACING=1 over Delft made 24 million points, 7 GB and a half-written 1.4 GB GeoPackage."""
    output = tmp_path / "candidates.gpkg"
    with pytest.raises(
        QgsProcessingException, match=r"gives about [\d,]+ candidates, more than the limit of 2,000,000"
    ):
        processing.run(
            "evplanner:generatecandidates",
            {"AREA": str(sample_dir / "boundary.geojson"), "METHOD": 0, "SPACING": 1, "OUTPUT": str(output)},
            feedback=QgsProcessingFeedback(),
            context=QgsProcessingContext(),
        )
    assert not output.exists()
    assert not list(tmp_path.iterdir())  # no journal, no partial file


def _targets_with_a_repeated_fid(count: int) -> QgsVectorLayer:
    """Points whose ``fid`` attribute repeats, as after merging two GeoPackages: a GeoPackage output
    takes ``fid`` as its key, so the second feature with the same value is refused."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY

    layer = QgsVectorLayer("Point?crs=EPSG:28992&field=fid:integer&field=households:double", "t", "memory")
    features = []
    for n in range(count):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(85_000 + 10 * n, 447_000)))
        feature.setAttributes([7, 1.0])
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    return layer


def test_a_refused_write_fails_loudly_instead_of_leaving_an_incomplete_layer(evplanner, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry

    areas = QgsVectorLayer("Polygon?crs=EPSG:28992&field=households:double", "areas", "memory")
    area = QgsFeature(areas.fields())
    area.setGeometry(
        QgsGeometry.fromWkt("POLYGON((84000 446000,86000 446000,86000 448000,84000 448000,84000 446000))")
    )
    area.setAttributes([30.0])
    assert areas.dataProvider().addFeatures([area])[0]
    with pytest.raises(QgsProcessingException, match="Could not write the output"):
        processing.run(
            "evplanner:distributedemand",
            {
                "AREAS": areas,
                "FIELDS": ["households"],
                "TARGETS": _targets_with_a_repeated_fid(3),
                "OUTPUT": str(tmp_path / "demand.gpkg"),
            },
            feedback=QgsProcessingFeedback(),
            context=QgsProcessingContext(),
        )


@pytest.mark.parametrize("algorithm", ["scorecandidates", "selectlocations"])
def test_a_refused_candidate_fails_loudly(evplanner, tmp_path, algorithm):
    candidates = _targets_with_a_repeated_fid(3)
    parameters = {"CANDIDATES": candidates, "DEMAND": candidates, "OUTPUT": str(tmp_path / "out.gpkg")}
    if algorithm == "selectlocations":
        parameters.update({"COUNT": 3, "RADIUS": 5})
    with pytest.raises(QgsProcessingException, match="Could not write the output"):
        processing.run(
            f"evplanner:{algorithm}",
            parameters,
            feedback=QgsProcessingFeedback(),
            context=QgsProcessingContext(),
        )


def test_add_features_sees_a_data_provider_refusing_features(tmp_path):
    """A provider returns (False, features), a tuple that is always true: the refusal must count."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY

    from ev_planner.processing.sinks import add_features

    csv = tmp_path / "points.csv"
    csv.write_text("id,x,y\n1,0,0\n", encoding="utf-8")
    layer = QgsVectorLayer(f"file://{csv}?type=csv&xField=x&yField=y&crs=EPSG:28992", "csv", "delimitedtext")
    assert layer.isValid()
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(1, 1)))
    feature.setAttributes([2, 1, 1])
    with pytest.raises(QgsProcessingException, match="Could not write the output"):
        add_features(layer.dataProvider(), [feature])
