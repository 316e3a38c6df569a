"""Foreign names and loanwords: the built-in respelling lexicon and Normalizer(foreign=...)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from audionews.engines import ENGINES
from audionews.errors import ConfigError
from audionews.normalize import Normalizer
from audionews.normalize.lexicon import load_data_lexicon
from audionews.normalize.vietnamese import is_vietnamese_syllable
from audionews.settings import RenderSettings


def _read(text: str, foreign: str = "respell", lexicons: tuple[Path, ...] = ()) -> str:
    normalizer = Normalizer(lexicons, foreign=foreign)
    normalizer.learn(text)
    return normalizer.normalize(text)


def test_a_few_hundred_entries_all_vietnamese_syllables() -> None:
    words = load_data_lexicon("foreign.toml").words
    assert len(words) >= 300
    for written, spoken in words.items():
        for syllable in re.split(r"[-\s]+", spoken):
            assert is_vietnamese_syllable(syllable), (written, spoken, syllable)


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("Ông Trump gặp bà Harris - ứng viên.", "Ông Tơ Ram gặp bà Ha Rít, ứng viên."),
        ("Bão Yagi đổ bộ.", "Bão Y A Gi đổ bộ."),
        ("Xe container lật.", "Xe công te nơ lật."),
        ("Theo New York Times, Malaysia và Campuchia đồng ý.",
         "Theo Niu Oóc Tai Mơ, Ma Lai Xi a và Cam Pu Chia đồng ý."),
        ("TRUMP THẮNG LỚN TẠI FLORIDA", "Tơ Ram thắng lớn tại Phơ Lo Ri Đa"),
        ("Giá vàng 2.350 USD/ounce.", "Giá vàng hai nghìn ba trăm năm mươi đô la Mỹ một ao xơ."),
        # a name joined to another by a hyphen is still respelled (issue #12, round 2)
        ("Hòa đàm Nga-Ukraine chưa có kết quả.", "Hòa đàm Nga U Cơ Rai Na chưa có kết quả."),
        ("Ông Mark Carney gặp ông Friedrich Merz.", "Ông Mác Các Ni gặp ông Phơ Ri Đơ Rích Méc."),
        ("Giá dầu diesel giảm.", "Giá dầu đi ê den giảm."),
        # set H's respell-only rows (round 9), sentences written new
        ("Xã Ea Tul thuộc huyện Cư M’gar.", "Xã Ê a Tun thuộc huyện Cư Mơ ga."),
        ("Nghe phổi có ran, không rale ẩm.", "Nghe phổi có ran, không ran ẩm."),
        ("Tập đoàn Vingroup mở dự án ở Genoa.", "Tập đoàn Vin Gờ Rúp mở dự án ở Giê Nô Va."),
        ("Chip Ryzen đấu với Ice Lake.", "Chip Rai Dần đấu với Ai Xơ Lếch."),
        ("Nhiều gamer chọn Razer Blade.", "Nhiều ghê mơ chọn Rây Dơ Bơ Lây."),
        # set P: a stop after a name ending in a one-letter syllable stays a sentence end
        ("Anh sang Malaysia. Hùng ở lại quê.", "Anh sang Ma Lai Xi a. Hùng ở lại quê."),
        ("Cô làm việc ở Tanzania. Lan về nước.", "Cô làm việc ở Tan Da Ni a. Lan về nước."),
        # sets Q and R: loanwords and names respelled by rule before they had an entry
        ("Khán giả cầm lightstick xem liveshow.", "Khán giả cầm lai xơ tích xem lai sô."),
        ("Hãng AirAsia mở đường bay tới Virginia.", "Hãng E A Xi a mở đường bay tới Vơ Gi Ni a."),
        ("Mẫu Ford Ranger bán chạy, theo Box Office Vietnam.",
         "Mẫu Pho Ren Giơ bán chạy, theo Bóc Óp Phít Việt Nam."),
        # sets AY and AZ (stop 30): loanwords in their Vietnamese spelling, "St" before a name
        ("Máy đo 10 ampe và mũi tên vectơ.", "Máy đo mười am pe và mũi tên véc tơ."),
        ("Giải đấu ở St Petersburg và St. Paul.", "Giải đấu ở Xanh Pê Tơ Xơ Bớc và Xanh Pôn."),
        # set AX (stop 30): a name of capitalised words glued by a slip of the source
        ("Chỉ số chứng khoán ở HongKong và NewDelhi cùng giảm.",
         "Chỉ số chứng khoán ở Hồng Công và Niu Đê Li cùng giảm."),
        # sets AK, AN, AX, AZ (stop 31): an English word of Vietnamese shape beside a foreign one
        ("Khách xem đêm show day 3 ở The Grand.", "Khách xem đêm sô đây ba ở Đờ Gơ Ran."),
        # set BB (stop 31): an English word of Vietnamese shape beside a foreign one, a camel name
        ("Ứng dụng Find My và trang VietNamNet.", "Ứng dụng Phai Mai và trang Việt Nam Nét."),
        # sets BC and BD (stop 31): "Tech" beside a foreign word, "y" said "ai", a Turkish "ay"
        ("Nhóm Big Tech đầu tư vào Big Sky ở Hatay.",
         "Nhóm Bích Tếch đầu tư vào Bích Xờ Cai ở Ha Tai."),
        # set AY (stop 31): a highland name on two consonants, "x" not said "ks"
        ("Xã Ia Pnôn giáp xã Đắk Pxi.", "Xã Ia Pơ Nôn giáp xã Đắk Pơ Xi."),
        ("Khu Sun Marina mở cửa, chương trình \"Say Hi\" bắt đầu.",
         "Khu Xăn Ma Ri Na mở cửa, chương trình \"Xây Hai\" bắt đầu."),
        # sets BE and BF (stop 32): names and words the letter rules said wrong
        ("Cử tri ở Maine và Rhode Island đi bầu sớm.", "Cử tri ở Mên và Rốt Ai Lân đi bầu sớm."),
        ("Ông từng làm ở General Motors, dự án MiniEV.",
         "Ông từng làm ở Giê Nơ Rồn Mô Tơ, dự án Mi Ni I Vi."),
        ("Công cụ Gemini và trợ lý Pulse ra mắt.", "Công cụ Giê Mi Nai và trợ lý Pơn Xơ ra mắt."),
        # sets BG and BH (stop 32): a brand with "vietnam" glued inside, an "i-" brand
        ("Petrovietnam ký hợp đồng với iSchool.", "Pê Tơ Rô Việt Nam ký hợp đồng với Ai Xơ cun."),
    ],
)  # fmt: skip
def test_respell(text: str, spoken: str) -> None:
    assert _read(text) == spoken


def test_keep_mode_keeps_a_loanword_in_its_vietnamese_spelling_whole() -> None:
    # "vectơ" (set AY) was split "vec tơ": the lexicon knows it in keep mode too
    assert _read("Muỗi là vectơ truyền bệnh.", foreign="keep") == "Muỗi là vectơ truyền bệnh."


def test_an_english_word_of_vietnamese_shape_stays_vietnamese_alone() -> None:
    # respelled only beside a foreign word: "day dứt", "áo the", "say rượu" are Vietnamese
    assert _read("Nỗi day dứt của fan say rượu, áo the và nắng Sun.") == (
        "Nỗi day dứt của phan say rượu, áo the và nắng Sun."
    )
    assert _read("Bài viết trên Facebook day dứt người đọc.") == (
        "Bài viết trên Phây Búc day dứt người đọc."
    )


def test_keep_leaves_names_for_engines_with_good_english() -> None:
    assert _read("Ông Trump và bão Yagi.", foreign="keep") == "Ông Trump và bão Yagi."
    assert _read("TRUMP THẮNG LỚN", foreign="keep") == "Trump thắng lớn"
    assert _read("Hòa đàm Nga-Ukraine.", foreign="keep") == "Hòa đàm Nga-Ukraine."


def test_user_lexicon_wins(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text('[words]\n"Trump" = "Chăm"\n', encoding="utf-8")
    assert _read("Ông Trump.", lexicons=(mine,)) == "Ông Chăm."


def test_mode_is_checked_and_chosen_per_engine() -> None:
    with pytest.raises(ConfigError):
        Normalizer(foreign="english")
    chosen = {name: RenderSettings().foreign_for(spec) for name, spec in ENGINES.items()}
    assert chosen == {"espeak": "respell", "piper": "respell", "gtts": "keep", "edge": "keep"}
    assert RenderSettings(foreign="keep").foreign_for(ENGINES["espeak"]) == "keep"


def test_every_entry_reads_as_given_and_idempotently() -> None:
    normalizer = Normalizer(foreign="respell")
    for written, spoken in load_data_lexicon("foreign.toml").words.items():
        once = normalizer.normalize(f"Ông {written} nói.")
        assert once.lower() == f"ông {spoken.replace('-', ' ')} nói.".lower(), written
        assert normalizer.normalize(once) == once, written


# Issue #12 round 5 (set D's classes): brands, a spelling variant, names written in capitals.
# Sentences written new after phone-spec and typhoon pages (viettimes.vn, quangbinh24h.com,
# truyenhinhthanhhoa.vn, congan.com.vn) found with the search tool.
@pytest.mark.parametrize(
    ("text", "respelled", "kept"),
    [
        ("Hãng OnePlus vừa ra mắt mẫu OnePlus 12.",
         "Hãng Oan Pơ Lớt vừa ra mắt mẫu Oan Pơ Lớt mười hai.",
         "Hãng OnePlus vừa ra mắt mẫu OnePlus mười hai."),
        ("Ông Zelenskiy gặp Thủ tướng Anh.", "Ông Dê Len Xơ Ki gặp Thủ tướng Anh.",
         "Ông Zelenskiy gặp Thủ tướng Anh."),
        ("Siêu bão YAGI đổ bộ vào Quảng Ninh.", "Siêu bão Y A Gi đổ bộ vào Quảng Ninh.",
         "Siêu bão Yagi đổ bộ vào Quảng Ninh."),
        ("Bão DOKSURI giật trên cấp 17.", "Bão Đốc Xu Ri giật trên cấp mười bảy.",
         "Bão Doksuri giật trên cấp mười bảy."),
        ("Máy dùng chip MediaTek và màn hình AMOLED.",
         "Máy dùng chíp Mê Đi A Tếch và màn hình a mô lét.",
         "Máy dùng chip MediaTek và màn hình a mô lét."),
    ],
)  # fmt: skip
def test_round_5_names(text: str, respelled: str, kept: str) -> None:
    assert _read(text) == respelled
    assert _read(text, foreign="keep") == kept


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        # rule respelling: "Mc" is "Mác", a final "iy" one "i", a Latin "-eus" "ê-út"
        ("Thủ lĩnh phe Cộng hòa Mitch McConnell phản đối.",
         "Thủ lĩnh phe Cộng hòa Mích Mác Cô Nen phản đối."),
        ("Vi khuẩn Staphylococcus aureus gây ngộ độc.",
         "Vi khuẩn Xơ Ta Phi Lô Cốc Cút ô rê út gây ngộ độc."),
        ("Ông Yuriy Boyko về thứ ba.", "Ông Giu Ri Boi Cô về thứ ba."),
        # lexicon entries (round 5): conventional forms and a loanword
        ("Hãng tin từ Moskva cho biết 72 turbine gió đã lắp xong.",
         "Hãng tin từ Mát Xơ Cơ Va cho biết bảy mươi hai tua bin gió đã lắp xong."),
        ("Môn Kun Khmer và Pencak Silat có nhiều huy chương.",
         "Môn Kun Khơ Me và Pen Chắc Xi Lát có nhiều huy chương."),
    ],
)  # fmt: skip
def test_round_5_respellings(text: str, spoken: str) -> None:
    assert _read(text) == spoken


# Issue #12 round 7 (set F's classes): lexicon entries for general names, brands and a loanword
# that the rule respelled wrongly ("Wagner" with an English "w", "Viet-" read "Vít"). Sentences
# written new after war and phone pages found with the search tool.
@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("Lính đánh thuê Wagner rút khỏi vùng Luhansk.",
         "Lính đánh thuê Vác Nơ rút khỏi vùng Lu Han Xơ Cơ."),
        ("Vietjet và Bamboo Airways mở thêm đường bay.",
         "Việt Giét và Bam Bu E Guây mở thêm đường bay."),
        ("Chip A17 Bionic hỗ trợ công nghệ Ray tracing.",
         "Chip a mười bảy Bai Ô Ních hỗ trợ công nghệ Rây Trây Xinh."),
        ("Quỹ VanEck Vietnam ETF cơ cấu danh mục.",
         "Quỹ Va Nếch Việt Nam e tê ép cơ cấu danh mục."),
        ("Mẫu HTC Desire Dual có giá rẻ.", "Mẫu hát tê xê Đi Dai ơ Đu Ơn có giá rẻ."),
    ],
)  # fmt: skip
def test_round_7_respellings(text: str, spoken: str) -> None:
    assert _read(text) == spoken


# Issue #12 round 8 (set G's respell-only rows): lexicon entries where a newsroom reading is
# clear. Sentences written new; set G's own lines are not copied.
@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("Hãng ra mắt dòng máy Gaming mới.", "Hãng ra mắt dòng máy Ghê Minh mới."),
        ("Bản Edition đặc biệt chỉ có 500 chiếc.",
         "Bản Ê Đi Sần đặc biệt chỉ có năm trăm chiếc."),
        ("Gói Plus có thêm dung lượng lưu trữ.", "Gói Pơ Lớt có thêm dung lượng lưu trữ."),
        ("Báo cáo của Cushman & Wakefield cho thấy giá thuê tăng.",
         "Báo cáo của Cút Sơ Man và Uếch Phin cho thấy giá thuê tăng."),
        ("Tiền vệ Marciel ghi bàn phút cuối.", "Tiền vệ Mác Xi En ghi bàn phút cuối."),
    ],
)  # fmt: skip
def test_round_8_respellings(text: str, spoken: str) -> None:
    assert _read(text) == spoken
