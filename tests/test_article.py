"""Article understanding on hand-written news-style articles with known structure."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from support import ARTICLES

from audionews.article import BlockKind, parse_article
from audionews.read import read_article_text

CASES = sorted(ARTICLES.glob("*.txt"))


def test_there_are_fixtures() -> None:
    assert len(CASES) >= 7


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_structure_matches_expectation(path: Path) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    text, _ = read_article_text(path)
    article = parse_article(text)
    assert article.title == expected["title"]
    assert article.date_line == expected["date_line"]
    assert article.lead == expected["lead"]
    sections = [
        {"heading": s.heading, "paragraphs": list(s.paragraphs)}
        for s in article.sections
        if s.heading is not None or s.paragraphs
    ]
    assert sections == expected["sections"]
    assert list(article.captions) == expected["captions"]
    assert article.byline == expected["byline"]
    assert [d.text for d in article.dropped] == expected["junk"]
    assert all(d.reason for d in article.dropped)


SCRAPED = (
    "Tỉnh Hậu Giang khánh thành cầu mới nối hai huyện\n\n"
    "23/10/2020 - 06:26\n\n"
    "\u00a0-\u00a0Sáng nay, tỉnh Hậu Giang đã khánh thành cây cầu dài 320 m nối hai huyện, "
    "giúp người dân đi lại thuận tiện hơn.\n\n"
    "A A\n\n"
    "Lãnh đạo tỉnh cắt băng khánh thành công trình cầu mới trong niềm vui của bà con hai huyện\n\n"
    "Công trình vượt tiến độ\n\n"
    "Cây cầu được khởi công từ tháng 3/2019, hoàn thành sớm hơn 2 tháng.\u00a0\n\n"
    "Kỳ vọng phát triển\n\n"
    "Người dân kỳ vọng giao thương sẽ phát triển mạnh.\n\n"
    "THU THẢO\n"
)


def test_reference_style_article() -> None:
    a = parse_article(SCRAPED)
    assert a.title == "Tỉnh Hậu Giang khánh thành cầu mới nối hai huyện"
    assert a.published == datetime(2020, 10, 23, 6, 26)
    assert a.lead is not None and a.lead.startswith("Sáng nay")
    assert a.headings == ("Công trình vượt tiến độ", "Kỳ vọng phát triển")
    # A line without final punctuation and without a photo credit is not dropped as a caption
    # on a guess (issue #11): it is read, and listed as read with a doubt.
    caption = (
        "Lãnh đạo tỉnh cắt băng khánh thành công trình cầu mới trong niềm vui của bà con hai huyện"
    )
    assert a.captions == ()
    assert caption in a.sections[0].paragraphs
    assert [u.text for u in a.unsure] == [caption]
    assert a.byline == "THU THẢO"
    reasons = {d.text: d.reason for d in a.dropped}
    assert "font-size" in reasons["A A"]


def test_outlet_tag_is_dropped_from_lead() -> None:
    a = parse_article(
        "Tiêu đề bài báo về giao thông\n\n"
        "(Dân trí) - Hàng nghìn phương tiện đã lưu thông qua cầu mới trong ngày đầu tiên.\n"
    )
    assert a.lead == "Hàng nghìn phương tiện đã lưu thông qua cầu mới trong ngày đầu tiên."
    assert any(d.text == "(Dân trí)" for d in a.dropped)


def test_article_without_any_structure() -> None:
    # One line is the story, not a headline: it is read as the lead, and the programme takes
    # its title from it (before issue #11 the only line was taken for the title and not read).
    a = parse_article("Một dòng duy nhất không có gì khác")
    assert a.headline is None and a.title_from == "first sentence"
    assert a.title == "Một dòng duy nhất không có gì khác"
    assert a.lead == "Một dòng duy nhất không có gì khác"
    assert a.sections == () and a.byline is None


def test_short_line_followed_by_heading_is_read_with_a_doubt() -> None:
    # Before issue #11 "Toàn cảnh hội nghị" was dropped as a caption; without a credit it is read.
    a = parse_article(
        "Tiêu đề\n\nĐoạn mở đầu có dấu chấm ở cuối câu.\n\nToàn cảnh hội nghị\n\n"
        "Kết quả nổi bật\n\nNội dung chính của bài báo nằm ở đây.\n"
    )
    assert a.headings == ("Kết quả nổi bật",)
    assert a.captions == ()
    assert a.sections[0].paragraphs == ("Toàn cảnh hội nghị",)
    assert [u.text for u in a.unsure] == ["Toàn cảnh hội nghị"]
    assert a.sections[-1].blocks[0].kind is BlockKind.PARAGRAPH


def test_only_junk_has_no_title() -> None:
    assert parse_article("A A\n\nChia sẻ\n\nFacebook\n").title == ""
