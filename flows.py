"""Prefect flows of the crawl: `nightly` (discover → fetch → archive → clean → extract → store) and `backfill`.

The tasks wrap the plain functions of `pipeline.crawl`: fetching and discovery retry, parsing
and storing do not (a page that does not parse will not parse on a second try). Sites run in
parallel on a thread pool; within a site fetches are chained, one connection per host. Given
a task runner that sends tasks to other processes or machines (prefect-dask's DaskTaskRunner),
a run is a task per site instead, each with its own store connection, fetcher and WARC file.

    python flows.py serve        # serve `nightly` on cron 02:00 Asia/Ho_Chi_Minh until stopped
    python flows.py run          # one nightly run now
    python flows.py demo         # one nightly run against a demo site on 127.0.0.1 built from corpus/
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")  # nothing leaves the machine

from prefect import flow, task
from prefect.context import FlowRunContext
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture
from prefect.schedules import Cron
from prefect.task_runners import ThreadPoolTaskRunner

from pipeline import settings
from pipeline.crawl.crawl import (
    Crawl,
    Source,
    close_crawl,
    close_run,
    crawl_site_alone,
    discover_site,
    fetch_article,
    finish_site,
    format_summary,
    load_sources,
    new_summary,
    open_crawl,
    parse_fetched,
    store_article,
)
from pipeline.crawl.fetch import Fetched
from pipeline.store import open_store, start_run

ROOT = Path(__file__).resolve().parent


@task(retries=2, retry_delay_seconds=[5, 30], cache_policy=NO_CACHE)
def discover(crawl: Crawl, source: Source, summary: dict[str, Any]) -> list[str]:
    """Queue a site's new article URLs; the ones to fetch."""
    return discover_site(crawl, source, summary)


@task(retries=2, retry_delay_seconds=[5, 30], cache_policy=NO_CACHE)
def fetch(crawl: Crawl, source: Source, url: str, summary: dict[str, Any]) -> Fetched | None:
    """Fetch and archive one article (None when it failed; the failure is recorded)."""
    return fetch_article(crawl, source, url, summary)


@task(cache_policy=NO_CACHE)
def parse(crawl: Crawl, source: Source, url: str, fetched: Fetched | None) -> dict[str, Any] | None:
    """Clean and extract one fetched article."""
    return None if fetched is None else parse_fetched(crawl, source, url, fetched)


@task(cache_policy=NO_CACHE)
def store(crawl: Crawl, source: Source, url: str, record: dict[str, Any] | None, summary: dict[str, Any]) -> None:
    """Store the article with its facts and mark its URL done, in one transaction."""
    if record is not None:
        store_article(crawl, source, url, record, summary)


def _crawl(crawl: Crawl, sources: list[Source]) -> dict[str, Any]:
    """Run every site's tasks: discovery for all at once, then each site's fetches chained and parsed as they come."""
    started = time.monotonic()
    summaries = {source.name: new_summary() for source in sources}
    found = {source.name: discover.submit(crawl, source, summaries[source.name]) for source in sources}
    stored: list[PrefectFuture] = []
    chains: dict[str, PrefectFuture | None] = {source.name: None for source in sources}
    for source in sources:
        summary = summaries[source.name]
        try:
            urls = found[source.name].result()
        except Exception as exc:
            summary["errors"][type(exc).__name__] += 1
            continue
        for url in urls:
            previous = chains[source.name]
            fetched = fetch.submit(crawl, source, url, summary, wait_for=[previous] if previous else [])
            chains[source.name] = store.submit(crawl, source, url, parse.submit(crawl, source, url, fetched), summary)
            stored.append(chains[source.name])
    for future in stored:
        future.wait()
    for source in sources:
        finish_site(crawl, source, summaries[source.name], started)
    summary = close_crawl(crawl, summaries, started)
    print(format_summary(summary))
    return summary


@task(retries=1, retry_delay_seconds=60, cache_policy=NO_CACHE)
def crawl_one_site(source: Source, db: str | None, archive_dir: str, run_id: int, options: dict[str, Any]) -> dict[str, Any]:
    """Crawl one whole site wherever the task runner sends it (a Dask worker): a task per site keeps one connection per host."""
    return crawl_site_alone(source, db, archive_dir, run_id, **options)


def _spread() -> bool:
    """Whether the flow's task runner sends tasks to other processes (Dask), where a run's shared fetcher and archive cannot follow."""
    context = FlowRunContext.get()
    return context is not None and not isinstance(context.task_runner, ThreadPoolTaskRunner)


