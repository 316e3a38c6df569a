"""Legacy encodings (TCVN3, VNI, VISCII, Windows-1258) and decomposed Unicode."""

from __future__ import annotations

import unicodedata

import pytest

from audionews.normalize import Normalizer, normalize_text
from audionews.normalize.encoding import (
    TCVN3_TABLE,
    VISCII_TABLE,
    VNI_TABLE,
    decode_bytes,
    detect_legacy,
    repair_text,
)

ARTICLE = (
    "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. "
    "Hà Nội, ngày 23 tháng 10 năm 2020. Chủ tịch ủy ban nhân dân thành phố đề nghị các sở, ngành "
    "khẩn trương triển khai nhiệm vụ được giao; người dân cần thực hiện nghiêm quy định."
)
SHORT = "Nguyễn Văn Ước về thăm quê hương Nghệ An."
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_tcvn3(text: str) -> str:
    inverse = {v: chr(k) for k, v in TCVN3_TABLE.items()}
    return "".join(inverse.get(ch, ch) for ch in text)


def to_vni(text: str) -> str:
    inverse: dict[str, str] = {}
    for k, v in VNI_TABLE.items():
        inverse.setdefault(v, k)
    return "".join(inverse.get(ch, ch) for ch in text)


def to_viscii(text: str) -> bytes:
    inverse = {v: k for k, v in VISCII_TABLE.items()}
    return bytes(inverse[ch] if ch in inverse else ord(ch) for ch in text)


def to_cp1258(text: str) -> bytes:
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in decomposed if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        out += (base + tones).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize("text", [ARTICLE, SHORT])
def test_nfd_becomes_nfc(text: str) -> None:
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    assert repair_text(decomposed) == text


def test_tcvn3_string_is_repaired() -> None:
    legacy = to_tcvn3(ARTICLE)
    assert legacy != ARTICLE
    assert detect_legacy(legacy) == "tcvn3"
    assert repair_text(legacy) == ARTICLE


def test_vni_string_is_repaired() -> None:
    legacy = to_vni(ARTICLE)
    assert legacy != ARTICLE
    assert detect_legacy(legacy) == "vni"
    assert repair_text(legacy) == ARTICLE


def test_viscii_bytes_and_string() -> None:
    data = to_viscii(ARTICLE)
    assert decode_bytes(data) == ARTICLE
    assert repair_text(data.decode("latin-1")) == ARTICLE
    assert repair_text(data.decode("cp1252", errors="strict")) == ARTICLE


def test_cp1258_bytes() -> None:
    data = to_cp1258(ARTICLE)
    assert decode_bytes(data) == ARTICLE
    assert decode_bytes(to_cp1258(SHORT)) == SHORT


@pytest.mark.parametrize("encode", [lambda t: to_tcvn3(t).encode("latin-1"), to_viscii])
def test_legacy_bytes_decode(encode: object) -> None:
    assert callable(encode)
    assert decode_bytes(encode(ARTICLE)) == ARTICLE


def test_vni_bytes_decode() -> None:
    assert decode_bytes(to_vni(ARTICLE).encode("latin-1")) == ARTICLE


def test_utf8_and_ascii_are_not_legacy() -> None:
    assert decode_bytes(ARTICLE.encode("utf-8")) is None
    assert decode_bytes(b"Hello world, 2020.") is None
    assert decode_bytes("\ufeffXin chào".encode()) is None


def test_non_vietnamese_latin1_is_not_legacy() -> None:
    assert decode_bytes("Café in Zürich, señor Müller, 25°C.".encode("latin-1")) is None


@pytest.mark.parametrize(
    "text",
    [
        "Nhiệt độ 25°C",
        "25°C",
        "Nguyễn Văn Ước",
        "José Mourinho và Thomas Müller đến Zürich.",
        "Café, naïve, François, Señor, Ñoño",
        "HLV Park Hang-seo",
        "Nhà hàng Le Côté ở Paris",
        "Giá 5 € hoặc £3",
    ],
)
def test_unicode_is_untouched(text: str) -> None:
    assert repair_text(text) == text


def test_normalizer_converts_legacy_document_per_document() -> None:
    title = to_tcvn3("Hà Nội họp báo")
    body = to_tcvn3(ARTICLE)
    normalizer = Normalizer()
    for piece in (title, body):
        normalizer.learn(piece)
    assert normalizer.normalize(title) == "Hà Nội họp báo"
    assert "Cộng hòa xã hội chủ nghĩa Việt Nam" in normalizer.normalize(body)


def test_single_legacy_word_follows_document_encoding() -> None:
    pieces = [to_tcvn3("Hà"), to_tcvn3(ARTICLE)]
    normalizer = Normalizer()
    for piece in pieces:
        normalizer.learn(piece)
    assert normalizer.normalize(pieces[0]) == "Hà"


def test_normalize_text_repairs_vni() -> None:
    spoken = normalize_text(to_vni("Ngày 2/9, người dân Hà Nội đi chơi."))
    assert spoken == "Ngày mùng hai tháng chín, người dân Hà Nội đi chơi."
