import pytest

from extractors.documents import extract
from pipeline.text.normalize import normalize
from pipeline.text.segment import segment


def _facts(text):
    doc = segment(normalize(text).text)
    return list(extract(doc)), doc.text


def _one(text):
    facts, _ = _facts(text)
    assert len(facts) == 1, [f.fields() for f in facts]
    return facts[0]


def _key(fact):
    """The scoring key of FACTS.md: code, else type + number or plenum + term."""
    if fact.code:
        return ("code", fact.code)
    return (fact.doc_type, fact.number or fact.plenum, fact.term)


# --- codes -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Huyện ủy triển khai Nghị quyết số 12-NQ/HU ngày 8-9-2021 “về phát triển kinh tế tập thể” tới các chi bộ.",
            dict(code="12-NQ/HU", number="12", doc_type="Nghị quyết", issuer="HU", date="2021-09-08", title="về phát triển kinh tế tập thể"),
        ),
        (
            "Thường trực Huyện ủy ký Quy định số 09-QĐi/TU ngày 2-11-2020 về chế độ họp định kỳ của chi ủy, tổ đảng.",
            dict(code="09-QĐi/TU", number="09", doc_type="Quy định", issuer="TU", date="2020-11-02", title="về chế độ họp định kỳ của chi ủy, tổ đảng"),
        ),
        (
            "Các chi bộ học tập Kết luận 21 - KL/TW của Trung ương.",
            dict(code="21-KL/TW", number="21", doc_type="Kết luận", issuer="TW"),
        ),
        (
            "Quán triệt Chỉ thị 35-CT/TW tới từng đảng viên.",
            dict(code="35-CT/TW", number="35", doc_type="Chỉ thị", issuer="TW"),
        ),
        (
            "Biểu dương các chi bộ làm tốt Đề án số 03-ĐA/ĐUK do Ban Thường vụ Đảng ủy Khối khóa XV ban hành.",
            dict(code="03-ĐA/ĐUK", number="03", doc_type="Đề án", issuer="ĐUK", term="XV"),
        ),
        (
            "Xã thực hiện Nghị định 33/2023/NĐ-CP của Chính phủ về cán bộ cấp xã.",
            dict(code="33/2023/NĐ-CP", number="33", doc_type="Nghị định", issuer="CP", title="về cán bộ cấp xã"),
        ),
        (
            "Theo Quyết định số 2150/QĐ-UBND ngày 3/8/2019 của UBND tỉnh, huyện được hỗ trợ kinh phí.",
            dict(code="2150/QĐ-UBND", number="2150", doc_type="Quyết định", issuer="UBND", date="2019-08-03"),
        ),
        (
            "Hội đồng nhân dân tỉnh thông qua Nghị quyết 15/NQ-HĐND về chính sách cho bí thư chi bộ.",
            dict(code="15/NQ-HĐND", number="15", doc_type="Nghị quyết", issuer="HĐND"),
        ),
        (
            "Công chức được tuyển dụng theo Thông tư 06/2020/TT-BNV của Bộ Nội vụ.",
            dict(code="06/2020/TT-BNV", number="06", doc_type="Thông tư", issuer="BNV"),
        ),
        (
            "Cán bộ được phổ biến Luật số 22/2008/QH12 và các văn bản hướng dẫn.",
            dict(code="22/2008/QH12", number="22", doc_type="Luật", issuer="QH12"),
        ),
    ],
)
def test_documents_reads_the_fields_of_a_coded_document(text, expected):
    fact = _one(text)
    assert {k: getattr(fact, k) for k in expected} == expected


@pytest.mark.parametrize(
    "text, code, doc_type",
    [
        ("Các đảng bộ thực hiện theo 15-NQ/TU đã đề ra.", "15-NQ/TU", "Nghị quyết"),
        ("Căn cứ 07-QĐi/HU, chi bộ phân công đảng viên.", "07-QĐi/HU", "Quy định"),
        ("Căn cứ 88-QĐ/TU, chi bộ được thành lập.", "88-QĐ/TU", "Quyết định"),
        ("Thực hiện 02-CTr/TU, huyện mở lớp bồi dưỡng.", "02-CTr/TU", "Chương trình"),
        ("Theo 11-HD/BTCTW, việc đánh giá được thực hiện cuối năm.", "11-HD/BTCTW", "Hướng dẫn"),
        ("Theo 110/2015/NĐ-CP, hồ sơ được lưu giữ.", "110/2015/NĐ-CP", "Nghị định"),
    ],
)
def test_documents_types_a_code_without_its_type_word_by_the_sign(text, code, doc_type):
    fact = _one(text)
    assert (fact.code, fact.doc_type) == (code, doc_type)


def test_documents_a_type_word_written_before_the_code_wins_over_the_sign():
    fact = _one("Tổ chức thực hiện Quy định số 105-QĐ/TW của Bộ Chính trị về phân cấp quản lý cán bộ.")
    assert (fact.doc_type, fact.code) == ("Quy định", "105-QĐ/TW")


def test_documents_a_type_word_inside_a_common_word_is_not_the_type():
    fact = _one("Ủy ban Kiểm tra gửi văn bản kỷ luật số 12-QĐ/UBKTHU tới chi bộ.")
    assert (fact.doc_type, fact.issuer) == ("Quyết định", "UBKTHU")


def test_documents_a_code_with_an_unknown_sign_and_no_type_word_is_not_a_fact():
    assert _facts("Văn bản 345/UBND-VX gửi các huyện.")[0] == []


