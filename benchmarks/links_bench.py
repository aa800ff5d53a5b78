"""Article recall and listing rejection on the link-verdict table, beside a URL-only baseline, in one run.

Measured on corpus/links/verdicts.tsv: URL shapes written from issue 13 (built, not fetched from live
sites). The baseline is newspaper4k's `valid_url` heuristic, REIMPLEMENTED here from its published
rules (newspaper/urls.py: length, file type, news slug of >4 dashes, >=2 path chunks, bad chunks,
date regex, good paths) because newspaper4k pulls in nltk and more; its tldextract call is
approximated by a small list of suffixes. `python benchmarks/links_bench.py`
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path
from urllib.parse import urlparse, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.crawl.links import ARTICLE, classify_links  # noqa: E402

TABLE = Path(__file__).resolve().parents[1] / "corpus/links/verdicts.tsv"
ALLOWED_TYPES = ["html", "htm", "md", "rst", "aspx", "jsp", "rhtml", "cgi", "xhtml", "jhtml", "asp", "shtml"]
GOOD_PATHS = ["story", "article", "feature", "featured", "slides", "slideshow", "gallery", "news", "video", "media", "v", "radio", "press"]
BAD_CHUNKS = [
    "careers",
    "contact",
    "about",
    "faq",
    "terms",
    "privacy",
    "advert",
    "preferences",
    "feedback",
    "info",
    "browse",
    "howto",
    "account",
    "subscribe",
    "donate",
    "shop",
    "admin",
    "auth_user",
    "emploi",
    "annonces",
    "blog",
    "courrierdesinternautes",
    "event",
    "forum",
    "hors-serie",
    "membre",
    "publicite",
    "videos",
    "week-end",
    "user",
    "login",
    "traffic",
    "jobs",
    "classified",
    "subscriptions",
]
BAD_DOMAINS = ["amazon", "doubleclick", "twitter", "facebook", "google", "youtube", "instagram", "pinterest"]
DATE_REGEX = r"([\./\-_\s]?(19|20)\d{2})[\./\-_\s]?(([0-3]?[0-9][\./\-_\s])|(\w{3,5}[\./\-_\s]))([0-3]?[0-9]([\./\-]|$)?)"
SUFFIXES = ("com.vn", "gov.vn", "org.vn", "net.vn", "edu.vn", "vn", "com", "net", "org")


def _domain(host: str) -> tuple[str, str]:
    """(subdomain, domain) of a host, as tldextract splits it for these suffixes."""
    for suffix in SUFFIXES:
        if host.endswith("." + suffix):
            labels = host[: -len(suffix) - 1].split(".")
            return ".".join(labels[:-1]), labels[-1]
    return "", host


def _filetype(url: str) -> str | None:
    """newspaper's url_to_filetype."""
    chunks = [x for x in urlparse(url).path.rstrip("/").split("/") if x]
    last = chunks[-1].split(".") if chunks else [""]
    if len(last) < 2:
        return None
    kind = last[-1]
    return kind.lower() if len(kind) <= 5 or kind.lower() in ALLOWED_TYPES else None


def valid_url(url: str) -> bool:
    """newspaper4k's valid_url, rule for rule."""
    if url is None or len(url) < 11 or "mailto:" in url:
        return False
    path = urlparse(url).path
    if not path.startswith("/"):
        return False
    path = path[:-1] if path.endswith("/") else path
    chunks = [x for x in path.split("/") if x]
    if chunks:
        kind = _filetype(url)
        if kind and kind not in ALLOWED_TYPES:
            return False
        last = chunks[-1].split(".")
        if len(last) > 1:
            chunks[-1] = last[-2]
    if "index" in chunks:
        chunks.remove("index")
    subdomain, tld = _domain(urlsplit(url).netloc.lower())
    slug = chunks[-1] if chunks else ""
    if tld in BAD_DOMAINS:
        return False
    dashes, underscores = (slug.count("-"), slug.count("_")) if chunks else (0, 0)
    if slug and (dashes > 4 or underscores > 4):
        if dashes >= underscores and tld not in [x.lower() for x in slug.split("-")]:
            return True
        if underscores > dashes and tld not in [x.lower() for x in slug.split("_")]:
            return True
    if len(chunks) <= 1:
        return False
    if any(b in chunks or b == subdomain for b in BAD_CHUNKS):
        return False
    if re.search(DATE_REGEX, url) is not None:
        return True
    return any(good.lower() in [p.lower() for p in chunks] for good in GOOD_PATHS)


def ours(url: str, anchor: str) -> bool:
    """Our verdict for the link alone on a page of its own site (no structure to lean on)."""
    page = f'<a href="{html.escape(url)}">{html.escape(anchor)}</a>'
    return classify_links(page, f"{urlsplit(url).scheme}://{urlsplit(url).netloc}/")[0].kind == ARTICLE


def main() -> None:
    """Print recall on article rows and rejection on listing/other rows, for both methods."""
    rows = [line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    arts = [(u, a) for u, a, k in rows if k == ARTICLE]
    rest = [(u, a) for u, a, k in rows if k != ARTICLE]
    print(f"{len(rows)} links ({len(arts)} articles, {len(rest)} listing/other) of {len({urlsplit(u).netloc for u, _, _ in rows})} hosts: built table, not live pages")
    for name, judge in (("vnfacts links", ours), ("newspaper4k valid_url (reimplemented)", lambda u, a: valid_url(u))):
        recall = sum(judge(u, a) for u, a in arts) / len(arts)
        rejection = sum(not judge(u, a) for u, a in rest) / len(rest)
        print(f"{name:40s} article recall {recall:6.1%}   listing/other rejection {rejection:6.1%}")


if __name__ == "__main__":
    main()
