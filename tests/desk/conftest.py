from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest

pytest.importorskip("starlette", reason="the desk extra is not installed")
pytest.importorskip("huey", reason="the desk extra is not installed")

from starlette.testclient import TestClient

from audionews.desk import create_app

REDIS = shutil.which("redis-server")
EXAMPLE = Path(__file__).parents[2] / "examples" / "dong-bang-song-cuu-long-mua-nuoc-noi.txt"


def wait_for(client: httpx2.Client, job_id: str, timeout: float = 60) -> dict[str, Any]:
    """Poll a job until it is no longer queued or running."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job: dict[str, Any] = client.get(f"/api/jobs/{job_id}").json()
        if job["status"] not in ("queued", "running"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish in {timeout} s")


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def desk_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("desk")


@pytest.fixture(scope="module")
def client(desk_dir: Path) -> Iterator[TestClient]:
    """One desk with its workers for a test module (renders share its chunk cache)."""
    app = create_app(desk_dir, workers=2)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A private Redis server on a free port, its files in a temporary folder."""
    if REDIS is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    redis = pytest.importorskip("redis", reason="the desk extra's redis client is not installed")
    port = free_port()
    folder = tmp_path / "redis"
    folder.mkdir()
    args = ["--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    proc = subprocess.Popen(
        [REDIS, *args, "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    conn = redis.Redis.from_url(url)
    deadline = time.monotonic() + 10
    while True:
        try:
            conn.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail("redis-server did not start")
            time.sleep(0.05)
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(10)
