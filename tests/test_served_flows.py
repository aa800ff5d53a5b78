"""The scheduled crawl as a researcher runs it: a real Prefect server, the flows served by a subprocess, runs triggered through the server.

A throwaway `prefect server start` (the pinned version) listens on a free port of 127.0.0.1
with its own PREFECT_HOME; `python flows.py serve` or `vnfacts schedule` serves the
deployments against it; `prefect deployment run` starts a run as the cron would, and the
run's state, logs, summary artifact and stored facts are read back.
"""

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from pipeline.crawl.demo_site import build_site, serve, stop
from pipeline.flows import demo_sources
from tests.pipeline.crawl_fixtures import FAMILY_PAGES, pages

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ARTICLES = 4  # pages the fixture paper serves
SERVER_START = 120.0  # seconds a Prefect server may take to answer its health check
RUN_TIMEOUT = 240.0  # seconds a triggered run may take to end
DEPLOYMENTS = ("nightly/nightly", "backfill/backfill")


def _free_port() -> int:
    """A port nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _call(api: str, path: str, body: dict | None = None, method: str | None = None) -> object:
    """GET (or POST `body` as JSON to) the Prefect API; the decoded answer."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"{api}{path}", data=data, headers={"Content-Type": "application/json"}, method=method)
    with urllib.request.urlopen(request, timeout=10) as answer:
        found = answer.read()
    return json.loads(found) if found else None


