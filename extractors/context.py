"""What the count and percentage extractors both read around a number: clause edges, the period
written before it, and lexicons of cue words sorted by the role they play.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache, lru_cache

from spacy.tokens import Doc

from .dates import find_periods
from .lexicon import alternation, table

__all__ = ["WORDS", "doc_text", "word_spans", "sentence_texts", "sentences", "clause_start", "clause_end", "open_parenthesis", "period_before", "roles", "word_pattern"]

_TEXT, _SENTENCES = "vnfacts.text", "vnfacts.sentences"
# The key of doc.user_data under which segmentation leaves a function from a character span to the spans of
# its words (underthesea's, computed on first call): extractors ask for words only where they help.
WORDS = "vnfacts.words"

# A clause ends at a semicolon, colon, comma or full stop that is not inside a number (`4.217`, `91,5`).
_CLAUSE_BREAK = re.compile(r"[;:!?…\n]|,(?!\d)|\.(?!\d)")


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once: spaCy joins the tokens anew on every `doc.text`."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def sentence_texts(doc: Doc) -> list[tuple[int, str]]:
    """(offset, text) of every sentence, built once per Doc: spaCy walks all tokens on every `doc.sents`."""
    found = doc.user_data.get(_SENTENCES)
    if found is None:
        text = doc_text(doc)
        found = doc.user_data[_SENTENCES] = [(s.start_char, text[s.start_char : s.end_char]) for s in doc.sents]
    return found


def word_spans(doc: Doc, start: int, end: int) -> list[tuple[int, int]] | None:
    """The spans of the words in doc text[start:end], or None if the Doc was made without a word segmenter."""
    words = doc.user_data.get(WORDS)
    return words(start, end) if words else None


def sentences(doc: Doc, marker: re.Pattern) -> Iterator[tuple[int, str]]:
    """(offset, text) of each sentence where `marker` is found."""
    for offset, piece in sentence_texts(doc):
        if marker.search(piece):
            yield offset, piece


def clause_start(text: str, pos: int) -> int:
    """Where the clause holding `pos` starts: just after the last break before it."""
    start = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, pos):
        start = match.end()
    return start


def clause_end(text: str, pos: int) -> int:
    """Where the clause holding `pos` ends: at the first break from it on."""
    match = _CLAUSE_BREAK.search(text, pos)
    return match.start() if match else len(text)


def open_parenthesis(text: str, pos: int) -> int | None:
    """Where the parenthesis that `pos` stands in opens, if it does."""
    opened = text.rfind("(", 0, pos)
    return opened if opened > text.rfind(")", 0, pos) else None


@lru_cache(maxsize=256)
def _period_ends(text: str) -> tuple[list[int], list[str]]:
    """The end offsets and ISO forms of the periods of `text`, read once per sentence."""
    periods = find_periods(text)
    return [end for _, end, _ in periods], [iso for _, _, iso in periods]


def period_before(text: str, pos: int) -> str | None:
    """The date or period written last before `pos` in `text`, in ISO form (`2023-09`, `2020/2024-03-31`)."""
    ends, values = _period_ends(text)
    index = bisect_right(ends, pos) - 1
    return values[index] if index >= 0 else None


@cache
def roles(name: str) -> dict[str, tuple[str, ...]]:
    """A two-column lexicon read as role -> words; a word may play several comma-separated roles."""
    out: dict[str, list[str]] = {}
    for word, kinds in table(name).items():
        for kind in kinds.split(","):
            out.setdefault(kind.strip(), []).append(word)
    return {kind: tuple(words) for kind, words in out.items()}


def word_pattern(words: tuple[str, ...] | list[str]) -> str:
    """A regex matching any of `words` as whole words, longest first."""
    return rf"(?<!\w)(?:{alternation(words)})(?!\w)"
