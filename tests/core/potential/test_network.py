"""Walking network: known answers on hand-made networks, properties against a brute-force Dijkstra."""

from __future__ import annotations

import heapq
import math

import numpy as np
import pytest

from ev_planner.core.errors import CanceledError, InputError
from ev_planner.core.potential import network as network_module
from ev_planner.core.potential.network import WalkingNetwork

TOLERANCE = 1e-6  # metres


def line(*vertices):
    return np.array(vertices, dtype=float)


def canal_network():
    # South street y=0 and north street y=40, x from 0 to 1000; the canal between them is
    # crossed by one bridge at x=600 (both streets have a vertex there).
    return WalkingNetwork.from_lines(
        [
            line((0, 0), (600, 0), (1000, 0)),
            line((0, 40), (600, 40), (1000, 40)),
            line((600, 0), (600, 40)),
        ]
    )


# -- known answers ---------------------------------------------------------------------------


def test_canal_walk_goes_over_the_only_bridge():
    net = canal_network()
    assert (net.node_count, net.segment_count, net.component_count) == (6, 5, 1)
    south = net.attach([[100.0, -10.0]])
    north = net.attach([[200.0, 50.0]])
    # 10 access + 500 to the bridge + 40 over it + 400 back west + 10 access.
    expected = 10 + 500 + 40 + 400 + 10
    distance, index = net.nearest(south, north, 2000.0)
    assert distance.tolist() == [pytest.approx(expected, abs=TOLERANCE)]
    assert index.tolist() == [0]
    assert net.nearest(south, north, expected).distance[0] == pytest.approx(expected, abs=TOLERANCE)
    assert net.nearest(south, north, expected - 0.01).distance.tolist() == [math.inf]
    assert net.nearest(south, north, expected - 0.01).index.tolist() == [-1]
    pairs = net.pairs_within(south, north, expected + 0.01)
    assert (pairs.source.tolist(), pairs.target.tolist()) == ([0], [0])
    assert pairs.distance[0] == pytest.approx(expected, abs=TOLERANCE)
    assert len(net.pairs_within(south, north, expected - 0.01).distance) == 0
    # The walk is the same the other way round.
    assert net.nearest(north, south, 2000.0).distance[0] == pytest.approx(expected, abs=TOLERANCE)


def test_lines_crossing_without_a_shared_vertex_do_not_connect():
    horizontal = line((0, 0), (200, 0))
    vertical = line((100, -100), (100, 100))  # crosses (100, 0) without a vertex there: a bridge
    source_xy, target_xy = [[20.0, 5.0]], [[103.0, 80.0]]
    net = WalkingNetwork.from_lines([horizontal, vertical])
    assert net.component_count == 2
    source, target = net.attach(source_xy), net.attach(target_xy)
    assert net.nearest(source, target, 10_000.0).distance.tolist() == [math.inf]
    assert len(net.pairs_within(source, target, 5_000.0).distance) == 0
    # A detour joining the two lines at their ends: the walk goes around.
    detour = line((200, 0), (200, 100), (100, 100))
    net = WalkingNetwork.from_lines([horizontal, vertical, detour])
    assert net.component_count == 1
    source, target = net.attach(source_xy), net.attach(target_xy)
    expected = 5 + 180 + 100 + 100 + 20 + 3
    assert net.nearest(source, target, 10_000.0).distance[0] == pytest.approx(expected, abs=TOLERANCE)
    assert net.pairs_within(source, target, 500.0).distance.tolist() == [
        pytest.approx(expected, abs=TOLERANCE)
    ]


def test_point_projects_into_the_middle_of_a_segment():
    net = WalkingNetwork.from_lines([line((0, 0), (30, 40)), line((30, 40), (30, 140))])
    attachment = net.attach([[0.0, 25.0]])
    # Direction (0.6, 0.8): the projection is 20 m along, at (12, 16), 15 m away.
    assert attachment.access[0] == pytest.approx(15.0, abs=1e-9)
    assert attachment.offset_u[0] + attachment.offset_v[0] == pytest.approx(50.0, abs=1e-9)
    along_from_origin = (
        attachment.offset_u[0] if attachment.node_u[0] == _node(net, 0, 0) else attachment.offset_v[0]
    )
    assert along_from_origin == pytest.approx(20.0, abs=1e-9)
    target = net.attach([[33.0, 100.0]])  # 3 m east of (30, 100) on the second line
    expected = 15 + 30 + 60 + 3
    assert net.nearest(attachment, target, 500.0).distance[0] == pytest.approx(expected, abs=TOLERANCE)
    assert net.pairs_within(attachment, target, 500.0).distance[0] == pytest.approx(expected, abs=TOLERANCE)


