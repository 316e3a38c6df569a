"""Stage 3, spoken text: the article becomes the script a newsreader would read.

The script is a list of chapters (the opening, then one per subheading). Each chapter holds the
pieces that are read (title, date, lead, heading, paragraph, byline), each with its written form,
its spoken form (after normalization) and its speakable chunks (after segmentation).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from audionews.article import Article, BlockKind, DropKind, Dropped, read_everything
from audionews.normalize import Normalizer
from audionews.segment import split_sentences, split_to_limit, unglue_sentences

__all__ = [
    "Chapter",
    "Chunk",
    "Credit",
    "Pause",
    "Piece",
    "Script",
    "build_script",
    "coverage",
    "parse_credit",
    "spoken_byline",
    "spoken_date",
]

_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
OPENING_TITLE = "Mở đầu"


class Pause(str, Enum):
    """The pause that follows a chunk; lengths are set at assembly."""

    CLAUSE = "clause"
    SENTENCE = "sentence"
    PARAGRAPH = "paragraph"
    SECTION = "section"
    STORY = "story"
    END = "end"


@dataclass(frozen=True)
class Chunk:
    """One request to a speech engine: a sentence, or part of a long one."""

    text: str
    pause_after: Pause


@dataclass(frozen=True)
class Piece:
    """One readable unit of the article: written text, spoken text, and its chunks."""

    kind: str
    """title, date, lead, heading, paragraph, caption, byline or source."""
    written: str
    spoken: str
    chunks: tuple[Chunk, ...]


@dataclass(frozen=True)
class Chapter:
    """A section marker in the programme: its title and what is read under it."""

    title: str
    pieces: tuple[Piece, ...]
    sections: tuple[tuple[str, int], ...] = ()
    """Sub-chapters: (title, index of the first piece); a bulletin story's own sections."""

    @property
    def chunks(self) -> tuple[Chunk, ...]:
        return tuple(c for p in self.pieces for c in p.chunks)


@dataclass(frozen=True)
class Script:
    """Everything that will be spoken, in order, grouped into chapters."""

    article: Article
    chapters: tuple[Chapter, ...]
    dropped: tuple[Dropped, ...] = field(default_factory=tuple)
    """Lines that are not read (page junk, captions unless asked for), with the reason."""

    @property
    def chunks(self) -> tuple[Chunk, ...]:
        return tuple(c for ch in self.chapters for c in ch.chunks)

    @property
    def title(self) -> str:
        """The programme title: the headline, the ``--title`` given, or a short form of the first
        sentence (``article.title_from`` says which)."""
        return self.article.title

    @property
    def coverage(self) -> float:
        """Share of the article's text that is read (see :func:`coverage`)."""
        return coverage(self)

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "title": a.headline,
            "programme_title": a.title,
            "title_from": a.title_from,
            "date_line": a.date_line,
            "published": a.published.isoformat() if a.published else None,
            "lead": a.lead,
            "byline": a.byline,
            "source": a.source,
            "coverage": round(self.coverage, 4),
            "sections": [
                {
                    "heading": s.heading,
                    "blocks": [
                        {"kind": b.kind.value, "text": b.text, "line": b.line} for b in s.blocks
                    ],
                }
                for s in a.sections
            ],
            "chapters": [
                {
                    "title": ch.title,
                    "pieces": [
                        {
                            "kind": p.kind,
                            "written": p.written,
                            "spoken": p.spoken,
                            "chunks": [
                                {"text": c.text, "pause_after": c.pause_after.value}
                                for c in p.chunks
                            ],
                        }
                        for p in ch.pieces
                    ],
                }
                for ch in self.chapters
            ],
            "dropped": [
                {"line": d.line, "text": d.text, "kind": d.kind.value, "reason": d.reason}
                for d in self.dropped
            ],
            "unsure": [{"line": u.line, "text": u.text, "reason": u.reason} for u in a.unsure],
        }


#: Dropped lines that take nothing from the story: page chrome and text read elsewhere.
_NOT_STORY = frozenset({DropKind.WIDGET, DropKind.DUPLICATE})


def coverage(script: Script) -> float:
    """Share of the article's text that is read: characters read over characters read plus
    characters dropped, not counting page widgets and duplicates (they take nothing from the
    story). 1.0 when nothing was dropped; ``1 - coverage`` is the share dropped that ``make``
    warns about (above 25%) and stops on (above 50%, unless keep_all)."""
    read = sum(len(p.written) for ch in script.chapters for p in ch.pieces if p.kind != "date")
    lost = sum(len(d.text) for d in script.dropped if d.kind not in _NOT_STORY)
    total = read + lost
    return read / total if total else 1.0


def spoken_date(value: datetime | date) -> str:
    """ "Thứ Sáu, ngày 23 tháng 10 năm 2020." (numbers become words in normalization)."""
    weekday = _WEEKDAYS[value.weekday()]
    return f"{weekday}, ngày {value.day} tháng {value.month} năm {value.year}."


