"""Stage 7: MP3 encoding, ID3 tags and chapters read back by independent readers."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import datetime
from pathlib import Path

import miniaudio
import numpy as np
import pytest
from broadcast_support import ffmpeg
from mutagen.id3 import ID3
from mutagen.mp3 import MP3
from support import ffprobe, needs_ffprobe, sine_pcm
from typer.testing import CliRunner

from audionews.audio import Audio, ChapterMark, Programme
from audionews.cli import app
from audionews.errors import ConfigError, ExportError
from audionews.export import (
    MP3_DELAY_SAMPLES,
    Tags,
    atomic_write,
    encode_mp3,
    slugify,
    write_mp3,
)

RATE = 22050
DELAY = 0  # written files carry a LAME tag: decoders trim the encoder delay
LONG_TITLE = (
    "Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh nỗ lực vượt khó, phấn đấu thực hiện thắng lợi "
    "nhiệm vụ chính trị trong năm"
)

runner = CliRunner()


def programme(seconds: float = 6.0) -> Programme:
    audio = Audio(sine_pcm(seconds, RATE, amplitude=0.3), RATE)
    total = round(seconds * 1000)
    # Titles of very different lengths: mutagen alone would write them ordered by size.
    chapters = (
        ChapterMark(LONG_TITLE, 0, 2000),
        ChapterMark("Vượt khó", 2000, 4000),
        ChapterMark("Lãnh đạo toàn diện các mặt công tác", 4000, total),
    )
    return Programme(audio.to_float(), RATE, chapters, ())


TAGS = Tags(
    title=LONG_TITLE,
    artist="Thu Thảo",
    album="Bản tin sáng",
    publisher="Báo Mẫu",
    date=datetime(2020, 10, 23, 6, 26),
)


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Đảng bộ Khối Cơ quan: vượt khó!", "dang-bo-khoi-co-quan-vuot-kho"),
        ("../../etc/passwd", "etc-passwd"),
        ("   ", "programme"),
        ("Ưu tiên phát triển ĐBSCL năm 2024", "uu-tien-phat-trien-dbscl-nam-2024"),
        (".hidden", "hidden"),
        ("Con", "con-"),
        ("NUL", "nul-"),
        ("Com 1", "com-1"),
        ("LPT9", "lpt9-"),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_slug_is_bounded_at_a_word() -> None:
    s = slugify("từ " * 100)
    assert len(s) <= 80 and not s.endswith("-")


def test_encode_mp3_decodes_to_same_length() -> None:
    pcm = sine_pcm(3.0, RATE)
    mp3 = encode_mp3(pcm, RATE, 64)
    info = miniaudio.decode(
        mp3, output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1, sample_rate=RATE
    )
    assert miniaudio.mp3_get_info(mp3).sample_rate == RATE
    assert abs(info.duration - 3.0) < 0.1


def test_bad_bitrate() -> None:
    with pytest.raises(ConfigError, match="bitrate"):
        encode_mp3(b"\x00\x00" * 100, RATE, 65)


def test_tags_and_chapters_read_back_with_mutagen(tmp_path: Path) -> None:
    path = write_mp3(programme(), tmp_path / "p.mp3", TAGS, bitrate=64)
    mp3 = MP3(path)
    assert abs(mp3.info.length - 6.0) < 0.15
    assert mp3.info.bitrate == 64000
    tags = ID3(path)
    assert tags.version[:2] == (2, 3)
    assert str(tags["TIT2"]) == LONG_TITLE
    assert str(tags["TPE1"]) == "Thu Thảo"
    assert str(tags["TALB"]) == "Bản tin sáng"
    assert str(tags["TPUB"]) == "Báo Mẫu"
    assert str(tags["TLAN"]) == "vie"
    assert "2020" in str(tags.get("TYER", tags.get("TDRC")))
    toc = tags.getall("CTOC")[0]
    assert toc.child_element_ids == ["chp0", "chp1", "chp2"]
    chaps = {c.element_id: c for c in tags.getall("CHAP")}
    assert [
        (chaps[i].start_time, str(chaps[i].sub_frames["TIT2"])) for i in toc.child_element_ids
    ] == [
        (0, LONG_TITLE),
        (2000 + DELAY, "Vượt khó"),
        (4000 + DELAY, "Lãnh đạo toàn diện các mặt công tác"),
    ]


def test_chap_frames_are_in_time_order_in_the_file(tmp_path: Path) -> None:
    path = write_mp3(programme(), tmp_path / "p.mp3", TAGS)
    raw = path.read_bytes()[:20000]
    # A CHAP frame: "CHAP", 4-byte size, 2-byte flags, then its element ID.
    ids = re.findall(rb"CHAP.{6}(chp\d+)\x00", raw, flags=re.DOTALL)
    assert ids == [b"chp0", b"chp1", b"chp2"]


@needs_ffprobe
def test_ffprobe_lists_chapters_in_order_with_titles(tmp_path: Path) -> None:
    path = write_mp3(programme(), tmp_path / "p.mp3", TAGS)
    out = subprocess.run(
        [str(ffprobe), "-v", "error", "-show_chapters", "-show_format", "-of", "json", str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    data = json.loads(out.stdout)
    chapters = [(round(float(c["start_time"]), 3), c["tags"]["title"]) for c in data["chapters"]]
    assert chapters == [
        (0.0, LONG_TITLE),
        ((2000 + DELAY) / 1000, "Vượt khó"),
        ((4000 + DELAY) / 1000, "Lãnh đạo toàn diện các mặt công tác"),
    ]
    assert data["format"]["format_name"] == "mp3"
    assert data["format"]["tags"]["title"] == LONG_TITLE


def test_failed_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import audionews.export as export

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(export, "_write_tags", boom)
    target = tmp_path / "p.mp3"
    with pytest.raises(ExportError, match="disk on fire"):
        write_mp3(programme(1.0), target, TAGS)
    assert list(tmp_path.iterdir()) == []


def test_atomic_write_keeps_old_file_on_error(tmp_path: Path) -> None:
    target = tmp_path / "p.mp3"
    target.write_bytes(b"old")
    with pytest.raises(KeyboardInterrupt), atomic_write(target) as tmp:
        tmp.write_bytes(b"half")
        raise KeyboardInterrupt
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize("rate", [22050, 24000, 44100, 48000])
@pytest.mark.parametrize("vbr", [None, 4])
def test_encoder_delay_is_what_decoders_play(rate: int, vbr: int | None) -> None:
    """A click at 1.0 s is heard at 1.0 s + MP3_DELAY_SAMPLES: chapter times rely on it."""
    import numpy as np

    pcm = np.zeros(rate * 2, dtype="<i2")
    pcm[rate : rate + 50] = 20000
    mp3 = encode_mp3(pcm.tobytes(), rate, 64, vbr_quality=vbr)
    decoded = miniaudio.decode(
        mp3, output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1, sample_rate=rate
    )
    heard = np.frombuffer(decoded.samples, dtype=np.int16)
    onset = int(np.argmax(np.abs(heard) > 5000))
    assert onset - rate == MP3_DELAY_SAMPLES


def test_vbr_has_a_xing_header_and_right_duration(tmp_path: Path) -> None:
    path = write_mp3(programme(6.0), tmp_path / "v.mp3", TAGS, vbr_quality=4)
    info = MP3(path).info
    assert str(info.bitrate_mode).endswith("VBR")
    assert info.length == pytest.approx(6.0, abs=0.001)  # the LAME tag's delay and padding


@pytest.mark.parametrize(("rate", "vbr"), [(22050, None), (44100, 4)])
def test_two_core_encoding_is_sample_exact(rate: int, vbr: int | None) -> None:
    """Encoded in two halves cut inside a pause, clicks are heard exactly where HeardTimes says."""
    import numpy as np

    from audionews.export import encode_mp3_fast

    n = rate * 70
    rng = np.random.default_rng(1)
    x = np.zeros(n, dtype="<i2")
    for start in range(0, n, rate * 3):  # 2.2 s of sound, 0.8 s of digital silence
        seg = x[start : start + int(rate * 2.2)]
        seg[:] = (rng.standard_normal(seg.size) * 500).astype("<i2")
    clicks = [int(rate * 10.5), int(rate * 34.5), int(rate * 38.5), int(rate * 60.5)]
    for c in clicks:
        x[c : c + 30] = 25000
    mp3, heard = encode_mp3_fast(x.tobytes(), rate, 64, vbr_quality=vbr)
    assert heard.split_ms is not None  # it did cut
    y = np.frombuffer(
        miniaudio.decode(
            mp3, output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1, sample_rate=rate
        ).samples,
        dtype=np.int16,
    )
    for c in clicks:
        expected = round(heard(c * 1000 / rate) * rate / 1000)
        window = np.abs(y[expected - 3000 : expected + 3000].astype(int))
        assert expected - 3000 + int(np.argmax(window > 15000)) == expected


def test_two_core_encoding_uses_threads_even_beside_other_threads() -> None:
    """lameenc releases the GIL, so the halves are encoded in threads: no fork (which hung
    batches), and a batch's other threads no longer force one stream."""
    import multiprocessing
    import threading

    import numpy as np

    from audionews.export import encode_mp3_fast

    rate = 22050
    x = np.zeros(rate * 70, dtype="<i2")
    x[: rate * 30] = 1000
    x[rate * 36 :] = 1000
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    children = len(multiprocessing.active_children())
    try:
        _, heard = encode_mp3_fast(x.tobytes(), rate, 64)
    finally:
        stop.set()
        other.join()
    assert heard.split_ms is not None
    assert len(multiprocessing.active_children()) == children


