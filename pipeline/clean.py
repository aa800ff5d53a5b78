"""Cleaning a page: keep the article's title, lead, body, captions, byline and source; drop the rest.

Facts are read from every kept block — a caption or a byline that names a person with
titles carries facts as much as the body does — so cleaning labels those blocks
instead of dropping them. What it drops is page furniture (menus, counters, login and
comment forms, SEO wrapper sentences) and whatever follows the article: after an end
mark (`./.`) only signature lines are kept, and a related-article or comment heading
ends the article. The phrases and patterns are data, in `pipeline/data/`.

Block text is left as written (outer white space stripped); normalisation comes later.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from .errors import EmptyPageError

__all__ = ["LABELS", "Block", "Page", "clean_text", "clean_html", "DATA_DIR"]

LABELS = ("title", "lead", "body", "caption", "byline", "dateline", "source")
DATA_DIR = Path(__file__).with_name("data")

_SECTION = re.compile(r"\[(\w+)\]")


@dataclass(slots=True)
class Block:
    """One kept part of a page, in reading order."""

    label: str
    text: str


@dataclass(slots=True)
class Page:
    """A cleaned page: its title, publication time (ISO), kept blocks and what cleaning did."""

    title: str | None
    published: str | None
    blocks: list[Block]
    notes: list[str]


def _sections(name: str) -> dict[str, tuple[str, ...]]:
    """The entries of data file `name`.txt by `[section]`; `#` starts a comment line."""
    sections: dict[str, list[str]] = {}
    current = sections.setdefault("", [])
    for line in (DATA_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        header = _SECTION.fullmatch(line)
        if header:
            current = sections.setdefault(header.group(1), [])
        else:
            current.append(line)
    return {key: tuple(values) for key, values in sections.items()}


def _union(patterns: Iterable[str], flags: int = 0) -> re.Pattern:
    """One regex matching any of `patterns`."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


_FURNITURE_DATA = _sections("furniture")
_CAPTION_DATA = _sections("captions")
_SIGNATURE_DATA = _sections("signatures")
_HTML_DATA = _sections("html")

_FURNITURE = _union(_FURNITURE_DATA["line"], re.IGNORECASE)
_TAIL = _union(_FURNITURE_DATA["tail"], re.IGNORECASE)
_SEO = _union(_FURNITURE_DATA["seo"], re.IGNORECASE)
_CRUMB = _union(_FURNITURE_DATA["crumb"], re.IGNORECASE)
_CREDIT = _union(_CAPTION_DATA["credit"])
_ACTION = _union(_CAPTION_DATA["action"])
_END = _union(_SIGNATURE_DATA["end"])
_SOURCE = _union(_SIGNATURE_DATA["source"])
_BYLINE = _union(_SIGNATURE_DATA["byline"])
_NAME_PREFIX = re.compile(f"^(?:{_union(_SIGNATURE_DATA['name_prefix']).pattern})")
_NAME_SUFFIX = re.compile(f"(?:{_union(_SIGNATURE_DATA['name_suffix']).pattern})$")
_DATELINES = tuple(re.compile(p, re.IGNORECASE) for p in _sections("datelines")[""])

_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111", "\u0189": "\u0110"})
_LOOKALIKE = re.compile("[\u00d0\u00f0\u0189]")  # str.translate is slow: only run it when needed
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_CLOSERS = "\"'”’»)]* "
_FULL_STOP = ".!?…"
_SENTENCE_END = _FULL_STOP + ":;"
_UPPER = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isupper())
_SENTENCE_BREAK = re.compile(rf"[.!?…][\"'”’)]*\s+(?=[{_UPPER}\d\"“(])")
_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")

# Sizes, in characters or words, that tell a paragraph from a heading, caption or credit.
PARAGRAPH_CHARS = 300  # an unpunctuated line this long is still a paragraph
PARAGRAPH_WORDS = 12  # a punctuated line needs this many words to be a paragraph
TITLE_WORDS = 5  # the first heading this long is the title; shorter lines above it are breadcrumbs
TAG_WORDS = 4  # lines this short between the title and the text are tags (`Bắc Ninh`)
LEAD_CHARS = 400  # a first paragraph up to this long is the sapo
CAPTION_CHARS = 300  # captions are at most this long
CAPTION_WORDS = 10  # an unpunctuated line between paragraphs this long is a caption
PUNCTUATED_SHARE = 0.6  # ... when at least this share of the paragraphs end with a full stop
DATELINE_CHARS = 100
DATELINE_OTHER_WORDS = 8  # words a dateline may carry besides the date (`Cập nhật lúc`, `Thứ Tư`)
SEO_CHARS = 600


