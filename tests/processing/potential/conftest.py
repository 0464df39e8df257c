"""Fixtures of the potential-map processing tests: hand-made layers and the Delft sample as layers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.feedback import RecordingFeedback
from tests.support.layers import ocpi_points_geojson


def write_charge_points_geojson(ocpi_path: Path, target: Path) -> Path:
    """The OCPI locations as a GeoJSON point layer with ``evse_count`` (before a loader exists)."""
    return ocpi_points_geojson(
        target,
        json.loads(ocpi_path.read_text(encoding="utf-8")),
        lambda loc: {"source_id": loc["id"], "evse_count": len(loc.get("evses") or [])},
    )


@pytest.fixture(scope="session")
def delft_charge_points(sample_dir, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("charge-points") / "charge_points.geojson"
    return str(write_charge_points_geojson(sample_dir / "charge_points.ocpi.json", path))


@pytest.fixture
def delft_addresses(sample_dir):
    """OSM address points of the TU Delft / Wippolder extract."""
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(
        f"{sample_dir / 'osm_tudelft_wippolder.osm.pbf'}|layername=points", "addresses", "ogr"
    )
    assert layer.isValid()
    layer.setSubsetString("other_tags LIKE '%\"addr:housenumber\"%'")
    return layer


@pytest.fixture
def make_layer():
    """Build a memory layer: make_layer("Polygon", "EPSG:28992", [(wkt, {field: value}), ...], {field: type})."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    def make(geometry_type: str, crs: str, rows, fields=None):
        spec = "".join(f"&field={name}:{kind}" for name, kind in (fields or {}).items())
        layer = QgsVectorLayer(f"{geometry_type}?crs={crs}{spec}", "layer", "memory")
        assert layer.isValid()
        features = []
        for wkt, attributes in rows:
            feature = QgsFeature(layer.fields())
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
            for name, value in attributes.items():
                feature[name] = value
            features.append(feature)
        assert layer.dataProvider().addFeatures(features)[0]
        layer.updateExtents()
        return layer

    return make


def square(x0: float, y0: float, size: float) -> str:
    return f"POLYGON(({x0} {y0},{x0 + size} {y0},{x0 + size} {y0 + size},{x0} {y0 + size},{x0} {y0}))"


@pytest.fixture
def square_wkt():
    return square


@pytest.fixture
def feedback() -> RecordingFeedback:
    """A feedback that keeps what the algorithm reported, to assert on messages."""
    return RecordingFeedback()
