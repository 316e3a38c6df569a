"""Batches (one programme per article) and bulletins (several stories in one programme)."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from audionews import __version__
from audionews.article import Article, Dropped
from audionews.engines import Engine, engine_spec
from audionews.errors import AudionewsError, ConfigError, InputError, Interrupted
from audionews.export import ProgrammeUnit, programme_unit, recover_writes, slugify
from audionews.formats import FORMATS, is_url
from audionews.pipeline import (
    MakeResult,
    Progress,
    Warn,
    heading_engine,
    listen_back,
    load_article,
    make_article,
    open_engine,
    prepare_check,
    render,
    warn_ignored,
    with_verdict,
)
from audionews.script import Chapter, Chunk, Pause, Piece, Script, build_script
from audionews.settings import RenderSettings
from audionews.synthesize import cancellation

__all__ = [
    "BatchItem",
    "build_bulletin_script",
    "expand_inputs",
    "make_batch",
    "make_bulletin",
    "plan_outputs",
    "settings_fingerprint",
    "stamp_path",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BatchItem:
    """The outcome for one input of a batch."""

    source: str
    result: MakeResult | None = None
    skipped: bool = False
    """The output is newer than the input and was made from it with the same settings: not
    rendered again."""
    error: str | None = None
    output: Path | None = None
    """Where this input's programme is (or would be) written."""
    note: str | None = None
    """Why ``output`` is not simply the title's name (another input has the same title)."""
    exit_code: int = 0
    """The error's exit code (2 bad input, 3 engine, 4 write), 0 without an error."""


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


def plan_outputs(
    sources: Sequence[str], titles: Sequence[str | None], settings: RenderSettings
) -> list[tuple[Path | None, str | None]]:
    """Where each input of a batch is written, and a note when that is not the title's name.

    Two inputs never share an output: inputs whose titles give the same file name (compared
    without case, for case-insensitive disks), and titles that give no name at all (all emoji,
    say), get a suffix from their source's name (``tin-nong-bai-2.mp3``), then ``-2``, ``-3``
    if that is still taken. The same inputs always get the same names. ``titles`` holds None for
    an input that could not be read.
    """
    defaults = [settings.target(t) if t is not None else None for t in titles]
    counts = Counter(d.name.casefold() for d in defaults if d is not None)
    nameless = [t is not None and _nameless(t) for t in titles]
    taken = {
        d.name.casefold()
        for d, blank in zip(defaults, nameless, strict=True)
        if d is not None and counts[d.name.casefold()] == 1 and not blank
    }
    out: list[tuple[Path | None, str | None]] = []
    for source, default, blank in zip(sources, defaults, nameless, strict=True):
        if default is None:
            out.append((None, None))
            continue
        if counts[default.name.casefold()] == 1 and not blank:
            out.append((default, None))
            continue
        origin = slugify(_source_stem(source), 40)
        base = origin if blank else f"{default.stem}-{origin}"
        candidate, n = base, 2
        while f"{candidate}{default.suffix}".casefold() in taken:
            candidate, n = f"{base}-{n}", n + 1
        target = default.with_name(f"{candidate}{default.suffix}")
        taken.add(target.name.casefold())
        why = (
            "its title gives no file name"
            if blank
            else f"{counts[default.name.casefold()]} inputs have titles named {default.name}"
        )
        out.append((target, f"written as {target.name}: {why}"))
    return out


def _nameless(title: str) -> bool:
    """True when the title has nothing a file name can be made of (slugify's fallback)."""
    return slugify(title) == "programme" and "programme" not in title.casefold()


def _source_stem(source: str) -> str:
    if source == "-":
        return "stdin"
    if is_url(source):
        path = urlsplit(source).path.rstrip("/")
        return PurePosixPath(path).stem or urlsplit(source).hostname or "url"
    return Path(source).stem


_UNFINGERPRINTED = frozenset({"output", "jobs", "use_cache", "cache_dir", "retry"})
"""Settings that do not change the programme."""