@dataclass(slots=True)
class _Line:
    """A non-blank line of a page: its text, its matching key, its block and the label it gets."""

    text: str
    key: str
    block: int
    paragraph: bool
    label: str | None = None
    repeated: bool = False


def _key(text: str) -> str:
    """What patterns match a line against: NFC, look-alike `Ð` folded to `Đ`."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.translate(_LOOKALIKES) if _LOOKALIKE.search(text) else text


def _ends_sentence(key: str) -> bool:
    """Whether a line ends like a sentence (closing quotes and brackets aside)."""
    stripped = key.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def _ends_full_stop(key: str) -> bool:
    """Whether a line ends a sentence with `.`, `!`, `?` or `…` (not `:` or `;`)."""
    stripped = key.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _FULL_STOP


def _is_paragraph(key: str) -> bool:
    """Article paragraphs are long, or full sentences of some length; headings and captions are not."""
    return len(key) > PARAGRAPH_CHARS or (_ends_sentence(key) and len(key.split()) >= PARAGRAPH_WORDS)


def _sentences(key: str) -> int:
    """How many sentences a line holds, roughly."""
    return 1 + len(_SENTENCE_BREAK.findall(key))


def _line(text: str, block: int) -> _Line:
    """A line record for `text`, its key and paragraph flag computed once."""
    key = _key(text)
    return _Line(text, key, block, _is_paragraph(key))


def _strip(text: str) -> str:
    """A line without its outer white space and invisible characters."""
    return text.strip().strip(_INVISIBLE).strip()


def _split_lines(raw: str) -> list[tuple[str, int]]:
    """The non-blank lines of a dump, each with the number of the blank-line-separated block it stands in."""
    lines: list[tuple[str, int]] = []
    block = 0
    for piece in raw.splitlines():
        text = _strip(piece)
        if text:
            lines.append((text, block))
        else:
            block += 1
    return lines


def _join_wrapped(lines: list[tuple[str, int]]) -> list[_Line]:
    """Line records; in hard-wrapped dumps a line going on in lower case continues a line with no full stop."""
    out: list[_Line] = []
    pieces: list[str] = []
    current = -1
    for text, block in lines:
        if pieces and block == current and text[:1].islower() and not _ends_full_stop(pieces[-1]):
            pieces.append(text)
            continue
        if pieces:
            out.append(_line(" ".join(pieces), current))
        pieces, current = [text], block
    if pieces:
        out.append(_line(" ".join(pieces), current))
    return out


def _plural(count: int, what: str) -> str:
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
    if not comma or len(key) > CAPTION_CHARS or "." in rest.rstrip("."):
        return False
    parts = [part.strip() for part in rest.split(",")]
    return _is_name(name, max_words=5) and all(part[:1].isupper() for part in parts)


def _dateline(key: str) -> re.Match | None:
    """The date match of a line that is a dateline: short, and little else than the date."""
    if len(key) > DATELINE_CHARS or not _DIGIT.search(key):
        return None
    for pattern in _DATELINES:
        match = pattern.search(key)
        if match:
            rest = key[: match.start()] + " " + key[match.end() :]
            if len(_WORD.findall(rest)) <= DATELINE_OTHER_WORDS and not _is_paragraph(key):
                return match
            return None
    return None


def _iso(match: re.Match) -> str | None:
    """The ISO date (and time, when written) of a dateline match; None for an impossible date."""
    parts = match.groupdict()
    try:
        when = datetime(int(parts["y"]), int(parts["m"]), int(parts["d"]), int(parts.get("H") or 0),
                        int(parts.get("M") or 0), int(parts.get("S") or 0))
    except ValueError:
        return None
    return when.isoformat() if parts.get("H") else when.date().isoformat()


def _signature(key: str) -> str | None:
    """The label of a line that may follow an article's end: source, byline, dateline; else None."""
    if _SOURCE.fullmatch(key):
        return "source"
    if _BYLINE.fullmatch(key) or _is_name(key) or _is_titled_name(key):
        return "byline"
    if _dateline(key):
        return "dateline"
    return None


