"""Stage 5, synthesize: speech engines behind one small typed interface.

An engine turns one chunk of spoken Vietnamese into 16-bit mono PCM. Engines are looked up by
name and imported lazily, so an engine's library costs nothing until it is used.

To add an engine: write a module with a class satisfying :class:`Engine`, and register an
:class:`EngineSpec` in ``ENGINES`` below (its ``load`` imports the module on demand).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol, runtime_checkable

from audionews.audio import Audio, Mark
from audionews.defaults import DEFAULT_TIMEOUT
from audionews.errors import ConfigError

__all__ = [
    "DRAFT_NOTE",
    "ENGINES",
    "Audio",
    "Engine",
    "EngineOptions",
    "EngineSpec",
    "Mark",
    "create_engine",
    "decode_mp3",
    "engine_names",
    "engine_spec",
]


@dataclass(frozen=True)
class EngineOptions:
    """Options an engine may use; each engine ignores the ones that do not apply to it."""

    voice: str | None = None
    """Engine-specific voice name (espeak: vi, vi-VN-x-central, vi-VN-x-south)."""
    tld: str = "com"
    """gtts: Google domain to use (com, com.vn, ...), which can change the accent."""
    slow: bool = False
    """gtts: read slowly."""
    timeout: float = DEFAULT_TIMEOUT
    """Network engines: seconds to wait for one answer."""
    voice_model: Path | None = None
    """piper: the voice file (``NAME.onnx``, with ``NAME.onnx.json`` beside it)."""
    speaker: int | str | None = None
    """piper: speaker number or name in a multi-speaker voice (default: the voice's own)."""
    speed: float = 1.0
    """Engines that pace themselves (``EngineSpec.native_speed``): speaking speed, 1.0 as
    trained; 1.25 is 25% faster. Other engines are time-stretched after synthesis."""
    rate: str = "+0%"
    """edge: speaking rate change, e.g. ``+10%`` or ``-20%``."""
    pitch: str = "+0Hz"
    """edge: pitch change, e.g. ``+5Hz`` or ``-10Hz``."""


@runtime_checkable
class Engine(Protocol):
    """What every speech engine provides."""

    name: str
    max_chars: int
    """Longest chunk of text the engine takes in one call."""
    voice: str
    sample_rate: int
    """Rate of the PCM it returns."""
    concurrent: bool
    """True when calls may run in several threads at once (network engines)."""

    @property
    def version(self) -> str:
        """Engine and voice data version: part of what identifies its audio."""
        ...

    def synthesize(self, text: str) -> Audio:
        """Speak ``text``; raise :class:`audionews.errors.SynthesisError` on failure."""
        ...


@dataclass(frozen=True)
class EngineSpec:
    """A registered engine: its facts, and how to check and create it.

    Everything the rest of the package needs to know about an engine is asked of its spec;
    no other module compares engine names.
    """

    name: str
    description: str
    module: str
    factory: str
    voices: tuple[str, ...]
    """Its voices (the first is the default); for piper, the catalogue voices by name."""
    online: bool
    max_chars: int
    """Longest chunk of text it takes in one call."""
    sample_rate: int | None
    """Rate of its audio; None when it depends on the voice (piper)."""
    native_speed: bool = False
    """It paces its own speech (``EngineOptions.speed``) instead of being time-stretched."""
    reads_english: bool = False
    """It reads English names well; else foreign names are respelled the Vietnamese way."""
    draft: bool = False
    """A draft voice: intelligible enough to check a script, not fit for air."""
    installable_voices: bool = False
    """``voices`` are the catalogue's; any voice installed by name is accepted (piper)."""
    voice_setting: str = "voice"
    """The option that picks another voice of it: ``voice``, or ``speaker`` of one voice file."""
    check: str = "check"
    """Name of a module-level function returning None when usable, else the reason why not."""
    options: tuple[str, ...] = ()
    """The engine-specific ``EngineOptions`` fields it reads (beyond voice and timeout)."""
    extra: dict[str, str] = field(default_factory=dict)

    def load(self) -> Callable[[EngineOptions], Engine]:
        mod = importlib.import_module(self.module)
        factory: Callable[[EngineOptions], Engine] = getattr(mod, self.factory)
        return factory

    def unusable_reason(self) -> str | None:
        """None when the engine can be used now, else a short reason."""
        try:
            mod = importlib.import_module(self.module)
        except ImportError as exc:
            return f"not installed ({exc.name})"
        checker: Callable[[], str | None] = getattr(mod, self.check)
        return checker()

    def with_voice(self, options: EngineOptions, voice: str) -> EngineOptions:
        """``options`` with another of its voices (a speaker number or name for piper)."""
        if self.voice_setting == "speaker":
            return replace(options, speaker=int(voice) if voice.isdigit() else voice)
        return replace(options, voice=voice)

    def with_speed(self, options: EngineOptions, speed: float) -> EngineOptions:
        """``options`` that make it speak at ``speed`` when it paces itself; else unchanged."""
        return replace(options, speed=speed) if self.native_speed else options


ENGINES: dict[str, EngineSpec] = {
    "espeak": EngineSpec(
        name="espeak",
        description="eSpeak NG, embedded and offline (always available; robotic voice)",
        module="audionews.engines.espeak",
        factory="create",
        voices=("vi", "vi-VN-x-central", "vi-VN-x-south"),
        online=False,
        max_chars=600,
        sample_rate=22050,
        draft=True,
    ),
    "gtts": EngineSpec(
        name="gtts",
        description="Google Translate's Vietnamese voice, online (natural voice; needs internet)",
        module="audionews.engines.google",
        factory="create",
        voices=("vi",),
        online=True,
        max_chars=100,
        sample_rate=24000,
        reads_english=True,
        options=("tld", "slow"),
    ),
    "piper": EngineSpec(
        name="piper",
        description="Piper neural voices, offline: an installed catalogue voice by name "
        "(voices download NAME) or a voice file (.onnx with its .onnx.json)",
        module="audionews.engines.piper",
        factory="create",
        voices=("vi_VN-vais1000-medium", "vi_VN-25hours_single-low", "vi_VN-vivos-x_low"),
        online=False,
        max_chars=400,
        sample_rate=None,
        native_speed=True,
        installable_voices=True,
        voice_setting="speaker",
        options=("voice_model", "speaker", "speed"),
    ),
    "edge": EngineSpec(
        name="edge",
        description="Microsoft Edge's neural voices through edge-tts, online (natural voice; "
        "sentence timings; needs internet)",
        module="audionews.engines.edge",
        factory="create",
        voices=("vi-VN-HoaiMyNeural", "vi-VN-NamMinhNeural"),
        online=True,
        max_chars=300,
        sample_rate=24000,
        reads_english=True,
        options=("rate", "pitch"),
    ),
}


DRAFT_NOTE = (
    "a draft voice, not fit for air: for an offline neural voice, download one once "
    "(voices download vi_VN-vais1000-medium) and use engine piper"
)


def engine_spec(name: str) -> EngineSpec:
    """The registered engine called ``name``; a clear error for any other name."""
    spec = ENGINES.get(name)
    if spec is None:
        raise ConfigError(
            f"unknown engine {name!r}. Choose one of: {', '.join(engine_names())}.",
            setting="engine",
        )
    return spec


def decode_mp3(mp3: bytes, sample_rate: int, who: str) -> bytes:
    """An online engine's MP3 answer as 16-bit mono PCM (miniaudio; no ffmpeg needed).

    ``who`` names the engine and service in errors, e.g. "gtts: Google's".
    """
    import miniaudio

    from audionews.errors import SynthesisError

    try:
        decoded = miniaudio.decode(
            mp3,
            output_format=miniaudio.SampleFormat.SIGNED16,
            nchannels=1,
            sample_rate=sample_rate,
        )
    except miniaudio.DecodeError as exc:
        raise SynthesisError(f"{who} answer is not decodable MP3 audio ({exc})") from exc
    pcm: bytes = decoded.samples.tobytes()
    if not pcm:
        raise SynthesisError(f"{who} answer decoded to no audio")
    return pcm


def engine_names() -> list[str]:
    return ["auto", *ENGINES]


def create_engine(name: str, options: EngineOptions | None = None) -> Engine:
    """Create the engine called ``name`` (``auto`` is resolved by ``pipeline.choose_engine``)."""
    spec = engine_spec(name)
    options = options or EngineOptions()
    if (
        options.voice is not None
        and options.voice not in spec.voices
        and not spec.installable_voices
    ):
        raise ConfigError(
            f"engine {name!r} has no voice {options.voice!r}. "
            f"Its voices: {', '.join(spec.voices)}.",
            setting="voice",
        )
    return spec.load()(options)
