"""Stage 2, understand the article: scraped text becomes a typed model.

Scraped Vietnamese news puts one block (title, date line, paragraph, caption, subheading) per
line. The parser classifies every non-empty line and records why it dropped each line it will
not read, so ``audionews script`` can show an editor what happens before anything is rendered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

__all__ = [
    "DATE_LINE",
    "FINAL_PUNCT",
    "LEAD_DASH",
    "Article",
    "Block",
    "BlockKind",
    "Dropped",
    "Section",
    "fold",
    "has_final_punct",
    "is_byline",
    "is_junk",
    "is_photo_caption",
    "parse_article",
    "parse_date",
]


class BlockKind(str, Enum):
    PARAGRAPH = "paragraph"
    CAPTION = "caption"


@dataclass(frozen=True)
class Block:
    """One readable block of a section, in reading order."""

    kind: BlockKind
    text: str
    line: int
    """1-based line number in the input."""


@dataclass(frozen=True)
class Section:
    """A run of blocks under one subheading; ``heading`` is None for the body before the first."""

    heading: str | None
    blocks: tuple[Block, ...]

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.blocks if b.kind is BlockKind.PARAGRAPH)

    @property
    def captions(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.blocks if b.kind is BlockKind.CAPTION)


@dataclass(frozen=True)
class Dropped:
    """A line that will not be read, and why."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    """What a newsreader sees in an article."""

    title: str
    date_line: str | None = None
    """The date/time line exactly as printed (e.g. "23/10/2020 - 06:26")."""
    published: datetime | date | None = None
    """The parsed date line: a datetime when it has a time, else a date."""
    lead: str | None = None
    sections: tuple[Section, ...] = ()
    byline: str | None = None
    dropped: tuple[Dropped, ...] = field(default_factory=tuple)

    @property
    def captions(self) -> tuple[str, ...]:
        return tuple(c for s in self.sections for c in s.captions)

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(s.heading for s in self.sections if s.heading is not None)


# --- line classifiers (data first, then small predicates; shared with formats/) -------------

#: Page chrome that scrapers pick up, compared case-insensitively after folding spaces.
JUNK_LINES = frozenset(
    s.casefold()
    for s in (
        "A A",
        "A- A+",
        "A+ A-",
        "A A A",
        "Aa",
        "Cỡ chữ",
        "Chia sẻ",
        "Chia sẻ bài viết",
        "Share",
        "Facebook",
        "Twitter",
        "Zalo",
        "Email",
        "Gửi email",
        "Copy link",
        "Sao chép liên kết",
        "Bình luận",
        "Bình luận (0)",
        "Gửi bình luận",
        "In bài",
        "In bài viết",
        "Bản in",
        "Trở về",
        "Quay lại",
        "Lên đầu trang",
        "Về đầu trang",
        "Lưu",
        "Lưu bài viết",
        "Theo dõi chúng tôi trên Google News",
        "Theo dõi trên Google News",
        "Google News",
        "Tin liên quan",
        "Tin cùng chuyên mục",
        "Bài viết liên quan",
        "Tin khác",
        "Đọc nhiều",
        "Xem thêm",
        "Có thể bạn quan tâm",
        "Quảng cáo",
        "Advertisement",
        "Nghe bài viết",
        "Đọc bài viết",
        "Tải ứng dụng",
        "Thích",
        "Like",
        "Tweet",
        "Trang chủ",
        "Video",
        "Nghe",
        "Dừng",
        "Tạm dừng",
        "Xem bình luận",
        "Ý kiến bạn đọc",
        "Gửi ý kiến",
    )
)
#: Lines that open a block of related-article headlines: everything headline-like after is junk.
RELATED_HEADERS = frozenset(
    s.casefold()
    for s in (
        "Tin liên quan",
        "Tin cùng chuyên mục",
        "Bài viết liên quan",
        "Tin khác",
        "Đọc nhiều",
        "Có thể bạn quan tâm",
        "Bài liên quan",
        "Xem thêm",
        "Tin mới",
        "Tin nổi bật",
        "Cùng chuyên mục",
    )
)
_JUNK_PREFIX = re.compile(
    r"^(xem thêm|đọc thêm|tags?|từ khóa|từ khoá|chủ đề|tin liên quan|>>|►|bài liên quan)\s*[:>»]",
    re.IGNORECASE,
)
_NO_WORDS = re.compile(r"^[\W\d_]*$")
_SINGLE_LETTERS = re.compile(r"^(?:[A-Za-z][+-]?\s*){1,4}$")
_CAPTION_CREDIT = re.compile(
    r"(\(?\s*Ảnh\s*(minh\s*h[ọo]ạ?|tư liệu|:|-)|\bẢnh:\s|Nguồn ảnh|Photo\s*:|Đồ họa\s*:|"
    r"\(Ảnh\b|Ảnh\s+chụp\s+màn\s+hình)",
    re.IGNORECASE,
)
FINAL_PUNCT = tuple(".!?…:;\"”»)'")
_WEEKDAY = r"(?:(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|[2-7])|Chủ\s+[Nn]hật|CN)\s*[,-]?\s*)?"
DATE_LINE = re.compile(
    rf"^{_WEEKDAY}(?:ngày\s+)?(\d{{1,2}})[/.-](\d{{1,2}})[/.-](\d{{4}})"
    r"(?:\s*[-|,]?\s*(?:lúc\s+)?(\d{1,2})[:hH](\d{2})(?::\d{2})?)?"
    r"\s*(?:\(?\s*(?:GMT|UTC)\s*[+-]\s*\d{1,2}\s*\)?)?\s*$",
    re.IGNORECASE,
)
LEAD_DASH = re.compile(r"^\s*(?:(\([^)]{1,30}\)|[A-ZĐ][A-Z0-9Đ.]{1,15})\s*)?[-–—]\s*(?=\S)")
_BYLINE_SOURCE = re.compile(
    r"^\(?\s*(?:Theo|Nguồn\s*:?)\s+[^\s].{0,60}?\)?$",
)
_UPPER_WORD = re.compile(r"^[^\w]*[A-ZÀ-ỸĐ][A-ZÀ-ỸĐ.'’-]*[^\w]*$")

HEADING_MAX_WORDS = 15
HEADING_MAX_CHARS = 120


def fold(line: str) -> str:
    return " ".join(line.split())


def is_junk(text: str) -> str | None:
    if _SINGLE_LETTERS.match(text):
        return "page junk (font-size widget)"
    if text.casefold().rstrip(":") in JUNK_LINES:
        return "page junk (site widget or link)"
    if _NO_WORDS.match(text):
        return "no words to read"
    if _JUNK_PREFIX.match(text):
        return "page junk (related links or tags)"
    return None


def has_final_punct(text: str) -> bool:
    return text.endswith(FINAL_PUNCT)


def _is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def is_byline(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 8 or len(text) > 80:
        return False
    if _BYLINE_SOURCE.match(text):
        return True
    core = re.sub(r"\([^)]*\)", "", text).strip(" .")
    return bool(core) and _is_all_caps(core) and len(core.split()) <= 8


def parse_date(m: re.Match[str]) -> datetime | date | None:
    day, month, year, hour, minute = m.groups()
    try:
        if hour is not None and minute is not None:
            return datetime(int(year), int(month), int(day), int(hour), int(minute))
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def is_photo_caption(text: str) -> bool:
    return bool(_CAPTION_CREDIT.search(text)) and len(text) < 400


# --- the parser ------------------------------------------------------------------------------


@dataclass
class _Line:
    no: int
    text: str


def parse_article(text: str) -> Article:
    """Parse scraped article text into an :class:`Article`.

    Rules, in order: page junk and related-link blocks are dropped; the first line is the title;
    a date line near the top is the date; the first paragraph before any subheading is the lead
    (losing a leading " - " and outlet tag); a line with a photo credit, or a long line without
    final punctuation, is a caption; a short line without final punctuation followed by body text
    is a subheading; an all-caps (or "Theo ...") last line is the byline.
    """
    lines = [_Line(i, fold(raw)) for i, raw in enumerate(text.splitlines(), start=1)]
    lines = [ln for ln in lines if ln.text]
    dropped: list[Dropped] = []

    kept: list[_Line] = []
    in_related = False
    for ln in lines:
        key = ln.text.casefold().rstrip(":")
        if key in RELATED_HEADERS:
            in_related = True
            dropped.append(Dropped(ln.no, ln.text, "related-articles block"))
            continue
        if in_related:
            if has_final_punct(ln.text) or is_byline(ln.text):
                in_related = False
            else:
                dropped.append(Dropped(ln.no, ln.text, "related-articles block (headline)"))
                continue
        reason = None if DATE_LINE.match(ln.text) else is_junk(ln.text)
        if reason:
            dropped.append(Dropped(ln.no, ln.text, reason))
            continue
        kept.append(ln)

    if not kept:
        return Article(title="", dropped=tuple(dropped))

    # Date line: may stand before or after the title, within the first few lines.
    date_line: str | None = None
    published: datetime | date | None = None
    for ln in kept[:4]:
        m = DATE_LINE.match(ln.text)
        if m:
            date_line, published = ln.text, parse_date(m)
            kept.remove(ln)
            break

    title_line = kept.pop(0)
    title = title_line.text.rstrip(" .")

    # Byline: the last line, when it looks like one.
    byline: str | None = None
    if kept and is_byline(kept[-1].text):
        byline = kept.pop().text

    lead: str | None = None
    sections: list[Section] = []
    heading: str | None = None
    blocks: list[Block] = []
    seen_body = False

    def flush() -> None:
        if heading is not None or blocks:
            sections.append(Section(heading, tuple(blocks)))

    for i, ln in enumerate(kept):
        t = ln.text
        # The next block that is not a credited photo caption: a subheading may stand above one.
        nxt = next((k.text for k in kept[i + 1 :] if not is_photo_caption(k.text)), None)
        dash = LEAD_DASH.match(t)
        if lead is None and not seen_body and heading is None and dash and len(t) > 40:
            if dash.group(1):
                dropped.append(Dropped(ln.no, dash.group(1), "outlet tag before the lead"))
            lead = t[dash.end() :].strip()
            seen_body = True
            continue
        if is_photo_caption(t):
            blocks.append(Block(BlockKind.CAPTION, t, ln.no))
            continue
        if not has_final_punct(t):
            words = len(t.split())
            body_follows = nxt is not None and (
                has_final_punct(nxt) or len(nxt.split()) > HEADING_MAX_WORDS
            )
            if words <= HEADING_MAX_WORDS and len(t) <= HEADING_MAX_CHARS and body_follows:
                flush()
                heading, blocks = t, []
                seen_body = True
                continue
            blocks.append(Block(BlockKind.CAPTION, t, ln.no))
            continue
        if lead is None and not seen_body and heading is None:
            lead = t
            seen_body = True
            continue
        blocks.append(Block(BlockKind.PARAGRAPH, t, ln.no))
        seen_body = True
    flush()

    return Article(
        title=title,
        date_line=date_line,
        published=published,
        lead=lead,
        sections=tuple(sections),
        byline=byline,
        dropped=tuple(sorted(dropped, key=lambda d: d.line)),
    )
