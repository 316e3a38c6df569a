"""Speech recognition behind one small interface, for the listen-back check.

A :class:`Recognizer` turns 16-bit mono PCM at its ``sample_rate`` into text. The only real one
is viet-asr (optional extra ``check``), imported when a recognizer is created, never when this
module is imported, so the render path does not pay for it. Anything that satisfies the protocol
(a test's fake, another recognizer) can be given to :func:`audionews.check.check_programme`.

To replace viet-asr: write a class with ``name``, ``sample_rate``, ``version`` and
``transcribe(samples)``, and register its factory in ``RECOGNIZERS`` (see docs/check.md).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

import numpy as np
from numpy.typing import NDArray

from audionews.errors import AudionewsError, EngineUnavailable

__all__ = [
    "DEFAULT_RECOGNIZER",
    "RECOGNIZERS",
    "RecognitionError",
    "Recognizer",
    "RecognizerUnavailable",
    "VietAsrRecognizer",
    "load_recognizer",
    "recognizer_available",
]

DEFAULT_RECOGNIZER = "viet-asr"

# vietasr's native log levels: 0-2 print INFO lines to stderr, 3 and up keep quiet; 4 leaves
# only what the library itself returns as errors (we read those through last_error()).
_VIETASR_QUIET = 4


class RecognizerUnavailable(EngineUnavailable):
    """The speech recognizer the check needs is not installed or cannot start."""


class RecognitionError(AudionewsError, RuntimeError):
    """The recognizer failed on a piece of audio."""

    exit_code = 3


@runtime_checkable
class Recognizer(Protocol):
    """Speech in, text out."""

    name: str
    sample_rate: int
    """The rate ``transcribe`` expects; the check resamples the programme to it."""

    @property
    def version(self) -> str: ...

    def transcribe(self, samples: NDArray[np.int16]) -> str:
        """The words heard in ``samples`` (mono int16 at ``sample_rate``); "" when none."""
        ...


class VietAsrRecognizer:
    """viet-asr (Apache-2.0): an offline Vietnamese model embedded in the wheel, no download."""

    name = "viet-asr"
    sample_rate = 16000

    def __init__(self, preset: str = "transcribe") -> None:
        try:
            from vietasr.ffi import native

            native.lib.vietasr_set_log_level(_VIETASR_QUIET)
            import vietasr

            self._pipeline: Any = vietasr.Pipeline.preset(preset)
        except ImportError as exc:
            raise RecognizerUnavailable(_MISSING) from exc
        except (OSError, RuntimeError) as exc:  # the native library failed to load or build
            raise RecognizerUnavailable(f"viet-asr could not start: {exc}") from exc
        self._version = str(getattr(vietasr, "__version__", "?"))

    @property
    def version(self) -> str:
        return f"viet-asr {self._version}"

    def transcribe(self, samples: NDArray[np.int16]) -> str:
        array = np.ascontiguousarray(samples, dtype=np.int16)
        if array.size == 0:
            return ""
        try:
            result = self._pipeline.transcribe(array, sample_rate=float(self.sample_rate))
        except RuntimeError as exc:
            raise RecognitionError(f"viet-asr failed on {array.size} samples: {exc}") from exc
        return " ".join(str(result.text).split())


_MISSING = (
    "the listen-back check needs the viet-asr speech recognizer, which is not installed: "
    "install audionews's optional extra 'check' (pip install 'audionews[check]')"
)

RECOGNIZERS: dict[str, tuple[str, Callable[[], Recognizer]]] = {
    "viet-asr": ("vietasr", VietAsrRecognizer),
}
"""name -> (module that must be importable, factory)."""


def recognizer_available(name: str = DEFAULT_RECOGNIZER) -> tuple[bool, str]:
    """Whether ``name`` can be created here, and why not; cheap (does not load the model)."""
    if name not in RECOGNIZERS:
        return False, f"unknown recognizer {name!r} (known: {', '.join(RECOGNIZERS)})"
    module, _ = RECOGNIZERS[name]
    if importlib.util.find_spec(module) is None:
        return False, _MISSING
    return True, f"{name} is installed"


def load_recognizer(name: str = DEFAULT_RECOGNIZER) -> Recognizer:
    """Create a recognizer by name (loads its model: ~0.7 s for viet-asr).

    Raises :class:`RecognizerUnavailable` when its package is missing or does not start.
    """
    if name not in RECOGNIZERS:
        raise RecognizerUnavailable(
            f"unknown recognizer {name!r} (known: {', '.join(RECOGNIZERS)})"
        )
    return RECOGNIZERS[name][1]()
