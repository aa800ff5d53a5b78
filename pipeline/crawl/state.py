"""What the crawl remembers between runs, in the fact database: URLs seen, validators, run summaries.

The tables are made by migration `0003_crawl_state`; they live in their own `MetaData` so the
fact schema of `pipeline.store` stays as it is. An article's URL is marked done in the same
transaction that stores the article and its facts, so a killed crawl re-run redoes exactly
what was not committed.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Column, DateTime, Float, Integer, MetaData, String, Table, Text, func, insert, or_, select, update
from sqlalchemy.engine import Connection, Engine

from ..store import articles, utc_now
from .summary import SiteSummary

__all__ = [
    "crawl_metadata",
    "crawl_urls",
    "crawl_validators",
    "crawl_summaries",
    "QUEUED",
    "DONE",
    "FAILED",
    "GONE",
    "known_urls",
    "queue_urls",
    "pending_urls",
    "mark_done",
    "mark_failed",
    "validators",
    "save_validators",
    "save_summary",
    "summaries",
    "simhash",
    "story_of",
    "stories_of",
    "published_of",
]

QUEUED, DONE, FAILED, GONE = "queued", "done", "failed", "gone"

crawl_metadata = MetaData()

crawl_urls = Table(
    "crawl_urls",
    crawl_metadata,
    Column("url", Text, primary_key=True),
    Column("site", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("published", DateTime),
    Column("article_id", Text),
    Column("content_hash", String(64)),
    Column("simhash", String(16)),
    Column("story", Text),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("error", Text),
    Column("first_seen", DateTime, nullable=False),
    Column("fetched_at", DateTime),
    Column("run_id", Integer),
)

crawl_validators = Table(
    "crawl_validators",
    crawl_metadata,
    Column("url", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("checked_at", DateTime, nullable=False),
)

crawl_summaries = Table(
    "crawl_summaries",
    crawl_metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, nullable=False),
    Column("site", Text, nullable=False),
    Column("pages_fetched", Integer, nullable=False),
    Column("new_articles", Integer, nullable=False),
    Column("facts", JSON),
    Column("errors", JSON),
    Column("seconds", Float, nullable=False),
    Column("failed", Boolean, nullable=False),
)


def known_urls(engine: Engine, urls: Iterable[str]) -> dict[str, str]:
    """The status of each of `urls` the crawl has met before (absent: never seen)."""
    urls = list(urls)
    found: dict[str, str] = {}
    with engine.connect() as conn:
        for i in range(0, len(urls), 500):
            rows = conn.execute(select(crawl_urls.c.url, crawl_urls.c.status).where(crawl_urls.c.url.in_(urls[i : i + 500])))
            found.update({row.url: row.status for row in rows})
    return found


def queue_urls(engine: Engine, site: str, items: Iterable[tuple[str, datetime | None]], run_id: int) -> int:
    """Remember newly discovered article URLs (with a feed/sitemap date) as queued; the number added."""
    items = dict(items)
    known = known_urls(engine, items)
    new = [url for url in items if url not in known]
    if new:
        with engine.begin() as conn:
            now = utc_now()
            conn.execute(
                insert(crawl_urls),
                [{"url": u, "site": site, "status": QUEUED, "published": items[u], "first_seen": now, "run_id": run_id} for u in new],
            )
    return len(new)


def pending_urls(engine: Engine, site: str, max_attempts: int) -> list[str]:
    """A site's URLs still to fetch: queued ones, and transient failures tried fewer than `max_attempts` times."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(crawl_urls.c.url)
            .where(crawl_urls.c.site == site)
            .where(or_(crawl_urls.c.status == QUEUED, (crawl_urls.c.status == FAILED) & (crawl_urls.c.attempts < max_attempts)))
            .order_by(crawl_urls.c.first_seen, crawl_urls.c.url)
        )
        return [row.url for row in rows]


def _shingles(text: str) -> set[str]:
    """Word 3-grams of a text, lower case: what near-duplicate stories share."""
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i : i + 3]) for i in range(max(len(words) - 2, 1))}


def simhash(text: str) -> str:
    """The 64-bit SimHash of a text's word 3-grams, as 16 hex digits: near-equal texts differ in few bits."""
    weights = [0] * 64
    for shingle in _shingles(text):
        value = int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if value >> bit & 1 else -1
    return f"{sum(1 << bit for bit in range(64) if weights[bit] > 0):016x}"


# Texts whose SimHashes differ in at most this many of 64 bits are one story; by pigeonhole they share one of four 16-bit bands.
_NEAR_BITS = 3


