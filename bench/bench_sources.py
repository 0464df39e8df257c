"""Benchmark of the charge-point sources (run by ``make bench``).

1. Loading a national-size OCPI dump (200,000 Locations synthesised from the
   Delft records with shifted coordinates, gzip JSON like NDW's feed) with
   ``evplanner:loadocpi`` into a GeoPackage: time and peak memory, next to a
   plain ``json.load`` of the same file (the reference).
2. A paged OCPI crawl from the local OCPI server (in its own process):
   locations per second of ``load_ocpi_locations``, next to a raw
   ``requests`` loop over the same pages that only parses the JSON.

Each case runs in a subprocess, so ``ru_maxrss`` is the peak of that case
alone. Targets (issue): dump <= 60 s and <= 2 GB; crawl >= 2,000 locations/s.
"""

from __future__ import annotations

import argparse
import copy
import gzip
import json
import os
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DELFT = REPO / "sample_data" / "delft" / "charge_points.ocpi.json"
TOKEN = "bench-token"


def synthesise(path: Path, count: int) -> None:
    """``count`` Locations: copies of the Delft ones on a grid of offsets across the Netherlands."""
    delft = json.loads(DELFT.read_text(encoding="utf-8"))
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as out:
        out.write("[")
        for n in range(count):
            base = delft[n % len(delft)]
            copy_index = n // len(delft)
            location = copy.copy(base)
            location["id"] = f"{base['id']}-{copy_index}"
            lat = float(base["coordinates"]["latitude"]) + 0.05 * (copy_index % 30) - 0.7
            lon = float(base["coordinates"]["longitude"]) + 0.05 * (copy_index // 30)
            location["coordinates"] = {"latitude": f"{lat:.6f}", "longitude": f"{lon:.6f}"}
            if n:
                out.write(",")
            out.write(json.dumps(location, separators=(",", ":")))
        out.write("]")


def run_case(code: str, env: dict[str, str] | None = None) -> dict:
    """Run ``code`` in a fresh Python; it prints one JSON line; adds the process's peak memory."""
    wrapper = code + textwrap.dedent(
        """
        import resource, json as _json
        RESULT["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
        print("RESULT " + _json.dumps(RESULT))
        """
    )
    full_env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen", **(env or {}))
    with tempfile.TemporaryDirectory(prefix="evplanner-bench-profile-") as profile:
        # A throw-away QGIS profile: the user's own is never touched.
        full_env.setdefault("QGIS_CUSTOM_CONFIG_PATH", profile)
        done = subprocess.run(
            [sys.executable, "-c", wrapper], capture_output=True, text=True, env=full_env, cwd=REPO
        )
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :])
    raise RuntimeError(f"case failed:\n{done.stdout}\n{done.stderr}")


LOAD_OURS = """
import time
from qgis.core import QgsApplication, QgsProcessingAlgorithm, QgsProcessingContext, QgsProcessingFeedback
app = QgsApplication([], False)
app.initQgis()
from ev_planner.processing.provider import EvPlannerProvider
provider = EvPlannerProvider()
QgsApplication.processingRegistry().addProvider(provider)
alg = QgsApplication.processingRegistry().createAlgorithmById("evplanner:loadocpi")
start = time.perf_counter()
results, ok = QgsProcessingAlgorithm.run(
    alg, {{"SOURCE": {dump!r}, "OUTPUT": {out!r}}}, QgsProcessingContext(), QgsProcessingFeedback(), {{}}, False
)
seconds = time.perf_counter() - start
from qgis.core import QgsVectorLayer
RESULT = {{"seconds": seconds, "ok": ok, "features": QgsVectorLayer(results["OUTPUT"], "o", "ogr").featureCount()}}
"""

LOAD_REFERENCE = """
import gzip, json, time
start = time.perf_counter()
with gzip.open({dump!r}, "rt", encoding="utf-8") as f:
    data = json.load(f)
RESULT = {{"seconds": time.perf_counter() - start, "features": len(data)}}
"""

CRAWL_OURS = """
import time
from ev_planner.core.http import HttpClient
from ev_planner.core.sources.ocpi_locations import load_ocpi_locations
start = time.perf_counter()
with HttpClient() as http:
    result = load_ocpi_locations({url!r}, http, token={token!r})
seconds = time.perf_counter() - start
RESULT = {{"seconds": seconds, "features": len(result.records)}}
"""

CRAWL_REFERENCE = """
import base64, time, requests
session = requests.Session()
headers = {{"Authorization": "Token " + base64.b64encode({token!r}.encode()).decode()}}
start = time.perf_counter()
count, offset = 0, 0
while True:
    page = session.get({endpoint!r}, params={{"offset": offset, "limit": 1000}}, headers=headers).json()["data"]
    if not page:
        break
    count += len(page)
    offset += len(page)
RESULT = {{"seconds": time.perf_counter() - start, "features": count}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--locations", type=int, default=200_000, help="size of the synthesised dump")
    parser.add_argument("--crawl", type=int, default=50_000, help="locations served for the crawl")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="evplanner-bench-") as tmp:
        dump = Path(tmp) / "charging_point_locations_ocpi.json.gz"
        started = time.perf_counter()
        synthesise(dump, args.locations)
        print(
            f"synthesised {args.locations:,} locations ({dump.stat().st_size / 1e6:.0f} MB gzip) "
            f"in {time.perf_counter() - started:.0f} s"
        )

        ours = run_case(LOAD_OURS.format(dump=str(dump), out=str(Path(tmp) / "national.gpkg")))
        reference = run_case(LOAD_REFERENCE.format(dump=str(dump)))
        assert ours["features"] == args.locations, ours
        print("\n| case | ours | reference | ratio ours/reference | target |")
        print("|---|---|---|---|---|")
        print(
            f"| dump -> GeoPackage, time | {ours['seconds']:.1f} s | json.load {reference['seconds']:.1f} s | "
            f"{ours['seconds'] / reference['seconds']:.2f} | <= 60 s |"
        )
        print(
            f"| dump -> GeoPackage, peak memory | {ours['peak_mb']:.0f} MB | json.load {reference['peak_mb']:.0f} MB | "
            f"{ours['peak_mb'] / reference['peak_mb']:.2f} | <= 2048 MB |"
        )

        crawl_dump = Path(tmp) / "crawl.json.gz"
        synthesise(crawl_dump, args.crawl)
        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                str(REPO / "scripts" / "ocpi_test_server.py"),
                "--dump",
                str(crawl_dump),
                "--token",
                TOKEN,
                "--port",
                str(port),
                "--max-limit",
                "1000",
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            server.stdout.readline()  # "OCPI test server: ..." once it listens
            versions = f"http://127.0.0.1:{port}/ocpi/versions"
            endpoint = f"http://127.0.0.1:{port}/ocpi/2.2.1/locations"
            crawl = run_case(CRAWL_OURS.format(url=versions, token=TOKEN))
            raw = run_case(CRAWL_REFERENCE.format(endpoint=endpoint, token=TOKEN))
        finally:
            server.terminate()
            server.wait(timeout=10)
        assert crawl["features"] == args.crawl, crawl
        ours_rate, raw_rate = crawl["features"] / crawl["seconds"], raw["features"] / raw["seconds"]
        print(
            f"| OCPI crawl, {args.crawl:,} locations | {ours_rate:,.0f} loc/s | raw requests loop {raw_rate:,.0f} loc/s | "
            f"{ours_rate / raw_rate:.2f} | >= 2,000 loc/s |"
        )


if __name__ == "__main__":
    main()
