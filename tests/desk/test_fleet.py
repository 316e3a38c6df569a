"""A fleet for real: a Redis server, worker processes (``python -m audionews worker``), the desk
in process on the same queue; workers killed in the middle of a job."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest

from tests.desk.conftest import REDIS, free_port, wait_for

pytest.importorskip("redis", reason="the desk extra's redis client is not installed")

from starlette.testclient import TestClient

from audionews.desk import create_app

pytestmark = pytest.mark.skipif(
    REDIS is None, reason="redis-server is not installed (apt-get install redis-server)"
)
LEASE = "2"


class Workers:
    """``audionews worker`` processes, each logging to its own file."""

    def __init__(self, url: str, data: Path, logs: Path) -> None:
        self.url, self.data, self.logs = url, data, logs
        self.procs: list[subprocess.Popen[bytes]] = []

    def start(self, slots: int = 1, fake_log: Path | None = None) -> subprocess.Popen[bytes]:
        """A worker; with ``fake_log``, one whose renders reach the local fake of Google's
        endpoint (``fake_worker.py``), which logs every request there."""
        log = open(self.logs / f"worker-{len(self.procs)}.log", "wb")  # noqa: SIM115
        root = Path(__file__).parents[2]
        env = {**os.environ, "PYTHONPATH": str(root)}
        entry = ["-m", "audionews", "worker"]
        if fake_log is not None:
            entry = [str(Path(__file__).with_name("fake_worker.py"))]
            env.update(AUDIONEWS_FAKE_LOG=str(fake_log), AUDIONEWS_FAKE_LATENCY="0.3")
            # the forkserver finds the fake on its PYTHONPATH (not the worker's sys.path)
            env["PYTHONPATH"] = os.pathsep.join(
                map(str, [root, root / "tests", root / "tests/desk"])
            )
        args = ["--broker", self.url, "--data-dir", str(self.data), "--lease", LEASE]
        proc = subprocess.Popen(
            [sys.executable, *entry, *args, "--slots", str(slots)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
        )
        self.procs.append(proc)
        return proc

    def stop(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()

    def log_lines(self, event: str) -> list[str]:
        """Job ids of every ``render <id>: <event>`` line in all workers' logs."""
        out: list[str] = []
        for path in sorted(self.logs.glob("worker-*.log")):
            text = path.read_text(encoding="utf-8", errors="replace")
            out += re.findall(rf"render ([0-9a-f]{{16}}): {event}\b", text)
        return out

    def logged(self, event: str, count: int, timeout: float = 15.0) -> list[str]:
        """``log_lines(event)`` once it holds ``count`` lines (or the timeout passes): a worker
        logs a job's end after its render process has stored it, so a client can see a job
        done a moment before its worker's log says so."""
        deadline = time.monotonic() + timeout
        lines = self.log_lines(event)
        while len(lines) < count and time.monotonic() < deadline:
            time.sleep(0.05)
            lines = self.log_lines(event)
        return lines


@pytest.fixture
def fleet(tmp_path: Path, redis_url: str) -> Iterator[tuple[TestClient, Workers]]:
    data = tmp_path / "desk"
    logs = tmp_path / "logs"
    logs.mkdir()
    workers = Workers(redis_url, data, logs)
    app = create_app(data, redis_url=redis_url)
    try:
        with TestClient(app, raise_server_exceptions=False) as client:
            yield client, workers
    finally:
        workers.stop()


def _uncached(text: str, copies: int) -> str:
    """``copies`` of the article, each paragraph marked with a number no earlier render used, so
    nothing comes from the synthesis cache and the render outlives a heartbeat (a render of
    cached chunks could finish before the worker's next beat saw its lease taken)."""
    run = time.time_ns() % 1_000_000
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return "\n\n".join(f"{p} Mã {run} {n}." for n, p in enumerate(paragraphs * copies))


def _post(client: httpx2.Client, text: str, title: str, priority: int = 0) -> str:
    body: dict[str, Any] = {"text": text, "title": title, "engine": "espeak"}
    if priority:
        body["priority"] = priority
    r = client.post("/api/jobs", json=body)
    assert r.status_code == 202, r.text
    return str(r.json()["id"])