def settings_fingerprint(settings: RenderSettings, tts: Engine) -> str:
    """A digest of everything that changes a programme besides its text: every render setting
    (speed, voice, pauses, loudness, format, sidecars, ...), the engine and its version, the
    contents of the lexicon, intro, outro and bed files, and audionews' own version."""
    values: dict[str, Any] = {
        f.name: getattr(settings, f.name)
        for f in fields(settings)
        if f.name not in _UNFINGERPRINTED
    }
    values["engine_options"] = {
        f.name: getattr(settings.engine_options, f.name)
        for f in fields(settings.engine_options)
        if f.name != "timeout"
    }
    files = [*settings.lexicon_files, settings.intro, settings.outro, settings.bed]
    values["file_contents"] = [_file_digest(Path(f)) for f in files if f is not None]
    values["tts"] = [tts.name, tts.version, tts.voice, __version__]
    blob = json.dumps(values, sort_keys=True, default=_plain, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _plain(value: object) -> object:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in fields(value)}
    return str(value)


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return f"unreadable:{path}"


def stamp_path(target: Path) -> Path:
    """The hidden file beside a batch output that says what it was made from."""
    return target.with_name(f".{target.name}.audionews.json")


def _source_digest(source: str) -> str | None:
    if is_url(source) or source == "-":
        return None  # fetched or piped: never known to be unchanged
    return _file_digest(Path(source))


def _up_to_date(source: str, target: Path, fingerprint: str) -> bool:
    """True when ``target`` is newer than ``source`` and was made from this very input with the
    same settings (its stamp says so, and the file is still the one the stamp describes)."""
    digest = _source_digest(source)
    if digest is None or digest.startswith("unreadable:"):
        return False
    try:
        stamp = json.loads(stamp_path(target).read_text(encoding="utf-8"))
        stat = target.stat()
        if stat.st_mtime < Path(source).stat().st_mtime:
            return False  # touched since: rendered again, as make would
    except (OSError, ValueError):
        return False
    return isinstance(stamp, dict) and stamp == {
        "source": str(Path(source).resolve()),
        "source_sha256": digest,
        "settings": fingerprint,
        "output_size": stat.st_size,
        "output_mtime_ns": stat.st_mtime_ns,
    }


def _stamp(source: str, unit: ProgrammeUnit, target: Path, fingerprint: str) -> None:
    """Record what ``target`` is made from, committed with it (see :func:`_up_to_date`)."""
    digest = _source_digest(source)
    staged = {g: t for t, g in unit.staged}
    if digest is None or target not in staged:
        return
    stat = staged[target].stat()  # the rename keeps size and modification time
    stamp = {
        "source": str(Path(source).resolve()),
        "source_sha256": digest,
        "settings": fingerprint,
        "output_size": stat.st_size,
        "output_mtime_ns": stat.st_mtime_ns,
    }
    unit.add(stamp_path(target), json.dumps(stamp, indent=1).encode("utf-8"))


