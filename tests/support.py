"""Shared test helpers and paths."""

from __future__ import annotations

import math
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
