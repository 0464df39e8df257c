#!/usr/bin/env python3
"""The whole EV Planner job on the bundled Delft data, through qgis_process.

    python scripts/demo.py [--out out] [--quick]

Every step runs ``scripts/qgis_process --json run evplanner:<alg> -- ...`` exactly
as a municipal batch script would, prints its timing and key figures, and writes
into ``out/``: GeoPackages, the review GeoPackage with its documents, a map PNG
(QGIS print layout, headless), the example QGIS project and ``report.html``,
which links everything. ``--quick`` selects fewer sites (used by the tests).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sample_data" / "delft"
QGIS_PROCESS = REPO / "scripts" / "qgis_process"
OSM = SAMPLE / "osm_tudelft_wippolder.osm.pbf"
DEMO_TOKEN = "demo-token-not-a-secret"  # the local demo server's token; real tokens go in AUTHCFG

# Inputs taken from the OpenStreetMap extract with OGR's SQL subset syntax.
ADDRESSES = f'{OSM}|layername=points|subset="other_tags" LIKE \'%"addr:housenumber"%\''
STREETS = (
    f'{OSM}|layername=lines|subset="highway" IN '
    "('residential','living_street','unclassified','tertiary','secondary','service')"
)
# Where people walk: every OSM way with a highway tag except motorways, trunk roads and
# roads not built yet (the network of docs/potential.md's walking-distance table).
WALKABLE = (
    f'{OSM}|layername=lines|subset="highway" IS NOT NULL AND "highway" NOT IN '
    "('motorway','motorway_link','trunk','trunk_link','construction','proposed')"
)
WALKING = {"DISTANCE_METHOD": 1, "NETWORK": WALKABLE}
BUILDINGS = f'{OSM}|layername=multipolygons|subset="building" IS NOT NULL'
TREES = f'{OSM}|layername=points|subset="other_tags" LIKE \'%"natural"=>"tree"%\''
HYDRANTS = f'{OSM}|layername=points|subset="other_tags" LIKE \'%"emergency"=>"fire_hydrant"%\''
CROSSINGS = f"{OSM}|layername=points|subset=\"highway\" = 'crossing'"
SHOPS_AND_SCHOOLS = (
    f'{OSM}|layername=points|subset="other_tags" LIKE \'%"shop"=>%\' '
    'OR "other_tags" LIKE \'%"amenity"=>"school"%\' OR "other_tags" LIKE \'%"amenity"=>"university"%\''
)


@dataclass
class Step:
    number: str
    title: str
    seconds: float = 0.0
    figures: dict[str, object] = field(default_factory=dict)


class Demo:
    def __init__(self, out: Path, quick: bool) -> None:
        self.out = out
        self.quick = quick
        self.steps: list[Step] = []
        self.results: dict[str, dict] = {}

    # --- running -------------------------------------------------------------------------
    def run(self, algorithm: str, key: str | None = None, **parameters) -> dict:
        """One algorithm through qgis_process; returns its ``results`` (and keeps them by key).

        ``algorithm`` is an EV Planner id, or a full id such as ``native:fieldcalculator``.
        """
        full_id = algorithm if ":" in algorithm else f"evplanner:{algorithm}"
        args = [str(QGIS_PROCESS), "--json", "run", full_id, "--"]
        for name, value in parameters.items():
            for item in value if isinstance(value, (list, tuple)) else [value]:
                args.append(f"{name}={item}")
        completed = subprocess.run(args, capture_output=True, text=True, cwd=REPO, env=dutch_environment())
        if completed.returncode != 0:
            sys.stderr.write(completed.stdout[-4000:] + completed.stderr[-4000:])
            raise SystemExit(f"{full_id} failed (exit {completed.returncode})")
        output = json.loads(completed.stdout[completed.stdout.index("{") :])
        results = output.get("results", {})
        self.results[key or algorithm] = results
        return results

    @contextmanager
    def step(self, number: str, title: str) -> Iterator[Step]:
        """Time a step, then print and keep its key figures."""
        step = Step(number, title)
        print(f"\n[{number}] {title}", flush=True)
        started = time.perf_counter()
        yield step
        step.seconds = time.perf_counter() - started
        self.steps.append(step)
        for name, value in step.figures.items():
            print(f"      {name}: {value}")
        print(f"      ({step.seconds:.1f} s)", flush=True)

    def path(self, name: str) -> Path:
        return self.out / name

    def scalar(self, gpkg: str, sql: str):
        with sqlite3.connect(self.path(gpkg)) as connection:
            return connection.execute(sql).fetchone()[0]

    # --- the chain -----------------------------------------------------------------------
    def charge_points(self) -> None:
        with self.step("1", "Laadpunten: NDW-dump, OCPI-API (lokale server) en samenvoegen") as step:
            self.run(
                "loadocpi",
                "dump",
                SOURCE=SAMPLE / "charge_points.ocpi.json",
                TARIFFS="true",
                TARIFF_SOURCE=SAMPLE / "tariffs.ocpi.json",
                OUTPUT=self.path("charge_points_ndw.gpkg"),
            )
            server = subprocess.Popen(
                [
                    sys.executable,
                    str(REPO / "scripts" / "ocpi_test_server.py"),
                    "--dump",
                    str(SAMPLE / "charge_points.ocpi.json"),
                    "--module",
                    f"tariffs={SAMPLE / 'tariffs.ocpi.json'}",
                    "--token",
                    DEMO_TOKEN,
                    "--port",
                    "0",
                    "--max-limit",
                    "100",
                ],
                stdout=subprocess.PIPE,
                text=True,
            )
            try:
                versions_url = server.stdout.readline().strip().split()[-1]
                self.run(
                    "loadocpi",
                    "api",
                    SOURCE=versions_url,
                    TOKEN=DEMO_TOKEN,
                    OUTPUT=self.path("charge_points_api.gpkg"),
                )
            finally:
                server.terminate()
                server.wait(timeout=10)
            self.run(
                "mergechargepoints",
                INPUTS=[self.path("charge_points_ndw.gpkg"), self.path("charge_points_api.gpkg")],
                DISTANCE=15,
                OUTPUT=self.path("charge_points.gpkg"),
            )
            step.figures["locaties (NDW-dump)"] = self.scalar(
                "charge_points_ndw.gpkg", "SELECT count(*) FROM charge_points_ndw"
            )
            step.figures["locaties (OCPI-API)"] = self.scalar(
                "charge_points_api.gpkg", "SELECT count(*) FROM charge_points_api"
            )
            step.figures["locaties na samenvoegen"] = self.scalar(
                "charge_points.gpkg", "SELECT count(*) FROM charge_points"
            )
            step.figures["laadpunten (EVSE's)"] = self.scalar(
                "charge_points.gpkg", "SELECT sum(evse_count) FROM charge_points"
            )

    def coverage(self) -> None:
        with self.step("2", "Dekking: NAL-cellen van 500 m en 250 m loopafstand") as step:
            results = self.run(
                "coveragecheck",
                DEMAND=SAMPLE / "wijken_cbs_2024.geojson",
                DEMAND_FIELD="huishoudens",
                CHARGE_POINTS=self.path("charge_points.gpkg"),
                CELL_SIZE=500,
                MIN_HOUSEHOLDS=125,
                RADIUS=250,
                OUTPUT=self.path("coverage.gpkg"),
            )
            step.figures["cellen met ≥125 huishoudens"] = results.get("CELLS_QUALIFYING")
            step.figures["witte vlekken"] = results.get("WHITE_SPOTS")
            step.figures["dekking NAL (%)"] = _round(results.get("COVERAGE_PCT"))
            step.figures["huishoudens binnen 250 m (%)"] = _round(results.get("DEMAND_WITHIN_RADIUS_PCT"))

    def demand(self) -> None:
        with self.step(
            "3", "Vraag: CBS-huishoudens en auto's op OSM-adressen, prognose 2030 per wijk"
        ) as step:
            results = self.run(
                "distributedemand",
                AREAS=SAMPLE / "wijken_cbs_2024.geojson",
                FIELDS=["huishoudens", "personenautos"],
                TARGETS=ADDRESSES,
                OUTPUT=self.path("demand_points.gpkg"),
            )
            step.figures["adrespunten met vraag"] = results.get("TARGET_COUNT")
            step.figures["wijken zonder adressen in het uittreksel"] = results.get("EMPTY_AREA_COUNT")
            results = self.run(
                "forecastdemand",
                AREAS=SAMPLE / "wijken_cbs_2024.geojson",
                CARS_FIELD="personenautos",
                HOUSEHOLDS_FIELD="huishoudens",
                TARGET_YEAR=2030,
                CHARGE_POINTS=self.path("charge_points.gpkg"),
                OUTPUT=self.path("forecast.gpkg"),
            )
            step.figures["EV's in 2030 (Delft)"] = _round(results.get("TOTAL_EVS"), 0)
            step.figures["benodigde publieke laadpunten"] = _round(results.get("TOTAL_REQUIRED"), 0)
            step.figures["bestaande laadpunten"] = _round(results.get("TOTAL_EXISTING"), 0)
            step.figures["tekort"] = _round(results.get("TOTAL_GAP"), 0)

    def potential(self) -> None:
        with self.step("5", "Potentieelkaart: kandidaten langs straten, scores, optimale selectie") as step:
            results = self.run(
                "generatecandidates",
                AREA=SAMPLE / "boundary.geojson",
                METHOD=2,  # along streets
                SPACING=50,
                STREETS=STREETS,
                CHARGE_POINTS=self.path("charge_points.gpkg"),
                MIN_DISTANCE_EXISTING=75,
                OUTPUT=self.path("candidates.gpkg"),
            )
            step.figures["kandidaatlocaties"] = results.get("CANDIDATE_COUNT")
            step.figures.update(self.walking_versus_straight())
            self.run(
                "scorecandidates",
                CANDIDATES=self.path("candidates.gpkg"),
                DEMAND=self.path("demand_points.gpkg"),
                DEMAND_FIELD="huishoudens",
                CHARGE_POINTS=self.path("charge_points.gpkg"),
                RADIUS=250,
                POIS=SHOPS_AND_SCHOOLS,
                USAGE=self.path("usage_kpis.gpkg"),
                WEIGHTS="demand=0.5,gap=0.3,poi=0.1,usage=0.1",
                **WALKING,
                OUTPUT=self.path("candidates_scored.gpkg"),
            )
            count = self.selection_count()
            results = self.run(
                "selectlocations",
                CANDIDATES=self.path("candidates_scored.gpkg"),
                DEMAND=self.path("demand_points.gpkg"),
                DEMAND_FIELD="huishoudens",
                CHARGE_POINTS=self.path("charge_points.gpkg"),
                COUNT=count,
                # The policy rule: a public charge point within 250 m walking. In a straight line
                # almost every address of the dense extract would already be covered.
                RADIUS=250,
                **WALKING,
                MIN_SPACING=100,
                METHOD=0,  # fast
                OUTPUT=self.path("selected_locations.gpkg"),
            )
            self.number_and_address_sites()
            step.figures["te kiezen locaties (minstens 12 voor de validatie)"] = count
            step.figures.update(labelled(results))

    def walking_versus_straight(self) -> dict[str, object]:
        """The share of OSM addresses with a charge point within 250 m: straight line and walking."""
        figures = {}
        self.path("work").mkdir(exist_ok=True)
        for label, extra in (("hemelsbreed", {}), ("lopend", WALKING)):
            results = self.run(
                "coveragecheck",
                key=f"coverage_addresses_{label}",
                DEMAND=ADDRESSES,
                CHARGE_POINTS=self.path("charge_points.gpkg"),
                RADIUS=250,
                **extra,
                OUTPUT=self.path("work") / f"coverage_addresses_{label}.gpkg",
            )
            figures[f"adressen binnen 250 m, {label} (%)"] = _round(results.get("DEMAND_WITHIN_RADIUS_PCT"))
        return figures

    def number_and_address_sites(self) -> None:
        """The municipality's own location numbers (which the example review decisions use) and
        the address of the nearest OSM address point, with native algorithms as a batch user would."""
        work = self.path("work")
        work.mkdir(exist_ok=True)
        self.run(
            "native:joinbynearest",
            INPUT=self.path("selected_locations.gpkg"),
            INPUT_2=ADDRESSES,
            FIELDS_TO_COPY="other_tags",
            PREFIX="nearest_",
            NEIGHBORS=1,
            MAX_DISTANCE=0.001,  # degrees, as the selection is in EPSG:4326: 70 to 110 m here
            OUTPUT=work / "with_address_tags.gpkg",
        )
        # Two address points at exactly the same distance (one building entrance) give two rows.
        self.run(
            "native:removeduplicatesbyattribute",
            INPUT=work / "with_address_tags.gpkg",
            FIELDS="candidate_id",
            OUTPUT=work / "one_address_each.gpkg",
        )
        self.run(
            "native:fieldcalculator",
            INPUT=work / "one_address_each.gpkg",
            FIELD_NAME="location_id",
            FIELD_TYPE=2,  # text
            FIELD_LENGTH=20,
            FORMULA="'DELFT-' || lpad(\"selection_rank\", 3, '0')",
            OUTPUT=work / "numbered.gpkg",
        )
        tags = 'hstore_to_map("nearest_other_tags")'
        self.run(
            "native:fieldcalculator",
            INPUT=work / "numbered.gpkg",
            FIELD_NAME="address",
            FIELD_TYPE=2,
            FIELD_LENGTH=120,
            FORMULA=(
                f"concat(map_get({tags}, 'addr:street'), ' ', map_get({tags}, 'addr:housenumber'), ', ', "
                f"trim(concat(map_get({tags}, 'addr:postcode'), ' ', coalesce(map_get({tags}, 'addr:city'), 'Delft'))))"
            ),
            OUTPUT=work / "addressed.gpkg",
        )
        self.run(
            "native:deletecolumn",
            INPUT=work / "addressed.gpkg",
            COLUMN=[
                "nearest_other_tags",
                "n",
                "distance",
                "feature_x",
                "feature_y",
                "nearest_x",
                "nearest_y",
            ],
            OUTPUT=self.path("proposed_locations.gpkg"),
        )

    def residents_requests(self, review: Path) -> dict[str, object]:
        """The example requests against 250 m walking; their new sites join the review."""
        results = self.run(
            "evaluaterequests",
            REQUESTS=SAMPLE / "requests_example.csv",
            ADDRESSES=ADDRESSES,
            CHARGE_POINTS=self.path("charge_points.gpkg"),
            PLANNED=f"{review}|layername=review_locations",
            AREA=SAMPLE / "boundary.geojson",
            RADIUS=250,
            **WALKING,
            REVIEW=review,
            OUTPUT=self.path("requests.gpkg"),
            PROPOSED=self.path("request_sites.gpkg"),
        )
        return {
            "aanvragen: bestaand punt binnen 250 m lopen": results.get("COVERED_EXISTING"),
            "aanvragen: geplande locatie binnen 250 m": results.get("COVERED_PLANNED"),
            "aanvragen: nieuwe locatie nodig": results.get("NEW_LOCATION"),
            "aanvragen: niet te beoordelen": results.get("NOT_ASSESSABLE"),
            "nieuwe locaties voor aanvragen (ondergrens)": f"{results.get('SITES')} ({results.get('SITES_LOWER_BOUND')})",
        }

    def selection_count(self) -> int:
        """Sites to select: the 2030 gap of the districts the OSM extract covers (at least 12 for the review demo)."""
        gap = self.scalar(
            "forecast.gpkg",
            "SELECT coalesce(sum(gap), 0) FROM forecast WHERE wijknaam IN ('Wijk 28 Wippolder')",
        )
        return 12 if self.quick else max(12, min(round(gap), 40))

    def review(self) -> None:
        with self.step(
            "6", "Validatie: review-GeoPackage, automatische toets, besluiten, KPI's, verkeersbesluiten"
        ) as step:
            review = self.path("review.gpkg")
            if review.exists():
                review.unlink()  # the demo starts over; createreview itself never overwrites
            self.run(
                "createreview",
                LOCATIONS=self.path("proposed_locations.gpkg"),
                DEPARTMENTS="Mobiliteit,Openbare ruimte,Parkeren,Netbeheer",
                OUTPUT=review,
            )
            self.run("checkconstraints", REVIEW=review, CONSTRAINTS=[TREES, HYDRANTS, CROSSINGS], DISTANCE=5)
            results = self.run(
                "importreviewevents", REVIEW=review, EVENTS=SAMPLE / "review_events_example.csv"
            )
            step.figures.update(labelled(results))
            # Requests come in while the review runs: the rejected and cancelled sites no longer count.
            step.figures.update(self.residents_requests(review))
            self.run(
                "reviewkpis",
                REVIEW=review,
                OUTPUT_TABLE=self.path("review_kpis.csv"),
                OUTPUT_HTML=self.path("review_kpis.html"),
            )
            self.run(
                "exportdecrees",
                REVIEW=review,
                STATUS="approved",
                MUNICIPALITY="Delft",
                MAP_LAYERS=[BUILDINGS, STREETS],
                OUTPUT_FOLDER=self.path("decrees"),
            )
            from demo_report import decree_documents  # a sibling module of this script

            step.figures["verkeersbesluiten"] = len(decree_documents(self.out))

    def usage(self) -> None:
        with self.step(
            "4", "Gebruik en exploitanten: bezetting, beschikbaarheid, tarieven, contracteisen"
        ) as step:
            self.run(
                "usagekpis",
                CHARGE_POINTS=self.path("charge_points.gpkg"),
                OCCUPANCY=SAMPLE / "occupancy",
                STATUS_HISTORY=SAMPLE / "status_history.csv",
                OUTPUT=self.path("usage_kpis.gpkg"),
            )
            step.figures["drukke laadpunten"] = self.scalar(
                "usage_kpis.gpkg", "SELECT count(*) FROM usage_kpis WHERE busy"
            )
            step.figures["gemiddelde bezetting (%)"] = _round(
                self.scalar("usage_kpis.gpkg", "SELECT avg(occupancy_mean) FROM usage_kpis"), 1
            )
            results = self.run(
                "operatorperformance",
                CHARGE_POINTS=self.path("usage_kpis.gpkg"),
                AREA=SAMPLE / "boundary.geojson",
                MAX_TARIFF_EUR_KWH=0.65,
                MIN_POWER_KW=11,
                MIN_AVAILABILITY_PCT=97,
                OUTPUT=self.path("operator_performance.gpkg"),
            )
            step.figures.update(labelled(results))

    def map_and_report(self) -> None:
        with self.step("7", "Kaart (PNG), QGIS-project en HTML-rapport") as step:
            self.build_project("ev_planner_delft.qgz", "nl", "--png", str(self.path("potential_map.png")))
            # The same project for an English QGIS: layer names, legends and layouts in English.
            self.build_project("ev_planner_delft_en.qgz", "en")
            from demo_report import write_report  # a sibling module of this script

            write_report(self.out, self.steps, self.results)
            step.figures["rapport"] = self.path("report.html")

    def build_project(self, name: str, language: str, *extra: str) -> None:
        environment = dutch_environment() if language == "nl" else english_environment()
        subprocess.run(
            [
                sys.executable,
                str(REPO / "scripts" / "build_project.py"),
                "--outputs",
                str(self.out),
                "--project",
                str(self.path(name)),
                "--language",
                language,
                *extra,
            ],
            check=True,
            capture_output=True,
            cwd=REPO,
            env=environment,
        )


# The demo's key figures under Dutch labels, in the order of the report; other results are left out.
FIGURE_LABELS = {
    "covered_before_pct": "huishoudens binnen 250 m lopen, vóór (%)",
    "covered_after_pct": "huishoudens binnen 250 m lopen, na (%)",
    "upper_bound_pct": "hoogst haalbaar met dit aantal locaties (%)",
    "optimality_gap_pct": "afstand tot het optimum (procentpunt)",
    "selected": "gekozen locaties",
    "proven_optimal": "optimum bewezen",
    "operators": "exploitanten",
    "equivalents": "Vlaamse laadpuntequivalenten",
    "hhi": "marktconcentratie (HHI, 0–10.000)",
    "non_compliant": "exploitanten die niet aan de contracteisen voldoen",
    "imported": "besluiten en processtappen ingelezen",
    "skipped": "regels overgeslagen",
}


def dutch_environment() -> dict[str, str]:
    """The environment with a Dutch locale: the demo's layers, legends and maps are made the way
    a Dutch QGIS makes them (QGIS's "override system locale" setting still wins)."""
    environment = {key: value for key, value in os.environ.items() if key != "LANGUAGE"}
    environment.update(LANG="nl_NL.UTF-8", LC_ALL="nl_NL.UTF-8")
    return environment


def english_environment() -> dict[str, str]:
    """The environment with an English locale, for the English example project."""
    environment = {key: value for key, value in os.environ.items() if key != "LANGUAGE"}
    environment.update(LANG="en_US.UTF-8", LC_ALL="en_US.UTF-8")
    return environment


def labelled(results: dict) -> dict[str, object]:
    """The results that are key figures, under their Dutch labels (yes/no for a proof)."""
    figures = {}
    for key, label in FIGURE_LABELS.items():
        value = results.get(key.upper())
        if value is not None:
            figures[label] = bool(value) if key == "proven_optimal" else _round(value)
    return figures


def _round(value, digits: int = 1):
    return round(value, digits) if isinstance(value, float) else value


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=REPO / "out")
    parser.add_argument("--quick", action="store_true", help="select fewer sites (for tests)")
    args = parser.parse_args()
    out = args.out.resolve()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    demo = Demo(out, args.quick)
    started = time.perf_counter()
    demo.charge_points()
    demo.coverage()
    demo.demand()
    demo.usage()  # before scoring: busy points raise nearby scores ("paal volgt paal")
    demo.potential()
    demo.review()
    demo.map_and_report()
    print(f"\nKlaar in {time.perf_counter() - started:.0f} s. Open {out / 'report.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
