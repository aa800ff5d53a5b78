"""Checking `sources.toml` entries before a run: every problem of every entry at once, each naming entry and field.

A bad entry (unknown or missing field, wrong type, a regex that does not compile, a CSS selector
soupsieve refuses, a page template without `{n}` or with other braces) is reported and skipped;
the other sites run.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from typing import Any

import soupsieve

__all__ = ["entry_problems"]


def _type_problem(value: Any, hint: Any) -> str | None:
    """Why `value` is not of the annotated type `hint` (int, float, str, X | None, tuple[str, ...]), or None."""
    options = typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, types.UnionType) else (hint,)
    if value is None and type(None) in options:
        return None
    for option in options:
        if option is bool and isinstance(value, bool):
            return None
        if option is int and isinstance(value, int) and not isinstance(value, bool):
            return None
        if option is float and isinstance(value, (int, float)) and not isinstance(value, bool):
            return None
        if option is str and isinstance(value, str):
            return None
        if typing.get_origin(option) is tuple and isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            return None
    wanted = " or ".join("a list of strings" if typing.get_origin(o) is tuple else getattr(o, "__name__", str(o)) for o in options if o is not type(None))
    return f"must be {wanted}, not {value!r}"


def _value_problems(entry: dict[str, Any]) -> list[tuple[str, str]]:
    """(field, problem) for well-typed values that still cannot work: regex, selector, page template, numbers, URLs."""
    found = []
    pattern = entry.get("article_pattern")
    if isinstance(pattern, str):
        try:
            re.compile(pattern)
        except re.error as exc:
            found.append(("article_pattern", f"invalid regular expression: {exc}"))
    next_page = entry.get("next_page")
    if isinstance(next_page, str) and next_page:
        if "{" in next_page or "}" in next_page:
            try:
                if next_page.format(n=2) == next_page.format(n=3):
                    found.append(("next_page", "a page template needs {n}"))
            except (KeyError, IndexError, ValueError) as exc:
                found.append(("next_page", f"bad page template (only {{n}} may stand in braces): {exc}"))
        elif not next_page.startswith("?"):
            try:
                soupsieve.compile(next_page)
            except soupsieve.SelectorSyntaxError as exc:
                found.append(("next_page", f"invalid CSS selector: {str(exc).splitlines()[0]}"))
    for key in ("max_pages", "delay"):
        value = entry.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
            found.append((key, f"must not be negative, not {value!r}"))
    for key in ("start_urls", "feeds", "sitemaps"):
        for url in entry.get(key) or ():
            if isinstance(url, str) and not re.match(r"https?://[^/\s]+", url):
                found.append((key, f"{url!r} is not an http(s) URL"))
    return found


def entry_problems(entry: Any, cls: type) -> list[str]:
    """Every problem of one `[[source]]` table against the dataclass `cls` it must build, as `field: problem`."""
    if not isinstance(entry, dict):
        return [f"is not a table: {entry!r}"]
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    problems = [f"{key}: unknown field" for key in entry if key not in fields]
    for name, spec in fields.items():
        if name not in entry:
            if spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING:
                problems.append(f"{name}: missing")
            continue
        problem = _type_problem(entry[name], hints[name])
        if problem:
            problems.append(f"{name}: {problem}")
    problems += [f"{key}: {problem}" for key, problem in _value_problems(entry) if not any(p.startswith(f"{key}: must be") for p in problems)]
    return problems
