import json

import pytest
from sqlalchemy import select

from pipeline.errors import ReviewFileError
from pipeline.review.files import export_lines, import_files, mark_span, own_fields, write_lines
from pipeline.review.score import review_stats
from pipeline.store import facts, load_records, open_store, review_log
from tests.pipeline.store_helpers import official, record, snapshot

TEXT = "Ông Lê Văn B, Chủ tịch. Bà Trần Thị C, Phó Chủ tịch. Đảng bộ có 120 đảng viên. Ông Vũ D, Ủy viên."
COUNT = {"type": "count", "value": 120, "unit": "đảng viên", "category": "members", "subject": "Đảng bộ", "change": "total", "as_of": None, "out_of": None, "span": "120 đảng viên"}


def _store(db_url, text=TEXT, facts_=None, extractor="test@1"):
    engine = open_store(db_url, create=True)
    rec = record("a1", text, facts_ if facts_ is not None else [official("Lê Văn B", "Chủ tịch"), official("Trần Thị C", "Phó Chủ tịch"), COUNT])
    for fact in rec["facts"]:
        fact["extractor"] = extractor
    list(load_records(engine, [rec], "test"))
    return engine


def _write(path, lines):
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n" for line in lines), encoding="utf-8")
    return path


def _decide(line, status, reviewer="lan", **extra):
    return {**line, "status": status, "reviewer": reviewer, "reviewed_at": "2026-11-20T10:00:00", **extra}


def _statuses(engine):
    with engine.connect() as conn:
        return dict(conn.execute(select(facts.c.span, facts.c.review_status)).all())


def test_review_export_lines_carry_every_schema_field_and_the_marked_sentence(db_url):
    lines = export_lines(_store(db_url))
    assert [line["type"] for line in lines] == ["official", "official", "count"]
    count = lines[2]
    assert set(own_fields("count")) <= set(count) and count["value"] == 120 and count["status"] == "pending"
    assert "[[120 đảng viên]]" in count["sentence"] and count["span"] == "120 đảng viên"
    assert len(count["fact_id"]) == 32 and count["url"] == "test/a1.txt"
    assert [line["type"] for line in export_lines(_store(db_url), kind="count")] == ["count"]
    assert len(export_lines(_store(db_url), sample=2)) == 2
    assert len(export_lines(_store(db_url), since="2024")) == 3 and export_lines(_store(db_url), since="2025-01") == []
    assert mark_span("a b c", "b") == "a [[b]] c"


def test_review_malformed_file_names_file_and_line_and_the_database_is_unchanged(db_url, tmp_path):
    engine = _store(db_url)
    lines = export_lines(engine)
    before = snapshot(engine)
    good = [_decide(lines[0], "accepted")] * 5
    bad = _write(
        tmp_path / "bad.jsonl",
        [
            *good,
            _decide(lines[1], "accepted"),
            '{"fact_id": "oops", ',
            _decide(lines[1], "maybe"),
            _decide(lines[2], "added", start=90, end=400),
            _decide(lines[2], "rejected", fact_id="0" * 32),
        ],
    )
    with pytest.raises(ReviewFileError) as error:
        import_files(engine, [bad])
    message = str(error.value)
    assert f"{bad}:7: bad JSON" in message
    assert f"{bad}:8: unknown status 'maybe'" in message
    assert f"{bad}:9: span 90..400 is outside the text" in message
    assert f"{bad}:10: unknown fact id" in message
    assert message.startswith("4 bad line(s), nothing imported")
    assert snapshot(engine) == before
    with engine.connect() as conn:
        assert conn.execute(select(review_log)).first() is None


