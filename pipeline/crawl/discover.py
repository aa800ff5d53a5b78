"""Finding article URLs: listing pages (pattern, pagination), RSS/Atom feeds and sitemaps; canonical URLs.

Parsing only: every function takes a page already fetched and returns URLs (with the date a
feed or sitemap gives them), so the crawl decides what to fetch and the fetcher how.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup
from lxml import etree
from url_normalize import url_normalize

from ..store import naive_utc

__all__ = ["canonical_url", "listing_links", "next_page_url", "feed_items", "sitemap_items", "parse_date", "well_formed", "matches_pattern"]

# Query parameters that track a click, not name a page: dropped so one article has one URL.
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|zarsrc|zalo_\w+|ref|source|_ga)$", re.IGNORECASE)


def canonical_url(url: str) -> str:
    """The URL an article is known by: normalised (case, port, dots, escapes), no fragment or tracking parameters.

    Parameters that name an article (`?newsid=5678`, `?ItemID=12`) are kept, sorted.
    """
    parts = urlsplit(url_normalize(url.strip()) or url)
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)))
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", query, ""))


def matches_pattern(pattern: re.Pattern[str], url: str) -> bool:
    """Whether an article pattern matches the URL's path (or its path and query, for `?newsid=` sites)."""
    parts = urlsplit(url)
    return bool(pattern.search(parts.path) or (parts.query and pattern.search(f"{parts.path}?{parts.query}")))


def listing_links(html: str, base_url: str, article_pattern: str, fold: Callable[[str], str] = canonical_url) -> list[str]:
    """The article URLs (folded by `fold`) a listing page links to that match `article_pattern`, in page order, each once."""
    pattern = re.compile(article_pattern)
    found: dict[str, None] = {}
    for anchor in BeautifulSoup(html, "lxml").find_all("a", href=True):
        href = anchor["href"].strip()
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        url = fold(urljoin(base_url, href))
        if matches_pattern(pattern, url):
            found.setdefault(url, None)
    return list(found)


def next_page_url(html: str, page_url: str, start_url: str, next_page: str | None, number: int) -> str | None:
    """The listing page after `page_url`: from a `?page={n}` template (n = `number`) or the link a CSS selector picks."""
    if not next_page:
        return None
    if "{n}" in next_page:
        return canonical_url(urljoin(start_url, next_page.format(n=number)))
    link = BeautifulSoup(html, "lxml").select_one(next_page)
    href = link.get("href") if link is not None else None
    return canonical_url(urljoin(page_url, href)) if href else None


def parse_date(value: str | None) -> datetime | None:
    """A feed or sitemap date (RFC 822 `pubDate` or ISO 8601 `lastmod`/`updated`) as naive UTC, or None."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            stamp = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
    return naive_utc(stamp)


def _xml(data: bytes) -> etree._Element | None:
    """The root of an XML document, read leniently; None when it is not XML."""
    try:
        return etree.fromstring(data, etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False))
    except etree.XMLSyntaxError:
        return None


def well_formed(data: bytes) -> bool:
    """Whether a feed or sitemap parses as XML without recovery (a cut one does not, and its last link may be cut too)."""
    try:
        etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    except etree.XMLSyntaxError:
        return False
    return True


def _local(tag: object) -> str:
    """An element's tag without its namespace."""
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _child_text(element: etree._Element, *names: str) -> str | None:
    """The text of the first child named one of `names` (namespaces ignored)."""
    for child in element:
        if _local(child.tag) in names and child.text:
            return child.text.strip()
    return None


def feed_items(data: bytes, base_url: str) -> list[tuple[str, datetime | None]]:
    """(canonical URL, date) of each item of an RSS or Atom feed."""
    root = _xml(data)
    if root is None:
        return []
    items = []
    for element in root.iter():
        name = _local(element.tag)
        if name == "item":
            link = _child_text(element, "link") or _child_text(element, "guid")
            date = _child_text(element, "pubDate", "date", "updated")
        elif name == "entry":
            anchor = next((c for c in element if _local(c.tag) == "link" and c.get("rel", "alternate") == "alternate"), None)
            link = anchor.get("href") if anchor is not None else None
            date = _child_text(element, "published", "updated")
        else:
            continue
        if link:
            items.append((canonical_url(urljoin(base_url, link)), parse_date(date)))
    return items


def sitemap_items(data: bytes, base_url: str) -> tuple[list[tuple[str, datetime | None]], list[str]]:
    """(canonical URL, lastmod) of each page of a sitemap, and the child sitemaps of a sitemap index."""
    root = _xml(data)
    if root is None:
        return [], []
    pages, children = [], []
    for element in root:
        loc = _child_text(element, "loc")
        if not loc:
            continue
        url = canonical_url(urljoin(base_url, loc))
        if _local(element.tag) == "sitemap":
            children.append(url)
        else:
            pages.append((url, parse_date(_child_text(element, "lastmod"))))
    return pages, children
