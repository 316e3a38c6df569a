"""eSpeak NG through the ``espeakng-loader`` wheel (libespeak-ng + its data), via ctypes.

libespeak-ng keeps global state and is not thread-safe: every call goes through one process-wide
lock. It is initialised once per process with the wheel's data path and the
``espeakINITIALIZE_DONT_EXIT`` flag, so a bad data path returns an error instead of exit(1).
"""

from __future__ import annotations

import contextlib
import ctypes
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from audionews.engines import ENGINES, Audio, EngineOptions
from audionews.errors import EngineUnavailable, SynthesisError

__all__ = ["EspeakEngine", "Library", "check", "create", "shared_library"]

_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_DONT_EXIT = 0x8000
_CHARS_UTF8 = 1
_ENDPAUSE = 0x1000
_POS_CHARACTER = 1
_EE_OK = 0
_RATE = 1
VOICES = ENGINES["espeak"].voices

_SYNTH_CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)


@dataclass(frozen=True)
class Library:
    """libespeak-ng, loaded and initialised once per process. Hold ``lock`` around every call:
    the library keeps global state and is not thread-safe."""

    lib: Any
    sample_rate: int
    version: str
    lock: threading.Lock


_lock = threading.Lock()
_shared: list[Library] = []


def shared_library() -> Library:
    """The process-wide eSpeak NG handle (also used by the Piper phonemizer)."""
    with _lock:
        if not _shared:
            _shared.append(_load())
        return _shared[0]


def _load() -> Library:
    try:
        import espeakng_loader
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise EngineUnavailable(
            "espeak: the espeakng-loader package is not installed. Run: pip install espeakng-loader"
        ) from exc
    lib_path = str(espeakng_loader.get_library_path())
    data_path = str(espeakng_loader.get_data_path())
    try:
        lib = ctypes.cdll.LoadLibrary(lib_path)
    except OSError as exc:
        raise EngineUnavailable(f"espeak: cannot load {lib_path}: {exc}") from exc
    lib.espeak_Initialize.restype = ctypes.c_int
    lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    lib.espeak_SetVoiceByName.restype = ctypes.c_int
    lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
    lib.espeak_SetParameter.restype = ctypes.c_int
    lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
    lib.espeak_SetSynthCallback.restype = None
    lib.espeak_SetSynthCallback.argtypes = [_SYNTH_CALLBACK]
    lib.espeak_Synth.restype = ctypes.c_int
    lib.espeak_Synth.argtypes = [
        ctypes.c_void_p,
        ctypes.c_size_t,
        ctypes.c_uint,
        ctypes.c_int,
        ctypes.c_uint,
        ctypes.c_uint,
        ctypes.c_void_p,
        ctypes.c_void_p,
    ]
    lib.espeak_Info.restype = ctypes.c_char_p
    lib.espeak_Info.argtypes = [ctypes.c_void_p]
    rate = lib.espeak_Initialize(
        _AUDIO_OUTPUT_SYNCHRONOUS, 0, data_path.encode(), _INITIALIZE_DONT_EXIT
    )
    if rate <= 0:
        raise EngineUnavailable(
            f"espeak: libespeak-ng failed to initialise with data at {data_path}. "
            "Reinstall the espeakng-loader package."
        )
    version = (lib.espeak_Info(None) or b"?").decode()
    return Library(lib, rate, version, threading.Lock())


def check() -> str | None:
    """None when eSpeak NG can be used, else why not."""
    try:
        shared_library()
    except EngineUnavailable as exc:
        return str(exc)
    return None


class EspeakEngine:
    """eSpeak NG, Vietnamese voices, 22050 Hz mono."""

    name = "espeak"
    max_chars = ENGINES["espeak"].max_chars
    concurrent = False

    def __init__(self, voice: str = "vi", rate_wpm: int | None = None) -> None:
        if voice not in VOICES:
            raise ValueError(f"unknown espeak voice {voice!r}")
        self.voice = voice
        self.rate_wpm = rate_wpm
        self._library = shared_library()
        self.sample_rate = self._library.sample_rate

    @property
    def version(self) -> str:
        return f"espeak-ng {self._library.version}"

    def synthesize(self, text: str) -> Audio:
        data = text.encode("utf-8")
        chunks: list[bytes] = []
        stop = _Stop()

        def on_audio(wav: Any, numsamples: int, _events: Any) -> int:
            # Never let an exception out of a ctypes callback: ctypes would print "Exception
            # ignored" and eSpeak would go on as if nothing happened. Record it, abort (1).
            try:
                if stop.raised is not None or stop.signalled:
                    return 1
                if numsamples > 0 and wav:
                    chunks.append(ctypes.string_at(wav, numsamples * 2))
                return 0
            except BaseException as exc:
                stop.raised = exc
                return 1

        callback = _SYNTH_CALLBACK(on_audio)
        buf = ctypes.create_string_buffer(data)
        library = self._library
        lib, rate = library.lib, library.sample_rate
        with library.lock, _sigint_as_flag(stop):
            lib.espeak_SetSynthCallback(callback)
            if lib.espeak_SetVoiceByName(self.voice.encode()) != _EE_OK:
                raise SynthesisError(f"espeak: voice {self.voice!r} is missing from the data")
            if self.rate_wpm is not None:
                lib.espeak_SetParameter(_RATE, self.rate_wpm, 0)
            err = lib.espeak_Synth(
                ctypes.cast(buf, ctypes.c_void_p),
                len(data) + 1,
                0,
                _POS_CHARACTER,
                0,
                _CHARS_UTF8 | _ENDPAUSE,
                None,
                None,
            )
        # Interrupted or failed inside the callback: the audio is partial, never returned (so
        # never cached).
        if stop.raised is not None:
            raise stop.raised
        if stop.signalled:
            raise KeyboardInterrupt
        if err != _EE_OK:
            raise SynthesisError(f"espeak: synthesis failed (error {err}) for: {text[:60]!r}")
        pcm = b"".join(chunks)
        if not pcm and text.strip():
            raise SynthesisError(f"espeak: produced no audio for: {text[:60]!r}")
        return Audio(pcm, rate)


class _Stop:
    """Why a synthesis must stop: an exception raised in the callback, or Ctrl-C."""

    def __init__(self) -> None:
        self.raised: BaseException | None = None
        self.signalled = False


@contextlib.contextmanager
def _sigint_as_flag(stop: _Stop) -> Iterator[None]:
    """While eSpeak runs in the main thread, Ctrl-C sets a flag instead of raising.

    Python runs signal handlers between bytecodes, which during synthesis means inside the audio
    callback, where a KeyboardInterrupt would be swallowed by ctypes. The flag makes the callback
    abort the synthesis; the caller raises KeyboardInterrupt once eSpeak has returned.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # signals are delivered to the main thread only
        return
    try:
        previous = signal.getsignal(signal.SIGINT)
    except (ValueError, OSError):  # pragma: no cover - no signals here
        yield
        return
    if previous is not signal.default_int_handler:
        yield  # someone else's handler: leave it alone
        return

    def flag(_signum: int, _frame: object) -> None:
        stop.signalled = True

    signal.signal(signal.SIGINT, flag)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def create(options: EngineOptions) -> EspeakEngine:
    return EspeakEngine(voice=options.voice or "vi")