def make_batch(
    sources: Sequence[str | Path],
    settings: RenderSettings | None = None,
    jobs: int = 2,
    force: bool = False,
    on_done: Callable[[BatchItem], None] | None = None,
) -> list[BatchItem]:
    """Render each input to its own programme in the settings' output folder, ``jobs``
    articles at a time.

    Two inputs never write one file: same-title inputs get names told apart by their source
    (see :func:`plan_outputs`; the item's ``note`` says so). An output newer than its input and
    made from it with the same settings (a hidden stamp beside it records both) is skipped
    unless ``force``; changed settings (speed, voice, lexicon, ...) render again. Each programme and
    its sidecars are written as one unit. A bad input, or one that cannot be written, is
    reported in its item and does not stop the others. Ctrl-C stops every article at once
    and raises :class:`Interrupted`.
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
    settings = prepare_check(settings)  # a missing recognizer stops the batch before it starts
    tts = open_engine(settings)  # one engine (one voice) for the whole batch
    warn_ignored(settings, tts[0])
    fingerprint = settings_fingerprint(settings, tts[0])
    stop = threading.Event()
    pool = ThreadPoolExecutor(max_workers=max(1, jobs), thread_name_prefix="audionews-batch")
    try:
        loaded = list(pool.map(lambda s: _load(s, settings, stop), inputs))
        titles = [a.title if isinstance(a, Article) else None for a in loaded]
        plan = plan_outputs(inputs, titles, settings)
        for folder in {t.parent for t, _ in plan if t is not None}:
            recover_writes(folder)  # what a killed run left

        def one(i: int) -> BatchItem:
            item = _one(inputs[i], loaded[i], plan[i], settings, tts, fingerprint, force, stop)
            if on_done:
                on_done(item)
            return item

        return list(pool.map(one, range(len(inputs))))
    except KeyboardInterrupt:
        stop.set()
        raise Interrupted(
            "interrupted: the batch stopped; finished programmes are kept, and the chunks "
            "synthesized so far are in the cache. Run the same command again to go on."
        ) from None
    finally:
        stop.set()
        pool.shutdown(wait=False, cancel_futures=True)


def _load(source: str, settings: RenderSettings, stop: threading.Event) -> Article | BatchItem:
    if stop.is_set():
        return BatchItem(source, error="interrupted", exit_code=130)
    try:
        article, _ = load_article(source, timeout=settings.engine_options.timeout)
    except AudionewsError as exc:
        return BatchItem(source, error=str(exc), exit_code=exc.exit_code)
    except OSError as exc:
        return BatchItem(source, error=f"{source}: cannot be read ({exc})", exit_code=2)
    except Exception as exc:  # a bug in a reader must not stop the other inputs
        return BatchItem(source, error=_unexpected(source, exc), exit_code=2)
    return article


def _unexpected(source: str, exc: Exception) -> str:
    log.debug("%s: unexpected error", source, exc_info=exc)
    return (
        f"{source}: unexpected error ({type(exc).__name__}: {exc}). This is a bug in "
        "audionews: please report it with this input (run with -v for the details)."
    )


def _one(
    source: str,
    loaded: Article | BatchItem,
    planned: tuple[Path | None, str | None],
    settings: RenderSettings,
    tts: tuple[Engine, str],
    fingerprint: str,
    force: bool,
    stop: threading.Event,
) -> BatchItem:
    if isinstance(loaded, BatchItem):
        return loaded
    target, note = planned
    assert target is not None
    if note:
        log.warning("%s: %s", source, note)
    if not force and _up_to_date(source, target, fingerprint):
        return BatchItem(source, skipped=True, output=target, note=note)
    if stop.is_set():
        return BatchItem(source, error="interrupted", output=target, note=note, exit_code=130)
    started = time.perf_counter()
    try:
        with cancellation(stop), programme_unit() as unit:
            # the unit writes at its end: check the file once it is there
            one = replace(settings, output=target, validate=False, check=False)
            result = _render_article(loaded, source, one, tts, started)
            _stamp(source, unit, target, fingerprint)
        result = listen_back(with_verdict(result, settings), settings)
    except AudionewsError as exc:
        return BatchItem(source, error=str(exc), output=target, note=note, exit_code=exc.exit_code)
    except OSError as exc:  # not ours to expect, but one input must not stop the batch
        return BatchItem(source, error=f"{target}: {exc}", output=target, note=note, exit_code=4)
    except Exception as exc:
        return BatchItem(
            source, error=_unexpected(source, exc), output=target, note=note, exit_code=2
        )
    return BatchItem(source, result=result, output=target, note=note)


def _render_article(
    article: Article,
    source: str,
    settings: RenderSettings,
    tts: tuple[Engine, str],
    started: float,
) -> MakeResult:
    """What :func:`~audionews.pipeline.make` does, with the article already loaded."""
    return make_article(article, source, settings, tts=tts, started=started)


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
    settings = prepare_check(settings or RenderSettings())
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
    with programme_unit():  # the programme and its sidecars: all or none
        result = render(
            script, tts, reason, settings, progress, started, sting=sting, heading_tts=heading
        )
    return listen_back(with_verdict(result, settings), settings)
