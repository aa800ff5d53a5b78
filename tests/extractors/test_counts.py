import pytest

from extractors import counts
from extractors.schema import Count
from pipeline.evaluate import evaluate
from pipeline.text.normalize import normalize
from pipeline.text.segment import segment

M, O = "members", "organizations"


def _counts(text: str) -> list[Count]:
    """The count facts of `text`, run through normalisation and segmentation as the pipeline does."""
    return list(counts.extract(segment(normalize(text).text)))


def _by_value(text: str) -> dict[int, Count]:
    return {c.value: c for c in _counts(text)}


def test_counts_read_a_body_list_of_organisations_and_members():
    text = "Tính đến cuối tháng 9/2023, Đảng bộ Sở Y tế có 58 TCCSĐ, gồm 25 đảng bộ cơ sở và 33 chi bộ cơ sở, với tổng cộng 4.217 đảng viên."
    found = [(c.value, c.unit, c.category) for c in _counts(text)]
    assert found == [
        (58, "TCCSĐ", O),
        (25, "đảng bộ cơ sở", O),
        (33, "chi bộ cơ sở", O),
        (4217, "đảng viên", M),
    ]
    assert {c.as_of for c in _counts(text)} == {"2023-09"}


@pytest.mark.parametrize(
    ("text", "value", "unit", "category"),
    [
        ("Năm qua, huyện kết nạp 1.204 đảng viên.", 1204, "đảng viên", M),
        ("Chi bộ vừa kết nạp 4 đảng viên mới.", 4, "đảng viên mới", M),
        ("Năm qua thành lập mới 9 chi bộ, đảng bộ trong doanh nghiệp.", 9, "chi bộ, đảng bộ", O),
        ("Phần mềm quản lý 214 chi bộ trực thuộc đảng ủy cơ sở, giúp nền nếp hơn.", 214, "chi bộ trực thuộc đảng ủy cơ sở", O),
        ("Huyện ủy nhận 11 chi bộ Bảo hiểm xã hội cấp huyện để quản lý.", 11, "chi bộ Bảo hiểm xã hội cấp huyện", O),
        ("Đã có 17 đảng viên bị kỷ luật trong năm.", 17, "đảng viên", M),
        ("Tỉnh ủy trao Huy hiệu Đảng cho 63 đảng viên lão thành.", 63, "đảng viên lão thành", M),
        ("Toàn huyện có 1.318 tổ chức cơ sở Đảng.", 1318, "tổ chức cơ sở Đảng", O),
        ("Đảng bộ xã có 23 chi, đảng bộ cơ sở.", 23, "chi, đảng bộ cơ sở", O),
        ("Đảng ủy Khối hiện có 35 đảng ủy cơ sở.", 35, "đảng ủy cơ sở", O),
        ("Chi bộ có 12 đảng viên, trong đó 3 đảng viên dự bị.", 3, "đảng viên dự bị", M),
        ("Năm 2023 có 906 Đảng viên được miễn sinh hoạt.", 906, "Đảng viên", M),
    ],
)
def test_counts_value_unit_and_category(text, value, unit, category):
    found = _by_value(text)
    assert value in found, [(c.value, c.unit) for c in found.values()]
    assert (found[value].unit, found[value].category) == (unit, category)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Huyện ủy kết nạp 320 đảng viên, mỗi năm kết nạp trung bình 64 đảng viên, đưa tổng số đảng viên của huyện lên 9.870 đảng viên.",
            {320: "admitted", 64: "admitted", 9870: "total"},
        ),
        ("Sau sắp xếp, số chi bộ từ 412 chi bộ nay chỉ còn 377 chi bộ, tức là giảm 35 chi bộ.", {412: "total", 377: "total", 35: "decrease"}),
        ("Đảng ủy thành lập 3 tổ chức cơ sở đảng, giải thể 2 chi bộ cơ sở và chuyển giao 4 chi bộ về Đảng bộ huyện.", {3: "established", 2: "dissolved", 4: "decrease"}),
        ("Đảng ủy đã nhận thêm 6 chi bộ của ngành giáo dục; 5 chi bộ y tế về sinh hoạt tại Đảng bộ huyện.", {6: "increase", 5: "increase"}),
        ("Năm 2024, số đảng viên tăng 215 đảng viên so với năm trước.", {215: "increase"}),
        ("Các cấp ủy phát triển được 12 tổ chức đảng trong doanh nghiệp tư nhân.", {12: "established"}),
    ],
)
def test_counts_change_from_the_nearest_cue_before(text, expected):
    found = _by_value(text)
    assert {v: found[v].change for v in expected if v in found} == expected


@pytest.mark.parametrize(
    ("text", "value", "out_of"),
    [
        ("Đến nay có 241/250 chi bộ đạt trong sạch, vững mạnh.", 241, 250),
        ("Kết nạp được 7.912/7.000 đảng viên, vượt kế hoạch.", 7912, 7000),
    ],
)
def test_counts_x_of_y(text, value, out_of):
    assert _by_value(text)[value].out_of == out_of


def test_counts_subsets_carry_the_member_noun_over():
    text = "Đảng bộ có 2.871 đảng viên (1.102 nữ, 654 người dân tộc thiểu số)."
    found = _by_value(text)
    assert set(found) == {2871, 1102, 654}
    assert all(c.category == M for c in found.values())
    assert found[1102].unit == "đảng viên nữ"
    assert found[654].unit == "đảng viên người dân tộc thiểu số"


