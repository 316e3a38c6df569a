"""The listen-back check on the embedded voice: scores, speed and deliberate faults caught.

Renders the example article with eSpeak NG (manifest sidecar), listens back with viet-asr, then
injects faults and counts how many the check flags:

- silence: one sentence's samples set to zero in the audio;
- swap: two sentences' spoken texts exchanged in the manifest (the audio in each slot is the
  other one's: what a chunk in the wrong place looks like to the check);
- foreign: one sentence's spoken text replaced by a sentence of another article (the slot's
  audio is not the sentence the manifest says: a chunk from another article);
- misreading: the programme rendered again with a user lexicon that misreads four names
  (Giang as Dang, Tháp as Thắp, Lợi as Lội, Kông as Công: six sentences), checked against the
  correct render's spoken text.

Also checks a second, clean article (out of sample for the thresholds) for false flags.

Each sentence's audio is recognized once (a cache keyed by the samples), so the faults cost
only the judging. Needs the [check] extra.

    python benchmarks/check.py [--trials N] [--json OUT.json]   (default: every sentence)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import tempfile
import time
import wave
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from audionews.asr import Recognizer, load_recognizer
from audionews.check import (
    CheckReport,
    check_programme,
    decode_audio,
    load_manifest_sentences,
)
from audionews.pipeline import RenderSettings, make

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "dong-bang-song-cuu-long-mua-nuoc-noi.txt"
OTHER = ROOT / "tests" / "fixtures" / "articles" / "02-suc-khoe-sot-xuat-huyet.txt"
RATE = 16000
# names misread by a user lexicon: one to three syllables in six sentences
LEXICON = '[words]\n"Giang" = "Dang"\n"Tháp" = "Thắp"\n"Lợi" = "Lội"\n"Kông" = "Công"\n'


class CachedRecognizer:
    """Recognizes each distinct piece of audio once; counts the time spent recognizing."""

    def __init__(self, inner: Recognizer) -> None:
        self.inner = inner
        self.name = inner.name
        self.sample_rate = inner.sample_rate
        self.cache: dict[str, str] = {}
        self.seconds = 0.0
        self.audio_seconds = 0.0

    @property
    def version(self) -> str:
        return self.inner.version

    def transcribe(self, samples: NDArray[np.int16]) -> str:
        key = hashlib.sha1(samples.tobytes()).hexdigest()
        if key not in self.cache:
            began = time.perf_counter()
            self.cache[key] = self.inner.transcribe(samples)
            self.seconds += time.perf_counter() - began
            self.audio_seconds += samples.size / self.sample_rate
        return self.cache[key]


def write_wav(path: Path, samples: NDArray[np.int16]) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(samples.tobytes())


def variant(folder: Path, name: str, samples: NDArray[np.int16], manifest: dict[str, Any]) -> Path:
    audio = folder / f"{name}.wav"
    write_wav(audio, samples)
    (folder / f"{name}.manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False), encoding="utf-8"
    )
    return audio


def other_sentences() -> list[str]:
    from audionews.pipeline import load_article, prepare_script

    article, _ = load_article(OTHER)
    return [c.text for c in prepare_script(article, 600).chunks]


def summary(report: CheckReport) -> dict[str, Any]:
    return {
        "flagged": [(s.index, list(s.reasons)) for s in report.flagged],
        "doubtful": [s.index for s in report.doubtful],
        "wer": round(report.wer, 3),
        "cer": round(report.cer, 3),
        "median_wer": round(report.median_wer, 3),
        "median_cer": round(report.median_cer, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=0, help="0: every sentence")
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--renders",
        type=int,
        default=0,
        help="also render the clean example N more times and count false flags in each "
        "(renders after the first in a process differ slightly: eSpeak NG varies)",
    )
    args = parser.parse_args()
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        settings = RenderSettings(sidecars=("manifest",), use_cache=False)
        began = time.perf_counter()
        rendered = make(EXAMPLE, output=folder / "clean.mp3", engine="espeak", settings=settings)
        results["render_seconds"] = round(time.perf_counter() - began, 2)

        began = time.perf_counter()
        real = load_recognizer()
        results["recognizer_load_seconds"] = round(time.perf_counter() - began, 2)
        recognizer = CachedRecognizer(real)

        # the clean programme, straight from the MP3: the real speed of the whole check
        report = check_programme(rendered.path, recognizer=recognizer)
        results["clean_mp3"] = summary(report) | {
            "audio_seconds": round(report.audio_seconds, 1),
            "check_seconds": round(report.seconds, 1),
            "recognizer_seconds": round(recognizer.seconds, 1),
            "realtime_factor": round(report.audio_seconds / report.seconds, 2),
            "sentences": len(report.sentences),
            "sentence_cer": [round(x.cer, 3) for x in report.sentences],
            "sentence_wer": [round(x.wer, 3) for x in report.sentences],
        }
        print("clean:", results["clean_mp3"])

        # the same programme as 16 kHz WAV, which the faults edit
        samples = decode_audio(rendered.path, RATE)
        manifest = json.loads((folder / "clean.manifest.json").read_text(encoding="utf-8"))
        sentences = load_manifest_sentences(folder / "clean.manifest.json")
        single = [s for s in sentences if len(s.chunks) == 1 and len(s.spoken) > 20]
        trials = args.trials or len(single)
        step = max(1, len(single) // trials)
        picks = single[::step][:trials]
        base = check_programme(
            variant(folder, "wav", samples, manifest), recognizer=recognizer, write=False
        )
        results["clean_wav"] = summary(base)

        def run(name: str, edited: NDArray[np.int16], data: dict[str, Any]) -> CheckReport:
            return check_programme(
                variant(folder, name, edited, data), recognizer=recognizer, write=False
            )

        def caught(report: CheckReport, targets: set[int]) -> dict[str, Any]:
            flagged = {s.index: list(s.reasons) for s in report.flagged}
            doubtful = {s.index for s in report.doubtful}
            return {
                "targets": sorted(targets),
                "caught": sorted(t for t in targets if t in flagged),
                "doubtful": sorted(t for t in targets if t in doubtful),
                "reasons": {t: flagged[t] for t in targets if t in flagged},
                "false": sorted(i for i in flagged if i not in targets),
                "false_doubtful": sorted(i for i in doubtful if i not in targets),
            }

        faults: dict[str, list[dict[str, Any]]] = {"silence": [], "swap": [], "foreign": []}
        for s in picks:
            edited = samples.copy()
            edited[round(s.start * RATE) : round(s.end * RATE)] = 0
            faults["silence"].append(caught(run("silence", edited, manifest), {s.index}))
        for a, b in zip(picks, picks[len(picks) // 2 :] + picks[: len(picks) // 2], strict=True):
            if a.index == b.index:
                continue
            data = json.loads(json.dumps(manifest))
            ca, cb = data["chunks"][a.chunks[0]], data["chunks"][b.chunks[0]]
            ca["spoken"], cb["spoken"] = cb["spoken"], ca["spoken"]
            faults["swap"].append(caught(run("swap", samples, data), {a.index, b.index}))
        foreign = other_sentences()
        for s in picks:
            data = json.loads(json.dumps(manifest))
            # the other article's sentence closest in length: the length rule alone won't do
            size = len(s.spoken)
            text = min(foreign, key=lambda t, size=size: abs(len(t) - size))
            data["chunks"][s.chunks[0]]["spoken"] = text
            faults["foreign"].append(caught(run("foreign", samples, data), {s.index}))

        # a misreading from the lexicon: HTX and ĐBSCL read as letters
        lexicon = folder / "bad.toml"
        lexicon.write_text(LEXICON, encoding="utf-8")
        bad_settings = RenderSettings(
            sidecars=("manifest",), use_cache=False, lexicon_files=(lexicon,)
        )
        bad = make(EXAMPLE, output=folder / "bad.mp3", engine="espeak", settings=bad_settings)
        bad_manifest = json.loads((folder / "bad.manifest.json").read_text(encoding="utf-8"))
        targets = set()
        for clean_chunk, bad_chunk in zip(manifest["chunks"], bad_manifest["chunks"], strict=True):
            if clean_chunk["spoken"] != bad_chunk["spoken"]:
                targets.add(clean_chunk["index"])
                bad_chunk["spoken"] = clean_chunk["spoken"]
        misread = check_programme(
            variant(folder, "misread", decode_audio(bad.path, RATE), bad_manifest),
            recognizer=recognizer,
            write=False,
        )
        faults["misreading"] = [caught(misread, targets)]
        results["faults"] = faults
        totals = {}
        for kind, trials in faults.items():
            targets_n = sum(len(t["targets"]) for t in trials)
            caught_n = sum(len(t["caught"]) for t in trials)
            false_n = sum(len(t["false"]) for t in trials)
            any_n = sum(1 for t in trials if t["caught"])
            totals[kind] = {
                "trials": len(trials),
                "trials_caught": any_n,
                "sentences_caught": f"{caught_n}/{targets_n}",
                "sentences_doubtful": sum(len(t["doubtful"]) for t in trials),
                "false_flags": false_n,
                "false_doubtful": sum(len(t["false_doubtful"]) for t in trials),
            }
            print(f"{kind}: {totals[kind]}")
        results["totals"] = totals

        repeats = []
        for k in range(args.renders):
            again = make(
                EXAMPLE, output=folder / f"again{k}.mp3", engine="espeak", settings=settings
            )
            report = check_programme(again.path, recognizer=recognizer, write=False)
            repeats.append(summary(report))
            print(f"clean again {k + 1}:", repeats[-1])
        results["clean_again"] = repeats

        # another article, clean: false flags out of sample
        other = make(OTHER, output=folder / "other.mp3", engine="espeak", settings=settings)
        report = check_programme(other.path, recognizer=recognizer, write=False)
        results["other_clean"] = summary(report) | {"sentences": len(report.sentences)}
        print("other clean:", results["other_clean"])
        results["recognized_audio_seconds"] = round(recognizer.audio_seconds, 1)
        results["recognizer_seconds"] = round(recognizer.seconds, 1)
        shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(results["totals"], indent=1))


if __name__ == "__main__":
    main()
