"""Written forms found by the corpus sweep (tests/normalize/sweep_corpus.py, issue #12): an age
team with a dot, minutes written `p`, a ship's type prefix, a range of decimals over a glued
quantity, a colon glued to the next word, apostrophes in Central Highlands names, an eth typed
for Đ. Small pure ``str -> str`` rules, as rules.py."""

from __future__ import annotations

import re
from collections.abc import Callable

from audionews import regexcache as rc
from audionews.normalize.lexicon import longest_first
from audionews.normalize.numbers import read_cardinal, roman_to_int
from audionews.normalize.units import CURRENCY_CODES, UNITS
from audionews.normalize.vietnamese import LETTER_NAMES, is_vietnamese_syllable

__all__ = ["acronym_word_hyphens", "corpus_forms"]

# "U.23 Việt Nam", "U.19 nữ": an age team, read as "U23" (never "U." then a number)
_AGE_TEAM = rc.compile(r"(?<![\w.])U\.(\d{2})(?![\d.,]\d|\w)")
# "khoảng 20p", "sau 15p": minutes in informal copy; one or two digits only ("720p" is video)
_MINUTES_P = rc.compile(r"(?<![\w.,/x×])(\d{1,2})p(?!\w)")
# "tàu E/V Nautilus", "tàu M/V ...": a ship's type prefix, spelled by letters (not "một vôn")
_SHIP_PREFIX = rc.compile(r"(?<![\w/])([EMS])/([VTS])(?=\s+[A-Z])")
# "13,7-13,8/20kg" (rice yield per 20 kg): a range of decimals over a quantity glued to its unit
_UNIT_NAMES = "|".join(longest_first(re.escape(u) for u in UNITS if u.isalpha()))
_RANGE_OVER = rc.compile(
    r"(?<![\w.,])(\d+(?:,\d+)?)\s?[-–]\s?(\d+(?:,\d+)?)/(\d+)\s?"
    rf"({_UNIT_NAMES})(?!\w)"
)
# "Ia H’Drai", "Cư M’gar", "người M’Nông", "Ea H'leo": a consonant and an apostrophe in a
# Central Highlands name is said with "ơ" ("Hơ Drai", "Mơ Nông"), never the letter's name
# (before a digit too, so a second pass finds nothing new: "Y'0" -> "Yơ không", never "Y'không")
_APOSTROPHE_NAME = rc.compile(r"(?<![\w'’])([BDHKMNRY])['’](?=[^\W_])")
# "Ðài Thơm 8": the Icelandic eth (U+00D0) typed for the Vietnamese Đ (U+0110)
_ETH = rc.compile(r"Ð(?=[^\W\d_])")
# "45 mẫu dương tính (+), 3.912 mẫu âm tính (-)": the sign in brackets repeats "dương/âm tính"
_RESULT_SIGN = rc.compile(r"(?<=tính) ?\(\s*[+-]\s*\)")
# "Nội dung 2:Quốc hội nghe": a colon glued to the next word after a number
_GLUED_COLON = rc.compile(r"(?<=\d):(?=[^\W\d_]{2})")

# "XPS 13 2-in-1" (set H): "hai trong một"
_IN_ONE = rc.compile(r"(?<![\w.,-])(\d)-in-(\d)(?![\w-])")
# Broker shorthand (set H): "tăng 31,3% y/y" is "so với cùng kỳ năm trước"; "q/q" the quarter before
_YEAR_ON_YEAR = rc.compile(r"(?<![\w/])(?:y/y|Y/Y|yoy|YoY|YOY)(?![\w/])")
_QUARTER_ON_QUARTER = rc.compile(r"(?<![\w/])(?:q/q|Q/Q|qoq|QoQ|QOQ)(?![\w/])")
# "tuần 27/2025", "tuần giao dịch thứ 27/2025": a week of the year, never "trên" (set J)
_WEEK_YEAR = rc.compile(
    r"(?<!\w)([Tt]uần(?: giao dịch)?(?: thứ)?\s+)(\d{1,2})/((?:19|20)\d{2})(?![\d/])"
)
# "LHS 475 b", "TOI 700 d", "Kepler-186 f": a planet's letter after its star's code, said by its
# name ("bê"), never left to the engine (set J)
_PLANET_LETTER = rc.compile(
    r"(?<![\w.])([A-Z][A-Za-z]*(?:[- ][A-Z][A-Za-z]*)?[- ]\d{1,5}) ([b-h])"
    r"(?:\.(?=\s*(?:,|[a-zà-ỹđ])))?(?![\w])"
)
# "từ ngày 12 đến 16-11": the range's end is a day and month written with a dash (set K)
_DASHED_RANGE_END = rc.compile(
    r"(?<!\w)([Nn]gày\s+\d{1,2}(?:[-/]\d{1,2})?\s+(?:đến|tới|-|–)\s+(?:ngày\s+)?)"
    r"(\d{1,2})-(\d{1,2})(?![\d/-])"
)
# "từ 28-9 đến 2-10": two dashed dates as a span's ends, no "ngày" before them (set AF)
_DASHED_DATE_SPAN = rc.compile(
    r"(?<!\w)([Tt]ừ\s+)(\d{1,2})-(\d{1,2})(\s+(?:đến|tới)\s+)(\d{1,2})-(\d{1,2})(?![\d/.,-])"
    r"(?!\s*(?:người|lần|giờ|tiếng|phút|cm|mm|m|km|kg|ha|%|độ|tuổi|triệu|tỷ|nghìn)(?!\w))"
)


