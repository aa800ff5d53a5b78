"""Six CMS families served on 127.0.0.1, each with its own URL shapes, listing furniture and pagination.

Liferay, SharePoint, WordPress, a table CMS and two in-house newspaper CMSs. Each family's
listing pages hold article links among menus, tag/author/search links, a sidebar repeating
the articles (Liferay with `redirect=`/`p_p_*` variants) and pagination of the family's kind;
every variant of an article URL answers with the article, so a second fetch would be counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from pipeline.crawl.demo_site import Site, serve
from pipeline.crawl.discover import canonical_url

HTML = {"Content-Type": "text/html; charset=utf-8"}
HEADLINES = [
    "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ mười lăm",
    "Kết nạp đảng viên mới trong các chi bộ thôn bản",
    "Sơ kết công tác xây dựng Đảng sáu tháng đầu năm",
    "Trao Huy hiệu Đảng cho các đảng viên lão thành",
    "Học tập quán triệt nghị quyết của Trung ương Đảng",
    "Kiểm tra giám sát tổ chức cơ sở đảng ở huyện",
]
FURNITURE = (
    '<nav><a href="/">Trang chủ</a><a href="/thoi-su/">Thời sự</a><a href="/kinh-te/">Kinh tế</a><a href="/lien-he">Liên hệ</a><a href="/tim-kiem?q=dang">Tìm kiếm</a></nav>'
)


@dataclass
class Family:
    """A served CMS site: its start URL, each article's URL variants (first: the one to store), and pages never to fetch."""

    name: str
    site: Site
    start: str
    articles: list[list[str]] = field(default_factory=list)
    never: list[str] = field(default_factory=list)


def _path(url: str) -> str:
    """The request path (and query) of a URL, as the server sees it."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _page(body: str, head: str = "") -> tuple[int, dict[str, str], bytes]:
    """A listing page with the site's furniture around `body`."""
    return 200, HTML, f"<html><head>{head}</head><body>{FURNITURE}<main>{body}</main><footer><a href='/gioi-thieu'>Giới thiệu</a></footer></body></html>".encode()


