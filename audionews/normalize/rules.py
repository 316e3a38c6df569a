"""The context-free rewriting rules: small pure functions ``str -> str`` with precompiled regexes.

Each rule rewrites one kind of written form into spoken Vietnamese. The order in which they run
is the tuple ``Normalizer.rules`` in ``audionews.normalize``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from itertools import pairwise

from audionews import regexcache as rc
from audionews.names import FAMILY_NAMES, NAME_SYLLABLES
from audionews.normalize.lexicon import (
    builtin_lexicon,
    load_data_lexicon,
    longest_first,
    trie_regex,
)
from audionews.normalize.numbers import (
    NUMBER_WORDS,
    read_cardinal,
    read_digits,
    read_number_token,
    read_ordinal,
    roman_to_int,
)
from audionews.normalize.places import is_place_name
from audionews.normalize.units import (
    COUNTED,
    CURRENCY_CODES,
    CURRENCY_PREFIXES,
    PER_NOUNS,
    PER_TIME,
    UNITS,
)
from audionews.normalize.vietnamese import (
    LETTER_NAMES,
    is_ascii_syllable,
    is_vietnamese_syllable,
)

Rule = Callable[[str], str]

# Uppercase / lowercase letters used in Vietnamese text (for hand-written character classes).
UPPER = "A-Z" + "".join(
    ch
    for ch in map(chr, range(0xC0, 0x1EFA))
    if ch.isupper() and ch.isalpha() and (ch in "ĐĂĨŨƠƯ" or ord(ch) < 0x100 or ord(ch) >= 0x1EA0)
)
_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_NB = r"(?<![\w.,/])"  # number start: not glued to a word, a decimal or a slash
_NE = r"(?![\w/]|[.,]\d)"  # number end


def _num(text: str) -> str:
    return read_number_token(text)


# --- whitespace, dashes
_SPACES = rc.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_NEWLINES = rc.compile(r"\s*\n\s*")
_DASHES = rc.compile(r"[\u2010-\u2015\u2212]")
_ELLIPSIS = rc.compile(r"…")
_SPACE_BEFORE_STOP = rc.compile(r"(?<=[^\W\d_])\s+([,.;:?!])(?=\s|$)")
_END_MARK = rc.compile(r"(?<=\S)\s*\.?/\.(?=[ \t]*(?:\n|$))")  # "... tai nạn./." ends an article


_SUBSCRIPT_DIGITS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_SUBSCRIPT = rc.compile("[₀-₉]")


# A spaced en or em dash between two lower-case words: an aside opens ("các ngôi sao – thứ mà …",
# "trong tháng qua – tăng đều", sets Q-X) unless the two words join a pair the language writes
# with a dash ("kinh tế – xã hội", "mua vào – bán ra"), which stays one phrase.
_WORD_EN_DASH = rc.compile(r"(?<=[a-zà-ỹđ]) [–—] (?=[a-zà-ỹđ])")
_LAST_LOWER = rc.compile(r"([a-zà-ỹđ]+)$")
_FIRST_LOWER = rc.compile(r"[a-zà-ỹđ]+")
_DASHED_PAIRS = frozenset(
    {("tế", "xã"), ("hoá", "xã"), ("hóa", "xã"), ("trị", "xã"), ("tế", "chính"), ("dục", "đào")}
    | {("phòng", "an"), ("học", "công"), ("thuật", "công"), ("vào", "bán"), ("nam", "bắc")}
    | {("bắc", "nam"), ("đông", "tây"), ("tây", "đông"), ("hấp", "hôn"), ("nhi", "nội")}
    | {("luận", "phê"), ("xuất", "kinh"), ("xuất", "nhập"), ("nông", "lâm"), ("lâm", "ngư")}
    | {("lâm", "thủy"), ("lâm", "thuỷ"), ("sản", "thủy"), ("đi", "về"), ("thu", "chi")}
    | {("mua", "bán"), ("vào", "ra")}  # "giá 2 chiều mua – bán" (set Y)
)


# A hyphen glued to a word and spaced from the next, lower-case one: a spaced dash (set AE);
# "GD- ĐT" (a capital after) stays for the acronym rules.
_GLUED_DASH = rc.compile(r"(?<=[^\W\d_])-[ \t]+(?=[^\W\d_])")


def _glued_dashes(text: str) -> str:
    """ "Nguyễn Tấn Dũng- ở Phú Yên …- đã khai nhận": a dash glued to a word, spaced."""
    if "- " not in text:
        return text
    return _GLUED_DASH.sub(lambda m: " - " if text[m.end()].islower() else m.group(), text)


_WEEKDAY_WORDS = frozenset({"hai", "ba", "tư", "năm", "sáu", "bảy", "nhật"})


def _en_dash(match: re.Match[str]) -> str:
    before = _LAST_LOWER.search(match.string, max(0, match.start() - 12), match.start())
    after = _FIRST_LOWER.match(match.string, match.end())
    if not match.string[match.end()].islower() or not match.string[match.start() - 1].islower():
        return match.group()  # "Kinh tế – Đại học Quốc gia": a name's parts (the range holds Đ)
    pair = (before.group(1) if before else "", after.group() if after else "")
    weekdays = pair[1] == "thứ" and pair[0] in _WEEKDAY_WORDS  # "thứ hai – thứ sáu"
    if pair in _DASHED_PAIRS or pair[0] == "thứ" or weekdays:
        return match.group()
    return ", "


def clean_spaces(text: str) -> str:
    """Unify dashes and spaces: en/em dashes and minus become "-", runs of spaces one space;
    the end-of-article mark "./." is a full stop."""
    text = _END_MARK.sub(".", text)
    text = _glued_dashes(text)
    if "–" in text or "—" in text:
        text = _WORD_EN_DASH.sub(_en_dash, text)
    text = _DASHES.sub("-", text)
    if _SUBSCRIPT.search(text):  # "SpO₂", "CO₂" -> "SpO2", "CO2" (set H)
        text = text.translate(_SUBSCRIPT_DIGITS)
    text = _ELLIPSIS.sub("...", text)
    text = _SPACES.sub(" ", text)
    text = _NEWLINES.sub("\n", text)
    text = _SPACE_BEFORE_STOP.sub(r"\1", text)
    return text.strip()


# --- emoji, pictographs and arrows ("📍", "✅", "⚠️", "➡️", "→"): bullets, never read (sets H,
# I). Dingbat
# digits ("❶"-"➓", U+2776-2793) are kept; letters, "‰", "°" and currency signs are not in these
# blocks. Between two pieces of a line they leave a pause; at a line's start or end, nothing.
_PICTOGRAPH = (
    "\U0001f000-\U0001faff\u2190-\u21ff\u2600-\u2775\u2794-\u27bf\u2b00-\u2bff"
    "\ufe0f\u200d\u20e3\U000e0020-\U000e007f"
)
_PICTOGRAPHS = rc.compile(f"[ \\t]*[{_PICTOGRAPH}]+[ \\t]*")
_PICTOGRAPH_CHAR = rc.compile(f"[{_PICTOGRAPH}]")
_AFTER_PICTOGRAPH_END = rc.compile(r"[\n.,;:!?)\]]|$")


def pictographs(text: str) -> str:
    """ "📍 Trạm Hà Nội ✅ đã xả lũ" -> "Trạm Hà Nội, đã xả lũ" (emoji are not read)."""

    def drop(match: re.Match[str]) -> str:
        start, end = match.start(), match.end()
        if start == 0 or text[start - 1] in "\n.,;:!?([-" or _AFTER_PICTOGRAPH_END.match(text, end):
            return " " if start and end < len(text) else ""
        return ", "

    return _PICTOGRAPHS.sub(drop, text) if _PICTOGRAPH_CHAR.search(text) else text


# --- vulgar fractions: "gần ½" -> "gần một nửa", "2½ giờ" -> "hai giờ rưỡi"
_VULGAR = {
    "½": ("một nửa", "rưỡi"),
    "¼": ("một phần tư", "và một phần tư"),
    "¾": ("ba phần tư", "và ba phần tư"),
    "⅓": ("một phần ba", "và một phần ba"),
    "⅔": ("hai phần ba", "và hai phần ba"),
    "⅕": ("một phần năm", "và một phần năm"),
    "⅛": ("một phần tám", "và một phần tám"),
}
_VULGAR_RE = rc.compile(
    rf"(?<![\d.,])(?:(\d+)\s?)?([{''.join(_VULGAR)}])(?:\s+((?!và\b|hoặc\b)[^\W\d_]+))?"
)


def _read_vulgar(match: re.Match[str]) -> str:
    whole, symbol, noun = match.groups()
    alone, after_number = _VULGAR[symbol]
    if whole is None:
        before = match.string[match.start() - 1 : match.start()]
        glued = bool(before) and not before.isspace() and before not in "([\"“'"  # "A¼"
        return (" " if glued else "") + alone + (f" {noun}" if noun else "")
    if symbol == "½" and noun:
        return f"{read_number_token(whole)} {noun} rưỡi"  # "2½ giờ" -> "hai giờ rưỡi"
    return f"{read_number_token(whole)} {after_number}" + (f" {noun}" if noun else "")


def vulgar_fractions(text: str) -> str:
    """ "giảm gần ½" -> "giảm gần một nửa"; after a number and before its noun "2½ giờ" -> "hai
    giờ rưỡi" (as a newsreader says), "1¼" -> "một và một phần tư"; "¾" -> "ba phần tư"."""
    if not any(symbol in text for symbol in _VULGAR):
        return text
    return _VULGAR_RE.sub(_read_vulgar, text)


# --- thousands grouped by spaces: "56 206 514 cử tri" is one number (groups of exactly three)
_SPACED_THOUSANDS = rc.compile(r"(?<![\w.,/+-])([1-9]\d{0,2})((?: \d{3}){2,})(?![\w/]|[.,]\d| \d)")


def spaced_thousands(text: str) -> str:
    """ "56 206 514 cử tri" -> "56.206.514" (read as one number): a group of 1-3 digits then at
    least two groups of exactly three, each after one space (phone numbers are read before)."""
    return _SPACED_THOUSANDS.sub(lambda m: m[1] + m[2].replace(" ", "."), text)


# --- geographic coordinates
_HEMISPHERES = {"N": "vĩ Bắc", "S": "vĩ Nam", "E": "kinh Đông", "W": "kinh Tây"}
_APOSTROPHE = "'’′"
_COORDINATE = rc.compile(
    rf"(?<![\w.,])(\d{{1,3}}(?:[.,]\d+)?)\s?°\s?(?:(\d{{1,2}})\s?[{_APOSTROPHE}]\s?"
    rf"(?:(\d{{1,2}}(?:[.,]\d+)?)\s?(?:[\"”″]|[{_APOSTROPHE}]{{2}})\s?)?)?([NSEW])(?![\w])"
)
_COORDINATE_PAIR = rc.compile(
    r"(?<![\w.,])(\d{1,3}[.,]\d+)\s?°?\s?([NS])\s?-\s?(\d{1,3}[.,]\d+)\s?°?\s?([EW])(?![\w])"
)


def _degrees(value: str) -> str:
    return read_number_token(value.replace(".", ","))


def _read_coordinate(match: re.Match[str]) -> str:
    degrees, minutes, seconds, side = match.groups()
    words = [_degrees(degrees), "độ"]
    if minutes is not None:
        words += [read_cardinal(int(minutes)), "phút"]
    if seconds is not None:
        words += [_degrees(seconds), "giây"]
    return " ".join([*words, _HEMISPHERES[side]])


def coordinates(text: str) -> str:
    """ "12°00'N - 109°43'E" -> "mười hai độ không phút vĩ Bắc - một trăm linh chín độ bốn
    mươi ba phút kinh Đông"; "15,2N-114,2E" (a storm's centre) -> "... độ vĩ Bắc, ... độ kinh
    Đông"."""
    if "uyến" in text or "độ" in text:
        text = _DOT_DEGREES.sub(r"\1,\2", text)  # "14.883 độ Vĩ Bắc": a decimal, not thousands
        text = _MERIDIAN_RANGE.sub(_meridian_range, text)
        text = _MERIDIAN.sub(_meridian, text)
    if "°" not in text and not _COORDINATE_PAIR.search(text):
        return text
    text = _COORDINATE_PAIR.sub(_read_coordinate_pair, text)
    return _COORDINATE.sub(_read_coordinate, text)


# "tại tọa độ 14.883 độ Vĩ Bắc" (set AG): degrees of latitude or longitude are no thousands
_DOT_DEGREES = rc.compile(r"(?<![\w.,])(\d{1,3})\.(\d{1,6})(?=\s*độ\s+(?:[Vv]ĩ|[Kk]inh)(?!\w))")
# "vĩ tuyến 15N", "kinh tuyến 1160E" (set AH: the page lost its degree sign, "116°E" -> "1160E")
_ON_MERIDIAN = r"(?<!\w)((?:[Vv]ĩ|[Kk]inh) (?:tuyến|độ)\s+)"  # "vĩ tuyến ", "kinh độ "
_MERIDIAN = rc.compile(rf"{_ON_MERIDIAN}(\d{{1,4}}(?:[.,]\d+)?)\s?([NSEW])(?!\w)")


# "vĩ tuyến 11,5–17,0N", "kinh tuyến 108,0E–116,5E" (set AP): a span of one coordinate
_MERIDIAN_RANGE = rc.compile(
    rf"{_ON_MERIDIAN}(\d{{1,3}}(?:[.,]\d+)?)\s?([NSEW])?\s?[-–]\s?(\d{{1,3}}(?:[.,]\d+)?)\s?([NSEW])(?!\w)"
)


def _meridian_range(match: re.Match[str]) -> str:
    words, first, side_first, last, side = match.groups()
    if side_first not in (None, side):
        return match.group()
    hemisphere = _HEMISPHERES[side].split()[1]
    return f"{words}{_degrees(first)} đến {_degrees(last)} độ {hemisphere}"


def _meridian(match: re.Match[str]) -> str:
    words, value, side = match.groups()
    most = 90 if side in "NS" else 180
    number = float(value.replace(",", "."))
    if number > most and value.endswith("0") and float(value[:-1].replace(",", ".")) <= most:
        value = value[:-1]  # its degree sign read as a zero
    elif number > most:
        return match.group()
    return f"{words}{_degrees(value)} độ {_HEMISPHERES[side].split()[1]}"  # "vĩ tuyến … độ Bắc"


def _read_coordinate_pair(match: re.Match[str]) -> str:
    latitude, north_south, longitude, east_west = match.groups()
    return (
        f"{_degrees(latitude)} độ {_HEMISPHERES[north_south]}, "
        f"{_degrees(longitude)} độ {_HEMISPHERES[east_west]}"
    )


# --- fishing boats and ships
_BOAT = rc.compile(
    r"(?<![\w.-])([A-ZĐ][A-Za-zĐđ]{0,3})(?:\s?-\s?|\s)(\d{4,5})"
    r"(?:(?:\s?-\s?|\s)?(TS)(?!\w)|(?![\w]|[.,]\d))"
)
_BOAT_CONTEXT = rc.compile(r"\btàu(?:\s+cá)?(?:\s+(?:số hiệu|mang số hiệu|mang số))?\s*$", re.I)
_SHIP = rc.compile(
    r"(?<!\w)([Tt]àu(?:\s+[a-zà-ỹđ]+){0,2}\s+)([A-ZĐ]{2,4})(?:\s?-\s?|\s)(?=\d{2,5}(?![\w]|[.,]\d))"
)

# "HQ - 182 Hà Nội, HQ - 183 …, HQ 185 - Khánh Hòa" (set BM): the Navy's hull numbers, three
# digits after "HQ" with or without a dash; "hát quy", not the lexicon's "hải quan"
_HULL = rc.compile(r"(?<![\w&/-])HQ(?:\s?[-–]\s?|\s)(?=\d{3}(?![\w/]|[.,]\d))")


def _spell_letters(code: str) -> str:
    return " ".join(LETTER_NAMES.get(c.upper(), c) for c in code)


def _read_boat(match: re.Match[str]) -> str:
    code, number, suffix = match.groups()
    if suffix is None:
        before = match.string[max(0, match.start() - 30) : match.start()]
        if not _BOAT_CONTEXT.search(before):
            return match.group()
    words = [_spell_letters(code), read_digits(number)]
    return " ".join(words + (["tê ét"] if suffix else []))


def boats(text: str) -> str:
    """Fishing-boat numbers: "QNg 90459 TS", "BĐ-96430TS", "tàu cá QB-93827" -> "quy nờ gờ
    chín không bốn năm chín tê ét" (province code by letter, number digit by digit, TS for
    thủy sản by letter); a ship's letters after "tàu" are spelled too: "tàu HQ 950" -> "tàu
    hát quy 950" (not the lexicon's "hải quan"), and a 4-5 digit number after them is read
    digit by digit like a boat's ("tàu CSB 8003")."""
    text = _BOAT.sub(_read_boat, text)
    text = _HULL.sub("hát quy ", text)
    return _SHIP.sub(lambda m: f"{m[1]}{_spell_letters(m[2])} ", text)


# --- stock tickers
_TICKER = r"(?<![\w.-])(?<!TP )(?<!Tp )(?<!TP\.)[A-Z]{3}(?![\w-])"
_TICKER_RE = rc.compile(_TICKER)
_TICKER_GAP = rc.compile(r"\s*(?:(?:,|và|hoặc|…|\.\.\.)\s*)+")
_TICKER_MOVE = rc.compile(
    r"\s+(?:đều\s+|cùng\s+|ghi nhận\s+(?:mức\s+)?)?"  # "HSG ghi nhận mức tăng lên tới 19,92%"
    r"(?:tăng|giảm|tụt|mất|nhích|lên|xuống|đứng giá|đóng cửa|chốt)\s+"
    r"(?:gần\s+|hơn\s+|thêm\s+|khoảng\s+|nhẹ\s+|lên\s+(?:tới\s+|đến\s+)?|tới\s+|đến\s+)?\d"
)
_TICKER_AFTER = rc.compile(rf"(?<!\w)((?:[Mm]ã|[Cc]ổ phiếu)\s+)({_TICKER})")
# "các mã: SSI, FPT, ..., ACB, HCM, VND": a list of tickers after its label (set J: "HCM" was
# "Hồ Chí Minh", "HSG" "học sinh giỏi")
_TICKER_LIST = rc.compile(
    r"((?:[Mm]ã|[Cc]ổ phiếu)(?:\s[^\W\d][^:.;\n]{0,30})?:\s*)"
    r"([A-Z][A-Z0-9]{2}(?:(?:\s*(?:,|và)\s*|\.\.\.,?\s*|…,?\s*)+[A-Z][A-Z0-9]{2})+)(?![\w-])"
)
# "HCM (Chứng khoán TP.HCM)": a ticker with its company in a bracket after it (set AU)
_TICKER_COMPANY = rc.compile(
    rf"({_TICKER})(?=\s*\((?:Chứng khoán|Tập đoàn|Ngân hàng|Công ty|Tổng công ty|CTCP|Bảo hiểm)\s)"
)
_LISTED_TICKER = rc.compile(r"(?<![\w.-])[A-Z]{3}(?![\w-])")
_STOCK_CONTEXT = rc.compile(
    r"cổ phiếu|chứng khoán|VN-Index|VN30|HNX|UPCoM|HOSE|HoSE|thanh khoản|khối ngoại|tham chiếu"
)


