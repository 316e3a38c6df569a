"""Spoken-text normalization: the one seam from written Vietnamese to what an engine should read.

``normalize_text`` is public API (used by the pipeline, by users and by outside evaluations):
keep its name and signature.

A :class:`Normalizer` serves one document: ``learn`` every piece first (abbreviations the article
defines, its legacy encoding), then ``normalize`` each piece. The rewriting is a visible tuple
of small ``str -> str`` rules (``Normalizer.rules``); see docs/normalization.md.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from audionews import regexcache as rc
from audionews.errors import ConfigError
from audionews.normalize import corpus2 as c2
from audionews.normalize import forms as f
from audionews.normalize import market as m
from audionews.normalize import rules as r
from audionews.normalize import written as w
from audionews.normalize.corpus import acronym_word_hyphens, corpus_forms
from audionews.normalize.encoding import (
    convert_legacy,
    detect_legacy,
    has_vietnamese_letters,
    repair_text,
)
from audionews.normalize.lexicon import (
    builtin_lexicon,
    load_data_lexicon,
    load_lexicon_file,
    trie_regex,
)
from audionews.normalize.places import place_names
from audionews.normalize.respell import respell
from audionews.normalize.topics import guess_topic, topic_data
from audionews.normalize.vietnamese import is_ascii_syllable, is_vietnamese_syllable, strip_tone

__all__ = ["FOREIGN_MODES", "Normalizer", "normalize_text"]

FOREIGN_MODES = ("keep", "respell")
"""How foreign names are read: kept as written, or respelled the Vietnamese way ("Trump" ->
"Tơ Ram") for engines that read English badly (``EngineSpec.reads_english``)."""


_log = logging.getLogger(__name__)

_WORD_END = r"(?!\w|[-.][^\W\d_])"
_WORD_START = r"(?<![\w.-])(?<!\d[A-Z]/)"  # not the suffix of a model code "S931B/DS" (set AV)
_ABBR = rf"[{r.UPPER}][\w&.-]*[\w]"
_DEFINITION = rc.compile(
    rf"\((?:(?:gọi|viết) tắt(?: là)?:?\s+|sau đây gọi (?:tắt )?là\s+)?({_ABBR})\)"
)
# "(thuế GTGT - VAT)": the meaning's head word, its abbreviation and a foreign one (set AV)
_PAIR_DEFINITION = rc.compile(rf"\((?:[^\W\d_]+\s+)?({_ABBR})\s*[-–/]\s*({_ABBR})\)")
_REVERSE_DEFINITION = rc.compile(rf"(?<![\w.&-])({_ABBR})\s*\(([^()\d]{{3,90}})\)")
# "trí thông minh nhân tạo - AI - như ...": an abbreviation between dashes after its meaning (set H)
_DASH_DEFINITION = rc.compile(rf"\s+-\s+({_ABBR})\s+-\s+")
# A foreign name in title case (not a Vietnamese syllable: "Iris", "Vega"); its capitals on the
# same page ("IRIS") are the name, not an acronym (set H)
_TITLE_NAME = rc.compile(r"(?<![\w.&/-])([A-Z][a-z]{3,11})(?![\w&])")
_CLAUSE_BREAK = rc.compile(r"[.;:!?()\[\]\"“”,\n]")
_FUNCTION_WORDS = frozenset({"và", "của", "các", "về", "cho", "với", "trong", "tại", "-", "&"})
_LETTER_WORD = rc.compile(r"[^\W\d_]")
_CAPS_WORD = rc.compile(r"(?<![\w])[^\W\d_]{2,}(?![\w])")
_ANY_WORD = rc.compile(r"(?<![\w])[^\W\d_]+(?![\w])")
_LATIN_WORD = rc.compile(r"(?<![\w.@/])[^\W\d_]{2,}(?![\w@/]|\.\w)")
# "ĐT: 0912 ...", "ĐT 0912 ..." (its digits may be read already: "ĐT không chín một ...")
_PHONE_AFTER = rc.compile(
    r"\s*:\s*|\s+\(?\+?\d|\s+không\s+(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín)\s"
)
# "đường ĐT 743A", "tuyến ĐT.741": a provincial road's number (not a phone number, set R)
_ROAD_AFTER = rc.compile(r"\s*\d{1,4}[A-Z]?(?!\w|[.,]\d)")
_ROAD_BEFORE = rc.compile(r"(?<!\w)(?:([Đđ]ường)|[Tt]uyến|[Nn]út giao|[Cc]ầu)\s+$")
# "trên ĐT 741", "ĐT.741B": a road's number even with no road word before it (a phone number has
# eight digits or more, begins with 0 or runs on in groups)
_ROAD_NUMBER = rc.compile(r"\s*[1-9]\d{0,3}[A-Z]?(?!\w|[.,]?\d|\s+\d)")
_ROAD_DOT = rc.compile(r"(?<![\w.])(ĐT)\.(?=\d{1,4}[A-Z]?(?!\w|[.,]\d))")  # "ĐT.741"
_NAME_AFTER = rc.compile(rf"\s+[{r.UPPER}][a-zà-ỹđ]")  # "TS Lê Văn A": a title before a name
_SCHOOL_AFTER = rc.compile(r"\s+(?:THPT|THCS|PTTH|trung học)(?!\w)")  # "TN THPT": tốt nghiệp
_CONTEXT_AFTER = (
    ("before_phone", _PHONE_AFTER),
    ("before_school", _SCHOOL_AFTER),
    ("before_name", _NAME_AFTER),
)
_CAPS_END = r"(?![\w&]|[-.][^\W\d_])"
_STORM_NAME = rc.compile(
    r"(?<!\w)(?:[Bb]ão|[Tt]ai phong)\s+(?:số\s+\d+\s*[(,-]?\s*)?"
    rf"([A-Z]{{3,12}}){_CAPS_END}"
)
_ADMIN_LETTERS = rc.compile(
    r"(?<!\w)((?:[Pp]hường|[Xx]ã|[Qq]uận|[Hh]uyện|[Tt]hị xã|[Tt]hị trấn|[Tt]hành phố|[Tt]ỉnh|"
    r"[Tt]hôn|[Ấấ]p|[Xx]óm|[Kk]hu phố|[Tt]ổ dân phố|[Bb]ản|[Ll]àng)\s+)"
    rf"([{r.UPPER}]{{1,4}})(?![\w&]|[-.][^\W\d_]|\s+[{r.UPPER}])"  # "xã Y Tý": a name goes on
)
_CN = rc.compile(r"(?<![\w.&/-])CN(?![\w&]|[-.][^\W\d_])")
# "anh TH", "bị cáo PTB" (set BB): a person's initials after a person word, spelled ("anh TH"
# was "anh tiểu học"); not a role the lexicon expands ("anh PV", "em HS", "ông CT")
_PERSON_LETTERS = rc.compile(
    r"(?<!\w)((?:[Aa]nh|[Cc]hị|[Ôô]ng|[Bb]à|[Ee]m|[Cc]háu|[Cc]ô|[Cc]hú|[Bb]é|[Cc]ụ|[Bb]ác|[Cc]ậu"
    r"|bị can|bị cáo|nạn nhân|đối tượng|[Tt]ên|[Cc]ặp vợ chồng)\s+)"
    rf"([{r.UPPER}]{{2,4}})(?![\w&]|[-.][^\W\d_]|\s+[{r.UPPER}])"
)
_PERSON_ROLES = frozenset(
    {"PV", "CTV", "BTV", "BS", "TS", "GS", "PGS", "HLV", "CT", "PCT", "BT", "PBT", "GĐ", "PGĐ"}
    | {"TGĐ", "KTS", "LS", "NS", "ĐB", "CB", "CSGT", "CA", "HS", "SV", "GV", "TT", "NV", "CN"}
    | {"ĐBQH", "NSND", "NSƯT", "NĐT", "KH", "BN"}
)
_INDUSTRY_BEFORE = rc.compile(
    r"(?<!\w)(?:khu|cụm|ngành|vùng|điểm|nhà máy|sản xuất|đất)\s*$", re.IGNORECASE
)
_WEEKDAY_BEFORE = rc.compile(
    r"(?:(?<!\w)(?:thứ\s+\S+|T[2-7])\s*(?:,|và|-|đến|tới|hoặc)\s*"
    r"|(?<!\w)(?:ngày|sáng|trưa|chiều|tối|đêm|hôm|vào|các)\s+)$",
    re.IGNORECASE,
)
_DATE_AFTER = rc.compile(r"\s*[,(]?\s*(?:ngày\s+)?\d{1,2}[/.-]\d{1,2}(?!\d)")
# A brand in capitals made of open syllables, consonant then vowel ("POCO", "KIDO"): read as a
# word ("Poco"), not spelled; an acronym of this shape is rare and most are said as words
# ("NATO", "FIFA"). Four letters at least.
_CV_CAPITALS = rc.compile(
    r"(?<![\w.&/-])((?:[BCDFGHKLMNPRSTVXZ][AEIOU]){2,}[BCDFGHKLMNPRSTVXZ]?)(?![\w&]|[-.][^\W\d_])"
)
_JOINED_NAMES = rc.compile(rf"(?<![\w.-])([{r.UPPER}][^\W\d_]*)-([{r.UPPER}][^\W\d_]*)(?![\w-])")


def _initial(word: str) -> str:
    if word in {"và", "&"}:
        return "&"
    bare, _ = strip_tone(word[0])
    return {"Ă": "A", "Â": "A", "Ê": "E", "Ô": "O", "Ơ": "O", "Ư": "U", "Đ": "D"}.get(
        bare.upper(), bare.upper()
    )


def _abbr_key(abbr: str) -> str:
    return "".join(_initial(c) for c in abbr if c.isupper() or c == "&")


def _find_definition(before: str, abbr: str) -> str | None:
    """The words just before "(ABBR)" whose initials spell ABBR, or None."""
    clause = _CLAUSE_BREAK.split(before)[-1]
    words = [w for w in clause.split()[-14:] if w != "-"]
    target = _abbr_key(abbr)
    if len(target) < 2:
        return None
    bare_target = target.replace("&", "")
    for k in range(1, len(words) + 1):
        chunk = words[-k:]
        if chunk[0].lower() in _FUNCTION_WORDS or not _LETTER_WORD.match(chunk[0]):
            continue
        full = "".join(_initial(w) for w in chunk)
        content = "".join(_initial(w) for w in chunk if w.lower() not in _FUNCTION_WORDS)
        if target in (full, content) or bare_target in (full.replace("&", ""), content):
            return _as_phrase(chunk)
    for k in range(2, min(len(words), len(target) + 2) + 1):  # some initials skipped
        chunk = words[-k:]
        initials = "".join(_initial(w) for w in chunk)
        if initials[0] == target[0] and _subsequence(target, initials):
            return _as_phrase(chunk)
    return None


def _as_phrase(words: list[str]) -> str:
    """The definition as it will be read; "Doanh nghiệp" (sentence case) becomes lowercase."""
    words = list(words)
    if all(w.islower() for w in words[1:]):
        words[0] = words[0][:1].lower() + words[0][1:]
    return " ".join(words)


def _subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


_PLACE_TAIL = rc.compile(r"\s+(?:thành phố|tỉnh|huyện|quận|thị xã|trung ương)(?:\s+\S+){0,2}$")


def _comparable(text: str) -> str:
    return " ".join(w for w in text.lower().split() if w not in {"-", ","})


class Normalizer:
    """Normalizes the pieces of one document; remembers abbreviations the document defines."""

    def __init__(self, lexicon_files: Sequence[Path] = (), *, foreign: str = "keep") -> None:
        """``lexicon_files``: user lexicons (TOML), later files winning; ``foreign``: "keep"
        leaves foreign names as written (engines with good English), "respell" reads them
        with the built-in Vietnamese respellings of audionews/data/foreign.toml."""
        if foreign not in FOREIGN_MODES:
            raise ConfigError(f"foreign must be one of {FOREIGN_MODES}, not {foreign!r}")
        self.foreign = foreign
        self._foreign = _foreign_table() if foreign == "respell" else None
        builtin = _builtin_tables()
        user = [load_lexicon_file(Path(p)) for p in lexicon_files]
        user_words: dict[str, str] = {}
        user_titles: dict[str, str] = {}
        for lexicon in user:
            user_titles.update(lexicon.titles)
            user_words.update(lexicon.titles)
            user_words.update(lexicon.words)
        self._builtin = builtin
        self._titles = {**builtin.titles, **user_titles}
        self._title_re = builtin.title_re if not user_titles else _title_regex(self._titles)
        self._user = _WordTable.build(user_words) if user_words else None
        # words a user lexicon gives as spoken: never respelled again ("Yagi" = "Ya-ghi")
        self._user_spoken = frozenset(
            w for value in user_words.values() for w in re.split(r"[\s-]+", value) if w
        )
        self._learned: dict[str, str] = {}
        self._learned_table: _WordTable | None = None
        self._seen: list[str] = []
        self._pending: list[str] = []
        self._encoding: str | None = None
        self._encoding_known = False
        self._topic: str | None = None
        self._dot_decimals = False
        self._names: frozenset[str] = frozenset()  # "Iris": a name in title case in the document
        self._names_re: re.Pattern[str] | None = None  # their capitals ("IRIS")
        # The whole pipeline, in order: each step is a small ``str -> str`` function.
        self.rules: tuple[r.Rule, ...] = (
            self._repair,  # legacy encodings, NFD -> NFC
            r.pictographs,  # "📍", "✅", "⚠️": bullets, not read (set H)
            r.clean_spaces,
            r.number_word_pauses,  # "lớp 10 hai trường": not "mười hai" (set AX)
            r.vulgar_fractions,  # "gần ½" -> "gần một nửa"
            self._decimal_convention,  # a page with "6.61": "170,802" is a thousands group
            f.english_grouped_units,  # "5,160 mAh", "10,000 Rs": English groups (set E)
            f.section_numbers,  # "2.1 Tra cứu" -> "hai chấm một, Tra cứu" (set E)
            w.roman_headings,  # "I. CÁC THÔNG SỐ" -> "Một. CÁC THÔNG SỐ" (set F)
            w.outlet_tags,  # "(CHG) Ngày 29/9": the outlet's tag not read (set F)
            w.agency_tags,  # "TTXVN - Sau ba ngày": the agency's tag not read (set K)
            w.motto,  # "Độc lập - Tự do - Hạnh phúc": with its pauses (set F)
            w.version_numbers,  # "UFS 4.0" -> "UFS bốn chấm không" (set F)
            w.glued_dot_units,  # "1.3Ghz" -> "1.3 Ghz": the number read whole (set F)
            corpus_forms,  # "U.23", "20p", "E/V", "13,7-13,8/20kg" (corpus sweep)
            self._glued_words,  # "tăngcao" -> "tăng cao", "thuộcBộ" -> "thuộc Bộ" (second sweep)
            c2.early_forms,  # "hình sự/ 05 bị cáo", "6,000", "đợt 1/2023" (second sweep)
            c2.day_parts,  # "4:30 pm" -> "4:30 chiều" (heldout55)
            c2.late_forms,  # "đạt 100,13% KH": kế hoạch; "Phó Chủ tịch TT": thường trực
            r.coordinates,  # "12°00'N" -> "mười hai độ không phút vĩ Bắc"
            place_names,  # "Thừa Thiên - Huế" one name; "Thanh Hóa-Quảng Bình" a range
            self._acronym_word_hyphens,  # "HN-Phú Quốc": two names, not one code (heldout15)
            self._plural_acronyms,  # "TEUs", "CEOs" -> "TEU", "CEO": no plural "s" (set G)
            self._drop_definitions,  # "doanh nghiệp (DN)" -> "doanh nghiệp"
            self._broker_notes,  # "MUA cp FPT (TP: 157.1)": cổ phiếu, giá mục tiêu (set E)
            f.datelines,  # "SANTA ANA, California (NV) -" -> "Santa Ana, ..." (set E)
            self._headline_case,  # "BỘ Y TẾ CÔNG BỐ" -> "bộ y tế công bố"
            f.caps_words,  # "KHẢ QUAN" -> "khả quan" (set E)
            r.addresses,  # "hotro@evn.com.vn"
            r.date_line_dashes,
            r.boats,  # "QNg 90459 TS", "tàu HQ 950"
            r.candidates,  # exam news: "12 TS" -> "12 thí sinh" (found on set B)
            r.phone_numbers,
            r.spaced_thousands,  # "56 206 514 cử tri": one number (found on set D)
            r.plates,  # "30A-123.45"; an old plate "BKS 72-02941"
            r.document_numbers,
            self._expand_titles,  # "TS. Lê" -> "tiến sĩ Lê"
            self._initials,  # "P.Q.B." -> "pê quy bê"; "Trần Thị B. (SN" keeps one sentence
            r.teams,  # "ĐT Việt Nam" -> "đội tuyển Việt Nam"
            r.alarm_levels,  # "BĐ 1" -> "BĐ1" (báo động một), before "BĐ" = "bóng đá"
            self._tickers,  # "VND và SHS giảm 1,87%": tickers spelled, not expanded
            r.firm_acronyms,  # "Công ty BTC VALUE": the firm's letters, spelled
            r.varieties,  # "lúa OM 5451" read as the code "OM5451"
            r.execution_units,  # "Iris Xe 96 EU": execution units, not the union (set H)
            self._names_in_capitals,  # "bão YAGI" -> "Yagi": a name, not an acronym
            self._context_letters,  # "phường PV" spelled; "Khu CN" công nghiệp, "thứ Bảy và CN"
            self._split_joined_names,  # "PVF-CAND", "Nga-Ukraine" (respell)
            self._topical_acronyms,  # "BĐ": "báo động" in flood news, "bóng đá" in sport
            m.quote_pairs,  # "133 - 135 triệu (mua vào - bán ra)": two prices (set E)
            m.quote_slashes,  # "mua vào/bán ra là 22.650/23.785 đồng/USD": a list (set Z)
            m.price_changes,  # "So với tuần trước: -20.000 đ/kg" -> "giảm" (set E)
            f.time_zones,  # "10:19 sáng ET" -> "..., giờ miền Đông nước Mỹ" (set E)
            r.comrade_or_address,  # "đ/c:" địa chỉ, before the lexicon's "đồng chí"
            r.generations,  # "4G/5G": either one, before the lexicon reads "4G" (set U)
            r.items_and_hotlines,  # "chỉ huy 114", "Gói thầu 5.10" (sets W, X)
            self._expand_words,  # learned > user > built-in lexicon
            f.pairs_across_slash,  # "năm 2025/2026", "12%/17%": a pair, not "trên" (set E)
            f.dash_date_ranges,  # "Từ ngày 17/9/2021 - ngày ..." -> "đến" (set E)
            w.month_year_ranges,  # "tháng 9/2020 - 2/2021" -> "đến tháng" (set F)
            r.formula_signs,  # "(M1 + M2 + M3) x 2" -> "nhân" (set F)
            r.addresses_on_streets,  # "số 12/3", "đường 3/2"
            r.contract_months,  # "kỳ hạn 11/17": a futures month (found on set D)
            r.slash_scores,  # "chiến thắng 21/10", "điểm số là 5/5": a score (set AR)
            r.day_ranges,  # "17-21/10", "(3 và 4-12)"
            r.full_dates,
            r.quarters,
            r.month_years,
            r.day_months,
            r.written_dates,  # "ngày 2 tháng 4" -> "ngày mùng hai tháng tư"
            r.doubled_mung,  # "mùng 9/8" -> "mùng chín tháng tám"
            r.clock_times,
            r.match_minutes,  # "(76' pen)", "(90'+7)"
            r.roman_numerals,
            r.ordinals,
            f.repeated_unit_ranges,  # "1.250 điểm - 1.275 điểm" -> "đến" (set E)
            r.ranges_and_scores,
            r.fractions,
            r.dimensions,  # "1440 x 3140 pixel" -> "nhân"
            r.units,
            r.count_slashes,  # "5 thí sinh/tỉnh", "7 mã giảm/21 mã tăng" (found on set B)
            r.negatives,
            r.codes,
            r.numbers,
            r.acronyms,
            self._respell_unknown,  # respell mode: "Kushner" -> "Cút Sơ Nơ" (no entry)
            r.symbols,
            self._glued_words,  # again: "0o" read "khôngo" is split too (idempotence)
            r.tidy,
            c2.glued_punctuation,  # "nay,tình" -> "nay, tình" (second sweep); after the tidy,
            # whose dropped commas may glue two words ("0,;0" -> "không;không", idempotence)
        )

    # ----------------------------------------------------------------- learning
    def learn(self, text: str) -> None:
        """Record what ``text`` defines (e.g. "doanh nghiệp (DN)") for later pieces."""
        self._seen.append(text)
        self._pending.append(text)
        self._encoding_known = False

    def _digest(self) -> None:
        """Read the definitions of the pieces learned so far (once the encoding is known)."""
        pending, self._pending = self._pending, []
        document = "\n".join(self._seen)
        self._topic = guess_topic(document)
        names = {w for w in _TITLE_NAME.findall(document) if not is_vietnamese_syllable(w.lower())}
        self._names = frozenset(names)
        self._names_re = (
            # the document's own words: compiled afresh, never kept in the regex cache
            re.compile(rf"(?<![\w.&/-])({trie_regex({w.upper() for w in names})}){_CAPS_END}")
            if names
            else None
        )
        self._dot_decimals = r.uses_dot_decimals(document)
        for raw in pending:
            text = r.clean_spaces(self._repair(raw))
            for match in _DEFINITION.finditer(text):
                abbr = match.group(1).rstrip(".")
                before = text[max(0, match.start() - 300) : match.start()]
                self._remember(abbr, _find_definition(before, abbr))
            for match in _REVERSE_DEFINITION.finditer(text):  # "CTMTQG (chương trình ...)"
                abbr, inner = match.group(1).rstrip("."), match.group(2).strip()
                if _find_definition(inner, abbr) == _as_phrase(inner.split()):
                    self._remember(abbr, _as_phrase(inner.split()))

    def _remember(self, abbr: str, definition: str | None) -> None:
        if definition and abbr not in self._learned:
            self._learned[abbr] = definition
            self._learned_table = None

    @property
    def topic(self) -> str | None:
        """The document's topic guessed from its words (audionews/data/topics.toml), or None."""
        if self._pending:
            self._digest()
        return self._topic

    def _decimal_convention(self, text: str) -> str:
        return r.english_thousands(text) if self._dot_decimals else text

    def _broker_notes(self, text: str) -> str:
        return m.broker_notes(text, market=self._topic == "market")

    def _tickers(self, text: str) -> str:
        return r.tickers(text, market=self._topic == "market")

    def _topical_acronyms(self, text: str) -> str:
        """Acronyms read by the document's topic ("BĐ", "ĐT", "TS", "WC"); the article's own
        definitions and user lexicons win; no reading for the topic and no default: spelled."""
        data = topic_data()
        user = self._user.words if self._user else {}

        def read(match: re.Match[str]) -> str:
            acronym = match.group(1)
            if acronym in self._learned or acronym in user:
                return acronym
            table = data.readings[acronym]
            spoken = data.reading(acronym, self._topic)
            road = _ROAD_BEFORE.search(text, max(0, match.start() - 12), match.start())
            if "before_road" in table and (
                (road and _ROAD_AFTER.match(text, match.end()))
                or _ROAD_NUMBER.match(text, match.end())
            ):
                spoken = table["before_road"]  # "đường ĐT 743A": "đường tỉnh", said once
                if road and road.group(1):
                    return spoken.split(" ", 1)[1]
                return _cased(match, spoken)
            for key, after in _CONTEXT_AFTER:
                if key in table and after.match(text, match.end()):
                    spoken = table[key]
                    break
            return _cased(match, spoken or r.spell_code(acronym))

        if "ĐT." in text:
            text = _ROAD_DOT.sub(r"\1 ", text)
        return data.acronym_re.sub(read, text)

    def _names_in_capitals(self, text: str) -> str:
        """A name written in capitals is a name, not an acronym: "bão YAGI" -> "Yagi" (a storm
        name after "bão"), and any capitals whose title case is in the foreign lexicon."""
        capitals = _foreign_capitals()

        def name(match: re.Match[str]) -> str:
            word = match.group(1)
            if self.knows(word) or word in topic_data().readings or word in r.code_words():
                return match.group()
            return match.group()[: match.start(1) - match.start()] + word.capitalize()

        text = capitals.sub(name, text)
        if self._names_re is not None:  # "IRIS PLUS" on a page that writes "Iris" (set H)
            text = self._names_re.sub(name, text)
        text = _CV_CAPITALS.sub(name, text)
        return _STORM_NAME.sub(name, text) if "ão" in text else text

    def _context_letters(self, text: str) -> str:
        """Letters whose reading the words around them decide: after an administrative word
        an anonymised initial is spelled ("phường PV" -> "pê vê", not "phóng viên"; a place
        such as "thành phố HCM" keeps its name); "CN" is "công nghiệp" after "khu", "cụm",
        "chủ nhật" in a list of weekdays or before a date, else the lexicon's title."""
        if "CN" not in text and not (_ADMIN_LETTERS.search(text) or _PERSON_LETTERS.search(text)):
            return text
        user = self._user.words if self._user else {}

        def admin(match: re.Match[str]) -> str:
            letters = match.group(2)
            if letters in self._learned or letters in user:
                return match.group()
            spoken = self._builtin.words.get(letters)
            if spoken is not None and spoken[:1].isupper():
                return match.group()  # "thành phố HCM": a place's name
            return f"{match.group(1)}{r.spell_code(letters)}"

        def cn(match: re.Match[str]) -> str:
            if "CN" in self._learned or "CN" in user:
                return match.group()
            before = text[max(0, match.start() - 30) : match.start()]
            if _INDUSTRY_BEFORE.search(before):
                return _cased(match, "công nghiệp")
            if _WEEKDAY_BEFORE.search(before) or _DATE_AFTER.match(text, match.end()):
                return _cased(match, "chủ nhật")
            return match.group()

        def person(match: re.Match[str]) -> str:
            letters = match.group(2)
            if letters in self._learned or letters in user or letters in _PERSON_ROLES:
                return match.group()
            return f"{match.group(1)}{r.spell_code(letters)}"

        text = _ADMIN_LETTERS.sub(admin, text)
        text = _PERSON_LETTERS.sub(person, text)
        return _CN.sub(cn, text) if "CN" in text else text

    def knows(self, token: str) -> bool:
        """True if ``token`` has a reading from the article's definitions or a lexicon."""
        if self._pending:
            self._digest()
        tables = (self._user, self._foreign, self._builtin)
        return (
            token in self._learned
            or token in self._titles
            or any(table is not None and token in table.words for table in tables)
        )

    # ----------------------------------------------------------------- normalizing
    def normalize(self, text: str) -> str:
        """Return the spoken form of ``text``."""
        if self._pending:
            self._digest()
        for rule in self.rules:
            try:
                text = rule(text)
            except Exception:  # a rule bug must never stop a broadcast: skip that rule
                _log.exception("normalization rule %s failed; text left as is", rule)
        return text

    def _document_encoding(self) -> str | None:
        if not self._encoding_known:
            joined = "\n".join(self._seen)
            self._encoding = None if has_vietnamese_letters(joined) else detect_legacy(joined)
            self._encoding_known = True
        return self._encoding

    def _repair(self, text: str) -> str:
        if not self._seen:
            return repair_text(text)
        encoding = self._document_encoding()
        if encoding is None or has_vietnamese_letters(text):
            return repair_text(text) if not text.isascii() else text
        return convert_legacy(text, encoding)

    def _drop_definitions(self, text: str) -> str:
        text = w.echoed_brackets(text)  # "so với quý trước (QoQ)", read by corpus_forms (set AS)

        def drop(match: re.Match[str]) -> str:
            """ "(VAT)", or "(thuế GTGT - VAT)" (set AV: two abbreviations, one foreign), after
            the meaning it names, just said: dropped."""
            before = _comparable(text[max(0, match.start() - 300) : match.start()])
            # "Trung tâm Kiểm soát bệnh tật thành phố (CDC)" (set AM): its place between
            said = (before, _PLACE_TAIL.sub("", before))
            for abbr in (g.rstrip(".") for g in match.groups() if g):
                for spoken in self._meanings(abbr):
                    if any(b.endswith(_comparable(spoken)) for b in said):
                        return ""
            return match.group()

        text = _DEFINITION.sub(drop, text)
        if "(" in text:
            text = _PAIR_DEFINITION.sub(drop, text)

        def keep_inner(match: re.Match[str]) -> str:
            abbr, inner = match.group(1).rstrip("."), match.group(2).strip()
            for spoken in self._meanings(abbr):
                if _comparable(spoken) == _comparable(inner):
                    return _cased(match, inner)  # "WHO (Tổ chức Y tế Thế giới)": once
            return match.group()

        text = _REVERSE_DEFINITION.sub(keep_inner, text)
        return _DASH_DEFINITION.sub(self._dash_definition, text) if " - " in text else text

    def _meanings(self, abbr: str) -> Iterator[str]:
        """What ``abbr`` stands for: learned from the text, the user's lexicon, the built-in."""
        tables = (self._learned, self._user.words if self._user else {}, self._builtin.words)
        return (spoken for spoken in (table.get(abbr) for table in tables) if spoken)

    def _dash_definition(self, match: re.Match[str]) -> str:
        """ "nhân tạo - AI - như": the meaning is said already, the abbreviation is dropped (a
        pause kept); a paraphrase counts when its last two words are the meaning's and the
        abbreviation is foreign (its letters are not the meaning's initials: "AI")."""
        abbr = match.group(1)
        before = _comparable(match.string[max(0, match.start() - 300) : match.start()])
        for spoken in self._meanings(abbr):
            meaning = _comparable(spoken)
            words = meaning.split()
            foreign = _abbr_key(abbr) != "".join(_initial(w) for w in spoken.split())
            tail = " ".join(words[-2:])
            if before.endswith(meaning) or (foreign and len(words) >= 3 and before.endswith(tail)):
                return ", "
        return match.group()

    def _headline_case(self, text: str) -> str:
        words = _CAPS_WORD.findall(text)
        caps = [w for w in words if w.isupper()]
        if len(caps) < 3 or len(caps) < 0.7 * len(words):
            return text

        def lower(match: re.Match[str]) -> str:
            word = match.group()
            if word in self._learned or (self._user and word in self._user.words):
                return word
            if word.isupper() and is_vietnamese_syllable(word):
                return word.lower()
            if word.capitalize() in _foreign_table().words:
                return word.capitalize()  # "TRUMP" in a headline is a name, not an acronym
            return word

        return _ANY_WORD.sub(lower, text)

    def _plural_acronyms(self, text: str) -> str:
        return r.plural_acronyms(text, self.knows)

    def _acronym_word_hyphens(self, text: str) -> str:
        return acronym_word_hyphens(text, self.knows)

    def _glued_words(self, text: str) -> str:
        # a loanword in its Vietnamese spelling stays whole in keep mode too ("vectơ", set AY)
        return c2.glued_words(text, lambda t: self.knows(t) or t.lower() in r.foreign_words())

    def _initials(self, text: str) -> str:
        return r.initials(text, self.knows)

    def _expand_titles(self, text: str) -> str:
        assert self._title_re is not None
        if "-" in text:  # "TS-BS Nguyễn …": two titles joined by a hyphen, as "TS.BS" (set AH)
            text = _TITLE_PAIR.sub(self._title_pair, text)

        def expand(m: re.Match[str]) -> str:
            if len(m.group(1)) == 1 and (
                _INITIAL_BEFORE.search(text, 0, m.start()) or r.after_person(text, m.start())
            ):  # "L. H. Minh": initials of a name, not "Huyện Minh"; "ông Q. Trong khi …" a
                return m.group()  # person's initial before the next sentence (set AX)
            return _cased(m, self._titles[m.group(1)]) + " "

        return self._title_re.sub(expand, text)

    def _title_pair(self, match: re.Match[str]) -> str:
        first, second = match.groups()
        if first in self._titles and (second in self._titles or self.knows(second)):
            return f"{first}.{second}"
        return match.group()

    def _split_joined_names(self, text: str) -> str:
        """ "PVF-CAND" -> "PVF CAND" when a part has a reading (acronyms of 3+ letters), and
        "Nga-Ukraine" -> "Nga Ukraine" when a part has a respelling, so each part is read."""
        if "-" not in text:
            return text

        def split(match: re.Match[str]) -> str:
            whole, left, right = match.group(), match.group(1), match.group(2)
            if self.knows(whole):
                return whole
            foreign = self._foreign
            if foreign is not None and (left in foreign.words or right in foreign.words):
                return f"{left} {right}"
            caps = all(len(p) >= 3 and p.isupper() for p in (left, right))
            if caps and (self.knows(left) or self.knows(right)):
                return f"{left} {right}"
            return whole

        return _JOINED_NAMES.sub(split, text)

    def _respell_unknown(self, text: str) -> str:
        """Respell mode: a Latin-script word left as written (no lexicon entry, not Vietnamese,
        not an acronym) is respelled by rule (audionews/normalize/respell.py)."""
        if self._foreign is None:
            return text
        mine = self._user_spoken

        def respelled(match: re.Match[str]) -> str:
            word = match.group()
            return word if word in mine else _respelled_word(word)

        return _LATIN_WORD.sub(respelled, text)

    def _expand_words(self, text: str) -> str:
        if self._foreign is not None and "St" in text:
            text = _SAINT.sub("Saint", text)  # "St Louis" (set AZ): the lexicon's "Saint"
        if self._foreign is not None:
            text = _english_beside_foreign(text, self._foreign.words)
        if self._learned and self._learned_table is None:
            self._learned_table = _WordTable.build(self._learned, variants=False, cached=False)
        for table in (self._learned_table, self._user, self._foreign, self._builtin):
            if table is not None:
                text = table.expand(text)
        return text


