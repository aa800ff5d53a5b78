"""Search hits out: a table for the terminal, JSON Lines, CSV, or Parquet (for DuckDB and pandas) where pyarrow is present."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from ..errors import StoreError

__all__ = ["FORMATS", "write_hits"]

FORMATS = ("table", "json", "csv", "parquet")
_TABLE = (("kind", 10), ("published", 10), ("province", 14), ("label", 48), ("sentence", 70), ("url", 40))


def _plain(value: Any) -> Any:
    """A value as JSON and CSV write it: datetimes in ISO form."""
    return value.isoformat() if isinstance(value, datetime) else value


def _cell(value: Any, width: int) -> str:
    """A value cut to `width` characters for the table."""
    if isinstance(value, datetime):
        value = value.date()
    shown = "" if value is None else str(value).replace("\n", " ")
    return shown if len(shown) <= width else shown[: width - 1] + "…"


def write_hits(hits: list[dict[str, Any]], columns: list[str], fmt: str, stream: IO[str], out: Path | None = None) -> None:
    """Write hits in format `fmt`; Parquet goes to `out` only, the others to `stream`."""
    if fmt == "parquet":
        _write_parquet(hits, columns, out)
    elif fmt == "json":
        for hit in hits:
            stream.write(json.dumps({c: _plain(hit.get(c)) for c in columns}, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(stream, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows({c: _plain(hit.get(c)) for c in columns} for hit in hits)
    else:
        stream.write("  ".join(name.ljust(width) for name, width in _TABLE).rstrip() + "\n")
        for hit in hits:
            stream.write("  ".join(_cell(hit.get(name), width).ljust(width) for name, width in _TABLE).rstrip() + "\n")


def _write_parquet(hits: list[dict[str, Any]], columns: list[str], out: Path | None) -> None:
    """Write hits as a Parquet file at `out`; pyarrow is the optional extra `parquet`."""
    if out is None:
        raise StoreError("--format parquet writes a file: give --out FILE.parquet")
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise StoreError("--format parquet needs pyarrow: pip install 'vnfacts[parquet]'") from None
    pq.write_table(pa.Table.from_pylist([{c: hit.get(c) for c in columns} for hit in hits]), out)
