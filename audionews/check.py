"""Listen back: transcribe a rendered programme sentence by sentence and compare with its script.

The programme's ``X.manifest.json`` sidecar gives every chunk's spoken text and its start and
end in the audio file. Chunks cut inside a sentence are joined back into that sentence (as the
subtitles do). Each sentence's audio is cut out (with up to 0.1 s either side), resampled to the
recognizer's rate and transcribed; its word and character error rates (WER, CER) against the
spoken text are measured on normalized text (NFC, lower case, no punctuation).

A sentence is flagged when:

- ``silence``: its audio is quieter than ``Thresholds.silence_dbfs`` (absolute);
- ``nothing-heard``: the recognizer heard no word in a sentence of 3 words or more (absolute);
- ``far-worse``: its CER is far above the programme's median (by 0.15 and 2.5 robust standard
  deviations: relative, so that a voice the recognizer understands poorly, like eSpeak NG at a
  median CER ~0.6, is judged against itself);
- ``sounds-like-other``: what was heard matches another sentence of the programme clearly better
  than its own (a chunk in the wrong place, two chunks swapped);
- ``length``: the audio is far shorter or longer than the text needs at the programme's median
  pace (a chunk cut short, or the wrong chunk).

A sentence is *doubtful* (listed, worth a listen, but not failing the verdict) when its CER is
above the median by 0.08 and another sentence's text matches what was heard better than its
own: weaker evidence of a foreign chunk, which a poorly understood voice also produces by
chance about once in 30 sentences.

The recognizer is only loaded by :func:`check_programme` (lazily, after the render).
"""

from __future__ import annotations

import json
import math
import re
import statistics
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from audionews.asr import DEFAULT_RECOGNIZER, Recognizer, load_recognizer
from audionews.errors import InputError

__all__ = [
    "VERDICT_FINE",
    "VERDICT_FLAGGED",
    "CheckReport",
    "ManifestSentence",
    "SentenceCheck",
    "Thresholds",
    "check_programme",
    "decode_audio",
    "error_rates",
    "format_report",
    "judge",
    "load_manifest_sentences",
    "manifest_path_for",
    "normalize_text",
    "report_path_for",
    "write_report",
]

VERDICT_FINE = "fine"
VERDICT_FLAGGED = "flagged"

REASONS = {
    "silence": "silence where speech should be",
    "nothing-heard": "the recognizer heard nothing",
    "far-worse": "far worse than the programme's median",
    "sounds-like-other": "sounds like another sentence",
    "length": "audio length does not fit the text",
}
"""Flag reason code -> plain description."""

Progress = Callable[[int, int], None]
"""Called with (sentences done, sentences in all) after each sentence."""


@dataclass(frozen=True)
class Thresholds:
    """When a sentence is flagged. The relative rules compare with the programme's median."""

    margin: float = 0.15
    """far-worse: CER must exceed the median CER by at least this much ..."""
    spread: float = 2.5
    """... and by this many robust standard deviations (1.4826 x median absolute deviation)."""
    silence_dbfs: float = -50.0
    """silence: RMS level of the sentence's audio below this (dBFS)."""
    doubt_margin: float = 0.08
    """doubtful: CER above the median by this much, and another sentence's text matches what
    was heard better than its own."""
    other_margin: float = 0.05
    """sounds-like-other: another sentence's CER lower than its own by at least this."""
    pace: tuple[float, float] = (0.6, 1.7)
    """length: seconds per character, relative to the programme's median, outside this range."""
    min_sentences: int = 3
    """Relative rules (far-worse, length) need at least this many scored sentences."""


@dataclass(frozen=True)
class ManifestSentence:
    """One sentence of the programme as the manifest describes it."""

    index: int
    chunks: tuple[int, ...]
    start: float
    end: float
    spoken: str
    written: str
    kind: str | None


@dataclass(frozen=True)
class SentenceCheck:
    """One sentence: what should have been said, what was heard, and the verdict on it."""

    index: int
    chunks: tuple[int, ...]
    start: float
    end: float
    kind: str | None
    spoken: str
    heard: str
    wer: float
    cer: float
    level_dbfs: float
    flagged: bool = False
    reasons: tuple[str, ...] = ()
    doubtful: bool = False
    """Not flagged, but worth a listen (see the module's doc)."""
    sounds_like: int | None = None
    """For ``sounds-like-other``: the index of the sentence it sounds like."""

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "chunks": list(self.chunks),
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "spoken": self.spoken,
            "heard": self.heard,
            "wer": round(self.wer, 4),
            "cer": round(self.cer, 4),
            "level_dbfs": round(self.level_dbfs, 1),
            "flagged": self.flagged,
            "reasons": list(self.reasons),
            "doubtful": self.doubtful,
            "sounds_like": self.sounds_like,
        }