@dataclass(frozen=True)
class _WordTable:
    """Written forms -> spoken forms, matched as whole tokens by one trie regex."""

    words: dict[str, str]
    pattern: re.Pattern[str]
    titles: dict[str, str] = field(default_factory=dict)
    title_re: re.Pattern[str] | None = None
    #: Translations, not respellings: a capitalised loanword after a foreign word stays as written.
    translates: bool = False

    @classmethod
    def build(cls, words: dict[str, str], variants: bool = True, cached: bool = True) -> _WordTable:
        """``cached``: keep the pattern in the regex cache (not for one document's words)."""
        table = _with_variants(words) if variants else dict(words)
        source = f"{_WORD_START}({trie_regex(table)}){_WORD_END}"
        return cls(table, rc.compile(source) if cached else re.compile(source))

    def expand(self, text: str) -> str:
        words = self.words

        def spoken(match: re.Match[str]) -> str:
            reading = words[match.group(1)]
            head, _, rest = reading.partition(" ")
            before = _WORD_BEFORE.search(text, max(0, match.start() - 12), match.start())
            said = before.group(1).casefold() if before else ""
            if rest and said == head.casefold() and said in _HEAD_NOUNS:
                return rest  # "Phòng PC07" (PC07 = "Phòng cảnh sát …"): "Phòng" once (set T)
            key = match.group(1)
            if (
                self.translates
                and key.istitle()
                and key.lower() in words
                and before
                and before.group(1).isascii()
                and before.group(1).istitle()
                and not is_vietnamese_syllable(before.group(1))
            ):
                return key  # a loanword capitalised after a foreign word: "Steel Online" (set AJ)
            return _cased(match, reading)

        return self.pattern.sub(spoken, text)


