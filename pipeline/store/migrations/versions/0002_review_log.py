"""The review log: every reviewer's decision on a fact, appended and never changed.

Review files (`vnfacts review import`) append one row per decision; the `facts` row then
shows the latest one, while the log keeps every reviewer's, so a disagreement stays visible
and a correction is never lost. Triggers on both backends refuse updates and deletes.

Revision ID: 0002_review_log
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_review_log"
down_revision = "0001"
branch_labels = None
depends_on = None

_SQLITE_APPEND_ONLY = [
    """CREATE TRIGGER review_log_not_updated BEFORE UPDATE ON review_log BEGIN
         SELECT RAISE(ABORT, 'vnfacts: the review log is append-only');
       END""",
    """CREATE TRIGGER review_log_not_deleted BEFORE DELETE ON review_log BEGIN
         SELECT RAISE(ABORT, 'vnfacts: the review log is append-only');
       END""",
]

_POSTGRES_APPEND_ONLY = [
    """CREATE FUNCTION vnfacts_review_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'vnfacts: the review log is append-only' USING ERRCODE = 'integrity_constraint_violation';
       END $$""",
    """CREATE TRIGGER review_log_append_only BEFORE UPDATE OR DELETE ON review_log
       FOR EACH ROW EXECUTE FUNCTION vnfacts_review_log_append_only()""",
]


def upgrade() -> None:
    """Create the review log and the triggers that keep it append-only."""
    op.create_table(
        "review_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("decision_key", sa.String(length=64), nullable=False),
        sa.Column("fact_id", sa.String(length=32), nullable=False),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("corrected", sa.JSON(), nullable=True),
        sa.Column("start", sa.BigInteger(), nullable=False),
        sa.Column("end", sa.BigInteger(), nullable=False),
        sa.Column("span", sa.Text(), nullable=False),
        sa.Column("reviewer", sa.Text(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("logged_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("decision_key"),
    )
    op.create_index("ix_review_log_fact_id", "review_log", ["fact_id"])
    op.create_index("ix_review_log_article_id", "review_log", ["article_id"])
    for statement in _SQLITE_APPEND_ONLY if op.get_context().dialect.name == "sqlite" else _POSTGRES_APPEND_ONLY:
        op.execute(statement)


def downgrade() -> None:
    """Drop the review log and its triggers."""
    if op.get_context().dialect.name != "sqlite":
        op.execute("DROP TRIGGER review_log_append_only ON review_log")
        op.execute("DROP FUNCTION vnfacts_review_log_append_only()")
    op.drop_table("review_log")