def test_lameenc_releases_the_gil() -> None:
    """The premise of encoding in two threads: while LAME encodes (one long call into C), a
    Python thread keeps running. Were the GIL held, it would not move at all."""
    import threading

    count = 0
    stop = threading.Event()

    def spin() -> None:
        nonlocal count
        while not stop.is_set():
            count += 1

    pcm = sine_pcm(10.0, RATE, 300.0, 0.3) * 6
    spinner = threading.Thread(target=spin)
    spinner.start()
    try:
        import lameenc

        enc = lameenc.Encoder()
        enc.set_bit_rate(64)
        enc.set_in_sample_rate(RATE)
        enc.set_channels(1)
        before = count
        enc.encode(pcm)
        during = count - before
    finally:
        stop.set()
        spinner.join()
    assert during > 1000


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


def _decoded(path: Path, rate: int, decoder: str) -> np.ndarray:
    if decoder == "miniaudio":
        samples = miniaudio.decode_file(
            str(path), output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1, sample_rate=rate
        ).samples
        return np.frombuffer(samples, dtype=np.int16)
    if ffmpeg is None:
        pytest.skip("ffmpeg is not installed")
    out = subprocess.run(
        [ffmpeg, "-v", "error", "-i", str(path), "-f", "s16le", "-ac", "1", "-"],
        capture_output=True,
        check=True,
    ).stdout
    return np.frombuffer(out, dtype=np.int16)


