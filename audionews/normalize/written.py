"""Written forms found on set F (issue #12): the national motto, an outlet's tag at the start of
a paragraph, Roman numeral headings, version numbers, month-year ranges across a dash, a number
with a dot glued to a unit the unit table does not know. Small pure ``str -> str`` rules, as
rules.py."""

from __future__ import annotations

import re

from audionews import regexcache as rc
from audionews.names import FAMILY_NAMES, OUTLET_NAMES, OUTLET_WORDS, is_outlet_name
from audionews.normalize.lexicon import longest_first
from audionews.normalize.numbers import read_cardinal, roman_to_int
from audionews.normalize.rules import UPPER
from audionews.normalize.units import UNITS
from audionews.normalize.vietnamese import is_vietnamese_syllable

__all__ = [
    "glued_dot_units",
    "month_year_ranges",
    "motto",
    "outlet_tags",
    "roman_headings",
    "version_numbers",
]

# --- the national motto of a letterhead: said with its pauses, never as one name
_MOTTO = rc.compile(r"(?<!\w)(Độc lập)\s*-\s*(Tự do)\s*-\s*(Hạnh phúc)(?!\w)", re.IGNORECASE)


def motto(text: str) -> str:
    """ "Độc lập - Tự do - Hạnh phúc" -> "Độc lập, Tự do, Hạnh phúc" (the dash-name rule would
    read it as one name, without pauses)."""
    if "-" not in text:
        return text
    return _MOTTO.sub(r"\1, \2, \3", text)


# --- an outlet's tag opening a paragraph: "(CHG) Ngày 29/9, ...", "(PL)- Theo ...",
# "(Baoquangngai)- Theo ...": not read, as a newsreader skips it (the tag after a dateline is
# forms.datelines's). An acronym in capitals before a capital, or one ASCII word before a dash.
_OUTLET_TAG = rc.compile(  # "(NĐ&ĐS) -" (set AZ): two titles' initials, "Nhân đạo & Đời sống"
    rf"(?:^|(?<=\n))\((?:(?:[{UPPER}]{{1,4}}&)?[{UPPER}]{{2,6}}(?=\)\s*-?\s*[{UPPER}])|[A-Z][a-z]{{2,}}(?:\.vn)?(?=\)\s*-))"
    rf"\)\s*-?\s*(?=[{UPPER}])"
)


# "(VTC News) -", "(Dân trí) - Sáng nay …": a known outlet's name in brackets with its dash (set J)
_NAMED_TAG = rc.compile(r"(?:^|(?<=\n))\(([^()\n]{2,30})\)\s*[-–]\s*")


# "(LĐ online) -" (set AW): an outlet's initials and its web edition's word
_ONLINE_TAG = rc.compile(rf"[{UPPER}][{UPPER}&.]{{0,7}}\s+(?:online|Online|news|News|TV)")


def outlet_tags(text: str) -> str:
    """ "(CHG) Ngày 29/9, TAND ..." -> "Ngày 29/9, TAND ..."; "(VTC News) -" -> ""."""
    if not text.startswith("(") and "\n(" not in text:
        return text
    text = _NAMED_TAG.sub(
        lambda m: "" if is_outlet_name(m[1]) or _ONLINE_TAG.fullmatch(m[1]) else m.group(), text
    )
    return _OUTLET_TAG.sub("", text)


# "TTXVN - Sau ba ngày …": the news agency's tag opening a paragraph, without brackets (set K)
# ... and an outlet's short tag the same way ("TPO - ", "GĐXH - ", set M); the one-word names
# the article parser knows as outlets ("Kinhtedothi", "TCCSĐT") are tags here too.
_AGENCIES = (
    "TTXVN/VNA", "TTXVN", "GĐXH", "PLO", "SGGP", "ANTD.VN", "VOV", "GNO", "KTĐT", "BNEWS", "VNE",
    "TPO.VN", "VietTimes", "TP",  # "TP -": Tiền Phong's print tag (AN); more in OUTLET_WORDS
)  # fmt: skip
_TAGS = longest_first({*_AGENCIES, *OUTLET_WORDS, *(n for n in OUTLET_NAMES if " " not in n)})
_AGENCY_TAG = rc.compile(
    rf"(?:^|(?<=\n))(?:{'|'.join(re.escape(a) for a in _TAGS)}"
    rf"|[{UPPER}][{UPPER}0-9]{{1,11}}\.(?:VN|vn|Vn)"  # "HNN.VN -" (set Q)
    r"|[A-Z][a-z0-9]{2,20}\.(?:com\.vn|vn|net|org\.vn))"  # "Baovannghe.vn -" (set BI)
    rf"\s*[-–]\s+(?=[{UPPER}\d])"
)


def agency_tags(text: str) -> str:
    """ "TTXVN - Sau ba ngày …" -> "Sau ba ngày …"; "TPO - Chiều nay …" -> "Chiều nay …"."""
    return _AGENCY_TAG.sub("", text)


# --- a Roman numeral heading at the start of a line: "I. CÁC THÔNG SỐ", "II. Tình hình chung",
# "I- MỤC TIÊU"
_ROMAN_HEADING = rc.compile(rf"(?:^|(?<=\n))([IVX]{{1,4}})(?:\.|\s?-)\s+(?=([{UPPER}][^\W\d_]*))")


