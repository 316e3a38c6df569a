"""Facts about Vietnamese spelling: letter names and a syllable shape check."""

from __future__ import annotations

import unicodedata

from audionews import regexcache as rc

__all__ = [
    "LETTER_NAMES",
    "is_ascii_syllable",
    "is_vietnamese_syllable",
    "spell_letters",
    "strip_tone",
]

# One consistent table of Vietnamese letter names (how a newsreader spells "UBND", "XYZ").
LETTER_NAMES: dict[str, str] = {
    "A": "a", "Ă": "á", "Â": "ớ", "B": "bê", "C": "xê", "D": "dê", "Đ": "đê", "E": "e",
    "Ê": "ê", "F": "ép", "G": "gờ", "H": "hát", "I": "i", "J": "gi", "K": "ca", "L": "lờ",
    "M": "mờ", "N": "nờ", "O": "o", "Ô": "ô", "Ơ": "ơ", "P": "pê", "Q": "quy", "R": "rờ",
    "S": "ét", "T": "tê", "U": "u", "Ư": "ư", "V": "vê", "W": "vê kép", "X": "ích",
    "Y": "i", "Z": "dét",
}  # fmt: skip

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def strip_tone(word: str) -> tuple[str, int]:
    """Remove tone marks (keep ă â ê ô ơ ư); return the bare word and how many tones it had."""
    decomposed = unicodedata.normalize("NFD", word)
    kept = [c for c in decomposed if c not in _TONES]
    tones = len(decomposed) - len(kept)
    return unicodedata.normalize("NFC", "".join(kept)), tones


_SYLLABLE = rc.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnpqrstvx])?"
    r"(?:[aăâeêioôơuưy]|oa|oă|oe|uy|uâ|uê|uơ|ươ|iê|yê|ia|ua|ưa|oo|ai|ao|au|ay|âu|ây|eo|êu|"
    r"iu|oi|ôi|ơi|ui|ưi|ưu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|iêu|yêu|uya|uyê|uyu|uô)"
    r"(?:ch|nh|ng|[cmnpt])?"
)


def is_vietnamese_syllable(word: str) -> bool:
    """True if ``word`` has the shape of one Vietnamese syllable (any case, at most one tone)."""
    if not word or len(word) > 8:
        return False
    bare, tones = strip_tone(word.lower())
    return tones <= 1 and _SYLLABLE.fullmatch(bare) is not None


_PLAIN = str.maketrans("ăâêôơưđ", "aaeoouđ")
# The same shapes written without any diacritics ("nien", "chinh", "thuong"), as in web
# addresses: every rhyme above with its vowel marks removed.
_ASCII_SYLLABLE = rc.compile(_SYLLABLE.pattern.translate(_PLAIN))


_GLIDE_THEN_CODA = rc.compile(r"(?:a[ioyu]|e[ou]|oi|u[iu]|iu)(?:ch|nh|ng|[cmnpt])$")


def is_ascii_syllable(word: str) -> bool:
    """True if lowercase ASCII ``word`` is a Vietnamese syllable written without marks."""
    return (
        len(word) <= 8
        and _ASCII_SYLLABLE.fullmatch(word) is not None
        and _GLIDE_THEN_CODA.search(word) is None  # a rhyme ending in a glide takes no coda
    )


def spell_letters(token: str) -> str:
    """Spell an acronym with Vietnamese letter names; digits are kept for the number rules."""
    words: list[str] = []
    for ch in token:
        name = LETTER_NAMES.get(ch.upper())
        if name is not None:
            words.append(name)
        elif ch.isdecimal():
            words.append(ch)
    return " ".join(words)
