"""Loading records into the fact database, idempotently, and recording reviews on stored facts.

Every write goes through `load_batch`, an article and its facts always in one transaction;
a reviewed fact is never deleted or silently rewritten.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import JSON, Table, bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection, Engine

from ..errors import StoreError
from .engine import naive_utc, utc_now, writing
from .keys import fact_id
from .people import refresh_people
from .places import province_of
from .schema import EVIDENCE, FACT_COLUMNS, PENDING, STALE, articles, facts, runs, sources


def _source_name(record: dict[str, Any]) -> str:
    """Where a record came from: the site of its URL, else the directory of its file."""
    where = record.get("url") or record.get("source") or ""
    parts = urlsplit(where)
    if parts.scheme in ("http", "https"):
        return parts.netloc.lower().removeprefix("www.")
    return str(Path(where).parent)


def _timestamp(value: Any) -> datetime | None:
    """An ISO date or date-time as a naive UTC datetime; None for anything else."""
    if not value:
        return None
    try:
        stamp = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return naive_utc(stamp)


def _label(kind: str, fact: dict[str, Any]) -> str:
    """A fact on one line, its own fields in schema order: what fact full-text search matches."""
    return " | ".join(str(fact[name]) for name, _ in FACT_COLUMNS[kind] if fact.get(name) not in (None, ""))


def _fact_rows(record: dict[str, Any], run_id: int | None) -> list[dict[str, Any]]:
    """The facts table rows of one record, with stable ids; unknown fields or types raise StoreError."""
    text = record["text"]
    rows = []
    seen: Counter[tuple] = Counter()
    for fact in record.get("facts", []):
        kind = fact.get("type")
        if kind not in FACT_COLUMNS:
            raise StoreError(f"article {record['article_id']}: unknown fact type {kind!r}")
        start, end = fact["start"], fact["end"]
        nth = seen[(kind, start, end)]
        seen[(kind, start, end)] += 1
        row = {
            "fact_id": fact_id(record["article_id"], kind, text, start, end, nth),
            "article_id": record["article_id"],
            "type": kind,
            **{f.name: fact.get(f.name) for f in EVIDENCE},
            "span": text[start:end],
            "label": _label(kind, fact),
            "run_id": run_id,
        }
        for columns in FACT_COLUMNS.values():
            row.update({column: None for _, column in columns})
        row.update({column: fact.get(name) for name, column in FACT_COLUMNS[kind]})
        rows.append(row)
    return rows


def _record_hash(record: dict[str, Any]) -> str:
    """A hash of everything in a record: equal hashes mean loading it again would change nothing."""
    return hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _source_id(conn: Connection, name: str, cache: dict[str, int]) -> int:
    """The id of source `name`, added if new."""
    if name not in cache:
        found = conn.execute(select(sources.c.id).where(sources.c.name == name)).scalar()
        if found is None:
            found = conn.execute(insert(sources).values(name=name).returning(sources.c.id)).scalar_one()
        cache[name] = found
    return cache[name]


def load_record(conn: Connection, record: dict[str, Any], run_id: int | None, source_ids: dict[str, int]) -> int | None:
    """Write one article and its facts in the caller's transaction; the facts written, or None if nothing changed."""
    return load_batch(conn, [record], run_id, source_ids)[0]


def load_batch(conn: Connection, records: list[dict[str, Any]], run_id: int | None, source_ids: dict[str, int]) -> list[int | None]:
    """Write articles and their facts in the caller's transaction; per record the facts written, or None if nothing changed.

    New articles go in bulk (COPY on PostgreSQL). Re-extraction replaces an article's pending
    (unreviewed) facts; a reviewed fact is never deleted or rewritten, and a new fact with a
    reviewed fact's id is dropped. Records with an `error` or no text are not stored.
    """
    ids = [r["article_id"] for r in records if _storable(r)]
    stored = dict(conn.execute(select(articles.c.article_id, articles.c.record_hash).where(articles.c.article_id.in_(ids))).all()) if ids else {}
    new_articles: list[dict[str, Any]] = []
    new_facts: list[dict[str, Any]] = []
    counts: list[int | None] = []
    for record in records:
        article_id = record.get("article_id")
        record_hash = _record_hash(record) if _storable(record) else None
        if record_hash is None or stored.get(article_id) == record_hash:
            counts.append(None)
            continue
        row = _article_row(conn, record, record_hash, run_id, source_ids)
        rows = _fact_rows(record, run_id)
        if article_id in stored:
            if any(pending["article_id"] == article_id for pending in new_articles):
                _insert_many(conn, articles, new_articles)
                _insert_many(conn, facts, new_facts)
                new_articles, new_facts = [], []
            rows = _replace_pending(conn, record, row, rows)
            _insert_many(conn, facts, rows)
        else:
            new_articles.append({"article_id": article_id, **row})
            new_facts += rows
        stored[article_id] = record_hash
        counts.append(len(rows))
    _insert_many(conn, articles, new_articles)
    _insert_many(conn, facts, new_facts)
    return counts


