"""Measure an MP3 while it is being encoded: a decoder follows the encoders' part files.

The encoders (:func:`audionews.export.encode_mp3_signal`) write the stream in one or two part
files; :class:`Parts` records how far each is written. :func:`follow` decodes the parts in
order in a thread of its own, reading behind the encoders (waiting when it catches up), and
measures what it decodes. The samples are those of the finished file: the raw stream played
without its LAME tag starts with :data:`~audionews.export.MP3_DELAY_SAMPLES` samples of delay
and ends with the encoder's padding, which the tag trims; here they are cut the same way
(pinned by a test against decoding the file). Decoding runs in C without the GIL, so the
measure costs the encoders little, and the file needs no second pass once it is written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from audionews.audio import BLOCK, Float, Signal
from audionews.loudness import Loudness, measure_signal

__all__ = ["Parts", "follow"]


class Abandoned(Exception):
    """The encoding failed: the follower stops."""


class Parts:
    """The part files of one MP3 stream and how far each is written (and flushed)."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths
        self._sizes = [0] * len(paths)
        self._done = [False] * len(paths)
        self._failed = False
        self._frames: int | None = None
        self._cond = threading.Condition()

    def grew(self, index: int, size: int) -> None:
        with self._cond:
            self._sizes[index] = size
            self._cond.notify_all()

    def finished(self, index: int, frames: int | None = None) -> None:
        """Part ``index`` is complete (``frames``: its MP3 frame count, for the first)."""
        with self._cond:
            self._done[index] = True
            if index == 0:
                self._frames = frames
            self._cond.notify_all()

    def fail(self) -> None:
        with self._cond:
            self._failed = True
            self._cond.notify_all()

    def wait(self, index: int, pos: int) -> int:
        """Bytes of part ``index`` readable from ``pos`` (0: the part is complete and read)."""
        with self._cond:
            while self._sizes[index] <= pos and not self._done[index] and not self._failed:
                self._cond.wait()
            if self._failed:
                raise Abandoned
            return max(0, self._sizes[index] - pos)

    def first_frames(self) -> int:
        """The first part's frame count, once it is complete."""
        with self._cond:
            while self._frames is None and not self._failed:
                self._cond.wait()
            if self._failed or self._frames is None:
                raise Abandoned
            return self._frames


def _source(parts: Parts) -> Any:
    """A miniaudio source reading the parts one after the other, behind the encoders."""
    import miniaudio

    class Follower(miniaudio.StreamableSource):  # type: ignore[misc]
        def __init__(self) -> None:
            self.index = 0
            self.pos = 0  # in the current part
            self.fh = open(parts.paths[0], "rb")  # noqa: SIM115 - closed in close()

        def read(self, num_bytes: int) -> bytes:
            while True:
                ready = parts.wait(self.index, self.pos)
                if ready:
                    self.fh.seek(self.pos)
                    data = self.fh.read(min(num_bytes, ready))
                    self.pos += len(data)
                    return data
                if self.index + 1 == len(parts.paths):
                    return b""  # the end of the stream
                self.fh.close()
                self.index, self.pos = self.index + 1, 0
                self.fh = open(parts.paths[self.index], "rb")  # noqa: SIM115

        def seek(self, offset: int, origin: Any) -> bool:
            # the decoder peeks at the first bytes (an ID3 header?) and seeks back
            if origin == miniaudio.SeekOrigin.START and self.index == 0:
                self.pos = offset
                return True
            return False

        def close(self) -> None:
            self.fh.close()

    return Follower()


def follow(
    parts: Parts,
    rate: int,
    lengths: Callable[[], tuple[int, int]],
    expected_peak: float,
    delay: int,
) -> Loudness:
    """Decode the parts as they are written and measure them as the tagged file decodes:
    ``delay`` samples dropped at the start, then the samples the file decodes to and silence
    after them, ``lengths()`` giving both counts (it may wait for the first part's frame
    count; it is asked once the first of two parts is decoded). Returns when the stream
    ends."""
    import miniaudio

    source = _source(parts)

    def decoded() -> Iterator[Float]:
        stream = miniaudio.stream_any(
            source,
            source_format=miniaudio.FileFormat.MP3,
            output_format=miniaudio.SampleFormat.FLOAT32,
            nchannels=1,
            sample_rate=rate,
            frames_to_read=BLOCK,
        )
        skip, done, end = delay, 0, -1
        for piece in stream:
            x = np.frombuffer(piece, dtype=np.float32)
            if skip:
                x, skip = x[skip:], max(0, skip - x.size)
            if end < 0 and (source.index > 0 or len(parts.paths) == 1):
                end, signal.length = lengths()  # before any sample past the end is read
            if end >= 0:
                x = x[: end - done]
            done += x.size
            if x.size:
                yield x
            if 0 <= end <= done:
                break
        if end < 0:  # a stream shorter than its first part (never, but never pad forever)
            end, signal.length = lengths()

    signal = Signal(1 << 62, decoded)  # its length is set as soon as it is known
    try:
        return measure_signal(signal, rate, expected_peak)
    finally:
        source.close()
