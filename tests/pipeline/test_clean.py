import json
import unicodedata
from pathlib import Path

import pytest

from pipeline.clean import LABELS, Block, Page, clean_html, clean_text
from pipeline.errors import EmptyPageError
from pipeline.text.normalize import fold

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"

TITLE = "Nâng cao chất lượng sinh hoạt chi bộ trong Đảng bộ Khối các cơ quan tỉnh"
LEAD = "Sáng 10-4, Đảng ủy Khối các cơ quan tỉnh tổ chức hội nghị giao ban cấp ủy cơ sở quý I năm 2019."
PARA_1 = (
    "Trong quý, các cấp ủy đã chú trọng và thực hiện có hiệu quả việc triển khai, học tập các chỉ thị, "
    "nghị quyết của Đảng; kiện toàn sắp xếp tổ chức, bộ máy và đội ngũ cán bộ trực thuộc. Kết quả, trong "
    "3 tháng đầu năm, Đảng bộ Khối đã kết nạp 59 đảng viên mới, bằng 1,14% so với tổng số đảng viên. Công tác "
    "kiểm tra, giám sát được tăng cường, chất lượng sinh hoạt chi bộ từng bước được nâng lên, vai trò hạt nhân chính trị ở cơ sở được phát huy."
)
PARA_2 = (
    "Bí thư Đảng ủy Khối các cơ quan tỉnh Nguyễn Hữu Định yêu cầu trong thời gian tới, các cấp ủy tập trung "
    "lãnh đạo, chỉ đạo cán bộ, đảng viên phát huy vai trò tiên phong, gương mẫu, lao động sáng tạo, hoàn "
    "thành xuất sắc nhiệm vụ được giao. Làm tốt công tác giáo dục chính trị tư tưởng, kịp thời nắm bắt và "
    "định hướng dư luận xã hội cho cán bộ, đảng viên và quần chúng trong toàn Đảng bộ Khối, nhất là ở các chi bộ cơ sở mới thành lập."
)
PARA_3 = (
    "Bên cạnh đó, cần nâng cao chất lượng sinh hoạt chi bộ, nhất là sinh hoạt chuyên đề. Sinh hoạt chi bộ "
    "không được gắn với sinh hoạt chuyên môn, thời gian sinh hoạt phải đảm bảo theo quy định của Điều lệ. "
    "Trong sinh hoạt, chi bộ phải phát huy dân chủ, gợi mở các vấn đề để đảng viên tham gia ý kiến, khi sắp "
    "xếp tổ chức bộ máy phải thực hiện đồng bộ với sắp xếp tổ chức Đảng để phù hợp với việc sắp xếp đơn vị hành chính các cấp."
)


def page_of(*lines: str) -> str:
    """A page-text dump: one paragraph a line, blank lines between."""
    return "\n\n".join(lines)


def texts(page: Page, label: str | None = None) -> list[str]:
    return [b.text for b in page.blocks if label is None or b.label == label]


def labels(page: Page) -> list[tuple[str, str]]:
    return [(b.label, b.text) for b in page.blocks]


def cleaned(path: Path) -> Page:
    raw = path.read_text(encoding="utf-8")
    return clean_html(raw, str(path)) if path.suffix == ".html" else clean_text(raw, str(path))


# --- furniture, SEO wrappers, counters ---------------------------------------------------


@pytest.mark.parametrize(
    "furniture",
    [
        "Đăng nhập",
        "Truy cập nội dung luôn",
        "Back to top button",
        "Trả lời",
        "Email của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *",
        "*",
        ".",
        ";",
        "Chia sẻ",
    ],
)
def test_clean_text_drops_furniture_line(furniture):
    page = clean_text(page_of(TITLE, LEAD, furniture, PARA_1, PARA_2))
    assert furniture not in texts(page)
    assert texts(page, "body") == [PARA_1, PARA_2]
    assert any("furniture" in note for note in page.notes)


@pytest.mark.parametrize("counter", ["Thống kê truy cập", "Đang truy cập: 1", "Tổng truy cập: 1764683", "Hôm nay: 1.204", "Lượt xem: 350"])
def test_clean_text_drops_visit_counter(counter):
    page = clean_text(page_of(TITLE, counter, PARA_1, PARA_2))
    assert counter not in texts(page)
    assert texts(page, "body") == [PARA_1, PARA_2]


