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
    """A regex matching any of `words`, the longest first, compiled as a trie so big lexicons stay fast."""
    trie: dict = {}
    for word in set(words):
        if word:
            node = trie
            for char in word:
                node = node.setdefault(char, {})
            node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    """The regex of one trie node: its branches, longest first, optional where a word ends here."""
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return (f"(?:{body})" if len(branches) == 1 and len(body) > 1 else body) + "?"
    return body
