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
