"""Evidence for telling who wrote a line from what it says: Vietnamese personal names and the
names news outlets print for themselves.

An all-caps line is a byline ("THU THẢO", "HOÀNG ANH", "TRẦN HUỲNH - NGỌC PHƯỢNG") or a headline
("TIN NÓNG TRONG NGÀY", "BÃO SỐ 3 ĐỔ BỘ"), and a short line in title case is a byline ("Thu
Hằng") or a short title ("Tết Việt", "Hà Nội"): :func:`is_person_name` says it is names only when
every name in it has the shape of a Vietnamese personal name (two to four syllables, each a known
family, middle or given name, no number). An outlet's own name on a line ("Báo Tin tức",
"VTV.vn", "Dân Việt") names the publication, not a person: :func:`is_outlet_name`.
"""

from __future__ import annotations

import re

from audionews import regexcache as rc

__all__ = [
    "FAMILY_NAMES",
    "NAME_SYLLABLES",
    "OUTLET_NAMES",
    "OUTLET_WORDS",
    "is_outlet_name",
    "is_person_name",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in text.split())


#: Vietnamese family names (họ), the common ones and those bylines show.
FAMILY_NAMES = _words(
    """
    Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương
    Trịnh Trương Lâm Phùng Mai Tô Hà Tạ Cao Lương Lưu Châu Chu Đinh Kiều La Quách Thái Tăng
    Triệu Hứa Lục Mạc Khúc Văn Kim Thân Tống Âu Doãn Giang Ông Tôn Nghiêm Ninh Hàn Vi Lại
    Diệp Khổng Từ Thạch Quang Bạch Ung Đồng Mạch Chung Lã Lữ Đàm Tiêu Đường Viên Thi Bế Nông
    Hầu Cù Ma Phí Phó Lò Cấn Khương Lạc Nhữ Biện Bành Ứng Yên Khiếu Giáp Sầm Tiết Trình Mẫn
    Đổng Hoa Quan Kha Trang Vòng Lỗ Đậu Đào
    """
)

#: Middle and given names (tên đệm, tên) seen in bylines; one syllable each.
_GIVEN_NAMES = _words(
    """
    An Anh Ánh Ân Ẩn Bá Bách Bạch Bảo Bắc Bằng Bích Biên Bình Bội Bông Ca Cảnh Cát Cầm Cần
    Cẩm Châm Chánh Châu Chi Chí Chiến Chiểu Chinh Chính Chu Chung Chương Công Cúc Cung Cương
    Cường Cửu Dân Danh Diễm Diện Diệp Diệu Dinh Doanh Du Dung Dũng Dụng Duy Duyên Dư Dự
    Dương Dưỡng Đại Đài Đam Đan Đang Đảm Đạo Đạt Đăng Đắc Đằng Điểm Điền Điệp Định Đình Đoan
    Đô Độ Đông Đồng Đức Được Gấm Gia Giang Giàu Giao Giáp Hà Hạ Hạc Hải Hàm Hân Hạnh Hào Hảo
    Hạo Hằng Hậu Hiên Hiền Hiển Hiến Hiệp Hiếu Hinh Hoa Hòa Hoà Hóa Hoài Hoan Hoán Hoàn Hoàng
    Hoanh Hoạt Học Hội Hồng Hợi Hợp Huân Huấn Huế Huệ Hùng Hưng Hứng Hương Hường Hướng Hữu
    Huy Huyên Huyền Huỳnh Kha Khả Khải Khang Khanh Khánh Khắc Khiêm Khiết Khoa Khoái Khôi
    Khởi Khuê Khương Khuyên Kiên Kiện Kiệt Kiều Kim Kính Kỳ Kỷ Lạc Lai Lam Lãm Lan Lâm Lân Lập
    Lê Lễ Lệ Lịch Liên Liêm Liễu Linh Loan Lộc Lợi Long Lụa Luân Luận Lực Lương Lượng Luyến
    Ly Lý Mai Mạnh Mẫn Mến Miên Miền Minh Mơ Mộc Mùi My Mỹ Na Nam Nga Ngà Ngạn Ngân Nghi
    Nghị Nghĩa Nghiêm Ngọ Ngoan Ngọc Ngôn Nguyên Nguyện Nguyệt Nhã Nhạn Nhàn Nhân Nhẫn Nhất
    Nhật Nhi Nhiên Nhơn Như Nhung Nhựt Ninh Nương Oanh Phan Phát Phấn Phi Phong Phú Phúc Phùng
    Phụng Phước Phương Phượng Quang Quảng Quân Quế Quốc Quý Quyên Quyền Quyết Quỳnh Sang Sáng
    Sâm Sen Sinh Soái Sơn Sương Sỹ Sĩ Tài Tâm Tân Tấn Tạo Tây Thạch Thái Tham Thanh Thành Thạnh
    Thảo Thắm Thắng Thăng Thân Thẩm Thấm Thế Thi Thìn Thịnh Thiêm Thiên Thiện Thiều Thịnh Thọ
    Thoa Thoại Thông Thống Thơ Thu Thuần Thuận Thục Thúy Thủy Thùy Thụy Thuyên Thuyết Thư Thức
    Thương Thường Tiên Tiến Tiệp Tín Tình Tịnh Toại Toàn Toản Tòng Trà Trác Trãi Trâm Trân
    Trang Tráng Tranh Trí Trị Triều Triệu Trinh Trình Trọng Trúc Trung Truyền Trứ Trường Tú
    Tuân Tuấn Tùng Tuệ Tuyên Tuyền Tuyết Tư Tường Tưởng Ty Tỵ Uy Uyên Ước Văn Vân Vấn Vi Vĩ
    Việt Viễn Vinh Vĩnh Vịnh Võ Vọng Vũ Vương Vượng Vy Xuân Xuyên Xương Yên Yến Ý Thị Ngư Đào
    Lưu Tố Vinh Hiệu Hòe Khuyến Lành Lĩnh Luật Nhuận Phổ Quí Tú Tươi Tuyển Uẩn Quỹ Dịu Điệu
    Tất Bửu Cẩn Chức Diễn Đệ Điển Giới Hiểu Hoành Kế Khâm Khiển Lãng Lăng Mậu Phẩm Sanh Thới
    Thuật Thưởng Thượng Tiềm Tiếp Tính Trạch Triết Trực Tuyến Tự Ưng Vạn Vỹ
    """
)

