"""The `official` extractor: a person holding a title, read as FACTS.md section 1 defines it.

A sentence is cut into tokens and every title in it is found (titles.txt, central_titles.txt,
title_abbreviations.txt); each title takes the organization after it (organizations.py) and,
where one follows, a person's name. Titles joined by commas or `kiêm` form a chain that
belongs to one person, found

- after the chain: `Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Nguyễn Văn A`, `... (ảnh) Nguyễn Văn A`,
  `Bí thư Tỉnh ủy, đồng chí Nguyễn Văn A`;
- before it, in apposition: `Ông Nguyễn Văn A, Phó Giám đốc Sở ...`, bylines `Nguyễn Văn A, Bí thư ...`;
- before an appointment phrase: `Các ông: A, B được bầu giữ chức Phó Bí thư`.

A whole-title abbreviation takes the title words after it (`PBT Thường trực` → `Phó Bí thư Thường
trực`); an abbreviated body after a title's head is the organization as written (`Chủ nhiệm UBKT Tỉnh
ủy` → `Chủ nhiệm` + `UBKT Tỉnh ủy`); an organization that is only the central body belongs to the
title (`Trưởng Ban Tổ chức Trung ương`, no organization). An appointment phrase with no name before it
(`... và giữ chức Bí thư Huyện ủy`) belongs to the last person an appointment verb of the sentence named.
A person keeps one fact per role: a shorter title of the same role (`Phó Bí thư` beside `Phó Bí thư
Thường trực` of the same committee) gives way to the fuller one.

Titles are recognised in `titles.py`, names in `names.py` (2 to 4 capitalised syllables starting
with a surname; historical figures are never officials).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial

from spacy.tokens import Doc

from .context import doc_text, roles, sentence_texts, word_pattern, word_spans
from .lexicon import alternation, entries
from .names import (
    PAREN_LIMIT,
    Byline,
    Person,
    honorific_before,
    is_name,
    is_name_word,
    listed_after,
    listed_name,
    name_after,
    name_before,
    name_start,
    read_byline,
)
from .organizations import (
    ADMIN_UNITS,
    HONORIFIC,
    SHORT_HEADS,
    OrgSpan,
    Sentence,
    read_organization,
)
from .registry import register
from .schema import Fact, Official
from .titles import CENTRAL_BODY, CENTRE, TITLE, Title, find_titles

__all__ = ["extract"]


_VERB_JOIN = r"(?:\s*,\s*|\s+và\s+|\s+)"
_VERBS = alternation(entries("appointment_verbs"))
# `được điều động, bổ nhiệm giữ chức`, `được bầu làm`, `giữ chức`, `được bổ nhiệm`: ends where a title starts.
_APPOINTMENT = re.compile(
    rf"(?<!\w)(?i:(?:(?:được|đã|vừa|tiếp tục)\s+)*(?:(?:{_VERBS}){_VERB_JOIN})*"
    rf"(?:{alternation(entries('appointment_links'))})|được\s+(?:(?:{_VERBS}){_VERB_JOIN})*(?:{_VERBS}))\s*$"
)
# The person an appointment verb names: `điều động, chỉ định đồng chí ` before a name.
_APPOINTEE = re.compile(rf"(?<!\w)(?i:{_VERBS})(?:{_VERB_JOIN}(?i:{_VERBS}))*\s+(?:(?i:{HONORIFIC.pattern})\s+)?(?=[^\W\d_])")
# What may stand between two titles of one person's chain, besides commas.
_CUES = roles("official_cues")
_CHAIN_JOINS = frozenset({"", "-", "–", "—", *_CUES["chain_join"]})
# What may stand between a name and the title chain after it.
_APPOSITION_MARKS = frozenset({",", "-", "–", "—", "(", ":"})
# What separates the names of a list (`Nguyễn Văn A, Trần Văn B và Lê Thị C`).
_LIST_JOINS = frozenset({",", ";", *_CUES["list_join"]})
# Words before a title that make someone else speak for its holder (`thay mặt Bí thư Tỉnh ủy, đồng chí
# A`, `thừa ủy quyền của Chủ tịch UBND tỉnh, ông B`): the name after the comma is not the holder's.
_ON_BEHALF = frozenset(_CUES["on_behalf"])
# The party committees (`Tỉnh ủy`, `Huyện ủy Mường Nhé`) a title without its own organization belongs to
# when a later title of its chain names one (`Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Huyện ủy`).
_COMMITTEE = re.compile(r"(?i:(?:tỉnh|thành|huyện|quận|thị|đảng) ủy)(?!\w)")
# A line of a numbered or bulleted list: `1. Đồng chí ...`, `- Ông ...`.
_LIST_ITEM = re.compile(r"\s*(?:\d{1,3}\s*[.)/]|[-–•+*])\s*")
# Words before an appointment link that put the post in the past (`ông A từng là Bí thư ...`).
_FORMERLY = frozenset(_CUES["formerly"])
# Words that put an appointment in the future (`giới thiệu ông A để HĐND bầu giữ chức ...`).
_NOT_YET = re.compile(f"(?i:{word_pattern(_CUES['not_yet'])})")
# The words between a name and the year of birth written after it.
_BORN = [words.split() for words in _CUES["born"]]
# A line heading a list opens with its title after at most this many words (`Danh sách các đồng chí`).
_HEADER_LEAD = 4


@dataclass(slots=True)
class _Mention:
    """A title with its organization, and the name that follows it when one does."""

    title: Title
    org: OrgSpan | None
    end: int
    name: tuple[int, int] | None = None
    honorific: str | None = None


@dataclass(frozen=True, slots=True)
class _Held:
    """A title a line ending in `:` gives every person of the list on the lines after it."""

    title: str
    organization: str | None
    start: int


@dataclass(slots=True)
class _Carry:
    """What a line leaves to the lines after it: the name it holds alone, or the titles it heads a list with."""

    byline: Byline | None = None
    header: list[_Held] = field(default_factory=list)


def _read_mention(sent: Sentence, title: Title) -> _Mention:
    """A title with the organization after it and the name that follows, if any.

    A title `Trưởng` + head (`Trưởng Ban`, `Trưởng phòng`, `Trưởng bản`, `Tổ trưởng tổ dân phố`) shares the
    head with its organization; a title followed by neither a head nor a name takes a headless one
    (`Bộ trưởng Tài chính`). An organization that is only the central body is part of the title.
    """
    org = None
    if not title.central:
        start = title.org_first if title.org_first is not None else _shared_head(sent, title.last)
        org = read_organization(sent, start, name_start)
        if org is None and name_after(sent, title.last)[0] is None:
            org = read_organization(sent, title.last, name_start, headless=True)
    mention = _Mention(title, org, org.last if org else title.last)
    if org is not None and org.last <= title.last:
        mention.org = None
    if mention.org is not None:
        centre = CENTRAL_BODY.fullmatch(sent.text, org.start, org.end)
        if centre:
            body = CENTRE + (" Đảng" if centre.group("party") else "")
            mention.title = replace(title, last=org.last, title=f"{title.title} {body}", central=True)
            mention.org = None
    if org is not None and org.name is not None:
        mention.name, mention.end = org.name, org.name[1]
        return mention
    name, honorific, marked = name_after(sent, mention.end)
    if name is not None and not (marked and sent.word(title.first - 1).lower() in _ON_BEHALF):
        mention.name, mention.honorific, mention.end = name, honorific, name[1]
    return mention


def _shared_head(sent: Sentence, last: int) -> int:
    """Where the organization of a title ending before token `last` starts: at its last words where the
    title is `Trưởng` + a head or unit (`Trưởng Ban`, `Trưởng thôn`, `Tổ trưởng tổ dân phố`), else at `last`."""
    for n in (1, 2, 3):
        if sent.word(last - n - 1).lower() != "trưởng":
            continue
        unit = " ".join(sent.words(last - n, last))
        if unit.lower() in ADMIN_UNITS or (n == 1 and unit.capitalize() in SHORT_HEADS):
            return last - n
    return last


def _chains(sent: Sentence, mentions: list[_Mention]) -> list[list[_Mention]]:
    """Mentions grouped into the chains of titles one person holds (`Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh`)."""
    chains: list[list[_Mention]] = []
    for mention in mentions:
        if chains and chains[-1][-1].name is None:
            between = " ".join(w for w in sent.words(chains[-1][-1].end, mention.title.first) if w != ",")
            if between in _CHAIN_JOINS:
                chains[-1].append(mention)
                continue
        chains.append([mention])
    return chains


def _apposed_person(sent: Sentence, chain: list[_Mention], named: dict[int, Person]) -> Person | None:
    """The person a chain is in apposition to: `Nguyễn Văn A, Phó Bí thư ...`, `Nguyễn Văn A (Bí thư ...)`.

    An age may stand between them (`Nguyễn Văn A, 58 tuổi, Bí thư ...`); without a comma, dash or
    parenthesis the name needs an honorific (`Đồng chí Nguyễn Văn A Bí thư Tỉnh ủy`).
    """
    i = chain[0].title.first
    marked = sent.word(i - 1) in _APPOSITION_MARKS
    end = i - 1 if marked else i
    if sent.word(end - 1) == "tuổi" and sent.word(end - 2).isdigit() and sent.word(end - 3) == ",":
        end -= 3
    if sent.word(end - 1) == ")":
        opening = next((j for j in range(end - 2, max(-1, end - PAREN_LIMIT), -1) if sent.word(j) == "("), None)
        end = end if opening is None else opening
    if end in named:
        return named[end]
    person = name_before(sent, end)
    if person is None or (not marked and person.honorific is None):
        return None
    return person


def _appointed_people(sent: Sentence, chain: list[_Mention], named: dict[int, Person]) -> list[Person]:
    """The people an appointment phrase gives the chain's titles: `Các ông: A, B được bầu giữ chức ...`.

    A plural honorific before the list (`Các đồng chí:`) is every listed person's. Where no name
    stands right before the phrase, the person is the one the last appointment verb named
    (`chỉ định đồng chí A, ... tham gia Ban Chấp hành và giữ chức Bí thư ...`).
    """
    phrase = _APPOINTMENT.search(sent.text, 0, sent.tokens[chain[0].title.first].start)
    if phrase is None:
        return []
    end = sent.at(phrase.start())
    if sent.word(end - 1).lower() in _FORMERLY:
        return []
    if sent.word(end - 1) == ",":
        end -= 1
    if end in named:
        return [named[end]]
    people: list[Person] = []
    while end > 0:
        end = _before_birth_year(sent, end)
        person = name_before(sent, end)
        if person is None:
            break
        people.append(person)
        end = honorific_before(sent, person.first)[1]
        if sent.word(end - 1) not in _LIST_JOINS:
            break
        end -= 1
    if people and sent.word(end).lower() == "các":
        shared = people[-1].honorific
        people = [Person(p.first, p.last, p.honorific or shared) for p in people]
    if not people:
        appointee = _appointee(sent, phrase.start())
        between = sent.text[sent.tokens[appointee.last - 1].end : phrase.start()] if appointee else ""
        people = [appointee] if appointee and not _NOT_YET.search(between) else []
    return people[::-1]


def _before_birth_year(sent: Sentence, end: int) -> int:
    """Where a name ends before `sinh năm 1979` written after it (`A sinh năm 1979, B sinh năm 1985 được bầu ...`)."""
    for born in _BORN:
        if [w.lower() for w in sent.words(end - len(born) - 1, end - 1)] == born and sent.word(end - 1).isdigit():
            return end - len(born) - 1
    return end


def _appointee(sent: Sentence, before: int) -> Person | None:
    """The person the last appointment verb before character `before` names (`bổ nhiệm ông A`); a verb with no
    name after it (`chỉ định tham gia Ban Chấp hành`) leaves the one named before."""
    person = None
    for verb in _APPOINTEE.finditer(sent.text, 0, before):
        first = sent.at(verb.end())
        end = first
        while is_name_word(sent.word(end)) and end - first < 4:
            end += 1
        if is_name(sent.words(first, end)):
            person = Person(first, end, honorific_before(sent, first)[0])
    return person


def _official(
    sent: Sentence,
    offset: int,
    mention: _Mention,
    organization: str | None,
    holder: Person | Byline,
    confidence: float,
) -> Official:
    """The fact that `holder` holds `mention`'s title in `organization`, with its evidence span and confidence."""
    title, org = mention.title, mention.org
    start = offset + sent.tokens[title.first].start
    end = offset + sent.tokens[(org.last if org else title.last) - 1].end
    if isinstance(holder, Byline):
        person, start = holder.name, holder.start
    else:
        person = " ".join(sent.words(holder.first, holder.last))
        start = min(start, offset + sent.tokens[holder.first].start)
        end = max(end, offset + sent.tokens[holder.last - 1].end)
    confidence -= 0.05 * title.abbreviated + 0.05 * (person.count(" ") == 1)
    return Official(
        start=start,
        end=end,
        sentence=sent.text,
        confidence=round(confidence, 2),
        person=person,
        title=title.title,
        organization=organization,
        honorific=holder.honorific,
    )


