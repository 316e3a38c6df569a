"""Fleet throughput and the queue's own cost, against a fake online engine answering in 200 ms.

Each fleet run starts a private ``redis-server``, a fresh data folder (empty chunk cache), the
desk in process (``create_app(..., redis_url=...)``) and K ``audionews worker`` processes, posts
N distinct articles (``engine: gtts``) and times from the first post to the last job finished
(the jobs' own times, on Redis's clock). The online engine is faked at the HTTP layer
(``responses``, installed in each worker's forkserver, so every render process has it): each
request is answered after ``--latency`` seconds with a tone lasting about as long as the text
would, so gTTS's real request code runs and the work is what a newsroom's fleet waits on: the
network, plus the mastering and MP3 encoding on this machine. Every request's text is logged to
one file, to count duplicates.

Measured in one run:

1. **queue overhead**: ``pipeline.make`` with the desk's settings in this (warm) process, and
   a one-worker fleet given one job at a time, alternately on articles of the same size: wall
   and CPU seconds of the make (all threads) against POST to claimed, claimed to finished and
   the CPU of the whole fleet (desk, Redis, worker, render process) for the job; and the
   fleet's CPU when idle (heartbeats, reaping);
2.
**throughput**: 1, 2, 4, 8 workers on N articles posted at once: articles per minute, ratio
   to one worker, CPU seconds per article, and the ceiling the CPU sets: ``cores x 60 / CPU
   seconds per article`` articles per minute, and each run's efficiency against
   ``min(K x one worker, ceiling)``; the cores the fleet used (its CPU seconds over the run's
   time) and how busy the machine's CPUs were (``/proc/stat``, every process counted: on a
   shared machine, the other work's share is what the fleet could not have), and the ceiling
   the cores left by that other work set (``(cores - others' cores) x 60 / CPU seconds per
   article``).

CPU is counted per process tree from ``/proc`` (user + system of the benchmark process, which
runs the desk, and of every process under it, with the render processes reaped by their
forkserver), so other work on a shared machine is not counted; it still competes for the cores.

    python benchmarks/fleet.py [--articles 100] [--workers 1 2 4 8] [--latency 0.2]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "dong-bang-song-cuu-long-mua-nuoc-noi.txt"
URL = "https://translate.google.com/_/TranslateWebserverUi/data/batchexecute"
FAKE = "AUDIONEWS_FLEET_FAKE_LATENCY"
FAKE_LOG = "AUDIONEWS_FLEET_FAKE_LOG"


def _answers() -> dict[int, str]:
    """Google's answer for every length the fake gives (quarter seconds, 0.5 to 8 s): a tone as
    MP3, made once (in the forkserver: every render process inherits them)."""
    import base64

    import lameenc
    import numpy as np

    rate = 24000
    out = {}
    for key in range(2, 33):
        t = np.arange(int(key / 4 * rate)) / rate
        pcm = (6000 * np.sin(2 * np.pi * 220 * t)).astype("<i2").tobytes()
        enc = lameenc.Encoder()
        enc.set_bit_rate(32)
        enc.set_in_sample_rate(rate)
        enc.set_out_sample_rate(rate)
        enc.set_channels(1)
        mp3 = bytes(enc.encode(pcm)) + bytes(enc.flush())
        frame = json.dumps(
            [["wrb.fr", "jQ1olc", json.dumps([base64.b64encode(mp3).decode()]), None, None,
              None, "generic"]],
            separators=(",", ":"),
        )  # fmt: skip
        out[key] = ")]}'\n\n" + str(len(frame)) + "\n" + frame + "\n"
    return out


def _sent_text(body: str) -> str:
    from urllib.parse import unquote

    outer = json.loads(unquote(body[len("f.req=") :].rstrip("&")))
    return str(json.loads(outer[0][0][1])[0])


def _install_fake(latency: float, log: str | None) -> None:
    """Answer Google's endpoint locally, in this process and every process forked from it."""
    import responses

    answers = _answers()

    def answer(request: object) -> tuple[int, dict[str, str], str]:
        body = str(getattr(request, "body", "") or "")
        if log:
            line = (" ".join(_sent_text(body).split()) + "\n").encode("utf-8")
            fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, line)  # one O_APPEND write: lines of processes never mix
            finally:
                os.close(fd)
        time.sleep(latency)
        seconds = max(0.5, min(8.0, len(body) / 300))  # ~13 characters a second, URL-encoded
        return 200, {}, answers[round(seconds * 4)]

    responses.start()
    responses.add_callback(responses.POST, URL, callback=answer)
    responses.add(responses.HEAD, "https://translate.google.com/", status=200)
    responses.add(responses.GET, "https://translate.google.com/", status=200)