def test_counts_subsets_after_trong_do_and_a_parenthesis():
    text = "Năm 2024 kết nạp 812 đảng viên mới (đạt 101% kế hoạch), trong đó 402 nữ, 515 đoàn viên thanh niên."
    found = _by_value(text)
    assert {812, 402, 515} <= set(found)
    assert found[402].change == found[812].change == "admitted"
    assert "đoàn viên thanh niên" in found[515].unit


def test_counts_subsets_after_a_later_co_only_for_words_naming_members():
    text = "Trong tổng số 5.120 đảng viên hiện có 1.980 nữ; năm qua kết nạp 200 đảng viên, giới thiệu 500 đoàn viên ưu tú."
    found = _by_value(text)
    assert found[1980].unit == "đảng viên nữ"
    assert 500 not in found


def test_counts_bare_numbers_of_a_list_in_parentheses_after_members():
    text = "Đã kỷ luật 41 đảng viên (khiển trách 25, cảnh cáo 12, khai trừ 4 đảng viên), tăng so với năm 2022."
    found = _by_value(text)
    assert {41, 25, 12, 4} <= set(found)
    assert 2022 not in found
    assert found[25].unit == "đảng viên"


@pytest.mark.parametrize(
    ("text", "whole", "parts"),
    [
        # a parenthesis after the member count, an organisation count before it and a `trong đó` after it
        (
            "Năm qua, Ủy ban Kiểm tra đề nghị kỷ luật 3 tổ chức đảng và 27 đảng viên (khiển trách 13, cảnh cáo 8, cách chức 2, khai trừ 4), trong đó hình thức cảnh cáo chiếm 30%.",
            27,
            {13, 8, 2, 4},
        ),
        ("Trong năm, các chi bộ kết nạp 64 đảng viên; thi hành kỷ luật 31 đảng viên (trong đó: khiển trách 17, cảnh cáo 12, xóa tên 2).", 31, {17, 12, 2}),
        ("Ủy ban Kiểm tra Huyện ủy đã kỷ luật 15 đảng viên, gồm khiển trách 9, cảnh cáo 5 và khai trừ 1.", 15, {9, 5, 1}),
        ("Đảng ủy Khối thi hành kỷ luật 26 đảng viên, trong đó khiển trách 18, cảnh cáo 6, cách chức 2.", 26, {18, 6, 2}),
        ("Cấp ủy các cấp thi hành kỷ luật 4 chi bộ và 28 đảng viên (19 khiển trách, 7 cảnh cáo, 2 bị khai trừ).", 28, {19, 7, 2}),
    ],
)
def test_counts_members_by_disciplinary_form_in_a_list_after_the_count(text, whole, parts):
    found = _counts(text)
    members = {c.value: c for c in found if c.category == M}
    assert {whole} | parts <= set(members), [(c.value, c.unit) for c in found]
    assert all(members[v].unit == "đảng viên" and members[v].change == members[whole].change for v in parts)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Đảng ủy đã kỷ luật 5 tổ chức đảng (khiển trách 3, cảnh cáo 2) và 12 đảng viên.", 3),
        ("Năm 2024 kỷ luật 11 đảng viên (năm 2022 khiển trách 9 lần).", 9),
        ("Đã kỷ luật 20 đảng viên (khiển trách 45%, cảnh cáo 30%).", 45),
    ],
)
def test_counts_disciplinary_numbers_that_are_not_member_subsets(text, value):
    assert value not in {c.value for c in _counts(text) if c.category == M}


