"""`vnfacts sources` as a user runs it (a subprocess) against CMS sites served on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from pipeline.crawl.demo_site import corpus_articles, stop
from tests.pipeline.cms_sites import build

ROOT = Path(__file__).resolve().parents[1]


def _vnfacts(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run `vnfacts` in a subprocess."""
    return subprocess.run([sys.executable, "-m", "pipeline.cli.main", *args], cwd=cwd, capture_output=True, text=True, timeout=300, env=None)


@pytest.fixture(scope="module")
def sharepoint():
    """A SharePoint family site of four corpus articles."""
    family = build("sharepoint", corpus_articles(ROOT / "corpus")[:4])
    yield family
    stop(family.site)


def test_links_gives_each_link_its_verdict_and_reason_from_a_saved_page_or_a_url(sharepoint, tmp_path):
    saved = tmp_path / "listing.html"
    saved.write_bytes(sharepoint.site.routes["/Pages/xay-dung-dang.aspx"][2])
    result = _vnfacts("sources", "links", str(saved), sharepoint.start, "--base-url", sharepoint.site.base + "/", "--format", "json", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert set(rows[0]) == {"page", "url", "kind", "reason"} and {r["page"] for r in rows} == {str(saved), sharepoint.start}
    articles = {r["url"] for r in rows if r["kind"] == "article"}
    assert articles == {v[0] for v in sharepoint.articles[:3]}
    assert any(r["kind"] == "listing" and "search" in r["reason"] for r in rows)
    table = _vnfacts("sources", "links", str(saved), cwd=ROOT)
    assert table.returncode == 1 and "give --base-url" in table.stderr and "Traceback" not in table.stderr


def test_add_probes_a_section_url_and_appends_only_name_province_and_start_url_then_check_reports_it(sharepoint, tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text("# my sites\n", encoding="utf-8")
    added = _vnfacts("sources", "add", sharepoint.start, "--name", "dienbien_sp", "--province", "Điện Biên", "--sources", str(sources), "--delay", "0", cwd=ROOT)
    assert added.returncode == 0, added.stderr
    assert "article links: 3" in added.stdout and "next page: " + sharepoint.start + "?Page=2" in added.stdout
    entry = tomllib.loads(sources.read_text(encoding="utf-8"))["source"]
    assert entry == [{"name": "dienbien_sp", "province": "Điện Biên", "start_urls": [sharepoint.start]}]
    again = _vnfacts("sources", "add", sharepoint.start, "--name", "dienbien_sp", "--province", "Điện Biên", "--sources", str(sources), cwd=ROOT)
    assert again.returncode == 1 and "exists already" in again.stderr
    nothing = _vnfacts("sources", "add", sharepoint.site.base + "/lien-he", "--name", "x", "--province", "y", "--sources", str(sources), "--delay", "0", cwd=ROOT)
    assert nothing.returncode == 1 and "not added" in nothing.stderr and len(tomllib.loads(sources.read_text(encoding="utf-8"))["source"]) == 1

    sources.write_text(sources.read_text(encoding="utf-8") + "delay = 0.0\n", encoding="utf-8")
    checked = _vnfacts("sources", "check", "dienbien_sp", "--sources", str(sources), cwd=ROOT)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "OK: articles found and cleaned" in checked.stdout and checked.stdout.count(": article, ") == 3
    unknown = _vnfacts("sources", "check", "nobody", "--sources", str(sources), cwd=ROOT)
    assert unknown.returncode == 1 and "no source named nobody" in unknown.stderr
