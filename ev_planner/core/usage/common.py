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

    Real OCPI servers send ids in varying case and with stray spaces (DESIGN §4),
    so ids are compared trimmed and upper-cased; the output keeps the original.
    """
    keys = values.astype("string").str.strip().str.upper()
    return keys.mask(keys == "", pd.NA)


def to_utc(values: pd.Series) -> pd.Series:
    """Parse ISO 8601 timestamps (any offset, mixed offsets) to UTC; unparseable -> NaT.

    Timestamps without an offset are read as UTC, as OCPI timestamps are.
    """
    if pd.api.types.is_datetime64_any_dtype(values):
        if getattr(values.dt, "tz", None) is None:
            return values.dt.tz_localize("UTC")
        return values.dt.tz_convert("UTC")
    return pd.to_datetime(values, utc=True, errors="coerce")


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
