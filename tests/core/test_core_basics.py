"""The small shared core modules: metric CRS choice, error redaction, the common schema."""

from __future__ import annotations

import pytest

from ev_planner.core.crs import BELGIAN_LAMBERT_72, RD_NEW, metric_crs_for_bounds, metric_crs_for_lonlat
from ev_planner.core.errors import REDACTED, redact
from ev_planner.core.schema import CHARGE_POINT_FIELD_NAMES


@pytest.mark.parametrize(
    ("lon", "lat", "expected"),
    [
        (4.36, 52.01, RD_NEW),  # Delft
        (6.57, 53.22, RD_NEW),  # Groningen
        (3.72, 51.05, BELGIAN_LAMBERT_72),  # Gent
        (4.40, 51.22, BELGIAN_LAMBERT_72),  # Antwerpen
        (5.57, 50.63, BELGIAN_LAMBERT_72),  # Luik (Wallonia is in the Belgian grid too)
        (13.40, 52.52, "EPSG:32633"),  # Berlin: UTM 33N
        (-58.38, -34.60, "EPSG:32721"),  # Buenos Aires: UTM 21S
    ],
)
def test_metric_crs_for_lonlat(lon, lat, expected):
    assert metric_crs_for_lonlat(lon, lat) == expected


def test_metric_crs_for_bounds_uses_the_centre():
    assert metric_crs_for_bounds(4.32, 51.96, 4.41, 52.03) == RD_NEW


@pytest.mark.parametrize(("lon", "lat"), [(float("nan"), 52.0), (4.0, 95.0), (float("inf"), 0.0)])
def test_metric_crs_refuses_non_coordinates(lon, lat):
    with pytest.raises(ValueError, match="not a WGS84 coordinate"):
        metric_crs_for_lonlat(lon, lat)


def test_redact_hides_every_secret_and_longest_first():
    message = "GET https://x/locations?key=abc123 failed with Token abc123-long"
    assert redact(message, ["abc123", "abc123-long", None, ""]) == (
        f"GET https://x/locations?key={REDACTED} failed with Token {REDACTED}"
    )


def test_common_schema_starts_with_the_public_field_names():
    assert CHARGE_POINT_FIELD_NAMES[:18] == (
        "source",
        "source_id",
        "name",
        "address",
        "postal_code",
        "city",
        "operator",
        "owner",
        "evse_count",
        "connector_count",
        "max_power_kw",
        "power_type",
        "connector_types",
        "status",
        "available_evses",
        "parking_type",
        "last_updated",
        "fetched_at",
    )


def test_install_command_is_the_one_that_works_on_each_platform():
    from ev_planner.core.dependencies import install_command

    assert install_command("highspy", "win32").startswith("python -m pip install highspy")
    assert "OSGeo4W Shell" in install_command("highspy", "win32")
    assert install_command("highspy", "darwin") == (
        "/Applications/QGIS.app/Contents/MacOS/bin/python3 -m pip install --user highspy"
    )
    # Debian 12 and Ubuntu 24.04 refuse a plain --user install (PEP 668).
    assert (
        install_command("highspy", "linux") == "python3 -m pip install --user --break-system-packages highspy"
    )


def test_a_package_hidden_from_import_counts_as_missing(monkeypatch):
    import sys

    from ev_planner.core.dependencies import is_installed, missing_optional_packages

    assert is_installed("numpy")
    monkeypatch.setitem(sys.modules, "highspy", None)
    assert not is_installed("highspy")
    assert "highspy" in missing_optional_packages()
