"""The command line: a thin layer over :mod:`audionews.pipeline`.

Heavy modules (engines, audio, tagging) are imported inside the commands, so ``--help`` is fast.
Every error the package raises on purpose is turned into one clean message and exit code here.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from audionews import __version__
from audionews.errors import AudionewsError

if TYPE_CHECKING:
    from audionews.engines import EngineOptions
    from audionews.script import Script
    from audionews.synthesize import SynthesisProgress

app = typer.Typer(
    name="audionews",
    help=(
        "Turn Vietnamese news articles into broadcast-ready MP3 programmes with chapters.\n\n"
        "Typical use: `audionews script article.txt` to check what will be read, then "
        "`audionews make article.txt` to write output/<title-slug>.mp3."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_INTERRUPTED = 130

InputArg = Annotated[
    str,
    typer.Argument(
        help="The article: a UTF-8/UTF-16 .txt file, or - to read standard input.",
        show_default=False,
    ),
]
EngineOpt = Annotated[
    str,
    typer.Option(
        "--engine",
        "-e",
        help="Speech engine: auto (gtts when Google answers, else espeak), espeak (offline) "
        "or gtts (online).",
    ),
]
VoiceOpt = Annotated[
    str | None,
    typer.Option(
        "--voice",
        help="Voice of the engine (espeak: vi, vi-VN-x-central, vi-VN-x-south). "
        "See `audionews engines`.",
        show_default=False,
    ),
]
TldOpt = Annotated[
    str,
    typer.Option("--tld", help="gtts: Google domain to use (com, com.vn, ...)."),
]
SlowOpt = Annotated[bool, typer.Option("--slow", help="gtts: read slowly.")]
CaptionsOpt = Annotated[
    bool,
    typer.Option("--read-captions", help="Read photo captions (dropped by default)."),
]
LexiconOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--lexicon",
        help="Pronunciation lexicon (TOML) that wins over the built-in one; repeatable.",
        show_default=False,
    ),
]
CacheDirOpt = Annotated[
    Path | None,
    typer.Option(
        "--cache-dir",
        envvar="AUDIONEWS_CACHE_DIR",
        help="Chunk cache folder. Default: the user cache folder (e.g. ~/.cache/audionews).",
        show_default=False,
    ),
]


def _configure_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


def _fail(message: str, code: int) -> typer.Exit:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    return typer.Exit(code)


@contextmanager
def _errors() -> Iterator[None]:
    """Turn the package's own exceptions and Ctrl-C into a message and an exit code."""
    try:
        yield
    except AudionewsError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    except KeyboardInterrupt:
        raise _fail("interrupted; no output file was written.", EXIT_INTERRUPTED) from None


def _duration(text: str) -> float:
    """ "2:30" -> 150.0, "1:02:03" -> 3723.0, "95" -> 95.0."""
    from audionews.errors import ConfigError

    try:
        parts = [float(p) for p in text.strip().split(":")]
    except ValueError:
        raise ConfigError(f"--fit {text!r}: give a duration like 2:30 or 150.") from None
    seconds = 0.0
    for part in parts:
        seconds = seconds * 60 + part
    return seconds


def _sidecar_list(text: str | None, known: tuple[str, ...]) -> tuple[str, ...]:
    if not text:
        return ()
    items = [t.strip().lower() for t in text.split(",") if t.strip()]
    if "all" in items:
        return known
    return tuple(dict.fromkeys(items))


def _engine_options(
    voice: str | None,
    tld: str,
    slow: bool,
    timeout: float,
    *,
    voice_model: Path | None = None,
    speaker: str | None = None,
    rate: str = "+0%",
    pitch: str = "+0Hz",
    speed: float = 1.0,
) -> EngineOptions:
    from audionews.engines import EngineOptions

    who: int | str | None = int(speaker) if speaker and speaker.isdigit() else speaker
    return EngineOptions(
        voice=voice,
        tld=tld,
        slow=slow,
        timeout=timeout,
        voice_model=voice_model,
        speaker=who,
        rate=rate,
        pitch=pitch,
    )


