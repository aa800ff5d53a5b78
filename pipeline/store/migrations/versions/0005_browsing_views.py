"""The officials directory names each organisation with its province; a short facts view for browsing.

The directory shows `Tỉnh ủy Quảng Ninh`, not a bare `Tỉnh ủy`: an article says `Bí thư Tỉnh ủy` without the province it is about; the directory then puts
every province's secretary under one `Tỉnh ủy`. An organisation ending in a provincial body
word and no place (`Tỉnh ủy`, `Ban Thường vụ Tỉnh ủy`, `UBND tỉnh`, `Thành ủy`) gets the
article's province appended. `fact_list` is the facts with the few columns a reader scans
(type, label, span, province, published, url, review status), which `vnfacts browse` opens.

Revision ID: 0005_browsing_views
Revises: 0004_stories
Create Date: 2026-12-05
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from alembic import op

revision = "0005_browsing_views"
down_revision = "0004_stories"
branch_labels = None
depends_on = None

# Organisation endings that name a provincial body without its place.
_BARE = ("Tỉnh ủy", "tỉnh ủy", "Tỉnh uỷ", "tỉnh uỷ", "tỉnh", "Tỉnh", "Thành ủy", "thành ủy", "Thành uỷ", "thành uỷ", "thành phố", "Thành phố")
_BARE_TEST = " OR ".join(f"f.official_organization = '{w}' OR f.official_organization LIKE '% {w}'" for w in _BARE)
_QUALIFIED = f"CASE WHEN a.province IS NOT NULL AND ({_BARE_TEST}) THEN f.official_organization || ' ' || a.province ELSE f.official_organization END"


def _story_views() -> dict[str, str]:
    """The views as revision 0004 made them."""
    spec = importlib.util.spec_from_file_location("stories", Path(__file__).with_name("0004_stories.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module._story_views()


def _directory(views: dict[str, str]) -> str:
    """The official_directory view with each bare organisation qualified by its article's province."""
    first = views["official_directory"]
    query = first.replace("f.official_organization AS organization", f"{_QUALIFIED} AS organization")
    query = query.replace("f.official_title, f.official_organization", f"f.official_title, {_QUALIFIED}")
    assert query.count(_QUALIFIED) == 2, "revision 0004's official_directory text changed"
    return query


_FACT_LIST = """
    SELECT f.id, f.type, f.label, f.span, a.province, a.published, COALESCE(a.url, a.source) AS url,
           f.review_status, f.fact_id, f.article_id
    FROM facts f
    JOIN articles a ON a.article_id = f.article_id"""


def upgrade() -> None:
    """Qualify the directory's bare organisations with the province; add the short facts view."""
    op.execute("DROP VIEW IF EXISTS official_directory")
    op.execute(f"CREATE VIEW official_directory AS {_directory(_story_views())}")
    op.execute(f"CREATE VIEW fact_list AS {_FACT_LIST}")


def downgrade() -> None:
    """Back to the organisations as written, without the short facts view."""
    op.execute("DROP VIEW IF EXISTS fact_list")
    op.execute("DROP VIEW IF EXISTS official_directory")
    op.execute(f"CREATE VIEW official_directory AS {_story_views()['official_directory']}")
