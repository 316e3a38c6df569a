"""Stage 2, understand the article: scraped text becomes a typed model.

Scraped Vietnamese news puts one block (headline, date line, paragraph, caption, subheading,
byline) per line, but what a newsroom pastes is rarely tidy: most texts have no headline at all,
bylines stand under the title or at the end, photo captions and related-article teasers sit among
the paragraphs, sentences run together ("thu hoạch.Điều") and the text may be cut off mid-word.

The rules (see docs/articles.md) follow one principle: **a line is dropped only on positive
evidence** (a known junk pattern, a photo credit, a teaser under "Xem thêm", a keyword line, a
duplicate, the unfinished fragment of a text cut off). Everything else is read; a line that is read
although it looked doubtful is listed in :attr:`Article.unsure`, and every dropped line carries
its :class:`DropKind` and a reason, so ``audionews script`` shows an editor what happens before
anything is rendered. Plain text and the structured formats (HTML, .docx, Markdown) go through the
same rules: :func:`parse_article` for text, :func:`assemble_article` for a reader's blocks.
"""

from __future__ import annotations

import difflib
import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import Enum
from typing import Literal

from audionews import regexcache as rc
from audionews.names import (
    NAME_SYLLABLES,
    OUTLET_NAMES,
    OUTLET_WORDS,
    is_outlet_name,
    is_person_name,
)
from audionews.normalize.lexicon import longest_first
from audionews.normalize.places import is_place_name
from audionews.normalize.vietnamese import is_ascii_syllable, is_vietnamese_syllable
from audionews.pageui import (
    interface_share,
    is_form_note,
    is_interface_line,
    is_related_header,
)
from audionews.segment import split_sentences, unglue_sentences

__all__ = [
    "DATE_LINE",
    "FINAL_PUNCT",
    "LEAD_DASH",
    "Article",
    "Block",
    "BlockKind",
    "DropKind",
    "Dropped",
    "Line",
    "Section",
    "apply_overrides",
    "assemble_article",
    "fold",
    "has_final_punct",
    "is_byline",
    "is_junk",
    "is_photo_caption",
    "outlet_tag",
    "parse_article",
    "parse_date",
    "read_everything",
    "short_title",
]


class BlockKind(str, Enum):
    PARAGRAPH = "paragraph"
    CAPTION = "caption"


class DropKind(str, Enum):
    """Why a line is not read: one word an editor can filter on."""

    CAPTION = "caption"
    """A photo caption with a credit ("Ảnh: ...", "- BỘ Y TẾ"), or image alt text."""
    CREDIT = "credit"
    """A photo or video credit standing alone ("Ảnh: X.NGỌC")."""
    TEASER = "teaser"
    """A related-article headline ("Xem thêm", "Tin liên quan", links under the title or byline)."""
    TAG = "tag line"
    """An outlet tag before the lead ("(Dân trí) -") or a keyword line ("{...}", "Từ khóa:")."""
    WIDGET = "widget"
    """Page chrome: font-size buttons, share bars, "Quảng cáo", image file names, stray dates."""
    DUPLICATE = "duplicate"
    """A line already read (a lead repeated as the first paragraph, the title repeated)."""
    UNFINISHED = "unfinished fragment"
    """The cut-off end of a text that stops mid-sentence."""
    BYLINE = "byline"
    """A further byline or source line (the first is read as the byline)."""
    KEPT = "kept"
    """Not dropped: used in :attr:`Article.unsure` for lines read although doubtful."""


@dataclass(frozen=True)
class Block:
    """One readable block of a section, in reading order."""

    kind: BlockKind
    text: str
    line: int
    """1-based line number in the input."""
    reason: str = ""
    """For a caption: the evidence ("caption: photo credit", "caption: image alt text …")."""


@dataclass(frozen=True)
class Section:
    """A run of blocks under one subheading; ``heading`` is None for the body before the first."""

    heading: str | None
    blocks: tuple[Block, ...]
    heading_line: int = 0

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.blocks if b.kind is BlockKind.PARAGRAPH)

    @property
    def captions(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.blocks if b.kind is BlockKind.CAPTION)


@dataclass(frozen=True)
class Dropped:
    """A line that will not be read (or, in :attr:`Article.unsure`, is read with a doubt)."""

    line: int
    text: str
    reason: str
    kind: DropKind = DropKind.WIDGET


TitleFrom = Literal["headline", "given", "first sentence", "none"]


@dataclass(frozen=True)
class Article:
    """What a newsreader sees in an article."""

    title: str
    """The programme title: the headline when the text has one (or the ``--title`` given),
    else a short form of the first sentence (see ``title_from``); "" only for an empty text."""
    date_line: str | None = None
    """The date/time line exactly as printed (e.g. "23/10/2020 - 06:26")."""
    published: datetime | date | None = None
    """The parsed date line: a datetime when it has a time, else a date."""
    lead: str | None = None
    sections: tuple[Section, ...] = ()
    byline: str | None = None
    dropped: tuple[Dropped, ...] = field(default_factory=tuple)
    title_from: TitleFrom = "headline"
    """Where ``title`` comes from: "headline" (found in the text or markup), "given" (an
    override), "first sentence" (no headline: a short form of the first sentence, not read)."""
    source: str | None = None
    """A source line besides the byline ("Theo TTXVN", "Nguồn: ..."), read after it."""
    unsure: tuple[Dropped, ...] = ()
    """Lines that are read although a rule was unsure (kind ``KEPT``), with the doubt."""
    title_line: int = 0
    lead_line: int = 0
    byline_line: int = 0
    source_line: int = 0

    @property
    def headline(self) -> str | None:
        """The headline read at the start, or None when the text has none."""
        return self.title if self.title_from in ("headline", "given") and self.title else None

    @property
    def captions(self) -> tuple[str, ...]:
        return tuple(c for s in self.sections for c in s.captions)

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(s.heading for s in self.sections if s.heading is not None)


# --- data: the patterns the rules look for --------------------------------------------------------

#: Page chrome that scrapers pick up, compared case-insensitively after folding spaces.
JUNK_LINES = frozenset(
    s.casefold()
    for s in (
        "A A",
        "in trang",  # a print button (heldout34)
        "MỚI - NÓNG",  # Tiền Phong's latest-news box (heldout66)
        "Đọc tiếp bài viết phía dưới",  # a prompt over an ad (heldout35)
        "Thong ke",  # a statistics box's name without its accents (heldout34)
        "A- A+",
        "A+ A-",
        "A A A",
        "Aa",
        "Mời quý vị cùng đón xem video dưới đây",
        "Thông báo",
        "Gửi bình luận thành công",
        "Gửi liên hệ thành công",
        "leftcenterrightdel",
        "Xem theo ngày",
        "Lưu thông tin",
        "Đóng Lưu thông tin",
        "spot_img",  # a WordPress theme's image placeholder
        "null",  # a script's empty values (heldout38, heldout39)
        "undefined",
        "Tóm tắt nội dung",  # a table of contents' label
        "Nội dung bài viết",
        "Đừng bỏ lỡ",  # a "don't miss" box's label (heldout23, heldout24)
        "Bạn đã gửi thành công",  # a comment form's notice (heldout27)
        "Captcha",  # a comment form's field (heldout30)
    )
)
#: Newspaper section names: alone on a line they are a breadcrumb, not a heading.
SECTION_NAMES = frozenset(
    s.casefold()
    for s in (
        "Thời sự",
        "Xã hội",
        "Thế giới",
        "Kinh doanh",
        "Kinh tế",
        "Giải trí",
        "Thể thao",
        "Pháp luật",
        "Giáo dục",
        "Sức khỏe",
        "Đời sống",
        "Du lịch",
        "Khoa học",
        "Số hóa",
        "Công nghệ",
        "Văn hóa",
        "Chính trị",
        "Bạn đọc",
        "Tâm sự",
        "Xe",
        "Ý kiến",
        "Thời tiết",
        "Giao thông",
        "Chứng khoán",
        "Bất động sản",
        "Tài chính",
        "Quốc tế",
        "Trong nước",
        "Tin tức",
        "Sự kiện",
        "Sao",
        "Sao Việt",
        "Showbiz",
        "Hậu trường",
        "Thị trường",
        "Giá cả",
        "Thị trường giá cả",
        "Trong tỉnh",
        "Thông tin",
        "Nổi bật",
        "Doanh nghiệp",  # "Doanh nghiệp - Doanh nhân" over the headline (heldout49)
        "Doanh nhân",
        "An ninh trật tự",  # over the headline on one line (heldout51)
    )
)
#: Outlets whose tag opens a lead ("TTO - ...", "(Dân trí) - ...", "(TTXVN/Vietnam+) ...").
OUTLET_TAGS = (
    "Dân trí",
    "Dân Trí",
    "Chinhphu.vn",
    "NLĐO",
    "PLO",
    "VTC News",
    "CLO",
    "PLVN",
    "TTXVN",
    "TTXVN/Vietnam+",
    "Vietnam+",
    "VietnamPlus",
    "Baonghean.vn",
    "Baothanhhoa.vn",
    "QĐND",
    "HNMO",
    "KTĐT",
    "GDVN",
    "Tổ Quốc",
    "ĐCSVN",
    "NDO",
    "VOV",
    "VTV",
    "Infonet",
    "ICTnews",
    "VnMedia",
    "Báo Đầu tư",
    "ĐTO",
    "Zing",
    "Znews",
    "TTVN",
    "LĐO",
    "SGGP",
    "SGGPO",
    "TN",
    "CAND",
    "ANTĐ",
    "LĐTĐ",
    "BGĐT",
    "BDO",
    "HTV",
    "PLM",
)

_JUNK_PREFIX = rc.compile(
    r"^((?:bạn (?:muốn |có thể )?|mời bạn )?(?:xem thêm|đọc thêm)|tin liên quan|bài liên quan"
    r"|>>|►|»)\s*[:>»-]?\s*\S",  # "Bạn muốn xem thêm: …" (heldout34)
    re.IGNORECASE,
)
#: "> Headline": one arrow before a headline (a quote under one arrow ends with a stop).
_ONE_ARROW_LINK = rc.compile(r"^>\s+[^\W\d_>]")
_TAG_LINE = rc.compile(
    r"^(?:\{.*\}|(?:tags?|từ khóa|từ khoá|chủ đề|keywords?)\s*:.*|(?:#\w+[\s,]*){2,})$",
    re.IGNORECASE,
)
_NO_WORDS = rc.compile(r"^[\W\d_]*$")
#: "Thẻ:" alone on its line: a tag box's label, its tags on the lines under it.
_TAG_BOX = rc.compile(r"^(?:thẻ|tags?|từ kho[áa]|keywords?)\s*:\s*$", re.IGNORECASE)
_BULLET_TAG_LABEL = rc.compile(r"^[•·*]\s*(?:thẻ|tags?|từ kh(?:óa|oá|oa)|keywords?)\s*:?$", re.I)
_SINGLE_LETTERS = rc.compile(r"^(?:[Aa][+-]?\s+){0,3}[Aa][+-]?$|^Aa$")
#: "M" alone: a logo's or an icon's letter (no Vietnamese word is one unaccented letter).
_LONE_LETTER = rc.compile(r"^[A-Za-z]$")
#: "Powered by Techcity": the site builder's credit.
_POWERED_BY = rc.compile(r"^(?:Powered by|Designed by|Thiết kế bởi|Phát triển bởi)\s+\S", re.I)
#: "Trang chủ CƠ QUAN CỦA ĐẢNG BỘ … TIẾNG NÓI CỦA …": the outlet's masthead.
_MASTHEAD = rc.compile(
    r"^(?:Trang chủ\s+)?(?:CƠ QUAN (?:TRUNG ƯƠNG )?(?:CỦA|NGÔN LUẬN)|TIẾNG NÓI CỦA)\s"
    # "Cơ quan Trung ương của Hiệp hội Chống hàng giả …" (heldout62): no stop, 20 words at most
    r"|^Cơ quan (?:Trung ương |trung ương )?(?:của|ngôn luận của) [^.!?]{3,120}$"
)
#: A video player's time: "0:00 / 0:00", "02:15", "01:02:15".
_PLAYER_TIME = rc.compile(r"^\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?$")
#: "© Sputnik / Mikhail Klimentyev / …": a photo's copyright line (heldout21).
_COPYRIGHT = rc.compile(r"^©\s*\S.{0,200}$")
#: "z1378149889751_849b3692785aaaaaaaaaaabdd": a chat app's photo name (its extension cut off).
_PHOTO_NAME = rc.compile(
    r"^[a-z]?\d{10,}_[0-9a-z]{10,}$"
    r"|^(?=\S*\d)[a-z0-9]+(?:_[a-z0-9]+)+$"  # "rq47_7a" (heldout68)
)
#: "Người viết tin bài", "Tác giả:" alone (the name on the next line): a byline's label.
_CREDIT_LABEL_ALONE = rc.compile(
    r"^(?:Người viết(?:\s+tin)?(?:\s+bài)?|Người đưa tin|Tác giả(?:\s+bài viết)?|Đăng bởi"
    r"|Biên tập viên|Nhóm phóng viên)\s*:?$",
    re.IGNORECASE,
)
#: "Một số hình ảnh buổi lễ": a photo gallery's label (the pictures follow, heldout23).
_GALLERY_LABEL = rc.compile(
    r"^(?:Một số|Một vài)\s+(?:hình ảnh|bức ảnh|ảnh(?!\s+hưởng)|khoảnh khắc)(?!\w)"
    # a long one ends with ":"; longer than 18 words it tells the story's facts and is read
    r"(?:(?:\s+[^\s.!?]+){0,5}\s*:?|(?:\s+[^\s.!?:]+){0,18}\s*:)$"
    # "Đây là các hình ảnh về Hội thi:" (heldout32), "Sau đây là các hình ảnh của Lễ hội."
    # "Dưới đây xin giới thiệu hình ảnh buổi lễ:" (heldout51)
    r"|^(?:Dưới đây|Sau đây|Đây)\s+(?:là\s+(?:một số|một vài|các|những)|(?:xin giới thiệu|xin gửi"
    r" đến(?:\s+\S+){1,3}|mời(?:\s+\S+){1,3}\s+xem)(?:\s+(?:một số|một vài|các|những))?)"
    r"\s+(?:hình ảnh|bức ảnh)"
    r"(?:\s+[^\s.!?:]+){0,20}\s*[:.]$"
    # "PV Dân trí ghi lại những hoạt động … tại "rốn lũ" An Giang:" (heldout33): a photo story's
    r"|^(?:PV|Phóng viên|Nhiếp ảnh gia|Camera)\b[^.!?:]{0,40}\bghi lại\b[^.!?:]{0,150}:$"
    # "Hình ảnh của hội thi:", "Hình ảnh tại buổi lễ:" (heldout34): a gallery's label, its colon
    r"|^(?:Hình ảnh|Ảnh|Một số ảnh)\s+(?:của|về|tại|trong)(?:\s+[^\s.!?:]+){1,8}\s*:$"
    # "Hình ảnh ghi nhận tại Trường Tiểu học …, TP.Biên Hòa, Đồng Nai:" (heldout49)
    r"|^(?:Hình ảnh|Ảnh)\s+(?:ghi nhận|ghi lại)\s+(?:của|về|tại|trong)(?:\s+[^\s!?:]+){1,14}\s*:$",
    re.IGNORECASE,
)
#: "5/5 - (1 vote)": a rating widget's score and votes (heldout25).
_RATING_SCORE = rc.compile(
    r"^\d(?:[.,]\d)?/(?:5|10)\s*[-–]?\s*\(\s*\d+\s*(?:votes?|lượt[^)]*)\)$", re.I
)
#: "author 15:00 06/01/2017": a CMS's author field left unfilled, with the post's stamp.
_AUTHOR_STAMP = rc.compile(
    r"^(?:author|admin|administrator|posted by|người đăng)\s*:?\s*"
    r"\d{1,2}:\d{2}\s+\d{1,2}/\d{1,2}/\d{4}$",
    re.I,
)
#: "Facebook Google", "Zalo Facebook Twitter": sign-in or share buttons named by network.
_NETWORKS = rc.compile(
    r"^(?:(?:Facebook|Google|Zalo|Twitter|X|YouTube|Instagram|TikTok|LinkedIn|Email|Apple)"
    r"[\s|,]*){2,6}$"
)
#: "• TTCN (0)": a bullet, the outlet's or author's short name and a comment count.
_BULLET_COUNT = rc.compile(r"^[•·]\s*\S{1,20}\s*\(\d+\)$")
#: "a1", "a2": an image's alt text left as its short name (heldout29).
_IMAGE_TOKEN = rc.compile(r"^[a-z]{1,3}\d{1,3}$")
#: "[Đại biểu Quốc hội: Cần phải có …]": a related article's headline in square brackets.
_BRACKETED_LINK = rc.compile(r"^\[[^\[\]]{12,200}\]$")
#: "Chuyên mục: Văn hóa": the page's section field (a few words after the label).
_SECTION_FIELD = rc.compile(r"^(?:Chuyên mục|Danh mục|Chuyên trang)\s*:\s*[^.!?:]{1,40}$", re.I)
#: "Chi tiết - Huyện Vĩnh Linh", "Chi tiết bài viết Tin tức": a portal's label (heldout31, 34).
_DETAIL_LABEL = rc.compile(
    r"^Chi tiết\s*[-–|:]\s*[^.!?]{1,40}$|^Chi tiết (?:tin|bài viết|tin tức)\b[^.!?]{0,30}$"
)
#: "UBND huyện triển khai nhiệm vụ năm 2014.UBND huyện triển khai …": one sentence twice, glued.
_GLUED_TWICE = rc.compile(r"^(\S[^.!?]{8,150}[.!?])\1$")
#: "Thể loại: Văn hóa - Giải trí": the page's genre field, a tag (heldout34).
_GENRE_FIELD = rc.compile(r"^Thể loại\s*:\s*[^.!?:]{1,40}$", re.I)
#: "*Tiếp tục cập nhật", "(Đang cập nhật)": a live page's note (heldout34).
_LIVE_NOTE = rc.compile(
    r"^[*(\[]?\s*(?:Tiếp tục cập nhật|Đang cập nhật|Còn tiếp tục cập nhật)\W*$"
    # "* Thông tin về bão số 6 sẽ được Dân trí liên tục cập nhật…" (heldout35)
    r"|^[*(\[]\s*(?:Thông tin|Tin tức|Diễn biến)\b[^.!?]{0,80}\bsẽ được\b[^.!?]{0,40}"
    r"\bcập nhật\W*$",
    re.I,
)
#: "27.06.2017 2341 bientap": a CMS's post date, its views, the editor's user name (heldout34).
_CMS_STAMP = rc.compile(r"^\d{1,2}[./]\d{1,2}[./]\d{4}\s+\d{1,7}\s+[a-z][a-z0-9_.]{2,30}$")
#: "260102.Still002", "j8i9g9": a file's or a clip's code (digits glued to letters or a dot).
_FILE_CODE = rc.compile(r"^(?=\S*\d)(?:\S*\d\.[A-Za-z]\S*|(?:[a-z]+\d+){2,}[a-z]*)$")
_IMAGE_FILE = rc.compile(
    # "….jpg", "Ảnh màn hình 2024-11-10 lúc 07.02.29.png", "IMG 0227"
    r"^(?:\S+|(?:Ảnh màn hình|Screenshot|Screen Shot|IMG|DSC)[^\n]{0,60}"
    r"|[^\s.!?][^.!?]{0,40}\s\S*[_\d]\S*)"  # "DEMO DIEM TIN 24H.00_34_33_21.Still025.jpg"
    r"\.(?:jpe?g|png|gif|webp|bmp)(?:\?\S*)?$"
    r"|^_?(?:IMG|DSC|DSCN|MG)[ _-]?\d{3,5}(?:\s*-\s*(?:Copy|Bản sao)(?:\s*\(\d\))?)?$"
    # "150088365524875-tt-hue--bat--2--sieu--trom--…": an image named by its id and slug (heldout50)
    r"|^\d{6,}(?:-[a-z0-9]+)+(?:--[a-z0-9]+){3,}$",
    re.IGNORECASE,
)
_CAPTION_CREDIT = rc.compile(
    r"(\(?\s*Ảnh\s*(?:minh\s*h[ọo]ạ?|tư liệu|:|-)|\bẢnh:\s|Nguồn ảnh|Photo\s*:|Đồ họa\s*:|"
    r"Đồ hoạ\s*:|\(Ảnh\b|Ảnh\s+chụp\s+(?:từ\s+)?(?:màn\s+hình|clip|video)|Ảnh\s*/|Clip\s*:|"
    r"Video\s*:|\bTranh\s*:|"
    r"\(\s*(?:Biểu đồ|Infographic)\s*:|"  # "(Biểu đồ: Huyên Nguyễn)": a chart's credit
    # "… giới thiệu ứng viên (Hình WGPSG)": "hình", the photo, as written overseas (heldout51)
    r"\((?-i:Hình\s*:?\s*[A-ZĐ])[^():]{1,30}\)$|"  # "(Hình:Getty Images)" (heldout55)
    r"\((?-i:Photo by|Photo credit)\s[^()]{2,60}\)$|"  # "(Photo by George Frey/Getty Images)"
    r"\bẢnh\s*©|(?<=[a-zà-ỹ])(?-i:Getty(?: Images)?|AFP|Reuters)$|"  # "Ảnh © …", "Công VinhGetty"
    # "… quốc gia). Ảnh; M.Q.Hiển.", "… tuyên án. Ảnh Như Bình |": the credit's colon a slip;
    # "… tử hình. Ảnh Zing news." (heldout47): a site's name may end on "news" or "online"
    r"(?<=[.)])\s+(?-i:Ảnh\s*;?\s+(?=[A-ZĐ][^\s;]*(?:\s(?:[A-ZĐ][^\s;]*|news|online)){0,3}"
    r"\.?\s*\|?$))"
    # "… Hòn Bà (Khánh Hòa)_ ảnh Đinh Quang Diệp": an underscore before the credit (heldout18)
    r"|_\s*(?-i:[Ảả]nh\s+(?=[A-ZĐ][^\s;]*(?:\s[A-ZĐ][^\s;]*){0,3}\.?\s*$))"
    # "… Trương Tuấn Vũ. Ảnh do nhân vật cung cấp" (heldout66): who gave the photo, closing
    r"|(?<=[.)])\s+(?-i:Ảnh)\s+do\s+[^.!?]{2,40}\s+cung cấp\.?\s*$)",
    re.IGNORECASE,
)
_CREDIT_ONLY = rc.compile(
    r"^\(?\s*(?:Ảnh|Video|Clip|Đồ họa|Đồ hoạ|Photo|Ảnh và clip|Tranh|Nguồn ảnh|Credits?)\s*:"
    r"\s*[^!?]{1,60}\)?$",
    re.IGNORECASE,
)
#: "… Han Duck-soo. (Nguồn: Yonhap)": a source in brackets closing a one-sentence line (a photo's
#: credit; "(Nguồn: TTXVN)" alone is a source line, see `_is_source_line`).
_BRACKET_SOURCE = rc.compile(r"\s\(\s*Nguồn(?:\s+ảnh)?\s*:\s*[^()]{1,40}\)\s*\|?$", re.IGNORECASE)
#: "Thủ tướng Nhật Bản Fumio Kishida (trái) và …": who stands where in a photo.
_PHOTO_POSITION = rc.compile(
    r"\((?:ngoài cùng\s+)?(?:bên\s+|đứng\s+)?(?:trái|phải|giữa)\)"
    r"|\((?:thứ\s+\w+\s+)?từ\s+(?:trái|phải)(?:\s+sang(?:\s+(?:trái|phải))?)?\)",
    re.IGNORECASE,
)
#: "A- A A+ | Tăng tương phản Giảm tương phản": font-size buttons, then what follows them.
_FONT_BAR = rc.compile(r"^(?:A[+-]?\s+){1,3}A[+-]?(?:\s*\|\s*|\s+)(\S.*)$")
#: "Sự kiện:", "Dòng sự kiện: Bình Thuận": a page's event tag box.
_EVENT_TAG = rc.compile(r"^(?:Dòng\s+)?sự kiện\s*:(?:\s*[^.!?:]{1,40})?$", re.IGNORECASE)
#: Upper- and lower-case letters of Vietnamese as regex classes ("À-Ỹ" would mix both cases).
_UP = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isalpha() and c.isupper())
#: "… qua các năm gần đây. Nguồn: TTXVN. |": a source after the sentence's full stop, closing the
#: line: a name of five words at most, no sentence of its own.
_TRAILING_SOURCE = rc.compile(
    rf"(?:(?<=[.!?])|\s[-–])\s+Nguồn\s*:\s*[{_UP}\d][^.:!?()]{{0,40}}?\.?\s*\|?$", re.IGNORECASE
)
_LOW = "a-z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isalpha() and c.islower())
#: "BOCHAROV RUCHEI (Sochi) (Sputnik) -": a dateline in capitals with its tags, alone (heldout21).
_DATELINE_ALONE = rc.compile(
    rf"^[{_UP}][{_UP} .'-]{{2,40}}(?:\s*\([^()]{{2,20}}\)){{1,2}}\s*[-–—]$"
)
#: "ảnh 1Quang cảnh phiên tòa …": an image's label glued to its caption (heldout20).
_GLUED_IMAGE_LABEL = rc.compile(rf"^[Ảả]nh \d{{1,2}}(?=[{_UP}])[^.!?]{{3,150}}$")
_CREDIT_SEGMENT = rc.compile(r"\s[-–—/]\s*([^-–—/]+)$")
_ALT_NUMBER_TAIL = rc.compile(
    r"\s[-–—]\s*(?:(?:Hình ảnh|Hinh anh|Hình|Ảnh|Photo|Image)\s+)?\d{1,2}$", re.IGNORECASE
)
_GLUED_ALT_REASON = "caption: image alt text repeating the title, glued to a caption"
# "Title - 1", "Title ảnh 1", "Title-1" (heldout26), "Title 2" (heldout53)
_IMAGE_ALT_NUMBER = rc.compile(r"(?:\s+-\s*|(?<=[^\W\d_])-|\s+số\s+|\s+ảnh\s+|\s+)\d{1,2}$")
FINAL_PUNCT = tuple(".!?…:;\"”»)'")
_SENTENCE_END = tuple(".!?…")
_WEEKDAY = r"(?:(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|[2-7])|Chủ\s+[Nn]hật|CN)\s*[,:-]?\s*)?"
_TIME = r"(\d{1,2})[:hH](\d{2})(?::\d{2})?'?(?:\s*(?:[AaPp]\.?[Mm]\.?|SA|CH)(?!\w))?"
#: "21h00" alone on a line: a live page's time stamp (heldout51).
_TIME_ALONE = rc.compile(rf"^{_TIME}$")
#: "Cập nhật: 17/02/2016 08:41:19", "Ngày đăng: …": a label before the date.
_DATE_LABEL = (
    r"(?:(?:[^\W\d_]+(?:\s+[^\W\d_]+){0,3}\s+[-–|]\s+)?"  # a section before: "Văn hóa - "
    r"(?:Cập nhật|Ngày cập nhật|Cập nhật ngày|Cập nhật lúc|Đăng|Ngày đăng|Đăng ngày|Xuất bản"
    r"|Ngày xuất bản|Thời gian đăng|Ngày phát hành)"
    r"(?:\s+lúc)?\s*:?\s*|(?:Videos?|Photos?|Podcast|Infographics?|E-?magazine)\s+)?"
)
_DATE = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"
_ZONE = r"(?:\s*[(\[]?\s*(?:GMT|UTC)\s*[+-]\s*\d{1,2}\s*[)\]]?|\s+[+-]\d{2}:\d{2})?"  # "+07:00"
_SOURCE_TAIL = r"(?:\s*\|\s*[^|]{1,40})?"
DATE_LINE = rc.compile(
    rf"^{_DATE_LABEL}{_WEEKDAY}(?:ngày\s+)?{_DATE}(?:\s*[-|,]?\s*(?:lúc\s+)?{_TIME})?{_ZONE}{_SOURCE_TAIL}\s*$",
    re.IGNORECASE,
)
#: "09:59 28/06/2022", "22:04 | 28/03/2022": time first.
_TIME_FIRST_DATE = rc.compile(
    rf"^{_DATE_LABEL}{_WEEKDAY}{_TIME}\s*[|,-]?\s*{_WEEKDAY}(?:ngày\s+)?{_DATE}{_ZONE}{_SOURCE_TAIL}\s*$",
    re.IGNORECASE,
)
#: "25 Tháng 9 2017", "25 tháng 9, năm 2017": the month written as a word.
_MONTH_WORD = rc.compile(r"\b(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s+(?:năm\s+)?(\d{4})\b", re.I)
#: "Chủ nhật, 13/06/2021 18:21 PM - 0 Trả lời": a date stamp run into a comment counter.
_STAMP_COUNTER = rc.compile(
    r"^(.*\d(?:\s*[AaPp]\.?[Mm]\.?)?)(?:(?:\s*[-|]\s*|\s+)"
    r"(\d[\d.,]*\s+(?:Trả lời|Bình luận|Lượt xem|Lượt đọc|Comments?|Views?|Replies)"
    r"|(?:Lượt xem|Lượt đọc|Views?)\s*:?\s*\d[\d.,]*)"
    r"|(\(\s*(?:Views?|Lượt xem|Lượt đọc)\s*:?\s*[\d.,]+\s*\)))$",
    re.IGNORECASE,
)
#: "16:02 (GMT +7)": a time with its zone alone on a line (the clock under a date line).
_ZONED_TIME = rc.compile(
    r"^\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp][Mm])?\s*[(\[]?\s*(?:GMT|UTC)\s*[+-]\s*\d{1,2}\s*[)\]]?$"
)
#: "Hà Nội: Níu chân chợ phiên Hà Nội: Níu chân chợ phiên": a link's text printed twice (its
#: image's alt text and its anchor), no sentence.
_DOUBLED = rc.compile(r"^(\S.{8,150}?)\s+\1$")
_DOUBLED_REASON = "teaser: a related link (its text printed twice)"
#: "20:00 12/10/2017 Vào 6h35’ …": a page's time stamp glued before the lead (heldout43).
_STAMP_BEFORE_LEAD = rc.compile(
    r"^(\d{1,2}:\d{2}\s+\d{1,2}/\d{1,2}/\d{4})\s+(?=[A-ZĐÀ-Ỹ][^\s]*\s+\S+\s+\S+.{40,}[.!?…]$)"
)


#: "20/02/2024, 10:09" inside a short line: a date and its time.
_DATED_STAMP = rc.compile(rf"{_DATE}\s*[-|,]?\s*{_TIME}")


def _doubled_summary(lines: Sequence[Line], i: int) -> bool:
    """Under a related link printed twice, its summary: one or two sentences (80 words at most)
    followed by another such link or by a line printed earlier (the headline again)
    (heldout42's Thời Đại page: "Tuyển nữ … 2023 Tuyển nữ … 2023" over "Sau khi đánh bại …")."""
    t = lines[i].text
    if not _ends_sentence(t) or len(_sentences(t)) > 2 or len(t.split()) > 80:
        return False
    if i + 1 >= len(lines):
        return False  # the story's last paragraph after a link set into it looks the same
    after = lines[i + 1].text
    return bool(_DOUBLED.match(after)) or _key(after) in {_key(x.text) for x in lines[:i]}


