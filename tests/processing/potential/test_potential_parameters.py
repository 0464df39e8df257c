"""The potential-map algorithms' parameters: one metric CRS parameter, distances in metres,
cross-parameter rules refused by checkParameterValues before anything is read."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterDistance,
    QgsProcessingParameterNumber,
)

from ev_planner.compat import DISTANCE_METERS, NUMBER_INTEGER

RD = "EPSG:28992"
POTENTIAL_ALGORITHMS = (
    "coveragecheck",
    "distributedemand",
    "evaluaterequests",
    "forecastdemand",
    "generatecandidates",
    "scorecandidates",
    "selectlocations",
    "walkingdistance",
)
DISTANCES = {
    "coveragecheck": {"CELL_SIZE": (500.0, 1.0), "RADIUS": (250.0, 0.0), "MAX_ACCESS": (None, 0.0)},
    "generatecandidates": {
        "SPACING": (50.0, 1.0),
        "EXCLUDE_DISTANCE": (5.0, 0.0),
        "MIN_DISTANCE_EXISTING": (50.0, 0.0),
    },
    "scorecandidates": {"RADIUS": (250.0, 0.0), "MAX_ACCESS": (None, 0.0)},
    "selectlocations": {"RADIUS": (250.0, 0.0), "MIN_SPACING": (0.0, 0.0), "MAX_ACCESS": (None, 0.0)},
    "walkingdistance": {"MAX_DISTANCE": (1000.0, 0.0), "MAX_ACCESS": (None, 0.0)},
    "evaluaterequests": {"RADIUS": (250.0, 0.0), "MAX_ACCESS": (None, 0.0)},
}
COUNTS = {"selectlocations": {"COUNT": (10, 1)}, "generatecandidates": {"MAX_CANDIDATES": (None, 1)}}


def _check(algorithm_id: str, parameters: dict) -> tuple[bool, str]:
    from qgis.core import QgsApplication

    algorithm = QgsApplication.processingRegistry().createAlgorithmById(f"evplanner:{algorithm_id}")
    return algorithm.checkParameterValues({"OUTPUT": "memory:", **parameters}, QgsProcessingContext())


def _run(algorithm_id: str, parameters: dict):
    import processing

    return processing.run(
        f"evplanner:{algorithm_id}",
        {"OUTPUT": "memory:", **parameters},
        feedback=QgsProcessingFeedback(),
        context=QgsProcessingContext(),
    )


def test_every_metric_crs_parameter_has_one_label(evplanner):
    labels = {}
    for algorithm_id in POTENTIAL_ALGORITHMS:
        crs = evplanner.algorithm(algorithm_id).parameterDefinition("CRS")
        assert crs is not None, algorithm_id
        labels[algorithm_id] = crs.description()
    assert set(labels.values()) == {"Metric CRS for distances"}, labels


@pytest.mark.parametrize("algorithm_id", sorted(DISTANCES))
def test_distances_are_metres_without_a_parent_layer(evplanner, algorithm_id):
    algorithm = evplanner.algorithm(algorithm_id)
    for name, (default, minimum) in DISTANCES[algorithm_id].items():
        parameter = algorithm.parameterDefinition(name)
        assert isinstance(parameter, QgsProcessingParameterDistance), (algorithm_id, name)
        assert parameter.defaultUnit() == DISTANCE_METERS
        assert parameter.parentParameterName() == ""  # measured in the metric CRS, not a layer's units
        assert parameter.minimum() == minimum
        if default is not None:
            assert parameter.defaultValue() == default


@pytest.mark.parametrize("algorithm_id", sorted(COUNTS))
def test_counts_are_whole_numbers(evplanner, algorithm_id):
    algorithm = evplanner.algorithm(algorithm_id)
    for name, (default, minimum) in COUNTS[algorithm_id].items():
        parameter = algorithm.parameterDefinition(name)
        assert isinstance(parameter, QgsProcessingParameterNumber)
        assert parameter.dataType() == NUMBER_INTEGER
        assert parameter.minimum() == minimum
        if default is not None:
            assert parameter.defaultValue() == default


def test_forecast_needs_a_cars_or_households_field(evplanner, make_layer, square_wkt):
    areas = make_layer("Polygon", RD, [(square_wkt(0, 0, 100), {"cars": 10})], {"cars": "integer"})
    assert _check("forecastdemand", {"AREAS": areas}) == (False, "Set CARS_FIELD, HOUSEHOLDS_FIELD or both.")
    assert _check("forecastdemand", {"AREAS": areas, "CARS_FIELD": "cars"})[0]
    with pytest.raises(QgsProcessingException, match=r"Set CARS_FIELD, HOUSEHOLDS_FIELD or both\."):
        _run("forecastdemand", {"AREAS": areas})


def test_polygon_demand_needs_a_households_field(evplanner, make_layer, square_wkt):
    demand = make_layer("Polygon", RD, [(square_wkt(85_000, 447_000, 100), {"hh": 10})], {"hh": "integer"})
    charge_points = make_layer("Point", RD, [("POINT(85050 447050)", {})])
    parameters = {"DEMAND": demand, "CHARGE_POINTS": charge_points}
    ok, message = _check("coveragecheck", parameters)
    assert (ok, message) == (False, "Polygon demand needs a households field (DEMAND_FIELD).")
    assert _check("coveragecheck", {**parameters, "DEMAND_FIELD": "hh"})[0]
    # Points need no field: each is one household.
    assert _check("coveragecheck", {**parameters, "DEMAND": charge_points})[0]


def test_candidates_along_streets_need_streets(evplanner, make_layer, square_wkt):
    area = make_layer("Polygon", RD, [(square_wkt(0, 0, 100), {})])
    ok, message = _check("generatecandidates", {"AREA": area, "METHOD": 2})
    assert (ok, message) == (False, "The method 'along streets' needs a STREETS layer.")
    assert _check("generatecandidates", {"AREA": area, "METHOD": 0})[0]
    with pytest.raises(QgsProcessingException, match="needs a STREETS layer"):
        _run("generatecandidates", {"AREA": area, "METHOD": 2})


def test_the_chosen_metric_crs_is_logged(evplanner, make_layer, square_wkt, feedback):
    """The CRS measured in is said (the desktop's project CRS and qgis_process may differ)."""
    import processing

    areas = make_layer(
        "Polygon", "EPSG:4326", [(square_wkt(4.35, 52.0, 0.01), {"hh": 10})], {"hh": "integer"}
    )
    processing.run(
        "evplanner:forecastdemand",
        {"AREAS": areas, "HOUSEHOLDS_FIELD": "hh", "OUTPUT": "memory:"},
        feedback=feedback,
        context=QgsProcessingContext(),
    )
    assert any("Distances measured in EPSG:28992" in line for line in feedback.infos)