def _node(net, x, y):
    return int(np.flatnonzero((net.node_xy[:, 0] == x) & (net.node_xy[:, 1] == y))[0])


def test_two_points_on_one_segment_walk_directly_between_their_projections():
    net = WalkingNetwork.from_lines([line((0, 0), (100, 0))])
    source = net.attach([[10.0, 3.0]])
    target = net.attach([[80.0, -2.0]])
    assert net.nearest(source, target, 1000.0).distance[0] == pytest.approx(3 + 70 + 2, abs=TOLERANCE)
    assert net.pairs_within(source, target, 1000.0).distance[0] == pytest.approx(3 + 70 + 2, abs=TOLERANCE)


def test_nearest_on_the_same_segment_weighs_access_against_position():
    net = WalkingNetwork.from_lines([line((0, 0), (100, 0), (100, 100))])
    # Target 0 is 2 m along but 1 m off the street; target 1 is right next to the first
    # source but 30 m off; target 2 is on the next segment, 50 m past the corner.
    targets = net.attach([[2.0, 1.0], [13.0, 30.0], [100.0, 50.0]])
    sources = net.attach([[12.0, 0.0], [90.0, 0.5], [100.0, 0.0]])
    distance, index = net.nearest(sources, targets, 1000.0)
    np.testing.assert_allclose(distance, [10 + 1, 0.5 + 10 + 50, 50.0], atol=TOLERANCE)
    assert index.tolist() == [0, 2, 2]


def test_point_beyond_max_access_is_off_the_network_and_never_covered():
    net = WalkingNetwork.from_lines([line((0, 0), (100, 0))])
    points = net.attach([[50.0, 150.0], [50.0, 100.0], [50.0, -30.0]], max_access=100.0)
    assert points.on_network.tolist() == [False, True, True]
    assert points.off_network_count == 1
    assert (points.segment[0], points.node_u[0], points.node_v[0]) == (-1, -1, -1)
    assert points.access.tolist() == [math.inf, 100.0, 30.0]
    charge_point = net.attach([[50.0, 0.0]])
    distance, index = net.nearest(points, charge_point, 10_000.0)
    assert distance.tolist() == [math.inf, 100.0, 30.0]
    assert index.tolist() == [-1, 0, 0]
    pairs = net.pairs_within(charge_point, points, 10_000.0)
    assert sorted(pairs.target.tolist()) == [1, 2]
    assert net.share_within(points, charge_point, 10_000.0) == pytest.approx(2 / 3)
    assert net.attach([[50.0, 150.0]], max_access=200.0).access.tolist() == [150.0]


def test_two_components_are_unreachable_and_report_the_weight_outside_the_largest():
    net = WalkingNetwork.from_lines([line((0, 0), (100, 0)), line((0, 500), (300, 500))])
    assert net.component_count == 2
    assert net.largest_component == net.component_labels[_node(net, 0, 500)]  # 300 m against 100 m
    points = net.attach([[10.0, 5.0], [50.0, -5.0], [90.0, 0.0], [150.0, 505.0], [0.0, 250.0]])
    weights = [1.0, 2.0, 3.0, 4.0, 10.0]
    report = net.component_weights(points, weights)
    assert tuple(report) == (20.0, 10.0, 4.0, 6.0)
    assert report.other_components_share == 0.3
    assert net.component_weights(points).other_components == 3.0
    assert net.nearest(net.attach([[150.0, 505.0]]), points, 1e9).index.tolist() == [3]
    across = net.nearest(net.attach([[10.0, 5.0]]), net.attach([[150.0, 505.0]]), math.inf)
    assert across.distance.tolist() == [math.inf]


