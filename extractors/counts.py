"""The count extractor: how many party members or party organizations (FACTS.md §3).

A count is a number written before a counted noun from `units.txt` (`4.217 đảng viên`,
`241/250 chi bộ`); a member subset listed after a member count, the noun carried over
(`2.918 đảng viên (1.207 nữ, ...)`, `41 đảng viên (khiển trách 25, cảnh cáo 10, ...)`); a bare number after `tổng số <noun> ... là/lên`; people
admitted `vào Đảng` or given a party badge; or the units of a party body (`Đảng bộ Sở Y tế
(3 đơn vị: ...)`). Dates, ordinals, rates per organisation and bounds in a rule (`chi bộ có trên
50 đảng viên`) are not counts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from .context import clause_start, doc_text, open_parenthesis, period_before, roles, sentences, word_pattern
from .dates import find_period
from .lexicon import alternation, entries, table
from .numbers import NUMBER, parse_int
from .registry import register
from .schema import Count, Fact

__all__ = ["extract"]

_MEMBERS, _ORGANIZATIONS = "members", "organizations"
_UNITS = table("units")
_CATEGORY = {unit.lower(): category for unit, category in _UNITS.items()}
_MEMBER_NOUN = next(unit for unit, category in _UNITS.items() if category == _MEMBERS)
_UNIT = alternation(tuple(_UNITS))
_ORG_UNIT = alternation(tuple(u for u, c in _UNITS.items() if c == _ORGANIZATIONS))

_STOPS = roles("count_stops")
_WORD = r"[^\W\d_]+"
# The qualifiers of a counted noun: words up to a verb or preposition (`chi bộ trực thuộc đảng ủy cơ sở`).
_QUALIFIERS = (
    rf"(?:\s+(?:{alternation(_STOPS['keep'])}(?!\w)"
    rf"|(?!{word_pattern(_STOPS['unit'] + _STOPS['both'])}){_WORD})){{0,6}}"
)
_DIGIT = re.compile(r"\d")
# A whole number (not a decimal such as `87,5`); `_NUM` is one standing alone, not inside another number.
_WHOLE = rf"(?!\d+,\d|\d{{1,3}}(?:\.\d{{3}})+,\d)(?:{NUMBER})(?!\d)"
_NUM = rf"(?<![\d.,/])(?P<num>{_WHOLE})"

# A number, maybe `x/y`, then the counted noun, more organisation nouns after commas, its qualifiers.
_COUNT = re.compile(
    rf"{_NUM}(?:\s*/\s*(?P<of>{_WHOLE}))?\s+"
    rf"(?P<unit>(?P<head>{_UNIT})(?!\w)(?:\s*,\s*(?-i:{_ORG_UNIT})(?!\w))*{_QUALIFIERS})",
    re.IGNORECASE,
)

_EXCLUDE = roles("count_exclusions")
_BEFORE_WORD = re.compile(rf"{word_pattern(_EXCLUDE['before'])}\s*$", re.IGNORECASE)
_RANGE_OR_DATE = re.compile(r"[-–/]\s*$")
_BOUND = alternation(_EXCLUDE["threshold"])
# A bound in a rule after a generic (lower-case) organisation noun: `chi bộ có trên 50 đảng viên`;
# written in any case, it is a rule when a condition follows (`Chi bộ có trên 50 đảng viên thì ...`) or

# at the start of a sentence too (`Chi bộ dưới 3 đảng viên chính thức vẫn ...`).
_LOWER_WORD = "[a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]+"
_THRESHOLD = (
    rf"(?:{_ORG_UNIT})(?:\s+(?!{word_pattern(_STOPS['unit'] + _STOPS['both'])}){_LOWER_WORD}){{0,2}}?"
    rf"\s+(?:có\s+)?(?:{_BOUND})\s*$"
)
_GENERIC_THRESHOLD = re.compile(rf"(?<!\w){_THRESHOLD}")
_ANY_THRESHOLD = re.compile(rf"(?<!\w){_THRESHOLD}", re.IGNORECASE)
_OPENING_THRESHOLD = re.compile(rf"\s*{_THRESHOLD}", re.IGNORECASE)
_CONDITION_AFTER = re.compile(rf"[^,;.]*?{word_pattern(_EXCLUDE['conditional'])}", re.IGNORECASE)
_PER = re.compile(rf"{word_pattern(_EXCLUDE['per'])}\s+(?:{_ORG_UNIT})(?!\w)[^,;.]{{0,30}}$", re.IGNORECASE)
_BOUND_END = re.compile(rf"\s*{word_pattern(_EXCLUDE['bound_end'])}", re.IGNORECASE)
_NOT_UNIT = re.compile(rf"\s+{word_pattern(_EXCLUDE['not_unit'])}", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")
_FRACTION = frozenset(_EXCLUDE["fraction"])
_LOOK_BACK = 80  # characters before a number that can hold what rules it out

_CHANGES = {cue.lower(): change for cue, change in table("count_changes").items()}
_CHANGE_CUE = re.compile(word_pattern(tuple(table("count_changes"))), re.IGNORECASE)
_ADMITTED = "admitted"

# Member subsets after a member count: `(1.207 nữ, 655 người dân tộc thiểu số)`, `, trong đó có 45 nữ`,
# `... 67.113 đảng viên hiện nay có 28.540 nữ`; a list in parentheses may leave the noun out entirely
# (`93 đảng viên (khiển trách 58, cảnh cáo 19, khai trừ 14 đảng viên)`), and a `trong đó` list may follow it.
_PAREN_OPEN = re.compile(r"\s*\(")
_PAREN_SKIP = re.compile(r"\s*\([^()]*\)")
_PEOPLE_ROLES = roles("count_members")  # members counted with other nouns, and the words that open a list of them
_LIST_OPEN = re.compile(rf"\s*[,;]?\s*{word_pattern(_PEOPLE_ROLES['list_open'])}(?:\s+{word_pattern(_PEOPLE_ROLES['has'])})?\s*:?", re.IGNORECASE)
_HAS_OPEN = re.compile(rf"\s*[^\d;.()]{{0,20}}?{word_pattern(_PEOPLE_ROLES['has'])}", re.IGNORECASE)
_SUBSET_SPAN = re.compile(r"(?:[^();.]|\.(?=\d))*")
_SUBSET = re.compile(
    rf"{_NUM}\s+(?P<unit>(?P<word>{alternation(tuple(table('count_subsets')))})(?!\w){_QUALIFIERS})(?!\s*(?:%|phần trăm))",
    re.IGNORECASE,
)
_LISTED_ONLY = frozenset(w.lower() for w in roles("count_subsets")["listed"])
_BARE = re.compile(rf"(?<![\d.,/–-])(?P<num>{_WHOLE})(?=\s*[,;)])")
# A disciplinary form and its number in such a list: `khiển trách 25`, `cảnh cáo: 10 và ...`, `25 khiển trách`.
_PENALTY = rf"(?<!\w)(?:{alternation(entries('count_penalties'))})(?!\w)"
_PENALTY_ITEM = re.compile(
    rf"{_PENALTY}\s*:?\s*{_NUM}(?=\s*(?:[,;.)]|$|và(?!\w))|\s+(?P<word>{alternation(roles('count_lead')['member'])})(?!\w))"
    rf"|(?<![\d.,/])(?P<first>{_WHOLE})\s+(?:bị\s+)?{_PENALTY}",
    re.IGNORECASE,
)

_LEAD = roles("count_lead")
# `tổng số đảng viên của huyện là 3.415 đồng chí`, `số lượng đảng viên tăng từ 2.100 lên hơn 2.600`.
# (`trong số đảng viên mới có 41 đồng chí ...` is a subset, read with the people counted, not a total.)
_LEAD_NOUN = re.compile(rf"(?<!\w)(?<!trong )(?:tổng\s+)?số(?:\s+lượng)?\s+(?P<unit>(?P<head>{_UNIT})(?!\w))", re.IGNORECASE)
_LEAD_NUMBER = re.compile(
    rf"(?:{word_pattern(_LEAD['verb'])}|:)\s*(?:(?:{_BOUND})\s+)?{_NUM}"
    rf"(?:\s+{word_pattern(_LEAD['member'])})?"
    rf"(?=\s*[,;.()]|\s*$|\s+{word_pattern(_LEAD['follow'] + _LEAD['verb'])}|\s+năm\s+\d{{4}})",
    re.IGNORECASE,
)
# `đảng viên nữ 4.312 đồng chí`: the noun and its qualifiers, then the number and a word for members.
_NOUN_FIRST = re.compile(
    rf"(?<!\w)(?P<unit>(?P<head>{_UNIT})(?!\w){_QUALIFIERS})\s*:?\s+{_NUM}\s+{word_pattern(_LEAD['member'])}",
    re.IGNORECASE,
)
_LEAD_SCOPE = re.compile(r"(?:[^;.]|\.(?=\d)){0,160}")
# People admitted into the party: `kết nạp 15 quần chúng ưu tú vào Đảng`.
_ADMISSION = re.compile(
    rf"{_NUM}\s+(?P<unit>{alternation(_LEAD['admitted'])})(?!\w)[^\d,;.]{{0,40}}?{word_pattern(_LEAD['into_party'])}",
    re.IGNORECASE,
)
# Members given a party badge: `Huy hiệu 40 năm tuổi Đảng cho 25 đồng chí`.
_BADGE = re.compile(
    rf"{word_pattern(_LEAD['badge'])}[^.;]{{0,60}}?(?<!\w)cho\s+{_NUM}\s+(?P<unit>{alternation(_LEAD['member'])})(?!\w)",
    re.IGNORECASE,
)
# A sentence about members (`Về đảng viên, có 5.812 đồng chí ...`): its people counted are members.
_TOPIC = re.compile(rf"\s*{word_pattern(_LEAD['topic'])}\s+(?:{_MEMBER_NOUN})(?!\w)\s*[,:]", re.IGNORECASE)
_PEOPLE = re.compile(rf"{_NUM}\s+(?P<unit>{alternation(_LEAD['member'])})(?!\w)", re.IGNORECASE)
# The units of a party body: bare `đơn vị` counts only when a body's name is written just before.
_BODY_UNIT = re.compile(
    rf"{_NUM}\s+(?P<unit>{alternation(entries('body_units'))})"
    rf"(?=\s*[,;:.()]|\s*$|\s+{word_pattern(_LEAD['follow'])})",
    re.IGNORECASE,
)

_NUMBER_OR_SEMICOLON = re.compile(r"\d+|;")

# People counted in a sentence about members: `cảnh cáo 3 đồng chí`, `cho 9 đ/c`, `xóa tên 2 trường hợp`; a
# word for people that goes on as another noun (`người dân`, `đồng chí Nguyễn ...`) is not one.
_MEMBER_TOPIC = re.compile(word_pattern(_PEOPLE_ROLES["topic"]), re.IGNORECASE)
_PERSON_WORD = re.compile(
    rf"{_NUM}\s+(?:(?P<unit>{alternation(_PEOPLE_ROLES['word'])})(?!\w)"
    rf"|(?P<bare>{alternation(_PEOPLE_ROLES['bare'])})(?!\w)(?=\s*[,;:.()]|\s*$|\s+{word_pattern(_PEOPLE_ROLES['after_bare'])}))"
    rf"(?!\s+(?-i:[A-ZĐ]))",
    re.IGNORECASE,
)
_SEATS = re.compile(
    rf"(?-i:{alternation(_PEOPLE_ROLES['seats'])})(?!\w)[^;.\d]{{0,60}}?(?<!\w)(?:gồm|có)\s*$"
    rf"|{word_pattern(_PEOPLE_ROLES['seat_verb'])}\s*$",
    re.IGNORECASE,
)
_SEATS_AFTER = re.compile(rf"\s+vào\s+(?-i:{alternation(_PEOPLE_ROLES['seats'])})", re.IGNORECASE)
_PERSON_WORDS = frozenset(w.lower() for w in _PEOPLE_ROLES["word"] + _PEOPLE_ROLES["bare"])
_APPROX_END = re.compile(rf"{word_pattern(_PEOPLE_ROLES['approx'])}$", re.IGNORECASE)
_COMPARED = re.compile(rf"\s+{word_pattern(_PEOPLE_ROLES['compare'])}", re.IGNORECASE)
_WEAK_CUES = frozenset(w.lower() for w in _PEOPLE_ROLES["weak"])
_NEW_MEMBERS = re.compile(rf"{word_pattern(_PEOPLE_ROLES['new'])}", re.IGNORECASE)
# A change written in brackets right after a count, its noun left out: `312 chi bộ (giảm 06)`.
_BRACKET_CHANGE = re.compile(
    rf"\s*\(\s*(?P<cue>{alternation(tuple(c for c, k in table('count_changes').items() if k in ('increase', 'decrease')))})"
    rf"\s+{_NUM}(?!\s*(?:%|phần\s+trăm))(?:\s+(?P<word>{alternation(_PEOPLE_ROLES['word'] + _PEOPLE_ROLES['bare'])})(?!\w))?",
    re.IGNORECASE,
)

_BODIES = roles("party_bodies")
_BODY_STOP = word_pattern(_STOPS["body"] + _STOPS["both"] + tuple(table("count_changes")))
_BODY_NAME = rf"(?:{alternation(_BODIES['head'])})(?!\w)(?: (?!{_BODY_STOP})[^\s,;:.()!?…]+){{0,10}}"
# A party body counted: a territory (`toàn tỉnh`) or a body's name, names joined by commas kept together.
_BODY = re.compile(rf"{word_pattern(_BODIES['scope'])}|{_BODY_NAME}(?:, {_BODY_NAME})*")
_OBJECT_BEFORE = re.compile(rf"{word_pattern(_BODIES['object'])}\s*$", re.IGNORECASE)
_BARE_HEAD = frozenset(_BODIES["head"])
_PARENTHESIS_AFTER = re.compile(r"\s*\(([^()]*)\)")


@dataclass(frozen=True, slots=True)
class _Hit:
    """One count found in a sentence, before its context is read."""

    start: int
    end: int
    value: int
    unit: str
    category: str
    out_of: int | None = None
    parent: int | None = None  # where the member count a subset continues starts
    confidence: float = 0.9
    aside: bool = False  # a change in brackets after a count: the next count in a list continues that count


def _excluded(text: str, m: re.Match) -> bool:
    """Whether a number before a counted noun is a date, an ordinal, a rate, a bound in a rule or a year."""
    start, end = m.start(), m.end()
    before = text[max(0, start - _LOOK_BACK) : start]
    if _BEFORE_WORD.search(before) or _RANGE_OR_DATE.search(before) or m["of"] in _FRACTION:
        return True
    if _GENERIC_THRESHOLD.search(before) or _PER.search(before) or _OPENING_THRESHOLD.fullmatch(text, 0, start):
        return True
    if _ANY_THRESHOLD.search(before) and _CONDITION_AFTER.match(text, end):
        return True
    if _BOUND_END.match(text, end) and _nearest_change(text, start) != _ADMITTED:
        return True
    return bool(_YEAR.fullmatch(m["num"])) and m["head"][:1].isupper()


def _direct(text: str) -> Iterator[_Hit]:
    """Counts written number first: `4.217 đảng viên`, `241/250 chi bộ`, `9 chi bộ, đảng bộ`."""
    for m in _COUNT.finditer(text):
        if _excluded(text, m):
            continue
        out_of = parse_int(m["of"]) if m["of"] else None
        category = _CATEGORY[m["head"].lower()]
        unit = m["unit"] if category == _ORGANIZATIONS else m["unit"].split(",")[0]
        yield _Hit(m.start(), m.start("unit") + len(unit), parse_int(m["num"]), unit, category, out_of)


_PAREN, _LISTED, _HAS = "paren", "listed", "has"


def _lists(text: str, pos: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, kind) of the lists of members right after a member count ending at `pos`.

    A parenthesis right after it, a `trong đó` list (after that parenthesis too), else a `có`/`gồm` a little
    later.
    """
    opened = _PAREN_OPEN.match(text, pos)
    if opened:
        yield *_SUBSET_SPAN.match(text, opened.end()).span(), _PAREN
    skipped = _PAREN_SKIP.match(text, pos)
    listed = _LIST_OPEN.match(text, skipped.end() if skipped else pos)
    if listed:
        yield *_SUBSET_SPAN.match(text, listed.end()).span(), _LISTED
    elif not opened and (has := _HAS_OPEN.match(text, pos)):
        yield *_SUBSET_SPAN.match(text, has.end()).span(), _HAS


