"""The entry point of vnfacts' Prefect flows: `nightly` and `backfill` live in `pipeline.flows`.

    python flows.py serve [--sources F] [--db URL] [--archive DIR] [--cron EXPR] [--timezone TZ]
                               # serve `nightly` on its cron (02:00 Asia/Ho_Chi_Minh) and `backfill` on demand
    python flows.py run        # one nightly run now
    python flows.py demo       # one nightly run against a demo paper on 127.0.0.1 built from corpus/
    python flows.py demo-site  # serve the demo paper until stopped, to try `serve` against it

`python flows.py serve` is `vnfacts schedule`; `prefect deploy flows.py:nightly` finds the flows here too.
"""

from pipeline.cli.crawl import flows_main
from pipeline.flows import backfill, nightly

__all__ = ["nightly", "backfill"]

if __name__ == "__main__":
    flows_main()