@pytest.mark.parametrize(
    "wrapper",
    [
        "Bạn đang quan tâm đến Nâng Cao Chất Lượng phải không? Nào hãy cùng VCCIDATA đón xem bài viết này nhé!",
        "XEM VIDEO Nâng Cao Chất Lượng tại đây.",
        "Bạn đang xem: Nâng cao chất lượng sinh hoạt chi bộ",
        "Xem thêm: Trọn Bộ Đề Thi Tiếng Anh Lớp 3 Mới Nhất",
        "XEM THÊM:  Công nghệ xác định vị trí là gì",
        "Vậy là đến đây bài viết về Nâng Cao Chất Lượng đã dừng lại rồi. Hy vọng bạn luôn theo dõi.",
        "Chúc các bạn luôn gặt hái nhiều thành công trong cuộc sống!",
    ],
)
def test_clean_text_drops_seo_wrapper(wrapper):
    page = clean_text(page_of(TITLE, PARA_1, wrapper, PARA_2, PARA_3))
    assert wrapper not in texts(page)
    assert texts(page, "body") == [PARA_1, PARA_2, PARA_3]
    assert any("SEO" in note for note in page.notes)


# --- title, breadcrumbs, dateline, lead ----------------------------------------------------


def test_clean_text_title_found_below_breadcrumbs():
    page = clean_text(page_of("Xây dựng Đảng", "Hỏi đáp", TITLE, LEAD, PARA_1))
    assert page.title == TITLE
    assert page.blocks[0] == Block("title", TITLE)
    assert "Xây dựng Đảng" not in texts(page) and "Hỏi đáp" not in texts(page)
    assert any("breadcrumb" in note for note in page.notes)


def test_clean_text_short_tag_under_title_is_dropped():
    page = clean_text(page_of(TITLE, "Bắc Ninh", LEAD, PARA_1))
    assert "Bắc Ninh" not in texts(page)
    assert labels(page)[:2] == [("title", TITLE), ("lead", LEAD)]


def test_clean_text_no_title_when_page_starts_with_a_paragraph():
    page = clean_text(page_of(PARA_1, PARA_2))
    assert page.title is None
    assert "title" not in [b.label for b in page.blocks]


def test_clean_text_breadcrumb_trail_is_not_the_title():
    trail = "Trang chủ > Xây dựng Đảng > Tổ chức cơ sở đảng"
    page = clean_text(page_of(trail, TITLE, PARA_1))
    assert page.title == TITLE
    assert trail not in texts(page)


def test_clean_text_titled_name_under_the_title_is_byline():
    author = "TS. Nguyễn Văn An, Phó Trưởng Ban Tổ chức Tỉnh ủy"
    page = clean_text(page_of(TITLE, author, PARA_1, PARA_2))
    assert ("byline", author) in labels(page)


@pytest.mark.parametrize(
    "line, iso",
    [
        ("Cập nhật lúc 16:10, Thứ Tư, 10/04/2019 (GMT+7)", "2019-04-10T16:10:00"),
        ("2020-08-24 08:14:00.0", "2020-08-24T08:14:00"),
        ("Thứ Năm, 15/10/2020, 16:21 (GMT+7)", "2020-10-15T16:21:00"),
        ("Ngày 12 tháng 3 năm 2025", "2025-03-12"),
        ("12/03/2025", "2025-03-12"),
    ],
)
def test_clean_text_dateline_parsed(line, iso):
    page = clean_text(page_of(TITLE, line, LEAD, PARA_1))
    assert page.published == iso
    assert ("dateline", line) in labels(page)


def test_clean_text_impossible_date_is_not_published():
    page = clean_text(page_of(TITLE, "31/02/2019 10:00", LEAD, PARA_1))
    assert page.published is None


def test_clean_text_date_inside_body_is_not_a_dateline():
    sentence = "Ngày 12 tháng 3 năm 2025, Ban Thường vụ Tỉnh ủy đã tổ chức hội nghị sơ kết công tác xây dựng Đảng."
    page = clean_text(page_of(TITLE, PARA_1, sentence, PARA_2))
    assert page.published is None
    assert sentence in texts(page, "body")


