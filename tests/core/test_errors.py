"""Core errors carry an English template with named values; str() is the filled-in English text."""

from __future__ import annotations

import pickle

import pytest

from ev_planner.core.errors import EvPlannerError, InputError, ReviewError, SourceError
from ev_planner.core.http import HttpStatusError
from ev_planner.core.potential.selection import select_locations
from ev_planner.core.review.states import TransitionError
from ev_planner.core.sources.records import UnusableRecordError


def test_str_is_the_formatted_english_and_template_and_values_are_exposed():
    error = InputError("The layer {layer} has no field {field}.", layer="Buurten", field="cars")
    assert str(error) == "The layer Buurten has no field cars."
    assert error.template == "The layer {layer} has no field {field}."
    assert error.values == {"layer": "Buurten", "field": "cars"}
    assert error.args == ("The layer Buurten has no field cars.",)


def test_format_specs_live_in_the_template_and_values_stay_raw():
    error = SourceError("{count:,} pairs, {share:.0%} used", count=1234567, share=0.25)
    assert str(error) == "1,234,567 pairs, 25% used"
    assert error.values == {"count": 1234567, "share": 0.25}


def test_plain_text_keeps_working_and_is_not_formatted():
    error = ReviewError("A {brace} without values is plain text.")
    assert str(error) == "A {brace} without values is plain text."
    assert error.template == "A {brace} without values is plain text."
    assert error.values == {}


def test_a_broken_template_still_shows_the_message_and_the_values():
    error = InputError("The layer {layer} has no field {field}.", layer="Buurten")
    assert "The layer {layer} has no field {field}." in str(error)
    assert "Buurten" in str(error)


def test_subclasses_defined_elsewhere_take_templates_too():
    transition = TransitionError("'{action}' is not possible.", action="approve")
    assert isinstance(transition, EvPlannerError)
    assert str(transition) == "'approve' is not possible."
    unusable = UnusableRecordError("no id")
    assert isinstance(unusable, ValueError)
    assert isinstance(unusable, EvPlannerError)
    assert str(unusable) == "no id"
    status = HttpStatusError("{url} answered HTTP {status}.", 503, url="https://example.org/x")
    assert status.status == 503
    assert str(status) == "https://example.org/x answered HTTP 503."
    assert status.values == {"status": 503, "url": "https://example.org/x"}


def test_errors_survive_pickling_with_their_message():
    error = pickle.loads(pickle.dumps(InputError("The file {path} does not exist.", path="/tmp/x.csv")))
    assert str(error) == "The file /tmp/x.csv does not exist."


def test_a_core_raise_site_gives_template_and_values():
    with pytest.raises(InputError) as caught:
        select_locations([(0.0, 0.0)], [(0.0, 0.0)], count=1, radius=100, method="nonsense")
    assert caught.value.template == "METHOD must be one of {methods}."
    assert set(caught.value.values) == {"methods"}
    assert str(caught.value) == "METHOD must be one of " + caught.value.values["methods"] + "."


def test_a_message_is_its_english_text_with_template_and_values():
    from ev_planner.core.errors import Message

    note = Message("OCPI version {version} chosen from {count} offered.", version="2.2.1", count=2)
    assert note == "OCPI version 2.2.1 chosen from 2 offered."
    assert isinstance(note, str)
    assert (note.template, note.values) == (
        "OCPI version {version} chosen from {count} offered.",
        {"version": "2.2.1", "count": 2},
    )
