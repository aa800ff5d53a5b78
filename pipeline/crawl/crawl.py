"""The crawl as plain functions: discover a site's new articles, fetch, archive, clean, extract and store them.

`crawl_sites` runs every configured site (hosts in parallel, one connection each); each site
is `discover_site` then, per article, `fetch_article` → `parse_article` → `store_article`.
`pipeline/flows.py` runs `crawl_site` (or `crawl_site_alone`) as a Prefect task per site. A site
whose every request fails is reported in its summary and the other sites go on.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import re
import time
import tomllib
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine

from .. import settings
from ..article import extract_page
from ..clean import Profile, clean_html, load_profile
from ..errors import ConfigError, FetchError, VnfactsError
from ..store import finish_run, load_record, load_records, open_store, start_run, utc_now
from ..text.read import decode
from ..text.segment import warm_up
from .archive import Archive, archive_response, archived_responses, close_archive, open_archive
from .discover import feed_items, matches_pattern, sitemap_items, well_formed
from .fetch import Fetched, Fetcher, fetch, host_of, make_fetcher, on_hosts
from .fold import folder, remember_canonical
from .health import flag_sites
from .links import article_links, likely_article
from .paging import feed_links, next_listing_page, with_found_feeds
from .state import (
    DONE,
    crawl_urls,
    known_urls,
    mark_done,
    mark_failed,
    pending_urls,
    published_of,
    queue_urls,
    save_summary,
    save_validators,
    stories_of,
    validators,
)
from .summary import RunSummary, SiteSummary, count_failure, format_summary, new_summary, skipped_summary, summary_rows, total_summary
from .validate import entry_problems

__all__ = [
    "Source",
    "Crawl",
    "load_sources",
    "read_sources",
    "source_errors",
    "new_summary",
    "skipped_summary",
    "SiteSummary",
    "RunSummary",
    "open_crawl",
    "attach_crawl",
    "crawl_site_alone",
    "close_run",
    "close_crawl",
    "discover_site",
    "fetch_article",
    "parse_article",
    "parse_fetched",
    "store_article",
    "crawl_article",
    "profiles_for",
    "article_id",
    "finish_site",
    "total_summary",
    "crawl_site",
    "crawl_sites",
    "reprocess",
    "summary_rows",
    "format_summary",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Source:
    """One configured site, as `sources.toml` gives it."""

    name: str
    start_urls: tuple[str, ...]
    article_pattern: str = ""  # an override: without it, article links are told by pipeline.crawl.links
    province: str | None = None
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    next_page: str | None = None
    max_pages: int = settings.CRAWL_MAX_PAGES
    delay: float = settings.FETCH_DELAY
    profile: str | None = None

    @property
    def hosts(self) -> set[str]:
        """The hosts this site may be fetched from: those of its start pages, feeds and sitemaps."""
        return {host_of(url) for url in (*self.start_urls, *self.feeds, *self.sitemaps)}


@dataclass
class Crawl:
    """What every step of one run shares: the store, the fetcher, the archive and the run's limits."""

    engine: Engine
    fetcher: Fetcher
    archive: Archive
    run_id: int
    since: datetime | None = None
    max_articles: int | None = None
    stop_after_seen: int = settings.CRAWL_STOP_AFTER_SEEN
    progress: Callable[[str, str], None] = lambda site, message: None
    profiles: dict[str, tuple[Profile, ...] | None] = field(default_factory=dict)
    parsers: Executor | None = None
    # backfill: no stop on stored links; each listing page's articles stored at once, and a stop at a page older than `since`
    walk_back: bool = False