def _version(value: bool) -> None:
    if value:
        typer.echo(f"audionews {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log what happens (to stderr).")
    ] = False,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="A TOML config file to use instead of ./audionews.toml and the user config.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Turn Vietnamese news articles into broadcast-ready MP3 programmes with chapters."""
    _configure_logging(verbose)
    with _errors():
        from audionews.errors import ConfigError
        from audionews.profiles import config_files, load_config

        if config is not None and not config.is_file():
            raise ConfigError(f"{config}: no such config file.")
        files = [config] if config is not None else config_files()
        if files:
            group = ctx.command
            commands = {
                name: {p.name for p in cmd.params if p.name}
                for name, cmd in getattr(group, "commands", {}).items()
                if not getattr(cmd, "commands", None)
            }
            ctx.default_map = load_config(files, commands)


OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Output .mp3/.wav file, or a folder. Default: output/<slug of the title>.mp3.",
        show_default=False,
    ),
]
TimeoutOpt = Annotated[
    float, typer.Option("--timeout", help="Online engines and URLs: seconds to wait for an answer.")
]
BitrateOpt = Annotated[
    int, typer.Option("--bitrate", "-b", help="MP3 bitrate in kbps (CBR, mono).")
]
AlbumOpt = Annotated[
    str | None,
    typer.Option("--album", help="ID3 album, e.g. the show's name.", show_default=False),
]
PublisherOpt = Annotated[
    str | None,
    typer.Option("--publisher", help="ID3 publisher, e.g. the newspaper.", show_default=False),
]
JobsOpt = Annotated[
    int,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        max=32,
        help="Online engines: requests at once (offline engines use one).",
    ),
]
NoCacheOpt = Annotated[
    bool,
    typer.Option("--no-cache", help="Do not reuse or keep synthesized chunks (no resume)."),
]
ProfileOpt = Annotated[
    str,
    typer.Option(
        "--profile",
        "-p",
        help="Defaults for a delivery: podcast (-16 LUFS, -1.5 dBTP, MP3) or radio "
        "(EBU R128 -23 LUFS, -1 dBTP, Broadcast WAV 48 kHz 24-bit).",
    ),
]
LoudnessOpt = Annotated[
    float | None,
    typer.Option(
        "--loudness",
        help="Integrated loudness target of the whole programme, LUFS. Default: profile's.",
        show_default=False,
    ),
]
TruePeakOpt = Annotated[
    float | None,
    typer.Option(
        "--true-peak", help="True-peak ceiling, dBTP. Default: profile's.", show_default=False
    ),
]
FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="mp3 or wav (Broadcast WAV). Default: the output's extension, else profile's.",
        show_default=False,
    ),
]
SampleRateOpt = Annotated[
    int | None,
    typer.Option(
        "--sample-rate",
        help="Output sample rate (22050, 24000, 32000, 44100, 48000). Default: profile's, "
        "else the engine's.",
        show_default=False,
    ),
]
BitsOpt = Annotated[
    int | None,
    typer.Option("--bits", help="WAV bit depth: 16 or 24. Default: profile's.", show_default=False),
]
VbrOpt = Annotated[
    int | None,
    typer.Option(
        "--vbr",
        min=0,
        max=9,
        help="MP3 VBR quality 0 (best) to 9 instead of CBR --bitrate.",
        show_default=False,
    ),
]
IntroOpt = Annotated[
    Path | None,
    typer.Option("--intro", help="Audio before the programme (mp3/wav/flac).", show_default=False),
]
OutroOpt = Annotated[
    Path | None,
    typer.Option("--outro", help="Audio after the programme (mp3/wav/flac).", show_default=False),
]
SidecarsOpt = Annotated[
    str | None,
    typer.Option(
        "--sidecars",
        help="Files beside the audio: all, or a comma list of srt, vtt, chapters, labels, "
        "cue, manifest.",
        show_default=False,
    ),
]
VoiceModelOpt = Annotated[
    Path | None,
    typer.Option(
        "--voice-model",
        help="piper: the voice file (.onnx, with its .onnx.json beside it).",
        show_default=False,
    ),
]
SpeakerOpt = Annotated[
    str | None,
    typer.Option(
        "--speaker",
        help="piper: speaker number or name of a multi-speaker voice.",
        show_default=False,
    ),
]
RateOpt = Annotated[str, typer.Option("--rate", help="edge: speaking rate, e.g. +10% or -5%.")]
PitchOpt = Annotated[str, typer.Option("--pitch", help="edge: pitch, e.g. +2Hz or -3Hz.")]
HeadingVoiceOpt = Annotated[
    str | None,
    typer.Option(
        "--heading-voice",
        help="Read the title, date and headings with this other voice of the same engine "
        "(piper: a speaker number or name).",
        show_default=False,
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]


def _settings(
    *,
    profile: str,
    output: Path | None,
    fmt: str | None,
    loudness: float | None,
    true_peak: float | None,
    sample_rate: int | None,
    bits: int | None,
    intro: Path | None = None,
    outro: Path | None = None,
    bed: Path | None = None,
    sidecars: str | None = None,
    fit: str | None = None,
    pauses: tuple[int, int, int] | None = None,
    **kwargs: Any,
) -> Any:
    """Build RenderSettings from command-line values: profile defaults, then options."""
    from audionews.assemble import Pauses
    from audionews.errors import ConfigError
    from audionews.master import MasterSettings
    from audionews.pipeline import RenderSettings
    from audionews.profiles import PROFILES
    from audionews.sidecars import SIDECARS

    chosen = PROFILES.get(profile)
    if chosen is None:
        raise ConfigError(f"unknown profile {profile!r}. Choose one of: {', '.join(PROFILES)}.")
    if fmt is None and output is not None and output.suffix.lower() in (".mp3", ".wav"):
        fmt = output.suffix.lower().lstrip(".")
    extra: dict[str, Any] = {}
    if pauses is not None:
        try:
            extra["pauses"] = Pauses(sentence=pauses[0], paragraph=pauses[1], section=pauses[2])
        except ValueError as exc:
            raise ConfigError(str(exc)) from None
    return RenderSettings(
        format=fmt or chosen.format,
        bits=bits or chosen.bits,
        mastering=MasterSettings(
            loudness=chosen.loudness if loudness is None else loudness,
            true_peak=chosen.true_peak if true_peak is None else true_peak,
            sample_rate=sample_rate or chosen.sample_rate,
            intro=intro,
            outro=outro,
            bed=bed,
        ),
        fit=_duration(fit) if fit else None,
        sidecars=_sidecar_list(sidecars, SIDECARS),
        profile=chosen.name,
        **extra,
        **kwargs,
    )


def _summary(result: Any) -> str:
    minutes, seconds = divmod(round(result.duration), 60)
    reused = f" ({result.cached} from cache)" if result.cached else ""
    level = f", {result.loudness.describe()}" if result.loudness else ""
    fitted = f", fitted: {result.fitted}" if result.fitted else ""
    return (
        f"Wrote {result.path}: {minutes}:{seconds:02d}, {len(result.chapters)} chapters, "
        f"{result.chunks} chunks{reused}, engine {result.engine}{level}{fitted}, "
        f"in {result.seconds:.1f} s"
    )


@app.command()
def make(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Articles: .txt, .html, .docx or .md files, URLs, folders of them, or - for "
            "standard input. Several inputs make one programme each.",
            show_default=False,
        ),
    ],
    output: OutputOpt = None,
    engine: EngineOpt = "auto",
    voice: VoiceOpt = None,
    heading_voice: HeadingVoiceOpt = None,
    tld: TldOpt = "com",
    slow: SlowOpt = False,
    voice_model: VoiceModelOpt = None,
    speaker: SpeakerOpt = None,
    rate: RateOpt = "+0%",
    pitch: PitchOpt = "+0Hz",
    timeout: TimeoutOpt = 15.0,
    bitrate: BitrateOpt = 64,
    read_captions: CaptionsOpt = False,
    album: AlbumOpt = None,
    publisher: PublisherOpt = None,
    lexicon: LexiconOpt = None,
    jobs: JobsOpt = 4,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    profile: ProfileOpt = "podcast",
    loudness: LoudnessOpt = None,
    true_peak: TruePeakOpt = None,
    fmt: FormatOpt = None,
    sample_rate: SampleRateOpt = None,
    bits: BitsOpt = None,
    vbr: VbrOpt = None,
    speed: Annotated[
        float,
        typer.Option("--speed", min=0.8, max=1.3, help="Voice speed, pitch preserved (0.8-1.3)."),
    ] = 1.0,
    fit: Annotated[
        str | None,
        typer.Option(
            "--fit",
            help="Land on this duration (M:SS or seconds, +-1 s) by adjusting pauses, then "
            "speed; or say why it cannot.",
            show_default=False,
        ),
    ] = None,
    intro: IntroOpt = None,
    outro: OutroOpt = None,
    bed: Annotated[
        Path | None,
        typer.Option(
            "--bed",
            help="Music under the opening chapter, ducked under the voice, faded in and out.",
            show_default=False,
        ),
    ] = None,
    sidecars: SidecarsOpt = None,
    pause_sentence: Annotated[
        int, typer.Option("--pause-sentence", help="Pause after a sentence, ms.")
    ] = 400,
    pause_paragraph: Annotated[
        int, typer.Option("--pause-paragraph", help="Pause after a paragraph or heading, ms.")
    ] = 800,
    pause_section: Annotated[
        int, typer.Option("--pause-section", help="Pause between sections, ms.")
    ] = 1500,
    parallel: Annotated[
        int,
        typer.Option("--parallel", min=1, max=8, help="Several inputs: articles rendered at once."),
    ] = 2,
    force: Annotated[
        bool,
        typer.Option("--force", help="Several inputs: render even when the output is newer."),
    ] = False,
    quiet: QuietOpt = False,
) -> None:
    """Read an article aloud into an MP3 (or Broadcast WAV) with tags and one chapter per section.

    The whole programme is brought to the profile's loudness with a true-peak limiter.
    With several inputs (or a folder), each becomes its own programme in the output folder;
    outputs newer than their input are skipped, and a bad input is reported without stopping
    the others. Options can also come from audionews.toml here or the user config file
    (its make table); options given here win.
    """
    with _errors():
        from audionews.pipeline import make as make_programme

        settings = _settings(
            profile=profile,
            output=output,
            fmt=fmt,
            loudness=loudness,
            true_peak=true_peak,
            sample_rate=sample_rate,
            bits=bits,
            intro=intro,
            outro=outro,
            bed=bed,
            sidecars=sidecars,
            fit=fit,
            pauses=(pause_sentence, pause_paragraph, pause_section),
            bitrate=bitrate,
            read_captions=read_captions,
            album=album,
            publisher=publisher,
            lexicon_files=tuple(lexicon or ()),
            jobs=jobs,
            use_cache=not no_cache,
            cache_dir=cache_dir,
            vbr_quality=vbr,
            heading_voice=heading_voice,
            # piper changes its own pace (no time-stretch artefacts); other voices are stretched
            speed=1.0 if engine == "piper" else speed,
        )
        options = _engine_options(
            voice,
            tld,
            slow,
            timeout,
            voice_model=voice_model,
            speaker=speaker,
            rate=rate,
            pitch=pitch,
            speed=speed if engine == "piper" else 1.0,
        )
        if len(sources) > 1 or Path(sources[0]).is_dir():
            _make_batch(sources, output, engine, options, settings, parallel, force, quiet)
            return

        def on_engine(name: str, reason: str) -> None:
            if not quiet:
                typer.echo(f"Engine: {name} ({reason})", err=True)

        with _progress_bar(enabled=not quiet and sys.stderr.isatty()) as progress:
            result = make_programme(
                sources[0],
                output=output,
                engine=engine,
                engine_options=options,
                settings=settings,
                progress=progress,
                on_engine=on_engine,
            )
        if not quiet:
            typer.echo(_summary(result))
            for extra in result.sidecars:
                typer.echo(f"Wrote {extra}")


