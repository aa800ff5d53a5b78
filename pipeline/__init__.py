"""vnfacts pipeline, one subpackage per stage: fetch → archive → clean → normalise → segment → extract → store → review.

`crawl/` fetches and archives pages, `clean/` keeps an article's text, `text/` reads, normalises
and segments it, `article` chains those with the extractors (the `extractors` package) into one
record, `store/` keeps records and facts, `review/` exchanges them with reviewers, `cli/` is the
`vnfacts` command. Besides its subpackages this package keeps at most six modules: `errors`,
`settings`, `records`, `evaluate`, `article` and `flows`.

Imports run down the stages, never back up. A unit may import itself, the standard library,
third-party packages and the units named on its line below, nothing else (tests/test_layout.py
checks every import against this table and each subpackage's docstring repeats its line):

    errors      -
    settings    errors
    records     errors
    extractors  -
    text        errors settings extractors
    clean       errors settings text extractors
    article     errors settings text clean extractors
    evaluate    errors settings records text extractors
    store       errors settings text extractors
    crawl       errors settings records text clean article extractors store
    review      errors settings records text extractors store evaluate
    flows       errors settings records text clean article extractors store crawl evaluate review
    cli         errors settings records text clean article extractors store crawl evaluate review flows
"""