@pytest.mark.parametrize("decoder", ["miniaudio", "ffmpeg"])
@pytest.mark.parametrize(
    ("rate", "vbr", "seconds"), [(22050, None, 6), (44100, 4, 6), (22050, None, 70), (48000, 4, 70)]
)
def test_lame_tag_makes_the_file_play_exactly_the_programme(
    tmp_path: Path, decoder: str, rate: int, vbr: int | None, seconds: int
) -> None:
    """Written MP3s carry the encoder delay and padding in a LAME tag: gapless decoders play
    the programme's samples at their own times, to the sample (also across a two-core cut),
    and as many as there are, so chapter and sidecar times need no delay."""
    from audionews.audio import TimedChunk
    from audionews.script import Pause

    n = rate * seconds
    x = np.zeros(n, dtype=np.float32)
    chunks = []
    for start in range(0, n, rate * 3):  # 2.2 s of sound, 0.8 s of digital silence
        end = min(n, start + int(rate * 2.2))
        x[start:end] = np.random.default_rng(start).standard_normal(end - start) * 0.02
        chunks.append(TimedChunk("x", start * 1000 / rate, end * 1000 / rate, Pause.SENTENCE))
    clicks = [int(rate * 1.5), int(rate * (seconds - 1.5))]
    for c in clicks:
        x[c : c + 30] = 0.8
    programme = Programme(x, rate, (ChapterMark("Một", 0, seconds * 1000),), tuple(chunks))
    from audionews.export import write_mp3_timed

    heard = write_mp3_timed(programme, tmp_path / "g.mp3", TAGS, 64, vbr)
    assert heard.delay == 0
    assert (heard.split_ms is not None) == (seconds > 60)
    y = _decoded(tmp_path / "g.mp3", rate, decoder)
    inserted = round(heard.inserted_ms * rate / 1000)
    assert len(y) == n + inserted
    for c in clicks:
        expected = round(heard(c * 1000 / rate) * rate / 1000)
        window = np.abs(y[expected - 3000 : expected + 3000].astype(int))
        assert expected - 3000 + int(np.argmax(window > 15000)) == expected
    assert MP3(tmp_path / "g.mp3").info.length == pytest.approx((n + inserted) / rate, abs=1e-3)