def _make_batch(
    sources: list[str],
    output: Path | None,
    engine: str,
    options: Any,
    settings: Any,
    parallel: int,
    force: bool,
    quiet: bool,
) -> None:
    from audionews.bulletin import BatchItem, make_batch
    from audionews.errors import ConfigError

    if output is not None and output.suffix.lower() in (".mp3", ".wav"):
        raise ConfigError("several inputs make several programmes: give -o a folder.")

    def done(item: BatchItem) -> None:
        if quiet:
            return
        if item.error:
            typer.secho(f"failed  {item.source}: {item.error}", fg=typer.colors.RED, err=True)
        elif item.skipped:
            typer.echo(f"skipped {item.source} (output is up to date; --force renders it)")
        elif item.result:
            typer.echo(f"done    {item.source}")

    items = make_batch(
        sources, output, engine, options, settings, jobs=parallel, force=force, on_done=done
    )
    failed = [i for i in items if i.error]
    if not quiet:
        typer.echo("")
        typer.echo(f"{'input':40} {'result':8} {'duration':>8}  output")
        for i in items:
            status = "failed" if i.error else "skipped" if i.skipped else "ok"
            duration = ""
            where = ""
            if i.result:
                m, sec = divmod(round(i.result.duration), 60)
                duration, where = f"{m}:{sec:02d}", str(i.result.path)
            typer.echo(f"{Path(i.source).name[:40]:40} {status:8} {duration:>8}  {where}")
        typer.echo(
            f"{len(items)} inputs: {sum(1 for i in items if i.result)} rendered, "
            f"{sum(1 for i in items if i.skipped)} skipped, {len(failed)} failed"
        )
    if failed:
        raise typer.Exit(2)


