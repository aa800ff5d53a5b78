"""The document extractor: numbered resolutions, decisions, directives and the like (FACTS.md section 2).

Three kinds of mention are read from each sentence:
- a code, with or without the type word before it (`Chỉ thị số 12-CT/HU`, `theo 45/2021/NĐ-CP`);
- a type word with a number or a list of numbers (`Chỉ thị số 07`, `Nghị quyết 26 và 27`);
- a type word naming a plenum (`Nghị quyết Trung ương 6 (khóa X, khóa XI)`,
  `Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương khóa XIII`).
One tail parser reads what follows a mention: issue date, issuer, plenum, term, title.
The mentions of one document in an article are then reconciled into one fact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from .codes import CODE, normalize_code, split_code
from .context import sentence_texts
from .dates import DATE, iso_date, parse_date
from .lexicon import alternation, entries, table
from .registry import register
from .schema import Document, Fact

__all__ = ["extract"]

_SIGN_TYPES = table("doc_type_codes")
_ISSUER_SIGNS = table("issuers")
_ORDINALS = {word: int(value) for word, value in table("plenum_ordinals").items()}
_TYPE_WORDS = {w.lower(): w for w in (*entries("doc_types"), *_SIGN_TYPES.values())}
# Types known only through a sign (`Luật`) count only capitalised: `kỷ luật` is no law.
_SIGN_ONLY_TYPES = tuple(w for w in _SIGN_TYPES.values() if w not in entries("doc_types"))
_BODIES = {w.lower(): w for w in _ISSUER_SIGNS.values()}

_TYPES = rf"{alternation(entries('doc_types'))}|(?-i:{alternation(_SIGN_ONLY_TYPES)})"
_ORDINAL = alternation(tuple(_ORDINALS))
_ROMAN = r"(?-i:[IVXL]{1,7})(?!\w)"
_PLENUM_NO = rf"(?:\d{{1,2}}(?![\w/]|[.,]\d)|{_ROMAN}|(?:{_ORDINAL})(?!\w))"
_LIST_SEP = r"\s*(?:,|và|&)\s*"

_CODE_RE = re.compile(CODE)
# The type word a code is written after: `Chỉ thị số 12-CT/HU`, `Kế hoạch liên tịch số: 31-KH/TU`.
_TYPE_BEFORE = re.compile(rf"(?<!\w)(?P<type>{_TYPES})(?P<gap>(?:\s+[^\W\d]+){{0,4}}?)\s*(?P<so>số\s*:?|:)?\s*$", re.IGNORECASE)
# A type word that may start a number-only or plenum mention.
_TYPE_WORD = re.compile(rf"(?<!\w)(?P<type>{_TYPES})(?!\w)", re.IGNORECASE)
# A document number: not a percentage, decimal, range, date or the number of a code.
_DOC_NO = r"(?P<n>\d{1,4})(?![\w%]|[.,]\d|\s?[-\u2013/]\s?\w)"
_NUMBER = re.compile(rf"(?:(?P<gap>(?:\s+[^\W\d]+){{0,4}}?)\s+(?P<so>số)\s*:?\s*|\s+){_DOC_NO}", re.IGNORECASE)
_NEXT_NUMBER = re.compile(rf"{_LIST_SEP}(?:số\s+)?{_DOC_NO}", re.IGNORECASE)
# A code that closes a number list and lends it its sign: `Nghị quyết số 18, 19-NQ/TW`.
_SHARED_SIGN = re.compile(rf"{_LIST_SEP}(?:số\s+)?(?P<code>{CODE})")
# What a number is counting when it is not a document number: `Kế hoạch 5 năm`, `Nghị quyết 26 và 3 chỉ thị`.
_UNIT_AFTER = re.compile(
    rf"\s*(?:ngày(?!\s+\d)|(?:{alternation(entries('doc_number_units'))})(?!\w)|(?:{_TYPES})(?!\w))",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:19|20)\d\d")
# The year a state document number is counted in: `Quyết định số 1234 năm 2018`.
_NUMBER_YEAR = re.compile(r"\s+năm\s+(?:19|20)\d\d(?!\d|\s*[-\u2013]\s*\d)", re.IGNORECASE)

_CENTRAL = r"(?:Ban\s+Chấp\s+hành\s+)?(?:Trung\s+ương|TW|TƯ)(?:\s+Đảng)?"
# A plenum of the Central Committee: `Trung ương 6`, `TW7`, `Hội nghị Trung ương lần thứ sáu`, `Trung ương 5, 6`.
_CENTRAL_PLENUM = re.compile(
    rf"\s*,?\s*(?:của\s+)?(?:Hội\s+nghị\s+)?(?P<central>{_CENTRAL})\s*"
    rf"(?:lần\s+thứ\s+(?P<ord>{_PLENUM_NO})|(?P<nums>\d{{1,2}}(?:{_LIST_SEP}\d{{1,2}})*)(?![\w/]|[.,]\d))",
    re.IGNORECASE,
)
# A plenum named by its ordinal before the body: `Hội nghị lần thứ tư Ban Chấp hành Trung ương`.
_ORDINAL_PLENUM = re.compile(rf"\s*,?\s*(?:của\s+)?Hội\s+nghị\s+lần\s+thứ\s+(?P<ord>{_PLENUM_NO})", re.IGNORECASE)
# A plenum named by its body before the ordinal: `Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ năm`.
_BODY_PLENUM = re.compile(r"\s*,?\s*(?:của\s+)?Hội\s+nghị(?=\s)", re.IGNORECASE)
_PLENUM_AFTER_BODY = re.compile(rf"\s+lần\s+thứ\s+(?P<ord>{_PLENUM_NO})", re.IGNORECASE)

_TERM = rf"(?:{_ROMAN}|\d{{1,2}}(?!\w))"
_TERMS = re.compile(
    rf"\s*,?\s*\(?\s*kh(?:óa|oá)\s+(?P<terms>{_TERM}(?:\s*(?:,|và|;)\s*(?:kh(?:óa|oá)\s+{_TERM}|{_ROMAN}))*)\s*\)?",
    re.IGNORECASE,
)
_TERM_ITEM = re.compile(rf"{_ROMAN}|\d{{1,2}}(?!\w)")

_ISO = r"(?P<iso>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)(?!\d)"
_DATE_AFTER = re.compile(
    rf"\s*,?\s*\(?\s*(?:(?:được\s+)?(?:ký\s+)?ban\s+hành\s+|ký\s+)?(?:vào\s+)?"
    rf"(?P<date>(?:ngày\s+)?{_ISO}|{DATE})\s*\)?",
    re.IGNORECASE,
)
# An issue date that opens the clause: `Ngày 9-3-2017, Ban Bí thư ban hành Chỉ thị ...`; a date
# written after another document (`Chỉ thị 45-CT/TW ngày 14/4/2025 ..., Tỉnh ủy ban hành ...`) is that one's.
_LEADING_DATE = re.compile(
    rf"(?:^|(?<=[;:,(])|(?<=[;:,(]\s))(?P<date>{DATE})\s*,?[^;.]*?(?:ban\s+hành|ký|thông\s+qua)(?:\s+(?:các|lại|mới))?\s*$",
    re.IGNORECASE,
)
# Another code in a list after this one, skipped so the date and issuer after the list apply to all.
_SIBLING = re.compile(rf"{_LIST_SEP}(?:số\s+)?(?:{CODE})")

# The start of an issuer phrase: a body in any case (`Ban chấp hành`) or a sign as written (`UBND`).
_HEAD = re.compile(
    rf"\s*,?\s*(?:của\s+|do\s+)?"
    rf"(?P<head>(?i:{alternation(tuple(_BODIES.values()))})|{alternation(tuple(_ISSUER_SIGNS))})(?!\w)"
)
_WORD = re.compile(r"\s+(?P<w>[^\W\d_]+)(?=[\s,.;:!?()“”\"]|$)")
# Lower-case words inside a body's name: second syllables (`Chấp hành`, `Tỉnh ủy`) and places (`tỉnh`, `huyện`).
_BODY_LOWER = frozenset("hành vụ ương ủy bộ trị phủ sự an tra giáo vận chính trực quốc trận đạo nhân dân tỉnh huyện xã phường quận".split())
# Lower-case phrases inside a body's name: `Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh`, `thành phố`.
_BODY_PHRASE = re.compile(r"\s+(?:(?:và\s+)?(?:các\s+cơ\s+quan|doanh\s+nghiệp)|thành\s+phố|thị\s+xã|thị\s+trấn)(?=[\s,.;:!?()“”\"]|$)")
_BODY_STOP = frozenset(("khóa", "khoá", "về", "lần", "hội", "ngày"))
# Words that join two mentions rather than qualify one type word.
_GAP_STOP = frozenset(("và", "của", "theo", "hoặc", "với", "tại", "các", "cùng"))

_QUOTE_OPEN = '“"«'
_QUOTE_CLOSE = '”"»'
_CLAUSE = rf"(?:[^;!?()\[\]:.{_QUOTE_OPEN}{_QUOTE_CLOSE}]|\.(?=\d)|[{_QUOTE_OPEN}][^{_QUOTE_CLOSE}]*[{_QUOTE_CLOSE}])"
_TITLE = re.compile(
    rf"\s*,?\s*(?:[{_QUOTE_OPEN}]\s*(?P<quoted>[^{_QUOTE_CLOSE}]{{3,}}?)\s*[{_QUOTE_CLOSE}]|(?P<ve>về\s+{_CLAUSE}+))",
    re.IGNORECASE,
)
# Where a `về ...` title gives way to the next document of a list: `..., và Chỉ thị ...`.
# Type words are matched as capitalised names here: `, hướng dẫn` inside a title is a verb.
_COMMA = re.compile(r",\s*")
_NEXT_DOC = re.compile(rf",?\s+(?:và|cùng|cũng\s+như)\s+(?:các\s+)?(?:{_TYPES})(?!\w)|,\s*(?:{_TYPES})(?!\w)")

_CONFIDENCE = {"code+type": 0.95, "code": 0.85, "plenum": 0.8, "number+so": 0.75, "number": 0.65}


@dataclass(slots=True)
class _Tail:
    """What follows a mention, read by `_read_tail`."""

    date: str | None = None
    issuer: str | None = None
    plenum: str | None = None
    terms: list[str] = field(default_factory=list)
    title: str | None = None


def _roman(number: int) -> str:
    """Roman numerals for a term written in digits (`khóa 12` → `XII`)."""
    out = []
    for value, letters in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def _arabic(roman: str) -> int:
    """The value of a roman numeral (`IV` → 4), for plenums written `lần thứ IV`."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for a, b in zip(roman, roman[1:] + " "):
        total += -values[a] if values.get(b, 0) > values[a] else values[a]
    return total


