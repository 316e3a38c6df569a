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
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

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

    article, _ = load_article(args.article)
    script = prepare_script(article, EspeakEngine.max_chars, RenderSettings())
    text = "\n".join(c.text for c in script.chunks)
    engine = EspeakEngine()
    engine.synthesize("Khởi động.")  # load the library and voice once, outside the timings
    out = Path(tempfile.mkdtemp()) / "bench.mp3"

    def baseline() -> None:
        audio = engine.synthesize(text)
        out.with_suffix(".base.mp3").write_bytes(encode_mp3(audio.pcm, audio.sample_rate, 64))

    fresh = RenderSettings(use_cache=False)  # time real synthesis, not cache hits

    def ours() -> None:
        make(args.article, output=out, engine="espeak", settings=fresh)

    base_t = timed(baseline, args.repeat)
    ours_t = timed(ours, args.repeat)
    result = make(args.article, output=out, engine="espeak", settings=fresh)
    print(
        f"article: {args.article.name} ({len(text)} spoken characters, {len(script.chunks)} chunks)"
    )
    print(f"programme: {result.duration:.1f} s of audio, {len(result.chapters)} chapters")
    print(f"baseline (eSpeak NG one call + LAME, in process): {base_t:.3f} s")
    print(f"audionews make --engine espeak:                   {ours_t:.3f} s")
    print(f"ratio audionews / baseline: {ours_t / base_t:.2f}x  (target <= 1.5x)")
    print(f"realtime factor: {result.duration / ours_t:.0f}x faster than realtime")

    espeak_cli, lame_cli = shutil.which("espeak-ng"), shutil.which("lame")
    if espeak_cli and lame_cli:
        wav = out.with_suffix(".wav")
        txt = out.with_suffix(".txt")
        txt.write_text(text, encoding="utf-8")

        def by_hand() -> None:
            subprocess.run([espeak_cli, "-v", "vi", "-f", str(txt), "-w", str(wav)], check=True)
            subprocess.run(
                [
                    lame_cli,
                    "--silent",
                    "-m",
                    "m",
                    "-b",
                    "64",
                    str(wav),
                    str(out.with_suffix(".cli.mp3")),
                ],
                check=True,
            )

        cli_t = timed(by_hand, args.repeat)
        print(f"espeak-ng | lame programs by hand:               {cli_t:.3f} s")
        print(f"ratio audionews / programs by hand: {ours_t / cli_t:.2f}x")
    else:
        print("(espeak-ng and lame programs not installed: command-line baseline skipped)")


if __name__ == "__main__":
    main()
