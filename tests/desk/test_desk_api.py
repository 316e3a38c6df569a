"""The desk's JSON API, driven in process (Starlette's TestClient, real huey workers)."""

from __future__ import annotations

import io
import json
import shutil
import time
from pathlib import Path

import pytest
from conftest import wait_for
from mutagen.id3 import ID3
from starlette.testclient import TestClient

from audionews.desk import create_app, serve
from audionews.desk.jobs import JobEngine
from audionews.desk.render import DeskPaths
from audionews.errors import ConfigError


def test_render_a_pasted_article(client: TestClient, example_text: str) -> None:
    answer = client.post("/api/jobs", json={"text": example_text, "engine": "espeak"})
    assert answer.status_code == 202, answer.text
    job_id = answer.json()["id"]
    job = wait_for(client, job_id)
    assert job["status"] == "done", job["error"]
    assert job["progress"]["percent"] == 100
    assert job["progress"]["done"] == job["progress"]["total"] > 10
    titles = [c["title"] for c in job["result"]["chapters"]]
    assert titles[1:] == [
        "Cánh đồng ngập nước thành nguồn thu",
        "Hợp tác xã làm cầu nối",
        "Giữ nước nổi để giữ phù sa",
    ]
    audio = client.get(job["links"]["audio"])
    assert audio.status_code == 200
    assert audio.headers["content-type"] == "audio/mpeg"
    assert ".mp3" in audio.headers["content-disposition"]
    chapters = ID3(io.BytesIO(audio.content)).getall("CHAP")
    assert len(chapters) == 4
    srt = client.get(f"/api/jobs/{job_id}/sidecars/srt")
    assert srt.status_code == 200 and "-->" in srt.text
    manifest = client.get(f"/api/jobs/{job_id}/sidecars/manifest").json()
    assert manifest["chunks"]
    assert client.get(f"/api/jobs/{job_id}/sidecars/passwd").status_code == 404

    # Re-rendered after an edit: only the changed sentence is synthesized.
    edited = example_text.replace("58 tuổi", "59 tuổi")
    again = client.post("/api/jobs", json={"text": edited, "engine": "espeak"}).json()
    job2 = wait_for(client, again["id"])
    assert job2["status"] == "done"
    assert job2["result"]["cached"] == job2["result"]["chunks"] - 1

    history = client.get("/api/jobs").json()["jobs"]
    assert [j["id"] for j in history[:2]] == [again["id"], job_id]

    deleted = client.delete(f"/api/jobs/{job_id}", headers={"X-Requested-With": "test"})
    assert deleted.json() == {"id": job_id, "deleted": True}
    assert client.get(f"/api/jobs/{job_id}").status_code == 404
    assert client.get(f"/api/jobs/{job_id}/audio").status_code == 404


def test_bulletin_and_render_again(client: TestClient, example_text: str) -> None:
    second = "Tin ngắn về lũ\n\nNước lũ ở An Giang lên nhanh trong ngày 15/9/2024.\n\nTHANH TÂM"
    body = {
        "stories": [{"text": example_text, "title": "Mùa nước nổi"}, {"text": second}],
        "bulletin_title": "Bản tin sáng",
        "settings": {"engine": "espeak"},
        "user": "Lan",
    }
    job = wait_for(client, client.post("/api/jobs", json=body).json()["id"])
    assert job["status"] == "done", job["error"]
    assert [c["title"] for c in job["result"]["chapters"]] == [
        "Bản tin sáng",
        "Mùa nước nổi",
        "Tin ngắn về lũ",
    ]
    assert job["user"] == "Lan"
    assert [s["editable"] for s in job["stories"]] == [True, True]
    text = client.get(f"/api/jobs/{job['id']}/stories/1").json()["text"]
    assert text.startswith("Tin ngắn về lũ")
    # Render again from the stored inputs: everything comes from the chunk cache.
    again = client.post("/api/jobs", json={"from_job": job["id"], "engine": "espeak"}).json()
    redone = wait_for(client, again["id"])
    assert redone["status"] == "done" and redone["parent"] == job["id"]
    assert redone["result"]["cached"] == redone["result"]["chunks"]


