"""Stage 4: sentences and chunks within an engine's limit, never cut inside a word."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from audionews.segment import split_sentences, split_to_limit, unglue_sentences


def test_sentences() -> None:
    text = 'Ông nói: "Xin chào." Sau đó ông đi. Có đúng không? Đúng vậy! 2020 là năm khó.'
    assert split_sentences(text) == [
        'Ông nói: "Xin chào."',
        "Sau đó ông đi.",
        "Có đúng không?",
        "Đúng vậy!",
        "2020 là năm khó.",
    ]


def test_unglue() -> None:
    assert unglue_sentences("trong năm 2020.Theo đó, TP.HCM tăng 3.5 lần.") == (
        "trong năm 2020. Theo đó, TP.HCM tăng 3.5 lần."
    )


def test_long_sentence_cut_at_clauses() -> None:
    sentence = (
        "Đảng bộ Khối đã lãnh đạo các cơ sở Đảng trực thuộc thực hiện nhiệm vụ chính trị, "
        "đạt nhiều kết quả nổi bật, góp phần hoàn thành tốt nhiệm vụ phát triển kinh tế."
    )
    parts = split_to_limit(sentence, 100)
    assert all(len(p) <= 100 for p in parts)
    assert " ".join(parts) == sentence
    assert parts[0].endswith(",")


words = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạ", min_size=1, max_size=12)


@given(st.lists(words, min_size=1, max_size=80), st.integers(min_value=12, max_value=200))
def test_never_cuts_inside_a_word(ws: list[str], limit: int) -> None:
    sentence = " ".join(ws)
    parts = split_to_limit(sentence, limit)
    assert all(0 < len(p) <= limit for p in parts)
    assert " ".join(parts).split() == ws  # every word whole, in order


def test_overlong_word_is_the_only_thing_cut() -> None:
    url = "https://example.vn/" + "a" * 150
    parts = split_to_limit(f"Xem tại {url} nhé", 100)
    assert all(len(p) <= 100 for p in parts)
    assert "".join(parts).replace(" ", "") == f"Xemtại{url}nhé"


def test_initial_before_a_bracket_is_not_a_sentence_end() -> None:
    text = "Bị can Lê Văn C. (SN 1990) bị bắt. Ông D. Sau đó về."
    assert split_sentences(text)[0] == "Bị can Lê Văn C. (SN 1990) bị bắt."


def test_never_cut_inside_a_number_or_a_date() -> None:
    sentence = (
        "Lượng mưa phổ biến từ một trăm hai mươi lăm đến bốn trăm sáu mươi bảy mi li mét "
        "trong ngày hai mươi mốt tháng mười một năm hai nghìn không trăm hai mươi tư"
    )
    numbers = {"một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "mươi", "trăm", "mốt", "lăm"}
    numbers |= {"nghìn", "không", "tư", "mười", "tháng"}
    for limit in range(76, 100, 3):  # the date alone is 75 characters
        parts = split_to_limit(sentence, limit)
        assert all(len(p) <= limit for p in parts)
        for i in range(1, len(parts)):
            left, right = parts[i - 1], parts[i]
            assert not (left.split()[-1] in numbers and right.split()[0] in numbers), parts


def test_clause_and_name_boundaries_are_preferred() -> None:
    sentence = (
        "Ông Nguyễn Văn Thành, Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh, đã làm việc "
        "với các sở ngành và đề nghị đẩy nhanh tiến độ giải ngân vốn đầu tư công trong năm nay"
    )
    parts = split_to_limit(sentence, 100)
    assert parts[0].endswith(",") or parts[0].endswith("Minh,")
    assert all("Hồ Chí" not in p or "Hồ Chí Minh" in p for p in parts)
    assert " ".join(parts) == sentence


def test_a_long_run_of_words_is_split_in_linear_time() -> None:
    import time

    sentence = " ".join(["mưa"] * 50_000)
    start = time.perf_counter()
    parts = split_to_limit(sentence, 100)
    assert time.perf_counter() - start < 5
    assert " ".join(parts) == sentence
