"""The typer app, its global options, and what every command shares: errors, options."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from audionews import __version__
from audionews.errors import AudionewsError

if TYPE_CHECKING:
    pass

app = typer.Typer(
    name="audionews",
    help=(
        "Turn Vietnamese news articles into broadcast-ready MP3 programmes with chapters.\n\n"
        "Typical use: `audionews script article.txt` to check what will be read, then "
        "`audionews make article.txt` to write output/<title-slug>.mp3."
    ),
    no_args_is_help=True,
    add_completion=True,
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
def errors() -> Iterator[None]:
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
    with errors():
        from audionews.errors import ConfigError
        from audionews.profiles import config_files, load_config

        if config is not None and not config.is_file():
            raise ConfigError(f"{config}: no such config file.")
        files = [config] if config is not None else config_files()
        if files:
            group = ctx.command
            commands = {
                # options only (not arguments such as sources), and never the hidden ones
                name: {
                    p.name
                    for p in cmd.params
                    if p.name and p.param_type_name == "option" and not getattr(p, "hidden", False)
                }
                for name, cmd in getattr(group, "commands", {}).items()
                if not getattr(cmd, "commands", None)
            }
            ctx.default_map = load_config(files, commands)


def option(*names: str, help: str, **kw: Any) -> Any:
    return typer.Option(*names, help=help, show_default=kw.pop("show_default", True), **kw)


CacheDirOpt = Annotated[
    Path | None,
    option(
        "--cache-dir",
        envvar="AUDIONEWS_CACHE_DIR",
        help="Chunk cache folder. Default: the user cache folder (e.g. ~/.cache/audionews).",
        show_default=False,
    ),
]
CaptionsOpt = Annotated[
    bool, option("--read-captions", help="Read photo captions (dropped by default).")
]
LexiconOpt = Annotated[
    list[Path] | None,
    option(
        "--lexicon",
        help="Pronunciation lexicon (TOML) that wins over the built-in one; repeatable.",
        show_default=False,
    ),
]
QuietOpt = Annotated[bool, option("--quiet", "-q", help="Print nothing but errors.")]
ForeignOpt = Annotated[
    str | None,
    option(
        "--foreign",
        help="Foreign names: keep (as written) or respell (the Vietnamese way, e.g. Trump -> "
        "Tơ Ram). Default: respell for espeak and piper, keep for gtts and edge.",
        show_default=False,
    ),
]
KeepAllOpt = Annotated[
    bool,
    option("--keep-all", help="Read every line that has words, also those dropped as page junk."),
]
TitleOpt = Annotated[
    str | None,
    option(
        "--title",
        help="The programme's title, read first and used for tags and the file name. Default: "
        "the headline found, else a short form of the first sentence.",
        show_default=False,
    ),
]
BylineOpt = Annotated[
    str | None, option("--byline", help="The byline read at the end.", show_default=False)
]
DateOpt = Annotated[
    str | None,
    option(
        "--date",
        help="The programme's date: 23/10/2020, 23/10/2020 06:26 or 2020-10-23.",
        show_default=False,
    ),
]


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
