"""Every stage's named defaults in one place, so a user changes a threshold or a path without editing code.

Defaults are flat UPPER_CASE attributes grouped by stage (crawl, clean, text, store, review/cli,
schedule); code reads them as `settings.FETCH_DELAY`. Two layers may override them when this
module is first imported, the later winning:

1. one TOML file: `vnfacts.toml` in the working directory, or the file env `VNFACTS_SETTINGS` names,
   with the names as keys, in any case (`fetch_delay = 3.0`);
2. environment variables `VNFACTS_<NAME>` (`VNFACTS_FETCH_DELAY=3`), read as the default's type:
   int, float, str, bool (1/0, true/false, yes/no, on/off) or a comma-separated list of numbers.

An unknown key, a value of the wrong type or an unreadable file is a one-line ConfigError naming
the file and key, or the variable.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from .errors import ConfigError

# --- crawl -----------------------------------------------------------------------------------------

# Who we are: sites see this User-Agent (FETCH_USER_AGENT, below). It names the operator's contact (an e-mail
# address or a web page) when VNFACTS_CONTACT (or VNFACTS_FETCH_CONTACT) is set, and advertises no address otherwise.
FETCH_CONTACT = os.environ.get("VNFACTS_CONTACT", "")
FETCH_DELAY = 2.0  # seconds between two requests to one host (a source's `delay` overrides it)
FETCH_TIMEOUT = 20.0  # seconds to connect and between bytes read
FETCH_RETRIES = 3  # further attempts after a timeout, a connection error, a 429 or a 5xx
FETCH_BACKOFF = 1.0  # seconds before the first retry; doubled each time
FETCH_MAX_RETRY_AFTER = 120.0  # a longer Retry-After than this is cut to it
FETCH_MAX_BYTES = 5_000_000  # a body decoding to more bytes than this is refused
FETCH_MAX_REDIRECTS = 5  # hops followed before a redirect chain is given up
FETCH_CHUNK = 65536  # bytes read at a time from a streamed body
FETCH_DEADLINE = 120.0  # seconds one response may take in all, headers to last byte (a trickling server is cut off)
ROBOTS_MAX_BYTES = 512_000  # the first 500 KiB of a robots.txt are parsed, the rest ignored (RFC 9309)
ROBOTS_MAX_REDIRECTS = 5  # redirects followed to a robots.txt; more and it counts as missing (RFC 9309)

CRAWL_MAX_PAGES = 5  # listing pages per site and run
CRAWL_STOP_AFTER_SEEN = 20  # already stored links in a row that end a site's discovery
CRAWL_BACKFILL_PAGES = 200  # listing pages a backfill walks per start page at most (it stops earlier at `since`)
CRAWL_MAX_ATTEMPTS = 3  # runs in which a URL that failed for a transient reason is tried again
CRAWL_PARALLEL_HOSTS = 32  # sites crawled at the same time, one connection each (threads mostly wait)
CRAWL_MAX_SITEMAPS = 20  # sitemaps read per site and run, index children included (each at most once)
CRAWL_PARSERS = 1  # processes that clean and extract; 1 parses in the crawl's threads (more pay ~3 s start-up each)
CRAWL_STALE_RUNS = 7  # runs in a row without a new article after which a site is flagged in the run summary and `sources status`
PROBE_SAMPLES = 3  # article links of a start page that `vnfacts sources check`/`add` fetch to see them clean into articles

# Where a crawl reads its sites and writes its archive, unless told otherwise.
SOURCES_FILE = "sources.toml"
ARCHIVE_DIR = "data/archive"

# --- clean: the line rules page-text and HTML cleaning share (clean/lines.py, clean/text.py) ------------

# Sizes, in characters or words, that tell a paragraph from a heading, caption or credit.
CLEAN_PARAGRAPH_CHARS = 300  # an unpunctuated line this long is still a paragraph
CLEAN_PARAGRAPH_WORDS = 12  # a punctuated line needs this many words to be a paragraph
CLEAN_TITLE_WORDS = 5  # the first heading this long is the title; shorter lines above it are breadcrumbs
CLEAN_TAG_WORDS = 4  # lines this short between the title and the text are tags (`Bắc Ninh`)
CLEAN_LEAD_CHARS = 400  # a first paragraph up to this long is the sapo
CLEAN_CAPTION_CHARS = 300  # captions are at most this long
CLEAN_CAPTION_WORDS = 10  # an unpunctuated line between paragraphs this long is a caption
CLEAN_PUNCTUATED_SHARE = 0.6  # ... when at least this share of the paragraphs end with a full stop
CLEAN_DATELINE_CHARS = 100  # a dateline is at most this long
CLEAN_DATELINE_OTHER_WORDS = 8  # words a dateline may carry besides the date (`Cập nhật lúc`, `Thứ Tư`)
CLEAN_SEO_CHARS = 600  # an SEO wrapper sentence is at most this long

# --- clean: HTML pages (clean/blocks.py, clean/html.py), in characters unless named otherwise -----------

# Bounds on what is parsed: a page past them is cut there and the cut noted, so a page of megabytes of
# nested junk takes bounded time and memory.
HTML_MAX_CHARS = 3_000_000
HTML_MAX_TAGS = 40_000
HTML_TAIL_CHARS = 4096  # a page whose last this many characters hold no </html> is noted as cut off
HTML_HEAD_CHARS = 200_000  # the canonical URL that picks a site profile is looked for in this many first characters
# Roles (title, lead, caption, ...) count for a text block from its own element and this many ancestors above
# it; further up they mark the page's frame, not the block.
HTML_ROLE_DEPTH = 4
# A block is paragraph text when it has this many characters and words at least.
HTML_PARAGRAPH_CHARS = 40
HTML_PARAGRAPH_WORDS = 7
HTML_LINK_SHARE = 0.9  # share of a block's characters inside links above which it is a teaser or a menu item
# A furniture-marked element holding more than this share of the page's paragraph text, and an article's worth
# of it (HTML_ARTICLE_CHARS), is the page's frame (an ASP.NET <form>, <body class="has-sidebar">), not furniture.
HTML_FRAME_SHARE = 0.5
# Weights of a paragraph's text for the element holding it, its parent, grandparent... (the first applies to
# the block's own element when it is a container such as <div>).
HTML_ANCESTOR_WEIGHTS = (1.0, 1.0, 0.5, 0.25)
HTML_LINK_POWER = 2  # a candidate container scores paragraph text x (1 - its link share) ** this
# Other containers scoring at least this share of the best are further articles (when a title and a dateline
# stand before them) or further parts of the same one.
HTML_SECOND_SHARE = 0.35
HTML_ARTICLE_CHARS = 500  # a further article needs this much paragraph text
# Head of the article: the title, dateline and lead are looked for among this many blocks before the article
# text, and the dateline and lead among this many blocks inside it.
HTML_HEAD_BLOCKS = 40
HTML_HEAD_INSIDE = 4
HTML_DATELINE_BEFORE_TITLE = 3  # the dateline may also stand just before the title, this many blocks at most
# A title has this many words at least and this many at most.
HTML_TITLE_MIN_WORDS = 2
HTML_TITLE_MAX_WORDS = 60
# A title candidate matching the page's <title>, og:title or JSON-LD headline this well (shared words / words
# of the shorter) is the title.
HTML_TITLE_MATCH = 0.8
HTML_TITLE_LONGER = 2  # ... and has at most this many times its words (a sapo repeating the title is longer)
# A lead has this many words at least and this many characters at most.
HTML_LEAD_MIN_WORDS = 5
HTML_LEAD_MAX_CHARS = 700
HTML_STYLED_SHARE = 0.8  # share of a block's characters in bold (or italics) to call the block bold (italic)
# Captions and bylines are at most this long; a byline at most this many words.
HTML_CAPTION_MAX_CHARS = 400
HTML_PROSE_SENTENCES = 2  # a block of this many sentences without a photo credit is prose, even in caption markup
HTML_BYLINE_MAX_CHARS = 200
HTML_BYLINE_MAX_WORDS = 25
HTML_TRAILING_BLOCKS = 4  # bylines and source lines after the article container are looked for among this many blocks
# A listing: at least this many link-only teaser headings (of HTML_TEASER_WORDS words or more), and at least
# this share of the paragraph count, with no paragraph longer than HTML_LISTING_PARAGRAPH_CHARS.
HTML_LISTING_TEASERS = 4
HTML_TEASER_WORDS = 4
HTML_LISTING_SHARE = 0.5
HTML_LISTING_PARAGRAPH_CHARS = 400
# A teaser box inside the article's container: an element of at most HTML_TEASER_BOX_BLOCKS blocks opening with a
# headline link, found within HTML_TEASER_BOX_DEPTH levels above its sapo ...
HTML_TEASER_BOX_BLOCKS = 3
HTML_TEASER_BOX_DEPTH = 3
# ... unless a headline and a dateline stand over a run of this much prose, no teaser heading between: then it is an
# article among teaser boxes.
HTML_ARTICLE_PROSE_CHARS = 400

# --- text: reading files (text/read.py) ----------------------------------------------------------------

READ_MAX_CONTROL_SHARE = 0.01  # a file with more control characters than this share is binary, not text
READ_MIN_LETTER_SHARE = 0.3  # ... and so is one with fewer letters among its non-space characters
READ_SAMPLE = 65536  # bytes looked at to tell text from binary
READ_SCORE_SAMPLE = 8192  # characters of page text a decoding is judged on
READ_MARKUP_RATIO = 16  # raw characters read for a sample of page text: a page's head is mostly markup
READ_GUESSES = 5  # charset-normalizer guesses weighed against windows-1258
READ_MIN_VIETNAMESE_SHARE = 0.5  # below this share of possible syllables a decoding is mojibake
READ_MIN_MARKED_SHARE = 0.2  # Vietnamese prose marks a third to a half of its syllables; English none
# Caps that keep a huge or endless input from exhausting memory or time.
READ_MAX_BYTES = 5_000_000  # a file longer than this is refused (pipes and devices are refused unread)
TEXT_MAX_CHARS = 100_000  # an article's text is cut here before segmentation (~10 s of extraction; real articles are < 30,000)

# --- store ----------------------------------------------------------------------------------------------

STORE_DB = "data/vnfacts.db"  # the SQLite file every command that takes --db uses without it
STORE_CONNECT_TIMEOUT = 10  # seconds opening a database server may take (one that accepts but never answers); a URL's ?connect_timeout= wins
STORE_LOAD_BATCH = 100  # articles per transaction in `vnfacts load`: one commit per article costs a fifth of the time
SEARCH_CANDIDATES = 500  # best rows by tier, adjacency and relevance that search ranks in full (whole fields, names)
SEARCH_POOL = 500  # SQLite: a query's hits are ranked among this many newest matches (bm25 on every match of a common word costs seconds)
SEARCH_WINDOW_FACTOR = 5  # or this many times --limit, if more: room for the copies of a republished story
SEARCH_COUNT_ROWS = 10_000  # matches counted for "N of M hits" at most; past it search says "M+" (counting costs ~7 ms a thousand)

# --- review / cli ---------------------------------------------------------------------------------------

EXTRACT_WORKERS = 1  # processes `vnfacts extract` uses without --workers
SEARCH_LIMIT = 20  # hits `vnfacts search` shows without --limit
BROWSE_HOST = "127.0.0.1"  # where `vnfacts browse` serves Datasette
BROWSE_PORT = 8001
DEMO_PORT = 8765  # port of `vnfacts demo-site` on 127.0.0.1

# --- schedule -------------------------------------------------------------------------------------------

SCHEDULE_CRON = "0 2 * * *"  # when the nightly crawl runs
SCHEDULE_TIMEZONE = "Asia/Ho_Chi_Minh"  # the IANA time zone of SCHEDULE_CRON

# --- overrides ------------------------------------------------------------------------------------------

SETTINGS_FILE = "vnfacts.toml"  # the user file read from the working directory unless VNFACTS_SETTINGS names another
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def _names() -> dict[str, Any]:
    """The overridable defaults: every UPPER_CASE setting above but the file's own name."""
    return {name: value for name, value in globals().items() if name.isupper() and name != "SETTINGS_FILE"}


