"""Settings: named defaults, overridden by one user file and by VNFACTS_<NAME> variables, each read in a fresh process."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VNFACTS = Path(sys.executable).with_name("vnfacts")
SHOWN = "s.FETCH_DELAY, s.SEARCH_LIMIT, s.FETCH_USER_AGENT, s.HTML_ANCESTOR_WEIGHTS, s.CRAWL_PARALLEL_HOSTS, s.DB_HELP"
SHOW = f"import json; from pipeline import settings as s; print(json.dumps([{SHOWN}]))"


def _env(**extra: str) -> dict[str, str]:
    """The test's environment without any VNFACTS_ variable, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("VNFACTS_")}
    return {**env, "PYTHONPATH": str(ROOT), **extra}


def _settings(cwd: Path, **extra: str) -> list:
    """The settings a fresh process sees in `cwd` with the variables `extra`."""
    done = subprocess.run([sys.executable, "-c", SHOW], cwd=cwd, env=_env(**extra), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_settings_defaults_without_a_file_or_variables(tmp_path):
    delay, limit, agent, weights, hosts, db_help = _settings(tmp_path)
    assert (delay, limit, weights, hosts) == (2.0, 20, [1.0, 1.0, 0.5, 0.25], 32)
    assert "+" not in agent and "default data/vnfacts.db" in db_help


def test_settings_user_file_in_the_working_directory_then_variables_override(tmp_path):
    (tmp_path / "vnfacts.toml").write_text('FETCH_DELAY = 3\nsearch_limit = 7\nstore_db = "/srv/facts.db"\nhtml_ancestor_weights = [1, 0.5]\n', encoding="utf-8")
    delay, limit, agent, weights, hosts, db_help = _settings(tmp_path, VNFACTS_SEARCH_LIMIT="9", VNFACTS_FETCH_CONTACT="ops@example.vn")
    assert (delay, limit, weights, hosts) == (3.0, 9, [1.0, 0.5], 32)
    assert agent.endswith("; +ops@example.vn)") and "default /srv/facts.db" in db_help


def test_settings_file_named_by_vnfacts_settings(tmp_path):
    (tmp_path / "vnfacts.toml").write_text("search_limit = 7\n", encoding="utf-8")
    other = tmp_path / "elsewhere.toml"
    other.write_text("crawl_parallel_hosts = 4\n", encoding="utf-8")
    _, limit, _, weights, hosts, _ = _settings(tmp_path, VNFACTS_SETTINGS=str(other), VNFACTS_HTML_ANCESTOR_WEIGHTS="1, 0.25")
    assert (limit, hosts, weights) == (20, 4, [1.0, 0.25])


def _vnfacts_error(tmp_path: Path, **extra: str) -> str:
    """The error `vnfacts --help` ends with under the variables `extra`: one line, no traceback."""
    done = subprocess.run([str(VNFACTS), "--help"], cwd=tmp_path, env=_env(**extra), capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    return done.stderr.strip()


def test_settings_bad_variable_is_a_one_line_error_naming_it(tmp_path):
    assert _vnfacts_error(tmp_path, VNFACTS_FETCH_DELAY="soon") == "Error: VNFACTS_FETCH_DELAY: 'soon' is not a float like the default 2.0"
    assert _vnfacts_error(tmp_path, VNFACTS_SEARCH_LIMIT="2.5").startswith("Error: VNFACTS_SEARCH_LIMIT: '2.5' is not an int")


def test_settings_bad_file_entries_are_one_line_errors_naming_file_and_key(tmp_path):
    path = tmp_path / "vnfacts.toml"
    path.write_text('search_limit = "many"\n', encoding="utf-8")
    assert _vnfacts_error(tmp_path).startswith(f"Error: {path.name}: search_limit: 'many' is not an int")
    path.write_text("fetch_dela = 3\n", encoding="utf-8")
    assert _vnfacts_error(tmp_path) == f"Error: {path.name}: unknown setting 'fetch_dela' (the names are in pipeline/settings.py)"
    path.write_text("fetch_delay = \n", encoding="utf-8")
    assert _vnfacts_error(tmp_path).startswith(f"Error: {path.name}: cannot read the settings file")
    assert _vnfacts_error(tmp_path, VNFACTS_SETTINGS=str(tmp_path / "missing.toml")).startswith(f"Error: {tmp_path / 'missing.toml'}: cannot read")