def story_of(conn: Connection, fingerprint: str, article_id: str) -> str:
    """The story an article belongs to: the first stored article with a near-equal text, else itself."""
    bands = [func.substr(crawl_urls.c.simhash, 1 + 4 * i, 4) == fingerprint[4 * i : 4 * i + 4] for i in range(4)]
    rows = conn.execute(select(crawl_urls.c.simhash, crawl_urls.c.story).where(crawl_urls.c.status == DONE, crawl_urls.c.story.is_not(None), or_(*bands)))
    target = int(fingerprint, 16)
    near = sorted(row.story for row in rows if (int(row.simhash, 16) ^ target).bit_count() <= _NEAR_BITS)
    return near[0] if near else article_id


def stories_of(engine: Engine, urls: Iterable[str]) -> dict[str, str]:
    """The story of each stored URL among `urls` (reprocessing keeps the links the crawl made)."""
    urls = list(urls)
    with engine.connect() as conn:
        return {
            url: story
            for start in range(0, len(urls), 500)
            for url, story in conn.execute(select(crawl_urls.c.url, crawl_urls.c.story).where(crawl_urls.c.url.in_(urls[start : start + 500]), crawl_urls.c.story.is_not(None)))
        }


def published_of(engine: Engine, urls: Iterable[str]) -> dict[str, datetime | None]:
    """The published date of each stored article among `urls` (None when its page gives none)."""
    urls = list(urls)
    with engine.connect() as conn:
        return dict(
            conn.execute(
                select(crawl_urls.c.url, articles.c.published)
                .join(articles, articles.c.article_id == crawl_urls.c.article_id)
                .where(crawl_urls.c.url.in_(urls), crawl_urls.c.status == DONE)
            ).all()
        )


# PostgreSQL advisory lock held while an article's story is chosen: two sites storing the same story at once would each miss the other.
_STORY_LOCK = 0x766E66616374


def mark_done(conn: Connection, url: str, article_id: str | None, text: str, run_id: int) -> str | None:
    """Mark `url` fetched and stored (in the caller's transaction, with the article); its story id.

    The row is written first: on SQLite that takes the database's write lock, and on PostgreSQL an
    advisory lock is taken, so story lookups run one at a time and each sees every story committed.
    """
    values: dict[str, Any] = {"status": DONE, "article_id": article_id, "fetched_at": utc_now(), "run_id": run_id, "error": None}
    conn.execute(update(crawl_urls).where(crawl_urls.c.url == url).values(**values))
    if not text:
        return None
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(_STORY_LOCK)))
    fingerprint = simhash(text)
    story = story_of(conn, fingerprint, article_id or url)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    conn.execute(update(crawl_urls).where(crawl_urls.c.url == url).values(content_hash=digest, simhash=fingerprint, story=story))
    return story


def mark_failed(engine: Engine, url: str, kind: str, transient: bool) -> None:
    """Record a failed fetch: a transient one is tried again in later runs, a permanent one never."""
    with engine.begin() as conn:
        conn.execute(
            update(crawl_urls).where(crawl_urls.c.url == url).values(status=FAILED if transient else GONE, error=kind, attempts=crawl_urls.c.attempts + 1, fetched_at=utc_now())
        )


def validators(engine: Engine, url: str) -> dict[str, str]:
    """Conditional-GET headers for a listing page or feed fetched before (If-None-Match, If-Modified-Since)."""
    with engine.connect() as conn:
        row = conn.execute(select(crawl_validators).where(crawl_validators.c.url == url)).first()
    headers = {}
    if row is not None and row.etag:
        headers["If-None-Match"] = row.etag
    if row is not None and row.last_modified:
        headers["If-Modified-Since"] = row.last_modified
    return headers


def save_validators(engine: Engine, found: dict[str, tuple[str | None, str | None]]) -> None:
    """Keep each URL's ETag and Last-Modified for the next run (after its links are safely queued)."""
    with engine.begin() as conn:
        for url, (etag, modified) in found.items():
            if not (etag or modified):
                continue
            values = {"etag": etag, "last_modified": modified, "checked_at": utc_now()}
            if conn.execute(update(crawl_validators).where(crawl_validators.c.url == url).values(**values)).rowcount == 0:
                conn.execute(insert(crawl_validators).values(url=url, **values))


def save_summary(engine: Engine, run_id: int, site: str, summary: SiteSummary) -> None:
    """Store one site's (or, with site "*", the whole run's) summary."""
    with engine.begin() as conn:
        conn.execute(
            insert(crawl_summaries).values(
                run_id=run_id,
                site=site,
                pages_fetched=summary.pages_fetched,
                new_articles=summary.new_articles,
                facts=dict(summary.facts),
                errors=dict(summary.errors),
                seconds=summary.seconds,
                failed=summary.failed,
            )
        )


def summaries(engine: Engine, run_id: int) -> list[dict[str, Any]]:
    """The stored summaries of a run, per site and "*" for the whole run."""
    with engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(select(crawl_summaries).where(crawl_summaries.c.run_id == run_id).order_by(crawl_summaries.c.id))]
