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
    assert table.output.splitlines()[0].split()[:3] == ["kind", "published", "province"]
    assert "Bắc Ninh" in table.output and "corpus/" in table.output
    lines = _run("search", "--type", "document", "--code", "04-NQ/TU", "--format", "json", "--db", loaded).output.splitlines()
    hits = [json.loads(line) for line in lines]
    assert hits and all(h["document_code"] == "04-NQ/TU" and "04-NQ/TU" in h["sentence"] and h["url"] for h in hits)
    rows = list(csv.DictReader(io.StringIO(_run("search", "Phó Bí thư", "--type", "official", "--format", "csv", "--db", loaded).output)))
    assert rows and all(r["kind"] == "official" and r["official_person"] for r in rows)
    parquet = tmp_path / "hits.parquet"
    assert _run("search", "--type", "count", "--format", "parquet", "--out", parquet, "--db", loaded).exit_code == 0
    import pyarrow.parquet as pq

    assert pq.read_table(parquet).num_rows == 20


def test_load_names_the_bad_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(record("ok", "Ông Lê Văn B, Chủ tịch.")) + "\n{oops\n", encoding="utf-8")
    result = _run("load", bad, "--db", tmp_path / "x.db")
    assert result.exit_code == 1 and "bad.jsonl:2: bad JSON" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("args, message", [(['"dang vien'], "no closing"), (["dang", "--since", "20x"], "not a date"), (["--format", "parquet", "--type", "count"], "--out")])
def test_search_errors_are_one_clear_line(loaded, args, message):
    result = _run("search", *args, "--db", loaded)
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output


def test_browse_serves_folded_search_and_the_directory(tmp_path):
    from datasette.app import Datasette

    from pipeline.store import load_records, open_store
    from pipeline.store.browse import metadata, register

    path = tmp_path / "vnfacts.db"
    engine = open_store(path, create=True)
    text_ = "Đồng chí Bùi Hoàng Mai, Phó Bí thư Tỉnh ủy, kết nạp đảng viên mới."
    list(load_records(engine, [record("b1", text_, [official("Bùi Hoàng Mai", "Phó Bí thư", organization="Tỉnh ủy")])], "test"))
    register()
    datasette = Datasette([str(path)], metadata=metadata(path))

    async def fetch(url):
        return (await datasette.client.get(url)).json()

    articles = asyncio.run(fetch("/vnfacts/search_articles.json?q=Đảng+viên&_shape=array"))
    assert [a["article_id"] for a in articles] == ["b1"]
    people = asyncio.run(fetch("/vnfacts/officials_directory.json?person=bui+hoang&_shape=array"))
    assert [(p["person"], p["title"]) for p in people] == [("Bùi Hoàng Mai", "Phó Bí thư")]
    table = asyncio.run(fetch("/vnfacts/articles.json?_search=dang+vien&_shape=array"))
    assert [a["article_id"] for a in table] == ["b1"]


def test_browse_errors_are_clear(db_url, tmp_path):
    if db_url.startswith("postgresql"):
        from pipeline.store import open_store

        open_store(db_url, create=True)
        result = _run("browse", "--db", db_url)
        assert result.exit_code == 1 and "serves SQLite" in result.output
    else:
        result = _run("browse", "--db", tmp_path / "none.db")
        assert result.exit_code == 1 and "no database here" in result.output
