"""Written forms found on set E (issue #12): number groups, pairs across a slash, section numbers,
ranges with the unit on both sides, datelines. Small pure ``str -> str`` rules, as rules.py."""

from __future__ import annotations

import itertools
import re

from audionews import regexcache as rc
from audionews.normalize.numbers import read_cardinal
from audionews.normalize.rules import UPPER
from audionews.normalize.vietnamese import is_vietnamese_syllable

__all__ = [
    "caps_words",
    "dash_date_ranges",
    "datelines",
    "english_grouped_units",
    "pairs_across_slash",
    "repeated_unit_ranges",
    "section_numbers",
    "time_zones",
]

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"

# "5,160 mAh", "10,000 Rs", "1,299 USD", "$1,299": after these units a comma before exactly three
# digits is an English thousands separator (a battery, a price in rupees or dollars never has
# three decimals); "5,160 km" stays a Vietnamese decimal (page-wide detection decides it).
# A price in đồng right before its unit never has three decimals either ("4,400 đ/kg" on a rice
# page is 4.400 đồng; corpus sweep), spaced or glued ("82,436đ/cp", set H); "1,250 tỷ đồng" (a
# multiplier between) and "1,5đ" (not a group of three) stay decimals.
# People and other things counted whole (set L: "351,848 thí sinh"): never three decimals.
_COUNTED_WHOLE = (
    r"thí sinh|học sinh|sinh viên|người|hộ|ca mắc|ca bệnh|ca|bệnh nhân|lượt|khách|cử tri"
    r"|lao động|công nhân|doanh nghiệp|trường hợp|xe|căn hộ|căn|đơn vị|vụ"
)
_GROUPED_UNITS = (
    r"mAh|Wh|Rs\.?|INR|rupee|USD|EUR|GBP|đô la|won|yên|đồng|đ|VNĐ|VND|vnđ"
    rf"|[Yy]uan|CNY|RMB|NDT|[Nn]hân dân tệ|{_COUNTED_WHOLE}"
)
_GROUP = r"\d{1,3}(?:,\d{3})+"
_GROUPED_AFTER = rc.compile(
    # "4,500-4,600 đ/kg", "từ 1,000 đến 1,500 đồng/kg" (set AV): the range's first end too
    rf"(?<![\w.,/])({_GROUP})(?:(\s?[-–]\s?|\s+đến\s+)({_GROUP}))?(?!\d|[.,]\d)"
    rf"(?=\s?(?:{_GROUPED_UNITS})(?!\w))"
)
_GROUPED_BEFORE = rc.compile(
    r"(?<![\w])((?:\$|₹|Rs\.?|US\$)\s?)(\d{1,3}(?:,\d{3})+)(?![\w]|[.,]\d)"
)


# "75,21 USD" in the same text: its amounts are written with decimal commas (set N: "70,391 USD"
# a barrel of petrol beside "75,21 USD" is seventy point three nine one)
_COMMA_DECIMAL_AMOUNT = rc.compile(
    rf"(?<![\d.,])\d+,\d{{1,2}}(?![\d.,])\s?(?:{_GROUPED_UNITS})(?!\w)"
)
_COMMA_THREE = rc.compile(r"(?<![\d.,])\d{1,3},\d{3}(?![\d.,])")
_PER_BARREL = rc.compile(r"\s?(?:USD|đô la(?: Mỹ)?)\s*(?:/|một|mỗi|cho một)\s*thùng(?!\w)")
_MONEY = rc.compile(r"USD|EUR|GBP|đô la|won|yên|Rs|INR|rupee|[Yy]uan|CNY|RMB|NDT|[Nn]hân dân tệ")


