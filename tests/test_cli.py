import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli.main import main
from tests.helpers import windows_1258

ROOT = Path(__file__).resolve().parents[1]
PAGE = "Tin tức\n\nKết nạp đảng viên mới\n\nNăm 2024, Đảng bộ xã đã kết nạp 12 đảng viên mới, đạt 120% kế hoạch.\n"


def _run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result


def _records(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_cli_extract_bad_inputs_give_error_records_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(PAGE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.html").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    out = tmp_path / "out.jsonl"
    result = _run("extract", tmp_path, "--out", out)
    assert result.exit_code == 0, result.output
    records = {r["article_id"]: r for r in _records(out)}
    assert set(records) == {"good", "empty", "junk", "gone"}
    assert "error" not in records["good"] and records["good"]["facts"]
    for name in ("empty", "junk", "gone"):
        assert name in records[name]["error"] or records[name]["source"] in records[name]["error"]


def test_cli_extract_exits_non_zero_only_when_every_file_failed(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = _run("extract", tmp_path / "empty.txt", "--out", tmp_path / "out.jsonl")
    assert result.exit_code == 1
    assert "0 of 1 articles" in result.output


def test_cli_extract_reads_windows_1258(tmp_path):
    page = tmp_path / "cp.txt"
    page.write_bytes(windows_1258(PAGE))
    out = tmp_path / "out.jsonl"
    assert _run("extract", page, "--out", out).exit_code == 0
    (record,) = _records(out)
    assert "error" not in record
    assert "kết nạp 12 đảng viên mới" in record["text"]


def test_cli_extract_workers_give_the_same_records(tmp_path):
    seeds = sorted((ROOT / "corpus").glob("*.txt"))[:3]
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert _run("extract", *seeds, "--out", one).exit_code == 0
    assert _run("extract", *seeds, "--out", two, "--workers", "2").exit_code == 0
    assert _records(one) == _records(two)


def test_cli_extract_no_input_files_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code != 0
    assert "no .html, .htm or .txt files" in result.output


def test_cli_evaluate_prints_a_row_per_type(tmp_path):
    gold = ROOT / "annotations" / "gold"
    out = tmp_path / "out.jsonl"
    _run("extract", *sorted((ROOT / "corpus").glob("*.txt")), "--out", out)
    result = _run("evaluate", gold, out, "--misses")
    assert result.exit_code == 0
    for kind in ("official", "document", "count", "percentage", "overall"):
        assert re.search(rf"^{kind}\s+\d+\s+\d+\s+\d+\s+[\d.]+", result.output, re.M), kind
    assert "MISSED" in result.output


@pytest.mark.parametrize("command", sorted(main.commands))
def test_cli_every_command_has_help_and_is_in_the_readme(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.output
    assert f"vnfacts {command}" in (ROOT / "README.md").read_text(encoding="utf-8")
