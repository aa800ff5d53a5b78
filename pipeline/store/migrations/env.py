"""Alembic environment: migrations run on the connection `pipeline.store` hands over, never from an ini file."""

from __future__ import annotations

from alembic import context

from pipeline.store.schema import metadata


def _ours(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Compare only the tables the schema declares: FTS5 tables and their shadow tables are migration-made."""
    return not (type_ == "table" and reflected and compare_to is None)


connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, include_object=_ours, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