def test_clean_text_lead_is_short_first_paragraph():
    page = clean_text(page_of(TITLE, LEAD, PARA_1))
    assert labels(page) == [("title", TITLE), ("lead", LEAD), ("body", PARA_1)]


def test_clean_text_long_first_paragraph_is_body_not_lead():
    long_first = PARA_1 + " " + PARA_2
    page = clean_text(page_of(TITLE, long_first, PARA_3))
    assert labels(page) == [("title", TITLE), ("body", long_first), ("body", PARA_3)]


def test_clean_text_agency_prefix_stays_in_the_text():
    first = "TTXVN - " + LEAD
    page = clean_text(page_of(TITLE, first, PARA_1))
    assert ("lead", first) in labels(page)


# --- captions --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "caption",
    [
        "Lãnh đạo tỉnh Bắc Ninh tặng quà lưu niệm cho các đơn vị tham dự Hội nghị. (Ảnh: Thanh Thương/TTXVN)",
        "Một buổi sinh hoạt định kỳ của đảng viên chi bộ khu Sơn Nga. Ảnh Đinh Vũ",
        "Ông Hồ Đức Phớc, Bộ trưởng Tài chính. Ảnh: Hoàng Phong",
        "Bí thư Đảng ủy xã Nguyễn Đức Quang (thứ 4 từ trái sang) tuyên truyền công tác xây dựng Đảng.",
    ],
)
def test_clean_text_caption_with_photo_credit_or_position_is_labelled(caption):
    page = clean_text(page_of(TITLE, PARA_1, caption, PARA_2))
    assert ("caption", caption) in labels(page)


def test_clean_text_caption_printed_twice_is_kept_once():
    caption = "Bí thư Đảng ủy Khối các cơ quan tỉnh Nguyễn Hữu Định chủ trì thảo luận tại hội nghị."
    page = clean_text(f"{TITLE}\n\n{PARA_1}\n\n{caption}\n{caption}\n\n{PARA_2}")
    assert texts(page, "caption") == [caption]
    assert any("repeated" in note for note in page.notes)


def test_clean_text_two_short_lines_in_one_block_are_captions():
    alt, caption = "Các cấp ủy cơ sở tham gia ý kiến tại hội nghị.", "Các đại biểu tham gia ý kiến tại hội nghị"
    page = clean_text(f"{TITLE}\n\n{PARA_1}\n\n{alt}\n{caption}\n\n{PARA_2}")
    assert texts(page, "caption") == [alt, caption]


def test_clean_text_unpunctuated_line_between_paragraphs_is_caption():
    caption = "Khai mạc Giải Thể thao truyền thống Khối các cơ quan tỉnh Thái Nguyên lần thứ XIX, năm 2017 (tổ chức từ ngày 27 - 30/10/2017)"
    page = clean_text(page_of(TITLE, PARA_1, caption, PARA_2))
    assert ("caption", caption) in labels(page)


def test_clean_text_short_subheading_between_paragraphs_stays_body():
    heading = "Đổi mới phương thức lãnh đạo"
    page = clean_text(page_of(TITLE, PARA_1, heading, PARA_2))
    assert ("body", heading) in labels(page)


def test_clean_text_photo_action_sentence_between_paragraphs_is_caption():
    caption = "Đồng chí Vũ Hồng Bắc, Phó Bí thư Tỉnh ủy tặng hoa chúc mừng Đảng bộ Khối các cơ quan tỉnh."
    page = clean_text(page_of(TITLE, PARA_1, caption, PARA_2))
    assert ("caption", caption) in labels(page)


def test_clean_text_body_sentence_with_lowercase_anh_is_not_caption():
    sentence = (
        "Hội nghị đã xem hình ảnh: các chi bộ tổ chức sinh hoạt chuyên đề, đảng viên tham gia ý kiến thẳng thắn và đóng góp nhiều giải pháp thiết thực cho công tác xây dựng Đảng."
    )
    page = clean_text(page_of(TITLE, PARA_1, sentence, PARA_2))
    assert ("body", sentence) in labels(page)


# --- end of the article: end mark, byline, source, related block ---------------------------


