"""What the `vnfacts` command modules share: how a library or database error reaches the user."""

from __future__ import annotations

import click

from .. import settings

__all__ = ["database_error"]


def database_error(db: str | None, exc: Exception) -> click.ClickException:
    """A library or database error as the one-line message the user sees."""
    from sqlalchemy.exc import SQLAlchemyError

    if isinstance(exc, SQLAlchemyError):
        return click.ClickException(f"{db or settings.STORE_DB}: {str(getattr(exc, 'orig', exc)).splitlines()[0]}")
    return click.ClickException(str(exc))
