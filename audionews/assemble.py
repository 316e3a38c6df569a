"""Stage 6, assemble: chunk audio and pauses become one programme with chapter times.

Each chunk's own leading and trailing silence is trimmed, then exact pauses are inserted,
so pacing does not depend on how much silence an engine happens to add. Raw PCM is joined once
(repeated ``AudioSegment +`` copies the whole programme each time and is quadratic).

For long programmes the clips live on disk (:class:`ClipStore`), are prepared one at a time
into a spool (:func:`prepare_spooled`) and joined as a :class:`~audionews.audio.Signal`
(:func:`join_signal`): memory stays the same whatever the length. The in-memory functions
(:func:`assemble`, :func:`prepare_clips`, :func:`join`) give the same samples.
"""

from __future__ import annotations

import functools
import math
import statistics
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import overload

import numpy as np

from audionews.audio import Audio, ChapterMark, Float, Mark, Programme, Signal, Spool, TimedChunk
from audionews.script import Pause, Script

__all__ = [
    "FIT_PAUSES",
    "FIT_SPEED",
    "ClipStore",
    "Pacing",
    "Pauses",
    "PreparedClips",
    "assemble",
    "fit",
    "join",
    "join_signal",
    "pause_seconds",
    "prepare_clips",
    "prepare_spooled",
    "stretch",
    "trim_silence",
]


@dataclass(frozen=True)
class Pauses:
    """Silence after a chunk, in milliseconds, by what follows it."""

    clause: int = 150
    sentence: int = 400
    paragraph: int = 800
    section: int = 1500
    story: int = 2500
    """Between the stories of a bulletin."""
    end: int = 600

    def __post_init__(self) -> None:
        for name in ("clause", "sentence", "paragraph", "section", "story", "end"):
            if not 0 <= getattr(self, name) <= 10_000:
                raise ValueError(f"pause {name} must be between 0 and 10000 ms")

    def after(self, pause: Pause) -> int:
        ms: int = getattr(self, pause.value)
        return ms


@functools.lru_cache(maxsize=8)
def _loud_rms(threshold_dbfs: float) -> int:
    """The least whole RMS that pydub's dBFS (``20 log10(rms / 32768)``) puts at or above
    ``threshold_dbfs`` (RMS is a whole number there, as audioop gives it)."""
    rms = max(1, int(32768 * 10 ** (threshold_dbfs / 20)) - 2)
    while 20 * math.log(rms / 32768.0, 10) < threshold_dbfs:
        rms += 1
    return rms


def _leading_silence_ms(x: np.ndarray, rate: int, loud: int, chunk_ms: int) -> int:
    """Milliseconds of leading silence in 16-bit samples ``x``, as pydub's
    ``detect_leading_silence`` finds them (tested against it): chunks of ``chunk_ms`` from the
    start, cut at its whole-millisecond positions (past the data: silence), until one whose
    whole RMS reaches ``loud``. Chunks are looked at a batch at a time, from the start, so a
    clip's speech is not read past its first loud chunk."""
    length_ms = round(1000 * (float(x.size) / rate))
    per_ms = rate / 1000.0
    chunks = length_ms // chunk_ms + 2  # the last one starts at or past the end: it stops
    done, batch = 0, 64
    while done < chunks:
        at = np.arange(done, min(chunks, done + batch), dtype=np.int64) * chunk_ms
        start = (np.minimum(at, length_ms) * per_ms).astype(np.int64)
        end = (np.minimum(at + chunk_ms, length_ms) * per_ms).astype(np.int64)
        lo, hi = min(int(start[0]), x.size), min(int(end[-1]), x.size)
        part = x[lo:hi].astype(np.int64)
        squares = np.concatenate(([0], np.cumsum(part * part)))  # exact
        sums = squares[np.minimum(end, x.size) - lo] - squares[np.minimum(start, x.size) - lo]
        count = end - start
        rms = np.sqrt(sums.astype(np.float64) / np.maximum(count, 1)).astype(np.int64)
        stop = ((rms >= loud) & (count > 0) & (at < length_ms)) | (at >= length_ms)
        if stop.any():
            return min(int(at[int(np.argmax(stop))]), length_ms)
        done, batch = done + batch, batch * 4
    return length_ms  # not reached: the last chunk stops