def _end_mark(lines: list[_Line]) -> int | None:
    """Index of the line carrying the article's end mark (`./.`, `(Hết)`), once the article has started."""
    started = False
    for i, line in enumerate(lines):
        started = started or line.paragraph
        if started and _END.search(line.key):
            return i
    return None


def _cut_after_end(lines: list[_Line], notes: list[str]) -> list[_Line]:
    """After the end mark keep only the signature lines that follow; the rest is another article or a teaser."""
    end = _end_mark(lines)
    if end is None:
        return lines
    for i in range(end + 1, len(lines)):
        line = lines[i]
        if _TAIL.fullmatch(line.key):
            break
        if _FURNITURE.fullmatch(line.key):
            continue
        line.label = _signature(line.key)
        if line.label is None:
            break
    else:
        return lines
    notes.append(f"cut {_plural(len(lines) - i, 'line')} after the article end")
    return lines[:i]


def _cut_related(lines: list[_Line], notes: list[str]) -> list[_Line]:
    """A related-article or comment heading after the article has started ends it.

    Above the end mark such a heading opens an inline box: it and the teaser lines under
    it are dropped and the article goes on.
    """
    end = _end_mark(lines)
    kept: list[_Line] = []
    boxes, in_box, started = 0, False, False
    for i, line in enumerate(lines):
        if in_box and not line.paragraph:
            continue
        in_box = False
        if started and _TAIL.fullmatch(line.key):
            if end is not None and i < end:
                boxes, in_box = boxes + 1, True
                continue
            notes.append(f"cut {_plural(len(lines) - i, 'line')} from {line.text!r} on (related articles, comments)")
            break
        started = started or line.paragraph
        kept.append(line)
    if boxes:
        notes.append(f"dropped {_plural(boxes, 'inline related-article box')}")
    return kept


def _drop(lines: list[_Line], notes: list[str], test: Callable[[_Line], bool], what: str) -> list[_Line]:
    """Drop the lines `test` picks and say how many."""
    kept = [line for line in lines if not test(line)]
    if len(kept) < len(lines):
        notes.append(f"dropped {_plural(len(lines) - len(kept), what)}")
    return kept


def _is_furniture(line: _Line) -> bool:
    """Menus, widgets, counters, form text, lone punctuation; also related headings above the article."""
    return line.label is None and bool(_FURNITURE.fullmatch(line.key) or _TAIL.fullmatch(line.key))


def _is_seo(line: _Line) -> bool:
    """Content-farm wrapper sentences (`Bạn đang xem: ...`, `Xem thêm: <other title>`)."""
    return len(line.key) <= SEO_CHARS and bool(_SEO.match(line.key))


def _drop_repeats(lines: list[_Line], notes: list[str]) -> list[_Line]:
    """A line printed twice in a row (image alt text, then caption) is kept once, marked repeated."""
    out: list[_Line] = []
    for line in lines:
        if out and line.key == out[-1].key:
            out[-1].repeated = True
        else:
            out.append(line)
    if len(out) < len(lines):
        notes.append(f"dropped {_plural(len(lines) - len(out), 'repeated line')}")
    return out


def _paragraph_span(lines: list[_Line]) -> tuple[int, int]:
    """Indices of the first and the last paragraph; (len, -1) when there is none."""
    indices = [i for i, line in enumerate(lines) if line.paragraph]
    return (indices[0], indices[-1]) if indices else (len(lines), -1)


def _label_datelines(lines: list[_Line]) -> str | None:
    """Label datelines above the first and below the last paragraph; the first gives the publication time."""
    first, last = _paragraph_span(lines)
    published = None
    for i, line in enumerate(lines):
        if line.label is None and (i < first or i > last):
            match = _dateline(line.key)
            if match:
                line.label = "dateline"
                published = published or _iso(match)
    return published


