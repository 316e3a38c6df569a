"""Page chrome told by its words: a short line made mostly of a web page's interface words.

Each outlet has widgets of its own ("Gửi bình luận của bạn", "Skip to main content", "1,466 lượt
xem", "Tối đa: 1500 ký tự"), and a rule written for one widget does not catch the next outlet's.
What they share is their vocabulary: buttons, counters, prompts and block labels are made of a
few hundred interface words (bình luận, chia sẻ, lượt xem, đăng nhập, trang chủ, email …), plus
numbers and symbols. A story line almost never is. The vocabulary is data
(``audionews/data/page_ui.toml``), gathered from chrome lines of real pages: a survey of pages
outside the corpus (``tests/corpus/chrome_survey.toml``) and the corpus' own annotated chrome;
``tests/corpus/chrome_vocab.py`` records, for each term, where it was seen.

A line is interface chrome when it is short (at most ``MAX_WORDS`` words), has no sentence's
end (unless every word is an interface word), holds at least one interface term, and interface
words and numbers make at least ``THRESHOLD`` of its words (function words such as "của", "để",
"bạn" count for neither side).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from audionews import regexcache as rc

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

__all__ = [
    "MAX_WORDS",
    "THRESHOLD",
    "Vocabulary",
    "interface_share",
    "is_form_note",
    "is_interface_line",
    "is_related_header",
    "load_vocabulary",
    "split_glued",
    "tokens",
]

#: A widget is short: longer lines are prompts or sentences, left to the specific rules.
MAX_WORDS = 8
#: Share of interface words and numbers among the line's words (function words left out).
THRESHOLD = 0.75
_LONGEST_TERM = 5
_TOKEN = rc.compile(r"[^\W\d_]+|\d+|[^\w\s]")
_SENTENCE = rc.compile(r"(?<=[.!?])\s+")


def tokens(text: str) -> list[str]:
    """Words (letters), numbers and single symbols, case-folded."""
    return _TOKEN.findall(text.casefold())


@dataclass(frozen=True)
class Vocabulary:
    terms: frozenset[tuple[str, ...]]
    """Interface terms as token tuples ("bình luận" -> ("bình", "luận"))."""
    neutral: frozenset[tuple[str, ...]]
    """Function words that count for neither side."""
    evidence: dict[str, tuple[str, ...]]
    """Each term as written and where a chrome line holding it was seen."""
    related: frozenset[tuple[str, ...]] = frozenset()
    """The terms that head a block of related articles ("tin cùng chuyên mục")."""
    address: frozenset[tuple[str, ...]] = frozenset()
    """Words a comment form addresses the reader or the page with ("bạn", "vui lòng")."""
    form: frozenset[tuple[str, ...]] = frozenset()
    """Words of a comment form's fields and rules ("ký tự", "bình luận", "đính kèm")."""

    def without(self, sources: Iterable[str]) -> Vocabulary:
        """The vocabulary built without the evidence of ``sources`` (a leave-one-out check):
        terms seen only there are left out."""
        drop = set(sources)
        kept = {t: ev for t, ev in self.evidence.items() if set(ev) - drop}
        terms = frozenset(tuple(tokens(t)) for t in kept)
        return Vocabulary(terms, self.neutral, kept, self.related & terms, self.address, self.form)


def parse_vocabulary(data: dict[str, object]) -> Vocabulary:
    terms = data.get("terms", {})
    neutral = data.get("neutral", {})
    related = data.get("related", {})
    form = data.get("form", {})
    if not all(isinstance(x, dict) for x in (terms, neutral, related, form)):
        raise ValueError("page_ui.toml: [terms], [neutral], [related] and [form] must be tables")
    assert isinstance(terms, dict) and isinstance(neutral, dict) and isinstance(related, dict)
    assert isinstance(form, dict)
    evidence = {str(t): tuple(str(s) for s in ev) for t, ev in terms.items()}
    known = frozenset(tuple(tokens(t)) for t in evidence)
    return Vocabulary(
        terms=known,
        neutral=frozenset(tuple(tokens(str(w))) for w in neutral.get("words", [])),
        evidence=evidence,
        related=frozenset(tuple(tokens(str(w))) for w in related.get("words", [])) & known,
        address=frozenset(tuple(tokens(str(w))) for w in form.get("address", {})),
        form=frozenset(tuple(tokens(str(w))) for w in form.get("fields", {})),
    )


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The packaged vocabulary (``audionews/data/page_ui.toml``), loaded once."""
    text = (resources.files("audionews") / "data" / "page_ui.toml").read_text("utf-8")
    return parse_vocabulary(tomllib.loads(text))


def _count(
    toks: list[str], vocab: Vocabulary, terms: frozenset[tuple[str, ...]] | None = None
) -> tuple[int, int, int]:
    """(interface words, other words, numbers) of a token list; longest terms first."""
    terms = vocab.terms if terms is None else terms
    ui = plain = nums = 0
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.isdigit():
            nums += 1
            i += 1
            continue
        if not tok[0].isalpha():
            i += 1
            continue
        for n in range(min(_LONGEST_TERM, len(toks) - i), 0, -1):
            run = tuple(toks[i : i + n])
            if run in terms:
                ui += sum(1 for t in run if t[0].isalpha())
                break
            if run in vocab.neutral:
                break
        else:
            plain += 1
            n = 1
        i += n
    return ui, plain, nums


def interface_share(text: str, vocab: Vocabulary | None = None) -> float:
    """The share of interface words and numbers among the line's words (0 without any term)."""
    ui, plain, nums = _count(tokens(text), vocab or load_vocabulary())
    return (ui + nums) / (ui + nums + plain) if ui else 0.0


