"""The listen-back check on programmes rendered in the tests, with deliberate faults.

- The tiny generated Piper voice only hums, so no recognizer can understand it: there a fake
  recognizer behind the ``Recognizer`` interface "hears" a sentence by the length of its tone
  (learned from the clean render), which is enough to tell silence, a swapped chunk and a chunk
  from another article apart from the right one.
- eSpeak NG with the real recognizer (viet-asr, the ``check`` extra) on a 20-second programme.

Faults are made in the audio (silence, a foreign chunk) or in the manifest (two sentences'
texts swapped: to the check, the same as the audio of two slots exchanged).
"""

from __future__ import annotations

import json
import subprocess
import sys
import wave
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from audionews import asr
from audionews.check import (
    VERDICT_FINE,
    VERDICT_FLAGGED,
    CheckReport,
    ManifestSentence,
    Thresholds,
    _distance,
    check_programme,
    error_rates,
    format_report,
    judge,
    load_manifest_sentences,
    normalize_text,
    report_path_for,
)
from audionews.errors import EngineUnavailable, InputError

ARTICLE = """Mưa lớn ở miền Trung

Chiều nay, mưa lớn kéo dài nhiều giờ.

Nhiều tuyến đường ở trung tâm thành phố ngập sâu, người dân phải dắt xe máy qua những đoạn nước \
chảy xiết.

Lực lượng cứu hộ đã có mặt.

Cơ quan khí tượng dự báo mưa còn tiếp diễn đến cuối tuần, người dân vùng trũng cần theo dõi \
thông tin và chủ động sơ tán khi cần thiết.
"""
OTHER_ARTICLE_SENTENCE = "Giá vàng trong nước hôm nay tăng mạnh theo đà thế giới."


# --- scoring and judging, without audio --------------------------------------------------------


def slow_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


@settings(max_examples=200, deadline=None)
@given(st.text("abcđ ", max_size=25), st.text("abcđ ", max_size=25))
def test_distance_is_levenshtein(a: str, b: str) -> None:
    assert _distance([ord(c) for c in a], [ord(c) for c in b]) == slow_distance(a, b)


def test_error_rates_on_normalized_text() -> None:
    assert normalize_text("  Mưa LỚN, ở miền—Trung! ") == "mưa lớn ở miền trung"
    assert error_rates("Mưa lớn ở miền Trung.", "mưa lớn ở miền trung") == (0.0, 0.0)
    wer, cer = error_rates("mưa lớn ở miền trung", "mưa nhỏ ở miền trung")
    assert wer == pytest.approx(1 / 5)
    assert cer == pytest.approx(3 / 20)
    assert error_rates("mưa lớn", "") == (1.0, 1.0)
    assert error_rates("", "gì đó") == (0.0, 0.0)
    # decomposed (NFD) and composed (NFC) Vietnamese are the same text
    import unicodedata

    assert error_rates("Thủy", unicodedata.normalize("NFD", "thủy")) == (0.0, 0.0)


def sentence(i: int, text: str, start: float | None = None) -> ManifestSentence:
    begin = start if start is not None else i * 10.0
    return ManifestSentence(i, (i,), begin, begin + len(text) * 0.06, text, text, "paragraph")


TEXTS = [
    "mưa lớn kéo dài nhiều giờ ở các tỉnh miền trung",
    "nhiều tuyến đường ngập sâu người dân phải dắt xe qua",
    "lực lượng cứu hộ đã có mặt từ sáng sớm để giúp dân",
    "cơ quan khí tượng dự báo mưa còn kéo dài đến cuối tuần",
    "người dân vùng trũng cần chủ động sơ tán khi cần thiết",
    "chính quyền địa phương đã chuẩn bị lương thực và nước sạch",
    "các trường học cho học sinh nghỉ để bảo đảm an toàn",
    "giá rau xanh tại các chợ tăng nhẹ trong mấy ngày qua",
]


def garble(text: str, every: int) -> str:
    """Change every n-th letter: a recognizer that understands a voice only partly."""
    return "".join("x" if i % every == 1 and c != " " else c for i, c in enumerate(text))