def test_building_counts_skipped_lines_segments_and_duplicates():
    net = WalkingNetwork.from_lines(
        [
            line((0, 0), (0, 0), (10, 0)),  # one zero-length segment
            line((5, 5)),  # one vertex
            np.zeros((0, 2)),
            line((10, 0), (0, 0)),  # the first line's segment again, reversed
            line((10.0004, 0), (20, 0)),  # within a millimetre of (10, 0): connected
            line((20.002, 0), (30, 0)),  # 2 mm from (20, 0): not connected
        ]
    )
    assert (net.skipped_lines, net.skipped_segments, net.duplicate_segments) == (2, 1, 1)
    assert (net.node_count, net.segment_count, net.edge_count, net.component_count) == (5, 3, 3, 2)


def test_non_finite_coordinates_are_refused():
    with pytest.raises(InputError, match=r"^Street network: coordinates must be finite numbers\.$"):
        WalkingNetwork.from_lines([line((0, 0), (np.nan, 1))])
    with pytest.raises(InputError, match="line 1 is not a list of x, y coordinates"):
        WalkingNetwork.from_lines([line((0, 0), (1, 1)), np.zeros((2, 3))])
    net = canal_network()
    with pytest.raises(InputError, match=r"^Demand: coordinates must be finite numbers\.$"):
        net.attach([[0.0, np.inf]], label="Demand")
    with pytest.raises(InputError, match="radius must be zero or a positive number"):
        net.pairs_within(net.attach([[0, 0]]), net.attach([[0, 0]]), -1.0)


def test_empty_network_reaches_nothing():
    net = WalkingNetwork.from_lines([])
    assert (net.node_count, net.segment_count, net.component_count, net.largest_component) == (0, 0, 0, -1)
    points = net.attach([[0.0, 0.0], [1.0, 1.0]])
    assert points.off_network_count == 2
    assert net.nearest(points, points, 100.0).distance.tolist() == [math.inf, math.inf]
    assert len(net.pairs_within(points, points, 100.0).source) == 0


def test_progress_reaches_one_and_cancel_raises():
    fractions = []
    net = WalkingNetwork.from_lines(
        random_lines(np.random.default_rng(3)), progress=lambda f: fractions.append(f) or True
    )
    assert fractions[-1] == 1.0
    assert fractions == sorted(fractions)
    with pytest.raises(CanceledError):
        WalkingNetwork.from_lines(random_lines(np.random.default_rng(3)), progress=lambda f: False)
    points = net.attach(np.random.default_rng(4).uniform(0, 600, (50, 2)))
    fractions.clear()
    net.pairs_within(points, points, 50.0, progress=lambda f: fractions.append(f) or True)
    assert fractions[-1] == 1.0
    assert len(fractions) > 1
    with pytest.raises(CanceledError):
        net.pairs_within(points, points, 50.0, progress=lambda f: False)


def test_attachments_of_another_network_are_refused():
    with pytest.raises(ValueError, match="another network"):
        canal_network().nearest(
            WalkingNetwork.from_lines([line((0, 0), (1, 0))]).attach([[0, 0]]),
            canal_network().attach([[0, 0]]),
            1.0,
        )


# -- exact nearest segment ---------------------------------------------------------------------


def brute_nearest_segment(points, segment_xy):
    """Distance from each point to the nearest of the segments ((m, 2, 2) array), by brute force."""
    a, b = segment_xy[None, :, 0, :], segment_xy[None, :, 1, :]
    p = np.asarray(points, dtype=float)[:, None, :]
    ab = b - a
    t = np.clip(np.sum((p - a) * ab, -1) / np.sum(ab * ab, -1), 0, 1)
    gap = p - (a + t[..., None] * ab)
    return np.hypot(gap[..., 0], gap[..., 1]).min(axis=1)


