"""The command line: parses options, hands them to the library, prints what came back.

Options become a :class:`audionews.settings.RenderSettings` through ``RenderSettings.build``
(same names); every rule lives in the library. Heavy modules are imported inside the commands,
so ``--help`` is fast. Errors the package raises on purpose become one clean message (with the
option that fixes them) and an exit code here.
"""

from __future__ import annotations

import functools
import inspect
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from audionews import __version__
from audionews.defaults import (
    DEFAULT_BITRATE,
    DEFAULT_ENGINE,
    DEFAULT_JOBS,
    DEFAULT_PARALLEL,
    DEFAULT_PROFILE,
    DEFAULT_TIMEOUT,
)
from audionews.errors import AudionewsError

if TYPE_CHECKING:
    from audionews.pipeline import MakeResult
    from audionews.script import Script
    from audionews.settings import RenderSettings
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
ENGINE_HELP = (
    "Speech engine: auto (gtts when Google answers, else espeak), espeak (offline, embedded), "
    "gtts (online), piper (offline neural, needs a voice file) or edge (online neural)."
)

FLAGS = {
    "lexicon_files": "--lexicon",
    "vbr_quality": "--vbr",
    "use_cache": "--no-cache",
    "pauses": "--pause-sentence/--pause-paragraph/--pause-section",
}
"""Settings whose option is not simply ``--`` + the name with dashes."""


def flag_for(setting: str) -> str:
    return FLAGS.get(setting, "--" + setting.replace("_", "-"))


def _fail(message: str, code: int) -> typer.Exit:
    color = not os.environ.get("NO_COLOR")
    typer.secho(f"error: {message}", fg=typer.colors.RED if color else None, err=True)
    return typer.Exit(code)


@contextmanager
def _errors() -> Iterator[None]:
    """Turn the package's own exceptions and Ctrl-C into a message and an exit code."""
    try:
        yield
    except AudionewsError as exc:
        message = str(exc)
        if exc.setting:
            message = f"{message.rstrip()} (option {flag_for(exc.setting)})"
        raise _fail(message, exc.exit_code) from None
    except KeyboardInterrupt:
        raise _fail("interrupted; no output file was written.", EXIT_INTERRUPTED) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"audionews {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    version: Annotated[  # noqa: ARG001 - handled by its eager callback
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
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
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


def _opt(*names: str, help: str, **kw: Any) -> Any:
    return typer.Option(*names, help=help, show_default=kw.pop("show_default", True), **kw)


CacheDirOpt = Annotated[
    Path | None,
    _opt(
        "--cache-dir",
        envvar="AUDIONEWS_CACHE_DIR",
        help="Chunk cache folder. Default: the user cache folder (e.g. ~/.cache/audionews).",
        show_default=False,
    ),
]
CaptionsOpt = Annotated[
    bool, _opt("--read-captions", help="Read photo captions (dropped by default).")
]
LexiconOpt = Annotated[
    list[Path] | None,
    _opt(
        "--lexicon",
        help="Pronunciation lexicon (TOML) that wins over the built-in one; repeatable.",
        show_default=False,
    ),
]
QuietOpt = Annotated[bool, _opt("--quiet", "-q", help="Print nothing but errors.")]

# The options every render shares (make and bulletin): name, annotated type, default.
# Each name is a keyword of RenderSettings.build, so this table is the whole mapping.


def _shared(name: str, kind: Any, default: Any, *flags: str, **option: Any) -> tuple[str, Any, Any]:
    if default is None:
        option.setdefault("show_default", False)
    return name, Annotated[kind, _opt(*flags, **option)], default


