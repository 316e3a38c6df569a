"""Written forms found by the second corpus sweep (heldout9-heldout22, issue #12): a slash with
a space before a count, English thousands with a trailing zero, a count or a batch across a
slash, initials before a transcribed foreign name, titles glued to their organ by a dot, dates
written with dashes, scores of sets, credits. Small pure ``str -> str`` rules, as rules.py."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from audionews import regexcache as rc
from audionews.normalize.numbers import read_cardinal
from audionews.normalize.vietnamese import LETTER_NAMES, is_vietnamese_syllable, spell_letters

__all__ = ["early_forms", "glued_punctuation", "glued_words", "late_forms"]

# "04 vụ án hình sự/ 05 bị cáo": a slash then a space then a count pairs two counts; a pause,
# never "per" (was "hình sự một năm bị cáo": "05" heard as a year)
_SLASH_SPACE_COUNT = rc.compile(r"(?<=[^\W\d_])/\s+(?=\d{1,3}(?!\d)(?![.,]\d)\s+[^\W\d_])")
# "6,000-6,200 tại ruộng", "gần 5,780 tỷ đồng": after a comma, "000", a range of two groups
# ending in zero, or a group ending in zero before an amount of đồng are English thousands (a
# Vietnamese decimal drops its trailing zero; was "sáu phẩy không không không": a price heard
# as six); "5,160 km" alone stays a decimal
_GROUP = r"(?<![\w.,])[1-9]\d{0,2},\d\d0(?![\w]|[.,]\d)"
_TRAILING_ZERO_GROUP = rc.compile(
    rf"(?<![\w.,])[1-9]\d{{0,2}},000(?![\w]|[.,]\d|\s?%)"
    rf"|{_GROUP}(?=\s?[-–]\s?{_GROUP})|(?<=[-–]){_GROUP}|(?<=[-–]\s){_GROUP}"
    rf"|{_GROUP}(?=\s?(?:(?:tỷ|tỉ|triệu|nghìn|ngàn)\s)?(?:đồng|đ)(?!\w))"
)
# ... unless the text writes Vietnamese numbers beside it ("18.983,9MW ... 393,090 triệu kWh")
_VIETNAMESE_NUMBERS = rc.compile(r"\d\.\d{3}(?!\d)|(?<![\d.,])\d+,\d{1,2}(?![\d.,])")
# "tháng 12/ 2012": a space after the slash of a month and year
_MONTH_SLASH_SPACE = rc.compile(r"(?<!\w)([Tt]háng\s+\d{1,2})/\s+(?=(?:19|20)\d\d(?!\d))")
# "cổ tức đợt 1/2023", "lần IX/2022", "lần thứ I/2019": a batch or a round of a year, never
# "tháng một" or "trên" (was "đợt tháng một năm ...": a batch heard as January)
_BATCH_YEAR = rc.compile(
    r"(?<!\w)((?:[Đđ]ợt|[Ll]ần(?: thứ)?|[Kk]ỳ|[Kk]hóa|[Kk]hoá)\s+)(\d{1,2}|[IVX]{1,5})/"
    r"((?:19|20)\d\d)(?![\d/])"
)
# "(1-1-1997 – 1-1-2017)", "(3.2.1930 - 3.2.2018)": two full dates with a dash between them
# are a span, "đến" (was a pause)
_FULL_DATE_RANGE = rc.compile(
    r"(?<![\w.,/-])(\d{1,2}([.-])\d{1,2}\2(?:19|20)\d\d)\s[-–]\s"
    r"(?=\d{1,2}([.-])\d{1,2}\3(?:19|20)\d\d(?![\d.-]\d))"
)
# "ngày 27- 11": a date with a space on one side of its dash (was "hai mươi bảy đến mười một")
_ONE_SIDED_DASH_DATE = rc.compile(
    r"(?<!\w)((?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Hh]ôm)\s+)"
    r"(0?[1-9]|[12]\d|3[01])(?:\s-|-\s)(0?[1-9]|1[0-2])(?![\d/.-]|,\d|\s+tháng)"
)
# "(28-30, 23-25, 25-19, 28-26 và 15-8)": the points of each set after a match result, scores
# (was "hai mươi tám đến ba mươi": a score heard as a range)
_PAIR = r"\d{1,2}-\d{1,2}"
_SET_SCORES = rc.compile(rf"\(\s*({_PAIR}(?:\s*(?:,|và)\s*{_PAIR}){{2,}})\s*\)")
_SCORE_PAIR = rc.compile(r"(\d{1,2})-(\d{1,2})")
# "tỉ số 2-0 (6/4, 6/2)", "3-1 (25/20, …)": each set's score with a slash after the match's
# score in sets (set BA; were read as dates, "mùng sáu tháng tư"), as many pairs as sets played
_SLASH_SETS = rc.compile(
    r"(?<![\d/])([1-3])(\s?[-–]\s?)([0-3])(\s*)\(\s*(\d{1,2}/\d{1,2}(?:\s*(?:,|và)\s*\d{1,2}/\d{1,2})+)\s*\)"
)
_SLASH_SET = rc.compile(r"(\d{1,2})/(\d{1,2})")
# "thắng đội TX.Thuận An 5 - 1": a spaced pair falling from a larger to a smaller number is a
# score, never a range (ranges rise); "Indonesia - Việt Nam 1-3:" a result after two names
_FALLING_PAIR = rc.compile(r"(?<![\w.,/-])(\d{1,2})\s[-–]\s(\d{1,2})(?![\w.,/%-]|\s*(?:%|giờ|h\b))")
_NAME = r"[A-ZĐ][^\W\d_]*(?:\s[A-ZĐ][^\W\d_]*){0,2}"
_TEAMS_RESULT = rc.compile(rf"(?m)^({_NAME}\s[-–]\s{_NAME}\s)(\d{{1,2}})-(\d{{1,2}})(?=\s*[:,])")
# "học sinh lớp 9,10,11": grades listed with commas and no spaces, never "chín phẩy mười"
_GRADE_LIST = rc.compile(r"(?<!\w)((?:[Ll]ớp|[Kk]hối)\s+)(\d{1,2}(?:,\d{1,2}){2,})(?![\d,]\d)")
# "BKS: 29A- 40.597": a plate with a space after its dash
_PLATE_DASH_SPACE = rc.compile(
    r"(?<!\w)((?:BKS|BS|biển số|biển kiểm soát)\s*:?\s+\d{2}[A-Z]{1,2}\d?)-\s+"
    r"(?=\d{3}\.?\d{2}(?![\d.,]\d))"
)
# "Khoai KM1-TN": letters, a digit and a dashed letter code are a variety's code, not "Km 1"
_KM_CODE = rc.compile(r"(?<![\w.-])KM(\d{1,2})-([A-Z]{1,3})(?![\w-])")
# "VN - Index": the index's name with a spaced dash (set BA; was "Việt Nam, Index")
_SPACED_INDEX = rc.compile(r"(?<![\w-])(VN|VN30|HNX|HNX30|UPCoM|UPCOM)\s[-–]\s(Index)(?!\w)")
# "Bà Rịa – VT": the province's second half cut to its initials
_BA_RIA_VT = rc.compile(r"(?<!\w)(Bà Rịa)\s?[-–]\s?VT(?!\w)")
# "40 ngàn đồng/1 kg": "per one kilogram" is "đồng một ki lô gam"
_PER_ONE = rc.compile(r"(?<=đồng)/1\s?(?=(?:kg|lít|tấn|m2|m3|con|bó|hộp|chai|gói|cái|quả)(?!\w))")
# "Đ/c", "T/h: Hải Thanh" (a credit line: "tổng hợp")
_CREDIT_TH = rc.compile(r"(?<![\w/])T/[Hh](?=\s*[:)]|\s*$)")
# "SE1/SE2", "NA1/NA2", "HĐ1/HĐ2": a pair of trains (codes with digits), a pause, never "trên"
_CODE_PAIR = rc.compile(r"(?<![\w/.-])([A-ZĐ]{1,4}\d{1,3})/([A-ZĐ]{1,4}\d{1,3})(?![\w/])")
# "(SN1984, quê ...)": "SN" glued to a year of birth
_SN_YEAR = rc.compile(r"(?<![\w])SN(?=(?:19|20)\d\d(?!\d))")
# "P.La-vi-na", "R.Đu-téc-tê", "G.Pô": an initial before a name transcribed the Vietnamese way
# is a letter (was "Phường La-vi-na", "gờ pê ô")
_FOREIGN_INITIAL = rc.compile(
    r"(?<![\w.])([A-ZĐ])\.(?=[A-ZĐ][a-zà-ỹđ]+-[a-zà-ỹđ])"
    r"|(?<![\w.])([BDGLMNRSV])\.([A-ZĐ][a-zà-ỹđ]{1,6})(?![\w.-])"
)
# "PCT.UBND xã", "P.CT.UBND phường": a title glued by a dot to its organ
_TITLE_DOT_ORGAN = rc.compile(r"(?<![\w.])P\.?CT\.(?=(?:UBND|HĐND|UBMTTQ)(?!\w))")
_ACRONYM_DOT_ACRONYM = rc.compile(
    r"(?<![\w.])([A-ZĐ]{2,6})\.(?!(?:VN|COM|NET|ORG|GOV|EDU|INFO|TV|IO)(?![\w.]))([A-ZĐ]{2,6})(?![\w.])"
)  # not a web address "VOV.VN"
# "đạt 100,13% KH": a plan, not "khách hàng"; "Phó Chủ tịch TT HĐND": "thường trực", not the
# town ("thị trấn")
_PLAN_KH = rc.compile(r"(?<=%\s)KH(?!\w)|(?<=\bđạt\s)KH(?!\w)")
# "BT Đảng ủy", "CT. HĐND xã": a secretary of a party committee, a chairman of a council (was
# "bê tê"; the dot after "CT" before its organ is no sentence end)
_PARTY = r"(?:Đảng ủy|Đảng uỷ|Chi bộ|Huyện ủy|Huyện uỷ|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Đảng bộ)"
_SECRETARY_BT = rc.compile(rf"(?<!\w)BT(?=\s+{_PARTY}(?!\w))")
_CHAIR_CT_DOT = rc.compile(r"(?<![\w.])CT\.\s*(?=(?:HĐND|UBND|UBMTTQ)(?!\w))")
# "UV BTV Tỉnh ủy": a member of the standing board ("tia UV" stays the ultraviolet)
_MEMBER_UV = rc.compile(r"(?<!\w)UV(?=\s+(?:BTV|BCH|TW|Ban|HĐTS|HĐCM|UBKT)(?!\w))")
_STANDING_TT = rc.compile(r"(?<!\w)((?:Phó )?(?:Chủ tịch|Bí thư|Trưởng ban))\s+TT(?=\s+[A-ZĐ]{2})")
# "ngày 10 -12 /8/2024", "ngày 12-15 - 11": a day range with stray spaces, then its month.
_SPACED_DAY_RANGE = rc.compile(
    r"(?<!\w)([Nn]gày\s+)(\d{1,2})\s*-\s*(\d{1,2})\s*(?:/\s*|\s-\s)(\d{1,2})(?=/\d{4}|[^\d/.,-]|$)"
)
# "04HCV", "02HCB": a zero-padded count glued to a medal.
_PADDED_MEDALS = rc.compile(r"(?<![\w.,])0?(\d{1,2})(HC[VBĐ])(?!\w)")
# "thứ tám-HĐND": a word glued by a hyphen to an acronym; the hyphen is a pause.
_WORD_ACRONYM_HYPHEN = rc.compile(r"(?<![^\W\d_])([^\W\d_]{2,})-(?=[A-ZĐ]{2,}(?![^\W\d_]))")
# "bán ròng 2. 765 tỷ đồng": a thousands dot with a stray space, before an amount's word.
_SPACED_THOUSANDS_DOT = rc.compile(
    r"(?<![\d.,])(\d{1,3})\.\s(\d{3})(?=\s+(?:tỷ|tỉ|triệu|nghìn|ngàn|đồng|USD|VND)(?!\w))"
)
# "3,3x", "12,5x": a decimal glued to "x" is a multiple (P/E, debt over EBITDA); a whole number's
# "8x" may be a generation ("thế hệ 8x"), so it is left alone.
_DECIMAL_TIMES = rc.compile(r"(?<![\w.,])(\d{1,3},\d{1,2})x(?![\w])")
_BRACKETED_RANGE_UNIT = rc.compile(
    r"\((\d[\d.,]*\s*[-–]\s*\d[\d.,]*)\)\s*(?=(?:MHz|GHz|kHz|Hz|MW|kW|kV|mm|cm|km|kg|ha)(?!\w))"
)
# "524.170đơn vị", "1.200người": a number with thousands dots glued to the next word.
_GLUED_THOUSANDS_WORD = rc.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+)([^\W\d_]{2,7})(?!\w)")


# A race time with minute and second marks: "16’44”06" (16 min 44.06 s), "10”35", "2’05”".
_RACE_TIME = rc.compile(
    r"(?<![\w’'′])(?:(\d{1,3})\s?[’'′]\s?)?(\d{1,2})\s?[”″\"](\d{1,3})?(?![\w’'′”″\"])"
)


def _race_time(match: re.Match[str]) -> str:
    minutes, seconds, parts = match.groups()
    if minutes is None and parts is None:
        return match.group()  # "44”" alone: a quote's mark after a number, maybe
    spoken = [f"{read_cardinal(int(minutes))} phút"] if minutes else []
    spoken.append(f"{read_cardinal(int(seconds))} giây")
    if parts:  # hundredths: "06" is said digit by digit, "35" as a number
        digits = " ".join(read_cardinal(int(d)) for d in parts)
        spoken.append(digits if parts.startswith("0") else read_cardinal(int(parts)))
    return " ".join(spoken)


def _unglue_thousands(match: re.Match[str]) -> str:
    word = match[2]
    return f"{match[1]} {word}" if word.islower() and is_vietnamese_syllable(word) else match[0]


# "S24+", "iPhone 15 Plus" written "15+": a model's "Plus" (never "cộng" after a model code).
_MODEL_PLUS = rc.compile(r"(?<![\w+])([A-Z]{1,3}\d{1,3}|iPhone\s\d{1,2}|Pixel\s\d{1,2})\+(?![\w+])")
_PLUS_MINUS = rc.compile(r"\s*(?:±|\+\s*/\s*-)\s*")
# "CT TNHH", "CT CP": a company (the lexicon's "chủ tịch" elsewhere)
_COMPANY_CT = rc.compile(r"(?<![\w.])CT(?=\s+(?:TNHH|CP|cổ phần|TMCP)(?!\w))")
# "trên70mm", "dưới50 mm": a word a number follows, glued to it
_GLUED_BEFORE_NUMBER = rc.compile(
    r"(?<![\w])(trên|dưới|khoảng|gần|hơn|từ|đến|tới|đạt|còn)(\d)", re.IGNORECASE
)
# "TT HĐND", "TT HĐND - UBND": the standing body of a council (never "thị trấn" before one)
_STANDING_TT_BODY = rc.compile(
    r"(?<![\w.])TT(?=\s+(?:HĐND|UBND|UBMTTQ|MTTQ|Huyện ủy|Tỉnh ủy)(?!\w))"
)
# "TT.Thích Từ Vân", "TT. Thích …": a venerable monk (Thượng tọa)
_VENERABLE_TT = rc.compile(r"(?<!\w)TT\.\s*(?=Thích\s)")
# "HĐH Android": an operating system (the lexicon's "hiện đại hóa" elsewhere)
_OS_HDH = rc.compile(
    r"(?<!\w)HĐH(?=\s+(?:Android|iOS|iPadOS|Windows|macOS|Linux|HarmonyOS|Symbian|[A-Z][a-z]+OS)\b)"
)
# "90 CV", "động cơ 150CV": horsepower after a number (the lexicon's "công văn" elsewhere)
_HORSEPOWER = rc.compile(r"(\d)\s?CV(?![\w/])")
# "tàu ... số hiệu KG: 90892 TS": the colon between a boat's province code and its number
_BOAT_COLON = rc.compile(r"(?<![\w])([A-ZĐ][A-ZĐa-z]{0,2}):\s(?=\d{4,5}\s?TS(?!\w))")


# "Nguyễn Trọng Nghĩa-Ủy viên Bộ Chính trị": a name glued by a dash to its title written out (a
# pause, set W); a title in capitals ("Thùy Dung-UVBTV") is any word glued to an acronym, above
_NAME_DASH_TITLE = rc.compile(
    r"(?<=[a-zà-ỹđ])-(?=(?:Ủy viên|Uỷ viên|Phó Bí thư|Bí thư|Phó Chủ tịch|Chủ tịch|Giám đốc"
    r"|Phó Giám đốc|Trưởng ban|Phó Trưởng ban|Trưởng phòng|Tổng Bí thư|Thủ tướng|Bộ trưởng)(?!\w))"
)
# "(mã chứng khoán DTV)": a ticker is spelled, never expanded by a definition the page gave
# ("Điện Trà Vinh (DTV)")
_TICKER_AFTER = rc.compile(
    r"(?<!\w)((?:mã chứng khoán|mã CK|mã cổ phiếu)\s*:?\s+)([A-Z]{3})(?![\w&-])"
)
# "Bệnh viện 19-8", "Công ty 28-1": a day and month naming a place is a date, never "mười chín
# tám"
_DATE_NAME = rc.compile(
    r"(?<!\w)((?:Bệnh viện|Công ty|Nhà máy|Xí nghiệp|Sân vận động|Chợ|Cầu|Nhà văn hóa)\s+)"
    r"(\d{1,2})-(\d{1,2})(?![\d/.-]|,\d)"
)
# "điểm c và Điều 38": the letter of a clause of a law, said by its name ("điểm xê")
_CLAUSE_LETTER = rc.compile(
    r"(?<!\w)([Đđ]iểm)\s+([b-eđg-iklmnp-vx-y])(?=\s*[,;.)]|\s+(?:và|khoản|Điều|điều|Bộ|của)(?!\w))"
)
_LAW_NEAR = rc.compile(r"[Kk]hoản|[Đđ]iều\s+\d|[Ll]uật|[Nn]ghị định|[Tt]hông tư")
# "Đoàn kết - Kỷ cương - Dân chủ - Phát triển": three or more short capitalised phrases joined
# by dashes inside quotes are a motto, each said with a pause (was read as one name)
_PHRASE = r"[A-ZĐ][a-zà-ỹđ]*(?: [a-zà-ỹđ]+){0,2}"
_QUOTED_MOTTO = rc.compile(rf"([\"“])((?:{_PHRASE}\s?[-–]\s?){{2,}}{_PHRASE})([\"”])")
_MOTTO_DASH = rc.compile(r"\s?[-–]\s?")
# "tăngcao", "Tạiđịa", "thuộcBộ": Vietnamese syllables typed without their space (a source
# error the engine reads as one garbled word); split when every part is a syllable
# (a candidate has a non-ASCII letter and two vowel groups: one syllable has one)
_VOWELS = "".join(
    sorted(
        {
            unicodedata.normalize("NFC", base + mark)
            for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
            for mark in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
        }
    )
)
_GLUED = rc.compile(
    rf"(?<![\w.@/-])(?=[^\W\d_]{{4,16}}(?![\w.@/-]))(?=[^\W\d_]*[^\x00-\x7f])"
    rf"[^\W\d_]*[{_VOWELS}]+[^\W\d_{_VOWELS}]+[{_VOWELS}][^\W\d_]*"
)


def _split_glued(word: str) -> list[str] | None:
    """The fewest syllables ``word`` splits into (each of 2+ letters), or None."""
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(2, n + 1):
        for start in range(max(0, end - 7), end - 1):
            head = best[start]
            part = word[start:end]
            if head is None or not is_vietnamese_syllable(part.lower()):
                continue
            if part[1:] != part[1:].lower():
                continue  # "QuangLực": a capital only at a part's start
            if best[end] is None or len(head) + 1 < len(best[end] or ()):
                best[end] = [*head, part]
    parts = best[n]
    if parts is None or not 2 <= len(parts) <= 3 or any("oo" in p.lower() for p in parts):
        return None  # "rơmooc": a loanword's "oo" rhyme is left whole for the respeller
    return parts


# Written-out units stay whole ("mililít", "kilôgam", "micrô"), and letters foreign to
# Vietnamese mark a foreign word ("Niño")
_KEEP_WHOLE = rc.compile(r"(?i)^(?:mili|kilô|kilo|xenti|mêga|micrô|nanô)|[ñçüöäëïåøæœß]")


def _glued(match: re.Match[str]) -> str:
    word = match.group()
    if word.isascii() or word.isupper() or _KEEP_WHOLE.search(word):
        return word
    if is_vietnamese_syllable(word.lower()):
        return word
    parts = _split_glued(word)
    return " ".join(parts) if parts else word


def glued_words(text: str, known: Callable[[str], bool] = lambda _token: False) -> str:
    """ "tăngcao" -> "tăng cao", "thuộcBộ" -> "thuộc Bộ" (a word with a Vietnamese mark that is
    no syllable but two or three); a word with a reading of its own ("hêrôin") is kept."""
    return _GLUED.sub(lambda m: m.group() if known(m.group()) else _glued(m), text)


def glued_punctuation(text: str) -> str:
    """ "nay,tình" -> "nay, tình", "Nên...đã" -> "Nên... đã", "năm.Tuy nhiên" -> "năm. Tuy
    nhiên" (run last, on spoken words)."""
    text = _GLUED_PUNCT.sub(r"\1 ", text)
    if "." not in text:
        return text
    text = _QUOTE_STOP.sub(". ", text)  # "“ Trộm cắp tài sản ”.Trước đó" (set BC)
    return _GLUED_STOP.sub(_glued_stop, text)