def test_counts_a_parenthesis_of_subsets_is_read_although_a_trong_do_list_follows():
    text = "Đảng bộ có 2.410 đảng viên (1.035 nữ, 388 người dân tộc thiểu số), trong đó 57 đảng viên dự bị."
    found = _by_value(text)
    assert {2410, 1035, 388, 57} <= set(found)
    assert (found[1035].unit, found[388].unit) == ("đảng viên nữ", "đảng viên người dân tộc thiểu số")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tổng số đảng viên của Đảng bộ huyện hiện là 3.415 đồng chí.", 3415),
        ("Số lượng đảng viên tăng từ 2.100 lên hơn 2.600 đồng chí.", 2100),
        ("Số lượng đảng viên tăng từ 2.100 lên hơn 2.600 đồng chí.", 2600),
        ("Đảng bộ Khối nhận thêm 3 chi bộ, nâng số tổ chức cơ sở đảng trực thuộc lên 47.", 47),
        ("Năm qua, chi bộ đã kết nạp 3 quần chúng ưu tú vào Đảng.", 3),
        ("Tổng số đảng viên: 9.806 đồng chí; trong đó đảng viên nữ 3.117 đồng chí.", 3117),
        ("Đảng viên dân tộc thiểu số: 2.240 đồng chí.", 2240),
        ("Số đảng viên vi phạm giảm từ 88 trường hợp năm 2021 xuống còn 41 trường hợp năm 2024.", 88),
        ("Số đảng viên vi phạm giảm từ 88 trường hợp năm 2021 xuống còn 41 trường hợp năm 2024.", 41),
        ("Huyện ủy tặng Huy hiệu 60 năm tuổi Đảng cho 9 đồng chí.", 9),
        ("Năm 2025, Đảng bộ phấn đấu kết nạp từ 900 đảng viên mới trở lên.", 900),
        ("Có 95 đoàn viên ưu tú được kết nạp vào Đảng trong năm.", 95),
        ("Về đảng viên, có 4.020 đồng chí hoàn thành tốt nhiệm vụ.", 4020),
    ],
)
def test_counts_with_the_noun_written_before_the_number(text, value):
    assert value in _by_value(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Đã mở 96 lớp bồi dưỡng cho quần chúng.", 96),
        ("Toàn tỉnh còn 41 thôn, bản chưa có chi bộ.", 41),
        ("Tăng cường cán bộ cho 17 xã biên giới.", 17),
        ("Có 3.800 quần chúng ưu tú được học lớp cảm tình Đảng.", 3800),
        ("Năm nay chỉ định bổ sung 45 ủy viên Ban Chấp hành.", 45),
        ("Ban Chấp hành khóa mới gồm 51 đồng chí.", 51),
        ("Đại hội có 412 đại biểu chính thức.", 412),
        ("Năm nay đã trao 612 Huy hiệu Đảng.", 612),
        ("Kiểm tra 58 lượt chi bộ trong năm.", 58),
        ("Chi bộ có trên 50 đảng viên thì lập các tổ đảng.", 50),
        ("Theo Điều lệ, chi bộ có trên 50 đảng viên được lập các tổ đảng.", 50),
        ("Hướng dẫn nêu rõ chi bộ dưới 7 đảng viên chính thức không bầu chi ủy.", 7),
        ("Đảng bộ cơ sở có từ 300 đảng viên trở lên thì được lập đảng bộ bộ phận.", 300),
        ("Mỗi chi bộ có từ 3 đến 5 tổ đảng.", 5),
        ("Năm 2023 đảng bộ huyện tổ chức đại hội.", 2023),
        ("Ngày 15/3 chi bộ họp.", 3),
        ("Có 2/3 đảng viên là nữ.", 2),
        ("Đã kiện toàn 24 chức danh Phó Bí thư.", 24),
        ("Mít tinh mừng 70 năm thành lập Đảng bộ tỉnh.", 70),
        ("Tỷ lệ 95% đảng viên hoàn thành nhiệm vụ.", 95),
        ("Tỉnh sắp xếp còn 42 đơn vị hành chính cấp xã (bớt 27 đơn vị).", 27),
        ("Nhiệm kỳ 2020 - 2025 chi bộ hoạt động tốt.", 2025),
        ("Tỷ lệ chi bộ có 87,5 đảng viên bình quân.", 87),
        ("Đảng viên có tuổi đảng 5 năm trở lên được xét tặng.", 5),
    ],
)
def test_counts_not_a_count(text, value):
    assert value not in _by_value(text)


def test_counts_units_of_a_party_body():
    text = (
        "Theo quy chế, Đảng bộ Các cơ quan Đảng tỉnh có 9 đơn vị thành viên, chia hai cụm: Đảng bộ Văn phòng "
        "Tỉnh ủy 5 đơn vị (các ban, văn phòng, báo, trường chính trị, ủy ban kiểm tra), còn Đảng bộ Mặt trận "
        "và các đoàn thể (4 đơn vị: Mặt trận, Hội Nông dân, Hội Phụ nữ, Tỉnh đoàn)."
    )
    found = _by_value(text)
    assert {(v, c.unit, c.category) for v, c in found.items()} == {
        (9, "đơn vị thành viên", O),
        (5, "đơn vị", O),
        (4, "đơn vị", O),
    }
    assert found[5].subject == "Đảng bộ Văn phòng Tỉnh ủy"
    assert found[4].subject == "Đảng bộ Mặt trận và các đoàn thể"


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        ("Từ năm 2021 đến nay, toàn tỉnh kết nạp 2.904 đảng viên và xây dựng nhiều mô hình mới.", 2904, "toàn tỉnh"),
        ("Chi bộ thôn Nà Lầu, Đảng bộ xã Tả Phìn vừa kết nạp thêm 3 đảng viên trẻ.", 3, "Chi bộ thôn Nà Lầu, Đảng bộ xã Tả Phìn"),
        ("Đảng bộ Công an huyện đã kết nạp 14 đảng viên.", 14, "Đảng bộ Công an huyện"),
        ("Huyện ủy nhận 6 chi bộ thuộc Đảng bộ Sở Giáo dục; 3 chi bộ trường học.", 3, None),
    ],
)
def test_counts_subject_is_the_body_counted(text, value, subject):
    assert _by_value(text)[value].subject == subject


def test_counts_subject_bare_body_read_as_its_name_written_before():
    text = "Đảng bộ Sở Tài chính tỉnh tổ chức hội nghị.\n\nĐến nay, Đảng bộ có 61 tổ chức cơ sở đảng."
    assert _by_value(text)[61].subject == "Đảng bộ Sở Tài chính tỉnh"


