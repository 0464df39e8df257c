"""The review workflow: state machine, append-only event log in a GeoPackage, KPIs and documents.

Everything here is QGIS-free. The Processing algorithms and the review dock are
thin layers over :mod:`.store`; they never edit derived attributes themselves.
"""

from __future__ import annotations