_COMMA_STRAY_MARK = rc.compile(r",!\s*(?=[^\W\d_])")
# "một năm.Tuy nhiên" (set AL): a full stop typed without its space before a capitalised word
_GLUED_STOP = rc.compile(r"(?<![\w.])([^\W\d_]{2,})\.([^\W\d_]+)")
_QUOTE_STOP = rc.compile(r"(?<=[”»\"])\.(?=[A-ZÀ-ỸĐ][a-zà-ỹđ])")


def _glued_stop(match: re.Match[str]) -> str:
    word, after = match.groups()
    title = len(after) >= 2 and after[0].isupper() and after[1:].islower()  # "Tuy", not "BA"
    named = word[1:].islower() and is_vietnamese_syllable(word.lower())  # "Cần Thơ.Lễ" (set AO)
    if not (word.islower() or named) or not title or not is_vietnamese_syllable(after.lower()):
        return match.group()  # "TP.Hồ", "vnexpress.net": no sentence ends there
    return f"{word}. {after}"


# "nay,tình", "một(kỳ", "Nên...đã": punctuation typed without its space between two words
_GLUED_PUNCT = rc.compile(r"(?<=[^\W\d_])([,;]|\.\.\.|…)(?=[^\W\d_])")


def _letter(letter: str) -> str:
    return LETTER_NAMES.get(letter.upper(), letter)


