"""Site health from the stored run summaries: a broken entry is noticed in days, not months.

A site is flagged when its last `CRAWL_STALE_RUNS` runs brought no new article, or when in its
last run article pages were fetched but none cleaned into an article (a changed page layout).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from .. import settings
from ..errors import cause_of
from ..store import runs
from .state import DONE, crawl_summaries, crawl_urls

__all__ = ["Health", "site_health", "flag_sites"]


@dataclass
class Health:
    """One site's recent record: new articles per run (newest first), last new article, last error, and its flags."""

    site: str
    per_run: list[int] = field(default_factory=list)
    last_article: datetime | None = None
    last_error: str | None = None
    flags: list[str] = field(default_factory=list)


def _describe(errors: dict[str, int]) -> str:
    """A run's errors as a person reads them: `cause count` joined."""
    return "; ".join(f"{cause_of(kind)} {count}" for kind, count in sorted(errors.items()) if not kind.startswith("retry_"))


def site_health(engine: Engine, sites: list[str], stale_runs: int = settings.CRAWL_STALE_RUNS) -> dict[str, Health]:
    """Each site's health over its stored crawl summaries."""
    found = {site: Health(site) for site in sites}
    with engine.connect() as conn:
        rows = conn.execute(
            select(crawl_summaries.c.site, crawl_summaries.c.new_articles, crawl_summaries.c.errors, runs.c.started_at)
            .join(runs, runs.c.id == crawl_summaries.c.run_id)
            .where(crawl_summaries.c.site.in_(sites))
            .order_by(crawl_summaries.c.id.desc())
        ).all()
        latest = conn.execute(
            select(crawl_urls.c.site, func.max(crawl_urls.c.fetched_at))
            .where(crawl_urls.c.site.in_(sites), crawl_urls.c.status == DONE, crawl_urls.c.article_id.is_not(None))
            .group_by(crawl_urls.c.site)
        ).all()
    newest: dict[str, dict] = {}
    for site, new, errors, started in rows:
        health = found[site]
        health.per_run.append(new)
        newest.setdefault(site, errors or {})
        described = _describe(errors or {})
        if health.last_error is None and described:
            health.last_error = f"{started:%Y-%m-%d %H:%M}: {described}"
    for site, stamp in latest:
        found[site].last_article = stamp
    for site, health in found.items():
        if len(health.per_run) >= stale_runs and not any(health.per_run[:stale_runs]):
            health.flags.append(f"no new article for {stale_runs} runs")
        if health.per_run and not health.per_run[0] and newest[site].get("no_article"):
            health.flags.append(f"{newest[site]['no_article']} article pages cleaned into no article")
    return found


def flag_sites(engine: Engine, sites: list[str]) -> dict[str, list[str]]:
    """The flagged sites among `sites` and why: what a run summary shows."""
    return {site: health.flags for site, health in site_health(engine, sites).items() if health.flags}
