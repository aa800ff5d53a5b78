"""The official extractor: a person holding a title (docs/FACTS.md section 1).

Every name here is made up. The paragraphs at the end are written in the styles of provincial
party news (appointments, conferences, visits, congratulations, captions, bylines) and stand in
for articles the extractor has never seen: precision and recall on them must stay high.
"""

import pytest

from extractors import officials
from extractors.lexicon import entries, table
from extractors.registry import extract_facts
from pipeline.evaluate import evaluate
from pipeline.text.normalize import normalize
from pipeline.text.segment import segment


def _facts(text):
    doc = segment(normalize(text).text)
    return list(officials.extract(doc))


def _rows(text):
    return {(f.person, f.title, f.organization, f.honorific) for f in _facts(text)}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Phó Bí thư Đảng ủy Khối các cơ quan tỉnh Hà Giang Hoàng Văn Tám cho biết, khối có 40 tổ chức cơ sở đảng.",
            {("Hoàng Văn Tám", "Phó Bí thư", "Đảng ủy Khối các cơ quan tỉnh Hà Giang", None)},
        ),
        (
            "Phó Chủ tịch UBND tỉnh Cao Bằng Lê Thị Na kiểm tra tiến độ dự án.",
            {("Lê Thị Na", "Phó Chủ tịch", "UBND tỉnh Cao Bằng", None)},
        ),
        (
            "Bí thư Huyện ủy Võ Nhai Trần Văn Sáu làm việc với xã.",
            {("Trần Văn Sáu", "Bí thư", "Huyện ủy Võ Nhai", None)},
        ),
        (
            "Bí thư Đảng ủy Khối các cơ quan tỉnh Lê Văn Tư chủ trì hội nghị.",
            {("Lê Văn Tư", "Bí thư", "Đảng ủy Khối các cơ quan tỉnh", None)},
        ),
        (
            "Bí thư Đảng ủy xã Tà Lèng Lò Văn Nhất trao quà cho các hộ nghèo.",
            {("Lò Văn Nhất", "Bí thư", "Đảng ủy xã Tà Lèng", None)},
        ),
        (
            "Chủ tịch UBND phường Hoàng Văn Thụ Nguyễn Thị Lan cho biết, phường có 12 tổ dân phố.",
            {("Nguyễn Thị Lan", "Chủ tịch", "UBND phường Hoàng Văn Thụ", None)},
        ),
        (
            "Bí thư Tỉnh ủy Lai Châu Giàng A Tràng thăm các gia đình chính sách.",
            {("Giàng A Tràng", "Bí thư", "Tỉnh ủy Lai Châu", None)},
        ),
    ],
)
def test_officials_title_organization_then_name(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Ông Đỗ Văn Khải, Phó Bí thư Đảng ủy Khối các cơ quan tỉnh Lạng Sơn cho rằng cần đổi mới sinh hoạt chi bộ.",
            {("Đỗ Văn Khải", "Phó Bí thư", "Đảng ủy Khối các cơ quan tỉnh Lạng Sơn", "ông")},
        ),
        (
            "Bà Lò Thị Xuân, Chủ tịch Hội LHPN tỉnh phát động phong trào.",
            {("Lò Thị Xuân", "Chủ tịch", "Hội LHPN tỉnh", "bà")},
        ),
        (
            "Đ/c Hà Văn Kiểm, Trưởng Ban Dân vận Huyện ủy dự và phát biểu.",
            {("Hà Văn Kiểm", "Trưởng Ban Dân vận", "Huyện ủy", "đồng chí")},
        ),
        (
            "Đồng chí Vi Thị Mận - Phó Chủ tịch HĐND huyện trao giấy khen.",
            {("Vi Thị Mận", "Phó Chủ tịch", "HĐND huyện", "đồng chí")},
        ),
        (
            "Theo Thượng tá Bế Văn Cường, Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh, lực lượng luôn sẵn sàng.",
            {("Bế Văn Cường", "Phó Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh", None)},
        ),
        (
            "Ông Lương Văn Cầu (Phó Chủ tịch UBND xã Na Son) cho biết xã đã hoàn thành 19 tiêu chí.",
            {("Lương Văn Cầu", "Phó Chủ tịch", "UBND xã Na Son", "ông")},
        ),
    ],
)
def test_officials_apposition_with_honorifics(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Đồng chí Lý Văn Chín, Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban Nhân dân tỉnh tặng hoa chúc mừng.",
            {
                ("Lý Văn Chín", "Phó Bí thư", "Tỉnh ủy", "đồng chí"),
                ("Lý Văn Chín", "Chủ tịch", "Ủy ban Nhân dân tỉnh", "đồng chí"),
            },
        ),
        (
            "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy Nguyễn Văn Hai đọc quyết định.",
            {
                ("Nguyễn Văn Hai", "Ủy viên Ban Thường vụ", "Tỉnh ủy", None),
                ("Nguyễn Văn Hai", "Trưởng Ban Tổ chức", "Tỉnh ủy", None),
            },
        ),
        (
            "Đồng chí Hoàng Thị Nga, Tỉnh ủy viên, Bí thư Huyện ủy Định Hóa phát biểu.",
            {
                ("Hoàng Thị Nga", "Tỉnh ủy viên", None, "đồng chí"),
                ("Hoàng Thị Nga", "Bí thư", "Huyện ủy Định Hóa", "đồng chí"),
            },
        ),
        (
            "Ông Hoàng Đức Minh, Phó Giám đốc Sở Tài chính kiêm Giám đốc Kho bạc Nhà nước tỉnh, cho biết đã giải ngân.",
            {
                ("Hoàng Đức Minh", "Phó Giám đốc", "Sở Tài chính", "ông"),
                ("Hoàng Đức Minh", "Giám đốc", "Kho bạc Nhà nước tỉnh", "ông"),
            },
        ),
        (
            "Ông Hoàng Văn Chín, Giám đốc Sở Tài chính, đồng thời là Bí thư Đảng ủy Sở phát biểu.",
            {
                ("Hoàng Văn Chín", "Giám đốc", "Sở Tài chính", "ông"),
                ("Hoàng Văn Chín", "Bí thư", "Đảng ủy Sở", "ông"),
            },
        ),
        (
            "Bí thư Tỉnh ủy Vương Đình Bảy, Trưởng Đoàn ĐBQH tỉnh tiếp xúc cử tri.",
            {
                ("Vương Đình Bảy", "Bí thư", "Tỉnh ủy", None),
                ("Vương Đình Bảy", "Trưởng Đoàn", "Đoàn ĐBQH tỉnh", None),
            },
        ),
    ],
)
def test_officials_chain_gives_one_fact_per_title(text, expected):
    assert _rows(text) == expected


def test_officials_byline_with_titles_on_one_line():
    text = "Bài viết kết thúc./.\n\nTriệu Văn Tám, Ủy viên Ban Chấp hành Đảng bộ tỉnh, Bí thư Đảng ủy Khối các cơ quan tỉnh"
    assert _rows(text) == {
        ("Triệu Văn Tám", "Ủy viên Ban Chấp hành", "Đảng bộ tỉnh", None),
        ("Triệu Văn Tám", "Bí thư", "Đảng ủy Khối các cơ quan tỉnh", None),
    }


def test_officials_byline_with_title_on_the_next_line():
    text = "Công tác cán bộ được quan tâm.\n\nThS. Đinh Thị Huệ\nPhó Trưởng Ban Tuyên giáo Tỉnh ủy\n\nThời gian qua."
    assert _rows(text) == {("Đinh Thị Huệ", "Phó Trưởng Ban Tuyên giáo", "Tỉnh ủy", None)}


def test_officials_byline_without_title_and_photo_credit_give_nothing():
    assert _rows("Bí thư cấp ủy phải gương mẫu.\n\nẢnh: Thanh Hương/TTXVN\n\nLê Thu Hà") == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Tham dự có đ/c Đinh Công Sử, UVBTV Tỉnh ủy, PCT UBND tỉnh.",
            {
                ("Đinh Công Sử", "Ủy viên Ban Thường vụ", "Tỉnh ủy", "đồng chí"),
                ("Đinh Công Sử", "Phó Chủ tịch", "UBND tỉnh", "đồng chí"),
            },
        ),
        (
            "Đ/c Hà Thị Thu, phó bí thư thường trực huyện ủy Đại Từ dự buổi lễ.",
            {("Hà Thị Thu", "Phó Bí thư Thường trực", "huyện ủy Đại Từ", "đồng chí")},
        ),
        (
            "Ông Lưu Văn Đạt - chủ tịch UBND xã Hùng Sơn cho biết, xã phấn đấu về đích nông thôn mới.",
            {("Lưu Văn Đạt", "Chủ tịch", "UBND xã Hùng Sơn", "ông")},
        ),
        (
            "Ông Lê Văn Sơn, Ủy viên BCH Đảng bộ huyện, CT UBND xã Na Tông dự.",
            {
                ("Lê Văn Sơn", "Ủy viên Ban Chấp hành", "Đảng bộ huyện", "ông"),
                ("Lê Văn Sơn", "Chủ tịch", "UBND xã Na Tông", "ông"),
            },
        ),
        (
            "Bí thư chi bộ bản Phiêng Ban, ông Mùa A Sử chia sẻ, chi bộ có 18 đảng viên.",
            {("Mùa A Sử", "Bí thư", "chi bộ bản Phiêng Ban", "ông")},
        ),
    ],
)
def test_officials_lowercase_titles_and_abbreviations(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Các ông: Nguyễn Văn Một, Trần Văn Hai được bầu giữ chức Phó Bí thư Tỉnh ủy.",
            {
                ("Nguyễn Văn Một", "Phó Bí thư", "Tỉnh ủy", "ông"),
                ("Trần Văn Hai", "Phó Bí thư", "Tỉnh ủy", "ông"),
            },
        ),
        (
            "Hội nghị đã bầu đồng chí Quàng Thị Hoa giữ chức Bí thư Huyện ủy nhiệm kỳ 2020 - 2025.",
            {("Quàng Thị Hoa", "Bí thư", "Huyện ủy", "đồng chí")},
        ),
        (
            "Ông Tạ Quang Hiếu được điều động, bổ nhiệm giữ chức Chánh Văn phòng UBND tỉnh.",
            {("Tạ Quang Hiếu", "Chánh Văn phòng", "UBND tỉnh", "ông")},
        ),
        (
            "Bổ nhiệm ông Vi Đức Thọ, Phó Giám đốc Sở Nội vụ giữ chức Giám đốc Sở Nội vụ.",
            {("Vi Đức Thọ", "Phó Giám đốc", "Sở Nội vụ", "ông"), ("Vi Đức Thọ", "Giám đốc", "Sở Nội vụ", "ông")},
        ),
        (
            "Cùng dự có các đồng chí Phó Chủ tịch UBND tỉnh: Lê Văn Cường, Trần Thị Minh Nguyệt.",
            {
                ("Lê Văn Cường", "Phó Chủ tịch", "UBND tỉnh", "đồng chí"),
                ("Trần Thị Minh Nguyệt", "Phó Chủ tịch", "UBND tỉnh", "đồng chí"),
            },
        ),
        (
            "Đồng chí Lường Văn Quý tái đắc cử chức Bí thư Đảng ủy xã Thanh Nưa.",
            {("Lường Văn Quý", "Bí thư", "Đảng ủy xã Thanh Nưa", "đồng chí")},
        ),
        (
            "Ông Vừ A Tủa là Bí thư Chi bộ bản Háng Lìa.",
            {("Vừ A Tủa", "Bí thư", "Chi bộ bản Háng Lìa", "ông")},
        ),
    ],
)
def test_officials_lists_and_appointments(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Giám đốc Công an tỉnh, Đại tá Lê Văn Năm chủ trì hội nghị.",
            {("Lê Văn Năm", "Giám đốc", "Công an tỉnh", None)},
        ),
        (
            "Chỉ huy trưởng Bộ CHQS tỉnh Đại tá Lò Văn Bảy dự.",
            {("Lò Văn Bảy", "Chỉ huy trưởng", "Bộ CHQS tỉnh", None)},
        ),
        (
            "Ông Nguyễn Văn Hai, 58 tuổi, Bí thư Chi bộ thôn Bản Chang cho biết.",
            {("Nguyễn Văn Hai", "Bí thư", "Chi bộ thôn Bản Chang", "ông")},
        ),
        (
            "Đồng chí Lò Văn Một, UVTW Đảng, Bí thư Tỉnh ủy dự.",
            {
                ("Lò Văn Một", "Ủy viên Trung ương Đảng", None, "đồng chí"),
                ("Lò Văn Một", "Bí thư", "Tỉnh ủy", "đồng chí"),
            },
        ),
        (
            "Hiệu trưởng Trường THPT Lương Ngọc Quyến Nguyễn Văn Sáu cho biết.",
            {("Nguyễn Văn Sáu", "Hiệu trưởng", "Trường THPT Lương Ngọc Quyến", None)},
        ),
        (
            "Thừa ủy quyền của Chủ tịch UBND tỉnh, đồng chí Trần Đức Long, Giám đốc Sở Nội vụ trao quyết định.",
            {("Trần Đức Long", "Giám đốc", "Sở Nội vụ", "đồng chí")},
        ),
    ],
)
def test_officials_ranks_ages_and_delegates_around_the_name(text, expected):
    assert _rows(text) == expected


