"""Compiled regular expressions kept between runs.

The article parser and the normalizer compile some 750 patterns (180,000 characters, the
lexicons' tries among them). Python's ``re`` parses each pattern in Python on every start,
0.15-0.3 s a process: a sixth of a short render from the command line. :func:`compile` keeps
what the parser makes of a pattern (its flags, code and groups) in a file in the user cache
folder and hands it to ``_sre.compile`` on the next start, which is what ``re.compile`` does
after parsing. The file is named after the interpreter's build and ``_sre``'s magic number, so
another Python never reads it; any entry ``_sre`` refuses, or any failure to read or write the
file, falls back to ``re.compile``. ``AUDIONEWS_REGEX_CACHE=0`` turns it off.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

try:  # CPython's regular-expression internals; elsewhere, plain re.compile
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _sre = None

#: Entries kept at most; past it the file keeps only what the last process used, and a
#: process holds at most twice as many (memory stays flat in a long-running desk).
MAX_ENTRIES = 4000

_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_table: dict[tuple[str, int], _Entry] | None = None
_used: set[tuple[str, int]] = set()
_missed = False
#: Patterns read back from the file in this process.
hits = 0


def enabled() -> bool:
    return _sre is not None and os.environ.get("AUDIONEWS_REGEX_CACHE", "1") != "0"


def cache_file() -> Path:
    """The cache file for this interpreter."""
    import platformdirs

    tag = f"{sys.implementation.cache_tag}-{'.'.join(map(str, sys.version_info[:3]))}"
    magic = getattr(_sre, "MAGIC", 0)
    return Path(platformdirs.user_cache_dir("audionews")) / f"regex-{tag}-{magic}.marshal"


def _load() -> dict[tuple[str, int], _Entry]:
    global _table
    if _table is None:
        try:
            loaded = marshal.loads(cache_file().read_bytes())
            _table = loaded if isinstance(loaded, dict) else {}
        except (OSError, EOFError, ValueError, TypeError):
            _table = {}
        atexit.register(save)
    return _table


def _parsed(pattern: str, flags: int) -> tuple[re.Pattern[str], _Entry]:
    """``re._compiler.compile`` in two halves: what the parser makes, then the pattern."""
    tree = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(tree, flags)]
    groupindex = dict(tree.state.groupdict)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry: _Entry = (
        int(flags | tree.state.flags),
        code,
        tree.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )
    return _sre.compile(pattern, *entry), entry


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, its parse kept between runs."""
    flags = int(flags)
    if not enabled() or not isinstance(pattern, str) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    table = _load()
    key = (pattern, flags)
    _used.add(key)
    entry = table.get(key)
    if entry is not None:
        try:
            compiled: re.Pattern[str] = _sre.compile(pattern, *entry)
            global hits
            hits += 1
            return compiled
        except Exception:
            del table[key]
    global _missed
    try:
        compiled, entry = _parsed(pattern, flags)
    except Exception:  # the internals changed (or a bad pattern): the public way, its errors
        return re.compile(pattern, flags)
    if len(table) < 2 * MAX_ENTRIES:
        table[key] = entry
        _missed = True
    return compiled


def save() -> None:
    """Write the table when this process parsed a pattern the file did not hold (atomically:
    a concurrent process reads the old file or the new one)."""
    global _missed
    if not _missed or _table is None:
        return
    _missed = False
    table: dict[Any, Any] = _table
    if len(table) > MAX_ENTRIES:
        table = {k: v for k, v in table.items() if k in _used}
    path = cache_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".regex-", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(marshal.dumps(table))
        os.replace(tmp, path)
    except (OSError, ValueError):
        Path(tmp).unlink(missing_ok=True)
