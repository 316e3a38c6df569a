"""Xing/Info header frames for MP3 streams (lameenc writes none).

A Xing header lets players show a VBR file's duration and seek (frame count, byte count,
100-entry seek table); an Info header is the same for CBR. Both are an extra MPEG frame at the
start that decoders do not play. :func:`lame_frame` adds LAME's extension with the encoder
delay and the end padding, which gapless decoders (ffmpeg, miniaudio, mutagen's duration) trim:
the file then plays exactly the programme's samples. :func:`add_xing_header` (no LAME
extension, so decoders do play the delay) is kept for :func:`audionews.export.encode_mp3`.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

__all__ = [
    "LAME_ENCODER_DELAY",
    "add_xing_header",
    "file_frames",
    "frames",
    "lame_frame",
    "xing_frame",
]

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


def _crc16(data: bytes) -> int:
    """CRC-16 (ARC, polynomial 0x8005 reflected), as the LAME tag's checksum."""
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc


LAME_ENCODER_DELAY = 576
"""Samples LAME's encoder puts before the audio (decoders add their own 529)."""
_LAME_SIZE = 36


def _tag_frame(first: int, offsets: list[int], size: int, name: bytes, lame: bool) -> bytes:
    parsed = _parse(first)
    assert parsed is not None
    version, bitrate, rate, _ = parsed
    mono = ((first >> 6) & 3) == 3
    side = (17 if mono else 32) if version == 3 else (9 if mono else 17)
    needed = 4 + side + 4 + 4 + 4 + 4 + 100 + 4 + (_LAME_SIZE if lame else 0)
    table = 1 if version == 3 else 2
    coef = 144000 if version == 3 else 72000
    fits = [i for i, br in enumerate(_BITRATES[table]) if br and coef * br // rate >= needed]
    # CBR: the stream's own bitrate when the header fits in it (players take it as CBR)
    br_index = (first >> 12) & 15 if name == b"Info" and coef * bitrate // rate >= needed else 0
    br_index = br_index or fits[0]
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
        + name
        + struct.pack(">III", 0x0F, len(offsets), total)
        + bytes(toc)
        + struct.pack(">I", 50)
    )
    return body.ljust(length, b"\x00")


def xing_frame(first: int, offsets: list[int], size: int) -> bytes:
    """A Xing VBR header frame for a stream of ``size`` bytes whose frames start at
    ``offsets`` (the first frame's header is ``first``)."""
    return _tag_frame(first, offsets, size, b"Xing", lame=False)


def lame_frame(
    first: int, offsets: list[int], size: int, vbr: bool, padding: int, bitrate: int
) -> bytes:
    """A Xing (VBR) or Info (CBR) frame with LAME's extension: the encoder delay
    (:data:`LAME_ENCODER_DELAY`) and ``padding`` (samples after the audio in the last frame)
    for gapless decoders, and the bitrate (CBR) or minimum bitrate (VBR)."""
    if not 0 <= padding < 4096:
        raise ValueError(f"padding {padding} does not fit a LAME tag")
    frame = bytearray(_tag_frame(first, offsets, size, b"Xing" if vbr else b"Info", lame=True))
    at = frame.index(b"Xing" if vbr else b"Info") + 120
    delay = LAME_ENCODER_DELAY
    ext = (
        b"LAME3.100"
        + bytes([4 if vbr else 1])  # tag revision 0; VBR method: vbr_mtrh (4) or CBR (1)
        + b"\x00"  # lowpass unknown
        + b"\x00" * 4  # peak amplitude unknown
        + b"\x00" * 4  # no ReplayGain
        + b"\x00"  # encoding flags, ATH type
        + bytes([min(255, bitrate)])
        + bytes([delay >> 4, (delay & 0xF) << 4 | padding >> 8, padding & 0xFF])
        + b"\x00" * 4  # misc, MP3 gain, preset and surround
        + struct.pack(">I", size + len(frame))  # music length, this frame included
        + b"\x00\x00"  # music CRC (not computed)
    )
    frame[at : at + len(ext)] = ext
    frame[at + len(ext) : at + len(ext) + 2] = struct.pack(">H", _crc16(bytes(frame[: at + 34])))
    return bytes(frame)


def add_xing_header(data: bytes) -> bytes:
    """Prefix ``data`` (a headerless MP3 stream) with a Xing VBR header frame."""
    found = frames(data)
    if not found:
        return data
    return xing_frame(found[0].header, [f.offset for f in found], len(data)) + data
