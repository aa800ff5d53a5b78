import pytest

from extractors import percentages
from extractors.schema import Percentage
from pipeline.evaluate import evaluate
from pipeline.text.normalize import normalize
from pipeline.text.segment import segment


def _percentages(text: str) -> list[Percentage]:
    """The percentage facts of `text`, run through normalisation and segmentation as the pipeline does."""
    return list(percentages.extract(segment(normalize(text).text)))


def _by_value(text: str) -> dict[float, Percentage]:
    return {p.value: p for p in _percentages(text)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tỷ lệ chi bộ hoàn thành tốt nhiệm vụ đạt 91,5%.", 91.5),
        ("Tỷ lệ chi bộ hoàn thành tốt nhiệm vụ đạt 91.5%.", 91.5),
        ("Tỷ lệ chi bộ hoàn thành tốt nhiệm vụ đạt 91,5 %.", 91.5),
        ("Tỷ lệ chi bộ hoàn thành tốt nhiệm vụ đạt 97.25%.", 97.25),
        ("Tỷ lệ chi bộ hoàn thành tốt nhiệm vụ đạt 45 phần trăm.", 45.0),
        ("Tỷ lệ hộ nghèo giảm 1,3 điểm phần trăm.", 1.3),
        ("Có 100% chi bộ sinh hoạt đúng định kỳ.", 100.0),
    ],
)
def test_percentages_value_read_as_written(text, value):
    assert [p.value for p in _percentages(text)] == [value]


@pytest.mark.parametrize(
    ("text", "value", "target"),
    [
        ("Tỷ lệ đảng viên được kiểm tra đạt 76,4%/70%.", 76.4, 70.0),
        ("Tỷ lệ đảng viên hoàn thành nhiệm vụ đạt 96%, vượt chỉ tiêu 92%.", 96.0, 92.0),
        ("Tỷ lệ đảng viên hoàn thành nhiệm vụ đạt 96% (chỉ tiêu Nghị quyết đề ra là 92%).", 96.0, 92.0),
        ("Tỷ lệ đảng viên hoàn thành nhiệm vụ đạt 96%, cao nhất từ trước đến nay.", 96.0, None),
    ],
)
def test_percentages_target_is_one_fact_with_its_value(text, value, target):
    assert [(p.value, p.target) for p in _percentages(text)] == [(value, target)]


@pytest.mark.parametrize(
    "text",
    [
        "Thu nhập bình quân đầu người gấp 2,3 lần so với năm 2010.",
        "Tổng vốn đầu tư đạt 12,5 nghìn tỷ đồng.",
        "Đảng bộ có 4.217 đảng viên.",
    ],
)
def test_percentages_not_a_percentage(text):
    assert _percentages(text) == []


