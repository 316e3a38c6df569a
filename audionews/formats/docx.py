"""Word documents (``.docx``) become an :class:`Article`, read with python-docx (MIT).

The Title style (or, without one, the first paragraph) is the title. Word's heading styles
("Heading 1".."Heading 9", also localized names such as "Tiêu đề 2") are section headings, and so
is a short bold paragraph standing alone on its line (how many newsrooms mark subheadings by
hand). The Caption style marks photo captions. Tables, text boxes and headers/footers are not read.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from audionews.article import HEADING_MAX_CHARS, HEADING_MAX_WORDS, Article, Dropped
from audionews.errors import InputError
from audionews.formats import Item, build_article, require_text

__all__ = ["parse_docx"]

_HEADING_STYLE = re.compile(r"^(heading|tiêu đề|titre|überschrift)\s*(\d)$", re.IGNORECASE)
_FINAL_PUNCT = tuple(".!?…:;,")


def parse_docx(data: bytes, name: str) -> Article:
    """Read a Word .docx article. ``name`` names the file in errors."""
    document = _open(data, name)
    items: list[Item] = []
    dropped: list[Dropped] = []
    title: str | None = None
    for no, para in enumerate(document.paragraphs, start=1):
        text = " ".join(para.text.split())
        if not text:
            continue
        style = (para.style.name if para.style is not None else "") or ""
        if style.casefold() in ("title", "tiêu đề", "titre", "titel") and title is None:
            title = text
            continue
        if style.casefold() in ("subtitle", "tiêu đề phụ"):
            items.append(Item("paragraph", text, no))
            continue
        if _HEADING_STYLE.match(style):
            items.append(Item("heading", text, no))
        elif style.casefold() == "caption":
            items.append(Item("caption", text, no))
        elif _is_bold_heading(para, text):
            items.append(Item("heading", text, no))
        else:
            items.append(Item("paragraph", text, no))
    if document.tables:
        dropped.append(
            Dropped(0, f"{len(document.tables)} table(s)", "table (not read; copy as text)")
        )

    if title is None and items and items[0].kind == "heading":
        title = items.pop(0).text  # an article whose first line is a "Heading 1"
    article = build_article(items, title=title, dropped=dropped)
    return require_text(article, name)


def _open(data: bytes, name: str) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if data[:2] != b"PK":
        hint = (
            " It looks like an old Word .doc file renamed to .docx."
            if data[:4] == b"\xd0\xcf\x11\xe0"
            else ""
        )
        raise InputError(
            f"{name}: is not a Word .docx file (a .docx is a ZIP package).{hint} Open it in "
            "Word or LibreOffice and save it again as .docx (Word Document), or save as .txt."
        )
    _check_expansion(data, name)
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(
            f"{name}: the Word file is damaged or incomplete ({exc}). Open it in Word or "
            "LibreOffice and save it again as .docx, or save the article as .txt."
        ) from exc
    except Exception as exc:  # lxml XMLSyntaxError and friends from a broken document.xml
        raise InputError(
            f"{name}: the Word file cannot be read ({type(exc).__name__}: {exc}). Open it in "
            "Word or LibreOffice and save it again as .docx, or save the article as .txt."
        ) from exc


MAX_EXPANDED_BYTES = 64_000_000
"""What the parts of a .docx may expand to: a 5 MB article's document XML is a fraction of it;
beyond it is a zip bomb, refused before anything is parsed."""


def _check_expansion(data: bytes, name: str) -> None:
    """Refuse a package whose parts would expand past :data:`MAX_EXPANDED_BYTES` (the sizes
    the ZIP declares bound what :mod:`zipfile` will ever read of each part)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            expanded = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise InputError(
            f"{name}: the Word file is damaged or incomplete ({exc}). Open it in Word or "
            "LibreOffice and save it again as .docx, or save the article as .txt."
        ) from exc
    if expanded > MAX_EXPANDED_BYTES:
        raise InputError(
            f"{name}: the Word file would expand to {expanded / 1e6:.0f} MB (limit "
            f"{MAX_EXPANDED_BYTES / 1e6:.0f} MB): it is not a single article. Save the article "
            "itself as .docx or .txt."
        )


def _is_bold_heading(para: Any, text: str) -> bool:
    """A short paragraph whose every run of text is bold, without closing punctuation."""
    if len(text.split()) > HEADING_MAX_WORDS or len(text) > HEADING_MAX_CHARS:
        return False
    if text.endswith(_FINAL_PUNCT):
        return False
    runs = [r for r in para.runs if r.text.strip()]
    if not runs:
        return False
    style_bold = bool(para.style is not None and para.style.font.bold)
    return all(r.bold or (r.bold is None and style_bold) for r in runs)
