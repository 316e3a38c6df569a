"""Stage 7, export: the programme becomes an MP3 with ID3 tags and chapters, written atomically.

MP3 is encoded with LAME through the ``lameenc`` wheel (no system ffmpeg). Tags and chapters are
written with mutagen as ID3v2.3: ffmpeg 5.x misreads ID3v2.4 sub-frame sizes and silently drops
chapters whose title is 128 bytes or more, and a Vietnamese headline in UTF-16 often is. Chapters
are a top-level ordered CTOC plus one CHAP per section, written in time order (mutagen would
otherwise order frames by size).
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import glob
import itertools
import json
import logging
import os
import re
import shutil
import tempfile
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from audionews.audio import (
    BLOCK,
    ChapterMark,
    Float,
    Programme,
    Signal,
    float_to_pcm16,
    read_ahead,
)
from audionews.defaults import DEFAULT_BITRATE
from audionews.errors import ConfigError, ExportError

if TYPE_CHECKING:
    from audionews.article import Article
    from audionews.loudness import Loudness

__all__ = [
    "MP3_DELAY_SAMPLES",
    "HeardTimes",
    "Tags",
    "artist_from_byline",
    "atomic_write",
    "encode_mp3",
    "encode_mp3_fast",
    "encode_mp3_signal",
    "measure_mp3",
    "mp3_delay_ms",
    "mp3_encoder_effects",
    "mp3_true_peak_headroom",
    "slugify",
    "write_mp3",
    "write_mp3_timed",
    "write_wav",
]

#: MPEG-1 and MPEG-2 Layer III bitrates LAME accepts for mono.
BITRATES = (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 192, 224, 256, 320)
_MPEG1_RATES = (32000, 44100, 48000)


@dataclass(frozen=True)
class Tags:
    """ID3 metadata for a programme."""

    title: str
    artist: str | None = None
    """The byline's author(s)."""
    album: str | None = None
    publisher: str | None = None
    date: datetime | date | None = None
    language: str = "vie"
    """ISO 639-2 code."""
    comment: str | None = None
    encoder: str | None = None
    cover: Cover | None = None
    """Cover art (APIC in MP3, covr in M4A)."""

    @classmethod
    def for_article(
        cls,
        article: Article,
        *,
        album: str | None = None,
        publisher: str | None = None,
        encoder: str | None = None,
        artist: str | None = None,
        cover: Path | None = None,
    ) -> Tags:
        """Tags from what the article says: title, byline (unless ``artist`` is given), date
        and lead."""
        return cls(
            title=article.title,
            artist=artist or artist_from_byline(article.byline),
            album=album,
            publisher=publisher,
            date=article.published,
            comment=article.lead,
            encoder=encoder,
            cover=Cover.load(cover) if cover is not None else None,
        )


@dataclass(frozen=True)
class Cover:
    """A cover image: JPEG or PNG bytes and their MIME type."""

    data: bytes
    mime: str

    MAX_BYTES = 10_000_000

    @classmethod
    def load(cls, path: Path) -> Cover:
        """Read a JPEG or PNG; a clear error for anything else (by content, not name)."""
        try:
            with Path(path).open("rb") as fh:
                data = fh.read(cls.MAX_BYTES + 1)
        except OSError as exc:
            raise ConfigError(
                f"{path}: cannot read the cover image ({exc.strerror}).", setting="cover"
            ) from exc
        if len(data) > cls.MAX_BYTES:
            raise ConfigError(f"{path}: a cover image over 10 MB is too big.", setting="cover")
        if data[:3] == b"\xff\xd8\xff":
            return cls(data, "image/jpeg")
        if data[:8] == b"\x89PNG\r\n\x1a\n":
            return cls(data, "image/png")
        raise ConfigError(f"{path}: a cover must be a JPEG or PNG image.", setting="cover")


def artist_from_byline(byline: str | None) -> str | None:
    """ "THU THẢO - MINH AN" -> "Thu Thảo, Minh An"; "Theo TTXVN" -> "TTXVN" (the byline rules
    are :func:`audionews.script.parse_credit`, the same the spoken byline uses)."""
    if not byline:
        return None
    from audionews.script import parse_credit

    return ", ".join(parse_credit(byline).names)


