"""Loudness per ITU-R BS.1770-4 / EBU R128, and a true-peak limiter, in plain numpy.

- :func:`measure`: integrated loudness (gated), loudness range (EBU Tech 3342), maximum
  momentary and short-term loudness, true peak (4x polyphase oversampling, BS.1770-4 Annex 2).
- :func:`normalize`: brings a whole programme to a loudness target under a true-peak ceiling:
  one gain for the programme, and a look-ahead limiter only where true peaks would exceed the
  ceiling; the gain is searched until the integrated loudness lands within 0.05 LU.

Design, measured on a 5-minute programme (2 cores): pyloudnorm needed 0.56 s to measure 160 s
and scipy.signal costs ~1 s just to import, so the K-weighting is applied in the frequency
domain per 100 ms step (Parseval), the interpolation filter is a windowed sinc, and the
limiter's gain is computed on 32-sample blocks. Results agree with ffmpeg's ebur128 filter
within 0.1 LU / 0.1 dB (tests check this where ffmpeg exists, and against pyloudnorm).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from numpy.typing import NDArray

from audionews.audio import BLOCK, Signal

__all__ = [
    "Loudness",
    "db_to_gain",
    "integrated_loudness",
    "limit",
    "limit_signal",
    "measure",
    "measure_signal",
    "normalize",
    "normalize_signal",
    "true_peak_db",
    "true_peak_envelope",
]

Float = NDArray[np.float32]
_ABS_GATE = -70.0
_MIN_DB = -120.0
_MARGIN_DB = 0.1  # the limiter aims this far below the ceiling (interpolation between gains)
_TAPS_PER_PHASE = 12
_BLOCK = 1 << 18
_DECIMATE = 32  # the limiter's gain is computed on blocks of this many samples
_CHUNK = 1 << 18  # blocks at a time in the limiter's filters (bounded working memory)


@dataclass(frozen=True)
class Loudness:
    """Loudness figures of a signal (LUFS, LU, dBTP)."""

    integrated: float
    loudness_range: float
    max_momentary: float
    max_short_term: float
    true_peak: float

    def describe(self) -> str:
        return (
            f"{self.integrated:.1f} LUFS, LRA {self.loudness_range:.1f} LU, "
            f"true peak {self.true_peak:.1f} dBTP"
        )


def db_to_gain(db: float) -> float:
    return float(10.0 ** (db / 20.0))


# --- K-weighted energy -----------------------------------------------------------------------


def _k_weighting(rate: int) -> list[tuple[float, ...]]:
    """The two biquads of BS.1770 K-weighting at ``rate`` (libebur128's formulation)."""
    f0 = 1681.974450955533
    g = 3.999843853973347
    q = 0.7071752369554196
    k = math.tan(math.pi * f0 / rate)
    vh = 10.0 ** (g / 20.0)
    vb = vh**0.4996667741545416
    a0 = 1.0 + k / q + k * k
    shelf = (
        (vh + vb * k / q + k * k) / a0,
        2.0 * (k * k - vh) / a0,
        (vh - vb * k / q + k * k) / a0,
        1.0,
        2.0 * (k * k - 1.0) / a0,
        (1.0 - k / q + k * k) / a0,
    )
    f0 = 38.13547087602444
    q = 0.5003270373238773
    k = math.tan(math.pi * f0 / rate)
    d = 1.0 + k / q + k * k
    highpass = (1.0, -2.0, 1.0, 1.0, 2.0 * (k * k - 1.0) / d, (1.0 - k / q + k * k) / d)
    return [shelf, highpass]


def _k_power(n: int, rate: int) -> NDArray[np.float64]:
    """|K(f)|^2 at the rfft bins of an ``n``-sample block, doubled for the bins that stand for
    two (Parseval for a real signal)."""
    w = 2.0 * np.pi * np.fft.rfftfreq(n, d=1.0 / rate) / rate
    z = np.exp(-1j * w)
    power = np.ones_like(w)
    for b0, b1, b2, a0, a1, a2 in _k_weighting(rate):
        h = (b0 + b1 * z + b2 * z * z) / (a0 + a1 * z + a2 * z * z)
        power *= np.abs(h) ** 2
    power[1 : (n + 1) // 2] *= 2.0
    return power / n


@functools.lru_cache(maxsize=8)
def _k_weight(n: int, rate: int) -> Float:
    """:func:`_k_power` as float32, computed once per block length and rate."""
    weight: Float = _k_power(n, rate).astype(np.float32)
    weight.flags.writeable = False
    return weight


def _step_energies(x: Float, rate: int) -> tuple[NDArray[np.float64], int]:
    """Sum of squared K-weighted samples per 100 ms step, and the step length.

    In the frequency domain: each step's power spectrum weighted by |K(f)|^2. The only
    difference from running the IIR filter is its memory across step edges.
    """
    step = rate // 10
    n = len(x) // step
    if n == 0:
        return np.zeros(0), step
    weight = _k_weight(step, rate)
    blocks = x[: n * step].reshape(n, step)

    def energies(part: Float) -> NDArray[np.float64]:
        spectra = np.fft.rfft(part, axis=1)
        power = spectra.real**2 + spectra.imag**2
        # einsum, not "@": no BLAS, whose thread pool must not be busy if a process forks
        return np.asarray(np.einsum("ij,j->i", power, weight), dtype=np.float64)

    if n < 2000:
        return energies(blocks), step
    # numpy's FFT releases the GIL: two halves on two cores.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as pool:
        halves = list(pool.map(energies, (blocks[: n // 2], blocks[n // 2 :])))
    return np.concatenate(halves), step


def _window_loudness(energies: NDArray[np.float64], steps: int, step: int) -> NDArray[np.float64]:
    """Loudness of every window of ``steps`` consecutive 100 ms steps, hopping one step."""
    if len(energies) < steps:
        return np.empty(0)
    csum = np.concatenate(([0.0], np.cumsum(energies)))
    power = np.maximum((csum[steps:] - csum[:-steps]) / (steps * step), 1e-20)
    return np.asarray(-0.691 + 10.0 * np.log10(power), dtype=np.float64)


def _gated_mean(loud: NDArray[np.float64], relative: float) -> float:
    """Energy mean of windows above the absolute gate and ``relative`` LU below their mean."""
    kept = loud[loud > _ABS_GATE]
    if kept.size == 0:
        return _MIN_DB
    mean = 10.0 * np.log10(np.mean(10.0 ** (kept / 10.0)))
    kept = kept[kept > mean + relative]
    if kept.size == 0:
        return _MIN_DB
    return float(10.0 * np.log10(np.mean(10.0 ** (kept / 10.0))))


def integrated_loudness(x: Float, rate: int) -> float:
    """Gated integrated loudness in LUFS (BS.1770-4)."""
    energies, step = _step_energies(x, rate)
    return _gated_mean(_window_loudness(energies, 4, step), -10.0)


# --- true peak -------------------------------------------------------------------------------


def _oversampling(rate: int) -> int:
    """4x, as BS.1770-4 specifies for 48 kHz (2x from 96 kHz up)."""
    return 2 if rate >= 96000 else 4


@functools.lru_cache(maxsize=4)
def _phase_filters(factor: int) -> Float:
    """Polyphase interpolation filters (Hann-windowed sinc), one row per phase, reversed for
    use on a sliding window of samples (computed once per factor)."""
    taps = _TAPS_PER_PHASE * factor
    n = np.arange(taps) - (taps - 1) / 2
    h = np.sinc(n / factor) * np.hanning(taps + 2)[1:-1]
    phases = np.stack([h[p::factor] for p in range(factor)])
    phases /= phases.sum(axis=1, keepdims=True)  # unity gain at DC for every phase
    filters: Float = np.ascontiguousarray(phases[:, ::-1], dtype=np.float32)
    filters.flags.writeable = False
    return filters


def true_peak_envelope(x: Float, rate: int, floor: float = 0.0) -> Float:
    """Per-sample true-peak magnitude: the largest |value| among each sample and the values
    interpolated around it.

    Only samples whose neighbourhood reaches ``floor`` are interpolated (inter-sample peaks stay
    within a few dB of the samples around them), which keeps this fast on speech.
    """
    env = np.abs(x).astype(np.float32)
    if len(x) == 0:
        return env
    near = env.copy()
    np.maximum(near[1:], env[:-1], out=near[1:])
    np.maximum(near[:-1], env[1:], out=near[:-1])
    idx = np.flatnonzero(near >= floor) if floor > 0 else np.arange(len(x))
    if idx.size == 0:
        return env
    filters = _phase_filters(_oversampling(rate))
    half = _TAPS_PER_PHASE // 2
    padded = np.zeros(len(x) + 2 * half, dtype=np.float32)  # np.pad, without its overhead
    padded[half : half + len(x)] = x
    around = sliding_window_view(padded, _TAPS_PER_PHASE)  # row i: the taps around sample i
    for start in range(0, idx.size, _BLOCK):
        block = idx[start : start + _BLOCK]
        # one row per phase, so the maximum runs along the long axis (far faster than across 4)
        values = np.abs(np.einsum("ij,kj->ki", around[block], filters)).max(axis=0)
        env[block] = np.maximum(env[block], values)
    return env


def true_peak_db(x: Float, rate: int) -> float:
    """Maximum true peak in dBTP."""
    if len(x) == 0:
        return _MIN_DB
    sample_peak = float(np.max(np.abs(x)))
    if sample_peak <= 0:
        return _MIN_DB
    peak = float(np.max(true_peak_envelope(x, rate, floor=sample_peak * db_to_gain(-4.0))))
    return 20.0 * math.log10(peak)


def measure(x: Float, rate: int) -> Loudness:
    """Integrated loudness, loudness range, max momentary/short-term loudness and true peak."""
    energies, step = _step_energies(x, rate)
    return _measure_from(energies, step, x, rate)


def _measure_from(energies: NDArray[np.float64], step: int, x: Float, rate: int) -> Loudness:
    integrated, lra, momentary, short_term = _measure_parts(energies, step)
    return Loudness(integrated, lra, momentary, short_term, true_peak_db(x, rate))


# --- limiter and normalization ---------------------------------------------------------------


def _block_peaks(env: Float) -> Float:
    """The largest envelope value in each block of ``_DECIMATE`` samples."""
    if len(env) == 0:
        return np.zeros(0, dtype=np.float32)
    starts = np.arange(0, len(env), _DECIMATE)
    peaks: Float = np.maximum.reduceat(env.astype(np.float32, copy=False), starts)
    return peaks


def _running_min(x: Float, width: int) -> Float:
    """The minimum of every ``width`` consecutive values (``len(x) - width + 1`` of them), as
    ``sliding_window_view(x, width).min(axis=1)`` gives, in linear time (van Herk/Gil-Werman:
    a window spans at most two aligned blocks of ``width``: the suffix minimum of one and the
    prefix minimum of the next)."""
    n = x.size
    count = n - width + 1
    rows = -(-n // width)
    padded = np.full(rows * width, np.inf, dtype=np.float32)
    padded[:n] = x
    blocks = padded.reshape(rows, width)
    prefix = np.minimum.accumulate(blocks, axis=1).reshape(-1)
    suffix = np.minimum.accumulate(blocks[:, ::-1], axis=1)[:, ::-1].reshape(-1)
    out: Float = np.minimum(suffix[:count], prefix[width - 1 : width - 1 + count])
    return out


def _held_ends(x: Float, start: int, stop: int) -> Float:
    """``x[start:stop]``, its first and last values repeated where the range goes past the ends
    (``np.pad(x, mode="edge")``; a view when it does not)."""
    if start >= 0 and stop <= x.size:
        return x[start:stop]
    out: Float = x[np.clip(np.arange(start, stop), 0, x.size - 1)]
    return out


def _smooth_gain(peaks: Float, ceiling: float, rate: int, window_ms: float) -> Float | None:
    """The limiter's gain at the start of every block of ``_DECIMATE`` samples, <= ceiling/peak
    of every block (None: no block needs limiting).

    A min filter over +-H blocks, then a mean over H blocks (each averaged value is a minimum
    over a window that contains the block); between block starts the gain is a linear ramp,
    both ends <= the need of the samples between them.
    """
    need = np.maximum(peaks, 1e-12, dtype=np.float32)  # min(1, ceiling / peak), in place
    np.divide(ceiling, need, out=need)
    np.minimum(need, 1.0, out=need)
    if need.size == 0 or float(need.min()) >= 1.0:
        return None
    half = max(2, int(rate * window_ms / 1000 / _DECIMATE))
    n = need.size
    smooth: Float = np.empty(n, dtype=np.float32)
    carry = 0.0  # the running sum (float64) of the held minima before the chunk
    # In chunks, so the working arrays stay small whatever the programme's length; the sums run
    # in the same order as one cumulative sum over everything, so the values are the same.
    for i0 in range(0, n, _CHUNK):
        i1 = min(n, i0 + _CHUNK)
        # the held minima at i0 - half//2 .. i1 + half - half//2 - 2 (held at the ends)
        first, stop = i0 - half // 2, i1 + half - 1 - half // 2
        lo, hi = max(0, first), min(n, stop)
        held = _running_min(_held_ends(need, lo - half, hi + half), 2 * half + 1)
        held = _held_ends(held, first - lo, stop - lo)
        sums = np.empty(held.size + 1, dtype=np.float64)
        sums[0] = carry
        sums[1:] = held
        np.cumsum(sums, out=sums)
        carry = float(sums[i1 - i0])
        mean = (sums[half : half + i1 - i0] - sums[: i1 - i0]) / half
        smooth[i0:i1] = np.minimum(mean, need[i0:i1])
    return smooth


_RAMP = np.arange(_DECIMATE, dtype=np.float32) / _DECIMATE


def _expand(smooth: Float, first: int, n: int) -> Float:
    """Per-sample gain for ``n`` samples from block ``first`` (linear ramps between blocks)."""
    count = -(-n // _DECIMATE)
    a = smooth[first : first + count]
    b = smooth[first + 1 : first + count + 1]
    if b.size < a.size:  # the last block ramps to itself
        b = np.append(b, smooth[-1])
    gain = (a[:, None] + (b - a)[:, None] * _RAMP[None, :]).reshape(-1)[:n]
    return np.ascontiguousarray(gain, dtype=np.float32)


def _gain_from_peaks(peaks: Float, n: int, ceiling: float, rate: int, window_ms: float) -> Float:
    """A smooth gain for ``n`` samples that is <= ceiling/peak of every block."""
    smooth = _smooth_gain(peaks, ceiling, rate, window_ms)
    if smooth is None:
        return np.ones(n, dtype=np.float32)
    return _expand(smooth, 0, n)


def _limiter_gain(env: Float, ceiling: float, rate: int, window_ms: float) -> Float:
    """A smooth gain that is <= ceiling/env at every sample."""
    return _gain_from_peaks(_block_peaks(env), len(env), ceiling, rate, window_ms)


def limit(x: Float, rate: int, ceiling_db: float, window_ms: float = 20.0) -> Float:
    """Apply a look-ahead true-peak limiter with ``ceiling_db`` (dBTP)."""
    env = true_peak_envelope(x, rate, floor=db_to_gain(ceiling_db - 4.0))
    return (x * _limiter_gain(env, db_to_gain(ceiling_db), rate, window_ms)).astype(np.float32)


def _slope(points: list[tuple[float, float]]) -> float:
    """LU gained per dB of gain between the last two tries (1 until there are two)."""
    if len(points) < 2:
        return 1.0
    (g0, l0), (g1, l1) = points[-2], points[-1]
    if g1 == g0:
        return 1.0
    return min(1.0, max(0.05, (l1 - l0) / (g1 - g0)))


# --- streamed: a whole programme block by block ----------------------------------------------

_HALO = 8  # samples of context either side for the true-peak interpolation (12 taps) at edges


def _with_halo(signal: Signal, size: int) -> Iterator[tuple[Float, Float]]:
    """Each block of ``signal`` and the same block with ``_HALO`` samples of its neighbours
    either side (zeros beyond the ends, as :func:`true_peak_envelope` pads)."""
    zeros = np.zeros(_HALO, dtype=np.float32)
    prev = zeros
    pending: Float | None = None
    for block in signal.blocks(size):
        if pending is not None:
            yield (
                pending,
                np.concatenate([prev, pending, block[:_HALO], zeros])[
                    : _HALO + pending.size + _HALO
                ],
            )
            prev = np.concatenate([zeros, pending])[-_HALO:]
        pending = block
    if pending is not None:
        yield pending, np.concatenate([prev, pending, zeros])


def _tp_block_peaks(signal: Signal, rate: int, floor: float) -> Float:
    """:func:`_block_peaks` of :func:`true_peak_envelope`, streamed (same values)."""
    out = np.empty(-(-len(signal) // _DECIMATE), dtype=np.float32)
    at = 0  # BLOCK is a multiple of _DECIMATE
    for block, ext in _with_halo(signal, BLOCK):
        env = true_peak_envelope(ext, rate, floor)[_HALO : _HALO + block.size]
        peaks = _block_peaks(env)
        out[at : at + peaks.size] = peaks
        at += peaks.size
    return out[:at]


@dataclass(frozen=True)
class _Scan:
    """One pass over a signal: K-weighted energy per 100 ms step, plain energy per block of
    ``_DECIMATE`` samples, and the sample peak."""

    energies: NDArray[np.float64]
    step: int
    block_energy: Float
    sample_peak: float


def _scan(signal: Signal, rate: int) -> _Scan:
    step = rate // 10
    size = step * _DECIMATE  # whole steps and whole blocks
    energies: list[NDArray[np.float64]] = []
    blocks = np.empty(-(-len(signal) // _DECIMATE), dtype=np.float32)
    at = 0  # size is a multiple of _DECIMATE
    peak = 0.0
    for block in signal.blocks(size):
        energies.append(_step_energies(block, rate)[0])
        sq = np.square(block, dtype=np.float32)
        padded = sq if block.size % _DECIMATE == 0 else np.pad(sq, (0, -block.size % _DECIMATE))
        sums = padded.reshape(-1, _DECIMATE).sum(axis=1, dtype=np.float32)
        blocks[at : at + sums.size] = sums
        at += sums.size
        if block.size:
            peak = max(peak, float(np.abs(block).max()))
    return _Scan(
        np.concatenate(energies) if energies else np.zeros(0),
        step,
        blocks[:at],
        peak,
    )


def _gained(signal: Signal, gain: float, curves: Sequence[Float]) -> Signal:
    """``signal`` times ``gain`` and the limiter's block-rate curves, applied as it is read."""

    def read_from(start: int) -> Iterator[Float]:
        at = start - start % _DECIMATE  # from the start of a limiter block
        drop = start - at
        # BLOCK is a multiple of _DECIMATE: every block starts on a limiter block
        for block in signal.part(at, len(signal)).blocks(BLOCK):
            y = block * np.float32(gain)
            for smooth in curves:
                y *= _expand(smooth, at // _DECIMATE, block.size)
            at += block.size
            yield y[drop:] if drop else y
            drop = 0

    return Signal(len(signal), lambda: read_from(0), read_from)


def measure_signal(signal: Signal, rate: int, expected_peak: float = 0.0) -> Loudness:
    """:func:`measure`, in one streamed pass: only samples near the loudest sample so far are
    interpolated for the true peak (a superset of what :func:`true_peak_db` interpolates).

    ``expected_peak`` (linear, when known beforehand): samples 3 dB and more below it are not
    interpolated even before the loudest sample is reached."""
    return _measure_streamed(signal, rate, None, None, expected_peak * db_to_gain(-3.0))


def _measure_streamed(
    signal: Signal,
    rate: int,
    known: NDArray[np.float64] | None,
    todo: NDArray[np.bool_] | None,
    floor: float = 0.0,
) -> Loudness:
    """With ``known`` step energies, only the steps marked in ``todo`` are transformed again
    (the others are known: the limiter left them alone)."""
    step = rate // 10
    size = step * _DECIMATE
    energies: list[NDArray[np.float64]] = []
    peak = 0.0
    tp = 0.0
    first = 0
    for block, ext in _with_halo(signal, size):
        steps = block.size // step
        if known is None or todo is None:
            energies.append(_step_energies(block, rate)[0])
        else:
            e = known[first : first + steps].copy()
            redo = np.flatnonzero(todo[first : first + steps])
            if redo.size:
                parts = block[: steps * step].reshape(steps, step)[redo]
                e[redo] = _step_energies(parts.ravel(), rate)[0]
            energies.append(e)
        first += steps
        if not block.size:
            continue
        peak = max(peak, float(np.abs(block).max()))
        if peak > 0:
            env = true_peak_envelope(ext, rate, floor=max(floor, peak * db_to_gain(-4.0)))
            tp = max(tp, float(env[_HALO : _HALO + block.size].max()))
    e = np.concatenate(energies) if energies else np.zeros(0)
    loud = _measure_parts(e, step)
    true_peak = 20.0 * math.log10(tp) if tp > 0 else _MIN_DB
    return Loudness(loud[0], loud[1], loud[2], loud[3], true_peak)


def _measure_parts(energies: NDArray[np.float64], step: int) -> tuple[float, float, float, float]:
    """Integrated, LRA, max momentary, max short-term from step energies."""
    momentary = _window_loudness(energies, 4, step)
    short_term = _window_loudness(energies, 30, step)
    lra = 0.0
    st = short_term[short_term > _ABS_GATE]
    if st.size:
        mean = 10.0 * np.log10(np.mean(10.0 ** (st / 10.0)))
        st = st[st > mean - 20.0]
        if st.size:
            lra = float(np.percentile(st, 95) - np.percentile(st, 10))
    return (
        _gated_mean(momentary, -10.0),
        lra,
        float(momentary.max()) if momentary.size else _MIN_DB,
        float(short_term.max()) if short_term.size else _MIN_DB,
    )


def normalize(
    x: Float,
    rate: int,
    target_lufs: float,
    ceiling_dbtp: float,
    tolerance: float = 0.05,
    max_rounds: int = 8,
) -> tuple[Float, Loudness]:
    """One gain for the whole programme to ``target_lufs``, limited to ``ceiling_dbtp``
    (in memory; see :func:`normalize_signal`)."""
    y, result = normalize_signal(
        Signal.of(x), rate, target_lufs, ceiling_dbtp, tolerance, max_rounds
    )
    return y.array(), result


class _Search:
    """Estimates of the loudness after gain and limiting, from block summaries only."""

    def __init__(self, scan: _Scan, n: int, rate: int, ceiling: float) -> None:
        self.scan, self.rate, self.ceiling = scan, rate, ceiling
        steps = len(scan.energies)
        blocks = scan.block_energy.size
        # block b belongs to step (b * _DECIMATE) // step: the first block of each step
        self.firsts = -(-np.arange(steps, dtype=np.int64) * scan.step // _DECIMATE)
        self.end = min(blocks, -(-steps * scan.step // _DECIMATE))
        self.sx2 = np.maximum(self.per_step(scan.block_energy), 1e-20)
        self.peaks = np.zeros(blocks, dtype=np.float32)
        self.n = n

    def per_step(self, values: NDArray[np.floating]) -> NDArray[np.float64]:
        """Sums of per-block ``values`` over each 100 ms step."""
        if not self.firsts.size or not self.end:
            return np.zeros(self.firsts.size)
        sums = np.add.reduceat(values[: self.end], self.firsts, dtype=np.float64)
        return np.asarray(sums, dtype=np.float64)

    def touched(self, smooth: Float | None) -> NDArray[np.bool_]:
        """The steps where the limiter's gain is below 1 somewhere."""
        steps = len(self.scan.energies)
        if smooth is None:
            return np.zeros(steps, dtype=bool)
        low = np.minimum(smooth, np.append(smooth[1:], smooth[-1])) < 1.0
        hits = self.per_step(low.astype(np.float32))
        return np.asarray(hits > 0)

    def curve(self, gain_db: float) -> Float | None:
        return _smooth_gain(self.peaks * db_to_gain(gain_db), self.ceiling, self.rate, 20.0)

    def loudness(self, gain_db: float) -> tuple[float, Float | None]:
        """Each step's K-weighted energy scaled by how much the limiter reduces that step's
        (unweighted) energy. Exact where the limiter is idle; checked exactly at the end."""
        gain = db_to_gain(gain_db)
        smooth = self.curve(gain_db)
        e = self.scan.energies * (gain * gain)
        if smooth is not None:
            # block_energy * (1 - (a*a + a*b + b*b) / 3), in place (as few arrays as blocks
            # as possible; the same operations in the same order)
            a = smooth
            b = np.append(smooth[1:], smooth[-1])
            lost = a * a
            term = a * b
            lost += term
            np.multiply(b, b, out=term)
            lost += term
            del b, term
            lost /= 3.0
            np.subtract(1.0, lost, out=lost)
            lost *= self.scan.block_energy
            removed = self.per_step(lost)
            e = e * np.clip(1.0 - removed / self.sx2, 0.0, 1.0)
        return _gated_mean(_window_loudness(e, 4, self.scan.step), -10.0), smooth


def normalize_signal(
    x: Signal,
    rate: int,
    target_lufs: float,
    ceiling_dbtp: float,
    tolerance: float = 0.05,
    max_rounds: int = 8,
    max_miss: float = 0.5,
) -> tuple[Signal, Loudness]:
    """One gain for the whole programme to ``target_lufs``, limited to ``ceiling_dbtp``,
    streamed: ``x`` is read a few times (it must be cheap to read again: an array or a spool)
    and the result is ``x`` with the gain and limiter applied as it is read.

    The gain is found by the secant method on (gain -> loudness after limiting), estimated
    from per-step and per-block summaries, since the limiter takes back part of every dB added
    to a peaky voice; the result is then measured exactly and corrected.
    """
    if len(x) < rate // 2:
        raise ValueError("a programme shorter than half a second cannot be loudness-normalized")
    scan = _scan(x, rate)
    start = _gated_mean(_window_loudness(scan.energies, 4, scan.step), -10.0)
    if start <= _ABS_GATE:
        raise ValueError(
            "the programme is silent, so its loudness cannot be set: check the engine and voice"
        )
    ceiling = db_to_gain(ceiling_dbtp - _MARGIN_DB)
    first = target_lufs - start
    headroom = 6.0  # extra gain the search may need where the limiter takes some back
    overs = 2.0  # how far an inter-sample peak may stand above the samples around it
    search = _Search(scan, len(x), rate, ceiling)
    search.peaks = _tp_block_peaks(x, rate, ceiling / db_to_gain(first + headroom + overs))

    points: list[tuple[float, float]] = []
    gain_db = first
    smooth: Float | None = None
    for _ in range(max_rounds):
        if gain_db > first + headroom:  # outside the envelope computed above: widen it
            headroom = gain_db - first + 6.0
            floor = ceiling / db_to_gain(first + headroom + overs)
            search.peaks = _tp_block_peaks(x, rate, floor)
        reached, smooth = search.loudness(gain_db)
        points.append((gain_db, reached))
        if abs(reached - target_lufs) <= tolerance:
            break
        slope = _slope(points)
        gain_db = min(first + 24.0, gain_db + (target_lufs - reached) / slope)

    def exact(gain_db: float, smooth: Float | None) -> tuple[Signal, Loudness]:
        gain = db_to_gain(gain_db)
        y = _gained(x, gain, [] if smooth is None else [smooth])
        expected = float(search.peaks.max(initial=0.0)) * gain
        if smooth is not None:  # the limiter holds every block under the ceiling
            expected = min(expected, ceiling)
        known, todo = scan.energies * (gain * gain), search.touched(smooth)
        return y, _measure_streamed(y, rate, known, todo, expected * db_to_gain(-3.0))

    y, result = exact(gain_db, smooth)
    for _ in range(2):  # the estimate is close; correct on the exact measurement
        miss = target_lufs - result.integrated
        if abs(miss) <= tolerance:
            break
        slope = _slope(points)
        gain_db = min(first + 24.0, gain_db + miss / slope)
        _, smooth = search.loudness(gain_db)
        y, result = exact(gain_db, smooth)
    if abs(result.integrated - target_lufs) > max_miss:
        raise ValueError(
            f"{target_lufs:g} LUFS cannot be reached under a {ceiling_dbtp:g} dBTP ceiling with "
            f"this audio (the limiter stops at {result.integrated:.1f} LUFS). "
            "Choose a lower loudness target or a higher true-peak ceiling."
        )
    if result.true_peak > ceiling_dbtp:  # interpolation between gain steps: trim what is over
        y = limit_signal(y, rate, ceiling_dbtp - 2 * _MARGIN_DB)
        result = measure_signal(y, rate)
    return y, result


def limit_signal(x: Signal, rate: int, ceiling_db: float, window_ms: float = 20.0) -> Signal:
    """:func:`limit`, streamed: one pass for the true peaks, the gain applied as it is read."""
    peaks = _tp_block_peaks(x, rate, db_to_gain(ceiling_db - 4.0))
    smooth = _smooth_gain(peaks, db_to_gain(ceiling_db), rate, window_ms)
    return x if smooth is None else _gained(x, 1.0, [smooth])
