"""``audionews watch``: each new article rendered once, across restarts, with the feed updated."""

from __future__ import annotations

import json
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
    assert sorted(state["seen"]) == ["bai-0.txt", "bai-1.txt"]

    again = runner.invoke(app, args)  # a restart: nothing new, nothing rendered
    assert again.exit_code == 0 and "Wrote" not in again.output
    (inbox / "bai-2.txt").write_text(f"Tin thứ hai mươi\n{body}", encoding="utf-8")
    third = runner.invoke(app, args)
    assert third.output.count("Wrote") == 1 and "tin-thu-hai-muoi.mp3" in third.output
    assert (out / "feed.xml").read_text(encoding="utf-8").count("<item>") == 3
