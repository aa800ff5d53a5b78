"""The fact database's schema: one SQLAlchemy Core metadata for SQLite and PostgreSQL.

Fact columns are derived from `extractors.schema`, never listed here by hand; database triggers
(see `migrations/`) refuse to delete or silently rewrite a reviewed fact, whoever writes.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text

from extractors.schema import FACT_TYPES, Fact

PENDING = "pending"
STALE = "stale"

metadata = MetaData()

# What the facts table adds to a dataclass field: nothing for the evidence fields (start, end,
# sentence, ...), the type as a prefix for a type's own fields (`official_person`, `count_value`).
_SQL_TYPES = {str: Text, int: BigInteger, float: Float}
EVIDENCE = tuple(f for f in dataclasses.fields(Fact) if f.name != "article_id")


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
FACT_COLUMNS: dict[str, list[tuple[str, str]]] = {kind: [(f.name, f"{kind}_{f.name}") for f in _own_fields(cls)] for kind, cls in FACT_TYPES.items()}


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
    return [Column(f.name, _sql_type(hints[f.name]), nullable=f.default is not dataclasses.MISSING) for f in EVIDENCE]


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
    # the first stored article of the story this one republishes (pipeline.crawl.state.story_of), or NULL
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