def _wait(what: str, check, seconds: float, process: subprocess.Popen | None = None, log: Path | None = None):
    """Poll `check` until it returns a true value; fail naming `what` (with the process's log) when time runs out or the process died."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            pytest.fail(f"{what}: the process ended with {process.returncode}:\n{log.read_text()[-3000:] if log else ''}")
        try:
            found = check()
        except OSError:
            found = None
        if found:
            return found
        time.sleep(0.5)
    pytest.fail(f"{what}: not within {seconds} s:\n{log.read_text()[-3000:] if log else ''}")


def _end(process: subprocess.Popen) -> None:
    """Stop a subprocess: politely, then for good."""
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def prefect(tmp_path_factory):
    """A throwaway Prefect server on 127.0.0.1: the environment its clients use."""
    home = tmp_path_factory.mktemp("prefect-home")
    port = _free_port()
    env = {
        **os.environ,
        "PREFECT_HOME": str(home),
        "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_RUNNER_POLL_FREQUENCY": "1",
        "PREFECT_CLI_COLORS": "false",
    }
    log = home / "server.log"
    with log.open("wb") as out:
        server = subprocess.Popen([BIN / "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)], env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait("the Prefect server", lambda: _call(env["PREFECT_API_URL"], "/health"), SERVER_START, server, log)
        yield env
    finally:
        _end(server)


@pytest.fixture(scope="module")
def paper():
    """A provincial paper on 127.0.0.1 with a few article pages, a listing, a feed and robots.txt."""
    site = serve({})
    site.routes.update(build_site(site.base, pages(*FAMILY_PAGES[:ARTICLES])))
    yield site
    stop(site)


@contextmanager
def _serving(command: list, prefect: dict, tmp_path: Path):
    """Serve in a subprocess until the server knows both deployments; afterwards stop it and delete them (the next test serves anew)."""
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=tmp_path, env=prefect, stdout=out, stderr=subprocess.STDOUT)
    api = prefect["PREFECT_API_URL"]
    deployments: list[dict] = []
    try:
        for name in DEPLOYMENTS:
            deployments.append(_wait(f"deployment {name}", lambda name=name: _call(api, f"/deployments/name/{name}"), 90, process, log))
        process.log = log  # type: ignore[attr-defined]
        yield process
    finally:
        _end(process)
        for deployment in deployments:  # a busy server may answer 503 for a moment: the next test needs them gone
            _wait(f"deleting deployment {deployment['name']}", lambda d=deployment: _deleted(api, d["id"]), 60)


def _deleted(api: str, deployment_id: str) -> bool:
    """Delete a deployment; whether it is gone (a 404 means an earlier try got through)."""
    try:
        _call(api, f"/deployments/{deployment_id}", method="DELETE")
    except urllib.error.HTTPError as exc:
        if exc.code != 404:
            raise
    return True


def _trigger(prefect: dict, deployment: str, *params: str) -> dict:
    """Start a run of a served deployment, as the schedule would, and wait for it to end; the flow run."""
    command = [BIN / "prefect", "deployment", "run", deployment]
    for param in params:
        command += ["--param", param]
    started = subprocess.run(command, env=prefect, capture_output=True, text=True, timeout=60)
    assert started.returncode == 0, started.stdout + started.stderr
    run_id = next(line.split()[-1] for line in started.stdout.splitlines() if "UUID" in line)
    api = prefect["PREFECT_API_URL"]

    def ended() -> dict | None:
        run = _call(api, f"/flow_runs/{run_id}")
        return run if run["state_type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") else None

    return _wait(f"run {run_id} of {deployment}", ended, RUN_TIMEOUT)


def _logs(prefect: dict, run: dict) -> list[str]:
    """The messages a flow run logged to the server, once its last one ("Finished in state ...") has arrived (logs are sent in batches)."""

    def arrived() -> list[str] | None:
        found = _call(prefect["PREFECT_API_URL"], "/logs/filter", {"logs": {"flow_run_id": {"any_": [run["id"]]}}, "limit": 200})
        messages = [entry["message"] for entry in found]
        return messages if any(message.startswith("Finished in state") for message in messages) else None

    return _wait(f"the logs of run {run['id']}", arrived, 30)


def _stored(db: Path) -> tuple[int, int]:
    """Articles and facts in a SQLite fact database."""
    with sqlite3.connect(db) as conn:
        return conn.execute("select count(*) from articles").fetchone()[0], conn.execute("select count(*) from facts").fetchone()[0]


def test_a_served_nightly_run_completes_stores_the_paper_and_publishes_its_summary(prefect, paper, tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text(demo_sources(paper.base), encoding="utf-8")
    db, archive = tmp_path / "facts.db", tmp_path / "archive"
    command = [sys.executable, ROOT / "flows.py", "serve", "--sources", sources, "--db", db, "--archive", archive]
    with _serving(command, prefect, tmp_path) as server:
        run = _trigger(prefect, "nightly/nightly")
        assert run["state_type"] == "COMPLETED", server.log.read_text()[-3000:]
        articles, facts = _stored(db)
        assert articles == ARTICLES and facts > 0
        logs = _logs(prefect, run)
        assert any(message.startswith("Run summary:") and "TOTAL" in message for message in logs)
        assert not any("Finished in state Completed" in message and "Task run" in message for message in logs)
        table = _call(prefect["PREFECT_API_URL"], "/artifacts/filter", {"artifacts": {"key": {"any_": ["nightly-summary"]}}})
        rows = json.loads(table[0]["data"])
        assert [row["site"] for row in rows] == ["demo", "TOTAL"] and rows[-1]["new"] == ARTICLES

        again = _trigger(prefect, "backfill/backfill", "since=2020-01-01")
        assert again["state_type"] == "COMPLETED", server.log.read_text()[-3000:]
        assert _stored(db) == (articles, facts)  # the backfill finds the same articles and stores nothing twice
        assert len(list(archive.glob("*.warc.gz"))) == 2


def test_a_served_run_with_a_bad_configuration_fails_with_its_cause_in_its_own_log(prefect, paper, tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text(demo_sources(paper.base), encoding="utf-8")
    command = [sys.executable, ROOT / "flows.py", "serve", "--sources", sources, "--db", tmp_path / "facts.db"]
    with _serving(command, prefect, tmp_path):
        missing = _trigger(prefect, "nightly/nightly", f"sources_file={tmp_path / 'gone.toml'}")
        assert missing["state_type"] == "FAILED"
        assert f"{tmp_path / 'gone.toml'}: sources file not found" in _logs(prefect, missing)

        refused = _trigger(prefect, "nightly/nightly", "db=postgresql://nobody@127.0.0.1:1/vnfacts")
        assert refused["state_type"] == "FAILED"
        causes = [message for message in _logs(prefect, refused) if "cannot open the database" in message]
        assert causes and "\n" not in causes[0] and "Connection refused" in causes[0]


def test_vnfacts_schedule_serves_the_nightly_flow_from_the_installed_package(prefect, paper, tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text(demo_sources(paper.base), encoding="utf-8")
    db = tmp_path / "facts.db"
    command = [BIN / "vnfacts", "schedule", "--sources", sources, "--db", db, "--archive", tmp_path / "archive", "--cron", "30 1 * * *"]
    with _serving(command, prefect, tmp_path) as server:  # started in tmp_path: no source checkout in its folder
        schedules = _call(prefect["PREFECT_API_URL"], "/deployments/name/nightly/nightly")["schedules"]
        assert schedules[0]["schedule"]["cron"] == "30 1 * * *" and schedules[0]["schedule"]["timezone"] == "Asia/Ho_Chi_Minh"
        run = _trigger(prefect, "nightly/nightly")
        assert run["state_type"] == "COMPLETED", server.log.read_text()[-3000:]
        assert _stored(db)[0] == ARTICLES


@pytest.mark.parametrize(("option", "said"), [(["--cron", "bogus"], 'Invalid cron string: "bogus"'), (["--timezone", "Mars/Olympus"], 'Invalid timezone: "Mars/Olympus"')])
def test_vnfacts_schedule_refuses_a_bad_cron_or_time_zone_in_one_line(option, said, tmp_path):
    done = subprocess.run([BIN / "vnfacts", "schedule", *option], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and said in done.stderr and "Traceback" not in done.stderr
