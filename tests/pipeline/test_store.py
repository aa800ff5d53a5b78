import os
import signal
import subprocess
import sys
import time
from datetime import datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import delete, func, select, text, update
from sqlalchemy.exc import DBAPIError

from pipeline.errors import StoreError
from pipeline.store import (
    articles,
    database_url,
    fact_id,
    facts,
    load_records,
    merge_names,
    metadata,
    open_store,
    search_key,
)
from tests.pipeline.store_helpers import ROOT, corpus_records, official, record, snapshot


@pytest.fixture(scope="module")
def corpus():
    return corpus_records()


def _load(engine, records):
    return [count for _, count in load_records(engine, records, "test")]


def test_a_migrated_database_is_the_schema_derived_from_the_fact_dataclasses(db_url):
    engine = open_store(db_url, create=True)
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    # the search machinery (FTS5 tables; PostgreSQL's text vector columns and GIN indexes) is the migration's own
    declared = set(metadata.tables) | {i.name for t in metadata.tables.values() for i in t.indexes}
    own = [d for d in diffs if d[0] in ("remove_table", "remove_index") and d[1].name not in declared]
    own += [d for d in diffs if d[0] == "remove_column" and d[3].name in ("search_exact", "search_fold")]
    assert [d for d in diffs if d not in own] == []
    assert {"official_person", "document_code", "count_value", "percentage_target"} <= set(facts.c.keys())


def test_loading_the_same_records_twice_changes_nothing(db_url, corpus):
    engine = open_store(db_url, create=True)
    first = _load(engine, corpus)
    assert sum(c or 0 for c in first) == sum(len(r["facts"]) for r in corpus)
    before = snapshot(engine)
    assert _load(engine, corpus) == [None] * len(corpus)
    assert snapshot(engine) == before
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(facts)).scalar() == sum(len(r["facts"]) for r in corpus)


def test_an_article_twice_in_one_batch_ends_as_its_last_version_alone(db_url, tmp_path):
    text_ = "Ông Lê Văn B, Chủ tịch. Bà Trần Thị C, Phó Chủ tịch."
    first = record("a9", text_, [official("Lê Văn B", "Chủ tịch")])
    last = record("a9", text_, [official("Trần Thị C", "Phó Chủ tịch")])
    failed = {"article_id": "bad", "source": "bad.html", "error": "binary file"}
    engine = open_store(db_url, create=True)
    assert [c for _, c in load_records(engine, [first, failed, last, record("a8", "", [])], "test", batch=10)] == [1, None, 1, None]
    alone = open_store(f"sqlite:///{tmp_path / 'alone.db'}", create=True)
    _load(alone, [last])
    assert snapshot(engine) == snapshot(alone)


def test_fact_ids_locate_a_fact_and_survive_a_corrected_value(db_url):
    text_ = "Đồng chí Bùi Văn A, Bí thư Tỉnh ủy. Đồng chí Bùi Văn A dự họp."
    engine = open_store(db_url, create=True)
    _load(engine, [record("a1", text_, [official("Bùi Văn A", "Bí thư")])])
    with engine.connect() as conn:
        (first,) = conn.execute(select(facts.c.fact_id)).scalars()
    assert first == fact_id("a1", "official", text_, text_.index("Bùi Văn A"), text_.index("Bùi Văn A") + 9)
    _load(engine, [record("a1", text_, [official("Bùi Văn A", "Phó Bí thư")])])
    with engine.connect() as conn:
        assert conn.execute(select(facts.c.fact_id, facts.c.official_title)).all() == [(first, "Phó Bí thư")]
    second = text_.index("Bùi Văn A", 20)
    assert fact_id("a1", "official", text_, second, second + 9) != first


def _review(engine, fact, status="accepted"):
    with engine.begin() as conn:
        conn.execute(update(facts).where(facts.c.fact_id == fact).values(review_status=status, reviewed_at=datetime(2025, 1, 1)))


