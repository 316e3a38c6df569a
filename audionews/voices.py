"""Piper voices one command away: the official catalogue's Vietnamese voices, and downloads.

The catalogue is ``voices.json`` at a base address (default the rhasspy/piper-voices v1.0.0
release; ``base_url=`` or the environment variable ``AUDIONEWS_VOICES_URL`` change it). Each
entry, keyed like ``vi_VN-vais1000-medium``, lists its files with their size and MD5.

A voice is installed as ``NAME.onnx`` + ``NAME.onnx.json`` (and its ``NAME.MODEL_CARD`` when the
catalogue has one) in :func:`voices_dir` (``platformdirs.user_data_dir("audionews")/voices``).
Downloads are resumable: each file goes into ``FILE.part`` (continued with an HTTP Range request),
is checked against the catalogue's size and MD5, and only then renamed into place, the model
before its ``.onnx.json``, so a voice is never seen half-installed. Nothing is downloaded unless
:func:`download_voice` is called.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audionews.errors import AudionewsError, ConfigError

__all__ = [
    "DEFAULT_BASE_URL",
    "ENV_BASE_URL",
    "DownloadProgress",
    "InstalledVoice",
    "UnknownVoice",
    "VoiceDownloadError",
    "VoiceError",
    "VoiceFile",
    "VoiceInfo",
    "base_url",
    "download_voice",
    "fetch_catalogue",
    "installed_voices",
    "list_voices",
    "voice_path",
    "voices_dir",
]

DEFAULT_BASE_URL = "https://huggingface.co/rhasspy/piper-voices/resolve/v1.0.0/"
ENV_BASE_URL = "AUDIONEWS_VOICES_URL"
CATALOGUE = "voices.json"
CHUNK_BYTES = 1 << 16
SEE_MODEL_CARD = "see MODEL_CARD"


class VoiceError(AudionewsError, RuntimeError):
    """The voice catalogue cannot be read, or a voice cannot be downloaded or installed."""

    exit_code = 3


class VoiceDownloadError(VoiceError):
    """A voice file could not be fetched, or did not match the catalogue's size or MD5."""


class UnknownVoice(ConfigError):
    """The catalogue has no voice of that name."""


@dataclass(frozen=True)
class VoiceFile:
    """One file of a voice as the catalogue lists it."""

    path: str
    """Relative to the base address, e.g. ``vi/vi_VN/vais1000/medium/NAME.onnx``."""
    size: int
    md5: str

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class VoiceInfo:
    """A voice of the catalogue, and whether it is installed here."""

    name: str
    language: str
    """Language code, e.g. ``vi_VN``."""
    quality: str
    num_speakers: int
    speakers: tuple[str, ...]
    files: tuple[VoiceFile, ...]
    licence: str
    """From the installed ``.onnx.json`` or MODEL_CARD when known, else "see MODEL_CARD"."""
    installed: bool
    path: Path | None
    """The installed ``NAME.onnx``, or None."""
    aliases: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        """Bytes to download: the model and its ``.onnx.json``."""
        return sum(f.size for f in self.files if f.name.endswith((".onnx", ".onnx.json")))


@dataclass(frozen=True)
class InstalledVoice:
    name: str
    model: Path
    """``NAME.onnx``; its ``NAME.onnx.json`` is beside it."""
    licence: str


@dataclass(frozen=True)
class DownloadProgress:
    """Reported while downloading: one file of a voice, bytes so far out of its size."""

    voice: str
    file: str
    done: int
    total: int
    resumed_from: int = 0
    """Bytes that were already in the ``.part`` file when this file's download started."""


ProgressCallback = Callable[[DownloadProgress], None]


def base_url(url: str | None = None) -> str:
    """The catalogue's base address: ``url``, else $AUDIONEWS_VOICES_URL, else the default."""
    chosen = url or os.environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL
    if not re.match(r"^https?://", chosen):
        raise ConfigError(f"voice catalogue address {chosen!r} is not an http(s) URL")
    return chosen if chosen.endswith("/") else chosen + "/"


def voices_dir(directory: Path | str | None = None) -> Path:
    """Where voices are installed: ``directory``, else the user data folder's ``voices``."""
    if directory is not None:
        return Path(directory)
    import platformdirs

    return Path(platformdirs.user_data_dir("audionews")) / "voices"


def _session(session: Any | None) -> Any:
    if session is not None:
        return session
    import requests

    return requests.Session()