def test_officials_plural_title_before_a_semicolon_list_is_every_listed_persons():
    text = "Dự hội nghị có các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy: Lê Thị Ba, Trưởng Ban Tổ chức Tỉnh ủy; Đỗ Văn Tư, Bí thư Thành ủy Vĩnh Yên; cùng lãnh đạo các sở, ngành."
    assert _rows(text) == {
        ("Lê Thị Ba", "Ủy viên Ban Thường vụ", "Tỉnh ủy", "đồng chí"),
        ("Lê Thị Ba", "Trưởng Ban Tổ chức", "Tỉnh ủy", "đồng chí"),
        ("Đỗ Văn Tư", "Ủy viên Ban Thường vụ", "Tỉnh ủy", "đồng chí"),
        ("Đỗ Văn Tư", "Bí thư", "Thành ủy Vĩnh Yên", "đồng chí"),
    }


def test_officials_title_line_ending_in_a_colon_heads_the_numbered_list_below():
    text = (
        "Danh sách Ủy viên Ban Thường vụ Huyện ủy Tân Uyên khóa XX (3 đồng chí):\n"
        "1. Đồng chí Lò Văn Năm, Bí thư Huyện ủy.\n"
        "2. Thượng tá Cầm Văn Sáu, Trưởng Công an huyện.\n"
        "3. Đồng chí Tòng Thị Bảy, Phó Chủ tịch UBND huyện.\n\n"
        "Đại hội kết thúc tốt đẹp."
    )
    members = {(f.person, f.organization) for f in _facts(text) if f.title == "Ủy viên Ban Thường vụ"}
    assert members == {
        ("Lò Văn Năm", "Huyện ủy Tân Uyên"),
        ("Cầm Văn Sáu", "Huyện ủy Tân Uyên"),
        ("Tòng Thị Bảy", "Huyện ủy Tân Uyên"),
    }
    assert ("Tòng Thị Bảy", "Phó Chủ tịch", "UBND huyện", "đồng chí") in _rows(text)


@pytest.mark.parametrize(
    "text, organizations",
    [
        (
            "Theo đồng chí Lò Văn Tám, Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Huyện ủy Mường Tè, huyện có 40 chi bộ",
            {"Ủy viên Ban Thường vụ": "Huyện ủy Mường Tè", "Trưởng Ban Tổ chức": "Huyện ủy Mường Tè"},
        ),
        (
            "Đồng chí Lò Văn Tám, Ủy viên Ban Thường vụ, Phó Chủ tịch UBND tỉnh dự.",
            {"Ủy viên Ban Thường vụ": None, "Phó Chủ tịch": "UBND tỉnh"},
        ),
        (
            "Đồng chí Lò Văn Tám, Tỉnh ủy viên, Bí thư Huyện ủy Mường Tè dự.",
            {"Tỉnh ủy viên": None, "Bí thư": "Huyện ủy Mường Tè"},
        ),
    ],
)
def test_officials_chain_title_without_organization_takes_a_later_party_committee(text, organizations):
    assert {f.title: f.organization for f in _facts(text)} == organizations


def test_officials_award_lines_are_not_headed_by_the_awarding_title():
    text = "Tặng Bằng khen của Chủ tịch UBND tỉnh cho các cá nhân:\n1. Ông Vi Văn Mười, Trưởng bản Nà Khoa.\n"
    assert _rows(text) == {("Vi Văn Mười", "Trưởng bản", "bản Nà Khoa", "ông")}


def test_officials_a_nomination_is_not_yet_a_title():
    text = "Hội nghị thống nhất giới thiệu ông Lù Văn Chín để HĐND huyện bầu giữ chức Chủ tịch UBND huyện."
    assert _facts(text) == []


@pytest.mark.parametrize(
    "text, person",
    [
        ("Bí thư Đảng ủy xã Pá Khoang (huyện Điện Biên) Lò Văn Ngân (thứ 2 từ trái sang) trao quà.", "Lò Văn Ngân"),
        ("Bí thư Tỉnh ủy Nguyễn Đình Bốn (giữa) chụp ảnh lưu niệm.", "Nguyễn Đình Bốn"),
    ],
)
def test_officials_parenthesised_noise_is_not_in_the_person(text, person):
    assert {f.person for f in _facts(text)} == {person}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tổng Bí thư Tô Quang Huy gửi thư chúc mừng.", {("Tô Quang Huy", "Tổng Bí thư", None, None)}),
        (
            "Đồng chí Lương Quốc Khánh, Ủy viên Bộ Chính trị, Thường trực Ban Bí thư làm việc với tỉnh.",
            {
                ("Lương Quốc Khánh", "Ủy viên Bộ Chính trị", None, "đồng chí"),
                ("Lương Quốc Khánh", "Thường trực Ban Bí thư", None, "đồng chí"),
            },
        ),
        (
            "Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy Hoàng Văn Tiệp phát biểu.",
            {
                ("Hoàng Văn Tiệp", "Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng", None, None),
                ("Hoàng Văn Tiệp", "Bí thư", "Tỉnh ủy", None),
            },
        ),
        (
            "Đồng chí Đào Văn Năm, Bí thư Trung ương Đảng, Ủy viên Trung ương Đảng dự.",
            {
                ("Đào Văn Năm", "Bí thư Trung ương Đảng", None, "đồng chí"),
                ("Đào Văn Năm", "Ủy viên Trung ương Đảng", None, "đồng chí"),
            },
        ),
        (
            "Tổng Bí thư, Chủ tịch nước Đỗ Minh Quý và Thủ tướng Chính phủ Phạm Văn Hòa dự.",
            {
                ("Đỗ Minh Quý", "Tổng Bí thư", None, None),
                ("Đỗ Minh Quý", "Chủ tịch nước", None, None),
                ("Phạm Văn Hòa", "Thủ tướng Chính phủ", None, None),
            },
        ),
    ],
)
def test_officials_central_titles_are_whole_with_no_organization(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    "text, title, organization",
    [
        ("Phó Bí thư Thường trực Tỉnh ủy Lò Văn Phạ dự.", "Phó Bí thư Thường trực", "Tỉnh ủy"),
        ("Ủy viên Ban Chấp hành Đảng bộ tỉnh Mai Văn Hùng dự.", "Ủy viên Ban Chấp hành", "Đảng bộ tỉnh"),
        ("Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy Cao Văn Mạnh dự.", "Chủ nhiệm Ủy ban Kiểm tra", "Tỉnh ủy"),
        ("Giám đốc Sở Tài nguyên và Môi trường Đinh Văn Khoa dự.", "Giám đốc", "Sở Tài nguyên và Môi trường"),
        ("Bộ trưởng Tài chính Hồ Văn Phúc dự.", "Bộ trưởng", "Tài chính"),
        ("Bí thư Chi bộ thôn Khuổi Tát Nông Văn Thái dự.", "Bí thư", "Chi bộ thôn Khuổi Tát"),
        ("Bí thư Tỉnh đoàn Ma Thị Yến dự.", "Bí thư", "Tỉnh đoàn"),
        ("Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Triệu Thị Hoa dự.", "Chủ tịch", "Ủy ban MTTQ Việt Nam tỉnh"),
        (
            "Phó Trưởng Ban Thường trực Ban Dân vận Tỉnh ủy Nguyễn Thị Hạnh dự.",
            "Phó Trưởng Ban Thường trực",
            "Ban Dân vận Tỉnh ủy",
        ),
        ("Quyền Giám đốc Công an tỉnh Lê Văn Dũng dự.", "Quyền Giám đốc", "Công an tỉnh"),
        ("Trưởng phòng Nội vụ huyện Lê Thị Mười dự.", "Trưởng phòng", "phòng Nội vụ huyện"),
        ("Trưởng Ban Chỉ đạo tỉnh Lê Thị Mười dự.", "Trưởng Ban", "Ban Chỉ đạo tỉnh"),
    ],
)
def test_officials_split_title_and_organization_as_facts_md_says(text, title, organization):
    [fact] = _facts(text)
    assert (fact.title, fact.organization) == (title, organization)


