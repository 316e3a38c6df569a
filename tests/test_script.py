"""Stage 3: the spoken script: order, date, byline sentence, captions, pauses, chapters."""

from __future__ import annotations

from datetime import date

import pytest

from audionews.article import apply_overrides, parse_article
from audionews.script import Pause, build_script, spoken_byline, spoken_date

ARTICLE = (
    "Hậu Giang khánh thành cầu mới\n\n23/10/2020 - 06:26\n\n"
    " - Sáng nay, tỉnh đã khánh thành cây cầu mới dài 320 m.\n\nA A\n\n"
    "Lãnh đạo tỉnh cắt băng khánh thành công trình cầu mới. Ảnh: THU THẢO\n\n"
    "Công trình vượt tiến độ\n\nCây cầu hoàn thành sớm.Người dân rất vui. Ai cũng phấn khởi.\n\n"
    "Kỳ vọng phát triển\n\nNgười dân kỳ vọng giao thương sẽ phát triển.\n\nNGỌC LAN - MINH TRÍ\n"
)


def identity(text: str) -> str:
    return text


def test_order_and_chapters() -> None:
    script = build_script(parse_article(ARTICLE), max_chars=500, normalize=identity)
    assert [c.title for c in script.chapters] == [
        "Hậu Giang khánh thành cầu mới",
        "Công trình vượt tiến độ",
        "Kỳ vọng phát triển",
    ]
    kinds = [p.kind for c in script.chapters for p in c.pieces]
    assert kinds == [
        "title",
        "date",
        "lead",
        "heading",
        "paragraph",
        "heading",
        "paragraph",
        "byline",
    ]
    texts = [c.text for c in script.chunks]
    assert texts[0] == "Hậu Giang khánh thành cầu mới."
    assert texts[1] == "Thứ Sáu, ngày 23 tháng 10 năm 2020."
    assert "Cây cầu hoàn thành sớm." in texts and "Người dân rất vui." in texts
    assert texts[-1] == "Bài viết của Ngọc Lan và Minh Trí."
    assert not any("A A" in t or "cắt băng" in t for t in texts)
    assert any("cắt băng" in d.text and "caption" in d.reason for d in script.dropped)


def test_pauses() -> None:
    script = build_script(parse_article(ARTICLE), max_chars=500, normalize=identity)
    pauses = [c.pause_after for c in script.chunks]
    assert pauses[-1] is Pause.END
    assert pauses.count(Pause.SECTION) == 2
    assert Pause.SENTENCE in pauses and Pause.PARAGRAPH in pauses


def test_read_captions_keeps_them_in_place() -> None:
    script = build_script(
        parse_article(ARTICLE), max_chars=500, read_captions=True, normalize=identity
    )
    texts = [c.text for c in script.chunks]
    assert any(t.startswith("Lãnh đạo tỉnh cắt băng") for t in texts)
    assert not any("caption" in d.reason for d in script.dropped)


def test_chunks_respect_engine_limit() -> None:
    script = build_script(parse_article(ARTICLE), max_chars=20, normalize=identity)
    assert all(len(c.text) <= 20 for c in script.chunks)
    assert any(c.pause_after is Pause.CLAUSE for c in script.chunks)


@pytest.mark.parametrize(
    ("byline", "spoken"),
    [
        ("THU THẢO", "Bài viết của Thu Thảo."),
        ("NGỌC LAN - MINH TRÍ", "Bài viết của Ngọc Lan và Minh Trí."),
        ("Theo TTXVN", "Theo TTXVN."),
        ("(Theo VnExpress)", "Theo VnExpress."),
    ],
)
def test_spoken_byline(byline: str, spoken: str) -> None:
    assert spoken_byline(byline) == spoken


def test_spoken_date() -> None:
    assert spoken_date(date(2024, 9, 15)) == "Chủ Nhật, ngày 15 tháng 9 năm 2024."


def test_to_dict_has_dropped_lines() -> None:
    data = build_script(parse_article(ARTICLE), max_chars=500, normalize=identity).to_dict()
    assert {d["text"] for d in data["dropped"]} >= {"A A"}
    assert data["chapters"][1]["title"] == "Công trình vượt tiến độ"


