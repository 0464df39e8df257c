"""Every number field of every algorithm reads as what it is: a distance in metres with one
decimal, a count as a whole number, a time in whole seconds, and no double with the dialog's
six default decimals (250.000000)."""

from __future__ import annotations

import re

import pytest

from ev_planner.compat import DISTANCE_METERS, NUMBER_INTEGER
from ev_planner.processing.provider import algorithm_classes

NUMERIC_TYPES = ("number", "distance", "duration")
# A parameter is a distance when its id or label says so: the dialog must show metres.
DISTANCE = re.compile(r"DISTANCE|RADIUS|SPACING|ACCESS|CELL_SIZE")
# Things counted one by one: locations, results, candidates, households; and years and days.
COUNT = re.compile(r"(COUNT|RESULTS|CANDIDATES|HOUSEHOLDS|YEAR|DAYS)$")
# A time: whole seconds are precise enough for a time limit.
TIME = re.compile(r"TIME")
MOST_DECIMALS = 3


def initialised(cls):
    algorithm = cls()
    algorithm.initAlgorithm()
    return algorithm


ALGORITHMS = [initialised(cls) for cls in algorithm_classes()[0]]  # they own the definitions: keep them
PARAMETERS = [
    (algorithm.name(), parameter)
    for algorithm in ALGORITHMS
    for parameter in algorithm.parameterDefinitions()
    if parameter.type() in NUMERIC_TYPES
]


def decimals(parameter) -> int | None:
    return (parameter.metadata().get("widget_wrapper") or {}).get("decimals")


def test_the_list_holds_every_kind():
    names = {parameter.name() for _, parameter in PARAMETERS}
    assert {"RADIUS", "SPACING", "COUNT", "TIME_LIMIT", "MIN_HOUSEHOLDS", "WEIGHT_DEMAND"} <= names
    assert len(PARAMETERS) >= 39


@pytest.mark.parametrize(
    ("algorithm_id", "parameter"), PARAMETERS, ids=[f"{alg}-{p.name()}" for alg, p in PARAMETERS]
)
def test_a_number_field_reads_as_what_it_is(algorithm_id, parameter):
    name = parameter.name()
    label = parameter.description()
    if DISTANCE.search(name) or "(m)" in label:
        assert parameter.type() == "distance", f"{algorithm_id} {name} is a distance: show metres"
        assert parameter.defaultUnit() == DISTANCE_METERS
        assert parameter.parentParameterName() == "", "metres, not the units of an input layer"
    if COUNT.search(name):
        assert parameter.dataType() == NUMBER_INTEGER, f"{algorithm_id} {name} is a count: an integer widget"
        return
    if parameter.dataType() == NUMBER_INTEGER:
        return
    shown = decimals(parameter)
    assert shown is not None, f"{algorithm_id} {name}: a double with the default six decimals"
    assert 0 <= shown <= MOST_DECIMALS, f"{algorithm_id} {name}: {shown} decimals"
    if TIME.search(name):
        assert shown == 0, f"{algorithm_id} {name}: a time in whole seconds"