def _dashed_date_span(match: re.Match[str]) -> str:
    d1, m1, d2, m2 = (int(match[i]) for i in (2, 3, 5, 6))
    if not (1 <= d1 <= 31 and 1 <= d2 <= 31 and 1 <= m1 <= 12 and 1 <= m2 <= 12):
        return match.group()
    return f"{match[1]}{d1}/{m1}{match[4]}{d2}/{m2}"


# "A320/321", "Boeing 737/747": two models of one maker, the second without its letter (set K)
_MODEL_PAIR = rc.compile(r"(?<![\w/])([A-Z]{1,2})(\d{3})/(\d{3})(?![\w/])")
# "16m50", "1m75": metres and centimetres of a height or a depth (set L)
_METRES_CM = rc.compile(r"(?<![\w.,])(\d{1,3})m(\d{2})(?!\w)")
# "Pyoljji-1-2", "Su-30-2": a model's name with two dashed numbers, no range (set L)
_MODEL_NUMBERS = rc.compile(r"(?<![\w-])([A-Z][a-z]\w*)-(\d{1,3})-(\d{1,3})(?![\w-])")
# "Ri6", "Dona7": a variety's name and its number, the letters a syllable (set L)
_SYLLABLE_CODE = rc.compile(
    r"(?<![\w.-])([A-Z][a-z]{1,4})(\d{1,2})(?![\w-]|[.,]\w)"
)  # "Bong88." (AO)
# "Đắk RMoan": a Central Highlands name written without its apostrophe, "Rơ Moan" (set L)
_GLUED_HIGHLAND = rc.compile(r"(?<![\w'’])([BDHKMNRY])([A-ZĐ][a-zà-ỹđ]+)(?![\w'’])")
# "(10/88km)", "10/88 km": a part of a whole measured in a unit, "mười trên tám mươi tám" (set M)
_PART_OF_UNIT = rc.compile(r"(?<![\w/.,])(\d{1,4})/(\d{1,4})\s?(km|ha|m|tấn|kg|MW|km2)(?![\w/])")
# "17 phút 00 giây": a zero written twice before a unit of time is one zero (set M)
_DOUBLE_ZERO = rc.compile(r"(?<![\d.,:])00(?=\s+(?:giây|phút|giờ)(?!\w))")
# "đường bộ III.3", "mục II.1": a section numbered in Roman and Arabic, "ba chấm ba" (set N)
_ROMAN_SECTION = rc.compile(r"(?<![\w.])([IVX]{1,4})\.(\d{1,2})(?![\d.,]|\w)")
# "thiên hà GN-z11": a code's capitals, a hyphen, a letter and digits, "gờ nờ dét mười một" (set N)
_CODE_LOWER = rc.compile(r"(?<![\w-])([A-Z]{2,6})-([a-z]\d{1,3})(?![\w-])")
# "mùa giải 2023/24", "V-League 2023/24": a season across two years, read as "2023-24" (set O)
_SEASON_SLASH = rc.compile(r"(?<![\d/.,])((?:19|20)(\d\d))/(\d\d)(?![\d/])")
# "chụp CT sọ não", "máy CT": the scan, said by its letters, never "chủ tịch" (set O)
# "Snapdragon 8 gen3": a chip's generation glued to its number.
_CHIP_GEN = rc.compile(r"(?<![\w-])([Gg]en)(\d)(?!\w)")
_CT_SCAN = rc.compile(
    r"(?<!\w)((?:chụp(?:\s+(?:xong|lại|ngay|thêm|phim))?|máy|phim|ảnh|cắt lớp"
    # "Siêu âm và CT ghi nhận …" (set AU): beside another scan
    r"|(?:siêu âm|x-quang|x quang|MRI|nội soi)\s*(?:và|hoặc|,))\s)CT(?!\w)"
    r"|(?<!\w)CT(?=\s+(?:sọ|ngực|bụng|phổi|não|cột sống|mạch)(?!\w))",  # "CT sọ não" (set Z)
    re.IGNORECASE,
)
# "60/30mmHg": a unit glued to a pair across a slash, set apart so it is read (set P)
_GLUED_PAIR_UNIT = rc.compile(r"(?<![\w/.,])(\d{1,3}/\d{1,3})(mmHg|km|kg|mg|ml)(?!\w)")
# "biển số 37C 34734": a plate with a space before its five-digit serial, read digit by digit
_SPACED_PLATE = rc.compile(r"(?<=\bsố\s)(\d{2}[A-Z]{1,2}\d?)\s(\d{3})(\d{2})(?![\d.,])")
# "30oC", "-2 oC": the degree sign typed as a letter o (a page that lost its superscript)
_DEGREE_O = rc.compile(r"(?<=\d)\s?[oº](?=[CF](?!\w))")
# "tỷ giá USD/VND", "cặp EUR/USD": a currency pair is one against the other, never "per"
_CURRENCIES = "|".join(sorted(CURRENCY_CODES))
_AMOUNT_BEFORE = rc.compile(r"\d[\d.,]*\s*(?:tỷ|triệu|nghìn|ngàn)?\s*$")
_CURRENCY_PAIR = rc.compile(rf"(?<![\w/])({_CURRENCIES})\s?/\s?({_CURRENCIES})(?![\w/])")


