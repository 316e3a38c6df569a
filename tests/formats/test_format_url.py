"""Articles fetched from a URL: a local HTTP server on 127.0.0.1 plays the news site."""

from __future__ import annotations

import http.server
import time
from pathlib import Path

import pytest
from formats_support import (
    FORMATS_DIR,
    STORY,
    endless_body,
    expected,
    http_server,
    never_answer,
    send_body,
    structure,
)

from audionews.errors import InputError
from audionews.formats import is_url, load_document

PAGE = (FORMATS_DIR / f"{STORY}.html").read_bytes()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Talk to 127.0.0.1 directly even where the environment sets a proxy."""
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


def test_is_url() -> None:
    assert is_url("https://baomau.vn/bai-viet.html")
    assert is_url("HTTP://baomau.vn/")
    assert not is_url("bai-viet.html")
    assert not is_url("ftp://baomau.vn/x")


def test_normal_page() -> None:
    with http_server({"/giao-thong/xe-buyt-dien.html": send_body(PAGE)}) as base:
        article = load_document(f"{base}/giao-thong/xe-buyt-dien.html")
    assert structure(article) == expected(STORY)


def test_charset_from_the_http_header() -> None:
    page = PAGE.decode("utf-8").replace('<meta charset="utf-8">', "").encode("utf-16")
    with http_server({"/p": send_body(page, "text/html; charset=utf-16")}) as base:
        assert load_document(f"{base}/p").title == expected(STORY)["title"]


def test_plain_text_answer() -> None:
    text = (FORMATS_DIR / f"{STORY}.txt").read_bytes()
    with http_server({"/bai.txt": send_body(text, "text/plain; charset=utf-8")}) as base:
        assert structure(load_document(f"{base}/bai.txt")) == expected(STORY)


def test_page_that_never_answers_times_out_with_a_clear_error() -> None:
    with http_server({"/cham": never_answer(5)}) as base:
        started = time.monotonic()
        with pytest.raises(InputError, match=r"/cham: .*did not answer within 0.5 s") as info:
            load_document(f"{base}/cham", timeout=0.5)
        assert time.monotonic() - started < 3
    assert "save the page" in str(info.value)


def test_page_larger_than_the_limit_is_stopped() -> None:
    with http_server({"/lon": endless_body(b"<p>" + "rất dài ".encode() * 1000 + b"</p>")}) as base:
        started = time.monotonic()
        with pytest.raises(InputError, match=r"/lon: the page is too big .*limit 0.1 MB"):
            load_document(f"{base}/lon", max_bytes=100_000)
        assert time.monotonic() - started < 3


def test_declared_length_over_the_limit_is_refused_before_download() -> None:
    with (
        http_server({"/khai-bao": send_body(b"x" * 200_000)}) as base,
        pytest.raises(InputError, match=r"too big \(0.2 MB; limit 0.1 MB\)"),
    ):
        load_document(f"{base}/khai-bao", max_bytes=100_000)


def test_404_says_check_the_address() -> None:
    with (
        http_server({}) as base,
        pytest.raises(InputError, match=r"HTTP 404 Not Found\. Check the address"),
    ):
        load_document(f"{base}/da-xoa.html")


def test_not_a_web_page() -> None:
    with (
        http_server({"/anh.jpg": send_body(b"\xff\xd8\xff", "image/jpeg")}) as base,
        pytest.raises(InputError, match="image/jpeg, not a web page"),
    ):
        load_document(f"{base}/anh.jpg")


def test_nothing_listening() -> None:
    with http_server({}) as base:
        pass  # the server is gone: its port refuses connections
    with pytest.raises(InputError, match="cannot be fetched"):
        load_document(f"{base}/x", timeout=2)


def _drip(handler: http.server.BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.end_headers()
    for _ in range(400):  # 17 bytes every 0.3 s: each read succeeds, the page never ends
        handler.wfile.write(b"<p>tin nhanh</p> ")
        handler.wfile.flush()
        time.sleep(0.3)


def test_a_dripping_page_is_cut_off_by_wall_clock() -> None:
    with http_server({"/nho-giot": _drip}) as base:
        started = time.monotonic()
        with pytest.raises(InputError, match=r"took longer than 1 s"):
            load_document(f"{base}/nho-giot", timeout=1.0)
        assert time.monotonic() - started < 3


def _redirect(to: str):  # type: ignore[no-untyped-def]
    def route(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", to)
        handler.end_headers()

    return route


def test_a_redirect_to_a_private_address_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import audionews.formats.url as url

    # the server stands for a public site; 127.0.0.2 for the newsroom's own network
    monkeypatch.setattr(url, "_is_local", lambda host: host == "127.0.0.2")
    target = _redirect("http://127.0.0.2:9/admin?token=1")
    with (
        http_server({"/tin": target}) as base,
        pytest.raises(InputError, match=r"redirects to a local or private address"),
    ):
        load_document(f"{base}/tin")


def test_a_redirect_within_a_local_address_given_is_followed() -> None:
    page = send_body(
        "<html><body><h1>Tin</h1><p>Một câu đủ dài để đọc thành bài.</p></body></html>".encode()
    )
    with http_server({"/cu": _redirect("/moi"), "/moi": page}) as base:
        assert load_document(f"{base}/cu").title == "Tin"


def test_file_urls_get_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"give the file's path"):
        load_document(f"file://{tmp_path}/bai.txt")
