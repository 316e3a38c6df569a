"""Stage 1: decoding and cleaning input, and clear errors for bad input."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

from audionews.errors import InputError
from audionews.read import MAX_INPUT_BYTES, decode_article, read_article_text

TEXT = "Tiêu đề bài báo\n\nNội dung\u00a0có khoảng\u2009trắng lạ."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        unicodedata.normalize("NFD", TEXT).encode("utf-8"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "nfd", "crlf"],
)
def test_decodes_to_clean_nfc(data: bytes) -> None:
    text = decode_article(data, "x.txt")
    assert text == "Tiêu đề bài báo\n\nNội dung có khoảng trắng lạ."
    assert unicodedata.is_normalized("NFC", text)


def test_empty_file(article_file) -> None:
    path = article_file("  \n\n \u00a0\n")
    with pytest.raises(InputError, match="empty") as err:
        read_article_text(path)
    assert str(path) in str(err.value)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "anh.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 10)
    with pytest.raises(InputError, match="binary") as err:
        read_article_text(path)
    assert "anh.jpg" in str(err.value)


def test_undecodable_file_names_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "bai.txt"
    path.write_bytes("Tin tức ".encode() + b"\x81\x8d\x8f\x90\x9d" * 3 + b" end")
    with pytest.raises(InputError) as err:
        read_article_text(path)
    assert "bai.txt" in str(err.value)
    assert "UTF-8" in str(err.value)


def test_huge_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * (MAX_INPUT_BYTES + 1))
    with pytest.raises(InputError, match="too big"):
        read_article_text(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_article_text(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="folder"):
        read_article_text(tmp_path)


def test_input_error_is_a_value_error() -> None:
    assert issubclass(InputError, ValueError)


# --- issue #17: special files are refused; noncharacters never reach tags or feeds -----------


def test_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "bai.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read_article_text(fifo)


def test_endless_device_is_refused() -> None:
    with pytest.raises(InputError, match="not a regular file"):
        read_article_text("/dev/zero")


def test_fifo_through_load_document_is_refused(tmp_path: Path) -> None:
    import os

    from audionews.formats import load_document

    # .txt and files without a known extension come through read.py. (.md/.html/.docx are read
    # by formats._read_bytes, which still waits on a FIFO: reported, not ours to edit.)
    for name in ("a.txt", "b"):
        os.mkfifo(tmp_path / name)
        with pytest.raises(InputError, match="not a regular file"):
            load_document(tmp_path / name)


@pytest.mark.parametrize(
    "bad", ["\ufffe", "\uffff", "\ufdd0", "\U0001fffe", "\U0010ffff", "\x01", "\x7f"]
)
def test_noncharacters_and_controls_are_removed(bad: str) -> None:
    text = decode_article(f"Tin {bad}nóng\n\nNội dung bài {bad}báo.\n".encode())
    assert bad not in text
    assert text.startswith("Tin nóng")


def test_bad_title_never_reaches_the_tags(tmp_path: Path) -> None:
    from audionews.formats import load_document

    for name in ("a.txt", "b.md", "c.html"):
        path = tmp_path / name
        body = "Nông dân ở Đồng Tháp phấn khởi vì được mùa năm nay, giá lúa tăng cao."
        if name.endswith(".html"):
            path.write_text(f"<h1>Tin \ufffe nóng \uffff</h1><p>{body}</p><p>Hết.</p>")
        elif name.endswith(".md"):
            path.write_text(f"# Tin \ufffe nóng \uffff\n\n{body}\n\nHết.\n")
        else:
            path.write_text(f"Tin \ufffe nóng \uffff\n\n{body}\n")
        assert load_document(path).title == "Tin nóng", name
