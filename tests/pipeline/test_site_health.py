"""Site health and learned parameter folding over real crawl runs against sites on 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pipeline.crawl.crawl import Source, crawl_sites, format_summary
from pipeline.crawl.demo_site import build_site, corpus_articles, serve, stop
from pipeline.crawl.fold import learned_parameters
from pipeline.store import open_store

from .crawl_fixtures import FETCH_OPTIONS, HTML, ROOT


@pytest.fixture
def paper():
    """A paper of three articles and its listing."""
    site = serve({})
    site.routes.update(build_site(site.base, corpus_articles(ROOT / "corpus")[:3]))
    yield site
    stop(site)


def test_a_site_without_new_articles_for_seven_runs_is_flagged_in_the_summary_and_in_status(paper, tmp_path):
    source = Source("paper", (f"{paper.base}/xay-dung-dang/",), r"bai-viet-\d+\.html$", province="Lào Cai", delay=0.0)  # the demo paper's short slugs need the override
    db = str(tmp_path / "v.db")
    summaries = [crawl_sites([source], db, tmp_path / "a", **FETCH_OPTIONS) for _ in range(8)]
    assert summaries[0].new_articles == 3 and not summaries[0].health
    assert not summaries[6].health  # six empty runs: not yet
    assert summaries[7].health == {"paper": ["no new article for 7 runs"]}
    assert "CHECK paper: no new article for 7 runs" in format_summary(summaries[7])
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nname = "paper"\nprovince = "Lào Cai"\nstart_urls = ["{paper.base}/xay-dung-dang/"]\n', encoding="utf-8")
    status = subprocess.run([sys.executable, "-m", "pipeline.cli.main", "sources", "status", "--sources", str(sources), "--db", db], capture_output=True, text=True, cwd=ROOT)
    assert status.returncode == 0, status.stderr
    line = status.stdout.splitlines()[1]
    assert line.startswith("paper") and " 0 0 0 0 0 0 0 " in line and "no new article for 7 runs" in line  # the last seven runs, newest first


def test_article_pages_that_stop_cleaning_into_articles_flag_the_site(tmp_path):
    site = serve({})
    teasers = "".join(f'<h3><a href="/x/tin-so-{i}-ve-dang-bo-tinh-nam-nay-{i}.html">Tin số {i} về đảng bộ tỉnh năm nay và nhiều việc khác</a></h3>' for i in range(8))
    site.routes.update(build_site(site.base, [f"<html><body>{teasers}</body></html>".encode()] * 2))
    try:
        summary = crawl_sites([Source("broken", (f"{site.base}/xay-dung-dang/",), r"bai-viet-\d+\.html$", delay=0.0)], str(tmp_path / "v.db"), tmp_path / "a", **FETCH_OPTIONS)
    finally:
        stop(site)
    assert summary.new_articles == 0 and summary.health == {"broken": ["2 article pages cleaned into no article"]}


def test_a_parameter_that_left_the_content_hash_unchanged_is_folded_in_later_runs_without_a_fetch(tmp_path):
    site = serve({})
    bodies = corpus_articles(ROOT / "corpus")[:3]
    for i, body in enumerate(bodies, start=1):
        for query in ("", "?khung=hop", "?khung=luoi"):
            site.routes[f"/tin/bai-viet-so-{i}-100{i}.html{query}"] = (200, HTML, body)

    def listing(*links):
        return (200, HTML, ("<html><body>" + "".join(f'<a href="{link}">Bài viết</a>' for link in links) + "</body></html>").encode())

    site.routes["/tin/"] = listing("/tin/bai-viet-so-1-1001.html", "/tin/bai-viet-so-1-1001.html?khung=hop", "/tin/bai-viet-so-2-1002.html")
    source = Source("paper", (f"{site.base}/tin/",), delay=0.0)
    db = str(tmp_path / "v.db")
    try:
        first = crawl_sites([source], db, tmp_path / "a", **FETCH_OPTIONS)
        assert learned_parameters(open_store(db), "paper") == {"khung"}
        assert site.hits["/tin/bai-viet-so-1-1001.html?khung=hop"] == 1 and first.new_articles == 2
        site.routes["/tin/"] = listing("/tin/bai-viet-so-2-1002.html?khung=luoi", "/tin/bai-viet-so-3-1003.html?khung=hop")
        second = crawl_sites([source], db, tmp_path / "a", **FETCH_OPTIONS)
    finally:
        stop(site)
    assert site.hits["/tin/bai-viet-so-2-1002.html?khung=luoi"] == 0 and site.hits["/tin/bai-viet-so-3-1003.html?khung=hop"] == 0
    assert site.hits["/tin/bai-viet-so-3-1003.html"] == 1 and second.new_articles == 1
