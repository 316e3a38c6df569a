"""The chunk cache: keys, round trips, corruption, info and clear."""

from __future__ import annotations

import logging
import os
import struct
import zlib
from pathlib import Path

import pytest
from support import sine_pcm

from audionews.audio import Audio
from audionews.cache import MARKER, ChunkCache, parse_size
from audionews.errors import ConfigError


def test_key_changes_with_every_part() -> None:
    base = ChunkCache.key("espeak", "1.52", "vi", "Xin chào.")
    assert base == ChunkCache.key("espeak", "1.52", "vi", "Xin chào.")
    others = {
        ChunkCache.key("gtts", "1.52", "vi", "Xin chào."),
        ChunkCache.key("espeak", "1.53", "vi", "Xin chào."),
        ChunkCache.key("espeak", "1.52", "vi-VN-x-south", "Xin chào."),
        ChunkCache.key("espeak", "1.52", "vi", "Xin chào!"),
    }
    assert base not in others and len(others) == 4


def test_round_trip_keeps_audio_exactly(tmp_path: Path) -> None:
    cache = ChunkCache(tmp_path)
    audio = Audio(sine_pcm(0.3, 22050), 22050)
    key = ChunkCache.key("espeak", "v", "vi", "một")
    assert cache.get(key) is None
    cache.put(key, audio)
    back = cache.get(key)
    assert back is not None
    assert back.pcm == audio.pcm and back.sample_rate == 22050
    assert cache.info().entries == 1 and cache.info().bytes > len(audio.pcm)


def test_corrupt_entry_is_dropped_not_played(tmp_path: Path) -> None:
    cache = ChunkCache(tmp_path)
    key = ChunkCache.key("espeak", "v", "vi", "hai")
    cache.put(key, Audio(sine_pcm(0.2, 22050), 22050))
    (entry,) = tmp_path.glob("*/*.pcm")
    data = bytearray(entry.read_bytes())
    data[-3] ^= 0xFF
    entry.write_bytes(bytes(data))
    assert cache.get(key) is None
    assert not entry.exists()


def test_clear_removes_every_chunk(tmp_path: Path) -> None:
    cache = ChunkCache(tmp_path)
    for word in ("một", "hai", "ba"):
        cache.put(ChunkCache.key("espeak", "v", "vi", word), Audio(b"\x01\x00" * 100, 22050))
    assert cache.clear() == 3
    assert cache.info().entries == 0


# --- issue #17: the checksum covers the whole entry; clear refuses foreign folders; LRU limit --


def test_changed_sample_rate_is_corruption_not_slow_playback(tmp_path: Path) -> None:
    cache = ChunkCache(tmp_path)
    key = ChunkCache.key("espeak", "v", "vi", "bốn")
    cache.put(key, Audio(sine_pcm(0.2, 22050), 22050))
    (entry,) = tmp_path.glob("*/*.pcm")
    data = bytearray(entry.read_bytes())
    struct.pack_into("<I", data, 4, 11025)  # the header's sample-rate field
    entry.write_bytes(bytes(data))
    assert cache.get(key) is None
    assert cache.corrupt == 1 and not entry.exists()


def test_old_format_entries_are_misses_never_played(tmp_path: Path) -> None:
    cache = ChunkCache(tmp_path)
    key = ChunkCache.key("espeak", "v", "vi", "năm")
    pcm = b"\x01\x00" * 100
    path = tmp_path / key[:2] / f"{key}.pcm"
    path.parent.mkdir(parents=True)
    path.write_bytes(struct.pack("<4sIII", b"ANC1", 11025, len(pcm), zlib.crc32(pcm)) + pcm)
    assert cache.get(key) is None
    cache.put(key, Audio(pcm, 22050))
    assert cache.get(key) == Audio(pcm, 22050)


