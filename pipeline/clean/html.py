"""Cleaning an HTML page from its markup, with the phrases of the text cleaner and optional site profiles."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from .. import settings
from ..errors import EmptyPageError
from ..text.normalize import fold
from .blocks import (
    CONTAINER_TAGS,
    HEADING_TAGS,
    Reader,
    Span,
    TextBlock,
)
from .lines import (
    CLOSERS,
    FURNITURE,
    WORD,
    Line,
    Page,
    dateline_match,
    ends_sentence,
    is_paragraph,
    label_datelines,
    label_head,
    label_lead,
    label_tail,
    line_key,
    make_page,
    plural,
    signature_label,
    trim,
)
from .metadata import (
    author_name,
    canonical_url,
    declared_url,
    hint_title,
    meta_author,
    page_language,
    published_time,
)
from .parts import inline_boxes, is_teaser, markup_label, photo_story, teaser_sapos
from .selectors import (
    GENERIC_SELECTORS,
    Profile,
    SelectorIndex,
    build_index,
    load_profiles,
    parse_selector,
)

# --- HTML -------------------------------------------------------------------------------
#
# An HTML page is read in one pass over its tree into text blocks (`blocks.py`), each with
# what its markup says; here, its alignment too. The article container is the
# element whose paragraph text, weighted by closeness and discounted by link text, is the
# highest; the title, dateline and lead are looked for just before it, the byline and
# source at its end. A site profile (profiles/*.toml) can name these parts outright.


# --- bounds ------------------------------------------------------------------------------


def _bounded(html: str, notes: list[str]) -> str:
    """The page cut at `max_chars` characters or the `max_tags`-th tag, whichever comes first; the cut noted."""
    cut = min(len(html), settings.HTML_MAX_CHARS)
    if html.count("<", 0, cut) > settings.HTML_MAX_TAGS:
        position = -1
        for _ in range(settings.HTML_MAX_TAGS):
            position = html.find("<", position + 1)
        cut = position
    if cut < len(html):
        notes.append(f"page cut at {cut} of {len(html)} characters ({settings.HTML_MAX_TAGS} tags, {settings.HTML_MAX_CHARS} characters at most)")
    return html[:cut]


# --- choosing the article -----------------------------------------------------------------


def _measure(blocks: list[TextBlock], spans: dict[int, Span]) -> None:
    """Fill each block's paragraph mass; mark furniture, sparing frames that hold most of an article's text."""
    for block in blocks:
        if (
            block.element.name not in HEADING_TAGS
            and block.chars >= settings.HTML_PARAGRAPH_CHARS
            and block.share(block.links) < 0.5
            and len(block.text.split()) >= settings.HTML_PARAGRAPH_WORDS
            and not FURNITURE.fullmatch(block.key)
        ):
            block.mass = block.chars - block.links
    total = sum(block.mass for block in blocks) or 1
    prefix = _prefix([block.mass for block in blocks])
    frames: dict[int, bool] = {}
    for block in blocks:
        for element in block.drops:
            if id(element) not in frames:
                span = spans.get(id(element))
                mass = prefix[span.end] - prefix[span.start] if span else 0
                frames[id(element)] = mass > settings.HTML_FRAME_SHARE * total and mass >= settings.HTML_ARTICLE_CHARS
        block.furniture = any(not frames[id(element)] for element in block.drops)


def _prefix(values: list[int]) -> list[int]:
    """Running sums, one more than `values`, starting at 0."""
    sums = [0]
    for value in values:
        sums.append(sums[-1] + value)
    return sums


def _scores(blocks: list[TextBlock], spans: dict[int, Span]) -> dict[int, float]:
    """Each candidate container's score: weighted paragraph text inside it, discounted by its link share."""
    weights = settings.HTML_ANCESTOR_WEIGHTS
    raw: dict[int, float] = {}
    for block in blocks:
        if not block.mass or block.furniture:
            continue
        node: Tag | None = block.element
        for level, weight in enumerate(weights):
            if node is None or not isinstance(node, Tag):
                break
            if level or node.name in CONTAINER_TAGS:
                raw[id(node)] = raw.get(id(node), 0.0) + weight * block.mass
            node = node.parent
    chars = _prefix([block.chars for block in blocks])
    links = _prefix([block.links for block in blocks])
    scores: dict[int, float] = {}
    for key, value in raw.items():
        span = spans.get(key)
        if span is None:
            continue
        total = chars[span.end] - chars[span.start]
        linked = links[span.end] - links[span.start]
        scores[key] = value * (1 - linked / total) ** settings.HTML_LINK_POWER if total else 0.0
    return scores