def fetch_catalogue(
    url: str | None = None, *, timeout: float = 15.0, session: Any | None = None
) -> dict[str, Any]:
    """The whole catalogue (``voices.json``) as a dict keyed by voice name."""
    import requests

    address = base_url(url) + CATALOGUE
    try:
        response = _session(session).get(address, timeout=timeout)
        response.raise_for_status()
        data = response.json()
    except requests.RequestException as exc:
        raise VoiceError(f"could not read the voice catalogue {address}: {exc}") from exc
    except ValueError as exc:
        raise VoiceError(f"the voice catalogue {address} is not JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise VoiceError(f"the voice catalogue {address} is not a JSON object of voices")
    return data


def _files(entry: Mapping[str, Any]) -> tuple[VoiceFile, ...]:
    out = []
    for path, meta in sorted((entry.get("files") or {}).items()):
        out.append(VoiceFile(str(path), int(meta["size_bytes"]), str(meta["md5_digest"]).lower()))
    return tuple(out)


def _is_language(entry: Mapping[str, Any], language: str) -> bool:
    lang = entry.get("language") or {}
    code = str(lang.get("code", ""))
    return language in (lang.get("family"), code) or code.startswith(language + "_")


def _licence(model: Path) -> str:
    """Licence named in an installed voice's ``.onnx.json`` or MODEL_CARD, if any."""
    try:
        config = json.loads(Path(f"{model}.json").read_text(encoding="utf-8"))
        for key in ("license", "licence"):
            found = config.get(key) or (config.get("dataset") or {}).get(key)
            if isinstance(found, str) and found.strip():
                return found.strip()
    except (OSError, ValueError, AttributeError):
        pass
    card = model.with_name(model.name[: -len(".onnx")] + ".MODEL_CARD")
    try:
        for line in card.read_text(encoding="utf-8").splitlines():
            match = re.match(r"^\W*licen[cs]e\s*:\s*(.+)$", line.strip(), re.IGNORECASE)
            if match:
                return match.group(1).strip()
    except OSError:
        pass
    return SEE_MODEL_CARD


def installed_voices(directory: Path | str | None = None) -> list[InstalledVoice]:
    """Voices installed in ``directory`` (default :func:`voices_dir`): both files present."""
    folder = voices_dir(directory)
    if not folder.is_dir():
        return []
    out = []
    for model in sorted(folder.glob("*.onnx")):
        if Path(f"{model}.json").is_file():
            out.append(InstalledVoice(model.name[: -len(".onnx")], model, _licence(model)))
    return out


def voice_path(name: str, directory: Path | str | None = None) -> Path | None:
    """The installed ``NAME.onnx`` (with its ``.onnx.json`` beside it), or None."""
    if not name or "/" in name or "\\" in name or name.startswith("."):
        return None
    model = voices_dir(directory) / f"{name}.onnx"
    return model if model.is_file() and Path(f"{model}.json").is_file() else None


def list_voices(
    url: str | None = None,
    *,
    language: str = "vi",
    directory: Path | str | None = None,
    timeout: float = 15.0,
    session: Any | None = None,
    catalogue: Mapping[str, Any] | None = None,
) -> list[VoiceInfo]:
    """The catalogue's voices of ``language`` (family like ``vi`` or code like ``vi_VN``)."""
    data = (
        catalogue
        if catalogue is not None
        else fetch_catalogue(url, timeout=timeout, session=session)
    )
    out = []
    for name, entry in sorted(data.items()):
        if not isinstance(entry, Mapping) or not _is_language(entry, language):
            continue
        try:
            out.append(_info(name, entry, directory))
        except (KeyError, TypeError, ValueError) as exc:
            raise VoiceError(f"the catalogue's entry {name!r} is malformed: {exc}") from exc
    return out


def _info(name: str, entry: Mapping[str, Any], directory: Path | str | None) -> VoiceInfo:
    path = voice_path(name, directory)
    speakers = entry.get("speaker_id_map") or {}
    return VoiceInfo(
        name=name,
        language=str((entry.get("language") or {}).get("code", "")),
        quality=str(entry.get("quality", "")),
        num_speakers=int(entry.get("num_speakers", 1)),
        speakers=tuple(sorted(speakers, key=lambda k: speakers[k])),
        files=_files(entry),
        licence=_licence(path) if path else SEE_MODEL_CARD,
        installed=path is not None,
        path=path,
        aliases=tuple(entry.get("aliases") or ()),
    )


def _find(data: Mapping[str, Any], name: str) -> tuple[str, Mapping[str, Any]]:
    if name in data:
        return name, data[name]
    for key, entry in data.items():
        if isinstance(entry, Mapping) and name in (entry.get("aliases") or ()):
            return key, entry
    close = sorted(k for k in data if k.split("-")[0] == name.split("-")[0])[:8]
    hint = f"; voices of that language: {', '.join(close)}" if close else ""
    raise UnknownVoice(f"the voice catalogue has no voice {name!r}{hint}")


def _md5(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fetch_file(
    session: Any,
    address: str,
    target: Path,
    expected: VoiceFile,
    voice: str,
    progress: ProgressCallback | None,
    timeout: float,
) -> None:
    """Download ``address`` into ``target`` through ``target.part``, resuming and verifying."""
    import requests

    part = target.with_name(target.name + ".part")
    have = part.stat().st_size if part.exists() else 0
    if have > expected.size:
        part.unlink()
        have = 0
    if have < expected.size:
        try:
            _stream_into(session, address, part, have, expected, voice, progress, timeout)
        except requests.RequestException as exc:
            have = part.stat().st_size if part.exists() else 0
            raise VoiceDownloadError(
                f"downloading {expected.name} of voice {voice} from {address} failed after "
                f"{have} of {expected.size} bytes: {exc}; downloading again resumes from there"
            ) from exc
        except OSError as exc:
            raise VoiceDownloadError(f"cannot write {part}: {exc}") from exc
    _verify(part, expected, voice)
    os.replace(part, target)


def _stream_into(
    session: Any,
    address: str,
    part: Path,
    have: int,
    expected: VoiceFile,
    voice: str,
    progress: ProgressCallback | None,
    timeout: float,
) -> None:
    """Append the rest of the file to ``part`` (from byte ``have``; from 0 when the server
    ignores the range), reporting progress."""
    resumed = have
    headers = {"Range": f"bytes={have}-"} if have else {}
    with session.get(address, headers=headers, stream=True, timeout=timeout) as response:
        if response.status_code == 416:  # the part is complete as far as the server knows
            return
        response.raise_for_status()
        if have and response.status_code != 206:
            have = resumed = 0  # the server ignored the range: start again

        def report() -> None:
            if progress is not None:
                progress(DownloadProgress(voice, expected.name, have, expected.size, resumed))

        with part.open("ab" if have else "wb") as out:
            report()
            for block in response.iter_content(CHUNK_BYTES):
                if not block:
                    continue
                out.write(block)
                have += len(block)
                if have > expected.size:
                    return
                report()


def _verify(part: Path, expected: VoiceFile, voice: str) -> None:
    """The downloaded file has the catalogue's size and MD5, or it is refused."""
    size = part.stat().st_size if part.exists() else 0
    if size != expected.size:
        if size > expected.size:
            part.unlink()
        raise VoiceDownloadError(
            f"{expected.name} of voice {voice}: got {size} bytes, the catalogue says "
            f"{expected.size}" + ("" if size > expected.size else "; downloading again resumes")
        )
    digest = _md5(part)
    if digest != expected.md5:
        part.unlink()
        raise VoiceDownloadError(
            f"{expected.name} of voice {voice} does not match the catalogue's MD5 "
            f"(got {digest}, expected {expected.md5}); the file was discarded"
        )


def download_voice(
    name: str,
    url: str | None = None,
    *,
    directory: Path | str | None = None,
    progress: ProgressCallback | None = None,
    timeout: float = 30.0,
    session: Any | None = None,
    force: bool = False,
) -> Path:
    """Download and install voice ``name`` (or an alias); returns the installed ``NAME.onnx``.

    Files already installed with the catalogue's size and MD5 are not fetched again (unless
    ``force``). Raises :class:`UnknownVoice`, :class:`VoiceError` (catalogue) or
    :class:`VoiceDownloadError` (network, size or MD5 mismatch: nothing is installed then).
    """
    session = _session(session)
    root = base_url(url)
    data = fetch_catalogue(root, timeout=timeout, session=session)
    key, entry = _find(data, name)
    try:
        files = {f.name: f for f in _files(entry)}
    except (KeyError, TypeError, ValueError) as exc:
        raise VoiceError(f"the catalogue's entry {key!r} is malformed: {exc}") from exc
    model_name, config_name = f"{key}.onnx", f"{key}.onnx.json"
    for needed in (model_name, config_name):
        if needed not in files:
            raise VoiceError(f"the catalogue lists no {needed} for voice {key}")
    folder = voices_dir(directory)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise VoiceDownloadError(f"cannot create the voices folder {folder}: {exc}") from exc
    targets = {model_name: folder / model_name, config_name: folder / config_name}
    card = next((f for f in files if f.upper() == "MODEL_CARD"), None)
    if card is not None:
        targets[card] = folder / f"{key}.MODEL_CARD"
    if force:
        for path in targets.values():
            path.unlink(missing_ok=True)
    # the model first, its .onnx.json (which makes the voice visible) last
    for file_name in (
        model_name,
        *(n for n in targets if n not in (model_name, config_name)),
        config_name,
    ):
        expected, target = files[file_name], targets[file_name]
        if (
            target.is_file()
            and target.stat().st_size == expected.size
            and _md5(target) == expected.md5
        ):
            continue
        target.unlink(missing_ok=True)
        _fetch_file(session, root + expected.path, target, expected, key, progress, timeout)
    return targets[model_name]
