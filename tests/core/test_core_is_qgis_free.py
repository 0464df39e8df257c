"""``ev_planner.core`` must stay usable without QGIS (DESIGN §2)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "ev_planner" / "core"


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_core_module_imports_qgis_or_qt():
    offenders = {
        str(path.relative_to(CORE)): sorted(
            name
            for name in _imported_modules(path)
            if name.split(".")[0] in {"qgis", "PyQt5", "PyQt6", "processing"}
        )
        for path in CORE.rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_every_core_module_imports_with_qgis_unavailable():
    # A fresh interpreter in which importing qgis fails: catches indirect imports too.
    modules = [
        ".".join(path.relative_to(CORE.parent.parent).with_suffix("").parts).removesuffix(".__init__")
        for path in sorted(CORE.rglob("*.py"))
    ]
    script = (
        "import sys\n"
        "for blocked in ('qgis', 'PyQt5', 'processing'):\n"
        "    sys.modules[blocked] = None\n"
        "import importlib\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=CORE.parent.parent, timeout=300
    )
    assert completed.returncode == 0, completed.stderr
    assert len(modules) >= 4
