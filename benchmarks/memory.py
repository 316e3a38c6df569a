"""Peak memory of a render against the programme's length (issue #17: flat memory).

    python benchmarks/memory.py [--minutes 10 40 90] [--profile podcast] [--engine fake]

Each length is rendered in a child process (a fresh interpreter, so nothing is shared) from a
generated Vietnamese article, with the chunk cache off (the audio is spooled to a temporary
folder); the child reports its peak resident set size (``ru_maxrss``, itself and any process it
started). The default engine is a fast fake that returns speech-like tone bursts of the length
eSpeak NG would (about 14 characters a second), so a 90-minute programme takes seconds to
synthesize and the measure is the back end's; ``--engine espeak`` uses the real voice.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

_TEXT = (
    "đồng bằng sông Cửu Long mùa nước nổi năm nay về muộn nông dân các tỉnh An Giang Đồng Tháp "
    "chuẩn bị ruộng lúa thu đông cá linh bông điên điển giá cả thị trường ổn định chính quyền "
    "địa phương hỗ trợ vốn vay giống mới kỹ thuật canh tác bền vững thích ứng biến đổi khí hậu "
    "thương lái thu mua tại ruộng xuất khẩu gạo tăng trưởng kinh tế người dân phấn khởi"
)
WORDS = _TEXT.split()
CHARS_PER_SECOND = 14.0
RATE = 22050


def article_text(minutes: float) -> str:
    """A news article of about ``minutes`` of speech: title, lead, sections of paragraphs."""
    want = int(minutes * 60 * CHARS_PER_SECOND)
    out = ["Mùa nước nổi về muộn ở đồng bằng sông Cửu Long", "", "05/09/2024 - 07:30", ""]
    size = 0
    i = 0
    section = 0
    while size < want:
        if i % 40 == 0:
            section += 1
            out += [f"Phần {section}", ""]
        words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(12 + i % 9)]
        sentence = " ".join(words).capitalize() + "."
        paragraph = " ".join([sentence] * 3)
        out += [paragraph, ""]
        size += len(paragraph)
        i += 1
    out += ["MINH TRÍ", ""]
    return "\n".join(out)


class FakeVoice:
    """Speech-like audio of eSpeak NG's length and rate, made at once (engine protocol)."""

    name = "espeak"  # its facts (chunk size, time-stretch) are espeak's
    max_chars = 600
    voice = "fake"
    sample_rate = RATE
    concurrent = False
    version = "fake-1"

    def synthesize(self, text: str):  # type: ignore[no-untyped-def]
        import numpy as np

        from audionews.audio import Audio

        n = int(len(text) / CHARS_PER_SECOND * RATE)
        rng = np.random.default_rng(zlib.crc32(text.encode()))
        t = np.arange(n) / RATE
        pitch = 110 + 40 * np.sin(2 * np.pi * 0.7 * t + rng.uniform(0, 6))
        phase = 2 * np.pi * np.cumsum(pitch) / RATE
        voice = sum(np.sin(k * phase) / k for k in range(1, 8))
        syllables = np.clip(np.sin(2 * np.pi * 4.0 * t), 0, None) ** 0.5
        x = 0.25 * voice * syllables + rng.normal(0, 0.01, n)
        silence = np.zeros(RATE // 10)
        pcm = (np.concatenate([silence, x, silence]) * 32767).astype("<i2")
        return Audio(pcm.tobytes(), RATE)


def child(minutes: float, profile: str, engine: str) -> None:
    from audionews.pipeline import RenderSettings, load_article, prepare_script, render

    work = Path(tempfile.mkdtemp())
    src = work / "bai.txt"
    src.write_text(article_text(minutes), encoding="utf-8")
    article, _ = load_article(src)
    settings = RenderSettings(profile=profile, use_cache=False, output=work / "out/")
    if engine == "fake":
        tts = FakeVoice()
    else:
        from audionews.pipeline import open_engine

        tts, _ = open_engine(RenderSettings(engine=engine))
    script = prepare_script(article, tts.max_chars, settings)
    started = time.perf_counter()
    result = render(script, tts, "benchmark", settings)  # type: ignore[arg-type]
    seconds = time.perf_counter() - started
    peak = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    print(
        json.dumps(
            {
                "minutes": result.duration / 60,
                "peak_mb": peak / 1024,
                "seconds": seconds,
                "bytes": result.path.stat().st_size,
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, nargs="+", default=[10.0, 40.0, 90.0])
    parser.add_argument("--profile", default="podcast")
    parser.add_argument("--engine", default="fake")
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.profile, args.engine)
        return
    print(f"profile {args.profile}, engine {args.engine}, cache off")
    print(f"{'asked':>6} {'length':>8} {'peak RSS':>10} {'MB/min':>7} {'render':>8}")
    for minutes in args.minutes:
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                str(minutes),
                "--profile",
                args.profile,
                "--engine",
                args.engine,
            ],
            capture_output=True,
            text=True,
        )
        if out.returncode:
            print(f"{minutes:>5.0f}m failed:\n{out.stderr[-2000:]}")
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"{minutes:>5.0f}m {r['minutes']:>7.1f}m {r['peak_mb']:>8.0f} MB "
            f"{r['peak_mb'] / r['minutes']:>7.1f} {r['seconds']:>7.1f}s",
            flush=True,
        )


if __name__ == "__main__":
    main()
