"""Append an entry to a user pronunciation lexicon (TOML), safely.

The file is the one ``--lexicon`` reads (``audionews.normalize.lexicon.load_lexicon_file``):
UTF-8 TOML with optional ``[words]`` and ``[titles]`` tables of ``"written" = "spoken"``. An entry
goes at the end of the ``[words]`` table (created if missing), comments and other lines are kept
as they are, the result is checked by parsing it the way the normalizer will, and the file is
replaced atomically (a temporary file in the same folder, then ``os.replace``).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from audionews.errors import ConfigError
from audionews.normalize.lexicon import load_lexicon_file, parse_lexicon

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

__all__ = ["AddResult", "add_entry", "default_user_lexicon_path", "toml_string"]

_HEADER = (
    "# audionews user lexicon: how to read words the built-in rules get wrong.\n"
    '# [words] "written" = "spoken" (whole tokens; keys of 5+ characters also match in other\n'
    "# case). Use it with --lexicon; see docs/normalization.md.\n"
)
_TABLE = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")


@dataclass(frozen=True)
class AddResult:
    """What ``add_entry`` did: ``status`` is "added", "exists" (same reading already there)
    or "replaced" (only with ``replace=True``)."""

    path: Path
    written: str
    spoken: str
    status: str
    previous: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "written": self.written,
            "spoken": self.spoken,
            "status": self.status,
            "previous": self.previous,
        }


def default_user_lexicon_path() -> Path:
    """The user's own lexicon: ``lexicon.toml`` in the user config folder (platformdirs, the
    folder of config.toml, e.g. ``~/.config/audionews/lexicon.toml`` on Linux)."""
    import platformdirs

    return Path(platformdirs.user_config_dir("audionews")) / "lexicon.toml"


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string (quotes, backslashes and control characters escaped)."""
    out = ['"']
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def add_entry(
    written: str, spoken: str, path: Path | None = None, *, replace: bool = False
) -> AddResult:
    """Add ``written = spoken`` to the ``[words]`` table of the lexicon at ``path`` (default
    :func:`default_user_lexicon_path`), creating the file and its folder if needed.

    No duplicates: the same entry again is a no-op ("exists"); a different reading for a word
    already there raises :class:`ConfigError` unless ``replace`` is true. Raises ConfigError for
    an empty word or reading, a line break in either, or an existing file that is not a valid
    lexicon.
    """
    target = Path(path) if path is not None else default_user_lexicon_path()
    written, spoken = written.strip(), " ".join(spoken.split())
    if not written or not spoken:
        raise ConfigError("a lexicon entry needs a written form and a spoken form")
    if "\n" in written or "\r" in written:
        raise ConfigError("the written form must be one line")
    if target.exists():
        current = load_lexicon_file(target)  # ConfigError if unreadable or malformed
        text = target.read_text(encoding="utf-8")
        previous = current.words.get(written)
    else:
        text, previous = _HEADER, None
    if previous == spoken:
        return AddResult(target, written, spoken, "exists", previous)
    if previous is not None and not replace:
        raise ConfigError(
            f'{target}: "{written}" already reads "{previous}"; replace it to read "{spoken}"'
        )
    line = f"{toml_string(written)} = {toml_string(spoken)}"
    if previous is not None:
        new_text = _replace_line(text, written, line)
    else:
        new_text = _insert_line(text, line)
    _check(new_text, target, written, spoken)
    _write_atomically(target, new_text)
    status = "replaced" if previous is not None else "added"
    return AddResult(target, written, spoken, status, previous)


def _words_table_span(lines: list[str]) -> tuple[int, int] | None:
    """[start, end) line indexes of the body of the first ``[words]`` table, or None."""
    start: int | None = None
    for i, raw in enumerate(lines):
        match = _TABLE.match(raw)
        if match is None:
            continue
        if start is not None:
            return start, i
        if match.group(1) == "words":
            start = i + 1
    return None if start is None else (start, len(lines))


def _insert_line(text: str, line: str) -> str:
    lines = text.splitlines()
    span = _words_table_span(lines)
    if span is None:
        body = text.rstrip("\n")
        return (body + "\n\n" if body else "") + "[words]\n" + line + "\n"
    start, end = span
    last = start
    for i in range(start, end):  # after the table's last non-blank line
        if lines[i].strip():
            last = i + 1
    lines.insert(last, line)
    return "\n".join(lines) + "\n"


def _replace_line(text: str, written: str, line: str) -> str:
    lines = text.splitlines()
    span = _words_table_span(lines)
    if span is not None:
        for i in range(*span):
            try:
                parsed = tomllib.loads(lines[i])
            except tomllib.TOMLDecodeError:
                continue
            if [k.strip() for k in parsed] == [written]:
                lines[i] = line
                return "\n".join(lines) + "\n"
    raise ConfigError(f'cannot find the line of "{written}" in the [words] table to replace it')


def _check(text: str, target: Path, written: str, spoken: str) -> None:
    try:
        lexicon = parse_lexicon(tomllib.loads(text), str(target))
    except tomllib.TOMLDecodeError as exc:  # pragma: no cover - guarded by construction
        raise ConfigError(f"{target}: adding the entry would break the file ({exc})") from exc
    if lexicon.words.get(written) != spoken:
        raise ConfigError(f"{target}: the entry could not be added to its [words] table")


def _write_atomically(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = target.stat().st_mode & 0o777 if target.exists() else None
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
