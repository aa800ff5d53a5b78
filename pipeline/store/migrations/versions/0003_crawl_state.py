"""Crawl state: URLs seen and their content hashes, conditional-GET validators, run summaries per site.

Revision ID: 0003_crawl_state
Revises: 0002_review_log
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_crawl_state"
down_revision = "0002_review_log"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the crawl_urls, crawl_validators and crawl_summaries tables."""
    op.create_table(
        "crawl_urls",
        sa.Column("url", sa.Text(), primary_key=True),
        sa.Column("site", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("published", sa.DateTime()),
        sa.Column("article_id", sa.Text()),
        sa.Column("content_hash", sa.String(64)),
        sa.Column("simhash", sa.String(16)),
        sa.Column("story", sa.Text()),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("error", sa.Text()),
        sa.Column("first_seen", sa.DateTime(), nullable=False),
        sa.Column("fetched_at", sa.DateTime()),
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("runs.id")),
    )
    op.create_index("ix_crawl_urls_site_status", "crawl_urls", ["site", "status"])
    op.create_index("ix_crawl_urls_content_hash", "crawl_urls", ["content_hash"])
    op.create_table(
        "crawl_validators",
        sa.Column("url", sa.Text(), primary_key=True),
        sa.Column("etag", sa.Text()),
        sa.Column("last_modified", sa.Text()),
        sa.Column("checked_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "crawl_summaries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("runs.id"), nullable=False),
        sa.Column("site", sa.Text(), nullable=False),
        sa.Column("pages_fetched", sa.Integer(), nullable=False),
        sa.Column("new_articles", sa.Integer(), nullable=False),
        sa.Column("facts", sa.JSON()),
        sa.Column("errors", sa.JSON()),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.Column("failed", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_crawl_summaries_run", "crawl_summaries", ["run_id", "site"])


def downgrade() -> None:
    """Drop the crawl state tables."""
    op.drop_table("crawl_summaries")
    op.drop_table("crawl_validators")
    op.drop_index("ix_crawl_urls_content_hash", "crawl_urls")
    op.drop_index("ix_crawl_urls_site_status", "crawl_urls")
    op.drop_table("crawl_urls")
