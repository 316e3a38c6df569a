"""Piper voice catalogue and downloads, against a catalogue served from 127.0.0.1.

The served voice is the tiny generated one (tests/make_test_voice.py); the server speaks HTTP
Range, can cut a response short (an interrupted download) and records the requests it got.
"""

from __future__ import annotations

import hashlib
import http.server
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

pytest.importorskip("onnx")
from make_test_voice import make_voice

from audionews import voices
from audionews.errors import AudionewsError, ConfigError
from audionews.voices import (
    DownloadProgress,
    UnknownVoice,
    VoiceDownloadError,
    VoiceError,
    download_voice,
    installed_voices,
    list_voices,
    voice_path,
)

NAME = "vi_VN-test-x_low"
FOLDER = "vi/vi_VN/test/x_low/"
CARD = "# Model card for test (x_low)\n\n## Dataset\n\n* URL: none\n* License: CC0-1.0\n"


@dataclass
class Served:
    files: dict[str, bytes]
    cut: dict[str, int] = field(default_factory=dict)
    """path -> bytes after which the next response for it is cut off (once)."""
    ignore_range: bool = False
    requests: list[tuple[str, str | None]] = field(default_factory=list)


def make_handler(served: Served) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            path = self.path.lstrip("/")
            served.requests.append((path, self.headers.get("Range")))
            if path not in served.files:
                self.send_error(404)
                return
            body = served.files[path]
            start = 0
            header = self.headers.get("Range")
            if header and not served.ignore_range:
                start = int(header.removeprefix("bytes=").split("-")[0])
                if start >= len(body):
                    self.send_response(416)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(206)
                self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
            else:
                self.send_response(200)
            payload = body[start:]
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            cut = served.cut.pop(path, None)
            if cut is not None:
                self.wfile.write(payload[:cut])
                self.wfile.flush()
                self.close_connection = True
                return
            self.wfile.write(payload)

    return Handler


@pytest.fixture(scope="module")
def voice_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    model = make_voice(tmp_path_factory.mktemp("voice"))
    return {
        f"{FOLDER}{NAME}.onnx": model.read_bytes(),
        f"{FOLDER}{NAME}.onnx.json": Path(f"{model}.json").read_bytes(),
        f"{FOLDER}MODEL_CARD": CARD.encode(),
    }


def catalogue(files: dict[str, bytes], md5: dict[str, str] | None = None) -> bytes:
    def entry(name: str, code: str, family: str, paths: dict[str, bytes]) -> dict[str, object]:
        return {
            "key": name,
            "name": name.split("-")[1],
            "language": {
                "code": code,
                "family": family,
                "region": code.split("_")[1],
                "name_native": "Tiếng Việt" if family == "vi" else "English",
                "name_english": "Vietnamese" if family == "vi" else "English",
                "country_english": "Vietnam",
            },
            "quality": name.rsplit("-", 1)[1],
            "num_speakers": 1,
            "speaker_id_map": {},
            "aliases": ["vi-test"] if family == "vi" else [],
            "files": {
                path: {
                    "size_bytes": len(data),
                    "md5_digest": (md5 or {}).get(path, hashlib.md5(data).hexdigest()),
                }
                for path, data in paths.items()
            },
        }

    other = {"en/en_US/x/low/en_US-x-low.onnx": b"x", "en/en_US/x/low/en_US-x-low.onnx.json": b"{}"}
    data = {
        NAME: entry(NAME, "vi_VN", "vi", files),
        "en_US-x-low": entry("en_US-x-low", "en_US", "en", other),
    }
    return json.dumps(data).encode()