def _candidates(scores: dict[int, float], spans: dict[int, Span]) -> list[Span]:
    """Containers scoring near the best, none inside another kept one, in document order."""
    ranked = sorted(scores, key=lambda k: (-scores[k], -spans[k].start))
    if not ranked:
        return []
    floor = settings.HTML_SECOND_SHARE * scores[ranked[0]]
    kept: list[Span] = []
    for key in ranked:
        span = spans[key]
        if scores[key] < floor:
            break
        if span.end > span.start and not any(_overlap(span, other) for other in kept):
            kept.append(span)
    return sorted(kept, key=lambda span: span.start)


def _overlap(a: Span, b: Span) -> bool:
    """Whether two spans share a block (one holds the other, for element spans)."""
    return a.start < b.end and b.start < a.end


def _lowest_common(a: Tag, b: Tag) -> Tag:
    """The innermost element holding both `a` and `b`."""
    above = set()
    node: Tag | None = a
    while node is not None:
        above.add(id(node))
        node = node.parent
    node = b
    while node is not None and id(node) not in above:
        node = node.parent
    return node or a


def _opens_article(blocks: list[TextBlock], start: int, end: int) -> bool:
    """Whether blocks [start, end) hold a title-like heading and a dateline: the head of another article."""
    heading = dateline = False
    for block in blocks[max(start, 0) : end]:
        if block.share(block.links) >= 0.5:
            continue
        if dateline_match(block.key):
            dateline = True
        elif _is_heading_block(block) and len(block.key.split()) >= settings.CLEAN_TITLE_WORDS:
            heading = True
    return heading and dateline


def _is_heading_block(block: TextBlock) -> bool:
    """A heading by markup: an `<h1>`-`<h6>` or an element with a title class."""
    return block.element.name in HEADING_TAGS or "title" in block.roles


def _articles(blocks: list[TextBlock], spans: list[Span], reader: Reader) -> list[Span]:
    """Group candidate containers into articles: a title and a dateline between two start a new one."""
    groups: list[list[Span]] = []
    for span in spans:
        mass = sum(block.mass for block in blocks[span.start : span.end] if not block.furniture)
        if groups and not _opens_article(blocks, groups[-1][-1].end, span.start + settings.HTML_HEAD_INSIDE):
            groups[-1].append(span)
        elif mass >= settings.HTML_ARTICLE_CHARS or not groups:
            groups.append([span])
    articles = []
    for group in groups:
        element = group[0].element
        for span in group[1:]:
            element = _lowest_common(element, span.element)
        articles.append(reader.spans[id(element)])
    return articles


# --- the head: title, dateline, lead --------------------------------------------------------


def _words_of(text: str) -> set[str]:
    """The folded words of a text, for comparing titles."""
    return set(WORD.findall(fold(text)))


def _similar(text: str, hint: str) -> bool:
    """Whether a heading and the page's declared title share nearly all the words of the shorter, and the heading is not much the longer (a sapo)."""
    a, b = _words_of(text), _words_of(hint)
    return bool(a and b) and len(a & b) >= settings.HTML_TITLE_MATCH * min(len(a), len(b)) and len(a) <= settings.HTML_TITLE_LONGER * len(b)


def _title_like(block: TextBlock) -> bool:
    """Could be a headline: not a link, a few to some dozen words, not closing on a full stop."""
    words = len(block.key.split())
    return (
        not block.furniture
        and block.share(block.links) < 0.5
        and settings.HTML_TITLE_MIN_WORDS <= words <= settings.HTML_TITLE_MAX_WORDS
        and not block.key.rstrip(CLOSERS).endswith(".")
        and not dateline_match(block.key)
    )


def _first_paragraph(blocks: list[TextBlock], article: Span) -> int:
    """Index of the article's first paragraph block (its end when it has none); a headline over a dateline is none."""
    return next(
        (i for i in range(article.start, article.end) if blocks[i].mass and not blocks[i].furniture and not _headline_over_date(blocks, i)),
        article.end,
    )


def _headline_over_date(blocks: list[TextBlock], i: int) -> bool:
    """A bold or title-marked headline-shaped line right above a dateline (old pages set their title so, in a `<span>`)."""
    block = blocks[i]
    return (
        i + 1 < len(blocks)
        and _title_like(block)
        and not ends_sentence(block.key)
        and (block.share(block.bold) >= settings.HTML_STYLED_SHARE or _is_heading_block(block))
        and bool(dateline_match(blocks[i + 1].key))
    )