OptPath = Path | None
OptStr = str | None
RENDER_OPTIONS: list[tuple[str, Any, Any]] = [
    _shared("output", OptPath, None, "--output", "-o",
            help="Output .mp3/.wav file, or a folder. Default: output/<slug of the title>.mp3."),
    _shared("engine", str, DEFAULT_ENGINE, "--engine", "-e", help=ENGINE_HELP),
    _shared("voice", OptStr, None, "--voice", help="Voice of the engine (espeak: vi, "
            "vi-VN-x-central, vi-VN-x-south). See `audionews engines`."),
    _shared("heading_voice", OptStr, None, "--heading-voice", help="Read the title, date and "
            "headings with this other voice of the same engine (piper: a speaker number or name)."),
    _shared("tld", str, "com", "--tld", help="gtts: Google domain to use (com, com.vn, ...)."),
    _shared("slow", bool, False, "--slow", help="gtts: read slowly."),
    _shared("voice_model", OptPath, None, "--voice-model",
            help="piper: the voice file (.onnx, with its .onnx.json beside it)."),
    _shared("speaker", OptStr, None, "--speaker",
            help="piper: speaker number or name of a multi-speaker voice."),
    _shared("rate", str, "+0%", "--rate", help="edge: speaking rate, e.g. +10% or -5%."),
    _shared("pitch", str, "+0Hz", "--pitch", help="edge: pitch, e.g. +2Hz or -3Hz."),
    _shared("timeout", float, DEFAULT_TIMEOUT, "--timeout",
            help="Online engines and URLs: seconds to wait for an answer."),
    _shared("bitrate", int, DEFAULT_BITRATE, "--bitrate", "-b",
            help="MP3 bitrate in kbps (CBR, mono)."),
    ("read_captions", CaptionsOpt, False),
    _shared("album", OptStr, None, "--album", help="ID3 album, e.g. the show's name."),
    _shared("publisher", OptStr, None, "--publisher", help="ID3 publisher, e.g. the newspaper."),
    ("lexicon", LexiconOpt, None),
    _shared("jobs", int, DEFAULT_JOBS, "--jobs", "-j", min=1, max=32,
            help="Online engines: requests at once (offline engines use one)."),
    _shared("no_cache", bool, False, "--no-cache",
            help="Do not reuse or keep synthesized chunks (no resume)."),
    ("cache_dir", CacheDirOpt, None),
    _shared("profile", str, DEFAULT_PROFILE, "--profile", "-p",
            help="Defaults for a delivery: podcast (-16 LUFS, -1.5 dBTP, MP3) or radio "
            "(EBU R128 -23 LUFS, -1 dBTP, Broadcast WAV 48 kHz 24-bit)."),
    _shared("loudness", float | None, None, "--loudness",
            help="Integrated loudness target of the whole programme, LUFS. Default: profile's."),
    _shared("true_peak", float | None, None, "--true-peak",
            help="True-peak ceiling, dBTP. Default: profile's."),
    _shared("format", OptStr, None, "--format", "-f",
            help="mp3 or wav (Broadcast WAV). Default: the output's extension, else profile's."),
    _shared("sample_rate", int | None, None, "--sample-rate", help="Output sample rate "
            "(22050, 24000, 32000, 44100, 48000). Default: profile's, else the engine's."),
    _shared("bits", int | None, None, "--bits",
            help="WAV bit depth: 16 or 24. Default: profile's."),
    _shared("vbr", int | None, None, "--vbr", min=0, max=9,
            help="MP3 VBR quality 0 (best) to 9 instead of CBR --bitrate."),
    _shared("speed", float, 1.0, "--speed", min=0.8, max=1.3,
            help="Voice speed, pitch preserved (0.8-1.3)."),
    _shared("fit", OptStr, None, "--fit", help="Land on this duration (M:SS or seconds, +-1 s) by "
            "adjusting pauses, then speed; or say why it cannot."),
    _shared("intro", OptPath, None, "--intro", help="Audio before the programme (mp3/wav/flac)."),
    _shared("outro", OptPath, None, "--outro", help="Audio after the programme (mp3/wav/flac)."),
    _shared("bed", OptPath, None, "--bed",
            help="Music under the opening chapter, ducked under the voice, faded in and out."),
    _shared("sidecars", OptStr, None, "--sidecars", help="Files beside the audio: all, or a comma "
            "list of srt, vtt, chapters, labels, cue, manifest."),
    _shared("pause_sentence", int, 400, "--pause-sentence", help="Pause after a sentence, ms."),
    _shared("pause_paragraph", int, 800, "--pause-paragraph",
            help="Pause after a paragraph or heading, ms."),
    _shared("pause_section", int, 1500, "--pause-section", help="Pause between sections, ms."),
    ("quiet", QuietOpt, False),
]  # fmt: skip


def render_options(func: Callable[..., None]) -> Callable[..., None]:
    """Give a command every shared render option; they arrive in ``**options``."""
    own = [
        p
        for p in inspect.signature(func, eval_str=True).parameters.values()
        if p.kind is not inspect.Parameter.VAR_KEYWORD
    ]
    shared = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=kind)
        for name, kind, default in RENDER_OPTIONS
    ]

    @functools.wraps(func)
    def command(**values: Any) -> None:
        func(**values)

    command.__signature__ = inspect.Signature([*own, *shared])  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in (*own, *shared)}
    return command


