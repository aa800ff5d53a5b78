import pytest

from pipeline.errors import QueryError
from pipeline.store import load_records, open_store
from pipeline.store.search import parse_query, search
from tests.pipeline.store_helpers import official, record

TEXTS = {
    "marked": ("Năm 2023, Đảng bộ kết nạp 12 đảng viên mới.", "2023-03-01"),
    "place": ("Tỉnh ủy Nam Định họp bàn công tác cán bộ.", "2024-06-01"),
    "lookalike": ("Ðảng ủy xã tổ chức hội nghị.", "2022-01-01"),
    "older": ("Thái Nguyên: Tỉnh ủy Thái Nguyên ban hành Nghị quyết số 04-NQ/TU.", "2017-05-01"),
}


@pytest.fixture
def engine(db_url):
    engine = open_store(db_url, create=True)
    records = [record(k, t, published=p) for k, (t, p) in TEXTS.items()]
    count = {"type": "count", "value": 12, "unit": "đảng viên mới", "category": "members", "subject": "Đảng bộ", "change": "admitted", "as_of": None, "out_of": None}
    records[0]["facts"] = record("marked", TEXTS["marked"][0], [{**count, "span": "12 đảng viên mới"}])["facts"]
    doc = {"type": "document", "code": "04-NQ/TU", "number": "04", "doc_type": "Nghị quyết", "issuer": "TU", "date": None, "title": None, "span": "04-NQ/TU"}
    records[3]["facts"] = record("older", TEXTS["older"][0], [doc])["facts"]
    text_ = "Ông Bùi Hoàng Mai, Phó Bí thư Tỉnh ủy Bắc Ninh, dự hội nghị. Ông Bùi Mai phát biểu."
    people = [official("Bùi Hoàng Mai", "Phó Bí thư", organization="Tỉnh ủy Bắc Ninh"), official("Bùi Mai", "Phó Bí thư", span="Bùi Mai phát")]
    records.append(record("people", text_, people, published="2021-01-01"))
    list(load_records(engine, records, "test"))
    return engine


def _ids(hits, kind=None):
    return [h["article_id"] for h in hits if kind is None or h["kind"] == kind]


def test_unmarked_queries_find_marked_text(engine):
    assert _ids(search(engine, "dang vien", kind="article")) == ["marked"]
    assert set(_ids(search(engine, "dang"))) >= {"marked", "lookalike"}
    assert _ids(search(engine, "ĐẢNG VIÊN MỚI", kind="count")) == ["marked"]


def test_the_look_alike_d_finds_the_vietnamese_d(engine):
    assert set(_ids(search(engine, "Ðảng ủy", kind="article"))) == {"lookalike"}
    assert set(_ids(search(engine, "Đảng ủy", kind="article"))) == {"lookalike"}


def test_a_query_with_marks_ranks_exact_matches_before_folded_ones(engine):
    # `Nam Định` is newer, but `năm` was typed with its marks
    assert _ids(search(engine, "năm", kind="article")) == ["marked", "place"]
    # unmarked, both match and the newest comes first
    assert _ids(search(engine, "nam", kind="article")) == ["place", "marked"]


def test_phrases_or_exclusion_and_prefix(engine):
    assert _ids(search(engine, '"tinh uy nam dinh"', kind="article")) == ["place"]
    assert _ids(search(engine, '"nam dinh tinh uy"', kind="article")) == []
    assert set(_ids(search(engine, "hoi OR ket", kind="article"))) == {"marked", "lookalike", "people"}
    assert set(_ids(search(engine, "tinh -nam", kind="article"))) == {"people", "older"}
    assert _ids(search(engine, "nghi quy*", kind="article")) == ["older"]


def test_filters_by_code_person_province_and_dates(engine):
    (hit,) = search(engine, kind="document", code="04 - NQ/TU")
    assert [h["fact_id"] for h in search(engine, code="04-nq/tu")] == [hit["fact_id"]]
    assert hit["article_id"] == "older" and hit["document_code"] == "04-NQ/TU" and hit["url"] == "test/older.txt"
    assert hit["sentence"] and hit["province"] == "Thái Nguyên"
    # Bùi Mai is merged into Bùi Hoàng Mai, the only fuller name that fits
    assert [h["official_person"] for h in search(engine, person="bui hoang mai")] == ["Bùi Hoàng Mai", "Bùi Mai"]
    assert _ids(search(engine, kind="document", province="thai nguyen")) == ["older"]
    assert _ids(search(engine, "tinh", kind="article", since="2018", until="2023-12")) == ["people"]
    assert _ids(search(engine, "tinh", kind="article", until="2017")) == ["older"]


@pytest.mark.parametrize(
    "query, message",
    [
        ('"dang vien', "no closing"),
        ("OR dang", "OR at character 1"),
        ("dang OR", "OR at the end"),
        ("-dang", "nothing to look for"),
        ("dang -vien OR moi", "OR"),
        ("***", "no letter or digit"),
    ],
)
def test_malformed_queries_say_what_is_wrong(query, message):
    with pytest.raises(QueryError, match=message):
        parse_query(query)


def test_bad_filters_say_what_is_wrong(engine):
    with pytest.raises(QueryError, match="--since '2020-13'"):
        search(engine, "dang", since="2020-13")
    with pytest.raises(QueryError, match="--type 'people'"):
        search(engine, "dang", kind="people")
