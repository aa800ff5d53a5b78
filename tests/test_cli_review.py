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


def _invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_cli_review_in_place_correction_with_reviewer_option_and_status_pages(tmp_path):
    import json

    from tests.pipeline.test_review import _statuses, _store

    db = tmp_path / "v.db"
    engine = _store(f"sqlite:///{db}")
    batch = tmp_path / "batch.jsonl"
    assert _invoke("review", "export", "--out", batch, "--db", db).exit_code == 0
    lines = [json.loads(line) for line in batch.read_text(encoding="utf-8").splitlines()]
    lines[2].update(value=121, status="corrected")  # edited in place, no reviewer in the file
    lines[0].update(status="accepted")
    batch.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    refused = _invoke("review", "import", batch, "--db", db)
    assert refused.exit_code == 1 and "needs a reviewer" in refused.output
    result = _invoke("review", "import", batch, "--reviewer", "lan", "--db", db)
    assert result.exit_code == 0 and "2 decisions: 2 imported" in result.output
    assert _statuses(engine)["120 đảng viên"] == "corrected"
    assert _invoke("review", "export", "--out", batch, "--db", db).exit_code == 0
    pages = _invoke("review", "html", batch, "--out", tmp_path / "pages", "--db", db)
    assert pages.exit_code == 0
    index = (tmp_path / "pages" / "index.html").read_text(encoding="utf-8")
    assert "3 facts: 1 not reviewed yet, 1 accepted, 1 corrected" in index


def test_cli_review_labelstudio_export_ships_its_labelling_config(tmp_path):
    from tests.pipeline.test_review import _store

    db = tmp_path / "v.db"
    _store(f"sqlite:///{db}")
    result = _invoke("review", "export", "--format", "labelstudio", "--out", tmp_path / "tasks.json", "--db", db)
    assert result.exit_code == 0 and f"labelling config written to {tmp_path / 'tasks.labelconfig.xml'}" in result.output
    assert '<Labels name="label" toName="text">' in (tmp_path / "tasks.labelconfig.xml").read_text(encoding="utf-8")
    counts = tmp_path / "counts.csv"
    assert _invoke("review", "export", "--type", "count", "--out", counts, "--db", db).exit_code == 0
    header = counts.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert "value" in header and "person" not in header


@pytest.mark.parametrize("command", [["search"], ["browse"], *(["review", c] for c in ("export", "import", "stats", "html"))])
def test_cli_help_examples_are_one_command_a_line(command):
    output = CliRunner().invoke(main, [*command, "--help"]).output
    examples = output.split("Example:", 1)[1].split("Options:", 1)[0]
    commands = [line.strip() for line in examples.splitlines() if line.strip()]
    assert commands and all(line.startswith("vnfacts ") and line.count("vnfacts ") == 1 for line in commands)
