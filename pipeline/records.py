"""Reading JSON Lines files of article records, the form `vnfacts extract` writes them in."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import RecordsError

__all__ = ["read_records", "record_problems"]


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


def record_problems(record: dict[str, Any]) -> list[str]:
    """Why a record cannot be stored as it is: its text is not a string, its facts not a list of facts, a span outside the text."""
    text = record.get("text")
    if "error" in record:
        return []
    if not isinstance(text, str):
        return [f"'text' must be a string, not {type(text).__name__}"]
    found = record.get("facts", [])
    if not isinstance(found, list):
        return [f"'facts' must be a list of facts, not {type(found).__name__}"]
    problems = []
    for n, fact in enumerate(found, 1):
        if not isinstance(fact, dict) or not isinstance(fact.get("type"), str):
            problems.append(f"fact {n}: not a fact (an object with a 'type')")
            continue
        start, end = fact.get("start"), fact.get("end")
        if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
            problems.append(f"fact {n}: 'start' and 'end' must be integers, not {start!r} and {end!r}")
        elif not 0 <= start < end <= len(text):
            problems.append(f"fact {n}: span {start}..{end} is reversed or outside the text (0..{len(text)})")
    return problems
