"""End to end with the embedded espeak engine: a real MP3 that independent readers accept."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import miniaudio
import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3
from support import EXAMPLE, ffprobe, needs_ffprobe

from audionews.pipeline import MakeResult, load_article, make


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> MakeResult:
    out = tmp_path_factory.mktemp("e2e") / "example.mp3"
    return make(EXAMPLE, output=out, engine="espeak")


def test_example_has_the_expected_chapters(made: MakeResult) -> None:
    article, _ = load_article(EXAMPLE)
    assert made.engine == "espeak"
    assert [c.title for c in made.chapters] == [article.title, *article.headings]
    starts = [c.start_ms for c in made.chapters]
    assert starts == sorted(starts) and starts[0] == 0
    assert made.chapters[-1].end_ms == pytest.approx(made.duration * 1000, abs=2)


def test_mp3_decodes_and_duration_matches(made: MakeResult) -> None:
    data = made.path.read_bytes()
    decoded = miniaudio.decode(
        data, output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1, sample_rate=22050
    )
    # LAME adds under 60 ms of encoder delay and padding.
    assert decoded.duration == pytest.approx(made.duration, abs=0.1)
    assert MP3(made.path).info.length == pytest.approx(made.duration, abs=0.1)


def test_chapters_read_back_with_mutagen(made: MakeResult) -> None:
    tags = ID3(made.path)
    toc = tags.getall("CTOC")[0]
    chaps = {c.element_id: c for c in tags.getall("CHAP")}
    got = [
        (str(chaps[i].sub_frames["TIT2"]), chaps[i].start_time, chaps[i].end_time)
        for i in toc.child_element_ids
    ]
    assert got == [(c.title, c.start_ms, c.end_ms) for c in made.chapters]
    assert str(tags["TPE1"]) == "Hữu Nghĩa"


@needs_ffprobe
def test_chapters_read_back_with_ffprobe(made: MakeResult) -> None:
    out = subprocess.run(
        [str(ffprobe), "-v", "error", "-show_chapters", "-of", "json", str(made.path)],
        check=True,
        capture_output=True,
        text=True,
    )
    chapters = json.loads(out.stdout)["chapters"]
    assert [c["tags"]["title"] for c in chapters] == [c.title for c in made.chapters]
    assert [round(float(c["start_time"]) * 1000) for c in chapters] == [
        c.start_ms for c in made.chapters
    ]


def test_no_temporary_files_left(made: MakeResult) -> None:
    assert [p.name for p in made.path.parent.iterdir()] == [made.path.name]


def test_default_output_is_slug_in_output_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "bai.txt"
    src.write_text(
        "Giá lúa tăng mạnh ở Đồng Tháp\n\nGiá lúa hôm nay tăng mạnh.\n", encoding="utf-8"
    )
    result = make(src, engine="espeak")
    assert result.path == Path("output/gia-lua-tang-manh-o-dong-thap.mp3")
    assert (tmp_path / result.path).stat().st_size > 1000


def test_a_first_render_imports_ahead_and_leaves_no_thread(tmp_path: Path) -> None:
    """In a fresh process, the modules needed after synthesis are imported in a thread while
    the engine speaks; the render waits for it, so no thread outlives it (a desk forks after
    its warm-up render)."""
    import sys

    code = (
        "import sys, threading\n"
        "from pathlib import Path\n"
        "from audionews.pipeline import make\n"
        "from audionews.settings import RenderSettings\n"
        f"make({str(EXAMPLE)!r}, RenderSettings(engine='espeak', use_cache=False,"
        f" output=Path({str(tmp_path / 'a.mp3')!r})))\n"
        "print(sorted(t.name for t in threading.enumerate()))\n"
        "print(all(m in sys.modules for m in ('soxr', 'lameenc', 'miniaudio', 'mutagen.id3')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["['MainThread']", "True"]