def _subsets(text: str, hits: list[_Hit]) -> Iterator[_Hit]:
    """Member subsets after a member count, the noun `đảng viên` carried over.

    In a list right after the count (a parenthesis, `trong đó`) any subset word is read, and bare numbers
    in a parenthesis; after a later `có`/`gồm` only words that name no one but members (`nữ`, not `người`).
    A number by a disciplinary form (`khiển trách 25`) is read in any of these lists.
    """
    for hit in (h for h in hits if h.category == _MEMBERS):
        for start, end, kind in _lists(text, hit.end):
            for m in _SUBSET.finditer(text, start, end):
                if kind != _HAS or m["word"].lower() not in _LISTED_ONLY:
                    unit = m["unit"] if m["word"].lower() in _PERSON_WORDS else f"{_MEMBER_NOUN} {m['unit']}"
                    yield _Hit(m.start(), m.end(), parse_int(m["num"]), unit, _MEMBERS, parent=hit.start, confidence=0.7)
            # one character more, so a number closing the list (`khai trừ 5)`) sees what follows it
            yield from _penalty_items(text, start, min(end + 1, len(text)), hit.start)
            if kind == _PAREN:
                yield from _bare_items(text, start, min(end + 1, len(text)), hit.start)


def _penalty_items(text: str, start: int, end: int, parent: int | None) -> Iterator[_Hit]:
    """Numbers by a disciplinary form in a list after a member count: members, not years."""
    for m in _PENALTY_ITEM.finditer(text, start, end):
        num = m["num"] or m["first"]
        pos = m.start("num") if m["num"] else m.start("first")
        if not _YEAR.fullmatch(num):
            unit, end = (m["word"], m.end("word")) if m["word"] else (_MEMBER_NOUN, pos + len(num))
            yield _Hit(pos, end, parse_int(num), unit, _MEMBERS, parent=parent, confidence=0.6)


