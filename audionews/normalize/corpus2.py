"""Written forms found by the second corpus sweep (heldout9-heldout22, issue #12): a slash with
a space before a count, English thousands with a trailing zero, a count or a batch across a
slash, initials before a transcribed foreign name, titles glued to their organ by a dot, dates
written with dashes, scores of sets, credits. Small pure ``str -> str`` rules, as rules.py."""

from __future__ import annotations

import re

from audionews.normalize.numbers import read_cardinal
from audionews.normalize.vietnamese import LETTER_NAMES, is_vietnamese_syllable

__all__ = ["early_forms", "late_forms"]

# "04 vụ án hình sự/ 05 bị cáo": a slash then a space then a count pairs two counts; a pause,
# never "per" (was "hình sự một năm bị cáo": "05" heard as a year)
_SLASH_SPACE_COUNT = re.compile(r"(?<=[^\W\d_])/\s+(?=\d{1,3}(?!\d)(?![.,]\d)\s+[^\W\d_])")
# "6,000-6,200 tại ruộng", "gần 5,780 tỷ đồng": after a comma, "000", a range of two groups
# ending in zero, or a group ending in zero before an amount of đồng are English thousands (a
# Vietnamese decimal drops its trailing zero; was "sáu phẩy không không không": a price heard
# as six); "5,160 km" alone stays a decimal
_GROUP = r"(?<![\w.,])[1-9]\d{0,2},\d\d0(?![\w]|[.,]\d)"
_TRAILING_ZERO_GROUP = re.compile(
    rf"(?<![\w.,])[1-9]\d{{0,2}},000(?![\w]|[.,]\d|\s?%)"
    rf"|{_GROUP}(?=\s?[-–]\s?{_GROUP})|(?<=[-–]){_GROUP}|(?<=[-–]\s){_GROUP}"
    rf"|{_GROUP}(?=\s?(?:(?:tỷ|tỉ|triệu|nghìn|ngàn)\s)?(?:đồng|đ)(?!\w))"
)
# ... unless the text writes Vietnamese numbers beside it ("18.983,9MW ... 393,090 triệu kWh")
_VIETNAMESE_NUMBERS = re.compile(r"\d\.\d{3}(?!\d)|(?<![\d.,])\d+,\d{1,2}(?![\d.,])")
# "tháng 12/ 2012": a space after the slash of a month and year
_MONTH_SLASH_SPACE = re.compile(r"(?<!\w)([Tt]háng\s+\d{1,2})/\s+(?=(?:19|20)\d\d(?!\d))")
# "cổ tức đợt 1/2023", "lần IX/2022", "lần thứ I/2019": a batch or a round of a year, never
# "tháng một" or "trên" (was "đợt tháng một năm ...": a batch heard as January)
_BATCH_YEAR = re.compile(
    r"(?<!\w)((?:[Đđ]ợt|[Ll]ần(?: thứ)?|[Kk]ỳ|[Kk]hóa|[Kk]hoá)\s+)(\d{1,2}|[IVX]{1,5})/"
    r"((?:19|20)\d\d)(?![\d/])"
)
# "(1-1-1997 – 1-1-2017)", "(3.2.1930 - 3.2.2018)": two full dates with a dash between them
# are a span, "đến" (was a pause)
_FULL_DATE_RANGE = re.compile(
    r"(?<![\w.,/-])(\d{1,2}([.-])\d{1,2}\2(?:19|20)\d\d)\s[-–]\s"
    r"(?=\d{1,2}([.-])\d{1,2}\3(?:19|20)\d\d(?![\d.-]\d))"
)
# "ngày 27- 11": a date with a space on one side of its dash (was "hai mươi bảy đến mười một")
_ONE_SIDED_DASH_DATE = re.compile(
    r"(?<!\w)((?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Hh]ôm)\s+)"
    r"(0?[1-9]|[12]\d|3[01])(?:\s-|-\s)(0?[1-9]|1[0-2])(?![\d/.-]|,\d|\s+tháng)"
)
# "(28-30, 23-25, 25-19, 28-26 và 15-8)": the points of each set after a match result, scores
# (was "hai mươi tám đến ba mươi": a score heard as a range)
_PAIR = r"\d{1,2}-\d{1,2}"
_SET_SCORES = re.compile(rf"\(\s*({_PAIR}(?:\s*(?:,|và)\s*{_PAIR}){{2,}})\s*\)")
_SCORE_PAIR = re.compile(r"(\d{1,2})-(\d{1,2})")
# "thắng đội TX.Thuận An 5 - 1": a spaced pair falling from a larger to a smaller number is a
# score, never a range (ranges rise); "Indonesia - Việt Nam 1-3:" a result after two names
_FALLING_PAIR = re.compile(r"(?<![\w.,/-])(\d{1,2})\s[-–]\s(\d{1,2})(?![\w.,/%-]|\s*(?:%|giờ|h\b))")
_NAME = r"[A-ZĐ][^\W\d_]*(?:\s[A-ZĐ][^\W\d_]*){0,2}"
_TEAMS_RESULT = re.compile(rf"(?m)^({_NAME}\s[-–]\s{_NAME}\s)(\d{{1,2}})-(\d{{1,2}})(?=\s*[:,])")
# "Đ/c", "T/h: Hải Thanh" (a credit line: "tổng hợp")
_CREDIT_TH = re.compile(r"(?<![\w/])T/[Hh](?=\s*[:)]|\s*$)")
# "SE1/SE2", "NA1/NA2": a pair of trains (codes with digits), a pause, never "trên"
_CODE_PAIR = re.compile(r"(?<![\w/.-])([A-Z]{1,4}\d{1,3})/([A-Z]{1,4}\d{1,3})(?![\w/])")
# "(SN1984, quê ...)": "SN" glued to a year of birth
_SN_YEAR = re.compile(r"(?<![\w])SN(?=(?:19|20)\d\d(?!\d))")
# "P.La-vi-na", "R.Đu-téc-tê", "G.Pô": an initial before a name transcribed the Vietnamese way
# is a letter (was "Phường La-vi-na", "gờ pê ô")
_FOREIGN_INITIAL = re.compile(
    r"(?<![\w.])([A-ZĐ])\.(?=[A-ZĐ][a-zà-ỹđ]+-[a-zà-ỹđ])"
    r"|(?<![\w.])([BDGLMNRSV])\.([A-ZĐ][a-zà-ỹđ]{1,6})(?![\w.-])"
)
# "PCT.UBND xã", "P.CT.UBND phường": a title glued by a dot to its organ
_TITLE_DOT_ORGAN = re.compile(r"(?<![\w.])P\.?CT\.(?=(?:UBND|HĐND|UBMTTQ)(?!\w))")
_ACRONYM_DOT_ACRONYM = re.compile(
    r"(?<![\w.])([A-ZĐ]{2,6})\.(?!(?:VN|COM|NET|ORG|GOV|EDU|INFO|TV|IO)(?![\w.]))([A-ZĐ]{2,6})(?![\w.])"
)  # not a web address "VOV.VN"
# "đạt 100,13% KH": a plan, not "khách hàng"; "Phó Chủ tịch TT HĐND": "thường trực", not the
# town ("thị trấn")
_PLAN_KH = re.compile(r"(?<=%\s)KH(?!\w)|(?<=\bđạt\s)KH(?!\w)")
# "UV BTV Tỉnh ủy": a member of the standing board ("tia UV" stays the ultraviolet)
_MEMBER_UV = re.compile(r"(?<!\w)UV(?=\s+(?:BTV|BCH|TW|Ban)(?!\w))")
_STANDING_TT = re.compile(r"(?<!\w)((?:Phó )?(?:Chủ tịch|Bí thư|Trưởng ban))\s+TT(?=\s+[A-ZĐ]{2})")
# "tàu ... số hiệu KG: 90892 TS": the colon between a boat's province code and its number
_BOAT_COLON = re.compile(r"(?<![\w])([A-ZĐ][A-ZĐa-z]{0,2}):\s(?=\d{4,5}\s?TS(?!\w))")