def test_re_extraction_replaces_pending_facts_and_keeps_reviewed_ones(db_url):
    text_ = "Ông Lê Văn B, Chủ tịch. Bà Trần Thị C, Phó Chủ tịch. Ông Vũ D, Ủy viên."
    b, c, d = official("Lê Văn B", "Chủ tịch"), official("Trần Thị C", "Phó Chủ tịch"), official("Vũ D", "Ủy viên")
    engine = open_store(db_url, create=True)
    _load(engine, [record("a2", text_, [b, c])])
    with engine.connect() as conn:
        ids = dict(conn.execute(select(facts.c.official_person, facts.c.fact_id)).all())
    _review(engine, ids["Lê Văn B"])
    # the extractor now reads B with another title, drops C and finds D
    _load(engine, [record("a2", text_, [{**b, "title": "Bí thư"}, d])])
    with engine.connect() as conn:
        rows = conn.execute(select(facts.c.official_person, facts.c.official_title, facts.c.review_status).order_by(facts.c.official_person)).all()
    assert rows == [("Lê Văn B", "Chủ tịch", "accepted"), ("Vũ D", "Ủy viên", "pending")]


def test_the_store_refuses_to_delete_or_rewrite_a_reviewed_fact(db_url):
    text_ = "Ông Lê Văn B, Chủ tịch."
    engine = open_store(db_url, create=True)
    _load(engine, [record("a3", text_, [official("Lê Văn B", "Chủ tịch")])])
    with engine.connect() as conn:
        fact = conn.execute(select(facts.c.fact_id)).scalar_one()
    _review(engine, fact)
    for statement in (
        delete(facts).where(facts.c.fact_id == fact),
        update(facts).where(facts.c.fact_id == fact).values(official_title="Bí thư"),
        delete(articles).where(articles.c.article_id == "a3"),
    ):
        with pytest.raises(DBAPIError, match="reviewed fact"):
            with engine.begin() as conn:
                conn.execute(statement)
    # a review (a new reviewed_at) may correct it
    with engine.begin() as conn:
        conn.execute(update(facts).where(facts.c.fact_id == fact).values(official_title="Bí thư", reviewed_at=datetime(2025, 2, 1)))
    with engine.connect() as conn:
        assert conn.execute(select(facts.c.official_title, facts.c.review_status)).one() == ("Bí thư", "accepted")


def test_the_directory_merges_spellings_only_when_safe(db_url):
    text_ = "Ông Nguyễn Văn Hùng, Bí thư. Ông Nguyễn Hùng dự. Bà Lê Thị Mai, Phó Bí thư. Bà Lê Mai dự. Bà Lê Thanh Mai dự."
    engine = open_store(db_url, create=True)
    facts_ = [
        official("Nguyễn Văn Hùng", "Bí thư", organization="Tỉnh ủy"),
        official("Nguyễn Hùng", "Bí thư", organization="Tỉnh ủy"),
        official("Lê Thị Mai", "Phó Bí thư"),
        official("Lê Mai", "Phó Bí thư"),
        official("Lê Thanh Mai", "Ủy viên", span="Lê Thanh Mai"),
    ]
    _load(engine, [record("a4", text_, facts_, published="2019-05-01"), record("a5", text_, facts_[:2], published="2023-05-01")])
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT person, title, organization, first_seen, last_seen, articles FROM official_directory ORDER BY person, title")).all()
    people = {(r.person, r.title): r for r in rows}
    hung = people[("Nguyễn Văn Hùng", "Bí thư")]
    assert hung.articles == 2 and str(hung.first_seen).startswith("2019-05-01") and str(hung.last_seen).startswith("2023-05-01")
    assert ("Nguyễn Hùng", "Bí thư") not in people
    # Lê Mai could be Lê Thị Mai or Lê Thanh Mai: not merged
    assert ("Lê Mai", "Phó Bí thư") in people and ("Lê Thị Mai", "Phó Bí thư") in people


def test_merge_names_folds_case_look_alikes_honorifics_and_unmarked_spellings():
    merged = merge_names(["Nguyễn Đức Quang", "NGUYỄN ĐỨC QUANG", "Nguyễn Ðức Quang", "ông Nguyễn Đức Quang", "Nguyen Duc Quang", "Nguyễn Quang"])
    assert set(merged.values()) == {"Nguyễn Đức Quang"}
    assert merge_names(["Lê Văn Hà", "Lê Văn Hạ", "Le Van Ha"])["Le Van Ha"] == "Le Van Ha"