def trim_silence(audio: Audio, threshold_dbfs: float = -45.0, keep_ms: int = 15) -> Audio:
    """Cut leading and trailing silence below ``threshold_dbfs``, keeping ``keep_ms`` of each
    (in 5 ms steps, exactly as pydub's silence detection did, without its per-chunk objects)."""
    x = np.frombuffer(audio.pcm, dtype="<i2")
    rate = audio.sample_rate
    total = round(1000 * (float(x.size) / rate))  # milliseconds, as pydub counts them
    if total == 0:
        return audio
    loud = _loud_rms(threshold_dbfs)
    head = _leading_silence_ms(x, rate, loud, 5)
    if head >= total:  # all silence: keep it as it is (an engine's pause is still a pause)
        return audio
    tail = _leading_silence_ms(x[::-1], rate, loud, 5)
    start = max(0, head - keep_ms)
    end = min(total, total - tail + keep_ms)
    first, last = int(start * (rate / 1000.0)), int(end * (rate / 1000.0))
    kept = x[first:last]
    if kept.size < last - first:  # the last millisecond rounded past the data: silence
        kept = np.concatenate([kept, np.zeros(last - first - kept.size, dtype="<i2")])
    # Engine marks (edge's sentence boundaries) move with the cut and stay inside the clip.
    marks = tuple(
        Mark(m.start - start / 1000, m.duration, m.text)
        for m in audio.marks
        if start / 1000 <= m.start < end / 1000
    )
    return Audio(kept.tobytes(), audio.sample_rate, marks)


@dataclass(frozen=True)
class Pacing:
    """How chunks are joined: trimming, fades, level matching, speed and pause scale."""

    pauses: Pauses = Pauses()
    trim: bool = True
    """Cut each chunk's own leading/trailing silence so pauses are exact."""
    fade_ms: float = 5.0
    """Fade in/out at every join, against clicks."""
    level_tolerance_db: float = 2.0
    """Chunks louder or softer than the median chunk by more than this are brought back to it
    (at most 6 dB), so the level is even from sentence to sentence."""
    speed: float = 1.0
    """Time-stretch factor, pitch preserved (WSOLA); 1.0 leaves the voice untouched."""
    pause_scale: float = 1.0
    """Multiplies every pause (set by :func:`fit`)."""

    def __post_init__(self) -> None:
        if not 0.5 <= self.speed <= 2.0:
            raise ValueError("speed must be between 0.5 and 2.0")
        if not 0.0 <= self.pause_scale <= 4.0:
            raise ValueError("pause_scale must be between 0 and 4")


