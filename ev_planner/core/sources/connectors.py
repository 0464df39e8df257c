"""Connector standards of Open Charge Map and OpenStreetMap in OCPI's vocabulary.

Using the OCPI ``ConnectorType`` names for every source makes ``connector_types``
comparable across sources in one merged layer.
"""

from __future__ import annotations

# Open Charge Map ConnectionTypeID -> OCPI standard (reference data of /v3/referencedata).
OCM_CONNECTION_TYPES = {
    1: "IEC_62196_T1",  # Type 1 (J1772)
    2: "CHADEMO",
    8: "TESLA_R",  # Tesla (Roadster)
    25: "IEC_62196_T2",  # Type 2 (socket only)
    27: "TESLA_S",  # Tesla Supercharger
    28: "DOMESTIC_F",  # CEE 7/4 - Schuko - Type F
    30: "TESLA_S",  # Tesla (Model S/X)
    32: "IEC_62196_T1_COMBO",  # CCS (Type 1)
    33: "IEC_62196_T2_COMBO",  # CCS (Type 2)
    34: "IEC_60309_2_single_16",  # IEC 60309 3-pin
    35: "IEC_60309_2_three_16",  # IEC 60309 5-pin
    1036: "IEC_62196_T2",  # Type 2 (tethered connector)
}
# Open Charge Map CurrentTypeID -> (AC/DC, phases)
OCM_CURRENT_TYPES = {10: ("AC", 1), 20: ("AC", 3), 30: ("DC", 1)}

# OpenStreetMap socket:<type> keys -> OCPI standard.
OSM_SOCKETS = {
    "type1": "IEC_62196_T1",
    "type1_cable": "IEC_62196_T1",
    "type1_combo": "IEC_62196_T1_COMBO",
    "type2": "IEC_62196_T2",
    "type2_cable": "IEC_62196_T2",
    "type2_combo": "IEC_62196_T2_COMBO",
    "chademo": "CHADEMO",
    "schuko": "DOMESTIC_F",
    "cee_blue": "IEC_60309_2_single_16",
    "cee_red_16a": "IEC_60309_2_three_16",
    "cee_red_32a": "IEC_60309_2_three_32",
    "tesla_standard": "TESLA_S",
    "tesla_supercharger": "TESLA_S",
    "tesla_supercharger_ccs": "IEC_62196_T2_COMBO",
    "gb_dc": "GBT_DC",
}
OSM_DC_SOCKETS = frozenset(
    {"type1_combo", "type2_combo", "chademo", "tesla_supercharger", "tesla_supercharger_ccs", "gb_dc"}
)