@functools.cache
def _phrase_words() -> tuple[dict[str, str], re.Pattern[str]]:
    """English words of Vietnamese shape (audionews/data/foreign_phrase.toml): a lower-case key
    also in title case; the pattern finds them as whole words."""
    words: dict[str, str] = {}
    for key, value in load_data_lexicon("foreign_phrase.toml").words.items():
        words[key] = value
        if key.islower():
            words.setdefault(key.capitalize(), value.capitalize())
    return words, rc.compile(rf"(?<![\w'’.-])({trie_regex(words)})(?![\w'’-])")


_NEIGHBOUR_BEFORE = rc.compile(r"(?<![\w'’.-])([^\W\d_]{2,}) $")
_NEIGHBOUR_AFTER = rc.compile(r" ([^\W\d_]{2,})(?![\w'’])")


def _english_beside_foreign(text: str, foreign: dict[str, str]) -> str:
    """Respell mode: "concert day 8" -> "concert đây 8", "The Economist", "Sun World", "Say Hi"
    (sets AK, AN, AX, AZ); an English word of Vietnamese shape only beside a foreign word."""
    words, pattern = _phrase_words()

    def foreign_word(word: str, me: str) -> bool:
        if not word.isascii() or word.isupper():
            return False  # marked Vietnamese, or an acronym
        if word in words:
            return word.istitle() and me.istitle()  # "Say Hi"
        return word in foreign or not is_ascii_syllable(word.lower())

    def spoken(match: re.Match[str]) -> str:
        me = match.group(1)
        before = _NEIGHBOUR_BEFORE.search(text, max(0, match.start() - 40), match.start())
        after = _NEIGHBOUR_AFTER.match(text, match.end())
        left = bool(before and foreign_word(before.group(1), me))
        right = bool(after and foreign_word(after.group(1), me))
        if me.islower() and (left, right) in ((True, False), (False, True)):
            other = after if left else before
            if other and not other.group(1).isupper():
                return me  # "Facebook day dứt": the Vietnamese "day dứt"
        return words[me] if left or right else me

    return pattern.sub(spoken, text)


