"""Crawl a local fixture of 20 hosts × 50 articles with a 0.2 s delay: wall time against the politeness bound.

The bound is the slowest host's requests × its delay: with one connection per host and hosts
in parallel, no polite crawler finishes sooner. Target: within 1.3× of it. Also prints the
CPU time per article (clean + extract + store). Everything runs on 127.0.0.1.

    .venv/bin/python benchmarks/crawl_bench.py [--hosts 20] [--articles 50] [--delay 0.2]
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.crawl.crawl import Source, crawl_sites  # noqa: E402
from pipeline.crawl.demo_site import build_site, serve, stop  # noqa: E402


def articles(count: int, host: int) -> list[bytes]:
    """`count` short article pages of a host, each a few sentences of the dev corpus (distinct texts)."""
    sentences = [s.strip() for path in sorted((ROOT / "corpus/dev").glob("*.txt")) for s in re.split(r"(?<=\.)\s+", path.read_text(encoding="utf-8")) if len(s) > 60]
    pages = []
    for i in range(count):
        start = (host * count + i) * 3 % len(sentences)
        picked = sentences[start : start + 3]
        body = "".join(f"<p>{html.escape(s)}</p>" for s in picked)
        pages.append(f"<html><head><title>Tin {host}-{i}</title></head><body><article><h1>Tin {host}-{i}</h1>{body}<p>Bài số {host}-{i}.</p></article></body></html>".encode())
    return pages


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the parser processes)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def main() -> None:
    """Serve the hosts, crawl them once, print wall time against the bound and CPU per article."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--delay", type=float, default=0.2)
    parser.add_argument("--parsers", type=int, default=1, help="Processes that clean and extract (1: in the crawl's threads).")
    args = parser.parse_args()
    per_page = 10
    sites, sources = [], []
    for host in range(args.hosts):
        site = serve({})
        site.routes.update(build_site(site.base, articles(args.articles, host), per_page=per_page))
        sites.append(site)
        sources.append(
            Source(
                name=f"host{host:02d}",
                start_urls=(f"{site.base}/xay-dung-dang/",),
                article_pattern=r"-\d+\.html$",
                next_page="a.next",
                max_pages=args.articles // per_page + 1,
                delay=args.delay,
            )
        )
    with tempfile.TemporaryDirectory() as tmp:
        cpu, wall = _cpu(), time.monotonic()
        summary = crawl_sites(sources, str(Path(tmp) / "bench.db"), Path(tmp) / "archive", parsers=args.parsers)
        wall, cpu = time.monotonic() - wall, _cpu() - cpu
    for site in sites:
        stop(site)
    requests = max(sum(site.hits.values()) for site in sites)
    bound = requests * args.delay
    print(f"{args.hosts} hosts × {args.articles} articles, delay {args.delay} s: {summary.new_articles} articles, {summary.pages_fetched} pages")
    print(f"wall {wall:.1f} s; politeness bound {bound:.1f} s ({requests} requests on the slowest host × {args.delay} s): {wall / bound:.2f}× the bound (target ≤ 1.3×)")
    print(f"CPU {cpu:.1f} s (parser processes included), {1000 * cpu / max(summary.new_articles, 1):.1f} ms per article")


if __name__ == "__main__":
    main()
