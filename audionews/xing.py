"""A Xing header for VBR MP3 streams (lameenc does not write one).

Without it, players estimate a VBR file's duration from its first frame's bitrate and seek to
the wrong places. The header is an extra, silent-to-decoders MPEG frame at the start carrying
the number of frames, the number of bytes and a 100-entry seek table. No LAME extension is
written, so decoders do not trim the encoder delay (see ``export.MP3_DELAY_SAMPLES``).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

__all__ = ["add_xing_header", "file_frames", "frames", "xing_frame"]

_BITRATES = {
    1: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


@dataclass(frozen=True)
class Frame:
    offset: int
    length: int
    header: int


def _parse(header: int) -> tuple[int, int, int, int] | None:
    """(version bits, bitrate kbps, sample rate, frame length) of a Layer III header."""
    if header >> 21 != 0x7FF:
        return None
    version = (header >> 19) & 3
    layer = (header >> 17) & 3
    br_index = (header >> 12) & 15
    sr_index = (header >> 10) & 3
    if version == 1 or layer != 1 or br_index in (0, 15) or sr_index == 3:
        return None
    table = 1 if version == 3 else 2
    bitrate = _BITRATES[table][br_index]
    rate = _RATES[version][sr_index]
    padding = (header >> 9) & 1
    coef = 144000 if version == 3 else 72000
    return version, bitrate, rate, coef * bitrate // rate + padding


def frames(data: bytes) -> list[Frame]:
    out: list[Frame] = []
    pos = 0
    while pos + 4 <= len(data):
        header = struct.unpack(">I", data[pos : pos + 4])[0]
        parsed = _parse(header)
        if parsed is None:
            pos += 1
            continue
        length = parsed[3]
        out.append(Frame(pos, length, header))
        pos += length
    return out


def file_frames(path: str) -> tuple[int, list[int]]:
    """(first frame header, offset of every frame) of an MP3 stream file, read header by
    header (the audio is never loaded)."""
    offsets: list[int] = []
    first = 0
    with open(path, "rb") as fh:
        pos = 0
        while True:
            fh.seek(pos)
            raw = fh.read(4)
            if len(raw) < 4:
                break
            header = struct.unpack(">I", raw)[0]
            parsed = _parse(header)
            if parsed is None:
                pos += 1
                continue
            if not offsets:
                first = header
            offsets.append(pos)
            pos += parsed[3]
    return first, offsets


def xing_frame(first: int, offsets: list[int], size: int) -> bytes:
    """A Xing VBR header frame for a stream of ``size`` bytes whose frames start at
    ``offsets`` (the first frame's header is ``first``)."""
    parsed = _parse(first)
    assert parsed is not None
    version, _, rate, _ = parsed
    mono = ((first >> 6) & 3) == 3
    side = (17 if mono else 32) if version == 3 else (9 if mono else 17)
    needed = 4 + side + 4 + 4 + 4 + 4 + 100 + 4
    table = 1 if version == 3 else 2
    coef = 144000 if version == 3 else 72000
    br_index = next(
        i for i, br in enumerate(_BITRATES[table]) if br and coef * br // rate >= needed
    )
    length = coef * _BITRATES[table][br_index] // rate
    header = (first & ~(0xF << 12) & ~(1 << 9)) | (br_index << 12) | (1 << 16)  # no CRC
    total = size + length
    toc = bytearray(100)
    for i in range(100):
        offset = offsets[min(len(offsets) - 1, i * len(offsets) // 100)]
        toc[i] = min(255, (offset + length) * 256 // total)
    # Fields in order: flags, frames, bytes, TOC, quality.
    body = (
        struct.pack(">I", header)
        + b"\x00" * side
        + b"Xing"
        + struct.pack(">III", 0x0F, len(offsets), total)
        + bytes(toc)
        + struct.pack(">I", 50)
    )
    return body.ljust(length, b"\x00")


def add_xing_header(data: bytes) -> bytes:
    """Prefix ``data`` (a headerless MP3 stream) with a Xing VBR header frame."""
    found = frames(data)
    if not found:
        return data
    return xing_frame(found[0].header, [f.offset for f in found], len(data)) + data
