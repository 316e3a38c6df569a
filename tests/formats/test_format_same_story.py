"""The same story as .txt, .html, .docx and .md gives the same chapters and the same spoken text."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_support import FORMATS_DIR, STORY, expected, structure, write_story_docx

from audionews.article import Article
from audionews.formats import load_document
from audionews.script import build_script

FORMATS = ["txt", "html", "docx", "md"]


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Article]:
    docx = write_story_docx(tmp_path_factory.mktemp("docx") / f"{STORY}.docx")
    paths: dict[str, Path] = {f: FORMATS_DIR / f"{STORY}.{f}" for f in FORMATS}
    paths["docx"] = docx
    return {f: load_document(p) for f, p in paths.items()}


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_gives_the_expected_structure(articles: dict[str, Article], fmt: str) -> None:
    assert structure(articles[fmt]) == expected(STORY)


@pytest.mark.parametrize("fmt", FORMATS[1:])
def test_same_chapters_and_spoken_text_as_plain_text(
    articles: dict[str, Article], fmt: str
) -> None:
    reference = build_script(articles["txt"], max_chars=500)
    script = build_script(articles[fmt], max_chars=500)
    assert [ch.title for ch in script.chapters] == [ch.title for ch in reference.chapters]
    assert [c.text for c in script.chunks] == [c.text for c in reference.chunks]
    assert [[c.text for c in ch.chunks] for ch in script.chapters] == [
        [c.text for c in ch.chunks] for ch in reference.chapters
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_captions_are_read_the_same_when_asked(articles: dict[str, Article], fmt: str) -> None:
    reference = build_script(articles["txt"], max_chars=500, read_captions=True)
    script = build_script(articles[fmt], max_chars=500, read_captions=True)
    assert [c.text for c in script.chunks] == [c.text for c in reference.chunks]
