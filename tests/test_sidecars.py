"""Sidecars: subtitles, chapters, labels, cue sheet and manifest agree with the audio."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from broadcast_support import decode
from typer.testing import CliRunner

runner = CliRunner()


def _onset_ms(x: np.ndarray, rate: int, around_ms: float) -> float:
    """First sample above -40 dBFS within +-120 ms of ``around_ms``."""
    lo = max(0, int((around_ms - 120) * rate / 1000))
    hi = int((around_ms + 120) * rate / 1000)
    hits = np.flatnonzero(np.abs(x[lo:hi]) > 0.01)
    assert hits.size, f"no sound near {around_ms} ms"
    return (lo + int(hits[0])) * 1000 / rate


def test_sidecar_timings_match_the_mp3_audio(podcast) -> None:
    srt = pytest.importorskip("srt")
    x = decode(podcast.path, 22050)
    text = podcast.path.with_suffix(".srt").read_text(encoding="utf-8")
    cues = list(srt.parse(text))
    assert len(cues) >= 8
    for cue in cues:
        start = cue.start.total_seconds() * 1000
        # The cue starts where the chunk starts: 15 ms of kept silence, then the voice.
        assert abs(_onset_ms(x, 22050, start) - start) <= 20 + 15


def test_vtt_and_srt_parse_with_independent_libraries(podcast) -> None:
    webvtt = pytest.importorskip("webvtt")
    vtt = webvtt.read(str(podcast.path.with_suffix(".vtt")))
    srt = pytest.importorskip("srt")
    srt_cues = list(srt.parse(podcast.path.with_suffix(".srt").read_text(encoding="utf-8")))
    assert len(vtt.captions) == len(srt_cues)
    assert vtt.captions[0].text == srt_cues[0].content
    assert [c.start for c in vtt.captions] == sorted(c.start for c in vtt.captions)


def test_chapters_json_labels_and_cue_agree_with_id3(podcast) -> None:
    from mutagen.id3 import ID3

    tags = ID3(podcast.path)
    id3 = sorted((c.start_time, str(c.sub_frames["TIT2"])) for c in tags.getall("CHAP"))
    data = json.loads(podcast.path.with_name("pod.chapters.json").read_text(encoding="utf-8"))
    assert data["version"].startswith("1.")
    js = [(round(c["startTime"] * 1000), c["title"]) for c in data["chapters"]]
    assert js == id3
    labels = podcast.path.with_name("pod.labels.txt").read_text(encoding="utf-8").splitlines()
    assert [
        (round(float(line.split("\t")[0]) * 1000), line.split("\t")[2]) for line in labels
    ] == id3
    cue = podcast.path.with_suffix(".cue").read_text(encoding="utf-8")
    assert 'FILE "pod.mp3" MP3' in cue
    assert cue.count("TRACK") == len(id3)


def test_manifest_lists_every_chunk(podcast) -> None:
    data = json.loads(podcast.path.with_name("pod.manifest.json").read_text(encoding="utf-8"))
    assert data["engine"] == "espeak"
    assert len(data["chunks"]) == podcast.chunks
    assert all(c["end"] > c["start"] for c in data["chunks"])
    assert data["settings"]["loudness_target"] == -16.0
    assert data["chunks"][-1]["spoken"] == "Bài viết của Minh Trí."
    assert isinstance(data["dropped"], list)


def test_subtitles_carry_the_written_text_unless_spoken_is_asked(tmp_path: Path) -> None:
    from support import EXAMPLE

    from audionews.cli import app

    written = tmp_path / "w.mp3"
    spoken = tmp_path / "s.mp3"
    base = ["make", str(EXAMPLE), "-e", "espeak", "--sidecars", "srt,vtt"]
    assert runner.invoke(app, [*base, "-o", str(written)]).exit_code == 0
    result = runner.invoke(app, [*base, "-o", str(spoken), "--subtitles", "spoken"])
    assert result.exit_code == 0, result.output
    w = written.with_suffix(".srt").read_text(encoding="utf-8")
    s = spoken.with_suffix(".srt").read_text(encoding="utf-8")
    assert "ngày 15/9/2024" in w and "3,15 m" in w  # as the article prints it
    assert "mười lăm tháng chín" in s and "15/9" not in s  # as the voice reads it
    timing = [line for line in w.splitlines() if "-->" in line]
    assert timing == [line for line in s.splitlines() if "-->" in line]  # the same cues
    assert "ngày 15/9/2024" in written.with_suffix(".vtt").read_text(encoding="utf-8")