def test_percentages_range_gives_both_ends():
    found = _percentages("Phấn đấu hằng năm có 85-90% chi bộ đạt trong sạch, vững mạnh.")
    assert [p.value for p in found] == [85.0, 90.0]
    assert {p.subject for p in found} == {"chi bộ đạt trong sạch"}


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        # the noun phrase before a linking verb, cut at the verb
        (
            "Qua đánh giá, tỷ lệ chi bộ được xếp loại từ hoàn thành tốt nhiệm vụ trở lên trung bình mỗi năm đạt 89,2%.",
            89.2,
            "tỷ lệ chi bộ được xếp loại từ hoàn thành tốt nhiệm vụ trở lên trung bình mỗi năm",
        ),
        # the words after the number, what it is a share of, joined to the subject linked before it
        ("Năm 2024, đảng viên là người dân tộc thiểu số chiếm 41,2% tổng số đảng viên.", 41.2, "đảng viên là người dân tộc thiểu số, tổng số đảng viên"),
        ("Sáu tháng đầu năm, thu ngân sách của huyện đạt 61,3% dự toán năm.", 61.3, "thu ngân sách của huyện, dự toán năm"),
        ("Công ty khai thác 1,8 triệu tấn than, đạt 104% kế hoạch, tăng 6,1% so với năm trước.", 6.1, "Công ty khai thác 1,8 triệu tấn than, so với năm trước"),
        # a second value of the same subject, and rates, periods or parentheses after a number
        ("Tỷ lệ hộ nghèo giảm từ 41,3% (năm 2019) xuống còn 22,7% (năm 2024).", 22.7, "Tỷ lệ hộ nghèo"),
        ("Tỷ lệ chi bộ đạt chất lượng khá trở lên tăng từ 70,1% năm 2020 lên 86,5% năm 2024.", 86.5, "Tỷ lệ chi bộ đạt chất lượng khá trở lên"),
        ("Tốc độ tăng trưởng của huyện đạt 8,2%/năm.", 8.2, "Tốc độ tăng trưởng của huyện"),
        ("Tỷ lệ đảng viên nữ là 34%; tỷ lệ đảng viên trẻ là 21%.", 21.0, "tỷ lệ đảng viên trẻ"),
        ("Tỷ lệ thôn, tổ dân phố có chi bộ đạt 100%.", 100.0, "Tỷ lệ thôn, tổ dân phố có chi bộ"),
        # leading adverbs are not what is measured
        ("Hằng năm, số đảng viên mới tăng từ 4% trở lên so với đầu nhiệm kỳ.", 4.0, "số đảng viên mới, so với đầu nhiệm kỳ"),
        ("Mục tiêu hằng năm kết nạp đảng viên mới tăng từ 4% trở lên.", 4.0, "Mục tiêu hằng năm kết nạp đảng viên mới"),
        ("Phấn đấu hằng năm số đảng viên mới tăng từ 4% trở lên.", 4.0, "số đảng viên mới"),
        # the number first: the noun phrase after it
        ("Kết quả, 98,2% đảng viên được xếp loại hoàn thành nhiệm vụ trở lên.", 98.2, "đảng viên được xếp loại hoàn thành nhiệm vụ trở lên"),
        ("Đến cuối năm 2022, toàn huyện đã xóa được 100% thôn, bản chưa có chi bộ.", 100.0, "thôn"),
        ("Hằng năm có trên 90% chi bộ được đánh giá hoàn thành tốt nhiệm vụ.", 90.0, "chi bộ được đánh giá hoàn thành tốt nhiệm vụ"),
        # a change or a share with nothing before it: the clause before, and the comparison; of a count
        # in that clause, what is counted (its action verb and noun), not who counted it nor the number
        ("Năm 2024, thu ngân sách trên địa bàn đạt 4.210 tỷ đồng, tăng 12% so với năm 2023.", 12.0, "thu ngân sách trên địa bàn, so với năm 2023"),
        ("Trong quý II, Đảng bộ Công an tỉnh kết nạp thêm 41 đảng viên, bằng 0,96% so với số đảng viên hiện có.", 0.96, "kết nạp thêm đảng viên, so với số đảng viên hiện có"),
        ("Trong 5 năm, Đảng bộ huyện kết nạp 1.210 đảng viên, chiếm 6% so với tổng số đảng viên của huyện.", 6.0, "kết nạp đảng viên, so với tổng số đảng viên của huyện"),
        # in parentheses: the clause before the parenthesis
        ("Số chi bộ xếp loại không hoàn thành nhiệm vụ mỗi năm đều dưới mức Nghị quyết đề ra (bình quân 1,2%).", 1.2, "Số chi bộ xếp loại không hoàn thành nhiệm vụ mỗi năm"),
        ("Có 324 đảng viên (chiếm 0,74%) không hoàn thành nhiệm vụ.", 0.74, "đảng viên"),
        ("Tổng số đảng viên là 3.120, trong đó nữ 1.050 (chiếm 33,6%).", 33.6, "nữ 1.050"),
        # a bound after the number does not hide the noun phrase after it, nor is a rate one
        ("Phấn đấu 90% trở lên tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ.", 90.0, "tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ"),
        ("Ngành sẽ tính mức điều chỉnh lương bình quân mỗi năm (7% một năm) làm căn cứ.", 7.0, "Ngành sẽ tính mức điều chỉnh lương bình quân mỗi năm"),
    ],
)
def test_percentages_subject_is_what_is_measured(text, value, subject):
    assert _by_value(text)[value].subject == subject


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        # discourse openers at the start and auxiliaries before the verb are not what is measured
        ("Năm 2024, tuy nhiên lợi nhuận vẫn đạt 96% kế hoạch.", 96.0, "lợi nhuận, kế hoạch"),
        ("Bên cạnh đó, nhìn chung sản lượng lúa cũng đã tăng 4,2% so với năm trước.", 4.2, "sản lượng lúa, so với năm trước"),
        ("Nhờ đó tỷ lệ hộ nghèo tiếp tục giảm còn 1,8%.", 1.8, "tỷ lệ hộ nghèo"),
        ("Mặc dù vậy kim ngạch xuất khẩu luôn chiếm 40% tổng kim ngạch.", 40.0, "kim ngạch xuất khẩu, tổng kim ngạch"),
        ("Đặc biệt là tỷ lệ đảng viên trẻ đều đạt trên 25%.", 25.0, "tỷ lệ đảng viên trẻ"),
        ("Trong đó tỷ lệ bao phủ bảo hiểm y tế đang đạt 93,5%.", 93.5, "tỷ lệ bao phủ bảo hiểm y tế"),
        # an amount closing the phrase before is its value, not what is measured
        ("Năm 2024, công ty nộp ngân sách 1.420 tỷ đồng, tăng 7,3% so với năm 2023.", 7.3, "công ty nộp ngân sách, so với năm 2023"),
        ("Thu nhập bình quân của người lao động 9,2 triệu đồng/người/tháng, tăng 6%.", 6.0, "Thu nhập bình quân của người lao động"),
        ("Tổng vốn huy động hơn 2.300 tỷ đồng, tăng 11% so với cùng kỳ.", 11.0, "Tổng vốn huy động, so với cùng kỳ"),
        ("Diện tích trồng rừng mới 1.250 ha, bằng 104% kế hoạch.", 104.0, "Diện tích trồng rừng mới, kế hoạch"),
        # the words after the number are joined to a subject linked before, never put in its place
        ("Đến năm 2030, tỷ trọng kinh tế số đạt tối thiểu 25% GRDP; chi cho khoa học công nghệ đạt ít nhất 2% tổng chi ngân sách.", 25.0, "tỷ trọng kinh tế số, GRDP"),
        (
            "Đến năm 2030, tỷ trọng kinh tế số đạt tối thiểu 25% GRDP; chi cho khoa học công nghệ đạt ít nhất 2% tổng chi ngân sách.",
            2.0,
            "chi cho khoa học công nghệ, tổng chi ngân sách",
        ),
        ("Ngành công nghiệp chiếm tỷ trọng 38% GRDP.", 38.0, "Ngành công nghiệp, GRDP"),
        ("Dịch vụ đạt tỷ trọng khoảng 40% GRDP.", 40.0, "Dịch vụ, GRDP"),
        ("Khu vực nông nghiệp đạt xấp xỉ 20% tổng giá trị sản xuất.", 20.0, "Khu vực nông nghiệp, tổng giá trị sản xuất"),
    ],
)
def test_percentages_subject_leaves_out_openers_amounts_and_keeps_the_subject_before_the_verb(text, value, subject):
    assert _by_value(text)[value].subject == subject


