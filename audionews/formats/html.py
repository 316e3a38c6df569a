"""Saved news pages (``.html``/``.htm``) and fetched pages become an :class:`Article`.

The article body is found by readability-lxml (Apache-2.0), which scores the page's blocks and
keeps the main text with its subheadings, paragraphs and figure captions while dropping menus,
related-link boxes, share bars, comments and footers. Scripts, styles and HTML comments are removed
before anything else, so they are never read. On top of the extractor, small rules read what
news pages print outside the body: the ``<h1>`` title, the ``<time>``/printed date, the sapo
(lead paragraph) and the byline; and every block of the page that is not read is listed in
``Article.dropped`` with why (menu, footer, related links, comments, share bar, advertisement,
outside the article).
"""

from __future__ import annotations

import codecs
import json
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

import lxml.html
from lxml import etree

from audionews import regexcache as rc
from audionews.article import (
    DATE_LINE,
    FINAL_PUNCT,
    HEADING_MAX_CHARS,
    HEADING_MAX_WORDS,
    Article,
    DropKind,
    Dropped,
    fold,
    is_byline,
    is_junk,
    outlet_tag,
    parse_date,
)
from audionews.errors import InputError
from audionews.formats import Item, ItemKind, build_article, require_text
from audionews.read import clean_text

__all__ = ["decode_html", "parse_html"]

log = logging.getLogger(__name__)