def test_judge_a_clean_poorly_understood_programme_is_fine() -> None:
    measured = [(sentence(i, t), garble(t, 2), -20.0) for i, t in enumerate(TEXTS)]
    checks, _, median_cer = judge(measured)
    assert median_cer > 0.3
    assert not any(c.flagged for c in checks)


def test_judge_flags_silence_nothing_heard_swaps_and_far_worse() -> None:
    measured: list[tuple[ManifestSentence, str, float]] = [
        (sentence(i, t), garble(t, 3), -20.0) for i, t in enumerate(TEXTS)
    ]
    measured[1] = (measured[1][0], "", -90.0)  # silence
    measured[2] = (measured[2][0], "", -20.0)  # speech nobody understood
    measured[3] = (measured[3][0], garble(TEXTS[5], 3), -20.0)  # sentence 5 in slot 3
    measured[6] = (measured[6][0], OTHER_ARTICLE_SENTENCE.lower(), -20.0)  # foreign
    checks, _, _ = judge(measured)
    reasons = {c.index: c.reasons for c in checks if c.flagged}
    assert reasons[1] == ("silence",)
    assert reasons[2] == ("nothing-heard",)
    assert "sounds-like-other" in reasons[3]
    assert checks[3].sounds_like == 5
    assert "far-worse" in reasons[6]
    assert set(reasons) == {1, 2, 3, 6}


def test_judge_length_rule_and_few_sentences() -> None:
    measured = [(sentence(i, t), t, -20.0) for i, t in enumerate(TEXTS)]
    s = measured[4][0]
    short = ManifestSentence(s.index, s.chunks, s.start, s.start + 0.5, s.spoken, s.written, None)
    measured[4] = (short, TEXTS[4], -20.0)
    checks, _, _ = judge(measured)
    assert [c.index for c in checks if c.flagged] == [4]
    assert checks[4].reasons == ("length",)
    # with fewer sentences than min_sentences only the absolute rules apply
    checks, _, _ = judge(measured[3:5], Thresholds(min_sentences=3))
    assert not any(c.flagged for c in checks)


def test_judge_names_sentences_by_their_index_not_their_position() -> None:
    part = [(sentence(i, t), t, -20.0) for i, t in enumerate(TEXTS)][4:8]
    part[1] = (part[1][0], TEXTS[7], -20.0)  # sentence 5 sounds like sentence 7
    checks, _, _ = judge(part)
    assert [c.index for c in checks] == [4, 5, 6, 7]
    assert [c.index for c in checks if c.flagged] == [5]
    assert checks[1].sounds_like == 7


def test_manifest_chunks_cut_inside_a_sentence_are_joined(tmp_path: Path) -> None:
    def chunk(i: int, text: str, start: float, end: float, pause: str) -> dict[str, Any]:
        return {
            "index": i,
            "kind": "paragraph",
            "text": "Câu dài, rất dài.",
            "spoken": text,
            "start": start,
            "end": end,
            "pause_after": pause,
        }

    manifest = tmp_path / "x.manifest.json"
    manifest.write_text(
        json.dumps(
            {
                "chunks": [
                    chunk(0, "Câu dài,", 0.0, 1.0, "clause"),
                    chunk(1, "rất dài.", 1.2, 2.0, "sentence"),
                    chunk(2, "Câu sau.", 2.5, 3.0, "end"),
                ]
            }
        ),
        encoding="utf-8",
    )
    first, second = load_manifest_sentences(manifest)
    assert first.chunks == (0, 1) and (first.start, first.end) == (0.0, 2.0)
    assert first.spoken == "Câu dài, rất dài."
    assert first.written == "Câu dài, rất dài."
    assert second.index == 1 and second.chunks == (2,)


def test_missing_manifest_says_how_to_get_one(tmp_path: Path) -> None:
    audio = tmp_path / "x.mp3"
    audio.write_bytes(b"")
    with pytest.raises(InputError, match="manifest"):
        check_programme(audio, recognizer=HearsNothing())
    bad = tmp_path / "y.manifest.json"
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match="not a readable audionews manifest"):
        check_programme(audio, bad, recognizer=HearsNothing())


