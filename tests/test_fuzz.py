"""Issue #17: nothing ever ends in a traceback.

Two property tests (hypothesis):

- the CLI's ``make`` (and ``script``) with random options, valid and not, on a tiny article,
  in process (typer's CliRunner), offline (espeak), with the cache in a temporary folder: every
  run ends with exit code 0, 2, 3 or 4 and a message, never an unexpected exception;
- random bytes, and random documents built from each format's own pieces, read as .txt, .html,
  .docx and .md through :func:`audionews.formats.load_document` and turned into a spoken script:
  only :class:`~audionews.errors.AudionewsError` may come out.

Crashes found in modules this suite's owner does not edit (``formats/``) are listed in
``KNOWN_CRASHES`` with a strict xfail reproducer each: the fuzz test tolerates exactly those,
and the reproducers start failing (XPASS) the day they are fixed, so the list is kept honest.
It is empty now.
Scale: 40 CLI runs (about a third render a programme) and 800 documents, about 15 s on the
project machine.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from audionews.cli import app
from audionews.errors import AudionewsError

runner = CliRunner()

ARTICLE = "Giá lúa tăng\n\nNông dân ở Đồng Tháp phấn khởi vì giá lúa tăng 5% trong tuần.\n"
ALLOWED_EXIT = {0, 2, 3, 4}

# --- the CLI ------------------------------------------------------------------------------------

NUMBERS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True, width=32).map(str),
    st.sampled_from(["", "x", "1e999", "-0", "0"]),
)
OPTIONS: dict[str, st.SearchStrategy[str | None]] = {
    "--speed": st.one_of(st.sampled_from(["0.8", "1.0", "1.25", "1.3", "0.5"]), NUMBERS),
    "--bitrate": st.one_of(
        st.sampled_from(["32", "64", "160", "320"]), st.integers(-5, 400).map(str)
    ),
    "--vbr": st.integers(-2, 12).map(str),
    "--sample-rate": st.sampled_from(["22050", "24000", "44100", "48000", "8000", "0", "x"]),
    "--loudness": st.one_of(st.sampled_from(["-16", "-23", "-30", "0", "-70"]), NUMBERS),
    "--true-peak": st.one_of(st.sampled_from(["-1", "-3", "0", "5"]), NUMBERS),
    "--fit": st.sampled_from(["0:04", "0:06", "0:10", "1:00", "0:00", "x", "-1", "9:99", "nan"]),
    "--pause-sentence": st.integers(-100, 3000).map(str),
    "--pause-paragraph": st.integers(-100, 3000).map(str),
    "--pause-section": st.integers(-100, 3000).map(str),
    "--format": st.sampled_from(["mp3", "wav", "ogg", ""]),
    "--bits": st.sampled_from(["16", "24", "8", "x"]),
    "--sidecars": st.sampled_from(["all", "srt", "srt,vtt", "manifest,cue,labels", "x", ",", ""]),
    "--voice": st.sampled_from(["vi", "vi-VN-x-south", "en", "", "vi-VN-HoaiMyNeural"]),
    "--heading-voice": st.sampled_from(["vi-VN-x-central", "vi", "nope"]),
    "--profile": st.sampled_from(["podcast", "radio", "tv"]),
    "--album": st.text(max_size=12),
    "--publisher": st.text(max_size=12),
    "--timeout": st.sampled_from(["5", "0", "-1", "nan", "x"]),
    "--engine": st.sampled_from(["espeak", "espeak", "espeak", "piper", "nope"]),
    "--voice-model": st.sampled_from(["missing.onnx", "garbage.onnx"]),
    "--lexicon": st.sampled_from(["good.toml", "garbage.toml", "missing.toml", "empty.toml"]),
    "--intro": st.sampled_from(["missing.mp3", "garbage.mp3"]),
    "--bed": st.sampled_from(["garbage.wav"]),
    "-o": st.sampled_from(["a.mp3", "a.wav", "a.flac", "dir/", "sub/a.mp3", "x"]),
    "--read-captions": st.none(),
    "--no-cache": st.none(),
    "-q": st.none(),
}


def _workspace(root: Path) -> None:
    (root / "bai.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "good.toml").write_text('[words]\n"Đồng Tháp" = "đồng tháp"\n', encoding="utf-8")
    (root / "garbage.toml").write_bytes(b"[words\n\x00\xff = = =")
    (root / "empty.toml").write_text("")
    for name in ("garbage.onnx", "garbage.mp3", "garbage.wav"):
        (root / name).write_bytes(b"\x00\x01 not audio at all" * 10)


@st.composite
def cli_args(draw: st.DrawFn) -> list[str]:
    chosen = draw(st.lists(st.sampled_from(sorted(OPTIONS)), max_size=6, unique=True))
    args: list[str] = []
    for flag in chosen:
        value = draw(OPTIONS[flag])
        args += [flag] if value is None else [flag, value]
    if "--engine" not in chosen:
        args += ["--engine", "espeak"]  # never the network
    return args


def _assert_clean(result: object, args: list[str]) -> None:
    exc = getattr(result, "exception", None)
    code = getattr(result, "exit_code", None)
    output = getattr(result, "output", "")
    assert exc is None or isinstance(exc, SystemExit), (args, repr(exc), output)
    assert code in ALLOWED_EXIT, (args, code, output)
    assert "Traceback" not in output, (args, output)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(args=cli_args(), command=st.sampled_from(["make", "make", "make", "script"]))
def test_cli_never_ends_in_a_traceback(args: list[str], command: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        _workspace(root)
        if command == "script":  # script takes only some options: the rest are usage errors
            args = [a for a in args if a not in ("-o", "--no-cache")]
        full = [command, str(root / "bai.txt"), *args]
        if command == "make":
            full += ["--cache-dir", str(root / "cache")]
        cwd = Path.cwd()
        try:
            os.chdir(root)  # relative names (-o a.mp3, --lexicon good.toml) land here
            result = runner.invoke(app, full)
        finally:
            os.chdir(cwd)
        _assert_clean(result, full)


# --- every input format -------------------------------------------------------------------------

PIECES = st.sampled_from(
    [
        *"<>/&;# \n\t\"'=abcdehilmnoprstuvyĐđăâêôơưáàảãạ0123456789.,:-()[]*_`!|\r\x00\x01",
        *("<p>", "</p>", "<h1>", "</h1>", "<h2>", "&amp;", "&#xe9;", "# ", "## ", "\n\n", "<br>"),
        *("<title>", "</title>", "<figcaption>", "Ảnh: ", "Theo ", "1.500", "23/10/2020", "5%"),
        *("TP.HCM", "UBND", "XIV", "\ufffe", "\u200b", "\ufeff", "> ", "- ", "1. ", "**", "[a](b)"),
        *("<w:p>", "<w:r>", "<w:t>", "</w:t>", "</w:r>", "</w:p>", '<w:pStyle w:val="Title"/>'),
    ]
)
TEXT = st.lists(PIECES, max_size=60).map("".join)
KNOWN_CRASHES: tuple[tuple[type[BaseException], str], ...] = ()
"""None left: the three the fuzzer found (a control-character entity, a page without a body,
a text holding only a date line) are fixed and pinned by the former-crash tests below."""


def _docx(body: str) -> bytes:
    out = io.BytesIO()
    ns = "http://schemas.openxmlformats.org"
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            f'<?xml version="1.0"?><Types xmlns="{ns}/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            f'<?xml version="1.0"?><Relationships xmlns="{ns}/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>',
        )
        z.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{ns}/'
            f'wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>'.encode(
                "utf-8", "surrogatepass"
            ),
        )
    return out.getvalue()


def _read(data: bytes, suffix: str) -> None:
    from audionews.formats import load_document
    from audionews.script import build_script

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"bai{suffix}"
        path.write_bytes(data)
        try:
            build_script(load_document(path), max_chars=100)
        except AudionewsError:
            pass
        except (ValueError, AssertionError, IndexError) as exc:  # only if already reported
            if not any(isinstance(exc, t) and m in str(exc) for t, m in KNOWN_CRASHES):
                raise


@settings(max_examples=800, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    suffix=st.sampled_from([".txt", ".html", ".docx", ".md"]),
    raw=st.binary(max_size=400),
    text=TEXT,
    shaped=st.booleans(),
)
def test_any_bytes_in_any_format_end_in_a_clean_error(
    suffix: str, raw: bytes, text: str, shaped: bool
) -> None:
    if not shaped:
        data = raw
    elif suffix == ".docx":
        data = _docx(text)
    else:
        data = text.encode("utf-8", "surrogatepass")
    _read(data, suffix)


@pytest.mark.parametrize("page", [b"x&#x1;", b"<script>", b"<title>Tin</title>", b"&#xFFFE;x"])
def test_former_crash_in_the_html_reader(tmp_path: Path, page: bytes) -> None:
    from audionews.formats import load_document

    path = tmp_path / "bai.html"
    path.write_bytes(page)
    with contextlib.suppress(AudionewsError):
        load_document(path)


def test_former_crash_in_the_text_parser(tmp_path: Path) -> None:
    from audionews.formats import load_document

    path = tmp_path / "bai.txt"
    path.write_text("23/10/2020\n", encoding="utf-8")  # only a date line
    with contextlib.suppress(AudionewsError):
        load_document(path)
