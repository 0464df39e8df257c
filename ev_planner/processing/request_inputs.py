"""Reading residents' requests and address points for evplanner:evaluaterequests.

REQUESTS is a point layer, or a table (CSV) with ``x``/``y`` (or ``lon``/``lat``) columns or
an ``address`` column. A CSV file is read by EV Planner itself, so that Dutch Excel's ``;``
and Windows-1252 work and skipped rows are reported with their file line. Coordinates end
up in the metric CRS of the run; an address is looked up among ADDRESSES.
"""

from __future__ import annotations

import re

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeatureRequest,
    QgsPointXY,
    QgsProcessingException,
    QgsWkbTypes,
)

from ..compat import GEOMETRY_POINT
from ..core.csvfile import read_csv
from ..core.requests.intake import AddressIndex, RequestIntake, check_requests
from ..i18n import tr
from .layers import representative_point
from .usage_inputs import attribute_value, csv_path_of

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
# Other names for the columns, as municipalities' own exports call them.
ALIASES = {
    "lon": "x", "lng": "x", "longitude": "x", "lengtegraad": "x",
    "lat": "y", "latitude": "y", "breedtegraad": "y",
    "adres": "address",
}  # fmt: skip
OSM_TAG = re.compile(r'"addr:(street|housenumber|postcode)"=>"((?:[^"\\]|\\.)*)"')


def _normalised(row: dict) -> dict:
    return {
        ALIASES.get(str(key).strip().lower(), str(key).strip().lower()): value for key, value in row.items()
    }


def read_requests(algorithm, parameters, name: str, context, crs, table_crs, addresses) -> RequestIntake:
    """The requests of the layer parameter ``name``, located in ``crs``."""
    layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    source = algorithm.parameterAsSource(parameters, name, context)
    if source is None:
        raise QgsProcessingException(tr("The layer {layer} could not be opened.").format(layer=name))
    path = csv_path_of(layer)
    if path is not None:
        table = read_csv(path)
        rows = [_normalised(row) for row in table.rows]
        lines = table.lines
        coordinates_crs = (
            WGS84
            if rows and any(key in table.header for key in ("lon", "lat", "longitude", "latitude"))
            else table_crs
        )
    else:
        rows, lines = _rows_of_features(source, crs, context)
        coordinates_crs = crs if QgsWkbTypes.geometryType(source.wkbType()) == GEOMETRY_POINT else table_crs
    _to_crs(rows, coordinates_crs, crs, context)
    return check_requests(rows, lines, addresses)


def _rows_of_features(source, crs, context) -> tuple[list[dict], list[int]]:
    """Attribute rows of a layer; a point geometry becomes ``x``/``y`` in ``crs`` (feature number = line)."""
    names = [field.name() for field in source.fields()]
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    rows, lines = [], []
    for number, feature in enumerate(source.getFeatures(), start=1):
        row = _normalised(dict(zip(names, (attribute_value(v) for v in feature.attributes()))))
        geometry = representative_point(feature.geometry()) if feature.hasGeometry() else None
        if geometry is not None:
            try:
                point = transform.transform(geometry.asPoint())
                row["x"], row["y"] = point.x(), point.y()
                row["_located"] = True
            except QgsCsException:
                row["x"], row["y"] = "", ""
        rows.append(row)
        lines.append(number)
    return rows, lines


def _to_crs(rows: list[dict], from_crs, crs, context) -> None:
    """Table coordinates (text) into the metric CRS; a row already located is left alone."""
    transform = QgsCoordinateTransform(from_crs, crs, context.transformContext())
    for row in rows:
        if row.pop("_located", False) or row.get("x") in (None, "") or row.get("y") in (None, ""):
            continue
        try:
            x, y = float(str(row["x"]).replace(",", ".")), float(str(row["y"]).replace(",", "."))
            point = transform.transform(QgsPointXY(x, y))
        except (ValueError, QgsCsException):
            continue  # the core reports the row as not a number or not assessable
        row["x"], row["y"] = point.x(), point.y()


def address_index(source, crs, context, address_field: str = "") -> AddressIndex:
    """Address points by street, house number and postcode: from ``address_field`` (full text),
    from OSM's ``other_tags``, or from fields named like street / housenumber / postcode."""
    from ..core.requests.intake import split_address

    index = AddressIndex()
    names = [field.name() for field in source.fields()]
    lower = {name.lower(): name for name in names}
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    for feature in source.getFeatures(QgsFeatureRequest()):
        geometry = representative_point(feature.geometry()) if feature.hasGeometry() else None
        if geometry is None:
            continue
        if address_field:
            street, number, postcode = split_address(str(attribute_value(feature[address_field]) or ""))
        elif "other_tags" in lower:
            tags = dict(OSM_TAG.findall(str(attribute_value(feature[lower["other_tags"]]) or "")))
            street, number, postcode = tags.get("street"), tags.get("housenumber"), tags.get("postcode")
        else:
            street, number, postcode = (
                _first(feature, lower, ("street", "straat", "openbareruimte", "straatnaam")),
                _first(feature, lower, ("housenumber", "huisnummer", "number")),
                _first(feature, lower, ("postcode", "zip")),
            )
        if not number:
            continue
        try:
            point = transform.transform(geometry.asPoint())
        except QgsCsException:
            continue
        index.add(street, number, postcode, point.x(), point.y())
    return index


def _first(feature, lower: dict, candidates) -> str | None:
    for name in candidates:
        if name in lower:
            value = attribute_value(feature[lower[name]])
            if value not in (None, ""):
                return str(value)
    return None