def _active_level_db(x: np.ndarray) -> float | None:
    """RMS level of the louder part of a clip (ignoring quiet gaps), in dBFS."""
    if x.size < 64:
        return None
    frames = x[: x.size // 64 * 64].reshape(-1, 64)
    power = np.mean(frames * frames, axis=1)
    loud = power[power > power.max() * 1e-3]
    if loud.size == 0 or float(loud.mean()) <= 0:
        return None
    return float(10 * np.log10(loud.mean()))


def stretch(x: np.ndarray, speed: float) -> np.ndarray:
    """Time-stretch by ``speed`` with pitch preserved (audiotsm WSOLA)."""
    if speed == 1.0 or x.size == 0:
        return x
    from audiotsm import wsola
    from audiotsm.io.array import ArrayReader, ArrayWriter

    # WSOLA loses up to a frame at the end: pad, then cut to the exact stretched length.
    padded = np.concatenate([x.astype(np.float32), np.zeros(4096, dtype=np.float32)])
    reader = ArrayReader(padded.reshape(1, -1))
    writer = ArrayWriter(1)
    wsola(1, speed=speed).run(reader, writer)
    want = round(x.size / speed)
    out: np.ndarray = writer.data[0].astype(np.float32)[:want]
    if out.size < want:
        out = np.concatenate([out, np.zeros(want - out.size, dtype=np.float32)])
    return out


def _level_gains(levels: Sequence[float | None], tolerance_db: float) -> list[float]:
    """Gain per clip bringing it within ``tolerance_db`` of the median clip (at most 6 dB)."""
    gains = [1.0] * len(levels)
    known = [lv for lv in levels if lv is not None]
    if not known or tolerance_db <= 0:
        return gains
    median = float(statistics.median(known))  # np.median would import numpy.ma (10 ms)
    for i, lv in enumerate(levels):
        if lv is None:
            continue
        off = median - lv
        excess = abs(off) - tolerance_db
        if excess > 0:
            gain_db = min(excess, 6.0) * (1 if off > 0 else -1)
            gains[i] = 10 ** (gain_db / 20)
    return gains


def _fade_samples(rate: int, pacing: Pacing) -> int:
    return int(rate * pacing.fade_ms / 1000)


def _finish(x: np.ndarray, gain: float, fade: int) -> np.ndarray:
    """A prepared clip's level gain and fades at both ends (a new array)."""
    x = x * np.float32(gain) if gain != 1.0 else x.astype(np.float32, copy=True)
    n = min(fade, x.size // 2)
    if n > 1:
        ramp = np.linspace(0.0, 1.0, n, dtype=np.float32)
        x[:n] *= ramp
        x[-n:] *= ramp[::-1]
    return x


def _shape(clip: Audio, pacing: Pacing) -> np.ndarray:
    """A clip trimmed and time-stretched, float32."""
    c = trim_silence(clip) if pacing.trim else clip
    return stretch(c.to_float(), pacing.speed)


def prepare_clips(clips: Sequence[Audio], pacing: Pacing) -> list[np.ndarray]:
    """Trim, stretch, level-match and fade every clip; float32 in [-1, 1]."""
    shaped = [_shape(clip, pacing) for clip in clips]
    gains = _level_gains([_active_level_db(x) for x in shaped], pacing.level_tolerance_db)
    fade = _fade_samples(clips[0].sample_rate if clips else 0, pacing)
    return [_finish(x, g, fade) for x, g in zip(shaped, gains, strict=True)]


class ClipStore(Sequence[Audio]):
    """The chunks' audio on disk (16-bit PCM in one spool), put in any order, read one at a
    time: a programme's clips are never all in memory."""

    def __init__(self, folder: Path, count: int) -> None:
        self._spool = Spool(folder, "<i2")
        self._where: list[tuple[int, int, tuple[Mark, ...]] | None] = [None] * count
        self.rate = 0

    def put(self, index: int, audio: Audio) -> None:
        if self.rate and audio.sample_rate != self.rate:
            raise ValueError("all clips of one programme must share a sample rate (one engine)")
        self.rate = audio.sample_rate
        at = self._spool.write(np.frombuffer(audio.pcm, dtype="<i2"))
        self._where[index] = (at, audio.samples, audio.marks)

    def close(self) -> None:
        """No more clips: the spool is closed for writing (reading goes on)."""
        self._spool.close()

    def __len__(self) -> int:
        return len(self._where)

    @overload
    def __getitem__(self, index: int) -> Audio: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Audio]: ...
    def __getitem__(self, index: int | slice) -> Audio | Sequence[Audio]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        where = self._where[index]
        if where is None:
            raise IndexError(f"clip {index} was never stored")
        at, count, marks = where
        parts = list(self._spool.read(at, count))
        pcm = b"".join(p.tobytes() for p in parts)
        return Audio(pcm, self.rate, marks)


class PreparedClips(Sequence[np.ndarray]):
    """Prepared clips (see :func:`prepare_clips`) on disk: sizes known, samples read (with
    their level gain and fades) only when asked for."""

    def __init__(
        self,
        spool: Spool,
        entries: list[tuple[int, int]],
        gains: list[float],
        fade: int,
    ) -> None:
        self._spool = spool
        self._entries = entries
        self._gains = gains
        self._fade = fade
        self.sizes = [count for _, count in entries]

    def __len__(self) -> int:
        return len(self._entries)

    @overload
    def __getitem__(self, index: int) -> np.ndarray: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[np.ndarray]: ...
    def __getitem__(self, index: int | slice) -> np.ndarray | Sequence[np.ndarray]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        at, count = self._entries[index]
        parts = list(self._spool.read(at, count))
        raw = np.concatenate(parts) if parts else np.zeros(0, dtype=self._spool.dtype)
        x = raw.astype(np.float32) / np.float32(32768.0) if raw.dtype.kind == "i" else raw
        return _finish(x, self._gains[index], self._fade)


def prepare_spooled(clips: Sequence[Audio], pacing: Pacing, folder: Path) -> PreparedClips:
    """:func:`prepare_clips` one clip at a time, into a spool in ``folder``: the same samples,
    in memory only one clip at a time. Unstretched clips stay 16-bit (exactly)."""
    stretched = pacing.speed != 1.0
    spool = Spool(folder, "<f4" if stretched else "<i2")
    entries: list[tuple[int, int]] = []
    levels: list[float | None] = []
    rate = 0
    for i in range(len(clips)):
        clip = clips[i]
        rate = clip.sample_rate
        if stretched:
            x = _shape(clip, pacing)
            entries.append((spool.write(x), x.size))
        else:
            c = trim_silence(clip) if pacing.trim else clip
            pcm = np.frombuffer(c.pcm, dtype="<i2")
            entries.append((spool.write(pcm), pcm.size))
            x = c.to_float()
        levels.append(_active_level_db(x))
    spool.close()
    gains = _level_gains(levels, pacing.level_tolerance_db)
    return PreparedClips(spool, entries, gains, _fade_samples(rate, pacing))


def assemble(script: Script, clips: Sequence[Audio], pacing: Pacing | None = None) -> Programme:
    """Join the audio of every chunk of ``script`` (in order) with pauses; compute chapters."""
    pacing = pacing or Pacing()
    if len(clips) != len(script.chunks):
        raise ValueError(f"{len(clips)} clips for {len(script.chunks)} chunks")
    if not clips:
        raise ValueError("nothing to assemble")
    rate = clips[0].sample_rate
    if any(c.sample_rate != rate for c in clips):
        raise ValueError("all clips of one programme must share a sample rate (one engine)")
    return join(script, prepare_clips(clips, pacing), rate, pacing)


@dataclass(frozen=True)
class _Layout:
    """Where everything goes: the pieces in order (a clip's index, or silence, or the sting),
    chapters and chunk times."""

    pieces: tuple[tuple[str, int], ...]
    length: int
    chapters: tuple[ChapterMark, ...]
    chunks: tuple[TimedChunk, ...]


def _sizes(prepared: Sequence[np.ndarray]) -> list[int]:
    if isinstance(prepared, PreparedClips):
        return prepared.sizes
    return [x.size for x in prepared]


def _layout(
    script: Script, sizes: Sequence[int], rate: int, pacing: Pacing, sting: int | None
) -> _Layout:
    pieces: list[tuple[str, int]] = []
    position = 0  # in samples
    timed: list[TimedChunk] = []
    starts: list[int] = []
    index = 0
    piece_starts: list[list[int]] = []
    for chapter in script.chapters:
        starts.append(position)
        piece_starts.append([])
        chunks = [(k, c) for k, p in enumerate(chapter.pieces) for c in p.chunks]
        for k, chunk in chunks:
            if len(piece_starts[-1]) <= k:
                piece_starts[-1].extend([position] * (k + 1 - len(piece_starts[-1])))
            begin = position
            pieces.append(("clip", index))
            position += sizes[index]
            index += 1
            timed.append(
                TimedChunk(
                    chunk.text, begin * 1000 / rate, position * 1000 / rate, chunk.pause_after
                )
            )
            gap = round(pacing.pauses.after(chunk.pause_after) * pacing.pause_scale * rate / 1000)
            if sting is not None and chunk.pause_after is Pause.STORY:
                half = gap // 2
                pieces += [("zeros", half), ("sting", sting), ("zeros", gap - half)]
                gap += sting
            else:
                pieces.append(("zeros", gap))
            position += gap

    total_ms = round(position * 1000 / rate)
    marks: list[ChapterMark] = []
    for i, chapter in enumerate(script.chapters):
        start = round(starts[i] * 1000 / rate)
        end = round(starts[i + 1] * 1000 / rate) if i + 1 < len(starts) else total_ms
        children: list[ChapterMark] = []
        sections = [
            (title, round(piece_starts[i][k] * 1000 / rate))
            for title, k in chapter.sections
            if k < len(piece_starts[i])
        ]
        for j, (title, child_start) in enumerate(sections):
            child_end = sections[j + 1][1] if j + 1 < len(sections) else end
            children.append(ChapterMark(title, child_start, child_end))
        marks.append(ChapterMark(chapter.title, start, end, tuple(children)))
    return _Layout(tuple(pieces), position, tuple(marks), tuple(timed))


def _play(
    layout: _Layout, prepared: Sequence[np.ndarray], sting: np.ndarray | None, start: int = 0
) -> Iterator[np.ndarray]:
    """The layout's samples from sample ``start``, piece by piece (a clip is read only when its
    turn comes; the pieces before ``start`` are not read at all)."""
    sizes = _sizes(prepared) if start else ()
    at = 0
    for kind, value in layout.pieces:
        if start:
            size = sizes[value] if kind == "clip" else value
            if at + size <= start:
                at += size
                continue
        skip = max(0, start - at)
        at = start = 0  # from here on, every piece is played whole
        if kind == "clip":
            yield prepared[value][skip:]
        elif kind == "sting" and sting is not None:
            yield sting.astype(np.float32, copy=False)[skip:]
        elif value > skip:
            yield np.zeros(value - skip, dtype=np.float32)


def join(
    script: Script,
    prepared: Sequence[np.ndarray],
    rate: int,
    pacing: Pacing,
    sting: np.ndarray | None = None,
) -> Programme:
    """Join prepared clips (see :func:`prepare_clips`) with the pacing's pauses; ``sting``
    plays in the middle of the pause between stories of a bulletin."""
    layout = _layout(script, _sizes(prepared), rate, pacing, None if sting is None else sting.size)
    parts = list(_play(layout, prepared, sting))
    samples: Float = np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)
    return Programme(samples, rate, layout.chapters, layout.chunks)


