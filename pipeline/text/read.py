"""Reading an input file: bytes to text, and whether the text is HTML or a page-text dump.

Decoding tries, in order: a byte-order mark, strict UTF-8, the charset a page declares
(`<meta charset>`, `http-equiv`, an XML declaration) when it reads as Vietnamese, then windows-1258 — the legacy
encoding of Vietnamese pages, whose tone marks are combining characters (normalisation
composes them later) — against charset-normalizer's guesses, keeping the decoding whose
words look most like Vietnamese syllables. Files that are not text (NUL bytes, control
characters, mostly non-letters) are rejected.
"""

from __future__ import annotations

import codecs
import re
import stat
import string
import unicodedata
from pathlib import Path

import charset_normalizer

from .. import settings
from ..errors import EmptyPageError, EncodingError, ReadError

__all__ = ["read_document", "decode", "document_kind", "looks_vietnamese"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml")

# Control characters that never occur in text (tab, line feed, form feed, carriage return do).
_CONTROL = re.compile(rb"[\x01-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")

_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)
_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
_NON_SPACE = re.compile(r"\S")
_LETTER = re.compile(r"[^\W\d_]")

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # grave, acute, tilde, hook above, dot below
_VIETNAMESE_MARKS = _TONE_MARKS | frozenset("\u0302\u0306\u031b")  # and circumflex, breve, horn
_LETTERS = re.compile(r"[^\W\d_]+")
_MARKUP = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, READ_MAX_BYTES at most; any reason it cannot be read becomes a ReadError naming it.

    Only regular files are opened: a named pipe would block and a device (`/dev/zero`) never end.
    """
    try:
        if path.exists() and not path.is_dir() and not stat.S_ISREG(path.stat().st_mode):
            raise ReadError(f"{path}: not a regular file (a pipe, device or socket)")
        with path.open("rb") as stream:
            data = stream.read(settings.READ_MAX_BYTES + 1)
        if len(data) > settings.READ_MAX_BYTES:
            raise ReadError(f"{path}: over {settings.READ_MAX_BYTES} bytes (READ_MAX_BYTES), not read")
        return data
    except FileNotFoundError:
        raise ReadError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ReadError(f"{path}: is a directory, not a file") from None
    except PermissionError:
        raise ReadError(f"{path}: permission denied") from None
    except OSError as exc:
        raise ReadError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, if the data starts with one."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _reject_binary(data: bytes, path: Path) -> None:
    """Binary files carry NUL bytes or many control characters; text never does."""
    sample = data[: settings.READ_SAMPLE]
    if b"\x00" in sample:
        raise ReadError(f"{path}: binary file (NUL bytes), not a text or HTML page")
    if len(_CONTROL.findall(sample)) > settings.READ_MAX_CONTROL_SHARE * len(sample):
        raise ReadError(f"{path}: binary file (control characters), not a text or HTML page")


def _declared_encoding(data: bytes) -> str | None:
    """The charset the page declares in its first bytes, if Python knows it."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _try_decode(data: bytes, encoding: str) -> str | None:
    """`data` decoded strictly with `encoding`, or None when it does not decode."""
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _vietnamese_letters() -> tuple[frozenset[str], frozenset[str]]:
    """The letters of the Vietnamese alphabet, precomposed, in both cases; and those of them with a tone mark."""
    letters = set(string.ascii_letters) | set("đĐ")
    toned = set()
    for code in (*range(0xC0, 0x1B1), *range(0x1EA0, 0x1EFA)):
        parts = unicodedata.normalize("NFD", chr(code))
        if parts[0] in string.ascii_letters and set(parts[1:]) <= _VIETNAMESE_MARKS:
            letters.add(chr(code))
            if set(parts[1:]) & _TONE_MARKS:
                toned.add(chr(code))
    return frozenset(letters), frozenset(toned)


_VIETNAMESE, _TONED = _vietnamese_letters()


def _sample_words(text: str) -> list[str]:
    """The words of two letters or more at the start of a text, markup, scripts and styles left out.

    Tag names are ASCII in any decoding, and mojibake breaks into one-letter words (`Ï õ Í`).
    """
    sample = _MARKUP.sub(" ", text[: settings.READ_SCORE_SAMPLE * settings.READ_MARKUP_RATIO])[: settings.READ_SCORE_SAMPLE]
    return [w for w in _LETTERS.findall(unicodedata.normalize("NFC", sample)) if len(w) > 1]


