"""Check a delivered audio file against a profile's delivery spec.

:func:`validate` reads any MP3, WAV (Broadcast WAV or plain), FLAC or Ogg file, ours or not,
and M4A/MP4 (AAC) when PyAV is installed (the ``m4a`` extra); it reports one :class:`Check`
per rule of the profile (:data:`audionews.profiles.PROFILES`): format, sample rate, MPEG
version, bitrate, bit depth, channels, integrated loudness, loudness range, maximum short-term
loudness (EBU R 128 s1), true peak, the loudness a Broadcast WAV declares in its bext chunk,
title tag and chapters, each with the value measured and the value expected. Loudness is
measured on the decoded samples with the project's BS.1770 meter
(:func:`audionews.loudness.measure`), so the true peak is the one a listener's decoder
produces, encoder overshoot included.

    report = validate("output/ban-tin.mp3", profile="podcast")
    report.passed          # every check passed
    report.summary()       # "fails podcast: true peak -0.6 dBTP (at most -1.0 dBTP)"
    report.to_dict()       # for --json

Stereo files are measured per BS.1770 as the power sum of the channels' loudness (exact for
dual mono, within the gating's difference otherwise).
"""

from __future__ import annotations

import math
import struct
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from audionews.errors import ConfigError, InputError
from audionews.loudness import Loudness, measure
from audionews.profiles import PROFILES, Profile

__all__ = ["Check", "FileFacts", "Report", "probe", "validate"]

_MPEG1_RATES = (32000, 44100, 48000)
_LOSSY = ("mp3", "m4a", "ogg")
_DECLARED_TOLERANCE = 0.2
"""LU between a bext LoudnessValue and the measurement (EBU R 128's QC tolerance)."""


@dataclass(frozen=True)
class Check:
    """One rule of a delivery spec, applied to one file."""

    name: str
    """format, sample_rate, mpeg_version, bitrate, bit_depth, channels, loudness,
    loudness_range, max_short_term, true_peak, declared_loudness, title, chapters."""
    passed: bool
    measured: float | int | str | None
    expected: str
    unit: str = ""

    def describe(self) -> str:
        value = self.measured
        if isinstance(value, float):
            value = f"{value:.1f}"
        shown = "none" if value is None else f"{value}{' ' + self.unit if self.unit else ''}"
        return f"{self.name.replace('_', ' ')} {shown} ({self.expected})"


@dataclass(frozen=True)
class FileFacts:
    """What the file says about itself (container and stream headers, tags, chapters)."""

    format: str
    """mp3, wav, m4a, flac or ogg."""
    codec: str
    sample_rate: int
    channels: int
    duration: float
    """Seconds."""
    bitrate: int | None = None
    """kbps (average for VBR); None for PCM."""
    bits: int | None = None
    """PCM bit depth (WAV, FLAC)."""
    mpeg_version: str | None = None
    """MP3: "MPEG-1 Layer III", "MPEG-2 Layer III", "MPEG-2.5 Layer III"."""
    title: str | None = None
    chapters: tuple[str, ...] = ()
    """Chapter titles (ID3 CHAP, MP4 chapters, WAV cue labels or cue numbers)."""
    recorded_loudness: float | None = None
    """Broadcast WAV: the integrated loudness the bext chunk (version 2) declares, LUFS."""


@dataclass(frozen=True)
class Report:
    """The verdict on one file against one profile."""

    path: Path
    profile: str
    facts: FileFacts
    loudness: Loudness
    checks: tuple[Check, ...] = field(default_factory=tuple)

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.checks)

    @property
    def failures(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if not c.passed)

    def summary(self) -> str:
        """One line: "passes podcast", or "fails podcast: <each failed check>"."""
        if self.passed:
            return f"passes {self.profile}"
        return f"fails {self.profile}: " + "; ".join(c.describe() for c in self.failures)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "profile": self.profile,
            "passed": self.passed,
            "checks": [asdict(c) for c in self.checks],
            "file": {**asdict(self.facts), "chapters": list(self.facts.chapters)},
            "loudness": asdict(self.loudness),
        }


