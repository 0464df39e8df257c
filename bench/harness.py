"""What the benchmarks share: a case in its own process, its time and peak memory, QGIS with Processing.

Each case runs in a subprocess so that its peak memory (ru_maxrss) is its own; the subprocess
prints its figures as one ``RESULT <json>`` line.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QGIS_PLUGINS = "/usr/share/qgis/python/plugins"  # where Debian's QGIS keeps the processing plugin


def peak_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0**2  # KiB on Linux


def timed(function, *args, **kwargs):
    """``function(*args, **kwargs)`` and the seconds it took."""
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def result_of(command: list[str], error_chars: int) -> dict:
    """The RESULT of a case run as ``command``, or ``{"error": <the end of its output>}``."""
    completed = subprocess.run(command, capture_output=True, text=True, cwd=REPO, check=False)
    lines = [line for line in completed.stdout.splitlines() if line.startswith("RESULT ")]
    if completed.returncode != 0 or not lines:
        return {"error": (completed.stderr or completed.stdout)[-error_chars:]}
    return json.loads(lines[-1][len("RESULT ") :])


def start_qgis():
    """A QgsApplication with Processing; keep it alive for as long as QGIS is used."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    if QGIS_PLUGINS not in sys.path:
        sys.path.append(QGIS_PLUGINS)
    from processing.core.Processing import Processing

    Processing.initialize()
    return app
