"""The line model and labelling that page-text and HTML cleaning share.

A page becomes `Line`s (text, matching key, block, paragraph flag, label); the labelling rules
here find datelines, the title and breadcrumbs above the text, the lead, signature lines
(source, byline) and cut what follows the article (`trim`). `text.py` and `html.py` make the
lines, each from its own input, and `make_page` turns the labelled lines into a `Page`.
The phrases and patterns are data, in `data/`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from extractors.lexicon import data_lines

from .. import settings
from ..errors import EmptyPageError
from ..text.normalize import normalize

LABELS = ("title", "lead", "body", "caption", "byline", "dateline", "source")
DATA_DIR = Path(__file__).resolve().parent / "data"

_SECTION = re.compile(r"\[(\w+)\]")


@dataclass(slots=True)
class Block:
    """One kept part of a page, in reading order."""

    label: str
    text: str


@dataclass(slots=True)
class Page:
    """A cleaned page: its title, publication time (ISO), kept blocks and what cleaning did.

    HTML pages also say where they live (canonical URL), their language (`vi`), who wrote
    them (the byline, else the author a meta tag names) and their source line (`Nguồn: ...`).
    """

    title: str | None
    published: str | None
    blocks: list[Block]
    notes: list[str]
    url: str | None = None
    language: str | None = None
    author: str | None = None
    source_line: str | None = None


def data_sections(name: str) -> dict[str, tuple[str, ...]]:
    """The entries of data file `name`.txt by `[section]`, read as lexicons are (`data_lines`)."""
    sections: dict[str, list[str]] = {}
    current = sections.setdefault("", [])
    for line in data_lines(DATA_DIR / f"{name}.txt"):
        header = _SECTION.fullmatch(line)
        if header:
            current = sections.setdefault(header.group(1), [])
        else:
            current.append(line)
    return {key: tuple(values) for key, values in sections.items()}


def _union(patterns: Iterable[str], flags: int = 0) -> re.Pattern:
    """One regex matching any of `patterns`."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


_FURNITURE_DATA = data_sections("furniture")
_CAPTION_DATA = data_sections("captions")
_SIGNATURE_DATA = data_sections("signatures")

FURNITURE = _union(_FURNITURE_DATA["line"], re.IGNORECASE)
RELATED_HEADING = _union(_FURNITURE_DATA["tail"], re.IGNORECASE)
_SEO = _union(_FURNITURE_DATA["seo"], re.IGNORECASE)
_CRUMB = _union(_FURNITURE_DATA["crumb"], re.IGNORECASE)
CREDIT = _union(_CAPTION_DATA["credit"])
ACTION = _union(_CAPTION_DATA["action"])
_END = _union(_SIGNATURE_DATA["end"])
SOURCE = _union(_SIGNATURE_DATA["source"])
_BYLINE = _union(_SIGNATURE_DATA["byline"])
_NAME_PREFIX = re.compile(f"^(?:{_union(_SIGNATURE_DATA['name_prefix']).pattern})")
_NAME_SUFFIX = re.compile(f"(?:{_union(_SIGNATURE_DATA['name_suffix']).pattern})$")
_DATELINES = tuple(re.compile(p, re.IGNORECASE) for p in data_sections("datelines")[""])

CLOSERS = "\"'”’»)]* "
FULL_STOP = ".!?…"
_SENTENCE_END = FULL_STOP + ":;"
_UPPER = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isupper())
_SENTENCE_BREAK = re.compile(rf"[.!?…][\"'”’)]*\s+(?=[{_UPPER}\d\"“(])")
WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")


@dataclass(slots=True)
class Line:
    """A non-blank line of a page: its text, its matching key, its block and the label it gets."""

    text: str
    key: str
    block: int
    paragraph: bool
    label: str | None = None
    repeated: bool = False


def line_key(text: str) -> str:
    """What patterns match a line against: the line normalised (NFC, look-alike `Ð` folded to `Đ`, ...)."""
    return normalize(text).text


def ends_sentence(key: str) -> bool:
    """Whether a line ends like a sentence (closing quotes and brackets aside)."""
    stripped = key.rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def is_paragraph(key: str) -> bool:
    """Article paragraphs are long, or full sentences of some length; headings and captions are not."""
    return len(key) > settings.CLEAN_PARAGRAPH_CHARS or (ends_sentence(key) and len(key.split()) >= settings.CLEAN_PARAGRAPH_WORDS)


def count_sentences(key: str) -> int:
    """How many sentences a line holds, roughly."""
    return 1 + len(_SENTENCE_BREAK.findall(key))


def plural(count: int, what: str) -> str:
    """`3 lines`, `1 line`."""
    return f"{count} {what}{'' if count == 1 else 's'}"