def join_signal(
    script: Script,
    prepared: Sequence[np.ndarray],
    rate: int,
    pacing: Pacing,
    sting: np.ndarray | None = None,
) -> Programme:
    """:func:`join`, with the samples a :class:`~audionews.audio.Signal` read clip by clip
    (from a :class:`PreparedClips` spool) each time it is played: nothing held in memory."""
    layout = _layout(script, _sizes(prepared), rate, pacing, None if sting is None else sting.size)
    signal = Signal(
        layout.length,
        lambda: _play(layout, prepared, sting),
        lambda start: _play(layout, prepared, sting, start),
    )
    return Programme(signal, rate, layout.chapters, layout.chunks)


def pause_seconds(script: Script, pacing: Pacing) -> float:
    """Total silence the pauses add (before any pause scaling)."""
    return sum(pacing.pauses.after(c.pause_after) for c in script.chunks) / 1000


FIT_PAUSES = (0.5, 1.6)
"""Fitting may scale every pause between these factors..."""
FIT_SPEED = (0.85, 1.2)
"""...and then the voice's speed between these factors."""


def _clock(seconds: float) -> str:
    m, s = divmod(round(seconds), 60)
    return f"{m}:{s:02d}"


def fit(
    script: Script,
    clips: Sequence[Audio],
    pacing: Pacing,
    seconds: float,
    fixed_seconds: float = 0.0,
    sting: Float | None = None,
    spool: Path | None = None,
) -> tuple[Programme, str]:
    """Assemble so the programme lasts ``seconds`` (+-1 s with ``fixed_seconds`` of intro and
    outro added later): pauses are scaled first, then the voice's speed; a clear error when the
    allowed ranges cannot reach it. Returns the programme and how it was fitted.

    With ``spool`` (a folder), clips are prepared into it and the programme is streamed
    (:func:`join_signal`); otherwise it is in memory."""
    from audionews.errors import ConfigError

    def prepare(p: Pacing) -> Sequence[np.ndarray]:
        return prepare_clips(clips, p) if spool is None else prepare_spooled(clips, p, spool)

    rate = clips[0].sample_rate
    prepared = prepare(pacing)
    target = seconds - fixed_seconds
    pauses = pause_seconds(script, pacing)
    speech = sum(_sizes(prepared)) / rate
    lo_p, hi_p = FIT_PAUSES
    lo_s, hi_s = FIT_SPEED
    fastest = speech / hi_s + pauses * lo_p
    slowest = speech / lo_s + pauses * hi_p
    if not fastest <= target <= slowest:
        raise ConfigError(
            f"cannot fit {_clock(seconds)}: the programme runs "
            f"{_clock(speech + pauses + fixed_seconds)} at its natural pace, and pauses of "
            f"{lo_p:.0%}-{hi_p:.0%} with speed {lo_s}-{hi_s}x allow "
            f"{_clock(fastest + fixed_seconds)} to {_clock(slowest + fixed_seconds)}.",
            setting="fit",
        )
    scale = (target - speech) / pauses if pauses else 1.0
    speed = 1.0
    if not lo_p <= scale <= hi_p:
        scale = min(hi_p, max(lo_p, scale))
        speed = speech / (target - pauses * scale)
        prepared = prepare(replace(pacing, speed=pacing.speed * speed))
        speech = sum(_sizes(prepared)) / rate
        scale = min(2.0, max(0.4, (target - speech) / pauses)) if pauses else 1.0
    fitted = replace(pacing, pause_scale=scale)
    note = f"pauses x{scale:.2f}, speed x{pacing.speed * speed:.3f}"
    joined = join if spool is None else join_signal
    return joined(script, prepared, rate, fitted, sting), note