def slugify(title: str, max_length: int = 80) -> str:
    """A safe file stem from a Vietnamese title: ASCII, lower case, words joined by '-'.

    "Đảng bộ Khối ..." -> "dang-bo-khoi-...". Never empty, never a path, never hidden, never a
    name Windows reserves for a device ("Con" -> "con-").
    """
    text = title.replace("Đ", "D").replace("đ", "d")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(text) > max_length:
        text = text[:max_length].rsplit("-", 1)[0] or text[:max_length]
    if text in _WINDOWS_RESERVED:  # "Con" would be the console on Windows, not a file
        text += "-"
    return text or "programme"


_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{d}{n}" for d in ("com", "lpt") for n in range(10)]
)


#: Samples a decoder plays before the audio of a bare LAME stream (encoder delay 576 + decoder
#: delay 529), measured for lameenc at 22.05-48 kHz and 64/128 kbps (:func:`encode_mp3`).
#: Written files carry a LAME tag with the delay and padding, which decoders trim (ffmpeg,
#: miniaudio; tested sample-exact): there, the audio is heard at its own time.
MP3_DELAY_SAMPLES = 1105


def mp3_delay_ms(sample_rate: int) -> float:
    return MP3_DELAY_SAMPLES * 1000 / sample_rate


def encode_mp3(
    pcm: bytes,
    sample_rate: int,
    bitrate: int = DEFAULT_BITRATE,
    quality: int = 3,
    vbr_quality: int | None = None,
    xing: bool = True,
) -> bytes:
    """Encode mono 16-bit PCM to CBR MP3 at ``bitrate`` kbps, keeping ``sample_rate``.

    ``quality`` is LAME's algorithm quality (0 best/slowest .. 9); 3 is the lame program's default.
    With ``vbr_quality`` (0 best .. 9), the stream is VBR and gets a Xing header (frame count,
    byte count, seek table) so players show the right duration and seek correctly.
    """
    if vbr_quality is not None and not 0 <= vbr_quality <= 9:
        raise ConfigError(f"VBR quality {vbr_quality} must be between 0 (best) and 9.")
    if bitrate not in BITRATES:
        raise ConfigError(
            f"bitrate {bitrate} kbps is not an MP3 bitrate. Use one of: "
            f"{', '.join(map(str, BITRATES))}."
        )
    if sample_rate not in _MPEG1_RATES and bitrate > 160:
        raise ConfigError(
            f"{bitrate} kbps needs a 32/44.1/48 kHz programme; this engine makes "
            f"{sample_rate} Hz audio, which allows at most 160 kbps."
        )
    enc = _encoder(sample_rate, bitrate, quality, vbr_quality)
    try:
        data = bytes(enc.encode(pcm)) + bytes(enc.flush())
    except Exception as exc:  # lameenc raises bare RuntimeError on bad parameters
        raise ExportError(
            f"MP3 encoding failed (LAME, {bitrate} kbps, {sample_rate} Hz): {exc}"
        ) from exc
    if vbr_quality is not None and xing:
        from audionews.xing import add_xing_header

        data = add_xing_header(data)
    return data


def _encoder(sample_rate: int, bitrate: int, quality: int, vbr_quality: int | None) -> Any:
    import lameenc

    enc = lameenc.Encoder()
    enc.set_bit_rate(bitrate)
    enc.set_in_sample_rate(sample_rate)
    enc.set_out_sample_rate(sample_rate)
    enc.set_channels(1)
    enc.set_quality(quality)
    if vbr_quality is not None:
        enc.set_vbr(4)  # vbr_default (mtrh)
        enc.set_vbr_quality(vbr_quality)
    return enc


def _encode_to(
    blocks: Iterator[Float], out: Path, rate: int, bitrate: int, vbr_quality: int | None
) -> None:
    """Encode float blocks (quantized one by one) into the MP3 stream file ``out``."""
    enc = _encoder(rate, bitrate, 3, vbr_quality)
    try:
        with open(out, "wb") as fh:
            for block in blocks:
                fh.write(enc.encode(float_to_pcm16(block)))
            fh.write(enc.flush())
    except RuntimeError as exc:  # lameenc raises bare RuntimeError on bad parameters
        raise ExportError(f"MP3 encoding failed (LAME, {bitrate} kbps, {rate} Hz): {exc}") from exc


