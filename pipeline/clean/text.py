"""Cleaning a page-text dump: its lines, joined where a dump hard-wraps them, labelled and trimmed.

Lines are labelled title, lead, body, caption, byline, dateline or source by the rules of
`lines.py`, which HTML cleaning shares; captions are told here from how a dump prints them
(credits, short blocks of alt text and caption, unpunctuated lines between paragraphs).
"""

from __future__ import annotations

from .. import settings
from ..text.normalize import INVISIBLE
from .lines import (
    ACTION,
    CLOSERS,
    CREDIT,
    FULL_STOP,
    Line,
    Page,
    count_sentences,
    ends_sentence,
    is_paragraph,
    label_datelines,
    label_head,
    label_lead,
    label_tail,
    line_key,
    make_page,
    paragraph_span,
    trim,
)


def _ends_full_stop(key: str) -> bool:
    """Whether a line ends a sentence with `.`, `!`, `?` or `…` (not `:` or `;`)."""
    stripped = key.rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in FULL_STOP


def _line(text: str, block: int) -> Line:
    """A line record for `text`, its key and paragraph flag computed once."""
    key = line_key(text)
    return Line(text, key, block, is_paragraph(key))


def _strip(text: str) -> str:
    """A line without its outer white space and invisible characters."""
    return text.strip().strip(INVISIBLE).strip()


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


def _join_wrapped(lines: list[tuple[str, int]]) -> list[Line]:
    """Line records; in hard-wrapped dumps a line going on in lower case continues a line with no full stop."""
    out: list[Line] = []
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


def _short_block_lines(lines: list[Line]) -> set[int]:
    """Indices of lines in blocks of two or three short lines (photo alt text and caption), the title's aside."""
    by_block: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        by_block.setdefault(line.block, []).append(i)
    picked: set[int] = set()
    for indices in by_block.values():
        if 2 <= len(indices) <= 3 and all(len(lines[i].key) <= settings.CLEAN_CAPTION_CHARS for i in indices) and all(lines[i].label != "title" for i in indices):
            picked.update(indices)
    return picked


def _is_caption(line: Line, between: bool, first_text: bool, short_block: bool, punctuated: bool) -> bool:
    """Whether an unlabelled line describes a photo.

    A caption carries a photo credit or position note (`Ảnh: ...`, `(thứ 4 từ trái sang)`),
    or is printed twice, or shares its block with another short line (alt text and
    caption); between paragraphs, a line of some length that does not end a sentence
    where the paragraphs do, or a one-sentence line saying what people in a photo do
    (`tặng hoa`, `trao Giấy khen`), is a caption too.
    """
    key = line.key
    if len(key) > settings.CLEAN_CAPTION_CHARS + 100:
        return False
    if CREDIT.search(key) and count_sentences(key) <= 3:
        return True
    if len(key) > settings.CLEAN_CAPTION_CHARS:
        return False
    if line.repeated or short_block:
        return True
    if not between:
        return False
    if punctuated and not ends_sentence(key) and len(key.split()) >= settings.CLEAN_CAPTION_WORDS:
        return True
    return not first_text and count_sentences(key) == 1 and bool(ACTION.search(key))


def _punctuated(lines: list[Line]) -> bool:
    """Whether the page's paragraphs mostly end with a full stop, so an unpunctuated line stands out."""
    paragraphs = [line for line in lines if line.paragraph]
    ended = sum(ends_sentence(line.key) for line in paragraphs)
    return ended >= settings.CLEAN_PUNCTUATED_SHARE * len(paragraphs)


def _label_captions(lines: list[Line]) -> None:
    """Label the photo captions among the unlabelled lines (see `_is_caption`)."""
    _, last = paragraph_span(lines)
    first_text = next((i for i, line in enumerate(lines) if line.label is None), None)
    short = _short_block_lines(lines)
    punctuated = _punctuated(lines)
    for i, line in enumerate(lines):
        if line.label is None and _is_caption(line, i < last, i == first_text, i in short, punctuated):
            line.label = "caption"


def clean_text(raw: str, source: str = "") -> Page:
    """Clean a page-text dump: drop furniture and what follows the article, label the kept lines.

    raw (str): the decoded dump, paragraphs one per line, blank lines between blocks.
    source (str): the file or URL it came from, named in errors.
    RETURNS (Page): title, ISO publication time, labelled blocks in reading order, notes.
    """
    notes: list[str] = []
    lines = trim(_join_wrapped(_split_lines(raw)), notes)
    published = label_datelines(lines)
    title, lines = label_head(lines, notes)
    label_tail(lines)
    _label_captions(lines)
    label_lead(lines)
    return make_page(title, published, lines, notes, source)
