"""The job store of a fleet, in Redis: what :class:`audionews.desk.store.JobStore` keeps in
SQLite, for a desk and workers on several machines that share only Redis and a results folder
(SQLite on a network file system locks badly).

Keys, under the fleet's ``audionews:`` prefix:

* ``job:<id>``, a hash per job with the same fields as the SQLite table (strings as they are,
  numbers in decimal, ``request`` and ``result`` as JSON; a field that is None is absent);
* ``jobs``, a sorted set of job ids by creation time (history, newest first);
* ``jobs:<status>``, a set of job ids per status (jobs per state, the active jobs to reap).

Every change is one Lua script, so it is atomic and never recreates a job deleted meanwhile (a
render still writing progress after its job was deleted writes nothing): ``claim`` (queued ->
running, once, not when cancelled), ``requeue`` (back to queued, only if unchanged since read),
``update`` (fields, moving the job between status sets), ``delete``. Times (``created``,
``updated``, ``started``, ``finished``) come from the Redis server's clock, so machines whose
clocks disagree still agree on which job has been quiet for a lease's time.

Redis must keep this data across restarts: run it with ``appendonly yes`` (docs/deploy.md).
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from audionews.desk.store import ACTIVE, FINAL

__all__ = ["RedisJobStore"]

PREFIX = "audionews:"
_NOW = "\0now"
"""A value the scripts replace with the server's time."""

_TEXT = ("id", "user", "title", "status", "stage", "error", "error_setting", "parent")
_INT = ("done", "total", "cached", "cancel")
_FLOAT = ("created", "updated", "eta", "started", "finished")
_JSON = ("request", "result")
_DEFAULTS: dict[str, Any] = {"user": "", "title": "", "stage": "", "done": 0, "total": 0}
_DEFAULTS.update(cached=0, cancel=0)
FIELDS = (*_TEXT, *_INT, *_FLOAT, *_JSON)

# Lua helpers shared by the scripts. KEYS[1] is the job's hash, ARGV[1] the key prefix.
_COMMON = """
local function now()
  local t = redis.call('TIME')
  return t[1] .. '.' .. string.format('%06d', tonumber(t[2]))
end
local function move(id, old, new)
  if old ~= new then
    if old then redis.call('SREM', ARGV[1] .. 'jobs:' .. old, id) end
    redis.call('SADD', ARGV[1] .. 'jobs:' .. new, id)
  end
end
"""

_CREATE = (
    _COMMON
    + """
local t = now()
local id = redis.call('HGET', KEYS[1], 'id')
if id then return 0 end
redis.call('HSET', KEYS[1], 'created', t, 'updated', t, unpack(ARGV, 3))
redis.call('ZADD', ARGV[1] .. 'jobs', t, ARGV[2])
move(ARGV[2], false, 'queued')
return 1
"""
)

# ARGV[2..]: field, value pairs; an empty field list only marks the job alive.
_UPDATE = (
    _COMMON
    + """
local id = redis.call('HGET', KEYS[1], 'id')
if not id then return 0 end
local t = now()
local set, del = {'updated', t}, {}
for i = 2, #ARGV, 2 do
  local field, value = ARGV[i], ARGV[i + 1]
  if value == '\\0now' then value = t end
  if value == '\\0nil' then
    table.insert(del, field)
  else
    if field == 'status' then move(id, redis.call('HGET', KEYS[1], 'status'), value) end
    table.insert(set, field)
    table.insert(set, value)
  end
end
redis.call('HSET', KEYS[1], unpack(set))
if #del > 0 then redis.call('HDEL', KEYS[1], unpack(del)) end
return 1
"""
)

_CLAIM = (
    _COMMON
    + """
local job = redis.call('HMGET', KEYS[1], 'id', 'status', 'cancel')
local id, status = job[1], job[2]
if not id or (status ~= 'queued' and status ~= 'running') or (job[3] or '0') ~= '0' then
  return 0
end
local t = now()
move(id, status, 'running')
redis.call('HSET', KEYS[1], 'status', 'running', 'stage', 'starting', 'started', t, 'updated', t)
return 1
"""
)

# ARGV[2]: the ``updated`` time read before deciding to requeue.
_REQUEUE = (
    _COMMON
    + """
local job = redis.call('HMGET', KEYS[1], 'id', 'status', 'cancel', 'updated')
local id, status = job[1], job[2]
if not id or (status ~= 'queued' and status ~= 'running') or (job[3] or '0') ~= '0' then
  return 0
end
if tonumber(job[4]) ~= tonumber(ARGV[2]) then return 0 end
move(id, status, 'queued')
redis.call('HSET', KEYS[1], 'status', 'queued', 'stage', 'queued', 'updated', now())
return 1
"""
)

_DELETE = """
local job = redis.call('HMGET', KEYS[1], 'id', 'status')
if not job[1] then return 0 end
if job[2] then redis.call('SREM', ARGV[1] .. 'jobs:' .. job[2], job[1]) end
redis.call('ZREM', ARGV[1] .. 'jobs', job[1])
redis.call('DEL', KEYS[1])
return 1
"""


