"""Mastering: programme loudness on the written file (independent meters), intro, outro, bed."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest
from broadcast_support import decode, ebur128, needs_ffmpeg
from support import sine_pcm
from typer.testing import CliRunner

from audionews.cli import app
from audionews.pipeline import RenderSettings, make

runner = CliRunner()


def test_podcast_loudness_with_pyloudnorm(podcast) -> None:
    pyln = pytest.importorskip("pyloudnorm")
    x = decode(podcast.path, 22050)
    assert pyln.Meter(22050).integrated_loudness(x.astype(np.float64)) == pytest.approx(
        -16.0, abs=0.5
    )
    assert podcast.loudness is not None and podcast.loudness.true_peak <= -1.5


@needs_ffmpeg
def test_podcast_loudness_with_ffmpeg(podcast) -> None:
    integrated, peak = ebur128(podcast.path)
    assert integrated == pytest.approx(-16.0, abs=0.5)
    assert peak <= -1.5 + 0.3  # MP3 decoding may overshoot the PCM's true peak slightly


def _write_wav(path: Path, seconds: float, freq: float, rate: int = 44100) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(sine_pcm(seconds, rate, freq, 0.3))
    return path


def test_intro_outro_and_bed(article: Path, tmp_path: Path) -> None:
    intro = _write_wav(tmp_path / "intro.wav", 2.0, 660.0)
    outro = _write_wav(tmp_path / "outro.wav", 1.5, 440.0)
    bed = _write_wav(tmp_path / "bed.wav", 3.0, 220.0)
    plain = make(article, output=tmp_path / "p.wav", engine="espeak")
    dressed = make(
        article,
        output=tmp_path / "d.wav",
        engine="espeak",
        settings=RenderSettings(intro=intro, outro=outro, bed=bed, sidecars=("srt",)),
    )
    assert dressed.duration == pytest.approx(plain.duration + 2.0 + 0.5 + 1.5, abs=0.05)
    shift = [b.start_ms - a.start_ms for a, b in zip(plain.chapters, dressed.chapters, strict=True)]
    assert shift[0] == 0 and all(s == pytest.approx(2500, abs=2) for s in shift[1:])
    with wave.open(str(dressed.path)) as w:
        rate = w.getframerate()
        assert w.getsampwidth() == 2  # the podcast profile's WAV depth (radio's is 24-bit)
    x = decode(dressed.path, rate)
    opening_gap = x[int(2.5 * rate) : int(2.5 * rate) + rate // 50]
    assert np.abs(opening_gap).max() > 0  # the bed plays under the opening


def test_missing_intro_is_a_clear_error(article: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "make",
            str(article),
            "-e",
            "espeak",
            "-o",
            str(tmp_path / "x.mp3"),
            "--intro",
            str(tmp_path / "nope.mp3"),
        ],
    )
    assert result.exit_code == 2
    assert "nope.mp3" in result.output