def _foreign_initial(match: re.Match[str]) -> str:
    if match.group(1):
        return _letter(match.group(1)) + " "
    if not is_vietnamese_syllable(match.group(3).lower()):
        return match.group()  # "V.League": a name of its own
    return f"{_letter(match.group(2))} {match.group(3)}"


def _batch_year(match: re.Match[str]) -> str:
    return f"{match.group(1)}{match.group(2)} năm {match.group(3)}"


def _score_words(match: re.Match[str]) -> str:
    """ "6-4", "6/4" -> "sáu bốn": a score's two numbers, no "đến", no date."""
    return f"{read_cardinal(int(match[1]))} {read_cardinal(int(match[2]))}"


def _set_scores(match: re.Match[str]) -> str:
    return f"({_SCORE_PAIR.sub(_score_words, match.group(1))})"


def _slash_sets(match: re.Match[str]) -> str:
    won, lost = int(match.group(1)), int(match.group(3))
    sets = _SLASH_SET.findall(match.group(5))
    if won == lost or max(won, lost) not in (2, 3) or len(sets) != won + lost:
        return match.group()
    inner = _SLASH_SET.sub(_score_words, match.group(5))
    return f"{match.group(1)}{match.group(2)}{match.group(3)}{match.group(4)}({inner})"


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