def _storable(record: dict[str, Any]) -> bool:
    """Whether a record is an article to store: a failed page (`error`) or one without text is not."""
    return "error" not in record and bool(record.get("text"))


def _article_row(conn: Connection, record: dict[str, Any], record_hash: str, run_id: int | None, source_ids: dict[str, int]) -> dict[str, Any]:
    """The articles table row of a record, without its key."""
    return {
        "source_id": _source_id(conn, _source_name(record), source_ids),
        "source": record.get("source") or "",
        "url": record.get("url"),
        "canonical_url": record.get("canonical_url"),
        "title": record.get("title"),
        "published": _timestamp(record.get("published")),
        "province": province_of(record),
        "text": record["text"],
        "segments": record.get("segments"),
        "notes": record.get("notes"),
        "content_hash": hashlib.sha256(record["text"].encode("utf-8")).hexdigest(),
        "record_hash": record_hash,
        "fetched_at": _timestamp(record.get("fetched_at")),
        "extracted_at": _timestamp(record.get("extracted_at")) or utc_now(),
        "run_id": run_id,
        "story": record.get("story"),
    }


def _replace_pending(conn: Connection, record: dict[str, Any], row: dict[str, Any], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Update a stored article and drop its pending facts; the new fact rows that do not stand for a reviewed fact."""
    article_id = record["article_id"]
    old_text = conn.execute(select(articles.c.text).where(articles.c.article_id == article_id)).scalar_one()
    conn.execute(_UPDATE_ARTICLE, {"key": article_id, **row})
    moved = _reanchor_reviewed(conn, article_id, record["text"], utc_now()) if old_text != record["text"] else set()
    conn.execute(_DELETE_PENDING, {"key": article_id})
    kept = set(conn.execute(select(facts.c.fact_id).where(facts.c.article_id == article_id)).scalars())
    return [r for r in rows if r["fact_id"] not in kept and (r["type"], r["start"], r["end"]) not in moved]


def _insert_many(conn: Connection, table_: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows of one shape in bulk: COPY on PostgreSQL, several times faster than INSERTs; executemany elsewhere."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(insert(table_), rows)
        return
    from psycopg.types.json import Json

    names = list(rows[0])
    as_json = [isinstance(table_.c[name].type, JSON) for name in names]
    quote = conn.dialect.identifier_preparer.quote
    cursor = conn.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {table_.name} ({', '.join(map(quote, names))}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([Json(row[n]) if j and row[n] is not None else row[n] for n, j in zip(names, as_json)])


def _anchor(text: str, span: str, start: int) -> int | None:
    """Where `span` stands in `text` as whole words: the occurrence nearest its old `start`, or None if it is gone."""
    found = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(span)}(?!\w)", text)] if span else []
    return min(found, key=lambda at: abs(at - start)) if found else None


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence around a span, cut at the nearest full stops or line breaks."""
    stop = text.rfind(". ", 0, start)
    left = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, start) + 1)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return text[left : min(stops) + 1 if stops else len(text)].strip()


def _reanchor_reviewed(conn: Connection, article_id: str, text: str, now: datetime) -> set[tuple[str, int, int]]:
    """After an article's text changed: find each reviewed fact's evidence again, or mark it stale for re-review; never drop it.

    Returns the new places (type, start, end) of the moved facts: a re-extracted fact there is the reviewed one.
    """
    moved = set()
    reviewed = conn.execute(
        select(facts.c.fact_id, facts.c.type, facts.c.span, facts.c.start, facts.c.end).where(facts.c.article_id == article_id, facts.c.review_status.not_in([PENDING, STALE]))
    ).all()
    for fact in reviewed:
        at = _anchor(text, fact.span, fact.start)
        if at == fact.start:
            continue
        if at is None:
            values = {"review_status": STALE, "reviewed_at": now}
        else:
            values = {"start": at, "end": at + len(fact.span), "sentence": sentence_of(text, at, at + len(fact.span)), "reviewed_at": now}
            moved.add((fact.type, at, at + len(fact.span)))
        conn.execute(update(facts).where(facts.c.fact_id == fact.fact_id).values(**values))
    return moved


