"""Telling a listing page's article links from navigation without a per-site pattern.

A link's verdict (`article`, `listing` or `other`, with the reason) comes from what Vietnamese
news sites share: the URL's shape (rules in `data/links.toml`), the anchor (a headline, a page
number, "Xem thêm"), and the page's structure (links of one shape repeated in the main list
behind headlines; one URL behind a thumbnail and a headline). A source's `article_pattern`,
when it has one, overrides the verdicts.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import parse_qsl, urljoin, urlsplit

from bs4 import BeautifulSoup

from .discover import listing_links
from .fetch import host_of
from .fold import fold_url

__all__ = ["ARTICLE", "LISTING", "OTHER", "Link", "link_rules", "likely_article", "shape_verdict", "classify_links", "article_links", "page_base", "anchors"]

ARTICLE, LISTING, OTHER = "article", "listing", "other"
_DATA = Path(__file__).with_name("data") / "links.toml"
_ORDER = (("other", OTHER), ("listing", LISTING), ("article", ARTICLE), ("section", LISTING))


@dataclass(frozen=True)
class Link:
    """One link of a page with its verdict and why."""

    url: str
    kind: str
    reason: str
    anchor: str = ""


@cache
def link_rules() -> dict:
    """The link rules of data/links.toml, regexes compiled."""
    data = tomllib.loads(_DATA.read_text(encoding="utf-8"))
    data["rules"] = [(kind, re.compile(rx, re.IGNORECASE), reason) for name, kind in _ORDER for rx, reason in data[name]]
    return data


def shape_verdict(url: str) -> tuple[str, str] | None:
    """The verdict a URL's shape alone gives, with its reason; None when the shape does not decide."""
    parts = urlsplit(url)
    target = f"{parts.path}?{parts.query}" if parts.query else parts.path
    for kind, rule, reason in link_rules()["rules"]:
        if rule.search(parts.path) or parts.query and rule.search(target):
            return kind, reason
    return None


def _words(text: str) -> int:
    """How many words a text has."""
    return len(text.split())


def _shape(url: str) -> str:
    """A URL's shape: path segments and query values reduced to classes, so one site's article links share it."""
    parts = urlsplit(url)

    def reduce(segment: str) -> str:
        if re.fullmatch(r"[^\W_]+(-[^\W_]+){2,}(-\d+)?(\.\w+)?", segment):  # a slug: its words and numbers do not matter
            return re.sub(r"^.*?(-\d+)?(\.\w+)?$", lambda m: "s" + ("-9" if m.group(1) else "") + (m.group(2) or ""), segment)
        segment = re.sub(r"\d+", "9", segment)
        return re.sub(r"[^\W\d_]+(?:-[^\W\d_]+)*", "a", segment)

    path = "/".join(reduce(s) for s in parts.path.split("/"))
    query = "&".join(f"{k}={reduce(v)}" for k, v in sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return f"{path}?{query}"


def page_base(html: str, fallback: str | None) -> str | None:
    """The URL a page's relative links resolve against: its `<base href>`, else its canonical link, else `fallback`."""
    soup = BeautifulSoup(html, "lxml")
    base = soup.find("base", href=True)
    if base is not None and urlsplit(base["href"]).scheme in ("http", "https"):
        return base["href"]
    canonical = soup.find("link", rel="canonical", href=True)
    if canonical is not None and urlsplit(urljoin(fallback or "", canonical["href"])).scheme in ("http", "https"):
        return urljoin(fallback or "", canonical["href"])
    return fallback


def anchors(html: str, base_url: str, fold: Callable[[str], str] = fold_url) -> list[tuple[str, str, bool]]:
    """(folded URL, anchor text, holds an image) of each followable link of a page, in page order."""
    found = []
    for anchor in BeautifulSoup(html, "lxml").find_all("a", href=True):
        href = anchor["href"].strip()
        if not href or href.startswith(("javascript:", "mailto:", "tel:", "#")):
            continue
        text = " ".join(anchor.get_text(" ").split()) or " ".join(str(anchor.get("title", "")).split())
        found.append((fold(urljoin(base_url, href)), text, anchor.find("img") is not None))
    return found


def _paging_anchor(text: str) -> bool:
    """Whether an anchor is a page number or a pagination/"more" word."""
    return text.isdigit() or text.lower() in link_rules()["paging_words"]


def _section(url: str) -> bool:
    """Whether a URL is a short, digit-free path of few words, or the home page: a site section."""
    parts, rules = urlsplit(url), link_rules()
    segments = [s for s in parts.path.split("/") if s]
    if parts.query or re.search(r"\d", parts.path) or len(segments) > rules["section_segments"]:
        return False
    return not segments or len(re.split(r"[-_]", segments[-1].rsplit(".", 1)[0])) <= rules["section_words"]


def classify_links(html: str, base_url: str, hosts: set[str] | None = None, fold: Callable[[str], str] = fold_url) -> list[Link]:
    """Every distinct link of a page with its verdict and reason, in page order."""
    rules = link_rules()
    hosts = hosts or {host_of(base_url)}
    found = anchors(html, base_url, fold)
    texts: dict[str, list[str]] = defaultdict(list)
    images: set[str] = set()
    for url, text, image in found:
        texts[url].append(text)
        if image:
            images.add(url)
    headline = {url for url, said in texts.items() if max(map(_words, said)) >= rules["headline_words"]}
    by_shape: dict[str, set[str]] = defaultdict(set)
    for url in headline:
        by_shape[_shape(url)].add(url)
    links = []
    for url, said in texts.items():
        anchor = max(said, key=len)
        links.append(Link(url, *_verdict(url, said, hosts, url in headline, url in images, len(by_shape[_shape(url)])), anchor))
    return links


def _verdict(url: str, said: list[str], hosts: set[str], headline: bool, image: bool, same_shape: int) -> tuple[str, str]:
    """One link's verdict from its URL, its anchors and how many headline links share its shape."""
    rules = link_rules()
    if urlsplit(url).scheme not in ("http", "https"):
        return OTHER, "not a web page"
    if host_of(url) not in hosts:
        return OTHER, "off the site"
    shaped = shape_verdict(url)
    if shaped is not None:
        return shaped
    if not urlsplit(url).path.strip("/") and not urlsplit(url).query:
        return LISTING, "the home page"
    paging = [text for text in said if _paging_anchor(text)]
    if paging:
        return LISTING, f"a pagination link (anchor {paging[0]!r})"
    if headline and same_shape >= rules["main_list_links"]:
        return ARTICLE, f"one of {same_shape} headline links of one URL shape (the main list)"
    if headline and image:
        return ARTICLE, "behind a thumbnail and a headline"
    if _section(url):
        return LISTING, "a short section path"
    return OTHER, "no article shape, not in the main list"


def article_links(html: str, base_url: str, pattern: str | None = None, fold: Callable[[str], str] = fold_url, hosts: set[str] | None = None) -> list[str]:
    """The article URLs a listing page links to, in page order, each once: by `pattern` when given, else by verdict."""
    if pattern:
        return listing_links(html, base_url, pattern, fold)
    return [link.url for link in classify_links(html, base_url, hosts, fold) if link.kind == ARTICLE]


def likely_article(url: str) -> bool:
    """Whether a feed or sitemap item, with no page around it, may be an article: an article shape, or no listing shape."""
    shaped = shape_verdict(url)
    return shaped[0] == ARTICLE if shaped is not None else not _section(url)