NO_HEADLINE = (
    "(Dân trí) - Hàng nghìn người dân đổ về quảng trường từ sáng sớm để xem bắn pháo hoa.\n\n"
    "Lực lượng chức năng phân luồng giao thông từ chiều. Nhiều tuyến phố cấm xe.\n\n"
    "Người dân chờ xem pháo hoa bên bờ sông Hàn. Ảnh: HOÀI SƠN\n\n"
    "{pháo hoa, Đà Nẵng}\n\n"
    "Huyên Nguyễn\n\n"
    "Theo TTXVN\n"
)


def test_no_headline_reads_no_title_and_reports_null() -> None:
    script = build_script(parse_article(NO_HEADLINE), max_chars=500, normalize=identity)
    kinds = [p.kind for c in script.chapters for p in c.pieces]
    assert kinds == ["lead", "paragraph", "byline", "source"]
    assert script.chapters[0].title == script.title
    assert script.title == "Hàng nghìn người dân đổ về quảng trường từ sáng sớm…"
    texts = [c.text for c in script.chunks]
    assert texts[-2:] == ["Bài viết của Huyên Nguyễn.", "Theo TTXVN."]
    data = script.to_dict()
    assert data["title"] is None and data["programme_title"] == script.title
    assert data["title_from"] == "first sentence"
    assert {d["kind"] for d in data["dropped"]} == {"tag line", "caption"}


def test_overridden_title_is_read() -> None:
    article = apply_overrides(parse_article(NO_HEADLINE), title="Pháo hoa Đà Nẵng")
    script = build_script(article, max_chars=500, normalize=identity)
    assert script.chunks[0].text == "Pháo hoa Đà Nẵng."
    assert script.to_dict()["title"] == "Pháo hoa Đà Nẵng"


def test_coverage_and_keep_all() -> None:
    article = parse_article(NO_HEADLINE)
    script = build_script(article, max_chars=500, normalize=identity)
    read = len(article.lead or "") + sum(len(p) for s in article.sections for p in s.paragraphs)
    read += len("Huyên Nguyễn") + len("Theo TTXVN")
    lost = len("(Dân trí) -") + len("Người dân chờ xem pháo hoa bên bờ sông Hàn. Ảnh: HOÀI SƠN")
    lost += len("{pháo hoa, Đà Nẵng}")
    assert script.coverage == pytest.approx(read / (read + lost))
    everything = build_script(article, max_chars=500, keep_all=True, normalize=identity)
    heard = " ".join(c.text for c in everything.chunks)
    assert "Ảnh: HOÀI SƠN" in heard and "{pháo hoa, Đà Nẵng}" in heard
    # Only the outlet tag (part of the lead's line, not a line) stays out.
    assert [d.text for d in everything.dropped] == ["(Dân trí) -"]
    assert everything.coverage > 0.95
    assert heard.index("Nhiều tuyến phố cấm xe.") < heard.index("Ảnh: HOÀI SƠN")


def test_keep_all_reads_an_unfinished_fragment_where_it_stood() -> None:
    article = parse_article(
        "Mưa lớn gây ngập nhiều tuyến phố. Giao thông ùn tắc.Người dân khó kh\n"
    )
    assert article.lead == "Mưa lớn gây ngập nhiều tuyến phố. Giao thông ùn tắc."
    everything = build_script(article, max_chars=500, keep_all=True, normalize=identity)
    assert [c.text for c in everything.chunks][-1] == "Người dân khó kh."


@pytest.mark.parametrize(
    ("byline", "spoken"),
    [
        ("Nguồn tin: Báo Người đưa tin", "Theo Báo Người đưa tin."),
        ("Tác giả: Hải Vân", "Bài viết của Hải Vân."),
        ("(Tổng hợp: Vĩnh Hoàng)", "Bài tổng hợp của Vĩnh Hoàng."),
        ("Thu Hằng/VOV.VN", "Bài viết của Thu Hằng, VOV.VN."),
        # stop 32 (heldout61): an English label, and an editorial board is no "biên tập" credit
        ("by Phòng Truyền Thông", "Bài viết của Phòng Truyền Thông."),
        ("Ban Biên tập", "Bài viết của Ban Biên tập."),
    ],
)
def test_spoken_byline_labels(byline: str, spoken: str) -> None:
    assert spoken_byline(byline) == spoken
