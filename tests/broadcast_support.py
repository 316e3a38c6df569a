"""Shared by the broadcast tests: a short article and independent measurements."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import miniaudio
import numpy as np
import pytest

ffmpeg = shutil.which("ffmpeg")
needs_ffmpeg = pytest.mark.skipif(ffmpeg is None, reason="ffmpeg is not installed")

ARTICLE = """Nông dân Đồng Tháp trúng mùa lúa thu đông

05/01/2024 - 07:30

 - Vụ lúa thu đông năm nay, nông dân Đồng Tháp thu hoạch năng suất cao và bán được giá.

Năng suất tăng

Năng suất bình quân đạt hơn sáu tấn mỗi héc ta. Nhiều hộ lãi gần gấp đôi so với năm trước.

Giá lúa ổn định

Thương lái thu mua ngay tại ruộng. Nông dân phấn khởi chuẩn bị cho vụ đông xuân.

MINH TRÍ
"""


def decode(path: Path, rate: int) -> np.ndarray:
    decoded = miniaudio.decode_file(
        str(path), output_format=miniaudio.SampleFormat.FLOAT32, nchannels=1, sample_rate=rate
    )
    return np.asarray(decoded.samples, dtype=np.float32)


def ebur128(path: Path) -> tuple[float, float]:
    """Integrated loudness and true peak as ffmpeg's ebur128 filter measures them."""
    out = subprocess.run(
        [str(ffmpeg), "-nostats", "-i", str(path), "-af", "ebur128=peak=true", "-f", "null", "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    summary = out[out.rindex("Summary:") :]
    integrated = float(summary.split("I:")[1].split("LUFS")[0])
    peak = float(summary.split("Peak:")[1].split("dBFS")[0])
    return integrated, peak


def tone(seconds: float, rate: int, freq: float = 440.0, amp: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (amp * np.sin(2 * np.pi * freq * t)).astype(np.float32)