def _is_heading(line: _Line) -> bool:
    """A title-like line: a few words, no closing full stop, not a photo credit or a breadcrumb trail."""
    stripped = line.key.rstrip(_CLOSERS)
    return (
        line.label is None
        and not line.paragraph
        and len(line.key.split()) >= 2
        and not stripped.endswith((".", ",", ";", ":"))
        and not _CREDIT.search(line.key)
        and not _CRUMB.search(line.key)
    )


def _label_head(lines: list[_Line], notes: list[str]) -> tuple[str | None, list[_Line]]:
    """Find the title above the first paragraph; drop breadcrumbs above it and tags under it.

    A name with titles under the title is the author's byline.
    """
    first, _ = _paragraph_span(lines)
    headings = [i for i in range(first) if _is_heading(lines[i])]
    long_ones = [i for i in headings if len(lines[i].key.split()) >= TITLE_WORDS]
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
    crumbs = [i for i in range(title_at) if lines[i].label is None and not _CREDIT.search(lines[i].key)]
    tags = [
        i for i in range(title_at + 1, first)
        if lines[i].label is None and len(lines[i].key.split()) <= TAG_WORDS and not _CREDIT.search(lines[i].key)
    ]
    if crumbs:
        notes.append(f"dropped {_plural(len(crumbs), 'breadcrumb line')} above the title")
    if tags:
        notes.append(f"dropped {_plural(len(tags), 'tag line')} under the title")
    gone = set(crumbs) | set(tags)
    return lines[title_at].text, [line for i, line in enumerate(lines) if i not in gone]


def _label_tail(lines: list[_Line]) -> None:
    """Below the last paragraph, label source and byline lines."""
    _, last = _paragraph_span(lines)
    for line in lines[last + 1 :]:
        if line.label is None:
            line.label = _signature(line.key)


def _short_block_lines(lines: list[_Line]) -> set[int]:
    """Indices of lines in blocks of two or three short lines (photo alt text and caption), the title's aside."""
    by_block: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        by_block.setdefault(line.block, []).append(i)
    picked: set[int] = set()
    for indices in by_block.values():
        if (
            2 <= len(indices) <= 3
            and all(len(lines[i].key) <= CAPTION_CHARS for i in indices)
            and all(lines[i].label != "title" for i in indices)
        ):
            picked.update(indices)
    return picked


def _is_caption(line: _Line, between: bool, first_text: bool, short_block: bool, punctuated: bool) -> bool:
    """Whether an unlabelled line describes a photo.

    A caption carries a photo credit or position note (`Ảnh: ...`, `(thứ 4 từ trái sang)`),
    or is printed twice, or shares its block with another short line (alt text and
    caption); between paragraphs, a line of some length that does not end a sentence
    where the paragraphs do, or a one-sentence line saying what people in a photo do
    (`tặng hoa`, `trao Giấy khen`), is a caption too.
    """
    key = line.key
    if len(key) > CAPTION_CHARS + 100:
        return False
    if _CREDIT.search(key) and _sentences(key) <= 3:
        return True
    if len(key) > CAPTION_CHARS:
        return False
    if line.repeated or short_block:
        return True
    if not between:
        return False
    if punctuated and not _ends_sentence(key) and len(key.split()) >= CAPTION_WORDS:
        return True
    return not first_text and _sentences(key) == 1 and bool(_ACTION.search(key))


def _punctuated(lines: list[_Line]) -> bool:
    """Whether the page's paragraphs mostly end with a full stop, so an unpunctuated line stands out."""
    paragraphs = [line for line in lines if line.paragraph]
    ended = sum(_ends_sentence(line.key) for line in paragraphs)
    return ended >= PUNCTUATED_SHARE * len(paragraphs)


def _label_captions(lines: list[_Line]) -> None:
    """Label the photo captions among the unlabelled lines (see `_is_caption`)."""
    _, last = _paragraph_span(lines)
    first_text = next((i for i, line in enumerate(lines) if line.label is None), None)
    short = _short_block_lines(lines)
    punctuated = _punctuated(lines)
    for i, line in enumerate(lines):
        if line.label is None and _is_caption(line, i < last, i == first_text, i in short, punctuated):
            line.label = "caption"


def _label_lead(lines: list[_Line]) -> None:
    """The first text line after the title is the lead when it is a short, punctuated summary."""
    line = next((line for line in lines if line.label is None), None)
    if line is not None and _ends_sentence(line.key) and len(line.key) <= LEAD_CHARS:
        line.label = "lead"


