"""Processing provider and algorithms: thin glue between QGIS layers and ``ev_planner.core``."""
