"""Broadcast WAV (EBU Tech 3285 BWF): PCM 16/24-bit with ``bext``, cue markers and labels.

Chunks written, in order: ``fmt``, ``bext`` (version 2, with loudness values; ASCII),
``CSET`` (code page 65001: the cue labels are UTF-8), ``LIST/INFO`` (title, artist, date;
folded to ASCII, since readers such as mediainfo and playout systems take INFO as Latin-1
whatever CSET says),
``cue`` (one cue point per section), ``LIST/adtl`` (every ``labl`` name, then every ``ltxt``
region length, which also declares code page 65001), then ``data``. Playout systems and editors
(Audition, Reaper, Audacity, ffprobe for bext) read these.
"""

from __future__ import annotations

import struct
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
from numpy.typing import NDArray

from audionews.audio import ChapterMark
from audionews.errors import ConfigError
from audionews.loudness import Loudness

__all__ = ["BextInfo", "wav_bytes", "wav_data", "wav_header"]


@dataclass(frozen=True)
class BextInfo:
    description: str
    originator: str = "audionews"
    originator_reference: str = ""
    origination: datetime | date | None = None
    coding_history: str = ""
    artist: str | None = None


def _folded(text: str) -> bytes:
    """Vietnamese folded to plain ASCII letters ("Đồng Tháp" -> "Dong Thap")."""
    folded = unicodedata.normalize("NFKD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in folded if not unicodedata.combining(c)).encode("ascii", "replace")


def _ascii(text: str, size: int) -> bytes:
    """BWF text fields are ASCII: fold Vietnamese to plain letters, pad with NULs."""
    return _folded(text)[:size].ljust(size, b"\x00")


def _chunk(tag: bytes, payload: bytes) -> bytes:
    pad = b"\x00" if len(payload) % 2 else b""
    return tag + struct.pack("<I", len(payload)) + payload + pad


def _lu(value: float | None) -> int:
    """Loudness fields are int16 hundredths; 0x7FFF means 'not known'."""
    if value is None or not np.isfinite(value):
        return 0x7FFF
    return max(-32767, min(32766, round(value * 100)))


def _bext(info: BextInfo, loudness: Loudness | None) -> bytes:
    when = info.origination or date.today()
    stamp_date = when.strftime("%Y-%m-%d").encode()
    stamp_time = (when.strftime("%H:%M:%S") if isinstance(when, datetime) else "00:00:00").encode()
    lv = loudness
    fields = struct.pack(
        "<256s32s32s10s8sQH64s5h180s",
        _ascii(info.description, 256),
        _ascii(info.originator, 32),
        _ascii(info.originator_reference, 32),
        stamp_date,
        stamp_time,
        0,
        2,
        b"\x00" * 64,
        _lu(lv.integrated if lv else None),
        _lu(lv.loudness_range if lv else None),
        _lu(lv.true_peak if lv else None),
        _lu(lv.max_momentary if lv else None),
        _lu(lv.max_short_term if lv else None),
        b"\x00" * 180,
    )
    return fields + info.coding_history.encode("ascii", "replace")


#: The cue labels are UTF-8, declared as Windows code page 65001 (UTF-8) in a RIFF ``CSET``
#: chunk (and in each ``ltxt``), for Vietnam (country 84), Vietnamese (language 0x2A,
#: sub-language 1). INFO and bext are folded to ASCII: mediainfo and playout systems read INFO
#: as Latin-1 whatever CSET says (measured: mojibake), and bext has no way to say UTF-8.
CODE_PAGE_UTF8 = 65001
_COUNTRY, _LANGUAGE, _DIALECT = 84, 0x2A, 1


def _cset() -> bytes:
    return _chunk(b"CSET", struct.pack("<HHHH", CODE_PAGE_UTF8, _COUNTRY, _LANGUAGE, _DIALECT))


def _info(title: str, artist: str | None, when: datetime | date | None) -> bytes:
    items = [(b"INAM", title), (b"ISFT", "audionews")]
    if artist:
        items.append((b"IART", artist))
    if when is not None:
        items.append((b"ICRD", when.strftime("%Y-%m-%d")))
    body = b"INFO" + b"".join(_chunk(tag, _folded(text) + b"\x00") for tag, text in items)
    return _chunk(b"LIST", body)


def _cues(chapters: Sequence[ChapterMark], rate: int) -> bytes:
    """``cue `` points and a ``LIST/adtl`` with every ``labl`` first, then every ``ltxt``:
    ffmpeg reads the labels only while they come one after another (5.1 stopped at the first
    ``ltxt``, showing one chapter title)."""
    if not chapters:
        return b""
    points = b"".join(
        struct.pack(
            "<II4sIII",
            i + 1,
            round(c.start_ms * rate / 1000),
            b"data",
            0,
            0,
            round(c.start_ms * rate / 1000),
        )
        for i, c in enumerate(chapters)
    )
    cue = _chunk(b"cue ", struct.pack("<I", len(chapters)) + points)
    labels = b"".join(
        _chunk(b"labl", struct.pack("<I", i + 1) + c.title.encode("utf-8") + b"\x00")
        for i, c in enumerate(chapters)
    )
    regions = b"".join(
        _chunk(
            b"ltxt",
            struct.pack(
                "<II4sHHHH",
                i + 1,
                round((c.end_ms - c.start_ms) * rate / 1000),
                b"rgn ",
                _COUNTRY,
                _LANGUAGE,
                _DIALECT,
                CODE_PAGE_UTF8,
            ),
        )
        for i, c in enumerate(chapters)
    )
    return cue + _chunk(b"LIST", b"adtl" + labels + regions)


def wav_data(samples: NDArray[np.float32], bits: int) -> bytes:
    """Samples quantized to 16- or 24-bit little-endian PCM."""
    if bits == 16:
        return (np.clip(samples, -1.0, 32767 / 32768) * 32768).astype("<i2").tobytes()
    if bits == 24:
        ints = (np.clip(samples, -1.0, 8388607 / 8388608) * 8388608).astype("<i4")
        return ints.view(np.uint8).reshape(-1, 4)[:, :3].tobytes()
    raise ConfigError(f"WAV bit depth {bits} is not supported (16 or 24).")


def wav_header(
    samples: int,
    rate: int,
    bits: int,
    chapters: Sequence[ChapterMark],
    info: BextInfo,
    loudness: Loudness | None,
) -> bytes:
    """Everything of a mono BWF file before its PCM: the PCM (``samples`` long, plus a pad
    byte when odd) follows it."""
    if bits not in (16, 24):
        raise ConfigError(f"WAV bit depth {bits} is not supported (16 or 24).")
    block = bits // 8
    size = samples * block
    fmt = struct.pack("<HHIIHH", 1, 1, rate, rate * block, block, bits)
    head = (
        b"WAVE"
        + _chunk(b"fmt ", fmt)
        + _chunk(b"bext", _bext(info, loudness))
        + _cset()
        + _info(info.description, info.artist, info.origination)
        + _cues(chapters, rate)
    )
    riff = len(head) + 8 + size + size % 2
    if riff + 8 > 0xFFFFFFFF:
        raise ConfigError("the programme is too long for a WAV file (4 GB); use MP3.")
    return b"RIFF" + struct.pack("<I", riff) + head + b"data" + struct.pack("<I", size)


def wav_bytes(
    samples: NDArray[np.float32],
    rate: int,
    bits: int,
    chapters: Sequence[ChapterMark],
    info: BextInfo,
    loudness: Loudness | None,
) -> bytes:
    """A complete mono BWF file."""
    header = wav_header(len(samples), rate, bits, chapters, info, loudness)
    data = wav_data(samples, bits)
    return header + data + (b"\x00" if len(data) % 2 else b"")