#: "St Louis", "St. Petersburg": "Saint" shortened before a foreign name.
_SAINT = rc.compile(r"\bSt\.?(?= [A-Z][a-z])")


@functools.cache
def _foreign_capitals() -> re.Pattern[str]:
    """The foreign lexicon's one-word names in capitals ("YAGI" for "Yagi"), as one regex; four
    letters at least, as three capitals are most often an acronym or a ticker ("GAS")."""
    words = load_data_lexicon("foreign.toml").words
    caps = {k.upper() for k in words if k.isascii() and k.isalpha() and 4 <= len(k) <= 12}
    caps -= {k for k in words if k.isupper()}
    return rc.compile(rf"(?<![\w.&/-])({trie_regex(caps)}){_CAPS_END}")


@functools.cache
def _foreign_table() -> _WordTable:
    """Foreign names and loanwords with Vietnamese respellings (hyphens read as spaces)."""
    words = load_data_lexicon("foreign.toml").words
    table = _with_variants({k: _respelled(k, v) for k, v in words.items()})
    # a name of capitalised words glued by a slip of the source, "NewYork" (set AX); as
    # written only ("newyork" may be a web address's part)
    for key, value in list(table.items()):
        parts = key.split()
        if len(parts) > 1 and all(p.isascii() and p.istitle() and p.isalpha() for p in parts):
            table.setdefault("".join(parts), value)
    return _WordTable.build(table, variants=False)


