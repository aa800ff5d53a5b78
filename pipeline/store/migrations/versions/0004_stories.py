"""Stories: the same agency story republished by several sites is one story, counted once.

The crawl links near-duplicate articles (SimHash over the cleaned text) under the id of the
first one stored; `articles.story` keeps that id, and the directory and registry views count
stories beside articles, so a story republished by five papers is not five sightings.

Revision ID: 0004_stories
Revises: 0003_crawl_state
Create Date: 2026-11-22
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0004_stories"
down_revision = "0003_crawl_state"
branch_labels = None
depends_on = None

_COUNT = "COUNT(DISTINCT f.article_id) AS articles,"
_STORY = "COALESCE(a.story, a.article_id)"


def _first_views() -> dict[str, str]:
    """The views as the first schema made them."""
    spec = importlib.util.spec_from_file_location("first_schema", Path(__file__).with_name("0001_first_schema.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module._VIEWS


def _story_views() -> dict[str, str]:
    """The first views with a story count beside each article count, and each citation's story."""
    views = {}
    for name, first in _first_views().items():
        if _COUNT in first:
            query = first.replace(_COUNT, f"{_COUNT}\n               COUNT(DISTINCT {_STORY}) AS stories,")
        else:
            query = first.replace("f.sentence, f.fact_id", f"f.sentence, f.fact_id, {_STORY} AS story")
        assert query != first, f"view {name}: the first schema's text changed"
        views[name] = query
    return views


def _replace_views(views: dict[str, str]) -> None:
    """Drop the views and create them as `views` says."""
    for name in views:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    for name, query in views.items():
        op.execute(f"CREATE VIEW {name} AS {query}")


def upgrade() -> None:
    """Add articles.story and count stories in the views."""
    op.add_column("articles", sa.Column("story", sa.Text()))
    op.create_index("ix_articles_story", "articles", ["story"])
    _replace_views(_story_views())


def downgrade() -> None:
    """Back to article counts only."""
    _replace_views(_first_views())
    op.drop_index("ix_articles_story", "articles")
    op.drop_column("articles", "story")