# "Dow Jones futures giảm 1,007 điểm" (set AS): a foreign index's points after its name, in the
# same clause, with a comma before exactly three digits are thousands (its moves and levels run
# in hundreds and thousands; a Vietnamese index writes "1.207,5 điểm")
_FOREIGN_INDEX_POINTS = rc.compile(
    r"((?:Dow Jones|Dow|Nasdaq|S&P 500|S&P|Nikkei 225|Nikkei|FTSE 100|DAX|Hang Seng|Kospi)"
    r"[^.;!?\d]{0,50}(?<![\w.,]))(\d{1,3}(?:,\d{3})+)(?![\d]|[.,]\d)(?=\s?điểm(?!\w))"
)


def english_grouped_units(text: str) -> str:
    """ "5,160 mAh" -> "5.160 mAh", "$1,299" -> "$1.299", "4,500-4,600 đ/kg" -> "4.500-4.600 đ/kg"
    (an English thousands group); a foreign amount stays a decimal when the text writes another
    one with a decimal comma ("70,391 USD" beside "75,21 USD")."""
    if "," not in text:
        return text
    decimals = _COMMA_DECIMAL_AMOUNT.search(text) is not None or any(
        _PER_BARREL.match(text, m.end()) for m in _COMMA_THREE.finditer(text)
    )  # "49,010 USD/thùng … và 184,789 USD/tấn mazut" (set AW): one bulletin, decimal commas

    def group(match: re.Match[str]) -> str:
        unit = text[match.end() : match.end() + 12].lstrip()
        if decimals and _MONEY.match(unit):
            return match.group()
        if _PER_BARREL.match(text, match.end()):
            return match.group()  # "70,661 USD/thùng": a barrel's price, three decimals (set V)
        return match.group().replace(",", ".")

    text = _GROUPED_AFTER.sub(group, text)
    text = _FOREIGN_INDEX_POINTS.sub(lambda m: m[1] + m[2].replace(",", "."), text)
    return _GROUPED_BEFORE.sub(lambda m: m.group(1) + m.group(2).replace(",", "."), text)


# --- pairs and lists across a slash
_YEAR = r"(?:19|20)\d\d"
_YEAR_LIST = rc.compile(rf"(?<![\w/.,])({_YEAR})((?:\s*/\s*{_YEAR})+)(?![\w/]|[.,]\d)")
_SEASON_BEFORE = rc.compile(
    r"(?:năm học|niên khóa|niên khoá|niên học|mùa giải|mùa vụ|khóa|khoá|vụ"
    r"|(?:V|Premier |Champions |Europa |J|K)-?League|vê lích|Ngoại hạng Anh|La Liga|Serie A"
    r"|Bundesliga)\s*$",
    re.IGNORECASE,  # "V-League 2024/2025": a season (set AI)
)
# A cup or a tournament named in capitals, its sponsor after a dash ("Cúp Quốc gia - LPBank
# 2025/2026", set BH); the name runs at most 30 characters with no clause mark.
_COMPETITION_BEFORE = rc.compile(r"\b(?:Cúp|Giải|Cup|Tour)\b[^.,;:!?()\n]{0,30}$")
# People and things counted out of a total: "2045/2046 học sinh" is no pair of years.
_COUNTED_AFTER = rc.compile(
    rf"\s*(?:{_COUNTED_WHOLE}|em|đại biểu|thành viên|trường|xã|phường|huyện|tỉnh|hồ sơ|phiếu"
    r"|mẫu|dự án|công trình)(?!\w)"
)
_PERCENT = rf"(?:{_NUM})\s?%"
_PERCENT_LIST = rc.compile(rf"(?<![\w/.,])({_PERCENT})((?:\s*/\s*{_PERCENT})+)(?![\w/]|[.,]\d)")
_SLASH_SPLIT = rc.compile(r"\s*/\s*")
# "32GB/64GB/128GB", "8/12MP": values of one unit glued across slashes are a list (set L)
_GLUED_UNIT = r"GB|TB|MB|MP|mAh|W|kW|Hz|GHz|inch|mm|cm|kg|lít|ml"
_UNIT_LIST = rc.compile(
    rf"(?<![\w/.,])(\d+(?:[.,]\d+)?\s?({_GLUED_UNIT}))((?:\s*/\s*\d+(?:[.,]\d+)?\s?\2)+)"
    r"(?![\w/])"
)