def _plenum_number(text: str) -> str:
    """A plenum as digits, whether written `4`, `tư` or `IV`."""
    text = " ".join(text.split())
    if text.isdigit():
        return str(int(text))
    if text.lower() in _ORDINALS:
        return str(_ORDINALS[text.lower()])
    return str(_arabic(text.upper()))


def _term(text: str) -> str:
    """A term in roman numerals, as FACTS.md writes it."""
    return _roman(int(text)) if text.isdigit() else text.upper()


def _body(text: str, match: re.Match) -> tuple[str, int]:
    """An issuer body: the head in its lexicon form, then the words of its name; and where it ends."""
    head = match["head"]
    words = [_BODIES.get(head.lower(), head)]
    pos = match.end()
    while True:
        if phrase := _BODY_PHRASE.match(text, pos):
            words.append(phrase.group().strip())
            pos = phrase.end()
            continue
        if (word := _WORD.match(text, pos)) is None:
            break
        w = word["w"]
        if w.lower() in _BODY_STOP or _TYPE_WORD.match(text, word.start("w")):
            break
        if not (w[0].isupper() or w in _BODY_LOWER):
            break
        words.append(w)
        pos = word.end()
    return " ".join(words), pos


def _title(text: str, match: re.Match) -> str:
    """The subject of a document: the quoted text, or `về ...` up to the end of its clause."""
    if match["quoted"]:
        return match["quoted"].strip()
    title = match["ve"]
    cut = _NEXT_DOC.search(title)
    if cut:
        title = title[: cut.start()]
    clause = next((m.start() for m in _COMMA.finditer(title) if title[m.end() : m.end() + 1].isupper()), None)
    if clause is not None:  # `..., Ban Thường vụ Tỉnh ủy đã ban hành ...`: a new clause, not the subject
        title = title[:clause]
    return title.strip(" ,-\u2013")


