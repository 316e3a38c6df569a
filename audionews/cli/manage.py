"""Commands that manage what audionews keeps: feed, cache, lexicon, voices."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from audionews.cli.app import (
    CacheDirOpt,
    QuietOpt,
    app,
    errors,
    option,
)


@app.command()
def feed(
    folder: Annotated[
        Path, typer.Argument(help="Folder of programmes (.mp3).", show_default=False)
    ],
    base_url: Annotated[
        str, option("--base-url", help="Public URL of the folder (enclosures are under it).")
    ],
    title: Annotated[str, option("--title", help="The podcast's title.")],
    author: Annotated[
        str | None, option("--author", help="The podcast's author.", show_default=False)
    ] = None,
    image: Annotated[
        str | None, option("--image", help="URL of the podcast's cover image.", show_default=False)
    ] = None,
    description: Annotated[
        str | None, option("--description", help="The podcast's description.", show_default=False)
    ] = None,
    output: Annotated[
        Path | None,
        option(
            "--output", "-o", help="Where to write. Default: FOLDER/feed.xml.", show_default=False
        ),
    ] = None,
    quiet: QuietOpt = False,
) -> None:
    """Write an RSS 2.0 podcast feed (iTunes and Podcasting 2.0) for the programmes in FOLDER.

    One item per programme from its ID3 tags, with chapters and transcripts when the sidecars
    are there. Running it again updates the feed without duplicating items.
    """
    with errors():
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


cache_app = typer.Typer(
    help="Inspect or clear the cache of synthesized chunks (used to resume and re-render).",
    no_args_is_help=True,
)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
def cache_info(cache_dir: CacheDirOpt = None) -> None:
    """Show where the chunk cache is, how many chunks it holds and its size."""
    with errors():
        from audionews.cache import ChunkCache

        info = ChunkCache(cache_dir).info()
        typer.echo(f"Cache: {info.path}")
        typer.echo(f"Chunks: {info.entries}, size: {info.bytes / 1e6:.1f} MB")


@cache_app.command("clear")
def cache_clear(cache_dir: CacheDirOpt = None) -> None:
    """Delete every cached chunk (refused for a folder that is not an audionews cache)."""
    with errors():
        from audionews.cache import ChunkCache

        cache = ChunkCache(cache_dir)
        removed = cache.clear()
        typer.echo(f"Removed {removed} chunks from {cache.root}")


@cache_app.command("prune")
def cache_prune(
    cache_dir: CacheDirOpt = None,
    max_size: Annotated[
        str,
        option(
            "--max-size",
            help="Keep at most this much (500MB, 2GB, 800MiB): the least recently used chunks "
            "go first.",
        ),
    ] = "500MB",
) -> None:
    """Shrink the chunk cache to a size, removing the least recently used chunks first."""
    with errors():
        from audionews.cache import ChunkCache, parse_size

        cache = ChunkCache(cache_dir)
        removed, freed = cache.prune(parse_size(max_size))
        info = cache.info()
        typer.echo(
            f"Removed {removed} chunks ({freed / 1e6:.1f} MB) from {cache.root}; "
            f"{info.entries} left ({info.bytes / 1e6:.1f} MB)"
        )


lexicon_app = typer.Typer(
    help="Your pronunciation lexicon: readings that win over the built-in ones in every render.",
    no_args_is_help=True,
)
app.add_typer(lexicon_app, name="lexicon")


@lexicon_app.command("add")
def lexicon_add(
    word: Annotated[str, typer.Argument(help="The word as written.", show_default=False)],
    spoken: Annotated[
        str, typer.Argument(help="How it is read, in Vietnamese.", show_default=False)
    ],
    file: Annotated[
        Path | None,
        option(
            "--file",
            help="The lexicon to add to. Default: your own (e.g. ~/.config/audionews/lexicon.toml"
            "), which every render reads.",
            show_default=False,
        ),
    ] = None,
    replace: Annotated[
        bool, option("--replace", help="Replace a different reading already there.")
    ] = False,
) -> None:
    """Add a reading: audionews lexicon add Yagi "Ya-ghi". Hear it with audionews say."""
    with errors():
        from audionews.userlexicon import add_entry

        result = add_entry(word, spoken, file, replace=replace)
        said = {"added": "Added", "exists": "Already there:", "replaced": "Replaced"}
        typer.echo(f"{said.get(result.status, result.status)} {word} = {spoken} in {result.path}")


@lexicon_app.command("path")
def lexicon_path() -> None:
    """Print where your own lexicon is (it may not exist yet)."""
    from audionews.userlexicon import default_user_lexicon_path

    typer.echo(str(default_user_lexicon_path()))


voices_app = typer.Typer(
    help="Offline neural voices (Piper) from the official catalogue: list and download them.",
    no_args_is_help=True,
)
app.add_typer(voices_app, name="voices")

BaseUrlOpt = Annotated[
    str | None,
    option(
        "--base-url",
        envvar="AUDIONEWS_VOICES_URL",
        help="Catalogue address, e.g. a newsroom mirror. Default: the official Piper voices.",
        show_default=False,
    ),
]


@voices_app.command("list")
def voices_list(base_url: BaseUrlOpt = None) -> None:
    """List the Vietnamese Piper voices: size, quality, speakers, licence, installed or not."""
    with errors():
        from audionews.voices import list_voices

        for v in list_voices(base_url):
            state = "installed" if v.installed else "not installed"
            typer.echo(
                f"{v.name:28} {v.quality:8} {v.size / 1e6:6.1f} MB  {v.num_speakers} speaker(s)  "
                f"{state}"
            )
            typer.echo(f"{'':28} licence: {v.licence}")


@voices_app.command("download")
def voices_download(
    name: Annotated[
        str, typer.Argument(help="A voice from voices list, e.g. vi_VN-vais1000-medium.")
    ],
    base_url: BaseUrlOpt = None,
    force: Annotated[bool, option("--force", help="Download again even when installed.")] = False,
    quiet: QuietOpt = False,
) -> None:
    """Download a voice (both files, checked against the catalogue's size and MD5; an
    interrupted download resumes). Then: audionews make ARTICLE -e piper --voice NAME."""
    with errors():
        from audionews.voices import download_voice

        with _download_bar(enabled=not quiet and sys.stderr.isatty()) as progress:
            path = download_voice(name, base_url, progress=progress, force=force)
        if not quiet:
            typer.echo(f"Installed {name}: {path}")


@contextmanager
def _download_bar(enabled: bool) -> Iterator[Callable[[Any], None] | None]:
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        transient=True,
        console=Console(stderr=True),
    ) as bar:
        tasks: dict[str, Any] = {}

        def update(p: Any) -> None:
            if p.file not in tasks:
                tasks[p.file] = bar.add_task(p.file, total=p.total)
            bar.update(tasks[p.file], completed=p.done, total=p.total)

        yield update


BrokerOpt = option(
    "--broker",
    envvar="AUDIONEWS_BROKER",
    help="Redis URL of a fleet's shared queue (redis://HOST:PORT/N); `audionews worker` "
    "processes render. Default: the embedded queue in the data folder.",
    show_default=False,
)


@app.command()
def serve(
    host: Annotated[
        str, option("--host", help="Address to listen on; another than loopback needs --password.")
    ] = "127.0.0.1",
    port: Annotated[int, option("--port", help="Port to listen on.")] = 8000,
    data_dir: Annotated[
        Path | None,
        option(
            "--data-dir",
            envvar="AUDIONEWS_DESK_DIR",
            help="Where jobs, history, renders and the shared lexicon live. Default: the user "
            "data folder's desk.",
            show_default=False,
        ),
    ] = None,
    password: Annotated[
        str | None,
        option(
            "--password",
            envvar="AUDIONEWS_DESK_PASSWORD",
            help="Every page and API call needs it (required off loopback).",
            show_default=False,
        ),
    ] = None,
    password_file: Annotated[
        Path | None,
        option("--password-file", help="Read the password from this file.", show_default=False),
    ] = None,
    lang: Annotated[str, option("--lang", help="Interface language: vi or en.")] = "vi",
    workers: Annotated[
        int, option("--workers", min=1, max=16, help="Renders running at once.")
    ] = 2,
    broker: Annotated[str | None, BrokerOpt] = None,
    keep_days: Annotated[
        float | None,
        option(
            "--keep-days",
            envvar="AUDIONEWS_DESK_KEEP_DAYS",
            min=0.01,
            help="Delete finished jobs (their MP3s and sidecars too) older than this many days, "
            "checked at start and hourly. Default: keep every job.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """The desk: a web page for newsroom staff and a JSON API for systems (needs the desk
    extra). Open http://127.0.0.1:8000/ once it runs; the API is described at /api/openapi.json."""
    with errors():
        from audionews.desk import serve as run_desk

        run_desk(
            host,
            port,
            data_dir,
            password,
            lang,
            password_file=password_file,
            workers=workers,
            redis_url=broker,
            keep_days=keep_days,
        )


