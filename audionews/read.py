"""Stage 1, read: bytes from a file or stdin become clean Unicode text.

Accepts UTF-8 (with or without BOM) and UTF-16 with BOM; legacy Vietnamese byte encodings are
handed to ``audionews.normalize.encoding`` when it recognises them. The result is NFC with
non-breaking and other odd spaces folded to plain spaces, and ``\\n`` line ends.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
import unicodedata
from pathlib import Path

from audionews import regexcache as rc
from audionews.errors import InputError

#: Largest input accepted: a long feature is ~100 kB; 5 MB is certainly not an article.
MAX_INPUT_BYTES = 5 * 1024 * 1024

# Spaces that are not U+0020: NBSP, the U+2000 block, narrow NBSP, ideographic; plus zero-widths.
_ODD_SPACES = rc.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_ZERO_WIDTH = rc.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_C1 = rc.compile(r"[\x80-\x9f]")
_CONTROL = rc.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Unicode noncharacters (U+FDD0-U+FDEF, U+xFFFE and U+xFFFF in every plane) and lone surrogates:
# never text, and not allowed in XML (a podcast feed) or safe in ID3 tags.
_NONCHARACTERS = rc.compile(
    "[\ufdd0-\ufdef\ud800-\udfff"
    + "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17))
    + "]"
)


def read_article_text(source: str | Path) -> tuple[str, str]:
    """Read an article from a path, or from stdin when ``source`` is ``"-"``.

    Returns ``(text, name)`` where ``name`` names the source in messages.
    Raises :class:`InputError` for missing, empty, binary, undecodable or oversized input.
    """
    if str(source) == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        name = "<stdin>"
    else:
        path = Path(source)
        name = str(path)
        if not path.exists():
            raise InputError(f"{name}: no such file. Check the path.")
        if path.is_dir():
            raise InputError(f"{name}: is a folder, not an article file. Name a .txt file.")
        data = read_regular_file(path, MAX_INPUT_BYTES)
    return decode_article(data, name), name


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, at most ``max_bytes`` (plus one, so "too big" can be told).

    Raises :class:`InputError` for a file that is not a regular file (a FIFO would block for
    ever, ``/dev/zero`` never ends: neither has a size to check), one over the limit, or one
    that cannot be read.
    """
    name = str(path)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer before we can refuse it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror}).") from exc
    with os.fdopen(fd, "rb") as fh:
        try:
            info = os.fstat(fh.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise InputError(
                    f"{name}: is not a regular file (a pipe, socket or device). Give an article "
                    "file, or - to read standard input."
                )
            if info.st_size > max_bytes:
                raise InputError(
                    f"{name}: {info.st_size / 1e6:.1f} MB is too big for one article "
                    f"(limit {max_bytes / 1e6:g} MB). Split it into separate articles."
                )
            return fh.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(f"{name}: cannot be read ({exc.strerror}).") from exc


def decode_article(data: bytes, name: str = "<input>") -> str:
    """Decode raw article bytes to clean text, or raise :class:`InputError` naming ``name``."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            f"{name}: more than {MAX_INPUT_BYTES // 1_000_000} MB is too big for one article. "
            "Split it into separate articles."
        )
    text = _decode(data, name)
    if _looks_binary(text):
        raise InputError(
            f"{name}: looks like binary data, not an article. "
            "Save the article as plain text (UTF-8) and try again."
        )
    text = clean_text(text)
    if not text.strip():
        raise InputError(f"{name}: the file is empty (no text to read). Give an article with text.")
    return text


def _decode(data: bytes, name: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name)
    if b"\x00" in data[:4096]:
        raise InputError(
            f"{name}: looks like a binary file (it contains NUL bytes), not text. "
            "Save the article as plain text (UTF-8) and try again."
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        legacy = _decode_legacy(data)
        if legacy is not None:
            return legacy
        raise InputError(
            f"{name}: is not valid UTF-8 (bad byte at offset {exc.start}) and is not a known "
            "Vietnamese encoding. Re-save the file as UTF-8 (in most editors: Save As, "
            "encoding UTF-8)."
        ) from exc


def _decode_legacy(data: bytes) -> str | None:
    try:
        from audionews.normalize import encoding
    except ImportError:  # pragma: no cover - encoding support ships with the package
        return None
    decoder = getattr(encoding, "decode_bytes", None)
    if decoder is None:  # pragma: no cover
        return None
    result: str | None = decoder(data)
    if result is not None and _C1.search(result):
        return None  # C1 controls: a wrong guess, not a real legacy document
    return result


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: starts like {codec.upper()} but has a bad byte at offset {exc.start}. "
            "Re-save the file as UTF-8."
        ) from exc


def clean_text(text: str) -> str:
    """NFC, ``\\n`` line ends, odd spaces folded, zero-width and control characters and Unicode
    noncharacters (U+FFFE, U+FFFF, ...) removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    text = _CONTROL.sub("", text)
    text = _NONCHARACTERS.sub("", text)
    return unicodedata.normalize("NFC", text)


def _looks_binary(text: str) -> bool:
    """Many replacement characters or private-use code points: not a text article."""
    sample = text[:20000]
    if not sample:
        return False
    bad = sum(1 for ch in sample if ch == "\ufffd" or unicodedata.category(ch) in ("Co", "Cs"))
    return bad / len(sample) > 0.05
