"""The podcast feed, read back with an independent parser (feedparser) and with XPath."""

from __future__ import annotations

import json
import time
from datetime import date, datetime
from pathlib import Path

import feedparser
import pytest
from formats_support import make_programme_mp3
from lxml import etree
from mutagen.mp3 import MP3

from audionews.errors import InputError
from audionews.feed import CHAPTERS_TYPE, PODCAST_NS, write_feed

BASE = "https://baomau.vn/podcast/"
LEAD_BUS = "Sáng 5/3, Cần Thơ khai trương tuyến xe buýt điện số 11 nối bến Ninh Kiều với sân bay."
LEAD_COLD = "Không khí lạnh tăng cường khiến miền Bắc chuyển rét đậm từ đêm nay."


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "output"
    make_programme_mp3(
        out / "xe-buyt-dien.mp3",
        "Cần Thơ đưa vào khai thác tuyến xe buýt điện đầu tiên",
        seconds=2.0,
        artist="Minh Huy",
        date=datetime(2024, 3, 5, 8, 30),
        comment=LEAD_BUS,
    )
    make_programme_mp3(
        out / "ret-dam.mp3",
        "Miền Bắc rét đậm, vùng núi có nơi dưới 5 độ C",
        seconds=1.0,
        date=date(2024, 3, 12),
        comment=LEAD_COLD,
    )
    (out / "xe-buyt-dien.chapters.json").write_text(
        json.dumps({"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Mở đầu"}]}),
        encoding="utf-8",
    )
    (out / "xe-buyt-dien.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nXin chào\n")
    (out / "xe-buyt-dien.srt").write_text("1\n00:00:00,000 --> 00:00:01,000\nXin chào\n")
    (out / "ghi-chu.txt").write_text("không phải chương trình")
    return out


def parse(path: Path) -> feedparser.FeedParserDict:
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_one_item_per_programme_with_enclosure_duration_date_and_lead(folder: Path) -> None:
    path = write_feed(folder, BASE, "Bản tin Báo Mẫu", author="Báo Mẫu", image="bia.jpg")
    assert path == folder / "feed.xml"
    feed = parse(path)
    assert feed.version == "rss20"
    assert feed.feed.title == "Bản tin Báo Mẫu"
    assert feed.feed.language == "vi"
    assert feed.feed.image.href == BASE + "bia.jpg"
    assert feed.feed.author == "Báo Mẫu"
    assert {"itunes", "podcast"} <= set(feed.namespaces)
    assert {(link.rel, link.href) for link in feed.feed.links} >= {
        ("alternate", BASE),
        ("self", BASE + "feed.xml"),
    }
    assert [e.title for e in feed.entries] == [  # newest first
        "Miền Bắc rét đậm, vùng núi có nơi dưới 5 độ C",
        "Cần Thơ đưa vào khai thác tuyến xe buýt điện đầu tiên",
    ]
    cold, bus = feed.entries
    (enclosure,) = [link for link in bus.links if link.rel == "enclosure"]
    mp3 = folder / "xe-buyt-dien.mp3"
    assert enclosure.href == BASE + "xe-buyt-dien.mp3"
    assert int(enclosure.length) == mp3.stat().st_size
    assert enclosure.type == "audio/mpeg"
    assert int(bus.itunes_duration) == round(MP3(str(mp3)).info.length) == 2
    assert bus.published == "Tue, 05 Mar 2024 08:30:00 +0700"
    assert time.strftime("%Y-%m-%d %H:%M", bus.published_parsed) == "2024-03-05 01:30"  # UTC
    assert bus.summary == LEAD_BUS
    assert bus.author == "Minh Huy"
    assert cold.published.startswith("Tue, 12 Mar 2024 00:00:00")
    assert cold.guidislink is False


def test_podcasting_20_chapters_and_transcripts(folder: Path) -> None:
    path = write_feed(folder, BASE, "Bản tin")
    bus, cold = _items_by_file(path)
    ns = {"podcast": PODCAST_NS}
    (chapters,) = bus.findall("podcast:chapters", ns)
    assert chapters.attrib == {"url": BASE + "xe-buyt-dien.chapters.json", "type": CHAPTERS_TYPE}
    transcripts = [
        (t.get("url"), t.get("type"), t.get("language"))
        for t in bus.findall("podcast:transcript", ns)
    ]
    assert transcripts == [
        (BASE + "xe-buyt-dien.vtt", "text/vtt", "vi"),
        (BASE + "xe-buyt-dien.srt", "application/x-subrip", "vi"),
    ]
    assert cold.findall("podcast:chapters", ns) == []
    assert cold.findall("podcast:transcript", ns) == []
    feed = parse(path)
    assert feed.entries[1].podcast_chapters["url"].endswith("xe-buyt-dien.chapters.json")
    assert feed.feed.podcast_guid


def _items_by_file(path: Path) -> tuple[etree._Element, etree._Element]:
    root = etree.parse(str(path)).getroot()
    items = {
        item.find("enclosure").get("url").rsplit("/", 1)[1]: item for item in root.iter("item")
    }
    return items["xe-buyt-dien.mp3"], items["ret-dam.mp3"]


