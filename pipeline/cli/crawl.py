"""The crawl commands of `vnfacts`: `crawl`, `reprocess` and `schedule`, registered on the main group by `pipeline.cli`."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from .. import settings
from ..errors import QueryError, VnfactsError
from ..settings import DB_HELP

__all__ = ["crawl", "reprocess", "schedule", "flows_main", "parse_since"]


def parse_since(value: str | None) -> datetime | None:
    """A --since date (YYYY, YYYY-MM or YYYY-MM-DD) as its first moment, read as search reads it; a bad one is a usage error."""
    from ..store.search import parse_period

    try:
        return parse_period(value, "--since")
    except QueryError as exc:
        raise click.BadParameter(str(exc), param_hint="--since") from None


@click.command()
@click.option("--sources", "sources_file", default=settings.SOURCES_FILE, show_default=True, type=click.Path(exists=True, dir_okay=False), help="Sites to crawl.")
@click.option("--db", help=DB_HELP)
@click.option("--archive", "archive_dir", default=settings.ARCHIVE_DIR, show_default=True, help="Directory of the WARC files, one per run.")
@click.option("--since", help="Skip feed and sitemap items dated before this (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--max-articles", type=click.IntRange(min=0), help="Articles fetched per site at most.")
@click.option("--only", multiple=True, help="Crawl only this site (by name); repeatable.")
@click.option("--parsers", type=click.IntRange(min=1), default=settings.CRAWL_PARSERS, show_default=True, help="Processes that clean and extract (1: in the crawl's threads).")
@click.option("--backfill", is_flag=True, help="Walk the listings back to --since (up to CRAWL_BACKFILL_PAGES pages), not only to the last run.")
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as JSON.")
def crawl(
    sources_file: str,
    db: str | None,
    archive_dir: str,
    since: str | None,
    max_articles: int | None,
    only: tuple[str, ...],
    parsers: int,
    backfill: bool,
    as_json: bool,
) -> None:
    """Crawl the configured sites once: new articles are fetched, archived, cleaned, extracted and stored.

    Politeness (robots.txt, a delay and one connection per host, retries with backoff) is
    in pipeline/settings.py; a site that fails every request is reported and the others go on.

    Example:

        vnfacts crawl --sources sources.toml --db data/vnfacts.db --only baothainguyen --max-articles 20
        vnfacts crawl --backfill --since 2018 --only baothainguyen
    """
    from ..crawl.crawl import crawl_sites, format_summary, read_sources, source_errors

    try:
        sources, skipped = read_sources(sources_file, only)
    except VnfactsError as exc:
        raise click.ClickException(str(exc)) from None
    for line in source_errors(sources_file, skipped):
        click.echo(f"Error: {line}", err=True)
    if not sources:
        if skipped:
            raise click.ClickException(f"{sources_file}: no good [[source]] entry to crawl")
        raise click.ClickException(f"{sources_file}: no source named {', '.join(only)}" if only else f"{sources_file}: no [[source]]")
    if backfill:
        if not since:
            raise click.UsageError("--backfill walks back to a date: give --since")
        sources = [dataclasses.replace(s, max_pages=settings.CRAWL_BACKFILL_PAGES) for s in sources]
    with tqdm(desc="articles", unit=" pages", disable=as_json) as bar:

        def progress(site: str, message: str) -> None:
            """Advance the bar on each article; print a line when a site is done."""
            if message in ("done",) or message.startswith("FAILED"):
                bar.write(f"{site}: {message}", file=sys.stderr)  # stdout holds only the summary (--json reads it)
            else:
                bar.update(1)
                bar.set_postfix_str(site)

        try:
            summary = crawl_sites(sources, db, archive_dir, skipped, since=parse_since(since), max_articles=max_articles, progress=progress, parsers=parsers, walk_back=backfill)
        except VnfactsError as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(summary.as_dict(), ensure_ascii=False, default=str) if as_json else format_summary(summary))
    if summary.failed_sites and len(summary.failed_sites) == len(summary.sites):
        raise SystemExit(1)


@click.command()
@click.option("--archive", "archive_dir", default=settings.ARCHIVE_DIR, show_default=True, type=click.Path(exists=True, file_okay=False), help="Directory of WARC files.")
@click.option("--since", help="Only responses fetched on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--sources", "sources_file", default=None, type=click.Path(exists=True, dir_okay=False), help="Sites file, for their provinces and cleaning profiles.")
@click.option("--db", help=DB_HELP)
def reprocess(archive_dir: str, since: str | None, sources_file: str | None, db: str | None) -> None:
    """Re-clean and re-extract archived articles into the database, without the network: a better extractor applied to the past.

    Example:

        vnfacts reprocess --archive data/archive --since 2026-01 --db data/vnfacts.db
    """
    from ..crawl.crawl import load_sources
    from ..crawl.crawl import reprocess as run

    try:
        sources = load_sources(sources_file) if sources_file else None
        result = run(archive_dir, db, parse_since(since), sources)
    except VnfactsError as exc:
        raise click.ClickException(str(exc)) from None
    for line in result["unreadable"]:
        click.echo(f"Error: {line}; skipped", err=True)
    skipped = f", {len(result['unreadable'])} unreadable archive files skipped" if result["unreadable"] else ""
    click.echo(f"{result['articles']} archived articles, {result['changed']} changed, {result['facts']} facts written{skipped}")


def _run_options(command: Callable[..., None]) -> Callable[..., None]:
    """The sources, database and archive of a flow run, as `schedule` (`serve`) and `run` take them."""
    options = [
        click.option("--sources", "sources_file", default=settings.SOURCES_FILE, show_default=True, help="Sites to crawl (read at each run)."),
        click.option("--db", help=DB_HELP),
        click.option("--archive", "archive_dir", default=settings.ARCHIVE_DIR, show_default=True, help="Directory of the WARC files, one per run."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.command()
@_run_options
@click.option("--cron", default=settings.SCHEDULE_CRON, show_default=True, help="When the nightly crawl runs (cron expression).")
@click.option("--timezone", "tz", default=settings.SCHEDULE_TIMEZONE, show_default=True, help="IANA time zone of --cron.")
def schedule(sources_file: str, db: str | None, archive_dir: str, cron: str, tz: str) -> None:
    """Serve the Prefect `nightly` flow on a cron schedule (and `backfill` on demand) until stopped.

    Runs go to the Prefect server that PREFECT_API_URL names (start one with `prefect server start`);
    each run's log and summary table are in its UI. Trigger a run now with
    `prefect deployment run nightly/nightly`, a backfill with
    `prefect deployment run backfill/backfill --param since=2018-01-01`.

    \b
    Example:
        vnfacts schedule --sources sources.toml --db data/vnfacts.db --archive data/archive
        vnfacts schedule --cron "30 1 * * *" --timezone Asia/Ho_Chi_Minh
    """
    from ..flows import serve_flows

    try:
        serve_flows(sources_file, db, archive_dir, cron, tz)
    except VnfactsError as exc:
        raise click.ClickException(str(exc)) from None


@click.group()
def flows_main() -> None:
    """The Prefect flows of the nightly crawl: serve them on a schedule, run one now, or try them on a demo paper."""


flows_main.add_command(schedule, name="serve")


@flows_main.command(name="run")
@_run_options
def run_once(sources_file: str, db: str | None, archive_dir: str) -> None:
    """One nightly run now, as a Prefect flow run."""
    from ..flows import nightly

    nightly(sources_file=sources_file, db=db, archive_dir=archive_dir)


def _demo_paper(corpus: str, port: int, sources: Path) -> Any:
    """Serve the demo paper of the corpus's HTML pages on 127.0.0.1 (`port` 0: a free one) and write its sources file."""
    from ..crawl.demo_site import build_site, corpus_articles, serve
    from ..flows import demo_sources

    try:
        site = serve({}, port)
    except OSError as exc:
        raise click.ClickException(f"127.0.0.1:{port}: {exc.strerror}") from None
    site.routes.update(build_site(site.base, corpus_articles(corpus)))
    sources.parent.mkdir(parents=True, exist_ok=True)
    sources.write_text(demo_sources(site.base), encoding="utf-8")
    return site