def apply_review(conn: Connection, fact: str, status: str, values: dict[str, Any] | None, now: datetime, place: tuple[int, int] | None = None) -> None:
    """Record a review on a fact row, correcting its values and its evidence `place` if given: the one way a reviewed fact changes."""
    row = conn.execute(select(facts.c.type, facts.c.start, facts.c.end, facts.c.article_id).where(facts.c.fact_id == fact)).one()
    kind = row.type
    change: dict[str, Any] = {"review_status": status, "reviewed_at": now}
    if place is not None and place != (row.start, row.end):
        text = conn.execute(select(articles.c.text).where(articles.c.article_id == row.article_id)).scalar_one()
        change.update(start=place[0], end=place[1], span=text[place[0] : place[1]], sentence=sentence_of(text, *place))
    if values is not None:
        change.update({column: values.get(name) for name, column in FACT_COLUMNS[kind]})
        change["label"] = _label(kind, values)
    conn.execute(update(facts).where(facts.c.fact_id == fact).values(**change))


def add_reviewed_fact(conn: Connection, fact: dict[str, Any], status: str, now: datetime) -> str:
    """Store a fact a reviewer added (its dict form, with article_id, start, end); its stable id, as a load would compute it."""
    text = conn.execute(select(articles.c.text).where(articles.c.article_id == fact["article_id"])).scalar_one()
    (row,) = _fact_rows({"article_id": fact["article_id"], "text": text, "facts": [fact]}, None)
    if conn.execute(select(facts.c.id).where(facts.c.fact_id == row["fact_id"])).first():
        apply_review(conn, row["fact_id"], status, fact, now)
    else:
        conn.execute(insert(facts), {**row, "review_status": status, "reviewed_at": now})
    return row["fact_id"]


_UPDATE_ARTICLE = update(articles).where(articles.c.article_id == bindparam("key"))
_DELETE_PENDING = delete(facts).where(facts.c.article_id == bindparam("key"), facts.c.review_status == PENDING)


def start_run(engine: Engine, command: str) -> int:
    """Record the start of a load or extraction; its id stamps every article and fact it writes."""
    with engine.begin() as conn:
        return conn.execute(insert(runs).values(command=command, started_at=utc_now(), status="running").returning(runs.c.id)).scalar_one()


def finish_run(engine: Engine, run_id: int, read: int, changed: int, written: int) -> None:
    """Record what a run did; a run killed mid-way stays `running`."""
    with engine.begin() as conn:
        conn.execute(
            update(runs)
            .where(runs.c.id == run_id)
            .values(
                finished_at=utc_now(),
                status="done",
                articles_read=read,
                articles_changed=changed,
                facts_written=written,
            )
        )


def load_records(engine: Engine, records: Iterable[dict[str, Any]], command: str, batch: int = 1) -> Iterator[tuple[dict[str, Any], int | None]]:
    """Load records, yielding each once committed with the facts written (None: unchanged, or a failed page).

    An article and its facts are always in one transaction; `batch` articles share one, which
    saves a commit per article on big loads (a killed load loses at most that batch, and a
    re-run redoes it). Records with an `error` are not stored. When the records run out the
    run is closed, the officials directory's name merges and the planner's statistics refreshed.
    """
    run_id = start_run(engine, command)
    read = changed = written = 0
    source_ids: dict[str, int] = {}
    records = iter(records)
    while chunk := list(itertools.islice(records, batch)):
        with writing(engine) as conn:
            counts = load_batch(conn, chunk, run_id, source_ids)
        read += len(chunk)
        changed += sum(c is not None for c in counts)
        written += sum(c or 0 for c in counts)
        yield from zip(chunk, counts)
    with engine.begin() as conn:
        refresh_people(conn)
        _analyze(conn)
    finish_run(engine, run_id, read, changed, written)


def _analyze(conn: Connection) -> None:
    """Refresh the planner's statistics: without them SQLite sorts every match instead of walking the date index."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA analysis_limit = 1000")
    conn.exec_driver_sql("ANALYZE")
