"""Search keys and fact ids: how stored text is compared, and the stable id of a fact."""

from __future__ import annotations

import hashlib
import unicodedata

from ..text.normalize import fold


def _unmark_table() -> dict[int, str | None]:
    """str.translate table: every Latin letter with marks to its base, combining marks dropped, đ to d."""
    table_: dict[int, str | None] = {cp: None for cp in range(0x300, 0x370)}
    for cp in range(0xC0, 0x1F00):
        base = unicodedata.normalize("NFD", chr(cp))[0]
        if base != chr(cp) and base.isascii():
            table_[cp] = base.lower()
    table_.update({ord(c): "d" for c in "đĐðÐƉɖ"})
    # typographic punctuation separates words as its ASCII form does
    table_.update({ord(c): a for c, a in zip("“”‘’–—…·«»", '""\'\'--.|""')})
    return table_


UNMARK = _unmark_table()


def search_key(text: str | None) -> str:
    """How search compares text: tone marks and đ dropped, then `fold` (normalised, lower case, single spaces)."""
    unmarked = (text or "").translate(UNMARK)
    # on ASCII text, all that fold does is lower case and single spaces: skip its Unicode passes
    return " ".join(unmarked.lower().split()) if unmarked.isascii() else fold(unmarked)


def fact_id(article_id: str, kind: str, text: str, start: int, end: int, nth: int = 0) -> str:
    """A fact's stable id: what locates it (article, type, evidence text and which occurrence), not its values."""
    span = text[start:end]
    occurrence = text.count(span, 0, start) if span else start
    key = "\x1f".join((article_id, kind, span, str(occurrence), str(nth)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