def test_clean_text_end_mark_cut_keeps_byline_and_source():
    byline = "Hoàng Anh Trung, Ủy viên Ban Chấp hành Đảng bộ tỉnh, Bí thư Đảng ủy Khối các cơ quan tỉnh Thái Nguyên"
    page = clean_text(page_of(TITLE, PARA_1, PARA_2 + "./.", "Nguồn: thainguyen.gov.vn", byline, "Thống kê truy cập", "Tổng truy cập: 17"))
    assert labels(page)[-2:] == [("source", "Nguồn: thainguyen.gov.vn"), ("byline", byline)]
    assert "Tổng truy cập: 17" not in texts(page)
    assert "cut 2 lines after the article end" in page.notes


def test_clean_text_end_mark_cut_drops_a_second_article():
    second_title = "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15 khóa XX"
    page = clean_text(page_of(TITLE, PARA_1 + ".../.", "Thanh Thương", second_title, PARA_2, PARA_3))
    assert labels(page)[-1] == ("byline", "Thanh Thương")
    assert second_title not in texts(page) and PARA_2 not in texts(page)
    assert "cut 3 lines after the article end" in page.notes


@pytest.mark.parametrize("marker", ["Tin liên quan", "Các tin khác", "Bài viết liên quan", "Related Articles", "Xem thêm"])
def test_clean_text_related_block_cuts_the_rest(marker):
    teaser = "Bắc Ninh: Hội nghị giao ban công tác xây dựng Đảng các Đảng ủy Khối"
    page = clean_text(page_of(TITLE, PARA_1, PARA_2, marker, teaser, PARA_3))
    assert texts(page, "body") == [PARA_1, PARA_2]
    assert marker not in texts(page) and teaser not in texts(page)
    assert any(marker in note for note in page.notes)


def test_clean_text_related_heading_above_the_article_is_only_dropped():
    page = clean_text(page_of("Tin mới nhất", TITLE, PARA_1, PARA_2))
    assert texts(page, "body") == [PARA_1, PARA_2]


def test_clean_text_inline_related_box_before_end_mark_is_dropped_and_article_goes_on():
    teaser = "Bắc Ninh: Hội nghị giao ban công tác xây dựng Đảng các Đảng ủy Khối"
    page = clean_text(page_of(TITLE, PARA_1, "Tin liên quan", teaser, PARA_2, PARA_3 + "./."))
    assert texts(page, "body") == [PARA_1, PARA_2, PARA_3 + "./."]
    assert teaser not in texts(page)


def test_clean_text_name_after_last_paragraph_is_byline():
    page = clean_text(page_of(TITLE, PARA_1, PARA_2, "     Phương Hằng", ".", ";"))
    assert labels(page)[-1] == ("byline", "Phương Hằng")


def test_clean_text_source_line_after_last_paragraph_is_source():
    page = clean_text(page_of(TITLE, PARA_1, PARA_2, "Theo Báo Đồng Nai"))
    assert labels(page)[-1] == ("source", "Theo Báo Đồng Nai")


# --- input forms, errors, speed ----------------------------------------------------------------


def test_clean_text_nfd_input_gives_the_same_labels_and_raw_text():
    raw = page_of(TITLE, "Cập nhật lúc 16:10, Thứ Tư, 10/04/2019 (GMT+7)", LEAD, PARA_1, "Tin liên quan", PARA_2)
    nfd = unicodedata.normalize("NFD", raw)
    page = clean_text(nfd)
    assert [b.label for b in page.blocks] == [b.label for b in clean_text(raw).blocks]
    assert page.blocks[-1].text == unicodedata.normalize("NFD", PARA_1)
    assert page.published == "2019-04-10T16:10:00"


def test_clean_text_lookalike_eth_still_matches_patterns():
    page = clean_text(page_of(TITLE, PARA_1, "Ðăng nhập", PARA_2))
    assert "Ðăng nhập" not in texts(page)


def test_clean_text_hard_wrapped_paragraph_is_joined():
    cut = PARA_1.index(" kiện toàn")
    wrapped = PARA_1[:cut] + "\n" + PARA_1[cut + 1 :]
    page = clean_text(f"{TITLE}\n\n{wrapped}\n\n{PARA_2}")
    assert texts(page, "body") == [PARA_1, PARA_2]


