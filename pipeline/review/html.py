"""Static pages of a review file for reading in a browser: each article's text with its facts highlighted by type (displaCy)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine

from ..errors import ReviewFileError
from ..store import articles
from .files import STATUSES, own_fields, read_lines

__all__ = ["COLORS", "label", "render_article", "write_pages"]

COLORS = {"official": "#7aecec", "document": "#feca74", "count": "#bfe1d9", "percentage": "#c887fb"}
_STYLE = """body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}
table{border-collapse:collapse;margin-top:2em}td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;font-size:.9em}
.status-rejected{text-decoration:line-through}.status-stale{color:#a00}"""


def label(n: int, line: dict[str, Any]) -> str:
    """A fact's label on the page: its number in the table, type and status."""
    return f"{n}. {line['type']} · {line['status']}"


_WORD = re.compile(r"\S+")
_PARAGRAPH = re.compile(r"[^\n]+")


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Character offsets of the white-space separated tokens of text[start:end]: displaCy's manual span input counts tokens."""
    return [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


def _token_span(tokens: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The tokens a character span touches, as displaCy's [start_token, end_token)."""
    touched = [i for i, (s, e) in enumerate(tokens) if s < end and e > start]
    return (touched[0], touched[-1] + 1) if touched else None


def _marked_paragraph(text: str, start: int, end: int, marks: list[tuple[int, int, str]], colors: dict[str, str]) -> str:
    """One paragraph of the text with the facts that start in it highlighted (a paragraph apiece keeps the breaks)."""
    from spacy import displacy

    tokens = _tokens(text, start, end)
    spans = []
    for s, e, name in marks:
        where = _token_span(tokens, s, min(e, end)) if start <= s < end else None
        if where:
            spans.append({"start_token": where[0], "end_token": where[1], "label": name})
    return displacy.render({"text": text[start:end], "tokens": [text[s:e] for s, e in tokens], "spans": spans}, style="span", manual=True, options={"colors": colors})


def render_article(article: dict[str, Any], lines: list[dict[str, Any]]) -> str:
    """One article's page: the text with each fact highlighted and labelled, then a table of fields and review fields."""
    text = article["text"]
    marks, colors, rows = [], {}, []
    for n, line in enumerate(sorted(lines, key=lambda x: (x.get("start") or 0)), 1):
        name = label(n, line)
        colors[name] = COLORS[line["type"]]
        if line["status"] != "stale":
            marks.append((line.get("start") or 0, line.get("end") or 0, name))
        values = {**{f: line.get(f) for f in own_fields(line["type"])}, **(line.get("corrected") or {})}
        fields = "<br>".join(f"{html.escape(k)}: {html.escape(str(v))}" for k, v in values.items() if v is not None)
        review = " ".join(html.escape(str(line.get(k))) for k in ("reviewer", "reviewed_at", "note") if line.get(k))
        rows.append(
            f'<tr class="status-{html.escape(str(line["status"]))}" data-fact-id="{html.escape(line.get("fact_id") or "")}">'
            f'<td style="background:{COLORS[line["type"]]}">{html.escape(name)}</td><td>{html.escape(line.get("span") or "")}</td>'
            f"<td>{fields}</td><td>{review}</td></tr>"
        )
    marked = "".join(_marked_paragraph(text, m.start(), m.end(), marks, colors) for m in _PARAGRAPH.finditer(text))
    title = html.escape(article["title"] or article["article_id"])
    source = html.escape(article["url"] or article["source"] or "")
    return (
        f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>{title}</title><style>{_STYLE}</style></head><body>'
        f"<h1>{title}</h1><p>{source} · {html.escape(article['article_id'])}</p>{marked}"
        f"<table><tr><th>fact</th><th>evidence</th><th>fields</th><th>review</th></tr>{''.join(rows)}</table></body></html>\n"
    )


def write_pages(engine: Engine, batch: Path, out: Path) -> list[Path]:
    """A page per article of the review file, and an index linking them; the pages written."""
    by_article: dict[str, list[dict[str, Any]]] = {}
    problems = []
    for lineno, line in read_lines(batch):
        if not isinstance(line, dict) or line.get("type") not in COLORS:
            problems.append(f"{batch}:{lineno}: {line if isinstance(line, ReviewFileError) else 'not a review line of a known fact type'}")
            continue
        if line.get("status") not in STATUSES:
            problems.append(f"{batch}:{lineno}: unknown review status {str(line.get('status'))[:80]!r} (one of {', '.join(STATUSES)})")
            continue
        by_article.setdefault(line.get("article_id"), []).append(line)
    with engine.connect() as conn:
        found = {r["article_id"]: dict(r) for r in conn.execute(select(articles).where(articles.c.article_id.in_(list(by_article)))).mappings()}
    problems += [f"{batch}: unknown article id {a!r}" for a in by_article if a not in found]
    if problems:
        raise ReviewFileError("\n".join(problems))
    out.mkdir(parents=True, exist_ok=True)
    pages, links = [], []
    for article_id, lines in sorted(by_article.items()):
        page = out / f"{re.sub(r'[^A-Za-z0-9_.-]', '_', article_id)}.html"
        page.write_text(render_article(found[article_id], lines), encoding="utf-8")
        pages.append(page)
        links.append(f'<li><a href="{page.name}">{html.escape(found[article_id]["title"] or article_id)}</a> ({len(lines)} facts)</li>')
    title = html.escape(batch.name)
    index = f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>{title}</title></head><body><h1>{title}</h1><ul>{"".join(links)}</ul></body></html>\n'
    (out / "index.html").write_text(index, encoding="utf-8")
    return pages