def _vietnamese_share(text: str) -> float:
    """The share of words that could be Vietnamese syllables (its letters, one tone mark at most).

    High for the right decoding; low for mojibake (`Thýõng`, `châět`, CJK).
    """
    return _share(_sample_words(text))


def _share(words: list[str]) -> float:
    """The share of `words` that are possible Vietnamese syllables (at most one tone mark each)."""
    if not words:
        return 0.0
    valid = sum(1 for w in words if all(c in _VIETNAMESE for c in w) and sum(c in _TONED for c in w) <= 1)
    return valid / len(words)


def looks_vietnamese(text: str) -> bool:
    """Whether a text reads as Vietnamese: its words are possible syllables and a fair share carry marks."""
    words = _sample_words(text)
    if not words or _share(words) < settings.READ_MIN_VIETNAMESE_SHARE:
        return False
    marked = sum(1 for w in words if any(c in _VIETNAMESE and c not in string.ascii_letters for c in w))
    return marked >= settings.READ_MIN_MARKED_SHARE * len(words)


def decode(data: bytes, path: Path | str = "<bytes>") -> str:
    """Decode a page's bytes: BOM, UTF-8, declared charset, then detection; EncodingError when none fits.

    Detection weighs charset-normalizer's guesses and windows-1258 by how Vietnamese the
    letters they give are: on short texts charset-normalizer alone takes windows-1258
    for windows-1250 or Big5.
    """
    bom = _bom_encoding(data)
    if bom:
        text = _try_decode(data, bom)
        if text is None:
            raise EncodingError(f"{path}: starts with a {bom} byte-order mark but does not decode as {bom}")
        return text
    text = _try_decode(data, "utf-8")
    if text is not None:
        return text
    declared = _declared_encoding(data)
    if declared and declared != "utf-8":
        text = _try_decode(data, declared)
        if text is not None and _vietnamese_share(text) >= settings.READ_MIN_VIETNAMESE_SHARE:
            return text
    candidates = [str(match) for match in list(charset_normalizer.from_bytes(data))[: settings.READ_GUESSES]]
    text = _try_decode(data, "cp1258")
    if text is not None:
        candidates.insert(0, text)  # first, so it wins a tie
    best, share = max(((c, _vietnamese_share(c)) for c in candidates), key=lambda scored: scored[1], default=(None, 0.0))
    if best is None or share < settings.READ_MIN_VIETNAMESE_SHARE:
        raise EncodingError(f"{path}: not UTF-8 and no other encoding (windows-1258, ...) decodes it to text")
    return best


def _reject_non_text(text: str, path: Path) -> None:
    """Decoded junk is mostly symbols: require a fair share of letters among the visible characters."""
    sample = text[: settings.READ_SAMPLE]
    visible = len(_NON_SPACE.findall(sample))
    if visible and len(_LETTER.findall(sample)) < settings.READ_MIN_LETTER_SHARE * visible:
        raise ReadError(f"{path}: not text (too few letters), not a text or HTML page")


def document_kind(path: Path, text: str) -> str:
    """ "html" for an .html/.htm file or text that opens like an HTML document, else "text"."""
    if path.suffix.lower() in HTML_SUFFIXES or _HTML_START.match(text[:4096]):
        return "html"
    return "text"


def read_document(path: Path | str) -> tuple[str, str]:
    """Return (text, kind) where kind is "html" or "text"; raise ReadError/EncodingError naming the path.

    An empty (or white-space only) file raises EmptyPageError.
    """
    path = Path(path)
    data = _read_bytes(path)
    if not data.strip():
        raise EmptyPageError(f"{path}: empty file")
    if not _bom_encoding(data):
        _reject_binary(data, path)
    text = decode(data, path)
    if not text.strip("\ufeff \t\r\n"):
        raise EmptyPageError(f"{path}: empty file")
    _reject_non_text(text, path)
    return text, document_kind(path, text)
