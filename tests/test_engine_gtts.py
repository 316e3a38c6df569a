"""The gtts engine against a fake of Google's endpoint at the HTTP layer (gTTS's code runs)."""

from __future__ import annotations

import base64
import json
import re

import lameenc
import pytest
import requests
import responses
from support import sine_pcm

from audionews.engines import EngineOptions, create_engine
from audionews.engines.google import SAMPLE_RATE, GttsEngine
from audionews.errors import SynthesisError
from audionews.pipeline import choose_engine

URL = re.compile(r"https://translate\.google\.[a-z.]+/_/TranslateWebserverUi/data/batchexecute")


def fake_mp3(seconds: float = 0.5) -> bytes:
    enc = lameenc.Encoder()
    enc.set_bit_rate(32)
    enc.set_in_sample_rate(SAMPLE_RATE)
    enc.set_out_sample_rate(SAMPLE_RATE)
    enc.set_channels(1)
    return bytes(enc.encode(sine_pcm(seconds, SAMPLE_RATE))) + bytes(enc.flush())


def google_body(mp3: bytes) -> str:
    b64 = base64.b64encode(mp3).decode()
    frame = json.dumps(
        [["wrb.fr", "jQ1olc", json.dumps([b64]), None, None, None, "generic"]],
        separators=(",", ":"),
    )
    return ")]}'\n\n" + str(len(frame)) + "\n" + frame + "\n"


def sent_rpc(body: str | bytes | None) -> list[object]:
    """Decode gTTS's f.req form body back to [text, lang, speed, ...]."""
    assert body is not None
    text = body.decode() if isinstance(body, bytes) else body
    assert text.startswith("f.req=")
    outer = json.loads(requests.utils.unquote(text[len("f.req=") :].rstrip("&")))
    inner: list[object] = json.loads(outer[0][0][1])
    return inner


def engine(**kw: object) -> GttsEngine:
    sleeps: list[float] = []
    e = GttsEngine(backoff=0.01, sleep=sleeps.append, **kw)  # type: ignore[arg-type]
    e.sleeps = sleeps  # type: ignore[attr-defined]
    return e


@responses.activate
def test_success_decodes_audio_and_sends_vietnamese() -> None:
    responses.add(responses.POST, URL, body=google_body(fake_mp3(0.5)))
    audio = engine().synthesize("Xin chào các bạn.")
    assert audio.sample_rate == SAMPLE_RATE
    assert 0.4 < audio.duration < 0.7
    assert len(responses.calls) == 1
    assert sent_rpc(responses.calls[0].request.body)[:2] == ["Xin chào các bạn.", "vi"]


@responses.activate
def test_tld_and_slow_reach_the_request() -> None:
    responses.add(responses.POST, URL, body=google_body(fake_mp3(0.2)))
    create_engine("gtts", EngineOptions(tld="com.vn", slow=True, backoff=0)).synthesize("Chào.")
    call = responses.calls[0].request
    assert call.url.startswith("https://translate.google.com.vn/")
    assert sent_rpc(call.body)[2] is True


@responses.activate
def test_429_then_success_is_retried() -> None:
    responses.add(responses.POST, URL, status=429, headers={"Retry-After": "0"})
    responses.add(responses.POST, URL, body=google_body(fake_mp3(0.3)))
    e = engine()
    audio = e.synthesize("Xin chào.")
    assert audio.duration > 0.2
    assert len(responses.calls) == 2
    assert len(e.sleeps) == 1  # type: ignore[attr-defined]


@responses.activate
def test_persistent_429_is_a_clear_error() -> None:
    responses.add(responses.POST, URL, status=429)
    e = engine(retries=3)
    with pytest.raises(SynthesisError, match="429") as err:
        e.synthesize("Xin chào.")
    assert "rate-limiting" in str(err.value)
    assert len(responses.calls) == 3


@responses.activate
def test_server_error() -> None:
    responses.add(responses.POST, URL, status=503)
    with pytest.raises(SynthesisError, match="503"):
        engine(retries=2).synthesize("Xin chào.")
    assert len(responses.calls) == 2


@responses.activate
def test_client_error_is_not_retried() -> None:
    responses.add(responses.POST, URL, status=403)
    with pytest.raises(SynthesisError, match="403"):
        engine(retries=3).synthesize("Xin chào.")
    assert len(responses.calls) == 1


@responses.activate
def test_connection_error() -> None:
    responses.add(responses.POST, URL, body=requests.ConnectionError("network down"))
    with pytest.raises(SynthesisError, match="cannot connect"):
        engine(retries=2).synthesize("Xin chào.")
    assert len(responses.calls) == 2


@responses.activate
def test_200_without_audio_is_an_error_not_silence() -> None:
    responses.add(responses.POST, URL, body=")]}'\n\n5\n[[]]\n")
    with pytest.raises(SynthesisError, match="without audio"):
        engine().synthesize("Xin chào.")


@responses.activate
def test_200_with_garbage_audio_is_an_error() -> None:
    responses.add(responses.POST, URL, body=google_body(b"not an mp3 at all" * 10))
    with pytest.raises(SynthesisError, match="audio"):
        engine().synthesize("Xin chào.")


@responses.activate
def test_auto_picks_gtts_when_google_answers() -> None:
    responses.add(responses.HEAD, "https://translate.google.com/", status=200)
    tts, reason = choose_engine("auto")
    assert tts.name == "gtts"
    assert "auto" in reason


@responses.activate
def test_auto_falls_back_to_espeak_offline() -> None:
    responses.add(
        responses.HEAD, "https://translate.google.com/", body=requests.ConnectionError("offline")
    )
    tts, reason = choose_engine("auto")
    assert tts.name == "espeak"
    assert "offline" in reason
