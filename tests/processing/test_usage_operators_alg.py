"""evplanner:operatorperformance through Processing on the Delft sample."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from ev_planner.compat import WKB_NO_GEOMETRY
from tests.support.layers import write_charge_points
from tests.support.running import run_recorded


@pytest.fixture
def delft_locations(sample_dir):
    return json.loads((sample_dir / "charge_points.ocpi.json").read_text())


def run(params):
    return run_recorded("operatorperformance", params)


def rows(path):
    layer = QgsVectorLayer(path, "t", "ogr")
    assert layer.isValid()
    return layer, list(layer.getFeatures())


def test_delft_operators_hhi_and_compliance(evplanner, delft_locations, tmp_path):
    points = write_charge_points(tmp_path / "cp.geojson", delft_locations)
    out = str(tmp_path / "operators.gpkg")
    result, feedback = run({"CHARGE_POINTS": points, "MIN_POWER_KW": 11, "OUTPUT": out})
    layer, features = rows(out)
    assert layer.wkbType() == WKB_NO_GEOMETRY
    by_operator = {f["operator"]: f for f in features}
    counts = Counter((loc.get("operator") or {}).get("name") for loc in delft_locations)
    evses = Counter()
    for loc in delft_locations:
        evses[(loc.get("operator") or {}).get("name")] += len(loc["evses"])
    assert len(features) == len(counts) == result["OPERATORS"]
    assert by_operator["EQUANS"]["locations"] == 815
    assert by_operator["EQUANS"]["evses"] == evses["EQUANS"]
    assert by_operator["EQUANS"]["share_pct"] == pytest.approx(100 * evses["EQUANS"] / 1952)
    hhi = sum((100 * e / 1952) ** 2 for e in evses.values())
    assert result["HHI"] == pytest.approx(hhi)
    assert by_operator["EQUANS"]["hhi"] == pytest.approx(hhi)
    # compliance: operators with a point under 11 kW (derived power, as the fixture computes it)
    under = Counter()
    for loc in delft_locations:
        power = max(
            (
                (c.get("max_electric_power") or 0) / 1000
                or (c.get("max_voltage") or 0)
                * (c.get("max_amperage") or 0)
                * (3 if c.get("power_type") == "AC_3_PHASE" else 1)
                / 1000
                for e in loc["evses"]
                for c in e["connectors"]
            ),
            default=0,
        )
        under[(loc.get("operator") or {}).get("name")] += power < 11
    for name, feature in by_operator.items():
        assert feature["under_min_power"] == under[name]
        assert feature["compliant"] == (under[name] == 0)
    assert result["NON_COMPLIANT"] == sum(1 for v in under.values() if v)
    assert any("maximum tariff" in w for w in feedback.warnings)  # not checked: no MAX_TARIFF_EUR_KWH
    assert result["EQUIVALENTS"] == pytest.approx(sum(f["equivalents"] for f in features))


def test_areas_per_district_and_tariff_check(evplanner, sample_dir, tmp_path):
    locations = [
        {
            "id": str(i),
            "coordinates": {"latitude": str(lat), "longitude": str(lon)},
            "operator": {"name": op},
            "evses": [{"connectors": [{"max_electric_power": kw * 1000}]}] * n,
        }
        for i, (lat, lon, op, n, kw) in enumerate(
            [
                (52.01, 4.35, "A", 2, 11),
                (52.01, 4.351, "B", 2, 50),
                (52.02, 4.35, "A", 1, 300),
                (53.50, 6.00, "C", 1, 11),  # far outside Delft
            ]
        )
    ]
    points = write_charge_points(tmp_path / "cp.geojson", locations)
    area = tmp_path / "areas.geojson"
    area.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"wijk": name},
                        "geometry": {
                            "type": "Polygon",
                            "coordinates": [
                                [[4.3, south], [4.4, south], [4.4, north], [4.3, north], [4.3, south]]
                            ],
                        },
                    }
                    for name, south, north in (("Noord", 52.015, 52.03), ("Zuid", 52.0, 52.015))
                ],
            }
        ),
        encoding="utf-8",
    )
    out = str(tmp_path / "o.gpkg")
    result, feedback = run(
        {
            "CHARGE_POINTS": points,
            "AREA": str(area),
            "AREA_FIELD": "wijk",
            "MAX_TARIFF_EUR_KWH": 0.5,
            "OUTPUT": out,
        }
    )
    _, features = rows(out)
    table = {(f["area"], f["operator"]): f for f in features}
    assert set(table) == {("Noord", "A"), ("Zuid", "A"), ("Zuid", "B")}
    assert table[("Zuid", "A")]["hhi"] == pytest.approx(5000.0)
    assert table[("Noord", "A")]["hhi"] == pytest.approx(10000.0)
    assert table[("Noord", "A")]["equivalents"] == 10
    assert table[("Zuid", "B")]["equivalents"] == 10  # 2 EVSEs of 50 kW
    assert result["OPERATORS"] == 2
    assert result["HHI"] == pytest.approx((300 / 5) ** 2 + (200 / 5) ** 2)
    assert any("outside the area" in i for i in feedback.infos)
    assert any("no price_kwh" in w for w in feedback.warnings)  # tariff asked, but no prices on the points


def test_layer_without_operator_field_is_refused(evplanner, tmp_path):
    layer = tmp_path / "x.geojson"
    layer.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"a": 1},
                        "geometry": {"type": "Point", "coordinates": [4, 52]},
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(QgsProcessingException, match="operator"):
        run({"CHARGE_POINTS": str(layer), "OUTPUT": str(tmp_path / "o.gpkg")})


def test_empty_layer_gives_an_empty_table(evplanner, tmp_path):
    empty = tmp_path / "empty.geojson"
    empty.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"operator": "A"},
                        "geometry": {"type": "Point", "coordinates": [4, 52]},
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    layer = QgsVectorLayer(str(empty), "e", "ogr")
    layer.setSubsetString("operator = 'nobody'")
    result, _ = run({"CHARGE_POINTS": layer, "OUTPUT": str(tmp_path / "o.gpkg")})
    assert result["OPERATORS"] == 0
    assert result["HHI"] == 0
    assert rows(str(tmp_path / "o.gpkg"))[0].featureCount() == 0