#: "… tại Việt Nam - Ảnh 3.": an image's alt text numbered, even with a stop.
_ALT_PHOTO_TAIL = rc.compile(
    r"(?:\s[-–—]\s*|[-–—]\s+)(?:Hình ảnh|Hinh anh|Hình|Ảnh|Anh|Photo|Image)\s+\d{1,2}\.?$"
)
#: "Góc nhìn thẳng21/03/201802:36", "VIDEOS 02/09/2024 - 09:19": a section's or a programme's
#: name (no digit, four words at most) before the date and time.
_LABELLED_STAMP = rc.compile(
    rf"^[^\W\d][^\d.!?,;:()|–—-]{{0,30}}?\s*{_DATE}\s*[-|,]?\s*{_TIME}{_ZONE}\s*[|]?\s*$"
)
#: "24/11/2017 | 14:40Triển lãm …": a date and time glued to the lead.
_GLUED_STAMP = rc.compile(rf"^{_DATE}\s*[-|,]?\s*{_TIME}(?=\s*[{_UP}])")
#: "Phát biểu … kỳ họp thứ 7 (10:34 04/12/2018)": a date stamp in brackets closing the headline.
_BRACKET_STAMP = rc.compile(r"\s*\(([^()]{8,40})\)$")
#: "Bắc Giang: 07/06/2023 00:19:06 (GMT+7)": today's date and a ticking clock in the page header.
_HEADER_CLOCK = rc.compile(rf"^[^\d:]{{2,30}}:\s*{_DATE}\s+\d{{1,2}}:\d{{2}}:\d{{2}}{_ZONE}\s*$")
#: ". >>> Mời độc giả xem thêm …": a related link after the paragraph's last sentence.
_GLUED_LINK_TAIL = rc.compile(r"(?<=[.!?…\"”])\s+(>{2,3}\s*\S.*)$")
#: "WESTMINSTER (VB)": a dateline in capitals and the outlet's tag in brackets.
_DATELINE_TAGGED = rc.compile(rf"^[{_UP}][{_UP} .',-]{{2,40}}\s*\([^()]{{2,20}}\)\s*[-–—]*\s*$")
#: "![]() Năm 2020 được …": a card of another story, its image's markup left empty (heldout68).
_EMPTY_IMAGE_CARD = rc.compile(r"^!\[\]\(\)\s*[^\W\d_|]")
#: "blank": an empty image's placeholder (heldout68).
_BLANK_IMAGE = rc.compile(r"^blank$", re.IGNORECASE)
#: "Hôm nay," alone: the header's date widget with its date gone (heldout41, heldout68).
_TODAY_WIDGET = rc.compile(r"^Hôm nay\s*[,:]?$")
_OUTLET_ALT = "|".join(re.escape(t) for t in longest_first(OUTLET_TAGS))
_WORD_ALT = "|".join(re.escape(t) for t in longest_first(OUTLET_WORDS))
#: "(DS&PL) -", "TTO -" or any word in capitals ("ĐNA -") alone on a line.
_LONE_TAG = rc.compile(rf"^(?:\([^()]{{2,20}}\)|{_WORD_ALT}|[{_UP}][{_UP}0-9.&]{{1,9}})\s*[-–—]$")
#: A tag before the lead: a known outlet in brackets (dash optional), any "(Name) -", a known
#: outlet word with a dash ("TTO -", "VOV.VN -"), capitals followed by a spaced dash
#: ("HÀ NỘI - "), or a bare leading dash (" - "). "VN-Index tăng" is none of these.
LEAD_DASH = rc.compile(
    rf"^\s*(?:(\(\s*(?:{_OUTLET_ALT})[^()]{{0,20}}\))\s*[-–—:]?\s*"
    rf"|(\([^()]{{2,30}}\))\s*[:.]?\s*[-–—]\s*"  # "(GD TP.HCM): – Sáng …", "(QNO).- Sáng …"
    rf"|(\([^()]{{2,30}}\))\.\s+(?=[{_UP}])"  # "(VNGL- Đời sống văn nghệ). Sáng …" (heldout26)
    rf"|(\[[^\[\]]{{2,30}}\])\s*[-–—]\s*"  # "[Người Nuôi Tôm] – Theo …" (heldout18)
    # "BOCHAROV RUCHEI (Sochi) (Sputnik) - Quan hệ …": a dateline and its tags (heldout21)
    rf"|([{_UP}][{_UP} .'-]{{2,40}}(?:,\s*[{_UP}][^\W\d_]*(?:\s[{_UP}][^\W\d_]*){{0,3}})?"
    # "PARIS, Pháp (AP) – …" (heldout36), "WESTMINSTER (VB) -- …" (heldout68)
    rf"(?:\s*\([^()]{{2,20}}\)){{1,2}})\s*(?:--|[-–—])\s+"
    rf"|([{_UP}][{_UP} .'-]{{2,40}},\s*[{_UP}][^\W\d_]*(?:\s[{_UP}][^\W\d_]*){{0,3}})\s*[-–—]\s+"
    rf"|(\([{_UP}][{_UP}0-9.&/+-]{{1,9}}\))\s+(?=[{_UP}])"
    rf"|((?:{_WORD_ALT}))\s*[-–—]\s*"
    rf"|([{_UP}][{_UP}0-9.&]{{1,15}}(?:\s[{_UP}][{_UP}0-9.&]{{1,15}}){{0,2}})\s+(?:--|[-–—])\s+"
    rf"|([{_UP}]{{3,8}})[-–—]\s+"  # "CNNB- Hôm nay …": a tag glued to its dash
    rf"|()[-–—]\s+)(?=\S)"
)
#: "Theo đó, Giám đốc" (heldout60), "Theo ông …", "Theo kế hoạch": a sentence's opening words.
_THEO_SENTENCE = (
    r"\s+(?:đó|như|đây|vậy|tôi|ông|bà|anh|chị|em|các|những|nhiều|một|thống kê|kế hoạch"
    r"|quy định|báo cáo|dự báo|dự kiến|cáo trạng|lãnh đạo|ghi nhận)\b"
)
_BYLINE_SOURCE = rc.compile(
    r"^\(?\s*(?:(?:[•·]\s*)?(?:Nội dung|Trình bày|Thiết kế|Đồ họa|Đồ hoạ)\s*:|"
    rf"Theo(?!{_THEO_SENTENCE})|Nguồn[^:.]{{0,40}}:|Nguồn(?:\s+tin)?\s+(?=[{_UP}\d])|"
    r"Tác giả(?:\s+bài viết)?\s*:|Tổng hợp\s*:?|T/[Hh]\s*:|"  # "T/H: Anh Đức": tổng hợp
    r"(?:Bài|Bài viết|Tin|Tin bài)(?:\s+và|,)\s+(?:ảnh|hình)\s*:|"  # "Bài viết, hình:" (heldout57)
    # "Bài: Việt Phạm", "Tin và ảnh Phi Hoàng" (heldout66): a name only after the unlabelled one
    r"(?:Bài\s*:\s*|(?:Tin|Bài)\s+và\s+ảnh\s+)(?=[A-ZĐ]\S*(?:\s[A-ZĐ]\S*){0,3}(?:\s[-–]\s.*)?$)|"
    r"Nhóm\s+PV|PV\b|Phóng viên\s*:?|Biên tập\s*:|Thực hiện\s*:|CTV\s*:|Cộng tác viên\s*:|"
    # "Người đưa tin: …", "Đăng bởi: …", "Ký của Minh Ngọc" (heldout21)
    r"Người đưa tin\s*:|Người viết\s*:|Đăng bởi\s*:|by\s+(?=[A-ZĐ][^\s]*(?:\s[A-ZĐ][^\s]*){0,3}$)|"
    rf"(?:Ký|Bút ký|Phóng sự|Ghi chép) của(?=\s[{_UP}]))"
    r"\s*[^\s].{0,70}?\)?\.?$",
)
#: A credit labelled as the author's, a byline wherever it stands (heldout21).
_AUTHOR_CREDIT = rc.compile(
    r"^(?:(?:Tác giả(?:\s+bài viết)?|Người đưa tin|Người viết|Đăng bởi|Thực hiện|Biên tập"
    rf"|Phóng viên)\s*:|(?:Ký|Bút ký|Phóng sự|Ghi chép) của\s[{_UP}])"
)
#: "Một góc khu công nghiệp …", "Quang cảnh buổi lễ": what a photo shows, no claim (a headline
#: may open with "Cận cảnh", "Toàn cảnh" or "Hình ảnh", not with these).
_SCENE_CAPTION = rc.compile(r"^(?:Một góc|Quang cảnh)\s", re.IGNORECASE)
#: "tai nạn giao thông": a tag's words in lower case, no digit, no punctuation, five words at most.
_LONE_KEYWORD = rc.compile(rf"^[{_LOW}]+(?: [{_LOW}]+){{0,4}}$")
#: "Tải ngay ứng dụng … TẠI ĐÂY", "Đọc báo … trên các thiết bị di động với Ứng dụng …": the
#: outlet's app advertised (a widget, not a related article's headline).
_APP_PROMPT = rc.compile(
    r"\b(?:tải|cài đặt|download)\s+(?:ngay\s+)?(?:ứng dụng|app)\b"
    r"|\bthiết bị di động\b.*\bứng dụng\b",
    re.IGNORECASE,
)
#: "Thời gian: 12/10- 14/10 Âm lịch", "Địa điểm: …": a field of an event's facts.
_INFO_FIELD = rc.compile(r"^(?:Thời gian|Địa điểm|Thời điểm)\s*:\s*\S", re.IGNORECASE)
#: "Nguồn tin: Báo Dân trí" under "Tác giả: …": a copy site's field naming the original paper.
_COPIED_FROM = rc.compile(r"^Nguồn tin\s*:\s*\S")
_AUTHOR_LABEL = rc.compile(r"^Tác giả(?:\s+bài viết)?\s*:")
_NAME_WORD = rc.compile(rf"^[{_UP}][{_LOW}]{{0,7}}$")
#: "(UCAN 04-09-2012)": an agency's code and the day it ran the story, the source (heldout51).
_AGENCY_DATED = rc.compile(r"^\(\s*[A-Z]{3,8}\s*[-,]?\s*\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\s*\)$")
#: "/VOV.VN", "/THĐT", "/ Vietnamnet", "/Công Luận": the outlet after a byline's slash (a word, or
#: two or three capitalised words).
_AGENCY_SUFFIX = rc.compile(
    rf"/\s?(?:[\w.+-]{{2,20}}|[{_UP}][\w.+-]{{1,15}}(?:\s[{_UP}][\w.+-]{{1,15}}){{1,2}})$"
)
_INITIAL_NAME = rc.compile(
    rf"^[{_UP}]\.\s?[{_UP}](?:[{_LOW}]{{1,7}}|\.)?$|^[{_UP}]'[{_UP}][{_LOW}]{{1,7}}$"
    rf"|^[{_UP}]\.\s?[{_UP}]{{2,7}}$"  # "T.LÝ": an initial and a name in capitals
)
#: "Văn phòng Ban quản lý./.": an office signing a release, with the end mark or none.
_OFFICE_CREDIT = rc.compile(
    rf"^((?:Văn phòng|Phòng|Ban|Trung tâm|Bộ phận)\s+[{_UP}][^.!?;:,]{{2,60}}?)\s*(?:\./\s?\.)?$"
)
#: "CTV Thanh Thảo": a contributor's or a reporter's role before the name.
#: "PGS, TS. Bùi Văn Huyền", "ThS. …": an author's academic titles before the name.
_ROLE_PREFIX = rc.compile(
    r"^(?:CTV|PV|PTV|BTV|Nhà báo"
    r"|(?:GS|PGS|TS|TSKH|ThS|BS|CN|KS|NCS|Ts|Ths)(?:\s*[.,]\s*(?:GS|PGS|TS|TSKH|ThS|BS|CKI|CKII))*\.?)"
    r"\s+(?=\S)"
)
#: "Thái Văn – Lê Thắng – Sỹ Tùng": names of a team, set apart by dashes or commas.
#: "Minh Trang- Công Hiếu", "Lưu Thu & Trọng Tình" (heldout63): names signing together.
_NAME_LIST = rc.compile(r"\s*[-–—]\s+|\s+[-–—]\s*|\s*,\s+|\s+&\s+")
#: "Bình luận 0", "Số lần đọc: 937", "Vietgoden Nguyen nguồn bình luận 999": a counter after its
#: label, alone or closing a short poster/source line (no sentence before it).
_LABELLED_COUNTER = rc.compile(
    r"^(?:[^.!?:]{0,60}\s)?(?:bình luận|lượt xem|lượt đọc|số lần đọc|lượt thích|lượt chia sẻ|"
    r"views?|comments?)\s*:?\s*[\d.,]+$",
    re.IGNORECASE,
)
#: "Theo dõi Báo Hànộimới trên" (icons follow), "Mời các bạn đồng hành cùng báo Dân Việt trên
#: mạng xã hội Facebook …", "Mời bạn bầu chọn hay chia sẻ trên Facebook:": a follow prompt.
_FOLLOW_PROMPT = rc.compile(
    r"^(?:(?:Hãy\s+)?(?:Theo dõi|Follow)\s+(?:báo|trang|kênh|chúng tôi|fanpage)\b.{0,60}\btrên"
    r"(?:\s*:?\s*(?:Google News|Facebook|Zalo|YouTube|TikTok|mạng xã hội))?\s*[:.]?"
    # "Theo dõi KTMT trên": the outlet's name in capitals, the icons after "trên" gone
    rf"|(?:(?:Hãy|Mời)\s+(?:(?:các|quý)\s+)?(?:bạn đọc|độc giả|bạn)\s+)?(?:Hãy\s+)?"
    rf"Theo dõi\s+(?:(?-i:[{_UP}])[\w.&+-]*\s+){{1,4}}trên\s*:?"  # "Mời quý độc giả theo dõi …"
    r"|(?:Mời|Hãy)\s+(?:các\s+|quý\s+)?(?:bạn|độc giả|bạn đọc)\b.{0,160}"
    r"\b(?:Facebook|Zalo|YouTube|TikTok|Twitter|fanpage|mạng xã hội|Google News)\b.{0,80})$",
    re.IGNORECASE,
)
#: "Link gốc bài viết tại đây.", "Article sourced from VIETNAMNET.", "Original source can be
#: found here: http://…": a link to where the text was copied from.
_SOURCE_LINK = rc.compile(
    r"^(?:(?:Link|Đường dẫn|Xem)\s+(?:gốc|bài gốc)\b.{0,40}|Article sourced from\s.{1,60}"
    r"|Original (?:source|article)\b.{0,200}|Source\s*:\s*https?://\S+)$",
    re.IGNORECASE,
)
#: An ad block: "Bạn đang tìm dịch vụ về ?", "Để lại Tên và mobile, chúng tôi sẽ tìm …",
#: "Westbourne Grammar Vùng: Truganina. Phone: 9731 9448".
_AD_LINE = rc.compile(
    r"^(?:Bạn đang (?:tìm|cần)\b.{0,60}\?|Để lại\s+(?:tên|họ tên|số điện thoại|sđt|email)\b.*"
    r"|.{0,80}\b(?:Phone|Tel|Hotline)\s*:\s*[\d\s.+()-]{6,})$",
    re.IGNORECASE,
)
#: "TÌM DỊCH VỤ", "ĐĂNG KÝ NGAY": a button in capitals (an imperative, never a name).
_BUTTON = rc.compile(rf"^(?:TÌM|XEM|ĐĂNG KÝ|LIÊN HỆ|MUA|GỬI|ĐẶT|TẢI)(?:\s[{_UP}]+){{0,3}}$")
#: "Lưu bài viết thành công", "Bạn có thể xem lại bài viết đã lưu ở trang …", "Subscribe to sốt
#: xuất huyết": a save or subscribe widget's button or message.
_SAVE_WIDGET = rc.compile(
    r"^(?:(?:Lưu|Đã lưu|Bỏ lưu|Gửi|Đăng ký|Sao chép)\b.{0,30}\bthành công[.!]?"
    r"|Bạn (?:có thể )?xem lại (?:các |những )?(?:bài viết|tin bài|bài|tin) đã lưu\b.{0,60}"
    r"|(?:Subscribe|Unsubscribe)(?: to)?\b.{0,60}|Đăng ký nhận (?:tin|bản tin)\b.{0,60})$",
    re.IGNORECASE,
)
#: "Bài viết hay? Hãy đánh giá bài viết", "Đánh giá bài viết", "Ý KIẾN", "Bình luận (3)": the
#: rating or comment box that closes a page; what follows it is no longer the story.
_RATING = (
    r"(?:Bài viết hay\s*\??\s*)?(?:Hãy\s+)?(?:Đánh giá|Bình chọn)\s+(?:bài viết|bài|tin)\b.{0,20}"
)
_COMMENT_BOX = rc.compile(
    rf"^(?:{_RATING}"
    r"|Ý kiến(?: bạn đọc| của bạn)?|Bình luận(?: bạn đọc)?(?:\s*\(\d+\))?|Gửi bình luận"
    r"|Gửi bình luận của bạn|Viết bình luận|Ý kiến \(\d+\))$",
    re.IGNORECASE,
)
_READING_TOOL = r"(?:Chế độ ban đêm|In trang|Xuất PDF|Đọc nội dung|Nghe đọc bài)"
#: A page's notices written as sentences (heldout17): a comment box's empty state, a
#: copyright notice, a form's error, a rating's empty labels, a button bar of reading tools.
_PAGE_NOTICE = rc.compile(
    r"^(?:(?:Hiện )?(?:chưa|không) có (?:bình luận|ý kiến) nào\b.{0,90}"
    r"|\(\*\)\s*Không (?:được )?sao chép\b.{0,160}"
    r"|Không (?:được )?sao chép dưới mọi hình thức\b.{0,160}"
    r"|Mã (?:xác thực|xác nhận|bảo vệ) không (?:đúng|hợp lệ)\.?"
    r"|lượt đánh giá\s*:\s*,?\s*trung bình\s*:?"
    # a site's greeting and its promotion of itself (heldout50)
    r"|Chào mừng (?:bạn|quý vị|quý khách|quý bạn đọc)(?: đã)? đến với (?:website|trang)\b.{0,160}"
    r"|Truy cập \S+(?: \S+)? (?:hằng|hàng) ngày để không bỏ lỡ\b.{0,120}"
    # a banner addressing the reader, closed by its button (heldout54)
    r"|Bạn có thể\b[^.!?]{10,160}[.!?]\s*(?:Đóng|ĐÓNG|Close|×)"
    rf"|{_READING_TOOL}(?:\s+{_READING_TOOL})+)$",
    re.IGNORECASE,
)
#: "null Toàn văn phát biểu …": a CMS printing an empty field as "null" before the headline.
_NULL_FIELD = rc.compile(r"^null\s+\S.{0,200}$")
#: "'DU LỊCH SÓC TRĂNG'": a topic's label in capitals and quotes over its links (heldout52).
_QUOTED_LABEL = rc.compile(rf"^(['‘\"“])[{_UP}0-9][{_UP}0-9 &,.-]{{2,40}}['’\"”]$")
#: "pnvnonline@phunuvietnam.vn" alone on a line: the newsroom's contact (heldout48).
_MAIL_ALONE = rc.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
#: "Bạn quan tâm đến chuyên mục nào trên trang?": a poll's question to the reader (heldout40).
_POLL_QUESTION = rc.compile(
    r"^Bạn\s.{3,80}\b(?:trang|website|cổng thông tin|chuyên mục|nội dung|tờ báo)\b.{0,40}\?$"
)
#: "Mời bạn đọc nhấn F5 để tiếp tục cập nhật thông tin...": a live page's prompt (heldout43).
_REFRESH_PROMPT = rc.compile(r"^.{0,40}\b(?:nhấn|bấm|ấn)\s+F5\b.{0,80}$", re.IGNORECASE)
#: "Chi nhánh 1 : 147 Hàm Nghi, Đà Nẵng": a shop's branch and address (heldout42).
_SHOP_BRANCH = rc.compile(r"^Chi nhánh\s*\d{1,2}\s*:\s*\S.{3,80}$")
#: "Tin Tức Các Bộ Môn": a section's label, every word capitalised (heldout40).
_NEWS_SECTION = rc.compile(rf"^Tin [Tt]ức(?:\s[{_UP}][^\s]*){{1,4}}$")
#: "Xã hội 24-11-2021": a section's name with the date it filed the story.
_SECTION_DATE = rc.compile(
    rf"^[{_UP}][^\W\d_]*(?:\s[{_LOW}][^\W\d_]*){{0,2}}"  # "Xã hội", never a name
    r"\s+\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$"
)
#: "[mecloud]UNm2mGLINV[/mecloud]", "[video id=12]": a CMS shortcode left in the text.
_SHORTCODE = rc.compile(r"^\[(\w+)[^\]]{0,40}\](?:[^\[\]\s]{0,80}\[/\1\])?$")
#: "-A A +A", "A- A A+", "A A A": font-size buttons.
_FONT_BUTTONS = rc.compile(r"^(?:[-+]?A[-+]?\s+){1,3}[-+]?A[-+]?$")
#: Of the box, what closes a page: a rating prompt or the comments' header ("Ý KIẾN").
_PAGE_END_BOX = rc.compile(
    rf"^(?:{_RATING}"
    r"|Ý kiến(?: bạn đọc| của bạn)?(?:\s*\(\d+\))?)$",
    re.IGNORECASE,
)
#: "Editor", "Thành viên BQT", "Moderator": a forum poster's role under the name.
_FORUM_ROLE = rc.compile(
    r"^(?:Editor|(?:Super\s+|Global\s+)?Moderator|Mod|Admin(?:istrator)?|Quản trị viên|"
    r"Điều hành viên|Ban quản trị|BQT|(?:Junior |Senior |New |Active )?Member|"
    r"Thành viên(?:\s+(?:BQT|mới|tích cực|VIP|danh dự|ban quản trị|nhiệt tình|năng nổ|"
    r"thân thiết|chính thức|cao cấp))?)$",
    re.IGNORECASE,
)
#: "CÁC KÊNH VIDEO", "Video nổi bật": a video section's label.
_VIDEO_LABEL = rc.compile(
    r"^(?:(?:Các\s+)?kênh video|Video (?:nổi bật|mới nhất|xem nhiều|(?:đang )?hot))$", re.IGNORECASE
)
#: "Video trận đấu … (bản quyền VTV):", "Xem clip 50 hình buổi lễ": an embedded video's label
#: or link, no sentence (heldout51, 52)
_VIDEO_BOX = rc.compile(r"^(?:Xem (?:clip|video)\s.{3,150}|(?:Video|Clip)\s.{3,150}:)$", re.I)
#: "nhan-bao-chi-trich-qua-du-doi-tu-cong-do", "132733987-1493313651-ngoisaovn-w960-h170": an
#: image file's or a link's name (lower-case ASCII joined by dashes, no space).
_SLUG = rc.compile(
    r"^[A-Za-z0-9][a-z0-9]*(?:[-_][a-z0-9]+){3,}$|^(?=.{12,}$)[a-z]{3,}[0-9]*(?:[-_][a-z0-9]+)+$"
)
#: "Tin tức mới nhất Covid-19 hôm nay": a link to the latest news, not the story.
_NEWS_LINK = rc.compile(
    r"^(?:Tin tức|Tin)\s+(?:mới nhất|mới|nóng|nổi bật)\s+\S[^.!?:]{0,60}\s(?:hôm nay|24h)$"
)
#: A headline, a bracketed tag and the lead on the text's first line, no full stop before it.
_GLUED_BRACKET_TAG = rc.compile(
    rf"^([{_UP}][^.!?()]{{15,200}}?)\s+(\([{_UP}][{_UP}0-9.&]{{1,9}}\)\s*[-–—]\s*[{_UP}].{{30,}})$"
)
#: "… vỡ bờ baoTTO – Triều cường …": a known outlet's tag glued to the end of the headline (a
#: lower-case letter right before the tag's capitals).
_GLUED_TAG = rc.compile(rf"^(\S.{{10,200}}?[{_LOW}])((?:{_WORD_ALT})\s*[-–—]\s+[{_UP}].*)$")
#: "Nội dung được biên tập bởi: buonmathuot_.info": an aggregator's footer; what follows it is
#: the site's own description.
_AGGREGATOR_FOOTER = rc.compile(
    r"^(?:Nội dung|Bài viết|Tin tức|Tin)\s+(?:được\s+)?(?:biên tập|tổng hợp|đăng tải|đăng)"
    r"\s+bởi\s*:?\s*\S.{0,60}$",
    re.IGNORECASE,
)
#: "Skip to main content", "Skip Ribbon Commands", "Nhảy đến nội dung": a page's skip link.
_SKIP_LINK = rc.compile(
    r"^(?:Skip\s+(?:to\s+(?:main\s+)?(?:content|navigation|search)|navigation|Ribbon Commands)"
    r"|(?:Nhảy|Chuyển|Đi|Bỏ qua)\s+(?:đến|tới)\s+(?:phần\s+)?nội dung(?:\s+chính)?"
    r"|Truy cập\s+(?:vào\s+)?nội dung(?:\s+chính)?(?:\s+luôn)?)$",
    re.IGNORECASE,
)
#: "Reply With Quote": a vBulletin post's button ("View Single Post", "Old Default" are made of
#: interface words: audionews.pageui).
_FORUM_CHROME = rc.compile(
    r"^(?:Reply With Quote|Quote|Trả lời kèm trích dẫn)$",
    re.IGNORECASE,
)
_FORUM_PREFIX = rc.compile(r"^Old\s+Default\s+(?=\S)")
#: "Hình ảnh có liên quan": a search engine's alt text for an image.
_RELATED_IMAGE = rc.compile(r"^(?:Hình ảnh|Ảnh) (?:có liên quan|liên quan)$", re.IGNORECASE)
#: "Có thể là hình ảnh về 6 người và mọi người đang đứng", "Không có mô tả ảnh.": a social
#: network's automatic description of a photo (its alt text).
_AUTO_ALT = rc.compile(
    r"^(?:Có thể là (?:hình ảnh|ảnh|hình minh họa|hình minh hoạ|văn bản|ảnh chụp màn hình)\b"
    r"[^.!?]{0,120}|Không có mô tả ảnh\.?)$"
)
#: "- workspace_premium Sự kiện", "- home Trang chủ": a menu item after its icon's name.
_ICON_ITEM = rc.compile(
    r"^[-•]?\s*(?:[a-z]+(?:_[a-z]+)+|home|flag|menu|search|person|settings|bookmark|favorite)"
    r"\s+[^\W\d_].{0,30}$"
)
#: "• Tiếng Việt", "• ភាសាខ្មែរ", "English": a page's language switch.
_LANGUAGES = (
    r"(?:Tiếng [Vv]iệt|Tiếng Anh|English|Français|中文|日本語|한국어|Русский|"
    r"ភាសាខ្មែរ|ພາສາລາວ|Tiếng Khmer|Tiếng Trung|VN|EN|VI)"
)
#: "• Tiếng Việt", "Tiếng việt | English" (heldout18): a language switch.
_LANGUAGE_SWITCH = rc.compile(rf"^[•*-]?\s*{_LANGUAGES}(?:\s*[|/]\s*{_LANGUAGES})*$")
#: "Tin thế giới, Tin nổi bật": the categories a story is filed under.
_NEWS_CATEGORY = r"Tin\s+[^\W\d_]+(?:\s+[^\W\d_]+){0,2}"
_NEWS_CATEGORIES = rc.compile(rf"^{_NEWS_CATEGORY}(?:\s*,\s*{_NEWS_CATEGORY})+$")
#: "Hình 1", "Ảnh 3": an image's number standing for it.
_IMAGE_NUMBER = rc.compile(r"^(?:Hình|Ảnh|Hình ảnh)\s*\d{1,2}\.?$")
#: "source /tin-tuc/tiem-bo-sung-vaccine": a scraper's note of the page's path.
_SOURCE_PATH = rc.compile(
    r"^(?:source|src|url)\s*:?\s+/\S+$|^javascript:\S*$",
    re.IGNORECASE,  # "javascript:void(0)"
)
#: "Link nội dung: https://…": the story's own address, credited under it (heldout49).
_STORY_LINK = rc.compile(
    r"^(?:Link|Liên kết)\s+(?:nội dung|bài viết|bài gốc|gốc)\s*:\s*https?://\S+$", re.I
)
#: "23°C / 22-25°C": a weather widget's temperature.
_TEMPERATURE = rc.compile(
    r"^-?\d{1,2}\s*°\s*C?(?:\s*/\s*-?\d{1,2}\s*(?:[-–]\s*-?\d{1,2})?\s*°\s*C?)?$"
    # "Cà Mau, 32°C/ 32°C - 33°C Icon thời tiết nắng": the place, its range, the icon's name
    r"|^[^\W\d_][^\d,]{1,30},\s*-?\d{1,2}\s*°\s*C?\s*/[\d\s°C–-]{2,20}(?:Icon thời tiết\b.{0,30})?$"
)
#: "• Ông Trump phát biểu tự tin '…'ĐỌC NGAY": a related link with its label.
_READ_NOW = rc.compile(
    r"^(?:[-•+*]\s*)?(?:\S.{0,200}?)?\s*(?:ĐỌC NGAY|XEM NGAY|Đọc ngay|Xem ngay)$"
)
_TABLE_CELL = rc.compile(r"\s\|$")
#: A link closing a line: ": https://…", "(http://…)".
_LINK_TAIL = rc.compile(r"\s*:?\s*\(?\s*(?:https?://|www\.)\S*\)?$")
#: "Nguồn: [Tên nguồn]…", "[Tên tác giả]": a CMS template's field the page left unfilled.
_TEMPLATE_FIELD = rc.compile(
    r"^.{0,80}?\[\s*(?:Tên|Nhập|Điền|Name|Enter)\b[^\]]{0,30}\]"
    r"|^\{(?!\s*(?:keywords?|tags?)\s*\})\s*[a-z_]{2,20}\s*\}$",  # "{title}", "{publish}"
    re.IGNORECASE,
)
#: The label of a source line.
_SOURCE_WORD = rc.compile(r"^\(?\s*(?:Theo|Nguồn(?:\s+tin)?|Nguồn bài viết|Link)\b\s*:?", re.I)
#: "Hình ảnh thân tình …", "Ảnh chụp …": a line about a picture.
_PICTURE_WORDS = rc.compile(r"^(?:Hình ảnh|Hình|Ảnh|Bức ảnh|Khoảnh khắc)\s", re.IGNORECASE)

HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 100
#: A numbered section's heading may say more ("1. Lợi dụng công nghệ Deepfake làm giả cuộc gọi
#: video nhằm chiếm đoạt tài sản", heldout31).
NUMBERED_HEADING_MAX_WORDS = 18
TITLE_MAX_WORDS = 30
TITLE_MAX_CHARS = 200
TEASER_MAX_WORDS = 30
TRAILING_TEASER_MAX_WORDS = 20
#: "Động đất Nhật Bản, Wajima, Ishikawa": three or more short capitalised terms, no sentence.
_KEYWORD_LIST = rc.compile(rf"^[{_UP}][^,.!?;:]{{0,30}}(?:,\s*[{_UP}][^,.!?;:]{{0,30}}){{2,}}$")


def fold(line: str) -> str:
    return " ".join(line.split())


def _key(text: str) -> str:
    """Compare texts for duplicates: case, spacing and punctuation ignored."""
    text = unicodedata.normalize("NFC", text).casefold()
    return "".join(c for c in text if c.isalnum())


def is_junk(text: str) -> str | None:
    """The reason ``text`` is page chrome (a widget, a link prefix, a keyword line), else None."""
    kind = _junk_kind(text)
    return kind[1] if kind else None


#: "Bạn đang đọc bài viết Hải D…" (the title follows, often cut): the page's note on what is read.
_READING_NOTE = rc.compile(r"^Bạn đang (?:đọc|xem) (?:bài viết|bài báo|tin bài)\b.{0,200}$")
#: Page chrome known by its pattern, in the order tried: (pattern, kind, reason).
#: "PARIS, Pháp (AP) –": a dateline with its agency, alone on its line (heldout36).
_LONE_DATELINE = rc.compile(
    rf"^[{_UP}][{_UP} .'-]{{2,40}}(?:,\s*[{_UP}][^\W\d_]*(?:\s[{_UP}][^\W\d_]*){{0,3}})?"
    r"\s*\([^()]{2,20}\)\s*[-–—]$"
)
#: "Sở Tài nguyên & Môi trường tỉnh Hải Dương http://tnmt.haiduong.gov.vn": a masthead.
_NAMED_ADDRESS = rc.compile(r"^[^.!?:,;]{5,80}\s+https?://[\w.-]+\w/?$")

#: "Hãy đăng nhập để comment, …", "Bạn cần đăng nhập để thực hiện chức năng này!" (heldout60).
_LOGIN_PROMPT = rc.compile(
    r"^(?:Hãy|Vui lòng|Xin vui lòng|Bạn (?:cần|phải|hãy|vui lòng))\s+đăng nhập\s+(?:để|mới)\b"
    r"|^Đăng nhập để\b",
    re.IGNORECASE,
)
#: "- 06-06-2020Mùa vải thiều Bắc Giang, …": a related list's date run into its headline, no
#: space between (heldout63); a story's line never glues a date to its next word.
_DATED_LINK = rc.compile(rf"^[-•*+]?\s*\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{4}}[{_UP}“\"]")
#: "Chủ đề Bảo hiểm xã hội" (heldout65): a topic tag without its colon, the topic capitalised.
_TOPIC_TAG = rc.compile(rf"^Chủ đề\s+[{_UP}][^.!?:;,]{{2,50}}$")
#: "![]() |": a pasted image without alt text, in a table cell or not (annotated a caption).
_EMPTY_IMAGE = rc.compile(r"^!\[\]\(\)\s*\|?$")
#: "<image>![…](data:…)</image>" (heldout66): an image's markup kept by the copy.
_IMAGE_TAG = rc.compile(r"^<image>.*</image>$")
_JUNK_PATTERNS: tuple[tuple[re.Pattern[str], DropKind, str], ...] = (
    (_DATED_LINK, DropKind.TEASER, "teaser: a related headline glued to its date"),
    (_PLAYER_TIME, DropKind.WIDGET, "widget: a video player's time"),
    (_LOGIN_PROMPT, DropKind.WIDGET, "widget: a prompt to log in"),
    (_TEMPLATE_FIELD, DropKind.WIDGET, "widget: a template field left unfilled"),
    (_TOPIC_TAG, DropKind.TAG, "tag line: the story's topic ('Chủ đề …')"),
    (_EMPTY_IMAGE, DropKind.CAPTION, "caption: an image with no alt text"),
    (_BLANK_IMAGE, DropKind.CAPTION, "caption: an empty image's placeholder"),
    (_EMPTY_IMAGE_CARD, DropKind.TEASER, "teaser: another story's card (empty image, summary)"),
    (_IMAGE_TAG, DropKind.CAPTION, "caption: an image's markup and its alt text"),
    (_NO_WORDS, DropKind.WIDGET, "widget: no words to read"),
    (_LONE_LETTER, DropKind.WIDGET, "widget: a single letter (a logo or an icon)"),
    (_POWERED_BY, DropKind.WIDGET, "widget: the site builder's credit"),
    (_MASTHEAD, DropKind.WIDGET, "widget: the outlet's masthead"),
    (_HEADER_CLOCK, DropKind.WIDGET, "widget: a clock in the page header"),
    (_TODAY_WIDGET, DropKind.WIDGET, "widget: the header's date with its date gone"),
    (_IMAGE_FILE, DropKind.CAPTION, "caption: an image's file name"),
    (_PHOTO_NAME, DropKind.CAPTION, "caption: a photo's file name without its extension"),
    (_CREDIT_LABEL_ALONE, DropKind.CREDIT, "credit: a byline's label alone on its line"),
    (_SECTION_FIELD, DropKind.WIDGET, "widget: the page's section field"),
    (_GENRE_FIELD, DropKind.TAG, "tag line: the page's genre field"),
    (_LONE_DATELINE, DropKind.TAG, "tag line: a dateline and its agency alone on its line"),
    (_NAMED_ADDRESS, DropKind.WIDGET, "widget: the site's name and its address"),
    (_DETAIL_LABEL, DropKind.WIDGET, "widget: a portal's 'details' label over the story"),
    (_GLUED_TWICE, DropKind.CAPTION, "caption: an image's alt text glued to the same caption"),
    (_LIVE_NOTE, DropKind.WIDGET, "widget: a live page's note that it is being updated"),
    (_CMS_STAMP, DropKind.WIDGET, "widget: the post's date, views and editor's user name"),
    (_GALLERY_LABEL, DropKind.CAPTION, "caption: a photo gallery's label"),
    (_RATING_SCORE, DropKind.WIDGET, "widget: a rating's score"),
    (_IMAGE_TOKEN, DropKind.CAPTION, "caption: an image's short name"),
    (_NETWORKS, DropKind.WIDGET, "widget: sign-in or share buttons"),
    (_BULLET_COUNT, DropKind.WIDGET, "widget: a counter"),
    (_AUTHOR_STAMP, DropKind.WIDGET, "widget: a post's author field and stamp"),
    (_COPYRIGHT, DropKind.CREDIT, "credit: a photo's copyright line"),
    (_STORY_LINK, DropKind.CREDIT, "credit: the story's own address"),
    (_DATELINE_ALONE, DropKind.TAG, "tag line: a dateline and its tags alone on a line"),
    (_GLUED_IMAGE_LABEL, DropKind.CAPTION, "caption: an image's label glued to its caption"),
    (_TAG_LINE, DropKind.TAG, "tag line: keywords"),
    (_LONE_TAG, DropKind.TAG, "tag line: outlet tag on its own line"),
    (_QUOTED_LABEL, DropKind.TAG, "tag line: a topic's label in quotes"),
    (_LABELLED_COUNTER, DropKind.WIDGET, "widget: a counter"),
    (_FOLLOW_PROMPT, DropKind.WIDGET, "widget: a prompt to follow or share the outlet"),
    (_READING_NOTE, DropKind.WIDGET, "widget: the page's note on the article read"),
    (_SOURCE_LINK, DropKind.WIDGET, "widget: a link to the original article"),
    (_AD_LINE, DropKind.WIDGET, "widget: an advertisement"),
    (_BUTTON, DropKind.WIDGET, "widget: a button"),
    (_SAVE_WIDGET, DropKind.WIDGET, "widget: a save or subscribe button"),
    (_COMMENT_BOX, DropKind.WIDGET, "widget: a rating or comment box"),
    (_FORUM_ROLE, DropKind.WIDGET, "widget: a forum member's role"),
    (_VIDEO_LABEL, DropKind.WIDGET, "widget: a video section's label"),
    (_VIDEO_BOX, DropKind.WIDGET, "widget: an embedded video's label or link"),
    (_SLUG, DropKind.WIDGET, "widget: image file name or link slug"),
    (_NEWS_LINK, DropKind.TEASER, "teaser: a link to the latest news"),
    (_SKIP_LINK, DropKind.WIDGET, "widget: a skip link"),
    (_FORUM_CHROME, DropKind.WIDGET, "widget: a forum post's header"),
    (_RELATED_IMAGE, DropKind.WIDGET, "widget: an image's alt text (no caption)"),
    (_AUTO_ALT, DropKind.CAPTION, "caption: a social network's automatic photo description"),
    (_LANGUAGE_SWITCH, DropKind.WIDGET, "widget: a language switch"),
    (_ICON_ITEM, DropKind.WIDGET, "widget: a menu item after its icon's name"),
    (_NEWS_CATEGORIES, DropKind.TAG, "tag line: the story's categories"),
    (_IMAGE_NUMBER, DropKind.CAPTION, "caption: an image's number standing for it"),
    (_SOURCE_PATH, DropKind.WIDGET, "widget: the page's address"),
    (_TEMPERATURE, DropKind.WIDGET, "widget: a weather widget's temperature"),
    (_READ_NOW, DropKind.TEASER, "teaser: a related link marked 'ĐỌC NGAY'"),
    (_ZONED_TIME, DropKind.WIDGET, "widget: a time stamp"),
    (_DOUBLED, DropKind.TEASER, _DOUBLED_REASON),
    (_PAGE_NOTICE, DropKind.WIDGET, "widget: a page's notice (comments, copyright, a form)"),
    (_SHORTCODE, DropKind.WIDGET, "widget: a CMS shortcode left in the text"),
    (_FONT_BUTTONS, DropKind.WIDGET, "widget: font-size buttons"),
    (_NULL_FIELD, DropKind.WIDGET, "widget: a CMS's empty field ('null')"),
    (_POLL_QUESTION, DropKind.WIDGET, "widget: a poll's question"),
    (_SHOP_BRANCH, DropKind.WIDGET, "widget: a shop's branch and address"),
    (_REFRESH_PROMPT, DropKind.WIDGET, "widget: a live page's prompt to reload it"),
    (_NEWS_SECTION, DropKind.WIDGET, "widget: a section's label"),
    (_SECTION_DATE, DropKind.WIDGET, "widget: a section's name and a date stamp"),
    (_MAIL_ALONE, DropKind.WIDGET, "widget: an e-mail address alone"),
)


def _machine_token(word: str) -> bool:
    """ "vwpChiTiet", "SpStinet", "UNchiefthumb": a code name (camel case), no word of text."""
    return (
        len(word) >= 6
        and word.isascii()
        and word.isalnum()
        and bool(re.search(r"[a-z][A-Z]|^[A-Z]{2,}[a-z]{3,}", word))
    )


def _is_machine_name(text: str) -> bool:
    """ "SpStinet - vwpChiTiet", "UNchiefthumb zgvinm": a page part's or an image's code name
    left by the scraper: two or three ASCII words, each a camel-case code name or a lower-case
    string that is no Vietnamese syllable, at least one of them camel case."""
    words = [w for w in text.split() if w not in ("-", "|", "_")]
    if not 2 <= len(words) <= 3 or not any(_machine_token(w) for w in words):
        return False
    return all(_machine_token(w) or _no_syllable(w) for w in words)


