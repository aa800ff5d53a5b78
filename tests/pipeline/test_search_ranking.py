"""Search ranking on a small corpus where the right answer is known, on both backends."""

import pytest

from pipeline.store import load_records, open_store
from pipeline.store.search import search
from tests.pipeline.store_helpers import official, record

# The right answers are the oldest articles, so that newest-first could not put them first.
SECRETARY = "Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy, chủ trì hội nghị tổng kết công tác."
DEPUTY = "Đồng chí Trần Thị Hoa, Phó Bí thư Thường trực Tỉnh ủy, phát biểu."
DISTRICT = "Đồng chí Lê Văn Bình, Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Huyện ủy, dự lễ."
UNRELATED = "Một cán bộ xã bị kỷ luật vì chậm trả lời thư của người dân."
ABOUT_SECRETARY = "Bí thư chi bộ thôn vận động nhân dân hiến đất làm đường."
NAMED = "Đồng chí Lê Văn Thành, Chủ tịch UBND huyện, kiểm tra tiến độ."
NAMESAKE = "Đồng chí Nguyễn Văn Lê, Chủ tịch UBND thành phố, tiếp đoàn."


@pytest.fixture
def engine(db_url):
    engine = open_store(db_url, create=True)
    doc = {
        "type": "document",
        "code": "12-KH/TU",
        "number": "12",
        "doc_type": "Kế hoạch",
        "issuer": "TU",
        "date": None,
        "title": "học tập tấm gương đồng chí Lê Văn Thành",
        "span": "12-KH/TU",
    }
    records = [
        record("secretary", SECRETARY, [official("Nguyễn Văn An", "Bí thư Tỉnh ủy")], published="2019-01-01"),
        record("deputy", DEPUTY, [official("Trần Thị Hoa", "Phó Bí thư Thường trực Tỉnh ủy")], published="2023-01-01"),
        record("district", DISTRICT, [official("Lê Văn Bình", "Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Huyện ủy")], published="2024-01-01"),
        record("about", ABOUT_SECRETARY, published="2018-01-01"),
        record("unrelated", UNRELATED, published="2024-06-01"),
        record("named", NAMED, [official("Lê Văn Thành", "Chủ tịch UBND huyện")], published="2017-01-01"),
        record("namesake", NAMESAKE, [official("Nguyễn Văn Lê", "Chủ tịch UBND thành phố")], published="2024-02-01"),
        record("plan", "Ban Thường vụ ban hành Kế hoạch số 12-KH/TU học tập tấm gương đồng chí Lê Văn Thành.", [doc], published="2025-01-01"),
    ]
    list(load_records(engine, records, "test"))
    return engine


def _ids(hits):
    return [h["article_id"] for h in hits]


def test_search_ranking_a_title_equal_to_the_query_comes_before_deputies_and_other_committees(engine):
    hits = search(engine, "bi thu tinh uy", kind="official")
    assert _ids(hits)[0] == "secretary" and set(_ids(hits)) == {"secretary", "deputy", "district"}
    assert hits.total == 3


def test_search_ranking_adjacent_words_come_before_words_apart(engine):
    # `bị ... thư` in the newest article is not `bí thư`
    hits = search(engine, "bi thu", kind="article")
    assert _ids(hits)[-1] == "unrelated" and "about" in _ids(hits)


def test_search_ranking_a_name_finds_the_person_first_not_its_syllables(engine):
    hits = search(engine, "le van thanh")
    assert (hits.rows[0]["kind"], hits.rows[0]["article_id"]) == ("official", "named")
    # the syllables apart (Nguyễn Văn Lê ... thành phố) come after every hit holding the name
    assert [h["article_id"] for h in hits.rows[-2:]] == ["namesake", "namesake"]


def test_search_ranking_limit_and_total(engine):
    hits = search(engine, "dong chi", limit=2)
    assert len(hits) == 2 and hits.total > 2
    everything = search(engine, "dong chi", limit=None)
    assert len(everything) == everything.total == hits.total
    assert search(engine, "khong co tu nay").total == 0


def test_search_ranking_the_count_stops_at_its_cap_and_says_so(engine, monkeypatch):
    from pipeline import settings

    assert not search(engine, "dong chi", limit=2).more
    monkeypatch.setattr(settings, "SEARCH_COUNT_ROWS", 2)
    capped = search(engine, "dong chi", limit=1)
    assert capped.more and capped.total >= 2 and len(capped) == 1
