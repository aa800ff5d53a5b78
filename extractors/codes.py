"""Document codes: the number and sign of a party or state document (`12-CT/HU`, `45/2021/NĐ-CP`)."""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["CODE", "CodeParts", "normalize_code", "split_code"]

# Hyphens as typed in news text: ASCII, en dash, em dash, non-breaking hyphen.
_DASH = "[-\u2013\u2014\u2011]"
# One part of a sign: a capitalised abbreviation, possibly with digits (QĐi, CTr, TƯ, QH13, BCĐ35).
_SIGN = r"[A-ZĐƯƠÂĂÊÔ][A-Za-zĐđƯưƠơÂâĂăÊêÔô]*\d*"
# Party form NUMBER-TYPE/ISSUER (12-CT/HU, 03-ĐA/ĐU, 21 - KL/TW); state form
# NUMBER/YEAR/TYPE-ISSUER or NUMBER/TYPE-ISSUER (45/2021/NĐ-CP, 15/NQ-HĐND); a law
# NUMBER/YEAR/ISSUER (58/2014/QH13); never part of a longer word or number.
# No capture groups: segment.py embeds this.
CODE = (
    r"(?<![\w/])(?:"
    rf"\d{{1,4}}[a-z]?\s?{_DASH}\s?{_SIGN}(?:\s?/\s?{_SIGN}(?:{_DASH}{_SIGN})*)+"
    rf"|\d{{1,5}}(?:\s?/\s?(?:19|20)\d\d)?\s?/\s?{_SIGN}(?:\s?{_DASH}\s?{_SIGN})+"
    rf"|\d{{1,5}}\s?/\s?(?:19|20)\d\d\s?/\s?{_SIGN}"
    r")(?![\w/])"
)

_SPACES = re.compile(r"\s+")
_DASHES = re.compile(_DASH)
_PARTY = re.compile(r"(?P<number>\d+[a-z]?)-(?P<sign>[^/]+)/(?P<issuer>.+)")
_STATE = re.compile(r"(?P<number>\d+)(?:/(?:19|20)\d\d)?/(?P<sign>[^-]+)(?:-(?P<issuer>.+))?")


class CodeParts(NamedTuple):
    """The pieces of a normalised code: number as written, type sign, issuer sign."""

    number: str
    sign: str
    issuer: str | None


def normalize_code(code: str) -> str:
    """A code as FACTS.md writes it: no spaces, `Đ` for the look-alike `Ð`, ASCII hyphens."""
    return _DASHES.sub("-", _SPACES.sub("", code).replace("\u00d0", "Đ"))


def split_code(code: str) -> CodeParts | None:
    """Number, type sign and issuer of a code, read by its form; None if it is not a code."""
    code = normalize_code(code)
    match = _PARTY.fullmatch(code) or _STATE.fullmatch(code)
    if not match:
        return None
    return CodeParts(match["number"], match["sign"], match["issuer"])
