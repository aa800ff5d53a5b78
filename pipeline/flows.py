"""Prefect flows of the crawl: `nightly` (discover → fetch → archive → clean → extract → store) and `backfill`.

The flows wrap the plain functions of `pipeline.crawl` in a task per site: sites run in
parallel on a thread pool and share the run's store, fetcher and WARC file; within a site
fetches are chained, one connection per host. Given a task runner that sends tasks to other
processes or machines (prefect-dask's DaskTaskRunner), each site task opens its own store
connection, fetcher and WARC file instead.

The parameters are annotated with real (not postponed) types: a served deployment validates
a run's parameters against them before the flow starts. A configuration error (a missing
sources file, a bad database URL) fails the run with its cause in one line of the run's log.
"""

import dataclasses
import logging
import os
import time
from datetime import datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")  # nothing leaves the machine

from prefect import flow, get_run_logger, serve, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.schedules import CronSchedule
from prefect.context import FlowRunContext
from prefect.schedules import Cron
from prefect.states import Completed, Failed, State
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.types.entrypoint import EntrypointType

from . import settings
from .crawl.crawl import (
    Crawl,
    RunSummary,
    SiteSummary,
    Source,
    close_crawl,
    close_run,
    crawl_site,
    crawl_site_alone,
    format_summary,
    new_summary,
    open_crawl,
    read_sources,
    skipped_summary,
    source_errors,
    summary_rows,
)
from .errors import ConfigError, VnfactsError
from .store import open_store, start_run

__all__ = ["nightly", "backfill", "serve_flows", "check_schedule", "demo_sources"]


@task(cache_policy=NO_CACHE)
def site_task(crawl: Crawl, source: Source) -> SiteSummary:
    """Crawl one site with the run's shared store, fetcher and archive: discover, then fetch, parse and store each new article."""
    return crawl_site(crawl, source)


@task(retries=1, retry_delay_seconds=60, cache_policy=NO_CACHE)
def site_task_alone(source: Source, db: str | None, archive_dir: str, run_id: int, options: dict[str, Any]) -> SiteSummary:
    """Crawl one whole site wherever the task runner sends it (a Dask worker), with its own store connection, fetcher and WARC file."""
    return crawl_site_alone(source, db, archive_dir, run_id, **options)


def _spread() -> bool:
    """Whether the flow's task runner sends tasks to other processes (Dask), where a run's shared fetcher and archive cannot follow."""
    context = FlowRunContext.get()
    return context is not None and not isinstance(context.task_runner, ThreadPoolTaskRunner)


def _results(futures: dict[str, Any]) -> dict[str, SiteSummary]:
    """Each site's summary; a site whose task raised is a failed site, counted by the exception's name."""
    summaries = {}
    for name, future in futures.items():
        try:
            summaries[name] = future.result()
        except Exception as exc:  # a site's crash must not lose the other sites' summaries
            summaries[name] = new_summary()
            summaries[name].errors[type(exc).__name__] += 1
            summaries[name].failed = True
    return summaries


def _crawl_together(sources: list[Source], skipped: dict[str, list[str]], db: str | None, archive_dir: str, options: dict[str, Any]) -> RunSummary:
    """A run with a task per site on threads, sharing the run's store, fetcher and WARC file."""
    started = time.monotonic()
    crawl = open_crawl(sources, db, archive_dir, **options)
    summaries = _results({source.name: site_task.submit(crawl, source) for source in sources})
    summaries.update({name: skipped_summary(problems) for name, problems in skipped.items()})
    return close_crawl(crawl, summaries, started)


def _crawl_spread(sources: list[Source], skipped: dict[str, list[str]], db: str | None, archive_dir: str, options: dict[str, Any]) -> RunSummary:
    """A run with a task per site in other processes, each with its own store connection, fetcher and WARC file."""
    started = time.monotonic()
    engine = open_store(db, create=True)
    run_id = start_run(engine, "crawl")
    summaries = _results({source.name: site_task_alone.submit(source, db, archive_dir, run_id, options) for source in sources})
    summaries.update({name: skipped_summary(problems) for name, problems in skipped.items()})
    return close_run(engine, run_id, summaries, started)


def _publish(name: str, summary: RunSummary) -> None:
    """Log the run summary last, as an aligned table, and publish it as a table artifact the Prefect UI shows."""
    logger = get_run_logger()
    logger.info("Run summary:\n%s", format_summary(summary))
    rows = summary_rows(summary)
    description = f"{name}: {summary.new_articles} new articles, {summary.pages_fetched} pages, {round(summary.seconds)} s"
    create_table_artifact(rows, key=f"{name}-summary", description=description)