def _read_plenum(text: str, pos: int) -> tuple[list[str], str | None, int] | None:
    """A plenum phrase at `pos`: its numbers, the body that held it, and where it ends."""
    match = _CENTRAL_PLENUM.match(text, pos)
    if match and not (match["nums"] and _UNIT_AFTER.match(text, match.end())):
        nums = [match["ord"]] if match["ord"] else re.split(_LIST_SEP, match["nums"])
        return [_plenum_number(n) for n in nums], "Ban Chấp hành Trung ương", match.end()
    match = _ORDINAL_PLENUM.match(text, pos)
    if match:
        head = _HEAD.match(text, match.end())
        body, end = _body(text, head) if head else (None, match.end())
        return [_plenum_number(match["ord"])], body, end
    match = _BODY_PLENUM.match(text, pos)
    head = _HEAD.match(text, match.end()) if match else None
    if head:
        body, end = _body(text, head)
        after = _PLENUM_AFTER_BODY.match(text, end)
        if after:
            return [_plenum_number(after["ord"])], body, after.end()
    return None


def _read_tail(text: str, pos: int, *, plenum: bool = True) -> _Tail:
    """Date, plenum, issuer, term and title written after a mention, in whatever order they come."""
    tail = _Tail()
    while True:
        if match := _SIBLING.match(text, pos) or _NUMBER_YEAR.match(text, pos):
            pos = match.end()
            continue
        if tail.date is None and (match := _DATE_AFTER.match(text, pos)) and not _opens_clause(match, tail):
            tail.date = _date(match)
            pos = match.end()
            continue
        if plenum and tail.plenum is None and (found := _read_plenum(text, pos)):
            numbers, body, pos = found
            tail.plenum, tail.issuer = numbers[0], tail.issuer or body
            continue
        if tail.issuer is None and (match := _HEAD.match(text, pos)):
            tail.issuer, pos = _body(text, match)
            continue
        if not tail.terms and (match := _TERMS.match(text, pos)):
            tail.terms = [_term(t) for t in _TERM_ITEM.findall(match["terms"])]
            pos = match.end()
            continue
        if tail.title is None and (match := _TITLE.match(text, pos)):
            tail.title = _title(text, match)
            pos = match.end()
            if not tail.terms and (match := _TERMS.search(tail.title)):
                tail.terms = [_term(t) for t in _TERM_ITEM.findall(match["terms"])]
        break
    return tail


