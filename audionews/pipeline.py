"""The whole job, as a library: article file in, MP3 programme out.

    read -> article -> script (normalize + segment) -> synthesize -> assemble -> export

Every function here is what the CLI calls; Python users can call them directly.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from audionews import __version__
from audionews.article import Article, parse_article
from audionews.assemble import ChapterMark, Pauses, Programme, assemble
from audionews.cache import ChunkCache
from audionews.engines import ENGINES, Audio, Engine, EngineOptions, create_engine
from audionews.errors import ConfigError, InputError
from audionews.export import Tags, slugify, write_mp3
from audionews.read import read_article_text
from audionews.script import Script, build_script
from audionews.synthesize import (
    DEFAULT_JOBS,
    RetryPolicy,
    SynthesisProgress,
    SynthesisStats,
    synthesize_chunks,
)

__all__ = [
    "DEFAULT_OUTPUT_DIR",
    "MakeResult",
    "RenderSettings",
    "choose_engine",
    "load_article",
    "make",
    "output_path_for",
    "prepare_script",
    "render_script",
    "synthesize",
]

log = logging.getLogger(__name__)

DEFAULT_OUTPUT_DIR = Path("output")

Progress = Callable[[SynthesisProgress], None]
"""Called after the cache lookup and after each chunk is synthesized."""


@dataclass(frozen=True)
class RenderSettings:
    """How a programme is made, apart from the engine."""

    bitrate: int = 64
    """MP3 bitrate in kbps (CBR, mono)."""
    read_captions: bool = False
    """Read photo captions where they stand (dropped by default)."""
    pauses: Pauses = field(default_factory=Pauses)
    album: str | None = None
    """ID3 album (e.g. the programme or show name)."""
    publisher: str | None = None
    """ID3 publisher (e.g. the newspaper)."""
    lexicon_files: tuple[Path, ...] = ()
    """User pronunciation lexicons (TOML), winning over the built-in one."""
    jobs: int = DEFAULT_JOBS
    """Requests at once for network engines (offline engines run one chunk at a time)."""
    use_cache: bool = True
    """Reuse and keep synthesized chunks (resume, incremental re-render)."""
    cache_dir: Path | None = None
    """Chunk cache location; None: $AUDIONEWS_CACHE_DIR or the user cache directory."""
    retry: RetryPolicy = field(default_factory=RetryPolicy)

    def __post_init__(self) -> None:
        if not 1 <= self.jobs <= 32:
            raise ConfigError("jobs must be between 1 and 32.")

    def cache(self) -> ChunkCache | None:
        return ChunkCache(self.cache_dir) if self.use_cache else None


@dataclass(frozen=True)
class MakeResult:
    """What ``make`` produced."""

    path: Path
    duration: float
    chapters: tuple[ChapterMark, ...]
    engine: str
    engine_reason: str
    chunks: int
    seconds: float
    """Wall time of the whole run."""
    cached: int = 0
    """Chunks taken from the cache instead of synthesized."""
    retries: int = 0


def load_article(source: str | Path) -> tuple[Article, str]:
    """Read and parse an article file (or ``"-"`` for stdin). Returns (article, source name)."""
    text, name = read_article_text(source)
    article = parse_article(text)
    if not article.title:
        raise InputError(
            f"{name}: no readable text was found (every line looks like page junk). "
            "Check that this is the article's text; `audionews script` shows what was dropped."
        )
    return article, name


def choose_engine(
    name: str = "auto",
    options: EngineOptions | None = None,
    probe: Callable[[], tuple[bool, str]] | None = None,
) -> tuple[Engine, str]:
    """Create the engine to use and say why. ``auto``: gtts if Google answers, else espeak."""
    options = options or EngineOptions()
    if name != "auto":
        return create_engine(name, options), f"asked for with --engine {name}"
    if probe is None:
        from audionews.engines.google import endpoint_reachable

        def probe() -> tuple[bool, str]:
            return endpoint_reachable(options.tld)

    reachable, why = probe()
    if reachable:
        return create_engine("gtts", options), f"auto: {why}"
    voice_ok = options.voice is None or options.voice in ENGINES["espeak"].voices
    espeak_options = options if voice_ok else EngineOptions()
    return create_engine("espeak", espeak_options), f"auto: {why}; using the offline voice"


def prepare_script(
    article: Article, engine_max_chars: int, settings: RenderSettings | None = None
) -> Script:
    """The spoken script of ``article``, chunked for an engine."""
    settings = settings or RenderSettings()
    return build_script(
        article,
        max_chars=engine_max_chars,
        read_captions=settings.read_captions,
        lexicon_files=settings.lexicon_files,
    )


def synthesize(
    script: Script,
    engine: Engine,
    settings: RenderSettings | None = None,
    progress: Progress | None = None,
    stats: SynthesisStats | None = None,
) -> list[Audio]:
    """Speak every chunk of ``script`` with ``engine``, in order (cached, concurrent, retried)."""
    settings = settings or RenderSettings()
    return synthesize_chunks(
        [c.text for c in script.chunks],
        engine,
        cache=settings.cache(),
        jobs=settings.jobs,
        retry=settings.retry,
        progress=progress,
        stats=stats,
    )


def output_path_for(article: Article, output: str | Path | None) -> Path:
    """``output/<slug>.mp3`` by default; a folder gets ``<slug>.mp3`` inside it."""
    name = slugify(article.title) + ".mp3"
    if output is None:
        return DEFAULT_OUTPUT_DIR / name
    path = Path(output)
    if path.is_dir() or str(output).endswith(("/", "\\")):
        return path / name
    if path.suffix.lower() != ".mp3":
        raise InputError(f"{path}: the output must be an .mp3 file or a folder.")
    return path


def make(
    source: str | Path,
    output: str | Path | None = None,
    engine: str = "auto",
    engine_options: EngineOptions | None = None,
    settings: RenderSettings | None = None,
    progress: Progress | None = None,
    on_engine: Callable[[str, str], None] | None = None,
) -> MakeResult:
    """Turn the article at ``source`` into an MP3 programme. Returns where and what was written."""
    started = time.perf_counter()
    settings = settings or RenderSettings()
    article, _ = load_article(source)
    target = output_path_for(article, output)
    tts, reason = choose_engine(engine, engine_options)
    if on_engine is not None:
        on_engine(tts.name, reason)
    script = prepare_script(article, tts.max_chars, settings)
    if not script.chunks:
        raise InputError(f"{source}: nothing to read after cleaning the article.")
    stats = SynthesisStats()
    clips = synthesize(script, tts, settings, progress, stats)
    programme: Programme = assemble(script, clips, settings.pauses)
    tags = Tags(
        title=article.title,
        artist=_artist(article.byline),
        album=settings.album,
        publisher=settings.publisher,
        date=article.published,
        comment=article.lead,
        encoder=f"audionews {__version__} ({tts.version}, LAME)",
    )
    write_mp3(programme, target, tags, settings.bitrate)
    return MakeResult(
        path=target,
        duration=programme.duration,
        chapters=programme.chapters,
        engine=tts.name,
        engine_reason=reason,
        chunks=len(clips),
        seconds=time.perf_counter() - started,
        cached=stats.cached,
        retries=stats.retries,
    )


def _artist(byline: str | None) -> str | None:
    if not byline:
        return None
    text = byline.strip().strip("()").strip()
    if text.casefold().startswith("theo "):
        return text[5:].strip()
    parts = [p.strip() for p in text.replace("–", "-").split(" - ") if p.strip()]
    return ", ".join(p.title() if p.isupper() else p for p in parts)


def render_script(
    script: Script, engine: Engine, target: Path, settings: RenderSettings, tags: Tags
) -> Programme:
    """Synthesize, assemble and write an already prepared script (for custom pipelines)."""
    programme = assemble(script, synthesize(script, engine, settings), settings.pauses)
    write_mp3(programme, target, tags, settings.bitrate)
    return programme


def describe_chapters(chapters: Sequence[ChapterMark]) -> list[str]:
    return [f"{c.start_ms / 1000:7.2f}s  {c.title}" for c in chapters]
