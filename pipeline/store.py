"""The fact database: one SQLAlchemy Core schema for SQLite and PostgreSQL, and idempotent loading.

SQLite (`data/vnfacts.db` by default) serves one researcher; PostgreSQL serves many through the
same code. Fact columns are derived from `extractors.schema`, never listed here by hand. Every
write goes through `load_batch`, an article and its facts always in one transaction; database
triggers (see `migrations/`) refuse to delete or silently rewrite a reviewed fact, whoever writes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
import re
import types
import typing
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    create_engine,
    delete,
    event,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from extractors.lexicon import alternation, entries, table
from extractors.schema import FACT_TYPES, Fact

from .errors import StoreError
from .normalize import fold, normalize

__all__ = [
    "DEFAULT_DB",
    "PENDING",
    "metadata",
    "sources",
    "runs",
    "articles",
    "facts",
    "person_aliases",
    "review_log",
    "STALE",
    "FACT_COLUMNS",
    "database_url",
    "open_store",
    "migrate",
    "search_key",
    "fact_id",
    "start_run",
    "finish_run",
    "load_record",
    "load_batch",
    "load_records",
    "apply_review",
    "sentence_of",
    "add_reviewed_fact",
    "refresh_people",
    "merge_names",
    "province_of",
]

DEFAULT_DB = "data/vnfacts.db"
PENDING = "pending"
STALE = "stale"

metadata = MetaData()

# What the facts table adds to a dataclass field: nothing for the evidence fields (start, end,
# sentence, ...), the type as a prefix for a type's own fields (`official_person`, `count_value`).
_SQL_TYPES = {str: Text, int: BigInteger, float: Float}
_EVIDENCE = tuple(f for f in dataclasses.fields(Fact) if f.name != "article_id")


def _sql_type(hint: Any) -> type:
    """The column type of a dataclass field's type hint (`str | None` → Text)."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        (hint,) = [a for a in typing.get_args(hint) if a is not type(None)]
    return _SQL_TYPES[hint]


def _own_fields(cls: type[Fact]) -> list[dataclasses.Field]:
    """A fact type's own FACTS.md fields, without the evidence every fact carries."""
    common = {f.name for f in dataclasses.fields(Fact)}
    return [f for f in dataclasses.fields(cls) if f.name not in common]


# fact type → [(field name, column name)], derived from the schema.
FACT_COLUMNS: dict[str, list[tuple[str, str]]] = {
    kind: [(f.name, f"{kind}_{f.name}") for f in _own_fields(cls)] for kind, cls in FACT_TYPES.items()
}


def _typed_columns() -> list[Column]:
    """One nullable column per own field of every fact type, typed from its hint."""
    columns = []
    for kind, cls in FACT_TYPES.items():
        hints = typing.get_type_hints(cls)
        columns += [Column(column, _sql_type(hints[name])) for name, column in FACT_COLUMNS[kind]]
    return columns


def _evidence_columns() -> list[Column]:
    """The evidence columns every fact has, named and typed as in `Fact`."""
    hints = typing.get_type_hints(Fact)
    return [Column(f.name, _sql_type(hints[f.name]), nullable=f.default is not dataclasses.MISSING) for f in _EVIDENCE]


sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False, unique=True),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("command", Text, nullable=False),
    Column("started_at", DateTime, nullable=False),
    Column("finished_at", DateTime),
    Column("status", String(16), nullable=False),
    Column("articles_read", Integer, nullable=False, server_default="0"),
    Column("articles_changed", Integer, nullable=False, server_default="0"),
    Column("facts_written", Integer, nullable=False, server_default="0"),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Text, nullable=False, unique=True),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("canonical_url", Text),
    Column("title", Text),
    Column("published", DateTime),
    Column("province", Text),
    Column("text", Text, nullable=False),
    Column("segments", JSON),
    Column("notes", JSON),
    Column("content_hash", String(64), nullable=False),
    Column("record_hash", String(64), nullable=False),
    Column("fetched_at", DateTime),
    Column("extracted_at", DateTime),
    Column("run_id", Integer, ForeignKey("runs.id")),
    # the first stored article of the story this one republishes (pipeline.crawl_state.story_of), or NULL
    Column("story", Text),
    Index("ix_articles_province_published", "province", "published"),
    Index("ix_articles_published", "published"),
    Index("ix_articles_story", "story"),
)

facts = Table(
    "facts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("fact_id", String(32), nullable=False, unique=True),
    Column("article_id", Text, ForeignKey("articles.article_id", ondelete="CASCADE"), nullable=False),
    Column("type", String(16), nullable=False),
    *_evidence_columns(),
    Column("span", Text, nullable=False),
    Column("label", Text, nullable=False),
    *_typed_columns(),
    Column("review_status", String(16), nullable=False, server_default=PENDING),
    Column("reviewed_at", DateTime),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Index("ix_facts_article_type", "article_id", "type"),
    Index("ix_facts_official_person", "official_person"),
    Index("ix_facts_document_code", "document_code"),
)

