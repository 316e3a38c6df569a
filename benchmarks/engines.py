"""Realtime factor (synthesis time / audio time) of each engine on a ~5,000-character article.

Measured in one run, on the chunks each engine would get from ``audionews make``:
1. espeak, for reference;
2. piper with the test voice built by ``tests/make_test_voice.py`` (nothing is downloaded):
   the tiny voice (cost = our phonemizer and plumbing) and a voice with ``--work`` convolution
   layers (a CPU-bound model), that one run one chunk at a time and two at once, to decide
   whether the engine should be ``concurrent``;
3. edge against the local fake of Microsoft's websocket service from
   ``tests/test_engine_edge.py`` (edge-tts's real client code runs), with ``--latency`` seconds of
   thinking per session, through :func:`audionews.synthesize.synthesize_chunks` as ``make``
   calls it (one at a time and ``--jobs`` at once). The fake's audio lasts ``--seconds-per-char``
   per character, so its realtime factor is about overhead and concurrency, not Microsoft's speed.

    python benchmarks/engines.py [ARTICLE.txt] [--work 6] [--latency 0.3] [--jobs 4]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from audionews.engines import Audio, Engine
from audionews.pipeline import load_article, prepare_script
from audionews.synthesize import synthesize_chunks

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared" / "samples" / "an-giang-dang-bo-khoi-2020-10-23.txt"
EXAMPLE = ROOT / "examples" / "dong-bang-song-cuu-long-mua-nuoc-noi.txt"
sys.path.insert(0, str(ROOT / "tests"))


def chunks(article: Path, max_chars: int) -> list[str]:
    loaded, _ = load_article(article)
    return [c.text for c in prepare_script(loaded, max_chars).chunks]


def timed(run: Callable[[], Sequence[Audio]]) -> tuple[float, float]:
    """(seconds taken, seconds of audio)."""
    start = time.perf_counter()
    audios = run()
    took = time.perf_counter() - start
    return took, sum(a.duration for a in audios)


def report(label: str, took: float, audio: float, texts: Sequence[str]) -> None:
    chars = sum(len(t) for t in texts)
    print(
        f"{label:44} {took:7.2f} s for {audio:6.1f} s of audio "
        f"({len(texts)} chunks, {chars} chars): RTF {took / audio:.4f} ({audio / took:,.0f}x)"
    )


def sequential(engine: Engine, texts: Sequence[str]) -> list[Audio]:
    return [engine.synthesize(t) for t in texts]


def threaded(engine: Engine, texts: Sequence[str], jobs: int) -> list[Audio]:
    with ThreadPoolExecutor(jobs) as pool:
        return list(pool.map(engine.synthesize, texts))


def bench_espeak(article: Path) -> None:
    from audionews.engines.espeak import EspeakEngine

    engine = EspeakEngine()
    texts = chunks(article, engine.max_chars)
    engine.synthesize("Khởi động.")
    report("espeak", *timed(lambda: sequential(engine, texts)), texts)


def bench_piper(article: Path, work: int, folder: Path) -> None:
    from make_test_voice import make_voice

    from audionews.engines.phonemize import phonemize
    from audionews.engines.piper import PiperEngine

    tiny = PiperEngine(make_voice(folder / "tiny"))
    texts = chunks(article, tiny.max_chars)
    tiny.synthesize("Khởi động.")
    start = time.perf_counter()
    for t in texts:
        phonemize(t, "vi")
    print(f"{'piper phonemization only (eSpeak NG IPA)':44} {time.perf_counter() - start:7.2f} s")
    report("piper, tiny test voice", *timed(lambda: sequential(tiny, texts)), texts)

    heavy = PiperEngine(make_voice(folder / "heavy", work=work, name="vi_VN-test-heavy"))
    heavy.synthesize("Khởi động.")
    one = timed(lambda: sequential(heavy, texts))
    report(f"piper, CPU-bound voice (work={work}), 1 at a time", *one, texts)
    two = timed(lambda: threaded(heavy, texts, 2))
    report(f"piper, CPU-bound voice (work={work}), 2 at once", *two, texts)
    print(f"  two at once vs one at a time: {one[0] / two[0]:.2f}x faster")


def bench_edge(article: Path, latency: float, jobs: int, seconds_per_char: float) -> None:
    import edge_tts.communicate
    from test_engine_edge import FakeEdge, serving

    from audionews.engines.edge import EdgeEngine

    engine = EdgeEngine()
    texts = chunks(article, engine.max_chars)
    server = FakeEdge(seconds_per_char=seconds_per_char, delay=latency)
    with serving(server) as url:
        edge_tts.communicate.WSS_URL = url  # type: ignore[attr-defined]
        engine.synthesize("Khởi động.")
        label = f"edge vs local fake ({latency * 1000:.0f} ms latency)"
        report(f"{label}, jobs=1", *timed(lambda: synthesize_chunks(texts, engine, jobs=1)), texts)
        report(
            f"{label}, jobs={jobs}",
            *timed(lambda: synthesize_chunks(texts, engine, jobs=jobs)),
            texts,
        )
        print(f"  sessions open at once at most: {server.concurrent_peak}")


def main() -> None:
    parser = argparse.ArgumentParser(description="Realtime factor of each engine")
    parser.add_argument(
        "article", nargs="?", type=Path, default=SAMPLE if SAMPLE.exists() else EXAMPLE
    )
    parser.add_argument("--work", type=int, default=6, help="conv layers of the CPU-bound voice")
    parser.add_argument("--latency", type=float, default=0.3, help="fake edge: seconds/session")
    parser.add_argument("--jobs", type=int, default=4, help="edge: sessions at once")
    parser.add_argument("--seconds-per-char", type=float, default=0.065, help="fake edge audio")
    args = parser.parse_args()
    print(f"article: {args.article.name}")
    bench_espeak(args.article)
    with tempfile.TemporaryDirectory() as tmp:
        bench_piper(args.article, args.work, Path(tmp))
    bench_edge(args.article, args.latency, args.jobs, args.seconds_per_char)


if __name__ == "__main__":
    main()