@pytest.mark.parametrize(
    "text, organization",
    [
        ("Ông Lò Văn Ba, Chủ tịch UBND huyện Mường Chà cho biết thêm.", "UBND huyện Mường Chà"),
        ("Ông Lò Văn Ba, Chủ tịch UBND huyện, phát biểu.", "UBND huyện"),
        ("Ông Lò Văn Ba, Chủ tịch Ủy ban nhân dân huyện (bên trái) trao quà.", "Ủy ban nhân dân huyện"),
        (
            "Ông Lò Văn Ba, Bí thư Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh chủ trì.",
            "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh",
        ),
        ("Ông Lò Văn Ba, Chủ tịch HĐND tỉnh tặng hoa.", "HĐND tỉnh"),
        ("Ông Lò Văn Ba, Bí thư đảng ủy xã trao quà.", "đảng ủy xã"),
        ("Ông Lò Văn Ba, Chủ tịch UBND tỉnh và đoàn công tác thăm trường.", "UBND tỉnh"),
    ],
)
def test_officials_organization_ends_at_comma_verb_or_parenthesis_as_written(text, organization):
    [fact] = _facts(text)
    assert fact.organization == organization


@pytest.mark.parametrize(
    "text",
    [
        "Cấp ủy, Bí thư cấp ủy phải chịu trách nhiệm về mọi mặt công tác tại cơ sở.",
        "Ban Thường vụ đã chuẩn y 26 chức danh Bí thư và 25 Phó Bí thư.",
        "Chỉ định 79 ủy viên Ban Chấp hành, chuẩn y bổ sung 27 đồng chí vào Ban Thường vụ.",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
        "Thực hiện lời dạy của Chủ tịch Hồ Chí Minh, Bác Hồ kính yêu.",
        "Chủ tịch Tôn Đức Thắng là người bạn lớn của nhân dân.",
        "Trung tướng Nguyễn Văn Hiển đến dự buổi lễ.",
        "Cuộc thi “Bí thư chi bộ giỏi” năm 2023 thu hút 45 thí sinh.",
        "Hội thi Bí thư chi bộ giỏi cấp tỉnh diễn ra sôi nổi.",
        "Lãnh đạo tỉnh Bắc Giang tặng quà lưu niệm cho các đơn vị. (Ảnh: Minh Hằng/TTXVN)",
        "Ông Lò Văn Páo, bản Co Mận, xã Chiềng Sinh cho biết năm nay được mùa.",
        "Ban Giám đốc Sở Y tế và Đoàn Chủ tịch Đại hội cùng dự.",
        "Đồng chí Bí thư Tỉnh ủy đã thăm hỏi, động viên bà con.",
        "Tại Hà Nội, Phó Chủ tịch UBND tỉnh yêu cầu các sở, ngành phối hợp.",
        "Đồng chí Hoàng Văn Sĩ, nguyên Bí thư Tỉnh ủy, nguyên Phó Chủ tịch Quốc hội về thăm quê.",
        "Tặng Bằng khen của Chủ tịch UBND tỉnh cho 12 tập thể.",
        "Hiệu trưởng Trường THPT Lương Ngọc Quyến cho biết, trường có 40 lớp.",
        "Ông Hoàng Văn Chín từng là Bí thư Huyện ủy Đà Bắc.",
        "Tại Bệnh viện Bạch Mai, Giám đốc Sở Y tế kiểm tra công tác khám chữa bệnh.",
    ],
)
def test_officials_not_a_fact(text):
    assert _facts(text) == []


def test_officials_evidence_span_and_sentence_point_into_the_text():
    text = normalize("Mở đầu bài viết. Phát biểu tại hội nghị, Bí thư Huyện ủy Lò Văn Ba nhấn mạnh ba nhiệm vụ.").text
    [fact] = officials.extract(segment(text))
    assert text[fact.start : fact.end] == "Bí thư Huyện ủy Lò Văn Ba"
    assert fact.sentence.strip() == "Phát biểu tại hội nghị, Bí thư Huyện ủy Lò Văn Ba nhấn mạnh ba nhiệm vụ."


def test_officials_a_fact_stated_twice_is_kept_once_with_the_fullest_organization():
    text = "Đồng chí Trần Thị Mơ, Bí thư Đảng ủy Khối trao giấy khen.\n\nBí thư Đảng ủy Khối các cơ quan tỉnh Trần Thị Mơ phát biểu bế mạc."
    facts = _facts(text)
    assert [(f.person, f.title, f.organization, f.honorific) for f in facts] == [("Trần Thị Mơ", "Bí thư", "Đảng ủy Khối các cơ quan tỉnh", "đồng chí")]
    assert facts[0].start == text.index("Trần Thị Mơ")


def test_officials_confidence_is_higher_for_title_before_name_than_for_looser_patterns():
    direct = _facts("Bí thư Huyện ủy Lò Văn Ba dự.")[0].confidence
    appointed = _facts("Ông Lò Văn Ba được bầu giữ chức Bí thư Huyện ủy.")[0].confidence
    abbreviated = _facts("PBT Huyện ủy Lò Văn Ba dự.")[0].confidence
    assert 0 < appointed < direct <= 1
    assert abbreviated < direct


def test_officials_are_stamped_by_the_registry():
    facts = [f for f in extract_facts(segment("Bí thư Huyện ủy Lò Văn Ba dự."), "a1") if f.TYPE == "official"]
    assert [(f.person, f.article_id, f.extractor.split("@")[0]) for f in facts] == [("Lò Văn Ba", "a1", "officials")]


def test_officials_abbreviations_expand_to_known_titles():
    known = {*entries("titles"), *entries("central_titles")}
    assert set(table("title_abbreviations").values()) <= known


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Dự lễ có đ/c Vi Thị Ngát, PBT Thường trực Huyện ủy, Chủ tịch HĐND huyện.",
            {
                ("Vi Thị Ngát", "Phó Bí thư Thường trực", "Huyện ủy", "đồng chí"),
                ("Vi Thị Ngát", "Chủ tịch", "HĐND huyện", "đồng chí"),
            },
        ),
        (
            "Ông Sầm Văn Khuyên, PCT Thường trực UBND huyện kiểm tra đê điều.",
            {("Sầm Văn Khuyên", "Phó Chủ tịch Thường trực", "UBND huyện", "ông")},
        ),
        (
            "Ông Sầm Văn Khuyên, PCT TT UBND huyện kiểm tra đê điều.",
            {("Sầm Văn Khuyên", "Phó Chủ tịch Thường trực", "UBND huyện", "ông")},
        ),
        (
            "Bà Lục Thị Ngân, UVBCH dự khuyết Đảng bộ tỉnh, Bí thư Đảng ủy xã Yên Lạc trao quà.",
            {
                ("Lục Thị Ngân", "Ủy viên dự khuyết Ban Chấp hành", "Đảng bộ tỉnh", "bà"),
                ("Lục Thị Ngân", "Bí thư", "Đảng ủy xã Yên Lạc", "bà"),
            },
        ),
        (
            "Đồng chí Hầu A Lềnh, UVTW dự khuyết, Bí thư Tỉnh ủy dự.",
            {
                ("Hầu A Lềnh", "Ủy viên dự khuyết Trung ương Đảng", None, "đồng chí"),
                ("Hầu A Lềnh", "Bí thư", "Tỉnh ủy", "đồng chí"),
            },
        ),
    ],
)
def test_officials_title_words_after_an_abbreviated_title_stay_in_the_title(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Bí thư Chi bộ khu 4 Đàm Thị Hiền cùng đại diện Đảng ủy phường tham gia.",
            {("Đàm Thị Hiền", "Bí thư", "Chi bộ khu 4", None)},
        ),
        (
            "Bí thư Chi bộ khu Bắc Sơn Lý Văn Thái phát biểu.",
            {("Lý Văn Thái", "Bí thư", "Chi bộ khu Bắc Sơn", None)},
        ),
        (
            "Ông Nông Văn Khiêm, Bí thư Chi bộ thôn 6 cho biết thôn có 30 hộ.",
            {("Nông Văn Khiêm", "Bí thư", "Chi bộ thôn 6", "ông")},
        ),
        (
            "Bí thư Chi bộ bản 3 Tẩn Láo Lở dự hội nghị.",
            {("Tẩn Láo Lở", "Bí thư", "Chi bộ bản 3", None)},
        ),
        (
            "Tổ trưởng Tổ dân phố số 12 Hoàng Thị Lựu vận động bà con.",
            {("Hoàng Thị Lựu", "Tổ trưởng tổ dân phố", "Tổ dân phố số 12", None)},
        ),
        (
            "Bí thư Chi bộ Quân sự xã Mã Văn Đông dự.",
            {("Mã Văn Đông", "Bí thư", "Chi bộ Quân sự xã", None)},
        ),
        (
            "Chính ủy Quân khu 2, Thiếu tướng Lục Văn Tiến dự.",
            {("Lục Văn Tiến", "Chính ủy", "Quân khu 2", None)},
        ),
        (
            "Giám đốc Học viện Chính trị khu vực III Lê Văn Tùng trình bày.",
            {("Lê Văn Tùng", "Giám đốc", "Học viện Chính trị khu vực III", None)},
        ),
        (
            "Ông Lê Văn Tùng, Trưởng Ban Quản lý khu công nghiệp tỉnh cho biết.",
            {("Lê Văn Tùng", "Trưởng Ban", "Ban Quản lý khu công nghiệp tỉnh", "ông")},
        ),
        ("Trung tướng Phùng Văn Khải về thăm Sư đoàn 316.", set()),
    ],
)
def test_officials_organizations_with_numbers_and_residential_units(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    "text, title, organization",
    [
        ("Chủ nhiệm UBKT Huyện ủy Đặng Văn Lực báo cáo.", "Chủ nhiệm", "UBKT Huyện ủy"),
        ("Phó Chủ nhiệm UBKT Đảng ủy Khối Ma Văn Nghĩa báo cáo.", "Phó Chủ nhiệm", "UBKT Đảng ủy Khối"),
        ("Phó Chủ nhiệm TT UBKT Tỉnh ủy Ma Văn Nghĩa báo cáo.", "Phó Chủ nhiệm Thường trực", "UBKT Tỉnh ủy"),
        ("Ông Hà Văn Quế, Trưởng Đoàn ĐBQH tỉnh tiếp xúc cử tri.", "Trưởng Đoàn", "Đoàn ĐBQH tỉnh"),
        ("Chủ tịch UBMTTQ Việt Nam huyện Nông Thị Thơm phát động.", "Chủ tịch", "UBMTTQ Việt Nam huyện"),
        # written in full words, the body stays in the title as before
        ("Chủ nhiệm Ủy ban Kiểm tra Huyện ủy Đặng Văn Lực báo cáo.", "Chủ nhiệm Ủy ban Kiểm tra", "Huyện ủy"),
        (
            "Ông Hà Văn Quế, Trưởng Đoàn đại biểu Quốc hội tỉnh tiếp xúc cử tri.",
            "Trưởng Đoàn đại biểu Quốc hội",
            "tỉnh",
        ),
        # whole-title abbreviations, and member titles with an abbreviated board, are still expanded
        ("Đồng chí Mông Văn Sáu, UVBTV Huyện ủy dự.", "Ủy viên Ban Thường vụ", "Huyện ủy"),
        ("Đồng chí Mông Văn Sáu, Ủy viên BTV Đảng ủy Khối dự.", "Ủy viên Ban Thường vụ", "Đảng ủy Khối"),
    ],
)
def test_officials_an_abbreviated_body_after_the_title_head_is_the_organization_as_written(text, title, organization):
    [fact] = _facts(text)
    assert (fact.title, fact.organization) == (title, organization)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Trưởng Ban Kinh tế Trung ương Lê Văn Tính dự.",
            {("Lê Văn Tính", "Trưởng Ban Kinh tế Trung ương", None, None)},
        ),
        (
            "Ông Đỗ Văn Chiến, Phó Chủ nhiệm Ủy ban Kiểm tra TW làm việc với tỉnh.",
            {("Đỗ Văn Chiến", "Phó Chủ nhiệm Ủy ban Kiểm tra Trung ương", None, "ông")},
        ),
        (
            "Chánh Văn phòng Trung ương Đảng Phan Văn Lộc dự.",
            {("Phan Văn Lộc", "Chánh Văn phòng Trung ương Đảng", None, None)},
        ),
        (
            "Đồng chí Tạ Văn Hiếu, Ủy viên Trung ương Đảng, Phó Trưởng Ban Dân vận Trung ương dự.",
            {
                ("Tạ Văn Hiếu", "Ủy viên Trung ương Đảng", None, "đồng chí"),
                ("Tạ Văn Hiếu", "Phó Trưởng Ban Dân vận Trung ương", None, "đồng chí"),
            },
        ),
        # more than the central body: an organization as written
        (
            "Chủ tịch Trung ương Hội Nông dân Việt Nam Lương Văn Đoàn dự.",
            {("Lương Văn Đoàn", "Chủ tịch", "Trung ương Hội Nông dân Việt Nam", None)},
        ),
        (
            "Chủ nhiệm UBKT Trung ương Lê Văn Tính dự.",
            {("Lê Văn Tính", "Chủ nhiệm", "UBKT Trung ương", None)},
        ),
    ],
)
def test_officials_a_title_naming_the_central_body_is_whole_with_no_organization(text, expected):
    assert _rows(text) == expected