@dataclass(frozen=True)
class CheckReport:
    """The whole programme: overall scores, verdict and every sentence."""

    audio: Path
    recognizer: str
    sentences: tuple[SentenceCheck, ...]
    wer: float
    """Word errors of all sentences over all reference words."""
    cer: float
    median_wer: float
    median_cer: float
    verdict: str
    """``fine`` (no sentence flagged) or ``flagged``."""
    reliability: str
    """How well the recognizer understands this voice: good (median CER <= 0.25), fair
    (<= 0.5) or poor (only gross faults such as silence or a wrong sentence can be found)."""
    audio_seconds: float = 0.0
    seconds: float = 0.0
    """Wall time of the check (decoding, recognition, judging)."""
    thresholds: Thresholds = field(default_factory=Thresholds)

    @property
    def flagged(self) -> tuple[SentenceCheck, ...]:
        return tuple(s for s in self.sentences if s.flagged)

    @property
    def doubtful(self) -> tuple[SentenceCheck, ...]:
        return tuple(s for s in self.sentences if s.doubtful)

    @property
    def intelligibility(self) -> float:
        """Share of the script's words the recognizer got right: max(0, 1 - WER)."""
        return max(0.0, 1.0 - self.wer)

    @property
    def exit_code(self) -> int:
        """0 when the verdict is fine, 1 when sentences are flagged."""
        return 0 if self.verdict == VERDICT_FINE else 1

    def to_json(self) -> dict[str, Any]:
        return {
            "overall": {
                "wer": round(self.wer, 4),
                "cer": round(self.cer, 4),
                "verdict": self.verdict,
                "intelligibility": round(self.intelligibility, 4),
                "median_wer": round(self.median_wer, 4),
                "median_cer": round(self.median_cer, 4),
                "reliability": self.reliability,
                "sentences": len(self.sentences),
                "flagged": [s.index for s in self.flagged],
                "doubtful": [s.index for s in self.doubtful],
                "recognizer": self.recognizer,
                "audio": self.audio.name,
                "audio_seconds": round(self.audio_seconds, 3),
                "seconds": round(self.seconds, 3),
            },
            "sentences": [s.to_json() for s in self.sentences],
        }


# --- text ---------------------------------------------------------------------------------------

_NON_WORD = re.compile(r"[^\w\s]|_")


def normalize_text(text: str) -> str:
    """What is compared: NFC, lower case, punctuation removed, single spaces."""
    text = unicodedata.normalize("NFC", text).lower()
    return " ".join(_NON_WORD.sub(" ", text).split())


def _distance(a: Sequence[int], b: Sequence[int]) -> int:
    """Levenshtein distance between two sequences of ints (numpy, one row at a time)."""
    if not a:
        return len(b)
    if not b:
        return len(a)
    bb = np.asarray(b, dtype=np.int64)
    offsets = np.arange(len(b) + 1, dtype=np.int64)
    prev = offsets.copy()
    for i, x in enumerate(a, start=1):
        cur = np.empty_like(prev)
        cur[0] = i
        # deletion (from above) and substitution (diagonal)
        cur[1:] = np.minimum(prev[1:] + 1, prev[:-1] + (bb != x))
        # insertion (from the left), a running minimum: cur[j] = min_k (cur[k] + j - k)
        cur = np.minimum.accumulate(cur - offsets) + offsets
        prev = cur
    return int(prev[-1])


def _codes(text: str) -> list[int]:
    return [ord(ch) for ch in text]


def _word_codes(words: Sequence[str], vocab: dict[str, int]) -> list[int]:
    return [vocab.setdefault(w, len(vocab)) for w in words]


def _errors(ref: str, hyp: str) -> tuple[int, int, int, int]:
    """(word errors, reference words, character errors, reference characters), normalized."""
    r, h = normalize_text(ref), normalize_text(hyp)
    vocab: dict[str, int] = {}
    rw, hw = _word_codes(r.split(), vocab), _word_codes(h.split(), vocab)
    return _distance(rw, hw), len(rw), _distance(_codes(r), _codes(h)), len(r)


