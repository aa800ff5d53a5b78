"""Text: reading bytes into text (`read`), normalising it with an offset map (`normalize`), and
segmenting it into sentences and words in a spaCy `Doc` (`segment`), keeping the codes, numbers,
dates and lexicon terms the extractors look for in one piece. Plain functions over strings; they
know nothing of pages, databases or the crawl. May import: pipeline.errors, pipeline.settings,
extractors (only the patterns and lexicons segmentation keeps whole).
"""