def _ticker_groups(text: str) -> list[list[re.Match[str]]]:
    """Runs of tickers joined by ",", "và", "hoặc" ("VND và SHS"), in one linear pass."""
    groups: list[list[re.Match[str]]] = []
    for match in _TICKER_RE.finditer(text):
        last = groups[-1][-1] if groups else None
        if last is not None and _TICKER_GAP.fullmatch(text, last.end(), match.start()):
            groups[-1].append(match)
        else:
            groups.append([match])
    return groups


# "VND" is also VNDirect's ticker: in market text it is the currency only after an amount, a
# money word or a slash ("24.500 VND", "tỷ giá USD/VND"), or before "mất giá", "so với" (set H)
_VND = rc.compile(r"(?<![\w./-])VND(?![\w/-])")
_VND_CURRENCY_BEFORE = rc.compile(
    r"(?:\d[\d.,]*\s*|(?:tỷ|triệu|nghìn|ngàn|trăm|đồng|giá|bằng|tiền|đô la Mỹ|USD)\s+|[/(])$",
    re.IGNORECASE,
)
_VND_CURRENCY_AFTER = rc.compile(r"\s*(?:/|mất giá|lên giá|giảm giá|so với|\))")


# In a market article without stock words in the sentence: only as a subject (a clause's start)
_CLAUSE_START = rc.compile(r"(?:^|[,.;:!?\n\[(]\s*)$")


def _vnd_ticker(text: str, *, subject_only: bool) -> str:
    def read(match: re.Match[str]) -> str:
        before = text[max(0, match.start() - 16) : match.start()]
        if _VND_CURRENCY_BEFORE.search(before) or _VND_CURRENCY_AFTER.match(text, match.end()):
            return match.group()
        if subject_only and not _CLAUSE_START.search(before):
            return match.group()  # "lãi suất tiền gửi VND" in a bank report: the currency
        return _spell_letters("VND")

    return _VND.sub(read, text)


def tickers(text: str, market: bool = False) -> str:
    """Stock tickers are spelled, never expanded: in market news "VND và SHS giảm 1,87%, HCM
    giảm 1,34%" -> "vê nờ dê và ét hát ét giảm ..., hát xê mờ giảm" (not "đồng", "Hồ Chí
    Minh"); also after "mã", "cổ phiếu". A lone currency code ("USD tăng 0,3%") is kept.
    In market text (``market``: the document's topic) "VND" not after an amount is the
    ticker ("VND được kỳ vọng ...")."""
    if "mã" in text or "hiếu" in text:  # a list after its label is evidence enough
        text = _TICKER_LIST.sub(
            lambda m: m[1] + _LISTED_TICKER.sub(lambda t: _spell_letters(t.group()), m[2]), text
        )
    if "(" in text:
        text = _TICKER_COMPANY.sub(lambda m: _spell_letters(m[1]), text)
    stock = _STOCK_CONTEXT.search(text) is not None
    if not market and not stock:
        return text
    text = _TICKER_AFTER.sub(lambda m: m[1] + _spell_letters(m[2]), text)
    pieces: list[str] = []
    done = 0
    for group in _ticker_groups(text):
        listed = len(group) >= 3 and not all(g.group() in CURRENCY_CODES for g in group)
        if not listed and not _TICKER_MOVE.match(text, group[-1].end()):
            continue  # three codes or more in a row in stock news: a list of tickers (set R)
        if len(group) == 1 and group[0].group() in CURRENCY_CODES:
            continue  # "VND giảm 0,2%" may be the currency
        for match in group:
            pieces += [text[done : match.start()], _spell_letters(match.group())]
            done = match.end()
    text = "".join([*pieces, text[done:]])
    return _vnd_ticker(text, subject_only=not stock) if "VND" in text else text


# --- a firm's name in capitals: "Công ty BTC VALUE" (set BD), "Tập đoàn ABC HOLDINGS"
_FIRM_ACRONYM = rc.compile(
    r"(?<!\w)(?:Công ty|Tập đoàn|Tổng công ty|Doanh nghiệp|CTCP)(?![\w-])[^.,;:()\n]{0,40}?"
    r"(?<=\s)([A-ZĐ]{2,5})(?=\s+([A-Z]*[AEIOUY][A-Z]*)(?![\w-]))"
)


#: A firm's legal form and trade, said in full in its name ("Công ty TNHH TM DV ARENA").
_FIRM_FORMS = frozenset(
    {"TNHH", "CP", "CTCP", "MTV", "TM", "DV", "TMDV", "XD", "SX", "XNK", "XK", "NK", "ĐT", "PT"}
    | {"KD", "BĐS", "CN", "QT", "VT", "KT", "TV", "SXTM", "TMCP", "NH", "HTX"}
)


#: "công ty BQP thuộc …": a firm named by its letters alone, right after "công ty".
_FIRM_NAMED = rc.compile(r"(?<!\w)((?:[Cc]ông ty|CTCP)\s+)([A-ZĐ]{2,5})(?![\w&.-])(?!\s+[A-ZĐ])")


def firm_acronyms(text: str) -> str:
    """Letters before a foreign word in capitals (:func:`_spoken_caps`) inside a firm's name
    ("Công ty cổ phần Thẩm định giá BTC VALUE") are the firm's, spelled ("bê tê xê"), never the
    lexicon's ("ban tổ chức"); "Công ty TNHH MTV", "TNHH ABC" keep the lexicon's reading."""
    if "ông ty" not in text and "ập đoàn" not in text and "CTCP" not in text:  # fast path
        return text
    words = builtin_lexicon().words

    def read(match: re.Match[str]) -> str:
        acronym, after = match.group(1), match.group(2)
        word = _spoken_caps(after) and not is_vietnamese_syllable(after.lower())
        if not word or acronym not in words or acronym in _FIRM_FORMS or after in words:
            return match.group()
        return match.group()[: match.start(1) - match.start()] + _spell_letters(acronym)

    def name(match: re.Match[str]) -> str:
        acronym = match.group(2)
        if acronym not in words or acronym in _FIRM_FORMS:
            return match.group()
        return match.group(1) + _spell_letters(acronym)

    text = _FIRM_ACRONYM.sub(read, text)
    return _FIRM_NAMED.sub(name, text)  # "công ty BQP thuộc Bộ Quốc phòng" (set BH)


# --- "EU": the European Union, except as a count of execution units in a GPU ("Iris Xe 96 EU",
# set H): right after a count, or in a sentence about graphics, it is spelled "e u"
_EU = rc.compile(r"(?<![\w.&/-])EU(?![\w&/-])")
_EU_AFTER_NUMBER = rc.compile(r"(?<![\d.,])\d{1,3}\s?$")  # a count, not a year ("năm 2024 EU")
_CHIP_CONTEXT = rc.compile(  # graphics words only: "EU đầu tư vào chip" is still the union
    r"(?<!\w)(?:i?GPU|đồ họa|đồ hoạ|Iris|Radeon|GeForce|nhân xử lý đồ họa)(?!\w)",
    re.IGNORECASE,
)


def execution_units(text: str) -> str:
    """ "96 EU", "GPU 80 nhân EU" -> "e u" (execution units); "EU áp thuế" stays the union."""
    if "EU" not in text:
        return text
    chip = _CHIP_CONTEXT.search(text) is not None

    def read(match: re.Match[str]) -> str:
        before = text[max(0, match.start() - 8) : match.start()]
        if chip or _EU_AFTER_NUMBER.search(before):
            return _spell_letters("EU")
        return match.group()

    return _EU.sub(read, text)


# --- rice varieties: "lúa OM 5451", "IR 50404" are codes (digits one by one, as glued "OM5451")
_VARIETY = rc.compile(
    r"(?<![\w.-])(OM|IR|ST|ĐS|DT|TBR|RVT|BC|KD|AC|VD|HT|NV|OC|CR|CL|VNR|AGPPS)\s(\d{3,6})(?![\w]|[.,]\d)"
)
_RICE_CONTEXT = rc.compile(r"(?<!\w)(?:lúa|gạo|giống|nếp|thóc|thương lái)(?!\w)", re.I)


def varieties(text: str) -> str:
    """Rice variety codes with a space, "lúa OM 5451", "IR 50404" -> read as the glued "OM5451"
    (letters by name, the number digit by digit), in a text about rice or seed."""
    if not _RICE_CONTEXT.search(text):
        return text
    return _VARIETY.sub(r"\1\2", text)


# --- exam news: "TS" counts candidates
_EXAM_CONTEXT = rc.compile(
    r"(?<!\w)(?:thi|điểm|thí sinh|tuyển sinh|trúng tuyển|xét tuyển|tốt nghiệp)(?!\w)", re.I
)
_CANDIDATES = rc.compile(
    rf"(?<!\w)(\d+|có|nhiều|các|những|mỗi|từng|mọi|số|bao nhiêu)(\s+)TS(?![\w.])(?!\s+[{UPPER}])"
)


def candidates(text: str) -> str:
    """In exam news "TS" after a number or a quantifier is "thí sinh", not the title "tiến
    sĩ": "Môn toán có 12 TS đạt điểm 10" -> "12 thí sinh"; "TS Nguyễn Văn A" stays a title."""
    if "TS" not in text or not _EXAM_CONTEXT.search(text):
        return text
    return _CANDIDATES.sub(r"\1\2thí sinh", text)


# --- slashes after a count
_ADMIN_UNITS = frozenset({"tỉnh", "thành", "quận", "huyện", "xã", "phường", "thị", "thôn", "xóm"})
_COUNT_SLASH = rc.compile(
    r"(?<![\w.,/])(\d[\d.,]*\s+[^\W\d_]+(?:\s+[^\W\d_]+)?)\s*/\s*"
    r"(?:(\d[\d.,]*\s+[^\W\d_]+)|([^\W\d_]+))"
)


# Units a concentration is written in, spelled out or short ("50 miligam/100 mililít").
_QUANTITY_UNITS = frozenset(
    {"miligam", "mg", "gam", "g", "kg", "microgam", "µg", "mililít", "ml", "lít", "l", "dl",
     "decilít", "m3", "mét khối", "mol", "mmol"}
)  # fmt: skip


def _count_slash(match: re.Match[str]) -> str:
    count, other_count, noun = match.groups()
    if other_count:
        if count.split()[-1] in _QUANTITY_UNITS and other_count.split()[-1] in _QUANTITY_UNITS:
            return f"{count} trên {other_count}"  # "50 miligam/100 mililít": a concentration
        if re.fullmatch(r"10{2,}|10{0,2}(?:\.000)+", other_count.split()[0]):
            return f"{count} trên {other_count}"  # "15 bác sỹ/ 10.000 dân": a ratio (set L)
        if count.split()[-1] == "điểm" and other_count.split()[-1] in ("môn", "bài", "phần"):
            return f"{count} cho {other_count}"  # "29,1 điểm/3 môn": a total over three subjects
        return f"{count}, {other_count}"  # "7 mã giảm/21 mã tăng": two counts
    last = count.split()[-1]
    per_unit = noun in PER_NOUNS or (noun in _ADMIN_UNITS and last not in _ADMIN_UNITS)
    return f"{count} một {noun}" if per_unit else match.group()


def count_slashes(text: str) -> str:
    """A slash after a count: "5 thí sinh/tỉnh" -> "năm thí sinh một tỉnh" (per, as "đồng/kg");
    between two counts a pause: "7 mã giảm/21 mã tăng" -> "bảy mã giảm, hai mươi mốt mã tăng";
    "2 quận/huyện" (either) is left to the symbol rule."""
    if "/" not in text:
        return text
    return _COUNT_SLASH.sub(_count_slash, text)


# --- phone numbers
_PHONE = rc.compile(
    r"(?<![\w.,/+])(?:"
    r"\(\+?\d{2,4}\)[ .]?\d{3,4}[ .]?\d{3,4}"  # (024) 3825 1234
    r"|\+84[ .]?\d{2,3}[ .]?\d{3}[ .]?\d{3,4}"  # +84 912 345 678
    r"|0\d{2,3}[ .]\d{3,4}[ .]\d{3,4}"  # 0912 345 678, 024 3825 1234
    r"|0\d{9,10}"  # 0912345678
    r"|0\d{3}[ .]\d{6}"  # 0912 345678
    r"|1[89]00(?:[ .]?\d{4}|[ .]\d{2}[ .]\d{2}[ .]\d{2}|[ .]?\d{3}[ .]\d{3})"  # 1900 1234
    r")(?![\w/]|[.,]\d)"
)


def _read_phone(match: re.Match[str]) -> str:
    raw = match.group()
    prefix = ""
    if raw.startswith("+"):
        prefix = "cộng "
    return prefix + read_digits(raw)


def phone_numbers(text: str) -> str:
    """Phone numbers digit by digit: "0912 345 678" -> "không chín một hai ba bốn ..."."""
    return _PHONE.sub(_read_phone, text)


# --- the page's decimal convention
_DOT_DECIMAL_EVIDENCE = rc.compile(
    r"(?<![\w.,/:])(\d+)\.(\d{1,2})(?![\w/:-]|[.,]\d|\s*(?:giờ|h\b))(\s*%)?"
)
_DATE_OR_TIME_BEFORE = rc.compile(
    r"(?:ngày|sáng|trưa|chiều|tối|đêm|hôm|từ|đến|lúc|mùng|mồng|tháng|thứ \w+"
    r"|\d[.,/-]\d{1,2},?\s*(?:và)?)\s*$",  # a date word, or a date just before ("22.9, 23.9")
    re.I,
)
_COMMA_DECIMAL = rc.compile(r"(?<![\w.,])\d+,\d{1,2}(?![\w]|[.,]\d)")
_DOT_GROUPS = rc.compile(r"(?<![\w.,])\d{1,3}(?:\.\d{3}){2,}(?![\w]|[.,]\d)")
_COMMA_THOUSANDS = rc.compile(r"(?<![\w.,/])(\d{1,3}(?:,\d{3})+)(\.\d+)?(?![\w]|[.,]\d)")


def uses_dot_decimals(document: str) -> bool:
    """True when the page writes decimals with a dot ("6.61", "0.01%": at least two that cannot
    be dates or times) and never the Vietnamese way ("3,5", "1.234.567")."""
    if _COMMA_DECIMAL.search(document) or _DOT_GROUPS.search(document):
        return False
    found = 0
    for match in _DOT_DECIMAL_EVIDENCE.finditer(document):
        whole, fraction = int(match.group(1)), match.group(2)
        before = document[max(0, match.start() - 12) : match.start()]
        if _DATE_OR_TIME_BEFORE.search(before):
            continue
        not_a_date = whole == 0 or whole > 31 or int(fraction) > 12 or fraction.startswith("0")
        if match.group(3) or not_a_date:
            found += 1
            if found >= 2:
                return True
    return False


def english_thousands(text: str) -> str:
    """On a dot-decimal page: "170,802" -> "170.802", "12,345.6" -> "12.345,6" (Vietnamese)."""

    def vietnamese(match: re.Match[str]) -> str:
        decimals = match.group(2)
        grouped = match.group(1).replace(",", ".")
        return grouped + ("," + decimals[1:] if decimals else "")

    return _COMMA_THOUSANDS.sub(vietnamese, text)


# --- vehicle plates
# A word glued to the plate is a slip of the source: "đầu kéo15C-159.xx" (set AV), "BKS30A-…"
_PLATE = rc.compile(
    r"(?<![\d.,/_A-Z-])(?:(?<![\w.,/-])(BS|BKS)\s*)?(\d{2})([A-ZĐ]{1,2}\d{0,2})\s?[-.]\s?"
    r"(\d{3}\.\d{2}|\d{4,5}|\d{2,3}\.\d?[xX]{1,3}|\d{1,4}[xX]{1,4}"  # "40xx", "48.XX": masked
    r"|\d{1,4}(?=\.{3}|…))"  # "93L1-40...", "92E1 - 138…" (sets BL, BN): masked by an ellipsis
    r"(?![\w]|[.,]\d)"
)


_PLATE_PREFIXES = {"BS": "biển số", "BKS": "biển kiểm soát"}


def _read_plate(match: re.Match[str]) -> str:
    prefix, province, series, serial = match.groups()
    words = [_PLATE_PREFIXES[prefix]] if prefix else []  # "BS 51C-581.68": biển số, not bác sĩ
    if match.start() and match.string[match.start() - 1].isalpha():
        words.insert(0, "")  # "kéo15C-…": a space after the glued word
    words.append(read_cardinal(int(province)))
    for piece in re.findall(r"\d+|\D", series):
        words.append(read_digits(piece) if piece.isdecimal() else LETTER_NAMES[piece])
    digits = serial.replace(".", "").lower()
    words.append(read_digits(digits.rstrip("x")))
    words.extend(LETTER_NAMES["X"] for _ in range(len(digits) - len(digits.rstrip("x"))))
    return " ".join(words)


# An old plate has no series letter ("BKS 72-02941"): only after a plate word, else a range.
_OLD_PLATE = rc.compile(
    r"(?<!\w)(BKS|BS|[Bb]iển số|[Bb]iển kiểm soát|mang biển)(\s+(?:xe\s+)?)(\d{2})\s?-\s?(\d{4,5})"
    r"(?![\w]|[.,]\d)"
)


def _read_old_plate(match: re.Match[str]) -> str:
    word, space, province, serial = match.groups()
    word = _PLATE_PREFIXES.get(word, word)
    return f"{word}{space}{read_cardinal(int(province))}, {read_digits(serial)}"


def plates(text: str) -> str:
    """Vehicle plates: "30A-123.45" -> "ba mươi a một hai ba bốn năm" (serial digit by digit);
    an old plate without a series letter after a plate word, "BKS 72-02941" -> "biển kiểm soát
    bảy mươi hai, không hai chín bốn một" (not a range)."""
    text = _PLATE.sub(_read_plate, text)
    if " " in text:  # "Xe ô-tô 34L 8864" (set AK): a space for the dash after a vehicle word
        text = _SPACED_PLATE.sub(_spaced_plate, text)
    return _OLD_PLATE.sub(_read_old_plate, text)


def _spaced_plate(match: re.Match[str]) -> str:
    dashed = _PLATE.match(f"{match[2]}-{match[3]}")
    return f"{match[1]}{_read_plate(dashed)}" if dashed else match.group()


_SPACED_PLATE = rc.compile(
    r"(?<!\w)((?:[Xx]e(?:\s+(?:tải|khách|con|buýt|container|đầu kéo|bán tải|ben|máy))?"
    r"|ô tô|ô-tô|[Ôô]tô|mô tô|biển số|biển kiểm soát)\s+)"
    r"(\d{2}[A-ZĐ]{1,2}\d?)\s(\d{4,5}|\d{3}\.\d{2})(?![\w]|[.,]\d)"
)


# --- document numbers
_DOC_CODE = r"[A-ZĐ][\wĐđ&.]*(?:[-/][\wĐđ&]+)*"
_DOC_CODE_SLASHED = r"[A-ZĐ][\wĐđ&]*(?:/[A-ZĐ][\wĐđ&]*)+"
_DOCUMENT = rc.compile(rf"(?<![\w/.,])(\d{{1,6}})(?:/(\d{{4}}))?/({_DOC_CODE})")