@pytest.mark.parametrize("piece_length", [1.0, 20.0, 1e9])
@pytest.mark.parametrize("seed", range(5))
def test_attach_finds_the_exact_nearest_segment_next_to_long_segments(seed, piece_length):
    rng = np.random.default_rng(seed)
    # Many short segments plus a few very long ones: a midpoint of a long segment is far
    # from the point on it that is nearest, which a plain midpoint search would miss.
    starts = rng.uniform(0, 2000, (300, 2))
    short = np.stack([starts, starts + rng.uniform(-15, 15, (300, 2))], axis=1)
    long_ = rng.uniform(-500, 2500, (4, 2, 2))
    segment_xy = np.concatenate([short, long_])
    base = WalkingNetwork.from_lines(list(segment_xy))
    net = WalkingNetwork(
        base.node_xy, np.column_stack([base.segment_u, base.segment_v]), piece_length=piece_length
    )
    points = rng.uniform(-200, 2200, (3000, 2))
    expected = brute_nearest_segment(points, segment_xy)
    attachment = net.attach(points, max_access=60.0)
    assert attachment.on_network.tolist() == (expected <= 60.0).tolist()
    np.testing.assert_allclose(
        attachment.access[attachment.on_network], expected[expected <= 60.0], atol=1e-9
    )
    # The projection lies on the chosen segment at the reported access distance.
    on = attachment.on_network
    start, end = net.node_xy[attachment.node_u[on]], net.node_xy[attachment.node_v[on]]
    projection = start + attachment.fraction[on][:, None] * (end - start)
    np.testing.assert_allclose(np.hypot(*(points[on] - projection).T), attachment.access[on], atol=1e-9)
    np.testing.assert_allclose(attachment.offset_u[on], np.hypot(*(projection - start).T), atol=1e-9)


# -- brute force on random networks --------------------------------------------------------------


def random_lines(rng, size=6, spacing=100.0):
    """A jittered grid with missing links and wiggly streets, plus loose lines that cross it unconnected."""
    grid = np.stack(np.meshgrid(np.arange(size), np.arange(size), indexing="ij"), -1) * spacing
    grid = grid + rng.uniform(-20, 20, grid.shape)
    lines = []
    for i in range(size):
        for j in range(size):
            for di, dj in ((1, 0), (0, 1)):
                if i + di < size and j + dj < size and rng.random() > 0.25:
                    a, b = grid[i, j], grid[i + di, j + dj]
                    inner = [
                        a + (b - a) * t + rng.uniform(-5, 5, 2)
                        for t in sorted(rng.random(rng.integers(0, 3)))
                    ]
                    lines.append(np.array([a, *inner, b]))
    for _ in range(3):  # loose lines: bridges and isolated paths
        lines.append(rng.uniform(0, spacing * (size - 1), (rng.integers(2, 5), 2)))
    i, j = rng.integers(0, size, 2), rng.integers(0, size, 2)  # a long line between two grid nodes
    lines.append(np.array([grid[i[0], j[0]], grid[i[1], j[1]]]))
    return lines


def brute_graph(lines):
    """Nodes keyed by millimetre-rounded coordinates and undirected segments, in plain Python."""
    ids, xy, segments = {}, [], set()
    for vertices in lines:
        keys = []
        for x, y in np.asarray(vertices, dtype=float):
            key = (round(x * 1000), round(y * 1000))
            if key not in ids:
                ids[key] = len(xy)
                xy.append((x, y))
            keys.append(ids[key])
        for a, b in zip(keys, keys[1:]):
            if a != b:
                segments.add((min(a, b), max(a, b)))
    return xy, sorted(segments)


def brute_attach(points, xy, segments, max_access):
    """(segment, position along it from its first node, access) per point; None off the network."""
    out = []
    for px, py in points:
        best = None
        for index, (a, b) in enumerate(segments):
            (ax, ay), (bx, by) = xy[a], xy[b]
            length = math.hypot(bx - ax, by - ay)
            t = min(1.0, max(0.0, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / length**2))
            access = math.hypot(px - ax - t * (bx - ax), py - ay - t * (by - ay))
            if access <= max_access and (best is None or access < best[2]):
                best = (index, t * length, access)
        out.append(best)
    return out


def brute_distances(xy, segments, source_attach, target_attach):
    """Walking distance matrix: every attachment point becomes a node on its segment."""
    adjacency = {node: [] for node in range(len(xy))}

    def connect(a, b, w):
        adjacency.setdefault(a, []).append((b, w))
        adjacency.setdefault(b, []).append((a, w))

    on_segment = {}
    for kind, attached in (("s", source_attach), ("t", target_attach)):
        for index, place in enumerate(attached):
            if place is not None:
                on_segment.setdefault(place[0], []).append((place[1], (kind, index)))
                connect((kind, index), ("p", kind, index), place[2])
    for index, (a, b) in enumerate(segments):
        length = math.hypot(xy[b][0] - xy[a][0], xy[b][1] - xy[a][1])
        chain = [(0.0, a)] + [(pos, ("p", *point)) for pos, point in sorted(on_segment.get(index, []))]
        chain.append((length, b))
        for (pos_a, node_a), (pos_b, node_b) in zip(chain, chain[1:]):
            connect(node_a, node_b, pos_b - pos_a)
    matrix = np.full((len(source_attach), len(target_attach)), math.inf)
    for s, place in enumerate(source_attach):
        if place is None:
            continue
        reached = dijkstra_python(adjacency, ("s", s))
        for t in range(len(target_attach)):
            matrix[s, t] = reached.get(("t", t), math.inf)
    return matrix


