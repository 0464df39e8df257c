"""Helpers shared by the usage readers and KPIs: location keys, times, skip counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict

import numpy as np
import pandas as pd

# Charging data (CDRs) with an earlier start are implausible: public charging
# data platforms discard them (the first smart-charging CDRs date from 2009/2010).
EARLIEST_PLAUSIBLE = pd.Timestamp("2009-01-01T00:00:00Z")


def location_key(values: pd.Series) -> pd.Series:
    """The key on which location ids are matched between inputs.

    Real OCPI servers send ids in varying case and with stray spaces (docs/usage.md),
    so ids are compared trimmed and upper-cased; the output keeps the original.
    """
    keys = values.astype("string").str.strip().str.upper()
    return keys.mask(keys == "", pd.NA)


# pandas 2 infers one format from the first value and turns every value in another
# precision ("...T08:00Z" then "...T14:00:30Z") into NaT; "ISO8601" parses each value on
# its own. pandas 1 parses each value on its own anyway and has no such format.
_ISO8601 = {"format": "ISO8601"} if int(pd.__version__.split(".")[0]) >= 2 else {}
# Only ISO 8601 is accepted, on every pandas: pandas 1 would otherwise read "01/06/2026"
# as 6 January, where pandas 2 refuses it.
_ISO8601_PATTERN = (
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}(?::\d{2}(?::\d{2}(?:[.,]\d+)?)?)?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?$"
)


def to_utc(values: pd.Series) -> pd.Series:
    """Parse ISO 8601 timestamps (any offset, mixed offsets, mixed precision) to UTC.

    Timestamps without an offset are read as UTC, as OCPI timestamps are. A value that
    is not an ISO 8601 timestamp becomes NaT, which every caller counts as a skip.
    """
    if pd.api.types.is_datetime64_any_dtype(values):
        if getattr(values.dt, "tz", None) is None:
            return values.dt.tz_localize("UTC")
        return values.dt.tz_convert("UTC")
    text = values.astype("string").str.strip()
    text = text.where(text.str.match(_ISO8601_PATTERN).fillna(False).astype(bool))
    return pd.to_datetime(text, utc=True, errors="coerce", **_ISO8601)


def to_float(values: pd.Series) -> pd.Series:
    return pd.to_numeric(values, errors="coerce").astype("float64")


@dataclass
class SkipCounter:
    """Records dropped by reason (reason text -> count), with a few example ids."""

    counts: Dict[str, int] = field(default_factory=dict)
    examples: Dict[str, list] = field(default_factory=dict)

    def add(self, reason: str, count: int, examples=()) -> None:
        if count <= 0:
            return
        self.counts[reason] = self.counts.get(reason, 0) + int(count)
        kept = self.examples.setdefault(reason, [])
        for example in examples:
            if len(kept) >= 5:
                break
            kept.append(example)

    def drop(self, frame: pd.DataFrame, mask, reason: str, id_column: str | None = None) -> pd.DataFrame:
        """Drop the rows of ``frame`` where ``mask`` is true, counting them under ``reason``."""
        mask = np.asarray(mask, dtype=bool)
        count = int(mask.sum())
        if count:
            examples = frame.loc[mask, id_column].head(5).tolist() if id_column else ()
            self.add(reason, count, examples)
            frame = frame.loc[~mask]
        return frame

    def merge(self, other: SkipCounter) -> None:
        for reason, count in other.counts.items():
            self.add(reason, count, other.examples.get(reason, ()))

    @property
    def total(self) -> int:
        return sum(self.counts.values())
