"""The `vnfacts sources` commands: see why links are (not) crawled, check and add sites, watch their health."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import click

from .. import settings
from ..errors import FetchError, VnfactsError
from ..settings import DB_HELP
from ..settings import SOURCES_FILE as DEFAULT_SOURCES
from .common import database_error

__all__ = ["sources"]


@click.group()
def sources() -> None:
    """Sites of the crawl: link verdicts, checks, new entries and health.

    \b
    Example:
        vnfacts sources add https://baothainguyen.vn/xay-dung-dang/ --name baothainguyen --province "Thái Nguyên"
        vnfacts sources status --db data/vnfacts.db
    """


def _table(rows: list[dict[str, object]]) -> str:
    """Rows as aligned columns, the last column left unpadded."""
    columns = list(rows[0])
    widths = {c: max(len(c), *(len(str(r[c])) for r in rows)) for c in columns[:-1]}
    return "\n".join("  ".join([*(str(r[c]).ljust(widths[c]) for c in columns[:-1]), str(r[columns[-1]])]) for r in [dict(zip(columns, columns)), *rows])


def _read(page: str, base_url: str | None) -> tuple[str, str]:
    """A page's HTML and its base: a saved file, or a URL fetched politely."""
    from ..crawl.links import page_base
    from ..crawl.probe import probe_fetcher, read_page
    from ..text.read import decode

    if urlsplit(page).scheme in ("http", "https"):
        try:
            html, base = read_page(probe_fetcher([page]), page)
        except FetchError as exc:
            raise click.ClickException(str(exc)) from None
        return html, base_url or base
    path = Path(page)
    if not path.is_file():
        raise click.ClickException(f"{page}: no such file, and not an http(s) URL")
    html = decode(path.read_bytes(), page)
    base = base_url or page_base(html, None)
    if not base:
        raise click.ClickException(f"{page}: the page names no <base href> or canonical link; give --base-url")
    return html, base