def spell_code(code: str) -> str:
    """A code letter by letter, numbers as numbers: "BĐ" -> "bê đê", "C01" -> "xê không một"."""
    return _spell_code(code)


def _spell_code(code: str) -> str:
    parts: list[str] = []
    for piece in re.findall(r"\d+|&|/|[^\W\d_]", code):
        if piece == "&":
            parts.append("và")
        elif piece == "/":
            parts.append("trên")
        elif piece.isdecimal():
            short = len(piece) <= 2 and not (len(piece) == 2 and piece.startswith("0"))
            parts.append(read_cardinal(int(piece)) if short else read_digits(piece))  # "C01"
        else:
            parts.append(LETTER_NAMES.get(piece.upper(), piece.lower()))
    return " ".join(parts)


def _read_document(match: re.Match[str]) -> str:
    number, year, code = match.groups()
    words = [read_cardinal(int(number))]
    if year:
        words += ["trên", read_cardinal(int(year))]
    words += ["trên", _spell_code(code)]
    return " ".join(words)


_DOCUMENT_DASH = rc.compile(rf"(?<![\w/.,])(\d{{1,6}})-({_DOC_CODE_SLASHED})")


def document_numbers(text: str) -> str:
    """ "100/2019/NĐ-CP" -> "một trăm trên hai nghìn không trăm mười chín trên nờ đê xê pê"."""
    text = _DOCUMENT.sub(_read_document, text)
    return _DOCUMENT_DASH.sub(  # "68-NQ/TW"
        lambda m: f"{read_cardinal(int(m.group(1)))} {_spell_code(m.group(2))}", text
    )


# --- e-mail and web addresses
_ADDRESS = rc.compile(
    r"(?:https?://)?(?:[\w+-]+(?:\.[\w+-]+)*@)?(?:www\.)?[\w-]+(?:\.[\w-]+)*"
    r"\.(?:vn|com|net|org|gov|edu|info|io|int)\b(?:/[\w./?=&%-]*[\w/])?",
    re.IGNORECASE,
)
_ADDRESS_TOKEN = rc.compile(r"\S+")  # an address never spans a space: regexes run per token
_MAX_ADDRESS = 200  # longer tokens are not read as addresses (keeps the rule linear-time)
_ADDRESS_PARTS = rc.compile(r"[.@/:?=&_-]+")
_ADDRESS_WORDS = {".": "chấm", "@": "a còng"}
# How the usual domain endings are said (letter names, or the word they are).
_DOMAIN_WORDS = {
    "vn": "vê nờ",
    "com": "com",
    "net": "nét",
    "org": "o rờ gờ",
    "gov": "gờ o vê",
    "edu": "e dê u",
    "info": "in phô",
    "io": "i o",
    "int": "in",
    "www": "vê kép vê kép vê kép",
}
_ADDRESS_PIECE = rc.compile(r"[.@/:?=&_-]+|[^.@/:?=&_-]+")


def _address_word(word: str) -> str:
    """One part of an address ("baomoi", "vn", "evn") as it is said."""
    lower = word.lower()
    if lower in _DOMAIN_WORDS:
        return _DOMAIN_WORDS[lower]
    if word.isdecimal():
        return read_digits(word) if word.startswith("0") else read_cardinal(int(word))
    if not (word.isascii() and word.isalpha()) or lower in foreign_words():
        return word  # "hotline", "google": a known foreign word, left to the foreign table
    syllables = split_syllables(lower)
    if syllables is not None:
        return " ".join(syllables)  # "baomoi" -> "bao moi", "chinhphu" -> "chinh phu"
    acronym = _ACRONYM_LABEL.match(lower) and sum(c in "aeiouy" for c in lower) <= 1
    if len(word) <= 4 or (len(word) <= 10 and acronym):
        return " ".join(LETTER_NAMES.get(c.upper(), c) for c in lower)  # "evn" -> "e vê nờ"
    return word


# "vnuhcm", "hcmcpv": a label opening on two consonants no English or Vietnamese word opens
# with, and with one vowel at most, is an acronym, spelled (second sweep: "live.vnuhcm.edu.vn"
# left "vnuhcm" raw; "gmail" stays a word)
_ACRONYM_LABEL = rc.compile(
    r"(?!(?:bl|br|ch|cl|cr|dr|fl|fr|gh|gl|gr|kh|kl|kn|kr|ng|nh|ph|pl|pr|sc|sh|sk|sl|sm|sn|sp|st|"
    r"sw|th|tr|tw|wh|wr|qu|gi)[a-z])[b-df-hj-np-tv-z]{2}"
)


#: A page's path after the site: a slug of three dashes or more, a file, or two folders
#: ("thanhnien.vn/giao-duc/tra-cuu-diem-lop-10.htm", set BD): a newsreader says the site
#: only; a section ("evn.com.vn/tin-tuc") is read.
_PAGE_PATH = rc.compile(
    r"(?<=[a-z0-9])/(?=(?:[^/\s-]*-){3}|[^/\s]+\.[a-z]{2,5}$|[^/\s]+/[^/\s])", re.I
)


def _read_address(match: re.Match[str]) -> str:
    address = re.sub(r"^(?:https?://)?(?:www\.)?", "", match.group(), flags=re.IGNORECASE)
    if "@" not in address and (path := _PAGE_PATH.search(address)):
        address = address[: path.start()]
    words: list[str] = []
    for piece in _ADDRESS_PIECE.findall(address.rstrip("/")):
        if piece[0] in ".@/:?=&_-":
            spoken = _ADDRESS_WORDS.get(piece[0])
            if spoken:
                words.append(spoken)
        else:
            words.append(_address_word(piece))
    return " ".join(words)


def _addresses_in_token(match: re.Match[str]) -> str:
    token = match.group()
    if len(token) > _MAX_ADDRESS or "." not in token:
        return token
    return _ADDRESS.sub(_read_address, token)


_ADDRESS_HINT = rc.compile(r"\.(?:vn|com|net|org|gov|edu|info|io|int)\b", re.IGNORECASE)


@functools.cache
def foreign_words() -> frozenset[str]:
    return frozenset(k.lower() for k in load_data_lexicon("foreign.toml").words)


def addresses(text: str) -> str:
    """ "hopthu@tintuc.vn" -> "hop thu a còng tin tuc chấm vê nờ"."""
    if _ADDRESS_HINT.search(text) is None:
        return text
    return _ADDRESS_TOKEN.sub(_addresses_in_token, text)


_CLUSTERS = ("tr", "th", "ch", "nh", "ng", "ph", "kh", "gh", "gi", "qu")


# Common syllables without an onset ("cong an", "dien anh"); others rarely start a piece.
_VOWEL_SYLLABLES: frozenset[str] = frozenset(
    {"a", "an", "anh", "am", "ai", "ao", "au", "ay", "e", "em", "en", "i", "in", "inh", "im",
     "o", "oi", "u", "uy", "ung", "y", "yen", "at", "ac", "ap", "ang"}
)  # fmt: skip


def _split_rank(pieces: list[str]) -> tuple[int, int, int, list[int]]:
    """Fewest syllables; then no onset cluster cut ("tuoi tre", not "tuoit re"); then no rare
    onset-less piece ("dich vu cong", not "dich vuc ong"); then longest first ("cong an")."""
    cut = sum(1 for i in range(1, len(pieces)) if pieces[i - 1][-1] + pieces[i][0] in _CLUSTERS)
    bare = sum(1 for p in pieces[1:] if p[0] in "aeiouy" and p not in _VOWEL_SYLLABLES)
    return len(pieces), cut, bare, [-len(p) for p in pieces]


def split_syllables(word: str) -> list[str] | None:
    """Split a run of toneless letters into Vietnamese syllables ("chinhphu" -> chinh phu):
    fewest syllables, then longest first ("congan" -> cong an); None if it cannot be split."""
    n = len(word)
    if n > 40:
        return None
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(1, n + 1):
        for start in range(max(0, end - 7), end):
            prefix = best[start]
            piece = word[start:end]
            if prefix is not None and is_ascii_syllable(piece):
                candidate = [*prefix, piece]
                current = best[end]
                if current is None or _split_rank(candidate) < _split_rank(current):
                    best[end] = candidate
    return best[n]


# --- date lines
_DATE_LINE_DASH = rc.compile(
    r"(?<=/\d{4})\s+-\s+(?=\d{1,2}:\d{2})|(?<=\d:\d\d)\s+-\s+(?=\d{1,2}/\d{1,2}/\d)"
)


def date_line_dashes(text: str) -> str:
    """ "23/10/2020 - 06:26": the dash between a date and a time is a pause, not a range;
    "7h/21/7": an hour on a day ("bảy giờ ngày hai mươi mốt tháng bảy")."""
    text = _HOUR_SLASH_DATE.sub(r"\1 ngày ", text)
    return _DATE_LINE_DASH.sub(", ", text)


# "lúc 7h/21/7", "19h-20/7" (hydrology bulletins): an hour, then the day it falls on.
_HOUR_SLASH_DATE = rc.compile(
    r"(?<![\w.,/])(\d{1,2}h(?:\d{2})?)[/-](?=\d{1,2}/\d{1,2}(?:/\d{4})?(?![\w/]|[.,]\d))"
)


# --- dates
def read_day(day: int) -> str:
    """Day of month: 1..10 take "mùng" ("mùng hai"), others plain."""
    return f"mùng {read_cardinal(day)}" if day <= 10 else read_cardinal(day)


def read_month(month: int) -> str:
    """Month number as spoken after "tháng" (4 -> "tư")."""
    return "tư" if month == 4 else read_cardinal(month)


def _valid(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


_FULL_DATE = rc.compile(r"(?<![\w/.,-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\w/]|[.,]\d|-\d)")
_QUARTER = rc.compile(r"\b([Qq]u[ýí])\s*([IV]+|[1-4])\s*(?:/|-|\.|\s+năm\s+)(\d{4})\b")
_MONTH_YEAR = rc.compile(
    r"(?<![\w/.,-])(?:(?:([Tt]háng)\s+)?(\d{1,2})/|([Tt]háng)\s+(\d{1,2})[-.])(\d{4})"
    r"(?![\w/]|[.,]\d|\s?-\s?\d)"
)
# Denominators a bare "a/b" (a < b) is read as a fraction with; "5/11", "1/8" are dates.
_FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 10})
# Not a day range before a written month: "ngày 10-11 tháng 5" is days 10 to 11 of May.
_DAY_MONTH = rc.compile(r"(?<![\w/.,-])(\d{1,2})([/.-])(\d{1,2})(?![\w/]|[.,-]\d)(?!\s+tháng\s+\d)")
_DATE_CONTEXT = rc.compile(
    r"(?:\b(?:ngày|sáng|trưa|chiều|tối|đêm|hôm|khuya|rạng|từ|đến|tới|hết|trước|sau|"
    r"đầu|cuối|vào|hạn|mùng|mồng|nhật|qua|nay|lễ|dịp|tết|phiên(?: giao dịch)?|sáng sớm"
    r"|(?:tối|chiều) muộn)"
    r"|thứ\s+\w+|\bCN)"  # "sáng sớm 7/10" (set AK)
    r"[\s,(]*$",
    re.IGNORECASE,
)
_DATE_CONTEXT_STRONG = rc.compile(
    r"(?:\b(?:ngày|sáng(?: sớm)?|trưa|chiều|tối|đêm|hôm|khuya|rạng sáng|mùng|mồng|nay|kể từ"
    r"|hôm qua|hôm kia"  # "Hôm qua 26.6, TAND …" (set AR)
    r"|phiên(?: giao dịch)?(?: ngày)?)|thứ\s+\w+"  # "phiên giao dịch 11-12" (set M)
    r"|\b(?:ngày|sáng|chiều|tối|trưa) mai"  # "Ngày mai, 7-8, thí sinh thi" (second sweep)
    r"|\b(?:lễ|đêm|buổi|tối|hội nghị|kỳ họp|hội chợ|ngày hội)\s+"  # "đêm khai mạc 13.1"
    r"(?:khai mạc|bế mạc|khai giảng|khởi công|khánh thành|khai trương))"  # (heldout47)
    r"[\s,(]*$",
    re.IGNORECASE,
)
_NOT_A_DAY = rc.compile(r"\b(?:mỗi|một|hằng|hàng|vài|mấy|các|những)\s+ngày\s*$", re.I)
# "trong ngày 2-3 lần": a count in a day; "trong ngày 11-9" a date (set Q)
_IN_A_DAY = rc.compile(r"\btrong\s+ngày\s*$", re.I)
_COUNT_AFTER = rc.compile(
    r"\s*(?:lần|viên|cốc|ly|bữa|giờ|tiếng|phút|ca|cữ|suất|người|chuyến|lượt)(?!\w)"
)
_SCORED = rc.compile(r"\b(?:đạt|được|chấm|điểm)\s*$", re.IGNORECASE)
_HOURS_AFTER = rc.compile(r"\s*(?:giờ|tiếng|phút|h(?![^\W\d_]))")
_SPAN_FROM_DAY = rc.compile(
    r"\b[Tt]ừ\s+(?:ngày\s+)?(\d{1,2})\s+(?:đến|tới)\s*$"
)  # "từ 10 đến 12-7"
_MEASURE_AFTER = rc.compile(
    r"\s*(?:inch|in|cm|mm|m|km|kg|g|mAh|W|GB|MB|TB|Hz|GHz|MP|%|độ|tấn|lít|USD|đồng)(?!\w)"
)
_AFTER_DATE = rc.compile(r"(\d{1,2})/(\d{1,2})\s*(?:và|,|hoặc|đến|tới|-)\s*$")
_AFTER_DATE_RANGE = rc.compile(r"^\s*(?:-|đến|tới)\s*(\d{1,2})/(\d{1,2})(?!\d)")


def _read_full_date(match: re.Match[str]) -> str:
    day, _sep, month, year = match.groups()
    d, m = int(day), int(month)
    if not _valid(d, m):
        return match.group()
    return f"{read_day(d)} tháng {read_month(m)} năm {read_cardinal(int(year))}"


_DATE_RANGE_DASH = rc.compile(
    r"(?<![\w/.,])(\d{1,2}/\d{1,2}(?:/\d{4})?)\s*-\s*(?=\d{1,2}/\d{1,2}(?:/\d{4})?(?![\w/]|[.,]\d))"
)


_DAY_RANGE = rc.compile(
    r"(?<![\w/.,-])(\d{1,2})\s*-\s*(\d{1,2})([/.])(\d{1,2})(?:\3(\d{4}))?(?![\w/]|[.,]\d)"
)
_DAY_LIST = rc.compile(
    r"(?<![\w/.,-])(\d{1,2}(?:\s*(?:,|và|hoặc)\s*\d{1,2})+)\s*([/.-])(\d{1,2})(?:/(\d{4}))?"
    r"(?![\w/%]|[.,-]\d)"  # "từ 6,5-7%" (set AV): a span of percentages
)
_LIST_DAY = rc.compile(r"\d+")


def _day_range(match: re.Match[str]) -> str:
    first, last, sep, month, year = match.groups()
    a, b, m = int(first), int(last), int(month)
    before = match.string[max(0, match.start() - 30) : match.start()]
    if not (_valid(a, m) and _valid(b, m)) or a == b:
        return match.group()
    if a > b and not (a >= 20 and b <= 10 and _DATE_CONTEXT.search(before)):
        return match.group()  # "từ ngày 23-4/8" (set AZ): the span from the month before
    bracketed = before.rstrip().endswith("(") and match.string.startswith(")", match.end())
    if sep == "." and not year and not (bracketed or _DATE_CONTEXT.search(before)):
        return match.group()  # "(1 - 2.6)" alone in brackets: days, as "(22.9)" (set AQ)
    spoken = f"{read_day(a)} đến {read_day(b)} tháng {read_month(m)}"
    return spoken + (f" năm {read_cardinal(int(year))}" if year else "")


def _day_list(match: re.Match[str]) -> str:
    days, _sep, month, year = match.groups()
    m = int(month)
    before = match.string[max(0, match.start() - 30) : match.start()]
    numbers = [int(d) for d in _LIST_DAY.findall(days)]
    in_brackets = before.endswith("(")
    if not all(_valid(d, m) for d in numbers) or not (in_brackets or _DATE_CONTEXT.search(before)):
        return match.group()
    if any(a >= b for a, b in pairwise(numbers)):
        return match.group()  # "6,5-7 điểm": days are listed in order; a decimal is no list
    if _sep == "." and (
        not _DATE_CONTEXT_STRONG.search(before) or _MEASURE_AFTER.match(match.string, match.end())
    ):
        return match.group()  # "ngày 3 và 4.6" (set AM); "3 và 4.6 điểm" stays numbers
    spoken = _LIST_DAY.sub(lambda d: read_day(int(d.group())), days)
    spoken += f" tháng {read_month(m)}"
    return spoken + (f" năm {read_cardinal(int(year))}" if year else "")


# "chiến thắng 21/10", "điểm số là 5/5", "thua 19/21" (set AR): a game's score written with a
# slash right after a word of the result, read as a score, never a date or a share; narrower
# than _SCORE_CONTEXT (dashes), whose "trận", "kết quả" may stand before a slashed date
_SLASH_SCORE = rc.compile(
    # "đạt điểm số 42/42" (set BJ): a mark out of its maximum, read "trên"
    r"(?<!\w)(?<!đạt )((?:(?i:chiến thắng|thắng|thua|tỷ số|tỉ số|điểm số|cách biệt|dẫn|gỡ"
    r"|chung cuộc)|hòa|hoà)"
    r"(?:\s+(?:là|với|lên|thành))?\s+)(\d{1,2})/(\d{1,2})(?![\w/]|[.,]\d)"
    r"(?!\s*(?:tháng|năm|trận|số|ván|set|game|lượt|cuộc|đối thủ)\b)"  # "thắng 2/3 trận": a share
)


def slash_scores(text: str) -> str:
    """ "chiến thắng 21/10" -> "chiến thắng hai mươi mốt mười"."""
    if "/" not in text:
        return text
    return _SLASH_SCORE.sub(
        lambda m: f"{m[1]}{read_cardinal(int(m[2]))} {read_cardinal(int(m[3]))}", text
    )


def day_ranges(text: str) -> str:
    """ "17-21/10" -> "mười bảy đến hai mươi mốt tháng mười"; "(3 và 4-12)" -> days of
    December; "ngày 8 và 9/3"."""
    text = _DAY_RANGE.sub(_day_range, text)
    return _DAY_LIST.sub(_day_list, text)


_ADDRESS_WORDS_AFTER = "đường|phố|hẻm|ngõ|ngách|kiệt|khu|tổ|ấp|thôn|xóm|quận|phường|xã|thị"
# ... and a settlement named after one ("Tiểu khu 1/5", set BL; "Nông trường 1/5")
_STREET_DATE = rc.compile(
    r"(?<!\w)([Đđ]ường|[Pp]hố|[Tt]iểu khu|[Nn]ông trường|[Ll]âm trường)\s+(\d{1,2})/(\d{1,2})"
    r"(?![\w/]|[.,]\d)"
)
_HOUSE_NUMBER = rc.compile(
    r"(?<!\w)(?:([Hh]ẻm|[Nn]gõ|[Nn]gách|[Kk]iệt)|([Ss]ố|[Nn]hà|(?:[Tt]rú|[Nn]gụ|[Ởở]) tại))"
    r"\s+(\d{1,4}(?:/\d{1,4})+)"
    rf"(?![\w/]|[.,]\d)(?(2)(?=\s*(?:$|[,.;)]|\s(?:{_ADDRESS_WORDS_AFTER}|[{UPPER}]))))"
)