def error_rates(ref: str, hyp: str) -> tuple[float, float]:
    """(WER, CER) of ``hyp`` against ``ref`` after :func:`normalize_text`; 0 for an empty ref."""
    we, wn, ce, cn = _errors(ref, hyp)
    return (we / wn if wn else 0.0), (ce / cn if cn else 0.0)


# --- manifest and audio -------------------------------------------------------------------------


def manifest_path_for(audio: Path) -> Path:
    """``X.manifest.json`` beside ``X.mp3`` / ``X.wav``."""
    return audio.with_name(audio.stem + ".manifest.json")


def report_path_for(audio: Path) -> Path:
    """``X.check.json`` beside the programme."""
    return audio.with_name(audio.stem + ".check.json")


def load_manifest_sentences(manifest: Path) -> list[ManifestSentence]:
    """The programme's sentences from its manifest: chunks cut inside a sentence joined again."""
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        chunks = data["chunks"]
    except FileNotFoundError as exc:
        raise InputError(
            f"{manifest.name} not found: the listen-back check needs the programme's manifest "
            "sidecar; render the programme again with the manifest sidecar"
        ) from exc
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{manifest} is not a readable audionews manifest: {exc}") from exc
    sentences: list[ManifestSentence] = []
    group: list[dict[str, Any]] = []
    try:
        for i, chunk in enumerate(chunks):
            group.append(chunk)
            if chunk.get("pause_after") == "clause" and i + 1 < len(chunks):
                continue
            written: list[str] = []
            for c in group:
                text = c.get("text") or ""
                if not written or written[-1] != text:
                    written.append(text)
            sentences.append(
                ManifestSentence(
                    index=len(sentences),
                    chunks=tuple(int(c["index"]) for c in group),
                    start=float(group[0]["start"]),
                    end=float(group[-1]["end"]),
                    spoken=" ".join(str(c["spoken"]) for c in group),
                    written=" ".join(written),
                    kind=group[0].get("kind"),
                )
            )
            group = []
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"{manifest} has a malformed chunk: {exc}") from exc
    return sentences


def decode_audio(path: Path, sample_rate: int) -> NDArray[np.int16]:
    """The programme as mono int16 at ``sample_rate`` (MP3 or WAV, decoded with miniaudio)."""
    import miniaudio

    try:
        decoded = miniaudio.decode_file(
            str(path),
            output_format=miniaudio.SampleFormat.SIGNED16,
            nchannels=1,
            sample_rate=sample_rate,
        )
    except FileNotFoundError as exc:
        raise InputError(f"programme {path} not found") from exc
    except miniaudio.DecodeError as exc:
        raise InputError(f"{path} is not a decodable MP3 or WAV file: {exc}") from exc
    return np.frombuffer(decoded.samples, dtype=np.int16)


def _level_dbfs(samples: NDArray[np.int16]) -> float:
    if samples.size == 0:
        return -120.0
    rms = float(np.sqrt(np.mean(np.square(samples.astype(np.float64)))))
    return 20 * math.log10(rms / 32768) if rms > 0 else -120.0


# --- judging ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Measured:
    sentence: ManifestSentence
    heard: str
    level_dbfs: float
    word_errors: int
    words: int
    char_errors: int
    chars: int

    @property
    def wer(self) -> float:
        return self.word_errors / self.words if self.words else 0.0

    @property
    def cer(self) -> float:
        return self.char_errors / self.chars if self.chars else 0.0


def _measure(sentence: ManifestSentence, heard: str, level: float) -> _Measured:
    we, wn, ce, cn = _errors(sentence.spoken, heard)
    return _Measured(sentence, heard, level, we, wn, ce, cn)


def _robust_sd(values: Sequence[float], centre: float) -> float:
    return 1.4826 * statistics.median(abs(v - centre) for v in values)


