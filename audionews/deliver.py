"""Stages 7-8 together, for a delivery format: master the programme and write the file, then
measure the file as written (MP3 and M4A codecs raise true peak) and master again lower
should it read over the ceiling. The loudness returned is the file's own.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from audionews.audio import Float, Programme
from audionews.errors import ConfigError, InputError
from audionews.export import (
    HeardTimes,
    Tags,
    measure_mp3,
    mp3_encoder_effects,
    mp3_true_peak_headroom,
    write_mp3_timed,
    write_wav,
    written_path,
)
from audionews.loudness import db_to_gain
from audionews.master import master_signal
from audionews.settings import RenderSettings

__all__ = ["master_and_write"]


def _fitted(mastered: Programme, settings: RenderSettings) -> Programme:
    """``mastered``, checked (before anything is written) to last what ``fit`` asked."""
    if settings.fit is not None and abs(mastered.duration - settings.fit) > 1.0:
        raise ConfigError(
            f"fitting missed: {mastered.duration:.1f} s instead of {settings.fit:.1f} s.",
            setting="fit",
        )
    return mastered


def _master_m4a(
    programme: Programme, settings: RenderSettings, tags: Tags, target: Path, spool: Path
) -> Programme:
    """AAC in MP4 (PyAV): mastered with codec headroom (AAC raises true peak more than LAME,
    docs/delivery.md), then measured as written and mastered again lower if still over."""
    import numpy as np

    from audionews.loudness import measure
    from audionews.m4a import write_m4a

    mastering = settings.mastering
    ceiling = mastering.true_peak - mp3_true_peak_headroom(settings.kbps) - 0.3
    for attempt in range(3):
        aim = replace(mastering, true_peak=max(-9.0, ceiling))
        mastered = _fitted(master_signal(programme, aim, 0.0, spool), settings)
        samples = np.concatenate(list(mastered.signal.blocks())) if len(mastered.signal) else None
        if samples is None:
            raise InputError("nothing to write: the programme is empty.")
        write_m4a(samples, mastered.rate, mastered.chapters, target, tags, settings.kbps)
        if mastering.loudness is None:
            return mastered
        heard = measure(_decode_m4a(written_path(target), mastered.rate), mastered.rate)
        over = heard.true_peak - mastering.true_peak
        if over <= 0 or attempt == 2:
            return replace(mastered, loudness=heard)
        ceiling -= over + 0.1
    raise AssertionError("unreachable")  # pragma: no cover


def _decode_m4a(path: Path, rate: int) -> Float:
    import av
    import numpy as np

    with av.open(str(path)) as container:
        resampler = av.AudioResampler(format="flt", layout="mono", rate=rate)
        parts = [
            frame.to_ndarray().reshape(-1)
            for packet in container.decode(audio=0)
            for frame in resampler.resample(packet)
        ]
    return np.concatenate(parts).astype(np.float32) if parts else np.zeros(0, np.float32)


def master_and_write(
    programme: Programme, settings: RenderSettings, tags: Tags, target: Path, spool: Path
) -> tuple[Programme, HeardTimes | None]:
    """Master and write the file. An MP3 is measured as encoded: the limiter leaves the
    codec's true-peak rise as headroom, and should the file still read over the ceiling it is
    mastered again that much lower. The result carries the file's own loudness."""
    mastering = settings.mastering
    fmt = settings.output_format
    if fmt == "wav":
        mastered = _fitted(master_signal(programme, mastering, 0.0, spool), settings)
        write_wav(mastered, target, tags, settings.bit_depth)
        return mastered, None
    if fmt == "m4a":
        return _master_m4a(programme, settings, tags, target, spool), None
    loss = rise = 0.0
    if mastering.loudness is not None:
        loss, rise = mp3_encoder_effects(
            programme.samples, programme.rate, settings.kbps, settings.vbr_quality
        )
    ceiling = mastering.true_peak - max(rise, mp3_true_peak_headroom(settings.kbps))
    slack = _peak_slack(settings)
    for attempt in range(3):
        # Mastered again under a lower ceiling (the codec's rise), a voice may not reach the
        # target under it: a shortfall within the loudest profile tolerance (1 LU) is kept, and
        # the file's own loudness is reported (validation judges it against its profile).
        shortfall = mastering.shortfall if attempt == 0 else max(mastering.shortfall, 1.0)
        aim = replace(mastering, true_peak=max(-9.0, ceiling), shortfall=shortfall)
        mastered = _fitted(master_signal(programme, aim, loss, spool), settings)
        heard = write_mp3_timed(mastered, target, tags, settings.kbps, settings.vbr_quality)
        if mastering.loudness is None:
            return mastered, heard
        heard_samples = round(heard(mastered.duration * 1000) * mastered.rate / 1000)
        expected = db_to_gain(mastered.loudness.true_peak) if mastered.loudness else 0.0
        measured = measure_mp3(
            written_path(target), mastered.rate, heard_samples + mastered.rate, expected
        )
        over = measured.true_peak - mastering.true_peak
        if over <= slack or attempt == 2:
            break
        ceiling -= over + 0.2
    return replace(mastered, loudness=measured), heard


def _peak_slack(settings: RenderSettings) -> float:
    """dB an MP3 may read over the profile's limiter ceiling and be kept: 0.1 (under a true-peak
    meter's accuracy) when the ceiling is the profile's own and sits that far under the spec's
    maximum (podcast: -1.5 held, -1.0 allowed), else none (a ceiling the user set is held)."""
    spec = settings.profile_spec
    limit = spec.max_true_peak if spec.max_true_peak is not None else spec.true_peak
    if settings.true_peak is not None or limit < spec.true_peak + 0.1:
        return 0.0
    return 0.1