def addresses_on_streets(text: str) -> str:
    """ "đường 3/2" -> "đường ba tháng hai" (a street named after a date, no "mùng");
    "số 12/3", "hẻm 45/12" -> "mười hai trên ba" (house numbers, not dates)."""

    def street(match: re.Match[str]) -> str:
        word, day, month = match.groups()
        d, m = int(day), int(month)
        if not _valid(d, m):
            return match.group()
        return f"{word} {read_cardinal(d)} tháng {read_month(m)}"

    def house(match: re.Match[str]) -> str:
        parts = match.group(3).split("/")
        return f"{match.group(1) or match.group(2)} " + " trên ".join(_num(p) for p in parts)

    text = _STREET_DATE.sub(street, text)
    return _HOUSE_NUMBER.sub(house, text)


_DOUBLE_MUNG = rc.compile(r"(?<!\w)([Mm]ùng|[Mm]ồng)\s+mùng(?!\w)")


def doubled_mung(text: str) -> str:
    """ "mùng 9/8" was read "mùng mùng chín": the written "mùng" is kept, once."""
    return _DOUBLE_MUNG.sub(r"\1", text)


def full_dates(text: str) -> str:
    """ "23/10/2020", "2-9-1945", "22.9.2020" -> "hai mươi ba tháng mười năm ..."."""
    text = _DATE_RANGE_DASH.sub(r"\1 đến ", text)
    text = _GLUED_DAY_WORD.sub(r"\1 ", text)  # "ngày-11/9/2025" (set R): a typo for a space
    return _FULL_DATE.sub(_read_full_date, text)


_GLUED_DAY_WORD = rc.compile(r"(?<!\w)([Nn]gày)-(?=\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{4})?(?![\d/]))")


def _read_quarter(match: re.Match[str]) -> str:
    word, number, year = match.groups()
    value = int(number) if number.isdecimal() else roman_to_int(number)
    if value is None:
        return match.group()
    return f"{word} {read_cardinal(value)} năm {read_cardinal(int(year))}"


# Broker shorthand (set H): "3Q23", "Q3/2023", "Q3.2023", "Q1 2024" are quarters; a bare "Q3"
# or "Q3/12" is left alone (it may be "quận 3" in an address)
_SHORT_QUARTER = rc.compile(
    r"(?<![\w.,/-])(?:([1-4])Q(\d\d|(?:19|20)\d\d)"
    r"|Q([1-4])(?:[/.-]((?:19|20)\d\d)|\s((?:19|20)\d\d)))(?![\w]|[.,/-]\d)"
)


def _read_short_quarter(match: re.Match[str]) -> str:
    quarter = match.group(1) or match.group(3)
    year = match.group(2) or match.group(4) or match.group(5)
    full_year = int(year) + 2000 if len(year) == 2 else int(year)
    return f"quý {read_cardinal(int(quarter))} năm {read_cardinal(full_year)}"


def quarters(text: str) -> str:
    """ "quý III/2020" -> "quý ba năm hai nghìn không trăm hai mươi"; "3Q23", "Q3/2023" -> "quý
    ba năm hai nghìn không trăm hai mươi ba"."""
    if "Q" in text:
        text = _SHORT_QUARTER.sub(_read_short_quarter, text)
    return _QUARTER.sub(_read_quarter, text)


def _read_month_year(match: re.Match[str]) -> str:
    word, month, dash_word, dash_month, year = match.groups()
    word, month = word or dash_word, month or dash_month
    m = int(month)
    if not 1 <= m <= 12:
        return match.group()
    return f"{word or 'tháng'} {read_month(m)} năm {read_cardinal(int(year))}"


# Futures contract months "kỳ hạn 11/17", "giao tháng 05/18" (commodity news): month/two-digit
# year. A year over 12 cannot be a month, so it is read as 20yy; "kỳ hạn 6/12 tháng" (bank
# terms) is left alone.
_CONTRACT_MONTH = rc.compile(
    r"(?<!\w)((?:[Kk]ỳ hạn|[Gg]iao|[Hh]ợp đồng)(?:\s+(?:giao|tháng))*|[Tt]háng)\s+"
    r"(0?[1-9]|1[0-2])/(1[3-9]|[2-9]\d)(?![\w/]|[.,]\d|\s*(?:tháng|năm|ngày)(?!\w))"
)


def _read_contract_month(match: re.Match[str]) -> str:
    words, month, year = match.groups()
    month_word = "" if words.lower().endswith("tháng") else " tháng"
    return f"{words}{month_word} {read_month(int(month))} năm {read_cardinal(2000 + int(year))}"


# "kỳ hạn 6/12 tháng" (bank terms): six or twelve months, never a date.
_TERMS = rc.compile(r"(?<!\w)([Kk]ỳ hạn)\s+(\d{1,2})/(\d{1,2})(?=\s+(?:tháng|năm|tuần|ngày)(?!\w))")


def contract_months(text: str) -> str:
    """ "sàn London kỳ hạn 11/17" -> "kỳ hạn tháng mười một năm hai nghìn không trăm mười bảy"
    (a futures contract month, not a fraction); "giao tháng 07/18" likewise; bank terms "kỳ
    hạn 6/12 tháng" -> "kỳ hạn sáu, mười hai tháng"."""
    if "/" not in text:
        return text
    text = _CONTRACT_MONTH.sub(_read_contract_month, text)
    return _TERMS.sub(lambda m: f"{m[1]} {m[2]}, {m[3]}", text)


def month_years(text: str) -> str:
    """ "10/2020" -> "tháng mười năm hai nghìn không trăm hai mươi"; after "tháng" a dash or a
    dot too: "tháng 3-2026" is a month of a year, never a range."""
    if "(" in text:  # "(3-2025)" (set AO): a month of a year in brackets, never "3 to 2025"
        text = _BRACKETED_MONTH_YEAR.sub(_bracketed_month_year, text)
    text = _MONTH_SPAN_YEAR.sub(_read_month_span_year, text)
    return _MONTH_YEAR.sub(_read_month_year, text)


# "tháng 5-6/2019", "tháng 11 và 12/2023": two months of one year; each month is named
# ("tháng năm đến tháng sáu năm …"), so "năm" the month is not heard as "năm" the year
_MONTH_SPAN_YEAR = rc.compile(
    r"(?<!\w)([Tt]háng)\s+(\d{1,2})\s?(-|–|và|đến|tới|hoặc)\s?(\d{1,2})[/.-]((?:19|20)\d{2})"
    r"(?![\w/]|[.,]\d)"
)


def _read_month_span_year(match: re.Match[str]) -> str:
    word, first, link, second, year = match.groups()
    a, b = int(first), int(second)
    dash = link in "-–"
    if not (1 <= a <= 12 and 1 <= b <= 12) or (dash and a >= b):
        return match.group()
    link = "đến" if dash else link
    return f"{word} {read_month(a)} {link} tháng {read_month(b)} năm {read_cardinal(int(year))}"


_BRACKETED_MONTH_YEAR = rc.compile(r"\((\d{1,2})-((?:19|20)\d{2})\)")


def _bracketed_month_year(match: re.Match[str]) -> str:
    month, year = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        return match.group()
    return f"(tháng {read_month(month)} năm {read_cardinal(year)})"


_SHARE_UP_TO = rc.compile(r"\b(?:chiếm|lên|tăng|giảm|chỉ|khoảng|gần|hơn)\s+(?:đến|tới)\s*$", re.I)
_AS_MANY_AS = rc.compile(r"\b(?:có|lên|đến) tới\s*$|\bcó đến\s*$", re.IGNORECASE)
# "ngày 11-12 tháng âm lịch", "15-16 tháng Giêng": the word "tháng" right after a dash pair
# makes it a range of days, not "11 December" (corpus sweep, meaning-changing)
_MONTH_WORD_AFTER = rc.compile(r"\s+tháng(?!\w)")


def _slash_date_context(text: str, match: re.Match[str], before: str) -> bool:
    """Whether "d/m" is a date by what stands around it: a date word before, a date as its
    neighbour in a range ("15/8 - 20/8"), brackets ("(22/9)"); not after "có tới" before a
    count ("có tới 10/11 nhóm hàng", set T)."""
    d, m = int(match.group(1)), int(match.group(3))
    context = _DATE_CONTEXT.search(before) is not None
    after = text[match.end() : match.end() + 12]
    following = _AFTER_DATE_RANGE.match(after)
    preceding = _AFTER_DATE.search(before)
    neighbour = following or preceding
    if neighbour is not None:  # "15/8 - 20/8" are dates, "1/3 - 1/2" fractions
        a, b = int(neighbour.group(1)), int(neighbour.group(2))
        both_fractions = d < m and a < b
        if both_fractions and preceding is not None and following is None:
            # the pair's reading follows the word before its first member
            context = _DATE_CONTEXT.search(before[: preceding.start()]) is not None
        elif not context:
            context = _valid(a, b) and not both_fractions
    context = context or (before.endswith("(") and after.startswith(")"))
    if context and _AS_MANY_AS.search(before) and _OUT_OF.match(text, match.end()):
        return False  # "có tới 10/11 nhóm hàng": as many as, not until (set T)
    if context and d < m and m in _FRACTION_DENOMINATORS and _SHARE_UP_TO.search(before):
        return False  # "chiếm đến 1/3 thị phần": a share, not "until 1 March" (set AL)
    return context


def _day_month(text: str) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        day, sep, month = match.groups()
        d, m = int(day), int(month)
        if not _valid(d, m):
            return match.group()
        before = text[max(0, match.start() - 30) : match.start()]
        if sep == "/":
            context = _slash_date_context(text, match, before)
            if not context and _OUT_OF.match(text, match.end()):
                return match.group()  # "5/7 bang": five of seven, for the fraction rule
            if not context and d == m and _ALL_OF.match(text, match.end()):
                return match.group()  # "12/12 xã", "9/9 ấp": all of them (second sweep)
            if not context and d <= m and _SCORED.search(before):
                return match.group()  # "điểm ASPECTS đạt 10/10": a score (set Z)
            fraction = d < m and (m in _FRACTION_DENOMINATORS or before.lower().endswith("vòng "))
            if not context and (fraction or (d, m) == (24, 7)):
                return match.group()  # a fraction: left for the fraction rule
        elif sep != "." and _MONTH_WORD_AFTER.match(text, match.end()):
            return match.group()  # "ngày 11-12 tháng Giêng": two days, the month said after
        elif (
            before.endswith("(")
            and text.startswith(")", match.end())
            and not _MEASURE_AFTER.match(text, match.end() + 1)  # "(10.1) inch": a size
        ) or (
            _DATE_CONTEXT_STRONG.search(before)
            and not _NOT_A_DAY.search(before)
            and not (_IN_A_DAY.search(before) and _COUNT_AFTER.match(text, match.end()))
            and not _HOURS_AFTER.match(text, match.end())  # "từ sáng 6-7 giờ": hours
        ):
            pass  # "(22.9)", "sáng 22.9", "ngày 2-9"
        elif (
            (first := _SPAN_FROM_DAY.search(before))
            and int(first[1]) < d
            and not _MEASURE_AFTER.match(text, match.end())  # "từ 5 đến 9.8%": a value
        ):
            pass  # "từ 10 đến 12-7": the span's end carries the month
        else:
            return match.group()
        return f"{read_day(d)} tháng {read_month(m)}"

    return replace


def day_months(text: str) -> str:
    """ "ngày 2/9" -> "ngày mùng hai tháng chín"; "sáng 22.9" -> "sáng hai mươi hai tháng chín";
    a class's name "lớp 10/2" -> "lớp mười trên hai" (a grade and its section, never a date)."""

    def over(m: re.Match[str]) -> str:
        return f"{m[1]} {read_cardinal(int(m[2]))} trên {read_cardinal(int(m[3]))}"

    if "ớp" in text:
        text = _CLASS_SLASH.sub(over, text)
    if "thứ" in text:  # "đứng thứ 4/40": "thứ tư trên bốn mươi"
        text = _RANK_SLASH.sub(
            lambda m: f"{m[1]} {read_ordinal(int(m[2]))} trên {read_cardinal(int(m[3]))}", text
        )
    return _DAY_MONTH.sub(_day_month(text), text)


_CLASS_SLASH = rc.compile(r"(?<!\w)([Ll]ớp)\s+(\d{1,2})/(\d{1,2})(?![\w/]|[.,]\d)")
#: "đứng thứ 5/11", "xếp thứ 9/11" (set AU): a rank out of a total, never a date ("Thứ 5/11"
#: alone is a weekday and its date).
_RANK_SLASH = rc.compile(
    r"(?<!\w)((?:[Đđ]ứng|[Xx]ếp(?: hạng)?|[Vv]ị trí|[Hh]ạng|lên|xuống|tụt)\s+thứ)"
    r"\s+(\d{1,3})/(\d{1,3})(?![\w/]|[.,]\d)"
)


_WRITTEN_DAY = rc.compile(r"(?<!\w)([Nn]gày)\s+(\d{1,2})(?:\s?[-–]\s?(\d{1,2}))?(?=\s+tháng(?!\w))")
_WRITTEN_MONTH = rc.compile(r"(?<!\w)([Tt]háng)\s+(\d{1,2})(?![\w]|[.,/:-]\d)")


def written_dates(text: str) -> str:
    """ "ngày 2 tháng 9" -> "ngày mùng hai tháng chín"; "tháng 4" -> "tháng tư"; a zero-led day
    "ngày 04" -> "ngày mùng bốn"."""

    def month(match: re.Match[str]) -> str:
        m = int(match.group(2))
        return f"{match.group(1)} {read_month(m)}" if 1 <= m <= 12 else match.group()

    def day(match: re.Match[str]) -> str:
        d, last = int(match.group(2)), match.group(3)
        if not 1 <= d <= 31:
            return match.group()
        if last is None:
            return f"{match.group(1)} {read_day(d)}"
        e = int(last)
        if not d < e <= 31:
            return match.group()
        return f"{match.group(1)} {read_day(d)} đến {read_day(e)}"  # "ngày 7-8 tháng 5"

    text = _WRITTEN_DAY.sub(day, text)
    text = _ZERO_LED_DAY.sub(lambda m: f"{m[1]} mùng {read_cardinal(int(m[2]))}", text)
    return _WRITTEN_MONTH.sub(month, text)


# "từ 23 giờ ngày 04 đến ...": a zero-led number after "ngày" is a day of the month (a count
# comes before its noun: "trong 05 ngày").
_ZERO_LED_DAY = rc.compile(r"(?<!\w)([Nn]gày)\s+0([1-9])(?![\w/.,:-]|\s*(?:giờ|h)(?!\w))")


# --- times
_CLOCK = rc.compile(
    r"(?<![\w:.,])(\d{1,2}):(\d{2})(?::(\d{2})|\s*phút(?!\w))?(?![\w:]|[.,]\d)"
)  # "06:26"; "12:20 phút": "phút" once
_HOUR_H = rc.compile(
    r"(?<![\w.,/])(\d{1,2})(?:h|g(?=\d{2})"
    r"|g(?=\s+(?:ngày\s+(?:\d|(?:\w+\s){1,3}tháng\s)|cùng ngày|hôm (?:nay|qua))))"
    r"(?:(\d{2})(?:'|p|ph|\s*phút(?!\w))?)?(?![\w])"
)  # "10h30", "7g15", "19g ngày 14-11" (not "gam"); "12h20 phút": "phút" once ("7h giờ VN"
# keeps both: "giờ Việt Nam" is the time zone)


def _read_time(hour: str, minute: str | None, second: str | None = None) -> str | None:
    h = int(hour)
    m = int(minute) if minute else 0
    s = int(second) if second else 0
    if h > 24 or m > 59 or s > 59:
        return None
    words = [read_cardinal(h), "giờ"]
    if m or second:
        words += [read_cardinal(m), "phút"]
    if s:
        words += [read_cardinal(s), "giây"]
    return " ".join(words)


_HOUR_RANGE = rc.compile(
    r"(?<![\w.,])(\d{1,2}(?:h(?:\d{2})?|:\d{2})?)\s*-\s*(?=\d{1,2}(?:h|:\d{2}))"
)
# A zero-padded count before a word is the number, as official texts pad counts: "07 giờ",
# "05 ngày làm việc", "từ 03 - dưới 06 tháng", "01 điện thoại", "05 dân tộc" (the corpus sweep
# found 40 such counts read "không một"); codes such as "007" stay digit by digit.
_ZERO_HOUR = rc.compile(
    r"(?<![\w.,/:-])0([1-9])(?=(?:\s*(?:-|đến)\s*(?:dưới\s+|trên\s+)?0?\d{1,2})?"
    r"\s+[^\W\d_])"
)
_RATIO = rc.compile(
    r"(?<![\w:.,])(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?):(\d{1,3}(?:\.\d{3})+|\d+)(?![\w:]|[.,]\d)"
)  # "1.000:232" (set AW): a grouped side too
_RATE_BEFORE = rc.compile(r"\bt[ỉỷ] lệ(?:\s+[^\W\d]+){0,3}\s*$", re.IGNORECASE)  # "tỉ lệ chọi là"
# ... and before a comma in a list of such counts (set H: "quá tải 01, chở quá số người 02,
# vi phạm nồng độ cồn 04,"): two padded numbers in the piece, and not after a word that numbers
# a place or an item ("thôn 01,", "số 08,", "tổ 05,": labels, digit by digit)
_ZERO_COUNT_COMMA = rc.compile(
    r"0(?<![\w.,/:-]0)([1-9])(?=\s*[,;)]|\.(?:\s|$))"  # the literal first: fast
)
_GLUED_COLON_COUNT = rc.compile(r"(?<=[^\W\d_]):(?=0[1-9])")  # "Bình Định:02," (set AM)
_PADDED = rc.compile(r"0(?<![\w.,/:-]0)[1-9](?![\w/:-]|[.,]\d)")
_LABEL_BEFORE = rc.compile(
    r"(?:số|phòng|tổ|khu|phố|lô|căn|tầng|mã|ô|xóm|thôn|ấp|bản|buôn|đội|khoản|điều|mục|chương|"
    r"phần|bước|lần|kỳ|khóa|lớp|cổng|bến|trạm|tuyến|đường|quận|phường|hẻm|ngõ|ngách|kiệt)\s+$",
    re.IGNORECASE,
)


def _zero_counts_before_commas(text: str) -> str:
    text = _GLUED_COLON_COUNT.sub(": ", text) if ":0" in text else text
    if not _ZERO_COUNT_COMMA.search(text) or len(_PADDED.findall(text)) < 2:
        return text

    def read(match: re.Match[str]) -> str:
        before = text[max(0, match.start() - 12) : match.start()]
        return match.group() if _LABEL_BEFORE.search(before) else match.group(1)

    return _ZERO_COUNT_COMMA.sub(read, text)


