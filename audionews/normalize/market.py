"""Rules for market and price pages: broker notes and price tables (found on set E, issue #12).

Broker shorthand: "MUA cp FPT (TP: 157.1)" is "mua cổ phiếu ép pê tê (giá mục tiêu ...)"; a
quote pair "133 - 135 triệu đồng/lượng (mua vào - bán ra)" is two prices, not a range; a change
in a price table "-20.000 đ/kg" is "giảm", "+5.000 đ/kg" "tăng". See docs/normalization.md.
"""

from __future__ import annotations

import re

from audionews import regexcache as rc
from audionews.normalize.numbers import read_cardinal
from audionews.normalize.vietnamese import LETTER_NAMES

__all__ = ["broker_notes", "price_changes", "quote_pairs"]

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_TICKER = r"[A-Z]{3}(?![\w&-]|\.[A-Za-z])"

# "(TP: 157.1)", "TP 38.7", "giá mục tiêu (TP)": after a ticker or in a market article.
_TARGET_PRICE = rc.compile(r"(?<![\w.&/-])TP(\s*:\s*|\s+)(?=\d)")
_AFTER_TICKER = rc.compile(r"(?<![\w.])[A-Z]{3}\s*[(,:-]?\s*$")
# "cp FPT", "MUA cp MWG": "cp" (cổ phiếu) before a ticker, which is spelled, never expanded;
# "Công ty CP FPT" (capitals) is "cổ phần", left to the lexicon.
_CP_TICKER = rc.compile(rf"(?<![\w.&/-])(?:cp|Cp)\s+({_TICKER})")
_CP_AFTER_COUNT = rc.compile(r"(?<=\d)(\s*(?:triệu|nghìn|ngàn|tỷ|tỉ)?\s+)cp(?![\w.&/-])")
# "31.800 đồng/CP": a price per share (not "cổ phần").
_PER_SHARE = rc.compile(r"(?<=\d)(\s?(?:đồng|đ))/(?:CP|cp)(?![\w&/-]|\.\w)")
# A recommendation in capitals before a ticker: "MUA cp FPT", "BÁN MWG", "khuyến nghị MUA".
_RATINGS = (
    "MUA|BÁN|GIỮ|NẮM GIỮ|KHẢ QUAN|TRUNG LẬP|KÉM KHẢ QUAN|TĂNG TỶ TRỌNG|GIẢM TỶ TRỌNG|THEO DÕI"
)
_RATING = rc.compile(
    rf"(?<![\w.&/-])({_RATINGS})(?=\s+(?:cp|CP|cổ phiếu|mã)?\s*{_TICKER})"
    rf"|(?<=khuyến nghị )({_RATINGS})(?![\w&-])"
)

# ... or after its ticker, in a bracket or after a colon or dash: "VNM [ MUA - 82.436đ/cp]" (set H)
_RATING_AFTER_TICKER = rc.compile(
    rf"(?<![\w.&/-])([A-Z]{{3}}\s*[\[(:-]?\s*)({_RATINGS})(?![\w&-]|\s+[A-ZĐÀ-Ỹ]{{2,}})"
)

_ANY_RATING = rc.compile(_RATINGS)

# Moving averages in a chart note (set G): "MA200", "EMA50", "SMA100" are a number of sessions,
# "mờ a hai trăm" (a code with three digits is otherwise read digit by digit). In a market
# article, or in a piece that speaks of a chart or of shares.
_MOVING_AVERAGE = rc.compile(r"(?<![\w.&/-])(MA|EMA|SMA|WMA)(\d{1,3})(?![\w&]|[.,]\d|-\w)")
_CHART_CONTEXT = rc.compile(
    r"đường (?:trung bình|MA|EMA|SMA)|trung bình động|kháng cự|cổ phiếu|chứng khoán|"
    r"VN-Index|VN30|HNX",
    re.IGNORECASE,
)


def _cased(match: re.Match[str], spoken: str) -> str:
    return spoken.capitalize() if match.group()[:1].isupper() and match.start() == 0 else spoken


def _spell(letters: str) -> str:
    return " ".join(LETTER_NAMES.get(c, c) for c in letters)


def broker_notes(text: str, market: bool) -> str:
    """Broker shorthand: "TP" before a price after a ticker (or anywhere in a market article,
    ``market``) is "giá mục tiêu"; "cp" is "cổ phiếu" and the ticker after it is spelled
    ("cp CTR" is not "chất thải rắn"); a rating in capitals ("MUA", "KHẢ QUAN") is a word."""
    if "TP" in text:

        def target(match: re.Match[str]) -> str:
            before = text[max(0, match.start() - 12) : match.start()]
            if market or _AFTER_TICKER.search(before.rstrip("( ")):
                return "giá mục tiêu" + (": " if ":" in match.group(1) else " ")
            return match.group()

        text = _TARGET_PRICE.sub(target, text)
    if "cp" in text or "CP" in text or "Cp" in text:
        text = _CP_TICKER.sub(lambda m: _cased(m, "cổ phiếu ") + _spell(m.group(1)), text)
        text = _CP_AFTER_COUNT.sub(r"\1cổ phiếu", text)
        text = _PER_SHARE.sub(r"\1/cổ phiếu", text)
    if "MA" in text and (market or _CHART_CONTEXT.search(text)):
        text = _MOVING_AVERAGE.sub(lambda m: f"{_spell(m[1])} {read_cardinal(int(m[2]))}", text)
    if _ANY_RATING.search(text):
        text = _RATING_AFTER_TICKER.sub(lambda m: m.group(1) + m.group(2).lower(), text)
    return _RATING.sub(lambda m: m.group().lower(), text)


