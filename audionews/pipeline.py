"""The whole job, as a library: article file in, MP3 programme out.

    read -> article -> script (normalize + segment) -> synthesize -> assemble -> export

Every function here is what the CLI calls; Python users can call them directly.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import numpy as np

from audionews import __version__
from audionews.article import Article
from audionews.assemble import (
    ChapterMark,
    Pacing,
    Pauses,
    Programme,
    join,
    pause_seconds,
    prepare_clips,
)
from audionews.cache import ChunkCache
from audionews.engines import ENGINES, Audio, Engine, EngineOptions, create_engine
from audionews.errors import ConfigError, InputError
from audionews.export import (
    Tags,
    mp3_loudness_loss,
    slugify,
    write_mp3_timed,
    write_wav,
)
from audionews.loudness import Loudness
from audionews.master import Mastered, MasterSettings, master
from audionews.script import Script, build_script
from audionews.sidecars import SIDECARS, SidecarContext, write_sidecars
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
    format: str | None = None
    """"mp3" or "wav"; None: from the output file's extension, else mp3."""
    vbr_quality: int | None = None
    """MP3 VBR quality 0 (best) to 9; None: CBR at ``bitrate``."""
    bits: int = 24
    """WAV bit depth (16 or 24)."""
    mastering: MasterSettings = field(default_factory=MasterSettings)
    """Loudness, true peak, sample rate, intro/outro, music bed."""
    speed: float = 1.0
    """Time-stretch of the voice, pitch preserved (0.8 to 1.3)."""
    fit: float | None = None
    """Target duration in seconds: pauses and speed are adjusted to land on it (+-1 s)."""
    sidecars: tuple[str, ...] = ()
    """Sidecar files to write: srt, vtt, chapters, labels, cue, manifest."""
    heading_voice: str | None = None
    """Another voice of the same engine for the title, date and headings."""
    profile: str = "podcast"
    """Name of the profile the defaults came from (recorded in the manifest)."""

    def __post_init__(self) -> None:
        if not 1 <= self.jobs <= 32:
            raise ConfigError("jobs must be between 1 and 32.")
        if not 0.8 <= self.speed <= 1.3:
            raise ConfigError(f"speed {self.speed} is out of range (0.8 to 1.3).")
        if self.format not in (None, "mp3", "wav"):
            raise ConfigError(f"format {self.format!r} is not supported (mp3 or wav).")
        if self.fit is not None and self.fit <= 0:
            raise ConfigError("--fit needs a positive duration, like 2:30 or 150.")
        unknown = set(self.sidecars) - set(SIDECARS)
        if unknown:
            raise ConfigError(
                f"unknown sidecar {sorted(unknown)[0]!r}. Choose from: {', '.join(SIDECARS)}, all."
            )

    def pacing(self) -> Pacing:
        return Pacing(pauses=self.pauses, speed=self.speed)

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
    loudness: Loudness | None = None
    """Measured on the finished programme, when loudness normalization ran."""
    sidecars: tuple[Path, ...] = ()
    fitted: str | None = None
    """How --fit adjusted the programme (pause scale and speed)."""


def load_article(source: str | Path, timeout: float = 15.0) -> tuple[Article, str]:
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
    clips: list[Audio | None] = [None] * len(texts)
    done = 0
    total = SynthesisStats()
    for tts, indices in groups:
        if not indices:
            continue
        part = SynthesisStats()

        def relay(p: SynthesisProgress, base: int = done) -> None:
            if progress is not None:
                progress(SynthesisProgress(base + p.done, len(texts), total.cached + p.cached))

        audio = synthesize_chunks(
            [texts[i] for i in indices],
            tts,
            cache=settings.cache(),
            jobs=settings.jobs,
            retry=settings.retry,
            progress=relay,
            stats=part,
        )
        for i, a in zip(indices, audio, strict=True):
            clips[i] = a
        done += len(indices)
        total.cached += part.cached
        total.synthesized += part.synthesized
        total.retries += part.retries
        total.rate_limited += part.rate_limited
    if stats is not None:
        stats.total, stats.cached = len(texts), total.cached
        stats.synthesized, stats.retries = total.synthesized, total.retries
        stats.rate_limited = total.rate_limited
    return [a for a in clips if a is not None]


def output_path_for(
    article: Article, output: str | Path | None, fmt: str | None = None
) -> tuple[Path, str]:
    """Where to write and in which format.

    ``output/<slug>.<ext>`` by default; a folder gets ``<slug>.<ext>`` inside it; a file's
    extension gives the format unless ``fmt`` says otherwise (then they must agree); a name
    without an extension is a folder.
    """
    # A folder: existing, ending in a separator, or a name without an extension.
    if output is not None and not (
        Path(output).is_dir() or str(output).endswith(("/", "\\")) or not Path(output).suffix
    ):
        path = Path(output)
        ext = path.suffix.lower().lstrip(".")
        if ext not in ("mp3", "wav"):
            raise ConfigError(f"{path}: the output must be an .mp3 or .wav file, or a folder.")
        if fmt is not None and fmt != ext:
            raise ConfigError(f"{path}: the file name says {ext} but the format is {fmt}.")
        return path, ext
    fmt = fmt or "mp3"
    name = f"{slugify(article.title)}.{fmt}"
    folder = DEFAULT_OUTPUT_DIR if output is None else Path(output)
    return folder / name, fmt


