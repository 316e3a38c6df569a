"""make and bulletin: one table of render options, turned into library settings."""

from __future__ import annotations

import contextlib
import functools
import inspect
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from audionews.defaults import (
    DEFAULT_ENGINE,
    DEFAULT_JOBS,
    DEFAULT_PARALLEL,
    DEFAULT_PROFILE,
    DEFAULT_TIMEOUT,
)
from audionews.errors import ConfigError

if TYPE_CHECKING:
    from audionews.pipeline import MakeResult
    from audionews.settings import RenderSettings
    from audionews.synthesize import SynthesisProgress
from audionews.cli.app import (
    ENGINE_HELP,
    BylineOpt,
    CacheDirOpt,
    CaptionsOpt,
    DateOpt,
    ForeignOpt,
    KeepAllOpt,
    LexiconOpt,
    QuietOpt,
    TitleOpt,
    app,
    errors,
    flag_for,
    option,
    plural,
)

# The options every render shares (make and bulletin): name, annotated type, default.
# Each name is a keyword of RenderSettings.build, so this table is the whole mapping.


def _shared(name: str, kind: Any, default: Any, *flags: str, **spec: Any) -> tuple[str, Any, Any]:
    if default is None:
        spec.setdefault("show_default", False)
    return name, Annotated[kind, option(*flags, **spec)], default


