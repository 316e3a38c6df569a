"""The page-UI vocabulary: interface lines from real pages are chrome, story lines are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from audionews.article import parse_article
from audionews.pageui import interface_share, is_interface_line, load_vocabulary
from audionews.script import build_script

_CORPUS = Path(__file__).parent / "corpus"
#: Where a term may have been seen: the chrome survey, an annotated corpus set, or the two kept
#: tags (tests/corpus/chrome_vocab.py).
SOURCES = {"survey", "rules", "brief"} | {
    d.name for d in _CORPUS.iterdir() if d.is_dir() and any(d.glob("[0-9]*.json"))
}


def test_every_term_has_evidence() -> None:
    vocab = load_vocabulary()
    assert len(vocab.evidence) >= 100
    for term, seen in vocab.evidence.items():
        assert seen, term
        assert set(seen) <= SOURCES, (term, seen)


@pytest.mark.parametrize(
    "line",
    [
        # tests/corpus/chrome_survey.toml: pages outside the corpus
        "1,466 lượt xem",
        "Tin cùng chuyên mục",
        "Tối đa: 1500 ký tự",
        "Bình luận (0)",
        "Đường dây nóng: 0237 3721150",
        "Chủ đề liên quan:",
        "BẠN ĐỌC PHẢN HỒI",
        "Đăng ngày 28/08/2020 20:02, số lượt xem: 521",
        # the corpus' annotated chrome
        "Gửi bình luận của bạn",
        "< Trở về trang trước",
        "View Single Post",
        "Skip to main content",
        "2602 Lượt xem",
    ],
)
def test_interface_lines(line: str) -> None:
    assert is_interface_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Giá vàng hôm nay tăng mạnh",
        "Ý kiến chuyên gia",
        "Chia sẻ của ông Nguyễn Văn A",
        "Tăng 5%",
        "Hà Nội",
        "Thông tin bạn đọc gửi về cho thấy nhiều hộ dân đã bị ảnh hưởng.",
        "Email của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *",
    ],
)
def test_story_and_long_lines_are_not(line: str) -> None:
    assert not is_interface_line(line)


def test_share_counts_function_words_for_neither_side() -> None:
    assert interface_share("Gửi bình luận của bạn") == 1.0
    assert interface_share("Giá vàng") == 0.0


def test_leave_one_out_drops_terms_seen_only_there() -> None:
    vocab = load_vocabulary()
    only = [t for t, seen in vocab.evidence.items() if set(seen) == {"heldout4"}]
    assert only
    without = vocab.without(["heldout4"])
    assert not set(only) & set(without.evidence)
    assert len(without.evidence) == len(vocab.evidence) - len(only)


def test_parser_drops_an_unknown_outlets_widget_as_widget() -> None:
    text = (
        "Xã tổ chức tập huấn kỹ thuật trồng lúa\n"
        "1,466 lượt xem\n"
        "Trong hai ngày, Hội Nông dân xã tổ chức lớp tập huấn cho 80 hội viên.\n"
        "Các học viên được hướng dẫn cách xử lý rơm rạ sau thu hoạch.\n"
        "Tối đa: 1500 ký tự\n"
    )
    article = parse_article(text)
    widgets = {d.text: d.kind.value for d in article.dropped}
    assert widgets.get("1,466 lượt xem") == "widget"
    assert widgets.get("Tối đa: 1500 ký tự") == "widget"
    read = " ".join(c.text for c in build_script(article, max_chars=10_000).chunks)
    assert "hướng dẫn cách xử lý rơm rạ" in read


def _kinds(text: str) -> dict[str, str]:
    return {d.text: d.kind.value for d in parse_article(text).dropped}


def test_a_stack_of_short_lines_over_a_long_headline_is_chrome() -> None:
    # dev/60 (Truyền hình Thanh Hóa): masthead and English name over the headline
    text = (
        "ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH THANH HÓA\n"
        "Thanh Hoa Radio and Television\n"
        "Thanh Hoá đảm bảo các điều kiện tốt nhất cho Liên hoan Phát thanh toàn quốc năm 2024\n"
        "Liên hoan sẽ khai mạc ngày 11/7 tại thành phố Thanh Hóa với nhiều đoàn tham dự.\n"
    )
    article = parse_article(text)
    assert article.headline is not None and article.headline.startswith("Thanh Hoá đảm bảo")
    assert _kinds(text)["Thanh Hoa Radio and Television"] == "widget"


def test_one_short_title_over_a_long_line_keeps_its_place() -> None:
    # one line is no stack: a title of five words over a long subtitle stays the headline
    text = (
        "Tết của người Việt xưa\n"
        "Những phong tục ngày Tết của người Việt xưa và nay vẫn còn được gìn giữ\n"
        "Ngày Tết, các gia đình cùng nhau gói bánh chưng và dọn dẹp nhà cửa đón năm mới.\n"
    )
    assert parse_article(text).headline == "Tết của người Việt xưa"


def test_a_comment_form_closes_the_page() -> None:
    # dev/61 (THVL): a WordPress comment form after the story
    text = (
        "VTV5 rất cần các địa phương phối hợp sản xuất bản tin thời sự cũng như các chuyên mục.\n"
        "\n"
        "Trả lời\n"
        "\n"
        "Email của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *\n"
    )
    kinds = _kinds(text)
    assert kinds["Trả lời"] == "widget"
    assert kinds[next(k for k in kinds if k.startswith("Email"))] == "widget"


def test_an_interviews_answer_label_never_closes_the_story() -> None:
    text = (
        "Phóng viên đã trao đổi với ông Nguyễn Văn Bình về kế hoạch của huyện trong năm tới.\n"
        "Trả lời\n"
        "Huyện sẽ tập trung làm đường giao thông nông thôn và nâng cấp trường học các xã.\n"
    )
    read = " ".join(c.text for c in build_script(parse_article(text), max_chars=10_000).chunks)
    assert "nâng cấp trường học các xã" in read


def test_form_notes_need_an_address_and_a_field_in_one_sentence() -> None:
    from audionews.pageui import is_form_note

    # heldout5/24, /28, /04: a comment or rating form's notes
    assert is_form_note("Bạn vui lòng nhập từ 5 ký tự trở lên !!!")
    assert is_form_note("Bạn không thể gửi bình luận liên tục. Xin hãy đợi")
    assert is_form_note("Tổng số điểm của bài viết là: 0 trong 0 đánh giá")
    # heldout2/28: a story paragraph naming "bài viết" and "bình luận" in different sentences
    assert not is_form_note(
        "Nghệ sĩ Việt Anh đã đăng một bài viết nhắc nhở đàn em. Cát Phượng nói: "
        '"Anh comment (bình luận - PV) nói chúng tôi ăn nói không nhẹ nhàng."'
    )
    assert not is_form_note("Bạn đọc có thể theo dõi diễn biến của bão trên đài truyền hình.")


def test_a_label_glued_to_a_time_stamp_is_read_apart() -> None:
    # heldout5/19: an aggregator's "3 giờ trước" glued to its "Bài gốc" link
    assert is_interface_line("3 giờ trướcBài gốc")
    assert not is_interface_line("Ông NguyễnVăn A về quê")


def test_a_comment_form_of_notes_written_as_sentences_closes_the_page() -> None:
    # heldout5/28 and /24: no header, the form's notes as sentences, one cut over two lines
    story = "Bộ Y tế đề nghị các tỉnh tăng cường phòng chống bệnh tay chân miệng trong năm học mới."
    text = f"{story}\n\nTop\n\nBạn không thể gửi bình luận liên tục. Xin hãy đợi\n60 giây nữa.\n"
    kinds = _kinds(text)
    assert kinds["Bạn không thể gửi bình luận liên tục. Xin hãy đợi"] == "widget"
    assert kinds["60 giây nữa."] == "widget"
    # A short sentence of the story after an interface line is no carried-over note.
    kinds = _kinds(f"{story}\nBình luận 0\n\nMưa còn kéo dài.\n")
    assert "Mưa còn kéo dài." not in kinds
