"""Recognising a person's name in a sentence, for the `official` extractor.

A name is 2 to 4 capitalised syllables starting with a surname (surnames.txt); where a
place ends and a name begins (`tỉnh Hà Giang Hoàng Văn A`) is read with places.txt and the
unit before the run. Historical figures (`Chủ tịch Hồ Chí Minh`) are never officials. Names are
found after a title (`name_after`), before one (`name_before`), in lists (`listed_after`) and
on lines of their own (`read_byline`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .context import roles
from .lexicon import alternation, entries, table
from .organizations import ADMIN_UNITS, HONORIFIC, NAME_PREFIX, NAMED_HEADS, Sentence

_HONORIFICS = {k.lower(): v for k, v in table("honorifics").items()}
_SURNAMES = frozenset(entries("surnames"))
_MIDDLE_NAMES = frozenset(entries("middle_names"))
_HISTORICAL = frozenset(name.lower() for name in entries("historical_figures"))
_PLACES = frozenset(entries("places"))
_PLACE_NOUNS = frozenset(entries("place_nouns"))
# Capitalised words that head an organization or a unit and are nobody's middle or given name.
_CUES = roles("official_cues")
_NOT_NAME = frozenset(_CUES["not_name"])
_APOSTROPHE = re.compile(r"['’]")
# Capitalised words that open a sentence's other phrases and are nobody's surname (`Theo đồng chí ...`).
_NOT_SURNAME = frozenset(_CUES["not_surname"])
# A list whose people a plural honorific names: `Các đồng chí: A, Bí thư ...; B, ...`.
_PLURAL_LIST = re.compile(rf"(?i:(?<!\w)các\s+(?:{HONORIFIC.pattern}))\s*:[^.]*;\s*$")
# What may stand between a title and the name after it (`Bí thư Tỉnh ủy - đồng chí ...`, `... là ông ...`).
_NAME_MARKS = frozenset({",", "-", "–", "—", ":", *_CUES["name_mark"]})
# A line that is a name alone, maybe after degrees or ranks: `PGS.TS Nguyễn Văn A`.
_BYLINE = re.compile(rf"^(?:(?:{alternation(entries('name_prefixes'))})\.?\s*)*(?P<name>(?:\w+ ){{1,3}}\w+)\.?$")
# Asides in parentheses longer than this are not skipped.
PAREN_LIMIT = 15


@dataclass(frozen=True, slots=True)
class Person:
    """A person's name as tokens[first:last], with the honorific written before it."""

    first: int
    last: int
    honorific: str | None


@dataclass(frozen=True, slots=True)
class Byline:
    """A line that is only a person's name (`ThS. Nguyễn Văn A`), whose title may stand on the next line."""

    name: str
    start: int
    honorific: None = None


def is_name_word(word: str) -> bool:
    """Whether a token can be a syllable of a name: a capitalised word of letters only (`Nguyễn`, `A`,
    `H'Liên`, each part after an apostrophe capitalised)."""
    return all(part.isalpha() and part[0].isupper() and (len(part) == 1 or part[1:].islower()) for part in _APOSTROPHE.split(word))


def is_name(words: Sequence[str], marked: bool = False) -> bool:
    """Whether words are a person's name: 2-4 syllables from a surname, not a place nor a historical figure.

    `marked`: an honorific stands right before (`đồng chí`, `ông`, `Các đồng chí:`), so a surname not in the
    lexicon (`Lò`, `Ksor`, `H'Liên`, `Y` + name, as many ethnic-minority names are) still makes a name of
    up to five syllables, if its first syllable heads nothing else.
    """
    known = words[:1] and words[0] in _SURNAMES
    if not (known or marked) or not 2 <= len(words) <= (4 if known else 5):
        return False
    if not all(is_name_word(w) for w in words) or any(w in _NOT_NAME for w in words[1 - (not known) :]):
        return False
    if not known and (words[0] in _NOT_SURNAME or words[0].lower() in ADMIN_UNITS):
        return False
    joined = " ".join(words)
    return joined not in _PLACES and joined.lower() not in _HISTORICAL


