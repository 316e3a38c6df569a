"""The desk's work on an article: what the program understood, a sentence to hear, a render.

Everything here goes through the library's public API (``pipeline.load_article``,
``prepare_script``, ``render``, ``bulletin.build_bulletin_script``); the desk only adds the
editor's edits (title, byline, dropped lines read after all) between reading and scripting.

A request, as stored with a job::

    {"stories": [{"file": "story-0.txt", "name": "bai.txt", "title": ..., "byline": ...,
                  "read_dropped": [12, 14]}, {"url": "https://..."}],
     "settings": {"engine": "espeak", "speed": 1.1, ...}, "title": "bulletin title"}

Story files are named by the desk (``story-N.ext``) in the job's own folder; nothing a client
sends becomes a path.
"""

from __future__ import annotations

import difflib
import io
import logging
import os
import re
import time
import wave
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from audionews.article import Article, Block, BlockKind, Section
from audionews.errors import AudionewsError, ConfigError, InputError
from audionews.script import Script
from audionews.settings import RenderSettings

__all__ = [
    "ALLOWED_SETTINGS",
    "STORY_FILE",
    "Cancelled",
    "DeskPaths",
    "apply_edits",
    "build_settings",
    "changes",
    "load_story",
    "preview",
    "run_job",
    "speak",
]

log = logging.getLogger(__name__)

LOCAL_URLS_ENV = "AUDIONEWS_DESK_LOCAL_URLS"
"""Set to 1 to let desk users give local or private addresses (an intranet CMS)."""
STORY_FILE = re.compile(r"^story-\d{1,3}\.(txt|html|md|docx)$")
"""The only file names a request may refer to: the ones the desk wrote."""

ALLOWED_SETTINGS: dict[str, type | tuple[type, ...]] = {
    "profile": str,
    "engine": str,
    "voice": str,
    "heading_voice": str,
    "tld": str,
    "slow": bool,
    "speaker": (int, str),
    "rate": str,
    "pitch": str,
    "timeout": (int, float),
    "bitrate": int,
    "vbr": int,
    "bits": int,
    "loudness": (int, float),
    "true_peak": (int, float),
    "format": str,
    "sample_rate": int,
    "speed": (int, float),
    "fit": (str, int, float),
    "sidecars": (str, list),
    "pause_sentence": int,
    "pause_paragraph": int,
    "pause_section": int,
    "read_captions": bool,
    "album": str,
    "publisher": str,
    "jobs": int,
}
"""Render settings a request may give (named as on the command line). Settings that name files
on the server (output, lexicon, intro, outro, bed, voice_model, cache_dir) are the desk's."""


@dataclass(frozen=True)
class DeskPaths:
    """Where the desk keeps things, all under one data folder."""

    root: Path

    @property
    def db(self) -> Path:
        return self.root / "desk.db"

    @property
    def queue(self) -> Path:
        return self.root / "queue.db"

    @property
    def lexicon(self) -> Path:
        return self.root / "lexicon.toml"

    @property
    def cache(self) -> Path:
        return self.root / "cache"

    def job(self, job_id: str) -> Path:
        if not re.fullmatch(r"[0-9a-f]{16}", job_id):
            raise InputError("unknown job.")
        return self.root / "jobs" / job_id

    def scratch(self) -> Path:
        import uuid

        path = self.root / "tmp" / uuid.uuid4().hex
        path.mkdir(parents=True)
        return path


class Cancelled(AudionewsError):
    """The job was deleted while it ran."""


def clean_settings(options: Mapping[str, Any]) -> dict[str, Any]:
    """The request's settings, checked against :data:`ALLOWED_SETTINGS` (types too)."""
    out: dict[str, Any] = {}
    for key, value in options.items():
        if value is None or value == "":
            continue
        kind = ALLOWED_SETTINGS.get(key)
        if kind is None:
            raise ConfigError(f"unknown or not allowed setting {key!r}.", setting=key)
        if isinstance(value, bool) and kind is not bool:
            raise ConfigError(f"setting {key!r}: wrong type.", setting=key)
        if not isinstance(value, kind):
            raise ConfigError(f"setting {key!r}: wrong type.", setting=key)
        out[key] = value
    return out