@pytest.mark.parametrize(
    ("text", "value", "as_of"),
    [
        ("Từ năm 2020 đến 31-3-2024, toàn tỉnh kết nạp 5.120 đảng viên.", 5120, "2020/2024-03-31"),
        ("Từ năm 2020 đến 31-3-2024, tổng số đảng viên toàn tỉnh lên 41.300 đảng viên.", 41300, "2024-03-31"),
        ("Năm 2018 có 705 tổ chức đảng (tính đến ngày 15-1-2018), nay còn 690 tổ chức đảng.", 705, "2018-01-15"),
        ("Đầu nhiệm kỳ 2020-2025, huyện có 96 tổ chức cơ sở đảng.", 96, "2020"),
        ("Trong quý II/2024, Đảng bộ kết nạp 48 đảng viên.", 48, "2024-Q2"),
    ],
)
def test_counts_as_of_from_the_period_written(text, value, as_of):
    assert _by_value(text)[value].as_of == as_of


def test_counts_evidence_span_points_at_the_number_and_noun():
    text = "Toàn Đảng bộ có 3.115 đảng viên."
    doc_text = normalize(text).text
    (fact,) = counts.extract(segment(doc_text))
    assert doc_text[fact.start : fact.end] == "3.115 đảng viên"
    assert fact.sentence == doc_text


