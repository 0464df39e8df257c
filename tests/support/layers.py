"""Layers the tests build: hand-made points and streets in Delft, the Delft sample, charge-point files.

Hand-made layers sit in Delft: coordinates given to ``point_layer`` and ``line_layer`` are metres from
(X0, Y0) in RD New.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

RD = "EPSG:28992"
X0, Y0 = 84000.0, 446000.0  # hand-made layers sit in Delft (RD New)


def point_layer(points, crs=RD, fields=(), name="points"):
    """A memory point layer; ``points`` holds (x, y, *attribute values)."""
    spec = "&".join(f"field={field}" for field in fields)
    layer = QgsVectorLayer(f"Point?crs={crs}" + (f"&{spec}" if spec else ""), name, "memory")
    features = []
    offset = (X0, Y0) if crs == RD else (0.0, 0.0)
    for row in points:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(row[0] + offset[0], row[1] + offset[1])))
        feature.setAttributes(list(row[2:]))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def delft_charge_points(sample_dir, crs=RD):
    """The Delft OCPI locations as a point layer (coordinates are strings in OCPI)."""
    locations = json.loads((sample_dir / "charge_points.ocpi.json").read_text(encoding="utf-8"))
    to_crs = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateReferenceSystem(crs), QgsProject.instance()
    )
    rows = []
    for location in locations:
        point = to_crs.transform(
            QgsPointXY(
                float(location["coordinates"]["longitude"]), float(location["coordinates"]["latitude"])
            )
        )
        rows.append((point.x() - X0, point.y() - Y0, location["id"]))
    return point_layer(rows, crs, ["location_id:string"], "charge_points")


def delft_addresses(sample_dir):
    """The OSM address points of the TU Delft / Wippolder extract."""
    layer = QgsVectorLayer(
        str(sample_dir / "osm_tudelft_wippolder.osm.pbf") + "|layername=points", "osm", "ogr"
    )
    assert layer.isValid()
    layer.setSubsetString("other_tags LIKE '%addr:housenumber%'")
    return layer


def delft_candidates(addresses, spacing=150.0):
    """A regular grid of candidates over the extent of the addresses, in RD New."""
    to_rd = QgsCoordinateTransform(addresses.crs(), QgsCoordinateReferenceSystem(RD), QgsProject.instance())
    extent = to_rd.transformBoundingBox(addresses.extent())
    rows = []
    y = extent.yMinimum()
    while y <= extent.yMaximum():
        x = extent.xMinimum()
        while x <= extent.xMaximum():
            rows.append((x - X0, y - Y0, len(rows)))
            x += spacing
        y += spacing
    return point_layer(rows, RD, ["cid:integer"], "candidates")


# The canal of the walking tests: two streets 100 m apart joined only by a bridge 1,000 m away, so a
# point across the canal is 100 m in a straight line and 2,100 m walking.
STREETS = [
    [(0, 0), (500, 0), (1000, 0)],
    [(0, 100), (500, 100), (1000, 100)],
    [(1000, 0), (1000, 100)],  # the bridge
]


def line_layer(lines, crs=RD):
    """A memory line layer; ``lines`` holds lists of (x, y) in metres from (X0, Y0)."""
    layer = QgsVectorLayer(f"LineString?crs={crs}", "streets", "memory")
    features = []
    for line in lines:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(x + X0, y + Y0) for x, y in line]))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def memory_points(crs: str, fields: str, rows) -> QgsVectorLayer:
    """A memory point layer in absolute coordinates; ``rows`` holds ((x, y), attribute values)."""
    layer = QgsVectorLayer(f"Point?crs={crs}&{fields}", "layer", "memory")
    features = []
    for (x, y), attributes in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feature.setAttributes(attributes)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def connector_kw(connector: dict) -> float:
    if connector.get("max_electric_power"):
        return connector["max_electric_power"] / 1000.0
    phases = 3 if connector.get("power_type") == "AC_3_PHASE" else 1
    return (connector.get("max_voltage") or 0) * (connector.get("max_amperage") or 0) * phases / 1000.0


def ocpi_points_geojson(path: Path, locations: list[dict], properties: Callable[[dict], dict]) -> Path:
    """The OCPI ``locations`` as a GeoJSON point layer at ``path``; ``properties(location)`` gives its fields."""
    features = [
        {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                "coordinates": [
                    float(loc["coordinates"]["longitude"]),
                    float(loc["coordinates"]["latitude"]),
                ],
            },
            "properties": properties(loc),
        }
        for loc in locations
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


def common_schema_fields(loc: dict) -> dict:
    """The common-schema fields of one OCPI location that the usage algorithms read."""
    return {
        "source": "ocpi",
        "source_id": loc["id"],
        "name": loc.get("name"),
        "operator": (loc.get("operator") or {}).get("name"),
        "evse_count": len(loc["evses"]),
        "max_power_kw": max((connector_kw(c) for e in loc["evses"] for c in e["connectors"]), default=None),
    }


def write_charge_points(path: Path, locations: list[dict]) -> str:
    """A GeoJSON layer of OCPI locations with the common-schema fields the usage algorithms read."""
    return str(ocpi_points_geojson(path, locations, common_schema_fields))


def features_by_id(path):
    """The layer at ``path`` and its features by ``source_id``."""
    layer = QgsVectorLayer(path, "out", "ogr")
    assert layer.isValid()
    return layer, {f["source_id"]: f for f in layer.getFeatures()}


def write_layer(layer: QgsVectorLayer, path, layer_name: str = "", driver: str = "GPKG") -> Path:
    """Write ``layer`` to a file as a user's own data; into an existing file it is one more layer."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = driver
    if layer_name:
        options.layerName = layer_name
    if Path(path).exists():
        options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    error = QgsVectorFileWriter.writeAsVectorFormatV2(
        layer, str(path), QgsCoordinateTransformContext(), options
    )
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    return Path(path)