def test_review_import_twice_changes_nothing_and_corrections_update_the_fact(db_url, tmp_path):
    engine = _store(db_url)
    lines = export_lines(engine)
    batch = _write(
        tmp_path / "batch.jsonl",
        [_decide(lines[0], "accepted"), _decide(lines[1], "rejected", note="not a title"), _decide(lines[2], "corrected", corrected={"value": 121})],
    )
    assert import_files(engine, [batch])["imported"] == 3
    after = snapshot(engine)
    assert import_files(engine, [batch]) == {"decisions": 3, "imported": 0, "unchanged": 3, "conflicts": 0}
    assert snapshot(engine) == after
    with engine.connect() as conn:
        assert conn.execute(select(facts.c.count_value, facts.c.review_status).where(facts.c.type == "count")).one() == (121, "corrected")
    # a re-export of reviewed facts carries their decisions: importing it is a no-op too
    again = tmp_path / "again.jsonl"
    write_lines(export_lines(engine), again)
    assert import_files(engine, [again])["imported"] == 0


def test_review_two_reviewers_disagreeing_are_both_kept_as_a_conflict(db_url, tmp_path):
    engine = _store(db_url)
    line = export_lines(engine)[0]
    import_files(engine, [_write(tmp_path / "lan.jsonl", [_decide(line, "corrected", corrected={"title": "Phó Chủ tịch"})])])
    counts = import_files(engine, [_write(tmp_path / "minh.jsonl", [_decide(line, "accepted", reviewer="minh")])])
    assert counts["conflicts"] == 1
    with engine.connect() as conn:
        assert conn.execute(select(facts.c.official_title, facts.c.review_status).where(facts.c.fact_id == line["fact_id"])).one() == ("Phó Chủ tịch", "corrected")
        assert sorted(conn.execute(select(review_log.c.reviewer, review_log.c.status)).all()) == [("lan", "corrected"), ("minh", "accepted")]
    agreement = review_stats(engine)["agreement"]
    assert agreement["shared"] == 1 and agreement["conflicts"] == [{"fact_id": line["fact_id"], "lan": "corrected", "minh": "accepted"}]


def test_review_changed_text_reanchors_reviewed_facts_or_marks_them_stale(db_url, tmp_path):
    engine = _store(db_url)
    lines = export_lines(engine)
    import_files(engine, [_write(tmp_path / "b.jsonl", [_decide(lines[0], "accepted"), _decide(lines[1], "accepted"), _decide(lines[2], "corrected", corrected={"value": 121})])])
    changed = "Tin mới. " + TEXT.replace("Bà Trần Thị C", "Bà Trần C")
    _store(db_url, changed, [official("Lê Văn B", "Chủ tịch"), COUNT], extractor="test@2")
    with engine.connect() as conn:
        rows = {r.fact_id: r for r in conn.execute(select(facts))}
    assert len(rows) == 3
    b, c, count = (rows[line["fact_id"]] for line in lines)
    assert (b.review_status, changed[b.start : b.end]) == ("accepted", "Lê Văn B")
    assert (count.review_status, count.count_value, changed[count.start : count.end]) == ("corrected", 121, "120 đảng viên")
    assert c.review_status == "stale"


def test_review_csv_round_trips_to_the_same_lines(db_url, tmp_path):
    from pipeline.review.files import read_lines

    engine = _store(db_url)
    lines = export_lines(engine)
    lines[2] = _decide(lines[2], "corrected", corrected={"value": 121, "subject": "Chi bộ"})
    write_lines(lines, tmp_path / "batch.csv")
    assert [line for _, line in read_lines(tmp_path / "batch.csv")] == lines
    assert import_files(engine, [tmp_path / "batch.csv"])["imported"] == 1


def test_review_a_stale_fact_re_reviewed_at_its_new_place_is_moved_there(db_url, tmp_path):
    engine = _store(db_url)
    line = export_lines(engine)[1]
    import_files(engine, [_write(tmp_path / "a.jsonl", [_decide(line, "accepted")])])
    changed = TEXT.replace("Bà Trần Thị C", "Bà Trần Thị Cúc")
    _store(db_url, changed, [])
    (stale,) = export_lines(engine, status="stale")
    assert stale["fact_id"] == line["fact_id"]
    start = changed.index("Trần Thị Cúc")
    fixed = _decide(stale, "corrected", start=start, end=start + 12, span="Trần Thị Cúc", corrected={"person": "Trần Thị Cúc"}, reviewed_at="2026-11-22T08:00:00")
    import_files(engine, [_write(tmp_path / "b.jsonl", [fixed])])
    with engine.connect() as conn:
        row = conn.execute(select(facts).where(facts.c.fact_id == line["fact_id"])).mappings().one()
    assert (row["review_status"], row["official_person"], row["span"], row["start"]) == ("corrected", "Trần Thị Cúc", "Trần Thị Cúc", start)


