"""The data-driven case suite: tests/normalize/cases.txt (input => accepted readings)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from audionews.normalize import normalize_text

CASES_FILE = Path(__file__).with_name("cases.txt")

# Free variants a newsreader may use; the normalizer picks the first of each pair.
_VARIANTS = (
    (re.compile(r"\blẻ\b"), "linh"),
    (re.compile(r"\bnhăm\b"), "lăm"),
    (re.compile(r"\bmồng\b"), "mùng"),
    (re.compile(r"\bngàn\b"), "nghìn"),
    (re.compile(r"\btháng giêng\b"), "tháng một"),
)


def canonical(text: str) -> str:
    text = " ".join(unicodedata.normalize("NFC", text).split())
    for pattern, replacement in _VARIANTS:
        text = pattern.sub(replacement, text)
    return text


def load_cases() -> list[tuple[str, str, list[str]]]:
    cases: list[tuple[str, str, list[str]]] = []
    category = ""
    for raw in CASES_FILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("##"):
            category = line.lstrip("#").strip()
            continue
        if not line or line.startswith("#"):
            continue
        source, _, expected = line.partition(" => ")
        readings = [r.strip() for r in expected.split(" || ")]
        cases.append((category, source, readings))
    return cases


CASES = load_cases()


def test_suite_is_large_and_broad() -> None:
    assert len(CASES) >= 300
    assert len({category for category, _, _ in CASES}) >= 15


@pytest.mark.parametrize(
    ("category", "source", "readings"),
    CASES,
    ids=[f"{c}:{s[:40]}" for c, s, _ in CASES],
)
def test_case(category: str, source: str, readings: list[str]) -> None:
    text = unicodedata.normalize("NFD", source[4:]) if source.startswith("NFD:") else source
    spoken = normalize_text(text)
    assert canonical(spoken) in {canonical(r) for r in readings}, f"[{category}] {source!r}"
    assert normalize_text(spoken) == spoken, "not idempotent"