# An hour written with "g" (giờ) where nothing but the context tells it from a gram: "4g sáng",
# "lúc 5g", "từ 1g đến 4g sáng". A part of day after it counts only for an hour that part of
# the day has ("gói 20g sáng nay" stays a weight); a container or weight word before it keeps
# the gram ("gói 5g sáng nay"); a bare "từ 1g đến 4g" with no such cue stays grams.
_G_TOKEN = rc.compile(r"(?<![\w.,/])(\d{1,2})g(?!\w)")
_G_BEFORE_HOUR = rc.compile(r"(?<!\w)(?:lúc|hồi)\s+$", re.IGNORECASE)
_G_BEFORE_WEIGHT = rc.compile(
    r"(?<!\w)(?:gói|hộp|túi|lọ|chai|viên|liều|thìa|muỗng|nặng|chứa|thêm|bổ sung|trọng lượng|"
    r"khối lượng)\s+$",
    re.IGNORECASE,
)
_G_PART_OF_DAY = rc.compile(r"\s+(?:rạng\s+)?(sáng|trưa|chiều|tối|đêm|khuya)(?!\w)")
_PART_OF_DAY_HOURS = {
    "sáng": range(0, 13),
    "trưa": (*range(0, 3), *range(10, 15)),
    "chiều": (*range(0, 8), *range(12, 20)),
    "tối": (*range(5, 13), *range(17, 25)),
    "đêm": (*range(0, 13), *range(19, 25)),
    "khuya": (*range(0, 13), *range(21, 25)),
}
_G_RANGE_BEFORE_HOUR = rc.compile(
    r"(?<![\w.,/])(\d{1,2})g(\d{2})?(\s*(?:-|đến|tới)\s*)(?=\d{1,2}h)"
)
_G_RANGE_AFTER_HOUR = rc.compile(
    r"(?<![\w.,/])(\d{1,2}h(?:\d{2})?\s*(?:-|đến|tới)\s*)(\d{1,2})g(?!\w)"
)


def _g_hour(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    hour = int(match.group(1))
    before = text[max(0, start - 20) : start]
    if hour > 24 or _G_BEFORE_WEIGHT.search(before):
        return match.group()
    part = _G_PART_OF_DAY.match(text, end)
    if _G_BEFORE_HOUR.search(before) or (part and hour in _PART_OF_DAY_HOURS[part.group(1)]):
        return f"{hour}h"
    return match.group()


def g_hours(text: str) -> str:
    """ "lúc 5g", "4g sáng" -> "5h", "4h" (then read as hours); in a range with an hour the
    other end too ("từ 1g đến 4g sáng" -> "từ 1h đến 4h sáng"); a weight stays "g"."""
    if "g" not in text or _G_TOKEN.search(text) is None:
        return text
    text = _G_TOKEN.sub(_g_hour, text)
    text = _G_RANGE_BEFORE_HOUR.sub(lambda m: f"{m[1]}h{m[2] or ''}{m[3]}", text)
    return _G_RANGE_AFTER_HOUR.sub(r"\1\2h", text)


def clock_times(text: str) -> str:
    """ "06:26" -> "sáu giờ hai mươi sáu phút"; "10h30" -> "mười giờ ba mươi phút"; "20h"."""
    text = g_hours(text)
    text = _HOUR_RANGE.sub(r"\1 đến ", text)
    text = _zero_counts_before_commas(text) if "0" in text else text
    text = _ZERO_HOUR.sub(r"\1", text)
    text = _CLOCK.sub(lambda m: _read_time(*m.groups()) or m.group(), text)
    text = _HOUR_H.sub(lambda m: _read_time(m.group(1), m.group(2)) or m.group(), text)
    return _RATIO.sub(_read_ratio, text)


_MATCH_MINUTE = rc.compile(
    r"(?<![\w.,°'’′])(\d{1,3})(?:['’′](?:\s?\+\s?(\d{1,2})['’′]?)?|\s?\+\s?(\d{1,2})['’′])"
    r"(?![\w'’′])(?:\s*\((pen|og)\)|\s+(pen|og)(?!\w))?"
)
_MINUTE_NOTES = {"pen": "phạt đền", "og": "phản lưới nhà"}


def _read_match_minute(match: re.Match[str]) -> str:
    minute, added, added_before_mark, note, bare_note = match.groups()
    before = match.string[max(0, match.start() - 6) : match.start()]
    words = [] if re.search(r"phút\s*$", before, re.IGNORECASE) else ["phút"]
    words.append(read_cardinal(int(minute)))
    extra = added or added_before_mark
    if extra:
        words += ["cộng", read_cardinal(int(extra))]
    spoken = " ".join(words)
    note = note or bare_note
    return f"{spoken}, {_MINUTE_NOTES[note]}" if note else spoken


def match_minutes(text: str) -> str:
    """Minutes of a match: "Alan (76' pen)" -> "Alan (phút bảy mươi sáu, phạt đền)";
    "(90'+7)", "90+7'" -> "phút chín mươi cộng bảy"; "Thanh Nhàn 70'" -> "phút bảy mươi"."""
    if not any(mark in text for mark in "'’′"):
        return text
    return _MATCH_MINUTE.sub(_read_match_minute, text)


def _read_ratio(match: re.Match[str]) -> str:
    """ "tỷ số 3:2" -> "ba hai"; "tỷ lệ 1:1000" -> "một trên một nghìn"."""
    left, right = match.groups()
    a, b = read_number_token(left), read_cardinal(int(right.replace(".", "")))
    before = match.string[max(0, match.start() - 40) : match.start()]
    if "," not in left and _SCORE_CONTEXT.search(before) and not _RATE_BEFORE.search(before):
        return f"{a} {b}"  # "tỷ số 3:2"; "tỉ lệ là 3:1" is a ratio (set AG)
    return f"{a} trên {b}"


# --- roman numerals, ordinals
_ROMAN_CONTEXT = rc.compile(
    r"(?<!\w)(lần thứ|thứ|khóa|khoá|thế kỷ|thế kỉ|đại hội|quý|chương|phần|mục|tập|kỳ|kì|hạng|"
    r"quân khu|quân đoàn|vùng|cấp|giai đoạn|đợt|phương án|phiên|thế chiến|điều|hội nghị|"
    r"cuộc|khu vực|phân khu|bậc|loại|nhóm|tầng|tuyến|số|vòng|mùa|lớp)"
    r"(\s+)([IVXLCDM]+)(?![\w])",
    re.IGNORECASE,
)
_ORDINAL = rc.compile(
    r"(?<!\w)([Tt]hứ)\s+(\d{1,3})(?![\w]|[.,/:]\d|\s+(?:tỷ|tỉ|triệu|nghìn|ngàn|vạn)(?!\w))"
)  # "chiếc iPhone thứ 1 tỷ": a count, not "thứ nhất" (set AB)


# Words after which a letter names a type or a class ("loại C", "hạng D", "nhóm M", "vùng L"):
# only numerals of I, V, X are read as numbers there ("loại II", "cấp IV"). Anywhere, a single
# C, D, L or M is a letter (a 100th, 500th or 1000th anything is written in digits).
_TYPE_WORDS = frozenset(
    {"hạng", "loại", "nhóm", "cấp", "bậc", "lớp", "tầng", "tuyến", "vùng", "khu vực", "phân khu"}
)
_ROMAN_IVX = rc.compile(r"[IVX]+")


def _read_roman(match: re.Match[str]) -> str:
    word, space, numeral = match.groups()
    if not numeral.isupper() or numeral in {"C", "D", "L", "M"}:
        return match.group()
    if word.lower() in _TYPE_WORDS and not _ROMAN_IVX.fullmatch(numeral):
        return match.group()
    value = roman_to_int(numeral)
    if value is None or value == 0:
        return match.group()
    spoken = read_ordinal(value) if word.lower().endswith("thứ") else read_cardinal(value)
    return f"{word}{space}{spoken}"


# "RON 95-III": Euro 3; "Điêzen 0,05S-II" (set H): a diesel grade's sulphur, then its Euro level
_DASH_ROMAN = rc.compile(r"(?<=[\dS])-([IVX]{1,4})(?![\w&]|[-.]\w)")
_BARE_ROMAN = rc.compile(r"(?<![\w.&-])[IVX]{2,}(?![\w&]|[-.]\w)")


def _read_bare_roman(match: re.Match[str]) -> str:
    numeral = match.group(match.lastindex or 0)
    value = roman_to_int(numeral)
    return numeral if value is None else read_cardinal(value)


def _read_dash_roman(match: re.Match[str]) -> str:
    text, start = match.string, match.start()
    if text[start - 1] == "S" and not (start >= 2 and text[start - 2].isdigit()):
        return match.group()  # "XS-V": not a diesel grade
    return " " + _read_bare_roman(match)


# "Công ty Phim truyện I sản xuất" (set AY), "thị trường I (vốn …)" (set AM): a lone "I" after
# a Vietnamese word and before a Vietnamese word, a bracket or a stop is the numeral one (the
# English pronoun stands among English words); "điểm I", "gọi I là": a point's letter
_LONE_ROMAN_ONE = rc.compile(r"(?<![^\s(])([^\W\d_]+) I(?=[ ]?[(,.;:!?)]|$| ([^\W\d_]+)\b)")
_LETTER_WORDS = frozenset(
    {"điểm", "tâm", "gọi", "đỉnh", "cho", "và", "với", "của", "là"}
    # a number's words, "%I" read "phần trăm I": the letter stays (the rule is idempotent)
    | {"trăm", "mươi", "mười", "nghìn", "ngàn", "triệu", "tỷ", "tỉ", "phẩy", "linh", "lẻ"}
    | {"không", "một", "mốt", "bốn", "tư", "năm", "lăm", "sáu", "bảy", "tám", "chín"}
)


# An acronym of ASCII capitals that is no Vietnamese word ("SAT"; not "VĂN", "HOA" in a name
# typed in capitals) before a lone "I" and a comma, a bracket or a stop.
_TEST_ACRONYM = rc.compile(r"[A-Z]{2,5}")


def _plain_syllable(word: str) -> bool:
    """An unmarked Vietnamese syllable; one closed by a stop needs a tone mark ("sat" is not)."""
    return is_vietnamese_syllable(word) and not word.endswith(("c", "ch", "p", "t"))


def _lone_roman_one(match: re.Match[str]) -> str:
    word, after = match[1], match[2]
    # a lower-case word: "Nguyễn Văn I" is a name's letter
    marked = word.islower() and not word.isascii() and is_vietnamese_syllable(word)
    vietnamese_after = after is None or (after.islower() and is_vietnamese_syllable(after))
    if _TEST_ACRONYM.fullmatch(word) and vietnamese_after and not _plain_syllable(word.lower()):
        return f"{word} một"  # "SAT I, ACT" (set BH): a test's part, not a name's letter
    if not marked or word in _LETTER_WORDS:
        return match.group()
    if after is not None and not (after.islower() and is_vietnamese_syllable(after)):
        return match.group()  # "I Xơ Ra En" (Israel respelled), "I love": no numeral
    return f"{word} một"


def roman_numerals(text: str) -> str:
    """ "thế kỷ XXI" -> "thế kỷ hai mươi mốt"; "lần thứ IV" -> "lần thứ tư"; "Elizabeth II".

    Single letters (I, V, X) are numerals only after a context word; longer numerals made
    of I, V, X ("II", "XIV") are read as numbers anywhere.
    """
    text = _ROMAN_CONTEXT.sub(_read_roman, text)
    text = _LONE_ROMAN_ONE.sub(_lone_roman_one, text) if " I" in text else text
    text = _DASH_ROMAN.sub(_read_dash_roman, text)
    return _BARE_ROMAN.sub(_read_bare_roman, text)


def ordinals(text: str) -> str:
    """ "thứ 1" -> "thứ nhất", "thứ 4" -> "thứ tư"."""
    return _ORDINAL.sub(lambda m: f"{m.group(1)} {read_ordinal(int(m.group(2)))}", text)


# --- scores, ranges, fractions
_SCORE_CONTEXT = rc.compile(
    r"(?:(?i:thắng|thua|tỷ số|tỉ số|điểm số|cách biệt|đánh bại|bại|vượt qua|dẫn|gỡ|"
    r"chung cuộc|trận|kết quả|tỷ lệ|tỉ lệ|thế trận|sân nhà)"
    # "hòa" the draw in lower case only: "Sơn La-Hòa Bình 37-39 độ" is a place (set N)
    r"|\b(?:hòa|hoà|Hòa|Hoà)(?!\s+Bình|\s+Vang|\s+Phát|\s+Thành|\s+An))\s*(?:\w+\s*){0,3}$"
    # "thất bại trước Topenland Bình Định 1-3" (set AN): the side named after "trước"
    r"|\b(?:bại|thua|thắng)\s+trước(?:\s+\w+){1,4}\s*$"
)
_UNIT_ALT = trie_regex(UNITS)
_GLUED_UNIT = rc.compile(rf"(?:{_UNIT_ALT})(?![\w²³])")
_RANGE_END = rf"(?:(?={_GLUED_UNIT.pattern})|{_NE})"  # "400-700mm": a unit may be glued on
_DASH_PAIR = rc.compile(
    rf"{_NB}(-?(?:{_NUM}))(\s?(?:{_UNIT_ALT})(?![\w²³]))?(\s*)-(\s*)((?:{_NUM})){_RANGE_END}"
    rf"(?!\s*-\s*\d)"
)
_DASH_CHAIN = rc.compile(rf"{_NB}(?:{_NUM})(?:\s*-\s*(?:{_NUM})){{2,}}{_RANGE_END}")
_CHAIN_DASH = rc.compile(r"\s*-\s*")


def _dash_pair(text: str) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        left, left_unit, sp1, sp2, right = match.groups()
        right_unit = _GLUED_UNIT.match(text, match.end())
        plain = not left_unit and not right_unit
        small = left.isdecimal() and right.isdecimal() and len(left) <= 2 and len(right) <= 2
        if plain and small:
            a, b = int(left), int(right)
            before = text[max(0, match.start() - 40) : match.start()]
            if not sp1 and not sp2 and (_SCORE_CONTEXT.search(before) or a >= b or a == 0):
                return f"{read_cardinal(a)} {read_cardinal(b)}"
            if not sp1 and not sp2 and max(a, b) <= 15 and _between_teams(text, match):
                return f"{read_cardinal(a)} {read_cardinal(b)}"  # "Newcastle 1-4 Chelsea"
            if _SPACED_SCORE_CONTEXT.search(before) and not _COUNTED_NOUN.match(text, match.end()):
                return f"{read_cardinal(a)} {read_cardinal(b)}"  # "tỷ số 3 - 0"
        if left_unit and left_unit.strip() == "%" and right_unit and right_unit.group() == "%":
            poll = _POLL_CONTEXT.search(text, max(0, match.start() - 80), match.start())
            if sp1 and sp2 and poll and _number_value(left) > _number_value(right):
                return f"{left}% so với {right}"  # a poll: "ủng hộ ... 49% - 46%"
        return f"{left}{left_unit or ''} đến {right}"

    return replace


# "Newcastle United 1-4 Chelsea": a result between team names (set M)
_TEAM_BEFORE = rc.compile(rf"[{UPPER}][^\W\d_]+\s$")
_TEAM_AFTER = rc.compile(rf"\s+[{UPPER}][^\W\d_]+")  # not a line's end: "Hà Nội 20-25"


def _between_teams(text: str, match: re.Match[str]) -> bool:
    """A bare pair between two capitalised names."""
    before = text[max(0, match.start() - 30) : match.start()]
    return bool(_TEAM_BEFORE.search(before)) and bool(_TEAM_AFTER.match(text, match.end()))


# A spaced dash is a score only right after a word that announces one ("tỷ số 3 - 0", "thắng
# 2 - 1"), and not before a counted noun ("thắng 3 - 4 trận": a range).
_SPACED_SCORE_CONTEXT = rc.compile(
    r"(?:thắng|thua|hòa|hoà|tỷ số|tỉ số|chung cuộc|cách biệt|đánh bại|gỡ hòa|gỡ hoà|dẫn)"
    r"(?:\s+(?:đậm|sát nút|nghẹt thở|cách biệt|với|là|trước|đội khách|đội nhà))?\s*$",
    re.IGNORECASE,
)
_COUNTED_NOUN = rc.compile(
    r"\s*(?:trận|ngày|tuần|tháng|năm|lần|người|điểm|bàn thắng|giờ|phút|vòng|ván|set)(?!\w)",
    re.IGNORECASE,
)
_POLL_CONTEXT = rc.compile(r"ủng hộ|thăm dò|khảo sát|dẫn trước|cử tri|bỏ phiếu", re.IGNORECASE)


def _number_value(number: str) -> float:
    try:
        return float(number.replace(".", "").replace(",", "."))
    except ValueError:
        return 0.0


# "từ 3 - dưới 6 tháng": a range to an open bound keeps "đến".
_OPEN_BOUND = rc.compile(rf"{_NB}((?:{_NUM})(?:\s?%)?)\s*-\s*(?=(?:dưới|trên|hơn|gần)\s+\d)")


# "1.5 - 2.5%", "0.8-1.2 mm" (set J): a range of dot decimals (one or two digits after the dot is
# no thousands group) before a percent or a unit
_DOT_DECIMAL_RANGE = rc.compile(
    r"(?<![\w.,/])(\d+(?:\.\d{1,2})?)\s?[-–]\s?(\d+\.\d{1,2})(?=\s?(?:%|phần trăm|[^\W\d_]))"
)


def ranges_and_scores(text: str) -> str:
    """ "5-7 người" -> "năm đến bảy người"; "400-700mm"; "49%-45%"; "thắng 2-1" -> "hai một";
    a list of three or more values "9-9,25-9,5 điểm" is read with pauses; "từ 3 - dưới 6
    tháng" -> "từ ba đến dưới sáu tháng"."""
    text = _OPEN_BOUND.sub(r"\1 đến ", text)
    if "." in text:
        text = _DOT_DECIMAL_RANGE.sub(r"\1 đến \2", text)
    text = _DASH_CHAIN.sub(lambda m: _CHAIN_DASH.sub(", ", m.group()), text)
    return _DASH_PAIR.sub(_dash_pair(text), text)


_FRACTION = rc.compile(rf"{_NB}(\d{{1,3}})/(\d{{1,3}}){_NE}")


_POINTS_AFTER = rc.compile(r"\s*điểm(?!\w)")  # "46/50 điểm": a score, "trên"
_OUT_OF = rc.compile(
    r"\s+(?:bang|tỉnh|đội|trận|câu|môn|quốc gia|ghế|tiêu chí|chỉ tiêu"
    # set T: "khai thác 3/9 tuyến", "10/11 nhóm hàng hóa" (no date word before: a count)
    r"|tuyến|nhóm|lĩnh vực|mặt hàng|sản phẩm|chương trình|mục tiêu|nội dung|huyện|xã|phường"
    r"|trường|đơn vị|mã|cổ phiếu)(?!\w)"  # set AD: "chỉ có 9/27 mã xanh"
)
# Counted things after a total of more than ten ("49/63 địa phương", "21/24 ngành"): a count
# out of a total, "trên"; with a small denominator "3/5 thành viên" stays "ba phần năm".
_OUT_OF_TOTAL = rc.compile(
    r"\s+(?:thành phố|huyện|quận|xã|phường|địa phương|ngành|chuyên ngành|nước|đại biểu|"
    r"thành viên|trường|đơn vị|doanh nghiệp|dự án|bộ|cơ quan|bệnh viện|nhiệm vụ|hạng mục|"
    r"công trình|phiếu|mẫu|tỉnh thành|tỉnh, thành|"
    # corpus sweep: "85/96 em", "21/25 đảng bộ"
    r"em|học sinh|sinh viên|thí sinh|đảng bộ|chi bộ|tổ chức|cơ sở|hộ|người|tiêu chí|chỉ tiêu"
    r"|[Cc]ục|[Vv]ụ|[Ss]ở|[Bb]ộ|[Tt]ổng cục)(?!\w)"  # set AS: "16/34 Cục", offices by name
)


# "đồng loạt 9/9 ấp", "12/12 xã": a count equal to its total before a counted noun is "all of
# them", never a date (was "mùng chín tháng chín ấp")
_ALL_OF = rc.compile(
    rf"(?:{_OUT_OF_TOTAL.pattern}|\s+(?:ấp|thôn|bản|khu phố|tổ dân phố|làng)(?!\w))"
)


def _read_fraction(match: re.Match[str]) -> str:
    a, b = int(match.group(1)), int(match.group(2))
    before = match.string[max(0, match.start() - 6) : match.start()].lower()
    if before.endswith("điểm "):  # "thang điểm 8/10", "đạt điểm 7/10": a score (second sweep)
        return f"{read_cardinal(a)} trên {read_cardinal(b)}"
    if before.endswith("thứ "):
        return f"{read_ordinal(a)} trên {read_cardinal(b)}"
    after = match.string[match.end() : match.end() + 16]
    total = b > 10 and _OUT_OF_TOTAL.match(after)
    if before.endswith("hạng ") or _POINTS_AFTER.match(after) or _OUT_OF.match(after) or total:
        return f"{read_cardinal(a)} trên {read_cardinal(b)}"
    if b and a < b and b <= 100:
        return f"{read_cardinal(a)} phần {read_cardinal(b)}"
    return f"{read_cardinal(a)} trên {read_cardinal(b)}"


def fractions(text: str) -> str:
    """ "1/3 dân số" -> "một phần ba dân số"; "24/7" -> "hai mươi tư trên bảy"."""
    return _FRACTION.sub(_read_fraction, text)


# --- units, currency
_COUNTED = COUNTED
_PER_TIME_ALT = trie_regex(PER_TIME)
# "(>120 mm/6giờ)", ">200mm/3h": a newsreader says "trong sáu giờ".
_PER_HOURS = rc.compile(rf"(?<=[^\W\d_])/(\d{{1,3}})\s?({_PER_TIME_ALT})(?![\w])")
_DOT_DECIMAL_NUMBER = rc.compile(r"-?\d+\.\d{1,2}")
_NUMBER_UNIT = rc.compile(
    rf"{_NB}(-?(?:\d+\.\d{{1,2}}(?!\d)|{_NUM}))(\s?)(?:(tỷ|tỉ|triệu|nghìn|ngàn|trăm)\s)?({_UNIT_ALT})(?![\w²³])"
    rf"(?:/({_UNIT_ALT}|[^\W\d_]+)(?![\w²³]))?"
)
_PREFIX_ALT = trie_regex(CURRENCY_PREFIXES)
_PREFIX_CURRENCY = rc.compile(
    rf"(?<![\w])({_PREFIX_ALT})\s?({_NUM})(?:\s+(tỷ|triệu|nghìn|ngàn))?{_NE}"
)
_SLASH_UNIT = rc.compile(rf"(?<=[^\W\d_])/({_UNIT_ALT})(?![\w²³])")
# "80mg/100ml": an amount after the slash, a concentration "trên một trăm mi li lít" (set H)
_SLASH_AMOUNT = rc.compile(rf"(?<=[^\W\d_])/(\d+(?:,\d+)?)\s?({_UNIT_ALT})(?![\w²³])")


_UNIT_WORDS = frozenset(UNITS.values())


def per(unit: str | None, denominator: str) -> str:
    """The word for "/" in "đồng/kg" (a newsreader says "một": "đồng một ki lô gam") or in a
    physical rate "m3/s" ("mét khối trên giây")."""
    physical = unit is not None and UNITS.get(unit, unit) not in _COUNTED
    # a unit written out after the slash is one too: "0,4mg/lít" like "0,4 mg/l" (set H)
    spoken = UNITS.get(denominator) or (denominator if denominator in _UNIT_WORDS else "đồng")
    if physical and (denominator in PER_TIME or spoken not in _COUNTED):
        return "trên"  # "m3/s", "µg/m3": a physical quantity
    return "một"


_NUMBER_WORD_BEFORE = rc.compile(r"(?<!\w)(?:[Ss]ố|[Mm]ã|[Kk]ý hiệu)\s+$")
# "0 < 12": a zero before a comparison is said "số không" ("không nhỏ hơn" is "not less than")
_ZERO_COMPARED = rc.compile(r"(?<![\w.,])0(?=\s*[<>≤≥]\s*\d)")
# "4G/5G": network generations across a slash are either one, never "per" (set U)
_GENERATIONS = rc.compile(r"(?<![\w/])(\d)G\s*/\s*(\d)G(?![\w/])")


# "Trung tâm thông tin chỉ huy 114", "gọi 113": the emergency lines are said digit by digit
_HOTLINE = rc.compile(
    r"(?<!\w)((?:chỉ huy|[Gg]ọi|[Gg]ọi điện|tổng đài|đường dây nóng|đầu số|cấp cứu|liên hệ)"
    r"(?: (?:cho )?(?:cứu hỏa|cứu hoả|cứu thương|cấp cứu|công an|cảnh sát|số))?)"  # (set AX)
    r"\s(11[345])(?![\w/%-]|[.,]\d|\s+(?:người|ca|bệnh nhân|trường hợp|lượt)(?!\w))"
)
# "Gói thầu 5.10", "diện 1.2": a package's or a category's number, read "chấm" (set X)
_DOTTED_ITEM = rc.compile(
    r"(?<!\w)([Gg]ói thầu|[Gg]ói|[Dd]iện|[Tt]iểu mục|[Mm]ục)\s(\d{1,2})\.(\d{1,2})(?![\d.,])"
)


def items_and_hotlines(text: str) -> str:
    """ "114" after "chỉ huy" -> "một một bốn"; "Gói thầu 5.10" -> "năm chấm mười"."""
    text = _HOTLINE.sub(lambda m: f"{m[1]} {read_digits(m[2])}", text)
    return _DOTTED_ITEM.sub(
        lambda m: f"{m[1]} {read_cardinal(int(m[2]))} chấm {read_cardinal(int(m[3]))}", text
    )


def generations(text: str) -> str:
    """ "4G/5G" -> "4G hoặc 5G" (before the lexicon reads "4G")."""
    return _GENERATIONS.sub(r"\1G hoặc \2G", text) if "G/" in text or "G /" in text else text


def _read_number_unit(match: re.Match[str]) -> str:
    number, space, scale, unit, denominator = match.groups()
    if _DOT_DECIMAL_NUMBER.fullmatch(number):
        number = number.replace(".", ",")  # "563.0mm": a decimal point, not grouping
    if (space or scale) and unit in {"k", "ng", "tr"}:
        return match.group()
    if unit == "L" and not space and _NUMBER_WORD_BEFORE.search(match.string, 0, match.start()):
        return match.group()  # "chuyên án số 126L": a code, no litres (set V)
    words = f"{_num(number)} {scale + ' ' if scale else ''}{UNITS[unit]}"
    if denominator:
        spoken = UNITS.get(denominator) or PER_TIME.get(denominator, denominator)
        words += f" {per(unit, denominator)} {spoken}"
    return words


# "1440 x 3140 pixel", "6,4 x 2,9 inch", "148 × 73.4 × 7,4 mm", "1920x1080": "nhân".
_DIMENSION_X = rc.compile(r"(?<=\d)(?:\s*×\s*|\s+[xX]\s+|[xX](?=\d{3}))(?=\d)|(?<=\d{3})[xX](?=\d)")
# Sizes whose numbers carry a length unit (set G): "80mx60m", "280m x 2.700m", "3x5m",
# "1,2 m × 2 m": "nhân" (the last number needs its unit; glued or spaced).
_LENGTH = r"(?:mm|cm|dm|km|m|mi li mét|xăng ti mét|ki lô mét|mét)"  # spaced: the lexicon's
_LENGTH_X = rc.compile(
    rf"(?<![\w.,])(\d[\d.,]*(?:\s?{_LENGTH})?)\s*[xX×]\s*"
    rf"(?=(?:\d[\d.,]*(?:\s?{_LENGTH})?\s*[xX×]\s*)*\d[\d.,]*\s?{_LENGTH}(?!\w))"
)
# A formula: "(M1 + M2 + M3) x 2", "[Điểm ĐGNL] x 70%", "Toán x 2 + Văn" (a word before the sign
# only in a line with "=" or "+"): the multiplication sign "nhân".
_FORMULA_X = rc.compile(r"(?<=[\d)\]%])\s+[xX×]\s+(?=[\d(\[])")
_WORD_FORMULA_X = rc.compile(r"(?<=[^\W\d_])\s+[x×]\s+(?=[\d(\[])")


def dimensions(text: str) -> str:
    """ "(1440 x 3140 pixel)" -> "một nghìn bốn trăm bốn mươi nhân ..." ("x" or "×" between
    two numbers; glued only between numbers of three or more digits)."""
    if "x" not in text and "X" not in text and "×" not in text:
        return text
    for _ in range(2):  # "2x3x1,5m": the second sign once the first is read
        text = _LENGTH_X.sub(r"\1 nhân ", text)
    return _DIMENSION_X.sub(" nhân ", text)


def formula_signs(text: str) -> str:
    """A multiplication sign in a formula: "(M1 + M2 + M3) x 2" -> "... nhân 2", "[Điểm ĐGNL]
    x 70%"; after a word only in a line with "=" or "+" ("Toán x 2 + Văn"). Runs before the
    fraction rule ("x 90/990")."""
    if "x" not in text and "X" not in text and "×" not in text:
        return text
    text = _FORMULA_X.sub(" nhân ", text)
    if "=" in text or "+" in text:
        text = _WORD_FORMULA_X.sub(" nhân ", text)
    return text


# A weight class in combat sports (corpus sweep): "hạng -61kg" is "up to 61 kg", never "âm";
# "+87kg" is "over 87 kg"
_WEIGHT_CLASS = rc.compile(
    r"(?<!\w)((?:[Hh]ạng(?: cân)?|[Nn]ội dung)\s+)([-+–])(?=\d+(?:,\d+)?\s?(?:kg|ki lô gam)(?!\w))"
)


def units(text: str) -> str:
    """ "500 kV" -> "năm trăm ki lô vôn"; "5,2%"; "1.500đ/lít"; "$5" -> "năm đô la Mỹ";
    "hạng -61kg" -> "hạng sáu mươi mốt ki lô gam"."""
    if "<" in text or ">" in text:
        text = _ZERO_COMPARED.sub("số 0", text)
    text = _WEIGHT_CLASS.sub(lambda m: m.group(1) + ("trên " if m.group(2) == "+" else ""), text)
    text = _PREFIX_CURRENCY.sub(
        lambda m: " ".join(
            w for w in (_num(m.group(2)), m.group(3), CURRENCY_PREFIXES[m.group(1)]) if w
        ),
        text,
    )
    text = _METRE_CM.sub(lambda m: f"{read_cardinal(int(m[1]))} mét {m[2]}", text)
    text = _NUMBER_UNIT.sub(_read_number_unit, text)
    text = _PER_HOURS.sub(lambda m: f" trong {_num(m.group(1))} {PER_TIME[m.group(2)]}", text)
    if "/" in text:
        text = _SLASH_AMOUNT.sub(lambda m: f" trên {_num(m.group(1))} {UNITS[m.group(2)]}", text)
    return _SLASH_UNIT.sub(lambda m: " một " + UNITS[m.group(1)], text)


# --- "ĐT Việt Nam"
_TEAM = rc.compile(rf"(?<![\w&./-])ĐT(?=\s+(?:[{UPPER}]|U\d|nữ\b|nam\b))")


def teams(text: str) -> str:
    """ "ĐT Việt Nam" -> "đội tuyển Việt Nam" (before a name); "ĐT" elsewhere is spelled."""
    return _TEAM.sub(
        lambda m: (
            "Đội tuyển"
            if _STARTS_SENTENCE.search(text, max(0, m.start() - 4), m.start())
            else "đội tuyển"
        ),
        text,
    )


_STARTS_SENTENCE = rc.compile(r"(?:^|[.!?…\n]\s*)[\"“'(]?$")


# --- codes and plain numbers
_NEGATIVE = rc.compile(r"(?<![\w.,)])-(?=\d)")
_CODE = rc.compile(r"(?<![\w.,])(?=[\wĐđ]*\d)(?=[\wĐđ]*[^\W\d_])[\wĐđ]+(?:-\d+)?(?![\w])")
_ENGLISH_GROUPS = rc.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3}){2,}(?![\w]|[.,]\d)")
_DOT_DECIMAL = rc.compile(r"(?<![\w.,])(\d+)\.(\d{1,2})(?![\w]|[.,]\d)")
_NUMBER = rc.compile(rf"(?<![\w])(?:{_NUM})(?![\w])")
_ANY_DIGITS = rc.compile(r"\d+")