@pytest.fixture
def server(voice_files: dict[str, bytes]) -> Iterator[tuple[str, Served]]:
    served = Served(files={**voice_files, "voices.json": catalogue(voice_files)})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), make_handler(served))
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/", served
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def test_lists_only_vietnamese_voices_with_size_and_quality(
    server: tuple[str, Served], voice_files: dict[str, bytes], tmp_path: Path
) -> None:
    url, _ = server
    found = list_voices(url, directory=tmp_path)
    assert [v.name for v in found] == [NAME]
    v = found[0]
    assert v.language == "vi_VN"
    assert v.quality == "x_low"
    assert v.size == len(voice_files[f"{FOLDER}{NAME}.onnx"]) + len(
        voice_files[f"{FOLDER}{NAME}.onnx.json"]
    )
    assert not v.installed and v.path is None
    assert v.licence == "see MODEL_CARD"
    assert v.aliases == ("vi-test",)


def test_download_installs_both_files_checked_with_progress(
    server: tuple[str, Served], voice_files: dict[str, bytes], tmp_path: Path
) -> None:
    url, served = server
    seen: list[DownloadProgress] = []
    model = download_voice(NAME, url, directory=tmp_path, progress=seen.append)
    assert model == tmp_path / f"{NAME}.onnx"
    assert model.read_bytes() == voice_files[f"{FOLDER}{NAME}.onnx"]
    assert Path(f"{model}.json").read_bytes() == voice_files[f"{FOLDER}{NAME}.onnx.json"]
    assert not list(tmp_path.glob("*.part"))
    onnx = [p for p in seen if p.file == f"{NAME}.onnx"]
    assert onnx[-1].done == onnx[-1].total == len(voice_files[f"{FOLDER}{NAME}.onnx"])
    assert [p.done for p in onnx] == sorted(p.done for p in onnx)
    assert voice_path(NAME, tmp_path) == model
    assert [v.name for v in installed_voices(tmp_path)] == [NAME]
    listed = list_voices(url, directory=tmp_path)[0]
    assert listed.installed and listed.path == model
    assert listed.licence == "CC0-1.0"  # read from the MODEL_CARD downloaded beside it
    # a second download finds everything in place: only the catalogue is fetched
    served.requests.clear()
    assert download_voice("vi-test", url, directory=tmp_path) == model  # by alias
    assert [p for p, _ in served.requests] == ["voices.json"]


