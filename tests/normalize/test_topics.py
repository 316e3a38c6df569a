"""Readings that depend on the whole document: topical acronyms and the decimal convention.

Every document here was written for this test (issue #12, round 4), after the shapes of real
pages found with the search tool (flood bulletins on nchmf.gov.vn, evn.com.vn, vietbao.vn,
24hsongxanh.vn; football pages on thoimoi.vn, tienphong.vn, sportsvn.org, vnanet.vn; exam and
research pages); no sentence is copied from a page or from tests/normalize/real*/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from audionews.errors import ConfigError
from audionews.normalize import Normalizer
from audionews.normalize.topics import _parse, guess_topic, topic_data


def read(document: str, **kwargs: object) -> str:
    normalizer = Normalizer(**kwargs)  # type: ignore[arg-type]
    pieces = document.strip().split("\n")
    for piece in pieces:
        normalizer.learn(piece)
    return "\n".join(normalizer.normalize(piece) for piece in pieces)


FLOOD = """
Lũ trên sông Thao đang lên nhanh, mực nước tại Yên Bái có thể vượt BĐ3 vào chiều nay.
Trên sông Lô, đỉnh lũ tại Tuyên Quang dự báo ở dưới BĐ, sau đó xuống dần.
Thủy điện Hòa Bình tiếp tục xả lũ qua hai cửa đáy.
"""

FOOTBALL = """
HLV Kim Sang-sik gọi 27 cầu thủ lên ĐT chuẩn bị cho vòng loại Asian Cup.
Tiền đạo Tiến Linh trở lại sau chấn thương và được kỳ vọng ghi bàn.
LĐBĐ Việt Nam đặt mục tiêu đưa BĐ nước nhà dự WC trong tương lai.
"""

EXAM = """
Kỳ thi tốt nghiệp năm nay có hơn một triệu thí sinh đăng ký dự thi.
Tại điểm thi ở huyện miền núi, TS đến sớm để làm thủ tục trước giờ thi.
TS Nguyễn Văn Long, Vụ trưởng, cho biết đề thi bám sát chương trình.
Hội đồng thi đã phát hiện 2 TS mang điện thoại vào phòng thi.
"""

RESEARCH = """
Nhóm nghiên cứu của trường vừa nghiệm thu đề tài về giống lúa chịu mặn.
Theo chủ nhiệm, ĐT đã tạo ra ba dòng lúa có năng suất cao hơn giống cũ.
Các nhà khoa học đề nghị mở rộng nghiên cứu sang vùng ven biển.
"""


def test_topic_guess() -> None:
    assert guess_topic(FLOOD) == "flood"
    assert guess_topic(FOOTBALL) == "football"
    assert guess_topic(EXAM) == "exam"
    assert guess_topic(RESEARCH) == "science"
    assert guess_topic("Giá xăng hôm nay giảm nhẹ ở mọi vùng.") is None
    # a tie or a narrow lead is no topic
    assert guess_topic("Mưa lớn, lũ, ngập. Cầu thủ ghi bàn trong trận đấu.") is None


def test_flood_page_reads_bd_as_alarm() -> None:
    spoken = read(FLOOD)
    assert "vượt báo động ba" in spoken
    assert "dưới báo động, sau đó" in spoken
    assert "bóng đá" not in spoken


def test_football_page_reads_team_ball_and_world_cup() -> None:
    spoken = read(FOOTBALL)
    assert "lên đội tuyển chuẩn bị" in spoken
    assert "Liên đoàn bóng đá Việt Nam" in spoken
    assert "đưa bóng đá nước nhà dự World Cup" in spoken
    assert "Huấn luyện viên Kim" in spoken


def test_exam_page_reads_ts_as_candidates_but_keeps_the_title() -> None:
    spoken = read(EXAM)
    assert "huyện miền núi, thí sinh đến sớm" in spoken
    assert "Tiến sĩ Nguyễn Văn Long" in spoken
    assert "hai thí sinh mang điện thoại" in spoken


def test_research_page_reads_dt_as_topic_of_research() -> None:
    assert "chủ nhiệm, đề tài đã tạo ra" in read(RESEARCH)


# Round 8 (set G's class "abbreviation a broadcaster expands"): written new for this test.
POWER = """
Công ty Điện lực Bắc Giang vừa đóng điện MBA T2 của TBA 110 kV Lạng Giang.
Việc thay MBA giúp giảm quá tải lưới điện trung áp và bảo đảm cấp điện mùa nắng nóng.
"""

MBA_STUDY = """
Sau năm năm làm kế toán, chị Hạnh sang Singapore học MBA.
Chương trình MBA của trường kéo dài hai năm.
"""


def test_power_page_reads_mba_as_transformer() -> None:
    assert guess_topic(POWER) == "power"
    spoken = read(POWER)
    assert "đóng điện máy biến áp tê hai của trạm biến áp" in spoken
    assert "Việc thay máy biến áp giúp" in spoken


def test_mba_elsewhere_stays_spelled() -> None:
    assert guess_topic(MBA_STUDY) is None
    spoken = read(MBA_STUDY)
    assert "học mờ bê a." in spoken
    assert "máy biến áp" not in spoken


def test_no_topic_falls_back_to_default_or_spelling() -> None:
    spoken = read("Ông là TS ngành hóa. Ông gửi ĐT và WC cho ban biên tập.")
    assert spoken == "Ông là tiến sĩ ngành hóa. Ông gửi đê tê và vê kép xê cho ban biên tập."


def test_the_articles_definition_wins_over_the_topic() -> None:
    document = FOOTBALL + "\nĐoàn thể thao mang theo bộ đàm (BĐ) để liên lạc; BĐ được sạc mỗi tối."
    spoken = read(document)
    assert "bộ đàm được sạc" in spoken
    assert "đưa bộ đàm nước nhà" in spoken  # the document's own definition, everywhere


def test_user_lexicon_wins_over_the_topic(tmp_path: Path) -> None:
    words = tmp_path / "words.toml"
    words.write_text('[words]\n"ĐT" = "đoàn thể thao"\n', encoding="utf-8")
    assert "lên đoàn thể thao chuẩn bị" in read(FOOTBALL, lexicon_files=[words])


def test_topical_readings_are_idempotent() -> None:
    normalizer = Normalizer()
    for piece in FOOTBALL.strip().split("\n"):
        normalizer.learn(piece)
    for piece in FOOTBALL.strip().split("\n"):
        once = normalizer.normalize(piece)
        assert normalizer.normalize(once) == once


def test_topic_data_is_valid_and_consistent() -> None:
    data = topic_data()
    topics = set(data.keywords.values())
    assert {"flood", "football", "exam"} <= topics
    for acronym, table in data.readings.items():
        assert acronym.isupper()
        assert set(table) <= topics | {
            "default",
            "before_name",
            "before_phone",
            "before_school",
            "before_road",
        }
        assert all(value and not any(c.isdigit() for c in value) for value in table.values())


def test_topic_data_errors() -> None:
    with pytest.raises(ConfigError):
        _parse({"topics": {"sport": {"keywords": "bóng đá"}}}, "t.toml")
    with pytest.raises(ConfigError):
        _parse({"topics": {}, "acronyms": {"BĐ": {"sport": "bóng đá"}}}, "t.toml")


# --- the page's decimal convention (meaning-changing: tested both ways)

DOT_DECIMALS = """
Điểm trung bình môn Toán của tỉnh là 6.47, cao hơn năm trước.
Chỉ 0.02% bài thi bị điểm liệt, tỷ lệ điểm giỏi là 12.35%.
Tổng số bài thi đạt từ 5 điểm trở lên là 235,418 bài.
"""

COMMA_DECIMALS = """
Điểm trung bình môn Toán của tỉnh là 6,47, cao hơn năm trước.
Tỷ lệ điểm giỏi là 12,35%; khoảng 0.02% bài thi bị điểm liệt.
Mức chênh lệch là 235,418 điểm.
"""


def test_dot_decimal_page_reads_a_comma_group_as_thousands() -> None:
    spoken = read(DOT_DECIMALS)
    assert "sáu phẩy bốn mươi bảy" in spoken
    assert "hai trăm ba mươi lăm nghìn bốn trăm mười tám bài" in spoken


def test_vietnamese_page_keeps_the_comma_decimal() -> None:
    spoken = read(COMMA_DECIMALS)
    assert "sáu phẩy bốn mươi bảy" in spoken
    assert "hai trăm ba mươi lăm phẩy bốn một tám điểm" in spoken


def test_one_dot_decimal_or_dot_dates_do_not_switch_the_convention() -> None:
    one = "Lãi suất giảm 0.5% trong tháng.\nSố hợp đồng là 1,250 bản."
    assert "một phẩy hai năm không" in read(one)
    dates = "Sáng 22.9, 23.9 và 24.10, giá giảm.\nSố hợp đồng là 1,250 bản."
    assert "một phẩy hai năm không" in read(dates)
    times = "Lúc 10.30 và lúc 14.45 có mưa.\nLượng mưa là 1,250 mm."
    assert "một phẩy hai năm không" in read(times)


def test_dot_decimal_page_with_a_dot_decimal_part_after_groups() -> None:
    document = "Giá 6.61 USD, tăng 0.8%.\nSản lượng 12,345.5 tấn."
    assert "mười hai nghìn ba trăm bốn mươi lăm phẩy năm tấn" in read(document)


# Round 9 (set H's class: the ticker VND read as the currency). Written for this test.
BROKER = """
Bản tin khuyến nghị: nhà đầu tư nên nắm giữ cổ phiếu ngân hàng, định giá còn hấp dẫn.
VND được kỳ vọng hưởng lợi khi thanh khoản thị trường cải thiện.
Giá tham chiếu hôm nay là 18.900 VND, tỷ giá USD/VND ổn định.
Đồng VND mất giá nhẹ so với USD trong tháng.
"""


def test_vnd_is_the_ticker_in_market_text_unless_after_an_amount() -> None:
    lines = read(BROKER).split("\n")
    assert lines[1].startswith("vê nờ dê được kỳ vọng")
    assert "mười tám nghìn chín trăm đồng" in lines[2]
    assert "vê nờ dê" not in lines[2] and "vê nờ dê" not in lines[3]


def test_vnd_outside_market_text_stays_the_currency() -> None:
    assert read("VND tăng giá so với nhân dân tệ.").startswith("Đồng")


def test_capitals_of_a_name_the_page_writes_in_title_case_are_the_name() -> None:
    page = "Dòng Zephyr mới ra mắt.\nZEPHYR có 11 nhân, còn NATO không liên quan."
    second = read(page).split("\n")[1]
    assert second.startswith("Zephyr có mười một nhân")
    assert "na tô" in second  # capitals not written in title case stay an acronym


def test_vnd_in_a_market_article_is_the_ticker_only_as_a_subject() -> None:
    page = BROKER.strip() + "\nLãi suất huy động VND tăng nhẹ trong tuần."
    assert read(page).split("\n")[-1] == "Lãi suất huy động đồng tăng nhẹ trong tuần."