def negatives(text: str) -> str:
    """ "-5°C" -> "âm 5°C" (the number itself is read later)."""
    return _NEGATIVE.sub("âm ", text)


_CODE_RUN = rc.compile(r"[^\W\d_]{2,}")
_LETTER_SLASH_CODE = rc.compile(rf"(?<![\w/])([{UPPER}])/(?=[{UPPER}]+\d)")  # "A/H5N1"
_DOTTED_CODE = rc.compile(r"(?<![\w.])([A-Z]{2,4}\d*)((?:\.\d+)+)(?![\w]|\.\d)")  # "JN.1"
_KM_MARK = rc.compile(r"(?<![\w])(K[mM]|km)(\s?)(\d+)(?:\s?\+\s?(\d+))?(?![\w])")
_KM_RANGE = rc.compile(r"(?<![\w])(K[mM]\s?\d+(?:\s?\+\s?\d+)?)\s*[-–]\s*(?=K[mM]\s?\d)")
# "đến km3 Quốc lộ 25" (set H): lowercase and glued, a mark after a place word or before a road
_KM_PLACE_BEFORE = rc.compile(r"(?<!\w)(?:tại|đến|tới|từ|qua|đoạn|ở|và) $")
_KM_ROAD_AFTER = rc.compile(r"\s+(?:Quốc lộ|quốc lộ|QL|Tỉnh lộ|tỉnh lộ|TL|đường|cao tốc)(?!\w)")


def _read_km_mark(match: re.Match[str]) -> str:
    letters, space, mark, offset = match.groups()
    if letters == "km" and offset is None:
        text = match.string
        before = text[max(0, match.start() - 6) : match.start()]
        glued_mark = not space and (
            _KM_PLACE_BEFORE.search(before) or _KM_ROAD_AFTER.match(text, match.end())
        )
        if not glued_mark:
            return match.group()
    # "Km47+000": a zero offset is not read (the mark itself); "Km 15+200" reads it
    mark = mark.lstrip("0") or "0"  # "Km06": the sixth kilometre (set S)
    return f"ki lô mét {_num(mark)}" + (f" cộng {_num(offset)}" if offset and int(offset) else "")


def _read_code_run(code: str) -> str:
    """A code with its known letter runs said as words ("COP28" -> "cốp hai mươi tám")."""
    words = code_words()
    pieces: list[str] = []
    last = 0
    for run in _CODE_RUN.finditer(code):
        if run.group() in words:
            pieces += [_spell_code(code[last : run.start()]), words[run.group()]]
            last = run.end()
    pieces.append(_spell_code(code[last:]))
    return " ".join(p for p in pieces if p)


_NUMBER_WORD = rc.compile(r"(\d+)([^\W\d_]+)")


def _read_code(match: re.Match[str]) -> str:
    code = match.group()
    if code.isdecimal():
        return code
    glued = _NUMBER_WORD.fullmatch(code)
    if glued and glued.group(2).islower() and is_vietnamese_syllable(glued.group(2)):
        return f"{_num(glued.group(1))} {glued.group(2)}"  # "6giờ" -> "sáu giờ"
    word = _WORD_NUMBER.fullmatch(code)
    if word and _said_as_word(word.group(1)):
        return f"{word.group(1)} {_num(word.group(2))}"  # "Note20", "Phượng1" (set AU)
    # "CN10-3" (a lot, a flat): the dash between two numbers is said, "gạch", so the
    # listener does not hear one number "mười ba" (corpus sweep); a fuel grade "RON95-3",
    # "E10RON95-3" keeps the house reading of "RON 95-III", "rôn chín mươi lăm ba" (set G)
    code = _FUEL_GRADE_DASH.sub(" ", code)
    parts = _DIGIT_DASH.split(code)
    return " gạch ".join(_read_code_run(part.replace("-", " ")) for part in parts)


_DIGIT_DASH = rc.compile(r"(?<=\d)-(?=\d)")
_WORD_NUMBER = rc.compile(r"([^\W\d_]{3,})(\d{1,4})")


def _said_as_word(letters: str) -> bool:
    """A word glued to its number is said as a word: a Vietnamese syllable ("Phượng1", a
    typo) or a capitalised word in lower case ("Note20", "Covid19"); "ABC1", "xyz1" spelled."""
    if not letters[1:].islower():
        return False
    return is_vietnamese_syllable(letters) or letters[0].isupper()


_FUEL_GRADE_DASH = rc.compile(r"(?<=RON\d{2})-(?=[1-6]$)")  # "RON95-3": the Euro emission level


def _read_dotted_code(match: re.Match[str]) -> str:
    numbers = [_num(n) for n in match.group(2).strip(".").split(".")]
    return " chấm ".join([_read_code_run(match.group(1)), *numbers])


# "9T2022", "6T/2024": the first nine months of 2022, as a company's results are written (set AS)
_MONTHS_OF_YEAR = rc.compile(r"(?<![\w.,])([1-9]|1[0-2])T/?((?:19|20)\d{2})(?!\w)")
_CODE_RANGE = rc.compile(r"(?<![\w.,])([^\W\d_]+)(\d+)\s?-\s?\1(\d+)(?![\w])")
_ALARM_SPACED = rc.compile(r"(?<![\w.,])BĐ\s+([1-3])(?![\w]|[.,]\d)")
_ALARM_WORD_RANGE = rc.compile(r"(?<!\w)báo động\s+([1-3])\s*-\s*(?=BĐ\s?[1-3](?![\w]|[.,]\d))")
# The level in Roman numerals: "BĐII", "BĐ III" (glued or spaced), "báo động I" (set G).
_ALARM_ROMAN = rc.compile(
    r"(?<![\w.,])(BĐ\s?|[Bb]áo động\s+)(I{1,3})(?:\s?-\s?(I{1,3}))?(?![\w&]|\.\w|-(?!BĐ)\w)"
)
_ALARM_TWICE = rc.compile(r"(?<!\w)([Bb]áo động)\s+BĐ\s?(?=[1-3](?![\w]|[.,]\d))")


