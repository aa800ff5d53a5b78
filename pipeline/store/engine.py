"""Opening the fact database: a path or URL to an engine, migrated by the alembic scripts in `migrations/`.

SQLite (`data/vnfacts.db` by default, settings.STORE_DB) serves one researcher; PostgreSQL serves many through the same code.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from .. import settings
from ..errors import StoreError
from .keys import search_key


def naive_utc(stamp: datetime) -> datetime:
    """A time as the store keeps times, naive UTC; a naive time is taken to be UTC already."""
    return stamp.astimezone(timezone.utc).replace(tzinfo=None) if stamp.tzinfo else stamp


def utc_now() -> datetime:
    """Now, as the naive UTC datetime the store keeps."""
    return naive_utc(datetime.now(timezone.utc))


def database_url(db: str | Path | None) -> str:
    """A SQLAlchemy URL from what a user types: a file path, `sqlite:///...` or `postgresql://...`."""
    db = str(db or settings.STORE_DB)
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser().resolve()}"
    scheme, rest = db.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return db


def _sqlite_setup(dbapi_connection: Any, _record: Any) -> None:
    """Per SQLite connection: foreign keys on, WAL, and the fold function the FTS triggers call."""
    dbapi_connection.create_function("vn_fold", 1, search_key, deterministic=True)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA busy_timeout = 10000")
    cursor.close()


def open_store(db: str | Path | None, *, create: bool = False) -> Engine:
    """An engine on the database `db`, migrated to the latest schema when `create` (loading) is asked."""
    url = database_url(db)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"{db}: not a database path or URL: {exc}") from None
    if parsed.get_backend_name() == "sqlite":
        path = Path(parsed.database or "")
        if not create and not path.is_file():
            option = f" --db {db}" if db else ""
            raise StoreError(f"{path}: no database here; load records first (vnfacts load RECORDS{option})")
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(url)
    except (ArgumentError, ModuleNotFoundError) as exc:
        raise StoreError(f"{db}: cannot use this database: {exc}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_setup)
    try:
        if create:
            migrate(engine)
        else:
            _check_revision(engine, str(db))
    except OperationalError as exc:
        raise StoreError(f"{db}: cannot open the database: {exc.orig}") from None
    return engine


def _alembic_config(connection: Connection) -> Any:
    """The alembic configuration of the migrations shipped in this package, bound to `connection`."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).with_name("migrations")))
    config.attributes["connection"] = connection
    return config


def migrate(engine: Engine) -> None:
    """Bring the database to the latest schema revision (creating it from nothing if new)."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "head")


def _check_revision(engine: Engine, db: str) -> None:
    """Refuse a database that is not at this version's schema revision, rather than misread it."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        head = ScriptDirectory.from_config(_alembic_config(connection)).get_current_head()
    if current != head:
        raise StoreError(f"{db}: schema revision {current or 'none'}, this vnfacts needs {head}; run vnfacts load on it to migrate")


# -- folding and ids ----------------------------------------------------------------------------
