"""The job store's contract, on SQLite (the embedded desk) and on Redis (a fleet): the same
calls give the same records, status changes are atomic, a deleted job stays deleted."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from audionews.desk.store import JobStore, open_store

TIMES = ("created", "updated", "started", "finished")


@pytest.fixture(params=["sqlite", "redis"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    if request.param == "sqlite":
        yield open_store(tmp_path / "desk.db")
        return
    url = request.getfixturevalue("redis_url")
    yield open_store(tmp_path / "desk.db", url)
    assert not (tmp_path / "desk.db").exists()  # a fleet's records are in Redis only


def _plain(job: dict[str, Any] | None) -> dict[str, Any]:
    assert job is not None
    return {k: v for k, v in job.items() if k not in TIMES}


def test_records_round_trip(store: Any) -> None:
    story = {"file": "story-0.txt", "name": "Bài về lũ"}
    request = {"stories": [story], "settings": {"speed": 1.1}}
    job_id = store.create(request, user="Lan", title="Lũ về sớm")
    job = store.get(job_id)
    assert _plain(job) == {
        "id": job_id,
        "user": "Lan",
        "title": "Lũ về sớm",
        "status": "queued",
        "stage": "queued",
        "done": 0,
        "total": 0,
        "cached": 0,
        "eta": None,
        "request": request,
        "result": None,
        "error": None,
        "error_setting": None,
        "parent": None,
        "cancel": 0,
    }
    assert job is not None and job["started"] is None and job["finished"] is None
    assert abs(job["created"] - store.now()) < 5 and job["updated"] == job["created"]
    store.update(job_id, stage="synthesizing", done=3, total=12, cached=1, eta=4.5)
    store.update(job_id, status="failed", error="máy chủ lỗi", error_setting="engine")
    store.update(job_id, error=None, result={"file": "out/lu.mp3", "chapters": []})
    job = store.get(job_id)
    assert job is not None
    assert (job["done"], job["total"], job["cached"], job["eta"]) == (3, 12, 1, 4.5)
    assert job["error"] is None and job["error_setting"] == "engine"
    assert job["result"] == {"file": "out/lu.mp3", "chapters": []}
    assert job["status"] == "failed" and store.counts() == {"failed": 1}
    store.update(job_id, finished=time.time())
    job = store.get(job_id)
    assert job is not None and job["finished"] >= job["created"]


def test_status_changes_are_atomic_and_counted(store: Any) -> None:
    ids = [store.create({}, title=f"tin {n}") for n in range(4)]
    assert store.counts() == {"queued": 4}
    assert [j["id"] for j in store.history(3)] == ids[::-1][:3]  # newest first
    assert store.claim(ids[0]) and store.claim(ids[0])  # a running job is claimed again
    running = store.get(ids[0])
    assert running is not None and running["status"] == "running" and running["started"]
    store.update(ids[1], cancel=1)
    assert store.cancel_requested(ids[1]) and not store.cancel_requested(ids[2])
    assert not store.claim(ids[1])  # cancelled: never runs
    store.update(ids[2], status="done", stage="done")
    assert not store.claim(ids[2])
    assert [j["id"] for j in store.with_status("queued", "running")] == [ids[0], ids[1], ids[3]]
    assert store.counts() == {"queued": 2, "running": 1, "done": 1}

    # Requeue only if unchanged since read: of several reapers, one wins.
    seen = store.get(ids[0])
    assert seen is not None
    time.sleep(0.01)
    store.update(ids[0])  # a heartbeat after the read
    assert not store.requeue(ids[0], seen["updated"])
    fresh = store.get(ids[0])
    assert fresh is not None
    wins = _race(lambda: store.requeue(ids[0], fresh["updated"]))
    assert wins == 1 and store.counts() == {"queued": 3, "done": 1}
    assert _race(lambda: store.claim(ids[3])) == 8  # claim is idempotent for its worker


def _race(call: Any, n: int = 8) -> int:
    results: list[bool] = []
    start = threading.Barrier(n)

    def run() -> None:
        start.wait()
        results.append(bool(call()))

    threads = [threading.Thread(target=run) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(results)


def test_a_deleted_job_stays_deleted(store: Any) -> None:
    job_id = store.create({}, title="xóa")
    keep = store.create({}, title="giữ")
    assert store.claim(job_id)
    assert store.delete(job_id) and not store.delete(job_id)
    # A render still running writes progress and its outcome: nothing comes back.
    store.update(job_id, stage="synthesizing", done=2, total=5)
    store.update(job_id, status="done", stage="done")
    assert not store.claim(job_id) and not store.requeue(job_id, 0.0)
    assert store.get(job_id) is None and store.cancel_requested(job_id)
    assert [j["id"] for j in store.history()] == [keep]
    assert store.counts() == {"queued": 1}


def test_sqlite_store_is_the_default(tmp_path: Path) -> None:
    assert isinstance(open_store(tmp_path / "desk.db"), JobStore)


# --- retention (`serve --keep-days`): finished jobs and their files go, live jobs stay -----


def _job_with_files(store: Any, paths: Any, status: str) -> str:
    job_id = store.create({"stories": []}, title=status)
    if status != "queued":
        store.update(job_id, status=status, finished=store.now() if status != "running" else None)
    folder = paths.job(job_id)
    folder.mkdir(parents=True)
    (folder / "out.mp3").write_bytes(b"ID3")
    return job_id


def test_prune_deletes_only_finished_jobs_older_than_the_limit(store: Any, tmp_path: Path) -> None:
    from audionews.desk.jobs import prune
    from audionews.desk.render import DeskPaths

    paths = DeskPaths(tmp_path / "desk")
    ids = {s: _job_with_files(store, paths, s) for s in ("done", "failed", "cancelled")}
    live = {s: _job_with_files(store, paths, s) for s in ("queued", "running")}
    assert prune(store, paths, keep_days=1) == []  # all of them are recent
    later = store.now() + 2 * 86400
    assert sorted(prune(store, paths, keep_days=1, now=later)) == sorted(ids.values())
    for job_id in ids.values():
        assert store.get(job_id) is None and not paths.job(job_id).exists()
    for job_id in live.values():
        assert store.get(job_id) is not None and (paths.job(job_id) / "out.mp3").exists()
    assert prune(store, paths, keep_days=1, now=later) == []


def test_desk_with_keep_days_prunes_at_start(tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from audionews.desk.app import create_app
    from audionews.desk.render import DeskPaths

    paths = DeskPaths(tmp_path)
    old = open_store(paths.db)
    job_id = _job_with_files(old, paths, "done")
    time.sleep(0.5)
    app = create_app(tmp_path, start_workers=False, keep_days=0.2 / 86400)  # 0.2 s
    with TestClient(app) as client:
        for _ in range(200):  # the pruner's thread runs at start
            if client.get(f"/api/jobs/{job_id}").status_code == 404:
                break
            time.sleep(0.05)
        assert client.get(f"/api/jobs/{job_id}").status_code == 404
    assert not paths.job(job_id).exists()


def test_keep_days_must_be_positive(tmp_path: Path) -> None:
    from audionews.desk.app import create_app
    from audionews.errors import ConfigError

    with pytest.raises(ConfigError, match="keep_days"):
        create_app(tmp_path, start_workers=False, keep_days=0)
