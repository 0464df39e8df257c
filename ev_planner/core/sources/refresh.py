"""Refreshing a charge-point layer without losing anything (pure logic, no I/O).

Rows are matched on (``source``, ``party``, ``source_id``), case-insensitively
as OCPI ids are (a row without ``party``, from a layer written before the
field existed, matches on ``source`` and ``source_id``). A matched row is updated where its source changed (and always gets the new
``fetched_at``; a row that reappears loses its ``removed_at``); a new record
is added; a row of the same source kind that the load no longer found (within
the loaded extent) gets ``removed_at`` instead of being deleted. Columns that
are not in the common schema (a user's own) are never touched.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from ..schema import CHARGE_POINT_FIELD_NAMES

# The key and fields whose change alone does not make a location "changed".
_BOOKKEEPING = ("fetched_at", "removed_at", "source", "source_id", "party")
POSITION_TOLERANCE_DEG = 1e-7  # ~1 cm


@dataclass
class ExistingRow:
    row_id: int  # the feature id in the layer
    values: dict[str, Any]  # schema fields present in the layer
    lon: float | None
    lat: float | None


@dataclass
class RefreshPlan:
    updates: list[tuple[int, dict[str, Any], tuple[float, float] | None]] = field(default_factory=list)
    inserts: list[dict] = field(default_factory=list)
    removals: list[int] = field(default_factory=list)
    changed: int = 0  # updated rows with a real change (not only fetched_at)
    unchanged: int = 0
    already_removed: int = 0


def record_key(source: Any, source_id: Any, party: Any = None) -> tuple[str, str, str]:
    return (
        str(source or "").strip().lower(),
        str(party or "").strip().upper(),
        str(source_id or "").strip().upper(),
    )


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None or a == "" or b == "":
        return (a is None or a == "") and (b is None or b == "")
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)
    return str(a) == str(b)


def plan_refresh(
    existing: Sequence[ExistingRow],
    records: Sequence[dict],
    now: str,
    in_scope: Callable[[ExistingRow], bool],
    fields: Sequence[str] = CHARGE_POINT_FIELD_NAMES,
) -> RefreshPlan:
    """What to write so that the layer reflects ``records`` (see the module docstring).

    ``in_scope(row)`` says whether the load could have seen ``row`` (same source
    kind, inside the loaded extent): only such rows can be marked removed.
    ``fields`` are the schema fields the layer has (older layers may miss some).
    """
    plan = RefreshPlan()
    by_key: dict[tuple[str, str, str], ExistingRow] = {}
    for row in existing:
        values = row.values
        by_key.setdefault(record_key(values.get("source"), values.get("source_id"), values.get("party")), row)
    compared = [f for f in fields if f not in _BOOKKEEPING]
    seen: set[tuple[str, str, str]] = set()
    matched: set[int] = set()
    for record in records:
        key = record_key(record.get("source"), record.get("source_id"), record.get("party"))
        if key in seen:
            continue
        seen.add(key)
        row = by_key.get(key)
        if row is None and key[1]:
            legacy = (key[0], "", key[2])  # a row written before ``party`` existed
            row = by_key.get(legacy)
            if row is not None and row.row_id not in matched:
                seen.add(legacy)
            else:
                row = None
        if row is None or row.row_id in matched:
            plan.inserts.append(record)
            continue
        matched.add(row.row_id)
        changes = {
            f: record.get(f) for f in compared if f in record and not _same(row.values.get(f), record.get(f))
        }
        if "party" in fields and record.get("party") and _same(row.values.get("party"), None):
            changes["party"] = record["party"]
        moved = (
            row.lon is None
            or row.lat is None
            or abs(row.lon - record["lon"]) > POSITION_TOLERANCE_DEG
            or abs(row.lat - record["lat"]) > POSITION_TOLERANCE_DEG
        )
        reappeared = "removed_at" in fields and not _same(row.values.get("removed_at"), None)
        if changes or moved or reappeared:
            plan.changed += 1
        else:
            plan.unchanged += 1
        if "fetched_at" in fields:
            changes["fetched_at"] = record.get("fetched_at", now)
        if reappeared:
            changes["removed_at"] = None
        plan.updates.append((row.row_id, changes, (record["lon"], record["lat"]) if moved else None))
    for key, row in by_key.items():
        if key in seen or not in_scope(row):
            continue
        if not _same(row.values.get("removed_at"), None):
            plan.already_removed += 1
            continue
        plan.removals.append(row.row_id)
    return plan
