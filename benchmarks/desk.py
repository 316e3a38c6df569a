"""The desk against the library: time to a finished MP3, and 20 jobs posted at once.

1. Latency: ``POST /api/jobs`` (the bundled example, engine espeak) to a finished, downloaded
   MP3, through a real uvicorn server over HTTP, against ``audionews.pipeline.make`` on the same
   input with the same settings (sidecars ``all``, like the desk) in this process. Both start
   from an empty chunk cache every time; medians of ``--repeat`` alternating runs.
2. Load: 20 jobs posted at once (20 threads), each the example with its own first sentence
   (so each synthesizes something): all must finish, none lost, and never more than the
   desk's ``workers`` running at a time (sampled every 50 ms from ``GET /api/jobs``).

    python benchmarks/desk.py [--repeat N] [--jobs 20] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import statistics
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "dong-bang-song-cuu-long-mua-nuoc-noi.txt"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _call(method: str, url: str, body: dict[str, Any] | None = None) -> Any:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=120) as answer:
        raw = answer.read()
        if answer.headers.get_content_type() == "application/json":
            return json.loads(raw)
        return raw


def _wait(base: str, job_id: str, poll: float = 0.1) -> dict[str, Any]:
    while True:
        job: dict[str, Any] = _call("GET", f"{base}/api/jobs/{job_id}")
        if job["status"] not in ("queued", "running"):
            return job
        time.sleep(poll)


QUEUE_WAITS: list[float] = []
RENDERS: list[float] = []


def desk_once(base: str, data_dir: Path, text: str) -> float:
    shutil.rmtree(data_dir / "cache", ignore_errors=True)
    start = time.perf_counter()
    job = _call("POST", f"{base}/api/jobs", {"text": text, "engine": "espeak"})
    done = _wait(base, job["id"])
    assert done["status"] == "done", done["error"]
    QUEUE_WAITS.append(done["started"] - done["created"])
    RENDERS.append(done["finished"] - done["started"])
    mp3 = _call("GET", f"{base}{done['links']['audio']}")
    assert len(mp3) > 100_000
    return time.perf_counter() - start


def library_once(text_file: Path, out: Path) -> float:
    from audionews.pipeline import make
    from audionews.settings import RenderSettings

    cache = out / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    settings = RenderSettings.build(
        "podcast", engine="espeak", output=out / "x.mp3", cache_dir=cache, sidecars="all"
    )
    start = time.perf_counter()
    make(text_file, settings)
    return time.perf_counter() - start


def load_test(base: str, text: str, jobs: int, workers: int) -> dict[str, Any]:
    ids: list[str] = []
    lock = threading.Lock()
    texts = [text.replace("Mùa nước nổi", f"Mùa nước nổi số {n + 1}", 1) for n in range(jobs)]

    def post(t: str) -> None:
        answer = _call("POST", f"{base}/api/jobs", {"text": t, "engine": "espeak"})
        with lock:
            ids.append(answer["id"])

    start = time.perf_counter()
    threads = [threading.Thread(target=post, args=(t,)) for t in texts]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    most = 0
    while True:
        listed = _call("GET", f"{base}/api/jobs")["jobs"]
        mine = [j for j in listed if j["id"] in ids]
        most = max(most, sum(j["status"] == "running" for j in mine))
        if all(j["status"] not in ("queued", "running") for j in mine):
            break
        time.sleep(0.05)
    wall = time.perf_counter() - start
    statuses = [j["status"] for j in mine]
    return {
        "posted": len(ids),
        "listed": len(mine),
        "done": statuses.count("done"),
        "failed": statuses.count("failed"),
        "most_running": most,
        "workers": workers,
        "wall": wall,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=6)
    parser.add_argument("--jobs", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    import uvicorn

    from audionews.desk import create_app

    text = EXAMPLE.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        data_dir, lib_dir = Path(tmp) / "desk", Path(tmp) / "lib"
        lib_dir.mkdir()
        port = _free_port()
        app = create_app(data_dir, workers=args.workers)
        server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        try:
            desk_once(base, data_dir, text)  # warm-up (first imports in the render process)
            library_once(EXAMPLE, lib_dir)
            desk_times, lib_times = [], []
            for n in range(args.repeat):  # alternating which goes first: no order bias
                if n % 2:
                    desk_times.append(desk_once(base, data_dir, text))
                    lib_times.append(library_once(EXAMPLE, lib_dir))
                else:
                    lib_times.append(library_once(EXAMPLE, lib_dir))
                    desk_times.append(desk_once(base, data_dir, text))
            lib, desk = statistics.median(lib_times), statistics.median(desk_times)
            print(f"library make():            {lib:.2f} s  (runs: {_fmt(lib_times)})")
            print(f"desk POST -> MP3 fetched:  {desk:.2f} s  (runs: {_fmt(desk_times)})")
            print(f"queue wait (POST to claimed): {_fmt(QUEUE_WAITS[1:])} s")
            print(f"render (claimed to done):     {_fmt(RENDERS[1:])} s")
            print(f"ratio desk/library:        {desk / lib:.2f}x  (target <= 1.2x)")
            if not args.jobs:
                return
            result = load_test(base, text, args.jobs, args.workers)
            print(
                f"{result['posted']} jobs posted at once: {result['done']} done, "
                f"{result['failed']} failed, {result['posted'] - result['listed']} lost; "
                f"at most {result['most_running']} running at a time "
                f"(workers {result['workers']}); all finished in {result['wall']:.1f} s"
            )
        finally:
            server.should_exit = True
            thread.join(timeout=30)


def _fmt(times: list[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in times)


if __name__ == "__main__":
    main()