def test_documents_a_code_without_a_type_word_is_less_sure_than_one_with():
    bare = _one("Thực hiện theo 15-NQ/TU.")
    typed = _one("Thực hiện Nghị quyết số 15-NQ/TU.")
    assert bare.confidence < typed.confidence


def test_documents_normalises_code_spacing_dashes_and_look_alike_letters():
    fact = _one("Thực hiện Kế hoạch số 12 \u2013 KH/\u00d0UK của Đảng ủy Khối.")
    assert fact.code == "12-KH/ĐUK"


def test_documents_lists_of_codes_share_the_date_written_after_the_list():
    facts, _ = _facts("Quán triệt Nghị quyết số 18-NQ/TW, 19-NQ/TW ngày 25-10-2017 của Trung ương.")
    assert {(f.code, f.date, f.doc_type) for f in facts} == {
        ("18-NQ/TW", "2017-10-25", "Nghị quyết"),
        ("19-NQ/TW", "2017-10-25", "Nghị quyết"),
    }


def test_documents_a_number_list_closed_by_a_code_shares_its_sign():
    facts, _ = _facts("Sơ kết Nghị quyết số 18, 19-NQ/TW của Hội nghị Trung ương 6 khóa XII.")
    assert sorted(f.code for f in facts) == ["18-NQ/TW", "19-NQ/TW"]
    assert all(f.issuer == "TW" for f in facts)


# --- documents named by number -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Huyện thực hiện Nghị quyết số 07 ngày 2/4/2019 của Huyện ủy.", dict(number="07", doc_type="Nghị quyết", date="2019-04-02", issuer="Huyện ủy")),
        ("Các chi bộ thực hiện tốt Chỉ thị số 15.", dict(number="15", doc_type="Chỉ thị", date=None)),
        (
            "Tiếp tục thực hiện Kết luận 14 của Bộ Chính trị về khuyến khích cán bộ năng động.",
            dict(number="14", doc_type="Kết luận", issuer="Bộ Chính trị", title="về khuyến khích cán bộ năng động"),
        ),
        ("Phổ biến Quyết định số 1847 năm 2018 của Thủ tướng Chính phủ.", dict(number="1847", doc_type="Quyết định", issuer="Thủ tướng Chính phủ")),
        ("Đảng bộ bám sát nghị quyết số 05 của Đảng ủy xã.", dict(number="05", doc_type="Nghị quyết")),
    ],
)
def test_documents_reads_a_document_named_by_its_number(text, expected):
    fact = _one(text)
    assert fact.code is None
    assert {k: getattr(fact, k) for k in expected} == expected


def test_documents_a_number_list_gives_one_fact_per_number_with_issuer_and_term():
    facts, _ = _facts("Cán bộ học tập Nghị quyết 26 và 27 của Ban chấp hành Trung ương Đảng khóa X.")
    assert sorted((f.number, f.doc_type, f.issuer, f.term) for f in facts) == [
        ("26", "Nghị quyết", "Ban Chấp hành Trung ương Đảng", "X"),
        ("27", "Nghị quyết", "Ban Chấp hành Trung ương Đảng", "X"),
    ]


def test_documents_a_number_list_stops_where_a_count_begins():
    facts, _ = _facts("Đảng ủy học tập Nghị quyết 26 và 3 chỉ thị của Trung ương.")
    assert [f.number for f in facts] == ["26"]


def test_documents_a_number_named_again_after_its_code_is_the_same_document():
    facts, _ = _facts("Tỉnh thực hiện Nghị quyết 27-NQ/TW về cải cách tiền lương. Nghị quyết 27 được cán bộ đón nhận.")
    assert [f.code for f in facts] == ["27-NQ/TW"]


def test_documents_a_number_named_without_a_code_elsewhere_stays_a_number_fact():
    fact = _one("Nghị quyết 27 được cán bộ đón nhận.")
    assert (fact.code, fact.number) == (None, "27")


def test_documents_a_number_is_less_sure_than_a_code():
    assert _one("Nghị quyết 27 được đón nhận.").confidence < _one("Nghị quyết 27-NQ/TW được đón nhận.").confidence


def test_documents_a_termless_mention_of_a_termed_document_is_not_a_second_fact():
    facts, _ = _facts("Học tập Nghị quyết 36 khóa XII. Sau đó, Nghị quyết 36 được triển khai rộng rãi.")
    assert [(f.number, f.term) for f in facts] == [("36", "XII")]


# --- plenums -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, plenum, terms",
    [
        ("Đảng bộ quán triệt Nghị quyết Trung ương 6 (khóa X, khóa XI) về nông nghiệp.", "6", ["X", "XI"]),
        ("Chi bộ học tập Nghị quyết Trung ương 7 khóa XII về công tác cán bộ.", "7", ["XII"]),
        ("Đảng bộ quán triệt Nghị quyết Hội nghị Trung ương 6 khóa XIII.", "6", ["XIII"]),
        ("Thực hiện Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương khóa XII.", "4", ["XII"]),
        ("Thực hiện Nghị quyết Hội nghị Ban Chấp hành Trung ương lần thứ tám (khóa XIII).", "8", ["XIII"]),
        ("Thực hiện Nghị quyết TW4 khóa XI và XII.", "4", ["XI", "XII"]),
        ("Quán triệt Nghị quyết Trung ương 5 khoá 12.", "5", ["XII"]),
    ],
)
def test_documents_reads_a_plenum_resolution_once_per_term(text, plenum, terms):
    facts, _ = _facts(text)
    assert sorted((f.plenum, f.term) for f in facts) == [(plenum, t) for t in terms]
    assert all(f.code is None and f.number is None and f.doc_type == "Nghị quyết" for f in facts)
    assert all(f.issuer == "Ban Chấp hành Trung ương" for f in facts)