@dataclass(frozen=True)
class Credit:
    """Who a byline credits: the author names (or the source, for "Theo TTXVN"), an agency
    after a slash, and how the credit is read ("Bài viết của", "Bài tổng hợp của", "Theo")."""

    names: tuple[str, ...]
    agency: str = ""
    lead_in: str = "Bài viết của"


#: "… thực hiện", "… tổng hợp", "… lược dịch" after the names (heldout55).
_MADE_AFTER = re.compile(r"(?<![Bb]an)\s+(thực hiện|tổng hợp|biên tập|lược dịch)$", re.IGNORECASE)
_MADE_LEAD_IN = {"tổng hợp": "Bài tổng hợp của", "lược dịch": "Bài lược dịch của"}


def parse_credit(byline: str) -> Credit:
    """ "THU THẢO - MINH AN" -> names ("Thu Thảo", "Minh An"); "Theo TTXVN" -> a source;
    "Nguồn tin: Báo X" -> source Báo X; "(Tổng hợp: Vĩnh Hoàng)" -> compiled by Vĩnh Hoàng."""
    text = byline.strip()
    compiled = re.search(r"\s*\(\s*(?:tổng hợp|t/h)\s*\)\.?$", text, re.IGNORECASE)
    if compiled and compiled.start() > 0:  # "Chi Đặng (Tổng hợp)": compiled by Chi Đặng
        return replace(parse_credit(text[: compiled.start()]), lead_in="Bài tổng hợp của")
    text = text.strip("()").strip().rstrip(".")
    made = _MADE_AFTER.search(text)
    if made and made.start() > 0:  # "Khánh Phương thực hiện": the names, then what they did
        lead_in = _MADE_LEAD_IN.get(made.group(1).casefold(), "Bài viết của")
        return replace(parse_credit(text[: made.start()]), lead_in=lead_in)
    source = re.match(r"^(?:theo\s+|nguồn(?:\s+tin)?\s*:?\s*)", text, re.IGNORECASE)
    if source:
        return Credit((text[source.end() :].strip() or text,), lead_in="Theo")
    lead_in = "Bài viết của"
    label = re.match(
        r"^(tác giả|tổng hợp|(?:bài|bài viết|tin|tin bài)(?:\s+và|,)\s+(?:ảnh|hình)|thực hiện"
        r"|phóng viên|by)\s*:?\s*",  # "by Ban Biên Tập" (heldout61)
        text,
        re.I,
    )
    if label:
        if label.group(1).casefold() == "tổng hợp":
            lead_in = "Bài tổng hợp của"
        text = text[label.end() :] or text
    text, _, agency = text.partition("/")
    names = [n.strip() for n in re.split(r"\s+[-–]\s+", text) if n.strip()]
    names = [n.title() if n.isupper() and " " in n else n for n in names]
    return Credit(tuple(names) or (text,), agency.strip(), lead_in)


def spoken_byline(byline: str) -> str:
    """ "THU THẢO" -> "Bài viết của Thu Thảo."; "Theo TTXVN" -> "Theo TTXVN.";
    "Nguồn tin: Báo X" -> "Theo Báo X."; "Tác giả: Hải Vân" -> "Bài viết của Hải Vân.";
    "(Tổng hợp: Vĩnh Hoàng)" -> "Bài tổng hợp của Vĩnh Hoàng."."""
    credit = parse_credit(byline)
    names = list(credit.names)
    joined = ", ".join(names[:-1]) + " và " + names[-1] if len(names) > 1 else names[0]
    if credit.agency:
        joined += ", " + credit.agency
    return f"{credit.lead_in} {joined}."


def _ensure_stop(text: str) -> str:
    """Headings and titles end without punctuation; give the engine a full stop to pause on."""
    text = text.strip()
    if text and text[-1] not in ".!?…":
        text += "."
    return text


def build_script(
    article: Article,
    *,
    max_chars: int,
    read_captions: bool = False,
    keep_all: bool = False,
    lexicon_files: Sequence[Path] = (),
    foreign: str = "keep",
    normalize: Callable[[str], str] | None = None,
) -> Script:
    """Build the spoken script for ``article``, chunked for an engine taking ``max_chars``.

    The headline is read first when the text has one (not a title made from the first sentence).
    ``keep_all`` reads every line that has words, dropped or not, where it stood
    (:func:`audionews.article.read_everything`). ``foreign`` is "keep" or "respell" (foreign
    names the Vietnamese way). ``normalize`` overrides the document normalizer (for tests and
    custom pipelines).
    """
    if keep_all:
        article = read_everything(article)
    if normalize is None:
        normalize = _document_normalizer(article, read_captions, lexicon_files, foreign)
    piece = _PieceMaker(normalize, max_chars)

    chapters: list[tuple[str, list[Piece]]] = [
        (article.title or OPENING_TITLE, _opening(article, piece))
    ]
    _add_sections(chapters, article, read_captions, piece)
    chapters[-1][1].extend(_credits(article, piece))

    built = tuple(
        Chapter(title, tuple(_with_pauses(pieces))) for title, pieces in chapters if pieces
    )
    built = _mark_section_ends(built)
    return Script(article=article, chapters=built, dropped=_not_read(article, read_captions))