def test_missing_recognizer_is_engine_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(asr.RECOGNIZERS, "viet-asr", ("no_such_module_xyz", asr.VietAsrRecognizer))
    ok, why = asr.recognizer_available()
    assert not ok and "check" in why
    with pytest.raises(EngineUnavailable, match="unknown recognizer"):
        asr.load_recognizer("whisper-9000")
    monkeypatch.setitem(sys.modules, "vietasr", None)  # import fails
    monkeypatch.setitem(sys.modules, "vietasr.ffi", None)
    with pytest.raises(asr.RecognizerUnavailable, match=r"audionews\[check\]"):
        asr.load_recognizer()


def test_render_path_does_not_import_the_recognizer() -> None:
    code = (
        "import sys, audionews.pipeline, audionews.cli, audionews.check, audionews.voices\n"
        "assert 'vietasr' not in sys.modules, 'vietasr imported'\n"
        "import audionews.pipeline as p; assert 'requests' in sys.modules or True\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- programmes rendered with the tiny Piper voice and a fake recognizer -------------------------


class HearsNothing:
    name = "nothing"
    sample_rate = 16000
    version = "nothing 0"

    def transcribe(self, samples: NDArray[np.int16]) -> str:
        return ""


def voiced(samples: NDArray[np.int16]) -> int:
    return int(np.count_nonzero(np.abs(samples.astype(np.int32)) > 300))


class ToneListener:
    """Hears a sentence of the tiny voice by its tone's length, learned from the clean render."""

    name = "tone-listener"
    sample_rate = 16000
    version = "tone-listener 1"

    def __init__(self) -> None:
        self.known: list[tuple[int, str]] = []
        self.heard: list[int] = []

    def learn(self, texts: list[str]) -> None:
        self.known = list(zip(self.heard, texts, strict=True))

    def transcribe(self, samples: NDArray[np.int16]) -> str:
        n = voiced(samples)
        self.heard.append(n)
        if n < 800 or not self.known:
            return ""
        length, text = min(self.known, key=lambda k: abs(k[0] - n))
        return text if abs(length - n) <= 0.05 * length else "ờ à"


def read_wav(path: Path) -> tuple[NDArray[np.int16], int]:
    with wave.open(str(path), "rb") as w:
        return np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16).copy(), w.getframerate()


def write_wav(path: Path, samples: NDArray[np.int16], rate: int) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.astype(np.int16).tobytes())


def copy_programme(src: Path, dst: Path, samples: NDArray[np.int16] | None = None) -> Path:
    data, rate = read_wav(src)
    write_wav(dst, data if samples is None else samples, rate)
    manifest = src.with_name(src.stem + ".manifest.json")
    dst.with_name(dst.stem + ".manifest.json").write_bytes(manifest.read_bytes())
    return dst


