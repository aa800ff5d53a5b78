"""What an HTML page says about itself outside its visible text: meta tags, JSON-LD, `<title>`,
`<html lang>`, `<time>` and the canonical URL, read into `Metadata` while the page is read
(`note_element`), and the title hint, publication time, canonical URL, language and author
taken from them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from bs4 import Tag

from ..text.read import looks_vietnamese
from .lines import dateline_match, iso_time, line_key
from .selectors import HTML_DATA

_TITLE_SUFFIX = re.compile(r"\s+[-|–—]\s+[^-|–—]{1,60}$")
_DECLARED_URL = re.compile(r"""<(?:link|meta)\b[^>]*?\b(?:rel\s*=\s*["']?canonical\b|property\s*=\s*["']og:url\b)[^>]*>""", re.IGNORECASE)
_URL_ATTR = re.compile(r"""\b(?:href|content)\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_JSON_LD = "application/ld+json"
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
    """The author a meta tag or JSON-LD names."""
    for name in HTML_DATA["author"]:
        value = meta.metas.get(name)
        if value and value.strip() and not value.startswith("http"):
            return " ".join(value.split())
    for author in _ld_values(meta, "author"):
        for item in _as_list(author):
            name = item.get("name") if isinstance(item, dict) else item
            if isinstance(name, str) and name.strip():
                return " ".join(name.split())
    return None


def declared_url(html: str, within: int) -> str | None:
    """The canonical URL or og:url a page declares near its top: enough to pick a site profile before parsing."""
    tag = _DECLARED_URL.search(html, 0, within)
    match = _URL_ATTR.search(tag.group()) if tag else None
    return match.group(1) if match else None
