"""The BS.1770 meter, true peak and loudness normalization, checked against pyloudnorm."""

from __future__ import annotations

import math

import numpy as np
import pytest
from broadcast_support import tone
from typer.testing import CliRunner

from audionews.loudness import integrated_loudness, measure, normalize, true_peak_db

runner = CliRunner()


@pytest.mark.parametrize("freq", [100.0, 997.0, 5000.0])
def test_meter_agrees_with_pyloudnorm(freq: float) -> None:
    pyln = pytest.importorskip("pyloudnorm")
    rate = 48000
    rng = np.random.default_rng(1)
    x = tone(8.0, rate, freq, 0.3) * (0.5 + 0.5 * np.sin(np.arange(8 * rate) / rate)).astype(
        np.float32
    ) + rng.normal(0, 0.01, 8 * rate).astype(np.float32)
    ours = integrated_loudness(x, rate)
    theirs = pyln.Meter(rate).integrated_loudness(x.astype(np.float64))
    assert ours == pytest.approx(theirs, abs=0.1)


def test_true_peak_finds_inter_sample_peaks() -> None:
    rate = 48000
    n = np.arange(rate)
    x = np.sin(2 * np.pi * (rate / 4) * n / rate + np.pi / 4).astype(np.float32) * 0.5
    sample_peak = 20 * math.log10(float(np.abs(x).max()))
    assert sample_peak == pytest.approx(-9.03, abs=0.05)  # samples miss the crest
    assert true_peak_db(x, rate) == pytest.approx(-6.02, abs=0.3)


