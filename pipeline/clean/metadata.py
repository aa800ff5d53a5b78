"""What an HTML page says about itself outside its visible text: meta tags, JSON-LD, `<title>`,
`<html lang>`, `<time>` and the canonical URL, read into `Metadata` while the page is read
(`note_element`), and the title hint, publication time, canonical URL, language and author
taken from them.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

from bs4 import Tag

from ..text.normalize import fold
from ..text.read import looks_vietnamese
from .lines import dateline_match, iso_time, line_key
from .selectors import HTML_DATA

_TITLE_SUFFIX = re.compile(r"\s+[-|–—]\s+[^-|–—]{1,60}$")
_DECLARED_URL = re.compile(r"""<(?:link|meta)\b[^>]*?\b(?:rel\s*=\s*["']?canonical\b|property\s*=\s*["']og:url\b)[^>]*>""", re.IGNORECASE)
_URL_ATTR = re.compile(r"""\b(?:href|content)\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_JSON_LD = "application/ld+json"
_CREDIT_PARTS = re.compile(r"\s+[-–]\s+|;")  # `Minh Hương - Ban Tuyên giáo`, `NHẬT XUÂN;NGHI VŨ`
_CREDIT_NOISE = re.compile(r"\([^()]*\)|^\s*(?:Theo|THEO)\s+")  # `(tổng hợp)`, a leading `Theo`
_SITE_NAMES = ("og:site_name", "copyright", "application-name", "twitter:site")
_LD_TYPES = frozenset(("Article", "NewsArticle", "BlogPosting", "Report", "WebPage", "ReportageNewsArticle"))


@dataclass(slots=True)
class Metadata:
    """What the page says about itself outside its visible text."""

    metas: dict[str, str] = field(default_factory=dict)
    canonical: str | None = None
    language: str | None = None
    title: str | None = None
    time: str | None = None
    json_ld: list[dict[str, Any]] = field(default_factory=list)


def note_element(meta: Metadata, tag: Tag) -> None:
    """Keep what a head element, `<html lang>`, `<time>` or JSON-LD script says about the page."""
    name = tag.name
    if name == "meta":
        key = tag.get("property") or tag.get("name") or tag.get("itemprop") or tag.get("http-equiv")
        if key and tag.get("content"):
            meta.metas.setdefault(key.lower(), tag["content"])
    elif name == "link" and "canonical" in (tag.get("rel") or "").lower().split() and tag.get("href"):
        meta.canonical = meta.canonical or tag["href"].strip()
    elif name == "html" and tag.get("lang"):
        meta.language = tag["lang"]
    elif name == "title" and meta.title is None:
        meta.title = tag.get_text()
    elif name == "time" and meta.time is None and tag.get("datetime"):
        meta.time = tag["datetime"]
    elif name == "script" and (tag.get("type") or "").lower() == _JSON_LD:
        meta.json_ld.extend(_ld_objects(tag.get_text()))


def _ld_objects(text: str) -> list[dict[str, Any]]:
    """The article-like objects of a JSON-LD script (top level or in `@graph`); none when it is not JSON."""
    try:
        data = json.loads(text)
    except ValueError:
        return []
    items = data if isinstance(data, list) else [data]
    found: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, dict):
            graph = item.get("@graph")
            found.extend(x for x in (graph if isinstance(graph, list) else [item]) if isinstance(x, dict))
    return [item for item in found if set(_as_list(item.get("@type"))) & _LD_TYPES]


def _as_list(value: Any) -> list[Any]:
    """A JSON value as a list: itself when it is one, else a list of it (none for null)."""
    return value if isinstance(value, list) else [] if value is None else [value]


def _ld_values(meta: Metadata, name: str) -> list[Any]:
    """The values of `name` across the page's JSON-LD objects, in order."""
    return [item[name] for item in meta.json_ld if item.get(name)]


def hint_title(meta: Metadata) -> str | None:
    """The title the page declares: og:title, JSON-LD headline, else `<title>` without the site name."""
    for value in (meta.metas.get("og:title"), *_ld_values(meta, "headline")):
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    if meta.title and meta.title.strip():
        return _TITLE_SUFFIX.sub("", " ".join(meta.title.split())) or None
    return None


def _iso_of(text: Any) -> str | None:
    """The ISO time a date string gives (matched by the dateline patterns), or None."""
    match = dateline_match(line_key(text)) if isinstance(text, str) else None
    return iso_time(match) if match else None


def published_time(meta: Metadata, dateline: str | None) -> str | None:
    """The publication time: meta tags, JSON-LD, `<time datetime>`, then the visible dateline."""
    candidates = [meta.metas.get(name.lower()) for name in HTML_DATA["published"]]
    candidates += _ld_values(meta, "datePublished") + [meta.time, dateline]
    return next((iso for iso in map(_iso_of, candidates) if iso), None)


def canonical_url(meta: Metadata, url: str | None) -> str | None:
    """The page's canonical URL: `<link rel=canonical>`, og:url, JSON-LD url, else where it was fetched."""
    for value in (meta.canonical, meta.metas.get("og:url"), *_ld_values(meta, "url"), url):
        if isinstance(value, str) and value.strip().startswith(("http://", "https://")):
            return value.strip()
    return url


def page_language(meta: Metadata, text: str) -> str | None:
    """The page language as a primary subtag (`vi`): declared, else `vi` when the text reads as Vietnamese."""
    declared = [meta.language, *(meta.metas.get(name) for name in HTML_DATA["language"]), *_ld_values(meta, "inLanguage")]
    for value in declared:
        if isinstance(value, str) and value.strip():
            return re.split(r"[-_]", value.strip().lower())[0]
    return "vi" if looks_vietnamese(text) else None


def meta_author(meta: Metadata) -> str | None:
    """The person a meta tag or JSON-LD names as the author; the site's own name there is no author."""
    for name in HTML_DATA["author"]:
        value = meta.metas.get(name)
        if value and value.strip() and not value.startswith("http") and not _names_site(meta, value):
            return author_name(value)
    for author in _ld_values(meta, "author"):
        names = [item.get("name") if isinstance(item, dict) else item for item in _as_list(author)]
        names = [html.unescape(name) for name in names if isinstance(name, str) and name.strip() and not _names_site(meta, name)]
        if names:
            return author_name(" - ".join(names))
    return None


def _squashed(text: str) -> str:
    """A text's folded letters and digits only: `Dân Trí` and `dantri.com.vn` both hold `dantri`."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def _names_site(meta: Metadata, value: str) -> bool:
    """Whether an author value is the site's name or domain (`VCCorp.vn`, `Dân Trí`, `TUOI TRE ONLINE`)."""
    squashed = _squashed(value)
    host = re.sub(r"^https?://(?:www\.)?([^/.]+).*$", r"\1", meta.canonical or meta.metas.get("og:url") or "")
    names = [meta.metas.get(name) or "" for name in _SITE_NAMES]
    return "." in value or bool(squashed) and (any(squashed in _squashed(name) for name in names) or bool(host) and _squashed(host) in squashed)


def author_name(credit: str) -> str:
    """The person(s) of a byline without its decorations: `Hà Thu (tổng hợp)` → `Hà Thu`, `Theo Hồ Hương` → `Hồ Hương`,
    `Minh Hương - Ban Tuyên giáo Huyện ủy` → `Minh Hương`; several people joined by ` - `."""
    parts = [" ".join(_CREDIT_NOISE.sub(" ", part).split()) for part in _CREDIT_PARTS.split(html.unescape(credit))]
    people = [part for part in parts if is_person(part)]
    return " - ".join(people) if people else " ".join(credit.split())


def is_person(text: str) -> bool:
    """A person's name as bylines print it: two to five words, each capitalised."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(word[0].isupper() and word.isalpha() for word in words)


def declared_url(html: str, within: int) -> str | None:
    """The canonical URL or og:url a page declares near its top: enough to pick a site profile before parsing."""
    tag = _DECLARED_URL.search(html, 0, within)
    match = _URL_ATTR.search(tag.group()) if tag else None
    return match.group(1) if match else None
