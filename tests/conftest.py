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
    """Never touch the user's real chunk cache or config from the tests."""
    import os

    private = {
        "AUDIONEWS_CACHE_DIR": str(tmp_path_factory.mktemp("cache")),
        # and never read the user's own config file (platformdirs follows XDG_CONFIG_HOME)
        "XDG_CONFIG_HOME": str(tmp_path_factory.mktemp("config")),
        # nor the user's installed voices or desk data
        "XDG_DATA_HOME": str(tmp_path_factory.mktemp("data")),
    }
    old = {k: os.environ.get(k) for k in private}
    os.environ.update(private)
    yield
    for key, value in old.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="session")
def article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("art") / "bai.txt"
    from broadcast_support import ARTICLE

    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def podcast(article: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The article rendered once with the podcast profile and every sidecar."""
    from audionews.pipeline import RenderSettings, make

    out = tmp_path_factory.mktemp("pod") / "pod.mp3"
    settings = RenderSettings(sidecars=("srt", "vtt", "chapters", "labels", "cue", "manifest"))
    return make(article, output=out, engine="espeak", settings=settings)


@pytest.fixture(scope="session")
def radio(article: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The article rendered once as a radio Broadcast WAV."""
    from audionews.pipeline import RenderSettings, make

    out = tmp_path_factory.mktemp("radio") / "radio.wav"
    settings = RenderSettings(
        format="wav",
        bits=24,
        loudness=-23.0,
        true_peak=-1.0,
        sample_rate=48000,
        sidecars=("srt", "cue"),
        publisher="Đài Phát thanh Mẫu",
    )
    return make(article, output=out, engine="espeak", settings=settings)
