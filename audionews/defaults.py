"""Defaults written once, for the library, the CLI and the docs."""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "DEFAULT_BITRATE",
    "DEFAULT_ENGINE",
    "DEFAULT_JOBS",
    "DEFAULT_OUTPUT_DIR",
    "DEFAULT_PARALLEL",
    "DEFAULT_PROFILE",
    "DEFAULT_TIMEOUT",
]

DEFAULT_TIMEOUT = 15.0
"""Seconds to wait for one answer from an online engine or a web page."""
DEFAULT_BITRATE = 64
"""MP3 bitrate, kbps (CBR, mono)."""
DEFAULT_JOBS = 8
"""Requests at once for online engines."""
DEFAULT_PARALLEL = 2
"""Articles rendered at once in a batch."""
DEFAULT_OUTPUT_DIR = Path("output")
"""Where programmes go when no output is given (relative to the working folder)."""
DEFAULT_PROFILE = "podcast"
DEFAULT_ENGINE = "auto"