def _typed(default: Any, value: Any, where: str) -> Any:
    """`value` (from TOML, or a string from the environment) as the type of `default`; ConfigError naming `where` if it is not one."""
    kind = type(default)
    try:
        if isinstance(value, str) and kind is not str:
            if kind is bool:
                if value.strip().lower() not in (*_TRUE, *_FALSE):
                    raise ValueError
                return value.strip().lower() in _TRUE
            if kind is tuple:
                return tuple(type(default[0])(part) for part in value.split(","))
            return kind(value.strip())
        if kind is tuple and isinstance(value, list) and value:
            return tuple(_typed(default[0], part, where) for part in value)
        if kind is float and type(value) is int:
            return float(value)
        if type(value) is kind:
            return value
    except ValueError:
        pass
    raise ConfigError(f"{where}: {value!r} is not a{'n' if kind.__name__[0] in 'aeiou' else ''} {kind.__name__} like the default {default!r}")


def _overrides(environ: os._Environ[str] | dict[str, str]) -> dict[str, Any]:
    """The settings the user file and then the environment override, typed and checked."""
    defaults = _names()
    found: dict[str, Any] = {}
    named = environ.get("VNFACTS_SETTINGS")
    path = Path(named) if named else Path(SETTINGS_FILE)
    if named or path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read the settings file: {str(exc).splitlines()[0]}") from None
        for key, value in data.items():
            name = key.upper()
            if name not in defaults:
                raise ConfigError(f"{path}: unknown setting {key!r} (the names are in pipeline/settings.py)")
            found[name] = _typed(defaults[name], value, f"{path}: {key}")
    for name, default in defaults.items():
        if f"VNFACTS_{name}" in environ:
            found[name] = _typed(default, environ[f"VNFACTS_{name}"], f"VNFACTS_{name}")
    return found


globals().update(_overrides(os.environ))

# --- derived from the settings above (after the overrides) ----------------------------------------------

_CONTACT = FETCH_CONTACT.strip()
FETCH_USER_AGENT = f"vnfacts/0.1 (research crawler of provincial party news{'; +' + _CONTACT if _CONTACT else ''})"
# What --db accepts, as every command that takes it explains it.
DB_HELP = f"Database: a SQLite file path (default {STORE_DB}) or a URL, sqlite:///PATH or postgresql://USER@HOST/NAME."