# Paragraphs in the style of provincial party news, with every count a reader should take from them:
# (value, category, unit). They stand in for articles the extractor has not seen.
PARAGRAPHS = [
    (
        "Nhiệm kỳ 2020 - 2025, Đảng bộ huyện Mường Nhé đã lãnh đạo thực hiện đạt và vượt 18/20 chỉ tiêu Nghị quyết "
        "Đại hội đề ra. Toàn Đảng bộ hiện có 42 tổ chức cơ sở đảng với 2.918 đảng viên (1.207 nữ, 655 người dân tộc "
        "thiểu số). Trong nhiệm kỳ, các cấp ủy đã kết nạp 1.156 đảng viên mới, đạt 115,6% chỉ tiêu nghị quyết.",
        [(42, O, "tổ chức cơ sở đảng"), (2918, M, "đảng viên"), (1207, M, "nữ"), (655, M, "người dân tộc thiểu số"), (1156, M, "đảng viên mới")],
    ),
    (
        "Ngày 15/3, Chi bộ thôn Nà Pục, Đảng bộ xã Chiềng Sơ tổ chức lễ kết nạp 3 đảng viên mới là đoàn viên thanh "
        "niên. Như vậy, từ đầu năm đến nay, Đảng bộ xã đã kết nạp được 12 đảng viên, nâng tổng số đảng viên của Đảng "
        "bộ lên 286 đồng chí, sinh hoạt tại 15 chi bộ trực thuộc.",
        [(3, M, "đảng viên mới"), (12, M, "đảng viên"), (286, M, "đảng viên"), (15, O, "chi bộ trực thuộc")],
    ),
    (
        "Năm 2023, Đảng bộ tỉnh kết nạp 2.145 đảng viên, đạt 107,3% kế hoạch; trong đó có 687 đảng viên là đoàn viên, "
        "112 đảng viên là người có đạo. Toàn Đảng bộ có 1.027 tổ chức cơ sở đảng, 4.356 chi bộ trực thuộc đảng ủy cơ "
        "sở và 71.209 đảng viên. Kết quả đánh giá, xếp loại năm 2023 có 15 tổ chức cơ sở đảng không hoàn thành nhiệm "
        "vụ và 412 đảng viên không hoàn thành nhiệm vụ.",
        [
            (2145, M, "đảng viên"),
            (687, M, "đảng viên là đoàn viên"),
            (112, M, "đảng viên là người có đạo"),
            (1027, O, "tổ chức cơ sở đảng"),
            (4356, O, "chi bộ trực thuộc đảng ủy cơ sở"),
            (71209, M, "đảng viên"),
            (15, O, "tổ chức cơ sở đảng"),
            (412, M, "đảng viên"),
        ],
    ),
    (
        "Trong năm, Ủy ban Kiểm tra các cấp đã kiểm tra 156 tổ chức đảng và 432 đảng viên khi có dấu hiệu vi phạm; "
        "thi hành kỷ luật 28 đảng viên, trong đó khai trừ 5 đảng viên; xóa tên 17 đảng viên ra khỏi danh sách. Ban "
        "Thường vụ Tỉnh ủy đã trao Huy hiệu 30, 40, 45, 50, 55, 60, 65, 70, 75 năm tuổi Đảng cho 1.872 đảng viên, "
        "trong đó có 4 đồng chí nhận Huy hiệu 75 năm tuổi Đảng.",
        [(156, O, "tổ chức đảng"), (432, M, "đảng viên"), (28, M, "đảng viên"), (5, M, "đảng viên"), (17, M, "đảng viên"), (1872, M, "đảng viên"), (4, M, "đồng chí")],
    ),
    (
        "Thực hiện Đề án sắp xếp tổ chức bộ máy, Đảng ủy Khối Doanh nghiệp tỉnh đã giải thể 4 chi bộ cơ sở, sáp nhập "
        "6 đảng bộ cơ sở thành 3 đảng bộ; chuyển 9 tổ chức cơ sở đảng về trực thuộc các huyện ủy, thành ủy. Sau sắp "
        "xếp, Đảng bộ Khối còn 64 tổ chức cơ sở đảng (giảm 19 tổ chức cơ sở đảng so với đầu nhiệm kỳ) với 4.120 đảng viên.",
        [
            (4, O, "chi bộ cơ sở"),
            (6, O, "đảng bộ cơ sở"),
            (3, O, "đảng bộ"),
            (9, O, "tổ chức cơ sở đảng"),
            (64, O, "tổ chức cơ sở đảng"),
            (19, O, "tổ chức cơ sở đảng"),
            (4120, M, "đảng viên"),
        ],
    ),
    (
        "Theo quy định, chi bộ có từ 30 đảng viên trở lên được chia thành các tổ đảng; đảng bộ cơ sở có dưới 100 đảng "
        "viên thì Ban Chấp hành không quá 9 ủy viên. Đại hội đã bầu 45 đồng chí vào Ban Chấp hành Đảng bộ tỉnh khóa "
        "XVII, bầu 15 đại biểu đi dự Đại hội XIV của Đảng. Tham dự Đại hội có 350 đại biểu đại diện cho hơn 52.000 "
        "đảng viên trong toàn Đảng bộ.",
        [(52000, M, "đảng viên")],
    ),
    (
        "Đến nay, 148/152 xã, phường, thị trấn đã có chi bộ quân sự; 1.205/1.230 thôn, bản, tổ dân phố có chi bộ độc "
        "lập. Số chi bộ đạt tiêu chuẩn trong sạch, vững mạnh là 1.086 chi bộ, chiếm 88,3%. Dịp này, Thành ủy đã trao "
        "tặng 518 Huy hiệu Đảng; riêng đợt 3/2 có 126 đảng viên được nhận Huy hiệu 40 năm tuổi Đảng.",
        [(1086, O, "chi bộ"), (126, M, "đảng viên")],
    ),
    (
        "Đảng bộ Công an tỉnh hiện có 48 chi bộ, 6 đảng bộ bộ phận với trên 2.100 đảng viên; 100% chi bộ được xếp "
        "loại hoàn thành tốt nhiệm vụ trở lên, trong đó 32 chi bộ (chiếm 66,7%) hoàn thành xuất sắc nhiệm vụ.",
        [(48, O, "chi bộ"), (6, O, "đảng bộ bộ phận"), (2100, M, "đảng viên"), (32, O, "chi bộ")],
    ),
    (
        "Đến nay, toàn tỉnh đã thành lập được 87 tổ chức cơ sở đảng trong doanh nghiệp ngoài khu vực nhà nước với "
        "1.543 đảng viên; trong năm thành lập mới 11 chi bộ, kết nạp 96 đảng viên là công nhân lao động. Huyện có 23 "
        "xã, thị trấn với 245 thôn, bản. Đảng bộ huyện có 37 tổ chức cơ sở đảng, trong đó 23 đảng bộ xã, thị trấn, "
        "14 chi bộ, đảng bộ cơ quan, lực lượng vũ trang.",
        [
            (87, O, "tổ chức cơ sở đảng"),
            (1543, M, "đảng viên"),
            (11, O, "chi bộ"),
            (96, M, "đảng viên"),
            (37, O, "tổ chức cơ sở đảng"),
            (23, O, "đảng bộ xã"),
            (14, O, "chi bộ, đảng bộ cơ quan"),
        ],
    ),
    (
        "Sau 5 năm thực hiện Chỉ thị, các cấp ủy đã bồi dưỡng 4.512 quần chúng ưu tú, trung bình mỗi năm kết nạp gần "
        "800 đảng viên. Số đảng viên được miễn sinh hoạt đảng là 1.204 đồng chí, chiếm 2,9% tổng số đảng viên. Năm "
        "2022 Đảng bộ Khối tiếp nhận 5 tổ chức cơ sở đảng từ Đảng bộ Khối Doanh nghiệp, nâng số tổ chức cơ sở đảng "
        "trực thuộc lên 58.",
        [(800, M, "đảng viên"), (1204, M, "đảng viên"), (5, O, "tổ chức cơ sở đảng"), (58, O, "tổ chức cơ sở đảng")],
    ),
    (
        "Báo cáo chính trị trình Đại hội nêu rõ, sau 5 năm, Đảng bộ huyện Tân Uyên đã kết nạp 1.318 đảng viên, đạt "
        "131,8% chỉ tiêu Nghị quyết; số lượng đảng viên toàn Đảng bộ tăng từ 4.102 lên 4.986 đồng chí. Đại hội có 250 "
        "đại biểu chính thức đại diện cho 4.986 đảng viên sinh hoạt ở 41 tổ chức cơ sở đảng; đã bầu 39 đồng chí vào "
        "Ban Chấp hành, 11 đồng chí vào Ban Thường vụ.",
        [(1318, M, "đảng viên"), (4102, M, "đảng viên"), (4986, M, "đảng viên"), (41, O, "tổ chức cơ sở đảng")],
    ),
    (
        "Tính đến ngày 31/12/2024, Đảng bộ tỉnh có 19 đảng bộ trực thuộc, 612 tổ chức cơ sở đảng (318 đảng bộ cơ sở, "
        "294 chi bộ cơ sở), 3.947 chi bộ trực thuộc đảng ủy cơ sở với 68.450 đảng viên, trong đó đảng viên nữ chiếm "
        "37,8%.",
        [
            (19, O, "đảng bộ trực thuộc"),
            (612, O, "tổ chức cơ sở đảng"),
            (318, O, "đảng bộ cơ sở"),
            (294, O, "chi bộ cơ sở"),
            (3947, O, "chi bộ trực thuộc đảng ủy cơ sở"),
            (68450, M, "đảng viên"),
        ],
    ),
    (
        "Ủy ban Kiểm tra Tỉnh ủy đã kiểm tra khi có dấu hiệu vi phạm đối với 12 tổ chức đảng và 47 đảng viên (trong "
        "đó có 21 cấp ủy viên các cấp); giám sát chuyên đề 86 tổ chức đảng, 203 đảng viên. Các cấp ủy đã thi hành kỷ "
        "luật 156 đảng viên, tăng 14 trường hợp so với năm 2023.",
        [(12, O, "tổ chức đảng"), (47, M, "đảng viên"), (86, O, "tổ chức đảng"), (203, M, "đảng viên"), (156, M, "đảng viên")],
    ),
    (
        "Chi bộ thôn Khuổi Luông hiện có 27 đảng viên, sinh hoạt tại 3 tổ đảng. Từ năm 2021 đến nay, chi bộ đã giới "
        "thiệu 9 quần chúng ưu tú tham gia lớp bồi dưỡng nhận thức về Đảng và kết nạp 6 quần chúng vào Đảng. Theo "
        "Hướng dẫn số 12-HD/BTCTW, chi bộ có dưới 7 đảng viên chính thức thì không bầu chi ủy.",
        [(27, M, "đảng viên"), (3, O, "tổ đảng"), (6, M, "quần chúng")],
    ),
    (
        "Trong nhiệm kỳ, toàn Đảng bộ đã thành lập mới 26 tổ chức đảng, giải thể 5 tổ chức đảng, hợp nhất 14 chi bộ; "
        "kết nạp 3.560 đảng viên. Đến cuối năm 2024, Đảng bộ có 287 tổ chức cơ sở đảng, 1.910 chi bộ trực thuộc và "
        "32.480 đảng viên. Tổng số đảng viên toàn tỉnh đến ngày 31/12/2023 là 31.215 đồng chí, tăng 1.248 đồng chí so "
        "với cùng kỳ. Mỗi chi bộ có từ 3 đến 5 tổ đảng.",
        [
            (26, O, "tổ chức đảng"),
            (5, O, "tổ chức đảng"),
            (14, O, "chi bộ"),
            (3560, M, "đảng viên"),
            (287, O, "tổ chức cơ sở đảng"),
            (1910, O, "chi bộ trực thuộc"),
            (32480, M, "đảng viên"),
            (31215, M, "đảng viên"),
            (1248, M, "đảng viên"),
        ],
    ),
]


