"""The command line: parses options, hands them to the library, prints what came back.

Options become a :class:`audionews.settings.RenderSettings` through ``RenderSettings.build``
(same names); every rule lives in the library. Heavy modules are imported inside the commands,
so ``--help`` is fast. Errors the package raises on purpose become one clean message (with the
option that fixes them) and an exit code (``app.errors``).

    app.py     the typer app, global options, errors, shared option types
    render.py  make, bulletin (one table of render options)
    tools.py   script, say, engines, validate, check
    manage.py  feed, cache, lexicon, voices
"""

from __future__ import annotations

import os

from audionews.cli import manage, render, tools  # noqa: F401 - they register their commands
from audionews.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point."""
    # numpy's OpenBLAS starts a thread per core when imported, and no command multiplies
    # matrices (loudness uses einsum on purpose): one thread saves ~70 ms of CPU per command.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    app()