def _respelled(written: str, spoken: str) -> str:
    """ "Tơ-ram" -> "Tơ Ram": syllables as words; a name capitalizes each, like "Hồ Chí Minh"."""
    syllables = spoken.replace("-", " ").split()
    if written[:1].isupper() and spoken[:1].isupper():
        syllables = [s[:1].upper() + s[1:] for s in syllables]
    return _last_vowel_lower(syllables)


def _last_vowel_lower(syllables: list[str]) -> str:
    """A closing one-letter syllable in lower case ("In Đô Nê Xi a"): written "A", a full stop
    after it would be taken for an initial's dot and the sentence joined to the next (set P)."""
    if len(syllables) > 1 and len(syllables[-1]) == 1:
        syllables = [*syllables[:-1], syllables[-1].lower()]
    return " ".join(syllables)


_VOWEL_LETTER = rc.compile(r"[aeiouyAEIOUY]")
# A Central Highlands name opening on three consonants, "Bkrông" (set AU): eSpeak spells it by
# letters, so the first consonant takes its own "ơ" ("Bơ Krông"); "Krông", "Kpă" it reads
_THREE_CONSONANTS = rc.compile(
    r"(?!ng|Ng|tr|Tr|gi|Gi)([BCDĐGHKLMNPSTVbcdđghklmnpstv])([bcdđgklmnprstv][bcdđghklmnprstv]\w*)"
)
# A highland name on two consonants no Vietnamese or English onset has (set AY's "Pxi"):
# eSpeak spelled "x" as "ks" or read it in English; the first consonant takes its "ơ"
_TWO_CONSONANTS = rc.compile(r"(?!Ng)([BDĐGHKLMNPRTVX])([bdđgkmnptvx]\w*)")
_FOREIGN_OO = rc.compile(
    r"(?<=[b-df-hj-np-tv-z])oo(?!ng$|c$)"
)  # "Moon", "Boon": Vietnamese "oo" only in "xoong", "soóc"


