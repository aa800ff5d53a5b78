import asyncio
import csv
import io
import json

import pytest
from click.testing import CliRunner

from pipeline.cli.main import main
from tests.pipeline.store_helpers import ROOT, official, record

SEEDS = sorted((ROOT / "corpus").glob("*.txt"))


def _run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def loaded(db_url, tmp_path):
    """A database holding the seed pages, stored by `vnfacts extract --db`."""
    result = _run("extract", *SEEDS, "--db", db_url)
    assert result.exit_code == 0, result.output
    return db_url


def test_extract_db_stores_records_and_load_of_the_same_records_changes_nothing(loaded, tmp_path):
    out = tmp_path / "records.jsonl"
    assert _run("extract", *SEEDS, "--out", out).exit_code == 0
    result = _run("load", out, "--db", loaded)
    assert result.exit_code == 0, result.output
    assert f"{len(SEEDS)} records, 0 articles changed, 0 facts written" in result.output


def test_search_prints_hits_with_sentence_and_source_in_every_format(loaded, tmp_path):
    table = _run("search", "dang vien", "--province", "Bac Ninh", "--db", loaded)
    assert table.exit_code == 0, table.output
    assert table.stdout.splitlines()[0].split()[:3] == ["kind", "published", "province"]
    assert "Bắc Ninh" in table.output and "corpus/" in table.output
    lines = _run("search", "--type", "document", "--code", "04-NQ/TU", "--format", "json", "--db", loaded).stdout.splitlines()
    hits = [json.loads(line) for line in lines]
    assert hits and all(h["document_code"] == "04-NQ/TU" and "04-NQ/TU" in h["sentence"] and h["url"] for h in hits)
    rows = list(csv.DictReader(io.StringIO(_run("search", "Phó Bí thư", "--type", "official", "--format", "csv", "--db", loaded).stdout)))
    assert rows and all(r["kind"] == "official" and r["official_person"] for r in rows)
    parquet = tmp_path / "hits.parquet"
    assert _run("search", "--type", "count", "--format", "parquet", "--out", parquet, "--db", loaded).exit_code == 0
    import pyarrow.parquet as pq

    counted = _run("search", "--type", "count", "--limit", "0", "--format", "json", "--db", loaded)
    # into a file, every hit by default
    assert pq.read_table(parquet).num_rows == len(counted.stdout.splitlines()) > 20


def test_search_out_takes_its_format_from_the_suffix_and_refuses_a_mismatch(loaded, tmp_path):
    result = _run("search", "--type", "document", "--out", tmp_path / "hits.csv", "--db", loaded)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader((tmp_path / "hits.csv").open(encoding="utf-8")))
    assert rows and rows[0]["kind"] == "document" and f"{len(rows)} of {len(rows)} hits written to" in result.output
    assert _run("search", "--type", "document", "--out", tmp_path / "hits.jsonl", "--db", loaded).exit_code == 0
    assert json.loads((tmp_path / "hits.jsonl").read_text(encoding="utf-8").splitlines()[0])["kind"] == "document"
    mismatch = _run("search", "--format", "json", "--out", tmp_path / "hits.csv", "--db", loaded)
    assert mismatch.exit_code == 1 and "holds csv, not json" in mismatch.output
    unknown = _run("search", "--out", tmp_path / "hits.xyz", "--db", loaded)
    assert unknown.exit_code == 1 and "give --format" in unknown.output


def test_search_limit_counts_and_no_hits(loaded):
    shown = _run("search", "--type", "count", "--format", "json", "--db", loaded)
    total = _run("search", "--type", "count", "--limit", "0", "--format", "json", "--db", loaded)
    assert len(shown.stdout.splitlines()) == 20 and f"20 of {len(total.stdout.splitlines())} hits" in shown.stderr
    assert "--limit" in _run("search", "--help").output
    none = _run("search", "khongcotunay", "--db", loaded)
    assert none.exit_code == 0 and none.stdout == "" and "no hits" in none.stderr


def test_search_codes_match_in_any_case(loaded):
    upper = _run("search", "--code", "04-NQ/TU", "--format", "json", "--db", loaded).stdout
    lower = _run("search", "--code", "04-nq/tu", "--format", "json", "--db", loaded).stdout
    assert upper and lower == upper


def test_search_table_fits_the_terminal_and_gives_urls_whole(loaded):
    result = CliRunner(env={"COLUMNS": "80"}).invoke(main, ["search", "dang vien", "--db", loaded])
    lines = result.stdout.splitlines()
    rows, urls = lines[1::2], lines[2::2]
    assert rows and all(len(line) <= 80 for line in [lines[0], *rows])
    hits = [json.loads(line) for line in _run("search", "dang vien", "--format", "json", "--db", loaded).stdout.splitlines()]
    assert [u.strip() for u in urls] == [h["url"] for h in hits] and all(len(u) > 40 for u in urls)
    wide = CliRunner(env={"COLUMNS": "80"}).invoke(main, ["search", "dang vien", "--wide", "--db", loaded]).stdout.splitlines()
    assert len(wide) == len(rows) + 1 and any(len(line) > 80 for line in wide)


