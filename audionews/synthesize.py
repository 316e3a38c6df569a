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

import contextlib
import contextvars
import email.utils
import logging
import math
import random
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from audionews.cache import ChunkCache
from audionews.defaults import DEFAULT_JOBS
from audionews.engines import Audio, Engine
from audionews.errors import Interrupted, SynthesisError, TransientSynthesisError

__all__ = [
    "DEFAULT_JOBS",
    "Cancelled",
    "RetryPolicy",
    "SynthesisProgress",
    "SynthesisStats",
    "Throttle",
    "cancellation",
    "retry_after_seconds",
    "synthesize_chunks",
]

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised in a worker when the run was stopped (a chunk gave up, or Ctrl-C): no more
    attempts."""


_OUTER_STOP: contextvars.ContextVar[threading.Event | None] = contextvars.ContextVar(
    "audionews_stop", default=None
)


@contextlib.contextmanager
def cancellation(event: threading.Event) -> Iterator[threading.Event]:
    """Runs of :func:`synthesize_chunks` started inside this block (in this thread) stop as soon
    as ``event`` is set: no new request, no more retries, waits cut short; they raise
    :class:`~audionews.errors.Interrupted`. Batches use it to stop every article at once."""
    token = _OUTER_STOP.set(event)
    try:
        yield event
    finally:
        _OUTER_STOP.reset(token)


class _Stop:
    """This run's stop flag, joined with the caller's (see :func:`cancellation`)."""

    def __init__(self, outer: threading.Event | None) -> None:
        self.own = threading.Event()
        self.outer = outer

    def is_set(self) -> bool:
        return self.own.is_set() or (self.outer is not None and self.outer.is_set())

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True (at once) when the run is stopped meanwhile."""
        deadline = time.monotonic() + seconds
        while not self.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            self.own.wait(min(left, 0.1) if self.outer is not None else left)
        return True


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """An HTTP ``Retry-After`` value in seconds: delay-seconds, or an HTTP date (RFC 9110)
    counted from ``now``. None when absent or unreadable."""
    if value is None:
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        seconds = (when - (now or datetime.now(timezone.utc))).total_seconds()
    if not math.isfinite(seconds):
        return None
    return max(0.0, seconds)


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


SHARED_PAUSE: Any = None
"""A fleet's pause shared between processes (``audionews.desk.fleet.RedisPause``), or None:
``pause(seconds)`` after a 429 here, ``resume_at()`` (epoch seconds) consulted before each
request, so a 429 seen by one worker pauses and halves every worker's requests."""


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
        self._cancelled = False
        self._shared_seen = 0.0

    def _adopt_shared(self) -> None:
        """Another process's 429: pause until it says and halve the limit, once per pause."""
        until = SHARED_PAUSE.resume_at()
        left = until - time.time()
        if until > self._shared_seen and left > 0:
            with self._cond:
                self._shared_seen = until
                self.limit = max(1, self.limit // 2)
                self._successes = 0
                self._resume_at = max(self._resume_at, self._clock() + left)

    def __enter__(self) -> Throttle:
        if SHARED_PAUSE is not None:
            self._adopt_shared()
        with self._cond:
            while True:
                now = self._clock()
                if self._cancelled:
                    raise Cancelled
                if now < self._resume_at:
                    self._cond.wait(min(self._resume_at - now, 0.5))
                elif self._in_flight >= self.limit:
                    self._cond.wait(0.5)
                else:
                    self._in_flight += 1
                    return self

    def cancel(self) -> None:
        """Wake every waiting worker and let none through again (they raise :class:`Cancelled`)."""
        with self._cond:
            self._cancelled = True
            self._cond.notify_all()

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
        if SHARED_PAUSE is not None:
            self._shared_seen = SHARED_PAUSE.pause(pause)

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
    sleep: Callable[[float], None] | None = None,
    stats: SynthesisStats | None = None,
) -> list[Audio]:
    """Speak every text with ``engine``, in order, using and filling ``cache``.

    Raises :class:`SynthesisError` naming the chunk that failed and saying how much is done and
    cached when a chunk finally fails, and :class:`Interrupted` on Ctrl-C (or when a
    :func:`cancellation` event is set); finished chunks stay in the cache either way. Either
    way the run stops at once: no request is sent and no retry is made afterwards (requests
    already in flight finish, bounded by the engine's timeout, and are cached).
    ``sleep`` replaces the interruptible wait between retries (tests).
    """
    retry = retry or RetryPolicy()
    stats = stats if stats is not None else SynthesisStats()
    stats.total = len(texts)
    results: list[Audio | None] = [None] * len(texts)
    keys = [ChunkCache.key(engine.name, engine.version, engine.voice, t) for t in texts]
    lock = threading.Lock()
    done = 0
    stop = _Stop(_OUTER_STOP.get())

    def report() -> None:
        if progress is not None:
            progress(SynthesisProgress(done, len(texts), stats.cached))

    todo = _from_cache(keys, cache, results)
    stats.cached = done = len(keys) - len(todo)
    report()

    concurrent = bool(getattr(engine, "concurrent", False)) and jobs > 1 and len(todo) > 1
    throttle = Throttle(jobs if concurrent else 1)

    pause = stop.wait if sleep is None else _sleeper(sleep, stop)

    def synth(i: int) -> Audio:
        try:
            audio = _with_retries(engine, texts[i], i, retry, throttle, stats, lock, pause, stop)
        except SynthesisError as exc:
            raise _ChunkFailed(i, exc) from exc
        if cache is not None:
            cache.put(keys[i], audio)
        return audio

    def work(i: int) -> Audio:
        return _once(cache, keys[i], lambda: synth(i), stop)

    def finished(i: int, audio: Audio) -> None:
        nonlocal done
        with lock:
            results[i] = audio
            stats.synthesized += 1
            done += 1
        report()

    try:
        if concurrent:
            _run_pool(todo, work, finished, jobs, stop, throttle)
        else:
            _run_serial(todo, work, finished, stop)
    except (KeyboardInterrupt, Cancelled):
        stop.own.set()
        raise Interrupted(_saved_message("interrupted", done, len(texts), cache)) from None
    except _ChunkFailed as failure:
        stop.own.set()
        i, exc = failure.index, failure.error
        where = f"chunk {i + 1} of {len(texts)} ({texts[i][:50]!r})"
        raise SynthesisError(
            f"{exc}\n{where}: " + _saved_message("stopped", done, len(texts), cache),
            setting=exc.setting,
        ) from exc

    return [a for a in results if a is not None]