def test_preview_shows_the_article_and_every_change(client: TestClient, example_text: str) -> None:
    story = client.post("/api/preview", json={"text": example_text}).json()["stories"][0]
    assert story["title"].startswith("Mùa nước nổi")
    assert story["date"] == "16/09/2024 - 07:30"
    assert story["lead"].startswith("Những ngày giữa tháng 9")
    assert story["byline"] == "HỮU NGHĨA"
    assert len(story["headings"]) == 3
    reasons = {d["line"]: d["reason"] for d in story["dropped"]}
    assert "widget" in reasons[7] and "caption" in reasons[9]
    kinds_of = {d["line"]: d["kind"] for d in story["dropped"]}
    assert kinds_of[7] == "widget" and kinds_of[9] == "caption"
    pieces = [p for ch in story["chapters"] for p in ch["pieces"]]
    kinds = {c["kind"] for p in pieces for c in p["changes"]}
    assert {"same", "number", "abbreviation"} <= kinds
    number = next(c for p in pieces for c in p["changes"] if c.get("written") == "30 ha")
    assert number == {"kind": "number", "text": "ba mươi héc ta", "written": "30 ha"}

    # Edits: another title and byline; the caption read after all.
    edit = {"text": example_text, "title": "Mùa nước nổi", "byline": "", "read_dropped": [9]}
    story = client.post("/api/preview", json=edit).json()["stories"][0]
    assert story["edited"] == {"title": "Mùa nước nổi", "byline": None}
    written = [p["written"] for ch in story["chapters"] for p in ch["pieces"]]
    assert written[0] == "Mùa nước nổi"
    assert any(w.startswith("Người dân xã Vĩnh Hòa") for w in written)
    assert 9 in {d["line"] for d in story["dropped"]}  # listed, so it can be switched off


def test_lexicon_is_shared_and_used(client: TestClient, desk_dir: Path) -> None:
    text = "Tin ngắn\n\nNông dân trồng sen ở Tân Châu cho biết năm nay lũ về sớm."
    saved = client.patch("/api/lexicon", json={"words": {"Tân Châu": "Tân Chầu"}})
    assert saved.json()["words"]["Tân Châu"] == "Tân Chầu"
    assert "Tân Châu" in (desk_dir / "lexicon.toml").read_text(encoding="utf-8")
    story = client.post("/api/preview", json={"text": text}).json()["stories"][0]
    changes = [c for ch in story["chapters"] for p in ch["pieces"] for c in p["changes"]]
    assert {"kind": "lexicon", "text": "Chầu", "written": "Châu"} in changes
    bad = client.put("/api/lexicon", json={"words": {"x": ""}})
    assert bad.status_code == 400 and "non-empty" in bad.json()["error"]
    assert client.put("/api/lexicon", json={"words": {}}).json()["words"] == {}


def test_hear_a_sentence(client: TestClient) -> None:
    wav = client.post("/api/speak", json={"text": "Ngày 15/9, TP HCM mưa to.", "engine": "espeak"})
    assert wav.status_code == 200 and wav.headers["content-type"] == "audio/wav"
    assert wav.content[:4] == b"RIFF" and len(wav.content) > 20_000


