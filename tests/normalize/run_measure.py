"""Normalize a held-out set (real_d, real_e, ...) for the hand measurement of issue #12.

As MEASURE_C: one Normalizer(foreign=...) per file, every line learned first, then each line
normalized, in both foreign modes. Writes out/<commit>/<file>.<mode>.txt, one output line per
input line (the `# source` header copied, blank lines kept), so runs at two commits can be
diffed, and prints the spoken words per mode (whitespace-separated, as audionews.review counts).

    python tests/normalize/run_measure.py real_e [--commit HASH]
    python tests/normalize/real_e/run_measure.py [--commit HASH]   (the same, from the set)
"""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

from audionews.normalize import Normalizer

SETS = Path(__file__).resolve().parent
MODES = ("keep", "respell")


def _commit() -> str:
    command = ["git", "rev-parse", "--short", "HEAD"]
    result = subprocess.run(command, cwd=SETS, capture_output=True, text=True, check=True)
    return result.stdout.strip()


def _is_text(line: str) -> bool:
    return bool(line.strip()) and not line.startswith("#")


def run_file(path: Path, mode: str) -> tuple[list[str], int]:
    """The file's lines normalized (header and blank lines as they are) and its spoken words."""
    lines = path.read_text(encoding="utf-8").splitlines()
    normalizer = Normalizer(foreign=mode)
    for line in lines:
        if _is_text(line):
            normalizer.learn(line)
    out: list[str] = []
    words = 0
    for line in lines:
        if _is_text(line):
            spoken = normalizer.normalize(line)
            words += len(spoken.split())
            out.append(spoken)
        else:
            out.append(line)
    return out, words


def main(here: Path | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    if here is None:
        parser.add_argument("set", help="the set's folder under tests/normalize (real_e)")
    parser.add_argument("--commit", default=None, help="folder name under out/ (default: HEAD)")
    args = parser.parse_args()
    here = here or SETS / args.set
    target = here / "out" / (args.commit or _commit())
    target.mkdir(parents=True, exist_ok=True)
    for mode in MODES:
        total = 0
        for path in sorted(here.glob("*.txt")):
            out, words = run_file(path, mode)
            total += words
            (target / f"{path.stem}.{mode}.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
        print(f"{mode}: {total} spoken words")
    print(f"written to {target}")


if __name__ == "__main__":
    main()
