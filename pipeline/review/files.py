"""Review files: one JSON line per fact that a researcher accepts, rejects, corrects or adds, and their import.

The line carries the fact's stable id, its article, every FACTS.md field of its type (from
`extractors.schema`), its evidence and the review fields. Import validates every line of every
file before writing anything, appends each decision to the append-only `review_log` and updates
the fact through the store's review path; the same decision imported twice is one decision.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import random
import typing
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection, Engine

from extractors.schema import FACT_TYPES

from ..errors import ReviewFileError
from ..store import FACT_COLUMNS, STALE, add_reviewed_fact, apply_review, articles, facts, naive_utc, review_log, sentence_of, utc_now

__all__ = [
    "STATUSES",
    "DECISIONS",
    "MARK",
    "own_fields",
    "mark_span",
    "export_lines",
    "read_lines",
    "validate",
    "import_files",
    "latest_decisions",
    "decision_key",
    "verdict",
    "write_lines",
    "article_texts",
]

STATUSES = ("pending", "accepted", "rejected", "corrected", "added", STALE)
DECISIONS = ("accepted", "rejected", "corrected", "added")
MARK = ("[[", "]]")


def own_fields(kind: str) -> list[str]:
    """A fact type's FACTS.md fields, as the schema declares them."""
    return [name for name, _ in FACT_COLUMNS[kind]]


def mark_span(sentence: str, span: str) -> str:
    """The sentence with the fact's evidence between [[ and ]], so a reviewer sees what was read."""
    at = sentence.find(span) if span else -1
    return sentence if at < 0 else f"{sentence[:at]}{MARK[0]}{span}{MARK[1]}{sentence[at + len(span) :]}"


# -- export ---------------------------------------------------------------------------------------


def _latest_entry(conn: Connection) -> dict[str, Any]:
    """The latest logged decision on each fact, by fact id."""
    latest: dict[str, Any] = {}
    for entry in conn.execute(select(review_log).order_by(review_log.c.id)).mappings():
        latest[entry["fact_id"]] = entry
    return latest


def _line(row: Any, entry: Any | None) -> dict[str, Any]:
    """One review line for a fact row; a reviewed fact carries its latest logged decision, so re-importing it is a no-op."""
    kind = row["type"]
    values = entry["fields"] if entry else {name: row[column] for name, column in FACT_COLUMNS[kind]}
    return {
        "fact_id": row["fact_id"],
        "article_id": row["article_id"],
        "url": row["url"] or row["source"],
        "type": kind,
        **{name: values.get(name) for name in own_fields(kind)},
        "start": row["start"],
        "end": row["end"],
        "span": row["span"],
        "sentence": mark_span(row["sentence"] or "", row["span"]),
        "extractor": row["extractor"],
        "confidence": row["confidence"],
        "status": STALE if row["review_status"] == STALE else entry["status"] if entry else row["review_status"],
        "corrected": entry["corrected"] if entry else None,
        "reviewer": entry["reviewer"] if entry else None,
        "reviewed_at": entry["reviewed_at"].isoformat() if entry and entry["reviewed_at"] else None,
        "note": entry["note"] if entry else None,
    }


def export_lines(
    engine: Engine,
    status: str | None = None,
    kind: str | None = None,
    province: str | None = None,
    since: str | None = None,
    sample: int | None = None,
) -> list[dict[str, Any]]:
    """Review lines for the facts that pass the filters (as `vnfacts search` reads them), in article and text order; `sample` draws N reproducibly."""
    from ..store.search import _article_filters, parse_period

    query = select(facts, articles.c.url, articles.c.source).join(articles, articles.c.article_id == facts.c.article_id)
    query = query.where(*_article_filters(province, parse_period(since, "--since"), None))
    if status:
        query = query.where(facts.c.review_status == status)
    if kind:
        query = query.where(facts.c.type == kind)
    with engine.connect() as conn:
        rows = list(conn.execute(query.order_by(facts.c.article_id, facts.c.start, facts.c.id)).mappings())
        if sample is not None and sample < len(rows):
            rows = sorted(random.Random(0).sample(rows, sample), key=lambda r: (r["article_id"], r["start"], r["id"]))
        latest = _latest_entry(conn)
        return [_line(r, latest.get(r["fact_id"])) for r in rows]


