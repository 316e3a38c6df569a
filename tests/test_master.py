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
    """The ceiling holds on the encoded MP3 itself (encoding raises the true peak 0.3-0.6 dB
    at 64 kbps), and the result reports what the file measures."""
    integrated, peak = ebur128(podcast.path)
    assert integrated == pytest.approx(-16.0, abs=0.5)
    assert peak <= -1.5
    assert podcast.loudness is not None
    assert podcast.loudness.integrated == pytest.approx(integrated, abs=0.2)
    assert podcast.loudness.true_peak == pytest.approx(peak, abs=0.5)


@needs_ffmpeg
def test_example_mp3_true_peak_under_the_ceiling(tmp_path: Path) -> None:
    from support import EXAMPLE

    result = make(EXAMPLE, output=tmp_path / "ex.mp3", engine="espeak")
    integrated, peak = ebur128(result.path)
    assert peak <= -1.5
    assert integrated == pytest.approx(-16.0, abs=0.5)


def test_resampling_is_clean_and_needs_no_scipy() -> None:
    """soxr: a 997 Hz tone resampled 22.05 -> 48 kHz is within -120 dB of the ideal, and
    scipy (143 MB) is not imported for it."""
    import subprocess
    import sys

    from audionews.master import resample

    a, b = 22050, 48000
    t = np.arange(2 * a) / a
    y = resample((0.5 * np.sin(2 * np.pi * 997 * t)).astype(np.float32), a, b)
    assert len(y) == 2 * b
    ref = 0.5 * np.sin(2 * np.pi * 997 * np.arange(len(y)) / b)
    err = (y - ref)[b // 10 : -b // 10]
    assert 10 * np.log10(np.mean(ref**2) / np.mean(err**2)) > 120
    code = (
        "import sys, numpy as np; from audionews.master import resample; "
        "resample(np.zeros(22050, np.float32), 22050, 48000); "
        "print('scipy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


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


def test_intro_outro_and_sting_match_the_voice_unless_kept(article: Path, tmp_path: Path) -> None:
    """A -7 LUFS intro came out 10 LU louder than the voice: elements are levelled now."""
    from audionews.loudness import integrated_loudness

    intro = tmp_path / "loud.wav"
    with wave.open(str(intro), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(44100)
        w.writeframes(sine_pcm(3.0, 44100, 440.0, 0.9))  # about -4 LUFS
    levels = {}
    for keep in (False, True):
        out = tmp_path / f"{keep}.wav"
        args = ["make", str(article), "-e", "espeak", "-o", str(out), "--intro", str(intro)]
        result = runner.invoke(app, [*args, *(["--keep-levels"] if keep else [])])
        assert result.exit_code == 0, result.output
        with wave.open(str(out)) as w:
            rate = w.getframerate()
        x = decode(out, rate)
        head = integrated_loudness(x[: int(2.5 * rate)], rate)
        voice = integrated_loudness(x[int(4 * rate) :], rate)
        levels[keep] = head - voice
    # Matched to the voice, then once more after the programme's limiter (which takes more
    # from a peaky voice than from a steady tone): within about 1.5 LU of the voice.
    assert abs(levels[False]) < 2.0
    assert levels[True] > levels[False] + 5.0  # kept: as loud as it was made