@pytest.mark.parametrize("raw", ["", "\n\n  \n", page_of("Đăng nhập", "Tin liên quan", "*", "Tổng truy cập: 5")])
def test_clean_text_empty_page_raises_naming_the_source(raw):
    with pytest.raises(EmptyPageError, match="x/page.txt: no article text"):
        clean_text(raw, "x/page.txt")


def test_clean_labels_are_the_documented_ones():
    for path in [*sorted(CORPUS.glob("*.txt")), *sorted((CORPUS / "html").glob("*.html"))]:
        assert {b.label for b in cleaned(path).blocks} <= set(LABELS)


# --- the real corpus pages -------------------------------------------------------------------

PRESENT = {
    "000_c66f61de4578ac4f": [
        ("lead", "Hội nghị tập trung thảo luận về kết quả hoạt động"),
        ("caption", "(Ảnh: Thanh Thương/TTXVN)"),
        ("body", "TTXVN - Sáng 14/4, tại tỉnh Bắc Ninh"),
        ("body", "sự thống nhất trong nội bộ cấp ủy.../."),
        ("byline", "Thanh Thương"),
    ],
    "001_de5285344367e5d0": [
        ("caption", "Nguyễn Ðức Quang (thứ 4 từ trái sang)"),
        ("body", "Nghị quyết số 04-NQ/TU ngày 23-5-2016"),
        ("body", "kiên quyết đưa ra khỏi Đảng những đảng viên không đủ tư cách."),
    ],
    "002_248af50c5ac81042": [
        ("caption", "Ảnh Đinh Vũ"),
        ("body", "PTĐT – Tổ chức cơ sở Đảng là nền tảng của Đảng"),
        ("body", "bình quân hằng năm đạt 87,5%"),
    ],
    "003_03e8ab6feff05417": [
        ("dateline", "2020-08-24 08:14:00.0"),
        ("caption", "Đồng chí Vũ Hồng Bắc, Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban Nhân dân tỉnh tặng hoa"),
        ("caption", "Đồng chí Hoàng Anh Trung, Tỉnh ủy viên, Bí thư Đảng ủy Khối trao Giấy khen"),
        ("caption", "Khai mạc Giải Thể thao truyền thống"),
        ("body", "Đến hết tháng 6/2020, Đảng bộ có 73 TCCSĐ"),
        ("source", "Nguồn: thainguyen.gov.vn"),
        ("byline", "Hoàng Anh Trung, Ủy viên Ban Chấp hành Đảng bộ tỉnh, Bí thư Đảng ủy Khối"),
    ],
    "004_ad40a7225c51114b": [
        ("dateline", "Cập nhật lúc 16:10"),
        ("lead", "(ĐN) - Tại Hội nghị giao ban cấp ủy cơ sở quý I"),
        ("caption", "Nguyễn Hữu Định chủ trì thảo luận tại hội nghị."),
        ("caption", "Các đại biểu tham gia ý kiến tại hội nghị"),
        ("body", "Đảng bộ Khối đã kết nạp 59 đảng viên mới"),
        ("byline", "Phương Hằng"),
    ],
    "vnexpress_2025_10_22": [
        ("title", "Đau bụng kéo dài, phát hiện ung thư lymphoma ruột non"),
        ("dateline", "Thứ tư, 22/10/2025, 19:25 (GMT+7)"),
        ("lead", "Người đàn ông 63 tuổi đau bụng kéo dài"),
        ("caption", "Y bác sĩ nội soi cho bệnh nhân. Ảnh: Bệnh viện cung cấp"),
        ("body", "Ngày 22/10, BS.CK2 Cao Thị Hồng"),
        ("body", "có thể phẫu thuật, hóa trị hoặc xạ trị."),
        ("byline", "Lê Phương"),
    ],
    "vnexpress_kinh_doanh": [
        ("title", "Ông Hồ Đức Phớc: Sẽ nâng mức giảm trừ gia cảnh"),
        ("lead", "Bộ trưởng Tài chính Hồ Đức Phớc thừa nhận"),
        ("caption", "Ông Hồ Đức Phớc, Bộ trưởng Tài chính. Ảnh: Hoàng Phong"),
        ("body", "cách tính thuế thu nhập cá nhân đã lạc hậu."),
        ("body", "lớn hơn nhiều so với tỷ lệ 40% mà Bộ Tài chính xác định."),
        ("byline", "Anh Minh"),
    ],
}