def _document_normalizer(
    article: Article, read_captions: bool, lexicon_files: Sequence[Path], foreign: str
) -> Callable[[str], str]:
    """A normalizer that has first learned the document's text in reading order."""
    normalizer = Normalizer(lexicon_files, foreign=foreign)
    for written in _reading_order(article, read_captions):
        normalizer.learn(written)
    return normalizer.normalize


@dataclass(frozen=True)
class _PieceMaker:
    """Makes a :class:`Piece`: spoken text normalized, chunked for an engine taking
    ``max_chars``."""

    normalize: Callable[[str], str]
    max_chars: int

    def __call__(self, kind: str, written: str, spoken_source: str | None = None) -> Piece:
        source = _ensure_stop(spoken_source if spoken_source is not None else written)
        spoken = self.normalize(unglue_sentences(source))
        return Piece(kind, written, spoken, _chunks(spoken, self.max_chars))


def _chunks(spoken: str, max_chars: int) -> tuple[Chunk, ...]:
    """Each sentence, split to the limit; the parts of one sentence pause for a clause."""
    chunks: list[Chunk] = []
    for sentence in split_sentences(spoken):
        parts = split_to_limit(sentence, max_chars)
        for j, part in enumerate(parts):
            last = j == len(parts) - 1
            chunks.append(Chunk(part, Pause.SENTENCE if last else Pause.CLAUSE))
    return tuple(chunks)


def _opening(article: Article, piece: _PieceMaker) -> list[Piece]:
    """The headline, the date and the lead."""
    opening: list[Piece] = [piece("title", article.headline)] if article.headline else []
    if article.published is not None and article.date_line is not None:
        opening.append(piece("date", article.date_line, spoken_date(article.published)))
    if article.lead:
        opening.append(piece("lead", article.lead))
    return opening


def _add_sections(
    chapters: list[tuple[str, list[Piece]]],
    article: Article,
    read_captions: bool,
    piece: _PieceMaker,
) -> None:
    """A chapter for each subheading; a section without one goes on in the chapter before."""
    for section in article.sections:
        if section.heading is None:
            target = chapters[-1][1]
        else:
            target = [piece("heading", section.heading)]
            chapters.append((section.heading, target))
        for block in section.blocks:
            if block.kind is BlockKind.CAPTION and not read_captions:
                continue
            target.append(piece(block.kind.value, block.text))


def _credits(article: Article, piece: _PieceMaker) -> list[Piece]:
    """The byline, then the source unless it repeats the byline."""
    credits: list[Piece] = []
    if article.byline:
        credits.append(piece("byline", article.byline, spoken_byline(article.byline)))
    if article.source and _key(article.source) != _key(article.byline or ""):
        credits.append(piece("source", article.source, spoken_byline(article.source)))
    return credits


def _not_read(article: Article, read_captions: bool) -> tuple[Dropped, ...]:
    """The article's dropped lines and, unless captions are read, its captions, in line order."""
    dropped = list(article.dropped)
    if not read_captions:
        for section in article.sections:
            for block in section.blocks:
                if block.kind is BlockKind.CAPTION:
                    why = block.reason or "caption: photo caption"
                    dropped.append(
                        Dropped(
                            block.line,
                            block.text,
                            why,
                            DropKind.CAPTION,
                        )
                    )
    dropped.sort(key=lambda d: d.line)
    return tuple(dropped)


def _key(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _reading_order(article: Article, read_captions: bool) -> list[str]:
    texts = [article.headline] if article.headline else []
    if article.lead:
        texts.append(article.lead)
    for s in article.sections:
        if s.heading:
            texts.append(s.heading)
        texts.extend(b.text for b in s.blocks if b.kind is BlockKind.PARAGRAPH or read_captions)
    return texts


def _with_pauses(pieces: list[Piece]) -> list[Piece]:
    """The last chunk of each piece pauses for a paragraph."""
    out: list[Piece] = []
    for p in pieces:
        if p.chunks:
            last = p.chunks[-1]
            chunks = (*p.chunks[:-1], Chunk(last.text, Pause.PARAGRAPH))
            p = Piece(p.kind, p.written, p.spoken, chunks)
        out.append(p)
    return out


def _mark_section_ends(chapters: tuple[Chapter, ...]) -> tuple[Chapter, ...]:
    out: list[Chapter] = []
    for i, ch in enumerate(chapters):
        pause = Pause.END if i == len(chapters) - 1 else Pause.SECTION
        pieces = list(ch.pieces)
        for k in range(len(pieces) - 1, -1, -1):
            p = pieces[k]
            if p.chunks:
                last = p.chunks[-1]
                pieces[k] = Piece(
                    p.kind, p.written, p.spoken, (*p.chunks[:-1], Chunk(last.text, pause))
                )
                break
        out.append(Chapter(ch.title, tuple(pieces)))
    return tuple(out)
