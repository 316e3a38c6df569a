"""Score the article parser on the real-article corpus (tests/corpus/dev, heldout, heldout2…).

Each article ``NN-slug.txt`` (text as a newsroom pastes it) has an annotation ``NN-slug.json``:
its source URL, the headline (or null when the text has none), the byline, the subheadings, the
sentences that must be heard, the lines that must not be heard, and the reason some dropped lines
must carry. Run ``python tests/corpus/corpus_score.py [dev|heldout|heldout2|heldout3]`` for a
per-article table.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audionews.article import parse_article
from audionews.script import build_script

CORPUS = Path(__file__).parent
SETS = (
    "dev",
    "heldout",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
    "heldout9",
    "heldout10",
    "heldout11",
    "heldout12",
    "heldout13",
    "heldout14",
    "heldout15",
    "heldout16",
    "heldout17",
    "heldout18",
    "heldout19",
    "heldout20",
    "heldout21",
    "heldout22",
    "heldout23",
    "heldout24",
    "heldout25",
    "heldout26",
    "heldout27",
    "heldout28",
    "heldout29",
    "heldout30",
    "heldout31",
    "heldout32",
    "heldout33",
    "heldout34",
    "heldout35",
    "heldout36",
    "heldout37",
    "heldout38",
    "heldout39",
    "heldout40",
    "heldout41",
    "heldout42",
    "heldout43",
    "heldout44",
    "heldout45",
    "heldout46",
    "heldout47",
    "heldout48",
    "heldout49",
    "heldout50",
    "heldout51",
    "heldout52",
    "heldout53",
    "heldout54",
    "heldout55",
    "heldout56",
    "heldout57",
    "heldout58",
    "heldout59",
    "heldout60",
    "heldout61",
    "heldout62",
    "heldout63",
    "heldout64",
    "heldout65",
    "heldout66",
    "heldout67",
    "heldout68",
)


def cases(which: str) -> list[Path]:
    return sorted((CORPUS / which).glob("[0-9]*.txt"))  # articles are NN-slug.txt


def _fold(text: str) -> str:
    """Whitespace folded, and sentences glued on the page ("mạnh.Tàu") apart, as the parser
    reads them (an annotation quotes the page as written)."""
    from audionews.segment import unglue_sentences

    return " ".join(unglue_sentences(text).split())


def _same_title(got: str | None, want: str | None) -> bool:
    """A headline is right with or without its closing stop (annotators copied it either way)."""
    if got is None or want is None:
        return got == want
    return got.rstrip(" .") == want.rstrip(" .")


#: "Thực hiện: Hoài Duy", "Tin, ảnh: G.K", "Tác giả: Phạm Mạnh": a byline is right with or
#: without its credit label (annotators wrote it either way).
_BYLINE_LABEL = re.compile(
    r"^(?:Thực hiện|Tác giả bài viết|Tác giả|Nguồn tin|Tin(?:,| và) ảnh|Bài(?:,| và) ảnh|Bài|Tin"
    r"|Nhóm thực hiện)\s*:\s*",
    re.IGNORECASE,
)


#: "… (Đài Truyền thanh thành phố Hưng Yên)", "…/DIENBIENTV.VN": the author's office or outlet
#: after the names (annotators kept or left it).
_BYLINE_OFFICE = re.compile(r"\s*(?:\([^()]+\)|/\s*[\w.]+)$")


#: "PV 05/10/2018 11:14", "Minh Anh - 10/10/2023 14:48 (GMT+7)": the date and time signed with
#: the byline (annotators kept or left them).
_BYLINE_STAMP = re.compile(
    r"\s*[-–|]?\s*(?:(?:Thứ\s+\S+|Chủ nhật),?\s+(?:ngày\s+)?)?"  # "PV-Thứ năm, ngày …" (heldout46)
    r"(?:\d{1,2}:\d{2},?\s+)?\d{1,2}/\d{1,2}/\d{4}(?:,?\s+\d{1,2}:\d{2})?"  # "…/2018, 20:30"
    r"(?:\s*\(?GMT\s?[+-]\s?\d+\)?)?$",
    re.IGNORECASE,
)


def _same_byline(got: str | None, want: str | None) -> bool:
    if got is None or want is None:
        return got == want

    def names(byline: str) -> str:
        byline = _BYLINE_STAMP.sub("", byline)
        return _BYLINE_OFFICE.sub("", _BYLINE_LABEL.sub("", byline))

    return names(got) == names(want)


def _identity(text: str) -> str:
    return text


@dataclass
class Score:
    name: str
    passed: int = 0
    total: int = 0
    failures: list[str] = field(default_factory=list)
    lost: int = 0
    """Sentences of the story not heard."""
    junk: int = 0
    """Lines heard that must not be."""
    flagged: int = 0
    """Of those, lines the parser listed as read with a doubt (``Article.unsure``)."""
    junk_kinds: list[str] = field(default_factory=list)
    """The annotated reason of each junk line heard ("unfinished fragment", "teaser" …)."""
    structure: list[bool] = field(default_factory=list)
    """Title, byline, headings right."""

    def check(self, ok: bool, what: str) -> bool:
        self.total += 1
        if ok:
            self.passed += 1
        else:
            self.failures.append(what)
        return ok

    @property
    def ratio(self) -> float:
        return self.passed / self.total if self.total else 1.0


def pages() -> list[tuple[Path, Path]]:
    """Saved pages (tests/corpus/pages/NN-slug.html) and the text twin sharing their annotation."""
    out = []
    for page in sorted((CORPUS / "pages").glob("*.html")):
        twins = [CORPUS / which / f"{page.stem}.txt" for which in SETS]
        out.append((page, next(t for t in twins if t.exists())))
    return out


def score(path: Path, page: Path | None = None) -> Score:
    """Score the article at ``path`` (or the saved ``page`` of it) against its annotation."""
    ann: dict[str, Any] = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    if page is not None:
        from audionews.formats import load_document

        article = load_document(page)
    else:
        article = parse_article(path.read_text(encoding="utf-8"))
    script = build_script(article, max_chars=100_000, normalize=_identity)
    heard = _fold(" ".join(c.text for c in script.chunks))
    s = Score(path.stem if page is None else page.name)
    headline = getattr(article, "headline", article.title)
    s.structure.append(
        s.check(
            _same_title(headline, ann["title"]), f"title: got {headline!r}, want {ann['title']!r}"
        )
    )
    s.structure.append(
        s.check(
            _same_byline(article.byline, ann["byline"]),
            f"byline: got {article.byline!r}, want {ann['byline']!r}",
        )
    )
    headings = list(article.headings)
    same = [" ".join(h.split()) for h in headings] == [" ".join(h.split()) for h in ann["headings"]]
    s.structure.append(  # spaces as the parser folds them ("I.    Bài thi" written with four)
        s.check(same, f"headings: got {headings}, want {ann['headings']}")
    )
    for sentence in ann["must_hear"]:
        if not s.check(_fold(sentence) in heard, f"not heard: {sentence!r}"):
            s.lost += 1
    doubts = [_fold(u.text) for u in article.unsure]
    for line in ann["must_not_hear"]:
        if not s.check(_fold(line) not in heard, f"heard: {line!r}"):
            s.junk += 1
            s.flagged += any(_fold(line) in d or d in _fold(line) for d in doubts)
            s.junk_kinds.append(ann.get("reasons", {}).get(line, "unlabelled"))
    for text, kind in ann.get("reasons", {}).items():
        found = [d for d in script.dropped if _fold(text) in _fold(d.text)]
        got = [getattr(getattr(d, "kind", None), "value", d.reason) for d in found]
        # a further byline dropped is a credit (the reasons have no "byline")
        same = any(g == kind or (g, kind) == ("byline", "credit") for g in got)
        s.check(same, f"reason for {text!r}: got {got}, want {kind!r}")
    return s


def report(which: str) -> list[Score]:
    if which == "pages":
        scores = [score(twin, page) for page, twin in pages()]
    else:
        scores = [score(p) for p in cases(which)]
    for s in scores:
        print(f"{s.ratio:6.1%}  {s.name}")
        for f in s.failures:
            print(f"          - {f}")
    n = len(scores)
    kinds = Counter(k for s in scores for k in s.junk_kinds)
    checks = sum(s.total for s in scores)
    passed = sum(s.passed for s in scores)
    structure = [ok for s in scores for ok in s.structure]
    print(
        f"{which}: {n} articles, checks passed {passed}/{checks} ({passed / checks:.1%}); "
        f"articles fully right {sum(s.ratio == 1 for s in scores)}/{n}; "
        f"story sentences lost {sum(s.lost for s in scores)}; "
        f"junk lines heard {sum(s.junk for s in scores)} "
        f"({sum(s.flagged for s in scores)} listed as read with a doubt"
        + "".join(f"; {k} {v}" for k, v in kinds.most_common())
        + "); "
        f"title/byline/headings right {sum(structure)}/{len(structure)} "
        f"({sum(structure) / len(structure):.1%})"
    )
    return scores


if __name__ == "__main__":
    for which in sys.argv[1:] or (*SETS, "pages"):
        report(which)