def _slug(i: int) -> str:
    """An article slug from its headline."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", HEADLINES[i % len(HEADLINES)].replace("Đ", "D").replace("đ", "d"))
    return "-".join("".join(c for c in plain if c.isascii()).lower().split()) + f"-{i}"


def build(name: str, bodies: list[bytes]) -> Family:
    """Serve family `name` with one article per body, three per listing page."""
    site = serve({})
    family = _BUILDERS[name](site, bodies)
    for variants, body in zip(family.articles, bodies):
        for url in variants:
            site.routes[_path(canonical_url(url))] = (200, HTML, body)
            site.routes[_path(url)] = (200, HTML, body)
    return family


def _numbers(page_url, last: int) -> str:
    """A pagination block of page numbers 1..last."""
    return " ".join(f'<a href="{page_url(k)}">{k}</a>' for k in range(1, last + 1))


def _pages(site: Site, family: Family, items: list[str], page_url, body_of) -> Family:
    """Lay `items` (article entries' HTML) out three per listing page, with the family's pagination; the family."""
    chunks = [items[i : i + 3] for i in range(0, len(items), 3)]
    for n, chunk in enumerate(chunks, start=1):
        site.routes[_path(canonical_url(page_url(n)))] = _page(*body_of(n, "".join(chunk), len(chunks)))
    return family


def _one_url_each(name: str, site: Site, count: int, start: str, never: list[str], url_of, entry_of, page_url, body_of) -> Family:
    """A family whose `count` articles have one URL each (`url_of(i)`), listed by `entry_of(i, url)` on pages `page_url(n)`."""
    family = Family(name, site, start, [[url_of(i)] for i in range(count)], never)
    return _pages(site, family, [entry_of(i, family.articles[i][0]) for i in range(count)], page_url, body_of)


def _liferay(site: Site, bodies: list[bytes]) -> Family:
    base, portlet = f"{site.base}/web/guest/xay-dung-dang", "101_INSTANCE_Xy12Ab"
    family = Family("liferay", site, base)
    items = []
    for i in range(len(bodies)):
        plain = f"{site.base}/web/guest/xay-dung-dang/-/asset_publisher/Xy12Ab/content/{_slug(i)}"
        thumb = f"{plain}?redirect=%2Fweb%2Fguest%2Fxay-dung-dang&inheritRedirect=true"
        head = f"{plain}?p_p_id={portlet}&p_p_lifecycle=0&_{portlet}_redirect=%2Fweb%2Fguest"
        family.articles.append([plain, thumb, head])
        items.append(f'<div class="asset"><a href="{thumb}"><img src="/i{i}.jpg"></a><h3><a href="{head}">{HEADLINES[i % 6]}</a></h3></div>')
    family.never += [f"{site.base}/web/guest/tag/-/tags/dang-vien"]

    def page(n):
        return base if n == 1 else f"{base}?p_p_id={portlet}&_{portlet}_cur={n}"

    def body(n, chunk, last):
        return (chunk + f'<a href="{family.never[0]}">Đảng viên</a>' + (f'<ul class="pager"><li><a href="{page(n + 1)}">Tiếp</a></li></ul>' if n < last else ""),)

    return _pages(site, family, items, page, body)


def _sharepoint(site: Site, bodies: list[bytes]) -> Family:
    start, never = f"{site.base}/Pages/xay-dung-dang.aspx", [f"{site.base}/Pages/tim-kiem.aspx?k=dang"]

    def page(n):
        return start if n == 1 else f"{start}?Page={n}"

    def body(n, chunk, last):
        return (chunk + f'<a href="{never[0]}">Tìm</a><div class="paging">' + _numbers(page, last) + "</div>",)

    return _one_url_each(
        "sharepoint",
        site,
        len(bodies),
        start,
        never,
        lambda i: f"{site.base}/Pages/chi-tiet-tin-tuc.aspx?ItemID={100 + i}",
        lambda i, url: f'<div class="item"><a href="{url}">{HEADLINES[i % 6]}</a><span>12/03/2024</span></div>',
        page,
        body,
    )


def _wordpress(site: Site, bodies: list[bytes]) -> Family:
    start = f"{site.base}/chuyen-muc/xay-dung-dang/"
    family = Family("wordpress", site, start, never=[f"{site.base}/tag/dang-vien/", f"{site.base}/author/admin/"])
    items = []
    for i in range(len(bodies)):
        url = f"{site.base}/2024/05/{_slug(i)}/"
        family.articles.append([url, f"{url}?utm_source=rss&utm_medium=feed"])
        items.append(f'<article><h2><a href="{url}">{HEADLINES[i % 6]}</a></h2><a href="{family.never[0]}">Đảng viên</a> <a href="{family.never[1]}">admin</a></article>')
    feed = "".join(f"<item><title>t</title><link>{v[1]}</link></item>" for v in family.articles)
    site.routes["/chuyen-muc/xay-dung-dang/feed/"] = (200, {"Content-Type": "application/rss+xml"}, f"<rss version='2.0'><channel>{feed}</channel></rss>".encode())

    def page(n):
        return start if n == 1 else f"{start}page/{n}/"

    feeds = '<link rel="alternate" type="application/rss+xml" href="/chuyen-muc/xay-dung-dang/feed/"><link rel="alternate" type="application/rss+xml" href="/feed/">'

    def head(n, last):
        return feeds + (f'<link rel="next" href="{page(n + 1)}">' if n < last else "")

    def body(n, chunk, last):
        return (chunk, head(n, last))

    return _pages(site, family, items, page, body)


def _table(site: Site, bodies: list[bytes]) -> Family:
    start, never = f"{site.base}/tintuc/danhsach.asp?loai=3", []

    def page(n):
        return start if n == 1 else f"{start}&cur={n}"

    def body(n, chunk, last):
        return (f"<table>{chunk}</table><p>Trang: " + _numbers(page, last) + "</p>",)

    return _one_url_each(
        "table",
        site,
        len(bodies),
        start,
        never,
        lambda i: f"{site.base}/tintuc/xem.asp?ma={500 + i}",
        lambda i, url: f'<tr><td>{i + 1}</td><td><a href="{url}">{HEADLINES[i % 6]}</a></td><td>12/03/2024</td></tr>',
        page,
        body,
    )


def _newspaper_month(site: Site, bodies: list[bytes]) -> Family:
    start, never = f"{site.base}/xay-dung-dang/", [f"{site.base}/tu-khoa/dai-hoi-dang.html"]

    def page(n):
        return start if n == 1 else f"{site.base}/xay-dung-dang/trang-{n}.html"

    more = f'<aside>Tin liên quan <a href="{never[0]}">Đại hội Đảng</a> <a href="{start}">Xem thêm</a></aside>'

    def body(n, chunk, last):
        return (chunk + more + (f'<a href="{page(n + 1)}">Trang sau</a>' if n < last else ""),)

    return _one_url_each(
        "newspaper_month",
        site,
        len(bodies),
        start,
        never,
        lambda i: f"{site.base}/xay-dung-dang/202403/{_slug(i)}-{0x3A7F2E0 + i:X}/",
        lambda i, url: f'<div class="story"><a href="{url}"><img src="/a{i}.jpg"></a><a class="title" href="{url}">{HEADLINES[i % 6]}</a></div>',
        page,
        body,
    )


def _newspaper_id(site: Site, bodies: list[bytes]) -> Family:
    start, never = f"{site.base}/chinh-tri/", [f"{site.base}/chinh-tri/xay-dung-dang-tag1234.html"]

    def page(n):
        return start if n == 1 else f"{start}?p={n}&d=2024-03-12"

    def body(n, chunk, last):
        return (f"<ul>{chunk}</ul><a href='{never[0]}'>Xây dựng Đảng</a>" + (f'<span>{n}</span><a href="{page(n + 1)}">›</a>' if n < last else ""),)

    return _one_url_each(
        "newspaper_id",
        site,
        len(bodies),
        start,
        never,
        lambda i: f"{site.base}/chinh-tri/{_slug(i)}/{99650 + i}.htm",
        lambda i, url: f'<li><a href="{url}">{HEADLINES[i % 6]}</a></li>',
        page,
        body,
    )


_BUILDERS = {
    "liferay": _liferay,
    "sharepoint": _sharepoint,
    "wordpress": _wordpress,
    "table": _table,
    "newspaper_month": _newspaper_month,
    "newspaper_id": _newspaper_id,
}
FAMILIES = tuple(_BUILDERS)
