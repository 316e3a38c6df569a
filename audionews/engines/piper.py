"""Piper neural voices (``NAME.onnx`` + ``NAME.onnx.json``) run directly on onnxruntime.

We read the voice format ourselves instead of depending on the ``piper-tts`` package (GPL-3.0,
and it bundles its own eSpeak NG): text becomes eSpeak NG IPA phonemes with
:mod:`audionews.engines.phonemize` (the libespeak-ng the espeak engine already loads), each
phoneme becomes ids through the voice's ``phoneme_id_map`` with Piper's scheme (``^`` first,
``$`` last, ``_`` after every phoneme), and each sentence runs through the model with the
voice's inference scales. The float audio of each sentence is peak-normalized and converted to
16-bit PCM, as Piper does. ``docs/engines.md`` measures the phoneme ids against piper-tts's.

Needs ``onnxruntime`` and ``numpy`` (``pip install 'audionews[piper]'``), imported only when the
engine is used.
"""

from __future__ import annotations

import hashlib
import json
import logging
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audionews.engines import ENGINES, Audio, EngineOptions
from audionews.errors import ConfigError, EngineUnavailable, SynthesisError

__all__ = ["PiperEngine", "VoiceConfig", "check", "create", "phoneme_ids"]

log = logging.getLogger(__name__)

BOS, EOS, PAD = "^", "$", "_"
REQUIRED_INPUTS = ("input", "input_lengths", "scales")
INSTALL_HINT = "pip install 'audionews[piper]'"
VOICES_HINT = (
    "Piper voices are two files, NAME.onnx and NAME.onnx.json, e.g. vi_VN-vais1000-medium "
    "from https://huggingface.co/rhasspy/piper-voices (folder vi/vi_VN)"
)


def check() -> str | None:
    """Usable when onnxruntime imports; a voice file must still be given (``voice_model``)."""
    try:
        import numpy  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError as exc:
        return f"{exc.name} is not installed ({INSTALL_HINT})"
    return None


@dataclass(frozen=True)
class VoiceConfig:
    """What audionews uses from a Piper voice's ``.onnx.json``."""

    sample_rate: int
    espeak_voice: str
    phoneme_id_map: dict[str, tuple[int, ...]]
    phoneme_type: str = "espeak"
    """``espeak`` (IPA from eSpeak NG) or ``text`` (the letters themselves)."""
    num_speakers: int = 1
    speaker_id_map: dict[str, int] | None = None
    noise_scale: float = 0.667
    length_scale: float = 1.0
    noise_w: float = 0.8
    vowel_clusters: tuple[tuple[str, ...], ...] = ()
    """Runs of phonemes the voice treats as one (newer voices); each must be in the id map."""

    def __post_init__(self) -> None:
        if self.sample_rate <= 0:
            raise ValueError("audio.sample_rate must be positive")
        for needed in (BOS, EOS, PAD):
            if needed not in self.phoneme_id_map:
                raise ValueError(f"phoneme_id_map has no {needed!r}")
        if self.phoneme_type not in ("espeak", "text"):
            raise ValueError(
                f"phoneme_type {self.phoneme_type!r} is not supported (only espeak and text)"
            )

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> VoiceConfig:
        inference = raw.get("inference", {})
        return cls(
            sample_rate=int(raw["audio"]["sample_rate"]),
            espeak_voice=str(raw.get("espeak", {}).get("voice", "vi")),
            phoneme_id_map={k: tuple(int(i) for i in v) for k, v in raw["phoneme_id_map"].items()},
            phoneme_type=str(raw.get("phoneme_type", "espeak")),
            num_speakers=int(raw.get("num_speakers", 1)),
            speaker_id_map={str(k): int(v) for k, v in (raw.get("speaker_id_map") or {}).items()},
            noise_scale=float(inference.get("noise_scale", 0.667)),
            length_scale=float(inference.get("length_scale", 1.0)),
            noise_w=float(inference.get("noise_w", 0.8)),
            vowel_clusters=tuple(tuple(c) for c in raw.get("vowel_clusters") or ()),
        )


def load_config(model: Path) -> VoiceConfig:
    """Read ``MODEL.onnx.json`` beside ``model``; ConfigError says what is wrong and the fix."""
    path = model.with_name(model.name + ".json")
    if not path.is_file():
        raise ConfigError(
            f"piper: voice model {model.name} has no {path.name} beside it; download both "
            f"files of the voice. {VOICES_HINT}."
        )
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return VoiceConfig.from_dict(raw)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"piper: cannot read {path}: {exc}. Download it again.") from exc
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(
            f"piper: {path} is not a Piper voice config ({type(exc).__name__}: {exc}). "
            f"{VOICES_HINT}."
        ) from exc


