"""Sentence and word segmentation into a spaCy Doc whose tokens keep their offsets into the text.

underthesea splits sentences (cheap) and words (a CRF tagger, dearer than all extraction proper).
The Doc's tokens are syllables and punctuation; underthesea's words of a sentence are computed
only when an extractor asks for them (`doc.user_data[WORDS]`, a function of a character span),
and kept. underthesea breaks document codes, numbers and dates (`04-NQ/TU` → `04 - NQ / TU`) and
some names (`Đảng | ủy Khối`), so the spans those patterns cover are kept whole in both: tokens
are cut at their edges and merged inside them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from extractors.codes import CODE
from extractors.context import WORDS
from extractors.dates import DATE
from extractors.lexicon import alternation, entries
from extractors.numbers import NUMBER

__all__ = ["segment", "warm_up", "protected_spans", "make_nlp", "VnfactsTokenizer", "WORDS"]


# A syllable (letters and digits, with inner `.`, `/` or `'` as in `đ/c`, `H'Liên`) or one other character.
_SYLLABLE = re.compile(r"[^\W_]+(?:[./'][^\W_]+)*|\S")

# Lexicons whose entries stay one token: titles, document types and organisation heads.
PROTECTED_LEXICONS = ("titles", "doc_types", "organizations")

# A sentence end that underthesea misses because the next sentence follows without a space
# (`đảng viên mới.Phương thức`): a lowercase word, a full stop, then a capitalised word.
_GLUED_SENTENCE = re.compile(r"(?<=[^\W\d_A-ZĐ]{2}[.!?])(?=[A-ZĐÀ-Ỹ][^\W\d_])")


def _import_underthesea():
    """underthesea, imported lazily with an install hint."""
    try:
        import underthesea
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("vnfacts segments Vietnamese with underthesea: install it with `pip install underthesea`") from exc
    return underthesea


@lru_cache(maxsize=1)
def _protect_pattern() -> re.Pattern:
    """One regex for every span that must stay one token."""
    words = [w for name in PROTECTED_LEXICONS for w in entries(name)]
    parts = [
        rf"(?:{DATE})",
        rf"(?:{CODE})",
        rf"(?<![\w.,])(?:{NUMBER})\s?%?(?![\w%]|[.,]\d)",
    ]
    if words:
        parts.append(rf"(?<!\w)(?:{alternation(words)})(?!\w)")
    return re.compile("|".join(parts), re.IGNORECASE)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of `text` that segmentation must keep whole, non-overlapping."""
    return [m.span() for m in _protect_pattern().finditer(text)]


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans: never across a line break, split by underthesea, then at glued full stops."""
    sent_tokenize = _import_underthesea().sent_tokenize
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        pos = line.start()
        for sentence in sent_tokenize(line.group()):
            sentence = sentence.strip()
            if not sentence:
                continue
            start = text.find(sentence, pos, line.end())
            if start < 0:  # underthesea rewrote it: keep what is left of the line as one sentence
                start = pos
                sentence = text[pos : line.end()].strip()
                if not sentence:
                    break
            end = start + len(sentence)
            cuts = [start] + [start + m.start() for m in _GLUED_SENTENCE.finditer(sentence)] + [end]
            spans.extend((a, b) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip())
            pos = end
        if pos < line.end() and text[pos : line.end()].strip():
            spans.append((pos, line.end()))
    return spans


def _align(words: Iterable[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Character spans in text[start:end] of underthesea's words, white space compared loosely."""
    spans = []
    pos = start
    for word in words:
        while pos < end and text[pos].isspace():
            pos += 1
        if text.startswith(word, pos):  # the common case: the word as it stands in the text
            spans.append((pos, pos + len(word)))
            pos += len(word)
            continue
        chars = word.replace(" ", "")
        if not chars:
            continue
        i, j = pos, 0
        while i < end and j < len(chars):
            if text[i].isspace():
                i += 1
            elif text[i] == chars[j]:
                i += 1
                j += 1
            else:
                break
        if j < len(chars):  # underthesea changed a character: find the word's first character again
            found = text.find(chars[0], pos, end)
            if found < 0:
                continue
            i = min(end, found + len(word))
            pos = found
        spans.append((pos, i))
        pos = i
    return spans