def name_start(sent: Sentence, a: int, b: int, mode: str) -> int:
    """Where a name starts in the capitalised run tokens[a:b] read in `mode`; b where it holds none.

    `none`: the run is a name or ends with one, the longest. `optional` (after `tỉnh`, `Tỉnh ủy`):
    a place may come first, and a bare two-syllable run is the place. `required` (after `xã`):
    the place comes first, unless the run reads surname + middle name + given name. `named`
    (after `Trường`, `Công ty`): an institution's name of two words or more comes first, unless
    the run reads surname + middle name + given name.
    """
    words = sent.words(a, b)
    if mode != "none" and " ".join(words) in _PLACES:
        return b
    best: tuple[tuple, int] | None = None
    marked = mode == "none" and (honorific_before(sent, a)[0] is not None or _list_item(sent, a))
    for k in range(len(words) - 1):
        name = words[k:]
        if not is_name(name, marked and k == 0):
            continue
        if mode != "none" and k == 0 and len(name) == 2:
            continue
        bare = k == 0 and name[1] not in _MIDDLE_NAMES
        if (mode in ("required", "named") and bare) or (mode == "named" and k == 1):
            continue
        rank = (-k,) if mode == "none" else (k != 1, len(name) >= 3, -k)
        if best is None or rank > best[0]:
            best = (rank, a + k)
    if best is None and mode != "none":
        return _segmented_start(sent, a, b)
    return b if best is None else best[1]


def _segmented_start(sent: Sentence, a: int, b: int) -> int:
    """Where a name starts in a capitalised run after a unit that the lexicons cannot split, read from the word
    segmentation: a place of two syllables or more, then a name of two to four whose surname may be unknown
    (`làng Vi Ring | A Thuyết`, `xã Ia Pa | Rơ Mah Thuyên`); b where the words show no such split."""
    for k in sorted(i for i in sent.word_starts() if a + 2 <= i <= b - 2):
        if b - k <= 4 and is_name(sent.words(k, b), marked=True):
            return k
    return b


def _list_item(sent: Sentence, i: int) -> bool:
    """Whether token i opens an item after `;` of a list a plural honorific heads (`Các đồng chí: A, ...; B, ...`)."""
    return sent.word(i - 1) == ";" and bool(_PLURAL_LIST.search(sent.text, 0, sent.tokens[i].start))


def _skip_parens(sent: Sentence, i: int) -> int:
    """The index after the parenthesised asides starting at token i (`(bên phải)`, `(áo trắng)`)."""
    while sent.word(i) == "(":
        close = next((j for j in range(i + 1, min(len(sent.tokens), i + PAREN_LIMIT)) if sent.word(j) == ")"), None)
        if close is None:
            break
        i = close + 1
    return i


def honorific_before(sent: Sentence, i: int) -> tuple[str | None, int]:
    """The honorific written right before token i (`ông`, `đ/c`, `Các đồng chí:`) and the token it starts at."""
    j = i - 1
    if sent.word(j) == ":":
        j -= 1
    for back in (3, 2, 1):
        k = j - back + 1
        if k < 0:
            continue
        match = sent.match(HONORIFIC, k)
        if match and match.end() == sent.tokens[j].end:
            return _HONORIFICS[match.group().lower()], k
    return None, i


