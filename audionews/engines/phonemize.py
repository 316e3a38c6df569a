"""eSpeak NG IPA phonemes, the way Piper voices expect them, from the wheel's libespeak-ng.

Piper voices are trained on eSpeak NG IPA: text is cut into clauses, each clause becomes an IPA
string, the clause's punctuation (``. , ? ! : ;``) is kept as a "phoneme", and the string is
decomposed (NFD) into single code points. Piper gets each clause's punctuation from a patched
``espeak_TextToPhonemesWithTerminator``; the stock libespeak-ng in ``espeakng-loader`` only has
``espeak_TextToPhonemes``, which advances a text pointer past one clause at a time (plus the
one character it read ahead), so the punctuation is read from the text the clause consumed.
``docs/engines.md`` measures how close this is to Piper's own phonemizer.

The library is shared with :mod:`audionews.engines.espeak`: the same process-wide lock and the
same one-time initialisation.
"""

from __future__ import annotations

import ctypes
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from audionews.engines.espeak import shared_library
from audionews.errors import SynthesisError

__all__ = ["Clause", "clauses", "phonemize"]

_CHARS_UTF8 = 1
_PHONEMES_IPA = 0x02
_EE_OK = 0
_TERMINATORS = ".,?!:;"
_DASHES = "\u2013\u2014"
"""En and em dash end a clause the way a semicolon does."""
_SENTENCE_END = frozenset(".?!")
_LANGUAGE_SWITCH = re.compile(r"\([^)]+\)")
"""eSpeak marks words read in another language as ``(en)word(vi)``: Piper drops the marks."""


@dataclass(frozen=True)
class Clause:
    """One clause as eSpeak NG cut it."""

    phonemes: str
    """IPA, language-switch marks removed."""
    terminator: str
    """The clause's punctuation (one of ``. , ? ! : ;``) or empty."""
    end_of_sentence: bool


def _bind(lib: Any) -> Any:
    fn = lib.espeak_TextToPhonemes
    fn.restype = ctypes.c_char_p
    fn.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_int, ctypes.c_int]
    return fn


def _terminator(consumed: str) -> str:
    """The punctuation that ended a clause, as Piper's eSpeak bridge names it."""
    tail = consumed.rstrip(" \t\r\n\"'”’)»")
    run = len(tail) - len(tail.rstrip(_TERMINATORS + _DASHES + "\u2026"))
    marks = tail[len(tail) - run :]
    if not marks or "..." in marks or "\u2026" in marks:
        return ""  # an ellipsis pauses without ending anything
    first = marks[0]
    return ";" if first in _DASHES else first


def clauses(text: str, voice: str) -> list[Clause]:
    """Cut ``text`` into eSpeak NG clauses with IPA phonemes (voice: an eSpeak voice, e.g. vi)."""
    data = text.encode("utf-8")
    buf = ctypes.create_string_buffer(data)
    base = ctypes.addressof(buf)
    out: list[Clause] = []
    library = shared_library()
    with library.lock:
        lib = library.lib
        to_phonemes = _bind(lib)
        if lib.espeak_SetVoiceByName(voice.encode()) != _EE_OK:
            raise SynthesisError(
                f"phonemize: eSpeak NG has no voice {voice!r} (from the Piper voice's "
                "espeak.voice). Use a voice made for a language eSpeak NG knows."
            )
        pointer = ctypes.c_void_p(base)
        while pointer.value is not None:
            start = pointer.value - base
            raw = to_phonemes(ctypes.byref(pointer), _CHARS_UTF8, _PHONEMES_IPA)
            end = len(data) if pointer.value is None else pointer.value - base
            if end <= start and pointer.value is not None:
                break  # no progress: never loop forever on odd input
            consumed = data[start:end].decode("utf-8", errors="replace")
            last = pointer.value is None
            if not last:
                consumed = consumed[:-1]  # eSpeak has read one character ahead
            terminator = _terminator(consumed)
            phonemes = _LANGUAGE_SWITCH.sub("", (raw or b"").decode("utf-8", errors="replace"))
            out.append(Clause(phonemes, terminator, last or terminator in _SENTENCE_END))
    return out


def phonemize(text: str, voice: str) -> list[list[str]]:
    """Text to Piper phonemes (single code points, punctuation kept), grouped by sentence."""
    sentences: list[list[str]] = []
    current: list[str] = []
    for clause in clauses(text, voice):
        phonemes = clause.phonemes + clause.terminator
        if clause.terminator in (",", ":", ";"):
            phonemes += " "
        current.extend(unicodedata.normalize("NFD", phonemes))
        if clause.end_of_sentence:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return [s for s in sentences if s]
