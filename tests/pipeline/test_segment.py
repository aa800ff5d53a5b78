import pytest

from pipeline.text.normalize import normalize
from pipeline.text.segment import WORDS, make_nlp, protected_spans, segment


def _words(text):
    return [t.text for t in segment(text) if not t.is_space]


@pytest.mark.parametrize(
    "piece",
    ["04-NQ/TU", "30/2020/NĐ-CP", "100 - KL/TW", "5.356", "87,5%", "23-5-2016", "10/04/2019", "07-ĐA/ĐUK"],
)
def test_segment_keeps_codes_numbers_and_dates_whole(piece):
    text = f"Theo văn bản {piece} thì kết quả được công bố."
    assert piece in _words(text) or any(w.endswith(piece) for w in _words(text))


@pytest.mark.parametrize("term", ["Đảng ủy Khối", "Phó Bí thư", "Tỉnh ủy"])
def test_segment_keeps_lexicon_terms_whole(term):
    assert term in _words(f"Đồng chí là {term} của tỉnh.")


def test_segment_doc_text_is_the_input_and_offsets_are_exact():
    text = normalize("Đảng bộ có 73 TCCSĐ với 5.356 đảng viên.\n\nNghị quyết số 04-NQ/TU ngày 23-5-2016.").text
    doc = segment(text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text


def test_segment_splits_sentences_and_never_across_lines():
    text = "Câu thứ nhất có 5 đảng viên. Câu thứ hai ở đây.\n\nĐoạn sau không có dấu chấm"
    sents = [s.text for s in segment(text).sents]
    assert [s.strip() for s in sents] == ["Câu thứ nhất có 5 đảng viên.", "Câu thứ hai ở đây.", "Đoạn sau không có dấu chấm"]


def test_segment_splits_a_sentence_glued_to_the_next():
    sents = [s.text.strip() for s in segment("Chi bộ kết nạp 2 đảng viên mới.Phương thức lãnh đạo được đổi mới.").sents]
    assert sents == ["Chi bộ kết nạp 2 đảng viên mới.", "Phương thức lãnh đạo được đổi mới."]


def test_segment_protected_spans_do_not_overlap():
    spans = protected_spans("Nghị quyết số 04-NQ/TU ngày 23-5-2016 đạt 87,5% với 5.356 đảng viên")
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_segment_blank_pipeline_uses_the_vnfacts_tokenizer():
    nlp = make_nlp()
    assert nlp.lang == "vi"
    assert "04-NQ/TU" in [t.text for t in nlp("Nghị quyết 04-NQ/TU")]


def test_segment_words_come_from_underthesea_on_demand_and_keep_protected_spans():
    text = "Đồng chí Nguyễn Văn An dự họp về Nghị quyết 04-NQ/TU."
    doc = segment(text)
    spans = doc.user_data[WORDS](0, len(text))
    words = [text[a:b] for a, b in spans]
    assert "Nguyễn Văn An" in words
    assert "04-NQ/TU" in words
    assert doc.user_data[WORDS](0, len(text)) is spans  # segmented once


def test_segment_tokens_are_syllables_until_words_are_asked_for():
    assert _words("Cán bộ đảng viên họp.") == ["Cán", "bộ", "đảng", "viên", "họp", "."]


def test_segment_empty_text_gives_an_empty_doc():
    assert len(segment("")) == 0