# --- reading the file --------------------------------------------------------------------------


def _sniff(path: Path) -> str:
    try:
        with open(path, "rb") as fh:
            head = fh.read(12)
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror}).") from exc
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    if head[4:8] == b"ftyp":
        return "m4a"
    if head[:4] == b"fLaC":
        return "flac"
    if head[:4] == b"OggS":
        return "ogg"
    if head[:3] == b"ID3" or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "mp3"
    raise InputError(f"{path}: not an audio file audionews can check (MP3, WAV, M4A, FLAC, Ogg).")


def _riff_chunks(data: bytes) -> dict[bytes, list[bytes]]:
    """Top-level chunks of a RIFF/WAVE file, and the sub-chunks of each LIST (keyed by the
    LIST type and the sub-chunk id, e.g. b"INFO/INAM")."""
    chunks: dict[bytes, list[bytes]] = {}
    pos = 12
    while pos + 8 <= len(data):
        tag, size = data[pos : pos + 4], struct.unpack("<I", data[pos + 4 : pos + 8])[0]
        body = data[pos + 8 : pos + 8 + size]
        chunks.setdefault(tag, []).append(body)
        if tag == b"LIST" and len(body) >= 4:
            for sub, payload in _riff_list(body[4:]):
                chunks.setdefault(body[:4] + b"/" + sub, []).append(payload)
        pos += 8 + size + (size & 1)
    return chunks


def _riff_list(body: bytes) -> list[tuple[bytes, bytes]]:
    items, pos = [], 0
    while pos + 8 <= len(body):
        sub, size = body[pos : pos + 4], struct.unpack("<I", body[pos + 4 : pos + 8])[0]
        items.append((sub, body[pos + 8 : pos + 8 + size]))
        pos += 8 + size + (size & 1)
    return items


def _text(raw: bytes) -> str:
    raw = raw.split(b"\x00", 1)[0]
    try:
        return raw.decode("utf-8").strip()
    except UnicodeDecodeError:
        return raw.decode("latin-1").strip()


_BEXT_VERSION = 346  # offset of Version in the bext chunk (EBU Tech 3285)
_BEXT_LOUDNESS = 412  # offset of LoudnessValue (version 2: int16, hundredths of a LU)


def _bext_loudness(chunks: dict[bytes, list[bytes]]) -> float | None:
    bext = chunks.get(b"bext", [b""])[0]
    if len(bext) < _BEXT_LOUDNESS + 2:
        return None
    version = struct.unpack_from("<H", bext, _BEXT_VERSION)[0]
    value = struct.unpack_from("<h", bext, _BEXT_LOUDNESS)[0]
    if version < 2 or value == 0x7FFF:
        return None
    return float(value) / 100.0


def _probe_wav(path: Path) -> FileFacts:
    data = path.read_bytes()
    chunks = _riff_chunks(data)
    if b"fmt " not in chunks or len(chunks[b"fmt "][0]) < 16:
        raise InputError(f"{path}: a WAV file without a valid fmt chunk.")
    tag, channels, rate, _, _, bits = struct.unpack("<HHIIHH", chunks[b"fmt "][0][:16])
    frames = sum(len(d) for d in chunks.get(b"data", [])) // max(1, channels * bits // 8)
    labels = [_text(p[4:]) for p in chunks.get(b"adtl/labl", [])]
    cues = chunks.get(b"cue ", [b""])[0]
    count = struct.unpack("<I", cues[:4])[0] if len(cues) >= 4 else 0
    title = next((_text(t) for t in chunks.get(b"INFO/INAM", []) if _text(t)), None)
    codec = {1: "pcm", 3: "float", 0xFFFE: "pcm (extensible)"}.get(tag, f"format 0x{tag:04x}")
    if b"bext" in chunks:
        codec += ", Broadcast WAV"
    return FileFacts(
        format="wav",
        codec=codec,
        sample_rate=rate,
        channels=channels,
        duration=frames / rate if rate else 0.0,
        bits=bits,
        title=title,
        chapters=tuple(labels) if labels else tuple(str(i + 1) for i in range(count)),
        recorded_loudness=_bext_loudness(chunks),
    )


