"""The package's exceptions: one base class, specific subclasses that say the cause and the fix."""

from __future__ import annotations


class AudionewsError(Exception):
    """Base class for every error audionews raises on purpose.

    Messages speak in the library's terms; ``setting`` names the setting (a field of
    :class:`audionews.settings.RenderSettings` or :class:`audionews.engines.EngineOptions`)
    that fixes it, so a front end can name its own option for it (the CLI adds ``--flag``).
    """

    exit_code = 1

    def __init__(self, message: str = "", *, setting: str | None = None) -> None:
        super().__init__(message)
        self.setting = setting


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


class TransientSynthesisError(SynthesisError):
    """A failure worth retrying: rate limit (429), server error (5xx), timeout, network fault."""

    def __init__(
        self,
        message: str,
        *,
        rate_limited: bool = False,
        retry_after: float | None = None,
        setting: str | None = None,
    ):
        super().__init__(message, setting=setting)
        self.rate_limited = rate_limited
        """True for HTTP 429: the whole pool should slow down."""
        self.retry_after = retry_after
        """Seconds the server asked us to wait, if it said."""


class Interrupted(AudionewsError):
    """The user stopped the run (Ctrl-C); what was synthesized is kept in the cache."""

    exit_code = 130
