"""Output profiles and configuration files.

A profile bundles the defaults of one kind of delivery; a TOML config file can set any `make`
option; options given on the command line always win.

    # audionews.toml (this folder) or ~/.config/audionews/config.toml
    [make]
    profile = "radio"
    engine = "espeak"
    sidecars = ["srt", "chapters"]
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audionews.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["CONFIG_NAME", "PROFILES", "Profile", "config_files", "load_config"]

CONFIG_NAME = "audionews.toml"


@dataclass(frozen=True)
class Profile:
    """The delivery spec of one kind of programme: what a render aims for, and what
    :func:`audionews.validate.validate` accepts. Sources in docs/delivery.md."""

    name: str
    description: str
    loudness: float
    """Integrated loudness target, LUFS."""
    true_peak: float
    """True-peak ceiling the limiter holds, dBTP: at or under ``max_true_peak``, lower for a
    lossy format so the encoder's overshoot stays inside the spec."""
    format: str
    sample_rate: int | None
    """None keeps the engine's rate."""
    bits: int
    """WAV bit depth."""
    bitrate: int | None = None
    """MP3/AAC bitrate, kbps (CBR, mono); None: the render's default (WAV has none)."""
    tolerance: float = 1.0
    """The integrated loudness accepted on the delivered file: ``loudness`` +- this, LU."""
    max_true_peak: float | None = None
    """The spec's maximum true peak on the delivered (decoded) file, dBTP; None: ``true_peak``."""
    sample_rates: tuple[int, ...] = ()
    """Rates the spec accepts; empty: only ``sample_rate``."""
    min_bitrate: int | None = None
    """The lowest MP3 bitrate the spec accepts, kbps."""
    formats: tuple[str, ...] = ()
    """Formats the spec accepts; empty: only ``format``."""
    channels: int = 1
    max_short_term: float | None = None
    """Maximum short-term loudness (3 s), LUFS: EBU R 128 s1 for short-form content."""
    chapters: bool = True
    """The delivered file must carry chapters (ID3 CHAP, MP4 chapters or WAV cue points)."""
    source: str = ""
    """Where the numbers come from (docs/delivery.md has the details)."""

    @property
    def peak_limit(self) -> float:
        """The highest true peak the spec accepts on the delivered file, dBTP."""
        return self.true_peak if self.max_true_peak is None else self.max_true_peak

    @property
    def accepted_rates(self) -> tuple[int, ...]:
        if self.sample_rates:
            return self.sample_rates
        return () if self.sample_rate is None else (self.sample_rate,)

    @property
    def accepted_formats(self) -> tuple[str, ...]:
        return self.formats or (self.format,)


_APPLE = "https://podcasters.apple.com/support/893-audio-requirements"
_SPOTIFY = "https://support.spotify.com/us/artists/article/loudness-normalization"
_R128 = "https://tech.ebu.ch/publications/r128"
_R128_S1 = "https://tech.ebu.ch/news/2014/12/10/ebu-helps-measure-the-loudness-o"

PROFILES: dict[str, Profile] = {
    "podcast": Profile(
        "podcast",
        "-16 LUFS, true peak <= -1 dBTP, MP3 MPEG-1 44.1 kHz 96 kbps mono (Apple Podcasts, "
        "AES TD1004)",
        loudness=-16.0,
        true_peak=-1.5,
        format="mp3",
        sample_rate=44100,
        bits=16,
        bitrate=96,
        tolerance=1.0,
        max_true_peak=-1.0,
        sample_rates=(44100, 48000),
        min_bitrate=96,
        formats=("mp3", "m4a"),
        source=_APPLE,
    ),
    "spotify": Profile(
        "spotify",
        "-14 LUFS, true peak <= -1 dBTP, MP3 MPEG-1 44.1 kHz 128 kbps mono (Spotify)",
        loudness=-14.0,
        true_peak=-2.0,
        format="mp3",
        sample_rate=44100,
        bits=16,
        bitrate=128,
        tolerance=1.0,
        max_true_peak=-1.0,
        sample_rates=(44100, 48000),
        min_bitrate=96,
        formats=("mp3", "m4a"),
        source=_SPOTIFY,
    ),
    "radio": Profile(
        "radio",
        "EBU R128: -23 LUFS, true peak -1 dBTP, Broadcast WAV 48 kHz 24-bit",
        loudness=-23.0,
        true_peak=-1.0,
        format="wav",
        sample_rate=48000,
        bits=24,
        tolerance=0.5,
        source=_R128,
    ),
    "ebu-r128-s1": Profile(
        "ebu-r128-s1",
        "EBU R128 s1 short-form (promos, trailers, news flashes): -23 LUFS, true peak -1 dBTP, "
        "short-term loudness <= -18 LUFS, Broadcast WAV 48 kHz 24-bit",
        loudness=-23.0,
        true_peak=-1.0,
        format="wav",
        sample_rate=48000,
        bits=24,
        tolerance=0.5,
        max_short_term=-18.0,
        chapters=False,
        source=_R128_S1,
    ),
}


def config_files(cwd: Path | None = None) -> list[Path]:
    """Config files that exist, user-level first, then project-local (which wins)."""
    import platformdirs

    user = Path(platformdirs.user_config_dir("audionews")) / "config.toml"
    local = (cwd or Path.cwd()) / CONFIG_NAME
    return [p for p in (user, local) if p.is_file()]


def load_config(paths: list[Path], commands: dict[str, set[str]]) -> dict[str, dict[str, Any]]:
    """Merge config files into click's ``default_map`` shape: {command: {option: value}}.

    Unknown sections or keys are errors that name the file, so a typo is never silently ignored.
    """
    merged: dict[str, dict[str, Any]] = {}
    for path in paths:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read the config file ({exc}).") from exc
        for section, values in data.items():
            if section not in commands or not isinstance(values, dict):
                raise ConfigError(
                    f"{path}: unknown section [{section}]. Sections: "
                    + ", ".join(f"[{c}]" for c in sorted(commands))
                )
            for key, value in values.items():
                name = key.replace("-", "_")
                if name not in commands[section]:
                    raise ConfigError(
                        f"{path}: [{section}] has no option {key!r}. Options: "
                        + ", ".join(sorted(commands[section]))
                    )
                merged.setdefault(section, {})[name] = value
    return merged