def _cut(text: str, spans: list[tuple[int, int]], bounds: list[tuple[int, int]], edges: list[int]) -> list[tuple[int, int]]:
    """Token spans cut at every protected edge, with the pieces inside one protected span merged."""
    pieces = []
    for a, b in spans:
        lo, hi = bisect_right(edges, a), bisect_left(edges, b)
        if lo == hi:  # no protected edge inside: the token stands as it is
            pieces.append((a, b))
            continue
        points = [a, *edges[lo:hi], b]
        for x, y in zip(points, points[1:]):
            while x < y and text[x].isspace():
                x += 1
            while y > x and text[y - 1].isspace():
                y -= 1
            if x < y:
                pieces.append((x, y))
    merged: list[tuple[int, int]] = []
    bi = 0
    for a, b in pieces:
        while bi < len(bounds) and bounds[bi][1] <= a:
            bi += 1
        inside = bi < len(bounds) and bounds[bi][0] <= a and b <= bounds[bi][1]
        if inside and merged and merged[-1][0] >= bounds[bi][0]:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def segment(text: str, vocab: Vocab | None = None) -> Doc:
    """Segment `text` into a Doc with sentences and syllable tokens; `doc.text == text` always.

    text (str): normalised, cleaned article text.
    vocab (Vocab): the vocabulary to build the Doc on; a shared blank Vietnamese one by default.
    RETURNS (Doc): tokens with character offsets into `text`, sentence starts set, and under
    `doc.user_data[WORDS]` a function giving underthesea's words of a span, computed on first call.
    """
    vocab = vocab or make_nlp().vocab
    bounds = protected_spans(text)
    edges = sorted({e for bound in bounds for e in bound})
    token_spans: list[tuple[int, int]] = []
    starts: set[int] = set()
    for s_start, s_end in _sentence_spans(text):
        syllables = [m.span() for m in _SYLLABLE.finditer(text, s_start, s_end)]
        spans = _cut(text, syllables, bounds, edges)
        if spans:
            starts.add(spans[0][0])
        token_spans.extend(spans)
    doc = _doc_from_spans(vocab, text, token_spans, starts)
    doc.user_data[WORDS] = _word_segmenter(text, bounds, edges)
    return doc


def warm_up() -> None:
    """Load underthesea's sentence and word models now: their lazy loading is not thread-safe, so threads must not race to it."""
    text = "Đồng chí Nguyễn Văn An phát biểu."
    segment(text).user_data[WORDS](0, len(text))


def _word_segmenter(text: str, bounds: list[tuple[int, int]], edges: list[int]) -> Callable[[int, int], list[tuple[int, int]]]:
    """A function from a span of `text` to underthesea's word spans in it, each span segmented once."""
    cache: dict[tuple[int, int], list[tuple[int, int]]] = {}

    def words(start: int, end: int) -> list[tuple[int, int]]:
        if (start, end) not in cache:
            found = _import_underthesea().word_tokenize(text[start:end], use_token_normalize=False)
            cache[start, end] = _cut(text, _align(found, text, start, end), bounds, edges)
        return cache[start, end]

    return words


def _doc_from_spans(vocab: Vocab, text: str, spans: list[tuple[int, int]], starts: set[int]) -> Doc:
    """A Doc whose words are `spans` of `text`, with the white space between them kept exactly."""
    words: list[str] = []
    spaces: list[bool] = []
    sent_starts: list[bool] = []
    pos = 0
    for a, b in spans:
        gap = text[pos:a]
        if gap == " " and words:
            spaces[-1] = True
        elif gap:
            words.append(gap)
            spaces.append(False)
            sent_starts.append(not sent_starts)
        words.append(text[a:b])
        spaces.append(False)
        sent_starts.append(a in starts or not sent_starts)
        pos = b
    if pos < len(text):
        words.append(text[pos:])
        spaces.append(False)
        sent_starts.append(not sent_starts)
    return Doc(vocab, words=words, spaces=spaces, sent_starts=sent_starts)


class VnfactsTokenizer:
    """A spaCy tokenizer: underthesea's sentences, syllable tokens, protected spans whole, words on demand."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return segment(text, self.vocab)


@spacy.registry.tokenizers("vnfacts.Tokenizer.v1")
def create_tokenizer():
    """The registered factory of VnfactsTokenizer, for spaCy configs."""

    def make(nlp: Language) -> VnfactsTokenizer:
        return VnfactsTokenizer(nlp.vocab)

    return make


@lru_cache(maxsize=1)
def make_nlp() -> Language:
    """A blank Vietnamese pipeline with the vnfacts tokenizer: no model is downloaded."""
    return spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "vnfacts.Tokenizer.v1"}}})