def _run(name: str, sources_file: str, only: list[str] | None, db: str | None, archive_dir: str, options: dict[str, Any], max_pages: int | None = None) -> RunSummary | State:
    """Load the sources and crawl them; a configuration error fails the run with its cause in one log line.

    Each problem of a bad sources entry is one error line of the run's log; that entry is skipped
    (a failed site in the summary) and the others run.
    """
    logging.getLogger("prefect.task_runs").setLevel(logging.WARNING)  # a line per site task says nothing the summary does not
    logger = get_run_logger()
    try:
        sources, skipped = _sources(sources_file, only)
        for line in source_errors(sources_file, skipped):
            logger.error("%s", line)
        if max_pages is not None:
            sources = [dataclasses.replace(source, max_pages=max_pages) for source in sources]
        open_store(db, create=True).dispose()  # a bad database URL fails here, before any site is fetched
    except (VnfactsError, OSError, ValueError) as exc:
        cause = " ".join(str(exc).split())  # one line, however the driver wrapped it
        logger.error("%s", cause)
        return Failed(message=cause)
    crawl = _crawl_spread if _spread() else _crawl_together
    summary = crawl(sources, skipped, db, archive_dir, options)
    _publish(name, summary)
    if summary.failed_sites and len(summary.failed_sites) == len(summary.sites):
        return Failed(message=f"every site failed: {', '.join(summary.failed_sites)}", data=summary)
    return Completed(message=f"{summary.new_articles} new articles", data=summary)


def _sources(sources_file: str, only: list[str] | None) -> tuple[list[Source], dict[str, list[str]]]:
    """The sources to crawl and the bad entries skipped; a missing or empty file, no good entry, or an unknown name in `only` is a ConfigError."""
    path = Path(sources_file)
    if not path.is_file():
        raise ConfigError(f"{sources_file}: sources file not found")
    sources, skipped = read_sources(path, only or ())
    if not sources and not skipped:
        raise ConfigError(f"{sources_file}: no source named {', '.join(only)}" if only else f"{sources_file}: no [[source]] entry")
    if not sources:
        raise ConfigError(f"{sources_file}: every entry is bad: " + "; ".join(source_errors(sources_file, skipped)))
    return sources, skipped


@flow(name="nightly", task_runner=ThreadPoolTaskRunner(max_workers=settings.CRAWL_PARALLEL_HOSTS))
def nightly(
    sources_file: str = settings.SOURCES_FILE,
    db: str | None = None,
    archive_dir: str = settings.ARCHIVE_DIR,
    since: datetime | None = None,
    max_articles: int | None = None,
    only: list[str] | None = None,
    fetch_options: dict[str, Any] | None = None,
) -> RunSummary:
    """Crawl every configured site once: the new articles since the last run, archived, extracted and stored."""
    options = {"since": since, "max_articles": max_articles, **(fetch_options or {})}
    return _run("nightly", sources_file, only, db, archive_dir, options)


@flow(name="backfill", task_runner=ThreadPoolTaskRunner(max_workers=settings.CRAWL_PARALLEL_HOSTS))
def backfill(
    since: datetime,
    sources_file: str = settings.SOURCES_FILE,
    db: str | None = None,
    archive_dir: str = settings.ARCHIVE_DIR,
    only: list[str] | None = None,
    max_pages: int = settings.CRAWL_BACKFILL_PAGES,
    fetch_options: dict[str, Any] | None = None,
) -> RunSummary:
    """Walk each site's listings back to `since` (no stop on already-seen links), and feed and sitemap items as far.

    Each listing page's articles are stored as the page is read, and the walk stops at the first
    page whose dated articles are all older than `since` (or after `max_pages`).
    """
    options = {"since": since, "walk_back": True, **(fetch_options or {})}
    return _run("backfill", sources_file, only, db, archive_dir, options, max_pages)


def check_schedule(cron: str, timezone: str) -> None:
    """Refuse a cron expression or time zone the scheduler would not take, with the reason in one line."""
    try:
        CronSchedule(cron=cron, timezone=timezone)
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        reason = exc.errors()[0]["msg"] if hasattr(exc, "errors") else str(exc)
        raise ConfigError(reason.removeprefix("Value error, ")) from None


def _absolute(location: str | None) -> str | None:
    """A database file or folder as an absolute path (a URL as it is): served runs may start in another folder."""
    return location if location is None or "://" in location else str(Path(location).resolve())


def serve_flows(
    sources_file: str = settings.SOURCES_FILE,
    db: str | None = None,
    archive_dir: str = settings.ARCHIVE_DIR,
    cron: str = settings.SCHEDULE_CRON,
    timezone: str = settings.SCHEDULE_TIMEZONE,
) -> None:
    """Serve `nightly` on a cron schedule and `backfill` on demand until stopped; stopping does not pause the schedule.

    The deployments name their flows by module path (`pipeline.flows.nightly`), so a served run
    finds them in an installed package as well as in a source checkout. A missing sources file is
    not refused here: it may appear later, and each run reports it in its own log.
    """
    check_schedule(cron, timezone)
    parameters = {"sources_file": _absolute(sources_file), "db": _absolute(db), "archive_dir": _absolute(archive_dir)}
    deployments = [
        nightly.to_deployment(name="nightly", schedules=[Cron(cron, timezone=timezone)], parameters=parameters, entrypoint_type=EntrypointType.MODULE_PATH),
        backfill.to_deployment(name="backfill", parameters=parameters, entrypoint_type=EntrypointType.MODULE_PATH),
    ]
    serve(*deployments, pause_on_shutdown=False)


def demo_sources(base: str) -> str:
    """The sources file of the demo paper served at `base`: one site, listing pages with a next link, a feed."""
    return (
        f'[[source]]\nname = "demo"\nprovince = "Thái Nguyên"\nstart_urls = ["{base}/xay-dung-dang/"]\n'
        f'article_pattern = "-\\\\d+\\\\.html$"\nfeeds = ["{base}/rss.xml"]\nnext_page = "a.next"\nmax_pages = 10\ndelay = 0.05\n'
    )
