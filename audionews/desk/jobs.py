"""The job engine: a huey queue, embedded on SQLite by default, on Redis for a fleet.

* ``make_huey(paths)`` gives the embedded queue: huey's SQLite storage in the data folder, with
  one addition: a worker waiting on an empty queue is woken at once when this process enqueues
  (huey otherwise polls SQLite with a growing delay, up to 10 s). ``make_huey(paths,
  redis_url=...)`` gives huey's Redis queue with priorities (``PriorityRedisHuey``); the task, the
  store and the render are the same code, and ``audionews worker`` runs them on other machines
  (see :mod:`audionews.desk.fleet`).
* Each job is one huey task ``audionews.desk.render(job_id)``. The task runs the render in a
  child process from a forkserver that has the library imported: the child starts in
  milliseconds, owns its cores (MP3 encoding forks itself only when it is alone, which a thread
  of the web server never is), and can be stopped when the job is deleted.
* Restart: a queued job is still in huey's SQLite queue and runs; a job that was running when
  the server stopped is queued again by :func:`recover`, and its render takes every chunk it
  had already synthesized from the chunk cache.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import shutil
import threading
from typing import Any

from huey import Huey
from huey.api import PriorityRedisHuey
from huey.consumer import Consumer
from huey.storage import SqliteStorage

from audionews.desk.fleet import Fleet
from audionews.desk.render import DeskPaths
from audionews.desk.store import open_store

__all__ = ["FINISHED", "JobEngine", "Retention", "WakingSqliteStorage", "make_huey", "prune"]

log = logging.getLogger(__name__)

TASK_NAME = "audionews.desk.render"
FINISHED = ("done", "failed", "cancelled")
"""Statuses a job never leaves: only these are pruned."""
_PRELOAD = ["audionews.desk.warm"]
_FLEET_PRELOAD = [
    "redis",
    "audionews.desk.fleet",
    "audionews.desk.redis_store",
    "audionews.desk.chunklock",
]
"""A fleet's render imports these too: imported once in the forkserver, not in every render
(65-100 ms of CPU a job, measured with benchmarks/fleet.py)."""


class WakingSqliteStorage(SqliteStorage):  # type: ignore[misc]
    """huey's SQLite queue, blocking like its Redis queue: ``dequeue`` waits (at most
    ``wait`` seconds) and wakes as soon as this process enqueues."""

    blocking = True

    def __init__(self, *args: Any, wait: float = 1.0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._wait = wait
        self._wake = threading.Condition()
        self._enqueued = 0

    def enqueue(self, data: bytes, priority: int | None = None) -> None:
        super().enqueue(data, priority)
        with self._wake:
            self._enqueued += 1
            self._wake.notify()

    def dequeue(self) -> bytes | None:
        with self._wake:
            seen = self._enqueued
        data: bytes | None = super().dequeue()
        if data is None:
            # No lost wake-up: an enqueue between the read and the wait changes the count.
            with self._wake:
                self._wake.wait_for(lambda: self._enqueued != seen, self._wait)
            data = super().dequeue()
        return data

    def wake_all(self) -> None:
        with self._wake:
            self._wake.notify_all()


def make_huey(paths: DeskPaths, redis_url: str | None = None) -> Huey:
    if redis_url:
        return PriorityRedisHuey("audionews-desk", url=redis_url, results=False)
    return Huey(
        "audionews-desk",
        storage_class=WakingSqliteStorage,
        filename=str(paths.queue),
        results=False,
    )


class _EmbeddedConsumer(Consumer):  # type: ignore[misc]
    """huey's consumer inside the web server: worker threads, no signal handlers (the server
    owns them)."""

    def _set_signal_handlers(self) -> None:
        pass


def _die_with_worker(lifeline: Any) -> None:
    """End this render when the worker that started it ends, however it ends (a worker killed
    with SIGKILL must not leave a render behind that the fleet thinks dead: the job runs again
    elsewhere). ``lifeline`` is the read end of a pipe only the worker writes to: EOF means
    the worker is gone."""
    import contextlib
    import os

    def watch() -> None:
        with contextlib.suppress(EOFError, OSError):
            lifeline.recv()
        os._exit(1)

    threading.Thread(target=watch, name="lifeline", daemon=True).start()


def _nothing() -> None:
    pass


def _render_entry(
    root: str, job_id: str, lifeline: Any = None, redis_url: str | None = None
) -> None:
    from audionews.desk.render import run_job

    if lifeline is not None:
        _die_with_worker(lifeline)
    if redis_url:
        from audionews.desk.fleet import join_fleet

        join_fleet(redis_url)
    run_job(root, job_id, redis_url=redis_url)


class JobEngine:
    """The store, the queue and (embedded) its workers: at most ``workers`` renders at once."""

    def __init__(
        self,
        paths: DeskPaths,
        *,
        workers: int = 2,
        redis_url: str | None = None,
        process: bool = True,
        fleet: Fleet | None = None,
    ) -> None:
        self.paths = paths
        self.store = open_store(paths.db, redis_url)
        self.huey = make_huey(paths, redis_url)
        self.redis_url = redis_url
        self.fleet = fleet
        self.finished = 0
        self.workers = workers
        self.process = process
        self._procs: dict[str, Any] = {}
        self._abandoned: set[str] = set()
        self._lock = threading.Lock()
        self._consumer: Consumer | None = None
        self._ctx: Any = None
        self._stopping = False
        self.task = self.huey.task(name=TASK_NAME)(self._run)

    # ---------------------------------------------------------------- the task
    def _run(self, job_id: str) -> None:
        if self.fleet is None:
            self._render(job_id)
            return
        if not self.fleet.acquire(job_id):  # a live worker has it
            return
        try:
            self._render(job_id)
        finally:
            self.fleet.release(job_id)

    def _render(self, job_id: str) -> None:
        if not self.store.claim(job_id):
            return
        log.info("render %s: started", job_id)
        if not self.process:
            _render_entry(str(self.paths.root), job_id)
            self._finished(job_id)
            return
        ctx = self._context()
        lifeline, keep = ctx.Pipe(duplex=False)
        proc = ctx.Process(
            target=_render_entry, args=(str(self.paths.root), job_id, lifeline, self.redis_url)
        )
        proc.start()
        lifeline.close()
        with self._lock:
            self._procs[job_id] = proc
        try:
            proc.join()
        finally:
            with self._lock:
                self._procs.pop(job_id, None)
            keep.close()
        if job_id in self._abandoned:  # another worker has it now: touch nothing
            self._abandoned.discard(job_id)
            log.warning("render %s: abandoned (lease lost)", job_id)
            return
        job = self.store.get(job_id)
        if self._stopping:  # left running: the next start queues it again
            return
        if job is not None and job["status"] == "running":
            if job["cancel"]:
                self.store.update(job_id, status="cancelled", stage="cancelled")
            else:
                self.store.update(
                    job_id,
                    status="failed",
                    stage="failed",
                    error=f"the render process stopped unexpectedly (exit code {proc.exitcode}).",
                )
        self._finished(job_id)

    def _finished(self, job_id: str) -> None:
        job = self.store.get(job_id)
        status = job["status"] if job else "deleted"
        log.info("render %s: %s", job_id, status)
        self.finished += 1
        if job is not None and status == "failed" and self.fleet is not None:
            self.fleet.error(job_id, str(job["error"] or ""))

    def _context(self) -> Any:
        if self._ctx is None:
            methods = mp.get_all_start_methods()
            self._ctx = mp.get_context("forkserver" if "forkserver" in methods else "spawn")
            if "forkserver" in methods:
                extra = _FLEET_PRELOAD if self.redis_url else []
                self._ctx.set_forkserver_preload([*_PRELOAD, *extra])
        return self._ctx

    def ready(self) -> None:
        """Start the render processes' forkserver and wait until it has imported and warmed
        the library (a no-op process forked from it), so the first job starts at once."""
        if self.process and "forkserver" in mp.get_all_start_methods():
            proc = self._context().Process(target=_nothing)
            proc.start()
            proc.join()

    # ---------------------------------------------------------------- the API's side
    def submit(self, job_id: str, priority: int = 0) -> None:
        """Queue a job; a higher ``priority`` runs first (breaking news)."""
        self.task(job_id, priority=priority or None)

    def abandon(self, job_id: str) -> None:
        """Stop a render this worker no longer holds the lease of (another worker may have
        taken the job over), leaving the job's state to that worker."""
        with self._lock:
            proc = self._procs.get(job_id)
            if proc is None:
                return
            self._abandoned.add(job_id)
        proc.terminate()

    def running_ids(self) -> list[str]:
        with self._lock:
            return list(self._procs)

    def cancel(self, job_id: str) -> None:
        """Stop a job: a queued one never runs, a running one's process is ended."""
        self.store.update(job_id, cancel=1)
        with self._lock:
            proc = self._procs.get(job_id)
        if proc is not None and proc.is_alive():
            proc.terminate()
            proc.join(timeout=10)  # gone before its files are removed

    def queued_ids(self) -> set[str]:
        ids: set[str] = set()
        for task in self.huey.pending():
            if task.args:
                ids.add(str(task.args[0]))
        return ids

    def recover(self) -> list[str]:
        """After a restart: queue again what was running, and anything queued that the queue
        lost. Returns the ids queued again."""
        in_queue = self.queued_ids()
        again = []
        for job in self.store.with_status("queued", "running"):
            if job["cancel"]:
                self.store.update(job["id"], status="cancelled", stage="cancelled")
                continue
            if job["status"] == "running" or job["id"] not in in_queue:
                self.store.update(job["id"], status="queued", stage="queued")
                self.submit(job["id"])
                again.append(job["id"])
        return again

    # ---------------------------------------------------------------- embedded workers
    def start(self) -> None:
        if self._consumer is not None:
            return
        if self.fleet is None:  # in a fleet, live workers reap what dead ones left
            self.recover()
        self._consumer = _EmbeddedConsumer(
            self.huey,
            workers=self.workers,
            periodic=False,
            worker_type="thread",
            check_worker_health=False,
        )
        self._consumer.start()
        if self.process and "forkserver" in mp.get_all_start_methods():
            from multiprocessing import forkserver

            self._context()
            forkserver.ensure_running()  # the first render starts without the imports' delay
        log.info("desk: %d render workers", self.workers)

    def stop(self) -> None:
        consumer, self._consumer = self._consumer, None
        if consumer is None:
            return
        self._stopping = True
        consumer.stop_flag.set()
        storage = self.huey.storage
        if isinstance(storage, WakingSqliteStorage):
            storage.wake_all()
        with self._lock:
            procs = list(self._procs.values())
        for proc in procs:  # a running render resumes from the cache on the next start
            proc.terminate()
        consumer.stop(graceful=True)


