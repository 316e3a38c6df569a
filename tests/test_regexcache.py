"""The regex cache: a pattern read back from the file is the pattern re.compile makes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from audionews import regexcache

PATTERNS = [
    (r"(?P<day>\d{1,2})\s*-\s*(\d{1,2})/(?P<month>\d{1,2})", 0),
    (r"(?<![\w.])(?:Ảnh|Nguồn)\s*:\s*([^()]{1,40})$", re.IGNORECASE),
    (r"^\s*[-–—•]\s+", re.MULTILINE),
]
TEXTS = ["từ ngày 23-24/8", "Ảnh: Minh Anh", "NGUỒN: TTXVN", " – một dòng\n• hai", "không gì"]

_PROBE = """
import re, sys
from audionews import regexcache
patterns = {patterns!r}
texts = {texts!r}
for p, f in patterns:
    ours, theirs = regexcache.compile(p, f), re.compile(p, f)
    assert (ours.pattern, ours.flags, ours.groups, ours.groupindex) == (
        theirs.pattern, theirs.flags, theirs.groups, theirs.groupindex), p
    for t in texts:
        a, b = ours.search(t), theirs.search(t)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (p, t)
print(regexcache.hits)
"""


def _run(cache: Path) -> str:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "AUDIONEWS_REGEX_CACHE": "1"}
    code = _PROBE.format(patterns=PATTERNS, texts=TEXTS)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.skipif(not regexcache.enabled(), reason="not CPython's re internals")
def test_patterns_written_then_read_back_match_as_re_compile(tmp_path: Path) -> None:
    assert _run(tmp_path) == "0"  # the first process parses and writes the file
    written = list(tmp_path.rglob("regex-*.marshal"))
    assert len(written) == 1
    assert _run(tmp_path) == str(len(PATTERNS))  # the second reads all three back


@pytest.mark.skipif(not regexcache.enabled(), reason="not CPython's re internals")
def test_a_damaged_file_falls_back_to_parsing(tmp_path: Path) -> None:
    _run(tmp_path)
    (written,) = tmp_path.rglob("regex-*.marshal")
    written.write_bytes(b"\x00not marshal")
    assert _run(tmp_path) == "0"  # read as empty, parsed again, rewritten
    assert _run(tmp_path) == str(len(PATTERNS))


def test_bytes_and_debug_patterns_go_to_re_compile() -> None:
    assert regexcache.compile(r"\d+").fullmatch("123")
    with pytest.raises(re.error):
        regexcache.compile(r"(unclosed")
