"""Cleaning a page: keep the article's title, lead, body, captions, byline and source; drop the rest.

Facts are read from every kept block — a caption or a byline that names a person with
titles carries facts as much as the body does — so cleaning labels those blocks
instead of dropping them. What it drops is page furniture (menus, counters, login and
comment forms, SEO wrapper sentences) and whatever follows the article: after an end
mark (`./.`) only signature lines are kept, and a related-article or comment heading
ends the article. The phrases and patterns are data, in `pipeline/clean/data/`.

Page-text dumps are cleaned in `text.py`, HTML pages from their markup: `blocks.py` reads a
page into text blocks, `html.py` picks the article and labels its parts (`parts.py` tells a
caption from photo-story prose, a byline from a source line, a teaser or a related-story box
from the article's text), `metadata.py` reads
what the page says about itself (title, dates, canonical URL, language, author); a site
profile in `profiles/` (`selectors.py`) may name the parts of one site's pages. The line model
and the labelling rules both cleaners share are in `lines.py`.

Block text is left as written (outer white space stripped); normalisation comes later. May
import: pipeline.errors, pipeline.settings, pipeline.text, extractors.
"""

from .html import clean_html
from .lines import DATA_DIR, LABELS, Block, Page
from .selectors import PROFILES_DIR, Profile, load_profile, load_profiles
from .text import clean_text

__all__ = ["LABELS", "Block", "Page", "Profile", "clean_text", "clean_html", "load_profile", "load_profiles", "DATA_DIR", "PROFILES_DIR"]
