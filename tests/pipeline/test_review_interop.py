import copy
import json
from xml.etree import ElementTree

from sqlalchemy import select

from extractors.schema import FACT_TYPES
from pipeline.review.files import article_texts, export_lines, import_files, write_lines
from pipeline.store import facts
from tests.pipeline.test_review import TEXT, _statuses, _store


def _values(engine):
    with engine.connect() as conn:
        return dict(conn.execute(select(facts.c.span, facts.c.count_value).where(facts.c.type == "count")).all())


def test_review_interop_label_studio_predictions_come_back_as_decisions(db_url, tmp_path):
    engine = _store(db_url)
    lines = export_lines(engine)
    tasks_file = tmp_path / "tasks.json"
    write_lines(lines, tasks_file, "labelstudio", article_texts(engine, ["a1"]))
    (task,) = json.loads(tasks_file.read_text(encoding="utf-8"))
    assert task["data"]["text"] == TEXT and "annotations" not in task
    regions = task["predictions"][0]["result"]
    # the labelling config beside the tasks names what the regions name
    config = ElementTree.parse(tmp_path / "tasks.labelconfig.xml").getroot()
    labels = config.find("Labels")
    assert (labels.get("name"), labels.get("toName")) == (regions[0]["from_name"], regions[0]["to_name"])
    assert config.find("Text").get("value") == "$text" and {label.get("value") for label in labels} == set(FACT_TYPES)
    assert [r["value"]["labels"] for r in regions] == [["official"], ["official"], ["count"]]
    # the reviewer keeps B, deletes C, corrects the count in its meta text and draws D
    kept = copy.deepcopy([regions[0], regions[2]])
    kept[1]["meta"] = {"text": ["value=121"]}
    start = TEXT.index("Vũ D")
    drawn = {
        "id": "new1",
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "meta": {"text": ["person=Vũ D\ntitle=Ủy viên"]},
        "value": {"start": start, "end": start + 4, "text": "Vũ D", "labels": ["official"]},
    }
    task["annotations"] = [{"completed_by": {"id": 3, "email": "lan@example.org"}, "updated_at": "2026-11-21T08:00:00Z", "result": [*kept, drawn]}]
    export = tmp_path / "export.json"
    export.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    assert import_files(engine, [export])["imported"] == 4
    assert _statuses(engine) == {"Lê Văn B": "accepted", "Trần Thị C": "rejected", "120 đảng viên": "corrected", "Vũ D": "added"}
    assert _values(engine) == {"120 đảng viên": 121}
    assert import_files(engine, [export])["imported"] == 0


def test_review_interop_prodigy_answers_come_back_as_decisions(db_url, tmp_path):
    engine = _store(db_url)
    tasks_file = tmp_path / "tasks.jsonl"
    write_lines(export_lines(engine), tasks_file, "prodigy", article_texts(engine, ["a1"]))
    tasks = [json.loads(line) for line in tasks_file.read_text(encoding="utf-8").splitlines()]
    assert tasks[2]["spans"] == [{"start": TEXT.index("120"), "end": TEXT.index("120") + 13, "label": "count"}] and tasks[2]["text"] == TEXT
    for task, answer in zip(tasks, ("accept", "reject", "ignore"), strict=True):
        task.update(answer=answer, _annotator_id="minh", _timestamp=1795000000)
    answers = tmp_path / "answers.jsonl"
    answers.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in tasks), encoding="utf-8")
    assert import_files(engine, [answers])["imported"] == 2
    assert _statuses(engine) == {"Lê Văn B": "accepted", "Trần Thị C": "rejected", "120 đảng viên": "pending"}
