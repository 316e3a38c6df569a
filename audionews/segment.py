"""Stage 4, segment: spoken text becomes speakable chunks.

Chunks are whole sentences when they fit the engine's limit; a longer sentence is cut at clause
punctuation, then between words, never inside a word (a single word longer than the limit is the
only thing ever cut, and only at the limit), and not inside a number, a date or a name while any
other cut fits.
"""

from __future__ import annotations

from audionews import regexcache as rc
from audionews.normalize.numbers import NUMBER_WORDS

__all__ = ["split_sentences", "split_to_limit", "unglue_sentences"]

_UPPER = "A-ZÀ-ỸĐ"
_LOWER = "a-zà-ỹđ"
# Sentence end: . ! ? … (plus closing quotes/brackets) then space then an opening quote,
# an upper-case letter or a digit.
_SENTENCE_END = rc.compile(
    rf"(?<=[.!?…])([\"”»')\]]*)\s+(?=[\"“«'(\[]?[{_UPPER}0-9])"
    rf"(?<!(?<![\w.])[{_UPPER}]\.\s(?=\())",  # "Trần Thị B. (SN 1985)": an initial, not an end
)
#: Abbreviations written with a full stop before a name: "TP. Hồ Chí Minh", "PGS. Lê Văn A", and
#: titles run together: "GS.TS. Sử Đình Thành", "PGS. TS. Lê Văn A" (heldout48).
_TITLES = r"(?:TP|Tp|TX|ThS|TS|PGS|GS|BS|NSƯT|NSND|Gx|GX|Gp|GP|Lm)\."  # "Gx. Nội Bài" (heldout67)
_ABBREVIATION_END = rc.compile(rf"(?<![\w.])(?:{_TITLES}\s?)*{_TITLES}$")
#: A one-letter word in capitals, marked ("Ở", "Ý"): no initial, a sentence's first word.
_MARKED_CAPITAL = "[ÀÁẢÃẠÂẦẤẨẪẬĂẰẮẲẴẶÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ]"
# "năm 2020.Theo đó": a full stop glued to the next sentence (lower/digit . Upper lower); also
# after a closing quote, "… bã mía”.Ở khối …" (heldout53)
_GLUED = rc.compile(rf"(?<=[{_LOWER}0-9)%”»\"])([.!?])(?=[{_UPPER}][{_LOWER}]|{_MARKED_CAPITAL}\s)")


def unglue_sentences(text: str) -> str:
    """Insert the missing space in "2020.Theo" without touching "TP.HCM" or "3.5"."""
    return _GLUED.sub(r"\1 ", text)


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping their punctuation."""
    text = " ".join(text.split())
    if not text:
        return []
    parts = _SENTENCE_END.split(text)
    # split() with one group yields [sent, closer, sent, closer, ...]
    sentences: list[str] = []
    for i in range(0, len(parts), 2):
        sent = parts[i]
        if i + 1 < len(parts):
            sent += parts[i + 1]
        sent = sent.strip()
        if sentences and _ABBREVIATION_END.search(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {sent}".strip()
        elif sent:
            sentences.append(sent)
    return sentences


def split_to_limit(sentence: str, limit: int) -> list[str]:
    """Cut one sentence into pieces of at most ``limit`` characters.

    A piece ends where a newsreader may breathe: after clause punctuation (, ; :) or before a
    spaced dash first, then before a joining word ("và", "nhưng", "của", ...), then at any
    other space; never inside a number ("bốn mươi | sáu"), a date ("tháng mười | một") or a
    name ("Hồ Chí | Minh") unless nothing else fits. The cut points are chosen together
    (least total cost, then fewest pieces), so one bad cut is never forced by greedy packing.
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    sentence = sentence.strip()
    if len(sentence) <= limit:
        return [sentence] if sentence else []
    words: list[str] = []
    for word in sentence.split():
        while len(word) > limit:  # a "word" longer than the limit (a URL): cut it at the limit
            words.append(word[:limit])
            word = word[limit:]
        if word:
            words.append(word)
    return _best_cuts(words, limit)


# Spoken number and date words: a cut between two of them splits a number or a date.
_NUMBER_WORDS = NUMBER_WORDS | {"chấm", "mùng", "mồng", "tháng", "ngày", "giờ", "phút"}
_JOINING_WORDS = frozenset(
    [
        "và",
        "nhưng",
        "để",
        "khi",
        "với",
        "của",
        "trong",
        "tại",
        "theo",
        "do",
        "vì",
        "nên",
        "thì",
        "mà",
        "hoặc",
        "cho",
        "từ",
        "đến",
        "sau",
        "trước",
        "nhằm",
        "nhưng",
        "song",
        "còn",
        "là",
        "được",
        "bị",
    ]
)
_UNIT_START = frozenset(
    ["phần", "mi", "ki", "xăng", "mét", "đồng", "độ", "héc", "tấn", "lít", "gam", "giờ", "người"]
)
_CLAUSE_END = rc.compile(r"[,;:]$")


def _cut_cost(left: str, right: str) -> int:
    """Cost of ending a piece between the words ``left`` and ``right``."""
    if _CLAUSE_END.search(left) or right in {"-", "–", "—"}:
        return 0
    bare_left = left.rstrip('.,;:!?"”)').lower()
    bare_right = right.lstrip('"“(').lower()
    if bare_left in _NUMBER_WORDS and (bare_right in _NUMBER_WORDS or bare_right in _UNIT_START):
        return 100_000  # inside a number, a date or a quantity
    if left[:1].isupper() and right[:1].isupper() and left[-1:].isalpha():
        return 10_000  # inside a name
    if bare_right in _JOINING_WORDS:
        return 100  # between words: as few such cuts as possible, before "và", "của", ...
    return 106


def _best_cuts(words: list[str], limit: int) -> list[str]:
    n = len(words)
    costs = [_cut_cost(words[i - 1], words[i]) for i in range(1, n)]
    inf = (1 << 62, 0)
    best: list[tuple[int, int]] = [inf] * (n + 1)
    back = [0] * (n + 1)
    best[0] = (0, 0)
    for end in range(1, n + 1):
        length = -1
        for start in range(end - 1, -1, -1):
            length += len(words[start]) + 1
            if length > limit and start < end - 1:
                break
            if best[start] == inf:
                continue
            cut = costs[start - 1] if start > 0 else 0
            candidate = (best[start][0] + cut, best[start][1] + 1)
            if candidate < best[end]:
                best[end], back[end] = candidate, start
    pieces: list[str] = []
    end = n
    while end > 0:
        start = back[end]
        pieces.append(" ".join(words[start:end]))
        end = start
    return pieces[::-1]
