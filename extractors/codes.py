"""Document codes: the number and sign of a party or state document (`04-NQ/TU`, `30/2020/NĐ-CP`)."""

from __future__ import annotations

import re

__all__ = ["CODE", "normalize_code"]

_SIGN = r"[A-ZĐ][A-Za-zĐđ]*"
# Party form NUMBER-TYPE/ISSUER (04-NQ/TU, 07-ĐA/ĐUK, 100 - KL/TW) and state form
# NUMBER/YEAR/TYPE-ISSUER or NUMBER/TYPE-ISSUER (30/2020/NĐ-CP, 20/NQ-HĐND).
CODE = (
    rf"\d{{1,4}}[a-z]?\s?-\s?{_SIGN}(?:\s?/\s?{_SIGN}(?:-{_SIGN})*)+"
    rf"|\d{{1,4}}(?:\s?/\s?(?:19|20)\d\d)?\s?/\s?{_SIGN}(?:\s?-\s?{_SIGN})+"
)

_SPACES = re.compile(r"\s+")


def normalize_code(code: str) -> str:
    """A code as FACTS.md writes it: no spaces, `Đ` for the look-alike `Ð`."""
    return _SPACES.sub("", code).replace("\u00d0", "Đ")
