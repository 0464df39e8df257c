"""Review targets: a GeoPackage path, or a PostgreSQL schema by URI, libpq keywords or saved connection."""

from __future__ import annotations

from pathlib import Path

import pytest

from ev_planner.core.errors import InputError
from ev_planner.core.review.pg_target import PostgresTarget, is_postgres_target, parse_review_target


def test_a_geopackage_path_stays_a_path_also_with_a_layer_name():
    assert parse_review_target("/data/review.gpkg|layername=review_locations") == Path("/data/review.gpkg")
    assert parse_review_target(r"C:\Gemeente\beoordeling=2026.gpkg") == Path(
        r"C:\Gemeente\beoordeling=2026.gpkg"
    )


def test_a_uri_keeps_its_libpq_options_and_loses_the_schema():
    target = parse_review_target("postgresql://gis@db.gemeente.nl:5433/geo?schema=review2026&sslmode=require")
    assert target == PostgresTarget("postgresql://gis@db.gemeente.nl:5433/geo?sslmode=require", "review2026")
    assert target.label == "review2026 (postgresql://gis@db.gemeente.nl:5433/geo?sslmode=require)"


def test_service_and_saved_connection_forms():
    assert parse_review_target("service=gemeente schema=review2026") == PostgresTarget(
        "service=gemeente", "review2026"
    )
    saved = parse_review_target("connection='Gemeente GIS' schema=review2026 authcfg=ab12cd3")
    assert saved == PostgresTarget("", "review2026", "ab12cd3", "Gemeente GIS")
    assert saved.label == "review2026 (connection Gemeente GIS)"
    quoted = parse_review_target("host=db dbname='mijn db' user=o\\'brien schema=r1")
    assert quoted.conninfo == "host=db dbname='mijn db' user='o\\'brien'"


@pytest.mark.parametrize(
    "text",
    [
        "postgresql://gis:geheim@db/geo?schema=r1",
        "postgresql://gis@db/geo?schema=r1&password=geheim",
        "service=gemeente password=geheim schema=r1",
    ],
)
def test_a_password_in_the_target_is_refused_without_repeating_it(text):
    with pytest.raises(InputError, match="contains a password") as caught:
        parse_review_target(text)
    assert "geheim" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("postgresql://gis@db/geo", "names no schema: add \\?schema=NAME"),
        ("service=gemeente", "names no schema: add schema=NAME"),
        ("schema=r1", "says nothing about which database"),
        ("service=gemeente schema=Review-2026", "not usable for a review"),
        ("service=gemeente schema=" + "r" * 64, "not usable for a review"),
        ("service=gemeente schema=r1 'los'", "Cannot read the PostgreSQL target near"),
    ],
)
def test_malformed_targets_are_refused_with_what_to_write(text, message):
    with pytest.raises(InputError, match=message):
        parse_review_target(text)


def test_what_counts_as_a_postgres_target():
    assert is_postgres_target("postgres://db/geo?schema=r")
    assert is_postgres_target("service=x schema=y")
    assert not is_postgres_target("review.gpkg")
    assert not is_postgres_target("")


def test_a_uri_becomes_libpq_keywords_for_qgis():
    from ev_planner.core.review.pg_target import keyword_conninfo

    assert keyword_conninfo("postgresql://gis@db.gemeente.nl:5433/mijn%20geo?sslmode=require") == (
        "host=db.gemeente.nl port=5433 dbname='mijn geo' user=gis sslmode=require"
    )
    assert keyword_conninfo("service=gemeente") == "service=gemeente"