def alarm_levels(text: str) -> str:
    """ "BĐ 1" (a flood alarm level, spaced) is the code "BĐ1" ("báo động một"), not the
    abbreviation "BĐ" ("bóng đá"); found on held-out set C."""
    if "I" in text:
        text = _ALARM_ROMAN.sub(_alarm_roman, text)
    text = _ALARM_WORD_RANGE.sub(r"BĐ\1-", text)  # "báo động (BĐ) 1- BĐ 2", once defined
    text = _ALARM_TWICE.sub(r"\1 ", text)  # "báo động BĐ2": the words once
    return _ALARM_SPACED.sub(r"BĐ\1", text)


def _alarm_roman(match: re.Match[str]) -> str:
    """ "BĐII" -> "BĐ2"; "báo động I" -> "báo động 1" (read "một" by the number rules)."""
    prefix, level, last = match.group(1), str(len(match.group(2))), match.group(3)
    if prefix.startswith("BĐ"):
        return f"BĐ{level}-BĐ{len(last)}" if last else f"BĐ{level}"
    return f"{prefix}{level}-{len(last)}" if last else f"{prefix}{level}"  # "báo động 1-2"


_ROAD_CODE = rc.compile(r"(?<![\w.,])(QL|TL|HL|ĐT)(\d{1,4})([A-Z]?)(?![\w])")  # "QL45", "ĐT741"
_ROADS = {"QL": "quốc lộ", "TL": "tỉnh lộ", "HL": "hương lộ", "ĐT": "đường tỉnh"}


# "tỉnh lộ 506B", "đường tỉnh 743A" (sets Q, R), "đường 390D" (set AK): a road's number is a
# number, its letter a letter; so is each number of a list after it ("các tuyến đường tỉnh: 438B,
# 438C và 435", set BK)
_ROAD_NO = r"\d{1,4}[A-Z]?(?!\w|[.,]\w)"
_SPOKEN_ROAD = rc.compile(
    r"(?<!\w)((?:quốc|tỉnh|hương|huyện) lộ|đường(?: (?:tỉnh|huyện))?)(:?\s+)"
    rf"(?=\d{{1,4}}[A-Z](?!\w|[.,]\w)|{_ROAD_NO}(?:\s*,\s*|\s+(?:và|hoặc)\s+)\d{{1,4}}[A-Z])"
    rf"({_ROAD_NO}(?:(?:\s*,\s*|\s+(?:và|hoặc)\s+){_ROAD_NO})*)",
    re.IGNORECASE,
)
_ROAD_ITEM = rc.compile(r"(\d{1,4})([A-Z]?)(?!\w)")


def _read_spoken_road(match: re.Match[str]) -> str:
    road, gap, numbers = match.groups()

    def item(m: re.Match[str]) -> str:
        letter = f" {LETTER_NAMES[m[2]].lower()}" if m[2] else ""
        return read_cardinal(int(m[1])) + letter

    return f"{road}{gap}{_ROAD_ITEM.sub(item, numbers)}"


def _read_road_code(match: re.Match[str]) -> str:
    road, number, letter = match.groups()
    spoken = _ROADS[road]
    before = match.string[max(0, match.start() - 8) : match.start()]
    if spoken.startswith("đường") and re.search(r"đường\s+$", before, re.I):
        spoken = spoken.removeprefix("đường ")  # "đường ĐT741": "đường tỉnh", not twice
    words = [spoken, read_cardinal(int(number))]
    return " ".join(words + ([LETTER_NAMES[letter].lower()] if letter else []))


_DECIMAL_GRADE = rc.compile(r"(?<![\w.,])(\d{1,3})[.,](\d{1,3})([A-Z])(?![\w])")  # "0.05S"


def codes(text: str) -> str:
    """Letters mixed with digits ("H5N1", "A320") spelled in Vietnamese letter names; known
    letter runs said as words ("COP28", "BĐ2"); "A/H5N1", "JN.1", "Km 15+200"; a range of
    codes "BĐ2-BĐ3" -> "báo động hai đến báo động ba"; a grade "dầu diesel 0.05S" -> "không phẩy
    không năm ét"."""
    text = _CODE_RANGE.sub(r"\1\2 đến \1\3", text)
    if "số" in text or "nhà" in text:  # "số 134A, đường Cầu Giấy": a house's number (set BE)
        text = _HOUSE_LETTER.sub(lambda m: f"{m[1]}{_num(m[2])} {LETTER_NAMES[m[3]]}", text)
    text = _MONTHS_OF_YEAR.sub(lambda m: f"{_num(m[1])} tháng năm {_num(m[2])}", text)
    text = _CONSONANT_PREFIX.sub(lambda m: _letter_names(m.group(1)) + " ", text)
    text = _MODEL_PREFIX.sub(lambda m: _letter_names(m.group(1)) + " ", text)
    text = _ROAD_CODE.sub(_read_road_code, text)
    text = _SPOKEN_ROAD.sub(_read_spoken_road, text)
    text = _DECIMAL_GRADE.sub(
        lambda m: f"{_num(m[1] + ',' + m[2])} {LETTER_NAMES.get(m[3], m[3])}", text
    )
    text = _LETTER_SLASH_CODE.sub(lambda m: LETTER_NAMES[m.group(1)] + " ", text)
    text = _DOTTED_CODE.sub(_read_dotted_code, text)
    if "-" in text:  # "từ Km52+00 - Km60+00" (set BN): two marks, a stretch of road
        text = _KM_RANGE.sub(r"\1 đến ", text)
    text = _KM_MARK.sub(_read_km_mark, text)
    return _CODE.sub(_read_code, text)


_HOUSE_LETTER = rc.compile(
    r"(?<!\w)((?:[Ss]ố|[Nn]hà)\s+)(\d{1,4})([A-Z])"
    r"(?=,?\s+(?:[Đđ]ường|[Pp]hố|ngõ|hẻm|ngách|kiệt|phường|quận)\b)"
)

# A model's prefix of consonants before a dashed number ("Kh-47M2", "Kh-101", set P): letter
# names, as the letters are no syllable ("Su-30", "Mi-8", "Ka-52" are read as written)
_CONSONANT_PREFIX = rc.compile(r"(?<![\w.-])([BCDFGHKLMNPQRSTVXZ][bcdfghklmnpqrstvxz]{1,2})-(?=\d)")

# A maker's prefix before a model code: "SM-S931B" (a phone, set AV); the prefix is spelled
# and before a version with a lower-case suffix: "GPT-4o" (set BB; "GPT" was left to the engine)
_MODEL_PREFIX = rc.compile(
    r"(?<![\w.-])([A-Z]{2,4})-(?=[A-Z]{1,3}\d+[A-Z]{0,3}(?![\w-])|\d{1,3}[a-z]{1,2}(?![\w-]))"
)


def _letter_names(letters: str) -> str:
    return " ".join(LETTER_NAMES.get(c.upper(), c) for c in letters)


@functools.cache
def code_words() -> dict[str, str]:
    """Letter runs said as words inside codes (audionews/data/codes.toml)."""
    return dict(load_data_lexicon("codes.toml").words)


_GLUE_HYPHEN = rc.compile(r"(?<=\d)-(?=[^\W\d_])|(?<=[^\W\d_])-(?=\d)")
_METRE_CM = rc.compile(r"(?<![\w.,])(\d)m(\d{2})(?![\w])")


def numbers(text: str) -> str:
    """Every remaining number: "1.234.567", "3,5", "7", "0,05", "3.5" (a decimal)."""
    text = _GLUE_HYPHEN.sub(" ", text)
    text = _ENGLISH_GROUPS.sub(lambda m: read_cardinal(int(m.group().replace(",", ""))), text)
    text = _DOT_DECIMAL.sub(
        lambda m: m.group() if len(m.group(2)) == 3 else _num(f"{m.group(1)},{m.group(2)}"),
        text,
    )
    text = _NUMBER.sub(lambda m: _num(m.group()), text)
    return _ANY_DIGITS.sub(lambda m: _num(m.group()), text)


# "vào lớp 10 hai trường": a pause after the number, or "mười hai" is heard (set AX)
_BEFORE_NUMBER_WORD = rc.compile(
    r"(?<![\w.,])(\d+)(?=\s+(?:hai|ba|bốn|sáu|bảy|tám|chín|mười)\s+[^\W\d_])"
)


def number_word_pauses(text: str) -> str:
    """A number written before a number word of the source is followed by a pause: "lớp 10
    hai trường" -> "lớp 10, hai trường" (run before other rules write number words)."""
    return _BEFORE_NUMBER_WORD.sub(r"\1,", text)


# --- acronyms, letters
_INITIAL_DOT = rc.compile(
    rf"(?<![\w.])([{UPPER}])\.(?:\s+(?=[{UPPER}][^\W\d_]*[a-zà-ỹđ]|[{UPPER}]\.\s)|(?=[,;])"
    rf"|\s+(?=[a-zà-ỹđ(]|[\"“‘'][a-zà-ỹđ]))"  # "chị T. “cắn câu” và" (set BH): goes on
)
_CAPS_TOKEN = rc.compile(  # only tokens with a capital letter (in 60 chars) reach Python
    rf"(?<!\w)(?=[\w.&-]{{0,60}}[{UPPER}])[^\W\d_][\w]*"
    rf"(?:(?:[-.]|&(?=[{UPPER}]))[^\W\d_][\w]*)*(?![\w])"
)
_VOWELS_SINGLE = frozenset(
    "AĂÂEÊIOÔƠUƯYÀÁẢÃẠÈÉẺẼẸÌÍỈĨỊÒÓỎÕỌÙÚỦŨỤỲÝỶỸỴẦẤẨẪẬẰẮẲẴẶỀẾỂỄỆỒỐỔỖỘỜỚỞỠỢỪỨỬỮỰ"
)