def _no_syllable(word: str) -> bool:
    return word.isascii() and word.islower() and len(word) >= 5 and not is_ascii_syllable(word)


def _is_clip_name(text: str) -> bool:
    """ "f vert brk lon kharkiv 260102.Still002 j8i9g9": a video still's file name used as its
    alt text: ASCII words in lower case, most of them no syllable, with a file's code."""
    words = text.split()
    if not 3 <= len(words) <= 10 or not text.isascii() or not any(map(_FILE_CODE.match, words)):
        return False
    plain = [w for w in words if not _FILE_CODE.match(w)]
    return all(w.islower() for w in plain) and 2 * sum(
        not is_ascii_syllable(w) for w in plain
    ) >= len(plain)


#: Common English words: a page's English notice on a Vietnamese page (heldout25's BBC banner).
_ENGLISH_WORDS = frozenset(
    {"a", "an", "the", "to", "you", "your", "on", "any", "and", "or", "of", "it", "it's", "is"}
    | {"are", "was", "need", "have", "has", "don't", "i", "more", "out", "find", "watch", "read"}
    | {"this", "that", "for", "with", "by", "in", "we", "our", "be", "can", "will", "not", "do"}
    | {"does", "what", "how", "here", "please", "got", "get"}
)


def _is_english_line(text: str) -> bool:
    """A line in English (three words or more, no Vietnamese letter, half of its words common
    English words): "Got a TV Licence?", "You need one to watch live TV …"."""
    words = re.findall(r"[A-Za-z’']+", text)
    if len(words) < 3 or not set(text) <= _ASCII_AND_QUOTES:
        return False
    return 2 * sum(w.casefold().replace("’", "'") in _ENGLISH_WORDS for w in words) >= len(words)


_ASCII_AND_QUOTES = frozenset(chr(c) for c in range(128)) | set("’‘“”–—…")
#: "… in Provo, Utah. (Photo by George Frey/Getty Images)": a photo agency's caption (heldout55).
_ENGLISH_CAPTION = rc.compile(r"\((?:Photo by|Photo credit:?|Photo:)\s[^()]{2,60}\)\s*$")


def _junk_by_name(text: str) -> tuple[DropKind, str] | None:
    """A code name left by the scraper, or the outlet's name as a bullet in the header."""
    if _ENGLISH_CAPTION.search(text) and set(text) <= _ASCII_AND_QUOTES:
        return DropKind.CAPTION, "caption: an agency's photo caption in English"
    if _is_english_line(text):
        return DropKind.WIDGET, "widget: a page's notice in English"
    if _is_headline_ticker(text):
        return DropKind.TEASER, "teaser: a ticker of other stories' headlines"
    if _BRACKETED_LINK.match(text) and any(c.islower() for c in text):  # capitals: the title's
        return DropKind.TEASER, "teaser: a related headline in square brackets"
    if _is_clip_name(text):
        return DropKind.CAPTION, "caption: a video still's file name"
    if _is_machine_name(text):
        if re.search(r"thumb|img|image|photo|pic", text, re.IGNORECASE):
            return DropKind.CAPTION, "caption: an image's code name"
        return DropKind.WIDGET, "widget: a page part's code name"
    if text[:2] in ("• ", "* ") and is_outlet_name(text[2:].strip()):
        return DropKind.WIDGET, "widget: the outlet's name in the page's header"  # "• ANTV"
    return None


_LIST_LINK = (DropKind.TEASER, "teaser: a link in a list (ends with a separator)")
_LABELLED_LINK = "teaser: a link listed under a widget's label"


def _listed_link(lines: Sequence[Line], i: int, *, labelled: bool, links: int) -> str | None:
    """Why line ``i`` is a link in a list of other stories, or None: a part of a series listed,
    an item under a widget's label, the last headline of a link list (its separator gone)."""
    ln = lines[i]
    if _series_listed(lines, i):
        return "teaser: a part of the series listed"
    if labelled and _LIST_ITEM.match(ln.text) and _headline_shaped(Line(ln.no, _item(ln.text))):
        return _LABELLED_LINK
    if links >= 2 and _headline_shaped(ln) and len(ln.text.split()) <= TEASER_MAX_WORDS:
        return "teaser: a link list's last headline (no separator)"
    return None


def _series_listed(lines: Sequence[Line], i: int) -> bool:
    """ "Bài 1: Ngành nuôi lợn gặp khó" next to "Bài 2: Mục tiêu, giải pháp …": the parts of a
    series listed as links (two or more in a row, none a sentence; heldout27)."""

    def part(k: int) -> bool:
        return (
            0 <= k < len(lines)
            and bool(_SERIES_PART.match(lines[k].text))
            and not (has_final_punct(lines[k].text))
        )

    return part(i) and (part(i - 1) or part(i + 1))


def _item(text: str) -> str:
    """A listed line without its number or bullet."""
    m = _LIST_ITEM.match(text)
    return text[m.end() - 1 :] if m else text


_LIST_ITEM = rc.compile(r"^(?:\d{1,2}\.|[-•+*])\s+\S")


def _is_headline_ticker(text: str) -> bool:
    """ "Thông tin vi phạm … dự án   |    Lấy ý kiến dự thảo …   |    Hà Tĩnh phát động …": a
    news ticker, three or more headlines on one line between bars (heldout37), each of four
    words or more, capitalised, none a sentence; a table's row opens on its bar."""
    if text.startswith("|"):
        return False
    parts = _TICKER_BAR.split(text.strip().rstrip("|").strip())
    return len(parts) >= 3 and all(
        4 <= len(p.split()) <= 40 and p[:1].isupper() and not _SENTENCE_IN.search(p) for p in parts
    )


#: "ongtranhuuthap", "hatinh24h": a poster's login or the site's name, one lower-case word.
_LOGIN_NAME = rc.compile(r"^(?!undefined$)[a-z][a-z0-9_]{5,30}$")
_TICKER_BAR = rc.compile(r"\s+\|\s+")
_SENTENCE_IN = rc.compile(r"[.!?…](?:\s|$)")


def _junk_kind(text: str) -> tuple[DropKind, str] | None:
    named = _junk_by_name(text)
    if named:
        return named
    if _SINGLE_LETTERS.match(text):
        return DropKind.WIDGET, "widget: font-size buttons"
    bar = _FONT_BAR.match(text)
    if bar and is_interface_line(bar.group(1)):
        return DropKind.WIDGET, "widget: font-size and contrast buttons"
    if _EVENT_TAG.match(text):
        return DropKind.TAG, "tag line: an event tag"
    if _BULLET_TAG_LABEL.match(text):
        return DropKind.TAG, "tag line: a tag box's label"  # "• Từ khóa" (heldout31, 34)
    if text.casefold().rstrip(":.… ") in JUNK_LINES:
        return DropKind.WIDGET, "widget: site button or link"
    for pattern, kind, reason in _JUNK_PATTERNS:
        if pattern.match(text):
            return kind, reason
    if _is_link_list_item(text):
        return _LIST_LINK
    if _JUNK_PREFIX.match(text) or (
        _ONE_ARROW_LINK.match(text) and not has_final_punct(text)  # "> Động đất …" (heldout68)
    ):
        return DropKind.TEASER, "teaser: related-article link"
    if _glued_headlines(text):
        return DropKind.TEASER, "teaser: related headlines run together, each under one label"
    return _leftover_kind(text)


#: "Quảng Ninh: Gắn biển … Quảng Ninh: Khánh thành …": a place or topic label opening a headline.
_HEADLINE_LABEL = rc.compile(
    rf"(?:^|(?<=[.!?\s]))([{_UP}][^\W\d_]*(?: [{_UP}][^\W\d_]*){{0,3}}): (?=[{_UP}])"
)


def _glued_headlines(text: str) -> bool:
    """Related headlines glued into one line (heldout56): the line opens on a label and the same
    label opens two more headlines, and the line ends no sentence (the last one has no stop)."""
    if has_final_punct(text):
        return False
    first = _HEADLINE_LABEL.match(text)
    return first is not None and text.count(first.group(1) + ": ") >= 3


def _leftover_kind(text: str) -> tuple[DropKind, str] | None:
    """Interface words, or a login or site name on its own line."""
    if is_interface_line(text) and not _SALUTATION.match(text):  # "Kính gửi Quý bạn đọc,"
        return DropKind.WIDGET, "widget: made of a page's interface words"
    if _LOGIN_NAME.match(text) and _no_syllable(re.sub(r"[\d_]", "", text) or "x"):
        return DropKind.CREDIT, "credit: a user's or site's name on its own line"
    return None


def _cut_teaser(text: str) -> bool:
    """ "Từ đầu năm 2 cổ phiếu họ Vin đóng góp 192 điểm vào đà tăng…": a related article's title
    or summary cut by the page with an ellipsis in the middle of its sentence (glued to a word,
    no sentence end before it), alone on its line (a table cell's bar
    aside). Evidence only where teasers stand: after the story or under a related header."""
    t = text.rstrip(" |")
    if not t.endswith(("…", "...")):
        return False
    words = t.rstrip(".… ").split()
    if not 4 <= len(words) <= TEASER_MAX_WORDS + 10 or not words[-1][-1].isalnum():
        return False
    return len(_sentences(t.rstrip(".… "))) == 1 and not is_byline(t)


def _is_link_list_item(text: str) -> bool:
    """ "Bé 4 tháng tuổi nghi rơi xuống sông khi đang ngủ -": a headline in a link list."""
    if not text.endswith((" -", " –", " —")) or len(text) < 12:
        return False
    head = text[:-1].strip()
    if is_byline(head) or _is_name_line(head) or len(head.split()) > TEASER_MAX_WORDS:
        return False
    return len(_sentences(head)) == 1 and not head.endswith((".", "…"))  # "… chơi Tết? -"


def has_final_punct(text: str) -> bool:
    return text.endswith(FINAL_PUNCT)


def _ends_sentence(text: str) -> bool:
    return text.rstrip("\"”»)'’ ").endswith(_SENTENCE_END)


def _is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _sentences(text: str) -> list[str]:
    return split_sentences(unglue_sentences(text))


def is_byline(text: str) -> bool:
    """A byline or source wherever it stands: "THU THẢO", "Theo TTXVN", "(Tổng hợp: …)",
    "Tác giả: Hải Vân", "NGỌC LAN - MINH TRÍ", "TTXVN/QPVN"."""
    words = text.split()
    if text.endswith(":") and len(words) > 3:
        return False  # "Theo cơ quan phụ trách báo chí điện Kremlin:": a quote follows
    if _EXCERPT_SOURCE.match(text):
        return True  # "(Trích bài phát biểu bế mạc của Chủ tịch Quốc hội …)": where it comes from
    if not words or len(words) > 12 or len(text) > 90:
        return False
    if _PRINTED_SOURCE.match(text) or (
        _AUTHOR_ROLE.match(text) and not _ends_sentence(text.rstrip("."))
    ):  # "Nguồn : Tạp chí VHNT số 384, …": a printed issue; "Tác giả: Lò Văn Nguyên, Công chức …"
        return True
    if _BYLINE_SOURCE.match(text):
        core = re.sub(r"\([^)]*\)", "", text)
        # "Tin, ảnh: …" (heldout54), "Bài viết, hình: …" (heldout57)
        core = re.sub(r"^(?:Bài|Bài viết|Tin|Tin bài),\s+(?:ảnh|hình)\s*:", "", core)
        return ("," not in core and not _ends_sentence(text.rstrip(")"))) or len(words) <= 5
    if _credit_alone(text):
        return True
    if re.match(rf"^(?:{_OUTLET_ALT})\s*/\s*[{_UP}][\w.+]*(?:\s[{_UP}][\w.+]*){{0,2}}$", text):
        return True  # "TTXVN/Tin Tức": the agency and the paper that ran its story
    if re.match(rf"^\(\s*(?:{_OUTLET_ALT})\s*\)$", text, re.IGNORECASE) or _AGENCY_DATED.match(
        text
    ):  # "(TTXVN/Vietnam+)" standing alone: the source; "(UCAN 04-09-2012)": an agency's code
        return True  # and the day it ran the story (heldout51)
    core = re.sub(r"\([^)]*\)", "", text).strip(" .")
    if not core or not _is_all_caps(core) or len(core.split()) > 6:
        return False
    return _caps_byline(core)


def _caps_byline(core: str) -> bool:
    """A byline in capitals ("THU THẢO", "NGỌC LAN - MINH TRÍ"), brackets taken out."""
    if any(c.isdigit() for c in core):
        return False  # "BÃO SỐ 3 ĐỔ BỘ": a byline has no number
    words = core.split()
    if len(words) >= 3 and not re.search(r"[-–—/,:&]", core):
        # "THỊ TRƯỜNG GIÁ CẢ": a section's label in capitals; three names are name syllables
        return all(w.casefold() in NAME_SYLLABLES for w in words)
    letters = sum(c.isalpha() for c in core)
    syllables = re.findall(r"[^\W\d_]+", core.casefold())
    if all(is_vietnamese_syllable(w) and w not in NAME_SYLLABLES for w in syllables):
        return False  # "MỚI - NÓNG" (heldout66): a section's label, no name in it
    return letters >= 4 and (len(words) >= 2 or "/" in core or letters >= 5)


def _credit_alone(text: str) -> bool:
    """A credit word ("Tổng hợp", "TH": in capitals, heldout50; a cut "Th" is none) or names
    and what they did ("Khánh Phương thực hiện" closing a photo story, heldout55)."""
    if text.casefold().strip("() .") in _CREDIT_WORDS or text.strip("() .") == "TH":
        return True
    shot = _AUTHOR_AND_PHOTOS.match(text)
    if shot and _is_name_line(shot[1]):
        return True  # "Đào Tùng - Ảnh: Paul" (heldout64): the author, then who took the photos
    made = _NAMES_MADE.match(text)
    return made is not None and is_person_name(made.group(1))


#: "Đào Tùng - Ảnh: Paul": a name, a dash, the photo credit (one to four capitalised words).
_AUTHOR_AND_PHOTOS = rc.compile(
    r"^(.{3,40}?)\s+[-–]\s+(?:Ảnh|ẢNH|Ảnh và video|Video)\s*:\s*"
    rf"[{_UP}]\w*(?:\s[{_UP}]\w*){{0,3}}$"
)
#: "Khánh Phương thực hiện", "Minh Anh - Thu Hà thực hiện": the names, then what they did.
_NAMES_MADE = rc.compile(r"^(.{3,60}?)\s+(?:thực hiện|tổng hợp|biên tập|lược dịch)\s*\.?$")
#: "Tác giả: Lò Văn Nguyên, Công chức Văn hoá xã": an author's label, a name, a comma, a role.
_AUTHOR_ROLE = rc.compile(
    rf"^(?:Tác giả|Người viết|Thực hiện)\s*:\s*[{_UP}][^\s,]*(?:\s+[{_UP}][^\s,]*){{1,4}},"
    r"\s+[^,;:!?]{3,50}$"
)
#: "Nguồn: Tạp chí VHNT số 384, tháng 6-2016": a source naming a printed issue (heldout32).
_PRINTED_SOURCE = rc.compile(
    r"^\(?\s*(?:Nguồn|Theo)\s*:?\s*(?:Tạp chí|Báo|Tạp san|Bản tin|Đặc san|Nguyệt san)\s+"
    rf"[{_UP}][^.!?]{{0,40}}\bsố\s+\d+[^.!?]{{0,30}}\)?\.?$"
)
#: "(Trích bài phát biểu … của …)", "(Trích từ sách …)": the source of an excerpt, closing it.
_EXCERPT_SOURCE = rc.compile(r"^\(\s*Trích\s[^()]{5,150}\)\.?$")

#: Credits that stand for the author: a team or the newsroom ("Trung tâm Tin tức" at HTV).
_CREDIT_WORDS = frozenset(
    (
        "tổng hợp",
        "tổng hợp nhiều nguồn",
        "nhóm phóng viên",
        "pv",
        "nhóm pv",
        "ptv",
        "ctv",
        "nhóm thực hiện",
        "trung tâm tin tức",
        "ban thời sự",
        "ban biên tập",
        "btt giáo phận",  # a diocese's communications board (heldout57)
        "ban truyền thông giáo phận",
    )
)


def _long_echoed(text: str, below: list[Line]) -> bool:
    """A long first line (a council's or a project's full name, up to 60 words, no stop) that
    a paragraph just below repeats, two thirds of its word pairs or more: the headline
    (heldout38's "Nghiệm thu Đề án: Điều tra, …" over "… tổ chức Hội đồng nghiệm thu Đề án: …")."""
    if has_final_punct(text) or len(text.split()) > 60 or len(_sentences(text)) > 1:
        return False
    pairs = _bigrams(text)
    return bool(pairs) and any(3 * len(pairs & _bigrams(ln.text)) >= 2 * len(pairs) for ln in below)


def _is_credit_line(text: str) -> bool:
    """A byline, by its form or by its position (a bare name); a date stamp after it aside."""
    if is_byline(text) or _is_name_line(text):
        return True
    bare = _BYLINE_DATE.sub("", text)
    return bare != text and (is_byline(bare) or _is_name_line(bare))


def _is_byline_anywhere(text: str) -> bool:
    """A byline by its form alone, wherever it stands: a labelled credit ("Theo TTXVN",
    "Tác giả: …"), an agency ("TTXVN/QPVN"), or capitals that are person names ("THU THẢO").
    Capitals that are no names ("TIN NÓNG TRONG NGÀY") may be a headline or a subheading."""
    if not is_byline(text):
        return False
    core = re.sub(r"\([^)]*\)", "", text).strip(" .")
    if not core or not _is_all_caps(core) or "/" in core:
        return True
    return core.casefold() in _CREDIT_WORDS or is_person_name(core)


def _name_core(text: str) -> str:
    """A name line without its "(Theo …)" and "/Agency" tails."""
    core = re.sub(
        r"\s*\((?:Theo|T/h|TH|tổng hợp|Nguồn)[^()]{0,30}\)$", "", text.strip(), flags=re.I
    )
    core = re.sub(r"^[•·]\s+", "", core)  # "• Hải Âu": a bulleted name under the title (heldout67)
    core = _BRACKET_CODE.sub("", _BRACKET_SITE.sub("", core))
    core = _AFFILIATION.sub("", _BRACKET_AFFILIATION.sub("", _BRACKET_PLACE.sub("", core)))
    return _ROLE_PREFIX.sub("", _AGENCY_SUFFIX.sub("", core)).strip(" .")


#: "Minh Trang- Công Hiếu (Đài Truyền thanh thành phố Hưng Yên)": the office in brackets.
_BRACKET_AFFILIATION = rc.compile(
    r"\s*\((?:Đài|Báo|Tạp chí|Văn phòng|Phòng|Ban|Trung tâm|Bộ phận)\s[^()]{2,60}\)$"
)
#: "Hoàng Ân ( Nghĩa Phú )": the commune or district the author writes from (heldout24).
#: "Hải Ngọc - (nld.com.vn)": the site the story was taken from, in brackets (heldout38).
_BRACKET_SITE = rc.compile(r"\s*[-–]?\s*\(\s*[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org)\s*\)$", re.I)
#: "Tấn Khoa (VTV9)": the station's or agency's code after the name (heldout50).
_BRACKET_CODE = rc.compile(r"\s*\([A-ZĐ][A-ZĐ0-9]{1,7}\)$")
_BRACKET_PLACE = rc.compile(rf"\s*\(\s*[{_UP}][{_LOW}]*(?:\s[{_UP}][{_LOW}]*){{0,2}}\s*\)$")
#: "… 22/08/2018", "… 20/06/2022 - 15:33 (GMT+7)" (heldout63): the date (and time) after a byline.
_BYLINE_DATE = rc.compile(
    # "Lạc Hoa09:14 05/05/2023" (heldout63), "…, Theo Mask Online 14:01 18/05/2012" (heldout67)
    r"(?:(?<=[^\W\d_])|\s+)\d{1,2}:\d{2}\s+\d{1,2}/\d{1,2}/\d{4}$"
    r"|\s+\d{1,2}/\d{1,2}/\d{4}(?:\s*[-–|,]?\s*\d{1,2}:\d{2}(?:\s*\(GMT\s?[+-]\s?\d{1,2}\))?)?$"
)
#: "Video do Thùy Linh thực hiện.": who made the story (or its video) closing it.
_MADE_BY = rc.compile(
    r"^(?:Video|Clip|Bài|Bài viết|Ảnh|Phóng sự|Bài và ảnh|Bài, ảnh|Tin và ảnh|Tin, ảnh)\s+"
    r"(?:do|bởi)\s+(.{3,40}?)\s+thực hiện\s*\.?$"
)
#: "TT", "NLT": the author's initials alone.
#: "TT", "NLT", "BTNO" (a site's signature), "N.H.", "D.C.H": an author's initials
# Initials carry no vowel mark: "TỔNG" closing a table is a word (heldout62), "ĐT" is initials.
_INITIALS = rc.compile(
    rf"^(?!.*[ÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ])"
    rf"[{_UP}](?:\.?\s?[{_UP}]){{1,3}}\.?$"
)
#: "Mai Anh, Phòng Nghiệp vụ …", "Thái Phan – Báo Hải Phòng 22/08/2018": the author's office or
#: paper after the name (and the date after them).
_AFFILIATION = rc.compile(
    r"(?:,|\s[-–—])\s*(?:(?:Báo|Tạp chí|Đài|Văn phòng|Phòng|Ban|Trung tâm|Bộ phận"
    # "Lê Huân - Huyện đoàn Cam Lộ (TA)": a youth union's office (heldout56)
    r"|Huyện đoàn|Tỉnh đoàn|Thành đoàn|Quận đoàn|Thị đoàn|Chi đoàn|Đoàn trường)\s+"
    rf"[{_UP}][^.!?;:,]{{2,60}}?(?:\s+\d{{1,2}}/\d{{1,2}}/\d{{4}})?"
    # "Toma Nguyễn Sáng – Chủng sinh dự bị" (heldout67): the writer's role
    r"|(?:Chủng sinh|Linh mục|Tu sĩ|Giáo viên|Sinh viên|Học sinh|Phóng viên|Cộng tác viên)"
    rf"(?:\s+[^\s.!?;:,]+){{0,4}}"
    # "Mỹ Tiền – HND xã Hòa Mỹ", "Mai Nhung - TĐ Thanh Hóa": a body's initials and its place
    rf"|[{_UP}]{{2,5}}(?:\s+(?:xã|huyện|tỉnh|phường|thị xã|thành phố))?"
    rf"(?:\s+[{_UP}][{_LOW}]*){{1,3}})$"
)


def _is_name_line(text: str) -> bool:
    """A byline by position: "Huyên Nguyễn", "Trương Huyền", "Thu Hằng/VOV.VN", "CTV Thanh
    Thảo/THĐT", a team ("Thái Văn – Lê Thắng – Sỹ Tùng": two to four such names)."""
    core = _name_core(text)
    if _INITIAL_NAME.match(core):
        return True
    if _COMPILED_MARK.search(text) and _INITIALS.match(core):
        return True  # "NH (t/h)": initials signing a story compiled from others (heldout48)
    if core != text.strip(" .") and _SITE_WORD.match(core):
        return True  # "Xuancomputer (Nguồn sciencealert.com)": a site's name and its source
    names = _NAME_LIST.split(core)
    if 2 <= len(names) <= 5:
        # "T.LỘC - N.THANH - PN - T.NGUYỄN": a member of a team may sign with initials
        named = [_is_name_line(n) and not _NAME_LIST.search(n) for n in names]
        signed = [ok or bool(_INITIALS.match(n)) for ok, n in zip(named, names, strict=True)]
        return all(signed) and sum(named) >= 2
    words = core.split()
    if not 2 <= len(words) <= 4 or len(core) > 32:
        return False
    return all(_NAME_WORD.match(w) for w in words)


def _is_byline_not_title(text: str) -> bool:
    """The first line is a byline, not a short title, only on evidence: a byline's form
    (:func:`_is_byline_anywhere`), or a name line whose words are all name syllables ("Thu
    Hằng", not "Tết Việt" or "Hà Nội")."""
    if _is_byline_anywhere(text):
        return True
    return _is_name_line(text) and is_person_name(_name_core(text))


def _is_source_line(text: str) -> bool:
    return bool(
        re.match(r"^\(?\s*(?:Theo|Nguồn(?:\s+tin)?\b|Tổng hợp)", text, re.IGNORECASE)
    ) and is_byline(text)


def parse_date(m: re.Match[str]) -> datetime | date | None:
    groups = m.groups()
    if m.re is _TIME_FIRST_DATE:
        hour, minute, day, month, year = groups[:5]
    else:
        day, month, year, hour, minute = groups[:5]
    try:
        if hour is not None and minute is not None:
            h = int(hour)
            if h < 12 and re.search(r"\d\s*(?:[Pp]\.?[Mm]|CH)\b", m.group(0)):
                h += 12  # "08:58 PM", "3:58 CH" (chiều)
            return datetime(int(year), int(month), int(day), h, int(minute))
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


_MEMBERS_HEADER = rc.compile(r"^(?:Thành viên nổi bật|Thành viên tích cực|Top thành viên)$", re.I)
#: "Công dân & Khuyến học trên" over the story: a follow prompt whose "Theo dõi" and icons
#: are gone (no sentence ends on "trên").
_FOLLOW_CUT = rc.compile(r"^(?:[^\W\d_]+|&)(?:\s+(?:[^\W\d_]+|&)){0,5}\s+trên$")
#: "* Email: bbt.dongnama@gmail.com *Tòa soạn: 0989011688 - 0768908888": the outlet's contacts in
#: the page header, labelled, with an address or a phone number.
_CONTACT_LINE = rc.compile(
    r"^(?:[*|•]?\s*(?:E-?mail|Điện thoại|ĐT|Hotline|Tòa soạn|Toà soạn|Fax|Liên hệ)\s*:\s*"
    r"(?:[\w.+-]+@[\w.-]+|[\d\s.()+-]{8,})\s*)+$",
    re.IGNORECASE,
)
#: The labels of a site's visit counter ("Lượt truy cập: 1,691,098").
_VISITS = (
    r"Tổng lượt truy cập|Tổng truy cập|Lượt truy cập|Đang truy cập|Truy cập|Đang online"
    r"|Thống kê|Online"
)
#: A caption run into a line: after a sentence's end, words with no stop and a credit in
#: brackets, then the next sentence's capital.
_GLUED_CAPTION = rc.compile(
    rf"(?<=[.!?…]\s)([{_UP}][^.!?()]{{10,250}}?\s*\((?:Ảnh|ẢNH|Nguồn ảnh)\s*:\s*[^()]{{2,40}}\))"
    rf"\s+(?=[{_UP}])"
)
#: "(xem thêm)" closing a story's line: the label of a link to more.
_GLUED_LINK_LABEL = rc.compile(
    r"\s*(\((?:xem thêm|xem tiếp|chi tiết|xem chi tiết)\))(?=[.!?]?$)", re.I
)
#: "Tổng truy cập: 11,364,620" glued to the end of a line (the page's visit counter).
_GLUED_COUNTER = rc.compile(rf"(?:{_VISITS}|Lượt xem|Lượt đọc)\s*:\s*[\d.,]+\s*$")
#: "Thứ hai - 28/10/2024 10:22 30 0": counters without their labels after the date's time.
_BARE_COUNTERS = rc.compile(r"(?:(?<=\d[:h]\d\d)|(?<=\(GMT\+7\)))\s+\d{1,6}(?:\s+\d{1,6})?$")
#: "… | Điện thoại: 034 39429756 | Email: …": the outlet's contacts after the header's date.
_CONTACT_TAIL = rc.compile(
    r"(?:\s*\|\s*(?:Điện thoại|ĐT|Hotline|E-?mail|Fax)\s*:\s*[^|]{3,60})+\s*$", re.IGNORECASE
)


