from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli.main import main
from pipeline.cli.review import review
from pipeline.store import open_store

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("command", sorted(review.commands))
def test_cli_review_every_command_has_an_example_and_is_in_the_readme(command):
    result = CliRunner().invoke(main, ["review", command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.output
    assert f"vnfacts review {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_cli_review_evaluate_needs_gold_and_predictions_or_from_reviews():
    result = CliRunner().invoke(main, ["evaluate"])
    assert result.exit_code == 2 and "--from-reviews" in result.output
    assert "vnfacts evaluate --from-reviews" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_cli_review_import_of_a_bad_file_is_a_one_line_error_per_bad_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"status": "accepted"\n', encoding="utf-8")
    open_store(tmp_path / "v.db", create=True).dispose()  # review commands refuse a database that does not exist
    result = CliRunner().invoke(main, ["review", "import", str(bad), "--db", str(tmp_path / "v.db")])
    assert result.exit_code == 1 and f"{bad}:1: bad JSON" in result.output
