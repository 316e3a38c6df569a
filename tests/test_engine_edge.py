"""The edge engine against a local fake of Microsoft's read-aloud websocket service.

The fake is a real websocket server on 127.0.0.1 (aiohttp) that speaks enough of the protocol
(speech.config, ssml, turn.start, audio.metadata, binary audio frames, turn.end); edge-tts's own
client code runs against it, pointed there by patching its endpoint URL.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

import pytest

pytest.importorskip("edge_tts")
aiohttp = pytest.importorskip("aiohttp")
from aiohttp import web  # noqa: E402
from support import fake_mp3  # noqa: E402

from audionews.engines import Engine, EngineOptions, Mark, create_engine  # noqa: E402
from audionews.engines.edge import SAMPLE_RATE, EdgeEngine  # noqa: E402
from audionews.errors import ConfigError, SynthesisError, TransientSynthesisError  # noqa: E402
from audionews.synthesize import RetryPolicy, synthesize_chunks  # noqa: E402

PATH = "/consumer/speech/synthesize/readaloud/edge/v1"
TICKS = 10_000_000
_MP3S: dict[float, bytes] = {}


@dataclass
class Request:
    """What the fake saw of one session."""

    query: dict[str, str]
    config: dict[str, Any]
    ssml: str

    @property
    def text(self) -> str:
        match = re.search(r"<prosody[^>]*>(.*)</prosody>", self.ssml, re.S)
        assert match
        return match.group(1)

    def attr(self, name: str) -> str:
        match = re.search(rf"{name}='([^']*)'", self.ssml)
        assert match
        return match.group(1)


@dataclass
class FakeEdge:
    """A websocket server on 127.0.0.1 that answers like Microsoft's read-aloud service."""

    seconds: float = 0.6
    """Length of the MP3 it sends back."""
    seconds_per_char: float = 0.0
    """When set, the MP3 lasts this long per character of text instead (for benchmarks)."""
    faults: list[str] = field(default_factory=list)
    """One fault per session, consumed in order: 429, 503, 400, drop, noaudio, garbage, hang."""
    requests: list[Request] = field(default_factory=list)
    retry_after: str = "3"
    """Retry-After header sent with 429 and 503."""
    delay: float = 0.0
    """Seconds to think before answering (to see sessions overlap)."""
    port: int = 0
    concurrent_peak: int = 0
    _active: int = 0

    async def handle(self, request: web.Request) -> web.StreamResponse:
        fault = self.faults.pop(0) if self.faults else ""
        if fault in ("429", "503", "400"):
            return web.Response(status=int(fault), headers={"Retry-After": self.retry_after})
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._active += 1
        self.concurrent_peak = max(self.concurrent_peak, self._active)
        try:
            config_msg = await ws.receive_str()
            ssml_msg = await ws.receive_str()
            body = json.loads(config_msg.split("\r\n\r\n", 1)[1])
            seen = Request(dict(request.query), body, ssml_msg.split("\r\n\r\n", 1)[1])
            self.requests.append(seen)
            if fault == "drop":
                await ws.close()
                return ws
            if fault == "hang":
                await ws.receive()  # say nothing until the client gives up
                return ws
            request_id = "0" * 32
            await asyncio.sleep(self.delay)
            await ws.send_str(self._text("turn.start", request_id, '{"context":{}}'))
            opts = body["context"]["synthesis"]["audio"]["metadataoptions"]
            kind = "WordBoundary" if opts["wordBoundaryEnabled"] == "true" else "SentenceBoundary"
            for offset, duration, piece in self._boundaries(seen.text, kind):
                meta = {
                    "Metadata": [
                        {
                            "Type": kind,
                            "Data": {
                                "Offset": offset,
                                "Duration": duration,
                                "text": {"Text": piece, "Length": len(piece), "BoundaryType": kind},
                            },
                        }
                    ]
                }
                await ws.send_str(self._text("audio.metadata", request_id, json.dumps(meta)))
            if fault != "noaudio":
                audio = b"not an mp3 frame" * 40 if fault == "garbage" else self._mp3(seen.text)
                for start in range(0, len(audio), 4096):
                    await ws.send_bytes(self._audio(request_id, audio[start : start + 4096]))
            await ws.send_bytes(self._audio(request_id, b"", content_type=False))
            await ws.send_str(self._text("turn.end", request_id, '{"context":{}}'))
            await ws.receive()  # the client closes
        finally:
            self._active -= 1
        return ws

    def _length(self, ssml_text: str) -> float:
        if self.seconds_per_char:
            return round(len(ssml_text) * self.seconds_per_char, 1)
        return self.seconds

    def _mp3(self, ssml_text: str) -> bytes:
        seconds = self._length(ssml_text)
        if seconds not in _MP3S:
            _MP3S[seconds] = fake_mp3(seconds)
        return _MP3S[seconds]

    def _boundaries(self, ssml_text: str, kind: str) -> Iterator[tuple[int, int, str]]:
        from xml.sax.saxutils import unescape

        text = unescape(ssml_text)
        pieces = (
            text.split() if kind == "WordBoundary" else re.split(r"(?<=[.!?])\s+", text.strip())
        )
        step = int(self._length(ssml_text) * TICKS / max(1, len(pieces)))
        for n, piece in enumerate(pieces):
            yield 500_000 + n * step, step - 1_000_000 // 10, escape(piece)

    @staticmethod
    def _text(path: str, request_id: str, body: str) -> str:
        return (
            f"X-RequestId:{request_id}\r\nContent-Type:application/json; charset=utf-8\r\n"
            f"Path:{path}\r\n\r\n{body}"
        )

    @staticmethod
    def _audio(request_id: str, data: bytes, content_type: bool = True) -> bytes:
        headers = f"X-RequestId:{request_id}\r\n"
        if content_type:
            headers += "Content-Type:audio/mpeg\r\n"
        headers += "Path:audio\r\n"
        raw = headers.encode()
        return len(raw).to_bytes(2, "big") + raw + data


