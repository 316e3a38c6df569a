"""The piper engine with a tiny Piper-shaped voice built at test time (tests/make_test_voice.py).

The tiny voice speaks a 220 Hz * (speaker + 1) tone of 256 samples per phoneme id (scaled by
length_scale), so the audio tells how many ids went in, at what speed and for which speaker.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import pytest

pytest.importorskip("numpy")
pytest.importorskip("onnxruntime")
pytest.importorskip("onnx")
import numpy as np
from make_test_voice import HOP, SAMPLE_RATE, make_voice

from audionews.engines import ENGINES, Engine, EngineOptions, create_engine
from audionews.engines.phonemize import Clause, _terminator, clauses, phonemize
from audionews.engines.piper import PiperEngine, check, phoneme_ids
from audionews.errors import ConfigError


@pytest.fixture(scope="module")
def voice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_voice(tmp_path_factory.mktemp("voice"))


@pytest.fixture(scope="module")
def multi(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_voice(tmp_path_factory.mktemp("multi"), speakers=3)


def copy_voice(voice: Path, folder: Path, edit_config: dict[str, object] | None = None) -> Path:
    folder.mkdir(exist_ok=True)
    model = folder / voice.name
    model.write_bytes(voice.read_bytes())
    config = json.loads(Path(f"{voice}.json").read_text(encoding="utf-8"))
    config.update(edit_config or {})
    Path(f"{model}.json").write_text(json.dumps(config), encoding="utf-8")
    return model


def samples(pcm: bytes) -> np.ndarray:
    return np.frombuffer(pcm, dtype="<i2")


def zero_crossings(pcm: bytes) -> int:
    s = samples(pcm).astype(np.int32)
    return int(np.count_nonzero(np.diff(np.signbit(s))))


# --- phonemes: what Piper's own eSpeak bridge gives (captured from piper-tts 1.8) ---


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Xin chào.", [("sˈin tʃˈaː2w", ".", True)]),
        (
            "Hôm nay: trời mưa; ngày mai nắng",
            [
                ("hˈom nˈaj", ":", False),
                ("tʃˈəː2j mˈyə", ";", False),
                ("ŋˈa2j mˈaːj nˈaɜŋ", "", True),
            ],
        ),
        ("Bạn có khỏe không?", [("bˈaː6n kˈɔɜ xwˈɛ4 xˌoŋ", "?", True)]),
        ("Chờ đã... rồi sao?", [("tʃˈəː2 ɗˌaː5", "", False), ("zˈo2j sˈaːw", "?", True)]),
        ("Xin chào!!! Bạn ơi?!", [("sˈin tʃˈaː2w", "!", True), ("bˈaː6n ˈəːj", "?", True)]),
    ],
)
def test_clauses_match_pipers_espeak_bridge(
    text: str, expected: list[tuple[str, str, bool]]
) -> None:
    assert clauses(text, "vi") == [Clause(*c) for c in expected]


@pytest.mark.parametrize(
    "consumed,terminator",
    [
        ("xin chào. ", "."),
        ("thưa.” ", "."),
        ("ơi?! ", "?"),
        ("vâng, ", ","),
        ("đã... ", ""),
        ("đã… ", ""),
        ("2020 — ", ";"),
        ("không dấu ", ""),
    ],
)
def test_clause_terminator(consumed: str, terminator: str) -> None:
    assert _terminator(consumed) == terminator


def test_phonemes_are_single_code_points_with_punctuation() -> None:
    (sentence,) = phonemize("Xin chào, bạn.", "vi")
    assert "".join(sentence) == "sˈin tʃˈaː2w, bˈaː6n."
    assert all(len(p) == 1 for p in sentence)
    assert len(phonemize("Một. Hai? Ba!", "vi")) == 3


def test_unknown_espeak_voice_is_an_error() -> None:
    from audionews.errors import SynthesisError

    with pytest.raises(SynthesisError, match="no voice"):
        clauses("Xin chào.", "no-such-voice")


def test_phoneme_ids_follow_pipers_scheme() -> None:
    id_map = {"_": (0,), "^": (1,), "$": (2,), "a": (5,), "b": (6, 7)}
    ids, missing = phoneme_ids(["a", "b", "x", "a"], id_map)
    assert ids == [1, 0, 5, 0, 6, 7, 0, 5, 0, 2]
    assert missing == {"x"}


# --- synthesis through onnxruntime ---


def test_audio_length_follows_the_ids(voice: Path) -> None:
    engine = PiperEngine(voice)
    text = "Xin chào các bạn. Hôm nay trời mưa, ngày mai nắng."
    ids = engine.sentence_ids(text)
    assert len(ids) == 2  # one model run per sentence
    audio = engine.synthesize(text)
    assert audio.sample_rate == SAMPLE_RATE
    assert audio.samples == sum(len(s) for s in ids) * HOP
    assert audio.marks == ()


def test_audio_is_peak_normalized_16_bit(voice: Path) -> None:
    pcm = samples(PiperEngine(voice).synthesize("Xin chào.").pcm)
    assert 32000 <= int(np.max(np.abs(pcm.astype(np.int32)))) <= 32767


def test_speed_scales_length(voice: Path) -> None:
    normal = PiperEngine(voice).synthesize("Xin chào các bạn.")
    fast = PiperEngine(voice, speed=2.0).synthesize("Xin chào các bạn.")
    slow = PiperEngine(voice, speed=0.5).synthesize("Xin chào các bạn.")
    assert fast.samples * 2 == normal.samples
    assert slow.samples == normal.samples * 2


def test_speaker_is_chosen_by_number_or_name(multi: Path) -> None:
    text = "Xin chào các bạn."
    first = PiperEngine(multi).synthesize(text)
    third = PiperEngine(multi, speaker=2).synthesize(text)
    named = PiperEngine(multi, speaker="speaker2").synthesize(text)
    assert third.pcm == named.pcm
    assert 2.8 < zero_crossings(third.pcm) / zero_crossings(first.pcm) < 3.2
    assert PiperEngine(multi, speaker="1").voice == "vi_VN-test-multi#1"


@pytest.mark.parametrize("speaker", [3, -1, "nobody"])
def test_bad_speaker_lists_the_speakers(multi: Path, speaker: int | str) -> None:
    with pytest.raises(ConfigError, match="speaker"):
        PiperEngine(multi, speaker=speaker)


def test_speaker_for_a_single_speaker_voice_is_refused(voice: Path) -> None:
    with pytest.raises(ConfigError, match="one speaker"):
        PiperEngine(voice, speaker=1)


def test_missing_phonemes_are_skipped_with_one_warning(
    voice: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = json.loads(Path(f"{voice}.json").read_text(encoding="utf-8"))
    del config["phoneme_id_map"]["ʃ"]
    model = copy_voice(voice, tmp_path / "v", {"phoneme_id_map": config["phoneme_id_map"]})
    engine = PiperEngine(model)
    with caplog.at_level(logging.WARNING, logger="audionews.engines.piper"):
        engine.synthesize("Xin chào.")
        engine.synthesize("Chào.")
    warnings = [r for r in caplog.records if "ʃ" in r.getMessage()]
    assert len(warnings) == 1


def test_text_phoneme_type_uses_letters(voice: Path, tmp_path: Path) -> None:
    config = json.loads(Path(f"{voice}.json").read_text(encoding="utf-8"))
    id_map = config["phoneme_id_map"]
    model = copy_voice(voice, tmp_path / "t", {"phoneme_type": "text"})
    engine = PiperEngine(model)
    assert engine.phonemes("ba ca") == [list("ba ca")]
    assert engine.sentence_ids("ba")[0] == [1, 0, id_map["b"][0], 0, id_map["a"][0], 0, 2]


def test_vowel_clusters_are_merged(voice: Path, tmp_path: Path) -> None:
    config = json.loads(Path(f"{voice}.json").read_text(encoding="utf-8"))
    id_map = {**config["phoneme_id_map"], "aː": [999]}
    model = copy_voice(
        voice, tmp_path / "c", {"phoneme_id_map": id_map, "vowel_clusters": [["a", "ː"]]}
    )
    (phonemes,) = PiperEngine(model).phonemes("Xin chào.")
    assert "aː" in phonemes and "ː" not in phonemes


def test_whitespace_gives_empty_audio(voice: Path) -> None:
    assert PiperEngine(voice).synthesize("  ").pcm == b""


# --- errors say the cause and the fix ---


def test_missing_config_says_download_both_files(voice: Path, tmp_path: Path) -> None:
    lone = tmp_path / "lonely.onnx"
    lone.write_bytes(voice.read_bytes())
    with pytest.raises(ConfigError, match=r"lonely\.onnx has no lonely\.onnx\.json beside it"):
        PiperEngine(lone)


def test_missing_model_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        PiperEngine(tmp_path / "nothing.onnx")


def test_no_voice_model_asks_for_one() -> None:
    with pytest.raises(ConfigError, match="piper needs a voice") as caught:
        create_engine("piper")
    assert caught.value.setting == "voice_model"


def test_broken_config_is_named(voice: Path, tmp_path: Path) -> None:
    model = copy_voice(voice, tmp_path / "b")
    Path(f"{model}.json").write_text('{"audio": {}}', encoding="utf-8")
    with pytest.raises(ConfigError, match="not a Piper voice config"):
        PiperEngine(model)


def test_not_an_onnx_file(voice: Path, tmp_path: Path) -> None:
    model = copy_voice(voice, tmp_path / "g")
    model.write_bytes(b"this is not a model")
    with pytest.raises(ConfigError, match="not a loadable ONNX model"):
        PiperEngine(model)


def test_onnx_model_that_is_not_a_voice(voice: Path, tmp_path: Path) -> None:
    import onnx
    from onnx import TensorProto, helper

    graph = helper.make_graph(
        [helper.make_node("Identity", ["x"], ["y"])],
        "other",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1])],
    )
    model = copy_voice(voice, tmp_path / "o")
    other = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    other.ir_version = 8
    onnx.save(other, str(model))
    with pytest.raises(ConfigError, match="not a Piper voice"):
        PiperEngine(model)


# --- registry, options, cache identity ---


def test_created_from_options(multi: Path) -> None:
    engine = create_engine("piper", EngineOptions(voice_model=multi, speaker=1, speed=1.25))
    assert isinstance(engine, PiperEngine) and isinstance(engine, Engine)
    assert engine.name == "piper" and engine.max_chars == 400 and not engine.concurrent
    assert engine.voice == "vi_VN-test-multi#1"


def test_voice_name_must_match_the_model(voice: Path) -> None:
    with pytest.raises(ConfigError, match="give no voice name") as caught:
        create_engine("piper", EngineOptions(voice="vi_VN-vais1000-medium", voice_model=voice))
    assert caught.value.setting == "voice"


def test_version_identifies_voice_speaker_and_speed(voice: Path, multi: Path) -> None:
    assert PiperEngine(voice).version == PiperEngine(voice).version
    assert PiperEngine(voice).version != PiperEngine(voice, speed=1.5).version
    assert PiperEngine(multi, speaker=0).version != PiperEngine(multi, speaker=1).version
    assert PiperEngine(voice).version != PiperEngine(multi).version


def test_check_needs_onnxruntime(monkeypatch: pytest.MonkeyPatch) -> None:
    assert check() is None
    assert ENGINES["piper"].unusable_reason() is None
    assert "voice file" in ENGINES["piper"].description
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    reason = check()
    assert reason is not None and "audionews[piper]" in reason


def test_speed_reaches_piper_through_make(voice: Path, tmp_path: Path) -> None:
    """The bug that ended the CLI's engine branching: --speed was dropped for piper."""
    from audionews.pipeline import make
    from audionews.settings import RenderSettings

    article = tmp_path / "a.txt"
    article.write_text("Tin vắn\n\nHôm nay trời đẹp. Nông dân ra đồng sớm.\n", encoding="utf-8")
    durations = []
    for speed in (1.0, 1.3):
        settings = RenderSettings.build(
            engine="piper", voice_model=voice, speed=speed, output=tmp_path / f"{speed}.wav"
        )
        durations.append(make(article, settings).duration)
    assert durations[1] < durations[0] * 0.9