def _letter(letter: str) -> str:
    return LETTER_NAMES.get(letter.lower(), letter)


def _foreign_initial(match: re.Match[str]) -> str:
    if match.group(1):
        return _letter(match.group(1)) + " "
    if not is_vietnamese_syllable(match.group(3).lower()):
        return match.group()  # "V.League": a name of its own
    return f"{_letter(match.group(2))} {match.group(3)}"


def _batch_year(match: re.Match[str]) -> str:
    return f"{match.group(1)}{match.group(2)} năm {match.group(3)}"


def _set_scores(match: re.Match[str]) -> str:
    inner = _SCORE_PAIR.sub(
        lambda m: f"{read_cardinal(int(m[1]))} {read_cardinal(int(m[2]))}", match.group(1)
    )
    return f"({inner})"


def _one_sided_dash_date(match: re.Match[str]) -> str:
    return f"{match.group(1)}{match.group(2)}-{match.group(3)}"


def _falling_pair(match: re.Match[str]) -> str:
    a, b = int(match.group(1)), int(match.group(2))
    if a <= b:
        return match.group()
    return f"{read_cardinal(a)} {read_cardinal(b)}"


def _teams_result(match: re.Match[str]) -> str:
    return (
        f"{match.group(1)}{read_cardinal(int(match.group(2)))} {read_cardinal(int(match.group(3)))}"
    )


