"""Lexicons are data files under extractors/lexicons/; this module is the one way to read them.

A lexicon file has one entry per line; a line starting with `#` is a comment, blank lines
are skipped, and a tab separates the columns of a table (an abbreviation and its expansion,
say). `data_lines` is the one reader of such line files, cleaning's data files included: a
`#` inside an entry is kept, as regular expressions and CSS selectors use it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

__all__ = ["LEXICON_DIR", "data_lines", "entries", "table", "alternation"]

LEXICON_DIR = Path(__file__).with_name("lexicons")


def data_lines(path: Path) -> list[str]:
    """The entries of a data file, stripped: blank lines and comment lines (first character `#`) left out."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@cache
def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of lexicon `name`, each a tuple of its tab-separated columns."""
    path = LEXICON_DIR / f"{name}.txt"
    if not path.is_file():
        raise FileNotFoundError(f"no lexicon {name!r}: expected {path}")
    return tuple(tuple(col.strip() for col in line.split("\t")) for line in data_lines(path))


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