def make(
    source: str | Path,
    output: str | Path | None = None,
    engine: str = "auto",
    engine_options: EngineOptions | None = None,
    settings: RenderSettings | None = None,
    progress: Progress | None = None,
    on_engine: Callable[[str, str], None] | None = None,
    tts: tuple[Engine, str] | None = None,
) -> MakeResult:
    """Turn the article at ``source`` into a programme (MP3 or Broadcast WAV) with chapters.

    Returns where and what was written. The output file (and each sidecar) is written
    atomically; nothing is written when any stage fails. ``tts`` passes an engine already
    chosen (with its reason), as batches do.
    """
    started = time.perf_counter()
    settings = settings or RenderSettings()
    timeout = engine_options.timeout if engine_options else 15.0
    article, _ = load_article(source, timeout=timeout)
    target, fmt = output_path_for(article, output, settings.format)
    engine_obj, reason = tts or choose_engine(engine, engine_options)
    if on_engine is not None:
        on_engine(engine_obj.name, reason)
    script = prepare_script(article, engine_obj.max_chars, settings)
    if not script.chunks:
        raise InputError(f"{source}: nothing to read after cleaning the article.")
    heading = heading_engine(engine_obj, engine_options, settings.heading_voice)
    return render(
        script, engine_obj, reason, target, fmt, settings, progress, started, heading_tts=heading
    )


def heading_engine(tts: Engine, options: EngineOptions | None, voice: str | None) -> Engine | None:
    """The same engine with the heading voice (piper: a speaker of the same voice file)."""
    if voice is None:
        return None
    options = options or EngineOptions()
    if tts.name == "piper":
        speaker: int | str = int(voice) if voice.isdigit() else voice
        other = replace(options, speaker=speaker)
    else:
        other = replace(options, voice=voice)
    heading = create_engine(tts.name, other)
    if getattr(heading, "sample_rate", None) != getattr(tts, "sample_rate", None):
        raise ConfigError("the heading voice must have the body voice's sample rate.")
    return heading


def render(
    script: Script,
    tts: Engine,
    reason: str,
    target: Path,
    fmt: str,
    settings: RenderSettings,
    progress: Progress | None = None,
    started: float | None = None,
    sting: Path | None = None,
    heading_tts: Engine | None = None,
) -> MakeResult:
    """Synthesize, assemble, master and write a prepared script (and its sidecars)."""
    started = time.perf_counter() if started is None else started
    article = script.article
    stats = SynthesisStats()
    clips = synthesize(script, tts, settings, progress, stats, heading_tts)
    programme, fitted = _assemble(script, clips, settings, sting)
    mastering = settings.mastering
    loss = 0.0
    if fmt == "mp3" and mastering.loudness is not None:
        from audionews.master import to_float

        loss = mp3_loudness_loss(
            to_float(programme),
            programme.audio.sample_rate,
            settings.bitrate,
            settings.vbr_quality,
        )
        mastering = replace(mastering, loudness=mastering.loudness + loss)
    mastered = master(programme, mastering)
    if loss and mastered.loudness is not None:  # report what the MP3 will measure
        mastered = replace(
            mastered,
            loudness=replace(mastered.loudness, integrated=mastered.loudness.integrated - loss),
        )
    if settings.fit is not None and abs(mastered.duration - settings.fit) > 1.0:
        raise ConfigError(
            f"--fit missed: {mastered.duration:.1f} s instead of {settings.fit:.1f} s."
        )
    tags = Tags(
        title=article.title,
        artist=_artist(article.byline),
        album=settings.album,
        publisher=settings.publisher,
        date=article.published,
        comment=article.lead,
        encoder=f"audionews {__version__} ({tts.version}{', LAME' if fmt == 'mp3' else ''})",
    )
    chapters, chunks = mastered.chapters, mastered.chunks
    duration = mastered.duration
    if fmt == "wav":
        write_wav(
            mastered.samples,
            mastered.rate,
            chapters,
            target,
            tags,
            settings.bits,
            mastered.loudness,
        )
    else:
        heard = write_mp3_timed(
            _as_programme(mastered), target, tags, settings.bitrate, settings.vbr_quality
        )
        chapters = heard.chapters(chapters)
        duration = heard(duration * 1000) / 1000  # as heard: encoder delay and any cut
        chunks = tuple(
            replace(c, start_ms=heard(c.start_ms), end_ms=heard(c.end_ms)) for c in chunks
        )
    written: list[Path] = []
    if settings.sidecars:
        ctx = SidecarContext(
            audio_path=target,
            title=article.title,
            chapters=chapters,
            chunks=chunks,
            script=script,
            duration=duration,
            artist=tags.artist,
            engine=tts.name,
            voice=tts.voice
            if heading_tts is None
            else f"{tts.voice}; headings {heading_tts.voice}",
            settings=_settings_record(settings, fmt, mastered.rate, fitted),
            loudness=asdict(mastered.loudness) if mastered.loudness else None,
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
    )