def _find_title(blocks: list[TextBlock], article: Span, hint: str | None) -> int | None:
    """The headline block: the nearest before the article text matching the declared title or standing over the dateline, else the nearest heading."""
    first = _first_paragraph(blocks, article)
    nearest = None
    for i in range(first - 1, max(article.start - settings.HTML_HEAD_BLOCKS, 0) - 1, -1):
        block = blocks[i]
        if not _title_like(block):
            continue
        if (hint and _similar(block.text, hint)) or _headline_over_date(blocks, i):
            return i
        if nearest is None and (_is_heading_block(block) or "title" in block.roles):
            nearest = i
    return nearest


def _find_dateline(blocks: list[TextBlock], title: int | None, first: int, start: int) -> int | None:
    """The visible date: after the title and before the text, else just before the title."""
    after = title + 1 if title is not None else max(start - settings.HTML_HEAD_BLOCKS, 0)
    ranges = [range(after, first)]
    if title is not None:
        ranges.append(range(title - 1, max(title - 1 - settings.HTML_DATELINE_BEFORE_TITLE, -1), -1))
    for number, indices in enumerate(ranges):
        for i in indices:
            marked = number == 0 and "dateline" in blocks[i].roles  # a date marked as such under the title, even in a share bar
            if (not blocks[i].furniture or marked) and dateline_match(blocks[i].key):
                return i
    return None


def _find_byline(blocks: list[TextBlock], title: int | None, first: int, used: set[int], author: str | None) -> int | None:
    """A byline printed in the article's header, between the title and the text: a short byline-marked
    name, or the author the page's metadata names (often a link to the author's page)."""
    if title is None:
        return None
    for i in range(title + 1, first):
        block = blocks[i]
        if i in used or block.chars > settings.HTML_BYLINE_MAX_CHARS:
            continue
        if author and fold(block.text) == fold(author):
            return i
        if "byline" in block.roles and "dateline" not in block.roles and signature_label(block.key) == "byline":
            return i
    return None


def _signature_last(lines: list[Line]) -> list[Line]:
    """The source and byline lines closing the record, sources first and bylines last (as the gold orders them)."""
    tail = len(lines)
    while tail and lines[tail - 1].label in ("source", "byline"):
        tail -= 1
    closing = lines[tail:]
    return lines[:tail] + [line for line in closing if line.label == "source"] + [line for line in closing if line.label == "byline"]


def _date_part(text: str) -> str:
    """A dateline without what shares its line: a leading dash, a section name after `|` (`07-03-2026 - 00:01 AM | Bất động sản`)."""
    parts = [part.strip(" -–—|•") for part in text.split(" | ")]
    return next((part for part in parts if dateline_match(line_key(part))), text)


def _find_lead(blocks: list[TextBlock], title: int | None, article: Span, used: set[int]) -> int | None:
    """The sapo: a lead-marked block (or a sentence set as a heading) between the title and the text, else a bold first paragraph."""
    first = _first_paragraph(blocks, article)
    after = title + 1 if title is not None else max(article.start - settings.HTML_HEAD_BLOCKS, 0)
    for i in range(after, min(first + settings.HTML_HEAD_INSIDE, article.end)):
        block = blocks[i]
        sapo = "lead" in block.roles or (block.element.name in HEADING_TAGS and ends_sentence(block.key))
        if i in used or block.furniture or not sapo or block.share(block.links) >= 0.5:
            continue
        if len(block.key.split()) >= settings.HTML_LEAD_MIN_WORDS and block.chars <= settings.HTML_LEAD_MAX_CHARS:
            return i
    if first < article.end and first not in used:
        block = blocks[first]
        if block.share(block.bold) >= settings.HTML_STYLED_SHARE and ends_sentence(block.key) and block.chars <= settings.HTML_LEAD_MAX_CHARS:
            return first
    return None


def _listing(blocks: list[TextBlock]) -> int:
    """How many link-only teaser headings the blocks hold when they are a listing of teasers, else 0."""
    teasers = sum(1 for b in blocks if is_teaser(b) and len(b.key.split()) >= settings.HTML_TEASER_WORDS and not b.furniture)
    paragraphs = [b for b in blocks if b.mass and not b.furniture and not is_teaser(b)]
    longest = max((b.chars for b in paragraphs), default=0)
    if teasers >= settings.HTML_LISTING_TEASERS and teasers >= settings.HTML_LISTING_SHARE * len(paragraphs) and longest <= settings.HTML_LISTING_PARAGRAPH_CHARS:
        return teasers
    return 0


