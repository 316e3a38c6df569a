"""load_document picks the reader by URL scheme or file extension."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_support import FORMATS_DIR, STORY, expected, structure

from audionews.errors import InputError
from audionews.formats import load_document


@pytest.mark.parametrize("suffix", [".txt", ".TXT", ".text", "", ".bai"])
def test_plain_text_and_unknown_extensions_go_to_the_text_parser(
    tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"bai{suffix}"
    path.write_bytes((FORMATS_DIR / f"{STORY}.txt").read_bytes())
    assert structure(load_document(path)) == expected(STORY)


@pytest.mark.parametrize("suffix", [".HTM", ".Markdown"])
def test_extensions_are_case_insensitive(tmp_path: Path, suffix: str) -> None:
    source = FORMATS_DIR / f"{STORY}.{'html' if suffix == '.HTM' else 'md'}"
    path = tmp_path / f"bai{suffix}"
    path.write_bytes(source.read_bytes())
    assert structure(load_document(path)) == expected(STORY)


@pytest.mark.parametrize("suffix", [".pdf", ".odt", ".rtf"])
def test_unsupported_documents_name_the_formats_we_read(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"bai{suffix}"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(InputError, match=rf"bai\{suffix}: .* Save the article as \.docx"):
        load_document(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"khong-co\.html: no such file"):
        load_document(tmp_path / "khong-co.html")


def test_folder(tmp_path: Path) -> None:
    folder = tmp_path / "thu-muc.md"
    folder.mkdir()
    with pytest.raises(InputError, match="is a folder"):
        load_document(folder)


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "lon.html"
    path.write_bytes(b"<p>" + b"a" * 2_000 + b"</p>")
    with pytest.raises(InputError, match=r"lon\.html: .* too big .*limit 0\.001 MB"):
        load_document(path, max_bytes=1_000)


def test_plain_text_keeps_its_old_rules(tmp_path: Path) -> None:
    """A one-line .txt is still a title-only article, as pipeline.load_article made it."""
    path = tmp_path / "mot-dong.txt"
    path.write_text("Chỉ một dòng tiêu đề\n", encoding="utf-8")
    assert load_document(path).title == "Chỉ một dòng tiêu đề"
    junk = tmp_path / "rac.txt"
    junk.write_text("Chia sẻ\nA A\n", encoding="utf-8")
    with pytest.raises(InputError, match="every line looks like page junk"):
        load_document(junk)