#: Elements whose content is never text to read.
_NEVER_READ = ("script", "style", "noscript", "template", "svg", "iframe", "object", "canvas")
#: Block-level elements: each is one unit of text on a page.
_BLOCKS = frozenset(
    (
        *("address", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl"),
        *("dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "li", "main"),
        *("nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th"),
        *("thead", "time", "tr", "ul", "h1", "h2", "h3", "h4", "h5", "h6"),
    )
)
_HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
#: Class/id words that mark the lead (sapo) paragraph on Vietnamese and international sites.
_LEAD_MARK = rc.compile(
    r"(^|[\s_-])(sapo|lead|chapeau|summary|description|desc|excerpt|standfirst|intro|tom-?tat)"
    r"($|[\s_-])",
    re.IGNORECASE,
)
_CAPTION_MARK = rc.compile(
    r"(^|[\s_-])(caption|figcaption|image-?desc|photo-?desc|img-?desc|chu-?thich)($|[\s_-])",
    re.IGNORECASE,
)
_DATE_MARK = rc.compile(r"(date|time|publish|ngay)", re.IGNORECASE)
_AUTHOR_MARK = rc.compile(r"(author|byline|tac-?gia|writer)", re.IGNORECASE)
#: Why a block outside the extracted article was not read: (tag or class/id pattern, reason).
_CHROME_REASONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (rc.compile(r"comment|binh-?luan|y-?kien", re.I), "reader comments"),
    (
        rc.compile(r"related|lien-?quan|cung-?chuyen-?muc|tin-?khac|xem-?them", re.I),
        "related-articles block",
    ),
    (rc.compile(r"share|social|chia-?se|sharing", re.I), "share buttons"),
    (
        rc.compile(r"(^|[\s_-])(ads?|advert\w*|banner|quang-?cao|sponsor\w*)($|[\s_-])", re.I),
        "advertisement",
    ),
    (rc.compile(r"(^|[\s_-])(tags?|keywords?|tu-?khoa)($|[\s_-])", re.I), "tags"),
    (rc.compile(r"breadcrumb", re.I), "breadcrumb"),
    (rc.compile(r"(^|[\s_-])(nav\w*|menu\w*)($|[\s_-])", re.I), "page chrome (menu)"),
    (
        rc.compile(r"(^|[\s_-])(sidebar|most-?read|doc-?nhieu|box-?right)($|[\s_-])", re.I),
        "sidebar",
    ),
    (rc.compile(r"footer", re.I), "page chrome (footer)"),
    (rc.compile(r"header|top-?bar|ticker", re.I), "page chrome (header)"),
)
_TAG_REASONS = {
    "nav": "page chrome (menu)",
    "header": "page chrome (header)",
    "footer": "page chrome (footer)",
    "aside": "sidebar",
    "form": "page chrome (form)",
}
_XML_DECLARATION = rc.compile(r"^\s*<\?xml[^>]*\?>")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def decode_html(data: bytes, name: str, declared: str | None = None) -> str:
    """HTML bytes to clean text: BOM, then the HTTP charset, then ``<meta charset>``, then UTF-8."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        meta = _META_CHARSET.search(data[:8192])
        candidates = [c for c in (declared, meta.group(1).decode("ascii") if meta else None) if c]
        candidates.append("utf-8")
    for codec in candidates:
        try:
            return clean_text(data.decode(codec))
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError(
        f"{name}: the page is not valid {candidates[0]} text. Save the page again from the "
        'browser (Save Page As, "Web page, HTML only") or copy the article into a .txt file.'
    )


_BAD_REFERENCE = rc.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")


def _drop_bad_reference(m: re.Match[str]) -> str:
    """A character reference to a control character, a noncharacter or nothing at all goes:
    it would reach the tags (and break XML readers of the feed) or crash the extractor."""
    code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
    bad = (
        code > 0x10FFFF
        or (code < 0x20 and code not in (0x9, 0xA, 0xD))
        or 0x7F <= code < 0xA0
        or 0xD800 <= code < 0xE000
        or 0xFDD0 <= code <= 0xFDEF
        or (code & 0xFFFE) == 0xFFFE
    )
    return "" if bad else m.group(0)


def parse_html(data: bytes | str, name: str, *, declared_charset: str | None = None) -> Article:
    """Extract the news article from an HTML page. ``name`` names the page in errors."""
    text = data if isinstance(data, str) else decode_html(data, name, declared_charset)
    if not text.strip():
        raise InputError(f"{name}: the page is empty. Save the article page again.")
    text = _XML_DECLARATION.sub("", text, count=1)  # lxml refuses it on str input (XHTML pages)
    text = clean_text(_BAD_REFERENCE.sub(_drop_bad_reference, text))
    try:
        page = lxml.html.document_fromstring(text)
        ld = _json_ld(text)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(
            f"{name}: is not an HTML page ({exc}). Save the article page again from the browser."
        ) from exc
    _remove_unreadable(page)

    body_items, body_dropped = _extract_body(page, name)
    title = _title(page)
    date_line, published = _date(page, ld)
    lead_el = _lead_element(page)
    lead = fold(lead_el.text_content()) if lead_el is not None else None
    if lead and DATE_LINE.match(lead):
        lead = None
    byline = None
    if not (body_items and body_items[-1].kind == "paragraph" and is_byline(body_items[-1].text)):
        byline = _byline(page)

    article = build_article(
        body_items,
        title=title,
        date_line=date_line,
        published=published,
        lead=lead,
        lead_line=(lead_el.sourceline or 0) if lead_el is not None else 0,
        byline=byline,
        dropped=body_dropped,
    )
    try:
        article = require_text(article, name)
    except InputError:
        if _too_deep(page):
            raise InputError(
                f"{name}: the page nests its elements more than {_MAX_DEPTH} levels deep, and an "
                "HTML reader stops there, so its text cannot be read. Copy the article text "
                "from the browser into a .txt file and use that."
            ) from None
        raise
    unread = _unread_blocks(page, article, [lead] if lead else [])
    return replace(
        article, dropped=tuple(sorted((*article.dropped, *unread), key=lambda d: d.line))
    )


# --- cleaning and the body ---------------------------------------------------------------------


_MAX_DEPTH = 255  # libxml2's HTML parser drops what is nested deeper (measured: 256 levels)


def _too_deep(page: Any) -> bool:
    depth = 0
    for event, _ in etree.iterwalk(page, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth >= _MAX_DEPTH:
            return True
    return False


def _remove_unreadable(page: Any) -> None:
    for el in list(page.iter(etree.Comment, etree.ProcessingInstruction)):
        _drop(el)
    for el in list(page.iter(*_NEVER_READ)):
        el.drop_tree()
    for el in list(page.iter()):
        if isinstance(el.tag, str) and (
            el.get("hidden") is not None
            or re.search(r"display\s*:\s*none", el.get("style", ""), re.I)
        ):
            el.drop_tree()


def _drop(el: Any) -> None:
    """Remove ``el`` but keep its tail text in the tree."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _extract_body(page: Any, name: str) -> tuple[list[Item], list[Dropped]]:
    """The article body's headings, paragraphs and captions, found by readability-lxml."""
    from readability import Document
    from readability.readability import Unparseable

    source = lxml.html.tostring(page, encoding="unicode")
    lines = _source_lines(page)
    try:
        summary = Document(source).summary(html_partial=True)
    except (Unparseable, ValueError, AssertionError) as exc:  # readability's own failures
        raise InputError(
            f"{name}: no article text was found in the page ({exc}). Save the article page "
            "itself (not a home or list page), or copy the article text into a .txt file."
        ) from exc
    try:
        body = lxml.html.fragment_fromstring(summary, create_parent="div")
    except (etree.ParserError, ValueError, AssertionError):  # an empty summary: no body at all
        body = lxml.html.fragment_fromstring("", create_parent="div")
    items: list[Item] = []
    dropped: list[Dropped] = []
    for el, kind in _units(body):
        text = fold(el.text_content())
        if not text:
            continue
        chrome = _chrome_reason(el)  # e.g. an ad slot the extractor kept inside the body
        if chrome:
            dropped.append(_dropped(lines.get(text, 0), text, chrome))
        else:
            items.append(Item(kind, text, lines.get(text, 0)))
    return items, dropped


def _units(root: Any) -> Iterator[tuple[Any, ItemKind]]:
    """Readable units in document order, none nested in another: (element, item kind)."""
    for el in root:
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in _HEADINGS or tag == "h1":
            yield el, "heading"
        elif tag == "figcaption" or _CAPTION_MARK.search(_classes(el)):
            yield el, "caption"
        elif tag == "p" and _is_bold_line(el):
            yield el, "heading"
        elif tag in ("p", "li", "dd", "dt", "pre", "td", "th") and not _has_block_child(el):
            yield el, "paragraph"
        elif tag in _BLOCKS or _has_block_child(el):
            if _own_text(el) and not _has_block_child(el):
                yield el, "paragraph"
            else:
                if _own_text(el):
                    yield _own_text_unit(el), "paragraph"
                yield from _units(el)


def _is_bold_line(el: Any) -> bool:
    """``<p><strong>Short line</strong></p>``: a subheading set in bold, as many CMSs do."""
    text = fold(el.text_content())
    if not text or len(text.split()) > HEADING_MAX_WORDS or len(text) > HEADING_MAX_CHARS:
        return False
    if text.endswith(FINAL_PUNCT) or fold(el.text or ""):
        return False
    children = [c for c in el if isinstance(c.tag, str)]
    return bool(children) and all(
        c.tag.lower() in ("strong", "b") and not fold(c.tail or "") for c in children
    )


def _own_text_unit(el: Any) -> Any:
    """A detached element holding only ``el``'s text outside its block children."""
    unit = lxml.html.Element("p")
    unit.text = _own_text(el)
    return unit


def _own_text(el: Any, sep: str = "") -> str:
    """``el``'s text outside its block children (``sep`` between inline children)."""
    parts = [el.text or ""]
    for child in el:
        if not isinstance(child.tag, str) or child.tag.lower() not in _BLOCKS:
            parts.append(child.text_content() if isinstance(child.tag, str) else "")
        parts.append(child.tail or "")
    return fold(sep.join(parts))


def _has_block_child(el: Any) -> bool:
    return any(
        isinstance(c.tag, str) and c.tag.lower() in _BLOCKS for c in el.iter() if c is not el
    )


def _classes(el: Any) -> str:
    """The words that say what a block is for: class, id, and a CMS's ``type`` attribute."""
    kind = el.get("type", "") if el.tag not in ("input", "button", "link", "meta") else ""
    return f"{el.get('class', '')} {el.get('id', '')} {kind}".strip()


def _source_lines(page: Any) -> dict[str, int]:
    """Folded text of each element -> its line in the page source (the innermost element: a
    ``<figcaption>`` rather than the ``<figure>`` around it)."""
    lines: dict[str, int] = {}
    for el in page.iter():
        if isinstance(el.tag, str) and el.sourceline:
            lines[fold(el.text_content())] = el.sourceline
    return lines


# --- what pages print outside the body ---------------------------------------------------------


def _title(page: Any) -> str | None:
    for el in page.iter("h1"):
        text = fold(el.text_content())
        if text:
            return text
    for key in ("og:title", "twitter:title"):
        value = _meta(page, key)
        if value:
            return value
    head_title = page.find(".//title")
    if head_title is not None and head_title.text:
        # "Headline - Site name" / "Headline | Site"
        return re.split(r"\s+[|–—-]\s+(?=[^|–—-]+$)", fold(head_title.text))[0]
    return None


def _meta(page: Any, key: str) -> str | None:
    for el in page.iter("meta"):
        if key in (el.get("property"), el.get("name"), el.get("itemprop")):
            value = fold(el.get("content", ""))
            if value:
                return value
    return None


def _date(page: Any, ld: dict[str, Any]) -> tuple[str | None, datetime | date | None]:
    """(date line as printed, parsed date) from ``<time>``, a printed date, or the metadata."""
    for el in page.iter("time"):
        printed = fold(el.text_content())
        stamp = _parse_iso(el.get("datetime", ""))
        m = DATE_LINE.match(printed)
        if m or stamp:
            parsed = parse_date(m) if m else None
            return (printed or _format_date(stamp)), (parsed or stamp)
    for el in page.iter():
        if not isinstance(el.tag, str) or not _DATE_MARK.search(_classes(el)):
            continue
        if any(a.tag in ("header", "nav", "footer", "aside") for a in el.iterancestors()):
            continue  # today's date in the site header, not the article's
        printed = fold(el.text_content())
        m = DATE_LINE.match(printed)
        if m:
            return printed, parse_date(m)
    for key in ("article:published_time", "datePublished", "pubdate", "date"):
        stamp = _parse_iso(_meta(page, key) or "")
        if stamp:
            return _format_date(stamp), stamp
    stamp = _parse_iso(str(ld.get("datePublished", "")))
    if stamp:
        return _format_date(stamp), stamp
    return None, None


def _parse_iso(value: str) -> datetime | date | None:
    """ISO 8601 date or time, as the wall-clock time printed on the page (no time zone)."""
    value = value.strip()
    if not value:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value.replace("Z", "+00:00")).replace(
            tzinfo=None, second=0, microsecond=0
        )
    except ValueError:
        return None


