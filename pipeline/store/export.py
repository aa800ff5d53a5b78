"""Search hits out: a table for the terminal, JSON Lines, CSV, or Parquet (for DuckDB and pandas) where pyarrow is present.

The table fits the terminal: one line per hit with the part of the sentence around the fact,
and the hit's URL whole on the line below it, so it can be opened; `wide` gives one long line
per hit with every cell whole, for a pager or a file.
"""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from ..errors import StoreError

__all__ = ["FORMATS", "SUFFIXES", "format_for", "window", "write_hits"]

FORMATS = ("table", "json", "csv", "parquet")
# The format a file's suffix implies, when --format is not given.
SUFFIXES = {".csv": "csv", ".json": "json", ".jsonl": "json", ".parquet": "parquet", ".txt": "table"}
# Fixed table columns and their widths; the label and the sentence share what the terminal has left.
_FIXED = (("kind", 10), ("published", 10), ("province", 12))
_GAP = "  "
_URL_INDENT = "    "


def format_for(out: Path | None, fmt: str | None) -> str:
    """The format to write: `fmt`, else the one `out`'s suffix names, else the table; a mismatch raises StoreError."""
    implied = SUFFIXES.get(out.suffix.lower()) if out else None
    if fmt and implied and fmt != implied:
        raise StoreError(f"--out {out}: a {out.suffix} file holds {implied}, not {fmt}; change the suffix or --format")
    if fmt:
        return fmt
    if out and not implied:
        raise StoreError(f"--out {out}: cannot tell the format from the suffix; give --format ({', '.join(FORMATS)})")
    return implied or "table"


def _plain(value: Any) -> Any:
    """A value as JSON and CSV write it: datetimes in ISO form."""
    return value.isoformat() if isinstance(value, datetime) else value


def _text(value: Any) -> str:
    """A cell's text on one line; a date-time as its date."""
    if isinstance(value, datetime):
        value = value.date()
    return "" if value is None else " ".join(str(value).split())


def _cut(shown: str, width: int) -> str:
    """`shown` cut to `width` characters, an ellipsis marking the cut."""
    return shown if len(shown) <= width else shown[: max(width - 1, 0)] + "…"


def window(sentence: str, anchor: str | None, width: int) -> str:
    """The part of `sentence`, at most `width` characters, with `anchor` (the fact's evidence) in its middle."""
    sentence = _text(sentence)
    if len(sentence) <= width:
        return sentence
    at = sentence.find(_text(anchor)) if anchor else -1
    if at < 0:
        return _cut(sentence, width)
    centre = at + len(_text(anchor)) // 2
    start = max(0, min(centre - width // 2, len(sentence) - width))
    shown = sentence[start : start + width]
    if start > 0:
        shown = "…" + shown[1:]
    if start + width < len(sentence):
        shown = shown[:-1] + "…"
    return shown


def _table(hits: list[dict[str, Any]], stream: IO[str], width: int, wide: bool) -> None:
    """The hits as a table `width` characters wide, each hit's URL whole below it; `wide`: every cell whole, one line a hit."""
    names = [name for name, _ in _FIXED] + ["label", "sentence"] + (["url"] if wide else [])
    if wide:
        rows = [[_text(hit.get(n)) for n in names] for hit in hits]
        widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
        stream.write(_GAP.join(n.ljust(w) for n, w in zip(names, widths)).rstrip() + "\n")
        stream.writelines(_GAP.join(c.ljust(w) for c, w in zip(row, widths)).rstrip() + "\n" for row in rows)
        return
    rest = max(width - sum(w for _, w in _FIXED) - len(_GAP) * (len(_FIXED) + 1), 30)
    label_width = min(max((len(_text(h.get("label"))) for h in hits), default=5), rest // 2)
    widths = [w for _, w in _FIXED] + [label_width, rest - label_width]
    stream.write(_GAP.join(n.ljust(w) for n, w in zip(names, widths)).rstrip() + "\n")
    for hit in hits:
        cells = [_cut(_text(hit.get(n)), w) for n, w in zip(names[:-1], widths)]
        cells.append(window(hit.get("sentence") or "", hit.get("span"), widths[-1]))
        stream.write(_GAP.join(c.ljust(w) for c, w in zip(cells, widths)).rstrip() + "\n")
        stream.write(f"{_URL_INDENT}{hit.get('url') or ''}\n")


def write_hits(hits: list[dict[str, Any]], columns: list[str], fmt: str, stream: IO[str], out: Path | None = None, width: int = 100, wide: bool = False) -> None:
    """Write hits in format `fmt`; Parquet goes to `out` only, the others to `stream`; a table fits `width` columns unless `wide`."""
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
        _table(hits, stream, width, wide)


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
