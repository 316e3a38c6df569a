"""Markdown articles: # Title, ## subheadings, paragraphs; marks, images and code are not read."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_support import FORMATS_DIR, STORY, expected, structure

from audionews.article import DropKind
from audionews.errors import InputError
from audionews.formats import load_document
from audionews.formats.markdown import parse_markdown


def test_story_structure() -> None:
    assert structure(load_document(FORMATS_DIR / f"{STORY}.md")) == expected(STORY)


def test_image_is_dropped_with_reason_and_blocks_have_lines() -> None:
    article = load_document(FORMATS_DIR / f"{STORY}.md")
    images = [d for d in article.dropped if d.kind is DropKind.CAPTION]
    assert [d.text for d in images] == ["Xe buýt điện tuyến số 11"]
    assert images[0].line == 8
    assert article.sections[1].blocks[0].line == 17


def test_emphasis_links_and_line_breaks_become_plain_text() -> None:
    article = parse_markdown(
        "# Tiêu đề\n\nMột đoạn *in nghiêng* có [liên kết](https://vi.wikipedia.org) và `mã`,\n"
        "xuống dòng giữa câu.\n\nĐoạn thứ hai của bài báo kết thúc ở đây.\n",
        "bai.md",
    )
    assert article.lead == "Một đoạn in nghiêng có liên kết và mã, xuống dòng giữa câu."
    assert article.sections[0].paragraphs == ("Đoạn thứ hai của bài báo kết thúc ở đây.",)


def test_code_and_html_are_not_read() -> None:
    article = parse_markdown(
        "# Tiêu đề\n\nĐoạn mở đầu của bài viết.\n\n```\nprint('không đọc')\n```\n\n"
        "<div class='quang-cao'>Quảng cáo</div>\n\nĐoạn cuối cùng của bài viết.\n",
        "bai.md",
    )
    spoken = [article.lead, *(b.text for s in article.sections for b in s.blocks)]
    assert not any("không đọc" in t or "Quảng cáo" in t for t in spoken if t)
    assert {d.reason for d in article.dropped} == {"code block (not read)", "raw HTML (not read)"}


def test_without_a_level_one_heading_the_first_block_is_the_title() -> None:
    article = parse_markdown(
        "Giá lúa tăng mạnh\n\nThương lái thu mua lúa với giá cao hơn 500 đồng mỗi kg.\n\n"
        "## Nông dân phấn khởi\n\nNhiều hộ đã bán hết lúa ngay tại ruộng.\n",
        "bai.md",
    )
    assert article.title == "Giá lúa tăng mạnh"
    assert article.headings == ("Nông dân phấn khởi",)


def test_markdown_with_only_a_title_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "chi-tieu-de.md"
    path.write_text("# Chỉ có tiêu đề\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"chi-tieu-de\.md: no article text"):
        load_document(path)


def test_markdown_bytes_go_through_the_text_decoder(tmp_path: Path) -> None:
    path = tmp_path / "nhi-phan.markdown"
    path.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(InputError, match="binary"):
        load_document(path)
