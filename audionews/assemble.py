"""Stage 6, assemble: chunk audio and pauses become one programme with chapter times.

Each chunk's own leading and trailing silence is trimmed (pydub), then exact pauses are inserted,
so pacing does not depend on how much silence an engine happens to add. Raw PCM is joined once
(repeated ``AudioSegment +`` copies the whole programme each time and is quadratic).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

from audionews.engines import Audio
from audionews.script import Pause, Script

__all__ = ["ChapterMark", "Pauses", "Programme", "TimedChunk", "assemble", "trim_silence"]


@dataclass(frozen=True)
class Pauses:
    """Silence after a chunk, in milliseconds, by what follows it."""

    clause: int = 150
    sentence: int = 400
    paragraph: int = 800
    section: int = 1500
    end: int = 600

    def __post_init__(self) -> None:
        for name in ("clause", "sentence", "paragraph", "section", "end"):
            if not 0 <= getattr(self, name) <= 10_000:
                raise ValueError(f"pause {name} must be between 0 and 10000 ms")

    def after(self, pause: Pause) -> int:
        ms: int = getattr(self, pause.value)
        return ms


@dataclass(frozen=True)
class ChapterMark:
    title: str
    start_ms: int
    end_ms: int


@dataclass(frozen=True)
class TimedChunk:
    text: str
    start_ms: float
    end_ms: float


@dataclass(frozen=True)
class Programme:
    """The assembled programme: audio, chapters and where each chunk is heard."""

    audio: Audio
    chapters: tuple[ChapterMark, ...]
    chunks: tuple[TimedChunk, ...]

    @property
    def duration(self) -> float:
        return self.audio.duration


def _pydub() -> type:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # "Couldn't find ffmpeg": not needed here
        from pydub import AudioSegment
    cls: type = AudioSegment
    return cls


def trim_silence(audio: Audio, threshold_dbfs: float = -45.0, keep_ms: int = 15) -> Audio:
    """Cut leading and trailing silence below ``threshold_dbfs``, keeping ``keep_ms`` of each."""
    from pydub.silence import detect_leading_silence

    segment_cls = _pydub()
    seg = segment_cls(data=audio.pcm, sample_width=2, frame_rate=audio.sample_rate, channels=1)
    total = len(seg)
    if total == 0:
        return audio
    head = detect_leading_silence(seg, silence_threshold=threshold_dbfs, chunk_size=5)
    if head >= total:  # all silence: keep it as it is (an engine's pause is still a pause)
        return audio
    tail = detect_leading_silence(seg.reverse(), silence_threshold=threshold_dbfs, chunk_size=5)
    start = max(0, head - keep_ms)
    end = min(total, total - tail + keep_ms)
    trimmed = seg[start:end]
    return Audio(trimmed.raw_data, audio.sample_rate)


def assemble(
    script: Script,
    clips: Sequence[Audio],
    pauses: Pauses | None = None,
    trim: bool = True,
) -> Programme:
    """Join the audio of every chunk of ``script`` (in order) with pauses; compute chapters."""
    pauses = pauses or Pauses()
    chunks = script.chunks
    if len(clips) != len(chunks):
        raise ValueError(f"{len(clips)} clips for {len(chunks)} chunks")
    if not clips:
        raise ValueError("nothing to assemble")
    rate = clips[0].sample_rate
    if any(c.sample_rate != rate for c in clips):
        raise ValueError("all clips of one programme must share a sample rate (one engine)")

    parts: list[bytes] = []
    position = 0  # in samples
    timed: list[TimedChunk] = []
    starts: list[int] = []
    index = 0
    for chapter in script.chapters:
        starts.append(position)
        for chunk in chapter.chunks:
            clip = trim_silence(clips[index]) if trim else clips[index]
            index += 1
            begin = position
            parts.append(clip.pcm)
            position += clip.samples
            timed.append(TimedChunk(chunk.text, begin * 1000 / rate, position * 1000 / rate))
            gap = pauses.after(chunk.pause_after) * rate // 1000
            parts.append(b"\x00\x00" * gap)
            position += gap
    audio = Audio(b"".join(parts), rate)

    total_ms = round(position * 1000 / rate)
    marks: list[ChapterMark] = []
    for i, chapter in enumerate(script.chapters):
        start = round(starts[i] * 1000 / rate)
        end = round(starts[i + 1] * 1000 / rate) if i + 1 < len(starts) else total_ms
        marks.append(ChapterMark(chapter.title, start, end))
    return Programme(audio=audio, chapters=tuple(marks), chunks=tuple(timed))
