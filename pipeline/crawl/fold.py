"""One fetch per article: URLs that differ only by parameters that do not change the page are folded into one.

Three sources of knowledge, none needing a fetch of the variant: parameters known never to
name a page (tracking, session, Liferay `redirect=`/`inheritRedirect=`/`p_p_*`, sort order);
parameters this site has shown not to matter (two stored URLs, equal but for the parameter,
whose cleaned texts have one content hash); and the page's canonical link, remembered as
done once the article behind it is stored.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection, Engine

from .discover import canonical_url
from .state import DONE, crawl_urls

__all__ = ["NOISE_PARAMETER", "fold_url", "folder", "learned_parameters", "remember_canonical"]

# Parameters that never name a page: tracking, sessions, Liferay portlet state and return paths, sort order.
NOISE_PARAMETER = re.compile(
    r"^(utm_\w+|fbclid|gclid|zarsrc|zalo_\w+|ref|source|_ga|jsessionid|phpsessid|sid|sessionid|"
    r"redirect|inheritredirect|backurl|returnurl|p_p_\w+|p_r_p_\w+|p_l_\w+|_[\w.]+_(redirect|backurl)|"
    r"sort|order|orderby|sortby|sort_order|view_mode)$",
    re.IGNORECASE,
)


def fold_url(url: str, learned: Iterable[str] = ()) -> str:
    """The canonical URL without noise parameters, the site's `learned` ones or a `;jsessionid=` path part."""
    drop = {name.lower() for name in learned}
    parts = urlsplit(canonical_url(url))
    path = re.sub(r";jsessionid=[^/?]*", "", parts.path, flags=re.IGNORECASE)
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not NOISE_PARAMETER.match(k) and k.lower() not in drop]
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(kept), ""))


def folder(engine: Engine, site: str) -> Callable[[str], str]:
    """`fold_url` with what `site` has taught so far, for one discovery pass."""
    learned = learned_parameters(engine, site)
    return lambda url: fold_url(url, learned)


def learned_parameters(engine: Engine, site: str) -> frozenset[str]:
    """The parameters alone telling apart two stored URLs of one content hash on one path, and never two different pages.

    A parameter that ever separates two different texts on one path (an `ItemID`) names pages and is never folded,
    even when one story is stored twice under two ids.
    """
    with engine.connect() as conn:
        rows = conn.execute(
            select(crawl_urls.c.url, crawl_urls.c.content_hash).where(crawl_urls.c.site == site, crawl_urls.c.status == DONE, crawl_urls.c.content_hash.is_not(None))
        ).all()
    by_path: dict[tuple[str, str], list[tuple[dict[str, str], str]]] = defaultdict(list)
    for url, digest in rows:
        parts = urlsplit(url)
        by_path[(parts.netloc, parts.path)].append(({k.lower(): v for k, v in parse_qsl(parts.query, keep_blank_values=True)}, digest))
    same: set[str] = set()
    naming: set[str] = set()
    for pages in by_path.values():
        for key in {k for query, _ in pages for k in query}:
            buckets: dict[frozenset, dict[str | None, set[str]]] = defaultdict(lambda: defaultdict(set))
            for query, digest in pages:
                buckets[frozenset((k, v) for k, v in query.items() if k != key)][query.get(key)].add(digest)
            for values in buckets.values():
                if len(values) > 1:
                    hashes = set().union(*values.values())
                    (same if len(hashes) == 1 else naming).add(key)
    return frozenset(same - naming)


def remember_canonical(conn: Connection, site: str, url: str, canonical: str | None, article_id: str | None, run_id: int) -> None:
    """Mark the article's canonical URL (on the same host, folded) done too, so a later link to it is not fetched."""
    if not canonical or not article_id:
        return
    folded = fold_url(canonical)
    if folded == url or urlsplit(folded).netloc != urlsplit(url).netloc:
        return
    if conn.execute(select(crawl_urls.c.url).where(crawl_urls.c.url == folded)).first() is None:
        row = conn.execute(select(crawl_urls).where(crawl_urls.c.url == url)).first()
        if row is not None:
            values = {**row._mapping, "url": folded, "site": site, "status": DONE, "run_id": run_id}
            conn.execute(insert(crawl_urls).values(**values))
