"""EV Planner: plan public charge points for electric cars in QGIS."""


def classFactory(iface):
    # Imported lazily so that ``ev_planner.core`` stays importable without QGIS.
    from .plugin import EvPlannerPlugin

    return EvPlannerPlugin(iface)