def _crawl_spread(sources: list[Source], db: str | None, archive_dir: str, options: dict[str, Any]) -> dict[str, Any]:
    """A run with a task per site, each opening its own store connection, fetcher and WARC file (`crawl-<run>-<time>-<site>.warc.gz`)."""
    started = time.monotonic()
    engine = open_store(db, create=True)
    run_id = start_run(engine, "crawl")
    futures = {source.name: crawl_one_site.submit(source, db, archive_dir, run_id, options) for source in sources}
    summaries = {}
    for name, future in futures.items():
        try:
            summaries[name] = future.result()
        except Exception as exc:
            summaries[name] = new_summary()
            summaries[name]["errors"][type(exc).__name__] += 1
            summaries[name]["failed"] = True
    summary = close_run(engine, run_id, summaries, started)
    print(format_summary(summary))
    return summary


@flow(name="nightly", task_runner=ThreadPoolTaskRunner(max_workers=settings.CRAWL_PARALLEL_HOSTS * 2), log_prints=True)
def nightly(
    sources_file: str = "sources.toml",
    db: str | None = None,
    archive_dir: str = "data/archive",
    since: datetime | None = None,
    max_articles: int | None = None,
    only: list[str] | None = None,
    fetch_options: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Crawl every configured site once: the new articles since the last run, archived, extracted and stored."""
    sources = load_sources(sources_file, only or ())
    if _spread():
        return _crawl_spread(sources, db, archive_dir, {"since": since, "max_articles": max_articles, **(fetch_options or {})})
    crawl = open_crawl(sources, db, archive_dir, since, max_articles, **(fetch_options or {}))
    return _crawl(crawl, sources)


@flow(name="backfill", task_runner=ThreadPoolTaskRunner(max_workers=settings.CRAWL_PARALLEL_HOSTS * 2), log_prints=True)
def backfill(
    since: datetime,
    sources_file: str = "sources.toml",
    db: str | None = None,
    archive_dir: str = "data/archive",
    only: list[str] | None = None,
    max_pages: int = settings.CRAWL_BACKFILL_PAGES,
    fetch_options: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Walk each site's listings back to `since` (no stop on already-seen links), and feed and sitemap items as far.

    Each listing page's articles are stored as the page is read, and the walk stops at the first
    page whose dated articles are all older than `since` (or after `max_pages`).
    """
    sources = [dataclasses.replace(s, max_pages=max_pages) for s in load_sources(sources_file, only or ())]
    if _spread():
        return _crawl_spread(sources, db, archive_dir, {"since": since, "walk_back": True, **(fetch_options or {})})
    crawl = open_crawl(sources, db, archive_dir, since, None, walk_back=True, **(fetch_options or {}))
    return _crawl(crawl, sources)


def serve_nightly(cron: str = "0 2 * * *", timezone: str = "Asia/Ho_Chi_Minh", **parameters: Any) -> None:
    """Serve `nightly` on a cron schedule until stopped; stopping does not pause the schedule."""
    nightly.serve(name="nightly", schedules=[Cron(cron, timezone=timezone)], parameters=parameters, pause_on_shutdown=False)


def demo(db: str, archive_dir: str) -> dict[str, Any]:
    """One `nightly` run against a demo paper served on 127.0.0.1 from corpus/ (listing pages, pagination, a feed, articles)."""
    from pipeline.crawl.demo_site import build_site, corpus_articles, serve, stop

    site = serve({})
    site.routes.update(build_site(site.base, corpus_articles(ROOT / "corpus")))
    with tempfile.TemporaryDirectory() as tmp:
        sources = Path(tmp) / "sources.toml"
        sources.write_text(
            f'[[source]]\nname = "demo"\nstart_urls = ["{site.base}/xay-dung-dang/"]\n'
            f'article_pattern = "-\\\\d+\\\\.html$"\nfeeds = ["{site.base}/rss.xml"]\nnext_page = "a.next"\nmax_pages = 10\ndelay = 0.05\n',
            encoding="utf-8",
        )
        try:
            return nightly(sources_file=str(sources), db=db, archive_dir=archive_dir)
        finally:
            stop(site)


def main() -> None:
    """`python flows.py serve|run|demo`."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["serve", "run", "demo"])
    parser.add_argument("--sources", default="sources.toml")
    parser.add_argument("--db", default=None)
    parser.add_argument("--archive", default="data/archive")
    parser.add_argument("--cron", default="0 2 * * *")
    parser.add_argument("--timezone", default="Asia/Ho_Chi_Minh")
    args = parser.parse_args()
    if args.command == "serve":
        serve_nightly(args.cron, args.timezone, sources_file=args.sources, db=args.db, archive_dir=args.archive)
    elif args.command == "run":
        nightly(sources_file=args.sources, db=args.db, archive_dir=args.archive)
    else:
        demo(args.db or "out/demo.db", args.archive)


if __name__ == "__main__":
    main()