def _wait_workers(client: httpx2.Client, n: int, timeout: float = 30) -> list[dict[str, Any]]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive: list[dict[str, Any]] = client.get("/api/status").json()["workers"]
        if len(alive) >= n:
            return alive
        time.sleep(0.1)
    raise AssertionError(f"{n} workers did not report in {timeout} s")


def test_a_killed_worker_s_job_finishes_once_elsewhere(
    fleet: tuple[TestClient, Workers], example_text: str
) -> None:
    client, workers = fleet
    procs = [workers.start(), workers.start()]
    alive = _wait_workers(client, 2)
    by_pid = {w["pid"]: w["id"] for w in alive}
    ids = [_post(client, example_text, f"Tin số {n}") for n in range(4)]

    # Kill a worker while it renders a job.
    victim_job = None
    deadline = time.monotonic() + 30
    while victim_job is None and time.monotonic() < deadline:
        for w in client.get("/api/status").json()["workers"]:
            if w["running"] and w["pid"] == procs[0].pid:
                victim_job = w["running"][0]
        time.sleep(0.05)
    assert victim_job is not None, "worker 0 never took a job"
    procs[0].send_signal(signal.SIGKILL)
    procs[0].wait(10)

    jobs = [wait_for(client, job_id, timeout=90) for job_id in ids]
    for job_id, job in zip(ids, jobs, strict=True):
        assert job["status"] == "done", job
        audio = client.get(f"/api/jobs/{job_id}/audio")
        assert audio.status_code == 200 and audio.content[:3] == b"ID3"
    assert [j["title"] for j in jobs] == [f"Tin số {n}" for n in range(4)]
    done = workers.logged("done", len(ids))
    assert sorted(done) == sorted(ids), done  # every job rendered to the end exactly once
    assert victim_job in workers.log_lines("started")
    assert workers.log_lines("started").count(victim_job) == 2  # begun on both workers
    status = client.get("/api/status").json()
    assert [w["id"] for w in status["workers"]] == [by_pid[procs[1].pid]]
    assert status["jobs"] == {"done": 4} and status["queue"] == 0


def test_breaking_news_jumps_the_queue_and_a_job_can_be_cancelled(
    fleet: tuple[TestClient, Workers], example_text: str
) -> None:
    client, workers = fleet
    short = example_text[:600]
    normal = [_post(client, short, f"Tin thường {n}") for n in range(3)]
    breaking = _post(client, short, "Tin nóng", priority=9)
    assert client.get("/api/status").json()["queue"] == 4
    workers.start(slots=1)
    jobs = {job_id: wait_for(client, job_id, timeout=60) for job_id in [*normal, breaking]}
    assert all(j["status"] == "done" for j in jobs.values())
    order = sorted(jobs, key=lambda i: jobs[i]["started"])
    assert order[0] == breaking
    assert order[1:] == normal

    # Cancel: a running job stops, its files go; the worker goes on with the next.
    long_job = _post(client, _uncached(example_text, 2), "Tin dài")
    deadline = time.monotonic() + 30
    while client.get(f"/api/jobs/{long_job}").json()["status"] != "running":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    gone = client.delete(f"/api/jobs/{long_job}", headers={"X-Requested-With": "test"})
    assert gone.json().get("deleted") is True, gone.text
    after = _post(client, short, "Tin sau")
    assert wait_for(client, after, timeout=60)["status"] == "done"
    assert long_job not in workers.log_lines("done")
    assert client.get(f"/api/jobs/{long_job}").status_code == 404