@sources.command()
@click.argument("pages", nargs=-1, required=True)
@click.option("--base-url", help="URL the page's relative links resolve against (default: its <base href>, else its canonical link).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help="Aligned table, or JSON Lines (page, url, kind, reason).")
def links(pages: tuple[str, ...], base_url: str | None, fmt: str) -> None:
    """Every link of each page with its verdict (article, listing, other) and why: how a link was or was not crawled.

    \b
    Example:
        vnfacts sources links saved/xay-dung-dang.html --base-url https://baothainguyen.vn/xay-dung-dang/
        vnfacts sources links https://baothainguyen.vn/xay-dung-dang/ --format json
    """
    from ..crawl.fold import fold_url
    from ..crawl.links import classify_links

    rows = []
    for page in pages:
        html, base = _read(page, base_url)
        rows += [{"page": page, "url": link.url, "kind": link.kind, "reason": link.reason} for link in classify_links(html, base, None, fold_url)]
    if fmt == "json":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif rows:
        click.echo(_table([{k: v for k, v in r.items() if k != "page" or len(pages) > 1} for r in rows]))


def _load(sources_file: str, names: tuple[str, ...] = ()) -> list:
    """The sources of a file, or only those named; a bad file or an unknown name is a one-line error."""
    from ..crawl.crawl import load_sources

    try:
        found = load_sources(sources_file, names)
    except (ValueError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    missing = set(names) - {s.name for s in found}
    if missing:
        raise click.ClickException(f"{sources_file}: no source named {', '.join(sorted(missing))}")
    return found


def _report(name: str, probe) -> list[str]:
    """A probe as the lines `check` and `add` print."""
    if probe.error:
        return [f"{name}: {probe.start}: FAILED: {probe.error}"]
    sample = ", ".join(probe.articles[:3])
    lines = [
        f"{name}: {probe.start}",
        f"  article links: {len(probe.articles)}" + (f" (e.g. {sample})" if sample else ""),
        f"  listing links: {probe.listings}; next page: {probe.next_page or 'none found'}",
        f"  feeds: {', '.join(probe.feeds) or 'none found'}; sitemaps: {', '.join(probe.sitemaps) or 'none found'}",
    ]
    lines += [f"  {url}: {said}" for url, said in probe.cleaned]
    lines.append(f"  {'OK' if probe.works else 'NOT WORKING'}: " + ("articles found and cleaned" if probe.works else "no article link that cleans into an article"))
    return lines


@sources.command()
@click.argument("names", nargs=-1)
@click.option("--sources", "sources_file", default=DEFAULT_SOURCES, show_default=True, type=click.Path(exists=True, dir_okay=False), help="Sites file.")
def check(names: tuple[str, ...], sources_file: str) -> None:
    """Fetch each source's start pages politely and report article links, pagination, feeds, sitemaps and sample articles cleaned.

    \b
    Example:
        vnfacts sources check baothainguyen dienbien_dcs
    """
    from ..crawl.probe import probe_fetcher, probe_start

    failing = 0
    for source in _load(sources_file, names):
        fetcher = probe_fetcher(list(source.start_urls), source.delay)
        for start in source.start_urls:
            probe = probe_start(fetcher, start)
            failing += not probe.works
            click.echo("\n".join(_report(source.name, probe)))
    if failing:
        raise SystemExit(1)


def _toml_string(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)


@sources.command()
@click.argument("url")
@click.option("--name", required=True, help="Name of the new site (letters, digits, _ and -).")
@click.option("--province", required=True, help="Province the site reports on.")
@click.option("--sources", "sources_file", default=DEFAULT_SOURCES, show_default=True, type=click.Path(dir_okay=False), help="Sites file to append to.")
@click.option("--delay", type=click.FloatRange(min=0), default=settings.FETCH_DELAY, show_default=True, help="Seconds between two requests to the site.")
def add(url: str, name: str, province: str, sources_file: str, delay: float) -> None:
    """Probe a section URL as `check` does and, when it works, append an entry (name, province, start URL) to the sites file.

    \b
    Example:
        vnfacts sources add https://baothainguyen.vn/xay-dung-dang/ --name baothainguyen --province "Thái Nguyên"
    """
    from ..crawl.probe import probe_fetcher, probe_start

    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        raise click.BadParameter(f"{url!r}: give an http(s) URL of a section page", param_hint="URL")
    path = Path(sources_file)
    if path.is_file() and name in {s.name for s in _load(sources_file)}:
        raise click.ClickException(f"{sources_file}: a source named {name} exists already")
    probe = probe_start(probe_fetcher([url], delay), url)
    click.echo("\n".join(_report(name, probe)))
    if not probe.works:
        raise click.ClickException(f"{url}: not added: {probe.error or 'no article link that cleans into an article'}")
    entry = f"\n[[source]]\nname = {_toml_string(name)}\nprovince = {_toml_string(province)}\nstart_urls = [{_toml_string(url)}]\n"
    with path.open("a", encoding="utf-8") as out:
        out.write(entry)
    click.echo(f"added {name} to {sources_file}")


@sources.command()
@click.option("--sources", "sources_file", default=DEFAULT_SOURCES, show_default=True, type=click.Path(exists=True, dir_okay=False), help="Sites file.")
@click.option("--db", help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help="Aligned table, or JSON Lines.")
def status(sources_file: str, db: str | None, fmt: str) -> None:
    """Each site's health: last new article, new articles per run (newest first), last error, and why it is flagged.

    A site is flagged after CRAWL_STALE_RUNS runs in a row without a new article, or when its
    article pages stopped cleaning into articles.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from ..crawl.health import site_health
    from ..store import open_store

    names = [s.name for s in _load(sources_file)]
    try:
        health = site_health(open_store(db), names)
    except (VnfactsError, SQLAlchemyError) as exc:
        raise database_error(db, exc) from None
    rows = [
        {
            "site": h.site,
            "last_article": h.last_article.isoformat(sep=" ", timespec="minutes") if h.last_article else "never",
            "per_run": " ".join(map(str, h.per_run[: settings.CRAWL_STALE_RUNS])) or "no run",
            "last_error": h.last_error or "none",
            "flags": "; ".join(h.flags) or "ok",
        }
        for h in health.values()
    ]
    if fmt == "json":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        click.echo(_table(rows))