def _format_date(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y - %H:%M")
    return value.strftime("%d/%m/%Y")


def _lead_element(page: Any) -> Any:
    """The sapo: the first block marked as lead/description with a sentence of text."""
    for el in page.iter():
        if not isinstance(el.tag, str) or el.tag.lower() in ("meta", "body", "html"):
            continue
        if _LEAD_MARK.search(_classes(el)) and not _in_chrome(el):
            text = fold(el.text_content())
            if len(text) >= 40 and not _has_block_child_of(el, ("p", "div", "h2", "h3")):
                return el
    return None


def _has_block_child_of(el: Any, tags: tuple[str, ...]) -> bool:
    return any(isinstance(c.tag, str) and c.tag.lower() in tags for c in el.iter() if c is not el)


def _byline(page: Any) -> str | None:
    for el in page.iter():
        if isinstance(el.tag, str) and _AUTHOR_MARK.search(_classes(el)) and not _in_chrome(el):
            text = fold(el.text_content())
            if text and is_byline(text):
                return text
    return None


def _in_chrome(el: Any) -> bool:
    return _chrome_reason(el) is not None


def _chrome_reason(el: Any) -> str | None:
    node = el
    while node is not None:
        if isinstance(node.tag, str):
            tag = node.tag.lower()
            if tag in _TAG_REASONS:
                return _TAG_REASONS[tag]
            classes = _classes(node)
            if classes:
                for pattern, reason in _CHROME_REASONS:
                    if pattern.search(classes):
                        return reason
        node = node.getparent()
    return None


# --- what was not read, and why ----------------------------------------------------------------


def _unread_blocks(page: Any, article: Article, also_read: Sequence[str]) -> list[Dropped]:
    """Every text block of the page that the article does not read, with the reason."""
    read = {article.title, article.date_line, article.lead, article.byline, *also_read}
    read.update(b.text for s in article.sections for b in s.blocks)
    read.update(article.headings)
    read.update(d.text for d in article.dropped)
    body = page.find("body")
    if body is None:
        return []
    out: list[Dropped] = []
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag.lower() not in _BLOCKS:
            continue
        text = _own_text(el)
        if not text or text in read or _contains_read(text, read):
            continue
        tagged = outlet_tag(text)  # the lead, read without its outlet tag
        if tagged and tagged[1] in read:
            continue
        text = _own_text(el, " ")
        if text in read:
            continue
        reason = (
            _chrome_reason(el)
            or _inline_chrome_reason(el)
            or is_junk(text)
            or "outside the article text (extractor)"
        )
        out.append(_dropped(el.sourceline or 0, text, reason))
    return out


#: The kind of a page block's reason (the reason text says more).
_REASON_KINDS = {"related-articles block": DropKind.TEASER, "tags": DropKind.TAG}


def _dropped(line: int, text: str, reason: str) -> Dropped:
    return Dropped(line, text, reason, _REASON_KINDS.get(reason, DropKind.WIDGET))


def _inline_chrome_reason(el: Any) -> str | None:
    """A bar of links whose own classes say what they are (``<a class="btn-share">``)."""
    for child in el:
        if isinstance(child.tag, str) and child.tag.lower() not in _BLOCKS:
            classes = _classes(child)
            for pattern, reason in _CHROME_REASONS:
                if classes and pattern.search(classes):
                    return reason
    return None


def _contains_read(text: str, read: set[str | None]) -> bool:
    """A wrapper whose text is a read block plus nothing else (e.g. a ``<div>`` around a lead)."""
    return any(r and (text == r or (r in text and len(text) - len(r) < 3)) for r in read)


def _json_ld(text: str) -> dict[str, Any]:
    """The first NewsArticle/Article JSON-LD object of a page's source, or ``{}``."""
    for m in re.finditer(
        r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", text, re.DOTALL | re.IGNORECASE
    ):
        try:
            data = json.loads(m.group(1))
        except json.JSONDecodeError:
            continue
        for obj in data if isinstance(data, list) else [data]:
            if isinstance(obj, dict) and "Article" in str(obj.get("@type", "")):
                return obj
    return {}
