"""Saved news pages: the article is extracted, page chrome is never read, and what was dropped
is listed with the reason."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from formats_support import FORMATS_DIR, expected, read_texts, structure

from audionews.errors import InputError
from audionews.formats import load_document
from audionews.formats.html import parse_html

PAGES = ["xe-buyt-dien", "ret-dam-mien-bac", "thi-tot-nghiep"]

#: Text on the pages that must never be read: menus, related links, ads, comments, footers,
#: sidebars, share bars, scripts and styles.
NEVER_READ = [
    "Trang chủ",
    "Thời sự",
    "Tin liên quan",
    "Hà Nội thêm 5 tuyến xe buýt điện",
    "Sa Pa xuất hiện băng giá",
    "Quảng cáo",
    "Bình luận",
    "Mong thành phố sớm mở tuyến",
    "Năm nay rét muộn quá",
    "Giá vàng hôm nay",
    "Giá xăng tăng",
    "Giấy phép",
    "Bản quyền",
    "Chia sẻ",
    "Facebook",
    "Tweet",
    "Từ khóa",
    "rét đậm không khí lạnh",
    "dataLayer",
    "renderAd",
    "font-family",
    "trackView",
    "Đường dây nóng",
    "Tin nóng",
    "admicroAD",
    "Gợi ý đáp án",
    "Chúc các sĩ tử",
    "Học phí đại học",
    "Liên hệ quảng cáo",
    "Tags",
]


@pytest.mark.parametrize("name", PAGES)
def test_page_structure_matches_expectation(name: str) -> None:
    article = load_document(FORMATS_DIR / f"{name}.html")
    assert structure(article) == expected(name)


@pytest.mark.parametrize("name", PAGES)
def test_page_chrome_is_never_read(name: str) -> None:
    text = "\n".join(read_texts(load_document(FORMATS_DIR / f"{name}.html")))
    for chrome in NEVER_READ:
        assert chrome not in text, chrome


@pytest.mark.parametrize("name", PAGES)
def test_scripts_and_styles_are_not_even_listed_as_dropped(name: str) -> None:
    article = load_document(FORMATS_DIR / f"{name}.html")
    dropped = " ".join(d.text for d in article.dropped)
    for code in ("dataLayer", "renderAd", "font-family", "trackView", "loadComments", "gtag"):
        assert code not in dropped


def test_dropped_blocks_say_why() -> None:
    article = load_document(FORMATS_DIR / "xe-buyt-dien.html")
    reasons = {d.text: d.reason for d in article.dropped}
    assert reasons["Thời sự"] == "page chrome (menu)"
    assert reasons["Hà Nội thêm 5 tuyến xe buýt điện từ tháng 4"] == "related-articles block"
    assert reasons["Tin liên quan"] == "related-articles block"
    assert reasons["Bình luận (2)"] == "reader comments"
    assert reasons["A- A+"] == "widget: font-size buttons"
    assert reasons["Quảng cáo"] == "advertisement"
    assert any(r == "page chrome (footer)" for r in reasons.values())
    assert any(r == "sidebar" for r in reasons.values())
    assert all(d.line > 0 for d in article.dropped), "every dropped block names its source line"
    assert [d.line for d in article.dropped] == sorted(d.line for d in article.dropped)


def test_blocks_carry_their_source_lines() -> None:
    article = load_document(FORMATS_DIR / "xe-buyt-dien.html")
    source = (FORMATS_DIR / "xe-buyt-dien.html").read_text(encoding="utf-8").splitlines()
    for block in (b for s in article.sections for b in s.blocks):
        assert block.text[:20] in source[block.line - 1].replace("&nbsp;", " ")


def test_bold_paragraph_subheadings_and_byline_outside_the_body() -> None:
    article = load_document(FORMATS_DIR / "thi-tot-nghiep.html")
    assert article.headings == ("Đề thi bám sát chương trình", "Công bố điểm thi ngày 17/7")
    assert article.byline == "HÀ THANH"
    reasons = {d.text: d.reason for d in article.dropped}
    assert reasons["Facebook Zalo Lưu"] == "share buttons"
    assert reasons["Học phí đại học năm học mới tăng bao nhiêu?"] == "related-articles block"


def test_outlet_tag_before_the_sapo_is_dropped() -> None:
    article = load_document(FORMATS_DIR / "ret-dam-mien-bac.html")
    assert article.lead is not None and article.lead.startswith("Không khí lạnh")
    assert any(d.text == "(TNM) -" and "outlet" in d.reason for d in article.dropped)


def test_page_without_an_article_is_a_clear_error() -> None:
    path = FORMATS_DIR / "trang-chu-khong-co-bai.html"
    with pytest.raises(InputError, match="no article text") as info:
        load_document(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize(
    "page",
    ["", "   ", "<html><head><title>Trống</title></head><body></body></html>"],
    ids=["empty", "blank", "no-body"],
)
def test_empty_pages_are_clear_errors(page: str, tmp_path: Path) -> None:
    path = tmp_path / "trang.html"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(InputError, match=r"trang\.html"):
        load_document(path)


BARE = """<html><head><meta charset="utf-8">
<meta property="article:published_time" content="{stamp}">
<title>Tiêu đề từ thẻ title - Báo Mẫu</title></head>
<body><div class="content">
<p>Người dân ở các xã ven biển đã kịp gia cố nhà cửa, chằng chống mái tôn trước khi bão vào.</p>
<p>Lực lượng cứu hộ túc trực tại các điểm xung yếu suốt đêm qua để hỗ trợ người dân.</p>
<p>Chính quyền địa phương cho biết chưa có thiệt hại về người sau khi bão đi qua.</p>
</div></body></html>"""


def test_date_and_title_from_metadata_when_the_page_prints_none() -> None:
    article = parse_html(BARE.format(stamp="2024-09-07T21:15:00+07:00"), "bao.html")
    assert article.title == "Tiêu đề từ thẻ title"
    assert article.published == datetime(2024, 9, 7, 21, 15)
    assert article.date_line == "07/09/2024 - 21:15"
    assert article.lead is not None and article.lead.startswith("Người dân")
    article = parse_html(BARE.format(stamp="2024-09-07"), "bao.html")
    assert article.published == date(2024, 9, 7)


def test_legacy_charset_from_meta(tmp_path: Path) -> None:
    page = BARE.format(stamp="2024-09-07").replace('charset="utf-8"', 'charset="utf-16"')
    path = tmp_path / "utf16.html"
    path.write_bytes(page.encode("utf-16"))
    assert load_document(path).title == "Tiêu đề từ thẻ title"


def test_undecodable_page_names_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "hong.html"
    path.write_bytes(b"<html><body><p>\xff\xfe\xfd abc \xc3</p></body></html>")
    with pytest.raises(InputError, match="Save the page again"):
        load_document(path)


def test_xhtml_with_an_xml_declaration(tmp_path: Path) -> None:
    page = (FORMATS_DIR / "xe-buyt-dien.html").read_text(encoding="utf-8")
    path = tmp_path / "bai.xhtml"
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + page, encoding="utf-8")
    assert structure(load_document(path)) == expected("xe-buyt-dien")