def build_settings(
    options: Mapping[str, Any], paths: DeskPaths, output: Path | None = None
) -> RenderSettings:
    """RenderSettings for the desk: the request's settings plus the desk's own files."""
    values = clean_settings(options)
    profile = values.pop("profile", "podcast")
    values.setdefault("sidecars", "all")
    lexicon = [paths.lexicon] if paths.lexicon.is_file() else []
    try:
        return RenderSettings.build(
            profile,
            lexicon=lexicon,
            cache_dir=paths.cache,
            output=output,
            **values,
        )
    except (TypeError, ValueError) as exc:
        if isinstance(exc, AudionewsError):
            raise
        raise ConfigError(f"bad setting: {exc}") from None


def _display(message: str, path: Path, name: str) -> str:
    return message.replace(str(path), name)


def load_story(story: Mapping[str, Any], folder: Path, timeout: float) -> Article:
    """The article of one story of a request (a file the desk saved, or a URL)."""
    from audionews.formats import is_url
    from audionews.pipeline import load_article

    url = story.get("url")
    if url is not None:
        if not isinstance(url, str) or not is_url(url.strip()):
            raise InputError("the address must start with http:// or https://.")
        from audionews.formats import DEFAULT_MAX_BYTES
        from audionews.formats.url import fetch_article

        # The desk fetches what its users type: never a local or private address (its own
        # Redis, a cloud metadata service), unless the newsroom allows it for an intranet CMS.
        public_only = os.environ.get(LOCAL_URLS_ENV, "") not in ("1", "yes", "true")
        return fetch_article(
            url.strip(), timeout=timeout, max_bytes=DEFAULT_MAX_BYTES, public_only=public_only
        )
    name = str(story.get("file", ""))
    if not STORY_FILE.match(name):
        raise InputError("unknown story file.")
    path = folder / name
    try:
        return load_article(path, timeout=timeout)[0]
    except InputError as exc:
        shown = str(story.get("name") or name)
        raise InputError(_display(str(exc), path, shown), setting=exc.setting) from None


def apply_edits(article: Article, story: Mapping[str, Any]) -> Article:
    """The editor's edits: title, byline, and dropped lines (or captions) read after all."""
    title = (story.get("title") or "").strip() or article.title
    byline = story.get("byline")
    byline = article.byline if byline is None else (byline.strip() or None)
    wanted = {int(n) for n in story.get("read_dropped") or () if isinstance(n, int)}
    sections = list(article.sections) or [Section(None, ())]
    if wanted:
        # Captions switched on become paragraphs where they stand.
        sections = [
            Section(
                s.heading,
                tuple(
                    Block(BlockKind.PARAGRAPH, b.text, b.line) if b.line in wanted else b
                    for b in s.blocks
                ),
            )
            for s in sections
        ]
        # Dropped lines go back into the section they were in, by line number.
        for d in article.dropped:
            if d.line not in wanted:
                continue
            i = _section_of(sections, d.line)
            blocks = sorted(
                (*sections[i].blocks, Block(BlockKind.PARAGRAPH, d.text, d.line)),
                key=lambda b: b.line,
            )
            sections[i] = Section(sections[i].heading, tuple(blocks))
    dropped = tuple(d for d in article.dropped if d.line not in wanted)
    return replace(article, title=title, byline=byline, sections=tuple(sections), dropped=dropped)


def _section_of(sections: Sequence[Section], line: int) -> int:
    """The last section whose first block starts at or before ``line``."""
    index = 0
    for i, s in enumerate(sections):
        if s.blocks and s.blocks[0].line <= line:
            index = i
    return index


def _has_edits(story: Mapping[str, Any]) -> bool:
    return any(story.get(k) not in (None, [], ()) for k in ("title", "byline", "read_dropped"))


