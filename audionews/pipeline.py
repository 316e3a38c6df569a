"""The whole job, as a library: the order of the stages, nothing more.

    read -> article -> script (normalize + segment) -> synthesize -> assemble -> master -> export

How each stage works lives in its module; how a programme is made (profile, engine, format,
loudness, fit, sidecars) is one :class:`~audionews.settings.RenderSettings`. The CLI, the desk
and Python callers all come through :func:`make` (and :mod:`audionews.bulletin`).
"""

from __future__ import annotations

import logging
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from audionews import __version__
from audionews.article import Article
from audionews.assemble import ClipStore, fit, join_signal, prepare_spooled
from audionews.audio import Audio, ChapterMark
from audionews.defaults import DEFAULT_TIMEOUT
from audionews.deliver import master_and_write
from audionews.engines import (
    DRAFT_NOTE,
    ENGINES,
    Engine,
    EngineOptions,
    create_engine,
    engine_spec,
)
from audionews.errors import ConfigError, EngineUnavailable, InputError
from audionews.export import (
    Tags,
    programme_unit,
)
from audionews.loudness import Loudness
from audionews.master import added_seconds, load_audio_file, match_level
from audionews.script import Script, build_script
from audionews.settings import RenderSettings
from audionews.sidecars import SidecarContext, write_sidecars
from audionews.synthesize import SynthesisProgress, SynthesisStats, synthesize_chunks

if TYPE_CHECKING:
    from audionews.check import CheckReport
    from audionews.validate import Report

__all__ = [
    "MakeResult",
    "RenderSettings",
    "check_coverage",
    "choose_engine",
    "heading_engine",
    "listen_back",
    "load_article",
    "make",
    "make_article",
    "open_engine",
    "prepare_check",
    "prepare_script",
    "render",
    "script_for",
    "synthesize",
    "warn_ignored",
    "with_verdict",
]

log = logging.getLogger(__name__)

Progress = Callable[[SynthesisProgress], None]
"""Called after the cache lookup and after each chunk is synthesized."""


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
    loudness: Loudness | None = None
    """Measured on the finished programme, when loudness normalization ran."""
    sidecars: tuple[Path, ...] = ()
    fitted: str | None = None
    """How fitting adjusted the programme (pause scale and speed)."""
    coverage: float = 1.0
    """Share of the article's text that was read."""
    verdict: Report | None = None
    """The written file checked against the profile's delivery spec (``settings.validate``)."""
    listened: CheckReport | None = None
    """The listen-back check of the programme (``settings.check``)."""


def load_article(source: str | Path, timeout: float = DEFAULT_TIMEOUT) -> tuple[Article, str]:
    """Read and parse an article: a .txt/.html/.docx/.md file, a URL, or ``"-"`` for stdin.

    Returns (article, source name). Raises :class:`InputError` naming the source and the fix.
    """
    from audionews.formats import load_document

    name = "<stdin>" if str(source) == "-" else str(source)
    return load_document(source, timeout=timeout), name


def choose_engine(
    name: str = "auto",
    options: EngineOptions | None = None,
    probe: Callable[[], tuple[bool, str]] | None = None,
    speed: float = 1.0,
    allow_draft: bool = True,
) -> tuple[Engine, str]:
    """Create the engine to use and say why. ``auto``: gtts if Google answers, else an
    installed Piper voice, else eSpeak NG (a draft voice; refused unless ``allow_draft``).

    ``speed`` goes to an engine that paces itself (see ``EngineSpec.native_speed``).
    """
    options = options or EngineOptions()

    def create(engine: str, opts: EngineOptions) -> Engine:
        return create_engine(engine, engine_spec(engine).with_speed(opts, speed))

    if name != "auto":
        return create(name, options), "asked for by name"
    if probe is None:
        from audionews.engines.google import endpoint_reachable

        def probe() -> tuple[bool, str]:
            return endpoint_reachable(options.tld)

    reachable, why = probe()
    if reachable:
        return create("gtts", options), f"auto: {why}"
    installed = _installed_piper_voice()
    if installed is not None:
        from dataclasses import replace as with_fields

        piper = with_fields(options, voice=installed, voice_model=None)
        return create("piper", piper), f"auto: {why}; using the installed voice {installed}"
    if not allow_draft:
        raise EngineUnavailable(
            f"auto: {why}, no neural voice is installed, and the draft voice is not allowed. "
            "Download an offline voice once (voices download vi_VN-vais1000-medium).",
            setting="engine",
        )
    voice_ok = options.voice is None or options.voice in ENGINES["espeak"].voices
    return create("espeak", options if voice_ok else EngineOptions()), (
        f"auto: {why}; using the offline draft voice"
    )


