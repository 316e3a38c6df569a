"""The profile table: each profile is a published delivery spec, consistent with itself, and a
render with it passes its own validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from audionews.export import BITRATES
from audionews.profiles import PROFILES
from audionews.settings import RenderSettings
from audionews.validate import validate

MPEG1_RATES = (32000, 44100, 48000)


def test_the_table() -> None:
    assert list(PROFILES) == ["podcast", "spotify", "radio", "ebu-r128-s1"]
    for name, p in PROFILES.items():
        assert p.name == name and p.description
        assert p.source.startswith("https://"), name
        # the limiter's ceiling sits at or under the spec's limit on the delivered file
        assert p.true_peak <= p.peak_limit <= -1.0, name
        assert p.sample_rate in p.accepted_rates, name
        assert p.format in p.accepted_formats, name
        assert -24.0 <= p.loudness <= -14.0 and 0 < p.tolerance <= 1.0, name
        if p.format == "mp3":
            # MPEG-1 Layer III only: 44.1/48 kHz (many hosts and playout systems refuse MPEG-2)
            assert set(p.accepted_rates) <= set(MPEG1_RATES), name
            assert p.bitrate in BITRATES, name
            assert p.min_bitrate is not None and p.bitrate >= p.min_bitrate, name
        else:
            assert p.bitrate is None and p.bits == 24, name


def test_podcast_meets_apple_podcasts() -> None:
    """Apple Podcasts: MP3 mono at 44.1 kHz minimum, 96-128 kbps recommended; -16 LUFS,
    true peak at most -1 dBTP."""
    p = PROFILES["podcast"]
    assert (p.format, p.sample_rate, p.channels) == ("mp3", 44100, 1)
    assert 96 <= (p.bitrate or 0) <= 128 and p.min_bitrate == 96
    assert (p.loudness, p.tolerance, p.peak_limit) == (-16.0, 1.0, -1.0)
    assert p.true_peak < p.peak_limit  # headroom for the encoder's overshoot


def test_broadcast_profiles_are_ebu_r128() -> None:
    for name in ("radio", "ebu-r128-s1"):
        p = PROFILES[name]
        assert (p.loudness, p.tolerance, p.peak_limit) == (-23.0, 0.5, -1.0)
        assert (p.format, p.sample_rate, p.bits) == ("wav", 48000, 24)
    assert PROFILES["radio"].max_short_term is None
    assert PROFILES["ebu-r128-s1"].max_short_term == -18.0
    assert not PROFILES["ebu-r128-s1"].chapters


@pytest.mark.parametrize("name", list(PROFILES))
def test_settings_take_the_profile(name: str) -> None:
    p = PROFILES[name]
    s = RenderSettings(profile=name)
    assert s.output_format == p.format
    assert (s.mastering.loudness, s.mastering.true_peak) == (p.loudness, p.true_peak)
    assert s.mastering.sample_rate == p.sample_rate


@pytest.mark.parametrize("name", list(PROFILES))
def test_a_render_passes_its_profile(name: str, article: Path, tmp_path: Path) -> None:
    from audionews.pipeline import make

    p = PROFILES[name]
    # The bitrate is passed until RenderSettings takes it from the profile (docs/delivery.md).
    settings = RenderSettings.build(name, engine="espeak", output=tmp_path / f"out.{p.format}",
                                    bitrate=p.bitrate, no_cache=True)  # fmt: skip
    result = make(article, settings)
    report = validate(result.path, name)
    assert report.passed, report.summary()


@pytest.mark.parametrize(
    ("profile", "true_peak", "slack"),
    [("podcast", None, 0.1), ("spotify", None, 0.1), ("podcast", -1.5, 0.0), ("radio", None, 0.0)],
)
def test_an_mp3_a_hair_over_the_profiles_own_ceiling_is_not_mastered_again(
    profile: str, true_peak: float | None, slack: float
) -> None:
    """The limiter holds the profile's ceiling, set under the spec's maximum for the codec's
    overshoot; 0.1 dB over it (under a meter's accuracy) is kept. A ceiling the user set, or one
    at the spec's maximum, is held exactly."""
    from audionews.deliver import _peak_slack

    settings = RenderSettings.build(profile, true_peak=true_peak)
    assert _peak_slack(settings) == slack
