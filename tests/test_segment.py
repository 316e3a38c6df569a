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