def article_texts(engine: Engine, ids: Iterable[str]) -> dict[str, str]:
    """The cleaned text of each article, which annotation tools show and index."""
    with engine.connect() as conn:
        return dict(conn.execute(select(articles.c.article_id, articles.c.text).where(articles.c.article_id.in_(set(ids)))).all())


def write_lines(lines: Iterable[dict[str, Any]], out: Path, fmt: str | None = None, texts: dict[str, str] | None = None) -> int:
    """Write review lines as JSON Lines, CSV (the default for .csv), Label Studio tasks with their labelling config beside them, or Prodigy tasks.

    Label Studio and Prodigy tasks need the article texts.
    """
    from .csv import write_csv
    from .interop import labelling_config, labelling_config_path, labelstudio_tasks, prodigy_tasks

    out.parent.mkdir(parents=True, exist_ok=True)
    lines = list(lines)
    fmt = fmt or ("csv" if out.suffix.lower() == ".csv" else "jsonl")
    if fmt == "csv":
        write_csv(lines, out)
    elif fmt == "labelstudio":
        out.write_text(json.dumps(labelstudio_tasks(lines, texts or {}), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        labelling_config_path(out).write_text(labelling_config(), encoding="utf-8")
    elif fmt == "prodigy":
        with out.open("w", encoding="utf-8") as stream:
            stream.writelines(json.dumps(task, ensure_ascii=False) + "\n" for task in prodigy_tasks(lines, texts or {}))
    else:
        with out.open("w", encoding="utf-8") as stream:
            stream.writelines(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    return len(lines)


# -- reading and validation ---------------------------------------------------------------------


def read_lines(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number, review line) of a review file: JSON Lines (review lines or Prodigy answers), CSV, or a Label Studio export (.json).

    A line that cannot be read gives a ReviewFileError value, so validation can name every bad line.
    """
    from .csv import read_csv
    from .interop import from_labelstudio, from_prodigy, is_prodigy

    try:
        if path.suffix.lower() in (".csv", ".json"):
            yield from (read_csv if path.suffix.lower() == ".csv" else from_labelstudio)(path)
            return
        with path.open(encoding="utf-8") as stream:
            for lineno, text in enumerate(stream, 1):
                if not text.strip():
                    continue
                try:
                    line = json.loads(text)
                except json.JSONDecodeError as exc:
                    yield lineno, ReviewFileError(f"bad JSON: {exc.msg} (column {exc.colno})")
                    continue
                line = from_prodigy(line) if is_prodigy(line) else line
                if line is not None:
                    yield lineno, line
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewFileError(f"{path}: cannot read: {exc}") from None


_TYPES = {str: (str,), int: (int,), float: (int, float)}
_MAX_INT = 2**63 - 1  # the largest integer SQLite and PostgreSQL store


def _type_problem(kind: str, values: dict[str, Any], required: bool) -> str | None:
    """Why these field values cannot be a `kind` fact (unknown field, wrong type, missing field), or None."""
    cls = FACT_TYPES[kind]
    hints = typing.get_type_hints(cls)
    names = own_fields(kind)
    for name, value in values.items():
        if name not in names:
            return f"{kind} facts have no field {name!r} (fields: {', '.join(names)})"
        allowed = tuple(t for a in typing.get_args(hints[name]) or (hints[name],) if a is not type(None) for t in _TYPES[a])
        if value is None and type(None) not in typing.get_args(hints[name]):
            return f"field {name!r} cannot be empty"
        if value is not None and (not isinstance(value, allowed) or isinstance(value, bool)):
            return f"field {name!r} must be {hints[name]}, not {value!r}"
        if isinstance(value, float) and not math.isfinite(value) or isinstance(value, int) and not -_MAX_INT <= value <= _MAX_INT:
            return f"field {name!r} must be a finite number the database can hold, not {value!r}"
    if required:
        missing = [n for n in names if values.get(n) is None and n in _required(kind)]
        if missing:
            return f"an added {kind} fact needs {', '.join(missing)}"
    return None


def _required(kind: str) -> set[str]:
    """The fields a `kind` fact cannot be without."""
    return {f.name for f in dataclasses.fields(FACT_TYPES[kind]) if f.default is dataclasses.MISSING and f.name in own_fields(kind)}


def _check(line: Any, conn: Connection, texts: dict[str, str | None]) -> tuple[str | None, dict[str, Any] | None]:
    """(problem, decision) for one parsed line: the decision to import, None for a line with no decision."""
    if isinstance(line, ReviewFileError):
        return str(line), None
    if not isinstance(line, dict):
        return "a review line must be a JSON object", None
    status, kind = line.get("status"), line.get("type")
    if status not in STATUSES:
        return f"unknown status {status!r} (expected one of {', '.join(STATUSES)})", None
    if kind not in FACT_TYPES:
        return f"unknown fact type {kind!r} (expected one of {', '.join(FACT_TYPES)})", None
    article = line.get("article_id")
    if article not in texts:
        texts[article] = conn.execute(select(articles.c.text).where(articles.c.article_id == article)).scalar()
    text = texts[article]
    if text is None:
        return f"unknown article id {article!r}", None
    if status != "added":
        stored = conn.execute(select(facts.c.type).where(facts.c.fact_id == line.get("fact_id"), facts.c.article_id == article)).scalar()
        if stored is None:
            return f"unknown fact id {line.get('fact_id')!r} in article {article!r}", None
        if stored != kind:
            return f"fact {line.get('fact_id')} is of type {stored}, not {kind}", None
    start, end = line.get("start"), line.get("end")
    if status != STALE:
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
            return f"span {start}..{end} is outside the text of {article} ({len(text)} characters)", None
        span = line.get("span") or text[start:end]
        if text[start:end] != span:
            return f"span {span!r} is not at {start}..{end} of {article} (the text there is {text[start:end]!r})", None
    if status not in DECISIONS:
        return None, None
    if not line.get("reviewer"):
        return f"a {status} line needs a reviewer", None
    stamp = line.get("reviewed_at")
    if stamp:
        try:
            stamp = datetime.fromisoformat(str(stamp))
        except ValueError:
            return f"reviewed_at {stamp!r} is not an ISO date or date-time", None
    corrected = line.get("corrected") or {}
    if not isinstance(corrected, dict):
        return "corrected must be an object of field values", None
    if corrected and status in ("accepted", "rejected"):
        return f"an {status} line has corrected values: set its status to corrected, or empty 'corrected'", None
    fields = {n: line.get(n) for n in own_fields(kind)}
    if status == "corrected" and not corrected:
        # corrected in place: the fields that differ from the stored fact are the corrections
        fields = _stored_fields(conn, kind, line.get("fact_id"))
        corrected = {n: v for n, v in ((n, line.get(n)) for n in fields) if v != fields[n]}
        if not corrected:
            return "a corrected line changes no field: edit the values in place or give them in 'corrected'", None
    problem = _type_problem(kind, corrected, False) or (_type_problem(kind, {**fields, **corrected}, True) if status == "added" else None)
    if problem:
        return problem, None
    return None, {
        "fact_id": line.get("fact_id") or "",
        "article_id": article,
        "type": kind,
        "status": status,
        "fields": fields,
        "corrected": corrected or None,
        "start": start,
        "end": end,
        "span": text[start:end],
        "reviewer": str(line["reviewer"]),
        "reviewed_at": naive_utc(stamp) if isinstance(stamp, datetime) else stamp or None,
        "note": line.get("note") or None,
    }


def _stored_fields(conn: Connection, kind: str, fact: str) -> dict[str, Any]:
    """A stored fact's own field values as the database holds them now."""
    row = conn.execute(select(*[facts.c[column] for _, column in FACT_COLUMNS[kind]]).where(facts.c.fact_id == fact)).one()
    return dict(zip(own_fields(kind), row))


def validate(conn: Connection, paths: Iterable[Path], reviewer: str | None = None) -> list[dict[str, Any]]:
    """Every decision in the files, `reviewer` standing for a line's missing one; a ReviewFileError listing each bad line as FILE:LINE if any line is bad."""
    problems, decisions = [], []
    texts: dict[str, str | None] = {}
    for path in paths:
        for lineno, line in read_lines(path):
            if reviewer and isinstance(line, dict) and not line.get("reviewer"):
                line = {**line, "reviewer": reviewer}
            problem, decision = _check(line, conn, texts)
            if problem:
                problems.append(f"{path}:{lineno}: {problem}")
            elif decision:
                decisions.append({**decision, "origin": f"{path.name}:{lineno}"})
    if problems:
        raise ReviewFileError(f"{len(problems)} bad line(s), nothing imported:\n" + "\n".join(problems))
    return decisions


# -- import ---------------------------------------------------------------------------------------


def decision_key(decision: dict[str, Any]) -> str:
    """What makes two decisions one: the fact (for an added one its evidence and values), the verdict, who and when."""
    parts = {k: decision[k] for k in ("article_id", "type", "status", "corrected", "reviewer", "note")}
    parts["reviewed_at"] = decision["reviewed_at"].isoformat() if decision["reviewed_at"] else None
    if decision["status"] == "added":
        parts.update(fields=decision["fields"], span=decision["span"])
    else:
        parts["fact_id"] = decision["fact_id"]
    return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")).hexdigest()


def verdict(entry: Any) -> tuple[str, str]:
    """What a decision says about a fact, to compare two reviewers' decisions."""
    return entry["status"], json.dumps(entry["corrected"] or {}, sort_keys=True, ensure_ascii=False)


def _conflicts_with(conn: Connection, fact: str, reviewer: str, said: tuple[str, str]) -> bool:
    """Whether another reviewer's latest decision on this fact says something else."""
    latest: dict[str, Any] = {}
    for entry in conn.execute(select(review_log).where(review_log.c.fact_id == fact).order_by(review_log.c.id)).mappings():
        latest[entry["reviewer"]] = entry
    return any(verdict(e) != said for r, e in latest.items() if r != reviewer)


def import_files(engine: Engine, paths: Iterable[Path], reviewer: str | None = None) -> dict[str, int]:
    """Validate then import review files in one transaction: log each new decision, update its fact; counts of what happened.

    `reviewer` is the reviewer of the lines that name none.

    A decision already in the log is skipped. When another reviewer decided otherwise, both stay
    in the log and the fact keeps its state (a conflict, shown by `vnfacts review stats`).
    """
    counts = {"decisions": 0, "imported": 0, "unchanged": 0, "conflicts": 0}
    with engine.begin() as conn:
        decisions = validate(conn, list(paths), reviewer)
        for decision in decisions:
            counts["decisions"] += 1
            key = decision_key(decision)
            if conn.execute(select(review_log.c.id).where(review_log.c.decision_key == key)).first():
                counts["unchanged"] += 1
                continue
            now = utc_now()
            values = {**decision["fields"], **(decision["corrected"] or {})}
            if decision["status"] == "added":
                start, end = decision["start"], decision["end"]
                text = conn.execute(select(articles.c.text).where(articles.c.article_id == decision["article_id"])).scalar_one()
                fact = {"type": decision["type"], **values, "article_id": decision["article_id"], "start": start, "end": end}
                fact.update(sentence=sentence_of(text, start, end), extractor=f"review:{decision['reviewer']}", confidence=1.0)
                decision["fact_id"] = add_reviewed_fact(conn, fact, "added", now)
                conflict = False
            else:
                conflict = _conflicts_with(conn, decision["fact_id"], decision["reviewer"], verdict(decision))
                if not conflict:
                    corrected = values if decision["status"] == "corrected" else None
                    apply_review(conn, decision["fact_id"], decision["status"], corrected, now, (decision["start"], decision["end"]))
            conn.execute(insert(review_log), {**decision, "decision_key": key, "logged_at": now})
            counts["imported"] += 1
            counts["conflicts"] += conflict
    return counts


def latest_decisions(conn: Connection) -> dict[str, dict[str, Any]]:
    """Each fact's latest decision per reviewer: fact id → reviewer → log entry."""
    out: dict[str, dict[str, Any]] = {}
    for entry in conn.execute(select(review_log).order_by(review_log.c.id)).mappings():
        out.setdefault(entry["fact_id"], {})[entry["reviewer"]] = dict(entry)
    return out
