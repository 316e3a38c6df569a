"""Settings: profiles, config files, output and format rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from audionews.cli import app
from audionews.errors import ConfigError
from audionews.settings import RenderSettings

runner = CliRunner()


def test_config_file_sets_options_and_command_line_wins(article: Path, tmp_path: Path) -> None:
    config = tmp_path / "audionews.toml"
    config.write_text(
        '[make]\nengine = "espeak"\nprofile = "radio"\nsidecars = "srt"\n', encoding="utf-8"
    )
    out = tmp_path / "c.wav"
    result = runner.invoke(app, ["--config", str(config), "make", str(article), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists() and out.with_suffix(".srt").exists()
    mp3 = tmp_path / "c.mp3"
    result = runner.invoke(
        app, ["--config", str(config), "make", str(article), "-o", str(mp3), "--profile", "podcast"]
    )
    assert result.exit_code == 0, result.output
    assert "-16.0 LUFS" in result.output


def test_config_file_with_unknown_key(article: Path, tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[make]\nloudnes = -16\n", encoding="utf-8")
    result = runner.invoke(app, ["--config", str(config), "make", str(article)])
    assert result.exit_code == 2
    assert "loudnes" in result.output and "bad.toml" in result.output


def test_local_config_is_found(
    article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "audionews.toml").write_text('[make]\nengine = "espeak"\n', encoding="utf-8")
    result = runner.invoke(app, ["make", str(article), "-o", "x.mp3"])
    assert result.exit_code == 0, result.output
    assert "Engine: espeak" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "ogg"], "format"),
        (["--loudness", "-2"], "loudness"),
        (["--sidecars", "srt,pdf"], "sidecar"),
        (["--fit", "abc"], "--fit"),
        (["--profile", "tv"], "profile"),
        (["-o", "x.ogg"], ".mp3, .wav or .m4a"),
    ],
)
def test_bad_output_options(article: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["make", str(article), "-e", "espeak", *args])
    assert result.exit_code == 2, result.output
    assert message in result.output


# --- the library builds the settings: profiles, parsing, engine facts ------------------------


def test_profile_applies_from_python() -> None:
    radio = RenderSettings(profile="radio")
    assert radio.output_format == "wav" and radio.bit_depth == 24
    assert radio.mastering.loudness == -23.0 and radio.mastering.sample_rate == 48000
    podcast = RenderSettings()
    assert podcast.output_format == "mp3" and podcast.mastering.loudness == -16.0
    # an explicit value wins over the profile's; the output's extension gives the format
    assert RenderSettings(profile="radio", loudness=-20.0).mastering.loudness == -20.0
    assert RenderSettings(profile="radio", output=Path("a.mp3")).output_format == "mp3"


def test_build_parses_what_the_command_line_gives() -> None:
    s = RenderSettings.build(
        "podcast",
        fit="2:30",
        sidecars="all",
        pause_sentence=300,
        voice_model=Path("v.onnx"),
        speaker="3",
        rate="+10%",
        vbr=2,
        lexicon=[Path("a.toml")],
        no_cache=True,
    )
    assert s.fit == 150.0 and len(s.sidecars) == 6 and s.pauses.sentence == 300
    assert s.engine_options.voice_model == Path("v.onnx") and s.engine_options.speaker == 3
    assert s.engine_options.rate == "+10%" and s.vbr_quality == 2
    assert s.lexicon_files == (Path("a.toml"),) and not s.use_cache
    assert RenderSettings.build(sidecars="srt, vtt").sidecars == ("srt", "vtt")
    assert RenderSettings.build(fit="1:02:03").fit == 3723.0


@pytest.mark.parametrize(
    "values,setting",
    [
        ({"fit": "nan"}, "fit"),
        ({"fit": "soon"}, "fit"),
        ({"fit": "-3"}, "fit"),
        ({"timeout": 0.0}, "timeout"),
        ({"timeout": float("nan")}, "timeout"),
        ({"sidecars": "srt,mp4"}, "sidecars"),
        ({"profile": "tv"}, "profile"),
        ({"engine": "nope"}, "engine"),
        ({"bits": 20}, "bits"),
        ({"loudness": 3.0}, "loudness"),
        ({"output": "x.ogg"}, "output"),
        ({"output": "x.mp3", "format": "wav"}, "format"),
    ],
)
def test_bad_values_name_their_setting(values: dict[str, object], setting: str) -> None:
    with pytest.raises(ConfigError) as caught:
        RenderSettings.build(**values)  # type: ignore[arg-type]
    assert caught.value.setting == setting


def test_engine_facts_decide_speed_not_the_name() -> None:
    from audionews.engines import ENGINES

    s = RenderSettings(speed=1.3)
    for spec in ENGINES.values():
        options, pacing = s.engine_options_for(spec), s.pacing_for(spec)
        if spec.native_speed:  # the engine paces itself: no time-stretch on top
            assert options.speed == 1.3 and pacing.speed == 1.0
        else:
            assert options.speed == 1.0 and pacing.speed == 1.3


def test_every_engine_option_arrives_from_the_command_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import audionews.pipeline

    seen: list[RenderSettings] = []

    def fake_make(source: str, settings: RenderSettings, **_: object) -> None:
        seen.append(settings)
        raise ConfigError("stop here")

    monkeypatch.setattr(audionews.pipeline, "make", fake_make)
    args = [
        "make", str(tmp_path / "a.txt"), "--engine", "edge", "--voice", "vi-VN-NamMinhNeural",
        "--heading-voice", "vi-VN-HoaiMyNeural", "--tld", "com.vn", "--slow",
        "--voice-model", "v.onnx", "--speaker", "2", "--rate", "+5%", "--pitch", "-2Hz",
        "--timeout", "7", "--speed", "1.2", "--jobs", "3", "--format", "wav", "--bits", "16",
        "--vbr", "4", "--sample-rate", "44100", "--loudness", "-18", "--true-peak", "-2",
        "--fit", "1:00", "--sidecars", "srt", "--album", "A", "--publisher", "P",
        "--pause-section", "2000", "--profile", "radio", "--read-captions",
    ]  # fmt: skip
    result = runner.invoke(app, args)
    assert "stop here" in result.output
    (s,) = seen
    o = s.engine_options
    assert (s.engine, o.voice, s.heading_voice) == (
        "edge",
        "vi-VN-NamMinhNeural",
        "vi-VN-HoaiMyNeural",
    )
    assert (o.tld, o.slow, o.voice_model, o.speaker) == ("com.vn", True, Path("v.onnx"), 2)
    assert (o.rate, o.pitch, o.timeout) == ("+5%", "-2Hz", 7.0)
    assert (s.speed, s.jobs, s.format, s.bits, s.vbr_quality) == (1.2, 3, "wav", 16, 4)
    assert (s.sample_rate, s.loudness, s.true_peak, s.fit) == (44100, -18.0, -2.0, 60.0)
    assert (s.sidecars, s.album, s.publisher, s.profile) == (("srt",), "A", "P", "radio")
    assert s.pauses.section == 2000 and s.read_captions


def test_bulletin_shares_the_render_options() -> None:
    make_help = runner.invoke(app, ["make", "--help"], env={"COLUMNS": "200"}).output
    bulletin_help = runner.invoke(app, ["bulletin", "--help"], env={"COLUMNS": "200"}).output
    for flag in ("--fit", "--speed", "--bed", "--voice-model", "--pause-sentence", "--format"):
        assert flag in make_help and flag in bulletin_help


def test_cli_error_names_the_option(article: Path) -> None:
    result = runner.invoke(app, ["make", str(article), "-e", "espeak", "--fit", "nan"])
    assert result.exit_code == 2
    assert "(option --fit)" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args,warning",
    [
        (["--tld", "com.vn"], "warning: tld does nothing for engine espeak (--tld is ignored)"),
        (["--rate", "+10%"], "warning: rate does nothing for engine espeak (--rate is ignored)"),
        (["--vbr", "2", "-b", "96"], "bitrate does nothing with VBR"),
        (["-f", "wav", "--vbr", "2"], "vbr_quality does nothing for wav output (--vbr is ignored)"),
    ],
)
def test_options_that_do_nothing_are_named(
    article: Path, tmp_path: Path, args: list[str], warning: str
) -> None:
    result = runner.invoke(app, ["make", str(article), "-e", "espeak", "-o", f"{tmp_path}/", *args])
    assert result.exit_code == 0, result.output
    assert warning in result.output


def test_no_warning_for_what_the_engine_reads() -> None:
    from audionews.engines import ENGINES

    s = RenderSettings.build(engine="gtts", tld="com.vn", slow=True)
    assert s.ignored(ENGINES["gtts"]) == []
    assert [name for name, _ in s.ignored(ENGINES["espeak"])] == ["slow", "tld"]


def test_config_errors_list_only_real_option_names(article: Path, tmp_path: Path) -> None:
    config = tmp_path / "audionews.toml"
    config.write_text('[make]\nformat = "wav"\nsourcez = 1\n', encoding="utf-8")
    result = runner.invoke(app, ["--config", str(config), "make", str(article), "-e", "espeak"])
    assert result.exit_code == 2
    listed = result.output.split("Options:", 1)[1]
    assert "format" in listed and "sources" not in listed and "misplaced_config" not in listed
