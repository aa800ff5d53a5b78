"""Run summaries as typed records: what a site's crawl and a whole run counted, and how a person reads them.

`SiteSummary` is what crosses module lines (crawl → state, flows, cli); `as_dict` gives the
JSON form `vnfacts crawl --json` prints, whose keys stay those of the former dicts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from extractors.schema import FACT_TYPES

from ..errors import FetchError, cause_of
from .fetch import host_of

__all__ = ["SiteSummary", "RunSummary", "new_summary", "skipped_summary", "count_failure", "total_summary", "summary_rows", "health_lines", "format_summary"]


@dataclass
class SiteSummary:
    """What one site's crawl counted: pages fetched, new articles, facts by type, errors by kind (and their hosts), seconds."""

    pages_fetched: int = 0
    new_articles: int = 0
    facts: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    hosts: dict[str, Counter[str]] = field(default_factory=dict)
    seconds: float = 0.0
    failed: bool = False
    problems: list[str] = field(default_factory=list)  # why the site did not run at all (a bad sources entry), one line each

    def as_dict(self) -> dict[str, Any]:
        """The summary as plain JSON data (counters as objects); `problems` only when there are some."""
        data: dict[str, Any] = {
            "pages_fetched": self.pages_fetched,
            "new_articles": self.new_articles,
            "facts": dict(self.facts),
            "errors": dict(self.errors),
            "hosts": {kind: dict(hosts) for kind, hosts in self.hosts.items()},
            "seconds": self.seconds,
            "failed": self.failed,
        }
        if self.problems:
            data["problems"] = list(self.problems)
        return data


@dataclass
class RunSummary(SiteSummary):
    """A whole run: the sites' figures added up, each site's own summary, the failed sites, the run id and its WARC file."""

    failed_sites: list[str] = field(default_factory=list)
    sites: dict[str, SiteSummary] = field(default_factory=dict)
    run_id: int | None = None
    archive: str | None = None
    health: dict[str, list[str]] = field(default_factory=dict)  # flagged sites and why (see pipeline.crawl.health)

    def as_dict(self) -> dict[str, Any]:
        """The run summary as plain JSON data, sites included."""
        data = {**super().as_dict(), "failed_sites": list(self.failed_sites), "sites": {name: s.as_dict() for name, s in self.sites.items()}}
        data["health"] = {site: list(reasons) for site, reasons in self.health.items()}
        data.update({key: value for key, value in (("run_id", self.run_id), ("archive", self.archive)) if value is not None})
        return data


def new_summary() -> SiteSummary:
    """An empty site summary."""
    return SiteSummary()


def skipped_summary(problems: list[str]) -> SiteSummary:
    """The summary of a site that was not crawled because its sources entry is bad: failed, with the reasons."""
    return SiteSummary(errors=Counter(bad_source_entry=len(problems)), failed=True, problems=list(problems))


def count_failure(summary: SiteSummary, exc: FetchError, url: str) -> None:
    """Count a failed fetch by its kind and host, so the summary can say which hosts failed and why."""
    summary.errors[exc.kind] += 1
    summary.hosts.setdefault(exc.kind, Counter())[host_of(url)] += 1


def total_summary(site_summaries: dict[str, SiteSummary], seconds: float) -> RunSummary:
    """The whole run's summary: the sites' figures added up, and the sites that failed."""
    total = RunSummary()
    for summary in site_summaries.values():
        total.pages_fetched += summary.pages_fetched
        total.new_articles += summary.new_articles
        total.facts.update(summary.facts)
        total.errors.update(summary.errors)
        for kind, hosts in summary.hosts.items():
            total.hosts.setdefault(kind, Counter()).update(hosts)
    total.seconds = round(seconds, 3)
    total.failed_sites = sorted(name for name, s in site_summaries.items() if s.failed)
    total.sites = site_summaries
    return total


def _described_errors(summary: SiteSummary) -> str:
    """A summary's errors as a person reads them: cause, count and the hosts that failed (`refused connection 8 (a.vn)`)."""
    parts = []
    for kind, count in sorted(summary.errors.items()):
        hosts = summary.hosts.get(kind)
        parts.append(f"{cause_of(kind)} {count}" + (f" ({', '.join(sorted(hosts))})" if hosts else ""))
    parts += summary.problems
    return "; ".join(parts) or "none"


def summary_rows(summary: RunSummary) -> list[dict[str, Any]]:
    """A run summary as table rows, one per site and a TOTAL: pages, new articles, facts by type, errors, seconds."""

    def row(name: str, s: SiteSummary) -> dict[str, Any]:
        facts = {kind: s.facts.get(kind, 0) for kind in FACT_TYPES}
        failed = " — FAILED: not crawled" if s.problems else " — FAILED: every request failed" if s.failed else ""
        return {"site": name, "pages": s.pages_fetched, "new": s.new_articles, **facts, "seconds": round(s.seconds, 1), "errors": _described_errors(s) + failed}

    return [row(name, s) for name, s in sorted(summary.sites.items())] + [row("TOTAL", summary)]


def health_lines(flags: dict[str, list[str]]) -> list[str]:
    """The run summary's lines for flagged sites (none when all are well)."""
    return [f"CHECK {site}: {'; '.join(reasons)} (see vnfacts sources status)" for site, reasons in sorted(flags.items())]


def format_summary(summary: RunSummary) -> str:
    """A run summary as the aligned table the CLI and the flows print: one line per site, the total, then the sites to check."""
    rows = summary_rows(summary)
    columns = list(rows[0])
    widths = {c: max(len(c), *(len(str(r[c])) for r in rows)) for c in columns[:-1]}
    lines = []
    for r in [dict(zip(columns, columns)), *rows]:
        cells = [str(r[c]).ljust(widths[c]) if c == "site" else str(r[c]).rjust(widths[c]) for c in columns[:-1]]
        lines.append("  ".join([*cells, str(r["errors"])]))
    return "\n".join(lines + health_lines(summary.health))
