"""Jobs and their history, in one SQLite file under the data folder.

One row per render: who asked, when, what (the stories and their edits), the settings, the
status and progress, and the result (the audio file, chapters, sidecars) or the error. The web
server, the queue's workers and the render processes each open their own connection; WAL mode
lets readers see progress while a render writes it.

A fleet (``--broker``) keeps the same records in Redis instead
(:class:`audionews.desk.redis_store.RedisJobStore`, same interface): :func:`open_store` picks.
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from audionews.desk.redis_store import RedisJobStore

__all__ = ["ACTIVE", "FINAL", "JobStore", "open_store"]

ACTIVE = ("queued", "running")
FINAL = ("done", "failed", "cancelled")

_SCHEMA = """
create table if not exists jobs (
    id text primary key,
    created real not null,
    updated real not null,
    user text not null default '',
    title text not null default '',
    status text not null,
    stage text not null default '',
    done integer not null default 0,
    total integer not null default 0,
    cached integer not null default 0,
    eta real,
    request text not null,
    result text,
    error text,
    error_setting text,
    parent text,
    started real,
    finished real,
    cancel integer not null default 0
);
create index if not exists jobs_created on jobs (created);
"""

_JSON_COLUMNS = ("request", "result")


class JobStore:
    """The jobs table; every method opens a short connection (safe across threads/processes)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._db() as db:
            db.execute("pragma journal_mode=wal")
            db.executescript(_SCHEMA)

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        db.row_factory = sqlite3.Row
        try:
            yield db
        finally:
            db.close()

    def now(self) -> float:
        """The clock of the job times (``created``, ``updated``...)."""
        return time.time()

    def create(
        self, request: dict[str, Any], *, user: str = "", title: str = "", parent: str | None = None
    ) -> str:
        job_id = uuid.uuid4().hex[:16]
        now = time.time()
        with self._db() as db:
            db.execute(
                "insert into jobs (id, created, updated, user, title, status, stage, request,"
                " parent) values (?, ?, ?, ?, ?, 'queued', 'queued', ?, ?)",
                (job_id, now, now, user, title, json.dumps(request, ensure_ascii=False), parent),
            )
        return job_id

    def get(self, job_id: str) -> dict[str, Any] | None:
        with self._db() as db:
            row = db.execute("select * from jobs where id = ?", (job_id,)).fetchone()
        return _row(row) if row is not None else None

    def history(self, limit: int = 100) -> list[dict[str, Any]]:
        with self._db() as db:
            rows = db.execute(
                "select * from jobs order by created desc limit ?", (limit,)
            ).fetchall()
        return [_row(r) for r in rows]

    def with_status(self, *statuses: str) -> list[dict[str, Any]]:
        marks = ",".join("?" * len(statuses))
        with self._db() as db:
            rows = db.execute(
                f"select * from jobs where status in ({marks}) order by created", statuses
            ).fetchall()
        return [_row(r) for r in rows]

    def update(self, job_id: str, **values: Any) -> None:
        """Set columns of one job (dicts are stored as JSON)."""
        values["updated"] = time.time()  # also a heartbeat when nothing else is given
        for key in _JSON_COLUMNS:
            if key in values and values[key] is not None:
                values[key] = json.dumps(values[key], ensure_ascii=False)
        columns = ", ".join(f"{k} = ?" for k in values)
        with self._db() as db:
            db.execute(f"update jobs set {columns} where id = ?", (*values.values(), job_id))

    def claim(self, job_id: str) -> bool:
        """queued -> running, once: False when the job is gone, finished or cancelled."""
        now = time.time()
        with self._db() as db:
            cur = db.execute(
                "update jobs set status = 'running', stage = 'starting', started = ?, updated = ?"
                " where id = ? and status in ('queued', 'running') and cancel = 0",
                (now, now, job_id),
            )
            return cur.rowcount == 1

    def requeue(self, job_id: str, updated: float) -> bool:
        """Back to queued, once: only if the job has not changed since ``updated`` was read
        (of several workers reaping one dead worker's job, one wins)."""
        with self._db() as db:
            cur = db.execute(
                "update jobs set status = 'queued', stage = 'queued', updated = ?"
                " where id = ? and status in ('queued', 'running') and updated = ? and cancel = 0",
                (time.time(), job_id, updated),
            )
            return cur.rowcount == 1

    def counts(self) -> dict[str, int]:
        """Jobs per status."""
        with self._db() as db:
            rows = db.execute("select status, count(*) from jobs group by status").fetchall()
        return {str(r[0]): int(r[1]) for r in rows}

    def cancel_requested(self, job_id: str) -> bool:
        with self._db() as db:
            row = db.execute("select cancel from jobs where id = ?", (job_id,)).fetchone()
        return row is None or bool(row["cancel"])

    def delete(self, job_id: str) -> bool:
        with self._db() as db:
            cur = db.execute("delete from jobs where id = ?", (job_id,))
            return cur.rowcount == 1


def open_store(db: Path, redis_url: str | None = None) -> JobStore | RedisJobStore:
    """The job store: SQLite at ``db``, or, with a broker, :class:`RedisJobStore` on it (a
    fleet's machines then share no database file)."""
    if redis_url:
        from audionews.desk.redis_store import RedisJobStore

        return RedisJobStore(redis_url)
    return JobStore(db)


def _row(row: sqlite3.Row) -> dict[str, Any]:
    out = dict(row)
    for key in _JSON_COLUMNS:
        if out.get(key):
            out[key] = json.loads(out[key])
    return out