def _bare_items(text: str, start: int, end: int, parent: int) -> Iterator[_Hit]:
    """Bare numbers of a list in parentheses after a member count: members, not years or dates."""
    for m in _BARE.finditer(text, start, end):
        if not _YEAR.fullmatch(m["num"]) and not _BEFORE_WORD.search(text, max(0, m.start() - 20), m.start()):
            yield _Hit(m.start(), m.end(), parse_int(m["num"]), _MEMBER_NOUN, _MEMBERS, parent=parent, confidence=0.6)


def _people(text: str, hits: list[_Hit]) -> Iterator[_Hit]:
    """People counted as members in a sentence about members, the unit as written (FACTS.md §3).

    A sentence is about members when it counts members or names what happens to them (`kỷ luật`,
    `xóa tên`, `Huy hiệu`). Seats of a committee or delegation (`Ban Chấp hành gồm 41 đồng chí`,
    `bầu 39 đồng chí vào Ban Chấp hành`), fractions (`47/49 đồng chí dự`) and years are not members.
    """
    if not (_MEMBER_TOPIC.search(text) or any(h.category == _MEMBERS for h in hits)):
        return
    for m in _PERSON_WORD.finditer(text):
        before = text[max(0, m.start() - _LOOK_BACK) : m.start()]
        if _SEATS.search(before) or _SEATS_AFTER.match(text, m.end()) or _BEFORE_WORD.search(before):
            continue
        if _RANGE_OR_DATE.search(before) or _YEAR.fullmatch(m["num"]) or _comparison(text, m):
            continue
        parent = next((h for h in reversed(hits) if h.category == _MEMBERS and h.end <= m.start()), None)
        listed = parent and _in_list(text, parent.end, m.start()) and _nearest_cue(text, m.start()) in _WEAK_CUES | {None}
        yield _Hit(m.start(), m.end(), parse_int(m["num"]), m["unit"] or m["bare"], _MEMBERS, confidence=0.7, parent=parent.start if listed else None)


