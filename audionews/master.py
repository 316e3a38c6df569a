"""Mastering: intro/outro, music bed, sample rate and loudness of the whole programme.

Runs after assembly, on float32 samples: (1) music bed under the opening, ducked under speech;
(2) intro before and outro after, chapter and chunk times shifted to match; (3) resampling to
the output rate when asked (soxr, streamed); (4) loudness normalization of the whole programme
to the target, with a true-peak limiter (:mod:`audionews.loudness`).

Everything is streamed block by block: the programme before normalization is written once to a
spool on disk, measured from there, and read once more with the gain applied while the file is
written, so memory does not grow with the programme's length.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from audionews.audio import ChapterMark, Float, Programme, Signal, Spool, TimedChunk
from audionews.errors import ConfigError, InputError
from audionews.loudness import Loudness, db_to_gain, normalize_signal

__all__ = [
    "MasterSettings",
    "added_seconds",
    "load_audio_file",
    "master",
    "master_signal",
    "match_level",
    "resample",
    "resample_signal",
]


@dataclass(frozen=True)
class MasterSettings:
    """What mastering does; None switches a step off."""

    loudness: float | None = -16.0
    """Integrated loudness target, LUFS (whole programme)."""
    true_peak: float = -1.5
    """True-peak ceiling, dBTP."""
    sample_rate: int | None = None
    """Output sample rate; None keeps the engine's."""
    intro: Path | None = None
    outro: Path | None = None
    bed: Path | None = None
    """Music under the opening chapter, ducked under the voice."""
    bed_level: float = -20.0
    """Bed level under speech: dB under the voice's loudness when ``match_levels`` (the bed
    rises 14 dB in the gaps), else dB relative to the bed file's own level."""
    shortfall: float = 0.5
    """LU the programme may fall short of ``loudness`` where the ceiling stops the limiter
    (more is an error naming both)."""
    match_levels: bool = True
    """Bring intro and outro to the voice's loudness and the bed to a set level under it, as
    loudness tools do; False keeps each element's own level."""

    def __post_init__(self) -> None:
        if self.loudness is not None and not -40.0 <= self.loudness <= -5.0:
            raise ConfigError(
                f"loudness {self.loudness} LUFS is out of range (-40 to -5).", setting="loudness"
            )
        if not -9.0 <= self.true_peak <= 0.0:
            raise ConfigError(
                f"true peak {self.true_peak} dBTP is out of range (-9 to 0).", setting="true_peak"
            )
        if self.sample_rate is not None and self.sample_rate not in (
            16000,
            22050,
            24000,
            32000,
            44100,
            48000,
        ):
            raise ConfigError(
                f"sample rate {self.sample_rate} Hz is not supported "
                "(16000, 22050, 24000, 32000, 44100 or 48000).",
                setting="sample_rate",
            )


def resample(x: Float, rate_in: int, rate_out: int) -> Float:
    """Resampling with soxr (high quality), in memory."""
    if rate_in == rate_out:
        return x
    return resample_signal(Signal.of(x), rate_in, rate_out).array()


