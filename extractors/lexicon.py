"""Lexicons are data files under extractors/lexicons/; this module is the one way to read them.

A lexicon file has one entry per line; `#` starts a comment, blank lines are skipped,
and a tab separates the columns of a table (an abbreviation and its expansion, say).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

__all__ = ["LEXICON_DIR", "entries", "table", "alternation"]

LEXICON_DIR = Path(__file__).with_name("lexicons")


@lru_cache(maxsize=None)
def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of lexicon `name`, each a tuple of its tab-separated columns."""
    path = LEXICON_DIR / f"{name}.txt"
    if not path.is_file():
        raise FileNotFoundError(f"no lexicon {name!r}: expected {path}")
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            rows.append(tuple(col.strip() for col in line.split("\t")))
    return tuple(rows)


def entries(name: str) -> tuple[str, ...]:
    """The first column of every row of lexicon `name`."""
    return tuple(row[0] for row in _rows(name))


def table(name: str) -> dict[str, str]:
    """Lexicon `name` read as a two-column table: first column to second."""
    out = {}
    for row in _rows(name):
        if len(row) < 2:
            raise ValueError(f"lexicon {name!r}: row {row[0]!r} has no second column")
        out[row[0]] = row[1]
    return out


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of `words`, longest first so the longest alternative wins."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