def _installed_piper_voice() -> str | None:
    """The first installed Piper voice, when onnxruntime can run it; else None."""
    if ENGINES["piper"].unusable_reason() is not None:
        return None
    from audionews.voices import installed_voices

    voices = installed_voices()
    return voices[0].name if voices else None


Warn = Callable[[str, str], None]
"""Called with (setting, message) for a setting that does nothing in this render."""


def _log_warning(_setting: str, message: str) -> None:
    log.warning("%s", message)


def warn_ignored(settings: RenderSettings, tts: Engine, on_warning: Warn | None = None) -> None:
    """Say which given settings do nothing with this engine and output (logged by default)."""
    for setting, message in settings.ignored(engine_spec(tts.name)):
        if on_warning is not None:
            on_warning(setting, message)
        else:
            log.warning("%s", message)


def open_engine(settings: RenderSettings) -> tuple[Engine, str]:
    """The engine ``settings`` ask for, with its reason."""
    return choose_engine(
        settings.engine,
        settings.engine_options,
        speed=settings.speed,
        allow_draft=settings.allow_draft,
    )


def heading_engine(tts: Engine, settings: RenderSettings) -> Engine | None:
    """The same engine with the heading voice, when ``settings`` give one."""
    if settings.heading_voice is None:
        return None
    spec = engine_spec(tts.name)
    options = spec.with_voice(settings.engine_options_for(spec), settings.heading_voice)
    heading = create_engine(tts.name, options)
    if heading.sample_rate != tts.sample_rate:
        raise ConfigError(
            "the heading voice must have the body voice's sample rate.", setting="heading_voice"
        )
    return heading


def prepare_script(
    article: Article,
    engine_max_chars: int,
    settings: RenderSettings | None = None,
    foreign: str | None = None,
) -> Script:
    """The spoken script of ``article`` (with the settings' title, byline and date), chunked
    for an engine; ``foreign`` names are read as the engine needs (default: the settings')."""
    settings = settings or RenderSettings()
    return build_script(
        settings.overrides(article),
        max_chars=engine_max_chars,
        read_captions=settings.read_captions,
        keep_all=settings.keep_all,
        lexicon_files=settings.lexicons,
        foreign=foreign or settings.foreign or "keep",
    )


def script_for(article: Article, tts: Engine, settings: RenderSettings) -> Script:
    """The spoken script of ``article`` as ``tts`` will read it (its chunk limit, and foreign
    names respelled when it reads English badly)."""
    spec = engine_spec(tts.name)
    return prepare_script(article, tts.max_chars, settings, settings.foreign_for(spec))


WARN_DROPPED = 0.25
"""Share of the article's text dropped above which ``make`` warns and names the lines..."""
STOP_DROPPED = 0.5
"""...and above which it stops, unless every line is to be read (``keep_all``)."""


def check_coverage(script: Script, source: str, settings: RenderSettings, warn: Warn) -> None:
    """Guard against losing the story: warn when over a quarter of the text is dropped, stop
    (InputError, nothing written) over a half, naming the lines either way."""
    dropped = 1.0 - script.coverage
    if settings.keep_all or dropped <= WARN_DROPPED:
        return
    story = [d for d in script.dropped if d.kind.value not in ("widget", "duplicate")]
    lines = "\n".join(f"  line {d.line}: {d.text[:70]!r} ({d.reason})" for d in story[:12])
    more = f"\n  ... and {len(story) - 12} more" if len(story) > 12 else ""
    if dropped > STOP_DROPPED:
        raise InputError(
            f"{source}: {dropped:.0%} of the article's text would be dropped, so the programme "
            f"would lose the story. Dropped:\n{lines}{more}\nCheck them with the script "
            "command; to read every line anyway, keep all lines.",
            setting="keep_all",
        )
    warn("keep_all", f"{dropped:.0%} of the article's text is dropped:\n{lines}{more}")


