"""Abbreviation lexicons: loading TOML files and matching hundreds of entries with one regex."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from audionews.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

__all__ = [
    "Lexicon",
    "builtin_lexicon",
    "load_data_lexicon",
    "load_lexicon_file",
    "parse_lexicon",
    "trie_regex",
]

_SECTIONS = ("words", "titles")


@dataclass(frozen=True)
class Lexicon:
    """``words``: written form -> spoken form; ``titles``: same, and "TS. Lê" keeps its dot."""

    words: Mapping[str, str] = field(default_factory=dict)
    titles: Mapping[str, str] = field(default_factory=dict)


def parse_lexicon(data: Mapping[str, object], source: str) -> Lexicon:
    """Validate a parsed TOML table; raise ConfigError naming ``source`` on any problem."""
    unknown = set(data) - set(_SECTIONS)
    if unknown:
        raise ConfigError(
            f"{source}: unknown section(s) {sorted(unknown)}; use [words] and/or [titles], "
            'e.g. [words] "COVID-19" = "cô vít mười chín"'
        )
    sections: dict[str, dict[str, str]] = {}
    for name in _SECTIONS:
        table = data.get(name, {})
        if not isinstance(table, dict):
            raise ConfigError(f'{source}: [{name}] must be a table of "written" = "spoken"')
        entries: dict[str, str] = {}
        for key, value in table.items():
            if not isinstance(value, str) or not value.strip() or not key.strip():
                raise ConfigError(
                    f"{source}: [{name}] entry {key!r} must map a non-empty written form "
                    "to a non-empty spoken string"
                )
            entries[key.strip()] = " ".join(value.split())
        sections[name] = entries
    return Lexicon(words=sections["words"], titles=sections["titles"])


def load_lexicon_file(path: Path) -> Lexicon:
    """Read a user lexicon TOML file; raise ConfigError if unreadable or malformed."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read lexicon file {path}: {exc.strerror or exc}") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"lexicon file {path} is not valid UTF-8 TOML: {exc}") from exc
    return parse_lexicon(data, str(path))


_DATA: dict[str, Lexicon] = {}


def load_data_lexicon(name: str) -> Lexicon:
    """A packaged lexicon in ``audionews/data`` (same format as user files; loaded once)."""
    if name not in _DATA:
        text = (resources.files("audionews") / "data" / name).read_text("utf-8")
        _DATA[name] = parse_lexicon(tomllib.loads(text), f"audionews/data/{name}")
    return _DATA[name]


def builtin_lexicon() -> Lexicon:
    """The packaged news abbreviation lexicon (loaded once)."""
    return load_data_lexicon("abbreviations.toml")


_Trie = dict[str, "_Trie"]


def longest_first(words: Iterable[str]) -> list[str]:
    """Words for a regex alternation, longest first (the first alternative that matches wins),
    ties in alphabetical order, so that a pattern built from a set is the same string in every
    process (hash order varies; the regex cache keys on the string)."""
    return sorted(words, key=lambda w: (-len(w), w))


def trie_regex(keys: Iterable[str]) -> str:
    """One regex alternation for many literal keys, as a trie (longest match preferred)."""
    trie: _Trie = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _render(trie) or "(?!)"


def _render(node: _Trie) -> str:
    ends = "" in node
    branches: list[str] = []
    for ch in sorted(k for k in node if k):
        branches.append(re.escape(ch) + _render(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        if len(branches) == 1 and not body.startswith("(?:"):
            body = "(?:" + body + ")"
        return body + "?"
    return body
