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
    # heldout2 at its first run (heldout2/FIRST_RUN.txt); the parser was not changed after it.
    "05-danviet-nga-bac-tin-syria": "'Dân Việt -' tag kept on the lead; the date line, "
    "'Bình luận 0', 'img' and the Facebook follow prompt are read",
    "06-hanoimoi-chu-tich-nuoc-tiep-lao": "'(HNM) -' tag kept on the lead; the 'Theo dõi Báo "
    "Hànộimới trên' widget is read, and the byline line's time with the byline",
    "12-soha-indonesia-song-than": "the closing 'Link gốc bài viết tại đây.' link line is read",
    "13-xaluan-dong-dat-indonesia-nhat": "the poster/source/comment-count line 'Vietgoden Nguyen "
    "nguồn bình luận 999' is read as the lead",
    "14-thethaovanhoa-thuong-dinh-singapore": "the first 'loading...' is read (only the second "
    "is dropped, as a duplicate); '(Thethaovanhoa.vn) -' tag kept on the lead",
    "15-vtimes-trump-kim-jong-un": "the ad block, 'Article sourced from VIETNAMNET.', 'Original "
    "source…' and an alt-text copy of the headline are read",
    "16-webthethao-ha-noi-5-0-hagl": "the final score and scorer lines are dropped as "
    "related-article headlines at the end: the match result is lost",
    "17-congantphcm-ha-noi-ha-hagl": "'(CAO)' (Công an TP.HCM) tag kept on the lead",
    "21-baomoinet-covid-12-2": "the link line 'Tin tức mới nhất Covid-19 hôm nay' is read "
    "(as a heading)",
    "22-baomoi-xuong-go-dong-nai": "the source line 'Nguồn Tuổi Trẻ TĐ: https://…' is spoken "
    "as 'Theo Tuổi Trẻ TĐ: <URL>'",
    "23-znews-san-bang-y-ty": "photo-story paragraphs ending ' |' are dropped as image table "
    "cells: four story sentences lost",
    "26-24h-nang-nong-mien-bac": "the leading date line is taken for the headline and read",
    "29-doanhnhan-nsnd-viet-anh": "section label 'Sao' taken for the headline and read; image "
    "file names are read",
    "30-kinhtedothi-container-vuot-au": "'Giaothonghanoi -' tag kept on the lead; ASCII alt "
    "text '… - Hinh anh 1' is read",
    "33-dulichvn-khach-du-xuan-da-lat": "section label 'Tin tức - Sự kiện' taken for the "
    "headline; 'Cập nhật: …' and 'Số lần đọc: 937' are read",
}
#: Sets whose title/byline/headings score is below the 90% target, with the measured figure.
STRUCTURE_BELOW_TARGET = {
    "heldout2": "first run on unseen articles: 90/105 (85.7%) right, see heldout2/README.md",
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
