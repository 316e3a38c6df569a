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

import math
from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from numpy.typing import NDArray

__all__ = [
    "Loudness",
    "db_to_gain",
    "integrated_loudness",
    "limit",
    "measure",
    "normalize",
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


def _step_energies(x: Float, rate: int) -> tuple[NDArray[np.float64], int]:
    """Sum of squared K-weighted samples per 100 ms step, and the step length.

    In the frequency domain: each step's power spectrum weighted by |K(f)|^2. The only
    difference from running the IIR filter is its memory across step edges.
    """
    step = rate // 10
    n = len(x) // step
    if n == 0:
        return np.zeros(0), step
    weight = _k_power(step, rate).astype(np.float32)
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


def _phase_filters(factor: int) -> Float:
    """Polyphase interpolation filters (Hann-windowed sinc), one row per phase, reversed for
    use on a sliding window of samples."""
    taps = _TAPS_PER_PHASE * factor
    n = np.arange(taps) - (taps - 1) / 2
    h = np.sinc(n / factor) * np.hanning(taps + 2)[1:-1]
    phases = np.stack([h[p::factor] for p in range(factor)])
    phases /= phases.sum(axis=1, keepdims=True)  # unity gain at DC for every phase
    return np.ascontiguousarray(phases[:, ::-1], dtype=np.float32)


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
    padded = np.pad(x.astype(np.float32), (half, half))
    offsets = np.arange(_TAPS_PER_PHASE)
    for start in range(0, idx.size, _BLOCK):
        block = idx[start : start + _BLOCK]
        windows = padded[block[:, None] + offsets[None, :]]
        values = np.abs(np.einsum("ij,kj->ik", windows, filters)).max(axis=1)
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
    momentary = _window_loudness(energies, 4, step)
    short_term = _window_loudness(energies, 30, step)
    lra = 0.0
    st = short_term[short_term > _ABS_GATE]
    if st.size:
        mean = 10.0 * np.log10(np.mean(10.0 ** (st / 10.0)))
        st = st[st > mean - 20.0]
        if st.size:
            lra = float(np.percentile(st, 95) - np.percentile(st, 10))
    return Loudness(
        integrated=_gated_mean(momentary, -10.0),
        loudness_range=lra,
        max_momentary=float(momentary.max()) if momentary.size else _MIN_DB,
        max_short_term=float(short_term.max()) if short_term.size else _MIN_DB,
        true_peak=true_peak_db(x, rate),
    )


# --- limiter and normalization ---------------------------------------------------------------


def _block_peaks(env: Float) -> Float:
    """The largest envelope value in each block of ``_DECIMATE`` samples."""
    n = len(env)
    blocks = -(-n // _DECIMATE)
    padded = np.zeros(blocks * _DECIMATE, dtype=np.float32)
    padded[:n] = env
    peaks: Float = padded.reshape(blocks, _DECIMATE).max(axis=1)
    return peaks


def _gain_from_peaks(peaks: Float, n: int, ceiling: float, rate: int, window_ms: float) -> Float:
    """A smooth gain for ``n`` samples that is <= ceiling/peak of every block.

    A min filter over +-H blocks, then a mean over H blocks (each averaged value is a minimum
    over a window that contains the block); then linear ramps between block values, both <= the
    need of the samples between them.
    """
    need = np.minimum(1.0, ceiling / np.maximum(peaks, 1e-12)).astype(np.float32)
    if float(need.min()) >= 1.0:
        return np.ones(n, dtype=np.float32)
    half = max(2, int(rate * window_ms / 1000 / _DECIMATE))
    held = sliding_window_view(np.pad(need, half, mode="edge"), 2 * half + 1).min(axis=1)
    padded = np.pad(held, (half // 2, half - half // 2 - 1), mode="edge")
    csum = np.concatenate(([0.0], np.cumsum(padded, dtype=np.float64)))
    smooth = np.minimum((csum[half:] - csum[:-half]) / half, need).astype(np.float32)
    nxt = np.append(smooth[1:], smooth[-1])
    ramp = np.arange(_DECIMATE, dtype=np.float32) / _DECIMATE
    gain = (smooth[:, None] + (nxt - smooth)[:, None] * ramp[None, :]).reshape(-1)[:n]
    return np.ascontiguousarray(gain, dtype=np.float32)


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


def _apply_exactly(
    x: Float, rate: int, energies: NDArray[np.float64], step: int, gain_db: float, curve: Float
) -> tuple[Float, Loudness]:
    """``x`` with the gain and limiter curve applied, and its exact measurement: steps the
    limiter left alone scale with gain^2; only the others are transformed again."""
    n = len(energies)
    gain = db_to_gain(gain_db)
    y = (x * (gain * curve)).astype(np.float32)
    e = energies * (gain * gain)
    touched = np.flatnonzero(curve[: n * step].reshape(n, step).min(axis=1) < 1.0)
    if touched.size:
        e[touched] = _step_energies(y[: n * step].reshape(n, step)[touched].ravel(), rate)[0]
    return y, _measure_from(e, step, y, rate)


def normalize(
    x: Float,
    rate: int,
    target_lufs: float,
    ceiling_dbtp: float,
    tolerance: float = 0.05,
    max_rounds: int = 8,
) -> tuple[Float, Loudness]:
    """One gain for the whole programme to ``target_lufs``, limited to ``ceiling_dbtp``.

    The gain is found by the secant method on (gain -> loudness after limiting), since the
    limiter takes back part of every dB added to a peaky voice.
    """
    if len(x) < rate // 2:
        raise ValueError("a programme shorter than half a second cannot be loudness-normalized")
    energies, step = _step_energies(x, rate)
    start = _gated_mean(_window_loudness(energies, 4, step), -10.0)
    if start <= _ABS_GATE:
        raise ValueError(
            "the programme is silent, so its loudness cannot be set: check the engine and voice"
        )
    ceiling = db_to_gain(ceiling_dbtp - _MARGIN_DB)
    first = target_lufs - start
    headroom = 6.0  # extra gain the search may need where the limiter takes some back
    overs = 2.0  # how far an inter-sample peak may stand above the samples around it
    env = true_peak_envelope(x, rate, floor=ceiling / db_to_gain(first + headroom + overs))
    peaks = _block_peaks(env)  # scales with the gain: computed once

    n = len(energies)
    x2 = np.square(x[: n * step]).reshape(n, step)
    sx2 = np.maximum(x2.sum(axis=1, dtype=np.float64), 1e-20)

    def loudness_after(gain_db: float) -> tuple[float, Float]:
        """Estimated loudness of x * gain * limiter: each step's K-weighted energy scaled by
        how much the limiter reduces that step's (unweighted) energy. Exact where the limiter
        is idle; checked exactly at the end."""
        gain = db_to_gain(gain_db)
        curve = _gain_from_peaks(peaks * gain, len(x), ceiling, rate, 20.0)
        c = curve[: n * step].reshape(n, step)
        kept = np.einsum("ij,ij,ij->i", x2, c, c, dtype=np.float64) / sx2
        e = energies * (gain * gain) * kept
        return _gated_mean(_window_loudness(e, 4, step), -10.0), curve

    points: list[tuple[float, float]] = []
    gain_db = first
    curve = np.ones(len(x), dtype=np.float32)
    for _ in range(max_rounds):
        if gain_db > first + headroom:  # outside the envelope computed above: widen it
            headroom = gain_db - first + 6.0
            env = true_peak_envelope(x, rate, floor=ceiling / db_to_gain(first + headroom + overs))
            peaks = _block_peaks(env)
        reached, curve = loudness_after(gain_db)
        points.append((gain_db, reached))
        if abs(reached - target_lufs) <= tolerance:
            break
        slope = _slope(points)
        gain_db = min(first + 24.0, gain_db + (target_lufs - reached) / slope)

    def exact(gain_db: float, curve: Float) -> tuple[Float, Loudness]:
        return _apply_exactly(x, rate, energies, step, gain_db, curve)

    y, result = exact(gain_db, curve)
    for _ in range(2):  # the estimate is close; correct on the exact measurement
        miss = target_lufs - result.integrated
        if abs(miss) <= tolerance:
            break
        slope = _slope(points)
        gain_db = min(first + 24.0, gain_db + miss / slope)
        _, curve = loudness_after(gain_db)
        y, result = exact(gain_db, curve)
    if abs(result.integrated - target_lufs) > 0.5:
        raise ValueError(
            f"{target_lufs:g} LUFS cannot be reached under a {ceiling_dbtp:g} dBTP ceiling with "
            f"this audio (the limiter stops at {result.integrated:.1f} LUFS). "
            "Choose a lower loudness target or a higher true-peak ceiling."
        )
    if result.true_peak > ceiling_dbtp:  # interpolation between gain steps: trim what is over
        y = limit(y, rate, ceiling_dbtp - 2 * _MARGIN_DB)
        result = measure(y, rate)
    return y, result