HEADING_KINDS = frozenset({"title", "date", "heading"})
"""Pieces read by the heading voice when one is given."""


def synthesize(
    script: Script,
    engine: Engine,
    settings: RenderSettings | None = None,
    progress: Progress | None = None,
    stats: SynthesisStats | None = None,
    heading_engine: Engine | None = None,
) -> list[Audio]:
    """Speak every chunk of ``script`` with ``engine``, in order (cached, concurrent, retried).

    With ``heading_engine`` (the same engine with another voice), titles, the date and
    headings are read by it.
    """
    clips: list[Audio | None] = [None] * len(script.chunks)
    for i, audio in _synthesized(script, engine, settings, progress, stats, heading_engine):
        clips[i] = audio
    return [a for a in clips if a is not None]


WINDOW_CHARS = 8000
"""Long scripts are synthesized this many characters at a time (about 10 minutes of speech),
so only one window's clips are in memory before they are spooled to disk."""


def _windows(indices: list[int], texts: list[str], limit: int | None) -> list[list[int]]:
    if limit is None:
        return [indices]
    out: list[list[int]] = [[]]
    size = 0
    for i in indices:
        if out[-1] and size + len(texts[i]) > limit:
            out.append([])
            size = 0
        out[-1].append(i)
        size += len(texts[i])
    return out


def _synthesized(
    script: Script,
    engine: Engine,
    settings: RenderSettings | None = None,
    progress: Progress | None = None,
    stats: SynthesisStats | None = None,
    heading_engine: Engine | None = None,
    window: int | None = None,
) -> Iterator[tuple[int, Audio]]:
    """(chunk index, audio) for every chunk, a window of ``window`` characters at a time
    (all at once when None), heading chunks by ``heading_engine``."""
    settings = settings or RenderSettings()
    texts = [c.text for c in script.chunks]
    everything = list(range(len(texts)))
    groups = [(engine, everything)]
    if heading_engine is not None:
        kinds = [p.kind for ch in script.chapters for p in ch.pieces for _ in p.chunks]
        groups = [
            (heading_engine, [i for i, k in enumerate(kinds) if k in HEADING_KINDS]),
            (engine, [i for i, k in enumerate(kinds) if k not in HEADING_KINDS]),
        ]
    done = 0
    total = SynthesisStats()
    cache = settings.cache()
    for tts, group in groups:
        for indices in _windows(group, texts, window):
            if not indices:
                continue
            part = SynthesisStats()

            def relay(p: SynthesisProgress, base: int = done) -> None:
                if progress is not None:
                    progress(SynthesisProgress(base + p.done, len(texts), total.cached + p.cached))

            audio = synthesize_chunks(
                [texts[i] for i in indices],
                tts,
                cache=cache,
                jobs=settings.jobs,
                retry=settings.retry,
                progress=relay,
                stats=part,
            )
            done += len(indices)
            total.cached += part.cached
            total.synthesized += part.synthesized
            total.retries += part.retries
            total.rate_limited += part.rate_limited
            yield from zip(indices, audio, strict=True)
    if stats is not None:
        stats.total, stats.cached = len(texts), total.cached
        stats.synthesized, stats.retries = total.synthesized, total.retries
        stats.rate_limited = total.rate_limited


def make(
    source: str | Path,
    settings: RenderSettings | None = None,
    *,
    output: str | Path | None = None,
    engine: str | None = None,
    engine_options: EngineOptions | None = None,
    progress: Progress | None = None,
    on_engine: Callable[[str, str], None] | None = None,
    tts: tuple[Engine, str] | None = None,
    on_warning: Warn | None = None,
) -> MakeResult:
    """Turn the article at ``source`` into a programme (MP3 or Broadcast WAV) with chapters.

    ``output``, ``engine`` and ``engine_options`` are shorthands for the same fields of
    ``settings``. Returns where and what was written. The output file (and each sidecar) is
    written atomically; nothing is written when any stage fails. ``tts`` passes an engine
    already chosen (with its reason), as batches do.
    """
    started = time.perf_counter()
    settings = settings or RenderSettings()
    if output is not None:
        settings = replace(settings, output=Path(output))
    if engine is not None:
        settings = replace(settings, engine=engine)
    if engine_options is not None:
        settings = replace(settings, engine_options=engine_options)
    article, _ = load_article(source, timeout=settings.engine_options.timeout)
    return make_article(
        article,
        str(source),
        settings,
        progress=progress,
        on_engine=on_engine,
        tts=tts,
        on_warning=on_warning,
        started=started,
    )


