"""The common charge-point schema every loader writes (a public interface).

Field names and their order are relied upon by municipal batch scripts: add
fields at the end, never rename or remove one.
"""

from __future__ import annotations

from dataclasses import dataclass

# Source kinds, in order of authority when several sources describe one location.
SOURCE_OCPI = "ocpi"
SOURCE_OCM = "ocm"
SOURCE_OSM = "osm"
SOURCE_AUTHORITY = (SOURCE_OCPI, SOURCE_OCM, SOURCE_OSM)

# EVSE statuses of OCPI 2.1.1/2.2.1, used for the aggregate ``status`` field.
EVSE_STATUSES = (
    "AVAILABLE",
    "BLOCKED",
    "CHARGING",
    "INOPERATIVE",
    "OUTOFORDER",
    "PLANNED",
    "REMOVED",
    "RESERVED",
    "UNKNOWN",
)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str  # "str", "int", "float" or "datetime" (ISO 8601 text in UTC)
    description: str


CHARGE_POINT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("source", "str", "ocpi, ocm or osm"),
    FieldSpec("source_id", "str", "id of the location at its source"),
    FieldSpec("name", "str", "name of the location"),
    FieldSpec("address", "str", "street and number"),
    FieldSpec("postal_code", "str", "postal code"),
    FieldSpec("city", "str", "city"),
    FieldSpec("operator", "str", "operator (CPO) name"),
    FieldSpec("owner", "str", "owner name"),
    FieldSpec("evse_count", "int", "number of EVSEs (charge points)"),
    FieldSpec("connector_count", "int", "number of connectors"),
    FieldSpec("max_power_kw", "float", "highest connector power in kW"),
    FieldSpec("power_type", "str", "AC, DC or AC+DC"),
    FieldSpec("connector_types", "str", "comma-separated connector standards"),
    FieldSpec("status", "str", "most frequent EVSE status"),
    FieldSpec("available_evses", "int", "EVSEs with status AVAILABLE"),
    FieldSpec("parking_type", "str", "OCPI parking type"),
    FieldSpec("last_updated", "datetime", "last update at the source (UTC)"),
    FieldSpec("fetched_at", "datetime", "when EV Planner read the record (UTC)"),
    FieldSpec("removed_at", "datetime", "when a refresh no longer found the location at its source (UTC)"),
    FieldSpec("sources", "str", "comma-separated source:source_id of every record describing the location"),
    FieldSpec("party", "str", "OCPI party publishing the location: country_code*party_id, e.g. NL*CKE"),
)

CHARGE_POINT_FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in CHARGE_POINT_FIELDS)