PARAGRAPHS += [
    (
        "Theo báo cáo của Ban Tổ chức Tỉnh ủy, toàn Đảng bộ tỉnh hiện có 13 đảng bộ trực thuộc Tỉnh ủy, 476 tổ chức cơ "
        "sở đảng, 58.614 đảng viên. Năm 2024, toàn Đảng bộ kết nạp được 1.837 đảng viên. Qua 10 năm thực hiện Chỉ thị "
        "số 33-CT/TW, Đảng bộ huyện đã phát triển được 426 đảng viên trong khối doanh nghiệp, đưa số đảng viên trong "
        "các doanh nghiệp ngoài nhà nước lên 1.102 người, tăng gấp 2 lần so với năm 2014.",
        [(13, O, "đảng bộ trực thuộc"), (476, O, "tổ chức cơ sở đảng"), (58614, M, "đảng viên"), (1837, M, "đảng viên"), (426, M, "đảng viên"), (1102, M, "đảng viên")],
    ),
    (
        "Hội nghị đã thống nhất đề nghị thi hành kỷ luật bằng hình thức khai trừ ra khỏi Đảng đối với 2 đảng viên; "
        "cảnh cáo 3 đảng viên và khiển trách 1 tổ chức đảng. Sau hơn 3 năm triển khai, mô hình Chi bộ 4 tốt đã được "
        "nhân rộng ra 156 chi bộ nông thôn. Đảng bộ xã Thanh Xương có 21 chi bộ trực thuộc với 612 đảng viên; năm "
        "2024 có 19/21 chi bộ được xếp loại hoàn thành tốt nhiệm vụ trở lên, 3 chi bộ hoàn thành xuất sắc nhiệm vụ.",
        [
            (2, M, "đảng viên"),
            (3, M, "đảng viên"),
            (1, O, "tổ chức đảng"),
            (156, O, "chi bộ nông thôn"),
            (21, O, "chi bộ trực thuộc"),
            (612, M, "đảng viên"),
            (19, O, "chi bộ"),
            (3, O, "chi bộ"),
        ],
    ),
    (
        "Doanh nghiệp có 1.200 công nhân, trong đó 86 đảng viên sinh hoạt tại chi bộ công ty. Ngày 19/5/2025, Đảng ủy "
        "phường tổ chức Hội nghị sơ kết, theo đó 6 tháng đầu năm, toàn Đảng bộ đã kết nạp 18 đảng viên; xét chuyển "
        "đảng chính thức cho 24 đảng viên dự bị; tặng Huy hiệu Đảng cho 35 đảng viên.",
        [(86, M, "đảng viên"), (18, M, "đảng viên"), (24, M, "đảng viên dự bị"), (35, M, "đảng viên")],
    ),
    (
        "Tổng số đảng viên toàn Đảng bộ: 12.458 đồng chí; trong đó đảng viên nữ 4.312 đồng chí, đảng viên dân tộc "
        "thiểu số 6.021 đồng chí. Thành phố hiện có 32 đảng bộ, chi bộ trực thuộc, gồm 14 đảng bộ phường, 8 đảng bộ "
        "xã, 10 chi bộ, đảng bộ cơ quan, doanh nghiệp với tổng số 15.643 đảng viên.",
        [
            (12458, M, "đảng viên"),
            (4312, M, "đảng viên nữ"),
            (6021, M, "đảng viên dân tộc thiểu số"),
            (32, O, "đảng bộ, chi bộ trực thuộc"),
            (14, O, "đảng bộ phường"),
            (8, O, "đảng bộ xã"),
            (10, O, "chi bộ, đảng bộ cơ quan"),
            (15643, M, "đảng viên"),
        ],
    ),
    (
        "Có 87/87 chi bộ tổ chức đại hội xong trước ngày 30/6. Nhờ vậy, số đảng viên vi phạm kỷ luật giảm rõ rệt, từ "
        "142 trường hợp năm 2020 xuống còn 63 trường hợp năm 2024. Đại hội Đảng bộ Khối lần thứ VI có 200 đại biểu, "
        "đại diện cho 3.520 đảng viên của 62 tổ chức cơ sở đảng trực thuộc.",
        [(87, O, "chi bộ"), (142, M, "đảng viên"), (63, M, "đảng viên"), (3520, M, "đảng viên"), (62, O, "tổ chức cơ sở đảng")],
    ),
    (
        "Tỉnh ủy đã ban hành Quyết định số 1234-QĐ/TU về thành lập Đảng bộ Công an tỉnh gồm 18 chi bộ, 2 đảng bộ cơ "
        "sở. Tại Đại hội đại biểu Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2025 - 2030, 380 đại biểu đã bầu 55 đồng chí vào "
        "Ban Chấp hành Đảng bộ tỉnh. Chi bộ Khu phố 5 có 68 đảng viên, trong đó 41 đảng viên được miễn sinh hoạt do "
        "tuổi cao, sức yếu. Hiện nay, 1.045/1.052 thôn, tổ dân phố có chi bộ.",
        [(18, O, "chi bộ"), (2, O, "đảng bộ cơ sở"), (68, M, "đảng viên"), (41, M, "đảng viên")],
    ),
    (
        "Năm 2025, Đảng bộ phấn đấu kết nạp 1.500 đảng viên mới trở lên. Ban Thường vụ Huyện ủy đã tặng Huy hiệu 50 "
        "năm tuổi Đảng cho 12 đồng chí, Huy hiệu 40 năm tuổi Đảng cho 25 đồng chí. Toàn tỉnh có 9 đảng bộ huyện, "
        "thành phố và 4 đảng bộ trực thuộc khác; 235 đảng bộ xã, phường, thị trấn.",
        [(1500, M, "đảng viên mới"), (12, M, "đồng chí"), (25, M, "đồng chí"), (9, O, "đảng bộ huyện"), (4, O, "đảng bộ trực thuộc khác"), (235, O, "đảng bộ xã")],
    ),
    (
        "Có 4 tổ chức đảng và 19 đảng viên bị xử lý kỷ luật, giảm 2 tổ chức đảng và 7 đảng viên so với năm 2023. Đảng "
        "bộ Quân sự tỉnh có 1 đảng bộ cơ sở, 13 chi bộ cơ sở với 100% đảng viên là cán bộ, chiến sĩ. Qua rà soát, có "
        "2.346 đảng viên tuổi cao, sức yếu được miễn công tác và sinh hoạt đảng, chiếm 4,1%.",
        [(4, O, "tổ chức đảng"), (19, M, "đảng viên"), (2, O, "tổ chức đảng"), (7, M, "đảng viên"), (1, O, "đảng bộ cơ sở"), (13, O, "chi bộ cơ sở"), (2346, M, "đảng viên")],
    ),
]


