"""Benchmarks of walking distance along a street network (core/potential/network.py).

    python bench/bench_walking.py                      # all cases, full size
    python bench/bench_walking.py --case 2 --quick     # one case, about 20x smaller
    python bench/bench_walking.py --reference-python .venv-bench/bin/python

Each case runs in its own subprocess so that its peak memory (ru_maxrss) is its own. All
inputs come from one synthetic city (fixed seed): a jittered grid of 80-120 m blocks over
20 x 20 km, about 10 % of the links removed (dead ends), two canals and a railway crossed only
by bridges about every kilometre, a third of the streets wiggly, and overpasses that cross
streets without a shared vertex; every block side is cut into pieces of about 18 m, as OSM
ways have vertices, which gives about 400,000 segments. Demand points (households, weight 1-8)
sit 5-40 m beside a street, candidates and existing charge points 2-8 m (the existing ones
crowd the centre: a Gaussian with a standard deviation of 4 km).

(1) City scale: build the network, the coverage sets of selectlocations (``build_coverage``
    with ``Walking``) and the household share of coveragecheck (``coverage_grid`` with
    ``Walking``) for 500,000 demand points, 50,000 candidates and 20,000 existing points,
    R = 250 m, max_access = 100 m. Targets <= 60 s and <= 4 GB peak memory.
(2) Against pandana (contraction hierarchies): demand within 250 m of every candidate on the
    same graph. pandana moves each point to its nearest node and measures node to node; the
    counts are compared as they come, and on a variant with every point on a node, where they
    must agree up to pandana's whole-millimetre edge weights. pandana lives only in the
    benchmark venv: the parent runs this case with ``--reference-python`` (default
    .venv-bench/bin/python when it exists); ours is timed in this Python (the product's
    numpy/scipy) and again next to pandana. Without pandana the case is skipped with a message
    (pandana 0.8 has a cp311 wheel, so cityseer was not needed). Target: ours <= 1.0x pandana's
    time, pandana's hierarchy and range precomputation included.
(3) Against the native QGIS chain a user would build: native:serviceareafromlayer (distance
    250) -> native:buffer of the service-area lines (25 m) -> native:countpointsinpolygon
    (weighted) for 2,000 candidates on the whole city's network (about 11 minutes for the native
    chain), through processing.run on GeoPackage layers, next to ours on the same layers. Target:
    ours >= 100x faster; the counts' relative differences are shown.

--quick shrinks the area and every point count 20x (case 3: 100 candidates).

Ratios are measured in one run; nothing is asserted on time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from harness import REPO, peak_gb, result_of, start_qgis, timed

sys.path.insert(0, str(REPO))

SEED = 2027
RADIUS = 250.0
MAX_ACCESS = 100.0
CITY_SIDE = 20_000.0  # m
QUICK_SHRINK = 20.0  # --quick: 20x fewer points and a 20x smaller area
BLOCK_RANGE = (80.0, 120.0)  # m between grid lines
NODE_JITTER = 12.0  # m, each junction moves by up to this in x and y
REMOVED_LINKS = 0.10  # share of block sides left out: dead ends and missing links
VERTEX_SPACING = 18.0  # m between the vertices of a street (like OSM ways)
WIGGLY_SHARE = 0.3  # streets whose inner vertices are moved sideways
WIGGLE = 4.0  # m
BRIDGE_SPACING = 1_000.0  # m along a barrier between bridges
OVERPASSES_PER_KM2 = 0.05  # long lines over streets without a shared vertex
DEMAND_OFFSET = (5.0, 40.0)  # m from the street centre line: house fronts
POINT_OFFSET = (2.0, 8.0)  # m: parking spots of candidates and charge points
# Existing charge points crowd the centre (Gaussian, this share of the city's side as standard
# deviation): spread evenly, 20,000 of them would leave almost no demand open to select for.
EXISTING_SPREAD = 0.2
# The native chain turns service-area lines into polygons with this buffer. Houses stand 5-40 m
# from their street's centre line (nearer to a cross street at corners: median about 15 m to the
# nearest street), so 25 m takes in most of those along a reached street, and it stays below
# half the narrowest block (40 m), so that the houses of the next street over stay out.
NATIVE_BUFFER = 25.0
ON_NODE_TOLERANCE = 0.05  # m: pandana keeps each edge weight in whole mm (x1000 into an int)


def versions() -> str:
    import scipy

    return f"python {sys.version.split()[0]}, numpy {np.__version__}, scipy {scipy.__version__}"


# --- the synthetic city -------------------------------------------------------------------------
@dataclass
class City:
    side: float
    junctions: np.ndarray  # (columns, rows, 2) jittered grid nodes
    link_a: np.ndarray  # (k, 2) straight ends of every kept block side (for placing points)
    link_b: np.ndarray
    lines: list  # street geometries, (n, 2) vertex arrays, as a line layer would give them


def synthetic_city(rng: np.random.Generator, side: float) -> City:
    junctions = jittered_grid(rng, side)
    link_a, link_b = block_sides(junctions)
    keep = rng.random(len(link_a)) >= REMOVED_LINKS
    keep &= ~cut_by_barriers(link_a, link_b, side)
    link_a, link_b = link_a[keep], link_b[keep]
    lines = street_lines(rng, link_a, link_b) + overpasses(rng, junctions, side)
    return City(side, junctions, link_a, link_b, lines)


def jittered_grid(rng: np.random.Generator, side: float) -> np.ndarray:
    """Grid lines 80-120 m apart (irregular blocks), every junction moved a little."""
    axes = []
    for _ in range(2):
        steps = rng.uniform(*BLOCK_RANGE, int(side / BLOCK_RANGE[0]) + 2)
        positions = np.concatenate([[0.0], np.cumsum(steps)])
        axes.append(positions[positions <= side])
    gx, gy = np.meshgrid(axes[0], axes[1], indexing="ij")
    return np.stack([gx, gy], axis=-1) + rng.uniform(-NODE_JITTER, NODE_JITTER, (*gx.shape, 2))


def block_sides(junctions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Both ends of every block side: east-west links, then north-south links."""
    east_a, east_b = junctions[:-1, :, :], junctions[1:, :, :]
    north_a, north_b = junctions[:, :-1, :], junctions[:, 1:, :]
    return (
        np.concatenate([east_a.reshape(-1, 2), north_a.reshape(-1, 2)]),
        np.concatenate([east_b.reshape(-1, 2), north_b.reshape(-1, 2)]),
    )


