"""The percentage extractor: a percentage and what it measures (FACTS.md §4).

Every `N%` (or `N phần trăm`) is a fact; `76,4%/70%` and `đạt 96%, vượt chỉ tiêu 92%` are one
fact with a target; a range `85-90%` gives both ends. The subject is read from the clause: the
words before a linking verb (`tỷ lệ ... đạt 91,5%`), or for a change, a share or a parenthesis
with nothing before it the clause before (`thu ngân sách ... đạt 4.210 tỷ đồng, tăng 12% ...`);
the words after the number, what it is a share of or compared with, are joined after a comma
(`thu ngân sách ..., so với năm 2023`), never put in place of a subject linked before. With no verb
before it, the noun phrase after the number is the subject (`100% chi bộ ...`). Openers (`tuy vậy`),
auxiliaries before the verb (`vẫn`) and an amount closing the phrase (`3.214 tỷ đồng`) are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from .context import clause_end, clause_start, open_parenthesis, period_before, roles, sentences, word_pattern
from .dates import find_periods
from .lexicon import alternation, table
from .numbers import NUMBER, parse_float
from .registry import register
from .schema import Fact, Percentage

__all__ = ["extract"]

# A dot before one or two digits in a percentage is a decimal point (`91.5%`), not a thousands dot.
_VALUE = rf"\d+\.\d{{1,2}}(?!\d)|{NUMBER}"
_SIGN = r"(?:\s+điểm)?\s*(?:%|phần\s+trăm(?!\w))"
_MARK = re.compile(r"%|phần\s+trăm", re.IGNORECASE)
_PERCENT = re.compile(
    rf"(?<![\w.,])(?P<num>{_VALUE})(?:\s*[-–]\s*(?P<high>{_VALUE}))?{_SIGN}"
    rf"(?:\s*/\s*(?P<target>{_VALUE}){_SIGN})?",
    re.IGNORECASE,
)

_CUES = roles("percentage_cues")
_VERB = word_pattern(_CUES["link"] + _CUES["change"])
_FIRST_VERB = re.compile(_VERB, re.IGNORECASE)
# A verb stating a quantity (`đạt 4.210 tỷ đồng`), where a clause's subject ends.
_QUANTITY_VERB = re.compile(rf"{_VERB}(?=(?:\s*{word_pattern(_CUES['approx'])})*\s*\d)", re.IGNORECASE)
# A verb with a word or two between it and the number (`đạt tỷ trọng 30%`): the subject is still before it.
_GAP_VERB = re.compile(rf"{_VERB}(?=(?:\s+[^\W\d_]+){{1,2}}\s*$)", re.IGNORECASE)
_STARTS_WITH_VERB = re.compile(rf"\s*{_VERB}", re.IGNORECASE)
_NEAR = _CUES["link"] + _CUES["change"] + _CUES["approx"]
# The verbs and adverbs that stand between a subject and its number (`trung bình mỗi năm đạt trên`).
_TAIL = re.compile(rf"(?:\s*{word_pattern(_NEAR + _CUES['opener'])})+\s*$", re.IGNORECASE)
_OPENERS = re.compile(rf"^(?:\s*{word_pattern(_CUES['opener'] + _CUES['aux'])})+", re.IGNORECASE)
_AUX_END = re.compile(rf"(?:\s*{word_pattern(_CUES['aux'])})+$", re.IGNORECASE)
_AMOUNTS = roles("percentage_amounts")
# An amount closing a phrase, its value and not what is measured: `3.214 tỷ đồng`, `8,5 triệu đồng/người/tháng`.
_AMOUNT_END = re.compile(
    rf"(?:\s*{word_pattern(_CUES['approx'])})*\s*(?<![\w.,])(?:{NUMBER})\s*"
    rf"(?:(?:{alternation(_AMOUNTS['scale'])})(?!\w)(?:\s*(?:{alternation(_AMOUNTS['measure'])})(?!\w))?"
    rf"|(?:{alternation(_AMOUNTS['measure'])})(?!\w))(?:\s*/\s*[^\W\d_]+)*$",
    re.IGNORECASE,
)
_COMPARISON = re.compile(word_pattern(_CUES["compare"]), re.IGNORECASE)
_NOT_AFTER = re.compile(rf"\s*{word_pattern(_NEAR + _CUES['tail'])}", re.IGNORECASE)
_TARGET_GAP = re.compile(
    rf"[\s,(]*(?:[^\W\d_]+\s+){{0,2}}?{word_pattern(_CUES['target'])}[^%;.\d()]{{0,60}}",
    re.IGNORECASE,
)
_HEAD = re.compile(rf"\s*{word_pattern(_CUES['head'])}", re.IGNORECASE)
_BOUND = re.compile(word_pattern(_CUES["bound"]), re.IGNORECASE)
# A bound or a rate between a number and the words after it (`90% trở lên đảng viên`, `6,5%/năm`).
_SKIP_AFTER = re.compile(rf"(?:\s*{word_pattern(_CUES['bound'])}(?=\s+[^\W\d_])|\s*/\s*[^\W\d_]+|\s*\([^()]*\))+", re.IGNORECASE)
_MEMBER = word_pattern(_CUES["member"])  # `đồng chí`, not the amount `đồng`
# A count in the clause before a share (`có 12 chi bộ đạt ..., tỷ lệ 40,2%`): its number and noun, and the
# action verb written right before it; a count after a bound (`9 đồng chí dưới 40 tuổi`) is a qualifier.
_COUNTED = re.compile(
    rf"(?<![\w.,/])(?:{NUMBER})(?:\s*/\s*(?:{NUMBER}))?\s+"
    rf"(?:(?={_MEMBER})|(?!(?:{alternation(_AMOUNTS['scale'] + _AMOUNTS['measure'])})(?!\w)))(?P<noun>[^\W\d_].*)$",
    re.IGNORECASE,
)
_COUNT_NUMBER = re.compile(r"(?<![\w.,/])\d")
_ACTION_BEFORE = re.compile(rf"(?P<verb>{word_pattern(_CUES['action'])})\s+(?:{word_pattern(_CUES['approx'])}\s+)?$", re.IGNORECASE)
_BOUND_BEFORE = re.compile(rf"[^\W\d_]\s+{word_pattern(_CUES['approx'])}\s+$", re.IGNORECASE)
_MEMBER_WORD = re.compile(_MEMBER, re.IGNORECASE)
# The member noun a subset's member word stands for (`đảng viên mới`): a member unit, maybe one qualifier.
_MEMBER_NOUN = re.compile(
    rf"(?<!\w)(?:{alternation([u for u, kind in table('units').items() if kind == 'members'])})"
    rf"(?: (?:{alternation(roles('count_members')['new'] + roles('count_subsets')['any'])}))?(?!\w)",
    re.IGNORECASE,
)
_JOINER_END = re.compile(rf"(?:\s*{word_pattern(_CUES['joiner'])})+$", re.IGNORECASE)
_MAX_PIECES = 4  # comma-separated pieces a measured noun phrase may run over
_EDGE_JUNK = " \t\n\"'“”‘’…-–()"


def _trim(phrase: str) -> str | None:
    """A subject phrase without what is not measured: the openers and adverbs that open a clause (`tuy vậy`),
    the auxiliaries before its verb (`vẫn`), an amount closing it (`3.214 tỷ đồng`), a dangling `và`, edge
    punctuation.
    """
    phrase = _OPENERS.sub("", phrase.strip(_EDGE_JUNK)).strip(_EDGE_JUNK)
    phrase = _AMOUNT_END.sub("", phrase).rstrip(_EDGE_JUNK + ",")
    phrase = _AUX_END.sub("", _JOINER_END.sub("", phrase))
    return _JOINER_END.sub("", phrase).strip(_EDGE_JUNK) or None


def _masked(phrase: str) -> str:
    """`phrase` with bounds (`trở lên`) glued into one word, so their `lên` is not read as a verb."""
    return _BOUND.sub(lambda m: m.group().replace(" ", "_"), phrase)


def _extend(text: str, start: int, floor: int) -> int:
    """Move a clause start back over commas to a piece opening with `tỷ lệ`/`số`, if no number or verb stands between.

    (`tỷ lệ cán bộ, đảng viên tham gia học tập, quán triệt đạt ...`)
    """
    pieces = start
    for _ in range(_MAX_PIECES):
        if pieces - 1 <= floor or text[pieces - 1] != ",":
            break
        before = max(clause_start(text, pieces - 1), floor)
        piece = text[before : pieces - 1]
        if any(c.isdigit() for c in piece):
            break
        pieces = before
        if _HEAD.match(piece):
            return pieces
        if _FIRST_VERB.search(_masked(piece)):
            break
    return start


def _own_start(text: str, pos: int, paren: int | None) -> int:
    """Where the clause of `pos` starts, inside its parenthesis if it stands in one."""
    floor = paren + 1 if paren is not None else 0
    return _extend(text, max(clause_start(text, pos), floor), floor)


def _previous(text: str, start: int, paren: int | None) -> str | None:
    """The noun phrase of the clause before `start`.

    Before a parenthesis, the words before that clause's verb (`số chi bộ yếu kém ... đều dưới ...
    (bình quân 1,2%)`); before a change or share, the whole clause, or the words before a verb stating
    a quantity (`thu ngân sách ... đạt 4.210 tỷ đồng, tăng 12%`); a clause opening with a verb is passed over.
    """
    in_paren = paren is not None and start == paren + 1
    end = paren if in_paren else start - 1
    for _ in range(_MAX_PIECES):
        if end <= 0:
            return None
        floor = paren + 1 if paren is not None and paren < end else 0
        begin = _extend(text, max(clause_start(text, end), floor), floor)
        phrase = _masked(text[begin:end])
        verb = (_FIRST_VERB if in_paren else _QUANTITY_VERB).search(phrase)
        if not _STARTS_WITH_VERB.match(phrase):
            if verb:
                return _trim(text[begin : begin + verb.start()]) or _trim(text[begin:end])
            return _counted(text, _back_to_number(text, begin, end, floor), end) or _trim(text[begin:end])
        end = begin - 1
    return None


def _back_to_number(text: str, begin: int, end: int, floor: int) -> int:
    """Move a clause start back over commas to the piece holding a number (`có 14 chi bộ ..., vững mạnh`)."""
    for _ in range(_MAX_PIECES):
        if any(c.isdigit() for c in text[begin:end]) or begin - 1 <= floor or text[begin - 1] != ",":
            break
        begin = max(clause_start(text, begin - 1), floor)
    return begin


def _counted(text: str, begin: int, end: int) -> str | None:
    """The thing counted in text[begin:end] when the clause holds a count: its action verb and noun, no number.

    A member word counted in a subset stands for the member noun written before it (`đồng chí` after
    `trong 118 đảng viên mới`); a count written noun first (`đảng viên nữ 402 người`) is its noun.
    """
    counts = [m for n in _COUNT_NUMBER.finditer(text, begin, end) if (m := _COUNTED.match(text, n.start(), end))]
    while len(counts) > 1 and _BOUND_BEFORE.search(text, begin, counts[-1].start()):
        counts.pop()
    if not counts:
        return None
    found = counts[-1]
    verb = _ACTION_BEFORE.search(text, begin, found.start())
    noun = found["noun"]
    member = _MEMBER_WORD.match(noun)
    if member:
        if not noun[member.end() :].strip():
            return _trim(text[begin : found.start()])
        written = list(_MEMBER_NOUN.finditer(text, 0, found.start()))
        if written:
            noun = written[-1].group() + noun[member.end() :]
    return _trim(" ".join(p for p in (verb and verb["verb"], noun) if p))


def _after(text: str, end: int, stop: int) -> str | None:
    """The words right after the number, if a noun phrase or a comparison follows.

    They are what the number is a share of (`đạt 61,3% dự toán năm`), a comparison (`tăng 12% so với ...`)
    or, when no verb links a subject before, the measured noun phrase itself (`100% chi bộ ...`).
    """
    end = _skip_after(text, end, stop)
    if _NOT_AFTER.match(text, end):
        return None
    return _trim(text[end:stop])


def _skip_after(text: str, end: int, stop: int) -> int:
    """Past the bounds, rates, periods and parentheses that may follow a number (`trở lên`, `/năm`, `năm 2022`)."""
    while True:
        skip = _SKIP_AFTER.match(text, end, stop)
        periods = find_periods(text[end:stop])
        if skip and skip.end() > end:
            end = skip.end()
        elif periods and not text[end : end + periods[0][0]].strip():
            end += periods[0][1]
        else:
            return end


def _follow_end(text: str, start: int, end: int) -> int:
    """Where what follows the number stops: the clause end, the `)` of its parenthesis, the next percentage."""
    stop = clause_end(text, end)
    close = text.find(")", end, stop) if open_parenthesis(text, start) is not None else -1
    stop = close if close >= 0 else stop
    following = _PERCENT.search(text, end, stop)
    return following.start() if following else stop


def _before(text: str, start: int, paren: int | None) -> tuple[str | None, bool]:
    """The noun phrase before the number in its clause, and whether a verb links it to the number."""
    own = _own_start(text, start, paren)
    before = text[own:start]
    masked = _masked(before)
    earlier = _PERCENT.search(masked)
    if earlier:  # a second value of the same subject (`giảm từ 41,3% ... xuống còn 22,7%`)
        before, masked = before[: earlier.start()], masked[: earlier.start()]
    tail = _TAIL.search(masked)
    verb = _FIRST_VERB.search(masked, tail.start()) if tail else None
    verb = verb or _GAP_VERB.search(masked, 0, tail.start() if tail else len(masked))
    if verb:
        return _trim(before[: verb.start()]), True
    return _trim(before[: tail.start()] if tail else before), False


def _subject(text: str, start: int, end: int) -> tuple[str | None, float]:
    """What the percentage measures, and how sure the reading is.

    A subject linked by a verb (or taken from the clause before) is joined by a comma to the words after
    the number (`thu ngân sách của huyện, dự toán năm`; `thu ngân sách ..., so với năm 2023`).
    """
    paren = open_parenthesis(text, start)
    after = _after(text, end, _follow_end(text, start, end))
    before, linked = _before(text, start, paren)
    if before and _HEAD.fullmatch(before):  # a bare `tỷ lệ` after a count names nothing measured
        before = None
    if not (linked or (after and _COMPARISON.match(after))):
        if after:
            return after, 0.9
        if before:
            return before, 0.8
    thing = before or _previous(text, _own_start(text, start, paren), paren)
    confidence = 0.9 if before else 0.7
    return ", ".join(p for p in (thing, after) if p) or None, confidence


def _values(m: re.Match) -> list[tuple[float, float | None]]:
    """The (value, target) pairs of one match: both ends of a range, else the value and its `/` target."""
    value = parse_float(m["num"])
    target = parse_float(m["target"]) if m["target"] else None
    if m["high"] and parse_float(m["high"]) > value:
        return [(value, target), (parse_float(m["high"]), target)]
    return [(value, target)]


def _sentence_percentages(offset: int, text: str) -> Iterator[Percentage]:
    """The percentages of the sentence `text` at `offset`; a `vượt chỉ tiêu N%` after one becomes its target."""
    matches = list(_PERCENT.finditer(text))
    goals = {i: later for i, (earlier, later) in enumerate(zip(matches, matches[1:])) if not earlier["target"] and _TARGET_GAP.fullmatch(text, earlier.end(), later.start())}
    for i, m in enumerate(matches):
        if i - 1 in goals:
            continue
        goal = goals.get(i)
        end = goal.end() if goal else m.end()
        subject, confidence = _subject(text, m.start(), end)
        for value, target in _values(m):
            yield Percentage(
                start=offset + m.start(),
                end=offset + end,
                sentence=text,
                confidence=confidence,
                value=value,
                subject=subject,
                target=parse_float(goal["num"]) if goal else target,
                as_of=period_before(text, m.start()),
            )


@register("percentages", version="1.2.0", fact_type="percentage")
def extract(doc: Doc) -> Iterator[Fact]:
    """Find percentage facts in doc, each with what it measures."""
    for offset, text in sentences(doc, _MARK):
        yield from _sentence_percentages(offset, text)
