"""Concurrency, cache, resume, retries and re-render against a fake Google endpoint."""

from __future__ import annotations

import os
import random
import signal
import threading
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import requests
import responses
from support import GOOGLE_URL, fake_mp3, google_body, sent_rpc

from audionews.cache import ChunkCache
from audionews.engines import Audio
from audionews.engines.google import GttsEngine, _decode_mp3
from audionews.errors import Interrupted, SynthesisError
from audionews.pipeline import RenderSettings, make
from audionews.synthesize import (
    RetryPolicy,
    SynthesisProgress,
    SynthesisStats,
    Throttle,
    synthesize_chunks,
)

NO_WAIT = RetryPolicy(tries=4, backoff=0.0, jitter=0.0)
TEXTS = [f"Câu số {i} của bản tin hôm nay." + " thêm" * (i % 5) for i in range(12)]


def seconds_for(text: str) -> float:
    """Each text gets its own audio length, so order can be checked from durations."""
    return 0.1 + 0.02 * len(text) / 5


class FakeGoogle:
    """A controllable fake of Google's endpoint: latency, failures per text, concurrency seen."""

    def __init__(self, latency: float = 0.0, failures: dict[str, list[object]] | None = None):
        self.latency = latency
        self.failures = failures or {}
        self.requests: list[str] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self.audio: dict[str, bytes] = {}

    def __call__(self, request: requests.PreparedRequest) -> tuple[int, dict[str, str], str]:
        text = str(sent_rpc(request.body)[0])
        with self._lock:
            self.requests.append(text)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            plan = self.failures.get(text)
            outcome = plan.pop(0) if plan else 200
        try:
            if self.latency:
                time.sleep(self.latency * (0.5 + random.random()))
            if isinstance(outcome, Exception):
                raise outcome
            if isinstance(outcome, tuple):  # (status, Retry-After)
                return int(outcome[0]), {"Retry-After": str(outcome[1])}, ""
            if outcome != 200:
                return int(outcome), {"Retry-After": "0"}, ""  # type: ignore[call-overload]
            if text not in self.audio:
                self.audio[text] = fake_mp3(seconds_for(text))
            return 200, {}, google_body(self.audio[text])
        finally:
            with self._lock:
                self.in_flight -= 1

    def install(self, rsps: responses.RequestsMock) -> FakeGoogle:
        rsps.add_callback(responses.POST, GOOGLE_URL, callback=self)
        return self


@pytest.fixture
def google():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        yield lambda **kw: FakeGoogle(**kw).install(rsps)


@pytest.fixture
def cache(tmp_path: Path) -> ChunkCache:
    return ChunkCache(tmp_path / "cache")


def test_order_is_kept_under_concurrency(google, cache: ChunkCache) -> None:
    fake = google(latency=0.03)
    clips = synthesize_chunks(TEXTS, GttsEngine(), cache=cache, jobs=4, retry=NO_WAIT)
    assert fake.max_in_flight > 1
    assert len(fake.requests) == len(TEXTS)
    for text, clip in zip(TEXTS, clips, strict=True):
        assert clip.pcm == _decode_mp3(fake.audio[text])  # each chunk got its own answer


def test_jobs_bounds_requests_in_flight(google, cache: ChunkCache) -> None:
    fake = google(latency=0.02)
    synthesize_chunks(TEXTS, GttsEngine(), cache=cache, jobs=2, retry=NO_WAIT)
    assert fake.max_in_flight <= 2


def test_429_then_success_slows_the_pool(google, cache: ChunkCache) -> None:
    fake = google(failures={TEXTS[3]: [429, 429]})
    stats = SynthesisStats()
    clips = synthesize_chunks(TEXTS, GttsEngine(), cache=cache, retry=NO_WAIT, stats=stats)
    assert len(clips) == len(TEXTS)
    assert stats.retries == 2 and stats.rate_limited == 2
    assert Counter(fake.requests)[TEXTS[3]] == 3


def test_timeout_then_success(google, cache: ChunkCache) -> None:
    fake = google(failures={TEXTS[0]: [requests.ReadTimeout("slow"), requests.ConnectionError()]})
    clips = synthesize_chunks(TEXTS[:2], GttsEngine(), cache=cache, retry=NO_WAIT)
    assert len(clips) == 2
    assert Counter(fake.requests)[TEXTS[0]] == 3


def test_persistent_500_fails_cleanly_then_resumes(google, cache: ChunkCache) -> None:
    fake = google(failures={TEXTS[5]: [500] * 10})
    with pytest.raises(SynthesisError) as err:
        synthesize_chunks(TEXTS, GttsEngine(), cache=cache, jobs=1, retry=NO_WAIT)
    message = str(err.value)
    assert "500" in message and "gave up after 4 tries" in message
    assert "chunk 6 of 12" in message and "Run the same command again" in message
    assert cache.info().entries == 5  # chunks 1-5 finished and were kept

    fake.failures.clear()
    fake.requests.clear()
    stats = SynthesisStats()
    clips = synthesize_chunks(TEXTS, GttsEngine(), cache=cache, retry=NO_WAIT, stats=stats)
    assert len(clips) == len(TEXTS)
    assert stats.cached == 5
    assert sorted(fake.requests) == sorted(TEXTS[5:])  # only what was missing