def test_documents_a_conclusion_of_a_plenum_keeps_its_type():
    fact = _one("Thực hiện Kết luận Hội nghị Trung ương 4 khóa XIII.")
    assert (fact.doc_type, fact.plenum, fact.term) == ("Kết luận", "4", "XIII")


def test_documents_a_provincial_plenum_keeps_its_body_as_issuer():
    fact = _one("Triển khai Nghị quyết Hội nghị lần thứ 9 Ban Chấp hành Đảng bộ tỉnh khóa XX.")
    assert (fact.plenum, fact.term, fact.issuer) == ("9", "XX", "Ban Chấp hành Đảng bộ tỉnh")


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, iso",
    [
        ("ngày 17-9-2015", "2015-09-17"),
        ("ngày 5/7/2018", "2018-07-05"),
        ("ngày 05 tháng 7 năm 2018", "2018-07-05"),
        ("(ngày 14/02/2022)", "2022-02-14"),
        (", ngày 9.12.2020", "2020-12-09"),
        ("ban hành ngày 1-10-2019", "2019-10-01"),
        ("ngày 2019-10-01", "2019-10-01"),
    ],
)
def test_documents_reads_the_issue_date_written_next_to_the_code(written, iso):
    assert _one(f"Tỉnh ủy thực hiện Kế hoạch số 31-KH/TU {written} của Ban Thường vụ.").date == iso


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 20-7-2021, Thường trực Huyện ủy đã ký ban hành Chỉ thị số 08-CT/HU về kết nạp đảng viên trẻ.",
        "Vừa qua, ngày 20/7/2021, Huyện ủy ban hành Chỉ thị số 08-CT/HU về kết nạp đảng viên trẻ.",
    ],
)
def test_documents_reads_the_issue_date_that_opens_the_issuing_clause(text):
    assert _one(text).date == "2021-07-20"


def test_documents_a_date_after_the_issuer_and_a_comma_opens_the_next_clause():
    fact = _one("Thực hiện Chỉ thị 08 của Huyện ủy, ngày 20-7-2021 Đảng ủy xã tổ chức hội nghị.")
    assert (fact.number, fact.date) == ("08", None)


def test_documents_a_date_not_next_to_the_document_is_not_its_issue_date():
    fact = _one("Ngày 20-7-2021, chi bộ họp bàn việc thực hiện Chỉ thị số 08-CT/TU.")
    assert fact.date is None


def test_documents_a_date_written_with_another_mention_fills_the_fact():
    facts, _ = _facts("Ban hành Kế hoạch số 31-KH/TU ngày 3-3-2021. Sau 1 năm, Kế hoạch số 31-KH/TU đạt kết quả tốt.")
    assert [(f.code, f.date) for f in facts] == [("31-KH/TU", "2021-03-03")]


# --- titles ------------------------------------------------------------------------------------


def test_documents_a_title_ends_with_its_clause_and_before_the_next_document():
    facts, _ = _facts("Thực hiện Chỉ thị số 21-CT/TU về công tác dân vận và Quy định số 03-QĐi/TU về tiếp công dân; đạt kết quả tốt.")
    assert [f.title for f in facts] == ["về công tác dân vận", "về tiếp công dân"]


# --- not facts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mọi mục tiêu mà Nghị quyết Đại hội Đảng bộ huyện lần thứ XXV đặt ra đã hoàn thành.",
        "Chi bộ học tập nghị quyết, chỉ thị mới của cấp trên.",
        "Cán bộ gương mẫu chấp hành Quy định của Trung ương.",
        "Công chức tuân thủ Luật Viên chức và Điều lệ Đảng.",
        "Theo Điều 5, khoản 2 thì chi bộ phải họp mỗi tháng.",
        "Bài đăng trên trang 4 số 215 của báo Đảng.",
        "Kế hoạch 5 năm 2021-2025 được thông qua.",
        "Kế hoạch 2024 của chi bộ đạt 95%.",
        "Chương trình 3 tháng đã hoàn thành.",
        "Nghị quyết đặt mục tiêu 90% thôn có chi bộ.",
        "Mỗi buổi họp chi bộ kéo dài theo quy định 90 phút.",
        "Hội nghị Trung ương 8 khóa XIII đã bế mạc.",
        "Nghị quyết Trung ương khóa XIII được phổ biến rộng rãi.",
        "Có 45/47 chi bộ nộp báo cáo trước ngày 14-8-2019.",
    ],
)
def test_documents_a_document_without_number_or_plenum_and_numbers_that_are_not_document_numbers_are_not_facts(text):
    assert _facts(text)[0] == []


# --- evidence ----------------------------------------------------------------------------------


def test_documents_evidence_spans_point_at_the_mention_in_its_sentence():
    text = "Huyện có 41 chi bộ. Huyện ủy ban hành Nghị quyết số 11-NQ/HU ngày 9-9-2019 về chi bộ."
    facts, clean = _facts(text)
    (fact,) = facts
    assert clean[fact.start : fact.end] == "Nghị quyết số 11-NQ/HU"
    assert clean[fact.start : fact.end] in fact.sentence


