"""The commands under careless input: each ends in a one-line error or a counted failure, never a traceback or a hang."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli.main import main
from pipeline.crawl.archive import archive_response, close_archive, open_archive
from pipeline.crawl.fetch import Fetched

ROOT = Path(__file__).resolve().parents[1]
VNFACTS = os.path.join(os.path.dirname(sys.executable), "vnfacts")
PAGE = "Kết nạp đảng viên mới\n\nNăm 2024, Đảng bộ xã đã kết nạp 12 đảng viên mới, đạt 120% kế hoạch.\n"


def _run(*args: object):
    """The command run in this process; a traceback fails the test."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def _lines(path: Path) -> list[dict]:
    """The JSON lines of a file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_extract_survives_a_pipe_a_device_a_huge_file_an_unreadable_file_and_a_file_name_that_is_not_utf8(tmp_path):
    (tmp_path / "good.txt").write_text(PAGE, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # nobody writes to it: opening it would wait for ever
    (tmp_path / "huge.txt").write_bytes(b"x" * 30_000_000)  # one 30 MB line
    latin = os.fsencode(tmp_path) + b"/b\xe1o.txt"
    with open(latin, "wb") as stream:
        stream.write(PAGE.encode("utf-8"))
    out = tmp_path / "out" / "records.jsonl"
    unreadable = "/proc/self/mem"  # a regular file no one, root included, can read from its start
    args = [VNFACTS, "extract", tmp_path / "good.txt", tmp_path / "pipe.txt", "/dev/zero", tmp_path / "huge.txt", latin, unreadable, "--out", out]
    run = subprocess.run([os.fsencode(a) if not isinstance(a, bytes) else a for a in args], capture_output=True, timeout=300)
    assert run.returncode == 0 and b"Traceback" not in run.stderr, run.stderr.decode(errors="replace")
    records = {r["article_id"]: r for r in _lines(out)}
    assert set(records) == {"good", "pipe", "zero", "huge", "b\\xe1o", "mem"}
    assert "cannot be read" in records["mem"]["error"]
    assert "not a regular file" in records["pipe"]["error"] and "not a regular file" in records["zero"]["error"]
    assert "READ_MAX_BYTES" in records["huge"]["error"]
    assert "error" not in records["b\\xe1o"] and records["b\\xe1o"]["facts"]
    assert b"2 of 6 articles extracted" in run.stderr


def test_extract_cuts_a_long_text_at_text_max_chars_and_notes_it(tmp_path, monkeypatch):
    from pipeline import settings

    monkeypatch.setattr(settings, "TEXT_MAX_CHARS", 2000)  # TEXT_MAX_CHARS, shortened
    line = " ".join(f"Năm {1900 + i}, Đảng bộ xã số {i} đã kết nạp {i + 3} đảng viên mới." for i in range(200))
    (tmp_path / "long.txt").write_text(line, encoding="utf-8")  # one line of about 12,000 characters
    out = tmp_path / "r.jsonl"
    assert _run("extract", tmp_path / "long.txt", "--out", out).exit_code == 0
    record = _lines(out)[0]
    assert len(record["text"]) == 2000 and any("text cut at 2000" in note for note in record["notes"])
    assert all(0 <= f["start"] < f["end"] <= 2000 for f in record["facts"])


def test_extract_refuses_to_write_over_its_input_and_files_that_would_be_one_article(tmp_path):
    page = tmp_path / "f.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = _run("extract", page, "--out", page)
    assert result.exit_code == 1 and "is one of the input files" in result.output and page.read_text(encoding="utf-8") == PAGE
    for a, b in (("a/index.txt", "b/index.txt"), ("x.html", "x.txt")):
        for name in (a, b):
            (tmp_path / name).parent.mkdir(exist_ok=True)
            (tmp_path / name).write_text(PAGE, encoding="utf-8")
        result = _run("extract", tmp_path / a, tmp_path / b, "--out", tmp_path / "o.jsonl")
        assert result.exit_code == 1 and "would both be article" in result.output and len(result.output.strip().splitlines()) == 1


def _record(article_id: str = "a1", **changes) -> dict:
    """A small storable record with one count fact over "12 đảng viên mới"."""
    text = PAGE
    start = text.index("12 đảng viên")
    fact = {
        "type": "count",
        "value": 12,
        "unit": "đảng viên mới",
        "category": "members",
        "subject": "Đảng bộ xã",
        "change": "admitted",
        "start": start,
        "end": start + len("12 đảng viên mới"),
        "sentence": text.splitlines()[2],
        "extractor": "counts@1.1.0",
        "confidence": 0.9,
    }
    return {"article_id": article_id, "source": f"corpus/{article_id}.txt", "text": text, "facts": [fact], **changes}


@pytest.mark.parametrize(
    ("records", "said"),
    [
        ([_record(), _record()], "article id 'a1' repeats line 1"),
        ([_record(facts="x")], "'facts' must be a list of facts, not str"),
        ([_record(facts=[{**_record()["facts"][0], "start": 40, "end": 30}])], "span 40..30 is reversed or outside the text"),
        ([_record(facts=[{**_record()["facts"][0], "start": 40, "end": 4000}])], "span 40..4000 is reversed or outside the text"),
    ],
    ids=["repeated-id", "facts-not-a-list", "reversed-span", "span-outside"],
)
def test_load_refuses_a_file_with_a_bad_record_naming_its_line_and_stores_nothing(records, said, tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    result = _run("load", path, "--db", tmp_path / "v.db")
    assert result.exit_code == 1 and said in result.output and f"{path}:" in result.output
    assert not (tmp_path / "v.db").exists()


def test_commands_that_read_a_database_refuse_one_that_does_not_exist(tmp_path):
    missing = tmp_path / "typo.db"
    batch = tmp_path / "b.jsonl"
    batch.write_text("", encoding="utf-8")
    for args in (
        ["review", "stats", "--db", missing],
        ["review", "export", "--out", tmp_path / "x.jsonl", "--db", missing],
        ["review", "import", batch, "--db", missing],
        ["review", "html", batch, "--out", tmp_path / "pages", "--db", missing],
        ["evaluate", "--from-reviews", "--db", missing],
        ["search", "dang", "--db", missing],
    ):
        result = _run(*args)
        assert result.exit_code == 1 and "no database here" in result.output, (args, result.output)
        assert not missing.exists()


@pytest.fixture
def db(tmp_path) -> Path:
    """A database holding one article with one fact."""
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(_record(), ensure_ascii=False) + "\n", encoding="utf-8")
    assert _run("load", path, "--db", tmp_path / "v.db").exit_code == 0
    return tmp_path / "v.db"


def test_review_import_refuses_non_finite_and_huge_corrected_values(db, tmp_path):
    batch = tmp_path / "batch.jsonl"
    assert _run("review", "export", "--out", batch, "--db", db).exit_code == 0
    line = _lines(batch)[0]
    for value in ("NaN", "Infinity", str(2**70)):
        text = json.dumps({**line, "status": "corrected", "reviewer": "lan"}).replace('"corrected": null', f'"corrected": {{"value": {value}}}')
        (tmp_path / "bad.jsonl").write_text(text + "\n", encoding="utf-8")
        result = _run("review", "import", tmp_path / "bad.jsonl", "--db", db)
        assert result.exit_code == 1 and "bad.jsonl:1: field 'value' must be" in result.output and "nothing imported" in result.output


def test_review_html_refuses_a_crafted_status(db, tmp_path):
    batch = tmp_path / "batch.jsonl"
    assert _run("review", "export", "--out", batch, "--db", db).exit_code == 0
    crafted = {**_lines(batch)[0], "status": '"><script>alert(1)</script>'}
    batch.write_text(json.dumps(crafted) + "\n", encoding="utf-8")
    result = _run("review", "html", batch, "--out", tmp_path / "pages", "--db", db)
    assert result.exit_code == 1 and "batch.jsonl:1: unknown review status" in result.output and not (tmp_path / "pages").exists()


def test_search_refuses_a_huge_limit_and_an_out_it_cannot_write(db, tmp_path):
    result = _run("search", "dang", "--limit", 2**63, "--db", db)
    assert result.exit_code == 2 and "--limit" in result.output
    (tmp_path / "file").write_text("", encoding="utf-8")
    result = _run("search", "dang", "--out", tmp_path / "file" / "hits.csv", "--db", db)
    assert result.exit_code == 1 and "cannot write the hits" in result.output and len(result.output.strip().splitlines()) == 1


def test_schedule_refuses_a_bad_cron_and_time_zone_in_one_line():
    for args, said in ((["--cron", "bogus"], 'Invalid cron string: "bogus"'), (["--timezone", "Mars/Olympus"], 'Invalid timezone: "Mars/Olympus"')):
        result = _run("schedule", *args)
        assert result.exit_code == 1 and said in result.output and len(result.output.strip().splitlines()) == 1


def test_reprocess_skips_a_file_that_is_not_a_warc_and_reads_the_others(tmp_path):
    archive = open_archive(tmp_path / "archive", 1)
    page = (ROOT / "corpus").glob("html/**/*.html").__next__().read_bytes()
    archive_response(archive, Fetched("http://h.vn/a-1.html", "http://h.vn/a-1.html", 200, {"Content-Type": "text/html"}, page), "h", "article")
    close_archive(archive)
    (tmp_path / "archive" / "aaa-junk.warc.gz").write_bytes(b"junk, not a WARC")
    result = _run("reprocess", "--archive", tmp_path / "archive", "--db", tmp_path / "v.db")
    assert result.exit_code == 0, result.output
    assert "aaa-junk.warc.gz: not a readable WARC file" in result.output and "1 archived articles" in result.output