def _encode(key: str, value: Any) -> str:
    if value is None:
        return "\0nil"
    if value == _NOW:
        return _NOW
    if key in _JSON:
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return str(int(value))
    if key in _FLOAT:
        return repr(float(value))
    return str(value)


def _decode(raw: dict[bytes, bytes]) -> dict[str, Any]:
    data = {k.decode(): v.decode() for k, v in raw.items()}
    out: dict[str, Any] = {}
    for key in FIELDS:
        text = data.get(key)
        if text is None:
            out[key] = _DEFAULTS.get(key)
        elif key in _INT:
            out[key] = int(text)
        elif key in _FLOAT:
            out[key] = float(text)
        elif key in _JSON:
            out[key] = json.loads(text)
        else:
            out[key] = text
    return out


class RedisJobStore:
    """The :class:`~audionews.desk.store.JobStore` interface on Redis (``redis_url``)."""

    def __init__(self, redis_url: str | None = None, *, conn: Any = None) -> None:
        if conn is None:
            from audionews.desk.fleet import connect

            conn = connect(str(redis_url))
        self.conn = conn
        self._create = conn.register_script(_CREATE)
        self._update = conn.register_script(_UPDATE)
        self._claim = conn.register_script(_CLAIM)
        self._requeue = conn.register_script(_REQUEUE)
        self._delete = conn.register_script(_DELETE)

    @staticmethod
    def _key(job_id: str) -> str:
        return PREFIX + "job:" + job_id

    def now(self) -> float:
        """The Redis server's time: the clock every job time is on."""
        seconds, micro = self.conn.time()
        return float(seconds) + float(micro) / 1e6

    def create(
        self, request: dict[str, Any], *, user: str = "", title: str = "", parent: str | None = None
    ) -> str:
        job_id = uuid.uuid4().hex[:16]
        fields: dict[str, Any] = {"id": job_id, "user": user, "title": title}
        fields.update(status="queued", stage="queued", cancel=0, request=request, parent=parent)
        pairs: list[str] = []
        for key, value in fields.items():
            if value is not None:
                pairs += [key, _encode(key, value)]
        self._create(keys=[self._key(job_id)], args=[PREFIX, job_id, *pairs])
        return job_id

    def get(self, job_id: str) -> dict[str, Any] | None:
        raw = self.conn.hgetall(self._key(job_id))
        return _decode(raw) if raw else None

    def _many(self, ids: list[bytes]) -> list[dict[str, Any]]:
        pipe = self.conn.pipeline(transaction=False)
        for job_id in ids:
            pipe.hgetall(self._key(job_id.decode()))
        return [_decode(raw) for raw in pipe.execute() if raw]  # a job deleted meanwhile: gone

    def history(self, limit: int = 100) -> list[dict[str, Any]]:
        return self._many(self.conn.zrevrange(PREFIX + "jobs", 0, limit - 1))

    def with_status(self, *statuses: str) -> list[dict[str, Any]]:
        ids = self.conn.sunion([PREFIX + "jobs:" + s for s in statuses]) if statuses else set()
        jobs = self._many(sorted(ids))
        return sorted(jobs, key=lambda j: (j["created"], j["id"]))

    def update(self, job_id: str, **values: Any) -> None:
        """Set fields of one job (dicts as JSON); nothing when the job is gone."""
        if "finished" in values and values["finished"] is not None:
            values["finished"] = _NOW  # the server's clock, like every other time
        pairs: list[str] = []
        for key, value in values.items():
            if key not in FIELDS or key in ("id", "created", "updated"):
                raise ValueError(f"not a job field: {key}")
            pairs += [key, _encode(key, value)]
        self._update(keys=[self._key(job_id)], args=[PREFIX, *pairs])

    def claim(self, job_id: str) -> bool:
        """queued -> running, once: False when the job is gone, finished or cancelled."""
        return bool(self._claim(keys=[self._key(job_id)], args=[PREFIX]))

    def requeue(self, job_id: str, updated: float) -> bool:
        """Back to queued, once: only if the job has not changed since ``updated`` was read."""
        return bool(self._requeue(keys=[self._key(job_id)], args=[PREFIX, repr(updated)]))

    def counts(self) -> dict[str, int]:
        """Jobs per status (the statuses with none left out, as in SQLite)."""
        pipe = self.conn.pipeline(transaction=False)
        statuses = (*ACTIVE, *FINAL)
        for status in statuses:
            pipe.scard(PREFIX + "jobs:" + status)
        return {s: int(n) for s, n in zip(statuses, pipe.execute(), strict=True) if n}

    def cancel_requested(self, job_id: str) -> bool:
        raw = self.conn.hget(self._key(job_id), "cancel")
        return raw is None or raw != b"0"  # a job gone counts as cancelled

    def delete(self, job_id: str) -> bool:
        return bool(self._delete(keys=[self._key(job_id)], args=[PREFIX]))
