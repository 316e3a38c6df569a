"""The emoji rule drops pictographs only (issue 12 round 9, set H's class)."""

from __future__ import annotations

from audionews.normalize.rules import pictographs

_KEPT = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"


def test_letters_and_signs_are_never_stripped() -> None:
    text = _KEPT + _KEPT.upper() + " ‰ ° ₫ € £ ¥ $ % ² ³ ½ № • ❶ ➓ © ®"
    assert pictographs(text) == text


def test_arrows_are_bullets_too() -> None:
    """Set I: "→" was left to the engine (eSpeak says nothing or a symbol's name)."""
    assert pictographs("Mưa lớn → sông dâng") == "Mưa lớn, sông dâng"


def test_pictographs_are_dropped() -> None:
    assert pictographs("🚨 Khẩn: 🌊 triều cường 📈") == "Khẩn: triều cường"
    assert pictographs("Mở cửa ☀️ từ 8 giờ") == "Mở cửa, từ 8 giờ"
