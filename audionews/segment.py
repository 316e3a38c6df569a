"""Stage 4, segment: spoken text becomes speakable chunks.

Chunks are whole sentences when they fit the engine's limit; a longer sentence is cut at clause
punctuation, then between words, never inside a word (a single word longer than the limit is the
only thing ever cut, and only at the limit).
"""

from __future__ import annotations

import re

__all__ = ["split_sentences", "split_to_limit", "unglue_sentences"]

_UPPER = "A-ZÀ-ỸĐ"
_LOWER = "a-zà-ỹđ"
# Sentence end: . ! ? … (plus closing quotes/brackets) then space then an opening quote,
# an upper-case letter or a digit.
_SENTENCE_END = re.compile(
    rf"(?<=[.!?…])([\"”»')\]]*)\s+(?=[\"“«'(\[]?[{_UPPER}0-9])",
)
# "năm 2020.Theo đó": a full stop glued to the next sentence (lower/digit . Upper lower).
_GLUED = re.compile(rf"(?<=[{_LOWER}0-9)%])([.!?])(?=[{_UPPER}][{_LOWER}])")
_CLAUSE = re.compile(r"(?<=[,;:])\s+|\s+(?=[-–—]\s)")


def unglue_sentences(text: str) -> str:
    """Insert the missing space in "2020.Theo" without touching "TP.HCM" or "3.5"."""
    return _GLUED.sub(r"\1 ", text)


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping their punctuation."""
    text = " ".join(text.split())
    if not text:
        return []
    parts = _SENTENCE_END.split(text)
    # split() with one group yields [sent, closer, sent, closer, ...]
    sentences: list[str] = []
    for i in range(0, len(parts), 2):
        sent = parts[i]
        if i + 1 < len(parts):
            sent += parts[i + 1]
        sent = sent.strip()
        if sent:
            sentences.append(sent)
    return sentences


def split_to_limit(sentence: str, limit: int) -> list[str]:
    """Cut one sentence into pieces of at most ``limit`` characters.

    Prefers clause boundaries (, ; : and spaced dashes), then word boundaries.
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    sentence = sentence.strip()
    if len(sentence) <= limit:
        return [sentence] if sentence else []
    clauses = [c for c in _CLAUSE.split(sentence) if c]
    pieces: list[str] = []
    for clause in clauses:
        pieces.extend(_pack_words(clause, limit))
    return _merge(pieces, limit)


def _pack_words(text: str, limit: int) -> list[str]:
    if len(text) <= limit:
        return [text]
    out: list[str] = []
    cur = ""
    for word in text.split():
        while len(word) > limit:  # a "word" longer than the limit (a URL): cut it at the limit
            if cur:
                out.append(cur)
                cur = ""
            out.append(word[:limit])
            word = word[limit:]
        if not cur:
            cur = word
        elif len(cur) + 1 + len(word) <= limit:
            cur = f"{cur} {word}"
        else:
            out.append(cur)
            cur = word
    if cur:
        out.append(cur)
    return out


def _merge(pieces: list[str], limit: int) -> list[str]:
    """Greedily join neighbouring pieces while they fit, so clauses are not needlessly short."""
    out: list[str] = []
    for piece in pieces:
        if out and len(out[-1]) + 1 + len(piece) <= limit:
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out