def _chain_organizations(sent: Sentence, chain: list[_Mention]) -> list[str | None]:
    """Each title's organization as written; a title written without one takes the party committee a later
    title of the chain names (`Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Huyện ủy X` → `Huyện ủy X`).

    Central titles and those that embed their committee (`Tỉnh ủy viên`) keep none.
    """
    orgs = [sent.text[m.org.start : m.org.end] if m.org else None for m in chain]
    for k, mention in enumerate(chain):
        if orgs[k] is None and not mention.title.central and not mention.title.title.endswith("ủy viên"):
            committee = next((c for c in (_COMMITTEE.search(o) for o in orgs[k + 1 :] if o) if c), None)
            orgs[k] = committee.string[committee.start() :] if committee else None
    return orgs


def _plural(sent: Sentence, chain: list[_Mention]) -> bool:
    """Whether a chain names a post several people hold: `các đồng chí Phó Chủ tịch UBND tỉnh: ...`."""
    honorific_start = honorific_before(sent, chain[0].title.first)[1]
    return "các" in (sent.word(honorific_start).lower(), sent.word(honorific_start - 1).lower())


def _people(sent: Sentence, chain: list[_Mention], named: dict[int, Person]) -> tuple[list[Person], float]:
    """Who holds a chain's titles, and how sure: a list after a plural title, a name after the chain,
    a name in apposition before it, or the people an appointment names."""
    last = chain[-1]
    if _plural(sent, chain):
        honorific = honorific_before(sent, chain[0].title.first)[0]
        listed = listed_after(sent, last.name[0] if last.name else last.end, honorific)
        if listed:
            return listed, 0.8
    if last.name is not None:
        honorific = last.honorific or honorific_before(sent, last.name[0])[0] or honorific_before(sent, chain[0].title.first)[0]
        return [Person(*last.name, honorific)], 0.9
    person = _apposed_person(sent, chain, named)
    if person is not None:
        return [person], 0.85
    return _appointed_people(sent, chain, named), 0.75