def _swept_forms(text: str) -> str:
    """The third sweep's and set AA's forms: "ngày 10 -12 /8", "ngày 12-15 - 11" (a day range,
    then its month); "04HCV" -> "4 HCV"; "24/24h" -> "24/24 giờ"; "thứ tám-HĐND" -> "thứ tám -
    HĐND"; "+/-3%" -> "cộng trừ 3%"; "CT TNHH" -> "công ty TNHH"; "trên70mm" -> "trên 70mm"."""
    if "ngày" in text or "Ngày" in text:
        text = _SPACED_DAY_RANGE.sub(r"\1\2-\3/\4", text)
    if "HC" in text:
        text = _PADDED_MEDALS.sub(r"\1 \2", text)
    if "#" in text:
        text = _RANK_HASH.sub(r"số \1", text)  # "vươn lên #1 iTunes" (set BM)
    if "24/24h" in text:
        text = text.replace("24/24h", "24/24 giờ")
    if "±" in text or "+/-" in text:
        text = _PLUS_MINUS.sub(" cộng trừ ", text)  # "biên độ +/-3%" (set AA)
    if "CT" in text:
        text = _COMPANY_CT.sub("công ty", text)  # "CT TNHH …" (set AA)
    text = _GLUED_BEFORE_NUMBER.sub(r"\1 \2", text)  # "có nơi trên70mm" (set AA)
    if ". " in text:
        text = _SPACED_THOUSANDS_DOT.sub(r"\1.\2", text)  # "bán ròng 2. 765 tỷ" (set AC)
    if "+" in text:
        text = _MODEL_PLUS.sub(r"\1 Plus", text)  # "S24+ có giá" (set AD)
    if "-" in text:  # after a word in lower or title case: "HN-UBND", "TTr-UBND" stay codes
        text = _WORD_ACRONYM_HYPHEN.sub(
            lambda m: f"{m[1]} - " if m[1][1:].islower() else m.group(), text
        )
    if "-" in text or "/" in text:
        text = _GAME_SCORES.sub(_game_scores, text)  # "thua … 16-21, 16-21" (set AH)
    return _trade_forms(_stray_dash_spaces(text))


