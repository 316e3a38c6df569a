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
    # heldout4 (36 articles, 35 new outlets), blind: run 1 on main before this round's fixes,
    # run 2 on the merged fixes of heldout3's classes (heldout4/RUN2_main_fe76546.txt); these
    # are run 2's misses.
    "02-lyluanchinhtri-thong-tin-doi-ngoai-bien-dao": "breadcrumb 'Trang chủ Bài nổi bật' (also "
    "glued to the title), a weekday date stamp and the tag '(LLCT) -' are read",
    "03-tapchiqptd-hop-bao-bo-ngoai-giao": "a section menu line 'Những chủ trương … Tin tức - Thời "
    "sự' is read and taken for the title",
    "06-tinhdoankhanhhoa-cau-dan-sinh-khai-luong": "an ASCII image alt text 'khanh thanh cau dan "
    "sinh' is read",
    "08-sgtt-sac-xuan-moi-mien-to-quoc": "two related-article teasers with no mark are read",
    "09-chiemhoa-ngay-hoi-van-hoa-trung-ha": "a last line cut on a "
    "whole syllable ('…, thu') is read",
    "10-buonmathuot-le-hoi-dan-toc-thai-hoa-phu": "a site blurb dropped as a teaser, not a widget",
    "11-vanhoanghean-dang-bo-nghe-an-dai-hoi": "a section name 'Cuộc sống quanh ta' taken for the "
    "title; a last line cut mid-word ('khai mạ') is read",
    "13-thactrang-lanh-dao-the-gioi-trump-nham-chuc": "an inline teaser and its 'ĐỌC NGAY' label "
    "are read",
    "14-daisan-trump-chua-toi-luc-ngung-ban": "'Nhảy đến nội dung' (skip link) read as the title",
    "15-vietbf-trump-truoc-khi-gap-putin": "forum chrome 'View Single Post', 'Old Default' read",
    "18-viettimes-quai-kiet-ai-nguoi-viet": "a cut-off last line dropped as a teaser, not an "
    "unfinished fragment",
    "19-giadinh-cau-be-cuu-4-ban-duoi-nuoc": "a weather widget ('Hà Nội', '23°C / 22-25°C') is "
    "read and 'Hà Nội' taken for the title",
    "21-baodongthap-hoi-khoe-phu-dong-sa-dec": "'< Trở về trang trước', 'Gửi bình luận của bạn' "
    "dropped as teasers, not widgets",
    "22-doisong247-trom-dep-cam-giang": "a story sentence with the byline 'PV' glued to it is lost",
    "25-congluan-bac-giang-dap-dich-21-6": "a date stamp with '- 0 Trả lời' and the tag '(CLO)' "
    "are read",
    "27-kinhtethaibinh-tiem-bo-sung-soi-rubella": "a 'source /tin-tuc/…' path line is read",
    "28-baobariavungtau-nguy-co-tu-vong-benh-dai": "a lead glued to its own copy is not dropped "
    "as a duplicate",
    "29-truyenhinhdaknong-gia-sau-rieng": "'Hình ảnh có liên quan' read and taken for the title",
    "30-xemtinnhanh247-trieu-cuong-dinh": "the tag 'TTO –' glued to the headline is read; no title",
    "32-baotainguyenmoitruong-ha-tinh-hsg-quoc-gia": "'Văn hóa - Ngày đăng : 18:28, 31/01/2018' is "
    "read",
    "34-phongchongthientai-bao-cao-nhanh-bao-linfa": "skip links 'Skip Ribbon Commands', 'Skip to "
    "main content' read, one taken for the title",
}
#: Sets whose title/byline/headings score is below the 90% target, with the measured figure.
STRUCTURE_BELOW_TARGET: dict[str, str] = {
    "heldout4": "unseen articles: 88/108 (81.5%) right, see heldout4/RUN2_main_fe76546.txt",
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