def _reads_as_article(blocks: list[TextBlock], article: Span, hint: str | None) -> bool:
    """A headline, a dateline and a run of prose under them make an article, however many teasers surround it."""
    title = _find_title(blocks, article, hint)
    if title is None:
        return False
    first = _first_paragraph(blocks, article)
    if _find_dateline(blocks, title, first, article.start) is None:
        return False
    prose = 0
    for block in blocks[title + 1 : article.end]:
        if is_teaser(block) and len(block.key.split()) >= settings.HTML_TEASER_WORDS:
            break
        if block.mass and not block.furniture and is_paragraph(block.key):
            prose += block.chars
    return prose >= settings.HTML_ARTICLE_PROSE_CHARS


def _article_lines(blocks: list[TextBlock], article: Span, spans: dict[int, Span], used: set[int], notes: list[str]) -> list[Line]:
    """The article container's blocks as lines, labelled by markup; furniture, link-only teasers and their sapos left out."""
    lines: list[Line] = []
    teasers = 0
    story = photo_story(blocks[article.start : article.end])
    if story:
        notes.append("photo story: prose under the photos kept as body")
    boxes = inline_boxes(blocks, article)
    if boxes:
        notes.append(f"dropped {plural(len(boxes), 'related-story box')} inside the article")
    sapos = teaser_sapos(blocks, article, spans)
    if sapos:
        notes.append(f"dropped {plural(len(sapos), 'teaser sapo')}")
    used = used | boxes | sapos
    for i in range(article.start, article.end):
        block = blocks[i]
        if i in used or block.furniture:
            continue
        if is_teaser(block):
            teasers += 1
            continue
        line = Line(block.text, block.key, id(block.element), is_paragraph(block.key), markup_label(block, story))
        lines.append(line)
    if teasers:
        notes.append(f"dropped {plural(teasers, 'link-only paragraph')}")
    return lines


def _trailing_lines(blocks: list[TextBlock], article: Span) -> list[Line]:
    """Byline and source lines standing just after the article container."""
    lines = []
    for block in blocks[article.end : article.end + settings.HTML_TRAILING_BLOCKS]:
        if block.furniture or is_teaser(block):
            break
        label = markup_label(block) if {"byline", "source"} & block.roles else signature_label(block.key)
        if label not in ("byline", "source"):
            break
        lines.append(Line(block.text, block.key, id(block.element), False, label))
    return lines


# --- metadata ------------------------------------------------------------------------------------


def _profile_for(profiles: Iterable[Profile], url: str | None) -> Profile | None:
    """The profile serving the page's host, if any."""
    host = (urlsplit(url).hostname or "") if url else ""
    return next((profile for profile in profiles if host and profile.serves(host)), None)


def _roles_for(profile: Profile | None) -> SelectorIndex:
    """The selector index of the generic cleaner, with a profile's selectors added."""
    extra = [(role, parse_selector(text, profile.name)) for role, found in profile.selectors.items() for text in found] if profile else []
    return build_index([*extra, *GENERIC_SELECTORS])


# --- the page -----------------------------------------------------------------------------------


def _parse(html: str, profile: Profile | None, notes: list[str]) -> Reader:
    """Parse the page and read it with the generic roles and the profile's selectors."""
    soup = BeautifulSoup(_bounded(html, notes), "lxml", multi_valued_attributes=None)
    reader = Reader(_roles_for(profile))
    reader.read(soup)
    if profile is not None:
        notes.append(f"site profile {profile.name}")
    return reader


def _profile_body(reader: Reader, profile: Profile | None) -> Span | None:
    """The article container a profile names, when it holds text."""
    if profile is None or "body" not in profile.selectors:
        return None
    for selector in (parse_selector(text, profile.name) for text in profile.selectors["body"]):
        for span in reader.spans.values():
            if span.end > span.start and selector.match(span.element):
                return span
    return None


def _main_article(reader: Reader, hint: str | None, profile: Profile | None, notes: list[str]) -> Span | None:
    """The article container: the profile's, else the best scoring; of several articles, the one titled as the page."""
    blocks = reader.blocks
    named = _profile_body(reader, profile)
    if named is not None:
        return named
    articles = _articles(blocks, _candidates(_scores(blocks, reader.spans), reader.spans), reader)
    if len(articles) <= 1:
        return articles[0] if articles else None
    titled = [a for a in articles if hint and (t := _find_title(blocks, a, None)) is not None and _similar(blocks[t].text, hint)]
    main = (titled or articles)[0]
    notes.append(f"page holds {len(articles)} articles; kept the main one, dropped {plural(len(articles) - 1, 'other')}")
    return main