# A brand on a lower-case "i" or "e" before a capitalised word ("iCloud", "iSchool", "eBay")
_LETTER_PREFIX = rc.compile(r"([ie])([A-Z][a-z]{2,})")
_LETTER_PREFIX_SOUNDS = {"i": "Ai", "e": "I"}


@functools.lru_cache(maxsize=65536)
def _respelled_word(word: str) -> str:
    """ "Kushner" -> "Cút Sơ Nơ"; the word itself when it is not a foreign word to respell."""
    latin = word.isascii() or all("LATIN" in unicodedata.name(c, "") for c in word)
    lower = word.lower()
    foreign_oo = _FOREIGN_OO.search(lower) is not None
    if not latin or word.isupper() or (is_vietnamese_syllable(word) and not foreign_oo):
        return word
    cluster = _THREE_CONSONANTS.fullmatch(word) if not word.isascii() else None
    if (
        cluster
        and not is_vietnamese_syllable(cluster[2])
        and is_vietnamese_syllable(cluster[2][1:])
    ):
        return f"{cluster[1]}ơ {cluster[2].capitalize() if word[0].isupper() else cluster[2]}"
    pair = _TWO_CONSONANTS.fullmatch(word)
    if pair and is_vietnamese_syllable(pair[2]):
        return f"{pair[1]}ơ {pair[2].capitalize()}"  # "Đắk Pxi" (set AY), "Ia Pnôn"
    if (is_ascii_syllable(lower) and not foreign_oo) or not _VOWEL_LETTER.search(
        strip_tone(lower)[0]
    ):
        return word  # "Nguyen" without its marks, "Mr", "vs"
    branded = _LETTER_PREFIX.fullmatch(word)
    if branded:  # "iCloud", "eBay": the prefix is the English letter's name
        rest = " ".join(s[:1].upper() + s[1:] for s in respell(branded[2]))
        return f"{_LETTER_PREFIX_SOUNDS[branded[1]]} {rest}"
    syllables = respell(word)
    if word[:1].isupper():
        return _last_vowel_lower([s[:1].upper() + s[1:] for s in syllables])
    return " ".join(syllables)


