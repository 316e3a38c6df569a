"""The real-article corpus (issue #11): nothing of the story lost, no junk read, the true reason
for every annotated drop, and titles, bylines and headings right in at least 90% of cases.

Each article is a separate test; ``-s`` prints its score. ``python tests/corpus/corpus_score.py``
prints the whole table.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_score import SETS, Score, cases, pages, score

ALL = [p for which in SETS for p in cases(which)]
#: Known misses, kept visible: the rule is unsure there and keeps the line (it costs less to read
#: a line by mistake than to lose one).
KNOWN: dict[str, str] = {
    # heldout67 (stop 34)
    "06-giaophanbacninh-thanh-hien-nha-tho-noi-bai": "a gallery's row of image numbers dropped "
    "as a widget, annotated a caption; 'Tin liên quan' alone dropped as a widget, annotated a "
    "teaser (the reasons only)",
    "07-giaophanhunghoa-nha-tho-son-vi": "a last line cut after a whole name in a list ('… xã "
    "Nguyễn Bá Hùng'): no evidence of the cut (kept, listed as read with a doubt)",
    "08-giaophanphucuong-truyen-chuc-pho-te": "a last sentence cut off is dropped whole; the "
    "annotation keeps its clauses up to the last semicolon (a semicolon also parts a list's "
    "items inside one sentence, so the house reads whole sentences only)",
    "14-qdnd-su-doan-968-so-ket-6-thang": "a last sentence cut off is dropped whole; the "
    "annotation keeps its clauses up to the last semicolon (see 08 of the same set)",
    "16-sharingfunvn-team-whales-cktg-2023": "an uncredited-looking caption over 'Credit: …' is "
    "read; a last line cut after a stray '>' is read (no evidence of the cut)",
    "19-webthethao-kiatisak-sai-gon-hagl": "a last line cut after a whole word of a name ('… HLV "
    "Phù'): no evidence of the cut (kept, listed as read with a doubt)",
    # heldout68 (stop 34)
    "06-nhandaoonline-qua-tet-cam-giang": "the magazine's name under the story taken for the "
    "byline, annotated a widget (the reason only)",
    "13-techz-son-tung-hat-live": "a last line cut after a whole word ('… con đường ca'): no "
    "evidence of the cut (kept, listed as read with a doubt); an image's slug dropped as a "
    "widget, annotated a caption",
    # heldout66 (stop 33)
    "01-netquang-my-tam-i-like-it": "'Theo Thanh Niên Online' under the byline read as the "
    "source (the house rule), annotated a credit",
    "07-thoidai-ngo-doc-tiec-cuoi-gio-linh": "a related box's label dropped as a teaser, "
    "annotated a widget (the reason only)",
    "09-phamhongphuoc-dong-dat-nepal": "captions with an English agency caption in brackets are "
    "read; a photo's source credit dropped as a caption, annotated a credit (the reason only)",
    "12-tinthethao-thanh-thuy-chau-a-2017": "image file names dropped as widgets, annotated "
    "captions (the reasons only)",
    "15-qdnd-thu-khoa-bach-khoa": "a last line cut after a whole word ('… bị buộc thôi'): no "
    "evidence of the cut (kept, listed as read with a doubt)",
    # heldout65 (stop 33)
    "02-baobinhduong-hdnd-bac-tan-uyen": "a byline in capitals glued to a related story's "
    "quote ('BẢO NAM - THẾ ANH“Ta đi …'): the byline lost and the related summaries read",
    "05-baohatinh-bhyt-huong-khe": "a related box's labels dropped as teasers, annotated widgets "
    "(the reasons only)",
    "09-caobang-tiep-dan-thang-7": "a visit counter's rows dropped as teasers, annotated widgets "
    "(the reasons only)",
    "10-congthuong-14-ngu-dan": "three related headlines run together on one line, no label "
    "repeated, are read",
    "11-danviet-vn421-cao-hung": "an image's 'img' label dropped as a widget, annotated a "
    "caption (the reason only)",
    "15-kenhtingame-dong-dat-dai-loan": "'Nguồn: CNN' read as the source (the house rule), "
    "annotated a credit",
    "17-laodongcongdoan-mitsubishi-concept": "a related summary cut at the end dropped as "
    "unfinished, annotated a teaser (the reason only)",
    "19-vnanet-ngu-dan-thai-binh": "'(TTXVN/Vietnam+)' closing the story read as the byline "
    "(the house rule), annotated a credit",
    # heldout64 (stop 33)
    "05-saostar-khanh-van-tro-ve": "a last line cut after a whole word of a name ('… Khánh Vân - "
    "Kim'): no evidence of the cut (kept, listed as read with a doubt)",
    "08-nongnghiepmoitruong-tha-ca-giong-quang-tri": "an uncredited caption taken for a "
    "subheading; 'Xem thêm' dropped as a teaser, annotated a widget (the reason only)",
    "12-thcskienhung-trai-nghiem-k9": "a cut caption line dropped as unfinished, annotated a "
    "caption (the reason only)",
    "15-tinhdoankhanhhoa-hoi-trai-tran-hung-dao": "a photo block's label ('Một số hoạt động của "
    "Hội Trại') dropped as a teaser, annotated a caption (the reason only)",
    # heldout63 (stop 33)
    "10-danviet-agribank-quang-ngai": "a cut follow prompt dropped as a teaser, annotated a "
    "widget (the reason only)",
    "11-dantri-olympic-toan-2013": "an uncredited caption taken for a subheading; a last line "
    "cut after a whole word ('… trong những ngày đi'): no evidence of the cut",
    "12-dkn-chay-phong-le-30-4": "a last line cut after a whole syllable of a title ('… Bình, "
    "Trư'): no evidence of the cut (kept, listed as read with a doubt)",
    "17-vgt-son-tung-mv-moi": "a counter bar with UI words the vocabulary lacks ('4 | 0 Thảo "
    "luận | Báo cáo') is read",
    "19-vovworld-thomas-shannon": "a one-line page's cut tag box and comment prompt dropped as "
    "unfinished, annotated a tag line and a widget (the reasons only)",
    "20-vtc-me-ngheo-olympic-toan": "a last line of two cut pieces glued ('Mới đây, tại Brazil, "
    "Thông tin từ …') is read; medal table cells dropped as widgets, annotated captions; a "
    "video's label dropped as a credit, annotated a teaser (the reasons only)",
    # heldout58 (stop 31)
    "01-nguoiduatin-park-hang-seo-bukit-jalil": "a video's title labelled 'Clip:' dropped as a "
    "caption, annotated a teaser (the reason only)",
    "03-plo-qua-tai-dua-hau-quang-ngai": "a related box's label dropped as a teaser, annotated "
    "a widget (the reason only)",
    "04-qtnh-le-ra-quan-thi-tot-nghiep": "a last line cut after a whole word ('… học sinh lớp "
    "12 trong'): no evidence of the cut (kept, listed as read with a doubt)",
    "05-tgpsaigon-tan-lap-bon-mang-cha-xu": "a related box's label dropped as a teaser, "
    "annotated a widget (the reason only)",
    "08-tinnhanhchungkhoan-dien-thoai-gap-samsung": "a caption credited '(Nguồn: Samsung).' is "
    "read: a source in brackets also closes story sentences that cite their figures",
    "10-vannghethainguyen-tho-phu-binh-tap-5": "a byline over its place in brackets on its own "
    "line, then a contact line and a comment prompt, are read (the name as a subheading); an "
    "uncredited caption taken for a subheading",
    "12-vnanet-thu-tuong-tiep-ngoai-truong-brazil": "'TTXVN/VNP' closing the story is read as "
    "the byline (the house rule), annotated a credit",
    "13-vietnamplus-ap-thap-luzon": "a related headline after the story is read; a related "
    "summary cut at the end dropped as unfinished, annotated a teaser",
    "16-vnexpress-graechen-u21-hagl": "a text with no headline opening on a related headline: "
    "taken for the title",
    # heldout57 (stop 31)
    "02-baodaklak-gao-hoc-sinh": "an uncredited caption with a stop is read (no evidence); a "
    "related box's line dropped as a widget, annotated a teaser",
    "06-baoquocte-nguoi-viet-lu-tay-duc": "a last line cut after a whole word of a name ('… Thủ "
    "tướng Đức Angela Merkel'): no evidence of the cut (kept, listed as read with a doubt)",
    "11-dantri-qua-tet-tre-mo-coi-dak-lak": "a cut last line dropped as a teaser, annotated an "
    "unfinished fragment (the reason only)",
    "14-baohatinh-giai-thuong-vhnt-2019": "an uncredited caption with a stop is read (no evidence)",
    "16-giaophanbacninh-duc-cha-tan-binh": "a related box's label dropped as a widget, annotated "
    "a teaser (the reason only)",
    "17-giaophanhatinh-them-suc-hoi-nghia": "an uncredited caption between paragraphs is read "
    "(kept, listed as read with a doubt)",
    "18-giaophanmytho-ngay-the-gioi-benh-nhan": "three uncredited captions between paragraphs "
    "are read (kept, listed as read with a doubt)",
    "19-gphaiphong-tham-muc-vu-dong-bac": "a schedule's last item cut after a whole syllable "
    "('… Gặp gỡ và thánh'): no evidence of the cut (kept, listed as read with a doubt)",
    "20-baohaiduong-giai-con-son-viii": "an uncredited caption closing the story is read (kept, "
    "listed as read with a doubt)",
    # heldout56 (stop 31)
    "03-plo-vong-20-vleague-thanh-hoa": "the whole page on one line: the reporter's initials "
    "('TT') set mid-line as a credit are read with the text",
    "04-saostar-tang-le-nsut-quang-thai": "a caption repeating the title with a stop is dropped "
    "as a duplicate, annotated a caption; its words are heard as the title",
    "06-th389-quang-ninh-232000-luot-khach": "a last line cut after a whole syllable ('… cá nhân "
    "trê'… 'trên' is cut to 'trê', a syllable of its own): kept, listed as read with a doubt",
    "09-tienphong-dong-dat-van-nam": "'Theo Xinhua' after the byline is read as the source (the "
    "house rule), annotated a credit not read; a widget's label dropped as a further byline",
    "12-tuoitrethudo-320000-luot-khach-quang-ninh": "a last line cut after a whole word ('… ước "
    "đạt 132.000'): no evidence of the cut (kept, listed as read with a doubt)",
    "18-xanhx-qua-tet-quang-tri": "'(Nguồn: Báo Quảng Trị)' closing a text with no byline is "
    "read as its source (the house rule), annotated a credit not read",
    "20-24h-toa-soc-trang-dap-dau-vanh-mong-ngua": "an uncredited caption between the lead and "
    "the body taken for a subheading; a related headline cut at the end dropped as unfinished, "
    "annotated a teaser (the reason only)",
    # heldout61 and heldout62 (a-m / n-z, stop 32), blind, scored once on main at 23e8f32 and
    # e7a483e (RUN1_main_*.txt); their classes were fixed after the run; left:
    "04-baoninhthuan-tiep-xuc-cu-tri-bac-ai": "a last line cut after a whole word ('… đề nghị "
    "chính'): no evidence of the cut (kept, listed as read with a doubt)",
    "06-baovephapluat-xet-xu-luu-dong-hung-yen": "a last line cut after a whole word ('… sử dụng "
    "cho bản'): no evidence (kept, listed as read with a doubt)",
    "10-conggiao-nha-tho-bac-xuyen": "a cut '(g' dropped as a caption, annotated an unfinished "
    "fragment (the reason only)",
    "11-doisongphapluat-trinh-quoc-thu-obama": "a last line cut after a whole word ('… đưa quan "
    "hệ đối'): no evidence (kept, listed as read with a doubt)",
    "12-giacngo-khoa-tu-chua-bao-quang": "a box label ('Tin mới') dropped as a teaser, annotated "
    "a widget (the reason only)",
    "14-hoithanh-khoi-cong-nha-tho-song-phu": "uncredited captions taken for subheadings; a cut "
    "list item ('2/ Xây dựng') read",
    "03-nguoinoitieng-toc-tien-mv-ballad": "an image's slug dropped as a widget, annotated a "
    "caption (the reason only)",
    "14-tepbac-ca-chet-song-buoi": "a last line cut after a whole word ('… đã xác định nguy'): no "
    "evidence (kept, listed as read with a doubt)",
    "17-thoidai-toyota-trieu-hoi": "a cut 'Theo Toyota Nhật' closing a table read as the "
    "source (the byline; no evidence of the cut)",
    "18-thanhnien-xe-khach-deo-hai-van": "a credit glued to a cut word ('ẢNH: HUY ĐẠT Nỗ') dropped "
    "as a credit, annotated a caption (the reason only)",
    "19-soha-khanh-ngan-miss-globe": "a last line cut after a whole syllable ('… chính xác là "
    "mộ'): no evidence (kept, listed as read with a doubt)",
    # heldout59 and heldout60 (a-m / n-z, stop 32), blind, scored once on main at e799ef7 and
    # b56d121 (RUN1_main_*.txt); their classes were fixed after the run; left:
    "06-baobinhphuoc-tim-may-bay-mh370": "'Nguồn TTXVN' closing the text is read as its source "
    "(the house rule), annotated a credit; an uncredited caption taken for a subheading",
    "01-saigonmoi24-bong-chuyen-nu-philippines": "a text opening on a sentence cut at its end "
    "('Sau khi … thuộc về tuyển') takes it for the title; uncredited captions taken for "
    "subheadings",
    "03-thanhhoadcs-vu-dong-trieu-son": "'(Nguồn:baothanhhoa.vn)' closing the text is read as its "
    "source (the house rule), annotated a credit; an uncredited caption taken for a subheading",
    "05-thegioididong-messenger-thu-hoi-tin-nhan": "'Nguồn: Mspoweruser' is read as the source "
    "(the house rule), annotated a credit; a cut 'Tất c' dropped as a widget (the reason only)",
    "13-tapchicntt-mi-note-2-gia-re": "a last line cut after a role ('Theo đó, Giám đốc'): no "
    "evidence (kept, listed as read with a doubt); a line printed twice taken for a subheading",
    "14-plo-duoi-nuoc-song-sai-gon": "'Theo Dương Chí Tưởng (TTXVN)' is read as the source (the "
    "house rule), annotated a credit",
    # heldout55 (stop 31)
    "04-baohatinh-bong-da-thieu-nien": "a last line cut after a whole syllable of a name ('… "
    "thiếu niên Lộ'): no evidence of the cut (kept, listed as read with a doubt)",
    "09-dantri-thanh-long-non": "a place's label over the story ('Long An:') dropped as a "
    "dateline tag, annotated a widget (the reason only)",
    "11-doanhnhantre-marathon-tphcm": "a cut last line dropped as a teaser, annotated an "
    "unfinished fragment (the reason only)",
    "18-kinhtedothi-pham-binh-minh-vuong-nghi": "a campaign's banner ('Việt Nam vươn mình trong "
    "kỷ nguyên mới') dropped as a tag line, annotated a widget (the reason only)",
    # heldout54 (stop 30)
    "04-phatsuonline-nhap-kim-quan-ht-thich-giac-ha": "a last line cut after a whole word ('… "
    "Chứng minh'): no evidence of the cut (kept, listed as read with a doubt)",
    "06-soha-cong-phuong-hagl-ha-noi": "an uncredited video title between paragraphs ('Vòng 23 "
    "V-League: HAGL 3-2 Hà Nội FC') taken for a subheading",
    "13-vneconomy-vic-dao-chieu-vn-index": "a lone name closing the page ('Thanh') is read as a "
    "byline may be; annotated a cut fragment",
    "14-nguoihanoi-nam-doc-ha-giang": "a related box's label with the outlet's name, over the "
    "title printed again, dropped as a teaser, annotated a widget (the reason only); 'VOV' over "
    "the date is a tag by the house rule (an outlet's name is no byline)",
    "15-vtv-mua-he-xanh-2024": "a keyword label and a box label dropped as tag and teaser, "
    "annotated widgets (the reasons only)",
    "16-znews-xe-tai-lao-vao-nha-bac-kan": "a related headline and its one-sentence summary set "
    "between the last paragraph and the byline are read (a subheading and its paragraph look "
    "the same); image slugs dropped as teasers, annotated captions",
    # heldout53 (stop 30)
    "01-chatluongvacuocsong-kim-ngan-nham-chuc": "a related box's label ('Nổi bật') dropped as a "
    "teaser, annotated a widget (the reason only)",
    "04-baogiaothong-phuong-thao-phap-van": "an image's placeholder word ('image') dropped as a "
    "widget, annotated a caption (the reason only)",
    "14-gsm-trappist-1": "an image's alt text prefixed with the site's section ('Cuộc sống số - "
    "…') over its caption, with no credit: read",
    "16-lag-mai-phuong-qua-doi": "three box labels dropped as teasers, annotated widgets (the "
    "reasons only)",
    "18-gametv-gam-cktg-2020": "a 'cover-news' label dropped as a widget, annotated a caption "
    "(the reason only)",
    # heldout51 (stop 29)
    "16-gxdaminh-33-tan-linh-muc": "a deck's second line ('Giáo Phận và các Dòng') taken for a "
    "subheading; a photo credit 'Hình ảnh : …' dropped as a caption (the reason only)",
    "17-huaf-khoi-nghiep-nong-nghiep": "a last line cut after a whole word ('… Đa dạng hóa "
    "phương thức'): no evidence of the cut (kept, listed as read with a doubt)",
    "20-laodongthudo-ut-bach-lan": "related headlines under the story dropped as captions, "
    "annotated teasers; a last teaser cut inside its quote (the reasons only)",
    # heldout52 (stop 29)
    "07-24h-bong-chuyen-binh-dien": "an uncredited caption between paragraphs taken for a "
    "subheading; a bracketed event label over the lead ('(Cup VTV Bình Điền 2016, Lượt 2 bảng "
    "A)') is read (story text is bracketed too)",
    "09-vtimes-djokovic-australian-open": "an uncredited caption taken for a subheading; a last "
    "line cut after a whole word ('… và sẽ trở'): no evidence of the cut (kept, with a doubt)",
    "12-vietnammoi-dua-ghe-ngo-soc-trang": "another story's headline and its cut summary closing "
    "the page after the related links are read with a doubt (no final punctuation)",
    "16-nguoiviet-ban-ban-nhau-texas": "a story sentence with a photo's credit closing it ('… "
    "vụ nổ súng. (Hình minh họa: …)') is read whole (the line is kept, credit and all)",
    "18-trithucvn-trom-my-pham-nhat": "the author's name over the byline block taken for a "
    "subheading; page widgets dropped under other reasons (the reasons only)",
    # heldout49 (stop 28)
    "01-baocamau-trieu-cuong-tran-thoi": "the outlet's name before the lead without a dash ('Báo "
    "Cà Mau Những ngày qua …') is read (a paper's name may open a sentence)",
    "05-baogiaothong-luan-toi-park-geun-hye": "an image's placeholder names dropped as widgets, "
    "annotated captions; a video box's label dropped as a teaser (the reasons only)",
    "17-freevietnews-bao-ketsana": "a label with a dash alone over the lead ('Tin tổng hợp -') is "
    "read (a byline in capitals stands so too)",
    "19-giaoducthoidai-chu-dinh-nghiem-hai-phong": "a last line cut inside a name ('… cùng bảng, "
    "Sab'): no evidence of the cut (kept, listed as read with a doubt)",
    # heldout50 (stop 28)
    "07-vtc-sieu-trom-xe-may-huong-thuy": "a video's link under the story dropped as a caption, "
    "annotated a teaser (the reason only)",
    "11-tamdamedia-tet-cong-dong-praha": "the story's categories and a CMS's stamp on lines "
    "without a blank between are joined with the lead and read",
    "12-voatiengviet-dong-dat-nepal": "a last line cut after a whole syllable ('… cao nhất trên "
    "trá'): no evidence of the cut (kept, listed as read with a doubt)",
    "13-vtv-ngo-doc-tiec-cuoi": "a related headline printed twice and cut is dropped as an "
    "unfinished fragment, annotated a teaser (the reason only)",
    "16-tinmung-truyen-chuc-phu-cuong": "a section link ('Tin Vui - Buồn') dropped as a "
    "teaser, "
    "annotated a widget (the reason only)",
    "17-taichinhvatieudung-gia-heo-hoi": "'Nguồn: thuongtruong.com.vn' closing the story is read "
    "as its source; the annotation calls it a credit (the reason only)",
    "19-vov-tiep-dai-su-han-quoc": "a related headline between paragraphs taken for a subheading "
    "(it looks like one)",
    "20-nld-khai-giang-lop-1": "a last caption cut after a whole syllable ('… lớp 1 tro'): no "
    "evidence of the cut (kept, listed as read with a doubt)",
    # heldout45 to heldout48 (stop 27)
    "12-baovanhoa-dua-ghe-ngo-soc-trang": "a last line cut after a whole syllable ('… Lễ hội Oó'): "
    "no evidence of the cut (kept, listed as read with a doubt)",
    "17-baophapluat-le-hoi-dua-ben-tre": "a last line cut after a whole word ('… dừa chiếm'): no "
    "evidence of the cut (kept, listed as read with a doubt)",
    "06-thieunien-diem-10-mon-hoa-tphcm": "a last line cut after a whole word ('… nữ sinh'): no "
    "evidence of the cut (kept, listed as read with a doubt)",
    "17-thanhnien-nam-dinh-thang-hagl": "an uncredited caption of two names read",
    "20-vtcnews-truc-tiep-vinfuture-2025": "a last line cut after a whole word ('… trong lần "
    "đầu'): no evidence of the cut (kept, listed as read with a doubt)",
    "04-laodong-tet-sum-vay-long-an": "two widget labels dropped as teasers (the reasons only)",
    "06-chuyendoiso2045-ai-chuyen-doi-so": "a headline ending with a full stop after a slug line "
    "missed, a subheading missed; reasons of a slug and a cut teaser differ",
    "10-docnhanh-du-lich-bien-vung-tau": "a last line cut after a whole number ('… trong 3'): no "
    "evidence of the cut (kept, listed as read with a doubt)",
    "12-doanhnghiepvn-tham-sat-binh-phuoc-y-an": "a cut last line after a whole word",
    "01-uongbi-don-ve-sinh-den-cong": "a 'Tin tức khác' label dropped as a teaser, annotated a "
    "widget (the reason only)",
    "05-nguoinamdinh-kiem-tra-thi-thpt": "the source's address in brackets dropped as a teaser, "
    "annotated a credit (the reason only)",
    "17-2lua-sau-cuon-la-nho": "an English related box's label dropped as a teaser, annotated a "
    "widget (the reason only)",
    "20-1thegioi-cong-phuong-hagl": "a last line cut inside an abbreviation ('… TP.HC'): no "
    "evidence of the cut (kept, listed as read with a doubt)",
    # heldout43 and heldout44 (stop 26)
    "01-hanoionline-ret-dam-gia-rau-xanh": "a related article's cut summary dropped as a widget, "
    "annotated a teaser (the reason only)",
    "02-dantocmiennui-nang-nong-thang-5": "a related box's label ('Đề xuất') dropped as a widget, "
    "annotated a teaser (the reason only)",
    "05-arttimes-pate-minh-chay": "a last line cut after a whole word ('… Hai Thành viên'): no "
    "evidence of the cut (kept, listed as read with a doubt)",
    "07-baoquocte-thu-uy-nhiem-uruguay": "a last line cut after a whole syllable ('… Uruguay "
    "tươi'): no evidence of the cut (kept, listed as read with a doubt)",
    "08-anninhthudo-xe-khach-lao-vuc-sa-pa": "an uncredited caption read as a paragraph",
    "11-antt-itaewon-khong-co-nguoi-viet": "'Theo: Vietnamnet' closing a copied story is read as "
    "its source; the annotation calls it a credit not read; reasons of two widgets differ",
    "13-asxh-tuyen-an-nguyen-kim-trung-thai": "a paragraph printed again with small changes is "
    "read twice (the copy is not word for word)",
    "16-bacgiangtv-heroin-cua-khau-po-y": "a source's address dropped as a teaser, annotated a "
    "credit (the reason only)",
    "17-doisongphapluat-ngo-doc-tiec-cuoi-quang-chau": "a last line cut after a whole word ('… "
    "sau khi dự'): no evidence of the cut (kept, listed as read with a doubt)",
    "01-rfa-phien-toa-pham-van-troi": "an interview's speakers' names taken for headings and its "
    "subheading missed; the last line cut after a whole word",
    "02-thanhtra-vifon-loi-sau-cung": "a song banner over the page ('Ca khúc: …') taken for the "
    "headline of a text with none; a subheading missed",
    "03-tinnhanhchungkhoan-khoi-ngoai-ban-rong-hose": "a last line cut after a number ('… giá trị "
    "20,39'): no evidence of the cut (kept, listed as read with a doubt)",
    "05-vietbao-gia-ca-phe-14-9": "a caption glued to the end of a paragraph is read with it (the "
    "paragraph is story)",
    "11-vnexpress-du-khach-ket-san-bay-bangkok": "a last line cut after a whole word ('… bánh "
    "kẹp'): no evidence of the cut (kept, listed as read with a doubt)",
    "14-tapchicongsan-olympic-vat-ly-2013": "a last line cut after a whole word ('… Vật lý quốc "
    "tế'): no evidence of the cut (kept, listed as read with a doubt)",
    "17-xahoi-hoa-hau-viet-nam-2012": "a last line ending on the colon before a cut quote ('… khi "
    "được hỏi:'): kept (tried dropping such lines: story lines over a missing table end so too)",
    "18-soha-hoa-hau-phu-nu-qua-anh": "a page's report-an-error form dropped as teasers, annotated "
    "widgets (the reasons only)",
    # heldout41 and heldout42 (stop 26)
    "02-giaoducnet-tot-nghiep-thanh-hoa-2017": "a related headline and a line of its summary "
    "between paragraphs are read (listed as read with a doubt)",
    "07-bongda24h-truc-tiep-u23-u20-han-quoc": "a live match page's labels in capitals ('KT', "
    "'KHÔNG ĐƯỢC', 'QUÁ ĐÁNG TIẾC') taken for the title, the byline and headings",
    "16-la34-tiep-tong-lanh-su-campuchia": "an uncredited caption read with a doubt",
    "02-vietnamplus-my-trung-phat-nga": "a related box's header dropped as a teaser, annotated a "
    "widget (the reason only)",
    "03-vietbaoonline-tin-van-cong-dong": "a community page's section title in title case ('Tin "
    "Vắn Cộng Đồng') under a greeting ('Hôm nay,') is not taken for the headline; a dateline "
    "glued to its dash ('SANTA ANA-') is read",
    "09-thuonghieucongluan-imo-2018": "a list item printed twice is read twice, and the cut last "
    "item ('… Huy') has no evidence of the cut",
    "10-phunutoday-xe-khach-deo-hai-van": "an empty author label dropped as a credit, annotated "
    "a widget (the reason only)",
    "13-trangtraiviet-luat-dat-dai": "a last line cut after a whole word with no evidence of the "
    "cut (listed as read with a doubt)",
    "14-vneconomy-galaxy-s24-ngay-luong": "a related headline and its summary over a text with no "
    "headline are taken for the title and the lead; the byline between two date lines is taken "
    "for a heading",
    "20-xtsmart-galaxy-s24-ra-mat-som": "a shop page's author line glued to its avatar label is "
    "not found; two subheadings missed; the last line cut after a whole word",
    # heldout39 and heldout40 (stop 26)
    "06-baobackan-clb-hat-then-ngan-son": "an uncredited caption of one long sentence without a "
    "stop is read (listed as read with a doubt)",
    "02-sokhcnvinhphuc-dai-hoi-dang-bo-vinh-tuong": "the source's address and a list's label "
    "dropped as teasers, annotated credit and widget (the reasons only)",
    "04-thaibinhtv-dinh-trung-dong": "a tag box's label dropped as a tag line, annotated a widget "
    "(the reason only)",
    "08-vksndtc-phien-toa-rut-kinh-nghiem": "the lead printed twice: the copy under the headline "
    "is read, the annotation lists the sapo's copy ending '...' (heard, not lost); the last line "
    "cut after a whole word",
    "14-24h-vuot-song-xe-bo": "a related headline and its one-sentence summary before the byline "
    "are read (a subheading and the story's last paragraph look the same)",
    "18-znews-dai-hoi-the-thao-toan-quoc": "a caption without credit in an image table is read "
    "with a doubt, annotated a caption (the reason only)",
    # heldout37 and heldout38 (stop 26)
    "10-baothanhhoa-tam-giu-3000-san-pham": "a last line cut after a whole word ('… tăng cường "
    "bám'): no evidence of the cut (kept, listed as read with a doubt)",
    "11-kinhdoanhnet-samsung-ngung-ban-note-7": "a last line cut after a whole word ('… máy quét "
    "mống'): no evidence of the cut (kept, listed as read with a doubt)",
    "12-danviet-lu-quet-mu-cang-chai": "a last line cut after a whole word ('… chỉ đạo khắc "
    "phục'); a clip's caption with its credit labelled a credit, annotated a caption",
    "07-nhandan-nha-van-le-luu": "a last line cut after a whole word ('… các cơ quan liên'): no "
    "evidence of the cut (kept, listed as read with a doubt)",
    "09-sggp-tri-an-bui-thi-xuan": "an uncredited photo caption over the tagged lead is taken for "
    "the headline (a headline looks the same); its last line cut with no evidence",
    "10-plo-chung-than-vu-van-vinh": "'Theo Lê Quang (TNO)' closing a copied story is read as its "
    "byline; the annotation calls it a credit with no byline",
    "14-thuysanvietnam-gia-tom-bac-lieu": "'Nguồn: Báo Bạc Liêu' under the initials is read as "
    "the source; the annotation calls it a credit not read",
    "15-vov-bong-da-nu-vong-loai-olympic": "a related headline standing between two paragraphs "
    "is taken for a subheading (it looks like one)",
    "02-congdoantravinh-qua-tet-duyen-hai": "a login name among a contact box's phone numbers "
    "is dropped as a credit (a user's or site's name), annotated a widget (the reason only)",
    # heldout4 (36 articles, 35 new outlets), blind: run 2's misses (heldout4/RUN2_main_fe76546.txt)
    # were fixed by class after the runs (heldout4/README.md); this one is left.
    "09-chiemhoa-ngay-hoi-van-hoa-trung-ha": "a last line cut on a whole syllable ('…, thu') is "
    "read: no evidence in the text that the word is cut",
    # dev 59-61 (article-r6): pages with chrome of their own, annotated before the parser ran.
    "59-mangyte-so-ket-cum-thi-dua-phat-thanh": "a related link between the headline and the "
    "lead ('Quán Thanh xuân tháng 7/2020: Về nhà xem phim') is read as the lead's heading",
    # heldout5 (36 articles, 35 new outlets), blind: run 2's misses (heldout5/RUN2_main_901c1d8.txt)
    # were fixed by class after the runs (heldout5/README.md, "Fixed after the runs"); left:
    "17-nghean24h-xe-sh-dam-duoi-xe-dau-keo": "a last line cut after a whole word ('… anh H. đập "
    "đầu vào'): the initial's stop is taken for a sentence end, so only 'đập đầu vào' is dropped "
    "as the unfinished fragment",
    "19-tracuuquyhoach-hoc-sinh-song-ly-ly": "'Nguồn CAND : https://…' is read as the source "
    "'Nguồn CAND' and its link dropped (the rule for source links); the annotation wants the line "
    "dropped whole as a credit",
    "22-binhthuansports-viet-da-tien-phong": "a last line cut on a whole syllable ('… thành tích "
    "chuyên') is read: no evidence in the text",
    "23-hoangsuphi-be-mac-giai-bong-chuyen": "the date run into its counter ('26/12/2022 08:17 38 "
    "lượt xem') keeps the date and drops the counter; the annotation wants the whole line a widget",
    "33-kevesko-mua-lu-lich-su-mien-trung": "two inline related headlines between paragraphs are "
    "read: nothing tells them from an uncredited caption or a long subheading",
    # heldout10 (20 articles, 20 new outlets), blind, scored once on main at 31f478b
    # (heldout10/RUN1_main_31f478b.txt); its classes fixed by class since, this one left.
    "04-mylaw-to-cong-nghe-so-cong-dong": "a last line cut inside a word that is a syllable's "
    "shape ('… thành thạo các bư'): no word of the text begins with it twice",
    # heldout12 (20 articles, 20 new outlets), blind, scored once on main at 54d4ac0
    # (heldout12/RUN1_main_54d4ac0.txt); its classes fixed by class since, this one left.
    "14-antoanthongtin-nen-tang-so-quoc-gia": "a last line cut after a whole word ('… rà soát "
    "và gửi'): a verb may end a sentence, no evidence of the cut",
    # heldout13 (20 articles, 20 new outlets), blind, scored once on main at 3c0445e
    # (heldout13/RUN1_main_3c0445e.txt); its classes fixed by class since, these left.
    "02-taichinhnhadat-huy-an-phuc-tham-don-khang-cao": "a last line cut after a whole word "
    "('… của bà D chưa'): a word that may end a question, no evidence of the cut",
    "12-cafeland-nha-may-soi-tay-ninh": "a last line cut after a whole word ('… hơn 50% nguyên')",
    "13-vinathis-trump-19-phieu-dai-cu-tri": "an English widget title over the headline "
    "('Cryptocurrency Prices by Vinathis Finance') is read as the title; an image's code name "
    "dropped as a widget, annotated as a caption",
    "18-tuoitrebinhdinh-doan-xa-my-hoa-tap-huan": "three category names run together on one line "
    "('Gương, mô hình tiêu biểu Hoạt động cấp cơ sở …') are read",
    "20-giadinhmoi-bac-si-ung-buou": "a last line cut inside a word and holding commas is dropped "
    "as a keyword line, not as an unfinished fragment (the reason only)",
    # heldout14 (20 articles, 20 new outlets), blind, scored once on main at bbd4014
    # (heldout14/RUN1_main_bbd4014.txt); its classes fixed by class since, these left.
    "02-baobaclieu-benh-vien-nang-cao-chuyen-mon": "a section name over the headline ('Y tế - "
    "Sức khỏe') is dropped as a breadcrumb (widget); the annotation calls it a tag line",
    "04-kontumtv-tu-tin-thi-tot-nghiep-thpt": "a category glued to the headline ('Văn hoá, xã hội "
    "Tự tin bước vào …') is read with it",
    "15-lhhtxocop-bac-kan-mien-dong-sang-sec": "a last line cut after a whole syllable ('… thăm "
    "cơ ngơ') is read: no evidence of the cut",
    "17-camnangnhatban-tai-nan-giao-thong-saga": "a cut Japanese sentence closing the page is "
    "dropped as a teaser, annotated as an unfinished fragment (the reason only)",
    "20-kpasso-ocop-xuat-khau-thanh-cong": "a breadcrumb dropped as a widget (annotated a tag "
    "line) and a cut last line dropped as a teaser (annotated unfinished): the reasons only",
    # heldout16 (20 articles, 20 outlets none of heldout15's), blind, scored once on main at
    # 696ff72 (heldout16/RUN1_main_696ff72.txt); its classes fixed by class since, these left.
    "01-vnexpress-tim-nan-nhan-vui-lap-lung-cu": "a last line cut after a whole word ('… Thủy văn "
    "quốc gia ghi nhận'): a verb may end a sentence, no evidence of the cut",
    "03-sggp-indonesia-viet-nam-1-3": "a related box's header with nothing under it ('Tin cùng "
    "chuyên mục') is dropped as a widget; the annotation calls it a teaser (the reason only)",
    "06-kienthuc-bien-chung-vi-tu-dung-thuoc": "a last line cut inside a word that is a syllable "
    "('… chảy máu tiêu hó'): no longer word of the text starts with it",
    "07-baoquocte-tong-thong-algeria-tranh-cu": "a last line cut inside a word that is a syllable "
    "('… đặc bi'); a related headline printed twice on its line is dropped in two halves "
    "(duplicate and teaser), annotated one teaser",
    "12-baodautu-tieu-diem-dau-tu-tuan-qua": "a last line cut inside a word that is a syllable "
    "('… tại Trun'); a subheading of fourteen words is read as a paragraph",
    # heldout17 (20 articles, 20 outlets none of heldout15-16's), blind, scored once on main at
    # 7993df3 (heldout17/RUN1_main_7993df3.txt); its classes fixed by class since, these left.
    "02-hanoimoi-20-mat-hang-xuat-khau-ty-usd": "related boxes' headers ('Nổi bật', 'Đừng bỏ "
    "lỡ') dropped as teasers, annotated widgets (the reason only)",
    "14-qbtv-hoi-ram-thang-ba-minh-hoa": "a rating prompt among the sidebar's boxes after the "
    "story is dropped as a teaser, annotated a widget (the reason only)",
    "17-langson-khai-mac-ky-hop-thu-17-hdnd": "a one-word last line ('Tiếp') is read: it may be "
    "a 'next' link or the text cut off, no evidence either way",
    # heldout18 (20 articles, 20 outlets none of heldout15-17's), blind, scored once on main at
    # 0d20664 (heldout18/RUN1_main_0d20664.txt); its classes fixed by class since, these left.
    "01-tuoitre-mo-man-vleague-2017-shb-da-nang": "a last line cut inside a name ('* Trên sân "
    "Cần'): the text writes the name nowhere else, no evidence of the cut",
    "07-truyenthongkhoahoc-phat-hien-loai-moi": "a last line cut after a whole word ('Bên cạnh "
    "các loài động vật mới'): no evidence of the cut",
    "12-baotuyenquang-nguoi-giu-lua-then": "a related box's header with nothing under it is "
    "dropped as a widget, annotated a teaser (the reason only)",
    "13-btgdongthap-phat-bieu-be-mac-dai-hoi-xi": "a last line cut inside a word that is a "
    "syllable ('… đột phá tro'): the text never writes the whole word",
    "16-lochung-ra-quan-don-ve-sinh-tet-2026": "a visit counter's labels without numbers ('Hôm "
    "nay', 'Tổng lượt truy cập') closing the page are dropped as teasers (the reason only)",
    # heldout19 (20 articles, 20 outlets none of heldout15-18's), blind, scored once on main at
    # 045fe69 (heldout19/RUN1_main_045fe69.txt); its classes fixed by class since, these left.
    "04-giadinh-rau-xanh-dat-sau-bao-so-3": "a related headline run into the first paragraph "
    "on the story's topic is read (it may be a subheading run in)",
    "06-vksndtc-phien-toa-rut-kinh-nghiem-dak-lak": "a last line cut after a whole word ('… đã "
    "phối hợp'): no evidence of the cut",
    "07-tapchimoitruong-ra-quan-chong-rac-thai-nhua": "a statistics box's label and one counter "
    "row after the story are dropped as teasers, annotated widgets (the reason only)",
    # heldout20 (20 articles, 20 outlets none of heldout15-19's), blind, scored once on main at
    # f5771a6 (heldout20/RUN1_main_f5771a6.txt); its classes fixed by class since, these left.
    "02-ngaymoi-xet-xu-luu-dong-nu-sinh-giao-ga": "a last line cut after a whole word ('… hình "
    "thức xét xử'): no evidence of the cut",
    "04-giaoducedu-le-truong-thanh-khoi-12": "two section names glued ('Sự kiện giáo dụcTin tức') "
    "dropped as a tag line, annotated a widget (the reason only)",
    "18-baoquangngai-hoc-sinh-gioi-tra-bong": "a last line cut after a syllable ('… Khoa học "
    "kỹ'): the text never writes the whole name",
    "20-locthanh-tong-ket-nam-hoc": "a related box's header with nothing under it dropped as a "
    "widget, annotated a teaser (the reason only)",
    # heldout21 (20 articles, 20 outlets none of heldout15-20's), blind, scored once on main at
    # 91ee254 (heldout21/RUN1_main_91ee254.txt): one sentence lost, fixed since; these left.
    "01-bongda24h-huu-thang-cong-vinh": "a link prompt with an arrow and a bar ('⇒ Theo dõi … |') "
    "dropped as a caption, annotated a teaser (the reason only)",
    "02-sputnik-putin-nguyen-phu-trong": "image alt texts ending with the outlet's name ('… - "
    "Sputnik Việt Nam') are read, the first as the lead (a page's title looks the same)",
    "07-yeah1-miu-le-hoang-dung": "a last line cut after a whole word ('… anh đã kết hợp'): no "
    "evidence of the cut",
    "09-gtviet-moc-thoi-gian-thi-thpt": "a last line cut inside a word that is a syllable ('… sau "
    "phú'): no evidence in the text",
    "12-cadn-chay-nha-ha-tinh": "the outlet's name on a line dropped as a tag line, annotated a "
    "widget (the reason only)",
    "13-truyenhinhnghean-chuyen-ruong-dong": "two section names run together over a short "
    "headline ('TV & Video Hoạt động NTV') are taken for the title",
    "18-benhviennhi2-rua-tay": "a related box's header with nothing under it dropped as a widget, "
    "annotated a teaser (the reason only)",
    "19-vhntyenbai-dong-bao-mong-du-lich": "a featured story's cut headline over the headline is "
    "read, and the last line cut inside a word with no evidence",
    # heldout22 (20 articles, 20 outlets none of heldout15-21's), blind, scored once on main at
    # 1a614c6 (heldout22/RUN1_main_1a614c6.txt): two sentences lost, fixed since; these left.
    "04-toquoctv-le-hoi-viem-xa": "a copied story's 'Nguồn tin:' line is taken for the byline",
    "11-baoquangbinh-dua-thuyen-tuyen-hoa": "share icons' names and a related box's header "
    "labelled the other way round from the annotation (the reasons only)",
    "13-vinanet-xuat-khau-ca-phe-thang-ba": "a source line closing the story is the story's "
    "source; the annotation calls it a credit (the reason only)",
    "15-moitruong-canh-bao-chay-rung": "a last line cut inside a list of districts with no "
    "evidence of the cut",
    "19-baovinhlong-ngay-truyen-thong-nhiep-anh": "a last line cut after a whole word ('… tổ "
    "chức sáng tác'): no evidence of the cut",
    # heldout23 and heldout24 (20 articles each, outlets split by domain a-m / n-z), blind, scored
    # once on main at 4021ab2 (RUN1_main_4021ab2.txt): nothing lost; fixed by class, these left.
    "02-docnhanh-dong-dat-myanmar": "a last line cut after a quote's attribution word ('…, một'): "
    "no evidence of the cut (kept, listed as read with a doubt)",
    "06-baotainguyenmoitruong-ngo-doc-tiec-cuoi": "a lone 'ANh' (an image label mistyped) taken "
    "for a heading; a box header labelled teaser, annotated widget",
    "08-baothaibinh-le-hoi-co-trai": "a related box's header dropped as a widget, annotated a "
    "teaser (the reason only)",
    "13-bvdktinhthaibinh-cccd-kham-benh": "a last line cut after a whole word ('… chuyển đổi'): no "
    "evidence of the cut (kept, listed as read with a doubt)",
    "15-caophongtv-tiep-xuc-cu-tri-cao-phong": "a related box's header dropped as a widget, "
    "annotated a teaser (the reason only)",
    "17-chiemhoa-giai-bong-da-7-nguoi": "a caption without credit taken for a heading; a related "
    "box's header dropped as a widget, annotated a teaser",
    "03-plo-duoi-nuoc-song-dong-nai": "a caption without credit taken for a heading; four box "
    "headers labelled the other way round from the annotation (the reasons only)",
    "11-susta-kinh-te-son-la": "a template's 'No title...' row dropped as a teaser, annotated a "
    "widget (the reason only)",
    "14-tnmtquangnam-chat-thai-ran-nong-thon": "a last paragraph cut after a whole word ('… tổ "
    "chức triển khai'): no evidence of the cut",
    # heldout25 and heldout26 (20 articles each, a-m / n-z), blind, scored once on main at
    # ead65fd (RUN1_main_ead65fd.txt): four sentences lost, fixed since; these left.
    "01-bbc-bau-cu-anh-quoc-hoi-treo": "a live page's own labels ('Thời gian tính bằng giờ Anh', "
    "'Tham gia') are read and its summary label taken for the title; its last line cut",
    "02-dantri-hai-hoc-sinh-chet-duoi-dai-loc": "a related story's photo caption, a whole "
    "sentence, is read (listed as read with a doubt)",
    "06-cadn-lhq-nan-doi-chau-phi": "the outlet's name dropped as a tag line, annotated a widget "
    "(the reason only)",
    "07-baodautu-covid-19-ngay-15-1": "a bulletin's first subheading taken for the headline; its "
    "last line cut after a whole word",
    "11-caodangbachkhoa-khai-giang-2025": "a last line cut inside a list of names with no evidence "
    "of the cut (listed as read with a doubt)",
    "12-baocuuchienbinh-kiem-tra-ket-luan-62": "a last line cut after 'về' with no evidence of the "
    "cut (listed as read with a doubt)",
    "05-vietq-ken-do-choi-trong-phoi": "a teaser glued after the story's last sentence is not "
    "listed as a teaser (the reason only)",
    "08-vanhaiphong-tap-tho-viet-kieu": "the labelled 'Tác giả:' line taken for the byline where "
    "the annotation chose the initials 'MT'; a spam line dropped as a teaser (annotated a tag)",
    "11-sonmua-ky-hop-hdnd": "a headline of 40 words that the lead repeats is read as the lead; "
    "a last line cut after a whole word",
    "16-viettri-dat-me-viet-tri-4": "a section label in capitals dropped as a byline, annotated a "
    "widget (the reason only)",
    # heldout27 and heldout28 (20 articles each, a-m / n-z), blind, scored once on main at
    # 2f683d1 (RUN1_main_2f683d1.txt): one sentence lost, fixed since; these left.
    "09-honglinh-hoi-dien-nghe-thuat-quan-chung": "a portal's side boxes dropped as teasers, "
    "annotated widgets (the reasons only)",
    "15-kinhtenongthon-chan-nuoi-lon-biogas": "a last line cut inside a word that is a syllable "
    "('… năng lượng sạ'): no evidence of the cut (kept, listed as read with a doubt)",
    "20-bnews-dong-dat-tay-java": "related boxes' headers with nothing under them dropped as "
    "widgets, annotated teasers (the reasons only)",
    "01-tuyengiaotiengiang-dai-hoi-khoi-co-quan": "a last line cut after 'các chỉ' with no "
    "evidence of the cut (kept, listed as read with a doubt)",
    "03-nongthonmoihatinh-mua-lon-ngap-lua": "a list's 'newer'/'older' headers dropped as teasers, "
    "annotated widgets (the reasons only)",
    "05-vtc-ngo-doc-nam-rung": "a copied story's source line '(Nguồn: …)' taken for the byline; "
    "the section glued to the date read as the date line (the reasons only)",
    "16-thainguyentv-tang-truong-6-thang": "an editor's note glued to the headline ('- đã psts "
    "17.6') is read with it",
    "18-plo-quoc-khanh-bangladesh": "a caption cut after 'tại' is read (kept: no credit)",
    # heldout29 and heldout30 (20 articles each, a-m / n-z), blind, scored once on main at
    # 2572ef6 (RUN1_main_2572ef6.txt): nothing lost; fixed by class since, these left.
    "02-huyenuyphucu-tham-gia-dinh-sau-bao-so-3": "a last line cut after a whole word with no "
    "evidence of the cut (kept, listed as read with a doubt)",
    "05-docnhanh-ngo-doc-tiec-cuoi-quang-chau": "a last line cut inside a word that is a syllable "
    "('… một số có bi'): no evidence (kept, listed as read with a doubt)",
    "10-baobacgiang-vat-cau-nuoc-lang-van": "an e-magazine's headline over two lines, its photo "
    "credit labelled a teaser, its last line cut ('… từ sô')",
    "19-baohatinh-nui-lua-lewotobi": "a last line cut inside a word that is a syllable ('… bị "
    "ho'): no evidence (kept, listed as read with a doubt)",
    "01-thcschuvanan-ket-nap-dang-vien": "a social box's header dropped as a teaser, annotated a "
    "widget (the reason only)",
    "09-nhipsonghomnay-blinken-niger": "a related box's header dropped as a teaser, annotated a "
    "widget (the reason only)",
    "12-thptnghen-sao-thang-gieng": "a last line cut after a whole word ('… tranh cúp'): no "
    "evidence of the cut",
    "18-vtcnews-viettel-ha-tinh": "a streaming ad dropped as a teaser, annotated a widget (the "
    "reason only)",
    # heldout31 and heldout32 (20 articles each, a-m / n-z), blind, scored once on main at
    # 4c75674 (RUN1_main_4c75674.txt); their classes were fixed after the run; left:
    "05-hungvu-dai-hoi-dang-bo-xa": "a cut last line ('… nhiệm v') dropped as a related "
    "headline's cut summary, annotated an unfinished fragment (the reason only)",
    "07-chinhsachcuocsong-cuu-benh-nhan-vo-lach": "a one-sentence caption over its credit line "
    "('Ảnh: TTXVN phát') is read: a story paragraph over a photo credited without a caption "
    "looks the same",
    "10-baovephapluat-dong-dat-nepal": "a last line cut after a whole word ('… Prabal Saakha - "
    "một'): no evidence (kept, listed as read with a doubt)",
    "17-congandongnai-ma-tuy-tan-loi": "a last line cut after a whole word ('… góp phần giữ "
    "vững'): no evidence (kept, listed as read with a doubt)",
    "04-pbgdpl-du-thao-nghi-dinh-vbqppl": "a last line cut inside a name ('… Ủy ban Thường vụ'): "
    "no evidence (kept, listed as read with a doubt)",
    "09-tdtt-bong-chuyen-nong-dan": "a caption repeating a related headline dropped as a "
    "duplicate, annotated a caption (the reason only)",
    "11-ttytbaoloc-tang-huyet-ap": "a portal's navigation labels ('Những tin mới hơn', 'Danh bạ "
    "cơ quan') dropped as teasers, annotated widgets (the reasons only)",
    # heldout33 and heldout34 (a-m / n-z), blind, scored once on main at e5d4e61
    # (RUN1_main_e5d4e61.txt); their classes were fixed after the run; left:
    "02-antgct-lu-lut-mien-trung": "a last line cut after a whole word (a list of the forces sent, "
    "'… di dời'): no evidence (kept, listed as read with a doubt)",
    "04-hotvietnam-co-phieu-qnc": "a chart's caption taken for a heading; a last line cut after "
    "a whole word ('… nằm trong diện'): no evidence",
    "05-antt-ma-co-phieu-thoat-canh-bao": "a last line cut inside a word that is a syllable ('… "
    "Quy chế Niêm y'): no evidence",
    "10-baodongnai-cuu-song-cu-ba": "a list's header ('Tin xem nhiều') dropped as a widget, "
    "annotated a teaser (the reason only; heldout34's 'Đọc nhiều' is annotated a widget)",
    "11-baodautu-chay-nhua-tien-phong": "a last line cut inside a word that is a syllable ('… "
    "Khi anh đang làm vi'): no evidence (kept)",
    "13-doanhnghiepvn-khung-long-utah": "two related headlines joined by ' / ' read; a last line "
    "cut after a whole word",
    "14-giadinh-cum-a-h1n1": "an editor's user name dropped as a widget, annotated a credit; a "
    "comment prompt dropped as a teaser, annotated a widget (the reasons only)",
    "07-vovgov-ngay-hoi-tay-bac": "a copy site's 'Nguồn tin: VOVVN' taken as the source line, "
    "annotated a credit (neither is read as story)",
    "14-webthethaovn-viettel-ha-noi": "a cut two-letter fragment after the byline ('Đă') dropped "
    "as a widget, annotated an unfinished fragment (the reason only)",
    "15-thoimoi-dong-dat-nhat-ban": "an outlet's address after a slash ('/ vnexpress.net') dropped "
    "as a teaser, annotated a credit (the reason only)",
    "18-plo-cap-nhat-ios": "box headers ('Đọc nhiều', 'Tiện ích') dropped as teasers, annotated "
    "widgets (the reasons only)",
    "19-2lua-vuon-cay-3-trong-1": "a category glued to the headline ('Mô hình kinh tế Thu nhập "
    "…') read in the title; a subheading not found",
    # heldout35 and heldout36 (a-m / n-z), blind, scored once on main at 534b8fa
    # (RUN1_main_534b8fa.txt); their classes were fixed after the run; left:
    "05-danviet-cau-giao-thuy": "a print page's outlet name and an 'img' placeholder dropped with "
    "other reasons than annotated (the reasons only)",
    "08-bimatsao-hoang-xuan-vinh": "a 'Xem thêm: …' line about the site's own news dropped as a "
    "teaser, annotated a widget (the reason only)",
    "09-baophapluat-obama-tai-dac-cu": "a lead printed again with one word added ('đã') is read "
    "twice: not the same text, so no duplicate by the rule",
    "13-kienthuc-hoc-sinh-duoi-nuoc": "a last line cut inside a name ('Em Phạm Thị Ng') taken "
    "for the byline",
    "17-baovemoitruong-loai-moi-2021": "a last line cut after a whole word ('… các nhà'): no "
    "evidence (kept, listed as read with a doubt)",
    "04-stnmtquangtri-giao-ban-tnmt-phia-bac": "a last line cut after a whole word: no evidence "
    "(kept, listed as read with a doubt)",
    "08-thethaovtv-kim-sang-sik-nepal": "a copy button's counter ('Đã copy 0') dropped as a tag "
    "line, annotated a widget (the reason only)",
    "11-vjsvietnam-le-hoi-den-ha-tuyen-quang": "a platform's slogan taken for the title, its "
    "names and date run together taken for a heading; box headers' reasons",
    "14-nvnorthwest-tan-cong-bang-dao-paris": "a credit cut after its bracket ('(V.Giang') "
    "dropped as an unfinished fragment, annotated a credit (the reason only)",
    "17-nongnghiep-tre-ngu-li-bi-thuan-an": "a 'Xem thêm' button dropped as a teaser, annotated a "
    "widget (the reason only)",
    "18-tuoitre-hsg-quoc-gia-2012": "a rating widget's prompts dropped as teasers, annotated "
    "widgets (the reasons only)",
    "13-vanhoanghethuat-lien-hoan-van-nghe": "a printed issue named as the source ('Nguồn : Tạp "
    "chí VHNT số 384') is taken as the source line, annotated a credit (neither is read aloud "
    "as story)",
}
#: Sets whose title/byline/headings score is below the 90% target, with the measured figure.
STRUCTURE_BELOW_TARGET: dict[str, str] = {
    "heldout60": "51/60 (85.0%): uncredited captions taken for subheadings (01, 03, 17), a cut "
    "first sentence and a first line with no stop taken for titles (01, 06), source lines read "
    "as the byline by the house rule (03, 05), a line printed twice (13), a headline repeated "
    "inside a line (07)",
    "heldout41": "51/60 (85.0%): a live page's labels in capitals (07), a headline printed over "
    "two lines (09), a subheading ending with a question mark (14), list labels ending with a "
    "colon (18), captions taken for headings (04, 10)",
    "heldout42": "52/60 (86.7%): a community page's title in title case (03), a headline-less text "
    "under a related headline (14), a shop page's author and subheadings (20), captions (04)",
    "heldout21": "51/60 (85.0%): a text opening on a section heading (06), menu and section lines "
    "over short headlines (13, 19), uncredited captions taken for headings or titles (02, 15, 17)",
    "heldout14": "53/60 (88.3%): headings of a text opening on its first section (14) and three "
    "long subheadings (20) not found, a category glued to the headline (04)",
}


def _case(path: Path) -> object:
    reason = KNOWN.get(path.stem)
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(path, marks=marks, id=f"{path.parent.name}/{path.stem}")


def test_corpus_size() -> None:
    import json

    outlets = {json.loads(p.with_suffix(".json").read_text("utf-8"))["outlet"] for p in ALL}
    assert len(ALL) >= 40 and len(outlets) >= 10


@pytest.mark.parametrize("path", [_case(p) for p in ALL])
def test_article_is_read_whole(path: Path) -> None:
    s = score(path)
    print(f"{s.ratio:.0%} {s.name}")
    content = [f for f in s.failures if not f.startswith(("title:", "byline:", "headings:"))]
    assert s.lost == 0 and s.junk == 0 and not content, "\n".join(s.failures)


def _set(which: str) -> object:
    reason = STRUCTURE_BELOW_TARGET.get(which)
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(which, marks=marks, id=which)


@pytest.mark.parametrize("which", [_set(w) for w in SETS])
def test_titles_bylines_headings_mostly_right(which: str) -> None:
    scores: list[Score] = [score(p) for p in cases(which)]
    right = [ok for s in scores for ok in s.structure]
    misses = [f for s in scores for f in s.failures if f.startswith(("title", "byline", "head"))]
    assert sum(right) / len(right) >= 0.9, misses


@pytest.mark.parametrize(("page", "twin"), pages(), ids=lambda p: p.name)
def test_saved_page_reads_like_its_text(page: Path, twin: Path) -> None:
    s = score(twin, page)
    print(f"{s.ratio:.0%} {s.name}")
    assert s.ratio == 1.0, "\n".join(s.failures)


def test_text_wrapped_at_a_fixed_width_is_read_in_whole_sentences() -> None:
    """Pasted from an e-mail or a PDF, each corpus text broken at 76 columns (paragraphs apart
    by blank lines): the sentences to hear are still heard whole. Without unwrapping 719 of
    1,318 were cut in two when it was written; at stop 30, 107 of 5,441 (144 at 60 columns,
    106 at 100; 160, 201, 145 before paragraphs set apart by blank lines let a first line
    join), mostly where a line goes on with a capital inside a block not wrapped at the
    text's width."""
    import json
    import textwrap

    from corpus_score import _fold, _identity

    from audionews.article import parse_article
    from audionews.script import build_script

    total = cut = 0
    for path in ALL:
        ann = json.loads(path.with_suffix(".json").read_text("utf-8"))
        raw = path.read_text("utf-8").splitlines()
        wrapped = "\n\n".join(textwrap.fill(line, width=76) for line in raw if line.strip())
        script = build_script(parse_article(wrapped), max_chars=100_000, normalize=_identity)
        heard = _fold(" ".join(c.text for c in script.chunks))
        flat = _fold(" ".join(raw))
        for sentence in ann["must_hear"]:
            total += _fold(sentence) in flat
            cut += _fold(sentence) in flat and _fold(sentence) not in heard
    assert total > 900 and cut / total < 0.03, (cut, total)