if __name__ == "fleet" and os.environ.get(FAKE):  # imported by a worker's forkserver
    _install_fake(float(os.environ[FAKE]), os.environ.get(FAKE_LOG))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _articles(n: int, offset: int = 0) -> list[str]:
    """n articles of the example's length and shape, their clauses marked with the article's
    number: no two share a chunk but for a few lines a newsroom's articles share too (the date
    line, headings, the byline)."""
    title, body = EXAMPLE.read_text(encoding="utf-8").split("\n", 1)
    out = []
    for i in range(offset, offset + n):
        mark = rf" số {i + 1}\1"
        lines = [re.sub(r"([,.;:!?…])(?=\s|$)", mark, line) for line in body.splitlines()]
        out.append(f"{title} (số {i + 1})\n" + "\n".join(lines))
    return out


def tree_cpu() -> tuple[float, float]:
    """CPU seconds used by this process (all threads: the desk, and this benchmark's polling)
    and by every process under it (Redis, workers, forkservers, render processes reaped by
    them)."""
    ticks = os.sysconf("SC_CLK_TCK")
    stats: dict[int, tuple[int, int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as fh:
                text = fh.read()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2 :].split()
        stats[int(entry)] = (int(fields[1]), sum(int(x) for x in fields[11:15]))
    children: dict[int, list[int]] = defaultdict(list)
    for pid, (ppid, _) in stats.items():
        children[ppid].append(pid)
    total, todo = 0, list(children[os.getpid()])
    while todo:
        pid = todo.pop()
        total += stats[pid][1]
        todo += children[pid]
    own = os.times()
    return own.user + own.system, total / ticks


def machine_busy() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs since boot, every process of the machine counted."""
    with open("/proc/stat", encoding="utf-8") as fh:
        values = [int(x) for x in fh.readline().split()[1:]]
    idle = values[3] + values[4]  # idle, iowait
    return sum(values) - idle, sum(values)


def _since(start: tuple[float, float]) -> tuple[float, float]:
    now = tree_cpu()
    return now[0] - start[0], now[1] - start[1]


class Fleet:
    """Redis, K workers and the desk, in a temporary folder."""

    def __init__(self, k: int, latency: float, redis_bin: str) -> None:
        self.k, self.latency, self.redis_bin = k, latency, redis_bin
        self.posted = 0

    def __enter__(self) -> Fleet:
        import redis
        from starlette.testclient import TestClient

        from audionews.desk import create_app

        self.tmp = tempfile.TemporaryDirectory(prefix="fleet-bench-")
        tmp = self.tmp.name
        port = _free_port()
        self.server = subprocess.Popen(
            [self.redis_bin, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
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
        self.requests_log = Path(tmp) / "requests.txt"
        data = Path(tmp) / "desk"
        env = {**os.environ, FAKE: str(self.latency), FAKE_LOG: str(self.requests_log),
               "PYTHONPATH": os.pathsep.join([str(ROOT / "benchmarks"), str(ROOT)])}  # fmt: skip
        self.workers = [
            subprocess.Popen(
                [sys.executable, __file__, "--as-worker", url, str(data)],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(self.k)
        ]
        self.client = TestClient(create_app(data, redis_url=url)).__enter__()
        while len(self.client.get("/api/status").json()["workers"]) < self.k:
            time.sleep(0.1)
        time.sleep(2.0)  # the forkservers are up and warm
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.__exit__(None, None, None)
        for w in self.workers:
            w.terminate()
        for w in self.workers:
            w.wait(30)
        self.server.terminate()
        self.server.wait(10)
        self.tmp.cleanup()

    def post(self, text: str) -> str:
        r = self.client.post("/api/jobs", json={"text": text, "engine": "gtts"})
        self.posted += 1
        return str(r.json()["id"])

    def wait(self, ids: list[str], every: float = 0.25) -> list[dict[str, Any]]:
        """The jobs once all are done (one status request per look: the desk's cost stays
        small; every job of this fleet counts, so wait for all posted so far)."""
        while True:
            counts = self.client.get("/api/status").json()["jobs"]
            if counts.get("failed") or counts.get("cancelled"):
                raise SystemExit(f"jobs failed: {self.client.get('/api/status').json()}")
            if counts.get("done", 0) >= self.posted:
                return [self.client.get(f"/api/jobs/{i}").json() for i in ids]
            time.sleep(every)

    def requests(self) -> tuple[int, int]:
        """(requests the fake answered, distinct texts among them)."""
        lines = self.requests_log.read_text(encoding="utf-8").splitlines()
        return len(lines), len(set(lines))


class Direct:
    """``pipeline.make`` in this process with the desk's settings (the fake installed here
    too), warmed up like a worker's forkserver."""

    def __init__(self, latency: float) -> None:
        from audionews.desk import warm  # noqa: F401 - the render processes' warm-up

        _install_fake(latency, None)
        self.tmp = tempfile.TemporaryDirectory(prefix="fleet-direct-")
        self.n = 0
        self.make(_articles(1, offset=3000)[0])  # gTTS and the fake warmed

    def make(self, text: str) -> tuple[float, float]:
        """(wall, CPU) seconds of one make (CPU of every thread of this process)."""
        from audionews.desk.render import DeskPaths, build_settings
        from audionews.pipeline import make

        self.n += 1
        folder = Path(self.tmp.name)
        source = folder / f"story-{self.n}.txt"
        source.write_text(text, encoding="utf-8")
        out = folder / f"out-{self.n}"
        settings = build_settings({"engine": "gtts"}, DeskPaths(folder), output=out)
        t0, c0 = time.perf_counter(), time.process_time()
        make(source, settings)
        return time.perf_counter() - t0, time.process_time() - c0


