"""Commands that look before rendering: script, say, engines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from audionews.defaults import (
    DEFAULT_ENGINE,
)

if TYPE_CHECKING:
    from audionews.script import Script
from audionews.cli.app import (
    ENGINE_HELP,
    BylineOpt,
    CaptionsOpt,
    DateOpt,
    ForeignOpt,
    KeepAllOpt,
    LexiconOpt,
    QuietOpt,
    TitleOpt,
    app,
    errors,
    option,
    plural,
)


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
        bool, option("--plain", help="Print only the text that will be spoken, one chunk a line.")
    ] = False,
    as_json: Annotated[
        bool, option("--json", help="Print the whole structure as JSON, with dropped lines.")
    ] = False,
    diff: Annotated[
        bool, option("--diff", help="Mark what normalization changed: \\[written -> spoken].")
    ] = False,
    engine: Annotated[
        str,
        option(
            "--engine",
            "-e",
            help="Cut chunks for this engine: espeak, gtts, piper or edge (auto cuts as gtts, "
            "the shortest).",
        ),
    ] = "espeak",
    read_captions: CaptionsOpt = False,
    keep_all: KeepAllOpt = False,
    title: TitleOpt = None,
    byline: BylineOpt = None,
    date: DateOpt = None,
    foreign: ForeignOpt = None,
    lexicon: LexiconOpt = None,
    review: Annotated[
        bool,
        option(
            "--review",
            help="List the words an engine may get wrong (foreign names, unknown acronyms, "
            "codes), where they are, and a lexicon line to fix each.",
        ),
    ] = False,
) -> None:
    """Show what will be read, and what is dropped and why, without synthesizing.

    Chunks are cut for the engine given with --engine (espeak by default; gtts cuts at 100
    characters).
    """
    with errors():
        from audionews.engines import ENGINES, engine_spec
        from audionews.errors import ConfigError
        from audionews.pipeline import load_article, prepare_script
        from audionews.settings import RenderSettings

        if plain and as_json:
            raise ConfigError("choose one of --plain and --json.")
        spec = engine_spec("gtts" if engine == "auto" else engine)
        max_chars = (
            min(s.max_chars for s in ENGINES.values()) if engine == "auto" else spec.max_chars
        )
        article, _ = load_article(source)
        settings = RenderSettings.build(
            read_captions=read_captions,
            keep_all=keep_all,
            title=title,
            byline=byline,
            date=date,
            foreign=foreign,
            lexicon=lexicon,
        )
        built = prepare_script(article, max_chars, settings, settings.foreign_for(spec))
        if review:
            _print_review(built, settings.lexicons, settings.foreign_for(spec), as_json)
        elif as_json:
            typer.echo(json.dumps(built.to_dict(), ensure_ascii=False, indent=2))
        elif plain:
            for chunk in built.chunks:
                typer.echo(chunk.text)
        else:
            _print_script(built, diff)


def _print_review(built: Script, lexicons: tuple[Path, ...], foreign: str, as_json: bool) -> None:
    from audionews.review import review_pieces

    pieces = [p.written for ch in built.chapters for p in ch.pieces]
    found = review_pieces(pieces, lexicon_files=lexicons, foreign=foreign)
    if as_json:
        typer.echo(json.dumps(found.to_dict(), ensure_ascii=False, indent=2))
        return
    typer.secho(
        f"{plural(len(found.items), 'word')} to check, {found.occurrences} times in "
        f"{found.spoken_words} spoken words ({found.per_thousand_words:.1f} per 1,000; "
        f"foreign names: {foreign})",
        bold=True,
    )
    for item in found.items:
        typer.echo("")
        typer.secho(f"{item.token}  [{item.kind}] read as: {item.reading}", bold=True)
        for place in item.occurrences[:3]:
            typer.echo(f"  piece {place.line}, sentence {place.sentence}: {place.context}")
        if item.count > 3:
            typer.echo(f"  ... {item.count - 3} more")
        typer.echo(f"  lexicon: {item.suggestion}")
    if found.items:
        typer.echo("")
        typer.echo('Add a reading with: audionews lexicon add WORD "SPOKEN" (then hear it: say)')


def _print_script(built: Script, diff: bool) -> None:
    from audionews.textdiff import mark_changes

    a = built.article
    if a.headline is None:
        typer.secho(f"Title:  {a.title} (no headline in the text: from the first sentence)")
    else:
        typer.secho(f"Title:  {a.title}", bold=True)
    typer.echo(f"Date:   {a.date_line or '(none found)'}")
    typer.echo(f"Byline: {a.byline or '(none found)'}")
    if a.source:
        typer.echo(f"Source: {a.source}")
    typer.echo(
        f"Chapters: {len(built.chapters)}, chunks: {len(built.chunks)}, "
        f"read {built.coverage:.0%} of the text"
    )
    for n, chapter in enumerate(built.chapters, start=1):
        typer.echo("")
        typer.secho(f"## Chapter {n}: {chapter.title}", bold=True)
        for piece in chapter.pieces:
            text = mark_changes(piece.written, piece.spoken) if diff else piece.spoken
            typer.echo(f"  [{piece.kind}] {text}")
    typer.echo("")
    typer.secho(f"Dropped ({plural(len(built.dropped), 'line')}, not read):", bold=True)
    for d in built.dropped:
        hint = " (--read-captions reads it)" if d.kind.value == "caption" else ""
        typer.echo(f"  line {d.line}: {d.text[:70]!r} - {d.reason}{hint}")
    if a.unsure:
        typer.echo("")
        typer.secho(f"Read with a doubt ({plural(len(a.unsure), 'line')}):", bold=True)
        for u in a.unsure:
            typer.echo(f"  line {u.line}: {u.text[:70]!r} - {u.reason}")


@app.command()
def say(
    text: Annotated[str, typer.Argument(help="A few words to hear.", show_default=False)],
    output: Annotated[
        Path | None,
        option(
            "--output",
            "-o",
            help="Write a .wav or .mp3 instead of playing. Default: play when a player "
            "(ffplay, paplay, aplay, afplay, play) is found, else write output/say.wav.",
            show_default=False,
        ),
    ] = None,
    engine: Annotated[str, option("--engine", "-e", help=ENGINE_HELP)] = DEFAULT_ENGINE,
    voice: Annotated[
        str | None, option("--voice", help="Voice of the engine.", show_default=False)
    ] = None,
    voice_model: Annotated[
        Path | None, option("--voice-model", help="piper: the voice file.", show_default=False)
    ] = None,
    speed: Annotated[
        float, option("--speed", min=0.8, max=1.3, help="Voice speed, pitch preserved.")
    ] = 1.0,
    foreign: ForeignOpt = None,
    lexicon: LexiconOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Hear a few words as a programme would say them (to check a pronunciation)."""
    with errors():
        from audionews.say import say as say_words
        from audionews.settings import RenderSettings

        settings = RenderSettings.build(
            engine=engine,
            voice=voice,
            voice_model=voice_model,
            speed=speed,
            foreign=foreign,
            lexicon=lexicon,
        )
        said = say_words(text, settings, output=output)
        if not quiet:
            typer.echo(f"Spoken: {said.spoken}")
            if said.played_with:
                typer.echo(f"Played with {said.played_with} ({said.result.duration:.1f} s)")
            else:
                typer.echo(f"Wrote {said.result.path} ({said.result.duration:.1f} s)")


