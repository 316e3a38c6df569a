"""Issue #17, "Unbreakable": full disks, kills in the middle, foreign cache folders.

Each test reproduces a reported failure first: a raw OSError traceback on a full disk, a new MP3
left beside an older programme's sidecars, orphan temporary files after kill -9, and
``cache clear`` deleting ``*.pcm`` files in any folder.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from mutagen.id3 import ID3
from typer.testing import CliRunner

from audionews.cli import app
from audionews.errors import ExportError
from audionews.export import programme_unit, recover_writes

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent

ARTICLE = """{title}

Nông dân ở Đồng Tháp phấn khởi vì được mùa, giá lúa tăng cao so với tuần trước.

Thương lái đổ về các huyện để thu mua lúa.
"""


def article(path: Path, title: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ARTICLE.format(title=title), encoding="utf-8")
    return path


def full_disk(monkeypatch: pytest.MonkeyPatch, when: str) -> None:
    """Writing a temporary file whose name contains ``when`` fails with ENOSPC."""
    real_bytes, real_text = Path.write_bytes, Path.write_text

    def check(path: Path) -> None:
        if when in path.name and path.name.endswith(".part"):
            raise OSError(errno.ENOSPC, "No space left on device")

    def write_bytes(self: Path, data: bytes) -> int:
        check(self)
        return real_bytes(self, data)

    def write_text(self: Path, data: str, *args: object, **kw: object) -> int:
        check(self)
        return real_text(self, data, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_bytes", write_bytes)
    monkeypatch.setattr(Path, "write_text", write_text)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".part", ".unit")))


def test_full_disk_is_exit_4_with_a_message_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = article(tmp_path / "bai.txt", "Giá lúa tăng mạnh")
    out = tmp_path / "out" / "a.mp3"
    full_disk(monkeypatch, ".a.mp3.")
    result = runner.invoke(app, ["make", str(src), "-o", str(out), "-e", "espeak"])
    assert result.exit_code == 4, result.output
    assert isinstance(result.exception, SystemExit)
    assert "No space left on device" in result.output and "a.mp3" in result.output
    assert not out.exists() and leftovers(out.parent) == []


def test_full_disk_during_sidecars_keeps_the_old_programme_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from audionews.bulletin import make_batch
    from audionews.settings import RenderSettings

    folder = tmp_path / "bai"
    a = article(folder / "a.txt", "Giá lúa tăng mạnh")
    article(folder / "b.txt", "Giá cà phê giảm")
    out = tmp_path / "out"
    settings = RenderSettings.build(
        engine="espeak", output=f"{out}/", sidecars="srt,vtt,manifest", cache_dir=tmp_path / "c"
    )
    assert all(i.result for i in make_batch([folder], settings))
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    a.write_text(ARTICLE.format(title="Giá lúa tăng mạnh") + "\nMột đoạn mới.\n", "utf-8")
    os.utime(a, (os.path.getmtime(a) + 10, os.path.getmtime(a) + 10))
    with monkeypatch.context() as m:
        full_disk(m, ".gia-lua-tang-manh.manifest.json.")
        items = make_batch([folder], settings)
    assert items[0].error and "No space left on device" in items[0].error
    assert items[0].exit_code == 4 and items[1].skipped
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # all old, none new
    assert leftovers(out) == []

    again = make_batch([folder], settings)  # space again: rendered, not "up to date"
    assert again[0].result is not None and again[1].skipped
    manifest = json.loads((out / "gia-lua-tang-manh.manifest.json").read_text("utf-8"))
    assert any("đoạn mới" in c["text"] for c in manifest["chunks"] if c["text"])


def test_sidecars_alone_are_all_or_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from audionews.pipeline import make
    from audionews.settings import RenderSettings

    src = article(tmp_path / "bai.txt", "Giá lúa tăng mạnh")
    out = tmp_path / "o" / "a.mp3"
    settings = RenderSettings.build(
        engine="espeak", output=out, sidecars="srt,vtt,manifest", cache_dir=tmp_path / "c"
    )
    full_disk(monkeypatch, ".a.manifest.json.")
    with pytest.raises(ExportError, match="No space left on device"):
        make(src, settings)
    assert not (out.parent / "a.srt").exists() and not (out.parent / "a.vtt").exists()
    assert leftovers(out.parent) == []


def test_stale_sidecars_go_with_the_new_programme(tmp_path: Path) -> None:
    folder = tmp_path / "o"
    folder.mkdir()
    for name in ("x.mp3", "x.srt", "x.vtt", "x.chapters.json", "notes.txt", "x.txt"):
        (folder / name).write_text("old " + name)
    from audionews.export import atomic_write

    with programme_unit():
        for name in ("x.mp3", "x.srt"):
            with atomic_write(folder / name) as tmp:
                tmp.write_text("new " + name)
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt", "x.mp3", "x.srt", "x.txt"]
    assert (folder / "x.mp3").read_text() == "new x.mp3"


def test_an_error_in_the_unit_replaces_nothing(tmp_path: Path) -> None:
    from audionews.export import atomic_write

    folder = tmp_path / "o"
    folder.mkdir()
    (folder / "x.mp3").write_text("old")
    with pytest.raises(RuntimeError), programme_unit():
        with atomic_write(folder / "x.mp3") as tmp:
            tmp.write_text("new")
        raise RuntimeError("the sidecars failed")
    assert (folder / "x.mp3").read_text() == "old" and leftovers(folder) == []


KILLED = """
import os, sys
from pathlib import Path
from audionews.export import atomic_write, programme_unit