def _settings(options: dict[str, Any]) -> RenderSettings:
    """The render options as library settings (all parsing and rules are the library's)."""
    from audionews.settings import RenderSettings

    values = dict(options)
    values.pop("quiet", None)
    return RenderSettings.build(**values)


def _announce(quiet: bool) -> Callable[[str, str], None]:
    def on_engine(name: str, reason: str) -> None:
        if not quiet:
            typer.echo(f"Engine: {name} ({reason})", err=True)

    return on_engine


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _summary(result: MakeResult) -> str:
    minutes, seconds = divmod(round(result.duration), 60)
    reused = f" ({result.cached} from cache)" if result.cached else ""
    level = f", {result.loudness.describe()}" if result.loudness else ""
    fitted = f", fitted: {result.fitted}" if result.fitted else ""
    return (
        f"Wrote {result.path}: {minutes}:{seconds:02d}, {_plural(len(result.chapters), 'chapter')}"
        f", {_plural(result.chunks, 'chunk')}{reused}, engine {result.engine}{level}{fitted}, "
        f"in {result.seconds:.1f} s"
    )


def _report(result: MakeResult, quiet: bool) -> None:
    if not quiet:
        typer.echo(_summary(result))
        for extra in result.sidecars:
            typer.echo(f"Wrote {extra}")


@app.command()
@render_options
def make(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Articles: .txt, .html, .docx or .md files, URLs, folders of them, or - for "
            "standard input. Several inputs make one programme each.",
            show_default=False,
        ),
    ],
    parallel: Annotated[
        int,
        _opt("--parallel", min=1, max=8, help="Several inputs: articles rendered at once."),
    ] = DEFAULT_PARALLEL,
    force: Annotated[
        bool, _opt("--force", help="Several inputs: render even when the output is newer.")
    ] = False,
    **options: Any,
) -> None:
    """Read an article aloud into an MP3 (or Broadcast WAV) with tags and one chapter per section.

    The whole programme is brought to the profile's loudness with a true-peak limiter.
    With several inputs (or a folder), each becomes its own programme in the output folder;
    outputs newer than their input are skipped, and a bad input is reported without stopping
    the others. Options can also come from audionews.toml here or the user config file
    (its make table); options given here win.
    """
    quiet = bool(options["quiet"])
    with _errors():
        from audionews.pipeline import make as make_programme

        settings = _settings(options)
        if len(sources) > 1 or Path(sources[0]).is_dir():
            _make_batch(sources, settings, parallel, force, quiet)
            return
        with _progress_bar(enabled=not quiet and sys.stderr.isatty()) as progress:
            result = make_programme(
                sources[0], settings, progress=progress, on_engine=_announce(quiet)
            )
        _report(result, quiet)


def _make_batch(
    sources: list[str], settings: RenderSettings, parallel: int, force: bool, quiet: bool
) -> None:
    from audionews.bulletin import BatchItem, make_batch

    def done(item: BatchItem) -> None:
        if quiet:
            return
        if item.error:
            typer.secho(f"failed  {item.source}: {item.error}", fg=typer.colors.RED, err=True)
        elif item.skipped:
            typer.echo(f"skipped {item.source} (output is up to date; --force renders it)")
        elif item.result:
            typer.echo(f"done    {item.source}")

    items = make_batch(sources, settings, jobs=parallel, force=force, on_done=done)
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
@render_options
def bulletin(
    sources: Annotated[
        list[str],
        typer.Argument(help="The stories, in order: files, URLs or folders.", show_default=False),
    ],
    title: Annotated[
        str | None,
        _opt("--title", help="Read first and used as the programme's title.", show_default=False),
    ] = None,
    sting: Annotated[
        Path | None,
        _opt(
            "--sting", help="Short audio played between stories (else a pause).", show_default=False
        ),
    ] = None,
    **options: Any,
) -> None:
    """Several stories in one programme: one chapter per story, loudness as one programme."""
    quiet = bool(options["quiet"])
    with _errors():
        from audionews.bulletin import make_bulletin

        settings = _settings(options)
        with _progress_bar(enabled=not quiet and sys.stderr.isatty()) as progress:
            result = make_bulletin(
                sources,
                settings,
                title=title,
                sting=sting,
                progress=progress,
                on_engine=_announce(quiet),
            )
        _report(result, quiet)


