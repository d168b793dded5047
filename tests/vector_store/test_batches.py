"""Writes and reads are cut into pieces a Chroma server accepts."""

from __future__ import annotations

import pytest

from vector_store.batches import MAX_CHARS_PER_CALL, slices


@pytest.mark.parametrize(
    ("sizes", "max_items", "expected"),
    [
        pytest.param([], 3, [], id="nothing"),
        pytest.param([1] * 7, 3, [(0, 3), (3, 6), (6, 7)], id="by-count"),
        pytest.param([1] * 3, 5, [(0, 3)], id="one-piece"),
        pytest.param(
            [MAX_CHARS_PER_CALL // 2] * 3 + [1],
            100,
            [(0, 2), (2, 4)],
            id="by-characters",
        ),
        pytest.param([MAX_CHARS_PER_CALL * 2, 1], 100, [(0, 1), (1, 2)], id="oversized-alone"),
    ],
)
def test_slices(sizes: list[int], max_items: int, expected: list[tuple[int, int]]) -> None:
    assert [(part.start, part.stop) for part in slices(sizes, max_items)] == expected
