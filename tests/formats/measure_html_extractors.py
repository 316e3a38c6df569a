"""Measure HTML extraction libraries on the saved pages in tests/fixtures/formats (a script, not a
test: ``python tests/formats/measure_html_extractors.py``). Prints, per candidate and page, what
it got right and how long it took; the numbers are quoted in docs/inputs.md.

Each library's raw output goes through the same structure rules (``build_article``) so the
comparison is about what the library finds, not about how its output is labelled. Candidates
missing from the environment are skipped (newspaper4k is measured in a separate venv).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures" / "formats"
PAGES = ["xe-buyt-dien", "ret-dam-mien-bac", "thi-tot-nghiep"]
sys.path.insert(0, str(HERE))

from formats_support import read_texts, structure  # noqa: E402
from test_format_html import NEVER_READ  # noqa: E402

from audionews.article import Article  # noqa: E402
from audionews.formats import Item, build_article  # noqa: E402


def with_trafilatura(html: str) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_images=True, include_comments=False
    )
    items = [
        Item("heading" if el.tag == "head" else "paragraph", "".join(el.itertext()), 0)
        for el in doc.body.iter("head", "p")
    ]
    published = None
    if doc.date:
        from datetime import date

        published = date.fromisoformat(doc.date)
    return build_article(items, title=doc.title, date_line=doc.date, published=published)


def with_readability(html: str) -> Article:
    import lxml.html
    from readability import Document

    document = Document(html)
    body = lxml.html.fragment_fromstring(document.summary(html_partial=True), create_parent="div")
    items = []
    for el in body.iter("h2", "h3", "h4", "p", "figcaption", "li"):
        kind = "heading" if el.tag.startswith("h") else "paragraph"
        items.append(Item(kind, el.text_content(), 0))
    return build_article(items, title=document.short_title())


def with_newspaper4k(html: str) -> Article:
    import newspaper

    art = newspaper.Article("https://example.vn/bai.html")
    art.download(input_html=html)
    art.parse()
    items = [Item("paragraph", p, 0) for p in art.text.split("\n\n")]
    published = art.publish_date.replace(tzinfo=None) if art.publish_date else None
    return build_article(
        items,
        title=art.title,
        date_line=published.strftime("%d/%m/%Y - %H:%M") if published else None,
        published=published,
    )


def with_audionews(html: str) -> Article:
    from audionews.formats.html import parse_html

    return parse_html(html, "page.html")


CANDIDATES: dict[str, Callable[[str], Article]] = {
    "trafilatura": with_trafilatura,
    "readability-lxml": with_readability,
    "newspaper4k": with_newspaper4k,
    "audionews (readability-lxml + page rules)": with_audionews,
}


def score(article: Article, expected: dict[str, Any]) -> dict[str, Any]:
    got = structure(article)
    want_paras = [p for s in expected["sections"] for p in s["paragraphs"]]
    got_paras = [p for s in got["sections"] for p in s["paragraphs"]]
    want_heads = [s["heading"] for s in expected["sections"] if s["heading"]]
    text = "\n".join(read_texts(article))
    return {
        "title": got["title"] == expected["title"],
        "date": (got["published"] or "")[:10] == expected["published"][:10],
        "time": got["published"] == expected["published"],
        "lead": got["lead"] == expected["lead"],
        "byline": got["byline"] == expected["byline"],
        "headings": sum(h in article.headings for h in want_heads),
        "headings_of": len(want_heads),
        "paragraphs": sum(p in got_paras for p in want_paras),
        "paragraphs_of": len(want_paras),
        "extra_paragraphs": sum(p not in want_paras for p in got_paras),
        "captions": sum(c in got["captions"] for c in expected["captions"]),
        "captions_of": len(expected["captions"]),
        "chrome_read": [c for c in NEVER_READ if c in text],
    }


def main() -> None:
    for name, extract in CANDIDATES.items():
        try:
            extract("<html><body><p>x</p></body></html>")
        except ImportError:
            print(f"{name}: not installed, skipped")
            continue
        except Exception:
            pass
        for page in PAGES:
            html = (FIXTURES / f"{page}.html").read_text(encoding="utf-8")
            expected = json.loads((FIXTURES / f"{page}.expected.json").read_text("utf-8"))
            try:
                article = extract(html)
            except Exception as exc:
                print(f"{name:44} {page:18} FAILED: {type(exc).__name__}: {exc}")
                continue
            timings = []
            for _ in range(20):
                started = time.perf_counter()
                extract(html)
                timings.append(time.perf_counter() - started)
            s = score(article, expected)
            print(
                f"{name:44} {page:18} "
                f"title={'y' if s['title'] else 'n'} date={'y' if s['date'] else 'n'} "
                f"time={'y' if s['time'] else 'n'} lead={'y' if s['lead'] else 'n'} "
                f"byline={'y' if s['byline'] else 'n'} "
                f"headings={s['headings']}/{s['headings_of']} "
                f"paragraphs={s['paragraphs']}/{s['paragraphs_of']} "
                f"extra={s['extra_paragraphs']} captions={s['captions']}/{s['captions_of']} "
                f"chrome_read={len(s['chrome_read'])} "
                f"{statistics.median(timings) * 1000:.1f} ms"
                + (f"  {s['chrome_read']}" if s["chrome_read"] else "")
            )


if __name__ == "__main__":
    main()
