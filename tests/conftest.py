from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def article_file(tmp_path: Path):
    """Write article text to a file and return its path."""

    def write(text: str, name: str = "bai.txt", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory):
    """Never touch the user's real chunk cache from the tests."""
    import os

    old = os.environ.get("AUDIONEWS_CACHE_DIR")
    os.environ["AUDIONEWS_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        os.environ.pop("AUDIONEWS_CACHE_DIR", None)
    else:
        os.environ["AUDIONEWS_CACHE_DIR"] = old
