"""A few lines of each real news excerpt in tests/normalize/real/ (issue #12), as read."""

from __future__ import annotations

from pathlib import Path

import pytest

from audionews.normalize import Normalizer
from audionews.review import review_text

REAL = Path(__file__).with_name("real")


def _pieces(name: str) -> list[str]:
    text = (REAL / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _spoken(name: str, foreign: str = "keep") -> str:
    pieces = _pieces(name)
    normalizer = Normalizer(foreign=foreign)
    for piece in pieces:
        normalizer.learn(piece)
    return "\n".join(normalizer.normalize(piece) for piece in pieces)


EXPECTED = {
    "dantri-mua-mien-trung-2022.txt": [
        "phổ biến một trăm năm mươi đến bốn trăm mi li mét, có nơi trên bốn trăm năm mươi",
        "Bạch Mã (Thừa Thiên Huế) năm trăm sáu mươi ba phẩy không mi li mét",
        "từ bảy giờ ngày mùng mười tháng mười đến ba giờ sáng nay (mười một tháng mười)",
        "mưa từ hai mươi đến bốn mươi mi li mét",
    ],
    "tuoitrexahoi-mua-lon-2025.txt": [
        "đến bảy giờ ngày hai mươi tám tháng mười",
        "(lớn hơn hai trăm mi li mét trong ba giờ)",
        "phổ biến tám mươi đến một trăm năm mươi mi li mét",
    ],
    "soha-mua-trung-trung-bo-2019.txt": [
        "từ ngày mười lăm đến mười chín tháng mười phổ biến một trăm đến hai trăm năm mươi",
        "như sau: Quảng Bình phổ biến ba mươi đến năm mươi",
        "Ba Đồn bốn mươi sáu phẩy hai mi li mét",
    ],
    "baodautu-trump-harris-2024.txt": [
        "là bốn mươi chín phần trăm so với bốn mươi sáu phần trăm",
        "dẫn trước ở năm trên bảy bang chiến địa",
        "ba nghìn một trăm mười đô la Mỹ một ao xơ",
    ],
    "hanoionline-trump-dac-cu-2024.txt": [
        "Tổng thống Mỹ mùng năm tháng mười một, ông Donald Trump",
        "khoảng ba phẩy bảy tỷ người ở bảy mươi hai quốc gia",
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_lines(name: str) -> None:
    spoken = _spoken(name)
    for line in EXPECTED[name]:
        assert line in spoken
    assert not any(ch.isdigit() for ch in spoken)


def test_respelled_names_for_espeak() -> None:
    spoken = _spoken("hanoionline-trump-dac-cu-2024.txt", foreign="respell")
    assert "ông Đô Nan Tơ Ram" in spoken
    assert "A Ri Dô Na, Giê Oóc Gi A, Mi Si Gân" in spoken


def test_review_of_a_real_article() -> None:
    text = "\n".join(_pieces("baodautu-trump-harris-2024.txt"))
    tokens = {item.token: item.kind for item in review_text(text).items}
    assert tokens == {
        "Siena": "foreign",
        "Des": "foreign",
        "Moines": "foreign",
        "Register": "foreign",
        "Organization": "foreign",
    }