def _head_lines(blocks: list[TextBlock], article: Span, hint: str | None, used: set[int]) -> tuple[list[Line], int | None]:
    """The title, dateline and lead lines found around the top of the article, and the dateline's index."""
    title = _find_title(blocks, article, hint)
    first = _first_paragraph(blocks, article)
    dateline = _find_dateline(blocks, title, first, article.start)
    used.update(i for i in (title, dateline) if i is not None)
    lead = _find_lead(blocks, title, article, used)
    used.update(i for i in (lead,) if i is not None)
    picked = [("title", title), ("dateline", dateline), ("lead", lead)]
    lines = [Line(blocks[i].text, blocks[i].key, -1, False, label) for label, i in picked if i is not None]
    for line in lines:
        if line.label == "dateline":
            line.text = _date_part(line.text)
            line.key = line_key(line.text)
    return lines, dateline


def _text_labels(head: list[Line], lines: list[Line], hint: str | None, notes: list[str]) -> tuple[str | None, str | None]:
    """Label by the page-text rules what markup left unlabelled; return the title and a dateline's time.

    Without a marked-up title, datelines come first (as in `clean_text`), so that the title
    rule does not take a dateline under the title for a tag.
    """
    title = next((line.text for line in head if line.label == "title"), None)
    published = None if any(line.label == "dateline" for line in head) else label_datelines(lines)
    if title is None:
        title, lines[:] = label_head(lines, notes) if any(line.paragraph for line in lines) else (None, lines)
        title = title or hint
        if title and not any(line.label == "title" for line in lines):
            head.insert(0, Line(title, line_key(title), -1, False, "title"))
    label_tail(lines)
    if not any(line.label == "lead" for line in head):
        label_lead(lines)
    return title, published


def _html_page(reader: Reader, profile: Profile | None, source: str, url: str | None, notes: list[str]) -> Page:
    """Pick the article, label its parts and gather the metadata."""
    meta, blocks = reader.meta, reader.blocks
    _measure(blocks, reader.spans)
    hint = hint_title(meta)
    article = _main_article(reader, hint, profile, notes)
    if article is None:
        raise EmptyPageError(f"{source}: no article text")
    teasers = _listing(blocks[article.start : article.end])
    if teasers and _reads_as_article(blocks, article, hint):
        notes.append(f"read as an article beside {plural(teasers, 'teaser')}: a headline, a dateline and running prose")
    elif teasers:
        raise EmptyPageError(f"{source}: a listing of {teasers} teasers, no article text")
    if not any(block.element.name == "p" for block in blocks[article.start : article.end]):
        notes.append("no <p> paragraphs; read the text lines of the article's container")
    used: set[int] = set()
    head, dateline = _head_lines(blocks, article, hint, used)
    author = meta_author(meta)
    header_byline = _find_byline(blocks, _find_title(blocks, article, hint), _first_paragraph(blocks, article), used, author)
    used.update(i for i in (header_byline,) if i is not None)
    lines = trim(_article_lines(blocks, article, reader.spans, used, notes) + _trailing_lines(blocks, article), notes)
    title, dated = _text_labels(head, lines, hint, notes)
    if header_byline is not None and not any(line.label == "byline" for line in lines):
        block = blocks[header_byline]
        lines.append(Line(block.text, block.key, -1, False, "byline"))  # bylines close the record, wherever the page prints them
    lines = _signature_last(lines)
    published = published_time(meta, blocks[dateline].text if dateline is not None else None) or dated
    page = make_page(title, published, head + lines, notes, source)
    bylines = [block.text for block in page.blocks if block.label == "byline"]
    sources = [block.text for block in page.blocks if block.label == "source"]
    page.url = canonical_url(meta, url)
    page.language = page_language(meta, " ".join(block.text for block in page.blocks))
    page.author = author_name(bylines[-1]) if bylines else author
    page.source_line = sources[-1] if sources else None
    return page


def clean_html(html: str, source: str = "", url: str | None = None, profiles: Iterable[Profile] | None = None) -> Page:
    """Clean an HTML page: title, dateline, lead, body, captions, byline and source of its main article.

    html (str): the decoded page.
    source (str): the file or URL it came from, named in errors.
    url (str | None): where the page was fetched, when known; picks the site profile with the page's own canonical URL.
    profiles (Iterable[Profile] | None): site profiles to choose from (default: those in profiles/).
    RETURNS (Page): title, ISO publication time, labelled blocks in reading order, notes, and metadata.
    """
    notes: list[str] = []
    if html.strip() and "</html" not in html[-settings.HTML_TAIL_CHARS :].lower():
        notes.append("page ends before </html>: cut off?")
    profile = _profile_for(_PROFILES if profiles is None else profiles, url or declared_url(html, settings.HTML_HEAD_CHARS))
    return _html_page(_parse(html, profile, notes), profile, source, url, notes)


_PROFILES = load_profiles()
