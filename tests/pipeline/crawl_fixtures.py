"""The fault site of the crawl tests: a provincial paper on 127.0.0.1 with every failure the crawler must survive."""

from __future__ import annotations

import gzip
import itertools
import time
from pathlib import Path

from pipeline.crawl.demo_site import Answer, Site, build_site, corpus_articles, serve

ROOT = Path(__file__).resolve().parents[2]
SLOW_SECONDS = 1.5  # the slow page answers after this; the tests' timeout is shorter
FETCH_OPTIONS = {"timeout": 0.5, "retries": 2, "backoff": 0.05, "max_bytes": 1_000_000, "max_retry_after": 1.0}
HTML = {"Content-Type": "text/html; charset=utf-8"}


def _redirect(to: str) -> Answer:
    """A 302 to `to`."""
    return 302, {"Location": to}, b""


def _flaky(first: int, headers: dict[str, str], then: bytes):
    """An answer that is `first` (with `headers`) on the first request and 200 `then` afterwards."""
    calls = itertools.count()

    def answer(_request: object) -> Answer:
        return (first, headers, b"busy") if next(calls) == 0 else (200, HTML, then)

    return answer


def _slow(_request: object) -> Answer:
    """A page that answers too late."""
    time.sleep(SLOW_SECONDS)
    return 200, HTML, b"<html><body>late</body></html>"


def _conditional(body: bytes, etag: str):
    """A listing page that answers 304 to a request naming its ETag."""

    def answer(request) -> Answer:
        if request.headers.get("If-None-Match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, {**HTML, "ETag": etag}, body

    return answer


def fault_site() -> Site:
    """Serve the fault site: articles, two listing pages, a feed, a sitemap, robots.txt and every fault."""
    site = serve({})
    articles = corpus_articles(ROOT / "corpus")
    good = articles[10:14]
    site.routes.update(build_site(site.base, good, section="/tin/", per_page=10))
    cp1258 = (ROOT / "corpus/html/inhouse/baoninhbinh_cp1258_dev10.html").read_bytes()
    faults = {
        "/private/bai-mat-90.html": (200, HTML, articles[4]),
        "/tin/cham-91.html": _slow,
        "/tin/loi-92.html": _flaky(500, {}, articles[5]),
        "/tin/ban-93.html": _flaky(429, {"Retry-After": "1"}, articles[6]),
        "/tin/mat-94.html": (404, HTML, b"not found"),
        "/tin/chuyen-95.html": _redirect("/tin/chuyen-b"),
        "/tin/chuyen-b": _redirect("/tin/chuyen-c"),
        "/tin/chuyen-c": _redirect("/tin/dich-96.html"),
        "/tin/dich-96.html": (200, HTML, articles[7]),
        "/tin/vong-97.html": _redirect("/tin/vong-b"),
        "/tin/vong-b": _redirect("/tin/vong-97.html"),
        "/tin/ra-ngoai-98.html": _redirect("http://203.0.113.9/tin/khac-1.html"),
        "/tin/cp1258-99.html": (200, {"Content-Type": "text/html"}, cp1258),
        "/tin/qua-lon-100.html": (200, HTML, b"<html><body>" + "<p>Đảng bộ tỉnh</p>".encode() * 70000 + b"</body></html>"),
        "/tin/bom-101.html": (200, {**HTML, "Content-Encoding": "gzip"}, gzip.compress(b"\0" * 60_000_000, 9)),
    }
    site.routes.update(faults)
    links = "".join(f'<a href="{path}">x</a>' for path in faults if "-b" not in path and "chuyen-c" not in path and "dich" not in path)
    links += '<a href="http://203.0.113.9/tin/ngoai-102.html">off host</a>'
    site.routes["/tin/?page=2"] = (200, HTML, f"<html><body>{links}</body></html>".encode())
    listing = site.routes["/tin/"][2].decode().replace("</ul>", '</ul><a class="next" href="/tin/?page=2">Trang sau</a>')
    site.routes["/tin/"] = _conditional(listing.encode(), '"v1"')
    site.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n")
    old_item = f"<item><link>{site.base}/tin/cu-103.html</link><pubDate>Mon, 01 Jan 2001 00:00:00 GMT</pubDate></item>"
    site.routes["/rss.xml"] = (200, {}, site.routes["/rss.xml"][2].replace(b"</channel>", old_item.encode() + b"</channel>"))
    site.routes["/tin/cu-103.html"] = (200, HTML, articles[8])
    return site


def sources_toml(site: Site, name: str = "fault") -> str:
    """The sources file of one fixture site, as a user writes it."""
    return (
        f'[[source]]\nname = "{name}"\nprovince = "Ninh Bình"\nstart_urls = ["{site.base}/tin/"]\n'
        f'article_pattern = "-\\\\d+\\\\.html$"\nfeeds = ["{site.base}/rss.xml"]\nsitemaps = ["{site.base}/sitemap.xml"]\n'
        'next_page = "a.next"\nmax_pages = 5\ndelay = 0.0\n'
    )