def _opens_clause(match: re.Match, tail: _Tail) -> bool:
    """Whether a date after the issuer and a comma starts the next clause (`..., ngày 5-8-2023 Huyện ủy ...`)."""
    return tail.issuer is not None and match.group().lstrip().startswith(",")


def _date(match: re.Match) -> str | None:
    """The ISO date of a `_DATE_AFTER` or `_LEADING_DATE` match."""
    if match.groupdict().get("iso"):
        return iso_date(match["id"], match["im"], match["iso"])
    return parse_date(match["date"])


def _leading_date(text: str, start: int) -> str | None:
    """The date that opens the clause issuing the document (`Ngày ..., Tỉnh ủy ban hành ...`)."""
    match = _LEADING_DATE.search(text, 0, start)
    return _date(match) if match else None


def _gap_ok(gap: str | None, so: str | None) -> bool:
    """Whether the words between a type word and its number qualify the type (`chuyên đề số`)."""
    if not gap or not gap.strip():
        return True
    return bool(so) and not (set(gap.lower().split()) & _GAP_STOP) and not _TYPE_WORD.search(gap)


def _type_before(text: str, start: int) -> re.Match | None:
    """The type word written just before a code."""
    match = _TYPE_BEFORE.search(text, max(0, start - 80), start)
    return match if match and _gap_ok(match["gap"], match["so"]) else None