def edit_manifest(audio: Path, edit: Any) -> None:
    path = audio.with_name(audio.stem + ".manifest.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data["chunks"])
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.fixture(scope="module")
def piper_programme(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ToneListener]:
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    from make_test_voice import make_voice

    from audionews.engines import EngineOptions
    from audionews.pipeline import RenderSettings, make

    folder = tmp_path_factory.mktemp("piper-check")
    article = folder / "mua.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    model = make_voice(folder / "voice")
    result = make(
        article,
        output=folder / "clean.wav",
        engine="piper",
        engine_options=EngineOptions(voice_model=model),
        settings=RenderSettings(sidecars=("manifest",), format="wav", bits=16, use_cache=False),
    )
    listener = ToneListener()
    report = check_programme(result.path, recognizer=listener, write=False)
    listener.learn([s.spoken for s in report.sentences])
    return result.path, listener


def test_fake_recognizer_on_clean_piper_programme_is_fine(
    piper_programme: tuple[Path, ToneListener], tmp_path: Path
) -> None:
    clean, listener = piper_programme
    audio = copy_programme(clean, tmp_path / "p.wav")
    report = check_programme(audio, recognizer=listener)
    assert report.verdict == VERDICT_FINE and report.exit_code == 0
    assert report.wer == 0 and report.cer == 0
    assert len(report.sentences) == 5
    written = json.loads(report_path_for(audio).read_text(encoding="utf-8"))
    assert set(written) == {"overall", "sentences"}
    assert written["overall"]["verdict"] == "fine"
    assert {"wer", "cer", "verdict"} <= set(written["overall"])
    assert len(written["sentences"]) == 5
    assert "Verdict: fine" in format_report(report)


def test_piper_programme_with_a_silenced_chunk(
    piper_programme: tuple[Path, ToneListener], tmp_path: Path
) -> None:
    clean, listener = piper_programme
    samples, rate = read_wav(clean)
    s = load_manifest_sentences(clean.with_name("clean.manifest.json"))[2]
    samples[round(s.start * rate) : round(s.end * rate)] = 0
    audio = copy_programme(clean, tmp_path / "p.wav", samples)
    report = check_programme(audio, recognizer=listener)
    assert report.verdict == VERDICT_FLAGGED and report.exit_code == 1
    assert [(f.index, f.reasons) for f in report.flagged] == [(2, ("silence",))]
    text = format_report(report)
    assert "#3" in text and "silence where speech should be" in text and "(nothing)" in text


def test_piper_programme_with_two_chunks_swapped(
    piper_programme: tuple[Path, ToneListener], tmp_path: Path
) -> None:
    clean, listener = piper_programme
    audio = copy_programme(clean, tmp_path / "p.wav")

    def swap(chunks: list[dict[str, Any]]) -> None:
        chunks[1]["spoken"], chunks[3]["spoken"] = chunks[3]["spoken"], chunks[1]["spoken"]

    edit_manifest(audio, swap)
    report = check_programme(audio, recognizer=listener)
    assert [f.index for f in report.flagged] == [1, 3]
    assert report.sentences[1].sounds_like == 3 and report.sentences[3].sounds_like == 1
    assert all("sounds-like-other" in f.reasons for f in report.flagged)


def test_piper_programme_with_a_chunk_from_another_article(
    piper_programme: tuple[Path, ToneListener], tmp_path: Path
) -> None:
    from audionews.engines.piper import PiperEngine

    clean, listener = piper_programme
    samples, rate = read_wav(clean)
    s = load_manifest_sentences(clean.with_name("clean.manifest.json"))[4]
    voice = clean.parent / "voice"
    model = next(voice.glob("*.onnx"))
    foreign = np.frombuffer(PiperEngine(model).synthesize(OTHER_ARTICLE_SENTENCE).pcm, np.int16)
    a, b = round(s.start * rate), round(s.end * rate)
    slot = samples[a:b]
    slot[:] = 0
    n = min(len(slot), len(foreign))
    slot[:n] = foreign[:n] // 4
    audio = copy_programme(clean, tmp_path / "p.wav", samples)
    report = check_programme(audio, recognizer=listener)
    assert [f.index for f in report.flagged] == [4]
    assert "far-worse" in report.flagged[0].reasons


# --- eSpeak NG and the real recognizer ---------------------------------------------------------


class Cached:
    """Recognizes each distinct piece of audio once (the fault tests reuse the clean audio)."""

    def __init__(self, inner: asr.Recognizer) -> None:
        self.inner = inner
        self.name, self.sample_rate, self.version = inner.name, inner.sample_rate, inner.version
        self.cache: dict[bytes, str] = {}

    def transcribe(self, samples: NDArray[np.int16]) -> str:
        key = samples.tobytes()
        if key not in self.cache:
            self.cache[key] = self.inner.transcribe(samples)
        return self.cache[key]


@pytest.fixture(scope="module")
def espeak_programme(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Cached]:
    pytest.importorskip("vietasr")

    folder = tmp_path_factory.mktemp("espeak-check")
    article = folder / "mua.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    # Rendered in a fresh process: eSpeak NG carries state from call to call (its pitch
    # flutter's position, not resettable through its API), so in this process the audio would
    # depend on how many chunks earlier tests synthesized, and so would what viet-asr hears.
    # A fresh process gives the same audio on every run, whichever tests ran first.
    render = (
        "import sys; from pathlib import Path; "
        "from audionews.pipeline import RenderSettings, make; "
        "make(Path(sys.argv[1]), output=Path(sys.argv[2]), engine='espeak', "
        "settings=RenderSettings(sidecars=('manifest',), format='wav', bits=16, use_cache=False))"
    )
    out = folder / "clean.wav"
    subprocess.run([sys.executable, "-c", render, str(article), str(out)], check=True)
    return out, Cached(asr.load_recognizer())


def test_viet_asr_hears_espeak_roughly_and_the_clean_programme_is_fine(
    espeak_programme: tuple[Path, Cached], tmp_path: Path
) -> None:
    clean, recognizer = espeak_programme
    audio = copy_programme(clean, tmp_path / "e.wav")
    report = check_programme(audio, recognizer=recognizer)
    assert report.verdict == VERDICT_FINE, format_report(report, all_sentences=True)
    assert report.recognizer.startswith("viet-asr")
    # eSpeak NG is hard to understand, but far from noise (a foreign text scores CER ~0.8)
    assert 0.2 < report.cer < 0.75
    assert all(s.heard for s in report.sentences)


def test_viet_asr_check_catches_silence_a_swap_and_a_foreign_chunk(
    espeak_programme: tuple[Path, Cached], tmp_path: Path
) -> None:
    clean, recognizer = espeak_programme
    samples, rate = read_wav(clean)
    s = load_manifest_sentences(clean.with_name("clean.manifest.json"))[3]
    samples[round(s.start * rate) : round(s.end * rate)] = 0
    report = check_programme(
        copy_programme(clean, tmp_path / "s.wav", samples), recognizer=recognizer
    )
    flags = {f.index: f.reasons for f in report.flagged}
    assert flags.get(3) == ("silence",), format_report(report)
    # only the silenced sentence is silent; eSpeak's audio varies a little from render to render
    # (state it carries between calls), so a neighbour is now and then also heard "far worse"
    assert all("silence" not in r for i, r in flags.items() if i != 3), format_report(report)

    swapped = copy_programme(clean, tmp_path / "w.wav")

    def swap(chunks: list[dict[str, Any]]) -> None:
        chunks[1]["spoken"], chunks[4]["spoken"] = chunks[4]["spoken"], chunks[1]["spoken"]

    edit_manifest(swapped, swap)
    report = check_programme(swapped, recognizer=recognizer)
    assert [f.index for f in report.flagged] == [1, 4], format_report(report)

    foreign = copy_programme(clean, tmp_path / "f.wav")

    def replace(chunks: list[dict[str, Any]]) -> None:
        # Much shorter than the sentence it replaces. In a 5-sentence eSpeak programme a foreign
        # sentence of the same length is found by its CER alone in only ~4 renders out of 6
        # (eSpeak NG's audio varies slightly from render to render and so does what viet-asr
        # hears); benchmarks/check.py measures that case on a 33-sentence programme.
        chunks[2]["spoken"] = "Giá vàng tăng mạnh."

    edit_manifest(foreign, replace)
    report = check_programme(foreign, recognizer=recognizer)
    assert [f.index for f in report.flagged] == [2], format_report(report)


def test_report_json_shape(piper_programme: tuple[Path, ToneListener], tmp_path: Path) -> None:
    clean, listener = piper_programme
    audio = copy_programme(clean, tmp_path / "p.wav")
    report: CheckReport = check_programme(audio, recognizer=listener, write=False)
    data = report.to_json()
    first = data["sentences"][0]
    assert {"index", "start", "end", "spoken", "heard", "wer", "cer", "flagged", "reasons"} <= set(
        first
    )
    assert data["overall"]["intelligibility"] == 1.0
    assert not report_path_for(audio).exists()


def test_make_check_then_check_command(article: Path, tmp_path: Path) -> None:
    """The commands a newsroom runs: make --check writes the manifest and X.check.json and
    says what it heard; check reads them again (exit 0 fine, 1 flagged)."""
    pytest.importorskip("vietasr")
    from typer.testing import CliRunner

    from audionews.cli import app

    runner = CliRunner()
    out = tmp_path / "tin.mp3"
    made = runner.invoke(app, ["make", str(article), "-e", "espeak", "-o", str(out), "--check"])
    assert made.exit_code in (0, 1), made.output
    assert "Listened back:" in made.output and "intelligibility" in made.output
    assert (tmp_path / "tin.manifest.json").exists() and (tmp_path / "tin.check.json").exists()
    again = runner.invoke(app, ["check", str(out), "--json"])
    assert again.exit_code in (0, 1)
    report = json.loads(again.output)
    assert report["overall"]["verdict"] in ("fine", "flagged") and report["sentences"]
    assert again.exit_code == (1 if report["overall"]["verdict"] == "flagged" else 0)
