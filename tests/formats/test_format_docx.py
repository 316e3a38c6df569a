"""Word documents: heading styles and bold one-line paragraphs are section headings."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from formats_support import STORY, expected, structure, write_story_docx

from audionews.errors import InputError
from audionews.formats import load_document


@pytest.mark.parametrize(
    ("title_style", "bold_headings", "caption_style"),
    [(True, False, True), (False, True, False)],
    ids=["styles", "bold-lines-no-styles"],
)
def test_story_structure(
    tmp_path: Path, title_style: bool, bold_headings: bool, caption_style: bool
) -> None:
    path = write_story_docx(
        tmp_path / "bai.docx",
        title_style=title_style,
        bold_headings=bold_headings,
        caption_style=caption_style,
    )
    assert structure(load_document(path)) == expected(STORY)


def test_blocks_are_numbered_by_paragraph(tmp_path: Path) -> None:
    article = load_document(write_story_docx(tmp_path / "bai.docx"))
    assert article.sections[0].blocks[0].line == 4  # title, date, lead, caption
    assert article.sections[1].blocks[0].line == 7


def test_bold_sentence_is_not_a_heading(tmp_path: Path) -> None:
    import docx

    doc = docx.Document()
    doc.add_paragraph("Tiêu đề bài báo", style="Title")
    doc.add_paragraph("Đoạn mở đầu của bài báo về giao thông đô thị.")
    doc.add_paragraph().add_run("Câu in đậm này là một câu trọn vẹn có dấu chấm.").bold = True
    mixed = doc.add_paragraph()
    mixed.add_run("Một phần in đậm").bold = True
    mixed.add_run(" và phần còn lại thường")
    doc.add_paragraph("Đoạn cuối của bài báo.")
    path = tmp_path / "dam.docx"
    doc.save(str(path))
    article = load_document(path)
    assert article.headings == ()
    assert len(article.sections[0].paragraphs) == 3


def test_heading_1_first_line_is_the_title(tmp_path: Path) -> None:
    import docx

    doc = docx.Document()
    doc.add_heading("Tiêu đề bằng Heading 1", level=1)
    doc.add_paragraph("Đoạn mở đầu của bài báo.")
    doc.add_heading("Tiểu mục", level=2)
    doc.add_paragraph("Nội dung tiểu mục.")
    path = tmp_path / "h1.docx"
    doc.save(str(path))
    article = load_document(path)
    assert (article.title, article.lead, article.headings) == (
        "Tiêu đề bằng Heading 1",
        "Đoạn mở đầu của bài báo.",
        ("Tiểu mục",),
    )


def test_tables_are_reported_as_dropped(tmp_path: Path) -> None:
    import docx

    doc = docx.Document()
    doc.add_paragraph("Bảng giá lúa hôm nay", style="Title")
    doc.add_paragraph("Giá lúa tăng ở hầu hết các tỉnh miền Tây.")
    doc.add_table(rows=2, cols=2).cell(0, 0).text = "IR 50404"
    path = tmp_path / "bang.docx"
    doc.save(str(path))
    article = load_document(path)
    assert any("table" in d.reason for d in article.dropped)


def test_corrupt_docx_names_the_file_and_the_fix(tmp_path: Path) -> None:
    good = write_story_docx(tmp_path / "tot.docx")
    broken = tmp_path / "hong.docx"
    broken.write_bytes(good.read_bytes()[:2000])  # a truncated download
    with pytest.raises(InputError, match=r"hong\.docx: .*save it again as \.docx"):
        load_document(broken)


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "nen.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "không phải tài liệu Word")
    with pytest.raises(InputError, match=r"nen\.docx: the Word file is damaged"):
        load_document(path)


def test_old_doc_renamed_to_docx(tmp_path: Path) -> None:
    path = tmp_path / "cu.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(InputError, match=r"old Word \.doc file"):
        load_document(path)


def test_doc_extension_asks_for_docx(tmp_path: Path) -> None:
    path = tmp_path / "cu.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(InputError, match=r"cu\.doc: .*save it as \.docx"):
        load_document(path)