def _sign_type(sign: str | None) -> str | None:
    """The type a code's sign stands for (`QĐi` → Quy định, `QH13` → Luật)."""
    if sign is None:
        return None
    return _SIGN_TYPES.get(sign) or _SIGN_TYPES.get(sign.rstrip("0123456789"))


def _code_mentions(text: str, offset: int, sentence: str) -> Iterator[Document]:
    """Documents written with their code."""
    for match in _CODE_RE.finditer(text):
        parts = split_code(match.group())
        if parts is None:
            continue
        sign_type = _sign_type(parts.sign)
        issuer = parts.issuer if sign_type and parts.issuer else parts.sign
        written = _type_before(text, match.start())
        doc_type = _TYPE_WORDS[written["type"].lower()] if written else sign_type
        if doc_type is None:
            continue
        start = written.start() if written else match.start()
        tail = _read_tail(text, match.end())
        yield Document(
            start=offset + start,
            end=offset + match.end(),
            sentence=sentence,
            confidence=_CONFIDENCE["code+type" if written else "code"],
            code=normalize_code(match.group()),
            number=parts.number,
            doc_type=doc_type,
            issuer=issuer or tail.issuer,
            date=tail.date or _leading_date(text, start),
            term=tail.terms[0] if tail.terms else None,
            plenum=tail.plenum,
            title=tail.title,
        )


def _is_doc_number(text: str, match: re.Match, with_so: bool) -> bool:
    """Whether a number after a type word numbers the document, not a count, year or duration."""
    if with_so and _NUMBER_YEAR.match(text, match.end("n")):
        return True
    if _UNIT_AFTER.match(text, match.end("n")):
        return False
    return with_so or not _YEAR.fullmatch(match["n"])


def _number_mentions(text: str, offset: int, sentence: str) -> Iterator[Document]:
    """Documents named by type word and number, one per number of a list; and plenum resolutions."""
    for word in _TYPE_WORD.finditer(text):
        doc_type = _TYPE_WORDS[word["type"].lower()]
        if (plenum := _read_plenum(text, word.end())) is not None:
            yield from _plenum_facts(text, offset, sentence, word, doc_type, *plenum)
            continue
        first = _NUMBER.match(text, word.end())
        if first is None or not _gap_ok(first["gap"], first["so"]):
            continue
        with_so = bool(first["so"])
        if not (with_so or word["type"][0].isupper()) or not _is_doc_number(text, first, with_so):
            continue
        items = [first]
        while (more := _NEXT_NUMBER.match(text, items[-1].end())) and _is_doc_number(text, more, with_so):
            items.append(more)
        shared = _SHARED_SIGN.match(text, items[-1].end())
        parts = split_code(shared["code"]) if shared else None
        suffix = normalize_code(shared["code"])[len(parts.number) :] if parts else None
        tail = _read_tail(text, shared.end() if shared else items[-1].end())
        terms = tail.terms or [None]
        for i, item in enumerate(items):
            start = word.start() if i == 0 else item.start("n")
            for term in terms:
                yield Document(
                    start=offset + start,
                    end=offset + item.end("n"),
                    sentence=sentence,
                    confidence=_CONFIDENCE["code+type" if suffix else "number+so" if with_so else "number"],
                    code=item["n"] + suffix if suffix else None,
                    number=item["n"],
                    doc_type=doc_type,
                    issuer=parts.issuer if parts else tail.issuer,
                    date=tail.date or _leading_date(text, word.start()),
                    term=term,
                    plenum=tail.plenum if parts else None,
                    title=tail.title,
                )


