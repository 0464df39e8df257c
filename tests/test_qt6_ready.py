"""Ready for QGIS 4 (Qt6): no Qt5-only idiom of those QGIS's migration guide lists.

There is no QGIS 4 package to run on, so the source is checked statically, resolving
every ``Class.MEMBER`` against the running QGIS. The suite runs on QGIS 3.22, 3.40 and
3.44, so each form must resolve on all three:

- enums are scoped (``Qt.AlignmentFlag.AlignLeft``): PyQt6 has no unscoped members, and
  QGIS enums moved to ``Qgis`` come from ``ev_planner/compat.py`` (the one place that
  knows 3.22's names);
- field types come from ``compat.FieldType`` (QMetaType on QGIS >= 3.38), never
  ``QVariant.Int``: Qt6 has no ``QVariant.Type``;
- ``exec()`` instead of ``exec_()``, and PyQt only through ``qgis.PyQt``.
"""

from __future__ import annotations

import ast
import enum
import importlib
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CHECKED = sorted(
    path
    for folder in ("ev_planner", "scripts", "tests", "bench")
    for path in (REPO / folder).rglob("*.py")
    if ".venv" not in path.parts
)
COMPAT = REPO / "ev_planner" / "compat.py"


def _relative(path: Path) -> str:
    return str(path.relative_to(REPO)) if REPO in path.parents else str(path)


def _qt_and_qgis_names(tree: ast.AST) -> dict[str, object]:
    """Names imported from qgis.core/gui/analysis and qgis.PyQt.*, with their objects."""
    names = {}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith(("qgis.PyQt", "qgis.core", "qgis.gui", "qgis.analysis"))
        ):
            module = importlib.import_module(node.module)
            for alias in node.names:
                if hasattr(module, alias.name):
                    names[alias.asname or alias.name] = getattr(module, alias.name)
    return names


def _chain(node: ast.Attribute) -> list[str] | None:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    return [node.id, *reversed(parts)] if isinstance(node, ast.Name) else None


def _is_enum_member(value) -> bool:
    if isinstance(value, enum.Enum):
        return True
    kind = type(value)
    # sip's enum members (PyQt5, QGIS's Qt5 bindings) are ints of a sip enum type.
    return (
        isinstance(value, int)
        and kind not in (int, bool)
        and "sip" in type(kind).__module__ + repr(type(kind))
    )


def _outermost_attributes(tree: ast.AST):
    inner = {id(child.value) for child in ast.walk(tree) if isinstance(child, ast.Attribute)}
    return (node for node in ast.walk(tree) if isinstance(node, ast.Attribute) and id(node) not in inner)


def enum_problems(path: Path) -> list[str]:
    """Unscoped enum members, QVariant types and names this QGIS does not have, as 'path:line text'."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = _qt_and_qgis_names(tree)
    problems = []
    for node in _outermost_attributes(tree):
        parts = _chain(node)
        if not parts or parts[0] not in names:
            continue
        where = f"{_relative(path)}:{node.lineno} {'.'.join(parts)}"
        if parts[0] == "QVariant" and len(parts) > 1 and parts[1] not in ("fromValue",):
            problems.append(f"{where}: use compat.FieldType")
            continue
        owner = names[parts[0]]
        for attr in parts[1:]:
            if not hasattr(owner, attr):
                if isinstance(owner, type) and attr[0].isupper():
                    problems.append(f"{where}: {attr} does not exist in this QGIS")
                break
            value = getattr(owner, attr)
            if _is_enum_member(value):
                if owner is not type(value):
                    problems.append(f"{where}: unscoped, use {type(value).__qualname__}.{attr} or compat")
                break
            owner = value
    return problems


@pytest.mark.parametrize("path", [p for p in CHECKED if p != COMPAT], ids=_relative)
def test_enums_are_scoped_and_field_types_come_from_compat(path):
    assert enum_problems(path) == []


def test_the_checker_finds_each_qt5_only_idiom(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from qgis.PyQt.QtCore import Qt, QVariant\n"
        "from qgis.core import QgsFeatureSink, QgsField\n"
        "a = Qt.AlignLeft\n"
        "b = QgsField('x', QVariant.Int)\n"
        "c = QgsFeatureSink.FastInsert\n"
        "d = Qt.AlignmentFlag.AlignLeft\n"
        "e = QgsFeatureSink.Flag.FastInsert\n",
        encoding="utf-8",
    )
    found = sorted(problem.split(" ", 1)[1].split(":")[0] for problem in enum_problems(sample))
    assert found == ["QVariant.Int", "QgsFeatureSink.FastInsert", "Qt.AlignLeft"]


def _text_problems(pattern: str) -> list[str]:
    regex = re.compile(pattern)
    return [
        f"{_relative(path)}:{number}"
        for path in CHECKED
        if path != Path(__file__).resolve()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if regex.search(line)
    ]


def test_no_exec_underscore():
    assert _text_problems(r"\.exec_\(") == []


def test_pyqt_only_through_qgis_pyqt():
    assert _text_problems(r"^\s*(from|import)\s+PyQt[56]\b") == []


def test_metadata_declares_qt6_support():
    metadata = (REPO / "ev_planner" / "metadata.txt").read_text(encoding="utf-8")
    assert "\nsupportsQt6=True\n" in metadata