def _stray_dash_spaces(text: str) -> str:
    """Set AI's codes and stray spaces: "CVE-2024-3400" (a code, not a range) -> "CVE 2024,
    3400"; "Covid -19" -> "Covid-19"; "ngày 12-11- 2021" -> "ngày 12-11-2021"."""
    if "-" not in text:
        return text
    text = _YEAR_CODE.sub(r"\1 \2, \3", text)
    text = _COVID_SPACE.sub(r"\1-", text)
    return _DATE_YEAR_SPACE.sub(r"\1-\2", text)


_YEAR_CODE = rc.compile(r"(?<![\w-])([A-Z]{2,6})-((?:19|20)\d{2})-(\d{3,7})(?![\w-])")
_COVID_SPACE = rc.compile(r"(?<!\w)(Covid|COVID|covid)\s+-(?=\d{2}(?!\d))")
_DATE_YEAR_SPACE = rc.compile(r"(?<![\w/.-])(\d{1,2}-\d{1,2})-\s+((?:19|20)\d{2})(?!\d)")


def _trade_forms(text: str) -> str:
    """Words by context (sets AG, AH, AK): "gạo TP IR 504" (thành phẩm), "gạo NL" (nguyên liệu),
    "SL Nghệ An" (Sông Lam), "PV GAS" (pê vê, not "phóng viên")."""
    if "TP" in text or "NL" in text:
        text = _RICE_GRADE.sub(lambda m: _RICE_GRADES[m[1] or m[2] or m[3]], text)
    if "SL" in text:
        text = _SONG_LAM.sub("Sông Lam", text)
    if "Corp." in text or "Inc." in text or "Ltd." in text or "Co." in text:
        text = _COMPANY_DOT.sub(_company_dot, text)
    if "/" in text:
        text = _MODEL_LIST.sub(lambda m: m[1] + ", ".join(m[2].split("/")), text)
    if "9999" in text:
        text = _GOLD_PURITY.sub(r"\1chín chín chín chín", text)
    text = _ACRONYM_GLUED_NAME.sub(r"\1 ", text)  # "CLBHà Nội" (set AN)
    if " ha" in text:
        text = _HECTARES_AFTER_WORD.sub(r"\1héc ta", text)  # "vài trăm ha" (set AM)
    if "PV" in text:
        text = _PV_GAS.sub("pê vê gát", text)
        text = _PV_COMPANY.sub("pê vê", text)  # "PV GAS", "PV Power": PetroVietnam's units
    return text


