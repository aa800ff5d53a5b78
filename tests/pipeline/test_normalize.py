import unicodedata

import pytest

from pipeline.text.normalize import fold, normalize


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("hoà bình", "hòa bình"),
        ("thuỷ lợi", "thủy lợi"),
        ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
        ("khoẻ mạnh", "khỏe mạnh"),
        ("HOÀ", "HÒA"),
        ("Thuý", "Thúy"),
    ],
)
def test_normalize_old_tone_placement_becomes_new(raw, expected):
    assert normalize(raw).text == expected


@pytest.mark.parametrize("word", ["quý", "Quỳnh", "hoàn thành", "tuyến", "hòa", "quả", "của"])
def test_normalize_leaves_new_style_and_qu_syllables_alone(word):
    assert normalize(word).text == word


def test_normalize_folds_lookalike_eth_to_d_with_stroke():
    assert normalize("Ðảng ủy, ðồng chí").text == "Đảng ủy, đồng chí"


def test_normalize_composes_nfd_input():
    raw = unicodedata.normalize("NFD", "Đảng viên mới")
    out = normalize(raw)
    assert out.text == "Đảng viên mới"
    assert unicodedata.is_normalized("NFC", out.text)


def test_normalize_drops_invisible_and_folds_white_space():
    out = normalize("  Tỉnh\u00a0\u00a0ủy\u200b  viên\t \n\n\n mới ")
    assert out.text == "Tỉnh ủy viên\n\nmới"


@pytest.mark.parametrize(
    "raw",
    [
        "Nghị quyết  số 04-NQ/TU",
        unicodedata.normalize("NFD", "Hoà Bình,  thuỷ  điện Ðà"),
        "\u200b Ðảng\u00a0bộ \n\n có 5.356 đảng viên",
    ],
)
def test_normalize_offsets_point_back_into_the_input(raw):
    out = normalize(raw)
    assert len(out.offsets) == len(out.text) + 1
    for i, ch in enumerate(out.text):
        source = raw[out.offsets[i]]
        if ch.isspace():
            assert source.isspace() or source == "\u200b"
        else:
            assert unicodedata.normalize("NFD", source)[0].lower() == unicodedata.normalize("NFD", ch)[0].lower() or (ch in "Đđ" and source in "ÐðĐđ")


def test_normalize_to_source_maps_a_span_back():
    raw = "Ông  Phạm\u00a0Văn A"
    out = normalize(raw)
    start = out.text.index("Phạm Văn A")
    a, b = out.to_source(start, start + len("Phạm Văn A"))
    assert raw[a:b] == "Phạm\u00a0Văn A"


def test_fold_lowercases_and_normalises():
    assert fold("  Ủy  viên  Ban Thường vụ ") == fold("uỷ viên ban thường vụ") == "ủy viên ban thường vụ"