def _probe_mp3(path: Path) -> FileFacts:
    from mutagen import MutagenError
    from mutagen.mp3 import MP3

    reader: Any = MP3  # mutagen is untyped
    try:
        mp3 = reader(path)
    except MutagenError as exc:
        raise InputError(f"{path}: not a readable MP3 file ({exc}).") from exc
    info = mp3.info
    version = {1: "1", 2: "2", 2.5: "2.5"}.get(info.version, str(info.version))
    tags = mp3.tags
    title = str(tags["TIT2"]) if tags is not None and "TIT2" in tags else None
    chapters: tuple[str, ...] = ()
    if tags is not None:
        chapters = tuple(
            str(c.sub_frames["TIT2"]) if "TIT2" in c.sub_frames else c.element_id
            for c in sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
        )
    return FileFacts(
        format="mp3",
        codec="mp3" + (" VBR" if str(info.bitrate_mode).endswith("VBR") else ""),
        sample_rate=info.sample_rate,
        channels=info.channels,
        duration=info.length,
        bitrate=round(info.bitrate / 1000),
        mpeg_version=f"MPEG-{version} Layer {'I' * info.layer}",
        title=title or None,
        chapters=chapters,
    )


def _probe_m4a(path: Path) -> FileFacts:
    from mutagen import MutagenError
    from mutagen.mp4 import MP4

    reader: Any = MP4  # mutagen is untyped
    try:
        mp4 = reader(path)
    except MutagenError as exc:
        raise InputError(f"{path}: not a readable MP4/M4A file ({exc}).") from exc
    info = mp4.info
    names = (mp4.tags or {}).get("\xa9nam") or []
    chapters = tuple(c.title for c in mp4.chapters) if mp4.chapters else _av_chapters(path)
    return FileFacts(
        format="m4a",
        codec=info.codec_description or info.codec,
        sample_rate=info.sample_rate,
        channels=info.channels,
        duration=info.length,
        bitrate=round(info.bitrate / 1000) if info.bitrate else None,
        bits=info.bits_per_sample or None,
        title=str(names[0]) if names else None,
        chapters=chapters,
    )


def _av_chapters(path: Path) -> tuple[str, ...]:
    """QuickTime chapter-track titles when there is no Nero ``chpl`` list (PyAV reads both)."""
    try:
        import av
    except ImportError:
        return ()
    with av.open(str(path)) as container:
        return tuple(c["metadata"].get("title", "") for c in container.chapters())


def _probe_other(path: Path, fmt: str) -> FileFacts:
    import mutagen

    try:
        audio = mutagen.File(path)
    except mutagen.MutagenError as exc:
        raise InputError(f"{path}: not a readable {fmt.upper()} file ({exc}).") from exc
    if audio is None:
        raise InputError(f"{path}: not a readable {fmt.upper()} file.")
    info, tags = audio.info, audio.tags or {}
    titles = tags.get("title") or []
    chapters = tuple(  # Vorbis comments CHAPTER001NAME=... (the Ogg/FLAC chapter convention)
        str(v[0])
        for k, v in sorted(tags.items())
        if k.lower().startswith("chapter") and k.lower().endswith("name")
    )
    bitrate = getattr(info, "bitrate", 0)
    return FileFacts(
        format=fmt,
        codec=fmt,
        sample_rate=info.sample_rate,
        channels=info.channels,
        duration=info.length,
        bitrate=round(bitrate / 1000) if bitrate and fmt != "flac" else None,
        bits=getattr(info, "bits_per_sample", None),
        title=str(titles[0]) if titles else None,
        chapters=chapters,
    )