_MONTH_NAMES = ("một", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")
#: A month's name in words ("mười một" before "mười").
_MONTH_NAME = r"mười\s+một|mười\s+hai|" + "|".join(_MONTH_NAMES)
#: "Thứ Tư, Tháng Năm 1, 2024": a blog theme's date, month first in words (May 1, 2024).
_MONTH_FIRST = rc.compile(
    rf"\btháng\s+({_MONTH_NAME}|\d{{1,2}})\s+(\d{{1,2}}),\s*(\d{{4}})\b", re.IGNORECASE
)


#: "Thứ Sáu 08 Tháng Tư 2022 - 08:00:19 SA": the day, the month in words, the year.
_DAY_MONTH_NAME = rc.compile(
    rf"\b(\d{{1,2}})\s+tháng\s+({_MONTH_NAME})\s*,?\s+(?:năm\s+)?(\d{{4}})\b", re.IGNORECASE
)


def _month_number(name: str) -> int:
    words = name.casefold().split()
    if len(words) == 2:  # "mười một", "mười hai"
        return 10 + _MONTH_NAMES.index(words[1]) + 1
    return _MONTH_NAMES.index(words[0]) + 1


def _day_month_name(m: re.Match[str]) -> str:
    return f"{m.group(1)}/{_month_number(m.group(2))}/{m.group(3)}"


def _month_first(m: re.Match[str]) -> str:
    name = m.group(1)
    month = int(name) if name.isdigit() else _month_number(name)
    return f"{m.group(2)}/{month}/{m.group(3)}"


#: "Tin công nghệVài tuần qua": up to four words glued to a capitalised word.
_GLUED_SECTION_NAME = rc.compile(
    rf"^([{_UP}][{_LOW}]*(?:\s[{_LOW}]+){{0,3}})(?<=[{_LOW}])(?=[{_UP}][{_LOW}])"
)


def _section_name(text: str) -> bool:
    """A section's name, "Tin …" before it or not ("Tin công nghệ", "Thể thao")."""
    name = text.casefold()
    return name in SECTION_NAMES or (name.startswith("tin ") and name[4:] in SECTION_NAMES)


_GLUED_SECTION = rc.compile(
    rf"^[{_UP}][{_LOW}]*(?:\s[{_LOW}]+){{0,2}}(?<=[{_LOW}])(?=Thứ\s|Chủ nhật)"
    r"|^(?:author|admin)(?=\d)"  # "author25/01/2025 13:20": a CMS's empty label (heldout50)
)
_BRACKETED = rc.compile(r"^\s*[(\[]\s*([^()\[\]]{6,40}?)\s*[)\]]\s*$")


_ENGLISH_WEEKDAY = rc.compile(r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?=\d)")
_ENGLISH_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
#: "Friday, April 19, 2024": an overseas paper's date line, in English (heldout52)
_ENGLISH_DATE = rc.compile(
    r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"({'|'.join(m[:3] + '(?:' + m[3:] + ')?' for m in _ENGLISH_MONTHS)})"
    r"\.?\s+(\d{1,2}),?\s+(\d{4})",
    re.IGNORECASE,
)


def _english_date(m: re.Match[str]) -> str:
    month = [n[:3] for n in _ENGLISH_MONTHS].index(m.group(1)[:3].lower()) + 1
    return f"{m.group(2)}/{month}/{m.group(3)}"


_LEAD_BULLET = rc.compile(r"^[•·]\s+")
#: A weekday, then a date with a two-digit year: the year is this century's.
_SHORT_YEAR = rc.compile(
    r"^((?:Thứ\s+\S+|Chủ\s+nhật),?\s+)(\d{1,2})-(\d{1,2})-(\d{2})(?=\s|$)", re.I
)


def _match_date(text: str) -> re.Match[str] | None:
    text = _MONTH_WORD.sub(r"\1/\2/\3", text)  # "25 Tháng 9 2017" is 25/9/2017
    text = _DAY_MONTH_NAME.sub(_day_month_name, text)  # "08 Tháng Tư 2022" is 8/4/2022
    text = _MONTH_FIRST.sub(_month_first, text)
    text = _CONTACT_TAIL.sub("", text)  # a page header's date with the outlet's contacts
    text = _BARE_COUNTERS.sub("", text)  # "… 10:22 30 0": views and comments, unlabelled
    text = text.rstrip(" ,;")  # "Thứ Bảy, Ngày 10 tháng 05 năm 2025,": a header's trailing comma
    text = _BRACKETED.sub(r"\1", text)  # "(24.07.2019)" alone under a headline (heldout22)
    text = _GLUED_SECTION.sub("", text)  # "Sức khỏeThứ Sáu, 20/07/2018 …" (heldout28)
    text = _ENGLISH_WEEKDAY.sub("", text)  # "Wednesday, 08:26 08/07/2015" (heldout41)
    text = _ENGLISH_DATE.sub(_english_date, text)
    text = _LEAD_BULLET.sub("", text)  # "• Chủ Nhật, 14/01/2024 | 04:51" (heldout45)
    text = _SHORT_YEAR.sub(r"\1\2/\3/20\4", text)  # "Thứ ba, 4-11-25 05:56:26" (heldout49)
    m = DATE_LINE.match(text) or _TIME_FIRST_DATE.match(text)
    if m is None and len(text.split()) <= 8:
        m = _LABELLED_STAMP.match(text)
    return m


def _signed_stamp(text: str) -> tuple[str, str] | None:
    """(name, stamp) for a date stamp signed by its author on one line: "Diệu Thanh 13/12/2013
    11:17 GMT+7", "Minh Anh - 10/10/2023 14:48", "PV 05/10/2018 11:14", "An Linh Thứ năm, ngày
    18/01/2024 08:50 AM" (the words before the date person names or a credit word, not a label
    such as "Cập nhật")."""
    m = _SIGNED_STAMP.match(text)
    if m is None:
        updated = _SIGNED_UPDATE.match(text)  # "Tấn Khoa (VTV9)Cập nhật 19:59 ngày 04/07/2019"
        if updated and _is_name_line(updated.group(1)) and _match_date(updated.group(2)):
            return updated.group(1), updated.group(2)
        return None
    name = _COMPILED_MARK.sub("", m.group(1))  # "NH (t/h) 07:51 02/05/2023" (heldout48)
    if is_person_name(name) or name.casefold() in _CREDIT_WORDS or _INITIALS.match(name):
        return m.group(1), m.group(2)
    return None


#: A name, then an update label (glued or not) and the stamp (heldout50).
_SIGNED_UPDATE = rc.compile(
    r"^([^\W\d].{1,40}?)\s*(?:Cập nhật|Cập nhập|Đăng lúc|Đăng ngày|Ngày đăng)"
    r"\s*(?:lúc)?\s*:?\s*(\d.*)$"
)
#: "(t/h)", "(tổng hợp)" after a byline's name: the story compiled from other outlets.
_COMPILED_MARK = rc.compile(r"\s*\((?:t/h|tổng hợp|TH)\)$", re.IGNORECASE)


_SIGNED_STAMP = rc.compile(
    r"^([^\W\d][^\d|]{1,40}?)"
    r"(?:\s+[A-ZĐ]{2,6}(?=\s*[-–|]))?"  # "Kỳ Quan LDO | 14/01/2024": the outlet's code (heldout47)
    r"(?:\s*[-–|]\s*|\s+)"  # "Minh Anh - …", "PV-Thứ năm, …": the dash is no part of the name
    r"((?:(?:Thứ\s+\S+|Chủ\s+nhật),?\s+(?:ngày\s+)?)?"  # "Thứ năm, ngày 18/01/2024" (heldout42)
    r"(?:\d{1,2}:\d{2},?\s+)?\d{1,2}/\d{1,2}/\d{4}\b.*)$",  # "Vi Vân 10:17, 11/01/2023"
    re.IGNORECASE,
)


def _split_stamp(text: str) -> tuple[str, re.Match[str]] | None:
    """(rest, date) when a date stamp is glued to the start of a line ("24/11/2017 |
    14:40Triển lãm …") or closes it in brackets ("… kỳ họp thứ 7 (10:34 04/12/2018)"). A
    bracket written in words ("Cập nhập tình hình dịch Covid-19 (06h30, ngày 06/8/2020)": the
    bulletin's hour) is the headline's own wording and stays."""
    glued = _GLUED_STAMP.match(text)
    if glued:
        rest, stamp = text[glued.end() :].strip(), glued.group(0).strip()
    else:
        bracket = _BRACKET_STAMP.search(text)
        if not bracket or re.search(r"[^\W\d_]", bracket.group(1)):
            return None
        rest, stamp = text[: bracket.start()].strip(), bracket.group(1).strip()
    m = _match_date(stamp)
    if m is None or len(rest.split()) < 3:
        return None
    return rest, m


def _credit_and_date(text: str) -> tuple[str, re.Match[str]] | None:
    """ "TTXVN| 18/07/2022 08:14", "Hoàng Anh - 12/3/2024 09:15": a byline or an outlet, then the
    date line, on one line."""
    m = re.match(r"^(.{2,40}?)\s*(?:\||\s[-–—]\s)\s*(\S.*)$", text)
    if not m:
        return None
    who, when = m.group(1).strip(), _match_date(m.group(2))
    if when is None or not (_is_credit_line(who) or is_outlet_name(who)):
        return None
    return who, when


def is_photo_caption(text: str) -> bool:
    """A photo caption by positive evidence: a credit ("Ảnh: …", "(Ảnh: …)", "Nguồn ảnh") on a
    line of at most one sentence besides the credit."""
    return _caption_reason(text) is not None


#: "Video Highlights U23 Việt Nam vs Qatar": a video's title under its player (heldout46); no
#: line of a story in the corpus opens so without a stop.
_VIDEO_TITLE = rc.compile(
    rf"^(?:Video|VIDEO|Clip|CLIP)\s+(?:[{_UP}0-9\"“][^.!?]{{2,80}}|[^\W\d_][^.!?:]{{2,80}})$"
)  # "Clip khoảnh khắc …" (heldout52); "Video kết quả: …" a headline (heldout2)
#: " - Bóng Đá", " - Thể thao": one to three capitalised words after a spaced dash, the site's
#: section printed after the title in an image's alt text.
_SECTION_TAIL = rc.compile(rf"\s[-–]\s[{_UP}]\w*(?:\s[{_UP}]\w*){{0,2}}$")
_VIDEO_REASON = "caption: a video's title"
_CLOSING_CREDIT = rc.compile(r"[.\s]\(?Ảnh\s*:\s*[^!?:()]{1,40}\)?\.?\s*\|?$")


def _caption_reason(text: str) -> str | None:
    if len(text) > 400:
        return None
    m = _caption_credit(text)
    if m:
        before = text[: m.start()].strip(" -–—(")
        if len(_sentences(before)) <= 1:
            return "caption: photo credit"
        if (
            len(_sentences(before)) <= 3
            and len(before.split()) <= 60
            and _CLOSING_CREDIT.search(text)
        ):
            # "Sương muối làm giảm tầm nhìn. Cảnh vật … không rõ mặt .Ảnh: N. Trang" (heldout36,
            # heldout40): a photo's credit closing the line is evidence enough; no story
            # paragraph ends on one
            return "caption: photo credit closing a caption of two or three sentences"
        return None
    marked = _photo_marks(text)
    if marked:
        return marked
    if _alt_text(text):
        return "caption: image alt text (ends with an image number)"
    cell = _TABLE_CELL.search(text) and len(_sentences(text.rstrip(" |"))) <= 1
    if cell and not is_interface_line(text.rstrip(" |")):  # "TÌM KIẾM |": a search form's
        return "caption: image table cell (ends with '|')"
    if _VIDEO_TITLE.match(text):
        # "Video Highlights U23 Việt Nam vs Qatar"; "Video … (ngày 24/2)" (heldout66): a
        # bracket may close it, so the title is tested before the final punctuation
        return _VIDEO_REASON
    return None if has_final_punct(text) else _unpunctuated_caption(text)


#: "Các bị cáo tại phiên tòa", "Hoàng và Long tại tòa" (heldout56, heldout60): who is pictured
#: at the trial, a short line without a verb of its own; no subheading in the corpus ends so.
_AT_TRIAL = rc.compile(
    r"^(?:\S+\s+){1,8}tại (?:phiên )?(?:tòa|toà)(?: (?:xét xử|sơ thẩm|phúc thẩm))?"
    r"(?: (?:sáng|chiều|trưa|tối|hôm) nay| ngày \d{1,2}/\d{1,2})?$"
)


def _unpunctuated_caption(text: str) -> str | None:
    if _AT_TRIAL.match(text) and not re.search(r"\b(?:gì|sao|thế nào)\b", text):
        return "caption: who is pictured at the trial ('… tại phiên tòa')"
    if _ALT_NUMBER_TAIL.search(text) and len(_sentences(text)) <= 1:
        return "caption: image alt text (ends with an image number)"
    start = _caps_credit_start(text)
    if start is not None:
        before = text[:start]
        if any(c.islower() for c in before) and len(_sentences(before)) <= 1:
            return "caption: ends with a credit in capitals"
    return None


def _caption_credit(text: str) -> re.Match[str] | None:
    """A photo's credit, unless a full sentence of the story follows it: "… sóng gió (ảnh).
    Trong bài phát biểu …" names the photo inside the story (heldout48)."""
    m = _CAPTION_CREDIT.search(text)
    if m is None or len(text[: m.start()].split()) < 3:
        return m
    after = text[m.end() :]
    after = after.split(")", 1)[1] if ")" in after[:40] else after
    return None if len(after.split()) >= 12 and _ends_sentence(after.strip()) else m


def _photo_marks(text: str) -> str | None:
    """ "… Han Duck-soo. (Nguồn: Yonhap)": one sentence and a bracketed source; "Thủ tướng … (trái)
    và …": one sentence saying who stands where in a photo."""
    source = _BRACKET_SOURCE.search(text)
    before = text[: source.start()] if source else ""
    if source and len(before.split()) >= 3 and len(_sentences(before)) == 1:
        return "caption: photo credit '(Nguồn: …)'"
    trailing = _TRAILING_SOURCE.search(text)
    before = text[: trailing.start()] if trailing else ""
    # "Nguồn: TTXVN.": a name, not a sentence
    short = trailing is not None and len(trailing.group().split()) <= 7
    if short and len(before.split()) >= 3 and len(_sentences(before)) == 1:
        return "caption: a one-sentence line closed by its source ('Nguồn: …')"
    one = len(_sentences(text)) == 1 and len(text.split()) <= TEASER_MAX_WORDS + 10
    if one and _PHOTO_POSITION.search(text) and not text.rstrip().endswith(":"):
        return "caption: says who stands where in a photo ('(trái)', '(phải)')"
    return None


def _caps_credit_start(text: str) -> int | None:
    """Where a trailing credit in capitals begins ("… tại khu dân cư - BỘ Y TẾ"), else None."""
    m = _CREDIT_SEGMENT.search(text)
    if m:
        segment = m.group(1).strip()
        letters = sum(c.isalpha() for c in segment)
        if _is_all_caps(segment) and letters >= 4 and len(segment.split()) <= 6:
            return m.start()
    words = text.split()
    caps = 0
    for w in reversed(words):
        core = w.strip(".,()'’")
        if len(core) >= 2 and _is_all_caps(core) and all(c.isalpha() for c in core):
            caps += 1
        else:
            break
    if caps >= 2 and caps < len(words):
        tail = " ".join(words[-caps:])
        # Without a separator, two capitalised words must be a name ("NGỌC HÂN"), not the
        # abbreviations a sentence ends with ("các vị đại biểu HĐND TP").
        named = caps >= 3 or is_person_name(tail) or is_outlet_name(tail)
        # After a colon the capitals are the headline's claim ("Đảng bộ Nghệ An: TỪ ĐẠI HỘI …").
        after_colon = text[: len(text) - len(tail)].rstrip().endswith(":")
        if sum(c.isalpha() for c in tail) >= 5 and named and not after_colon:
            return len(text) - len(tail)
    return None


#: "Dân Việt - Hãng thông tấn …", "Giaothonghanoi - Mạng xã hội …": a name before a spaced dash;
#: a tag only when it is an outlet's name or a site's one-word name (see :func:`outlet_tag`).
_NAME_DASH = rc.compile(rf"^([{_UP}][^\s()]*(?:\s[^\s()]+){{0,3}})\s+[-–—]\s+(?=[{_UP}\"“])")
#: "Điện Biên TV", "Hà Giang Online": a station's or a site's name by its last word.
_STATION_NAME = rc.compile(r"\s(?:TV|Online|News|Radio|PTTH|PT-TH)$")
#: "Giaothonghanoi", "Vietnamnet.vn": a site's name in one word, without Vietnamese accents.
_SITE_WORD = rc.compile(r"^[A-Z][a-z]{5,}(?:\.[a-z]{2,4}){0,2}$")


#: "(Tin thể thao, tin bóng chuyền)", "(Tin tức thời sự)": a site's category opening the lead.
_CATEGORY_TAG = rc.compile(rf"^(\((?:Tin|Tin tức)\s[^()]{{3,50}}\))\s+(?=[{_UP}])")


def outlet_tag(text: str) -> tuple[str, str] | None:
    """(tag, rest) when ``text`` opens with an outlet tag ("(Dân trí) -", "TTO -"), else None;
    the tag's own stop and dash go with it ("(SGGPO).- Sáng 19-6": heldout38). See `_outlet_tag`."""
    found = _outlet_tag(text)
    if found is None:
        return None
    tag, rest = found
    punct = re.match(r"^[\s.:\-–—]+", rest)
    if punct and rest[punct.end() :][:1].isupper():
        return tag + punct.group().rstrip(), rest[punct.end() :]
    return tag, rest


def _outlet_tag(text: str) -> tuple[str, str] | None:
    """(tag, rest) when ``text`` opens with an outlet tag ("(Dân trí) -", "TTO -"), else None.

    Only real tags: a known outlet, a "(Name) -" pattern, "(CAPS)" before a capitalised word,
    capitals before a spaced dash, a bare leading dash, or an outlet's name ("Dân Việt -",
    "Giaothonghanoi -") before a spaced dash and a capital; never a word of the sentence
    ("VN-Index tăng ..." keeps its "VN", "Hà Nội - Hải Phòng là …" its "Hà Nội").
    """
    category = _CATEGORY_TAG.match(text)
    if category:  # "(Tin thể thao, tin bóng chuyền) Sau kỳ nghỉ Tết, …" (24h, heldout66)
        return category.group(1), text[category.end() :]
    m = LEAD_DASH.match(text)
    if m is None and (
        caps := _caps_outlet_tag(text) or _glued_caps_tag(text) or _glued_name_tag(text)
    ):
        return caps
    if m and m.group(3) and is_place_name(m.group(3)[1:-1].strip()):
        return None  # "(Đà Nẵng). Hải Châu là …": a dateline, read (heldout8)
    tag = next((g for g in m.groups() if g), "") if m else ""
    if not m:
        m = _NAME_DASH.match(text)
        name = m.group(1) if m else ""
        station = bool(_STATION_NAME.search(name))  # "Điện Biên TV -": a station's name
        dateline = m is not None and _place_dateline(name, text[m.end() :])
        if not m or not (is_outlet_name(name) or _SITE_WORD.match(name) or station or dateline):
            return None
        if not is_outlet_name(name) and not _ends_sentence(text):
            return None  # "Indonesia - Việt Nam 1-3: …": a headline's pair, no site's tag
        tag = m.group(0).strip()  # "Dân Việt -": the name alone would read as a byline
    rest = text[m.end() :].strip()
    second = _SECOND_TAG.match(rest)
    if second and tag:  # "PNO - PNCN - Thay thế …": the outlet's and its section's (heldout52)
        tag, rest = f"{tag} - {second.group(1)}", rest[second.end() :]
    if len(rest) < 30:
        return None
    return tag, rest


_SECOND_TAG = rc.compile(rf"^([{_UP}][{_UP}0-9.&]{{1,9}})\s+[-–—]\s+(?=[{_UP}])")


_CAPS_TAG = rc.compile(rf"^([{_UP}][{_UP}0-9.+]{{2,12}})\s+(?=[{_UP}][{_LOW}])")


#: "LSO-Kỳ thi …": capitals glued to a dash and the lead's first word, then a lower-case word.
_GLUED_CAPS_TAG = rc.compile(rf"^([{_UP}]{{2,8}})-(?=([{_UP}][{_LOW}]*)\s+[{_LOW}])")


def _glued_caps_tag(text: str) -> tuple[str, str] | None:
    """ "LSO-Kỳ thi tốt nghiệp …": a tag, when the word after the dash is Vietnamese ("VN-Index
    tăng …" keeps its "VN": "Index" is no Vietnamese syllable)."""
    m = _GLUED_CAPS_TAG.match(text)
    if m is None or not is_vietnamese_syllable(m.group(2)) or len(text) - m.end() < 30:
        return None
    return m.group(1), text[m.end() :]


def _place_dateline(name: str, rest: str) -> bool:
    """ "Long An - Tối 13.1, tại …": a province filed from, as "HÀ NỘI -" in capitals is, when
    the lead opens on its time; "Phú Thọ - Vùng đất Tổ đón …" is the subject and its apposition,
    "Hà Nội - Hải Phòng là …" the sentence's pair of places (heldout47)."""
    return is_place_name(name) and _DATELINE_TIME.match(rest) is not None


#: The time a lead opens on after its dateline: "Tối 13.1", "Sáng nay", "Ngày 2/9".
_DATELINE_TIME = rc.compile(r"(?:Rạng sáng|Sáng|Trưa|Chiều|Tối|Đêm|Khuya|Ngày|Hôm)\b")


#: "Việt BáoBão số 13 …": a known outlet's name glued to the lead's first word (heldout50).
_GLUED_NAME_TAG = rc.compile(
    "^("
    + "|".join(re.escape(n) for n in longest_first(OUTLET_NAMES) if " " in n)
    + rf")(?=[{_UP}][{_LOW}])"
)


#: "TinTheThao.com.vnVì tuyển …" (heldout66): a site's address glued to the lead's first word.
_GLUED_SITE_TAG = rc.compile(
    rf"^([A-Z][A-Za-z0-9]{{2,30}}\.(?:com\.vn|net\.vn|org\.vn|vn|com|net))(?=[{_UP}][{_LOW}])"
)


def _glued_name_tag(text: str) -> tuple[str, str] | None:
    m = _GLUED_NAME_TAG.match(text) or _GLUED_SITE_TAG.match(text)
    if m is None or len(text) - m.end() < 30:
        return None
    return m.group(1), text[m.end() :]


def _caps_outlet_tag(text: str) -> tuple[str, str] | None:
    """ "BNEWS Theo phóng viên …": a known outlet's name in capitals glued to the lead without a
    dash (only a known outlet: "UBND Tỉnh …" opens a sentence)."""
    m = _CAPS_TAG.match(text)
    if m is None or not is_outlet_name(m.group(1)) or len(text) - m.end() < 30:
        return None
    return m.group(1), text[m.end() :]


def short_title(text: str, max_words: int = 12) -> str:
    """A programme title from a sentence: its first sentence, cut at a clause or word boundary
    after at most ``max_words`` words ("Nông dân đồng bằng sông Cửu Long đang bước vào cao điểm
    thu hoạch…")."""
    sentences = _sentences(fold(text))
    first = sentences[0] if sentences else fold(text)
    first = first.rstrip(" .!?…;:")
    words = first.split()
    if len(words) <= max_words:
        return first
    clause = re.split(r"(?<=[,;:])\s", first)
    out = ""
    for part in clause:
        candidate = f"{out} {part}".strip() if out else part
        if len(candidate.split()) > max_words:
            break
        out = candidate
    if len(out.split()) >= max(4, max_words // 2):
        return out.rstrip(",;: ") + "…"
    cut = words[:max_words]
    while len(cut) > 4 and cut[-1].casefold().strip(",;:") in _DANGLING:
        cut.pop()
    return " ".join(cut).rstrip(",;: ") + "…"


#: Words a shortened title should not end on ("… quảng trường từ sáng sớm để…").
_DANGLING = frozenset(
    [
        "để",
        "và",
        "của",
        "với",
        "cho",
        "từ",
        "tại",
        "ở",
        "trong",
        "khi",
        "là",
        "các",
        "những",
        "một",
        "đã",
        "sẽ",
        "đang",
        "được",
        "bị",
        "thì",
        "mà",
        "nhưng",
        "hoặc",
        "theo",
        "về",
        "trên",
        "dưới",
        "sau",
        "trước",
        "do",
        "vì",
        "nên",
        "có",
        "không",
        "này",
        "đó",
    ]
)


def apply_overrides(
    article: Article,
    *,
    title: str | None = None,
    byline: str | None = None,
    date: str | datetime | date | None = None,
) -> Article:
    """``article`` with what the user gave winning over what was found (``--title``,
    ``--byline``, ``--date``). A date string may be "23/10/2020", "23/10/2020 06:26" or ISO
    "2020-10-23"; :class:`ValueError` names the forms when it is none of them."""
    changes: dict[str, object] = {}
    if title is not None and fold(title):
        changes.update(title=fold(title), title_from="given")
    if byline is not None and fold(byline):
        changes.update(byline=fold(byline))
    if date is not None:
        changes.update(_date_override(date))
    return replace(article, **changes) if changes else article  # type: ignore[arg-type]


def _date_override(value: str | datetime | date) -> dict[str, object]:
    if isinstance(value, datetime):
        return {"published": value, "date_line": value.strftime("%d/%m/%Y - %H:%M")}
    if isinstance(value, date):
        return {"published": value, "date_line": value.strftime("%d/%m/%Y")}
    text = fold(value)
    m = _match_date(text)
    if m:
        parsed = parse_date(m)
        if parsed is not None:
            return {"published": parsed, "date_line": text}
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parsed_iso: datetime | date = parse(text)
        except ValueError:
            continue
        return _date_override(parsed_iso)
    raise ValueError(
        f"{value!r} is not a date: write it as 23/10/2020, 23/10/2020 06:26 or 2020-10-23"
    )


def read_everything(article: Article) -> Article:
    """``article`` with every dropped line that has words read where it stood (``--keep-all``):
    captions, teasers, tag and keyword lines, duplicates, further bylines, widgets become
    paragraphs in line order, an unfinished fragment is read at the end of its paragraph. Only an
    outlet tag before the lead stays out (it is part of the lead's line, not a line)."""
    extra: dict[int, list[str]] = {}
    loose: list[Dropped] = []
    lines = {b.line for s in article.sections for b in s.blocks}
    for d in article.dropped:
        if _NO_WORDS.match(d.text) or (d.kind is DropKind.TAG and d.line == article.lead_line):
            continue
        if d.kind is DropKind.UNFINISHED and (d.line in lines or d.line == article.lead_line):
            extra.setdefault(d.line, []).append(d.text)
        else:
            loose.append(d)
    lead = article.lead
    if lead is not None and article.lead_line in extra:
        lead = " ".join([lead, *extra.pop(article.lead_line)])
    sections: list[Section] = []
    for i, sec in enumerate(article.sections):
        start = sec.heading_line if sec.heading is not None else 0
        stop = next(
            (n.heading_line for n in article.sections[i + 1 :] if n.heading is not None), None
        )
        blocks = [
            Block(BlockKind.PARAGRAPH, " ".join([b.text, *extra.get(b.line, [])]), b.line)
            for b in sec.blocks
        ]
        mine = [d for d in loose if d.line >= start and (stop is None or d.line < stop)]
        loose = [d for d in loose if d not in mine]
        blocks += [Block(BlockKind.PARAGRAPH, d.text, d.line) for d in mine]
        blocks.sort(key=lambda b: b.line)
        sections.append(replace(sec, blocks=tuple(blocks)))
    if loose:
        blocks = [Block(BlockKind.PARAGRAPH, d.text, d.line) for d in loose]
        if sections and sections[0].heading is None:
            merged = sorted((*sections[0].blocks, *blocks), key=lambda b: b.line)
            sections[0] = replace(sections[0], blocks=tuple(merged))
        else:
            sections.insert(0, Section(None, tuple(blocks)))
    kept = tuple(
        d
        for d in article.dropped
        if _NO_WORDS.match(d.text) or (d.kind is DropKind.TAG and d.line == article.lead_line)
    )
    return replace(article, lead=lead, sections=tuple(sections), dropped=kept)


# --- the parser ------------------------------------------------------------------------------

LineHint = Literal["heading", "paragraph", "caption"]


@dataclass
class Line:
    """One block of input: a line of text, or a structured document's block with its kind."""

    no: int
    text: str
    hint: LineHint | None = None


def parse_article(text: str) -> Article:
    """Parse scraped article text (one block per line) into an :class:`Article`."""
    lines: list[Line] = []
    text = text.replace("{nl}", " ")  # a scraper's placeholder for a wrapped line (heldout49)
    for i, raw in _unwrap(text.splitlines()):
        lines.extend(Line(i, part) for part in _home_trail(raw))
    return assemble_article([ln for ln in lines if ln.text])


def _labelled_list(text: str) -> bool:
    """ "Quảng Bình: Bố Trạch, Tuyên Hóa, Lệ Thủy": a label, then a list of short names (three
    words at most each): an item of the story's list, never a related headline."""
    label, sep, rest = text.partition(": ")
    items = [x.strip() for x in rest.split(",")]
    return (
        bool(sep)
        and len(label.split()) <= 5
        and len(items) >= 2
        and all(0 < len(x.split()) <= 3 for x in items)
    )


def _wrap_stop(line: str) -> bool:
    """The line ends a sentence or a clause that a wrap never breaks after (":", ";")."""
    return _ends_sentence(line) or line.rstrip().endswith((":", ";"))


def _unwrap(raw: list[str]) -> list[tuple[int, str]]:
    """(line number, text) of each block. A text pasted from an e-mail or a PDF breaks its
    paragraphs at a fixed width ("… chào" / "mừng kỷ niệm …"): such a line is joined to the
    next, so a sentence is not cut into two paragraphs. A line of 40 characters or more that
    does not end a sentence is joined to a next line going on in lower case (in 260 scraped
    corpus texts this never happens between two blocks). In a text wrapped at a fixed width
    (:func:`_wrap_width`) a line filling that width is also joined to a next line in capitals
    ("… tại sân" / "Huyện ủy …"), except the first line, which may be a headline."""
    width = _wrap_width(raw)
    # the first line long enough to join: a headline may stand under a short date (heldout25)
    first = next((i for i, line in enumerate(raw, start=1) if len(line.strip()) >= 40), 0)
    if width and _blank_apart(raw):
        first = 0  # paragraphs set apart by blank lines: a headline would stand apart too
    out: list[tuple[int, str]] = []
    joining = False
    block = 0  # the width of a wrapped block this line goes on (a paragraph wrapped on its own)
    for i, line in enumerate(raw, start=1):
        if joining and line.strip():
            out[-1] = (out[-1][0], out[-1][1].rstrip() + " " + line.strip())
        else:
            out.append((i, line))
            block = 0
        nxt = raw[i].lstrip() if i < len(raw) else ""
        size = len(line.strip())
        if not nxt or _wrap_stop(line):
            joining = False
        elif _cut_at_link(line, nxt):
            joining = True
        elif width and len(nxt.strip()) <= 12 and not re.search(r"[^\W\d_]", nxt):
            joining = True  # "… lễ hội Tràng An năm" / "2018.": a number wrapped alone (heldout50)
        elif size < 40:
            # in a wrapped text a short piece going on in lower case is a sentence's part too
            # ("Đến dự và" / "chỉ đạo Đại hội …", heldout26)
            # a sentence's opening clause, "Cũng trong chương trình, Chi đoàn" / "Báo Quảng Trị
            # và …" (heldout56): no subheading opens on a linking word and runs past a comma
            opening = _CLAUSE_OPENING.match(line.strip()) is not None and ", " in line
            # "Gặp đối thủ Thái Lan, các học trò của" / "HLV …" (heldout60): a word that needs more
            opening = opening or (", " in line and _hangs(line.strip()))
            joining = bool(width) and (nxt[0].islower() or opening) and not _junk_kind(nxt.strip())
        elif nxt[0].islower():
            joining = not _junk_kind(nxt.strip())  # not "spot_img"
            block = block or size
        else:
            fixed = bool(width) and 0.75 * width <= size <= 1.1 * width
            # "… nguyên Chánh Văn phòng" / "Huyện ủy …" inside a paragraph already joined at
            # the same width (heldout22: the lead alone was wrapped)
            local = bool(block) and 0.85 * block <= size <= 1.15 * block and size <= 120
            # "… ở 4/4 thôn xã" / "Trà Tân đều …": a word that needs a name or more after it
            hanging = bool(width) and line.split()[-1].casefold() in _HANGING_WORDS
            # "Phát huy các thế mạnh đặc trưng, ngành nông nghiệp" / "Thanh Hà đã …": a clause
            # after a comma going on, no subheading (heldout26)
            hanging = hanging or (bool(width) and ", " in line.strip())
            # the first line may be a headline, unless the next goes on a list ("Tới dự có các
            # đồng chí: … – Phó Chủ tịch" / "LĐLĐ tỉnh; …;", heldout28): a lead ends a sentence
            listed = bool(width) and nxt.rstrip().endswith((";", ","))
            # "… đối tác chính sản xuất iPhone của Apple –": no headline ends on a spaced dash
            listed = listed or (bool(width) and line.rstrip().endswith((" –", " -", " —")))
            joining = (i != first and (fixed or local or hanging)) or (i == first and listed)
    return out


#: Linking words a sentence opens on and a subheading does not ("Cũng trong chương trình, …").
_CLAUSE_OPENING = re.compile(
    r"(?:Cũng|Ngoài ra|Bên cạnh đó|Đồng thời|Tuy nhiên|Sau đó|Trước đó|Mặt khác|Do đó|Vì vậy"
    r"|Qua đó|Tại đây|Dịp này|Trong khi đó)\b"
)
#: Words no headline ends on (no compound ends on them either: "làm việc", "quân sự" may end one).
_HEADLINE_NEVER_LAST = frozenset(
    {"của", "và", "các", "những", "với", "là", "để", "rằng", "nhằm", "hoặc", "mọi", "mỗi"}
    | {"bởi", "nếu", "nhưng", "thì"}
)
#: Words no sentence ends on, and place and person words that a name follows.
_HANGING_WORDS = (
    _HEADLINE_NEVER_LAST
    | {"tại", "ở", "cho", "từ"}
    | {"xã", "huyện", "tỉnh", "phường", "thôn", "quận", "ông", "bà", "anh", "chị"}
)


#: Titles a name follows ("hoa hậu Ngọc Châu"): a line never ends on them.
_TITLE_BEFORE_NAME = frozenset(
    {"hoa hậu", "á hậu", "ca sĩ", "diễn viên", "nghệ sĩ", "nhạc sĩ", "đạo diễn", "người mẫu"}
    | {"cầu thủ", "danh thủ", "tiền đạo", "tiền vệ", "hậu vệ", "thủ môn", "huấn luyện viên"}
)


#: Words a line cut at a link's name ends on. Not all of `_HANGING_WORDS`: "tỉnh" ends a
#: headline ("Bắt giữ nhóm cướp giật liên tỉnh" over its lead, heldout47; tried).
_NEVER_BEFORE_A_LINK = _HEADLINE_NEVER_LAST | {"ông", "bà"}


def _cut_at_link(line: str, nxt: str) -> bool:
    """ "Thời gian gần đây, hoa hậu" / "Ngọc Châu trở thành …": a sentence broken where a link
    on a name stood (heldout53): the line ends on a title or a word no sentence ends on, the
    next goes on with a capital and ends a sentence."""
    words = line.split()
    if len(words) < 2 or not nxt[:1].isupper() or not _ends_sentence(nxt):
        return False
    tail = " ".join(words[-2:]).casefold()
    return tail in _TITLE_BEFORE_NAME or words[-1] in _NEVER_BEFORE_A_LINK


def _blank_apart(raw: list[str]) -> bool:
    """Paragraphs are set apart by blank lines: nine in ten lines that end a sentence and
    have a line after them have a blank line after them (three such lines at least)."""
    ends = [i for i, x in enumerate(raw[:-1]) if x.strip() and _wrap_stop(x)]
    return len(ends) >= 3 and sum(not raw[i + 1].strip() for i in ends) >= 0.9 * len(ends)


def _wrap_width(raw: list[str]) -> int:
    """The width a hard-wrapped text breaks its lines at, or 0 when it is not wrapped: four
    lines or more of about the same length (40 to 120 characters), most of them ending inside a
    sentence and a third of those going on in lower case."""
    lengths = sorted(len(x.strip()) for x in raw if len(x.strip()) >= 20)
    if len(lengths) < 5:
        return 0
    width = lengths[int(0.8 * (len(lengths) - 1))]
    if not 40 <= width <= 120:
        return 0
    full = [i for i, x in enumerate(raw) if 0.75 * width <= len(x.strip()) <= 1.1 * width]
    inside = [i for i in full if not _wrap_stop(raw[i]) and i + 1 < len(raw)]
    lower = [i for i in inside if raw[i + 1].lstrip()[:1].islower()]
    if len(full) < 4 or len(inside) < 0.6 * len(full) or len(lower) < len(inside) / 3:
        return 0
    return width


def _home_trail(raw: str) -> list[str]:
    """ "Trang chủ    Bài nổi bật     Công tác thông tin …": a breadcrumb whose steps are set
    apart by wide gaps, the page's title glued as its last step, gives the trail and the title
    as two lines (folding the spaces would run them together)."""
    parts = [p for p in re.split(r"\s{3,}|\t+", raw.strip()) if p]
    if len(parts) < 3 or parts[0].casefold() != "trang chủ" or len(parts[-1].split()) < 4:
        return [fold(raw)]
    return [fold(" ".join(parts[:-1])), fold(parts[-1])]


def assemble_article(
    lines: Sequence[Line],
    *,
    title: str | None = None,
    title_line: int = 0,
    date_line: str | None = None,
    published: datetime | date | None = None,
    lead: str | None = None,
    lead_line: int = 0,
    byline: str | None = None,
    dropped: Sequence[Dropped] = (),
) -> Article:
    """Find the headline, date, lead, subheadings, paragraphs, captions and byline among
    ``lines``. What a structured reader already knows from markup (``title``, date, ``lead``,
    ``byline``) wins; the rest is found with the rules of the module docstring."""
    return _Assembler(lines, dropped).run(
        title, title_line, date_line, published, lead, lead_line, byline
    )


@dataclass
class _ChromeState:
    """Where `_drop_chrome` stands in the page."""

    placed: dict[int, tuple[DropKind, str]]
    """Chrome known by where it stands in the page (see `_placed_chrome`): the line's number to
    the kind and reason it is dropped with."""
    marked: dict[int, str] = field(default_factory=dict)
    """Chrome known from the whole page (see `_page_widgets`): the line's id to the reason (a
    line split in two keeps its number)."""
    body_started: bool = False
    related: bool = False
    """Under a related-articles header."""
    teased: bool = False
    """A related headline was dropped under it."""
    summary: bool = False
    """A related headline's date was dropped: its one-sentence summary may follow."""
    after_footer: bool = False
    """Past an aggregator's footer ("Nội dung được biên tập bởi: …")."""
    after_box: bool = False
    """Past the page's rating or comment box."""
    comment_form: int | None = None
    """The line number of a comment form's header closing the page (see `_comment_form`)."""
    empty_headers: set[int] = field(default_factory=set)
    """Related-articles headers with no headline under them (see `_empty_headers`)."""
    doubled_at: int = -2
    """The index of the last related link dropped as printed twice."""
    prompt_goes_on: bool = False
    """The line above was a page's prompt ending on a word that needs more ("… của")."""
    top_label: int | None = None
    """A news list's label over the headline opening the page (see `_label_over_story`)."""
    tag_label: bool = False
    """The line before was a tag box's label ("Sự kiện:"): its tag may follow."""
    after_tags: bool = False
    """Past a tag box ("Thẻ:" alone) below the story: its tags, then other stories."""
    ended: bool = False
    """Past a line closed by the end mark "./."."""
    credited: bool = False
    """Past the story's credit or source line ("Nguồn TTXVN")."""
    sentences: int = 0
    """Lines ending a sentence so far: past three, a tagged lead is another story's."""
    teased_twice: int | None = None
    """The line number of a related headline's second copy, dropped with the first."""
    summary_next: bool = False
    """A related headline printed twice was dropped: its summary may follow."""
    list_links: int = 0
    """Headlines in a link list (each ending with a separator) just dropped, in a row."""


def _placed_chrome(lines: Sequence[Line]) -> dict[int, tuple[DropKind, str]]:
    """Line numbers of chrome known by where it stands, to the kind and reason it is dropped
    with (the first finder that takes a line gives its reason)."""
    finders = (
        (_top_repeats, DropKind.WIDGET, "widget: a link repeated above the story (a menu)"),
        (_related_box, DropKind.TEASER, "teaser: a box of related articles over the story"),
        (_menu_tail, DropKind.WIDGET, "widget: the site's section names closing the page"),
        (_masthead, DropKind.WIDGET, "widget: the site's name and its English masthead"),
        (_menu_list, DropKind.WIDGET, "widget: the site's menu, a bulleted list of its sections"),
        (_menu_column, DropKind.WIDGET, "widget: the site's menu, its sections one a line"),
        (_slugged_links, DropKind.TEASER, "teaser: a related link under its image's slug"),
        (_members, DropKind.WIDGET, "widget: a forum's list of members and their scores"),
        (_gallery_captions, DropKind.CAPTION, "caption: a picture's words under a gallery's label"),
    )
    placed: dict[int, tuple[DropKind, str]] = {}
    for find, kind, reason in finders:
        for no in find(lines):
            placed.setdefault(no, (kind, reason))
    return placed


class _Assembler:
    def __init__(self, lines: Sequence[Line], dropped: Sequence[Dropped]) -> None:
        self.lines = [Line(ln.no, fold(ln.text), ln.hint) for ln in lines if fold(ln.text)]
        self.dropped: list[Dropped] = list(dropped)
        self.unsure: list[Dropped] = []
        self.lines = [part for ln in self.lines for part in self._unglue_top(ln)]
        for ln in self.lines:
            self._untable(ln)
            self._read_once(ln)
        self.top_heading = 0
        self.date_no = -1
        self.parallel: set[int] = set()
        """Parallel section headings opening the text (see `_parallel_top`)."""
        """The article's date line (a headline may end in a full stop right over it)."""
        """A subheading opening the text, before any paragraph (a drop cap's)."""
        self.numbered: set[int] = set()
        self.counted: set[int] = set()
        """Numbered items that head the sections of the text (see `_numbered_sections`)."""
        self.lead_links: set[int] = set()
        """Related links listed under the lead (see `_links_under_lead`)."""
        self.end_links: set[int] = set()
        """Related links listed after the story's last sentence (see `_links_at_end`)."""
        self.kicker: str | None = None
        self.cut_line = -1
        #: lines that repeat the title: the page's header printed again (heldout67)
        self.title_repeats: set[int] = set()
        """The text's last line when it stops inside a word (see `_stops_mid_word`)."""
        """A series or programme name dropped from above the headline."""

    def _unglue_top(self, ln: Line) -> list[Line]:
        """Chrome glued in front of a line: a forum post's header ("Old Default Ông Trump …")
        goes; an outlet tag glued to the end of the headline ("… vỡ bờ baoTTO – Triều cường
        …") starts the lead on a line of its own."""
        forum = _FORUM_PREFIX.match(ln.text)
        if forum:
            self.drop(ln, DropKind.WIDGET, "widget: a forum post's header", forum.group(0).strip())
            ln = Line(ln.no, ln.text[forum.end() :], ln.hint)
        section = _GLUED_SECTION_NAME.match(ln.text) if ln.hint is None else None
        if section and _section_name(section.group(1)) and len(ln.text) - section.end() >= 40:
            # "Tin công nghệVài tuần qua, …": the section's label glued to the lead (heldout55)
            self.drop(ln, DropKind.WIDGET, "widget: the section's name", section.group(1))
            ln = Line(ln.no, ln.text[section.end() :], ln.hint)
        glued = _GLUED_TAG.match(ln.text) if ln.hint is None else None
        if glued and outlet_tag(glued.group(2)):
            return [Line(ln.no, glued.group(1)), Line(ln.no, glued.group(2))]
        first = ln.no == self.lines[0].no and ln.hint is None
        bracketed = _GLUED_BRACKET_TAG.match(ln.text) if first else None
        if bracketed:  # "An ninh trật tự Vây bắt … rẫy keo (QNO) - N.V.L. …" (heldout51)
            head, lead = bracketed.groups()
            words = head.split()
            for n in (4, 3, 2, 1):
                if len(words) > n + 3 and " ".join(words[:n]).casefold() in SECTION_NAMES:
                    self.drop(
                        ln, DropKind.WIDGET, "widget: the section's name", " ".join(words[:n])
                    )
                    head = " ".join(words[n:])
                    break
            return [Line(ln.no, head), Line(ln.no, lead)]
        stamp = _STAMP_BEFORE_LEAD.match(ln.text) if ln.hint is None else None
        if stamp:  # "20:00 12/10/2017 Vào 6h35’ ngày 10-10, …": the date, then the lead
            return [Line(ln.no, stamp.group(1)), Line(ln.no, ln.text[stamp.end() :])]
        return [ln]

    def _read_once(self, ln: Line) -> None:
        """A paragraph run into its own copy ("… đi tiêm ngừa.Tính từ ngày … đi tiêm ngừa."):
        its sentences twice over, in the same order. The copy is a duplicate."""
        sentences = _sentences(ln.text)
        half = len(sentences) // 2
        if half == 0 or len(sentences) % 2 or len(" ".join(sentences[:half]).split()) < 8:
            return
        first, second = sentences[:half], sentences[half:]
        if [_key(x) for x in first] != [_key(x) for x in second]:
            return
        self.drop(
            ln, DropKind.DUPLICATE, "duplicate: the paragraph repeats itself", " ".join(second)
        )
        ln.text = " ".join(first)

    def _untable(self, ln: Line) -> None:
        """A photo story's paragraph in an image table ("Mọi người có mặt ở đây từ chiều 20/2. |")
        is story: a cell that ends a sentence, with no credit and not about a picture ("Hình ảnh
        …"), is read without its bar. A cell without a sentence end stays a caption."""
        cell = ln.text[:-1].rstrip()
        if not _TABLE_CELL.search(ln.text) or not _ends_sentence(cell) or ln.hint == "caption":
            return
        if _CAPTION_CREDIT.search(cell) or _PICTURE_WORDS.match(cell) or _caption_reason(cell):
            return
        if _cut_teaser(cell):
            return  # "Phi thuyền … ngoài ... |": a related article's summary, cut
        ln.text = cell
        self.doubt(ln, "read as body text: a full sentence in an image table (caption?)")

    def drop(self, ln: Line, kind: DropKind, reason: str, text: str | None = None) -> None:
        if kind is DropKind.TEASER and _APP_PROMPT.search(ln.text):
            kind, reason = DropKind.WIDGET, "widget: a prompt to install the outlet's app"
        self.dropped.append(Dropped(ln.no, text if text is not None else ln.text, reason, kind))

    def doubt(self, ln: Line, reason: str) -> None:
        self.unsure.append(Dropped(ln.no, ln.text, reason, DropKind.KEPT))

    def run(
        self,
        title: str | None,
        title_line: int,
        date_line: str | None,
        published: datetime | date | None,
        lead: str | None,
        lead_line: int,
        byline: str | None,
    ) -> Article:
        kept = self._drop_chrome(self.lines)
        date_line, published = self._date(kept, date_line, published)
        self.date_no = next((ln.no for ln in kept if ln.text == date_line), -1)
        kept = self._drop_date_stamps(kept, date_line)
        kept = self._above_the_lead(kept, titled=title is not None and bool(fold(title)))
        title, title_line, title_from = self._headline(kept, title, title_line)
        self._top_section(kept, title)
        state = _Body(
            title=title, lead=self._known_lead(lead, lead_line), lead_line=lead_line, byline=byline
        )
        kept = self._repeats(kept, state, byline)
        kept = self._title_echoes(kept, state)
        kept = self._tail(self._trailing_outlet(kept, state), state)
        self._body(kept, state)
        if title is None:
            title, title_from = _title_from_text(state)
        return Article(
            title=title,
            date_line=fold(date_line) if date_line else None,
            published=published,
            lead=state.lead,
            sections=tuple(state.sections),
            byline=fold(state.byline).lstrip("•· ") if state.byline else None,
            dropped=tuple(sorted(self.dropped, key=lambda d: d.line)),
            title_from=title_from,
            source=state.source,
            unsure=tuple(sorted(self.unsure, key=lambda d: d.line)),
            title_line=title_line,
            lead_line=state.lead_line,
            byline_line=state.byline_line,
            source_line=state.source_line,
        )

    # -- passes -----------------------------------------------------------------------------

    @staticmethod
    def _date(
        kept: list[Line], date_line: str | None, published: datetime | date | None
    ) -> tuple[str | None, datetime | date | None]:
        """The date line and its date: given by markup, else a date line among the first
        lines."""
        if date_line is None:
            for ln in kept[:5]:
                if ln.text.endswith(" |") and _is_credit_line(ln.text.rstrip(" |")):
                    # "Hoàng Khôi |": a byline whose date the copy lost (heldout53)
                    ln.text = ln.text.rstrip(" |")
                signed = _signed_stamp(ln.text)
                stamp = _match_date(signed[1]) if signed else None
                if signed and stamp:  # "Diệu Thanh 13/12/2013 11:17 GMT+7", "Vi Vân 10:17, …"
                    ln.text = signed[0]  # the name stays, a byline
                    return signed[1], parse_date(stamp)
                m = _match_date(ln.text)
                if m:
                    return ln.text, parse_date(m)
                split = _credit_and_date(ln.text) or _split_stamp(ln.text)
                if split:  # "TTXVN| 18/07/2022 08:14": the credit stays as a line, the date goes
                    ln.text, m = split
                    return m.group(0), parse_date(m)
            return None, published
        if published is None:
            m = _match_date(fold(date_line))
            published = parse_date(m) if m else None
        return date_line, published

    def _drop_date_stamps(self, kept: list[Line], date_line: str | None) -> list[Line]:
        """Date lines leave the text; any but the article's date line are chrome."""
        rest: list[Line] = []
        for ln in kept:
            if _match_date(ln.text):
                if ln.text != date_line:
                    self.drop(ln, DropKind.WIDGET, "widget: a date stamp")
                continue
            signed = _credit_and_date(ln.text) if ln.no < 8 and date_line else None
            if signed:  # "Hạnh Nguyên (tổng hợp ) - 10/05/2025 09:01" under a header's date
                self.drop(ln, DropKind.WIDGET, "widget: a date stamp", signed[1].group(0))
                ln.text = signed[0]
            rest.append(ln)
        return rest

    def _headline(
        self, kept: list[Line], title: str | None, title_line: int
    ) -> tuple[str | None, int, TitleFrom]:
        """The headline: given by markup, else the first line when it looks like one (it is then
        taken off ``kept``)."""
        if title is not None and fold(title):
            return fold(title).rstrip(" ."), title_line, "headline"
        self._clear_over_headline(kept)
        tagged = self._tagged_headline(kept)
        if tagged is not None:
            return tagged
        self.parallel = _parallel_top(kept)
        if self.parallel:
            self.top_heading = kept[0].no  # the first of parallel sections, no headline
            return None, title_line, "none"
        if kept and not kept[0].hint and _is_drop_cap_heading(kept):
            self.top_heading = kept[0].no  # "K IỆT SỨC VÌ LŨ CHỒNG LŨ": a section's, no title
            first = kept[0]  # the letter joins its word: the chapter and the voice say "KIỆT"
            kept[0] = Line(first.no, first.text[0] + first.text[2:], first.hint)
            return None, title_line, "none"
        if kept and self._looks_like_headline(kept):
            if _is_kicker(kept):
                kicker = kept.pop(0)
                if is_interface_line(kicker.text):  # "Mục lục:" over the title
                    self.drop(kicker, DropKind.WIDGET, "widget: a page's label over the title")
                elif _is_overline(kicker.text, kept[0].text):
                    self.drop(kicker, DropKind.TAG, "tag line: a place or topic over the title")
                else:
                    self.kicker = kicker.text
                    self.drop(
                        kicker, DropKind.TAG, "tag line: a series or programme name over the title"
                    )
            if kept[0].text.rstrip().endswith(":"):
                # "… sau trận thắng U-22 Indonesia là:" over a quote: it opens the story; no
                # headline of the corpus ends on a colon (heldout46, heldout26)
                return None, title_line, "none"
            first = kept.pop(0)
            return _TITLE_MARK.sub("", first.text).rstrip(" ."), first.no, "headline"
        return None, title_line, "none"

    def _clear_over_headline(self, kept: list[Line]) -> None:
        """Page chrome over the headline: a section's label, the outlet's slogan, the page's
        excerpt of the lead, a stack of short lines (taken off ``kept``)."""
        if _is_label_over_headline(kept) or _bulleted_label(kept):
            self.drop(kept.pop(0), DropKind.WIDGET, "widget: a section label over the headline")
        if len(kept) > 3 and _SLOGAN.match(kept[0].text) and not is_place_name(kept[0].text):
            # "Nhân Văn - Tin Cậy - Kịp Thời - Hấp dẫn" on top: the outlet's slogan
            self.drop(kept.pop(0), DropKind.WIDGET, "widget: the outlet's slogan")
        if (
            len(kept) > 2
            and (
                _shortened_copy(kept[0].text, kept[2:6])
                or (  # the lead printed whole over the headline and its byline (heldout48)
                    len(kept[0].text.split()) >= 12
                    and _ends_sentence(kept[0].text)
                    and _headline_shaped(kept[1])
                    and any(k.text == kept[0].text for k in kept[2:6])
                )
            )
        ):
            # "Thời gian qua, … kịp thời. …" over the headline: the page's excerpt of the lead
            self.drop(kept.pop(0), DropKind.DUPLICATE, "duplicate: the page's excerpt of the lead")
        for _ in range(_stack_over_headline(kept)):
            self.drop(kept.pop(0), DropKind.WIDGET, "widget: page chrome stacked over the headline")
        for _ in range(_related_over_headline(kept)):
            self.drop(kept.pop(0), DropKind.TEASER, "teaser: a related headline over the headline")
        if (
            len(kept) > 2
            and not kept[0].hint
            and _headline_shaped(kept[1])
            and not kept[1].text.endswith(":")
        ):
            reason = _caption_reason(kept[0].text)  # "Trao quà … Ảnh: Ngọc Thạch" (heldout47)
            if reason and reason.startswith("caption: photo credit"):
                self.drop(kept.pop(0), DropKind.CAPTION, reason + " (over the headline)")
        if len(kept) > 2 and _PORTAL_SLOGAN.search(kept[0].text) and len(kept[0].text) < 120:
            # "Toàn Đảng, toàn dân học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
            self.drop(kept.pop(0), DropKind.WIDGET, "widget: the portal's slogan")
        admin = 0
        while admin < min(4, len(kept) - 1) and _ADMIN_NAME.match(kept[admin].text):
            admin += 1
        for _ in range(admin if admin >= 2 else 0):  # "UBND Xã Sơn Mùa" / "Huyện Sơn Tây" / …
            self.drop(kept.pop(0), DropKind.WIDGET, "widget: the portal's masthead")

    def _tagged_headline(self, kept: list[Line]) -> tuple[str, int, TitleFrom] | None:
        """ "(TTV) Đảng bộ Đài … trực thuộc" over the story: an outlet tag printed in front of the
        headline (the rest no sentence, a headline's length, the story's sentences below)."""
        if len(kept) < 2 or kept[0].hint:
            return None
        tagged = outlet_tag(kept[0].text)
        if tagged is None or not tagged[0].startswith("("):
            return None
        rest = Line(kept[0].no, tagged[1])
        if not _headline_shaped(rest) or not any(_is_body_line(k.text) for k in kept[1:4]):
            return None
        written = kept[0].text[: len(kept[0].text) - len(tagged[1])].strip()
        self.drop(kept[0], DropKind.TAG, "tag line: outlet tag", written)
        kept.pop(0)
        return rest.text.rstrip(" ."), rest.no, "headline"

    def _top_section(self, kept: list[Line], title: str | None) -> None:
        """Right under the headline, a line that heads the first section, not the lead: the
        headline's claim after its colon repeated (a roundup's first item: "Tai nạn giao thông
        sáng 23/11: Thương tâm cảnh …" over "Thương tâm cảnh …"), or a document's title in
        capitals of six words or more ("THÔNG CÁO BÁO CHÍ SỐ 68 VỀ …"), over a paragraph."""
        if not title or len(kept) < 2 or kept[0].hint or kept[0].text.endswith((",", ":", ";")):
            return
        if _ends_sentence(kept[0].text):
            return
        t = kept[0].text
        claim = title.split(":", 1)[1] if ":" in title else ""
        caps = _is_all_caps(t) and len(t.split()) >= 6 and not _is_byline_anywhere(t)
        # "Giá lúa gạo hôm nay" under "Giá lúa gạo hôm nay 8/7: Một số giống lúa …": a market
        # report's first section, named with the headline's opening words
        opening = 3 <= len(t.split()) < len(title.split()) and title.startswith(t + " ")
        opening = opening and has_final_punct(kept[1].text)
        # "Trở về thủa ban đầu" under "Sôi động bên hồ Gươm xanh", over a paragraph: a few words
        # without punctuation are no lead (a lead is a sentence), but the first section's name
        short = len(t.split()) <= 6 and _is_body_line(kept[1].text) and not _is_credit_line(t)
        short = short and not _VIEW_WORDS.match(t) and not _caption_reason(t)
        short = short and not _INFO_FIELD.match(t)  # "Thời gian: 12/10- 14/10 Âm lịch"
        short = short and not _TIME_ALONE.match(t)  # "21h00": a live page's stamp (heldout51)
        if (
            (claim and _key(t) == _key(claim))
            or (caps and not _title_opening(t, title))
            or opening
            or short
        ):
            self.top_heading = kept[0].no

    def _above_the_lead(self, kept: list[Line], *, titled: bool) -> list[Line]:
        """Between the top of the text and the lead: the outlet's own name on a line ("Báo Tin
        tức", "VTV.vn", "Dân Việt") is not a byline, and a related video's title standing next
        to its player's time ("0:00 / 0:00", "02:15") is not the story. Without such evidence a
        line is kept (and the lead rule lists a doubtful one in ``unsure``)."""
        out: list[Line] = []
        for i, ln in enumerate(kept):
            t = ln.text
            below = titled or i > 0  # below the headline
            if below and _ends_sentence(t):
                return out + kept[i:]  # the body has begun
            nxt = kept[i + 1] if i + 1 < len(kept) else None
            if is_outlet_name(t) and (below or (nxt is not None and _headline_shaped(nxt))):
                self.drop(ln, DropKind.TAG, "tag line: the outlet's own name (not a byline)")
            elif below and self._video_title(ln, kept[i + 1 :]):
                if out and _key(out[-1].text) == _key(t):  # the title printed twice over it
                    self.drop(out.pop(), DropKind.TEASER, "teaser: a video's title (a copy)")
                self.drop(ln, DropKind.TEASER, "teaser: a video's title beside its player")
            else:
                out.append(ln)
        return out

    def _video_title(self, ln: Line, rest: list[Line]) -> bool:
        """A headline-length line right above a video player's time in the input, with the lead
        still to come (so a one-line story is never taken for a video's title)."""
        if not _headline_shaped(ln) or len(ln.text.split()) > TRAILING_TEASER_MAX_WORDS:
            return False
        after = next((x for x in self.lines if x.no > ln.no), None)
        if after is None or not _PLAYER_TIME.match(after.text):
            return False
        return any(_ends_sentence(x.text) for x in rest)

    def _title_echoes(self, kept: list[Line], state: _Body) -> list[Line]:
        """Lines made of the title's words: a keyword line ("quốc khánh, 2/9, TP Bắc Giang") and
        related links run together that start with the series name."""
        out: list[Line] = []
        for ln in kept:
            t = ln.text
            if _is_keyword_line(t, state.title or "") or (
                ln is kept[-1] and _closing_terms(t, [x.text for x in kept[:-1]])
            ):
                self.drop(ln, DropKind.TAG, "tag line: keywords")
            elif self.kicker and not has_final_punct(t) and _runs_on(t, self.kicker):
                self.drop(ln, DropKind.TEASER, "teaser: related links run together")
            else:
                out.append(ln)
        return out

    def _trailing_outlet(self, kept: list[Line], state: _Body) -> list[Line]:
        """An outlet's name as the last line, right after the story ("Tạp chí KTTV"), credits
        the outlet the text comes from: it is the source, read as "Theo …" would be."""
        before = kept[-2].text if len(kept) > 1 else ""
        # the story's last line ends a sentence, or is a long paragraph cut off ("… đi ki")
        ended = _ends_sentence(before) or len(before.split()) >= 20
        if len(kept) > 1 and is_outlet_name(kept[-1].text) and ended:
            self._credit(kept.pop(), state)
        return kept

    def _known_lead(self, lead: str | None, lead_line: int) -> str | None:
        """The lead given by markup, without the outlet tag that opens it."""
        known = fold(lead) if lead else None
        tag = outlet_tag(known) if known else None
        if tag is None:
            return known
        if tag[0] and known:
            written = known[: len(known) - len(tag[1])].strip()
            self.dropped.append(Dropped(lead_line, written, "tag line: outlet tag", DropKind.TAG))
        return tag[1]

    def _drop_chrome(self, lines: list[Line]) -> list[Line]:
        """Widgets, keyword lines, credits and related-article blocks."""
        kept: list[Line] = []
        st = _ChromeState(
            placed=_placed_chrome(lines),
            marked=_page_widgets(lines),
            comment_form=_comment_form(lines),
            empty_headers=_empty_headers(lines),
            top_label=_label_over_story(lines),
        )
        for i, ln in enumerate(lines):
            links, st.list_links = st.list_links, 0  # link-list headlines right above this line
            labelled = i > 0 and self._under_label(lines[i - 1])
            if not self._unlink(ln) or self._page_edge(ln, st):
                continue
            t = ln.text
            if self._other_story(lines, i, st):
                continue
            st.ended = st.ended or bool(_END_MARK_CLOSE.search(t))
            st.sentences += _ends_sentence(t)
            if self._twice_after_credit(lines, i, st):
                continue
            st.credited = st.credited or (
                st.body_started and (_is_credit_line(t) or _is_source_line(t))
            )
            st.body_started = st.body_started or _ends_sentence(t)
            if self._doubled_summary_step(lines, i, st) or self._related_step(ln, st):
                continue
            t = self._strip_counters(ln)
            if _match_date(t):
                kept.append(ln)
                continue
            junk = _junk_after(t, st)
            label, st.tag_label = st.tag_label, bool(junk and _EVENT_TAG.match(t))
            st.list_links = links + 1 if junk == _LIST_LINK else 0
            listed = None if junk else _listed_link(lines, i, labelled=labelled, links=links)
            if junk:
                self.drop(ln, *junk)
                st.doubled_at = i if junk[1] == _DOUBLED_REASON else st.doubled_at
            elif listed:
                self.drop(ln, DropKind.TEASER, listed)
            elif label and _is_tag_value(t):
                self.drop(ln, DropKind.TAG, "tag line: the tag under its label")
            elif _CREDIT_ONLY.match(t):
                above = kept[-1] if kept and i > 0 and kept[-1] is lines[i - 1] else None
                if above and len(above.text.split()) <= 20 and len(_sentences(above.text)) == 1:
                    # "Sau 3 giờ phẫu thuật, … kịp thời." over "Ảnh: TTXVN phát" (heldout31):
                    # a caption most often, but a paragraph over an uncaptioned photo looks the same
                    self.doubt(
                        above, "read as body text: one sentence over a photo credit (caption?)"
                    )
                self.drop(ln, DropKind.CREDIT, "credit: photo or video credit")
            else:
                kept.append(ln)
        return kept

    def _doubled_summary_step(self, lines: list[Line], i: int, st: _ChromeState) -> bool:
        """The summary under a related link printed twice (see `_doubled_summary`): dropped."""
        if st.doubled_at != i - 1 or not _doubled_summary(lines, i):
            return False
        self.drop(lines[i], DropKind.TEASER, "teaser: a related article's summary")
        return True

    def _other_story(self, lines: list[Line], i: int, st: _ChromeState) -> bool:
        """Another story's lead or headline after the story's end mark or credit, or its
        headline in a list of links over the story. True when dropped."""
        ln, t = lines[i], lines[i].text
        if (st.ended or st.credited or st.sentences >= 3) and _named_tag(t):
            # "VOV.VN - Mưa đá …" after "… hỗ trợ”./." (heldout32), "(Ngày Nay) -Tối 10/1 …"
            # after "Theo Đại đoàn kết" (heldout34): another story's lead
            self.drop(ln, DropKind.TEASER, "teaser: another story's lead after the story")
            return True
        if st.ended and _BROADCAST_NAME.match(t):
            # "Bản tin Thời sự tối TTV" after "… lần thứ X./." (heldout52): the report's source
            self.drop(ln, DropKind.CREDIT, "credit: the broadcast the report comes from")
            return True
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        if st.credited and _headline_shaped(ln) and _named_tag(nxt):
            self.drop(ln, DropKind.TEASER, "teaser: another story's headline over its lead")
            return True
        if not st.body_started and _separated_link(lines, i):
            self.drop(ln, DropKind.TEASER, "teaser: a link in a list (separator lines)")
            return True
        return False

    def _twice_after_credit(self, lines: list[Line], i: int, st: _ChromeState) -> bool:
        """After the story's credit, a headline printed twice is a related article's link, and
        the one or two sentences under it its summary (heldout34). True when dropped."""
        ln, t = lines[i], lines[i].text
        if ln.no == st.teased_twice:
            self.drop(ln, DropKind.TEASER, "teaser: a related headline printed twice")
            st.summary_next = True
            return True
        if st.summary_next:
            st.summary_next = False
            if _match_date(t) or (len(t.split()) <= 8 and _DATED_STAMP.search(t)):
                # "sự kiện🞄Thứ ba, 20/02/2024, 10:09" (heldout53): the link's date; its
                # summary follows
                self.drop(ln, DropKind.TEASER, "teaser: a related article's date")
                st.summary_next = True
                return True
            if len(_sentences(t)) <= 2 and not _junk_kind(t) and not _is_credit_line(t):
                self.drop(ln, DropKind.TEASER, "teaser: a related article's summary")
                return True
        twice = i + 1 < len(lines) and lines[i + 1].text == t
        if st.credited and twice and _headline_shaped(ln) and len(t.split()) >= _TEASER_MIN_WORDS:
            self.drop(ln, DropKind.TEASER, "teaser: a related headline printed twice")
            st.teased_twice = lines[i + 1].no
            return True
        return False

    def _strip_counters(self, ln: Line) -> str:
        """A counter glued to the line, or run into a date stamp, goes; the line's text left."""
        t = ln.text
        glued = _GLUED_COUNTER.search(t)
        if glued and glued.start() > 0:  # "… facebook.com/info.vnuhcmTổng truy cập: 11,364,620"
            self.drop(ln, DropKind.WIDGET, "widget: a counter glued to the line", glued.group())
            ln.text = t = t[: glued.start()].rstrip()
        label = _GLUED_LINK_LABEL.search(t)
        if label and label.start() > 0:  # "… ông Razak nói (xem thêm)." (heldout62)
            self.drop(ln, DropKind.WIDGET, "widget: a link's label glued to the line", label[1])
            ln.text = t = t[: label.start()] + t[label.end(1) :]
        caption = _GLUED_CAPTION.search(t)
        if caption and len(caption[1].split()) <= 35:
            # "… Vương Thừa Phong. Bí thư … tiếp ông Thomas Shannon (Ảnh: hanoimoi.com.vn) Tại
            # các cuộc gặp, …" (heldout63): a credited caption between two sentences of a line
            self.drop(
                ln, DropKind.CAPTION, "caption: a credited caption inside the line", caption[1]
            )
            ln.text = t = t[: caption.start(1)] + t[caption.end(1) :].lstrip()
        counted = _STAMP_COUNTER.match(t)
        stamp = _match_date(counted.group(1)) if counted else None
        if counted and stamp and parse_date(stamp):  # "3/29/2010": no date, the line goes
            counter = counted.group(2) or counted.group(3)
            self.drop(ln, DropKind.WIDGET, "widget: a counter", counter)
            ln.text = t = counted.group(1)
        return t

    def _under_label(self, above: Line) -> bool:
        """``above`` was dropped as a widget's label ending with a colon ("1. Dòng sự kiện:") or
        as a link listed under one: a numbered or bulleted headline below is another link."""
        last = self.dropped[-1] if self.dropped else None
        if last is None or last.line != above.no:
            return False
        label = last.kind is DropKind.WIDGET and last.text.endswith(":")
        return label or last.reason == _LABELLED_LINK

    def _page_edge(self, ln: Line, st: _ChromeState) -> bool:
        """Chrome known by where it stands: a menu link repeated above the story, a breadcrumb
        above it, and whatever follows the page's rating or comment box. True when dropped."""
        t = ln.text
        if ln.no in st.placed:
            self.drop(ln, *st.placed[ln.no])
            return True
        if id(ln) in st.marked:
            why = st.marked[id(ln)]
            kind = DropKind.CAPTION if why.startswith("caption:") else DropKind.WIDGET
            self.drop(ln, kind, why)
            return True
        if not st.body_started and _is_breadcrumb(t):
            # Above the story a lone section name is a breadcrumb; below, it may be a heading.
            self.drop(ln, DropKind.WIDGET, "widget: a section name (breadcrumb)")
            return True
        if st.body_started and _AGGREGATOR_FOOTER.match(t):
            st.after_footer = True
            self.drop(ln, DropKind.WIDGET, "widget: an aggregator's footer")
            return True
        if st.after_footer and not _is_credit_line(t):
            self.drop(ln, DropKind.WIDGET, "widget: the site's description after its footer")
            return True
        if self._contacts_or_tags(ln, st):
            return True
        if st.body_started and (_PAGE_END_BOX.match(t) or ln.no == st.comment_form):
            st.after_box = True  # the story is over: the page's rating or comment box
            if not _junk_kind(t) and not _PAGE_END_BOX.match(t):
                self.drop(ln, DropKind.WIDGET, "widget: a comment form's note")
                return True
        elif st.after_box and not _junk_kind(t) and not _is_credit_line(t):
            if (
                _headline_shaped(ln)
                and len(t.split()) >= _TEASER_MIN_WORDS
                and not interface_share(t)
                and not is_form_note(t)
            ):
                self.drop(ln, DropKind.TEASER, "teaser: after the page's comment box")
            else:  # a form's notice or prompt, not a headline
                self.drop(ln, DropKind.WIDGET, "widget: after the page's comment box")
            return True
        return False

    def _contacts_or_tags(self, ln: Line, st: _ChromeState) -> bool:
        """The outlet's contacts and a cut follow prompt over the story; a tag box below it
        ("Thẻ:" alone), its tags and the other stories a tag page lists under them. True when
        dropped."""
        t = ln.text
        if not st.body_started and _CONTACT_LINE.match(t):
            self.drop(ln, DropKind.WIDGET, "widget: the outlet's contacts over the story")
            return True
        if not st.body_started and _FOLLOW_CUT.match(t):
            self.drop(ln, DropKind.WIDGET, "widget: a prompt to follow the outlet (icons gone)")
            return True
        if st.body_started and _TAG_BOX.match(t):
            st.after_tags = True
            self.drop(ln, DropKind.TAG, "tag line: a tag box's label")
            return True
        if not st.after_tags or _junk_kind(t) or _is_credit_line(t):
            return False
        if _ends_sentence(t):
            self.drop(ln, DropKind.TEASER, "teaser: another story after the page's tags")
        else:
            self.drop(ln, DropKind.TAG, "tag line: a tag under the tag box")
        return True

    def _related_step(self, ln: Line, st: _ChromeState) -> bool:
        """A related-articles block: its header, the headlines under it, and a headline's date
        and one-sentence summary. True when the line was dropped."""
        t = ln.text
        if ln.no == st.top_label:
            self.drop(ln, DropKind.WIDGET, "widget: a news list's label over the headline")
            return True
        if ln.no in st.empty_headers and _topic_label(t):
            self.drop(ln, DropKind.WIDGET, "widget: a section's label with no headline under it")
            return True
        if _related_label(t) and (st.after_box or ln.no in st.empty_headers):
            self.drop(ln, DropKind.WIDGET, "widget: a related-articles header with no headline")
            return True
        if _related_label(t):  # "Tin cùng chuyên mục", "Chủ đề liên quan:"
            st.related, st.teased, st.summary = True, False, False
            self.drop(ln, DropKind.TEASER, "teaser: related-articles header")
            return True
        if not st.related:
            return False
        if _match_date(t):
            if st.teased:  # a related article's date under its headline
                self.drop(ln, DropKind.TEASER, "teaser: a related article's date")
                st.summary = True
                return True
        elif _junk_kind(t):
            return False
        elif self._teaser_like(t, TEASER_MAX_WORDS + (10 if st.teased else 0)):
            # a long headline in a list already begun (heldout28: a decision's title, 32 words)
            self.drop(ln, DropKind.TEASER, "teaser: under a related-articles header")
            st.teased, st.summary = True, False
            return True
        elif st.summary and len(_sentences(t)) == 1:
            # headline, date, then one sentence: the related article's summary
            self.drop(ln, DropKind.TEASER, "teaser: a related article's summary")
            st.summary = False
            return True
        elif st.teased and self._undated_summary(ln):
            self.drop(ln, DropKind.TEASER, "teaser: a related article's summary")
            return True
        st.related = False
        return False

    def _undated_summary(self, ln: Line) -> bool:
        """Under a related headline, with no date between: one or two sentences (100 words at
        most) followed by another headline or by nothing, sharing at most a quarter of their
        word pairs with the rest of the page but its own headline (heldout39: "Niềm tin bền
        vững …" twice, its summary, the next headline). A story's paragraph after the box repeats
        its words."""
        t = ln.text
        if len(_sentences(t)) > 2 or len(t.split()) > 100:
            return False
        later = [x for x in self.lines if x.no > ln.no and x.text.strip()]
        if later and not self._teaser_like(later[0].text):
            return False
        earlier = [x for x in self.lines if x.no < ln.no and x.text.strip()]
        own = earlier[-1].no if earlier else -1  # its headline: a summary repeats it (heldout64)
        pairs = _bigrams(t)
        rest = _bigrams(" ".join(x.text for x in self.lines if x.no not in (ln.no, own)))
        return bool(pairs) and 4 * len(pairs & rest) <= len(pairs)

    def _unlink(self, ln: Line) -> bool:
        """A source line ending in a link ("Nguồn Tuổi Trẻ TĐ: https://…") keeps its words and
        loses the link; with no words left ("(Theo: http://…") the line goes. False when the
        line is gone."""
        m = _LINK_TAIL.search(ln.text)
        if not m or not _SOURCE_WORD.match(ln.text):
            return True
        head = ln.text[: m.start()].rstrip(" :(")
        if not re.search(r"\w", _SOURCE_WORD.sub("", head)):
            self.drop(ln, DropKind.WIDGET, "widget: a link to the source")
            return False
        if not is_byline(head):
            return True  # a story sentence giving an address ("… tại địa chỉ http://…")
        self.drop(ln, DropKind.WIDGET, "widget: a link (not read)", ln.text[m.start() :].strip())
        ln.text = head
        return True

    @staticmethod
    def _teaser_like(text: str, most: int = TEASER_MAX_WORDS) -> bool:
        """A headline: no sentence end, not too long, not a byline."""
        if is_byline(text) or _is_name_line(text) or _caption_reason(text):
            return False
        if _cut_teaser(text) and len(text.split()) <= most:
            return True
        return not _ends_sentence(text) and len(text.split()) <= most

    def _looks_like_headline(self, kept: list[Line]) -> bool:
        first = kept[0]
        t = first.text
        if len(kept) < 2 or first.hint == "caption":
            return False
        if first.hint == "heading":
            return not _is_byline_anywhere(t)
        if _ends_sentence(t) and not t.endswith(("?", "!")) and not self._dated_headline(first):
            return False
        if (len(t.split()) > TITLE_MAX_WORDS or len(t) > TITLE_MAX_CHARS) and not _long_echoed(
            t, kept[1:3]
        ):
            return False
        # "… khẩn cấp vì... ăn nấm rừng": an ellipsis before a lower-case word ends no sentence
        sentences = [x for x in _sentences(t) if not x[:1].islower()]
        if len(sentences) > 1 or outlet_tag(t) or _is_byline_not_title(t):
            return False
        if _hangs(t) or t.endswith((";", ",")):
            return False  # "… phát biểu tại", "… HĐND huyện;": no headline ends so (heldout28)
        if t.endswith(":") and "," in t and re.match(r"^[-–•+*]\s", kept[1].text):
            return False  # "Đến dự chương trình, nhà trường … đón tiếp:" over a list (heldout31)
        if _SCENE_CAPTION.match(t) and len(t.split()) <= 12 and ":" not in t:
            return False  # "Một góc khu công nghiệp Nhơn Trạch": a photo's caption on top
        reason = _caption_reason(t)
        # "Clip hàng loạt tòa nhà rung lắc, …" (heldout65), "Video kết quả: …" (heldout2): on
        # top of the text a video's title is the headline (both first lines of the corpus)
        return reason is None or reason == _VIDEO_REASON

    def _dated_headline(self, first: Line) -> bool:
        """ "Bế mạc giải bóng chuyền … năm 2022." right over the article's date line, or over a
        lead that repeats it: a headline written with a full stop (one sentence)."""
        t = first.text
        if not t.endswith(".") or t.endswith("..") or len(_sentences(t)) != 1:
            return False
        after = next((x for x in self.lines if x.no > first.no), None)
        if after is not None and after.no == self.date_no:
            return True
        # "UBND huyện tổ chức hội nghị … tháng 11." over "Chiều ngày 26/10, UBND huyện đã tổ
        # chức hội nghị … tháng 11." (heldout63): the lead says the headline again, nearly word
        # for word (four fifths of its word pairs), with more words
        pairs = _bigrams(t.rstrip("."))
        lead = after.text if after is not None else ""
        longer = len(lead.split()) >= len(t.split()) + 3  # a lead said twice is no headline
        return longer and len(pairs) >= 6 and 5 * len(pairs & _bigrams(lead)) >= 4 * len(pairs)

    def _repeats(self, kept: list[Line], state: _Body, byline: str | None) -> list[Line]:
        """Lines repeating the title (image alt text "Title - 1") or the known byline."""
        out: list[Line] = []
        title_key = _key(state.title) if state.title else None
        for ln in kept:
            k = _key(ln.text)
            if title_key and k == title_key:
                self.drop(ln, DropKind.DUPLICATE, "duplicate: repeats the title")
                self.title_repeats.add(ln.no)
                continue
            if title_key and not has_final_punct(ln.text):
                base = _IMAGE_ALT_NUMBER.sub("", ln.text)
                base = re.sub(r"^(?:Hình ảnh|Ảnh)\s+", "", base, flags=re.IGNORECASE)
                # "… tại V-League - Bóng Đá" (heldout65): the site's section after the title
                base = _SECTION_TAIL.sub("", base) if base == ln.text else base
                if base != ln.text and _key(base) == title_key:
                    self.drop(ln, DropKind.CAPTION, "caption: image alt text repeating the title")
                    continue
                at = ln.text.rfind(state.title or "\0") if base != ln.text else -1
                if at > 0 and ln.text[at - 1] in ".!?" and _key(base[at:]) == title_key:
                    # "… các em học sinh.Bí thư … năm học mới ảnh 9" (heldout52): the alt text
                    # glued to a caption's full stop goes, the sentence before it stays
                    self.drop(Line(ln.no, ln.text[at:]), DropKind.CAPTION, _GLUED_ALT_REASON)
                    out.append(Line(ln.no, ln.text[:at], ln.hint))
                    continue
            if title_key and _retitled(ln.text, state.title or ""):
                self.drop(ln, DropKind.CAPTION, "caption: image alt text, the title reworded")
                continue
            if byline and k == _key(byline):
                self.drop(ln, DropKind.DUPLICATE, "duplicate: repeats the byline")
                continue
            out.append(ln)
        return out

    def _tail(self, kept: list[Line], state: _Body) -> list[Line]:
        """Bylines, sources and related-article teasers at the end of the text."""
        kept = self._signature(kept, state)
        if kept and (split := _glued_byline(kept[-1].text)):
            # "… ra tù tháng 5/2022.PV": the story's last sentence keeps its words, the byline
            # glued to its full stop is the byline.
            last = kept.pop()
            kept += [Line(last.no, split[0], last.hint), Line(last.no, split[1])]
        end = self._closing_byline(kept)
        if end is None:
            return self._trailing_teasers(kept)
        return self._after_byline(kept, end, state)

    def _signature(self, kept: list[Line], state: _Body) -> list[Line]:
        """A signature under the story's last sentence: a name split over two lines ("Trần" /
        "Loan": one syllable each, a person's name together) is one byline; an office signing
        the release ("Văn phòng Ban quản lý./.") is the byline, without the end mark."""
        if len(kept) < 2:
            return kept
        a, b = kept[-2], kept[-1]
        both = f"{a.text} {b.text}"
        split = _NAME_WORD.match(a.text) and _NAME_WORD.match(b.text) and is_person_name(both)
        if split and len(kept) > 2 and _ends_sentence(kept[-3].text):
            return [*kept[:-2], Line(a.no, both, a.hint)]
        office = _OFFICE_CREDIT.match(b.text)
        if office and _ends_sentence(a.text) and len(office.group(1).split()) <= 6:
            kept.pop()
            self._credit(Line(b.no, office.group(1), b.hint), state)
            return kept
        made = _MADE_BY.match(b.text)
        if made and _ends_sentence(a.text) and _is_name_line(made.group(1)):
            kept.pop()  # "Video do Thùy Linh thực hiện.": the byline is the name
            self._credit(Line(b.no, made.group(1), b.hint), state)
        elif _INITIALS.match(b.text) and _ends_sentence(a.text):
            kept.pop()  # "TT" under the story's last sentence: the author's initials
            self._credit(b, state)
        return kept

    def _closing_byline(self, kept: list[Line]) -> int | None:
        """Where the byline block at the end starts, looking up past teasers and captions; None
        when there is none."""
        for i in range(len(kept) - 1, 0, -1):
            t = kept[i].text
            if _is_credit_line(t) or (_INITIALS.match(t) and _ends_sentence(kept[i - 1].text)):
                # "VH" under the story's last sentence, teasers below it: the author's initials
                end = i
                # Byline lines directly above belong to it ("Tác giả: …" over "Nguồn tin: …"),
                # and so do an author's initials ("CL" over "Nguồn: Báo Bạc Liêu", heldout38).
                while end > 1 and (
                    _is_credit_line(kept[end - 1].text) or _INITIALS.match(kept[end - 1].text)
                ):
                    end -= 1
                return end
            if not (self._teaser_like(t) or kept[i].hint == "caption"):
                return None
        return None

    def _drop_pairs(self, kept: list[Line], end: int, pairs: int) -> list[Line]:
        for ln in kept[end - 2 * pairs : end]:
            self.drop(ln, DropKind.TEASER, "teaser: related stories (headline and summary)")
        return kept[: end - 2 * pairs]

    def _trailing_teasers(self, kept: list[Line]) -> list[Line]:
        """No byline: a keyword list, then two or more short headlines after the last sentence
        are teasers; anything longer is kept (it may be a caption or the story)."""
        end = len(kept) - self._closing_keywords(kept)
        cut_story = self._cut_story_end(kept[:end])
        if cut_story is not None:
            return cut_story
        last = kept[end - 1] if end > 1 else None
        cell = last is not None and _TABLE_CELL.search(last.text) and _cut_teaser(last.text)
        if last and cell and _ends_sentence(kept[end - 2].text.rstrip(" |")):
            self.drop(last, DropKind.TEASER, "teaser: a related article's cut summary")
            return self._trailing_teasers(kept[: end - 1])
        pairs = _summary_pairs(kept[:end])
        if pairs:
            return self._drop_pairs(kept, end, pairs)
        start = end
        while start > 1 and self._trailing_teaser(kept[start - 1]):
            start -= 1
        if end - start >= 2:
            # Two short headlines close the page: longer headlines of the same list above them
            # (one claim each, no stop, "Chủ tịch nước …: Với bộ máy … quản lý") are links too.
            while start > 1 and self._long_trailing_headline(kept[start - 1]):
                start -= 1
        if end - start == 1 and self._lone_trailing_headline(kept, start):
            self.drop(kept[start], DropKind.TEASER, "teaser: a related headline after the story")
            return kept[:start]
        if end - start < 2:
            return kept[:end]
        listed = all(_labelled_list(ln.text) for ln in kept[start:end])
        if listed or any(ln.text.endswith(":") for ln in kept[start - 1 : end]):
            # "Ghi bàn:" over "Hà Nội FC: Ngân Văn Đại (33'), …": a list the story closes with
            # (a match's result and scorers); related headlines have no label over them.
            for ln in kept[start:end]:
                self.doubt(ln, "read as body text: a short line in a list at the end (teaser?)")
            return kept[:end]
        for ln in kept[start:end]:
            self.drop(ln, DropKind.TEASER, "teaser: related-article headlines at the end")
        return kept[:start]

    def _cut_story_end(self, kept: list[Line]) -> list[Line] | None:
        """The text cut off inside a word with no related headline over it: what is kept (a
        related headline and its cut summary dropped); None when the cut line ends a list of
        related headlines ("Lễ khởi công Dự án s" under two of them: the list cut by the page)
        or nothing is cut."""
        end = len(kept)
        if not end or not self._stops_mid_word(kept[-1].text, kept[-1].no):
            return None
        above = kept[max(0, end - 3) : end - 1]
        if len(above) >= 2 and all(self._trailing_teaser(x) for x in above):
            return None
        if self._cut_related_summary(kept):
            return kept[: end - 2]
        return kept

    def _cut_related_summary(self, kept: list[Line]) -> bool:
        """ "Trên 80 học sinh nhập viện vì súc miệng …" over "Do cán bộ … sau khi ngậm fluor để"
        closing the text under the story's last sentence: another story's headline and its cut
        summary, both foreign to the story (see `_foreign_links`): dropped as a teaser."""
        if len(kept) < 4 or not _ends_sentence(kept[-3].text):
            return False
        pair = kept[-2:]
        if len(_sentences(pair[1].text)) > 1:
            return False  # a summary is one sentence; two are the story's (heldout26)
        if not _headline_shaped(pair[0]) or not _foreign_links(pair, kept):
            return False
        for ln in pair:
            self.drop(ln, DropKind.TEASER, "teaser: a related headline and its cut summary")
        return True

    def _closing_keywords(self, kept: list[Line]) -> int:
        """A keyword list closing the text, or "tai nạn giao thông" under the story's last
        sentence (the page's tag, in lower case): dropped; how many lines (0 or 1)."""
        if len(kept) < 2:
            return 0
        last = kept[-1]
        if _KEYWORD_LIST.match(last.text):
            self.drop(last, DropKind.TAG, "tag line: keyword list at the end")
            return 1
        if _LONE_KEYWORD.match(last.text) and _ends_sentence(kept[-2].text):
            self.drop(last, DropKind.TAG, "tag line: a keyword under the story")
            return 1
        return 0

    def _lone_trailing_headline(self, kept: list[Line], i: int) -> bool:
        """One line closing the page after the story's last sentence, written as a headline is
        ("Mưa xối xả ở Đà Nẵng: Dân chưa kịp dọn xong lũ trước, lũ sau đã đến": a topic of three
        to eight words, a colon, a capitalised claim of six words or more, no final stop, no
        one quoted): a related article's link. A scorers' line ("Ghi bàn: …") is too short."""
        ln = kept[i]
        if ln.no != self.lines[-1].no or not _ends_sentence(kept[i - 1].text):
            return False
        m = _HEADLINE_COLON.match(ln.text)
        if not m or has_final_punct(ln.text) or _SAYS.search(m.group(1)):
            return False
        return 3 <= len(m.group(1).split()) <= 8 and len(m.group(2).split()) >= 6

    def _long_trailing_headline(self, ln: Line) -> bool:
        t = ln.text
        return (
            self._teaser_like(t)
            and len(_sentences(t)) == 1
            and not has_final_punct(t)
            and ln.hint != "heading"
        )

    def _trailing_teaser(self, ln: Line) -> bool:
        return (
            self._teaser_like(ln.text)
            and len(ln.text.split()) <= TRAILING_TEASER_MAX_WORDS
            and ln.hint != "heading"
        )

    def _after_byline(self, kept: list[Line], end: int, state: _Body) -> list[Line]:
        """The byline block from ``end``, then sources; captions go back to the body, anything
        else after the byline is a teaser."""
        body = kept[:end]
        in_credits = True
        for ln in kept[end:]:
            if in_credits and (_is_credit_line(ln.text) or _INITIALS.match(ln.text)):
                self._credit(ln, state)
                continue
            in_credits = False
            if _is_source_line(ln.text):
                self._credit(ln, state)
            elif ln.hint == "caption" or _caption_reason(ln.text):
                body.append(ln)
            else:
                self.drop(ln, *_after_byline_kind(ln.text))
        return body

    def _credit(self, ln: Line, state: _Body) -> None:
        """The first byline is read as the byline, a "Theo …"/"Nguồn …" line as the source."""
        if state.byline is None:
            # "Thái Phan – Báo Hải Phòng 22/08/2018": the date after the byline is not read
            state.byline, state.byline_line = _BYLINE_DATE.sub("", ln.text), ln.no
        elif _COPIED_FROM.match(ln.text) and _AUTHOR_LABEL.match(state.byline):
            # "Tác giả: Khánh Hiền" / "Nguồn tin: Báo Dân trí": a copy site's two fields, the
            # author and the paper the copy came from; the author is the credit read.
            self.drop(ln, DropKind.CREDIT, "credit: the paper the copy came from (Nguồn tin: …)")
        elif _is_source_line(ln.text) and state.source is None:
            state.source, state.source_line = ln.text, ln.no
        elif _is_source_line(state.byline) and state.source is None:
            state.source, state.source_line = state.byline, state.byline_line
            state.byline, state.byline_line = ln.text, ln.no
        else:
            self.drop(ln, DropKind.BYLINE, "byline: a further byline or source line")

    def _body(self, kept: list[Line], state: _Body) -> None:
        """The lead, subheadings, paragraphs and captions, with the bylines, teasers and
        duplicates among them."""
        walk = _Walk(seen_body=state.lead is not None)
        if state.lead:
            walk.read_keys.add(_key(state.lead))
        series = _photo_series(kept)
        self.numbered = _numbered_sections(kept) | _outline_heads(kept)
        self.counted = _counted_items(kept)
        self.lead_links = _links_under_lead(kept)
        self.end_links = _links_at_end(kept)
        last = kept[-1] if kept else None
        self.cut_line = last.no if last and self._stops_mid_word(last.text, last.no) else -1
        for i, ln in enumerate(kept):
            nxt = _next_block(kept, i)
            # A subheading whose photo or video repeats it just below may be long.
            echoed = any(_echoes(k.text, ln.text) for k in kept[i + 1 : i + 5])
            # The first step that takes the line handles it; what none takes is read as text.
            taken = (
                self._take_agency(ln, walk, kept[-1])
                or self._take_credit(ln, walk, state)
                or self._take_listed_teaser(ln, walk)
                or self._take_duplicate(ln, kept[i + 1 : i + 6], walk)
                or self._take_caption(ln, walk)
                or self._take_photo_line(ln, walk, state, series)
                or self._take_heading(ln, nxt, walk, state, echoed=echoed)
            )
            if not taken:
                self._read_text(ln, walk, state)
        walk.close_section(state)
        self._cut_unfinished(state, kept)

    def _take_credit(self, ln: Line, walk: _Walk, state: _Body) -> bool:
        """Bylines and sources on their own line: under the title, or anywhere when explicit."""
        t = ln.text
        if (ln.hint == "paragraph" and has_final_punct(t)) or ln.no == self.top_heading:
            return False
        if _is_source_line(t) and self._credits_caption_above(ln, walk):
            return True
        labelled = _AUTHOR_CREDIT.match(t) is not None and is_byline(t)  # "Ký của Minh Ngọc"
        top = walk.top or (  # under the title printed again
            bool(self.title_repeats)
            and next((x.no for x in reversed(self.lines) if x.no < ln.no), None)
            in self.title_repeats
        )
        if (top and _is_credit_line(t) and not _title_opening(t, state.title)) or (
            labelled or _is_source_line(t) or (_is_all_caps(t) and _is_byline_anywhere(t))
        ):
            self._credit(ln, state)
            return True
        return False

    def _recaption(self, walk: _Walk, why: str) -> None:
        """The paragraph just read is a caption after all (its credit or its end came next)."""
        above = walk.blocks[-1]
        walk.blocks[-1] = Block(BlockKind.CAPTION, above.text, above.line, why)
        self.unsure[:] = [u for u in self.unsure if u.line != above.line]

    def _credits_caption_above(self, ln: Line, walk: _Walk) -> bool:
        """ "Kết quả kinh doanh của HSG trong tháng 04/2020" over "Nguồn: HSG", with the story
        going on below: a chart's or a photo's caption credited on the next line. Both go."""
        above = walk.blocks[-1] if walk.blocks else None
        after = next((x for x in self.lines if x.no > ln.no), None)
        if (
            above is None
            or above.kind is not BlockKind.PARAGRAPH
            or above.line != ln.no - 1
            or has_final_punct(above.text)
            or len(above.text.split()) > TEASER_MAX_WORDS
            or after is None
            or not _ends_sentence(after.text)
        ):
            return False
        self._recaption(walk, "caption: credited on the next line (a chart's or a photo's source)")
        self.drop(ln, DropKind.CREDIT, "credit: the caption's source, on its own line")
        return True

    def _take_agency(self, ln: Line, walk: _Walk, last: Line) -> bool:
        """An agency's or an outlet's name alone between paragraphs ("Sputnik"): the credit of a
        photo the text no longer shows (after the story's last line it is the source)."""
        if not walk.seen_body or ln is last or ln.hint or not is_outlet_name(ln.text):
            return False
        self.drop(ln, DropKind.CREDIT, "credit: an agency's name alone (a photo's credit)")
        return True

    def _take_listed_teaser(self, ln: Line, walk: _Walk) -> bool:
        """A related link listed under the title, or under the lead (see `_links_under_lead`)."""
        if walk.top and re.match(r"^[-•+*]\s", ln.text) and not _ends_sentence(ln.text):
            if is_byline(ln.text[1:].strip()):  # "• Nguồn: Báo Sóc Trăng" (heldout45)
                self.drop(ln, DropKind.CREDIT, "credit: a source or byline, bulleted")
            else:
                self.drop(ln, DropKind.TEASER, "teaser: related link listed under the title")
            return True
        if ln.no in self.lead_links:
            self.drop(ln, DropKind.TEASER, "teaser: related link listed under the lead")
            return True
        if ln.no in self.end_links:
            self.drop(ln, DropKind.TEASER, "teaser: related link listed after the story")
            return True
        return False

    def _take_duplicate(self, ln: Line, after: list[Line], walk: _Walk) -> bool:
        """Text already read, with or without its outlet tag, or a shortened copy of the next."""
        if _already_read(ln.text, walk.read_keys):
            reason = "duplicate: this text is already read"
        elif _shortened_copy(ln.text, after):
            reason = "duplicate: a shortened copy of the next"
        elif after and _near_copy_of_start(ln.text, after[0].text):
            reason = "duplicate: the next paragraph opens on the same words"
        else:
            return False
        self.drop(ln, DropKind.DUPLICATE, reason)
        return True

    def _take_caption(self, ln: Line, walk: _Walk) -> bool:
        """A caption marked in the document or known by its credit stays where it stands."""
        if ln.no in self.parallel:
            return False
        if ln.hint == "caption":
            reason: str | None = "caption: marked as a caption in the document"
        elif walk.heading and ln.hint != "heading" and _echoes(ln.text, walk.heading):
            reason = "caption: repeats the subheading (a photo's or a video's title)"
        else:
            reason = _caption_reason(ln.text)
        if not reason:
            return False
        if (
            walk.heading is not None
            and not walk.blocks
            and walk.heading_line == ln.no - 1
            and _alt_over_caption(walk.heading, ln.text)
        ):
            # "Bà Nguyễn Thị Kim Ngân" right over "Tân Chủ tịch Quốc hội Nguyễn Thị Kim Ngân
            # tuyên thệ nhậm chức. Ảnh VGP/Nhật Bắc" (heldout53): the photo's alt text
            alt = Block(BlockKind.CAPTION, walk.heading, walk.heading_line, _ALT_REASON)
            walk.heading = None
            walk.blocks.append(alt)
        above = walk.blocks[-1] if walk.blocks else None
        if (
            above is not None
            and above.kind is BlockKind.PARAGRAPH
            and above.line == ln.no - 1
            and _caption_first_line(above.text, ln.text)
        ):
            self._recaption(walk, "caption: its first line (a caption printed over two lines)")
        walk.blocks.append(Block(BlockKind.CAPTION, ln.text, ln.no, reason))
        return True

    def _take_photo_line(self, ln: Line, walk: _Walk, state: _Body, series: set[int]) -> bool:
        """A short line about a photo is no subheading: right under an image's placeholder or
        file name ("img" over "Tổng thống Syria Bashar al-Assad") it is the image's caption; in a
        photo series ("Hiện trường vụ cháy" … "Hiện trường vụ cháy xưởng gỗ") it is read as
        text, with a doubt."""
        t = ln.text
        if ln.hint or has_final_punct(t) or len(t.split()) > TEASER_MAX_WORDS:
            return False
        before = next((x for x in reversed(self.lines) if x.no < ln.no), None)
        if before is not None and (
            _is_image_marker(before.text)  # "… - Ảnh 1": an image's alt text (heldout68)
            or _alt_text(before.text)
        ):
            walk.blocks.append(Block(BlockKind.CAPTION, t, ln.no, "caption: under an image"))
            return True
        if ln.no in series and walk.seen_body:
            self._read_text(ln, walk, state)
            return True
        return False

    def _take_heading(
        self, ln: Line, nxt: Line | None, walk: _Walk, state: _Body, *, echoed: bool = False
    ) -> bool:
        """A subheading opens a section; a byline marked as a heading is a credit."""
        t = ln.text
        cut = nxt is not None and nxt.no == self.cut_line  # over the story's cut-off end
        opening = not walk.blocks and all(s.heading is None for s in state.sections)
        if not ln.hint and opening and is_place_name(t) and self._places_alone() == 1:
            # "TP.Thủ Dầu Một" alone over the story: the place it is filed from, no section
            self.drop(ln, DropKind.TAG, "tag line: a dateline (the place alone on its line)")
            return True
        if not (
            ln.hint == "heading"
            or (walk.seen_body and ln.no in self.numbered)
            or ln.no == self.top_heading
            or ln.no in self.parallel
            or (
                walk.seen_body
                and ln.hint != "paragraph"
                and ln.no not in self.counted
                and self._is_heading(t, nxt, echoed, cut)
                and not _title_tail(t, state.title)
                and not _list_goes_on(t, walk.blocks)
                and not _caption_run(ln, walk.blocks)
            )
        ):
            return False
        if _is_byline_anywhere(t) and ln.hint == "heading":
            self._credit(ln, state)
        else:
            walk.open_section(state, _STAR_MARK.sub("", t), ln.no)
        return True

    def _tag_dropped(self) -> bool:
        return any(d.reason == "tag line: outlet tag" for d in self.dropped)

    def _no_stop_doubt(self, ln: Line) -> str:
        """Why a line without final punctuation is read with a doubt: the text's last sentence
        may be cut (no complete sentence follows), or it may be a caption without its credit."""
        if any(x.no > ln.no and _ends_sentence(x.text) for x in self.lines):
            return "read as body text: no final punctuation (caption without credit?)"
        return "read as body text: no final punctuation and no sentence after it (text cut off?)"

    def _written_as_name(self, words: str, line: int) -> bool:
        """``words`` stand capitalised inside another line (not opening it): a name
        ("Giải thưởng" in "… đoạt Giải thưởng nhiếp ảnh xuất sắc 2011")."""
        return any(
            f" {words}" in ln.text and not ln.text.startswith(words)
            for ln in self.lines
            if ln.no != line
        )

    def _places_alone(self) -> int:
        """How many lines are a place's name alone (two or more: a roundup's sections)."""
        return sum(1 for x in self.lines if len(x.text) <= 30 and is_place_name(x.text))

    def _read_text(self, ln: Line, walk: _Walk, state: _Body) -> None:
        """Body text: the lead until one is read, then a paragraph."""
        tail = _GLUED_LINK_TAIL.search(ln.text)
        if tail and len(ln.text[: tail.start()].split()) >= 8:
            # "… điều tra làm rõ. >>> Mời độc giả xem thêm video …" (heldout67)
            why = "teaser: a related-article link glued to the paragraph's end"
            self.drop(ln, DropKind.TEASER, why, tail.group(1))
            ln = Line(ln.no, ln.text[: tail.start()], ln.hint)
        if _outlet_alt_text(ln.text):
            self.drop(ln, DropKind.CAPTION, "caption: an image's alt text signed by the outlet")
            return
        glued = _glued_heading(ln.text) if ln.hint is None else None
        if glued and self._written_as_name(" ".join(glued[1].split()[:2]), ln.no):
            glued = None  # "… mới công bố Giải thưởng nhiếp ảnh …": a name the headline holds
        if glued:  # "Giá gạo … tăng Giá gạo xuất khẩu tăng kéo theo …": a heading run in
            walk.open_section(state, glued[0], ln.no)
            self.doubt(ln, f"a subheading run into its paragraph: {glued[0]!r}")
            ln = Line(ln.no, glued[1], ln.hint)
        if not walk.seen_body:
            self._read_lead(ln, walk, state)
            return
        walk.top = False
        tagged = outlet_tag(ln.text) if len(walk.blocks) <= 1 else None
        name = tagged[0].strip(" -–—.:") if tagged else ""
        known = is_outlet_name(name) or name in OUTLET_WORDS
        dateline = bool(tagged and _DATELINE_TAGGED.match(tagged[0]))  # "WESTMINSTER (VB)"
        if tagged and (tagged[0].startswith("(") or known or dateline) and not self._tag_dropped():
            # "(ĐTH) Chiều ngày 7/2, …", "TPO - Chiếc xe …" (heldout66) under a caption read as
            # the lead: the story's tag
            written = ln.text[: len(ln.text) - len(tagged[1])].strip()  # "(SGGPO).-"
            self.drop(ln, DropKind.TAG, "tag line: outlet tag", written)
            ln = Line(ln.no, tagged[1], ln.hint)
        if not has_final_punct(ln.text):
            self.doubt(ln, self._no_stop_doubt(ln))
        walk.blocks.append(Block(BlockKind.PARAGRAPH, ln.text, ln.no))
        walk.read_keys.add(_key(ln.text))

    def _read_lead(self, ln: Line, walk: _Walk, state: _Body) -> None:
        t = ln.text
        tagged = outlet_tag(t)
        if tagged:  # an outlet tag opens the lead
            if tagged[0]:  # listed as written, with its dash: "(Tổ Quốc) -"
                written = t[: len(t) - len(tagged[1])].strip()
                self.dropped.append(Dropped(ln.no, written, "tag line: outlet tag", DropKind.TAG))
            t = tagged[1]
        state.lead, state.lead_line = t, ln.no
        walk.read_keys.add(_key(t))
        walk.seen_body, walk.top = True, False
        if not has_final_punct(t):
            self.doubt(ln, "read as the lead: no final punctuation")

    @staticmethod
    def _is_heading(text: str, nxt: Line | None, echoed: bool = False, cut: bool = False) -> bool:
        """A short line before a paragraph; up to a title's length when a photo's or a video's
        caption repeats it below; "* Heading" when no list goes on. On a numbered item, a
        closing bracket ("2. Tin bão khẩn cấp (cơn bão số 6)") is no final punctuation."""
        # "Samsung Galaxy S10 (bản 128GB)": a closing bracket is no final punctuation either
        inner = r"[^()]" if _NUMBERED.match(text) else r"[^().!?…,:;'’–—-]"
        bare = re.sub(rf"\s*\((?!\s*(?:Ảnh|ảnh|Theo|Nguồn)){inner}{{1,40}}\)$", "", text)
        bare = _WHOLE_QUOTE.sub(r"\1", bare)  # "“8 lạng kéo 1 cân”" (heldout68)
        if has_final_punct(bare) or nxt is None or not bare:
            return False
        if bare[0].islower() and not _INNER_CAPITAL.match(bare):
            return False  # "bé vui múa hát": a caption in lower case, no heading (heldout23)
        if _TIME_ALONE.match(bare):
            return False  # "21h00": a live page's time stamp, read as it stands (heldout51)
        if _LABELLED_FIGURE.match(bare):
            return False  # "Giá tham khảo: 12.290.000 đồng": a fact under a label (heldout68)
        long = echoed or _speaker_heading(text)
        most = TITLE_MAX_WORDS if long else HEADING_MAX_WORDS
        if _NUMBERED.match(text) and not _NUMBERED.match(nxt.text):
            most = max(most, NUMBERED_HEADING_MAX_WORDS)  # "1. Lợi dụng công nghệ Deepfake …"
        if len(text.split()) > most or len(text) > (TITLE_MAX_CHARS if long else HEADING_MAX_CHARS):
            return False
        if _said_otherwise(text):
            return False
        listed = re.match(r"^[-•+*]\s", text) and not (
            _STAR_MARK.match(text) and not re.match(r"^[-•+*]\s", nxt.text)
        )
        if listed or (_is_all_caps(text) and _is_byline_anywhere(text)):
            return False
        n = nxt.text
        if n.endswith(":") and len(n.split()) <= 4:
            return False  # "Ghi bàn:": a list's label, no paragraph under a heading
        if _ROMAN_MARK.match(text) and _NUMBERED.match(n):
            return True  # "I. Bài thi, hình thức thi, lịch thi" over "1. Bài thi" (heldout34)
        return nxt.hint != "heading" and (has_final_punct(n) or cut)

    def _cut_unfinished(self, state: _Body, kept: list[Line]) -> None:
        """A text cut off mid-sentence: read up to the last complete sentence.

        Only the last line of the text, and only when it holds two or more sentences of which
        the last has no end, or when it stops on a lone consonant letter ("… có t"): otherwise
        a one-sentence line without a full stop is kept whole."""
        if not kept:
            return
        last_no = kept[-1].no
        if state.sections and state.sections[-1].blocks:
            section = state.sections[-1]
            block = section.blocks[-1]
            if block.kind is not BlockKind.PARAGRAPH or block.line != last_no:
                return
            cut = self._complete_part(block.text)
            if cut and self._page_goes_on(last_no) and not self._stops_mid_word(cut[1], last_no):
                cut = None  # the copy goes on below: a stop left out, not a cut (heldout58)
            read_else = len(section.blocks) > 1 or len(state.sections) > 1 or bool(state.lead)
            if cut is None and read_else and self._stops_mid_word(block.text, block.line):
                cut = ("", block.text)
            if cut is not None and not cut[0]:
                cut = _restarted(cut[1]) or cut
            if cut is not None:
                rest = (Block(BlockKind.PARAGRAPH, cut[0], block.line),) if cut[0] else ()
                state.sections[-1] = replace(section, blocks=(*section.blocks[:-1], *rest))
                self._unfinished(block.line, cut[1])
        elif not state.sections and state.lead is not None and state.lead_line == last_no:
            cut = self._complete_part(state.lead)
            if cut is not None:
                state.lead = cut[0]
                self._unfinished(state.lead_line, cut[1])

    def _page_goes_on(self, line: int) -> bool:
        """After the story's last line the page holds a line of ten words or more (a related
        story's summary): the copy did not end in the story, so a last sentence without a stop
        that stops on a whole word lost its stop, not its end."""
        return any(len(ln.text.split()) >= 10 for ln in self.lines if ln.no > line)

    def _stops_mid_word(self, text: str, line: int) -> bool:
        """The last line stops inside a word: on a lone consonant ("… có t"), on consonants
        without a vowel ("… trong một ngày kh": no Vietnamese syllable has none), or on the
        start of a word the text writes whole after the same two words elsewhere ("… nghe Ủy
        vi" where "nghe Ủy viên" is written, "… trị giá từ 0" where "giá từ 02 triệu" is), the
        three never standing as they are anywhere else; or, for letters, after the same word
        ("… được khai mạ" where "khai mạc" is written, "… về AI của Vi" where "của Việt" is),
        the two never standing as they are anywhere else."""
        if has_final_punct(text):
            return False
        # "… chuyên nghà" (heldout54): "ngh", "gh" only go before i, e, ê
        cut_shapes = (_STOPS_MID_WORD, _NO_VOWEL_END, _BAD_ONSET_END, _CAMEL_CUT)
        if any(p.search(text) for p in cut_shapes):
            return True
        if _OPEN_DIPHTHONG_END.search(text) or (
            _OPENING_WORDS.match(text) and not is_interface_line(text)
        ):
            # "… giảm từ 30,3% năm 2016 xuố": no syllable ends on "uô", "iê", "ươ"; "Sản phẩm",
            # "Sau khi" alone at the end: a sentence's first words
            return True
        words = [w.casefold() for w in text.split()]
        if len(words) >= 3 and (_left_open(text) or self._cut_name(text, line)):
            return True  # "… H.Bù Đăng (Bình": a bracket never closed; "… sân Cần" (Cần Thơ)
        if text.endswith(",") and _comma_cut(text, words):
            return True
        if len(words) < 4:
            return False
        if words[-1] in _NEVER_LAST or (words[-1] == "do" and words[-2] != "tự"):
            return True  # "do" (because) ends no sentence; "tự do" (freedom) may
        if any(p.search(text) for p in (_OPEN_AMOUNT_END, _OPEN_CLAUSE_END, _OPEN_NAME_END)):
            return True  # "… của Thương và Sướng,", "… hôm nay giảm 3", "… Phòng, chống"
        others = [ln.text for ln in self.lines if ln.no != line]
        if _cut_after(tuple(words[-3:-1]), words[-1], [*others, " ".join(words[:-3])]):
            return True
        if not words[-1].isalpha():
            return False
        if _cut_after(tuple(words[-2:-1]), words[-1], [*others, " ".join(words[:-2])]):
            return True
        return _cut_last_word(words, others, text)

    def _cut_name(self, text: str, line: int) -> bool:
        """ "Trên sân Cần": the last word, capitalised inside the line, begins a name the text
        writes only with a next capitalised word ("Cần Thơ", twice or more, never alone) or
        only with the same next word (three times or more); so do
        the last two words when the first is capitalised ("trường Tiểu học", heldout64)."""
        words = text.split()
        last = words[-1]
        if not last[:1].isupper() and len(words) >= 3 and words[-2][:1].isupper():
            last = " ".join(words[-2:])  # "… trường Tiểu học" where "Tiểu học Phạm Tu" is written
            words = words[:-1]
        if not last[:1].isupper() or not last.replace(" ", "").isalpha():
            return False
        if words[-2][-1:] in ".:!?":
            return False
        others = " ".join(ln.text for ln in self.lines if ln.no != line)
        # the name in capitals counts too ("TIỂU HỌC PHẠM TU" over the story)
        name = re.escape(last)
        after = [
            m[1] or ""
            for m in re.finditer(rf"(?<!\w)(?:{name}|{name.upper()})(?:\s+(\w+))?(?!\w)", others)
        ]
        if len(after) >= 2 and all(w[:1].isupper() for w in after):
            return True
        # "… Ủy ban Thường vụ Quốc" where "Quốc hội" is written six times (heldout68), "…
        # Trường ĐH Kinh tế" where "Kinh tế quốc dân" is twice (heldout67): a name the text
        # never writes without the same next word (three times, or twice for two words)
        most = 2 if " " in last else 3
        return len(after) >= most and after[0] != "" and len({w.casefold() for w in after}) == 1

    @staticmethod
    def _complete_part(text: str) -> tuple[str, str] | None:
        if has_final_punct(text):
            return None
        sentences = _sentences(text)
        glued = _ELLIPSIS_GLUE.search(sentences[-1]) if sentences else None
        if glued:  # "… nông dân Nghệ An? ...Tác phẩm tham gia …": the question is whole
            end = sentences[-1][: glued.start()].rstrip()
            return " ".join([*sentences[:-1], end]), sentences[-1][glued.end() :]
        trailed = _ELLIPSIS_END_GLUE.search(sentences[-1]) if sentences else None
        if trailed:  # "… phục dựng ghe Cà Hâu...Ngoài ra, …" (heldout45): the list is whole
            end = sentences[-1][: trailed.end()]
            return " ".join([*sentences[:-1], end]), sentences[-1][trailed.end() :]
        if len(sentences) < 2:
            return None
        return " ".join(sentences[:-1]), sentences[-1]

    def _unfinished(self, line: int, fragment: str) -> None:
        self.unsure[:] = [u for u in self.unsure if u.line != line]
        if _GLUED_CREDIT.match(fragment):
            why = "credit: who made the story, glued after its last sentence"
            self.dropped.append(Dropped(line, fragment, why, DropKind.CREDIT))
            return
        self.dropped.append(
            Dropped(
                line,
                fragment,
                "unfinished fragment: the text stops mid-sentence; read up to the last full stop",
                DropKind.UNFINISHED,
            )
        )


#: "Tổng thống … Nguyễn Phú Trọng - Sputnik Việt Nam": words, a spaced dash, an outlet's name.
_OUTLET_SIGNED = rc.compile(r"^(.{12,200}?)\s+[-–—|]\s+([^-–—|]{3,40})$")


def _outlet_alt_text(text: str) -> bool:
    """Below the headline, a line of one sentence without a stop, signed with the outlet's name
    after a dash: an image's alt text (the page's title and the outlet, heldout21's Sputnik)."""
    m = _OUTLET_SIGNED.match(text)
    if m is None or has_final_punct(m.group(1)) or len(_sentences(m.group(1))) > 1:
        return False
    name = m.group(2).strip()
    return is_outlet_name(name) or is_outlet_name(re.sub(r"\s+(?:Việt Nam|VN)$", "", name))


#: "… khó khăn bởi Thậm chí, format …": a linking word and its comma, capitalised after a word
#: in lower case: a sentence starts again where the copy lost the end of the one before.
_RESTART = rc.compile(
    rf"(?<=[{_LOW}])\s+(?=(?:Thậm chí|Tuy nhiên|Ngoài ra|Bên cạnh đó|Đồng thời|Mặt khác|Do đó"
    r"|Vì vậy|Trong khi đó|Trước đó|Sau đó),)"
)


def _restarted(text: str) -> tuple[str, str] | None:
    """A last line cut off, where a sentence starts again inside it (heldout53): the words
    before the restart are the story's, read; only the sentence after it is the fragment."""
    m = next(reversed([*_RESTART.finditer(text)]), None)
    if m is None or len(text[: m.start()].split()) < 8:
        return None
    return text[: m.start()], text[m.end() :]


def _left_open(text: str) -> bool:
    """A bracket or a quotation never closed ("… (Bình", "… phấn khởi: “Mặc dù … phụ giúp gia")."""
    return text.rfind("(") > text.rfind(")") or text.rfind("“") > text.rfind("”")


#: "… Nghệ An? ...Tác phẩm …": an ellipsis glued to what follows a sentence's end (heldout21).
_ELLIPSIS_GLUE = rc.compile(r"(?<=[.!?…])[\"”»)]?\s*(?:\.{3}|…)(?=\S)")
#: "… ghe Cà Hâu...Ngoài ra": a sentence's closing ellipsis glued to the next sentence.
_ELLIPSIS_END_GLUE = rc.compile(rf"(?<=[{_LOW}])(?:\.{{3}}|…)(?=[{_UP}])")
#: "Tác phẩm tham gia Liên hoan … của nhóm tác giả: …": the makers credited after the story.
_GLUED_CREDIT = rc.compile(
    r"^(?:Tác phẩm|Phóng sự|Bài|Chương trình)\b.{0,120}\b(?:tác giả|thực hiện|nhóm PV)\s*:", re.I
)


#: "Sản phẩm", "Ngư dân", "Sau khi": two or three words, all but the first in lower case (no
#: name, no byline), alone as the last line: the opening of a sentence cut off (heldout48).
def _comma_cut(text: str, words: list[str]) -> bool:
    """A last line on a comma was cut: a sentence going on past its comma, a clause's opening
    ("Trước đó,", heldout42), or an opening and a clause ("Trước đó, vào hôm 14/1,", heldout64);
    a list's words ending on a comma are read."""
    if len(words) >= 10 or (len(words) <= 4 and text.count(",") == 1):
        return True
    return _CLAUSE_ON_COMMA.match(text) is not None


#: An opening of two to four words in small letters after the capital, a comma, then a clause
#: in small letters: a sentence, not a list of names (which are capitalised).
_CLAUSE_ON_COMMA = rc.compile(rf"^[{_UP}][{_LOW}]*(?:\s[{_LOW}]+){{1,3}},\s[{_LOW}]+\s[^,]*,$")
_OPENING_WORDS = rc.compile(rf"^[{_UP}][{_LOW}]*(?:\s[{_LOW}]+){{1,2}}$")
#: A last line this long with no stop is a paragraph, not a caption or a heading.
_CUT_LINE_MIN_WORDS = 25


def _cut_syllable(last: str, texts: list[str], longer_min: int = 2) -> bool:
    """ "… thành thạo các bư", "… tình yêu con người tron": the last word of a long last line
    is written nowhere else in the text, whole, while words it begins are written twice or more
    ("bước", "trong")."""
    whole = longer = 0
    for text in texts:
        for w in re.findall(r"\w+", text.casefold()):
            whole += w == last
            longer += w != last and w.startswith(last)
    return whole == 1 and longer >= longer_min


def _cut_last_word(words: list[str], others: list[str], text: str) -> bool:
    """A long last line ends, right after a comma, on the first half of a word ("… Triều Tiên,
    vấn" where "vấn đề" is written, heldout55), or on a syllable cut (:func:`_cut_syllable`)."""
    clause = words[-2].endswith((",", ";"))  # one word after a comma: no clause ends so
    if len(words) >= 10 and clause and _compound_start(words[-1], [*others, " ".join(words[:-1])]):
        return True
    if len(words) >= _CUT_LINE_MIN_WORDS:
        return _cut_syllable(words[-1], [*others, text])
    # "Được một lúc thì ngư" (heldout64): a short line in small letters at its end, on a
    # syllable that begins a word the text writes five times or more ("người")
    lower = words[-1].islower() and words[-2].islower()
    return len(words) >= 4 and lower and _cut_syllable(words[-1], [*others, text], 5)


def _compound_start(last: str, texts: list[str]) -> bool:
    """``last`` is written three times or more elsewhere, each time followed by the same
    syllable: the first half of a word ("vấn" of "vấn đề"), never said alone."""
    after: set[str] = set()
    seen = 0
    for text in texts:
        tokens = [w.strip(".,;:!?()\"'“”").casefold() for w in text.split()]
        for i, w in enumerate(tokens[:-1]):
            if w == last:
                seen += 1
                after.add(tokens[i + 1])
        if tokens and tokens[-1] == last:
            return False  # it ends a line elsewhere
    return seen >= 3 and len(after) == 1


def _cut_after(context: tuple[str, ...], last: str, others: list[str]) -> bool:
    """``last`` is the start of a word the ``others`` write whole after the same ``context``
    words, and never stands as it is after them."""
    n = len(context)
    whole = longer = False
    for other in others:
        tokens = [w.strip(".,;:!?()\"'“”").casefold() for w in unglue_sentences(other).split()]
        for i in range(len(tokens) - n):
            if tuple(tokens[i : i + n]) == context:
                c = tokens[i + n]
                whole = whole or c == last
                longer = longer or (c.startswith(last) and c != last)
    return longer and not whole


#: Words that need what follows them, so no sentence ends on one ("… điểm chuẩn năm 2025 của"):
#: a last line stopping on one was cut ("mà" is left out: a quote may end on it, "rồi mà").
_NEVER_LAST = (
    _HEADLINE_NEVER_LAST
    | {"tại", "sự", "việc", "cuộc", "từng", "vì", "cũng"}
    | {
        "đã",
        "sẽ",
        "đang",
        "khi",  # "… không làm mọi người thất vọng đã" (heldout24)
    }
)


def _hangs(text: str) -> bool:
    """The line stops on a word that needs more ("… phát biểu tại", heldout28); "hiện tại",
    "tồn tại" end a phrase."""
    words = text.casefold().split()
    if not words:
        return False
    if words[-1] == "tại":
        return len(words) < 2 or words[-2] not in ("hiện", "tồn", "thực")
    return words[-1] in _HEADLINE_NEVER_LAST


#: "… giá lúa IR 50404 (tươi) hôm nay giảm 3", "Cảnh báo, từ 72-120": a bare number after a word
#: that opens an amount (its unit, or the rest of the number, cut off).
_OPEN_AMOUNT_END = rc.compile(
    r"\s(?:từ|giảm|tăng|mức|lên|xuống)\s+\d[\d.,]*(?:\s?[-–]\s?\d[\d.,]*)?$"
)
#: "… vụ cứu nạn vào năm" (heldout68): a date's word with no date; "…, bảo đảm an toàn tuyệt đối
#: về mọi mặt, đồng thời" (heldout67): a clause's conjunction with no clause after it.
_OPEN_CLAUSE_END = rc.compile(
    r"\s(?:vào|từ|đến)\s+(?:năm|tháng|ngày)$"
    r"|,\s+(?:đồng thời|nhưng|song|trong đó|bao gồm|cùng với|nhằm)$"
)
#: "… Ban Chỉ huy Phòng thủ dân sự - Phòng, chống": "phòng, chống" always names what it fights;
#: "… TP Hồ Chí" (heldout63): the city's and the president's name never stops there.
_OPEN_NAME_END = rc.compile(r"\b[Pp]hòng,?\s+chống$|\bHồ Chí$")
#: "Khổng Huyễn Hựu. (Ảnh: Chinhphu.vn)": a caption's words before its credit.
_BEFORE_CREDIT = rc.compile(r"^(.*?)\s*[(\[]?\s*(?:Ảnh|Nguồn|Video|Clip)\s*:", re.IGNORECASE)


_ALT_REASON = "caption: the photo's alt text over its caption"
#: A courtesy title before a name ("Bà Nguyễn Thị Kim Ngân"): the caption may give another.
_COURTESY = rc.compile(r"^(?:Ông|Bà|Anh|Chị|Cô|Chú|Em|Cháu|Cụ)\s+")


def _caption_run(ln: Line, blocks: list[Block]) -> bool:
    """ "Căng bạt che chắn chuồng …" / "Người dân mặc áo …" / "Cắt bạt mặc thêm áo …" over a
    paragraph: the last of photos' captions in a row (each short, no stop), no subheading
    (heldout56); a subheading stands under a paragraph that ends a sentence."""
    if not blocks or ln.no - blocks[-1].line > 2 or blocks[-1].kind is not BlockKind.PARAGRAPH:
        return False
    if _NUMBERED.match(ln.text):
        return False  # "3. Biểu diễn võ thuật" under the item before's caption (a programme)
    above = blocks[-1].text
    return not has_final_punct(above) and len(above.split()) <= HEADING_MAX_WORDS


def _list_goes_on(text: str, blocks: list[Block]) -> bool:
    """ "6. Giuse Trần Văn Toàn" under "5. Phêrô Trần Văn Nam" read as a paragraph: the list's
    last item, not a subheading over the next paragraph (heldout55)."""
    m = _NUMBERED.match(text)
    if m is None or not blocks:
        return False
    before = _NUMBERED.match(blocks[-1].text)
    return before is not None and int(before.group(1)) + 1 == int(m.group(1))


def _alt_over_caption(heading: str, caption: str) -> bool:
    """A short line with no stop whose words, a courtesy title aside, run inside the credited
    caption under it: the photo's alt text, printed over its caption (two words at least)."""
    words = _COURTESY.sub("", heading).split()
    if has_final_punct(heading) or not 2 <= len(words) <= 8:
        return False
    return f" {' '.join(words).casefold()} " in f" {' '.join(caption.split()).casefold()} "


def _caption_first_line(above: str, caption: str) -> bool:
    """ "Phó Thủ tướng … tiếp Đại sứ Trung Quốc" over "Khổng Huyễn Hựu. (Ảnh: Chinhphu.vn)": a
    caption printed over two lines, a name running across them (the line above ends on a
    capitalised word with no stop, the credited line holds only the name's end)."""
    before = _BEFORE_CREDIT.match(caption)
    if before is None or has_final_punct(above) or not 4 <= len(above.split()) <= TITLE_MAX_WORDS:
        return False
    rest = before.group(1).rstrip(" .")
    words = rest.split()
    return (
        1 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and above.split()[-1][:1].isupper()
    )


#: A text cut inside a word: its last token is a lone consonant letter ("… các dấu hiệu có t").
_STOPS_MID_WORD = rc.compile(
    rf"\s[bcdđghklmnpqrstvxz]$|\s[A-ZĐ]{{1,6}}-$"  # "… giao dịch, VN-"
    rf"|\s[{_LOW}]+\s[BCDĐGHKLMNPQRSTVX]$"  # "… với bộ đôi G": a lone capital after a word
    r"|\s[A-ZĐ]{2,6}\s[BCDĐGHKLMNPQRSTVX]$"  # "… trường THPT N" (heldout53): after an acronym
)
#: "… và iPadOS 15, watchO" (heldout61): a word in small letters ending on one capital is a
#: name cut inside ("watchOS").
_CAMEL_CUT = rc.compile(r"\s[a-z]{2,}[A-Z]$")
#: "… trong một ngày kh": the text stops on consonants that begin a syllable, without its vowel.
_NO_VOWEL_END = rc.compile(r"\s(?:ngh|ng|nh|ch|kh|gh|ph|th|tr|qu)$", re.IGNORECASE)
#: "… trên Tạp chí khoa học chuyên nghà": "ngh" and "gh" before a vowel other than i, e, ê
#: begin no Vietnamese syllable; the word was cut ("nghành" is a common slip, kept whole).
_BAD_ONSET_END = rc.compile(
    r"\s(?:(?i:(?:ngh|gh)(?![iíìỉĩịeéèẻẽẹêếềểễệ]))[^\W\d_]{0,2}"
    # "… bơi thuyền ka" (heldout68): "k" goes before i, y, e, ê only; lower case, so not
    # a minority's name ("Kon Tum")
    r"|k(?![hiíìỉĩịyýỳỷỹỵeéèẻẽẹêếềểễệ])[^\W\d_]{0,2})$"
)
#: "… năm 2016 xuố": a syllable stopped on a diphthong that always takes a final ("xuống").
#: ... nor on "â", "ă" without a final sound ("Được biết, đâ", heldout59).
_OPEN_DIPHTHONG_END = rc.compile(
    r"\s(?:[^\W\d_]*(?:[iy][êếềểễệ]|u[ôốồổỗộ]|ư[ơớờởỡợ])|[^\W\d_]{0,3}[âấầẩẫậăắằẳẵặ])$",
    re.IGNORECASE,
)


_NUMBERED = rc.compile(r"^(\d{1,2})\.\s+\S")
#: "iPhone 13", "eKYC": a brand written with a small letter first, a capital inside.
_INNER_CAPITAL = rc.compile(r"^[a-z]{1,3}[A-Z]")
_NUMBER_MARK = rc.compile(r"^\d{1,2}\.\s+")
_ROMAN_MARK = rc.compile(r"^[IVX]{1,4}\.\s+\S")


def _bigrams(text: str) -> set[tuple[str, str]]:
    words = [w.casefold() for w in re.findall(r"\w+", text)]
    return set(itertools.pairwise(words))


#: "- Tắc cao tốc …", "• …": an item of a list of links.
_LINK_ITEM = rc.compile(r"^[-•]\s")


def _links_under_lead(kept: list[Line]) -> set[int]:
    """ "- Tắc cao tốc Vĩnh Hảo – Phan Thiết, tài xế …" and more such lines right under the
    lead, which ends with a full stop (a list of the story's points follows a colon): two or
    more related links when each is a headline (see `_foreign_links`)."""
    first = next((i for i, ln in enumerate(kept) if _ends_sentence(ln.text)), None)
    if first is None or kept[first].text.rstrip().endswith(":"):
        return set()
    run: list[Line] = []
    for ln in kept[first + 1 :]:
        if not _LINK_ITEM.match(ln.text):
            break
        run.append(ln)
    if not run:
        # three or more related headlines with no bullet ("Bộ trưởng Bộ Nội vụ: Chính quyền cấp
        # xã …" over "Tổng Bí thư Tô Lâm: Dự kiến …"): a subheading stands alone over its text
        for ln in kept[first + 1 :]:
            if ln.hint or _ends_sentence(ln.text) or _caption_reason(ln.text):
                break
            run.append(ln)
        if len(run) < 3:
            return set()
    return _foreign_links(run, kept)


def _links_at_end(kept: list[Line]) -> set[int]:
    """ "- Trao 500 suất học bổng …" / "- Treo cờ Tổ quốc …" closing the text under its last
    sentence (not a colon): related links, as under the lead (see `_foreign_links`)."""
    run: list[Line] = []
    for ln in reversed(kept):
        if not _LINK_ITEM.match(ln.text):
            break
        run.insert(0, ln)
    above = kept[len(kept) - len(run) - 1] if len(run) < len(kept) else None
    if above is None or not _ends_sentence(above.text) or above.text.rstrip().endswith(":"):
        return set()
    return _foreign_links(run, kept)


def _foreign_links(run: list[Line], kept: list[Line]) -> set[int]:
    """Two or more listed lines, each a headline (six words or more, no stop) of which at most a
    quarter of the word pairs, over the run (and on any line, or half when bulleted), occur
    anywhere else in the text (a point of the story repeats its
    words; another story's headline does not): their line numbers, else none."""
    if len(run) < 2:
        return set()
    rest = _bigrams(" ".join(ln.text for ln in kept if ln not in run))
    total = common = 0
    share = 2 if all(_LINK_ITEM.match(ln.text) for ln in run) else 4  # bulleted: a list of links
    for ln in run:
        pairs = _bigrams(ln.text)
        shared = len(pairs & rest)
        total, common = total + len(pairs), common + shared
        if shared > len(pairs) / share or has_final_punct(ln.text) or len(ln.text.split()) < 6:
            return set()
    # the run as a whole: one headline may share a few words of a story on the same topic
    # ("Tin buồn: … qua đời" under an obituary's lead, heldout38)
    return {ln.no for ln in run} if common <= total / 4 else set()


def _numbered_sections(kept: list[Line]) -> set[int]:
    """ "1. Biểu quyết thông qua Luật …." … "2. Biểu quyết thông qua …": numbered items 1, 2, …
    (two or more, one sentence each, a title's length at most), each followed by a paragraph of
    its own before the next (the last may be cut off), head the text's sections even with a
    full stop. Items following one another are a list."""
    items = [i for i, ln in enumerate(kept) if _NUMBERED.match(ln.text)]
    numbers = [int(_NUMBERED.match(kept[i].text).group(1)) for i in items]  # type: ignore[union-attr]
    if len(items) < 2 or numbers != list(range(1, len(items) + 1)):
        return set()
    for n, i in enumerate(items):
        t = _NUMBER_MARK.sub("", kept[i].text)
        if len(_sentences(t)) != 1 or len(t.split()) > TITLE_MAX_WORDS:
            return set()
        end = items[n + 1] if n + 1 < len(items) else len(kept)
        body = kept[i + 1 : end]
        last = n + 1 == len(items)  # the text may be cut inside the last one
        # "1. Thời gian diễn ra kỳ thi:" over "• Ngày 05/6/2025: …": a heading over its list
        listed = kept[i].text.rstrip().endswith(":") and any(_BULLET.match(x.text) for x in body)
        if not body or not (last or listed or any(_ends_sentence(x.text) for x in body)):
            return set()
    return {kept[i].no for i in items}


def _outline_heads(kept: list[Line]) -> set[int]:
    """ "1. Tình hình dịch Covid-19 … của Ban Chỉ đạo" right over "1.1. Các số liệu thống kê …":
    an outline's item over its own first sub-item heads a section (one sentence, a title's
    length at most)."""
    heads = set()
    for ln, nxt in itertools.pairwise(kept):
        m = _NUMBERED.match(ln.text)
        if not m or not re.match(rf"^{m.group(1)}\.1\.?\s+\S", nxt.text):
            continue
        t = _NUMBER_MARK.sub("", ln.text)
        if len(_sentences(t)) == 1 and len(t.split()) <= TITLE_MAX_WORDS:
            heads.add(ln.no)
    return heads


def _page_widgets(lines: Sequence[Line]) -> dict[int, str]:
    """Chrome known from the page around it: a weather widget's rows, an image's name or alt
    text written without accents, a home-link breadcrumb over the headline."""
    out: dict[int, str] = {}
    for i, ln in enumerate(lines):
        if _is_weather(ln.text):
            out[id(ln)] = "widget: a weather widget"
            above = lines[i - 1] if i else None
            if above and _is_place(above.text) and _TEMPERATURE.match(ln.text) is not None:
                out[id(above)] = "widget: a weather widget"
    plain, stripped = _word_forms(lines)
    for ln in lines:
        if _unaccented_copy(ln.text, plain - _ascii_words(ln.text), stripped, lines):
            out[id(ln)] = "caption: an image's name or alt text (the words without accents)"
            if _ASCII_PHOTO_NUMBER.search(ln.text):
                out[id(ln)] = "caption: image alt text without accents, numbered ('… anh 1')"
    out.update(_counters_and_weather(lines))
    for k in range(min(3, len(lines))):  # under a masthead too
        if _home_trail_top(lines[k:]):
            out[id(lines[k])] = "widget: a breadcrumb opened by the home link"
    out.update(_video_box(lines))
    return out


#: "Mời quý vị và các bạn theo dõi video dưới đây", "* Mời quý độc giả theo dõi các chương trình
#: … trên TV Online!": a page's prompt to watch its video player.
_VIDEO_PROMPT = rc.compile(
    r"^\*?\s*(?:Kính\s+)?[Mm]ời\s+(?:quý\s+)?(?:vị|độc giả|bạn đọc|khán giả|các bạn|bạn)\b"
    r"[^.!?]{0,30}?\s(?:theo dõi|xem)\s(?:[^.!?]{0,40}\s)?(?:video|clip|chương trình)\b"
    r"[^.!?]{0,90}[.!:]?$"  # "… đã phát sóng của Đài … trên TV Online và VTVGo!" (heldout46)
)


def _video_box(lines: Sequence[Line]) -> dict[int, str]:
    """A video prompt, and under it the video's box: a title (headline-shaped) and the one
    sentence summing it up on the very next line (a block of its own, where paragraphs stand
    apart). A paragraph under the prompt (the player not scraped) is read."""
    out: dict[int, str] = {}
    for i, ln in enumerate(lines):
        if not _VIDEO_PROMPT.match(ln.text):
            continue
        out[id(ln)] = "widget: a prompt to watch the page's video"
        box = lines[i + 1 : i + 3]
        if not box or not _headline_shaped(box[0]) or has_final_punct(box[0].text):
            continue
        if len(box) == 2 and box[1].no == box[0].no + 1 and len(_sentences(box[1].text)) == 1:
            out[id(box[0])] = "widget: the video's title under its prompt"
            out[id(box[1])] = "widget: the video's summary under its title"
    return out


def _is_weather(text: str) -> bool:
    """ "23°C / 22-25°C", "Hà Nội: 25°C Hà Nội": temperatures, with at most a place's name."""
    if not re.search(r"\d\s*°\s*C", text) or _ends_sentence(text):
        return False
    rest = re.sub(r"-?\d{1,2}\s*(?:[-–]\s*-?\d{1,2}\s*)?°\s*C?|[/:|]", " ", text).split()
    return len(rest) <= 8 and all(w[0].isupper() for w in rest)


def _is_place(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 4 and all(w[0].isupper() for w in words) and not has_final_punct(text)


def _strip_accents(word: str) -> str:
    base = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in base if not unicodedata.combining(c)).casefold()


def _ascii_words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"\w+", text) if w.isascii()}


