"""The real-article corpus (issue #11): nothing of the story lost, no junk read, the true reason
for every annotated drop, and titles, bylines and headings right in at least 90% of cases.

Each article is a separate test; ``-s`` prints its score. ``python tests/corpus/corpus_score.py``
prints the whole table.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_score import SETS, Score, cases, pages, score

ALL = [p for which in SETS for p in cases(which)]
#: Known misses, kept visible: the rule is unsure there and keeps the line (it costs less to read
#: a line by mistake than to lose one).
KNOWN: dict[str, str] = {
    # heldout4 (36 articles, 35 new outlets), blind: run 2's misses (heldout4/RUN2_main_fe76546.txt)
    # were fixed by class after the runs (heldout4/README.md); these two are left.
    "08-sgtt-sac-xuan-moi-mien-to-quoc": "two related-article teasers with no mark ('- Huế tổ "
    "chức …') under the lead are read: nothing tells them from a list of the story's points",
    "09-chiemhoa-ngay-hoi-van-hoa-trung-ha": "a last line cut on a whole syllable ('…, thu') is "
    "read: no evidence in the text that the word is cut",
    # dev 59-61 (article-r6): pages with chrome of their own, annotated before the parser ran.
    "59-mangyte-so-ket-cum-thi-dua-phat-thanh": "a related link between the headline and the "
    "lead ('Quán Thanh xuân tháng 7/2020: Về nhà xem phim') is read as the lead's heading, and an "
    "app prompt under a related header is labelled a teaser, not a widget",
    # heldout5 (36 articles, 35 new outlets), blind: run 1 on main at 9b550ad, run 2 at 901c1d8
    # after a general page-UI vocabulary whose author never saw it (heldout5/RUN2_main_901c1d8.txt).
    "04-langson-nong-thon-moi-nang-cao": "accessibility bar 'A- A A+ | Tăng tương phản …' read as "
    "the title; a rating total is read",
    "05-thiduakhenthuong-nghia-hung-nong-thon-moi": "a section label over the headline and the tag "
    "'TĐKT -' are read",
    "08-tourism-lien-hoan-hat-then-lang-son": "'(Nguồn ảnh: …)' taken for the byline, not a credit",
    "11-trithucvn2-lavrov-benh-vien-bali": "three teasers cut with '…' are read; the byline is "
    "taken for a heading",
    "12-antt-thu-tuong-nhat-han-hoi-dam": "a caption ending '(Nguồn: Yonhap)' is read",
    "16-baoquocte-nasa-10-hanh-tinh-moi": "a caption with '(Nguồn: NASA)' and a teaser are read",
    "17-nghean24h-xe-sh-dam-duoi-xe-dau-keo": "a cut-off last line dropped without its reason",
    "19-tracuuquyhoach-hoc-sinh-song-ly-ly": "'3 giờ trướcBài gốc' read as the title",
    "20-doisongvietnam-nam-sinh-binh-thuan-duoi-nuoc": "the label 'Sự kiện:' is read",
    "21-baobinhduong-keo-co-dau-tieng": "comment-form notes ('LƯU Ý: …', 'Vui lòng gõ …') are read",
    "22-binhthuansports-viet-da-tien-phong": "a last line cut on a whole syllable is read; a "
    "series line taken for the title",
    "23-hoangsuphi-be-mac-giai-bong-chuyen": "'Tin khác' dropped as a teaser, not a widget",
    "24-baosonla-bong-chuyen-hoi-bac-yen": "a comment-form note 'Bạn vui lòng nhập …' is read",
    "28-thegioithao-tay-chan-mieng-nam-hoc-moi": "a comment-form note split over two lines is read",
    "30-xosobinhdinh-bao-dong-benh-soi": "'Xem thêm' dropped as a teaser, not a widget",
    "33-kevesko-mua-lu-lich-su-mien-trung": "the outlet name 'Sputnik' and two inline teasers read",
    "34-qrt-tin-canh-bao-mua-lon": "'Bình chọn' is read; 'ĐỌC NHIỀU' dropped as a teaser",
}
#: Sets whose title/byline/headings score is below the 90% target, with the measured figure.
STRUCTURE_BELOW_TARGET: dict[str, str] = {
    "heldout5": "unseen articles: 87/108 (80.6%) right, see heldout5/RUN2_main_901c1d8.txt",
}


def _case(path: Path) -> object:
    reason = KNOWN.get(path.stem)
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(path, marks=marks, id=f"{path.parent.name}/{path.stem}")


def test_corpus_size() -> None:
    import json

    outlets = {json.loads(p.with_suffix(".json").read_text("utf-8"))["outlet"] for p in ALL}
    assert len(ALL) >= 40 and len(outlets) >= 10


@pytest.mark.parametrize("path", [_case(p) for p in ALL])
def test_article_is_read_whole(path: Path) -> None:
    s = score(path)
    print(f"{s.ratio:.0%} {s.name}")
    content = [f for f in s.failures if not f.startswith(("title:", "byline:", "headings:"))]
    assert s.lost == 0 and s.junk == 0 and not content, "\n".join(s.failures)


def _set(which: str) -> object:
    reason = STRUCTURE_BELOW_TARGET.get(which)
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(which, marks=marks, id=which)


@pytest.mark.parametrize("which", [_set(w) for w in SETS])
def test_titles_bylines_headings_mostly_right(which: str) -> None:
    scores: list[Score] = [score(p) for p in cases(which)]
    right = [ok for s in scores for ok in s.structure]
    misses = [f for s in scores for f in s.failures if f.startswith(("title", "byline", "head"))]
    assert sum(right) / len(right) >= 0.9, misses


@pytest.mark.parametrize(("page", "twin"), pages(), ids=lambda p: p.name)
def test_saved_page_reads_like_its_text(page: Path, twin: Path) -> None:
    s = score(twin, page)
    print(f"{s.ratio:.0%} {s.name}")
    assert s.ratio == 1.0, "\n".join(s.failures)
