"""The CLI in-process: help, exit codes, messages, outputs."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from mutagen.id3 import ID3
from support import EXAMPLE
from typer.testing import CliRunner

from audionews.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["make"],
        ["script"],
        ["engines"],
        ["bulletin"],
        ["feed"],
        ["cache"],
        ["cache", "info"],
        ["cache", "clear"],
    ],
)
def test_help(args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and "audionews" in result.output


def test_make_writes_mp3_with_chapters(tmp_path: Path) -> None:
    out = tmp_path / "x.mp3"
    result = runner.invoke(app, ["make", str(EXAMPLE), "-e", "espeak", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Engine: espeak" in result.output
    assert f"Wrote {out}" in result.output
    assert len(ID3(out).getall("CHAP")) >= 2


def test_make_into_folder_with_options(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "make",
            str(EXAMPLE),
            "--engine",
            "espeak",
            "--voice",
            "vi-VN-x-south",
            "-o",
            f"{tmp_path}/",
            "--bitrate",
            "96",
            "--album",
            "Bản tin",
            "--publisher",
            "Báo Mẫu",
            "--read-captions",
            "--quiet",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output == ""
    (mp3,) = tmp_path.glob("*.mp3")
    tags = ID3(mp3)
    assert str(tags["TALB"]) == "Bản tin" and str(tags["TPUB"]) == "Báo Mẫu"


def test_stdin(tmp_path: Path) -> None:
    out = tmp_path / "stdin.mp3"
    text = "Tin vắn buổi sáng\n\nHôm nay trời nắng đẹp.\n"
    result = runner.invoke(app, ["make", "-", "-e", "espeak", "-o", str(out)], input=text.encode())
    assert result.exit_code == 0, result.output
    assert out.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02\xff" * 100, "binary"),
        (b"Tin \x81\x8d\xfa\x81 t\xe1c" * 3, "UTF-8"),
    ],
)
def test_bad_input_exit_2_and_no_output(tmp_path: Path, content: bytes, message: str) -> None:
    src = tmp_path / "bad.txt"
    src.write_bytes(content)
    out = tmp_path / "bad.mp3"
    result = runner.invoke(app, ["make", str(src), "-e", "espeak", "-o", str(out)])
    assert result.exit_code == 2
    assert message in result.output and "bad.txt" in result.output
    assert not out.exists()


def test_unknown_engine_and_voice(tmp_path: Path) -> None:
    result = runner.invoke(app, ["make", str(EXAMPLE), "-e", "nope", "-o", str(tmp_path)])
    assert result.exit_code == 2 and "unknown engine" in result.output
    result = runner.invoke(app, ["make", str(EXAMPLE), "-e", "espeak", "--voice", "x"])
    assert result.exit_code == 2 and "no voice" in result.output


def test_script_default_shows_structure_and_dropped() -> None:
    result = runner.invoke(app, ["script", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert "Chapter 1" in result.output
    assert "Dropped" in result.output and "A A" in result.output
    assert "[byline]" in result.output


def test_script_plain_is_one_chunk_per_line() -> None:
    result = runner.invoke(app, ["script", str(EXAMPLE), "--plain", "--engine", "gtts"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) > 10
    assert all(0 < len(line) <= 100 for line in lines)
    assert "A A" not in lines


def test_script_json() -> None:
    result = runner.invoke(app, ["script", str(EXAMPLE), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["title"] and data["chapters"] and data["dropped"]
    assert all("reason" in d for d in data["dropped"])


def test_script_diff_marks_changes() -> None:
    result = runner.invoke(app, ["script", str(EXAMPLE), "--diff"])
    assert result.exit_code == 0
    assert "->" in result.output


def test_plain_and_json_conflict() -> None:
    result = runner.invoke(app, ["script", str(EXAMPLE), "--plain", "--json"])
    assert result.exit_code == 2


def test_engines_lists_all() -> None:
    result = runner.invoke(app, ["engines"])
    assert result.exit_code == 0
    assert "espeak" in result.output and "gtts" in result.output
    assert "vi-VN-x-central" in result.output


def test_cache_info_and_clear(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    out = tmp_path / "x.mp3"
    args = ["make", str(EXAMPLE), "-e", "espeak", "-o", str(out), "--cache-dir", str(cache)]
    assert runner.invoke(app, args).exit_code == 0
    second = runner.invoke(app, args)
    assert "from cache" in second.output
    info = runner.invoke(app, ["cache", "info", "--cache-dir", str(cache)])
    assert info.exit_code == 0 and str(cache) in info.output and "Chunks: 0" not in info.output
    cleared = runner.invoke(app, ["cache", "clear"], env={"AUDIONEWS_CACHE_DIR": str(cache)})
    assert cleared.exit_code == 0 and "Removed" in cleared.output
    info = runner.invoke(app, ["cache", "info", "--cache-dir", str(cache)])
    assert "Chunks: 0" in info.output


def test_no_cache_and_jobs(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    out = tmp_path / "x.mp3"
    result = runner.invoke(
        app,
        [
            "make",
            str(EXAMPLE),
            "-e",
            "espeak",
            "-o",
            str(out),
            "--no-cache",
            "-j",
            "2",
            "--cache-dir",
            str(cache),
        ],
    )
    assert result.exit_code == 0, result.output
    assert not cache.exists()
    assert runner.invoke(app, ["make", str(EXAMPLE), "-j", "0"]).exit_code == 2


def test_ctrl_c_exits_130_with_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from audionews.engines.espeak import EspeakEngine

    calls = {"n": 0}
    real = EspeakEngine.synthesize

    def interrupt_on_third(self: EspeakEngine, text: str):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(self, text)

    monkeypatch.setattr(EspeakEngine, "synthesize", interrupt_on_third)
    out = tmp_path / "x.mp3"
    args = ["make", str(EXAMPLE), "-e", "espeak", "-o", str(out), "--cache-dir", str(tmp_path)]
    result = runner.invoke(app, args)
    assert result.exit_code == 130
    assert "2 of" in result.output and "Run the same command again" in result.output
    assert not out.exists()


def test_heading_voice_reads_titles_with_another_voice(tmp_path: Path) -> None:
    src = tmp_path / "bai.txt"
    src.write_text(
        "Giá lúa tăng mạnh\n\nGiá lúa hôm nay tăng mạnh.\n\nThị trường\n\nThương lái thu mua.\n",
        encoding="utf-8",
    )
    base = [
        "make",
        str(src),
        "-e",
        "espeak",
        "-o",
        str(tmp_path / "x.mp3"),
        "--cache-dir",
        str(tmp_path / "c"),
        "--sidecars",
        "manifest",
    ]
    first = runner.invoke(app, [*base, "--heading-voice", "vi-VN-x-south"])
    assert first.exit_code == 0, first.output
    manifest = json.loads((tmp_path / "x.manifest.json").read_text(encoding="utf-8"))
    assert manifest["voice"] == "vi; headings vi-VN-x-south"
    second = runner.invoke(app, [*base, "--heading-voice", "vi-VN-x-central"])
    # Only the title and the heading are read again, by the new heading voice.
    assert "(2 from cache)" in second.output
    bad = runner.invoke(app, [*base, "--heading-voice", "nope"])
    assert bad.exit_code == 2 and "no voice" in bad.output


def test_config_after_the_command_says_where_it_goes(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text("[make]\n", encoding="utf-8")
    result = runner.invoke(app, ["make", str(EXAMPLE), "--config", str(config)])
    assert result.exit_code == 2
    assert "--config goes before the command" in result.output
    assert "Did you mean" not in result.output


# --- article understanding, wired: title overrides and the coverage guard --------------------

GUARD = Path(__file__).parent / "fixtures" / "guard" / "mostly-captions.txt"


def test_losing_most_of_the_text_stops_with_the_lines(tmp_path: Path) -> None:
    out = tmp_path / "x.mp3"
    result = runner.invoke(app, ["make", str(GUARD), "-e", "espeak", "-o", str(out)])
    assert result.exit_code == 2
    assert "of the article's text would be dropped" in result.output
    assert "line 2: 'Nước dâng cao" in result.output and "(option --keep-all)" in result.output
    assert not out.exists()


def test_keep_all_reads_every_line(tmp_path: Path) -> None:
    out = tmp_path / "x.mp3"
    result = runner.invoke(app, ["make", str(GUARD), "-e", "espeak", "-o", str(out), "--keep-all"])
    assert result.exit_code == 0, result.output
    assert out.exists() and "read " not in result.output.split("engine espeak")[1][:30]


def test_read_captions_is_enough_when_captions_are_the_loss(tmp_path: Path) -> None:
    out = tmp_path / "x.mp3"
    args = ["make", str(GUARD), "-e", "espeak", "-o", str(out), "--read-captions"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output


def test_title_byline_and_date_override_what_was_found(tmp_path: Path) -> None:
    args = ["make", str(EXAMPLE), "-e", "espeak", "-o", f"{tmp_path}/", "--title", "Bản tin lúa"]
    args += ["--byline", "MINH AN", "--date", "02/03/2024", "--artist", "Đài Mẫu"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    tags = ID3(tmp_path / "ban-tin-lua.mp3")
    assert str(tags["TIT2"]) == "Bản tin lúa" and str(tags["TPE1"]) == "Đài Mẫu"
    assert str(tags["TDRC"]) == "2024-03-02"


def test_script_json_says_when_there_is_no_headline() -> None:
    result = runner.invoke(app, ["script", str(GUARD), "--json"])
    data = json.loads(result.output)
    assert data["title"] is None and data["title_from"] == "first sentence"
    assert data["programme_title"].startswith("Mưa lớn") and data["coverage"] < 0.5
    titled = json.loads(runner.invoke(app, ["script", str(GUARD), "--json", "--title", "X"]).output)
    assert titled["title"] == "X"


def test_a_bad_date_names_the_forms() -> None:
    result = runner.invoke(app, ["script", str(EXAMPLE), "--date", "hôm qua"])
    assert (
        result.exit_code == 2
        and "23/10/2020" in result.output
        and "(option --date)" in result.output
    )


def test_one_title_for_several_programmes_is_refused(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["make", str(EXAMPLE), str(GUARD), "-e", "espeak", "-o", f"{tmp_path}/", "--title", "X"],
    )
    assert result.exit_code == 2 and "(option --title)" in result.output


def test_say_writes_the_words_as_spoken(tmp_path: Path) -> None:
    out = tmp_path / "tu.wav"
    result = runner.invoke(app, ["say", "Ngày 15/10, TP.HCM", "-e", "espeak", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Spoken: Ngày mười lăm tháng mười, thành phố Hồ Chí Minh." in result.output
    import wave

    with wave.open(str(out)) as w:
        assert 0.5 < w.getnframes() / w.getframerate() < 10


def test_say_uses_the_lexicon(tmp_path: Path) -> None:
    lexicon = tmp_path / "lex.toml"
    lexicon.write_text('[words]\n"Yagi" = "Ya-ghi"\n', encoding="utf-8")
    args = ["say", "bão Yagi", "-e", "espeak", "-o", str(tmp_path / "y.mp3"), "--lexicon"]
    result = runner.invoke(app, [*args, str(lexicon)])
    assert result.exit_code == 0, result.output
    assert "Ya-ghi" in result.output


def test_say_nothing_is_a_clear_error() -> None:
    result = runner.invoke(app, ["say", "   ", "-e", "espeak", "-o", "x.wav"])
    assert result.exit_code == 2 and "nothing to say" in result.output


def test_make_prints_the_verdict_and_validate_exits_by_it(tmp_path: Path) -> None:
    out = tmp_path / "x.mp3"
    made = runner.invoke(app, ["make", str(EXAMPLE), "-e", "espeak", "-o", str(out)])
    assert made.exit_code == 0, made.output
    (summary,) = [line for line in made.output.splitlines() if line.startswith("Wrote ")]
    assert summary.endswith("; passes podcast") and "(draft voice, not fit for air)" in summary
    ok = runner.invoke(app, ["validate", str(out)])
    assert ok.exit_code == 0 and "PASS" in ok.output and "true peak" in ok.output
    wrong = runner.invoke(app, ["validate", str(out), "-p", "radio", "--json"])
    assert wrong.exit_code == 1
    (report,) = json.loads(wrong.output)
    assert report["passed"] is False
    assert {c["name"] for c in report["checks"] if not c["passed"]} >= {"format", "loudness"}
    junk = tmp_path / "junk.mp3"
    junk.write_bytes(b"not audio at all" * 100)
    bad = runner.invoke(app, ["validate", str(junk)])
    assert bad.exit_code == 2 and "Traceback" not in bad.output


def test_no_validate_skips_the_check(tmp_path: Path) -> None:
    args = ["make", str(EXAMPLE), "-e", "espeak", "-o", str(tmp_path / "x.mp3"), "--no-validate"]
    made = runner.invoke(app, args)
    assert made.exit_code == 0 and "passes" not in made.output


# --- reading round 2, wired: foreign names, the review, the user's lexicon --------------------

FOREIGN = "Tin thế giới\n\nÔng Donald Trump và bà Kamala Harris tranh luận tại Philadelphia.\n"


def test_foreign_names_are_respelled_for_espeak_and_kept_for_gtts(tmp_path: Path) -> None:
    src = tmp_path / "tg.txt"
    src.write_text(FOREIGN, encoding="utf-8")
    espeak = runner.invoke(app, ["script", str(src), "--plain"]).output
    gtts = runner.invoke(app, ["script", str(src), "--plain", "-e", "gtts"]).output
    kept = runner.invoke(app, ["script", str(src), "--plain", "--foreign", "keep"]).output
    assert "Trump" not in espeak and "Trump" in gtts and "Trump" in kept
    bad = runner.invoke(app, ["script", str(src), "--foreign", "english"])
    assert bad.exit_code == 2 and "(option --foreign)" in bad.output


def test_review_lists_what_to_check_with_a_lexicon_line(tmp_path: Path) -> None:
    src = tmp_path / "r.txt"
    src.write_text("Tin vắn\n\nBão Zorbatron đổ bộ vào bang Wakanda sáng nay.\n", encoding="utf-8")
    result = runner.invoke(app, ["script", str(src), "--review", "--json"])
    assert result.exit_code == 0, result.output
    found = {item["token"]: item for item in json.loads(result.output)["items"]}
    assert "Zorbatron" in found and found["Zorbatron"]["suggestion"].startswith('"Zorbatron" =')
    assert found["Zorbatron"]["occurrences"][0]["context"].startswith("Bão Zorbatron")


def test_lexicon_add_reaches_every_render(tmp_path: Path) -> None:
    added = runner.invoke(app, ["lexicon", "add", "Zorbatron", "Do-ba-trôn"])
    assert added.exit_code == 0 and "Added Zorbatron" in added.output
    again = runner.invoke(app, ["lexicon", "add", "Zorbatron", "Do-ba-trôn"])
    assert "Already there" in again.output
    clash = runner.invoke(app, ["lexicon", "add", "Zorbatron", "Dô"])
    assert clash.exit_code == 2
    said = runner.invoke(
        app, ["say", "bão Zorbatron", "-e", "espeak", "-o", str(tmp_path / "z.wav")]
    )
    assert "Do-ba-trôn" in said.output
    path = Path(runner.invoke(app, ["lexicon", "path"]).output.strip())
    path.unlink()  # the session's private config folder: leave it as found


def test_m4a_with_chapters_tags_and_the_podcast_spec(tmp_path: Path) -> None:
    pytest.importorskip("av")
    from mutagen.mp4 import MP4

    out = tmp_path / "x.m4a"
    made = runner.invoke(app, ["make", str(EXAMPLE), "-e", "espeak", "-o", str(out)])
    assert made.exit_code == 0, made.output
    assert "passes podcast" in made.output
    mp4 = MP4(out)
    assert mp4.tags is not None and mp4.tags["\xa9nam"][0].startswith("Mùa nước nổi")
    assert len(mp4.chapters) == 4
    assert mp4.info.sample_rate == 44100 and mp4.info.channels == 1


def test_no_ffmpeg_warning_without_ffmpeg(tmp_path: Path) -> None:
    """None is needed, so none is asked for: pydub's "Couldn't find ffmpeg" stays quiet."""
    import subprocess
    import sys

    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}
    out = tmp_path / "x.mp3"
    args = [sys.executable, "-m", "audionews", "make", str(EXAMPLE), "-e", "espeak", "-o", str(out)]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "ffmpeg" not in done.stderr.lower()