_TITLE_PAIR = rc.compile(rf"(?<![\w.-])([^\W\d_]{{2,6}})-([^\W\d_]{{2,6}})(?=\s+[{r.UPPER}])")
_INITIAL_BEFORE = rc.compile(rf"(?<![\w.])[{r.UPPER}]\.\s*$")


def _title_regex(titles: dict[str, str]) -> re.Pattern[str]:
    # "P. Bến Nghé", "Q.1" are titles; "P.Q.B." (initials) is not.
    return rc.compile(
        rf"(?<![\w.])({trie_regex(titles)})\.\s*(?=[{r.UPPER}]|\d)(?![{r.UPPER}]\.(?:[{r.UPPER}]|\s|$))"
    )


@functools.cache
def _builtin_tables() -> _WordTable:
    """The built-in lexicon, compiled once per process."""
    lexicon = builtin_lexicon()
    words = dict(lexicon.words)
    for key, value in lexicon.titles.items():
        if len(key) >= 2:
            words.setdefault(key, value)
    for key, value in list(words.items()):
        if _AMP_PAIR.fullmatch(key):  # "TN&MT" is also written "TN-MT" (set Q)
            words.setdefault(key.replace("&", "-"), value)
    table = _WordTable.build(words)
    titles = dict(lexicon.titles)
    return _WordTable(table.words, table.pattern, titles, _title_regex(titles), translates=True)