# A buying and a selling price: "133 - 135 triệu đồng/lượng (mua vào - bán ra)".
_QUOTE_PAIR = rc.compile(
    rf"(?<![\w.,/])({_NUM})\s*-\s*({_NUM})(\s*[^\W\d_][^().\d\n]{{0,40}}?)\s*"
    r"\(?\s*(mua(?: vào)?)\s*[-/]\s*(bán(?: ra)?)\s*\)?(?!\w)"
)


# The labels first: "giá 2 chiều mua – bán là 182,3-185,3 triệu đồng/lượng" (set Y).
_LABELLED_PAIR = rc.compile(
    r"(?<!\w)(mua(?: vào)?)\s*[-/]\s*(bán(?: ra)?)((?:\s+[^\W\d_][^\s\d]*){0,6}?\s+)"
    rf"({_NUM})\s*-\s*({_NUM})(?![\d.,])"  # "mua - bán USD ở mức 22.930 - 23.140" (set AA)
)


def quote_pairs(text: str) -> str:
    """ "133 - 135 triệu đồng/lượng (mua vào - bán ra)" -> "mua vào 133, bán ra 135 triệu
    đồng/lượng", "mua - bán là 182,3-185,3 triệu" -> "mua 182,3, bán 185,3 triệu": a quote
    pair is two prices, not a range read with "đến"."""
    if "mua" not in text:
        return text
    text = _LABELLED_PAIR.sub(lambda m: f"{m[1]}{m[3]}{m[4]}, {m[2]} {m[5]}", text)
    return _QUOTE_PAIR.sub(lambda m: f"{m[4]} {m[1]}, {m[5]} {m[2]}{m[3]}", text)


# "mua vào/bán ra", "mua tiền mặt/mua chuyển khoản/bán ra": the quotes' labels, a list.
_QUOTE_LABELS = rc.compile(
    r"(?<![\w/])(mua(?: vào| tiền mặt| chuyển khoản)?|bán(?: ra)?)"
    r"((?:\s*/\s*(?:mua(?: vào| tiền mặt| chuyển khoản)?|bán(?: ra)?)){1,2})(?![\w/])"
)
# "22.650/23.785 đồng/USD", "195/207 đồng/JPY": two or three quotes before their currency.
_QUOTE_AMOUNTS = rc.compile(
    rf"(?<![\w.,/])((?:{_NUM})(?:/(?:{_NUM})){{1,2}})"
    r"(?=\s*(?:(?:nghìn|ngàn|triệu|tỷ)\s+)?(?:đồng|đ|VNĐ|VND|USD)(?![^\W\d_]))"
)
_GROUPED = rc.compile(r"\d\.\d{3}|\d,\d")
_QUOTE_CONTEXT = rc.compile(r"(?:mua|bán|tỷ giá|niêm yết|lần lượt)", re.IGNORECASE)


def quote_slashes(text: str) -> str:
    """ "giá mua vào/bán ra là 22.650/23.785 đồng/USD" -> "mua vào, bán ra là 22.650, 23.785
    đồng/USD" (set Z): quotes listed across slashes are a list, never "trên" (a count out of a
    total is not followed by a currency)."""
    if "/" not in text:
        return text
    if "mua" in text or "bán" in text:
        text = _QUOTE_LABELS.sub(lambda m: m[1] + re.sub(r"\s*/\s*", ", ", m[2]), text)

    def listed(match: re.Match[str]) -> str:
        amounts = match.group(1).split("/")
        context = _QUOTE_CONTEXT.search(text, max(0, match.start() - 80), match.start())
        if not context and not all(_GROUPED.search(a) for a in amounts):
            return match.group()
        return ", ".join(amounts)

    return _QUOTE_AMOUNTS.sub(listed, text)


# A signed change of a price in a table: "So với tuần trước: -20.000 đ/kg", "(+500 đồng)".
_PRICE_CHANGE = rc.compile(
    rf"(?:(?<=[:(\t])|(?<=: )|(?<=\( )|^)([-+])({_NUM})(?=\s?(?:đ|đồng|VNĐ|vnđ|USD)(?![\w]))",
    re.MULTILINE,
)


def price_changes(text: str) -> str:
    """ "So với tuần trước: -20.000 đ/kg" -> "giảm 20.000 đ/kg", "+500 đồng" -> "tăng": a
    signed amount of money after a colon, a bracket or at a line start is a change."""
    if "-" not in text and "+" not in text:
        return text
    return _PRICE_CHANGE.sub(lambda m: ("giảm " if m[1] == "-" else "tăng ") + m[2], text)