def test_new_cache_is_marked(tmp_path: Path) -> None:
    cache = ChunkCache(tmp_path / "c")
    cache.put(ChunkCache.key("espeak", "v", "vi", "sáu"), Audio(b"\x01\x00" * 10, 22050))
    assert (tmp_path / "c" / MARKER).is_file()
    assert (tmp_path / "c" / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f59")


def test_clear_refuses_a_folder_that_is_not_a_cache(tmp_path: Path) -> None:
    music = tmp_path / "recordings"
    (music / "ab").mkdir(parents=True)
    keep = [music / "take1.pcm", music / "ab" / "take2.pcm", music / "notes.txt"]
    for p in keep:
        p.write_bytes(b"RIFF precious audio")
    with pytest.raises(ConfigError, match="not an audionews cache") as err:
        ChunkCache(music).clear()
    assert err.value.setting == "cache_dir"
    with pytest.raises(ConfigError):
        ChunkCache(music).prune(0)
    assert all(p.exists() for p in keep)


def test_clear_refuses_look_alike_entries_with_foreign_content(tmp_path: Path) -> None:
    key = "ab" + "0" * 62
    fake = tmp_path / "ab" / f"{key}.pcm"
    fake.parent.mkdir()
    fake.write_bytes(b"not ours at all")
    with pytest.raises(ConfigError):
        ChunkCache(tmp_path).clear()
    assert fake.exists()


def test_unmarked_cache_of_ours_is_adopted(tmp_path: Path) -> None:
    cache = ChunkCache(tmp_path)
    for word in ("một", "hai"):
        cache.put(ChunkCache.key("espeak", "v", "vi", word), Audio(b"\x01\x00" * 100, 22050))
    (tmp_path / MARKER).unlink()  # a cache made before the marker existed
    (tmp_path / "CACHEDIR.TAG").unlink()
    assert ChunkCache(tmp_path).clear() == 2
    assert (tmp_path / MARKER).is_file()


def _fill(cache: ChunkCache, words: list[str], size: int = 1000) -> list[str]:
    keys = []
    for i, word in enumerate(words):
        key = ChunkCache.key("espeak", "v", "vi", word)
        cache.put(key, Audio(b"\x01\x00" * (size // 2), 22050))
        path = cache.root / key[:2] / f"{key}.pcm"
        os.utime(path, (1_000_000 + i, 1_000_000 + i))  # written in this order
        keys.append(key)
    return keys


def test_prune_removes_least_recently_used_first(tmp_path: Path) -> None:
    cache = ChunkCache(tmp_path)
    keys = _fill(cache, ["a", "b", "c", "d"])
    assert cache.get(keys[0]) is not None  # used now: the most recent
    entry = 1000 + 16
    removed, freed = cache.prune(2 * entry)
    assert (removed, freed) == (2, 2 * entry)
    assert cache.get(keys[0]) is not None and cache.get(keys[3]) is not None
    assert cache.get(keys[1]) is None and cache.get(keys[2]) is None
    assert cache.info().bytes <= 2 * entry


def test_size_limit_prunes_on_put(tmp_path: Path) -> None:
    entry = 1000 + 16
    cache = ChunkCache(tmp_path, max_bytes=3 * entry)
    keys = _fill(cache, ["a", "b", "c", "d", "e"])
    assert cache.info().bytes <= 3 * entry
    assert cache.get(keys[-1]) is not None  # the newest stays
    assert cache.get(keys[0]) is None


def test_unwritable_cache_warns_once(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = ChunkCache(blocker / "cache")  # a folder inside a file: never writable
    with caplog.at_level(logging.WARNING, logger="audionews.cache"):
        for word in ("một", "hai", "ba", "bốn"):
            cache.put(ChunkCache.key("espeak", "v", "vi", word), Audio(b"\x01\x00", 22050))
        ChunkCache(blocker / "cache").put("ab" * 32, Audio(b"\x01\x00", 22050))
    assert len([r for r in caplog.records if "cannot write" in r.getMessage()]) == 1


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("500MB", 500_000_000),
        ("1.5G", 1_500_000_000),
        ("200k", 200_000),
        ("2GiB", 2 * 1024**3),
        ("1234", 1234),
        (" 10 mb ", 10_000_000),
    ],
)
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


def test_parse_size_refuses_nonsense() -> None:
    with pytest.raises(ConfigError):
        parse_size("lots")