def dijkstra_python(adjacency, start):
    best = {start: 0.0}
    heap = [(0.0, 0, start)]
    counter = 1
    while heap:
        distance, _, node = heapq.heappop(heap)
        if distance > best.get(node, math.inf):
            continue
        for neighbour, weight in adjacency.get(node, []):
            candidate = distance + weight
            if candidate < best.get(neighbour, math.inf):
                best[neighbour] = candidate
                heapq.heappush(heap, (candidate, counter, neighbour))
                counter += 1
    return best


def random_case(seed, max_access=40.0):
    rng = np.random.default_rng(seed)
    lines = random_lines(rng)
    sources = rng.uniform(-60, 560, (20, 2))
    targets = np.concatenate([rng.uniform(-60, 560, (25, 2)), sources[:3]])  # a few coincide
    xy, segments = brute_graph(lines)
    source_attach = brute_attach(sources, xy, segments, max_access)
    target_attach = brute_attach(targets, xy, segments, max_access)
    matrix = brute_distances(xy, segments, source_attach, target_attach)
    net = WalkingNetwork.from_lines(lines)
    return net, net.attach(sources, max_access), net.attach(targets, max_access), matrix, source_attach


@pytest.mark.parametrize("seed", range(25))
def test_nearest_and_pairs_equal_brute_force_dijkstra(seed):
    net, source, target, matrix, brute_source = random_case(seed)
    assert source.on_network.tolist() == [place is not None for place in brute_source]
    np.testing.assert_allclose(
        source.access[source.on_network], [p[2] for p in brute_source if p is not None], atol=1e-9
    )
    for radius in (0.0, 90.0, 250.0, 700.0):
        pairs = net.pairs_within(source, target, radius)
        got = {
            (s, t): d
            for s, t, d in zip(pairs.source.tolist(), pairs.target.tolist(), pairs.distance.tolist())
        }
        expected = {(s, t): matrix[s, t] for s, t in zip(*np.nonzero(matrix <= radius))}
        borderline = {key for key in set(got) ^ set(expected) if abs(matrix[key] - radius) < TOLERANCE}
        assert set(got) - borderline == set(expected) - borderline
        for key in set(got) & set(expected):
            assert got[key] == pytest.approx(expected[key], abs=TOLERANCE)
        assert len(got) == len(pairs.source)  # no pair twice
    for limit in (120.0, 400.0, math.inf):
        distance, index = net.nearest(source, target, limit)
        best = matrix.min(axis=1)
        best[best > limit] = math.inf
        np.testing.assert_allclose(distance, best, atol=TOLERANCE)
        found = index >= 0
        assert found.tolist() == np.isfinite(best).tolist()
        np.testing.assert_allclose(
            matrix[np.flatnonzero(found), index[found]], distance[found], atol=TOLERANCE
        )


@pytest.mark.parametrize("seed", range(6))
def test_tiles_and_batches_do_not_change_the_pairs(seed, monkeypatch):
    net, source, target, _, _ = random_case(seed)
    reference = net.pairs_within(source, target, 300.0)
    monkeypatch.setattr(network_module, "TILE_FACTOR", 0.3)
    monkeypatch.setattr(network_module, "MATRIX_BUDGET", 1)  # one source per Dijkstra batch
    small = net.pairs_within(source, target, 300.0)
    assert sorted(zip(small.source.tolist(), small.target.tolist(), small.distance.tolist())) == sorted(
        zip(reference.source.tolist(), reference.target.tolist(), reference.distance.tolist())
    )


