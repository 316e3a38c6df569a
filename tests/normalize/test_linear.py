"""Normalization stays linear-time on long runs of one character (no regex backtracking)."""

from __future__ import annotations

import time

import pytest

from audionews.normalize import normalize_text

RUNS = ["-", "*", "_", "a-", "A.", "1/", "1-", "AB-", "a&", ". ", "- ", "@", "1,", "A", "1"]


def _seconds(text: str) -> float:
    start = time.perf_counter()
    normalize_text(text)
    return time.perf_counter() - start


@pytest.mark.parametrize("unit", RUNS)
def test_hundred_kilobytes_of_one_pattern_is_fast(unit: str) -> None:
    text = unit * (100_000 // len(unit))
    assert _seconds(text) < 5.0, f"{unit!r} * {len(text) // len(unit)} is too slow"


@pytest.mark.parametrize("unit", ["-", "_", "a-"])
def test_four_times_the_text_is_not_sixteen_times_the_time(unit: str) -> None:
    small = min(_seconds(unit * (10_000 // len(unit))) for _ in range(2))
    large = _seconds(unit * (40_000 // len(unit)))
    assert large < 10 * small + 0.2, (small, large)  # linear is ~4x, quadratic ~16x
