"""Reading a parsed HTML page in one pass into text blocks, element spans and metadata.

A block is the text between two block-level boundaries or `<br>`s, with what its markup says:
the share of its text in links, bold or italics, whether an image stands right before it, and
the roles its element and near ancestors carry by selector or class word (title, lead, caption,
byline, dateline, source, furniture). The thresholds are named settings, `HTML_*` in pipeline/settings.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag

from .. import settings
from ..text.normalize import INVISIBLE
from .lines import line_key
from .metadata import Metadata, note_element
from .selectors import SelectorIndex, class_names, name_roles

_BLOCK_TAGS = frozenset(
    "p div td th li dd dt dl h1 h2 h3 h4 h5 h6 blockquote figcaption figure section article header footer main "
    "aside nav ul ol table tr tbody thead tfoot caption pre address center form fieldset details summary body "
    "html hr menu".split()
)
CONTAINER_TAGS = frozenset("div td section article main center blockquote body form".split())
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_SILENT_TAGS = frozenset("head script style template noscript textarea select option svg math iframe object".split())
_BOLD_TAGS = frozenset(("b", "strong"))
_ITALIC_TAGS = frozenset(("i", "em"))
_STYLE_TAGS = _BOLD_TAGS | _ITALIC_TAGS | _SILENT_TAGS | {"a"}  # inline elements that change what their text is
_NOTED_TAGS = frozenset(("meta", "link", "html", "title", "time", "script"))
_BOUNDARY_ROLES = frozenset(("dateline", "byline", "drop"))  # an inline element with one is a block of its own
_NO_ROLES: frozenset[str] = frozenset()


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
class TextBlock:
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
        """The block's text as patterns match it (see `line_key`), computed on first use."""
        if self.normalized is None:
            self.normalized = line_key(self.text)
        return self.normalized

    def share(self, part: int) -> float:
        """The share of the block's characters that `part` counts."""
        return part / self.chars if self.chars else 0.0


@dataclass(slots=True)
class Span:
    """The blocks an element holds: [start, end) in document order."""

    element: Tag
    start: int
    end: int = -1


class Reader:
    """One pass over a parsed page: blocks in document order, element spans, metadata."""

    def __init__(self, index: SelectorIndex) -> None:
        self.index = index
        self.blocks: list[TextBlock] = []
        self.spans: dict[int, Span] = {}
        self.meta = Metadata()
        self._contexts: dict[int, _Context] = {}
        self._open: list[tuple[int, Tag]] = []
        self._pieces: list[tuple[str, _Context]] = []
        self._current: Tag | None = None
        self._image = False

    def roles(self, element: Tag) -> frozenset[str]:
        """The roles of an element by selector and class word."""
        if not element.attrs and "<" + element.name not in self.index.by_key and "*" not in self.index.by_key:
            return _NO_ROLES
        names = class_names(element)
        roles = self.index.roles(element, names)
        for name in names:
            roles |= name_roles(name)
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
            note_element(self.meta, tag)
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
            self.spans[id(tag)] = Span(tag, len(self.blocks))

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
        text = " ".join("".join(piece for piece, _ in pieces).split()).strip(INVISIBLE)
        if not text or element is None:
            return
        counts = [0, 0, 0]
        for piece, context in pieces:
            size = len(piece.strip())
            counts[0] += size if context.link else 0
            counts[1] += size if context.bold else 0
            counts[2] += size if context.italic else 0
        own = self._contexts[id(element)]
        floor = own.depth - settings.HTML_ROLE_DEPTH
        roles = frozenset(role for _, context in pieces for role, at in context.marks if at >= floor)
        chars = sum(len(piece.strip()) for piece, _ in pieces) or 1
        self.blocks.append(TextBlock(text, element, len(self.blocks), chars, *counts, roles, own.drops, self._image))
        self._image = False
