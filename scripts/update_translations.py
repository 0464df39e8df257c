#!/usr/bin/env python3
"""Collect every translatable string of the plugin into the Qt ``.ts`` files.

A string is translatable when it is the literal first argument of ``tr(...)``,
``self.tr(...)`` or ``tr_noop(...)`` anywhere under ``ev_planner/``, or the
literal message template of a core error: the first argument of a call to a
class that derives from ``EvPlannerError`` in ``ev_planner/core`` (found by
reading the class definitions, see :func:`error_classes`). All of them
share the context ``EvPlanner`` (see ``ev_planner/i18n.py``), which is why this
script is used instead of pylupdate5 (that one derives contexts from class names).
Existing translations are kept; strings that are no longer used are dropped.

    python scripts/update_translations.py          # rewrite the .ts files
    python scripts/update_translations.py --check  # exit 1 if they are out of date
    python scripts/update_translations.py --apply nl new.json  # add {source: translation} pairs
"""

from __future__ import annotations

import argparse
import ast
import html
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "ev_planner"
I18N_DIR = PACKAGE / "resources" / "i18n"
LANGUAGES = ("nl",)
CONTEXT = "EvPlanner"
MARKERS = {"tr", "tr_noop", "Message"}  # Message: core notes and log lines
ERROR_BASE = "EvPlannerError"


def _name(node: ast.expr) -> str | None:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None


def error_classes(package: Path = PACKAGE) -> set[str]:
    """Names of ``EvPlannerError`` and of every class in ``core/`` deriving from it, directly or not."""
    bases: dict[str, set[str]] = {}
    for path in sorted((package / "core").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(filter(None, map(_name, node.bases)))
    found = {ERROR_BASE}
    while True:
        more = {name for name, parents in bases.items() if parents & found} - found
        if not more:
            return found
        found |= more


def collect_strings(package: Path = PACKAGE) -> dict[str, list[str]]:
    """Source text -> list of ``path:line`` where it is used, in file order."""
    markers = MARKERS | error_classes(package)
    found: dict[str, list[str]] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = _name(node.func)
            first = node.args[0]
            if name in markers and isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.setdefault(first.value, []).append(f"{path.relative_to(REPO)}:{node.lineno}")
    for label, where in style_labels(package).items():
        found.setdefault(label, []).extend(where)
    return found


def style_labels(package: Path = PACKAGE) -> dict[str, list[str]]:
    """Legend labels of the QML styles (translated when a style is applied: processing/styles.py)."""
    found: dict[str, list[str]] = {}
    for path in sorted((package / "resources" / "styles").glob("*.qml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(r"<(rule|category|range)\b", line):
                for label in re.findall(r'\blabel="([^"]+)"', line):
                    found.setdefault(html.unescape(label), []).append(f"{path.relative_to(REPO)}:{number}")
    return found


def read_translations(ts_file: Path) -> dict[str, tuple[str, bool]]:
    """Source text -> (translation, finished) from an existing .ts file."""
    if not ts_file.is_file():
        return {}
    result = {}
    for message in ET.parse(ts_file).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = translation.text or "" if translation is not None else ""
        finished = translation is not None and translation.get("type") not in (
            "unfinished",
            "vanished",
            "obsolete",
        )
        result[source] = (text, finished and bool(text))
    return result


def render(language: str, strings: dict[str, list[str]], known: dict[str, tuple[str, bool]]) -> str:
    root = ET.Element("TS", version="2.1", language=language)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source in sorted(strings):
        message = ET.SubElement(context, "message")
        # Files only, no line numbers: the .ts then changes only when strings change.
        for filename in sorted({where.rsplit(":", 1)[0] for where in strings[source]}):
            ET.SubElement(message, "location", filename=f"../../../{filename}")
        ET.SubElement(message, "source").text = source
        text, finished = known.get(source, ("", False))
        translation = ET.SubElement(message, "translation")
        translation.text = text
        if not finished:
            translation.set("type", "unfinished")
    ET.indent(root)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        + ET.tostring(root, encoding="unicode")
        + "\n"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="only check that the .ts files are up to date")
    parser.add_argument(
        "--apply",
        nargs=2,
        metavar=("LANGUAGE", "JSON"),
        help="add translations from a JSON object {source: text}",
    )
    args = parser.parse_args()
    strings = collect_strings()
    stale = []
    for language in LANGUAGES:
        ts_file = I18N_DIR / f"ev_planner_{language}.ts"
        known = read_translations(ts_file)
        if args.apply and args.apply[0] == language:
            new = json.loads(Path(args.apply[1]).read_text(encoding="utf-8"))
            known.update({source: (text, True) for source, text in new.items() if text})
        content = render(language, strings, known)
        current = ts_file.read_text(encoding="utf-8") if ts_file.is_file() else ""
        if content != current:
            stale.append(ts_file)
            if not args.check:
                ts_file.write_text(content, encoding="utf-8")
        unfinished = sum(
            1 for source in strings if not read_translations(ts_file).get(source, ("", False))[1]
        )
        print(f"{ts_file.relative_to(REPO)}: {len(strings)} strings, {unfinished} without translation")
    if args.check and stale:
        print("out of date: run `make update-translations`", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
