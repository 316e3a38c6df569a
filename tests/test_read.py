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