PARAGRAPHS += [
    (
        "Sáng 12/6, Đảng bộ xã Hòa Bình tổ chức Đại hội đại biểu lần thứ XXVI, nhiệm kỳ 2025 - 2030. Dự Đại hội có "
        "120 đại biểu đại diện cho 486 đảng viên đang sinh hoạt tại 21 chi bộ trực thuộc. Nhiệm kỳ qua, Đảng bộ kết "
        "nạp 64 đảng viên, đạt 128% chỉ tiêu.",
        [(486, M, "đảng viên"), (21, O, "chi bộ trực thuộc"), (64, M, "đảng viên")],
    ),
    (
        "Kết quả đánh giá, xếp loại chất lượng năm 2024: có 38 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ (chiếm "
        "19,2%); 147 tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ (chiếm 74,2%); 11 tổ chức cơ sở đảng hoàn thành nhiệm "
        "vụ. Về đảng viên, có 5.812 đồng chí được xếp loại hoàn thành xuất sắc nhiệm vụ, chiếm 13,5%; 34.207 đồng chí "
        "hoàn thành tốt nhiệm vụ, chiếm 79,6%.",
        [(38, O, "tổ chức cơ sở đảng"), (147, O, "tổ chức cơ sở đảng"), (11, O, "tổ chức cơ sở đảng"), (5812, M, "đồng chí"), (34207, M, "đồng chí")],
    ),
    (
        "Thực hiện chủ trương sắp xếp đơn vị hành chính cấp xã, tỉnh đã giảm từ 155 xuống còn 66 xã, phường; theo đó, "
        "số đảng bộ xã, phường giảm 89 đảng bộ. Huyện đoàn đã giới thiệu 215 đoàn viên ưu tú cho Đảng xem xét kết "
        "nạp, trong đó có 178 đoàn viên được kết nạp vào Đảng, đạt 82,8%.",
        [(89, O, "đảng bộ"), (178, M, "đoàn viên")],
    ),
    (
        "Tính đến hết tháng 10/2024, toàn Đảng bộ Khối có 112 chi bộ, đảng bộ cơ sở với 8.920 đảng viên; trong 10 "
        "tháng đã kết nạp 203 đảng viên, chuyển đảng chính thức cho 187 đảng viên. Năm 2024, các chi bộ đã tổ chức "
        "1.260 buổi sinh hoạt chuyên đề. Đảng ủy đã kiểm tra 24 chi bộ và 56 đảng viên.",
        [(112, O, "chi bộ, đảng bộ cơ sở"), (8920, M, "đảng viên"), (203, M, "đảng viên"), (187, M, "đảng viên"), (24, O, "chi bộ"), (56, M, "đảng viên")],
    ),
]


