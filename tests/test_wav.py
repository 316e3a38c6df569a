"""Broadcast WAV: format, bext, loudness and cue markers, read back by independent readers."""

from __future__ import annotations

import json
import subprocess
import wave
from pathlib import Path

import pytest
from broadcast_support import ebur128, needs_ffmpeg
from support import ffprobe
from typer.testing import CliRunner

from audionews.cli import app

runner = CliRunner()


@needs_ffmpeg
def test_radio_wav_loudness_with_ffmpeg(radio) -> None:
    integrated, peak = ebur128(radio.path)
    assert integrated == pytest.approx(-23.0, abs=0.5)
    assert peak <= -1.0 + 0.05


def test_radio_wav_format_and_bext(radio) -> None:
    wavinfo = pytest.importorskip("wavinfo")
    info = wavinfo.WavInfoReader(str(radio.path))
    assert info.fmt.sample_rate == 48000
    assert info.fmt.bits_per_sample == 24
    assert info.fmt.channel_count == 1
    assert info.bext.description.startswith("Nong dan Dong Thap")
    assert info.bext.originator == "Dai Phat thanh Mau"
    assert info.bext.version == 2
    assert info.bext.loudness_value == pytest.approx(-23.0, abs=0.1)
    assert info.bext.max_true_peak <= -1.0
    assert "A=PCM,F=48000,W=24" in info.bext.coding_history
    cues = info.cues
    assert cues is not None
    # wavinfo decodes labels as Latin-1; ours are UTF-8 (as Reaper and Audition write them).
    labels = [cues.label_and_note(c.name)[0].encode("latin-1").decode() for c in cues.cues]
    assert labels == [c.title for c in radio.chapters]
    starts = [c.sample_offset for c in cues.cues]
    assert starts == [round(c.start_ms * 48) for c in radio.chapters]


@pytest.mark.skipif(ffprobe is None, reason="ffprobe is not installed")
def test_radio_wav_bext_read_by_ffprobe(radio) -> None:
    out = subprocess.run(
        [str(ffprobe), "-v", "error", "-show_format", "-of", "json", str(radio.path)],
        capture_output=True,
        text=True,
        check=True,
    )
    tags = json.loads(out.stdout)["format"]["tags"]
    assert tags["title"] == "Nông dân Đồng Tháp trúng mùa lúa thu đông"
    assert tags["date"] == "2024-01-05"


def test_radio_profile_writes_broadcast_wav(article: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["make", str(article), "-e", "espeak", "--profile", "radio", "-o", f"{tmp_path}/"]
    )
    assert result.exit_code == 0, result.output
    (wav,) = tmp_path.glob("*.wav")
    with wave.open(str(wav)) as w:
        assert (w.getframerate(), w.getsampwidth()) == (48000, 3)
    assert "-23.0 LUFS" in result.output