OptPath = Path | None
OptStr = str | None
RENDER_OPTIONS: list[tuple[str, Any, Any]] = [
    _shared("output", OptPath, None, "--output", "-o",
            help="Output .mp3/.wav/.m4a file, or a folder. Default: "
            "output/<slug of the title>.mp3."),
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
    _shared("bitrate", int | None, None, "--bitrate", "-b",
            help="MP3 bitrate in kbps (CBR, mono). Default: profile's."),
    ("read_captions", CaptionsOpt, False),
    ("keep_all", KeepAllOpt, False),
    ("foreign", ForeignOpt, None),
    ("title", TitleOpt, None),
    ("byline", BylineOpt, None),
    ("date", DateOpt, None),
    _shared("artist", OptStr, None, "--artist", help="ID3 artist. Default: the byline's names."),
    _shared("cover", OptPath, None, "--cover",
            help="Cover art (JPEG or PNG) in the MP3/M4A tags."),
    _shared("album", OptStr, None, "--album", help="ID3 album, e.g. the show's name."),
    _shared("publisher", OptStr, None, "--publisher", help="ID3 publisher, e.g. the newspaper."),
    ("lexicon", LexiconOpt, None),
    _shared("jobs", int, DEFAULT_JOBS, "--jobs", "-j", min=1, max=32,
            help="Online engines: requests at once (offline engines use one)."),
    _shared("no_cache", bool, False, "--no-cache",
            help="Do not reuse or keep synthesized chunks (no resume)."),
    ("cache_dir", CacheDirOpt, None),
    _shared("profile", str, DEFAULT_PROFILE, "--profile", "-p",
            help="Defaults for a delivery: podcast (-16 LUFS, MP3 44.1 kHz 96 kbps), spotify "
            "(-14 LUFS, MP3 128 kbps), radio (EBU R128 -23 LUFS, Broadcast WAV 48 kHz 24-bit) "
            "or ebu-r128-s1 (R128 short-form)."),
    _shared("loudness", float | None, None, "--loudness",
            help="Integrated loudness target of the whole programme, LUFS. Default: profile's."),
    _shared("true_peak", float | None, None, "--true-peak",
            help="True-peak ceiling, dBTP. Default: profile's."),
    _shared("format", OptStr, None, "--format", "-f",
            help="mp3, wav (Broadcast WAV) or m4a (AAC with chapters; needs the m4a extra). "
            "Default: the output's extension, else profile's."),
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
    _shared("keep_levels", bool, False, "--keep-levels",
            help="Keep intro, outro, sting and bed at their own levels (default: matched to the "
            "voice, the bed under it)."),
    _shared("sidecars", OptStr, None, "--sidecars", help="Files beside the audio: all, or a comma "
            "list of srt, vtt, chapters, labels, cue, manifest."),
    _shared("subtitles", str, "written", "--subtitles",
            help="SRT/VTT text: written (as printed, for transcripts) or spoken."),
    _shared("pause_sentence", int, 400, "--pause-sentence", help="Pause after a sentence, ms."),
    _shared("pause_paragraph", int, 800, "--pause-paragraph",
            help="Pause after a paragraph or heading, ms."),
    _shared("pause_section", int, 1500, "--pause-section", help="Pause between sections, ms."),
    _shared("validate", bool, True, "--validate/--no-validate",
            help="Check the written file against the profile's delivery spec."),
    _shared("check", bool, False, "--check",
            help="Listen back: transcribe the programme offline and compare it with its script "
            "(needs the check extra); exit code 1 when sentences are flagged."),
    _shared("allow_draft", bool, True, "--allow-draft/--no-draft",
            help="auto may fall back to the draft voice (eSpeak NG) when nothing better is at "
            "hand."),
    ("quiet", QuietOpt, False),
    # --config belongs before the command; after it, say so instead of "Did you mean --fit?".
    _shared("misplaced_config", OptPath, None, "--config", hidden=True,
            help="(before the command)"),
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
    from audionews.errors import ConfigError
    from audionews.settings import RenderSettings

    values = dict(options)
    values.pop("quiet", None)
    if values.pop("misplaced_config", None) is not None:
        raise ConfigError(
            "--config goes before the command: audionews --config FILE make ARTICLE ..."
        )
    return RenderSettings.build(**values)


def _warn(quiet: bool) -> Callable[[str, str], None]:
    def on_warning(setting: str, message: str) -> None:
        if not quiet:
            typer.echo(f"warning: {message} ({flag_for(setting)} is ignored)", err=True)

    return on_warning


def _announce(quiet: bool) -> Callable[[str, str], None]:
    def on_engine(name: str, reason: str) -> None:
        if not quiet:
            typer.echo(f"Engine: {name} ({reason})", err=True)

    return on_engine


def _summary(result: MakeResult) -> str:
    minutes, seconds = divmod(round(result.duration), 60)
    reused = f" ({result.cached} from cache)" if result.cached else ""
    level = f", {result.loudness.describe()}" if result.loudness else ""
    fitted = f", fitted: {result.fitted}" if result.fitted else ""
    read = f", read {result.coverage:.0%} of the text" if result.coverage < 0.995 else ""
    verdict = f"; {result.verdict.summary()}" if result.verdict is not None else ""
    draft = " (draft voice, not fit for air)" if _is_draft(result.engine) else ""
    return (
        f"Wrote {result.path}: {minutes}:{seconds:02d}, {plural(len(result.chapters), 'chapter')}"
        f", {plural(result.chunks, 'chunk')}{reused}, engine {result.engine}{draft}{level}{fitted}"
        f"{read}, in {result.seconds:.1f} s{verdict}"
    )


def _is_draft(engine: str) -> bool:
    from audionews.engines import engine_spec

    return engine_spec(engine).draft


def _report(result: MakeResult, quiet: bool, err: bool = False) -> None:
    """The summary (on stderr when the audio itself goes to standard output)."""
    from audionews.engines import DRAFT_NOTE, engine_spec

    if not quiet:
        summary = _summary(result)
        if err:
            summary = summary.replace(f"Wrote {result.path}", "Wrote standard output", 1)
        typer.echo(summary, err=err)
        if engine_spec(result.engine).draft and result.engine_reason.startswith("auto"):
            typer.echo(f"Note: {result.engine} is {DRAFT_NOTE}.", err=True)
        for extra in result.sidecars:
            typer.echo(f"Wrote {extra}", err=err)
    if result.listened is not None:
        if not quiet:
            typer.echo(_listened(result.listened), err=err)
        if result.listened.exit_code:
            raise typer.Exit(result.listened.exit_code)


def _listened(report: Any) -> str:
    from audionews.check import report_path_for

    flagged = len(report.flagged)
    return (
        f"Listened back: {report.verdict}, intelligibility {report.intelligibility:.0%} "
        f"(WER {report.wer:.2f}), {plural(flagged, 'sentence')} flagged; see "
        f"{report_path_for(report.audio)}"
    )


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
        option("--parallel", min=1, max=8, help="Several inputs: articles rendered at once."),
    ] = DEFAULT_PARALLEL,
    force: Annotated[
        bool, option("--force", help="Several inputs: render even when the output is newer.")
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
    with errors():
        from audionews.pipeline import make as make_programme

        to_stdout = str(options.get("output")) == "-"
        if to_stdout:
            options = {**options, "output": None}
        settings = _settings(options)
        if len(sources) > 1 or Path(sources[0]).is_dir():
            if to_stdout:
                raise ConfigError(
                    "several programmes cannot share standard output.", setting="output"
                )
            _make_batch(sources, settings, parallel, force, quiet)
            return
        with contextlib.ExitStack() as stack:
            if to_stdout:
                settings = _to_stdout(settings, stack)
            with _progress_bar(enabled=not quiet and sys.stderr.isatty()) as progress:
                result = make_programme(
                    sources[0],
                    settings,
                    progress=progress,
                    on_engine=_announce(quiet),
                    on_warning=_warn(quiet),
                )
            if to_stdout:
                with result.path.open("rb") as audio:
                    shutil.copyfileobj(audio, sys.stdout.buffer)
                sys.stdout.buffer.flush()
            _report(result, quiet, err=to_stdout)


def _to_stdout(settings: RenderSettings, stack: contextlib.ExitStack) -> RenderSettings:
    """``-o -``: render into a temporary folder, to be copied to standard output."""
    from dataclasses import replace

    if settings.sidecars:
        raise ConfigError("sidecars need a file name: give -o FILE, not -o -.", setting="sidecars")
    folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="audionews-")))
    return replace(settings, output=folder / f"programme.{settings.output_format}")


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
    sting: Annotated[
        Path | None,
        option(
            "--sting", help="Short audio played between stories (else a pause).", show_default=False
        ),
    ] = None,
    **options: Any,
) -> None:
    """Several stories in one programme: one chapter per story, loudness as one programme."""
    quiet = bool(options["quiet"])
    with errors():
        from audionews.bulletin import make_bulletin

        settings = _settings(options)
        with _progress_bar(enabled=not quiet and sys.stderr.isatty()) as progress:
            result = make_bulletin(
                sources,
                settings,
                sting=sting,
                progress=progress,
                on_engine=_announce(quiet),
                on_warning=_warn(quiet),
            )
        _report(result, quiet)


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