def test_officials_a_shorter_title_of_the_same_role_is_kept_once_as_the_fuller():
    text = (
        "Phó Thủ tướng Chính phủ Vũ Đình Khang dự lễ. Phát biểu tại buổi lễ, phó thủ tướng Vũ Đình Khang đánh "
        "giá cao kết quả của tỉnh.\n\nPhó Bí thư Thường trực Huyện ủy Tòng Văn Hùng dự. Sau đó, đồng chí Tòng "
        "Văn Hùng, Phó Bí thư Huyện ủy trao quà."
    )
    facts = _facts(text)
    assert {(f.person, f.title, f.organization, f.honorific) for f in facts} == {
        ("Vũ Đình Khang", "Phó Thủ tướng Chính phủ", None, None),
        ("Tòng Văn Hùng", "Phó Bí thư Thường trực", "Huyện ủy", "đồng chí"),
    }
    fuller = next(f for f in facts if f.person == "Tòng Văn Hùng")
    assert fuller.start == text.index("Phó Bí thư Thường trực")


@pytest.mark.parametrize(
    "text, titles",
    [
        (
            "Ông Lò Văn Khánh, Phó Bí thư Đảng ủy xã Nà Tấu, nay là Phó Bí thư Thường trực Huyện ủy Điện Biên dự.",
            {("Phó Bí thư", "Đảng ủy xã Nà Tấu"), ("Phó Bí thư Thường trực", "Huyện ủy Điện Biên")},
        ),
        (
            "Đồng chí Lò Văn Khánh, Bí thư Tỉnh ủy dự. Phó Bí thư Tỉnh ủy Lò Văn Khánh phát biểu.",
            {("Bí thư", "Tỉnh ủy"), ("Phó Bí thư", "Tỉnh ủy")},
        ),
    ],
)
def test_officials_different_roles_of_one_person_are_not_merged(text, titles):
    assert {(f.title, f.organization) for f in _facts(text)} == titles


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Ban Thường vụ Huyện ủy điều động, chỉ định đồng chí Giàng Văn Sử, Huyện ủy viên, Trưởng phòng Nội vụ "
            "huyện, về nhận công tác tại Đảng ủy xã Pá Hu, chỉ định tham gia Ban Chấp hành, Ban Thường vụ và giữ "
            "chức Bí thư Đảng ủy xã Pá Hu nhiệm kỳ 2020 - 2025.",
            {
                ("Giàng Văn Sử", "Huyện ủy viên", None, "đồng chí"),
                ("Giàng Văn Sử", "Trưởng phòng", "phòng Nội vụ huyện", "đồng chí"),
                ("Giàng Văn Sử", "Bí thư", "Đảng ủy xã Pá Hu", "đồng chí"),
            },
        ),
        (
            "UBND tỉnh bổ nhiệm ông Hà Văn Lợi, Phó Giám đốc Sở Y tế, sau khi hoàn thành quy trình, được bổ nhiệm giữ chức Giám đốc Sở Y tế.",
            {("Hà Văn Lợi", "Phó Giám đốc", "Sở Y tế", "ông"), ("Hà Văn Lợi", "Giám đốc", "Sở Y tế", "ông")},
        ),
        (
            "Hội nghị điều động ông Lò Văn Ảnh, Trưởng phòng Nội vụ huyện, đến nhận công tác tại Ban Dân vận Tỉnh "
            "ủy, chỉ định bà Cầm Thị Hoa tham gia Ban Chấp hành và giữ chức Phó Bí thư Huyện ủy.",
            {
                ("Lò Văn Ảnh", "Trưởng phòng", "phòng Nội vụ huyện", "ông"),
                ("Cầm Thị Hoa", "Phó Bí thư", "Huyện ủy", "bà"),
            },
        ),
    ],
)
def test_officials_an_appointment_clause_far_after_the_appointee_is_the_appointees(text, expected):
    assert _rows(text) == expected


def _score(paragraphs):
    gold, predicted = {}, {}
    for n, (text, facts) in enumerate(paragraphs):
        gold[n] = [dict(type="official", person=p, title=t, organization=o, honorific=h) for p, t, o, h in facts]
        predicted[n] = [f.as_dict() for f in _facts(text)]
    return evaluate(gold, predicted).by_type["official"]


def test_officials_precision_recall_and_organization_on_unseen_style_paragraphs():
    score = _score(PARAGRAPHS)
    assert score.precision >= 0.95
    assert score.recall >= 0.95
    assert score.secondary >= 0.9