@pytest.mark.parametrize(
    ("text", "value", "as_of"),
    [
        ("Từ tháng 6/2021, huyện đã xóa được 100% thôn chưa có đảng viên.", 100.0, "2021-06"),
        ("Năm 2023, tỷ lệ đảng viên nữ chiếm 36,1%.", 36.1, "2023"),
        ("Tỷ lệ đảng viên nữ chiếm 36,1%.", 36.1, None),
    ],
)
def test_percentages_as_of_from_the_period_written_before(text, value, as_of):
    assert _by_value(text)[value].as_of == as_of


def test_percentages_evidence_span_points_at_the_number():
    doc_text = normalize("Tỷ lệ chi bộ vững mạnh đạt 76,4%/70%.").text
    (fact,) = percentages.extract(segment(doc_text))
    assert doc_text[fact.start : fact.end] == "76,4%/70%"


# Paragraphs in the style of provincial party news, with every percentage a reader should take from them:
# (value, target, subject). They stand in for articles the extractor has not seen.
PARAGRAPHS = [
    (
        "Trong nhiệm kỳ, các cấp ủy đã kết nạp 1.156 đảng viên mới, đạt 115,6% chỉ tiêu nghị quyết; tỷ lệ chi bộ, "
        "đảng bộ cơ sở được đánh giá hoàn thành tốt nhiệm vụ trở lên hằng năm đạt trên 85%.",
        [(115.6, None, "kết nạp đảng viên mới, chỉ tiêu nghị quyết"), (85, None, "tỷ lệ chi bộ, đảng bộ cơ sở được đánh giá hoàn thành tốt nhiệm vụ trở lên hằng năm")],
    ),
    (
        "Năm 2023, Đảng bộ tỉnh kết nạp 2.145 đảng viên, đạt 107,3% kế hoạch. Kết quả đánh giá, xếp loại năm 2023 có "
        "96,2% tổ chức cơ sở đảng được xếp loại hoàn thành tốt nhiệm vụ trở lên; 94,7% đảng viên hoàn thành tốt nhiệm "
        "vụ trở lên.",
        [
            (107.3, None, "kết nạp đảng viên, kế hoạch"),
            (96.2, None, "tổ chức cơ sở đảng được xếp loại hoàn thành tốt nhiệm vụ trở lên"),
            (94.7, None, "đảng viên hoàn thành tốt nhiệm vụ trở lên"),
        ],
    ),
    (
        "Tốc độ tăng trưởng kinh tế bình quân giai đoạn 2021 - 2025 ước đạt 7,8%/năm. Thu ngân sách nhà nước trên địa "
        "bàn năm 2024 đạt 3.215 tỷ đồng, tăng 12,4% so với năm 2023. Tỷ lệ hộ nghèo giảm còn 2,15%; tỷ lệ người dân "
        "tham gia bảo hiểm y tế đạt 95,3%/95% chỉ tiêu.",
        [
            (7.8, None, "Tốc độ tăng trưởng kinh tế bình quân giai đoạn 2021 - 2025"),
            (12.4, None, "Thu ngân sách nhà nước trên địa bàn năm 2024, so với năm 2023"),
            (2.15, None, "Tỷ lệ hộ nghèo"),
            (95.3, 95, "tỷ lệ người dân tham gia bảo hiểm y tế"),
        ],
    ),
    (
        "Số chi bộ đạt tiêu chuẩn trong sạch, vững mạnh là 1.086 chi bộ, chiếm 88,3%. Đảng bộ tỉnh phấn đấu đến năm "
        "2025 có 100% thôn, bản có đảng viên và 98% thôn, bản có chi bộ.",
        [(88.3, None, "Số chi bộ đạt tiêu chuẩn trong sạch, vững mạnh"), (100, None, "thôn, bản có đảng viên"), (98, None, "thôn, bản có chi bộ")],
    ),
    (
        "Đảng bộ Công an tỉnh có 100% chi bộ được xếp loại hoàn thành tốt nhiệm vụ trở lên, trong đó 32 chi bộ (chiếm "
        "66,7%) hoàn thành xuất sắc nhiệm vụ. Phấn đấu hằng năm có từ 90-95% tổ chức cơ sở đảng hoàn thành tốt nhiệm "
        "vụ trở lên; tỷ lệ kết nạp đảng viên mới tăng 5 phần trăm so với nhiệm kỳ trước.",
        [
            (100, None, "chi bộ được xếp loại hoàn thành tốt nhiệm vụ trở lên"),
            (66.7, None, "32 chi bộ"),
            (90, None, "tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên"),
            (95, None, "tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên"),
            (5, None, "tỷ lệ kết nạp đảng viên mới, so với nhiệm kỳ trước"),
        ],
    ),
    (
        "Tỷ lệ đảng viên nữ chiếm 35.6 % tổng số đảng viên; đảng viên là người dân tộc thiểu số chiếm 41,2%; đảng viên "
        "dưới 30 tuổi chiếm 18%. Huyện có 17 xã đạt chuẩn nông thôn mới, chiếm 73,9%.",
        [
            (35.6, None, "Tỷ lệ đảng viên nữ"),
            (41.2, None, "đảng viên là người dân tộc thiểu số"),
            (18, None, "đảng viên dưới 30 tuổi"),
            (73.9, None, "17 xã đạt chuẩn nông thôn mới"),
        ],
    ),
    (
        "Số đảng viên được miễn sinh hoạt đảng là 1.204 đồng chí, chiếm 2,9% tổng số đảng viên. Tỷ lệ đảng viên được "
        "xếp loại hoàn thành tốt nhiệm vụ trở lên đạt 92,4%, vượt chỉ tiêu 90%; tỷ lệ tổ chức cơ sở đảng trong sạch, "
        "vững mạnh đạt 81,7%/80%.",
        [
            (2.9, None, "Số đảng viên được miễn sinh hoạt đảng"),
            (92.4, 90, "Tỷ lệ đảng viên được xếp loại hoàn thành tốt nhiệm vụ trở lên"),
            (81.7, 80, "tỷ lệ tổ chức cơ sở đảng trong sạch, vững mạnh"),
        ],
    ),
    (
        "Báo cáo chính trị nêu rõ, sau 5 năm, Đảng bộ huyện đã kết nạp 1.318 đảng viên, đạt 131,8% chỉ tiêu Nghị "
        "quyết. Đồng chí Lò Văn Pọm tái đắc cử Bí thư Huyện ủy với 100% số phiếu. Tính đến ngày 31/12/2024, Đảng bộ "
        "tỉnh có 68.450 đảng viên, trong đó đảng viên nữ chiếm 37,8%, đảng viên là người dân tộc thiểu số chiếm 52,3%.",
        [(131.8, None, "kết nạp đảng viên, chỉ tiêu Nghị quyết"), (100, None, "số phiếu"), (37.8, None, "đảng viên nữ"), (52.3, None, "đảng viên là người dân tộc thiểu số")],
    ),
    (
        "Năm 2024, toàn Đảng bộ kết nạp 2.312 đảng viên mới (đạt 102,8% kế hoạch); tỷ lệ đảng viên mới là người dân "
        "tộc thiểu số đạt 61%. Có 97,6% chi bộ, đảng bộ cơ sở tổ chức sinh hoạt chuyên đề ít nhất 1 lần/quý. Bí thư "
        "Chi bộ cho biết, 100% hộ gia đình đảng viên đều tham gia xây dựng nông thôn mới.",
        [
            (102.8, None, "kết nạp đảng viên mới, kế hoạch"),
            (61, None, "tỷ lệ đảng viên mới là người dân tộc thiểu số"),
            (97.6, None, "chi bộ, đảng bộ cơ sở tổ chức sinh hoạt chuyên đề"),
            (100, None, "hộ gia đình đảng viên"),
        ],
    ),
    (
        "Kinh tế của tỉnh tiếp tục tăng trưởng khá, GRDP năm 2024 tăng 8,12%, đứng thứ 12/63 tỉnh, thành phố; thu "
        "nhập bình quân đầu người đạt 78,5 triệu đồng, tăng 9,4% so với năm 2023; tỷ lệ hộ nghèo theo chuẩn đa chiều "
        "giảm 1,52 điểm phần trăm. Tỷ trọng công nghiệp - xây dựng chiếm 41,2%, dịch vụ chiếm 38,6% trong cơ cấu kinh tế.",
        [
            (8.12, None, "GRDP năm 2024"),
            (9.4, None, "thu nhập bình quân đầu người, so với năm 2023"),
            (1.52, None, "tỷ lệ hộ nghèo theo chuẩn đa chiều"),
            (41.2, None, "Tỷ trọng công nghiệp - xây dựng"),
            (38.6, None, "dịch vụ"),
        ],
    ),
    (
        "Tỷ lệ tổ chức cơ sở đảng được xếp loại hoàn thành xuất sắc nhiệm vụ đạt 21,5% (vượt 1,5% so với chỉ tiêu). "
        "Đảng viên hoàn thành tốt nhiệm vụ trở lên chiếm 91,36%; có 324 đảng viên (chiếm 0,74%) không hoàn thành "
        "nhiệm vụ. Nhiệm kỳ 2025 - 2030, Đảng bộ xã phấn đấu hằng năm có trên 90% chi bộ được đánh giá hoàn thành "
        "tốt nhiệm vụ; 100% thôn có chi bộ và đảng viên.",
        [
            (21.5, None, "Tỷ lệ tổ chức cơ sở đảng được xếp loại hoàn thành xuất sắc nhiệm vụ"),
            (1.5, None, "Tỷ lệ tổ chức cơ sở đảng được xếp loại hoàn thành xuất sắc nhiệm vụ, so với chỉ tiêu"),
            (91.36, None, "Đảng viên hoàn thành tốt nhiệm vụ trở lên"),
            (0.74, None, "324 đảng viên"),
            (90, None, "chi bộ được đánh giá hoàn thành tốt nhiệm vụ"),
            (100, None, "thôn có chi bộ và đảng viên"),
        ],
    ),
    (
        "Năm 2024, Đảng ủy Khối kết nạp 214 đảng viên, vượt 7% kế hoạch. Kết quả kiểm điểm cuối năm, 98,2% đảng viên "
        "được xếp loại hoàn thành nhiệm vụ trở lên; trong đó, hoàn thành xuất sắc nhiệm vụ chiếm 15,6%. Có 10/12 chỉ "
        "tiêu đạt và vượt, chiếm 83,3%.",
        [
            (7, None, "kết nạp đảng viên, kế hoạch"),
            (98.2, None, "đảng viên được xếp loại hoàn thành nhiệm vụ trở lên"),
            (15.6, None, "hoàn thành xuất sắc nhiệm vụ"),
            (83.3, None, "10/12 chỉ tiêu đạt và vượt"),
        ],
    ),
    (
        "Tỷ lệ thôn, tổ dân phố có chi bộ đạt 100%, tăng 3,5% so với năm 2020. GRDP bình quân giai đoạn 2021-2025 "
        "tăng 6,5%/năm, trong đó khu vực công nghiệp - xây dựng tăng 9,2%. Tỷ lệ đô thị hóa đạt 32%, tỷ lệ che phủ "
        "rừng đạt 55,2%.",
        [
            (100, None, "Tỷ lệ thôn, tổ dân phố có chi bộ"),
            (3.5, None, "Tỷ lệ thôn, tổ dân phố có chi bộ, so với năm 2020"),
            (6.5, None, "GRDP bình quân giai đoạn 2021-2025"),
            (9.2, None, "khu vực công nghiệp - xây dựng"),
            (32, None, "Tỷ lệ đô thị hóa"),
            (55.2, None, "tỷ lệ che phủ rừng"),
        ],
    ),
]


