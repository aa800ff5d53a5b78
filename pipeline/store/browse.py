"""`vnfacts browse`: Datasette on a SQLite fact database, folded search and canned directory and registry queries.

The database is served as `vnfacts` whatever its file is called; the home page links the canned
queries; the facts open on the `fact_list` view (a few columns, facets by type, province and
review status); date-times show without microseconds. Datasette is the optional extra `browse`;
it is imported only here, when asked for.
"""

from __future__ import annotations

import asyncio
import html
import re
import sys
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .keys import search_key

__all__ = ["DATABASE", "metadata", "register", "app", "serve"]

DATABASE = "vnfacts"  # the name Datasette shows and puts in its URLs

# Canned queries: `vn_fold` (registered below) folds what the user types as the index was folded.
_QUERIES = {
    "search_articles": {
        "title": "Articles, folded search (dang vien finds đảng viên)",
        "sql": """SELECT a.article_id, a.published, a.province, a.title, coalesce(a.url, a.source) AS url
                  FROM articles a WHERE a.id IN (SELECT rowid FROM article_fold_fts WHERE article_fold_fts MATCH vn_fold(:q))
                  ORDER BY a.published DESC LIMIT 200""",
    },
    "search_facts": {
        "title": "Facts, folded search over their fields",
        "sql": """SELECT f.type, f.label, f.sentence, a.published, a.province, coalesce(a.url, a.source) AS url, f.fact_id
                  FROM facts f JOIN articles a ON a.article_id = f.article_id
                  WHERE f.id IN (SELECT rowid FROM fact_fold_fts WHERE fact_fold_fts MATCH vn_fold(:q))
                  ORDER BY a.published DESC LIMIT 200""",
    },
    "officials_directory": {
        "title": "Officials directory: a person's titles and organisations over time",
        "sql": """SELECT * FROM official_directory
                  WHERE person IN (SELECT person FROM person_aliases WHERE person_key LIKE '%' || vn_fold(:person) || '%'
                                   OR name_key LIKE '%' || vn_fold(:person) || '%')
                  ORDER BY person, first_seen""",
    },
    "documents_registry": {
        "title": "Documents registry: a code's type, issuer, date, title and the articles citing it",
        "sql": """SELECT r.*, c.article_id, c.article_title, c.published, c.url, c.sentence
                  FROM document_registry r JOIN document_citations c ON c.code = r.code
                  WHERE upper(r.code) = upper(:code) ORDER BY c.published""",
    },
}


_FACETS = ["type", "province", "review_status"]


def _home() -> str:
    """The home page's description: what to open first, and a link to each canned query."""
    links = "".join(f'<li><a href="/{DATABASE}/{name}">{html.escape(query["title"])}</a></li>' for name, query in _QUERIES.items())
    return (
        "<p>Facts from Vietnamese provincial party news. Start with "
        f'<a href="/{DATABASE}/fact_list">the facts</a> (filter by type, province and review status), or a canned query:</p>'
        f"<ul>{links}</ul><p>Search boxes use folded indexes: type without marks (dang vien finds đảng viên).</p>"
    )


def metadata() -> dict[str, Any]:
    """Datasette metadata: folded full-text search, the short facts view with its facets, the canned queries on the home page."""
    return {
        "title": "vnfacts",
        "description_html": _home(),
        "databases": {
            DATABASE: {
                "tables": {
                    "fact_list": {
                        "title": "Facts",
                        "facets": _FACETS,
                        "sort_desc": "published",
                        "label_column": "label",
                        "fts_table": "fact_fold_fts",
                        "fts_pk": "id",
                    },
                    "articles": {"fts_table": "article_fold_fts", "fts_pk": "id", "sort_desc": "published", "label_column": "title"},
                    "facts": {"fts_table": "fact_fold_fts", "fts_pk": "id", "label_column": "label", "facets": _FACETS},
                },
                "queries": _QUERIES,
            }
        },
    }


def register() -> None:
    """Register this module as a Datasette plugin, once, so every connection gets `vn_fold`."""
    from datasette.plugins import pm

    if not pm.is_registered(sys.modules[__name__]):
        pm.register(sys.modules[__name__], name="vnfacts")


def _hookimpl(func: Any) -> Any:
    """Mark a Datasette hook implementation when Datasette is installed (this module imports without it)."""
    try:
        from datasette import hookimpl
    except ImportError:
        return func
    return hookimpl(func)


@_hookimpl
def prepare_connection(conn: Any) -> None:
    """Datasette hook: the fold function the canned queries and FTS triggers call."""
    conn.create_function("vn_fold", 1, search_key, deterministic=True)


# How SQLite keeps a date-time: `2024-01-01 08:00:00.000000`.
_STAMP = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?")


@_hookimpl
def render_cell(value: Any) -> str | None:
    """Datasette hook: a stored date-time without seconds and microseconds, a midnight one as its date; None leaves other cells alone."""
    match = _STAMP.fullmatch(value) if isinstance(value, str) else None
    if not match:
        return None
    return match.group(1) if match.group(2) == "00:00" else f"{match.group(1)} {match.group(2)}"


def app(path: Path) -> Any:
    """A Datasette serving the SQLite database at `path` as `vnfacts`, with this module's metadata and hooks."""
    try:
        from datasette.app import Datasette
        from datasette.database import Database
    except ImportError:
        raise StoreError("vnfacts browse needs Datasette: pip install 'vnfacts[browse]'") from None
    register()
    datasette = Datasette(metadata=metadata())
    datasette.remove_database("_memory")
    datasette.add_database(Database(datasette, str(path), is_mutable=True), name=DATABASE)
    return datasette


def serve(path: Path, host: str, port: int) -> None:
    """Run Datasette on the SQLite database at `path` until interrupted."""
    import uvicorn

    datasette = app(path)
    asyncio.run(datasette.invoke_startup())
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning")