@contextmanager
def serving(server: FakeEdge) -> Iterator[str]:
    """Run ``server`` on a free port of 127.0.0.1 in a thread; yield the URL for edge-tts."""
    from edge_tts.constants import WSS_URL

    loop = asyncio.new_event_loop()
    runner = web.AppRunner(web.Application())
    runner.app.router.add_get(PATH, server.handle)

    async def start() -> None:
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        server.port = runner.addresses[0][1]

    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        asyncio.run_coroutine_threadsafe(start(), loop).result(5)
        token = WSS_URL.split("?", 1)[1]
        yield f"ws://127.0.0.1:{server.port}{PATH}?{token}"
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(5)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeEdge]:
    """Start the fake and point edge-tts at it (its real client code runs)."""
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(var, raising=False)
    server = FakeEdge()
    with serving(server) as url:
        monkeypatch.setattr("edge_tts.communicate.WSS_URL", url)
        yield server


TEXT = "Xin chào các bạn. Hôm nay trời mưa & gió to."


def test_audio_marks_and_request(fake: FakeEdge) -> None:
    audio = EdgeEngine().synthesize(TEXT)
    assert audio.sample_rate == SAMPLE_RATE
    assert 0.5 < audio.duration < 0.75
    assert audio.marks == (
        Mark(0.05, 0.29, "Xin chào các bạn."),
        Mark(0.35, 0.29, "Hôm nay trời mưa & gió to."),
    )
    (req,) = fake.requests
    assert req.text == escape(TEXT)
    assert "vi-VN, HoaiMyNeural" in req.attr("name")
    assert req.attr("rate") == "+0%" and req.attr("pitch") == "+0Hz"
    assert req.config["context"]["synthesis"]["audio"]["outputFormat"].endswith("mono-mp3")
    assert "TrustedClientToken" in req.query and "Sec-MS-GEC" in req.query


def test_marks_lie_inside_the_audio(fake: FakeEdge) -> None:
    audio = EdgeEngine(boundary="WordBoundary").synthesize("Một hai ba bốn.")
    assert [m.text for m in audio.marks] == ["Một", "hai", "ba", "bốn."]
    starts = [m.start for m in audio.marks]
    assert starts == sorted(starts)
    assert all(m.start + m.duration <= audio.duration for m in audio.marks)


def test_voice_rate_and_pitch_reach_the_service(fake: FakeEdge) -> None:
    options = EngineOptions(voice="vi-VN-NamMinhNeural", rate="-15%", pitch="+4Hz")
    create_engine("edge", options).synthesize("Chào.")
    (req,) = fake.requests
    assert "vi-VN, NamMinhNeural" in req.attr("name")
    assert (req.attr("rate"), req.attr("pitch")) == ("-15%", "+4Hz")


@pytest.mark.parametrize("rate,pitch", [("10%", "+0Hz"), ("+0%", "high"), ("fast", "+0Hz")])
def test_bad_rate_or_pitch_is_a_config_error(rate: str, pitch: str) -> None:
    with pytest.raises(ConfigError, match="signed percentage") as caught:
        EdgeEngine(rate=rate, pitch=pitch)
    assert caught.value.setting == ("pitch" if pitch == "high" else "rate")


def test_unknown_voice_is_refused() -> None:
    with pytest.raises(ConfigError, match="HoaiMyNeural"):
        create_engine("edge", EngineOptions(voice="vi-VN-Nobody"))


