"""Show an editor what normalization changed, word by word."""

from __future__ import annotations

import difflib

__all__ = ["mark_changes"]


def _key(word: str) -> str:
    return word.rstrip(".,;:!?…")


def mark_changes(written: str, spoken: str) -> str:
    """Return ``spoken`` with each rewritten stretch shown as ``[written -> spoken]``."""
    a, b = written.split(), spoken.split()
    out: list[str] = []
    # Compare words without trailing punctuation: an added full stop is not a rewrite.
    matcher = difflib.SequenceMatcher(
        a=[_key(w) for w in a], b=[_key(w) for w in b], autojunk=False
    )
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.extend(b[j1:j2])
        elif op == "delete":
            out.append(f"[{' '.join(a[i1:i2])} -> ]")
        else:
            out.append(f"[{' '.join(a[i1:i2])} -> {' '.join(b[j1:j2])}]")
    return " ".join(out)
