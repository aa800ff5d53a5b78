"""Crawl defaults in one place: every fetching and discovery policy reads them from here, callers may override."""

from __future__ import annotations

import os

# Who we are: sites see this User-Agent. It names the operator's contact (an e-mail address or a web page) when
# VNFACTS_CONTACT is set, and advertises no address otherwise.
FETCH_CONTACT = os.environ.get("VNFACTS_CONTACT", "").strip()
FETCH_USER_AGENT = f"vnfacts/0.1 (research crawler of provincial party news{'; +' + FETCH_CONTACT if FETCH_CONTACT else ''})"
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

# Reading input (files, fetched pages): caps that keep a huge or endless input from exhausting memory or time.
READ_MAX_BYTES = 5_000_000  # a file longer than this is refused (pipes and devices are refused unread)
TEXT_MAX_CHARS = 100_000  # an article's text is cut here before segmentation (~10 s of extraction; real articles are < 30,000)

# Where a crawl reads its sites and writes its archive, and when the nightly crawl runs, unless told otherwise.
SOURCES_FILE = "sources.toml"
ARCHIVE_DIR = "data/archive"
SCHEDULE_CRON = "0 2 * * *"
SCHEDULE_TIMEZONE = "Asia/Ho_Chi_Minh"

# How long opening a database server may take before it is given up (one that accepts but never answers).
STORE_CONNECT_TIMEOUT = 10  # seconds; a URL's own ?connect_timeout= wins

# What --db accepts, as every command that takes it explains it.
DB_HELP = "Database: a SQLite file path (default data/vnfacts.db) or a URL, sqlite:///PATH or postgresql://USER@HOST/NAME."