def _comparison(text: str, m: re.Match) -> bool:
    """Whether people counted are a difference from another period in running text (`kỷ luật 156 đảng viên,
    tăng 14 trường hợp so với năm 2023`), not a change after a count in brackets (`(tăng 97 đồng chí so với ...)`)."""
    return bool(_COMPARED.match(text, m.end())) and open_parenthesis(text, m.start()) is None and _nearest_change(text, m.start()) in ("increase", "decrease")


def _in_list(text: str, end: int, start: int) -> bool:
    """Whether text[end:start], between a count and a later one, keeps them in one list (no `.` or `;`)."""
    return not re.search(r"[.;](?!\d)", text[end:start])


def _bracket_changes(text: str, hits: list[_Hit]) -> Iterator[_Hit]:
    """The change written in brackets after a count (`312 chi bộ (giảm 06)`): a count of the same noun."""
    for hit in hits:
        m = _BRACKET_CHANGE.match(text, hit.end)
        if m:
            unit = m["word"] if m["word"] and hit.category == _MEMBERS else hit.unit
            yield _Hit(m.start("num"), m.end(), parse_int(m["num"]), unit, hit.category, confidence=0.7, aside=True)


def _breakdown(text: str, hits: list[_Hit]) -> Iterator[_Hit]:
    """A breakdown by disciplinary form that stands apart from its member count (`Về hình thức: khiển trách 33,
    cảnh cáo 12, khai trừ 4.`): two items or more, each a number of members."""
    items = [h for h in _penalty_items(text, 0, len(text), None) if open_parenthesis(text, h.start) is None]
    if len(items) >= 2:
        yield from items