ABSENT = [
    "Xây dựng Đảng\n",
    "Hỏi đáp",
    "Tin liên quan",
    "Xem thêm",
    "Phản hồi",
    "Các tin khác",
    "Mới nhất",
    "Xem nhiều nhất",
    "Bạn đang quan tâm",
    "XEM VIDEO",
    "Bạn đang xem",
    "Trọn Bộ Đề Thi",
    "Công nghệ xác định",
    "Vậy là đến đây",
    "Chúc các bạn",
    "Related Articles",
    "Trả lời",
    "Email của bạn",
    "Back to top",
    "Truy cập nội dung luôn",
    "Đăng nhập",
    "Thống kê truy cập",
    "Đang truy cập",
    "Tổng truy cập",
    "Trở lại",
    "Copy link",
    "window._taboola",
    "Chia sẻ",
]

CORPUS_PAGES = [*sorted(CORPUS.glob("*.txt")), *sorted((CORPUS / "html").glob("*.html"))]


@pytest.mark.parametrize("path", CORPUS_PAGES, ids=lambda p: p.stem)
def test_clean_corpus_page_keeps_its_parts_under_their_labels(path):
    page = cleaned(path)
    for label, snippet in PRESENT[path.stem]:
        assert any(fold(snippet) in fold(text) for text in texts(page, label)), (label, snippet, labels(page))


@pytest.mark.parametrize("path", CORPUS_PAGES, ids=lambda p: p.stem)
def test_clean_corpus_page_keeps_no_furniture(path):
    joined = "\n".join(texts(cleaned(path))) + "\n"
    for snippet in ABSENT:
        assert snippet not in joined, snippet


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_clean_corpus_page_keeps_every_paragraph(path):
    kept = {fold(text) for text in texts(cleaned(path))}
    for line in path.read_text(encoding="utf-8").splitlines():
        if len(line) > 300:
            assert fold(line) in kept, line[:80]


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_clean_corpus_page_keeps_every_gold_person_and_code(path):
    gold = json.loads((ROOT / "annotations" / "gold" / f"{path.stem}.gold.json").read_text(encoding="utf-8"))
    text = fold("\n".join(texts(cleaned(path))))
    for fact in gold["facts"]:
        if fact["type"] == "official":
            assert fold(fact["person"]) in text, fact
        if fact["type"] == "document" and fact.get("code"):
            assert fold(fact["code"]) in text.replace(" ", ""), fact


def test_clean_corpus_page_notes_say_what_was_cut():
    assert "cut 3 lines after the article end" in cleaned(CORPUS / "003_03e8ab6feff05417.txt").notes
    notes_002 = cleaned(CORPUS / "002_248af50c5ac81042.txt").notes
    assert "dropped 7 SEO wrapper lines" in notes_002
    assert any("Related Articles" in note for note in notes_002)


def test_clean_corpus_dates_are_published():
    assert cleaned(CORPUS / "003_03e8ab6feff05417.txt").published == "2020-08-24T08:14:00"
    assert cleaned(CORPUS / "004_ad40a7225c51114b.txt").published == "2019-04-10T16:10:00"
    assert cleaned(CORPUS / "html" / "vnexpress_kinh_doanh.html").published == "2023-11-02T19:20:45"


# --- HTML ----------------------------------------------------------------------------------


