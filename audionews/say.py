"""Hear a few words before a whole render: to check a pronunciation or a lexicon entry.

The words go through the same stages as an article (normalization with the user's lexicons,
the engine, pacing, loudness) and become a short WAV or MP3, played when a player is at hand.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from audionews.article import Article, Block, BlockKind, Section
from audionews.errors import InputError
from audionews.pipeline import MakeResult, open_engine, render, script_for
from audionews.settings import RenderSettings

__all__ = ["PLAYERS", "SayResult", "find_player", "say"]

PLAYERS: tuple[tuple[str, ...], ...] = (
    ("ffplay", "-nodisp", "-autoexit", "-loglevel", "quiet"),
    ("paplay",),
    ("aplay", "-q"),
    ("afplay",),
    ("play", "-q"),
)
"""Players tried in order, each with the arguments that play a file and return."""


@dataclass(frozen=True)
class SayResult:
    spoken: str
    """The text as the engine received it (after normalization)."""
    result: MakeResult
    played_with: str | None = None
    """The player used, when the audio was played instead of kept."""


def find_player() -> tuple[str, ...] | None:
    """The first audio player on PATH, with its arguments, or None."""
    for command in PLAYERS:
        if shutil.which(command[0]):
            return command
    return None


def say(
    text: str,
    settings: RenderSettings | None = None,
    output: Path | None = None,
    play: bool = True,
) -> SayResult:
    """Speak ``text`` with the settings' engine, voice and lexicons.

    With ``output``, write it there (.wav or .mp3). Without, play it when a player is found
    (and keep nothing), else write ``say.wav`` in the settings' output folder.
    """
    words = " ".join(text.split())
    if not words:
        raise InputError("nothing to say: give a few words.")
    if len(words) > 2000:
        raise InputError("say is for a few words (up to 2,000 characters): render an article.")
    settings = settings or RenderSettings()
    article = Article(
        title=words[:60],
        title_from="none",
        sections=(Section(None, (Block(BlockKind.PARAGRAPH, words, 1),)),),
    )
    tts, reason = open_engine(settings)
    script = script_for(article, tts, replace(settings, keep_all=False))
    spoken = " ".join(c.text for c in script.chunks)
    player = find_player() if play and output is None else None
    with tempfile.TemporaryDirectory(prefix="audionews-say-") as tmp:
        if output is not None:
            target = output
        elif player is not None:
            target = Path(tmp) / "say.wav"
        else:
            folder = settings.output if settings.output is not None else Path("output")
            target = Path(folder) / "say.wav"
        quiet = replace(settings, output=target, sidecars=(), fit=None, intro=None, outro=None)
        result = render(script, tts, reason, replace(quiet, bed=None))
        if player is not None:
            subprocess.run([*player, str(target)], check=False, timeout=120)
            return SayResult(spoken, result, played_with=player[0])
    return SayResult(spoken, result)