@contextlib.contextmanager
def atomic_write(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target`` atomically.

    On any error the temporary file is removed and ``target`` is left as it was; a failure to
    write (a full disk, no permission) is an :class:`ExportError` naming the file (exit code 4).
    Inside :func:`programme_unit` the replacement waits for the unit, so a programme and its
    sidecars appear together or not at all. Temporary files are ``.<name>.<pid>.<random>.part``;
    those left by a killed process are removed the next time the file is written.
    """
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{target.parent}: cannot create the folder ({exc.strerror}).") from exc
    recover_writes(target.parent, only=target.name)
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}.", suffix=".part", dir=target.parent
        )
    except OSError as exc:
        raise ExportError(f"{target.parent}: cannot write there ({exc.strerror}).") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    unit = _UNIT.get()
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        if unit is not None:
            unit.stage(tmp, target)
        else:
            os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError) and not isinstance(exc, ExportError):
            raise _write_error(target, exc) from exc
        raise


def _write_error(target: Path, exc: OSError) -> ExportError:
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return ExportError(
            f"{target}: cannot be written ({reason}). Free some space on that disk (or write "
            "elsewhere with -o) and run again; nothing was changed."
        )
    return ExportError(f"{target}: cannot be written ({reason}). Nothing was changed.")


def mp3_true_peak_headroom(bitrate: int) -> float:
    """dB left under the true-peak ceiling for what MP3 encoding adds to the peaks (measured
    with ffmpeg's ebur128: 0.3-0.6 dB at 64 kbps, less at higher bitrates)."""
    if bitrate <= 64:
        return 0.5
    return 0.3 if bitrate <= 128 else 0.2


def mp3_encoder_effects(
    samples: Float | Signal,
    rate: int,
    bitrate: int = DEFAULT_BITRATE,
    vbr_quality: int | None = None,
    excerpt_seconds: float = 12.0,
) -> tuple[float, float]:
    """(LU the encoder takes off, dB the encoder adds to the true peak), measured by encoding
    and decoding a 12 s excerpt from the middle of the programme."""
    import miniaudio

    from audionews.loudness import integrated_loudness, true_peak_db

    signal = samples if isinstance(samples, Signal) else Signal.of(samples)
    n = int(excerpt_seconds * rate)
    start = max(0, (len(signal) - n) // 2)
    part = signal.slice(start, start + n)
    if len(part) < rate:
        return 0.0, 0.0
    pcm = float_to_pcm16(part)
    decoded = miniaudio.decode(
        encode_mp3(pcm, rate, bitrate, vbr_quality=vbr_quality),
        output_format=miniaudio.SampleFormat.FLOAT32,
        nchannels=1,
        sample_rate=rate,
    )
    heard = np.asarray(decoded.samples, dtype=np.float32)[MP3_DELAY_SAMPLES:][: len(part)]
    before = integrated_loudness(part, rate)
    after = integrated_loudness(heard, rate)
    rise = max(0.0, min(3.0, true_peak_db(heard, rate) - true_peak_db(part, rate)))
    if before < -60 or after < -60:
        return 0.0, rise
    return float(max(-1.0, min(1.0, before - after))), rise


@dataclass(frozen=True)
class HeardTimes:
    """Maps a time in the programme's PCM to when it is heard in the MP3.

    A stream encoded in two halves (see :func:`encode_mp3_fast`) plays, inside the pause where
    it was cut, the first half's padding and the second half's delay. The encoder delay at the
    start is trimmed by decoders when the file has a LAME tag (``delay`` 0, what this package
    writes); a bare stream plays it first (``delay`` :data:`MP3_DELAY_SAMPLES`).
    """

    rate: int
    split_ms: float | None = None
    """Where the second half starts, in programme time."""
    inserted_ms: float = 0.0
    """Silence added at the cut."""
    delay: int = MP3_DELAY_SAMPLES
    """Samples played before the audio (0 with a LAME tag)."""

    def __call__(self, ms: float) -> float:
        heard = ms + self.delay * 1000 / self.rate
        if self.split_ms is not None and ms >= self.split_ms:
            heard += self.inserted_ms
        return heard

    def chapters(
        self, chapters: tuple[ChapterMark, ...], at_zero: bool = True
    ) -> tuple[ChapterMark, ...]:
        """Chapters (and their sub-chapters) as heard; the first stays at 0."""
        return tuple(
            ChapterMark(
                c.title,
                0 if at_zero and i == 0 else round(self(c.start_ms)),
                round(self(c.end_ms)),
                self.chapters(c.children, at_zero and i == 0),
            )
            for i, c in enumerate(chapters)
        )


#: Programmes shorter than this are encoded in one stream.
PARALLEL_MIN_SECONDS = 60.0
_MIN_CUT_PAUSE_S = 0.3


def _cut_point(pcm: bytes, rate: int) -> int | None:
    """A sample in the middle of the digital-silence pause nearest the programme's middle
    (among the middle third), or None."""
    x = np.frombuffer(pcm, dtype="<i2")
    n = len(x)
    if n < PARALLEL_MIN_SECONDS * rate:
        return None
    sound = np.flatnonzero(x)
    if sound.size < 2:
        return None
    gaps = np.diff(sound)
    long = np.flatnonzero(gaps > _MIN_CUT_PAUSE_S * rate)
    if long.size == 0:
        return None
    middles = sound[long] + gaps[long] // 2
    inside = middles[(middles > n // 3) & (middles < 2 * n // 3)]
    if inside.size == 0:
        return None
    return int(inside[np.argmin(np.abs(inside - n // 2))])


def encode_mp3_fast(
    pcm: bytes,
    sample_rate: int,
    bitrate: int = DEFAULT_BITRATE,
    quality: int = 3,
    vbr_quality: int | None = None,
) -> tuple[bytes, HeardTimes]:
    """Encode on two cores: lameenc releases the GIL while LAME works, so the first half is
    encoded in a second thread while this one encodes the second half.

    The stream is cut in the middle of a pause of digital silence; the two MP3 streams are
    joined frame-exactly (each is a valid stream; decoders play them back to back), which adds
    the first half's padding and the second half's delay, about 0.1 s, inside that pause.
    :class:`HeardTimes` accounts for it. Falls back to one stream when there is no such pause
    or the programme is short.
    """
    from concurrent.futures import ThreadPoolExecutor

    from audionews.xing import frames

    cut = _cut_point(pcm, sample_rate)
    n = len(pcm) // 2
    if cut is None:
        first = encode_mp3(pcm, sample_rate, bitrate, quality, vbr_quality, xing=False)
        second = b""
        timing = HeardTimes(sample_rate, delay=0)
    else:
        at = cut * 2
        with ThreadPoolExecutor(1, thread_name_prefix="audionews-lame") as pool:
            pending = pool.submit(
                encode_mp3, pcm[:at], sample_rate, bitrate, quality, vbr_quality, False
            )
            second = encode_mp3(pcm[at:], sample_rate, bitrate, quality, vbr_quality, xing=False)
            first = pending.result()
        inserted = len(frames(first)) * _per_frame(sample_rate) - cut
        timing = HeardTimes(
            sample_rate, cut * 1000 / sample_rate, inserted * 1000 / sample_rate, delay=0
        )
    data = first + second
    found = frames(data)
    tag = _lame_tag(
        found[0].header if found else 0,
        [f.offset for f in found],
        len(data),
        n,
        timing,
        bitrate,
        vbr_quality,
    )
    if tag is None:
        return encode_mp3(pcm, sample_rate, bitrate, quality, vbr_quality), HeardTimes(sample_rate)
    return tag + data, timing


def _per_frame(rate: int) -> int:
    return 1152 if rate >= 32000 else 576


def _lame_tag(
    first: int,
    offsets: list[int],
    size: int,
    samples: int,
    timing: HeardTimes,
    bitrate: int,
    vbr_quality: int | None,
) -> bytes | None:
    """The LAME-tagged header frame for a stream of ``samples`` samples (plus the silence
    inserted at a cut), or None when the stream has no frames or the padding does not fit."""
    from audionews.xing import LAME_ENCODER_DELAY, lame_frame

    if not offsets:
        return None
    heard = samples + round(timing.inserted_ms * timing.rate / 1000)
    padding = len(offsets) * _per_frame(timing.rate) - LAME_ENCODER_DELAY - heard
    try:
        return lame_frame(first, offsets, size, vbr_quality is not None, padding, bitrate)
    except ValueError:
        return None


def _silent_cut(programme: Programme) -> int | None:
    """A sample in the middle of a pause of digital silence near the programme's middle (from
    the chunk times, checked on the samples), or None."""
    rate, n = programme.rate, len(programme.samples)
    if n < PARALLEL_MIN_SECONDS * rate or not programme.chunks:
        return None
    chunks = programme.chunks
    middles = [
        round((a.end_ms + b.start_ms) / 2 * rate / 1000)
        for a, b in itertools.pairwise(chunks)
        if b.start_ms - a.end_ms > _MIN_CUT_PAUSE_S * 1000
    ]
    inside = sorted((m for m in middles if n // 3 < m < 2 * n // 3), key=lambda m: abs(m - n // 2))
    half = int(rate * _MIN_CUT_PAUSE_S / 4)
    for m in inside[:3]:  # only the samples around each candidate are read
        around = programme.signal.slice(m - half, m + half)
        if float(np.abs(around).max(initial=0.0)) < 1 / 32768:  # quantizes to 0
            return m
    return None


def encode_mp3_signal(
    programme: Programme,
    out: Path,
    bitrate: int = DEFAULT_BITRATE,
    vbr_quality: int | None = None,
) -> HeardTimes:
    """Encode ``programme`` block by block into the MP3 file ``out`` (a LAME-tagged Info/Xing
    frame, then the stream; no ID3 yet), on two cores when a silent pause near the middle
    allows (as :func:`encode_mp3_fast`)."""
    from concurrent.futures import ThreadPoolExecutor

    from audionews.xing import file_frames

    rate = programme.rate
    signal = programme.signal
    n = len(signal)
    cut = _silent_cut(programme)
    first_part = out.with_name(out.name + ".1")
    second_part = out.with_name(out.name + ".2")
    timing = HeardTimes(rate, delay=0)
    try:
        if cut is None:
            _encode_to(signal.blocks(), first_part, rate, bitrate, vbr_quality)
            parts = [first_part]
        else:
            with ThreadPoolExecutor(1, thread_name_prefix="audionews-lame") as pool:
                first_half, second_half = signal.part(0, cut), signal.part(cut, n)
                pending = pool.submit(
                    _encode_to, first_half.blocks(), first_part, rate, bitrate, vbr_quality
                )
                _encode_to(second_half.blocks(), second_part, rate, bitrate, vbr_quality)
                pending.result()
            parts = [first_part, second_part]
        first, offsets, size = 0, [], 0
        for part in parts:
            header, found = file_frames(str(part))
            if part is first_part and cut is not None:
                inserted = len(found) * _per_frame(rate) - cut
                timing = HeardTimes(rate, cut * 1000 / rate, inserted * 1000 / rate, delay=0)
            first = first or header
            offsets += [size + o for o in found]
            size += part.stat().st_size
        tag = _lame_tag(first, offsets, size, n, timing, bitrate, vbr_quality)
        if tag is None:  # no gapless tag: decoders play the delay
            timing = replace(timing, delay=MP3_DELAY_SAMPLES)
            if vbr_quality is not None and offsets:
                from audionews.xing import xing_frame

                tag = xing_frame(first, offsets, size)
        with open(out, "wb") as fh:
            fh.write(tag or b"")
            for part in parts:
                with open(part, "rb") as src:
                    shutil.copyfileobj(src, fh, 1 << 20)
    finally:
        for part in (first_part, second_part):
            with contextlib.suppress(OSError):
                part.unlink()
    return timing


def write_mp3_timed(
    programme: Programme,
    target: Path,
    tags: Tags,
    bitrate: int = DEFAULT_BITRATE,
    vbr_quality: int | None = None,
) -> HeardTimes:
    """Encode (on two cores when it pays) and write ``programme`` with tags and chapters as
    heard, atomically. Returns the mapping from programme time to heard time. The samples are
    streamed: quantized and encoded block by block."""
    with atomic_write(target) as tmp:
        timing = encode_mp3_signal(programme, tmp, bitrate, vbr_quality)
        try:
            _write_tags(tmp, tags, timing.chapters(programme.chapters))
        except Exception as exc:
            raise ExportError(f"{target}: writing ID3 tags failed: {exc}") from exc
    return timing


def measure_mp3(
    path: Path, rate: int, samples: int | None = None, expected_peak: float = 0.0
) -> Loudness:
    """Loudness and true peak of an MP3 file as decoded (streamed, never all in memory);
    ``samples``: how many it decodes to, ``expected_peak`` (linear) about where its true peak
    is, when known."""
    import miniaudio

    from audionews.loudness import measure_signal
    from audionews.xing import file_frames

    length = samples or len(file_frames(str(path))[1]) * _per_frame(rate)

    def decoded() -> Iterator[Float]:
        stream = miniaudio.stream_file(
            str(path),
            output_format=miniaudio.SampleFormat.FLOAT32,
            nchannels=1,
            sample_rate=rate,
            frames_to_read=BLOCK,
        )
        for part in stream:
            yield np.frombuffer(part, dtype=np.float32)

    # decoded in a thread (miniaudio lets go of the GIL) while the blocks before are measured
    signal = Signal(length, lambda: read_ahead(decoded()))
    return measure_signal(signal, rate, expected_peak)


def write_mp3(
    programme: Programme,
    target: Path,
    tags: Tags,
    bitrate: int = DEFAULT_BITRATE,
    vbr_quality: int | None = None,
) -> Path:
    """Encode ``programme`` and write it to ``target`` with tags and chapters, atomically.

    Chapter times are those heard (see :class:`HeardTimes`).
    """
    write_mp3_timed(programme, target, tags, bitrate, vbr_quality)
    return target


def write_wav(programme: Programme, target: Path, tags: Tags, bits: int = 24) -> Path:
    """Write a Broadcast WAV (bext with the programme's loudness, cue markers per section),
    atomically; the samples are streamed (header first: the sizes are known)."""
    from audionews.wav import BextInfo, wav_data, wav_header

    rate = programme.rate

    info = BextInfo(
        description=tags.title,
        originator=tags.publisher or "audionews",
        originator_reference=slugify(tags.title, 32),
        origination=tags.date,
        coding_history=f"A=PCM,F={rate},W={bits},M=mono,T={tags.encoder or 'audionews'}\r\n",
        artist=tags.artist,
    )
    signal = programme.signal
    header = wav_header(len(signal), rate, bits, programme.chapters, info, programme.loudness)
    with atomic_write(target) as tmp, open(tmp, "wb") as fh:
        fh.write(header)
        for block in signal.blocks():
            fh.write(wav_data(block, bits))
        if len(signal) * (bits // 8) % 2:
            fh.write(b"\x00")
    return target


def _ordered_id3_class() -> Any:
    """An ID3 that writes frames in insertion order, so CHAP frames follow time order."""
    from mutagen.id3 import ID3
    from mutagen.id3._tags import save_frame

    class OrderedID3(ID3):
        def _write(self, config: Any) -> bytearray:
            return bytearray().join(save_frame(f, config=config) for f in self.values())

    return OrderedID3


def _write_tags(path: Path, tags: Tags, chapters: tuple[ChapterMark, ...]) -> None:
    from mutagen.id3 import (
        COMM,
        TALB,
        TDRC,
        TIT2,
        TLAN,
        TPE1,
        TPUB,
        TSSE,
    )

    id3 = _ordered_id3_class()()
    id3.add(TIT2(encoding=1, text=[tags.title]))
    if tags.artist:
        id3.add(TPE1(encoding=1, text=[tags.artist]))
    if tags.album:
        id3.add(TALB(encoding=1, text=[tags.album]))
    if tags.publisher:
        id3.add(TPUB(encoding=1, text=[tags.publisher]))
    if tags.date is not None:
        stamp = tags.date.strftime(
            "%Y-%m-%dT%H:%M" if isinstance(tags.date, datetime) else "%Y-%m-%d"
        )
        id3.add(TDRC(encoding=1, text=[stamp]))
    id3.add(TLAN(encoding=1, text=[tags.language]))
    if tags.comment:
        id3.add(COMM(encoding=1, lang=tags.language, desc="", text=[tags.comment]))
    if tags.encoder:
        id3.add(TSSE(encoding=1, text=[tags.encoder]))
    if tags.cover is not None:
        from mutagen.id3 import APIC, PictureType

        cover = tags.cover
        id3.add(APIC(encoding=0, mime=cover.mime, type=PictureType.COVER_FRONT, data=cover.data))
    if chapters:
        _add_chapters(id3, chapters)
    id3.update_to_v23()
    id3.save(str(path), v2_version=3, v23_sep="/")


def _add_chapters(id3: Any, chapters: tuple[ChapterMark, ...]) -> None:
    """A top-level ordered CTOC and one CHAP per chapter; a story's sections get their own
    ordered (not top-level) CTOC."""
    from mutagen.id3 import CHAP, CTOC, TIT2, CTOCFlags

    ids = [f"chp{i}" for i in range(len(chapters))]
    id3.add(
        CTOC(
            element_id="toc",
            flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
            child_element_ids=ids,
            sub_frames=[TIT2(encoding=1, text=["Mục lục"])],
        )
    )

    def chap(cid: str, mark: ChapterMark) -> Any:
        return CHAP(
            element_id=cid,
            start_time=mark.start_ms,
            end_time=mark.end_ms,
            start_offset=0xFFFFFFFF,
            end_offset=0xFFFFFFFF,
            sub_frames=[TIT2(encoding=1, text=[mark.title])],
        )

    for n, (cid, mark) in enumerate(zip(ids, chapters, strict=True)):
        id3.add(chap(cid, mark))
        if mark.children:  # sub-chapters: an ordered, not top-level CTOC of their own
            kids = [f"chp{n}s{j}" for j in range(len(mark.children))]
            id3.add(
                CTOC(
                    element_id=f"toc{n}",
                    flags=CTOCFlags.ORDERED,
                    child_element_ids=kids,
                    sub_frames=[TIT2(encoding=1, text=[mark.title])],
                )
            )
            for kid, child in zip(kids, mark.children, strict=True):
                id3.add(chap(kid, child))


# --- a programme and its sidecars, written as one unit -----------------------------------------

_UNIT_SUFFIX = ".unit"
_SIDECAR_SUFFIXES = (".srt", ".vtt", ".chapters.json", ".labels.txt", ".cue", ".manifest.json")
_STALE_SECONDS = 3600.0
"""A temporary file without a (readable) process id is stale after this long."""
_ABANDONED_SECONDS = 86400.0
"""Any temporary file of ours is stale after this long (its process id may have been reused)."""


class ProgrammeUnit:
    """Files written with :func:`atomic_write` inside :func:`programme_unit`: staged (complete
    and synced under a temporary name) until the unit commits them together."""

    def __init__(self) -> None:
        self.staged: list[tuple[Path, Path]] = []

    def stage(self, tmp: Path, target: Path) -> None:
        for old, g in self.staged:
            if g == target and old != tmp:  # written again in the unit: the last one counts
                with contextlib.suppress(OSError):
                    old.unlink()
        self.staged = [(t, g) for t, g in self.staged if g != target]
        self.staged.append((tmp, target))

    def path_of(self, target: Path) -> Path | None:
        """Where the staged contents of ``target`` are until the unit commits."""
        return next((t for t, g in reversed(self.staged) if g == target), None)

    def add(self, target: Path, data: bytes) -> None:
        """Write ``data`` to ``target`` as part of the unit (e.g. a settings stamp)."""
        with atomic_write(target) as tmp:
            tmp.write_bytes(data)

    def _discard(self) -> None:
        for tmp, _ in self.staged:
            with contextlib.suppress(OSError):
                tmp.unlink()
        self.staged = []

    def _commit(self) -> None:
        if not self.staged:
            return
        audio = next(
            (g for _, g in self.staged if g.suffix.lower() in (".mp3", ".wav", ".m4a")),
            self.staged[-1][1],
        )
        written = {g for _, g in self.staged}
        # The sidecars of an earlier programme that this one does not replace would describe
        # the wrong audio: they go with the commit.
        stem = audio.name[: -len(audio.suffix)] if audio.suffix else audio.name
        is_audio = audio.suffix.lower() in (".mp3", ".wav", ".m4a")
        stale = [
            audio.with_name(stem + suffix)
            for suffix in _SIDECAR_SUFFIXES
            if is_audio
            and audio.with_name(stem + suffix) not in written
            and audio.with_name(stem + suffix).exists()
        ]
        # The audio is replaced last: until then readers see the old programme.
        moves = sorted(self.staged, key=lambda m: m[1] == audio)
        journal = audio.with_name(f".{audio.name}{_UNIT_SUFFIX}")
        record = {
            "pid": os.getpid(),
            "moves": [[str(t), str(g)] for t, g in moves],
            "remove": [str(p) for p in stale],
        }
        try:
            with atomic_write(journal) as tmp:  # not staged: the unit is cleared below first
                tmp.write_text(json.dumps(record), encoding="utf-8")
        except BaseException:
            self._discard()
            raise
        self.staged = []
        try:
            _apply(record)
        except OSError as exc:  # the journal stays: the next write to the folder finishes it
            raise _write_error(audio, exc) from exc
        with contextlib.suppress(OSError):
            journal.unlink()
        _sync_dir(audio.parent)


_UNIT: contextvars.ContextVar[ProgrammeUnit | None] = contextvars.ContextVar(
    "audionews_unit", default=None
)


def written_path(target: Path) -> Path:
    """Where the file just written to ``target`` can be read: its staged copy inside a
    :func:`programme_unit`, else ``target`` itself."""
    unit = _UNIT.get()
    staged = unit.path_of(Path(target)) if unit is not None else None
    return staged or Path(target)


@contextlib.contextmanager
def programme_unit() -> Iterator[ProgrammeUnit]:
    """Write a programme and its sidecars as one unit: every :func:`atomic_write` in this block
    (in this thread) is staged, and replaces its target only when the block ends without error;
    on an error nothing is replaced and the temporary files go. The commit is journalled
    (``.<audio>.unit``): if the process is killed in the middle, the next write to that folder
    (or :func:`recover_writes`) finishes it, so a new programme never sits beside an older
    programme's sidecars. Sidecars of the earlier programme that the new one does not write
    are removed with the commit.
    """
    outer = _UNIT.get()
    if outer is not None:  # nested: the outer unit commits
        yield outer
        return
    unit = ProgrammeUnit()
    token = _UNIT.set(unit)
    try:
        yield unit
    except BaseException:
        _UNIT.reset(token)
        unit._discard()
        raise
    _UNIT.reset(token)
    unit._commit()


def _apply(record: dict[str, Any]) -> None:
    for tmp, target in record["moves"]:
        with contextlib.suppress(FileNotFoundError):  # done before the process was killed
            os.replace(tmp, target)
    for stale in record["remove"]:
        with contextlib.suppress(OSError):
            os.unlink(stale)


def _sync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # e.g. another user's process: it exists
        return True
    return True


def _owner(name: str, suffix: str) -> int | None:
    """The process id in ``.<target>.<pid>.<random><suffix>``, if there is one."""
    parts = name[1 : -len(suffix)].rsplit(".", 2)
    return int(parts[1]) if len(parts) == 3 and parts[1].isdigit() else None


def recover_writes(folder: Path, only: str | None = None) -> int:
    """Finish the unit commits a killed process left in ``folder`` and remove our temporary files
    that no live process owns (``only``: just those of that file name). Returns how many files
    were cleaned up or completed. Never raises for a file it cannot touch."""
    folder = Path(folder)
    fixed = 0
    try:
        name = glob.escape(only) if only else "*"
        journals = list(folder.glob(f".{name}{_UNIT_SUFFIX}"))
        parts = list(folder.glob(f".{name}.*.part"))
    except OSError:
        return 0
    for journal in journals:
        try:
            record = json.loads(journal.read_text(encoding="utf-8"))
            if _alive(int(record["pid"])):
                continue  # a commit under way in a live process
            _apply(record)
            journal.unlink()
            fixed += 1
        except (OSError, ValueError, KeyError, TypeError):
            logging.getLogger(__name__).warning(
                "%s: unreadable commit journal left as it is", journal
            )
    now = time.time()
    for part in parts:
        try:
            pid = _owner(part.name, ".part")
            age = now - part.stat().st_mtime
            if age < _ABANDONED_SECONDS and (
                (pid is not None and _alive(pid)) or (pid is None and age < _STALE_SECONDS)
            ):
                continue
            part.unlink()
            fixed += 1
        except OSError:
            continue
    return fixed
