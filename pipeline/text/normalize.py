"""Text normalisation with an offset map, so spans found in the output point back into the input.

Normalising folds the ways one Vietnamese text is typed differently: Unicode NFC,
the look-alike `Ð`/`ð` (U+00D0/U+00F0) for `Đ`/`đ`, old-style tone placement
(`hoà`, `thuỷ`, `Uỷ`) to the new (`hòa`, `thủy`, `Ủy`), invisible characters
dropped and white-space runs folded.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Normalized", "normalize", "fold"]

_COMBINING = "\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff"
_CLUSTER = re.compile(rf".[{_COMBINING}]+", re.DOTALL)

_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111", "\u0189": "\u0110"})
_LOOKALIKE_CHARS = re.compile("[\u00d0\u00f0\u0189]")

# Old style marks the second vowel of an open `oa`, `oe`, `uy` syllable (`hoà`, `thuỷ`);
# the new style marks the first (`hòa`, `thủy`). `qu` is an onset, so `quý` is left alone.
_MARKED_AE = "àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ"
_MARKED_Y = "ỳýỷỹỵỲÝỶỸỴ"
_OLD_TONE = re.compile(
    rf"\b([^\W\d_]*?)([oO](?=[{_MARKED_AE}])|(?<![qQ])[uU](?=[{_MARKED_Y}]))"
    rf"([{_MARKED_AE}{_MARKED_Y}])(?![^\W\d_])"
)

# A marked a/e/y ending a word: only then can a syllable be in the old style.
_MARKED_TAIL = re.compile(rf"[oOuU][{_MARKED_AE}{_MARKED_Y}](?![^\W\d_])")

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_SPACES = " \t\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# Only the white space that changes: a run of two or more, or any character but a plain space.
_WHITESPACE = re.compile(rf"[{_SPACES}\n{INVISIBLE}]{{2,}}|[{_SPACES.replace(' ', '')}\n{INVISIBLE}]")


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text and, for each of its characters, the index it came from in the input.

    `offsets` has one entry more than `text`: the end of the input.
    """

    text: str
    offsets: list[int]

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text back to the input text."""
        if start == end:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


def _retone(match: re.Match) -> str:
    """Move the tone mark of an old-style syllable from the second vowel to the first."""
    onset, first, second = match.group(1), match.group(2), match.group(3)
    decomposed = unicodedata.normalize("NFD", second)
    base, tone = decomposed[0], decomposed[1:]
    return onset + unicodedata.normalize("NFC", first + tone) + base


def _compose(text: str) -> tuple[str, list[int] | None]:
    """NFC, with each output character mapped to the start of the cluster it came from (None: unchanged)."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for match in _CLUSTER.finditer(text):
        out.append(text[pos : match.start()])
        offsets.extend(range(pos, match.start()))
        composed = unicodedata.normalize("NFC", match.group())
        out.append(composed)
        offsets.extend([match.start()] * len(composed))
        pos = match.end()
    out.append(text[pos:])
    offsets.extend(range(pos, len(text) + 1))
    return "".join(out), offsets


def _fold_space(run: str) -> str:
    """The one character a run of white space becomes: a paragraph break, a line break or a space."""
    newlines = run.count("\n")
    if newlines >= 2:
        return "\n\n"
    if newlines == 1:
        return "\n"
    return " " if run.strip(INVISIBLE) else ""


def normalize(text: str) -> Normalized:
    """Normalise `text` as FACTS.md compares it, keeping an offset map into the input.

    text (str): the text as read or cleaned.
    RETURNS (Normalized): the normalised text, stripped, with its offset map.
    """
    composed, nfc_offsets = _compose(text)
    if _LOOKALIKE_CHARS.search(composed):
        composed = composed.translate(_LOOKALIKES)
    if _MARKED_TAIL.search(composed):
        composed = _OLD_TONE.sub(_retone, composed)  # length-preserving
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for match in _WHITESPACE.finditer(composed):
        out.append(composed[pos : match.start()])
        offsets.extend(range(pos, match.start()))
        folded = _fold_space(match.group())
        out.append(folded)
        offsets.extend([match.start()] * len(folded))
        pos = match.end()
    out.append(composed[pos:])
    offsets.extend(range(pos, len(composed) + 1))
    folded_text = "".join(out)
    lead = len(folded_text) - len(folded_text.lstrip())
    stripped = folded_text.strip()
    kept = offsets[lead : lead + len(stripped)] + [offsets[lead + len(stripped)]]
    return Normalized(stripped, kept if nfc_offsets is None else [nfc_offsets[i] for i in kept])


def fold(text: str) -> str:
    """The comparison key of a text: normalised, lower case, one space between words."""
    return " ".join(normalize(text).text.lower().split())