# "Nvidia Corp. cho biết" (set AL): a company's abbreviation, not a sentence end
_COMPANY_DOT = rc.compile(r"(?<!\w)(Corp|Inc|Ltd|Co)\.(?=\s+([^\W\d_]))")


def _company_dot(match: re.Match[str]) -> str:
    return match.group(1) if match.group(2).islower() else match.group()


# "iPhone 12/13/14/15 Pro" (set AL): models listed across slashes, not fractions or a date
_MODEL_LIST = rc.compile(
    r"(?<!\w)((?:iPhone|iPad|Galaxy\s+[A-Z]|Pixel|Xperia|Redmi|Note)\s*)(\d{1,2}(?:/\d{1,2}){2,})(?![\w/])"
)
# "vàng nhẫn 9999" (set AL): gold's purity, said digit by digit
# ... and after the maker's name ("vàng nhẫn Doji 9999", set BK)
_GOLD_PURITY = rc.compile(
    r"(?<!\w)((?:[Vv]àng|[Nn]hẫn|[Vv]àng nhẫn|[Vv]àng miếng)\s+(?:[A-Z][A-Za-z]{1,9}\s+)?)"
    r"9999(?!\d)"
)

_HECTARES_AFTER_WORD = rc.compile(r"(?<!\w)((?:trăm|nghìn|ngàn|chục|triệu|vạn) )ha(?![\w-])")
_ACRONYM_GLUED_NAME = rc.compile(
    r"(?<![\w])(CLB|HLV|UBND|HĐND|BCH|CĐV|SVĐ|ĐH|THPT|THCS)(?=[A-ZĐ][a-zà-ỹđ]{1,6}(?![\w]))"
)
# "(PV GAS)", "PV Gas lên kế hoạch" (set AK): PetroVietnam's units, never "phóng viên"
_PV_GAS = rc.compile(r"(?<![\w.])PV\s+(?:GAS|Gas)(?![\w.])")
_PV_COMPANY = rc.compile(
    r"(?<![\w.])PV(?=\s+(?:GAS|Gas|POWER|Power|OIL|Oil|Drilling|DRILLING|Trans|TRANS|Coating"
    r"|Pipe|Chem|CHEM|Bank|Combank|EP|Tex)\b)"
)


_RICE_GRADES = {"TP": "thành phẩm", "NL": "nguyên liệu"}
_RICE_GRADE = rc.compile(
    r"(?<=[Gg]ạo )(TP|NL)(?!\w)|(?<!\w)(TP|NL)(?=\s+(?:IR|OM|ST|DT|Jasmine|Đài thơm)\b)"
    r"|(?<=IR )(TP|NL)(?=\s+\d)"  # "gạo IR NL 504"
)
_SONG_LAM = rc.compile(r"(?<![\w.])SL(?=\s+Nghệ An\b)")
# "16-21, 16-21", "21-19, 18-21, 21-15": game scores in a row (a range has its unit)
# "đánh bại … 21/12, 21/11", "thua 10/21, 13/21" (set BM): badminton's games with slashes
_GAME_SCORES = rc.compile(
    r"(?<![\w.,/-])(\d{1,2}([-/])\d{1,2}(?:(?:,\s|\svà\s)\d{1,2}\2\d{1,2})+)(?![\w/%-]|[.,]\d)"
)  # "thua 17-25 và 24-26" (set BI): the last set after "và"
_GAME_WORDS = rc.compile(
    r"\b(?:thắng|thua|hòa|hoà|đánh bại|vượt qua|tỷ số|tỉ số|set|ván|game|chung cuộc)\b", re.I
)


