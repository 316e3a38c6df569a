"""Held-out fresh news sentences for issue #12 (tests/normalize/fresh.txt).

``python tests/normalize/test_fresh.py`` prints the score and the misses.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from audionews.normalize import normalize_text

try:
    from .test_cases import canonical
except ImportError:  # run as a script
    from test_cases import canonical  # type: ignore[no-redef]

FRESH_FILE = Path(__file__).with_name("fresh.txt")


def load_fresh() -> list[tuple[str, str, list[str]]]:
    cases: list[tuple[str, str, list[str]]] = []
    category = ""
    for raw in FRESH_FILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("##"):
            category = line.lstrip("#").strip()
        elif line and not line.startswith("#"):
            source, _, expected = line.partition(" => ")
            cases.append((category, source, [r.strip() for r in expected.split(" || ")]))
    return cases


FRESH = load_fresh()


def accepted(source: str, readings: list[str]) -> bool:
    spoken = normalize_text(unicodedata.normalize("NFC", source))
    return canonical(spoken) in {canonical(r) for r in readings}


def test_at_least_sixty_sentences() -> None:
    assert len(FRESH) >= 60


@pytest.mark.parametrize(
    ("category", "source", "readings"), FRESH, ids=[f"{c}:{s[:40]}" for c, s, _ in FRESH]
)
def test_fresh_sentence(category: str, source: str, readings: list[str]) -> None:
    assert accepted(source, readings), f"[{category}] {source!r} -> {normalize_text(source)!r}"


if __name__ == "__main__":
    ok = 0
    for category, source, readings in FRESH:
        if accepted(source, readings):
            ok += 1
        else:
            got = normalize_text(source)
            print(f"MISS [{category}] {source}\n  got:  {got}\n  want: {readings[0]}")
    print(f"fresh sentences: {ok}/{len(FRESH)} accepted")
