"""audionews: Vietnamese news articles to broadcast-ready audio."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "normalize_text"]

logging.getLogger(__name__).addHandler(logging.NullHandler())

if TYPE_CHECKING:
    from audionews.normalize import normalize_text


def __getattr__(name: str) -> Any:
    # The normalizer loads its lexicons on import: only when asked for (keeps `--help` fast).
    if name == "normalize_text":
        from audionews.normalize import normalize_text

        return normalize_text
    raise AttributeError(f"module 'audionews' has no attribute {name!r}")