@app.command()
def feed(
    folder: Annotated[
        Path, typer.Argument(help="Folder of programmes (.mp3).", show_default=False)
    ],
    base_url: Annotated[
        str, _opt("--base-url", help="Public URL of the folder (enclosures are under it).")
    ],
    title: Annotated[str, _opt("--title", help="The podcast's title.")],
    author: Annotated[
        str | None, _opt("--author", help="The podcast's author.", show_default=False)
    ] = None,
    image: Annotated[
        str | None, _opt("--image", help="URL of the podcast's cover image.", show_default=False)
    ] = None,
    description: Annotated[
        str | None, _opt("--description", help="The podcast's description.", show_default=False)
    ] = None,
    output: Annotated[
        Path | None,
        _opt(
            "--output", "-o", help="Where to write. Default: FOLDER/feed.xml.", show_default=False
        ),
    ] = None,
    quiet: QuietOpt = False,
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
        if not quiet:
            typer.echo(f"Wrote {path}")


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[Callable[[SynthesisProgress], None] | None]:
    """A progress bar on stderr (terminals only): chunks done/total, cache hits, ETA."""
    if not enabled:
        yield None
        return
    from rich.console import Console
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
        console=Console(stderr=True),
    ) as bar:
        task = bar.add_task("chunks", total=None, cached="")

        def update(p: SynthesisProgress) -> None:
            hits = f"{p.cached} from cache" if p.cached else ""
            bar.update(task, completed=p.done, total=p.total, cached=hits)

        yield update


@app.command()
def script(
    source: Annotated[
        str,
        typer.Argument(
            help="The article: a .txt, .html, .docx or .md file, a URL, or - for standard input.",
            show_default=False,
        ),
    ],
    plain: Annotated[
        bool, _opt("--plain", help="Print only the text that will be spoken, one chunk a line.")
    ] = False,
    as_json: Annotated[
        bool, _opt("--json", help="Print the whole structure as JSON, with dropped lines.")
    ] = False,
    diff: Annotated[
        bool, _opt("--diff", help="Mark what normalization changed: \\[written -> spoken].")
    ] = False,
    engine: Annotated[
        str,
        _opt(
            "--engine",
            "-e",
            help="Cut chunks for this engine: espeak, gtts, piper or edge (auto cuts as gtts, "
            "the shortest).",
        ),
    ] = "espeak",
    read_captions: CaptionsOpt = False,
    lexicon: LexiconOpt = None,
) -> None:
    """Show what will be read, and what is dropped and why, without synthesizing.

    Chunks are cut for the engine given with --engine (espeak by default; gtts cuts at 100
    characters).
    """
    with _errors():
        from audionews.engines import ENGINES, engine_spec
        from audionews.errors import ConfigError
        from audionews.pipeline import load_article, prepare_script
        from audionews.settings import RenderSettings

        if plain and as_json:
            raise ConfigError("choose one of --plain and --json.")
        if engine == "auto":
            max_chars = min(spec.max_chars for spec in ENGINES.values())
        else:
            max_chars = engine_spec(engine).max_chars
        article, _ = load_article(source)
        settings = RenderSettings.build(read_captions=read_captions, lexicon=lexicon)
        built = prepare_script(article, max_chars, settings)
        if as_json:
            typer.echo(json.dumps(built.to_dict(), ensure_ascii=False, indent=2))
        elif plain:
            for chunk in built.chunks:
                typer.echo(chunk.text)
        else:
            _print_script(built, diff)


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
    typer.secho(f"Dropped ({_plural(len(built.dropped), 'line')}, not read):", bold=True)
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
    """Delete every cached chunk (refused for a folder that is not an audionews cache)."""
    with _errors():
        from audionews.cache import ChunkCache

        cache = ChunkCache(cache_dir)
        removed = cache.clear()
        typer.echo(f"Removed {removed} chunks from {cache.root}")


@cache_app.command("prune")
def cache_prune(
    cache_dir: CacheDirOpt = None,
    max_size: Annotated[
        str,
        _opt(
            "--max-size",
            help="Keep at most this much (500MB, 2GB, 800MiB): the least recently used chunks "
            "go first.",
        ),
    ] = "500MB",
) -> None:
    """Shrink the chunk cache to a size, removing the least recently used chunks first."""
    with _errors():
        from audionews.cache import ChunkCache, parse_size

        cache = ChunkCache(cache_dir)
        removed, freed = cache.prune(parse_size(max_size))
        info = cache.info()
        typer.echo(
            f"Removed {removed} chunks ({freed / 1e6:.1f} MB) from {cache.root}; "
            f"{info.entries} left ({info.bytes / 1e6:.1f} MB)"
        )


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