#: Every syllable a Vietnamese personal name may be made of (family, middle and given names).
NAME_SYLLABLES = FAMILY_NAMES | _GIVEN_NAMES

#: Outlet tags written without brackets ("TTO - ...", "VOV.VN -...").
OUTLET_WORDS = (
    "TTO",
    "TPO",
    "HHTO",  # Hoa Học Trò Online (set BL)
    "VOV.VN",
    "VTV.vn",
    "VTV",
    "SKĐS",
    "ANTĐ",
    "NDĐT",
    "SVVN",  # Sinh viên Việt Nam, "SVVN - …" (set BH)
    "NDO",  # Nhân Dân online (set AV)
    "GD&TĐ",
    "ĐSPL",
    "VTC",
    "CAND",
    "TN",
    "NLĐO",
    "ND",
    "QĐND",
    "BNA",
    "HNM",
    "VNA",
    "Infonet",
    "Zing",
    "VHO",  # Văn hóa online (sets AQ, heldout41)
    "BTN",  # Báo Tây Ninh (set AQ)
    "Biên phòng",  # Báo Biên phòng's tag, "Biên phòng - Những ngày …" (heldout45)
)

#: News outlets as they print their own name on a line (the name in capitals matches too; in
#: sentence case "Tuổi trẻ" or "Công lý" may be a title).
OUTLET_NAMES = frozenset(
    s
    for s in (
        "Báo Tin tức",
        "Baotintuc",
        "VTV",
        "VTV News",
        "BNEWS",  # TTXVN's business news (bnews.vn), its tag glued to the lead (heldout27)
        "Ngày Nay",  # set T: "(Ngày Nay) -"
        "VietTimes",  # set T: "VietTimes –"
        "VTV Online",
        "VTV Digital",
        "VOV",
        "VOV.VN",
        "Dân Việt",
        "Việt Báo",  # vietbao.vn, its name glued to the lead ("Việt BáoBão số 13 …", heldout50)
        "Kiến Thức",
        "Dân trí",
        "VnExpress",
        "Tuổi Trẻ",
        "Tuổi Trẻ Online",
        "KTSG Online",  # Kinh tế Sài Gòn (set Z)
        "KTSG",
        "TCCSĐT",  # Tạp chí Cộng sản điện tử (set Z)
        "Kinhtedothi",  # Kinh tế & Đô thị's tag (set Y)
        "Thanh tra",  # Báo Thanh tra's tag "(Thanh tra) -" (sets N and AH)
        "Tạp chí Cộng sản",
        "Thanh Niên",
        "Người Lao Động",
        "Lao Động",
        "Lao động Thủ đô",
        "Tiền Phong",
        "VietnamPlus",
        "Vietnam+",
        "VietNamNet",
        "Infonet",
        "Zing",
        "Znews",
        "Soha",
        "Kenh14",
        "VTC News",
        "Nhân Dân",
        "Quân đội nhân dân",
        "Công an nhân dân",
        "An ninh Thủ đô",
        "Hà Nội Mới",
        "Kinh tế & Đô thị",
        "Sài Gòn Giải Phóng",
        "Pháp Luật TP.HCM",
        "Pháp luật Việt Nam",
        "Báo Pháp luật Việt Nam",
        "Công lý",
        "2Sao",
        "Bongda",
        "HTV",
        "HTV Online",
        "VietnamFinance",
        "Đời sống & Pháp luật",
        "Giáo dục & Thời đại",
        "Sức khỏe & Đời sống",
        "Đại Đoàn Kết",
        "Báo Chính phủ",
        "Cổng Thông tin điện tử Chính phủ",
        "Thông tấn xã Việt Nam",
        "VnEconomy",
        "CafeF",
        "Mekong ASEAN",
        "Người Đưa Tin",
        "Kinh tế Nông thôn",
        "Vietnam Times",
        "VietTimes",
        "Báo Mới",
        "Tiin",  # tiin.vn, its name over the date under the headline (heldout53)
        # news agencies credited for a photo or a story
        "Sputnik",
        "Reuters",
        "AFP",
        "Xinhua",
        "Yonhap",
        "Kyodo",
        "TASS",
        "Getty Images",
        "Shutterstock",
    )
)
_OUTLET_CAPS = frozenset(n.upper() for n in OUTLET_NAMES)
_OUTLET_DOMAIN = rc.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|info)$", re.IGNORECASE)
#: "Báo Bình Định", "Báo Tin tức", "Đài Phát thanh và Truyền hình Long An", "Tạp chí Cộng sản".
_UP = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isalpha() and c.isupper())
_OUTLET_KIND = rc.compile(
    r"^(?:Báo|Tạp chí|Đài (?:Phát thanh(?: và Truyền hình)?|Truyền hình|Tiếng nói)|Truyền hình"
    r"|Cổng thông tin)"
    rf"(?:\s+điện tử)?\s+[{_UP}0-9]"
)
#: "HYTV", "THVL", "QTV": a television station's call letters.
_TV_STATION = rc.compile(r"^[A-Z]{1,4}TV$|^TH[A-Z]{1,3}$")
_INITIALS = rc.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]*\.?$")
_NAME_SEPARATORS = rc.compile(r"\s*(?:\s[-–—&]\s?|,|\s(?:VÀ|và)\s)\s*")


