"""Automatic Vietnamese respelling of a Latin-script foreign word with no lexicon entry.

``respell("Kushner")`` -> ``["Cút", "sơ", "nơ"]``: the word is read by spelling rules (English
and European letters to sounds), cut into consonant-vowel-consonant syllables, and each syllable
is written the way Vietnamese newsrooms respell names ("Tơ-ram", "Uýt-cốp"). Rules, in order:

1. letters to sounds: accents dropped, digraphs ("sh", "ch", "th", "ph", "ck", "qu", "x" = "ks"),
   "c"/"g" soft before e/i/y, a silent final "e" dropped, an unstressed final "-ice" "ít";
2. syllables: each vowel group is a nucleus; between two nuclei one consonant opens the next
   syllable, and of two or more the first closes the previous one (a coda) and the rest open
   the next; a consonant that can be neither ("Kr", "st", a final "sk") becomes its own
   syllable with "ơ" ("Trump" -> "Tơ-ram", "Stubb" -> "Xơ-túp");
3. Vietnamese spelling: codas are only c, ch, m, n, ng, p, t (s, d -> t; b, f, v -> p;
   g, k -> c; l -> n; r is dropped, and a final "er" is "ơ"); a syllable closed by a stop takes
   the sắc tone, as the language requires ("Cút", "Méc"); c/g become k/gh before e, ê, i.

Every syllable produced passes :func:`is_vietnamese_syllable` (a syllable that would not is cut
down to one that does), and a word always gives at least one syllable.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from audionews import regexcache as rc
from audionews.normalize.vietnamese import is_vietnamese_syllable, strip_tone

__all__ = ["respell", "respell_hyphenated"]

_VOWELS = frozenset("aeiouyEIA")  # E, I: the "a", "i" of "Kane", "online"; A: "-tion"
# Letter groups rewritten before syllables are cut; upper-case letters stand for one sound.
_DIGRAPHS = (
    ("tch", "C"), ("sch", "S"), ("sh", "S"), ("ch", "C"), ("zh", "j"), ("th", "T"),
    ("ph", "f"), ("kh", "K"), ("gh", "g"), ("ck", "k"), ("qu", "Q"), ("wh", "w"),
    ("dg", "j"), ("x", "ks"), ("ng", "N"), ("nk", "Nk"), ("ee", "i"), ("oo", "u"), ("ou", "u"),
)  # fmt: skip
_ONSETS = {
    "b": "b", "c": "c", "k": "c", "q": "c", "d": "đ", "f": "ph", "g": "g", "h": "h",
    "j": "gi", "l": "l", "m": "m", "n": "n", "p": "p", "r": "r", "s": "x", "S": "s",
    "t": "t", "T": "th", "v": "v", "z": "d", "C": "ch", "K": "kh", "N": "ng", "y": "gi",
}  # fmt: skip
_CODAS = {
    "c": "c", "k": "c", "q": "c", "g": "c", "t": "t", "d": "t", "s": "t", "z": "t",
    "T": "t", "S": "t", "j": "t", "p": "p", "b": "p", "f": "p", "v": "p", "m": "m",
    "n": "n", "l": "n", "N": "ng", "C": "ch", "K": "c",
}  # fmt: skip
_STOPS = ("c", "ch", "p", "t")
# Vowel groups read as one nucleus (open syllable, closed syllable).
_NUCLEI = {
    "a": ("a", "a"), "e": ("ê", "e"), "i": ("i", "i"), "o": ("ô", "ô"), "u": ("u", "u"),
    "y": ("i", "i"), "E": ("ê", "ê"), "I": ("ai", "ai"), "ai": ("ai", "ai"),
    "ay": ("ây", "ây"), "ei": ("ây", "ây"),
    "ey": ("ây", "ây"), "ea": ("i", "i"), "ie": ("i", "i"), "au": ("ô", "ô"),
    "ao": ("ao", "ao"), "oi": ("oi", "ôi"), "oy": ("oi", "ôi"), "ue": ("u", "u"),
    "ui": ("ui", "uy"), "oa": ("ô", "ô"), "eu": ("ơ", "ơ"), "A": ("ơ", "â"),
}  # fmt: skip
# After an onset "w" (or "u" in "qu"), the vowel is a glide: "Wa" -> "Oa", "Wi" -> "Uy".
_GLIDED = {"a": "oa", "e": "oe", "i": "uy", "y": "uy", "o": "uô", "ai": "oai", "ay": "oay"}
_FINAL_R = {"a": "a", "e": "ơ", "i": "ia", "o": "o", "u": "ơ", "y": "ia"}
_MARKED = "ăâêôơư"
_ACUTE = "\u0301"


# "g" before e/i/y is soft, as the lexicon writes it ("Gemini" Giê-mi-nai, "Angeles", "Legend",
# "Virginia"): not a doubled "gg", not "get"/"gir"/"gib"/"gif"/"giv", not before "ei"/"ey"
# ("Sergei"), not a final "gi" ("Yagi", "Kalmaegi": Japanese), not Korean "eu", "yeo".
_SOFT_G = re.compile(r"(?<!g)g(?=[eiy])(?!e[iyut]|i[rbfvg]|i$|yeo)")  # Korean "Geun", "Gyeonggi"


def _letters(word: str) -> str:
    """Lowercase ASCII letters of ``word`` with the digraphs of ``_DIGRAPHS`` made one symbol."""
    bare = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in bare if c.isascii() and c.isalpha()).lower()
    text = re.sub(r"(?<=[aeiouy][^aeiouy])([^aeiouy]?)ice$", r"\1is", text)  # "Justice"
    text = re.sub(r"(?<=[^aeiouy])all$", "ol", text)  # "Call", "pickleball": "-ôn"
    text = re.sub(r"c(?=[eiy])", "s", text)
    text = _SOFT_G.sub("j", text)
    text = re.sub(r"^y(?=[aeiou])", "j", text)
    text = re.sub(r"^x(?=[aeiouy])", "s", text)  # "Xavier", Lao "Xiengkhuang": no "ks" at the start
    text = re.sub(r"(?<=[aeiouy])h(?![aeiouy])", "", text)  # "John", "Sarah"
    if re.fullmatch(r"[^aeiouy]*[aeiouy]+[^aeiouy]es", text):
        text = text[:-1]  # "James", "Gates", "Times": a silent "e" and a soft "s"
    text = re.sub(r"(?<=[^aeiou])ey$", "y", text)  # "Sydney" -> "Xít-ni"
    text = re.sub(r"(?:iy|yi)$", "i", text)  # "Zelenskiy", "Zelenskyi": one final "i"
    text = re.sub(r"^mc(?=[a-z])", "mak", text)  # "McConnell" -> "Mác-cô-nen"
    text = re.sub(r"([aeiouy][^aeiouy]+)eus$", r"\1Eus", text)  # Latin "aureus": "ô-rê-út"
    text = re.sub(r"([aiy])\1", r"\1", text)  # "Haaland", "Hawaii", "Zelenskyy"
    text = re.sub(r"(?<=[^aeiouy])a([^aeiouyrw])e$", r"E\1", text)  # "Kane" -> "Kên"
    text = re.sub(r"(?<=[^aeiouy])i([^aeiouyrw])e$", r"I\1", text)  # "online" -> "on-lai"
    text = re.sub(r"([a-z]{2}[^aeiouy])e$", r"\1", text) if len(text) > 3 else text
    text = re.sub(r"(?<=[aeiou])y(?=[aeiou])", "j", text)
    text = re.sub(r"[ts]ion$", "SAn", text)  # "Action", "ProMotion": "-sần", one syllable
    for group, sound in _DIGRAPHS:
        text = text.replace(group, sound)
    text = re.sub(r"eo(?=N)", "eu", text)  # Korean "Anseong", "Gyeonggi": one vowel "ơ"
    text = text.replace("ks", "k") if re.search(r"ks[^aeiouyEIA]", text) else text  # "Oxford"
    text = re.sub(r"([^aeiouy])\1$", r"\1", text)  # "Stubb", "Witkoff": one final consonant
    return text.replace("c", "k")


def _parts(text: str) -> list[str]:
    """Alternating consonant and vowel runs: "kuSner" -> ["k", "u", "Sn", "e", "r"]."""
    return re.findall(r"[aeiouyEIA]+|[^aeiouyEIA]+", text)


def _split_nucleus(vowels: str) -> list[str]:
    """Vowel runs of one syllable each: "ia" stays, "iao" -> "ia", "o"."""
    out: list[str] = []
    i = 0
    while i < len(vowels):
        pair = vowels[i : i + 2]
        if len(pair) == 2 and pair in _NUCLEI:
            out.append(pair)
            i += 2
        else:
            out.append(vowels[i])
            i += 1
    return out


def _syllables(text: str) -> list[tuple[str, str, str]]:
    """(onset, vowels, coda) in letter-sound symbols; a vowel-less consonant has vowels ""."""
    parts = _parts(text)
    result: list[tuple[str, str, str]] = []
    onset = ""
    if parts and parts[0][0] not in _VOWELS:
        cluster = parts.pop(0)
        for extra in cluster[:-1]:
            result.append((extra, "", ""))
        onset = cluster[-1]
        if not parts:  # a word without vowels: every consonant on its own
            result.append((onset, "", ""))
            return result
    while parts:
        groups = _split_nucleus(parts.pop(0))
        for group in groups[:-1]:
            result.append((onset, group, ""))
            onset = ""
        nucleus = groups[-1]
        cluster = parts.pop(0) if parts else ""
        if not parts:  # the end of the word
            result.append((onset, nucleus, cluster))
            break
        coda, extras, next_onset = _cut_cluster(cluster)
        result.append((onset, nucleus, coda))
        result.extend((extra, "", "") for extra in extras)
        onset = next_onset
    return result


# Consonant pairs that open a syllable in English ("Macron", "Ibrahim", "Dublin"): the vowel
# before stays open and the first consonant is said with "ơ".
_SPOKEN_CLUSTERS = frozenset([c + "r" for c in "bdfgkptv"] + [c + "l" for c in "bfgkp"])


def _cut_cluster(cluster: str) -> tuple[str, list[str], str]:
    """Consonants between two vowels -> (coda, consonants said with "ơ", next onset)."""
    if len(cluster) == 1:
        if cluster == "N":  # "Hungary" -> "Hung-ga-ri"
            return "N", [], "g"
        return "", [], cluster
    first, rest = cluster[0], cluster[1:]
    if first == cluster[1]:  # "Apollo", "Gallup"; "Messi" -> "Mét-xi"
        return ("" if first in "lmnr" else first), [], rest[-1]
    if first == "S":  # "Kushner" -> "Cút-sơ-nơ"
        return "S", list(cluster[:-1]), rest[-1]
    if first == "s" and rest[0] == "t":  # "Pakistan" -> "Pa-ki-xơ-tan"
        return "", ["s", *rest[:-1]], rest[-1]
    if first == "r":  # "Merkel" -> "Méc-cen", "Martin" -> "Mác-tin"
        return "r" + rest[0], list(rest[:-1]), rest[-1]
    if cluster in _SPOKEN_CLUSTERS:
        return "", [first], cluster[-1]  # "Macron" -> "Ma-cơ-rông", "Ibrahim"
    return first, list(rest[:-1]), rest[-1]


def _coda(symbols: str) -> tuple[str, list[str]]:
    """A final consonant run -> a Vietnamese coda and the onsets of any extra "ơ" syllables."""
    if not symbols:
        return "", []
    return _CODAS.get(symbols[0], ""), []  # "Trump", "Waltz": the rest is not heard


def _onset(symbol: str, vowel: str) -> str:
    onset = _ONSETS.get(symbol, "")
    if onset == "c" and vowel[:1] in "eêiy":
        return "k"
    if onset == "g" and vowel[:1] in "eêi":
        return "gh"
    if onset == "ng" and vowel[:1] in "eêi":
        return "ngh"
    if onset == "gi" and vowel[:1] == "i":
        return "g"  # "gi" + "i" is written "gi"
    return onset


def _with_acute(syllable: str) -> str:
    """Put the sắc tone on the vowel Vietnamese spelling marks."""
    vowels = [i for i, c in enumerate(syllable) if c in "aeiouy" + _MARKED]
    if not vowels:
        return syllable
    marked = [i for i in vowels if syllable[i] in _MARKED]
    if syllable.startswith(("gi", "qu")) and len(vowels) > 1 and vowels[0] == 1:
        vowels = vowels[1:]
    at = marked[-1] if marked else vowels[-1]
    return unicodedata.normalize("NFC", syllable[: at + 1] + _ACUTE + syllable[at + 1 :])


_ONSET = rc.compile(r"^(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnpqrstvx])")
_GLIDE_THEN_CODA = rc.compile(r"(?:a[iouy]|â[uy]|e[ou]|êu|[oôơ]i|ui|ưu|iu)(?:ch|nh|ng|[cmnpt])$")


def _valid(syllable: str) -> bool:
    return is_vietnamese_syllable(syllable) and not _GLIDE_THEN_CODA.search(
        _ONSET.sub("", strip_tone(syllable.lower())[0])
    )


def _write(onset: str, nucleus: str, coda_symbols: str, place: str) -> list[str]:
    """One syllable (plus any "ơ" syllables of extra final consonants) in Vietnamese spelling;
    ``place`` is "first" (the first vowel of the word), "last" or "" (between)."""
    extra: list[str] = []
    if coda_symbols == "r" or (coda_symbols[:1] == "r" and place == ""):
        # "Kushner", "Qatar", "Keir", "Interfax": the r is not heard
        vowel = _FINAL_R.get(nucleus, "") or _NUCLEI.get(nucleus, ("ơ", "ơ"))[0]
        coda = ""
    elif coda_symbols[:1] == "r" and place == "last":  # "Oxford" -> "Ốc-phớt"
        vowel, coda = "ơ", _CODAS.get(coda_symbols[1], "")
    else:
        if coda_symbols.startswith("r"):  # "Merz" -> "Méc", "Martin" -> "Mác-tin"
            coda = "c"
        else:
            coda, extra = _coda(coda_symbols)
        vowel = _NUCLEI.get(nucleus, ("ơ", "ơ"))[1 if coda else 0] if nucleus else "ơ"
        if coda_symbols.startswith("r") and vowel == "ô":
            vowel = "oo"  # "Orban" -> "Oóc-ban"
        if vowel == "e" and coda == "c" and coda_symbols[:1] == "k":
            vowel, coda = "ê", "ch"  # "Alexander" -> "A-lếch-xan-đơ"
        if vowel == "i" and coda in ("c", "ng"):
            coda = {"c": "ch", "ng": "nh"}[coda]  # "Nick" -> "Ních", "Erling" -> "Éc-linh"
    if onset in ("w", "Q") and nucleus:
        vowel = _GLIDED.get(nucleus, "u" + vowel if vowel[:1] not in "uư" else vowel)
        if onset == "Q":
            vowel = "u" + vowel[1:] if vowel[:1] == "o" else vowel
        onset = "Q" if onset == "Q" else ""
    elif onset == "w":
        onset, vowel = "", "u"
    out = [_finish(onset, vowel, coda)]
    out.extend(_finish(symbol, "ơ", "") for symbol in extra)
    return out


def _finish(onset_symbol: str, vowel: str, coda: str) -> str:
    if onset_symbol == "Q":
        onset = "q" if vowel[:1] == "u" else "c"
    else:
        onset = _onset(onset_symbol, vowel)
    for candidate in (vowel + coda, vowel, vowel[:1]):
        syllable = onset + candidate
        if coda and candidate.endswith(_STOPS):
            syllable = _with_acute(syllable)
        if _valid(syllable):
            return syllable
    return onset + "ơ" if _valid(onset + "ơ") else "ơ"


@functools.lru_cache(maxsize=4096)
def respell(word: str) -> tuple[str, ...]:
    """The Vietnamese syllables of a foreign ``word``; capitalized like the word's first letter."""
    text = _letters(word)
    if not text:
        return ()
    cut = _syllables(text)
    syllables: list[str] = []
    voiced = [i for i, (_, nucleus, _) in enumerate(cut) if nucleus]
    for index, (onset, nucleus, coda) in enumerate(cut):
        place = "first" if voiced and index == voiced[0] else ""
        if index == len(cut) - 1 and place != "first":
            place = "last"
        syllables.extend(_write(onset, nucleus, coda, place))
    if word[:1].isupper():
        syllables[0] = syllables[0][:1].upper() + syllables[0][1:]
    return tuple(syllables)


def respell_hyphenated(word: str) -> str:
    """ "Kushner" -> "Cút-sơ-nơ", the house style of audionews/data/foreign.toml."""
    return "-".join(respell(word))
