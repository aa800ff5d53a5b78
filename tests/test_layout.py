"""The package layout keeps the architecture visible: imports run down the stages, modules stay small."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PIPELINE = ROOT / "pipeline"
MAX_LINES = 600
MAX_TOP_MODULES = 6


def _docstring(path: Path) -> str:
    """The module docstring of a file ('' if it has none)."""
    return ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""


def _rules() -> dict[str, set[str]]:
    """unit → the units it may import, from the layering table of `pipeline/__init__.py`."""
    rules = {}
    for line in _docstring(PIPELINE / "__init__.py").splitlines():
        match = re.fullmatch(r"    (\w+) +(-|[\w ]+)", line)
        if match:
            rules[match.group(1)] = set() if match.group(2) == "-" else set(match.group(2).split())
    return rules


def _modules() -> list[Path]:
    """Every Python file of `pipeline` and `extractors`."""
    return sorted([*PIPELINE.rglob("*.py"), *(ROOT / "extractors").rglob("*.py")])


def _unit(dotted: str) -> str | None:
    """The layering unit of a dotted module name: `pipeline.store.load` → store, `extractors.x` → extractors."""
    parts = dotted.split(".")
    if parts[0] == "extractors":
        return "extractors"
    if parts[0] == "pipeline" and len(parts) > 1:
        return parts[1]
    return None


def _imported_units(path: Path) -> set[str]:
    """The units a module imports, relative imports resolved against its package."""
    package = list(path.relative_to(ROOT).parts[:-1])
    found: set[str | None] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {_unit(alias.name) for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            dotted = ".".join([*base, *(node.module or "").split(".")]).strip(".")
            if dotted == "pipeline":  # `from pipeline import settings`, `from .. import settings`
                found |= {alias.name for alias in node.names}
            else:
                found.add(_unit(dotted))
    return {unit for unit in found if unit}


def _own_unit(path: Path) -> str:
    """The unit a file belongs to: its subpackage or top-level module of `pipeline`, or `extractors`."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return "extractors" if parts[0] == "extractors" else parts[1]


def test_every_unit_of_pipeline_has_a_line_in_the_layering_table():
    units = {path.stem if path.is_file() else path.name for path in PIPELINE.iterdir() if path.suffix == ".py" or (path / "__init__.py").is_file()}
    assert units - {"__init__"} <= set(_rules())


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_a_module_imports_only_what_its_unit_may(path):
    unit = _own_unit(path)
    if unit == "__init__":
        return
    allowed = _rules()[unit] | {unit}
    assert _imported_units(path) <= allowed, f"{path.relative_to(ROOT)} imports {sorted(_imported_units(path) - allowed)}"


def test_text_and_extractors_import_neither_the_store_nor_the_crawl():
    for path in _modules():
        if _own_unit(path) in ("text", "extractors"):
            assert not _imported_units(path) & {"store", "crawl"}, path


@pytest.mark.parametrize("package", sorted(p.parent for p in PIPELINE.glob("*/__init__.py")), ids=lambda p: p.name)
def test_each_subpackage_says_what_it_may_import_as_the_table_does(package):
    said = re.search(r"May import: ([^.]*(?:\.\w[^.]*)*)\.?", " ".join(_docstring(package / "__init__.py").split()))
    assert said, f"{package.name}/__init__.py does not say what it may import"
    named = {_unit(name) for name in re.findall(r"(?:pipeline\.\w+|extractors)", said.group(1))}
    assert named == _rules()[package.name]


def test_extractors_say_they_import_nothing_of_the_pipeline():
    assert "May import: nothing of pipeline." in " ".join(_docstring(ROOT / "extractors" / "__init__.py").split())


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_is_over_six_hundred_lines(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)}: {lines} lines"


def test_pipeline_keeps_at_most_six_top_level_modules():
    modules = sorted(p.name for p in PIPELINE.glob("*.py") if p.name != "__init__.py")
    assert len(modules) <= MAX_TOP_MODULES, modules