PARAGRAPHS += [
    (
        "Năm 2024, toàn Đảng bộ kết nạp được 1.837 đảng viên, đạt 104,9% chỉ tiêu Tỉnh ủy giao. Sau hơn 3 năm triển "
        "khai, mô hình Chi bộ 4 tốt đã được nhân rộng; 92,3% số chi bộ đạt tiêu chí chi bộ 4 tốt. Tỷ lệ đảng viên có "
        "trình độ lý luận chính trị trung cấp trở lên là 46,8%, tăng 8,2% so với đầu nhiệm kỳ; 99,6% đảng viên có "
        "trình độ trung học phổ thông.",
        [
            (104.9, None, "kết nạp được đảng viên, chỉ tiêu Tỉnh ủy giao"),
            (92.3, None, "số chi bộ đạt tiêu chí chi bộ 4 tốt"),
            (46.8, None, "Tỷ lệ đảng viên có trình độ lý luận chính trị trung cấp trở lên"),
            (8.2, None, "Tỷ lệ đảng viên có trình độ lý luận chính trị trung cấp trở lên, so với đầu nhiệm kỳ"),
            (99.6, None, "đảng viên có trình độ trung học phổ thông"),
        ],
    ),
    (
        "Ông Nguyễn Văn An cho biết, 9 tháng đầu năm, doanh thu đạt 1.250 tỷ đồng, bằng 78% kế hoạch năm, lợi nhuận "
        "trước thuế tăng 15% so với cùng kỳ. Theo đó, 6 tháng đầu năm, toàn Đảng bộ đã kết nạp 18 đảng viên, đạt 60% "
        "chỉ tiêu cả năm. Đảng bộ tỉnh đã lãnh đạo hoàn thành 21/22 chỉ tiêu chủ yếu, đạt 95,45%. Tỷ lệ bỏ phiếu đạt "
        "99,8%.",
        [
            (78, None, "doanh thu"),
            (15, None, "lợi nhuận trước thuế, so với cùng kỳ"),
            (60, None, "kết nạp đảng viên, chỉ tiêu cả năm"),
            (95.45, None, "hoàn thành 21/22 chỉ tiêu chủ yếu"),
            (99.8, None, "Tỷ lệ bỏ phiếu"),
        ],
    ),
    (
        "Tại Đại hội, 100% đại biểu nhất trí thông qua Nghị quyết Đại hội. Hiện nay, 100% xã, phường, thị trấn có "
        "đảng bộ; 1.045/1.052 thôn, tổ dân phố có chi bộ (đạt 99,3%). Năm 2025, Đảng bộ phấn đấu 90% trở lên tổ chức "
        "cơ sở đảng hoàn thành tốt nhiệm vụ; 85% trở lên đảng viên hoàn thành tốt nhiệm vụ.",
        [
            (100, None, "đại biểu nhất trí thông qua Nghị quyết Đại hội"),
            (99.3, None, "1.045/1.052 thôn, tổ dân phố có chi bộ"),
            (90, None, "tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ"),
            (85, None, "đảng viên hoàn thành tốt nhiệm vụ"),
        ],
    ),
    (
        "Giai đoạn 2020 - 2025, tỷ lệ đảng viên là người dân tộc thiểu số tăng từ 48,2% lên 52,6%. Qua rà soát, có "
        "2.346 đảng viên tuổi cao, sức yếu được miễn công tác và sinh hoạt đảng, chiếm 4,1%. Đến ngày 30/9, 97% chi bộ "
        "trực thuộc đã tổ chức xong đại hội, sớm hơn kế hoạch 15 ngày.",
        [
            (48.2, None, "tỷ lệ đảng viên là người dân tộc thiểu số"),
            (52.6, None, "tỷ lệ đảng viên là người dân tộc thiểu số"),
            (4.1, None, "2.346 đảng viên tuổi cao, sức yếu được miễn công tác và sinh hoạt đảng"),
            (97, None, "chi bộ trực thuộc đã tổ chức xong đại hội"),
        ],
    ),
]


