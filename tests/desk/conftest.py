from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette", reason="the desk extra is not installed")
pytest.importorskip("huey", reason="the desk extra is not installed")

from starlette.testclient import TestClient

from audionews.desk import create_app

EXAMPLE = Path(__file__).parents[2] / "examples" / "dong-bang-song-cuu-long-mua-nuoc-noi.txt"


def wait_for(client: TestClient, job_id: str, timeout: float = 60) -> dict[str, Any]:
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
