"""Spoken names of units, currencies and symbols that follow a number (data, not logic)."""

from __future__ import annotations

__all__ = ["COUNTED", "CURRENCY_CODES", "CURRENCY_PREFIXES", "PER_NOUNS", "PER_TIME", "UNITS"]

# Written unit -> spoken unit. Matched only right after a number ("5 km", "25°C", "1.500đ"),
# or after a slash following a unit or word ("đồng/kg"), so "m" or "g" alone is never touched.
UNITS: dict[str, str] = {
    "%": "phần trăm",
    "‰": "phần nghìn",
    "°C": "độ xê",
    "ºC": "độ xê",
    "℃": "độ xê",
    "°F": "độ ép",
    "°": "độ",
    "km/h": "ki lô mét trên giờ",
    "km/giờ": "ki lô mét trên giờ",
    "m/s": "mét trên giây",
    "km": "ki lô mét",
    "m": "mét",
    "cm": "xăng ti mét",
    "mm": "mi li mét",
    "nm": "na nô mét",
    "km2": "ki lô mét vuông",
    "km3": "ki lô mét khối",
    "km³": "ki lô mét khối",
    "ft": "phít",  # "container 40ft" (set H): feet, said "phít" in Vietnamese newsrooms
    "feet": "phít",
    "mmHg": "mi li mét thủy ngân",  # blood pressure "90/60 mmHg" (set H)
    "km²": "ki lô mét vuông",
    "m2": "mét vuông",
    "m²": "mét vuông",
    "m3": "mét khối",
    "m³": "mét khối",
    "cm2": "xăng ti mét vuông",
    "cm3": "xăng ti mét khối",
    "ha": "héc ta",
    "kg": "ki lô gam",
    "g": "gam",
    "gram": "gam",  # "32 gram/túi", "300gram" (third sweep)
    "mg": "mi li gam",
    "µg": "mi crô gam",
    "l": "lít",
    "L": "lít",
    "ml": "mi li lít",
    "dL": "đề xi lít",
    "mmol": "mi li mol",
    "dl": "đề xi lít",
    "kV": "ki lô vôn",
    "KV": "ki lô vôn",
    "kv": "ki lô vôn",
    "V": "vôn",
    "W": "oát",
    "kW": "ki lô oát",
    "KW": "ki lô oát",
    "MW": "mê ga oát",
    "GW": "gi ga oát",
    "kWh": "ki lô oát giờ",
    "Nm": "niu tơn mét",  # an engine's torque (set S)
    "KWh": "ki lô oát giờ",
    "MWh": "mê ga oát giờ",
    "GWh": "gi ga oát giờ",
    "MWp": "mê ga oát đỉnh",
    "kWp": "ki lô oát đỉnh",
    "kVA": "ki lô vôn am pe",
    "MVA": "mê ga vôn am pe",
    "Hz": "héc",
    "MHz": "mê ga héc",
    "GHz": "gi ga héc",
    "Ghz": "gi ga héc",
    "Mhz": "mê ga héc",
    "mAh": "mi li am pe giờ",
    "KB": "ki lô bai",
    "MB": "mê ga bai",
    "GB": "gi ga bai",
    "TB": "tê ra bai",
    "Mb": "mê ga bít",  # "tốc độ trên 1Gb" (set BI): bits, a line's speed
    "Gb": "gi ga bít",
    "Mbps": "mê ga bít trên giây",
    "fps": "khung hình trên giây",  # "120fps" (set AP)
    "Gbps": "gi ga bít trên giây",
    "Tbps": "tê ra bít trên giây",  # set AK
    "đ": "đồng",
    "đồng": "đồng",
    "VNĐ": "đồng",
    "VND": "đồng",
    "vnđ": "đồng",
    "USD": "đô la Mỹ",
    "usd": "đô la Mỹ",
    "EUR": "ơ rô",
    "€": "ơ rô",
    "£": "bảng Anh",
    "¥": "yên",
    "NDT": "nhân dân tệ",
    "CNY": "nhân dân tệ",  # the yuan by its code, name and sign (set G): "1.599 Yuan"
    "RMB": "nhân dân tệ",
    "Yuan": "nhân dân tệ",
    "yuan": "nhân dân tệ",
    "tr": "triệu",
    "k": "nghìn",
    "ng": "nghìn",
    "mph": "dặm trên giờ",
    "hp": "mã lực",
    "HP": "mã lực",
    "cc": "xê xê",
    "CV": "mã lực",
    "ppm": "phần triệu",
    "dB": "đề xi ben",
    "cp": "cổ phiếu",
    "ounce": "ao xơ",
    "oz": "ao xơ",
    "lb": "pao",
    "pound": "pao",
    "cent": "xen",
    "US cent": "xen Mỹ",
    "UScent": "xen Mỹ",
    "MP": "mê ga pi xeo",
    "CST": "xê ét tê",
    "DWT": "tấn trọng tải",
    "SGD": "đô la Singapore",
    "cSt": "xê ét tê",
    "Rs": "ru pi",  # Indian rupees: "10.000 Rs"
    "Rs.": "ru pi",
    "INR": "ru pi",
}

