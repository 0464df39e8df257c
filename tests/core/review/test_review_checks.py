"""How a check event names its constraint layers: each name once, each filter by its own label."""

from __future__ import annotations

from ev_planner.core.review.checks import Constraint, constraint_labels, constraints_text, filter_label

OSM = "osm_tudelft_wippolder"
TREES = Constraint(OSM, "points", '"other_tags" LIKE \'%"natural"=>"tree"%\'')
HYDRANTS = Constraint(OSM, "points", '"other_tags" LIKE \'%"emergency"=>"fire_hydrant"%\'')
CROSSINGS = Constraint(OSM, "points", "\"highway\" = 'crossing'")


def test_filters_of_the_osm_extract_get_their_tag_as_label():
    assert filter_label(TREES.subset) == "natural=tree"
    assert filter_label(CROSSINGS.subset) == "highway=crossing"
    assert filter_label('"building" IS NOT NULL') == "building"
    assert filter_label("") == ""
    long = "population > 1000 AND area_m2 BETWEEN 10 AND 20000 OR name ILIKE 'x%'"
    assert filter_label(long) == long[:39] + "…"


def test_one_file_with_three_filters_is_named_once():
    constraints = [TREES, HYDRANTS, CROSSINGS, Constraint("Bomen gemeente")]
    assert constraint_labels(constraints) == [
        f"{OSM} (natural=tree)",
        f"{OSM} (emergency=fire_hydrant)",
        f"{OSM} (highway=crossing)",
        "Bomen gemeente",
    ]
    assert constraints_text(constraints) == (
        f"{OSM} (natural=tree, emergency=fire_hydrant, highway=crossing), Bomen gemeente"
    )


def test_layers_of_one_name_without_filters_are_told_apart_by_table_then_number():
    constraints = [
        Constraint("kabels", "laagspanning"),
        Constraint("kabels", "gas"),
        Constraint("kabels", "gas"),
    ]
    assert constraints_text(constraints) == "kabels (laagspanning, gas #2, gas #3)"
    assert constraint_labels([Constraint("a"), Constraint("a")]) == ["a (#1)", "a (#2)"]
    assert constraints_text([Constraint("bomen"), Constraint("hydranten")]) == "bomen, hydranten"
