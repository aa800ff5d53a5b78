"""The crawl against a real HTTP server on 127.0.0.1: every fault counted, politeness kept, state across runs."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from pipeline.crawl.crawl import crawl_sites, format_summary, load_sources, reprocess
from pipeline.crawl.demo_site import Site, build_site, serve, stop
from pipeline.crawl.discover import canonical_url, feed_items, listing_links, sitemap_items
from pipeline.crawl.state import DONE, crawl_urls, summaries
from pipeline.store import articles, facts, open_store
from pipeline.store.search import search

from .crawl_fixtures import FETCH_OPTIONS, family_pages, fault_site, pages, sources_toml

FAULTS = {
    "robots_disallowed": 1,  # /private/ is never requested
    "timeout": 1,  # the slow page, after its retries
    "retry_timeout": 3,
    "retry_http_500": 1,  # 500 then 200: stored
    "retry_http_429": 1,  # 429 with Retry-After then 200: stored
    "http_404": 1,
    "too_many_redirects": 1,  # the loop
    "off_host": 1,  # the redirect off the host
    "off_host_link": 1,  # the listed link off the host
    "too_large": 2,  # the oversized page and the gzip bomb
}
NOT_FETCHED = ("/private/bai-mat-90.html", "/tin/cu-103.html")  # robots.txt; the feed item older than --since


@pytest.fixture
def site():
    """A fresh fault site per test: its flaky pages fail once, then answer."""
    served = fault_site()
    yield served
    stop(served)


def test_canonical_url_keeps_article_parameters_and_drops_tracking():
    assert canonical_url("HTTP://Tinhuy.VN:80/a/../Pages/tin.aspx?newsid=5678&utm_source=fb#top") == "http://tinhuy.vn/Pages/tin.aspx?newsid=5678"
    assert canonical_url("https://b.vn/x.aspx?ItemID=2&CatID=1") == "https://b.vn/x.aspx?CatID=1&ItemID=2"


def test_discovery_parses_listings_feeds_and_sitemaps():
    html = '<a href="/xa-12.html?utm_medium=x">a</a><a href="/lien-he.html">b</a><a href="tin.aspx?newsid=7">c</a>'
    assert listing_links(html, "http://h.vn/tin/", r"-\d+\.html$|newsid=\d+") == ["http://h.vn/xa-12.html", "http://h.vn/tin/tin.aspx?newsid=7"]
    atom = b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="http://h.vn/b-1.html"/><updated>2025-02-03T04:05:06Z</updated></entry></feed>'
    assert feed_items(atom, "http://h.vn/") == [("http://h.vn/b-1.html", datetime(2025, 2, 3, 4, 5, 6))]
    index = b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/s1.xml</loc></sitemap></sitemapindex>'
    assert sitemap_items(index, "http://h.vn/") == ([], ["http://h.vn/s1.xml"])


def _stored(db: str) -> tuple[set, list]:
    """The article ids and the facts (id, type, label) a database holds."""
    engine = open_store(db)
    with engine.connect() as conn:
        ids = set(conn.execute(select(articles.c.article_id)).scalars())
        found = sorted(conn.execute(select(facts.c.fact_id, facts.c.type, facts.c.label)).all())
    engine.dispose()
    return ids, found


def test_nightly_flow_counts_every_fault_and_a_second_run_fetches_no_article(site, tmp_path, db_url):
    from prefect.testing.utilities import prefect_test_harness

    from flows import backfill, nightly

    sources = tmp_path / "sources.toml"
    sources.write_text(sources_toml(site), encoding="utf-8")
    db, archive = db_url, tmp_path / "archive"
    site.hits.clear()
    options = {"sources_file": str(sources), "db": db, "archive_dir": str(archive), "since": datetime(2020, 1, 1), "fetch_options": FETCH_OPTIONS}
    with prefect_test_harness():
        first = nightly(**options)
        hits = dict(site.hits)
        second = nightly(**options)
        back = backfill(**options, max_pages=3)

    assert {kind: first.errors[kind] for kind in FAULTS} == FAULTS
    assert first.new_articles == 8  # four listed, 500-then-200, 429-then-200, the redirect chain's end, the windows-1258 page
    assert not first.failed_sites and set(first.facts) == {"official", "document", "count", "percentage"}
    assert all(path not in hits for path in NOT_FETCHED)
    engine = open_store(db)
    with engine.connect() as conn:
        body = conn.execute(select(articles.c.text).where(articles.c.url.like("%cp1258-99.html"))).scalar_one()
        assert "Đảng" in body and "Ninh Bình" in body
    stored = [s for s in summaries(engine, first.run_id) if s["site"] == "*"]
    assert stored[0]["new_articles"] == 8 and stored[0]["errors"]["too_large"] == 2

    again = {path: n - hits.get(path, 0) for path, n in site.hits.items() if n > hits.get(path, 0)}
    articles_again = {path for path in again if path.endswith(".html")}
    assert articles_again == {"/tin/cham-91.html"}  # only the transient failure is tried again
    assert "/tin/?page=2" not in again  # the listing answered 304: nothing new below it
    assert second.new_articles == 0 and not second.facts
    assert back.new_articles == 0 and len(list(archive.glob("*.warc.gz"))) == 3


def test_reprocess_rebuilds_the_store_from_the_archive_without_the_network(site, tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text(sources_toml(site), encoding="utf-8")
    crawled, rebuilt, archive = str(tmp_path / "a.db"), str(tmp_path / "b.db"), tmp_path / "archive"
    crawl_sites(load_sources(sources), crawled, archive, since=datetime(2020, 1, 1), **FETCH_OPTIONS)
    result = reprocess(archive, rebuilt, None, load_sources(sources))
    assert result["changed"] == 8
    assert _stored(crawled)[0] == _stored(rebuilt)[0]
    assert reprocess(archive, rebuilt, datetime(2999, 1, 1))["articles"] == 0


def test_a_site_failing_every_request_is_reported_and_the_others_go_on(site, tmp_path):
    dead = serve({})
    dead_base = dead.base
    stop(dead)  # nothing listens there any more: every request is refused
    sources = tmp_path / "sources.toml"
    sources.write_text(
        sources_toml(site, "good").replace("/tin/", "/tin/?page=2", 1)
        + f'\n[[source]]\nname = "dead"\nstart_urls = ["{dead_base}/tin/"]\narticle_pattern = "-\\\\d+\\\\.html$"\ndelay = 0.0\n',
        encoding="utf-8",
    )
    summary = crawl_sites(load_sources(sources, ["good", "dead"]), str(tmp_path / "c.db"), tmp_path / "archive", **{**FETCH_OPTIONS, "retries": 0})
    assert summary.failed_sites == ["dead"]
    assert summary.sites["good"].new_articles > 0 and summary.sites["dead"].errors["refused"] >= 1
    dead_line = next(line for line in format_summary(summary).splitlines() if line.startswith("dead "))
    assert f"refused connection 1 ({dead_base.removeprefix('http://')})" in dead_line and "FAILED" in dead_line


def _papers(pages: list[list[bytes]], tmp_path: Path) -> tuple[list[Site], Path]:
    """Serve a paper per list of pages (`paper0`, `paper1`, ...) and write their sources file; the sites and the file."""
    papers, toml = [], ""
    for number, articles_ in enumerate(pages):
        paper = serve({})
        paper.routes.update(build_site(paper.base, articles_))
        papers.append(paper)
        toml += f'[[source]]\nname = "paper{number}"\nstart_urls = ["{paper.base}/xay-dung-dang/"]\narticle_pattern = "-\\\\d+\\\\.html$"\ndelay = 0.0\n'
    sources = tmp_path / "sources.toml"
    sources.write_text(toml, encoding="utf-8")
    return papers, sources


def test_one_story_republished_by_two_papers_is_stored_per_site_linked_and_counted_once(tmp_path, db_url):
    story = pages("sharepoint/dienbien_seed001", "sharepoint/lamdong_dev11", "sharepoint/ninhbinh_dev13")
    papers, sources = _papers([story, story], tmp_path)
    summary = crawl_sites(load_sources(sources), db_url, tmp_path / "archive")
    for paper in papers:
        stop(paper)
    assert summary.new_articles == 6
    engine = open_store(db_url)
    with engine.connect() as conn:
        rows = conn.execute(select(crawl_urls.c.site, crawl_urls.c.story).where(crawl_urls.c.status == DONE)).all()
        linked = dict(conn.execute(select(articles.c.article_id, articles.c.story)).all())
    stories: dict[str, set] = {}
    for site, story in rows:
        stories.setdefault(story, set()).add(site)
    assert len(stories) == 3 and all(sites == {"paper0", "paper1"} for sites in stories.values())
    assert set(linked.values()) == set(stories)

    # searches and the directory count each story once; --copies shows both papers
    once, every = search(engine, kind="official", limit=500), search(engine, kind="official", limit=500, copies=True)
    assert len(every) == 2 * len(once) > 0 and {hit["story"] for hit in once} <= set(stories)
    with engine.connect() as conn:
        counts = conn.execute(text("SELECT articles, stories FROM official_directory")).all()
    assert counts and all(n == 2 * m for n, m in counts)
    # reprocessing the archive keeps the links
    reprocess(tmp_path / "archive", db_url, None, load_sources(sources))
    with engine.connect() as conn:
        assert dict(conn.execute(select(articles.c.article_id, articles.c.story)).all()) == linked


def test_a_backfill_walks_the_listings_back_to_since_and_no_further(tmp_path):
    from pipeline.clean import clean_html
    from pipeline.text.read import decode

    dated = sorted(family_pages(), key=lambda body: clean_html(decode(body, "page"), "page").published or "", reverse=True)
    paper = serve({})
    paper.routes.update(build_site(paper.base, dated, per_page=4))  # six listing pages, newest first
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'[[source]]\nname = "paper"\nstart_urls = ["{paper.base}/xay-dung-dang/"]\narticle_pattern = "-\\\\d+\\\\.html$"\nnext_page = "a.next"\ndelay = 0.0\n', encoding="utf-8"
    )
    backfill = [dataclasses.replace(s, max_pages=50) for s in load_sources(sources)]
    summary = crawl_sites(backfill, str(tmp_path / "b.db"), tmp_path / "archive", since=datetime(2024, 1, 1), walk_back=True)
    stop(paper)
    fetched = {path for path in paper.hits if path.endswith(".html")}
    listings = {path for path in paper.hits if "?page=" in path}
    # page 3 still holds January 2024; page 4 is all 2023 and older, so the walk ends there
    assert listings == {"/xay-dung-dang/?page=2", "/xay-dung-dang/?page=3", "/xay-dung-dang/?page=4"}
    assert fetched == {f"/xay-dung-dang/bai-viet-{i}.html" for i in range(1, 17)} and summary.new_articles == 16


def test_on_the_dask_task_runner_the_nightly_flow_crawls_a_site_per_worker_process(tmp_path):
    from prefect.testing.utilities import prefect_test_harness
    from prefect_dask import DaskTaskRunner

    from flows import nightly

    served = family_pages()
    papers, sources = _papers([served[0:3], served[3:6]], tmp_path)
    runner = DaskTaskRunner(cluster_kwargs={"processes": True, "n_workers": 2, "threads_per_worker": 1, "dashboard_address": None})
    options = {"sources_file": str(sources), "db": str(tmp_path / "dask.db"), "archive_dir": str(tmp_path / "archive")}
    with prefect_test_harness():
        first = nightly.with_options(task_runner=runner)(**options)
        second = nightly.with_options(task_runner=runner)(**options)
    for paper in papers:
        stop(paper)
    assert first.new_articles == 6 and not first.failed_sites and second.new_articles == 0
    assert sorted(p.name.rsplit("-", 1)[-1] for p in (tmp_path / "archive").glob("*.warc.gz")) == ["paper0.warc.gz"] * 2 + ["paper1.warc.gz"] * 2
    assert len(_stored(options["db"])[0]) == 6


def _done(db: str) -> int:
    """Articles committed so far (0 before the schema exists)."""
    try:
        engine = open_store(db)
    except Exception:  # noqa: BLE001 - the killed crawl may not have created it yet
        return 0
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(crawl_urls).where(crawl_urls.c.status == DONE)).scalar_one()
    except Exception:  # noqa: BLE001 - tables not migrated yet
        return 0
    finally:
        engine.dispose()


def test_killing_a_crawl_and_running_it_again_ends_as_an_uninterrupted_run(tmp_path):
    demo = serve({})
    demo.routes.update(build_site(demo.base, family_pages()))
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'[[source]]\nname = "demo"\nstart_urls = ["{demo.base}/xay-dung-dang/"]\narticle_pattern = "-\\\\d+\\\\.html$"\nnext_page = "a.next"\nmax_pages = 10\ndelay = 0.05\n',
        encoding="utf-8",
    )
    whole, killed = str(tmp_path / "whole.db"), str(tmp_path / "killed.db")
    crawl_sites(load_sources(sources), whole, tmp_path / "archive")
    vnfacts = os.path.join(os.path.dirname(sys.executable), "vnfacts")
    command = [vnfacts, "crawl", "--sources", str(sources), "--db", killed, "--archive", str(tmp_path / "archive2")]
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    for _ in range(600):  # bounded wait for a few committed articles
        if _done(killed) >= 3 or process.poll() is not None:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 0 < _done(killed) < 22
    crawl_sites(load_sources(sources), killed, tmp_path / "archive2")
    stop(demo)
    assert _stored(killed) == _stored(whole)
