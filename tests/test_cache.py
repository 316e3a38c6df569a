"""The chunk cache: keys, round trips, corruption, info and clear."""

from __future__ import annotations

from pathlib import Path

from support import sine_pcm

from audionews.audio import Audio
from audionews.cache import ChunkCache


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
    (entry,) = [p for p in tmp_path.rglob("*") if p.is_file()]
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