def make_script(
    articles: Sequence[Article], max_chars: int, settings: RenderSettings, title: str | None
) -> Script:
    from audionews.bulletin import build_bulletin_script
    from audionews.pipeline import prepare_script

    if len(articles) == 1:
        return prepare_script(articles[0], max_chars, settings)
    return build_bulletin_script(articles, max_chars, settings, title or None)


# ------------------------------------------------------------------ what the program understood
def _key(word: str) -> str:
    return word.rstrip(".,;:!?…")


def changes(
    written: str, spoken: str, user: Mapping[str, str], builtin: Mapping[str, str]
) -> list[dict[str, str]]:
    """``spoken`` as segments: unchanged text, and each rewrite with what was written and why
    (``number``, ``lexicon`` for the newsroom's lexicon, ``abbreviation``, ``other``).

    The same word alignment as :func:`audionews.textdiff.mark_changes`, kept structured."""
    a, b = written.split(), spoken.split()
    matcher = difflib.SequenceMatcher(
        a=[_key(w) for w in a], b=[_key(w) for w in b], autojunk=False
    )
    covered = _covered(a, user)
    out: list[dict[str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        said = " ".join(b[j1:j2])
        if op == "equal":
            if out and out[-1]["kind"] == "same":
                out[-1]["text"] += " " + said
            else:
                out.append({"kind": "same", "text": said})
            continue
        was = " ".join(a[i1:i2])
        words = [_key(w).strip("()\"“”'") for w in a[i1:i2]]
        if covered & set(range(i1, max(i2, i1 + 1))):
            kind = "lexicon"
        elif any(ch.isdigit() for ch in was):
            kind = "number"
        elif any(w in builtin for w in words):
            kind = "abbreviation"
        else:
            kind = "other"
        out.append({"kind": kind, "text": said, "written": was})
    return out


def _covered(words: Sequence[str], lexicon: Mapping[str, str]) -> set[int]:
    """Indices of the written words that a lexicon entry (one word or several) matches."""
    keys = [_key(w).strip("()\"“”'") for w in words]
    out: set[int] = set()
    for entry in lexicon:
        parts = entry.split()
        n = len(parts)
        for i in range(len(keys) - n + 1):
            if keys[i : i + n] == parts:
                out.update(range(i, i + n))
    return out


def _lexicons(paths: DeskPaths) -> tuple[dict[str, str], dict[str, str]]:
    from audionews.normalize.lexicon import builtin_lexicon, load_lexicon_file

    built = builtin_lexicon()
    builtin = {**built.words, **built.titles}
    user: dict[str, str] = {}
    if paths.lexicon.is_file():
        lex = load_lexicon_file(paths.lexicon)
        user = {**lex.words, **lex.titles}
    return user, builtin


def _article_dict(article: Article, script: Script) -> dict[str, Any]:
    dropped = {d.line: d for d in (*article.dropped, *script.dropped)}
    return {
        "title": article.title,
        "date": article.date_line,
        "published": article.published.isoformat() if article.published else None,
        "lead": article.lead,
        "headings": list(article.headings),
        "byline": article.byline,
        "dropped": [
            {"line": d.line, "text": d.text, "kind": d.kind.value, "reason": d.reason}
            for d in sorted(dropped.values(), key=lambda d: d.line)
        ],
    }


def preview(
    request: Mapping[str, Any], folder: Path, paths: DeskPaths, max_chars: int = 600
) -> dict[str, Any]:
    """The stories as understood, and the spoken script beside the written one."""
    settings = build_settings(request.get("settings") or {}, paths)
    user, builtin = _lexicons(paths)
    timeout = settings.engine_options.timeout
    stories = []
    for story in request.get("stories") or ():
        original = load_story(story, folder, timeout)
        article = apply_edits(original, story) if _has_edits(story) else original
        script = make_script([article], max_chars, settings, None)
        # Every line the program drops, also those switched on (so they can be switched off).
        unedited = (
            script if article is original else make_script([original], max_chars, settings, None)
        )
        info = _article_dict(original, unedited)
        info["edited"] = {"title": article.title, "byline": article.byline}
        info["chapters"] = [
            {
                "title": ch.title,
                "pieces": [
                    {
                        "kind": p.kind,
                        "written": p.written,
                        "spoken": p.spoken,
                        "changes": changes(p.written, p.spoken, user, builtin),
                    }
                    for p in ch.pieces
                ],
            }
            for ch in script.chapters
        ]
        stories.append(info)
    return {"stories": stories}


# ------------------------------------------------------------------ hear one sentence
def speak(text: str, options: Mapping[str, Any], paths: DeskPaths) -> bytes:
    """A WAV of ``text`` (normalized with the newsroom's lexicon) in the chosen voice."""
    from audionews.pipeline import open_engine, prepare_script
    from audionews.synthesize import synthesize_chunks

    text = " ".join(text.split())
    if not text:
        raise InputError("nothing to read.")
    if len(text) > 5000:
        raise InputError("too long to hear at once: pick a sentence or a paragraph.")
    settings = build_settings(options, paths)
    tts, _ = open_engine(settings)
    script = prepare_script(Article(title=text), tts.max_chars, settings)
    clips = synthesize_chunks(
        [c.text for c in script.chunks], tts, cache=settings.cache(), jobs=settings.jobs
    )
    rate = clips[0].sample_rate if clips else tts.sample_rate
    gap = b"\0\0" * int(rate * 0.3)
    buf = io.BytesIO()
    with wave.open(buf, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(gap.join(c.pcm for c in clips))
    return buf.getvalue()


# ------------------------------------------------------------------ one render
class _Progress:
    """Writes synthesis progress to the store (at most 5 times a second) and checks for
    cancellation."""

    def __init__(self, store: Any, job_id: str) -> None:
        self.store, self.job_id = store, job_id
        self.started = time.monotonic()
        self.last = 0.0
        self.first_new: tuple[float, int] | None = None

    def __call__(self, p: Any) -> None:
        now = time.monotonic()
        if p.done < p.total and now - self.last < 0.2:
            return
        self.last = now
        if self.store.cancel_requested(self.job_id):
            raise Cancelled("the job was deleted.")
        eta = None
        if self.first_new is None and p.done > p.cached:
            self.first_new = (now, p.done)
        if self.first_new is not None and p.done > self.first_new[1]:
            t0, d0 = self.first_new
            eta = (now - t0) / (p.done - d0) * (p.total - p.done)
        stage = "synthesizing" if p.done < p.total else "mastering"
        self.store.update(
            self.job_id, stage=stage, done=p.done, total=p.total, cached=p.cached, eta=eta
        )


def _result(made: Any, folder: Path) -> dict[str, Any]:
    def rel(path: Path) -> str:
        return str(Path(path).resolve().relative_to(folder.resolve()))

    def chapter(c: Any) -> dict[str, Any]:
        return {
            "title": c.title,
            "start": c.start_ms / 1000,
            "end": c.end_ms / 1000,
            "children": [chapter(k) for k in c.children],
        }

    return {
        "file": rel(made.path),
        "format": Path(made.path).suffix.lstrip("."),
        "duration": round(made.duration, 3),
        "chapters": [chapter(c) for c in made.chapters],
        "engine": made.engine,
        "engine_reason": made.engine_reason,
        "chunks": made.chunks,
        "cached": made.cached,
        "seconds": round(made.seconds, 3),
        "sidecars": {_sidecar_kind(Path(p).name): rel(p) for p in made.sidecars},
        "loudness": round(made.loudness.integrated, 1) if made.loudness else None,
        "fitted": made.fitted,
    }


_SIDECAR_SUFFIXES = {
    ".chapters.json": "chapters",
    ".manifest.json": "manifest",
    ".labels.txt": "labels",
    ".srt": "srt",
    ".vtt": "vtt",
    ".cue": "cue",
}


def _sidecar_kind(name: str) -> str:
    for suffix, kind in _SIDECAR_SUFFIXES.items():
        if name.endswith(suffix):
            return kind
    return name


class _Heartbeat:
    """Marks the job alive every ``every`` seconds while it renders (``updated`` in the store),
    so a stalled or lost render can be told from a slow one.

    Its thread also means the render process is not alone, so the MP3 is encoded in one stream
    (``export.encode_mp3_fast`` forks a second encoder only in a single-threaded process): the
    desk gets its parallelism from ``workers`` renders at once, one core each, instead of two
    processes per render competing for the same cores (measured in docs/desk.md)."""

    def __init__(self, store: Any, job_id: str, every: float = 2.0) -> None:
        import threading

        self.store, self.job_id, self.every = store, job_id, every
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._beat, name="desk-heartbeat", daemon=True)

    def _beat(self) -> None:
        while not self.stopped.wait(self.every):
            try:
                self.store.update(self.job_id)
            except Exception:  # a busy database only delays the next beat
                log.debug("heartbeat of %s skipped", self.job_id, exc_info=True)

    def __enter__(self) -> _Heartbeat:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopped.set()
        self.thread.join()


def run_job(
    root: str,
    job_id: str,
    on_warning: Callable[[str, str], None] | None = None,
    *,
    redis_url: str | None = None,
) -> None:
    """Render one job and record the outcome in the store (runs in a render process): the
    SQLite store in ``root``, or a fleet's store on ``redis_url``."""
    from audionews.desk.store import open_store

    paths = DeskPaths(Path(root))
    store = open_store(paths.db, redis_url)
    job = store.get(job_id)
    if job is None or job["cancel"]:
        return
    request = job["request"]
    warnings: list[str] = []
    with _Heartbeat(store, job_id):
        _render_job(store, paths, job_id, request, warnings, on_warning)


def _render_job(
    store: Any,
    paths: DeskPaths,
    job_id: str,
    request: Mapping[str, Any],
    warnings: list[str],
    on_warning: Callable[[str, str], None] | None,
) -> None:
    from audionews.pipeline import heading_engine, open_engine, render, warn_ignored

    folder = paths.job(job_id)
    try:
        store.update(job_id, stage="reading")
        out = folder / "out"
        out.mkdir(parents=True, exist_ok=True)
        settings = build_settings(request.get("settings") or {}, paths, output=out)
        timeout = settings.engine_options.timeout
        articles = [
            apply_edits(load_story(s, folder / "input", timeout), s)
            for s in request.get("stories") or ()
        ]
        if not articles:
            raise InputError("no story to read.")
        tts, reason = open_engine(settings)
        warn_ignored(settings, tts, on_warning or (lambda _s, m: warnings.append(m)))
        script = make_script(articles, tts.max_chars, settings, request.get("title"))
        if not script.chunks:
            raise InputError("nothing to read after cleaning the article.")
        store.update(job_id, title=script.title, stage="synthesizing", total=len(script.chunks))
        made = render(
            script,
            tts,
            reason,
            settings,
            progress=_Progress(store, job_id),
            heading_tts=heading_engine(tts, settings),
        )
        result = _result(made, folder)
        result["warnings"] = warnings
        store.update(
            job_id,
            status="done",
            stage="done",
            done=made.chunks,
            total=made.chunks,
            cached=made.cached,
            eta=0,
            result=result,
            finished=time.time(),
        )
    except Cancelled:
        store.update(job_id, status="cancelled", stage="cancelled", finished=time.time())
    except AudionewsError as exc:
        store.update(
            job_id,
            status="failed",
            stage="failed",
            error=str(exc),
            error_setting=exc.setting,
            finished=time.time(),
        )
    except Exception:
        log.exception("job %s failed", job_id)
        store.update(
            job_id,
            status="failed",
            stage="failed",
            error="internal error while rendering; the server log has the details.",
            finished=time.time(),
        )
