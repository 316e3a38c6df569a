"""The audio values that flow between the stages, and the only place samples change type.

Engines speak 16-bit PCM (:class:`Audio`; the cache keeps it as is). From assembly on, a
programme is float32 in [-1, 1] (:class:`Programme`), and it is quantized once, when a file is
written (:func:`float_to_pcm16`, or 24-bit in :mod:`audionews.wav`).

A programme's samples are an array, or a :class:`Signal`: samples read block by block, as
many times as needed, from files on disk (:class:`Spool`), so memory does not grow with the
programme's length.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    from audionews.loudness import Loudness
    from audionews.script import Pause

__all__ = [
    "BLOCK",
    "Audio",
    "ChapterMark",
    "Float",
    "Mark",
    "Programme",
    "Signal",
    "Spool",
    "TimedChunk",
    "float_to_pcm16",
    "pcm16_to_float",
    "read_ahead",
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


BLOCK = 1 << 16
"""Samples per block when a signal is streamed (1.5-3 s; a few hundred KB)."""


class Signal:
    """Mono float32 samples of a known length, read block by block (never all at once), as
    many times as needed: ``read()`` starts a new pass and yields pieces of any size.

    ``seek(start)``, when the source can, starts a pass at sample ``start`` without reading
    what comes before (a spool, an array, a join of clips, a gain on one of them), so
    :meth:`part` reads only its own samples.

    Blocks yielded are for reading only: a consumer that changes samples copies them first.
    """

    def __init__(
        self,
        length: int,
        read: Callable[[], Iterable[Float]],
        seek: Callable[[int], Iterable[Float]] | None = None,
    ) -> None:
        self.length = int(length)
        self._read = read
        self._seek = seek

    def __len__(self) -> int:
        return self.length

    @classmethod
    def of(cls, x: Float) -> Signal:
        array: Float = np.asarray(x, dtype=np.float32)
        return cls(len(array), lambda: iter((array,)), lambda start: iter((array[start:],)))

    def read_from(self, start: int) -> Iterator[Float]:
        """The source's pieces from sample ``start`` (by seeking when it can, else by reading
        and dropping what comes before)."""
        if start <= 0:
            yield from self._read()
            return
        if self._seek is not None:
            yield from self._seek(start)
            return
        skip = start
        for piece in self._read():
            if skip >= piece.size:
                skip -= piece.size
                continue
            yield piece[skip:]
            skip = 0

    def part(self, start: int, stop: int) -> Signal:
        """Samples ``start:stop`` as a signal of their own (read from ``start`` on)."""
        start = max(0, min(start, self.length))
        stop = max(start, min(stop, self.length))
        return Signal(
            stop - start, lambda: self.read_from(start), lambda at: self.read_from(start + at)
        )

    def pieces(self) -> Iterator[Float]:
        """Exactly ``length`` samples, in pieces of any size (cut or zero-padded to length)."""
        got = 0
        for piece in self._read():
            if got >= self.length:
                break
            if got + piece.size > self.length:
                piece = piece[: self.length - got]
            got += piece.size
            if piece.size:
                yield piece
        if got < self.length:
            yield np.zeros(self.length - got, dtype=np.float32)

    def blocks(self, size: int = BLOCK) -> Iterator[Float]:
        """Blocks of exactly ``size`` samples (the last one may be shorter)."""
        parts: list[Float] = []
        have = 0
        for piece in self.pieces():
            while piece.size:
                take = min(size - have, piece.size)
                parts.append(piece[:take])
                have += take
                piece = piece[take:]
                if have == size:
                    yield parts[0] if len(parts) == 1 else np.concatenate(parts)
                    parts, have = [], 0
        if have:
            yield parts[0] if len(parts) == 1 else np.concatenate(parts)

    def array(self) -> Float:
        """All the samples in memory (for short signals and tests)."""
        parts = list(self.pieces())
        out: Float = np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)
        return out

    def slice(self, start: int, stop: int) -> Float:
        """Samples ``start:stop`` in memory (an excerpt; see :meth:`part`)."""
        parts = list(self.part(start, stop).pieces())
        out: Float = np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)
        return out


def read_ahead(pieces: Iterable[Float], depth: int = 4) -> Iterator[Float]:
    """``pieces``, produced in a thread up to ``depth`` ahead of the consumer (a decoder that
    releases the GIL then works while the previous piece is used). The thread stops (and is
    joined) when the consumer does; an error in it is raised to the consumer."""
    import queue
    import threading

    ready: queue.Queue[tuple[Float | None, BaseException | None]] = queue.Queue(depth)
    stop = threading.Event()

    def put(item: tuple[Float | None, BaseException | None]) -> bool:
        """Hand ``item`` over; False when the consumer has stopped."""
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for piece in pieces:
                if not put((piece, None)):
                    return
            put((None, None))
        except BaseException as exc:  # handed to the consumer
            put((None, exc))
        finally:
            close = getattr(pieces, "close", None)
            if close is not None:
                close()

    worker = threading.Thread(target=produce, name="audionews-read-ahead", daemon=True)
    worker.start()
    try:
        while True:
            piece, error = ready.get()
            if error is not None:
                raise error
            if piece is None:
                return
            yield piece
    finally:
        stop.set()
        worker.join()  # it stops at its next piece: no thread outlives the reading


class Spool:
    """A temporary file of samples (float32, or the engines' int16) written once, in order,
    and read back in blocks from any offset. Removed with its folder."""

    def __init__(self, folder: Path, dtype: str = "<f4") -> None:
        fd, name = tempfile.mkstemp(dir=folder, suffix=".pcm")
        self._fh = os.fdopen(fd, "wb")
        self.path = Path(name)
        self.dtype = np.dtype(dtype)
        self.length = 0

    def write(self, x: np.ndarray) -> int:
        """Append samples; returns the offset (in samples) they start at."""
        at = self.length
        self._fh.write(np.ascontiguousarray(x, dtype=self.dtype).tobytes())
        self.length += len(x)
        return at

    def close(self) -> None:
        if not self._fh.closed:
            self._fh.close()

    def read(self, start: int, count: int, block: int = BLOCK) -> Iterator[np.ndarray]:
        """``count`` samples from ``start``, in blocks, as stored."""
        if not self._fh.closed:
            self._fh.flush()
        with open(self.path, "rb") as fh:
            fh.seek(start * self.dtype.itemsize)
            left = count
            while left > 0:
                part = np.fromfile(fh, dtype=self.dtype, count=min(block, left))
                if part.size == 0:
                    break
                left -= part.size
                yield part

    def signal(self) -> Signal:
        """The whole spool as float32 (int16 spools are scaled to [-1, 1))."""
        self.close()
        scale = np.float32(1 / 32768) if self.dtype.kind == "i" else None

        def read_from(start: int) -> Iterator[Float]:
            for part in self.read(start, self.length - start):
                yield part * scale if scale is not None else part

        return Signal(self.length, lambda: read_from(0), read_from)


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
    ``samples`` is an array (:func:`audionews.assemble.assemble`) or a :class:`Signal`
    streamed from disk (what :func:`audionews.pipeline.render` uses).
    """

    samples: Float | Signal
    """In memory, or streamed from disk (long programmes: see :class:`Signal`)."""
    rate: int
    chapters: tuple[ChapterMark, ...]
    chunks: tuple[TimedChunk, ...]
    loudness: Loudness | None = None
    """Measured after mastering, when loudness normalization ran (for an MP3: measured on
    the encoded file, see :func:`audionews.export.write_mp3_timed`)."""

    @property
    def signal(self) -> Signal:
        """The samples as a :class:`Signal`, whichever way they are held."""
        s = self.samples
        return s if isinstance(s, Signal) else Signal.of(s)

    @property
    def duration(self) -> float:
        return len(self.samples) / self.rate
