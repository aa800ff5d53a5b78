"""Recognising titles in a sentence, for the `official` extractor.

Every title in a sentence is found (titles.txt, central_titles.txt, title_abbreviations.txt),
with its prefix (`nguyên`, `cựu`, `tân`, `quyền`). A whole-title abbreviation takes the title
words after it (`PBT Thường trực` → `Phó Bí thư Thường trực`); an abbreviated body after a title's
head is the organization as written (`Chủ nhiệm UBKT Tỉnh ủy` → `Chủ nhiệm` + `UBKT Tỉnh ủy`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .context import roles
from .lexicon import alternation, entries, table
from .names import is_name_word
from .organizations import Sentence, head_at

_FULL_TITLES = {t.lower(): t for t in entries("titles")}
_CENTRAL_TITLES = {t.lower(): t for t in entries("central_titles")}
_ABBREVIATIONS = table("title_abbreviations")
_CENTRAL = frozenset(_CENTRAL_TITLES.values())
_WORD_ABBREVIATIONS = table("title_word_abbreviations")
_SHORT_WORDS = re.compile(rf"(?<!\w)(?:{alternation(list(_WORD_ABBREVIATIONS))})(?!\w)")
# Each abbreviated part of a title in full (lower case), with the ways it is written short.
_SHORT_FORMS = {full.lower(): [short for short, same in _WORD_ABBREVIATIONS.items() if same == full] for full in set(_WORD_ABBREVIATIONS.values())}


def _title_pattern(title: str) -> str:
    """A regex for a title in any case, each of its parts that has an abbreviation also written short."""
    pattern = re.escape(title)
    for full, forms in _SHORT_FORMS.items():
        written = "|".join(re.escape(form) for form in forms)
        pattern = re.sub(re.escape(re.escape(full)), lambda m, written=written: f"(?:{m.group()}|(?-i:{written}))", pattern, flags=re.IGNORECASE)
    return pattern


_ALL_TITLES = sorted({*_FULL_TITLES.values(), *_CENTRAL}, key=len, reverse=True)
# The first words a title (or its prefix) can start with: a cheap look-ahead before the long alternation.
_PREFIXES = roles("official_cues")["title_prefix"]
_FIRST_WORDS = alternation([t.split()[0] for t in (*_ALL_TITLES, *_WORD_ABBREVIATIONS, *_PREFIXES)])
# A title, maybe after `nguyên`/`cựu` (former), `tân` (new) or `quyền` (acting): the titles longest
# first, any case, abbreviated parts in their own case; then whole-title abbreviations (`PBT`).
TITLE = re.compile(
    rf"(?<![\w/])(?=(?i:{_FIRST_WORDS})(?!\w)|{alternation(list(_ABBREVIATIONS))})"
    rf"(?:(?P<prefix>(?i:{alternation(_PREFIXES)}))\s+)?(?P<title>(?i:" + "|".join(_title_pattern(t) for t in _ALL_TITLES) + rf")|{alternation(list(_ABBREVIATIONS))})(?![\w/])"
)


def _insertions(expansion: str) -> dict[str, str]:
    """The titles that are `expansion` with title words written after its first word, by those words (lower
    case): `Phó Bí thư` → {`thường trực`: `Phó Bí thư Thường trực`}, `Ủy viên Ban Chấp hành` → {`dự khuyết`:
    `Ủy viên dự khuyết Ban Chấp hành`, ...}."""
    words = expansion.lower().split()
    found: dict[str, str] = {}
    for title in _ALL_TITLES:
        full = title.split()
        extra = len(full) - len(words)
        if extra <= 0:
            continue
        lower = [w.lower() for w in full]
        for at in range(1, len(words) + 1):
            if lower[:at] == words[:at] and lower[at + extra :] == words[at:]:
                found.setdefault(" ".join(lower[at : at + extra]), title)
    return found


# What a whole-title abbreviation's title becomes when title words follow it (`PBT Thường trực`).
_EXTENDED = {expansion: _insertions(expansion) for expansion in set(_ABBREVIATIONS.values())}
_EXTENSION = {
    expansion: re.compile(r"\s+(?P<words>(?i:" + "|".join(map(_title_pattern, sorted(words, key=len, reverse=True))) + r"))(?![\w/])")
    for expansion, words in _EXTENDED.items()
    if words
}
# An organization that is only the central body (`Trung ương`, `TW`, `Trung ương Đảng`): it belongs to the
# title, which then names its central body whole (`Trưởng Ban Tổ chức Trung ương`).
CENTRE = "Trung ương"
CENTRAL_BODY = re.compile(rf"(?P<centre>(?i:{re.escape(CENTRE)})|{alternation(_SHORT_FORMS[CENTRE.lower()])})(?P<party>\s+(?i:đảng))?")
# Words right before a title that make it the name of a body (`Ban Giám đốc`, `Đoàn Chủ tịch`).
_BODY_OF_TITLES = frozenset(roles("official_cues")["body_of_titles"])


@dataclass(frozen=True, slots=True)
class Title:
    """A title found in a sentence: tokens[first:last], written out in full."""

    first: int
    last: int
    title: str
    central: bool
    former: bool
    abbreviated: bool
    org_first: int | None = None  # where its organization starts, when the title ends inside it


def find_titles(sent: Sentence) -> list[Title]:
    """Every title in a sentence, in order, with abbreviations checked for their case.

    A whole-title abbreviation takes the title words after it (`PBT Thường trực` → `Phó Bí thư
    Thường trực`); a title whose body is written as an abbreviated organization stops before it
    (`Chủ nhiệm UBKT Tỉnh ủy` → `Chủ nhiệm` + `UBKT Tỉnh ủy`).
    """
    found: list[Title] = []
    for match in TITLE.finditer(sent.text):
        written = match.group("title")
        prefix = match.group("prefix")
        first = sent.at(match.start())
        if found and first < found[-1].last:
            continue
        if prefix and prefix[0].isupper() and is_name_word(sent.word(first - 1)):
            prefix, first = None, sent.at(match.start("title"))
        end, body = match.end(), None
        if written in _ABBREVIATIONS:
            title, abbreviated = _ABBREVIATIONS[written], True
            more = _EXTENSION[title].match(sent.text, end) if title in _EXTENSION else None
            if more:
                key = _SHORT_WORDS.sub(lambda m: _WORD_ABBREVIATIONS[m.group()], more.group("words")).lower()
                title, end = _EXTENDED[title][key], more.end()
        else:
            key = _SHORT_WORDS.sub(lambda m: _WORD_ABBREVIATIONS[m.group()], written).lower()
            title = _CENTRAL_TITLES.get(key) or _FULL_TITLES[key]
            abbreviated = key != written.lower()
            if abbreviated and title not in _CENTRAL:
                title, end, abbreviated, body = _before_body(sent, match.start("title"), written, title, end)
        if not prefix and sent.word(first - 1).lower() in _BODY_OF_TITLES:
            continue
        if prefix and prefix.lower() == "quyền":
            title = f"Quyền {title}"
        former = bool(prefix) and prefix.lower() in {"nguyên", "cựu"}
        org_first = sent.at(body) if body is not None else None
        found.append(Title(first, sent.at(end), title, title in _CENTRAL, former, abbreviated, org_first))
    return found


def _before_body(sent: Sentence, start: int, written: str, title: str, end: int) -> tuple[str, int, bool, int | None]:
    """A title written with an abbreviated body (`Chủ nhiệm UBKT`, `Trưởng Đoàn ĐBQH`) cut before that body,
    which is the organization as written (`UBKT Tỉnh ủy`, `Đoàn ĐBQH tỉnh`, sharing the head `Đoàn`).

    Returns the title's first words, the character it ends at, whether it is still abbreviated, and the
    character its organization starts at; a title with no such body comes back whole, with None.
    """
    for short in _SHORT_WORDS.finditer(written):
        if short.start() == 0:
            continue
        i = sent.at(start + short.start())
        head = head_at(sent, i)
        shared = head_at(sent, i - 1) if head is None else None
        if head is None and (shared is None or shared.end() <= sent.tokens[i].start):
            continue
        before = written[: short.start()].rstrip()
        words = _SHORT_WORDS.sub(lambda m: _WORD_ABBREVIATIONS[m.group()], before).split()
        body = sent.tokens[i - 1 if head is None else i].start
        return " ".join(title.split()[: len(words)]), start + len(before), before != " ".join(words), body
    return title, end, True, None