folder, die_at = Path(sys.argv[1]), sys.argv[2]
calls = {"replace": 0, "write": 0}
real_replace = os.replace
def replace(src, dst):
    calls["replace"] += 1
    if die_at == "commit" and calls["replace"] == 3:  # journal, one sidecar, then killed
        os._exit(9)
    return real_replace(src, dst)
os.replace = replace

with programme_unit():
    for name in ("x.srt", "x.manifest.json", "x.mp3"):
        with atomic_write(folder / name) as tmp:
            calls["write"] += 1
            if die_at == "write" and calls["write"] == 2:
                tmp.write_text("half")
                os._exit(9)
            tmp.write_text("new " + name)
"""


def run_and_kill(folder: Path, die_at: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(KILLED), str(folder), die_at], env=env, timeout=60
    )
    assert done.returncode == 9  # killed: no finally, no cleanup, like kill -9


def old_programme(folder: Path) -> None:
    folder.mkdir()
    for name in ("x.srt", "x.manifest.json", "x.mp3", "x.vtt"):
        (folder / name).write_text("old " + name)


def test_kill_during_the_commit_is_finished_by_the_next_run(tmp_path: Path) -> None:
    folder = tmp_path / "o"
    old_programme(folder)
    run_and_kill(folder, "commit")
    assert (folder / ".x.mp3.unit").exists()  # the journal says what was under way
    assert (folder / "x.mp3").read_text() == "old x.mp3"
    assert recover_writes(folder) >= 1
    names = ("x.srt", "x.manifest.json", "x.mp3")
    assert [(folder / n).read_text() for n in names] == ["new " + n for n in names]
    assert not (folder / "x.vtt").exists()  # the old programme's sidecar went with it
    assert leftovers(folder) == []


def test_kill_while_writing_leaves_the_old_programme_and_no_orphans(tmp_path: Path) -> None:
    folder = tmp_path / "o"
    old_programme(folder)
    run_and_kill(folder, "write")
    assert len(leftovers(folder)) == 2  # the killed run's temporary files
    names = ("x.srt", "x.manifest.json", "x.mp3", "x.vtt")
    assert [(folder / n).read_text() for n in names] == ["old " + n for n in names]
    recover_writes(folder)
    assert leftovers(folder) == []
    assert [(folder / n).read_text() for n in names] == ["old " + n for n in names]


def test_the_next_write_cleans_a_killed_runs_temp_files(tmp_path: Path) -> None:
    from audionews.export import atomic_write

    folder = tmp_path / "o"
    old_programme(folder)
    run_and_kill(folder, "write")
    with atomic_write(folder / "x.srt") as tmp, atomic_write(folder / "x.manifest.json") as tmp2:
        tmp.write_text("fresh")
        tmp2.write_text("fresh")
    assert leftovers(folder) == []


def test_batch_after_a_kill_recovers_the_folder(tmp_path: Path) -> None:
    from audionews.bulletin import make_batch
    from audionews.settings import RenderSettings

    out = tmp_path / "out"
    old_programme(out)
    run_and_kill(out, "commit")
    src = tmp_path / "bai"
    article(src / "a.txt", "Giá lúa tăng mạnh")
    article(src / "b.txt", "Giá cà phê giảm")
    settings = RenderSettings.build(engine="espeak", output=f"{out}/", cache_dir=tmp_path / "c")
    assert all(i.result for i in make_batch([src], settings))
    assert leftovers(out) == [] and (out / "x.mp3").read_text() == "new x.mp3"
    assert ID3(str(out / "gia-lua-tang-manh.mp3"))["TIT2"].text == ["Giá lúa tăng mạnh"]


def test_cache_clear_refuses_a_foreign_folder(tmp_path: Path) -> None:
    music = tmp_path / "music"
    music.mkdir()
    (music / "take.pcm").write_bytes(b"precious")
    result = runner.invoke(app, ["cache", "clear", "--cache-dir", str(music)])
    assert result.exit_code == 2, result.output
    assert "not an audionews cache" in result.output and "--cache-dir" in result.output
    assert (music / "take.pcm").read_bytes() == b"precious"


def test_cache_prune_command(tmp_path: Path) -> None:
    from audionews.audio import Audio
    from audionews.cache import ChunkCache

    cache = ChunkCache(tmp_path / "c")
    for word in ("một", "hai", "ba", "bốn"):
        cache.put(ChunkCache.key("espeak", "v", "vi", word), Audio(b"\x01\x00" * 500, 22050))
    result = runner.invoke(
        app, ["cache", "prune", "--cache-dir", str(cache.root), "--max-size", "2.1kB"]
    )
    assert result.exit_code == 0, result.output
    assert "Removed 2 chunks" in result.output and "2 left" in result.output
    bad = runner.invoke(app, ["cache", "prune", "--cache-dir", str(cache.root), "--max-size", "x"])
    assert bad.exit_code == 2 and "--max-size" in bad.output


def test_a_docx_bomb_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    import io
    import resource
    import zipfile

    from audionews.errors import InputError
    from audionews.formats import load_document

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as part:  # streamed: the test stays small too
            part.write(b"<w:document>")
            for _ in range(200):
                part.write(b" " * 1_000_000)
            part.write(b"</w:document>")
    bomb = tmp_path / "bom.docx"
    bomb.write_bytes(out.getvalue())
    assert bomb.stat().st_size < 1_000_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(InputError, match=r"would expand to 200 MB"):  # 200,000,025 bytes
        load_document(bomb)
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 100_000  # refused from the ZIP's directory, not by expanding it


@pytest.mark.parametrize(("depth", "readable"), [(200, True), (10_000, False)])
def test_a_page_nested_too_deep_says_so(tmp_path: Path, depth: int, readable: bool) -> None:
    from audionews.errors import InputError
    from audionews.formats import load_document

    story = "<p>Hà Nội mưa lớn kéo dài suốt đêm qua. Nhiều tuyến phố ngập sâu.</p>"
    page = tmp_path / "deep.html"
    page.write_text(
        f"<html><head><title>Mưa lớn ở Hà Nội</title></head><body>{'<div>' * depth}{story}"
        f"{'</div>' * depth}</body></html>",
        encoding="utf-8",
    )
    if readable:
        assert "Nhiều tuyến phố ngập sâu." in (load_document(page).lead or "")
    else:
        with pytest.raises(InputError, match=r"deep.html: the page nests .* into a .txt file"):
            load_document(page)
