"""Shared helpers for the input-format and feed tests: paths, the story as data, a .docx writer,
a local HTTP server and small MP3 programmes."""

from __future__ import annotations

import contextlib
import http.server
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from audionews.article import Article

FORMATS_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "formats"
STORY = "xe-buyt-dien"
"""One story written as .txt, .html and .md fixtures (and as .docx by :func:`write_story_docx`)."""


def expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (FORMATS_DIR / f"{name}.expected.json").read_text(encoding="utf-8")
    )
    return data


def structure(article: Article) -> dict[str, Any]:
    """What a listener hears, as plain data: compared across formats and with .expected.json."""
    return {
        "title": article.title,
        "date_line": article.date_line,
        "published": article.published.isoformat() if article.published else None,
        "lead": article.lead,
        "sections": [
            {"heading": s.heading, "paragraphs": list(s.paragraphs)}
            for s in article.sections
            if s.heading is not None or s.paragraphs
        ],
        "captions": list(article.captions),
        "byline": article.byline,
    }


def read_texts(article: Article) -> list[str]:
    """Every string that may be spoken (captions included)."""
    texts = [article.title, article.date_line or "", article.lead or "", article.byline or ""]
    for s in article.sections:
        texts.append(s.heading or "")
        texts.extend(b.text for b in s.blocks)
    return [t for t in texts if t]


# --- .docx -------------------------------------------------------------------------------------


def write_story_docx(
    path: Path,
    *,
    title_style: bool = True,
    bold_headings: bool = False,
    caption_style: bool = True,
) -> Path:
    """The fixture story as a Word file, built from ``STORY.expected.json`` with python-docx.

    ``bold_headings`` writes the subheadings as bold Normal paragraphs instead of "Heading 2";
    the lead is bold, as Vietnamese newsrooms print the sapo, and the byline is bold capitals.
    """
    import docx

    story = expected(STORY)
    doc = docx.Document()
    if title_style:
        doc.add_paragraph(story["title"], style="Title")
    else:
        doc.add_paragraph(story["title"])
    doc.add_paragraph(story["date_line"])
    doc.add_paragraph().add_run(story["lead"]).bold = True
    doc.add_paragraph(story["captions"][0], style="Caption" if caption_style else None)
    for section in story["sections"]:
        if section["heading"]:
            if bold_headings:
                doc.add_paragraph().add_run(section["heading"]).bold = True
            else:
                doc.add_heading(section["heading"], level=2)
        for text in section["paragraphs"]:
            para = doc.add_paragraph()
            # Runs split mid-sentence, with formatting, as Word saves edited text.
            half = len(text) // 2
            para.add_run(text[:half])
            para.add_run(text[half:]).italic = text.startswith("“")
    doc.add_paragraph().add_run(story["byline"]).bold = True
    doc.save(str(path))
    return path


# --- a local HTTP server -----------------------------------------------------------------------

Route = Callable[[http.server.BaseHTTPRequestHandler], None]


@contextmanager
def http_server(routes: dict[str, Route]) -> Iterator[str]:
    """Serve ``routes`` (path -> handler) on 127.0.0.1; yields the base URL."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            route = routes.get(self.path)
            if route is None:
                self.send_error(404, "Not Found")
                return
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                route(self)  # the client may give up early, as it should

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.block_on_close = False  # do not wait for a handler that is still sleeping
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def send_body(body: bytes, content_type: str = "text/html; charset=utf-8") -> Route:
    def route(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return route


def never_answer(seconds: float) -> Route:
    def route(handler: http.server.BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)

    return route


def endless_body(chunk: bytes) -> Route:
    """A page without Content-Length that never ends (until the client hangs up)."""

    def route(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.end_headers()
        for _ in range(100_000):
            handler.wfile.write(chunk)

    return route


# --- MP3 programmes ----------------------------------------------------------------------------


def make_programme_mp3(
    path: Path,
    title: str,
    *,
    seconds: float = 1.5,
    artist: str | None = None,
    date: Any = None,
    comment: str | None = None,
) -> Path:
    """A real MP3 with our ID3 tags and two chapters, from a sine tone (as in test_export)."""
    from support import sine_pcm

    from audionews.audio import Audio, ChapterMark, Programme
    from audionews.export import Tags, write_mp3

    rate = 22050
    total = round(seconds * 1000)
    programme = Programme(
        Audio(sine_pcm(seconds, rate, amplitude=0.3), rate).to_float(),
        rate,
        (ChapterMark(title, 0, total // 2), ChapterMark("Phần hai", total // 2, total)),
        (),
    )
    tags = Tags(
        title=title, artist=artist, album="Bản tin", publisher="Báo Mẫu", date=date, comment=comment
    )
    return write_mp3(programme, path, tags, bitrate=32)
