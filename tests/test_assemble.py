"""Assembly: exact pauses, trimming, time-stretch and fitting to a duration."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from broadcast_support import tone
from typer.testing import CliRunner

from audionews.assemble import Pacing, Pauses, stretch
from audionews.engines import Audio
from audionews.errors import ConfigError
from audionews.pipeline import RenderSettings, make

runner = CliRunner()


def test_pauses_are_exact_to_the_millisecond() -> None:
    from audionews.article import parse_article
    from audionews.assemble import assemble
    from audionews.script import build_script

    script = build_script(
        parse_article("Tiêu đề\n\nCâu một. Câu hai.\n\nĐầu mục\n\nCâu ba.\n"),
        max_chars=500,
        normalize=lambda t: t,
    )
    rate = 22050
    pad = np.zeros(rate // 5, dtype="<i2")
    clip = np.concatenate([pad, (np.array(tone(0.5, rate)) * 20000).astype("<i2"), pad])
    clips = [Audio(clip.tobytes(), rate)] * len(script.chunks)
    pauses = Pauses(sentence=333, paragraph=777, section=1234)
    programme = assemble(script, clips, pacing=Pacing(pauses=pauses))
    gaps = [
        round(b.start_ms - a.end_ms, 3)
        for a, b in zip(programme.chunks, programme.chunks[1:], strict=False)
    ]
    expected = [pauses.after(c.pause_after) for c in script.chunks[:-1]]
    assert gaps == pytest.approx(expected, abs=1000 / rate)
    x = programme.samples
    for a, b in zip(programme.chunks, programme.chunks[1:], strict=False):
        silent = x[int(a.end_ms * rate / 1000) + 1 : int(b.start_ms * rate / 1000) - 1]
        assert not silent.any()  # the pause is digital silence, no engine noise


def test_stretch_keeps_pitch_and_changes_length() -> None:
    rate = 22050
    x = tone(2.0, rate, 300.0)
    y = stretch(x, 1.25)
    assert len(y) == round(len(x) / 1.25)
    spectrum = np.abs(np.fft.rfft(y[rate // 4 : rate]))
    peak = np.fft.rfftfreq(len(y[rate // 4 : rate]), 1 / rate)[int(np.argmax(spectrum))]
    assert peak == pytest.approx(300.0, abs=5.0)


def test_speed_makes_the_programme_shorter(article: Path, tmp_path: Path) -> None:
    base = make(article, output=tmp_path / "a.wav", engine="espeak")
    fast = make(
        article, output=tmp_path / "b.wav", engine="espeak", settings=RenderSettings(speed=1.25)
    )
    assert fast.duration < base.duration * 0.95


def test_fit_lands_within_a_second(article: Path, tmp_path: Path) -> None:
    natural = make(article, output=tmp_path / "n.mp3", engine="espeak")
    for target in (natural.duration - 2.0, natural.duration + 3.0, natural.duration * 0.8):
        result = make(
            article,
            output=tmp_path / "f.mp3",
            engine="espeak",
            settings=RenderSettings(fit=target),
        )
        assert result.duration == pytest.approx(target, abs=1.0)
        assert result.fitted


def test_fit_says_when_it_cannot(article: Path, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot fit 0:05"):
        make(article, output=tmp_path / "f.mp3", engine="espeak", settings=RenderSettings(fit=5.0))


def test_trimming_keeps_engine_marks_in_place() -> None:
    from audionews.assemble import trim_silence
    from audionews.engines import Mark

    rate = 24000
    pad = np.zeros(rate // 2, dtype="<i2")
    voice = (tone(1.0, rate) * 20000).astype("<i2")
    audio = Audio(
        np.concatenate([pad, voice, pad]).tobytes(),
        rate,
        (Mark(0.5, 0.5, "Câu một."), Mark(1.0, 0.5, "Câu hai.")),
    )
    trimmed = trim_silence(audio)
    cut = (audio.duration - trimmed.duration) / 2
    assert [m.text for m in trimmed.marks] == ["Câu một.", "Câu hai."]
    assert trimmed.marks[0].start == pytest.approx(0.5 - cut, abs=0.01)


def test_streamed_assembly_gives_the_same_samples(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Clips spooled to disk, prepared one at a time and joined as a stream: the same samples,
    chapters and times as the in-memory assembly; a part of it reads only its own clips."""
    from audionews.article import parse_article
    from audionews.assemble import (
        ClipStore,
        PreparedClips,
        assemble,
        join_signal,
        prepare_spooled,
    )
    from audionews.script import build_script

    script = build_script(
        parse_article("Tiêu đề\n\nCâu một. Câu hai.\n\nĐầu mục\n\nCâu ba. Câu bốn.\n"),
        max_chars=500,
        normalize=lambda t: t,
    )
    rate = 22050
    rng = np.random.default_rng(3)
    clips = []
    for i in range(len(script.chunks)):
        pad = np.zeros(rate // 5, dtype="<i2")
        voice = (tone(0.4 + 0.1 * i, rate, 200 + 50 * i) * rng.uniform(3000, 30000)).astype("<i2")
        clips.append(Audio(np.concatenate([pad, voice, pad]).tobytes(), rate))
    for speed in (1.0, 1.2):
        pacing = Pacing(speed=speed)
        memory = assemble(script, clips, pacing)
        store = ClipStore(tmp_path, len(clips))
        for i in reversed(range(len(clips))):  # synthesis may finish in any order
            store.put(i, clips[i])
        streamed = join_signal(script, prepare_spooled(store, pacing, tmp_path), rate, pacing)
        assert streamed.chapters == memory.chapters and streamed.chunks == memory.chunks
        assert np.array_equal(streamed.signal.array(), memory.samples)
        blocks = list(streamed.signal.blocks(1000))
        assert all(b.size == 1000 for b in blocks[:-1])
        # a part starts at its sample without reading the clips before it
        n = memory.samples.size
        for start, stop in [(0, 5), (n // 3, n // 2), (n // 2 + 17, n), (n - 3, n + 10)]:
            assert np.array_equal(streamed.signal.slice(start, stop), memory.samples[start:stop])
    read: list[int] = []
    real = PreparedClips.__getitem__

    def counted(self: PreparedClips, index: int) -> np.ndarray:
        read.append(index)
        return real(self, index)

    monkeypatch.setattr(PreparedClips, "__getitem__", counted)
    last = streamed.chunks[-1]
    streamed.signal.slice(round(last.start_ms * rate / 1000), memory.samples.size)
    assert read == [len(clips) - 1]


def test_render_never_holds_the_whole_programme(
    article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """make streams from assembly to the file: no stage asks for all the samples at once, and
    the clips are spooled (memory stays flat in the programme's length)."""
    import audionews.assemble as assemble_mod
    from audionews.audio import Signal

    def whole(self: Signal) -> np.ndarray:
        raise AssertionError("the whole programme was loaded into memory")

    monkeypatch.setattr(Signal, "array", whole)
    monkeypatch.setattr(assemble_mod, "prepare_clips", None)  # the in-memory path
    for name in ("a.mp3", "b.wav"):
        result = make(article, output=tmp_path / name, engine="espeak")
        assert result.path.stat().st_size > 10_000
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def _peak_mb(minutes: float) -> float:
    """Peak RSS of a fresh process rendering a generated programme (benchmarks/memory.py)."""
    import json
    import subprocess
    import sys

    from support import ROOT

    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "memory.py"), "--child", str(minutes)],
        capture_output=True,
        text=True,
        check=True,
    )
    peak: float = json.loads(out.stdout.strip().splitlines()[-1])["peak_mb"]
    return peak


def test_peak_memory_does_not_grow_with_the_programme() -> None:
    """Issue #17: memory grew by about 50 MB per minute of audio (a 90-minute programme took
    4.9 GB). Six more minutes now cost a few MB, not 300."""
    assert _peak_mb(8.0) - _peak_mb(2.0) < 40


def test_long_scripts_are_synthesized_in_windows(
    article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chunks are synthesized a window at a time (so only a window's clips are ever in
    memory): the same programme, progress counting through every chunk of the whole script."""
    import audionews.pipeline as pipeline

    whole = make(article, output=tmp_path / "a.wav", engine="espeak")
    seen = []
    monkeypatch.setattr(pipeline, "WINDOW_CHARS", 60)
    windowed = make(
        article, output=tmp_path / "b.wav", engine="espeak", progress=lambda p: seen.append(p)
    )
    assert windowed.chapters == whole.chapters and windowed.duration == whole.duration
    assert (tmp_path / "a.wav").read_bytes() == (tmp_path / "b.wav").read_bytes()
    assert {p.total for p in seen} == {whole.chunks}
    assert [p.done for p in seen] == sorted(p.done for p in seen)
    assert seen[-1].done == whole.chunks  # one count across the windows, not one per window


def _trim_with_pydub(audio: Audio, threshold_dbfs: float = -45.0, keep_ms: int = 15) -> bytes:
    """The trimming as pydub did it (the definition the numpy version keeps)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # "Couldn't find ffmpeg"
        from pydub import AudioSegment
        from pydub.silence import detect_leading_silence

    seg = AudioSegment(data=audio.pcm, sample_width=2, frame_rate=audio.sample_rate, channels=1)
    total = len(seg)
    if total == 0:
        return audio.pcm
    head = detect_leading_silence(seg, silence_threshold=threshold_dbfs, chunk_size=5)
    if head >= total:
        return audio.pcm
    tail = detect_leading_silence(seg.reverse(), silence_threshold=threshold_dbfs, chunk_size=5)
    cut = seg[max(0, head - keep_ms) : min(total, total - tail + keep_ms)]
    return bytes(cut.raw_data)


def test_trimming_is_pydubs_silence_detection() -> None:
    """Silence is trimmed exactly where pydub's detection put the cut (its chunks, whole RMS and
    dBFS), without pydub: random clips at every engine rate, levels either side of -45 dBFS,
    all silence, very short clips, DC offsets."""
    pytest.importorskip("pydub")
    from audionews.assemble import trim_silence

    rng = np.random.default_rng(8)
    for trial in range(400):
        rate = int(rng.choice([16000, 22050, 24000, 44100, 48000]))
        n = int(rng.integers(0, 2000 if trial % 4 == 0 else rate // 2))
        x = np.zeros(n, dtype=np.int16)
        if n and trial % 7:
            a, b = sorted(int(v) for v in rng.integers(0, n, 2))
            level = float(rng.choice([60, 182, 184, 185, 186, 400, 8000]))  # -45 dBFS: RMS 184.3
            x[a:b] = np.clip(rng.normal(0, level, b - a), -32768, 32767).astype(np.int16)
        elif n:
            x[:] = int(rng.integers(-300, 300))  # a DC offset
        audio = Audio(x.tobytes(), rate)
        assert trim_silence(audio).pcm == _trim_with_pydub(audio), (trial, rate, n)
