"""Signals read block by block: parts read from a sample on, and decoding ahead in a thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from audionews.audio import Signal, Spool, read_ahead

CUTS = [(0, 10), (0, 70_000), (1, 2), (65_535, 65_537), (12_345, 140_000), (139_990, 150_000)]


def _samples() -> np.ndarray:
    return np.random.default_rng(7).uniform(-1, 1, 140_000).astype(np.float32)


def _unseekable(x: np.ndarray) -> Signal:
    def pieces() -> Iterator[np.ndarray]:
        for i in range(0, x.size, 7777):  # odd piece sizes
            yield x[i : i + 7777]

    return Signal(x.size, pieces)


def test_parts_are_the_samples_of_the_range(tmp_path: Path) -> None:
    """Whether the source seeks (a spool, an array) or is read and skipped, a part holds
    exactly the samples of its range, clipped to the signal, and parts of parts too."""
    x = _samples()
    spool = Spool(tmp_path)
    spool.write(x[:50_000])
    spool.write(x[50_000:])
    for signal in (spool.signal(), Signal.of(x), _unseekable(x)):
        for start, stop in CUTS:
            part = signal.part(start, stop)
            assert len(part) == len(x[start:stop])
            assert np.array_equal(np.concatenate(list(part.pieces()) or [x[:0]]), x[start:stop])
            assert np.array_equal(signal.slice(start, stop), x[start:stop])
        inner = signal.part(1000, 100_000).part(333, 80_000)
        assert np.array_equal(inner.slice(0, len(inner)), x[1333:81_000])


def test_a_spool_part_reads_only_its_own_samples(tmp_path: Path) -> None:
    spool = Spool(tmp_path)
    spool.write(_samples())
    reads: list[int] = []
    real = spool.read

    def counted(start: int, count: int, block: int = 1 << 16) -> Iterator[np.ndarray]:
        reads.append(start)
        return real(start, count, block)

    spool.read = counted  # type: ignore[method-assign]
    assert spool.signal().slice(100_000, 100_010).size == 10
    assert reads == [100_000]


def test_read_ahead_keeps_order_passes_errors_and_stops_with_the_consumer() -> None:
    def pieces(n: int, fail_at: int | None = None) -> Iterator[np.ndarray]:
        for i in range(n):
            if i == fail_at:
                raise ValueError("decoder failed")
            yield np.full(4, i, dtype=np.float32)

    assert [int(p[0]) for p in read_ahead(pieces(50))] == list(range(50))
    with pytest.raises(ValueError, match="decoder failed"):
        list(read_ahead(pieces(50, fail_at=7)))
    early = read_ahead(pieces(10_000))
    next(early)
    early.close()
    deadline = time.monotonic() + 5
    while any(t.name == "audionews-read-ahead" for t in threading.enumerate()):
        assert time.monotonic() < deadline, "the reading thread did not stop"
        time.sleep(0.01)
