"""Sidecar files written beside a programme, all timed from the assembly itself.

- ``X.srt`` and ``X.vtt``: one cue per sentence (a long sentence cut into chunks is one cue).
- ``X.chapters.json``: Podcasting 2.0 JSON chapters.
- ``X.labels.txt``: an Audacity label track (start, end, title; tab-separated seconds).
- ``X.cue``: a cue sheet, one track per chapter.
- ``X.manifest.json``: every chunk with its written piece, spoken text, start/end, plus engine,
  voice, settings, loudness and the dropped lines.

Times are those of the audio file as heard: for MP3 they include the encoder delay.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from audionews.audio import ChapterMark, TimedChunk
from audionews.export import atomic_write, programme_unit
from audionews.script import Pause, Script

__all__ = ["SIDECARS", "SidecarContext", "Subtitle", "subtitles", "write_sidecars"]

SIDECARS = ("srt", "vtt", "chapters", "labels", "cue", "manifest")


@dataclass(frozen=True)
class Subtitle:
    start_ms: float
    end_ms: float
    text: str


@dataclass(frozen=True)
class SidecarContext:
    """Everything the sidecars describe."""

    audio_path: Path
    title: str
    chapters: tuple[ChapterMark, ...]
    chunks: tuple[TimedChunk, ...]
    script: Script
    duration: float
    artist: str | None = None
    engine: str = ""
    voice: str = ""
    settings: dict[str, Any] = field(default_factory=dict)
    loudness: dict[str, float] | None = None
    engine_note: str | None = None
    """Said of the engine in the manifest, e.g. that it is a draft voice not fit for air."""
    subtitle_text: str = "written"
    """SRT/VTT cues carry the written text ("written", for transcripts) or what is spoken."""


def subtitles(chunks: Sequence[TimedChunk]) -> list[Subtitle]:
    """Merge chunks cut inside a sentence back into one cue per sentence."""
    out: list[Subtitle] = []
    start: float | None = None
    texts: list[str] = []
    for c in chunks:
        if start is None:
            start = c.start_ms
        texts.append(c.text)
        if c.pause_after is not Pause.CLAUSE:
            out.append(Subtitle(start, c.end_ms, " ".join(texts)))
            start, texts = None, []
    if start is not None and texts:
        out.append(Subtitle(start, chunks[-1].end_ms, " ".join(texts)))
    return out


def written_subtitles(script: Script, subs: Sequence[Subtitle]) -> list[Subtitle]:
    """The cues of :func:`subtitles` with the written text ("ngày 15/9" rather than "ngày mười
    lăm tháng chín"), timed the same: each piece's written sentences take its spoken cues one
    for one; a piece whose sentences and cues do not pair up keeps its spoken cues."""
    from audionews.segment import split_sentences, unglue_sentences

    out: list[Subtitle] = []
    at = 0
    for chapter in script.chapters:
        for piece in chapter.pieces:
            n = sum(1 for c in piece.chunks if c.pause_after is not Pause.CLAUSE)
            n = max(n, 1) if piece.chunks else 0
            cues = list(subs[at : at + n])
            at += n
            written = split_sentences(unglue_sentences(piece.written))
            if len(cues) == 1:
                out.append(replace(cues[0], text=" ".join(piece.written.split())))
            elif len(written) == len(cues):
                out.extend(replace(c, text=w) for c, w in zip(cues, written, strict=True))
            else:
                out.extend(cues)
    out.extend(subs[at:])
    return out


def _clock(ms: float, sep: str) -> str:
    total = max(0, round(ms))
    h, rest = divmod(total, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{milli:03d}"


def srt_text(subs: Sequence[Subtitle]) -> str:
    blocks = [
        f"{i}\n{_clock(s.start_ms, ',')} --> {_clock(s.end_ms, ',')}\n{s.text}\n"
        for i, s in enumerate(subs, start=1)
    ]
    return "\n".join(blocks)


def vtt_text(subs: Sequence[Subtitle], title: str) -> str:
    head = "WEBVTT - " + " ".join(title.split()).replace("-->", "->") + "\n"
    blocks = [
        f"{i}\n{_clock(s.start_ms, '.')} --> {_clock(s.end_ms, '.')}\n"
        f"{s.text.replace('-->', '->')}\n"
        for i, s in enumerate(subs, start=1)
    ]
    return head + "\n" + "\n".join(blocks)


def chapters_json(ctx: SidecarContext) -> str:
    data = {
        "version": "1.2.0",
        "title": ctx.title,
        **({"author": ctx.artist} if ctx.artist else {}),
        "chapters": [
            {
                "startTime": round(c.start_ms / 1000, 3),
                "endTime": round(c.end_ms / 1000, 3),
                "title": c.title,
            }
            for c in ctx.chapters
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def labels_text(chapters: Sequence[ChapterMark]) -> str:
    return "".join(f"{c.start_ms / 1000:.6f}\t{c.end_ms / 1000:.6f}\t{c.title}\n" for c in chapters)


def _cue_time(ms: float) -> str:
    frames = round(ms * 75 / 1000)  # cue sheets count 75 frames a second
    m, rest = divmod(frames, 75 * 60)
    s, f = divmod(rest, 75)
    return f"{m:02d}:{s:02d}:{f:02d}"


def _quote(text: str) -> str:
    return '"' + text.replace('"', "'") + '"'


def cue_text(ctx: SidecarContext) -> str:
    kind = "WAVE" if ctx.audio_path.suffix.lower() == ".wav" else "MP3"
    lines = []
    if ctx.artist:
        lines.append(f"PERFORMER {_quote(ctx.artist)}")
    lines += [f"TITLE {_quote(ctx.title)}", f"FILE {_quote(ctx.audio_path.name)} {kind}"]
    for i, c in enumerate(ctx.chapters, start=1):
        lines += [
            f"  TRACK {i:02d} AUDIO",
            f"    TITLE {_quote(c.title)}",
            f"    INDEX 01 {_cue_time(c.start_ms)}",
        ]
    return "\n".join(lines) + "\n"


def manifest_json(ctx: SidecarContext) -> str:
    written: list[tuple[str, str]] = []
    for chapter in ctx.script.chapters:
        for piece in chapter.pieces:
            written.extend((piece.kind, piece.written) for _ in piece.chunks)
    data = {
        "audio": ctx.audio_path.name,
        "title": ctx.title,
        "duration": round(ctx.duration, 3),
        "engine": ctx.engine,
        "engine_note": ctx.engine_note,
        "voice": ctx.voice,
        "settings": ctx.settings,
        "loudness": ctx.loudness,
        "chapters": [
            {"title": c.title, "start": c.start_ms / 1000, "end": c.end_ms / 1000}
            for c in ctx.chapters
        ],
        "chunks": [
            {
                "index": i,
                "kind": written[i][0] if i < len(written) else None,
                "text": written[i][1] if i < len(written) else None,
                "spoken": c.text,
                "start": round(c.start_ms / 1000, 3),
                "end": round(c.end_ms / 1000, 3),
                "pause_after": c.pause_after.value,
            }
            for i, c in enumerate(ctx.chunks)
        ],
        "dropped": [
            {"line": d.line, "text": d.text, "reason": d.reason} for d in ctx.script.dropped
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def sidecar_path(audio: Path, kind: str) -> Path:
    suffix = {
        "srt": ".srt",
        "vtt": ".vtt",
        "chapters": ".chapters.json",
        "labels": ".labels.txt",
        "cue": ".cue",
        "manifest": ".manifest.json",
    }[kind]
    return audio.with_name(audio.stem + suffix)


def write_sidecars(ctx: SidecarContext, kinds: Sequence[str]) -> list[Path]:
    """Write the asked sidecars beside the audio file, as one unit: all of them or (on an error,
    e.g. a full disk: :class:`~audionews.errors.ExportError`) none. Inside an
    :func:`~audionews.export.programme_unit` they are committed with the programme itself.
    Returns their paths."""
    subs = subtitles(ctx.chunks)
    if ctx.subtitle_text == "written":
        subs = written_subtitles(ctx.script, subs)
    makers = {
        "srt": lambda: srt_text(subs),
        "vtt": lambda: vtt_text(subs, ctx.title),
        "chapters": lambda: chapters_json(ctx),
        "labels": lambda: labels_text(ctx.chapters),
        "cue": lambda: cue_text(ctx),
        "manifest": lambda: manifest_json(ctx),
    }
    written: list[Path] = []
    with programme_unit():
        for kind in kinds:
            path = sidecar_path(ctx.audio_path, kind)
            with atomic_write(path) as tmp:
                tmp.write_text(makers[kind](), encoding="utf-8")
            written.append(path)
    return written
