"""Probing a site's section page the way the crawl would read it: what `vnfacts sources check` and `sources add` report.

A probe fetches the start page politely (robots.txt obeyed, the host's delay kept), sorts its
links, finds the next page, the feeds and sitemaps (announced, named by robots.txt, or at the
usual places), and fetches a few article links to see whether they clean into an article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import settings
from ..clean import clean_html
from ..errors import FetchError, VnfactsError
from ..text.read import decode
from .discover import feed_items, sitemap_items
from .fetch import Fetcher, fetch, host_of, make_fetcher
from .fold import fold_url
from .links import ARTICLE, LISTING, classify_links, page_base
from .paging import GUESSED_FEEDS, GUESSED_SITEMAPS, feed_links, next_listing_page, robots_sitemaps

__all__ = ["Probe", "probe_fetcher", "read_page", "probe_start"]


@dataclass
class Probe:
    """What a start page shows: article links, listing links, the next page, feeds, sitemaps and sample articles cleaned."""

    start: str
    error: str | None = None
    articles: list[str] = field(default_factory=list)
    listings: int = 0
    next_page: str | None = None
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    cleaned: list[tuple[str, str]] = field(default_factory=list)

    @property
    def works(self) -> bool:
        """Whether the crawl would store articles from this page: article links, and one sample that cleans."""
        return bool(self.articles) and any(said.startswith("article") for _, said in self.cleaned)


def probe_fetcher(urls: list[str], delay: float = settings.FETCH_DELAY, **overrides: object) -> Fetcher:
    """A polite fetcher on the hosts of `urls`."""
    return make_fetcher({host_of(url): delay for url in urls}, **overrides)


def read_page(fetcher: Fetcher, url: str) -> tuple[str, str]:
    """A page's HTML and the URL its relative links resolve against; a failure raises FetchError."""
    fetched = fetch(fetcher, url)
    html = decode(fetched.body, url)
    return html, page_base(html, fetched.final_url) or fetched.final_url


def _found(fetcher: Fetcher, url: str, reader) -> bool:
    """Whether `url` answers with a feed or sitemap that lists something."""
    try:
        fetched = fetch(fetcher, url)
    except FetchError:
        return False
    found = reader(fetched.body, fetched.final_url)
    return bool(found[0] or found[1]) if isinstance(found, tuple) else bool(found)


def _cleans(fetcher: Fetcher, url: str) -> str:
    """Whether an article link's page cleans into an article, as a short phrase."""
    try:
        fetched = fetch(fetcher, url)
        page = clean_html(decode(fetched.body, url), url, url=url)
    except (FetchError, VnfactsError) as exc:
        return f"no article: {exc}"
    chars = sum(len(block.text) for block in page.blocks)
    return f"article, {chars} characters"


def probe_start(fetcher: Fetcher, start: str, samples: int = settings.PROBE_SAMPLES) -> Probe:
    """Probe one start page; a page that cannot be fetched gives a probe with its error."""
    probe = Probe(start)
    try:
        html, base = read_page(fetcher, start)
    except FetchError as exc:
        probe.error = str(exc)
        return probe
    links = classify_links(html, base, {host_of(start), host_of(base)}, fold_url)
    probe.articles = [link.url for link in links if link.kind == ARTICLE]
    probe.listings = sum(link.kind == LISTING for link in links)
    probe.next_page = next_listing_page(html, base, start, None, 2)
    root = f"{start.split('//', 1)[0]}//{host_of(start)}"
    probe.feeds = feed_links(html, base) or [root + path for path in GUESSED_FEEDS if _found(fetcher, root + path, feed_items)][:1]
    probe.sitemaps = robots_sitemaps(fetcher.robots.get(host_of(start)), start) or [root + path for path in GUESSED_SITEMAPS if _found(fetcher, root + path, sitemap_items)]
    probe.cleaned = [(url, _cleans(fetcher, url)) for url in probe.articles[:samples]]
    return probe