def _wait_for_workers(timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while any(t.name.startswith("audionews-tts") for t in threading.enumerate()):
        assert time.monotonic() < deadline, "synthesis workers still running"
        time.sleep(0.01)


def test_ctrl_c_keeps_finished_chunks_and_says_so(google, cache: ChunkCache) -> None:
    fake = google(latency=0.01)

    def stop_after_four(p: SynthesisProgress) -> None:
        if p.done >= 4:
            raise KeyboardInterrupt

    with pytest.raises(Interrupted) as err:
        synthesize_chunks(
            TEXTS, GttsEngine(), cache=cache, jobs=2, retry=NO_WAIT, progress=stop_after_four
        )
    assert "interrupted" in str(err.value) and "Run the same command again" in str(err.value)
    assert err.value.exit_code == 130
    _wait_for_workers()  # requests in flight finish and land in the cache
    kept = cache.info().entries
    assert kept >= 4

    fake.requests.clear()
    synthesize_chunks(TEXTS, GttsEngine(), cache=cache, retry=NO_WAIT)
    assert len(fake.requests) == len(TEXTS) - kept


def test_corrupt_cache_entry_is_resynthesized_not_played(google, cache: ChunkCache) -> None:
    fake = google()
    first = synthesize_chunks(TEXTS[:3], GttsEngine(), cache=cache, retry=NO_WAIT)
    entry = next(iter(sorted(cache.root.glob("*/*.pcm"))))
    data = bytearray(entry.read_bytes())
    data[100] ^= 0xFF  # flip bits in the audio: the checksum no longer matches
    entry.write_bytes(bytes(data))
    fake.requests.clear()
    second = synthesize_chunks(TEXTS[:3], GttsEngine(), cache=cache, retry=NO_WAIT)
    assert len(fake.requests) == 1
    assert cache.corrupt == 1
    assert [a.pcm for a in second] == [a.pcm for a in first]


def test_truncated_and_foreign_entries_are_misses(tmp_path: Path) -> None:
    cache = ChunkCache(tmp_path)
    key = ChunkCache.key("gtts", "v1", "vi", "xin chào")
    cache.put(key, Audio(b"\x01\x02" * 50, 24000))
    path = next(tmp_path.glob("*/*.pcm"))
    path.write_bytes(path.read_bytes()[:-10])
    assert cache.get(key) is None and not path.exists()
    cache.put(key, Audio(b"\x01\x02" * 50, 24000))
    assert cache.get(key) == Audio(b"\x01\x02" * 50, 24000)
    assert cache.clear() == 1 and cache.info().entries == 0


def test_key_changes_with_everything_that_changes_audio() -> None:
    base = ChunkCache.key("gtts", "gtts 2.5.4 tld=com slow=False", "vi", "Xin chào.")
    assert (
        len(
            {
                base,
                ChunkCache.key("espeak", "gtts 2.5.4 tld=com slow=False", "vi", "Xin chào."),
                ChunkCache.key("gtts", "gtts 2.5.4 tld=com.vn slow=False", "vi", "Xin chào."),
                ChunkCache.key("gtts", "gtts 2.5.4 tld=com slow=True", "vi", "Xin chào."),
                ChunkCache.key("gtts", "gtts 2.5.4 tld=com slow=False", "vi-x", "Xin chào."),
                ChunkCache.key("gtts", "gtts 2.5.4 tld=com slow=False", "vi", "Xin chào!"),
            }
        )
        == 6
    )


def test_throttle_halves_and_recovers() -> None:
    now = [0.0]
    t = Throttle(4, recover_after=2, clock=lambda: now[0])
    t.rate_limited(0.0)
    assert t.limit == 2
    t.rate_limited(0.0)
    assert t.limit == 1
    for _ in range(6):
        t.succeeded()
    assert t.limit == 4


ARTICLE = """Giá lúa tăng mạnh ở Đồng Tháp

05/01/2024

 - Giá lúa hôm nay tăng mạnh so với tuần trước, nông dân phấn khởi.

Thị trường sôi động

Thương lái đổ về các huyện để thu mua lúa. Nhiều ghe hàng xếp hàng chờ ở bến.

Các doanh nghiệp xuất khẩu cũng tăng mua. Giá gạo xuất khẩu đứng ở mức cao.

Dự báo thời gian tới

Giá lúa được dự báo còn tăng trong những tuần tới.

MINH TRÍ
"""


def test_edit_one_paragraph_rerenders_only_its_chunks(google, tmp_path: Path) -> None:
    fake = google()
    src = tmp_path / "bai.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    settings = RenderSettings(cache_dir=tmp_path / "cache", retry=NO_WAIT)
    first = make(src, output=tmp_path / "a.mp3", engine="gtts", settings=settings)
    assert first.cached == 0 and len(fake.requests) == first.chunks

    src.write_text(
        ARTICLE.replace("Giá gạo xuất khẩu đứng ở mức cao.", "Giá gạo xuất khẩu lập kỷ lục mới."),
        encoding="utf-8",
    )
    fake.requests.clear()
    second = make(src, output=tmp_path / "a.mp3", engine="gtts", settings=settings)
    assert len(fake.requests) == 1
    assert "kỷ lục" in fake.requests[0]
    assert second.cached == second.chunks - 1


def test_no_cache_keeps_nothing(google, tmp_path: Path) -> None:
    fake = google()
    src = tmp_path / "bai.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    settings = RenderSettings(use_cache=False, retry=NO_WAIT, cache_dir=tmp_path / "c")
    make(src, output=tmp_path / "a.mp3", engine="gtts", settings=settings)
    make(src, output=tmp_path / "a.mp3", engine="gtts", settings=settings)
    assert len(fake.requests) == 2 * len(set(fake.requests))
    assert not (tmp_path / "c").exists()


def test_failed_render_writes_no_output(google, tmp_path: Path) -> None:
    google(failures={"Giá lúa tăng mạnh ở Đồng Tháp.": [503] * 10})
    src = tmp_path / "bai.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "a.mp3"
    settings = RenderSettings(cache_dir=tmp_path / "cache", retry=NO_WAIT)
    with pytest.raises(SynthesisError, match="503"):
        make(src, output=out, engine="gtts", settings=settings)
    assert not out.exists()


# --- issue #17: Ctrl-C during eSpeak stops the run, and nothing partial is cached -----------

LONG = "Giá lúa hôm nay tăng mạnh so với tuần trước, nông dân rất phấn khởi. " * 6


def _interrupt_on_call(monkeypatch: pytest.MonkeyPatch, call: int, how: str) -> list[int]:
    """Make eSpeak's audio callback see Ctrl-C on its ``call``-th delivery."""
    import ctypes

    import audionews.engines.espeak as espeak_module

    real = ctypes.string_at
    calls = [0]

    def string_at(ptr: object, size: int = -1) -> bytes:
        calls[0] += 1
        if calls[0] == call:
            if how == "signal":
                os.kill(os.getpid(), signal.SIGINT)  # a real Ctrl-C, handled between bytecodes
            else:
                raise KeyboardInterrupt  # raised inside the callback itself
        return real(ptr, size)  # type: ignore[arg-type]

    monkeypatch.setattr(espeak_module.ctypes, "string_at", string_at)
    return calls


@pytest.mark.parametrize("how", ["signal", "raise"])
def test_ctrl_c_inside_espeak_callback_stops_and_caches_nothing_partial(
    monkeypatch: pytest.MonkeyPatch, cache: ChunkCache, how: str
) -> None:
    from audionews.engines.espeak import EspeakEngine

    engine = EspeakEngine()
    texts = ["Một câu ngắn.", LONG, "Câu cuối cùng."]
    first = ChunkCache.key(engine.name, engine.version, engine.voice, texts[0])
    _interrupt_on_call(monkeypatch, 0, how)  # count calls without interrupting
    synthesize_chunks(texts[:1], engine, cache=cache)
    assert cache.get(first) is not None
    calls = _interrupt_on_call(monkeypatch, 3, how)
    with pytest.raises(Interrupted) as err:
        synthesize_chunks(texts, engine, cache=cache)
    assert err.value.exit_code == 130
    assert calls[0] >= 3
    assert cache.info().entries == 1  # only the chunk that finished before: nothing partial
    assert cache.get(ChunkCache.key(engine.name, engine.version, engine.voice, LONG)) is None
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_ctrl_c_during_espeak_make_exits_130_without_output(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from audionews.cli import app

    src = tmp_path / "bai.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "a.mp3"
    _interrupt_on_call(monkeypatch, 5, "signal")
    result = CliRunner().invoke(
        app, ["make", str(src), "-o", str(out), "-e", "espeak", "--cache-dir", str(tmp_path / "c")]
    )
    assert result.exit_code == 130, result.output
    assert not out.exists()


# --- issue #17: a stop stops the pool at once; the give-up message names the failed chunk -----


def _requests_after(fake: FakeGoogle, seconds: float) -> list[str]:
    before = len(fake.requests)
    time.sleep(seconds)
    return fake.requests[before:]


def test_ctrl_c_under_rate_limit_stops_every_worker_at_once(google, cache: ChunkCache) -> None:
    fake = google(failures={t: [(429, "50")] * 20 for t in TEXTS})
    main = threading.main_thread().ident
    assert main is not None
    timer = threading.Timer(0.5, signal.pthread_kill, (main, signal.SIGINT))
    timer.start()
    started = time.monotonic()
    with pytest.raises(Interrupted):
        synthesize_chunks(TEXTS, GttsEngine(), cache=cache, jobs=4)  # real 50 s waits
    assert time.monotonic() - started < 2.0
    assert _requests_after(fake, 1.0) == []
    _wait_for_workers(timeout=1.0)  # nobody sleeps out the Retry-After


def test_gave_up_sends_no_request_afterwards_and_names_the_chunk(google, cache: ChunkCache) -> None:
    # The others wait out a 30 s Retry-After each (a 503, so the pool is not throttled): chunk 2
    # fails for good first by construction (a 429 race made this order depend on the load).
    plan: dict[str, list[object]] = {t: [(503, "30")] * 20 for t in TEXTS}
    plan[TEXTS[1]] = [500] * 10  # fails for good at once, while chunk 1 waits
    fake = google(failures=plan)
    started = time.monotonic()
    with pytest.raises(SynthesisError) as err:
        synthesize_chunks(TEXTS, GttsEngine(), cache=cache, jobs=4, retry=NO_WAIT)
    assert time.monotonic() - started < 20  # the give-up cut the others' 30 s waits
    message = str(err.value)
    assert "gave up after 4 tries" in message
    assert f"chunk 2 of 12 ({TEXTS[1][:50]!r})" in message  # not the first one unfinished
    time.sleep(0.3)  # a request a worker had already sent may still land; then nothing more
    assert _requests_after(fake, 1.5) == []
    _wait_for_workers(timeout=1.0)


def test_outer_cancellation_stops_a_run(google, cache: ChunkCache) -> None:
    from audionews.synthesize import cancellation

    fake = google(failures={t: [(503, "30")] * 5 for t in TEXTS})
    event = threading.Event()
    threading.Timer(0.3, event.set).start()
    with cancellation(event), pytest.raises(Interrupted):
        synthesize_chunks(TEXTS, GttsEngine(), cache=cache, jobs=3)
    assert _requests_after(fake, 0.5) == []
    _wait_for_workers(timeout=1.0)


def test_serial_run_checks_the_stop_before_each_chunk(cache: ChunkCache) -> None:
    from audionews.synthesize import cancellation

    class Counting:
        name, voice, version, sample_rate, max_chars, concurrent = "x", "vi", "1", 8000, 99, False

        def __init__(self) -> None:
            self.calls = 0

        def synthesize(self, text: str) -> Audio:
            self.calls += 1
            if self.calls == 2:
                event.set()
            return Audio(b"\x01\x00" * 10, 8000)

    event = threading.Event()
    engine = Counting()
    with cancellation(event), pytest.raises(Interrupted):
        synthesize_chunks(TEXTS, engine, cache=cache)  # type: ignore[arg-type]
    assert engine.calls == 2


def test_retry_after_as_http_date_is_honoured() -> None:
    from datetime import datetime, timezone

    from audionews.synthesize import retry_after_seconds

    now = datetime(2026, 12, 1, 5, 0, 0, tzinfo=timezone.utc)
    assert retry_after_seconds("Tue, 01 Dec 2026 05:00:42 GMT", now) == 42.0
    assert retry_after_seconds("Tue, 01 Dec 2026 04:59:00 GMT", now) == 0.0  # already past
    assert retry_after_seconds("7", now) == 7.0
    assert retry_after_seconds("soon", now) is None
    assert retry_after_seconds(None, now) is None
    assert retry_after_seconds("nan", now) is None


@responses.activate
def test_gtts_reads_retry_after_http_date() -> None:
    from email.utils import format_datetime

    from audionews.errors import TransientSynthesisError

    when = format_datetime(
        datetime.now(timezone.utc).replace(microsecond=0) + timedelta(seconds=30), usegmt=True
    )
    responses.add(responses.POST, GOOGLE_URL, status=429, headers={"Retry-After": when})
    with pytest.raises(TransientSynthesisError) as err:
        GttsEngine().synthesize("Xin chào.")
    assert err.value.retry_after is not None and 25 <= err.value.retry_after <= 30
    policy = RetryPolicy(jitter=0.0)
    assert policy.wait(1, err.value.retry_after) >= 25  # the pool waits what the server asked


def test_edge_reads_retry_after_http_date() -> None:
    from audionews.engines.edge import _retry_after

    when = datetime.now(timezone.utc) + timedelta(seconds=20)
    value = _retry_after(when.strftime("%a, %d %b %Y %H:%M:%S GMT"))
    assert value is not None and 15 <= value <= 20