# "Galaxy AI", "Meta AI", "Gemini AI": a product's name, said by its letters ("ây ai"), not the
# field "trí tuệ nhân tạo" (a capitalized foreign word right before it)
_BRAND_AI = rc.compile(r"(?<![\w.-])([A-Z][a-z]{2,})\s+AI(?![\w-])")


def _brand_ai(match: re.Match[str]) -> str:
    if is_vietnamese_syllable(match[1].lower()):
        return match.group()  # "công nghệ AI" after a capitalized Vietnamese word: the field
    return f"{match[1]} ây ai"


def _currency_pair(match: re.Match[str]) -> str:
    if _AMOUNT_BEFORE.search(match.string, max(0, match.start() - 24), match.start()):
        return match.group()  # "25.000 VND/USD": a rate per unit, read by the slash rule
    right = "đồng Việt Nam" if match[2] == "VND" else match[2]
    return f"{match[1]} so với {right}"


def corpus_forms(text: str) -> str:
    """ "U.23" -> "U23"; "20p" -> "20 phút"; "E/V" -> "EV"; "13,7-13,8/20kg" -> "13,7 đến 13,8
    trên 20 kg"; "2:Quốc" -> "2: Quốc"; "H’Drai" -> "Hơ Drai"; "Ðài" -> "Đài";
    "dương tính (+)" -> "dương tính"; "2-in-1" -> "2 trong 1"; "y/y" -> "so với cùng kỳ năm
    trước"; "30oC" -> "30°C"; "USD/VND" -> "USD so với đồng Việt Nam";
    "Galaxy AI" -> "Galaxy ây ai"; "tuần 27/2025" -> "tuần 27 năm 2025"; "A320/321" -> "A320 và
    A321"; "ngày 12 đến 16-11" -> "ngày 12 đến 16/11"; "LHS 475 b" -> "LHS 475 bê"."""
    if "Ð" in text:
        text = _ETH.sub("Đ", text)
    if "en" in text:
        text = _CHIP_GEN.sub(r"\1 \2", text)  # "8 gen3" -> "8 gen 3" (set Z)
    if "'" in text or "’" in text:
        text = _APOSTROPHE_NAME.sub(r"\1ơ ", text)
    if "." in text:
        text = _AGE_TEAM.sub(r"U\1", text)
    text = _MINUTES_P.sub(r"\1 phút", text)
    if "/" in text:
        text = _SHIP_PREFIX.sub(r"\1\2", text)
        text = _RANGE_OVER.sub(r"\1 đến \2 trên \3 \4", text)
    if "(" in text:
        text = _RESULT_SIGN.sub("", text)
    if ":" in text:
        text = _GLUED_COLON.sub(": ", text)
    if "-in-" in text:
        text = _IN_ONE.sub(r"\1 trong \2", text)
    if any(k in text for k in ("y/y", "Y/Y", "q/q", "Q/Q", "oY", "OY", "yoy", "oQ", "OQ", "qoq")):
        text = _YEAR_ON_YEAR.sub("so với cùng kỳ năm trước", text)
        text = _QUARTER_ON_QUARTER.sub("so với quý trước", text)
    return _held_out_forms(text)