def resample_signal(x: Signal, rate_in: int, rate_out: int) -> Signal:
    """Resampling with soxr's streaming resampler (high quality; no delay), block by block.

    The result has ceil(n * rate_out / rate_in) samples (as scipy's resample_poly had)."""
    if rate_in == rate_out:
        return x

    def read() -> Iterator[Float]:
        import soxr

        stream = soxr.ResampleStream(rate_in, rate_out, 1, dtype="float32", quality="HQ")
        for block in x.blocks():
            yield stream.resample_chunk(block, last=False)
        yield stream.resample_chunk(np.zeros(0, dtype=np.float32), last=True)

    return Signal(-(-len(x) * rate_out // rate_in), read)


def load_audio_file(path: Path, rate: int) -> Float:
    """Decode an mp3/wav/flac/ogg file to mono float32 at ``rate`` (miniaudio, no ffmpeg)."""
    import miniaudio

    try:
        decoded = miniaudio.decode_file(
            str(path),
            output_format=miniaudio.SampleFormat.FLOAT32,
            nchannels=1,
            sample_rate=rate,
        )
    except (miniaudio.DecodeError, OSError) as exc:
        raise InputError(
            f"{path}: cannot be read as audio ({exc}). Use an MP3, WAV, FLAC or Ogg file."
        ) from exc
    return np.asarray(decoded.samples, dtype=np.float32)


def _fade(x: Float, rate: int, fade_in: float, fade_out: float) -> Float:
    x = x.copy()
    n_in = min(len(x), int(rate * fade_in))
    n_out = min(len(x), int(rate * fade_out))
    if n_in > 1:
        x[:n_in] *= np.linspace(0, 1, n_in, dtype=np.float32)
    if n_out > 1:
        x[-n_out:] *= np.linspace(1, 0, n_out, dtype=np.float32)
    return x


def _speech_activity(x: Signal, rate: int, until: int) -> Float:
    """0..1 per 10 ms hop of ``x[:until]``: how much speech is going on, smoothed (attack and
    release ~150 ms)."""
    hop = max(1, rate // 100)
    frames: list[Float] = []
    at = 0
    for block in x.blocks(hop * 256):
        part = block[: max(0, until - at)]
        at += block.size
        n = part.size // hop
        if n:
            f = part[: n * hop].reshape(n, hop)
            frames.append(np.sqrt(np.mean(f * f, axis=1)))
        if at >= until:
            break
    if not frames:
        return np.zeros(0, dtype=np.float32)
    active = (np.concatenate(frames) > db_to_gain(-45.0)).astype(np.float32)
    width = 15
    kernel = np.ones(width, dtype=np.float32) / width
    smooth: Float = np.clip(np.convolve(active, kernel, "same") * 2.0, 0.0, 1.0).astype(np.float32)
    return smooth


def _mix_bed(voice: Signal, bed: Float, rate: int, until: int, level_db: float) -> Signal:
    """Bed under voice[:until], ducked from level_db+14 dB in gaps to level_db under speech,
    faded in over 1 s and out over 2 s; mixed as the voice is read."""
    length = min(until, len(voice))
    if length <= 0 or bed.size == 0:
        return voice
    hop = max(1, rate // 100)
    activity = _speech_activity(voice, rate, length)
    n_in, n_out = min(length, rate), min(length, 2 * rate)
    loud, soft = db_to_gain(level_db + 14.0), db_to_gain(level_db)

    def read() -> Iterator[Float]:
        at = 0
        for block in voice.blocks():
            stop = min(at + block.size, length)
            if at >= length:
                yield block
                at += block.size
                continue
            pos = np.arange(at, stop)
            music = bed[pos % bed.size].astype(np.float32)
            if n_in > 1:
                music *= np.minimum(1.0, pos / (n_in - 1)).astype(np.float32)
            if n_out > 1:
                tail = (pos - (length - n_out)) / (n_out - 1)
                music *= np.clip(1.0 - tail, 0.0, 1.0).astype(np.float32)
            if activity.size:
                duck = activity[np.minimum(pos // hop, activity.size - 1)]
            else:
                duck = np.zeros(pos.size, dtype=np.float32)
            out = block.copy()
            out[: pos.size] += music * (loud * (1.0 - duck) + soft * duck).astype(np.float32)
            yield out
            at += block.size

    return Signal(len(voice), read)


def _shift(
    chapters: tuple[ChapterMark, ...], chunks: tuple[TimedChunk, ...], ms: float, total_ms: int
) -> tuple[tuple[ChapterMark, ...], tuple[TimedChunk, ...]]:
    def move(c: ChapterMark, first: bool) -> ChapterMark:
        kids = tuple(move(k, first and j == 0) for j, k in enumerate(c.children))
        start = 0 if first else round(c.start_ms + ms)
        return ChapterMark(c.title, start, round(c.end_ms + ms), kids)

    moved = [move(c, i == 0) for i, c in enumerate(chapters)]
    if moved:
        moved[-1] = replace(moved[-1], end_ms=total_ms)
    timed = tuple(replace(c, start_ms=c.start_ms + ms, end_ms=c.end_ms + ms) for c in chunks)
    return tuple(moved), timed


def added_seconds(settings: MasterSettings, rate: int) -> float:
    """Seconds that the intro and outro add (they are not stretched by fitting)."""
    extra = 0.0
    if settings.intro is not None:
        extra += len(load_audio_file(settings.intro, rate)) / rate + 0.5
    if settings.outro is not None:
        extra += len(load_audio_file(settings.outro, rate)) / rate
    return extra


def master(programme: Programme, settings: MasterSettings, encoder_loss: float = 0.0) -> Programme:
    """:func:`master_signal`, with the result in memory."""
    with tempfile.TemporaryDirectory(prefix="audionews-") as folder:
        mastered = master_signal(programme, settings, encoder_loss, Path(folder))
        return replace(mastered, samples=mastered.signal.array())


def _chain(*parts: Signal) -> Signal:
    def read() -> Iterator[Float]:
        for part in parts:
            yield from part.pieces()

    return Signal(sum(len(p) for p in parts), read)


def _voice_loudness(x: Signal, rate: int) -> float | None:
    """The assembled voice's integrated loudness, or None when it cannot be measured."""
    from audionews.loudness import measure_signal

    level = measure_signal(x, rate).integrated
    return level if level > -70.0 else None


def match_level(element: Float, rate: int, voice: float | None) -> Float:
    """``element`` at the voice's loudness (None: as it is; too short or silent: as it is)."""
    if voice is None or len(element) < rate // 2:
        return element
    from audionews.loudness import integrated_loudness

    own = integrated_loudness(element, rate)
    if own <= -70.0:
        return element
    out: Float = (element * np.float32(db_to_gain(voice - own))).astype(np.float32)
    return out


def _normalized(
    x: Signal, rate: int, settings: MasterSettings, encoder_loss: float, spool: Path
) -> tuple[Signal, Loudness | None]:
    """``x`` spooled, then brought to the loudness target under the ceiling (when set)."""
    written = Spool(spool)
    for block in x.blocks():
        written.write(block)
    y = written.signal()
    if settings.loudness is None:
        return y, None
    try:
        y, measured = normalize_signal(
            y, rate, settings.loudness + encoder_loss, settings.true_peak,
            max_miss=settings.shortfall,
        )  # fmt: skip
    except ValueError as exc:
        raise ConfigError(str(exc), setting="loudness") from exc
    if encoder_loss:
        measured = replace(measured, integrated=measured.integrated - encoder_loss)
    return y, measured


def _element_offsets(
    y: Signal, rate: int, intro: Float | None, outro: Float | None, target: float
) -> tuple[float, float]:
    """dB to add to the intro and outro so each lands on ``target`` LUFS in ``y``."""
    from audionews.loudness import integrated_loudness

    head_n = len(intro) if intro is not None else 0
    tail_n = len(outro) if outro is not None else 0
    head: list[Float] = []
    tail = np.zeros(0, dtype=np.float32)
    seen = 0
    for block in y.blocks():
        if seen < head_n:
            head.append(block[: head_n - seen])
        seen += len(block)
        if tail_n:
            tail = np.concatenate([tail, block])[-tail_n:]

    def off(part: Float) -> float:
        level = integrated_loudness(part, rate) if len(part) >= rate // 2 else -100.0
        return 0.0 if level <= -70.0 else target - level

    intro_off = off(np.concatenate(head)) if head else 0.0
    outro_off = off(tail) if tail_n else 0.0
    return intro_off, outro_off


def master_signal(
    programme: Programme, settings: MasterSettings, encoder_loss: float, spool: Path
) -> Programme:
    """Apply bed, intro/outro, resampling and loudness to an assembled programme, streamed:
    the programme before normalization is written to a spool in the folder ``spool``, and the
    result is a :class:`~audionews.audio.Signal` reading it with the gain applied.

    ``encoder_loss``: LU the file's encoder will take off (see
    :func:`audionews.export.mp3_encoder_effects`); the programme is made that much louder so the
    file lands on the target, and the loudness reported is what the file will measure.
    """
    rate = programme.rate
    x = programme.signal
    chapters, chunks = programme.chapters, programme.chunks
    extras = (settings.bed, settings.intro, settings.outro)
    voice = _voice_loudness(x, rate) if settings.match_levels and any(extras) else None
    if settings.bed is not None:
        opening_end = chapters[0].end_ms if chapters else len(x) * 1000 // rate
        bed = match_level(load_audio_file(settings.bed, rate), rate, voice)
        x = _mix_bed(x, bed, rate, opening_end * rate // 1000, settings.bed_level)
    out_rate = settings.sample_rate or rate
    voiced = resample_signal(x, rate, out_rate)
    intro = outro = None
    if settings.intro is not None:
        intro = match_level(load_audio_file(settings.intro, out_rate), out_rate, voice)
        intro = _fade(intro, out_rate, 0.0, 0.05)
    if settings.outro is not None:
        outro = match_level(load_audio_file(settings.outro, out_rate), out_rate, voice)
        outro = _fade(outro, out_rate, 0.05, 0.0)
    pad = np.zeros(int(out_rate * 0.5), dtype=np.float32)
    intro_ms = (len(intro) + len(pad)) * 1000 / out_rate if intro is not None else 0.0
    total = len(voiced) + (len(intro) + len(pad) if intro is not None else 0)
    total += len(outro) if outro is not None else 0
    chapters, chunks = _shift(chapters, chunks, intro_ms, round(total * 1000 / out_rate))
    for attempt in range(2):
        parts = [Signal.of(intro), Signal.of(pad)] if intro is not None else []
        parts += [voiced, *([Signal.of(outro)] if outro is not None else [])]
        y, measured = _normalized(_chain(*parts), out_rate, settings, encoder_loss, spool)
        if attempt or voice is None or measured is None:
            break
        # The limiter takes more from a peaky voice than from music: level the elements again
        # against the voice as it now is, once.
        target = settings.loudness + encoder_loss if settings.loudness is not None else 0.0
        intro_off, outro_off = _element_offsets(y, out_rate, intro, outro, target)
        if max(abs(intro_off), abs(outro_off)) <= 1.0:
            break
        if intro is not None:
            intro = (intro * np.float32(db_to_gain(intro_off))).astype(np.float32)
        if outro is not None:
            outro = (outro * np.float32(db_to_gain(outro_off))).astype(np.float32)
    return Programme(y, out_rate, chapters, chunks, measured)
