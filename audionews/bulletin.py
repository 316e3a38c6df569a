"""Batches (one programme per article) and bulletins (several stories in one programme)."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from audionews.article import Article, Dropped
from audionews.engines import Engine, engine_spec
from audionews.errors import AudionewsError, ConfigError, InputError
from audionews.formats import FORMATS, is_url
from audionews.pipeline import (
    MakeResult,
    Progress,
    Warn,
    heading_engine,
    load_article,
    make,
    open_engine,
    render,
    warn_ignored,
)
from audionews.script import Chapter, Chunk, Pause, Piece, Script, build_script
from audionews.settings import RenderSettings

__all__ = ["BatchItem", "build_bulletin_script", "expand_inputs", "make_batch", "make_bulletin"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BatchItem:
    """The outcome for one input of a batch."""

    source: str
    result: MakeResult | None = None
    skipped: bool = False
    """The output was newer than the input: not rendered again."""
    error: str | None = None


def expand_inputs(sources: Iterable[str | Path]) -> list[str]:
    """Files and URLs as given; a folder stands for the articles in it (sorted)."""
    out: list[str] = []
    for source in sources:
        text = str(source)
        path = Path(text)
        if not is_url(text) and path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in FORMATS)
            if not found:
                raise InputError(
                    f"{path}: no articles in this folder "
                    f"({', '.join(sorted(FORMATS))} files are read)."
                )
            out.extend(str(p) for p in found)
        else:
            out.append(text)
    return out


def _up_to_date(source: str, target: Path) -> bool:
    if is_url(source) or source == "-" or not target.exists():
        return False
    try:
        return target.stat().st_mtime >= os.stat(source).st_mtime
    except OSError:
        return False


def make_batch(
    sources: Sequence[str | Path],
    settings: RenderSettings | None = None,
    jobs: int = 2,
    force: bool = False,
    on_done: Callable[[BatchItem], None] | None = None,
) -> list[BatchItem]:
    """Render each input to its own programme in the settings' output folder, ``jobs``
    articles at a time.

    An output newer than its input is skipped unless ``force``. A bad input is reported in its
    item and does not stop the others.
    """
    settings = settings or RenderSettings()
    if settings.title is not None and len(expand_inputs(sources)) > 1:
        raise ConfigError(
            "a title for several programmes would give them one name: give it for one article, "
            "or make a bulletin.",
            setting="title",
        )
    if settings.output_is_file:
        raise ConfigError(
            "several inputs make several programmes: the output must be a folder.",
            setting="output",
        )
    inputs = expand_inputs(sources)
    tts = open_engine(settings)  # one engine (one voice) for the whole batch
    timeout = settings.engine_options.timeout

    def one(source: str) -> BatchItem:
        try:
            if not force and not is_url(source) and source != "-":
                article, _ = load_article(source, timeout=timeout)
                if _up_to_date(source, settings.target(settings.overrides(article).title)):
                    item = BatchItem(source, skipped=True)
                    if on_done:
                        on_done(item)
                    return item
            item = BatchItem(source, result=make(source, settings, tts=tts))
        except AudionewsError as exc:
            item = BatchItem(source, error=str(exc))
        if on_done:
            on_done(item)
        return item

    with ThreadPoolExecutor(max_workers=max(1, jobs), thread_name_prefix="audionews-batch") as pool:
        return list(pool.map(one, inputs))


def build_bulletin_script(
    articles: Sequence[Article],
    max_chars: int,
    settings: RenderSettings,
    title: str | None = None,
    when: date | None = None,
    foreign: str = "keep",
) -> Script:
    """One chapter per story (its title as chapter title), stories separated by a story pause
    (or a sting); an optional spoken bulletin title opens the programme. The bulletin is dated
    ``when`` (today by default), not by its first story."""
    chapters: list[Chapter] = []
    dropped: list[Dropped] = []
    if title:
        opening = build_script(Article(title=title), max_chars=max_chars)
        chapters.append(Chapter(title, opening.chapters[0].pieces))
    for article in articles:
        story = build_script(
            article,
            max_chars=max_chars,
            read_captions=settings.read_captions,
            keep_all=settings.keep_all,
            lexicon_files=settings.lexicons,
            foreign=foreign,
        )
        pieces = [p for ch in story.chapters for p in ch.pieces]
        sections: list[tuple[str, int]] = []
        if len(story.chapters) > 1:  # the story's own sections become sub-chapters
            offset = 0
            for ch in story.chapters:
                sections.append((ch.title, offset))
                offset += len(ch.pieces)
        chapters.append(Chapter(article.title, tuple(pieces), tuple(sections)))
        dropped.extend(story.dropped)
    # Every story but the last ends with a story pause; the programme with its end pause.
    marked: list[Chapter] = []
    for i, chapter in enumerate(chapters):
        pause = Pause.END if i == len(chapters) - 1 else Pause.STORY
        if title and i == 0:
            pause = Pause.SECTION
        pieces = list(chapter.pieces)
        last = pieces[-1]
        chunks = (*last.chunks[:-1], Chunk(last.chunks[-1].text, pause))
        pieces[-1] = Piece(last.kind, last.written, last.spoken, chunks)
        marked.append(Chapter(chapter.title, tuple(pieces), chapter.sections))
    header = Article(
        title=title or " - ".join(a.title for a in articles[:3]),
        published=when if when is not None else date.today(),
    )
    return Script(article=header, chapters=tuple(marked), dropped=tuple(dropped))


def make_bulletin(
    sources: Sequence[str | Path],
    settings: RenderSettings | None = None,
    title: str | None = None,
    sting: Path | None = None,
    progress: Progress | None = None,
    on_engine: Callable[[str, str], None] | None = None,
    on_warning: Warn | None = None,
) -> MakeResult:
    """Several stories in one programme: one chapter per story, loudness as one programme."""
    started = time.perf_counter()
    settings = settings or RenderSettings()
    inputs = expand_inputs(sources)
    if not inputs:
        raise InputError("a bulletin needs at least one article.")
    timeout = settings.engine_options.timeout
    articles = [load_article(s, timeout=timeout)[0] for s in inputs]
    tts: Engine
    tts, reason = open_engine(settings)
    if on_engine is not None:
        on_engine(tts.name, reason)
    warn_ignored(settings, tts, on_warning)
    when = settings.overrides(Article(title="-")).published if settings.date else None
    foreign = settings.foreign_for(engine_spec(tts.name))
    script = build_bulletin_script(
        articles, tts.max_chars, settings, title or settings.title, when=when, foreign=foreign
    )
    heading = heading_engine(tts, settings)
    return render(
        script, tts, reason, settings, progress, started, sting=sting, heading_tts=heading
    )