def _led(text: str) -> Iterator[_Hit]:
    """Counts after `tổng số <noun> ... là/lên`: `tổng số đảng viên của huyện là 3.415 đồng chí`."""
    for noun in _LEAD_NOUN.finditer(text):
        scope = _LEAD_SCOPE.match(text, noun.end())
        category = _CATEGORY[noun["head"].lower()]
        for m in _LEAD_NUMBER.finditer(text, scope.start(), scope.end()):
            yield _Hit(m.start("num"), m.end(), parse_int(m["num"]), noun["unit"], category, confidence=0.7)


def _noun_first(text: str) -> Iterator[_Hit]:
    """Counts written member noun, number, then a word for members: `đảng viên nữ 4.312 đồng chí`."""
    for m in _NOUN_FIRST.finditer(text):
        if _CATEGORY[m["head"].lower()] == _MEMBERS and not _APPROX_END.search(m["unit"]):
            yield _Hit(m.start("num"), m.end(), parse_int(m["num"]), m["unit"], _MEMBERS, confidence=0.7)


def _badges(text: str) -> Iterator[_Hit]:
    """Members counted by the party badges given to them."""
    for m in _BADGE.finditer(text):
        yield _Hit(m.start("num"), m.end(), parse_int(m["num"]), m["unit"], _MEMBERS, confidence=0.7)


