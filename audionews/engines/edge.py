"""Microsoft Edge's online neural voices through the ``edge-tts`` package.

One call is one websocket session with Microsoft's "read aloud" service: edge-tts sends the text
as SSML and streams back MP3 (24 kHz mono) and boundary events (offsets and durations in 100 ns
ticks), which become :attr:`Audio.marks` for exact subtitle timing. edge-tts is asyncio code: each
call runs its own event loop (``asyncio.run``) with a timeout, so calls from several worker
threads are independent (``concurrent = True``).

One attempt per call, like gtts: rate limits (429), server errors (5xx), timeouts, network faults
and dropped connections raise :class:`TransientSynthesisError` for the orchestrator
(:mod:`audionews.synthesize`) to retry; other refusals and protocol changes raise
:class:`SynthesisError`. The MP3 is decoded to PCM with miniaudio.

Needs ``edge-tts`` (``pip install 'audionews[edge]'``), imported only when the engine is used.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import math
import socket
import threading
from typing import Any, Literal

from audionews.defaults import DEFAULT_TIMEOUT
from audionews.engines import ENGINES, Audio, EngineOptions, Mark, decode_mp3
from audionews.errors import (
    ConfigError,
    EngineUnavailable,
    SynthesisError,
    TransientSynthesisError,
)

__all__ = ["EDGE_MAX_CHARS", "SAMPLE_RATE", "VOICES", "EdgeEngine", "check", "create"]

EDGE_MAX_CHARS = ENGINES["edge"].max_chars
SAMPLE_RATE = ENGINES["edge"].sample_rate or 24000
VOICES = ENGINES["edge"].voices
TICKS_PER_SECOND = 10_000_000
PROBE_TIMEOUT = 3.0
INSTALL_HINT = "pip install 'audionews[edge]'"
Boundary = Literal["WordBoundary", "SentenceBoundary"]


def check() -> str | None:
    """Usable when edge-tts imports and the service's host answers within 3 seconds."""
    try:
        from edge_tts.constants import BASE_URL
    except ImportError:
        return f"the edge-tts package is not installed ({INSTALL_HINT})"
    ok, reason = service_reachable(BASE_URL.split("/", 1)[0])
    return None if ok else reason


def service_reachable(
    host: str, port: int = 443, timeout: float = PROBE_TIMEOUT
) -> tuple[bool, str]:
    """Resolve ``host`` and open a TCP connection, all within ``timeout`` seconds.

    Name resolution ignores socket timeouts, so the probe runs in a daemon thread that is
    abandoned when it takes too long.
    """
    result: list[tuple[bool, str]] = []

    def probe() -> None:
        try:
            with socket.create_connection((host, port), timeout=timeout):
                result.append((True, f"{host} answered"))
        except socket.gaierror:
            result.append((False, f"cannot resolve {host} (no internet or no DNS)"))
        except OSError as exc:
            result.append((False, f"{host} is not reachable ({type(exc).__name__})"))

    thread = threading.Thread(target=probe, name="audionews-edge-probe", daemon=True)
    thread.start()
    thread.join(timeout)
    if not result:
        return False, f"{host} did not answer within {timeout:g} s"
    return result[0]