def _held_out_forms(text: str) -> str:
    """The forms held-out sets I to L taught (see ``corpus_forms``)."""
    if "/" in text:
        text = _CURRENCY_PAIR.sub(_currency_pair, text)
        text = _WEEK_YEAR.sub(r"\1\2 năm \3", text)
        text = _MODEL_PAIR.sub(r"\1\2 và \1\3", text)
    if "-" in text and "gày" in text:
        text = _DASHED_RANGE_END.sub(r"\1\2/\3", text)
    if "-" in text and "ừ" in text:
        text = _DASHED_DATE_SPAN.sub(_dashed_date_span, text)
    if "C" in text or "F" in text:
        text = _DEGREE_O.sub("°", text)
    if " b" in text or " c" in text or " d" in text or " e" in text or " f" in text:
        text = _PLANET_LETTER.sub(lambda m: f"{m[1]} {LETTER_NAMES[m[2].upper()]}", text)
    if "AI" in text:
        text = _BRAND_AI.sub(_brand_ai, text)
    return _set_l_forms(text)


def _set_l_forms(text: str) -> str:
    """ "16m50" -> "16 mét 50"; "Pyoljji-1-2" -> "Pyoljji 1 2"; "Ri6" -> "Ri 6"; "RMoan" ->
    "Rơ Moan"."""
    text = _METRES_CM.sub(r"\1 mét \2", text)
    if "/" in text:
        text = _GLUED_PAIR_UNIT.sub(r"\1 \2", text)
    if "số " in text:
        text = _SPACED_PLATE.sub(r"\1-\2.\3", text)  # "37C-347.34", as the plate rule reads it
    if "/" in text:
        text = _SEASON_SLASH.sub(
            lambda m: f"{m[1]}-{m[3]}" if int(m[3]) == (int(m[2]) + 1) % 100 else m.group(), text
        )
    if "CT" in text:
        text = _CT_SCAN.sub(r"\1xê tê", text)
    if "." in text:
        text = _ROMAN_SECTION.sub(_roman_section, text)
    if "-" in text:
        text = _CODE_LOWER.sub(r"\1 \2", text)
    if "/" in text:
        text = _PART_OF_UNIT.sub(_part_of_unit, text)
    if "00" in text:
        text = _DOUBLE_ZERO.sub("0", text)
    if "-" in text:
        text = _MODEL_NUMBERS.sub(r"\1 \2 \3", text)
    text = _SYLLABLE_CODE.sub(
        lambda m: f"{m[1]} {m[2]}" if is_vietnamese_syllable(m[1].lower()) else m.group(), text
    )
    return _GLUED_HIGHLAND.sub(_highland, text)


def _roman_section(match: re.Match[str]) -> str:
    number = roman_to_int(match[1])
    if number is None:
        return match.group()
    return f"{read_cardinal(number)} chấm {read_cardinal(int(match[2]))}"


def _part_of_unit(match: re.Match[str]) -> str:
    if int(match[1]) >= int(match[2]) or int(match[2]) <= 10:
        return match.group()  # "1/2 ha": a fraction
    return f"{match[1]} trên {match[2]} {match[3]}"


def _highland(match: re.Match[str]) -> str:
    first, rest = match[1], match[2]
    onset = (first + rest[0]).lower() in ("kh", "nh", "ng", "gh", "ph", "th", "tr", "ch")
    if onset or len(rest) < 3 or not is_vietnamese_syllable(rest.lower()):
        return match.group()  # "KHả", "NHư": a word in capitals half lowered, no name
    return f"{first}ơ {rest}"


# "HN-Phú Quốc", "TP.HCM-Phan Thiết": an acronym glued by a hyphen to a capitalized Vietnamese
# word is two names (a route), never one code to spell ("hát nờ pê hát ú") (heldout15)
_ACRONYM_WORD = rc.compile(
    r"(?<![\w-])((?:[A-ZĐ]+\.)?[A-ZĐ]{2,})-(?=([A-ZĐÀ-Ỹ][a-zà-ỹđ]+)(?![\w-]))"
)


# "Bộ GD- ĐT": a known pair of acronyms split by a stray space (set N)
_SPLIT_PAIR = rc.compile(r"(?<![\w-])([A-ZĐ&]{2,})-\s+([A-ZĐ]{2,})(?![\w-])")


def acronym_word_hyphens(text: str, known: Callable[[str], bool] = lambda _token: False) -> str:
    """ "HN-Phú Quốc" -> "HN - Phú Quốc" (the dash rule reads the pause; "VN-Index" and a
    lexicon entry such as "TT-Huế" stay); "GD- ĐT" -> "GD-ĐT" when the lexicon knows it."""
    if "-" not in text:
        return text
    text = _SPLIT_PAIR.sub(
        lambda m: f"{m[1]}-{m[2]}" if known(f"{m[1]}-{m[2]}") else m.group(), text
    )

    def split(match: re.Match[str]) -> str:
        if not is_vietnamese_syllable(match[2].lower()) or known(f"{match[1]}-{match[2]}"):
            return match.group()
        return f"{match[1]} - "

    return _ACRONYM_WORD.sub(split, text)
