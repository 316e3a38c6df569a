"""Development sweep of the normalizer over the real corpus articles (issue #12).

For every article of tests/corpus/<set>/*.txt (every set, or those given with ``--sets``; the
blind sets named in ``BLIND`` are never read), the text that would be read (``parse_article``:
headline, lead, headings, paragraphs) is normalized by one Normalizer per article and foreign
mode (every piece learned first, then each sentence normalized, as run_measure.py does). Every
sentence with a "risky" token (digits, a slash, a dash between numbers, two capitals, a dot
inside a token, letters glued to digits, %, a unit, a word that is not a Vietnamese syllable) is
written with its spoken forms:

    S  the source sentence
    K  keep mode
    R  respell mode (only when it differs from K)

to OUT/sweep.txt (default /tmp/audionews-sweep/<commit>), and the spoken words of all the
read text per mode are printed. A development aid: the figures it helps count are not blind.

    python tests/normalize/sweep_corpus.py [--out DIR] [--grep REGEX] [--sets dev,heldout9,...]
"""

from __future__ import annotations

import argparse
import re
import subprocess
from pathlib import Path

from audionews.article import Article, parse_article
from audionews.normalize import Normalizer
from audionews.normalize.vietnamese import is_vietnamese_syllable
from audionews.segment import split_sentences, unglue_sentences

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
# Sets being gathered blind by other helpers: never read.
BLIND: frozenset[str] = frozenset()  # sets being gathered, never swept (none now: all are scored)
MODES = ("keep", "respell")

_UNITS = r"(?:k?m|cm|mm|kg|g|ha|m2|m3|km2|l|ml|kW|MW|kWh|GB|MB|Hz|GHz|USD|VND|đ)"
_RISKY = re.compile(
    r"\d|/|%|&|@|\+|"
    r"[A-ZĐ][A-ZĐ]|"  # two capitals
    r"\w\.\w|"  # a dot inside a token
    rf"(?<![\w]){_UNITS}(?![\w])"
)
_WORD = re.compile(r"[^\W\d_]+")


def _commit() -> str:
    command = ["git", "rev-parse", "--short", "HEAD"]
    return subprocess.run(
        command, cwd=CORPUS, capture_output=True, text=True, check=True
    ).stdout.strip()


def is_risky(sentence: str) -> bool:
    """The sentence has a token a normalizer may read wrong."""
    if _RISKY.search(sentence):
        return True
    return any(not is_vietnamese_syllable(w.lower()) for w in _WORD.findall(sentence))


def reading_order(article: Article) -> list[str]:
    """The pieces read aloud (captions not read: the default)."""
    texts = [article.headline] if article.headline else []
    if article.lead:
        texts.append(article.lead)
    for section in article.sections:
        if section.heading:
            texts.append(section.heading)
        texts.extend(section.paragraphs)
    return texts


def articles(sets: frozenset[str] | None = None) -> list[Path]:
    """Every corpus article of ``sets`` (default: every set) outside the blind sets (a text
    with its .json expectations; run logs such as RUN1_*.txt are not articles)."""
    return sorted(
        p
        for p in CORPUS.glob("*/*.txt")
        if p.parent.name not in BLIND
        and (sets is None or p.parent.name in sets)
        and p.with_suffix(".json").is_file()
    )


def parse_sets(value: str) -> frozenset[str]:
    """``heldout9,heldout10`` -> the set names; a blind or unknown set is an error."""
    names = frozenset(v.strip() for v in value.split(",") if v.strip())
    for name in sorted(names):
        if name in BLIND:
            raise argparse.ArgumentTypeError(f"{name} is a blind set: never swept")
        if not (CORPUS / name).is_dir():
            raise argparse.ArgumentTypeError(f"no corpus set {name}")
    if not names:
        raise argparse.ArgumentTypeError("no set named")
    return names


def sweep_article(path: Path) -> tuple[list[tuple[str, str, str]], dict[str, int]]:
    """(source, keep, respell) for each risky sentence, and spoken words per mode."""
    pieces = reading_order(parse_article(path.read_text(encoding="utf-8")))
    sentences = [s for p in pieces for s in split_sentences(unglue_sentences(p))]
    spoken: dict[str, list[str]] = {}
    for mode in MODES:
        normalizer = Normalizer(foreign=mode)
        for piece in pieces:
            normalizer.learn(piece)
        spoken[mode] = [normalizer.normalize(s) for s in sentences]
    words = {mode: sum(len(s.split()) for s in spoken[mode]) for mode in MODES}
    rows = [
        (s, k, r)
        for s, k, r in zip(sentences, spoken["keep"], spoken["respell"], strict=True)
        if is_risky(s)
    ]
    return rows, words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="output folder")
    parser.add_argument("--grep", default=None, help="only sentences whose source matches")
    parser.add_argument(
        "--sets",
        type=parse_sets,
        default=None,
        help="comma-separated corpus sets to sweep (default: every set outside BLIND)",
    )
    args = parser.parse_args()
    out = args.out or Path("/tmp/audionews-sweep") / _commit()
    out.mkdir(parents=True, exist_ok=True)
    pattern = re.compile(args.grep) if args.grep else None
    totals = dict.fromkeys(MODES, 0)
    lines: list[str] = []
    count = 0
    paths = articles(args.sets)
    for path in paths:
        rows, words = sweep_article(path)
        for mode in MODES:
            totals[mode] += words[mode]
        rows = [row for row in rows if pattern is None or pattern.search(row[0])]
        if not rows:
            continue
        lines.append(f"## {path.parent.name}/{path.name}")
        for source, keep, resp in rows:
            lines += [f"S  {source}", f"K  {keep}"]
            if resp != keep:
                lines.append(f"R  {resp}")
            lines.append("")
            count += 1
    (out / "sweep.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(paths)} articles, {count} risky sentences")
    for mode in MODES:
        print(f"{mode}: {totals[mode]} spoken words")
    print(f"written to {out / 'sweep.txt'}")


if __name__ == "__main__":
    main()
