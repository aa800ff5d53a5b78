"""Static pages of a review file for reading in a browser: each article's text with its facts highlighted (displaCy).

A highlight's colour says the fact's review status (its label says type and status in words);
the table below gives each fact's fields, a correction as `before → after`; the index links
each article with its facts counted by status.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine

from extractors.schema import FACT_TYPES

from ..errors import ReviewFileError
from ..store import articles
from .files import STATUSES, own_fields, read_lines

__all__ = ["COLORS", "STATUS_COLORS", "STATUS_WORDS", "label", "render_article", "write_pages"]

COLORS = {kind: cls.COLOR for kind, cls in FACT_TYPES.items()}  # each type's colour is on its schema class
_STYLE = """body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}
table{border-collapse:collapse;margin-top:2em}td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;font-size:.9em}
.status-rejected{text-decoration:line-through}.status-stale{color:#a00}.before{color:#777;text-decoration:line-through}
.legend span{padding:.1em .4em;margin-right:.5em;border-radius:.2em}"""
# A highlight's colour by review status: grey not yet reviewed, green accepted, red rejected, ...
STATUS_COLORS = {
    "pending": "#dddddd",
    "accepted": "#a8e6a1",
    "rejected": "#f5a3a3",
    "corrected": "#ffd27f",
    "added": "#9ecbff",
    "stale": "#c9b8e8",
}
# A status as the page says it.
STATUS_WORDS = {
    "pending": "not reviewed yet",
    "accepted": "accepted",
    "rejected": "rejected",
    "corrected": "corrected",
    "added": "added by a reviewer",
    "stale": "stale: the text changed",
}


def label(n: int, line: dict[str, Any]) -> str:
    """A fact's label on the page: its number in the table, type and status in words."""
    return f"{n}. {line['type']} · {STATUS_WORDS.get(line['status'], line['status'])}"


def _legend() -> str:
    """What each highlight colour means."""
    keys = "".join(f'<span style="background:{STATUS_COLORS[s]}">{html.escape(w)}</span>' for s, w in STATUS_WORDS.items())
    return f'<p class="legend">{keys}</p>'


def _fields(line: dict[str, Any]) -> str:
    """A fact's fields as table cell HTML, a corrected field as `before → after`."""
    corrected = line.get("corrected") or {}
    cells = []
    for name in own_fields(line["type"]):
        before, after = line.get(name), corrected.get(name, line.get(name))
        if name in corrected and before != after:
            shown = f'<span class="before">{html.escape(str(before))}</span> → <b>{html.escape(str(after))}</b>'
        elif after is not None:
            shown = html.escape(str(after))
        else:
            continue
        cells.append(f"{html.escape(name)}: {shown}")
    return "<br>".join(cells)


def _counts(lines: list[dict[str, Any]]) -> str:
    """An article's facts counted by status, in words."""
    counts = Counter(line["status"] for line in lines)
    return ", ".join(f"{counts[s]} {STATUS_WORDS[s]}" for s in STATUS_WORDS if counts[s])


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
    for n, line in enumerate(sorted(lines, key=lambda x: x.get("start") or 0), 1):
        name = label(n, line)
        colors[name] = STATUS_COLORS.get(line["status"], STATUS_COLORS["pending"])
        if line["status"] != "stale":
            marks.append((line.get("start") or 0, line.get("end") or 0, name))
        fields = _fields(line)
        said = [STATUS_WORDS.get(line["status"], line["status"])] + [str(line.get(k)) for k in ("reviewer", "reviewed_at", "note") if line.get(k)]
        review = " · ".join(html.escape(part) for part in said)
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
        f"<h1>{title}</h1><p>{source} · {html.escape(article['article_id'])}</p>{_legend()}{marked}"
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
        counts = html.escape(_counts(lines))
        links.append(f'<li><a href="{page.name}">{html.escape(found[article_id]["title"] or article_id)}</a> ({len(lines)} facts: {counts})</li>')
    title = html.escape(batch.name)
    every = html.escape(_counts([line for lines in by_article.values() for line in lines]))
    index = (
        f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>{title}</title><style>{_STYLE}</style></head><body><h1>{title}</h1>'
        f"<p>{len(by_article)} articles; facts: {every}</p>{_legend()}<ul>{''.join(links)}</ul></body></html>\n"
    )
    (out / "index.html").write_text(index, encoding="utf-8")
    return pages
