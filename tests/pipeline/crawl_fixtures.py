"""The fault site of the crawl tests: a provincial paper on 127.0.0.1 with every failure the crawler must survive."""

from __future__ import annotations

import gzip
import itertools
import time
from pathlib import Path

from pipeline.crawl.demo_site import Answer, Site, build_site, serve

ROOT = Path(__file__).resolve().parents[2]
CORPUS_HTML = ROOT / "corpus" / "html"
# The provincial pages of the layout families, in name order: the crawl tests serve these, by
# name, so pages added to corpus/html (the national papers of real/, the failure kinds of built/)
# shift nothing. These are the pages the crawl tests were written against.
FAMILY_PAGES = (
    "inhouse/baobacgiang_two_articles_dev03",
    "inhouse/baodongnai_seed004",
    "inhouse/baoninhbinh_cp1258_dev10",
    "inhouse/baothainguyen_dev01",
    "inhouse/baotintuc_seed000",
    "liferay/dienbien_dcs_dev02",
    "liferay/huongkhe_two_articles_dev15",
    "liferay/simacai_laocai_dev08",
    "liferay/thainguyen_gov_seed003",
    "sharepoint/dangcongsan_dev04",
    "sharepoint/dienbien_seed001",
    "sharepoint/lamdong_dev11",
    "sharepoint/ninhbinh_dev13",
    "tinhuy/tinhuybacninh_dev07",
    "tinhuy/tinhuyhaiduong_dev12",
    "tinhuy/tinhuylaichau_nfd_dev14",
    "tinhuy/tinhuyquangninh_dev16",
    "vnexpress_2025_10_22",
    "vnexpress_kinh_doanh",
    "wordpress/baoquangninh_dev06",
    "wordpress/contentfarm_seed002",
    "wordpress/tapchixaydungdang_dev05",
)
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


def pages(*names: str) -> list[bytes]:
    """The named pages of corpus/html (paths without `.html`), in the order given."""
    return [(CORPUS_HTML / f"{name}.html").read_bytes() for name in names]


def family_pages() -> list[bytes]:
    """Every page of FAMILY_PAGES, in name order."""
    return pages(*FAMILY_PAGES)


def fault_site() -> Site:
    """Serve the fault site: articles, two listing pages, a feed, a sitemap, robots.txt and every fault."""
    site = serve({})
    good = pages("sharepoint/dienbien_seed001", "sharepoint/lamdong_dev11", "sharepoint/ninhbinh_dev13", "tinhuy/tinhuybacninh_dev07")
    site.routes.update(build_site(site.base, good, section="/tin/", per_page=10))
    (cp1258,) = pages("inhouse/baoninhbinh_cp1258_dev10")
    private, flaky, busy, moved, old = pages(
        "inhouse/baotintuc_seed000",
        "liferay/dienbien_dcs_dev02",
        "liferay/huongkhe_two_articles_dev15",
        "liferay/simacai_laocai_dev08",
        "liferay/thainguyen_gov_seed003",
    )
    faults = {
        "/private/bai-mat-90.html": (200, HTML, private),
        "/tin/cham-91.html": _slow,
        "/tin/loi-92.html": _flaky(500, {}, flaky),
        "/tin/ban-93.html": _flaky(429, {"Retry-After": "1"}, busy),
        "/tin/mat-94.html": (404, HTML, b"not found"),
        "/tin/chuyen-95.html": _redirect("/tin/chuyen-b"),
        "/tin/chuyen-b": _redirect("/tin/chuyen-c"),
        "/tin/chuyen-c": _redirect("/tin/dich-96.html"),
        "/tin/dich-96.html": (200, HTML, moved),
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
    site.routes["/tin/cu-103.html"] = (200, HTML, old)
    return site


def sources_toml(site: Site, name: str = "fault") -> str:
    """The sources file of one fixture site, as a user writes it."""
    return (
        f'[[source]]\nname = "{name}"\nprovince = "Ninh Bình"\nstart_urls = ["{site.base}/tin/"]\n'
        f'article_pattern = "-\\\\d+\\\\.html$"\nfeeds = ["{site.base}/rss.xml"]\nsitemaps = ["{site.base}/sitemap.xml"]\n'
        'next_page = "a.next"\nmax_pages = 5\ndelay = 0.0\n'
    )