_RANK_HASH = rc.compile(r"(?<![\w#&])#(\d{1,3})(?![\w#])")
_DATE_WORD_END = rc.compile(r"\b(?:ngày|hôm|mùng|từ|đến|sáng|chiều|tối|trưa|đêm)\s*$", re.I)


def _whole_game(won: int, lost: int) -> bool:
    """A finished game of badminton, volleyball or table tennis: 21-15, 25-23, 11-9, 30-29."""
    return (
        (won in (11, 15, 21, 25) and lost <= won - 2) or won - lost == 2 or (won, lost) == (30, 29)
    )


def _game_scores(match: re.Match[str]) -> str:
    scores = re.split(r",\s|\svà\s", match.group(1))
    pairs = [tuple(int(x) for x in re.split("[-/]", p)) for p in scores]
    before = match.string[max(0, match.start() - 80) : match.start()]
    games = all(a != b and (max(a, b) in (6, 7, 11, 15) or 21 <= max(a, b) <= 40) for a, b in pairs)
    if match.group(2) == "/":  # a slash may write dates: only whole games, no date word before
        games = all(
            _whole_game(max(a, b), min(a, b)) for a, b in pairs
        ) and not _DATE_WORD_END.search(before)
    if not games or not _GAME_WORDS.search(before):
        return match.group()
    spoken = [f"{read_cardinal(a)} {read_cardinal(b)}" for a, b in pairs]
    joins = re.findall(r",\s|\svà\s", match.group(1))
    return spoken[0] + "".join(j + x for j, x in zip(joins, spoken[1:], strict=True))


# "4:00 pm", "10:15 AM", "9 a.m.": an English 12-hour clock (set BA's US election page, heldout55)
_MERIDIEM = rc.compile(r"(?<![\w:.,])(\d{1,2})(:\d{2})?\s?([AaPp])\.?\s?[Mm](?:\.|(?![\w]))")


def day_parts(text: str) -> str:
    """ "4:30 pm" -> "4:30 chiều", before the lexicon ("ampe" is "am pe" in respell mode)."""
    return _MERIDIEM.sub(_day_part, text)


def _day_part(match: re.Match[str]) -> str:
    """ "4:30 pm" -> "4:30 chiều": the part of the day a newsreader says instead."""
    hour, minutes, half = int(match.group(1)), match.group(2) or "", match.group(3).lower()
    if not 1 <= hour <= 12:
        return match.group()
    if half == "a":
        part = "đêm" if hour == 12 else "sáng"
    else:
        part = "trưa" if hour == 12 else "chiều" if hour <= 5 else "tối"
    said = f"{hour}{minutes} {part}" if minutes else f"{hour} giờ {part}"
    after = match.string[match.end() : match.end() + 2]
    if match.group().endswith(".") and (not after.strip() or after[1:].isupper()):
        said += "."  # "… lúc 11 p.m. Sau đó": the abbreviation's dot also ended the sentence
    return said


def _measured_forms(text: str) -> str:
    """Sets BI-BL's amounts: "16’44”06" (a race time), "(2300 - 2400) MHz", "3,3x" ("lần"),
    "524.170đơn vị" (a number glued to its word), "Cụ thể,!vào" (a stray mark), "3.000/5.000m2"
    (a part of a whole)."""
    if "”" in text or "″" in text or '"' in text:
        text = _RACE_TIME.sub(_race_time, text)
    if ")" in text:
        text = _BRACKETED_RANGE_UNIT.sub(r"\1 ", text)
    if "x" in text:  # was "ba, bax": a decimal comma read as a pause
        text = _DECIMAL_TIMES.sub(r"\1 lần", text)
    if "." in text:  # was "năm trăm hai mươi tư.một trăm …"
        text = _GLUED_THOUSANDS_WORD.sub(_unglue_thousands, text)
    if ",!" in text:
        text = _COMMA_STRAY_MARK.sub(", ", text)
    if "/" in text:  # "làm 3.000/5.000m2 kho xưởng" (set BL): was "ba nghìn một năm.không …"
        text = _SHARE_OF_AREA.sub(_share_of_area, text)
        text = _LOTTERY_GAME.sub(_lottery_game, text)  # "Mega 6/45" (set BL): no fraction
    return text


# Vietlott's games: "Mega 6/45", "Power 6/55", "Max 3D" (six numbers out of 45)
_LOTTERY_GAME = rc.compile(r"(?<![\w/])(Mega|Power|MEGA|POWER)\s?(\d)/(\d{2})(?![\w/])")


def _lottery_game(match: re.Match[str]) -> str:
    return f"{match[1]} {read_cardinal(int(match[2]))} {read_cardinal(int(match[3]))}"