def probe(path: str | Path) -> FileFacts:
    """The file's format, stream facts, title and chapters, from its headers and tags."""
    path = Path(path)
    fmt = _sniff(path)
    if fmt == "wav":
        return _probe_wav(path)
    if fmt == "mp3":
        return _probe_mp3(path)
    if fmt == "m4a":
        return _probe_m4a(path)
    return _probe_other(path, fmt)


def _decode(path: Path, facts: FileFacts) -> NDArray[np.float32]:
    """Samples as float32, one row per channel, at the file's own rate."""
    if facts.format == "m4a":
        return _decode_av(path, facts)
    import miniaudio

    try:
        decoded = miniaudio.decode_file(
            str(path),
            output_format=miniaudio.SampleFormat.FLOAT32,
            nchannels=facts.channels,
            sample_rate=facts.sample_rate,
        )
    except miniaudio.MiniaudioError as exc:
        raise InputError(f"{path}: cannot decode the audio ({exc}).") from exc
    samples: NDArray[np.float32] = np.asarray(decoded.samples, dtype=np.float32)
    rows: NDArray[np.float32] = samples.reshape(-1, facts.channels).T
    return rows


def _floats(frame: Any) -> NDArray[np.float32]:
    return np.asarray(frame.to_ndarray(), dtype=np.float32)


def _decode_av(path: Path, facts: FileFacts) -> NDArray[np.float32]:
    try:
        import av
    except ImportError:
        raise InputError(
            f"{path}: checking M4A files needs PyAV: pip install 'audionews[m4a]'."
        ) from None
    layout = "mono" if facts.channels == 1 else "stereo"
    resampler = av.AudioResampler(format="fltp", layout=layout, rate=facts.sample_rate)
    parts: list[NDArray[np.float32]] = []
    try:
        with av.open(str(path)) as container:
            for frame in container.decode(audio=0):
                parts.extend(_floats(f) for f in resampler.resample(frame))
            parts.extend(_floats(f) for f in resampler.resample(None))
    except av.FFmpegError as exc:
        raise InputError(f"{path}: cannot decode the audio ({exc}).") from exc
    if not parts:
        return np.zeros((facts.channels, 0), dtype=np.float32)
    return np.concatenate(parts, axis=1).astype(np.float32)


def _power_sum(values: list[float]) -> float:
    return 10.0 * math.log10(sum(10.0 ** (v / 10.0) for v in values))


def _loudness(channels: NDArray[np.float32], rate: int) -> Loudness:
    """BS.1770 over all channels (each weighted 1.0): the power sum of the channels."""
    each = [measure(np.ascontiguousarray(ch), rate) for ch in channels]
    if len(each) == 1:
        return each[0]
    return Loudness(
        integrated=_power_sum([m.integrated for m in each]),
        loudness_range=max(m.loudness_range for m in each),
        max_momentary=_power_sum([m.max_momentary for m in each]),
        max_short_term=_power_sum([m.max_short_term for m in each]),
        true_peak=max(m.true_peak for m in each),
    )


# --- the rules ---------------------------------------------------------------------------------


def _stream_checks(spec: Profile, facts: FileFacts) -> list[Check]:
    formats = spec.accepted_formats
    checks = [
        Check("format", facts.format in formats, facts.format, " or ".join(formats)),
    ]
    rates = spec.accepted_rates
    if rates:
        expected = " or ".join(f"{r}" for r in rates) + " Hz"
        checks.append(Check("sample_rate", facts.sample_rate in rates, facts.sample_rate, expected))
    if facts.format == "mp3" and rates and all(r in _MPEG1_RATES for r in rates):
        version = facts.mpeg_version or ""
        checks.append(
            Check("mpeg_version", version.startswith("MPEG-1 "), version, "MPEG-1 Layer III")
        )
    if facts.format == "mp3" and spec.min_bitrate is not None:
        ok = facts.bitrate is not None and facts.bitrate >= spec.min_bitrate
        checks.append(
            Check("bitrate", ok, facts.bitrate, f"at least {spec.min_bitrate} kbps", "kbps")
        )
    elif facts.format in _LOSSY:
        # The published minimums are MP3 figures; AAC and Vorbis are reported, not judged.
        checks.append(Check("bitrate", True, facts.bitrate, "reported, no limit", "kbps"))
    if facts.format == "wav":
        ok = facts.bits is not None and facts.bits >= spec.bits
        checks.append(Check("bit_depth", ok, facts.bits, f"at least {spec.bits} bits", "bits"))
    checks.append(
        Check("channels", facts.channels == spec.channels, facts.channels, f"{spec.channels}")
    )
    return checks


