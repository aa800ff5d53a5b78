"""The `vnfacts` command: one click group in `main` (extract, load, evaluate, search, browse),
with the crawl commands in `crawl` and the review commands in `review`; `common` holds what they
share. Each command parses its options, calls the plain functions of the stages and turns their
errors into one-line messages. May import: pipeline.errors, pipeline.settings, pipeline.records,
pipeline.text, pipeline.clean, pipeline.article, extractors, pipeline.store, pipeline.crawl,
pipeline.evaluate, pipeline.review, pipeline.flows.
"""

import sys

from ..errors import ConfigError

try:
    from .. import settings  # noqa: F401 - the user's settings file and VNFACTS_* variables are read first: a bad one is one line
except ConfigError as exc:
    sys.exit(f"Error: {exc}")