def _page(title: str | None, published: str | None, lines: list[_Line], notes: list[str], source: str) -> Page:
    """The Page of the kept lines; EmptyPageError when no text is left."""
    blocks = [Block(line.label or "body", line.text) for line in lines]
    if not any(block.label in ("lead", "body", "caption") for block in blocks):
        raise EmptyPageError(f"{source}: no article text")
    return Page(title, published, blocks, notes)


def _trim(lines: list[_Line], notes: list[str]) -> list[_Line]:
    """The cuts and drops shared by text and HTML: end mark, related block, furniture, SEO, repeats."""
    lines = _cut_after_end(lines, notes)
    lines = _cut_related(lines, notes)
    lines = _drop(lines, notes, _is_furniture, "furniture line")
    lines = _drop(lines, notes, _is_seo, "SEO wrapper line")
    return _drop_repeats(lines, notes)


def clean_text(raw: str, source: str = "") -> Page:
    """Clean a page-text dump: drop furniture and what follows the article, label the kept lines.

    raw (str): the decoded dump, paragraphs one per line, blank lines between blocks.
    source (str): the file or URL it came from, named in errors.
    RETURNS (Page): title, ISO publication time, labelled blocks in reading order, notes.
    """
    notes: list[str] = []
    lines = _trim(_join_wrapped(_split_lines(raw)), notes)
    published = _label_datelines(lines)
    title, lines = _label_head(lines, notes)
    _label_tail(lines)
    _label_captions(lines)
    _label_lead(lines)
    return _page(title, published, lines, notes, source)


# --- HTML -------------------------------------------------------------------------------

_SIMPLE_SELECTOR = re.compile(r"([\w-]*)((?:[.#][\w-]+|\[[\w:-]+(?:=[^\]]+)?\])*)")
_SELECTOR_PART = re.compile(r"([.#])([\w-]+)|\[([\w:-]+)(?:=([^\]]+))?\]")
_TEXT_TAGS = ("p", "h2", "h3", "h4", "figcaption", "blockquote")
_TITLE_SUFFIX = re.compile(r"\s+[-|–—]\s+[^-|–—]{1,60}$")
LINK_SHARE = 0.9  # a paragraph this much link text is a teaser, not article text


@dataclass(frozen=True, slots=True)
class _Selector:
    """A simple CSS selector: `tag`, `.class`, `#id`, `[attr]`, `[attr=value]` and their compounds.

    soupsieve would do, but matching these by hand is ten times faster on a news page.
    """

    tag: str
    classes: frozenset[str]
    id: str
    attrs: tuple[tuple[str, str | None], ...]

    def matches(self, element: Tag) -> bool:
        """Whether `element` has this selector's tag, classes, id and attributes."""
        if self.tag and element.name != self.tag:
            return False
        if self.classes and not self.classes.issubset(element.get("class") or ()):
            return False
        if self.id and element.get("id") != self.id:
            return False
        for name, value in self.attrs:
            found = element.get(name)
            if found is None or (value is not None and found != value):
                return False
        return True


def _selector(text: str) -> _Selector:
    """Parse one simple selector of html.txt; anything else is an error in the data file."""
    match = _SIMPLE_SELECTOR.fullmatch(text)
    if not match or not text:
        raise ValueError(f"{DATA_DIR / 'html.txt'}: unsupported selector {text!r}")
    classes, ident, attrs = set(), "", []
    for mark, word, attr, value in _SELECTOR_PART.findall(match.group(2)):
        if mark == ".":
            classes.add(word)
        elif mark == "#":
            ident = word
        else:
            attrs.append((attr, value.strip("\"'") if value else None))
    return _Selector(match.group(1).lower(), frozenset(classes), ident, tuple(attrs))


@dataclass(frozen=True, slots=True)
class _SelectorIndex:
    """The selectors of one html.txt section, indexed by the tag, class or id each one requires."""

    by_tag: dict[str, tuple[_Selector, ...]]
    by_class: dict[str, tuple[_Selector, ...]]
    by_id: dict[str, tuple[_Selector, ...]]
    others: tuple[_Selector, ...]

    def matches(self, element: Tag) -> bool:
        """Whether one of the selectors matches `element`, trying only those it could match."""
        candidates = list(self.by_tag.get(element.name, ())) + list(self.others)
        for name in element.get("class") or ():
            candidates.extend(self.by_class.get(name, ()))
        ident = element.get("id")
        if ident:
            candidates.extend(self.by_id.get(ident, ()))
        return any(selector.matches(element) for selector in candidates)


