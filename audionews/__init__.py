"""audionews: Vietnamese news articles to broadcast-ready audio."""

from __future__ import annotations

import logging

from audionews.normalize import normalize_text

__version__ = "0.1.0"
__all__ = ["__version__", "normalize_text"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
