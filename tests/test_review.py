"""Pronunciation review: tokens an engine is likely to read wrong, located, with suggestions."""

from __future__ import annotations

import json
from pathlib import Path

from audionews.review import KINDS, ReviewItem, review_pieces, review_text
from audionews.userlexicon import add_entry

ARTICLE = """Bác sĩ cho biết bệnh nhân nhiễm cúm H7N9 đã được chạy ECMO.
Ông Trump và bà Harris gặp đại diện tập đoàn Quorvex tại Hà Nội. Quorvex sản xuất smartwatch.
Hiệp hội XQZ cùng doanh nghiệp (DN) và các DN khác đề xuất giảm thuế. HÀ NỘI MƯA LỚN.
Mưa 400-700mm, lúc 13h30, hội nghị COP28 tại New York Times."""


def _by_token(text: str, lexicon_files: tuple[Path, ...] = ()) -> dict[str, ReviewItem]:
    review = review_text(text, lexicon_files=lexicon_files)
    return {item.token: item for item in review.items}


def test_lists_each_kind_with_places() -> None:
    items = _by_token(ARTICLE)
    assert set(items) == {"H7N9", "Quorvex", "smartwatch", "XQZ"}
    quorvex = items["Quorvex"]
    assert quorvex.kind == "foreign"
    assert [(o.line, o.sentence) for o in quorvex.occurrences] == [(2, 1), (2, 2)]
    assert items["smartwatch"].kind == "non_vietnamese"
    assert items["XQZ"].kind == "acronym"
    assert items["XQZ"].reading == "ích quy dét"
    assert items["H7N9"].kind == "code"
    assert set(KINDS) >= {i.kind for i in items.values()}


def test_known_words_are_not_listed() -> None:
    # ECMO, COP28, Trump (foreign lexicon), DN (defined), units, times, HÀ NỘI: all known.
    items = _by_token(ARTICLE)
    for token in ("ECMO", "COP28", "Trump", "Harris", "DN", "400-700mm", "13h30", "HÀ", "New"):
        assert token not in items


def test_suggestions_are_lexicon_lines_and_a_user_entry_removes_the_item(tmp_path: Path) -> None:
    review = review_text(ARTICLE)
    suggestion = next(i.suggestion for i in review.items if i.token == "Quorvex")
    assert suggestion.startswith('"Quorvex" = "')
    path = tmp_path / "lexicon.toml"
    add_entry("Quorvex", "Quo véc", path)
    assert "Quorvex" not in _by_token(ARTICLE, lexicon_files=(path,))
    assert review.lexicon_toml().startswith("[words]\n")


def test_to_dict_is_json_and_pieces_are_lines() -> None:
    review = review_pieces(ARTICLE.splitlines(), foreign="respell")
    data = json.loads(json.dumps(review.to_dict()))
    assert data["foreign"] == "respell"
    assert data["spoken_words"] > 50
    assert data["occurrences"] == sum(len(i["occurrences"]) for i in data["items"])
    assert {"token", "kind", "reading", "suggestion", "count", "occurrences"} <= set(
        data["items"][0]
    )
    assert review.per_thousand_words > 0


def test_suggestion_is_the_rule_respelling() -> None:
    review = review_text("Ông Jared Kushner gặp ông Witkoff.", foreign="respell")
    lines = {item.token: item.suggestion for item in review.items}
    assert lines["Kushner"] == '"Kushner" = "Cút-sơ-nơ"'
    assert lines["Witkoff"] == '"Witkoff" = "Uýt-cốp"'
    assert review.items[0].reading == "Gia Rét"  # what respell mode reads now