def _plenum_facts(
    text: str,
    offset: int,
    sentence: str,
    word: re.Match,
    doc_type: str,
    numbers: list[str],
    body: str | None,
    end: int,
) -> Iterator[Document]:
    """One fact per plenum and term of `Nghị quyết Trung ương 6 (khóa X, khóa XI)`."""
    tail = _read_tail(text, end, plenum=False)
    for number in numbers:
        for term in tail.terms or [None]:
            yield Document(
                start=offset + word.start(),
                end=offset + end,
                sentence=sentence,
                confidence=_CONFIDENCE["plenum"],
                doc_type=doc_type,
                issuer=body or tail.issuer,
                date=tail.date,
                term=term,
                plenum=number,
                title=tail.title,
            )


def _number_value(fact: Document) -> int | None:
    """A document number compared as a value (`04` = `4`)."""
    return int(fact.number) if fact.number and fact.number.isdigit() else None


def _is_central(issuer: str | None) -> bool:
    """Whether an issuer is a central body (TW, Bộ Chính trị, Ban Chấp hành Trung ương ...)."""
    body = _ISSUER_SIGNS.get(issuer or "", issuer or "")
    return any(w in body for w in ("Trung ương", "Bộ Chính trị", "Ban Bí thư"))


def _names_coded(fact: Document, coded: list[Document]) -> bool:
    """Whether an uncoded mention names a document that the article also writes with its code."""
    for other in coded:
        if other.doc_type.lower() != fact.doc_type.lower():
            continue
        if fact.issuer and _is_central(fact.issuer) != _is_central(other.issuer):
            continue
        if fact.plenum and fact.plenum == other.plenum and fact.term in (None, other.term):
            return True
        if fact.number and _number_value(fact) == _number_value(other):
            return True
    return False


def _key(fact: Document) -> tuple:
    """What makes two mentions one document: its code, or its type, number or plenum, and term."""
    if fact.code:
        return ("code", fact.code.lower())
    return (fact.doc_type.lower(), _number_value(fact), fact.plenum, fact.term)


def _reconcile(facts: list[Document]) -> list[Document]:
    """One fact per document, at its first mention, its fields gathered from all its mentions."""
    coded = [f for f in facts if f.code]
    facts = coded + [f for f in facts if not f.code and not _names_coded(f, coded)]
    termed = {(f.doc_type.lower(), _number_value(f), f.plenum) for f in facts if not f.code and f.term}
    facts = [f for f in facts if f.code or f.term or (f.doc_type.lower(), _number_value(f), f.plenum) not in termed]
    groups: dict[tuple, list[Document]] = {}
    for fact in sorted(facts, key=lambda f: f.start):
        groups.setdefault(_key(fact), []).append(fact)
    merged = []
    for mentions in groups.values():
        first = mentions[0]
        filled = {name: next((getattr(m, name) for m in mentions if getattr(m, name)), None) for name in ("date", "issuer", "term", "plenum", "title")}
        merged.append(replace(first, **filled, confidence=max(m.confidence for m in mentions)))
    return merged


@register("documents", version="1.1.0", fact_type="document")
def extract(doc: Doc) -> Iterator[Fact]:
    """Find document facts in doc: each numbered or plenum document once, with its evidence."""
    mentions: list[Document] = []
    for offset, text in sentence_texts(doc):
        mentions.extend(_code_mentions(text, offset, text.strip()))
        mentions.extend(_number_mentions(text, offset, text.strip()))
    yield from _reconcile(mentions)