def test_interrupted_download_resumes_with_a_range_request(
    server: tuple[str, Served],
    voice_files: dict[str, bytes],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, served = server
    monkeypatch.setattr(voices, "CHUNK_BYTES", 256)  # whole blocks are kept: cut mid-file
    path = f"{FOLDER}{NAME}.onnx"
    served.cut[path] = 1000
    with pytest.raises(VoiceDownloadError, match="resumes"):
        download_voice(NAME, url, directory=tmp_path)
    part = tmp_path / f"{NAME}.onnx.part"
    kept = part.stat().st_size
    assert 0 < kept <= 1000
    assert voice_path(NAME, tmp_path) is None  # nothing half-installed
    seen: list[DownloadProgress] = []
    model = download_voice(NAME, url, directory=tmp_path, progress=seen.append)
    assert (path, f"bytes={kept}-") in served.requests
    assert model.read_bytes() == voice_files[path]
    assert next(p for p in seen if p.file == f"{NAME}.onnx").resumed_from == kept
    assert not part.exists()


def test_server_ignoring_the_range_starts_the_file_again(
    server: tuple[str, Served], voice_files: dict[str, bytes], tmp_path: Path
) -> None:
    url, served = server
    path = f"{FOLDER}{NAME}.onnx"
    (tmp_path / f"{NAME}.onnx.part").write_bytes(voice_files[path][:500])
    served.ignore_range = True
    model = download_voice(NAME, url, directory=tmp_path)
    assert model.read_bytes() == voice_files[path]


def test_bad_digest_is_refused_and_nothing_installed(
    server: tuple[str, Served], voice_files: dict[str, bytes], tmp_path: Path
) -> None:
    url, served = server
    path = f"{FOLDER}{NAME}.onnx"
    served.files["voices.json"] = catalogue(voice_files, md5={path: "0" * 32})
    with pytest.raises(VoiceDownloadError, match="MD5") as info:
        download_voice(NAME, url, directory=tmp_path)
    assert isinstance(info.value, AudionewsError)
    assert not (tmp_path / f"{NAME}.onnx").exists()
    assert not (tmp_path / f"{NAME}.onnx.part").exists()
    assert voice_path(NAME, tmp_path) is None


def test_unknown_voice_names_the_languages_voices(
    server: tuple[str, Served], tmp_path: Path
) -> None:
    url, _ = server
    with pytest.raises(UnknownVoice, match=NAME) as info:
        download_voice("vi_VN-nobody-low", url, directory=tmp_path)
    assert isinstance(info.value, ConfigError)


def test_address_from_the_environment(
    server: tuple[str, Served], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, _ = server
    monkeypatch.setenv(voices.ENV_BASE_URL, url.rstrip("/"))
    assert voices.base_url() == url
    assert [v.name for v in list_voices(directory=tmp_path)] == [NAME]
    monkeypatch.delenv(voices.ENV_BASE_URL)
    assert voices.base_url() == voices.DEFAULT_BASE_URL
    assert voices.base_url("http://example.invalid/v") == "http://example.invalid/v/"
    with pytest.raises(ConfigError):
        voices.base_url("ftp://example.invalid/")


def test_unreachable_catalogue_is_a_voice_error(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(VoiceError, match="catalogue"):
        list_voices(f"http://127.0.0.1:{port}/", directory=tmp_path, timeout=2)


def test_default_folder_is_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert voices.voices_dir() == tmp_path / "audionews" / "voices"
    assert installed_voices() == []
    assert voice_path(NAME) is None
    assert voice_path("../etc/passwd") is None


def test_downloaded_voice_speaks_through_the_piper_engine(
    server: tuple[str, Served], tmp_path: Path
) -> None:
    pytest.importorskip("onnxruntime")
    from audionews.engines.piper import PiperEngine

    url, _ = server
    download_voice(NAME, url, directory=tmp_path)
    model = voice_path(NAME, tmp_path)
    assert model is not None
    audio = PiperEngine(model).synthesize("Xin chào.")
    assert audio.samples > 0


# --- through the command line and the engines: what a user runs -----------------------------


def test_voices_commands_then_make_with_the_voice_by_name(
    server: tuple[str, Served], tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from audionews.cli import app

    runner = CliRunner()
    url, _ = server
    listed = runner.invoke(app, ["voices", "list", "--base-url", url])
    assert listed.exit_code == 0, listed.output
    assert NAME in listed.output and "not installed" in listed.output
    got = runner.invoke(app, ["voices", "download", NAME, "--base-url", url])
    assert got.exit_code == 0, got.output
    assert f"Installed {NAME}" in got.output
    assert "installed" in runner.invoke(app, ["voices", "list", "--base-url", url]).output
    article = tmp_path / "a.txt"
    article.write_text("Tin vắn\n\nHôm nay trời đẹp.\n", encoding="utf-8")
    made = runner.invoke(
        app, ["make", str(article), "-e", "piper", "--voice", NAME, "-o", str(tmp_path / "a.wav")]
    )
    assert made.exit_code == 0, made.output
    missing = runner.invoke(app, ["make", str(article), "-e", "piper", "--voice", "vi_VN-x"])
    assert missing.exit_code == 2 and "(option --voice)" in missing.output


def test_auto_prefers_an_installed_voice_to_the_draft_one(
    server: tuple[str, Served], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from audionews.errors import EngineUnavailable

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # no voice installed yet
    from audionews.pipeline import choose_engine
    from audionews.voices import download_voice

    offline = lambda: (False, "no network")  # noqa: E731
    engine, why = choose_engine("auto", probe=offline)
    assert engine.name == "espeak" and "draft" in why
    with pytest.raises(EngineUnavailable):
        choose_engine("auto", probe=offline, allow_draft=False)
    download_voice(NAME, server[0])
    engine, why = choose_engine("auto", probe=offline)
    assert engine.name == "piper" and NAME in why