_WORD_BEFORE = rc.compile(r"([^\W\d_]+)\s+$")
# Nouns an expansion may repeat from the word before it ("Phòng PC07", "người NCT"); not "hội"
# ("Ban KT-XH HĐND": "xã hội" then "hội đồng nhân dân" is right)
_HEAD_NOUNS = frozenset(
    {"phòng", "cục", "sở", "bộ", "ban", "viện", "người", "đội", "trường", "tổ", "trạm", "thuế"}
    | {"mã"}
)
_AMP_PAIR = rc.compile(r"[A-ZĐ]{2,}&[A-ZĐ]{2,}")
_SENTENCE_END = rc.compile(r"(?:^|[.!?…]\s+|\n\s*)[\"“'(\[]?$")


def _cased(match: re.Match[str], spoken: str) -> str:
    """Capitalize an expansion that starts a sentence ("UBND đã ..." -> "Ủy ban nhân dân đã")."""
    before = match.string[max(0, match.start() - 4) : match.start()]
    if match.start() < 4:
        before = "\n" + before
    if _SENTENCE_END.search(before):
        return spoken[:1].upper() + spoken[1:]
    return spoken


def _with_variants(words: dict[str, str]) -> dict[str, str]:
    """Long keys also match in upper, lower and capitalized case ("Covid-19", "COVID-19")."""
    result = dict(words)
    for key, value in words.items():
        if len(key) >= 5:
            for variant in (key.upper(), key.lower(), key.capitalize()):
                result.setdefault(variant, value)
    return result


def normalize_text(text: str) -> str:
    """Return the spoken Vietnamese form of one piece of text."""
    normalizer = Normalizer()
    normalizer.learn(text)
    return normalizer.normalize(text)
