"""The articles the benchmarks render: the brief's reference sample, else the bundled example."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_NAME = "an-giang-dang-bo-khoi-2020-10-23.txt"
EXAMPLE = ROOT / "examples" / "dong-bang-song-cuu-long-mua-nuoc-noi.txt"


def reference_sample() -> Path:
    """shared/samples/ beside the repository (or beside the folder of its worktrees)."""
    for parent in ROOT.parents:
        path = parent / "shared" / "samples" / SAMPLE_NAME
        if path.exists():
            return path
    return EXAMPLE
