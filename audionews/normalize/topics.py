"""What a document is about, and the acronyms whose reading depends on it.

"BĐ" is "báo động" in a flood bulletin and "bóng đá" on a sports page; "TS" is "thí sinh" in
exam news and "tiến sĩ" elsewhere. The topic is a keyword score over the whole document; the
readings per topic are data (``audionews/data/topics.toml``).
"""

from __future__ import annotations

import functools
import re
import sys
from collections import Counter
from dataclasses import dataclass
from importlib import resources

from audionews import regexcache as rc
from audionews.errors import ConfigError
from audionews.normalize.lexicon import trie_regex

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

__all__ = ["MIN_SCORE", "TopicData", "guess_topic", "topic_data"]

MIN_SCORE = 3
"""Keyword hits the leading topic needs (and twice the runner-up's) to be the document's."""

_SPECIAL = ("default", "before_name", "before_phone", "before_school", "before_road")


@dataclass(frozen=True)
class TopicData:
    """Keywords per topic and, per acronym, its reading by topic (plus the special keys)."""

    keywords: dict[str, str]  # lowercased keyword -> topic
    keyword_re: re.Pattern[str]
    readings: dict[str, dict[str, str]]
    acronym_re: re.Pattern[str]

    def reading(self, acronym: str, topic: str | None) -> str | None:
        """The acronym's reading for ``topic``: the topic's, else the default, else None."""
        table = self.readings[acronym]
        if topic is not None and topic in table:
            return table[topic]
        return table.get("default")


def _parse(data: dict[str, object], source: str) -> TopicData:
    topics = data.get("topics", {})
    acronyms = data.get("acronyms", {})
    if not isinstance(topics, dict) or not isinstance(acronyms, dict):
        raise ConfigError(f"{source}: [topics] and [acronyms] must be tables")
    keywords: dict[str, str] = {}
    for name, table in topics.items():
        words = table.get("keywords") if isinstance(table, dict) else None
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise ConfigError(f'{source}: [topics.{name}] needs keywords = ["...", ...]')
        for word in words:
            keywords[word.lower()] = name
    readings: dict[str, dict[str, str]] = {}
    for acronym, table in acronyms.items():
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise ConfigError(f'{source}: [acronyms."{acronym}"] must map topics to readings')
        unknown = set(table) - set(topics) - set(_SPECIAL)
        if unknown:
            raise ConfigError(
                f'{source}: [acronyms."{acronym}"] unknown topic(s) {sorted(unknown)}'
            )
        readings[acronym] = dict(table)
    pattern = rc.compile(rf"(?<!\w)(?:{trie_regex(keywords)})(?!\w)", re.IGNORECASE)
    acronym_re = rc.compile(rf"(?<![\w.&/-])({trie_regex(readings)})(?![\w&]|[-.][^\W\d_])")
    return TopicData(keywords, pattern, readings, acronym_re)


@functools.cache
def topic_data() -> TopicData:
    """The packaged topic keywords and topical acronym readings (loaded once)."""
    text = (resources.files("audionews") / "data" / "topics.toml").read_text("utf-8")
    return _parse(tomllib.loads(text), "audionews/data/topics.toml")


def guess_topic(text: str, data: TopicData | None = None) -> str | None:
    """The topic whose keywords occur most in ``text`` (at least ``MIN_SCORE`` times and twice
    the runner-up), or None when the document is about none of them clearly."""
    data = data or topic_data()
    scores: Counter[str] = Counter()
    for match in data.keyword_re.finditer(text):
        topic = data.keywords.get(match.group().lower())
        if topic is not None:
            scores[topic] += 1
    ranked = scores.most_common(2)
    if not ranked or ranked[0][1] < MIN_SCORE:
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]
