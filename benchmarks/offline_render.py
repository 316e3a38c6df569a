"""Offline render time: `audionews make --engine espeak` against eSpeak NG + an MP3 encoder by hand.

Two baselines, each doing the least work that yields the same format (MP3 at the profile's rate
and bitrate; no parsing, trimming, pauses, loudness or tags), timed in the same run:
- by hand (the brief's target, <= 1.2x): the `espeak-ng -v vi -w` and `ffmpeg` programs, one
  call each, on the same spoken text (and once more with ffmpeg's loudnorm, for reference);
  skipped when either program is missing;
- in process: the same text synthesized by eSpeak NG in one call, resampled by soxr and encoded
  by LAME (lameenc).
The runs are interleaved (one of each per round) and the medians kept, since the machine is
shared; wall time is what a user waits, CPU time (this process's threads, or the child
processes') moves less with the load of other processes.

    python benchmarks/offline_render.py [ARTICLE.txt] [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from samples import reference_sample

from audionews.audio import float_to_pcm16, pcm16_to_float
from audionews.engines.espeak import EspeakEngine
from audionews.export import encode_mp3
from audionews.pipeline import RenderSettings, load_article, make, prepare_script


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measured(fn: Callable[[], object], subprocesses: bool) -> tuple[float, float]:
    """(wall, CPU) seconds of one call: CPU of this process (all threads) or of its children."""
    cpu = children_cpu if subprocesses else time.process_time
    wall0, cpu0 = time.perf_counter(), cpu()
    fn()
    return time.perf_counter() - wall0, cpu() - cpu0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path, default=reference_sample())
    parser.add_argument("--repeat", type=int, default=5, help="rounds (medians are reported)")
    args = parser.parse_args()

    settings = RenderSettings(engine="espeak", use_cache=False)  # real synthesis, no cache hits
    rate, kbps = settings.mastering.sample_rate or 22050, settings.kbps
    article, _ = load_article(args.article)
    script = prepare_script(article, EspeakEngine.max_chars, settings)
    text = "\n".join(c.text for c in script.chunks)
    engine = EspeakEngine()
    engine.synthesize("Khởi động.")  # load the library and voice once, outside the timings
    work = Path(tempfile.mkdtemp())
    out = work / "bench.mp3"

    def baseline() -> None:  # the least work that gives the same format: no parsing, no mastering
        import soxr

        audio = engine.synthesize(text)
        x = soxr.resample(pcm16_to_float(audio.pcm), audio.sample_rate, rate)
        work.joinpath("base.mp3").write_bytes(encode_mp3(float_to_pcm16(x), rate, kbps))

    import audionews.deliver as deliver

    passes: list[int] = []  # mastering passes of each library render (2: the MP3 read over)
    master_signal = deliver.master_signal

    def counted(*a: Any) -> Any:
        passes[-1] += 1
        return master_signal(*a)

    deliver.master_signal = counted  # type: ignore[assignment]

    def ours() -> None:
        passes.append(0)
        make(args.article, replace(settings, output=out))

    # As after `pip install` (which compiles the bytecode): a shell with PYTHONDONTWRITEBYTECODE
    # set would recompile the whole package on every start (0.2-0.3 s of CPU here).
    cli_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def ours_cli() -> None:
        cli = [sys.executable, "-m", "audionews", "make", str(args.article), "-e", "espeak"]
        subprocess.run([*cli, "--no-cache", "-q", "-o", str(out)], check=True, env=cli_env)

    runs: dict[str, tuple[Callable[[], object], bool]] = {
        "in process: eSpeak NG one call + soxr + LAME": (baseline, False),
        "audionews make, library": (ours, False),
        "audionews make, command line": (ours_cli, True),
    }
    espeak_cli, ffmpeg = shutil.which("espeak-ng"), shutil.which("ffmpeg")
    if espeak_cli and ffmpeg:
        wav, txt = work / "hand.wav", work / "hand.txt"
        txt.write_text(text, encoding="utf-8")

        def by_hand(loudnorm: bool) -> Callable[[], None]:
            def run() -> None:
                subprocess.run([espeak_cli, "-v", "vi", "-f", str(txt), "-w", str(wav)], check=True)
                norm = ["-af", "loudnorm=I=-16:TP=-1.5"] if loudnorm else []
                subprocess.run(
                    [ffmpeg, "-v", "error", "-y", "-i", str(wav), *norm, "-ar", str(rate),
                     "-ac", "1", "-b:a", f"{kbps}k", str(work / "hand.mp3")],
                    check=True,
                )  # fmt: skip

            return run

        runs["by hand: espeak-ng + ffmpeg"] = (by_hand(False), True)
        runs["by hand: espeak-ng + ffmpeg loudnorm"] = (by_hand(True), True)

    ours_cli()  # once first, as a user's second run: its bytecode and regex cache written
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for _ in range(args.repeat):  # interleaved: each round runs everything once
        for name, (fn, subprocesses) in runs.items():
            times[name].append(measured(fn, subprocesses))
    wall = {n: statistics.median(t[0] for t in ts) for n, ts in times.items()}
    cpu = {n: statistics.median(t[1] for t in ts) for n, ts in times.items()}

    result = make(args.article, replace(settings, output=out))
    print(
        f"article: {args.article.name} ({len(text)} spoken characters, {len(script.chunks)} chunks)"
    )
    print(
        f"programme: {result.duration:.1f} s of audio, {len(result.chapters)} chapters, "
        f"MP3 {rate} Hz {kbps} kbps ({settings.profile} profile; "
        f"{result.verdict and result.verdict.summary()}; "
        f"{result.loudness and result.loudness.describe()})"
    )
    print(f"medians of {args.repeat} interleaved rounds; ratios against the line marked *")
    base = "in process: eSpeak NG one call + soxr + LAME"
    hand = "by hand: espeak-ng + ffmpeg"
    ref = hand if hand in wall else base
    print(f"{'':45s} {'wall':>7s} {'CPU':>7s} {'wall x':>7s} {'CPU x':>7s}")
    for name in runs:
        mark = "*" if name == ref else " "
        print(
            f"{mark}{name:44s} {wall[name]:6.2f}s {cpu[name]:6.2f}s "
            f"{wall[name] / wall[ref]:6.2f}x {cpu[name] / cpu[ref]:6.2f}x"
        )
    cli, lib = "audionews make, command line", "audionews make, library"
    print(f"library against the in-process baseline: wall {wall[lib] / wall[base]:.2f}x, "
          f"CPU {cpu[lib] / cpu[base]:.2f}x")  # fmt: skip
    if ref == hand:
        print(
            f"command line against by hand: wall {wall[cli] / wall[hand]:.2f}x, "
            f"CPU {cpu[cli] / cpu[hand]:.2f}x (target <= 1.2x)"
        )
    else:
        print("(espeak-ng or ffmpeg not installed: the by-hand baseline is skipped)")
    print(f"realtime factor: {result.duration / wall[lib]:.0f}x faster than realtime (library)")
    twice = sum(p > 1 for p in passes[: args.repeat])
    print(
        f"library renders mastered twice (their MP3 read over the true-peak ceiling): {twice} of "
        f"{args.repeat}; eSpeak NG's output varies between calls in one process (docs: Speed)"
    )


if __name__ == "__main__":
    main()
