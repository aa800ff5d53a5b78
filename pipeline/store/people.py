"""People in the stored articles: the officials directory's name merges.

`merge_names` is a domain rule over plain data; `refresh_people` writes the merges into
`person_aliases` after a load.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from extractors.lexicon import alternation, table

from ..text.normalize import fold, normalize
from .keys import UNMARK, search_key
from .schema import facts, person_aliases


@lru_cache(maxsize=1)
def _honorific_prefix() -> re.Pattern:
    """Honorifics that may still stand before a name (`ông`, `đồng chí`, `đ/c`), from the lexicon."""
    return re.compile(rf"^(?:{alternation(list(table('honorifics')))})\s+", re.I)


def merge_names(names: Iterable[str]) -> dict[str, str]:
    """Each person name written → the name of the person it is merged into, merging only when safe.

    Safe: the same name after normalisation and case, or with an honorific left in front; a name
    written without marks or without a middle name when exactly one fuller name fits it.
    """
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(fold(_honorific_prefix().sub("", fold(name))), []).append(name)
    # the written form of each group: without honorific, the most marked letters, capitalised as a name
    display = {
        key: max(sorted(_honorific_prefix().sub("", normalize(n).text).strip() for n in variants), key=lambda n: (sum(not c.isascii() for c in n), n.istitle()))
        for key, variants in groups.items()
    }
    by_unmarked: dict[str, list[str]] = {}
    for key in groups:
        by_unmarked.setdefault(key.translate(UNMARK), []).append(key)
    target = {key: key for key in groups}
    for key in groups:
        marked = [k for k in by_unmarked[key.translate(UNMARK)] if k != key]
        if key.isascii() and len(marked) == 1:
            target[key] = marked[0]
    full: dict[tuple[str, str], list[list[str]]] = {}
    for key in groups:
        words = key.split()
        if target[key] == key and len(words) >= 3:
            full.setdefault((words[0], words[-1]), []).append(words)
    for key in groups:
        words = key.split()
        if target[key] != key or len(words) < 2:
            continue
        fits = [f for f in full.get((words[0], words[-1]), []) if _shorter_form(words, f)]
        if len(fits) == 1:
            target[key] = " ".join(fits[0])
    return {name: display[target[key]] for key, variants in groups.items() for name in variants}


def _shorter_form(short: list[str], full: list[str]) -> bool:
    """Whether `short` is `full` (same surname, same given name) with some middle names left out."""
    if len(short) >= len(full):
        return False
    middle = iter(full[1:-1])
    return all(word in middle for word in short[1:-1])


def refresh_people(conn: Connection) -> None:
    """Rebuild `person_aliases` from every official's name in the database."""
    names = conn.execute(select(facts.c.official_person).where(facts.c.type == "official").distinct()).scalars()
    merged = merge_names(n for n in names if n)
    conn.execute(delete(person_aliases))
    if merged:
        rows = [{"name": n, "person": p, "name_key": search_key(n), "person_key": search_key(p)} for n, p in sorted(merged.items())]
        conn.execute(insert(person_aliases), rows)