def _topic_members(text: str) -> Iterator[_Hit]:
    """People counted in a sentence about members, the noun `đảng viên` carried over."""
    if _TOPIC.match(text):
        for m in _PEOPLE.finditer(text):
            unit = f"{_MEMBER_NOUN} {m['unit']}"
            yield _Hit(m.start(), m.end(), parse_int(m["num"]), unit, _MEMBERS, confidence=0.6)


def _admissions(text: str) -> Iterator[_Hit]:
    """People admitted `vào Đảng` (`kết nạp 6 quần chúng vào Đảng`, `178 đoàn viên được kết nạp vào Đảng`)."""
    for m in _ADMISSION.finditer(text):
        if _nearest_change(text, m.end()) == _ADMITTED:
            yield _Hit(m.start(), m.end("unit"), parse_int(m["num"]), m["unit"], _MEMBERS, confidence=0.7)


def _body_units(text: str) -> Iterator[_Hit]:
    """`đơn vị` counted as organizations when a party body's name stands just before the number."""
    for m in _BODY_UNIT.finditer(text):
        if not _NOT_UNIT.match(text, m.end()) and _last_body(text, _after_last_number(text, m.start()), m.start()):
            yield _Hit(m.start(), m.end(), parse_int(m["num"]), m["unit"], _ORGANIZATIONS, confidence=0.6)


def _after_last_number(text: str, pos: int) -> int:
    """Where the text after the last number (or `;`) before `pos` starts."""
    start = 0
    for m in _NUMBER_OR_SEMICOLON.finditer(text, 0, pos):
        start = m.end()
    return start


def _last_body(text: str, start: int, end: int) -> str | None:
    """The last party body written in text[start:end] as a subject, not as an object of a verb."""
    found = None
    for m in _BODY.finditer(text, start, end):
        if not _OBJECT_BEFORE.search(text, 0, m.start()):
            found = m.group().strip()
    return found


def _named_bodies(doc_text: str) -> list[tuple[int, str]]:
    """(end, name) of every body named in full in the document, read once so a bare `Đảng bộ` can look back."""
    return [(m.end(), m.group().strip()) for m in _BODY.finditer(doc_text) if m.group().strip() not in _BARE_HEAD]


def _resolve(name: str, named: list[tuple[int, str]], before: int) -> str:
    """A bare `Đảng bộ` read as the fuller name of that body written last before offset `before`."""
    if name not in _BARE_HEAD:
        return name
    index = bisect_right(named, (before, "\uffff"))
    return next((full for _, full in reversed(named[:index]) if full.startswith(name + " ")), name)


