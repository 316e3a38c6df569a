"""Spoken-text normalization: the one seam from written Vietnamese to what an engine should read.

``normalize_text`` is public API (used by the pipeline, by users and by outside evaluations):
keep its name and signature.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["Normalizer", "normalize_text"]

_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")


class Normalizer:
    """Normalizes the pieces of one document; remembers abbreviations the document defines."""

    def learn(self, text: str) -> None:
        """Record what ``text`` defines (e.g. "doanh nghiệp (DN)") for later pieces."""

    def normalize(self, text: str) -> str:
        """Return the spoken form of ``text``."""
        text = unicodedata.normalize("NFC", text)
        return _SPACES.sub(" ", text).strip()


def normalize_text(text: str) -> str:
    """Return the spoken Vietnamese form of one piece of text."""
    normalizer = Normalizer()
    normalizer.learn(text)
    return normalizer.normalize(text)