def roman_headings(text: str) -> str:
    """ "I. CÁC THÔNG SỐ" -> "Một. CÁC THÔNG SỐ" (the numeral read as a number, as "Phần I" is
    "Phần một"). A single letter only before a Vietnamese word that is no family name in
    title case ("V. Putin", "V. Lê Văn Hùng" are initials; "V. KẾT LUẬN" is a heading)."""
    if ". " not in text and "- " not in text and ".\n" not in text:
        return text

    def heading(match: re.Match[str]) -> str:
        numeral, word = match.group(1), match.group(2)
        value = roman_to_int(numeral)
        if value is None or (len(numeral) == 1 and not is_vietnamese_syllable(word)):
            return match.group()
        if len(numeral) == 1 and not word.isupper() and word.casefold() in FAMILY_NAMES:
            return match.group()  # "V. Lê Văn Hùng": an initial before a family name
        spoken = read_cardinal(value)
        return f"{spoken[:1].upper()}{spoken[1:]}. "

    return _ROMAN_HEADING.sub(heading, text)


# --- version numbers: "UFS 4.0", "Bluetooth 5.3", "công nghiệp 4.0" -> "bốn chấm không"
_VERSIONED = (
    r"UFS|USB|Bluetooth|Wi-?Fi|WiFi|HDMI|PCIe|LPDDR\d?X?|DDR\d?|Thunderbolt|Android|iOS|"
    r"iPadOS|macOS|watchOS|Windows|One UI|HyperOS|MIUI|ColorOS|EMUI|OriginOS|HTML|Python|Web|"
    r"ChatGPT|GPT|"  # "ChatGPT-5.2" (set BM)
    r"Gemini|Claude|Llama|Grok|DeepSeek|"  # "Gemini 2.5 Pro" (set BF)
    r"[Pp]hiên bản|[Vv]ersion|[Cc]ông nghiệp|[Ii]ndustry|[Cc]huẩn|[Ll]ogistics|[Gg]iáo dục"
)
_VERSION = rc.compile(
    rf"(?<![\w.-])({_VERSIONED})(?:\s+|-)(\d{{1,2}})((?:\.\d{{1,2}}){{1,2}})(?![\w]|[.,]\d)"
)


def version_numbers(text: str) -> str:
    """A version after the name it numbers is read with "chấm": "UFS 4.0" -> "UFS bốn chấm
    không", "Bluetooth 5.3" -> "Bluetooth năm chấm ba" (never "bốn phẩy không")."""
    if "." not in text:
        return text

    def version(match: re.Match[str]) -> str:
        parts = [match.group(2), *match.group(3).split(".")[1:]]
        return f"{match.group(1)} " + " chấm ".join(read_cardinal(int(p)) for p in parts)

    return _VERSION.sub(version, text)


# --- a month-year range across a dash: "Từ tháng 9/2020 - 2/2021" -> "... đến tháng 2/2021"
_MONTH_YEAR_RANGE = rc.compile(
    r"(?<!\w)([Tt]háng\s+\d{1,2}/(?:19|20)\d\d)\s*-\s*(?:tháng\s+)?"
    r"(?=\d{1,2}/(?:19|20)\d\d(?![\w/]|[.,]\d))"
)


def month_year_ranges(text: str) -> str:
    """ "Từ tháng 9/2020 - 2/2021" -> "Từ tháng 9/2020 đến tháng 2/2021"."""
    if "-" not in text or "háng" not in text:
        return text
    return _MONTH_YEAR_RANGE.sub(r"\1 đến tháng ", text)


# --- a number with a dot glued to a unit the unit table does not know: "1.3Ghz", "20.000DWT"
_GLUED_DOT_NUMBER = rc.compile(
    r"(?<![\w.,/])(\d{1,3}(?:\.\d{3})+|\d+\.\d{1,2})([A-Za-z]{1,6})(?![\w]|[.,]\d)"
)


def glued_dot_units(text: str) -> str:
    """ "1.3Ghz" -> "1.3 Ghz", "20.000DWT" -> "20.000 DWT": the number is read whole (twenty
    thousand, one point three) and the unit after it; a known unit is the unit rule's."""
    if "." not in text:
        return text

    def split(match: re.Match[str]) -> str:
        if match.group(2) in UNITS:
            return match.group()
        return f"{match.group(1)} {match.group(2)}"

    return _GLUED_DOT_NUMBER.sub(split, text)


# "so với cùng kỳ năm trước (so với cùng kỳ năm trước)": an abbreviation in brackets after its own
# meaning, already read by a rule ("(YoY)", set AS), is heard once
_ECHOED_BRACKET = rc.compile(r"(?<!\w)((?:\w+ ){2,9}\w+)\s*\((\1)\)", re.IGNORECASE)


def echoed_brackets(text: str) -> str:
    """ "so với quý trước (so với quý trước)" -> "so với quý trước"."""
    if "(" not in text:
        return text
    # a name in both ("Thành phố Sóc Trăng (TP. Sóc Trăng)") says where: kept
    return _ECHOED_BRACKET.sub(lambda m: m[0] if m[2].lower() != m[2] else m[1], text)
