"""Fleet-wide locks on chunk cache keys: two workers rendering articles that share chunks
synthesize each shared chunk once.

Before synthesizing a chunk the cache does not have, a fleet's render takes the lock
``audionews:chunk:<cache key>`` (``SET NX PX`` with a random token). The holder keeps it
alive while it synthesizes (a thread extends every lock this process holds, each a third of the
TTL, only if the token is still its own) and releases it with a compare-and-delete script, so a
lock that expired and was taken over is never released by its first holder. A render that
finds the lock taken polls the shared chunk cache until the chunk appears (then it uses it) or
the lock is free (the holder died or failed: it takes the lock over and synthesizes).

Redis unreachable: the render synthesizes without a lock (a chunk may then be synthesized
twice, never lost).
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from audionews.cache import ChunkCache
    from audionews.engines import Audio

__all__ = ["ChunkLocks"]

log = logging.getLogger(__name__)

PREFIX = "audionews:chunk:"

_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""

_EXTEND = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""


class ChunkLocks:
    """The chunk locks of one process (``ttl`` seconds without a refresh frees a lock)."""

    def __init__(self, conn: Any, *, ttl: float = 10.0, poll: float = 0.05) -> None:
        self.conn, self.ttl, self.poll = conn, ttl, poll
        self._release = conn.register_script(_RELEASE)
        self._extend = conn.register_script(_EXTEND)
        self._held: dict[str, str] = {}
        self._mutex = threading.Lock()
        self._refresher: threading.Thread | None = None
        self.waited = 0
        """Chunks this process waited for and took from the cache (another synthesized them)."""
        self.taken_over = 0
        """Chunks whose lock this process took after waiting (the holder died or failed)."""

    def _ms(self) -> int:
        return max(1, int(self.ttl * 1000))

    def acquire(self, key: str) -> str | None:
        """The lock's token, or None when another holds it."""
        token = uuid.uuid4().hex
        if not self.conn.set(PREFIX + key, token, nx=True, px=self._ms()):
            return None
        with self._mutex:
            self._held[key] = token
            if self._refresher is None or not self._refresher.is_alive():
                self._refresher = threading.Thread(
                    target=self._refresh, name="chunk-locks", daemon=True
                )
                self._refresher.start()
        return token

    def release(self, key: str, token: str) -> bool:
        """Free the lock if it is still ours (True)."""
        with self._mutex:
            if self._held.get(key) == token:
                del self._held[key]
        return bool(self._release(keys=[PREFIX + key], args=[token]))

    def holder(self, key: str) -> str | None:
        raw = self.conn.get(PREFIX + key)
        return raw.decode() if raw else None

    def _refresh(self) -> None:
        while True:
            time.sleep(self.ttl / 3)
            with self._mutex:
                held = dict(self._held)
            if not held:
                with self._mutex:
                    if not self._held:  # nothing to keep alive: stop (restarted on need)
                        self._refresher = None
                        return
                continue
            for key, token in held.items():
                try:
                    if not self._extend(keys=[PREFIX + key], args=[token, self._ms()]):
                        log.warning("chunk lock %s lost (expired); another may synthesize it", key)
                except Exception:  # Redis away for a moment: try again at the next beat
                    log.warning("chunk lock %s: could not extend", key, exc_info=True)

    def once(
        self,
        cache: ChunkCache,
        key: str,
        make: Callable[[], Audio],
        stopped: Callable[[], bool],
    ) -> Audio | None:
        """The chunk ``key``: from ``cache`` when there, else ``make()`` (which synthesizes and
        stores it) under the lock, else, while another holds the lock, whichever comes first of
        the chunk appearing in the cache and the lock coming free. None when ``stopped()``
        while waiting."""
        delay, waited = self.poll, False
        while True:
            hit = cache.get(key)
            if hit is not None:
                if waited:
                    self.waited += 1
                return hit
            try:
                token = self.acquire(key)
            except Exception:
                log.warning("chunk locks unavailable; synthesizing without", exc_info=True)
                return make()
            if token is not None:
                try:
                    hit = cache.get(key)  # stored between the look above and the lock
                    if hit is not None:
                        return hit
                    self.taken_over += waited
                    return make()
                finally:
                    try:
                        self.release(key, token)
                    except Exception:  # it expires by itself
                        log.warning("chunk lock %s: could not release", key, exc_info=True)
            if stopped():
                return None
            waited = True
            time.sleep(delay)
            delay = min(delay * 1.5, 0.5)
