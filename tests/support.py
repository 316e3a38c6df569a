"""Shared test helpers and paths."""

from __future__ import annotations

import base64
import json
import math
import re
import shutil
import struct
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = FIXTURES / "articles"
EXAMPLE = ROOT / "examples" / "dong-bang-song-cuu-long-mua-nuoc-noi.txt"

ffprobe = shutil.which("ffprobe")
needs_ffprobe = pytest.mark.skipif(ffprobe is None, reason="ffprobe is not installed")


def sine_pcm(seconds: float, rate: int, freq: float = 440.0, amplitude: float = 0.5) -> bytes:
    """Mono 16-bit PCM of a sine tone."""
    n = int(seconds * rate)
    peak = int(32767 * amplitude)
    return struct.pack(
        f"<{n}h", *(int(peak * math.sin(2 * math.pi * freq * i / rate)) for i in range(n))
    )


GOOGLE_URL = re.compile(
    r"https://translate\.google\.[a-z.]+/_/TranslateWebserverUi/data/batchexecute"
)


def fake_mp3(seconds: float = 0.5, rate: int = 24000) -> bytes:
    """A real MP3 (LAME) of a tone, like the 24 kHz mono answers of Google's endpoint."""
    import lameenc

    enc = lameenc.Encoder()
    enc.set_bit_rate(32)
    enc.set_in_sample_rate(rate)
    enc.set_out_sample_rate(rate)
    enc.set_channels(1)
    return bytes(enc.encode(sine_pcm(seconds, rate))) + bytes(enc.flush())


def google_body(mp3: bytes) -> str:
    """A batchexecute answer that gTTS accepts, carrying ``mp3``."""
    b64 = base64.b64encode(mp3).decode()
    frame = json.dumps(
        [["wrb.fr", "jQ1olc", json.dumps([b64]), None, None, None, "generic"]],
        separators=(",", ":"),
    )
    return ")]}'\n\n" + str(len(frame)) + "\n" + frame + "\n"


def sent_rpc(body: str | bytes | None) -> list[object]:
    """Decode gTTS's f.req form body back to [text, lang, speed, ...]."""
    from urllib.parse import unquote

    assert body is not None
    text = body.decode() if isinstance(body, bytes) else body
    assert text.startswith("f.req=")
    outer = json.loads(unquote(text[len("f.req=") :].rstrip("&")))
    inner: list[object] = json.loads(outer[0][0][1])
    return inner
