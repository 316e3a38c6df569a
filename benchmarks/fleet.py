"""Fleet throughput: N articles through the desk's Redis queue with 1, 2 and 4 workers.

Each run starts a private ``redis-server``, a fresh data folder (empty chunk cache), the desk
in process (``create_app(..., redis_url=...)``) and K ``audionews worker`` processes, posts N
distinct articles (``engine: gtts``) and times from the first post to the last job done.
The online engine is faked at the HTTP layer (``responses``, inside each worker's render
processes): every request is answered after ``--latency`` seconds (200 ms) with a tone lasting
about as long as the text would, so gTTS's real request code runs and the work is what a
newsroom's fleet waits on: the network, plus the mastering and MP3 encoding on this machine.

    python benchmarks/fleet.py [--articles 8] [--workers 1 2 4] [--latency 0.2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "dong-bang-song-cuu-long-mua-nuoc-noi.txt"
URL = "https://translate.google.com/_/TranslateWebserverUi/data/batchexecute"
FAKE = "AUDIONEWS_FLEET_FAKE_LATENCY"


def _install_fake(latency: float) -> None:
    """Answer Google's endpoint locally, in this process and every process forked from it."""
    import responses

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthesis import fake_answer

    answers: dict[int, str] = {}

    def answer(request: object) -> tuple[int, dict[str, str], str]:
        time.sleep(latency)
        body = str(getattr(request, "body", "") or "")
        seconds = max(0.5, min(8.0, len(body) / 300))  # ~13 characters a second, URL-encoded
        key = round(seconds * 4)
        if key not in answers:
            answers[key] = fake_answer(key / 4)
        return 200, {}, answers[key]

    responses.start()
    responses.add_callback(responses.POST, URL, callback=answer)
    responses.add(responses.HEAD, "https://translate.google.com/", status=200)
    responses.add(responses.GET, "https://translate.google.com/", status=200)


if __name__ == "fleet" and os.environ.get(FAKE):  # imported by a worker's forkserver
    _install_fake(float(os.environ[FAKE]))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _articles(n: int) -> list[str]:
    title, body = EXAMPLE.read_text(encoding="utf-8").split("\n", 1)
    out = []
    for i in range(n):  # distinct spoken text: no article reuses another's cached chunks
        lines = [
            f"{line} Bản tin số {i + 1}." if line.strip() else line for line in body.splitlines()
        ]
        out.append(f"{title} (số {i + 1})\n" + "\n".join(lines))
    return out


def run(k: int, n: int, latency: float, redis_bin: str) -> float:
    import redis
    from starlette.testclient import TestClient

    from audionews.desk import create_app

    with tempfile.TemporaryDirectory(prefix="fleet-bench-") as tmp:
        port = _free_port()
        server = subprocess.Popen(
            [redis_bin, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", tmp],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        url = f"redis://127.0.0.1:{port}/0"
        conn = redis.Redis.from_url(url)
        for _ in range(100):
            try:
                conn.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        data = Path(tmp) / "desk"
        env = {**os.environ, FAKE: str(latency), "PYTHONPATH": os.pathsep.join(
            [str(ROOT / "benchmarks"), str(ROOT)])}  # fmt: skip
        workers = [
            subprocess.Popen(
                [sys.executable, __file__, "--as-worker", url, str(data)],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(k)
        ]
        try:
            with TestClient(create_app(data, redis_url=url)) as client:
                while len(client.get("/api/status").json()["workers"]) < k:
                    time.sleep(0.1)
                time.sleep(1.0)  # the forkservers are up
                start = time.monotonic()
                ids = [
                    client.post("/api/jobs", json={"text": t, "engine": "gtts"}).json()["id"]
                    for t in _articles(n)
                ]
                pending = set(ids)
                while pending:
                    for job_id in list(pending):
                        job = client.get(f"/api/jobs/{job_id}").json()
                        if job["status"] == "done":
                            pending.discard(job_id)
                        elif job["status"] in ("failed", "cancelled"):
                            raise SystemExit(f"job {job_id}: {job['status']}: {job['error']}")
                    time.sleep(0.1)
                return time.monotonic() - start
        finally:
            for w in workers:
                w.terminate()
            for w in workers:
                w.wait(20)
            server.terminate()
            server.wait(10)


def as_worker(url: str, data: str) -> None:
    from audionews.desk import jobs
    from audionews.desk.worker import run_worker

    jobs._PRELOAD.append("fleet")  # the forkserver imports this file: the fake for the renders
    run_worker(url, data, workers=1)


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--as-worker":
        as_worker(sys.argv[2], sys.argv[3])
        return
    parser = argparse.ArgumentParser(description="Fleet throughput with 1, 2, 4 workers")
    parser.add_argument("--articles", type=int, default=8)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--latency", type=float, default=0.2, help="seconds per answer")
    args = parser.parse_args()
    redis_bin = shutil.which("redis-server")
    if redis_bin is None:
        raise SystemExit("redis-server is not installed (apt-get install redis-server)")
    print(f"{args.articles} articles, fake online engine answering in {args.latency * 1000:.0f} ms,"
          f" {os.cpu_count()} CPUs")  # fmt: skip
    base = None
    for k in args.workers:
        seconds = run(k, args.articles, args.latency, redis_bin)
        per_min = 60 * args.articles / seconds
        base = base or per_min
        print(
            f"{k} worker(s): {seconds:6.1f} s, {per_min:5.1f} articles/min, x{per_min / base:.2f}"
        )


if __name__ == "__main__":
    main()