# Paragraphs written in the styles of provincial party news, with every official an annotator
# following FACTS.md would record: (text, [(person, title, organization, honorific), ...]).
PARAGRAPHS = [
    (
        "Chiều 12/3, Ban Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết công tác xây dựng Đảng quý I. Đồng chí "
        "Trịnh Quốc Hòa, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Trưởng Đoàn ĐBQH tỉnh chủ trì hội nghị. "
        "Cùng dự có các đồng chí: Phạm Minh Sơn, Phó Bí thư Thường trực Tỉnh ủy; Nguyễn Huy Tùng, Phó Bí thư "
        "Tỉnh ủy, Chủ tịch UBND tỉnh; các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy. Bí thư Huyện ủy Phú Lương "
        "Đào Văn Hùng và Chủ tịch UBND thành phố Thái Nguyên Lê Quang Tiến báo cáo kết quả thực hiện nhiệm "
        "vụ.",
        [
            ("Trịnh Quốc Hòa", "Ủy viên Trung ương Đảng", None, "đồng chí"),
            ("Trịnh Quốc Hòa", "Bí thư", "Tỉnh ủy", "đồng chí"),
            ("Trịnh Quốc Hòa", "Trưởng Đoàn", "Đoàn ĐBQH tỉnh", "đồng chí"),
            ("Phạm Minh Sơn", "Phó Bí thư Thường trực", "Tỉnh ủy", "đồng chí"),
            ("Nguyễn Huy Tùng", "Phó Bí thư", "Tỉnh ủy", None),
            ("Nguyễn Huy Tùng", "Chủ tịch", "UBND tỉnh", None),
            ("Đào Văn Hùng", "Bí thư", "Huyện ủy Phú Lương", None),
            ("Lê Quang Tiến", "Chủ tịch", "UBND thành phố Thái Nguyên", None),
        ],
    ),
    (
        "Sáng 5/7, Ban Chấp hành Đảng bộ huyện Mường Chà tổ chức Hội nghị lần thứ 12 để kiện toàn công tác "
        "cán bộ. Hội nghị đã bầu đồng chí Lò Văn Thắng, Phó Chủ tịch UBND huyện giữ chức Phó Bí thư Huyện ủy "
        "nhiệm kỳ 2020 - 2025. Đồng chí Giàng A Dế, Tỉnh ủy viên, Bí thư Huyện ủy trao quyết định và tặng "
        "hoa chúc mừng.",
        [
            ("Lò Văn Thắng", "Phó Chủ tịch", "UBND huyện", "đồng chí"),
            ("Lò Văn Thắng", "Phó Bí thư", "Huyện ủy", "đồng chí"),
            ("Giàng A Dế", "Tỉnh ủy viên", None, "đồng chí"),
            ("Giàng A Dế", "Bí thư", "Huyện ủy", "đồng chí"),
        ],
    ),
    (
        "Ngày 20/4, đoàn công tác của Trung ương do đồng chí Lương Quốc Khánh, Ủy viên Bộ Chính trị, Thường "
        "trực Ban Bí thư làm Trưởng đoàn đã làm việc với Ban Thường vụ Tỉnh ủy Lai Châu. Tiếp và làm việc "
        "với đoàn có đồng chí Hoàng Văn Tiệp, Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh "
        "ủy Lai Châu. Phát biểu tại buổi làm việc, Tổng Bí thư Tô Quang Huy đánh giá cao kết quả tỉnh đạt "
        "được.",
        [
            ("Lương Quốc Khánh", "Ủy viên Bộ Chính trị", None, "đồng chí"),
            ("Lương Quốc Khánh", "Thường trực Ban Bí thư", None, "đồng chí"),
            ("Hoàng Văn Tiệp", "Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng", None, "đồng chí"),
            ("Hoàng Văn Tiệp", "Bí thư", "Tỉnh ủy Lai Châu", "đồng chí"),
            ("Tô Quang Huy", "Tổng Bí thư", None, None),
        ],
    ),
    (
        "Nhân dịp kỷ niệm 94 năm Ngày thành lập Đảng, đồng chí Nguyễn Anh Tú, Phó Bí thư Tỉnh ủy, Chủ tịch "
        "HĐND tỉnh đã đến thăm, chúc mừng Đảng bộ phường Võ Cường. Cùng đi có đồng chí Lâm Thị Hương Giang, "
        "Ủy viên BTV Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy; lãnh đạo một số sở, ngành. Báo cáo với đoàn, Bí "
        "thư Đảng ủy phường Trần Quang Vinh cho biết, năm qua Đảng bộ kết nạp 15 đảng viên mới.",
        [
            ("Nguyễn Anh Tú", "Phó Bí thư", "Tỉnh ủy", "đồng chí"),
            ("Nguyễn Anh Tú", "Chủ tịch", "HĐND tỉnh", "đồng chí"),
            ("Lâm Thị Hương Giang", "Ủy viên Ban Thường vụ", "Tỉnh ủy", "đồng chí"),
            ("Lâm Thị Hương Giang", "Trưởng Ban Tuyên giáo", "Tỉnh ủy", "đồng chí"),
            ("Trần Quang Vinh", "Bí thư", "Đảng ủy phường", None),
        ],
    ),
    (
        "Đồng chí Mùa A Vừ (thứ 3 từ phải sang), Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh thăm mô hình trồng mắc ca tại xã Mường Mươn.\n\nẢnh: Quang Long\n\nThu Hà",
        [
            ("Mùa A Vừ", "Phó Bí thư", "Tỉnh ủy", "đồng chí"),
            ("Mùa A Vừ", "Chủ tịch", "UBND tỉnh", "đồng chí"),
        ],
    ),
    (
        "Tại kỳ họp, HĐND tỉnh đã bầu bổ sung chức danh Phó Chủ tịch UBND tỉnh nhiệm kỳ 2021 - 2026 đối với "
        "ông Đặng Xuân Trường, Giám đốc Sở Kế hoạch và Đầu tư. Đồng chí Phạm Hoàng Lâm, Phó Bí thư Tỉnh ủy, "
        "Chủ tịch HĐND tỉnh điều hành phiên bế mạc.",
        [
            ("Đặng Xuân Trường", "Giám đốc", "Sở Kế hoạch và Đầu tư", "ông"),
            ("Đặng Xuân Trường", "Phó Chủ tịch", "UBND tỉnh", "ông"),
            ("Phạm Hoàng Lâm", "Phó Bí thư", "Tỉnh ủy", "đồng chí"),
            ("Phạm Hoàng Lâm", "Chủ tịch", "HĐND tỉnh", "đồng chí"),
        ],
    ),
    (
        "Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ tỉnh khóa XXI đã bầu Ban Thường vụ Tỉnh ủy gồm 15 đồng "
        "chí. Đồng chí Vương Quốc Tuấn được bầu giữ chức Bí thư Tỉnh ủy. Các đồng chí: Nguyễn Hữu Tiến, Lê "
        "Thị Bích Ngọc được bầu giữ chức Phó Bí thư Tỉnh ủy. Đồng chí Cao Văn Mạnh được bầu làm Chủ nhiệm Ủy "
        "ban Kiểm tra Tỉnh ủy.",
        [
            ("Vương Quốc Tuấn", "Bí thư", "Tỉnh ủy", "đồng chí"),
            ("Nguyễn Hữu Tiến", "Phó Bí thư", "Tỉnh ủy", "đồng chí"),
            ("Lê Thị Bích Ngọc", "Phó Bí thư", "Tỉnh ủy", "đồng chí"),
            ("Cao Văn Mạnh", "Chủ nhiệm Ủy ban Kiểm tra", "Tỉnh ủy", "đồng chí"),
        ],
    ),
    (
        "Tham dự buổi lễ có đ/c Đinh Công Sử, UVBTV Tỉnh ủy, PCT UBND tỉnh; đ/c Hà Thị Thu, phó bí thư "
        "thường trực huyện ủy Đại Từ. Ông Lưu Văn Đạt - chủ tịch UBND xã Hùng Sơn cho biết, năm nay xã phấn "
        "đấu về đích nông thôn mới.",
        [
            ("Đinh Công Sử", "Ủy viên Ban Thường vụ", "Tỉnh ủy", "đồng chí"),
            ("Đinh Công Sử", "Phó Chủ tịch", "UBND tỉnh", "đồng chí"),
            ("Hà Thị Thu", "Phó Bí thư Thường trực", "huyện ủy Đại Từ", "đồng chí"),
            ("Lưu Văn Đạt", "Chủ tịch", "UBND xã Hùng Sơn", "ông"),
        ],
    ),
    (
        "Bí thư cấp ủy phải là người đứng đầu, gương mẫu trong thực hiện nhiệm vụ. Học tập và làm theo tư "
        "tưởng, đạo đức, phong cách Hồ Chí Minh; thực hiện lời dạy của Chủ tịch Hồ Chí Minh và Bác Hồ kính "
        "yêu. Ban Thường vụ đã chuẩn y 12 chức danh Bí thư và 9 Phó Bí thư chi bộ. Trung tướng Nguyễn Văn "
        'Hiển đến dự. Cuộc thi "Bí thư chi bộ giỏi" năm 2023 thu hút đông đảo thí sinh.\n\nẢnh: Minh Hằng/TTXVN',
        [],
    ),
    (
        "Đến dự có đồng chí Triệu Thị Hoa, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh; đồng chí Lý Văn Phúc, Chủ "
        "tịch Hội Nông dân tỉnh; đại diện lãnh đạo Sở Lao động - Thương binh và Xã hội. Phát biểu tại lễ ra "
        "mắt, Bí thư Tỉnh đoàn Ma Thị Yến mong muốn đoàn viên thanh niên phát huy vai trò xung kích.",
        [
            ("Triệu Thị Hoa", "Chủ tịch", "Ủy ban MTTQ Việt Nam tỉnh", "đồng chí"),
            ("Lý Văn Phúc", "Chủ tịch", "Hội Nông dân tỉnh", "đồng chí"),
            ("Ma Thị Yến", "Bí thư", "Tỉnh đoàn", None),
        ],
    ),
    (
        "Đại tá Hoàng Văn Kiên, Ủy viên Ban Thường vụ Tỉnh ủy, Giám đốc Công an tỉnh phát biểu chỉ đạo hội "
        "nghị. Thượng tá Bế Văn Long, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh cùng dự.",
        [
            ("Hoàng Văn Kiên", "Ủy viên Ban Thường vụ", "Tỉnh ủy", None),
            ("Hoàng Văn Kiên", "Giám đốc", "Công an tỉnh", None),
            ("Bế Văn Long", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh", None),
        ],
    ),
    (
        "Theo ông Nông Văn Thái, Bí thư Chi bộ thôn Khuổi Tát, chi bộ hiện có 32 đảng viên. Bà Chu Thị Mai, Trưởng thôn Khuổi Tát cho biết thêm, cả thôn đã có 40 hộ thoát nghèo.",
        [
            ("Nông Văn Thái", "Bí thư", "Chi bộ thôn Khuổi Tát", "ông"),
            ("Chu Thị Mai", "Trưởng thôn", "thôn Khuổi Tát", "bà"),
        ],
    ),
    (
        "Chủ tịch UBND tỉnh vừa ký quyết định bổ nhiệm ông Vi Đức Thọ, Phó Giám đốc Sở Nội vụ giữ chức Giám "
        "đốc Sở Nội vụ. Trước đó, ông Tạ Quang Hiếu được điều động, bổ nhiệm giữ chức Chánh Văn phòng UBND "
        "tỉnh.",
        [
            ("Vi Đức Thọ", "Phó Giám đốc", "Sở Nội vụ", "ông"),
            ("Vi Đức Thọ", "Giám đốc", "Sở Nội vụ", "ông"),
            ("Tạ Quang Hiếu", "Chánh Văn phòng", "UBND tỉnh", "ông"),
        ],
    ),
    (
        "Thủ tướng Phạm Văn Hòa yêu cầu các bộ, ngành khẩn trương hoàn thiện thể chế. Phó Thủ tướng Trần Lưu "
        "Khang, Trưởng Ban Chỉ đạo quốc gia về chuyển đổi số, chủ trì cuộc họp. Bộ trưởng Bộ Nội vụ Phạm Thị "
        "Thanh Tâm cho biết việc sắp xếp bộ máy cơ bản hoàn thành.",
        [
            ("Phạm Văn Hòa", "Thủ tướng", None, None),
            ("Trần Lưu Khang", "Phó Thủ tướng", None, None),
            ("Trần Lưu Khang", "Trưởng Ban", "Ban Chỉ đạo quốc gia về chuyển đổi số", None),
            ("Phạm Thị Thanh Tâm", "Bộ trưởng", "Bộ Nội vụ", None),
        ],
    ),
    (
        "Ngày 3/10, Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh tổ chức Hội nghị quán triệt Chỉ thị số "
        "35-CT/TW. Dự hội nghị có đồng chí Ngô Thị Hải Yến, Bí thư Đảng ủy Khối; các đồng chí trong Ban "
        "Thường vụ Đảng ủy Khối. Đồng chí Tống Văn Bình, Phó Bí thư Đảng ủy Khối quán triệt các nội dung cơ "
        "bản của Chỉ thị.",
        [
            ("Ngô Thị Hải Yến", "Bí thư", "Đảng ủy Khối", "đồng chí"),
            ("Tống Văn Bình", "Phó Bí thư", "Đảng ủy Khối", "đồng chí"),
        ],
    ),
    (
        "Bí thư Tỉnh ủy làm việc với huyện Nậm Pồ\n\n(ĐBP) - Chiều 15/8, đồng chí Lò Minh Hùng, Phó Bí thư "
        "Tỉnh ủy, Chủ tịch HĐND tỉnh và đoàn công tác đã có buổi làm việc với Ban Thường vụ Huyện ủy Nậm Pồ. "
        "Tiếp đoàn có các đồng chí: Nguyễn Văn Sáu, Ủy viên BTV Tỉnh ủy, Bí thư Huyện ủy; Lò Thị Hoa, Phó Bí "
        "thư Thường trực Huyện ủy.",
        [
            ("Lò Minh Hùng", "Phó Bí thư", "Tỉnh ủy", "đồng chí"),
            ("Lò Minh Hùng", "Chủ tịch", "HĐND tỉnh", "đồng chí"),
            ("Nguyễn Văn Sáu", "Ủy viên Ban Thường vụ", "Tỉnh ủy", "đồng chí"),
            ("Nguyễn Văn Sáu", "Bí thư", "Huyện ủy", "đồng chí"),
            ("Lò Thị Hoa", "Phó Bí thư Thường trực", "Huyện ủy", None),
        ],
    ),
    (
        "Thay mặt lãnh đạo tỉnh, Phó Chủ tịch UBND tỉnh đồng chí Vừ A Bằng trao Huy hiệu Đảng cho các đảng "
        "viên. Ông Hoàng Đức Minh, Phó Giám đốc Sở Tài chính kiêm Giám đốc Kho bạc Nhà nước tỉnh, cho biết "
        "đã giải ngân 80% vốn.",
        [
            ("Vừ A Bằng", "Phó Chủ tịch", "UBND tỉnh", "đồng chí"),
            ("Hoàng Đức Minh", "Phó Giám đốc", "Sở Tài chính", "ông"),
            ("Hoàng Đức Minh", "Giám đốc", "Kho bạc Nhà nước tỉnh", "ông"),
        ],
    ),
    (
        "Đồng chí Nguyễn Thị Hạnh - Phó Trưởng Ban Thường trực Ban Dân vận Tỉnh ủy phát biểu tại buổi tọa "
        "đàm. PGS.TS Đặng Quang Vinh, Giám đốc Học viện Chính trị khu vực I trình bày tham luận về công tác "
        "cán bộ.",
        [
            ("Nguyễn Thị Hạnh", "Phó Trưởng Ban Thường trực", "Ban Dân vận Tỉnh ủy", "đồng chí"),
            ("Đặng Quang Vinh", "Giám đốc", "Học viện Chính trị khu vực I", None),
        ],
    ),
    (
        "Cùng dự có các đồng chí Phó Chủ tịch UBND tỉnh: Lê Văn Cường, Trần Thị Minh Nguyệt; đại diện lãnh "
        "đạo các sở, ngành. Ông Lương Văn Cầu (Phó Chủ tịch UBND xã Na Son) cho biết xã đã hoàn thành 19 "
        "tiêu chí.",
        [
            ("Lê Văn Cường", "Phó Chủ tịch", "UBND tỉnh", "đồng chí"),
            ("Trần Thị Minh Nguyệt", "Phó Chủ tịch", "UBND tỉnh", "đồng chí"),
            ("Lương Văn Cầu", "Phó Chủ tịch", "UBND xã Na Son", "ông"),
        ],
    ),
    (
        "Tổng Bí thư, Chủ tịch nước Đỗ Minh Quý gửi thư chúc mừng. Đồng chí Trần Văn Sơn, Ủy viên Ban Thường "
        "vụ, Trưởng Ban Tổ chức Tỉnh ủy đọc quyết định của Ban Thường vụ Tỉnh ủy về công tác cán bộ.",
        [
            ("Đỗ Minh Quý", "Tổng Bí thư", None, None),
            ("Đỗ Minh Quý", "Chủ tịch nước", None, None),
            ("Trần Văn Sơn", "Ủy viên Ban Thường vụ", "Tỉnh ủy", "đồng chí"),
            ("Trần Văn Sơn", "Trưởng Ban Tổ chức", "Tỉnh ủy", "đồng chí"),
        ],
    ),
    (
        "Giám đốc Sở Y tế Lê Thị Hồng cho biết, toàn tỉnh có 12 bệnh viện tuyến huyện. Giám đốc Sở Tài "
        "nguyên và Môi trường Đinh Văn Khoa đề nghị các địa phương rà soát quỹ đất. Bí thư Đảng ủy, Giám đốc "
        "Công ty Than Núi Hồng Phùng Văn Hiệp báo cáo tình hình sản xuất.",
        [
            ("Lê Thị Hồng", "Giám đốc", "Sở Y tế", None),
            ("Đinh Văn Khoa", "Giám đốc", "Sở Tài nguyên và Môi trường", None),
            ("Phùng Văn Hiệp", "Bí thư", "Đảng ủy", None),
            ("Phùng Văn Hiệp", "Giám đốc", "Công ty Than Núi Hồng", None),
        ],
    ),
    (
        "“Chúng tôi xác định phát triển đảng viên là nhiệm vụ trọng tâm”, Bí thư Đảng ủy xã Mường Phăng Lò "
        "Văn Chung nói. Bí thư Chi bộ bản Huổi Lóng, ông Mùa A Sử chia sẻ, chi bộ có 18 đảng viên.",
        [
            ("Lò Văn Chung", "Bí thư", "Đảng ủy xã Mường Phăng", None),
            ("Mùa A Sử", "Bí thư", "Chi bộ bản Huổi Lóng", "ông"),
        ],
    ),
    (
        "Ngày 15/9/2023, Phó Chủ tịch UBND tỉnh Vừ A Bằng đã ký Quyết định số 1234/QĐ-UBND. Thay mặt Thường "
        "trực Tỉnh ủy, đồng chí Lò Văn Phạ, Phó Bí thư Thường trực Tỉnh ủy trao quyết định cho đồng chí Tòng "
        "Thị Mai.",
        [
            ("Vừ A Bằng", "Phó Chủ tịch", "UBND tỉnh", None),
            ("Lò Văn Phạ", "Phó Bí thư Thường trực", "Tỉnh ủy", "đồng chí"),
        ],
    ),
    (
        "Ông Vừ A Tủa, Bí thư kiêm Trưởng bản Háng Lìa cho biết cả bản có 96 hộ. Trưởng Công an xã Lò Văn "
        "Tiến cùng lực lượng xung kích tuần tra. Phó Chủ tịch Thường trực HĐND tỉnh Lò Văn Mừng chủ trì "
        "phiên thảo luận.",
        [
            ("Vừ A Tủa", "Bí thư", None, "ông"),
            ("Vừ A Tủa", "Trưởng bản", "bản Háng Lìa", "ông"),
            ("Lò Văn Tiến", "Trưởng Công an", "xã", None),
            ("Lò Văn Mừng", "Phó Chủ tịch Thường trực", "HĐND tỉnh", None),
        ],
    ),
    (
        "Xây dựng đội ngũ cán bộ chủ chốt cấp xã\n\nThS. Nguyễn Thanh Bình\nPhó Trưởng Ban Tuyên giáo Tỉnh ủy\n\nThời gian qua, công tác cán bộ được các cấp ủy quan tâm.",
        [
            ("Nguyễn Thanh Bình", "Phó Trưởng Ban Tuyên giáo", "Tỉnh ủy", None),
        ],
    ),
    (
        "Dự lễ kỷ niệm có đồng chí Hầu A Chứ, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh; "
        "các đồng chí nguyên lãnh đạo tỉnh qua các thời kỳ. Đồng chí Lê Thành Đô, Ủy viên Ban Chấp hành Đảng "
        "bộ tỉnh, Bí thư Huyện ủy Tuần Giáo ôn lại truyền thống vẻ vang của Đảng bộ huyện.",
        [
            ("Hầu A Chứ", "Ủy viên Trung ương Đảng", None, "đồng chí"),
            ("Hầu A Chứ", "Bí thư", "Tỉnh ủy", "đồng chí"),
            ("Hầu A Chứ", "Chủ tịch", "HĐND tỉnh", "đồng chí"),
            ("Lê Thành Đô", "Ủy viên Ban Chấp hành", "Đảng bộ tỉnh", "đồng chí"),
            ("Lê Thành Đô", "Bí thư", "Huyện ủy Tuần Giáo", "đồng chí"),
        ],
    ),
    (
        "Bí thư Tỉnh ủy Lào Cai Đặng Xuân Phúc đề nghị các cấp ủy quan tâm phát triển đảng viên. Chủ tịch "
        "UBND huyện Bát Xát Tẩn Láo Lở báo cáo kết quả. Cũng trong chiều nay, bà Nguyễn Thị Thu Hà - Trưởng "
        "phòng Tổ chức cán bộ, Sở Nội vụ hướng dẫn quy trình.",
        [
            ("Đặng Xuân Phúc", "Bí thư", "Tỉnh ủy Lào Cai", None),
            ("Tẩn Láo Lở", "Chủ tịch", "UBND huyện Bát Xát", None),
            ("Nguyễn Thị Thu Hà", "Trưởng phòng", "phòng Tổ chức cán bộ", "bà"),
        ],
    ),
    (
        "Đoàn đại biểu tỉnh do đồng chí Phạm Đức Toàn, Phó Bí thư Tỉnh ủy làm trưởng đoàn đã dâng hương tại "
        "Khu di tích lịch sử ATK Định Hóa. Theo Đại tá Nông Văn Dũng, Chỉ huy trưởng Bộ CHQS tỉnh, lực lượng "
        "vũ trang luôn sẵn sàng. Chủ tịch Hồ Chí Minh và Đại tướng Võ Nguyên Giáp từng làm việc tại đây.",
        [
            ("Phạm Đức Toàn", "Phó Bí thư", "Tỉnh ủy", "đồng chí"),
            ("Nông Văn Dũng", "Chỉ huy trưởng", "Bộ CHQS tỉnh", None),
        ],
    ),
    (
        "Tại Đại hội, đồng chí Lường Văn Quý tái đắc cử chức Bí thư Đảng ủy xã Thanh Nưa nhiệm kỳ 2025 - "
        "2030. Đồng chí Quàng Thị Hương được bầu giữ chức Phó Bí thư, Chủ tịch UBND xã. Sau khi công bố kết "
        "quả, ông Điêu Chính Tới, Phó Trưởng Ban Tổ chức Huyện ủy tặng hoa chúc mừng.",
        [
            ("Lường Văn Quý", "Bí thư", "Đảng ủy xã Thanh Nưa", "đồng chí"),
            ("Quàng Thị Hương", "Phó Bí thư", None, "đồng chí"),
            ("Quàng Thị Hương", "Chủ tịch", "UBND xã", "đồng chí"),
            ("Điêu Chính Tới", "Phó Trưởng Ban Tổ chức", "Huyện ủy", "ông"),
        ],
    ),
    (
        "Hội thi Bí thư chi bộ giỏi năm 2024 có 45 thí sinh tham gia. Tác giả: Nguyễn Văn Hải. Ảnh: Lò Văn "
        "Toàn. Các đồng chí ủy viên ban thường vụ, ủy viên BCH Đảng bộ tỉnh trực tiếp phụ trách địa bàn. "
        "Đồng chí Bí thư Tỉnh ủy đã thăm hỏi, động viên bà con.",
        [],
    ),
    (
        "Tin liên quan\n\nBí thư Tỉnh ủy Hoàng Minh Đức tiếp xúc cử tri huyện Phú Bình\n\nChủ tịch UBND tỉnh làm "
        "việc với Tập đoàn Samsung\n\nĐồng chí Phó Bí thư Thường trực Tỉnh ủy thăm, tặng quà Tết tại Võ Nhai",
        [
            ("Hoàng Minh Đức", "Bí thư", "Tỉnh ủy", None),
        ],
    ),
    (
        "Kỷ luật cảnh cáo ông Phạm Văn Lực, nguyên Giám đốc Sở Tài nguyên và Môi trường. Ủy ban Kiểm tra "
        "Tỉnh ủy đề nghị Ban Thường vụ Tỉnh ủy thi hành kỷ luật bằng hình thức khiển trách đối với ông Đỗ "
        "Quang Hòa, Huyện ủy viên, Phó Chủ tịch UBND huyện Lục Ngạn.",
        [
            ("Đỗ Quang Hòa", "Huyện ủy viên", None, "ông"),
            ("Đỗ Quang Hòa", "Phó Chủ tịch", "UBND huyện Lục Ngạn", "ông"),
        ],
    ),
    (
        "Lễ kỷ niệm 110 năm Ngày sinh đồng chí Hoàng Quốc Việt được tổ chức trọng thể. Đồng chí Ngô Văn "
        "Tuấn, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy đọc diễn văn kỷ niệm, ôn lại cuộc đời và sự nghiệp "
        "cách mạng của đồng chí Hoàng Quốc Việt.",
        [
            ("Ngô Văn Tuấn", "Ủy viên Trung ương Đảng", None, "đồng chí"),
            ("Ngô Văn Tuấn", "Bí thư", "Tỉnh ủy", "đồng chí"),
        ],
    ),
    (
        "Phát biểu kết luận hội nghị, đồng chí Bí thư Tỉnh ủy đề nghị các cấp ủy tiếp tục quán triệt Kết "
        "luận số 21-KL/TW. Tiếp thu ý kiến, Chủ tịch UBND huyện cam kết sẽ chỉ đạo quyết liệt. Đồng chí "
        "Trưởng Ban Tổ chức Tỉnh ủy trình bày dự thảo đề án.",
        [],
    ),
    (
        "Bà Hoàng Thị Thanh Hương, Chủ tịch Hội Liên hiệp phụ nữ tỉnh cho biết, năm 2023 các cấp hội đã hỗ "
        "trợ 1.200 hội viên thoát nghèo. Bà Hương cũng đề nghị cấp ủy, chính quyền các cấp quan tâm hơn nữa "
        "đến công tác phụ nữ.",
        [
            ("Hoàng Thị Thanh Hương", "Chủ tịch", "Hội Liên hiệp phụ nữ tỉnh", "bà"),
        ],
    ),
    (
        "Trên cơ sở kết quả bỏ phiếu, đồng chí Lê Quang Vinh được bầu giữ chức Phó Chủ tịch UBND huyện Tân "
        "Yên nhiệm kỳ 2021 - 2026 với 100% số phiếu. Thừa ủy quyền của Chủ tịch UBND tỉnh, đồng chí Trần Đức "
        "Long, Giám đốc Sở Nội vụ trao quyết định phê chuẩn kết quả bầu cử.",
        [
            ("Lê Quang Vinh", "Phó Chủ tịch", "UBND huyện Tân Yên", "đồng chí"),
            ("Trần Đức Long", "Giám đốc", "Sở Nội vụ", "đồng chí"),
        ],
    ),
    (
        "Đoàn công tác của tỉnh do đồng chí Vũ Thị Lan, Phó Chủ tịch UBND tỉnh làm trưởng đoàn đã đến thăm, "
        "tặng quà các gia đình chính sách. Cùng đi có lãnh đạo Sở Lao động - Thương binh và Xã hội, Ủy ban "
        "MTTQ tỉnh. Tiếp đoàn, ông Lò Văn Quyết, Chủ tịch UBND xã Thanh Xương bày tỏ cảm ơn sự quan tâm của "
        "lãnh đạo tỉnh.",
        [
            ("Vũ Thị Lan", "Phó Chủ tịch", "UBND tỉnh", "đồng chí"),
            ("Lò Văn Quyết", "Chủ tịch", "UBND xã Thanh Xương", "ông"),
        ],
    ),
    (
        "Ảnh: Đồng chí Lý Thị Thu (thứ hai từ trái sang), Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy, Chủ tịch Ủy ban MTTQ tỉnh trao quà cho hộ nghèo.",
        [
            ("Lý Thị Thu", "Ủy viên Ban Thường vụ", "Tỉnh ủy", "đồng chí"),
            ("Lý Thị Thu", "Trưởng Ban Dân vận", "Tỉnh ủy", "đồng chí"),
            ("Lý Thị Thu", "Chủ tịch", "Ủy ban MTTQ tỉnh", "đồng chí"),
        ],
    ),
    (
        "Nhiều năm liền, chi bộ thôn Đồng Mỏ luôn hoàn thành xuất sắc nhiệm vụ. Anh Nguyễn Văn Thành, Bí thư "
        "Chi bộ kiêm Trưởng thôn Đồng Mỏ chia sẻ: “Muốn dân tin thì đảng viên phải gương mẫu”. Cũng theo anh "
        "Thành, chi bộ hiện có 27 đảng viên.",
        [
            ("Nguyễn Văn Thành", "Bí thư", "Chi bộ", None),
            ("Nguyễn Văn Thành", "Trưởng thôn", "thôn Đồng Mỏ", None),
        ],
    ),
    (
        "Sáng 2/9, tại Quảng trường Ba Đình, Chủ tịch nước Lương Văn Cường cùng các đồng chí lãnh đạo Đảng, "
        "Nhà nước vào Lăng viếng Chủ tịch Hồ Chí Minh. Đoàn đại biểu tỉnh do đồng chí Đinh Văn Hưng, Phó Bí "
        "thư Thường trực Tỉnh ủy dẫn đầu.",
        [
            ("Lương Văn Cường", "Chủ tịch nước", None, None),
            ("Đinh Văn Hưng", "Phó Bí thư Thường trực", "Tỉnh ủy", "đồng chí"),
        ],
    ),
    (
        "Giờ đây, nhờ sự vào cuộc của cả hệ thống chính trị, bản Phiêng Lơi đã đổi thay. Ông Quàng Văn Nọi, "
        "Bí thư Chi bộ bản Phiêng Lơi, xã Mường Phăng phấn khởi cho biết: “Năm nay bản không còn hộ đói”.",
        [
            ("Quàng Văn Nọi", "Bí thư", "Chi bộ bản Phiêng Lơi", "ông"),
        ],
    ),
    (
        "Hội đồng thi đua - khen thưởng tỉnh đã trình Thủ tướng Chính phủ tặng Bằng khen cho 5 tập thể. Phó "
        "Chủ tịch Thường trực UBND tỉnh Nguyễn Thanh Hải, Chủ tịch Hội đồng thi đua - khen thưởng tỉnh chủ "
        "trì cuộc họp.",
        [
            ("Nguyễn Thanh Hải", "Phó Chủ tịch Thường trực", "UBND tỉnh", None),
            ("Nguyễn Thanh Hải", "Chủ tịch", "Hội đồng thi đua - khen thưởng tỉnh", None),
        ],
    ),
    (
        "Theo báo cáo của Ban Tổ chức Tỉnh ủy, toàn tỉnh có 9 đồng chí Bí thư cấp huyện không là người địa "
        "phương. Đồng chí Hà Văn Tùng, Phó Trưởng Ban Tổ chức Tỉnh ủy trình bày báo cáo tóm tắt. Ông Tùng "
        "cho biết thêm, năm 2024 sẽ luân chuyển 15 cán bộ.",
        [
            ("Hà Văn Tùng", "Phó Trưởng Ban Tổ chức", "Tỉnh ủy", "đồng chí"),
        ],
    ),
    (
        "Trước đó, ngày 12/5, Ban Bí thư đã chuẩn y đồng chí Phạm Thị Bích Ngọc giữ chức Phó Bí thư Tỉnh ủy "
        "nhiệm kỳ 2020 - 2025. Tại buổi lễ, đồng chí Nguyễn Đức Hải, Phó Trưởng Ban Tổ chức Trung ương đã "
        "trao quyết định.",
        [
            ("Phạm Thị Bích Ngọc", "Phó Bí thư", "Tỉnh ủy", "đồng chí"),
            ("Nguyễn Đức Hải", "Phó Trưởng Ban Tổ chức Trung ương", None, "đồng chí"),
        ],
    ),
    (
        "Với sự tham gia của 300 đại biểu, Đại hội Đảng bộ huyện Nậm Nhùn lần thứ III đã bầu Ban Chấp hành "
        "khóa mới gồm 33 đồng chí. Đồng chí Tẩn Văn Lở tái đắc cử Bí thư Huyện ủy. Đồng chí Chảo A Dìn, Phó "
        "Bí thư Huyện ủy, Chủ tịch UBND huyện được bầu tái cử Phó Bí thư.",
        [
            ("Tẩn Văn Lở", "Bí thư", "Huyện ủy", "đồng chí"),
            ("Chảo A Dìn", "Phó Bí thư", "Huyện ủy", "đồng chí"),
            ("Chảo A Dìn", "Chủ tịch", "UBND huyện", "đồng chí"),
        ],
    ),
    (
        "Thái Nguyên: Nâng cao chất lượng sinh hoạt chi bộ\n\nNgày 14/6, Đảng ủy Khối các cơ quan tỉnh tổ chức "
        "Hội nghị sơ kết 5 năm thực hiện Chỉ thị số 10-CT/TW của Ban Bí thư. Đồng chí Hà Thị Bích Thủy, Ủy "
        "viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy dự và chỉ đạo hội nghị.\n\nĐồng chí Hà Thị "
        "Bích Thủy phát biểu chỉ đạo hội nghị.\n\nTheo báo cáo, 100% chi bộ đã xây dựng kế hoạch sinh hoạt "
        "chuyên đề. Đồng chí Phạm Ngọc Anh, Phó Bí thư Thường trực Đảng ủy Khối đánh giá, chất lượng sinh "
        "hoạt chi bộ có nhiều chuyển biến. Tại hội nghị, đại diện Chi bộ Sở Tư pháp, Đảng bộ Bệnh viện A "
        "Thái Nguyên đã trình bày tham luận.\n\nMinh Hằng",
        [
            ("Hà Thị Bích Thủy", "Ủy viên Ban Thường vụ", "Tỉnh ủy", "đồng chí"),
            ("Hà Thị Bích Thủy", "Trưởng Ban Tổ chức", "Tỉnh ủy", "đồng chí"),
            ("Phạm Ngọc Anh", "Phó Bí thư Thường trực", "Đảng ủy Khối", "đồng chí"),
        ],
    ),
    (
        "(ĐBP) - Chiều 22/11, Thường trực Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Tủa Chùa về tình hình "
        "thực hiện nhiệm vụ năm 2023. Đồng chí Vì Văn Sơn, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh chủ trì "
        "buổi làm việc. Cùng dự có đồng chí Lò Văn Mừng, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường "
        "trực UBND tỉnh; lãnh đạo các sở, ngành liên quan.\n\nĐồng chí Vì Văn Sơn, Phó Bí thư Tỉnh ủy, Chủ "
        "tịch UBND tỉnh phát biểu kết luận buổi làm việc. Ảnh: Ngọc Ánh\n\nBáo cáo tại buổi làm việc, đồng chí "
        "Thào A Sử, Bí thư Huyện ủy Tủa Chùa cho biết, năm 2023 huyện có 12/14 chỉ tiêu đạt và vượt kế hoạch.",
        [
            ("Vì Văn Sơn", "Phó Bí thư", "Tỉnh ủy", "đồng chí"),
            ("Vì Văn Sơn", "Chủ tịch", "UBND tỉnh", "đồng chí"),
            ("Lò Văn Mừng", "Ủy viên Ban Thường vụ", "Tỉnh ủy", "đồng chí"),
            ("Lò Văn Mừng", "Phó Chủ tịch Thường trực", "UBND tỉnh", "đồng chí"),
            ("Thào A Sử", "Bí thư", "Huyện ủy Tủa Chùa", "đồng chí"),
        ],
    ),
    (
        "(ĐCSVN) - Sáng 8/1, tại Hà Nội, Ban Tổ chức Trung ương tổ chức Hội nghị triển khai nhiệm vụ năm "
        "2024. Ủy viên Bộ Chính trị, Trưởng Ban Tổ chức Trung ương Trương Minh Thiện dự và chỉ đạo hội nghị. "
        "Cùng dự có các đồng chí: Hoàng Thanh Tùng, Bí thư Trung ương Đảng, Chánh Văn phòng Trung ương Đảng; "
        "Lê Quốc Hùng, Ủy viên Trung ương Đảng, Thứ trưởng Bộ Công an.",
        [
            ("Trương Minh Thiện", "Ủy viên Bộ Chính trị", None, None),
            ("Trương Minh Thiện", "Trưởng Ban Tổ chức Trung ương", None, None),
            ("Hoàng Thanh Tùng", "Bí thư Trung ương Đảng", None, "đồng chí"),
            ("Hoàng Thanh Tùng", "Chánh Văn phòng Trung ương Đảng", None, "đồng chí"),
            ("Lê Quốc Hùng", "Ủy viên Trung ương Đảng", None, None),
            ("Lê Quốc Hùng", "Thứ trưởng", "Bộ Công an", None),
        ],
    ),
    (
        "BẮC NINH - Chiều 3/2, đồng chí Nguyễn Quốc Chung, Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh dẫn đầu "
        "đoàn công tác của tỉnh đến thăm, chúc Tết tại huyện Gia Bình. Tiếp đoàn có đồng chí Nguyễn Văn Tâm, "
        "Bí thư Huyện ủy; lãnh đạo UBND huyện. Thay mặt lãnh đạo tỉnh, đồng chí Nguyễn Quốc Chung gửi lời "
        "chúc mừng năm mới tới cán bộ, nhân dân trong huyện.",
        [
            ("Nguyễn Quốc Chung", "Phó Bí thư", "Tỉnh ủy", "đồng chí"),
            ("Nguyễn Quốc Chung", "Chủ tịch", "HĐND tỉnh", "đồng chí"),
            ("Nguyễn Văn Tâm", "Bí thư", "Huyện ủy", "đồng chí"),
        ],
    ),
    (
        "Ngày 10/5, Ban Thường vụ Tỉnh ủy tổ chức hội nghị công bố quyết định về công tác cán bộ. Theo đó, "
        "Ban Thường vụ Tỉnh ủy quyết định điều động, chỉ định đồng chí Lường Thị Hạnh, Phó Trưởng Ban Dân "
        "vận Tỉnh ủy tham gia Ban Chấp hành, Ban Thường vụ và giữ chức Phó Bí thư Huyện ủy Mường Ảng nhiệm "
        "kỳ 2020 - 2025. Đồng chí Mùa A Páo, Phó Trưởng Ban Dân vận Tỉnh ủy được điều động, bổ nhiệm giữ "
        "chức Trưởng Ban Dân vận Tỉnh ủy.",
        [
            ("Lường Thị Hạnh", "Phó Trưởng Ban Dân vận", "Tỉnh ủy", "đồng chí"),
            ("Lường Thị Hạnh", "Phó Bí thư", "Huyện ủy Mường Ảng", "đồng chí"),
            ("Mùa A Páo", "Phó Trưởng Ban Dân vận", "Tỉnh ủy", "đồng chí"),
            ("Mùa A Páo", "Trưởng Ban Dân vận", "Tỉnh ủy", "đồng chí"),
        ],
    ),
    (
        "Nói về kết quả xây dựng nông thôn mới, ông Triệu Văn Vượng, Chủ tịch UBND xã Phú Đình (Định Hóa) "
        "phấn khởi: “Đến nay, xã đã có 8/11 xóm đạt chuẩn nông thôn mới kiểu mẫu”. Còn theo bà Ma Thị Lụa, "
        "Bí thư Chi bộ xóm Bản Quyên, nhờ làm tốt công tác dân vận nên bà con đồng lòng hiến đất làm đường.",
        [
            ("Triệu Văn Vượng", "Chủ tịch", "UBND xã Phú Đình", "ông"),
            ("Ma Thị Lụa", "Bí thư", "Chi bộ xóm Bản Quyên", "bà"),
        ],
    ),
    (
        "Phát biểu tại buổi lễ, Phó Chủ tịch nước Võ Thị Ánh Hoa đánh giá cao những đóng góp của đồng bào "
        "các dân tộc. Chủ tịch Quốc hội Trần Văn Mẫn gửi lẵng hoa chúc mừng. Tham dự buổi lễ có Đại tướng "
        "Lương Tam Thắng, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Quốc phòng.",
        [
            ("Võ Thị Ánh Hoa", "Phó Chủ tịch nước", None, None),
            ("Trần Văn Mẫn", "Chủ tịch Quốc hội", None, None),
            ("Lương Tam Thắng", "Ủy viên Bộ Chính trị", None, None),
            ("Lương Tam Thắng", "Bộ trưởng", "Bộ Quốc phòng", None),
        ],
    ),
    (
        "Trong năm, Ủy ban Kiểm tra Huyện ủy đã kiểm tra khi có dấu hiệu vi phạm đối với 3 tổ chức đảng và 7 "
        "đảng viên. Đồng chí Đặng Thị Dung, Huyện ủy viên, Chủ nhiệm Ủy ban Kiểm tra Huyện ủy cho biết, các "
        "vi phạm chủ yếu liên quan đến quản lý đất đai. Đảng viên Hoàng Văn Sình, nguyên Chủ tịch UBND xã "
        "Tân Long bị khai trừ ra khỏi Đảng.",
        [
            ("Đặng Thị Dung", "Huyện ủy viên", None, "đồng chí"),
            ("Đặng Thị Dung", "Chủ nhiệm Ủy ban Kiểm tra", "Huyện ủy", "đồng chí"),
        ],
    ),
    (
        "Hội nghị đã nghe đồng chí Nông Thanh Tùng, Tỉnh ủy viên, Giám đốc Sở Kế hoạch và Đầu tư báo cáo "
        "tình hình kinh tế - xã hội. Các đồng chí: Lê Minh Châu, Phó Chủ tịch UBND tỉnh; Trần Hữu Khang, "
        "Giám đốc Sở Tài chính tham gia ý kiến về dự toán ngân sách.",
        [
            ("Nông Thanh Tùng", "Tỉnh ủy viên", None, "đồng chí"),
            ("Nông Thanh Tùng", "Giám đốc", "Sở Kế hoạch và Đầu tư", "đồng chí"),
            ("Lê Minh Châu", "Phó Chủ tịch", "UBND tỉnh", "đồng chí"),
            ("Trần Hữu Khang", "Giám đốc", "Sở Tài chính", None),
        ],
    ),
    (
        "Ông Hứa Văn Luyện (áo trắng), Trưởng xóm Khuôn Ngàn chia sẻ về cách làm hay trong vận động nhân "
        "dân. Chị Bàn Thị Ngân, Bí thư Chi đoàn xóm cho biết, chi đoàn có 25 đoàn viên.",
        [
            ("Hứa Văn Luyện", "Trưởng xóm", "xóm Khuôn Ngàn", "ông"),
            ("Bàn Thị Ngân", "Bí thư", "Chi đoàn xóm", None),
        ],
    ),
]


def _pairs(text):
    return {(f.person, f.title.lower(), f.organization) for f in _facts(text)}


@pytest.mark.parametrize(
    "text, expected",
    [
        # surnames not in the lexicon, marked by an honorific or a plural honorific's list
        (
            "Dự hội nghị có các đồng chí: Thào Seo Lềnh, Phó Bí thư Huyện ủy; Kpă H'Nhi, Trưởng Ban Dân vận Huyện ủy.",
            {("Thào Seo Lềnh", "phó bí thư", "Huyện ủy"), ("Kpă H'Nhi", "trưởng ban dân vận", "Huyện ủy")},
        ),
        (
            "Đồng chí Mùa A Chơ, Bí thư Đảng ủy xã phát biểu.",
            {("Mùa A Chơ", "bí thư", "Đảng ủy xã")},
        ),
        # a name whose surname is unknown after a place: the word segmentation says where the place ends
        (
            "Bí thư Chi bộ làng Đăk Xú A Pứa cho biết chi bộ đã họp.",
            {("A Pứa", "bí thư", "Chi bộ làng Đăk Xú")},
        ),
        # given names that are also surnames: the person is the whole run
        (
            "Đồng chí Đặng Lý Khang, Phó Trưởng Ban Tổ chức Tỉnh ủy trình bày báo cáo.",
            {("Đặng Lý Khang", "phó trưởng ban tổ chức", "Tỉnh ủy")},
        ),
        # two people with their birth years before one election phrase, the title in lower case
        (
            "Đồng chí Lò Văn Piệng sinh năm 1978, đồng chí Hà Thị Nhung sinh năm 1984 được bầu làm phó bí thư Đảng ủy xã.",
            {("Lò Văn Piệng", "phó bí thư", "Đảng ủy xã"), ("Hà Thị Nhung", "phó bí thư", "Đảng ủy xã")},
        ),
    ],
)
def test_officials_hard_names_and_lower_case_titles(text, expected):
    assert expected <= _pairs(text), _pairs(text)


def test_officials_ask_for_words_only_where_the_lexicons_cannot_split():
    asked = []
    text = "Bí thư Tỉnh ủy Nguyễn Văn An dự. Bí thư Chi bộ làng Kon Brăp A Hyưn cho biết."
    doc = segment(text)
    words = doc.user_data["vnfacts.words"]
    doc.user_data["vnfacts.words"] = lambda a, b: asked.append(text[a:b]) or words(a, b)
    list(officials.extract(doc))
    assert asked == ["Bí thư Chi bộ làng Kon Brăp A Hyưn cho biết."]
