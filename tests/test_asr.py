"""The recognizer interface and the viet-asr wrapper (skipped without the ``check`` extra)."""

from __future__ import annotations

import numpy as np
import pytest

from audionews import asr


def test_registry_names_the_default() -> None:
    assert asr.DEFAULT_RECOGNIZER in asr.RECOGNIZERS
    ok, why = asr.recognizer_available("nope")
    assert not ok and "unknown recognizer" in why


def test_viet_asr_is_quiet_and_satisfies_the_interface(capfd: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("vietasr")
    recognizer = asr.load_recognizer()
    assert isinstance(recognizer, asr.Recognizer)
    assert recognizer.sample_rate == 16000
    assert recognizer.version.startswith("viet-asr ")
    assert recognizer.transcribe(np.zeros(0, dtype=np.int16)) == ""
    assert recognizer.transcribe(np.zeros(8000, dtype=np.int16)) == ""
    # its native INFO lines ("vocab loaded", "engine loaded") are silenced
    assert "[vietasr]" not in capfd.readouterr().err
    assert asr.recognizer_available() == (True, "viet-asr is installed")