def name_after(sent: Sentence, i: int) -> tuple[tuple[int, int] | None, str | None, bool]:
    """The name from token i on after a title or organization, its honorific, and whether a mark stood before it.

    Asides in parentheses are skipped; a comma or dash may stand before the name only with an
    honorific or a rank (`Bí thư Tỉnh ủy, đồng chí Nguyễn Văn A`, `Giám đốc Công an tỉnh, Đại tá
    Lê Văn B`), and `là` may (`... là ông Nguyễn Văn A`).
    """
    i = _skip_parens(sent, i)
    mark = sent.word(i)
    marked = mark in _NAME_MARKS
    if marked:
        i += 1
    honorific = None
    match = sent.match(HONORIFIC, i)
    if match:
        honorific = _HONORIFICS[match.group().lower()]
        i = sent.at(match.end())
        if sent.word(i) == ":":
            i += 1
    prefix = sent.match(NAME_PREFIX, i)
    if prefix:
        i = sent.at(prefix.end())
    if marked and mark != "là" and honorific is None and prefix is None:
        return None, None, marked
    end = i
    while end < len(sent.tokens) and is_name_word(sent.word(end)) and (end == i or end not in sent.stops):
        end += 1
    if not is_name(sent.words(i, end), honorific is not None):
        return None, None, marked
    return (i, end), honorific, marked


def name_before(sent: Sentence, end: int) -> Person | None:
    """The name ending before token `end`: a run of capitalised words read back, with its honorific.

    A run holding an organization head (`Sở`, `Ban`) is a name only after it; a run after a unit
    (`xã`, `tỉnh`) is read as in an organization, and one after a place noun (`đường`, `chợ`) or
    starting with an institution (`Trường`) starts with its proper name.
    """
    start = end
    while start > 0 and is_name_word(sent.word(start - 1)) and start - 1 not in sent.stops:
        start -= 1
    heads = [k for k in range(start, end) if sent.word(k) in _NOT_NAME]
    before = sent.word(start - 1).lower()
    if heads:
        start, mode = heads[-1] + 1, "optional"
    elif sent.word(start).lower() in NAMED_HEADS:
        start, mode = start + 1, "named"
    elif before in _PLACE_NOUNS:
        mode = "named"
    else:
        mode = ADMIN_UNITS.get(before, "none")
    first = name_start(sent, start, end, mode)
    if first == end:
        return None
    return Person(first, end, honorific_before(sent, first)[0])


def listed_name(sent: Sentence, i: int, honorific: str | None) -> Person | None:
    """The name of a list item from token i, after its own honorific or rank if it has one."""
    own = sent.match(HONORIFIC, i)
    if own:
        i, honorific = sent.at(own.end()), _HONORIFICS[own.group().lower()]
    prefix = sent.match(NAME_PREFIX, i)
    if prefix:
        i = sent.at(prefix.end())
    end = i
    while is_name_word(sent.word(end)) and (end == i or end not in sent.stops):
        end += 1
    return Person(i, end, honorific) if is_name(sent.words(i, end), honorific is not None) else None


def listed_after(sent: Sentence, i: int, honorific: str | None) -> list[Person]:
    """The people listed from token i after a plural title.

    Names may follow each other (`: Nguyễn Văn A, Trần Văn B và Lê Thị C`) or each carry its own
    titles up to a semicolon (`: Nguyễn Văn A, Trưởng Ban Tổ chức Tỉnh ủy; Trần Văn B, ...`).
    """
    if sent.word(i) == ":":
        i += 1
    people: list[Person] = []
    while i < len(sent.tokens):
        person = listed_name(sent, i, honorific)
        if person is None:
            break
        people.append(person)
        i = _skip_parens(sent, person.last)
        if sent.word(i) in {",", "và"} and listed_name(sent, i + 1, honorific):
            i += 1
            continue
        semicolon = next((j for j in range(i, len(sent.tokens)) if sent.word(j) == ";"), None)
        if sent.word(i) != "," or semicolon is None:
            break
        i = semicolon + 1
    return people


def read_byline(text: str, offset: int) -> Byline | None:
    """The person a line names, if the line is only a name (after degrees or ranks)."""
    match = _BYLINE.match(text.strip())
    if match is None or not is_name(match.group("name").split()):
        return None
    return Byline(match.group("name"), offset + text.index(match.group("name")))
