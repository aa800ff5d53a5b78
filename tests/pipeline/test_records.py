import pytest

from pipeline.errors import RecordsError
from pipeline.records import read_records


def test_records_read_with_their_line_numbers_skipping_blank_lines(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text('{"article_id": "a"}\n\n{"article_id": "b", "facts": []}\n', encoding="utf-8")
    assert [(n, r["article_id"]) for n, r in read_records(path)] == [(1, "a"), (3, "b")]


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"article_id": "x", "facts": []}\n{oops\n', r"bad\.jsonl:2: bad JSON"),
        ('{"article_id": "x"}\n["a list"]\n', r"bad\.jsonl:2: a record needs an 'article_id'"),
        ('{"title": "no id"}\n', r"bad\.jsonl:1: a record needs an 'article_id'"),
    ],
)
def test_records_a_bad_line_is_named_by_file_and_line(tmp_path, content, message):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(RecordsError, match=message):
        list(read_records(bad))


def test_records_a_missing_file_is_named(tmp_path):
    with pytest.raises(RecordsError, match="gone.jsonl: cannot read"):
        list(read_records(tmp_path / "gone.jsonl"))
