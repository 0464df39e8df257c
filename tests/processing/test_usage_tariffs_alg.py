"""evplanner:loadocpi with TARIFFS: price_kwh and price_per_hour on the Delft charge points."""

from __future__ import annotations

import json

import pytest
from ocpi_test_server import OcpiTestServer
from qgis.core import (
    QgsProcessingException,
    QgsVectorLayer,
)

from tests.support.feedback import RecordingFeedback
from tests.support.running import run_checked
from tests.support.usage_ocpi import USAGE_TOKEN


def run_loadocpi(params):
    feedback = RecordingFeedback()
    return run_checked("loadocpi", params, feedback), feedback


def energy_price(tariff):
    component = next(pc for e in tariff["elements"] for pc in e["price_components"] if pc["type"] == "ENERGY")
    vat = component.get("vat")
    return component["price"] * (1 + vat / 100) if vat is not None else component["price"]


def test_delft_dump_with_the_tariffs_file(evplanner, sample_dir, tmp_path):
    out = str(tmp_path / "cp.gpkg")
    _, feedback = run_loadocpi(
        {
            "SOURCE": str(sample_dir / "charge_points.ocpi.json"),
            "TARIFFS": True,
            "TARIFF_SOURCE": str(sample_dir / "tariffs.ocpi.json"),
            "OUTPUT": out,
        }
    )
    layer = QgsVectorLayer(out, "cp", "ogr")
    names = layer.fields().names()
    assert names[-2:] == ["price_kwh", "price_per_hour"]
    by_id = {f["source_id"]: f for f in layer.getFeatures()}
    assert len(by_id) == 850
    tariffs = {
        (t["country_code"], t["party_id"], t["id"]): t
        for t in json.loads((sample_dir / "tariffs.ocpi.json").read_text())
    }
    assert by_id["32413"]["price_kwh"] == pytest.approx(
        energy_price(tariffs[("NL", "CKE", "40")])
    )  # 0.65 + 21 %
    sgm = tariffs[("NL", "SGM", "NLSGMTFLUDFLPATPKZRRQPXEAKNSLKOZLXY")]
    priced_by_sgm = [
        loc["id"]
        for loc in json.loads((sample_dir / "charge_points.ocpi.json").read_text())
        if any(sgm["id"] in (c.get("tariff_ids") or []) for e in loc["evses"] for c in e["connectors"])
    ]
    assert priced_by_sgm
    assert by_id[priced_by_sgm[0]]["price_per_hour"] == pytest.approx(0.605)
    assert any("match no tariff" in w for w in feedback.warnings)


def test_tariffs_discovered_on_the_ocpi_server(evplanner, sample_dir, tmp_path):
    locations = json.loads((sample_dir / "charge_points.ocpi.json").read_text())[:30]
    tariffs = json.loads((sample_dir / "tariffs.ocpi.json").read_text())
    with OcpiTestServer(
        {"locations": locations, "tariffs": tariffs}, token=USAGE_TOKEN, max_limit=10
    ) as server:
        out = str(tmp_path / "cp.gpkg")
        _, feedback = run_loadocpi(
            {"SOURCE": server.versions_url, "TOKEN": USAGE_TOKEN, "TARIFFS": True, "OUTPUT": out}
        )
    by_id = {f["source_id"]: f for f in QgsVectorLayer(out, "cp", "ogr").getFeatures()}
    assert by_id["32413"]["price_kwh"] == pytest.approx(0.7865)
    assert any("36 read" in i for i in feedback.infos)
    assert all(USAGE_TOKEN not in m for m in feedback.infos + feedback.errors + feedback.warnings)


def test_dump_without_tariff_source_is_refused_before_writing(evplanner, sample_dir, tmp_path):
    out = tmp_path / "cp.gpkg"
    with pytest.raises(QgsProcessingException, match="TARIFF_SOURCE"):
        run_loadocpi(
            {"SOURCE": str(sample_dir / "charge_points.ocpi.json"), "TARIFFS": True, "OUTPUT": str(out)}
        )
    assert not out.exists()


def test_without_tariffs_the_schema_is_unchanged(evplanner, sample_dir, tmp_path):
    out = str(tmp_path / "cp.gpkg")
    run_loadocpi({"SOURCE": str(sample_dir / "charge_points.ocpi.json"), "OUTPUT": out})
    assert "price_kwh" not in QgsVectorLayer(out, "cp", "ogr").fields().names()