def _sleeper(sleep: Callable[[float], None], stop: _Stop) -> Callable[[float], bool]:
    def pause(seconds: float) -> bool:
        sleep(seconds)
        return stop.is_set()

    return pause


def _run_serial(
    todo: list[int],
    work: Callable[[int], Audio],
    finished: Callable[[int, Audio], None],
    stop: _Stop,
) -> None:
    for i in todo:
        if stop.is_set():
            raise Cancelled
        finished(i, work(i))


def _once(cache: ChunkCache | None, key: str, make: Callable[[], Audio], stop: _Stop) -> Audio:
    """``make()``, through :meth:`ChunkCache.once` (in a fleet, under the chunk's lock)."""
    if cache is None:
        return make()
    audio = cache.once(key, make, stop.is_set)
    if audio is None:  # stopped while another process synthesized it
        raise Cancelled
    return audio


class _ChunkFailed(Exception):
    """A chunk failed for good: which one, and why."""

    def __init__(self, index: int, error: SynthesisError) -> None:
        super().__init__(str(error))
        self.index = index
        self.error = error


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
    pause: Callable[[float], bool],
    stop: _Stop,
) -> Audio:
    """One chunk, retried on transient errors as ``retry`` says (the throttle paces the pool).

    Raises :class:`Cancelled` before any attempt, and out of any wait, once ``stop`` is set.
    """
    for attempt in range(1, retry.tries + 1):
        if stop.is_set():
            raise Cancelled
        try:
            with throttle:
                if stop.is_set():
                    raise Cancelled
                audio = engine.synthesize(text)
        except TransientSynthesisError as exc:
            if attempt == retry.tries:
                raise SynthesisError(
                    f"{exc} (gave up after {attempt} tries)", setting=exc.setting
                ) from exc
            wait_s = retry.wait(attempt, exc.retry_after)
            with lock:
                stats.retries += 1
                stats.rate_limited += exc.rate_limited
            if exc.rate_limited:
                throttle.rate_limited(wait_s)
            log.info("chunk %d: %s; retry %d in %.1f s", index + 1, exc, attempt, wait_s)
            if pause(wait_s):
                raise Cancelled from None
            continue
        throttle.succeeded()
        return audio
    raise AssertionError("unreachable")  # pragma: no cover


def _run_pool(
    todo: list[int],
    work: Callable[[int], Audio],
    finished: Callable[[int, Audio], None],
    jobs: int,
    stop: _Stop,
    throttle: Throttle,
) -> None:
    pool = ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="audionews-tts")
    futures: dict[Future[Audio], int] = {}
    try:
        futures = {pool.submit(work, i): i for i in todo}
        pending = set(futures)
        while pending:
            if stop.is_set():
                raise Cancelled
            complete, pending = wait(pending, timeout=0.2, return_when=FIRST_EXCEPTION)
            for fut in complete:
                exc = fut.exception()
                if exc is not None:
                    raise exc
                finished(futures[fut], fut.result())
    finally:
        # Stop everything at once: queued chunks are cancelled, waiting workers (backoff, a
        # rate-limit pause) wake up and stop, no worker starts another attempt. Requests in
        # flight finish (bounded by the engine's timeout) and land in the cache.
        stop.own.set()
        throttle.cancel()
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