def is_person_name(text: str) -> bool:
    """True when ``text`` is person names, in capitals or not: each name two to four known name
    syllables ("THU THẢO", "Hoàng Anh", "NGUYỄN VĂN AN"), or initials ("T.LINH", "M.Đ.",
    "H.Anh"); several names joined by " - ", "," or "và". A number, a word that is no name
    ("TIN", "NÓNG", "TRONG", "BÃO", "Tết") or a name of one or five syllables says it is not."""
    core = re.sub(r"\([^)]*\)", " ", text).strip(" .-–—")
    if not core or any(c.isdigit() for c in core):
        return False
    names = [n for n in _NAME_SEPARATORS.split(core) if n.strip(" .-–—")]
    return bool(names) and all(_is_one_name(n.strip(" .-–—")) for n in names)


#: A Catholic's baptismal name before the family name ("Toma Nguyễn Sáng", "Giuse Đỗ Thế Linh",
#: heldout67): a name, not counted among its syllables.
BAPTISMAL_NAMES = frozenset(
    {
        "giuse", "maria", "phêrô", "toma", "tôma", "gioan", "phaolô", "antôn", "đaminh",
        "micae", "anna", "têrêsa", "matthêu", "gioakim", "phanxicô", "vinhsơn", "luca",
        "máccô", "anrê", "giacôbê", "philipphê", "batôlômêô", "simon", "inhaxiô", "augustinô",
        "martinô", "catarina", "lucia", "cêcilia", "agnes", "monica", "rosa", "clara", "isave",
    }
)  # fmt: skip


def _is_one_name(name: str) -> bool:
    if _INITIALS.match(name.replace(" ", "")):
        return True
    syllables = name.split()
    if len(syllables) >= 3 and syllables[0].casefold() in BAPTISMAL_NAMES:
        syllables = syllables[1:]
        name = " ".join(syllables)
    if not 2 <= len(syllables) <= 4:
        return False
    if not name.isupper() and not all(s[:1].isupper() for s in syllables):
        return False  # "Du lịch 04/09/2023" (heldout56): a section's label, no name
    return all(s.casefold() in NAME_SYLLABLES for s in syllables)


def is_outlet_name(text: str) -> bool:
    """True when ``text`` is only a news outlet's name: a known outlet ("Dân Việt", "Báo Tin
    tức", "Kiến Thức"), a site's address ("VTV.vn", "baohaiduong.vn") or "Báo X", "Đài
    Truyền hình X", "Tạp chí X" in a few words without punctuation."""
    t = " ".join(text.split()).strip(" .")
    if not t or len(t) > 60:
        return False
    if t in OUTLET_NAMES or t in _OUTLET_CAPS or _OUTLET_DOMAIN.match(t) or _TV_STATION.match(t):
        return True
    m = _OUTLET_KIND.match(t)
    if not m or any(c in t for c in ',;:!?"“”'):
        return False
    # The name after "Báo": a few words, at most one not capitalised ("Báo Tin tức", not "Báo
    # Nhân Dân ra mắt phiên bản mới").
    name = t[m.end() - 1 :].split()
    lower = [w for w in name if w[0].islower() and w != "và"]
    return len(name) <= 5 and len(lower) <= 1
