import re

import pytest

from extractors.codes import CODE, CodeParts, normalize_code, split_code

_CODE = re.compile(CODE)


@pytest.mark.parametrize(
    "code",
    [
        "04-NQ/TU",
        "04-QĐi/TU",
        "07-ĐA/ĐUK",
        "100 - KL/TW",
        "12 \u2013 KH/HU",
        "05-NQ/TƯ",
        "30/2020/NĐ-CP",
        "1234/QĐ-UBND",
        "20/NQ-HĐND",
        "01/2015/TTLT-BNV-BTC",
        "58/2014/QH13",
        "653/2019/UBTVQH14",
    ],
)
def test_codes_pattern_matches_party_state_and_law_codes_whole(code):
    assert [m.group() for m in _CODE.finditer(f"Theo văn bản {code} đã ban hành.")] == [code]


@pytest.mark.parametrize(
    "text",
    [
        "Có 45/47 chi bộ.",
        "Ngày 17-9-2015 họp.",
        "Đạt 4-ha/năm.",
        "Số 12345-NQ/TU lạ.",
        "Chủng COVID-19 mới.",
        "Tỷ lệ 8/8 xã.",
    ],
)
def test_codes_pattern_does_not_match_ratios_dates_or_pieces_of_words(text):
    assert _CODE.search(text) is None


def test_codes_pattern_has_no_capture_groups_for_segment_to_embed():
    assert re.compile(CODE).groups == 0


@pytest.mark.parametrize(
    "written, normal",
    [("100 - KL/TW", "100-KL/TW"), ("07-\u00d0A/\u00d0UK", "07-ĐA/ĐUK"), ("12 \u2013 KH/HU", "12-KH/HU")],
)
def test_codes_normalize_code_drops_spaces_and_folds_dashes_and_look_alikes(written, normal):
    assert normalize_code(written) == normal


@pytest.mark.parametrize(
    "code, parts",
    [
        ("04-QĐi/TU", CodeParts("04", "QĐi", "TU")),
        ("100 - KL/TW", CodeParts("100", "KL", "TW")),
        ("30/2020/NĐ-CP", CodeParts("30", "NĐ", "CP")),
        ("20/NQ-HĐND", CodeParts("20", "NQ", "HĐND")),
        ("01/2015/TTLT-BNV-BTC", CodeParts("01", "TTLT", "BNV-BTC")),
        ("58/2014/QH13", CodeParts("58", "QH13", None)),
    ],
)
def test_codes_split_code_reads_number_sign_and_issuer_by_form(code, parts):
    assert split_code(code) == parts


def test_codes_split_code_refuses_what_is_not_a_code():
    assert split_code("Nghị quyết") is None