def _word_forms(lines: Sequence[Line]) -> tuple[set[str], set[str]]:
    """Words the text writes without accents, and the accent-stripped forms of those it writes
    with them."""
    plain: set[str] = set()
    stripped: set[str] = set()
    for ln in lines:
        for w in re.findall(r"\w+", ln.text):
            if w.isascii():
                plain.add(w.casefold())
            else:
                stripped.add(_strip_accents(w))
    return plain, stripped


_ASCII_ALT = rc.compile(r"^[A-Za-z]+(?: [A-Za-z0-9]+){1,9}$")
#: "Xe khach cho nhieu tre em … lao xuong deo anh 1": an image's alt text, unaccented, numbered
#: as the accented "… - Ảnh 1" is ("ảnh" written "anh").
_ASCII_ALT_LONG = rc.compile(r"^[A-Za-z]+(?: [A-Za-z0-9]+){1,19}$")
_ASCII_PHOTO_NUMBER = rc.compile(r"\s(?:[Hh]inh\s+)?[Aa]nh\s+\d{1,2}$")


#: "Hôm nay: 71", "Tháng trước: 60,075", "Đang online: 5": a row of the site's visit counter.
_COUNTER_ROW = rc.compile(
    r"^(?:Hôm nay|Hôm qua|Tuần này|Tuần trước|Tháng này|Tháng trước|Năm nay|Tất cả|Tổng cộng"
    r"|Trong tuần|Trong tháng|Trong năm"
    rf"|{_VISITS})\s*:\s*[\d.,]*$",  # "Hôm nay:" with its number gone (heldout22)
    re.IGNORECASE,
)
#: "Lượt truy cập" alone over the counter's rows: the widget's label.
_COUNTER_LABEL = rc.compile(rf"^(?:{_VISITS})\s*:?$", re.IGNORECASE)
#: The sky in a weather widget's words ("Thỉnh thoảng có nắng", "Có mưa rào", "Nhiều mây").
_SKY_WORD = rc.compile(r"\b(?:nắng|mưa|mây|giông|dông|sương|âm u|quang đãng|gió|rào)\b", re.I)
#: "Cao:+36", "Thấp:+25": a weather widget's highest and lowest temperatures.
_HIGH_LOW = rc.compile(r"^(?:Cao|Thấp)\s*:\s*[+-]?\d{1,2}\s*(?:°\s*C?)?$")


