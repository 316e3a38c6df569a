"""Synthesis speed with a fake Google endpoint that answers every request after 200 ms.

Measured in one run, on an article the size of the reference sample (~5,000 characters):
1. `audionews make --engine gtts` with default settings (8 requests at once, fresh cache; the
   median of --repeat runs, with its CPU time) against the same spoken text synthesized
   sequentially the way gtts-cli does (`gTTS(text, lang="vi").save(...)`: its own
   <=100-character pieces, one request after another);
2. a re-render after a one-paragraph edit: how many requests it makes, against that paragraph's
   chunks;
(The offline render is timed by offline_render.py.)

The fake answers at the HTTP layer (responses), so gTTS's real request code runs in both.

    python benchmarks/synthesis.py [ARTICLE.txt] [--latency 0.2]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import requests
import responses
from samples import reference_sample

from audionews.engines.google import GOOGLE_MAX_CHARS
from audionews.pipeline import RenderSettings, load_article, make, prepare_script

URL = "https://translate.google.com/_/TranslateWebserverUi/data/batchexecute"


def fake_answer(seconds: float = 1.0) -> str:
    import base64
    import json

    import lameenc

    rate = 24000
    enc = lameenc.Encoder()
    enc.set_bit_rate(32)
    enc.set_in_sample_rate(rate)
    enc.set_out_sample_rate(rate)
    enc.set_channels(1)
    import math
    import struct

    n = int(seconds * rate)
    pcm = struct.pack(
        f"<{n}h", *(int(6000 * math.sin(2 * math.pi * 220 * i / rate)) for i in range(n))
    )
    mp3 = bytes(enc.encode(pcm)) + bytes(enc.flush())
    frame = json.dumps(
        [
            [
                "wrb.fr",
                "jQ1olc",
                json.dumps([base64.b64encode(mp3).decode()]),
                None,
                None,
                None,
                "generic",
            ]
        ],
        separators=(",", ":"),
    )
    return ")]}'\n\n" + str(len(frame)) + "\n" + frame + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description="Synthesis speed against a fake Google endpoint")
    parser.add_argument("article", nargs="?", type=Path, default=reference_sample())
    parser.add_argument("--repeat", type=int, default=3, help="renders of ours (median kept)")
    parser.add_argument("--latency", type=float, default=0.2, help="seconds per answer")
    parser.add_argument("--jobs", type=int, default=None, help="requests at once (default: ours)")
    args = parser.parse_args()

    body = fake_answer()
    count = {"n": 0}

    def answer(_request: requests.PreparedRequest) -> tuple[int, dict[str, str], str]:
        count["n"] += 1
        time.sleep(args.latency)
        return 200, {}, body

    article, _ = load_article(args.article)
    script = prepare_script(article, GOOGLE_MAX_CHARS)
    text = " ".join(c.text for c in script.chunks)
    work = Path(tempfile.mkdtemp())
    print(f"article: {args.article.name}, {len(text)} spoken characters")
    print(f"fake endpoint latency: {args.latency * 1000:.0f} ms per request")

    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        rsps.add_callback(responses.POST, URL, callback=answer)

        from gtts import gTTS

        count["n"] = 0
        start = time.perf_counter()
        gTTS(text, lang="vi").save(str(work / "gtts-cli.mp3"))
        base_t = time.perf_counter() - start
        base_n = count["n"]

        runs: list[tuple[float, float]] = []
        for n in range(max(1, args.repeat)):  # each with a fresh cache
            count["n"] = 0
            settings = RenderSettings(
                cache_dir=work / f"cache{n}", **({"jobs": args.jobs} if args.jobs else {})
            )
            start, cpu = time.perf_counter(), time.process_time()
            result = make(args.article, output=work / "ours.mp3", engine="gtts", settings=settings)
            runs.append((time.perf_counter() - start, time.process_time() - cpu))
            ours_n = count["n"]
        ours_t = statistics.median(r[0] for r in runs)
        ours_cpu = statistics.median(r[1] for r in runs)

        print(f"gtts-cli way (sequential):       {base_t:6.2f} s, {base_n} requests")
        print(
            f"audionews make (jobs={settings.jobs}):        {ours_t:6.2f} s "
            f"(median of {len(runs)}: {', '.join(f'{r[0]:.2f}' for r in runs)}; "
            f"CPU {ours_cpu:.2f} s), {ours_n} requests, {len(result.chapters)} chapters, "
            f"{result.duration:.0f} s of audio"
        )
        print(f"speed-up: {base_t / ours_t:.1f}x  (target >= 10x)")

        # Edit one paragraph (the longest one) and render again with the same cache.
        paragraphs = [p for s in article.sections for p in s.paragraphs]
        target = max(paragraphs, key=len)
        edited_text = args.article.read_text(encoding="utf-8").replace(
            target, target.replace(" ", "  ", 1).rstrip(".") + " trong năm nay.", 1
        )
        edited = work / "edited.txt"
        edited.write_text(edited_text, encoding="utf-8")
        edited_article, _ = load_article(edited)
        old_chunks = {c.text for c in script.chunks}
        new_chunks = [c.text for c in prepare_script(edited_article, GOOGLE_MAX_CHARS).chunks]
        changed = sum(1 for c in new_chunks if c not in old_chunks)
        count["n"] = 0
        start = time.perf_counter()
        again = make(edited, output=work / "ours.mp3", engine="gtts", settings=settings)
        re_t = time.perf_counter() - start
        print(
            f"re-render after editing one paragraph: {re_t:.2f} s, {count['n']} requests "
            f"({changed} chunks changed; {again.cached} of {again.chunks} from cache)"
        )


if __name__ == "__main__":
    main()