def _sentence_facts(text: str, offset: int, carry: _Carry, words: Callable[[], list[tuple[int, int]] | None] | None = None) -> tuple[list[Official], list[_Held]]:
    """The official facts of one sentence whose text starts at `offset` in the document, and the titles
    it heads a list with if it ends in `:` with no holder for them.

    A sentence that is only a title chain belongs to the name on the line before, if that line held
    nothing else (`Phó Trưởng Ban Tuyên giáo Tỉnh ủy` under the author's name). `words` gives the sentence's
    segmented words, asked for only where the lexicons cannot tell a place from a name after it.
    """
    sent = Sentence(text, words)
    titles = find_titles(sent)
    sent.stops = {t.first for t in titles}
    mentions: list[_Mention] = []
    for title in titles:
        if not mentions or title.first >= mentions[-1].end:
            mentions.append(_read_mention(sent, title))
    named: dict[int, Person] = {}
    facts: list[Official] = []
    header: list[_Held] = []
    for chain in _chains(sent, mentions):
        people, confidence = _people(sent, chain, named)
        held = [(m, org) for m, org in zip(chain, _chain_organizations(sent, chain)) if not m.title.former]
        if not people and carry.byline is not None and _is_title_line(sent, chain):
            people, confidence = [carry.byline], 0.7
        for person in people:
            if isinstance(person, Person):
                named[person.last] = named[chain[-1].end] = person
            facts.extend(_official(sent, offset, m, org, person, confidence) for m, org in held)
        if not people and _heads_list(sent, chain):
            header = [_Held(m.title.title, org, offset + sent.tokens[m.title.first].start) for m, org in held]
    return facts, header