def test_the_registry_lists_a_code_with_every_citing_article(db_url):
    doc = {"type": "document", "code": "04-NQ/TU", "number": "04", "doc_type": "Nghị quyết", "issuer": "TU", "date": "2016-05-23", "title": None, "span": "04-NQ/TU"}
    engine = open_store(db_url, create=True)
    _load(engine, [record(f"d{i}", f"Thực hiện Nghị quyết số 04-NQ/TU, bài {i}.", [doc], published=f"202{i}-01-01") for i in range(3)])
    with engine.connect() as conn:
        (row,) = conn.execute(text("SELECT code, doc_type, issuer, date, articles FROM document_registry")).all()
        cited = conn.execute(text("SELECT article_id FROM document_citations WHERE code = '04-NQ/TU' ORDER BY article_id")).scalars().all()
    assert tuple(row) == ("04-NQ/TU", "Nghị quyết", "TU", "2016-05-23", 3)
    assert cited == ["d0", "d1", "d2"]


def test_records_infer_province_source_and_hashes(db_url, corpus):
    engine = open_store(db_url, create=True)
    _load(engine, corpus)
    with engine.connect() as conn:
        rows = {r.article_id: r for r in conn.execute(select(articles))}
    assert rows["dev_01"].province == "Thái Nguyên"
    assert rows["vnexpress_kinh_doanh"].published == datetime(2023, 11, 2, 19, 20, 45)
    assert len(rows["dev_01"].content_hash) == 64


def test_bad_inputs_are_named_errors(tmp_path):
    with pytest.raises(StoreError, match="no database here"):
        open_store(tmp_path / "missing.db")
    with pytest.raises(StoreError, match="nosuch:.*cannot use this database"):
        open_store("nosuch://")


def test_database_urls_and_search_keys():
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("x.db").startswith("sqlite:////")
    assert search_key("ĐẢNG viên Ðảng hoà") == "dang vien dang hoa"


def _synthetic(path, corpus, copies):
    """`copies` renamed copies of the corpus records, as one JSON Lines file."""
    import json

    with path.open("w", encoding="utf-8") as out:
        for i in range(copies):
            for r in corpus:
                if "error" in r:
                    continue
                facts_ = [{**f, "article_id": f"{r['article_id']}~{i}"} for f in r["facts"]]
                out.write(json.dumps({**r, "article_id": f"{r['article_id']}~{i}", "facts": facts_}, ensure_ascii=False) + "\n")


def _vnfacts(*args):
    return [sys.executable, "-c", "from pipeline.cli.main import main; main()", *map(str, args)]


def test_a_load_killed_mid_way_and_run_again_ends_like_an_uninterrupted_one(db_url, corpus, tmp_path, request):
    big = tmp_path / "big.jsonl"
    _synthetic(big, corpus, 60)
    total = sum(1 for _ in big.open(encoding="utf-8"))
    if db_url.startswith("sqlite"):
        whole = f"sqlite:///{tmp_path / 'whole.db'}"
    else:
        whole = request.getfixturevalue("db_url_2")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(_vnfacts("load", big, "--db", db_url), env=env, stderr=subprocess.DEVNULL)
    engine = None
    loaded = 0
    while process.poll() is None and loaded < total // 3:
        time.sleep(0.05)
        try:
            engine = engine or open_store(db_url)
            with engine.connect() as conn:
                loaded = conn.execute(select(func.count()).select_from(articles)).scalar()
        except (StoreError, DBAPIError):
            continue
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    engine = open_store(db_url)
    with engine.connect() as conn:
        assert 0 < conn.execute(select(func.count()).select_from(articles)).scalar() < total, "the kill came too late to test anything"
    assert subprocess.run(_vnfacts("load", big, "--db", db_url), env=env, capture_output=True).returncode == 0
    assert subprocess.run(_vnfacts("load", big, "--db", whole), env=env, capture_output=True).returncode == 0
    assert snapshot(engine) == snapshot(open_store(whole))
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(articles)).scalar() == total
        if engine.dialect.name == "sqlite":
            for fts in ("article_fts", "fact_fts"):
                conn.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')"))
