"""Batches (one programme per input) and bulletins (several stories, one programme), via the CLI."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

import pytest
from mutagen.id3 import ID3
from support import ARTICLES
from typer.testing import CliRunner

from audionews.cli import app
from audionews.pipeline import load_article

runner = CliRunner()
STORIES = [
    ARTICLES / "02-suc-khoe-sot-xuat-huyet.txt",
    ARTICLES / "05-thoi-tiet-khong-khi-lanh.txt",
    ARTICLES / "07-le-hoi-crlf-bom.txt",
]


def test_three_story_bulletin_has_one_chapter_per_story(tmp_path: Path) -> None:
    out = tmp_path / "bantin.mp3"
    result = runner.invoke(
        app,
        [
            "bulletin",
            *map(str, STORIES),
            "-e",
            "espeak",
            "-o",
            str(out),
            "--title",
            "Bản tin sáng",
            "--sidecars",
            "chapters",
        ],
    )
    assert result.exit_code == 0, result.output
    tags = ID3(out)
    toc = tags.getall("CTOC")[0]
    chaps = {c.element_id: c for c in tags.getall("CHAP")}
    titles = [str(chaps[i].sub_frames["TIT2"]) for i in toc.child_element_ids]
    assert titles == ["Bản tin sáng", *(load_article(s)[0].title for s in STORIES)]
    starts = [chaps[i].start_time for i in toc.child_element_ids]
    assert starts == sorted(starts) and len(set(starts)) == 4
    assert str(tags["TIT2"]) == "Bản tin sáng"
    assert str(tags["TDRC"]) == date.today().isoformat()  # the bulletin's date, not a story's
    assert "-16.0 LUFS" in result.output  # loudness of the whole programme


def test_bulletin_with_sting_is_longer(tmp_path: Path) -> None:
    import wave

    from support import sine_pcm

    sting = tmp_path / "sting.wav"
    with wave.open(str(sting), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(22050)
        w.writeframes(sine_pcm(1.0, 22050, 880.0, 0.3))
    plain = runner.invoke(
        app, ["bulletin", *map(str, STORIES[:2]), "-e", "espeak", "-o", str(tmp_path / "a.wav")]
    )
    stung = runner.invoke(
        app,
        [
            "bulletin",
            *map(str, STORIES[:2]),
            "-e",
            "espeak",
            "-o",
            str(tmp_path / "b.wav"),
            "--sting",
            str(sting),
        ],
    )
    assert plain.exit_code == 0 and stung.exit_code == 0, stung.output
    assert (tmp_path / "b.wav").stat().st_size > (tmp_path / "a.wav").stat().st_size


def test_batch_with_one_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "hong.txt"
    bad.write_bytes(b"\x00\x01\x02" * 50)
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["make", *map(str, STORIES[:2]), str(bad), "-e", "espeak", "-o", str(out)]
    )
    assert result.exit_code == 2
    assert "hong.txt" in result.output and "binary" in result.output
    assert "3 inputs: 2 rendered, 0 skipped, 1 failed" in result.output
    assert len(list(out.glob("*.mp3"))) == 2


def test_batch_of_a_folder_skips_up_to_date_outputs(tmp_path: Path) -> None:
    folder = tmp_path / "bai"
    folder.mkdir()
    for story in STORIES[:2]:
        (folder / story.name).write_bytes(story.read_bytes())
    out = tmp_path / "out"
    first = runner.invoke(app, ["make", str(folder), "-e", "espeak", "-o", str(out)])
    assert first.exit_code == 0, first.output
    assert "2 rendered" in first.output
    again = runner.invoke(app, ["make", str(folder), "-e", "espeak", "-o", str(out)])
    assert "0 rendered, 2 skipped" in again.output
    touched = folder / STORIES[0].name
    later = time.time() + 5
    os.utime(touched, (later, later))
    third = runner.invoke(app, ["make", str(folder), "-e", "espeak", "-o", str(out)])
    assert "1 rendered, 1 skipped" in third.output
    forced = runner.invoke(app, ["make", str(folder), "-e", "espeak", "-o", str(out), "--force"])
    assert "2 rendered" in forced.output


def test_batch_needs_a_folder_output(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["make", *map(str, STORIES[:2]), "-e", "espeak", "-o", str(tmp_path / "x.mp3")]
    )
    assert result.exit_code == 2
    assert "the output must be a folder. (option --output)" in result.output


def test_feed_command(tmp_path: Path) -> None:
    feedparser = pytest.importorskip("feedparser")
    out = tmp_path / "pod"
    made = runner.invoke(
        app,
        [
            "make",
            *map(str, STORIES[:2]),
            "-e",
            "espeak",
            "-o",
            str(out),
            "--sidecars",
            "chapters,vtt",
        ],
    )
    assert made.exit_code == 0, made.output
    args = ["feed", str(out), "--base-url", "https://tin.example.vn/pod", "--title", "Tin Việt"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    parsed = feedparser.parse(str(out / "feed.xml"))
    assert parsed.feed.title == "Tin Việt"
    assert len(parsed.entries) == 2
    assert all(e.enclosures[0].href.endswith(".mp3") for e in parsed.entries)
    again = runner.invoke(app, args)
    assert again.exit_code == 0
    assert len(feedparser.parse(str(out / "feed.xml")).entries) == 2  # no duplicates


def test_story_sections_become_sub_chapters(tmp_path: Path) -> None:
    from mutagen.id3 import CTOCFlags

    story = ARTICLES / "01-dbscl-chuyen-doi-lua.txt"  # two subheadings
    out = tmp_path / "b.mp3"
    result = runner.invoke(
        app, ["bulletin", str(story), str(STORIES[1]), "-e", "espeak", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    tags = ID3(out)
    tocs = {t.element_id: t for t in tags.getall("CTOC")}
    chaps = {c.element_id: c for c in tags.getall("CHAP")}
    top = [t for t in tocs.values() if t.flags & CTOCFlags.TOP_LEVEL]
    assert len(top) == 1 and top[0].child_element_ids == ["chp0", "chp1"]
    article = load_article(story)[0]
    sub = tocs["toc0"]
    assert not sub.flags & CTOCFlags.TOP_LEVEL
    titles = [str(chaps[i].sub_frames["TIT2"]) for i in sub.child_element_ids]
    assert titles == [article.title, *article.headings]
    story_chap = chaps["chp0"]
    starts = [chaps[i].start_time for i in sub.child_element_ids]
    assert starts == sorted(starts)
    assert starts[0] == story_chap.start_time
    assert all(story_chap.start_time <= s < story_chap.end_time for s in starts)
    assert "toc1" not in tocs  # the second story has no sections


# --- issue #17: batch outputs never collide; settings are part of "up to date"; a full disk --


def short_article(title: str, body: str = "Giá lúa hôm nay tăng mạnh.") -> str:
    return f"{title}\n\nNông dân ở Đồng Tháp phấn khởi vì được mùa. {body}\n\nThêm một đoạn.\n"


def write_articles(folder: Path, titles: dict[str, str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, title in titles.items():
        path = folder / name
        path.write_text(short_article(title, f"Bài {name}."), encoding="utf-8")
        paths.append(path)
    return paths


def batch_settings(out: Path, tmp_path: Path, **kw: object):  # type: ignore[no-untyped-def]
    from audionews.settings import RenderSettings

    return RenderSettings.build(engine="espeak", output=f"{out}/", cache_dir=tmp_path / "c", **kw)


def test_same_titles_never_share_an_output(tmp_path: Path) -> None:
    from audionews.bulletin import make_batch

    folder = tmp_path / "bai"
    same = {"a.txt": "Tin nóng", "b.txt": "Tin nóng", "c.txt": "Tin nóng!"}  # one slug
    write_articles(folder, same)
    out = tmp_path / "out"
    items = make_batch([folder], batch_settings(out, tmp_path))
    assert [i.error for i in items] == [None] * 3 and not any(i.skipped for i in items)
    names = sorted(p.name for p in out.glob("*.mp3"))
    assert names == ["tin-nong-a.mp3", "tin-nong-b.mp3", "tin-nong-c.mp3"]
    assert all(i.note and "3 inputs have titles named tin-nong.mp3" in i.note for i in items)
    titles = {ID3(str(out / n))["TIT2"].text[0] for n in names}
    assert titles == {"Tin nóng", "Tin nóng!"}
    again = make_batch([folder], batch_settings(out, tmp_path))  # same names again: skipped
    assert all(i.skipped for i in again)


def test_titles_without_a_file_name_never_share_one(tmp_path: Path) -> None:
    from audionews.bulletin import make_batch

    folder = tmp_path / "bai"
    write_articles(folder, {"x.txt": "Москва 🔥", "y.txt": "北京新闻", "z.txt": "Bão số 3"})
    out = tmp_path / "out"
    items = make_batch([folder], batch_settings(out, tmp_path))
    assert all(i.result for i in items)
    assert sorted(p.name for p in out.glob("*.mp3")) == ["bao-so-3.mp3", "x.mp3", "y.mp3"]


def test_plan_outputs_is_deterministic_and_never_collides(tmp_path: Path) -> None:
    from audionews.bulletin import plan_outputs

    settings = batch_settings(tmp_path / "o", tmp_path)
    sources = ["a/tin.txt", "b/tin.txt", "c.txt", "https://bao.vn/x/tin.html", "-"]
    titles = ["Tin", "Tin", "Tin tin", "Tin", "Tin"]
    plan = plan_outputs(sources, titles, settings)
    names = [t.name for t, _ in plan if t is not None]
    assert len(set(names)) == len(names) == 5
    assert names[2] == "tin-tin.mp3"  # a unique title keeps its plain name
    assert names[0] == "tin-tin-2.mp3"  # "tin-tin" is taken by c.txt's title
    assert names[1] == "tin-tin-3.mp3" and names[3] == "tin-tin-4.mp3"
    assert names[4] == "tin-stdin.mp3"
    assert plan == plan_outputs(sources, titles, settings)
    assert plan_outputs(["a.txt", "b.txt"], ["Tin", None], settings)[1] == (None, None)


def test_rerun_with_other_settings_renders_again(tmp_path: Path) -> None:
    from audionews.bulletin import make_batch

    folder = tmp_path / "bai"
    write_articles(folder, {"a.txt": "Một", "b.txt": "Bốn"})
    out = tmp_path / "out"
    assert all(i.result for i in make_batch([folder], batch_settings(out, tmp_path)))
    assert all(i.skipped for i in make_batch([folder], batch_settings(out, tmp_path)))
    faster = make_batch([folder], batch_settings(out, tmp_path, speed=1.2))
    assert all(i.result for i in faster)
    voice = make_batch([folder], batch_settings(out, tmp_path, speed=1.2, voice="vi-VN-x-south"))
    assert all(i.result for i in voice)
    lexicon = tmp_path / "lex.toml"
    lexicon.write_text('[words]\n"Đồng Tháp" = "đồng tháp"\n', encoding="utf-8")
    kw = {"speed": 1.2, "voice": "vi-VN-x-south", "lexicon": [lexicon]}
    assert all(i.result for i in make_batch([folder], batch_settings(out, tmp_path, **kw)))
    assert all(i.skipped for i in make_batch([folder], batch_settings(out, tmp_path, **kw)))
    lexicon.write_text('[words]\n"Đồng Tháp" = "đồng thắp"\n', encoding="utf-8")  # same path
    assert all(i.result for i in make_batch([folder], batch_settings(out, tmp_path, **kw)))


def test_output_changed_behind_the_batch_is_not_up_to_date(tmp_path: Path) -> None:
    from audionews.bulletin import make_batch

    folder = tmp_path / "bai"
    write_articles(folder, {"a.txt": "Một", "b.txt": "Bốn"})
    out = tmp_path / "out"
    make_batch([folder], batch_settings(out, tmp_path))
    (out / "mot.mp3").write_bytes((out / "mot.mp3").read_bytes()[:-100])  # someone else's write
    items = make_batch([folder], batch_settings(out, tmp_path))
    assert [bool(i.result) for i in items] == [True, False]


def test_full_disk_in_a_batch_fails_that_input_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    folder = tmp_path / "bai"
    write_articles(folder, {"a.txt": "Một", "b.txt": "Tin thứ hai", "c.txt": "Tin thứ ba"})
    out = tmp_path / "out"
    import os

    real = os.fsync

    def fsync(fd: int) -> None:  # the disk fills while one programme is being written
        if Path(os.readlink(f"/proc/self/fd/{fd}")).name.startswith(".tin-thu-hai.mp3."):
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    result = runner.invoke(app, ["make", str(folder), "-e", "espeak", "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert "No space left on device" in result.output and "tin-thu-hai.mp3" in result.output
    assert "3 inputs: 2 rendered, 0 skipped, 1 failed" in result.output
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "mot.mp3",
        "tin-thu-ba.mp3",
    ]
    assert not list(out.glob("*.part")) and not list(out.glob(".*.part"))


def test_a_reader_bug_fails_one_input_not_the_batch(tmp_path: Path) -> None:
    from audionews.bulletin import make_batch

    folder = tmp_path / "bai"
    write_articles(folder, {"a.txt": "Một"})
    (folder / "b.txt").write_text("23/10/2020\n", encoding="utf-8")  # crashes article.py today
    items = make_batch([folder], batch_settings(tmp_path / "out", tmp_path))
    assert items[0].result is not None
    assert items[1].error is not None and items[1].exit_code == 2


def test_ctrl_c_stops_a_batch_at_once(tmp_path: Path) -> None:
    import signal
    import threading

    from audionews.bulletin import make_batch
    from audionews.errors import Interrupted

    folder = tmp_path / "bai"
    long = " ".join(["Giá lúa hôm nay tăng mạnh so với tuần trước, nông dân phấn khởi."] * 40)
    for i in range(6):
        (folder / f"{i}.txt").parent.mkdir(exist_ok=True)
        (folder / f"{i}.txt").write_text(f"Tin số {i}\n\n{long}\n\n{long}\n", encoding="utf-8")
    main = threading.main_thread().ident
    assert main is not None
    threading.Timer(0.8, signal.pthread_kill, (main, signal.SIGINT)).start()
    started = time.monotonic()
    with pytest.raises(Interrupted) as err:
        make_batch([folder], batch_settings(tmp_path / "out", tmp_path, no_cache=True), jobs=2)
    assert err.value.exit_code == 130
    assert time.monotonic() - started < 5
    deadline = time.monotonic() + 20
    while any(t.name.startswith("audionews-batch") for t in threading.enumerate()):
        assert time.monotonic() < deadline, "batch workers still running"
        time.sleep(0.05)
    out = tmp_path / "out"
    written = list(out.glob("*.mp3")) if out.exists() else []
    assert len(written) < 6  # stopped, not finished
    assert not out.exists() or not [p for p in out.iterdir() if p.name.endswith(".part")]