def test_429_is_transient_and_rate_limited(fake: FakeEdge) -> None:
    fake.faults.append("429")
    with pytest.raises(TransientSynthesisError, match="429") as err:
        EdgeEngine().synthesize("Chào.")
    assert err.value.rate_limited and err.value.retry_after == 3.0
    assert fake.requests == []  # refused at the handshake; the engine made one attempt


def test_server_error_is_transient(fake: FakeEdge) -> None:
    fake.faults.append("503")
    with pytest.raises(TransientSynthesisError, match="503") as err:
        EdgeEngine().synthesize("Chào.")
    assert not err.value.rate_limited


def test_client_error_is_permanent(fake: FakeEdge) -> None:
    fake.faults.append("400")
    with pytest.raises(SynthesisError, match="400") as err:
        EdgeEngine().synthesize("Chào.")
    assert not isinstance(err.value, TransientSynthesisError)


@pytest.mark.parametrize("fault", ["drop", "noaudio"])
def test_dropped_session_or_no_audio_is_transient(fake: FakeEdge, fault: str) -> None:
    fake.faults.append(fault)
    with pytest.raises(TransientSynthesisError):
        EdgeEngine().synthesize("Chào.")


def test_garbage_audio_is_an_error(fake: FakeEdge) -> None:
    fake.faults.append("garbage")
    with pytest.raises(SynthesisError, match="MP3"):
        EdgeEngine().synthesize("Chào.")


def test_silent_service_times_out(fake: FakeEdge) -> None:
    fake.faults.append("hang")
    began = time.monotonic()
    with pytest.raises(TransientSynthesisError, match="did not answer"):
        EdgeEngine(timeout=1).synthesize("Chào.")
    assert time.monotonic() - began < 5


def test_nothing_listening_is_transient(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    monkeypatch.setattr("edge_tts.communicate.WSS_URL", f"ws://127.0.0.1:{port}{PATH}?x=1")
    with pytest.raises(TransientSynthesisError, match="cannot connect"):
        EdgeEngine(timeout=2).synthesize("Chào.")


def test_orchestrator_retries_transient_faults(fake: FakeEdge) -> None:
    fake.faults += ["429", "503"]
    fake.retry_after = "0.2"
    texts = [f"Câu số {n}." for n in range(4)]
    waits: list[float] = []
    audios = synthesize_chunks(
        texts, EdgeEngine(), jobs=2, retry=RetryPolicy(tries=3, backoff=0.01), sleep=waits.append
    )
    assert len(audios) == 4 and all(a.duration > 0.5 for a in audios)
    assert 0.2 <= max(waits) <= 0.2 * 1.25  # the Retry-After, plus jitter
    assert len(waits) == 2
    assert sorted(r.text for r in fake.requests) == texts


def test_orchestrator_runs_sessions_concurrently(fake: FakeEdge) -> None:
    fake.delay = 0.2
    texts = [f"Câu số {n}." for n in range(6)]
    audios = synthesize_chunks(texts, EdgeEngine(), jobs=3)
    assert [a.marks[0].text for a in audios] == texts  # script order kept
    assert fake.concurrent_peak >= 2


def test_called_from_inside_an_event_loop(fake: FakeEdge) -> None:
    async def inside() -> float:
        return EdgeEngine().synthesize("Chào.").duration

    assert asyncio.run(inside()) > 0.5


def test_check_reports_an_unreachable_host(monkeypatch: pytest.MonkeyPatch) -> None:
    from audionews.engines import edge

    def refuse(*args: object, **kwargs: object) -> None:
        raise ConnectionRefusedError("refused")

    monkeypatch.setattr("socket.create_connection", refuse)
    reason = edge.check()
    assert reason is not None and "not reachable" in reason
    assert edge.service_reachable("127.0.0.1", 9)[0] is False


def test_check_probe_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from audionews.engines import edge

    def slow(*args: object, **kwargs: object) -> None:
        time.sleep(0.6)
        raise TimeoutError("too slow")

    monkeypatch.setattr("socket.create_connection", slow)
    began = time.monotonic()
    ok, reason = edge.service_reachable("example.invalid", timeout=0.2)
    assert not ok and "did not answer" in reason
    assert time.monotonic() - began < 1


def test_registered_and_satisfies_the_protocol() -> None:
    engine = create_engine("edge", EngineOptions(timeout=5))
    assert isinstance(engine, EdgeEngine) and isinstance(engine, Engine)
    assert engine.voice == "vi-VN-HoaiMyNeural" and engine.max_chars == 300 and engine.concurrent
    assert engine.timeout == 5


def test_version_names_package_and_prosody() -> None:
    version = EdgeEngine(rate="+5%", pitch="-2Hz").version
    assert version.startswith("edge-tts ") and "rate=+5%" in version and "pitch=-2Hz" in version