def prune(store: Any, paths: DeskPaths, keep_days: float, now: float | None = None) -> list[str]:
    """Delete finished jobs whose last change is more than ``keep_days`` old, with their folder
    (input, MP3, sidecars). Queued and running jobs are never touched. The ids deleted."""
    cutoff = (store.now() if now is None else now) - keep_days * 86400
    gone: list[str] = []
    for job in store.with_status(*FINISHED):
        if (job.get("finished") or job["updated"]) < cutoff and store.delete(job["id"]):
            shutil.rmtree(paths.job(job["id"]), ignore_errors=True)
            gone.append(job["id"])
    if gone:
        log.info("pruned %d finished job(s) older than %g day(s)", len(gone), keep_days)
    return gone


class Retention:
    """Prunes finished jobs older than ``keep_days`` at start and then every ``every`` seconds,
    in a daemon thread, until :meth:`stop`."""

    def __init__(self, engine: JobEngine, keep_days: float, every: float = 3600.0) -> None:
        self.engine, self.keep_days, self.every = engine, keep_days, every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="desk-retention", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                prune(self.engine.store, self.engine.paths, self.keep_days)
            except Exception:  # a store hiccup must not end the desk; try again later
                log.exception("pruning old jobs failed")
            self._stop.wait(self.every)
