"""The gtts engine against a fake of Google's endpoint at the HTTP layer (gTTS's code runs)."""

from __future__ import annotations

import pytest
import requests
import responses
from support import GOOGLE_URL, fake_mp3, google_body, sent_rpc

from audionews.engines import EngineOptions, create_engine
from audionews.engines.google import SAMPLE_RATE, GttsEngine
from audionews.errors import SynthesisError, TransientSynthesisError
from audionews.pipeline import choose_engine

URL = GOOGLE_URL


def engine(**kw: object) -> GttsEngine:
    return GttsEngine(**kw)  # type: ignore[arg-type]


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
    create_engine("gtts", EngineOptions(tld="com.vn", slow=True)).synthesize("Chào.")
    call = responses.calls[0].request
    assert call.url.startswith("https://translate.google.com.vn/")
    assert sent_rpc(call.body)[2] is True


@responses.activate
def test_429_is_transient_and_rate_limited() -> None:
    responses.add(responses.POST, URL, status=429, headers={"Retry-After": "7"})
    with pytest.raises(TransientSynthesisError, match="429") as err:
        engine().synthesize("Xin chào.")
    assert err.value.rate_limited and err.value.retry_after == 7.0
    assert "rate-limiting" in str(err.value)
    assert len(responses.calls) == 1  # the engine makes one attempt; the orchestrator retries


@responses.activate
def test_server_error_is_transient() -> None:
    responses.add(responses.POST, URL, status=503)
    with pytest.raises(TransientSynthesisError, match="503") as err:
        engine().synthesize("Xin chào.")
    assert not err.value.rate_limited


@responses.activate
def test_client_error_is_permanent() -> None:
    responses.add(responses.POST, URL, status=403)
    with pytest.raises(SynthesisError, match="403") as err:
        engine().synthesize("Xin chào.")
    assert not isinstance(err.value, TransientSynthesisError)


@responses.activate
@pytest.mark.parametrize(
    "fault", [requests.ConnectionError("network down"), requests.ReadTimeout("too slow")]
)
def test_connection_error_and_timeout_are_transient(fault: Exception) -> None:
    responses.add(responses.POST, URL, body=fault)
    with pytest.raises(TransientSynthesisError, match="cannot connect"):
        engine().synthesize("Xin chào.")


def test_timeout_reaches_requests(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[object] = []

    def send(self: object, request: object, **kwargs: object) -> None:
        seen.append(kwargs.get("timeout"))
        raise requests.ConnectTimeout("no answer")

    monkeypatch.setattr(requests.Session, "send", send)
    with pytest.raises(TransientSynthesisError):
        GttsEngine(timeout=2.5).synthesize("Xin chào.")
    assert seen == [2.5]


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