def test_counts_own_paragraphs_precision_recall_and_unit():
    gold, predicted = {}, {}
    for i, (text, facts) in enumerate(PARAGRAPHS):
        gold[str(i)] = [{"type": "count", "value": v, "category": c, "unit": u} for v, c, u in facts]
        predicted[str(i)] = [f.as_dict() for f in _counts(text)]
    score = evaluate(gold, predicted).by_type["count"]
    assert (score.precision, score.recall) == (1.0, 1.0), (score.as_dict(), evaluate(gold, predicted).missed)
    assert score.secondary == 1.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # members counted with another noun in a sentence about members, the unit as written
        (
            "Năm qua đã thi hành kỷ luật 27 đảng viên; trong đó cấp ủy viên 8 đồng chí (cấp xã 5 đồng chí, cấp huyện 3 đồng chí).",
            {(27, "đảng viên", "total"), (8, "đồng chí", "total"), (5, "đồng chí", "total"), (3, "đồng chí", "total")},
        ),
        (
            "Huyện ủy trao Huy hiệu Đảng cho 25 đảng viên, trong đó: Huy hiệu 50 năm tuổi Đảng cho 4 đ/c, Huy hiệu 30 năm tuổi Đảng cho 21 đ/c.",
            {(25, "đảng viên", "total"), (4, "đ/c", "total"), (21, "đ/c", "total")},
        ),
        ("Qua rà soát, các chi bộ đã xóa tên 5 trường hợp đảng viên bỏ sinh hoạt.", {(5, "trường hợp", "total")}),
        # a subset of new members written with `đồng chí` was admitted
        (
            "Năm 2023 kết nạp 46 đảng viên mới; trong 46 đảng viên mới có 9 đồng chí là người Dao.",
            {(46, "đảng viên mới", "admitted"), (9, "đồng chí", "admitted")},
        ),
        # people admitted who are not yet called members
        ("Các chi bộ kết nạp 21 quần chúng vào Đảng.", {(21, "quần chúng", "admitted")}),
        # a change written in brackets after a count
        (
            "Đảng bộ có 206 chi bộ (giảm 04), 8.115 đảng viên (tăng 61 đồng chí so với năm trước).",
            {(206, "chi bộ", "total"), (4, "chi bộ", "decrease"), (8115, "đảng viên", "total"), (61, "đồng chí", "increase")},
        ),
        # members named before a number whose noun is `người`
        ("Đội ngũ đảng viên của Đảng bộ hiện có gần 4.600 người.", {(4600, "người", "total")}),
    ],
)
def test_counts_members_in_other_nouns_breakdowns_and_bracketed_changes(text, expected):
    found = {(c.value, c.unit, c.change) for c in _counts(text)}
    assert expected <= found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bare numbers of a breakdown by form, after a member count or standing apart from it
        (
            "Ủy ban kiểm tra đã thi hành kỷ luật 22 đảng viên: khiển trách 15, cảnh cáo 6 và khai trừ 1 trường hợp.",
            {(22, "đảng viên"), (15, "đảng viên"), (6, "đảng viên"), (1, "trường hợp")},
        ),
        ("Về hình thức kỷ luật: khiển trách 12, cảnh cáo 4, cách chức 1.", {(12, "đảng viên"), (4, "đảng viên"), (1, "đảng viên")}),
    ],
)
def test_counts_bare_breakdown_by_disciplinary_form(text, expected):
    assert {(c.value, c.unit) for c in _counts(text)} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Đại hội bầu Ban Chấp hành Đảng bộ gồm 33 đồng chí, trong đó có 9 đồng chí nữ.",
        "Đại hội đã bầu 31 đồng chí vào Ban Chấp hành; kết nạp đảng viên được quan tâm.",
        "Kỷ luật 140 đảng viên, tăng 12 trường hợp so với năm 2022.",
        "Năm nay đã bồi dưỡng 260 quần chúng ưu tú, kết nạp đảng viên đạt chỉ tiêu.",
    ],
)
def test_counts_refuse_seats_comparisons_and_people_not_admitted(text):
    assert all(c.value in (140,) for c in _counts(text)), [(c.value, c.unit) for c in _counts(text)]
