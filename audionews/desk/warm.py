"""Imported once by the render processes' forkserver: the library, imported and warmed, so each
render process starts in milliseconds with nothing left to import or compile."""

from __future__ import annotations

import audionews.bulletin
import audionews.cache
import audionews.desk.render
import audionews.export
import audionews.formats
import audionews.master
import audionews.pipeline
import audionews.read
import audionews.sidecars
from audionews.normalize import Normalizer

Normalizer()  # compiles the built-in lexicon's patterns once

__all__ = ["audionews"]