def _loudness_checks(spec: Profile, loud: Loudness) -> list[Check]:
    lo, hi = spec.loudness - spec.tolerance, spec.loudness + spec.tolerance
    checks = [
        Check(
            "loudness",
            lo <= loud.integrated <= hi,
            round(loud.integrated, 2),
            f"{spec.loudness:g} +- {spec.tolerance:g} LUFS",
            "LUFS",
        ),
        Check("loudness_range", True, round(loud.loudness_range, 2), "reported, no limit", "LU"),
    ]
    if spec.max_short_term is not None:
        checks.append(
            Check(
                "max_short_term",
                loud.max_short_term <= spec.max_short_term,
                round(loud.max_short_term, 2),
                f"at most {spec.max_short_term:g} LUFS",
                "LUFS",
            )
        )
    limit = spec.peak_limit
    checks.append(
        Check(
            "true_peak",
            loud.true_peak <= limit,
            round(loud.true_peak, 2),
            f"at most {limit:g} dBTP",
            "dBTP",
        )
    )
    return checks


def _declared_checks(facts: FileFacts, loud: Loudness) -> list[Check]:
    """A Broadcast WAV's declared loudness must be the file's (playout systems trust it)."""
    if facts.recorded_loudness is None:
        return []
    ok = abs(facts.recorded_loudness - loud.integrated) <= _DECLARED_TOLERANCE
    return [
        Check(
            "declared_loudness",
            ok,
            facts.recorded_loudness,
            f"the measured {loud.integrated:.1f} +- {_DECLARED_TOLERANCE:g} LUFS",
            "LUFS",
        )
    ]


def _metadata_checks(spec: Profile, facts: FileFacts) -> list[Check]:
    count = len(facts.chapters)
    return [
        Check("title", bool(facts.title), facts.title, "a title tag"),
        Check(
            "chapters",
            count > 0 or not spec.chapters,
            count,
            "at least 1" if spec.chapters else "optional",
        ),
    ]


def validate(
    path: str | Path, profile: str = "podcast", measured: Loudness | None = None
) -> Report:
    """Check ``path`` against the delivery spec of ``profile``.

    ``measured``: the file's loudness when the caller has just measured the file as written
    (``make`` has), which saves decoding it again; None measures it here.
    Raises :class:`~audionews.errors.ConfigError` for an unknown profile and
    :class:`~audionews.errors.InputError` for a file that cannot be read or decoded.
    """
    if profile not in PROFILES:
        raise ConfigError(
            f"unknown profile {profile!r}. Choose one of: {', '.join(PROFILES)}.",
            setting="profile",
        )
    spec = PROFILES[profile]
    path = Path(path)
    facts = probe(path)
    if measured is not None and facts.channels == 1:
        loud = measured
    else:
        samples = _decode(path, facts)
        if samples.shape[1] == 0:
            raise InputError(f"{path}: the file holds no audio.")
        loud = _loudness(samples, facts.sample_rate)
    checks = (
        _stream_checks(spec, facts)
        + _loudness_checks(spec, loud)
        + _declared_checks(facts, loud)
        + _metadata_checks(spec, facts)
    )
    return Report(path=path, profile=profile, facts=facts, loudness=loud, checks=tuple(checks))
