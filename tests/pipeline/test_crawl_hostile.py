"""The crawl against servers on 127.0.0.1 that misbehave below and around HTTP: every fault counted, every run finished."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from pipeline.crawl.crawl import crawl_sites, format_summary, load_sources, read_sources
from pipeline.crawl.demo_site import build_site, corpus_articles, serve, stop
from pipeline.crawl.state import FAILED, crawl_urls
from pipeline.errors import ConfigError
from pipeline.store import open_store

from .crawl_fixtures import FETCH_OPTIONS, HTML, ROOT
from .raw_server import answer, head, serve_raw, stop_raw, trickle, trickled_headers

FAST = {**FETCH_OPTIONS, "retries": 1, "deadline": 1.0}  # the trickle sends a byte every 0.1 s: each read in time, the whole never
PAGES = corpus_articles(ROOT / "corpus")


def _sources(tmp_path: Path, text: str) -> Path:
    """A sources file as a user writes it."""
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _entry(name: str, base: str, **fields: str) -> str:
    """One [[source]] table on `base` (listing /tin/, article pattern -N.html), with extra fields as written TOML values."""
    values = {"name": f'"{name}"', "start_urls": f'["{base}/tin/"]', "article_pattern": '"-\\\\d+\\\\.html$"', "delay": "0.0", **fields}
    return "[[source]]\n" + "".join(f"{key} = {value}\n" for key, value in values.items()) + "\n"


@pytest.fixture
def raw():
    """A site whose articles break off, are badly chunked or gzipped, or trickle (body or headers); a cut feed; a self-naming sitemap index."""
    site = serve_raw({})
    base = site.base
    listing = "".join(f'<a href="/tin/{name}">x</a>' for name in ("cut-10.html", "chunk-11.html", "gzip-12.html", "trickle-13.html", "good-14.html", "headers-16.html"))
    feed = f"<rss><channel><item><link>{base}/tin/ca</item><item><link>{base}/tin/good-15.html</link></item></channel></rss>"
    index = f"<sitemapindex><sitemap><loc>{base}/sitemap.xml</loc></sitemap><sitemap><loc>{base}/sitemap2.xml</loc></sitemap></sitemapindex>"
    site.routes.update(
        {
            "/tin/": answer(f"<html><body>{listing}</body></html>".encode()),
            "/tin/cut-10.html": head("200 OK", {"Content-Length": "5000", "Connection": "close"}) + PAGES[10][:100],
            "/tin/chunk-11.html": head("200 OK", {"Transfer-Encoding": "chunked", "Connection": "close"}) + b"zz\r\nnot a chunk\r\n0\r\n\r\n",
            "/tin/gzip-12.html": head("200 OK", {"Content-Encoding": "gzip", "Content-Length": "40", "Connection": "close"}) + b"\x1f\x8b" + b"garbage!" * 4 + b"xx",
            "/tin/trickle-13.html": trickle(PAGES[11], 0.1),
            "/tin/headers-16.html": trickled_headers(0.1),  # its headers never end
            "/tin/good-14.html": answer(PAGES[12]),
            "/tin/good-15.html": answer(PAGES[13]),
            "/rss.xml": answer(feed.encode(), "application/rss+xml"),
            "/sitemap.xml": answer(index.encode(), "application/xml"),
            "/sitemap2.xml": answer(index.encode(), "application/xml"),
        }
    )
    yield site
    stop_raw(site)


def test_cut_badly_chunked_badly_gzipped_and_trickling_bodies_are_counted_and_every_run_finishes(raw, tmp_path):
    sources = _sources(tmp_path, _entry("raw", raw.base, feeds=f'["{raw.base}/rss.xml"]', sitemaps=f'["{raw.base}/sitemap.xml"]'))
    db = str(tmp_path / "raw.db")
    first = crawl_sites(load_sources(sources), db, tmp_path / "archive", **FAST)
    hits = dict(raw.hits)
    second = crawl_sites(load_sources(sources), db, tmp_path / "archive", **FAST)

    assert first.errors["broken_body"] == 3 and first.errors["deadline"] == 2  # cut, bad chunking, bad gzip; the two trickles
    assert first.new_articles == 2 and not first.failed_sites  # good-14 from the listing, good-15 from the cut feed
    assert "/tin/ca" not in hits and first.errors["broken_feed_item"] == 1  # the cut link is never fetched
    assert hits["/sitemap.xml"] == 1 and hits["/sitemap2.xml"] == 1  # the index naming itself is read once
    assert hits["/tin/trickle-13.html"] == hits["/tin/headers-16.html"] == 1  # a response over the deadline is not retried within the run
    assert "body cut off or malformed" in format_summary(first) and "over the overall deadline" in format_summary(first)
    engine = open_store(db)
    with engine.connect() as conn:
        failed = dict(conn.execute(select(crawl_urls.c.url, crawl_urls.c.attempts).where(crawl_urls.c.status == FAILED)).all())
    engine.dispose()
    assert {url.rsplit("/", 1)[1] for url in failed} == {"cut-10.html", "chunk-11.html", "gzip-12.html", "trickle-13.html", "headers-16.html"}
    assert second.errors["broken_body"] == 3 and second.errors["deadline"] == 2 and second.new_articles == 0  # tried again, finished again


def _robots_site(robots: dict) -> object:
    """A paper with two listed articles and a listed /private/ one, and the given robots.txt routes."""
    site = serve({})
    site.routes.update(build_site(site.base, PAGES[10:12], section="/tin/"))
    listing = site.routes["/tin/"][2].replace(b"</ul>", b'</ul><a href="/private/bai-mat-90.html">x</a>')
    site.routes["/tin/"] = (200, HTML, listing)
    site.routes["/private/bai-mat-90.html"] = (200, HTML, PAGES[4])
    del site.routes["/robots.txt"]
    site.routes.update(robots)
    return site


ROBOTS = b"User-agent: *\nDisallow: /private/\n"
BIG = ROBOTS + b"# padding\n" * 120_000 + b"Disallow: /tin/\n"  # 1.2 MB: the last rule lies beyond the first 500 KiB


def _hops(n: int) -> dict:
    """robots.txt reached after `n` redirects."""
    routes = {"/robots.txt": (302, {"Location": "/r1"}, b"")}
    routes.update({f"/r{i}": (302, {"Location": f"/r{i + 1}"}, b"") for i in range(1, n)})
    routes[f"/r{n}"] = (200, {"Content-Type": "text/plain"}, ROBOTS)
    return routes


@pytest.mark.parametrize(
    ("robots", "articles", "private"),
    [
        ({"/robots.txt": (503, {}, b"busy")}, 0, False),  # 5xx: disallow all for the run
        ({"/robots.txt": (404, {}, b"none")}, 3, True),  # 4xx: allow all
        ({"/robots.txt": (200, {"Content-Type": "text/plain"}, BIG)}, 2, False),  # only the first 500 KiB are read
        (_hops(3), 2, False),  # up to five redirects are followed
        (_hops(6), 3, True),  # more than five: as if there were none
    ],
    ids=["5xx", "4xx", "too-large", "3-redirects", "6-redirects"],
)
def test_robots_txt_is_read_as_rfc_9309_says(robots, articles, private, tmp_path):
    site = _robots_site(robots)
    sources = _sources(tmp_path, _entry("paper", site.base))
    db = str(tmp_path / "robots.db")
    first = crawl_sites(load_sources(sources), db, tmp_path / "archive", **FETCH_OPTIONS)
    second = crawl_sites(load_sources(sources), db, tmp_path / "archive", **FETCH_OPTIONS)
    stop(site)
    assert first.new_articles == articles and ("/private/bai-mat-90.html" in site.hits) == private
    if articles == 0:
        assert first.failed_sites == ["paper"] and first.errors["robots_unavailable"] >= 1 and set(site.hits) == {"/robots.txt"}
        assert "robots.txt answered 5xx" in format_summary(first) and second.failed_sites == ["paper"]  # tried again next run, still closed


BAD_ENTRIES = {
    "regex": {"article_pattern": '"-(\\\\d+.html"'},
    "count": {"max_pages": '"many"'},
    "selector": {"next_page": '"a[href"'},
    "template": {"next_page": '"?page={page}"'},
}


def test_bad_sources_entries_are_reported_all_at_once_and_skipped_while_the_good_one_runs(tmp_path):
    site = _robots_site({"/robots.txt": (404, {}, b"")})
    text = _entry("good", site.base) + "".join(_entry(name, site.base, **fields) for name, fields in BAD_ENTRIES.items())
    sources = _sources(tmp_path, text)
    good, bad = read_sources(sources)
    assert [s.name for s in good] == ["good"] and set(bad) == set(BAD_ENTRIES)
    with pytest.raises(ConfigError) as refused:
        load_sources(sources)
    assert len(str(refused.value).splitlines()) == 4

    vnfacts = os.path.join(os.path.dirname(sys.executable), "vnfacts")
    run = subprocess.run(
        [vnfacts, "crawl", "--sources", str(sources), "--db", str(tmp_path / "v.db"), "--archive", str(tmp_path / "a"), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    stop(site)
    assert run.returncode == 0, run.stderr
    errors = [line for line in run.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [
        f"Error: {sources}: source regex: article_pattern: invalid regular expression: missing ), unterminated subpattern at position 1",
        f"Error: {sources}: source count: max_pages: must be int, not 'many'",
        f"Error: {sources}: source selector: next_page: invalid CSS selector: Malformed attribute selector at position 1",
        f"Error: {sources}: source template: next_page: bad page template (only {{n}} may stand in braces): 'page'",
    ]
    assert "Traceback" not in run.stderr
    summary = json.loads(run.stdout)
    assert summary["sites"]["good"]["new_articles"] == 3 and sorted(summary["failed_sites"]) == sorted(BAD_ENTRIES)
    assert summary["sites"]["count"]["problems"] == ["max_pages: must be int, not 'many'"]
    assert set(summary) == {"pages_fetched", "new_articles", "facts", "errors", "hosts", "seconds", "failed", "failed_sites", "sites", "run_id", "archive", "health"}


def test_the_nightly_flow_logs_each_bad_entry_and_runs_the_good_ones(tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId
    from prefect.logging.handlers import APILogHandler
    from prefect.testing.utilities import prefect_test_harness

    from flows import nightly

    site = _robots_site({"/robots.txt": (404, {}, b"")})
    sources = _sources(tmp_path, _entry("good", site.base) + _entry("count", site.base, max_pages='"many"'))
    with prefect_test_harness():
        state = nightly(sources_file=str(sources), db=str(tmp_path / "n.db"), archive_dir=str(tmp_path / "a"), fetch_options=FETCH_OPTIONS, return_state=True)
        APILogHandler().flush()  # the logs reach the API in batches: send what is queued
        with get_client(sync_client=True) as client:
            logs = client.read_logs(LogFilter(flow_run_id=LogFilterFlowRunId(any_=[state.state_details.flow_run_id])))
    stop(site)
    summary = state.result()
    assert summary.sites["good"].new_articles == 3 and summary.failed_sites == ["count"]
    assert [log.message for log in logs if log.level >= 40] == [f"{sources}: source count: max_pages: must be int, not 'many'"]


def test_a_gzip_answer_cut_mid_stream_is_a_counted_failure(tmp_path):
    packed = gzip.compress(PAGES[12])
    site = serve_raw(
        {
            "/tin/": answer(b'<a href="/tin/half-1.html">x</a>'),
            "/tin/half-1.html": head("200 OK", {"Content-Encoding": "gzip", "Content-Length": str(len(packed)), "Connection": "close"}) + packed[: len(packed) // 2],
        }
    )
    sources = _sources(tmp_path, _entry("half", site.base))
    summary = crawl_sites(load_sources(sources), str(tmp_path / "h.db"), tmp_path / "archive", **FAST)
    stop_raw(site)
    assert summary.errors["broken_body"] == 1 and summary.new_articles == 0
