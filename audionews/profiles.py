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
    name: str
    description: str
    loudness: float
    """Integrated loudness target, LUFS."""
    true_peak: float
    """True-peak ceiling, dBTP."""
    format: str
    sample_rate: int | None
    """None keeps the engine's rate."""
    bits: int
    """WAV bit depth."""


PROFILES: dict[str, Profile] = {
    "podcast": Profile(
        "podcast", "-16 LUFS, true peak -1.5 dBTP, MP3 64 kbps mono", -16.0, -1.5, "mp3", None, 16
    ),
    "radio": Profile(
        "radio",
        "EBU R128: -23 LUFS, true peak -1 dBTP, Broadcast WAV 48 kHz 24-bit",
        -23.0,
        -1.0,
        "wav",
        48000,
        24,
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