def make_article(
    article: Article,
    source: str,
    settings: RenderSettings,
    *,
    progress: Progress | None = None,
    on_engine: Callable[[str, str], None] | None = None,
    tts: tuple[Engine, str] | None = None,
    on_warning: Warn | None = None,
    started: float | None = None,
) -> MakeResult:
    """:func:`make` for an article already loaded (``source`` names it in messages)."""
    started = time.perf_counter() if started is None else started
    settings = prepare_check(settings)
    engine_obj, reason = tts or open_engine(settings)
    if on_engine is not None:
        on_engine(engine_obj.name, reason)
    if tts is None:  # a batch warns once for all its inputs
        warn_ignored(settings, engine_obj, on_warning)
    script = script_for(article, engine_obj, settings)
    if not script.chunks:
        raise InputError(f"{source}: nothing to read after cleaning the article.")
    check_coverage(script, source, settings, on_warning or _log_warning)
    heading = heading_engine(engine_obj, settings)
    with programme_unit():  # the programme and its sidecars: all or none
        result = render(
            script, engine_obj, reason, settings, progress, started, heading_tts=heading
        )
    return listen_back(with_verdict(result, settings), settings)


def prepare_check(settings: RenderSettings) -> RenderSettings:
    """With ``settings.check``: fail now when no recognizer is installed (not after the
    render), and make sure the manifest the check reads is written."""
    if not settings.check:
        return settings
    from audionews.asr import RecognizerUnavailable, recognizer_available

    ok, why = recognizer_available()
    if not ok:
        raise RecognizerUnavailable(f"cannot listen back: {why}", setting="check")
    if "manifest" in settings.sidecars:
        return settings
    return replace(settings, sidecars=(*settings.sidecars, "manifest"))


def listen_back(result: MakeResult, settings: RenderSettings) -> MakeResult:
    """``result`` with the listen-back check of its programme, when settings ask
    (writes ``X.check.json`` beside it)."""
    if not settings.check:
        return result
    from audionews.check import check_programme

    started = time.perf_counter()
    report = check_programme(result.path)
    return replace(result, listened=report, seconds=result.seconds + time.perf_counter() - started)


def with_verdict(result: MakeResult, settings: RenderSettings) -> MakeResult:
    """``result`` with its file checked against the profile's spec, when settings ask."""
    if not settings.validate:
        return result
    from audionews.validate import validate

    started = time.perf_counter()
    # the loudness on the result was measured on the file as written: no need to decode it again
    report = validate(result.path, settings.profile, measured=result.loudness)
    return replace(result, verdict=report, seconds=result.seconds + time.perf_counter() - started)


def _speech_loudness(clips: ClipStore, rate: int) -> float | None:
    """The voice's loudness from up to a minute of its first chunks (to level a sting)."""
    import numpy as np

    from audionews.loudness import integrated_loudness

    taken, parts = 0, []
    for i in range(len(clips)):
        part = clips[i].to_float()
        parts.append(part)
        taken += len(part)
        if taken >= 60 * rate:
            break
    level = integrated_loudness(np.concatenate(parts), rate) if taken > rate else -100.0
    return level if level > -70.0 else None


_AFTER_SYNTHESIS = ("soxr", "lameenc", "miniaudio", "mutagen.id3")
"""Modules a render needs only once the speech is made (resampling, encoding, measuring the
file, tagging)."""


def _import_ahead(settings: RenderSettings) -> threading.Thread | None:
    """Import, in a thread, what the render needs after synthesis and has not imported yet
    (the first render in a process: about 70 ms), while the engine speaks outside Python.
    The render joins it before it returns (no thread outlives a render, e.g. into a fork)."""
    import sys

    names = [*_AFTER_SYNTHESIS, *(("audionews.validate",) if settings.validate else ())]
    missing = [name for name in names if name not in sys.modules]
    if not missing:
        return None

    def run() -> None:
        import importlib

        for name in missing:
            try:
                importlib.import_module(name)
            except Exception:  # the render imports it again, and says why
                continue

    thread = threading.Thread(target=run, name="audionews-import-ahead")
    thread.start()
    return thread


