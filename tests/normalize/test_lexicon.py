"""Lexicons: built-in data, user TOML files that win, abbreviations the article defines."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
import tomllib

import audionews
from audionews.errors import ConfigError
from audionews.normalize import Normalizer, normalize_text
from audionews.normalize.lexicon import builtin_lexicon, trie_regex


def test_top_level_export() -> None:
    assert audionews.normalize_text is normalize_text


def test_builtin_lexicon_is_data_with_hundreds_of_entries() -> None:
    path = resources.files("audionews") / "data" / "abbreviations.toml"
    data = tomllib.loads(path.read_text("utf-8"))
    assert len(data["words"]) + len(data["titles"]) >= 300
    lexicon = builtin_lexicon()
    assert lexicon.words["UBND"] == "ủy ban nhân dân"
    assert lexicon.titles["PGS"] == "phó giáo sư"


def test_builtin_spoken_forms_are_plain_words() -> None:
    lexicon = builtin_lexicon()
    for spoken in (*lexicon.words.values(), *lexicon.titles.values()):
        assert not any(ch.isdigit() for ch in spoken), spoken
        plain = spoken.lower().replace(" - ", " ").replace(",", "")
        assert normalize_text(spoken).lower().replace(",", "") == plain, spoken


def test_trie_regex_prefers_longest() -> None:
    import re

    pattern = re.compile(trie_regex(["TP", "TP.HCM", "TPHCM", "T"]))
    assert pattern.match("TP.HCM").group() == "TP.HCM"  # type: ignore[union-attr]
    assert pattern.match("TP.X").group() == "TP"  # type: ignore[union-attr]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_lexicon_wins(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "my.toml",
        '[words]\n"COVID-19" = "cô-vít mười chín"\n"UBND" = "u bê nờ dê"\n"Messi" = "mét xi"\n',
    )
    normalizer = Normalizer([path])
    text = "UBND họp về COVID-19 và Messi."
    normalizer.learn(text)
    assert normalizer.normalize(text) == "U bê nờ dê họp về cô-vít mười chín và mét xi."
    assert normalize_text(text).startswith("Ủy ban nhân dân")


def test_user_lexicon_case_variants(tmp_path: Path) -> None:
    path = write(tmp_path, "my.toml", '[words]\n"COVID-19" = "cô-vít mười chín"\n')
    normalizer = Normalizer([path])
    assert normalizer.normalize("dịch Covid-19") == "dịch cô-vít mười chín"


def test_user_titles_section(tmp_path: Path) -> None:
    path = write(tmp_path, "t.toml", '[titles]\n"Đ/c" = "đồng chí"\n')
    assert Normalizer([path]).normalize("Đ/c. Lê Văn Tám") == "Đồng chí Lê Văn Tám"


@pytest.mark.parametrize(
    "content",
    [
        "[words\n",
        '[oops]\n"A" = "b"\n',
        '[words]\n"A" = 3\n',
        '[words]\n"A" = ""\n',
        'words = "x"\n',
    ],
)
def test_bad_lexicon_file_is_config_error(tmp_path: Path, content: str) -> None:
    path = write(tmp_path, "bad.toml", content)
    with pytest.raises(ConfigError):
        Normalizer([path])


def test_missing_lexicon_file_is_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        Normalizer([tmp_path / "nope.toml"])


def test_non_utf8_lexicon_is_config_error(tmp_path: Path) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes('[words]\n"A" = "café"\n'.encode("latin-1"))
    with pytest.raises(ConfigError):
        Normalizer([path])


def test_definitions_learned_across_pieces() -> None:
    pieces = [
        "Hỗ trợ doanh nghiệp nhỏ",
        "Các doanh nghiệp nhỏ và vừa (DNNVV) gặp khó. Sản xuất - kinh doanh (SXKD) chững lại.",
        "Nhiều DNNVV đã phục hồi SXKD trong quý IV.",
    ]
    normalizer = Normalizer()
    for piece in pieces:
        normalizer.learn(piece)
    assert normalizer.normalize(pieces[1]) == (
        "Các doanh nghiệp nhỏ và vừa gặp khó. Sản xuất kinh doanh chững lại."
    )
    assert normalizer.normalize(pieces[2]) == (
        "Nhiều doanh nghiệp nhỏ và vừa đã phục hồi sản xuất kinh doanh trong quý bốn."
    )


def test_article_definition_wins_over_builtin() -> None:
    text = "Ban Nội chính (BN) họp. BN đã kết luận."
    assert normalize_text(text) == "Ban Nội chính họp. Ban Nội chính đã kết luận."
    normalizer = Normalizer()
    normalizer.learn("Tổ công tác của Cục Thuế (CT) đến nơi.")
    assert normalizer.normalize("CT làm việc.") == "Cục Thuế làm việc."


def test_unlearned_parenthesis_kept() -> None:
    assert normalize_text("Ông An (ABC) phát biểu.") == "Ông An (a bê xê) phát biểu."


def test_builtin_definition_not_read_twice() -> None:
    assert normalize_text("Ủy ban nhân dân (UBND) tỉnh") == "Ủy ban nhân dân tỉnh"
    assert normalize_text("Tổ chức Y tế Thế giới (WHO) cảnh báo") == (
        "Tổ chức Y tế Thế giới cảnh báo"
    )
