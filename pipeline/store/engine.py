"""Opening the fact database: a path or URL to an engine, migrated by the alembic scripts in `migrations/`.

SQLite (`data/vnfacts.db` by default, settings.STORE_DB) serves one researcher; PostgreSQL serves many through the same code.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, func, select
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


def open_store(db: str | Path | None, *, create: bool = False, existing: bool = False) -> Engine:
    """An engine on the database `db`, migrated to the latest schema when `create` (loading) is asked.

    A SQLite file that does not exist is made only by a load (`create` without `existing`): a
    mistyped --db elsewhere is refused, not answered from a new empty database.
    """
    url = database_url(db)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"{db}: not a database path or URL: {exc}") from None
    if parsed.get_backend_name() == "sqlite":
        path = Path(parsed.database or "")
        if (existing or not create) and not path.is_file():
            option = f" --db {db}" if db else ""
            raise StoreError(f"{path}: no database here; load records first (vnfacts load RECORDS{option})")
        path.parent.mkdir(parents=True, exist_ok=True)
    connect_args = {}
    if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
        connect_args["connect_timeout"] = settings.STORE_CONNECT_TIMEOUT
    try:
        engine = create_engine(url, connect_args=connect_args)
    except (ArgumentError, ModuleNotFoundError) as exc:
        raise StoreError(f"{db}: cannot use this database: {exc}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_setup)
        event.listen(engine, "begin", _sqlite_begin)
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


def _sqlite_begin(connection: Connection) -> None:
    """On a writing SQLite connection, BEGIN IMMEDIATE ourselves: pysqlite leaves DDL outside any transaction.

    With the driver's own transaction handling off (`isolation_level = None`), every CREATE and
    ALTER of the migration is inside this one transaction, so a load killed mid-migration leaves
    the database as it was; IMMEDIATE takes the write lock first, so two first loads at once
    migrate one after the other instead of racing (SQLAlchemy: "Serializable isolation /
    Savepoints / Transactional DDL" for pysqlite). Loads' write transactions (`writing`) begin the same way.
    """
    if connection.get_execution_options().get("vnfacts_writing"):
        connection.exec_driver_sql("BEGIN IMMEDIATE")


# PostgreSQL advisory lock a writing transaction holds: concurrent loads of the same articles take turns.
_WRITE_LOCK = 0x766E6C6F6164


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A transaction that holds the database's write lock from its start, so what it reads stays true until it commits.

    Two loads at once then take turns instead of both inserting what neither found (SQLite:
    BEGIN IMMEDIATE waits for the lock up to the busy timeout; PostgreSQL: an advisory lock).
    """
    with engine.connect() as connection, connection.execution_options(vnfacts_writing=True).begin():
        if connection.dialect.name == "postgresql":
            connection.execute(select(func.pg_advisory_xact_lock(_WRITE_LOCK)))
        yield connection


def migrate(engine: Engine) -> None:
    """Bring the database to the latest schema revision (creating it from nothing if new), all in one transaction."""
    from alembic import command

    if engine.dialect.name != "sqlite":
        with writing(engine) as connection:  # PostgreSQL's DDL is transactional; the lock makes two first loads take turns
            command.upgrade(_alembic_config(connection), "head")
        return
    with engine.connect() as connection:
        dbapi = connection.connection.dbapi_connection
        legacy = dbapi.isolation_level
        dbapi.isolation_level = None
        try:
            with connection.execution_options(vnfacts_writing=True).begin():
                command.upgrade(_alembic_config(connection), "head")
        finally:
            dbapi.isolation_level = legacy


def _check_revision(engine: Engine, db: str) -> None:
    """Refuse a database that is not at this version's schema revision, rather than misread it."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        head = ScriptDirectory.from_config(_alembic_config(connection)).get_current_head()
    if current != head:
        raise StoreError(f"{db}: schema revision {current or 'none'}, this vnfacts needs {head}; run vnfacts load on it to migrate")
