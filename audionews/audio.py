"""The audio values that flow between the stages, and the only place samples change type.

Engines speak 16-bit PCM (:class:`Audio`; the cache keeps it as is). From assembly on, a
programme is float32 in [-1, 1] (:class:`Programme`), and it is quantized once, when a file is
written (:func:`float_to_pcm16`, or 24-bit in :mod:`audionews.wav`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    from audionews.loudness import Loudness
    from audionews.script import Pause

__all__ = [
    "Audio",
    "ChapterMark",
    "Float",
    "Mark",
    "Programme",
    "TimedChunk",
    "float_to_pcm16",
    "pcm16_to_float",
]

Float = NDArray[np.float32]
"""Mono samples in [-1, 1]."""


def pcm16_to_float(pcm: bytes) -> Float:
    """16-bit little-endian PCM as float32 in [-1, 1)."""
    out: Float = np.frombuffer(pcm, dtype="<i2").astype(np.float32) / np.float32(32768.0)
    return out


def float_to_pcm16(samples: Float) -> bytes:
    """float32 samples as 16-bit little-endian PCM (clipped, not wrapped)."""
    return bytes((np.clip(samples, -1.0, 32767 / 32768) * 32768.0).astype("<i2").tobytes())


@dataclass(frozen=True)
class Mark:
    """A word or sentence boundary reported by an engine, relative to the start of its audio."""

    start: float
    """Seconds from the start of the clip."""
    duration: float
    text: str


@dataclass(frozen=True)
class Audio:
    """What an engine returns for one chunk: mono 16-bit little-endian PCM."""

    pcm: bytes
    sample_rate: int
    marks: tuple[Mark, ...] = ()
    """Word/sentence boundaries when the engine reports them (edge); empty otherwise."""

    def __post_init__(self) -> None:
        if self.sample_rate <= 0:
            raise ValueError("sample_rate must be positive")
        if len(self.pcm) % 2:
            raise ValueError("16-bit PCM must have an even number of bytes")

    @property
    def samples(self) -> int:
        return len(self.pcm) // 2

    @property
    def duration(self) -> float:
        return self.samples / self.sample_rate

    def to_float(self) -> Float:
        return pcm16_to_float(self.pcm)


@dataclass(frozen=True)
class ChapterMark:
    title: str
    start_ms: int
    end_ms: int
    children: tuple[ChapterMark, ...] = ()
    """Sub-chapters (the sections of a bulletin's story)."""


@dataclass(frozen=True)
class TimedChunk:
    """Where one chunk of the script is heard."""

    text: str
    start_ms: float
    end_ms: float
    pause_after: Pause


@dataclass(frozen=True)
class Programme:
    """A whole programme: float samples, chapters and where each chunk is heard.

    Assembly makes it; mastering returns a new one with ``loudness`` measured.
    """

    samples: Float
    rate: int
    chapters: tuple[ChapterMark, ...]
    chunks: tuple[TimedChunk, ...]
    loudness: Loudness | None = None
    """Measured after mastering, when loudness normalization ran."""

    @property
    def duration(self) -> float:
        return len(self.samples) / self.rate
