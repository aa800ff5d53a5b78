"""Dates and periods as Vietnamese news writes them, read to ISO 8601.

`23-5-2016`, `10/04/2019`, `ngày 5 tháng 7 năm 2018` are dates (`2016-05-23`);
`tháng 6/2020` is a month (`2020-06`), `quý I/2019` a quarter (`2019-Q1`),
`năm 2015` a year, and `từ năm 2016 đến 30-6-2019` or `nhiệm kỳ 2015 - 2020`
a period written `start/end` (`2016/2019-06-30`, `2015/2020`).
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["DATE", "iso_date", "parse_date", "find_period", "find_periods"]

_SEP = r"\s*[-/.]\s*"
# A full date: day, month and four-digit year.
DATE = (
    rf"(?:ngày\s+)?(?P<d>\d{{1,2}}){_SEP}(?P<m>\d{{1,2}}){_SEP}(?P<y>(?:19|20)\d\d)(?!\d)"
    r"|ngày\s+(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>(?:19|20)\d\d)"
)
_DATE = re.compile(DATE, re.IGNORECASE)

_ROMAN_QUARTER = {"I": 1, "II": 2, "III": 3, "IV": 4}
_YEAR = r"(?:19|20)\d\d"
_PERIOD = re.compile(
    rf"""
    (?P<range>(?:từ\s+)?(?:năm\s+)?(?P<r1>{_YEAR})\s*(?:-|–|đến|tới)\s*(?:nay|(?:năm\s+|ngày\s+)?(?P<r2>{DATE.replace("(?P<", "(?P<e")}|{_YEAR})))
    | (?P<term>(?P<edge>đầu|cuối|cả)?\s*(?:nhiệm\s+kỳ|giai\s+đoạn)\s+(?P<t1>{_YEAR})\s*(?:-|–|đến)\s*(?P<t2>{_YEAR}))
    | (?P<date>{DATE})
    | (?P<quarter>quý\s+(?P<q>IV|I{{1,3}}|[1-4])\s*(?:/|năm)\s*(?P<qy>{_YEAR}))
    | (?P<month>tháng\s+(?P<mm>\d{{1,2}})\s*(?:/|năm)\s*(?P<my>{_YEAR}))
    | (?P<year>năm\s+(?P<yy>{_YEAR}))
    """,
    re.IGNORECASE | re.VERBOSE,
)


def iso_date(day: int | str, month: int | str, year: int | str) -> str | None:
    """`2016-05-23` for (23, 5, 2016); None when no such day exists."""
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _date_of(match: re.Match, prefix: str = "") -> str | None:
    """The ISO date of a match of DATE, whichever of its two forms matched."""
    g = match.groupdict()
    if g.get(f"{prefix}d"):
        return iso_date(g[f"{prefix}d"], g[f"{prefix}m"], g[f"{prefix}y"])
    return iso_date(g[f"{prefix}d2"], g[f"{prefix}m2"], g[f"{prefix}y2"])


def parse_date(text: str) -> str | None:
    """The ISO date written at the start of `text` (`ngày 23-5-2016 ...`), if any."""
    match = _DATE.match(text.strip())
    return _date_of(match) if match else None


def _period(match: re.Match) -> str | None:
    """The ISO form of one period match."""
    g = match.groupdict()
    if g["range"]:
        end = _date_of(match, "e") if g.get("ed") or g.get("ed2") else g["r2"]
        return f"{g['r1']}/{end}" if end else g["r1"]
    if g["term"]:
        edge = (g["edge"] or "").lower()
        return {"đầu": g["t1"], "cuối": g["t2"]}.get(edge, f"{g['t1']}/{g['t2']}")
    if g["date"]:
        return _date_of(match)
    if g["quarter"]:
        q = g["q"].upper()
        return f"{g['qy']}-Q{_ROMAN_QUARTER.get(q, q)}"
    if g["month"]:
        month = int(g["mm"])
        return f"{g['my']}-{month:02d}" if 1 <= month <= 12 else None
    return g["yy"]


def find_period(text: str) -> str | None:
    """The last date or period written in `text`, in ISO form: the one nearest what follows it."""
    found = None
    for match in _PERIOD.finditer(text):
        found = _period(match) or found
    return found


def find_periods(text: str) -> list[tuple[int, int, str]]:
    """Every date or period written in `text`: (start, end, ISO form), in text order."""
    found = []
    for match in _PERIOD.finditer(text):
        iso = _period(match)
        if iso:
            found.append((match.start(), match.end(), iso))
    return found