#: "3 giờ trướcBài gốc": a label glued to the word before it (lower case, then upper case).
_LETTERS = [chr(c) for c in range(0xC0, 0x1EFA) if chr(c).isalpha()]
_GLUED = rc.compile(
    "(?<=[a-z" + "".join(c for c in _LETTERS if c.islower()) + "])"
    "(?=[A-Z" + "".join(c for c in _LETTERS if c.isupper()) + "])"
)


def is_interface_line(text: str, vocab: Vocabulary | None = None) -> bool:
    """True when ``text`` is a widget's line: short, no sentence, made of interface words; a
    label glued to the word before it ("3 giờ trướcBài gốc") is read apart as well."""
    if _interface(text, vocab):
        return True
    apart = split_glued(text)
    return apart != text and _interface(apart, vocab)


def split_glued(text: str) -> str:
    """ "3 giờ trướcBài gốc" -> "3 giờ trước Bài gốc": a space where a lower-case letter meets an
    upper-case one."""
    return _GLUED.sub(" ", text)


def _interface(text: str, vocab: Vocabulary | None) -> bool:
    toks = tokens(text)
    words = sum(1 for t in toks if t[0].isalpha())
    if words > 2 * MAX_WORDS:
        return False
    ui, plain, nums = _count(toks, vocab or load_vocabulary())
    if not ui or (words > MAX_WORDS and plain):
        return False  # a longer line only when every word is an interface word (a button bar)
    end = text.rstrip()
    if end.endswith((".", "!", "?")) and not end.endswith(("...", "…")) and plain:
        return False  # a sentence, unless every word is an interface word ("Có thể bạn quan tâm!")
    return (ui + nums) / (ui + nums + plain) >= THRESHOLD


def is_related_header(text: str, vocab: Vocabulary | None = None) -> bool:
    """ "Tin cùng chuyên mục", "Chủ đề liên quan:", "Bài viết liên quan": a line made of the
    terms that head a block of related articles (function words aside), six words at most."""
    vocab = vocab or load_vocabulary()
    toks = tokens(text.rstrip(" :.…>»›"))  # "Xem thêm >>"
    if sum(1 for t in toks if t[0].isalpha()) > 6 or any(not t[0].isalpha() for t in toks):
        return False
    ui, plain, _ = _count(toks, vocab, vocab.related)
    return ui > 0 and plain == 0


def _holds(toks: list[str], terms: frozenset[tuple[str, ...]]) -> bool:
    return any(
        tuple(toks[i : i + n]) in terms
        for n in range(1, _LONGEST_TERM + 1)
        for i in range(len(toks) - n + 1)
    )


def is_form_note(text: str, vocab: Vocabulary | None = None) -> bool:
    """ "Bạn vui lòng nhập từ 5 ký tự trở lên !!!", "Bạn không thể gửi bình luận liên tục. Xin hãy
    đợi", "Tổng số điểm của bài viết là: 0 trong 0 đánh giá": a comment or rating form's note,
    written as a sentence, addresses the reader or the page ("bạn", "vui lòng", "bài viết") about
    the form's fields ("ký tự", "bình luận", "đính kèm", "đánh giá"). Both must be there; it is a
    zone's evidence (see ``article._comment_form``), not enough alone to drop a line. Both in one
    sentence, on a line of three sentences at most."""
    vocab = vocab or load_vocabulary()
    sentences = [x for x in _SENTENCE.split(text) if x.strip()]
    if len(sentences) > 3 or len(text.split()) > 60:
        return False  # a paragraph of the story ("… đã đăng một bài viết …")
    return any(
        _holds(toks, vocab.address) and _holds(toks, vocab.form)
        for toks in (_no_friends(tokens(x)) for x in sentences)
    )


#: "bạn bè", "bạn trai", "người bạn": a friend, no address to the reader (heldout53's "nhiều
#: bạn bè bình luận" in a story sentence).
_FRIEND_AFTER = frozenset({"bè", "trai", "gái", "thân", "đời", "học", "hàng", "cùng"})


def _no_friends(toks: list[str]) -> list[str]:
    return [
        ""
        if x == "bạn"
        and ((toks[i + 1 : i + 2] or [""])[0] in _FRIEND_AFTER or toks[i - 1 : i] == ["người"])
        else x
        for i, x in enumerate(toks)
    ]