def _merge_clusters(phonemes: list[str], clusters: tuple[tuple[str, ...], ...]) -> list[str]:
    if not clusters:
        return phonemes
    known = set(clusters)
    longest = max(len(c) for c in clusters)
    out: list[str] = []
    i = 0
    while i < len(phonemes):
        for n in range(min(longest, len(phonemes) - i), 1, -1):
            if tuple(phonemes[i : i + n]) in known:
                out.append("".join(phonemes[i : i + n]))
                i += n
                break
        else:
            out.append(phonemes[i])
            i += 1
    return out


def phoneme_ids(
    phonemes: list[str], id_map: dict[str, tuple[int, ...]]
) -> tuple[list[int], set[str]]:
    """Piper's ids: BOS, PAD, then each phoneme followed by PAD, then EOS.

    Returns the ids and the phonemes missing from the map (skipped, as Piper does).
    """
    ids = [*id_map[BOS], *id_map[PAD]]
    missing: set[str] = set()
    for phoneme in phonemes:
        mapped = id_map.get(phoneme)
        if mapped is None:
            missing.add(phoneme)
            continue
        ids.extend(mapped)
        ids.extend(id_map[PAD])
    ids.extend(id_map[EOS])
    return ids, missing


class PiperEngine:
    """A Piper voice on onnxruntime. One sentence per model run; 16-bit mono at the voice's rate.

    Not ``concurrent``: onnxruntime already spreads one run over the CPU cores, and two runs at
    once measured no faster on 2 cores (``benchmarks/engines.py``).
    """

    name = "piper"
    max_chars = ENGINES["piper"].max_chars
    concurrent = False

    def __init__(
        self, model: Path | str, speaker: int | str | None = None, speed: float = 1.0
    ) -> None:
        model = Path(model).expanduser()
        if not model.is_file():
            raise ConfigError(
                f"piper: voice model {model} does not exist. Give the path of a .onnx voice "
                f"file. {VOICES_HINT}.",
                setting="voice_model",
            )
        if not speed > 0:
            raise ConfigError(f"piper: speed must be positive, not {speed}", setting="speed")
        self.model = model
        self.config = load_config(model)
        self.speed = speed
        self.speaker_id = self._speaker_id(speaker)
        self.sample_rate = self.config.sample_rate
        self.voice = model.name.removesuffix(".onnx")
        if self.speaker_id is not None:
            self.voice += f"#{self.speaker_id}"
        self._session = self._open_session()
        self._warned: set[str] = set()
        self._version: str | None = None

    def _speaker_id(self, speaker: int | str | None) -> int | None:
        cfg = self.config
        if cfg.num_speakers <= 1:
            if speaker not in (None, 0, "0"):
                raise ConfigError(
                    f"piper: voice {self.model.name} has one speaker; give no speaker",
                    setting="speaker",
                )
            return None
        if speaker is None:
            return 0
        names = cfg.speaker_id_map or {}
        if isinstance(speaker, str) and not speaker.isdigit():
            if speaker in names:
                return names[speaker]
            listed = ", ".join(f"{n} ({i})" for n, i in sorted(names.items(), key=lambda x: x[1]))
            raise ConfigError(
                f"piper: voice {self.model.name} has no speaker {speaker!r}. "
                f"Its speakers: {listed or f'0 to {cfg.num_speakers - 1}'}.",
                setting="speaker",
            )
        number = int(speaker)
        if not 0 <= number < cfg.num_speakers:
            raise ConfigError(
                f"piper: voice {self.model.name} has speakers 0 to {cfg.num_speakers - 1}, "
                f"not {number}.",
                setting="speaker",
            )
        return number

    def _open_session(self) -> Any:
        try:
            import onnxruntime
        except ImportError as exc:
            raise EngineUnavailable(
                f"piper: onnxruntime is not installed. Run: {INSTALL_HINT}"
            ) from exc
        try:
            session = onnxruntime.InferenceSession(
                str(self.model), providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # onnxruntime raises its own untyped errors
            raise ConfigError(
                f"piper: {self.model} is not a loadable ONNX model ({exc}). "
                "Download the voice again."
            ) from exc
        inputs = {i.name for i in session.get_inputs()}
        missing = [name for name in REQUIRED_INPUTS if name not in inputs]
        if missing:
            raise ConfigError(
                f"piper: {self.model.name} is not a Piper voice (no model input "
                f"{', '.join(missing)}). {VOICES_HINT}."
            )
        if self.speaker_id is not None and "sid" not in inputs:
            raise ConfigError(
                f"piper: {self.model.name}.json says {self.config.num_speakers} speakers but "
                "the model takes no speaker id; the two files do not belong together."
            )
        self._takes_sid = "sid" in inputs
        return session

    @property
    def version(self) -> str:
        """Voice files' content, speaker, speed and the phonemizer: what changes the audio."""
        if self._version is None:
            digest = hashlib.sha256()
            for path in (self.model, self.model.with_name(self.model.name + ".json")):
                with path.open("rb") as f:
                    for block in iter(lambda: f.read(1 << 20), b""):
                        digest.update(block)
            phonemes = "text"
            if self.config.phoneme_type != "text":
                from audionews.engines.espeak import shared_library

                phonemes = f"espeak-ng {shared_library().version}"
            self._version = (
                f"piper-onnx voice={digest.hexdigest()[:16]} speaker={self.speaker_id} "
                f"speed={self.speed:g} phonemes={phonemes}"
            )
        return self._version

    def phonemes(self, text: str) -> list[list[str]]:
        """Phonemes of each sentence of ``text``, as this voice expects them."""
        if self.config.phoneme_type == "text":
            sentences = [list(unicodedata.normalize("NFD", text))]
        else:
            from audionews.engines.phonemize import phonemize

            sentences = phonemize(text, self.config.espeak_voice)
        return [_merge_clusters(s, self.config.vowel_clusters) for s in sentences if s]

    def sentence_ids(self, text: str) -> list[list[int]]:
        """Model input ids of each sentence of ``text``."""
        out: list[list[int]] = []
        for sentence in self.phonemes(text):
            ids, missing = phoneme_ids(sentence, self.config.phoneme_id_map)
            new = missing - self._warned
            if new:
                self._warned |= new
                log.warning(
                    "piper: voice %s has no id for phoneme(s) %s; skipped",
                    self.voice,
                    " ".join(sorted(new)),
                )
            out.append(ids)
        return out

    def synthesize(self, text: str) -> Audio:
        import numpy as np

        cfg = self.config
        scales = np.array(
            [cfg.noise_scale, cfg.length_scale / self.speed, cfg.noise_w], dtype=np.float32
        )
        pieces: list[bytes] = []
        for ids in self.sentence_ids(text):
            feed: dict[str, Any] = {
                "input": np.array([ids], dtype=np.int64),
                "input_lengths": np.array([len(ids)], dtype=np.int64),
                "scales": scales,
            }
            if self._takes_sid:
                feed["sid"] = np.array([self.speaker_id or 0], dtype=np.int64)
            try:
                result = self._session.run(None, feed)
            except Exception as exc:  # onnxruntime raises its own untyped errors
                raise SynthesisError(
                    f"piper: voice {self.voice} failed on {text[:60]!r}: {exc}"
                ) from exc
            audio = np.asarray(result[0], dtype=np.float32).reshape(-1)
            peak = float(np.max(np.abs(audio))) if audio.size else 0.0
            audio = audio / peak if peak > 1e-8 else np.zeros_like(audio)
            pcm = np.clip(audio * 32767.0, -32767.0, 32767.0).astype("<i2")
            pieces.append(pcm.tobytes())
        joined = b"".join(pieces)
        if not joined and text.strip():
            raise SynthesisError(
                f"piper: voice {self.voice} produced no audio for {text[:60]!r} (no phonemes "
                "it knows). Is it a voice for this language?"
            )
        return Audio(joined, self.sample_rate)


def create(options: EngineOptions) -> PiperEngine:
    model = options.voice_model
    if model is None and options.voice is not None:  # an installed voice, by name
        from audionews.voices import voice_path

        model = voice_path(options.voice)
        if model is None:
            raise ConfigError(
                f"piper: voice {options.voice} is not installed. Download it once (the voices "
                "download command), or give a voice file.",
                setting="voice",
            )
    if model is None:
        raise ConfigError(
            "piper needs a voice: the name of an installed one (see the voices list command) or "
            f"a voice file, a PATH.onnx with its .onnx.json beside it. {VOICES_HINT}.",
            setting="voice_model",
        )
    engine = PiperEngine(model, speaker=options.speaker, speed=options.speed)
    base = engine.voice.split("#", 1)[0]
    if options.voice is not None and options.voice != base:
        raise ConfigError(
            f"piper: voice {options.voice} does not match the voice file {engine.model.name}; "
            "a Piper voice is chosen by its file, so give no voice name.",
            setting="voice",
        )
    return engine
