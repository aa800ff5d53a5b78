"""Extract → export → edit as a reviewer would → import → re-extract with a new extractor version → every decision kept."""

import json

from click.testing import CliRunner
from sqlalchemy import select

from pipeline.cli.main import main
from pipeline.store import facts, open_store

PAGE = (
    "Hội nghị tổng kết\n\nDự hội nghị có Trần Văn Nam. Anh Nam hiện giữ cương vị trưởng ban tổ chức. "
    "Bí thư Tỉnh ủy Nguyễn Văn An chủ trì. Tham dự còn có Phó Chủ tịch Lê Thị Hoa, Chủ tịch Hội Nông dân Đỗ Văn Bình. "
    "Đảng bộ tỉnh có 5.356 đảng viên, 120 tổ chức cơ sở đảng.\n"
)


def _run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def _edit(lines, text):
    """What a reviewer does in an editor: accept, reject, correct a title and a count, add the official the machine missed."""
    by_key = {line.get("person") or line.get("value"): line for line in lines}
    stamp = {"reviewer": "lan", "reviewed_at": "2026-11-21T09:00:00+07:00"}
    by_key["Nguyễn Văn An"].update(status="accepted", **stamp)
    by_key["Đỗ Văn Bình"].update(status="rejected", note="Hội Nông dân is not a party body here", **stamp)
    by_key["Lê Thị Hoa"].update(status="corrected", corrected={"title": "Phó Bí thư"}, **stamp)
    by_key[5356].update(status="corrected", corrected={"value": 5365}, note="typo in the article, see the report", **stamp)
    by_key[120].update(status="accepted", **stamp)
    added = {key: None for key in lines[0]}
    start = text.index("Trần Văn Nam")
    added.update(
        article_id=lines[0]["article_id"],
        type="official",
        person="Trần Văn Nam",
        title="Trưởng Ban Tổ chức",
        start=start,
        end=start + len("Trần Văn Nam"),
        span="Trần Văn Nam",
        status="added",
        **stamp,
    )
    return [*lines, added]


def test_review_end_to_end_decisions_survive_re_extraction_and_score_as_gold(db_url, tmp_path):
    page = tmp_path / "tin.txt"
    page.write_text(PAGE, encoding="utf-8")
    records = tmp_path / "records.jsonl"
    _run("extract", page, "--out", records, "--db", db_url)
    batch = tmp_path / "annotations" / "review" / "batch1.jsonl"
    _run("review", "export", "--status", "pending", "--out", batch, "--db", db_url)
    lines = [json.loads(line) for line in batch.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 5 and {line["status"] for line in lines} == {"pending"}
    batch.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in _edit(lines, json.loads(records.read_text(encoding="utf-8"))["text"])), encoding="utf-8")
    assert "6 decisions: 6 imported" in _run("review", "import", batch, "--db", db_url)
    assert "6 decisions: 0 imported, 6 already there" in _run("review", "import", batch, "--db", db_url)
    again = tmp_path / "again.csv"
    _run("review", "export", "--out", again, "--db", db_url)
    assert "6 decisions: 0 imported, 6 already there" in _run("review", "import", again, "--db", db_url)

    engine = open_store(db_url)

    def state():
        with engine.connect() as conn:
            return sorted(conn.execute(select(facts.c.fact_id, facts.c.review_status, facts.c.official_title, facts.c.count_value)).all())

    before = state()
    assert sorted(s for _, s, _, _ in before) == ["accepted", "accepted", "added", "corrected", "corrected", "rejected"]
    # the extractors are upgraded and the page extracted again
    upgraded = json.loads(records.read_text(encoding="utf-8"))
    for fact in upgraded["facts"]:
        fact["extractor"] = fact["extractor"].split("@")[0] + "@9.0.0"
        if fact.get("person") == "Lê Thị Hoa":
            fact["title"] = "Phó Chủ tịch Ủy ban nhân dân"
    records.write_text(json.dumps(upgraded, ensure_ascii=False) + "\n", encoding="utf-8")
    assert "1 articles changed" in _run("load", records, "--db", db_url)
    assert state() == before
    assert ("Phó Bí thư", None) in [(t, v) for _, _, t, v in before] and (None, 5365) in [(t, v) for _, _, t, v in before]

    scores = json.loads(_run("evaluate", "--from-reviews", "--json", "--db", db_url))
    assert {k: scores["official"][k] for k in ("gold", "pred", "tp")} == {"gold": 3, "pred": 3, "tp": 1}
    assert {k: scores["count"][k] for k in ("gold", "pred", "tp")} == {"gold": 2, "pred": 2, "tp": 1}
    assert scores["overall"]["precision"] == scores["overall"]["recall"] == 0.4
    assert scores["agreement"]["shared"] == 0
    # the upgraded extractors' own output, on the evidence reviewers decided on, scores the same
    current = json.loads(_run("evaluate", "--from-reviews", records, "--json", "--db", db_url))
    assert {k: current[k] for k in ("official", "count", "overall")} == {k: scores[k] for k in ("official", "count", "overall")}
    stats = _run("review", "stats", "--db", db_url)
    assert "6 of 6 facts reviewed" in stats and "lan" in stats