def test_a_429_on_one_worker_pauses_and_halves_every_worker(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import redis

    from audionews import synthesize
    from audionews.desk.fleet import RedisPause

    here, there = (
        RedisPause(redis.Redis.from_url(redis_url)),
        RedisPause(redis.Redis.from_url(redis_url)),
    )
    monkeypatch.setattr(synthesize, "SHARED_PAUSE", here)
    throttle = synthesize.Throttle(4)
    there.pause(0.8)  # another worker was told 429
    start = time.monotonic()
    with throttle:
        pass
    assert time.monotonic() - start >= 0.7
    assert throttle.limit == 2
    with throttle:  # the same pause halves once
        pass
    assert throttle.limit == 2
    throttle.rate_limited(0.5)  # a 429 here reaches the others
    assert there.resume_at() > time.time() + 0.3
    assert there.pause(0.1) > time.time() + 0.3  # a shorter pause never shortens it


def test_status_command_and_heartbeat_ttl(redis_url: str) -> None:
    import json

    import redis
    from typer.testing import CliRunner

    from audionews.cli import app
    from audionews.desk.fleet import Fleet
    from audionews.desk.redis_store import RedisJobStore

    store = RedisJobStore(redis_url)
    failed = store.create({}, title="a")
    store.update(failed, status="failed", error="boom")
    store.create({}, title="b")
    fleet = Fleet(redis.Redis.from_url(redis_url), worker_id="w1", ttl=0.5)
    fleet.beat({"running": [], "done": 3, "slots": 2})
    fleet.error(failed, "boom")
    runner = CliRunner()
    args = ["status", "--broker", redis_url]
    info = json.loads(runner.invoke(app, [*args, "--json"]).output)
    assert [w["id"] for w in info["workers"]] == ["w1"]
    assert info["jobs"] == {"failed": 1, "queued": 1}
    assert info["errors"][0]["error"] == "boom" and info["queue"] == 0
    text = runner.invoke(app, args).output
    assert "workers alive: 1" in text and "failed 1, queued 1" in text and "boom" in text
    time.sleep(0.7)  # no heartbeat: the worker is gone
    assert Fleet(redis.Redis.from_url(redis_url)).workers() == []


def test_embedded_desk_status(tmp_path: Path) -> None:
    app = create_app(tmp_path, workers=1)
    with TestClient(app) as client:
        info = client.get("/api/status").json()
    assert info["broker"] is None and info["queue"] == 0
    assert info["workers"] == [{"id": "embedded", "slots": 1, "running": []}]


def test_a_worker_that_lost_its_lease_lets_the_job_go(
    fleet: tuple[TestClient, Workers], example_text: str, redis_url: str
) -> None:
    import redis

    client, workers = fleet
    workers.start()
    job_id = _post(client, _uncached(example_text, 2), "Tin bị giành")  # outlives a beat
    deadline = time.monotonic() + 30
    while client.get(f"/api/jobs/{job_id}").json()["status"] != "running":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    # As if the worker stalled past its lease and another took the job over for a while.
    redis.Redis.from_url(redis_url).set(f"audionews:lease:{job_id}", "another", px=1500)
    assert wait_for(client, job_id, timeout=60)["status"] == "done"
    assert workers.logged("abandoned", 1) == [job_id]
    assert workers.log_lines("started") == [job_id, job_id]
    assert workers.logged("done", 1) == [job_id]


@pytest.fixture
def desk_process(tmp_path: Path, redis_url: str) -> Iterator[tuple[httpx2.Client, Workers, Path]]:
    """The desk as its own process (``audionews serve --broker``), as on another machine."""
    data = tmp_path / "desk"
    logs = tmp_path / "logs"
    logs.mkdir()
    port = free_port()
    root = Path(__file__).parents[2]
    desk_log = open(logs / "desk.log", "wb")  # noqa: SIM115
    desk = subprocess.Popen(
        [sys.executable, "-m", "audionews", "serve", "--broker", redis_url, "--data-dir",
         str(data), "--port", str(port)],
        stdout=desk_log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONPATH": str(root)},
    )  # fmt: skip
    workers = Workers(redis_url, data, logs)
    client = httpx2.Client(base_url=f"http://127.0.0.1:{port}", timeout=30)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                client.get("/api/status")
                break
            except httpx2.TransportError:
                assert desk.poll() is None and time.monotonic() < deadline, "the desk did not start"
                time.sleep(0.1)
        yield client, workers, data
    finally:
        client.close()
        workers.stop()
        desk.terminate()
        desk.wait(15)


def _title_tag(client: httpx2.Client, job_id: str, folder: Path) -> str:
    from mutagen.id3 import ID3

    audio = client.get(f"/api/jobs/{job_id}/audio")
    assert audio.status_code == 200 and audio.content[:3] == b"ID3"
    path = folder / f"{job_id}.mp3"
    path.write_bytes(audio.content)
    return str(ID3(path)["TIT2"])


def test_desk_and_workers_share_only_redis_and_the_results_folder(
    desk_process: tuple[httpx2.Client, Workers, Path], example_text: str, tmp_path: Path
) -> None:
    client, workers, data = desk_process
    procs = [workers.start(), workers.start()]
    _wait_workers(client, 2)
    titles = [f"Bản tin miền Tây số {n}" for n in range(4)]
    ids = [_post(client, _uncached(example_text, 1), t) for t in titles]  # outlive a beat

    # Progress from the desk while a render runs, then worker 0 killed in the middle of its job.
    progress: set[tuple[int, int]] = set()
    victim_job = None
    deadline = time.monotonic() + 60
    while victim_job is None and time.monotonic() < deadline:
        for job_id in ids:
            job = client.get(f"/api/jobs/{job_id}").json()
            if job["stage"] == "synthesizing" and job["progress"]["done"] > 0:
                progress.add((job["progress"]["done"], job["progress"]["total"]))
        for w in client.get("/api/status").json()["workers"]:
            if w["running"] and w["pid"] == procs[0].pid and progress:
                victim_job = w["running"][0]
        time.sleep(0.05)
    assert victim_job is not None, "worker 0 never took a job"
    procs[0].send_signal(signal.SIGKILL)
    procs[0].wait(10)
    assert any(done < total for done, total in progress), progress

    jobs = [wait_for(client, job_id, timeout=120) for job_id in ids]
    assert [j["status"] for j in jobs] == ["done"] * 4, jobs
    assert [_title_tag(client, i, tmp_path) for i in ids] == titles  # each job its own article
    assert sorted(workers.logged("done", len(ids))) == sorted(ids)  # rendered once, to the end
    assert workers.log_lines("started").count(victim_job) == 2

    # Cancel from the desk: the worker stops the render, the job and its files go.
    long_job = _post(client, _uncached(example_text, 2), "Tin dài")
    deadline = time.monotonic() + 30
    while client.get(f"/api/jobs/{long_job}").json()["status"] != "running":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert client.delete(f"/api/jobs/{long_job}", headers={"X-Requested-With": "t"}).json()[
        "deleted"
    ]
    after = _post(client, example_text[:600], "Tin sau")
    assert wait_for(client, after, timeout=60)["status"] == "done"
    assert long_job not in workers.log_lines("done")
    assert client.get(f"/api/jobs/{long_job}").status_code == 404
    status = client.get("/api/status").json()
    assert status["jobs"] == {"done": 5} and status["queue"] == 0
    assert len(status["workers"]) == 1
    # What the machines shared: Redis and these files. No database file, no queue file.
    assert sorted(p.name for p in data.iterdir()) == ["cache", "jobs", "secret.key"]
    assert not list(data.rglob("*.db"))


def test_two_workers_on_one_article_request_each_chunk_once(
    fleet: tuple[TestClient, Workers], example_text: str, tmp_path: Path
) -> None:
    client, workers = fleet
    requests_log = tmp_path / "requests.txt"
    for _ in range(2):
        workers.start(fake_log=requests_log)
    _wait_workers(client, 2)
    body = {"text": example_text, "engine": "gtts"}
    ids = [client.post("/api/jobs", json=body).json()["id"] for _ in range(2)]
    jobs = [wait_for(client, job_id, timeout=120) for job_id in ids]
    assert [j["status"] for j in jobs] == ["done", "done"], [j["error"] for j in jobs]
    a, b = jobs
    assert a["started"] < b["finished"] and b["started"] < a["finished"]  # at the same time
    assert sorted(workers.log_lines("started")) == sorted(ids)  # one job on each worker
    sent = requests_log.read_text(encoding="utf-8").splitlines()
    assert len(sent) == len(set(sent)) == a["progress"]["total"] == b["progress"]["total"]


def test_one_worker_of_the_fleet_reaps_per_lease(redis_url: str) -> None:
    import redis

    from audionews.desk.fleet import Fleet

    looks: list[str] = []

    class Store:
        def now(self) -> float:
            return time.time()

        def with_status(self, *statuses: str) -> list[dict[str, Any]]:
            looks.append(",".join(statuses))
            return []

    conn = redis.Redis.from_url(redis_url)
    a, b = (Fleet(conn, worker_id=w, ttl=0.5) for w in ("a", "b"))
    for fleet in (a, b, a, b):
        fleet.reap(Store(), lambda _i, _p: None, set)
    assert looks == ["queued,running"]  # four beats, one look
    time.sleep(0.6)
    b.reap(Store(), lambda _i, _p: None, set)
    assert len(looks) == 2
