"""Imported once by the render processes' forkserver: the library imported and exercised, so
each render process starts in milliseconds with nothing left to import, compile or plan.

A short programme is rendered once (espeak, no cache, into a temporary folder): first calls
(the lexicon's patterns, NumPy/SciPy FFT plans, the speech library, LAME) are paid here, once,
instead of in every render. A failure only costs the warm-up.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import audionews.bulletin
import audionews.desk.render
from audionews.pipeline import make
from audionews.settings import RenderSettings

__all__ = ["audionews"]

_TEXT = (
    "Bản tin thử\n\n16/09/2024 - 07:30\n\nNgày 15/9, mực nước sông Tiền đạt 3,15 m.\n\n"
    "Phần hai\n\nHTX có 126 thành viên, doanh thu 2,5 tỷ đồng.\n\nTHANH TÂM\n"
)


def _warm() -> None:
    with tempfile.TemporaryDirectory(prefix="audionews-warm-") as tmp:
        source = Path(tmp) / "warm.txt"
        source.write_text(_TEXT, encoding="utf-8")
        settings = RenderSettings.build(
            "podcast",
            engine="espeak",
            output=Path(tmp) / "warm.mp3",
            no_cache=True,
            sidecars="all",
        )
        make(source, settings)


try:
    _warm()
except Exception:  # pragma: no cover - never fatal
    logging.getLogger(__name__).warning("desk: the render warm-up failed", exc_info=True)