@app.command()
def bulletin(
    sources: Annotated[
        list[str],
        typer.Argument(help="The stories, in order: files, URLs or folders.", show_default=False),
    ],
    output: OutputOpt = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title", help="Read first and used as the programme's title.", show_default=False
        ),
    ] = None,
    sting: Annotated[
        Path | None,
        typer.Option(
            "--sting",
            help="Short audio played between stories (else a pause).",
            show_default=False,
        ),
    ] = None,
    intro: IntroOpt = None,
    outro: OutroOpt = None,
    engine: EngineOpt = "auto",
    voice: VoiceOpt = None,
    heading_voice: HeadingVoiceOpt = None,
    tld: TldOpt = "com",
    slow: SlowOpt = False,
    voice_model: VoiceModelOpt = None,
    speaker: SpeakerOpt = None,
    rate: RateOpt = "+0%",
    pitch: PitchOpt = "+0Hz",
    timeout: TimeoutOpt = 15.0,
    bitrate: BitrateOpt = 64,
    read_captions: CaptionsOpt = False,
    album: AlbumOpt = None,
    publisher: PublisherOpt = None,
    lexicon: LexiconOpt = None,
    jobs: JobsOpt = 4,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    profile: ProfileOpt = "podcast",
    loudness: LoudnessOpt = None,
    true_peak: TruePeakOpt = None,
    fmt: FormatOpt = None,
    sample_rate: SampleRateOpt = None,
    bits: BitsOpt = None,
    vbr: VbrOpt = None,
    sidecars: SidecarsOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Several stories in one programme: one chapter per story, loudness as one programme."""
    with _errors():
        from audionews.bulletin import make_bulletin

        settings = _settings(
            profile=profile,
            output=output,
            fmt=fmt,
            loudness=loudness,
            true_peak=true_peak,
            sample_rate=sample_rate,
            bits=bits,
            intro=intro,
            outro=outro,
            sidecars=sidecars,
            bitrate=bitrate,
            read_captions=read_captions,
            album=album,
            publisher=publisher,
            lexicon_files=tuple(lexicon or ()),
            jobs=jobs,
            use_cache=not no_cache,
            cache_dir=cache_dir,
            vbr_quality=vbr,
            heading_voice=heading_voice,
        )
        options = _engine_options(
            voice,
            tld,
            slow,
            timeout,
            voice_model=voice_model,
            speaker=speaker,
            rate=rate,
            pitch=pitch,
        )

        def on_engine(name: str, reason: str) -> None:
            if not quiet:
                typer.echo(f"Engine: {name} ({reason})", err=True)

        with _progress_bar(enabled=not quiet and sys.stderr.isatty()) as progress:
            result = make_bulletin(
                sources,
                output,
                engine,
                options,
                settings,
                title=title,
                sting=sting,
                progress=progress,
                on_engine=on_engine,
            )
        if not quiet:
            typer.echo(_summary(result))
            for extra in result.sidecars:
                typer.echo(f"Wrote {extra}")


@app.command()
def feed(
    folder: Annotated[
        Path, typer.Argument(help="Folder of programmes (.mp3).", show_default=False)
    ],
    base_url: Annotated[
        str,
        typer.Option("--base-url", help="Public URL of the folder (enclosures are under it)."),
    ],
    title: Annotated[str, typer.Option("--title", help="The podcast's title.")],
    author: Annotated[
        str | None, typer.Option("--author", help="The podcast's author.", show_default=False)
    ] = None,
    image: Annotated[
        str | None,
        typer.Option("--image", help="URL of the podcast's cover image.", show_default=False),
    ] = None,
    description: Annotated[
        str | None,
        typer.Option("--description", help="The podcast's description.", show_default=False),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Where to write. Default: FOLDER/feed.xml.", show_default=False
        ),
    ] = None,
) -> None:
    """Write an RSS 2.0 podcast feed (iTunes and Podcasting 2.0) for the programmes in FOLDER.

    One item per programme from its ID3 tags, with chapters and transcripts when the sidecars
    are there. Running it again updates the feed without duplicating items.
    """
    with _errors():
        from audionews.feed import write_feed

        path = write_feed(
            folder,
            base_url,
            title,
            author=author,
            image=image,
            output=output,
            description=description,
        )
        typer.echo(f"Wrote {path}")


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[Callable[[SynthesisProgress], None] | None]:
    """A progress bar on stderr (terminals only): chunks done/total, cache hits, ETA."""
    if not enabled:
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    with Progress(
        "Synthesizing",
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[cached]}"),
        TimeRemainingColumn(),
        transient=True,
        console=_stderr_console(),
    ) as bar:
        task = bar.add_task("chunks", total=None, cached="")

        def update(p: SynthesisProgress) -> None:
            hits = f"{p.cached} from cache" if p.cached else ""
            bar.update(task, completed=p.done, total=p.total, cached=hits)

        yield update


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


@app.command()
def script(
    source: InputArg,
    plain: Annotated[
        bool,
        typer.Option("--plain", help="Print only the text that will be spoken, one chunk a line."),
    ] = False,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Print the whole structure as JSON, with dropped lines."),
    ] = False,
    diff: Annotated[
        bool,
        typer.Option("--diff", help="Mark what normalization changed: [written -> spoken]."),
    ] = False,
    engine: EngineOpt = "espeak",
    read_captions: CaptionsOpt = False,
    lexicon: LexiconOpt = None,
) -> None:
    """Show what will be read, and what is dropped and why, without synthesizing.

    Chunks are cut for the engine given with --engine (espeak by default; gtts cuts at 100
    characters).
    """
    with _errors():
        from audionews.engines import ENGINES
        from audionews.errors import ConfigError
        from audionews.pipeline import RenderSettings, load_article, prepare_script

        if plain and as_json:
            raise ConfigError("choose one of --plain and --json.")
        if engine not in ENGINES:
            raise ConfigError(f"unknown engine {engine!r}. Choose one of: {', '.join(ENGINES)}.")
        max_chars = _max_chars(engine)
        article, _ = load_article(source)
        settings = RenderSettings(read_captions=read_captions, lexicon_files=tuple(lexicon or ()))
        built = prepare_script(article, max_chars, settings)
        if as_json:
            typer.echo(json.dumps(built.to_dict(), ensure_ascii=False, indent=2))
        elif plain:
            for chunk in built.chunks:
                typer.echo(chunk.text)
        else:
            _print_script(built, diff)


def _max_chars(engine: str) -> int:
    if engine == "gtts":
        from audionews.engines.google import GOOGLE_MAX_CHARS

        return GOOGLE_MAX_CHARS
    if engine == "piper":
        from audionews.engines.piper import PiperEngine

        return int(PiperEngine.max_chars)
    if engine == "edge":
        from audionews.engines.edge import EDGE_MAX_CHARS

        return int(EDGE_MAX_CHARS)
    from audionews.engines.espeak import EspeakEngine

    return EspeakEngine.max_chars


def _print_script(built: Script, diff: bool) -> None:
    from audionews.textdiff import mark_changes

    a = built.article
    typer.secho(f"Title:  {a.title}", bold=True)
    typer.echo(f"Date:   {a.date_line or '(none found)'}")
    typer.echo(f"Byline: {a.byline or '(none found)'}")
    typer.echo(f"Chapters: {len(built.chapters)}, chunks: {len(built.chunks)}")
    for n, chapter in enumerate(built.chapters, start=1):
        typer.echo("")
        typer.secho(f"## Chapter {n}: {chapter.title}", bold=True)
        for piece in chapter.pieces:
            text = mark_changes(piece.written, piece.spoken) if diff else piece.spoken
            typer.echo(f"  [{piece.kind}] {text}")
    typer.echo("")
    typer.secho(f"Dropped ({len(built.dropped)} lines, not read):", bold=True)
    for d in built.dropped:
        typer.echo(f"  line {d.line}: {d.text[:70]!r} - {d.reason}")


@app.command()
def engines() -> None:
    """List the speech engines and their voices, and whether each is usable now."""
    with _errors():
        from audionews.engines import ENGINES

        for spec in ENGINES.values():
            reason = spec.unusable_reason()
            status = "usable" if reason is None else f"not usable now: {reason}"
            kind = "online" if spec.online else "offline"
            typer.echo(f"{spec.name:8} {kind:8} {status}")
            typer.echo(f"         {spec.description}")
            typer.echo(f"         voices: {', '.join(spec.voices)}")
        typer.echo("auto     picks gtts when Google's endpoint answers, otherwise espeak.")


cache_app = typer.Typer(
    help="Inspect or clear the cache of synthesized chunks (used to resume and re-render).",
    no_args_is_help=True,
)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
def cache_info(cache_dir: CacheDirOpt = None) -> None:
    """Show where the chunk cache is, how many chunks it holds and its size."""
    with _errors():
        from audionews.cache import ChunkCache

        info = ChunkCache(cache_dir).info()
        typer.echo(f"Cache: {info.path}")
        typer.echo(f"Chunks: {info.entries}, size: {info.bytes / 1e6:.1f} MB")


@cache_app.command("clear")
def cache_clear(cache_dir: CacheDirOpt = None) -> None:
    """Delete every cached chunk."""
    with _errors():
        from audionews.cache import ChunkCache

        cache = ChunkCache(cache_dir)
        removed = cache.clear()
        typer.echo(f"Removed {removed} chunks from {cache.root}")


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