def cut_by_barriers(link_a: np.ndarray, link_b: np.ndarray, side: float) -> np.ndarray:
    """Links crossing a canal or railway, except the bridges (one link about every kilometre).

    Each barrier is a gentle sine wave across the whole city: two canals running north-south
    and a railway running east-west. A link crosses it when its ends lie on either side.
    """
    cut = np.zeros(len(link_a), dtype=bool)
    barriers = [(0, 0.3 * side), (0, 0.7 * side), (1, 0.45 * side)]  # (axis it is a function of, offset)
    for across, offset in barriers:
        along = 1 - across

        def side_of(points, across=across, along=along, offset=offset):
            wave = offset + 0.02 * side * np.sin(2 * np.pi * points[:, along] / (0.4 * side))
            return points[:, across] > wave

        crosses = side_of(link_a) != side_of(link_b)
        middle = (link_a[:, along] + link_b[:, along]) / 2.0
        # A bridge: the crossing link whose middle is nearest to a multiple of BRIDGE_SPACING.
        bridge = np.abs(middle - BRIDGE_SPACING * np.round(middle / BRIDGE_SPACING)) < BLOCK_RANGE[0] / 2
        cut |= crosses & ~bridge
    return cut


def street_lines(rng: np.random.Generator, link_a: np.ndarray, link_b: np.ndarray) -> list:
    """Every link as a line with a vertex about every 18 m; some streets wiggle sideways."""
    length = np.hypot(*(link_b - link_a).T)
    pieces = np.maximum(1, np.round(length / VERTEX_SPACING)).astype(np.int64)
    counts = pieces + 1
    line = np.repeat(np.arange(len(link_a)), counts)
    first = np.cumsum(counts) - counts
    fraction = (np.arange(len(line)) - first[line]) / pieces[line]
    vertices = link_a[line] + fraction[:, None] * (link_b - link_a)[line]
    normal = (link_b - link_a)[:, ::-1] * np.array([1.0, -1.0]) / length[:, None]
    inner = (fraction > 0) & (fraction < 1)
    wiggly = rng.random(len(link_a)) < WIGGLY_SHARE
    shift = rng.uniform(-WIGGLE, WIGGLE, len(line)) * (inner & wiggly[line])
    vertices += shift[:, None] * normal[line]
    return np.split(vertices, np.cumsum(counts)[:-1])


