"""Vietnamese readings of numbers: cardinals, decimals, digit strings, ordinals, Roman numerals."""

from __future__ import annotations

from audionews import regexcache as rc

__all__ = [
    "DIGITS",
    "NUMBER_WORDS",
    "read_cardinal",
    "read_decimal",
    "read_digits",
    "read_number_token",
    "read_ordinal",
    "roman_to_int",
]

DIGITS: tuple[str, ...] = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
NUMBER_WORDS = frozenset(DIGITS).union(
    ["mười", "mươi", "mốt", "tư", "lăm", "nhăm", "linh", "lẻ", "trăm", "nghìn", "ngàn", "triệu"],
    ["tỷ", "tỉ", "phẩy"],
)
"""Every word a spoken number is made of."""

_TRILLION = 10**12
_BILLION = 10**9
_SCALES: tuple[tuple[int, str], ...] = ((10**6, "triệu"), (10**3, "nghìn"))


def _read_tens(n: int) -> list[str]:
    """Read 0 < n < 100 (no leading "không")."""
    tens, units = divmod(n, 10)
    if tens == 0:
        return [DIGITS[units]]
    words = ["mười"] if tens == 1 else [DIGITS[tens], "mươi"]
    if units == 0:
        return words
    if units == 5:
        words.append("lăm")
    elif units == 1 and tens > 1:
        words.append("mốt")
    elif units == 4 and tens > 1:
        words.append("tư")
    else:
        words.append(DIGITS[units])
    return words


def _read_hundreds(n: int, full: bool) -> list[str]:
    """Read 0 <= n < 1000; ``full`` forces "không trăm"/"linh" inside a bigger number."""
    hundreds, rest = divmod(n, 100)
    words: list[str] = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
        if rest == 0:
            return words
        if rest < 10:
            return [*words, "linh", DIGITS[rest]]
    if rest:
        words += _read_tens(rest)
    return words


def _read_below_billion(n: int, full: bool) -> list[str]:
    words: list[str] = []
    for scale, name in _SCALES:
        group, n = divmod(n, scale)
        if group:
            words += _read_hundreds(group, full)
            words.append(name)
            full = True
    if n:
        words += _read_hundreds(n, full)
    return words


def _cardinal_words(n: int) -> list[str]:
    if n < _BILLION:
        return _read_below_billion(n, False)
    high, low = divmod(n, _BILLION)
    words = _cardinal_words(high)
    words.append("tỷ")
    if low:
        words += _read_below_billion(low, True)
    return words


def read_cardinal(n: int) -> str:
    """Spoken cardinal: 21 -> "hai mươi mốt", 1005 -> "một nghìn không trăm linh năm"."""
    if n < 0:
        return "âm " + read_cardinal(-n)
    if n == 0:
        return "không"
    return " ".join(_cardinal_words(n))


def read_digits(digits: str) -> str:
    """Digit by digit: "0912" -> "không chín một hai" (non-digits are skipped)."""
    return " ".join(DIGITS[int(c)] for c in digits if c.isdecimal())


def _read_fraction_part(frac: str) -> str:
    if len(frac) > 2:
        return read_digits(frac)
    stripped = frac.lstrip("0")
    zeros = ["không"] * (len(frac) - len(stripped))
    if stripped:
        zeros.append(read_cardinal(int(stripped)))
    return " ".join(zeros)


def read_decimal(whole: int, frac: str) -> str:
    """ "3,5" -> "ba phẩy năm"; "0,05" -> "không phẩy không năm"."""
    if not frac:
        return read_cardinal(whole)
    return f"{read_cardinal(whole)} phẩy {_read_fraction_part(frac)}"


_GROUPED = rc.compile(r"\d{1,3}(?:\.\d{3})+")


def read_number_token(token: str) -> str:
    """Read a written number: "1.234.567", "3,5", "12", "007", "-4" (Vietnamese conventions)."""
    negative = token.startswith(("-", "−"))
    if negative:
        token = token[1:]
    whole, _, frac = token.partition(",")
    if _GROUPED.fullmatch(whole):
        whole = whole.replace(".", "")
    if not whole.isdecimal() or not (frac == "" or frac.isdecimal()):
        return read_digits(token)
    if (len(whole) > 1 and whole.startswith("0") and not frac) or len(whole) > 18:
        spoken = read_digits(whole)
    else:
        spoken = read_decimal(int(whole), frac)
    return "âm " + spoken if negative else spoken


_ORDINALS = {1: "nhất", 4: "tư"}


def read_ordinal(n: int) -> str:
    """The word after "thứ": 1 -> "nhất", 4 -> "tư", 2 -> "hai"."""
    return _ORDINALS.get(n, read_cardinal(n))


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
ROMAN_RE = rc.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


def roman_to_int(text: str) -> int | None:
    """Value of a well-formed Roman numeral, else None."""
    if not text or not ROMAN_RE.fullmatch(text):
        return None
    total = 0
    prev = 0
    for ch in reversed(text):
        value = _ROMAN_VALUES[ch]
        if value < prev:
            total -= value
        else:
            total += value
            prev = value
    return total
