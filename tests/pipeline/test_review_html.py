import shutil
import subprocess

import pytest
from sqlalchemy import select

from pipeline.review.files import export_lines, write_lines
from pipeline.review.html import STATUS_COLORS, label, write_pages
from pipeline.store import articles
from tests.pipeline.test_review import TEXT, _store

CHROMIUM = shutil.which("chromium")


def _dom(page, tmp_path):
    """The page as headless Chromium renders it."""
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--dump-dom",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        page.as_uri(),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=True).stdout


def test_review_html_page_highlights_each_fact_with_type_status_and_fields(db_url, tmp_path):
    engine = _store(db_url, TEXT.replace(". Đảng bộ", ".\nĐảng bộ"))
    lines = export_lines(engine)
    lines[0].update(status="accepted", reviewer="lan")
    batch = tmp_path / "batch.jsonl"
    write_lines(lines, batch)
    (page,) = write_pages(engine, batch, tmp_path / "pages")
    html = page.read_text(encoding="utf-8")
    for n, line in enumerate(lines, 1):
        assert label(n, line) in html and f'data-fact-id="{line["fact_id"]}"' in html
    assert "#7aecec" in html and "#bfe1d9" in html and "value: 120" in html
    with engine.connect() as conn:
        text_ = conn.execute(select(articles.c.text)).scalar_one()
    assert html.count('class="spans"') == len([p for p in text_.split("\n") if p.strip()]) > 1  # a block per paragraph
    assert (tmp_path / "pages" / "index.html").read_text(encoding="utf-8").count("<li>") == 1


def test_review_html_colours_by_status_says_it_in_words_and_shows_corrections(db_url, tmp_path):
    engine = _store(db_url)
    lines = export_lines(engine)
    lines[0].update(status="accepted", reviewer="lan")
    lines[2].update(status="corrected", reviewer="lan", corrected={"value": 121})
    batch = tmp_path / "batch.jsonl"
    write_lines(lines, batch)
    (page,) = write_pages(engine, batch, tmp_path / "pages")
    html = page.read_text(encoding="utf-8")
    assert "1. official · accepted" in html and "2. official · not reviewed yet" in html and "3. count · corrected" in html
    assert all(STATUS_COLORS[s] in html for s in ("accepted", "pending", "corrected"))
    assert "120</span> → <b>121</b>" in html
    index = (tmp_path / "pages" / "index.html").read_text(encoding="utf-8")
    assert f'href="{page.name}"' in index and "3 facts: 1 not reviewed yet, 1 accepted, 1 corrected" in index


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (installed by .ci/run)")
def test_review_html_highlighted_facts_are_in_the_page_chromium_renders(tmp_path):
    engine = _store(f"sqlite:///{tmp_path / 'vnfacts.db'}")
    lines = export_lines(engine)
    batch = tmp_path / "batch.jsonl"
    write_lines(lines, batch)
    (page,) = write_pages(engine, batch, tmp_path / "pages")
    marked = _dom(page, tmp_path).split('class="spans"', 1)[1].split("<table", 1)[0]
    for n, line in enumerate(lines, 1):
        assert label(n, line) in marked
    # every fact is pending: each highlight has the pending colour
    assert marked.count(f"background: {STATUS_COLORS['pending']}") >= len(lines)
