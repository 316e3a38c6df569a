"""Markdown articles (``.md``): ``# Title``, ``## Subheading``, paragraphs, quotes and lists.

Parsed with markdown-it-py (CommonMark; MIT), so emphasis, links and line breaks inside a
paragraph become plain text and a heading is a heading however it is written (``#`` or
underlined). The first level-1 heading is the title; deeper headings are section headings. Code
blocks, raw HTML and images are not read; each is listed in ``Article.dropped``.
"""

from __future__ import annotations

from typing import Any

from audionews.article import Article, DropKind, Dropped
from audionews.errors import InputError
from audionews.formats import Item, build_article, require_text
from audionews.read import decode_article

__all__ = ["parse_markdown"]


def parse_markdown(data: bytes | str, name: str) -> Article:
    """Read a Markdown article. ``name`` names the file in errors."""
    text = data if isinstance(data, str) else decode_article(data, name)
    from markdown_it import MarkdownIt

    try:
        tokens = MarkdownIt("commonmark").parse(text)
    except Exception as exc:  # markdown-it raises only on internal errors; keep the cause
        raise InputError(f"{name}: could not be read as Markdown ({exc}).") from exc

    items: list[Item] = []
    dropped: list[Dropped] = []
    title: str | None = None
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        line = tok.map[0] + 1 if tok.map else 0
        if tok.type == "heading_open":
            inline = _inline_text(tokens[i + 1])
            if tok.tag == "h1" and title is None and not items:
                title = inline
            else:
                items.append(Item("heading", inline, line))
            i += 3
            continue
        if tok.type == "paragraph_open":
            inline_tok = tokens[i + 1]
            images = [c for c in inline_tok.children or () if c.type == "image"]
            para = _inline_text(inline_tok)
            if images and not para.strip():
                alt = " ".join(c.content for c in images) or str(images[0].attrGet("src"))
                dropped.append(
                    Dropped(
                        line, alt, "caption: image (its alt text is not read)", DropKind.CAPTION
                    )
                )
            else:
                items.append(Item("paragraph", para, line))
            i += 3
            continue
        if tok.type in ("fence", "code_block"):
            dropped.append(Dropped(line, tok.content.strip()[:80], "code block (not read)"))
        elif tok.type == "html_block":
            dropped.append(Dropped(line, tok.content.strip()[:80], "raw HTML (not read)"))
        i += 1

    article = build_article(items, title=title, dropped=dropped)
    return require_text(article, name)


def _inline_text(token: Any) -> str:
    """The plain text of an inline token: emphasis and links lose their marks, breaks a space,
    images are left out."""
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)
