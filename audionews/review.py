"""Pronunciation review: the tokens of an article an engine is likely to read wrong.

Library API (the CLI's ``script --review`` prints it as a table or JSON)::

    review = review_text(text, lexicon_files=[...], foreign="respell")
    for item in review.items:
        print(item.kind, item.token, item.reading, item.suggestion, item.occurrences)
    json.dumps(review.to_dict())

Four kinds of token are listed, each once, with every place it occurs (line and sentence):

* ``foreign``: a capitalized word that is not a Vietnamese syllable and has no lexicon entry
  ("Ipsos", "Siena"): the engine gets it as written (or, with ``foreign="respell"``, the
  rule respelling of audionews/normalize/respell.py, worth checking by ear);
* ``non_vietnamese``: a lowercase word that is not a Vietnamese syllable ("smartwatch");
* ``acronym``: capitals not in any lexicon, spelled letter by letter ("ABC", "NBC");
* ``code``: letters mixed with digits, spelled ("H5N1", "XBB.1.5"); known unit and code
  forms ("400mm", "COP28") are left out.

Each item carries how audionews reads it now (``reading``) and a suggested user-lexicon line
(``suggestion``, ``"Kushner" = "Cút-sơ-nơ"``: for a foreign word the rule respelling of
audionews/normalize/respell.py, the one ``foreign="respell"`` reads; a starting point to
correct, then add with ``audionews.userlexicon.add_entry``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from audionews.normalize import Normalizer
from audionews.normalize.lexicon import (
    builtin_lexicon,
    load_data_lexicon,
    load_lexicon_file,
    trie_regex,
)
from audionews.normalize.respell import respell_hyphenated
from audionews.normalize.rules import _ADDRESS, code_words
from audionews.normalize.units import UNITS
from audionews.normalize.vietnamese import LETTER_NAMES, is_vietnamese_syllable
from audionews.segment import split_sentences
from audionews.userlexicon import toml_string

__all__ = ["KINDS", "Occurrence", "Review", "ReviewItem", "review_pieces", "review_text"]

KINDS = ("foreign", "non_vietnamese", "acronym", "code")

_TOKEN = re.compile(r"[^\W_](?:[\w'’.&+-]*[^\W_])?")
_NUMBER = re.compile(r"[\d.,:/+-]+")
_NUMBER_UNIT = re.compile(r"\d+(?:[.,]\d+)?([^\W\d_][\w/²³]*)")
_UPPER = re.compile(r"[A-ZÀ-ỸĐ]")
_CONTEXT = 120
_LETTER_WORDS = frozenset(
    w for name in LETTER_NAMES.values() for w in name.split() if w not in {"năm", "ba"}
)


@dataclass(frozen=True)
class Occurrence:
    """Where a token occurs: 1-based line (or piece) and sentence in it, and that sentence."""

    line: int
    sentence: int
    context: str

    def to_dict(self) -> dict[str, object]:
        return {"line": self.line, "sentence": self.sentence, "context": self.context}


@dataclass(frozen=True)
class ReviewItem:
    """One token to check, with its kind (see ``KINDS``), current reading and a suggestion."""

    token: str
    kind: str
    reading: str
    suggestion: str
    occurrences: tuple[Occurrence, ...] = ()

    @property
    def count(self) -> int:
        return len(self.occurrences)

    def to_dict(self) -> dict[str, object]:
        return {
            "token": self.token,
            "kind": self.kind,
            "reading": self.reading,
            "suggestion": self.suggestion,
            "count": self.count,
            "occurrences": [o.to_dict() for o in self.occurrences],
        }


@dataclass(frozen=True)
class Review:
    """The review of one article: the items in order of first appearance, and the number of
    spoken words (after normalization) to put them in proportion."""

    items: tuple[ReviewItem, ...] = ()
    spoken_words: int = 0
    foreign: str = "keep"
    kinds: tuple[str, ...] = field(default=KINDS)

    @property
    def occurrences(self) -> int:
        return sum(item.count for item in self.items)

    @property
    def per_thousand_words(self) -> float:
        """Flagged occurrences per 1,000 spoken words."""
        return 1000 * self.occurrences / self.spoken_words if self.spoken_words else 0.0

    def lexicon_toml(self) -> str:
        """Every suggestion as a ``[words]`` table, ready to edit and use with --lexicon."""
        return "[words]\n" + "".join(item.suggestion + "\n" for item in self.items)

    def to_dict(self) -> dict[str, object]:
        return {
            "spoken_words": self.spoken_words,
            "occurrences": self.occurrences,
            "per_thousand_words": round(self.per_thousand_words, 2),
            "foreign": self.foreign,
            "items": [item.to_dict() for item in self.items],
        }


def review_text(text: str, *, lexicon_files: Sequence[Path] = (), foreign: str = "keep") -> Review:
    """Review an article given as text; occurrences are located by line (1-based)."""
    return review_pieces(text.splitlines(), lexicon_files=lexicon_files, foreign=foreign)


def review_pieces(
    pieces: Sequence[str], *, lexicon_files: Sequence[Path] = (), foreign: str = "keep"
) -> Review:
    """Review an article given as pieces (e.g. a script's written pieces, in reading order);
    an occurrence's ``line`` is the 1-based index of its piece."""
    normalizer = Normalizer(lexicon_files, foreign=foreign)
    for piece in pieces:
        normalizer.learn(piece)
    known = _known_words(lexicon_files)
    phrases = _known_phrases(lexicon_files)
    found: dict[str, tuple[str, list[Occurrence]]] = {}
    spoken_words = 0
    for number, piece in enumerate(pieces, start=1):
        if not piece.strip():
            continue
        spoken_words += len(normalizer.normalize(piece).split())
        for index, sentence in enumerate(split_sentences(piece), start=1):
            context = sentence if len(sentence) <= _CONTEXT else sentence[: _CONTEXT - 1] + "…"
            for match in _TOKEN.finditer(phrases.sub(" ", sentence)):
                token = match.group().rstrip(".")
                if len(token) > 40 or _ADDRESS.search(token):
                    continue
                kind = _classify(token, known, normalizer)
                if kind is None:
                    continue
                entry = found.setdefault(token, (kind, []))
                entry[1].append(Occurrence(number, index, context))
    items = []
    for token, (kind, places) in found.items():
        reading = normalizer.normalize(token).rstrip(".")
        items.append(
            ReviewItem(token, kind, reading, _suggest(token, kind, reading), tuple(places))
        )
    return Review(tuple(items), spoken_words, foreign)


def _known_words(lexicon_files: Sequence[Path]) -> frozenset[str]:
    words: set[str] = set(builtin_lexicon().words) | set(builtin_lexicon().titles)
    words |= set(code_words()) | set(UNITS)
    words |= set(load_data_lexicon("foreign.toml").words)
    for path in lexicon_files:
        lexicon = load_lexicon_file(Path(path))
        words |= set(lexicon.words) | set(lexicon.titles)
    return frozenset(words | {w.upper() for w in words if len(w) >= 5})


def _known_phrases(lexicon_files: Sequence[Path]) -> re.Pattern[str]:
    """Lexicon keys of several words ("New York Times"), masked before tokens are checked."""
    keys = {k for k in builtin_lexicon().words if " " in k}
    keys |= {k for k in load_data_lexicon("foreign.toml").words if " " in k}
    for path in lexicon_files:
        keys |= {k for k in load_lexicon_file(Path(path)).words if " " in k}
    return re.compile(rf"(?<!\w)(?:{trie_regex(keys)})(?!\w)")


def _classify(token: str, known: frozenset[str], normalizer: Normalizer) -> str | None:
    if token in known or token.capitalize() in known or _NUMBER.fullmatch(token):
        return None
    if normalizer.knows(token):
        return None  # defined in the article ("doanh nghiệp (DN)")
    letters = [c for c in token if c.isalpha()]
    if len(letters) < 2 and not any(c.isdigit() for c in token):
        return None
    if any(c.isdigit() for c in token):
        unit = _NUMBER_UNIT.fullmatch(token)
        if unit and unit.group(1) in UNITS:
            return None
        runs = re.findall(r"[^\W\d_]{2,}", token)
        if runs and all(run in known for run in runs):
            return None
        if not letters:
            return None
        spelled = set(normalizer.normalize(token).lower().split()) & _LETTER_WORDS
        return "code" if spelled else None  # "7h", "13h30" are read as times
    parts = [p for p in re.split(r"[-.&'’+]", token) if p]
    if all(is_vietnamese_syllable(p) for p in parts):
        return None  # Vietnamese, also "HÀ NỘI" in capitals
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "acronym"
    if _UPPER.match(token):
        return "foreign"
    return "non_vietnamese"


def _suggest(token: str, kind: str, reading: str) -> str:
    spoken = reading
    if kind in {"foreign", "non_vietnamese"}:
        parts = [p for p in re.split(r"[^\w]+", token) if p]
        spoken = " ".join(respell_hyphenated(p) for p in parts) or " ".join(
            LETTER_NAMES.get(c.upper(), c) for c in token if c.isalnum()
        )
    return f"{toml_string(token)} = {toml_string(spoken or token)}"
