"""A fleet: the desk and any number of workers sharing one huey queue on Redis.

Redis holds the queue (huey's ``PriorityRedisHuey``) and a few small things of the fleet's own,
all under the ``audionews:`` prefix:

* ``worker:<id>``, one per live worker, a JSON heartbeat with a TTL: the worker is alive while
  the key exists (``audionews status``, ``GET /api/status``); ``workers``, the set of their ids;
* ``lease:<job id>``, held by the worker rendering the job, taken with ``SET NX`` before the job
  is claimed and refreshed with its heartbeat: two workers never render one job, and a job whose
  worker died (lease expired) is queued again by any live worker (:meth:`Fleet.reap`);
* ``reaper``, held for a lease's time by the worker that last looked for jobs to queue again;
* ``errors``, the last errors of failed jobs.

The job records are in Redis too (:mod:`audionews.desk.redis_store`), and so are the locks of
chunks being synthesized (``chunk:<cache key>``, :mod:`audionews.desk.chunklock`): the machines
share nothing else but the data folder of results (job inputs and outputs, the lexicon) and the
chunk cache, plain files written atomically. A chunk one worker is synthesizing is waited for,
not synthesized again, by another.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

__all__ = ["Fleet", "connect"]

log = logging.getLogger(__name__)

PREFIX = "audionews:"


def connect(url: str) -> Any:
    """A Redis client for ``url`` (needs the desk extra's ``redis`` package)."""
    try:
        import redis
    except ImportError:
        from audionews.errors import ConfigError

        raise ConfigError(
            "a broker needs the redis client: pip install 'audionews[desk]'", setting="broker"
        ) from None
    return redis.Redis.from_url(url)


class Fleet:
    """The fleet's keys in Redis: worker heartbeats, job leases, recent errors."""

    def __init__(self, conn: Any, *, worker_id: str | None = None, ttl: float = 5.0) -> None:
        self.conn = conn
        self.ttl = ttl
        self.worker_id = worker_id or f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self.started = time.time()

    # ---------------------------------------------------------------- heartbeats
    def beat(self, info: dict[str, Any]) -> None:
        data = {"id": self.worker_id, "host": socket.gethostname(), "pid": os.getpid()}
        data.update(started=self.started, seen=time.time(), **info)
        pipe = self.conn.pipeline()
        pipe.set(PREFIX + "worker:" + self.worker_id, json.dumps(data), px=self._ms())
        pipe.sadd(PREFIX + "workers", self.worker_id)
        pipe.execute()

    def leave(self) -> None:
        self.conn.delete(PREFIX + "worker:" + self.worker_id)
        self.conn.srem(PREFIX + "workers", self.worker_id)

    def workers(self) -> list[dict[str, Any]]:
        """The live workers: the ids in ``workers`` whose heartbeat has not expired (the ids
        of dead ones are dropped; no scan of the keyspace, which holds every job)."""
        ids = sorted(self.conn.smembers(PREFIX + "workers"))
        if not ids:
            return []
        beats = self.conn.mget([PREFIX + "worker:" + i.decode() for i in ids])
        dead = [i for i, raw in zip(ids, beats, strict=True) if raw is None]
        if dead:
            self.conn.srem(PREFIX + "workers", *dead)
        out = [json.loads(raw) for raw in beats if raw is not None]
        return sorted(out, key=lambda w: str(w["id"]))

    # ---------------------------------------------------------------- leases
    def _ms(self) -> int:
        return max(1, int(self.ttl * 1000))

    def acquire(self, job_id: str) -> bool:
        """Take the job's lease; False when a live worker holds it."""
        return bool(
            self.conn.set(PREFIX + "lease:" + job_id, self.worker_id, nx=True, px=self._ms())
        )

    def refresh(self, job_id: str) -> bool:
        key = PREFIX + "lease:" + job_id
        if self.conn.get(key) != self.worker_id.encode():
            return False
        return bool(self.conn.pexpire(key, self._ms()))

    def release(self, job_id: str) -> None:
        key = PREFIX + "lease:" + job_id
        if self.conn.get(key) == self.worker_id.encode():
            self.conn.delete(key)

    def holder(self, job_id: str) -> str | None:
        raw = self.conn.get(PREFIX + "lease:" + job_id)
        return raw.decode() if raw else None

    # ---------------------------------------------------------------- errors
    def error(self, job_id: str, message: str) -> None:
        entry = json.dumps(
            {"job": job_id, "error": message, "at": time.time(), "worker": self.worker_id}
        )
        pipe = self.conn.pipeline()
        pipe.lpush(PREFIX + "errors", entry)
        pipe.ltrim(PREFIX + "errors", 0, 19)
        pipe.execute()

    def errors(self, limit: int = 10) -> list[dict[str, Any]]:
        return [json.loads(e) for e in self.conn.lrange(PREFIX + "errors", 0, limit - 1)]

    # ---------------------------------------------------------------- recovery
    def reap(
        self, store: Any, submit: Callable[[str, int], None], queued: Callable[[], set[str]]
    ) -> list[str]:
        """Queue again the jobs whose worker died: running without a lease, or queued but in
        no queue and no lease (a worker died between taking the task and claiming it), once the
        job has been quiet for a lease's time. One worker of the fleet reaps per lease's time
        (``reaper``, taken with ``SET NX``: the look at every active job and at the queue is not
        repeated by every worker every beat), and only one reaper wins each job."""
        if not self.conn.set(PREFIX + "reaper", self.worker_id, nx=True, px=self._ms()):
            return []  # another worker reaped within a lease's time
        now = store.now()  # the clock the job times are on (Redis's, in a fleet)
        again: list[str] = []
        waiting: set[str] | None = None
        for job in store.with_status("queued", "running"):
            if job["cancel"] or now - job["updated"] < self.ttl or self.holder(job["id"]):
                continue
            if job["status"] == "queued":
                waiting = queued() if waiting is None else waiting
                if job["id"] in waiting:
                    continue
            if store.requeue(job["id"], job["updated"]):
                log.warning("fleet: job %s lost its worker; queued again", job["id"])
                submit(job["id"], int((job.get("request") or {}).get("priority") or 0))
                again.append(job["id"])
        return again


class Beat:
    """A worker's background thread: heartbeat, lease refresh, cancel requests, reaping."""

    def __init__(self, fleet: Fleet, engine: Any, every: float) -> None:
        self.fleet, self.engine, self.every = fleet, engine, every
        self.stop = threading.Event()
        self.done = 0
        self.thread = threading.Thread(target=self._loop, name="fleet-beat", daemon=True)

    def start(self) -> None:
        self.tick()
        self.thread.start()

    def tick(self) -> None:
        running = self.engine.running_ids()
        self.fleet.beat(
            {"running": running, "done": self.engine.finished, "slots": self.engine.workers}
        )
        for job_id in running:
            if not self.fleet.refresh(job_id):  # presumed dead (a stall, Redis lost it)
                self.engine.abandon(job_id)
            elif self.engine.store.cancel_requested(job_id):
                self.engine.cancel(job_id)
        self.fleet.reap(self.engine.store, self.engine.submit, self.engine.queued_ids)

    def _loop(self) -> None:
        while not self.stop.wait(self.every):
            try:
                self.tick()
            except Exception:  # a Redis hiccup must not end the heartbeat
                log.exception("fleet: heartbeat failed")


_PAUSE_LUA = """
local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
local new = tonumber(ARGV[1])
if new > cur then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return ARGV[1]
end
return tostring(cur)
"""


class RedisPause:
    """The fleet-wide rate limit: one pause-until timestamp in Redis (``audionews:pause``) that
    every worker's :class:`audionews.synthesize.Throttle` consults before a request and pushes
    forward after a 429. A Redis error never stops a render (the local throttle still holds)."""

    def __init__(self, conn: Any, key: str = PREFIX + "pause") -> None:
        self.conn, self.key = conn, key
        self._script = conn.register_script(_PAUSE_LUA)

    def pause(self, seconds: float) -> float:
        until = time.time() + seconds
        try:
            return float(
                self._script(keys=[self.key], args=[repr(until), int(seconds * 1000) + 1000])
            )
        except Exception:
            log.warning("fleet: could not share a rate-limit pause", exc_info=True)
            return until

    def resume_at(self) -> float:
        try:
            raw = self.conn.get(self.key)
        except Exception:
            return 0.0
        return float(raw) if raw else 0.0


def share_rate_limit(url: str) -> None:
    """Make this process's online-engine throttles fleet-wide (a render of a fleet's worker)."""
    from audionews import synthesize

    synthesize.SHARED_PAUSE = RedisPause(connect(url))


def join_fleet(url: str) -> None:
    """A fleet's render process: fleet-wide rate limit and chunk locks."""
    from audionews import cache
    from audionews.desk.chunklock import ChunkLocks

    share_rate_limit(url)
    cache.SHARED_LOCKS = ChunkLocks(connect(url))