def _counters_and_weather(lines: Sequence[Line]) -> dict[int, str]:
    """A visit counter's rows (two or more together: "Hôm nay: 71" alone may be a story's) and a
    weather widget: "Cao:+36" / "Thấp:+25", the place over its temperature above them and the
    sky's short description under them ("Quảng Trị" / "+35" / "°" / "C" / … / "Thỉnh thoảng có
    nắng")."""
    out: dict[int, str] = {}
    rows = [i for i, ln in enumerate(lines) if _COUNTER_ROW.match(ln.text)]
    for i in rows:
        if any(j != i and abs(j - i) <= 2 for j in rows):
            out[id(lines[i])] = "widget: the site's visit counter"
            if i > 0 and _COUNTER_LABEL.match(lines[i - 1].text.strip()):
                out[id(lines[i - 1])] = "widget: the site's visit counter"  # its label (heldout60)
    highs = [i for i, ln in enumerate(lines) if _HIGH_LOW.match(ln.text)]
    if len(highs) < 2:
        return out
    for i in highs:
        out[id(lines[i])] = "widget: a weather widget"
    k = highs[0]
    while k > 0 and _junk_kind(lines[k - 1].text):
        k -= 1  # "+35", "°", "C": the temperature in pieces
    if k > 0 and k < highs[0] and _is_place(lines[k - 1].text):
        out[id(lines[k - 1])] = "widget: a weather widget"
    after = highs[-1] + 1
    if after < len(lines):
        sky = lines[after].text  # "Thỉnh thoảng có nắng"; never a headline ("Bão số 3 đổ bộ")
        if len(sky.split()) <= 6 and not re.search(r"[.,;:!?]", sky) and _SKY_WORD.search(sky):
            out[id(lines[after])] = "widget: a weather widget"
    return out


