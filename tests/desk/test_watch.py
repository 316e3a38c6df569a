"""``audionews watch``: each new article rendered once, across restarts, with the feed updated."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from audionews.cli import app
from audionews.desk.watch import feed_links

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>new</title><link>https://bao.example.vn/b.html</link><guid>b</guid></item>
<item><title>old</title><link>https://bao.example.vn/a.html</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><id>tag:2</id><link rel="alternate" href="https://bao.example.vn/2.html"/></entry>
<entry><id>tag:1</id><link href="https://bao.example.vn/1.html"/></entry></feed>"""


def test_feed_links_oldest_first() -> None:
    assert feed_links(RSS) == [
        ("https://bao.example.vn/a.html", "https://bao.example.vn/a.html"),
        ("b", "https://bao.example.vn/b.html"),
    ]
    assert feed_links(ATOM) == [
        ("tag:1", "https://bao.example.vn/1.html"),
        ("tag:2", "https://bao.example.vn/2.html"),
    ]


def test_watch_a_folder_renders_each_article_once(tmp_path: Path, example_text: str) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    body = example_text.split("\n", 1)[1][:500]
    for n in range(2):
        (inbox / f"bai-{n}.txt").write_text(f"Tin thứ {n} của ngày\n{body}", encoding="utf-8")
    runner = CliRunner()
    args = ["watch", str(inbox), "-o", str(out), "-e", "espeak", "--once"]
    args += ["--base-url", "https://podcast.example.vn/", "--feed-title", "Bản tin"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert first.output.count("Wrote") == 2
    assert len(list(out.glob("*.mp3"))) == 2
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert feed.count("<item>") == 2 and "Bản tin" in feed
    state = json.loads((out / ".watch-state.json").read_text(encoding="utf-8"))
    assert sorted(e["source"] for e in state["seen"].values()) == [
        str(inbox / "bai-0.txt"),
        str(inbox / "bai-1.txt"),
    ]

    again = runner.invoke(app, args)  # a restart: nothing new, nothing rendered
    assert again.exit_code == 0 and "Wrote" not in again.output
    (inbox / "bai-2.txt").write_text(f"Tin thứ hai mươi\n{body}", encoding="utf-8")
    third = runner.invoke(app, args)
    assert third.output.count("Wrote") == 1 and "tin-thu-hai-muoi.mp3" in third.output
    assert (out / "feed.xml").read_text(encoding="utf-8").count("<item>") == 3


def _watch(inbox: Path, out: Path) -> list[str]:
    """One look at the folder; the programmes written."""
    result = CliRunner().invoke(
        app, ["watch", str(inbox), "-o", str(out), "-e", "espeak", "--once"]
    )
    assert result.exit_code == 0, result.output
    return re.findall(r"Wrote (\S+)", result.output)


def test_watch_knows_a_file_by_its_content(tmp_path: Path, example_text: str) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    body = example_text.split("\n", 1)[1][:400]
    (inbox / "lu.txt").write_text(f"Lũ về sớm ở An Giang\n{body}", encoding="utf-8")
    assert len(_watch(inbox, out)) == 1
    first = (out / "lu-ve-som-o-an-giang.mp3").stat().st_mtime_ns

    # Renamed, unchanged: not rendered again; the new path is recorded.
    (inbox / "lu.txt").rename(inbox / "lu-an-giang.txt")
    assert _watch(inbox, out) == []
    state = json.loads((out / ".watch-state.json").read_text(encoding="utf-8"))
    assert [e["source"] for e in state["seen"].values()] == [str(inbox / "lu-an-giang.txt")]

    # Edited in place, same name: rendered again (the programme of the same title replaced).
    edited = f"Lũ về sớm ở An Giang\n{body}\n\nMực nước sông Hậu tiếp tục lên."
    (inbox / "lu-an-giang.txt").write_text(edited, encoding="utf-8")
    assert [Path(p).name for p in _watch(inbox, out)] == ["lu-ve-som-o-an-giang.mp3"]
    assert (out / "lu-ve-som-o-an-giang.mp3").stat().st_mtime_ns > first
    state = json.loads((out / ".watch-state.json").read_text(encoding="utf-8"))
    assert len(state["seen"]) == 1  # the earlier version forgotten
    assert _watch(inbox, out) == []


def test_watch_takes_over_a_state_keyed_by_file_name(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    out.mkdir()
    (inbox / "cu.txt").write_text("Tin cũ đã đọc\n\nNội dung tin cũ.", encoding="utf-8")
    old = {"seen": {"cu.txt": "tin-cu-da-doc.mp3"}}
    (out / ".watch-state.json").write_text(json.dumps(old), encoding="utf-8")
    assert _watch(inbox, out) == []  # rendered before the upgrade: not again
    state = json.loads((out / ".watch-state.json").read_text(encoding="utf-8"))
    assert state["version"] == 2 and list(state["seen"].values()) == [
        {"source": str(inbox / "cu.txt"), "output": "tin-cu-da-doc.mp3"}
    ]
