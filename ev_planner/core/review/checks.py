"""How an automatic check names its constraint layers in the text of a check event.

Constraint layers handed over as sources (``qgis_process``, the demo) are all named after
their file: three filters on one OSM extract are three layers called
``osm_tudelft_wippolder``. A check event must still say which constraint was near, so a
layer whose name repeats is told apart by its own label: its filter (``natural=tree``),
else its table, else its number.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Dict, List, Sequence

# "other_tags" LIKE '%"natural"=>"tree"%' (the OSM driver's hstore column)
_HSTORE_TAG = re.compile(r'"([^"]+)"\s*=>\s*"([^"]*)"')
# "highway" = 'crossing'
_EQUALS = re.compile(r"\"?([A-Za-z_][\w:]*)\"?\s*=\s*'([^']*)'")
# "building" IS NOT NULL
_NOT_NULL = re.compile(r"\"?([A-Za-z_][\w:]*)\"?\s+IS\s+NOT\s+NULL", re.IGNORECASE)
LONGEST_FILTER_LABEL = 40


@dataclass(frozen=True)
class Constraint:
    """A constraint layer as the check names it: its layer name, table and filter (may be empty)."""

    name: str
    table: str = ""
    subset: str = ""


def filter_label(subset: str) -> str:
    """A short label of a layer filter: ``natural=tree`` for the OSM tag filters, else the filter."""
    text = " ".join((subset or "").split())
    if not text:
        return ""
    for pattern in (_HSTORE_TAG, _EQUALS):
        pairs = pattern.findall(text)
        if pairs:
            return " ".join(f"{key}={value}" for key, value in pairs)
    fields = _NOT_NULL.findall(text)
    if fields:
        return " ".join(fields)
    if len(text) > LONGEST_FILTER_LABEL:
        return text[: LONGEST_FILTER_LABEL - 1] + "…"
    return text


def own_labels(constraints: Sequence[Constraint]) -> List[str]:
    """What tells each constraint apart from the others of its name ("" for a name used once)."""
    counts = Counter(constraint.name for constraint in constraints)
    own = [
        (filter_label(c.subset) or c.table or f"#{number}") if counts[c.name] > 1 else ""
        for number, c in enumerate(constraints, start=1)
    ]
    repeated = Counter(zip((c.name for c in constraints), own))
    return [
        f"{label} #{number}" if label and repeated[(c.name, label)] > 1 else label
        for number, (c, label) in enumerate(zip(constraints, own), start=1)
    ]


def constraint_labels(constraints: Sequence[Constraint]) -> List[str]:
    """The label of each constraint: its name, plus ``(its own label)`` where the name repeats."""
    return [
        f"{c.name} ({label})" if label else c.name for c, label in zip(constraints, own_labels(constraints))
    ]


def constraints_text(constraints: Sequence[Constraint]) -> str:
    """Every constraint once, each layer name once: ``osm (natural=tree, highway=crossing), bomen``."""
    grouped: Dict[str, List[str]] = {}
    for constraint, label in zip(constraints, own_labels(constraints)):
        grouped.setdefault(constraint.name, []).extend([label] if label else [])
    return ", ".join(f"{name} ({', '.join(own)})" if own else name for name, own in grouped.items())