def judge(
    measured: Sequence[tuple[ManifestSentence, str, float]],
    thresholds: Thresholds | None = None,
) -> tuple[list[SentenceCheck], float, float]:
    """Score and flag sentences given (sentence, text heard, level dBFS) for each.

    Returns (sentence checks, median WER, median CER). Pure: no audio, no recognizer.
    """
    t = thresholds or Thresholds()
    items = [_measure(s, heard, level) for s, heard, level in measured]
    scored = [m for m in items if m.chars and m.level_dbfs >= t.silence_dbfs]
    median_cer = statistics.median(m.cer for m in scored) if scored else 0.0
    median_wer = statistics.median(m.wer for m in scored) if scored else 0.0
    relative = len(scored) >= t.min_sentences
    cer_limit = math.inf
    pace_median = 0.0
    if relative:
        cer_limit = median_cer + max(
            t.margin, t.spread * _robust_sd([m.cer for m in scored], median_cer)
        )
        pace_median = statistics.median(_pace(m) for m in scored)
    refs = [normalize_text(m.sentence.spoken) for m in items]
    doubt_limit = median_cer + t.doubt_margin if relative else math.inf
    checks: list[SentenceCheck] = []
    for position, m in enumerate(items):
        reasons: list[str] = []
        sounds_like: int | None = None
        doubtful = False
        if m.chars:
            if m.level_dbfs < t.silence_dbfs:
                reasons.append("silence")
            elif not normalize_text(m.heard) and m.words >= 3:
                reasons.append("nothing-heard")
            else:
                other, other_cer = _best_other(m, position, refs)
                if other is not None and other_cer <= m.cer - t.other_margin:
                    sounds_like = items[other].sentence.index
                if m.cer > cer_limit:
                    reasons.append("far-worse")
                doubtful = m.cer > doubt_limit and other_cer < m.cer
                if sounds_like is not None:
                    reasons.append("sounds-like-other")
                if relative and pace_median > 0:
                    ratio = _pace(m) / pace_median
                    if not t.pace[0] <= ratio <= t.pace[1]:
                        reasons.append("length")
        s = m.sentence
        checks.append(
            SentenceCheck(
                index=s.index,
                chunks=s.chunks,
                start=s.start,
                end=s.end,
                kind=s.kind,
                spoken=s.spoken,
                heard=m.heard,
                wer=m.wer,
                cer=m.cer,
                level_dbfs=m.level_dbfs,
                flagged=bool(reasons),
                reasons=tuple(reasons),
                doubtful=doubtful and not reasons,
                sounds_like=sounds_like,
            )
        )
    return checks, median_wer, median_cer


def _pace(m: _Measured) -> float:
    return (m.sentence.end - m.sentence.start) / max(1, m.chars)


def _best_other(m: _Measured, position: int, refs: Sequence[str]) -> tuple[int | None, float]:
    """The other sentence (position in ``refs``) whose text is closest to what was heard, and
    its CER.

    Only sentences that could beat this one's own CER are measured.
    """
    heard = _codes(normalize_text(m.heard))
    best, best_cer = None, math.inf
    if not heard:
        return best, best_cer
    for j, ref in enumerate(refs):
        if j == position or not ref:
            continue
        # the length difference alone is a lower bound of the distance
        bound = abs(len(ref) - len(heard)) / len(ref)
        if bound >= min(best_cer, m.cer):
            continue
        cer = _distance(_codes(ref), heard) / len(ref)
        if cer < best_cer:
            best, best_cer = j, cer
    return best, best_cer


def _reliability(median_cer: float) -> str:
    if median_cer <= 0.25:
        return "good"
    return "fair" if median_cer <= 0.5 else "poor"


# --- the check ----------------------------------------------------------------------------------

PAD_SECONDS = 0.1
"""Audio taken either side of a sentence's manifest times (less where the neighbours are close)."""


def _cut(
    audio: NDArray[np.int16], sentences: Sequence[ManifestSentence], i: int, rate: int
) -> NDArray[np.int16]:
    s = sentences[i]
    before = s.start - sentences[i - 1].end if i > 0 else PAD_SECONDS * 2
    after = sentences[i + 1].start - s.end if i + 1 < len(sentences) else PAD_SECONDS * 2
    start = s.start - min(PAD_SECONDS, max(0.0, before) / 2)
    end = s.end + min(PAD_SECONDS, max(0.0, after) / 2)
    a = max(0, round(start * rate))
    b = min(len(audio), round(end * rate))
    return audio[a:b] if b > a else audio[0:0]


