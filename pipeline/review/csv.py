"""The spreadsheet form of a review file: the same lines as CSV, one column per field, that reads back to the same lines."""

from __future__ import annotations

import csv
import typing
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from extractors.schema import FACT_TYPES

from ..errors import ReviewFileError
from ..store import FACT_COLUMNS

__all__ = ["columns", "write_csv", "read_csv"]

_HEAD = ("fact_id", "article_id", "url", "type")
_EVIDENCE = ("start", "end", "span", "sentence", "extractor", "confidence")
_REVIEW = ("status", "reviewer", "reviewed_at", "note")
_NUMBERS = {"start": int, "end": int, "confidence": float}
CORRECTED = "corrected."


def _field_names(kinds: Iterable[str]) -> list[str]:
    """Every field name of the fact types `kinds`, once, in schema order."""
    return list(dict.fromkeys(name for kind in kinds for name, _ in FACT_COLUMNS[kind]))


def columns(kinds: Iterable[str] | None = None) -> list[str]:
    """The CSV header for facts of `kinds` (default all): the line's keys, the corrected values over `corrected.FIELD` columns."""
    names = _field_names([k for k in FACT_COLUMNS if kinds is None or k in set(kinds)])
    return [*_HEAD, *names, *_EVIDENCE, *_REVIEW, *(CORRECTED + n for n in names)]


def write_csv(lines: list[dict[str, Any]], out: Path) -> None:
    """Write review lines as CSV with the columns of the fact types they hold; empty cells stand for null."""
    with out.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, columns({line["type"] for line in lines} or None))
        writer.writeheader()
        for line in lines:
            row = {k: v for k, v in line.items() if k != "corrected"}
            row.update({CORRECTED + k: v for k, v in (line.get("corrected") or {}).items()})
            writer.writerow({k: "" if v is None else v for k, v in row.items()})


def _cast(kind: str, name: str, cell: str) -> Any:
    """A cell as the value of field `name` of a `kind` fact (int, float or text); ValueError if it is not one."""
    if cell == "":
        return None
    hint = typing.get_type_hints(FACT_TYPES[kind])[name]
    base = next((a for a in typing.get_args(hint) or (hint,) if a is not type(None)), str)
    return base(cell) if base in (int, float) else cell


def _line(row: dict[str, str]) -> dict[str, Any]:
    """One CSV row as the JSON review line it was written from."""
    kind = row.get("type", "")
    if kind not in FACT_COLUMNS:
        return {**row, "corrected": None}
    names = [n for n, _ in FACT_COLUMNS[kind]]
    line: dict[str, Any] = {k: row.get(k) or None for k in _HEAD}
    line.update({n: _cast(kind, n, row.get(n, "")) for n in names})
    for k in _EVIDENCE:
        cell = row.get(k, "")
        line[k] = _NUMBERS[k](cell) if k in _NUMBERS and cell else cell or None
    line.update({k: row.get(k) or None for k in _REVIEW})
    corrected = {n: _cast(kind, n, row[CORRECTED + n]) for n in names if row.get(CORRECTED + n, "") != ""}
    line["corrected"] = corrected or None
    return line


def read_csv(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number, review line) of each CSV row; a cell of the wrong kind gives a ReviewFileError value."""
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        for row in reader:
            try:
                yield reader.line_num, _line(row)
            except ValueError as exc:
                yield reader.line_num, ReviewFileError(f"bad cell: {exc}")