def _unaccented_copy(text: str, plain: set[str], stripped: set[str], lines: Sequence[Line]) -> bool:
    """ "khanh thanh cau dan sinh", "Phan Dong": a line in unaccented Vietnamese (an image's file
    name or alt text) — two or more of its words are words the text writes only with accents,
    and it starts in lower case or copies a run of words of another line."""
    numbered = _ASCII_PHOTO_NUMBER.search(text) is not None
    if not text.isascii() or not (
        _ASCII_ALT.match(text)
        or (_ASCII_ALT_LONG.match(text) and (numbered or _whole_copy(text, lines)))
    ):
        return False
    words = [w.casefold() for w in text.split() if not re.search(r"\d", w)]
    hits = [w for w in words if w in stripped and w not in plain]
    if len(hits) < 2:
        return False
    if text[0].islower() or numbered:
        return True
    run = " ".join(words)
    return any(
        ln.text != text and run in " ".join(_strip_accents(w) for w in re.findall(r"\w+", ln.text))
        for ln in lines
    )


def _whole_copy(text: str, lines: Sequence[Line]) -> bool:
    """ "va cham voi xe tai tay choi moto …": every word of another line (the headline), in
    order, with its accents and punctuation gone."""
    words = text.casefold().split()
    return any(  # "32.000" written "32000" (heldout62): a number's dot goes with the accents
        ln.text != text
        and [_strip_accents(w) for w in re.findall(r"\w+", _DIGIT_GROUP.sub("", ln.text))] == words
        for ln in lines
    )


_DIGIT_GROUP = rc.compile(r"(?<=\d)[.,](?=\d{3}\b)")


def _home_trail_top(lines: Sequence[Line]) -> bool:
    """ "Trang chủ Bờ cõi biển đảo Cuộc sống vùng biên" as the first line, no punctuation, twelve
    words at most, with a headline-shaped line below it before the story: the breadcrumb."""
    t = lines[0].text
    if not t.startswith(("Trang chủ ", "Home ")):
        return False
    if any(len(ln.text.split()) >= 5 and t.endswith(" " + ln.text) for ln in lines[1:5]):
        return True  # "Home Tin tức Vĩnh Long: Lễ …" over "Vĩnh Long: Lễ …" (heldout61)
    if len(t.split()) > 12 or re.search(r"[,.:;!?()]", t):
        return False
    for ln in lines[1:5]:
        if _ends_sentence(ln.text):
            return False
        if len(ln.text.split()) >= 5 and not _match_date(ln.text):
            return True
    return False


#: "Tin Hoa Kỳ", "Tin NỔI BẬT": a site's news section named after "Tin".
_NEWS_SECTION = rc.compile(rf"^(?=Tin\s+[{_UP}]){_NEWS_CATEGORY}$")


_BULLET = rc.compile(r"^\s*[•*-]\s+")


def _menu_list(lines: Sequence[Line]) -> set[int]:
    """ "• Thời sự" / "• Chính trị" / "• An ninh - Quốc phòng" …: four or more bulleted items
    in a row, each of six words at most with no stop, half of them or more section names."""
    found: set[int] = set()
    run: list[Line] = []
    for ln in [*lines, Line(-1, "")]:
        item = _BULLET.sub("", ln.text) if _BULLET.match(ln.text) else None
        if item and len(re.findall(r"[^\W\d_]+", item)) <= 6 and not has_final_punct(item):
            run.append(ln)
            continue
        names = sum(_is_breadcrumb(_BULLET.sub("", x.text)) for x in run)
        if len(run) >= 4 and 2 * names >= len(run):
            found |= {x.no for x in run}
        run = []
    return found


def _menu_column(lines: Sequence[Line]) -> set[int]:
    """ "Menu" / "Chính trị" / "Văn hóa" / "Nghệ thuật" …: five or more lines in a row, each of
    four words at most with no stop or digit (a number before it aside), half of them or more
    section names: the site's menu without bullets, with its "Menu" label (heldout41)."""
    found: set[int] = set()
    run: list[Line] = []
    for ln in [*lines, Line(-1, "")]:
        t = _item(ln.text.strip())  # "  1. Chính trị": numbered
        if t and len(t.split()) <= 4 and not has_final_punct(t) and not re.search(r"\d", t):
            run.append(ln)
            continue
        names = sum(_is_breadcrumb(_item(x.text.strip())) for x in run)
        if len(run) >= 5 and 2 * names >= len(run):
            found |= {x.no for x in run}
        run = []
    return found


#: "canh bao ma doc ma hoa tong tien moi gandcrab Công bố …": an image's slug (lower-case words
#: without accents) glued before a related headline.
_SLUG_PREFIX = rc.compile(r"^((?:[a-z0-9]+\s){4,}[a-z0-9]+)\s+(?=[A-ZĐ]\S*\s\S)")


def _slugged_links(lines: Sequence[Line]) -> set[int]:
    """A line opening with an image's slug, then a headline without a stop, the slug written
    again elsewhere (another such link, or the image's alt text; heldout41's Lao động Thủ đô
    page, whose two links came joined on one line): related links."""
    by_slug: dict[str, list[int]] = {}
    for ln in lines:
        m = _SLUG_PREFIX.match(ln.text)
        if m and not has_final_punct(ln.text):
            by_slug.setdefault(m.group(1), []).append(ln.no)
    text = "\n".join(ln.text for ln in lines)
    return {no for slug, nos in by_slug.items() if text.count(slug) >= 2 for no in nos}


def _members(lines: Sequence[Line]) -> set[int]:
    """ "Thành viên nổi bật" / "Hoàng Anh Tuấn" / "921" / "-" / "Khả Trần" / "836" …: a forum's
    list of members under its header, each name followed by a score (a name with no score
    after it, the poster's, ends the list)."""
    head = next((i for i, ln in enumerate(lines) if _MEMBERS_HEADER.match(ln.text)), None)
    if head is None:
        return set()
    found = {lines[head].no}
    rest = [ln for ln in lines[head + 1 :] if ln.text.strip() not in ("-", "–")]
    for name, score in itertools.pairwise(rest):
        if not (_is_name_line(name.text) and re.fullmatch(r"[\d.,]+", score.text.strip())):
            if not re.fullmatch(r"[\d.,]+", name.text.strip()):
                break
            continue
        found |= {name.no, score.no}
    return found


#: "The Vietnamese Newspaper": an overseas paper's masthead line in English (heldout52).
_ENGLISH_MASTHEAD = rc.compile(
    r"^(?:The\s+)?(?:[A-Z][a-z]+\s+){0,4}(?:News(?:paper)?|Times|Post|Daily|Journal|Magazine"
    r"|Online|Herald|Tribune|Weekly|Review)$"
)


def _masthead(lines: Sequence[Line]) -> set[int]:
    """An English masthead line among the page's first lines, and the paper's name right over
    it ("Nhân Quyền" over "The Vietnamese Newspaper"): the site's name, no headline or byline."""
    for i, ln in enumerate(lines[:6]):
        if not _ENGLISH_MASTHEAD.match(ln.text):
            continue
        found = {ln.no}
        above = lines[i - 1].text if i else ""
        if (
            above
            and len(above.split()) <= 3
            and not has_final_punct(above)
            and not any(c.isdigit() for c in above)
        ):
            found.add(lines[i - 1].no)
        return found
    return set()


def _menu_tail(lines: Sequence[Line]) -> set[int]:
    """ "Tin NỔI BẬT" / "Tin Chính trị" / "Tin Hoa Kỳ" / "Tin Di trú" closing the page, with
    nothing after them but chrome: two or more section names of the site's menu; or a section
    name among the sidebar's widgets closing the page ("Thời tiết" over "Tỷ giá ngoại tệ",
    "Thống kê truy cập", "Đang online 2721")."""
    names: set[int] = set()
    widgets = 0
    for ln in reversed(lines):
        if _NEWS_SECTION.match(ln.text) or ln.text.casefold() in SECTION_NAMES:
            names.add(ln.no)
        elif _junk_kind(ln.text):
            widgets += 1
        else:
            break
    return names if len(names) >= 2 or (names and widgets >= 2) else set()


def _related_box(lines: Sequence[Line]) -> set[int]:
    """Two or more table cells ("| … |") right under the first line and over the lead, with no
    image before them and no credit in them: a box of related articles' summaries, which pages
    set beside the headline (a photo's cells stand under the image's marker, and a photo story's
    cells among the paragraphs)."""
    box: list[Line] = []
    first = 0 if lines and _TABLE_CELL.search(lines[0].text) else 1
    for ln in lines[first:]:
        cell = ln.text.startswith("| ") or (first == 0 and _TABLE_CELL.search(ln.text))
        if not cell or (first == 0 and _ends_sentence(ln.text.rstrip(" |"))):
            break
        box.append(ln)
    rest = lines[len(box) + first :]
    if len(box) < 2 or not rest or rest[0].text.startswith("|"):
        return set()
    if any(_CAPTION_CREDIT.search(ln.text) or _is_image_marker(ln.text) for ln in box):
        return set()
    return {ln.no for ln in box}


def _gallery_captions(lines: Sequence[Line]) -> set[int]:
    """Under a photo gallery's label ("Hình ảnh ghi nhận tại …:"), the short lines without a
    sentence's stop that follow it: its pictures' words (heldout49). The first line of a
    sentence with its stop, or of more than 20 words, ends the gallery; two lines at least."""
    for i, ln in enumerate(lines):
        if not _GALLERY_LABEL.match(ln.text):
            continue
        taken: set[int] = set()
        for x in lines[i + 1 :]:
            bare = x.text.removesuffix("...").removesuffix("…")
            if len(x.text.split()) > 20 or has_final_punct(bare) or len(_sentences(bare)) > 1:
                break
            taken.add(x.no)
        if len(taken) >= 2:
            return taken
    return set()


def _top_repeats(lines: Sequence[Line]) -> set[int]:
    """Lines of a link printed twice in a row above the story ("Tư tưởng Hồ Chí Minh 20 tháng
    11" twice: a menu's or a banner's), when another line still stands between them and the
    first sentence (a headline repeated right over the lead is a duplicate, not this)."""
    top: list[Line] = []
    for ln in lines:
        if _ends_sentence(ln.text):
            break
        if not _junk_kind(ln.text):  # "3 giờ trướcBài gốc" between: no line of the story
            top.append(ln)
    return {
        x.no
        for i in range(len(top) - 2)
        if top[i].text == top[i + 1].text
        and len(top[i + 2].text.split()) < 20  # not over a lead written without its stop
        and outlet_tag(top[i + 2].text) is None  # not over the story's tagged opening (heldout50)
        for x in (top[i], top[i + 1])
    }


def _is_breadcrumb(text: str) -> bool:
    """A section name ("Thời sự", "Sao") or a trail of short names with one of them ("Tin tức -
    Sự kiện", "Thể thao > Bóng đá"); a trail opened by its marker ("> Tin tức - Sự kiện > Tin
    hoạt động HĐND > <the page's title>") may end in the page's long title."""
    if text.casefold() in SECTION_NAMES:
        return True
    words = text.casefold().split()
    if (
        len(words) <= 6
        and any(  # "Thời sự Trong tỉnh": two section names, no separator
            " ".join(words[:i]) in SECTION_NAMES and " ".join(words[i:]) in SECTION_NAMES
            for i in range(1, len(words))
        )
    ):
        return True
    if re.match(r"^Trang chủ\s", text) and len(text.split()) <= 6 and not has_final_punct(text):
        return True  # "Trang chủ Bài nổi bật": the home link opens a trail
    if _ends_in_trail(text):
        return True
    if re.match(r"^(?:Trang chủ\s*)?[>»]", text):
        steps = [p.strip() for p in re.split(r"\s*[>»]\s*", text) if p.strip()]
        first = re.split(r"\s+[-–/|]\s+", steps[0]) if steps else []
        if len(steps) >= 2 and any(p.casefold() in SECTION_NAMES for p in first):
            return True
    parts = re.split(r"\s+[-–>»/|]\s+|\s*[>»|]\s*", text)
    if len(parts) < 2 or any(not p or len(p.split()) > 4 or has_final_punct(p) for p in parts):
        return False
    return any(p.casefold() in SECTION_NAMES for p in parts)


_GLUED_BYLINE = rc.compile(r"^(.*\S[.!?…][\"”»]?)\s?([^\s.!?…\"”»][^.!?…]{0,40})$")


def _glued_byline(text: str) -> tuple[str, str] | None:
    """(story, byline) when a byline by its form ("PV", "THU THẢO", "Theo TTXVN") is glued to
    the full stop of the story's last sentence ("… tháng 5/2022.PV"), else None."""
    m = _GLUED_BYLINE.match(text)
    if not m or not _is_byline_anywhere(m.group(2).strip()):
        return None
    spaced = text[len(m.group(1))] == " "
    if spaced and not _is_all_caps(m.group(2)):
        return None  # "… dự án lớn. Theo kế hoạch": a sentence cut off, not a source
    return m.group(1), m.group(2).strip()


def _title_opening(text: str, title: str | None) -> bool:
    """ "BÁO CÁO NHANH" under "Báo cáo nhanh công tác trực ban …": the title's opening words
    (a document's heading), not a byline."""
    words = text.casefold().split()
    return (
        bool(title) and len(words) >= 2 and (title or "").casefold().split()[: len(words)] == words
    )


def _ends_in_trail(text: str) -> bool:
    """ "Những chủ trương công tác lớn Tin tức - Thời sự": a menu line closing with a trail of
    section names joined by a dash (each step a known section name)."""
    parts = re.split(r"\s+[-–>»|]\s+", text)
    if len(parts) != 2 or has_final_punct(text) or parts[1].casefold() not in SECTION_NAMES:
        return False
    words = parts[0].split()
    return any(" ".join(words[-n:]).casefold() in SECTION_NAMES for n in (1, 2, 3))


def _bulleted_label(kept: list[Line]) -> bool:
    """ "• Chuyển đổi số" first, over the headline (or a place over it): the page's section
    label, bulleted in its menu (heldout45)."""
    if len(kept) < 3 or kept[0].hint or not _LEAD_BULLET.match(kept[0].text):
        return False
    label = _LEAD_BULLET.sub("", kept[0].text)
    if len(label.split()) > 5 or has_final_punct(label) or _LEAD_BULLET.match(kept[1].text):
        return False
    return _headline_shaped(kept[1]) and any(_is_body_line(k.text) for k in kept[2:6])


