"""Legacy Vietnamese encodings: TCVN3 (ABC), VNI, VISCII, Windows-1258, and decomposed Unicode.

Detection is per document and conservative: a legacy conversion is applied only to text that
holds no Vietnamese-only Unicode letter (ă, đ, ơ, ư, ạ ... ỹ) and only when the converted text
reads as clearly more Vietnamese (more well-formed syllables) than the text as given. So correct
Unicode - "25°C", "Nguyễn", "José Mourinho", "Müller" - is never touched.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Callable

from audionews import regexcache as rc
from audionews.normalize.lexicon import longest_first

__all__ = [
    "LEGACY_ENCODINGS",
    "convert_legacy",
    "decode_bytes",
    "detect_legacy",
    "has_vietnamese_letters",
    "repair_text",
]

# --- TCVN3 (ABC, ".VnTime" fonts): one byte per letter, shown here as its Latin-1 character.
_TCVN3_SRC = "¡¢£¤¥¦§¨©ª«¬\u00ad®µ¸¶·¹»¾¼½ÆÇÊÈÉËÌÐÎÏÑÒÕÓÔÖ×ÝØÜÞßãáâäåèæçéêíëìîïóñòôõøö÷ùúýûüþ"
_TCVN3_DST = "ĂÂÊÔƠƯĐăâêôơưđàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
TCVN3_TABLE: dict[int, str] = {ord(s): d for s, d in zip(_TCVN3_SRC, _TCVN3_DST, strict=True)}

# --- VISCII (RFC 1456): bytes 0x80-0xFF and six repurposed C0 controls.
_VISCII_HIGH = (
    "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯ"
    "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙÚỹỵÝỡưàáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ"
)
_VISCII_LOW = {0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ"}
VISCII_TABLE: dict[int, str] = {0x80 + i: ch for i, ch in enumerate(_VISCII_HIGH)}
VISCII_TABLE.update(_VISCII_LOW)

# --- VNI (VNI-Windows fonts): base letter + one mark character (Latin-1 surface form).
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE = "\u0302", "\u0306"
_VNI_TONES = {"ø": _GRAVE, "ù": _ACUTE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_VNI_CIRC_TONES = {"à": _GRAVE, "á": _ACUTE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}
_VNI_BREVE_TONES = {"è": _GRAVE, "é": _ACUTE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}
_VNI_SINGLE = {
    "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư", "ñ": "đ", "Ñ": "Đ",
    "ì": "ì", "Ì": "Ì", "í": "í", "Í": "Í", "æ": "ỉ", "Æ": "Ỉ", "ó": "ĩ", "Ó": "Ĩ",
    "ò": "ị", "Ò": "Ị",
}  # fmt: skip


def _build_vni() -> dict[str, str]:
    table: dict[str, str] = {}

    def add(base: str, mark: str, combining: str) -> None:
        for b, m in ((base, mark), (base.upper(), mark.upper()), (base.upper(), mark)):
            composed = unicodedata.normalize("NFC", b + combining)
            table.setdefault(b + m, composed)

    for base in "aeiouy":
        for mark, tone in _VNI_TONES.items():
            add(base, mark, tone)
    for base, letter in (("ô", "ơ"), ("ö", "ư")):
        for mark, tone in _VNI_TONES.items():
            for b, m, let in ((base, mark, letter), (base.upper(), mark.upper(), letter.upper())):
                table[b + m] = unicodedata.normalize("NFC", let + tone)
            table[base.upper() + mark] = unicodedata.normalize("NFC", letter.upper() + tone)
    for base in "aeo":
        add(base, "â", _CIRC)
        for mark, tone in _VNI_CIRC_TONES.items():
            add(base, mark, _CIRC + tone)
    add("a", "ê", _BREVE)
    for mark, tone in _VNI_BREVE_TONES.items():
        add("a", mark, _BREVE + tone)
    table.update(_VNI_SINGLE)
    return table


VNI_TABLE: dict[str, str] = _build_vni()
_VNI_RE = rc.compile(
    "|".join(re.escape(k) for k in longest_first(VNI_TABLE)),
)


def _vni_to_unicode(text: str) -> str:
    return _VNI_RE.sub(lambda m: VNI_TABLE[m.group()], text)


def _tcvn3_to_unicode(text: str) -> str:
    return text.translate(TCVN3_TABLE)


def _viscii_to_unicode(text: str) -> str:
    return text.translate(VISCII_TABLE)


_CP1252_BYTES: dict[str, int] = {}
for _b in range(0x80, 0xA0):
    with contextlib.suppress(UnicodeDecodeError):
        _CP1252_BYTES[bytes([_b]).decode("cp1252")] = _b


def _latin1_surface(text: str) -> str | None:
    """The text as it would look had its bytes been decoded as Latin-1 (None if impossible)."""
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        if code < 0x100:
            out.append(ch)
        elif ch in _CP1252_BYTES:
            out.append(chr(_CP1252_BYTES[ch]))
        else:
            return None
    return "".join(out)


def _cp1258_from_surface(text: str) -> str:
    data = text.encode("latin-1")
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


# Converters take the Latin-1 surface form of the document.
LEGACY_ENCODINGS: dict[str, Callable[[str], str]] = {
    "tcvn3": _tcvn3_to_unicode,
    "vni": _vni_to_unicode,
    "viscii": _viscii_to_unicode,
    "cp1258": _cp1258_from_surface,
}

_VIET_ONLY = rc.compile("[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9]")
_WORD = rc.compile(r"[^\W\d_]+")


def has_vietnamese_letters(text: str) -> bool:
    """True if ``text`` holds a letter only Vietnamese Unicode text has (ă, đ, ơ, ư, ạ ... ỹ)."""
    return _VIET_ONLY.search(text) is not None


def _score(text: str) -> int:
    """Well-formed minus malformed syllables among the words that use non-ASCII letters."""
    from audionews.normalize.vietnamese import is_vietnamese_syllable

    score = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        well_cased = word.islower() or word.isupper() or word[1:].islower()
        score += 1 if well_cased and is_vietnamese_syllable(word) else -1
    return score


# A conversion must yield Vietnamese-only letters and at least three more well-formed
# Vietnamese syllables than malformed ones, and clearly more than the text as given.
_MIN_SCORE = 3


def _best(surface: str, baseline: int) -> tuple[str, str] | None:
    best: tuple[int, str, str] | None = None
    for name, convert in LEGACY_ENCODINGS.items():
        converted = unicodedata.normalize("NFC", convert(surface))
        score = _score(converted)
        if (
            score >= _MIN_SCORE
            and score >= max(baseline, 2 * baseline) + _MIN_SCORE
            and has_vietnamese_letters(converted)
            and (best is None or score > best[0])
        ):
            best = (score, name, converted)
    return None if best is None else (best[1], best[2])


def detect_legacy(text: str) -> str | None:
    """Name of the legacy encoding ``text`` (mis-decoded as Latin-1/CP1252) is in, or None."""
    text = unicodedata.normalize("NFC", text)
    if text.isascii() or has_vietnamese_letters(text):
        return None
    surface = _latin1_surface(text)
    if surface is None:
        return None
    found = _best(surface, _score(text))
    return None if found is None else found[0]


def convert_legacy(text: str, encoding: str) -> str:
    """Convert mis-decoded ``text`` from the named legacy encoding; NFC result."""
    surface = _latin1_surface(unicodedata.normalize("NFC", text))
    if surface is None or encoding not in LEGACY_ENCODINGS:
        return unicodedata.normalize("NFC", text)
    return unicodedata.normalize("NFC", LEGACY_ENCODINGS[encoding](surface))


def repair_text(text: str) -> str:
    """NFC, and legacy TCVN3/VNI/VISCII/CP1258 text decoded as Latin-1/CP1252 converted back."""
    text = unicodedata.normalize("NFC", text)
    encoding = detect_legacy(text)
    return text if encoding is None else convert_legacy(text, encoding)


def decode_bytes(data: bytes) -> str | None:
    """Decode a document in a legacy Vietnamese encoding to NFC text; None if it is not one.

    Valid UTF-8 (including plain ASCII) is not legacy and gives None: decode it as UTF-8.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return None
    surface = data.decode("latin-1")
    found = _best(surface, 0)
    return None if found is None else found[1]
