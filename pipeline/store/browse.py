"""`vnfacts browse`: Datasette on a SQLite fact database, folded search and canned directory and registry queries.

Datasette is the optional extra `browse`; it is imported only here, when asked for.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .keys import search_key

__all__ = ["metadata", "register", "serve"]

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
                  WHERE r.code = :code ORDER BY c.published""",
    },
}


def metadata(path: Path) -> dict[str, Any]:
    """Datasette metadata for the database at `path`: full-text search on the folded indexes, canned queries."""
    return {
        "title": "vnfacts",
        "description": "Facts from Vietnamese provincial party news. Search boxes use folded indexes: type without marks, or use the canned queries.",
        "databases": {
            path.stem: {
                "tables": {
                    "articles": {"fts_table": "article_fold_fts", "fts_pk": "id"},
                    "facts": {"fts_table": "fact_fold_fts", "fts_pk": "id", "label_column": "label"},
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


def serve(path: Path, host: str, port: int) -> None:
    """Run Datasette on the SQLite database at `path` until interrupted."""
    try:
        from datasette.cli import serve as datasette_serve
    except ImportError:
        raise StoreError("vnfacts browse needs Datasette: pip install 'vnfacts[browse]'") from None
    register()
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as meta:
        json.dump(metadata(path), meta, ensure_ascii=False)
        meta.flush()
        datasette_serve.main([str(path), "--metadata", meta.name, "--host", host, "--port", str(port)], standalone_mode=False)
