"""Finding a listing's next page and a site's feeds and sitemaps without configuration.

The next page is `rel="next"`, else the link numbered with the next page's number (a pagination
block, or a `page`-like parameter or `/page/N` path counting up), else a "Trang sau"/"Tiếp"/"›"/"»"
link; a source's `next_page` (a CSS selector or a `?page={n}` template) overrides them. Feeds
are the page's `<link rel="alternate">` RSS/Atom links; sitemaps are robots.txt's `Sitemap:` lines.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from protego import Protego

from .discover import canonical_url, next_page_url
from .fetch import host_of, on_hosts
from .links import anchors, link_rules

__all__ = ["next_listing_page", "page_number", "feed_links", "robots_sitemaps", "GUESSED_FEEDS", "GUESSED_SITEMAPS", "with_found_feeds"]

# Where a site's feed and sitemap usually are, probed by `vnfacts sources check` and `sources add` when nothing names them.
GUESSED_FEEDS = ("/rss", "/rss.xml", "/feed")
GUESSED_SITEMAPS = ("/sitemap.xml",)

_NUMBER = re.compile(
    r"(?:[?&](?:page|paged|pageindex|pagenum|trang|cur|p|_\w+_cur)=(\d+))|(?:/page/(\d+)/?$)|(?:/trang-?(\d+)(?:\.html?)?/?$)|(?:/p(\d+)(?:\.html?)?$)",
    re.IGNORECASE,
)


def page_number(url: str) -> int | None:
    """The listing page number a URL carries (`?page=3`, `/page/3/`, `/trang-3.html`, Liferay `_x_cur=3`), or None."""
    parts = urlsplit(url)
    match = _NUMBER.search(f"{parts.path}?{parts.query}" if parts.query else parts.path)
    return int(next(g for g in match.groups() if g)) if match else None


def next_listing_page(html: str, page_url: str, start_url: str, next_page: str | None, number: int) -> str | None:
    """The listing page after `page_url` (page `number`): configured by `next_page`, else found on the page."""
    if next_page:
        return next_page_url(html, page_url, start_url, next_page, number)
    soup = BeautifulSoup(html, "lxml")
    tag = soup.find(["link", "a"], rel="next", href=True)
    if tag is not None and on_hosts(urljoin(page_url, tag["href"]), {host_of(page_url)}):
        return canonical_url(urljoin(page_url, tag["href"]))
    links = [(url, text) for url, text, _ in anchors(html, page_url, canonical_url) if on_hosts(url, {host_of(page_url)}) and url != canonical_url(page_url)]
    numbered = [url for url, text in links if text == str(number)] + [url for url, _ in links if page_number(url) == number]
    if numbered:
        return numbered[0]
    words = set(link_rules()["next_words"])
    onward = [url for url, text in links if text.lower() in words and (page_number(url) or number) >= number]
    return onward[0] if onward else None


def feed_links(html: str, base_url: str) -> list[str]:
    """The RSS/Atom feeds a page announces with `<link rel="alternate">`, on its host."""
    found = []
    for tag in BeautifulSoup(html, "lxml").find_all("link", href=True):
        rel = " ".join(tag.get("rel") or []).lower()
        if "alternate" in rel and str(tag.get("type", "")).lower() in ("application/rss+xml", "application/atom+xml"):
            url = canonical_url(urljoin(base_url, tag["href"]))
            if on_hosts(url, {host_of(base_url)}):
                found.append(url)
    return list(dict.fromkeys(found))


def robots_sitemaps(robots: Protego | None, page_url: str) -> list[str]:
    """The sitemaps a host's robots.txt names on `Sitemap:` lines, on the page's host."""
    if robots is None:
        return []
    return [canonical_url(url) for url in robots.sitemaps if on_hosts(canonical_url(url), {host_of(page_url)})]


def _section_of(url: str) -> str:
    """The last path segment of a start page, without extension (`xay-dung-dang`): what its own feed's URL names."""
    segments = [s for s in urlsplit(url).path.split("/") if s]
    return segments[-1].rsplit(".", 1)[0].lower() if segments else ""


def with_found_feeds(source: Any, announced: list[str], robots: Protego | None, walk_back: bool) -> Any:
    """The source with the section feeds its start pages announce when it names none, and (in a backfill) robots.txt's sitemaps.

    An announced feed is read only when its URL names the start page's section: a site-wide feed would
    bring every section's articles. A nightly run reads no sitemap found this way: a whole archive is
    the backfill's to walk, not the nightly run's.
    """
    sections = {_section_of(url) for url in source.start_urls} - {""}
    feeds = source.feeds or tuple(url for url in announced if any(section in url.lower() for section in sections))
    sitemaps = source.sitemaps or (tuple(robots_sitemaps(robots, source.start_urls[0])) if walk_back and source.start_urls else ())
    return dataclasses.replace(source, feeds=feeds, sitemaps=sitemaps)