def _as_programme(mastered: Mastered) -> Programme:
    pcm = (np.clip(mastered.samples, -1.0, 32767 / 32768) * 32768.0).astype("<i2").tobytes()
    return Programme(Audio(pcm, mastered.rate), mastered.chapters, mastered.chunks)


def _settings_record(
    settings: RenderSettings, fmt: str, rate: int, fitted: str | None
) -> dict[str, object]:
    m = settings.mastering
    return {
        "profile": settings.profile,
        "format": fmt,
        "sample_rate": rate,
        "bitrate": settings.bitrate if fmt == "mp3" else None,
        "vbr_quality": settings.vbr_quality if fmt == "mp3" else None,
        "bits": settings.bits if fmt == "wav" else None,
        "loudness_target": m.loudness,
        "true_peak_ceiling": m.true_peak,
        "speed": settings.speed,
        "pauses_ms": asdict(settings.pauses),
        "fit": settings.fit,
        "fitted": fitted,
        "intro": str(m.intro) if m.intro else None,
        "outro": str(m.outro) if m.outro else None,
        "bed": str(m.bed) if m.bed else None,
        "read_captions": settings.read_captions,
    }


FIT_PAUSES = (0.5, 1.6)
"""--fit may scale every pause between these factors..."""
FIT_SPEED = (0.85, 1.2)
"""...and then the voice's speed between these factors."""


def _assemble(
    script: Script, clips: Sequence[Audio], settings: RenderSettings, sting: Path | None = None
) -> tuple[Programme, str | None]:
    pacing = settings.pacing()
    rate = clips[0].sample_rate
    prepared = prepare_clips(clips, pacing)
    sting_audio = None
    if sting is not None:
        from audionews.master import load_audio_file

        sting_audio = load_audio_file(sting, rate)
    if settings.fit is None:
        return join(script, prepared, rate, pacing, sting_audio), None
    extra = _extra_seconds(settings.mastering, rate)
    target = settings.fit - extra
    pauses = pause_seconds(script, pacing)
    speech = sum(x.size for x in prepared) / rate
    lo_p, hi_p = FIT_PAUSES
    lo_s, hi_s = FIT_SPEED
    fastest = speech / hi_s + pauses * lo_p
    slowest = speech / lo_s + pauses * hi_p
    if not fastest <= target <= slowest:
        raise ConfigError(
            f"cannot fit {_clock(settings.fit)}: the programme runs "
            f"{_clock(speech + pauses + extra)} at its natural pace, and pauses of "
            f"{lo_p:.0%}-{hi_p:.0%} with speed {lo_s}-{hi_s}x allow "
            f"{_clock(fastest + extra)} to {_clock(slowest + extra)}."
        )
    scale = (target - speech) / pauses if pauses else 1.0
    speed = 1.0
    if not lo_p <= scale <= hi_p:
        scale = min(hi_p, max(lo_p, scale))
        speed = speech / (target - pauses * scale)
        prepared = prepare_clips(clips, replace(pacing, speed=pacing.speed * speed))
        speech = sum(x.size for x in prepared) / rate
        scale = min(2.0, max(0.4, (target - speech) / pauses)) if pauses else 1.0
    fitted = replace(pacing, pause_scale=scale)
    note = f"pauses x{scale:.2f}, speed x{pacing.speed * speed:.3f}"
    return join(script, prepared, rate, fitted, sting_audio), note


def _extra_seconds(m: MasterSettings, rate: int) -> float:
    """Seconds that intro and outro add (they are not stretched)."""
    from audionews.master import load_audio_file

    extra = 0.0
    if m.intro is not None:
        extra += len(load_audio_file(m.intro, rate)) / rate + 0.5
    if m.outro is not None:
        extra += len(load_audio_file(m.outro, rate)) / rate
    return extra


def _clock(seconds: float) -> str:
    m, s = divmod(round(seconds), 60)
    return f"{m}:{s:02d}"


def _artist(byline: str | None) -> str | None:
    if not byline:
        return None
    text = byline.strip().strip("()").strip()
    if text.casefold().startswith("theo "):
        return text[5:].strip()
    parts = [p.strip() for p in text.replace("–", "-").split(" - ") if p.strip()]
    return ", ".join(p.title() if p.isupper() else p for p in parts)