# Every reviewer's decision on a fact, appended by `pipeline.review` and never changed (migration 0002).
review_log = Table(
    "review_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("decision_key", String(64), nullable=False, unique=True),
    Column("fact_id", String(32), nullable=False),
    Column("article_id", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("fields", JSON, nullable=False),
    Column("corrected", JSON),
    Column("start", BigInteger, nullable=False),
    Column("end", BigInteger, nullable=False),
    Column("span", Text, nullable=False),
    Column("reviewer", Text, nullable=False),
    Column("reviewed_at", DateTime),
    Column("note", Text),
    Column("origin", Text, nullable=False),
    Column("logged_at", DateTime, nullable=False),
    Index("ix_review_log_fact_id", "fact_id"),
    Index("ix_review_log_article_id", "article_id"),
)

person_aliases = Table(
    "person_aliases",
    metadata,
    Column("name", Text, primary_key=True),
    Column("person", Text, nullable=False),
    Column("name_key", Text, nullable=False),
    Column("person_key", Text, nullable=False),
)


# -- connecting ---------------------------------------------------------------------------------


def utc_now() -> datetime:
    """Now, as the naive UTC datetime the store keeps."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def database_url(db: str | Path | None) -> str:
    """A SQLAlchemy URL from what a user types: a file path, `sqlite:///...` or `postgresql://...`."""
    db = str(db or DEFAULT_DB)
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser().resolve()}"
    scheme, rest = db.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return db


def _sqlite_setup(dbapi_connection: Any, _record: Any) -> None:
    """Per SQLite connection: foreign keys on, WAL, and the fold function the FTS triggers call."""
    dbapi_connection.create_function("vn_fold", 1, search_key, deterministic=True)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA busy_timeout = 10000")
    cursor.close()


def open_store(db: str | Path | None, *, create: bool = False) -> Engine:
    """An engine on the database `db`, migrated to the latest schema when `create` (loading) is asked."""
    url = database_url(db)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"{db}: not a database path or URL: {exc}") from None
    if parsed.get_backend_name() == "sqlite":
        path = Path(parsed.database or "")
        if not create and not path.is_file():
            raise StoreError(f"{path}: no database here; load records first (vnfacts load RECORDS --db {db})")
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(url)
    except (ArgumentError, ModuleNotFoundError) as exc:
        raise StoreError(f"{db}: cannot use this database: {exc}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_setup)
    try:
        if create:
            migrate(engine)
        else:
            _check_revision(engine, str(db))
    except OperationalError as exc:
        raise StoreError(f"{db}: cannot open the database: {exc.orig}") from None
    return engine


def _alembic_config(connection: Connection) -> Any:
    """The alembic configuration of the migrations shipped in this package, bound to `connection`."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).with_name("migrations")))
    config.attributes["connection"] = connection
    return config


def migrate(engine: Engine) -> None:
    """Bring the database to the latest schema revision (creating it from nothing if new)."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "head")


def _check_revision(engine: Engine, db: str) -> None:
    """Refuse a database that is not at this version's schema revision, rather than misread it."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        head = ScriptDirectory.from_config(_alembic_config(connection)).get_current_head()
    if current != head:
        raise StoreError(f"{db}: schema revision {current or 'none'}, this vnfacts needs {head}; run vnfacts load on it to migrate")


# -- folding and ids ----------------------------------------------------------------------------


def _unmark_table() -> dict[int, str | None]:
    """str.translate table: every Latin letter with marks to its base, combining marks dropped, đ to d."""
    table_: dict[int, str | None] = {cp: None for cp in range(0x300, 0x370)}
    for cp in range(0xC0, 0x1F00):
        base = unicodedata.normalize("NFD", chr(cp))[0]
        if base != chr(cp) and base.isascii():
            table_[cp] = base.lower()
    table_.update({ord(c): "d" for c in "đĐðÐƉɖ"})
    # typographic punctuation separates words as its ASCII form does
    table_.update({ord(c): a for c, a in zip("“”‘’–—…·«»", "\"\"''--.|\"\"")})
    return table_


_UNMARK = _unmark_table()


def search_key(text: str | None) -> str:
    """How search compares text: tone marks and đ dropped, then `fold` (normalised, lower case, single spaces)."""
    unmarked = (text or "").translate(_UNMARK)
    # on ASCII text, all that fold does is lower case and single spaces: skip its Unicode passes
    return " ".join(unmarked.lower().split()) if unmarked.isascii() else fold(unmarked)


def fact_id(article_id: str, kind: str, text: str, start: int, end: int, nth: int = 0) -> str:
    """A fact's stable id: what locates it (article, type, evidence text and which occurrence), not its values."""
    span = text[start:end]
    occurrence = text.count(span, 0, start) if span else start
    key = "\x1f".join((article_id, kind, span, str(occurrence), str(nth)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


# -- loading ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _province_pattern() -> re.Pattern:
    """`tỉnh X`, `Tỉnh ủy X`, `Thành ủy X` with X a place from the places lexicon."""
    return re.compile(rf"\b(?:[Tt]ỉnh(?: ủy)?|[Tt]hành ủy)\s+({alternation(entries('places'))})\b")


def province_of(record: dict[str, Any]) -> str | None:
    """The record's province if it names one, else the place most often written after `tỉnh`/`Tỉnh ủy`/`Thành ủy`."""
    if record.get("province"):
        return record["province"]
    found = Counter(m.group(1) for m in _province_pattern().finditer(f"{record.get('title') or ''}\n{record.get('text') or ''}"))
    return found.most_common(1)[0][0] if found else None


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
    return stamp.astimezone(timezone.utc).replace(tzinfo=None) if stamp.tzinfo else stamp


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
            **{f.name: fact.get(f.name) for f in _EVIDENCE},
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
        select(facts.c.fact_id, facts.c.type, facts.c.span, facts.c.start, facts.c.end).where(
            facts.c.article_id == article_id, facts.c.review_status.not_in([PENDING, STALE])
        )
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


def apply_review(
    conn: Connection, fact: str, status: str, values: dict[str, Any] | None, now: datetime, place: tuple[int, int] | None = None
) -> None:
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
        return conn.execute(
            insert(runs).values(command=command, started_at=utc_now(), status="running").returning(runs.c.id)
        ).scalar_one()


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


def load_records(
    engine: Engine, records: Iterable[dict[str, Any]], command: str, batch: int = 1
) -> Iterator[tuple[dict[str, Any], int | None]]:
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
        with engine.begin() as conn:
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


# -- the officials directory's name merges ------------------------------------------------------


@lru_cache(maxsize=1)
def _honorific_prefix() -> re.Pattern:
    """Honorifics that may still stand before a name (`ông`, `đồng chí`, `đ/c`), from the lexicon."""
    return re.compile(rf"^(?:{alternation(list(table('honorifics')))})\s+", re.I)


def merge_names(names: Iterable[str]) -> dict[str, str]:
    """Each person name written → the name of the person it is merged into, merging only when safe.

    Safe: the same name after normalisation and case, or with an honorific left in front; a name
    written without marks or without a middle name when exactly one fuller name fits it.
    """
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(fold(_honorific_prefix().sub("", fold(name))), []).append(name)
    # the written form of each group: without honorific, the most marked letters, capitalised as a name
    display = {
        key: max(sorted(_honorific_prefix().sub("", normalize(n).text).strip() for n in variants), key=lambda n: (sum(not c.isascii() for c in n), n.istitle()))
        for key, variants in groups.items()
    }
    by_unmarked: dict[str, list[str]] = {}
    for key in groups:
        by_unmarked.setdefault(key.translate(_UNMARK), []).append(key)
    target = {key: key for key in groups}
    for key in groups:
        marked = [k for k in by_unmarked[key.translate(_UNMARK)] if k != key]
        if key.isascii() and len(marked) == 1:
            target[key] = marked[0]
    full: dict[tuple[str, str], list[list[str]]] = {}
    for key in groups:
        words = key.split()
        if target[key] == key and len(words) >= 3:
            full.setdefault((words[0], words[-1]), []).append(words)
    for key in groups:
        words = key.split()
        if target[key] != key or len(words) < 2:
            continue
        fits = [f for f in full.get((words[0], words[-1]), []) if _shorter_form(words, f)]
        if len(fits) == 1:
            target[key] = " ".join(fits[0])
    return {name: display[target[key]] for key, variants in groups.items() for name in variants}


def _shorter_form(short: list[str], full: list[str]) -> bool:
    """Whether `short` is `full` (same surname, same given name) with some middle names left out."""
    if len(short) >= len(full):
        return False
    middle = iter(full[1:-1])
    return all(word in middle for word in short[1:-1])


def refresh_people(conn: Connection) -> None:
    """Rebuild `person_aliases` from every official's name in the database."""
    names = conn.execute(select(facts.c.official_person).where(facts.c.type == "official").distinct()).scalars()
    merged = merge_names(n for n in names if n)
    conn.execute(delete(person_aliases))
    if merged:
        rows = [{"name": n, "person": p, "name_key": search_key(n), "person_key": search_key(p)} for n, p in sorted(merged.items())]
        conn.execute(insert(person_aliases), rows)