def _is_name(key: str, max_words: int = 4) -> bool:
    """A person's name as bylines print it: 2-4 capitalised words, maybe with a degree or an agency."""
    key = _NAME_SUFFIX.sub("", _NAME_PREFIX.sub("", key)).strip()
    words = key.split()
    return 2 <= len(words) <= max_words and all(w[0].isupper() and w.isalpha() for w in words)


def _is_titled_name(key: str) -> bool:
    """A name followed by titles: `Lê Văn Minh, Ủy viên Ban Chấp hành Đảng bộ tỉnh, Bí thư ...`."""
    name, comma, rest = key.rstrip(".").partition(",")
    if not comma or len(key) > settings.CLEAN_CAPTION_CHARS or "." in rest.rstrip("."):
        return False
    parts = [part.strip() for part in rest.split(",")]
    return _is_name(name, max_words=5) and all(part[:1].isupper() for part in parts)


def dateline_match(key: str) -> re.Match | None:
    """The date match of a line that is a dateline: short, and little else than the date."""
    if len(key) > settings.CLEAN_DATELINE_CHARS or not _DIGIT.search(key):
        return None
    for pattern in _DATELINES:
        match = pattern.search(key)
        if match:
            rest = key[: match.start()] + " " + key[match.end() :]
            if len(WORD.findall(rest)) <= settings.CLEAN_DATELINE_OTHER_WORDS and not is_paragraph(key):
                return match
            return None
    return None


def iso_time(match: re.Match) -> str | None:
    """The ISO date (and time, when written) of a dateline match; None for an impossible date."""
    parts = match.groupdict()
    try:
        when = datetime(int(parts["y"]), int(parts["m"]), int(parts["d"]), int(parts.get("H") or 0), int(parts.get("M") or 0), int(parts.get("S") or 0))
    except ValueError:
        return None
    return when.isoformat() if parts.get("H") else when.date().isoformat()


def signature_label(key: str) -> str | None:
    """The label of a line that may follow an article's end: source, byline, dateline; else None."""
    if SOURCE.fullmatch(key):
        return "source"
    if _BYLINE.fullmatch(key) or _is_name(key) or _is_titled_name(key):
        return "byline"
    if dateline_match(key):
        return "dateline"
    return None


def _end_mark(lines: list[Line]) -> int | None:
    """Index of the line carrying the article's end mark (`./.`, `(Hết)`), once the article has started."""
    started = False
    for i, line in enumerate(lines):
        started = started or line.paragraph
        if started and _END.search(line.key):
            return i
    return None


def _cut_after_end(lines: list[Line], notes: list[str]) -> list[Line]:
    """After the end mark keep only the signature lines that follow; the rest is another article or a teaser."""
    end = _end_mark(lines)
    if end is None:
        return lines
    for i in range(end + 1, len(lines)):
        line = lines[i]
        if RELATED_HEADING.fullmatch(line.key):
            break
        if FURNITURE.fullmatch(line.key):
            continue
        line.label = signature_label(line.key)
        if line.label is None:
            break
    else:
        return lines
    notes.append(f"cut {plural(len(lines) - i, 'line')} after the article end")
    return lines[:i]


def _cut_related(lines: list[Line], notes: list[str]) -> list[Line]:
    """A related-article or comment heading after the article has started ends it.

    Above the end mark such a heading opens an inline box: it and the teaser lines under
    it are dropped and the article goes on.
    """
    end = _end_mark(lines)
    kept: list[Line] = []
    boxes, in_box, started = 0, False, False
    for i, line in enumerate(lines):
        if in_box and not line.paragraph:
            continue
        in_box = False
        if started and RELATED_HEADING.fullmatch(line.key):
            if end is not None and i < end:
                boxes, in_box = boxes + 1, True
                continue
            notes.append(f"cut {plural(len(lines) - i, 'line')} from {line.text!r} on (related articles, comments)")
            break
        started = started or line.paragraph
        kept.append(line)
    if boxes:
        notes.append(f"dropped {plural(boxes, 'inline related-article box')}")
    return kept


def _drop(lines: list[Line], notes: list[str], test: Callable[[Line], bool], what: str) -> list[Line]:
    """Drop the lines `test` picks and say how many."""
    kept = [line for line in lines if not test(line)]
    if len(kept) < len(lines):
        notes.append(f"dropped {plural(len(lines) - len(kept), what)}")
    return kept


def _is_furniture(line: Line) -> bool:
    """Menus, widgets, counters, form text, lone punctuation; also related headings above the article."""
    return line.label is None and bool(FURNITURE.fullmatch(line.key) or RELATED_HEADING.fullmatch(line.key))


def _is_seo(line: Line) -> bool:
    """Content-farm wrapper sentences (`Bạn đang xem: ...`, `Xem thêm: <other title>`)."""
    return len(line.key) <= settings.CLEAN_SEO_CHARS and bool(_SEO.match(line.key))


