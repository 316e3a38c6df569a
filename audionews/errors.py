"""The package's exceptions: one base class, specific subclasses that say the cause and the fix."""

from __future__ import annotations


class AudionewsError(Exception):
    """Base class for every error audionews raises on purpose."""

    exit_code = 1


class InputError(AudionewsError, ValueError):
    """The input article cannot be read or understood (empty, binary, wrong encoding, too big)."""

    exit_code = 2


class ConfigError(AudionewsError, ValueError):
    """An option or configuration value is invalid (unknown engine or voice, bad bitrate, ...)."""

    exit_code = 2


class EngineUnavailable(AudionewsError, RuntimeError):
    """A speech engine cannot be used on this machine right now (missing library, no network)."""

    exit_code = 3


class SynthesisError(AudionewsError, RuntimeError):
    """A speech engine failed to turn a piece of text into audio."""

    exit_code = 3


class ExportError(AudionewsError, OSError):
    """The programme could not be encoded or written."""

    exit_code = 4
