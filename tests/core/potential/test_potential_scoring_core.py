"""Scoring of candidate sites: known answers on hand-made inputs, weight parsing, errors."""

from __future__ import annotations

import numpy as np
import pytest

from ev_planner.core.errors import InputError
from ev_planner.core.potential.scoring import (
    explain,
    parse_weights,
    rank_descending,
    robust_max,
    score_candidates,
)
from ev_planner.core.potential.spatial import make_tree, weighted_sums_within


def test_parse_weights_defaults_and_missing_keys():
    assert parse_weights("") == {"demand": 0.5, "gap": 0.3, "poi": 0.1, "usage": 0.1}
    assert parse_weights(" demand = 2 ; poi=1 ") == {"demand": 2.0, "gap": 0.0, "poi": 1.0, "usage": 0.0}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("demand=0.5,parking=0.5", "unknown factor 'parking'"),
        ("demand=-1", ">= 0"),
        ("demand=abc", "not a number"),
        ("demand=nan", ">= 0"),
        ("demand=0,gap=0", "above 0"),
        ("demand", "factor=value"),
        ("demand=1,demand=2", "twice"),
    ],
)
def test_parse_weights_refuses_bad_text(text, message):
    with pytest.raises(InputError, match=message):
        parse_weights(text)


def test_known_answer_small_case():
    candidates = [[0, 0], [1000, 0], [0, 100]]
    demand = [[0, 10], [0, 20], [1000, 0], [0, 300]]
    result = score_candidates(
        candidates,
        demand,
        [1, 2, 5, 1],
        charge_points_xy=[[0, 200]],
        poi_xy=[[0, 0]],
        usage_xy=[[0, 50]],
        usage_occupancy=[80],
        radius=250,
    )
    np.testing.assert_allclose(result.demand_within, [3, 5, 4])
    # (0,10), (0,20) and (0,300) are within 250 m of the charge point at (0,200): served.
    np.testing.assert_allclose(result.unserved_within, [0, 5, 0])
    np.testing.assert_allclose(result.nearest_existing_m, [200, np.hypot(1000, 200), 100])
    top = np.percentile([3, 5, 4], 95)
    np.testing.assert_allclose(result.f_demand, np.minimum(1, np.array([3, 5, 4]) / top))
    np.testing.assert_allclose(result.f_gap, [0.5 * 0 + 0.5 * 200 / 500, 0.5 + 0.5, 0.5 * 100 / 500])
    np.testing.assert_array_equal(result.poi_count, [1, 0, 1])
    np.testing.assert_allclose(result.f_usage, [0.8 * 0.8, 0, 0.8 * 0.8])
    expected = 100 * (0.5 * result.f_demand + 0.3 * result.f_gap + 0.1 * result.f_poi + 0.1 * result.f_usage)
    np.testing.assert_allclose(result.score, expected)
    np.testing.assert_array_equal(result.rank, [3, 1, 2])
    reasons = explain(result, "households")
    assert reasons[1] == "5 households within 250 m; nearest charge point 1,020 m"
    assert "busy charge point 50 m away (80% occupied)" in reasons[0]


def test_absent_factors_weigh_zero_and_are_reported():
    result = score_candidates([[0, 0], [500, 0]], [[0, 0], [0, 1], [500, 0]], radius=100)
    assert result.absent == ["gap", "poi", "usage"]
    assert result.weights == {"demand": 1.0, "gap": 0.0, "poi": 0.0, "usage": 0.0}
    np.testing.assert_allclose(result.score, 100 * result.f_demand)
    with pytest.raises(InputError, match="poi"):
        score_candidates([[0, 0]], [[0, 0]], weights="poi=1")


def test_usage_takes_busiest_point_discounted_by_distance():
    result = score_candidates(
        [[0, 0]],
        [[0, 0]],
        usage_xy=[[100, 0], [0, 200], [0, 300]],
        usage_occupancy=[50, 100, 100],
        radius=250,
    )
    # 0.5 * (1 - 100/250) = 0.30; 1.0 * (1 - 200/250) = 0.20; the point at 300 m is out of reach.
    np.testing.assert_allclose(result.f_usage, [0.3])
    assert result.usage_occupancy[0] == 50


def test_factors_stay_within_unit_interval_on_random_input():
    rng = np.random.default_rng(3)
    result = score_candidates(
        rng.uniform(0, 2000, (500, 2)),
        rng.uniform(0, 2000, (3000, 2)),
        rng.uniform(0, 10, 3000),
        charge_points_xy=rng.uniform(0, 2000, (30, 2)),
        poi_xy=rng.uniform(0, 2000, (40, 2)),
        usage_xy=rng.uniform(0, 2000, (30, 2)),
        usage_occupancy=rng.uniform(0, 100, 30),
    )
    for values in (result.f_demand, result.f_gap, result.f_poi, result.f_usage):
        assert values.min() >= 0
        assert values.max() <= 1
    assert result.score.min() >= 0
    assert result.score.max() <= 100
    assert sorted(result.rank)[0] == 1


def test_weighted_sums_match_brute_force_across_chunks(monkeypatch):
    import ev_planner.core.potential.spatial as spatial

    monkeypatch.setattr(spatial, "CHUNK_SIZE", 37)  # many chunks, several threads
    rng = np.random.default_rng(5)
    queries, points = rng.uniform(0, 1000, (400, 2)), rng.uniform(0, 1000, (2000, 2))
    weights = rng.uniform(0, 3, 2000)
    (sums,) = weighted_sums_within(queries, make_tree(points), 120.0, [weights])
    distance = np.hypot(*(queries[:, None, :] - points[None, :, :]).transpose(2, 0, 1))
    np.testing.assert_allclose(sums, (weights * (distance <= 120.0)).sum(axis=1))


def test_rank_ties_share_the_lowest_rank_and_robust_max():
    np.testing.assert_array_equal(rank_descending(np.array([5.0, 7.0, 5.0, 1.0])), [2, 1, 2, 4])
    assert robust_max(np.zeros(4)) == 0
    assert robust_max(np.array([0, 0, 10.0])) == 10


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"candidates_xy": np.zeros((0, 2)), "demand_xy": [[0, 0]]}, "no candidates"),
        ({"candidates_xy": [[0, 0]], "demand_xy": np.zeros((0, 2))}, "no demand"),
        ({"candidates_xy": [[0, 0]], "demand_xy": [[0, 0]], "demand_weight": [-1]}, "negative"),
        ({"candidates_xy": [[0, 0]], "demand_xy": [[0, 0]], "radius": 0}, "RADIUS"),
        (
            {
                "candidates_xy": [[0, 0]],
                "demand_xy": [[0, 0]],
                "usage_xy": [[0, 0]],
                "usage_occupancy": [130],
            },
            "between 0 and 100",
        ),
        ({"candidates_xy": [[0, np.nan]], "demand_xy": [[0, 0]]}, "finite"),
    ],
)
def test_bad_input_is_refused(kwargs, message):
    with pytest.raises(InputError, match=message):
        score_candidates(**kwargs)


def test_progress_callback_can_cancel():
    from ev_planner.core.errors import CanceledError

    with pytest.raises(CanceledError):
        score_candidates([[0, 0]], [[0, 0]], progress=lambda share: False)