def overpasses(rng: np.random.Generator, junctions: np.ndarray, side: float) -> list:
    """Straight lines 2-4 km long between two junctions, connected only at their ends."""
    count = max(1, int(OVERPASSES_PER_KM2 * side * side / 1e6))
    columns, rows = junctions.shape[:2]
    span = max(2, min(columns, rows) // 6)
    lines = []
    for _ in range(count):
        i, j = rng.integers(0, columns - span), rng.integers(0, rows - span)
        lines.append(np.array([junctions[i, j], junctions[i + span, j + span]]))
    return lines


def points_beside_streets(
    rng: np.random.Generator, city: City, count: int, offset, spread: float | None = None
) -> np.ndarray:
    """Points at a random place along a random block side, ``offset`` m to either side.

    Block sides are drawn by length, times a Gaussian around the city centre with standard
    deviation ``spread`` (m) when it is given.
    """
    delta = city.link_b - city.link_a
    length = np.hypot(*delta.T)
    chance = length.copy()
    if spread is not None:
        middle = (city.link_a + city.link_b) / 2.0 - city.side / 2.0
        chance *= np.exp(-np.sum(middle**2, axis=1) / (2.0 * spread**2))
    link = rng.choice(len(length), size=count, p=chance / chance.sum())
    along = rng.random(count)
    normal = delta[link][:, ::-1] * np.array([1.0, -1.0]) / length[link][:, None]
    sideways = rng.uniform(*offset, count) * rng.choice([-1.0, 1.0], count)
    return city.link_a[link] + along[:, None] * delta[link] + sideways[:, None] * normal


def household_weights(rng: np.random.Generator, count: int) -> np.ndarray:
    """Mostly single houses, some small blocks of flats."""
    return rng.choice([1.0, 2.0, 4.0, 8.0], size=count, p=[0.6, 0.2, 0.15, 0.05])


def city_instance(quick: bool, demand=500_000, candidates=50_000, existing=20_000) -> dict:
    """The city of cases 1 and 2 (and 3 cuts a window out of it); the same for every Python."""
    shrink = QUICK_SHRINK if quick else 1.0
    rng = np.random.default_rng(SEED)
    city = synthetic_city(rng, CITY_SIDE / np.sqrt(shrink))
    return {
        "city": city,
        "demand": points_beside_streets(rng, city, int(demand / shrink), DEMAND_OFFSET),
        "weights": household_weights(rng, int(demand / shrink)),
        "candidates": points_beside_streets(rng, city, int(candidates / shrink), POINT_OFFSET),
        "existing": points_beside_streets(
            rng, city, int(existing / shrink), POINT_OFFSET, EXISTING_SPREAD * city.side
        ),
    }


def checksum(*arrays: np.ndarray) -> float:
    """A cheap fingerprint to check that two Pythons generated the same instance."""
    return float(sum(np.sum(a * (1.0 + np.arange(a.size).reshape(a.shape) % 7)) for a in arrays))


class CallTimer:
    """Seconds spent in one network's attach / nearest / pairs_within, to split a step into parts.

    The bound methods of that one network object are wrapped; nothing else is touched.
    """

    def __init__(self, network, names=("attach", "nearest", "pairs_within")) -> None:
        self.seconds: dict[str, float] = {}
        for name in names:
            setattr(network, name, self._timed(name, getattr(network, name)))

    def _timed(self, name, method):
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start

        return timed

    def take(self) -> dict[str, float]:
        seconds, self.seconds = self.seconds, {}
        return seconds


# --- (1) city scale ----------------------------------------------------------------------------
def case_1(quick: bool) -> dict:
    from ev_planner.core.potential.coverage import coverage_grid
    from ev_planner.core.potential.distance import StraightLine, Walking
    from ev_planner.core.potential.network import WalkingNetwork
    from ev_planner.core.potential.selection import build_coverage

    inputs = city_instance(quick)
    demand, weights, candidates, existing = (
        inputs[k] for k in ("demand", "weights", "candidates", "existing")
    )
    inputs_gb = peak_gb()
    network, build_s = timed(WalkingNetwork.from_lines, inputs["city"].lines)
    calls = CallTimer(network)
    # selectlocations and coveragecheck are separate runs, each with its own measure (attachments).
    model, coverage_s = timed(
        build_coverage, candidates, demand, weights, existing, RADIUS, measure=Walking(network, MAX_ACCESS)
    )
    coverage_parts = calls.take()
    grid, share_s = timed(
        coverage_grid, demand, weights, existing, radius=RADIUS, measure=Walking(network, MAX_ACCESS)
    )
    share_parts = calls.take()
    total_s = build_s + coverage_s + share_s
    peak = peak_gb()
    straight, straight_coverage_s = timed(
        build_coverage, candidates, demand, weights, existing, RADIUS, measure=StraightLine()
    )
    straight_grid, straight_share_s = timed(coverage_grid, demand, weights, existing, radius=RADIUS)
    return {
        "versions": versions(),
        "lines": len(inputs["city"].lines),
        "segments": network.segment_count,
        "nodes": network.node_count,
        "components": network.component_count,
        "points": [len(demand), len(candidates), len(existing)],
        "build_s": build_s,
        "coverage_s": coverage_s,
        "coverage_parts": coverage_parts,
        "share_s": share_s,
        "share_parts": share_parts,
        "total_s": total_s,
        "peak_gb": peak,
        "inputs_gb": inputs_gb,
        "pairs": int(model.matrix.nnz),
        "covered_before_pct": 100.0 * model.covered_before / model.total_demand,
        "share_pct": grid.totals["demand_within_radius_pct"],
        "cache_load_s": cache_round_trip(network),
        "straight_coverage_s": straight_coverage_s,
        "straight_share_s": straight_share_s,
        "straight_pairs": int(straight.matrix.nnz),
        "straight_share_pct": straight_grid.totals["demand_within_radius_pct"],
    }


def cache_round_trip(network) -> float:
    """Seconds to read the network back from the plugin's cache file format (the next run's start)."""
    from ev_planner.core.potential.network import WalkingNetwork

    folder = Path(tempfile.mkdtemp(prefix="bench_walking_"))
    try:
        network.save(folder / "network.npz")
        return timed(WalkingNetwork.load, folder / "network.npz")[1]
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def report_1(r: dict) -> None:
    points = "{:,} demand, {:,} candidates, {:,} existing".format(*r["points"])
    print(
        f"  {r['versions']}; {r['lines']:,} lines -> {r['segments']:,} segments, {r['nodes']:,} nodes, ",
        end="",
    )
    print(f"{r['components']} components; {points}; R {RADIUS:.0f} m, max_access {MAX_ACCESS:.0f} m")
    cover, share = r["coverage_parts"], r["share_parts"]
    rows = [
        ("build the network (from_lines)", r["build_s"], ""),
        (
            "selectlocations coverage sets (build_coverage)",
            r["coverage_s"],
            f"{r['pairs']:,} pairs, {r['covered_before_pct']:.1f}% covered before",
        ),
        ("  of which attach", cover.get("attach", 0.0), "demand, existing, open demand, candidates"),
        ("  of which nearest (demand -> existing)", cover.get("nearest", 0.0), ""),
        ("  of which pairs_within (candidates -> demand)", cover.get("pairs_within", 0.0), ""),
        ("coveragecheck household share (coverage_grid)", r["share_s"], f"{r['share_pct']:.1f}% within"),
        ("  of which attach", share.get("attach", 0.0), "demand, existing"),
        ("  of which nearest", share.get("nearest", 0.0), ""),
        ("total", r["total_s"], "target <= 60 s"),
        ("(network read back from the cache file)", r["cache_load_s"], "a later run's build"),
        (
            "reference: straight line build_coverage",
            r["straight_coverage_s"],
            f"{r['straight_pairs']:,} pairs",
        ),
        (
            "reference: straight line coverage_grid",
            r["straight_share_s"],
            f"{r['straight_share_pct']:.1f}% within",
        ),
    ]
    table(["step", "seconds", "note"], [(name, f"{s:.2f}", note) for name, s, note in rows], left=(0, 2))
    straight_s = r["straight_coverage_s"] + r["straight_share_s"]
    print(
        f"  walking / straight line = {(r['total_s'] - r['build_s']) / straight_s:.1f}x without the build, "
        f"{r['total_s'] / straight_s:.1f}x with it"
    )
    print(f"  peak memory {r['peak_gb']:.2f} GB (inputs {r['inputs_gb']:.2f} GB); target <= 4 GB")
    met = r["total_s"] <= 60.0 and r["peak_gb"] <= 4.0
    print(f"  target met: {'yes' if met else 'no'}")


def table(headers: list[str], rows: list[tuple], left: tuple[int, ...] = (0,)) -> None:
    """An aligned text table: the columns in ``left`` flush left, the others (numbers) right."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows)]
    for row in [headers, ["-" * w for w in widths], *rows]:
        cells = [
            str(c).ljust(w) if i in left else str(c).rjust(w) for i, (c, w) in enumerate(zip(row, widths))
        ]
        print("  " + "  ".join(cells).rstrip())


# --- (2) against pandana -----------------------------------------------------------------------
def ours_counts(network, candidates, demand, weights, radius=RADIUS):
    """Ours as the plugin does it: attach both layers, all pairs within the radius, demand per candidate."""
    candidate_att, demand_att = network.attach(candidates, MAX_ACCESS), network.attach(demand, MAX_ACCESS)
    pairs = network.pairs_within(candidate_att, demand_att, radius)
    counts = np.bincount(pairs.source, weights=weights[pairs.target], minlength=len(candidates))
    return counts, pairs, candidate_att, demand_att


def case_2_ours(quick: bool) -> dict:
    """Ours alone, in the Python that runs it (the product venv when the parent is run with it)."""
    from ev_planner.core.potential.network import WalkingNetwork

    inputs = city_instance(quick)
    network, build_s = timed(WalkingNetwork.from_lines, inputs["city"].lines)
    (counts, *_), query_s = timed(
        ours_counts, network, inputs["candidates"], inputs["demand"], inputs["weights"]
    )
    return {
        "versions": versions(),
        "checksum": checksum(inputs["demand"], inputs["candidates"]),
        "build_s": build_s,
        "query_s": query_s,
        "mean_count": float(counts.mean()),
    }


class Pandana:
    """pandana on our network's graph: the same nodes, segments and lengths."""

    def __init__(self, network) -> None:
        import pandana
        import pandas as pd

        start = time.perf_counter()
        self.net = pandana.Network(
            pd.Series(network.node_xy[:, 0]),
            pd.Series(network.node_xy[:, 1]),
            pd.Series(network.segment_u),
            pd.Series(network.segment_v),
            pd.DataFrame({"metres": network.segment_length}),
            twoway=True,
        )
        self.build_s = time.perf_counter() - start
        _, self.precompute_s = timed(self.net.precompute, RADIUS)

    def counts(self, candidates, demand, weights) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Demand within RADIUS of each candidate's nearest node, and both points' nearest nodes."""
        import pandas as pd

        demand_node = self.net.get_node_ids(pd.Series(demand[:, 0]), pd.Series(demand[:, 1]))
        candidate_node = self.net.get_node_ids(pd.Series(candidates[:, 0]), pd.Series(candidates[:, 1]))
        self.net.set(demand_node, pd.Series(weights, index=demand_node.index), name="demand")
        # "flat": no distance decay (pandana's default is linear); sums at every node of the network.
        per_node = self.net.aggregate(RADIUS, type="sum", decay="flat", name="demand")
        counts = per_node.loc[candidate_node.to_numpy()].to_numpy()
        return counts, candidate_node.to_numpy(), demand_node.to_numpy()


def case_2(quick: bool) -> dict:
    try:
        import pandana  # noqa: F401
    except ImportError as exc:
        return {
            "skipped": f"pandana is not importable in {sys.executable} ({exc}); install "
            "bench/requirements-bench.txt into .venv-bench (see that file)"
        }
    from ev_planner.core.potential.network import WalkingNetwork

    inputs = city_instance(quick)
    network = WalkingNetwork.from_lines(inputs["city"].lines)
    demand, weights, candidates = inputs["demand"], inputs["weights"], inputs["candidates"]
    reference = Pandana(network)
    (theirs, candidate_node, demand_node), query_s = timed(reference.counts, candidates, demand, weights)
    (ours, _, candidate_att, demand_att), ours_s = timed(ours_counts, network, candidates, demand, weights)
    ours_build_s = timed(WalkingNetwork.from_lines, inputs["city"].lines)[1]
    snapped = {
        **count_differences(ours, theirs),
        "without_access": count_differences(
            without_access(network, candidate_att, demand_att, weights), theirs
        ),
        "candidate_access_m": float(np.median(candidate_att.access)),
        "demand_access_m": float(np.median(demand_att.access)),
        "candidate_snap_m": float(np.median(np.hypot(*(candidates - network.node_xy[candidate_node]).T))),
        "demand_snap_m": float(np.median(np.hypot(*(demand - network.node_xy[demand_node]).T))),
    }
    return {
        "versions": versions(),
        "checksum": checksum(demand, candidates),
        "size": [network.segment_count, network.node_count, len(demand), len(candidates)],
        "pandana_build_s": reference.build_s,
        "pandana_precompute_s": reference.precompute_s,
        "pandana_query_s": query_s,
        "ours_here_s": ours_s,
        "ours_here_build_s": ours_build_s,
        "snapped": snapped,
        "on_nodes": on_node_variant(network, reference, weights, len(candidates)),
        "peak_gb": peak_gb(),
    }


def count_differences(ours: np.ndarray, theirs: np.ndarray) -> dict:
    difference = theirs - ours
    return {
        "identical_pct": 100.0 * float(np.mean(np.isclose(ours, theirs, rtol=0, atol=1e-6))),
        "mean_abs_diff": float(np.mean(np.abs(difference))),
        "mean_diff": float(np.mean(difference)),
        "mean_ours": float(np.mean(ours)),
        "mean_theirs": float(np.mean(theirs)),
        "median_rel_pct": 100.0 * float(np.median(np.abs(difference) / np.maximum(ours, 1.0))),
        "more_pct": 100.0 * float(np.mean(difference > 1e-6)),
        "fewer_pct": 100.0 * float(np.mean(difference < -1e-6)),
    }


def without_access(network, candidate_att, demand_att, weights) -> np.ndarray:
    """Ours with the access walks set to 0 m: what is left of the difference is pandana's node snapping."""
    from dataclasses import replace

    pairs = network.pairs_within(
        replace(candidate_att, access=np.zeros(len(candidate_att))),
        replace(demand_att, access=np.zeros(len(demand_att))),
        RADIUS,
    )
    return np.bincount(pairs.source, weights=weights[pairs.target], minlength=len(candidate_att))


def on_node_variant(network, reference: Pandana, weights: np.ndarray, candidate_count: int) -> dict:
    """Every point exactly on a node: both measure node to node, so the counts must agree.

    They may differ only for pairs within ON_NODE_TOLERANCE of the radius, because pandana
    turns each edge length into whole millimetres (truncated) and keeps distances in float32.
    So pandana's count must lie between ours at R - tolerance and ours at R + tolerance.
    """
    rng = np.random.default_rng(SEED + 2)
    demand = network.node_xy[rng.integers(0, network.node_count, len(weights))]
    candidates = network.node_xy[rng.integers(0, network.node_count, candidate_count)]
    theirs, _, _ = reference.counts(candidates, demand, weights)
    wide, pairs, _, _ = ours_counts(network, candidates, demand, weights, RADIUS + ON_NODE_TOLERANCE)

    def ours_within(limit: float) -> np.ndarray:
        keep = pairs.distance <= limit
        return np.bincount(pairs.source[keep], weights=weights[pairs.target[keep]], minlength=len(candidates))

    ours, narrow = ours_within(RADIUS), ours_within(RADIUS - ON_NODE_TOLERANCE)
    explained = (theirs >= narrow - 1e-6) & (theirs <= wide + 1e-6)
    differing = ~np.isclose(ours, theirs, rtol=0, atol=1e-6)
    assert explained.all(), (
        f"{int((~explained).sum())} candidates on nodes differ from pandana by more than pairs "
        f"within {ON_NODE_TOLERANCE} m of the radius"
    )
    near_radius = (pairs.distance > RADIUS - ON_NODE_TOLERANCE) & (
        pairs.distance <= RADIUS + ON_NODE_TOLERANCE
    )
    return {
        **count_differences(ours, theirs),
        "differing": int(differing.sum()),
        "explained": int(explained.sum()),
        "pairs_near_radius": int(near_radius.sum()),
        "pairs": int(np.count_nonzero(pairs.distance <= RADIUS)),
    }


# --- (3) against the native QGIS chain ---------------------------------------------------------
def write_gpkg(path: Path, name: str, geometries, kind: str, fields: dict[str, list] | None = None):
    """A GeoPackage layer in RD New written with OGR (users' data are files), opened as a QGIS layer."""
    from osgeo import ogr, osr
    from qgis.core import QgsVectorLayer

    dataset = (
        ogr.Open(str(path), 1) if path.exists() else ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    )
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(28992)
    geometry_type = {"point": ogr.wkbPoint, "line": ogr.wkbLineString}[kind]
    layer = dataset.CreateLayer(name, srs, geometry_type)
    fields = fields or {}
    for field_name, values in fields.items():
        is_int = isinstance(values[0], (int, np.integer))
        layer.CreateField(ogr.FieldDefn(field_name, ogr.OFTInteger if is_int else ogr.OFTReal))
    layer.StartTransaction()
    for i, vertices in enumerate(geometries):
        feature = ogr.Feature(layer.GetLayerDefn())
        for field_name, values in fields.items():
            feature.SetField(field_name, values[i])
        geometry = ogr.Geometry(geometry_type)
        for x, y in np.asarray(vertices).reshape(-1, 2).tolist():
            geometry.AddPoint_2D(x, y)
        feature.SetGeometry(geometry)
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    dataset = None
    return QgsVectorLayer(f"{path}|layername={name}", name, "ogr")


def native_chain(streets, candidates, demand) -> tuple[dict, dict]:
    """Service area (lines) -> buffer -> count points in polygon (weighted); seconds per step, counts by cid."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    context = QgsProcessingContext()
    # Without a project, native:serviceareafromlayer crashes QGIS 3.22 when it writes to memory:.
    context.setProject(QgsProject.instance())

    def run(algorithm: str, parameters: dict):
        return processing.run(algorithm, parameters, feedback=QgsProcessingFeedback(), context=context)

    seconds = {}
    start = time.perf_counter()
    lines = run(
        "native:serviceareafromlayer",
        {
            "INPUT": streets,
            "STRATEGY": 0,  # shortest: travel cost is distance in the layer's metres
            "DEFAULT_DIRECTION": 2,  # both directions
            "TOLERANCE": 0,  # lines connect where they share a vertex, as in ours
            "START_POINTS": candidates,
            "TRAVEL_COST2": RADIUS,
            "INCLUDE_BOUNDS": False,
            "OUTPUT_LINES": "memory:",
        },
    )["OUTPUT_LINES"]
    seconds["service_area"] = time.perf_counter() - start
    start = time.perf_counter()
    polygons = run(
        "native:buffer",
        {"INPUT": lines, "DISTANCE": NATIVE_BUFFER, "SEGMENTS": 5, "DISSOLVE": False, "OUTPUT": "memory:"},
    )["OUTPUT"]
    seconds["buffer"] = time.perf_counter() - start
    start = time.perf_counter()
    counted = run(
        "native:countpointsinpolygon",
        {"POLYGONS": polygons, "POINTS": demand, "WEIGHT": "w", "FIELD": "demand", "OUTPUT": "memory:"},
    )["OUTPUT"]
    seconds["count"] = time.perf_counter() - start
    return seconds, {int(f["cid"]): float(f["demand"]) for f in counted.getFeatures()}


def ours_from_layers(streets, candidates, demand) -> tuple[dict, np.ndarray, np.ndarray, list]:
    """Ours on the same layers: read them with the plugin's readers, then the core.

    Returns the seconds per step, the demand per candidate, the candidates' cid and the median
    and 90th percentile of the demand points' distance to the nearest street.
    """
    from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingContext

    from ev_planner.core.potential.network import WalkingNetwork
    from ev_planner.processing.layers import geometry_to_lines, read_geometries, read_points_fast

    crs, context = QgsCoordinateReferenceSystem("EPSG:28992"), QgsProcessingContext()
    seconds = {}
    start = time.perf_counter()
    street_geometries = read_geometries(streets, crs, context).geometries
    lines = [line for geometry in street_geometries for line in geometry_to_lines(geometry)]
    demand_points = read_points_fast(demand, crs, context, fields=["w"])
    candidate_points = read_points_fast(candidates, crs, context, fields=["cid"])
    seconds["read"] = time.perf_counter() - start
    network, seconds["build"] = timed(WalkingNetwork.from_lines, lines)
    weights = np.asarray(demand_points.attributes["w"], dtype=np.float64)
    (counts, _, _, demand_att), seconds["count"] = timed(
        ours_counts, network, candidate_points.xy, demand_points.xy, weights
    )
    # How far the houses are from their street: the scale against which the buffer is chosen.
    access = np.percentile(demand_att.access[demand_att.on_network], [50, 90]).tolist()
    return seconds, counts, np.asarray(candidate_points.attributes["cid"], dtype=np.int64), access


def case_3(quick: bool) -> dict:
    _app = start_qgis()  # kept alive for the whole case
    inputs = city_instance(quick)
    rng = np.random.default_rng(SEED + 3)
    sample_size = int(2_000 / QUICK_SHRINK) if quick else 2_000
    sample = np.sort(rng.choice(len(inputs["candidates"]), sample_size, replace=False))
    folder = Path(tempfile.mkdtemp(prefix="bench_walking_3_"))
    try:
        gpkg = folder / "inputs.gpkg"
        streets = write_gpkg(gpkg, "streets", inputs["city"].lines, "line")
        candidates = write_gpkg(
            gpkg, "candidates", inputs["candidates"][sample], "point", {"cid": list(range(sample_size))}
        )
        demand = write_gpkg(gpkg, "demand", inputs["demand"], "point", {"w": inputs["weights"].tolist()})
        ours_seconds, ours, cids, demand_access = ours_from_layers(streets, candidates, demand)
        native_seconds, native_by_cid = native_chain(streets, candidates, demand)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    native = np.array([native_by_cid.get(int(c), 0.0) for c in cids])
    reached = ours > 0
    relative = (native[reached] - ours[reached]) / ours[reached]
    return {
        "versions": versions(),
        "size": [len(inputs["city"].lines), len(inputs["demand"]), sample_size],
        "ours": ours_seconds,
        "native": native_seconds,
        "native_missing": int(sum(int(c) not in native_by_cid for c in cids)),
        "median_abs_rel_pct": 100.0 * float(np.median(np.abs(relative))),
        "p90_abs_rel_pct": 100.0 * float(np.percentile(np.abs(relative), 90)),
        "median_rel_pct": 100.0 * float(np.median(relative)),
        "within_10_pct": 100.0 * float(np.mean(np.abs(relative) <= 0.10)),
        "mean_ours": float(ours.mean()),
        "mean_native": float(native.mean()),
        "ours_zero": int((~reached).sum()),
        "demand_access_m": demand_access,
        "peak_gb": peak_gb(),
    }


# --- reports and the driver --------------------------------------------------------------------
def report_2(r: dict) -> None:
    mine = r["ours_product"]
    segments, nodes, demand, candidates = r["size"]
    print(
        f"  same network for both: {segments:,} segments, {nodes:,} nodes; {demand:,} demand, {candidates:,} candidates"
    )
    print(f"  pandana and 'ours (here)' run in {r['versions']}; 'ours' in {mine['versions']}")
    pandana_total = r["pandana_build_s"] + r["pandana_precompute_s"] + r["pandana_query_s"]
    rows = [
        (
            "network: contraction hierarchy / from_lines",
            r["pandana_build_s"],
            mine["build_s"],
            r["ours_here_build_s"],
        ),
        ("precompute the 250 m ranges", r["pandana_precompute_s"], None, None),
        (
            "snap + set + aggregate / attach + pairs + bincount",
            r["pandana_query_s"],
            mine["query_s"],
            r["ours_here_s"],
        ),
    ]
    table(
        ["step", "pandana s", "ours s", "ours (here) s"],
        [(name, *("-" if v is None else f"{v:.2f}" for v in values)) for name, *values in rows],
    )
    print(
        f"  ours (attach + pairs + bincount) / pandana (build + precompute + set + aggregate) = "
        f"{mine['query_s'] / pandana_total:.2f}x (target <= 1.0x); with our network build "
        f"{(mine['query_s'] + mine['build_s']) / pandana_total:.2f}x"
    )
    print(
        f"  query only, pandana's ranges precomputed: ours / pandana = {mine['query_s'] / r['pandana_query_s']:.2f}x "
        f"(pandana sums at all {nodes:,} nodes; it is faster once its hierarchy exists)"
    )
    print(f"  peak memory {r['peak_gb']:.2f} GB (pandana and ours in one process, both variants)")
    report_2_counts(r, candidates)


def report_2_counts(r: dict, candidates: int) -> None:
    snapped, on_nodes = r["snapped"], r["on_nodes"]
    variants = [
        ("points as generated (pandana snaps to nodes)", snapped),
        ("  the same, ours without the access walks", snapped["without_access"]),
        ("every point exactly on a node", on_nodes),
    ]
    headers = ["demand within 250 m", "identical", "pandana more", "fewer", "mean |diff|", "mean diff"]
    table(
        [*headers, "mean ours", "median |rel|"],
        [
            (
                name,
                *(f"{v[key]:.1f}%" for key in ("identical_pct", "more_pct", "fewer_pct")),
                f"{v['mean_abs_diff']:.2f}",
                f"{v['mean_diff']:+.2f}",
                f"{v['mean_ours']:.1f}",
                f"{v['median_rel_pct']:.2f}%",
            )
            for name, v in variants
        ],
    )
    print(
        f"  why: pandana moves each point to its nearest node (median {snapped['candidate_snap_m']:.1f} m for "
        f"candidates, {snapped['demand_snap_m']:.1f} m for demand) with no walk to it; ours joins at the "
        f"projection on the nearest segment and walks the access at both ends (median "
        f"{snapped['candidate_access_m']:.1f} m and {snapped['demand_access_m']:.1f} m). Without the access walks "
        f"what is left is the snapping, which moves points both ways along the street."
    )
    print(
        f"  on nodes: {on_nodes['differing']} of {candidates:,} candidates differ, each by pairs within "
        f"{ON_NODE_TOLERANCE} m of 250 m (checked: pandana's count lies between ours at R - and R + that; "
        f"pandana keeps edge lengths in whole mm, cut down, so it only ever counts more); "
        f"{on_nodes['pairs_near_radius']:,} of {on_nodes['pairs']:,} pairs lie that close to 250 m"
    )


def report_3(r: dict) -> None:
    lines, demand, candidates = r["size"]
    print(
        f"  {r['versions']}; whole city: {lines:,} street lines, {demand:,} demand, {candidates:,} candidates, "
        f"GeoPackage layers; buffer {NATIVE_BUFFER:.0f} m"
    )
    median, p90 = r["demand_access_m"]
    print(f"  demand's distance to the nearest street: median {median:.1f} m, 90th percentile {p90:.1f} m")
    native, ours = r["native"], r["ours"]
    native_total, ours_total = sum(native.values()), sum(ours.values())
    rows = [
        ("native:serviceareafromlayer (250 m, lines)", native["service_area"], ""),
        (f"native:buffer ({NATIVE_BUFFER:.0f} m)", native["buffer"], ""),
        ("native:countpointsinpolygon (weighted)", native["count"], ""),
        ("native chain total", native_total, ""),
        ("ours: read the 3 layers (plugin readers)", ours["read"], ""),
        ("ours: build the network", ours["build"], ""),
        ("ours: attach + pairs_within + bincount", ours["count"], ""),
        ("ours total", ours_total, ""),
    ]
    table(["step", "seconds"], [(name, f"{s:.2f}") for name, s, _ in rows])
    print(
        f"  native / ours = {native_total / ours_total:.0f}x with reading the layers, "
        f"{native_total / (ours['build'] + ours['count']):.0f}x without (target >= 100x)"
    )
    print(
        f"  native counts vs ours (candidates ours reaches): median |rel diff| {r['median_abs_rel_pct']:.1f}%, "
        f"90th percentile {r['p90_abs_rel_pct']:.1f}%, within +-10%: {r['within_10_pct']:.1f}%, "
        f"median signed {r['median_rel_pct']:+.1f}%"
    )
    print(
        f"  mean demand per candidate: ours {r['mean_ours']:.1f}, native {r['mean_native']:.1f}; "
        f"{r['ours_zero']} candidates reach nothing (ours), {r['native_missing']} have no service area"
    )


CASES = {"1": case_1, "2": case_2, "2-ours": case_2_ours, "3": case_3}
REPORTS = {"1": report_1, "2": report_2, "3": report_3}
TITLES = {
    "1": "city scale: build + selectlocations coverage + coveragecheck share",
    "2": "against pandana (contraction hierarchies)",
    "3": "against the native QGIS chain (service area -> buffer -> count points in polygon)",
}


def run_in_subprocess(name: str, quick: bool, python: str = sys.executable) -> dict:
    return result_of([python, __file__, "--run", name] + (["--quick"] if quick else []), error_chars=3000)


def run_case(name: str, quick: bool, reference_python: str) -> dict:
    if name != "2":
        return run_in_subprocess(name, quick)
    result = run_in_subprocess("2", quick, reference_python)
    if "error" in result or "skipped" in result:
        return result
    result["ours_product"] = run_in_subprocess("2-ours", quick)
    if "error" in result["ours_product"]:
        return result["ours_product"]
    if not np.isclose(result["ours_product"]["checksum"], result["checksum"], rtol=1e-12):
        return {"error": "the two Pythons generated different instances (numpy random streams differ)"}
    return result


def default_reference_python() -> str:
    bench_python = REPO / ".venv-bench" / "bin" / "python"
    return str(bench_python) if bench_python.exists() else sys.executable


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--case", choices=["1", "2", "3", "all"], default="all")
    parser.add_argument("--quick", action="store_true", help="about 20x smaller, for a smoke test")
    parser.add_argument("--reference-python", default=default_reference_python(), help="Python with pandana")
    parser.add_argument("--run", choices=sorted(CASES), help=argparse.SUPPRESS)  # one case, in this process
    args = parser.parse_args(argv)
    if args.run:
        # pandana's progress output ends without a newline: start the result on a line of its own.
        print("\nRESULT " + json.dumps(CASES[args.run](args.quick)))
        return 0
    names = ["1", "2", "3"] if args.case == "all" else [args.case]
    size = "quick (about 20x smaller)" if args.quick else "full size"
    print(f"bench_walking: {size}, python {sys.version.split()[0]}, {os.cpu_count()} cores, seed {SEED}")
    failed = False
    for name in names:
        result = run_case(name, args.quick, args.reference_python)
        print(f"== ({name}) {TITLES[name]}")
        if "error" in result or "skipped" in result:
            print("  " + (result.get("skipped") or result["error"]).replace("\n", "\n  "))
            failed |= "error" in result
            continue
        REPORTS[name](result)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