def early_forms(text: str) -> str:
    """Before the dates and numbers: "hình sự/ 05 bị cáo" -> "hình sự, 05 bị cáo"; "6,000" ->
    "6.000"; "đợt 1/2023" -> "đợt 1 năm 2023"; "(1-1-1997 – 1-1-2017)" -> "... đến ..."; "ngày
    27- 11" -> "ngày 27-11"; set scores; "T/h:" -> "Tổng hợp:"; "SE1/SE2" -> "SE1, SE2"; "SN1984"
    -> "SN 1984"; "P.La-vi-na" -> "pê La-vi-na"; "PCT.UBND" -> "phó chủ tịch UBND"."""
    if "/" in text:
        text = _SLASH_SPACE_COUNT.sub(", ", text)
        text = _MONTH_SLASH_SPACE.sub(r"\1/", text)
        text = _BATCH_YEAR.sub(_batch_year, text)
        text = _CREDIT_TH.sub("Tổng hợp", text)
        text = _CODE_PAIR.sub(r"\1, \2", text)
    if "," in text and not _VIETNAMESE_NUMBERS.search(text):
        text = _TRAILING_ZERO_GROUP.sub(lambda m: m.group().replace(",", "."), text)
    if "-" in text or "–" in text:
        text = _FULL_DATE_RANGE.sub(r"\1 đến ", text)
        text = _ONE_SIDED_DASH_DATE.sub(_one_sided_dash_date, text)
        text = _SET_SCORES.sub(_set_scores, text)
        text = _FALLING_PAIR.sub(_falling_pair, text)
        text = _TEAMS_RESULT.sub(_teams_result, text)
    if "SN" in text:
        text = _SN_YEAR.sub("SN ", text)
    if "." in text:
        text = _FOREIGN_INITIAL.sub(_foreign_initial, text)
        text = _TITLE_DOT_ORGAN.sub("phó chủ tịch ", text)
        text = _ACRONYM_DOT_ACRONYM.sub(r"\1 \2", text)
    if ":" in text:
        text = _BOAT_COLON.sub(r"\1 ", text)
    return text


def late_forms(text: str) -> str:
    """Before the lexicon: "đạt 100,13% KH" -> "kế hoạch"; "Phó Chủ tịch TT HĐND" ->
    "Phó Chủ tịch thường trực HĐND"."""
    if "KH" in text:
        text = _PLAN_KH.sub("kế hoạch", text)
    if "TT" in text:
        text = _STANDING_TT.sub(r"\1 thường trực", text)
    if "UV" in text:
        text = _MEMBER_UV.sub("ủy viên", text)
    return text
