"""From one input file to one JSON record: read → clean → normalise → segment → extract.

Each stage is a plain function; this module only chains them and turns a bad input
into a record with an `error` field, so a batch goes on past it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from extractors import extract_facts

from . import settings
from .clean import Block, Page, clean_html, clean_text
from .errors import VnfactsError
from .text.normalize import normalize
from .text.read import read_document
from .text.segment import segment

__all__ = ["INPUT_SUFFIXES", "assemble", "extract_page", "process_file", "input_files"]

log = logging.getLogger(__name__)

INPUT_SUFFIXES = (".html", ".htm", ".txt")
BLOCK_SEPARATOR = "\n\n"


def assemble(blocks: Iterable[Block]) -> tuple[str, list[dict[str, Any]]]:
    """Normalise each kept block and join them: the record's text and its labelled segments."""
    parts: list[str] = []
    segments: list[dict[str, Any]] = []
    pos = 0
    for block in blocks:
        text = normalize(block.text).text
        if not text:
            continue
        if parts:
            pos += len(BLOCK_SEPARATOR)
        segments.append({"label": block.label, "start": pos, "end": pos + len(text)})
        parts.append(text)
        pos += len(text)
    return BLOCK_SEPARATOR.join(parts), segments


def _normalized(value: str | None) -> str | None:
    """A metadata string normalised like the text, or None."""
    return normalize(value).text if value else None


def extract_page(page: Page, article_id: str, source: str) -> dict[str, Any]:
    """The record of one cleaned page: its normalised text, segments and facts."""
    text, segments = assemble(page.blocks)
    notes = list(page.notes)
    if len(text) > settings.TEXT_MAX_CHARS:
        notes.append(f"text cut at {settings.TEXT_MAX_CHARS} of {len(text)} characters (TEXT_MAX_CHARS)")
        text = text[: settings.TEXT_MAX_CHARS]
        segments = [{**s, "end": min(s["end"], len(text))} for s in segments if s["start"] < len(text)]
    doc = segment(text)
    doc.user_data["published"] = page.published
    facts = extract_facts(doc, article_id)
    return {
        "article_id": article_id,
        "source": source,
        "title": _normalized(page.title),
        "published": page.published,
        "url": page.url,
        "language": page.language,
        "author": _normalized(page.author),
        "source_line": _normalized(page.source_line),
        "text": text,
        "segments": segments,
        "notes": notes,
        "facts": [fact.as_dict() for fact in facts],
    }


def process_file(path: Path | str) -> dict[str, Any]:
    """Read, clean and extract one file; a bad file gives a record with an `error` naming the problem."""
    path = Path(path)
    article_id, source = _printable(path.stem), _printable(str(path))
    try:
        raw, kind = read_document(path)
        page = clean_html(raw, source) if kind == "html" else clean_text(raw, source)
        return extract_page(page, article_id, source)
    except VnfactsError as exc:
        log.warning("discarding: %s", exc)
        return {"article_id": article_id, "source": source, "error": str(exc), "facts": []}


def _printable(name: str) -> str:
    """A file name as text that can be written out: bytes that are not UTF-8 shown as \\xNN escapes."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def input_files(paths: Iterable[Path | str]) -> list[Path]:
    """The files to extract: each file given, and every .html/.htm/.txt below each directory given."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in INPUT_SUFFIXES and (p.is_file() or p.is_symlink())))
        else:
            files.append(path)
    return files
