"""Cleaning an HTML page from its markup, with the phrases of the text cleaner and optional site profiles."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag

from ..errors import EmptyPageError
from ..text.normalize import fold
from ..text.read import looks_vietnamese
from .selectors import (
    _GENERIC_SELECTORS,
    _HTML_DATA,
    Profile,
    _class_names,
    _index,
    _name_roles,
    _selector,
    _SelectorIndex,
    load_profiles,
)
from .text import (
    _CLOSERS,
    _CREDIT,
    _FURNITURE,
    _INVISIBLE,
    _SOURCE,
    _WORD,
    DATA_DIR,
    TITLE_WORDS,
    Page,
    _dateline,
    _ends_sentence,
    _is_paragraph,
    _iso,
    _key,
    _label_datelines,
    _label_head,
    _label_lead,
    _label_tail,
    _Line,
    _page,
    _plural,
    _sentences,
    _signature,
    _trim,
)

# --- HTML -------------------------------------------------------------------------------
#
# An HTML page is read in one pass over its tree into text blocks (the text between two
# block-level boundaries or `<br>`s), each with what its markup says: the share of its
# text in links, bold or italics, its alignment, whether an image stands right before it,
# and the roles its element and near ancestors carry by selector or class word (title,
# lead, caption, byline, dateline, source, furniture). The article container is the
# element whose paragraph text, weighted by closeness and discounted by link text, is the
# highest; the title, dateline and lead are looked for just before it, the byline and
# source at its end. A site profile (profiles/*.toml) can name these parts outright.

_LIMITS = tomllib.loads((DATA_DIR / "html.toml").read_text(encoding="utf-8"))

_BLOCK_TAGS = frozenset(
    "p div td th li dd dt dl h1 h2 h3 h4 h5 h6 blockquote figcaption figure section article header footer main "
    "aside nav ul ol table tr tbody thead tfoot caption pre address center form fieldset details summary body "
    "html hr menu".split()
)
_CONTAINER_TAGS = frozenset("div td section article main center blockquote body form".split())
_HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_SILENT_TAGS = frozenset("head script style template noscript textarea select option svg math iframe object".split())
_BOLD_TAGS = frozenset(("b", "strong"))
_ITALIC_TAGS = frozenset(("i", "em"))
_STYLE_TAGS = _BOLD_TAGS | _ITALIC_TAGS | _SILENT_TAGS | {"a"}  # inline elements that change what their text is
_NOTED_TAGS = frozenset(("meta", "link", "html", "title", "time", "script"))
_BOUNDARY_ROLES = frozenset(("dateline", "byline", "drop"))  # an inline element with one is a block of its own
_NO_ROLES: frozenset[str] = frozenset()

_TITLE_SUFFIX = re.compile(r"\s+[-|–—]\s+[^-|–—]{1,60}$")
_ALIGN = re.compile(r"text-align\s*:\s*(right|center)", re.IGNORECASE)
_DECLARED_URL = re.compile(r"""<(?:link|meta)\b[^>]*?\b(?:rel\s*=\s*["']?canonical\b|property\s*=\s*["']og:url\b)[^>]*>""", re.IGNORECASE)
_URL_ATTR = re.compile(r"""\b(?:href|content)\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_JSON_LD = "application/ld+json"
_LD_TYPES = frozenset(("Article", "NewsArticle", "BlogPosting", "Report", "WebPage", "ReportageNewsArticle"))


# --- the page's blocks -----------------------------------------------------------------------


@dataclass(slots=True)
class _Context:
    """What an element passes down to the text inside it."""

    block: Tag
    depth: int
    link: bool
    bold: bool
    italic: bool
    silent: bool
    drops: tuple[Tag, ...]
    marks: tuple[tuple[str, int], ...]  # (role, depth of the element carrying it)


@dataclass(slots=True)
class _Block:
    """Text between two block boundaries, with what its markup says about it."""

    text: str
    element: Tag
    index: int
    chars: int
    links: int
    bold: int
    italic: int
    roles: frozenset[str]
    drops: tuple[Tag, ...]
    after_image: bool
    mass: int = 0
    furniture: bool = False
    normalized: str | None = None

    @property
    def key(self) -> str:
        """The block's text as patterns match it (see `_key`), computed on first use."""
        if self.normalized is None:
            self.normalized = _key(self.text)
        return self.normalized

    def share(self, part: int) -> float:
        """The share of the block's characters that `part` counts."""
        return part / self.chars if self.chars else 0.0


@dataclass(slots=True)
class _Span:
    """The blocks an element holds: [start, end) in document order."""

    element: Tag
    start: int
    end: int = -1


@dataclass(slots=True)
class _Metadata:
    """What the page says about itself outside its visible text."""

    metas: dict[str, str] = field(default_factory=dict)
    canonical: str | None = None
    language: str | None = None
    title: str | None = None
    time: str | None = None
    json_ld: list[dict[str, Any]] = field(default_factory=list)


class _Reader:
    """One pass over a parsed page: blocks in document order, element spans, metadata."""

    def __init__(self, index: _SelectorIndex) -> None:
        self.index = index
        self.blocks: list[_Block] = []
        self.spans: dict[int, _Span] = {}
        self.meta = _Metadata()
        self._contexts: dict[int, _Context] = {}
        self._open: list[tuple[int, Tag]] = []
        self._pieces: list[tuple[str, _Context]] = []
        self._current: Tag | None = None
        self._image = False

    def roles(self, element: Tag) -> frozenset[str]:
        """The roles of an element by selector and class word."""
        if not element.attrs and "<" + element.name not in self.index.by_key:
            return _NO_ROLES
        names = _class_names(element)
        roles = self.index.roles(element, names)
        for name in names:
            roles |= _name_roles(name)
        return frozenset(roles) if roles else _NO_ROLES

    def read(self, root: BeautifulSoup) -> None:
        """Walk the tree once, in document order."""
        top = _Context(root, 0, False, False, False, False, (), ())
        self._contexts[id(root)] = top
        for node in root.descendants:
            if isinstance(node, Tag):
                self._enter(node)
            elif type(node) is NavigableString:
                self._text(node)
        self._flush()
        while self._open:
            self._close()

    def _enter(self, tag: Tag) -> None:
        """Open an element: close those it follows, note metadata, set its context."""
        parent = self._contexts[id(tag.parent)]
        name, depth = tag.name, parent.depth + 1
        roles = self.roles(tag) if not parent.silent else _NO_ROLES
        block = name in _BLOCK_TAGS or (name != "a" and bool(roles & _BOUNDARY_ROLES))
        if block or name == "br":
            self._flush()
        while self._open and self._open[-1][0] >= depth:
            self._close()
        if name in _NOTED_TAGS:
            self._note(tag)
        if name == "img" and not parent.link:
            self._flush()
            self._image = True
        if not (block or roles or name in _STYLE_TAGS):
            self._contexts[id(tag)] = parent  # a plain inline element changes nothing for the text inside
            return
        self._contexts[id(tag)] = _Context(
            tag if block else parent.block,
            depth,
            parent.link or name == "a",
            (parent.bold and not block) or name in _BOLD_TAGS,
            (parent.italic and not block) or name in _ITALIC_TAGS,
            parent.silent or name in _SILENT_TAGS,
            parent.drops + (tag,) if "drop" in roles else parent.drops,
            parent.marks + tuple((role, depth) for role in roles if role != "drop") if roles else parent.marks,
        )
        if block:
            self._open.append((depth, tag))
            self.spans[id(tag)] = _Span(tag, len(self.blocks))

    def _close(self) -> None:
        """Close the innermost open block element: its span ends after the blocks read so far."""
        _, tag = self._open.pop()
        if self._current is tag:
            self._flush()
        self.spans[id(tag)].end = len(self.blocks)

    def _text(self, node: NavigableString) -> None:
        """Add a text node to the block its nearest block-level ancestor makes, closing the blocks it follows."""
        context = self._contexts[id(node.parent)]
        if context.silent:
            return
        if context.block is not self._current:
            self._flush()
            while self._open and self._open[-1][0] > context.depth:
                self._close()
            self._current = context.block
        self._pieces.append((str(node), context))

    def _flush(self) -> None:
        """Close the pending block, if it holds any text."""
        if not self._pieces:
            self._current = None
            return
        pieces, self._pieces = self._pieces, []
        element, self._current = self._current, None
        text = " ".join("".join(piece for piece, _ in pieces).split()).strip(_INVISIBLE)
        if not text or element is None:
            return
        counts = [0, 0, 0]
        for piece, context in pieces:
            size = len(piece.strip())
            counts[0] += size if context.link else 0
            counts[1] += size if context.bold else 0
            counts[2] += size if context.italic else 0
        own = self._contexts[id(element)]
        floor = own.depth - _LIMITS["role_depth"]
        roles = frozenset(role for _, context in pieces for role, at in context.marks if at >= floor)
        chars = sum(len(piece.strip()) for piece, _ in pieces) or 1
        self.blocks.append(_Block(text, element, len(self.blocks), chars, *counts, roles, own.drops, self._image))
        self._image = False

    def _note(self, tag: Tag) -> None:
        """Keep what a head element, `<html lang>`, `<time>` or JSON-LD script says about the page."""
        name, meta = tag.name, self.meta
        if name == "meta":
            key = tag.get("property") or tag.get("name") or tag.get("itemprop") or tag.get("http-equiv")
            if key and tag.get("content"):
                meta.metas.setdefault(key.lower(), tag["content"])
        elif name == "link" and "canonical" in (tag.get("rel") or "").lower().split() and tag.get("href"):
            meta.canonical = meta.canonical or tag["href"].strip()
        elif name == "html" and tag.get("lang"):
            meta.language = tag["lang"]
        elif name == "title" and meta.title is None:
            meta.title = tag.get_text()
        elif name == "time" and meta.time is None and tag.get("datetime"):
            meta.time = tag["datetime"]
        elif name == "script" and (tag.get("type") or "").lower() == _JSON_LD:
            meta.json_ld.extend(_ld_objects(tag.get_text()))


def _ld_objects(text: str) -> list[dict[str, Any]]:
    """The article-like objects of a JSON-LD script (top level or in `@graph`); none when it is not JSON."""
    try:
        data = json.loads(text)
    except ValueError:
        return []
    items = data if isinstance(data, list) else [data]
    found: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, dict):
            graph = item.get("@graph")
            found.extend(x for x in (graph if isinstance(graph, list) else [item]) if isinstance(x, dict))
    return [item for item in found if set(_as_list(item.get("@type"))) & _LD_TYPES]


def _as_list(value: Any) -> list[Any]:
    """A JSON value as a list: itself when it is one, else a list of it (none for null)."""
    return value if isinstance(value, list) else [] if value is None else [value]


# --- bounds ------------------------------------------------------------------------------


def _bounded(html: str, notes: list[str]) -> str:
    """The page cut at `max_chars` characters or the `max_tags`-th tag, whichever comes first; the cut noted."""
    cut = min(len(html), _LIMITS["max_chars"])
    if html.count("<", 0, cut) > _LIMITS["max_tags"]:
        position = -1
        for _ in range(_LIMITS["max_tags"]):
            position = html.find("<", position + 1)
        cut = position
    if cut < len(html):
        notes.append(f"page cut at {cut} of {len(html)} characters ({_LIMITS['max_tags']} tags, {_LIMITS['max_chars']} characters at most)")
    return html[:cut]


# --- choosing the article -----------------------------------------------------------------


def _measure(blocks: list[_Block], spans: dict[int, _Span]) -> None:
    """Fill each block's paragraph mass; mark furniture, sparing frames that hold most of an article's text."""
    for block in blocks:
        if (
            block.element.name not in _HEADING_TAGS
            and block.chars >= _LIMITS["paragraph_chars"]
            and block.share(block.links) < 0.5
            and len(block.text.split()) >= _LIMITS["paragraph_words"]
            and not _FURNITURE.fullmatch(block.key)
        ):
            block.mass = block.chars - block.links
    total = sum(block.mass for block in blocks) or 1
    prefix = _prefix([block.mass for block in blocks])
    frames: dict[int, bool] = {}
    for block in blocks:
        for element in block.drops:
            if id(element) not in frames:
                span = spans.get(id(element))
                mass = prefix[span.end] - prefix[span.start] if span else 0
                frames[id(element)] = mass > _LIMITS["frame_share"] * total and mass >= _LIMITS["article_chars"]
        block.furniture = any(not frames[id(element)] for element in block.drops)


def _prefix(values: list[int]) -> list[int]:
    """Running sums, one more than `values`, starting at 0."""
    sums = [0]
    for value in values:
        sums.append(sums[-1] + value)
    return sums


def _scores(blocks: list[_Block], spans: dict[int, _Span]) -> dict[int, float]:
    """Each candidate container's score: weighted paragraph text inside it, discounted by its link share."""
    weights = _LIMITS["ancestor_weights"]
    raw: dict[int, float] = {}
    for block in blocks:
        if not block.mass or block.furniture:
            continue
        node: Tag | None = block.element
        for level, weight in enumerate(weights):
            if node is None or not isinstance(node, Tag):
                break
            if level or node.name in _CONTAINER_TAGS:
                raw[id(node)] = raw.get(id(node), 0.0) + weight * block.mass
            node = node.parent
    chars = _prefix([block.chars for block in blocks])
    links = _prefix([block.links for block in blocks])
    scores: dict[int, float] = {}
    for key, value in raw.items():
        span = spans.get(key)
        if span is None:
            continue
        total = chars[span.end] - chars[span.start]
        linked = links[span.end] - links[span.start]
        scores[key] = value * (1 - linked / total) ** _LIMITS["link_power"] if total else 0.0
    return scores


def _candidates(scores: dict[int, float], spans: dict[int, _Span]) -> list[_Span]:
    """Containers scoring near the best, none inside another kept one, in document order."""
    ranked = sorted(scores, key=lambda k: (-scores[k], -spans[k].start))
    if not ranked:
        return []
    floor = _LIMITS["second_share"] * scores[ranked[0]]
    kept: list[_Span] = []
    for key in ranked:
        span = spans[key]
        if scores[key] < floor:
            break
        if span.end > span.start and not any(_overlap(span, other) for other in kept):
            kept.append(span)
    return sorted(kept, key=lambda span: span.start)


def _overlap(a: _Span, b: _Span) -> bool:
    """Whether two spans share a block (one holds the other, for element spans)."""
    return a.start < b.end and b.start < a.end


def _lowest_common(a: Tag, b: Tag) -> Tag:
    """The innermost element holding both `a` and `b`."""
    above = set()
    node: Tag | None = a
    while node is not None:
        above.add(id(node))
        node = node.parent
    node = b
    while node is not None and id(node) not in above:
        node = node.parent
    return node or a


def _opens_article(blocks: list[_Block], start: int, end: int) -> bool:
    """Whether blocks [start, end) hold a title-like heading and a dateline: the head of another article."""
    heading = dateline = False
    for block in blocks[max(start, 0) : end]:
        if block.share(block.links) >= 0.5:
            continue
        if _dateline(block.key):
            dateline = True
        elif _is_heading_block(block) and len(block.key.split()) >= TITLE_WORDS:
            heading = True
    return heading and dateline


def _is_heading_block(block: _Block) -> bool:
    """A heading by markup: an `<h1>`-`<h6>` or an element with a title class."""
    return block.element.name in _HEADING_TAGS or "title" in block.roles


def _articles(blocks: list[_Block], spans: list[_Span], reader: _Reader) -> list[_Span]:
    """Group candidate containers into articles: a title and a dateline between two start a new one."""
    groups: list[list[_Span]] = []
    for span in spans:
        mass = sum(block.mass for block in blocks[span.start : span.end] if not block.furniture)
        if groups and not _opens_article(blocks, groups[-1][-1].end, span.start + _LIMITS["head_inside"]):
            groups[-1].append(span)
        elif mass >= _LIMITS["article_chars"] or not groups:
            groups.append([span])
    articles = []
    for group in groups:
        element = group[0].element
        for span in group[1:]:
            element = _lowest_common(element, span.element)
        articles.append(reader.spans[id(element)])
    return articles


# --- the head: title, dateline, lead --------------------------------------------------------


def _words_of(text: str) -> set[str]:
    """The folded words of a text, for comparing titles."""
    return set(_WORD.findall(fold(text)))


def _similar(text: str, hint: str) -> bool:
    """Whether a heading and the page's declared title share nearly all the words of the shorter."""
    a, b = _words_of(text), _words_of(hint)
    return bool(a and b) and len(a & b) >= _LIMITS["title_match"] * min(len(a), len(b))


def _title_like(block: _Block) -> bool:
    """Could be a headline: not a link, a few to some dozen words, not closing on a full stop."""
    words = len(block.key.split())
    return (
        not block.furniture
        and block.share(block.links) < 0.5
        and _LIMITS["title_min_words"] <= words <= _LIMITS["title_max_words"]
        and not block.key.rstrip(_CLOSERS).endswith(".")
        and not _dateline(block.key)
    )


def _first_paragraph(blocks: list[_Block], article: _Span) -> int:
    """Index of the article's first paragraph block (its end when it has none)."""
    return next((i for i in range(article.start, article.end) if blocks[i].mass and not blocks[i].furniture), article.end)


def _find_title(blocks: list[_Block], article: _Span, hint: str | None) -> int | None:
    """The headline block: the nearest before the article text matching the declared title, else the nearest heading."""
    first = _first_paragraph(blocks, article)
    nearest = None
    for i in range(first - 1, max(article.start - _LIMITS["head_blocks"], 0) - 1, -1):
        block = blocks[i]
        if not _title_like(block):
            continue
        if hint and _similar(block.text, hint):
            return i
        if nearest is None and (_is_heading_block(block) or "title" in block.roles):
            nearest = i
    return nearest


def _find_dateline(blocks: list[_Block], title: int | None, first: int, start: int) -> int | None:
    """The visible date: after the title and before the text, else just before the title."""
    after = title + 1 if title is not None else max(start - _LIMITS["head_blocks"], 0)
    ranges = [range(after, first)]
    if title is not None:
        ranges.append(range(title - 1, max(title - 1 - _LIMITS["dateline_before_title"], -1), -1))
    for indices in ranges:
        for i in indices:
            if not blocks[i].furniture and _dateline(blocks[i].key):
                return i
    return None


def _find_lead(blocks: list[_Block], title: int | None, article: _Span, used: set[int]) -> int | None:
    """The sapo: a lead-marked block between the title and the text, else a bold first paragraph."""
    first = _first_paragraph(blocks, article)
    after = title + 1 if title is not None else max(article.start - _LIMITS["head_blocks"], 0)
    for i in range(after, min(first + _LIMITS["head_inside"], article.end)):
        block = blocks[i]
        if i in used or block.furniture or "lead" not in block.roles or block.share(block.links) >= 0.5:
            continue
        if len(block.key.split()) >= _LIMITS["lead_min_words"] and block.chars <= _LIMITS["lead_max_chars"]:
            return i
    if first < article.end and first not in used:
        block = blocks[first]
        if (
            block.share(block.bold) >= _LIMITS["styled_share"]
            and _ends_sentence(block.key)
            and block.chars <= _LIMITS["lead_max_chars"]
        ):
            return first
    return None


# --- labels by markup --------------------------------------------------------------------------


def _alignment(element: Tag) -> str:
    """`right` or `center` when the element or its parent aligns its text so, else ''."""
    node: Tag | None = element
    for _ in range(2):
        if node is None or not isinstance(node, Tag):
            break
        if node.name == "center":
            return "center"
        match = _ALIGN.search(node.get("style") or "")
        if match:
            return match.group(1).lower()
        if (node.get("align") or "").lower() in ("right", "center"):
            return node["align"].lower()
        node = node.parent
    return ""


def _markup_label(block: _Block) -> str | None:
    """The label markup gives a block of the article container: caption, byline, source or none."""
    short = block.chars <= _LIMITS["caption_max_chars"]
    if "caption" in block.roles and short:
        return "caption"
    if "source" in block.roles and block.chars <= _LIMITS["byline_max_chars"]:
        return "source"
    if "byline" in block.roles and block.chars <= _LIMITS["byline_max_chars"]:
        return "byline"
    align = _alignment(block.element)
    if block.after_image and short and (
        block.share(block.italic) >= _LIMITS["styled_share"] or align == "center" or block.element.name in ("td", "figcaption")
    ):
        return "caption"
    if align == "right" and block.chars <= _LIMITS["byline_max_chars"] and len(block.key.split()) <= _LIMITS["byline_max_words"]:
        return "source" if _SOURCE.fullmatch(block.key) else "byline"
    if _CREDIT.search(block.key) and _sentences(block.key) <= 3 and short:
        return "caption"
    return None


def _is_teaser(block: _Block) -> bool:
    """A block that is all link text: a teaser for another article or a menu item."""
    return block.share(block.links) >= _LIMITS["link_share"]


def _listing(blocks: list[_Block]) -> int:
    """How many link-only teaser headings the blocks hold when they are a listing of teasers, else 0."""
    teasers = sum(1 for b in blocks if _is_teaser(b) and len(b.key.split()) >= _LIMITS["teaser_words"] and not b.furniture)
    paragraphs = [b for b in blocks if b.mass and not b.furniture and not _is_teaser(b)]
    longest = max((b.chars for b in paragraphs), default=0)
    if (
        teasers >= _LIMITS["listing_teasers"]
        and teasers >= _LIMITS["listing_share"] * len(paragraphs)
        and longest <= _LIMITS["listing_paragraph_chars"]
    ):
        return teasers
    return 0


def _article_lines(blocks: list[_Block], article: _Span, used: set[int], notes: list[str]) -> list[_Line]:
    """The article container's blocks as lines, labelled by markup; furniture and link-only teasers left out."""
    lines: list[_Line] = []
    teasers = 0
    for i in range(article.start, article.end):
        block = blocks[i]
        if i in used or block.furniture:
            continue
        if _is_teaser(block):
            teasers += 1
            continue
        line = _Line(block.text, block.key, id(block.element), _is_paragraph(block.key), _markup_label(block))
        lines.append(line)
    if teasers:
        notes.append(f"dropped {_plural(teasers, 'link-only paragraph')}")
    return lines


def _trailing_lines(blocks: list[_Block], article: _Span) -> list[_Line]:
    """Byline and source lines standing just after the article container."""
    lines = []
    for block in blocks[article.end : article.end + _LIMITS["trailing_blocks"]]:
        if block.furniture or _is_teaser(block):
            break
        label = _markup_label(block) if {"byline", "source"} & block.roles else _signature(block.key)
        if label not in ("byline", "source"):
            break
        lines.append(_Line(block.text, block.key, id(block.element), False, label))
    return lines


# --- metadata ------------------------------------------------------------------------------------


def _ld_values(meta: _Metadata, name: str) -> list[Any]:
    """The values of `name` across the page's JSON-LD objects, in order."""
    return [item[name] for item in meta.json_ld if item.get(name)]


def _hint_title(meta: _Metadata) -> str | None:
    """The title the page declares: og:title, JSON-LD headline, else `<title>` without the site name."""
    for value in (meta.metas.get("og:title"), *_ld_values(meta, "headline")):
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    if meta.title and meta.title.strip():
        return _TITLE_SUFFIX.sub("", " ".join(meta.title.split())) or None
    return None


def _iso_of(text: Any) -> str | None:
    """The ISO time a date string gives (matched by the dateline patterns), or None."""
    match = _dateline(_key(text)) if isinstance(text, str) else None
    return _iso(match) if match else None


def _published(meta: _Metadata, dateline: str | None) -> str | None:
    """The publication time: meta tags, JSON-LD, `<time datetime>`, then the visible dateline."""
    candidates = [meta.metas.get(name.lower()) for name in _HTML_DATA["published"]]
    candidates += _ld_values(meta, "datePublished") + [meta.time, dateline]
    return next((iso for iso in map(_iso_of, candidates) if iso), None)


def _url(meta: _Metadata, url: str | None) -> str | None:
    """The page's canonical URL: `<link rel=canonical>`, og:url, JSON-LD url, else where it was fetched."""
    for value in (meta.canonical, meta.metas.get("og:url"), *_ld_values(meta, "url"), url):
        if isinstance(value, str) and value.strip().startswith(("http://", "https://")):
            return value.strip()
    return url


def _language(meta: _Metadata, text: str) -> str | None:
    """The page language as a primary subtag (`vi`): declared, else `vi` when the text reads as Vietnamese."""
    declared = [meta.language, *(meta.metas.get(name) for name in _HTML_DATA["language"]), *_ld_values(meta, "inLanguage")]
    for value in declared:
        if isinstance(value, str) and value.strip():
            return re.split(r"[-_]", value.strip().lower())[0]
    return "vi" if looks_vietnamese(text) else None


def _meta_author(meta: _Metadata) -> str | None:
    """The author a meta tag or JSON-LD names."""
    for name in _HTML_DATA["author"]:
        value = meta.metas.get(name)
        if value and value.strip() and not value.startswith("http"):
            return " ".join(value.split())
    for author in _ld_values(meta, "author"):
        for item in _as_list(author):
            name = item.get("name") if isinstance(item, dict) else item
            if isinstance(name, str) and name.strip():
                return " ".join(name.split())
    return None


def _profile_for(profiles: Iterable[Profile], url: str | None) -> Profile | None:
    """The profile serving the page's host, if any."""
    host = (urlsplit(url).hostname or "") if url else ""
    return next((profile for profile in profiles if host and profile.serves(host)), None)


def _roles_for(profile: Profile | None) -> _SelectorIndex:
    """The selector index of the generic cleaner, with a profile's selectors added."""
    extra = [(role, _selector(text, profile.name)) for role, found in profile.selectors.items() for text in found] if profile else []
    return _index([*extra, *_GENERIC_SELECTORS])


# --- the page -----------------------------------------------------------------------------------


def _declared_url(html: str) -> str | None:
    """The canonical URL or og:url a page declares near its top: enough to pick a site profile before parsing."""
    tag = _DECLARED_URL.search(html, 0, _LIMITS["head_chars"])
    match = _URL_ATTR.search(tag.group()) if tag else None
    return match.group(1) if match else None


def _parse(html: str, profile: Profile | None, notes: list[str]) -> _Reader:
    """Parse the page and read it with the generic roles and the profile's selectors."""
    soup = BeautifulSoup(_bounded(html, notes), "lxml", multi_valued_attributes=None)
    reader = _Reader(_roles_for(profile))
    reader.read(soup)
    if profile is not None:
        notes.append(f"site profile {profile.name}")
    return reader


def _profile_body(reader: _Reader, profile: Profile | None) -> _Span | None:
    """The article container a profile names, when it holds text."""
    if profile is None or "body" not in profile.selectors:
        return None
    for selector in (_selector(text, profile.name) for text in profile.selectors["body"]):
        for span in reader.spans.values():
            if span.end > span.start and selector.matches(span.element):
                return span
    return None


def _main_article(reader: _Reader, hint: str | None, profile: Profile | None, notes: list[str]) -> _Span | None:
    """The article container: the profile's, else the best scoring; of several articles, the one titled as the page."""
    blocks = reader.blocks
    named = _profile_body(reader, profile)
    if named is not None:
        return named
    articles = _articles(blocks, _candidates(_scores(blocks, reader.spans), reader.spans), reader)
    if len(articles) <= 1:
        return articles[0] if articles else None
    titled = [a for a in articles if hint and (t := _find_title(blocks, a, None)) is not None and _similar(blocks[t].text, hint)]
    main = (titled or articles)[0]
    notes.append(f"page holds {len(articles)} articles; kept the main one, dropped {_plural(len(articles) - 1, 'other')}")
    return main


def _head_lines(blocks: list[_Block], article: _Span, hint: str | None, used: set[int]) -> tuple[list[_Line], int | None]:
    """The title, dateline and lead lines found around the top of the article, and the dateline's index."""
    title = _find_title(blocks, article, hint)
    first = _first_paragraph(blocks, article)
    dateline = _find_dateline(blocks, title, first, article.start)
    used.update(i for i in (title, dateline) if i is not None)
    lead = _find_lead(blocks, title, article, used)
    used.update(i for i in (lead,) if i is not None)
    picked = [("title", title), ("dateline", dateline), ("lead", lead)]
    return [_Line(blocks[i].text, blocks[i].key, -1, False, label) for label, i in picked if i is not None], dateline


def _text_labels(head: list[_Line], lines: list[_Line], hint: str | None, notes: list[str]) -> tuple[str | None, str | None]:
    """Label by the page-text rules what markup left unlabelled; return the title and a dateline's time.

    Without a marked-up title, datelines come first (as in `clean_text`), so that the title
    rule does not take a dateline under the title for a tag.
    """
    title = next((line.text for line in head if line.label == "title"), None)
    published = None if any(line.label == "dateline" for line in head) else _label_datelines(lines)
    if title is None:
        title, lines[:] = _label_head(lines, notes) if any(line.paragraph for line in lines) else (None, lines)
        title = title or hint
        if title and not any(line.label == "title" for line in lines):
            head.insert(0, _Line(title, _key(title), -1, False, "title"))
    _label_tail(lines)
    if not any(line.label == "lead" for line in head):
        _label_lead(lines)
    return title, published


def _html_page(reader: _Reader, profile: Profile | None, source: str, url: str | None, notes: list[str]) -> Page:
    """Pick the article, label its parts and gather the metadata."""
    meta, blocks = reader.meta, reader.blocks
    _measure(blocks, reader.spans)
    hint = _hint_title(meta)
    article = _main_article(reader, hint, profile, notes)
    if article is None:
        raise EmptyPageError(f"{source}: no article text")
    teasers = _listing(blocks[article.start : article.end])
    if teasers:
        raise EmptyPageError(f"{source}: a listing of {teasers} teasers, no article text")
    if not any(block.element.name == "p" for block in blocks[article.start : article.end]):
        notes.append("no <p> paragraphs; read the text lines of the article's container")
    used: set[int] = set()
    head, dateline = _head_lines(blocks, article, hint, used)
    lines = _trim(_article_lines(blocks, article, used, notes) + _trailing_lines(blocks, article), notes)
    title, dated = _text_labels(head, lines, hint, notes)
    published = _published(meta, blocks[dateline].text if dateline is not None else None) or dated
    page = _page(title, published, head + lines, notes, source)
    bylines = [block.text for block in page.blocks if block.label == "byline"]
    sources = [block.text for block in page.blocks if block.label == "source"]
    page.url = _url(meta, url)
    page.language = _language(meta, " ".join(block.text for block in page.blocks))
    page.author = bylines[-1] if bylines else _meta_author(meta)
    page.source_line = sources[-1] if sources else None
    return page


def clean_html(html: str, source: str = "", url: str | None = None, profiles: Iterable[Profile] | None = None) -> Page:
    """Clean an HTML page: title, dateline, lead, body, captions, byline and source of its main article.

    html (str): the decoded page.
    source (str): the file or URL it came from, named in errors.
    url (str | None): where the page was fetched, when known; picks the site profile with the page's own canonical URL.
    profiles (Iterable[Profile] | None): site profiles to choose from (default: those in profiles/).
    RETURNS (Page): title, ISO publication time, labelled blocks in reading order, notes, and metadata.
    """
    notes: list[str] = []
    if html.strip() and "</html" not in html[-_LIMITS["tail_chars"] :].lower():
        notes.append("page ends before </html>: cut off?")
    profile = _profile_for(_PROFILES if profiles is None else profiles, url or _declared_url(html))
    return _html_page(_parse(html, profile, notes), profile, source, url, notes)


_PROFILES = load_profiles()