def test_search_window_shows_the_part_of_the_sentence_around_the_fact():
    from pipeline.store.export import window

    sentence = "Đầu câu rất dài " * 10 + "kết nạp 12 đảng viên mới" + " cuối câu" * 10
    shown = window(sentence, "12 đảng viên mới", 40)
    assert len(shown) == 40 and "12 đảng viên mới" in shown and shown.startswith("…") and shown.endswith("…")
    assert window("ngắn", "ngắn", 40) == "ngắn"


def test_search_without_a_database_says_how_to_make_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = _run("search", "dang")
    assert result.exit_code == 1 and "(vnfacts load RECORDS)" in result.output and "None" not in result.output


def test_load_names_the_bad_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(record("ok", "Ông Lê Văn B, Chủ tịch.")) + "\n{oops\n", encoding="utf-8")
    result = _run("load", bad, "--db", tmp_path / "x.db")
    assert result.exit_code == 1 and "bad.jsonl:2: bad JSON" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("args, message", [(['"dang vien'], "no closing"), (["dang", "--since", "20x"], "not a date"), (["--format", "parquet", "--type", "count"], "--out")])
def test_search_errors_are_one_clear_line(loaded, args, message):
    result = _run("search", *args, "--db", loaded)
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output


def test_browse_serves_folded_search_the_directory_and_the_short_facts_view(tmp_path):
    from pipeline.store import load_records, open_store
    from pipeline.store.browse import app

    path = tmp_path / "f.db"
    engine = open_store(path, create=True)
    text_ = "Đồng chí Bùi Hoàng Mai, Phó Bí thư Tỉnh ủy, kết nạp đảng viên mới. Nghị quyết 04-NQ/TU."
    doc = {"type": "document", "code": "04-NQ/TU", "number": "04", "doc_type": "Nghị quyết", "issuer": "TU", "date": None, "title": None, "span": "04-NQ/TU"}
    facts = [official("Bùi Hoàng Mai", "Phó Bí thư", organization="Tỉnh ủy"), doc]
    list(load_records(engine, [record("b1", text_, facts, province="Bắc Ninh")], "test"))
    datasette = app(path)

    async def fetch(url, as_json=True):
        response = await datasette.client.get(url)
        assert response.status_code == 200, url
        return response.json() if as_json else response.text

    # the database is `vnfacts` whatever the file is called
    articles = asyncio.run(fetch("/vnfacts/search_articles.json?q=Đảng+viên&_shape=array"))
    assert [a["article_id"] for a in articles] == ["b1"]
    people = asyncio.run(fetch("/vnfacts/officials_directory.json?person=bui+hoang&_shape=array"))
    # a bare Tỉnh ủy is named with the article's province
    assert [(p["person"], p["title"], p["organization"]) for p in people] == [("Bùi Hoàng Mai", "Phó Bí thư", "Tỉnh ủy Bắc Ninh")]
    registry = asyncio.run(fetch("/vnfacts/documents_registry.json?code=04-nq/tu&_shape=array"))
    assert [r["code"] for r in registry] == ["04-NQ/TU"]
    table = asyncio.run(fetch("/vnfacts/articles.json?_search=dang+vien&_shape=array"))
    assert [a["article_id"] for a in table] == ["b1"]
    listed = asyncio.run(fetch("/vnfacts/fact_list.json?_search=bui+hoang&_shape=array"))
    assert [f["label"] for f in listed] == ["Bùi Hoàng Mai | Phó Bí thư | Tỉnh ủy"] and "official_person" not in listed[0]
    page = asyncio.run(fetch("/vnfacts/fact_list", as_json=False))
    assert "review_status" in page and "2024-01-01 08:00" in page and "08:00:00.000000" not in page
    home = asyncio.run(fetch("/", as_json=False))
    assert all(f"/vnfacts/{name}" in home for name in ("fact_list", "search_facts", "officials_directory", "documents_registry"))


def test_browse_errors_are_clear(db_url, tmp_path):
    if db_url.startswith("postgresql"):
        from pipeline.store import open_store

        open_store(db_url, create=True)
        result = _run("browse", "--db", db_url)
        assert result.exit_code == 1 and "serves SQLite" in result.output
    else:
        result = _run("browse", "--db", tmp_path / "none.db")
        assert result.exit_code == 1 and "no database here" in result.output