def _heads_list(sent: Sentence, chain: list[_Mention]) -> bool:
    """Whether a chain heads the list below its line: the line opens with it (`Danh sách Ủy viên Ban
    Thường vụ ...`, at most a few words before) and ends in `:`; not `Bằng khen của Chủ tịch ...:`."""
    first = chain[0].title.first
    return sent.text.rstrip().endswith(":") and first <= _HEADER_LEAD and sent.word(first - 1).lower() not in _ON_BEHALF


def _list_item_facts(text: str, offset: int, header: list[_Held], marked: bool) -> list[Official] | None:
    """The facts a list line (`1. Đồng chí Nguyễn Văn A, Bí thư ...`) takes from the header above it; None if no item.

    `marked`: the item's number stood alone as the sentence before (segmentation cuts `1.` off).
    """
    item = _LIST_ITEM.match(text)
    if item is None and not marked:
        return None
    sent = Sentence(text)
    person = listed_name(sent, sent.at(item.end()) if item else 0, None)
    if person is None:
        return None
    name = " ".join(sent.words(person.first, person.last))
    end = offset + sent.tokens[person.last - 1].end
    return [
        Official(
            start=held.start,
            end=end,
            sentence=text,
            confidence=0.75,
            person=name,
            title=held.title,
            organization=held.organization,
            honorific=person.honorific,
        )
        for held in header
    ]