def _spell_acronym(match: re.Match[str]) -> str:
    token = match.group()
    letters = [c for c in token if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    lower = len(letters) - upper
    if upper == 0:
        return token
    if len(letters) == 1:
        if token in _VOWELS_SINGLE or token not in LETTER_NAMES:
            return token  # "Bộ Y tế", "Nguyễn Văn A": a vowel reads as itself
        return LETTER_NAMES[token]
    if upper < 2 or lower >= upper:
        return token
    pieces = re.split(r"[-&.]", token)
    if lower == 0 and all(is_vietnamese_syllable(p) and not p.isascii() for p in pieces):
        return " ".join(p.lower() for p in pieces)  # a Vietnamese word in capitals: "HÀ NỘI"
    if _spoken_caps(token):
        return token.title()  # "tàu MAERSK EDIRNE": a name in capitals, said as a word
    return _spell_code(token)


_CAPS_WORD = rc.compile(r"[A-Z]{5,}")
_CONSONANT_RUN = rc.compile(r"[^AEIOUY]+")
_DIGRAPH = rc.compile(r"CK|SH|TH|PH|CH|WH|NG(?=[^AEIOUY]|$)")


def _spoken_caps(token: str) -> bool:
    """An unknown word in capitals said as a word, not letter by letter (set K: "MAERSK",
    "EDIRNE", "SKYPEC"): five ASCII letters or more, a third of them vowels, no three consonants
    together but at its end ("UKMTO", "TANDTC" stay spelled)."""
    # "PFIEV" (set BD): two consonants no English or Vietnamese word opens on, as in a web label
    if not _CAPS_WORD.fullmatch(token) or _ACRONYM_LABEL.match(token.lower()):
        return False
    vowels = sum(c in "AEIOUY" for c in token)
    sounds = _DIGRAPH.sub("X", token)  # "BLACKPINK": "CK" is one sound, a quarter vowels (set R)
    runs = [(m.start(), len(m.group())) for m in _CONSONANT_RUN.finditer(sounds)]
    inner = [n for start, n in runs if start + n < len(sounds)]
    long = len(token) >= 7 and sounds != token  # "THADS" stays spelled
    enough = 3 * vowels >= len(token) or (long and 4 * vowels >= len(sounds))
    return enough and all(n <= 2 for n in inner) and all(n <= 3 for _, n in runs)


_AMP_TOKEN = rc.compile(r"(?<![\w.&-])[\w.&-]*&[\w.&-]*")


def _split_amp(match: re.Match[str]) -> str:
    token = match.group()
    parts = token.split("&")
    if all(p and p.isupper() for p in parts):
        return token  # an acronym such as "AT&T"
    return " và ".join(parts)


# An English plural "s" on an acronym or a unit in capitals ("TEUs", "CEOs", "ATMs"): Vietnamese
# has no plural ending, and the listener hears the acronym ("tê e u", not "tê e u ét").
_PLURAL_ACRONYM = rc.compile(r"(?<![\w.&/-])([A-ZĐ]{2,})s(?![\w&]|[-.][^\W\d_])")


def plural_acronyms(text: str, known: Callable[[str], bool] = lambda _token: False) -> str:
    """ "16 triệu TEUs" -> "16 triệu TEU"; a token with a reading of its own is kept."""
    if "s" not in text:
        return text
    return _PLURAL_ACRONYM.sub(lambda m: m.group() if known(m.group()) else m.group(1), text)


_INITIALS = rc.compile(rf"(?<![\w.])((?:[{UPPER}]\.)+[{UPPER}])(\.?)(?![\w])")
_AFTER_INITIALS = rc.compile(rf"\s*(?:$|[\"“]|([{UPPER}][^\W\d_]*))")


def initials(text: str, known: Callable[[str], bool] = lambda _token: False) -> str:
    """ "P.Q.B." -> "pê quy bê" (letter names; not "phường"); the dot after initials or after
    a name's initial ("Trần Thị B. (SN 1985)") is not a sentence end unless a Vietnamese
    sentence follows ("J.K. Rowling" is one name). ``known`` tokens ("T.Ư") are left to the
    lexicon."""

    def spell(match: re.Match[str]) -> str:
        if known(match.group(1)) or known(match.group(1) + match.group(2)):
            return match.group()
        letters = match.group(1).split(".")
        spoken = " ".join(LETTER_NAMES.get(c, c) for c in letters)
        following = _AFTER_INITIALS.match(text, match.end())
        if match.group(2) and following and is_vietnamese_syllable(following.group(1) or "Ông"):
            spoken += "."
        return spoken

    text = _INITIALS.sub(spell, text)
    text = _CLUSTER_INITIAL.sub(_read_cluster_initial, text)
    text = _BARE_CLUSTER_INITIAL.sub(_read_cluster_initial, text)
    return _drop_initial_dots(text)


# "anh Nguyễn Văn Th. (SN 1982)": a name cut to its first consonants, read "thờ".
_CLUSTER_INITIAL = rc.compile(
    rf"(?<![\w])([{UPPER}][a-zà-ỹđ]{{1,6}} |(?:em|bà|ông|anh|chị|cháu|cô|chú|bé|cụ) )"
    rf"(Ngh|Ch|Gh|Kh|Ng|Nh|Ph|Th|Tr)\."  # second sweep: "em Th.", "bà Nh.)" after a person word
    rf"(?=\s*[(),;]|\s+[a-zà-ỹđ]|\s*$|\s+[{UPPER}])"
)
# "lái xe Nguyễn Quang Nh và anh …" (set AZ): cut without its dot, after two name words
_BARE_CLUSTER_INITIAL = rc.compile(
    rf"(?<![\w])((?:[{UPPER}][a-zà-ỹđ]{{1,6}} ){{2}})"
    rf"(Ngh|Ch|Gh|Kh|Ng|Nh|Ph|Th|Tr)(?![\w.])(?=\s*[),;]|\s+[a-zà-ỹđ])"
)
_CLUSTER_SOUNDS = {"Ngh": "Ngờ", "Gh": "Gờ"}


def _read_cluster_initial(match: re.Match[str]) -> str:
    name, cluster = match.groups()
    spoken = name + _CLUSTER_SOUNDS.get(cluster, cluster + "ờ")
    following = match.string[match.end() : match.end() + 2].strip()[:1]
    return spoken + ("." if following.isupper() else "")


# Before a capitalised word, a single capital's dot ends the sentence ("8 nhân E. Trong khi đó",
# "mặt D. Logo", set H) unless the letter is an initial: the word is a family name ("V. Lê Văn
# Hùng"), or a given name after a name ("Nguyễn T. Hoa"), or a foreign word after a person word
# or a name or at the start ("ông A. Smith", "George W. Bush", "V. Putin").
_WORD_BEFORE_INITIAL = rc.compile(r"([^\W\d_]+)\s*$")
_NEXT_WORD_AFTER_INITIAL = rc.compile(r"[^\W\d_]+")
_PERSON_WORDS = frozenset(
    {"ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cháu", "cụ", "cậu", "bé", "thầy", "tên",
     "tượng", "cáo", "can", "phạm", "mẹ", "bố", "cha", "vợ", "chồng"}
)  # fmt: skip


def after_person(text: str, start: int) -> bool:
    """A person word before ``start``, maybe with up to three name words between: "ông ",
    "anh Trần Văn " (so a capital after it is a name's initial, not "quận", "phường")."""
    words = text[max(0, start - 40) : start].split()
    for k in range(len(words) - 1, max(-1, len(words) - 5), -1):
        word = words[k]
        if word.casefold() in _PERSON_WORDS:
            # "đường Phạm Ngũ Lão, Q.1", "Hai Bà Trưng, Q.1" (set BF): a capital person word
            # inside a name is none; one opening a sentence is ("Ông Trần Văn B.")
            opening = words[k - 1][-1:] in ".!?:" if k else start <= 40  # the text's start
            return word[:1].islower() or opening
        if not word[:1].isupper():
            return False
    return False


def _is_initial(text: str, start: int, end: int) -> bool:
    following = _NEXT_WORD_AFTER_INITIAL.match(text, end)
    if following is None or not following.group()[0].isupper():
        return True
    word = following.group().casefold()
    if word in FAMILY_NAMES or (len(word) == 1 and text.startswith(".", following.end())):
        return True  # "N. T. Hà": another initial follows
    before = _WORD_BEFORE_INITIAL.search(text, max(0, start - 24), start)
    named = before is not None and before.group(1)[0].isupper()
    if named and word in NAME_SYLLABLES:
        return True
    if is_vietnamese_syllable(word):
        return False
    particle = before is not None and before.group(1) in _NAME_PARTICLES  # "de O. Ramos" (set BE)
    return before is None or named or particle or before.group(1).casefold() in _PERSON_WORDS


#: Particles inside foreign names, an initial after them: "Joao Marcos de O. Ramos".
_NAME_PARTICLES = frozenset({"de", "dos", "das", "del", "van", "von", "der"})


def _initial_or_end(match: re.Match[str]) -> str:
    letter, whole = match.group(1), match.group()
    if not whole[-1:].isspace():
        return letter  # "B.," "B.;"
    if _is_initial(match.string, match.start(), match.end()):
        return letter + " "
    return letter + ". "


def _drop_initial_dots(text: str) -> str:
    """ "Trần Văn B. là" -> "Trần Văn B là": an initial's dot is not a sentence end."""
    return _INITIAL_DOT.sub(_initial_or_end, text)


def acronyms(text: str) -> str:
    """Unknown all-caps tokens spelled with Vietnamese letter names: "XYZ" -> "ích i dét"."""
    if "&" in text:
        text = _AMP_TOKEN.sub(_split_amp, text)
    text = _drop_initial_dots(text)
    return _CAPS_TOKEN.sub(_spell_acronym, text)


# --- symbols, punctuation
_SYMBOLS: dict[str, str] = {
    "&": " và ",
    "%": " phần trăm ",
    "‰": " phần nghìn ",
    "+": " cộng ",
    "=": " bằng ",
    "~": " khoảng ",
    "≈": " khoảng ",
    "≥": " lớn hơn hoặc bằng ",
    "≤": " nhỏ hơn hoặc bằng ",
    ">": " lớn hơn ",
    "<": " nhỏ hơn ",
    "@": " a còng ",
    "#": " ",
    "*": " ",
    "•": " ",
    "·": " ",
    "■": " ",
    "▪": " ",
    "►": " ",
    "°": " độ ",
    "$": " đô la ",
    "_": " ",
    "|": ", ",
}
_SYMBOL_RE = rc.compile("|".join(re.escape(s) for s in _SYMBOLS))
_WORD_SLASH = rc.compile(r"(?<=[^\W\d_])\s*/\s*(?=[^\W\d_])")
_LONE_DASH = rc.compile(r"(?:(?<=\s)|^)-+(?:\s+|$)|(?<=[^\W\d_])\s+-+(?=\s|$)", re.MULTILINE)
_SPACE_BEFORE_PUNCT = rc.compile(r"[ \t]+([,.;:?!)\]])(?!\w)")
_SPACE_AFTER_OPEN = rc.compile(r"([(\[])\s+")
_DOUBLE_COMMA = rc.compile(r"(?:\s*,){2,}(?=(\S?))")
_COMMA_BEFORE_STOP = rc.compile(r",\s*([.;:?!])")
_LEADING_COMMA = rc.compile(r"(^|\n|[(\[])\s*,\s*")
_MULTI_SPACE = rc.compile(r"[ \t]{2,}")
_AND_OR = rc.compile(r"\bvà/hoặc\b")


_NEXT_WORD = rc.compile(r"[^\W\d_]+")
_LAST_WORD_BEFORE = rc.compile(r"[^\W\d_]+(?=\s*$)")


_PHYSICAL_UNIT_BEFORE = rc.compile(
    "(?:"
    + "|".join(longest_first({v for v in UNITS.values() if v not in COUNTED and " trên " not in v}))
    + r")\s*$"
)


_WORDS_BEFORE_SLASH = rc.compile(r"[^,;:.()!?\n]*$")
_COUNT_WORDS = NUMBER_WORDS | {"đồng", "phần", "đô", "nửa", "mỗi"}


# "Tiền điện/tháng", "Sản lượng/năm": a period closing its phrase after a word that is not one
_PERIODS = frozenset({"năm", "tháng", "tuần", "ngày", "đêm", "giờ", "quý"})
# ... unless the period starts a compound ("năm học", "ngày sinh", "tháng tới") or a list
_PERIOD_COMPOUND = rc.compile(
    r"[^\W\d_]+\s*(?:/|(?:học|sinh|nay|tới|trước|sau|qua|này|đó|ấy|làm|lễ|tài|mới|công|thứ|đầu|"
    r"cuối|âm|dương|nghỉ|đêm|ngày|tháng|năm|giờ|rưỡi|kia|hôm)(?!\w))"
)


def _per_period(match: re.Match[str]) -> bool:
    word = _NEXT_WORD.match(match.string, match.end())
    if word is None or word.group() not in _PERIODS:
        return False
    if _PERIOD_COMPOUND.match(match.string, match.end()):
        return False  # "học kỳ/năm học", "ngày/tháng/năm": alternatives
    last = _LAST_WORD_BEFORE.search(match.string, max(0, match.start() - 12), match.start())
    return last is not None and last.group().lower() not in _PERIODS


def _formula_slash(match: re.Match[str]) -> str:
    """In a line with "=", a spaced slash between words divides: "= Tiền điện / Giá điện"."""
    raw = match.group()
    line_start = match.string.rfind("\n", 0, match.start()) + 1
    line_end = match.string.find("\n", match.end())
    line = match.string[line_start : None if line_end < 0 else line_end]
    if raw[:1].isspace() and raw[-1:].isspace() and " bằng " in line:
        return " chia cho "
    return _slash(match)


def _slash(match: re.Match[str]) -> str:
    after = match.string[match.end() : match.end() + 1]
    word = _NEXT_WORD.match(match.string, match.end())
    if word is not None and word.group() in PER_TIME:
        before = match.string[max(0, match.start() - 24) : match.start()]
        if _PHYSICAL_UNIT_BEFORE.search(before):
            return " trên "  # "90 km/giờ" (the lexicon read "km" first): a physical rate
    if word is not None and word.group() in _ADMIN_UNITS:
        last = _LAST_WORD_BEFORE.search(match.string, max(0, match.start() - 12), match.start())
        if last is not None and last.group() in _ADMIN_UNITS:
            return ", "  # "63 tỉnh/thành", "quận/huyện": either one, not "per"
    clause = _WORDS_BEFORE_SLASH.search(match.string, max(0, match.start() - 48), match.start())
    counted = _COUNT_WORDS.intersection(
        clause.group().replace("/", " ").split()[-5:] if clause else []
    )
    spoken_unit = _SPOKEN_UNIT_AFTER.match(match.string, match.end()) or _SPOKEN_PER_AFTER.match(
        match.string, match.end()
    )
    if word is not None and (word.group() in PER_NOUNS or spoken_unit):
        if not counted and _per_period(match):
            return " mỗi "  # "Tiền điện/tháng": a rate with no count before (set I)
        if not counted:
            return ", "  # no count before: alternatives, "các môn thi/bài thi"
        return " một "  # "9 điểm/môn" -> "chín điểm một môn", "20 con/kg", "100 lượt/ngày"
    if after.islower() and not counted:
        ratio = clause is not None and _RATIO_BEFORE.search(clause.group())
        # "tỷ lệ học sinh đoạt giải/tổng số thí sinh" (set BF): a ratio, "trên"
        return " trên " if ratio else ", "  # "nhà máy/ cơ sở chế biến": alternatives
    return " trên " if after.islower() else ", "


_RATIO_BEFORE = rc.compile(r"(?<!\w)(?:tỷ lệ|tỉ lệ|tỷ số|tỉ số)\s+(?:\S+\s+){0,5}\S+$", re.I)


# Spoken units (the lexicon read "kg" first): "20 con/ki lô gam" is "hai mươi con một ki lô gam".
_SPOKEN_UNIT_AFTER = rc.compile(
    "(?:" + "|".join(longest_first({v for v in UNITS.values() if " trên " not in v})) + r")(?![\w])"
)


# A container or a shipping unit already read ("USD/TEU", "USD/container" in respell mode, set H)
_SPOKEN_PER_AFTER = rc.compile(r"(?:tê e u|ép e u|công-te-nơ|công te nơ)(?![\w-])")


# After a spaced dash, words that open an aside or a date, never the second half of a compound
# ("sản xuất - kinh doanh"): the dash is a pause
_LAST_NUMBER_WORD = rc.compile(rf"(?<!\w)(?:{trie_regex(NUMBER_WORDS)})\s*$")
_NUMBER_AND_UNIT = rc.compile(
    rf"(?<!\w)(?:{trie_regex(NUMBER_WORDS)})\s+(?:mét|xen ti mét|mi li mét|ki lô mét|phần trăm"
    r"|độ xê|ki lô gam|tấn|lít|ha|héc ta|điểm)\s*$"  # "42 điểm - điểm số tối đa" (set AB)
)
_FROM_AMOUNT = rc.compile(
    rf"(?<!\w)[Tt]ừ\s+(?:(?:{trie_regex(NUMBER_WORDS)})\s+)+[^\W\d_]+(?:\s[^\W\d_]+)?\s*$"
)
_NEXT_NUMBER_WORD = rc.compile(rf"\s*(?:{trie_regex(NUMBER_WORDS)})(?!\w)")
_ASIDE_AFTER = rc.compile(
    r"\s*(?:ngày|nơi|khi|tức|một|người|đó|đây|những|vào|tác phẩm|bộ phim|ngành|đoạn|dự án"
    r"|công trình|đơn vị|cơ quan|loại|giải|các|thời điểm|thời gian|doanh thu|con số|vùng|bước"
    r"|chiếc|không (?:chỉ|phải|đơn thuần|những)|vì|là|nhưng|song|chứ|trong đó|nhất là"
    r"|đặc biệt là|đã|sẽ|đang|vẫn|cũng|cấp (?:cao|độ)"
    r"|khoảng|chừng|ước tính|tương đương)(?!\w)"  # "hơn - khoảng 1.500 USD" (set AB)
)
# A capitalized word then lowercase ones just before the dash ("Sở Văn hóa -", "Bộ Nông nghiệp -").
_NAME_PART = rc.compile(rf"(?<!\S)[{UPPER}][^\W\d_]*(?:\s+[a-zà-ỹđ][^\W\d_]*){{1,2}}\s*$")
_LAST_WORD = rc.compile(r"([^\W\d_])[^\W\d_]*\W*$")


def _from_place(text: str, start: int, end: int) -> bool:
    """ "từ Quảng Ninh - …", not "Bắc Từ Liêm - Hà Nội" (a name's "Từ" after a capital, set AG);
    "khu vực Quảng Trị - Quảng Ngãi": an area between two provinces (set AJ)."""
    area = _AREA_PLACE.search(text, start, end)
    if area is not None:
        after = _NEXT_NAME.match(text, end)
        if after and is_place_name(area.group(1)) and is_place_name(after.group(1)):
            return True
    found = _FROM_PLACE.search(text, start, end)
    if found is None:
        return False
    before = re.findall(r"\w+", text[max(0, found.start() - 12) : found.start()])
    return not (text[found.start()] == "T" and before and before[-1][:1].isupper())


_AREA_PLACE = rc.compile(
    rf"(?<!\w)(?:khu vực|ven biển)\s+((?:[{UPPER}][^\W\d_]*\s+){{0,2}}[{UPPER}][^\W\d_]*)\s*$"
)
_NEXT_NAME = rc.compile(rf"\s*[-–]\s*((?:[{UPPER}][^\W\d_]*\s+){{0,2}}[{UPPER}][^\W\d_]*)")
_FROM_PLACE = rc.compile(  # "từ TP Hồ Chí Minh - Điện Biên" ("TP" read "thành phố", set S)
    rf"(?<!\w)[Tt]ừ\s+(?:thành phố\s+|tỉnh\s+)?"
    rf"(?:[{UPPER}][^\W\d_]*\s+){{0,3}}[{UPPER}][^\W\d_]*\s*$"
)


# "Bà Lê Thị B - Phó Chủ tịch": a person's name ending on an initial, already spelled ("bê").
_INITIAL_NAMES = "|".join(longest_first(v for k, v in LETTER_NAMES.items() if k.isalpha()))
_NAME_INITIAL = rc.compile(
    rf"(?<!\S)[{UPPER}][^\W\d_]*\s+[{UPPER}][^\W\d_]*\s+(?:{_INITIAL_NAMES})\s*$"
)
_LOWER_BEFORE = rc.compile(r"(?<![^\W\d_])([a-zà-ỹđ]+)\s*$")
_LOWER_AFTER = rc.compile(r"\s*([a-zà-ỹđ]+)(?![^\W\d_])")
_SENTENCE_END = rc.compile(r"[.;!?:](?:\s|$)|\n")
_WORD = rc.compile(r"[^\W_]+")


def _lone_dashes(text: str) -> str:
    """Between names ("Hà Nội - Hải Phòng") a pause; inside a compound ("sản xuất - kinh
    doanh") nothing; but an aside between two dashes is set off by pauses: one that a dash
    opened ("ông A - Phó Chủ tịch UBND tỉnh - cho biết"), or two dashes between lower-case
    words a few words apart in one sentence ("Loại phân mới - được bán từ tháng trước -
    giúp"). One pass over the dashes, the asides counted per sentence."""
    said: list[str] = []
    matches = list(_LONE_DASH.finditer(text))
    opened = 0
    plain: list[int] = []  # this sentence's dashes between lower-case words, not a known pair
    for k, match in enumerate(matches):
        if _SENTENCE_END.search(text, matches[k - 1].end() if k else 0, match.start()):
            _pair_aside(text, matches, said, plain)
            opened, plain = 0, []
        alone = _dash_alone(match)
        lower = alone == " " and _lower_pair(text, match)
        if lower and opened % 2:
            alone = ", "
        elif lower:
            plain.append(k)
        elif alone == ", " and _closes_plain(text, matches, k, plain):
            said[k - 1] = ", "  # "Tổ công tác - đứng đầu là ông Tâm - kiểm tra"
            plain.pop()
            opened += 1
        opened += alone == ", "
        said.append(alone)
    _pair_aside(text, matches, said, plain)
    out: list[str] = []
    last = 0
    for match, word in zip(matches, said, strict=True):
        out += (text[last : match.start()], word)
        last = match.end()
    return "".join(out) + text[last:]


def _lower_pair(text: str, match: re.Match[str]) -> bool:
    before = _LOWER_BEFORE.search(text, max(0, match.start() - 14), match.start())
    after = _LOWER_AFTER.match(text, match.end())
    if not (before and after and before.group(1).islower() and after.group(1).islower()):
        return False  # the range à-ỹ holds capitals too ("Đ", "Ả")
    return (before.group(1), after.group(1)) not in _DASHED_PAIRS


def _closes_plain(text: str, matches: list[re.Match[str]], k: int, plain: list[int]) -> bool:
    """A dash that pauses by itself, before a lower-case word, closes the plain dash before it."""
    match = matches[k]
    return (
        bool(plain)
        and plain[-1] == k - 1
        and bool(_LOWER_AFTER.match(text, match.end()))
        and _is_aside(text, matches[k - 1].end(), match.start())
    )


def _is_aside(text: str, start: int, end: int) -> bool:
    """3 to 12 words and no list's comma: "- gồm năm người -", not "y tế - văn hóa - giáo
    dục" or "công nghệ - công nghiệp, công nghệ - nông nghiệp"."""
    return 3 <= len(_WORD.findall(text, start, end)) <= 12 and ", " not in text[start:end]


def _pair_aside(text: str, matches: list[re.Match[str]], said: list[str], plain: list[int]) -> None:
    """A sentence's only two plain dashes, with an aside between them."""
    if len(plain) == 2 and plain[1] == plain[0] + 1:
        a, b = matches[plain[0]], matches[plain[1]]
        if _is_aside(text, a.end(), b.start()):
            said[plain[0]] = said[plain[1]] = ", "


def _restated(match: re.Match[str]) -> bool:
    """ "động mạch vành phải - động mạch thủ phạm" (set BD): the dash's next two words name
    again the thing said just before it, an apposition, said after a pause."""
    before = match.string[max(0, match.start() - 40) : match.start()].casefold().split()[-6:]
    after = match.string[match.end() : match.end() + 30].casefold().split()[:2]
    if len(after) < 2 or not all(w.isalpha() for w in after):
        return False
    return any(before[i : i + 2] == after for i in range(len(before) - 2))


def _dash_alone(match: re.Match[str]) -> str:
    """What a spaced dash says by its own neighbours."""
    line_start = match.string[max(0, match.start() - 1) : match.start()] in ("", "\n")
    if line_start and match.group().startswith("-"):
        return ""  # a bullet
    after = match.string[match.end() : match.end() + 3].lstrip()[:1]
    last = _LAST_WORD.search(match.string, max(0, match.start() - 30), match.start())
    window = max(0, match.start() - 60)
    before_upper = last is not None and (
        last.group(1).isupper() or bool(_NAME_INITIAL.search(match.string, window, match.start()))
    )
    if (
        after.isupper()
        and not before_upper
        and _NAME_PART.search(match.string, window, match.start())
    ):
        return " "  # "Bộ Lao động - Thương binh và Xã hội": one name, no pause
    if after.isupper() and _from_place(match.string, window, match.start()):
        return " đến "  # "từ Quảng Ninh - Ninh Bình": a range of places
    if _NEXT_NUMBER_WORD.match(match.string, match.end()) and _FROM_AMOUNT.search(
        match.string, window, match.start()
    ):
        return " đến "  # "phạt tù từ 6 tháng - 3 năm": a range of amounts with their units
    after_number = last is not None and (
        _LAST_NUMBER_WORD.search(match.string, max(0, match.start() - 12), match.start())
        or _NUMBER_AND_UNIT.search(match.string, max(0, match.start() - 40), match.start())
        or _NEXT_NUMBER_WORD.match(match.string, match.end())
    )  # "6,3m - báo động 3", "VIP - 2 triệu" (set T)
    if _ASIDE_AFTER.match(match.string, match.end()) or after_number or _restated(match):
        # "Hơn 4 năm trước - ngày 26/1/2021, …", "tuần tới - một bước tiến" (set N); "Chị chị
        # em em 2 - tác phẩm …": after a number the dash opens an aside (set O)
        return ", "
    return ", " if after.isupper() or before_upper else " "


_PLUS_BULLET = rc.compile(
    rf"(?:(?<=[:;]\s)|(?<=^)|(?<=\n))\+\)?\s*(?=[{UPPER}])"
)  # "+) Vùng" (set S)


def symbols(text: str) -> str:
    """Symbols as words ("&" -> "và"); "/" between words is "trên"; lone dashes go."""
    text = _AND_OR.sub("và hoặc", text)
    text = _PLUS_BULLET.sub("", text)  # "như sau: + Quảng Bình ...": a bullet
    formula = "=" in text
    text = _SYMBOL_RE.sub(lambda m: _SYMBOLS[m.group()], text)
    text = _lone_dashes(text)
    return _WORD_SLASH.sub(_formula_slash if formula else _slash, text)


_SLASHES_AT_END = rc.compile(r"(?<=\S)[ \t]*\.?(?:[ \t]*/)+[ \t]*\.(?=[ \t]*(?:\n|$))")


def tidy(text: str) -> str:
    """Spaces and commas tidied after all rewrites."""
    text = _MULTI_SPACE.sub(" ", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _SPACE_AFTER_OPEN.sub(r"\1", text)
    text = _DOUBLE_COMMA.sub(lambda m: ", " if m.group(1).isalnum() else ",", text)  # "0,,0"
    text = _COMMA_BEFORE_STOP.sub(r"\1", text)
    text = _LEADING_COMMA.sub(r"\1", text)
    text = _drop_initial_dots(text)
    text = _glued_dashes(text)  # "không- độ" once "°" was read (idempotence)
    text = _lone_dashes(text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _MULTI_SPACE.sub(" ", text)
    text = _SLASHES_AT_END.sub(".", text)  # "0/,." -> "không/." once a comma went: an end mark
    return "\n".join(line.strip() for line in text.split("\n")).strip()


# "đ/c: số 5 Lý Thường Kiệt": before a colon it is an address ("địa chỉ"); elsewhere the
# lexicon reads it "đồng chí" ("Đ/c Nguyễn Văn A").
_ADDRESS_DC = rc.compile(r"(?<!\w)([đĐ])/[cC](?=\s*:)")


def comrade_or_address(text: str) -> str:
    return _ADDRESS_DC.sub(lambda m: "Địa chỉ" if m.group(1) == "Đ" else "địa chỉ", text)