@pytest.mark.parametrize(("target", "ceiling"), [(-16.0, -1.5), (-23.0, -1.0)])
def test_normalize_speech_like_signal(target: float, ceiling: float) -> None:
    rate = 22050
    rng = np.random.default_rng(7)
    bursts = np.concatenate(
        [tone(0.3, rate, f, 0.9) for f in rng.uniform(120, 900, 40)]
        + [np.zeros(rate // 2, dtype=np.float32)]
    )
    y, result = normalize(bursts, rate, target, ceiling)
    assert result.integrated == pytest.approx(target, abs=0.1)
    assert result.true_peak <= ceiling + 0.05
    assert measure(y, rate).integrated == pytest.approx(target, abs=0.1)


def test_unreachable_target_is_a_clear_error() -> None:
    rate = 22050
    spiky = np.zeros(rate * 4, dtype=np.float32)
    spiky[:: rate // 10] = 1.0
    with pytest.raises(ValueError, match="cannot be reached"):
        normalize(spiky, rate, -6.0, -1.0)


def test_streamed_meter_and_normalization_agree_with_in_memory() -> None:
    """The block-by-block meter reads what the in-memory one reads, and normalizing a signal
    read in blocks lands on the target under the ceiling."""
    from audionews.audio import Signal
    from audionews.loudness import measure_signal, normalize_signal

    rate = 22050
    rng = np.random.default_rng(5)
    x = np.concatenate(
        [
            tone(0.35, rate, f, a)
            for f, a in zip(rng.uniform(100, 3000, 200), rng.uniform(0.05, 0.9, 200), strict=True)
        ]
        + [np.zeros(rate, dtype=np.float32)]
    )
    whole = measure(x, rate)

    def pieces():
        for i in range(0, x.size, 7777):  # odd piece sizes: blocks are cut across them
            yield x[i : i + 7777]

    signal = Signal(x.size, pieces)
    streamed = measure_signal(signal, rate)
    assert streamed.integrated == pytest.approx(whole.integrated, abs=0.01)
    assert streamed.loudness_range == pytest.approx(whole.loudness_range, abs=0.01)
    assert streamed.true_peak == pytest.approx(whole.true_peak, abs=0.01)
    y, result = normalize_signal(signal, rate, -16.0, -1.5)
    out = np.concatenate(list(y.blocks()))
    assert out.size == x.size
    assert result.integrated == pytest.approx(-16.0, abs=0.1)
    assert measure(out, rate).integrated == pytest.approx(-16.0, abs=0.1)
    assert true_peak_db(out, rate) <= -1.5 + 0.05


def test_running_minimum_is_the_sliding_window_minimum() -> None:
    """The limiter's linear-time running minimum gives what a sliding window gives, for any
    width and length (the limiter's curve, and so the audio, is unchanged)."""
    from numpy.lib.stride_tricks import sliding_window_view

    from audionews.loudness import _running_min

    rng = np.random.default_rng(11)
    for n, width in [(1, 1), (5, 5), (100, 7), (1000, 55), (1001, 27), (55, 2), (4096, 1)]:
        x = np.minimum(1.0, rng.uniform(0.2, 1.4, n)).astype(np.float32)
        want = sliding_window_view(x, width).min(axis=1)
        assert np.array_equal(_running_min(x, width), want)


def test_a_limited_signal_read_from_any_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    """The gain and limiter curve applied from the middle of a limiter block (a part of the
    normalized programme, as the second MP3 half reads it) are those of a whole pass."""
    import audionews.loudness as loudness
    from audionews.audio import Signal

    rate = 22050
    x = tone(12.0, rate, 440.0, 0.1)
    x[:: rate // 4] += 0.8  # clicks: the limiter has work to do
    limited: list[int] = []
    expand = loudness._expand
    monkeypatch.setattr(loudness, "_expand", lambda *a: limited.append(1) or expand(*a))
    y, _ = loudness.normalize_signal(Signal.of(x), rate, -12.0, -3.0)
    whole = y.array()
    assert limited
    for start in (1, 31, 32, 65_537, whole.size // 2 + 5):
        assert np.array_equal(y.slice(start, start + 50_000), whole[start : start + 50_000])


def test_limiter_curve_in_chunks_is_the_curve_in_one_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    """The limiter's curve is computed in chunks of blocks (bounded memory); chunk edges change
    nothing: the same values as the whole-array definition (a min filter then a moving mean)."""
    from numpy.lib.stride_tricks import sliding_window_view

    import audionews.loudness as loudness

    def whole(peaks: np.ndarray, ceiling: float, rate: int) -> np.ndarray:
        need = np.minimum(1.0, ceiling / np.maximum(peaks, 1e-12)).astype(np.float32)
        half = max(2, int(rate * 20.0 / 1000 / 32))
        held = sliding_window_view(np.pad(need, half, mode="edge"), 2 * half + 1).min(axis=1)
        padded = np.pad(held, (half // 2, half - half // 2 - 1), mode="edge")
        csum = np.concatenate(([0.0], np.cumsum(padded, dtype=np.float64)))
        return np.minimum((csum[half:] - csum[:-half]) / half, need).astype(np.float32)

    rng = np.random.default_rng(4)
    for chunk in (5, 333, 1 << 18):
        monkeypatch.setattr(loudness, "_CHUNK", chunk)
        for n in (1, 4, 60, 2000):
            for rate in (22050, 48000):
                peaks = rng.uniform(0.0, 1.4, n).astype(np.float32)
                peaks[0] = 1.4  # at least one block to limit
                got = loudness._smooth_gain(peaks, 0.9, rate, 20.0)
                assert got is not None and np.array_equal(got, whole(peaks, 0.9, rate))
    assert loudness._smooth_gain(np.full(10, 0.5, dtype=np.float32), 0.9, 22050, 20.0) is None


def test_a_shortfall_within_the_allowed_miss_is_kept_and_reported() -> None:
    """Where the ceiling stops the limiter a little short of the target (an MP3 mastered again
    under a lower ceiling), a miss within ``max_miss`` is kept with its true loudness."""
    from audionews.audio import Signal
    from audionews.loudness import normalize_signal

    rate = 22050
    spiky = np.zeros(rate * 4, dtype=np.float32)
    spiky[:: rate // 10] = 1.0
    x = spiky + tone(4.0, rate, 440, 0.02)[: spiky.size]
    _, stop = normalize_signal(Signal.of(x), rate, -6.0, -3.0, max_miss=60.0)
    target = stop.integrated + 0.7
    with pytest.raises(ValueError, match="cannot be reached"):
        normalize_signal(Signal.of(x), rate, target, -3.0)
    _, kept = normalize_signal(Signal.of(x), rate, target, -3.0, max_miss=1.0)
    assert kept.integrated == pytest.approx(stop.integrated, abs=0.2)
    assert kept.true_peak <= -3.0 + 0.05