def test_review_log_is_append_only(db_url, tmp_path):
    from sqlalchemy import delete, update
    from sqlalchemy.exc import DBAPIError

    engine = _store(db_url)
    import_files(engine, [_write(tmp_path / "a.jsonl", [_decide(export_lines(engine)[0], "accepted")])])
    for statement in (update(review_log).values(status="rejected"), delete(review_log)):
        with pytest.raises(DBAPIError, match="append-only"):
            with engine.begin() as conn:
                conn.execute(statement)


def test_review_lines_that_contradict_themselves_are_refused(db_url, tmp_path):
    engine = _store(db_url)
    official_line, _, count = export_lines(engine)
    bad = _write(
        tmp_path / "bad.jsonl",
        [
            _decide(official_line, "accepted", corrected={"title": "Bí thư"}),
            _decide(count, "corrected", corrected={"value": "many"}),
            _decide(count, "corrected", corrected={"person": "X"}),
            _decide({**count, "type": "official"}, "accepted"),
            _decide(count, "accepted", reviewer=None),
        ],
    )
    with pytest.raises(ReviewFileError) as error:
        import_files(engine, [bad])
    message = str(error.value)
    errors = ("set its status to corrected", "field 'value' must be", "count facts have no field 'person'", "is of type count, not official", "needs a reviewer")
    for lineno, words in enumerate(errors, 1):
        assert f"{bad}:{lineno}: " in message and words in message


def test_review_a_value_corrected_in_place_is_a_correction_of_that_field(db_url, tmp_path):
    engine = _store(db_url)
    count = export_lines(engine)[2]
    # the natural edit in an editor: change the value, set the status
    batch = _write(tmp_path / "inplace.jsonl", [{**count, "value": 121, "status": "corrected", "reviewer": "lan"}])
    assert import_files(engine, [batch])["imported"] == 1
    with engine.connect() as conn:
        assert conn.execute(select(facts.c.count_value, facts.c.review_status).where(facts.c.type == "count")).one() == (121, "corrected")
        logged = conn.execute(select(review_log.c.fields, review_log.c.corrected)).one()
    assert logged.corrected == {"value": 121} and logged.fields["value"] == 120
    unchanged = _write(tmp_path / "same.jsonl", [{**export_lines(_store(db_url))[0], "status": "corrected", "reviewer": "lan"}])
    with pytest.raises(ReviewFileError, match="changes no field"):
        import_files(engine, [unchanged])


def test_review_import_reviewer_names_the_lines_without_one(db_url, tmp_path):
    engine = _store(db_url)
    lines = export_lines(engine)
    batch = _write(tmp_path / "batch.jsonl", [{**lines[0], "status": "accepted"}, {**lines[1], "status": "rejected", "reviewer": "minh"}])
    with pytest.raises(ReviewFileError, match="needs a reviewer"):
        import_files(engine, [batch])
    assert import_files(engine, [batch], reviewer="lan")["imported"] == 2
    with engine.connect() as conn:
        assert sorted(conn.execute(select(review_log.c.reviewer)).scalars()) == ["lan", "minh"]


def test_review_csv_of_one_type_has_only_that_types_columns(db_url, tmp_path):
    import csv

    engine = _store(db_url)
    out = tmp_path / "counts.csv"
    write_lines(export_lines(engine, kind="count"), out)
    header = next(csv.reader(out.open(encoding="utf-8")))
    assert "value" in header and "corrected.value" in header and "person" not in header and "corrected.person" not in header
    write_lines(export_lines(engine), tmp_path / "all.csv")
    assert {"person", "value"} <= set(next(csv.reader((tmp_path / "all.csv").open(encoding="utf-8"))))