def _listed(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " và " + items[-1]


def pairs_across_slash(text: str) -> str:
    """Values across a slash are a list, not a fraction: "năm 2025/2026" -> "năm 2025 và 2026",
    "28%/23%/20%" -> "28%, 23% và 20%"; a school year or a season "năm học 2025/2026" ->
    "2025 đến 2026", as the house reads "năm học 2025-2026"."""
    if "/" not in text:
        return text

    def years(match: re.Match[str]) -> str:
        items = [match.group(1), *_SLASH_SPLIT.split(match.group(2).strip())[1:]]
        values = [int(v) for v in items]
        if any(not a < b <= a + 10 for a, b in itertools.pairwise(values)):
            return match.group()
        if _COUNTED_AFTER.match(text, match.end()):
            return match.group()  # "có 2045/2046 học sinh" (set BI): a count out of a total
        before = text[max(0, match.start() - 45) : match.start()]
        season = _SEASON_BEFORE.search(before[-20:]) or _COMPETITION_BEFORE.search(before)
        if season and len(values) == 2 and values[1] == values[0] + 1:
            return f"{items[0]} đến {items[1]}"  # as the house reads "năm học 2024-2025"
        return _listed(items)

    def percents(match: re.Match[str]) -> str:
        return _listed([match.group(1), *_SLASH_SPLIT.split(match.group(2).strip())[1:]])

    text = _YEAR_LIST.sub(years, text)
    text = _UNIT_LIST.sub(
        lambda m: _listed([m.group(1), *_SLASH_SPLIT.split(m.group(3).strip())[1:]]), text
    )
    return _PERCENT_LIST.sub(percents, text) if "%" in text else text


# --- section numbers: "2.1 Tra cứu", "2.2. Giấy triệu tập" at the start of a line
_SECTION = rc.compile(rf"(?:^|(?<=\n))(\d{{1,2}}(?:\.\d{{1,2}}){{1,3}})\.?\s+(?=[{UPPER}])")


def section_numbers(text: str) -> str:
    """A section number starting a line is read with "chấm": "2.1 Tra cứu" -> "hai chấm một,
    Tra cứu" (never "hai phẩy một")."""
    if "." not in text:
        return text

    def section(match: re.Match[str]) -> str:
        parts = match.group(1).split(".")
        return " chấm ".join(read_cardinal(int(p)) for p in parts) + ", "

    return _SECTION.sub(section, text)


# --- a range with the unit written on both sides: "1.250 điểm - 1.275 điểm"
_REPEATED_UNIT_RANGE = rc.compile(
    # "135 tỷ USD- 150 tỷ USD" (set BN): the unit read out already ("tỷ đô la Mỹ")
    rf"(?<![\w.,/])((?:{_NUM})\s+([^\W\d_]+(?:\s[^\W\d_]+){{0,3}}(?:/[^\W\d_]+(?:\s[^\W\d_]+){{0,2}})?))"
    rf"\s*-\s*(?=(?:{_NUM})\s+\2(?!\w))"
)  # "1.250 điểm - 1.275 điểm"; "2 năm tù - 16 năm tù" (set P); "11.500 đồng/kg - 12.500 đồng/kg"


def repeated_unit_ranges(text: str) -> str:
    """ "1.250 điểm - 1.275 điểm" -> "1.250 điểm đến 1.275 điểm"."""
    if "-" not in text:
        return text
    return _REPEATED_UNIT_RANGE.sub(r"\1 đến ", text)


# --- a date range across a dash: "Từ ngày 17/9/2021 - ngày trước 17h00 ngày 26/9/2021"
_DASH_DATE_RANGE = rc.compile(
    r"(?<!\w)([Tt]ừ\s+(?:ngày\s+)?\d{1,2}/\d{1,2}(?:/\d{4})?)\s+-\s+(?=(?:ngày|hết|\d))"
)


def dash_date_ranges(text: str) -> str:
    """ "Từ ngày 17/9/2021 - ngày 26/9/2021" -> "... đến ngày ..." (a spaced dash after "từ")."""
    if "-" not in text:
        return text
    return _DASH_DATE_RANGE.sub(r"\1 đến ", text)


# --- time zones after a clock time: "10:19 sáng ET"
_TIME_ZONES = {
    "ET": "giờ miền Đông nước Mỹ",
    "EST": "giờ miền Đông nước Mỹ",
    "PT": "giờ miền Tây nước Mỹ",
}
_TIME_ZONE = rc.compile(
    r"(?<=\d)(\s*(?:h|giờ)?\s*(?:sáng|trưa|chiều|tối|đêm)?\s+)(ET|EST|PT)(?![\w&]|[-.]\w)"
)


def time_zones(text: str) -> str:
    """ "lúc 10:19 sáng ET" -> "lúc 10:19 sáng, giờ miền Đông nước Mỹ"."""
    if "T" not in text:
        return text
    return _TIME_ZONE.sub(lambda m: f"{m.group(1).rstrip()}, {_TIME_ZONES[m.group(2)]}", text)


# --- datelines and runs of words in capitals
_DATELINE = rc.compile(rf"(?:^|(?<=\n))((?:[A-Z]{{2,}}\s){{0,2}}[A-Z]{{2,}})(?=,\s+[{UPPER}][a-z])")


# The outlet's tag after a dateline, "(NV) -", "(BĐT) -": not read, as a newsreader skips it.
_DATELINE_TAG = rc.compile(
    rf"(?:^|(?<=\n))([{UPPER}][^\W\d_]*(?:\s[{UPPER}][^\W\d_]*){{0,2}},"
    rf"(?:\s[{UPPER}][^\W\d_]*){{1,3}})\s\([{UPPER}]{{2,4}}\)(?=\s*-\s)"
)


def datelines(text: str) -> str:
    """A dateline in capitals before its state or country is a place name: "SANTA ANA,
    California (NV) -" -> "Santa Ana, California -" (title case, read as words; the outlet's
    tag in brackets is not read)."""
    text = _DATELINE.sub(lambda m: " ".join(w.capitalize() for w in m.group(1).split()), text)
    return _DATELINE_TAG.sub(r"\1", text) if "(" in text else text


_CAPS_RUN = rc.compile(rf"(?<![\w&.-])[{UPPER}]+(?:\s+[{UPPER}]+)+(?![\w&]|[-.]\w)")


def _syllable_tail(run: str) -> str:
    """ "CP ĐẦU TƯ HẢI PHÁT": after an acronym, three words or more in capitals, all Vietnamese
    syllables and two with a Vietnamese mark, are words ("đầu tư", not "đầu Trung ương");
    "BCH TƯ ĐẢNG" is too short to tell."""
    words = run.split(" ")
    start = len(words)
    while start > 0 and len(words[start - 1]) >= 2 and is_vietnamese_syllable(words[start - 1]):
        start -= 1
    tail = words[start:]
    if len(tail) < 3 or sum(not w.isascii() for w in tail) < 2:
        return run
    return " ".join([*words[:start], *(w.lower() for w in tail)])


def caps_words(text: str) -> str:
    """A run of words in capitals that are all Vietnamese syllables, one with a Vietnamese
    mark, is words: "KHẢ QUAN" -> "khả quan" (not "khả quy u a nờ")."""
    if text.isascii():
        return text

    def lower(match: re.Match[str]) -> str:
        words = match.group().split()
        syllables = all(len(w) >= 2 and is_vietnamese_syllable(w) for w in words)
        if syllables and not all(
            w.isascii() or (w.startswith("Đ") and w[1:].isascii()) for w in words
        ):
            return match.group().lower()
        return _syllable_tail(match.group())

    return _CAPS_RUN.sub(lower, text)
