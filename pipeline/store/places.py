"""An article's province, from the places it names: provinces, and the cities and districts of a shipped data file.

`data/admin_units.toml` lists Vietnam's provinces before and after the merger of 1 July 2025 and
the cities, towns and districts of each; a unit named after `Thành ủy`, `huyện`, `thị xã`, ...
counts for its province, under the province's name at the article's date.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["ADMIN_UNITS", "MERGER", "province_of", "province_map"]

ADMIN_UNITS = Path(__file__).with_name("data") / "admin_units.toml"
MERGER = date(2025, 7, 1)  # the day the 63 provinces became 34

# The words that put a place name in the role of an administrative unit.
_UNIT_WORDS = r"[Tt]ỉnh(?: [uủ][yỷ])?|[Tt]hành [uủ][yỷ]|[Tt]hành phố|TP\.?|[Hh]uyện(?: [uủ][yỷ])?|[Tt]hị [uủ][yỷ]|[Tt]hị xã|[Qq]uận(?: [uủ][yỷ])?"


@lru_cache(maxsize=1)
def province_map() -> dict[str, tuple[str, str]]:
    """Each place name written → (its province before the merger, after it); ambiguous unit names left out."""
    data = tomllib.loads(ADMIN_UNITS.read_text(encoding="utf-8"))
    provinces: dict[str, tuple[str, str]] = {}
    units: dict[str, set[tuple[str, str]]] = {}
    for name, entry in data.items():
        both = (name, entry["after"])
        for alias in [name, *entry.get("aliases", [])]:
            provinces[alias] = both
        for unit in entry.get("units", []):
            units.setdefault(unit, set()).add(both)
    for after in {entry["after"] for entry in data.values()}:
        provinces.setdefault(after, (after, after))
    unique = {unit: next(iter(found)) for unit, found in units.items() if len(found) == 1 and unit not in provinces}
    return {**unique, **provinces}


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    """A unit word then a known place name, the longest name first."""
    names = "|".join(re.escape(n) for n in sorted(province_map(), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{_UNIT_WORDS})\s+({names})(?!\w)")


def _after_merger(published: Any) -> bool:
    """Whether the article appeared on or after the merger's day (undated: no)."""
    try:
        day = datetime.fromisoformat(str(published)).date() if published else None
    except ValueError:
        day = None
    return day is not None and day >= MERGER


def province_of(record: dict[str, Any]) -> str | None:
    """The province the article's text names most often (a city or district counting for its province), else the source's.

    A province is named as it was on the article's date: `Yên Bái` before the merger, `Lào Cai` after it.
    """
    places = province_map()
    which = 1 if _after_merger(record.get("published")) else 0
    text = f"{record.get('title') or ''}\n{record.get('text') or ''}"
    found = Counter(places[m.group(1)][which] for m in _pattern().finditer(text))
    if found:
        return found.most_common(1)[0][0]
    source = record.get("province")
    return places[source][which] if source in places else source