def _is_label_over_headline(kept: list[Line]) -> bool:
    """ "Sao" over "Nhận bão chỉ trích …, NSND Việt Anh tự 'bảo vệ' bằng cách này" over the lead:
    a word or two over a headline-shaped line of six words or more, itself over a sentence, is
    the page's section label (a one-word title stands right over the lead). A section's name
    in lower-case words ("Cuộc sống quanh ta") may have four words over a headline of twice as
    many."""
    if len(kept) < 3 or kept[0].hint or kept[1].hint == "caption":
        return False
    label, head, body = (k.text for k in kept[:3])
    if len(kept) > 3 and (_is_name_line(body) or _credit_and_date(body) or _match_date(body)):
        body = kept[3].text  # "Mộc Đức" (its date split off) between the headline and the lead
    words = label.split()
    phrase = 2 < len(words) <= 4 and len(label) <= 25 and len(head.split()) >= 2 * len(words)
    # "Xây dựng nông thôn mới" over "Huyện Nghĩa Hưng (Nam Định) đạt chuẩn nông thôn mới": a
    # section's topic of up to five words whose last two the headline repeats
    topic = len(words) == 5 and len(label) <= 30 and len(head.split()) >= len(words) + 3
    topic = topic and f" {' '.join(words[-2:]).casefold()}" in f" {head.casefold()}"
    phrase = (phrase or topic) and all(w.islower() for w in words[1:])
    # "Giáo Hội Việt Nam" over "Gp Thanh Hóa: Thánh lễ …" (heldout55): a section's name in
    # title case, three or four words over a headline of three times as many
    named = 2 < len(words) <= 4 and len(label) <= 25 and len(head.split()) >= 3 * len(words)
    phrase = phrase or (named and all(w[:1].isupper() for w in words))
    if ((len(words) > 2 or len(label) > 15) and not phrase) or has_final_punct(label):
        return False
    if not _headline_shaped(kept[1]) or len(head.split()) < 6 or _is_credit_line(head):
        return False
    return _ends_sentence(body) or len(_sentences(body)) > 1


#: A stack of page chrome over the headline: two to four short lines.
_STACK_MAX_LINES = 4
_STACK_LINE_MAX_WORDS = 8
_STACK_HEADLINE_MIN_WORDS = 10


#: "Nhân Văn - Tin Cậy - Kịp Thời - Hấp dẫn": three or more capitalised words or pairs set apart
#: by spaced dashes (heldout20).
_SLOGAN = rc.compile(
    rf"^[{_UP}][{_LOW}]*(?:\s[{_UP}{_LOW}][{_LOW}]*)?(?:\s[-–]\s[{_UP}][{_LOW}]*"
    rf"(?:\s[{_UP}{_LOW}][{_LOW}]*)?){{2,4}}$"
)


#: A party portal's banner over the page (heldout27): a slogan, not the headline.
_PORTAL_SLOGAN = rc.compile(
    r"(?:học tập và làm theo tư tưởng,? đạo đức,? phong cách Hồ Chí Minh|Đảng Cộng sản Việt Nam"
    r" quang vinh muôn năm)\s*[.!]?$",
    re.IGNORECASE,
)
#: "UBND Xã Sơn Mùa", "Huyện Sơn Tây", "Tỉnh Quảng Ngãi": a government portal's name, a unit a
#: line, stacked on top of its page (heldout26).
_ADMIN_NAME = rc.compile(
    r"^(?:(?:UBND|Ủy ban nhân dân|HĐND|Đảng ủy|Đảng bộ)\s+)?"
    r"(?:[Xx]ã|[Pp]hường|[Tt]hị trấn|[Hh]uyện|[Qq]uận|[Tt]hị xã|[Tt]hành phố|[Tt]ỉnh)"
    rf"(?:\s+[{_UP}][{_LOW}]*){{1,3}}$"
)


def _stack_over_headline(kept: list[Line]) -> int:
    """ "Môi trường hôm nay" / "Ô nhiễm môi trường" over "Sơ kết Cụm thi đua số 1 …" over the lead:
    two or more short lines (a masthead, a section and its subsection, an outlet's English name)
    over a headline-shaped line of ten words or more, a sentence within the next two lines. A
    headline is one line, so a stack over it is the page's. Returns how many lines to drop."""
    for k in range(2, min(_STACK_MAX_LINES, len(kept) - 2) + 1):
        stack, head = kept[:k], kept[k]
        if any(not _stack_line(ln) for ln in stack):
            return 0
        words = len(head.text.split())
        if (
            not head.hint
            and _headline_shaped(head)
            and words >= _STACK_HEADLINE_MIN_WORDS
            and all(len(ln.text.split()) * 3 <= words * 2 for ln in stack)
            and not _is_byline_anywhere(head.text)
            and any(_is_body_line(ln.text) for ln in kept[k + 1 : k + 3])
        ):
            return k
    return 0


def _junk_after(text: str, st: _ChromeState) -> tuple[DropKind, str] | None:
    """:func:`_junk_kind`, and the rest of a page's prompt cut after a word needing more."""
    junk = _junk_kind(text)
    if junk is None and st.prompt_goes_on and _prompt_tail(text):
        junk = DropKind.WIDGET, "widget: the rest of a page's prompt"
    st.prompt_goes_on = bool(junk and junk[0] is DropKind.WIDGET and _hangs(text))
    return junk


def _prompt_tail(text: str) -> bool:
    """ "Thế Giới Di Động" under "… trên trang Tin Công Nghệ của" (heldout60): a name of five
    words at most, no sentence, ending the prompt above it."""
    return len(text.split()) <= 5 and not has_final_punct(text) and text[:1].isupper()


#: "Bấm vào đây để duy trì trạng thái đăng nhập": a page's prompt.
_CLICK_HERE = rc.compile(r"\b(?:Bấm|Nhấn|Nhấp|Click)\s+(?:vào\s+)?(?:đây|here)\b", re.I)
#: "Link nội dung: https://…": the address the story was taken from.
_SOURCE_LINK = rc.compile(r"^(?:Link|Đường dẫn|Nguồn)(?:\s+[^\W\d_]+){0,2}\s*:\s*https?://", re.I)
#: "Chuyên mục khác", "Tin khác": the header of a list of other stories.
_OTHER_LIST = rc.compile(r"^(?:Chuyên mục|Tin|Bài|Bài viết|Tin tức)\s+khác\s*:?$", re.I)
_WORDS_ONLY = rc.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)*")


def _after_byline_kind(text: str) -> tuple[DropKind, str]:
    """Why a line after the byline goes: a related headline (six words or more), else the
    page's label or prompt, or the link to the story's source (heldout32)."""
    if _SOURCE_LINK.match(text):
        return DropKind.CREDIT, "credit: the link to the story's source"
    short = len(text.split()) < _TEASER_MIN_WORDS and bool(_WORDS_ONLY.fullmatch(text))
    if is_related_header(text) or _OTHER_LIST.match(text):
        return DropKind.TEASER, "teaser: a related-articles header after the byline"
    if short or is_interface_line(text) or is_form_note(text) or _CLICK_HERE.search(text):
        return DropKind.WIDGET, "widget: a page's label or prompt after the byline"
    return DropKind.TEASER, "teaser: related article after the byline"


def _said_otherwise(text: str) -> bool:
    """A short line that is no heading by its words: a speech's salutation ("Thưa toàn thể cử
    tri …,"), a photo's caption ("Toàn cảnh phiên tòa", "… phát biểu tại lễ …"), an event's
    facts ("Thời gian: 12/10- 14/10 Âm lịch"), a table's row ("Tổng cộng 120.593 105.420 87")."""
    return bool(
        text.endswith(",")
        or _SALUTATION.match(text)
        or _VIEW_WORDS.match(text)
        or _SCENE_WORDS.search(text)
        or _INFO_FIELD.match(text)
        or (len(_TABLE_NUMBER.findall(text)) >= 3 and not _NUMBERED.match(text))
    )


def _title_tail(text: str, title: str | None) -> bool:
    """ "Tiếp xúc cử tri tại xã Thường Phước 1" under "Đại biểu HĐND huyện tiếp xúc cử tri tại xã
    Thường Phước 1": the headline's last four words or more, a photo's caption (heldout31)."""
    if not title or re.search(r"\s[|:–-]\s|:\s", title):
        return False  # "60 Giây ngày 9/12/2025 | TP. Hồ Chí Minh …": a roundup's first item
    a = [k for k in (_key(w) for w in text.split()) if k]
    b = [k for k in (_key(w) for w in title.split()) if k]
    return 4 <= len(a) < len(b) and b[-len(a) :] == a


def _named_tag(text: str) -> bool:
    """The line opens with an outlet's tag that names it ("(Ngày Nay) -"), not a bare dash."""
    tag = outlet_tag(text)
    return tag is not None and bool(tag[0])


def _separated_link(lines: list[Line], i: int) -> bool:
    """ "-" / "Phát hiện hành vi chôn lấp …" / "-" / "Khởi tố chủ cơ sở …": headlines of six words
    or more between lone separator lines, three in a row or more, over the story (heldout33)."""

    def sep(k: int) -> bool:
        return 0 <= k < len(lines) and lines[k].text.strip() in {"-", "–", "•", "|", "*"}

    def glued(k: int) -> bool:  # "… gian lận thương mại -" / "Nếu không có …?" (heldout59)
        return 0 <= k < len(lines) and lines[k].text.rstrip().endswith((" -", " –"))

    def link(k: int) -> bool:
        if not 0 <= k < len(lines):
            return False
        after_glued = glued(k - 1) and link(k - 1)
        shaped = _related_shaped(lines[k]) or (after_glued and _asks(lines[k]))
        return shaped and (sep(k - 1) or sep(k + 1) or after_glued)

    if not link(i):
        return False
    run = [k for k in range(i - 6, i + 7) if link(k)]
    return len(run) >= 3


#: A related story's headline is a full claim ("Tài xế tố bị cướp tiền trên cao tốc …"); a
#: section's heading is shorter ("Ngủ màn kể cả ban ngày").
_PAIR_HEADLINE_MIN_WORDS = 8


def _summary_pairs(kept: list[Line]) -> int:
    """Three or more related stories close the page, each a headline (six words or more, no
    stop) over a summary of one or two sentences (heldout36): how many pairs, else 0. Sections
    of the story have longer paragraphs or fewer of them."""
    pairs, i = 0, len(kept)
    while i >= 2:
        head, summary = kept[i - 2], kept[i - 1]
        t = summary.text
        if not (
            _related_shaped(head)
            and len(head.text.split()) >= _PAIR_HEADLINE_MIN_WORDS  # a claim, not a section's
            and _ends_sentence(t)
            and len(_sentences(t)) <= 2
            and len(t.split()) <= 45
            and not _is_byline_anywhere(t)
        ):
            break
        pairs, i = pairs + 1, i - 2
    before = kept[i - 1].text if i >= 1 else ""
    return pairs if pairs >= 3 and i >= 2 and _ends_sentence(before.rstrip(" |")) else 0


def _related_over_headline(kept: list[Line]) -> int:
    """Three or more headlines of six words or more stacked over the lead (heldout32's VOV page):
    the story's is the last, whose words the lead and the next lines take up; the others, about
    other places and events, are related headlines. Returns how many lines to drop."""
    run = 0
    while run < len(kept) - 1 and _related_shaped(kept[run]):
        run += 1
    if run < 3 or not _is_body_line(kept[run].text):
        return 0
    body = {_key(w) for ln in kept[run : run + 4] for w in ln.text.split()} - {""}

    def shared(ln: Line) -> float:
        words = [k for k in (_key(w) for w in ln.text.split()) if k]
        return sum(k in body for k in words) / max(1, len(words))

    head = shared(kept[run - 1])
    others = [shared(ln) for ln in kept[: run - 1]]
    return run - 1 if head >= 0.5 and all(x * 1.5 < head for x in others) else 0


def _asks(ln: Line) -> bool:
    """A headline asking a question: one sentence of six words or more ending with "?"."""
    t = ln.text.rstrip()
    words = len(t.split())
    return (
        t.endswith("?")
        and _TEASER_MIN_WORDS <= words <= TITLE_MAX_WORDS
        and len(_sentences(t)) == 1
    )


def _related_shaped(ln: Line) -> bool:
    t = ln.text
    return (
        not ln.hint
        and _TEASER_MIN_WORDS <= len(t.split()) <= TITLE_MAX_WORDS
        and not has_final_punct(t)
        and not t.endswith((":", ",", ";"))
        and len(_sentences(t)) == 1
        and not _is_byline_anywhere(t)
    )


def _stack_line(ln: Line) -> bool:
    t = ln.text
    return (
        not ln.hint
        and len(t.split()) <= _STACK_LINE_MAX_WORDS
        and not has_final_punct(t)
        and not t.endswith((":", ",", ";"))
        and not _is_byline_anywhere(t)
        and not (_is_name_line(t) and is_person_name(_name_core(t)))
    )


#: "Trả lời", "Bình luận (0)", "Ý kiến bạn đọc": a comment box's header.
_COMMENT_WORDS = rc.compile(
    r"\b(?:bình luận|ý kiến|trả lời|phản hồi|nhận xét|comments?|reply)\b", re.IGNORECASE
)
#: A related headline has a claim: six words or more.
_TEASER_MIN_WORDS = 6


def _comment_form(lines: Sequence[Line]) -> int | None:
    """Where a comment form closing the page starts, after the story's sentences: its header ("Trả
    lời": an interface line with a comment word) or a note of the form written as a sentence
    ("Bạn vui lòng nhập từ 5 ký tự trở lên !!!", see `pageui.is_form_note`), when every line
    after it is the form's too: an interface word, another note, or the few words that end a
    note cut over two lines ("Xin hãy đợi" / "60 giây nữa."). Interface lines right above it
    (a share button, "ĐỌC NHIỀU") join the zone. Its first line number."""
    texts = [(ln.no, ln.text) for ln in lines if ln.text.strip()]
    body = False
    for i, (_, t) in enumerate(texts):
        opens = (_COMMENT_WORDS.search(t) and is_interface_line(t)) or is_form_note(t)
        if body and opens and _form_tail([x for _, x in texts[i:]]):
            while i > 1 and _junk_kind(texts[i - 1][1]) and not _is_body_line(texts[i - 1][1]):
                i -= 1
            return texts[i][0]
        body = body or _is_body_line(t)
    return None


def _form_tail(rest: list[str]) -> bool:
    """Every line from a comment form's first to the end is the form's."""
    for k, x in enumerate(rest[1:], 1):
        # "Bạn không thể gửi bình luận liên tục. Xin hãy đợi" / "60 giây nữa.": a note written in
        # sentences, its last one carried over: a few words, not a sentence's start
        before = rest[k - 1]
        cont = is_form_note(before) and len(_sentences(before)) > 1 and not _ends_sentence(before)
        cont = cont and len(x.split()) <= 4 and (x[0].isdigit() or x[0].islower())
        if not (interface_share(x) > 0 or is_form_note(x) or cont):
            return False
    return True


def _empty_headers(lines: Sequence[Line]) -> set[int]:
    """Related-articles headers ("Xem thêm", "Tin khác", "ĐỌC NHIỀU") with no headline under them:
    the last line of the page, or over nothing but chrome to its end. They are widgets."""
    out: set[int] = set()
    for i, ln in enumerate(lines):
        label = _topic_label(ln.text)
        if not (label or _related_label(ln.text)):
            continue
        rest = [x.text for x in lines[i + 1 :]]
        if all(is_form_note(x) or _related_label(x) or _junk_kind(x) for x in rest):
            out.add(ln.no)  # over chrome or other empty headers only
        elif label and all(_related_label(x) or _junk_kind(x) or _box_end(x) for x in rest):
            out.add(ln.no)
    return out


#: "Tin bài cùng chủ đề Tin tức 24h": a box of articles on one topic, named after it.
_TOPIC_BOX = rc.compile(r"^(?:Tin|Bài|Tin bài|Bài viết)\s+cùng\s+chủ\s+đề\s+\S", re.IGNORECASE)


def _related_label(text: str) -> bool:
    return is_related_header(text) or _TOPIC_BOX.match(text) is not None or _outlet_box(text)


def _outlet_box(text: str) -> bool:
    """ "Nổi bật Tạp chí Người Hà Nội" (heldout54): a related box's label and the outlet's name."""
    words = text.split()
    return any(
        is_related_header(" ".join(words[:k])) and is_outlet_name(" ".join(words[k:]))
        for k in range(1, min(4, len(words) - 1) + 1)
    )


#: "Tai nạn giao thông mới nhất": a section's box of latest articles, named by its topic.
_LATEST_LABEL = rc.compile(rf"^[{_UP}][^\W\d]*(?:\s[^\W\d]+){{1,4}}\s(?:mới nhất|MỚI NHẤT)$")


def _topic_label(text: str) -> bool:
    return _LATEST_LABEL.match(text) is not None


def _box_end(text: str) -> bool:
    """What may close a page under an empty box's label: a credit, a source, a date."""
    return _is_credit_line(text) or _SOURCE_WORD.match(text) is not None or bool(_match_date(text))


def _label_over_story(lines: Sequence[Line]) -> int | None:
    """ "TIN MỚI NHẤT" opening the page over a headline (no sentence end, six words or more) and
    the story's first paragraph: the label of the page's news list, not a related block (a
    related headline is never followed by the story's lead). Its line number."""
    texts = [ln for ln in lines if ln.text.strip() and not _match_date(ln.text)]
    if len(texts) < 3 or not is_related_header(texts[0].text):
        return None
    head, lead = texts[1].text, texts[2].text
    if has_final_punct(head) or len(head.split()) < _TEASER_MIN_WORDS or is_related_header(head):
        return None
    return texts[0].no if _is_body_line(lead) else None


def _is_tag_value(text: str) -> bool:
    """ "Bình Thuận" under "Sự kiện:": a short name, no punctuation, no sentence."""
    return len(text.split()) <= 6 and not has_final_punct(text) and not is_byline(text)


def _parallel_top(kept: list[Line]) -> set[int]:
    """ "Giá heo hơi tại các tỉnh miền Nam" over a paragraph, then "Giá heo hơi tại các tỉnh miền
    Trung, Tây Nguyên" and "Giá heo hơi hôm nay tại các tỉnh miền Bắc" over theirs: the first
    line opens the first of parallel sections (two more headings further down begin with its
    first three words, each over a paragraph), not a headline. The lines of those headings."""
    if len(kept) < 4 or kept[0].hint:
        return set()
    t = kept[0].text
    if ":" in t or has_final_punct(t) or len(t.split()) > HEADING_MAX_WORDS:
        return set()
    if not has_final_punct(kept[1].text):
        return set()
    opening = [w.casefold() for w in t.split()[:3]]
    heads = [
        k
        for k, nxt in itertools.pairwise(kept[2:])
        if not has_final_punct(k.text)
        and len(k.text.split()) <= HEADING_MAX_WORDS
        and has_final_punct(nxt.text)
    ]
    same = [k for k in heads if [w.casefold() for w in k.text.split()[:3]] == opening]
    if len(same) >= 2:
        return {kept[0].no} | {k.no for k in same}
    # "Giá lúa hôm nay" … "Giá gạo hôm nay": a heading of three words or more written again
    # with one word changed (the next market), each over its paragraphs
    twins = [k for k in heads if _one_word_apart(t, k.text)]
    return {kept[0].no} | {k.no for k in twins} if twins else set()


def _one_word_apart(a: str, b: str) -> bool:
    """ "Giá lúa hôm nay" and "Giá gạo hôm nay": as many words (three or more), one of them
    different."""
    x, y = [w.casefold() for w in a.split()], [w.casefold() for w in b.split()]
    return len(x) == len(y) >= 3 and sum(p != q for p, q in zip(x, y, strict=True)) == 1


#: "02 Giải Nhất": a count and what is counted, no punctuation.
_COUNT_ITEM = rc.compile(r"^\d{1,4}\s+(\w+)(?:\s+\w+){0,5}$")


def _counted_items(kept: list[Line]) -> set[int]:
    """ "02 Giải Nhất" / "01 Giải Nhì" / "02 Giải Ba": short lines of a count and the same word
    after it, one under another, are a list's items (the last stands over a paragraph but heads
    no section)."""
    out: set[int] = set()
    for a, b in itertools.pairwise(kept):
        x, y = _COUNT_ITEM.match(a.text), _COUNT_ITEM.match(b.text)
        if x and y and x.group(1).casefold() == y.group(1).casefold():
            out |= {a.no, b.no}
    return out


def _is_body_line(text: str) -> bool:
    return len(text.split()) >= 8 and (_ends_sentence(text) or len(_sentences(text)) > 1)


def _retitled(text: str, title: str) -> bool:
    """ "Ông Trump khẳng định 'biết rõ' tình trạng của Kim Jong Un" under "Donald Trump khẳng
    định 'biết rõ' tình trạng của Kim Jong Un": the title with its first word or two changed (an
    image's alt text), six words or more the same to the end, or one word changed in the middle;
    no final punctuation."""
    if has_final_punct(text):
        return False
    a = [w for w in (_key(x) for x in text.split()) if w]
    b = [w for w in (_key(x) for x in title.split()) if w]
    if len(a) == len(b) >= 6 and sum(x != y for x, y in zip(a, b, strict=True)) == 1:
        return True  # "… giành nhiều giải thưởng …" under "… giành 4 giải thưởng …" (heldout57)
    same = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        same += 1
    return same >= 6 and len(a) - same <= 2 and len(b) - same <= 2


def _glued_heading(text: str) -> tuple[str, str] | None:
    """(heading, paragraph) when a subheading runs into its paragraph with no stop: "Giá gạo thị
    trường trong nước tăng Giá gạo xuất khẩu tăng kéo theo giá gạo thị trường trong nước tăng.
    …". Evidence, all of it: three to twelve words without punctuation, then a capitalised word
    after a lower-case one that is no name (the next word is lower case, and the pair is written
    in lower case further on; the heading does not end on a word such as "và"), the paragraph
    holding at least half the heading's words and a full sentence."""
    words = text.split()
    for j in range(3, min(13, len(words) - 1)):
        prev, word, after = words[j - 1], words[j], words[j + 1]
        if any(not w.isalpha() for w in words[:j]) or not words[0][0].isupper():
            return None  # punctuation or a number: not a heading's words
        if not (prev.islower() and word[0].isupper() and word[1:].islower() and after.islower()):
            continue
        if prev in _DANGLING:
            continue  # "Đảng bộ Đài Phát thanh và Truyền hình …": no heading ends on "và"
        if j > 2 and words[j - 2][0].isupper():
            continue  # "… của Công đoàn Viên chức tỉnh": a name goes on, no heading ends there
        rest = " ".join(words[j:])
        if f" {word.lower()} {after}" not in f" {' '.join(words[j + 2 :])}":
            continue
        head = [w.lower() for w in words[:j]]
        if sum(w in rest.lower().split() for w in head) * 2 < len(head):
            continue
        if any(_ends_sentence(x) for x in _sentences(rest)):
            return " ".join(words[:j]), rest
    return None


#: A line that is one quotation with no stop inside: a quoted phrase as a heading.
_WHOLE_QUOTE = rc.compile(r'^[“"]([^“”".!?…]{3,80})[”"]$')
_LABELLED_FIGURE = rc.compile(r"^[^:]{1,40}:\s*[\d.,]+(?:\s*[^\s\d]+){0,2}$")


def _alt_text(text: str) -> bool:
    """An image's alt text: one sentence ending with an image number ("… - Ảnh 1")."""
    alt = _ALT_PHOTO_TAIL.search(text)
    return alt is not None and len(_sentences(text[: alt.start()])) <= 1


def _is_image_marker(text: str) -> bool:
    """An image's placeholder or file name left by the scraper ("img", "….jpg", a slug)."""
    # "{keywords}": a template's image placeholder (heldout42's VietNamNet page)
    # "blank": an empty image's placeholder (heldout68)
    return text.casefold() in ("img", "image", "photo", "blank", "{keywords}") or bool(
        _IMAGE_FILE.match(text) or _SLUG.match(text)
    )


def _photo_series(kept: list[Line]) -> set[int]:
    """Line numbers of short lines of which a later line is a longer copy ("Hiện trường vụ
    cháy", then "Hiện trường vụ cháy xưởng gỗ"): the titles of a photo series, both of them. A
    subheading is not repeated longer further on (a bulletin's photo title repeats its heading
    whole or shortened)."""
    short = [
        (ln, [_key(w) for w in ln.text.split()])
        for ln in kept
        if not has_final_punct(ln.text) and len(ln.text.split()) <= HEADING_MAX_WORDS
    ]
    found: set[int] = set()
    for i, (a, aw) in enumerate(short):
        for b, bw in short[i + 1 :]:
            if 3 <= len(aw) <= 6 and len(bw) > len(aw) and bw[: len(aw)] == aw:
                found.update((a.no, b.no))
    return found


def _next_block(kept: list[Line], i: int) -> Line | None:
    """The next block after ``kept[i]`` that is not a credited caption: a subheading may stand
    above one."""
    return next(
        (k for k in kept[i + 1 :] if k.hint != "caption" and not _caption_reason(k.text)), None
    )


def _already_read(text: str, read_keys: set[str]) -> bool:
    """``text``, or ``text`` without its outlet tag, has been read."""
    k = _key(text)
    if k and k in read_keys:
        return True
    tagged = outlet_tag(text)
    return tagged is not None and _key(tagged[1]) in read_keys


def _shortened_copy(text: str, after: list[Line]) -> bool:
    """ "Opening words of the next paragraph…", "… the next two paragraphs run together […]": a
    teaser copy (a page's excerpt) of the text that follows."""
    if not text.endswith(("...", "…", "[…]", "[...]")) or not after:
        return False
    stem = _key(text.rstrip(".…[] "))
    following = "".join(_key(ln.text) for ln in after)
    return len(stem) > 20 and following.startswith(stem)


def _near_copy_of_start(text: str, nxt: str) -> bool:
    """A summary printed over the body that opens on it again, a word or two changed ("… Sở
    GD&ĐT Cà Mau đã tổ chức …" over "… Sở GD&ĐT tỉnh Cà Mau đã tổ chức …", heldout55): fifteen
    words or more, all but two of them found in order at the start of a longer next line."""
    words, following = text.split(), nxt.split()
    if len(words) < 15 or len(following) < len(words) + 8:
        return False  # the same sentence with a word added, and no more: the second is the copy
    blocks = difflib.SequenceMatcher(None, words, following[: len(words) + 3]).get_matching_blocks()
    found = sum(b.size for b in blocks)
    return blocks[0].a == blocks[0].b == 0 and found >= len(words) - 2


#: "K IỆT SỨC VÌ LŨ CHỒNG LŨ": a capital letter set apart from the rest of its word.
_DROP_CAP = rc.compile(rf"^[{_UP}] [{_UP}]{{2,}}")


def _is_drop_cap_heading(kept: list[Line]) -> bool:
    """A first line in capitals whose first letter stands apart from its word (a drop cap: the
    page styles a section's opening, which a headline never has), over a paragraph: the first
    section's heading."""
    t = kept[0].text
    if len(kept) < 2 or not _DROP_CAP.match(t) or not _is_all_caps(t):
        return False
    return len(t.split()) <= HEADING_MAX_WORDS and has_final_punct(kept[1].text)


def _headline_shaped(ln: Line) -> bool:
    """A line a headline could be: no sentence end (a question or an exclamation allowed), one
    sentence, not too long."""
    t = ln.text
    if ln.hint in ("caption", "paragraph") or (_ends_sentence(t) and not t.endswith(("?", "!"))):
        return False
    return len(t.split()) <= TITLE_MAX_WORDS and len(_sentences(t)) == 1


#: "Bản tin Thời sự tối TTV": a broadcast's name, no sentence.
_BROADCAST_NAME = rc.compile(r"^(?:Bản tin|Chương trình)\s[^.!?:]{2,50}$")
#: "… hỗ trợ”./.": the end mark closing a story.
_END_MARK_CLOSE = rc.compile(r"\./\.\s*$")
#: A figure standing alone between spaces, as a table's cells hold them ("120.593", "87").
_TABLE_NUMBER = rc.compile(r"(?<!\S)\d[\d.,]*%?(?!\S)")
#: "Bài 2: …", "Kỳ 3 - …": a part of a series, whose name stands over it.
_SERIES_PART = rc.compile(r"^(?:Bài|Kỳ|Phần)\s+\d{1,2}\s*[:.–-]\s*\S")
#: "Ca sĩ bí ẩn - Mùa 5 - Làn sóng mới": a programme's season.
_SEASON = rc.compile(r"(?:^|\s[-–|]\s)(?:Mùa|Season)\s+\d{1,2}(?:\s[-–|]\s|$)")


def _is_kicker(kept: list[Line]) -> bool:
    """The first line names the series or the programme and the second is the headline: both
    headline-shaped, and the second a part of a series ("Bài 2: …") or the first a season
    ("… - Mùa 5 - …")."""
    if len(kept) < 3 or not (_headline_shaped(kept[0]) and _headline_shaped(kept[1])):
        return False
    if _is_byline_not_title(kept[1].text) or is_outlet_name(kept[1].text):
        return False
    # "Tiêu điểm đầu tư tuần qua" over the headline and its byline: a column's name
    column = len(kept[0].text.split()) <= 8 and _is_credit_line(kept[2].text)
    return bool(
        _SERIES_PART.match(kept[1].text)
        or _SEASON.search(kept[0].text)
        or _is_overline(kept[0].text, kept[1].text)
        or (column and not _is_credit_line(kept[1].text))
    )


def _is_overline(first: str, second: str) -> bool:
    """ "TP. Hồ Chí Minh:" or "Vùng đô thị trung tâm tỉnh Tây Ninh:" over the headline: a place or
    a topic of eight words at most ending in a colon, over a line that does not."""
    return (
        first.endswith(":") and len(first.split()) <= TITLE_MAX_WORDS and not second.endswith(":")
    )


#: "Topic: Claim", the way Vietnamese headlines are written.
_HEADLINE_COLON = rc.compile(rf"^([\"“]?[{_UP}][^:]+):\s+([{_UP}\"“].*)$")


def _speaker_heading(text: str) -> bool:
    """ "\"Vua cá sấu\" đất Bắc - Cao Văn Tuấn: Không yêu nghề sẽ làm hỏng cái cao quý của nghề": a
    feature's section on one person, headed by the person's name, a colon and what they hold,
    one sentence: a subheading as long as a title may be."""
    m = _HEADLINE_COLON.match(text)
    if not m or len(_sentences(text)) != 1:
        return False
    name = re.split(r"\s[-–—]\s", m.group(1))[-1].strip()
    return len(name.split()) >= 2 and is_person_name(name)


#: A verb of saying before a colon: a quotation, not a headline's topic.
_SAYS = rc.compile(
    r"\b(?:cho biết|nói|cho rằng|khẳng định|nhấn mạnh|chia sẻ|phát biểu|kết luận|tuyên bố|nêu rõ|"
    r"thông báo|hỏi|trả lời|viết|kể|nhận định|bày tỏ|đề nghị|yêu cầu)\b",
    re.IGNORECASE,
)

#: "Toàn cảnh phiên tòa", "Quang cảnh buổi lễ", "Một góc thành phố Tây Ninh": what a photo shows,
#: the way a caption opens (a subheading names a topic, not a view).
#: What a photo shows of an event, no section's name: someone speaking or chairing, prizes
#: handed over, a performance, a match, onlookers, a suspect with the evidence (heldout12-24).
_SCENE_WORDS = rc.compile(
    r"\s(?:phát biểu|chủ trì|tặng quà|trao (?:giải|quà|cờ|thưởng|bằng|giấy khen|học bổng|tặng)"
    r"|cùng tang vật|tập trung theo dõi|chụp ảnh lưu niệm|chỉ đạo tại|kiểm tra tại|tặng hoa"
    r"|(?:tại thời điểm|sau khi|lúc) bị bắt(?: giữ)?"  # "Đối tượng … sau khi bị bắt giữ"
    r"|được trao (?:cho|tặng))(?!\w)"
    r"|^(?:Trao (?:giải|quà|cờ|thưởng|bằng|giấy khen|học bổng|tặng)|Một tiết mục|Tiết mục"
    r"|Trận đấu (?:giữa|vòng)|Các đại biểu|Đại biểu)(?!\w)"
)
_VIEW_WORDS = rc.compile(
    r"^(?:Toàn cảnh|Quang cảnh|Hiện trường|Cận cảnh|Khung cảnh|Một góc|Một số hình ảnh"
    r"|Hình ảnh|Ảnh)\s",
    re.IGNORECASE,
)

#: "Thưa các vị đại biểu", "Kính thưa …", "Kính gửi …": a speech's or a letter's salutation.
_SALUTATION = rc.compile(
    r"^[-–•]?\s*(?:Kính\s+)?(?:thưa|gửi(?!\s+(?:góp ý|bình luận|ý kiến)\b)|chào)\s", re.IGNORECASE
)  # "Gửi góp ý", "Gửi bình luận": a button (heldout40)

#: "* Bước phát triển phù hợp": a subheading marked with a star (Báo Bình Định).
_STAR_MARK = rc.compile(r"^\*\s+(?=\S)")
#: "… thành công tốt đẹp "*"": a page's marker after the headline (a featured or a note sign).
_TITLE_MARK = rc.compile(r"\s+[\"“]?\*+[\"”]?$")


def _echoes(text: str, heading: str) -> bool:
    """``text`` repeats ``heading`` or its opening words ("Gia Lai đẩy nhanh 7 dự án tái định cư
    sau lũ" under "Gia Lai đẩy nhanh 7 dự án tái định cư hơn 880 tỷ đồng…"): the title of the
    section's photo or video."""
    if has_final_punct(text):
        return False
    a = [w for w in (_key(x) for x in text.split()) if w]
    b = [w for w in (_key(x) for x in heading.split()) if w]
    same = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        same += 1
    return same >= 4 and same >= 0.6 * min(len(a), len(b))


def _runs_on(text: str, start: str) -> bool:
    """ "<Series name> Xây dựng giai cấp…": ``start`` (four words or more) then more headlines
    with no stop between."""
    rest = text[len(start) :] if text.startswith(start + " ") else ""
    return len(start.split()) >= 4 and len(rest.split()) >= 4 and rest.lstrip()[:1].isupper()


def _lower_terms(text: str) -> list[str] | None:
    """The terms of a tag list in lower case ("quốc khánh, 2/9, TP Bắc Giang"): it opens in lower
    case, has no stop and no "và"/"hoặc"/"hay" (a list in a sentence has one); None otherwise."""
    if not text[:1].islower() or text.endswith(",") or has_final_punct(text):
        return None
    if re.search(r"\b(?:và|hoặc|hay)\b", text):
        return None
    return [x.strip() for x in text.split(",")]


def _is_keyword_line(text: str, title: str) -> bool:
    """ "quốc khánh, 2/9, TP Bắc Giang, Bắc Giang": three or more short terms in lower case (see
    `_lower_terms`); five or more terms, or two that the title holds."""
    terms = _lower_terms(text)
    if terms is None or len(terms) < 3 or any(not x or len(x.split()) > 6 for x in terms):
        return False
    in_title = sum(1 for x in terms if x.casefold() in title.casefold())
    return len(terms) >= 5 or in_title >= 2


def _closing_terms(text: str, others: list[str]) -> bool:
    """ "nghiên cứu khoa học, hội nghị" closing the text: two or more terms in lower case (see
    `_lower_terms`), each of two to six words that the text writes elsewhere."""
    terms = _lower_terms(text)
    if terms is None or len(terms) < 2 or any(not 2 <= len(x.split()) <= 6 for x in terms):
        return False
    body = " ".join(others).casefold()
    return all(x.casefold() in body for x in terms)


def _title_from_text(state: _Body) -> tuple[str, TitleFrom]:
    """No headline: a short form of the lead or the first paragraph, else no title."""
    first_text = state.lead or next(
        (b.text for s in state.sections for b in s.blocks if b.kind is BlockKind.PARAGRAPH),
        None,
    )
    if first_text:
        return short_title(first_text), "first sentence"
    return "", "none"


@dataclass
class _Body:
    title: str | None
    lead: str | None
    lead_line: int
    byline: str | None
    byline_line: int = 0
    source: str | None = None
    source_line: int = 0
    sections: list[Section] = field(default_factory=list)


@dataclass
class _Walk:
    """Where :meth:`_Assembler._body` stands: the open section and the text already read."""

    seen_body: bool
    top: bool = True
    """Between the headline and the first paragraph."""
    heading: str | None = None
    heading_line: int = 0
    blocks: list[Block] = field(default_factory=list)
    read_keys: set[str] = field(default_factory=set)

    def close_section(self, state: _Body) -> None:
        if self.heading is not None or self.blocks:
            state.sections.append(Section(self.heading, tuple(self.blocks), self.heading_line))

    def open_section(self, state: _Body, heading: str, line: int) -> None:
        self.close_section(state)
        self.heading, self.heading_line, self.blocks = heading, line, []
        self.seen_body, self.top = True, False