PARAGRAPHS += [
    (
        "Nhiệm kỳ qua, Đảng bộ kết nạp 64 đảng viên, đạt 128% chỉ tiêu; hằng năm có 85% trở lên chi bộ hoàn thành tốt "
        "nhiệm vụ. Kết quả đánh giá năm 2024: có 38 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ (chiếm 19,2%); 147 "
        "tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ (chiếm 74,2%).",
        [
            (128, None, "kết nạp đảng viên, chỉ tiêu"),
            (85, None, "chi bộ hoàn thành tốt nhiệm vụ"),
            (19.2, None, "38 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ"),
            (74.2, None, "147 tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ"),
        ],
    ),
    (
        "Về đảng viên, có 5.812 đồng chí được xếp loại hoàn thành xuất sắc nhiệm vụ, chiếm 13,5%; 34.207 đồng chí hoàn "
        "thành tốt nhiệm vụ, chiếm 79,6%. Huyện đoàn đã giới thiệu 215 đoàn viên ưu tú cho Đảng xem xét kết nạp, trong "
        "đó có 178 đoàn viên được kết nạp vào Đảng, đạt 82,8%.",
        [
            (13.5, None, "đảng viên được xếp loại hoàn thành xuất sắc nhiệm vụ"),
            (79.6, None, "đảng viên hoàn thành tốt nhiệm vụ"),
            (82.8, None, "178 đoàn viên được kết nạp vào Đảng"),
        ],
    ),
    (
        "Cơ cấu Ban Chấp hành khóa mới có 12 đồng chí nữ (chiếm 21,8%), 9 đồng chí dưới 40 tuổi (chiếm 16,4%), 100% có "
        "trình độ đại học trở lên. Năm 2024, các chi bộ đã tổ chức 1.260 buổi sinh hoạt chuyên đề; 96,5% đảng viên tham "
        "gia đầy đủ.",
        [(21.8, None, "12 đồng chí nữ"), (16.4, None, "9 đồng chí dưới 40 tuổi"), (100, None, "có trình độ đại học trở lên"), (96.5, None, "đảng viên tham gia đầy đủ")],
    ),
]


