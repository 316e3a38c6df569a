"""Google Translate's Vietnamese voice through the ``gtts`` package (online).

gTTS sends one request per <=100-character piece and returns MP3 (24 kHz mono). We give it chunks
that already fit 100 characters (one request each) and a timeout; rate limits (429), server
errors (5xx) and network faults raise TransientSynthesisError for the orchestrator to retry.
A 200 answer without audio is an error, never silence. The MP3 is decoded to PCM with
miniaudio (no ffmpeg needed).
"""

from __future__ import annotations

import logging

from audionews.defaults import DEFAULT_TIMEOUT
from audionews.engines import ENGINES, Audio, EngineOptions, decode_mp3
from audionews.errors import SynthesisError, TransientSynthesisError

__all__ = ["GOOGLE_MAX_CHARS", "GttsEngine", "check", "create", "endpoint_reachable"]

log = logging.getLogger(__name__)

GOOGLE_MAX_CHARS = ENGINES["gtts"].max_chars
SAMPLE_RATE = ENGINES["gtts"].sample_rate or 24000


def check() -> str | None:
    """gTTS is usable when the package imports and Google's endpoint answers."""
    try:
        import gtts  # noqa: F401
    except ImportError:  # pragma: no cover - a declared dependency
        return "the gtts package is not installed (pip install gtts)"
    ok, reason = endpoint_reachable()
    return None if ok else reason


def endpoint_reachable(tld: str = "com", timeout: float = 3.0) -> tuple[bool, str]:
    """Probe Google's TTS host quickly. Returns (reachable, reason)."""
    import requests

    url = f"https://translate.google.{tld}/"
    try:
        r = requests.head(url, timeout=timeout, allow_redirects=False)
    except requests.RequestException as exc:
        return False, f"Google's TTS endpoint is not reachable ({type(exc).__name__})"
    if r.status_code >= 500:
        return False, f"Google's TTS endpoint answered {r.status_code}"
    return True, f"Google's TTS endpoint answered ({r.status_code})"


class GttsEngine:
    """Google Translate TTS, Vietnamese, 24 kHz mono. One attempt per call: retries, pacing and
    concurrency are the orchestrator's (:mod:`audionews.synthesize`)."""

    name = "gtts"
    max_chars = GOOGLE_MAX_CHARS
    voice = "vi"
    sample_rate = SAMPLE_RATE
    concurrent = True
    """Each call uses its own HTTP session: safe to run from several threads."""

    def __init__(
        self, tld: str = "com", slow: bool = False, timeout: float = DEFAULT_TIMEOUT
    ) -> None:
        self.tld = tld
        self.slow = slow
        self.timeout = timeout

    @property
    def version(self) -> str:
        from gtts import __version__

        return f"gtts {__version__} tld={self.tld} slow={self.slow}"

    def synthesize(self, text: str) -> Audio:
        from gtts import gTTS, gTTSError

        try:
            tts = gTTS(
                text,
                lang="vi",
                tld=self.tld,
                slow=self.slow,
                lang_check=False,
                pre_processor_funcs=[],
                timeout=self.timeout,
            )
            mp3 = b"".join(tts.stream())
        except gTTSError as exc:
            rsp = getattr(exc, "rsp", None)
            status = getattr(rsp, "status_code", None)
            message = f"gtts: {_describe(status, exc)}"
            if _retryable(status):
                raise TransientSynthesisError(
                    message,
                    rate_limited=status == 429,
                    retry_after=_retry_after(rsp),
                    setting="engine",
                ) from exc
            raise SynthesisError(message, setting="engine") from exc
        if not mp3:
            raise SynthesisError(
                "gtts: Google answered without audio for: "
                f"{text[:60]!r}. The service may have changed; use another engine.",
                setting="engine",
            )
        return Audio(_decode_mp3(mp3), SAMPLE_RATE)


def _retry_after(rsp: object) -> float | None:
    """The answer's ``Retry-After`` in seconds (a number of seconds or an HTTP date)."""
    from audionews.synthesize import retry_after_seconds

    headers = getattr(rsp, "headers", None) if rsp is not None else None
    value = headers.get("Retry-After") if headers is not None else None
    return retry_after_seconds(value if isinstance(value, str) else None)


def _retryable(status: int | None) -> bool:
    return status is None or status == 429 or status >= 500


def _describe(status: int | None, exc: Exception) -> str:
    if status == 429:
        return (
            "Google is rate-limiting requests (HTTP 429). Wait a few minutes or use the offline "
            "engine"
        )
    if status is not None and status >= 500:
        return f"Google's TTS server failed (HTTP {status}). Try again later"
    if status is not None:
        return f"Google refused the request (HTTP {status}): {exc}"
    return "cannot connect to Google's TTS endpoint. Check the network or use the offline engine"


def _decode_mp3(mp3: bytes) -> bytes:
    return decode_mp3(mp3, SAMPLE_RATE, "gtts: Google's")


def create(options: EngineOptions) -> GttsEngine:
    return GttsEngine(tld=options.tld, slow=options.slow, timeout=options.timeout)
