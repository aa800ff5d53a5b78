"""What a block of an article's container is, by its markup and its shape: caption or body, byline or
source, a teaser of another story, the heading of a related-story box inside the article.

A caption is a short line that describes its photo (credited, or a single sentence); prose set
in caption markup under a photo — a photo story's text — stays body. May import: pipeline.errors,
pipeline.settings, pipeline.text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bs4 import Tag

from .. import settings
from .blocks import Span, TextBlock
from .lines import CREDIT, RELATED_HEADING, SOURCE, count_sentences, is_paragraph
from .metadata import author_name, is_person

_ALIGN = re.compile(r"text-align\s*:\s*(right|center)", re.IGNORECASE)


def alignment(element: Tag) -> str:
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


def caption_markup(block: TextBlock) -> bool:
    """Whether markup presents the block as a photo's caption: a caption role, or styled text right under an image."""
    return "caption" in block.roles or (
        block.after_image and (block.share(block.italic) >= settings.HTML_STYLED_SHARE or alignment(block.element) == "center" or caption_cell(block))
    )


def caption_cell(block: TextBlock) -> bool:
    """A `<td>` or `<figcaption>` holding this block alone (a cell holding a whole article's text is no caption cell)."""
    return block.element.name in ("td", "figcaption") and " ".join(block.element.get_text().split()) == block.text


def describes_image(block: TextBlock, story: bool) -> bool:
    """A caption is a short line about its photo: credited, or a single sentence; in a photo story, not a paragraph either."""
    if CREDIT.search(block.key):
        return True
    if count_sentences(block.key) >= settings.HTML_PROSE_SENTENCES:
        return False
    return not (story and is_paragraph(block.key))


def photo_story(blocks: Iterable[TextBlock]) -> bool:
    """Whether the article tells its story under its photos: some caption-styled block is running prose."""
    return any(caption_markup(block) and not describes_image(block, False) for block in blocks)


def markup_label(block: TextBlock, story: bool = False) -> str | None:
    """The label markup gives a block of the article container: caption, byline, source or none.

    Caption markup makes a caption only of a line that describes its image (`_describes_image`);
    prose in a caption cell stays body.
    """
    short = block.chars <= settings.HTML_CAPTION_MAX_CHARS
    if caption_markup(block) and short and describes_image(block, story):
        return "caption"
    if "source" in block.roles and block.chars <= settings.HTML_BYLINE_MAX_CHARS and not ("byline" in block.roles and is_person(author_name(block.key))):
        return "source"  # marked both (`p.author` in a source box): a person's name, `Theo Hồ Hương` too, is the byline
    if "byline" in block.roles and block.chars <= settings.HTML_BYLINE_MAX_CHARS:
        return "byline"
    align = alignment(block.element)
    if align == "right" and block.chars <= settings.HTML_BYLINE_MAX_CHARS and len(block.key.split()) <= settings.HTML_BYLINE_MAX_WORDS:
        return "source" if SOURCE.fullmatch(block.key) else "byline"
    if CREDIT.search(block.key) and count_sentences(block.key) <= 3 and short:
        return "caption"
    return None


def is_teaser(block: TextBlock) -> bool:
    """A block that is all link text: a teaser for another article or a menu item, not a byline of author links."""
    return block.share(block.links) >= settings.HTML_LINK_SHARE and not ("byline" in block.roles and block.chars <= settings.HTML_BYLINE_MAX_CHARS)


def inline_boxes(blocks: list[TextBlock], article: Span) -> set[int]:
    """Headings of related-story boxes inside the article (`Xem thêm:` over a list of links) that the article's prose goes on after.

    Such a heading is followed by link-only lines only and then by a paragraph standing beside
    the heading in the same element: the box sits between two paragraphs of the article.
    """
    found = set()
    for i in range(article.start, article.end):
        if not RELATED_HEADING.fullmatch(blocks[i].key):
            continue
        j = i + 1
        while j < article.end and (blocks[j].furniture or is_teaser(blocks[j])):
            j += 1
        after = blocks[j] if j < article.end else None
        if j > i + 1 and after is not None and after.element.parent is blocks[i].element.parent and is_paragraph(after.key):
            found.add(i)
    return found


def teaser_sapos(blocks: list[TextBlock], article: Span, spans: dict[int, Span]) -> set[int]:
    """The sapos of teaser boxes inside the article's container: the text under a headline link, in a
    small element (`div.item`: headline, sapo, maybe a date) that opens with that link."""
    found = set()
    for i in range(article.start + 1, article.end):
        before = blocks[i - 1]
        if not is_teaser(before) or len(before.key.split()) < settings.HTML_TEASER_WORDS or is_teaser(blocks[i]):
            continue
        node: Tag | None = blocks[i].element
        for _ in range(settings.HTML_TEASER_BOX_DEPTH):
            span = spans.get(id(node)) if node is not None else None
            if span is not None and span.start == i - 1 and span.end <= i + settings.HTML_TEASER_BOX_BLOCKS:
                found.add(i)
                break
            node = node.parent if node is not None else None
    return found