@flows_main.command()
@click.option("--corpus", default="corpus", show_default=True, type=click.Path(exists=True, file_okay=False), help="Pages served as the paper's articles.")
@click.option("--db", default="out/demo.db", show_default=True, help=DB_HELP)
@click.option("--archive", "archive_dir", default="out/archive", show_default=True, help="Directory of the WARC files.")
def demo(corpus: str, db: str, archive_dir: str) -> None:
    """One nightly run against a demo paper served on 127.0.0.1 from the corpus's HTML pages."""
    import tempfile

    from ..crawl.demo_site import stop
    from ..flows import nightly

    with tempfile.TemporaryDirectory() as tmp:
        sources = Path(tmp) / "sources.toml"
        site = _demo_paper(corpus, 0, sources)
        try:
            nightly(sources_file=str(sources), db=db, archive_dir=archive_dir)
        finally:
            stop(site)


@flows_main.command(name="demo-site")
@click.option("--corpus", default="corpus", show_default=True, type=click.Path(exists=True, file_okay=False), help="Pages served as the paper's articles.")
@click.option("--port", default=settings.DEMO_PORT, show_default=True, type=click.IntRange(0, 65535), help="Port on 127.0.0.1.")
@click.option("--sources", "sources_file", default="out/demo-sources.toml", show_default=True, help="Where to write the demo paper's sources file.")
def demo_site(corpus: str, port: int, sources_file: str) -> None:
    """Serve the demo paper on 127.0.0.1 until stopped, and write its sources file for `serve --sources`."""
    import time

    from ..crawl.demo_site import stop

    site = _demo_paper(corpus, port, Path(sources_file))
    click.echo(f"demo paper at {site.base}/xay-dung-dang/ ; sources file {sources_file} ; Ctrl-C stops")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        stop(site)