def read_sources(path: Path | str, only: Iterable[str] = ()) -> tuple[list[Source], dict[str, list[str]]]:
    """The good sites of a sources TOML file (or only those named), and every problem of each bad entry by entry name.

    A file that cannot be read or is not TOML raises ConfigError naming it; a bad entry is only
    reported (`field: problem`), so one typo does not stop the other sites.
    """
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the sources file: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    entries = data.get("source", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: `source` must be [[source]] tables")
    found: list[Source] = []
    bad: dict[str, list[str]] = {}
    for number, entry in enumerate(entries, 1):
        name = entry.get("name") if isinstance(entry, dict) and isinstance(entry.get("name"), str) else f"#{number}"
        if only and name not in set(only):
            continue
        problems = entry_problems(entry, Source)
        if name in bad or any(s.name == name for s in found):
            problems.append(f"name: {name!r} names an earlier entry too")
        if problems:
            bad[name] = problems
            continue
        found.append(Source(**{**entry, **{key: tuple(entry.get(key, ())) for key in ("start_urls", "feeds", "sitemaps")}}))
    return found, bad


def source_errors(path: Path | str, bad: dict[str, list[str]]) -> list[str]:
    """The problems of bad entries as the one-line errors a user reads: `FILE: source NAME: field: problem`."""
    return [f"{path}: source {name}: {problem}" for name, problems in bad.items() for problem in problems]


def load_sources(path: Path | str, only: Iterable[str] = ()) -> list[Source]:
    """The sites of a sources TOML file (`[[source]]` tables), or only those named; any bad entry raises ConfigError listing them all."""
    found, bad = read_sources(path, only)
    if bad:
        raise ConfigError("\n".join(source_errors(path, bad)))
    return found


def profiles_for(loaded: dict[str, tuple[Profile, ...] | None], source: Source) -> tuple[Profile, ...] | None:
    """The cleaning profile a source names (None: the shipped profiles), read once into `loaded`."""
    if source.name not in loaded:
        loaded[source.name] = (load_profile(Path(source.profile)),) if source.profile and Path(source.profile).is_file() else None
    return loaded[source.name]


def _get(crawl: Crawl, source: Source, url: str, kind: str, summary: SiteSummary, headers: dict[str, str] | None = None) -> Fetched | None:
    """Fetch and archive one page; a failure is counted by kind and gives None."""
    try:
        fetched = fetch(crawl.fetcher, url, headers, summary.errors)
    except FetchError as exc:
        count_failure(summary, exc, url)
        log.info("%s: %s", source.name, exc)
        return None
    summary.pages_fetched += 1
    if fetched.status == 200:
        archive_response(crawl.archive, fetched, source.name, kind)
    return fetched


def _discover_listings(
    crawl: Crawl, source: Source, summary: SiteSummary, found: dict[str, tuple[str | None, str | None]], announced: list[str], fold: Callable[[str], str]
) -> None:
    """Walk each start page's listing pages, queueing new article links (and noting announced feeds); stop after N stored links in a row."""
    for start in source.start_urls:
        url: str | None = start
        visited: set[str] = set()
        seen_in_a_row = 0
        for number in range(2, source.max_pages + 2):
            if url is None or url in visited:
                break
            visited.add(url)
            fetched = _get(crawl, source, url, "listing", summary, validators(crawl.engine, url) if url == start else None)
            if fetched is None or fetched.status == 304:
                break
            found[url] = (fetched.headers.get("ETag"), fetched.headers.get("Last-Modified"))
            html = decode(fetched.body, url)
            found_links = article_links(html, fetched.final_url, source.article_pattern, fold, source.hosts)
            announced += feed_links(html, fetched.final_url) if url == start else []
            links = [link for link in found_links if on_hosts(link, source.hosts)]
            if len(links) < len(found_links):
                summary.errors["off_host_link"] += len(found_links) - len(links)
            status = known_urls(crawl.engine, links)
            queue_urls(crawl.engine, source.name, [(link, None) for link in links], crawl.run_id)
            if crawl.walk_back and not _newer_than_since(crawl, source, links, summary):
                break
            for link in links:
                seen_in_a_row = seen_in_a_row + 1 if status.get(link) == DONE else 0
                if seen_in_a_row >= crawl.stop_after_seen:
                    break
            if seen_in_a_row >= crawl.stop_after_seen and not crawl.walk_back:
                break
            url = next_listing_page(html, fetched.final_url, start, source.next_page, number)


def _newer_than_since(crawl: Crawl, source: Source, links: list[str], summary: SiteSummary) -> bool:
    """Backfill: fetch and store a listing page's new articles now; whether one of them is not older than `since`.

    Listing pages run newest first, so the walk stops at the first page whose dated articles are all older.
    """
    waiting = set(links)
    for url in pending_urls(crawl.engine, source.name, settings.CRAWL_MAX_ATTEMPTS):
        if url in waiting:
            crawl_article(crawl, source, url, summary)
    dates = published_of(crawl.engine, links)
    return crawl.since is None or not dates or any(date is None or date >= crawl.since for date in dates.values())


def _may_be_article(source: Source, url: str) -> bool:
    """Whether a URL is a whole article link: it matches the site's `article_pattern`, or, without one, looks like an article."""
    return matches_pattern(re.compile(source.article_pattern), url) if source.article_pattern else likely_article(url)


def _recent(items: list[tuple[str, datetime | None]], source: Source, since: datetime | None, fold: Callable[[str], str]) -> list[tuple[str, datetime | None]]:
    """Feed or sitemap items on the site that may be articles, not older than `since` (undated items are kept), folded."""
    kept = [(url, date) for url, date in items if on_hosts(url, source.hosts) and not (since and date and date < since)]
    return [(fold(url), date) for url, date in kept if source.article_pattern or likely_article(url)]


def _discover_feeds(crawl: Crawl, source: Source, summary: SiteSummary, found: dict[str, tuple[str | None, str | None]], fold: Callable[[str], str]) -> None:
    """Queue the new items of the site's feeds and sitemaps, skipping those dated before `since`."""
    for url in source.feeds:
        fetched = _get(crawl, source, url, "feed", summary, validators(crawl.engine, url))
        if fetched is not None and fetched.status == 200:
            found[url] = (fetched.headers.get("ETag"), fetched.headers.get("Last-Modified"))
            items = feed_items(fetched.body, fetched.final_url)
            if not well_formed(fetched.body):  # a cut or broken feed: keep only items whose link is a whole article URL
                kept = [item for item in items if _may_be_article(source, item[0])]
                summary.errors["broken_feed_item"] += len(items) - len(kept)
                items = kept
            queue_urls(crawl.engine, source.name, _recent(items, source, crawl.since, fold), crawl.run_id)
    todo, read = list(dict.fromkeys(source.sitemaps)), set()
    while todo and len(read) < settings.CRAWL_MAX_SITEMAPS:
        url = todo.pop(0)
        if url in read:  # an index naming itself or an earlier sitemap: each is read once a run
            continue
        read.add(url)
        fetched = _get(crawl, source, url, "sitemap", summary, validators(crawl.engine, url))
        if fetched is None or fetched.status != 200:
            continue
        found[url] = (fetched.headers.get("ETag"), fetched.headers.get("Last-Modified"))
        pages, children = sitemap_items(fetched.body, fetched.final_url)
        todo += [child for child in children if on_hosts(child, source.hosts)]
        queue_urls(crawl.engine, source.name, _recent(pages, source, crawl.since, fold), crawl.run_id)


def discover_site(crawl: Crawl, source: Source, summary: SiteSummary) -> list[str]:
    """Queue a site's new article URLs from its listings, feeds and sitemaps; the URLs to fetch this run.

    Validators are saved only once every link is queued, so a killed run rediscovers.
    """
    found: dict[str, tuple[str | None, str | None]] = {}
    announced: list[str] = []
    fold = folder(crawl.engine, source.name)  # the site's learned parameters, read once for listings and feeds
    _discover_listings(crawl, source, summary, found, announced, fold)
    robots = crawl.fetcher.robots.get(next(iter(source.hosts), ""))
    _discover_feeds(crawl, with_found_feeds(source, announced, robots, crawl.walk_back), summary, found, fold)
    save_validators(crawl.engine, found)
    pending = pending_urls(crawl.engine, source.name, settings.CRAWL_MAX_ATTEMPTS)
    return pending[: crawl.max_articles] if crawl.max_articles is not None else pending


def fetch_article(crawl: Crawl, source: Source, url: str, summary: SiteSummary) -> Fetched | None:
    """Fetch and archive one article; a failure is recorded (transient ones are tried again next run)."""
    try:
        fetched = fetch(crawl.fetcher, url, None, summary.errors)
    except FetchError as exc:
        count_failure(summary, exc, url)
        mark_failed(crawl.engine, url, exc.kind, exc.transient)
        crawl.progress(source.name, f"{exc.kind}: {url}")
        return None
    summary.pages_fetched += 1
    archive_response(crawl.archive, fetched, source.name, "article")
    return fetched


def article_id(source_name: str, url: str) -> str:
    """A stable article id from the site and the canonical URL."""
    return f"{source_name}_{hashlib.sha256(url.encode('utf-8')).hexdigest()[:16]}"


def parse_article(source: Source, url: str, body: bytes, profiles: tuple[Profile, ...] | None, fetched_at: str | None = None) -> dict[str, Any]:
    """Decode, clean and extract one fetched article: its record (with an `error` when the page holds none)."""
    key = article_id(source.name, url)
    try:
        page = clean_html(decode(body, url), url, url=url, profiles=profiles)
        record = extract_page(page, key, url)
    except VnfactsError as exc:
        return {"article_id": key, "source": url, "error": str(exc), "facts": []}
    record.update(url=url, canonical_url=record.get("url") or url, province=source.province, fetched_at=fetched_at or utc_now().isoformat(timespec="seconds"))
    return record


def parse_fetched(crawl: Crawl, source: Source, url: str, fetched: Fetched) -> dict[str, Any]:
    """`parse_article` on the run's pool of parser processes when it has one (cleaning and extraction are CPU-bound)."""
    profiles = profiles_for(crawl.profiles, source)
    if crawl.parsers is None:
        return parse_article(source, url, fetched.body, profiles)
    return crawl.parsers.submit(parse_article, source, url, fetched.body, profiles).result()


def _duplicate_of(crawl: Crawl, source: Source, text: str) -> str | None:
    """The article id of this site's stored article with exactly this text (one story under two URLs)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    with crawl.engine.connect() as conn:
        return conn.execute(select(crawl_urls.c.article_id).where(crawl_urls.c.site == source.name, crawl_urls.c.content_hash == digest, crawl_urls.c.status == DONE)).scalar()


def store_article(crawl: Crawl, source: Source, url: str, record: dict[str, Any], summary: SiteSummary) -> None:
    """Store the article and its facts and mark its URL done, in one transaction."""
    text = record.get("text") or ""
    if "error" in record or not text:
        summary.errors["no_article"] += 1
    duplicate = _duplicate_of(crawl, source, text) if text else None
    with crawl.engine.begin() as conn:
        story = mark_done(conn, url, duplicate or (record["article_id"] if text else None), text, crawl.run_id)
        remember_canonical(conn, source.name, url, record.get("canonical_url"), duplicate or (record["article_id"] if text else None), crawl.run_id)
        if text and "error" not in record and duplicate is None:
            written = load_record(conn, {**record, "story": story}, crawl.run_id, {})
            summary.new_articles += written is not None
            summary.facts.update(fact["type"] for fact in record["facts"])
    crawl.progress(source.name, url)


def crawl_article(crawl: Crawl, source: Source, url: str, summary: SiteSummary) -> None:
    """Fetch, archive, clean, extract and store one article."""
    fetched = fetch_article(crawl, source, url, summary)
    if fetched is not None:
        store_article(crawl, source, url, parse_fetched(crawl, source, url, fetched), summary)


def crawl_site(crawl: Crawl, source: Source) -> SiteSummary:
    """Crawl one site: discover, then fetch, parse and store each new article; its summary, also stored."""
    started = time.monotonic()
    summary = new_summary()
    try:
        for url in discover_site(crawl, source, summary):
            crawl_article(crawl, source, url, summary)
    except (VnfactsError, OSError, ValueError) as exc:
        summary.errors[type(exc).__name__] += 1
        log.warning("%s: stopped: %s", source.name, exc)
    return finish_site(crawl, source, summary, started)


def finish_site(crawl: Crawl, source: Source, summary: SiteSummary, started: float) -> SiteSummary:
    """Close a site's summary: its time, whether every request failed; stored in the database."""
    summary.seconds = round(time.monotonic() - started, 3)
    summary.failed = summary.pages_fetched == 0 and bool(summary.errors)
    save_summary(crawl.engine, crawl.run_id, source.name, summary)
    crawl.progress(source.name, "FAILED: every request failed" if summary.failed else "done")
    return summary


def attach_crawl(
    sources: list[Source],
    db: str | None,
    archive_dir: Path | str,
    run_id: int,
    since: datetime | None = None,
    max_articles: int | None = None,
    walk_back: bool = False,
    part: str = "",
    engine: Engine | None = None,
    **fetch_overrides: Any,
) -> Crawl:
    """Join run `run_id` from any process: the store, a fetcher on the sites' hosts and a WARC file of its own (named with `part`)."""
    warm_up()
    engine = engine or open_store(db, create=True)
    delays: dict[str, float] = {}
    for source in sources:
        for host in source.hosts:
            delays[host] = max(delays.get(host, 0.0), source.delay)
    archive = open_archive(archive_dir, run_id, part)
    return Crawl(engine, make_fetcher(delays, **fetch_overrides), archive, run_id, since, max_articles, walk_back=walk_back)


def open_crawl(
    sources: list[Source],
    db: str | None,
    archive_dir: Path | str,
    since: datetime | None = None,
    max_articles: int | None = None,
    progress: Callable[[str, str], None] | None = None,
    parsers: int = settings.CRAWL_PARSERS,
    walk_back: bool = False,
    **fetch_overrides: Any,
) -> Crawl:
    """Start a run: open the store (migrated), the fetcher on the sites' hosts, the run's WARC file and `parsers` parser processes."""
    engine = open_store(db, create=True)
    crawl = attach_crawl(sources, db, archive_dir, start_run(engine, "crawl"), since, max_articles, walk_back, engine=engine, **fetch_overrides)
    if progress is not None:
        crawl.progress = progress
    if parsers > 1:
        crawl.parsers = ProcessPoolExecutor(parsers, mp_context=multiprocessing.get_context("spawn"), initializer=warm_up)
    return crawl


def crawl_site_alone(source: Source, db: str | None, archive_dir: Path | str, run_id: int, **options: Any) -> SiteSummary:
    """Crawl one site of run `run_id` in a process of its own (a Dask worker): its own store connection, fetcher and WARC file."""
    crawl = attach_crawl([source], db, archive_dir, run_id, part=source.name, **options)
    try:
        return crawl_site(crawl, source)
    finally:
        close_archive(crawl.archive)
        crawl.engine.dispose()


def close_run(engine: Engine, run_id: int, site_summaries: dict[str, SiteSummary], started: float) -> RunSummary:
    """End a run: store its summary under site "*" and close the run; the summary."""
    total = total_summary(site_summaries, time.monotonic() - started)
    save_summary(engine, run_id, "*", total)
    finish_run(engine, run_id, total.pages_fetched, total.new_articles, sum(total.facts.values()))
    total.run_id = run_id
    total.health = flag_sites(engine, list(site_summaries))
    return total


def close_crawl(crawl: Crawl, site_summaries: dict[str, SiteSummary], started: float) -> RunSummary:
    """End a run (`close_run`) and close its WARC file and parser processes; the summary."""
    total = close_run(crawl.engine, crawl.run_id, site_summaries, started)
    close_archive(crawl.archive)
    if crawl.parsers is not None:
        crawl.parsers.shutdown()
    total.archive = str(crawl.archive.path)
    return total


def crawl_sites(sources: list[Source], db: str | None, archive_dir: Path | str, skipped: dict[str, list[str]] | None = None, **options: Any) -> RunSummary:
    """Crawl every site, hosts in parallel, one connection each; the run summary (also stored), bad entries in `skipped` as failed sites."""
    started = time.monotonic()
    crawl = open_crawl(sources, db, archive_dir, **options)
    with ThreadPoolExecutor(max_workers=max(1, min(len(sources), settings.CRAWL_PARALLEL_HOSTS))) as pool:
        results = dict(zip((s.name for s in sources), pool.map(lambda source: crawl_site(crawl, source), sources)))
    results.update({name: skipped_summary(problems) for name, problems in (skipped or {}).items()})
    return close_crawl(crawl, results, started)


def reprocess(archive_dir: Path | str, db: str | None, since: datetime | None = None, sources: list[Source] | None = None) -> dict[str, Any]:
    """Re-clean and re-extract every archived article (fetched on or after `since`) into the store, with no network.

    Counts articles, changed ones and facts; `unreadable` names each file that is not a readable WARC (skipped).
    """
    by_name = {s.name: s for s in sources or []}
    profiles: dict[str, tuple[Profile, ...] | None] = {}
    latest: dict[str, Any] = {}
    unreadable: list[str] = []
    for item in archived_responses(archive_dir, since, kind="article", unreadable=unreadable):
        latest[item.requested] = item
    records = []
    for url, item in sorted(latest.items()):
        source = by_name.get(item.site) or Source(name=item.site, start_urls=(), article_pattern="")
        record = parse_article(source, url, item.body, profiles_for(profiles, source), item.date.isoformat(timespec="seconds"))
        if "error" not in record and record.get("text"):
            records.append(record)
    engine = open_store(db, create=True)
    stories = stories_of(engine, [r["url"] for r in records])
    records = [{**r, "story": stories[r["url"]]} if r["url"] in stories else r for r in records]
    results = list(load_records(engine, records, "reprocess", batch=100))
    return {
        "articles": len(latest),
        "changed": sum(1 for _, n in results if n is not None),
        "facts": sum(n or 0 for _, n in results),
        "unreadable": unreadable,
    }
