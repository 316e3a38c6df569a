"""How a programme is made: one settings object, built from a profile plus overrides.

Every front end (the CLI, the desk, a Python caller) makes a :class:`RenderSettings`, usually
with :meth:`RenderSettings.build`, which takes the same flat names as the command line and
parses durations and lists. A setting left at None takes the profile's value; the output's
extension gives the format when none is set. Engine facts come from the engine registry.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from audionews.assemble import Pacing, Pauses
from audionews.defaults import (
    DEFAULT_BITRATE,
    DEFAULT_ENGINE,
    DEFAULT_JOBS,
    DEFAULT_OUTPUT_DIR,
    DEFAULT_PROFILE,
    DEFAULT_TIMEOUT,
)
from audionews.engines import EngineOptions, EngineSpec, engine_spec
from audionews.errors import ConfigError
from audionews.master import MasterSettings
from audionews.profiles import PROFILES, Profile
from audionews.sidecars import SIDECARS
from audionews.synthesize import RetryPolicy

if TYPE_CHECKING:
    from audionews.article import Article
    from audionews.cache import ChunkCache

__all__ = [
    "DEFAULT_BITRATE",
    "DEFAULT_OUTPUT_DIR",
    "DEFAULT_TIMEOUT",
    "FORMATS",
    "SPEED_RANGE",
    "RenderSettings",
    "parse_duration",
    "parse_sidecars",
]

FORMATS = ("mp3", "wav", "m4a")
SPEED_RANGE = (0.8, 1.3)
_ENGINE_FIELDS = frozenset(f.name for f in fields(EngineOptions)) - {"speed"}
"""Engine options given flat to build(); speed is a render setting (see engine_options_for)."""


def parse_duration(value: str | float) -> float:
    """ "2:30" -> 150.0, "1:02:03" -> 3723.0, "95" or 95 -> 95.0; a clear error otherwise."""
    if isinstance(value, (int, float)):
        seconds = float(value)
    else:
        try:
            parts = [float(p) for p in value.strip().split(":")]
        except ValueError:
            raise ConfigError(
                f"fit {value!r}: give a duration like 2:30 or 150.", setting="fit"
            ) from None
        seconds = 0.0
        for part in parts:
            seconds = seconds * 60 + part
    if not math.isfinite(seconds) or seconds <= 0:
        raise ConfigError(
            f"fit {value!r}: the duration must be positive, like 2:30 or 150.", setting="fit"
        )
    return seconds


def parse_sidecars(value: str | Sequence[str] | None) -> tuple[str, ...]:
    """ "all", "srt,vtt" or a list of names -> the sidecar names, checked."""
    if not value:
        return ()
    items = value.split(",") if isinstance(value, str) else list(value)
    names = [t.strip().lower() for t in items if t.strip()]
    if "all" in names:
        return SIDECARS
    unknown = [n for n in names if n not in SIDECARS]
    if unknown:
        raise ConfigError(
            f"unknown sidecar {unknown[0]!r}. Choose from: {', '.join(SIDECARS)}, all.",
            setting="sidecars",
        )
    return tuple(dict.fromkeys(names))


def _is_folder(output: Path) -> bool:
    """An existing folder, a name ending in a separator, or a name without an extension."""
    return output.is_dir() or str(output).endswith(("/", "\\")) or not output.suffix


@dataclass(frozen=True)
class RenderSettings:
    """Everything about how a programme is made, apart from the article itself."""

    profile: str = DEFAULT_PROFILE
    """Delivery defaults (see :data:`audionews.profiles.PROFILES`)."""
    engine: str = DEFAULT_ENGINE
    """Speech engine name, or ``auto``."""
    engine_options: EngineOptions = field(default_factory=EngineOptions)
    heading_voice: str | None = None
    """Another voice of the same engine for the title, date and headings."""
    output: Path | None = None
    """Output file (.mp3/.wav/.m4a) or folder; None: ``output/<slug of the title>.<format>``."""
    format: str | None = None
    """mp3 or wav; None: the output's extension, else the profile's."""
    bitrate: int | None = None
    """MP3 bitrate in kbps (CBR, mono); None: the profile's (see ``kbps``)."""
    vbr_quality: int | None = None
    """MP3 VBR quality 0 (best) to 9; None: CBR at ``bitrate``."""
    bits: int | None = None
    """WAV bit depth (16 or 24); None: the profile's."""
    loudness: float | None = None
    """Integrated loudness target, LUFS; None: the profile's."""
    true_peak: float | None = None
    """True-peak ceiling, dBTP; None: the profile's."""
    sample_rate: int | None = None
    """Output sample rate; None: the profile's, else the engine's."""
    intro: Path | None = None
    outro: Path | None = None
    bed: Path | None = None
    """Music under the opening chapter, ducked under the voice."""
    keep_levels: bool = False
    """Keep intro, outro, sting and bed at their own levels instead of matching them to the
    voice."""
    speed: float = 1.0
    """Voice speed (0.8 to 1.3), pitch preserved: the engine's own pace when it has one, else
    a time-stretch."""
    fit: float | None = None
    """Target duration in seconds: pauses and speed are adjusted to land on it (+-1 s)."""
    pauses: Pauses = field(default_factory=Pauses)
    sidecars: tuple[str, ...] = ()
    """Sidecar files to write: srt, vtt, chapters, labels, cue, manifest."""
    subtitles: str = "written"
    """SRT/VTT text: "written" (as the article prints it, for transcripts) or "spoken"."""
    read_captions: bool = False
    """Read photo captions where they stand (dropped by default)."""
    foreign: str | None = None
    """Foreign names: "keep" or "respell"; None: respell for engines that read English badly."""
    keep_all: bool = False
    """Read every line that has words, dropped or not (and skip the coverage guard)."""
    title: str | None = None
    """The programme's title, read first and used for tags and the file name; None: the
    headline found, else a short form of the first sentence."""
    byline: str | None = None
    """The byline, read at the end; None: the one found."""
    date: str | None = None
    """The programme's date ("23/10/2020", "23/10/2020 06:26" or "2020-10-23"); None: found."""
    artist: str | None = None
    """ID3 artist; None: the byline's names."""
    cover: Path | None = None
    """Cover art (JPEG or PNG) for the MP3/M4A tags."""
    album: str | None = None
    """ID3 album (e.g. the programme or show name)."""
    publisher: str | None = None
    """ID3 publisher (e.g. the newspaper)."""
    lexicon_files: tuple[Path, ...] = ()
    """User pronunciation lexicons (TOML), winning over the built-in one."""
    jobs: int = DEFAULT_JOBS
    """Requests at once for online engines (offline engines run one chunk at a time)."""
    use_cache: bool = True
    """Reuse and keep synthesized chunks (resume, incremental re-render)."""
    cache_dir: Path | None = None
    """Chunk cache location; None: $AUDIONEWS_CACHE_DIR or the user cache directory."""
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    validate: bool = True
    """Check the written file against the profile's delivery spec (see :mod:`validate`)."""
    allow_draft: bool = True
    """``auto`` may fall back to the draft voice (eSpeak NG) when nothing better is at hand."""
    check: bool = False
    """Listen back: transcribe the programme and compare it with its script (needs the
    ``check`` extra; writes the manifest sidecar and ``X.check.json``)."""

    def __post_init__(self) -> None:
        if self.profile not in PROFILES:
            raise ConfigError(
                f"unknown profile {self.profile!r}. Choose one of: {', '.join(PROFILES)}.",
                setting="profile",
            )
        if self.engine != "auto":
            engine_spec(self.engine)
        timeout = self.engine_options.timeout
        if not (math.isfinite(timeout) and timeout > 0):
            raise ConfigError(
                f"timeout {timeout!r}: give a positive number of seconds.", setting="timeout"
            )
        if not 1 <= self.jobs <= 32:
            raise ConfigError("jobs must be between 1 and 32.", setting="jobs")
        lo, hi = SPEED_RANGE
        if not (math.isfinite(self.speed) and lo <= self.speed <= hi):
            raise ConfigError(
                f"speed {self.speed} is out of range ({lo} to {hi}).", setting="speed"
            )
        if self.format is not None and self.format not in FORMATS:
            raise ConfigError(
                f"format {self.format!r} is not supported (mp3, wav or m4a).", setting="format"
            )
        if self.bits is not None and self.bits not in (16, 24):
            raise ConfigError(f"bit depth {self.bits} is not supported (16 or 24).", setting="bits")
        if self.fit is not None:
            parse_duration(self.fit)
        parse_sidecars(self.sidecars)
        self._check_output()
        self._check_article_settings()
        self.mastering  # noqa: B018 - validates loudness, true peak and sample rate now

    def _check_article_settings(self) -> None:
        """Foreign-name mode, date, cover image, subtitle text: errors before rendering."""
        if self.subtitles not in ("written", "spoken"):
            raise ConfigError(
                f"subtitles {self.subtitles!r}: choose written or spoken.", setting="subtitles"
            )
        if self.cover is not None:
            from audionews.export import Cover

            Cover.load(self.cover)
        if self.foreign is not None and self.foreign not in ("keep", "respell"):
            raise ConfigError(
                f"foreign {self.foreign!r}: choose keep or respell.", setting="foreign"
            )
        if self.date is not None:
            from audionews.article import Article, apply_overrides

            try:
                apply_overrides(Article(title="x"), date=self.date)
            except ValueError as exc:
                raise ConfigError(str(exc), setting="date") from None

    def _check_output(self) -> None:
        """An output file must be .mp3, .wav or .m4a, and agree with the format when one is set."""
        if self.output is None or _is_folder(Path(self.output)):
            return
        ext = Path(self.output).suffix.lower().lstrip(".")
        if ext not in FORMATS:
            raise ConfigError(
                f"{self.output}: the output must be an .mp3, .wav or .m4a file, or a folder.",
                setting="output",
            )
        if self.format is not None and self.format != ext:
            raise ConfigError(
                f"{self.output}: the file name says {ext} but the format is {self.format}.",
                setting="format",
            )

    @classmethod
    def build(
        cls,
        profile: str = DEFAULT_PROFILE,
        *,
        fit: str | float | None = None,
        sidecars: str | Sequence[str] | None = None,
        pause_sentence: int | None = None,
        pause_paragraph: int | None = None,
        pause_section: int | None = None,
        lexicon: Sequence[Path] | None = None,
        no_cache: bool = False,
        speaker: int | str | None = None,
        output: str | Path | None = None,
        vbr: int | None = None,
        **overrides: Any,
    ) -> RenderSettings:
        """Settings from a profile plus overrides, named as on the command line.

        Engine options (voice, tld, slow, timeout, voice_model, speaker, rate, pitch) are
        given flat; ``fit`` takes "M:SS" or seconds; ``sidecars`` takes "all", "srt,vtt" or a
        list; None leaves a value at its default.
        """
        engine_values = {k: overrides.pop(k) for k in list(overrides) if k in _ENGINE_FIELDS}
        if speaker is not None:
            engine_values["speaker"] = int(speaker) if str(speaker).isdigit() else speaker
        unknown = set(overrides) - {f.name for f in fields(cls)}
        if unknown:
            raise ConfigError(f"unknown setting {sorted(unknown)[0]!r}.")
        values = {k: v for k, v in overrides.items() if v is not None}
        if vbr is not None:
            values["vbr_quality"] = vbr
        pauses = {
            name: ms
            for name, ms in (
                ("sentence", pause_sentence),
                ("paragraph", pause_paragraph),
                ("section", pause_section),
            )
            if ms is not None
        }
        if pauses:
            try:
                values["pauses"] = replace(values.get("pauses", Pauses()), **pauses)
            except ValueError as exc:
                raise ConfigError(str(exc), setting="pauses") from None
        return cls(
            profile=profile,
            engine_options=EngineOptions(
                **{k: v for k, v in engine_values.items() if v is not None}
            ),
            fit=parse_duration(fit) if fit is not None else None,
            sidecars=parse_sidecars(sidecars),
            lexicon_files=tuple(lexicon or ()),
            use_cache=not no_cache,
            output=Path(output) if output is not None else None,
            **values,
        )

    # Resolved values: the setting, else the profile's.

    @property
    def profile_spec(self) -> Profile:
        return PROFILES[self.profile]

    @property
    def lexicons(self) -> tuple[Path, ...]:
        """The lexicons a render reads: the user's own (``audionews lexicon add``), when it
        exists, then those given, which win over it."""
        from audionews.userlexicon import default_user_lexicon_path

        user = default_user_lexicon_path()
        mine = (user,) if user.is_file() and user not in self.lexicon_files else ()
        return (*mine, *self.lexicon_files)

    @property
    def kbps(self) -> int:
        """The MP3 bitrate: the setting, else the profile's, else the default."""
        return self.bitrate or self.profile_spec.bitrate or DEFAULT_BITRATE

    @property
    def bit_depth(self) -> int:
        return self.bits or self.profile_spec.bits

    @property
    def mastering(self) -> MasterSettings:
        p = self.profile_spec
        return MasterSettings(
            loudness=p.loudness if self.loudness is None else self.loudness,
            true_peak=p.true_peak if self.true_peak is None else self.true_peak,
            sample_rate=self.sample_rate or p.sample_rate,
            intro=self.intro,
            outro=self.outro,
            bed=self.bed,
            match_levels=not self.keep_levels,
        )

    @property
    def output_is_file(self) -> bool:
        return self.output is not None and not _is_folder(Path(self.output))

    @property
    def output_format(self) -> str:
        """The format written: the setting, else the output's extension, else the profile's."""
        if self.format is not None:
            return self.format
        if self.output is not None and self.output_is_file:
            return Path(self.output).suffix.lower().lstrip(".")
        return self.profile_spec.format

    def target(self, title: str) -> Path:
        """Where the programme titled ``title`` is written."""
        if self.output is not None and self.output_is_file:
            return Path(self.output)
        from audionews.export import slugify

        folder = DEFAULT_OUTPUT_DIR if self.output is None else Path(self.output)
        return folder / f"{slugify(title)}.{self.output_format}"

    # What the chosen engine needs.

    def engine_options_for(self, spec: EngineSpec) -> EngineOptions:
        """The engine's options, with the speed when the engine paces itself."""
        return spec.with_speed(self.engine_options, self.speed)

    def foreign_for(self, spec: EngineSpec) -> str:
        """How this render reads foreign names with this engine."""
        if self.foreign is not None:
            return self.foreign
        return "keep" if spec.reads_english else "respell"

    def pacing_for(self, spec: EngineSpec) -> Pacing:
        """How chunks are joined; no time-stretch for an engine that paces itself."""
        return Pacing(pauses=self.pauses, speed=1.0 if spec.native_speed else self.speed)

    def overrides(self, article: Article) -> Article:
        """``article`` with the title, byline and date given here winning over those found."""
        from audionews.article import apply_overrides

        return apply_overrides(article, title=self.title, byline=self.byline, date=self.date)

    def ignored(self, spec: EngineSpec) -> list[tuple[str, str]]:
        """(setting, why) for each setting given that does nothing in this render."""
        out: list[tuple[str, str]] = []
        defaults = EngineOptions()
        for name in sorted(_ENGINE_FIELDS - {"voice", "timeout"} - set(spec.options)):
            if getattr(self.engine_options, name) != getattr(defaults, name):
                out.append((name, f"{name} does nothing for engine {spec.name}"))
        fmt = self.output_format
        if fmt == "mp3" and self.vbr_quality is not None and self.bitrate is not None:
            out.append(("bitrate", "bitrate does nothing with VBR (vbr_quality sets the quality)"))
        if fmt != "mp3":
            if self.bitrate is not None and fmt == "wav":
                out.append(("bitrate", f"bitrate does nothing for {fmt} output"))
            if self.vbr_quality is not None:
                out.append(("vbr_quality", f"vbr_quality does nothing for {fmt} output"))
        if fmt == "mp3" and self.bits is not None:
            out.append(("bits", "bits (WAV bit depth) does nothing for mp3 output"))
        return out

    def cache(self) -> ChunkCache | None:
        from audionews.cache import ChunkCache

        return ChunkCache(self.cache_dir) if self.use_cache else None

    def record(self, rate: int, fitted: str | None) -> dict[str, object]:
        """What the manifest records of these settings, as resolved for one render."""
        m = self.mastering
        fmt = self.output_format
        return {
            "profile": self.profile,
            "format": fmt,
            "sample_rate": rate,
            "bitrate": self.kbps if fmt in ("mp3", "m4a") else None,
            "vbr_quality": self.vbr_quality if fmt == "mp3" else None,
            "bits": self.bit_depth if fmt == "wav" else None,
            "loudness_target": m.loudness,
            "true_peak_ceiling": m.true_peak,
            "speed": self.speed,
            "pauses_ms": {f.name: getattr(self.pauses, f.name) for f in fields(self.pauses)},
            "fit": self.fit,
            "fitted": fitted,
            "intro": str(m.intro) if m.intro else None,
            "outro": str(m.outro) if m.outro else None,
            "bed": str(m.bed) if m.bed else None,
            "read_captions": self.read_captions,
            "keep_all": self.keep_all,
        }
