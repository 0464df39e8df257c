"""One feature per physical charge location from several sources.

Records are visited from the most to the least authoritative: by source kind
(OCPI > Open Charge Map > OpenStreetMap, :data:`~ev_planner.core.schema.SOURCE_AUTHORITY`),
then by input order. Each record joins the nearest already kept record within
``distance`` metres unless

- the two name different operators (:func:`operators_compatible`), or
- the kept record's group already holds a record of the same input: a source
  knows its own locations, so two of its records are two locations even when
  they stand side by side.

Otherwise it is kept as a new location. A kept record's empty fields are filled
from its group in authority order, and ``sources`` lists every contributor.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

import numpy as np
from scipy.spatial import cKDTree

from ..errors import InputError
from ..schema import SOURCE_AUTHORITY

DEFAULT_DISTANCE_M = 15.0
# Words that do not tell operators apart ("Allego B.V." is "Allego").
_NOISE_WORDS = frozenset(
    {
        "b",
        "v",
        "bv",
        "n",
        "nv",
        "gmbh",
        "ltd",
        "limited",
        "inc",
        "sa",
        "ag",
        "srl",
        "bvba",
        "the",
        "holding",
        "group",
    }
)
_WORD = re.compile(r"[a-z0-9]+")


def operator_words(name: Any) -> frozenset[str]:
    if name is None:
        return frozenset()
    words = _WORD.findall(str(name).lower().replace(".", ""))
    return frozenset(w for w in words if w not in _NOISE_WORDS)


def operators_compatible(a: Any, b: Any) -> bool:
    """Unknown operators agree with anything; known ones when one's words contain the other's.

    "Shell Recharge" and "Shell" agree, "Vattenfall InCharge" and "Vattenfall
    InCharge B.V." agree, "Allego" and "Vattenfall" contradict.
    """
    words_a, words_b = operator_words(a), operator_words(b)
    if not words_a or not words_b:
        return True
    return words_a <= words_b or words_b <= words_a


def authority_rank(source: Any) -> int:
    try:
        return SOURCE_AUTHORITY.index(str(source).lower())
    except ValueError:
        return len(SOURCE_AUTHORITY)


def merge_groups(
    xy: np.ndarray,
    sources: Sequence[Any],
    operators: Sequence[Any],
    inputs: Sequence[int],
    distance: float = DEFAULT_DISTANCE_M,
) -> list[list[int]]:
    """Groups of record indices, one per physical location; each group starts with its kept record.

    ``xy``: (n, 2) positions in metres; ``inputs``: the input (layer) index of each record.
    Groups are returned in the order of their kept records' authority.
    """
    xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    n = len(xy)
    if not (len(sources) == len(operators) == len(inputs) == n):
        raise ValueError("xy, sources, operators and inputs must have the same length")
    if not np.isfinite(distance) or distance < 0:
        raise InputError("DISTANCE must be zero or a positive number of metres.")
    if n == 0:
        return []
    layer = np.asarray(inputs, dtype=np.int64)
    rank = np.fromiter((authority_rank(s) for s in sources), dtype=np.int64, count=n)
    order = np.lexsort((np.arange(n), layer, rank))
    neighbours = cKDTree(xy).query_ball_point(xy, r=distance) if distance > 0 else [[i] for i in range(n)]

    group_of_keeper: dict[int, list[int]] = {}
    group_inputs: dict[int, set[int]] = {}
    group_operator: dict[int, Any] = {}
    for i in order.tolist():
        best, best_d2 = -1, np.inf
        for j in neighbours[i]:
            if j == i or j not in group_of_keeper or int(layer[i]) in group_inputs[j]:
                continue
            if not operators_compatible(operators[i], group_operator[j]):
                continue
            d2 = float(np.sum((xy[i] - xy[j]) ** 2))
            if d2 < best_d2:
                best, best_d2 = j, d2
        if best < 0:
            group_of_keeper[i] = [i]
            group_inputs[i] = {int(layer[i])}
            group_operator[i] = operators[i] if operator_words(operators[i]) else None
        else:
            group_of_keeper[best].append(i)
            group_inputs[best].add(int(layer[i]))
            if group_operator[best] is None and operator_words(operators[i]):
                group_operator[best] = operators[i]
    return list(group_of_keeper.values())


def _is_empty(value: Any) -> bool:
    return (
        value is None
        or (isinstance(value, str) and not value.strip())
        or (isinstance(value, float) and np.isnan(value))
    )


def combine_group(records: Sequence[dict], fields: Sequence[str]) -> dict:
    """The kept record (the first) with empty ``fields`` filled from the others, and all ``sources``."""
    merged = dict(records[0])
    for name in fields:
        if name in ("sources", "removed_at") or not _is_empty(merged.get(name)):
            continue
        for other in records[1:]:
            if not _is_empty(other.get(name)):
                merged[name] = other[name]
                break
    contributors: list[str] = []
    for record in records:
        listed = record.get("sources")
        items = (
            [s.strip() for s in str(listed).split(",") if s.strip()]
            if not _is_empty(listed)
            else [f"{record.get('source')}:{record.get('source_id')}"]
        )
        contributors.extend(s for s in items if s not in contributors)
    merged["sources"] = ",".join(contributors)
    return merged