@pytest.mark.parametrize("seed", range(10))
def test_walking_is_never_shorter_than_the_straight_line(seed):
    net, source, target, _, _ = random_case(seed)
    pairs = net.pairs_within(source, target, 2000.0)
    straight = np.hypot(*(source.xy[pairs.source] - target.xy[pairs.target]).T)
    assert len(pairs.source) > 50
    assert np.all(pairs.distance >= straight - 1e-9)
    assert np.any(pairs.distance > straight + 1.0)  # the network is not a straight line everywhere


@pytest.mark.parametrize("seed", range(10))
def test_adding_a_line_never_increases_a_distance(seed):
    rng = np.random.default_rng(100 + seed)
    lines = random_lines(rng)
    net = WalkingNetwork.from_lines(lines)
    a, b = net.node_xy[rng.choice(net.node_count, 2, replace=False)]
    richer = WalkingNetwork.from_lines([*lines, np.array([a, (a + b) / 2 + rng.uniform(-30, 30, 2), b])])
    points = rng.uniform(0, 500, (40, 2))
    before, after = net.attach(points), richer.attach(points)
    # Only points whose attachment is unchanged are comparable (a new line may be nearer).
    same = before.on_network & after.on_network & (np.abs(before.access - after.access) < 1e-9)
    old = net.pairs_within(before, before, 3000.0)
    new = richer.pairs_within(after, after, 3000.0)
    old_distance = dict(zip(zip(old.source.tolist(), old.target.tolist()), old.distance.tolist()))
    new_distance = dict(zip(zip(new.source.tolist(), new.target.tolist()), new.distance.tolist()))
    compared = [key for key in old_distance if same[key[0]] and same[key[1]]]
    assert len(compared) > 100
    assert all(new_distance[key] <= old_distance[key] + 1e-9 for key in compared)


@pytest.mark.parametrize("seed", range(5))
def test_walking_coverage_is_within_straight_line_coverage(seed):
    rng = np.random.default_rng(200 + seed)
    net = WalkingNetwork.from_lines(random_lines(rng))
    demand_xy, charge_xy = rng.uniform(0, 500, (300, 2)), rng.uniform(0, 500, (6, 2))
    walking = net.nearest(net.attach(demand_xy), net.attach(charge_xy), 250.0).distance <= 250.0
    straight = (
        np.hypot(*(demand_xy[:, None, :] - charge_xy[None, :, :]).transpose(2, 0, 1)).min(axis=1) <= 250.0
    )
    assert not np.any(walking & ~straight)
    assert walking.sum() < straight.sum()


def test_save_and_load_give_identical_results(tmp_path):
    rng = np.random.default_rng(7)
    net = WalkingNetwork.from_lines(random_lines(rng))
    path = tmp_path / "network.cache"  # no .npz suffix: the file must be written exactly here
    net.save(path)
    assert [p.name for p in tmp_path.iterdir()] == ["network.cache"]
    loaded = WalkingNetwork.load(path)
    points = rng.uniform(0, 500, (60, 2))
    for name in ("node_xy", "segment_u", "segment_v", "segment_length", "component_labels"):
        assert np.array_equal(getattr(net, name), getattr(loaded, name))
    assert (loaded.skipped_lines, loaded.skipped_segments, loaded.duplicate_segments) == (
        net.skipped_lines,
        net.skipped_segments,
        net.duplicate_segments,
    )
    a, b = net.attach(points), loaded.attach(points)
    for field in ("segment", "fraction", "access", "offset_u", "offset_v", "on_network"):
        assert np.array_equal(getattr(a, field), getattr(b, field), equal_nan=field == "fraction")
    assert all(np.array_equal(x, y) for x, y in zip(net.nearest(a, a, 300.0), loaded.nearest(b, b, 300.0)))
    assert all(
        np.array_equal(x, y) for x, y in zip(net.pairs_within(a, a, 300.0), loaded.pairs_within(b, b, 300.0))
    )


def test_loading_a_broken_file_explains_what_to_do(tmp_path):
    path = tmp_path / "broken.npz"
    path.write_bytes(b"not a network")
    with pytest.raises(InputError, match=r"cannot be read .*Delete it"):
        WalkingNetwork.load(path)
    np.savez(tmp_path / "old.npz", format_version=np.int64(0))
    with pytest.raises(InputError, match="another version of EV Planner"):
        WalkingNetwork.load(tmp_path / "old.npz")
