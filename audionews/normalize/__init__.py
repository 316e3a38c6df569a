"""Spoken-text normalization: the one seam from written Vietnamese to what an engine should read.

``normalize_text`` is public API (used by the pipeline, by users and by outside evaluations):
keep its name and signature.

A :class:`Normalizer` serves one document: ``learn`` every piece first (abbreviations the article
defines, its legacy encoding), then ``normalize`` each piece. The rewriting is a visible tuple
of small ``str -> str`` rules (``Normalizer.rules``); see docs/normalization.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from audionews.normalize import rules as r
from audionews.normalize.encoding import (
    convert_legacy,
    detect_legacy,
    has_vietnamese_letters,
    repair_text,
)
from audionews.normalize.lexicon import Lexicon, builtin_lexicon, load_lexicon_file, trie_regex
from audionews.normalize.vietnamese import is_vietnamese_syllable, strip_tone

__all__ = ["Normalizer", "normalize_text"]

_WORD_END = r"(?![\w&]|[-/.]\w)"
_WORD_START = r"(?<![\w./&-])"
_ABBR = rf"[{r.UPPER}][\w&.-]*[\w]"
_DEFINITION = re.compile(
    rf"\((?:(?:gọi|viết) tắt(?: là)?:?\s+|sau đây gọi (?:tắt )?là\s+)?({_ABBR})\)"
)
_CLAUSE_BREAK = re.compile(r"[.;:!?()\[\]\"“”,\n]")
_FUNCTION_WORDS = frozenset({"và", "của", "các", "về", "cho", "với", "trong", "tại", "-", "&"})
_LETTER_WORD = re.compile(r"[^\W\d_]")
_CAPS_WORD = re.compile(r"(?<![\w])[^\W\d_]{2,}(?![\w])")


def _initial(word: str) -> str:
    if word in {"và", "&"}:
        return "&"
    bare, _ = strip_tone(word[0])
    return {"Ă": "A", "Â": "A", "Ê": "E", "Ô": "O", "Ơ": "O", "Ư": "U", "Đ": "D"}.get(
        bare.upper(), bare.upper()
    )


def _abbr_key(abbr: str) -> str:
    return "".join(_initial(c) for c in abbr if c.isupper() or c == "&")


def _find_definition(before: str, abbr: str) -> str | None:
    """The words just before "(ABBR)" whose initials spell ABBR, or None."""
    clause = _CLAUSE_BREAK.split(before)[-1]
    words = clause.split()[-14:]
    target = _abbr_key(abbr)
    if len(target) < 2:
        return None
    for k in range(1, len(words) + 1):
        chunk = words[-k:]
        if chunk[0] in _FUNCTION_WORDS or not _LETTER_WORD.match(chunk[0]):
            continue
        letters = [w for w in chunk if _LETTER_WORD.match(w) or w == "&"]
        full = "".join(_initial(w) for w in letters)
        content = "".join(_initial(w) for w in letters if w.lower() not in _FUNCTION_WORDS)
        if target in (full, content, target.replace("&", "") and full.replace("&", "")) and (
            full == target or content == target.replace("&", "") or content == target
        ):
            return " ".join(w for w in chunk if w != "-")
    return None


def _comparable(text: str) -> str:
    return " ".join(w for w in text.lower().split() if w not in {"-", ","})


class Normalizer:
    """Normalizes the pieces of one document; remembers abbreviations the document defines."""

    def __init__(self, lexicon_files: Sequence[Path] = ()) -> None:
        builtin = builtin_lexicon()
        user = [load_lexicon_file(Path(p)) for p in lexicon_files]
        words: dict[str, str] = {}
        titles: dict[str, str] = dict(builtin.titles)
        for lexicon in (builtin, *user):
            words.update(lexicon.words)
            titles.update(lexicon.titles)
        self._user_words: dict[str, str] = {}
        for lexicon in user:
            self._user_words.update(lexicon.words)
            self._user_words.update(lexicon.titles)
        self._base_words = _with_variants(words, user)
        for key, value in titles.items():
            if len(key) >= 2:
                self._base_words.setdefault(key, value)
        self._titles = titles
        self._title_re = re.compile(rf"(?<![\w.])({trie_regex(titles)})\.\s*(?=[{r.UPPER}])")
        self._learned: dict[str, str] = {}
        self._word_re: re.Pattern[str] | None = None
        self._words: dict[str, str] = {}
        self._seen: list[str] = []
        self._encoding: str | None = None
        self._encoding_known = False
        self.rules: tuple[r.Rule, ...] = (
            self._repair,
            r.clean_spaces,
            self._drop_definitions,
            self._headline_case,
            r.phone_numbers,
            r.document_numbers,
            self._expand_titles,
            self._expand_words,
            *r.NUMBER_RULES[2:],
            *r.FINAL_RULES,
        )

    # ----------------------------------------------------------------- learning
    def learn(self, text: str) -> None:
        """Record what ``text`` defines (e.g. "doanh nghiệp (DN)") for later pieces."""
        text = repair_text(text) if not self._seen else text
        self._seen.append(text)
        self._encoding_known = False
        text = r.clean_spaces(self._repair(text))
        for match in _DEFINITION.finditer(text):
            abbr = match.group(1).rstrip(".")
            definition = _find_definition(text[: match.start()], abbr)
            if definition and abbr not in self._learned:
                self._learned[abbr] = definition
                self._word_re = None

    # ----------------------------------------------------------------- normalizing
    def normalize(self, text: str) -> str:
        """Return the spoken form of ``text``."""
        for rule in self.rules:
            text = rule(text)
        return text

    def _document_encoding(self) -> str | None:
        if not self._encoding_known:
            joined = "\n".join(self._seen)
            self._encoding = None if has_vietnamese_letters(joined) else detect_legacy(joined)
            self._encoding_known = True
        return self._encoding

    def _repair(self, text: str) -> str:
        if not self._seen:
            return repair_text(text)
        encoding = self._document_encoding()
        if encoding is None or has_vietnamese_letters(text):
            return repair_text(text) if not text.isascii() else text
        return convert_legacy(text, encoding)

    def _drop_definitions(self, text: str) -> str:
        def drop(match: re.Match[str]) -> str:
            abbr = match.group(1).rstrip(".")
            before = _comparable(text[: match.start()])
            for spoken in (self._learned.get(abbr), self._base_words.get(abbr)):
                if spoken and before.endswith(_comparable(spoken)):
                    return ""
            return match.group()

        return _DEFINITION.sub(drop, text)

    def _headline_case(self, text: str) -> str:
        words = _CAPS_WORD.findall(text)
        caps = [w for w in words if w.isupper()]
        if len(caps) < 3 or len(caps) < 0.7 * len(words):
            return text

        def lower(match: re.Match[str]) -> str:
            word = match.group()
            if word in self._learned or word in self._user_words:
                return word
            if word.isupper() and is_vietnamese_syllable(word):
                return word.lower()
            return word

        return _CAPS_WORD.sub(lower, text)

    def _expand_titles(self, text: str) -> str:
        return self._title_re.sub(lambda m: self._titles[m.group(1)] + " ", text)

    def _expand_words(self, text: str) -> str:
        if self._word_re is None:
            self._words = dict(self._base_words)
            self._words.update(self._user_words)
            self._words.update(self._learned)
            self._word_re = re.compile(f"{_WORD_START}({trie_regex(self._words)}){_WORD_END}")
        words = self._words
        return self._word_re.sub(lambda m: words[m.group(1)], text)


def _with_variants(words: dict[str, str], user: Sequence[Lexicon]) -> dict[str, str]:
    """Long keys also match in upper, lower and capitalized case ("Covid-19", "COVID-19")."""
    result = dict(words)
    for key, value in words.items():
        if len(key) >= 5:
            for variant in (key.upper(), key.lower(), key.capitalize()):
                result.setdefault(variant, value)
    for lexicon in user:  # user entries win over built-in variants too
        result.update(lexicon.words)
    return result


def normalize_text(text: str) -> str:
    """Return the spoken Vietnamese form of one piece of text."""
    normalizer = Normalizer()
    normalizer.learn(text)
    return normalizer.normalize(text)
