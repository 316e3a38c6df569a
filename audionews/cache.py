"""A content-addressed cache of synthesized chunks: resume, and re-render only what changed.

The key is a SHA-256 of everything that changes the audio: engine name, engine version (which
includes its options, e.g. gtts tld/slow), voice, and the exact spoken text. An entry is one file
``<root>/<key[:2]>/<key>.pcm``: a 16-byte header (magic, sample rate, PCM length, CRC-32) and the
16-bit mono PCM. Entries are written atomically (temporary file + ``os.replace``) and verified on
read; a corrupt entry is deleted and reported as a miss, so it is re-synthesized, never played.

Location: ``--cache-dir``, else ``$AUDIONEWS_CACHE_DIR``, else the user cache directory
(platformdirs, e.g. ``~/.cache/audionews`` on Linux).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import struct
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from audionews.engines import Audio

__all__ = ["CACHE_ENV", "CacheInfo", "ChunkCache", "default_cache_dir"]

log = logging.getLogger(__name__)

CACHE_ENV = "AUDIONEWS_CACHE_DIR"
_MAGIC = b"ANC1"
_HEADER = struct.Struct("<4sIII")  # magic, sample rate, PCM bytes, CRC-32 of the PCM


def default_cache_dir() -> Path:
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("audionews")) / "chunks"


@dataclass(frozen=True)
class CacheInfo:
    path: Path
    entries: int
    bytes: int


class ChunkCache:
    """Synthesized chunks on disk, keyed by engine, version, voice and text."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else default_cache_dir()
        self.corrupt = 0
        """Corrupt entries found (and removed) by this instance."""

    @staticmethod
    def key(engine: str, version: str, voice: str, text: str) -> str:
        blob = json.dumps([engine, version, voice, text], ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pcm"

    def get(self, key: str) -> Audio | None:
        """The cached audio for ``key``, or None when missing or corrupt (then removed)."""
        path = self._path(key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            log.warning("cache: cannot read %s (%s); synthesizing again", path, exc)
            return None
        audio = _decode(data)
        if audio is None:
            self.corrupt += 1
            log.warning("cache: corrupt entry %s removed; synthesizing again", path)
            with contextlib.suppress(OSError):
                path.unlink()
        return audio

    def put(self, key: str, audio: Audio) -> None:
        """Store ``audio`` under ``key`` atomically. Failing to cache never fails a render."""
        path = self._path(key)
        header = _HEADER.pack(_MAGIC, audio.sample_rate, len(audio.pcm), zlib.crc32(audio.pcm))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=".part", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(header)
                    fh.write(audio.pcm)
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError as exc:
            log.warning("cache: cannot write %s (%s)", path, exc)

    def info(self) -> CacheInfo:
        entries = 0
        size = 0
        if self.root.is_dir():
            for p in self.root.glob("*/*.pcm"):
                entries += 1
                with contextlib.suppress(OSError):
                    size += p.stat().st_size
        return CacheInfo(self.root, entries, size)

    def clear(self) -> int:
        """Delete every entry (and leftover temporary file). Returns how many entries went."""
        removed = 0
        if not self.root.is_dir():
            return 0
        for p in list(self.root.glob("*/*.pcm")) + list(self.root.glob("*/.*.part")):
            with contextlib.suppress(OSError):
                p.unlink()
                removed += p.suffix == ".pcm"
        for d in self.root.iterdir():
            if d.is_dir():
                with contextlib.suppress(OSError):
                    d.rmdir()
        return removed


def _decode(data: bytes) -> Audio | None:
    if len(data) < _HEADER.size:
        return None
    magic, rate, length, crc = _HEADER.unpack_from(data)
    pcm = data[_HEADER.size :]
    if magic != _MAGIC or rate == 0 or length != len(pcm) or length % 2 or zlib.crc32(pcm) != crc:
        return None
    return Audio(pcm, rate)