def test_percentages_own_paragraphs_precision_recall_and_subject():
    gold, predicted = {}, {}
    for i, (text, facts) in enumerate(PARAGRAPHS):
        gold[str(i)] = [{"type": "percentage", "value": v, "target": t, "subject": s} for v, t, s in facts]
        predicted[str(i)] = [f.as_dict() for f in _percentages(text)]
    report = evaluate(gold, predicted)
    score = report.by_type["percentage"]
    assert (score.precision, score.recall) == (1.0, 1.0), (score.as_dict(), report.missed, report.spurious)
    assert score.secondary == 1.0, report.wrong_field


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        (
            "Năm 2023, toàn huyện có 14 chi bộ được công nhận trong sạch, vững mạnh, tỷ lệ 35,9%.",
            35.9,
            "chi bộ được công nhận trong sạch",
        ),
        ("Đảng bộ có 1.820 đảng viên là nữ, chiếm 27,4%.", 27.4, "đảng viên là nữ"),
        ("Năm 2022 các chi bộ kết nạp 63 đảng viên mới, đạt 105% chỉ tiêu.", 105.0, "kết nạp đảng viên mới, chỉ tiêu"),
        (
            "Trong 40 đảng viên mới có 11 đồng chí là người Dao, chiếm 27,5%.",
            27.5,
            "đảng viên mới là người Dao",
        ),
        ("Trong đó, đảng viên là người Tày 530 người, chiếm 41,2%.", 41.2, "đảng viên là người Tày"),
    ],
)
def test_percentages_share_after_a_count_measures_the_counted_thing(text, value, subject):
    found = _by_value(text)[value]
    assert found.subject is not None and found.subject.startswith(subject)