def test_rerun_updates_without_duplicating(folder: Path) -> None:
    first = write_feed(folder, BASE, "Bản tin").read_bytes()
    again = write_feed(folder, BASE, "Bản tin").read_bytes()
    assert again == first, "same folder, same feed"
    guids = [e.id for e in parse(folder / "feed.xml").entries]
    make_programme_mp3(
        folder / "moi.mp3", "Tin mới nhất", date=datetime(2024, 3, 20, 6, 0), comment="Tin mới."
    )
    feed = parse(write_feed(folder, BASE, "Bản tin"))
    new_guids = [e.id for e in feed.entries]
    assert len(new_guids) == len(set(new_guids)) == 3
    assert new_guids[1:] == guids
    assert feed.entries[0].title == "Tin mới nhất"


def test_output_elsewhere_and_relative_urls_stay_on_base(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "site" / "podcast.xml"
    assert write_feed(folder, "https://baomau.vn/podcast", "Bản tin", output=target) == target
    assert not (folder / "feed.xml").exists()
    urls = [link.href for e in parse(target).entries for link in e.links if link.rel == "enclosure"]
    assert all(u.startswith(BASE) for u in urls)
    assert "self" not in {link.rel for link in parse(target).feed.links}  # its address is unknown


def test_programme_without_tags_is_named_from_its_file(folder: Path) -> None:
    from mutagen.id3 import ID3

    ID3(str(folder / "ret-dam.mp3")).delete()
    titles = {e.title for e in parse(write_feed(folder, BASE, "Bản tin")).entries}
    assert "ret dam" in titles


def test_file_that_is_not_an_mp3_is_skipped(folder: Path, caplog: pytest.LogCaptureFixture) -> None:
    (folder / "hong.mp3").write_bytes(b"khong phai mp3" * 10)
    feed = parse(write_feed(folder, BASE, "Bản tin"))
    assert len(feed.entries) == 2
    assert "hong.mp3" in caplog.text


@pytest.mark.parametrize(
    ("setup", "base", "message"),
    [
        ("missing", BASE, "no such folder"),
        ("empty", BASE, r"no programmes \(\.mp3 files\)"),
        ("ok", "baomau.vn/podcast", "is not a web address"),
    ],
)
def test_clear_errors(folder: Path, tmp_path: Path, setup: str, base: str, message: str) -> None:
    target = {"missing": tmp_path / "khong-co", "empty": tmp_path, "ok": folder}[setup]
    with pytest.raises(InputError, match=message):
        write_feed(target, base, "Bản tin")


# --- issue #17: special files and bad titles never break (or hang) the feed ------------------


def test_fifo_named_mp3_is_skipped_not_waited_on(
    folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import os
    import threading

    fifo = folder / "dang-ghi.mp3"
    os.mkfifo(fifo)
    done: list[Path] = []
    worker = threading.Thread(target=lambda: done.append(write_feed(folder, BASE, "Bản tin")))
    worker.daemon = True
    worker.start()
    worker.join(10)
    if not done:  # unblock the hung reader so the test run can end
        with open(fifo, "wb"):
            pass
        pytest.fail("feed hung on a FIFO named .mp3")
    assert len(parse(done[0]).entries) == 2
    assert "dang-ghi.mp3" in caplog.text and "not a regular file" in caplog.text


@pytest.mark.parametrize("bad", ["\ufffe", "\uffff", "\x01"])
def test_a_bad_title_skips_that_file_and_names_it(
    folder: Path, caplog: pytest.LogCaptureFixture, bad: str
) -> None:
    make_programme_mp3(folder / "hong.mp3", f"Tin {bad} lỗi", comment="Tóm tắt")
    path = write_feed(folder, BASE, "Bản tin")
    feed = parse(path)
    assert len(feed.entries) == 2  # the two good programmes are published
    assert all("lỗi" not in e.title for e in feed.entries)
    assert "hong.mp3" in caplog.text and "skipped" in caplog.text


def test_only_bad_files_says_which(tmp_path: Path) -> None:
    out = tmp_path / "o"
    make_programme_mp3(out / "hong.mp3", "Tin \uffff lỗi")
    with pytest.raises(InputError, match=r"hong\.mp3"):
        write_feed(out, BASE, "Bản tin")


def test_a_programme_with_cover_art_gets_its_itunes_image(folder: Path) -> None:
    from mutagen.id3 import APIC, ID3, PictureType

    mp3 = sorted(folder.glob("*.mp3"))[0]
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
    tags = ID3(mp3)
    tags.add(APIC(encoding=0, mime="image/png", type=PictureType.COVER_FRONT, data=png))
    tags.save(v2_version=3)
    path = write_feed(folder, "https://bao.example.vn/podcast/", "Bản tin")
    cover = mp3.with_name(mp3.stem + ".cover.png")
    assert cover.read_bytes() == png
    images = etree.parse(str(path)).findall(
        ".//item/{http://www.itunes.com/dtds/podcast-1.0.dtd}image"
    )
    assert [i.get("href") for i in images] == [f"https://bao.example.vn/podcast/{cover.name}"]
