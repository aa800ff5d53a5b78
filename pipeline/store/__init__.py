"""The fact database: schema, opening and migrating, loading, search keys, people, search, export, browse.

One SQLAlchemy Core schema (`schema`) serves SQLite and PostgreSQL; `engine` opens a path or URL
and runs the alembic scripts in `migrations/`; `load` writes records idempotently and records
reviews without ever losing a reviewed fact; `keys` folds text for search and gives facts stable
ids; `places` finds an article's province, `people` merges the ways an official's name is written;
`search`, `export` and `browse` answer queries, write hits and serve Datasette. The names below
are the store's API for the other stages. May import: pipeline.errors, pipeline.settings,
pipeline.text, extractors.
"""

from .engine import database_url, migrate, naive_utc, open_store, utc_now
from .keys import fact_id, search_key
from .load import add_reviewed_fact, apply_review, finish_run, load_batch, load_record, load_records, sentence_of, start_run
from .people import merge_names, refresh_people
from .places import province_of
from .schema import FACT_COLUMNS, PENDING, STALE, articles, facts, metadata, person_aliases, review_log, runs, sources

__all__ = [
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
    "naive_utc",
    "utc_now",
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