def _is_title_line(sent: Sentence, chain: list[_Mention]) -> bool:
    """Whether a sentence is a title chain and nothing else (the second line of a byline)."""
    rest = sent.words(chain[-1].end, len(sent.tokens))
    return chain[0].title.first == 0 and all(not w[0].isalnum() for w in rest)


def _merged(facts: list[Official]) -> list[Official]:
    """One fact per person and title, at its first mention, with the fullest organization and any honorific;
    then one fact per role (`_fuller_roles`)."""
    kept: dict[tuple[str, str], Official] = {}
    for fact in facts:
        first = kept.setdefault((fact.person.lower(), fact.title.lower()), fact)
        if first is fact:
            continue
        if fact.organization and len(fact.organization) > len(first.organization or ""):
            first.organization = fact.organization
        first.honorific = first.honorific or fact.honorific
        first.confidence = max(first.confidence, fact.confidence)
    return _fuller_roles(list(kept.values()))


def _fuller_roles(facts: list[Official]) -> list[Official]:
    """The facts without those a fuller title of the same person says again: `Phó Thủ tướng` beside `Phó Thủ
    tướng Chính phủ`, `Phó Bí thư` of the same committee beside `Phó Bí thư Thường trực`. The fuller fact
    stays as it is (organization, evidence), taking the other's honorific if it has none."""
    by_person: dict[str, list[Official]] = defaultdict(list)
    for fact in facts:
        by_person[fact.person.lower()].append(fact)
    dropped: set[int] = set()
    for same in by_person.values():
        if len(same) < 2:
            continue
        for short in sorted(same, key=lambda f: len(f.title)):
            full = next((f for f in same if id(f) not in dropped and _says_again(short, f)), None)
            if full is not None:
                dropped.add(id(short))
                full.honorific = full.honorific or short.honorific
                full.confidence = max(full.confidence, short.confidence)
    return [fact for fact in facts if id(fact) not in dropped]


def _says_again(short: Official, full: Official) -> bool:
    """Whether `full`'s title starts with the words of `short`'s and the rest is covered: `short` names no
    organization, the same one (one written longer: `Tỉnh ủy`, `Tỉnh ủy Hà Giang`), or one holding the rest
    of the title (`Trưởng Ban` + `Ban Tổ chức Tỉnh ủy` beside `Trưởng Ban Tổ chức` + `Tỉnh ủy`)."""
    a, b = short.title.lower(), full.title.lower()
    if a == b or not b.startswith(a + " "):
        return False
    mine, theirs = (short.organization or "").lower(), (full.organization or "").lower()
    if not mine:
        return True
    if theirs and (mine == theirs or mine.startswith(theirs + " ") or theirs.startswith(mine + " ")):
        return True
    return b[len(a) + 1 :] in mine and theirs in mine


@register("officials", version="1.2.0", fact_type="official")
def extract(doc: Doc) -> Iterator[Fact]:
    """Find official facts in doc: every person named with a title, one fact per person and title.

    Lines carry over to the lines after them: a line that is a name alone is a byline whose title may
    follow, and a line ending in `:` with titles and no holder heads the list on the lines below it.
    """
    facts: list[Official] = []
    carry = _Carry()
    text = doc_text(doc)
    marked = False
    for start, sentence in sentence_texts(doc):
        if carry.header and _LIST_ITEM.fullmatch(sentence):
            marked = True
            continue
        line = marked or _is_line(text, start, start + len(sentence))
        listed = _list_item_facts(sentence, start, carry.header, marked) if line and carry.header else None
        facts.extend(listed or ())
        carry.header = carry.header if listed is not None else []
        marked = False
        if TITLE.search(sentence):
            words = partial(_sentence_words, doc, start, len(sentence))
            found, header = _sentence_facts(sentence, start, carry, words)
            facts.extend(found)
            carry.header = header if line and header else carry.header
        carry.byline = read_byline(sentence, start) if line else None
    return iter(_merged(facts))


def _sentence_words(doc: Doc, start: int, length: int) -> list[tuple[int, int]] | None:
    """The word spans of the sentence at `start`, relative to it."""
    spans = word_spans(doc, start, start + length)
    return None if spans is None else [(a - start, b - start) for a, b in spans]


def _is_line(text: str, start: int, end: int) -> bool:
    """Whether the sentence text[start:end] is a whole line of the document."""
    before = start
    while before > 0 and text[before - 1] == " ":
        before -= 1
    after = end
    while after < len(text) and text[after] == " ":
        after += 1
    opens = before == 0 or text[before - 1] == "\n"
    closes = after == len(text) or text[after] == "\n" or text[start:end].rstrip(" ").endswith("\n")
    return opens and closes