def _frozen(table: dict[str, list[_Selector]]) -> dict[str, tuple[_Selector, ...]]:
    """The table with tuples for lists."""
    return {key: tuple(value) for key, value in table.items()}


def _index(selectors: tuple[_Selector, ...]) -> _SelectorIndex:
    """Index selectors by a class they need, else their id, else their tag."""
    by_tag: dict[str, list[_Selector]] = {}
    by_class: dict[str, list[_Selector]] = {}
    by_id: dict[str, list[_Selector]] = {}
    others: list[_Selector] = []
    for selector in selectors:
        if selector.classes:
            by_class.setdefault(min(selector.classes), []).append(selector)
        elif selector.id:
            by_id.setdefault(selector.id, []).append(selector)
        elif selector.tag:
            by_tag.setdefault(selector.tag, []).append(selector)
        else:
            others.append(selector)
    return _SelectorIndex(_frozen(by_tag), _frozen(by_class), _frozen(by_id), tuple(others))


_SELECTORS = {section: tuple(map(_selector, entries)) for section, entries in _HTML_DATA.items() if section != "published"}
_INDEXES = {section: _index(selectors) for section, selectors in _SELECTORS.items()}
_PUBLISHED_META = tuple(name.lower() for name in _HTML_DATA["published"])


def _select(root: Tag, section: str) -> list[Tag]:
    """The elements under `root`, in document order, that match a selector of `section` in html.txt."""
    index = _INDEXES[section]
    return [element for element in root.find_all(True) if index.matches(element)]


def _rank(element: Tag, section: str) -> int:
    """The position of the first selector of `section` that `element` matches: earlier means likelier."""
    selectors = _SELECTORS[section]
    return next((i for i, selector in enumerate(selectors) if selector.matches(element)), len(selectors))


def _text_of(element: Tag) -> str:
    """An element's text with its white-space runs folded to one space."""
    return " ".join(element.get_text().split())


def _metas(soup: BeautifulSoup) -> dict[str, str]:
    """The page's `<meta>` contents by lower-cased property, name or itemprop (first wins)."""
    metas: dict[str, str] = {}
    for meta in (soup.head or soup).find_all("meta"):
        name = meta.get("property") or meta.get("name") or meta.get("itemprop")
        if name and meta.get("content"):
            metas.setdefault(name.lower(), meta["content"])
    return metas


def _html_title(soup: BeautifulSoup, metas: dict[str, str]) -> str | None:
    """The headline: the first `<h1>` of two words or more, else og:title, else `<title>` minus the site name."""
    for h1 in soup.find_all("h1"):
        text = _text_of(h1)
        if len(text.split()) >= 2:
            return text
    if metas.get("og:title"):
        return " ".join(metas["og:title"].split())
    if soup.title and soup.title.string:
        return _TITLE_SUFFIX.sub("", " ".join(soup.title.string.split())) or None
    return None


def _html_dates(soup: BeautifulSoup, metas: dict[str, str]) -> tuple[str | None, str | None]:
    """The publication time (meta, `<time datetime>`, or a visible dateline) and the visible dateline text."""
    published = None
    for name in _PUBLISHED_META:
        match = _dateline(metas.get(name, ""))
        if match:
            published = _iso(match)
            break
    if published is None:
        time = soup.find("time", datetime=True)
        match = _dateline(time["datetime"]) if time else None
        published = _iso(match) if match else None
    for element in _select(soup, "dateline"):
        text = _text_of(element)
        match = _dateline(_key(text))
        if match:
            return published or _iso(match), text
    return published, None


def _drop_elements(soup: BeautifulSoup, notes: list[str]) -> None:
    """Remove scripts, navigation, sidebars, forms, related lists and share boxes."""
    dropped = 0
    for element in _select(soup, "drop"):
        if not element.decomposed:
            element.decompose()
            dropped += 1
    if dropped:
        notes.append(f"removed {_plural(dropped, 'script, navigation, sidebar or related-list element')}")