def _nearest_cue(text: str, pos: int) -> str | None:
    """The last change cue before `pos` in its clause, lower-cased, if there is one."""
    cues = list(_CHANGE_CUE.finditer(text, clause_start(text, pos), pos))
    return cues[-1].group().lower() if cues else None


def _nearest_change(text: str, pos: int) -> str | None:
    """The change named by the last cue before `pos` in its clause, if there is one."""
    cue = _nearest_cue(text, pos)
    return _CHANGES[cue] if cue else None


def _change(text: str, pos: int, category: str, previous: Count | None) -> str:
    """The change the nearest cue before the number in its clause names; a bare list item inherits it."""
    change = _nearest_change(text, pos)
    if change is None:
        listed = previous and previous.category == category and not text[clause_start(text, pos) : pos].strip()
        change = previous.change if listed else "total"
    return "established" if change == _ADMITTED and category != _MEMBERS else change


def _as_of(text: str, hit: _Hit, change: str) -> str | None:
    """The period a count holds for: a `(thời điểm ...)` right after it, else the last one before it.

    A total holds at a point, so of a period `2020/2024-03-31` it takes the end.
    """
    after = _PARENTHESIS_AFTER.match(text, hit.end)
    period = find_period(after.group(1)) if after else None
    if period is None:
        period = period_before(text, hit.start)
        if period and change == "total" and "/" in period:
            period = period.split("/")[-1]
    return period


def _hits(text: str) -> list[_Hit]:
    """Every count of a sentence in text order; a number read two ways is kept once, as first read."""
    hits = list(_direct(text))
    hits += _bracket_changes(text, hits)
    taken = {h.start for h in hits}
    for hit in _subsets(text, list(hits)):
        if hit.start not in taken:
            hits.append(hit)
            taken.add(hit.start)
    for hit in [*_subsets(text, [h for h in hits if h.parent is not None]), *_breakdown(text, hits)]:
        if hit.start not in taken:  # a breakdown of a subset (`14 đồng chí (cấp huyện 3 đồng chí, ...)`)
            hits.append(hit)
            taken.add(hit.start)
    people = lambda text: _people(text, sorted(hits, key=lambda h: h.start))  # noqa: E731  (reads hits so far)
    for read in (_led, _noun_first, people, _badges, _topic_members, _admissions, _body_units):
        found = [h for h in read(text) if h.start not in taken]
        hits += found
        taken.update(h.start for h in found)
    return sorted(hits, key=lambda h: h.start)


def _subject(text: str, pos: int, previous: Count | None, offset: int, named: list[tuple[int, str]]) -> str | None:
    """The body named since the previous count, else the previous count's body."""
    window = previous.end - offset if previous else 0
    body = _last_body(text, window, pos)
    if body is None:
        return previous.subject if previous else None
    return _resolve(body, named, offset + window)


def _sentence_counts(offset: int, text: str, named: list[tuple[int, str]]) -> Iterator[Count]:
    """The counts of the sentence `text` at `offset`, with change, subject and period read from around them."""
    made: dict[int, Count] = {}
    previous: Count | None = None
    for hit in _hits(text):
        if hit.parent is not None:
            parent = made[hit.parent]
            change, as_of, subject = parent.change, parent.as_of, parent.subject
            if _NEW_MEMBERS.search(parent.unit):  # a subset of new members: they were admitted
                change = _ADMITTED
        else:
            change = _change(text, hit.start, hit.category, previous)
            as_of = _as_of(text, hit, change)
            subject = _subject(text, hit.start, previous, offset, named)
        made[hit.start] = count = Count(
            start=offset + hit.start,
            end=offset + hit.end,
            sentence=text,
            confidence=hit.confidence,
            value=hit.value,
            unit=hit.unit.strip(),
            category=hit.category,
            subject=subject,
            change=change,
            as_of=as_of,
            out_of=hit.out_of,
        )
        previous = previous if hit.aside else count
    return iter(made.values())


@register("counts", version="1.2.0", fact_type="count")
def extract(doc: Doc) -> Iterator[Fact]:
    """Find count facts in doc: numbers of party members and party organizations."""
    named = _named_bodies(doc_text(doc))
    for offset, text in sentences(doc, _DIGIT):
        yield from _sentence_counts(offset, text, named)
