"""Benchmark Vietnamese text normalization on a long news-like article.

Run: ``python benchmarks/normalize.py [--chars N] [--foreign respell]``. Prints characters
per second for the full normalizer (learn + normalize, as the pipeline calls it), for a plain
baseline (NFC and whitespace collapsing) measured in the same run, and their ratio.
Target: >= 100,000 chars/s.
"""

from __future__ import annotations

import argparse
import random
import re
import time
import unicodedata

from audionews.normalize import Normalizer

SENTENCES = (
    "Ngày {d}/{m}/20{y}, UBND TP.HCM cho biết giá xăng RON 95 tăng {n}.{k:03d} đồng/lít, "
    "tương đương {p},{q}%.",
    "Theo Nghị định {n}/2019/NĐ-CP, doanh nghiệp (DN) vi phạm bị phạt từ {a} - {b} triệu đồng.",
    "Sáng {d}.{m}, PGS.TS Nguyễn Văn An, Giám đốc Sở GD&ĐT, làm việc với các DN trong KCN.",
    "Tổng cục Thống kê cho biết GDP quý III/2020 tăng {p},{q}%, CPI tăng {p},{q}% so với cùng kỳ.",
    "Đường dây {n} kV mạch {a} có công suất {k} MW, dài {n},{q} km, vốn {a},{q} tỷ USD.",
    "Lúc {h}h{mm}, đội tuyển Việt Nam thắng {a}-{c} trong trận đấu kéo dài {a}-{b} tiếng.",
    "Khoảng 1/3 dân số, tức {n}.{k:03d}.{k:03d} người, đã tiêm vắc xin COVID-19 lần thứ IV.",
    "Đại hội XIII của Đảng diễn ra từ {d}/1 đến {m}/2/2021 tại Hà Nội, thế kỷ XXI.",
    "Người dân có thể gọi đường dây nóng 1900 {n}{a} hoặc 0912 345 {k:03d} để phản ánh.",
    "Nhiệt độ cao nhất {a}{b}°C, lượng mưa {n} mm, gió giật cấp {c}, tốc độ {n} km/h.",
    "Sản xuất - kinh doanh (SXKD) phục hồi mạnh, SXKD của các HTX tăng {p}% trong giai đoạn "
    "2021 - 2025.",
    "BHXH Việt Nam đề nghị CSGT, ĐBSCL và các cơ quan liên quan phối hợp xử lý XYZ.",
    "Ông Steve Witkoff và ông Jared Kushner gặp ông Rustem Umerov tại Geneva, theo Interfax "
    "và Reuters; Tổng thống Trump nói chuyện với Thủ tướng Merz.",
    "Bà con nông dân phấn khởi vì được mùa, giá lúa tăng, đời sống ngày càng ổn định hơn.",
)


def make_article(target_chars: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < target_chars:
        parts = []
        for _ in range(rng.randint(3, 6)):
            template = rng.choice(SENTENCES)
            parts.append(
                template.format(
                    d=rng.randint(1, 28),
                    m=rng.randint(1, 12),
                    y=rng.randint(10, 25),
                    n=rng.randint(1, 999),
                    k=rng.randint(0, 999),
                    p=rng.randint(0, 99),
                    q=rng.randint(0, 9),
                    a=rng.randint(1, 9),
                    b=rng.randint(10, 30),
                    c=rng.randint(0, 5),
                    h=rng.randint(0, 23),
                    mm=f"{rng.randint(0, 59):02d}",
                )
            )
        paragraph = " ".join(parts)
        paragraphs.append(paragraph)
        size += len(paragraph)
    return paragraphs


_SPACES = re.compile(r"\s+")


def baseline(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def best_time(func: object, paragraphs: list[str], repeat: int) -> float:
    assert callable(func)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func(paragraphs)
        best = min(best, time.perf_counter() - start)
    return best


FOREIGN = ["keep"]


def run_normalizer(paragraphs: list[str]) -> None:
    normalizer = Normalizer(foreign=FOREIGN[0])
    for paragraph in paragraphs:
        normalizer.learn(paragraph)
    for paragraph in paragraphs:
        normalizer.normalize(paragraph)


def run_baseline(paragraphs: list[str]) -> None:
    for paragraph in paragraphs:
        baseline(paragraph)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=300_000, help="article size in characters")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--foreign", choices=("keep", "respell"), default="keep", help="foreign-name mode"
    )
    args = parser.parse_args()
    FOREIGN[0] = args.foreign
    paragraphs = make_article(args.chars)
    chars = sum(len(p) for p in paragraphs)
    run_normalizer(paragraphs[:5])  # warm-up: builds the cached lexicon regexes
    t_norm = best_time(run_normalizer, paragraphs, args.repeat)
    t_base = best_time(run_baseline, paragraphs, args.repeat)
    print(f"article: {chars:,} characters in {len(paragraphs)} paragraphs, foreign={args.foreign}")
    print(f"normalizer: {chars / t_norm:,.0f} chars/s ({t_norm * 1000:.0f} ms)")
    print(f"baseline (NFC + whitespace): {chars / t_base:,.0f} chars/s ({t_base * 1000:.1f} ms)")
    print(
        f"ratio normalizer/baseline speed: {t_base / t_norm:.3f} (slowdown x{t_norm / t_base:.0f})"
    )
    print("target >= 100,000 chars/s:", "OK" if chars / t_norm >= 100_000 else "MISSED")


if __name__ == "__main__":
    main()