# A part of a whole before an area's or a mass's unit: "3.000/5.000m2", "10/88 m2", "300/500 ha"
_SHARE_OF_AREA = rc.compile(
    r"(?<![\w.,/])(\d{1,3}(?:\.\d{3})*)\s?/\s?(\d{1,3}(?:\.\d{3})*)"
    r"(?=\s?(?:m2|m²|km2|km²|ha|m3|m³|tấn|kg)(?![\w²³]))"
)


def _share_of_area(match: re.Match[str]) -> str:
    a, b = (int(x.replace(".", "")) for x in match.groups())
    if not a <= b or b <= 10:
        return match.group()  # "1/5 ha": a fifth of a hectare
    return f"{match[1]} trên {match[2]}"


def early_forms(text: str) -> str:
    """Before the dates and numbers: "hình sự/ 05 bị cáo" -> "hình sự, 05 bị cáo"; "6,000" ->
    "6.000"; "đợt 1/2023" -> "đợt 1 năm 2023"; "(1-1-1997 – 1-1-2017)" -> "... đến ..."; "ngày
    27- 11" -> "ngày 27-11"; set scores; "T/h:" -> "Tổng hợp:"; "SE1/SE2" -> "SE1, SE2"; "SN1984"
    -> "SN 1984"; "P.La-vi-na" -> "pê La-vi-na"; "PCT.UBND" -> "phó chủ tịch UBND"."""
    text = _measured_forms(_swept_forms(text))
    if "/" in text:
        text = _SLASH_SPACE_COUNT.sub(", ", text)
        text = _MONTH_SLASH_SPACE.sub(r"\1/", text)
        text = _BATCH_YEAR.sub(_batch_year, text)
        text = _CREDIT_TH.sub("Tổng hợp", text)
        text = _CODE_PAIR.sub(r"\1, \2", text)
    if "-" in text or "–" in text:
        text = _PLATE_DASH_SPACE.sub(r"\1-", text)
        text = _KM_CODE.sub(lambda m: f"{spell_letters('KM')} {m[1]} {spell_letters(m[2])}", text)
        text = _BA_RIA_VT.sub(r"\1 Vũng Tàu", text)
        text = _SPACED_INDEX.sub(r"\1-\2", text)
    if "/1" in text:
        text = _PER_ONE.sub("/", text)
    if "," in text:
        text = _GRADE_LIST.sub(lambda m: m.group(1) + m.group(2).replace(",", ", "), text)
    if "," in text and not _VIETNAMESE_NUMBERS.search(text):
        text = _TRAILING_ZERO_GROUP.sub(lambda m: m.group().replace(",", "."), text)
    if "-" in text or "–" in text:
        text = _FULL_DATE_RANGE.sub(r"\1 đến ", text)
        text = _ONE_SIDED_DASH_DATE.sub(_one_sided_dash_date, text)
        text = _SET_SCORES.sub(_set_scores, text)
        if "/" in text:
            text = _SLASH_SETS.sub(_slash_sets, text)
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
    if "-" in text:
        text = _NAME_DASH_TITLE.sub(", ", text)
        text = _DATE_NAME.sub(_date_name, text)
        text = _QUOTED_MOTTO.sub(_quoted_motto, text)
    return text


def _date_name(match: re.Match[str]) -> str:
    d, m = int(match.group(2)), int(match.group(3))
    if not (1 <= d <= 31 and 1 <= m <= 12):
        return match.group()
    return f"{match.group(1)}{match.group(2)}/{match.group(3)}"


def _quoted_motto(match: re.Match[str]) -> str:
    return match.group(1) + _MOTTO_DASH.sub(", ", match.group(2)) + match.group(3)


def _clause_letter(match: re.Match[str]) -> str:
    window = match.string[max(0, match.start() - 60) : match.end() + 60]
    if not _LAW_NEAR.search(window):
        return match.group()
    return f"{match.group(1)} {_letter(match.group(2))}"


def late_forms(text: str) -> str:
    """Before the lexicon: "đạt 100,13% KH" -> "kế hoạch"; "Phó Chủ tịch TT HĐND" ->
    "Phó Chủ tịch thường trực HĐND"."""
    if "KH" in text:
        text = _PLAN_KH.sub("kế hoạch", text)
    if "TT" in text:
        text = _STANDING_TT.sub(r"\1 thường trực", text)
        text = _STANDING_TT_BODY.sub("Thường trực", text)  # "BTV Đảng uỷ - TT HĐND" (sweep 3)
        text = _VENERABLE_TT.sub("Thượng tọa ", text)  # "TT.Thích Từ Vân" (sweep 3)
        text = text.replace("VH&TT", "văn hóa và thể thao")  # "Sở VH&TT" (sweep 3)
    if "HĐH" in text:
        text = _OS_HDH.sub("hệ điều hành", text)  # "HĐH Android" (sweep 3)
    if "CV" in text:
        text = _HORSEPOWER.sub(r"\1 mã lực", text)  # "động cơ 90 CV" (sweep 3)
    if "UV" in text:
        text = _MEMBER_UV.sub("ủy viên", text)
    if "BT" in text:
        text = _SECRETARY_BT.sub("Bí thư", text)
    if "CT." in text:
        text = _CHAIR_CT_DOT.sub("Chủ tịch ", text)
    if "mã" in text:
        text = _TICKER_AFTER.sub(lambda m: m.group(1) + spell_letters(m.group(2)), text)
    if "iểm" in text:
        text = _CLAUSE_LETTER.sub(_clause_letter, text)
    return text
