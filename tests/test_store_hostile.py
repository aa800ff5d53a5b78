"""The store under careless use: a first load killed mid-migration, two loads at once, a server that never answers."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, inspect, select

from pipeline.errors import StoreError
from pipeline.store import articles, facts, open_store

ROOT = Path(__file__).resolve().parents[1]
VNFACTS = os.path.join(os.path.dirname(sys.executable), "vnfacts")

# A first load that stops for good after creating its third table, saying so: the test kills it there.
STALLED_MIGRATION = """
import sys, time
from alembic.operations import Operations
made = []
create_table = Operations.create_table
def stalling(self, *args, **kwargs):
    result = create_table(self, *args, **kwargs)
    made.append(args[0])
    if len(made) == 3:
        print("mid-migration", flush=True)
        time.sleep(600)
    return result
Operations.create_table = stalling
from pipeline.store import open_store
open_store(sys.argv[1], create=True)
"""


def _records(path: Path, n: int, prefix: str = "a") -> Path:
    """A records file of `n` small articles with one fact each."""
    text = "Đảng bộ tỉnh có 100 đảng viên."
    lines = [
        {
            "article_id": f"{prefix}{i}",
            "source": f"corpus/{prefix}{i}.txt",
            "text": text,
            "facts": [
                {
                    "type": "count",
                    "value": 100,
                    "unit": "đảng viên",
                    "category": "members",
                    "subject": "Đảng bộ tỉnh",
                    "change": "total",
                    "start": 16,
                    "end": 29,
                    "sentence": text,
                    "extractor": "counts@1.1.0",
                    "confidence": 0.9,
                }
            ],
        }
        for i in range(n)
    ]
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    return path


def test_a_first_load_killed_mid_migration_leaves_no_half_schema_and_a_rerun_loads(tmp_path):
    db = tmp_path / "first.db"
    stalled = subprocess.Popen([sys.executable, "-c", STALLED_MIGRATION, str(db)], stdout=subprocess.PIPE, text=True)
    assert stalled.stdout.readline().strip() == "mid-migration"
    stalled.send_signal(signal.SIGKILL)
    stalled.wait()

    raw = create_engine(f"sqlite:///{db}")
    assert inspect(raw).get_table_names() == []  # the three tables made went with the killed transaction
    raw.dispose()
    run = subprocess.run([VNFACTS, "load", str(_records(tmp_path / "r.jsonl", 3)), "--db", str(db)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    engine = open_store(db)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(articles)).scalar_one() == 3
    engine.dispose()


def test_two_loads_at_once_on_a_new_database_both_succeed(tmp_path, db_url):
    db = db_url
    same = _records(tmp_path / "same.jsonl", 150)
    other = _records(tmp_path / "other.jsonl", 150, prefix="b")
    loads = [subprocess.Popen([VNFACTS, "load", str(path), "--db", db], stderr=subprocess.PIPE, text=True) for path in (same, same, other)]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in loads]
    assert [code for code, _ in results] == [0, 0, 0], results
    engine = open_store(db)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(articles)).scalar_one() == 300
        assert conn.execute(select(func.count()).select_from(facts)).scalar_one() == 300
    engine.dispose()


def test_a_postgresql_server_that_accepts_but_never_answers_is_given_up_with_one_line(monkeypatch):
    from pipeline import settings

    monkeypatch.setattr(settings, "STORE_CONNECT_TIMEOUT", 1)  # STORE_CONNECT_TIMEOUT, shortened
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    held = []
    threading.Thread(target=lambda: held.append(listener.accept()), daemon=True).start()
    port = listener.getsockname()[1]
    with pytest.raises(StoreError) as failed:
        open_store(f"postgresql://me@127.0.0.1:{port}/vnfacts", create=True)
    listener.close()
    assert "cannot open the database" in str(failed.value) and "\n" not in str(failed.value).strip()
