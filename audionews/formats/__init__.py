"""Stage 1 for documents that are not plain text: HTML pages, URLs, Word and Markdown files.

Every format ends in the same typed :class:`~audionews.article.Article` as ``.txt``:

- ``.txt`` goes through :func:`audionews.read.read_article_text` and
  :func:`audionews.article.parse_article` unchanged;
- the structured formats know their headings, paragraphs and captions from the document itself, so
  each reader turns its document into a list of :class:`Item` (heading, paragraph or caption, with
  a line number) and :func:`build_article` finds the title, date, lead and byline among them with
  the same rules the plain-text parser uses. The same story therefore gives the same chapters and
  the same spoken text whatever its format.

Readers are imported lazily: a format's library costs nothing until a file of that format is read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from audionews.article import (
    Article,
    Dropped,
    Line,
    assemble_article,
    parse_article,
)
from audionews.defaults import DEFAULT_TIMEOUT
from audionews.errors import InputError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT",
    "FORMATS",
    "Item",
    "build_article",
    "is_url",
    "load_document",
]

"""Seconds a URL has to answer and be downloaded in."""
DEFAULT_MAX_BYTES = 5_000_000
"""Largest page or file accepted (a long feature is ~100 kB of text, ~1 MB of HTML)."""

#: File extensions and the format that reads them.
FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".md": "markdown",
    ".markdown": "markdown",
}

_URL = re.compile(r"^https?://", re.IGNORECASE)


def is_url(source: str | Path) -> bool:
    """True for ``http://`` and ``https://`` addresses."""
    return isinstance(source, str) and bool(_URL.match(source))


def load_document(
    source: str | Path,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Read the article at ``source``: a URL, a ``.txt``/``.html``/``.docx``/``.md`` file or ``-``.

    Raises :class:`InputError` naming the source and the fix when it cannot be read, is too big,
    is corrupt or holds no article.
    """
    if is_url(source):
        from audionews.formats.url import fetch_article

        return fetch_article(str(source), timeout=timeout, max_bytes=max_bytes)

    name = str(source)
    if name == "-":
        return _load_text(source)
    if name.lower().startswith("file:"):
        raise InputError(
            f"{name}: a file: address is not fetched; give the file's path itself "
            f"({name.split(':', 1)[1].lstrip('/') and '/' + name.split(':', 1)[1].lstrip('/')})."
        )
    path = Path(source)
    suffix = path.suffix.lower()
    kind = FORMATS.get(suffix)
    if kind is None:
        if suffix == ".doc":
            raise InputError(
                f"{name}: old Word .doc files cannot be read. Open it in Word or LibreOffice and "
                "save it as .docx (Word Document), or save the text as .txt."
            )
        if suffix in (".pdf", ".rtf", ".odt", ".epub"):
            raise InputError(
                f"{name}: {suffix} files cannot be read. Save the article as .docx, .html, .md "
                "or plain text (.txt)."
            )
        # No or unknown extension: plain text, as before.
        return _load_text(source)
    if kind == "text":
        return _load_text(source)
    data = _read_bytes(path, max_bytes)
    if kind == "html":
        from audionews.formats.html import parse_html

        return parse_html(data, name)
    if kind == "docx":
        from audionews.formats.docx import parse_docx

        return parse_docx(data, name)
    from audionews.formats.markdown import parse_markdown

    return parse_markdown(data, name)


def _load_text(source: str | Path) -> Article:
    from audionews.read import read_article_text

    text, name = read_article_text(source)
    article = parse_article(text)
    if not article.title:  # exactly what pipeline.load_article has always said for .txt
        raise InputError(
            f"{name}: no readable text was found (every line looks like page junk). "
            "Check that this is the article's text; `audionews script` shows what was dropped."
        )
    return article


def require_text(article: Article, name: str) -> Article:
    """``article``, or :class:`InputError` when nothing readable was found in ``name``."""
    if not article.title or not (article.lead or any(s.blocks for s in article.sections)):
        raise InputError(
            f"{name}: no article text was found (only a title, page chrome or nothing). "
            "Check that this is the article itself; `audionews script` shows what was dropped."
        )
    return article


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    name = str(path)
    if not path.exists():
        raise InputError(f"{name}: no such file. Check the path.")
    if path.is_dir():
        raise InputError(f"{name}: is a folder, not an article file. Name a file.")
    from audionews.read import read_regular_file

    data = read_regular_file(path, max_bytes)  # refuses pipes and devices, reads no more
    if len(data) > max_bytes:
        raise InputError(
            f"{name}: more than {max_bytes / 1e6:g} MB is too big for one article. Split it "
            "into separate articles."
        )
    return data


# --- the shared structure builder --------------------------------------------------------------

ItemKind = Literal["heading", "paragraph", "caption"]


@dataclass(frozen=True)
class Item:
    """One block of a structured document, as its reader found it, in reading order."""

    kind: ItemKind
    text: str
    line: int
    """1-based position in the source: the HTML source line, the Markdown line, the Word
    paragraph number."""


def build_article(
    items: Sequence[Item],
    *,
    title: str | None = None,
    date_line: str | None = None,
    published: datetime | date | None = None,
    lead: str | None = None,
    lead_line: int = 0,
    byline: str | None = None,
    dropped: Sequence[Dropped] = (),
) -> Article:
    """Assemble an :class:`Article` from a structured document's blocks.

    What the reader already knows (``title``, date, ``lead``, ``byline`` from markup or metadata)
    wins; the rest is found with exactly the plain-text rules
    (:func:`audionews.article.assemble_article`): the block kinds the document marks (heading,
    paragraph, caption) are hints the rules respect, so the same story gives the same article
    whatever its format. Blocks repeating the title, date, lead or byline are not read twice.
    """
    lines = [Line(it.line, it.text, it.kind) for it in items]
    return assemble_article(
        lines,
        title=title,
        date_line=date_line,
        published=published,
        lead=lead,
        lead_line=lead_line,
        byline=byline,
        dropped=dropped,
    )