def overhead(n: int, latency: float, redis_bin: str) -> dict[str, list[float]]:
    """The same articles made directly and through a one-worker fleet one job at a time,
    alternately (the machine's load moves alike for both): where the time of a job goes."""
    out: dict[str, list[float]] = defaultdict(list)
    direct = Direct(latency)
    with Fleet(1, latency, redis_bin) as fleet:
        fleet.wait([fleet.post(_articles(1, offset=2000)[0])])  # warms the render path
        c0, t0 = tree_cpu(), time.monotonic()
        time.sleep(5)
        out["idle"].append(sum(_since(c0)) / (time.monotonic() - t0))
        for i, text in enumerate(_articles(2 * n, offset=1000)):
            if i % 2 == 0:  # a direct make, then the fleet on the next article
                wall, cpu = direct.make(text)
                out["direct wall"].append(wall)
                out["direct cpu"].append(cpu)
                continue
            c0 = tree_cpu()
            job = fleet.wait([fleet.post(text)], every=0.1)[0]
            time.sleep(0.3)  # the render process is reaped
            desk, rest = _since(c0)
            out["desk cpu"].append(desk)
            out["cpu"].append(rest)
            out["claimed"].append(job["started"] - job["created"])
            out["rendered"].append(job["finished"] - job["started"])
            out["total"].append(job["finished"] - job["created"])
    return out


