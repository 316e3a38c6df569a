"""``audionews worker`` and ``audionews status``: a render worker of a fleet, and the fleet's
health, over a shared data folder and one Redis queue (see :mod:`audionews.desk.fleet`)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from audionews.desk.fleet import Beat, Fleet, connect
from audionews.desk.jobs import JobEngine
from audionews.desk.redis_store import RedisJobStore
from audionews.desk.render import DeskPaths

__all__ = ["fleet_status", "run_worker"]

log = logging.getLogger(__name__)


def run_worker(
    redis_url: str,
    data_dir: str | Path,
    *,
    workers: int = 1,
    ttl: float = 5.0,
    beat: float = 1.0,
) -> None:
    """Render jobs from the queue at ``redis_url`` into ``data_dir``, ``workers`` at once,
    until SIGINT (finishes its renders) or SIGTERM (stops them; other workers take them over
    once the lease, ``ttl`` seconds, runs out)."""
    from huey.consumer import Consumer

    paths = DeskPaths(Path(data_dir))
    paths.root.mkdir(parents=True, exist_ok=True)
    fleet = Fleet(connect(redis_url), ttl=ttl)
    engine = JobEngine(paths, workers=workers, redis_url=redis_url, fleet=fleet)
    consumer = Consumer(
        engine.huey,
        workers=workers,
        periodic=False,
        worker_type="thread",
        check_worker_health=False,
    )
    engine.ready()  # alive (a heartbeat) only once a job would start at once
    heart = Beat(fleet, engine, beat)
    heart.start()
    log.info(
        "worker %s: %d render slots on %s, data in %s",
        fleet.worker_id,
        workers,
        redis_url,
        paths.root,
    )
    try:
        consumer.run()
    finally:
        heart.stop.set()
        fleet.leave()


def fleet_status(redis_url: str, *, huey: Any = None, conn: Any = None) -> dict[str, Any]:
    """Queue length, live workers (with their running jobs), jobs per state, last errors.
    ``huey`` and ``conn`` reuse the desk's queue and Redis connection."""
    from audionews.desk.jobs import make_huey

    conn = conn if conn is not None else connect(redis_url)
    huey = huey if huey is not None else make_huey(DeskPaths(Path()), redis_url)
    return {
        "broker": _safe_url(redis_url),
        "queue": int(huey.pending_count()),
        "workers": Fleet(conn).workers(),
        "jobs": RedisJobStore(conn=conn).counts(),
        "errors": Fleet(conn).errors(),
    }


def _safe_url(url: str) -> str:
    """The broker URL without a password."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password:
        host = parts.hostname or ""
        netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
        return urlunsplit(parts._replace(netloc=netloc))
    return url