class EdgeEngine:
    """Microsoft Edge's Vietnamese neural voices, 24 kHz mono, with sentence (or word) marks."""

    name = "edge"
    max_chars = EDGE_MAX_CHARS
    sample_rate = SAMPLE_RATE
    concurrent = True
    """Each call opens its own websocket in its own event loop: safe from several threads."""

    def __init__(
        self,
        voice: str = VOICES[0],
        rate: str = "+0%",
        pitch: str = "+0Hz",
        timeout: float = DEFAULT_TIMEOUT,
        boundary: Boundary = "SentenceBoundary",
    ) -> None:
        if voice not in VOICES:
            raise ConfigError(
                f"edge: unknown voice {voice!r}. Its voices: {', '.join(VOICES)}.",
                setting="voice",
            )
        try:
            from edge_tts.data_classes import TTSConfig
        except ImportError as exc:
            raise EngineUnavailable(
                f"edge: the edge-tts package is not installed ({INSTALL_HINT})"
            ) from exc
        try:
            TTSConfig(voice, rate, "+0%", pitch, boundary)
        except ValueError as exc:
            raise ConfigError(
                f"edge: {exc} Give the rate as a signed percentage (e.g. +10% or -20%) and "
                "the pitch in signed hertz (e.g. +5Hz).",
                setting="pitch" if "pitch" in str(exc).lower() else "rate",
            ) from exc
        if not timeout > 0:
            raise ConfigError(f"edge: timeout must be positive, not {timeout}", setting="timeout")
        self.voice = voice
        self.rate = rate
        self.pitch = pitch
        self.timeout = timeout
        self.boundary: Boundary = boundary

    @property
    def version(self) -> str:
        from edge_tts import __version__

        return f"edge-tts {__version__} rate={self.rate} pitch={self.pitch}"

    def synthesize(self, text: str) -> Audio:
        mp3, marks = self._run(text)
        if not mp3:
            raise TransientSynthesisError(
                f"edge: Microsoft's service sent no audio for {text[:60]!r}; it may be busy"
            )
        return Audio(_decode_mp3(mp3), SAMPLE_RATE, tuple(marks))

    def _run(self, text: str) -> tuple[bytes, list[Mark]]:
        """Run one session in a fresh event loop (in a helper thread if this one has a loop)."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return asyncio.run(self._session(text))
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, self._session(text)).result()

    async def _session(self, text: str) -> tuple[bytes, list[Mark]]:
        import aiohttp
        import edge_tts
        from edge_tts import exceptions as edge_errors

        seconds = max(1, math.ceil(self.timeout))
        communicate = edge_tts.Communicate(
            text,
            self.voice,
            rate=self.rate,
            pitch=self.pitch,
            boundary=self.boundary,
            connect_timeout=seconds,
            receive_timeout=seconds,
        )
        audio: list[bytes] = []
        marks: list[Mark] = []

        async def collect() -> None:
            async for message in communicate.stream():
                kind = message["type"]
                if kind == "audio":
                    audio.append(message["data"])
                elif kind in ("WordBoundary", "SentenceBoundary"):
                    marks.append(
                        Mark(
                            start=message["offset"] / TICKS_PER_SECOND,
                            duration=message["duration"] / TICKS_PER_SECOND,
                            text=message["text"],
                        )
                    )

        try:
            # edge-tts's own timeouts cover connecting, not a silent open websocket: bound the
            # whole session.
            await asyncio.wait_for(collect(), timeout=self.timeout)
        except aiohttp.ClientResponseError as exc:  # includes a refused websocket handshake
            raise _http_error(exc) from exc
        except (asyncio.TimeoutError, TimeoutError) as exc:
            raise TransientSynthesisError(
                f"edge: Microsoft's speech service did not answer within {self.timeout:g} s. "
                "Check the network, or wait longer",
                setting="timeout",
            ) from exc
        except (aiohttp.ClientError, OSError, edge_errors.WebSocketError) as exc:
            raise TransientSynthesisError(
                "edge: cannot connect to Microsoft's speech service "
                f"({type(exc).__name__}: {exc}). Check the network or use the offline engine",
                setting="engine",
            ) from exc
        except edge_errors.NoAudioReceived as exc:
            raise TransientSynthesisError(
                f"edge: Microsoft's service sent no audio for {text[:60]!r}; it may be busy"
            ) from exc
        except edge_errors.EdgeTTSException as exc:
            raise SynthesisError(
                f"edge: Microsoft's service answered in a way edge-tts does not understand "
                f"({type(exc).__name__}: {exc}). Upgrade it: pip install -U edge-tts"
            ) from exc
        return b"".join(audio), marks


def _http_error(exc: Any) -> SynthesisError:
    status: int = exc.status
    headers = exc.headers or {}
    if status == 429:
        return TransientSynthesisError(
            "edge: Microsoft is rate-limiting requests (HTTP 429). Wait a few minutes, send "
            "fewer requests at once, or use the offline engine",
            setting="jobs",
            rate_limited=True,
            retry_after=_retry_after(headers.get("Retry-After")),
        )
    if status >= 500:
        return TransientSynthesisError(
            f"edge: Microsoft's speech service failed (HTTP {status}). Try again later",
            retry_after=_retry_after(headers.get("Retry-After")),
        )
    if status == 403:
        return SynthesisError(
            "edge: Microsoft refused the connection (HTTP 403). Its token scheme may have "
            "changed, or the system clock is wrong: upgrade edge-tts (pip install -U edge-tts) "
            "and check the clock"
        )
    return SynthesisError(f"edge: Microsoft refused the request (HTTP {status}: {exc.message})")


def _retry_after(value: str | None) -> float | None:
    """``Retry-After`` in seconds: a number of seconds or an HTTP date."""
    from audionews.synthesize import retry_after_seconds

    return retry_after_seconds(value)


def _decode_mp3(mp3: bytes) -> bytes:
    return decode_mp3(mp3, SAMPLE_RATE, "edge: Microsoft's")


def create(options: EngineOptions) -> EdgeEngine:
    return EdgeEngine(
        voice=options.voice or VOICES[0],
        rate=options.rate,
        pitch=options.pitch,
        timeout=options.timeout,
    )
