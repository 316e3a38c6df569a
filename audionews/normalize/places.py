"""Place names: official names with a dash read as one name, and glued ranges of provinces.

Data in ``audionews/data/places.toml``.
"""

from __future__ import annotations

import functools
import re
import sys
from importlib import resources

from audionews import regexcache as rc
from audionews.normalize.lexicon import longest_first, trie_regex

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

__all__ = ["is_place_name", "place_names"]

_OLD_TONES = {"óa": "oá", "òa": "oà", "ỏa": "oả", "õa": "oã", "ọa": "oạ", "óe": "oé", "òe": "oè"}


def _spellings(name: str) -> set[str]:
    """ "Thanh Hóa" and "Thanh Hoá" (the tone on the other vowel, as some outlets write it)."""
    old = name
    for new_style, old_style in _OLD_TONES.items():
        old = old.replace(new_style, old_style)
    return {name, old}


@functools.cache
def _places() -> dict[str, list[str]]:
    text = (resources.files("audionews") / "data" / "places.toml").read_text("utf-8")
    data: dict[str, list[str]] = tomllib.loads(text)
    return data


@functools.cache
def _data() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = _places()
    joined = [s for name in data["joined"] for s in _spellings(name)]
    parts = "|".join(
        r"\s*-\s*".join(re.escape(p.strip()) for p in name.split(" - "))
        for name in longest_first(joined)
    )
    joined_re = rc.compile(rf"(?<![\w-])(?:{parts})(?![\w-])")
    provinces = trie_regex(s for name in data["provinces"] for s in _spellings(name))
    range_re = rc.compile(rf"(?<![\w.-])(?:{provinces})(?:-(?:{provinces}))+(?![\w-])")
    return joined_re, range_re


def place_names(text: str) -> str:
    """ "Thừa Thiên - Huế" -> "Thừa Thiên Huế" (one name, no pause); "Thanh Hóa-Quảng Bình" ->
    "Thanh Hóa đến Quảng Bình"; "Nghệ An-Hà Tĩnh-Quảng Bình" -> a list."""
    if "-" not in text:
        return text
    joined_re, range_re = _data()
    text = joined_re.sub(lambda m: re.sub(r"\s*-\s*", " ", m.group()), text)

    def spread(match: re.Match[str]) -> str:
        places = match.group().split("-")
        if len(places) == 2:
            return f"{places[0]} đến {places[1]}"
        return ", ".join(places)

    return range_re.sub(spread, text)


@functools.cache
def _province_names() -> frozenset[str]:
    return frozenset(s.casefold() for name in _places()["provinces"] for s in _spellings(name))


_CITY_PREFIX = rc.compile(r"^(?:TP\.?|Tp\.?|TX\.?|Tx\.?|Thành phố|Thị xã|Tỉnh)\s*", re.IGNORECASE)


def is_place_name(text: str) -> bool:
    """ "TP.Thủ Dầu Một", "Hà Nội", "Tỉnh Bình Dương": a province or a big city alone."""
    bare = _CITY_PREFIX.sub("", text.strip(" .:-–"))
    return bare.casefold() in _province_names()