def _fleet_dir(data_dir: Path | None) -> Path:
    from audionews.desk import default_data_dir

    return data_dir if data_dir is not None else default_data_dir()


FleetDirOpt = option(
    "--data-dir",
    envvar="AUDIONEWS_DESK_DIR",
    help="The results folder, shared by the desk and every worker (job inputs and outputs, the "
    "chunk cache, the lexicon); the job records are in Redis.",
    show_default=False,
)


FleetBrokerOpt = option(
    "--broker",
    envvar="AUDIONEWS_BROKER",
    help="Redis URL of the fleet's queue (redis://HOST:PORT/N).",
)


@app.command()
def worker(
    broker: Annotated[str, FleetBrokerOpt],
    data_dir: Annotated[Path | None, FleetDirOpt] = None,
    slots: Annotated[
        int, option("--slots", min=1, max=16, help="Renders this worker runs at once.")
    ] = 1,
    lease: Annotated[
        float,
        option(
            "--lease",
            min=1.0,
            max=300.0,
            help="Seconds without a heartbeat before a worker counts as dead and its job "
            "runs elsewhere.",
        ),
    ] = 5.0,
) -> None:
    """A render worker of a fleet: takes jobs from the desk's Redis queue and writes the
    results to the shared data folder (Ctrl-C finishes the renders under way)."""
    import logging

    for name in ("audionews", "huey"):  # the fleet's log: jobs started, done, taken over
        logger = logging.getLogger(name)
        logger.setLevel(min(logger.getEffectiveLevel(), logging.INFO))
    with errors():
        from audionews.desk.worker import run_worker

        run_worker(broker, _fleet_dir(data_dir), workers=slots, ttl=lease, beat=lease / 5)