# Symbols written before the number: "$5", "€20".
# ISO codes of the currencies news writes (a lone one may stand for the currency, never a ticker;
# two across a slash are a pair: "USD/VND").
CURRENCY_CODES: frozenset[str] = frozenset(
    {"USD", "VND", "EUR", "JPY", "CNY", "GBP", "KRW", "AUD", "SGD", "THB", "CHF", "CAD", "NDT"}
)

CURRENCY_PREFIXES: dict[str, str] = {
    "$": "đô la Mỹ",
    "US$": "đô la Mỹ",
    "€": "ơ rô",
    "£": "bảng Anh",
    "₹": "ru pi",
    "Rs": "ru pi",
    "Rs.": "ru pi",
}

# Spoken units that count money or shares: "đồng/giờ" is "đồng một giờ", never "trên".
COUNTED: frozenset[str] = frozenset(
    {"phần trăm", "phần nghìn", "đồng", "đô la Mỹ", "ơ rô", "bảng Anh", "yên", "nhân dân tệ",
     "triệu", "nghìn", "cổ phiếu", "phần triệu", "xen", "xen Mỹ", "ru pi"}
)  # fmt: skip

# Time units after "/" in a physical rate: "m3/s" -> "mét khối trên giây", "mm/6h" -> "trong".
PER_TIME: dict[str, str] = {
    "s": "giây",
    "giây": "giây",
    "h": "giờ",
    "giờ": "giờ",
    "phút": "phút",
    "ngày": "ngày",
}

# Words after "/" that make it "per" ("điểm/môn" -> "điểm một môn", "lượt/ngày"): a newsreader
# says "một" (or "mỗi"), never "trên".
PER_NOUNS: frozenset[str] = frozenset(
    {"năm", "tháng", "tuần", "ngày", "đêm", "giờ", "phút", "giây", "quý", "buổi", "ca", "kỳ",
     "vụ", "mùa", "người", "khẩu", "hộ", "môn", "lượng", "chỉ", "cây", "con", "chiếc", "cái",
     "lít", "kg", "ha", "sào", "mẫu", "tấn", "tạ", "yến", "thùng", "bao", "gói", "hộp", "chai",
     "lon", "suất", "vé", "lượt", "lần", "trận", "bài", "câu", "học", "lớp", "trường", "phòng",
     "căn", "xe", "chuyến", "km", "m", "m2", "m3", "thửa", "lô", "cổ", "đơn", "liều",
     "thí", "bệnh", "giường", "đầu", "tín", "tiết", "trang", "bản", "đợt", "hồ", "gam", "g",
     "ounce", "oz", "USD", "tổ", "bình", "ký", "kí", "cân", "lạng", "mét", "khối", "container",
     "cont", "TEU", "FEU"}
)  # fmt: skip
