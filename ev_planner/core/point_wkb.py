"""Coordinates of many point WKB blobs at once (numpy, no per-point Python work)."""

from __future__ import annotations

from typing import Sequence

import numpy as np

# WKB geometry type codes of a point, by blob length: 2D; Z or M (ISO or EWKB flag); ZM.
_POINT_TYPES = {
    21: (1,),
    29: (1001, 2001, 0x80000001, 0x40000001),
    37: (3001, 0xC0000001),
}


def point_wkb_xy(blobs: Sequence[bytes]) -> np.ndarray | None:
    """x, y of little-endian point WKB blobs as a float64 (n, 2) array; ``POINT EMPTY`` gives NaN, NaN.

    Points may be 2D, Z, M or ZM (OGR writes an empty Z point as a 2D one). Returns
    None when any blob is not a little-endian point: the caller then reads another way.
    """
    blobs = np.asarray(blobs, dtype=object).reshape(-1)
    lengths = np.fromiter(map(len, blobs), dtype=np.int64, count=len(blobs))
    xy = np.empty((len(blobs), 2), dtype=np.float64)
    for size in np.unique(lengths).tolist():
        if size not in _POINT_TYPES:
            return None
        rows = np.flatnonzero(lengths == size)
        layout = np.dtype(
            {
                "names": ["order", "type", "x", "y"],
                "formats": ["u1", "<u4", "<f8", "<f8"],
                "offsets": [0, 1, 5, 13],
                "itemsize": size,
            }
        )
        parsed = np.frombuffer(b"".join(blobs[rows].tolist()), dtype=layout)
        if not np.all(parsed["order"] == 1) or not np.all(np.isin(parsed["type"], _POINT_TYPES[size])):
            return None
        xy[rows, 0] = parsed["x"]
        xy[rows, 1] = parsed["y"]
    return xy
