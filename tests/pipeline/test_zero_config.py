"""Zero-configuration crawls of six CMS families on 127.0.0.1, configured with only name, province and start URL."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from pipeline.crawl.crawl import crawl_sites, load_sources
from pipeline.crawl.demo_site import corpus_articles, stop
from pipeline.crawl.discover import canonical_url
from pipeline.store import articles, open_store

from .cms_sites import FAMILIES, _path, build
from .crawl_fixtures import FETCH_OPTIONS, ROOT

COUNTS = {"liferay": 5, "sharepoint": 5, "wordpress": 4, "table": 6, "newspaper_month": 5, "newspaper_id": 5}


@pytest.fixture(scope="module")
def families():
    """The six families served, each with its own articles out of corpus/html."""
    bodies = corpus_articles(ROOT / "corpus")
    served, offset = [], 0
    for name in FAMILIES:
        served.append(build(name, [bodies[(offset + i) % len(bodies)] for i in range(COUNTS[name])]))
        offset += COUNTS[name]
    yield served
    for family in served:
        stop(family.site)


def _sources(families, tmp_path):
    """A sources.toml with only name, province and one start URL per site (delay 0 only to keep the test quick)."""
    entries = "".join(f'[[source]]\nname = "{f.name}"\nprovince = "Thái Nguyên"\nstart_urls = ["{f.start}"]\n\n' for f in families)
    path = tmp_path / "sources.toml"
    path.write_text(entries, encoding="utf-8")
    return [dataclasses.replace(s, delay=0.0) for s in load_sources(path)]


def _hits(family, variants: list[str]) -> int:
    """Requests to any form of an article's URL (as listed, and canonical)."""
    return sum(family.site.hits[path] for path in {_path(u) for u in variants} | {_path(canonical_url(u)) for u in variants})


def _article_hits(family) -> int:
    """Requests to any form of any of the family's articles."""
    return sum(_hits(family, variants) for variants in family.articles)


def test_each_cms_family_is_crawled_without_patterns_once_per_article_and_not_again(families, tmp_path):
    sources = _sources(families, tmp_path)
    assert all(not s.article_pattern and not s.next_page and not s.feeds for s in sources)
    db = str(tmp_path / "v.db")
    first = crawl_sites(sources, db, tmp_path / "archive", **FETCH_OPTIONS)

    engine = open_store(db)
    with engine.connect() as conn:
        stored = set(conn.execute(select(articles.c.url)).scalars())
    for family in families:
        wanted = {canonical_url(variants[0]) for variants in family.articles}
        mine = {url for url in stored if url.startswith(family.site.base)}
        assert mine == wanted, family.name  # every article once; no listing, tag or section page
        for variants in family.articles:
            assert _hits(family, variants) == 1, (family.name, variants[0])
        assert not any(family.site.hits[_path(url)] for url in family.never), family.name
    assert first.new_articles == sum(COUNTS.values())
    wordpress = next(f for f in families if f.name == "wordpress")
    assert wordpress.site.hits["/chuyen-muc/xay-dung-dang/feed/"] == 1 and not wordpress.site.hits["/feed/"]  # the section's feed, not the site's

    before = {f.name: _article_hits(f) for f in families}
    second = crawl_sites(sources, db, tmp_path / "archive", **FETCH_OPTIONS)
    assert {f.name: _article_hits(f) for f in families} == before
    assert second.new_articles == 0
