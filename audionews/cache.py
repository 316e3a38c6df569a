"""A content-addressed cache of synthesized chunks: resume, and re-render only what changed.

The key is a SHA-256 of everything that changes the audio: engine name, engine version (which
includes its options, e.g. gtts tld/slow), voice, and the exact spoken text. An entry is one file
``<root>/<key[:2]>/<key>.pcm``: a 16-byte header (magic, sample rate, PCM length, CRC-32) and the
16-bit mono PCM. The CRC-32 covers the whole entry (magic, rate and length included), so a changed
sample rate is caught like changed audio. Entries are written atomically (temporary file +
``os.replace``) and verified on read; a corrupt entry is deleted and reported as a miss, so it is
re-synthesized, never played.

The folder holds a marker file (``.audionews-cache``, plus a standard ``CACHEDIR.TAG`` so backup
tools skip it), written when the cache is made: ``clear`` and ``prune`` refuse a folder without it
unless every ``*.pcm`` file in it is one of our entries (an older cache, then adopted).

Size: ``ChunkCache(root, max_bytes=N)`` prunes the least recently used entries when a ``put``
takes it over ``N``; :meth:`ChunkCache.prune` does the same on demand. A hit touches its entry's
modification time, which is the "last used" time pruning orders by.

Location: ``--cache-dir``, else ``$AUDIONEWS_CACHE_DIR``, else the user cache directory
(platformdirs, e.g. ``~/.cache/audionews`` on Linux).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import struct
import tempfile
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audionews.engines import Audio
from audionews.errors import ConfigError

__all__ = ["CACHE_ENV", "MARKER", "CacheInfo", "ChunkCache", "default_cache_dir", "parse_size"]

log = logging.getLogger(__name__)

CACHE_ENV = "AUDIONEWS_CACHE_DIR"
MARKER = ".audionews-cache"
"""The file that says a folder is an audionews chunk cache."""
_CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by audionews (synthesized speech chunks).\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)
_MAGIC = b"ANC2"
_OLD_MAGIC = b"ANC1"  # CRC-32 of the PCM only: its sample rate cannot be trusted, never played
_HEADER = struct.Struct("<4sIII")  # magic, sample rate, PCM bytes, CRC-32 of all the rest
_ENTRY_NAME = re.compile(r"^[0-9a-f]{64}\.pcm$")
_STALE_PART_SECONDS = 3600.0
"""A temporary file older than this was left by a killed process."""
_PRUNE_TO = 0.9
"""A put over the limit prunes to this fraction of it, so the next puts do not prune again."""


SHARED_LOCKS: Any = None
"""A fleet's chunk locks (``audionews.desk.chunklock.ChunkLocks``), or None: with them,
:meth:`ChunkCache.once` makes sure two processes sharing a cache synthesize a chunk once."""


def default_cache_dir() -> Path:
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("audionews")) / "chunks"


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?)b?\s*$", re.IGNORECASE)


def parse_size(value: str | int) -> int:
    """Bytes from ``500MB``, ``1.5G``, ``200k``, ``2GiB`` or a plain number of bytes.

    KB/MB/GB/TB are powers of 1000, KiB/MiB/GiB/TiB powers of 1024.
    """
    if isinstance(value, int):
        size = value
    else:
        m = _SIZE.match(value)
        if m is None:
            raise ConfigError(
                f"cache size {value!r}: give a size such as 500MB, 2GB or 800MiB.",
                setting="max_size",
            )
        power = "kmgt".find(m.group(2).lower()) + 1 if m.group(2) else 0
        size = int(float(m.group(1)) * (1024 if m.group(3) else 1000) ** power)
    if size < 0:
        raise ConfigError("the cache size must not be negative.", setting="max_size")
    return size


@dataclass(frozen=True)
class CacheInfo:
    path: Path
    entries: int
    bytes: int


class ChunkCache:
    """Synthesized chunks on disk, keyed by engine, version, voice and text.

    ``max_bytes`` (None: no limit) bounds the size: a ``put`` that takes the cache over it
    removes the least recently used entries.
    """

    _warned: set[str] = set()  # noqa: RUF012 - shared on purpose: one warning per folder
    _warned_lock = threading.Lock()

    def __init__(self, root: Path | None = None, max_bytes: int | None = None) -> None:
        self.root = Path(root) if root is not None else default_cache_dir()
        if max_bytes is not None and max_bytes < 0:
            raise ConfigError("the cache size must not be negative.", setting="max_size")
        self.max_bytes = max_bytes
        self.corrupt = 0
        """Corrupt entries found (and removed) by this instance."""
        self._size: int | None = None  # running estimate of the size, for max_bytes
        self._lock = threading.Lock()
        self._root_checked = False

    @staticmethod
    def key(engine: str, version: str, voice: str, text: str) -> str:
        blob = json.dumps([engine, version, voice, text], ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pcm"

    def _warn_once(self, message: str, *args: object) -> None:
        """Warn about this cache folder once per process; later problems are debug logs."""
        with self._warned_lock:
            first = str(self.root) not in self._warned
            self._warned.add(str(self.root))
        if first:
            log.warning(message + " (further cache problems are not shown)", *args)
        else:
            log.debug(message, *args)

    def get(self, key: str) -> Audio | None:
        """The cached audio for ``key``, or None when missing or corrupt (then removed)."""
        path = self._path(key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            self._warn_once("cache: cannot read %s (%s); synthesizing again", path, exc)
            return None
        audio = _decode(data)
        if audio is None:
            if data[:4] == _OLD_MAGIC:
                return None  # an older format: synthesized again and overwritten
            self.corrupt += 1
            log.warning("cache: corrupt entry %s removed; synthesizing again", path)
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # last used: what pruning orders by
        return audio

    def once(
        self, key: str, make: Callable[[], Audio], stopped: Callable[[], bool]
    ) -> Audio | None:
        """``make()`` (which synthesizes the chunk and puts it here). In a fleet
        (:data:`SHARED_LOCKS`), under a lock on ``key``: while another process holds it, wait
        for the chunk to appear here instead; None when ``stopped()`` meanwhile."""
        if SHARED_LOCKS is None:
            return make()
        audio: Audio | None = SHARED_LOCKS.once(self, key, make, stopped)
        return audio

    def put(self, key: str, audio: Audio) -> None:
        """Store ``audio`` under ``key`` atomically. Failing to cache never fails a render."""
        path = self._path(key)
        data = _encode(audio)
        try:
            self._ensure_root()
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=".part", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError as exc:
            self._warn_once("cache: cannot write %s (%s)", path, exc)
            return
        if self.max_bytes is not None:
            self._account(len(data))

    def _account(self, added: int) -> None:
        assert self.max_bytes is not None
        with self._lock:
            if self._size is None:
                self._size = self.info().bytes
            else:
                self._size += added
            over = self._size > self.max_bytes
        if over:
            self.prune(int(self.max_bytes * _PRUNE_TO))

    def _ensure_root(self) -> None:
        """Create the folder with its marker (a new cache), or mark an existing cache of ours."""
        if self._root_checked:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        if not (self.root / MARKER).exists() and _layout_is_ours(self.root):
            _write_marker(self.root)  # a new cache, or an older one of ours (adopted)
        # else: a folder that is not ours. Chunks still go there, but clear and prune refuse it.
        self._root_checked = True

    def is_cache(self) -> bool:
        """True when the folder is an audionews cache: marked, or holding only our entries."""
        if (self.root / MARKER).is_file():
            return True
        return self.root.is_dir() and _layout_is_ours(self.root)

    def _check_ours(self) -> None:
        if self.is_cache():
            if not (self.root / MARKER).exists():
                with contextlib.suppress(OSError):
                    _write_marker(self.root)  # an older cache of ours: adopted
            return
        raise ConfigError(
            f"{self.root} is not an audionews cache (it has no {MARKER} marker and holds "
            "files that are not audionews cache entries). Nothing was deleted. Check the "
            "folder given as the cache (--cache-dir or $AUDIONEWS_CACHE_DIR).",
            setting="cache_dir",
        )

    def _entries(self) -> list[tuple[Path, os.stat_result]]:
        out: list[tuple[Path, os.stat_result]] = []
        for p in self.root.glob("*/*.pcm"):
            if _ENTRY_NAME.match(p.name) and p.parent.name == p.name[:2]:
                with contextlib.suppress(OSError):
                    out.append((p, p.stat()))
        return out

    def info(self) -> CacheInfo:
        entries = self._entries() if self.root.is_dir() else []
        return CacheInfo(self.root, len(entries), sum(st.st_size for _, st in entries))

    def clear(self) -> int:
        """Delete every entry (and leftover temporary file). Returns how many entries went.

        Raises :class:`ConfigError` (deleting nothing) when the folder is not an audionews cache.
        """
        if not self.root.is_dir():
            return 0
        self._check_ours()
        removed = 0
        for p, _ in self._entries():
            with contextlib.suppress(OSError):
                p.unlink()
                removed += 1
        self._remove_parts(stale_after=0.0)
        for d in self.root.iterdir():
            if d.is_dir() and len(d.name) == 2:
                with contextlib.suppress(OSError):
                    d.rmdir()
        with self._lock:
            self._size = 0
        return removed

    def prune(self, max_bytes: int | None = None) -> tuple[int, int]:
        """Remove the least recently used entries until the cache holds at most ``max_bytes``
        (default: this cache's ``max_bytes``). Returns (entries removed, bytes freed).

        Raises :class:`ConfigError` (deleting nothing) when the folder is not an audionews cache.
        """
        limit = self.max_bytes if max_bytes is None else max_bytes
        if limit is None or not self.root.is_dir():
            return 0, 0
        self._check_ours()
        self._remove_parts(stale_after=_STALE_PART_SECONDS)
        entries = sorted(self._entries(), key=lambda e: (e[1].st_mtime, e[0].name))
        total = sum(st.st_size for _, st in entries)
        removed = freed = 0
        for p, st in entries:
            if total <= limit:
                break
            try:
                p.unlink()
            except FileNotFoundError:
                pass  # another process took it
            except OSError as exc:
                self._warn_once("cache: cannot remove %s (%s)", p, exc)
                continue
            total -= st.st_size
            removed += 1
            freed += st.st_size
        with self._lock:
            self._size = total
        if removed:
            log.info("cache: pruned %d entries (%.1f MB)", removed, freed / 1e6)
        return removed, freed

    def _remove_parts(self, stale_after: float) -> None:
        """Remove our temporary files older than ``stale_after`` seconds (killed writers)."""
        now = time.time()
        for p in self.root.glob("*/.*.part"):
            with contextlib.suppress(OSError):
                if now - p.stat().st_mtime >= stale_after:
                    p.unlink()


def _write_marker(root: Path) -> None:
    (root / MARKER).write_text("audionews chunk cache\n", encoding="utf-8")
    tag = root / "CACHEDIR.TAG"
    if not tag.exists():
        tag.write_text(_CACHEDIR_TAG, encoding="utf-8")


def _layout_is_ours(root: Path) -> bool:
    """True when everything in ``root`` is what an audionews cache holds: the marker files and
    two-letter folders of our entries (or our temporary files)."""
    for child in root.iterdir():
        if child.name in (MARKER, "CACHEDIR.TAG"):
            continue
        if not (child.is_dir() and re.fullmatch(r"[0-9a-f]{2}", child.name)):
            return False
        for p in child.iterdir():
            if p.name.startswith(".") and p.name.endswith(".part"):
                continue
            if not (_ENTRY_NAME.match(p.name) and p.name[:2] == child.name and p.is_file()):
                return False
            try:
                with open(p, "rb") as fh:
                    magic = fh.read(4)
            except OSError:
                return False
            if magic not in (_MAGIC, _OLD_MAGIC):
                return False
    return True


def _checksum(magic: bytes, rate: int, length: int, pcm: bytes) -> int:
    return zlib.crc32(pcm, zlib.crc32(struct.pack("<4sII", magic, rate, length)))


def _encode(audio: Audio) -> bytes:
    rate, pcm = audio.sample_rate, audio.pcm
    crc = _checksum(_MAGIC, rate, len(pcm), pcm)
    return _HEADER.pack(_MAGIC, rate, len(pcm), crc) + pcm


def _decode(data: bytes) -> Audio | None:
    if len(data) < _HEADER.size:
        return None
    magic, rate, length, crc = _HEADER.unpack_from(data)
    pcm = data[_HEADER.size :]
    if magic != _MAGIC or rate == 0 or length != len(pcm) or length % 2:
        return None
    if _checksum(magic, rate, length, pcm) != crc:
        return None
    return Audio(pcm, rate)