def html_page(head: str = "", body: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


ARTICLE = (
    "<nav><a href='/'>Trang chủ</a><p>Menu Thời sự Xây dựng Đảng Kinh tế Pháp luật Văn hóa Thể thao</p></nav>"
    f"<h1 class='title'>{TITLE}</h1>"
    "<span class='date'>Thứ Năm, 15/10/2020, 16:21 (GMT+7)</span>"
    f"<h2 class='sapo'>{LEAD}</h2>"
    "<div class='detail-content'>"
    f"<p>{PARA_1}</p>"
    "<figure><img src='a.jpg'><figcaption>Đồng chí Nguyễn Hữu Định phát biểu. Ảnh: <em>Phương Hằng</em></figcaption></figure>"
    f"<p>{PARA_2}<script>var x = 1;</script></p>"
    "<div class='box-related'><p>Tin liên quan: Hội nghị giao ban công tác Đảng quý I tại các Đảng ủy Khối</p></div>"
    "<p><a href='/x'>Bắc Ninh: hội nghị giao ban công tác xây dựng Đảng các Đảng ủy Khối</a></p>"
    f"<p>{PARA_3}</p>"
    "<p class='author'>Phương Hằng</p>"
    "</div>"
    "<aside><p>Xem nhiều nhất: Đại hội Đảng bộ tỉnh lần thứ XX thành công tốt đẹp, bầu Ban Chấp hành mới</p></aside>"
    "<footer><p>Bản quyền thuộc về Báo Đồng Nai. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></footer>"
)


def test_clean_html_labels_title_dateline_lead_body_caption_byline():
    page = clean_html(html_page("", ARTICLE), "a.html")
    assert labels(page) == [
        ("title", TITLE),
        ("dateline", "Thứ Năm, 15/10/2020, 16:21 (GMT+7)"),
        ("lead", LEAD),
        ("body", PARA_1),
        ("caption", "Đồng chí Nguyễn Hữu Định phát biểu. Ảnh: Phương Hằng"),
        ("body", PARA_2),
        ("body", PARA_3),
        ("byline", "Phương Hằng"),
    ]
    assert page.title == TITLE and page.published == "2020-10-15T16:21:00"


def test_clean_html_drops_nav_related_lists_link_teasers_and_scripts():
    page = clean_html(html_page("", ARTICLE), "a.html")
    joined = " ".join(texts(page))
    for gone in ("Menu Thời sự", "Tin liên quan", "Bắc Ninh: hội nghị", "Xem nhiều nhất", "Bản quyền", "var x"):
        assert gone not in joined
    assert "dropped 1 link-only paragraph" in page.notes


def test_clean_html_published_from_meta_before_visible_dateline():
    head = "<meta property='article:published_time' content='2019-04-10T16:10:05+07:00'>"
    assert clean_html(html_page(head, ARTICLE)).published == "2019-04-10T16:10:05"


def test_clean_html_published_from_time_element():
    body = f"<article><h1>{TITLE}</h1><time datetime='2021-01-05'>5 tháng 1</time><p>{PARA_1}</p></article>"
    assert clean_html(html_page("", body)).published == "2021-01-05"


def test_clean_html_title_falls_back_to_og_title_then_title_tag():
    body = f"<article><p>{PARA_1}</p></article>"
    og = f"<meta property='og:title' content='{TITLE}'><title>Khác - Báo X</title>"
    assert clean_html(html_page(og, body)).title == TITLE
    assert clean_html(html_page(f"<title>{TITLE} - Báo Đồng Nai</title>", body)).title == TITLE


def test_clean_html_lead_falls_back_to_first_short_paragraph_of_article():
    body = f"<article><h1>{TITLE}</h1><p>{LEAD}</p><p>{PARA_1}</p><p>{PARA_2}</p></article>"
    page = clean_html(html_page("", body))
    assert labels(page)[1:] == [("lead", LEAD), ("body", PARA_1), ("body", PARA_2)]


def test_clean_html_container_with_most_paragraph_text_wins():
    body = f"<div id='content'><p>{LEAD}</p></div><div class='entry-content'><p>{PARA_1}</p><p>{PARA_2}</p></div>"
    assert texts(clean_html(html_page("", body)), "body") == [PARA_1, PARA_2]


def test_clean_html_end_mark_cuts_what_follows():
    body = f"<article><p>{PARA_1}</p><p>{PARA_2}./.</p><p>Thanh Thương</p><p>{PARA_3}</p></article>"
    page = clean_html(html_page("", body))
    assert labels(page)[-1] == ("byline", "Thanh Thương")
    assert PARA_3 not in texts(page)


def test_clean_html_without_paragraphs_reads_the_text_lines():
    body = f"<div>{TITLE}<br><br>{PARA_1}<br><br>Tin liên quan<br>{PARA_2}</div>"
    page = clean_html(html_page("", body), "b.html")
    assert texts(page, "body") == [PARA_1]
    assert "no <p> paragraphs; read the text lines of the article's container" in page.notes


def test_clean_html_empty_page_raises_naming_the_source():
    with pytest.raises(EmptyPageError, match="c.html: no article text"):
        clean_html(html_page("<title>Trang chủ</title>", "<nav><p>Đăng nhập</p></nav>"), "c.html")
