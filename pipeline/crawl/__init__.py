"""Crawling: fetching politely (`fetch`: robots.txt, one connection per host, retries, caps),
finding article links in listings, feeds and sitemaps (`discover`; without configuration: link
verdicts in `links`, pagination and announced feeds in `paging`, one URL per article in `fold`),
site health (`health`), what `vnfacts sources check` sees (`probe`), remembering what was seen
(`state`: the crawl tables of migration 0003), keeping every response in WARC files (`archive`),
and the crawl of one site and of all sites that feeds pages to `pipeline.article` and the store
(`crawl`); `demo_site` serves a local site to crawl in tests and `make run`. May import:
pipeline.errors, pipeline.settings, pipeline.records, pipeline.text, pipeline.clean,
pipeline.article, extractors, pipeline.store.
"""
