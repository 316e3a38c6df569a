"""Broadcast- and podcast-ready output: loudness, pacing, speed, fit, music, WAV/BWF, sidecars,
profiles and config, each checked with readers we did not write where one exists."""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import wave
from pathlib import Path

import miniaudio
import numpy as np
import pytest
from support import ffprobe, sine_pcm
from typer.testing import CliRunner

from audionews.assemble import Pacing, Pauses, stretch
from audionews.cli import app
from audionews.engines import Audio
from audionews.errors import ConfigError
from audionews.loudness import integrated_loudness, measure, normalize, true_peak_db
from audionews.pipeline import RenderSettings, make

ffmpeg = shutil.which("ffmpeg")
needs_ffmpeg = pytest.mark.skipif(ffmpeg is None, reason="ffmpeg is not installed")
runner = CliRunner()

ARTICLE = """Nông dân Đồng Tháp trúng mùa lúa thu đông

05/01/2024 - 07:30

 - Vụ lúa thu đông năm nay, nông dân Đồng Tháp thu hoạch năng suất cao và bán được giá.

Năng suất tăng

Năng suất bình quân đạt hơn sáu tấn mỗi héc ta. Nhiều hộ lãi gần gấp đôi so với năm trước.

Giá lúa ổn định

Thương lái thu mua ngay tại ruộng. Nông dân phấn khởi chuẩn bị cho vụ đông xuân.

MINH TRÍ
"""


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("art") / "bai.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


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


# --- the meter --------------------------------------------------------------------------------


@pytest.mark.parametrize("freq", [100.0, 997.0, 5000.0])
def test_meter_agrees_with_pyloudnorm(freq: float) -> None:
    pyln = pytest.importorskip("pyloudnorm")
    rate = 48000
    rng = np.random.default_rng(1)
    x = tone(8.0, rate, freq, 0.3) * (0.5 + 0.5 * np.sin(np.arange(8 * rate) / rate)).astype(
        np.float32
    ) + rng.normal(0, 0.01, 8 * rate).astype(np.float32)
    ours = integrated_loudness(x, rate)
    theirs = pyln.Meter(rate).integrated_loudness(x.astype(np.float64))
    assert ours == pytest.approx(theirs, abs=0.1)


def test_true_peak_finds_inter_sample_peaks() -> None:
    rate = 48000
    n = np.arange(rate)
    x = np.sin(2 * np.pi * (rate / 4) * n / rate + np.pi / 4).astype(np.float32) * 0.5
    sample_peak = 20 * math.log10(float(np.abs(x).max()))
    assert sample_peak == pytest.approx(-9.03, abs=0.05)  # samples miss the crest
    assert true_peak_db(x, rate) == pytest.approx(-6.02, abs=0.3)


@pytest.mark.parametrize(("target", "ceiling"), [(-16.0, -1.5), (-23.0, -1.0)])
def test_normalize_speech_like_signal(target: float, ceiling: float) -> None:
    rate = 22050
    rng = np.random.default_rng(7)
    bursts = np.concatenate(
        [tone(0.3, rate, f, 0.9) for f in rng.uniform(120, 900, 40)]
        + [np.zeros(rate // 2, dtype=np.float32)]
    )
    y, result = normalize(bursts, rate, target, ceiling)
    assert result.integrated == pytest.approx(target, abs=0.1)
    assert result.true_peak <= ceiling + 0.05
    assert measure(y, rate).integrated == pytest.approx(target, abs=0.1)


def test_unreachable_target_is_a_clear_error() -> None:
    rate = 22050
    spiky = np.zeros(rate * 4, dtype=np.float32)
    spiky[:: rate // 10] = 1.0
    with pytest.raises(ValueError, match="cannot be reached"):
        normalize(spiky, rate, -6.0, -1.0)


# --- programmes, measured by independent readers ---------------------------------------------


@pytest.fixture(scope="module")
def podcast(article: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("pod") / "pod.mp3"
    settings = RenderSettings(sidecars=("srt", "vtt", "chapters", "labels", "cue", "manifest"))
    return make(article, output=out, engine="espeak", settings=settings)


@pytest.fixture(scope="module")
def radio(article: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("radio") / "radio.wav"
    settings = RenderSettings(
        format="wav",
        bits=24,
        loudness=-23.0,
        true_peak=-1.0,
        sample_rate=48000,
        sidecars=("srt", "cue"),
        publisher="Đài Phát thanh Mẫu",
    )
    return make(article, output=out, engine="espeak", settings=settings)


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


# --- pacing, speed, fit, music -----------------------------------------------------------------


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


# --- profiles, formats and config through the CLI ---------------------------------------------


def test_radio_profile_writes_broadcast_wav(article: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["make", str(article), "-e", "espeak", "--profile", "radio", "-o", f"{tmp_path}/"]
    )
    assert result.exit_code == 0, result.output
    (wav,) = tmp_path.glob("*.wav")
    with wave.open(str(wav)) as w:
        assert (w.getframerate(), w.getsampwidth()) == (48000, 3)
    assert "-23.0 LUFS" in result.output


def test_config_file_sets_options_and_command_line_wins(article: Path, tmp_path: Path) -> None:
    config = tmp_path / "audionews.toml"
    config.write_text(
        '[make]\nengine = "espeak"\nprofile = "radio"\nsidecars = "srt"\n', encoding="utf-8"
    )
    out = tmp_path / "c.wav"
    result = runner.invoke(app, ["--config", str(config), "make", str(article), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists() and out.with_suffix(".srt").exists()
    mp3 = tmp_path / "c.mp3"
    result = runner.invoke(
        app, ["--config", str(config), "make", str(article), "-o", str(mp3), "--profile", "podcast"]
    )
    assert result.exit_code == 0, result.output
    assert "-16.0 LUFS" in result.output


def test_config_file_with_unknown_key(article: Path, tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[make]\nloudnes = -16\n", encoding="utf-8")
    result = runner.invoke(app, ["--config", str(config), "make", str(article)])
    assert result.exit_code == 2
    assert "loudnes" in result.output and "bad.toml" in result.output


def test_local_config_is_found(
    article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "audionews.toml").write_text('[make]\nengine = "espeak"\n', encoding="utf-8")
    result = runner.invoke(app, ["make", str(article), "-o", "x.mp3"])
    assert result.exit_code == 0, result.output
    assert "Engine: espeak" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "ogg"], "format"),
        (["--loudness", "-2"], "loudness"),
        (["--sidecars", "srt,pdf"], "sidecar"),
        (["--fit", "abc"], "--fit"),
        (["--profile", "tv"], "profile"),
        (["-o", "x.ogg"], ".mp3 or .wav"),
    ],
)
def test_bad_output_options(article: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["make", str(article), "-e", "espeak", *args])
    assert result.exit_code == 2, result.output
    assert message in result.output


def test_mp3_at_44100_vbr(article: Path, tmp_path: Path) -> None:
    from mutagen.mp3 import MP3

    out = tmp_path / "v.mp3"
    result = runner.invoke(
        app,
        [
            "make",
            str(article),
            "-e",
            "espeak",
            "-o",
            str(out),
            "--sample-rate",
            "44100",
            "--vbr",
            "4",
        ],
    )
    assert result.exit_code == 0, result.output
    info = MP3(out).info
    assert info.sample_rate == 44100
    assert str(info.bitrate_mode).endswith("VBR")
    from mutagen.id3 import ID3

    chapters = sorted(c.start_time for c in ID3(out).getall("CHAP"))
    assert len(chapters) == 3 and chapters[0] == 0 and len(set(chapters)) == 3


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
