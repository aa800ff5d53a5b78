"""Organisation names as news writes them after a title: where one starts and where it ends.

An organization starts at a head (`Tỉnh ủy`, `Đảng ủy Khối`, `UBND`, `Sở`, `xã`) and goes on
over capitalised words, numbers (`Chi bộ thôn 3`, `Sư đoàn 3`), places and the lower-case words of
org_words.txt (the longer reading where a word is also a unit: `khu công nghiệp`, not `khu`); it ends at
punctuation, at a verb or function word (org_stops.txt), at an honorific, at a title, or where
a person's name begins. Whether a capitalised run holds a name is the caller's to say (it
knows names): `read_organization` asks it with the place mode of the run — `required` after
`xã`/`huyện` (the run starts with the place), `named` after `Trường`, `Bệnh viện` (it starts with
the institution's proper name), `optional` anywhere else in the organization.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from .context import roles
from .lexicon import alternation, entries, table

__all__ = [
    "Token",
    "Sentence",
    "OrgSpan",
    "NameSplit",
    "read_organization",
    "PLACE",
    "HONORIFIC",
    "NAME_PREFIX",
    "ADMIN_UNITS",
    "SHORT_HEADS",
    "NAMED_HEADS",
    "head_at",
]

# A word (letters and digits, with inner `.`, `/` or `'` as in `PGS.TS`, `đ/c`, `14/4`, `H'Liên`) or one other character.
_TOKEN = re.compile(r"[^\W_]+(?:[./'’][^\W_]+)*|\S")


class Token(NamedTuple):
    """A word or punctuation mark of a sentence, with its character span."""

    text: str
    start: int
    end: int


class Sentence:
    """A sentence cut into tokens, with the token indices where titles start (organizations end there)."""

    __slots__ = ("text", "tokens", "starts", "stops", "_words", "_word_starts")

    def __init__(self, text: str, words: Callable[[], list[tuple[int, int]] | None] | None = None):
        self.text = text
        self.tokens = [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        self.starts = [t.start for t in self.tokens]
        self.stops: set[int] = set()
        self._words = words
        self._word_starts: frozenset[int] | None = None

    def word_starts(self) -> frozenset[int]:
        """The indices of the tokens where a segmented word starts (underthesea's, asked for on first call);
        empty when the sentence came without a segmenter."""
        if self._word_starts is None:
            spans = self._words() if self._words else None
            self._word_starts = frozenset(self.at(a) for a, _ in spans or ())
        return self._word_starts

    def at(self, pos: int) -> int:
        """The index of the first token starting at or after character `pos`."""
        return bisect_left(self.starts, pos)

    def word(self, i: int) -> str:
        """The text of token i, or '' outside the sentence."""
        return self.tokens[i].text if 0 <= i < len(self.tokens) else ""

    def words(self, first: int, last: int) -> list[str]:
        """The texts of tokens[first:last]."""
        return [t.text for t in self.tokens[first:last]]

    def capitalised(self, i: int) -> bool:
        """Whether token i is a word starting with a capital letter (`Tỉnh`, `UBND`, `Ngối`)."""
        word = self.word(i)
        return bool(word) and word[0].isalpha() and word[0].isupper()

    def lower(self, i: int) -> bool:
        """Whether token i is a lower-case word."""
        word = self.word(i)
        return bool(word) and word[0].isalpha() and word[0].islower()

    def match(self, pattern: re.Pattern, i: int) -> re.Match | None:
        """`pattern` matched at the start of token i."""
        return pattern.match(self.text, self.tokens[i].start) if 0 <= i < len(self.tokens) else None


@dataclass(frozen=True, slots=True)
class OrgSpan:
    """An organization read from tokens[first:last] (characters start:end), and the name run right after it."""

    start: int
    end: int
    first: int
    last: int
    name: tuple[int, int] | None


# Asked where a person's name starts in the capitalised run tokens[a:b] read in a place mode: b for none.
NameSplit = Callable[[Sentence, int, int, str], int]

ADMIN_UNITS: dict[str, str] = {unit.lower(): mode for unit, mode in table("admin_units").items()}
SHORT_HEADS = frozenset(entries("org_short_heads"))
NAMED_HEADS = frozenset(head.lower() for head in entries("named_heads"))

_LONG_HEAD = re.compile(rf"(?i:{alternation(entries('organizations'))})(?!\w)")
# Where an organization starts: any head, in any case (`Giám đốc sở Y tế`, `Trưởng phòng Nội vụ`).
_HEAD = re.compile(rf"(?:{_LONG_HEAD.pattern}|(?i:{alternation(list(SHORT_HEADS))}))(?!\w)")
_ADMIN = re.compile(rf"(?i:{alternation(list(table('admin_units')))})(?!\w)")
PLACE = re.compile(rf"(?:{alternation(entries('places'))})(?!\w)")
_STOP = re.compile(rf"(?:{alternation(entries('org_stops'))})(?!\w)")
HONORIFIC = re.compile(rf"(?i:{alternation(list(table('honorifics')))})(?![\w/])")
# A degree or rank written before a name (`Đại tá`, `PGS.TS`): a person's mention starts there.
NAME_PREFIX = re.compile(rf"(?:{alternation(entries('name_prefixes'))})\.?(?=\s+[^\W\d_])")
_ORG_WORD = re.compile(rf"(?:{alternation(entries('org_words'))})(?!\w)")
# Words an organization may not end on: they only join what follows.
_CONNECTORS = frozenset({"-", "–", "&", *roles("official_cues")["org_connector"]})


def _capital_run(sent: Sentence, i: int) -> int:
    """The end of the run of capitalised words from token i, cut at a title."""
    j = i
    while sent.capitalised(j) and (j == i or j not in sent.stops):
        j += 1
    return j


def read_organization(sent: Sentence, i: int, split_name: NameSplit, headless: bool = False) -> OrgSpan | None:
    """The organization starting at token i, or None where no head starts there.

    sent (Sentence): the sentence, with its title starts as stops.
    i (int): the token the organization must start at.
    split_name (NameSplit): where a person's name starts in a capitalised run.
    headless (bool): start at any capitalised word (`Bộ trưởng Tài chính ...`) instead of a head;
        the organization may then be empty (first == last) where that word starts the person's name.
    RETURNS (OrgSpan | None): the organization and the name run after it.
    """
    if headless:
        if not sent.capitalised(i):
            return None
        mode, j = "optional", i
    else:
        head = sent.match(_HEAD, i) or sent.match(_ADMIN, i)
        if head is None:
            return None
        mode, j = _mode_after(head.group()), sent.at(head.end())
    end = j
    name: tuple[int, int] | None = None
    while j < len(sent.tokens) and j not in sent.stops and not sent.match(NAME_PREFIX, j):
        alpha = sent.word(j)[0].isalpha()
        inner = sent.match(_LONG_HEAD, j) if alpha else None
        admin = sent.match(_ADMIN, j) if alpha and not inner else None
        if admin and sent.lower(j) and _longer_word(sent, j, admin.end()):
            admin = None  # `khu công nghiệp` is one organization word, not the unit `khu`
        if inner or admin:
            mode = _mode_after((inner or admin).group())
            j = end = sent.at((inner or admin).end())
            continue
        if sent.capitalised(j):
            place = sent.match(PLACE, j)
            if place:
                j = end = sent.at(place.end())
                mode = "optional"
                continue
            run_end = _capital_run(sent, j)
            after = _continuation(sent, j, run_end)
            if after is not None:
                j = end = after
                mode = "optional"
                continue
            split = split_name(sent, j, run_end, mode)
            if split < run_end:
                end, name = split, (split, run_end)
                break
            j = end = run_end
            mode = "optional"
            if _joins_more(sent, run_end, split_name):
                continue
            break
        if sent.word(j).isdigit():
            j = end = j + 1
            mode = "optional"  # the number names the unit (`thôn 3`, `Sư đoàn 3`): a name may follow
            continue
        if _joins_more(sent, j, split_name):
            j += 1
            continue
        if not sent.lower(j) or sent.match(_STOP, j) or sent.match(HONORIFIC, j):
            break
        word = sent.match(_ORG_WORD, j)
        if word is None:
            break
        j = end = sent.at(word.end())
    while end > i and sent.word(end - 1) in _CONNECTORS:
        end -= 1
    first = sent.tokens[i]
    return OrgSpan(first.start, sent.tokens[end - 1].end if end > i else first.start, i, end, name)


def head_at(sent: Sentence, i: int) -> re.Match | None:
    """The organization head (`UBKT`, `Đoàn ĐBQH`, `Sở`) that token i starts, if any."""
    return sent.match(_HEAD, i)


def _longer_word(sent: Sentence, i: int, end: int) -> bool:
    """Whether an organization word from token i reaches past character `end` (`khu vực` past `khu`)."""
    word = sent.match(_ORG_WORD, i)
    return word is not None and word.end() > end


def _mode_after(head: str) -> str:
    """The place mode of a capitalised run right after a head or unit: `required`, `named` or `optional`."""
    key = head.lower()
    return ADMIN_UNITS.get(key) or ("named" if key in NAMED_HEADS else "optional")


def _continuation(sent: Sentence, a: int, b: int) -> int | None:
    """Where the organization goes on after the capitalised run tokens[a:b], or None where the run may end it.

    A number or an organization word after the run carries it on (`Việt Nam tỉnh`, `Sư đoàn 316`);
    a one-word run takes its lower-case second syllable with it (`Tài nguyên`, `Môi trường`).
    """
    if b >= len(sent.tokens) or b in sent.stops:
        return None
    if sent.word(b).isdigit():
        return b
    if not sent.lower(b) or sent.word(b) in _CONNECTORS:
        return None
    if sent.match(_STOP, b) or sent.match(HONORIFIC, b):
        return None
    if sent.match(_ORG_WORD, b) or sent.match(_ADMIN, b):
        return b
    return b + 1 if b - a == 1 else None


def _joins_more(sent: Sentence, b: int, split_name: NameSplit) -> bool:
    """Whether token b is a connector (`và`, `-`) joining more organization, not a person, after it."""
    if sent.word(b) not in _CONNECTORS or b + 1 >= len(sent.tokens) or b + 1 in sent.stops:
        return False
    if sent.match(HONORIFIC, b + 1) or sent.match(_STOP, b + 1):
        return False
    if sent.capitalised(b + 1):
        run_end = _capital_run(sent, b + 1)
        return split_name(sent, b + 1, run_end, "optional") == run_end
    return bool(sent.match(_ORG_WORD, b + 1) or sent.match(_ADMIN, b + 1))