def render(
    script: Script,
    tts: Engine,
    reason: str,
    settings: RenderSettings,
    progress: Progress | None = None,
    started: float | None = None,
    sting: Path | None = None,
    heading_tts: Engine | None = None,
) -> MakeResult:
    """Synthesize, assemble, master and write a prepared script (and its sidecars)."""
    started = time.perf_counter() if started is None else started
    ahead = _import_ahead(settings)
    try:
        with tempfile.TemporaryDirectory(prefix="audionews-") as folder:
            return _render(
                script, tts, reason, settings, progress, started, sting, heading_tts, Path(folder)
            )
    finally:
        if ahead is not None:
            ahead.join()


def _render(
    script: Script,
    tts: Engine,
    reason: str,
    settings: RenderSettings,
    progress: Progress | None,
    started: float,
    sting: Path | None,
    heading_tts: Engine | None,
    spool: Path,
) -> MakeResult:
    article = script.article
    target = settings.target(article.title)
    spec = engine_spec(tts.name)
    stats = SynthesisStats()
    clips = ClipStore(spool, len(script.chunks))
    for i, audio in _synthesized(
        script, tts, settings, progress, stats, heading_tts, window=WINDOW_CHARS
    ):
        clips.put(i, audio)
    clips.close()

    rate = clips.rate
    pacing = settings.pacing_for(spec)
    mastering = settings.mastering
    sting_audio = load_audio_file(sting, rate) if sting is not None else None
    if sting_audio is not None and mastering.match_levels:
        sting_audio = match_level(sting_audio, rate, _speech_loudness(clips, rate))
    fitted: str | None = None
    if settings.fit is None:
        prepared = prepare_spooled(clips, pacing, spool)
        programme = join_signal(script, prepared, rate, pacing, sting_audio)
    else:
        fixed = added_seconds(mastering, rate)
        programme, fitted = fit(script, clips, pacing, settings.fit, fixed, sting_audio, spool)

    encoder = (
        f"audionews {__version__} ({tts.version}"
        f"{', LAME' if settings.output_format == 'mp3' else ''})"
    )
    tags = Tags.for_article(
        article,
        album=settings.album,
        publisher=settings.publisher,
        encoder=encoder,
        artist=settings.artist,
        cover=settings.cover,
    )
    mastered, heard = master_and_write(programme, settings, tags, target, spool)
    chapters, chunks = mastered.chapters, mastered.chunks
    duration = mastered.duration
    if heard is not None:
        chapters = heard.chapters(chapters)
        duration = heard(duration * 1000) / 1000  # as heard: encoder delay and any cut
        chunks = tuple(
            replace(c, start_ms=heard(c.start_ms), end_ms=heard(c.end_ms)) for c in chunks
        )

    written: list[Path] = []
    if settings.sidecars:
        voice = tts.voice if heading_tts is None else f"{tts.voice}; headings {heading_tts.voice}"
        ctx = SidecarContext(
            audio_path=target,
            title=article.title,
            chapters=chapters,
            chunks=chunks,
            script=script,
            duration=duration,
            artist=tags.artist,
            engine=tts.name,
            voice=voice,
            settings=settings.record(mastered.rate, fitted),
            loudness=asdict(mastered.loudness) if mastered.loudness else None,
            engine_note=DRAFT_NOTE if engine_spec(tts.name).draft else None,
            subtitle_text=settings.subtitles,
        )
        written = write_sidecars(ctx, settings.sidecars)
    return MakeResult(
        path=target,
        duration=duration,
        chapters=chapters,
        engine=tts.name,
        engine_reason=reason,
        chunks=len(clips),
        seconds=time.perf_counter() - started,
        cached=stats.cached,
        retries=stats.retries,
        loudness=mastered.loudness,
        sidecars=tuple(written),
        fitted=fitted,
        coverage=script.coverage,
    )
