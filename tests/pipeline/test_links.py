"""Link verdicts without configuration: URL shapes of many hosts (corpus/links/verdicts.tsv), anchors, page structure, folding."""

from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from pipeline.crawl.fold import fold_url
from pipeline.crawl.links import ARTICLE, LISTING, OTHER, classify_links, page_base
from pipeline.crawl.paging import feed_links, next_listing_page, page_number

TABLE = Path(__file__).resolve().parents[2] / "corpus/links/verdicts.tsv"
ROWS = [line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def verdict(url: str, anchor: str) -> str:
    """The verdict of one link alone on a page of its own site."""
    page = f'<html><body><a href="{html.escape(url)}">{html.escape(anchor)}</a></body></html>'
    base = "https://baothainguyen.vn/" if "facebook" in url else f"{urlsplit(url).scheme}://{urlsplit(url).netloc}/"
    return classify_links(page, base)[0].kind


@pytest.mark.parametrize("url,anchor,kind", ROWS, ids=[row[0][:70] for row in ROWS])
def test_a_link_alone_gets_the_verdict_of_its_url_shape_and_anchor(url, anchor, kind):
    assert verdict(url, anchor) == kind


def test_the_table_covers_many_hosts_and_all_three_verdicts():
    assert len({urlsplit(url).netloc for url, _, _ in ROWS}) >= 25
    assert {kind for _, _, kind in ROWS} == {ARTICLE, LISTING, OTHER}


def test_undecided_shapes_are_articles_when_they_repeat_behind_headlines_or_a_thumbnail():
    rows = "".join(f'<tr><td><a href="/xem.asp?ma={i}">Hội nghị Ban Chấp hành Đảng bộ tỉnh số {i}</a></td></tr>' for i in range(3))
    thumb = '<a href="/bai/mot"><img src="a.jpg"></a><a href="/bai/mot">Kết nạp đảng viên mới ở các xã vùng cao</a>'
    menu = '<a href="/gioi-thieu/lich-su">Lịch sử</a><a href="/xem.asp?ma=9">Xem</a>'
    links = {link.url: link for link in classify_links(f"<table>{rows}</table>{thumb}{menu}", "http://h.vn/")}
    assert links["http://h.vn/xem.asp?ma=1"].kind == ARTICLE and "main list" in links["http://h.vn/xem.asp?ma=1"].reason
    assert links["http://h.vn/bai/mot"].kind == ARTICLE and "thumbnail" in links["http://h.vn/bai/mot"].reason
    assert links["http://h.vn/xem.asp?ma=9"].kind == OTHER  # same shape, but a short anchor: not in the main list
    assert links["http://h.vn/gioi-thieu/lich-su"].kind == LISTING


def test_pagination_is_found_by_rel_next_page_numbers_and_next_words():
    assert next_listing_page('<link rel="next" href="/tin/page/2/">', "http://h.vn/tin/", "http://h.vn/tin/", None, 2) == "http://h.vn/tin/page/2/"
    numbers = '<a href="/tin/?page=1">1</a><a href="/tin/?page=2">2</a><a href="/tin/?page=3">3</a>'
    assert next_listing_page(numbers, "http://h.vn/tin/?page=2", "http://h.vn/tin/", None, 3) == "http://h.vn/tin/?page=3"
    assert next_listing_page('<a href="/tin/trang-2.html">Trang sau</a>', "http://h.vn/tin/", "http://h.vn/tin/", None, 2) == "http://h.vn/tin/trang-2.html"
    assert next_listing_page('<a href="/tin/x.html">Liên hệ</a>', "http://h.vn/tin/", "http://h.vn/tin/", None, 2) is None
    assert page_number("http://h.vn/w?p_p_id=x&_101_INSTANCE_a_cur=4") == 4


def test_feeds_and_the_base_are_read_from_the_page():
    head = '<base href="http://b.vn/tin/"><link rel="alternate" type="application/rss+xml" href="/rss/tin.rss">'
    assert page_base(head, None) == "http://b.vn/tin/"
    assert page_base('<link rel="canonical" href="http://c.vn/a/">', "http://x.vn/") == "http://c.vn/a/"
    assert feed_links(head, "http://b.vn/tin/") == ["http://b.vn/rss/tin.rss"]


def test_noise_parameters_fold_and_naming_ones_stay():
    liferay = "http://h.vn/-/asset_publisher/X/content/hoi-nghi?p_p_id=101&p_p_lifecycle=0&_101_redirect=%2Fweb&inheritRedirect=true&redirect=%2F"
    assert fold_url(liferay) == "http://h.vn/-/asset_publisher/X/content/hoi-nghi"
    assert fold_url("http://h.vn/tin.aspx;jsessionid=AB12?ItemID=5&utm_source=fb&sort=desc") == "http://h.vn/tin.aspx?ItemID=5"
    assert fold_url("http://h.vn/xem.asp?ma=5&loai=2", learned={"loai"}) == "http://h.vn/xem.asp?ma=5"
