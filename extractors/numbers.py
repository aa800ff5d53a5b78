"""Vietnamese numerals: `.` groups thousands and `,` marks decimals (`5.356`, `87,5`)."""

from __future__ import annotations

import re

__all__ = ["NUMBER", "parse_int", "parse_float"]

# A number as Vietnamese news writes it: grouped (5.356, 1.038), plain (650) or decimal (87,5).
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"

_GROUPED = re.compile(r"\d{1,3}(?:[.\s]\d{3})+")


def parse_int(text: str) -> int:
    """Read `5.356` or `5 356` as 5356."""
    text = text.strip()
    if _GROUPED.fullmatch(text):
        return int(re.sub(r"[.\s]", "", text))
    return int(text)


def parse_float(text: str) -> float:
    """Read `87,5` as 87.5 and `1.038,5` as 1038.5; a lone `.` before 1-2 digits is a decimal point."""
    text = text.strip()
    if "," in text:
        whole, frac = text.rsplit(",", 1)
        return float(f"{parse_int(whole) if whole else 0}.{frac}")
    if re.fullmatch(r"\d+\.\d{1,2}", text):
        return float(text)
    return float(parse_int(text))
