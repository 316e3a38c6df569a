"""Offline render time: `audionews make --engine espeak` against eSpeak NG + LAME by hand.

The baseline does the least work that yields the same audio: the same spoken text synthesized by
eSpeak NG in one call and encoded by LAME at the same bitrate, with no parsing, trimming, pauses
or tags. Both run in this process, on the same machine, in the same run; the ratio is what counts.
If the `espeak-ng` and `lame` programs are installed, their command-line pipeline is timed too.

    python benchmarks/offline_render.py [ARTICLE.txt] [--repeat N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from audionews.audio import float_to_pcm16, pcm16_to_float
from audionews.engines.espeak import EspeakEngine
from audionews.export import encode_mp3
from audionews.pipeline import RenderSettings, load_article, make, prepare_script

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared" / "samples" / "an-giang-dang-bo-khoi-2020-10-23.txt"
EXAMPLE = ROOT / "examples" / "dong-bang-song-cuu-long-mua-nuoc-noi.txt"


def timed(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "article", nargs="?", type=Path, default=SAMPLE if SAMPLE.exists() else EXAMPLE
    )
    parser.add_argument("--repeat", type=int, default=5)
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

    def ours() -> None:
        make(args.article, replace(settings, output=out))

    def ours_cli() -> None:
        cli = [sys.executable, "-m", "audionews", "make", str(args.article), "-e", "espeak"]
        subprocess.run([*cli, "--no-cache", "-q", "-o", str(out)], check=True)

    base_t = timed(baseline, args.repeat)
    ours_t = timed(ours, args.repeat)
    cli_t = timed(ours_cli, args.repeat)
    result = make(args.article, replace(settings, output=out))
    print(
        f"article: {args.article.name} ({len(text)} spoken characters, {len(script.chunks)} chunks)"
    )
    print(
        f"programme: {result.duration:.1f} s of audio, {len(result.chapters)} chapters, "
        f"MP3 {rate} Hz {kbps} kbps ({settings.profile} profile; "
        f"{result.verdict and result.verdict.summary()})"
    )
    print(f"baseline (eSpeak NG one call + resample + LAME, in process): {base_t:.3f} s")
    print(f"audionews make, library:      {ours_t:.3f} s  ({ours_t / base_t:.2f}x)")
    print(f"audionews make, command line: {cli_t:.3f} s  ({cli_t / base_t:.2f}x)")
    print(f"realtime factor: {result.duration / ours_t:.0f}x faster than realtime")

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

        plain_t = timed(by_hand(False), args.repeat)
        norm_t = timed(by_hand(True), args.repeat)
        print(f"espeak-ng + ffmpeg by hand:                       {plain_t:.3f} s")
        print(f"espeak-ng + ffmpeg loudnorm by hand:              {norm_t:.3f} s")
        print(
            f"ratio command line / by hand: {cli_t / plain_t:.2f}x "
            f"(with loudnorm: {cli_t / norm_t:.2f}x); target <= 1.2x"
        )
    else:
        print("(espeak-ng or ffmpeg not installed: the by-hand baseline is skipped)")


if __name__ == "__main__":
    main()