def _drop_repeats(lines: list[Line], notes: list[str]) -> list[Line]:
    """A line printed twice in a row (image alt text, then caption) is kept once, marked repeated."""
    out: list[Line] = []
    for line in lines:
        if out and line.key == out[-1].key:
            out[-1].repeated = True
        else:
            out.append(line)
    if len(out) < len(lines):
        notes.append(f"dropped {plural(len(lines) - len(out), 'repeated line')}")
    return out


def paragraph_span(lines: list[Line]) -> tuple[int, int]:
    """Indices of the first and the last paragraph; (len, -1) when there is none."""
    indices = [i for i, line in enumerate(lines) if line.paragraph]
    return (indices[0], indices[-1]) if indices else (len(lines), -1)


def label_datelines(lines: list[Line]) -> str | None:
    """Label datelines above the first and below the last paragraph; the first gives the publication time."""
    first, last = paragraph_span(lines)
    published = None
    for i, line in enumerate(lines):
        if line.label is None and (i < first or i > last):
            match = dateline_match(line.key)
            if match:
                line.label = "dateline"
                published = published or iso_time(match)
    return published


def _is_heading(line: Line) -> bool:
    """A title-like line: a few words, no closing full stop, not a photo credit or a breadcrumb trail."""
    stripped = line.key.rstrip(CLOSERS)
    return (
        line.label is None
        and not line.paragraph
        and len(line.key.split()) >= 2
        and not stripped.endswith((".", ",", ";", ":"))
        and not CREDIT.search(line.key)
        and not _CRUMB.search(line.key)
    )


def label_head(lines: list[Line], notes: list[str]) -> tuple[str | None, list[Line]]:
    """Find the title above the first paragraph; drop breadcrumbs above it and tags under it.

    A name with titles under the title is the author's byline.
    """
    first, _ = paragraph_span(lines)
    headings = [i for i in range(first) if _is_heading(lines[i])]
    long_ones = [i for i in headings if len(lines[i].key.split()) >= settings.CLEAN_TITLE_WORDS]
    if long_ones:
        title_at = long_ones[0]
    else:
        title_at = max(headings, key=lambda i: len(lines[i].key), default=None)
    if title_at is None:
        notes.append("no title found")
        return None, lines
    lines[title_at].label = "title"
    for line in lines[title_at + 1 : first]:
        if line.label is None and _is_titled_name(line.key):
            line.label = "byline"
    crumbs = [i for i in range(title_at) if lines[i].label is None and not CREDIT.search(lines[i].key)]
    tags = [i for i in range(title_at + 1, first) if lines[i].label is None and len(lines[i].key.split()) <= settings.CLEAN_TAG_WORDS and not CREDIT.search(lines[i].key)]
    if crumbs:
        notes.append(f"dropped {plural(len(crumbs), 'breadcrumb line')} above the title")
    if tags:
        notes.append(f"dropped {plural(len(tags), 'tag line')} under the title")
    gone = set(crumbs) | set(tags)
    return lines[title_at].text, [line for i, line in enumerate(lines) if i not in gone]


def label_tail(lines: list[Line]) -> None:
    """Below the last paragraph, label source and byline lines."""
    _, last = paragraph_span(lines)
    for line in lines[last + 1 :]:
        if line.label is None:
            line.label = signature_label(line.key)


def label_lead(lines: list[Line]) -> None:
    """The first text line after the title is the lead when it is a short, punctuated summary."""
    line = next((line for line in lines if line.label is None), None)
    if line is not None and ends_sentence(line.key) and len(line.key) <= settings.CLEAN_LEAD_CHARS:
        line.label = "lead"


def make_page(title: str | None, published: str | None, lines: list[Line], notes: list[str], source: str) -> Page:
    """The Page of the kept lines; EmptyPageError when no text is left."""
    blocks = [Block(line.label or "body", line.text) for line in lines]
    if not any(block.label in ("lead", "body", "caption") for block in blocks):
        raise EmptyPageError(f"{source}: no article text")
    first = {label: next((b.text for b in blocks if b.label == label), None) for label in ("byline", "source")}
    return Page(title, published, blocks, notes, author=first["byline"], source_line=first["source"])


def trim(lines: list[Line], notes: list[str]) -> list[Line]:
    """The cuts and drops shared by text and HTML: end mark, related block, furniture, SEO, repeats."""
    lines = _cut_after_end(lines, notes)
    lines = _cut_related(lines, notes)
    lines = _drop(lines, notes, _is_furniture, "furniture line")
    lines = _drop(lines, notes, _is_seo, "SEO wrapper line")
    return _drop_repeats(lines, notes)