# --- realistic paragraphs: the stand-in for unseen articles --------------------------------------

# Each paragraph with the document facts an annotator following FACTS.md writes for it:
# (key, issue date), the key as the scorer matches it.
PARAGRAPHS = [
    (
        "Thời gian qua, Ban Thường vụ Huyện ủy Điện Biên Đông đã lãnh đạo triển khai nghiêm túc Nghị quyết số "
        "21-NQ/TW ngày 16-6-2022 của Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XIII về củng cố "
        "tổ chức cơ sở đảng trong thời kỳ mới. "
        "Huyện ủy đã ban hành Kế hoạch số 86-KH/HU ngày 10/8/2022 để cụ thể hóa nghị quyết.",
        [(("code", "21-NQ/TW"), "2022-06-16"), (("code", "86-KH/HU"), "2022-08-10")],
    ),
    (
        "Theo đồng chí Trưởng Ban Tổ chức Tỉnh ủy, qua 5 năm thực hiện Chỉ thị số 28-CT/TU của Ban Thường vụ "
        "Tỉnh ủy về kết nạp đảng viên là người dân tộc thiểu số, tỉnh đã kết nạp 6.215 người, đạt "
        "103,6% chỉ tiêu.",
        [(("code", "28-CT/TU"), None)],
    ),
    (
        "Đảng ủy Khối các cơ quan tỉnh tổ chức hội nghị sơ kết 3 năm thực hiện Kết luận số 01-KL/TW ngày "
        "18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị khóa XII “về đẩy "
        "mạnh học tập và làm theo Bác”.",
        [(("code", "01-KL/TW"), "2021-05-18"), (("code", "05-CT/TW"), None)],
    ),
    (
        "Các chi bộ đã nghiêm túc nghiên cứu Nghị quyết Trung ương 8 khóa XIII và Kết luận "
        "Hội nghị Trung ương 4 khóa XIII, gắn với thực hiện Quy định 144-QĐ/TW về chuẩn mực đạo đức cách mạng "
        "của cán bộ, đảng viên trong giai đoạn mới.",
        [(("Nghị quyết", "8", "XIII"), None), (("Kết luận", "4", "XIII"), None), (("code", "144-QĐ/TW"), None)],
    ),
    (
        "Năm 2023, Đảng bộ tỉnh có 412 tổ chức cơ sở đảng; việc đánh giá, xếp loại chất lượng được thực hiện "
        "theo Quy định số 124-QĐ/TW ngày 4/10/2023 và Hướng dẫn số 25-HD/BTCTW ngày 9/11/2023 của Ban Tổ chức "
        "Trung ương.",
        [(("code", "124-QĐ/TW"), "2023-10-04"), (("code", "25-HD/BTCTW"), "2023-11-09")],
    ),
    (
        "Ngày 12-3-2024, Ban Thường vụ Tỉnh ủy ban hành Đề án số 12-ĐA/TU về nâng cao chất lượng sinh hoạt chi bộ giai đoạn 2024 - 2025, định hướng đến năm 2030.",
        [(("code", "12-ĐA/TU"), "2024-03-12")],
    ),
    (
        "Các cấp ủy kiên trì thực hiện Nghị quyết Trung ương 7 (khóa XII) và Kết luận 21-KL/TW của Hội nghị "
        "Trung ương 4 khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị.",
        [(("Nghị quyết", "7", "XII"), None), (("code", "21-KL/TW"), None)],
    ),
    (
        "UBND tỉnh đã ban hành Quyết định số 2145/QĐ-UBND ngày 28 tháng 12 năm 2022 phê duyệt Đề án sắp xếp "
        "đơn vị hành chính cấp xã, thực hiện Nghị quyết 35/2023/UBTVQH15 của Ủy ban Thường vụ Quốc hội.",
        [(("code", "2145/QĐ-UBND"), "2022-12-28"), (("code", "35/2023/UBTVQH15"), None)],
    ),
    (
        "Thực hiện Nghị quyết 18 và Nghị quyết 19 của Trung ương, đến nay toàn tỉnh đã giảm 15 đầu mối, 216 phòng, ban và tương đương.",
        [(("Nghị quyết", "18", None), None), (("Nghị quyết", "19", None), None)],
    ),
    (
        "Ủy ban Kiểm tra làm đúng Điều lệ Đảng và Quy định số 22-QĐ/TW ngày "
        "28/7/2021 của Ban Chấp hành Trung ương về kiểm tra, giám sát; trong năm, "
        "Ủy ban Kiểm tra các cấp đã thi hành kỷ luật 28 đảng viên, trong đó khoản 2 Điều 5 được áp dụng nhiều nhất.",
        [(("code", "22-QĐ/TW"), "2021-07-28")],
    ),
    (
        "Thực hiện Chỉ thị số 35-CT/TW ngày 14-6-2024 của Bộ Chính trị về đại hội đảng bộ các cấp tiến tới "
        "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng, Tỉnh ủy đã xây dựng Kế hoạch số 250 - KH/TU.",
        [(("code", "35-CT/TW"), "2024-06-14"), (("code", "250-KH/TU"), None)],
    ),
    (
        "Bí thư Tỉnh ủy nhấn mạnh các cấp ủy cần bám sát Nghị quyết Đại hội Đảng bộ huyện lần thứ XXI, các "
        "nghị quyết, chỉ thị, kết luận của Trung ương; tỷ lệ kết nạp đảng viên đạt 105% so với Nghị quyết đề ra.",
        [],
    ),
    (
        "Trong 6 tháng đầu năm, Đảng bộ xã thực hiện Nghị quyết số 03 ngày 15/01/2024 của Ban Chấp hành Đảng "
        "bộ xã về phát triển kinh tế nông nghiệp và Kế hoạch số 07 của Đảng ủy xã về chuyển đổi số.",
        [(("Nghị quyết", "03", None), "2024-01-15"), (("Kế hoạch", "07", None), None)],
    ),
    (
        "Hội nghị đã thông qua báo cáo kết quả 2 năm thực hiện Nghị quyết số 09-NQ/ĐUK ngày 20/9/2021 của Ban "
        "Chấp hành Đảng bộ Khối khóa XV; Chương trình hành động số 05-CTr/ĐUK và Thông báo kết luận số 120-TB/TU.",
        [(("code", "09-NQ/ĐUK"), "2021-09-20"), (("code", "05-CTr/ĐUK"), None), (("code", "120-TB/TU"), None)],
    ),
    (
        "Luật Phòng, chống tham nhũng năm 2018 và Luật Thi đua, khen thưởng được phổ biến tới 100% chi bộ; "
        "Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ hướng dẫn thi hành Luật Thi đua, khen thưởng "
        "cũng được quán triệt.",
        [(("code", "98/2023/NĐ-CP"), "2023-12-31")],
    ),
    (
        "Nhờ thực hiện nghị quyết số 06 - NQ/HU của Huyện ủy và quyết định số 568-QĐ/HU ngày 02/3/2020, chất lượng đội ngũ cán bộ được nâng lên.",
        [(("code", "06-NQ/HU"), None), (("code", "568-QĐ/HU"), "2020-03-02")],
    ),
    (
        "Kế hoạch số 45-KH/TU (ngày 23/02/2021) của Tỉnh ủy về triển khai đại hội, cùng Hướng dẫn 02-HD/TU (ngày 1-3-2021), đã được phổ biến rộng rãi.",
        [(("code", "45-KH/TU"), "2021-02-23"), (("code", "02-HD/TU"), "2021-03-01")],
    ),
    (
        "Việc thực hiện Quy định 37 về những điều đảng viên không được làm và Quy định 69 về xử lý kỷ luật được các chi bộ quan tâm.",
        [(("Quy định", "37", None), None), (("Quy định", "69", None), None)],
    ),
    (
        "Đồng chí yêu cầu tiếp tục thực hiện hiệu quả Chỉ thị số 05 của Bộ Chính trị và Kết luận 01 gắn với việc học tập Nghị quyết Trung ương 3 khóa XI, XII.",
        [
            (("Chỉ thị", "05", None), None),
            (("Kết luận", "01", None), None),
            (("Nghị quyết", "3", "XI"), None),
            (("Nghị quyết", "3", "XII"), None),
        ],
    ),
    (
        "Ban Thường vụ Thành ủy đã chỉ đạo thực hiện Nghị quyết Hội nghị Ban Chấp hành Trung ương lần thứ tám "
        "khóa XIII về Chiến lược bảo vệ Tổ quốc trong tình hình mới; Nghị quyết số 44-NQ/TW ngày 24/11/2023.",
        [(("Nghị quyết", "8", "XIII"), None), (("code", "44-NQ/TW"), "2023-11-24")],
    ),
    (
        "Các cấp ủy tiếp tục thực hiện Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị khóa XII “Về "
        "tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch "
        "trong tình hình mới”.",
        [(("code", "35-NQ/TW"), "2018-10-22")],
    ),
    (
        "Thực hiện Hướng dẫn số 09-HD/BTGTW, ngày 22/02/2024 của Ban Tuyên giáo Trung ương, Ban Tuyên giáo Huyện ủy đã tổ chức hội nghị báo cáo viên.",
        [(("code", "09-HD/BTGTW"), "2024-02-22")],
    ),
    (
        "Quyết định số 99-QĐ/TW ngày 03/10/2017 của Ban Bí thư ban hành Khung hướng dẫn các cấp ủy đảng sử dụng mạng xã hội.",
        [(("code", "99-QĐ/TW"), "2017-10-03")],
    ),
    (
        "Sau 10 năm thực hiện Nghị quyết số 12-NQ/TW ngày 16/01/2012 Hội nghị Trung ương 4 khóa XI, công tác xây dựng Đảng có chuyển biến rõ nét.",
        [(("code", "12-NQ/TW"), "2012-01-16")],
    ),
    (
        "Kết luận số 21-KL/TW, ngày 25/10/2021 của Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII được quán triệt đến 100% đảng viên.",
        [(("code", "21-KL/TW"), "2021-10-25")],
    ),
    (
        "Chi bộ tổ chức sinh hoạt chuyên đề theo Quy định số 213-QĐ/TW, ngày 2-1-2020 của Bộ Chính trị về "
        "trách nhiệm của đảng viên đang công tác thường xuyên giữ mối liên hệ với tổ chức đảng và nhân dân "
        "nơi cư trú.",
        [(("code", "213-QĐ/TW"), "2020-01-02")],
    ),
    (
        "Huyện ủy quán triệt nội dung Nghị quyết số 26-NQ/TW của Hội nghị Trung ương 7 khóa XII về tập trung xây dựng đội ngũ cán bộ các cấp, nhất là cấp chiến lược.",
        [(("code", "26-NQ/TW"), None)],
    ),
    (
        "Gắn việc thực hiện Nghị quyết Trung ương 4 khóa XI “Một số vấn đề cấp bách về xây dựng Đảng hiện nay” với Chỉ thị 05 ngày 15-5-2016 của Bộ Chính trị.",
        [(("Nghị quyết", "4", "XI"), None), (("Chỉ thị", "05", None), "2016-05-15")],
    ),
    (
        "Thực hiện Nghị quyết 11-NQ/TU ngày 30/6/2017 của BCH Đảng bộ tỉnh và Nghị quyết số 01-NQ/ĐU, ngày 15/3/2021 của Đảng ủy xã, diện mạo nông thôn đã đổi mới.",
        [(("code", "11-NQ/TU"), "2017-06-30"), (("code", "01-NQ/ĐU"), "2021-03-15")],
    ),
    (
        "Tỉnh ủy ban hành Chỉ thị số 08-CT/TU ngày 10 - 7 - 2021 của Ban Thường vụ Tỉnh ủy về kết nạp đảng "
        "viên (gọi tắt là Chỉ thị 08). Sau 3 năm, Chỉ thị 08 đã đi vào cuộc sống.",
        [(("code", "08-CT/TU"), "2021-07-10")],
    ),
    (
        "Việc sắp xếp được thực hiện theo Nghị quyết số 37-NQ/TW ngày 24/12/2018 của Bộ Chính trị về việc sắp"
        " xếp các đơn vị hành chính cấp huyện và cấp xã và Nghị quyết số 653/2019/UBTVQH14 của Ủy ban Thường "
        "vụ Quốc hội.",
        [(("code", "37-NQ/TW"), "2018-12-24"), (("code", "653/2019/UBTVQH14"), None)],
    ),
    (
        "Năm 2023, chi bộ đề ra Nghị quyết năm với 12 chỉ tiêu; Chỉ thị của Tỉnh ủy về phòng chống dịch và Kế hoạch số hóa hồ sơ đảng viên cũng được triển khai.",
        [],
    ),
    (
        "Tại Điều 30 Quy định số 22-QĐ/TW nêu rõ trách nhiệm của tổ chức đảng; tại khoản 3 Điều 8 Quy định 69-QĐ/TW quy định về hình thức kỷ luật.",
        [(("code", "22-QĐ/TW"), None), (("code", "69-QĐ/TW"), None)],
    ),
    (
        "NGHỊ QUYẾT SỐ 04-NQ/TU NGÀY 15-12-2020 CỦA TỈNH ỦY VỀ CHUYỂN ĐỔI SỐ",
        [(("code", "04-NQ/TU"), "2020-12-15")],
    ),
    (
        "Đồng chí Bí thư Huyện ủy đề nghị thực hiện tốt Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị "
        "“về chủ trương khuyến khích và bảo vệ cán bộ năng động, sáng tạo vì lợi ích chung” và Quyết định số "
        "1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính phủ.",
        [(("code", "14-KL/TW"), "2021-09-22"), (("code", "1847/QĐ-TTg"), "2018-12-27")],
    ),
    (
        "Ủy ban Kiểm tra Tỉnh ủy đã kiểm tra việc thực hiện Quy định số 205-QĐ/TW ngày 23/9/2019 của Bộ Chính"
        " trị về việc kiểm soát quyền lực trong công tác cán bộ, chống chạy chức, chạy quyền tại 15 tổ chức "
        "đảng.",
        [(("code", "205-QĐ/TW"), "2019-09-23")],
    ),
    (
        "Ban Dân vận Tỉnh ủy tham mưu sơ kết 5 năm thực hiện Quyết định 217-QĐ/TW và 218-QĐ/TW ngày 12-12-2013 của Bộ Chính trị.",
        [(("code", "217-QĐ/TW"), "2013-12-12"), (("code", "218-QĐ/TW"), "2013-12-12")],
    ),
    (
        "Thực hiện Nghị quyết Đại hội XIII của Đảng, Nghị quyết Đại hội Đảng bộ huyện lần thứ XXIII, nhiệm kỳ 2020-2025, Nghị quyết số 01 của Tỉnh ủy đã xác định 3 khâu đột phá.",
        [(("Nghị quyết", "01", None), None)],
    ),
    (
        "Theo Kế hoạch 128-KH/TU ngày 18/10/2023 của Tỉnh ủy, việc lấy phiếu tín nhiệm được thực hiện theo Quy định 96-QĐ/TW ngày 2/2/2023 của Bộ Chính trị.",
        [(("code", "128-KH/TU"), "2023-10-18"), (("code", "96-QĐ/TW"), "2023-02-02")],
    ),
    (
        "Các chi bộ học tập chuyên đề năm 2024 gắn với thực hiện Chỉ thị số 05-CT/TW và Kết luận số 01-KL/TW của Bộ Chính trị; 98% đảng viên tham gia.",
        [(("code", "05-CT/TW"), None), (("code", "01-KL/TW"), None)],
    ),
    (
        "Thực hiện Quyết định số 2309/QĐ-UBND, ngày 21/12/2020 của UBND tỉnh, huyện đã giải ngân 12 tỷ đồng.",
        [(("code", "2309/QĐ-UBND"), "2020-12-21")],
    ),
    (
        "Nghị quyết Trung ương 5 khóa XIII về đất đai và Nghị quyết Trung ương 6 khóa XIII được các chi bộ thảo luận sôi nổi.",
        [(("Nghị quyết", "5", "XIII"), None), (("Nghị quyết", "6", "XIII"), None)],
    ),
    (
        "Qua 5 năm thực hiện Nghị quyết số 10 về phát triển nông nghiệp hữu cơ của Ban Chấp hành Đảng bộ huyện khóa XXIV, giá trị sản xuất tăng 12%.",
        [(("Nghị quyết", "10", "XXIV"), None)],
    ),
    (
        "Kết luận 2 vấn đề lớn, đồng chí Bí thư yêu cầu các chi bộ tập trung phát triển đảng viên.",
        [],
    ),
    (
        "Quyết định 5 năm một lần tổ chức đại hội chi bộ.",
        [],
    ),
    (
        "Thi hành Quyết định thi hành kỷ luật số 05-QĐ/UBKT ngày 3/4/2022 của Ủy ban Kiểm tra Huyện ủy đối với 2 đảng viên.",
        [(("code", "05-QĐ/UBKT"), "2022-04-03")],
    ),
    (
        "Nghị quyết số 04-NQ/TƯ của Ban Chấp hành Trung ương được triển khai.",
        [(("code", "04-NQ/TƯ"), None)],
    ),
    (
        "Tỉnh đã triển khai thực hiện Nghị quyết Trung ương lần thứ 4 (khóa XII) về tăng cường xây dựng, chỉnh đốn Đảng.",
        [(("Nghị quyết", "4", "XII"), None)],
    ),
    (
        "Các đơn vị học tập Nghị quyết Trung ương Đảng lần thứ tư khóa XII và Nghị quyết Trung ương 7 khóa XII.",
        [(("Nghị quyết", "4", "XII"), None), (("Nghị quyết", "7", "XII"), None)],
    ),
    (
        "Báo cáo nêu rõ: Thực hiện Đề án 06 của Chính phủ, 100% đảng viên đã được cấp căn cước điện tử.",
        [(("Đề án", "06", None), None)],
    ),
    (
        "Chương trình 135 đã hỗ trợ 12 thôn, bản đặc biệt khó khăn.",
        [(("Chương trình", "135", None), None)],
    ),
    (
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15 (khóa XX) đã thảo luận, cho ý kiến vào dự thảo Báo cáo chính trị.",
        [],
    ),
    (
        "Tỉnh ủy đã ban hành 15 nghị quyết, 20 chỉ thị, 35 kết luận về các lĩnh vực.",
        [],
    ),
    (
        "Đến nay, 45/47 tổ chức cơ sở đảng đã triển khai Kế hoạch số 150-KH/ĐU ngày 5 tháng 3 năm 2022 của Đảng ủy.",
        [(("code", "150-KH/ĐU"), "2022-03-05")],
    ),
    (
        "Sau khi Ban Bí thư ban hành Chỉ thị số 39-CT/TW ngày 30-10-2024 về nâng cao hiệu quả tín dụng chính sách xã hội, huyện đã xây dựng kế hoạch thực hiện.",
        [(("code", "39-CT/TW"), "2024-10-30")],
    ),
    (
        "Ngày 3-6-2017, Hội nghị Trung ương 5 khóa XII đã ban hành Nghị quyết số 11-NQ/TW về hoàn thiện thể chế kinh tế thị trường định hướng xã hội chủ nghĩa.",
        [(("code", "11-NQ/TW"), "2017-06-03")],
    ),
    (
        "Đảng ủy xã đã ban hành Nghị quyết chuyên đề về xây dựng nông thôn mới và Quyết định số 125 về kiện toàn Ban Chỉ đạo.",
        [(("Quyết định", "125", None), None)],
    ),
    (
        "Thực hiện Quy định số 102 về xử lý kỷ luật đảng viên vi phạm, Ủy ban Kiểm tra đã xem xét 3 trường hợp.",
        [(("Quy định", "102", None), None)],
    ),
    (
        "Thực hiện Nghị quyết 27 của Bộ Chính trị, ngày 15-8-2023 Huyện ủy tổ chức hội nghị.",
        [(("Nghị quyết", "27", None), None)],
    ),
    (
        "Các Nghị quyết số 18, số 19 và số 20 của Hội nghị Trung ương 6 khóa XII được triển khai đồng bộ.",
        [(("Nghị quyết", "18", "XII"), None), (("Nghị quyết", "19", "XII"), None), (("Nghị quyết", "20", "XII"), None)],
    ),
    (
        "Đồng chí yêu cầu bám sát Nghị quyết số 01-NQ/TU, ngày 20/11/2020 của Ban Chấp hành Đảng bộ tỉnh khóa XX về chuyển đổi số tỉnh đến năm 2025, định hướng đến năm 2030.",
        [(("code", "01-NQ/TU"), "2020-11-20")],
    ),
    (
        "Cấp ủy chỉ đạo thực hiện Luật Cán bộ, công chức năm 2008, Luật Viên chức và Nghị định 112/2020/NĐ-CP về xử lý kỷ luật cán bộ.",
        [(("code", "112/2020/NĐ-CP"), None)],
    ),
    (
        "Thông báo kết luận số 35-TB/TU ngày 08/5/2023 của Thường trực Tỉnh ủy yêu cầu khắc phục hạn chế.",
        [(("code", "35-TB/TU"), "2023-05-08")],
    ),
    (
        "Kế hoạch số 05/KH-UBND ngày 10/01/2024 của UBND huyện về cải cách hành chính được ban hành.",
        [(("code", "05/KH-UBND"), "2024-01-10")],
    ),
    (
        "Quán triệt, triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển"
        " khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia; Nghị quyết số 18-NQ/TW ngày "
        "25/10/2017 Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII.",
        [(("code", "57-NQ/TW"), "2024-12-22"), (("code", "18-NQ/TW"), "2017-10-25")],
    ),
    (
        "Tổng kết 10 năm thực hiện Kết luận số 64-KL/TW, ngày 28-5-2013 của Hội nghị Trung ương 7 khóa XI.",
        [(("code", "64-KL/TW"), "2013-05-28")],
    ),
    (
        "Nhiều chi bộ chưa thực hiện nghiêm Quy định 08-QĐi/TW và Quy định số 101-QĐ/TW ngày 7-6-2012 của Ban Bí thư về trách nhiệm nêu gương của cán bộ, đảng viên.",
        [(("code", "08-QĐi/TW"), None), (("code", "101-QĐ/TW"), "2012-06-07")],
    ),
    (
        "Trong năm, Ủy ban Kiểm tra Huyện ủy đã kiểm tra 12 tổ chức đảng, giám sát chuyên đề 25 đảng viên; thi hành kỷ luật 3 đảng viên theo Quy định số 69.",
        [(("Quy định", "69", None), None)],
    ),
    (
        "Theo Điều 8, Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương thi hành Điều lệ Đảng, đảng viên dự bị được xét công nhận chính thức sau 12 tháng.",
        [(("code", "24-QĐ/TW"), "2021-07-30")],
    ),
    (
        "Đảng ủy thị trấn ban hành Nghị quyết số 06-NQ/ĐU ngày 20 tháng 01 năm 2023 và Kế hoạch số 15-KH/ĐU về phát triển đảng viên năm 2023.",
        [(("code", "06-NQ/ĐU"), "2023-01-20"), (("code", "15-KH/ĐU"), None)],
    ),
    (
        "Thực hiện Nghị quyết Trung ương 4 khóa XII gắn với Chỉ thị 05-CT/TW, Tỉnh ủy đã lãnh đạo, chỉ đạo 100% tổ chức đảng xây dựng kế hoạch.",
        [(("Nghị quyết", "4", "XII"), None), (("code", "05-CT/TW"), None)],
    ),
    (
        "Sau 5 năm triển khai Nghị quyết số 39-NQ/TW của Bộ Chính trị về tinh giản biên chế, tỉnh đã giảm 10,2% biên chế.",
        [(("code", "39-NQ/TW"), None)],
    ),
    (
        "Tỉnh ủy đã ban hành Quy định số 1203-QĐ/TU ngày 25 tháng 02 năm 2022 về phân cấp quản lý cán bộ.",
        [(("code", "1203-QĐ/TU"), "2022-02-25")],
    ),
    (
        "Tỉnh ủy tổ chức Hội nghị lần thứ 12 Ban Chấp hành Đảng bộ tỉnh khóa XX để thông qua Nghị quyết về phát triển du lịch.",
        [],
    ),
    (
        "Quy định 37, Quy định 47 và Quy định 126 được học tập đến từng chi bộ.",
        [(("Quy định", "37", None), None), (("Quy định", "47", None), None), (("Quy định", "126", None), None)],
    ),
    (
        "Điều lệ Đảng quy định đảng viên sinh hoạt chi bộ mỗi tháng một lần; Hướng dẫn 12 nêu rõ cách đánh giá.",
        [(("Hướng dẫn", "12", None), None)],
    ),
    (
        "Đến ngày 30/6/2024, Đảng bộ có 5.432 đảng viên, trong đó theo Kế hoạch số 45 đề ra kết nạp 250 đảng viên.",
        [(("Kế hoạch", "45", None), None)],
    ),
    (
        "Nghị quyết 02-NQ/TU ngày 15/01/2021 của Tỉnh ủy khóa XX (gọi tắt là Nghị quyết 02) xác định 5 nhiệm vụ trọng tâm.",
        [(("code", "02-NQ/TU"), "2021-01-15")],
    ),
]


