"""Appending entries to a user lexicon file: created, no duplicates, valid TOML, atomic."""

from __future__ import annotations

from pathlib import Path

import pytest

from audionews.errors import ConfigError
from audionews.normalize import Normalizer
from audionews.normalize.lexicon import load_lexicon_file
from audionews.userlexicon import add_entry, default_user_lexicon_path, toml_string


def test_creates_the_file_and_the_normalizer_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "lexicon.toml"
    result = add_entry("Yagi", "Y a gi", path)
    assert result.status == "added" and path.is_file()
    assert load_lexicon_file(path).words == {"Yagi": "Y a gi"}
    normalizer = Normalizer([path])
    assert normalizer.normalize("Bão Yagi đổ bộ.") == "Bão Y a gi đổ bộ."


def test_no_duplicates_and_conflicts_are_errors(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    add_entry("ECMO", "ếch mô", path)
    assert add_entry("ECMO", "ếch  mô ", path).status == "exists"
    assert path.read_text(encoding="utf-8").count("ECMO") == 1
    with pytest.raises(ConfigError, match="already reads"):
        add_entry("ECMO", "e cờ mô", path)
    replaced = add_entry("ECMO", "e cờ mô", path, replace=True)
    assert replaced.status == "replaced" and replaced.previous == "ếch mô"
    assert load_lexicon_file(path).words == {"ECMO": "e cờ mô"}


def test_keeps_comments_and_other_tables(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    original = (
        '# my words\n[words]\n"COVID-19" = "cô vít mười chín" # pandemic\n\n'
        '[titles]\n"Đ/c" = "đồng chí"\n'
    )
    path.write_text(original, encoding="utf-8")
    add_entry('Say "hi"\\', "xây hai", path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# my words\n[words]\n") and "# pandemic" in text
    lexicon = load_lexicon_file(path)
    assert lexicon.words == {"COVID-19": "cô vít mười chín", 'Say "hi"\\': "xây hai"}
    assert lexicon.titles == {"Đ/c": "đồng chí"}
    assert text.index("Say") < text.index("[titles]")


def test_a_file_without_words_table_gets_one(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text('[titles]\n"Đ/c" = "đồng chí"\n', encoding="utf-8")
    add_entry("Harris", "Ha rít", path)
    assert load_lexicon_file(path).words == {"Harris": "Ha rít"}


def test_bad_input_and_bad_files(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    with pytest.raises(ConfigError):
        add_entry(" ", "x", path)
    with pytest.raises(ConfigError):
        add_entry("a\nb", "x", path)
    path.write_text("not = [toml", encoding="utf-8")
    with pytest.raises(ConfigError):
        add_entry("Trump", "Tơ ram", path)
    assert path.read_text(encoding="utf-8") == "not = [toml"  # untouched
    assert not list(tmp_path.glob(".*.tmp"))


def test_toml_string_escapes() -> None:
    assert toml_string('a"b\\c\nd\x01') == '"a\\"b\\\\c\\nd\\u0001"'


def test_default_path_is_in_the_user_config_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_config_dir", lambda name: f"/cfg/{name}")
    assert default_user_lexicon_path() == Path("/cfg/audionews/lexicon.toml")
