"""Stage 5 orchestration: cached, concurrent, retrying synthesis of a script's chunks.

- Every chunk is looked up in the :class:`~audionews.cache.ChunkCache` first and stored as soon
  as it is synthesized, so an interrupted or failed run resumes where it stopped and an edited
  article re-synthesizes only the chunks whose text changed.
- Engines that are safe to call from several threads (network engines) run in a bounded thread
  pool (``jobs``); results keep script order. Others run one chunk at a time.
- Transient failures (429, 5xx, timeouts, network faults) are retried with exponential backoff
  and jitter, honouring ``Retry-After``; on a 429 the whole pool slows down (:class:`Throttle`).
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from audionews.cache import ChunkCache
from audionews.defaults import DEFAULT_JOBS
from audionews.engines import Audio, Engine
from audionews.errors import Interrupted, SynthesisError, TransientSynthesisError

__all__ = [
    "DEFAULT_JOBS",
    "RetryPolicy",
    "SynthesisProgress",
    "SynthesisStats",
    "Throttle",
    "synthesize_chunks",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetryPolicy:
    """How transient failures are retried."""

    tries: int = 4
    """Attempts per chunk, the first included."""
    backoff: float = 1.0
    """First wait in seconds; doubles on each further try."""
    max_wait: float = 60.0
    """Longest single wait (also caps Retry-After)."""
    jitter: float = 0.25
    """Random extra wait, as a fraction of the wait."""

    def __post_init__(self) -> None:
        if self.tries < 1:
            raise ValueError("tries must be at least 1")
        if self.backoff < 0 or self.max_wait < 0:
            raise ValueError("waits must not be negative")

    def wait(self, attempt: int, retry_after: float | None) -> float:
        delay = self.backoff * (2 ** (attempt - 1))
        if retry_after is not None:
            delay = max(delay, retry_after)
        delay = min(delay, self.max_wait)
        return float(delay * (1 + random.random() * self.jitter))


@dataclass(frozen=True)
class SynthesisProgress:
    done: int
    total: int
    cached: int
    """Chunks taken from the cache so far."""


@dataclass
class SynthesisStats:
    total: int = 0
    cached: int = 0
    synthesized: int = 0
    retries: int = 0
    rate_limited: int = 0


class Throttle:
    """Limits requests in flight; halves the limit and pauses everyone after a 429.

    After ``recover_after`` successes in a row the limit grows by one, up to its starting value
    (additive increase, multiplicative decrease).
    """

    def __init__(
        self, limit: int, recover_after: int = 8, clock: Callable[[], float] = time.monotonic
    ):
        self.max_limit = max(1, limit)
        self.limit = self.max_limit
        self._in_flight = 0
        self._resume_at = 0.0
        self._successes = 0
        self._recover_after = recover_after
        self._clock = clock
        self._cond = threading.Condition()

    def __enter__(self) -> Throttle:
        with self._cond:
            while True:
                now = self._clock()
                if now < self._resume_at:
                    self._cond.wait(self._resume_at - now)
                elif self._in_flight >= self.limit:
                    self._cond.wait(0.5)
                else:
                    self._in_flight += 1
                    return self

    def __exit__(self, *exc: object) -> None:
        with self._cond:
            self._in_flight -= 1
            self._cond.notify_all()

    def rate_limited(self, pause: float) -> None:
        with self._cond:
            self.limit = max(1, self.limit // 2)
            self._successes = 0
            self._resume_at = max(self._resume_at, self._clock() + pause)
            log.info("rate limited: %d requests at once, pausing %.1f s", self.limit, pause)
            self._cond.notify_all()

    def succeeded(self) -> None:
        with self._cond:
            self._successes += 1
            if self.limit < self.max_limit and self._successes >= self._recover_after:
                self.limit += 1
                self._successes = 0
                self._cond.notify_all()


def synthesize_chunks(
    texts: Sequence[str],
    engine: Engine,
    *,
    cache: ChunkCache | None = None,
    jobs: int = DEFAULT_JOBS,
    retry: RetryPolicy | None = None,
    progress: Callable[[SynthesisProgress], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    stats: SynthesisStats | None = None,
) -> list[Audio]:
    """Speak every text with ``engine``, in order, using and filling ``cache``.

    Raises :class:`SynthesisError` saying how much is done and cached when a chunk finally fails,
    and :class:`Interrupted` on Ctrl-C; finished chunks stay in the cache either way.
    """
    retry = retry or RetryPolicy()
    stats = stats if stats is not None else SynthesisStats()
    stats.total = len(texts)
    results: list[Audio | None] = [None] * len(texts)
    keys = [ChunkCache.key(engine.name, engine.version, engine.voice, t) for t in texts]
    lock = threading.Lock()
    done = 0

    def report() -> None:
        if progress is not None:
            progress(SynthesisProgress(done, len(texts), stats.cached))

    todo = _from_cache(keys, cache, results)
    stats.cached = done = len(keys) - len(todo)
    report()

    concurrent = bool(getattr(engine, "concurrent", False)) and jobs > 1 and len(todo) > 1
    throttle = Throttle(jobs if concurrent else 1)

    def work(i: int) -> Audio:
        audio = _with_retries(engine, texts[i], i, retry, throttle, stats, lock, sleep)
        if cache is not None:
            cache.put(keys[i], audio)
        return audio

    def finished(i: int, audio: Audio) -> None:
        nonlocal done
        with lock:
            results[i] = audio
            stats.synthesized += 1
            done += 1
        report()

    try:
        if concurrent:
            _run_pool(todo, work, finished, jobs)
        else:
            for i in todo:
                finished(i, work(i))
    except KeyboardInterrupt:
        raise Interrupted(_saved_message("interrupted", done, len(texts), cache)) from None
    except SynthesisError as exc:
        failed = _first_missing(results)
        where = (
            f"chunk {failed + 1} of {len(texts)} ({texts[failed][:50]!r})" if failed >= 0 else ""
        )
        raise SynthesisError(
            f"{exc}\n{where}: " + _saved_message("stopped", done, len(texts), cache)
        ) from exc

    return [a for a in results if a is not None]


def _from_cache(
    keys: Sequence[str], cache: ChunkCache | None, results: list[Audio | None]
) -> list[int]:
    """Fill ``results`` from the cache; the indices still to synthesize."""
    todo: list[int] = []
    for i, key in enumerate(keys):
        hit = cache.get(key) if cache is not None else None
        if hit is not None:
            results[i] = hit
        else:
            todo.append(i)
    return todo


def _with_retries(
    engine: Engine,
    text: str,
    index: int,
    retry: RetryPolicy,
    throttle: Throttle,
    stats: SynthesisStats,
    lock: threading.Lock,
    sleep: Callable[[float], None],
) -> Audio:
    """One chunk, retried on transient errors as ``retry`` says (the throttle paces the pool)."""
    for attempt in range(1, retry.tries + 1):
        try:
            with throttle:
                audio = engine.synthesize(text)
        except TransientSynthesisError as exc:
            if attempt == retry.tries:
                raise SynthesisError(f"{exc} (gave up after {attempt} tries)") from exc
            pause = retry.wait(attempt, exc.retry_after)
            with lock:
                stats.retries += 1
                stats.rate_limited += exc.rate_limited
            if exc.rate_limited:
                throttle.rate_limited(pause)
            log.info("chunk %d: %s; retry %d in %.1f s", index + 1, exc, attempt, pause)
            sleep(pause)
            continue
        throttle.succeeded()
        return audio
    raise AssertionError("unreachable")  # pragma: no cover


def _run_pool(
    todo: list[int],
    work: Callable[[int], Audio],
    finished: Callable[[int, Audio], None],
    jobs: int,
) -> None:
    pool = ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="audionews-tts")
    futures: dict[Future[Audio], int] = {}
    try:
        futures = {pool.submit(work, i): i for i in todo}
        pending = set(futures)
        while pending:
            complete, pending = wait(pending, timeout=0.2, return_when=FIRST_EXCEPTION)
            for fut in complete:
                exc = fut.exception()
                if exc is not None:
                    raise exc
                finished(futures[fut], fut.result())
    finally:
        # Stop queued work at once; requests in flight finish (bounded by the engine's timeout)
        # and land in the cache.
        pool.shutdown(wait=False, cancel_futures=True)


def _first_missing(results: Sequence[Audio | None]) -> int:
    return next((i for i, r in enumerate(results) if r is None), -1)


def _saved_message(what: str, done: int, total: int, cache: ChunkCache | None) -> str:
    if cache is None:
        return f"{what} after {done} of {total} chunks (cache off: nothing was kept)."
    return (
        f"{what} with {done} of {total} chunks done and kept in the cache ({cache.root}). "
        "Run the same command again to resume; only the missing chunks will be synthesized."
    )