def _scores(paragraphs):
    """Precision, recall and issue-date accuracy over paragraphs, matched on the scoring key."""
    tp = pred = gold = dates_right = 0
    for text, expected in paragraphs:
        facts, _ = _facts(text)
        found = {_key(f): f.date for f in facts}
        wanted = dict(expected)
        pred += len(found)
        gold += len(wanted)
        hits = found.keys() & wanted.keys()
        tp += len(hits)
        dates_right += sum(found[k] == wanted[k] for k in hits)
    return tp / pred, tp / gold, dates_right / tp


def test_documents_realistic_paragraphs_are_read_with_high_precision_recall_and_dates():
    precision, recall, dates = _scores(PARAGRAPHS)
    assert precision >= 0.95 and recall >= 0.95 and dates >= 0.9, (precision, recall, dates)


def test_documents_a_date_written_after_an_earlier_document_is_not_the_next_ones():
    found, _ = _facts("Thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương về xây dựng Đảng, Huyện ủy đã ban hành Kế hoạch số 77-KH/HU để triển khai.")
    facts = {f.code: f for f in found}
    assert facts["21-KL/TW"].date == "2021-10-25"
    assert facts["77-KH/HU"].date is None


def test_documents_a_title_stops_where_a_new_clause_with_its_own_subject_begins():
    (first, _), _ = _facts("Thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị về đại hội đảng bộ các cấp, Ban Thường vụ Huyện ủy ban hành Kế hoạch số 12-KH/HU.")
    assert first.title == "về đại hội đảng bộ các cấp"
