"""Reading JSON Lines files of article records, the form `vnfacts extract` writes them in."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import RecordsError

__all__ = ["read_records"]


def read_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, record) of each record, one at a time; a bad line raises RecordsError naming the file and line."""
    try:
        with path.open(encoding="utf-8") as lines:
            for lineno, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise RecordsError(f"{path}:{lineno}: bad JSON: {exc.msg}") from None
                if not isinstance(record, dict) or not record.get("article_id"):
                    raise RecordsError(f"{path}:{lineno}: a record needs an 'article_id'")
                yield lineno, record
    except (OSError, UnicodeDecodeError) as exc:
        raise RecordsError(f"{path}: cannot read: {exc}") from None