def test_engines_and_openapi(client: TestClient) -> None:
    engines = {e["name"]: e for e in client.get("/api/engines").json()["engines"]}
    assert engines["espeak"]["unusable"] is None
    assert "vi" in engines["espeak"]["voices"]
    spec = client.get("/api/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    for path in ("/api/jobs", "/api/jobs/{id}", "/api/jobs/{id}/audio", "/api/lexicon"):
        assert path in spec["paths"]


def test_errors_are_messages(client: TestClient) -> None:
    for body, word in [
        ({"text": "x", "output": "/etc/x.mp3"}, "not allowed"),
        ({"text": "x", "cache_dir": "/"}, "not allowed"),
        ({"url": "/etc/passwd"}, "http"),
        ({"url": "file:///etc/passwd"}, "http"),
        ({"text": "x", "engine": "nope"}, "engine"),
        ({"text": "x", "speed": 3}, "speed"),
        ({"text": "   "}, "empty"),
        ({}, "article"),
    ]:
        answer = client.post("/api/jobs", json=body)
        assert answer.status_code == 400, body
        assert word in answer.json()["error"], answer.json()
    broken = client.post(
        "/api/jobs", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert broken.status_code == 400 and "JSON" in broken.json()["error"]
    job = client.post("/api/jobs", json={"text": "A A\n\nChia sẻ\n", "engine": "espeak"}).json()
    failed = wait_for(client, job["id"])
    assert failed["status"] == "failed"
    assert "Traceback" not in failed["error"] and "/jobs/" not in failed["error"]


def test_uploads_are_bounded_in_size_and_type(client: TestClient, example_text: str) -> None:
    headers = {"X-Requested-With": "test"}
    pdf = client.post("/api/jobs", files={"file": ("a.pdf", b"%PDF")}, headers=headers)
    assert pdf.status_code == 415
    fake = client.post("/api/jobs", files={"file": ("a.docx", b"hello")}, headers=headers)
    assert fake.status_code == 415
    big = client.post("/api/jobs", files={"file": ("a.txt", b"a" * 5_000_001)}, headers=headers)
    assert big.status_code == 413
    huge = client.post("/api/jobs", json={"text": "a" * 13_000_000})
    assert huge.status_code == 413
    # A file with its name as a path: only the base name is kept, stored under the desk's name.
    ok = client.post(
        "/api/preview",
        files={"file": ("../../etc/bai.txt", example_text.encode())},
        headers=headers,
    )
    assert ok.status_code == 200, ok.text
    assert ok.json()["stories"][0]["title"].startswith("Mùa nước nổi")


def test_csrf(client: TestClient, example_text: str) -> None:
    form = {"file": ("bai.txt", example_text.encode())}
    assert client.post("/api/preview", files=form).status_code == 403
    page = client.get("/")
    token = page.cookies.get("audionews_csrf") or client.cookies.get("audionews_csrf")
    assert token and token in page.text
    ok = client.post("/api/preview", files=form, headers={"X-CSRF-Token": token})
    assert ok.status_code == 200
    other = client.post("/api/jobs", json={"text": "x"}, headers={"Origin": "https://evil.example"})
    assert other.status_code == 403


def test_language() -> None:
    from audionews.desk.i18n import MESSAGES, pick_lang

    assert MESSAGES["vi"].keys() == MESSAGES["en"].keys()
    assert pick_lang(None, None, None, "vi") == "vi"
    assert pick_lang(None, None, "en-GB,en;q=0.9", "vi") == "en"
    assert pick_lang("vi", None, "en-GB", "vi") == "vi"
    assert pick_lang(None, "en", "vi", "vi") == "en"


def test_pages_in_both_languages(client: TestClient) -> None:
    assert "Bàn biên tập" in client.get("/", headers={"Accept-Language": "vi"}).text
    english = client.get("/?lang=en")
    assert "audionews desk" in english.text and 'lang="en"' in english.text
    assert "default-src 'self'" in english.headers["content-security-policy"]
    client.cookies.clear()


def test_password_guards_everything(tmp_path: Path) -> None:
    app = create_app(tmp_path, password="s3cret-pass", start_workers=False)
    with TestClient(app) as c:
        assert c.get("/api/jobs").status_code == 401
        assert c.get("/", follow_redirects=False).status_code == 303
        assert c.get("/static/desk.js", follow_redirects=False).status_code == 303
        bearer = {"Authorization": "Bearer s3cret-pass"}
        assert c.get("/api/jobs", headers=bearer).status_code == 200
        assert c.get("/api/jobs", headers={"Authorization": "Bearer nope"}).status_code == 401
        login = c.get("/login")
        token = c.cookies.get("audionews_csrf")
        wrong = c.post("/login", data={"password": "nope", "csrf": token})
        assert "Sai mật khẩu" in wrong.text
        assert login.status_code == 200
        no_csrf = c.post("/login", data={"password": "s3cret-pass"}, follow_redirects=False)
        assert no_csrf.status_code == 200  # the form again, not signed in
        signed = c.post(
            "/login", data={"password": "s3cret-pass", "csrf": token}, follow_redirects=False
        )
        assert signed.status_code == 303
        assert c.get("/api/jobs").status_code == 200
        assert c.get("/").status_code == 200
        assert c.post("/logout", follow_redirects=False).status_code == 403  # no CSRF token
        out = c.post("/logout", headers={"X-CSRF-Token": token}, follow_redirects=False)
        assert out.status_code == 303
        assert c.get("/api/jobs").status_code == 401


def test_serve_refuses_the_network_without_a_password(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="password"):
        serve("0.0.0.0", 8123, tmp_path)
    with pytest.raises(ConfigError, match="8 characters"):
        serve("0.0.0.0", 8123, tmp_path, password="short")
    token = tmp_path / "token"
    token.write_text("", encoding="utf-8")
    with pytest.raises(ConfigError, match="password"):
        serve("192.168.1.5", 8123, tmp_path, password_file=token)


def test_a_job_survives_a_restart(tmp_path: Path, desk_dir: Path, example_text: str) -> None:
    shutil.copytree(desk_dir / "cache", tmp_path / "cache")  # chunks made by earlier tests
    # Queued while no worker runs (the server stopped), it runs after the restart.
    with TestClient(create_app(tmp_path, start_workers=False)) as c:
        queued = c.post("/api/jobs", json={"text": example_text, "engine": "espeak"}).json()
        assert c.get(f"/api/jobs/{queued['id']}").json()["status"] == "queued"
    with TestClient(create_app(tmp_path)) as c:
        done = wait_for(c, queued["id"])
        assert done["status"] == "done"
    # Running when the server died (its queue entry taken): queued again at start, and its
    # render takes what was synthesized from the chunk cache.
    paths = DeskPaths(tmp_path)
    engine = JobEngine(paths)
    request = engine.store.get(queued["id"])["request"]
    crashed = engine.store.create(request)
    engine.store.update(crashed, status="running", stage="synthesizing", done=12, total=33)
    src, dst = paths.job(queued["id"]) / "input", paths.job(crashed) / "input"
    dst.mkdir(parents=True)
    for f in src.iterdir():
        (dst / f.name).write_bytes(f.read_bytes())
    with TestClient(create_app(tmp_path)) as c:
        resumed = wait_for(c, crashed)
    assert resumed["status"] == "done"
    assert resumed["result"]["cached"] == resumed["result"]["chunks"]


def test_delete_a_queued_job(tmp_path: Path, example_text: str) -> None:
    with TestClient(create_app(tmp_path, start_workers=False)) as c:
        job = c.post("/api/jobs", json={"text": example_text, "engine": "espeak"}).json()
        assert (tmp_path / "jobs" / job["id"]).is_dir()
        gone = c.delete(f"/api/jobs/{job['id']}", headers={"X-Requested-With": "t"})
        assert gone.status_code == 200
        assert not (tmp_path / "jobs" / job["id"]).exists()
        assert (
            c.delete(f"/api/jobs/{job['id']}", headers={"X-Requested-With": "t"}).status_code == 404
        )
        assert c.get("/api/jobs/../../etc/passwd").status_code == 404
        assert c.get("/api/jobs/ZZZ").status_code == 404
    engine = JobEngine(DeskPaths(tmp_path), process=False)
    engine._run(job["id"])  # its queue entry runs after all: nothing happens
    assert engine.store.get(job["id"]) is None


def test_unexpected_errors_are_messages(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    import audionews.desk.app as app_module

    def boom(*args: object) -> None:
        raise RuntimeError("secret detail")

    monkeypatch.setattr(app_module, "preview", boom)
    answer = client.post("/api/preview", json={"text": "Tin\n\nMột câu."})
    assert answer.status_code == 500
    assert answer.json() == {"error": "internal error; the server log has the details."}


def test_page_style_upload_with_edits(client: TestClient, example_text: str) -> None:
    """What the page sends for files: multipart parts plus the request as JSON."""
    request = {
        "stories": [{"upload": 1, "title": "Bài hai"}, {"upload": 0}],
        "settings": {"engine": "espeak"},
    }
    md = "# Tin ngắn về lũ\n\nNước lũ ở An Giang lên nhanh trong ngày 15/9/2024.\n"
    answer = client.post(
        "/api/preview",
        files=[
            ("file", ("bai.txt", example_text.encode())),
            ("file", ("tin.md", md.encode())),
        ],
        data={"request": json.dumps(request)},
        headers={"X-Requested-With": "page"},
    )
    assert answer.status_code == 200, answer.text
    stories = answer.json()["stories"]
    assert [s["edited"]["title"] for s in stories] == ["Bài hai", stories[1]["title"]]
    assert stories[1]["title"].startswith("Mùa nước nổi")


def test_delete_a_running_job(client: TestClient, example_text: str) -> None:
    long = example_text + "\n\n" + example_text.replace("Mùa", "Vụ").replace("nổi", "lên")
    job = client.post(
        "/api/jobs", json={"text": long, "engine": "espeak", "bitrate": 96, "speed": 1.1}
    ).json()
    engine = client.app.state.engine  # type: ignore[attr-defined]
    deadline = time.monotonic() + 30
    while not engine._procs.get(job["id"]) and time.monotonic() < deadline:
        time.sleep(0.02)
    proc = engine._procs.get(job["id"])
    assert proc is not None and proc.is_alive()
    gone = client.delete(f"/api/jobs/{job['id']}", headers={"X-Requested-With": "t"})
    assert gone.status_code == 200
    assert not proc.is_alive()  # its render process is stopped
    assert not (client.app.state.desk.paths.job(job["id"])).exists()  # type: ignore[attr-defined]
    assert client.get(f"/api/jobs/{job['id']}").status_code == 404


def test_every_drop_kind_has_a_label_in_each_language() -> None:
    from audionews.article import DropKind
    from audionews.desk.i18n import LANGS, MESSAGES

    for lang in LANGS:
        missing = [
            k.value
            for k in DropKind
            if k is not DropKind.KEPT and f"drop_{k.value}" not in MESSAGES[lang]
        ]
        assert not missing, (lang, missing)
    assert MESSAGES["vi"]["drop_caption"] != MESSAGES["en"]["drop_caption"]


def test_the_desk_fetches_no_local_address_unless_allowed(
    client: TestClient, example_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import http.server
    import threading

    page = example_text.encode("utf-8")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/bai-viet"
    try:
        answer = client.post("/api/preview", json={"url": url})
        assert answer.status_code == 400
        assert "local or private address" in answer.json()["error"]
        monkeypatch.setenv("AUDIONEWS_DESK_LOCAL_URLS", "1")  # an intranet CMS, allowed
        story = client.post("/api/preview", json={"url": url}).json()["stories"][0]
        assert story["title"].startswith("Mùa nước nổi")
    finally:
        server.shutdown()