def test_dash_output_streams_the_programme_to_standard_output(tmp_path: Path) -> None:
    import subprocess
    import sys

    args = [sys.executable, "-m", "audionews", "make", str(EXAMPLE), "-e", "espeak", "-o", "-"]
    done = subprocess.run(args, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr
    out = tmp_path / "piped.mp3"
    out.write_bytes(done.stdout)
    assert len(ID3(out).getall("CHAP")) == 4
    assert b"Wrote standard output" in done.stderr and not list(Path.cwd().glob("-"))
    refused = runner.invoke(
        app, ["make", str(EXAMPLE), "-e", "espeak", "-o", "-", "--sidecars", "srt"]
    )
    assert refused.exit_code == 2 and "(option --sidecars)" in refused.output


def _png(path: Path) -> Path:
    import struct
    import zlib

    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body))

    raw = zlib.compress(b"\x00\xff\x00\x00")  # one red pixel
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")
    )
    return path


def test_cover_art_in_mp3_and_m4a(tmp_path: Path) -> None:
    cover = _png(tmp_path / "bia.png")
    out = tmp_path / "x.mp3"
    made = runner.invoke(
        app, ["make", str(EXAMPLE), "-e", "espeak", "-o", str(out), "--cover", str(cover)]
    )
    assert made.exit_code == 0, made.output
    (apic,) = ID3(out).getall("APIC")
    assert apic.mime == "image/png" and apic.data == cover.read_bytes()
    not_image = tmp_path / "bia.png.txt"
    not_image.write_text("không phải ảnh", encoding="utf-8")
    bad = runner.invoke(app, ["make", str(EXAMPLE), "-e", "espeak", "--cover", str(not_image)])
    assert bad.exit_code == 2 and "(option --cover)" in bad.output
    pytest.importorskip("av")
    from mutagen.mp4 import MP4

    m4a = tmp_path / "x.m4a"
    made = runner.invoke(
        app, ["make", str(EXAMPLE), "-e", "espeak", "-o", str(m4a), "--cover", str(cover)]
    )
    assert made.exit_code == 0, made.output
    tags = MP4(m4a).tags
    assert tags is not None and bytes(tags["covr"][0]) == cover.read_bytes()
