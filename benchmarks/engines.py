"""Realtime factor (synthesis time / audio time) of each engine on a ~5,000-character article.

Measured in one run, on the chunks each engine would get from ``audionews make``:
1. espeak, for reference;
2. piper with the test voice built by ``tests/make_test_voice.py`` (nothing is downloaded):
   the tiny voice (cost = our phonemizer and plumbing) and a voice with ``--work`` convolution
   layers (a CPU-bound model), that one run one chunk at a time and two at once, to decide
   whether the engine should be ``concurrent``;
3. phoneme fidelity, when piper-tts is installed (``pip install piper-tts``; GPL-3.0, used
   here only to compare): every sentence of the article(s) plus hand-written edge cases,
   phonemized by piper-tts and by us, compared as model input ids of the test voice, and the
   audio of the (deterministic) test voice compared byte for byte;
4. edge against the local fake of Microsoft's websocket service from
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

from samples import EXAMPLE, reference_sample

from audionews.engines import Audio, Engine
from audionews.pipeline import load_article, prepare_script
from audionews.synthesize import synthesize_chunks

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = reference_sample()
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


EDGE_CASES = (
    "Bạn có khỏe không?",
    "Tuyệt vời quá!",
    "Hôm nay: trời mưa; ngày mai nắng",
    "Anh ấy nói “thôi được”, rồi đi.",
    "Chờ đã... rồi sao?",
    "Chờ đã… rồi sao?",
    "Giá (chưa thuế) là 5 triệu.",
    "Công ty Apple và Microsoft công bố.",
    "Thứ nhất.Thứ hai.",
    "Xin chào!!! Bạn ơi?!",
    "Thế à?!! Ừ.",
    "Dòng một\nDòng hai",
    "  khoảng trắng   nhiều   ",
    "“Mấy năm trước nước về ít, cá cũng thưa.” Ông nói.",
    "Ngày 15/9/2024 — mực nước 3,15 m.",
    "Hà Nội – Hải Phòng – Đà Nẵng.",
    "Tỷ lệ 1/3 dân số; 500 kV.",
    "COVID-19 và WHO.",
    "Ông ấy (Bộ trưởng), nói: “Không!”",
    "Số điện thoại: 0912 345 678.",
    "Ừ, được rồi, đi thôi, nhanh lên, muộn rồi.",
    "Câu rất dài không có dấu câu nào cả để xem eSpeak có cắt mệnh đề hay không khi đọc một "
    "đoạn văn bản dài liên tục như thế này mà vẫn không dừng lại ở bất cứ chỗ nào hết cả",
)


def sentences(articles: Sequence[Path]) -> list[str]:
    import re

    out: list[str] = []
    for article in articles:
        for line in article.read_text(encoding="utf-8").splitlines():
            out += [s for s in re.split(r"(?<=[.!?])\s+", line.strip(" -\u00a0")) if s.strip()]
    return out + list(EDGE_CASES)


def bench_fidelity(articles: Sequence[Path], folder: Path) -> None:
    try:
        from piper import PiperVoice
        from piper.config import SynthesisConfig
    except ImportError:
        print("phoneme fidelity: skipped (pip install piper-tts to compare with it)")
        return
    from make_test_voice import make_voice

    from audionews.engines.piper import PiperEngine

    texts = sentences(articles)
    model = make_voice(folder / "fidelity", speakers=3)
    theirs = PiperVoice.load(model)
    ours = PiperEngine(model, speaker=2, speed=1.25)
    config = SynthesisConfig(speaker_id=2, length_scale=1 / 1.25)
    same_ids = same_audio = ids_total = ids_same = 0
    for text in texts:
        their_ids = [theirs.phonemes_to_ids(p) for p in theirs.phonemize(text) if p]
        our_ids = ours.sentence_ids(text)
        same_ids += their_ids == our_ids
        for a, b in zip(their_ids, our_ids, strict=False):
            ids_total += max(len(a), len(b))
            ids_same += sum(x == y for x, y in zip(a, b, strict=False))
        their_pcm = b"".join(c.audio_int16_bytes for c in theirs.synthesize(text, config))
        same_audio += their_pcm == ours.synthesize(text).pcm
    n = len(texts)
    print(
        f"phoneme fidelity vs piper-tts: {same_ids}/{n} texts with identical id sequences "
        f"({ids_same}/{ids_total} ids), {same_audio}/{n} identical audio ({len(EDGE_CASES)} of "
        "the texts are edge cases)"
    )


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
    parser.add_argument("article", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--work", type=int, default=6, help="conv layers of the CPU-bound voice")
    parser.add_argument("--latency", type=float, default=0.3, help="fake edge: seconds/session")
    parser.add_argument("--jobs", type=int, default=4, help="edge: sessions at once")
    parser.add_argument("--seconds-per-char", type=float, default=0.065, help="fake edge audio")
    args = parser.parse_args()
    print(f"article: {args.article.name}")
    bench_espeak(args.article)
    with tempfile.TemporaryDirectory() as tmp:
        bench_piper(args.article, args.work, Path(tmp))
        bench_fidelity(sorted({EXAMPLE, SAMPLE}), Path(tmp))
    bench_edge(args.article, args.latency, args.jobs, args.seconds_per_char)


if __name__ == "__main__":
    main()