def check_programme(
    audio: Path | str,
    manifest: Path | str | None = None,
    *,
    recognizer: Recognizer | str | None = None,
    thresholds: Thresholds | None = None,
    progress: Progress | None = None,
    write: bool = True,
) -> CheckReport:
    """Listen back to a rendered programme and judge every sentence.

    ``manifest`` defaults to ``X.manifest.json`` beside ``audio``; ``recognizer`` is a
    :class:`~audionews.asr.Recognizer` or a name (default viet-asr, loaded now). With ``write``,
    the report is also written to ``X.check.json`` beside the programme (atomically).

    Raises :class:`~audionews.errors.InputError` (missing or unreadable programme or manifest)
    and :class:`~audionews.asr.RecognizerUnavailable` (viet-asr not installed).
    """
    began = time.perf_counter()
    audio = Path(audio)
    manifest = Path(manifest) if manifest is not None else manifest_path_for(audio)
    sentences = load_manifest_sentences(manifest)
    if not audio.exists():
        raise InputError(f"programme {audio} not found")
    if recognizer is None or isinstance(recognizer, str):
        recognizer = load_recognizer(recognizer or DEFAULT_RECOGNIZER)
    t = thresholds or Thresholds()
    rate = recognizer.sample_rate
    samples = decode_audio(audio, rate)
    measured: list[tuple[ManifestSentence, str, float]] = []
    for i, sentence in enumerate(sentences):
        piece = _cut(samples, sentences, i, rate)
        level = _level_dbfs(piece)
        heard = recognizer.transcribe(piece) if level >= t.silence_dbfs else ""
        measured.append((sentence, heard, level))
        if progress is not None:
            progress(i + 1, len(sentences))
    checks, median_wer, median_cer = judge(measured, t)
    totals = [_errors(s.spoken, heard) for s, heard, _ in measured]
    words = sum(x[1] for x in totals)
    chars = sum(x[3] for x in totals)
    flagged = any(c.flagged for c in checks)
    report = CheckReport(
        audio=audio,
        recognizer=recognizer.version,
        sentences=tuple(checks),
        wer=sum(x[0] for x in totals) / words if words else 0.0,
        cer=sum(x[2] for x in totals) / chars if chars else 0.0,
        median_wer=median_wer,
        median_cer=median_cer,
        verdict=VERDICT_FLAGGED if flagged else VERDICT_FINE,
        reliability=_reliability(median_cer),
        audio_seconds=len(samples) / rate,
        seconds=time.perf_counter() - began,
        thresholds=t,
    )
    if write:
        write_report(report)
    return report


def write_report(report: CheckReport, path: Path | None = None) -> Path:
    """Write the report's JSON (``X.check.json`` beside the programme by default), atomically."""
    from audionews.export import atomic_write

    path = path or report_path_for(report.audio)
    text = json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
    with atomic_write(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return path


def _clock(seconds: float) -> str:
    m, s = divmod(max(0.0, seconds), 60)
    return f"{int(m)}:{s:04.1f}"


def format_report(report: CheckReport, *, all_sentences: bool = False) -> str:
    """Human-readable report: one line per flagged sentence (or every one), then the verdict."""
    lines = [
        f"Listened back to {report.audio.name} with {report.recognizer}: "
        f"{len(report.sentences)} sentences, {_clock(report.audio_seconds)} in "
        f"{report.seconds:.1f} s"
    ]
    shown = [s for s in report.sentences if all_sentences or s.flagged or s.doubtful]
    for s in shown:
        mark = "!" if s.flagged else "?" if s.doubtful else " "
        why = "; ".join(
            REASONS[r]
            + (
                f" #{s.sounds_like + 1}"
                if r == "sounds-like-other" and s.sounds_like is not None
                else ""
            )
            for r in s.reasons
        )
        lines.append(
            f"{mark} #{s.index + 1:<3} {_clock(s.start)}-{_clock(s.end)}  "
            f"WER {s.wer:.2f}  CER {s.cer:.2f}"
            + (f"  {why}" if why else "")
            + ("  doubtful: another sentence fits what was heard better" if s.doubtful else "")
        )
        if s.flagged or s.doubtful:
            lines.append(f"      said:  {s.spoken}")
            lines.append(f"      heard: {s.heard or '(nothing)'}")
    lines.append(
        f"Overall: WER {report.wer:.2f}, CER {report.cer:.2f} "
        f"(median per sentence {report.median_wer:.2f} / {report.median_cer:.2f}), "
        f"intelligibility {report.intelligibility:.0%}, recognizer reliability "
        f"{report.reliability}"
    )
    if report.reliability == "poor":
        lines.append(
            "  The recognizer understands this voice poorly: only gross faults (silence, a "
            "missing, misplaced or foreign sentence) can be found, not single misread words."
        )
    n, d = len(report.flagged), len(report.doubtful)
    notes = []
    if n:
        notes.append(f"{n} sentence{'s' if n != 1 else ''} flagged")
    if d:
        notes.append(f"{d} doubtful, worth a listen")
    lines.append(f"Verdict: {report.verdict}" + (f" ({', '.join(notes)})" if notes else ""))
    return "\n".join(lines)