@app.command()
def engines() -> None:
    """List the speech engines and their voices, and whether each is usable now."""
    with errors():
        from audionews.engines import ENGINES, engine_spec
        from audionews.voices import installed_voices

        installed = [v.name for v in installed_voices()]
        for spec in ENGINES.values():
            reason = spec.unusable_reason()
            status = "usable" if reason is None else f"not usable now: {reason}"
            if reason is None and spec.installable_voices:
                status = (
                    f"usable with {', '.join(installed)}"
                    if installed
                    else "needs a voice: audionews voices download vi_VN-vais1000-medium, "
                    "or a voice file (--voice-model)"
                )
            kind = "online" if spec.online else "offline"
            typer.echo(f"{spec.name:8} {kind:8} {status}")
            typer.echo(f"         {spec.description}")
            typer.echo(f"         voices: {', '.join(spec.voices)}")
        draft = engine_spec("espeak").draft
        typer.echo(
            "auto     picks gtts when Google's endpoint answers, else an installed piper voice, "
            f"else espeak{' (a draft voice, not fit for air)' if draft else ''}."
        )


@app.command()
def validate(
    files: Annotated[
        list[Path],
        typer.Argument(help="Audio files: MP3, WAV, M4A, FLAC or Ogg.", show_default=False),
    ],
    profile: Annotated[
        str,
        option(
            "--profile",
            "-p",
            help="The delivery spec to check against: podcast, spotify, radio or ebu-r128-s1.",
        ),
    ] = "podcast",
    as_json: Annotated[bool, option("--json", help="Print the reports as JSON.")] = False,
) -> None:
    """Check audio files against a profile's delivery spec: format, rate, bitrate, channels,
    loudness, loudness range, true peak, tags and chapters, each with the measured value.

    Exit code 0 when every file passes, 1 when a check fails, 2 when a file cannot be read.
    """
    with errors():
        from audionews.validate import validate as check_file

        reports = [check_file(f, profile) for f in files]
        if as_json:
            typer.echo(json.dumps([r.to_dict() for r in reports], ensure_ascii=False, indent=2))
        else:
            for report in reports:
                mark = "PASS" if report.passed else "FAIL"
                typer.secho(f"{mark} {report.path}: {report.summary()}", bold=True)
                for check in report.checks:
                    typer.echo(f"  {'ok  ' if check.passed else 'FAIL'} {check.describe()}")
        if not all(r.passed for r in reports):
            raise typer.Exit(1)


@app.command()
def check(
    programme: Annotated[
        Path,
        typer.Argument(
            help="A programme made with its manifest sidecar (X.mp3 or X.wav and "
            "X.manifest.json; make --check or --sidecars manifest writes it).",
            show_default=False,
        ),
    ],
    as_json: Annotated[bool, option("--json", help="Print the report as JSON.")] = False,
    all_sentences: Annotated[
        bool, option("--all", help="List every sentence, not only those worth a listen.")
    ] = False,
) -> None:
    """Listen back: transcribe the programme sentence by sentence with an offline Vietnamese
    recognizer and compare each sentence with the text it was made from.

    Writes X.check.json beside the programme. Exit code 0 when the verdict is fine, 1 when
    sentences are flagged (a glitch, silence, a chunk in the wrong place, a misreading).
    """
    with errors():
        from audionews.check import check_programme, format_report

        report = check_programme(programme)
        if as_json:
            typer.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        else:
            typer.echo(format_report(report, all_sentences=all_sentences))
        if report.exit_code:
            raise typer.Exit(report.exit_code)
