"""Weighted reciprocal rank fusion."""

from __future__ import annotations

import pytest

from bot.engine.fusion import RRF_K, fuse


def rrf(*ranks_and_weights: tuple[int, float]) -> float:
    """The fused score of an item at these 0-based ranks with these weights."""
    return sum(weight / (RRF_K + rank + 1) for rank, weight in ranks_and_weights)


def test_an_item_both_rankings_agree_on_comes_first() -> None:
    fused = fuse([["a", "b", "c"], ["a", "c", "d"]], [1.0, 1.0])

    assert [item for item, _ in fused] == ["a", "c", "b", "d"]
    assert dict(fused) == pytest.approx(
        {"a": rrf((0, 1), (0, 1)), "c": rrf((2, 1), (1, 1)), "b": rrf((1, 1)), "d": rrf((2, 1))}
    )


@pytest.mark.parametrize(
    ("weights", "order"),
    [
        pytest.param([1.0, 1.0], ["x", "y"], id="equal-weights-tie-keeps-first-seen"),
        pytest.param([1.0, 2.0], ["y", "x"], id="heavier-second-ranking-wins"),
        pytest.param([2.0, 1.0], ["x", "y"], id="heavier-first-ranking-wins"),
        pytest.param([0.0, 1.0], ["y", "x"], id="zero-weight-ranking-ignored"),
    ],
)
def test_weights_decide_between_two_rankings(weights: list[float], order: list[str]) -> None:
    fused = fuse([["x", "y"], ["y", "x"]], weights)

    assert [item for item, _ in fused] == order


def test_a_zero_weight_ranking_still_lists_its_items_with_score_zero() -> None:
    fused = dict(fuse([["dense-only"], ["lexical"]], [0.0, 1.0]))

    assert fused == {"lexical": pytest.approx(rrf((0, 1))), "dense-only": 0.0}


def test_empty_rankings_give_nothing() -> None:
    assert fuse([[], []], [1.0, 1.0]) == []


def test_each_ranking_needs_a_weight() -> None:
    with pytest.raises(ValueError, match="zip"):
        fuse([["a"], ["b"]], [1.0])