def _main_container(soup: BeautifulSoup) -> Tag | None:
    """The content container holding the most paragraph text (the innermost wins a tie), else the
    element whose own paragraphs hold the most text."""
    best, best_size = None, 0
    for element in _select(soup, "content"):
        size = sum(len(p.get_text(strip=True)) for p in element.find_all("p"))
        if size and size >= best_size:
            best, best_size = element, size
    if best is not None:
        return best
    sizes: dict[int, tuple[Tag, int]] = {}
    for p in soup.find_all("p"):
        parent = p.parent
        _, size = sizes.get(id(parent), (parent, 0))
        sizes[id(parent)] = (parent, size + len(p.get_text(strip=True)))
    return max(sizes.values(), key=lambda pair: pair[1])[0] if sizes else None


def _html_lead(soup: BeautifulSoup) -> str | None:
    """The sapo: the element of the likeliest lead class with text, else the first short `<p>` of `<article>`."""
    candidates = [(element, _text_of(element)) for element in _select(soup, "lead")]
    candidates = [(element, text) for element, text in candidates if len(text.split()) >= 5]
    if candidates:
        return min(candidates, key=lambda pair: _rank(pair[0], "lead"))[1]
    article = soup.find("article")
    first = article.find("p") if article else None
    text = _text_of(first) if first else ""
    return text if text and _ends_sentence(text) and len(text) <= LEAD_CHARS else None


def _is_link_teaser(element: Tag, text: str) -> bool:
    """A paragraph that is all link text is a teaser for another article."""
    links = sum(len(_text_of(a)) for a in element.find_all("a"))
    return bool(text) and links >= LINK_SHARE * len(text)


def _within(element: Tag, marked: set[int], stop: Tag) -> bool:
    """Whether `element` or one of its ancestors below `stop` is in `marked`."""
    node: Tag | None = element
    while node is not None and node is not stop:
        if id(node) in marked:
            return True
        node = node.parent
    return False


def _html_lines(container: Tag, lead: str | None, notes: list[str]) -> list[_Line]:
    """The text elements of the container as lines, labelled caption or byline by their markup."""
    for br in container.find_all("br"):
        br.replace_with("\n")
    captions = {id(e) for e in _select(container, "caption")}
    bylines = {id(e) for e in _select(container, "byline")}
    lines: list[_Line] = []
    teasers = 0
    for block, element in enumerate(container.find_all(_TEXT_TAGS)):
        if element.name in ("figcaption", "blockquote") and element.find("p"):
            continue
        text = _text_of(element)
        if not text or text == lead:
            continue
        if _is_link_teaser(element, text):
            teasers += 1
            continue
        line = _line(text, block)
        if _within(element, captions, container):
            line.label = "caption"
        elif _within(element, bylines, container):
            line.label = "byline"
        lines.append(line)
    for line in lines[-2:]:
        if line.label is None and (_is_name(line.key) or _is_titled_name(line.key)):
            line.label = "byline"
    if teasers:
        notes.append(f"dropped {_plural(teasers, 'link-only paragraph')}")
    return lines


def clean_html(html: str, source: str = "") -> Page:
    """Clean an HTML page: title, lead, body paragraphs, captions and byline of its main content container.

    html (str): the decoded page.
    source (str): the file or URL it came from, named in errors.
    RETURNS (Page): title, ISO publication time, labelled blocks in reading order, notes.
    """
    soup = BeautifulSoup(html, "lxml")
    notes: list[str] = []
    metas = _metas(soup)
    title = _html_title(soup, metas)
    published, dateline = _html_dates(soup, metas)
    _drop_elements(soup, notes)
    lead = _html_lead(soup)
    container = _main_container(soup)
    if container is None:
        notes.append("no paragraphs found; cleaned the page text")
        page = clean_text(soup.get_text("\n"), source)
        return Page(title or page.title, published or page.published, page.blocks, notes + page.notes)
    lines = _trim(_html_lines(container, lead, notes), notes)
    head = [("title", title), ("dateline", dateline), ("lead", lead)]
    blocks = [_Line(text, _key(text), -1, False, label) for label, text in head if text]
    return _page(title, published, blocks + lines, notes, source)
