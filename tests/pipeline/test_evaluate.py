import json

import pytest

from pipeline.errors import GoldFileError, RecordsError
from pipeline.evaluate import evaluate, load_gold, load_predictions, matches, secondary_right


def official(person, title, organization=None):
    return {"type": "official", "person": person, "title": title, "organization": organization, "honorific": None}


def count(value, category="members", unit="đảng viên"):
    return {"type": "count", "value": value, "unit": unit, "category": category}


def test_evaluate_perfect_prediction_scores_one():
    gold = {"a": [official("Nguyễn Văn An", "Bí thư", "Huyện ủy"), count(12)]}
    report = evaluate(gold, gold)
    assert report.overall.f1 == 1.0 and report.overall.secondary == 1.0


def test_evaluate_fact_stated_twice_counts_once():
    gold = {"a": [count(12)]}
    report = evaluate(gold, {"a": [count(12), count(12, unit="đảng viên mới")]})
    assert (report.overall.tp, report.overall.pred) == (1, 1)


def test_evaluate_counts_spurious_and_missed():
    report = evaluate({"a": [count(12), count(7)]}, {"a": [count(12), count(99)]})
    score = report.by_type["count"]
    assert (score.tp, score.gold, score.pred) == (1, 2, 2)
    assert score.precision == score.recall == 0.5
    assert [f["value"] for _, f in report.missed] == [7]
    assert [f["value"] for _, f in report.spurious] == [99]


def test_evaluate_ignores_articles_without_gold():
    report = evaluate({"a": [count(1)]}, {"a": [count(1)], "b": [count(5)]})
    assert report.overall.pred == 1


def test_evaluate_matching_folds_case_marks_and_lookalikes():
    gold = {"a": [official("Nguyễn Đức Quang", "Phó Bí thư", "Huyện ủy")]}
    pred = {"a": [official("Nguyễn Ðức  Quang", "phó bí thư", "huyện ủy")]}
    assert evaluate(gold, pred).overall.f1 == 1.0


@pytest.mark.parametrize(
    "gold, pred, expected",
    [
        (official("A B", "Phó Bí thư", "Tỉnh ủy"), official("A B", "Phó Bí thư Tỉnh ủy"), True),
        (official("A B", "Ủy viên Ban Thường vụ Tỉnh ủy"), official("A B", "Ủy viên Ban Thường vụ", "Tỉnh ủy"), True),
        (official("A B", "Phó Bí thư", "Huyện ủy"), official("A B", "Phó Bí thư Tỉnh ủy"), False),
        (official("A B", "Bí thư", "Tỉnh ủy"), official("A C", "Bí thư", "Tỉnh ủy"), False),
        (official("A B", "Bí thư"), official("A B", "Phó Bí thư"), False),
    ],
)
def test_evaluate_official_title_prefix_rule(gold, pred, expected):
    assert matches(gold, pred) is expected


@pytest.mark.parametrize(
    "gold, pred, expected",
    [
        (official("A", "B", "Đảng ủy Khối các cơ quan tỉnh"), official("A", "B", "Đảng ủy Khối các cơ quan tỉnh Thái Nguyên"), True),
        (official("A", "B", None), official("A", "B", None), True),
        (official("A", "B", None), official("A", "B", "Tỉnh ủy"), False),
        ({"type": "document", "date": "2016-05-23"}, {"type": "document", "date": "2016-05"}, False),
        (count(1, unit="đảng viên mới"), count(1, unit="đảng viên"), True),
    ],
)
def test_evaluate_secondary_field_equal_or_containing(gold, pred, expected):
    assert secondary_right(gold, pred) is expected


def test_evaluate_documents_without_code_match_on_type_number_term():
    doc = {"type": "document", "code": None, "number": "18", "doc_type": "Nghị quyết", "plenum": None, "term": "XII", "date": None}
    other_term = dict(doc, term="XI")
    report = evaluate({"a": [doc]}, {"a": [other_term]})
    assert report.overall.tp == 0
    assert evaluate({"a": [doc]}, {"a": [dict(doc)]}).overall.tp == 1


def test_evaluate_percentage_matches_on_value_and_target():
    gold = {"type": "percentage", "value": 83.2, "target": 50, "subject": "tỷ lệ"}
    assert evaluate({"a": [gold]}, {"a": [dict(gold, target=None)]}).overall.tp == 0
    assert evaluate({"a": [gold]}, {"a": [dict(gold, value=83.20, target=50.0)]}).overall.tp == 1


def test_evaluate_bad_gold_json_names_file_and_line(tmp_path):
    (tmp_path / "x.gold.json").write_text('{"id": "x",\n "facts": [oops]}', encoding="utf-8")
    with pytest.raises(GoldFileError, match=r"x\.gold\.json:2"):
        load_gold(tmp_path)


def test_evaluate_bad_prediction_line_names_file_and_line(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"article_id": "a", "facts": []}) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(RecordsError, match=r"p\.jsonl:2"):
        load_predictions(path)


def test_evaluate_unknown_fact_type_is_rejected(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"article_id": "a", "facts": [{"type": "rumour"}]}) + "\n", encoding="utf-8")
    with pytest.raises(GoldFileError, match="known type"):
        load_predictions(path)
