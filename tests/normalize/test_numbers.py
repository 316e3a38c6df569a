"""Number readings: the Vietnamese rules for mốt, tư, lăm, linh, không trăm and magnitudes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audionews.normalize.numbers import (
    read_cardinal,
    read_decimal,
    read_digits,
    read_number_token,
    read_ordinal,
    roman_to_int,
)


@pytest.mark.parametrize(
    ("n", "spoken"),
    [
        (0, "không"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (105, "một trăm linh năm"),
        (1005, "một nghìn không trăm linh năm"),
        (2020, "hai nghìn không trăm hai mươi"),
        (1_000_000_000, "một tỷ"),
        (3_000_000_000_000, "ba nghìn tỷ"),
        (-7, "âm bảy"),
    ],
)
def test_cardinal(n: int, spoken: str) -> None:
    assert read_cardinal(n) == spoken


def test_decimals_and_digits() -> None:
    assert read_decimal(3, "5") == "ba phẩy năm"
    assert read_decimal(0, "05") == "không phẩy không năm"
    assert read_number_token("1.234.567,5").endswith("phẩy năm")
    assert read_digits("0912") == "không chín một hai"
    assert read_number_token("007") == "không không bảy"


def test_ordinals_and_roman() -> None:
    assert read_ordinal(1) == "nhất"
    assert read_ordinal(4) == "tư"
    assert read_ordinal(2) == "hai"
    assert roman_to_int("XIII") == 13
    assert roman_to_int("XXI") == 21
    assert roman_to_int("IIII") is None
    assert roman_to_int("") is None


@given(st.integers(min_value=0, max_value=10**15))
def test_cardinal_is_words_only(n: int) -> None:
    spoken = read_cardinal(n)
    assert spoken and not any(ch.isdigit() for ch in spoken)
    words = spoken.split()
    assert "mươi một" not in spoken  # 21 is "hai mươi mốt"
    assert "mươi năm" not in spoken  # 25 is "hai mươi lăm"
    assert words[0] != "không" or n == 0


@given(st.integers(min_value=1, max_value=999))
def test_hundreds_structure(n: int) -> None:
    spoken = read_cardinal(n)
    tens, units = divmod(n % 100, 10)
    if n >= 100 and tens == 0 and units:
        assert "linh" in spoken.split()
