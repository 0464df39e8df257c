"""Usage and operator insight: sessions, occupancy, availability, tariffs, contract compliance.

QGIS-free and vectorised (pandas/numpy). The Processing algorithms
``loadocpisessions``, ``usagekpis`` and ``operatorperformance`` are thin glue
around :func:`~.kpis.compute_usage_kpis`, :func:`~.operators.operator_performance`
and the readers in :mod:`.sessions` and :mod:`.occupancy`; :mod:`.tariffs` prices
charge points from OCPI Tariff objects.
"""