def throughput(k: int, n: int, latency: float, redis_bin: str) -> dict[str, Any]:
    with Fleet(k, latency, redis_bin) as fleet:
        texts = _articles(n)
        c0, m0 = tree_cpu(), machine_busy()
        ids = [fleet.post(t) for t in texts]
        jobs = fleet.wait(ids)
        time.sleep(0.3)
        desk, rest = _since(c0)
        m1 = machine_busy()
        seconds = max(j["finished"] for j in jobs) - min(j["created"] for j in jobs)
        sent, distinct = fleet.requests()
        chunks = sum(j["progress"]["total"] for j in jobs)
    busy = (m1[0] - m0[0]) / (m1[1] - m0[1])
    return {"seconds": seconds, "cpu": desk + rest, "desk": desk, "sent": sent,
            "distinct": distinct, "chunks": chunks, "busy": busy}  # fmt: skip


def as_worker(url: str, data: str) -> None:
    from audionews.desk import jobs
    from audionews.desk.worker import run_worker

    jobs._PRELOAD.append("fleet")  # the forkserver imports this file: the fake for the renders
    run_worker(url, data, workers=1)


def _median(values: list[float]) -> float:
    s = sorted(values)
    return s[len(s) // 2] if len(s) % 2 else (s[len(s) // 2 - 1] + s[len(s) // 2]) / 2


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--as-worker":
        as_worker(sys.argv[2], sys.argv[3])
        return
    parser = argparse.ArgumentParser(description="Fleet throughput and queue overhead")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4, 8])
    parser.add_argument("--latency", type=float, default=0.2, help="seconds per answer")
    parser.add_argument("--single", type=int, default=5, help="jobs of each kind, overhead")
    args = parser.parse_args()
    redis_bin = shutil.which("redis-server")
    if redis_bin is None:
        raise SystemExit("redis-server is not installed (apt-get install redis-server)")
    cores = os.cpu_count() or 1
    print(f"fake online engine answering in {args.latency * 1000:.0f} ms, {cores} CPUs, "
          f"load average {os.getloadavg()[0]:.1f} at start")  # fmt: skip

    o = overhead(args.single, args.latency, redis_bin)
    m = {key: _median(values) for key, values in o.items()}
    print(f"\n{args.single} articles made directly and {args.single} through a one-worker fleet, "
          "one at a time, alternately (medians):")  # fmt: skip
    print(f"direct make: {m['direct wall']:.2f} s wall, {m['direct cpu']:.2f} s CPU an article")
    print(f"fleet: {m['total']:.2f} s POST to done ({m['claimed']:.3f} s POST to claimed, "
          f"{m['rendered']:.2f} s claimed to done), {m['cpu']:.2f} s CPU a job in Redis, the "
          f"worker and its render process, {m['desk cpu']:.2f} s in the desk and this "
          f"benchmark polling it every 0.1 s; idle fleet {m['idle']:.3f} CPU s a second"
          )  # fmt: skip
    print(f"queue overhead a job: {m['total'] - m['direct wall']:+.2f} s wall, "
          f"{m['cpu'] - m['direct cpu']:+.2f} s CPU (desk apart)")  # fmt: skip

    print(f"\n{args.articles} articles posted at once:")
    print("| workers | time | articles/min | vs 1 worker | CPU s/article (desk) | fleet's cores |"
          " machine busy | ceiling/min | efficiency | left by others/min |"
          " requests (distinct) |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    base = None
    for k in args.workers:
        r = throughput(k, args.articles, args.latency, redis_bin)
        per_min = 60 * args.articles / r["seconds"]
        per_article = r["cpu"] / args.articles
        ceiling = cores * 60 / per_article
        base = base or per_min / args.workers[0]  # one worker's rate
        ideal = min(k * base, ceiling)
        dup = "" if r["sent"] == r["distinct"] else " DUPLICATES"
        fleet_cores = r["cpu"] / r["seconds"]
        others = max(0.0, r["busy"] * cores - fleet_cores)  # other work on a shared machine
        left = (cores - others) * 60 / per_article
        print(
            f"| {k} | {r['seconds']:.1f} s | {per_min:.1f} | x{per_min / base:.2f} | "
            f"{per_article:.2f} ({r['desk'] / args.articles:.2f}) | "
            f"{fleet_cores:.2f} | {r['busy']:.0%} | {ceiling:.0f} | {per_min / ideal:.0%} | "
            f"{left:.0f} | "
            f"{r['sent']} ({r['distinct']}){dup} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
