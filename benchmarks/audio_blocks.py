"""Measure the audio building blocks the pipeline relies on (numbers for docs/architecture.md).

    python benchmarks/audio_blocks.py

Prints realtime factors for LAME (lameenc) encoding and miniaudio decoding, and the cost of
joining 300 clips with pydub's ``+`` against one ``b"".join`` of raw PCM, measured in this run.
"""

from __future__ import annotations

import math
import struct
import time
import warnings

import lameenc
import miniaudio

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from pydub import AudioSegment

RATE = 22050


def tone(seconds: float) -> bytes:
    n = int(seconds * RATE)
    return struct.pack(f"<{n}h", *(int(8000 * math.sin(i / 7)) for i in range(n)))


def main() -> None:
    pcm = tone(60.0)
    t = time.perf_counter()
    enc = lameenc.Encoder()
    enc.set_bit_rate(64)
    enc.set_in_sample_rate(RATE)
    enc.set_out_sample_rate(RATE)
    enc.set_channels(1)
    enc.set_quality(2)
    mp3 = bytes(enc.encode(pcm)) + bytes(enc.flush())
    enc_t = time.perf_counter() - t
    print(f"lameenc encode 60 s at 64 kbps: {enc_t * 1000:.0f} ms = {60 / enc_t:.0f}x realtime")

    t = time.perf_counter()
    miniaudio.decode(
        mp3, output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1, sample_rate=RATE
    )
    dec_t = time.perf_counter() - t
    print(f"miniaudio decode 60 s:          {dec_t * 1000:.0f} ms = {60 / dec_t:.0f}x realtime")

    clip = tone(1.0)
    segments = [
        AudioSegment(data=clip, sample_width=2, frame_rate=RATE, channels=1) for _ in range(300)
    ]
    t = time.perf_counter()
    total = segments[0]
    for s in segments[1:]:
        total = total + s
    plus_t = time.perf_counter() - t
    t = time.perf_counter()
    joined = b"".join(s.raw_data for s in segments)
    join_t = time.perf_counter() - t
    assert joined == total.raw_data
    print(
        f"join 300 x 1 s clips: pydub '+' {plus_t * 1000:.0f} ms, b''.join {join_t * 1000:.1f} ms "
        f"({plus_t / join_t:.0f}x slower with '+')"
    )


if __name__ == "__main__":
    main()
