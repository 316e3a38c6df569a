"""Broadcast WAV: format, bext, loudness and cue markers, read back by independent readers."""

from __future__ import annotations

import json
import shutil
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
    starts = [c.sample_offset for c in cues.cues]
    assert starts == [round(c.start_ms * 48) for c in radio.chapters]


def _riff_chunks(data: bytes, body: bytes = b"") -> list[tuple[bytes, bytes]]:
    """Top-level chunks (id, payload) of a RIFF file, and of each LIST inside it."""
    out = []
    pos = 12
    while pos + 8 <= len(data):
        tag, size = data[pos : pos + 4], int.from_bytes(data[pos + 4 : pos + 8], "little")
        payload = data[pos + 8 : pos + 8 + size]
        out.append((tag, payload))
        if tag == b"LIST":
            out += _riff_chunks(b"RIFF\0\0\0\0" + payload)
        pos += 8 + size + size % 2
    return out


def test_radio_wav_declares_its_text_code_page_for_wavinfo(radio) -> None:
    """Labels are UTF-8, and a CSET chunk says so (code page 65001): a reader that takes the
    declared code page (wavinfo defaults to Latin-1) shows the right titles. INFO is ASCII."""
    wavinfo = pytest.importorskip("wavinfo")
    chunks = _riff_chunks(radio.path.read_bytes()[:65536])
    (cset,) = [p for tag, p in chunks if tag == b"CSET"]
    code_page = int.from_bytes(cset[:2], "little")
    assert code_page == 65001
    info = wavinfo.WavInfoReader(str(radio.path), info_encoding=f"cp{code_page}")
    cues = info.cues
    assert cues is not None
    labels = [cues.label_and_note(c.name)[0] for c in cues.cues]
    assert labels == [c.title for c in radio.chapters]
    assert info.info.title == "Nong dan Dong Thap trung mua lua thu dong"
    assert {r.codepage for r in cues.ranges} == {65001}
    # every labl comes before the first ltxt
    adtl = [tag for tag, _ in chunks if tag in (b"labl", b"ltxt")]
    assert adtl == [b"labl"] * len(radio.chapters) + [b"ltxt"] * len(radio.chapters)


@pytest.mark.skipif(ffprobe is None, reason="ffprobe is not installed")
def test_ffprobe_lists_every_cue_title(radio) -> None:
    out = subprocess.run(
        [str(ffprobe), "-v", "error", "-show_chapters", "-of", "json", str(radio.path)],
        capture_output=True,
        text=True,
        check=True,
    )
    chapters = json.loads(out.stdout)["chapters"]
    assert [c.get("tags", {}).get("title") for c in chapters] == [c.title for c in radio.chapters]
    assert [round(float(c["start_time"]) * 1000) for c in chapters] == [
        c.start_ms for c in radio.chapters
    ]


@pytest.mark.skipif(ffprobe is None, reason="ffprobe is not installed")
def test_radio_wav_bext_read_by_ffprobe(radio) -> None:
    out = subprocess.run(
        [str(ffprobe), "-v", "error", "-show_format", "-of", "json", str(radio.path)],
        capture_output=True,
        text=True,
        check=True,
    )
    tags = json.loads(out.stdout)["format"]["tags"]
    assert tags["title"] == "Nong dan Dong Thap trung mua lua thu dong"  # INFO: ASCII
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


def test_streamed_wav_is_byte_for_byte_the_in_memory_file(tmp_path: Path) -> None:
    import numpy as np

    from audionews.audio import ChapterMark, Programme
    from audionews.export import Tags, write_wav
    from audionews.wav import BextInfo, wav_bytes

    rate = 48000
    x = (0.3 * np.sin(np.arange(rate * 3 + 1) / 7)).astype(np.float32)  # odd: a pad byte
    chapters = (ChapterMark("Mở đầu", 0, 1500), ChapterMark("Phần hai", 1500, 3000))
    tags = Tags(title="Bản tin", publisher="Đài")
    for bits in (16, 24):
        path = write_wav(Programme(x, rate, chapters, ()), tmp_path / f"{bits}.wav", tags, bits)
        info = BextInfo(
            description="Bản tin",
            originator="Đài",
            originator_reference="ban-tin",
            coding_history=f"A=PCM,F={rate},W={bits},M=mono,T=audionews\r\n",
        )
        assert path.read_bytes() == wav_bytes(x, rate, bits, chapters, info, None)
        with wave.open(str(path)) as w:
            assert w.getnframes() == x.size


@pytest.mark.skipif(shutil.which("mediainfo") is None, reason="mediainfo is not installed")
def test_mediainfo_shows_no_mojibake(radio) -> None:
    """mediainfo (and the playout systems it stands for) reads INFO as Latin-1."""
    out = subprocess.run(
        ["mediainfo", str(radio.path)], capture_output=True, text=True, check=True
    ).stdout
    (name,) = [line for line in out.splitlines() if line.startswith("Track name ")]
    assert name.split(":", 1)[1].strip() == "Nong dan Dong Thap trung mua lua thu dong"
