"""validate: files made to break one rule each fail that rule (and only that one); a file made
to the spec passes; other programs' files are read too."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from support import ffprobe

from audionews.audio import ChapterMark, Programme, float_to_pcm16
from audionews.errors import ConfigError, InputError
from audionews.export import Tags, encode_mp3, write_mp3, write_wav
from audionews.loudness import db_to_gain, normalize
from audionews.profiles import PROFILES
from audionews.validate import probe, validate

RATE = 44100
SECONDS = 20.0
TAGS = Tags(title="Mùa nước nổi ở đồng bằng sông Cửu Long", artist="Thu Thảo")
CHAPTERS = (ChapterMark("Mở đầu", 0, 8000), ChapterMark("Cánh đồng ngập nước", 8000, 20000))


def speech_like(rate: int, seconds: float = SECONDS) -> np.ndarray:
    """Band-limited, softly clipped noise in syllable-rate bursts with pauses: a voice's
    rhythm, and a peak-to-loudness ratio of about 12 dB (-16 LUFS peaks near -4 dBTP)."""
    rng = np.random.default_rng(7)
    n = int(rate * seconds)
    spectrum = np.fft.rfft(rng.standard_normal(n))
    freqs = np.fft.rfftfreq(n, 1 / rate)
    spectrum *= np.where((freqs > 120) & (freqs < 5000), 1 / np.sqrt(1 + freqs / 500), 0)
    noise = np.tanh(np.fft.irfft(spectrum, n) / np.std(np.fft.irfft(spectrum, n)) / 1.5)
    t = np.arange(n) / rate
    envelope = np.clip(np.sin(2 * np.pi * 4.0 * t), 0, None) ** 2
    envelope *= (np.sin(2 * np.pi * 0.25 * t) > -0.7).astype(float)  # pauses between phrases
    x = noise * envelope
    return (0.1 * x / np.max(np.abs(x))).astype(np.float32)


def mastered(rate: int, loudness: float, ceiling: float) -> np.ndarray:
    out, _ = normalize(speech_like(rate), rate, loudness, ceiling)
    return out


@pytest.fixture(scope="module")
def podcast_samples() -> np.ndarray:
    # -3 dBTP: room for the MP3 encoder's overshoot, so the file measures under -1 dBTP
    return mastered(RATE, -16.0, -3.0)


def mp3(path: Path, samples: np.ndarray, rate: int = RATE, bitrate: int = 96, **kw: object) -> Path:
    tags = kw.get("tags", TAGS)
    chapters = kw.get("chapters", CHAPTERS)
    programme = Programme(samples, rate, chapters, ())  # type: ignore[arg-type]
    return write_mp3(programme, path, tags, bitrate=bitrate)  # type: ignore[arg-type]


def failed(report: object) -> set[str]:
    return {c.name for c in report.failures}  # type: ignore[attr-defined]


# --- podcast: one file that passes, one for each rule broken -----------------------------------


def test_a_file_made_to_the_podcast_spec_passes(tmp_path: Path, podcast_samples) -> None:
    report = validate(mp3(tmp_path / "ok.mp3", podcast_samples), profile="podcast")
    assert report.passed, report.summary()
    assert report.summary() == "passes podcast"
    names = [c.name for c in report.checks]
    assert names == [
        "format", "sample_rate", "mpeg_version", "bitrate", "channels", "loudness",
        "loudness_range", "true_peak", "title", "chapters",
    ]  # fmt: skip
    facts = report.facts
    assert (facts.format, facts.sample_rate, facts.channels, facts.bitrate) == ("mp3", RATE, 1, 96)
    assert facts.mpeg_version == "MPEG-1 Layer III"
    assert facts.title == TAGS.title and facts.chapters == ("Mở đầu", "Cánh đồng ngập nước")
    assert report.loudness.integrated == pytest.approx(-16.0, abs=0.5)
    # --json: plain data, every check with its measured and expected values
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert data["passed"] is True and data["profile"] == "podcast"
    loud = next(c for c in data["checks"] if c["name"] == "loudness")
    assert loud["expected"] == "-16 +- 1 LUFS" and loud["unit"] == "LUFS"


def test_wrong_rate_is_mpeg2(tmp_path: Path) -> None:
    path = mp3(tmp_path / "22k.mp3", mastered(22050, -16.0, -3.0), rate=22050, bitrate=96)
    report = validate(path, "podcast")
    assert failed(report) == {"sample_rate", "mpeg_version"}
    assert report.facts.mpeg_version == "MPEG-2 Layer III"
    assert "sample rate 22050 (44100 or 48000 Hz)" in report.summary()


def test_too_loud(tmp_path: Path, podcast_samples) -> None:
    # 2 dB louder, still under the peak limit
    path = mp3(tmp_path / "loud.mp3", mastered(RATE, -14.0, -1.5))
    report = validate(path, "podcast")
    assert failed(report) == {"loudness"}
    assert report.loudness.integrated > -15.0


def test_peaks_over_the_limit(tmp_path: Path, podcast_samples) -> None:
    x = podcast_samples.copy()
    x[RATE * 5 : RATE * 5 + 40] = 0.99  # a click: loudness unchanged, true peak near 0 dBTP
    report = validate(mp3(tmp_path / "click.mp3", x), "podcast")
    assert failed(report) == {"true_peak"}
    check = next(c for c in report.checks if c.name == "true_peak")
    assert check.measured > -1.0 and check.expected == "at most -1 dBTP"  # type: ignore[operator]


def test_no_tags_and_no_chapters(tmp_path: Path, podcast_samples) -> None:
    bare = tmp_path / "bare.mp3"
    bare.write_bytes(encode_mp3(float_to_pcm16(podcast_samples), RATE, 96))
    assert failed(validate(bare, "podcast")) == {"title", "chapters"}
    no_chapters = mp3(tmp_path / "nochap.mp3", podcast_samples, chapters=())
    assert failed(validate(no_chapters, "podcast")) == {"chapters"}


def test_stereo(tmp_path: Path, podcast_samples) -> None:
    import lameenc

    enc = lameenc.Encoder()
    enc.set_bit_rate(128)
    enc.set_in_sample_rate(RATE)
    enc.set_channels(2)
    enc.set_quality(3)
    # dual mono at -3 dB a channel: BS.1770 sums the channels, so it measures -16 LUFS
    x = podcast_samples * np.float32(db_to_gain(-3.01))
    pcm = float_to_pcm16(np.repeat(x, 2))
    path = tmp_path / "stereo.mp3"
    path.write_bytes(bytes(enc.encode(pcm)) + bytes(enc.flush()))
    report = validate(path, "podcast")
    assert "channels" in failed(report) and report.facts.channels == 2
    assert report.loudness.integrated == pytest.approx(-16.0, abs=0.6)


def test_low_bitrate(tmp_path: Path, podcast_samples) -> None:
    report = validate(mp3(tmp_path / "64k.mp3", podcast_samples, bitrate=64), "podcast")
    assert failed(report) == {"bitrate"}
    assert "bitrate 64 kbps (at least 96 kbps)" in report.summary()


# --- WAV profiles --------------------------------------------------------------------------------


def test_radio_broadcast_wav_passes_and_podcast_rules_do_not_apply(tmp_path: Path) -> None:
    x, loudness = normalize(speech_like(48000), 48000, -23.0, -1.0)
    programme = Programme(x, 48000, CHAPTERS, (), loudness)  # mastered: bext declares it
    path = write_wav(programme, tmp_path / "radio.wav", TAGS, bits=24)
    report = validate(path, "radio")
    assert report.passed, report.summary()
    assert report.facts.codec == "pcm, Broadcast WAV" and report.facts.bits == 24
    assert report.facts.title == "Mua nuoc noi o dong bang song Cuu Long"  # INFO is ASCII
    assert report.facts.chapters == ("Mở đầu", "Cánh đồng ngập nước")
    assert failed(validate(path, "podcast")) == {"format", "loudness"}
    assert report.facts.recorded_loudness == pytest.approx(report.loudness.integrated, abs=0.05)
    assert [c.name for c in report.checks][-3:] == ["declared_loudness", "title", "chapters"]
    # a bext that declares another loudness than the audio's misleads playout
    data = bytearray(path.read_bytes())
    at = data.index(b"bext") + 8 + 412
    data[at : at + 2] = (-1600).to_bytes(2, "little", signed=True)
    lying = tmp_path / "lying.wav"
    lying.write_bytes(bytes(data))
    report = validate(lying, "radio")
    assert failed(report) == {"declared_loudness"}
    assert "declared loudness -16.0 LUFS (the measured -23.0 +- 0.2 LUFS)" in report.summary()
    # 16-bit is under the radio profile's 24
    path16 = write_wav(programme, tmp_path / "radio16.wav", TAGS, bits=16)
    assert failed(validate(path16, "radio")) == {"bit_depth"}


def test_short_form_max_short_term_loudness(tmp_path: Path) -> None:
    """EBU R 128 s1: at -23 LUFS integrated, a 3 s passage over -18 LUFS fails."""
    x = mastered(48000, -23.0, -1.0)
    ok = write_wav(Programme(x, 48000, (), ()), tmp_path / "ok.wav", TAGS)
    report = validate(ok, "ebu-r128-s1")
    assert report.passed, report.summary()  # chapters are optional for short-form
    y = x.copy()
    y[48000 * 2 : 48000 * 6] *= np.float32(db_to_gain(12.0))  # one loud 4 s passage
    z, _ = normalize(y, 48000, -23.0, -1.0)
    loud = write_wav(Programme(z, 48000, (), ()), tmp_path / "loud.wav", TAGS)
    report = validate(loud, "ebu-r128-s1")
    assert "max_short_term" in failed(report)
    assert "max short term" in report.summary()


# --- other programs' files, errors ---------------------------------------------------------------


@pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="ffmpeg is not installed")
def test_reads_a_file_ffmpeg_made(tmp_path: Path) -> None:
    path = tmp_path / "ff.mp3"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=300:duration=5",
         "-ar", "48000", "-ac", "1", "-b:a", "128k", "-metadata", "title=Tin nhanh", str(path)],
        check=True,
    )  # fmt: skip
    report = validate(path, "podcast")
    assert report.facts.title == "Tin nhanh" and report.facts.sample_rate == 48000
    assert report.facts.bitrate == 128 and report.facts.mpeg_version == "MPEG-1 Layer III"
    assert failed(report) == {"loudness", "chapters"}


@pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="ffmpeg is not installed")
@pytest.mark.parametrize(
    ("ext", "args", "codec"),
    [
        ("wav", ["-c:a", "pcm_s24le"], "pcm"),
        ("flac", [], "flac"),
        ("ogg", ["-c:a", "libvorbis"], "ogg"),
    ],
)
def test_reads_wav_flac_ogg_from_ffmpeg(
    tmp_path: Path, ext: str, args: list[str], codec: str
) -> None:
    if ext == "ogg":
        codecs = subprocess.run(["ffmpeg", "-v", "error", "-encoders"], capture_output=True,
                                text=True).stdout  # fmt: skip
        if "libvorbis" not in codecs:
            pytest.skip("this ffmpeg has no Vorbis encoder")
    path = tmp_path / f"ff.{ext}"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=300:duration=3",
         "-metadata", "title=Tin nhanh", "-ar", "48000", "-ac", "1", *args, str(path)],
        check=True,
    )  # fmt: skip
    report = validate(path, "radio")
    facts = report.facts
    assert (facts.format, facts.sample_rate, facts.channels) == (ext, 48000, 1)
    assert facts.codec.startswith(codec) and facts.title == "Tin nhanh"
    assert {"loudness", "chapters"} | ({"format"} if ext != "wav" else set()) <= failed(report)
    assert report.loudness.true_peak < 0
    if ext == "flac":  # Vorbis-comment chapters (CHAPTERnnn / CHAPTERnnnNAME)
        from mutagen.flac import FLAC

        flac = FLAC(path)
        flac["CHAPTER001"], flac["CHAPTER001NAME"] = "00:00:00.000", "Mở đầu"
        flac.save()
        assert probe(path).chapters == ("Mở đầu",)


def test_errors(tmp_path: Path) -> None:
    text = tmp_path / "note.txt"
    text.write_text("not audio", encoding="utf-8")
    with pytest.raises(InputError, match="not an audio file"):
        validate(text)
    with pytest.raises(InputError, match="cannot read"):
        validate(tmp_path / "missing.mp3")
    with pytest.raises(ConfigError, match="unknown profile") as info:
        validate(text, profile="tv")
    assert info.value.setting == "profile"


def test_every_profile_can_be_checked(tmp_path: Path, podcast_samples) -> None:
    path = mp3(tmp_path / "any.mp3", podcast_samples)
    for name in PROFILES:
        report = validate(path, name)
        assert report.profile == name and report.checks


# --- M4A (the m4a extra) -------------------------------------------------------------------------


def test_m4a_written_with_chapters_and_tags(tmp_path: Path, podcast_samples) -> None:
    pytest.importorskip("av")
    from audionews.m4a import available, write_m4a

    assert available()
    path = tmp_path / "ep.m4a"
    assert write_m4a(podcast_samples, RATE, CHAPTERS, path, TAGS, bitrate_kbps=96) is None
    assert not list(tmp_path.glob("*.part"))
    facts = probe(path)
    assert (facts.format, facts.codec, facts.sample_rate, facts.channels) == (
        "m4a", "AAC LC", RATE, 1,
    )  # fmt: skip
    assert facts.title == TAGS.title
    assert facts.chapters == ("Mở đầu", "Cánh đồng ngập nước")
    report = validate(path, "podcast")
    assert report.passed, report.summary()  # Apple and Spotify take AAC as well as MP3
    assert report.checks[2].name == "bitrate" and report.checks[2].expected.startswith("reported")
    assert report.loudness.integrated == pytest.approx(-16.0, abs=0.3)
    if ffprobe is None:
        return
    out = subprocess.run(
        [ffprobe, "-v", "error", "-show_chapters", "-show_format", "-of", "json", str(path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    data = json.loads(out.stdout)
    assert [c["tags"]["title"] for c in data["chapters"]] == ["Mở đầu", "Cánh đồng ngập nước"]
    assert [float(c["start_time"]) for c in data["chapters"]] == [0.0, 8.0]
    assert data["format"]["tags"]["title"] == TAGS.title
    assert data["format"]["tags"]["artist"] == "Thu Thảo"


@pytest.mark.skipif(shutil.which("mediainfo") is None, reason="mediainfo is not installed")
def test_m4a_chapters_read_by_mediainfo(tmp_path: Path, podcast_samples) -> None:
    pytest.importorskip("av")
    from audionews.m4a import write_m4a

    path = tmp_path / "ep.m4a"
    write_m4a(podcast_samples, RATE, CHAPTERS, path, TAGS, bitrate_kbps=96)
    out = subprocess.run(
        ["mediainfo", "--Output=JSON", str(path)], capture_output=True, text=True, check=True
    )
    tracks = json.loads(out.stdout)["media"]["track"]
    general = next(t for t in tracks if t["@type"] == "General")
    assert general["Title"] == TAGS.title and general["Performer"] == "Thu Thảo"
    menu = next(t for t in tracks if t["@type"] == "Menu")
    titles = [v for k, v in menu["extra"].items() if k.startswith("_")]
    assert titles == ["Mở đầu", "Cánh đồng ngập nước"]


def test_make_verdict_measures_what_a_fresh_validate_measures(tmp_path: Path) -> None:
    """make checks its file with the loudness it measured on the encoded file; a separate
    validate decodes and measures it again and must agree."""
    from support import EXAMPLE

    from audionews.pipeline import make
    from audionews.settings import RenderSettings

    for name, profile in (("x.mp3", "podcast"), ("x.wav", "radio")):
        out = tmp_path / name
        result = make(EXAMPLE, RenderSettings.build(profile, engine="espeak", output=out))
        assert result.verdict is not None and result.verdict.passed, result.verdict.summary()
        fresh = validate(result.path, profile)
        assert fresh.loudness.integrated == pytest.approx(
            result.verdict.loudness.integrated, abs=0.1
        )
        assert fresh.loudness.true_peak == pytest.approx(result.verdict.loudness.true_peak, abs=0.2)
