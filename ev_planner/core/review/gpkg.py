"""The few pieces of the OGC GeoPackage 1.2 standard a review file needs, on stdlib ``sqlite3``.

A GeoPackage is an SQLite file with three metadata tables (spatial reference
systems, contents, geometry columns) and geometries stored as a small header
followed by WKB. Writing them here keeps the review store QGIS-free, and the
files open in QGIS, GDAL and any GeoPackage reader.
"""

from __future__ import annotations

import sqlite3
import struct
from typing import Optional, Tuple

from ..errors import ReviewError

APPLICATION_ID = 0x47504B47  # "GPKG"
USER_VERSION = 10200  # GeoPackage 1.2

_UNDEFINED_CARTESIAN = 'LOCAL_CS["Undefined cartesian SRS"]'
_UNDEFINED_GEOGRAPHIC = 'GEOGCS["Undefined geographic SRS"]'
_WGS84_WKT = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],'
    'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,'
    'AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]'
)


def srs_from_authid(authid: str, wkt: Optional[str] = None) -> Tuple[str, int, str]:
    """``(organization, code, WKT)`` for an id such as ``EPSG:28992``.

    The glue passes QGIS's WKT; without one pyproj (Debian's, linked to the
    system PROJ) provides it.
    """
    try:
        organization, code_text = authid.split(":", 1)
        code = int(code_text)
    except ValueError:
        raise ReviewError(
            "The CRS {authid!r} has no authority code (such as EPSG:28992).", authid=authid
        ) from None
    if not wkt:
        try:
            from pyproj import CRS

            wkt = CRS.from_user_input(authid).to_wkt("WKT1_GDAL")
        except Exception as exc:
            raise ReviewError("Unknown CRS {authid}: {error}", authid=authid, error=exc) from None
    return organization.upper(), code, wkt


def encode_point(x: float, y: float, srs_id: int) -> bytes:
    """A GeoPackage geometry blob of a 2D point, with a point envelope omitted (flags: little-endian)."""
    header = b"GP" + bytes([0, 0x01]) + struct.pack("<i", srs_id)
    return header + struct.pack("<BIdd", 1, 1, float(x), float(y))


def decode_point(blob: Optional[bytes]) -> Optional[Tuple[float, float]]:
    """``(x, y)`` of a GeoPackage point blob (any envelope, either byte order), or None."""
    if not blob or len(blob) < 8 or blob[:2] != b"GP":
        return None
    flags = blob[3]
    if flags & 0x10:  # empty geometry
        return None
    envelope_size = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get((flags >> 1) & 0x07, 0)
    wkb = blob[8 + envelope_size :]
    if len(wkb) < 21:
        return None
    order = "<" if wkb[0] == 1 else ">"
    (geometry_type,) = struct.unpack(order + "I", wkb[1:5])
    if geometry_type % 1000 != 1:
        return None
    x, y = struct.unpack(order + "dd", wkb[5:21])
    return x, y


def create_metadata(connection: sqlite3.Connection) -> None:
    """Create the mandatory GeoPackage tables in an empty SQLite file."""
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version = {USER_VERSION}")
    # Statement by statement: executescript() would commit the caller's transaction.
    for statement in [
        "\n        CREATE TABLE gpkg_spatial_ref_sys (\n          srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,\n          organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,\n          definition TEXT NOT NULL, description TEXT)",
        "\n        CREATE TABLE gpkg_contents (\n          table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,\n          identifier TEXT UNIQUE, description TEXT DEFAULT '',\n          last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),\n          min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,\n          CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))",
        "\n        CREATE TABLE gpkg_geometry_columns (\n          table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,\n          srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,\n          CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),\n          CONSTRAINT uk_gc_table_name UNIQUE (table_name),\n          CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),\n          CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))",
        "\n        ",
    ]:
        if statement.strip():
            connection.execute(statement)
    connection.executemany(
        "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
        [
            ("Undefined cartesian SRS", -1, "NONE", -1, _UNDEFINED_CARTESIAN, "undefined cartesian"),
            ("Undefined geographic SRS", 0, "NONE", 0, _UNDEFINED_GEOGRAPHIC, "undefined geographic"),
            ("WGS 84 geodetic", 4326, "EPSG", 4326, _WGS84_WKT, "longitude/latitude WGS84"),
        ],
    )


def register_srs(connection: sqlite3.Connection, organization: str, code: int, wkt: str) -> int:
    """Add a spatial reference system (if new) and return its srs_id."""
    row = connection.execute(
        "SELECT srs_id FROM gpkg_spatial_ref_sys WHERE organization = ? AND organization_coordsys_id = ?",
        (organization, code),
    ).fetchone()
    if row:
        return int(row[0])
    connection.execute(
        "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
        (f"{organization}:{code}", code, organization, code, wkt, ""),
    )
    return code


def register_table(
    connection: sqlite3.Connection,
    table: str,
    data_type: str,
    description: str,
    srs_id: Optional[int] = None,
    geometry_column: Optional[str] = None,
    extent: Optional[Tuple[float, float, float, float]] = None,
) -> None:
    min_x, min_y, max_x, max_y = extent if extent else (None, None, None, None)
    connection.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (table, data_type, table, description, min_x, min_y, max_x, max_y, srs_id),
    )
    if geometry_column:
        connection.execute(
            "INSERT INTO gpkg_geometry_columns VALUES (?, ?, 'POINT', ?, 0, 0)",
            (table, geometry_column, srs_id),
        )


def table_names(connection: sqlite3.Connection) -> set:
    return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