@app.command()
def status(
    broker: Annotated[str, FleetBrokerOpt],
    as_json: Annotated[bool, option("--json", help="Print the status as JSON.")] = False,
) -> None:
    """A fleet's health (all of it in Redis): queue length, live workers, jobs per state, last
    errors."""
    import json

    with errors():
        from audionews.desk.worker import fleet_status

        info = fleet_status(broker)
    if as_json:
        typer.echo(json.dumps(info, ensure_ascii=False, indent=2))
        return
    typer.echo(f"broker {info['broker']}: {info['queue']} job(s) waiting")
    typer.echo(f"workers alive: {len(info['workers'])}")
    for w in info["workers"]:
        running = ", ".join(w.get("running") or []) or "idle"
        typer.echo(f"  {w['id']} ({w.get('slots', 1)} slot(s), {w.get('done', 0)} done): {running}")
    jobs = ", ".join(f"{k} {v}" for k, v in sorted(info["jobs"].items())) or "none"
    typer.echo(f"jobs: {jobs}")
    for e in info["errors"]:
        typer.echo(f"  error in {e['job']}: {e['error']}")


@app.command()
def watch(
    source: Annotated[
        str,
        typer.Argument(
            help="An RSS/Atom feed's URL (each item's link is an article) or a folder of articles.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path, option("--output", "-o", help="Folder of the programmes (and of the feed).")
    ] = Path("output"),
    engine: Annotated[
        str, option("--engine", "-e", help="auto, espeak, gtts, piper or edge.")
    ] = "auto",
    interval: Annotated[
        float, option("--interval", min=5.0, help="Seconds between two looks at the source.")
    ] = 300.0,
    once: Annotated[bool, option("--once", help="Look once, render what is new, stop.")] = False,
    base_url: Annotated[
        str | None,
        option(
            "--base-url",
            help="Public URL of the output folder: the podcast feed is rewritten after each "
            "new programme.",
            show_default=False,
        ),
    ] = None,
    feed_title: Annotated[
        str, option("--feed-title", help="The podcast feed's title.")
    ] = "audionews",
    quiet: QuietOpt = False,
) -> None:
    """Render each new article of a feed or a folder once (remembered across restarts in
    OUTPUT/.watch-state.json), and update the podcast feed after each."""
    with errors():
        from audionews.desk.watch import Watcher
        from audionews.feed import write_feed
        from audionews.pipeline import make
        from audionews.settings import RenderSettings

        def render(article: str, folder: Path) -> Path:
            return make(article, RenderSettings(), output=folder, engine=engine).path

        def publish(folder: Path) -> None:
            if base_url:
                write_feed(folder, base_url, feed_title)

        def said(path: Path) -> None:
            if not quiet:
                typer.echo(f"Wrote {path}")

        Watcher(source, output, render=render, publish=publish).run(interval, once, said)
