"""Fleet-wide chunk locks on a real Redis: one synthesis per chunk, a lock kept alive while its
holder works, released only by its holder, taken over when its holder is gone."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from audionews.cache import ChunkCache
from audionews.engines import Audio

KEY = ChunkCache.key("gtts", "1", "vi", "Đồng bằng sông Cửu Long vào mùa nước nổi.")
AUDIO = Audio(b"\x01\x02" * 2400, 24000)


def _locks(url: str, **kw: Any) -> Any:
    import redis

    from audionews.desk.chunklock import ChunkLocks

    return ChunkLocks(redis.Redis.from_url(url), **kw)


def test_one_synthesis_while_the_holder_works_past_its_ttl(redis_url: str, tmp_path: Path) -> None:
    cache = ChunkCache(tmp_path / "cache")
    here, there = _locks(redis_url, ttl=0.3), _locks(redis_url, ttl=0.3)
    made: list[str] = []

    def slow_make() -> Audio:
        made.append("here")
        time.sleep(1.0)  # three TTLs: only the refresh keeps the lock
        cache.put(KEY, AUDIO)
        return AUDIO

    holder = threading.Thread(target=lambda: here.once(cache, KEY, slow_make, lambda: False))
    holder.start()
    while here.holder(KEY) is None:
        time.sleep(0.01)
    token = here.holder(KEY)

    def other_make() -> Audio:
        made.append("there")
        return AUDIO

    got = there.once(cache, KEY, other_make, lambda: False)
    holder.join()
    assert token is not None and got == AUDIO and made == ["here"]
    assert there.waited == 1 and there.taken_over == 0
    assert here.holder(KEY) is None  # released after the put


def test_a_dead_holder_s_lock_is_taken_over(redis_url: str, tmp_path: Path) -> None:
    import redis

    cache = ChunkCache(tmp_path / "cache")
    conn = redis.Redis.from_url(redis_url)
    conn.set("audionews:chunk:" + KEY, "a worker killed mid-request", px=400)
    locks = _locks(redis_url)
    calls: list[float] = []
    start = time.monotonic()

    def make() -> Audio:
        calls.append(time.monotonic() - start)
        cache.put(KEY, AUDIO)
        return AUDIO

    assert locks.once(cache, KEY, make, lambda: False) == AUDIO
    assert len(calls) == 1 and calls[0] >= 0.35  # after the lock expired, not before
    assert locks.taken_over == 1 and locks.holder(KEY) is None


def test_only_the_holder_releases(redis_url: str) -> None:
    import redis

    conn = redis.Redis.from_url(redis_url)
    locks = _locks(redis_url)
    token = locks.acquire(KEY)
    assert token is not None and locks.acquire(KEY) is None
    conn.set("audionews:chunk:" + KEY, "someone else's")  # as if ours expired and was taken
    assert not locks.release(KEY, token)
    assert locks.holder(KEY) == "someone else's"


def test_a_waiter_stops_when_its_render_stops(redis_url: str, tmp_path: Path) -> None:
    cache = ChunkCache(tmp_path / "cache")
    held, waiting = _locks(redis_url), _locks(redis_url)
    assert held.acquire(KEY) is not None
    stop = threading.Event()
    threading.Timer(0.3, stop.set).start()
    assert waiting.once(cache, KEY, _never, stop.is_set) is None
    assert stop.is_set()


def _never() -> Audio:
    raise AssertionError("a chunk under another's lock is never synthesized")
